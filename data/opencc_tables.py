"""What the OpenCC table builders (build_t2s.py, build_s2t.py, build_j2s.py) share.

The checker converts one character at a time so that spans keep their length: each table lists the
CJK characters whose conversion is a single, different character, taken from OpenCC at build time
(pip install opencc), so that no OpenCC is needed at run time.
"""

import json
import pathlib
from collections.abc import Callable

RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]
DATA = pathlib.Path(__file__).resolve().parent.parent / "checker" / "data"


def per_character(convert: Callable[[str], str], keep: Callable[[str], bool] = lambda ch: True) -> dict[str, str]:
    """Every character of RANGES that `keep` admits and `convert` turns into one other character."""
    table = {}
    for low, high in RANGES:
        for code in range(low, high + 1):
            ch = chr(code)
            if not keep(ch):
                continue
            converted = convert(ch)
            if len(converted) == 1 and converted != ch:
                table[ch] = converted
    return table


def followed(table: dict[str, str]) -> dict[str, str]:
    """The table with each character taken to its end, for the tables that normalise (t2s, j2s): OpenCC
    maps some characters to one that it maps again (t2s: 薴 -> 苧 -> 苎), and a normalisation must
    change nothing the second time. Not for s2t, where 苧 is the traditional form of 苎 itself."""
    out = {}
    for ch, converted in table.items():
        while table.get(converted, converted) != converted:
            converted = table[converted]
        out[ch] = converted
    return out


def write(name: str, payload: dict) -> pathlib.Path:
    """checker/data/<name>, as sorted JSON, one line."""
    out = DATA / name
    out.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return out
