"""Regenerate checker/data/t2s_chars.json, the character-level traditional -> simplified table.

The checker converts one character at a time so that spans keep their length; the table is taken
from OpenCC's "t2s" conversion (pip install opencc), keeping only characters whose simplified form
is a single, different character. Run from the project root: python data/build_t2s.py
"""

import json
import pathlib

import opencc

RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]


def main() -> None:
    converter = opencc.OpenCC("t2s")
    table = {}
    for low, high in RANGES:
        for code in range(low, high + 1):
            ch = chr(code)
            simplified = converter.convert(ch)
            if len(simplified) == 1 and simplified != ch:
                table[ch] = simplified
    out = pathlib.Path(__file__).resolve().parent.parent / "checker" / "data" / "t2s_chars.json"
    payload = {"source": f"OpenCC {getattr(opencc, '__version__', '')} t2s, per character", "chars": table}
    out.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} characters -> {out}")


if __name__ == "__main__":
    main()
