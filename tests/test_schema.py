"""One JSON contract: every kind of JSON the program writes validates against checker/data/schema.json.

A failure here means an output changed shape: update schema.json (and bump SCHEMA_VERSION when a
field is removed, renamed or retyped), never the output alone.
"""

import json
import pathlib
from importlib import resources

import pytest
from click.testing import CliRunner

from checker import SCHEMA_VERSION, check
from checker.cli import cli

ROOT = pathlib.Path(__file__).resolve().parents[1]
jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the [test] extra")

SCAM = "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户6222021234567890123，否则通知您的家人。详询13800138000"
LOWERING = "【XX银行】您尾号1234的信用卡本期账单已出，请通过本行官方App还款，客服95588。"
EMOJI = "😀😀 您的网贷已逾期，请加微信abc12345处理，否则上门 http://t.cn/abc"
PLAIN = "周末一起去爬山吗？"
TEXTS = [SCAM, LOWERING, EMOJI, PLAIN]


@pytest.fixture(scope="module")
def schema():
    document = json.loads(resources.files("checker").joinpath("data/schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def validator(schema, definition: str):
    """A validator for one definition, resolving references within the whole schema."""
    one = {key: value for key, value in schema.items() if key != "anyOf"}
    return jsonschema.Draft202012Validator({**one, "$ref": f"#/$defs/{definition}"})


def assert_valid(schema, definition, document):
    errors = sorted(validator(schema, definition).iter_errors(document), key=lambda e: e.path)
    assert not errors, f"{definition}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    # The top-level schema accepts every kind of output too.
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def run(args, stdin=None):
    result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_schema_is_valid_and_has_the_package_version(schema):
    assert schema["$defs"]["schema_version"] == {"const": SCHEMA_VERSION}


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("offsets", ["codepoint", "utf16"])
def test_check_result(schema, text, offsets):
    assert_valid(schema, "check_result", check(text).to_dict(offsets=offsets))


@pytest.mark.parametrize(("args", "stdin"), [(["check", SCAM], None), (["check", "-"], SCAM), (["check", "--offsets", "utf16", EMOJI], None)])
def test_check_command(schema, args, stdin):
    assert_valid(schema, "check_output", json.loads(run([*args, "--format", "json"], stdin)))


def test_check_image_output(schema, tmp_path, monkeypatch):
    """--image --format json: a list of check outputs (the reading itself is test_screenshot's)."""
    monkeypatch.setattr("checker.screenshot.messages_from_image", lambda data: [SCAM, EMOJI])
    image = tmp_path / "screenshot.png"
    image.write_bytes(b"not read: messages_from_image is replaced")
    payloads = json.loads(run(["check", "--image", str(image), "--format", "json", "--offsets", "utf16"]))
    assert [p["input"]["message"] for p in payloads] == [1, 2]
    assert_valid(schema, "check_image_output", payloads)


@pytest.mark.parametrize("full", [False, True])
def test_batch_records_including_errors_and_the_inputs_own_fields(schema, tmp_path, full):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    path.write_text("\n".join([*lines, "not json", json.dumps({"text": "  "})]) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in run(["batch", str(path), *(["--full"] if full else [])]).splitlines()]
    assert len(records) == len(TEXTS) + 2
    for record in records:
        assert_valid(schema, "batch_record", record)
    assert sum("error" in r for r in records) == 2
    kind = "batch_full_record" if full else "batch_summary_record"
    for record in records[: len(TEXTS)]:
        assert_valid(schema, kind, record)


def test_batch_csv_records(schema, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("sender,text\n10690000," + SCAM + "\n", encoding="utf-8")
    (record,) = [json.loads(line) for line in run(["batch", str(path)]).splitlines()]
    assert record["sender"] == "10690000"
    assert_valid(schema, "batch_summary_record", record)


def test_rules_output(schema):
    assert_valid(schema, "rules_output", json.loads(run(["rules", "--format", "json"])))


def test_evaluate_output(schema, tmp_path):
    path = tmp_path / "labelled.jsonl"
    rows = [{"text": SCAM, "label": "scam"}, {"text": PLAIN, "label": "legit", "kind": "chat"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert_valid(schema, "evaluate_output", json.loads(run(["evaluate", str(path), "--format", "json"])))


def test_evaluate_suite_output_and_the_committed_suite_figures(schema, tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": SCAM, "label": "scam", "category": "debt"}, ensure_ascii=False) + "\n")
    assert_valid(schema, "evaluate_suite_output", json.loads(run(["evaluate", "--suite", str(tmp_path), "--format", "json"])))
    committed = ROOT / "models" / "evaluation.json"
    assert_valid(schema, "evaluate_suite_output", json.loads(committed.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("definition", "change"),
    [
        ("check_result", lambda d: d.pop("red_flags")),
        ("check_result", lambda d: d.update(flags=[])),  # schema 1's mixed list is gone
        ("check_result", lambda d: d.update(verdict="safe")),
        ("check_result", lambda d: d.update(schema_version=1)),
        ("check_result", lambda d: d["red_flags"][0].update(weight=-1.0)),
    ],
)
def test_the_validator_rejects_a_changed_shape(schema, definition, change):
    document = check(SCAM).to_dict()
    change(document)
    assert list(validator(schema, definition).iter_errors(document))
