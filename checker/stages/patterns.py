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
"""

from __future__ import annotations

import _sre
import marshal
import re
import sys

from . import datafile

TABLE_FILE = "data/twins/patterns.marshal"

# (flags, code, groups, group index, index group) by expression: what re passes to _sre.compile.
_table: dict[str, tuple] | None = None


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
        table = data["patterns"] if data["made_for"] == made_for() else {}
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        table = {}  # no table, or not one this Python wrote: every expression is compiled by re
    _table = table
    return table
