#!/usr/bin/env python3
"""Write the held-out registers as dev.jsonl and heldout.jsonl: the genuine messages of register.txt
genuine_register_2.txt to genuine_register_5.txt (label legit) and the scams of scam_register.txt, scam_register_2.txt and scam_register_3.txt (label scam), each written
blind from the documented formats and hooks, never trained on.

Each message goes to one half by a hash of its text, so the split never depends on the order of
the register or on what the checker answers: dev.jsonl is the half whose errors may be read
and fixed; heldout.jsonl is read only as an aggregate figure (`checker evaluate --suite
data/holdout`), so it keeps measuring what the fixes did to messages nobody tuned on.
Same row format as the measured real sets: text, label, category, type, provenance.

Usage:  python3 data/holdout/build_holdout.py   (rewrites both files; deterministic)
"""
from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Each register, the label of its rows and the taxonomy kind their @type must be.
REGISTERS = (
    ("register.txt", "legit", "genuine"),
    ("scam_register.txt", "scam", "fraud"),
    ("genuine_register_2.txt", "legit", "genuine"),
    ("genuine_register_3.txt", "legit", "genuine"),
    ("genuine_register_4.txt", "legit", "genuine"),
    ("genuine_register_5.txt", "legit", "genuine"),
    ("genuine_register_6.txt", "legit", "genuine"),
    ("genuine_register_7.txt", "legit", "genuine"),
    ("genuine_register_8.txt", "legit", "genuine"),
    ("genuine_register_9.txt", "legit", "genuine"),
    ("genuine_register_10.txt", "legit", "genuine"),
    ("genuine_register_11.txt", "legit", "genuine"),
    ("genuine_register_12.txt", "legit", "genuine"),
    ("genuine_register_13.txt", "legit", "genuine"),
    ("genuine_register_14.txt", "legit", "genuine"),
    ("genuine_register_15.txt", "legit", "genuine"),
    ("genuine_register_16.txt", "legit", "genuine"),
    ("genuine_register_17.txt", "legit", "genuine"),
    ("genuine_register_18.txt", "legit", "genuine"),
    ("genuine_register_19.txt", "legit", "genuine"),
    ("genuine_register_20.txt", "legit", "genuine"),
    ("genuine_register_21.txt", "legit", "genuine"),
    ("genuine_register_22.txt", "legit", "genuine"),
    ("genuine_register_23.txt", "legit", "genuine"),
    ("scam_register_2.txt", "scam", "fraud"),
    ("scam_register_3.txt", "scam", "fraud"),
    ("scam_register_4.txt", "scam", "fraud"),
    ("scam_register_5.txt", "scam", "fraud"),
    ("scam_register_6.txt", "scam", "fraud"),
    ("scam_register_7.txt", "scam", "fraud"),
    ("scam_register_8.txt", "scam", "fraud"),
    ("scam_register_9.txt", "scam", "fraud"),
    ("scam_register_10.txt", "scam", "fraud"),
    ("scam_register_11.txt", "scam", "fraud"),
    ("scam_register_12.txt", "scam", "fraud"),
    ("scam_register_13.txt", "scam", "fraud"),
    ("scam_register_14.txt", "scam", "fraud"),
    ("scam_register_15.txt", "scam", "fraud"),
    ("scam_register_16.txt", "scam", "fraud"),
    ("scam_register_17.txt", "scam", "fraud"),
    ("scam_register_18.txt", "scam", "fraud"),
)
TAXONOMY = HERE.parent.parent / "checker" / "data" / "taxonomy.toml"
HALVES = ("dev.jsonl", "heldout.jsonl")


def half_of(text: str) -> str:
    return HALVES[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


def read_register(path: Path, label: str) -> list[dict]:
    fields: dict[str, str] = {}
    rows: list[dict] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            fields[key] = value.strip()
            continue
        missing = {"category", "type", "prov"} - fields.keys()
        if missing:
            sys.exit(f"{path.name}:{number}: no @{', @'.join(sorted(missing))} above this line")
        rows.append({"text": line, "label": label, "category": fields["category"],
                     "type": fields["type"], "provenance": fields["prov"]})
    return rows


def main() -> None:
    types = tomllib.loads(TAXONOMY.read_text(encoding="utf-8"))["type"]
    rows: list[dict] = []
    for name, label, kind in REGISTERS:
        written = read_register(HERE / name, label)
        unknown = sorted({row["type"] for row in written} - {entry["id"] for entry in types if entry.get("kind") == kind})
        if unknown:
            sys.exit(f"{name}: not a {kind} type of taxonomy.toml: {', '.join(unknown)}")
        rows += written
    texts = [row["text"] for row in rows]
    repeated = sorted({text for text in texts if texts.count(text) > 1})
    if repeated:
        sys.exit(f"written twice: {repeated[0]}")
    for name in HALVES:
        with open(HERE / name, "w", encoding="utf-8") as out:
            for row in rows:
                if half_of(row["text"]) == name:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows: " + ", ".join(
        f"{name} {sum(half_of(t) == name for t in texts)}" for name in HALVES))


if __name__ == "__main__":
    main()
