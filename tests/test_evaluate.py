"""`checker evaluate --suite DIR`: per file and per category, with Wilson intervals and what was left out."""

import json
import pathlib
import shutil

import pytest
from click.testing import CliRunner

from checker import SCHEMA_VERSION, check
from checker.cli import cli
from checker.lab import figures, model_card
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


ROOT = pathlib.Path(__file__).resolve().parents[1]


# The model's own figures carry their Wilson 95 % interval (round 38), from the confusion counts the training
# wrote: reference values of the score interval (7 of 10: 0.397-0.892; 0 of 10: 0-0.278; 50 of 100: 40.4-59.6 %).
WITH_INTERVAL = [
    (7, 10, False, "0.700 [0.397–0.892]"),
    (0, 10, False, "0.000 [0.000–0.278]"),
    (50, 100, True, "50.00 % [40.38–59.62]"),
]


@pytest.mark.parametrize(("k", "n", "percent", "shown"), WITH_INTERVAL)
def test_model_figures_show_their_interval(k, n, percent, shown):
    assert model_card._with_interval(k, n, percent) == shown


def test_held_out_type_figures_show_recall_and_false_alarms_with_intervals():
    figures = {"confusion": {"tp": 7, "fn": 3, "fp": 50, "tn": 50}, "recall": 0.7, "false_alarm_rate": 0.5}
    text = "".join(model_card.held_out_type_figures({"held_out_types": {
        "roc_auc": 0.9, "at_agree_threshold": figures, "at_lift_threshold": figures}}))
    assert "recall 0.700 [0.397–0.892] with 50.00 % [40.38–59.62]" in text


def test_the_readme_and_the_model_card_agree_with_the_committed_outputs():
    """The figures cannot drift: regenerate them with `python -m checker.lab.figures`."""
    assert figures.outdated(ROOT) == []


@pytest.fixture
def project_copy(tmp_path):
    for name in ("README.md", "models/MODEL_CARD.md", "models/metadata.json", "models/evaluation.json",
                 "checker/data/model_pins.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("models/bench.json", "models/robustness.json", "models/redteam.json", "models/holdout.json", "models/told.json",
                 "models/requests.json", "data/grid_blind.json"):
        if (ROOT / name).exists():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _edit_a_figure_in_the_readme(root):
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    start = text.index(figures.BEGIN)
    digit = next(i for i in range(start, len(text)) if text[i].isdigit())
    readme.write_text(text[:digit] + str((int(text[digit]) + 1) % 10) + text[digit + 1 :], encoding="utf-8")


def _change_an_output(root):
    path = root / "models" / "evaluation.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    next(iter(report["files"][0]["by_label"].values()))["flagged"]["k"] += 1
    path.write_text(json.dumps(report), encoding="utf-8")


def _retrain_without_measuring(root):
    path = root / "checker" / "data" / "model_pins.json"
    pins = json.loads(path.read_text(encoding="utf-8"))
    pins["sha256"]["model.json"] = "0" * 64
    path.write_text(json.dumps(pins), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (_edit_a_figure_in_the_readme, "README.md"),
        (lambda root: (root / "models" / "MODEL_CARD.md").write_text("edited", encoding="utf-8"), "MODEL_CARD"),
        (_change_an_output, "README.md"),
        (_retrain_without_measuring, "measured with another model"),
    ],
    ids=["figure edited by hand", "card edited by hand", "output changed", "model changed"],
)
def test_the_figures_check_fails_when_text_and_outputs_disagree(project_copy, damage, problem):
    assert figures.outdated(project_copy) == []
    damage(project_copy)
    assert any(problem in p for p in figures.outdated(project_copy))
    assert figures.main(["--root", str(project_copy), "--check"]) == 1
    if "measured" not in problem:
        figures.write(project_copy)
        assert figures.outdated(project_copy) == []


def test_rows_that_name_their_type_are_counted_by_type_and_the_lookalike_table_sums_them(tmp_path):
    from checker.lab.figures import lookalike_table

    _write(
        tmp_path,
        "heldout.jsonl",
        [
            {"text": SCAM, "label": "legit", "category": "x", "type": "genuine_antifraud_notice"},
            {"text": LEGIT, "label": "legit", "category": "x", "type": "genuine_antifraud_notice"},
            {"text": LEGIT, "label": "legit", "category": "y", "type": "genuine_court_edelivery"},
            {"text": LEGIT, "label": "legit", "category": "z", "type": "genuine_personal_message"},
        ],
    )
    _write(tmp_path, "plain.jsonl", [{"text": LEGIT, "label": "legit"}])
    report = evaluate_suite(tmp_path)
    typed, plain = report["files"]
    assert "by_type" not in plain
    assert [(r["type"], r["n"], r["flagged"]["k"]) for r in typed["by_type"]] == [
        ("genuine_antifraud_notice", 2, 1),
        ("genuine_court_edelivery", 1, 0),
        ("genuine_personal_message", 1, 0),
    ]
    table = lookalike_table(report)
    # The personal message is no look-alike: "all of them" sums the antifraud notices and the court SMS only.
    assert any(line.startswith("| all of them | 33.3 %") and "(1 / 3)" in line for line in table)
    assert table[-1] == "Target (issue 8): at most 2 % flagged and none `high_risk`: `heldout.jsonl` **not met**."


def test_typed_scams_say_whether_the_answer_names_their_type(tmp_path):
    # A fake teacher's fee (written for this test): its fraud_type is fake_teacher. Labelled as a fake
    # boss it is the right family only; as a points scam, neither; a row left unflagged is not counted.
    teacher = "家长您好，我是三年级二班班主任，本学期资料费每人180元，请扫群里的收款码缴纳，今天下午统一上交学校。"
    _write(
        tmp_path,
        "heldout.jsonl",
        [
            {"text": teacher, "label": "scam", "category": "x", "type": "fake_teacher"},
            {"text": teacher + "谢谢", "label": "scam", "category": "x", "type": "fake_boss"},
            {"text": teacher + "。", "label": "scam", "category": "x", "type": "points_cash"},
            {"text": LEGIT, "label": "scam", "category": "x", "type": "fake_boss"},
        ],
    )
    (entry,) = evaluate_suite(tmp_path)["files"]
    named = entry["flagged_scams_fraud_type"]
    assert (named["written_type"]["k"], named["written_type"]["n"]) == (1, 3)
    assert (named["written_family"]["k"], named["written_family"]["n"]) == (2, 3)
    assert "fraud_type is the written type:  33.3%" in suite_to_text(evaluate_suite(tmp_path))


def test_external_scam_categories_say_whether_the_answer_names_their_family(tmp_path):
    # A fake leader's request (written for this test) filed under the external sets' acquaintance category: its
    # fraud_type is of impersonation_person. Filed as a loan scam it is not of loan_credit's family.
    boss = "王总您好，我是财务部小陈的领导赵总，我这边在外地开会，有一笔货款要马上付给供应商，你先从公司账户转过去，对方账户我发你QQ上"
    _write(
        tmp_path,
        "external.jsonl",
        [
            {"text": boss, "label": "scam", "category": "impersonating_acquaintance"},
            {"text": boss + "。", "label": "scam", "category": "loan_credit"},
            {"text": boss + "，快点。", "label": "scam", "category": "impersonating_customer_service"},
        ],
    )
    (entry,) = evaluate_suite(tmp_path)["files"]
    rows = {row["category"]: (row["family"], row["of_the_family"]["k"], row["of_the_family"]["n"]) for row in entry["flagged_scams_family_by_category"]}
    assert rows == {"impersonating_acquaintance": ("impersonation_person", 1, 1), "loan_credit": ("loan_credit", 0, 1)}


def test_typed_rows_say_how_many_of_their_ways_are_set_aside_as_the_scams(tmp_path):
    # Written for this test: a warning that names two ways, one it calls the scam's ("…冒充税务局") and its own
    # line for questions (not the scam's); a scam that gives its own link; a personal message is neither.
    warning = "【某区公安分局】0571-2690 3318 冒充税务局，请勿回拨。有疑问请联系社区民警13905817726。"
    scam = "【个税】您有一笔退税待领取，请登录 tuishui-gs.top 办理。"
    _write(
        tmp_path,
        "heldout.jsonl",
        [
            {"text": warning, "label": "legit", "category": "x", "type": "genuine_antifraud_notice"},
            {"text": scam, "label": "scam", "category": "x", "type": "tax_refund"},
            {"text": "妈，我到了，钱转你卡上了，尾号6621。", "label": "legit", "category": "x", "type": "genuine_personal_message"},
        ],
    )
    (entry,) = evaluate_suite(tmp_path)["files"]
    aside = entry["ways_set_aside"]
    assert (aside["warnings"]["k"], aside["warnings"]["n"]) == (1, 2)
    assert (aside["scams"]["k"], aside["scams"]["n"]) == (0, 1)
    assert "unofficial ways set aside as the scam's: in genuine warnings  50.0% [9.4, 90.5] (1/2)" in suite_to_text(evaluate_suite(tmp_path))
