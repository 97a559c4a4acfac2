"""The precompiled regular expressions (checker/stages/patterns.py): the very Patterns re.compile makes."""

import ast
import marshal
import pathlib
import re

import pytest

from checker.lab import twins
from checker.stages import patterns

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = marshal.loads((ROOT / "checker" / patterns.TABLE_FILE).read_bytes())
MADE_HERE = TABLE["made_for"] == patterns.made_for()
ELSEWHERE = f"the table was made for {TABLE['made_for']}, this is {patterns.made_for()}: checks compile with re"


@pytest.mark.skipif(not MADE_HERE, reason=ELSEWHERE)
def test_every_precompiled_pattern_is_the_one_re_compiles():
    re.purge()
    # CPython's Pattern equality compares the expression, the flags and the compiled code.
    different = [p for p in TABLE["patterns"] if patterns.precompiled(p) != re.compile(p)]
    assert different == []


@pytest.mark.skipif(not MADE_HERE, reason=ELSEWHERE)
def test_the_table_holds_every_expression_the_package_compiles():
    assert twins.table_problem(ROOT) == "", "run python -m checker.lab.twins"


@pytest.mark.parametrize("pattern", [r"(?P<a>律师)|(?P<b>法务)?函", r"[\u4e00-\u9fff]{2,}", "不在表里的表达式"])
def test_an_expression_the_table_lacks_is_compiled_by_re(pattern):
    found = patterns.precompiled(pattern)
    assert found == re.compile(pattern)
    assert found.groupindex == re.compile(pattern).groupindex


def test_a_table_made_for_another_python_is_not_used(monkeypatch):
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "made_for", lambda: {**TABLE["made_for"], "sre_magic": -1})
    assert patterns._load() == {}
    assert patterns.precompiled(r"\d{3,8}") == re.compile(r"\d{3,8}")


def test_a_bad_expression_raises_re_error():
    with pytest.raises(re.error):
        patterns.precompiled("(未闭合")


def test_stages_compile_through_the_table():
    """A new `re.compile` in a stage would be compiled on every start again."""
    found = []
    for path in sorted((ROOT / "checker" / "stages").glob("*.py")):
        if path.name == "patterns.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "compile" and getattr(node.value, "id", "") == "re":
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
