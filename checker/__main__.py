"""`checker` and `python -m checker`: one program, whose commonest call skips the command-line library.

`checker check TEXT` (one message as the only argument, text report, UTF-8 output) is answered here
without importing click, which is a sizeable share of a cold start. Everything else — options, other
commands, stdin, files, input that cannot be checked, any error — goes to the click application in
checker/cli, which answers with the same words and exit codes.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import unicodedata

# printable_problem (checker/cli/inputs.py) refuses a message made only of these; click handles those.
_UNREADABLE = frozenset(("Cc", "Cf", "Co", "Cs", "Cn"))
_ANSI_COLOURS = {"red": 31, "green": 32, "yellow": 33}
_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> None:
    """Console entry point: exits with the command's status."""
    args = sys.argv[1:] if argv is None else list(argv)
    if len(args) == 2 and args[0] == "check" and _plainly_text(args[1]) and _utf8(sys.stdout):
        status = _quick_check(args[1])
        if status is not None:
            if argv is None:
                _end_process(status)
            sys.exit(status)
    from .cli import main as click_main

    click_main(args)


def _end_process(status: int) -> None:
    """End a process started for this one message (the console script, python -m checker) without
    tearing down the ~10^5 objects of the rules and the model, ~15 ms of a ~120 ms cold check."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # the reader went away: nothing more to say
            stream.flush()
    os._exit(status)


def _plainly_text(argument: str) -> bool:
    """An argument that is a message, not an option, '-' (stdin) or something click must refuse."""
    if argument.startswith("-"):
        return False
    return any(not ch.isspace() and unicodedata.category(ch) not in _UNREADABLE for ch in argument)


def _utf8(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") == "utf8"


def ansi_style(text: str, fg: str | None = None, bold: bool | None = None) -> str:
    """click.style for the few styles the report uses (tests/test_cli.py compares the two)."""
    codes = [f"\x1b[{_ANSI_COLOURS[fg]}m"] if fg else []
    if bold is not None:
        codes.append(f"\x1b[{1 if bold else 22}m")
    return "".join(codes) + text + "\x1b[0m"


def _colour(stream: object) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _quick_check(text: str) -> int | None:
    """Check and print like `checker check TEXT`; None hands the call to the click application."""
    # Loading the rules and the model makes ~10^5 objects and none of them garbage: the collector's
    # passes over them were ~12 ms of a ~180 ms cold check. The process ends after one message.
    gc.disable()
    from .pipeline import check
    from .stages.render import to_text

    try:
        result = check(text)
        report = to_text(text, result, "zh", ansi_style if _colour(sys.stdout) else (lambda s, **_: s))
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return _INTERRUPTED
    except Exception:
        return None
    try:
        sys.stdout.write(report)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as the click application does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    main()
