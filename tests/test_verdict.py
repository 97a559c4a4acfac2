"""The verdict is a small function of rule weights and the model's probability."""

import pytest

from checker.rules import catalogue
from checker.verdict import at_least, decide

CONFIG = catalogue().verdict
T = 0.6  # a model threshold for these tables

CASES = [
    # (weights, model probability, expected verdict)
    ([], None, "low_risk"),
    ([1.0], None, "low_risk"),
    ([2.0], None, "suspicious"),
    ([2.0, 1.5], None, "suspicious"),
    ([4.0], None, "high_risk"),
    ([3.0, 2.5], None, "high_risk"),
    ([4.0, -2.0], None, "suspicious"),
    ([-1.5], None, "low_risk"),
    # the model lifts a quiet message to suspicious, never to high_risk on its own
    ([], 0.99, "suspicious"),
    ([], 1.0, "suspicious"),
    ([-1.5], 0.999, "suspicious"),
    ([], 0.59, "low_risk"),
    # with a rule that agrees, it may tip the balance
    ([3.0], 0.99, "high_risk"),
    ([3.0], 0.3, "suspicious"),
]


@pytest.mark.parametrize(("weights", "probability", "expected"), CASES)
def test_verdict_table(weights, probability, expected):
    assert decide(weights, probability, T, CONFIG).verdict == expected


@pytest.mark.parametrize(("weights", "probability", "_"), CASES)
def test_score_is_in_unit_interval(weights, probability, _):
    assert 0.0 <= decide(weights, probability, T, CONFIG).score <= 1.0


def test_score_grows_with_points():
    scores = [decide([w], None, T, CONFIG).score for w in (0, 1, 2, 4, 8)]
    assert scores == sorted(scores) and scores[0] == 0.0


@pytest.mark.parametrize(
    ("verdict", "threshold", "expected"),
    [("low_risk", "suspicious", False), ("suspicious", "suspicious", True), ("high_risk", "suspicious", True),
     ("suspicious", "high_risk", False), ("high_risk", "high_risk", True)],
)
def test_at_least(verdict, threshold, expected):
    assert at_least(verdict, threshold) is expected
