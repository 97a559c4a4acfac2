"""Rule weights against the corpus: a red flag must fire more often on scams than on genuine messages."""

import json
import pathlib
from collections import Counter

from checker.stages.entities import extract
from checker.stages.normalize import normalize
from checker.stages.rules import catalogue, find_flags

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _hit_rates() -> tuple[dict[str, float], dict[str, float]]:
    hits = {"scam": Counter(), "legit": Counter()}
    totals = Counter()
    for line in (ROOT / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        norm = normalize(item["text"])
        totals[item["label"]] += 1
        hits[item["label"]].update({flag.id for flag in find_flags(norm, extract(norm))})
    return (
        {rule: n / totals["scam"] for rule, n in hits["scam"].items()},
        {rule: n / totals["legit"] for rule, n in hits["legit"].items()},
    )


def test_every_red_flag_fires_more_often_on_scams_than_on_genuine_messages():
    scam, legit = _hit_rates()
    wrong_way = [
        f"{rule.id}: legit {legit.get(rule.id, 0.0):.3f} >= scam {scam.get(rule.id, 0.0):.3f}"
        for rule in catalogue().rules
        if rule.weight > 0 and legit.get(rule.id, 0.0) > 0 and legit.get(rule.id, 0.0) >= scam.get(rule.id, 0.0)
    ]
    assert wrong_way == []
