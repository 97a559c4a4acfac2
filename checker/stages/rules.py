"""Stage 3: named red-flag rules, each with evidence spans on the pasted text.

The catalogue is data (data/rules.toml): a rule is an id, texts in Chinese and English, a weight,
and matchers. Matcher kinds are code and deliberately few:

- `patterns`: named regular expressions on the normalised text ({name, regex}); every match is evidence;
  a pattern with `claimed` (persons of the claims stage) counts only where the message claims one;
  a pattern with `not_after` (a regex ending in `$`) counts only where its sentence, up to the match,
  does not end so: what a cue refers to ("验证码短信你千万别告诉别人": the reader's own code) is read there;
  a pattern with `quoted = false` counts only where its match does not open a quotation (the
  normaliser's Normalized.quotations: the marks are not in the text): a term named in quotation marks,
  as a warning names it ("对方承诺“包装流水”，这是诈骗"), is not said;
- `entities`: entity conditions ({kind, and optional name / details / details_not / value}); every matching entity is evidence;
- `check`: the name of a predicate in CHECKS below, for claims that need several entities at once.

Every piece of evidence names what produced it, permanently: a pattern's own name
(`fee_then_pay`), `entity:<name>` (the condition's name, by default its kind) or `check:<check>`.
A rule's patterns run as one alternation of named groups, so naming them costs no extra pass.

Optional gates: `needs` (plain substrings, one of which must be there before anything is tried: a
speed gate only), `asks` (request kinds of the claims stage, one of which the message must make:
"pay", "credentials" …; with `asks_outside = true`, made through a channel that is not official),
`requires` (one of these must occur somewhere; with `or_unjudged_story = true`, or the message is the
writer's own story of a request that judges nothing), `absent` (none may occur,
`absent_entities` likewise), and `negatable` (default true: a match in a clause that begins
"不要 / 切勿 / 凡是 …", in a sentence that calls it "诈骗 / 骗局", or that denies itself, is a warning
about the pattern, not the pattern itself; the cue lists are [negation] in rules.toml;
`negatable_inside = false` where the match's own denial words are what it offers, "无需征信"). `@name`
refers to a shared list in [contexts], evaluated once per message. The catalogue is validated at
load, failing with the rule id; a regular expression is compiled the first time a message reaches
it (LazyPattern), so that a cold check compiles only the rules whose gates pass.
tests/test_rules.py compiles every one of them.

`types` names the taxonomy ids (data/taxonomy.toml) a rule serves: fraud types for a red flag,
genuine notice formats for a rule that lowers the risk. Every flag carries them, so an alarm can
say which fraud it resembles.

`never_genuine = true` marks what genuine senders never do: lowering signs cannot take such a flag
down, and it opens the high_risk band (pipeline._ceiling). `opener = true` marks, among those, the
first message of a known person's sequence (a new number or account set up, nothing asked yet): it
keeps the first property, not the second, so that it says "verify first" until money or a code is asked.
`refuted = [...]` marks, among them too, a scam's hook (a claim or an offer that asks nothing of the reader
by itself: "ETC认证已失效", "稳赚不赔", "征信修复") with the words of the reference's fact that refutes it
("ETC认证不会失效", "征信谁也改不了"). It keeps both properties; but in a message that refutes it, read as a
retelling whose requests all read as the scam's, it is the scam retold like any other red flag
(pipeline._held_in_retelling): a warning names the hook and says it is false, a scam does not.
`vouches = true` marks a lowering sign that rests on the message's channels (its official app, its
official numbers): beside a red flag it counts only where the message names an official channel of its
own, not where it names none ("以官方App显示为准", "切勿向陌生账户转账" added to a demand that gives no channel).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import groupby, islice

from . import datafile
from .claims import (
    REQUEST_KINDS,
    governed,
    governed_fresh,
    help_lines,
    names_scammer,
    own_turn,
    person_kinds,
    reads_as_story,
    retold_entity,
    scammer_speaks,
    spoken_pauses,
    statement_end,
    with_paid_after,
    with_paid_terms,
)
from .entities import Entity, institutions
from .filters import DEPOSIT_HELD, PAID_AFTER_SERVICE, PAID_BY_WRITER, SENDER_DISOWNS
from .normalize import _OPENER_REACH, Normalized, opener_ends
from .patterns import precompiled, search_suffix, triggers
from .records import NamedTuple  # typing's, without evaluating the annotations
from .taxonomy import taxonomy

WEIGHTS_FILE = "data/weights.toml"
RULES_FILE = "data/rules.toml"
# A huge paste repeats itself: quoting the first few places is enough.
MAX_EVIDENCE = 20
# Matches a rule looks at before it gives up on a paste whose matches are all warnings ("不要…"):
# a bound on the time one rule can take, whatever the paste (issue 10).
MAX_MATCHES_EXAMINED = 1000
_NEGATION_BEFORE = 30
_NEGATION_AFTER = 40
# Brackets end a clause too, as in claims.toml [negation] clause_end: "…恢复正常了（谨防骗局）" puts the
# warning in its own clause, where it does not reach the demand before it.
_CLAUSE_END = precompiled(r"[,，。!?;！？；\n()（）【】\[\]]")
_SENTENCE_END = precompiled(r"[。!?！？\n]")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a reason stands in the pasted text: pasted[start:end] == text (offsets in code points)."""

    start: int
    end: int
    text: str
    pattern: str = ""  # what produced it: a pattern's name, entity:<name> or check:<check>

    def to_dict(self) -> dict:
        """Plain data: start, end, text, and the name of the pattern that produced it."""
        return {"start": self.start, "end": self.end, "text": self.text, "pattern": self.pattern}


@dataclass(frozen=True, slots=True)
class Flag:
    """A rule that fired on this message."""

    id: str
    title: str
    title_en: str
    why: str
    why_en: str
    weight: float
    evidence: tuple[Evidence, ...]
    source: str = ""
    types: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """Plain data: id, titles, reasons, weight, source, evidence."""
        return {
            "id": self.id,
            "title": self.title,
            "title_en": self.title_en,
            "why": self.why,
            "why_en": self.why_en,
            "weight": self.weight,
            "source": self.source,
            "types": list(self.types),
            "evidence": [e.to_dict() for e in self.evidence],
        }


class LazyPattern:
    """A regular expression compiled on first use; a bad one raises CatalogueError naming its rule."""

    __slots__ = ("_compiled", "_triggers", "pattern", "rule_id")

    def __init__(self, pattern: str, rule_id: str) -> None:
        self.pattern = pattern  # the source, as re.Pattern.pattern
        self.rule_id = rule_id
        self._compiled: re.Pattern[str] | None = None
        self._triggers: frozenset[str] | bool | None = False  # False: not looked up yet

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled expression (compiling it now if no message needed it yet)."""
        if self._compiled is None:
            try:
                self._compiled = precompiled(self.pattern)
            except re.error as exc:
                raise CatalogueError(f"rule {self.rule_id}: bad pattern {self.pattern!r}: {exc}") from None
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        """re.Pattern.search."""
        return self.compiled.search(text)

    @property
    def triggers(self) -> frozenset[str] | None:
        """Characters one of which every match contains (patterns.required_characters)."""
        if self._triggers is False:
            self._triggers = triggers(self.pattern)
        return self._triggers  # type: ignore[return-value]

    def could_match(self, present: frozenset[str]) -> bool:
        """False when a text whose characters are `present` cannot hold a match (patterns.could_match)."""
        needed = self.triggers
        return needed is None or not needed.isdisjoint(present)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """re.Pattern.finditer."""
        return self.compiled.finditer(text)


class EntityCondition(NamedTuple):
    name: str  # entity:<name> in the evidence
    kind: str
    details: tuple[tuple[str, tuple], ...]
    value: LazyPattern | None
    details_not: tuple[tuple[str, tuple], ...] = ()  # details the entity must not have

    def matches(self, entity: Entity) -> bool:
        if entity.kind != self.kind:
            return False
        if self.value is not None and not self.value.search(entity.value):
            return False
        if any(entity.details.get(key) in refused for key, refused in self.details_not):
            return False
        return all(entity.details.get(key) in allowed for key, allowed in self.details)


class Rule(NamedTuple):
    id: str
    title: str
    title_en: str
    why: str
    why_en: str
    weight: float
    source: str
    patterns: LazyPattern | None  # all of the rule's named patterns, as one alternation of named groups
    pattern_names: tuple[str, ...]
    entities: tuple[EntityCondition, ...]
    check: str
    requires: tuple[tuple[str, ...], LazyPattern | None] | None  # shared contexts, other patterns
    absent: tuple[tuple[str, ...], LazyPattern | None] | None
    absent_entities: tuple[EntityCondition, ...]
    negatable: bool
    needs: tuple[str, ...]
    examples_hit: tuple[str, ...]
    examples_miss: tuple[str, ...]
    types: tuple[str, ...] = ()
    # Request kinds of the claims stage (pay, credentials, call ...), one of which the message must
    # make: a rule about a payee account is about a payment asked for, not one reported as done.
    asks: frozenset[str] = frozenset()
    # `asks` counts only requests made through a channel that is not official, or none named: "请拨打12368
    # 核实" is the court's own line, "请立即拨打0571-…配合调查" is not.
    asks_outside: bool = False
    # With `asks_outside`, the gate passes too where one of these occurs (an accusation of the reader: "涉嫌",
    # "通缉" …) in a message not read as a warning notice: the opener of the fake police asks nothing yet.
    accuses: tuple[tuple[str, ...], LazyPattern | None] | None = None
    # The `requires` gate passes too where the message is the writer's own story that judges nothing
    # (claims.Reading.unjudged_story): nothing says the request it tells of is over.
    or_unjudged_story: bool = False
    # Pattern name -> the persons one of whom the message must claim to be for its matches to count.
    claimed: dict[str, frozenset[str]] | None = None
    # Pattern name -> what the match's own sentence must not end with just before it (`not_after`).
    not_after: dict[str, LazyPattern] | None = None
    # Pattern names whose matches do not count where they open a quotation (`quoted = false`).
    unquoted: frozenset[str] = frozenset()
    # What the reference says genuine senders never do (threaten your family, promise sure gains, ask
    # for a code ...): once such a flag fires, an official number or "请登录官方App核实" added anywhere
    # cannot lower the message (filters.toml, never_from_genuine_senders).
    never_genuine: bool = False
    # The first message of a known person's sequence (rules.toml `opener`): a new number or account set
    # up, nothing asked of the reader yet. It keeps never_genuine's hold on lowering signs, yet grants
    # no high_risk ceiling of its own (pipeline._ceiling): "verify first", until money or a code is asked.
    opener: bool = False
    # A scam's hook (rules.toml `refuted`): a claim or an offer that asks nothing by itself, and the words of the fact
    # that refutes it. A warning names the hook and refutes it ("医保卡不会因为没升级就停用"), so in a retelling that
    # does, the hook is the scam retold (pipeline._held_in_retelling); a scam never refutes its own hook.
    refuted: LazyPattern | None = None
    # "无需征信，当天放款" offers no credit check: a denial word inside such a match is the offer itself,
    # so only a cue before or after it makes the match a warning.
    negatable_inside: bool = True
    # A lowering sign that vouches for the message's channels (an official app, official numbers): where
    # a red flag stands it counts only if the message names an official channel of its own
    # (claims.Reading.own_official_channel; filters.toml lowering_needs_its_own_channel).
    vouches: bool = False


class Catalogue(NamedTuple):
    rules: tuple[Rule, ...]
    contexts: dict[str, LazyPattern]
    negation_before: LazyPattern
    negation_after: LazyPattern
    negation_inside: LazyPattern
    negation_disowning: LazyPattern
    verdict: dict
    # Reassurance and padding ([negation] aside): with the warning cues, what makes a clause an aside.
    negation_aside: LazyPattern | None = None


class CatalogueError(ValueError):
    """The rule catalogue is malformed; the message names the rule."""


_NAME = precompiled(r"[a-z][a-z0-9_]{0,60}")


def _named_patterns(items: list, rule_id: str) -> dict[str, str]:
    """`patterns = [{ name = "...", regex = '...' }, ...]`: names lower_snake and unique in the rule.
    A pattern may add `claimed = [...]` (see _claimed_patterns), `not_after = '...'` (_not_after_patterns)
    and `quoted = false` (_unquoted_patterns)."""
    out: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or not {"name", "regex"} <= set(item) <= {"name", "regex", "claimed", "not_after", "quoted"}:
            raise CatalogueError(f"rule {rule_id}: a pattern must be {{ name = ..., regex = ... }}, not {item!r}")
        name = item["name"]
        if not _NAME.fullmatch(name):
            raise CatalogueError(f"rule {rule_id}: pattern name {name!r} is not lower_snake")
        if name in out:
            raise CatalogueError(f"rule {rule_id}: duplicate pattern name {name}")
        if not isinstance(item["regex"], str):
            raise CatalogueError(f"rule {rule_id}: pattern {name} is not a string")
        out[name] = item["regex"]
    return out


def _claimed_patterns(items: list, rule_id: str) -> dict[str, frozenset[str]]:
    """Patterns that count only where the message claims to be one of these persons (claims.toml
    [persons]: boss, landlord, teacher ...), wherever in the message it says so: "换号了" from whoever
    said "我是房东" before it, however many lines were slipped in between (a warning, a greeting)."""
    out = {}
    for item in items:
        if "claimed" in item:
            kinds = item["claimed"]
            if not kinds or not isinstance(kinds, list) or set(kinds) - set(person_kinds()):
                raise CatalogueError(f"rule {rule_id}: pattern {item['name']}: claimed must name persons of claims.toml, not {kinds!r}")
            out[item["name"]] = frozenset(kinds)
    return out


def _not_after_patterns(items: list, rule_id: str) -> dict[str, LazyPattern]:
    """Patterns whose matches count only where the sentence before them, up to the match, does not
    end with `not_after`: the object a cue is about, read where it stands ("密码，先别告诉任何人", "验证码
    短信你千万别告诉别人": the reader's own credential kept, not a transfer kept from the family)."""
    out = {}
    for item in items:
        if "not_after" in item:
            tail = item["not_after"]
            if not isinstance(tail, str) or not tail.endswith("$"):
                raise CatalogueError(f"rule {rule_id}: pattern {item['name']}: not_after must be a regex ending in $, not {tail!r}")
            out[item["name"]] = LazyPattern(tail, f"{rule_id}.{item['name']}.not_after")
    return out


def _unquoted_patterns(items: list, rule_id: str) -> frozenset[str]:
    """Patterns whose matches do not count where they open a quotation (`quoted = false`)."""
    for item in items:
        if item.get("quoted", False) is not False:
            raise CatalogueError(f"rule {rule_id}: pattern {item['name']}: quoted may only be false")
    return frozenset(item["name"] for item in items if "quoted" in item)


def _opens_quotation(msg: Message, start: int) -> bool:
    """Whether a quotation the normaliser recorded opens at normalised `start`."""
    return any(s == start for s, _ in msg.norm.quotation_spans())


def _sentence_ends_so(msg: Message, rule: Rule, name: str | None, start: int) -> bool:
    """Whether the match of pattern `name` at normalised `start` follows what its `not_after` names."""
    if not rule.not_after or name not in rule.not_after:
        return False
    before = _SENTENCE_END.split(msg.norm.text[max(0, start - _NEGATION_BEFORE) : start])[-1]
    return rule.not_after[name].search(before) is not None


def _either(patterns: list[str], rule_id: str) -> LazyPattern | None:
    return LazyPattern("|".join(f"(?:{p})" for p in patterns), rule_id) if patterns else None


def _gate(patterns: list[str], shared: dict[str, list[str]], rule_id: str):
    """requires / absent: shared contexts (evaluated once per message) and the rule's own patterns."""
    if not patterns:
        return None
    names = tuple(p[1:] for p in patterns if p.startswith("@"))
    for name in names:
        if name not in shared:
            raise CatalogueError(f"rule {rule_id}: unknown context @{name}")
    return names, _either([p for p in patterns if not p.startswith("@")], rule_id)


def _conditions(items: list[dict], rule_id: str) -> tuple[EntityCondition, ...]:
    out: list[EntityCondition] = []
    for item in items:
        if "kind" not in item:
            raise CatalogueError(f"rule {rule_id}: an entity condition has no kind")
        name = item.get("name", item["kind"])
        if not _NAME.fullmatch(name):
            raise CatalogueError(f"rule {rule_id}: entity condition name {name!r} is not lower_snake")
        if any(c.name == name for c in out):
            raise CatalogueError(f"rule {rule_id}: two entity conditions named {name}: give each a `name`")
        value = LazyPattern(item["value"], rule_id) if "value" in item else None
        out.append(EntityCondition(name, item["kind"], _details(item, "details"), value, _details(item, "details_not")))
    return tuple(out)


def _details(item: dict, key: str) -> tuple[tuple[str, tuple], ...]:
    """An entity condition's details table as (detail, allowed values) pairs; a single value stands for a list of one."""
    return tuple((k, tuple(v if isinstance(v, list) else [v])) for k, v in item.get(key, {}).items())


def _types(item: dict, rule_id: str) -> tuple[str, ...]:
    """The taxonomy ids a rule names: red flags name fraud types, lowering rules genuine formats."""
    names = item.get("types", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise CatalogueError(f"rule {rule_id}: types must be a list of taxonomy ids")
    known = taxonomy().by_id
    wanted = "genuine" if float(item["weight"]) < 0 else "fraud"
    for name in names:
        if name not in known:
            raise CatalogueError(f"rule {rule_id}: unknown type {name} (not in taxonomy.toml)")
        if known[name].kind != wanted:
            raise CatalogueError(f"rule {rule_id}: type {name} is {known[name].kind}, a rule of this weight names {wanted} ids")
    return tuple(names)


def _asks(item: dict, rule_id: str) -> frozenset[str]:
    kinds = item.get("asks", [])
    unknown = set(kinds) - set(REQUEST_KINDS)
    if unknown:
        raise CatalogueError(f"rule {rule_id}: unknown request kind(s) in asks: {sorted(unknown)}")
    return frozenset(kinds)


def _accuses(rule: Rule, msg: Message) -> bool:
    """Whether a rule with `accuses` finds one of them in a message not read as a warning notice."""
    return rule.accuses is not None and msg.negation != "warning_notice" and msg.passes(rule.accuses)


def _switch(item: dict, rule_id: str, key: str) -> bool:
    """A true/false key of a rule (false when absent); anything else fails with the rule id."""
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise CatalogueError(f"rule {rule_id}: {key} must be true or false, not {value!r}")
    return value


def _or_unjudged_story(item: dict, rule_id: str) -> bool:
    value = _switch(item, rule_id, "or_unjudged_story")
    if value and not item.get("requires"):
        raise CatalogueError(f"rule {rule_id}: or_unjudged_story widens requires, which it needs")
    return value


def _asks_outside(item: dict, rule_id: str) -> bool:
    value = _switch(item, rule_id, "asks_outside")
    if value and not item.get("asks"):
        raise CatalogueError(f"rule {rule_id}: asks_outside needs asks (the request kinds it counts)")
    if item.get("accuses") and not value:
        raise CatalogueError(f"rule {rule_id}: accuses is read only with asks_outside")
    return value


def _red_flag_switch(item: dict, rule_id: str, key: str, what: str) -> bool:
    """A true/false key that only a red flag may set (never_genuine, opener); `what` names it in the error."""
    value = _switch(item, rule_id, key)
    if value and float(item["weight"]) <= 0:
        raise CatalogueError(f"rule {rule_id}: only a red flag (positive weight) can be {what}")
    return value


def _refuted(item: dict, rule_id: str) -> LazyPattern | None:
    """`refuted`: the regular expressions of the fact that refutes a hook; read only beside never_genuine, which it
    narrows (what a retelling keeps)."""
    if "refuted" not in item:
        return None
    patterns = item["refuted"]
    if not item.get("never_genuine"):
        raise CatalogueError(f"rule {rule_id}: refuted is read only with never_genuine")
    if not patterns or not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise CatalogueError(f"rule {rule_id}: refuted must be a list of regular expressions")
    return _either(patterns, rule_id)


def _lowering_switch(item: dict, rule_id: str, key: str, what: str) -> bool:
    """A true/false key that only a lowering sign (negative weight) may set (vouches)."""
    value = _switch(item, rule_id, key)
    if value and float(item["weight"]) >= 0:
        raise CatalogueError(f"rule {rule_id}: only a lowering sign (negative weight) can be {what}")
    return value


def parse_catalogue(raw: str | dict, compile_now: bool = True) -> Catalogue:
    """The catalogue in `raw` (rules.toml's text, or its data), validated; CatalogueError names the rule.

    With compile_now, every regular expression is compiled too (tests, and any catalogue but the
    shipped one); the shipped catalogue leaves them to be compiled on first use (catalogue()).
    """
    data = raw if isinstance(raw, dict) else datafile.loads(raw)
    shared = data.get("contexts", {})
    contexts = {name: LazyPattern("|".join(f"(?:{p})" for p in pats), f"@{name}") for name, pats in shared.items()}
    rules = []
    seen = set()
    for item in data["rule"]:
        rule_id = item.get("id", "?")
        if rule_id in seen:
            raise CatalogueError(f"rule {rule_id}: duplicate id")
        seen.add(rule_id)
        for key in ("title", "title_en", "why", "why_en", "weight"):
            if key not in item:
                raise CatalogueError(f"rule {rule_id}: missing {key}")
        check = item.get("check", "")
        if check and check not in CHECKS:
            raise CatalogueError(f"rule {rule_id}: unknown check {check}")
        patterns = _named_patterns(item.get("patterns", []), rule_id)
        entities = _conditions(item.get("entities", []), rule_id)
        if not (patterns or entities or check):
            raise CatalogueError(f"rule {rule_id}: no matcher")
        rules.append(
            Rule(
                id=rule_id,
                title=item["title"],
                title_en=item["title_en"],
                why=item["why"],
                why_en=item["why_en"],
                weight=float(item["weight"]),
                source=item.get("source", ""),
                patterns=LazyPattern("|".join(f"(?P<{n}>{p})" for n, p in patterns.items()), rule_id) if patterns else None,
                pattern_names=tuple(patterns),
                entities=entities,
                check=check,
                requires=_gate(item.get("requires", []), shared, rule_id),
                absent=_gate(item.get("absent", []), shared, rule_id),
                absent_entities=_conditions(item.get("absent_entities", []), rule_id),
                negatable=bool(item.get("negatable", True)),
                needs=tuple(item.get("needs", [])),
                examples_hit=tuple(item.get("examples_hit", [])),
                examples_miss=tuple(item.get("examples_miss", [])),
                types=_types(item, rule_id),
                asks=_asks(item, rule_id),
                asks_outside=_asks_outside(item, rule_id),
                accuses=_gate(item.get("accuses", []), shared, rule_id),
                or_unjudged_story=_or_unjudged_story(item, rule_id),
                claimed=_claimed_patterns(item.get("patterns", []), rule_id) or None,
                not_after=_not_after_patterns(item.get("patterns", []), rule_id) or None,
                unquoted=_unquoted_patterns(item.get("patterns", []), rule_id),
                never_genuine=_red_flag_switch(item, rule_id, "never_genuine", "never_genuine"),
                opener=_red_flag_switch(item, rule_id, "opener", "an opener"),
                refuted=_refuted(item, rule_id),
                negatable_inside=bool(item.get("negatable_inside", True)),
                vouches=_lowering_switch(item, rule_id, "vouches", "vouching for channels"),
            )
        )
        if compile_now:
            for pattern in _rule_patterns(rules[-1]):
                pattern.compiled  # noqa: B018 - compiling is the check
    negation = data["negation"]
    cat = Catalogue(
        rules=tuple(rules),
        contexts=contexts,
        negation_before=LazyPattern("|".join(negation["before"]), "[negation] before"),
        negation_after=LazyPattern("|".join(negation["after"]), "[negation] after"),
        negation_inside=LazyPattern("|".join(negation["inside"]), "[negation] inside"),
        negation_disowning=LazyPattern("|".join(negation["disowning"]), "[negation] disowning"),
        verdict=data["verdict"],
        negation_aside=LazyPattern("|".join(negation["aside"]), "[negation] aside") if negation.get("aside") else None,
    )
    if compile_now:
        for pattern in _negation_patterns(cat):
            pattern.compiled  # noqa: B018 - compiling is the check
    return cat


def _negation_patterns(cat: Catalogue) -> tuple[LazyPattern, ...]:
    lists = (cat.negation_before, cat.negation_after, cat.negation_inside, cat.negation_disowning, cat.negation_aside)
    return (*cat.contexts.values(), *(p for p in lists if p is not None))


def _rule_patterns(rule: Rule) -> Iterator[LazyPattern]:
    gates = [gate[1] for gate in (rule.requires, rule.absent) if gate is not None]
    values = [cond.value for cond in (*rule.entities, *rule.absent_entities)]
    tails = list(rule.not_after.values()) if rule.not_after else []
    yield from (p for p in (rule.patterns, *gates, *values, *tails, rule.refuted) if p is not None)


def compile_all(cat: Catalogue) -> None:
    """Compile every pattern now: before forking workers, so that each does not compile its own."""
    for pattern in _negation_patterns(cat):
        pattern.compiled  # noqa: B018 - compiling is the point
    for rule in cat.rules:
        for pattern in _rule_patterns(rule):
            pattern.compiled  # noqa: B018 - compiling is the point


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The shipped catalogue (data/rules.toml), loaded once; its patterns compile on first use."""
    return with_fitted_weights(parse_catalogue(datafile.load(RULES_FILE), compile_now=False))


def hand_weights() -> dict[str, float]:
    """The weights written in rules.toml, before any fitted weight replaces them."""
    return {rule.id: rule.weight for rule in parse_catalogue(datafile.load(RULES_FILE), compile_now=False).rules}


def with_fitted_weights(cat: Catalogue) -> Catalogue:
    """rules.toml's weights replaced by those of data/weights.toml (generated by checker.lab.weights)."""
    if not datafile.exists(WEIGHTS_FILE):
        return cat
    return apply_weights(cat, datafile.loads(datafile.read_text(WEIGHTS_FILE)).get("weights", {}))


def apply_weights(cat: Catalogue, fitted: dict) -> Catalogue:
    by_id = {rule.id: rule for rule in cat.rules}
    for rule_id, weight in fitted.items():
        if rule_id not in by_id:
            raise CatalogueError(f"weights.toml: {rule_id}: no such rule in rules.toml")
        if not isinstance(weight, (int, float)) or (weight > 0) != (by_id[rule_id].weight > 0):
            raise CatalogueError(f"weights.toml: {rule_id}: {weight!r} is not a weight of the hand weight's sign")
    rules = tuple(rule._replace(weight=float(fitted.get(rule.id, rule.weight))) for rule in cat.rules)
    return cat._replace(rules=rules)


# --- evaluation ----------------------------------------------------------------------------------


class Message(NamedTuple):
    """What every rule sees: the normalised text and the entities found in it, by kind."""

    norm: Normalized
    entities: tuple[Entity, ...]
    catalogue: Catalogue
    by_kind: dict[str, list[Entity]]
    context_hits: dict[str, bool]
    # How warning cues count (checker/stages/filters.py `negation`): "warning_clause" in their own
    # sentence, "warning_notice" anywhere (a warning that asks nothing), "before_only" before the match
    # in its clause, "off" (a request the judgement flagged: no wording cancels a red flag).
    negation: str = "warning_clause"
    # rule id -> (filter, evidence) for matches a warning cue cancelled.
    negated: dict[str, tuple[str, list[Evidence]]] | None = None
    # The kinds of request the message makes (claims stage), for rules with `asks`.
    requests: frozenset[str] = frozenset()
    # The characters of the normalised text: a pattern none of whose triggers is there is not run.
    present: frozenset[str] = frozenset()
    # Where a spoken paste starts a new sentence after a pause (claims.spoken_pauses): a warning cue
    # before one does not reach past it. Read only where a cue may count (warning_notice, before_only).
    pauses: frozenset[int] = frozenset()
    # A warning notice that reads as a story told as a warning (claims.reads_as_story), read once.
    story: bool = False
    # The persons the message claims to be (claims stage: boss, landlord ...), for patterns with `claimed`.
    claimed: frozenset[str] = frozenset()
    # The message with its asides set aside (_aside_reading, by reading), and what both readings set
    # aside ("units": _aside_units), computed the first time a rule needs them.
    aside_cache: dict | None = None
    # A story told as a warning (story) that names the scammer in the third person (claims.names_scammer:
    # "骗子", "不法分子", "有人冒充…"): its narration reaches what genuine senders never do too.
    told_of_scammer: bool = False
    # The message gives an unofficial channel of its own (claims.Reading.own_way): a number, link, card
    # or chat id that is not official. Quotation marks then report only a third person's words.
    own_way: bool = False
    # Where a phone number stands that is a warning's own line for questions and reports (claims.help_lines),
    # read once: every rule with a phone condition asks.
    help_lines: frozenset[int] = frozenset()
    # The kinds of request the message makes through a channel that is not official (rules with
    # `asks_outside`).
    requests_outside: frozenset[str] = frozenset()
    # The writer's own story that judges nothing (claims.Reading.unjudged_story), for rules with `or_unjudged_story`.
    unjudged_story: bool = False

    @classmethod
    def of(
        cls,
        norm: Normalized,
        entities: tuple[Entity, ...],
        cat: Catalogue,
        negation: str = "warning_clause",
        requests: frozenset[str] = frozenset(),
        claimed: frozenset[str] = frozenset(),
        own_way: bool = False,
        requests_outside: frozenset[str] = frozenset(),
        unjudged_story: bool = False,
    ) -> Message:
        by_kind: dict[str, list[Entity]] = {}
        for entity in entities:
            by_kind.setdefault(entity.kind, []).append(entity)
        pauses = spoken_pauses(norm) if negation in ("warning_notice", "before_only") else frozenset()
        story = negation == "warning_notice" and reads_as_story(norm.text)
        told = story and names_scammer(norm.text)
        lines = help_lines(norm, by_kind.get("phone", ()))
        return cls(
            norm, entities, cat, by_kind, {}, negation, {}, requests, frozenset(norm.text), pauses, story, claimed, {}, told, own_way, lines,
            requests_outside, unjudged_story,
        )

    def of_kind(self, *kinds: str) -> list[Entity]:
        if len(kinds) == 1:
            return self.by_kind.get(kinds[0], [])
        return [e for e in self.entities if e.kind in kinds]

    def matching(self, conditions: tuple[EntityCondition, ...]) -> list[Entity]:
        return [e for cond in conditions for e in self.by_kind.get(cond.kind, ()) if cond.matches(e)]

    def in_context(self, name: str) -> bool:
        """Whether a shared context ([contexts] in rules.toml) occurs in the message; cached."""
        hit = self.context_hits.get(name)
        if hit is None:
            context = self.catalogue.contexts[name]
            hit = context.could_match(self.present) and context.search(self.norm.text) is not None
            self.context_hits[name] = hit
        return hit

    def passes(self, gate) -> bool:
        names, own = gate
        if any(self.in_context(n) for n in names):
            return True
        return own is not None and own.could_match(self.present) and own.search(self.norm.text) is not None

    def evidence_at(self, start: int, end: int, pattern: str = "") -> Evidence:
        s, e = self.norm.span(start, end)
        return Evidence(s, e, self.norm.original[s:e], pattern)


def _first_spans(evidence: list[Evidence]) -> list[Evidence]:
    """The first MAX_EVIDENCE distinct spans, in order; a span found twice is named by its first finder."""
    first: dict[tuple[int, int], Evidence] = {}
    for item in evidence:
        first.setdefault((item.start, item.end), item)
    return sorted(first.values(), key=lambda e: (e.start, e.end))[:MAX_EVIDENCE]


def _entity_evidence(entity: Entity, pattern: str = "") -> Evidence:
    return Evidence(entity.start, entity.end, entity.text, pattern)


def _disowned(msg: Message, start: int) -> bool:
    """Whether the sender disowns the match in its own clause, before it ("置业顾问不会要求您向个人账户
    转账", "我司员工不会以任何理由要求…"): a statement of what it never asks, not the ask ([negation]
    disowning), with no fresh imperative between."""
    text = msg.norm.text
    # Openers set apart by a space or a mark ("不收任何费用 妈 新号…") are no part of the clause after them:
    # their cues reach nothing there (issue 8: a prefix never lowers a scam).
    opener = max((k for k in opener_ends(msg.norm) if k <= start), default=0)
    before = _CLAUSE_END.split(text[max(0, start - _NEGATION_BEFORE, opener) : start])[-1]
    cues = list(msg.catalogue.negation_disowning.finditer(before))
    return bool(cues) and not governed_fresh(before[cues[-1].end() :])


def _negated(msg: Message, start: int, end: int, inside: bool = True, never_genuine: bool | None = None) -> bool:
    if msg.negation == "off":
        # A request the judgement flagged: no wording cancels a red flag. A match the sender disowns
        # in its own clause is no request at all, whatever else the message asks.
        return _disowned(msg, start)
    if own_turn(msg.norm, start, end):
        return True  # the reader's own line of a chat log ("我：要交解冻费吗") demands nothing of the reader
    if msg.negation == "warning_notice":
        # A warning notice quotes scam phrases to warn about them: a match is a warning where it is
        # quoted, reported, framed ("以…为由", "凡…都是诈骗") or governed by a cue in its own clause.
        # A line of warning added elsewhere, even in the same sentence, does not reach a threat
        # ("（谨防骗局）否则报警抓你"): reassuring text never lowers it (monotone safety).
        # A cue after the match counts in its own clause: "去你家找你爸妈，凡要求转账的都是诈骗" is
        # a threat with a line of warning added, not a warning.
        text = msg.norm.text
        if never_genuine is False and _named_as_fraud(text, start, end):
            # A red flag genuine senders raise too, whose own words the warning names as a fraud anywhere
            # in it ("网上刷单先垫付…第一单给你返点…这就是刷单诈骗"): the scam it describes. Not a line of
            # warning that names none of them ("谨防诈骗" before a job lure): that never lowers a scam.
            return True
        stop = statement_end(text, end, end + _NEGATION_AFTER)
        # White space the paste put between two words ends the clause too, as it ends a warning cue's
        # (claims._cue_search): "…积分兑换现金的链接是 x.cc 这种 别信 …" reads "别信" apart from the match.
        stop = next((k for k in range(end + 1, stop) if msg.norm.gap_before(k)), stop)
        after = _CLAUSE_END.split(text[end:stop])[0]
        cat = msg.catalogue
        return bool(
            # No unofficial channel here: the narration of a story told as a warning is the story's;
            # but not for what genuine senders never do: a story's frame and a refusal put before a
            # victim's call script must not cancel it (tests/test_monotone.py) - unless the story
            # names the scammer as such ("骗子…客服说要交解冻金"), which no call script does of itself.
            governed(
                text, start, end if inside else start, framed=True, narrated=True,
                story=msg.story and (not never_genuine or msg.told_of_scammer),
                pauses=msg.pauses, word_gap=msg.norm.gap_before, warned=True,
            )
            or cat.negation_after.search(after)
            or (inside and cat.negation_inside.search(text[start:end]))
        )
    if msg.negation == "before_only":
        # A rule whose match may carry its own denial words (negatable_inside = false: "不交不能派送",
        # "自称客服的…让我加他QQ") is read only up to where the match starts. Where the message gives an
        # unofficial channel of its own, quotation marks report only a third person's words (issue 8).
        return governed(
            msg.norm.text, start, end if inside else start, pauses=msg.pauses, word_gap=msg.norm.gap_before,
            warned=False if msg.own_way else None,
        )
    text = msg.norm.text
    # A warning's scope: its own clause before the match, its own sentence after it; and a sentence
    # whose subject is the scammer ("有人冒充…说…"), which before_only reads so too: warning_clause is
    # where the message asks less than there, so it does not count fewer warnings.
    before = _CLAUSE_END.split(text[max(0, start - _NEGATION_BEFORE) : start])[-1]
    # A new statement ("凡…", "以上述…") ends it too, where no mark does (claims.statement_end).
    after = _SENTENCE_END.split(text[end : statement_end(text, end, end + _NEGATION_AFTER)])[0]
    cat = msg.catalogue
    return bool(
        _denies_before(msg, before, start)
        or cat.negation_after.search(after)
        or (inside and cat.negation_inside.search(text[start:end]))
        or scammer_speaks(text, start)  # last: it reads the whole sentence, the others a few characters
    )


# "X诈骗", "X骗局", "凡是X都是诈骗": a warning naming X as a fraud. Not words that name no scam of their own.
_FRAUD_WORD = precompiled(r"诈骗|骗局")
_ALL_ARE_FRAUD = precompiled(r"凡是?([\u4e00-\u9fff]{2,8}?)的?(?:都|均|一律)(?:是|为|属于)(?:诈骗|骗局)")
_NO_SCAM_OF_ITS_OWN = frozenset(
    {"电信", "网络", "新型", "各类", "各种", "常见", "谨防", "警惕", "防范", "反诈", "这是", "就是", "都是", "属于", "典型",
     "一种", "此类", "这类", "涉嫌", "冒充", "遭遇", "防止", "远离", "识别", "是", "的", "类"}
)


def _named_as_fraud(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a word the text names as a fraud ("刷单诈骗", "凡是刷单都是诈骗")."""
    matched = text[start:end]
    for m in _FRAUD_WORD.finditer(text):
        p = m.start()
        for width in (2, 3, 4):
            word = text[max(0, p - width) : p]
            if len(word) == width and word not in _NO_SCAM_OF_ITS_OWN and word in matched:
                return True
    return any(m.group(1) not in _NO_SCAM_OF_ITS_OWN and m.group(1) in matched for m in _ALL_ARE_FRAUD.finditer(text))


def _denies_before(msg: Message, before: str, start: int) -> bool:
    """Whether a warning cue stands in `before`, the clause before a match at `start`. A cue inside an
    opener set apart by a space ("不收任何费用 妈 新号…") denies the opener's own words and reaches nothing
    after it (issue 8: a prefix never lowers a scam); one that ends the opener still reaches over it
    ("千万不要 把验证码告诉别人")."""
    cues = msg.catalogue.negation_before
    if cues.search(before) is None:
        return False
    b0 = start - len(before)
    opener = max((k for k in opener_ends(msg.norm) if b0 < k <= start), default=b0)
    if opener == b0:
        return True
    head = before[: opener - b0].rstrip(":：~～!！、")
    return cues.search(before[opener - b0 :]) is not None or any(m.end() == len(head) for m in cues.compiled.finditer(head))


# An aside: a bracketed group, or the clauses that close a sentence (or a line that opens
# a block with a colon) from the first one that reassures, warns or pads ("温馨提示：谨防诈骗，切勿向陌生账户
# 转账。", "如有疑问请致电95188。", "（谨防骗局）", "您好，祝您生活愉快，…。"), which give no channel but
# official numbers, no card and no sum. Slipped between two clauses a pattern reads together ("如需取消，
# <aside>请致电客服热线"), it would part them: a rule that finds nothing on the message reads it again with its
# asides set aside, and keeps only the matches that the asides parted (monotone safety,
# tests/test_monotone.py). A line of padding may open with a clause that says nothing ("本周末社区将举办
# 活动，欢迎…参加。"): a second reading starts each aside one clause earlier.
_ASIDE_UNIT = precompiled(r"[^。!?！？\n:：()（）【】\[\]]{0,400}[。!?！？\n:：]{0,8}")
_CLAUSE_MARK = precompiled(r"[,，;；]")
_BRACKETED = precompiled(r"[(（【\[][^()（）【】\[\]]{0,40}[)）】\]]")
_OPENS_CLAUSE = frozenset(",，;；。!?！？\n:：")
_CONTENT_KINDS = frozenset({"link", "bank_card", "chat_handle", "amount", "id_number"})
_ASIDE_READINGS = (0, 1)


def _gives_content(msg: Message, start: int, end: int) -> bool:
    """Whether normalised [start, end) holds a channel that is not an official number, a card or a sum."""
    return any(
        start < e.norm_end and e.norm_start < end
        and (e.kind in _CONTENT_KINDS or (e.kind == "phone" and not e.details.get("official")))
        for e in msg.entities
    )


def _aside_cues(msg: Message) -> list[re.Pattern[str]]:
    """The expressions of what makes a clause an aside (reassurance, padding, the warning cues) that could
    match somewhere in the message: one none of whose triggers it holds matches none of its clauses, and
    is not tried on each of them."""
    cat = msg.catalogue
    cues = (cat.negation_aside, cat.negation_before, cat.negation_after, cat.negation_disowning)
    return [p.compiled for p in cues if p is not None and p.could_match(msg.present)]


def _aside_cue(cues: list[re.Pattern[str]], clause: str) -> bool:
    """Whether the clause holds one of the aside cues (_aside_cues)."""
    return any(p.search(clause) is not None for p in cues)


def _heading_case_numbers(msg: Message, bracketed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Case numbers that open a clause, after a mark and the bracketed asides glued to it (a court's
    heading slipped into a message: "如需取消，【某法院】（2024）京0105民初12345号请致电"): set aside like a
    bracket, the number alone, so the clauses it parts read together. Not one inside a clause ("本院受理的
    （2025）…号案件"), and never the rest of its clause: what follows the number is the message's own."""
    ends = {b: a for a, b in bracketed}
    spans = []
    for entity in msg.by_kind.get("case_number", ()):
        at = entity.norm_start
        while at in ends:
            at = ends[at]
        if at > 0 and msg.norm.text[at - 1] in _OPENS_CLAUSE:
            spans.append((entity.norm_start, entity.norm_end))
    return spans


def _aside_units(msg: Message) -> tuple[list[tuple[int, int]], list[tuple[list[int], int, int]]]:
    """What both readings (_ASIDE_READINGS) set aside, found once per message: the bracketed asides,
    and each unit with a clause that reassures, warns or pads as (its clauses' starts, the first such
    clause, its end)."""
    cache = msg.aside_cache
    if cache is not None and "units" in cache:
        return cache["units"]
    text = msg.norm.text
    bracketed = [(m.start(), m.end()) for m in _BRACKETED.finditer(text) if m.start() > 0 and not _gives_content(msg, m.start(), m.end())]
    bracketed += _heading_case_numbers(msg, bracketed)
    cues = _aside_cues(msg)
    units = []
    for unit in _ASIDE_UNIT.finditer(text):
        if unit.end() == unit.start():
            continue
        starts = [unit.start(), *(m.end() for m in _CLAUSE_MARK.finditer(text, unit.start(), unit.end()))]
        ends = [*starts[1:], unit.end()]
        first = next((k for k, (a, b) in enumerate(zip(starts, ends)) if _aside_cue(cues, text[a:b])), None)
        if first is not None:
            units.append((starts, first, unit.end()))
    if cache is not None:
        cache["units"] = (bracketed, units)
    return bracketed, units


def _aside_spans(msg: Message, back: int) -> list[tuple[int, int]]:
    bracketed, units = _aside_units(msg)
    spans = list(bracketed)
    for starts, first, end in units:
        start = starts[max(0, first - back)]
        if start > 0 and not _gives_content(msg, start, end):
            spans.append((start, end))
    return spans


def model_asides(norm: Normalized, entities: tuple[Entity, ...], held: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The normalised spans the model reads a message without as well (model.py, issue 8): each clause, or
    the end of a clause from a cue glued on ("…加Q12345678如有疑问请致电95588"), that reassures, warns or
    pads, a bracket that does, the first line included; none that gives a channel but an official
    number, a card or a sum, or holds a request of the message's own (`held`: pasted spans of the
    requests not through official channels). Clause by clause, not to the end of the sentence as a
    rule's aside: a greeting before the request ("您好，收到您的简历，请回复邮箱") sets aside the greeting only."""
    msg = Message.of(norm, entities, catalogue())
    cues = _aside_cues(msg)
    text = norm.text

    def free(start: int, end: int) -> bool:
        if _gives_content(msg, start, end):
            return False
        a, b = norm.span(start, end)
        return not any(a < e and s < b for s, e in held)

    spans = [(m.start(), m.end()) for m in _BRACKETED.finditer(text) if _aside_cue(cues, m.group()) and free(m.start(), m.end())]
    for unit in _ASIDE_UNIT.finditer(text):
        if unit.end() == unit.start():
            continue
        starts = [unit.start(), *(m.end() for m in _CLAUSE_MARK.finditer(text, unit.start(), unit.end()))]
        for a, b in zip(starts, [*starts[1:], unit.end()]):
            clause = text[a:b]
            if not _aside_cue(cues, clause):
                continue  # most clauses hold no cue: searched for, not listed place by place
            found = sorted(a + m.start() for p in cues for m in p.finditer(clause))
            at = next((c for c in [a, *found] if found and free(c, b)), None)
            if at is not None:
                spans.append((at, b))
    return spans


class _Reading(NamedTuple):
    """The normalised text with its asides set aside: `text`, and the runs of the normalised text it
    keeps (`runs`: (start, end) in order; `at`: where each run starts in `text`). Memory by runs, not by
    character (issue 10)."""

    text: str
    runs: list[tuple[int, int]]
    at: list[int]

    def pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The normalised spans that text[start:end] comes from, in order."""
        out = []
        k = bisect_right(self.at, start) - 1
        while start < end:
            run_start, run_end = self.runs[k]
            a = run_start + start - self.at[k]
            b = min(run_end, a + end - start)
            out.append((a, b))
            start += b - a
            k += 1
        return out


def _aside_reading(msg: Message, back: int) -> _Reading | None:
    """The message read with its asides set aside; None where it has none. Once per message and reading."""
    cache = msg.aside_cache
    if cache is not None and back in cache:
        return cache[back]
    text = msg.norm.text
    runs: list[tuple[int, int]] = []
    at = 0
    for start, end in sorted(_aside_spans(msg, back)):
        if start > at:
            runs.append((at, start))
        at = max(at, end)
    reading = None
    if at:  # something was set aside
        if at < len(text):
            runs.append((at, len(text)))
        starts, total = [], 0
        for a, b in runs:
            starts.append(total)
            total += b - a
        reading = _Reading("".join(text[a:b] for a, b in runs), runs, starts)
    if cache is not None:
        cache[back] = reading
    return reading


def _parted_matches(
    rule: Rule, patterns: LazyPattern, msg: Message, negated: list[tuple[int, int]]
) -> Iterator[Evidence]:
    """The matches of a rule's patterns on the message read without its asides, that an aside parted:
    as spans of the pasted text (from the match's first character to its last, the aside between).
    Not one that overlaps a match of the message itself that a warning cancelled (`negated`, normalised
    spans in order): an aside of warning does not take a quoted scam phrase out of its quotes."""
    seen = set()
    starts = [a for a, _ in negated]
    for back in _ASIDE_READINGS:
        reading = _aside_reading(msg, back)
        if reading is not None:
            for item in _parted_in(rule, patterns, msg, reading, negated, starts):
                if (item.start, item.end) not in seen:
                    seen.add((item.start, item.end))
                    yield item


# Round 64 (issue 8): a pattern that reads who speaks first at the message's start or after a space ("^我戴主任 加我扣扣",
# rules.toml official_then_add_me) reads them after a word the paste sets apart near its start too ("免费 我戴主任 …",
# "您好 我戴主任 …") and after an opener: the normaliser removes the space, and a word put in front must not hide who
# speaks (tests/test_monotone.py). Red flags only, so it never lowers a message; near the start only, where openers
# stand (normalize._OPENER_REACH), so it never reads a sentence deep in a message as its opening.
_ANCHORED = precompiled(r"(?<![\[\\])\^")  # a ^ that anchors, not one that negates a class ("[^。]") or an escaped one


@cache
def _anchored(pattern: str) -> bool:
    """Whether a rule's patterns hold a ^ that anchors (read once per pattern, not per message)."""
    return _ANCHORED.search(pattern) is not None


def _opened_matches(rule: Rule, patterns: LazyPattern, msg: Message) -> list[Evidence]:
    """The first match of an anchored pattern from a word start near the message's start (a paste's space before it,
    or an opener's end) that the whole text did not match, through the filters a match of the message passes."""
    norm, text = msg.norm, msg.norm.text
    starts = sorted({k for k in norm.gaps() if k <= _OPENER_REACH} | set(opener_ends(norm)))
    for k in starts:
        m = search_suffix(patterns.compiled, text[k:])
        if m is None or m.end() == m.start() or m.start() > 0:
            continue  # a match further on is one the whole text read (or refused) already
        start, end = k, k + m.end()
        if _not_the_rules(rule, msg, m.lastgroup, start):
            continue
        if rule.negatable and _negated(msg, start, end, rule.negatable_inside, rule.never_genuine):
            continue
        return [msg.evidence_at(start, end, m.lastgroup or "")]
    return []


def _not_the_rules(rule: Rule, msg: Message, group: str | None, start: int) -> bool:
    """Whether a match of the pattern named `group`, starting at normalised `start`, is set aside whatever else holds:
    its pattern needs a claim the message does not make, it follows what the pattern's not_after names, or it opens
    a quotation the pattern must not stand in. One test for a match of the message, of a reading without its
    asides and of one from a word set apart near the start."""
    if rule.claimed and group in rule.claimed and rule.claimed[group].isdisjoint(msg.claimed):
        return True
    return _sentence_ends_so(msg, rule, group, start) or (group in rule.unquoted and _opens_quotation(msg, start))


def _overlaps(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    k = bisect_right(starts, b - 1)
    return any(spans[i][1] > a for i in range(max(0, k - 2), k))


def _parted_in(
    rule: Rule, patterns: LazyPattern, msg: Message, reading: _Reading, negated: list[tuple[int, int]], starts: list[int]
) -> Iterator[Evidence]:
    text = reading.text
    matches = with_paid_after(patterns.compiled, text) if rule.negatable else ((m, False) for m in patterns.finditer(text))
    for m, later in islice(matches, MAX_MATCHES_EXAMINED):
        if later or m.end() == m.start():
            continue
        pieces = reading.pieces(m.start(), m.end())
        if len(pieces) == 1:
            continue  # read on the message itself already
        start, end = pieces[0][0], pieces[-1][1]
        if any(_overlaps(negated, starts, a, b) for a, b in pieces):
            continue
        if _not_the_rules(rule, msg, m.lastgroup, start):
            continue
        if rule.negatable and (
            _negated(msg, start, end, False, rule.never_genuine)
            or (rule.negatable_inside and msg.catalogue.negation_inside.search(m.group()))
        ):
            _note_negated(msg, rule, msg.evidence_at(start, end))
            continue
        yield msg.evidence_at(start, end, m.lastgroup or "")


def evaluate_rule(rule: Rule, msg: Message, gate: bool = True) -> Flag | None:
    text = msg.norm.text
    if (
        gate
        and rule.needs
        and not any(map(text.__contains__, rule.needs))
        and not (rule.entities and msg.matching(rule.entities))
    ):
        return None
    if rule.asks and not rule.asks & (msg.requests_outside if rule.asks_outside else msg.requests) and not _accuses(rule, msg):
        return None
    # Without a match of its patterns, an entity it names or a check, a rule has no evidence: its
    # gates need not be tried.
    patterns = rule.patterns if rule.patterns is not None and rule.patterns.could_match(msg.present) else None
    if patterns is None and not rule.check and not (rule.entities and msg.matching(rule.entities)):
        return None
    if rule.requires is not None and not (rule.or_unjudged_story and msg.unjudged_story) and not msg.passes(rule.requires):
        return None
    if rule.absent is not None and msg.passes(rule.absent):
        return None
    if rule.absent_entities and msg.matching(rule.absent_entities):
        return None
    # Every source yields in order of position, so its first MAX_EVIDENCE kept matches contain all
    # of its evidence that can be among the first MAX_EVIDENCE spans of the flag: stop there.
    evidence: list[Evidence] = []
    if patterns is not None:
        kept = 0
        cancelled: list[tuple[int, int]] = []  # matches a warning cancelled, normalised spans
        # "满意再付款", "放款后按合同付服务费": a seller's terms, paid once the goods or the service have
        # come, are no request to pay now, whatever else the message asks (claims.with_paid_after).
        # "我办护照交了工本费": a fee the writer tells as paid asks nobody to pay (claims.writer_paid).
        matches = with_paid_terms(patterns.compiled, text) if rule.negatable else ((m, "") for m in patterns.finditer(text))
        for m, told in islice(matches, MAX_MATCHES_EXAMINED):
            if m.end() == m.start():
                continue
            if told:
                _note_negated(msg, rule, msg.evidence_at(m.start(), m.end()), _TOLD_FILTERS[told])
                continue
            if _not_the_rules(rule, msg, m.lastgroup, m.start()):
                continue
            if rule.negatable and _negated(msg, m.start(), m.end(), rule.negatable_inside, rule.never_genuine):
                _note_negated(msg, rule, msg.evidence_at(m.start(), m.end()))
                cancelled.append((m.start(), m.end()))
                continue
            evidence.append(msg.evidence_at(m.start(), m.end(), m.lastgroup or ""))
            kept += 1
            if kept == MAX_EVIDENCE:
                break
        if not evidence:
            evidence.extend(islice(_parted_matches(rule, patterns, msg, cancelled), MAX_EVIDENCE))
        if not evidence and rule.weight > 0 and _anchored(patterns.pattern):
            evidence.extend(_opened_matches(rule, patterns, msg))
    for cond in rule.entities:
        kept = 0
        for entity in msg.by_kind.get(cond.kind, ()):
            # Not a number, link or chat id a warning retells as the scam's (claims: retold_entity).
            # Nor a warning's own line for questions and reports (claims: help_lines).
            if not cond.matches(entity) or retold_entity(msg.norm.text, entity, msg.present):
                continue
            if entity.kind == "phone" and entity.norm_start in msg.help_lines:
                continue
            if rule.negatable and _negated(msg, entity.norm_start, entity.norm_end, rule.negatable_inside, rule.never_genuine):
                _note_negated(msg, rule, _entity_evidence(entity, f"entity:{cond.name}"))
                continue
            evidence.append(_entity_evidence(entity, f"entity:{cond.name}"))
            kept += 1
            if kept == MAX_EVIDENCE:
                break
    if rule.check and (found := CHECKS[rule.check](msg)):  # most checks find nothing in most messages
        evidence.extend(replace(e, pattern=f"check:{rule.check}") for e in _first_spans(found))
    if not evidence:
        return None
    unique = _first_spans(evidence)
    return Flag(
        rule.id, rule.title, rule.title_en, rule.why, rule.why_en, rule.weight, tuple(unique), rule.source, rule.types
    )


# What with_paid_terms tells of a match, and the filter that names it in the result.
_TOLD_FILTERS = {"after": PAID_AFTER_SERVICE, "writer": PAID_BY_WRITER, "held": DEPOSIT_HELD}


def _note_negated(msg: Message, rule: Rule, evidence: Evidence, filter_id: str = "") -> None:
    if msg.negated is not None:
        filter_id = filter_id or (SENDER_DISOWNS if msg.negation == "off" else msg.negation)
        msg.negated.setdefault(rule.id, (filter_id, []))[1].append(evidence)


def find_flags(
    norm: Normalized,
    entities: tuple[Entity, ...],
    negation: str = "warning_clause",
    requests: frozenset[str] = frozenset(),
    claimed: frozenset[str] = frozenset(),
    own_way: bool = False,
    requests_outside: frozenset[str] = frozenset(),
    unjudged_story: bool = False,
) -> tuple[tuple[Flag, ...], dict[str, tuple[str, list[Evidence]]]]:
    """Every rule that fires, most important (highest absolute weight) first; and, for rules a warning
    cue kept from firing, which filter (`negation`) did it and where. `requests`: the kinds of request
    the claims stage read in the message (rules with `asks` need one of theirs); `claimed`: the persons
    it claims to be (patterns with `claimed` need one of theirs); `own_way`: the message gives an
    unofficial channel of its own (claims.Reading.own_way); `requests_outside`: the kinds of `requests` made
    through a channel that is not official (rules with `asks_outside`); `unjudged_story`: the writer's own
    story that judges nothing (claims.Reading.unjudged_story, rules with `or_unjudged_story`)."""
    cat = catalogue()
    msg = Message.of(norm, entities, cat, negation, requests, claimed, own_way, requests_outside, unjudged_story)
    flags = [flag for rule in _candidates(cat, msg) if (flag := evaluate_rule(rule, msg)) is not None]
    fired = {f.id for f in flags}
    negated = {rule: note for rule, note in (msg.negated or {}).items() if rule not in fired}
    return tuple(sorted(flags, key=lambda f: (-f.weight, f.id))), negated


class _RuleIndex:
    """Which rules can have evidence in a message, by what the message holds (catalogue order).
    (A plain class: a NamedTuple class costs a tenth of a millisecond to create at import.)"""

    __slots__ = ("always", "by_char", "by_kind", "needs")

    def __init__(
        self,
        always: frozenset[int],
        by_char: dict[str, tuple[int, ...]],
        by_kind: dict[str, tuple[int, ...]],
        needs: dict[int, tuple[frozenset[str], ...]],
    ) -> None:
        self.always = always  # a check, or patterns whose triggers are unknown: tried on every message
        self.by_char = by_char  # a trigger character -> the rules whose patterns need it
        self.by_kind = by_kind  # an entity kind -> the rules with a condition on it
        # A rule with `needs` and no entity condition -> the characters of each of its literals: one
        # of them must be there for the rule to pass its `needs` gate, so a message without all the
        # characters of any is not tried (a set test where the gate searched the text for each literal).
        self.needs = needs

    @classmethod
    def of(cls, rules: tuple[Rule, ...]) -> _RuleIndex:
        always: set[int] = set()
        by_char: dict[str, list[int]] = {}
        by_kind: dict[str, list[int]] = {}
        # An entity condition also opens the `needs` gate (evaluate_rule): such a rule is not filtered.
        needs = {k: tuple(map(frozenset, rule.needs)) for k, rule in enumerate(rules) if rule.needs and not rule.entities}
        for k, rule in enumerate(rules):
            if rule.check or (rule.patterns is not None and rule.patterns.triggers is None):
                always.add(k)
            elif rule.patterns is not None:
                for ch in rule.patterns.triggers or ():
                    by_char.setdefault(ch, []).append(k)
            for cond in rule.entities:
                by_kind.setdefault(cond.kind, []).append(k)
        return cls(
            frozenset(always),
            {ch: tuple(ks) for ch, ks in by_char.items()},
            {kind: tuple(ks) for kind, ks in by_kind.items()},
            needs,
        )


_index: tuple[Catalogue, _RuleIndex] | None = None


def _candidates(cat: Catalogue, msg: Message) -> list[Rule]:
    """The rules that can have evidence in `msg`, in catalogue order: those with a check, those whose
    patterns could match (patterns.could_match) and those with a condition on an entity kind it holds,
    but not those whose `needs` cannot be met (_RuleIndex.needs). The others would stop at
    evaluate_rule's first tests; most rules are among them for most messages."""
    global _index
    if _index is None or _index[0] is not cat:
        _index = (cat, _RuleIndex.of(cat.rules))
    index = _index[1]
    chosen = set(index.always)
    for ch in index.by_char.keys() & msg.present:  # iterates the smaller of the two, in C
        chosen.update(index.by_char[ch])
    for kind in msg.by_kind:
        chosen.update(index.by_kind.get(kind, ()))
    needs, present = index.needs, msg.present
    return [cat.rules[k] for k in sorted(chosen) if k not in needs or any(map(present.issuperset, needs[k]))]


# --- checks: predicates over several entities ----------------------------------------------------

class Lexicon(NamedTuple):
    """A word list of data/lexicons.toml: a speed gate and the patterns, as one alternation."""

    needs: tuple[str, ...]
    pattern: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in `text`, at most MAX_MATCHES_EXAMINED of them."""
        if self.needs and not any(literal in text for literal in self.needs):
            return iter(())
        return islice(self.pattern.finditer(text), MAX_MATCHES_EXAMINED)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


LEXICONS_FILE = "data/lexicons.toml"
_LEXICON_NAMES = (
    "legal_claim", "legal_word", "legal_own_client", "legal_threat", "court_claim", "debt", "counterparty", "antifraud_claim", "court_money"
)


def parse_lexicons(raw: str | dict, where: str = LEXICONS_FILE) -> dict[str, Lexicon]:
    """Every list the checks need (lexicons.toml's text, or its data), validated: the file and the
    key are named in every failure."""
    try:
        data = raw if isinstance(raw, dict) else datafile.loads(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise CatalogueError(f"{where}: {exc}") from None
    unknown = sorted(set(data) - set(_LEXICON_NAMES))
    if unknown:
        raise CatalogueError(f"{where}: unknown list {unknown[0]} (the checks use {', '.join(_LEXICON_NAMES)})")
    out = {}
    for name in _LEXICON_NAMES:
        item = data.get(name)
        if not isinstance(item, dict) or not item.get("patterns"):
            raise CatalogueError(f"{where}: [{name}] is missing or has no patterns")
        if set(item) - {"patterns", "needs"}:
            raise CatalogueError(f"{where}: [{name}] has unknown keys {sorted(set(item) - {'patterns', 'needs'})}")
        patterns, needs = item["patterns"], item.get("needs", [])
        for key, values in (("patterns", patterns), ("needs", needs)):
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise CatalogueError(f"{where}: [{name}] {key} must be a list of non-empty strings")
        out[name] = Lexicon(tuple(needs), _joined(patterns, f"{where}: [{name}]"))
    return out


def _joined(patterns: list[str], where: str) -> re.Pattern[str]:
    """The patterns as one alternation; when it does not compile, the error names the bad one."""
    try:
        return precompiled("|".join(f"(?:{p})" for p in patterns))
    except re.error:
        pass
    for pattern in patterns:
        try:
            precompiled(pattern)
        except re.error as exc:
            raise CatalogueError(f"{where} bad pattern {pattern!r}: {exc}") from None
    raise CatalogueError(f"{where}: the patterns do not compile together")


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    return parse_lexicons(datafile.load(LEXICONS_FILE))


def _claims_legal_sender(msg: Message) -> list[Evidence]:
    """A message that speaks as a lawyer or law firm but gives no way to verify one."""
    text = msg.norm.text
    if not any(not _negated(msg, m.start(), m.end()) for m in lexicons()["legal_claim"].finditer(text)):
        return []
    if _verifiable_firm(msg):
        return []
    if lexicons()["legal_own_client"].search(text) and not lexicons()["legal_threat"].search(text):
        return []  # the firm's own client about his own booking: nothing claimed against him (round 35)
    return [msg.evidence_at(m.start(), m.end()) for m in islice(lexicons()["legal_word"].finditer(text), 3)]


# Where anyone can look a firm and its lawyers up (domain.md: 中国法律服务网 and 12348, the justice bureaus' public
# legal-service line; or the bar association's site): a firm that sends the reader there gives the way to verify it.
_FIRM_REGISTER = precompiled(r"中国法律服务网|律师协会|律协(?:网站|官网)|12348")


def _verifiable_firm(msg: Message) -> bool:
    """A named law firm plus two of: the lawyer (name or licence), a landline, the firm's credit code, a
    pointer to the public register where the firm can be checked (round 40: a firm's call says "您可以在中国法律
    服务网查询我们所")."""
    if not any(e.details.get("named") for e in msg.of_kind("law_firm")):
        return False
    details = [
        bool(msg.of_kind("lawyer_name", "lawyer_licence")),
        any(e.details.get("type") in ("landline", "service") and "official" not in e.details for e in msg.of_kind("phone")),
        any(e.details.get("issuer") == "law_firm" and e.details.get("checksum") == "valid" for e in msg.of_kind("credit_code")),
        _FIRM_REGISTER.search(msg.norm.text) is not None,
    ]
    return sum(details) >= 2


# Round 30 (probe of our own): a case the reader himself reported, filed or applied for ("您报案的…案件已立案侦查"),
# told in its own sentence: no claim against him. A fee or a channel asked with it is flagged by its own rules.
_READERS_OWN_FILING = precompiled(r"(?:您|你)(?:所)?(?:报案|报警|举报|投诉|申请|提出|提交)(?:执行|立案|仲裁|调解)?的")
# Round 40 (call transcripts): an officer's call about the case the listener came to report ("上周三您来所里报案…您这个
# 案子已经立案了", "你上礼拜来报的那个案子"), or a clerk's about the enforcement the listener applied for ("您申请执行的
# 那个借款案"): said anywhere in the message, the case is the listener's own. A fee asked for it is the fee rules'.
_READER_REPORTED = precompiled(
    r"(?:您|你)(?:上周.?|上礼拜|前几天|前天|昨天|之前|刚才)?(?:来|到)?(?:所里|派出所|我们所|局里|我们这里)?(?:报案|报警|报的案|来报的|报的那个)"
    r"|(?:您|你)(?:作为)?申请(?:执行|执行人)"
)


def sentence_start(text: str, at: int) -> int:
    """Where the sentence of text[at] begins (at most 200 characters back)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 200), at)]
    return ends[-1] if ends else max(0, at - 200)


def _court_claim_without_case(msg: Message) -> list[Evidence]:
    """立案 / 传票 / 开庭 claimed without a court name and a well-formed case number."""
    text = msg.norm.text
    reported = _READER_REPORTED.search(text) is not None  # anywhere in the message: read once
    claims = [
        m for m in lexicons()["court_claim"].finditer(text)
        if not _negated(msg, m.start(), m.end())
        and not _READERS_OWN_FILING.search(text, sentence_start(text, m.start()), m.start())
        and not reported
    ]
    if not claims:
        return []
    good_case = [e for e in msg.of_kind("case_number") if e.details.get("format") == "ok"]
    if msg.of_kind("court") and good_case:
        return []
    bad_cases = [_entity_evidence(e) for e in msg.of_kind("case_number") if e.details.get("format") != "ok"]
    return [msg.evidence_at(m.start(), m.end()) for m in claims] + bad_cases


def _creditors_in(text: str) -> set[str]:
    """The specific banks and lenders a text names (institutions.toml, `creditor`)."""
    return {inst.id for inst in institutions() if inst.creditor and not inst.generic and inst.keywords.search(text)}


def _sender_tag_mismatch(msg: Message) -> list[Evidence]:
    """A 【tag】 naming one creditor on a message that speaks for another."""
    out = []
    for tag in msg.of_kind("sender_tag"):
        tagged = _creditors_in(tag.value)
        if not tagged:
            continue
        body = msg.norm.text[: tag.norm_start] + msg.norm.text[tag.norm_end :]
        if not lexicons()["debt"].search(body):
            continue
        # A bank naming a payee (商户：支付宝-…) is not speaking for it.
        spoken = _creditors_in(lexicons()["counterparty"].pattern.sub("", body))
        # Alipay's own products (花呗, 借呗, 借条) share one tag.
        if spoken and not (spoken & tagged) and not ({"alipay", "alipay_iou"} >= (spoken | tagged)):
            out.append(_entity_evidence(tag))
    return out


def _fake_antifraud(msg: Message) -> list[Evidence]:
    """Real 12381 warnings carry no link, chat ID or number to call (domain.md 1b)."""
    claim = lexicons()["antifraud_claim"].search(msg.norm.text)
    if not claim:
        return []
    # Not a number or link the warning retells as the scam's and tells the reader not to use (claims).
    contacts = [
        e
        for e in msg.entities
        if (e.kind in ("link", "chat_handle") or (e.kind == "phone" and "official" not in e.details))
        and not retold_entity(msg.norm.text, e, msg.present)
    ]
    if contacts:
        return [msg.evidence_at(claim.start(), claim.end())] + [_entity_evidence(e) for e in contacts]
    # Round 55 (dev half): 12381 warnings need no reply or call-back either (domain.md 1b): one that opens as 12381 and asks the
    # reader to call back, dial or reply, to anything but the anti-fraud and spam-report lines themselves ("请回拨专线配合核查",
    # "如有异议请拨打 0571-8***5320", a number masked so that no parser reads it), is no 12381 warning.
    opening = _OPENS_AS_12381.match(msg.norm.text)
    if opening is None:
        return []
    asked = _ANTIFRAUD_CALL_BACK.search(msg.norm.text, opening.end())
    if asked is None or _negated(msg, asked.start(), asked.end()):
        return []
    return [msg.evidence_at(opening.start(), opening.end()), msg.evidence_at(asked.start(), asked.end())]


# A message that opens as 12381 (its tag, or its first word), and a call-back, a number dialled or a reply asked of the reader
# to anything but 96110, 110, 12381 or 12321 (not "无需回复", "请勿回拨").
_OPENS_AS_12381 = precompiled(r"\s{0,3}[【\[［(（]?\s{0,3}12381")
_ANTIFRAUD_CALL_BACK = precompiled(
    r"(?<![无不勿别莫])(?<!无需)(?<!不用)(?<!不要)(?<!请勿)(?<!切勿)(?<!不必)(?:回拨|回电|致电|拨打|回复)"
    r"(?!(?:[^。，,！!？?；;]{0,8}?)(?:96110|110|12381|12321)(?!\d))"
)


# A code given with its digits, to be typed on the court's own site: "验证码：6620", "查阅码为 8812".
_CODE_GIVEN = precompiled(r"(?:验证码|查阅码|查看码|提取码)(?:为|是|:)?\d{4,8}(?!\d)")


def _genuine_court_format(msg: Message) -> list[Evidence]:
    """The shape of a real court notice: a court's tag or name, a well-formed case number, no payment."""
    courts = msg.of_kind("court")
    cases = [e for e in msg.of_kind("case_number") if e.details.get("format") == "ok"]
    # A code the notice gives to open its documents ("文书详见… 验证码：6620", round 30) is no code asked: it is
    # left out before the money and code words are looked for ("请提供验证码" still has them).
    if not (courts and cases) or lexicons()["court_money"].search(_CODE_GIVEN.sub("", msg.norm.text)):
        return []
    if any(e.kind == "phone" and e.details.get("type") == "mobile" for e in msg.entities):
        return []
    return [_entity_evidence(courts[0]), _entity_evidence(cases[0])]


def _official_numbers_only(msg: Message) -> list[Evidence]:
    """Every number to call is a confirmed official one, and there is no link to follow."""
    phones = msg.of_kind("phone")
    if not phones or msg.of_kind("link", "chat_handle", "bank_card"):
        return []
    if all("official" in e.details for e in phones):
        return [_entity_evidence(e) for e in phones]
    return []


def _lawful_letter_details(msg: Message) -> list[Evidence]:
    """A law firm's letter with the details that let anyone verify it, and no payment to the firm."""
    if not _verifiable_firm(msg) or msg.of_kind("bank_card", "link", "chat_handle"):
        return []
    if any(e.details.get("type") == "mobile" for e in msg.of_kind("phone")):
        return []
    if any(e.details.get("format") == "unusual" for e in msg.of_kind("lawyer_licence")):
        return []
    firm = next(e for e in msg.of_kind("law_firm") if e.details.get("named"))
    return [_entity_evidence(firm)]


def _disguised_text(msg: Message) -> list[Evidence]:
    """Where normalisation had to undo a disguise (see Normalized.disguises): the first MAX_EVIDENCE
    places, all a flag keeps (disguises are sorted by place; a long paste can have 100,000)."""
    places = islice(groupby((s, e) for _, s, e in msg.norm.disguises), MAX_EVIDENCE)
    return [Evidence(s, e, msg.norm.original[s:e]) for (s, e), _ in places]


CHECKS: dict[str, Callable[[Message], list[Evidence]]] = {
    "disguised_text": _disguised_text,
    "legal_sender_without_details": _claims_legal_sender,
    "court_claim_without_case_number": _court_claim_without_case,
    "sender_tag_mismatch": _sender_tag_mismatch,
    "antifraud_message_with_contact": _fake_antifraud,
    "genuine_court_format": _genuine_court_format,
    "official_numbers_only": _official_numbers_only,
    "lawful_letter_details": _lawful_letter_details,
}
