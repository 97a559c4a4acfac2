"""Stage 7: the immutable result of a check, and its plain-data form (the JSON contract).

Offsets: every `start` / `end` (evidence, entities, model cues) counts Python code points of the
pasted text, so `pasted[start:end] == text`. A JavaScript, Java or Kotlin app counts UTF-16 code
units instead; the two differ only after a character outside the Basic Multilingual Plane (an emoji,
a rare CJK character). `CheckResult.to_dict(offsets="utf16")` and `CheckResult.utf16_offset()` give
UTF-16 offsets. The JSON says which unit it uses (`offsets`). The JSON Schema of everything the
program writes is checker/data/schema.json; SCHEMA_VERSION is its version.
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .advice import Advice, Step, public_sources
from .entities import Entity
from .filters import Suppressed
from .rules import Evidence, Flag

# 2: red flags and risk-lowering signs in separate lists (`flags` is gone from the JSON), the
# `offsets` unit, schema_version on every record of batch, rules and evaluate.
SCHEMA_VERSION = 2

Verdict = Literal["low_risk", "suspicious", "high_risk"]
"""The answer, from least to most suspicious."""

OffsetUnit = Literal["codepoint", "utf16"]
"""What `start` and `end` count: Python code points (the default) or UTF-16 code units."""

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)

# The keys of CheckResult.to_dict() (tests/test_api.py checks the two agree): batch keeps an input
# field of one of these names out of the way of the result's own.
RESULT_KEYS = frozenset({
    "schema_version", "offsets", "verdict", "verdict_text", "verdict_text_en", "score", "rule_points",
    "model_probability", "model_status", "model_cues", "red_flags", "lowering_signs", "entities", "advice",
    "reminder", "reminder_en", "notes", "steps", "not_official", "claims", "suppressed", "fraud_types",
})

VERDICT_WORDS: dict[Verdict, tuple[str, str]] = {
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

    def to_dict(self) -> dict[str, Any]:
        """Plain data: term, weight, evidence [{start, end, text}]."""
        return {"term": self.term, "weight": self.weight, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The answer for one message: verdict, score, the reasons with evidence, and where to verify.

    Frozen and picklable. Offsets in evidence and entities are code points of the pasted text (see
    the module's docstring); `to_dict(offsets="utf16")` converts them for UTF-16 apps.
    """

    verdict: Verdict
    score: float  # 0..1
    red_flags: tuple[Flag, ...]  # rules that raise the risk (weight > 0), most important first
    lowering_signs: tuple[Flag, ...]  # rules that lower it (weight < 0), e.g. only confirmed numbers
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
    # The fraud types (taxonomy ids) of a message with red flags: the type the model's namer reads it as first,
    # when the namer is sure enough (steps.toml [limits].namer_share); then those the red flags point to, most
    # supported first. The first one chooses the steps.
    fraud_types: tuple[str, ...] = ()
    # Code-point offsets of the paste's characters outside the BMP (each is two UTF-16 units): enough
    # to convert offsets without keeping the text.
    non_bmp_offsets: Sequence[int] = field(default=(), repr=False)

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Deprecated, kept for compatibility: red_flags followed by lowering_signs."""
        return self.red_flags + self.lowering_signs

    @property
    def fraud_type(self) -> str | None:
        """The fraud type (taxonomy id) of a message with red flags: the namer's when it is sure enough,
        else the one the red flags support most; None without red flags."""
        return self.fraud_types[0] if self.fraud_types else None

    @property
    def verdict_text(self) -> str:
        """The verdict in Chinese words."""
        return VERDICT_WORDS[self.verdict][0]

    @property
    def verdict_text_en(self) -> str:
        """The verdict in English words."""
        return VERDICT_WORDS[self.verdict][1]

    def summary(self) -> dict[str, Any]:
        """The short form that batch records and check_frame's columns share: verdict, score,
        red-flag and lowering-sign ids, fraud type, model probability (in that order)."""
        return {
            "verdict": self.verdict,
            "score": self.score,
            "red_flags": [f.id for f in self.red_flags],
            "lowering_signs": [f.id for f in self.lowering_signs],
            "fraud_type": self.fraud_type,
            "model_probability": self.model_probability,
        }

    def utf16_offset(self, offset: int) -> int:
        """The UTF-16 code-unit offset of a code-point offset into the pasted text."""
        return offset + bisect_left(self.non_bmp_offsets, offset)

    def to_dict(self, offsets: OffsetUnit = "codepoint") -> dict[str, Any]:
        """JSON-ready plain data, valid against the `check_result` definition of schema.json."""
        if offsets not in get_args(OffsetUnit):
            raise ValueError(f"offsets must be one of {get_args(OffsetUnit)}, not {offsets!r}")
        payload: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "offsets": offsets,
            "verdict": self.verdict,
            "verdict_text": self.verdict_text,
            "verdict_text_en": self.verdict_text_en,
            "score": self.score,
            "rule_points": self.rule_points,
            "model_probability": self.model_probability,
            "model_status": self.model_status,
            "model_cues": [c.to_dict() for c in self.model_cues],
            # `sources`: the public, authoritative addresses among a flag's sources, the ones to show.
            "red_flags": [f.to_dict() | {"sources": list(public_sources(f.source))} for f in self.red_flags],
            "fraud_types": list(self.fraud_types),
            "lowering_signs": [f.to_dict() | {"sources": list(public_sources(f.source))} for f in self.lowering_signs],
            "entities": [e.to_dict() for e in self.entities],
            "advice": [a.to_dict() for a in self.advice],
            "reminder": self.reminder,
            "reminder_en": self.reminder_en,
            "notes": list(self.notes),
            "claims": copy.deepcopy(self.claims),  # a copy: the caller may change the payload
            "suppressed": [s.to_dict() for s in self.suppressed],
            "steps": [s.to_dict() for s in self.steps],
            "not_official": [{"text": zh, "text_en": en} for zh, en in self.not_official],
        }
        if offsets == "utf16" and self.non_bmp_offsets:
            spans = [*payload["entities"]]
            for item in (*payload["red_flags"], *payload["lowering_signs"], *payload["model_cues"], *payload["suppressed"]):
                spans.extend(item["evidence"])
            reading = payload["claims"]
            spans.extend(item["evidence"] for key in ("claims", "requests", "channels") for item in reading.get(key, ()))
            for span in spans:
                span["start"], span["end"] = self.utf16_offset(span["start"]), self.utf16_offset(span["end"])
        return payload
