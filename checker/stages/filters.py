"""Named filters: the exceptions to the red flags, as separate, visible steps (detect-secrets style).

Each filter is a predicate on the reading of the message (checker/stages/claims.py) and has a name
and a reason in data/filters.toml. What a filter suppresses is listed in the result, never dropped
silently. Warnings and lowering rules count only where every channel is official or nothing is asked,
so reassuring text can never take a message below the floor its requests and channels set.
"""

from __future__ import annotations

from functools import lru_cache

from . import datafile
from .claims import Reading
from .records import NamedTuple  # typing's, without evaluating the annotations

FILTERS_FILE = "data/filters.toml"
WARNING_CLAUSE = "warning_clause"
WARNING_NOTICE = "warning_notice"
LOWERING_NEEDS_OFFICIAL_CHANNELS = "lowering_needs_official_channels"
LOWERING_NEEDS_ITS_OWN_CHANNEL = "lowering_needs_its_own_channel"
RED_FLAGS_REACH_HIGH_RISK = "red_flags_reach_high_risk"
NEVER_FROM_GENUINE_SENDERS = "never_from_genuine_senders"
WARNING_RETELLING = "warning_retelling"
TOLD_STORY = "told_story"
SENDER_DISOWNS = "sender_disowns"
PAID_AFTER_SERVICE = "paid_after_service"
PAID_BY_WRITER = "paid_by_writer"
DEPOSIT_HELD = "deposit_held"
SERVICE_FEE_TERMS = "service_fee_terms"
_KNOWN = (
    WARNING_CLAUSE,
    "before_only",
    WARNING_NOTICE,
    LOWERING_NEEDS_OFFICIAL_CHANNELS,
    LOWERING_NEEDS_ITS_OWN_CHANNEL,
    RED_FLAGS_REACH_HIGH_RISK,
    NEVER_FROM_GENUINE_SENDERS,
    WARNING_RETELLING,
    TOLD_STORY,
    SENDER_DISOWNS,
    PAID_AFTER_SERVICE,
    PAID_BY_WRITER,
    DEPOSIT_HELD,
    SERVICE_FEE_TERMS,
)


class FilterDataError(ValueError):
    """data/filters.toml is malformed or out of step with the code; the message names the filter."""


class Suppressed(NamedTuple):
    """A rule a filter kept from counting, with why and where."""

    rule: str
    filter: str
    reason: str
    reason_en: str
    evidence: tuple[tuple[int, int, str], ...] = ()

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "filter": self.filter,
            "reason": self.reason,
            "reason_en": self.reason_en,
            "evidence": [{"start": s, "end": e, "text": t} for s, e, t in self.evidence],
        }


def parse_filters(raw: str | dict) -> dict[str, tuple[str, str]]:
    """filters.toml's text, or its data, validated."""
    items = (raw if isinstance(raw, dict) else datafile.loads(raw)).get("filter", [])
    out = {}
    for item in items:
        for key in ("id", "reason", "reason_en"):
            if key not in item:
                raise FilterDataError(f"{FILTERS_FILE}: filter {item.get('id', '?')}: missing {key}")
        out[item["id"]] = (item["reason"], item["reason_en"])
    if set(out) != set(_KNOWN):
        raise FilterDataError(f"{FILTERS_FILE}: filters must be exactly {sorted(_KNOWN)}, found {sorted(out)}")
    return out


@lru_cache(maxsize=1)
def filters() -> dict[str, tuple[str, str]]:
    return parse_filters(datafile.load(FILTERS_FILE))


BEFORE_ONLY = "before_only"
OFF = "off"


def negation(reading: Reading) -> str:
    """How the rules may read warning cues:
    - warning_notice: a warning that asks nothing through an unofficial channel; a denial anywhere counts;
    - warning_clause: every channel accountable or nothing asked; a cue counts in its own sentence;
    - before_only: something is asked through a channel that is only unknown; a cue counts only
      before the match in its own clause, with no fresh imperative in between ("（谨防骗局）" after
      a demand no longer cancels it);
    - off: the judgement flagged a request; no wording cancels a red flag."""
    if reading.warning_notice:
        return WARNING_NOTICE
    if reading.lowering_allowed:
        return WARNING_CLAUSE
    return OFF if reading.findings else BEFORE_ONLY


def suppressed(rule: str, filter_id: str, evidence: tuple[tuple[int, int, str], ...] = ()) -> Suppressed:
    reason, reason_en = filters()[filter_id]
    return Suppressed(rule, filter_id, reason, reason_en, evidence)
