"""The verdict is a small function of rule weights and the model's probability."""

import pytest

from checker.stages.rules import catalogue
from checker.stages.verdict import ModelOpinion, at_least, decide

CONFIG = catalogue().verdict
AGREE, LIFT = 0.6, 0.8  # model thresholds for these tables


def opinion(probability, enough=True):
    return None if probability is None else ModelOpinion(probability, AGREE, LIFT, enough)


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
    ([], 0.79, "low_risk"),  # above the agree threshold, but no rule agrees and below the lift one
    ([], 0.59, "low_risk"),
    # with a rule that agrees, it may tip a weak rule into suspicious, never into high_risk
    ([3.0], 0.99, "suspicious"),
    ([3.0], 0.3, "suspicious"),
    ([1.0], 0.99, "suspicious"),
    ([1.0], 0.9, "suspicious"),
    ([1.0], 0.3, "low_risk"),
    ([4.0], 0.99, "high_risk"),  # the rules reach it alone
]


@pytest.mark.parametrize(("weights", "probability", "expected"), CASES)
def test_verdict_table(weights, probability, expected):
    assert decide(weights, opinion(probability), CONFIG).verdict == expected


@pytest.mark.parametrize("weights", [[], [3.0], [1.0]])
def test_thin_evidence_gives_the_model_no_say(weights):
    assert decide(weights, opinion(0.999, enough=False), CONFIG) == decide(weights, None, CONFIG)


@pytest.mark.parametrize(("weights", "probability", "_"), CASES)
def test_score_is_in_unit_interval(weights, probability, _):
    assert 0.0 <= decide(weights, opinion(probability), CONFIG).score <= 1.0


def test_score_grows_with_points():
    scores = [decide([w], None, CONFIG).score for w in (0, 1, 2, 4, 8)]
    assert scores == sorted(scores) and scores[0] == 0.0


@pytest.mark.parametrize(
    ("verdict", "threshold", "expected"),
    [("low_risk", "suspicious", False), ("suspicious", "suspicious", True), ("high_risk", "suspicious", True),
     ("suspicious", "high_risk", False), ("high_risk", "high_risk", True)],
)
def test_at_least(verdict, threshold, expected):
    assert at_least(verdict, threshold) is expected


# The ceiling (issue 9, brief ads10): where the message claims to be nobody, speaks of nothing of the
# reader's, asks for nothing through an unconfirmed channel and does nothing genuine senders never do,
# the sum of its cues stops below high_risk; the floor still counts in full, and with a ceiling of
# high_risk (the default) nothing changes.
CEILING_CASES = [
    # (weights, model probability, floor, ceiling, expected)
    ([2.0, 1.2, 0.5], None, "low_risk", "suspicious", "suspicious"),
    ([2.0, 1.2, 0.5], None, "low_risk", "high_risk", "high_risk"),
    ([4.0, 2.0], 0.99, "suspicious", "suspicious", "suspicious"),
    ([1.0], None, "low_risk", "suspicious", "low_risk"),  # a ceiling raises nothing
    ([], 0.99, "low_risk", "suspicious", "suspicious"),
    ([0.5], None, "high_risk", "high_risk", "high_risk"),
]


@pytest.mark.parametrize(("weights", "probability", "floor", "ceiling", "expected"), CEILING_CASES)
def test_the_ceiling_caps_the_points_never_the_floor(weights, probability, floor, ceiling, expected):
    verdict = decide(weights, opinion(probability), CONFIG, floor, ceiling)
    assert verdict.verdict == expected
    assert 0.0 <= verdict.score <= 1.0
