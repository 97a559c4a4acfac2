"""A fast, seeded slice of the red team (python -m checker.lab.redteam): evasion families over scams.

The full run uses fold models that never saw the scams; this slice uses the shipped model on the
first scams of the corpus, so it only guards against regressions, it is not the reported figure.
"""

import json
import pathlib
import random

import pytest

from checker import check
from checker.lab.redteam import DESIGNED, EDITS, FAMILIES, HELD_OUT, evasion

CORPUS = pathlib.Path(__file__).resolve().parents[1] / "data" / "corpus.jsonl"
SLICE = 80


def _scams() -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    scams = [r["text"] for r in rows if r["label"] == "scam"]
    return random.Random(3).sample(scams, SLICE)


@pytest.fixture(scope="module")
def rates():
    return {name: low / n for name, (low, n) in evasion(_scams(), check).items()}


def test_half_of_the_families_are_held_out():
    assert set(HELD_OUT) | set(DESIGNED) == set(FAMILIES) and len(HELD_OUT) == len(DESIGNED)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_keeps_flagged_scams_flagged(rates, family):
    assert rates[family] <= 0.03, f"{family}: {rates[family]:.1%} of flagged scams brought to low_risk"


@pytest.mark.parametrize("edit", ["combined", "all"])
def test_combinations_bring_few_to_low_risk(rates, edit):
    assert rates[edit] <= 0.05, f"{edit}: {rates[edit]:.1%}"


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edits_are_deterministic(name):
    text = "【支付宝】您的借呗已逾期，请拨打400-810-2345或访问 http://alipay-zx.com/a 处理，转账到6222021234567890123。"
    assert EDITS[name](text, random.Random(1)) == EDITS[name](text, random.Random(1))
