"""Stage 7: the immutable result of a check, and its plain-data form (schema_version 1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .advice import Advice, Step, public_sources
from .entities import Entity
from .filters import Suppressed
from .rules import Evidence, Flag

SCHEMA_VERSION = 1

VERDICT_WORDS = {
    "low_risk": ("未见明显异常", "No obvious red flags"),
    "suspicious": ("可疑，请先核实", "Suspicious: verify before acting"),
    "high_risk": ("高度可疑，不要按短信要求付款", "Highly suspicious: do not pay as the message asks"),
}


@dataclass(frozen=True, slots=True)
class ModelCue:
    """A term that pushed the classifier towards 'scam', with where it stands in the pasted text."""

    term: str
    weight: float
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict:
        return {"term": self.term, "weight": self.weight, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class CheckResult:
    verdict: str
    score: float
    flags: tuple[Flag, ...]
    entities: tuple[Entity, ...]
    advice: tuple[Advice, ...]
    reminder: str
    reminder_en: str
    rule_points: float
    model_probability: float | None
    model_cues: tuple[ModelCue, ...] = ()
    model_status: str = "ok"
    notes: tuple[str, ...] = field(default=())
    # What the message claims, asks and through which channel, and the floor they set (stages/claims.py).
    claims: dict = field(default_factory=dict)
    # What the named filters (data/filters.toml) kept from counting, and why.
    suppressed: tuple[Suppressed, ...] = ()
    steps: tuple[Step, ...] = ()
    # Numbers and links in the message that are not the named institution's confirmed ones: (zh, en).
    not_official: tuple[tuple[str, str], ...] = ()

    @property
    def verdict_text(self) -> str:
        return VERDICT_WORDS[self.verdict][0]

    @property
    def verdict_text_en(self) -> str:
        return VERDICT_WORDS[self.verdict][1]

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "verdict": self.verdict,
            "verdict_text": self.verdict_text,
            "verdict_text_en": self.verdict_text_en,
            "score": self.score,
            "rule_points": self.rule_points,
            "model_probability": self.model_probability,
            "model_status": self.model_status,
            "model_cues": [c.to_dict() for c in self.model_cues],
            # `sources`: the public, authoritative addresses among a flag's sources, the ones to show.
            "flags": [f.to_dict() | {"sources": list(public_sources(f.source))} for f in self.flags],
            "entities": [e.to_dict() for e in self.entities],
            "advice": [a.to_dict() for a in self.advice],
            "reminder": self.reminder,
            "reminder_en": self.reminder_en,
            "notes": list(self.notes),
            "claims": self.claims,
            "suppressed": [s.to_dict() for s in self.suppressed],
            "steps": [s.to_dict() for s in self.steps],
            "not_official": [{"text": zh, "text_en": en} for zh, en in self.not_official],
        }
