"""Nothing leaves the machine, nothing is written, nothing is logged; threads agree."""

import logging
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

from checker import check

MESSAGES = [
    "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户6222021234567890123，否则通知家人。",
    "【支付宝】您的花呗本期账单已出，请在支付宝App内还款。",
    "请点击 http://t.cn/A6xYz 查看您的案件，加微信abc12345，电话13812345678。",
    "【北京市朝阳区人民法院】本院受理的（2024）京0105民初12345号案件文书已送达，请致电12368核实。",
    "周末一起去爬山吗？",
]

# An audit hook in a fresh interpreter: any socket, or any file opened for writing, fails the run.
GUARD = textwrap.dedent(
    """
    import sys
    def guard(event, args):
        if event.startswith("socket."):
            raise RuntimeError("network use: " + event)
        if event == "open":
            path, mode = args[0], args[1]
            if isinstance(mode, str) and any(c in mode for c in "wax+"):
                raise RuntimeError("file written: " + str(path))
            if isinstance(mode, int) and mode & 0o3:  # os.open flags: O_WRONLY / O_RDWR
                raise RuntimeError("file written: " + str(path))
    sys.addaudithook(guard)
    """
)


def test_checking_opens_no_connection_and_writes_no_file(tmp_path):
    code = GUARD + textwrap.dedent(
        f"""
        from checker import check
        for text in {MESSAGES!r}:
            assert check(text).model_probability is not None  # the model was read and used
        print("ok")
        """
    )
    env = {"HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-B", "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
    assert not (tmp_path / "home").exists() and not (tmp_path / "tmp").exists()


def test_the_command_line_opens_no_connection_and_writes_no_file(tmp_path):
    code = GUARD + "from checker.cli import main\nmain()\n"
    done = subprocess.run(
        [sys.executable, "-B", "-c", code, "check", "--format", "json", "-"],
        input=MESSAGES[0].encode(),
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_no_log_record_carries_message_text(caplog):
    caplog.set_level(logging.DEBUG)
    for text in MESSAGES:
        check(text)
    for record in caplog.records:
        for text in MESSAGES:
            assert text[:8] not in record.getMessage()


def test_eight_threads_agree_with_sequential_calls():
    texts = MESSAGES * 8
    sequential = [check(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: check(t).to_dict(), texts))
    assert threaded == sequential
