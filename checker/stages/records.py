"""NamedTuple as typing makes it, without evaluating the field annotations: the stages' records.

typing.NamedTuple checks every field's annotation as a type. Under `from __future__ import
annotations` each is a string, which typing turns into a ForwardRef by compiling it: ~250 compiles
for the ~30 record classes of the stages, 5 to 10 ms of a cold check whose classes are all made at
import. NamedTuple here makes the same class (collections.namedtuple with the class body's
defaults, methods and docstring, as typing.NamedTupleMeta does) and keeps the annotations as the
strings they are; typing.get_type_hints still resolves them. The stages import it from here; type
checkers read typing's (the TYPE_CHECKING branch at the end). tests/test_records.py compares the two.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

# As typing.NamedTupleMeta: what a class body may not set, and what it sets that is not copied.
_PROHIBITED = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"}
)
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})
# collections.namedtuple, called with a name and fields known only here (type checkers want literals).
_namedtuple: Any = collections.namedtuple


class _RecordMeta(type):
    def __new__(cls, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if bases != (NamedTuple,):
            raise TypeError("a record class derives from NamedTuple alone")
        types = ns.get("__annotations__", {})
        default_names: list[str] = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(
                    f"Non-default namedtuple field {field_name} cannot follow default field"
                    f"{'s' if len(default_names) > 1 else ''} {', '.join(default_names)}"
                )
        record = _namedtuple(typename, list(types), defaults=[ns[n] for n in default_names], module=ns["__module__"])
        record.__annotations__ = record.__new__.__annotations__ = dict(types)
        for key in ns:
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in record._fields:
                setattr(record, key, ns[key])
        return record


if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # The base a record class names; _RecordMeta makes each such class a namedtuple (a tuple subclass).
    NamedTuple = type.__new__(_RecordMeta, "NamedTuple", (), {})
