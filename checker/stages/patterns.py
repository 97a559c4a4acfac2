"""Regular expressions compiled once for this Python, ahead of time, instead of on every start.

re.compile parses an expression and compiles it into a list of integers that _sre.compile turns
into a Pattern. For the ~190 expressions a cold check needs, the parsing and compiling took about
80 ms, a third of a cold `checker check`; _sre.compile alone takes half a millisecond for all.
`python -m checker.lab.twins` records, for every expression the package compiles, the arguments
re gives _sre.compile, in data/twins/patterns.marshal, with the exact Python version that made
them; each expression's code (a list of ~500 integers) as the bytes of an array of code words,
which marshal loads as one object where it made every integer (a list of them took 2.5 ms to load
for ~350 expressions; the bytes 0.4 ms, and only the expressions a check uses become lists).
Under that version, precompiled() builds the Pattern from them; under any other, or for an
expression the table lacks (one edited since), it calls re.compile as before: a stale table costs
time, never correctness. tests/test_patterns.py checks that every recorded Pattern equals
re.compile's (CPython compares the compiled code) and that the table holds every expression.

The table also records each expression's triggers (required_characters): characters one of which
every match contains. A stage that holds the set of a message's characters skips an expression none
of whose triggers is there (could_match) instead of scanning the text with it: most of the
expressions a check tries find nothing, and most find nothing because a word they need is absent.

One difference from re.compile's code, made where it changes no match: re's search tries an
expression at every position of the text unless it knows the characters a match can begin with, and
it knows them only when every branch begins with a plain character. "(?<!要)不要|切勿|…", a group per
branch ("(?P<fee>…)|(?P<code>…)") or "(?:转|汇)款" begin otherwise, so each was tried, branch by
branch, at each of a message's characters. For such an expression whose every match takes at least
one character and begins with one of a few characters it lists (first_characters), the table's code
holds that list where re puts the one it finds itself (the INFO block's charset, which re's own
search reads), and the search only tries the expression where one of them stands. The matches are
the same (tests/test_patterns.py compares them on our texts); the code is re's with that list added.
"""

from __future__ import annotations

import _sre
import functools
import marshal
import re
import sys
from array import array
from collections.abc import Set

# re's own parser, whose parse tree required_characters reads (re imports it: it costs nothing).
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]

from . import datafile

TABLE_FILE = "data/twins/patterns.marshal"
# The array type of a code word in the table: unsigned, 4 bytes (_sre.CODESIZE), this machine's order.
CODE_WORD = "I"

# (flags, code, groups, group index, index group) by expression: what re passes to _sre.compile,
# the code as the bytes of an array of CODE_WORD (recorded(), arguments()).
_table: dict[str, tuple] | None = None
# required_characters() by expression as the table lists them: the characters as one string, ""
# for None (strings load several times faster than sets, and most are never asked for).
_listed: dict[str, str] = {}
# required_characters() by expression, as asked for: from _listed, or computed here for an
# expression the table lacks.
_triggers: dict[str, frozenset[str] | None] = {}
# A character class or an alternation of more characters than this is not worth a set.
_MAX_TRIGGERS = 64


def made_for() -> dict[str, object]:
    """What a table is valid for: this Python's exact version, and its regular-expression engine."""
    return {
        "implementation": sys.implementation.name,
        "version": list(sys.version_info[:3]),
        "sre_magic": _sre.MAGIC,
        "code_words": [sys.byteorder, array(CODE_WORD).itemsize],
    }


def recorded(arguments: tuple) -> tuple:
    """The table's entry for `arguments` of _sre.compile (flags, code, ...): the code as bytes."""
    flags, code, *rest = arguments
    return (flags, array(CODE_WORD, code).tobytes(), *rest)


def arguments(entry: tuple) -> tuple:
    """The arguments of _sre.compile (after the expression) that the table's `entry` records."""
    flags, code, *rest = entry
    return (flags, array(CODE_WORD, code).tolist(), *rest)


def precompiled(pattern: str) -> re.Pattern[str]:
    """re.compile(pattern): from the table when it was made for this Python and holds `pattern` (its
    code may list the characters a match begins with: see the module's docstring)."""
    table = _table if _table is not None else _load()
    entry = table.get(pattern)
    if entry is not None:
        flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(pattern, flags, array(CODE_WORD, code).tolist(), groups, groupindex, indexgroup)
    return re.compile(pattern)


def _load() -> dict[str, tuple]:
    global _table
    try:
        data = marshal.loads(datafile.read(TABLE_FILE))
        table, triggers = (data["patterns"], data["triggers"]) if data["made_for"] == made_for() else ({}, {})
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        table, triggers = {}, {}  # no table, or not one this Python wrote: every expression is compiled by re
    _listed.update(triggers)
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


# A start filter of more characters than this is not worth it: most Chinese text would pass it.
_MAX_FIRSTS = 128
# The one broad class a start filter names, as re spells it: a digit is rare in a message, and many
# expressions (numbers, amounts, cards, dates) begin with one.
DIGIT = r"\d"


def _case_sensitive_tree(pattern: str):
    """re's parse tree of `pattern`; None when it does not parse or ignores case (then no character
    it needs can be listed)."""
    try:
        tree = sre_parser.parse(pattern)
    except re.error:
        return None
    return None if tree.state.flags & (re.IGNORECASE | re.LOCALE) else tree


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can begin with (each a character, or DIGIT for any digit;
    "\\s" as the characters it matches), when they are few and every match takes at least one character (else None). Assertions before it
    (a look-behind, ^) take none and are passed."""
    tree = _case_sensitive_tree(pattern)
    if tree is None:
        return None
    firsts, may_be_empty = _sequence_firsts(tree)
    return firsts if firsts and not may_be_empty and len(firsts) <= _MAX_FIRSTS else None


def _sequence_firsts(items) -> tuple[frozenset[str] | None, bool]:
    """(the characters a match of the sequence can begin with, None: not listed; whether it can be empty)."""
    c = sre_constants
    found: set[str] = set()
    for op, argument in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the match begins with what follows
        firsts, may_be_empty = _item_firsts(op, argument)
        if firsts is None:
            return None, True
        found |= firsts
        if not may_be_empty:
            return frozenset(found), False
    return frozenset(found), True  # every part can be empty: so can the sequence


def _item_firsts(op, argument) -> tuple[frozenset[str] | None, bool]:
    c = sre_constants
    if op is c.LITERAL:
        return frozenset(chr(argument)), False
    if op is c.IN:
        chars = _class_characters(argument, _MAX_FIRSTS, digit=True)
        return (None, True) if chars is None else (frozenset(chars), False)
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = argument
        return (None, True) if add_flags & (re.IGNORECASE | re.LOCALE) else _sequence_firsts(sub)
    if op is c.ATOMIC_GROUP:
        return _sequence_firsts(argument)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _most, sub = argument
        firsts, may_be_empty = _sequence_firsts(sub)
        return firsts, may_be_empty or least == 0
    if op is c.BRANCH:
        found: set[str] = set()
        any_empty = False
        for branch in argument[1]:
            firsts, may_be_empty = _sequence_firsts(branch)
            if firsts is None:
                return None, True
            found |= firsts
            any_empty = any_empty or may_be_empty
        return frozenset(found), any_empty
    return None, True  # any character, a back reference ...


@functools.cache
def white_space() -> frozenset[str]:
    """Every character "\\s" matches in a str expression (worked out by re itself, when a table is made)."""
    return frozenset(re.findall(r"\s", "".join(map(chr, range(sys.maxunicode + 1)))))


def _class_characters(argument, widest: int, digit: bool = False) -> set[str] | None:
    """The characters of a class ("[…]"): its literals and its ranges narrower than `widest`, and with
    `digit` any digit as DIGIT and any white space as the characters of white_space() (a match may begin
    with a space: "\\s?不"); None for a negated class, another category or a wider range."""
    c = sre_constants
    chars: set[str] = set()
    for kind, value in argument:
        if kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < widest:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif digit and kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
            chars.add(DIGIT)
        elif digit and kind is c.CATEGORY and value is c.CATEGORY_SPACE:
            chars.update(white_space())  # "\s": some thirty characters, listed one by one
        else:
            return None
    return chars


def required_characters(pattern: str) -> frozenset[str] | None:
    """A small set of characters one of which every match of `pattern` contains; None when the
    expression gives none (it can match empty text, ignores case, or needs only broad classes).

    Read from re's parse tree: a literal needs itself, a short class its characters, an alternation
    the union of what each branch needs, a sequence what its most selective part needs; repeats
    that may be absent, assertions and broad classes (\\d, [^x], .) need nothing that can be listed.
    """
    tree = _case_sensitive_tree(pattern)
    return None if tree is None else _sequence_needs(tree)


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
        chars = _class_characters(argument, _MAX_TRIGGERS)
        return frozenset(chars) if chars is not None and len(chars) <= _MAX_TRIGGERS else None
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


def reach_before(pattern: str) -> int | None:
    """How far before the place a match is tried `pattern` may read: the widest of its look-behinds,
    summed where they nest or follow one another, and one character for an anchor or a word
    boundary (^, \\b: they read the character before). None when it does not parse or a look-behind
    has no bound."""
    try:
        tree = sre_parser.parse(pattern)
    except re.error:
        return None
    return _reach(tree)


def _reach(items) -> int | None:
    c = sre_constants
    total = 0
    for op, argument in items:
        if op is c.AT:
            total += 1
            continue
        if op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = argument
            if direction < 0:
                widest = sub.getwidth()[1]
                if widest >= sre_constants.MAXREPEAT:
                    return None
                total += widest
        for part in _subpatterns(argument):
            inner = _reach(part)
            if inner is None:
                return None
            total += inner
    return total


def _subpatterns(argument) -> list:
    """The parse trees held in an item's argument (a group's, a branch's, a repeat's, an assertion's)."""
    if isinstance(argument, sre_parser.SubPattern):
        return [argument]
    if isinstance(argument, (tuple, list)):
        return [tree for part in argument for tree in _subpatterns(part)]
    return []


def search_suffix(pattern: re.Pattern[str], suffix: str) -> re.Match[str] | None:
    """pattern.search(suffix), where `suffix` ends a text in which pattern.search found nothing.

    A match tried at place q of the suffix reads what one tried at the same character of the text
    reads, unless it reads before q (a look-behind, ^, \\b) past the suffix's start: only the first
    reach_before(pattern) places, and the first, can find what the text did not; only they are tried
    (pattern.match at each, which is how search tries a place). tests/test_patterns.py compares it
    with pattern.search."""
    try:
        reach = _reaches[pattern.pattern]
    except KeyError:
        reach = _reaches[pattern.pattern] = reach_before(pattern.pattern)
    if reach is None:
        return pattern.search(suffix)
    match = pattern.match
    for at in range(min(reach, len(suffix)) + 1):
        found = match(suffix, at)
        if found is not None:
            return found
    return None


# reach_before() by expression, worked out once (search_suffix).
_reaches: dict[str, int | None] = {}
