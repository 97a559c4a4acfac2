"""The commands beyond `check` and `rules`: batch, train, evaluate.

Each imports its heavy module only when it runs, so `checker --help` and `checker check` stay fast.
"""

from __future__ import annotations

import csv
import json
import pathlib
import sys
from collections import Counter
from collections.abc import Iterator

import click

from .inputs import DecodeError, decode


class BatchInputError(click.ClickException):
    exit_code = 2


def _sniff_encoding(path: pathlib.Path, encoding: str | None) -> str:
    if encoding:
        return encoding
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    # Cut at the last newline so a multi-byte character is not split.
    cut = head.rfind(b"\n")
    sample = head if cut < 0 or len(head) < 64 * 1024 else head[: cut + 1]
    try:
        return decode(sample).encoding
    except DecodeError as exc:
        raise BatchInputError(str(exc)) from None


def _lines(path: pathlib.Path, encoding: str) -> Iterator[str]:
    with path.open(encoding=encoding, errors="strict", newline="") as handle:
        try:
            for line in handle:
                yield line.rstrip("\r\n")
        except UnicodeDecodeError:
            raise BatchInputError(f"{path.name}: 后文不是 {encoding} 编码 / rest of file is not {encoding}") from None


def read_items(path: pathlib.Path, fmt: str, column: str, encoding: str) -> Iterator[tuple[int, str, object]]:
    """(line number, format, raw payload), streaming; parsing happens in the workers (batch_line)."""
    if fmt == "csv":
        reader = csv.DictReader(_lines(path, encoding))
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise BatchInputError(f"CSV 没有 '{column}' 列，可用 --column 指定 / CSV has no column '{column}' (use --column)")
        for number, row in enumerate(reader, 2):
            yield number, fmt, {k: v for k, v in row.items() if k is not None}
        return
    for number, line in enumerate(_lines(path, encoding), 1):
        if line.strip():
            yield number, fmt, line


def batch_line(item: tuple[int, str, object], column: str, full: bool) -> tuple[str, str]:
    """(verdict or "error", the JSON line to write) for one input line; runs in a worker."""
    from ..pipeline import InputError, safe_check

    number, fmt, payload = item
    fields: dict = {"line": number}
    text: object = payload
    if fmt == "jsonl":
        try:
            parsed = json.loads(payload)
        except json.JSONDecodeError:
            parsed, text = None, InputError("line is not valid JSON")
        if parsed is not None:
            if isinstance(parsed, dict) and isinstance(parsed.get(column), str):
                fields.update((k, v) for k, v in parsed.items() if k != column)
                text = parsed[column]
            else:
                text = InputError(f"line has no text field '{column}'")
    elif fmt == "csv":
        fields.update((k, v) for k, v in payload.items() if k != column)
        text = payload.get(column)
        if text is None:
            text = InputError("row has no text")
    result = safe_check(text)
    if isinstance(result, InputError):
        return "error", json.dumps({**fields, "error": str(result)}, ensure_ascii=False)
    summary = result.to_dict() if full else {
        "verdict": result.verdict,
        "score": result.score,
        "flags": [f.id for f in result.flags],
        "model_probability": result.model_probability,
    }
    return result.verdict, json.dumps({**fields, **summary}, ensure_ascii=False)


def _progress_bar(path: pathlib.Path):
    """A bar on stderr sized by the file's line count (one fast pass over the bytes)."""
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


@click.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=pathlib.Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=pathlib.Path), help="JSONL 输出文件（默认标准输出）.")
@click.option("--input-format", type=click.Choice(["jsonl", "csv", "txt"]), default=None, help="默认按扩展名 / by extension.")
@click.option("--column", default="text", show_default=True, help="文本所在字段或列 / field or column holding the text.")
@click.option("--jobs", "jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="并行进程数 / worker processes.")
@click.option("--encoding", default=None, help="输入编码（默认自动识别）/ input encoding (default: detect).")
@click.option("--full", is_flag=True, help="输出完整结果 / write the full result of each message.")
def batch_command(input_path, output, input_format, column, jobs, encoding, full) -> None:
    """逐行检查文件中的短信，输出 JSONL / check every message of a .jsonl, .csv or .txt file.

    One JSON line per input line, in input order; a line that cannot be checked becomes an error
    record. A summary of verdicts goes to stderr.
    """
    from functools import partial

    from ..pipeline import ordered_map

    if not input_path.exists():
        raise BatchInputError(f"找不到文件 / file not found: {input_path}")
    fmt = _format_of(input_path, input_format)
    used = _sniff_encoding(input_path, encoding)
    items = read_items(input_path, fmt, column, used)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    counts: Counter = Counter()
    work = partial(batch_line, column=column, full=full)
    bar = _progress_bar(input_path) if sys.stderr.isatty() else None
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
        if output:
            out.close()
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
    # The card and the README's figures follow the new model; the suite is rerun when it is there.
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
