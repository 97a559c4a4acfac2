"""The shared segmentation: jieba's own, word for word, without jieba; the mask keeps spans."""

import functools
import io
import json
import pathlib
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.stages import model as model_stage
from checker.stages import segment
from checker.stages.entities import extract
from checker.stages.normalize import normalize

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DICTIONARY = (ROOT / "models" / model_stage.DICT_FILE).read_bytes()
OURS = model_stage.load().tokenizer  # read from the flat model, as a check reads it


@functools.cache
def _plain_jieba():
    """A stock jieba.Tokenizer with the shipped dictionary: the reference for our Segmenter."""
    jieba = pytest.importorskip("jieba", reason="the reference segmentation is jieba's own")
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = jieba.Tokenizer.gen_pfdict(io.BytesIO(DICTIONARY))
    tokenizer.initialized = True
    return tokenizer


@pytest.fixture(scope="module")
def plain():
    return _plain_jieba()


def _masked(text):
    norm = normalize(text)
    return segment.mask(norm, extract(norm)).text


def _corpus_texts():
    return [json.loads(line)["text"] for line in (ROOT / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_prefix_dictionary_is_jiebas(plain):
    freq, total = segment.prefix_dictionary(DICTIONARY)
    assert (freq, total) == (plain.FREQ, plain.total)
    assert list(freq) == list(plain.FREQ)


def test_the_flat_models_segmenter_is_the_dictionarys():
    built = segment.load_tokenizer(DICTIONARY)
    assert (OURS.words, OURS.unknown) == (built.words, built.unknown)


# Sizes around the block of SortedWords: none, one, a block less one, a block, a block and one.
SORTED_SIZES = [0, 1, segment.BLOCK_WORDS - 1, segment.BLOCK_WORDS, segment.BLOCK_WORDS + 1, 3 * segment.BLOCK_WORDS + 5]


@pytest.mark.parametrize("size", SORTED_SIZES)
def test_sorted_words_find_every_word_at_its_place_and_nothing_else(size):
    words = sorted({f"律{k:04d}" if k % 3 else f"w{k}" for k in range(size)})
    store = segment.SortedWords(*_stored(words), len(words))
    assert list(store) == words and len(store) == len(words)
    assert [store.find(w) for w in words] == list(range(len(words))) == [store.index(w) for w in words]
    assert [store[k] for k in range(len(words))] == words and store[::2] == words[::2]
    if words:
        assert store[-1] == words[-1]
        # Neighbours joined by a break would match the blob's bytes: never a word.
        absent = ["", "\n", words[0] + "\n" + words[-1], words[0][:-1], words[-1] + "x", "\uffff", "\ud800", words[0] + "\udfff", " " + words[0]]
    else:
        absent = ["", "a", "\n"]
    assert [store.find(w) for w in absent] == [None] * len(absent)
    assert not any(w in store for w in absent)


def _packed(words):
    blob, marks = segment.SortedWords.pack(words)
    return blob, array("i", marks)


def _stored(words, blob_and_marks=None):
    """SortedWords' arguments for `words` packed as a file holds them, between other sections."""
    blob, marks = blob_and_marks or _packed(words)
    return b"\n\x00before" + blob + b"after\n", 8, len(blob), marks


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda blob, marks: (blob[:-1], marks), ["a", "b"]),
        (lambda blob, marks: (blob, marks[:-1]), ["a", "b"]),
        (lambda blob, marks: (blob, array("i", [marks[0] + 1, *marks[1:]])), [f"w{k:03d}" for k in range(100)]),
        (lambda blob, marks: (blob.replace(b"w099\n", b"w099\nw0999\n"), array("i", [*marks[:-1], marks[-1] + 6])),
         [f"w{k:03d}" for k in range(100)]),
    ],
    ids=["no final break", "a mark missing", "a mark off its break", "a word more in the last block"],
)
def test_sorted_words_refuse_marks_that_disagree_with_the_blob(damage, words):
    with pytest.raises(ValueError):
        segment.SortedWords(*_stored(words, damage(*_packed(words))), len(words))


@pytest.mark.parametrize("words", [["b", "a"], ["a", "a"], ["a", ""], ["a", "b\nc"]], ids=["unsorted", "repeated", "empty", "line break"])
def test_sorted_words_pack_only_sorted_distinct_single_line_words(words):
    with pytest.raises(ValueError):
        segment.SortedWords.pack(words)


def test_the_segmenter_answers_alike_from_the_files_bytes_and_from_its_dictionary():
    """A fresh read of the flat model looks words up in the file's bytes: the same scores, None and
    absences as the dictionary built from the word list, for every word, prefix and a non-word."""
    fresh = model_stage.parse_flat(model_stage._read_verified(model_stage.FLAT_FILE, model_stage._pins()["derived"])).tokenizer
    lazy = fresh.lookup()
    table = segment.load_tokenizer(DICTIONARY).words
    pieces = [*table, "不是词的一串字", "x\ny", ""]
    assert [lazy(p, "absent") for p in pieces] == [table.get(p, "absent") for p in pieces]


@pytest.mark.parametrize(
    "dictionary", [b"", b"word\n", b"word x\n", b"word -1\n"], ids=["empty", "no count", "bad count", "negative total"]
)
def test_a_bad_dictionary_is_refused(dictionary):
    with pytest.raises(ValueError):
        segment.load_tokenizer(dictionary)


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


def test_same_tokens_as_jieba_on_every_corpus_message(plain):
    for text in _corpus_texts():
        masked = _masked(text)
        assert tuple(segment.tokens(OURS, masked)) == _reference_tokens(plain, masked)


def test_same_tokens_as_jieba_on_every_evaluation_message(plain):
    """The evaluation texts only as input to an equality: no figure is read from them or tuned on them."""
    files = sorted(EVAL.glob("*.jsonl")) if EVAL.is_dir() else []
    if not files:
        pytest.skip("../shared/eval is absent")
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str) and text.strip():
                masked = _masked(text)
                assert tuple(segment.tokens(OURS, masked)) == _reference_tokens(plain, masked), path.name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("律师费账户转账逾期花呗借呗微信法院立案冻结中国银行客服您的请 xurl123")), max_size=60))
def test_same_tokens_as_jieba_on_random_words(text):
    assert tuple(segment.tokens(OURS, text)) == _reference_tokens(_plain_jieba(), text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*list("律师费账户转账逾期花呗微信法院 ab1Z9_.%+#&-，。！①ñ\n\r\t"), "xurl", "\r\n"]), max_size=50).map("".join))
def test_same_tokens_as_jieba_on_random_text(text):
    assert tuple(segment.tokens(OURS, text)) == _reference_tokens(_plain_jieba(), text)


def _looked_up(units, index):
    return [(u.start, u.end, [index(w) for w in u.words], [index(f) for f in u.features]) for u in units]


@pytest.mark.sweep
def test_indexed_units_are_the_units_looked_up_on_every_corpus_message():
    lookup = model_stage.load().vocabulary.get
    for text in _corpus_texts():
        masked = _masked(text)
        toks = segment.tokens(OURS, masked)
        assert [tuple(u) for u in segment.indexed_units(toks, masked, lookup)] == _looked_up(segment.units(toks, masked), lookup)


def _kept_unit_by_hand(toks, text, index, kept):
    """kept_unit() as it first read (issue 12): every term of the kept words and stretches looked up anew."""
    chosen = [k for k, (s, _) in enumerate(toks.spans) if kept[s]]
    if not chosen or len(chosen) == len(toks.words):
        return None
    names = [toks.words[k] for k in chosen]
    words = list(map(index, names))
    grams = []
    for m in segment._CJK_RUN.finditer(text):
        stretch = ""
        for at in range(m.start(), m.end() + 1):
            if at < m.end() and kept[at]:
                stretch += text[at]
                continue
            grams += [index(segment.CHAR_MARK + stretch[i : i + 2]) for i in range(len(stretch) - 1)]
            stretch = ""
    return (toks.spans[chosen[0]][0], toks.spans[chosen[-1]][1], words, words + grams)


def test_speed14_fast_readings_are_the_readings_looked_up_anew():
    """kept_unit() and tail_unit() take the whole message's tokens and lookups where they can (issue 12):
    each equals its reading cut and looked up anew, for every start of a tail and masks of every shape."""
    lookup = model_stage.load().vocabulary.get
    texts = [*_corpus_texts()[::40], "您好 请 转账xmoney到xcard", "同学你好，借呗逾期 请加微信", "a b", "。 。"]
    for n, text in enumerate(texts):
        masked = _masked(text)[:4000]
        toks = segment.tokens(OURS, masked)
        looked = segment.lookups(toks, masked, lookup)
        for start in range(1, min(len(masked), 24)):
            alone = segment.tail_unit(OURS, masked, start, lookup)
            assert segment.tail_unit(OURS, masked, start, lookup, toks, looked) == alone, (n, start)
        for shape in range(6):
            kept = bytes(int((i // (shape + 1) + n) % 3 != 0) for i in range(len(masked)))
            if shape == 5:
                kept = bytes(int(not 5 <= i < 17) for i in range(len(masked)))
            fast = segment.kept_unit(toks, kept, looked)
            assert (fast if fast is None else tuple(fast)) == _kept_unit_by_hand(toks, masked, lookup, kept), (n, shape)


def test_masking_keeps_spans_in_the_paste():
    text = "请加微信abc12345或拨打13812345678，访问 http://t.cn/abc 转账5000元"
    masked = segment.mask(normalize(text), extract(normalize(text)))
    assert "xmobile" in masked.text and "xurl" in masked.text and "xmoney" in masked.text
    toks = segment.tokens(OURS, masked.text)
    assert len(toks.words) == len(toks.spans)
    for word, (start, end) in zip(toks.words, toks.spans):
        assert masked.text[start:end] == word
        pasted_start, pasted_end = masked.span(start, end)
        assert 0 <= pasted_start <= pasted_end <= len(text)


UNIT_CASES = [
    # (text, clauses, tails): the whole message, each clause when there are two or more, then the message
    # from after each mark of a leading run of Chinese characters and marks (segment.tail_starts).
    ("一句话没有标点", 0, 0),
    ("第一句。第二句！第三句？", 3, 2),
    ("第一句；\n\n第二句", 2, 1),
    ("。。只有标点的开头。正文", 2, 1),
    ("您好，您的快递到了 xurl", 0, 1),
    ("您的快递到了 xurl 请查收。谢谢", 2, 0),
]


@pytest.mark.parametrize(("text", "clauses", "tails"), UNIT_CASES)
def test_units_are_the_whole_message_then_each_clause_then_each_tail(text, clauses, tails):
    toks = segment.tokens(OURS, text)
    units = segment.units(toks, text)
    assert len(units) == 1 + clauses + tails
    assert (units[0].start, units[0].end, units[0].words) == (0, len(text), toks.words)
    for unit in units[1 : 1 + clauses]:
        assert unit.words and all(w in text[unit.start : unit.end] for w in unit.words)
        assert not any(ch in "。！？；\n" for ch in text[unit.start : unit.end])
    for unit in units[1 + clauses :]:
        assert unit.end == len(text) and unit.start > 0 and text[unit.start - 1] in "，。！？；\n"
        assert unit.words == segment.tokens(OURS, text[unit.start :]).words


def test_a_prefix_ended_by_a_mark_leaves_the_message_it_precedes_a_unit():
    """Issue 8: the words a prefix is put in front of are scored as they were without it."""
    text = "提额至 xnum 点 xurl 详情请以页面为准"
    for prefix in ["您好，", "不收任何费用！", "冒昧打扰，请见谅。", "感谢您一直以来的支持～"]:
        units = segment.units(segment.tokens(OURS, prefix + text), prefix + text)
        assert any(u.features == segment.units(segment.tokens(OURS, text), text)[0].features for u in units), prefix


def test_no_tail_after_a_channel_or_beyond_the_prefix_reach():
    assert segment.tail_starts("点 xurl ，您好") == []
    assert segment.tail_starts("一" * 40 + "，正文") == []


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("积分兑换", ["#积分", "#分兑", "#兑换"]),  # 2-grams only (no 3-grams: segment.py, issue 12)
        ("积分，兑换", ["#积分", "#兑换"]),
        ("a积分b", ["#积分"]),
        ("xurl 你好", ["#你好"]),
        ("", []),
    ],
)
def test_character_ngrams_of_chinese_runs(text, grams):
    assert segment.char_ngrams(text) == grams


def test_a_word_character_covers_every_chinese_character_it_replaces():
    assert all(segment._KEEP_TOKEN.match(chr(c)) for c in range(0x4E00, 0xA000))


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("短信 10:21 您好 宝贝 急用钱 先转我83000 明天还", "您好宝贝急用钱先转我"),
        ("95588 【催收通知】您的信用卡已逾期", "【催收通知】您的信用卡已逾期"),
        ("106575170001：妈，手机坏了", "妈,手机坏了"),
    ],
)
def test_the_model_reads_the_message_from_after_a_paste_header_too(text, rest):
    """Issue 8: a sender's number, a date or a time carried into the paste (normalize._paste_header_end) cannot
    change the score of the message it stands above: the message from after it is a unit."""
    norm = normalize(text)
    masked = segment.mask(norm, extract(norm))
    assert any(masked.text[i:].startswith(rest) for i in segment.gap_tail_starts(masked))


def test_no_paste_header_in_a_word_that_only_begins_like_one():
    for text in ["信息提醒：您的快递已到", "短信验证码：123456", "【工商银行】您的账户"]:
        norm = normalize(text)
        assert segment.gap_tail_starts(segment.mask(norm, extract(norm))) == [], text
