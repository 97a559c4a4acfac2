"""checker batch and check_many: every input format, order, error records, parallel jobs."""

import json
import os
import pathlib
import stat
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
    texts = [*TEXTS, ""]
    results = list(check_many(texts, n_jobs=n_jobs, chunk_size=3))
    assert isinstance(results[-1], InputError)
    assert [r.verdict for r in results[:-1]] == [check(t).verdict for t in TEXTS]


def test_the_benchmark_runs_and_reports_every_figure(tmp_path):
    pytest.importorskip("numpy", reason="the benchmark compares with `import numpy`: a lab tool, it needs [train]")
    done = subprocess.run(
        [sys.executable, "-m", "checker.lab.bench", "--repeats", "1", "--warm-n", "20", "--batch-n", "20", "--engine-n", "0", "--no-install", "--json"],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert {"cold", "warm", "batch", "memory", "model"} <= set(report)
    assert report["model"]["mb"] <= 5 and report["memory"]["peak_rss_mb"] > 0
    assert report["install"] == {"skipped": "not asked for (--no-install)"}


def test_the_timed_programs_keep_their_bytecode_as_installed_programs_do(monkeypatch):
    """A shell with PYTHONDONTWRITEBYTECODE had the checker compile its sources on every timed run,
    against a numpy whose bytecode pip wrote at install: the cold row read 1.7x where a user sees 0.8x."""
    from checker.lab import bench

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    # The child fails (and _wall raises) if it was told not to write bytecode.
    bench._wall([sys.executable, "-c", "import sys; sys.exit(sys.dont_write_bytecode)"])


def test_the_install_row_measures_a_fresh_light_install():
    """`pip install .` into an empty venv: the light install (no scikit-learn, jieba or numpy), checked by a run."""
    from checker.lab import bench

    # The project this test file belongs to, whether the checker under test is installed or editable.
    report = bench.install(pathlib.Path(__file__).resolve().parents[1])
    if report.get("skipped") == "the package registry is not reachable":
        pytest.skip(report["skipped"])
    assert report["empty_venv_mb"] < report["venv_mb"] <= bench.TARGETS["install_mb"]
    assert report["seconds"] > 0


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


# --- issue 10: a batch never loses or invents data ------------------------------------------------


def _strict_records(text):
    """Every line must be strict JSON: NaN / Infinity fail here."""

    def reject(name):
        raise ValueError(name)

    return [json.loads(line, parse_constant=reject) for line in text.splitlines()]


def test_an_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    path = tmp_path / "in.jsonl"
    content = json.dumps({"text": SCAM}, ensure_ascii=False) + "\n"
    path.write_text(content, encoding="utf-8")
    result = run(["batch", str(path), "-o", str(path)])
    assert result.exit_code == 2 and "input" in result.stderr
    assert path.read_text(encoding="utf-8") == content


def test_the_output_is_written_beside_and_renamed_and_left_alone_on_failure(tmp_path):
    good, bad, out = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "out.jsonl"
    good.write_text(SCAM + "\n", encoding="utf-8")
    assert run(["batch", str(good), "-o", str(out)]).exit_code == 0
    before = out.read_text(encoding="utf-8")
    assert len(records(before)) == 1
    bad.write_bytes(("周末爬山？\n" * 20000).encode("utf-8") + b"\xff\xfe broken\n")
    assert run(["batch", str(bad), "-o", str(out), "--encoding", "utf-8"]).exit_code == 2
    assert out.read_text(encoding="utf-8") == before  # not truncated, not half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt", "out.jsonl"]  # no temporary left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_an_output_that_is_a_pipe_is_written_in_place_and_stays_a_pipe(tmp_path):
    """/dev/null, a pipe or a terminal is no file to rename over: renamed over, a pipe became a file,
    and /dev/null, for a root user (CI runs the bench's batch with -o /dev/null), a file too."""
    path, pipe = tmp_path / "in.txt", tmp_path / "out.pipe"
    path.write_text(SCAM + "\n" + PLAIN + "\n", encoding="utf-8")
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there: the writer's open does not wait
    try:
        assert run(["batch", str(path), "-o", str(pipe)]).exit_code == 0
        written = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert [r["verdict"] for r in records(written)] == [check(SCAM).verdict, check(PLAIN).verdict]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.pipe"]  # no temporary left


def test_an_output_path_that_cannot_be_created_exits_2(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text(PLAIN + "\n", encoding="utf-8")
    result = run(["batch", str(path), "-o", str(tmp_path / "missing" / "out.jsonl")])
    assert result.exit_code == 2 and "cannot create" in result.stderr


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("in.jsonl", '{"text": "周末爬山？", "id": 1}\n{"text": "借呗逾期加微信abc12345", "id": 2}\n'),
        ("in.csv", "text,id\n周末爬山？,1\n借呗逾期加微信abc12345,2\n"),
        ("in.txt", "周末爬山？\n借呗逾期加微信abc12345\n"),
    ],
)
def test_a_utf8_byte_order_mark_is_not_part_of_the_first_record(tmp_path, name, body):
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    result = run(["batch", str(path)])
    out = records(result.stdout)
    assert result.exit_code == 0 and len(out) == 2 and not any("error" in r for r in out), result.stdout


def test_standard_input_and_pipes_are_read_once_as_a_stream(tmp_path):
    lines = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in TEXTS).encode("utf-8")
    dash = subprocess.run([sys.executable, "-m", "checker", "batch", "-", "--input-format", "jsonl"], input=lines,
                          capture_output=True, timeout=120, check=False)
    assert dash.returncode == 0 and len(records(dash.stdout.decode())) == len(TEXTS)
    piped = subprocess.run(f"cat | {sys.executable} -m checker batch /dev/stdin --input-format jsonl", shell=True,
                           input=lines, capture_output=True, timeout=120, check=False)
    assert piped.returncode == 0 and len(records(piped.stdout.decode())) == len(TEXTS), piped.stderr


def test_lines_that_are_not_objects_with_a_string_text_become_error_records(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('null\n"text"\n[1]\n{"text": null}\n{"text": 5}\n{"text": "周末爬山？", "x": NaN}\n{"text": "周末爬山？"}\n')
    out = _strict_records(run(["batch", str(path)]).stdout)
    assert [r["line"] for r in out] == [1, 2, 3, 4, 5, 6, 7]
    assert [("error" in r) for r in out] == [True] * 6 + [False]


def test_reserved_keys_are_the_checkers_and_input_fields_are_kept_beside_them(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": SCAM, "line": "mine", "error": "mine too", "verdict": "ok", "id": 7},
                               ensure_ascii=False) + "\n{}\n")
    first, second = records(run(["batch", str(path)]).stdout)
    assert first["line"] == 1 and "error" not in first and first["verdict"] == "high_risk"
    assert (first["input_line"], first["input_error"], first["input_verdict"], first["id"]) == ("mine", "mine too", "ok", 7)
    assert second["line"] == 2 and "error" in second


def test_line_numbers_are_physical_lines_and_a_lone_cr_does_not_split_a_record(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes("周末爬山？\r\n\r\n第一行\r第二行，借呗逾期加微信abc12345\n\n最后一条\n".encode())
    out = records(run(["batch", str(path)]).stdout)
    assert [r["line"] for r in out] == [1, 3, 5]
    assert "chat_app_contact" in out[1]["red_flags"]


def test_an_oversize_csv_field_is_an_error_record_and_the_batch_goes_on(tmp_path):
    from checker.pipeline import MAX_CHARS

    path = tmp_path / "in.csv"
    path.write_text(f'id,text\n1,"{"很" * (MAX_CHARS + 10)}"\n2,{PLAIN}\n3,{SCAM}\n', encoding="utf-8")
    result = run(["batch", str(path)])
    out = records(result.stdout)
    assert result.exit_code == 0 and [r["line"] for r in out] == [2, 3, 4]
    assert "error" in out[0] and out[1]["verdict"] == "low_risk" and out[2]["verdict"] == "high_risk"


def test_an_oversize_line_is_an_error_record_and_the_batch_goes_on(tmp_path):
    from checker.pipeline import MAX_CHARS

    path = tmp_path / "in.txt"
    path.write_text("很" * (MAX_CHARS + 10) + "\n" + SCAM + "\n", encoding="utf-8")
    out = records(run(["batch", str(path)]).stdout)
    assert [r["line"] for r in out] == [1, 2] and "error" in out[0] and out[1]["verdict"] == "high_risk"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_message_over_the_time_budget_is_an_error_record_and_the_batch_goes_on(tmp_path, jobs):
    path = tmp_path / "in.txt"
    path.write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    result = run(["batch", str(path), "--budget", "0.000001", "--jobs", jobs])
    out = records(result.stdout)
    assert result.exit_code == 0 and len(out) == len(TEXTS)
    assert all("longer than" in r["error"] for r in out)
    relaxed = records(run(["batch", str(path), "--budget", "60", "--jobs", jobs]).stdout)
    assert not any("error" in r for r in relaxed)
