"""python -m checker.lab.twins: what a check would otherwise rebuild from the package's data on every start.

The JSON twins of the TOML data files a check parses (checker/stages/datafile.py), and the table of
precompiled regular expressions (checker/stages/patterns.py), made for the Python that runs this.

    python -m checker.lab.twins           # rewrite checker/data/twins/ from the data files
    python -m checker.lab.twins --check   # exit 1 when a twin or the table is missing or stale
"""

from __future__ import annotations

import _sre
import argparse
import json
import marshal
import pathlib
import re
import subprocess
import sys
from re import _compiler as sre_compiler  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]

from ..stages.datafile import twin_name, twin_of
from ..stages.patterns import DIGIT, TABLE_FILE, first_characters, made_for, recorded, required_characters

# The files a check parses whose parse costs more than a millisecond or two.
TWINNED = (
    "data/rules.toml",
    "data/taxonomy.toml",
    "data/institutions.toml",
    "data/reference.toml",
    "data/steps.toml",
    "data/claims.toml",
    "data/filters.toml",
    "data/lexicons.toml",
    "data/cantonese.toml",
)


# Run in a fresh interpreter, so that the expressions compiled at import are asked for too: every
# expression the package asks the table for while it loads everything a check can load and checks
# its own texts (the bundled sample and every rule's examples).
_ASKED = """
import gc, importlib, json, sys
from checker.stages import patterns

asked = set()


class Asked(dict):
    def get(self, key, default=None):
        asked.add(key)
        return default


patterns._table = Asked()
# Importing checker.stages.patterns imported the package, and compiled the module-level expressions
# before the table could ask: run the modules again.
for name in sorted(sys.modules):
    if name.startswith("checker.") and name != "checker.stages.patterns":
        importlib.reload(sys.modules[name])
from checker.lab.bench import bundled_texts
from checker.pipeline import check
from checker.stages import entities, render, rules

catalogue = rules.catalogue()
rules.compile_all(catalogue)
for lazy in gc.get_objects():
    if isinstance(lazy, (entities.Gated, rules.LazyPattern)):
        lazy.compiled
for text in [*bundled_texts(), *(t for rule in catalogue.rules for t in (*rule.examples_hit, *rule.examples_miss))]:
    check(text)
print(json.dumps(sorted(asked), ensure_ascii=False))
"""


def expressions() -> list[str]:
    """Every regular expression the package compiles through checker/stages/patterns.py."""
    done = subprocess.run([sys.executable, "-c", _ASKED], capture_output=True, check=True)
    return json.loads(done.stdout)


def _sre_arguments(pattern: str) -> tuple:
    """What the table records for `pattern`: re's arguments, with a start filter where it has none."""
    return with_start_filter(_sre_arguments_of_re(pattern), first_characters(pattern))


def _sre_arguments_of_re(pattern: str) -> tuple:
    """The arguments re.compile gives _sre.compile for `pattern`, after the expression itself."""
    seen: list[tuple] = []
    real = _sre.compile

    def recording(*arguments):
        seen.append(arguments[1:])
        return real(*arguments)

    re.purge()  # from its cache, re would answer without compiling
    _sre.compile = recording
    try:
        re.compile(pattern)
    finally:
        _sre.compile = real
    return _plain(seen[0])


# re's code begins with an INFO block: INFO, its length after this word, what it knows (a prefix, a
# charset), the least and the most a match can take, then the prefix or the charset it knows.
_KNOWS_NOTHING = [int(sre_constants.INFO), 4, 0]


def with_start_filter(arguments: tuple, firsts: frozenset[str] | None) -> tuple:
    """re's arguments for _sre.compile, with the characters every match begins with (`firsts`,
    patterns.first_characters) as the INFO block's charset where re knows no prefix or charset of its
    own: its search then tries the expression only where one of them stands (patterns.py docstring).
    Not for an expression anchored at the start ("^…"): re tries that one at the start only.
    A few characters beyond Latin-1 are the plain list of them (read one after another at each
    character of the text); more, or Latin-1 ones, re's compact table of them (a bitmap), whose
    size for Chinese characters (a kilobyte) a cold start would pay for every expression."""
    flags, code, *rest = arguments
    if firsts is None or code[:3] != _KNOWS_NOTHING or code[5] == sre_constants.AT:
        return arguments
    c = sre_constants
    items = [(c.LITERAL, ord(ch)) for ch in sorted(firsts - {DIGIT})]
    if len(items) > _PLAIN_LIST or all(av < 256 for _, av in items):
        items, _ = sre_compiler._optimize_charset(items)
    if DIGIT in firsts:
        items.append((c.CATEGORY, c.CATEGORY_DIGIT))
    charset: list[int] = []
    sre_compiler._compile_charset(items, flags, charset)  # each item, then FAILURE
    info = [int(c.INFO), 4 + len(charset), int(c.SRE_INFO_CHARSET), code[3], code[4], *map(int, charset)]
    return (flags, [*info, *code[5:]], *rest)


# See with_start_filter.
_PLAIN_LIST = 8


def _plain(value):
    """`value` with int subclasses (re's named opcodes) as plain ints, which marshal can write."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return type(value)(map(_plain, value))
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    raise TypeError(f"cannot record {type(value).__name__}")


def pattern_table(asked: list[str]) -> dict:
    """The precompiled table of `asked`, as this Python compiles them, with their triggers."""
    return {
        "made_for": made_for(),
        "patterns": {pattern: recorded(_sre_arguments(pattern)) for pattern in sorted(asked)},
        # Each as its characters in one string, "" for None (patterns._listed).
        "triggers": {pattern: "".join(sorted(required_characters(pattern) or ())) for pattern in sorted(asked)},
    }


def stale(root: pathlib.Path) -> list[str]:
    """The twins under root/checker that are missing or not what their TOML gives."""
    package = root / "checker"
    return [
        twin_name(name)
        for name in TWINNED
        if not (package / twin_name(name)).is_file()
        or (package / twin_name(name)).read_bytes() != twin_of((package / name).read_bytes())
    ]


def table_problem(root: pathlib.Path) -> str:
    """Why root/checker's table of precompiled expressions is not what this Python makes ("": it is)."""
    path = root / "checker" / TABLE_FILE
    if not path.is_file():
        return "missing"
    table = marshal.loads(path.read_bytes())
    if table["made_for"] != made_for():
        return f"made for {table['made_for']}, not this Python ({made_for()})"
    # Compared as data: marshal's bytes for equal data depend on which objects happen to be shared.
    return "" if table == pattern_table(expressions()) else "stale"


def write(root: pathlib.Path) -> list[str]:
    package = root / "checker"
    for name in TWINNED:
        target = package / twin_name(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(twin_of((package / name).read_bytes()))
    (package / TABLE_FILE).write_bytes(marshal.dumps(pattern_table(expressions())))
    return [*(twin_name(name) for name in TWINNED), TABLE_FILE]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.twins", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--check", action="store_true", help="only say which twins are stale")
    args = parser.parse_args(argv)
    if args.check:
        problems = [f"stale: checker/{p}" for p in stale(args.root)]
        if problem := table_problem(args.root):
            problems.append(f"checker/{TABLE_FILE}: {problem}")
        print("\n".join(problems) or "every twin is up to date")
        return 1 if problems else 0
    print("\n".join(f"wrote checker/{p}" for p in write(args.root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
