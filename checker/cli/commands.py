"""The commands beyond `check` and `rules`: batch, train, evaluate.

Each imports its heavy module only when it runs, so `checker --help` and `checker check` stay fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import signal
import stat
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import click

from ..stages.result import RESULT_KEYS
from .inputs import DecodeError, decode, text_encoding


class BatchInputError(click.ClickException):
    exit_code = 2


# Keys every output record may carry; an input field with one of these names is written as
# "input_<name>" so that it can never overwrite what the checker says (nor be overwritten).
# ("flags" is schema 1's name for them: kept out of the way of readers written for it.)
RESERVED_KEYS = frozenset({"line", "error", "flags"}) | RESULT_KEYS
# One message may take this long in a batch before it becomes an error record (checking is linear
# in the length of the message, so only a pathological machine or input gets near it).
DEFAULT_BUDGET_SECONDS = 20.0
_SNIFF_BYTES = 64 * 1024


def _text_encoding(name: str) -> str:
    try:
        codec = text_encoding(name)
    except DecodeError as exc:
        raise BatchInputError(str(exc)) from None
    # A UTF-8 byte-order mark (Excel's "CSV UTF-8", Notepad) is not part of the first record.
    return "utf-8-sig" if codec == "utf-8" else codec


class _Prefixed(io.RawIOBase):
    """The bytes already read to detect the encoding, then the rest of the stream: one pass over a pipe."""

    def __init__(self, head: bytes, rest) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _whole_characters(data: bytes) -> bytes:
    """`data` without a UTF-8 character cut off at its end (lead byte 11xxxxxx, then 10xxxxxx bytes)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:
            continue
        if byte >= 0xC0:
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if needed == back else data[:-back]
        break
    return data


def open_text(raw, name: str, encoding: str | None) -> io.TextIOWrapper:
    """A text stream over `raw` (a file or a pipe, read once), its encoding given or detected from its start."""
    head = raw.read(_SNIFF_BYTES)
    if encoding:
        codec = _text_encoding(encoding)
    else:
        # Cut at the last newline (or, in a longer line, before a last partial UTF-8 character) so
        # that a multi-byte character is not split.
        cut = head.rfind(b"\n")
        sample = head if len(head) < _SNIFF_BYTES else head[: cut + 1] if cut >= 0 else _whole_characters(head)
        try:
            codec = _text_encoding(decode(sample).encoding)
        except DecodeError as exc:
            raise BatchInputError(f"{name}: {exc}") from None
    # newline="\n": records end at LF (or CRLF) only; a lone CR inside a message is kept.
    return io.TextIOWrapper(io.BufferedReader(_Prefixed(head, raw)), encoding=codec, errors="strict", newline="\n")


def _physical_lines(stream: io.TextIOWrapper, name: str, limit: int) -> Iterator[tuple[int, str | None]]:
    """(line number, line without its end) for each physical line; None for a line over `limit` characters.

    A line over the limit is skipped in pieces, never held whole, so an endless line costs no memory.
    """
    number = 0
    try:
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while (rest := stream.readline(limit)) and not rest.endswith("\n"):
                    pass
                yield number, None
                continue
            yield number, line.removesuffix("\n").removesuffix("\r")
    except UnicodeDecodeError:
        raise BatchInputError(f"{name}: 第 {number + 1} 行起不是 {stream.encoding} 编码 / not {stream.encoding} from line {number + 1}") from None


def _too_long(limit: int) -> str:
    return f"line longer than {limit:,} characters"


def read_items(
    stream: io.TextIOWrapper, name: str, fmt: str, column: str, limit: int
) -> Iterator[tuple[int, str, object]]:
    """(physical line number, format, raw payload), streaming; parsing happens in the workers (batch_line).

    A payload that is an InputError is a line that cannot be read (over the limit, a broken CSV row).
    """
    from ..pipeline import InputError

    lines = _physical_lines(stream, name, limit)
    if fmt != "csv":
        for number, line in lines:
            if line is None:
                yield number, fmt, InputError(_too_long(limit))
            elif line.strip():
                yield number, fmt, line
        return
    current = 0
    oversize: set[int] = set()

    def feed() -> Iterator[str]:
        nonlocal current
        for number, line in lines:
            current = number
            if line is None:
                oversize.add(number)
                yield ""  # an empty record in its place; reported below, never checked
            else:
                yield line
    reader = csv.reader(feed())
    csv.field_size_limit(limit)
    try:
        header = next(reader)
    except StopIteration:
        header = []
    except csv.Error as exc:
        raise BatchInputError(f"{name}: CSV 表头无法读取 / unreadable CSV header: {exc}") from None
    if column not in header:
        raise BatchInputError(f"CSV 没有 '{column}' 列，可用 --column 指定 / CSV has no column '{column}' (use --column)")
    while True:
        first = current + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield first, fmt, InputError(f"CSV row cannot be read: {exc}")
            continue
        if first in oversize:
            yield first, fmt, InputError(_too_long(limit))
        elif row:
            yield first, fmt, dict(zip(header, row, strict=False)) | ({"extra_fields": row[len(header) :]} if len(row) > len(header) else {})


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _fields(record: dict, column: str) -> dict:
    """The input's own fields, minus the text; a reserved name becomes input_<name>."""
    out: dict = {}
    for key, value in record.items():
        if key == column:
            continue
        while key in RESERVED_KEYS or key in out:
            key = f"input_{key}"
        out[key] = value
    return out


def batch_line(item: tuple[int, str, Any], column: str, full: bool, budget: float = 0.0) -> tuple[str, str]:
    """(verdict or "error", the JSON line to write) for one input line; runs in a worker."""
    from ..pipeline import InputError, safe_check
    from ..stages.result import SCHEMA_VERSION

    number, fmt, payload = item
    fields: dict = {}
    text: object = payload
    if isinstance(payload, InputError):
        pass
    elif fmt == "jsonl":
        try:
            parsed = json.loads(str(payload), parse_constant=_reject_constant)
        except ValueError:  # JSONDecodeError, NaN / Infinity
            parsed, text = None, InputError("line is not valid JSON")
        if not isinstance(text, InputError):
            if not isinstance(parsed, dict):
                text = InputError("line is not a JSON object")
            elif not isinstance(parsed.get(column), str):
                text = InputError(f"line has no text field '{column}' holding a string")
            else:
                fields = _fields(parsed, column)
                text = parsed[column]
    elif fmt == "csv" and isinstance(payload, dict):
        fields = _fields(payload, column)
        text = payload.get(column)
        if not text:
            text = InputError("row has no text")
    result = _within_budget(safe_check, text, budget)
    if isinstance(result, InputError):
        return "error", _record({**fields, "schema_version": SCHEMA_VERSION, "line": number, "error": str(result)})
    summary = result.to_dict() if full else {"schema_version": SCHEMA_VERSION, **result.summary()}
    return result.verdict, _record({**fields, **summary, "line": number})


def _record(fields: dict) -> str:
    return json.dumps(fields, ensure_ascii=False, allow_nan=False)


class _OverBudget(Exception):
    pass


# Whether an alarm now means "over budget": off again the moment the check returns, so a late
# alarm cannot interrupt the code that writes the record.
_armed = False


def _on_alarm(signum, frame):
    global _armed
    if _armed:
        _armed = False
        raise _OverBudget


def _within_budget(fn, arg, seconds: float):
    """fn(arg), or an InputError when it takes longer than `seconds` (an alarm: Unix, main thread only)."""
    global _armed
    from ..pipeline import InputError

    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return fn(arg)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        _armed = True
        signal.setitimer(signal.ITIMER_REAL, seconds)
        result = fn(arg)
        _armed = False
        return result
    except _OverBudget:
        return InputError(f"message took longer than {seconds:g} s to check")
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _progress_bar(path: pathlib.Path):
    """A bar on stderr sized by the file's line count (one fast pass over the bytes of a regular file)."""
    with path.open("rb") as handle:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    bar = click.progressbar(length=max(lines, 1), label="检查中 / checking", file=sys.stderr)
    bar.render_progress()
    return bar


def _format_of(path: pathlib.Path, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(suffix, "txt")


def _is_regular(path: pathlib.Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _open_input(path: pathlib.Path):
    if str(path) == "-":
        return sys.stdin.buffer
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise BatchInputError(f"找不到文件 / file not found: {path}") from None
    except OSError as exc:
        raise BatchInputError(f"无法读取 / cannot read {path}: {exc.strerror}") from None


def _open_output(output: pathlib.Path, input_path: pathlib.Path):
    """(handle, renamed): a temporary file beside `output`, renamed over it at the end, so that the input
    is never truncated and a failed run leaves the old output; or, where `output` is there and is no
    regular file (/dev/null, a pipe, a terminal), `output` itself, written as it goes: a file renamed
    over a device or a pipe would replace it (as root, /dev/null itself)."""
    exists = output.exists()
    if str(input_path) != "-" and exists:
        try:
            same = output.samefile(input_path)
        except OSError:
            same = False
        if same:
            raise BatchInputError(f"输出文件就是输入文件 / the output is the input file: {output}")
    try:
        if exists and not output.is_file():
            return output.open("w", encoding="utf-8"), False
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed and renamed in batch_command
            "w", encoding="utf-8", dir=output.parent, prefix=f".{output.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise BatchInputError(f"无法创建输出文件 / cannot create {output}: {exc.strerror}") from None
    return handle, True


@click.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True, path_type=pathlib.Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=pathlib.Path), help="JSONL 输出文件（默认标准输出）.")
@click.option("--input-format", type=click.Choice(["jsonl", "csv", "txt"]), default=None, help="默认按扩展名 / by extension.")
@click.option("--column", default="text", show_default=True, help="文本所在字段或列 / field or column holding the text.")
@click.option("--jobs", "jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="并行进程数 / worker processes.")
@click.option("--encoding", default=None, help="输入编码（默认自动识别）/ input encoding (default: detect).")
@click.option("--full", is_flag=True, help="输出完整结果 / write the full result of each message.")
@click.option(
    "--budget",
    type=click.FloatRange(0),
    default=DEFAULT_BUDGET_SECONDS,
    show_default=True,
    help="每条最多用时（秒，0 为不限）/ seconds one message may take (0: no limit).",
)
def batch_command(input_path, output, input_format, column, jobs, encoding, full, budget) -> None:
    """逐行检查文件中的短信，输出 JSONL / check every message of a .jsonl, .csv or .txt file.

    INPUT is a file, a pipe, or - for standard input; it is read once, as a stream. One JSON line
    per input record, in input order; `line` is the record's physical line in the input. A line
    that cannot be checked (not JSON, no text, over the limit, over the time budget) becomes a
    record with `error`. The output's keys line, error, verdict, score, flags and model_probability
    (and, with --full, the result's keys) are the checker's: an input field of the same name is
    written as input_<name>. With -o, the output is written beside the target and renamed at the
    end (a device or a pipe, such as /dev/null, is written in place); an output that is the input
    is refused. A summary of verdicts goes to stderr.
    """
    from functools import partial

    from ..pipeline import MAX_CHARS, ordered_map

    name = "-" if str(input_path) == "-" else input_path.name
    fmt = _format_of(input_path, input_format)
    raw = _open_input(input_path)
    out, renamed = _open_output(output, input_path) if output else (sys.stdout, False)
    finished = False
    try:
        stream = open_text(raw, name, encoding)
        items = read_items(stream, name, fmt, column, MAX_CHARS)
        counts: Counter = Counter()
        work = partial(batch_line, column=column, full=full, budget=budget)
        bar = _progress_bar(input_path) if sys.stderr.isatty() and _is_regular(input_path) else None
        try:
            # Workers parse, check and serialise; this process only reads and writes lines.
            for key, line in ordered_map(work, items, n_jobs=jobs, chunk_size=128):
                counts[key] += 1
                out.write(line + "\n")
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.render_finish()
        finished = True
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()
        if output:
            out.close()
            if renamed and finished:
                os.replace(out.name, output)
            elif renamed:
                os.unlink(out.name)
    parts = ", ".join(f"{k} {counts[k]}" for k in ("low_risk", "suspicious", "high_risk", "error"))
    click.echo(f"共 {sum(counts.values())} 条 / {sum(counts.values())} messages: {parts}", err=True)


@click.command("train")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=pathlib.Path),
    default=".",
    show_default=True,
    help="项目根目录（含 data/ 和 models/）/ the project root holding data/ and models/.",
)
def train_command(root) -> None:
    """从 data/ 重新训练并写入 models/ / retrain the model from data/ into models/ (deterministic)."""
    if not (root / "data" / "corpus.jsonl").exists():
        raise BatchInputError(f"{root / 'data' / 'corpus.jsonl'} 不存在：请在项目根目录运行 / run from the project root")
    from ..lab import figures
    from ..lab.train import train

    train(root, log=lambda line: click.echo(line, err=True))
    # The card and the README's figures follow the new model: our held-out genuine register and the
    # suite are rerun when they are there (figures --check refuses figures of another model).
    if (root / figures.HOLDOUT).is_dir():
        figures.measure_holdout(root)
    if (root / figures.SUITE).is_dir():
        figures.measure(root)
    figures.write(root)
    click.echo("wrote models/MODEL_CARD.md and the README's figures", err=True)


@click.command("evaluate")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=pathlib.Path))
@click.option(
    "--suite",
    "suite",
    type=click.Path(file_okay=False, path_type=pathlib.Path),
    help="评估文件夹中每个带标签的 .jsonl / every labelled .jsonl of a folder, per file and category.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jobs", "jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def evaluate_command(path, suite, fmt, jobs) -> None:
    """在带标签的 JSONL 上评估 / evaluate on labelled JSONL (text, label = scam|legit).

    With --suite DIR: per file and per category, flagged, high_risk and the share of alarms that
    carry a named red flag, each with a Wilson 95 % interval.
    """
    from ..lab.evaluate import evaluate, evaluate_suite, suite_to_text, to_text

    if (path is None) == (suite is None):
        raise BatchInputError("请给出一个文件或 --suite 文件夹（二选一）/ give either a file or --suite DIR")
    target = path if path is not None else suite
    if not target.exists():
        raise BatchInputError(f"找不到 / not found: {target}")
    try:
        report = evaluate(path, n_jobs=jobs) if path is not None else evaluate_suite(suite, n_jobs=jobs)
    except ValueError as exc:
        raise BatchInputError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo((to_text if path is not None else suite_to_text)(report), nl=False)
