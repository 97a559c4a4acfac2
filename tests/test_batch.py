"""checker batch and check_many: every input format, order, error records, parallel jobs."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from checker import SCHEMA_VERSION, InputError, check, check_many
from checker.cli import cli

SCAM = "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户，否则通知家人。"
PLAIN = "周末一起去爬山吗？"
TEXTS = [SCAM, PLAIN, "您的快递已到驿站，取件码1234。", "加微信abc12345处理网贷逾期，否则上门。"] * 5


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_jsonl_in_order_with_fields_passed_through(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(TEXTS)))
    result = run(["batch", str(path)])
    assert result.exit_code == 0
    out = records(result.stdout)
    assert [r["id"] for r in out] == list(range(len(TEXTS)))
    assert [r["verdict"] for r in out] == [check(t).verdict for t in TEXTS]
    assert "high_risk" in result.stderr and str(len(TEXTS)) in result.stderr


def test_bad_lines_become_error_records(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "周末爬山？"}\nnot json\n{"other": 1}\n{"text": "   "}\n{"text": "借呗逾期加微信abc12345"}\n')
    out = records(run(["batch", str(path)]).stdout)
    assert [("error" in r) for r in out] == [False, True, True, True, False]
    assert [r["line"] for r in out] == [1, 2, 3, 4, 5]


def test_csv_with_a_named_column(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,message\n1," + SCAM + "\n2," + PLAIN + "\n", encoding="utf-8")
    result = run(["batch", str(path), "--column", "message"])
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["1", "2"] and out[0]["verdict"] == "high_risk"


def test_csv_without_the_column_exits_2(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,body\n1,x\n")
    result = run(["batch", str(path)])
    assert result.exit_code == 2 and "column" in result.stderr


def test_txt_one_message_a_line_in_gbk(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes((SCAM + "\n\n" + PLAIN + "\n").encode("gbk"))
    out = records(run(["batch", str(path), "-o", str(tmp_path / "out.jsonl")]).stdout or "")
    assert out == []
    written = records((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [r["line"] for r in written] == [1, 3] and written[0]["verdict"] == "high_risk"


def test_missing_input_exits_2(tmp_path):
    assert run(["batch", str(tmp_path / "nope.jsonl")]).exit_code == 2


def test_full_results(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text(SCAM + "\n")
    (record,) = records(run(["batch", str(path), "--full"]).stdout)
    assert record["schema_version"] == SCHEMA_VERSION and record["red_flags"][0]["evidence"]


def test_two_jobs_give_the_same_records_in_the_same_order(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"n": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(TEXTS * 30)))
    one = run(["batch", str(path), "--jobs", "1"]).stdout
    two = run(["batch", str(path), "--jobs", "2"]).stdout
    assert one == two and len(records(one)) == len(TEXTS) * 30


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_check_many_yields_in_order(n_jobs):
    texts = TEXTS + [""]
    results = list(check_many(texts, n_jobs=n_jobs, chunk_size=3))
    assert isinstance(results[-1], InputError)
    assert [r.verdict for r in results[:-1]] == [check(t).verdict for t in TEXTS]


def test_the_benchmark_runs_and_reports_every_figure(tmp_path):
    pytest.importorskip("numpy", reason="the benchmark compares with `import numpy`: a lab tool, it needs [train]")
    done = subprocess.run(
        [sys.executable, "-m", "checker.lab.bench", "--repeats", "1", "--warm-n", "20", "--batch-n", "20", "--engine-n", "0", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert {"cold", "warm", "batch", "memory", "model"} <= set(report)
    assert report["model"]["mb"] <= 5 and report["memory"]["peak_rss_mb"] > 0


@pytest.mark.filterwarnings("ignore:.*tasks:UserWarning")
def test_parallel_checking_streams_instead_of_reading_everything():
    """Taking the first results reads only a few chunks ahead: memory stays bounded on any input."""
    import itertools

    from checker.pipeline import ordered_map, safe_check

    consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield PLAIN if i % 2 else SCAM

    first = list(itertools.islice(ordered_map(safe_check, endless(), n_jobs=2, chunk_size=50), 10))
    assert len(first) == 10 and first[0].verdict == "high_risk"
    assert consumed <= 50 * 20  # a few chunks per worker, not the whole (endless) input


def test_the_progress_bar_counts_lines(tmp_path):
    from checker.cli.commands import _progress_bar

    path = tmp_path / "in.txt"
    path.write_text("a\nb\nc\n")
    assert _progress_bar(path).length == 3
