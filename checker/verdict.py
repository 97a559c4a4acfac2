"""Stage 5: from rule weights and the model's probability to a verdict and a score in [0, 1].

Rules add points (SpamAssassin-style); points become a score with 1 - exp(-points / scale). The model
may lift a message the rules leave at low_risk up to suspicious, but never further on its own:
it adds points only when at least one rule with a positive weight agrees (reliability.md, "Scores").
The thresholds live with the rules in data/rules.toml, [verdict].
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LOW, SUSPICIOUS, HIGH = "low_risk", "suspicious", "high_risk"
ORDER = (LOW, SUSPICIOUS, HIGH)


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    score: float
    rule_points: float


def _score(points: float, scale: float) -> float:
    return 1.0 - math.exp(-max(points, 0.0) / scale)


def decide(
    weights: Sequence[float],
    model_probability: float | None,
    model_threshold: float,
    config: dict,
) -> Verdict:
    """Combine rule weights and the model's probability (None when the model is unavailable)."""
    points = sum(weights)
    scale, suspicious, high = config["scale"], config["suspicious"], config["high_risk"]
    score = _score(points, scale)
    if model_probability is not None and model_probability >= model_threshold:
        strength = (model_probability - model_threshold) / max(1.0 - model_threshold, 1e-9)
        if any(w > 0 for w in weights):
            score = _score(points + config["model_weight"] * strength, scale)
        # On its own the model reaches the suspicious band, never the high one.
        lifted = suspicious + (high - suspicious) * 0.99 * strength
        score = max(score, min(lifted, math.nextafter(high, 0.0)))
    score = min(max(score, 0.0), 1.0)
    level = HIGH if score >= high else SUSPICIOUS if score >= suspicious else LOW
    return Verdict(level, round(score, 4), round(points, 4))


def at_least(verdict: str, threshold: str) -> bool:
    return ORDER.index(verdict) >= ORDER.index(threshold)
