"""The shared tokenizer: identical to jieba's own segmentation, and the mask keeps spans."""

import io
import json
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.stages import model as model_stage
from checker.stages import segment
from checker.stages.entities import extract
from checker.stages.normalize import normalize

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _plain_jieba():
    """A stock jieba.Tokenizer with the shipped dictionary: the reference for FastTokenizer."""
    model_stage.load()  # imports jieba as a check does, hiding pkg_resources only for that import
    import jieba

    tokenizer = jieba.Tokenizer()
    data = model_stage._model_files().joinpath(model_stage.DICT_FILE).read_bytes()
    tokenizer.FREQ, tokenizer.total = jieba.Tokenizer.gen_pfdict(io.BytesIO(data))
    tokenizer.initialized = True
    return tokenizer


FAST = model_stage.load().tokenizer
PLAIN = _plain_jieba()


def _masked(text):
    norm = normalize(text)
    return segment.mask(norm, extract(norm)).text


def test_same_tokens_as_jieba_on_every_corpus_message():
    for line in (ROOT / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        text = _masked(json.loads(line)["text"])
        assert FAST.lcut(text, HMM=False) == PLAIN.lcut(text, HMM=False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("律师费账户转账逾期花呗借呗微信法院立案冻结中国银行客服您的请 xurl123")), max_size=60))
def test_same_tokens_as_jieba_on_random_text(text):
    assert FAST.lcut(text, HMM=False) == PLAIN.lcut(text, HMM=False)


def test_masking_keeps_spans_in_the_paste():
    text = "请加微信abc12345或拨打13812345678，访问 http://t.cn/abc 转账5000元"
    masked = segment.mask(normalize(text), extract(normalize(text)))
    assert "xmobile" in masked.text and "xurl" in masked.text and "xmoney" in masked.text
    toks = segment.tokens(FAST, masked.text)
    assert len(toks.words) == len(toks.spans)
    for word, (start, end) in zip(toks.words, toks.spans):
        assert masked.text[start:end] == word
        pasted_start, pasted_end = masked.span(start, end)
        assert 0 <= pasted_start <= pasted_end <= len(text)


def _reference_tokens(tokenizer, text):
    """What segment.tokens must equal: jieba's own cut, offsets by running length, same filter."""
    words, spans, offset = [], [], 0
    for word in tokenizer.cut(text, HMM=False):
        end = offset + len(word)
        if word.isalnum() or segment._KEEP_TOKEN.search(word):
            words.append(word)
            spans.append((offset, end))
        offset = end
    return words, spans


def test_direct_walk_equals_jiebas_cut_on_the_corpus():
    for line in (ROOT / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        text = _masked(json.loads(line)["text"])
        assert tuple(segment.tokens(FAST, text)) == _reference_tokens(PLAIN, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*list("律师费账户转账逾期花呗微信法院 ab1Z9_.%+#&-，。！①ñ\n\r\t"), "xurl", "\r\n"]), max_size=50).map("".join))
def test_direct_walk_equals_jiebas_cut_on_random_text(text):
    assert tuple(segment.tokens(FAST, text)) == _reference_tokens(PLAIN, text)


UNIT_CASES = [
    ("一句话没有标点", 1),
    ("第一句。第二句！第三句？", 4),
    ("第一句；\n\n第二句", 3),
    ("。。只有标点的开头。正文", 3),
]


@pytest.mark.parametrize(("text", "count"), UNIT_CASES)
def test_units_are_the_whole_message_then_each_clause(text, count):
    toks = segment.tokens(FAST, text)
    units = segment.units(toks, text)
    assert len(units) == count
    assert (units[0].start, units[0].end, units[0].words) == (0, len(text), toks.words)
    for unit in units[1:]:
        assert unit.words and all(w in text[unit.start : unit.end] for w in unit.words)
        assert not any(ch in "。！？；\n" for ch in text[unit.start : unit.end])


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("积分兑换", ["#积分", "#分兑", "#兑换", "#积分兑", "#分兑换"]),
        ("a积分b", ["#积分"]),
        ("xurl 你好", ["#你好"]),
        ("", []),
    ],
)
def test_character_ngrams_of_chinese_runs(text, grams):
    assert segment.char_ngrams(text) == grams
