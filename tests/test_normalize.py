"""Normalisation undoes disguise and keeps every character mapped back to the pasted text."""

import pytest

from checker.stages.normalize import normalize, normalize_text

CASES = [
    # (pasted, normalised)
    ("律 师 费", "律师费"),
    ("律*师*费", "律师费"),
    ("律\u200b师\u200d函", "律师函"),
    ("律師費 凍結 帳戶", "律师费冻结帐户"),
    ("请加V信", "请加微信"),
    ("加vx：abc123", "加微信:abc123"),
    ("加 薇信 聊", "加微信聊"),
    ("zfb转账", "支付宝转账"),
    ("ＡＢＣ１２３", "abc123"),
    ("①②③", "123"),
    ("电话一三八一二三四五六七八", "电话13812345678"),
    ("壹叁捌壹贰叁肆伍陆柒捌", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("6222 0212 3456 7890 123", "6222021234567890123"),
    ("2024-12-01 14:00", "2024-12-01 14:00"),
    ("pay now", "pay now"),
    ("看 t.cn/AhbX", "看t.cn/ahbx"),
    ("我们一二三个人", "我们一二三个人"),
]


@pytest.mark.parametrize(("pasted", "expected"), CASES)
def test_normalised_form(pasted, expected):
    assert normalize_text(pasted) == expected


@pytest.mark.parametrize(("pasted", "_"), CASES)
def test_normalisation_is_idempotent(pasted, _):
    once = normalize_text(pasted)
    assert normalize_text(once) == once


@pytest.mark.parametrize(("pasted", "_"), CASES)
def test_every_character_maps_into_the_paste(pasted, _):
    norm = normalize(pasted)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        start, end = norm.span(i, i + 1)
        assert 0 <= start < end <= len(pasted)


def test_a_keyword_span_quotes_the_disguised_original():
    pasted = "请付 律 師 費５０００元"
    norm = normalize(pasted)
    i = norm.text.index("律师费")
    start, end = norm.span(i, i + 3)
    assert pasted[start:end] == "律 師 費"


def test_empty_text():
    norm = normalize("")
    assert norm.text == "" and norm.span(0, 0) == (0, 0)


def test_the_fast_path_agrees_with_the_per_character_reference():
    from checker.stages.normalize import _PLAIN, _char_pass, _char_pass_each

    plain = [chr(c) for c in range(0x110000) if _PLAIN.fullmatch(chr(c)) and not 0xD800 <= c <= 0xDFFF]
    assert len(plain) > 20000
    for ch in plain:
        sample = f"a{ch}b"
        assert _char_pass(sample, [])[0] == _char_pass_each(sample, [])[0], hex(ord(ch))
