"""python -m checker.lab.prefix_sweep: every short prefix before every corpus scam without a clause mark (issue 8, point 2).

tests/test_monotone.py holds the property "a short offer, greeting or reassurance put in front of a flagged scam, after
a space, a mark or glued, never lowers it" on a derandomised sample of the corpus scams that carry a clause mark. The
scams without any (one clause from end to end: fake-base-station style, voice-typed, marks stripped) are swept here
exhaustively instead: each flagged one with each prefix and separator, some 200,000 checks (minutes, too slow for CI).

It counts the scams lowered and the (prefix, separator, scam) triples, by separator; `--list` prints the triples (our
corpus only: data/corpus.jsonl).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator

# Glued to the scam, an offer word fuses with its first word ("免费律师费": the fee waived), so only greetings and
# reassurance are tried glued.
OFFERS = ["免费", "免费领取", "包邮", "特惠", "限时特惠", "零费用", "免押金", "恭喜"]
GREETINGS = ["您好", "你好", "亲", "放心", "请放心", "正规", "官方", "无需担心", "不用担心", "别担心", "不要担心", "本短信为官方通知"]
SEPARATORS = {" ": "space", "，": "comma", "。": "full_stop", "！": "exclamation", "\n": "line_break", "": "glued"}


def prefixed(scam: str) -> Iterator[tuple[str, str, str]]:
    """(prefix, separator, the prefixed text) for each prefix and separator tried before `scam`."""
    for prefix in OFFERS + GREETINGS:
        for separator in SEPARATORS:
            if separator or prefix in GREETINGS:
                yield prefix, separator, prefix + separator + scam


def has_a_mark(text: str) -> bool:
    """Whether the normalised text holds a clause mark (claims._ANY_MARK)."""
    from ..stages.claims import _ANY_MARK
    from ..stages.normalize import normalize

    return _ANY_MARK.search(normalize(text).text) is not None


def unmarked_scams(root: pathlib.Path) -> list[str]:
    """The corpus scams without a clause mark, in corpus order."""
    rows = map(json.loads, (root / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines())
    return [row["text"] for row in rows if row["label"] == "scam" and not has_a_mark(row["text"])]


def level(text: str) -> int:
    """The verdict's rank: 0 low_risk, 1 suspicious, 2 high_risk."""
    from .. import check
    from ..stages.verdict import ORDER

    return ORDER.index(check(text).verdict)


def sweep(scams: list[str], rank: Callable[[str], int] = level) -> tuple[dict, list[tuple[str, str, str]]]:
    """The counts, and the (prefix, separator, scam) triples whose prefixed text ranks below the scam (flagged scams only)."""
    lowered: list[tuple[str, str, str]] = []
    flagged = 0
    for scam in scams:
        base = rank(scam)
        if base == 0:
            continue
        flagged += 1
        lowered += [(prefix, separator, scam) for prefix, separator, text in prefixed(scam) if rank(text) < base]
    by_separator = Counter(SEPARATORS[separator] for _, separator, _ in lowered)
    counts = {
        "scams_without_a_mark": len(scams),
        "flagged": flagged,
        "lowered_scams": len({scam for _, _, scam in lowered}),
        "lowered_triples": len(lowered),
        "by_separator": {name: by_separator[name] for name in SEPARATORS.values()},
    }
    return counts, lowered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.prefix_sweep", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path.cwd())
    parser.add_argument("--limit", type=int, default=None, help="sweep only the first N scams (a quick run)")
    parser.add_argument("--json", action="store_true", help="the counts as JSON")
    parser.add_argument("--list", action="store_true", help="print each lowered triple (our corpus's texts)")
    args = parser.parse_args(argv)
    counts, lowered = sweep(unmarked_scams(args.root)[: args.limit])
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        print(
            f"{counts['lowered_scams']} of {counts['flagged']} flagged scams without a clause mark lowered by a prefix, "
            f"in {counts['lowered_triples']} (prefix, separator, scam) triples: "
            + ", ".join(f"{name} {n}" for name, n in counts["by_separator"].items())
        )
    if args.list:
        for prefix, separator, scam in lowered:
            print(f"{prefix!r} {SEPARATORS[separator]}: {scam}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
