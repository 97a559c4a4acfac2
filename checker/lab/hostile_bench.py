"""python -m checker.lab.hostile_bench: check() on pathological pastes, timed at several lengths.

Each family is a short unit repeated to the wanted length (issue 10: digit runs, repeated fee
words, phones with case numbers, homophone hits, links, amounts, emoji ...). Every measurement
runs in a fresh process, so that its peak memory (ru_maxrss) is its own, and is killed at the
time limit. Wall time is the target's measure; CPU time is shown beside it because a busy machine
inflates wall time and not CPU time. Figures are printed, never asserted here: tests/test_hostile.py asserts the growth
ratio, which does not depend on the machine.

    python -m checker.lab.hostile_bench                    # 100,000 and 1,000,000 characters
    python -m checker.lab.hostile_bench --lengths 10000 40000 --family digits
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

# Issue 10's targets.
TARGET_SECONDS = {100_000: 1.5, 1_000_000: 10.0}
TARGET_PEAK_MB = {1_000_000: 200.0}

# name -> the unit repeated to length n. Kept here, imported by tests/test_hostile.py.
FAMILIES: dict[str, str] = {
    "digits": "1234567890",
    "fullwidth_digits": "１２３４５６７８９０",
    "chinese_numerals": "一二三四五六七八九零",
    "fee_words": "律师费",
    "fee_demand": "缴纳律师费",
    "service_number_case": "95588案号abc ",
    "mobile_case": "13812345678 案号:abc ",
    "homophones": "加V信付律*师*费",
    "homophone_only": "V信",
    "links": "http://a.cn/x ",
    "short_links": "t.cn/A6abcd ",
    "amounts": "100元",
    "emoji": "😀",
    "emoji_inside_words": "律😀师😀费😀",
    "invisible_inside_words": "律\u200b师\u200b费\u200b",
    "invisible_only": "\u200b",
    "punctuation_spelled": "律、师、费、",
    "ligatures": "ﬁ",
    "deadlines": "今日内2小时内",
    "cards": "卡号6222021234567890123 ",
    "court_names": "北京市朝阳区人民法院",
    "sender_tags": "【工商银行】",
    # A link spoken (normalize step 5b): labels that never reach a top-level domain, a verb of opening before each.
    "spoken_link_labels": "a点",
    "spoken_link_after_a_verb": "请点a点",
    # Requests, threats and quotations retold in one endless sentence (round 46): each place was read against the whole
    # sentence, or against every quotation of the paste, so these took quadratic time (100,000 characters: 2.6-28.7 s).
    "retold_request": "骗子说请转账，",
    "retold_link_task": "您的账户已冻结，骗子说请点击链接缴费，",
    "retold_threat": "骗子说你涉嫌洗钱，",
    "retold_download": "骗子说下载app，",
    "quoted_request": "“请转账”，",
    "scenario_warning": "如果有人让你转账就是诈骗，",
    "ordinary_scam": "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户6222021234567890123，否则通知您的家人。",
}

_MEASURE = """
import json, resource, sys, time
from checker import check
check("热身：您的借呗已逾期，请加微信abc12345处理。")
unit, n = sys.argv[1], int(sys.argv[2])
text = (unit * (n // len(unit) + 1))[:n]
start, cpu = time.perf_counter(), time.process_time()
result = check(text)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_mb, "flags": len(result.flags)}))
"""


def measure(unit: str, n: int, timeout: float) -> dict:
    """One check() of `unit` repeated to n characters, in a fresh process."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, unit, str(n)], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mb": None, "error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {"seconds": None, "peak_mb": None, "error": done.stderr.strip().splitlines()[-1]}
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.hostile_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="default: every family")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before one measurement is abandoned")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = {}
    for name in args.family or FAMILIES:
        report[name] = {n: measure(FAMILIES[name], n, args.timeout) for n in args.lengths}
        if not args.json:
            cells = []
            for n, m in report[name].items():
                if m["seconds"] is None:
                    cells.append(f"{n:>9,}: {m['error']:>22}")
                    continue
                target = TARGET_SECONDS.get(n)
                ok = "" if target is None else (" ok" if m["seconds"] < target else " SLOW")
                cells.append(f"{n:>9,}: {m['seconds']:6.2f} s{ok:5} (cpu {m['cpu_seconds']:6.2f} s) {m['peak_mb']:4.0f} MB")
            print(f"{name:22} " + "  ".join(cells), flush=True)
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
