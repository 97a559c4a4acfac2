"""`checker evaluate --suite DIR`: per file and per category, with Wilson intervals and what was left out."""

import json

import pytest
from click.testing import CliRunner

from checker import SCHEMA_VERSION, check
from checker.cli import cli
from checker.lab.evaluate import evaluate_suite, names_a_red_flag, suite_to_text, wilson

SCAM = "【法务中心】您的借呗已逾期，已进入立案程序。请今日内将欠款及律师费转入指定账户6222021234567890123，否则通知您的家人和单位。"
LEGIT = "【顺丰速运】您的快件已到达小区驿站，请凭取件码取件。"


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),  # the textbook values of the Wilson score interval
        (5, 10, 0.2366, 0.7634),
        (10, 10, 0.7225, 1.0),
        (81, 263, 0.2553, 0.3662),
        (0, 0, 0.0, 0.0),
    ],
)
def test_wilson_interval(k, n, low, high):
    got = wilson(k, n)
    assert got == pytest.approx((low, high), abs=1e-4)


def _write(folder, name, rows):
    (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def suite(tmp_path):
    _write(
        tmp_path,
        "a.jsonl",
        [
            {"text": SCAM, "label": "scam", "category": "collection"},
            {"text": SCAM, "label": "scam", "category": "collection"},
            {"text": LEGIT, "label": "legit", "category": "parcel"},
            {"text": LEGIT, "label": "unclear", "category": "parcel"},
            {"text": SCAM, "label": "legit", "category": "parcel", "near_telecom": True},
        ],
    )
    _write(tmp_path, "b.jsonl", [{"text": LEGIT, "label": "legit"}, {"text": "   ", "label": "legit"}])
    (tmp_path / "notes.txt").write_text("not part of the suite", encoding="utf-8")
    return tmp_path


def test_suite_counts_per_file_and_category_and_says_what_it_left_out(suite):
    report = evaluate_suite(suite)
    assert report["schema_version"] == SCHEMA_VERSION
    first, second = report["files"]
    assert [first["file"], second["file"]] == ["a.jsonl", "b.jsonl"]
    assert (first["rows"], first["skipped_unlabelled"], first["left_out_near_telecom"]) == (5, 1, 1)
    scam = first["by_label"]["scam"]
    assert scam["n"] == 2 and scam["flagged"]["k"] == 2 and scam["high_risk"]["k"] == 2
    assert scam["alarms_with_named_red_flag"] == {"k": 2, "n": 2, "share": 1.0, "wilson95": [0.3424, 1.0]}
    # The near_telecom row (a scam text labelled legit) is out of the figures: no legit alarm.
    assert first["by_label"]["legit"]["n"] == 1 and first["by_label"]["legit"]["flagged"]["k"] == 0
    assert [(r["label"], r["category"], r["n"]) for r in first["by_category"]] == [
        ("legit", "parcel", 1),
        ("scam", "collection", 2),
    ]
    assert second["unreadable"] == 1 and second["by_label"]["legit"]["n"] == 1
    assert second["by_category"][0]["category"] == "-"
    assert "a.jsonl" in suite_to_text(report) and "near_telecom left out" in suite_to_text(report)


@pytest.mark.parametrize(
    ("text", "named"),
    [(SCAM, True), (LEGIT, False)],
)
def test_named_red_flag_means_a_positive_rule(text, named):
    assert names_a_red_flag(check(text)) is named


def test_cli_suite_json(suite):
    result = CliRunner().invoke(cli, ["evaluate", "--suite", str(suite), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == SCHEMA_VERSION and len(report["files"]) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate"],
        ["evaluate", "x.jsonl", "--suite", "."],
        ["evaluate", "--suite", "/nonexistent-folder"],
    ],
)
def test_cli_wants_either_a_file_or_a_suite(args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_suite_without_files_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["evaluate", "--suite", str(tmp_path)])
    assert result.exit_code == 2 and "no .jsonl" in result.output
