"""python -m checker.lab.grid: the core judgement probed head on, claims x requests x channels (issue 8, point 1).

Each probe is one short message: a claim (who it says it is), then one request through one channel ("…，请往6222…
转账。"). A request for money, a code or the screen through a channel that is not the claimed institution's must be
`high_risk`; a request to contact a bank, a platform, a court or a person through a private number, chat id or link
must at least be `suspicious` (DEVELOPERS.md: the core red flag, whatever the wording). The figure is the share of
probes below that verdict.

The requests have two halves, as the red team's paraphrase table has:
- `dev`: the wordings probed in round 57, whose misses were read and fixed (请往6222…转账, 转到支付宝139…,
  请提供银行卡密码 …): its rate is true by construction where it was fixed;
- `held_out`: other wordings of the same requests, written before the first run and never fixed for, so its rate
  says whether the readings generalise. Its misses are counted, never listed (the first run, round 57, listed them
  once; nothing was changed for them).
Round 58 adds two blind halves from data/grid_blind.json, written by three helpers who saw none of the project: 64
claims and 406 requests (the second 200 in call, chat, procedure and soft-ask registers), each text put in a half by
its SHA-256 (blind_dev: its claims with its requests, read and fixed; blind_held_out: the others with the others,
counted only). Round 59 added 139 screen and contact requests by a fourth helper, round 61 520 more by a fifth and a sixth
(300 in eight registers, 220 in eight others: traditional characters, homophones, Chinese mixed with English …). Both sides of a held-out probe are unseen, so its rate says whether the readings hold for claims and
wordings nobody here wrote. The halves are skipped where the file is absent (an installed package run outside the
project).
The cards are Luhn-valid, as real ones are; every text of the first two halves is ours.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pathlib
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache

# Who the message says it is; `contact`: whether a request to contact it through a private channel is an alarm.
# A courier's driver does call from his own mobile, so a courier's contact request is not judged.
CLAIMS: tuple[tuple[str, bool], ...] = (
    ("【工商银行】您的信用卡存在异常", True),
    ("【建设银行】您的账户存在风险", True),
    ("【支付宝】您的花呗账户异常", True),
    ("【京东金融】您的白条已逾期", True),
    ("【借呗】您的借款已逾期", True),
    ("【某市中级人民法院】您涉及一起民事纠纷", True),
    ("【某某区人民法院】您有一起诉讼案件", True),
    ("【12381】您的账户涉嫌洗钱", True),
    ("【某某律师事务所】受委托通知您欠款", True),
    ("【社保中心】您的社保卡需升级", True),
    ("您的医保卡即将停用", True),
    ("【ETC服务】您的ETC认证已失效", True),
    ("【顺丰速运】您的包裹丢失", False),
    ("您的快递丢失需理赔", False),
    ("我是你们王总", True),
    ("我是房东，我换了卡", True),
)

# The least verdict each kind of request must reach through the channels filled in below.
LEAST = {"pay": "high_risk", "credentials": "high_risk", "screen": "high_risk", "contact": "suspicious"}
# The blind claims whose contact request is not judged: a courier's (above), and a teacher's, who does ask parents to add her
# on WeChat or call her mobile (claims.py _PAYEE_ONLY: her claim counts only where money goes to her own code or pocket).
UNJUDGED_CONTACT = frozenset({"courier", "teacher"})

REQUESTS: dict[str, dict[str, tuple[str, ...]]] = {
    "dev": {
        "pay": (
            "请将欠款转至账户{card}", "请将钱款汇入{card}", "请往{card}转账", "请向户名王某的账户{card}缴纳",
            "请将{amount}转入{card}", "请汇款{amount}至{card}", "把{amount}打到卡号{card}上", "请存入{amount}到{card}",
            "请支付{amount}到账户{card}", "请于今日内转账至{card}", "先转{amount}到{card}户名李某", "请扫码支付{amount}",
            "请通过 {link} 缴纳{amount}", "请把钱转到微信{chat}", "请将{amount}转到支付宝{mobile}",
            "请把保证金转到安全账户{card}", "请扫描二维码付款后截图发{chat}", "你往{card}打{amount}",
        ),
        "credentials": (
            "请把收到的验证码发到{mobile}核实", "请将验证码回复至{mobile}", "请把验证码告诉客服{mobile}",
            "请将验证码短信转发到{mobile}", "把短信里的六位数字发给{mobile}", "请联系{mobile}并提供验证码",
            "请添加微信{chat}提供验证码", "请把银行卡号和密码发到{mobile}", "请告知收到的验证码", "请把收到的验证码发到{landline}核实",
            "请把短信验证码告诉工作人员", "请提供银行卡密码核实", "请在 {link} 输入卡号和验证码",
            "请将验证码截图发给{chat}", "请回复验证码至本号码", "打开{link}填写卡号",
        ),
        "screen": ("请下载{app}开启屏幕共享", "请打开会议软件共享屏幕"),
        "contact": (
            "请致电{mobile}处理", "请拨打{mobile}联系专员", "请回电{mobile}", "请添加专员微信{chat}处理",
            "请加QQ {qq} 办理", "请点击 {link} 处理", "请登录 {link} 认证",
        ),
    },
    "held_out": {
        "pay": (
            "请于两小时内将{amount}汇至{card}", "需先缴纳{amount}保证金到卡号{card}", "把{amount}转进{card}这个账户",
            "请通过手机银行向{card}转入{amount}", "烦请将{amount}打入{card}（户名张某）", "今日内把{amount}付到{card}",
            "请将{amount}充值到 {link} 完成处理", "请用微信扫描我发的收款码支付{amount}", "请将费用转至微信号{chat}",
            "请把{amount}转到支付宝账户{mobile}", "把{amount}存到{card}即可", "先交{amount}手续费，转到{card}",
        ),
        "credentials": (
            "请把刚收到的短信验证码念给我", "请将六位验证码发送至{mobile}", "请登录 {link} 填写银行卡号和密码",
            "请告诉客服您的动态码", "请把身份证号和银行卡号发到{chat}", "需要您提供一下支付密码",
        ),
        "screen": ("请下载{app}并打开共享屏幕", "请在会议App里开启屏幕共享配合操作"),
        "contact": (
            "请尽快联系专员{mobile}", "详询{mobile}", "回电请拨{mobile}", "请加微信号{chat}处理", "登录{link}查看详情",
            "请添加QQ号{qq}办理",
        ),
    },
}

FILLS = {
    "card": "6222021234567890128",
    "mobile": "13912345678",
    "landline": "(021)61234567",
    "chat": "kf_x2026",
    "qq": "3129460587",
    "link": "abc-xyz.top/k",
    "app": "云会议App",
    "amount": "5000元",
}


BLIND = pathlib.Path("data") / "grid_blind.json"  # under the project root
BLIND_HALVES = ("blind_dev", "blind_held_out")
# The halves whose misses are listed: the others are counted only.
LISTED = ("dev", "blind_dev")


def blind_half(text: str) -> str:
    """The blind half a claim or a request belongs to, by the first byte of its SHA-256 (as data/holdout splits)."""
    return BLIND_HALVES[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


@lru_cache(maxsize=4)
def _blind(root: pathlib.Path = pathlib.Path(".")) -> dict[str, tuple[tuple[tuple[str, bool], ...], dict[str, tuple[str, ...]]]]:
    """Per blind half: its claims (a courier's and a teacher's contact not judged, as above) and its requests by kind; {} without the file."""
    path = root / BLIND
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        half: (
            tuple((c["claim"], c["who"] not in UNJUDGED_CONTACT) for c in data["claims"] if blind_half(c["claim"]) == half),
            {kind: tuple(r for r in requests if blind_half(r) == half) for kind, requests in data["requests"].items()},
        )
        for half in BLIND_HALVES
    }


def halves(root: pathlib.Path = pathlib.Path(".")) -> tuple[str, ...]:
    """The halves probed: the hand-written two, and the blind two where their file is under `root`."""
    return (*REQUESTS, *_blind(root))


def probes(half: str, root: pathlib.Path = pathlib.Path(".")) -> Iterator[tuple[str, str]]:
    """(kind, text) of every probe of the half: each claim with each request, contact requests only where judged."""
    claims, requests_by_kind = (CLAIMS, REQUESTS[half]) if half in REQUESTS else _blind(root)[half]
    for (claim, contact), (kind, requests) in itertools.product(claims, requests_by_kind.items()):
        if kind == "contact" and not contact:
            continue
        for request in requests:
            yield kind, f"{claim}，{request.format(**FILLS)}。"


def probe(check: Callable, root: pathlib.Path = pathlib.Path(".")) -> dict[str, dict[str, list[int]]]:
    """Per half and kind: [probes below their least verdict, probes]."""
    return {half: {kind: [len(texts), total] for kind, (texts, total) in kinds.items()} for half, kinds in _below(check, root).items()}


def _below(check: Callable, root: pathlib.Path = pathlib.Path(".")) -> dict[str, dict[str, tuple[list[str], int]]]:
    """Per half and kind: (the texts below their least verdict, how many probes)."""
    from ..stages.verdict import ORDER

    out: dict[str, dict[str, tuple[list[str], int]]] = {}
    for half in halves(root):
        kinds: dict[str, tuple[list[str], int]] = {}
        for kind, text in probes(half, root):
            below, total = kinds.get(kind, ([], 0))
            if ORDER.index(check(text).verdict) < ORDER.index(LEAST[kind]):
                below.append(text)
            kinds[kind] = (below, total + 1)
        out[half] = kinds
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.grid", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root (its data/grid_blind.json)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from ..pipeline import check

    if args.json:
        print(json.dumps(probe(check, args.root), indent=2, ensure_ascii=False))
        return 0
    for half, kinds in _below(check, args.root).items():
        print(f"{half}:")
        for kind, (texts, total) in kinds.items():
            print(f"  {kind:12} {len(texts)} of {total} below {LEAST[kind]}")
            # The held-out halves are counted, never listed: their misses are not to be read and fixed one by one.
            for text in texts if half in LISTED else ():
                print(f"    {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
