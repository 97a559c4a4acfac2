"""The one function that turns a message into model features, shared by training and checking.

normalised text -> entities masked by ASCII placeholders -> jieba's segmentation (HMM off) over
the shipped dictionary -> words, and character 2-grams of each run of Chinese characters (robust
where the segmentation splits differently, e.g. text without punctuation) -> scored over
the whole message and over each clause (units), so that padding around a scam sentence cannot
dilute it.

No word pairs and no character 3-grams: on our corpus neither added anything, with folds grouped by
message or by taxonomy type (without pairs, the scams of types a model never saw were recalled a
little more often), and each was about a third of the terms a check looks up (issue 12; python -m
checker.lab.ablation with-pairs, with-char3).

Why our own Segmenter rather than jieba itself: importing jieba and building its prefix dictionary
from the shipped word list took about a third of a cold check, and its shared tokenizer loads a
349,046-word dictionary, writes a cache file in the temp directory and logs to stderr. We ship a
compact dictionary (models/jieba_dict.txt: jieba's own entries that occur in our corpus, its most
frequent words, and our user dictionary, with jieba's total frequency kept, so a corpus text splits
exactly as with the full dictionary), turned into a flat prefix dictionary once, when the model is
exported (model.py). The Segmenter is jieba's own algorithm — every prefix of every word in one
dictionary, the route of highest log-probability through the words found at each position, single
letters and digits joined — and tests/test_segment.py checks it against jieba word for word on every
corpus message and on random text.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from .entities import Entity
from .normalize import Normalized, glued_greeting_end, replace_spans
from .patterns import precompiled
from .records import NamedTuple  # typing's, without evaluating the annotations

# Placeholders survive jieba as single ASCII tokens (reliability.md).
PLACEHOLDERS = {
    "link": " xurl ",
    "bank_card": " xcard ",
    "id_number": " xidno ",
    "amount": " xmoney ",
    "case_number": " xcaseno ",
    "chat_handle": " xhandle ",
    "lawyer_licence": " xlicence ",
    "credit_code": " xcreditcode ",
}
PHONE_PLACEHOLDERS = {
    "mobile": " xmobile ",
    "landline": " xlandline ",
    "service": " xservice ",
    "overseas": " xoverseas ",
}
PLACEHOLDER_TOKENS = frozenset(p.strip() for p in [*PLACEHOLDERS.values(), *PHONE_PLACEHOLDERS.values(), "xnum"])
_OTHER_NUMBER = precompiled(r"\d+(?:\.\d+)?")
# A word worth keeping has a letter, a digit, "_" or a Chinese character; \w covers all of
# U+4E00-U+9FFF (tests/test_segment.py), and compiles without a class of 21,000 characters.
_KEEP_TOKEN = precompiled(r"\w")
_MAX_MODEL_CHARS = 4000  # SMS are short; a long paste is judged on its beginning.


class Tokens(NamedTuple):
    """The words of a masked text and, in parallel, their (start, end) offsets in it."""

    words: list[str]
    spans: list[tuple[int, int]]


def _placeholder(entity: Entity) -> str | None:
    if entity.kind == "phone":
        return PHONE_PLACEHOLDERS.get(entity.details.get("type", ""))
    return PLACEHOLDERS.get(entity.kind)


def mask(norm: Normalized, entities: tuple[Entity, ...]) -> Normalized:
    """Replace entities, then any other number, by placeholders; the result still maps to the paste.

    Only the beginning the model reads is masked: a million-character paste would otherwise cost
    hundreds of MB of edits that tokens() then throws away.
    """
    if len(norm.text) > _MAX_MODEL_CHARS:
        cut = _MAX_MODEL_CHARS
        norm = norm.prefix(cut)
        entities = tuple(e for e in entities if e.norm_end <= cut)
    edits: list[tuple[int, int, str]] = []
    last_end = -1
    for entity in sorted(entities, key=lambda e: (e.norm_start, -e.norm_end)):
        placeholder = _placeholder(entity)
        if placeholder is None or entity.norm_start < last_end:
            continue
        edits.append((entity.norm_start, entity.norm_end, placeholder))
        last_end = entity.norm_end
    masked = replace_spans(norm, edits)
    numbers = [(m.start(), m.end(), " xnum ") for m in _OTHER_NUMBER.finditer(masked.text)]
    return replace_spans(masked, numbers) if numbers else masked


def prefix_dictionary(dictionary: bytes) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary of a word list in its text format ("word freq [tag]" a line):
    every word with its frequency, every prefix of a word that is not a word itself with 0, and the
    total frequency (jieba.Tokenizer.gen_pfdict, whose reading of a line this follows)."""
    freq: dict[str, int] = {}
    total = 0
    lines = dictionary.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the break that ends the last line does not begin another (as a file reads)
    for number, line in enumerate(lines, 1):
        try:
            word, count = line.strip().decode("utf-8").split(" ")[:2]
            value = int(count)
        except ValueError:
            raise ValueError(f"invalid dictionary entry at line {number}") from None
        freq[word] = value
        total += value
        for end in range(1, len(word) + 1):
            freq.setdefault(word[:end], 0)
    return freq, total


# A SortedWords block: one word in this many is kept as a Python object, the others stay bytes.
BLOCK_WORDS = 64
# Messages whose words are looked up in the flat file's bytes before a dictionary is built: a single
# check makes a few hundred lookups, far cheaper than the dictionary of every word.
LAZY_MESSAGES = 16


def list_index(index: int, length: int) -> int:
    """`index` as a list reads it: from the end when negative; IndexError outside the list."""
    if index < 0:
        index += length
    if not 0 <= index < length:
        raise IndexError(index)
    return index


class SortedWords(Sequence[str]):
    """Distinct words in sorted order, read where they lie in the model file without a Python string
    for each: decoding and splitting 134,000 terms was a quarter of a cold check's model load.

    The words are `size` bytes of `data` from `base`: their UTF-8 with a line break before, between
    and after them (pack()). `marks[j]` is the offset (from `base`) of the break before word
    j * BLOCK_WORDS, and the last mark that of the final break. A word is found by bisecting the
    first words of the blocks (UTF-8 sorts as code points do), then searching its block's bytes for
    the word between two breaks; its position is the number of breaks before it.
    """

    __slots__ = ("_base", "_count", "_data", "_firsts", "_list", "_marks", "_size")

    def __init__(self, data: bytes, base: int, size: int, marks: Sequence[int], count: int) -> None:
        # Checked as far as it costs little (the file's checksum is what vouches for the rest):
        # every mark at a break, marks and first words in order, the last block as long as it must be.
        blocks = -(-count // BLOCK_WORDS)
        end = base + size - 1
        if len(marks) != blocks + 1 or marks[-1] != size - 1 or not 0 <= base <= end < len(data) or data[end] != 0x0A:
            raise ValueError("the sorted words and their block marks disagree")
        if blocks and data.count(b"\n", base + marks[-2], end) != count - (blocks - 1) * BLOCK_WORDS:
            raise ValueError("the last block of sorted words has a wrong number of words")
        find = data.index
        starts = [base + mark for mark in itertools.islice(marks, blocks)]
        firsts = [data[start + 1 : find(b"\n", start + 1)] for start in starts]
        if any(data[start] != 0x0A for start in starts) or any(a >= b for a, b in itertools.pairwise(firsts)):
            raise ValueError("a block mark is not where a block of sorted words begins")
        self._data, self._base, self._size, self._marks, self._count, self._firsts = data, base, size, marks, count, firsts
        self._list: list[str] | None = None

    def materialize(self) -> None:
        """Keep every word as a string from now on: many messages read words by index (model cues)."""
        if self._list is None:
            self._list = list(self)

    @classmethod
    def pack(cls, words: Sequence[str]) -> tuple[bytes, list[int]]:
        """The blob and marks of `words` (sorted, distinct, without line breaks), as a file stores them."""
        if any("\n" in word or not word for word in words):
            raise ValueError("a word is empty or contains a line break")
        if any(first >= second for first, second in itertools.pairwise(words)):
            raise ValueError("the words are not sorted and distinct")
        blob = ("\n" + "".join(word + "\n" for word in words)).encode("utf-8")
        marks, at = [], 0
        for k, word in enumerate(words):
            if k % BLOCK_WORDS == 0:
                marks.append(at)
            at += len(word.encode("utf-8")) + 1
        return blob, [*marks, at]

    def find(self, word: str) -> int | None:
        """The position of `word`, or None when it is not one of the words."""
        if "\n" in word:
            return None  # it would match two neighbouring words and the break between them
        # A lone surrogate encodes to bytes no valid UTF-8 has, in code-point order: found nowhere.
        key = word.encode("utf-8", "surrogatepass")
        j = bisect_right(self._firsts, key) - 1
        if j < 0:
            return None
        start = self._base + self._marks[j]
        at = self._data.find(b"\n" + key + b"\n", start, self._base + self._marks[j + 1] + 1)
        return None if at < 0 else j * BLOCK_WORDS + self._data.count(b"\n", start, at)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if self._list is not None:
            return self._list[index]
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(self._count))]
        j, k = divmod(list_index(index, self._count), BLOCK_WORDS)
        block = self._data[self._base + self._marks[j] + 1 : self._base + self._marks[j + 1]]
        return block.split(b"\n")[k].decode("utf-8")

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        if self._list is not None:
            return iter(self._list)
        words = self._data[self._base + 1 : self._base + self._size - 1]
        return iter(words.decode("utf-8").split("\n") if self._count else ())

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.find(word) is not None

    def index(self, word: Any, start: int = 0, stop: int | None = None) -> int:
        at = self.find(word) if isinstance(word, str) else None
        if at is None or at < start or (stop is not None and at >= stop):
            raise ValueError(f"{word!r} is not one of the words")
        return at


class Segmenter:
    """jieba's segmentation with the HMM off (Tokenizer.get_DAG and Tokenizer.calc in one pass).

    Over a prefix dictionary: every word with its frequency, every prefix that is not a word with 0.
    A word scores jieba's log(freq) - log(total), a prefix None, and a character no word starts with
    costs `unknown`. Read from the flat model, the first LAZY_MESSAGES messages look words up in the
    file's bytes (SortedWords); later ones, and `words`, use the dictionary built then.
    """

    __slots__ = ("_frequencies", "_log_total", "_messages", "_table", "_words", "unknown")

    def __init__(self, words: Sequence[str], frequencies: Sequence[int], total: int) -> None:
        if total <= 0:
            raise ValueError("the dictionary is empty")
        if len(words) != len(frequencies):
            raise ValueError("the dictionary's words and frequencies differ in number")
        self._words, self._frequencies = words, frequencies
        self._log_total = math.log(total)
        self.unknown = math.log(1) - self._log_total
        self._table: dict[str, float | None] | None = None
        self._messages = 0
        if not isinstance(words, SortedWords):
            self.prepare()

    @property
    def words(self) -> dict[str, float | None]:
        """Every word of the dictionary with its log-probability, every other prefix with None."""
        self.prepare()
        return self._table  # type: ignore[return-value]

    def prepare(self) -> None:
        """Build the dictionary now (e.g. before forking workers)."""
        if self._table is None:
            log, log_total = math.log, self._log_total
            # ~28,000 words share ~5,000 frequencies: one logarithm for each, and the dictionary built in C.
            scores = {f: log(f) - log_total if f else None for f in set(self._frequencies)}
            self._table = dict(zip(self._words, map(scores.__getitem__, self._frequencies)))

    def lookup(self) -> Callable[[str, Any], Any]:
        """get(piece, default) for one message: the piece's score, None for a prefix, else default."""
        if self._table is None:
            self._messages += 1
            if self._messages <= LAZY_MESSAGES:
                return self._find
            self.prepare()
        return self._table.get  # type: ignore[union-attr]

    def _find(self, piece: str, default: Any) -> Any:
        index = self._words.find(piece)  # type: ignore[attr-defined]
        if index is None:
            return default
        frequency = self._frequencies[index]
        return math.log(frequency) - self._log_total if frequency else None

    def ends(self, block: str, get: Callable[[str, Any], Any]) -> list[int]:
        """For each start position of `block`, where the word of the best route from there ends;
        `get` is lookup()'s answer for this message.

        jieba: among the words that start at k, the one whose log-probability plus that of the best
        route after it is highest, the longest on a tie; a character that starts no word stands alone.
        """
        unknown, absent = self.unknown, _ABSENT
        n = len(block)
        score = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best_end = 0
            best = 0.0
            end = k + 1
            prob = get(block[k], absent)
            while prob is not absent:
                if prob is not None:
                    candidate = prob + score[end]
                    if not best_end or candidate >= best:
                        best, best_end = candidate, end
                if end == n:
                    break
                end += 1
                prob = get(block[k:end], absent)
            if not best_end:
                best, best_end = unknown + score[k + 1], k + 1
            score[k] = best
            ends[k] = best_end
        return ends


_ABSENT: Any = object()  # a lookup's answer for text that begins no word


def load_tokenizer(dictionary: bytes) -> Segmenter:
    """The Segmenter of a word list in jieba's text format (training; a check reads the flat model)."""
    freq, total = prefix_dictionary(dictionary)
    return Segmenter(list(freq), list(freq.values()), total)


# jieba's own block pattern (re_han_default), and the single Latin letters and digits it joins into runs (re_eng).
_JIEBA_BLOCK = precompiled("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")
_JIEBA_ENG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def tokens(segmenter: Segmenter, masked_text: str) -> Tokens:
    """Words of the masked text with their offsets, without punctuation and white space.

    This is jieba's Tokenizer.cut(text, HMM=False) walked directly, so that offsets come for free:
    inside a block of Chinese and ASCII, the best route through the dictionary (runs of single
    letters or digits joined, as jieba joins them); between blocks, each character alone.
    tests/test_segment.py checks it against Tokenizer.cut word for word.
    """
    text = masked_text[:_MAX_MODEL_CHARS]
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    add_word, add_span = words.append, spans.append
    keeps, letter_or_digit = _KEEP_TOKEN.search, _JIEBA_ENG_CHARS.__contains__
    get = segmenter.lookup()
    cursor = 0
    for m in _JIEBA_BLOCK.finditer(text):
        base = m.start()
        # Between blocks every character stands alone; a word character is kept (\w is what keeps one).
        for alone in _KEEP_TOKEN.finditer(text, cursor, base):
            add_word(alone.group())
            add_span(alone.span())
        block = m.group()
        ends = segmenter.ends(block, get)
        x, n, run = 0, len(block), -1
        while x < n:
            y = ends[x]
            if y - x == 1 and letter_or_digit(block[x]):
                if run < 0:
                    run = x
            else:
                if run >= 0:
                    add_word(block[run:x])  # a run of single letters and digits: ASCII, always kept
                    add_span((base + run, base + x))
                    run = -1
                word = block[x:y]
                if word.isalnum() or keeps(word):
                    add_word(word)
                    add_span((base + x, base + y))
            x = y
        if run >= 0:
            add_word(block[run:])
            add_span((base + run, base + n))
        cursor = m.end()
    for alone in _KEEP_TOKEN.finditer(text, cursor):
        add_word(alone.group())
        add_span(alone.span())
    return Tokens(words, spans)


CHAR_MARK = "#"  # char n-gram features start with it; words never do (jieba keeps no lone "#" word run)
_CJK_RUN = precompiled("[\u4e00-\u9fff]+")
# A clause ends at sentence punctuation or a line break; the whole message is always a unit too.
_CLAUSE_END = precompiled("[。！？!?；;\n]+")


def char_ngrams(text: str) -> list[str]:
    """The character 2-grams of each run of Chinese characters."""
    return [CHAR_MARK + run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)]


def features(words: list[str], text: str) -> list[str]:
    """The model's terms for a text whose words are `words`."""
    return words + char_ngrams(text)


class Unit(NamedTuple):
    """A stretch of the masked text the model scores on its own: the whole message or one clause."""

    start: int
    end: int
    words: list[str]
    features: list[str]


def _clause_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty clause: the stretches between clause-ending punctuation."""
    bounds, cursor = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > cursor:
            bounds.append((cursor, m.start()))
        cursor = m.end()
    if cursor < len(text):
        bounds.append((cursor, len(text)))
    return bounds


# A prefix: words put in front of the message's own first words (a greeting, an offer, a reassurance, a
# polite opener: "您好，", "不收任何费用！", "冒昧打扰，请见谅。"), Chinese characters and marks alone, ended by a
# mark, within the first _PREFIX_CHARS characters. The message read from after each such mark is a unit
# too, as the whole message is: a prefix then cannot change the score of the words it is put in front of
# (issue 8: a prefix never lowers a scam; tests/test_monotone.py). At most _MAX_TAILS of them.
_PREFIX_CHARS = 32
_MAX_TAILS = 4
_PREFIX = precompiled("[\u4e00-\u9fff，,！!。：:~～、？?；;…\n]{1,32}")  # _PREFIX_CHARS
_PREFIX_END = precompiled("[，,！!。：:~～、？?；;…\n]+")
# A paste's header as the masked text shows it: a number's placeholder first ("短信" before it or not), then numbers, marks, 月
# and 日, ended by a colon or where the message's words or its 【tag】 start.
_MASKED_HEADER = precompiled(
    r"\s*[\[(（]?\s*(?:(?:短信|信息)\s*)?(?:xnum|xmobile|xlandline|xservice|xoverseas)"
    r"(?:\s*(?:xnum|xmobile|xlandline|xservice|xoverseas|[\-/.:：+\[\]()（）]|月|日))*\s*[:：]?\s*(?=[\u4e00-\u9fff【])"
)


def tail_starts(text: str) -> list[int]:
    """Where the message may start once a prefix is set aside: after each run of marks inside its
    leading run of Chinese characters and marks (at most _PREFIX_CHARS characters), not at its end."""
    m = _PREFIX.match(text)
    if m is None:
        return []
    ends = [e.end() for e in _PREFIX_END.finditer(text, 0, m.end()) if e.start() > 0 and e.end() < len(text)]
    # A greeting glued to the first words ("您好亲爱的，…"): the message from after it too.
    greeting = glued_greeting_end(text)
    if greeting and greeting not in ends:
        ends = sorted([greeting, *ends])
    return ends[:_MAX_TAILS]


def gap_tail_starts(masked: Normalized, marks: list[int] | None = None) -> list[int]:
    """Where the message may start after a prefix that a space or a line break of the paste ended
    (normalisation drops them: "不收任何费用 您的…"), inside the same leading run as tail_starts; then the
    tails of the message read from after each prefix. Only the check reads them (a training text keeps
    no spaces to read): its tokens are cut again from there. `marks`: tail_starts() of the same text,
    when the caller has it."""
    text = masked.text[:_MAX_MODEL_CHARS]
    # A paste's header (the sender's number, a date, a time, "短信": normalize._paste_header_end) is no part of
    # the message: the message is read from after it too, and its prefix there as at the start.
    header = _MASKED_HEADER.match(text)
    at = header.end() if header is not None and header.end() < len(text) else 0
    m = _PREFIX.match(text, at)
    if m is None:
        return [at] if at else []
    marked = set(tail_starts(text) if marks is None else marks)
    gaps = masked.gaps()  # gap_before(i), read where one can be
    gapped = [i for i in range(at + 1, min(m.end() + 1, len(text))) if i not in marked and i in gaps]
    starts = ([at] if at else []) + gapped[: _MAX_TAILS - (1 if at else 0)]
    # The message after a prefix (ended by a space or by a mark) is read as the message itself would be:
    # its own tails too (a greeting glued to its first words, the marks of its own opener), which the
    # prefix would otherwise hide ("免费，你好我是…"). Check time only, as the spaces are.
    nested = [i + t for i in sorted(marked) + starts for t in tail_starts(text[i:])]
    return starts + [j for j in dict.fromkeys(nested) if j not in marked and j not in starts][:_MAX_TAILS]


def tail_unit(
    tokenizer: Segmenter,
    masked_text: str,
    start: int,
    index: Callable[[str], int | None],
    toks: Tokens | None = None,
    looked: Lookups | None = None,
) -> IndexedUnit:
    """The message read from `start` on as a message of its own (its words cut again from there).

    `toks`, `looked`: tokens() and lookups() of the whole message, when the caller has them. Then only
    the block of Chinese and ASCII that `start` cuts in two is cut again (tokens() cuts each block on
    its own: every later block and every character between blocks is cut as in the whole message), and
    only the terms that did not occur there are looked up: the words of that block and the n-grams of
    the run of Chinese characters that `start` cuts in two."""
    text = masked_text[start:_MAX_MODEL_CHARS]
    if toks is None or looked is None:
        alone = lookups(tokens(tokenizer, text), text, index)  # the whole of it only: no clause, no tail
        return IndexedUnit(start, start + len(text), alone.words, alone.whole())
    whole = masked_text[:_MAX_MODEL_CHARS]
    cut = start
    if 0 < start < len(whole) and _JIEBA_BLOCK.match(whole, start - 1) and (block := _JIEBA_BLOCK.match(whole, start)):
        cut = block.end()
    head = tokens(tokenizer, whole[start:cut]).words if cut > start else []
    k = bisect_left(toks.spans, (cut, cut))  # the first word of the whole message at or after `cut`
    words = list(map(index, head)) + looked.words[k:]
    run = _CJK_RUN.match(whole, start) if start and _CJK_RUN.match(whole, start - 1) else None
    grams = [index(g) for g in char_ngrams(run.group())] if run else []
    grams += [g for at, _, run_grams in looked.runs if at >= start for g in run_grams]
    return IndexedUnit(start, start + len(text), words, words + grams)


def units(toks: Tokens, masked_text: str) -> list[Unit]:
    """The whole message first, then each clause when there is more than one, then the message from
    after each mark of a prefix (tail_starts)."""
    text = masked_text[:_MAX_MODEL_CHARS]
    whole = Unit(0, len(text), toks.words, features(toks.words, text))
    out = [whole]
    bounds = _clause_bounds(text)
    if len(bounds) >= 2:
        k, n = 0, len(toks.words)  # one pass: tokens and clauses are both in text order
        for start, end in bounds:
            while k < n and toks.spans[k][0] < start:
                k += 1
            words = []
            while k < n and toks.spans[k][1] <= end:
                words.append(toks.words[k])
                k += 1
            if words:
                out.append(Unit(start, end, words, features(words, text[start:end])))
    for start in tail_starts(text):
        k = bisect_left([s for s, _ in toks.spans], start)
        if k < len(toks.words):
            out.append(Unit(start, len(text), toks.words[k:], features(toks.words[k:], text[start:])))
    return out


class IndexedUnit(NamedTuple):
    """A unit as the checker scores it: each word and each feature as its index in the vocabulary
    (None when unknown), in the order of Unit.words and Unit.features."""

    start: int
    end: int
    words: list[int | None]
    terms: list[int | None]


class Lookups(NamedTuple):
    """The vocabulary indices of a whole message's terms, looked up once: its words, and each run of
    Chinese characters as (start, end, the indices of its character 2-grams). Clauses, tails and kept
    readings take runs of them."""

    words: list[int | None]
    runs: list[tuple[int, int, list[int | None]]]

    def whole(self) -> list[int | None]:
        """The terms of the whole message, in the order of features()."""
        return self.words + [g for _, _, grams in self.runs for g in grams]


def lookups(toks: Tokens, masked_text: str, index: Callable[[str], int | None]) -> Lookups:
    text = masked_text[:_MAX_MODEL_CHARS]
    words = list(map(index, toks.words))
    runs: list[tuple[int, int, list[int | None]]] = []
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        # char_ngrams() of the run.
        grams = [CHAR_MARK + run[i : i + 2] for i in range(len(run) - 1)]
        runs.append((m.start(), m.end(), list(map(index, grams))))
    return Lookups(words, runs)


def indexed_units(
    toks: Tokens,
    masked_text: str,
    index: Callable[[str], int | None],
    looked: Lookups | None = None,
    marks: list[int] | None = None,
) -> list[IndexedUnit]:
    """units(), with each term looked up once for the whole message instead of once per unit.

    A clause's words are a run of the message's words, and its character n-grams those of the runs of
    Chinese characters inside it (a clause ends at punctuation, which no run crosses).
    tests/test_segment.py checks it against units().
    `looked`: lookups() of the same message, when the caller keeps them (kept_unit reads them too);
    `marks`: tail_starts() of it, when the caller has them (gap_tail_starts reads them too).
    """
    text = masked_text[:_MAX_MODEL_CHARS]
    if looked is None:
        looked = lookups(toks, text, index)
    words, runs = looked
    if marks is None:
        marks = tail_starts(text)
    whole = IndexedUnit(0, len(text), words, looked.whole())
    bounds = _clause_bounds(text)
    spans = toks.spans
    if len(bounds) < 2:
        return [whole, *_tails(text, spans, words, runs, index, marks)]
    out = [whole]
    k, n, r = 0, len(words), 0
    for start, end in bounds:
        while k < n and spans[k][0] < start:
            k += 1
        first = k
        while k < n and spans[k][1] <= end:
            k += 1
        while r < len(runs) and runs[r][0] < start:
            r += 1
        terms = words[first:k]
        while r < len(runs) and runs[r][0] < end:
            terms += runs[r][2]
            r += 1
        if k > first:
            out.append(IndexedUnit(start, end, words[first:k], terms))
    return out + _tails(text, spans, words, runs, index, marks)


def _tails(
    text: str,
    spans: list[tuple[int, int]],
    words: list[int | None],
    runs: list[tuple[int, int, list[int | None]]],
    index: Callable[[str], int | None],
    marks: list[int],
) -> list[IndexedUnit]:
    """The units of units() that read the message from after a prefix (`marks`: tail_starts(text))."""
    out = []
    starts = [s for s, _ in spans] if marks else []
    for start in marks:
        k = bisect_left(starts, start)
        if k < len(words):
            # A glued greeting ends inside a run of Chinese characters: the rest of that run counts anew.
            cut = _CJK_RUN.match(text, start) if start and _CJK_RUN.match(text, start - 1) else None
            grams = [index(g) for g in char_ngrams(cut.group())] if cut else []
            grams += [g for at, _, run in runs if at >= start for g in run]
            out.append(IndexedUnit(start, len(text), words[k:], words[k:] + grams))
    return out


def kept_unit(toks: Tokens, kept: bytes, looked: Lookups) -> IndexedUnit | None:
    """The message as one unit read without the characters `kept` refuses (kept[i] is 1 for each masked
    character read, 0 for one of its asides, model.py): the words that start at a kept character and
    the character n-grams of the kept stretches of each run of Chinese characters. None where every
    character is kept, or none is.

    `looked`: lookups() of the whole message: a kept word and an n-gram inside a kept stretch are the
    whole message's, already looked up."""
    chosen = [k for k, (s, _) in enumerate(toks.spans) if kept[s]]
    if not chosen or len(chosen) == len(toks.words):
        return None
    all_words = looked.words
    words = [all_words[k] for k in chosen]
    grams: list[int | None] = []
    for run_start, run_end, run_grams in looked.runs:
        at = kept.find(1, run_start, run_end)
        while at >= 0:  # each kept stretch of the run: its n-grams are a slice of the run's
            stop = kept.find(0, at, run_end)
            if stop < 0:
                stop = run_end
            a, b = at - run_start, stop - run_start
            if b - a >= 2:
                grams += run_grams[a : b - 1]
            at = kept.find(1, stop, run_end)
    start, end = toks.spans[chosen[0]][0], toks.spans[chosen[-1]][1]
    return IndexedUnit(start, end, words, words + grams)
