"""Stage 5: from rule weights and the model's opinion to a verdict and a score in [0, 1].

Rules add points (SpamAssassin-style); points become a score with 1 - exp(-points / scale).
The model speaks in two ways, each with its own threshold chosen by `checker train` on
out-of-fold predictions:
- above `agree_threshold`, and only if a rule with a positive weight already fired, it adds up to
  `model_weight` points: it can tip a weak rule into suspicious, never into high_risk;
- above the stricter `lift_threshold`, it lifts a message the rules leave at low_risk up to
  suspicious, and never further.
high_risk is reached by named rules alone. The model reads every word of the paste, so a line of
reassurance or padding moves it; were it able to carry a message into high_risk, such a line could
take it out again (issue 8: reassuring text never lowers a verdict; tests/test_monotone.py).
Thin evidence counts as neutral (reliability.md, "Scores"): a message with too few words the model
knows gets no say from it at all. Thresholds of the verdict live in data/rules.toml, [verdict].

The floor comes from what the message asks and through which channel (checker/stages/claims.py):
the verdict is never below it, whatever the points and the model say, so reassuring text cannot
talk a request for money through an unofficial channel down (monotone safety).

The ceiling is the most the points may reach (issue 9, brief ads10): high_risk needs a claim to be an
institution or a person, a notice about the reader's own money or account, a request for money or
credentials through an unconfirmed channel, or something genuine senders never do
(checker/pipeline.py _ceiling). An ad that gives its own mobile,
chat id and a line of urgency adds up many points, yet asks nothing and pretends to be nobody: such
a sum stays suspicious. The floor is never above the ceiling, so the ceiling lowers no floor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .records import NamedTuple  # typing's, without evaluating the annotations

LOW, SUSPICIOUS, HIGH = "low_risk", "suspicious", "high_risk"
ORDER = (LOW, SUSPICIOUS, HIGH)


class ModelOpinion(NamedTuple):
    probability: float
    agree_threshold: float
    lift_threshold: float
    enough_evidence: bool = True


class Verdict(NamedTuple):
    verdict: str
    score: float
    rule_points: float
    model_counted: bool


def _score(points: float, scale: float) -> float:
    return 1.0 - math.exp(-max(points, 0.0) / scale)


def _strength(probability: float, threshold: float) -> float:
    return (probability - threshold) / max(1.0 - threshold, 1e-9)


def decide(
    weights: Sequence[float], model: ModelOpinion | None, config: dict, floor: str = LOW, ceiling: str = HIGH
) -> Verdict:
    """Combine rule weights and the model's opinion (None when the model is unavailable), never below
    `floor`; the points and the model reach no higher than `ceiling` (the floor still counts in full)."""
    points = sum(weights)
    scale, suspicious, high = config["scale"], config["suspicious"], config["high_risk"]
    score = _score(points, scale)
    counted = False
    if model is not None and model.enough_evidence:
        p = model.probability
        if p >= model.agree_threshold and any(w > 0 for w in weights):
            # It speaks (its named flag is shown) whenever it agrees, even where the rules already
            # reach high_risk without it.
            agreed = _score(points + config["model_weight"] * _strength(p, model.agree_threshold), scale)
            score, counted = max(score, min(agreed, math.nextafter(high, 0.0))), True
        if p >= model.lift_threshold:
            # On its own the model reaches the suspicious band, never the high one.
            lifted = suspicious + (high - suspicious) * 0.99 * _strength(p, model.lift_threshold)
            if lifted > score:
                score, counted = min(lifted, math.nextafter(high, 0.0)), True
    score = min(max(score, 0.0), 1.0)
    if ceiling != HIGH:
        top = {LOW: suspicious, SUSPICIOUS: high}[ceiling]
        score = min(score, math.nextafter(top, 0.0))
    # The score is raised to the floor's band so that score and verdict always agree.
    score = max(score, {LOW: 0.0, SUSPICIOUS: suspicious, HIGH: high}[floor])
    level = HIGH if score >= high else SUSPICIOUS if score >= suspicious else LOW
    return Verdict(level, round(score, 4), round(points, 4), counted)


def at_least(verdict: str, threshold: str) -> bool:
    return ORDER.index(verdict) >= ORDER.index(threshold)
