"""The command line: a thin shell over check(). `checker` and `python -m checker` are the same program.

Exit codes: 0 done (below --fail-on), 1 verdict at or above --fail-on, 2 usage or input that cannot
be checked, 3 internal or model error, 130 interrupted. Never a traceback, never the message text in
an error line.
"""

from __future__ import annotations

import enum
import json
import os
import sys

import click

from .inputs import (
    MAX_IMAGE_BYTES,
    DecodeError,
    decode,
    printable_problem,
    read_bounded,
)


class Exit(enum.IntEnum):
    OK = 0
    FAIL_ON = 1
    USAGE = 2
    INTERNAL = 3
    INTERRUPTED = 130


class FailOn(Exception):
    """The verdict is at or above --fail-on: exit 1, the only way to get that code."""


class InputProblem(click.ClickException):
    """Input that cannot be checked: one line on stderr, exit 2."""

    exit_code = Exit.USAGE


def _use_colour(stream) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _read_input(message: str | None, file: str | None, encoding: str | None) -> tuple[str, str, str]:
    """(text, encoding, source) from the argument, a file, or stdin."""
    if message is not None and message != "-" and file is not None:
        raise click.UsageError("give the message or --file, not both / 短信内容和 --file 只能二选一")
    if file is not None:
        try:
            with open(file, "rb") as handle:
                data = read_bounded(handle)
        except DecodeError as exc:
            raise InputProblem(str(exc)) from None
        except FileNotFoundError:
            raise InputProblem(f"找不到文件 / file not found: {file}") from None
        except IsADirectoryError:
            raise InputProblem(f"这是一个文件夹，不是文件 / is a directory: {file}") from None
        except OSError as exc:
            raise InputProblem(f"无法读取文件 / cannot read {file}: {exc.strerror}") from None
        source = "file"
    elif message is not None and message != "-":
        return message, "argument", "argument"
    else:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise InputProblem("没有可读的标准输入 / no standard input to read")
        if sys.stdin.isatty():
            click.echo("请粘贴短信内容，结束后按 Ctrl-D（Windows 按 Ctrl-Z 回车）/ paste the message, then Ctrl-D:", err=True)
        try:
            data = read_bounded(stdin)
        except DecodeError as exc:
            raise InputProblem(str(exc)) from None
        source = "stdin"
    try:
        decoded = decode(data, encoding)
    except DecodeError as exc:
        raise InputProblem(str(exc)) from None
    return decoded.text, decoded.encoding, source


class CheckerGroup(click.Group):
    """A click group that maps every outcome to one of our exit codes and never shows a traceback."""

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        sys.exit(self._exit_code(args, prog_name, extra))

    def _exit_code(self, args, prog_name, extra) -> int:
        stdout = sys.stdout
        try:
            code = super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
            sys.stdout.flush()  # inside the try, so that a reader that went away is handled below
            return int(code or Exit.OK)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("已取消 / cancelled", err=True)
            return Exit.INTERRUPTED
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            return Exit.USAGE
        except click.ClickException as exc:
            click.echo(f"错误 / error: {exc.format_message()}", err=True)
            return Exit.USAGE if exc.exit_code in (1, 2) else exc.exit_code
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except FailOn:
            return Exit.FAIL_ON
        except SystemExit as exc:
            # click exits by itself when stdout's reader went away (EPIPE), after swapping in a
            # wrapper that pacifies the streams: a closed pipe, not a failure. Any other exit keeps its code.
            if sys.stdout is not stdout:
                return Exit.OK
            return exit_status(exc.code)
        except BrokenPipeError:
            # The reader went away (| head): stop quietly, and keep Python from complaining at exit.
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            return Exit.OK
        except Exception as exc:
            click.echo(f"内部错误 / internal error ({type(exc).__name__}); 请报告此问题 / please report it", err=True)
            return Exit.INTERNAL


def exit_status(code: object) -> int:
    """The process exit status of SystemExit(code), as Python itself computes it (a message: printed, 1)."""
    if code is None:
        return Exit.OK
    if isinstance(code, int):
        return code
    click.echo(str(code), err=True)
    return 1


def version_line() -> str:
    """checker's version, the short SHA-256 of the shipped model, the JSON schema version."""
    import json
    from importlib import resources

    from .. import __version__
    from ..stages.result import SCHEMA_VERSION

    pins = json.loads(resources.files("checker").joinpath("data/model_pins.json").read_text(encoding="utf-8"))
    model = pins["sha256"].get("model.json", "?")[:12]
    return f"checker {__version__} (model sha256 {model}, JSON schema {SCHEMA_VERSION})"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_line())
        ctx.exit()


EXAMPLES = """\b
示例 / Examples:
  checker check "短信内容"                  检查一条短信 / check one message
  checker check < sms.txt                   从标准输入读（不留在 shell 历史里）/ from stdin
  checker check --format json --file sms.txt
  checker batch messages.jsonl -o out.jsonl --jobs 2
  checker rules --format json

\b
命令补全 / Shell completion (add the line to ~/.bashrc; zsh and fish likewise):
  eval "$(_CHECKER_COMPLETE=bash_source checker)"
  eval "$(_CHECKER_COMPLETE=zsh_source checker)"
  _CHECKER_COMPLETE=fish_source checker | source
"""


@click.group(cls=CheckerGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXAMPLES)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="版本、模型 SHA-256 和 JSON 格式版本 / version, model SHA-256 and JSON schema version.",
)
def cli() -> None:
    """检查“律师函”、催收、法院类短信的可疑之处，告诉你去哪里核实。全程离线。

    Checks debt-collection and "lawyer's letter" SMS offline: what is suspicious, and where to verify.
    """


CHECK_EXAMPLES = """\b
示例 / Examples:
  checker check "【法务中心】您的借呗已逾期，请今日内转账至6222021234567890123"
  checker check < sms.txt
  checker check --file sms.txt --encoding gbk
  checker check --format json --offsets utf16 "…"   JSON，UTF-16 偏移 / UTF-16 offsets for JS, Java, Kotlin
  checker check --fail-on suspicious "…"            可疑即退出码 1 / exit 1 when suspicious
"""


@cli.command("check", epilog=CHECK_EXAMPLES)
@click.argument("message", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=True), help="从文件读取短信 / read the message from a file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--lang",
    type=click.Choice(["zh", "zh-Hant", "en"]),
    default="zh",
    show_default=True,
    help="简体中文、繁體中文或英文 / simplified, traditional Chinese or English.",
)
@click.option("--detail", is_flag=True, help="完整报告：每条规则、权重、模型、实体 / the full report.")
@click.option(
    "--report",
    "report",
    is_flag=True,
    help="输出发给 12321 的举报短信（号码*原文）/ print the SMS to send to 12321.",
)
@click.option("--sender", default="", help="发来短信的号码，用于 --report / the sender's number, for --report.")
@click.option(
    "--fail-on",
    type=click.Choice(["suspicious", "high_risk"]),
    default=None,
    help="退出码为1，当结论达到此级别 / exit 1 when the verdict is at or above this level.",
)
@click.option("--encoding", default=None, help="文件或标准输入的编码 / encoding of the file or stdin (default: detect).")
@click.option(
    "--image",
    type=click.Path(dir_okay=False),
    help='从手机截图读取短信，逐条检查（需 pip install "checker[ocr]"）/ check each message in a screenshot.',
)
@click.option(
    "--offsets",
    type=click.Choice(["codepoint", "utf16"]),
    default="codepoint",
    show_default=True,
    help="JSON 中 start/end 的单位 / unit of start and end in JSON: Python code points or UTF-16 units.",
)
def check_command(message, file, fmt, lang, detail, report, sender, fail_on, encoding, image, offsets) -> None:
    """检查一条短信。MESSAGE 省略或为 - 时从标准输入读取。

    Check one message: MESSAGE, stdin (no argument or -), or --file PATH. An argument shows up in
    `ps` and shell history; stdin and --file do not, so prefer them for real messages.
    """
    from ..pipeline import InputError, check
    from ..stages.render import to_json, to_report, to_text
    from ..stages.verdict import at_least

    if image is not None:
        return _check_image(image, message, file, fmt, lang, detail, fail_on, offsets)
    text, used_encoding, source = _read_input(message, file, encoding)
    problem = printable_problem(text)
    if problem:
        raise InputProblem(problem)
    if report:
        # stdout is exactly the SMS to send; how to send it goes to stderr.
        how = "原文不要改动" if sender else "开头换成发来短信的号码，原文不要改动"
        click.echo(f"把下面这条短信发送到 12321（{how}）/ send this SMS to 12321:", err=True)
        click.echo(to_report(text, sender, lang))
        return
    try:
        result = check(text)
    except InputError as exc:
        raise InputProblem(str(exc)) from None
    if fmt == "json":
        payload = result.to_dict(offsets=offsets)
        payload["input"] = {"source": source, "encoding": used_encoding, "length": len(text)}
        click.echo(to_json(payload), nl=False)
    else:
        style = click.style if _use_colour(sys.stdout) else (lambda s, **_: s)
        click.echo(to_text(text, result, lang, style, detail=detail), nl=False)
    if fail_on and at_least(result.verdict, fail_on):
        raise FailOn


def _check_image(path: str, message, file, fmt, lang, detail, fail_on, offsets="codepoint") -> None:
    """--image: each message found in the screenshot, checked and reported in turn (JSON: a list)."""
    from ..pipeline import check
    from ..screenshot import ScreenshotError, messages_from_image
    from ..stages.render import to_text
    from ..stages.verdict import at_least

    if (message is not None and message != "-") or file is not None:
        raise click.UsageError("give the message, --file or --image, only one / 短信内容、--file、--image 只能选一个")
    try:
        with open(path, "rb") as handle:
            texts = messages_from_image(read_bounded(handle, MAX_IMAGE_BYTES))
    except DecodeError as exc:
        raise InputProblem(str(exc)) from None
    except FileNotFoundError:
        raise InputProblem(f"找不到文件 / file not found: {path}") from None
    except OSError as exc:
        raise InputProblem(f"无法读取文件 / cannot read {path}: {exc.strerror}") from None
    except ScreenshotError as exc:
        raise InputProblem(str(exc)) from None
    results = [check(text) for text in texts]
    if fmt == "json":
        payloads = []
        for number, (text, result) in enumerate(zip(texts, results), 1):
            payload = result.to_dict(offsets=offsets)
            payload["input"] = {"source": "image", "message": number, "of": len(texts), "length": len(text)}
            payloads.append(payload)
        click.echo(json.dumps(payloads, ensure_ascii=False, indent=2))
    else:
        style = click.style if _use_colour(sys.stdout) else (lambda s, **_: s)
        for number, (text, result) in enumerate(zip(texts, results), 1):
            heading = f"截图中的第 {number} 条短信（共 {len(texts)} 条）" if lang.startswith("zh") else f"Message {number} of {len(texts)} in the screenshot"
            click.echo(style(f"== {heading} ==", bold=True))
            click.echo(to_text(text, result, lang, style, detail=detail), nl=False)
    if fail_on and any(at_least(result.verdict, fail_on) for result in results):
        raise FailOn


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_command(fmt, lang) -> None:
    """列出全部规则 / list the rule catalogue: id, title, weight."""
    from ..stages.render import to_json
    from ..stages.result import SCHEMA_VERSION
    from ..stages.rules import catalogue

    rules = catalogue().rules
    if fmt == "json":
        items = [{"id": r.id, "title": r.title, "title_en": r.title_en, "weight": r.weight} for r in rules]
        click.echo(to_json({"schema_version": SCHEMA_VERSION, "rules": items}), nl=False)
        return
    width = max(len(r.id) for r in rules)
    for r in rules:
        click.echo(f"{r.id:<{width}}  {r.weight:+5.1f}  {r.title if lang == 'zh' else r.title_en}")


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址 / address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="端口 / port.")
def serve_command(host, port) -> None:
    """在本机打开检查网页 / serve the check as a local web page.

    Only this computer can open it, unless --host names another address: then any device on
    that network (a relative's phone on the home Wi-Fi) can, so use it only on a network you trust.
    """
    from ..web.server import is_loopback, make_server

    if not is_loopback(host):
        click.echo(
            f"警告：在 {host} 上提供服务，同一网络里的任何设备都能打开这个页面；只在你信任的家庭网络里这样做。\n"
            f"warning: serving on {host}: any device on that network can open this page; use a network you trust.",
            err=True,
        )
    try:
        server = make_server(host, port)
    except OSError as exc:
        raise InputProblem(f"无法在 {host}:{port} 提供服务 / cannot serve on {host}:{port}: {exc.strerror}") from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"在浏览器打开 / open http://{shown}:{server.server_address[1]}/  （按 Ctrl-C 停止 / Ctrl-C to stop）", err=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def _register_optional_commands() -> None:
    """batch, train and evaluate live in their own modules, imported only when used."""
    from .commands import batch_command, evaluate_command, train_command

    cli.add_command(batch_command)
    cli.add_command(train_command)
    cli.add_command(evaluate_command)


_register_optional_commands()


def main(argv: list[str] | None = None) -> None:
    """Console entry point (`checker`, `python -m checker`)."""
    cli.main(args=argv, prog_name="checker")
