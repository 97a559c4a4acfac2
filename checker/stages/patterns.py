"""Regular expressions compiled once for this Python, ahead of time, instead of on every start.

re.compile parses an expression and compiles it into a list of integers that _sre.compile turns
into a Pattern. For the ~190 expressions a cold check needs, the parsing and compiling took about
80 ms, a third of a cold `checker check`; _sre.compile alone takes half a millisecond for all.
`python -m checker.lab.twins` records, for every expression the package compiles, the arguments
re gives _sre.compile, in data/twins/patterns.marshal, with the exact Python version that made
them. Under that version, precompiled() builds the Pattern from them; under any other, or for an
expression the table lacks (one edited since), it calls re.compile as before: a stale table costs
time, never correctness. tests/test_patterns.py checks that every recorded Pattern equals
re.compile's (CPython compares the compiled code) and that the table holds every expression.

The table also records each expression's triggers (required_characters): characters one of which
every match contains. A stage that holds the set of a message's characters skips an expression none
of whose triggers is there (could_match) instead of scanning the text with it: most of the
expressions a check tries find nothing, and most find nothing because a word they need is absent.

It records their pairs too (required_pairs): two neighbouring characters, one pair of which every
match contains. A single character is a weak gate in Chinese (请, 转, 付 are in most messages), a pair
(转账, 付款) a strong one: where the triggers are there, a stage that holds the set of a text's pairs
(text_pairs) skips an expression none of whose pairs is there (could_hold). Only the table lists
pairs: for an expression it lacks, none are worked out (parsing the large alternations of the rules
would cost a cold check milliseconds) and the expression is simply tried.
"""

from __future__ import annotations

import _sre
import itertools
import marshal
import re
import sys
from collections.abc import Set
from operator import add

# re's own parser, whose parse tree required_characters reads (re imports it: it costs nothing).
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]

from . import datafile

TABLE_FILE = "data/twins/patterns.marshal"

# (flags, code, groups, group index, index group) by expression: what re passes to _sre.compile.
_table: dict[str, tuple] | None = None
# required_characters() by expression as the table lists them: the characters as one string, ""
# for None (strings load several times faster than sets, and most are never asked for).
_listed: dict[str, str] = {}
# required_characters() by expression, as asked for: from _listed, or computed here for an
# expression the table lacks.
_triggers: dict[str, frozenset[str] | None] = {}
# A character class or an alternation of more characters than this is not worth a set.
_MAX_TRIGGERS = 64
# required_pairs() by expression as the table lists them (the pairs one after another in one string;
# an expression without pairs is not listed), and as asked for.
_listed_pairs: dict[str, str] = {}
_pairs: dict[str, frozenset[str] | None] = {}
# A set of more pairs than this is not worth it (nor is a product of two sets of characters larger).
_MAX_PAIRS = 64
# A text longer than this is not read as pairs: a paste of a million characters would make a set of
# up to a million strings. A longer text tries every expression whose triggers are there, as before.
_MAX_PAIRED_TEXT = 4000


def made_for() -> dict[str, object]:
    """What a table is valid for: this Python's exact version, and its regular-expression engine."""
    return {"implementation": sys.implementation.name, "version": list(sys.version_info[:3]), "sre_magic": _sre.MAGIC}


def precompiled(pattern: str) -> re.Pattern[str]:
    """re.compile(pattern): from the table when it was made for this Python and holds `pattern`."""
    table = _table if _table is not None else _load()
    arguments = table.get(pattern)
    if arguments is not None:
        return _sre.compile(pattern, *arguments)
    return re.compile(pattern)


def _load() -> dict[str, tuple]:
    global _table
    try:
        data = marshal.loads(datafile.read(TABLE_FILE))
        made_here = data["made_for"] == made_for()
        table, triggers, pairs = (data["patterns"], data["triggers"], data["pairs"]) if made_here else ({}, {}, {})
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        table, triggers, pairs = {}, {}, {}  # no table, or not one this Python wrote: every expression is compiled by re
    _listed.update(triggers)
    _listed_pairs.update(pairs)
    _table = table
    return table


def triggers(pattern: str) -> frozenset[str] | None:
    """required_characters(pattern): from the table, or worked out once for an expression it lacks."""
    if _table is None:
        _load()
    try:
        return _triggers[pattern]
    except KeyError:
        listed = _listed.get(pattern)
        if listed is None:  # an expression the table lacks: worked out once, here
            needed = required_characters(pattern)
        elif listed:
            needed = frozenset(listed)
        else:
            needed = None
        _triggers[pattern] = needed
        return needed


def could_match(pattern: str, present: Set[str]) -> bool:
    """False only when no match of `pattern` is possible in a text whose characters are `present`:
    none of the characters every match contains is there (required_characters)."""
    needed = triggers(pattern)
    return needed is None or not needed.isdisjoint(present)


def pairs(pattern: str) -> frozenset[str] | None:
    """required_pairs(pattern) as the table lists it; None for an expression the table lacks."""
    try:
        return _pairs[pattern]
    except KeyError:
        if _table is None:
            _load()
        listed = _listed_pairs.get(pattern)
        found = frozenset(listed[k : k + 2] for k in range(0, len(listed), 2)) if listed else None
        _pairs[pattern] = found
        return found


def text_pairs(text: str) -> frozenset[str] | None:
    """Every two neighbouring characters of `text`, for could_hold; None for a text too long to read so."""
    if len(text) > _MAX_PAIRED_TEXT:
        return None
    return frozenset(map(add, text, text[1:]))


def could_hold(pattern: str, present_pairs: frozenset[str] | None) -> bool:
    """False only when no match of `pattern` is possible in a text whose pairs are `present_pairs`
    (text_pairs(); None: not known, anything is possible): none of the pairs every match contains
    (required_pairs, as the table lists them) is there."""
    if present_pairs is None:
        return True
    needed = pairs(pattern)
    return needed is None or not needed.isdisjoint(present_pairs)


def required_characters(pattern: str) -> frozenset[str] | None:
    """A small set of characters one of which every match of `pattern` contains; None when the
    expression gives none (it can match empty text, ignores case, or needs only broad classes).

    Read from re's parse tree: a literal needs itself, a short class its characters, an alternation
    the union of what each branch needs, a sequence what its most selective part needs; repeats
    that may be absent, assertions and broad classes (\\d, [^x], .) need nothing that can be listed.
    """
    try:
        tree = sre_parser.parse(pattern)
    except re.error:
        return None
    if tree.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    return _sequence_needs(tree)


def _sequence_needs(items) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    for op, argument in items:
        needed = _item_needs(op, argument)
        if needed is not None and (best is None or len(needed) < len(best)):
            best = needed
    return best


def _item_needs(op, argument) -> frozenset[str] | None:
    c = sre_constants
    if op is c.LITERAL:
        return frozenset(chr(argument))
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in argument:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < _MAX_TRIGGERS:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None  # a negated class, a category (\d, \s, \w) or a wide range
        return frozenset(chars) if len(chars) <= _MAX_TRIGGERS else None
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = argument
        return None if add_flags & (re.IGNORECASE | re.LOCALE) else _sequence_needs(sub)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _most, sub = argument
        return _sequence_needs(sub) if least >= 1 else None
    if op is c.ATOMIC_GROUP:
        return _sequence_needs(argument)
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in argument[1]:
            needed = _sequence_needs(branch)
            if needed is None:
                return None
            union |= needed
        return frozenset(union) if len(union) <= _MAX_TRIGGERS else None
    return None  # assertions (zero width), anchors, any character, back references


# What every match of a part of an expression holds, for required_pairs: (pairs of neighbouring
# characters one of which it contains, the characters it can begin with, those it can end with (None:
# not listed), whether it takes at least one character). A plain tuple: this module is imported by a
# cold check, and a NamedTuple class costs a tenth of a millisecond to create.
_Ends = tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None, bool]
_NOTHING_KNOWN: _Ends = (None, None, None, False)
_SOME_CHARACTER: _Ends = (None, None, None, True)


def required_pairs(pattern: str) -> frozenset[str] | None:
    """A small set of two-character strings one of which every non-empty match of `pattern` contains
    as neighbours; None when the expression gives none (see required_characters).

    Read from re's parse tree as required_characters reads it, and besides: two parts that stand next
    to each other in a sequence and each take at least one character give the pairs of what the first
    can end with and the second begin with ("转(?:账|款)" needs 转账 or 转款). Anything that may take
    no character (an optional part, an assertion) stands between its neighbours and gives no pair.
    """
    try:
        tree = sre_parser.parse(pattern)
    except re.error:
        return None
    if tree.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    return _sequence_ends(tree)[0]


def _small(chars: set[str] | frozenset[str] | None, most: int) -> frozenset[str] | None:
    return frozenset(chars) if chars is not None and len(chars) <= most else None


def _sequence_ends(items) -> _Ends:
    parts = [_item_ends(op, argument) for op, argument in items]
    choices = [pairs for pairs, _, _, _ in parts if pairs is not None]
    for (_, _, lasts, left_consumes), (_, firsts, _, right_consumes) in itertools.pairwise(parts):
        if left_consumes and right_consumes and lasts is not None and firsts is not None:
            if len(lasts) * len(firsts) <= _MAX_PAIRS:
                choices.append(frozenset(a + b for a in lasts for b in firsts))
    return (
        min(choices, key=len) if choices else None,
        parts[0][1] if parts and parts[0][3] else None,
        parts[-1][2] if parts and parts[-1][3] else None,
        any(part[3] for part in parts),
    )


def _item_ends(op, argument) -> _Ends:
    c = sre_constants
    if op is c.LITERAL:
        one = frozenset(chr(argument))
        return (None, one, one, True)
    if op is c.IN:
        chars = _item_needs(op, argument)  # a short list of characters, or None
        return (None, chars, chars, True)
    if op in (c.ANY, c.NOT_LITERAL):
        return _SOME_CHARACTER
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = argument
        ends = _sequence_ends(sub)
        return (None, None, None, ends[3]) if add_flags & (re.IGNORECASE | re.LOCALE) else ends
    if op is c.ATOMIC_GROUP:
        return _sequence_ends(argument)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _most, sub = argument
        # Each of the repeats begins and ends as one match of `sub` does.
        return _sequence_ends(sub) if least >= 1 else _NOTHING_KNOWN
    if op is c.BRANCH:
        branches = [_sequence_ends(branch) for branch in argument[1]]
        return (
            _union([b[0] for b in branches], _MAX_PAIRS),
            _union([b[1] for b in branches], _MAX_TRIGGERS),
            _union([b[2] for b in branches], _MAX_TRIGGERS),
            all(b[3] for b in branches),
        )
    return _NOTHING_KNOWN  # assertions (zero width), anchors, back references


def _union(sets: list[frozenset[str] | None], most: int) -> frozenset[str] | None:
    if any(s is None for s in sets):
        return None
    return _small(frozenset().union(*sets), most)  # type: ignore[arg-type]
