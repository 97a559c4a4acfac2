"""Property tests: check() never raises on any string, spans point into it, normalisation is stable."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import InputError, check
from checker.stages.normalize import normalize, normalize_text

# Text that looks like these messages: Chinese, digits, separators, invisible and full-width forms.
ALPHABET = st.sampled_from(
    list("律师费账户转账逾期花呗借呗微信法院立案冻结验证码个人指定安全上门家人一二三四五六七八九零壹贰叁元号（）【】，。！")
    + list(string.ascii_letters + string.digits + " -*_.:/\n\t")
    + ["\u200b", "\u200d", "\ufeff", "\u3000", "①", "１", "Ａ", "師", "費", "賬", "V信", "http://t.cn/", "138", "6222"]
)
MESSAGE_LIKE = st.lists(ALPHABET, max_size=80).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_spans_point_into(text, result):
    for flag in result.flags:
        for ev in flag.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text
    for cue in result.model_cues:
        for ev in cue.evidence:
            assert text[ev.start : ev.end] == ev.text


@SETTINGS
@given(st.text(max_size=200))
def test_check_never_raises_on_any_string(text):
    try:
        result = check(text)
    except InputError:
        assert not text.strip()
        return
    assert result.verdict in ("low_risk", "suspicious", "high_risk")
    assert 0.0 <= result.score <= 1.0
    _assert_spans_point_into(text, result)


@SETTINGS
@given(MESSAGE_LIKE)
def test_spans_point_into_message_like_text(text):
    if not text.strip():
        return
    _assert_spans_point_into(text, check(text))


@SETTINGS
@given(st.one_of(st.text(max_size=200), MESSAGE_LIKE))
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@SETTINGS
@given(st.one_of(st.text(max_size=200), MESSAGE_LIKE))
def test_every_normalised_character_maps_into_the_paste(text):
    norm = normalize(text)
    for i in range(len(norm.text)):
        start, end = norm.span(i, i + 1)
        assert 0 <= start < end <= len(text)


def test_a_one_megabyte_paste_is_answered():
    text = ("您的借呗已逾期，请加微信abc12345处理，否则上门。" * 40000)[:1_000_000]
    result = check(text)
    assert result.verdict == "high_risk"
