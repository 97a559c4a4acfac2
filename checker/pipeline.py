"""check(text): the whole flow, text -> normalise -> entities -> claims -> rules -> told -> model -> verdict -> advice.

Pure: prints nothing, never exits, opens no connection, writes no file, keeps no message text.
"""

from __future__ import annotations

import contextlib
import gc
import math
import sys
from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar, cast

from .stages import advice as advice_stage
from .stages import claims as claims_stage
from .stages import filters as filters_stage
from .stages import model as model_stage
from .stages import told as told_stage
from .stages.entities import extract
from .stages.normalize import Normalized, normalize
from .stages.patterns import precompiled
from .stages.result import CheckResult, ModelCue, Verdict
from .stages.rules import MAX_EVIDENCE, Evidence, Flag, LazyPattern, catalogue, compile_all, find_flags, model_asides
from .stages.verdict import ORDER, ModelOpinion, decide

MAX_CHARS = 1_000_000
MAX_ENTITIES = 200  # listed in the result; the rules see them all
_WARM_UP = "【法务中心】您的借呗已逾期，请今日内转账到6222021234567890123，详询 http://t.cn/x 或 13800138000。"
T = TypeVar("T")
R = TypeVar("R")
_NON_BMP = precompiled("[\U00010000-\U0010ffff]")  # two UTF-16 code units each


class InputError(ValueError):
    """The text cannot be checked: empty, blank, or longer than MAX_CHARS. (Not text at all: TypeError.)"""


def _model_opinion(norm, entities, reading, load_model):
    """(prediction, opinion, status); prediction and opinion are None when the model cannot be trusted."""
    try:
        model = load_model()
    except model_stage.ModelError as exc:
        return None, None, f"unavailable: {exc}"
    # The model reads a message without its asides too: a line that only reassures, warns or pads cannot
    # talk its opinion down (issue 8). Not a warning that asks nothing outside official channels, nor
    # one that retells a scam: set aside, its warning would leave the scam it quotes.
    held = [(r.evidence.start, r.evidence.end) for r in reading.requests if r.through != "official"]
    asides = () if reading.warning_notice or reading.retelling else model_asides(norm, entities, held)
    prediction = model.predict(norm, entities, reading, asides, _retold_spans(norm, reading))
    enough = prediction.known_words >= model_stage.MIN_KNOWN_WORDS
    opinion = ModelOpinion(prediction.probability, model.agree_threshold, model.lift_threshold, enough)
    return prediction, opinion, "ok" if enough else "ok: too few known words to weigh"


def _retold_spans(norm: Normalized, reading: claims_stage.Reading) -> list[tuple[int, int]]:
    """The pasted spans of the clauses a warning retells as the scammer's words (claims.retold_clauses),
    where the message reads as a warning and its sender offers no unofficial channel: the model does not
    let such a clause speak for the message (issue 8, notice19b). A warning frame around a scam that gives
    its own number, link, card or chat id keeps every clause (tests/test_monotone.py)."""
    if not (reading.warning_notice or reading.retelling) or reading.own_way:
        return []
    return [norm.span(s, e) for s, e in claims_stage.retold_clauses(norm.text)]


def check(text: str) -> CheckResult:
    """Check one pasted message, offline; thread-safe.

    Raises TypeError when `text` is not a str, InputError when it is empty, blank or longer than
    MAX_CHARS. The first call loads the rules and the model (a fraction of a second); later calls
    take about a millisecond.
    """
    return check_with(text, model_stage.load)


def check_with(
    text: str, load_model: Callable[[], model_stage.Model], load_teller: Callable[[], told_stage.Teller] = told_stage.load
) -> CheckResult:
    """check() with the model that `load_model()` returns and the told reader `load_teller()` returns
    (evaluation of fold models uses this)."""
    if not isinstance(text, str):
        raise TypeError(f"the message must be text (str), not {type(text).__name__}")
    if not text.strip():
        raise InputError("the message is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"the message is longer than {MAX_CHARS:,} characters")
    norm = normalize(text)
    # A scam's SMS the message quotes and names as one is read masked (issue 8).
    norm = claims_stage.read_as(norm)
    # Quotation marks are not in the normalised text (a mark that splits a word splits nothing, for no
    # pattern and not for the model: issue 8, red team quotes); the claims read reported speech from the
    # quotations the normaliser recorded.
    with claims_stage.quoting(norm):
        result, _ = _check_normalized(text, norm, load_model, load_teller)
    return result


def _check_normalized(
    text: str,
    norm: Normalized,
    load_model: Callable[[], model_stage.Model],
    load_teller: Callable[[], told_stage.Teller] = told_stage.load,
) -> tuple[CheckResult, claims_stage.Reading]:
    """check_with() on the paste `text` read as `norm`; and the claims' reading."""
    entities = extract(norm)
    reading = claims_stage.read(norm, entities)
    flags, suppressed = _filtered_flags(norm, entities, reading)
    told = _told_story(norm, reading, flags, load_teller)
    if told is not None:
        # Every sentence that holds a red flag or a request reads as a story told, not a request made
        # (told.py): the message is read as a warning that retells a scam.
        reading = told
        flags, suppressed = _filtered_flags(norm, entities, reading, told=True)
    prediction, opinion, model_status = _model_opinion(norm, entities, reading, load_model)
    if reading.retelling and opinion is not None and not any(f.weight > 0 for f in flags):
        # A warning that retells a scam reads like the scam to the model, word for word; what it asks
        # of the reader is what counts, and it asks nothing outside official channels.
        opinion, model_status = None, "ok: not weighed: a warning that retells a scam"
    probability = prediction.probability if prediction else None
    ceiling = _ceiling(flags, reading)
    verdict = decide([f.weight for f in flags], opinion, catalogue().verdict, _floor(flags, reading, ceiling), ceiling)
    # Red: the rules that add points, and the judgement's findings (some weigh nothing but are red).
    finding_ids = reading.finding_ids
    red_flags = tuple(f for f in flags if f.weight > 0 or f.id in finding_ids)
    # The reminder goes with any talk of money or law, and with any red flag, whatever the verdict.
    money_or_legal = bool(red_flags) or advice_stage.speaks_of_money_or_law(norm.text)
    reminder_zh, reminder_en = advice_stage.reminder(money_or_legal)
    # What the namer reads the message as leads the fraud types (advice.fraud_types says why); it
    # is worked out only for a message with red flags or a model opinion the verdict shows, and its
    # cue spans only for the opinion shown.
    naming = None
    if prediction is not None and (red_flags or verdict.model_counted):
        naming = prediction.naming(cues=verdict.model_counted)
    read_as = None
    if naming is not None and not naming.kind.id.startswith(model_stage.FAMILY_PREFIX):
        read_as = advice_stage.read_as(naming.kind.id, naming.share)
    red_reading = advice_stage.read_red_flags(entities, red_flags, read_as, naming.order if naming is not None else ())
    cues: tuple[ModelCue, ...] = ()
    model_flag: tuple[Flag, ...] = ()
    if naming is not None and verdict.model_counted:
        cues = tuple(
            ModelCue(term, weight, tuple(Evidence(s, e, text[s:e]) for s, e in spans))
            for term, weight, spans in naming.cues
        )
        # The model's opinion is a named red flag too, weighted by the points it added to the score;
        # advice and steps stay with the rules (no type-specific advice on the model's guess).
        scale = catalogue().verdict["scale"]
        model_points = -scale * math.log(max(1.0 - verdict.score, 1e-12)) - verdict.rule_points
        model_flag = (model_stage.named_flag(naming, text, model_points),)
    notes: tuple[str, ...] = ()
    if len(entities) > MAX_ENTITIES:
        notes = (f"entities: the first {MAX_ENTITIES} of {len(entities)} are listed",)
    result = CheckResult(
        verdict=cast(Verdict, verdict.verdict),  # one of verdict.ORDER
        score=verdict.score,
        red_flags=(*red_flags, *model_flag),
        fraud_types=red_reading.fraud_types,
        lowering_signs=tuple(f for f in flags if not (f.weight > 0 or f.id in finding_ids)),
        entities=entities[:MAX_ENTITIES],
        advice=advice_stage.advise(entities, red_reading.flag_ids, money_or_legal, red_reading.named),
        reminder=reminder_zh,
        reminder_en=reminder_en,
        rule_points=verdict.rule_points,
        model_probability=None if probability is None else round(probability, 4),
        model_cues=cues,
        model_status=model_status,
        notes=notes,
        claims=reading.to_dict(),
        suppressed=suppressed,
        steps=advice_stage.next_steps(
            entities,
            flags,
            verdict.verdict,
            types=(read_as,) if read_as is not None else (),
            red_reading=red_reading,
            loss=advice_stage.loss_told(norm),
            persons=reading.claimed_persons,
        ),
        # The judgement's channel_mismatch already names these: say it once.
        not_official=_not_named_already(advice_stage.not_official(entities), reading.mismatched_values),
        # Machine integers: a paste of a million emoji would otherwise hold a million int objects.
        non_bmp_offsets=array("q", (m.start() for m in _NON_BMP.finditer(text))),
    )
    return result, reading


def _not_named_already(lines: tuple[tuple[str, str], ...], mismatched: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The lines that name none of the values a channel_mismatch finding names."""
    return tuple(line for line in lines if not any(v and v in line[0] for v in mismatched))


def _floor(flags: tuple[Flag, ...], reading: claims_stage.Reading, ceiling: str = ORDER[-1]) -> str:
    """The least verdict: the judgement's floor and, where lowering is not allowed, the level the red
    flags alone reach (the model can add to them, never take away: padding cannot dilute them), up to
    the ceiling."""
    floor = reading.floor
    if not reading.lowering_allowed:
        alone = min(_red_flags_alone(flags), ceiling, key=ORDER.index)
        floor = max(floor, alone, key=ORDER.index)
    return floor


def _ceiling(flags: tuple[Flag, ...], reading: claims_stage.Reading) -> str:
    """The most the points may reach (issue 9). high_risk needs one of: a claim to be an institution or
    a person (claims.py: a bank, a court, a platform, a boss, a relative ...); a notice about the
    reader's own money or account (claims.toml stakes.notice: a card frozen, a loan granted to "您", a
    prize won), which speaks for whoever keeps that account; a request for money or credentials
    through an unconfirmed channel (the judgement's high_risk floor); or a red flag that genuine
    senders never raise (rules.toml never_genuine). Without any of them the message claims to be
    nobody, speaks of nothing of the reader's, asks nothing and does nothing a genuine sender never
    does: a seller's ad that gives its own mobile, chat id or link and a line of urgency, however many
    such cues it adds up, stays at suspicious. Reassuring text takes none of the four away, so the
    ceiling never moves a scam down when a line is added (tests/test_monotone.py).

    A claim to be a person the reader knows (a boss, a relative, a teacher ...) counts only where the
    message asks for something beyond a contact or a call (money, a code, the screen, an app): the
    first message of the sequence, "新号，存一下，加我微信，明天来我办公室", asks nothing yet and is
    "verify first" (issue 9, brief acq11); the rules that flag such an opener (rules.toml `opener`)
    likewise grant no high ceiling. A line added to a message adds claims, requests and flags, and
    takes none away, so this too never moves a message down."""
    if (
        reading.floor == ORDER[-1]
        or any(c.kind != "person" for c in reading.claims)
        or (reading.claims and reading.request_kinds & _ASKED_OF_A_PERSON)
        or reading.notice
        or any(f.weight > 0 and f.id in _never_genuine_asking() for f in flags)
    ):
        return ORDER[-1]
    return ORDER[1]


# What a claimed person asks that takes a message past "verify first": money, a code, the screen, an app.
_ASKED_OF_A_PERSON = frozenset({"pay", "credentials", "screen_share", "download"})


@lru_cache(maxsize=1)
def _never_genuine() -> frozenset[str]:
    """The red flags that genuine senders never raise (rules.toml, never_genuine)."""
    return frozenset(rule.id for rule in catalogue().rules if rule.never_genuine)


def _held_in_retelling(norm: Normalized) -> frozenset[str]:
    """The never_genuine red flags that count in a retelling of this message too: all but a scam's hooks that the
    message refutes (rules.toml, refuted: "ETC认证不会失效", "征信谁也改不了"). A hook asks nothing by itself, and a
    warning names it and says it is false; a scam does not refute its own hook, and a demand, a threat or a request
    for a code made in the message's own words is no retelling of anything."""
    return _never_genuine() - frozenset(
        rule_id for rule_id, refuted in _refutations().items() if refuted.compiled.search(norm.text) is not None
    )


@lru_cache(maxsize=1)
def _refutations() -> dict[str, LazyPattern]:
    """What refutes each hook (rules.toml, refuted)."""
    return {rule.id: rule.refuted for rule in catalogue().rules if rule.refuted is not None}


@lru_cache(maxsize=1)
def _vouching() -> frozenset[str]:
    """The lowering signs that vouch for the message's channels (rules.toml, vouches)."""
    return frozenset(rule.id for rule in catalogue().rules if rule.vouches)


@lru_cache(maxsize=1)
def _never_genuine_asking() -> frozenset[str]:
    """The never_genuine red flags but a known person's opener (rules.toml, opener), which asks
    nothing yet: those that open the high_risk band (_ceiling)."""
    return frozenset(rule.id for rule in catalogue().rules if rule.never_genuine and not rule.opener)


def _red_flags_alone(flags: Iterable[Flag]) -> str:
    """The verdict the red flags reach by themselves: no lowering sign, no model."""
    return decide([f.weight for f in flags if f.weight > 0], None, catalogue().verdict).verdict


# A sentence that speaks to the reader ("您的号码涉嫌…", "您已被立案", "你一充值…") or for the sender's own body
# ("我所将于三日内起诉", "本行") is the message's own, however the rest reads: not where the reader is whom a
# third person asks ("对方让您…", "如果你…", "你要是…", "骗子会叫你…"), nor the body someone impersonates ("冒用我公司名义":
# round 60); nor the reader after a scenario opened on what someone else does ("若有人给你发短信说…": _addressed).
_ADDRESSED = precompiled(
    r"(?<![让叫令骗诱导若果凡])(?<!要求)(?<![让叫令][^\W您你])[您你](?!们|要是|如果|若|一旦|万一|假如)"
    r"|(?<!冒用)(?<!冒充)(?<!假冒)(?<!仿冒)(?:我(?:所|司|行|院|局|中心|平台|公司|们)|本(?:所|司|行|院|局|中心|平台|公司|人))"
)


def _addressed(prefix: str) -> bool:
    """Whether a sentence up to a place speaks to the reader or for the sender's own body (_ADDRESSED), the reader
    named after a scenario opened on someone else aside (claims.toml retelling.scenario_opens: "若有人…你")."""
    found = list(_ADDRESSED.finditer(prefix))
    if not found:
        return False  # most sentences: no scenario to look for
    opened = claims_stage.scenario_opened(prefix)
    return any(opened is None or m.start() <= opened or m.group() not in "您你" for m in found)


# An id the entity stage did not take for a chat id or a number: letters and digits ("加fwjcx6576"), or seven
# digits and more that are no sum ("客服QQ是3145026788"): a way to reach someone all the same, for the told
# reader (a word has no digits, a sum its unit, a hotline fewer digits).
_BARE_ID = precompiled(r"(?<![a-z0-9_])(?=[a-z0-9_]*[a-z])(?=[a-z0-9_]*\d)[a-z0-9_]{6,}|(?<![\d.])\d{7,}(?![\d.]|元|块|万)")


def _told_views(norm: Normalized, reading: claims_stage.Reading, flags: tuple[Flag, ...]) -> list[tuple[int, int]] | None:
    """What the told reader is to score (told.views) for the red flags' evidence and the requests through
    unofficial channels, in the normalised text; None where the reader is not asked, because the message
    cannot be a warning that retells a scam whatever it reads like:
    - it is read as a retelling already;
    - an unofficial number, link, card or chat id it names (or an id of letters and digits) is not told as the
      scammer's (claims.scammers_way: in a quotation of someone else's words, or after the scammer named or someone
      made to act by another in its sentence: "对方让她加微信 kf_0917"); each that is, is a place read like the
      others (issue 8, round 51: warnings name the scam's ways, and a way the message gives is its own);
    - someone in it still asks what to do (a victim's question is read as the scam he got);
    - a red flag that genuine senders never raise, a hook the message refutes aside (_held_in_retelling), stands
      outside the patterns' retold words (it would count in a retelling all the same), or a red flag kept fewer
      places than it has;
    - a sentence up to a place (a red flag's evidence, but the claim a finding names: who speaks asks nothing) orders
      the reader (claims' fresh imperative: 请, 立即, 务必 …), speaks to him or for the sender's own body
      (_addressed), or the place is in the 【…】 the message signs with; the words
      of a quotation of someone else's (claims.masked_quotations: "收到“…请点击…”的短信") are the scam's, not
      the message's;
    - the message has no word of warning (claims' denial) and nobody is named before a place in its sentence
      (claims' third person: 对方, 他, 她, 有人, X某 …): a request or a hook of nobody's is the message's own
      ("扫我发在群里的收款码交一下", "在家动动手指日赚300")."""
    text = norm.text
    red = [f for f in flags if f.weight > 0]
    asked = [r for r in reading.requests if r.through != "official"]
    if not (red or asked) or reading.retelling:
        return None  # nothing to lower (most messages: asked first)
    if claims_stage.asks_what_to_do(text):
        return None
    if any(not 0 < len(f.evidence) < MAX_EVIDENCE for f in red):
        return None  # a red flag with places it did not keep (or none): not every place can be read
    held = _held_in_retelling(norm)
    if any(f.id in held and not _all_retold(norm, f) for f in red):
        return None  # what genuine senders never do counts in a retelling too (_filtered_flags keeps it)
    starts = norm.starts
    last = len(text)

    def normalised(a: int, b: int) -> tuple[int, int]:
        return min(bisect_left(starts, a), last), min(bisect_left(starts, b), last)

    places = [normalised(r.evidence.start, r.evidence.end) for r in asked]
    # Who the message claims to be is no request (round 60): a finding's claim ("【某某公安】", the sender's own tag) is not
    # one of its places, its request is.
    claimed = {(c.evidence.start, c.evidence.end) for c in reading.claims}
    places += [normalised(e.start, e.end) for f in red for e in f.evidence if (e.start, e.end) not in claimed]
    warned = reading.denial is not None
    ways = [normalised(c.evidence.start, c.evidence.end) for c in reading.named_ways]
    ways += [m.span() for m in _BARE_ID.finditer(text)]
    quoted = claims_stage.masked_quotations(text, warned)
    if any(not claims_stage.scammers_way(text, quoted, start) for start, _ in ways):
        return None  # a way the message gives, not one it tells of the scammer: its own
    places += ways
    for start, end in places:
        sentence = claims_stage.sentence_start(text, start)
        prefix = quoted[sentence:end]
        if claims_stage.governed_fresh(prefix) or _addressed(prefix) or claims_stage.in_tag(text, start):
            return None
        if not warned and not claims_stage.third_person_before(text, sentence, start):
            return None  # a hook nobody is named with, in a message with no word of warning: the message's own
    return told_stage.views(text, places) or None


def _told_story(
    norm: Normalized, reading: claims_stage.Reading, flags: tuple[Flag, ...], load_teller: Callable[[], told_stage.Teller]
) -> claims_stage.Reading | None:
    """The reading as a retelling where the told reader says every sentence with a red flag or an
    unofficial request tells of a scam (told.py); None where it does not, or is not asked (_told_views).
    Whatever the message asks through official channels ("拨打96110") stays."""
    views = _told_views(norm, reading, flags)
    if views is None:
        return None
    try:
        teller = load_teller()
    except told_stage.TellerError:
        return None  # the patterns' reading stands
    if not told_stage.all_told(teller, norm.text, views):
        return None
    official = tuple(r for r in reading.requests if r.through == "official")
    return reading._replace(requests=official, findings=(), retelling=True)


def _filtered_flags(norm, entities, reading: claims_stage.Reading, told: bool = False):
    """The rules' flags and the judgement's findings, after the named filters; and what they suppressed.
    `told`: the reading is a retelling because every sentence of its flags reads as told (_told_story)."""
    policy = filters_stage.negation(reading)
    flags, negated = find_flags(
        norm, entities, policy, reading.request_kinds, reading.claimed_persons, reading.own_way, reading.request_kinds_outside,
        reading.unjudged_story,
    )
    suppressed = [
        filters_stage.suppressed(rule, filter_id, tuple((e.start, e.end, e.text) for e in evidence[:3]))
        for rule, (filter_id, evidence) in negated.items()
    ]
    # Lowering signs count only where every channel is official or nothing is asked; and even then,
    # anyone can add an official number or "请登录官方App核实" to a message: where its red flags alone
    # reach high_risk, or one of them is something genuine senders never do, such lines never take it
    # down (issue 8, monotone safety). Where lowering is allowed there are no findings, so the rules'
    # flags alone decide that.
    if reading.retelling:
        # Its red flags are the scam it retells, each listed as suppressed (filters.toml); but not what
        # genuine senders never do ("再不还钱就去你家找你爸妈"): "谨防骗子" put before a threat must not
        # make it a retelling. Such a flag counts unless a warning governs it where it stands, or every
        # place it was found is a third person's words the warning retells ("接着他会说案件保密",
        # claims.retold); a flag with as many places as are kept may have more, and counts.
        held = _held_in_retelling(norm)
        retold = [f for f in flags if f.weight > 0 and (f.id not in held or _all_retold(norm, f))]
        why = filters_stage.TOLD_STORY if told else filters_stage.WARNING_RETELLING
        suppressed += [
            filters_stage.suppressed(f.id, why, tuple((e.start, e.end, e.text) for e in f.evidence[:3]))
            for f in retold
        ]
        flags = tuple(f for f in flags if f not in retold)
    # An institution's own tariff, stated in a message whose every channel is its official one (claims.Reading.
    # service_fee): the fee rules do not count it (round 25: "【招商银行】信用卡取现需支付1%手续费…" was high_risk).
    if reading.service_fee:
        fees = tuple((r.evidence.start, r.evidence.end, r.evidence.text) for r in reading.requests if r.kind == "pay")[:3]
        suppressed += [filters_stage.suppressed(f.id, filters_stage.SERVICE_FEE_TERMS, tuple((e.start, e.end, e.text) for e in f.evidence[:3])) for f in flags if f.id in _SERVICE_FEE_RULES]
        suppressed.append(filters_stage.suppressed("fee_demanded", filters_stage.SERVICE_FEE_TERMS, fees))  # the claims stage did not make it
        flags = tuple(f for f in flags if f.id not in _SERVICE_FEE_RULES)
    blocked = None if reading.lowering_allowed else filters_stage.LOWERING_NEEDS_OFFICIAL_CHANNELS
    if blocked is None and _red_flags_alone(flags) == ORDER[-1]:
        blocked = filters_stage.RED_FLAGS_REACH_HIGH_RISK
    if blocked is None and any(f.id in _never_genuine() for f in flags):
        blocked = filters_stage.NEVER_FROM_GENUINE_SENDERS
    if blocked is None and any(f.weight > 0 for f in flags) and not reading.own_official_channel:
        # A sign that vouches for the message's channels, where it names none of its own beside a red
        # flag: the demand it makes gives no channel, and "以官方App显示为准" can be added to any message.
        own = filters_stage.LOWERING_NEEDS_ITS_OWN_CHANNEL
        vouching = _vouching()
        suppressed += [
            filters_stage.suppressed(f.id, own, tuple((e.start, e.end, e.text) for e in f.evidence[:3]))
            for f in flags
            if f.id in vouching
        ]
        flags = tuple(f for f in flags if f.id not in vouching)
    if blocked is not None:
        suppressed += [
            filters_stage.suppressed(f.id, blocked, tuple((e.start, e.end, e.text) for e in f.evidence[:3]))
            for f in flags
            if f.weight < 0
        ]
        flags = tuple(f for f in flags if f.weight >= 0)
    findings = tuple(
        Flag(
            f.id,
            f.title,
            f.title_en,
            f.why,
            f.why_en,
            f.weight,
            tuple(Evidence(s.start, s.end, s.text, f"claims:{f.id}") for s in f.evidence),
            f.source,
            f.types,
        )
        for f in reading.findings
    )
    ordered = tuple(sorted(findings + flags, key=lambda f: (-f.weight, f.id)))
    return ordered, tuple(suppressed)


# The fee rule an institution's own tariff is kept from (claims.Reading.service_fee; the claims stage makes no
# fee_demanded finding for it).
_SERVICE_FEE_RULES = frozenset({"debtor_fee_demand"})


def _all_retold(norm, flag: Flag) -> bool:
    """Whether every place the flag was found stands in a third person's words that the warning retells
    (claims.retold), and all its places were kept (fewer than rules.MAX_EVIDENCE)."""
    if not flag.evidence or len(flag.evidence) >= MAX_EVIDENCE:
        return False
    starts = norm.starts
    return all(claims_stage.retold(norm.text, min(bisect_left(starts, e.start), len(norm.text) - 1)) for e in flag.evidence)


def check_many(texts: Iterable[str], n_jobs: int = 1, chunk_size: int = 256) -> Iterator[CheckResult | InputError]:
    """Check many messages, yielding results in input order.

    A message that cannot be checked (not text, empty, too long) yields an InputError instead of
    stopping the run. With n_jobs > 1, chunks are checked in parallel worker processes; memory stays
    bounded because texts are read and results yielded a few chunks at a time.
    """
    return ordered_map(safe_check, texts, n_jobs, chunk_size)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], n_jobs: int = 1, chunk_size: int = 256) -> Iterator[R]:
    """fn(item) for each item, in input order, in `n_jobs` processes; fn must be picklable.

    On Linux the workers are forked after this process has loaded the rules and the model once, so
    they start in milliseconds and share those pages; elsewhere they are spawned and load their own.
    """
    if n_jobs == 1:
        for item in items:
            yield fn(item)
        return
    import multiprocessing

    if sys.platform.startswith("linux"):
        preload()
        context = multiprocessing.get_context("fork")
        # What is loaded now stays shared with the forked workers: their garbage collector leaves it
        # alone instead of touching (and so copying) every page of it.
        gc.freeze()
    else:
        context = multiprocessing.get_context("spawn")
    # At most two chunks in flight per worker: an endless input is read only as fast as it is checked.
    window = 2 * n_jobs
    pool = context.Pool(n_jobs, initializer=_ignore_interrupts)
    try:
        pending: deque = deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.apply_async(_map_chunk, (fn, chunk)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    except GeneratorExit:
        # The consumer stopped early (itertools.islice, a break): the few chunks in flight finish and
        # the workers leave on their own. Pool.terminate() here, with workers mid-chunk, could hang on
        # the task queue's lock (seen once in CI); it is kept for errors and Ctrl-C.
        pool.close()
        raise
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()


def preload() -> None:
    """Load now what the first check would: the rules with every pattern compiled, the model and its
    dictionaries. Call it before forking worker processes (check_many does; so can a Dask or Spark
    driver whose workers fork), so that they start checking at once and share those pages."""
    safe_check(_WARM_UP)
    compile_all(catalogue())
    with contextlib.suppress(model_stage.ModelError):
        model_stage.load().prepare()


def safe_check(text: object) -> CheckResult | InputError:
    """check(), with input that cannot be checked (not text, empty, too long) returned as an InputError."""
    if isinstance(text, InputError):  # a line the reader could not turn into text
        return text
    if not isinstance(text, str):
        return InputError(f"the message must be text (str), not {type(text).__name__}")
    try:
        return check(text)
    except InputError as exc:
        return exc


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers stay quiet.
    import signal  # here, not at the top: its enums are ~1 ms of a cold check, which starts no worker

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _map_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
