"""python -m checker.bench: the speed and size figures of issue 4, measured side by side in one run.

Each comparison alternates its two sides (AB, BA, AB ...) and reports the median of the ratios of
runs made side by side, so that a machine whose speed drifts slows both sides alike. Texts: ../shared/eval/telecom_fraud_dev.jsonl when it is there (run from
the project root, or give --texts), otherwise the sample bundled in the package (our own messages).

    cold   `checker check TEXT` wall time      vs  python -c "import numpy"      target <= 3x
    warm   check() messages per second         vs  jieba.lcut on the same texts  target >= 0.5x
    batch  `checker batch --jobs 2` wall time  vs  --jobs 1                      target >= 1.6x
    memory peak RSS of one `checker check`                                       target <= 150 MB
    model  size of the shipped model files                                       target <= 5 MB
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources

EVAL = pathlib.Path("..") / "shared" / "eval" / "telecom_fraud_dev.jsonl"
EXAMPLE = "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户6222021234567890123，否则通知您的家人。"
TARGETS = {"cold": 3.0, "warm": 0.5, "batch": 1.6, "memory_mb": 150.0, "model_mb": 5.0}


def load_texts(path: pathlib.Path | None) -> tuple[list[str], str]:
    candidates = [path] if path else [EVAL, pathlib.Path(__file__).resolve().parents[2] / EVAL]
    for candidate in candidates:
        if candidate and candidate.exists():
            with candidate.open(encoding="utf-8") as handle:
                return [json.loads(line)["text"] for line in handle if line.strip()], str(candidate)
    raw = resources.files("checker").joinpath("data/bench_sample.jsonl").read_text(encoding="utf-8")
    return [json.loads(line)["text"] for line in raw.splitlines() if line.strip()], "bundled sample"


def _checker_command() -> list[str]:
    script = pathlib.Path(sys.executable).parent / "checker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def _wall(command: list[str], stdin: bytes = b"") -> float:
    start = time.perf_counter()
    subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _interleaved(a, b, repeats: int) -> tuple[float, float, float]:
    """Median time of a, of b, and median of the per-round ratios a / b.

    Rounds alternate the order (AB, BA, ...), and each ratio compares two runs made side by side,
    so a machine that speeds up or slows down during the benchmark moves both sides alike.
    """
    times_a, times_b, ratios = [], [], []
    for round_ in range(repeats):
        if round_ % 2:
            tb, ta = b(), a()
        else:
            ta, tb = a(), b()
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def cold(repeats: int) -> dict:
    command = [*_checker_command(), "check", EXAMPLE]
    _wall(command)  # the first run compiles bytecode: not what a user sees twice
    check_s, numpy_s, ratio = _interleaved(
        lambda: _wall(command), lambda: _wall([sys.executable, "-c", "import numpy"]), repeats
    )
    return {"checker_check_s": check_s, "import_numpy_s": numpy_s, "ratio": ratio}


def warm(texts: list[str], repeats: int) -> dict:
    import jieba

    from .. import check

    jieba.setLogLevel(60)
    jieba.lcut(texts[0])
    check(texts[0])

    def run_check():
        start = time.perf_counter()
        for text in texts:
            check(text)
        return time.perf_counter() - start

    def run_jieba():
        start = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        return time.perf_counter() - start

    jieba_s, check_s, ratio = _interleaved(run_jieba, run_check, repeats)
    return {
        "messages": len(texts),
        "check_per_s": len(texts) / check_s,
        "jieba_lcut_per_s": len(texts) / jieba_s,
        "ratio": ratio,
    }


def batch(texts: list[str], repeats: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "texts.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for text in texts:
                handle.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
        base = [*_checker_command(), "batch", str(path), "-o", os.devnull]
        one_s, two_s, speedup = _interleaved(
            lambda: _wall([*base, "--jobs", "1"]), lambda: _wall([*base, "--jobs", "2"]), repeats
        )
    return {"messages": len(texts), "jobs1_s": one_s, "jobs2_s": two_s, "speedup": speedup}


_PEAK = (
    "import os, subprocess, sys; p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(os.wait4(p.pid, 0)[2].ru_maxrss)"
)


def memory() -> dict:
    # Measured from a small helper process: a child forked from this (large) process would count
    # this process's pages as its own until it execs.
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *_checker_command(), "check", EXAMPLE], capture_output=True, text=True, check=True
    )
    return {"peak_rss_mb": int(done.stdout) / 1024}  # Linux reports kilobytes


def model_size() -> dict:
    from ..stages.model import DICT_FILE, MODEL_FILE, _model_files

    files = _model_files()
    size = sum(len(files.joinpath(name).read_bytes()) for name in (MODEL_FILE, DICT_FILE))
    return {"bytes": size, "mb": size / (1024 * 1024)}


def run(texts_path: pathlib.Path | None, repeats: int, warm_n: int, batch_n: int) -> dict:
    texts, source = load_texts(texts_path)
    warm_texts = (texts * (1 + warm_n // max(len(texts), 1)))[:warm_n]
    batch_texts = (texts * (1 + batch_n // max(len(texts), 1)))[:batch_n]
    # Subprocess measurements first, while this process is still small.
    report = {
        "texts": source,
        "repeats": repeats,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "cold": cold(repeats),
        "memory": memory(),
        "batch": batch(batch_texts, max(3, repeats // 2)),
        "model": model_size(),
    }
    report["warm"] = warm(warm_texts, repeats)
    return report


def to_text(report: dict) -> str:
    c, w, b, m, s = report["cold"], report["warm"], report["batch"], report["memory"], report["model"]
    rows = [
        ("cold check vs import numpy", f"{c['checker_check_s']:.3f} s vs {c['import_numpy_s']:.3f} s",
         f"{c['ratio']:.2f}x", f"<= {TARGETS['cold']}x", c["ratio"] <= TARGETS["cold"]),
        ("warm check() vs jieba.lcut", f"{w['check_per_s']:.0f}/s vs {w['jieba_lcut_per_s']:.0f}/s",
         f"{w['ratio']:.2f}x", f">= {TARGETS['warm']}x", w["ratio"] >= TARGETS["warm"]),
        ("batch --jobs 2 vs --jobs 1", f"{b['jobs2_s']:.2f} s vs {b['jobs1_s']:.2f} s ({b['messages']} msgs)",
         f"{b['speedup']:.2f}x", f">= {TARGETS['batch']}x", b["speedup"] >= TARGETS["batch"]),
        ("peak memory, one check", f"{m['peak_rss_mb']:.1f} MB", "", f"<= {TARGETS['memory_mb']:.0f} MB",
         m["peak_rss_mb"] <= TARGETS["memory_mb"]),
        ("shipped model size", f"{s['mb']:.2f} MB", "", f"<= {TARGETS['model_mb']:.0f} MB", s["mb"] <= TARGETS["model_mb"]),
    ]
    lines = [
        (f"texts: {report['texts']}; medians of {report['repeats']} alternating rounds; "
        f"Python {report['python']}, {report['cpus']} CPUs"),
        "",
        f"{'measure':30} {'figures':38} {'ratio':>7}  {'target':>10}  ok",
    ]
    for name, figures, ratio, target, ok in rows:
        lines.append(f"{name:30} {figures:38} {ratio:>7}  {target:>10}  {'yes' if ok else 'NO'}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=pathlib.Path, help="a JSONL file with a text field")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--warm-n", type=int, default=3000, help="messages for the warm comparison")
    # Large enough that starting the worker processes (about half a second) is not what is measured.
    parser.add_argument("--batch-n", type=int, default=20000, help="messages for the batch comparison")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = run(args.texts, args.repeats, args.warm_n, args.batch_n)
    print(json.dumps(report, indent=2) if args.json else to_text(report), end="" if not args.json else "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
