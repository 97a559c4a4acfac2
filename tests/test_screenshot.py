"""A screenshot as input: phone-like screenshots rendered here from our own messages give the typed answer.

The OCR tests need the `[ocr]` extra (part of `[test]`) and Debian's fonts-noto-cjk (installed by
.ci/run); without them they are skipped with the reason shown (-ra).
"""

import io
import json
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from checker import screenshot
from checker.cli import Exit, cli
from checker.lab import screenshot_bench as bench
from checker.screenshot import (
    ScreenshotError,
    TextBox,
    is_chrome,
    is_time_stamp,
    messages_from_image,
    split_messages,
)

needs_ocr = pytest.mark.skipif(not screenshot.ocr_available(), reason='needs the OCR extra: pip install "checker[ocr]"')
needs_font = pytest.mark.skipif(not bench.NOTO_CJK.exists(), reason="needs fonts-noto-cjk (apt-get install fonts-noto-cjk)")

SAME_ANSWER_SHARE = 0.95


@pytest.fixture(scope="session")
def readings():
    """Every rendered screenshot and what was read from it: one engine, one OCR pass per image."""
    shots = bench.screenshots(pathlib.Path(__file__).resolve().parents[1])
    return [(shot, image, messages_from_image(image)) for shot, image in ((s, bench.render(s)) for s in shots)]


def _compact(text: str) -> str:
    return "".join(text.split())


def _png(size=(120, 60), colour="white") -> bytes:
    Image = pytest.importorskip("PIL.Image", reason='drawing a test image needs Pillow: pip install "checker[ocr]"')

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


# --- what is not part of a message (no OCR needed) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("10:32", True),
        ("昨天 下午3:05", True),
        ("2026年11月30日", True),
        ("2026年11月30日 10:32", True),
        ("星期一 上午9:15", True),
        ("11月28日 凌晨1:20", True),
        ("2026-11-30 10:32", True),
        ("Yesterday 3:05 PM", True),
        ("１０：３２", True),  # full-width, as some phones draw it
        ("请于11月30日前还款", False),
        ("今天下午3点到", False),
        ("您的借呗已逾期", False),
        ("95188", False),
    ],
)
def test_time_stamps(text, stamp):
    assert is_time_stamp(text) is stamp


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("85%", True),
        ("5G", True),
        ("短信", True),
        ("发送短信", True),
        ("iMessage", True),
        ("●", True),
        ("<", True),
        ("口", True),  # a square icon, read alone
        ("口令", False),
        ("。", False),  # a full stop wrapped onto a line of its own
        ("【支付宝】", False),
        ("收到", False),
        ("100%退款", False),
    ],
)
def test_chrome(text, chrome):
    assert is_chrome(text) is chrome


def _line(text, top, left=30, right=330, height=26):
    return TextBox(text, left, right, top, top + height)


# Boxes as OCR gives them, 26 px lines: the grouping alone, without pixels (a crop with no page around it).
@pytest.mark.parametrize(
    ("boxes", "messages"),
    [
        ([_line("您的借呗已逾期，", 100), _line("请今日内还款。", 128)], ["您的借呗已逾期，请今日内还款。"]),
        # A lone full stop wrapped onto its own line: a short box low on the line.
        ([_line("客服电话95384", 100), _line("。", 141, right=45, height=13)], ["客服电话95384。"]),
        ([_line("第一条短信", 100), _line("第二条短信", 160)], ["第一条短信", "第二条短信"]),
        ([_line("对方的短信", 100), _line("我的回复", 128, left=300, right=450)], ["对方的短信", "我的回复"]),
        (
            [_line("10:32", 72, left=150), _line("昨天的短信", 100), _line("下午3:05", 128, left=150), _line("今天的短信", 156)],
            ["昨天的短信", "今天的短信"],
        ),
        # One line read as two boxes.
        ([_line("【支付宝】", 100, right=138), _line("您的借呗", 100, left=125)], ["【支付宝】您的借呗"]),
        # Without bubbles to tell it by, the header is what lies above the first time stamp.
        ([_line("95188", 20, left=200), _line("10:32", 60, left=210), _line("短信正文", 100)], ["短信正文"]),
        # The input bar's row goes, placeholder and icons with it.
        ([_line("短信正文", 100), _line("短信", 300, right=60), _line("O", 300, left=420, right=450)], ["短信正文"]),
        ([_line("10:41", 10), _line("85%", 10, left=400)], []),
    ],
)
def test_boxes_are_grouped_into_messages(boxes, messages):
    assert split_messages(boxes) == messages


# --- input that cannot be read ---------------------------------------------------------------------


def test_without_the_extra_the_error_says_how_to_install(monkeypatch):
    monkeypatch.setattr(screenshot, "ocr_available", lambda: False)
    with pytest.raises(ScreenshotError) as caught:
        messages_from_image(_png())
    assert 'pip install "checker[ocr]"' in str(caught.value) and "需要安装截图识别组件" in str(caught.value)


@needs_ocr
@pytest.mark.parametrize(
    ("data", "limits", "words"),
    [
        (b"not an image at all", {}, ("无法识别为图片", "not a readable image")),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, {}, ("无法识别为图片", "not a readable image")),
        (None, {"MAX_BYTES": 100}, ("图片太大", "image too large")),
        (None, {"MAX_PIXELS": 5000}, ("图片尺寸太大", "image too large")),
    ],
)
def test_unreadable_input_is_one_bilingual_line(monkeypatch, data, limits, words):
    for name, value in limits.items():
        monkeypatch.setattr(screenshot, name, value)
    with pytest.raises(ScreenshotError) as caught:
        messages_from_image(data if data is not None else _png())
    message = str(caught.value)
    assert "\n" not in message and all(word in message for word in words)


@needs_ocr
def test_an_image_without_text():
    with pytest.raises(ScreenshotError, match="没有找到文字"):
        messages_from_image(_png((300, 200)))


# --- rendered screenshots ------------------------------------------------------------------------


@needs_ocr
@needs_font
def test_screenshots_give_the_typed_answer(readings):
    same = []
    for shot, _, found in readings:
        typed = [bench.answer(text) for text in shot.messages]
        same.append(len(found) == len(typed) and [bench.answer(text) for text in found] == typed)
    assert sum(same) / len(same) >= SAME_ANSWER_SHARE, [shot.name for (shot, _, _), ok in zip(readings, same) if not ok]


@needs_ocr
@needs_font
def test_sender_status_bar_and_time_stamps_are_left_out(readings):
    for shot, _, found in readings:
        typed = _compact("".join(shot.messages))
        chrome = [shot.sender, "10:41", "85%", "短信"] + [item.text for item in shot.items if item.kind == "stamp"]
        for text in found:
            for line in chrome:
                # A sender number may be in the message itself ("请联系95188"): only the extra is wrong.
                assert _compact(line) not in _compact(text) or _compact(line) in typed, (shot.name, line)


@needs_ocr
@needs_font
def test_conversations_split_into_their_bubbles_in_order(readings):
    conversations = [(shot, found) for shot, _, found in readings if len(shot.messages) > 1]
    assert len(conversations) >= 4
    for shot, found in conversations:
        assert len(found) == len(shot.messages), shot.name
        for typed, read in zip(shot.messages, found):
            assert bench.edit_distance(_compact(typed), _compact(read)) <= 0.1 * len(_compact(typed)), shot.name


@needs_ocr
@needs_font
def test_single_messages_come_back_whole(readings):
    for shot, _, found in readings:
        if len(shot.messages) == 1:
            assert len(found) == 1, shot.name


@needs_ocr
@needs_font
def test_the_command_line_checks_each_message_in_turn(readings, tmp_path):
    shot, image, _ = next(r for r in readings if len(r[0].messages) == 3)
    path = tmp_path / "screenshot.png"
    path.write_bytes(image)
    runner = CliRunner()
    as_json = runner.invoke(cli, ["check", "--image", str(path), "--format", "json"], catch_exceptions=False)
    assert as_json.exit_code == Exit.OK
    payloads = json.loads(as_json.stdout)
    assert [p["verdict"] for p in payloads] == [bench.answer(text)[0] for text in shot.messages]
    assert [p["input"]["message"] for p in payloads] == [1, 2, 3]
    as_text = runner.invoke(cli, ["check", "--image", str(path)], catch_exceptions=False)
    assert as_text.exit_code == Exit.OK and as_text.stdout.count("截图中的第") == 3


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", "--image", "missing.png"], "找不到文件"),
        (["check", "--image", "not-an-image.txt"], "无法识别为图片"),
        (["check", "--image", "not-an-image.txt", "some text"], "只能选一个"),
    ],
)
def test_the_command_line_refuses_with_one_line_and_exit_2(tmp_path, monkeypatch, args, words):
    if not screenshot.ocr_available() and words == "无法识别为图片":
        words = "需要安装截图识别组件"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "not-an-image.txt").write_text("您的借呗已逾期", encoding="utf-8")
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == Exit.USAGE
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


# --- offline, quiet, lazy --------------------------------------------------------------------------

# An audit hook in a fresh interpreter: any socket, or any file opened for writing, fails the run.
GUARD = textwrap.dedent(
    """
    import sys
    def guard(event, args):
        if event.startswith("socket."):
            raise RuntimeError("network use: " + event)
        if event == "open" and (
            (isinstance(args[1], str) and any(c in args[1] for c in "wax+"))
            or (isinstance(args[1], int) and args[1] & 0o3)
        ):
            raise RuntimeError("file written: " + str(args[0]))
    sys.addaudithook(guard)
    """
)


def _strace_works() -> bool:
    """strace is installed and may trace here (containers often forbid ptrace)."""
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-qq", "-o", "/dev/null", "true"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


@needs_ocr
@needs_font
def test_reading_opens_no_connection_writes_no_file_and_logs_nothing(readings, tmp_path):
    """In a fresh interpreter; under strace too when it is there, since onnxruntime's telemetry
    (switched off by checker.screenshot) connects from C++, where Python's audit hook cannot see."""
    shot, image, _ = readings[0]
    code = GUARD + textwrap.dedent(
        """
        from checker.screenshot import messages_from_image
        print(len(messages_from_image(sys.stdin.buffer.read())))
        """
    )
    trace = tmp_path / "connections"
    strace = ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace)] if _strace_works() else []
    env = {"HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [*strace, sys.executable, "-B", "-c", code], input=image, capture_output=True, env=env, timeout=120, cwd=tmp_path, check=False
    )
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr[-2000:]
    assert done.stdout.decode().strip() == str(len(shot.messages))
    assert stderr == ""  # OCR's logging is off: nothing, and so no recognised text, on stderr
    assert not (tmp_path / "home").exists() and not (tmp_path / "tmp").exists()
    if strace:
        assert [line for line in trace.read_text().splitlines() if "AF_INET" in line] == []


def test_a_text_check_imports_no_ocr():
    code = (
        "import sys, checker; checker.check('您的借呗已逾期，请加微信abc12345处理'); "
        "print(sorted(m for m in sys.modules if m.startswith(('rapidocr', 'onnxruntime', 'PIL', 'cv2', 'checker.screenshot'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
