"""The commands beyond `check` and `rules`: batch, train, evaluate.

Each imports its heavy module only when it runs, so `checker --help` and `checker check` stay fast.
"""

from __future__ import annotations

import csv
import json
import pathlib
import sys
from collections import Counter, deque
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


def read_records(path: pathlib.Path, fmt: str, column: str, encoding: str) -> Iterator[tuple[dict, object]]:
    """(fields to pass through, text or the reason this line cannot be checked), streaming."""
    from .pipeline import InputError

    if fmt == "jsonl":
        for number, line in enumerate(_lines(path, encoding), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                yield {"line": number}, InputError("line is not valid JSON")
                continue
            if not isinstance(item, dict) or not isinstance(item.get(column), str):
                yield {"line": number}, InputError(f"line has no text field '{column}'")
                continue
            fields = {k: v for k, v in item.items() if k != column}
            yield {"line": number, **fields}, item[column]
    elif fmt == "csv":
        reader = csv.DictReader(_lines(path, encoding))
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise BatchInputError(f"CSV 没有 '{column}' 列，可用 --column 指定 / CSV has no column '{column}' (use --column)")
        for number, row in enumerate(reader, 2):
            text = row.get(column)
            fields = {k: v for k, v in row.items() if k != column and k is not None}
            yield {"line": number, **fields}, text if text is not None else InputError("row has no text")
    else:
        for number, line in enumerate(_lines(path, encoding), 1):
            if line.strip():
                yield {"line": number}, line


def _format_of(path: pathlib.Path, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(suffix, "txt")


def summary_record(result) -> dict:
    """What `checker batch` writes for one message (computed in the worker)."""
    from .pipeline import InputError

    if isinstance(result, InputError):
        return {"error": str(result)}
    return {
        "verdict": result.verdict,
        "score": result.score,
        "flags": [f.id for f in result.flags],
        "model_probability": result.model_probability,
    }


def full_record(result) -> dict:
    from .pipeline import InputError

    return {"error": str(result)} if isinstance(result, InputError) else result.to_dict()


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
    from .pipeline import map_checked

    if not input_path.exists():
        raise BatchInputError(f"找不到文件 / file not found: {input_path}")
    fmt = _format_of(input_path, input_format)
    used = _sniff_encoding(input_path, encoding)
    records = read_records(input_path, fmt, column, used)
    pending: deque[dict] = deque()

    def texts():
        for fields, text in records:
            pending.append(fields)
            yield text

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    progress = sys.stderr.isatty()
    counts: Counter = Counter()
    transform = full_record if full else summary_record
    try:
        for n, summary in enumerate(map_checked(texts(), transform, n_jobs=jobs, chunk_size=512), 1):
            counts[summary.get("verdict", "error")] += 1
            out.write(json.dumps({**pending.popleft(), **summary}, ensure_ascii=False) + "\n")
            if progress and n % 500 == 0:
                click.echo(f"\r已检查 / checked {n:,}", err=True, nl=False)
    finally:
        if output:
            out.close()
    if progress:
        click.echo("", err=True)
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
    from .train import train
    from .model_card import write_card

    metadata = train(root, log=lambda line: click.echo(line, err=True))
    write_card(root, metadata, log=lambda line: click.echo(line, err=True))


@click.command("evaluate")
@click.argument("path", type=click.Path(dir_okay=False, path_type=pathlib.Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jobs", "jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def evaluate_command(path, fmt, jobs) -> None:
    """在带标签的 JSONL 上评估 / evaluate on labelled JSONL (text, label = scam|legit)."""
    from .evaluate import evaluate, to_text

    if not path.exists():
        raise BatchInputError(f"找不到文件 / file not found: {path}")
    try:
        report = evaluate(path, n_jobs=jobs)
    except ValueError as exc:
        raise BatchInputError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(to_text(report), nl=False)

