"""Rule weights against the corpus: a red flag must fire more often on scams than on genuine messages."""

import json
import pathlib
from collections import Counter

import pytest

from checker.stages.claims import read
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
        entities = extract(norm)
        asked = read(norm, entities).request_kinds
        hits[item["label"]].update({flag.id for flag in find_flags(norm, entities, requests=asked)[0]})
    return (
        {rule: n / totals["scam"] for rule, n in hits["scam"].items()},
        {rule: n / totals["legit"] for rule, n in hits["legit"].items()},
    )


# Red flags the lint found firing as often on genuine corpus rows as on scams, named with why they
# stay for now; the test fails when one of them is fixed, so that the entry is removed.
KNOWN_WRONG_WAY: dict[str, str] = {}


@pytest.mark.sweep
def test_every_red_flag_fires_more_often_on_scams_than_on_genuine_messages():
    scam, legit = _hit_rates()
    wrong_way = {
        rule.id: f"legit {legit.get(rule.id, 0.0):.4f} >= scam {scam.get(rule.id, 0.0):.4f}"
        for rule in catalogue().rules
        if rule.weight > 0 and legit.get(rule.id, 0.0) > 0 and legit.get(rule.id, 0.0) >= scam.get(rule.id, 0.0)
    }
    assert {k: v for k, v in wrong_way.items() if k not in KNOWN_WRONG_WAY} == {}
    assert sorted(set(KNOWN_WRONG_WAY) - set(wrong_way)) == [], "fixed: remove it from KNOWN_WRONG_WAY"


def test_fitted_weights_replace_the_hand_weights_by_id():
    from checker.stages.rules import apply_weights

    cat = catalogue()
    first, second = cat.rules[0], cat.rules[1]
    moved = apply_weights(cat, {first.id: first.weight * 2})
    assert moved.rules[0].weight == first.weight * 2 and moved.rules[1].weight == second.weight


@pytest.mark.parametrize(
    ("weights", "message"),
    [({"no_such_rule": 1.0}, "no such rule"), ("flip", "sign"), ({"x": "heavy"}, "no such rule")],
)
def test_fitted_weights_are_validated(weights, message):
    from checker.stages.rules import CatalogueError, apply_weights

    cat = catalogue()
    if weights == "flip":
        weights = {cat.rules[0].id: -cat.rules[0].weight}
    with pytest.raises(CatalogueError, match=message):
        apply_weights(cat, weights)


def test_the_weight_fit_moves_weights_toward_the_evidence_within_bounds():
    """A rule that fires only on scams gains weight; one that fires only on genuine messages loses it."""
    pytest.importorskip("scipy")
    from checker.lab.weights import BOUND_HIGH, BOUND_LOW, fit

    hits = [[0]] * 40 + [[1]] * 40 + [[0, 1]] * 20
    labels = [1] * 40 + [0] * 40 + [1] * 20
    fitted = fit(hits, labels, prior=[2.0, 2.0], lam=0.001, scale=3.0)
    assert fitted[0] > 2.0 and fitted[1] < 2.0
    assert all(BOUND_LOW <= w <= BOUND_HIGH for w in fitted)


def test_the_comparison_runs_check_with_the_weights_it_is_given_and_restores_the_shipped_ones():
    from checker import check
    from checker.lab.weights import _weights_in_force

    text = "您的借呗已逾期，请将欠款转入指定账户6222021234567890123。"
    shipped = {f.id: f.weight for f in check(text).flags}
    rule_id = next(r for r in shipped if shipped[r] > 0 and r in {rule.id for rule in catalogue().rules})
    with _weights_in_force({rule_id: shipped[rule_id] + 1.0}):
        assert {f.id: f.weight for f in check(text).flags}[rule_id] == shipped[rule_id] + 1.0
    assert {f.id: f.weight for f in check(text).flags} == shipped
