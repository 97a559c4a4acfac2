"""Golden regression set: hand-written messages with a human verdict made before running the checker.

Each line of golden.jsonl holds id, text, expected_verdict, must_flag, must_not_flag, category, note.
The expectations are human judgments; when the checker disagrees, fix the checker (or argue the
expectation in review), never silently copy the checker's output into the file.
"""

from __future__ import annotations

import json
import pathlib

import pytest

import checker
from checker.stages.rules import catalogue

GOLDEN = pathlib.Path(__file__).parent / "golden.jsonl"
VERDICTS = {"low_risk", "suspicious", "high_risk"}


def _load() -> list[dict]:
    cases = []
    with GOLDEN.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                case = json.loads(line)
                case["_line"] = lineno
                cases.append(case)
    return cases


CASES = _load()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(case: dict) -> None:
    known = {rule.id for rule in catalogue().rules}
    unknown = sorted(rid for rid in set(case["must_flag"]) | set(case["must_not_flag"]) if rid not in known)
    assert not unknown, f"golden.jsonl line {case['_line']}: unknown rule ids {unknown}"
    assert case["expected_verdict"] in VERDICTS
    assert [c["id"] for c in CASES].count(case["id"]) == 1, f"duplicate id {case['id']}"

    text = case["text"]
    result = checker.check(text)
    fired = [flag.id for flag in result.flags]

    problems = []
    for flag in result.flags:
        for ev in flag.evidence:
            if text[ev.start : ev.end] != ev.text:
                problems.append(
                    f"evidence of {flag.id} at [{ev.start}:{ev.end}] is {ev.text!r} "
                    f"but the text there is {text[ev.start:ev.end]!r}"
                )
    if result.verdict != case["expected_verdict"]:
        problems.append(f"verdict {result.verdict} (score {result.score}), expected {case['expected_verdict']}")
    missing = [rid for rid in case["must_flag"] if rid not in fired]
    if missing:
        problems.append(f"must_flag not fired: {missing}")
    unwanted = [rid for rid in case["must_not_flag"] if rid in fired]
    if unwanted:
        problems.append(f"must_not_flag fired: {unwanted}")

    assert not problems, (
        f"{case['id']} ({case['category']}): {case['note']}\n  text: {text}\n  fired: {fired}\n  "
        + "\n  ".join(problems)
    )
