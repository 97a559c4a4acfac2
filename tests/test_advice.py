"""Advice names the right institution, and never repeats a number or link from the message."""

import re

import pytest

from checker import check
from checker.stages.entities import official_numbers

CASES = [
    ("【律师函】您的花呗已逾期，请加微信abc12345处理。", ["alipay", "law_firm"]),
    ("您在支付宝借条借给朋友的钱逾期未还，可以提醒对方还款。", ["alipay_iou"]),
    ("您的招商银行信用卡已逾期，请联系13912345678处理。", ["cmb"]),
    ("您的欠款纠纷已立案，传票将于三日内送达。", ["court"]),
    ("我是市公安局刑侦支队王警官，你涉嫌洗钱案件。", ["police"]),
    ("专业征信修复，逾期记录三天消除。", ["credit_bureau"]),
    ("您的京东白条已逾期，加客服QQ 12345678 处理。", ["jd"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_advice_for_the_institution_claimed(text, expected):
    ids = [a.id for a in check(text).advice]
    for inst in expected:
        assert inst in ids


def test_creditor_advice_comes_before_the_law_firm():
    ids = [a.id for a in check("【律师函】您的花呗已逾期，请加微信abc12345处理。").advice]
    assert ids.index("alipay") < ids.index("law_firm")


MESSAGES = [text for text, _ in CASES] + [
    "请拨打4008123456或13812345678，或访问 http://t.cn/abc 处理您的借呗欠款。",
    "您的工商银行卡被冻结，请拨打95588以外的专线02088886666。",
]


@pytest.mark.parametrize("text", MESSAGES)
def test_advice_only_prints_confirmed_numbers(text):
    confirmed = set(official_numbers())
    result = check(text)
    for item in result.advice:
        for words in (item.text, item.text_en):
            for number in re.findall(r"\d{3,}", words):
                assert number in confirmed, number
            assert "http" not in words and "t.cn" not in words


@pytest.mark.parametrize("text", MESSAGES)
def test_money_messages_always_carry_the_reminder(text):
    result = check(text)
    assert "核实" in result.reminder and "verify" in result.reminder_en.lower()


def test_everyday_message_has_no_reminder():
    result = check("周末一起去爬山吗？")
    assert result.reminder == "" and result.verdict == "low_risk"
