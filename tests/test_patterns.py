"""The precompiled regular expressions (checker/stages/patterns.py): the very Patterns re.compile makes."""

import _sre
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
    """re's code exactly, or re's code with the start filter twins adds where re knows none."""
    re.purge()
    # CPython's Pattern equality compares the expression, the flags and the compiled code.
    different = [
        p
        for p in TABLE["patterns"]
        if patterns.precompiled(p) != re.compile(p)
        and patterns.arguments(TABLE["patterns"][p]) != twins.with_start_filter(twins._sre_arguments_of_re(p), patterns.first_characters(p))
    ]
    assert different == []


@pytest.mark.skipif(not MADE_HERE, reason=ELSEWHERE)
def test_a_start_filter_finds_what_re_finds():
    """Every expression the table gives a start filter finds, on our texts, the very matches (spans and
    groups) of re.compile's; and some do get one (the bench sample's warm checks lean on them)."""
    filtered = [p for p in TABLE["patterns"] if patterns.precompiled(p) != re.compile(p)]
    assert len(filtered) > 50
    texts = _sample_texts()
    texts += ["", "要不要", "不要", "。", "a" * 50]
    wrong = []
    for pattern in filtered:
        ours, res = patterns.precompiled(pattern), re.compile(pattern)
        for text in texts:
            found = [(m.span(), m.groups()) for m in ours.finditer(text)]
            if found != [(m.span(), m.groups()) for m in res.finditer(text)]:
                wrong.append((pattern[:60], text[:30]))
                break
    assert wrong == []


@pytest.mark.parametrize(
    ("pattern", "firsts"),
    [
        ("律师|法务", {"律", "法"}),
        ("(?<!要)不要|切勿", {"不", "切"}),  # a look-behind takes no character
        ("(?P<a>转账)|(?P<b>汇款)", {"转", "汇"}),  # a group per branch
        ("(?:请|务必)?转账", {"请", "务", "转"}),  # an optional start: what follows can begin it too
        ("^(?:下载|安装)", {"下", "安"}),
        ("[0-3]号", {"0", "1", "2", "3"}),
        ("(?:请)?(?:速)?", None),  # can match empty text
        (r"\d+元", {patterns.DIGIT}),  # any digit, as re's class of digits
        (r"(?<!\d)\d{3}|号", {patterns.DIGIT, "号"}),
        (r"\s?不|切勿", {*patterns.white_space(), "不", "切"}),  # white space, as the characters "\s" matches
        (r"[,，\s]?(?:等|这类)", {*patterns.white_space(), ",", "，", "等", "这"}),
        (r"\w+元", None),  # a broad class other than digits
        ("(?i)abc", None),  # ignores case
        ("(?i:a)b", None),
        (".转", None),
        ("[^。]转", None),
    ],
)
def test_first_characters(pattern, firsts):
    expected = None if firsts is None else frozenset(firsts)
    assert patterns.first_characters(pattern) == expected


def test_a_start_filter_is_added_only_where_re_knows_none():
    # re knows "征信|信用" begins with 征 or 信 (every branch begins with a plain character): unchanged.
    plain = twins._sre_arguments_of_re("征信|信用")
    assert twins.with_start_filter(plain, frozenset("征信")) == plain
    lookbehind = twins._sre_arguments_of_re("(?<!要)不要|切勿")
    filtered = twins.with_start_filter(lookbehind, patterns.first_characters("(?<!要)不要|切勿"))
    assert filtered != lookbehind and filtered[1][5:] != lookbehind[1][5:]
    assert twins.with_start_filter(lookbehind, None) == lookbehind
    # Anchored at the start: re tries it there only, a filter would make it look further.
    anchored = twins._sre_arguments_of_re("^(?:下载|安装)")
    assert twins.with_start_filter(anchored, patterns.first_characters("^(?:下载|安装)")) == anchored
    # Many characters: re's compact charset (the plain list stops at twins._PLAIN_LIST); and a digit.
    many = "|".join(chr(0x4E00 + 3 * k) + "x" for k in range(100)) + r"|(?<!a)\d"
    compiled = _sre.compile(many, *twins._sre_arguments(many))
    assert compiled.findall("一x 1 丁x a2 b3") == re.findall(many, "一x 1 丁x a2 b3") == ["一x", "1", "3"]


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


@pytest.mark.parametrize(
    ("pattern", "triggers"),
    [
        ("律师|法务", {"律", "法"}),  # an alternation: what each branch needs
        ("(?:转|汇)(?:款|钱)?到", {"到"}),  # a sequence: its most selective part
        (r"\d+元", {"元"}),  # \d lists nothing, 元 is needed
        ("[0-3]号", {"号"}),
        ("[0-3]{2}", {"0", "1", "2", "3"}),
        ("(?<!已)付(?=款)", {"付"}),  # assertions need nothing of the match
        ("(?i:a)b", {"b"}),  # only the case-sensitive part
        ("a?b*", None),  # can match empty text
        ("(?i)abc", None),  # ignores case
        ("[^。]{2}", None),  # a negated class
        ("ab|c?", None),  # one branch can be empty
        (r"[\u4e00-\u9fff]", None),  # too many characters to list
    ],
)
def test_required_characters(pattern, triggers):
    expected = None if triggers is None else frozenset(triggers)
    assert patterns.required_characters(pattern) == expected


def _sample_texts() -> list[str]:
    from checker.lab.bench import bundled_texts
    from checker.stages.normalize import normalize_text
    from checker.stages.rules import catalogue

    examples = [t for rule in catalogue().rules for t in (*rule.examples_hit, *rule.examples_miss)]
    return [normalize_text(t) for t in (*bundled_texts(), *examples)]


def test_every_match_holds_one_of_its_expressions_triggers():
    """Soundness: over our own texts, no expression of the table matches where could_match says it cannot."""
    texts = _sample_texts()
    wrong = []
    for pattern in TABLE["patterns"]:
        compiled, triggers = re.compile(pattern), patterns.required_characters(pattern)
        if triggers is None:
            continue
        for text in texts:
            for m in compiled.finditer(text):
                if m.end() > m.start() and triggers.isdisjoint(m.group()):
                    wrong.append((pattern, m.group()))
                    break
    assert wrong == []


@pytest.mark.parametrize(("pattern", "text", "possible"), [("律师|法务", "法院", True), ("律师|法务", "短信", False), (r"\d+", "", True)])
def test_could_match(pattern, text, possible):
    assert patterns.could_match(pattern, frozenset(text)) is possible


@pytest.mark.parametrize(
    ("pattern", "reach"),
    [
        ("律师|法务", 0),
        ("(?<!要)不要", 1),
        ("(?<!已经)转|^喂", 3),  # look-behinds and anchors anywhere add up
        (r"\b号", 1),
        ("(?<!x(?<=yz))d", 3),  # nested
        ("(?:(?<!ab)c)+", 2),
        ("a$", 1),
    ],
)
def test_reach_before(pattern, reach):
    assert patterns.reach_before(pattern) == reach


def test_search_suffix_finds_what_search_finds_on_a_suffix_of_a_text_it_missed():
    """search_suffix tries only the suffix's first places: on our texts and the claims' expressions of
    persons (which _claims searches so after openers), and on expressions whose look-behinds, anchors
    and word boundaries read before the suffix's start, it finds what pattern.search does."""
    from checker.stages import claims

    expressions = [p for _, p in claims._data().persons] + [
        re.compile(p) for p in ("(?<![帮给替])换了号", "^爸[,，]", r"(?<![\u4e00-\u9fff])老师[:：]", r"\bok", "(?<!x(?<=yz))d|q$", "a*")
    ]
    texts = [*_sample_texts(), "帮换了号", "妈，爸，我换了号", "王老师：交费", "yzd", "ok", "xq"]
    checked = 0
    for pattern in expressions:
        for text in texts:
            if pattern.search(text) is not None:
                continue
            for cut in range(1, min(len(text), 40) + 1):
                suffix = text[cut:]
                ours, theirs = patterns.search_suffix(pattern, suffix), pattern.search(suffix)
                assert (ours and (ours.span(), ours.groups())) == (theirs and (theirs.span(), theirs.groups())), (pattern.pattern[:40], text[:30], cut)
                checked += theirs is not None
    assert checked > 0  # some suffixes do match where their whole text did not
