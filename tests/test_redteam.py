"""A fast, seeded slice of the red team (python -m checker.lab.redteam): evasion families over scams.

The full run checks each scam with a fold model that never saw it; this slice checks the rules and
the judgement alone (no model), the part that must hold by design: the families the normaliser, the
claims stage and the monotone floor were built against, plus padding, link forms and homoglyphs
(held out, and met: links are read in look-alike letters too), keep at least 97 % of flagged scams
flagged (issue 8 target). Paraphrase (both halves of its table) is reported by the full run, with the
model; the rules and judgement alone do not meet it, so it is not asserted here.
"""

import json
import pathlib
import random

import pytest

from checker.lab.redteam import _PARAPHRASES, _PARAPHRASES_HELD_OUT, DESIGNED, EDITS, FAMILIES, HELD_OUT, evasion
from checker.pipeline import check_with
from checker.stages.model import ModelError

CORPUS = pathlib.Path(__file__).resolve().parents[1] / "data" / "corpus.jsonl"
# 600 scams (about 520 flagged ones): at 200 one family sat a row or two from its bound, and each
# corpus change redraws the sample; the full run is the figure, this slice a guard against regressions.
SLICE = 600
MET = (*DESIGNED, "padding", "link_forms", "homoglyphs", "warning_frame", "warning_inside", "prefix", "prefix_held_out")


def _no_model():
    raise ModelError("rules and judgement only")


def _rules_only(text):
    return check_with(text, _no_model)


@pytest.fixture(scope="module")
def rates():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    scams = random.Random(3).sample([r["text"] for r in rows if r["label"] == "scam"], SLICE)
    return {name: low / n for name, (low, n) in evasion(scams, _rules_only).items()}


def test_half_of_the_families_are_held_out():
    assert set(HELD_OUT) | set(DESIGNED) == set(FAMILIES) and len(HELD_OUT) == len(DESIGNED)


def test_the_held_out_paraphrases_are_other_wordings():
    """The held-out half measures generalisation only if none of its wordings is a dev one."""
    dev = {w for words in _PARAPHRASES.values() for w in words}
    held_out = {w for words in _PARAPHRASES_HELD_OUT.values() for w in words}
    assert held_out and not dev & held_out


@pytest.mark.parametrize("family", MET)
def test_each_family_keeps_flagged_scams_flagged(rates, family):
    assert rates[family] <= 0.03, f"{family}: {rates[family]:.1%} of flagged scams brought to low_risk"


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edits_are_deterministic(name):
    text = "【支付宝】您的借呗已逾期，请拨打400-810-2345或访问 http://alipay-zx.com/a 处理，转账到6222021234567890123。"
    assert EDITS[name](text, random.Random(1)) == EDITS[name](text, random.Random(1))


REPORTS = [
    # (family, rate, expected mark): single families against 3 %, combinations against 5 %.
    ("reassuring", 0.029, "met"),
    ("reassuring", 0.031, "**not met**"),
    ("combined", 0.049, "met"),
    ("all", 0.051, "**not met**"),
]


def test_the_readme_table_judges_each_family_against_its_target():
    from checker.lab.model_card import redteam_figures

    for family, rate, mark in REPORTS:
        report = {"flagged": 100, "held_out_families": ["padding"], "evasion_rate": {family: rate}, "lowered": {family: round(rate * 100)}}
        row = [line for line in redteam_figures(report) if line.startswith(f"| {family}")]
        assert len(row) == 1 and row[0].endswith(f": {mark} |"), (family, rate, row)
