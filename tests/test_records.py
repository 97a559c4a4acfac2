"""checker/stages/records.py: the stages' NamedTuple makes the class typing.NamedTuple makes."""

from __future__ import annotations

import ast
import pathlib
import pickle
import typing

import pytest

from checker.stages import records

STAGES = pathlib.Path(__file__).resolve().parents[1] / "checker" / "stages"


def _pair():
    """The same class body under typing's NamedTuple and under the stages' one."""

    def body(base):
        class Span(base):
            """A stretch of the text."""

            start: int
            end: int
            label: str | None = None
            tags: tuple[str, ...] = ()

            @property
            def width(self) -> int:
                return self.end - self.start

            def shifted(self, by: int) -> Span:
                return self._replace(start=self.start + by, end=self.end + by)

            @classmethod
            def empty(cls) -> Span:
                return cls(0, 0)

        return Span

    return body(typing.NamedTuple), body(records.NamedTuple)


def test_the_same_class_as_typing_makes():
    theirs, ours = _pair()
    assert ours.__mro__[1:] == theirs.__mro__[1:] == (tuple, object)
    for attribute in ("_fields", "_field_defaults", "__doc__", "__module__", "__qualname__", "__match_args__", "__slots__"):
        assert getattr(ours, attribute) == getattr(theirs, attribute), attribute
    assert set(vars(ours)) | {"__orig_bases__"} == set(vars(theirs)) | {"__orig_bases__"}
    a, b = theirs(1, 4, tags=("x",)), ours(1, 4, tags=("x",))
    assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
    assert b.width == 3 and b.shifted(2) == ours(3, 6, None, ("x",)) and ours.empty() == (0, 0, None, ())
    assert b._asdict() == a._asdict() and ours._make([1, 2, "l", ()]) == (1, 2, "l", ())
    assert isinstance(b.shifted(1), ours)


def test_annotations_stay_the_strings_they_are_and_still_resolve():
    _, ours = _pair()
    assert ours.__annotations__ == {"start": "int", "end": "int", "label": "str | None", "tags": "tuple[str, ...]"}
    assert typing.get_type_hints(ours)["tags"] == tuple[str, ...]


def test_same_errors_as_typing():
    with pytest.raises(TypeError, match="Non-default namedtuple field b cannot follow default field a"):

        class Bad(records.NamedTuple):
            a: int = 0
            b: int

    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _replace"):

        class Worse(records.NamedTuple):
            a: int

            def _replace(self):  # type: ignore[override]
                return self


def test_a_stage_record_pickles():
    from checker.stages.verdict import ModelOpinion

    opinion = ModelOpinion(0.5, 0.6, 0.7, True)
    assert pickle.loads(pickle.dumps(opinion)) == opinion
    assert type(pickle.loads(pickle.dumps(opinion))) is ModelOpinion


def test_stages_make_their_records_with_records_namedtuple():
    """typing.NamedTuple at run time would compile every field's annotation again (records.py)."""
    found = []
    for path in sorted(STAGES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        runtime = [node for node in tree.body if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")]
        for node in runtime:
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom) and sub.module == "typing" and any(a.name == "NamedTuple" for a in sub.names):
                    found.append(path.name)
    assert found == []
