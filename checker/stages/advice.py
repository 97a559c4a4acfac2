"""Stage 6: what to do next, as numbered steps chosen by the kind of scam and the institution named.

Only numbers confirmed in domain.md / fraud_taxonomy.md appear here, and they come from
data/steps.toml, data/institutions.toml and data/reference.toml, never from the message: advice
is built without reading a single digit of it. The message's own numbers and links are read only
to say that they are NOT the named institution's confirmed ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import datafile
from .entities import Entity, Institution, institutions
from .normalize import Normalized
from .patterns import precompiled
from .records import NamedTuple  # typing's, without evaluating the annotations
from .rules import Flag, catalogue, sentence_start
from .taxonomy import taxonomy

STEPS_FILE = "data/steps.toml"

REMINDER = (
    "付款前先核实：自己打开官方App，或拨打确认过的官方号码；不要向短信里给出的账户、链接或号码付款；律师函不是法院判决。",
    (
        "Verify before you pay: open the official app yourself or call a confirmed official number; never pay into "
        "an account, link or number given in a message; a lawyer's letter is not a court judgment."
    ),
)


class StepsError(ValueError):
    """data/steps.toml is malformed; the message names the key."""


@dataclass(frozen=True, slots=True)
class Advice:
    """Where to verify: an institution's official channel, or a general line (96110, 110)."""

    id: str
    institution: str
    institution_en: str
    text: str
    text_en: str

    def to_dict(self) -> dict:
        """Plain data: id, institution, institution_en, text, text_en."""
        return {
            "id": self.id,
            "institution": self.institution,
            "institution_en": self.institution_en,
            "text": self.text,
            "text_en": self.text_en,
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One numbered thing to do next, in words a worried reader can act on."""

    id: str
    text: str
    text_en: str

    def to_dict(self) -> dict:
        """Plain data: id, text, text_en."""
        return {"id": self.id, "text": self.text, "text_en": self.text_en}


class Plan(NamedTuple):
    """What one kind of scam calls for: its taxonomy family's entry, overridden by its type's."""

    id: str
    institutions: frozenset[str] | None  # None = every institution named
    stop: tuple[str, str] | None
    facts: tuple[tuple[str, str], ...]


class Steps(NamedTuple):
    default: dict[str, str]
    complain_rules: frozenset[str]
    complain_institutions: frozenset[str]
    complain_types: frozenset[str]
    complain: tuple[str, str]
    max_institutions: int
    namer_share: float
    public_channels: dict[str, str]
    source_hosts: tuple[str, ...]
    explain: dict[str, dict]
    implied: dict[str, str]
    verify: dict[str, tuple[str, str]]
    plans: dict[str, Plan]  # by fraud type id
    claims: dict[str, frozenset[str]]  # institution id or creditor kind -> taxonomy claims
    channels: dict[str, tuple[str, str]]
    loss: Loss


class Loss(NamedTuple):
    """[loss] of data/steps.toml: how the reader's own story of a loss reads, and what it is told."""

    step: tuple[str, str]
    headline: tuple[str, str]
    suffered: re.Pattern[str]
    done: re.Pattern[str]
    gone_wrong: re.Pattern[str]
    cut_off: re.Pattern[str]
    plea: re.Pattern[str]
    first_person: re.Pattern[str]
    other_person: re.Pattern[str]
    not_suffered: re.Pattern[str]


def _loss(raw: dict) -> Loss:
    patterns = {key: precompiled(str(raw[key])) for key in Loss._fields if key not in ("step", "headline")}
    return Loss(step=_pair(raw["step"], "[loss].step"), headline=_pair(raw["headline"], "[loss].headline"), **patterns)


def _pair(value, key: str) -> tuple[str, str]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) and v for v in value)):
        raise StepsError(f"{STEPS_FILE}: {key} must be a [chinese, english] pair")
    return value[0], value[1]


def _known(ids: Iterable[str], known: set[str], key: str) -> None:
    unknown = sorted(set(ids) - known)
    if unknown:
        raise StepsError(f"{STEPS_FILE}: {key}: unknown id(s) {', '.join(unknown)}")


def _plan(type_id: str, item: dict, institution_ids: set[str]) -> Plan:
    where = f"[type.{type_id}] / its [family]"
    allowed = item.get("institutions", "all")
    if allowed != "all":
        _known(allowed, institution_ids, f"{where}.institutions")
    return Plan(
        id=type_id,
        institutions=None if allowed == "all" else frozenset(allowed),
        stop=_pair(item["stop"], f"{where}.stop") if "stop" in item else None,
        facts=tuple(_pair(f, f"{where}.facts") for f in item.get("facts", ())),
    )


@lru_cache(maxsize=1)
def steps() -> Steps:
    """data/steps.toml, validated against the institutions and the rule catalogue."""
    raw = datafile.load(STEPS_FILE)
    institution_ids = {inst.id for inst in institutions()}
    rule_ids = {rule.id for rule in catalogue().rules}
    try:
        default = {k: str(v) for k, v in raw["default"].items()}
        for key in ("stop", "unsure", "report", "calm", "known_person"):
            if not default.get(key) or not default.get(key + "_en"):
                raise StepsError(f"{STEPS_FILE}: [default].{key} and {key}_en are required")
        complain = raw["complain"]
        _known(complain["rules"], rule_ids, "[complain].rules")
        _known(complain["needs_institution"], institution_ids, "[complain].needs_institution")
        implied = dict(raw["implied_institution"])
        _known(set(raw["claims"]) - {"lender", "bank"}, institution_ids, "[claims]")
        _known(implied, rule_ids, "[implied_institution]")
        _known(implied.values(), institution_ids, "[implied_institution]")
        verify = {key: _pair(value, f"[institution].{key}") for key, value in raw["institution"].items()}
        _known(verify, institution_ids, "[institution]")
        fraud = [t for t in taxonomy().types if t.is_fraud]
        _known(raw["family"], {t.family for t in fraud}, "[family]")
        _known(raw["type"], {t.id for t in fraud}, "[type]")
        plans = {t.id: _plan(t.id, raw["family"].get(t.family, {}) | raw["type"].get(t.id, {}), institution_ids) for t in fraud}
        channels = {key: _pair(value, f"[channel].{key}") for key, value in raw["channel"].items()}
        _known(channels, {t.id for t in fraud}, "[channel]")
        _known(complain["types"], {t.id for t in fraud}, "[complain].types")
        explain = dict(raw["explain"])
        _known(explain, rule_ids, "[explain]")
        return Steps(
            default=default,
            complain_rules=frozenset(complain["rules"]),
            complain_institutions=frozenset(complain["needs_institution"]),
            complain_types=frozenset(complain["types"]),
            complain=(complain["text"], complain["text_en"]),
            max_institutions=int(raw["limits"]["institutions"]),
            namer_share=float(raw["limits"]["namer_share"]),
            public_channels=dict(raw["public_channels"]),
            source_hosts=tuple(raw["sources"]["hosts"]),
            explain=explain,
            implied=implied,
            verify=verify,
            plans=plans,
            claims={key: frozenset(value) for key, value in raw["claims"].items()},
            channels=channels,
            loss=_loss(raw["loss"]),
        )
    except KeyError as exc:
        raise StepsError(f"{STEPS_FILE}: missing key {exc}") from None


_CLAUSE_END = precompiled(r"[。，,！!？?；;\n]")
# How far back from the act its loser is looked for, within its sentence: a story names who lost
# close to the loss, and a paste that is one endless sentence is still read in linear time.
_LOSER_WINDOW = 80
# A story of a loss is told in the first few thousand characters of a paste; a megabyte paste is not
# read whole for it (its gaps alone would cost more memory than the paste, tests/test_hostile.py).
_STORY_CHARS = 4000


def loss_told(norm: Normalized) -> bool:
    """Whether the paste is the reader's own story of a loss ([loss] of data/steps.toml): a loss
    suffered, or money sent or a secret told in a text that says it went wrong; in a clause that does
    not say the loss was avoided, whose loser is the writer or the writer's family, not a case a
    warning tells, a colleague, nor the reader a scam addresses; and not a plea for money."""
    loss = steps().loss
    # Most messages tell of no act at all. The story text only blanks quotations and splits clauses at
    # gaps, so it holds no act the normalised text lacks (but across a comma inside a quotation).
    if not (loss.suffered.search(norm.text) or loss.done.search(norm.text)):
        return False
    text = _story(norm if len(norm.text) <= _STORY_CHARS else norm.prefix(_STORY_CHARS))
    if loss.plea.search(text):
        return False
    cut_off = bool(loss.cut_off.search(text))
    wrong = cut_off or bool(loss.gone_wrong.search(text))
    in_first_person = bool(loss.first_person.search(text))
    start = 0
    for end in [*(m.start() for m in _CLAUSE_END.finditer(text)), len(text)]:
        clause, at = text[start:end], start
        start = end + 1
        suffered = loss.suffered.search(clause)
        act = suffered or (loss.done.search(clause) if wrong else None)
        if act is None or loss.not_suffered.search(clause, 0, act.start()):
            continue
        act_at = at + act.start()
        window = (max(sentence_start(text, act_at), act_at - _LOSER_WINDOW), act_at)
        mine = [m.start() for m in loss.first_person.finditer(text, *window)]
        theirs = [m.start() for m in loss.other_person.finditer(text, *window)]
        if (mine or theirs) and max(mine, default=-1) > max(theirs, default=-1):
            return True
        if not (mine or theirs) and in_first_person and (suffered or cut_off):
            return True
    return False


def _story(norm: Normalized) -> str:
    """The normalised text with each quotation's words blanked (a mark that ends no clause), and a
    comma where the paste typed a space between two words (people part clauses so: "我给了他卡号 卡里
    被划走了4800"), which normalising removed."""
    text, pieces, cursor = norm.text, [], 0
    for start, end in norm.quotation_spans():
        start = max(start, cursor)  # a quotation inside one already blanked
        pieces += [text[cursor:start], "、" * max(0, end - start)]
        cursor = max(cursor, end)
    text = "".join([*pieces, text[cursor:]])
    pieces, cursor = [], 0
    for gap in sorted(norm.gaps()):
        pieces += [text[cursor:gap], ","]
        cursor = gap
    return "".join([*pieces, text[cursor:]])


def speaks_of_money_or_law(normalized_text: str) -> bool:
    """"Money or law" is defined once: [contexts] money_legal of data/rules.toml."""
    return bool(catalogue().contexts["money_legal"].search(normalized_text))


@lru_cache(maxsize=1)
def _institutions_by_id() -> dict[str, Institution]:
    return {inst.id: inst for inst in institutions()}


def _named_institutions(entities: tuple[Entity, ...], flag_ids: Iterable[str]) -> list[Institution]:
    """Institutions named or implied, the creditor first; a named bank or lender hides its generic entry."""
    by_id = _institutions_by_id()
    named = [e.value for e in entities if e.kind == "institution"]
    implied = [steps().implied[f] for f in flag_ids if f in steps().implied]
    # The creditor's own app comes first: it answers whether the debt exists at all.
    creditors = [i for i in named if by_id[i].creditor]
    wanted = [by_id[i] for i in dict.fromkeys(creditors + [i for i in named + implied if not by_id[i].creditor])]
    specific = {inst.creditor for inst in wanted if inst.creditor and not inst.generic}
    return [inst for inst in wanted if not (inst.generic and inst.creditor in specific)]


def advise(
    entities: tuple[Entity, ...], flag_ids: list[str], money_or_legal: bool, named: list[Institution] | None = None
) -> tuple[Advice, ...]:
    """Where to verify, for each institution claimed (in order of appearance), then the general lines.
    `named`: _named_institutions(entities, flag_ids), when the caller has it."""
    if named is None:
        named = _named_institutions(entities, flag_ids)
    out = [Advice(i.id, i.name, i.name_en, i.advice, i.advice_en) for i in named]
    default = steps().default
    if money_or_legal or flag_ids:
        out.append(Advice("antifraud_96110", "96110 / 110", "96110 / 110", default["unsure"], default["unsure_en"]))
    return tuple(out)


def reminder(money_or_legal: bool) -> tuple[str, str]:
    return REMINDER if money_or_legal else ("", "")


def fraud_types(
    flags: Iterable[Flag], named: Iterable[Institution] = (), read_as: str | None = None, order: Sequence[str] = ()
) -> list[tuple[str, tuple]]:
    """The fraud types the red flags point to, most supported first, each with its rank.

    `read_as`: the type the model's namer reads the whole message as; it leads. A rule names the
    types its pattern serves (pay_through_unofficial_channel names twelve), so the rules alone
    cannot tell a fake teacher's fee from a fake lawyer's: on the held-out registers' dev half the
    red flags' top type was the written type for 28 % of flagged scams, the namer's for 90 %.
    Then a type's support is the weight of the red flags that name it. A tie goes to the type that
    claims to be what the message names (data: [claims]), then to the type named by the more
    specific flags (a flag naming one type says more about it than one naming twelve). Types still
    tied keep their rank (_likely_plan gives no advice for a tie that differs in advice) and are
    listed in the namer's `order` (its classes, most likely first), when the model read the message.
    """
    data = steps()
    claimed = {c for inst in named for c in data.claims.get(inst.creditor or inst.id, ())}
    by_id = taxonomy().by_id
    support: dict[str, list[float]] = {}
    for flag in flags:
        if flag.weight > 0:
            for t in flag.types:
                total = support.setdefault(t, [0.0, 0.0])
                total[0] += flag.weight
                total[1] += flag.weight / len(flag.types)

    if read_as is not None:
        support.setdefault(read_as, [0.0, 0.0])

    def rank(t: str) -> tuple:
        # Most messages name no institution: nothing is claimed, and no type's claims are read.
        shared = len(claimed.intersection(by_id[t].claims if t in by_id else ())) if claimed else 0
        return t != read_as, -round(support[t][0], 6), -shared, -round(support[t][1], 6)

    place = {t: i for i, t in enumerate(order)}
    return sorted(((t, rank(t)) for t in support), key=lambda item: (item[1], place.get(item[0], len(place))))


class RedFlagReading:
    """What the red flags say, computed once a check: the institutions they name or imply, and the
    fraud types they point to, ranked (fraud_types)."""

    __slots__ = ("flag_ids", "named", "ranked")

    def __init__(self, flag_ids: list[str], named: list[Institution], ranked: list[tuple[str, tuple]]) -> None:
        self.flag_ids = flag_ids
        self.named = named
        self.ranked = ranked

    @property
    def fraud_types(self) -> tuple[str, ...]:
        """The fraud types, most supported first, ties ranked as the steps rank them."""
        return tuple(t for t, _ in self.ranked)


def read_as(type_id: str, share: float) -> str | None:
    """The fraud type the model's namer reads a message as, when it is sure enough to lead the
    fraud types and the steps (data: [limits].namer_share); None otherwise."""
    return type_id if share >= steps().namer_share else None


def read_red_flags(
    entities: tuple[Entity, ...], red_flags: tuple[Flag, ...], read_as: str | None = None, order: Sequence[str] = ()
) -> RedFlagReading:
    """The institutions and fraud types of a message's red flags; `read_as` and `order`: the namer's
    type and classes (fraud_types), when the model read a message that has red flags or that the model flags."""
    flag_ids = [f.id for f in red_flags]
    named = _named_institutions(entities, flag_ids)
    return RedFlagReading(flag_ids, named, fraud_types(red_flags, named, read_as, order))


def _likely_plan(flags: Iterable[Flag], named: Iterable[Institution], ranked: list | None = None) -> Plan | None:
    """The plan of the fraud type the flags point to; None when equally likely types differ in advice.

    Advice for a guess would mislead: "a lawyer's letter is not a judgment" is no help for a "new
    number, add my WeChat" message that names neither. Tied types with the same advice (a fake
    relative or a fake boss) are no guess.
    """
    plans = steps().plans
    ranked = [(t, rank) for t, rank in (fraud_types(flags, named) if ranked is None else ranked) if t in plans]
    if not ranked:
        return None
    tied = [plans[t] for t, rank in ranked if rank == ranked[0][1]]
    advice = {(p.institutions, p.stop, p.facts) for p in tied}
    return tied[0] if len(advice) == 1 else None


def next_steps(
    entities: tuple[Entity, ...],
    flags: tuple[Flag, ...],
    verdict: str,
    types: Iterable[str] = (),
    red_reading: RedFlagReading | None = None,
    loss: bool = False,
    persons: frozenset[str] = frozenset(),
) -> tuple[Step, ...]:
    """Numbered steps: stop, what is true, where to check, 96110 / 110, complain, report; led by 110
    when the paste is the reader's own story of a loss (`loss`: loss_told()).
    `persons`: who the message claims to be (claims.Reading.claimed_persons).

    `types`: fraud types known otherwise (the model's class), strongest first; without them the
    red flags' types decide. `red_reading`: read_red_flags() of these flags' red ones, when the
    caller has it (its ranking is reused where the institutions are the same).
    """
    data = steps()
    lost = (Step("loss", *data.loss.step),) if loss else ()
    return lost + _steps(data, entities, flags, verdict, types, red_reading, persons)


# The persons claimed (claims.toml [persons]) whose impostors open on a new number (fraud_taxonomy.md A.1 rows 29-31): a quiet
# message from one of them still gets the check the taxonomy advises.
_KNOWN_PERSONS = frozenset({"relative", "friend", "boss", "landlord"})


def _steps(
    data: Steps,
    entities: tuple[Entity, ...],
    flags: tuple[Flag, ...],
    verdict: str,
    types: Iterable[str],
    red_reading: RedFlagReading | None,
    persons: frozenset[str] = frozenset(),
) -> tuple[Step, ...]:
    default = data.default
    red = [f.id for f in flags if f.weight > 0]
    all_flags = [f.id for f in flags]
    named = _named_institutions(entities, all_flags)
    if verdict == "low_risk" and not red:
        if not named:
            return (Step("known_person", default["known_person"], default["known_person_en"]),) if persons & _KNOWN_PERSONS else ()
        # A number or a link that is not a confirmed one beside the institution named ("京东客服电话
        # 400…", or the reader asking "这个号码是京东的吗"): where that institution is really reached.
        unconfirmed = any(
            (e.kind == "phone" and "official" not in e.details) or (e.kind == "link" and e.details.get("category") != "official")
            for e in entities
        )
        first = named[0]
        if unconfirmed and first.id in data.verify:
            return (Step(f"verify_{first.id}", *data.verify[first.id]),)
        return (Step("calm", default["calm"], default["calm_en"]),)
    known = [data.plans[t] for t in types if t in data.plans]
    # fraud_types counts the flags that add points, in order: the red ones alone rank them the same.
    ranked = red_reading.ranked if red_reading is not None and red_reading.named == named else None
    plan = known[0] if known else _likely_plan(flags, named, ranked)
    out: list[Step] = []
    stop = plan.stop if plan and plan.stop else (default["stop"], default["stop_en"])
    out.append(Step("stop", *stop))
    if plan:
        out.extend(Step(f"fact_{plan.id}", zh, en) for zh, en in plan.facts)
        if plan.id in data.channels:
            out.append(Step(f"channel_{plan.id}", *data.channels[plan.id]))
    allowed = plan.institutions if plan else None
    verifiable = [i for i in named if (allowed is None or i.id in allowed) and i.id in data.verify]
    out.extend(Step(f"verify_{i.id}", *data.verify[i.id]) for i in verifiable[: data.max_institutions])
    out.append(Step("unsure", default["unsure"], default["unsure_en"]))
    about_collection = plan.id in data.complain_types if plan else True
    if about_collection and set(red) & data.complain_rules and {i.id for i in named} & data.complain_institutions:
        out.append(Step("complain", *data.complain))
    out.append(Step("report", default["report"], default["report_en"]))
    return tuple(out)


# --- what the message's own numbers and links are not ------------------------------------------


def _visible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn", "Me", "Cc")).strip()


def not_official(entities: tuple[Entity, ...]) -> tuple[tuple[str, str], ...]:
    """Say outright when a number or link in the message is not the named institution's confirmed one."""
    claimed = [i for i in _named_institutions(entities, ()) if i.creditor and not i.generic and i.numbers]
    if not claimed:
        return ()
    inst = claimed[0]
    numbers = "、".join(inst.numbers)
    short = inst.name.split(" / ")[0]
    short_en = inst.name_en.split(" / ")[0]
    out = []
    for e in entities:
        shown = _visible(e.text)
        if e.kind == "phone" and e.value not in inst.numbers and "official" not in e.details:
            out.append(
                (
                    f"短信里的 {shown} 不是{short}的官方号码（{short}：{numbers}）。",
                    f"{shown} in the message is not {short_en}'s official number ({short_en}: {numbers}).",
                )
            )
        elif e.kind == "link" and e.details.get("category") != "official" and inst.domains:
            domains = "、".join(inst.domains)
            out.append(
                (
                    f"短信里的链接 {e.details.get('host', shown)} 不是{short}的网站（{short}：{domains}）。",
                    f"The link {e.details.get('host', shown)} is not {short_en}'s site ({short_en}: {domains}).",
                )
            )
    return tuple(out)


# --- honest explanations and sources ------------------------------------------------------------

_URL = precompiled(r"https?://[^\s;；]+")


def public_sources(source: str) -> tuple[str, ...]:
    """The addresses in a rule's source that are public and authoritative (data: [sources] hosts)."""
    out = []
    for url in _URL.findall(source):
        host = url.split("/")[2].split(":")[0].lower()
        if any(host == h or host.endswith("." + h) for h in steps().source_hosts):
            out.append(url)
    return tuple(out)


def explanation(flag: Flag, entities: tuple[Entity, ...]) -> tuple[str, str]:
    """The flag's why, claiming only the details the message contains."""
    spec = steps().explain.get(flag.id)
    if not spec:
        return flag.why, flag.why_en
    kinds = {e.kind for e in entities} | {
        e.details.get("type", "") for e in entities if e.kind == "phone"
    }
    found = [key for key in spec["found"] if key in kinds]
    if not found:
        return flag.why, flag.why_en
    zh = "、".join(spec["found"][k] for k in found)
    en = ", ".join(spec["found_en"][k] for k in found)
    return spec["text"].format(found=zh), spec["text_en"].format(found=en)
