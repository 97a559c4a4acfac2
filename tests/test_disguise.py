"""Disguised text keeps its flags, with evidence pointing into the text as pasted."""

import json
import pathlib
import random

import pytest

from checker import check
from checker.lab.robustness import disguise

ROOT = pathlib.Path(__file__).resolve().parent.parent

PAIRS = [
    ("请将律师费转入指定账户，否则通知家人", "请将律 师 费转入指·定·账·户，否则通知家人"),
    ("请加微信abc12345处理借呗欠款", "请加V信 abc12345处理jb欠款"),
    ("请加微信abc12345处理借呗欠款", "请加薇信abc12345处理借呗欠款"),
    ("逾期欠款请致电13812345678处理", "逾期欠款请致电一三八一二三四五六七八处理"),
    ("逾期欠款请致电13812345678处理", "逾期欠款请致电壹叁捌壹贰叁肆伍陆柒捌处理"),
    ("逾期欠款请致电13812345678处理", "逾期欠款请致电１３８-１２３４-５６７８处理"),
    ("您的账户已冻结，需缴纳解冻费", "您的帳戶已凍結，需繳納解凍費"),
    ("请提供验证码给客服", "请提供验\u200b证\u200d码给客服"),
    ("您涉嫌洗钱，将被拘留", "您涉嫌洗錢，將被拘\ufeff留"),
    ("请下载腾讯会议并开启屏幕共享", "请下载腾讯会议并开启屏*幕*共*享"),
]


def red_flags(text):
    return {f.id for f in check(text).flags if f.weight > 0}


@pytest.mark.parametrize(("plain", "disguised"), PAIRS)
def test_disguised_text_raises_the_plain_flags(plain, disguised):
    assert red_flags(plain) <= red_flags(disguised)
    for flag in check(disguised).flags:
        for ev in flag.evidence:
            assert disguised[ev.start : ev.end] == ev.text


def test_disguise_itself_is_evidence_but_not_on_honest_text():
    assert "disguised_text" in red_flags("请加V信处理")
    for honest in ["我在香港，明天見。", "全场/特价，小店·新品上市", "请拨打１２３６８", "张 三 李 四 都到了"]:
        assert "disguised_text" not in red_flags(honest)


def _scams():
    rows = [json.loads(line) for line in (ROOT / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in rows if r["label"] == "scam"]


@pytest.mark.sweep
def test_generated_disguises_keep_nearly_every_red_flag():
    """The generator of `python -m checker.lab.robustness`, seeded, over every scam of our corpus."""
    rng = random.Random(3)
    scams = _scams()
    kept = sum(red_flags(text) <= red_flags(disguise(text, rng)) for text in scams)
    assert kept / len(scams) >= 0.99
