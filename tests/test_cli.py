"""The command line: every input path and every exit code, through click's CliRunner."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import checker.pipeline
from checker.cli import Exit, _use_colour, cli

SCAM = "【律师函】您的借呗已逾期，请今日内将律师费2000元转账至卡号6222021234567890123，否则通知您的家人。"
SOFT = "您的借款已逾期，请加微信abc12345处理。"
PLAIN = "周末一起去爬山吗？"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(args, stdin=None, env=None):
        return runner.invoke(cli, args, input=stdin, env=env, catch_exceptions=False)

    return invoke


# --- input paths ---------------------------------------------------------------------------------


def test_message_as_argument(run):
    result = run(["check", SCAM])
    assert result.exit_code == Exit.OK
    assert "高度可疑" in result.stdout and "[[" in result.stdout


@pytest.mark.parametrize("args", [["check"], ["check", "-"]])
def test_message_on_stdin(run, args):
    result = run([*args, "--format", "json"], stdin=SCAM.encode("utf-8"))
    assert result.exit_code == Exit.OK
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "high_risk"
    assert payload["input"] == {"source": "stdin", "encoding": "utf-8", "length": len(SCAM)}


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("gbk", "gb18030"), ("big5", "big5")],
)
def test_message_from_a_file_in_each_encoding(run, tmp_path, encoding, label):
    text = "您的借唄已逾期，請今日內將律師費轉賬至個人賬戶，否則通知家人。" if encoding == "big5" else SCAM
    path = tmp_path / "sms.txt"
    path.write_bytes(text.encode(encoding))
    result = run(["check", "--file", str(path), "--format", "json"])
    assert result.exit_code == Exit.OK, result.stderr
    payload = json.loads(result.stdout)
    assert payload["input"]["encoding"] == label
    assert payload["verdict"] == "high_risk"
    for flag in payload["red_flags"] + payload["lowering_signs"]:
        for ev in flag["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]


def test_encoding_option_overrides_detection(run, tmp_path):
    path = tmp_path / "sms.txt"
    path.write_bytes(SCAM.encode("gbk"))
    result = run(["check", "--file", str(path), "--encoding", "gbk", "--format", "json"])
    assert result.exit_code == Exit.OK
    assert json.loads(result.stdout)["input"]["encoding"] == "gbk"


def test_english_output(run):
    result = run(["check", SCAM, "--lang", "en"])
    assert "Highly suspicious" in result.stdout and "What to do next" in result.stdout
    assert "可疑之处" not in result.stdout
    detail = run(["check", SCAM, "--lang", "en", "--detail"])
    assert "Where to verify" in detail.stdout and "可疑点" not in detail.stdout


def test_rules_lists_the_catalogue(run):
    result = run(["rules", "--format", "json"])
    ids = [r["id"] for r in json.loads(result.stdout)["rules"]]
    assert "pay_to_personal_account" in ids and result.exit_code == Exit.OK


# --- exit codes ----------------------------------------------------------------------------------

FAIL_ON = [
    (SCAM, "suspicious", Exit.FAIL_ON),
    (SCAM, "high_risk", Exit.FAIL_ON),
    (SOFT, "suspicious", Exit.FAIL_ON),
    (SOFT, "high_risk", Exit.OK),
    (PLAIN, "suspicious", Exit.OK),
]


@pytest.mark.parametrize(("text", "level", "code"), FAIL_ON)
def test_fail_on(run, text, level, code):
    assert run(["check", text, "--fail-on", level]).exit_code == code


def _usage_cases(tmp_path):
    binary = tmp_path / "binary.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("律师费".encode("gbk") + b"\xff\xfe\xfa")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return [
        (["check", ""], None),
        (["check", "   \n\t"], None),
        (["check"], b""),
        (["check", "--file", str(tmp_path / "missing.txt")], None),
        (["check", "--file", str(tmp_path)], None),
        (["check", "--file", str(binary)], None),
        (["check", "--file", str(bad), "--encoding", "utf-8"], None),
        (["check", "--file", str(empty)], None),
        (["check", "--file", str(bad), "--encoding", "no-such-codec"], None),
        (["check", "text", "--file", str(empty)], None),
        (["check", "--format", "xml", "text"], None),
        (["check", "--no-such-option"], None),
        (["no-such-command"], None),
        (["check", "\u200b\u200d"], None),
    ]


def test_usage_and_unreadable_input_exit_2_with_one_line(run, tmp_path):
    for args, stdin in _usage_cases(tmp_path):
        result = run(args, stdin=stdin)
        assert result.exit_code == Exit.USAGE, (args, result.stdout, result.stderr)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines and "Traceback" not in result.stderr, args
        assert len(lines) <= 3, (args, result.stderr)  # one line, or click's usage hint + that line


def test_an_unreadable_file(run, tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("x")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    result = run(["check", "--file", str(path)])
    assert result.exit_code == Exit.USAGE and "Permission denied" in result.stderr


def test_internal_error_exits_3_without_traceback_or_text(run, monkeypatch):
    def boom(text):
        raise RuntimeError("secret " + text)

    monkeypatch.setattr(checker.pipeline, "check", boom)
    result = run(["check", SCAM])
    assert result.exit_code == Exit.INTERNAL
    assert "Traceback" not in result.stderr and "借呗" not in result.stderr and "secret" not in result.stderr


def test_ctrl_c_exits_130_quietly(run, monkeypatch):
    def interrupted(text):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker.pipeline, "check", interrupted)
    result = run(["check", SCAM])
    assert result.exit_code == Exit.INTERRUPTED and "Traceback" not in result.stderr


# --- colour --------------------------------------------------------------------------------------


class _Tty:
    def isatty(self):
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_colour(_Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_colour(_Tty()) is False


def test_no_escape_codes_when_not_a_terminal(run):
    assert "\x1b[" not in run(["check", SCAM]).stdout


# --- the real process: same program both ways, a closed pipe --------------------------------------


def _cli(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, timeout=120)


def test_python_dash_m_is_the_same_program():
    done = _cli("check", "--format", "json", "-", stdin=SCAM.encode())
    assert done.returncode == 0 and json.loads(done.stdout)["verdict"] == "high_risk"


def test_a_closed_pipe_is_quiet():
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        [sys.executable, "-m", "checker", "rules"], stdout=reader.stdin, stderr=subprocess.PIPE, timeout=120
    )
    reader.stdin.close()
    reader.wait(timeout=30)
    assert writer.returncode in (0, 141) and b"Traceback" not in writer.stderr and b"Broken" not in writer.stderr


def test_a_real_ctrl_c_while_waiting_for_input_exits_130():
    import signal
    import time

    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # As in a terminal: a test run started in the background (`cmd &`) inherits SIGINT ignored,
        # and Python keeps an ignored SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(1.5)  # let it start and block on stdin
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == Exit.INTERRUPTED
    assert b"Traceback" not in stderr


def test_likely_mis_decoding_is_reported_not_scored(run, tmp_path):
    path = tmp_path / "odd.txt"
    # Valid GB18030, but nothing a person writes: rare characters only.
    path.write_bytes("㐀㐁㐂㐃㐄㐅㐆㐇㐈㐉".encode("gb18030"))
    result = run(["check", "--file", str(path)])
    assert result.exit_code == Exit.USAGE and "--encoding" in result.stderr


def test_a_one_megabyte_paste_is_answered_quickly_and_briefly(run, tmp_path):
    import time

    path = tmp_path / "big.txt"
    path.write_text(("您的借呗已逾期，请加微信abc12345处理，否则上门。" * 40000)[:340000], encoding="utf-8")
    assert path.stat().st_size > 800_000
    start = time.perf_counter()
    result = run(["check", "--file", str(path), "--format", "json"])
    assert result.exit_code == Exit.OK and time.perf_counter() - start < 20
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "high_risk" and len(result.stdout) < 1_000_000
    assert all(len(flag["evidence"]) <= 20 for flag in payload["red_flags"])


# --- the fast path: `checker check TEXT` without click, the same answer ---------------------------


def _entry(*args):
    code = "import sys; from checker.__main__ import main; main(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("text", [SCAM, SOFT, PLAIN, "\u200b\u200b", "   "])
def test_the_fast_path_answers_exactly_as_the_click_application(run, text):
    fast = _entry("check", text)
    slow = run(["check", text])
    assert fast.returncode == slow.exit_code
    assert fast.stdout.decode("utf-8") == slow.stdout and fast.stderr.decode("utf-8") == slow.stderr


def test_a_plain_check_does_not_import_click():
    code = (
        "import sys; from checker.__main__ import main\n"
        "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit as exc:\n"
        "    print('click' in sys.modules, exc.code, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, SCAM], capture_output=True, timeout=120, check=False)
    assert done.stderr.decode().split() == ["False", "0"] and "高度可疑".encode() in done.stdout


@pytest.mark.parametrize("options", [{"fg": "red", "bold": True}, {"fg": "yellow", "bold": True}, {"fg": "green"}, {"bold": True}, {"bold": False}, {}])
def test_the_fast_paths_colours_are_clicks(options):
    import click

    from checker.__main__ import ansi_style

    assert ansi_style("高度可疑", **options) == click.style("高度可疑", **options)


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (4, 4), ("message", 1)])
def test_system_exit_keeps_its_status(monkeypatch, code, status):
    def leave(text):
        raise SystemExit(code)

    monkeypatch.setattr(checker.pipeline, "check", leave)
    assert CliRunner().invoke(cli, ["check", SCAM]).exit_code == status


@pytest.mark.parametrize(
    ("lang", "abstained", "unavailable"),
    [("zh", "模型未作判断", "模型不可用"), ("en", "abstained", "unavailable")],
)
def test_the_report_tells_an_abstaining_model_from_an_unavailable_one(run, lang, abstained, unavailable):
    result = run(["check", "--detail", "--lang", lang, "你好"])
    assert abstained in result.stdout and unavailable not in result.stdout
