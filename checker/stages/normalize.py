"""Stage 1: undo disguise, keeping a map from every normalised character back to the pasted text.

The order is fixed and versioned (NORMALIZER_VERSION); the model's metadata records it, because the
classifier was trained on text that went through exactly these steps:

1. NFKC (full-width forms, circled digits, compatibility characters), one character at a time so
   that each output character knows which pasted character it came from;
2. drop invisible characters (zero-width, bidi controls, BOM, variation selectors, fillers);
3. lower-case ASCII;
4. traditional -> simplified and Japanese kanji forms -> simplified (転 -> 转, 徴 -> 征), character
   by character (tables generated from OpenCC: data/build_t2s.py, data/build_j2s.py), so lengths
   do not change;
5. remove separators slipped between Chinese characters (律 师 费, 律*师*费, 律❤师🔥费, 律丨师), and
   punctuation that spells a word apart one character at a time (律、师、费; not a dialogue's one-character
   speaker names heading its turns, "陈：好，谢谢", on lines of their own or after a turn's full stop); white space that is not
   between two ASCII words; and join digit groups split by spaces, dashes, dots or emoji
   (138-1234-5678, 138.1234.5678, 138🔸1234🔸5678); then a link spoken rather than written, 点 for
   its dots, 杠 for a hyphen, 斜杠 for a slash ("fz-app 点 cc" -> fz-app.cc), where the public-suffix
   list accepts the host it spells;
6. in a paste written in traditional characters, Taiwan vocabulary -> mainland vocabulary (簡訊 ->
   短信, 連結 -> 链接, 登入 -> 登录; OpenCC's phrase table, data/build_tw_phrases.py); and in a paste
   written in Cantonese, its words -> Mandarin ones (换咗 -> 换了, 唔好 -> 不要, 两千蚊 -> 两千块; data/cantonese.toml);
7. runs of Chinese numerals inside long numbers (一三八…, 壹贰叁…) -> digits, and a confirmed short number
   said aloud (九六一一零, 幺二三六八) -> its digits;
8. a small lexicon of abbreviations and homophones (V信, 薇信, vx -> 微信; zfb -> 支付宝 ...), after
   the digits are digits, since some spellings are told by the number after them (v1380000…).

9. quotation marks (“” 「」 『』 ") are dropped, right after step 4: marks put around pieces of a word
   (调解「中心」, 安「全账户」) split it for every pattern and the model. Where a pair of them quotes
   words, the quotation is recorded on the paste (Normalized.quotations); the claims read reported
   speech there (issue 8, red team quotes). The later steps read the words they split whole.

Steps 2, 5, 6, 7 and 8 also record where a disguise was undone (Normalized.disguises), which the rule
`disguised_text` quotes as evidence.

Every span found on the normalised text maps back with `Normalized.span()` to the pasted text, so
evidence always quotes what the user pasted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain

from . import datafile
from .hosts import registrable  # the public-suffix list, loaded only for a spoken host
from .patterns import precompiled, triggers
from .records import NamedTuple  # typing's, without evaluating the annotations

NORMALIZER_VERSION = "12"


class _Chain:
    """The spans of `head(?:link){2,}`, found as re.finditer finds them, without re's memory.

    While a repeated group matches, re keeps a record per repetition (~120 bytes): one run of a
    million characters spelled apart (律😀师😀费😀...) cost 60 MB. Here a run is matched a few dozen
    links at a time, each time going on from where the last stopped. The spans are the same: nothing
    follows the links, so once two have matched re never goes back into one (tests/test_normalize.py
    compares the two on long runs).
    """

    _LINKS = 64

    def __init__(self, head: str, link: str) -> None:
        self._first = precompiled(rf"{head}(?:{link}){{2,{self._LINKS}}}")
        self._more = precompiled(rf"(?:{link}){{1,{self._LINKS}}}")
        self.reference = rf"{head}(?:{link}){{2,}}"

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        pos = 0
        while found := self._first.search(text, pos):
            end = found.end()
            while more := self._more.match(text, end):
                end = more.end()
            yield found.start(), end
            pos = end


# Characters people cannot see but scammers insert between the letters of a keyword.
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
# Symbols and emoji: arrows, maths, shapes, dingbats (❤ ★ ✨), 丨 (a Chinese stroke that reads as a
# bar), emoji and their presentation selectors. Never a word of their own between two Chinese characters.
_SYMBOLS = "\u2190-\u2bff\u2022\u30fb\u4e28\ufe0f\U0001f000-\U0001faff"
# Separators between two Chinese characters are removed (律*师*费 -> 律师费). Honest text has some
# too (全场/特价): gluing two honest words costs little, missing a disguised keyword costs much.
_CJK_SEPARATED = precompiled(rf"(?<=[{_CJK}])[\s\-_*·•・|~^=#/\\.'`\"+{_SYMBOLS}]{{1,8}}(?=[{_CJK}])")
# Punctuation between single characters, three or more in a row, spells a word apart (律、师、费);
# between words (红包、礼品) it is punctuation and stays.
_PUNCT_SPELLED = _Chain(rf"(?<![{_CJK}])[{_CJK}]", rf"[、，,;；:：][{_CJK}]")
_PUNCT = precompiled(r"[、，,;；:：]")
# A line of a dialogue headed by its speaker ("陈：…", "客服：…"): in a paste with two or more such lines, a
# one-character name and its colon spell nothing apart. Round 41: a turn pasted on the same line heads after
# the last turn's full stop or a space ("甲：喂，老马。 乙：是我。", "爸：…五百。妈：收到了"), as a call's
# transcript or a chat copied without its line breaks has it.
_SPEAKER_LINE = precompiled(rf"(?m)(?:^|(?<=[。！？!?…\s]))[{_CJK}]{{1,4}}[:：]")
# White space counts as a word boundary only between two ASCII letters or digits (English text).
_SPACE = precompiled(r"\s+")
# Disguise spells a word apart, one character at a time (律*师*费); honest text puts a symbol between
# words (全场/特价, 小店·新品) and white space or quotes anywhere, so those do not count.
_SPELLED_APART = _Chain(rf"[{_CJK}]", rf"[\-_*·•・|~^=#/\\.+{_SYMBOLS}]{{1,8}}[{_CJK}]")
# Phone and card numbers are written in groups: 138 1234 5678, 6222-0212-3456-7890.
# Groups of three or more digits, so that dates (2024-12-01) stay apart; joined only when the result
# has the length of a phone (10-12 digits with area code) or card number (16-19).
_DIGIT_GROUPS = precompiled(rf"(?<!\d)\d{{3,8}}(?:[ \-\u3000._~*·\u2027\u2010-\u2015\uff0d{_SYMBOLS}]{{1,3}}\d{{3,8}}){{1,5}}(?!\d)")
_JOINED_LENGTHS = frozenset({10, 11, 12, 16, 17, 18, 19})
# A landline written with its area code in brackets (round 57, a grid of channels written for probing).
_AREA_CODE_APART = precompiled(r"(?<!\d)[(（]\s?(0[1-9]\d{1,2})\s?[)）][ \-\u3000]{0,2}(\d{3,4}[ \-\u3000]?\d{4})(?!\d)")
# Four groups of three digits apart by dots, each at most 255, are an IPv4 address ("http://133.114.112.215"),
# not a phone written in groups: kept, so the raw-IP link stays a link (hole14).
_IPV4 = precompiled(r"(?:(?:25[0-5]|2[0-4]\d|1\d\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d)")
# Its subscriber part may come in groups too ("00852-2731-6480"), its first group a single digit split off
# the country code ("0085-2-9618-3740"): joined when it has 6-12 digits.
_INTL_SPLIT = precompiled(r"(?<![\d+])(?:\+|00)\d{1,3}[ \-\u3000.]{1,2}(?:\d{2,12}|\d(?=[ \-\u3000.]\d))(?:[ \-\u3000.]\d{2,8}){0,3}(?![\d])")
_INTL_SUBSCRIBER = precompiled(r"^(?:\+|00)\d{1,3}[ \-\u3000.]{1,2}")
# Letters or digits spelled apart one at a time with white space, three or more in a row: a link
# ("c n - w l . top"), a card ("6 2 2 8 - 4 8 1 0 ..."), a number ("4 0 0 - 6 1 8 ..."), pinyin
# ("z h u a n"). Each is one character on its own; up to three separators between two of them may
# carry white space either side (- . _ · ‧ : /, as in "h t t p : / / …"). The white space goes: what is
# left is read as the word, link or number it spells (issue 8: numbers split by spaces are one number).
_APART_SEPARATOR = r"(?:[ \u3000]{1,2}|[ \u3000]?(?:[\-._·\u2027:/][ \u3000]?){1,3})"
# Letters and digits mixed are one run too ("d w z 7 . c c / G J Z 8" is dwz7.cc/gjz8).
_ALNUM_APART = _Chain(r"(?<![a-z0-9])[a-z0-9](?![a-z0-9])", rf"{_APART_SEPARATOR}[a-z0-9](?![a-z0-9])")
_WHITE = precompiled(r"[ \u3000]+")
# What follows such a run up to the next word of the link ("c n - w l . top": " . " before "top").
_APART_TRAIL = precompiled(r"[ \u3000]*(?:[\-._·\u2027:/][ \u3000]*){1,3}(?=[a-z0-9])")
_NUMERAL_DIGITS = {
    **dict(zip("零〇一二三四五六七八九", "00123456789")),
    **dict(zip("壹贰叁肆伍陆柒捌玖", "123456789")),
    "幺": "1",
}
_NUMERAL_TABLE = str.maketrans(_NUMERAL_DIGITS)
# Seven or more numerals in a row only occur in a number written out to dodge filters; so do groups of
# three or more apart by a dash or a space ("四零零—六二八—七零五三"), seven or more in all (the groups are
# joined with the digit groups after: _compact).
_NUMERALS = "[0-9" + "".join(_NUMERAL_DIGITS) + "]"
_NUMERAL_RUN = precompiled(rf"{_NUMERALS}{{7,}}|{_NUMERALS}{{3,}}(?:[ \u3000\-\u2010-\u2015\uff0d]{{1,2}}{_NUMERALS}{{3,}}){{1,4}}")
_NUMERAL_COUNT = 7
# One Chinese numeral glued after a number in digits and before a word ("…9903一律是诈骗", "122000一年") starts the
# word, where the digits are a number of their own: fewer than _NUMERAL_COUNT (no long number without the numeral),
# or a whole mobile number or a card number that passes the Luhn check. Elsewhere the numeral is the number's last
# digit, written so to dodge a filter ("请拨1381234567八咨询").
_CHINESE_NUMERAL = "[" + "".join(_NUMERAL_DIGITS) + "]"
_WORD_AFTER_DIGITS = precompiled(rf"([0-9]+){_CHINESE_NUMERAL}")
_WORD_START = precompiled(rf"(?!{_CHINESE_NUMERAL})[\u4e00-\u9fff]")
_MOBILE_DIGITS = precompiled(r"1[3-9][0-9]{9}")


def luhn_ok(number: str) -> bool:
    """The Luhn checksum of a card number: python-stdnum's luhn.is_valid, which costs a tenth of a
    second to import, in five lines (tests/test_entities.py compares the two). Here, the first stage that
    reads it; entities.py checks every card number with it."""
    if not number or not (number.isascii() and number.isdigit()):
        return False
    digits = [int(c) for c in reversed(number)]
    return (sum(digits[::2]) + sum(sum(divmod(d * 2, 10)) for d in digits[1::2])) % 10 == 0


def _word_after_digits(run: str, text: str, end: int) -> bool:
    """Whether the run, ending at `end` of `text`, is a number in digits and then the first character of a word."""
    m = _WORD_AFTER_DIGITS.fullmatch(run)
    if m is None or _WORD_START.match(text, end) is None:
        return False
    digits = m.group(1)
    return (
        len(digits) < _NUMERAL_COUNT
        or _MOBILE_DIGITS.fullmatch(digits) is not None
        or (16 <= len(digits) <= 19 and luhn_ok(digits))
    )


class OffsetMap:
    """For every normalised character, the slice of the paste it came from, stored by runs.

    A run is a stretch copied one for one (its character k came from pasted character first + k)
    or a replacement (all its characters came from the same pasted slice). A run is four numbers,
    so ordinary text costs a handful of them and a million characters that each lost a separator
    cost a few MB, where a list of ints per character cost ~70 MB (issue 10: peak memory).
    Lookups are binary searches over the runs; a rebuild reads them front to back (_Reader).
    Built once, by appending; never changed after.
    """

    __slots__ = ("_at", "_first", "_last", "_next", "_step", "length")

    def __init__(self) -> None:
        self._at = array("q")  # normalised offset where each run begins
        self._first = array("q")  # pasted start of the run's first character
        self._last = array("q")  # pasted end of the run's first character
        self._step = array("b")  # 1: copied one for one; 0: every character maps to the same slice
        self.length = 0
        self._next: tuple[int, int, int] | None = None  # what would continue the last run

    def __len__(self) -> int:
        return self.length

    def _run(self, i: int) -> int:
        if not 0 <= i < self.length:
            raise IndexError(f"offset {i} outside 0..{self.length - 1}")
        return bisect_right(self._at, i) - 1

    def start(self, i: int) -> int:
        """Pasted start of normalised character i."""
        k = self._run(i)
        return self._first[k] + self._step[k] * (i - self._at[k])

    def end(self, i: int) -> int:
        """Pasted end of normalised character i."""
        k = self._run(i)
        return self._last[k] + self._step[k] * (i - self._at[k])

    def first_at_or_after(self, pasted: int) -> int:
        """The first normalised character whose pasted start is `pasted` or later (len(self) if none):
        bisect_left over the starts, by the runs (pasted starts never go back)."""
        k = bisect_left(self._first, pasted)
        if k:
            j = k - 1  # the run before begins earlier; a run copied one for one may reach `pasted`
            stop = self._at[k] if k < len(self._at) else self.length
            i = self._at[j] + (pasted - self._first[j])
            if self._step[j] and i < stop:
                return i
        return self._at[k] if k < len(self._at) else self.length

    def append(self, start: int, end: int, step: int, count: int) -> None:
        """Append `count` characters: the first from paste[start:end], then each one further on
        (step 1) or all from the same slice (step 0). Continues the last run where it can."""
        if count <= 0:
            return
        if (start, end, step) != self._next:
            self._at.append(self.length)
            self._first.append(start)
            self._last.append(end)
            self._step.append(step)
        self.length += count
        self._next = (start + step * count, end + step * count, step) if step else (start, end, step)

    def copied(self, start: int, count: int) -> None:
        """Append `count` characters copied one for one from paste[start:start + count]."""
        self.append(start, start + 1, 1, count)


class _Reader:
    """Reads an OffsetMap front to back, as _rebuild does: each run is visited once."""

    __slots__ = ("_k", "_map", "_run_stop")

    def __init__(self, offsets: OffsetMap) -> None:
        self._map, self._k = offsets, 0
        self._run_stop = offsets._at[1] if len(offsets._at) > 1 else offsets.length

    def _seek(self, i: int) -> int:
        at = self._map._at
        while i >= self._run_stop:
            self._k += 1
            self._run_stop = at[self._k + 1] if self._k + 1 < len(at) else self._map.length
        return self._k

    def start(self, i: int) -> int:
        k = self._seek(i)
        return self._map._first[k] + self._map._step[k] * (i - self._map._at[k])

    def end(self, i: int) -> int:
        k = self._seek(i)
        return self._map._last[k] + self._map._step[k] * (i - self._map._at[k])

    def copy(self, into: OffsetMap, begin: int, stop: int) -> None:
        """Append the map of characters begin..stop-1 to `into`."""
        source = self._map
        while begin < stop:
            k = self._seek(begin)
            run_stop = min(stop, self._run_stop)
            step, skip = source._step[k], begin - source._at[k]
            into.append(source._first[k] + step * skip, source._last[k] + step * skip, step, run_stop - begin)
            begin = run_stop


class _Column:
    """starts or ends as a read-only sequence (computed on access from the OffsetMap)."""

    __slots__ = ("_get", "_offsets")

    def __init__(self, offsets: OffsetMap, get) -> None:
        self._offsets, self._get = offsets, get

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, i: int) -> int:
        return self._get(i + len(self._offsets) if i < 0 else i)


# The kinds of disguise, in the order that places found twice are listed in.
DISGUISE_KINDS = ("homophone", "invisible_character", "separated_characters", "spelled_out_number")
_KIND_CODES = {kind: i for i, kind in enumerate(DISGUISE_KINDS)}


class Disguises:
    """Where a disguise was undone: (kind, start, end) on the paste, sorted by place, each once.

    One machine integer each, (start, end, kind) packed: a paste with an invisible character after
    every letter has half a million of them, which as tuples of objects cost ~100 MB.
    """

    __slots__ = ("_keys", "_width")

    def __init__(self, keys: array, width: int) -> None:
        self._keys, self._width = keys, width

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, i: int) -> tuple[str, int, int]:
        place, kind = divmod(self._keys[i], len(DISGUISE_KINDS))
        start, end = divmod(place, self._width)
        return DISGUISE_KINDS[kind], start, end

    def __iter__(self) -> Iterator[tuple[str, int, int]]:
        return (self[i] for i in range(len(self._keys)))


class _Found:
    """Collects the disguises normalisation undoes, in any order, as packed integers."""

    __slots__ = ("_keys", "_sorted", "_width")

    def __init__(self, text_length: int) -> None:
        # Packed keys stay below 2**63 for any text up to ~1.5e9 characters (check() takes 1e6).
        self._keys, self._width, self._sorted = array("q"), text_length + 1, True

    def add(self, kind: str, start: int, end: int) -> None:
        key = (start * self._width + end) * len(DISGUISE_KINDS) + _KIND_CODES[kind]
        if self._keys and key < self._keys[-1]:
            self._sorted = False
        self._keys.append(key)

    def disguises(self) -> Disguises:
        keys = self._keys if self._sorted else array("q", sorted(self._keys))
        unique, previous = array("q"), -1
        for key in keys:
            if key != previous:
                unique.append(key)
                previous = key
        return Disguises(unique, self._width)


class Normalized(NamedTuple):
    """Normalised text; offsets.start(i) / offsets.end(i) are the pasted-text offsets of character i.

    `disguises` lists (kind, start, end) on the pasted text where a disguise was undone: invisible
    characters, separators inside Chinese words, homophones, numerals spelled out in a number.
    Traditional characters and full-width forms are not listed: honest text uses them too.
    """

    text: str
    offsets: OffsetMap
    original: str
    disguises: Disguises
    # Quotations as pasted: (start, end) of the words between a pair of quotation marks, on the paste.
    # The marks themselves are not in `text` (quotation_spans() places the words there).
    quotations: tuple[tuple[int, int], ...] = ()

    @property
    def starts(self) -> _Column:
        """starts[i]: the pasted start of normalised character i."""
        return _Column(self.offsets, self.offsets.start)

    @property
    def ends(self) -> _Column:
        """ends[i]: the pasted end of normalised character i."""
        return _Column(self.offsets, self.offsets.end)

    def gap_before(self, i: int) -> bool:
        """Whether the paste had white space right before normalised character i (a word boundary
        that compaction removed). Removed invisible characters or symbols are not a boundary."""
        if not 0 < i < len(self.text):
            return False
        # Most characters follow the one before them in the paste: nothing between, nothing to read.
        # Inside a run of the offset map that is so at every character (start(i) - end(i - 1) is the
        # same all along a run: OffsetMap, gaps()), one binary search tells, where end(i - 1) and
        # start(i) take one each.
        offsets = self.offsets
        k = bisect_right(offsets._at, i) - 1
        if offsets._at[k] < i and offsets._first[k] - offsets._last[k] + offsets._step[k] <= 0:
            return False
        after, before = offsets.end(i - 1), offsets.start(i)
        return after < before and any(map(str.isspace, self.original[after:before]))

    def gaps(self) -> frozenset[int]:
        """Every i for which gap_before(i) holds, read where one can be: at the first character of
        each run of the offset map, and inside a run only where its characters stand apart in the
        paste (within a run, end(i - 1) and start(i) differ by the same amount at every i; in a run
        copied one for one, or mapped to one slice, that is never a gap)."""
        offsets = self.offsets
        at, first, last, step = offsets._at, offsets._first, offsets._last, offsets._step
        candidates: list[int] = []
        for k in range(len(at)):
            begin = at[k]
            stop = at[k + 1] if k + 1 < len(at) else offsets.length
            candidates.append(begin)
            if first[k] - last[k] + step[k] > 0:  # start(i) - end(i - 1) inside the run
                candidates.extend(range(begin + 1, stop))
        return frozenset(filter(self.gap_before, candidates))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised slice [start, end) to a slice of the pasted text."""
        if not self.text:
            return 0, 0
        if start >= end:
            point = self.offsets.start(start) if start < len(self.text) else self.offsets.end(len(self.text) - 1)
            return point, point
        return self.offsets.start(start), self.offsets.end(end - 1)

    def prefix(self, length: int) -> Normalized:
        """The first `length` normalised characters, still mapped to the whole paste."""
        offsets = OffsetMap()
        _Reader(self.offsets).copy(offsets, 0, min(length, len(self.text)))
        return Normalized(self.text[:length], offsets, self.original, self.disguises, self.quotations)

    def quotation_spans(self) -> list[tuple[int, int]]:
        """Each quotation as a [start, end) slice of `text`: the quoted words, whose marks the
        normaliser dropped (a quotation whose words all went, none)."""
        index = self.offsets.first_at_or_after
        spans = []
        for pasted_start, pasted_end in self.quotations:
            start, end = index(pasted_start), index(pasted_end)
            if start < end:
                spans.append((start, end))
        return spans


class _Pieces:
    """Builds a long string from many short pieces, joining every few thousand, so that a million
    one-character pieces never sit in memory as a million string objects at once."""

    __slots__ = ("_chunks", "_pieces")
    _JOIN_EVERY = 4096

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._pieces: list[str] = []

    def add(self, piece: str) -> None:
        self._pieces.append(piece)
        if len(self._pieces) >= self._JOIN_EVERY:
            self._chunks.append("".join(self._pieces))
            self._pieces.clear()

    def text(self) -> str:
        return "".join([*self._chunks, "".join(self._pieces)])


Edit = tuple[int, int, str]


def _rebuild(
    text: str, offsets: OffsetMap, edits: Iterable[Edit], replaced: Callable[[int, int], None] | None = None
) -> tuple[str, OffsetMap]:
    """Apply (start, end, replacement) edits, sorted and disjoint, to a mapped string.

    A replacement inherits the pasted span of everything it replaces, and `replaced` is told that
    span. `edits` is consumed once, in order: a generator costs nothing per edit; a text without
    edits is returned as it is.
    """
    pending = iter(edits)
    first = next(pending, None)
    if first is None:
        return text, offsets
    out, new, old = _Pieces(), OffsetMap(), _Reader(offsets)
    cursor = 0
    for start, end, replacement in chain((first,), pending):
        if cursor < start:
            out.add(text[cursor:start])
            old.copy(new, cursor, start)
        if replacement and start < end:
            out.add(replacement)
            pasted_start, pasted_end = old.start(start), old.end(end - 1)
            new.append(pasted_start, pasted_end, 0, len(replacement))
            if replaced is not None:
                replaced(pasted_start, pasted_end)
        cursor = end
    out.add(text[cursor:])
    old.copy(new, cursor, len(text))
    return out.text(), new


def _is_invisible(ch: str) -> bool:
    if ch in _INVISIBLE_EXTRA:
        return True
    category = unicodedata.category(ch)
    if category == "Cf":
        return True
    # Variation selectors are marks that change nothing a reader sees.
    return category == "Mn" and ("\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef")


_EMOJI_PRESENTATION = frozenset("\ufe0e\ufe0f\u200d")


def _is_pictograph(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk", "Sm") or ord(ch) >= 0x1F000


def _emoji_presentation(text: str, i: int) -> bool:
    """A variation selector or joiner that is part of an emoji (or keycap), not a hidden character."""
    if text[i] not in _EMOJI_PRESENTATION or i == 0:
        return False
    before, after = text[i - 1], text[i + 1] if i + 1 < len(text) else ""
    if text[i] == "\u200d":
        return _is_pictograph(before) and bool(after) and _is_pictograph(after)
    return _is_pictograph(before) or ((before.isdigit() or before in "#*") and after == "\u20e3")


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Traditional and Japanese kanji forms -> simplified, one character each."""
    table = {}
    for name in ("data/j2s_chars.json", "data/t2s_chars.json"):
        raw = datafile.read_text(name)
        table.update({ord(k): v for k, v in json.loads(raw)["chars"].items()})
    return table


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None, str, bool], ...]:
    """(homophones in Chinese, Latin-letter spellings, replacement, is a disguise) per entry."""
    raw = datafile.read_text("data/lexicon.json")
    out = []
    for e in json.loads(raw)["entries"]:
        cjk = precompiled(e["cjk"]) if "cjk" in e else None
        latin = precompiled(e["ascii"]) if "ascii" in e else None
        out.append((cjk, latin, e["replace"], bool(e.get("disguise"))))
    return tuple(out)


_LATIN = precompiled("[a-z]")


# Steps 1-4 run on slices of this many characters: each slice's translation table holds only the
# characters it contains, whatever the paste.
_CHUNK = 1 << 16


@lru_cache(maxsize=8192)
def _char_out(ch: str) -> tuple[str, int]:
    """Steps 1-4 for one pasted character: what it becomes, and how many invisible characters its
    NFKC form had (they are dropped)."""
    if ch.isascii():
        return ch.lower(), 0
    t2s = _t2s_table()
    out, hidden = [], 0
    for sub in unicodedata.normalize("NFKC", ch):
        if _is_invisible(sub):
            hidden += 1
            continue
        if sub.isascii():
            sub = sub.lower()
        out.append(t2s.get(ord(sub), sub))
    return "".join(out), hidden


# Plain text: ASCII, the common CJK punctuation (、。【】《》「」…), the common Chinese characters,
# full-width ASCII and the curly quotes and dashes of Chinese text. Each of these becomes exactly one
# character and none is invisible (tests/test_normalize.py checks every one against _char_out), so
# steps 1-4 map a plain text one for one, by _plain_table.
_PLAIN_RANGES = r"\x00-\x7f\u3000-\u3011\u3014-\u301f\u4e00-\u9fff\uff01-\uff5e\u2018\u2019\u201c\u201d\u00b7\u2014"
_NOT_PLAIN = precompiled(f"[^{_PLAIN_RANGES}]")
_IDEOGRAPHIC_SPACE = 0x3000  # NFKC: a space; the rest of the plain CJK punctuation stays as it is


@lru_cache(maxsize=1)
def _plain_table() -> dict[int, str]:
    """Steps 1-4 for every plain character that changes: the traditional forms among the Chinese
    characters (their NFKC form is themselves), ASCII capitals, full-width ASCII (NFKC: the ASCII
    character 0xFEE0 below, lower-cased) and the ideographic space. Made on the first check, so
    made from tables rather than character by character. The traditional forms outside the plain
    ranges come along, unused: copying is cheaper than sorting them out."""
    table = dict(_t2s_table())
    table.update((code, chr(code).lower()) for code in range(0x41, 0x5B))
    table.update((code, chr(code - 0xFEE0).lower()) for code in range(0xFF01, 0xFF5F))
    table[_IDEOGRAPHIC_SPACE] = " "
    return table


def _char_pass(text: str, found: _Found) -> tuple[str, OffsetMap]:
    """Steps 1-4: NFKC, invisible characters, ASCII case, traditional -> simplified.

    One character at a time by definition, done as one str.translate per slice: only characters
    that do not become exactly one character (dropped, or expanded like ﬁ -> fi) are visited.
    Most messages are plain (_PLAIN_RANGES): one translation by a table made once, and every
    character maps to its own.
    """
    if len(text) <= _CHUNK and _NOT_PLAIN.search(text) is None:
        offsets = OffsetMap()
        offsets.copied(0, len(text))
        return text.translate(_plain_table()), offsets
    out, offsets = _Pieces(), OffsetMap()
    last = len(text) - 1
    for base in range(0, len(text), _CHUNK):
        chunk = text[base : base + _CHUNK]
        table: dict[int, str] = {}
        uneven: list[str] = []
        for ch in set(chunk):
            mapped, hidden = _char_out(ch)
            if mapped != ch:
                table[ord(ch)] = mapped
            if hidden or len(mapped) != 1:
                uneven.append(ch)
        out.add(chunk.translate(table) if table else chunk)
        cursor = base
        if uneven:
            for m in re.finditer("[" + "".join(map(re.escape, sorted(uneven))) + "]", chunk):
                i = base + m.start()
                offsets.copied(cursor, i - cursor)
                mapped, hidden = _char_out(m.group())
                # A leading BOM or a lone invisible character at either end hides nothing, and
                # neither does the way an emoji is drawn (⚠️ ❤️, 👨‍👩‍👧).
                if hidden and 0 < i < last and not _emoji_presentation(text, i):
                    found.add("invisible_character", i, i + 1)
                offsets.append(i, i + 1, 1 if len(mapped) == 1 else 0, len(mapped))
                cursor = i + 1
        offsets.copied(cursor, base + len(chunk) - cursor)
    return out.text(), offsets


def _speakers(text: str) -> frozenset[str]:
    """The one-character names that head turns of a dialogue (_SPEAKER_LINE), in a paste with two or more such turns."""
    heads = _SPEAKER_LINE.findall(text)
    return frozenset(head[0] for head in heads if len(head) == 2) if len(heads) >= 2 else frozenset()


def _compact(text: str, offsets: OffsetMap, found: _Found, speakers: frozenset[str] = frozenset()) -> tuple[str, OffsetMap]:
    """Step 5: separators between Chinese characters, split digit groups, then white space. `speakers`: the
    dialogue's one-character names (_speakers), whose colon spells nothing apart, on any pass."""

    def spelled_punctuation(text: str, offsets: OffsetMap) -> Iterator[Edit]:
        for start, end in _PUNCT_SPELLED.spans(text):
            if text[start] in speakers and text[start + 1] in ":：":
                continue  # a speaker's name heading a line of a dialogue ("陈：好，谢谢"), not a word spelled apart
            found.add("separated_characters", offsets.start(start), offsets.end(end - 1))
            yield from ((p.start(), p.end(), "") for p in _PUNCT.finditer(text, start, end))

    # Until nothing changes: removing one kind of separator can leave the other kind between two
    # Chinese characters ("一，丨，一" -> "一丨一"), and a second normalisation must find nothing left.
    while True:
        before = text
        for start, end in _SPELLED_APART.spans(text):
            found.add("separated_characters", offsets.start(start), offsets.end(end - 1))
        text, offsets = _rebuild(text, offsets, ((m.start(), m.end(), "") for m in _CJK_SEPARATED.finditer(text)))
        text, offsets = _rebuild(text, offsets, spelled_punctuation(text, offsets))
        if text == before:
            break

    def spelled_apart(text: str) -> Iterator[Edit]:
        for start, end in _ALNUM_APART.spans(text):
            lettered = any(ch.isalpha() for ch in text[start:end])
            if lettered and (trail := _APART_TRAIL.match(text, end)) is not None:
                end = trail.end()
            blanks = list(_WHITE.finditer(text, start, end))
            if not blanks:
                continue
            if lettered:
                # Letters one at a time are a disguise; digits in groups are how numbers are written.
                found.add("separated_characters", offsets.start(start), offsets.end(end - 1))
            yield from ((m.start(), m.end(), "") for m in blanks)

    text, offsets = _rebuild(text, offsets, spelled_apart(text))

    def joined_digits(text: str) -> Iterator[Edit]:
        for m in _DIGIT_GROUPS.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            if len(digits) in _JOINED_LENGTHS and _IPV4.fullmatch(m.group()) is None:
                yield m.start(), m.end(), digits

    text, offsets = _rebuild(text, offsets, joined_digits(text))
    # A landline's area code in brackets ("(021)6123 4567", "（0571）8765-4321"): one number, as it is dialled.
    text, offsets = _rebuild(
        text, offsets, ((m.start(), m.end(), m.group(1) + re.sub(r"\D", "", m.group(2))) for m in _AREA_CODE_APART.finditer(text))
    )
    # An international number with its country code set apart ("+60 519677403", "00852-61234567").
    text, offsets = _rebuild(
        text,
        offsets,
        (
            (m.start(), m.end(), re.sub(r"[^\d+]", "", m.group()))
            for m in _INTL_SPLIT.finditer(text)
            if 6 <= sum(ch.isdigit() for ch in m.group()[_INTL_SUBSCRIBER.match(m.group()).end():]) <= 12  # type: ignore[union-attr]
        ),
    )

    def spaces(text: str) -> Iterator[Edit]:
        for m in _SPACE.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            between_ascii_words = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
            yield m.start(), m.end(), " " if between_ascii_words else ""

    return _rebuild(text, offsets, spaces(text))


@lru_cache(maxsize=1)
def _lexicon_gates() -> tuple[tuple[re.Pattern[str], frozenset[str] | None, bool], ...]:
    """Every pattern of the lexicon with its triggers (patterns.required_characters), and whether
    it is a Latin spelling."""
    return tuple(
        (p, triggers(p.pattern), p is ascii_pattern)
        for cjk, ascii_pattern, _, _ in _lexicon()
        for p in (cjk, ascii_pattern)
        if p is not None
    )


def _any_lexicon_entry(text: str, latin: bool) -> bool:
    """Whether an entry of the lexicon (a Latin spelling only with `latin`) matches in `text`: only
    the entries whose triggers are in the text are tried, each a quick literal scan, where one
    alternation of all of them tried every entry at every position."""
    present = frozenset(text)
    return any(
        pattern.search(text) is not None
        for pattern, needed, is_latin in _lexicon_gates()
        if (latin or not is_latin) and (needed is None or not needed.isdisjoint(present))
    )


# A dotted token: a host with or without its scheme and path ("alipay-hb.cc/x", "weixin.qq.com").
# Only where a token begins, possessive: linear on a paste of a million letters with no dot.
_DOTTED = precompiled(r"(?<![a-z0-9\-_])[a-z0-9][a-z0-9\-_]*+(?:\.[a-z0-9\-_]++)++(?:/[!-~]*+)?")


def _outside_links(text: str, matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches that do not touch a dotted token: "hb" in alipay-hb.cc is part of a host, not 花呗,
    and rewriting it would break the link the checker must see."""
    matches = iter(matches)
    first = next(matches, None)
    if first is None:
        return  # nothing to rewrite: no need to look for links
    spans = [(m.start(), m.end()) for m in _DOTTED.finditer(text)]
    starts = [s for s, _ in spans]
    for m in chain((first,), matches):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and spans[k][1] > m.start():
            continue
        if k + 1 < len(spans) and spans[k + 1][0] < m.end():
            continue
        yield m


def _apply_lexicon(text: str, offsets: OffsetMap, found: _Found) -> tuple[str, OffsetMap]:
    """Step 8: abbreviations and homophones, each entry applied in turn; Latin spellings never inside
    a link."""
    latin = _LATIN.search(text) is not None  # most messages have no Latin letters: skip those patterns
    if not _any_lexicon_entry(text, latin):
        # No entry matches, so none changes the text and none can match after another: one pass
        # instead of one per pattern, for most messages.
        return text, offsets

    def homophone(start: int, end: int) -> None:
        found.add("homophone", start, end)

    for cjk, ascii_pattern, replacement, disguise in _lexicon():
        if cjk is not None:
            edits = ((m.start(), m.end(), replacement) for m in cjk.finditer(text) if m.group() != replacement)
            text, offsets = _rebuild(text, offsets, edits, homophone if disguise else None)
        if ascii_pattern is not None and latin:
            kept = _outside_links(text, ascii_pattern.finditer(text))
            edits = ((m.start(), m.end(), replacement) for m in kept if m.group() != replacement)
            text, offsets = _rebuild(text, offsets, edits, homophone if disguise else None)
    return text, offsets


def _numerals_to_digits(text: str, offsets: OffsetMap, found: _Found) -> tuple[str, OffsetMap]:
    """Step 7: a long run mixing digits and Chinese numerals is a number written to dodge filters."""
    out, cursor = _Pieces(), 0
    for m in _NUMERAL_RUN.finditer(text):
        run = m.group()
        if _word_after_digits(run, text, m.end()):
            # A warning that lost its clause marks ("…转到6222021234567894一律是诈骗") keeps its 一律.
            run = run[:-1]
        end = m.start() + len(run)
        if any(ch in _NUMERAL_DIGITS for ch in run) and sum(ch.isdigit() or ch in _NUMERAL_DIGITS for ch in run) >= _NUMERAL_COUNT:
            found.add("spelled_out_number", offsets.start(m.start()), offsets.end(end - 1))
            # One character for one, so every digit keeps its pasted span and the map stays as it is.
            out.add(text[cursor : m.start()])
            out.add(run.translate(_NUMERAL_TABLE))
            cursor = end
    if not cursor:
        return text, offsets
    out.add(text[cursor:])
    return out.text(), offsets


# A confirmed short number said aloud, as a transcript of a call writes it ("拨打九六一一零", "打幺二三六八核实"):
# the hotline a genuine caller sends the listener to, read as the number it is (no disguise: a short
# number is spoken so). Every such number begins with 1 or 9 (entities.official_numbers).
_SPOKEN_NUMBER = precompiled("(?<![零〇一二三四五六七八九幺0-9])[一九幺][零〇一二三四五六七八九幺]{2,4}(?![零〇一二三四五六七八九幺0-9])")


def _spoken_hotlines(text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """Step 7b: confirmed short numbers spoken in numerals, as digits (one character for one)."""
    if "一" not in text and "九" not in text and "幺" not in text:
        return text, offsets
    from .entities import official_numbers  # here: the entity stage reads the normalised text, and is loaded by now

    known = official_numbers()
    edits = [(m.start(), m.group().translate(_NUMERAL_TABLE)) for m in _SPOKEN_NUMBER.finditer(text)]
    edits = [(at, digits) for at, digits in edits if digits in known]
    if not edits:
        return text, offsets
    chars = list(text)
    for at, digits in edits:
        chars[at : at + len(digits)] = digits
    return "".join(chars), offsets


@lru_cache(maxsize=1)
def _regional() -> tuple[re.Pattern[str], dict[str, str]]:
    """Taiwan phrases (as step 4 leaves them) -> mainland ones, and one pattern finding them, longest
    first. Built on the first paste in traditional characters only."""
    table = json.loads(datafile.read_text("data/tw_phrases.json"))["phrases"]
    pattern = "|".join(re.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))
    return precompiled(pattern), table


def _regional_phrases(original: str, text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """Step 6: a paste with traditional characters in it says 簡訊 for 短信; a simplified
    paste is left as it is (影片 and 资讯 are mainland words too). Regional wording, not disguise:
    nothing is recorded."""
    if _t2s_table().keys().isdisjoint(map(ord, original)):
        return text, offsets
    pattern, table = _regional()
    return _rebuild(text, offsets, ((m.start(), m.end(), table[m.group()]) for m in pattern.finditer(text)))


@lru_cache(maxsize=1)
def _cantonese() -> tuple[frozenset[int], re.Pattern[str], dict[str, str]]:
    """Written Cantonese (data/cantonese.toml): the characters that mark it, and its words (as step 4 leaves
    them) -> the Mandarin ones, with one pattern finding them, longest first (compiled on the first paste so marked)."""
    data = datafile.load("data/cantonese.toml")
    table = data["phrases"]
    pattern = "|".join(re.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))
    return frozenset(map(ord, data["marks"])), precompiled(pattern), table


def _cantonese_phrases(original: str, text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """Step 6b: a paste written in Cantonese ("换咗新号", "唔好打", "两千蚊") -> the Mandarin words the rules read.
    Only where the paste holds a character Mandarin does not use; regional wording, not disguise: nothing is recorded."""
    marks, pattern, table = _cantonese()
    if marks.isdisjoint(map(ord, original)):
        return text, offsets
    return _rebuild(text, offsets, ((m.start(), m.end(), table[m.group()]) for m in pattern.finditer(text)))


# A link spoken instead of written, so that no filter reads it as one: its dots as 点, a hyphen as 杠, a
# slash as 斜杠 ("fz-app 点 cc", "etc 杠 renzheng 点 cc", "court-gov 点 top 斜杠 7425": the corpus's own
# fake-court, ETC and refund scams, written from the documented habit of dodging link filters). Read
# after step 5 has taken the white space out, and only where the public-suffix list, which decides what
# is a host for the link reader too, accepts what it spells: "3点cc" or "ok点ok" spell no host.
# Bounded as hosts are (a label of at most 63 characters, a few labels), and tried only where a run of
# labels begins (not after a 点 or 杠 that follows a label; "请点x点top" still begins at x): "a点a点a点…", which
# spells no host, is read once, not from every label on (hostile input, tests/test_hostile.py).
_SPOKEN_LABEL = r"[a-z0-9]{1,63}(?:(?:-|杠)[a-z0-9]{1,63}){0,8}"
_SPOKEN_LINK = precompiled(
    rf"(?<![a-z0-9\-.])(?<![a-z0-9][点杠])(?P<host>{_SPOKEN_LABEL}(?:(?:\.|点){_SPOKEN_LABEL}){{0,8}}点[a-z]{{2,24}})(?![a-z0-9])"
    r"(?P<path>(?:(?:斜杠|/)[a-z0-9_\-]{1,64}){0,16})"
)


def _spoken_links(text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """Step 5b: a link spoken (点 for its dots, 杠 for a hyphen, 斜杠 for a slash) written as a link."""
    if "点" not in text:
        return text, offsets
    def written(text: str) -> Iterator[Edit]:
        for m in _SPOKEN_LINK.finditer(text):
            host = m.group("host").replace("杠", "-").replace("点", ".")
            if registrable(host) is not None:
                yield m.start(), m.end(), host + m.group("path").replace("斜杠", "/")

    return _rebuild(text, offsets, written(text))


def normalize(text: str) -> Normalized:
    """Normalise pasted text for matching; see the module docstring for the steps."""
    found = _Found(len(text))
    passed, offsets = _char_pass(text, found)
    quotations: tuple[tuple[int, int], ...] = ()
    if _QUOTATION_MARK.search(passed) is not None:
        # Step 9, done here so that every later step reads the words the marks split whole (律「*师」费,
        # V「信」): the quotations as the marks pair up, on the paste, then no mark at all.
        quotations = tuple((offsets.start(a + 1), offsets.end(b - 1)) for a, b in quotation_pairs(passed))
        passed, offsets = _rebuild(passed, offsets, ((m.start(), m.end(), "") for m in _QUOTATION_MARK.finditer(passed)))
    speakers = _speakers(passed)
    mapped = _compact(passed, offsets, found, speakers)
    mapped = _spoken_links(*mapped)
    mapped = _regional_phrases(text, *mapped)
    mapped = _cantonese_phrases(text, *mapped)
    # Numerals before the lexicon: its spellings look at the digits after them ("V0000一00" is
    # "v0000100", which spells 微信 and a number), and one pass must see what a second would.
    compacted = mapped[0]
    mapped = _numerals_to_digits(*mapped, found)
    mapped = _spoken_hotlines(*mapped)
    out, offsets = _apply_lexicon(*mapped, found)
    if out != compacted:
        # Compact again: a replacement can put Chinese on both sides of a separator (一=V信 -> 一=微信),
        # and numerals turned digits can make a digit group of a split number ("000000一_000").
        out, offsets = _compact(out, offsets, found, speakers)
    return Normalized(out, offsets, text, found.disguises(), quotations)


def replace_spans(norm: Normalized, edits: Iterable[Edit]) -> Normalized:
    """Replace sorted, disjoint [start, end) slices of the normalised text, keeping the map."""
    text, offsets = _rebuild(norm.text, norm.offsets, edits)
    return Normalized(text, offsets, norm.original, norm.disguises, norm.quotations)


# Quotation marks as NFKC leaves them (＂ becomes ", and ﹁﹂﹃﹄ 「」『』); step 9 drops them all.
QUOTATION_MARKS = "\u201c\u201d\u300c\u300d\u300e\u300f\""
_QUOTATION_MARK = precompiled(f"[{QUOTATION_MARKS}]")
_QUOTATION_CLOSES = {"“": "”", "「": "」", "『": "』", '"': '"'}
# A quotation holds at most this many characters besides marks: marks further apart quote nothing.
QUOTATION_LENGTH = 150
_OPEN_QUOTATIONS = 16
_BETWEEN_CJK = precompiled(rf"[{_CJK}]\"[{_CJK}]")


def quotation_pairs(text: str) -> list[tuple[int, int]]:
    """Where the quotation marks of `text` pair up: (opening, closing) places of each pair, in the order
    they open. Marks pair as they nest (“…“…”…” is a quotation with one inside it, as a warning quotes a
    scam that quotes); a closing mark closes the nearest one of its kind left open (those opened after it
    stay unclosed). " is the same at both ends: it closes the " right before it, with no mark between,
    else opens (one between two Chinese characters separates them and quotes nothing). At most
    QUOTATION_LENGTH characters besides marks between the two, on one line."""
    pairs: list[tuple[int, int]] = []
    open_marks: list[tuple[str, int, int]] = []  # (the mark that closes it, where it opened, its rank)
    for k, m in enumerate(_QUOTATION_MARK.finditer(text)):
        at, mark = m.start(), m.group()
        if mark == '"' and _BETWEEN_CJK.match(text, max(0, at - 1)) is not None:
            continue  # between two Chinese characters, " separates them (step 5: 律"师"费), quoting nothing
        if mark == '"':
            # Written the same at both ends, " pairs with the one right before it (no other mark between);
            # one further back is left unclosed, and this one opens.
            closer = None
            if open_marks and open_marks[-1][0] == mark:
                if open_marks[-1][2] == k - 1:
                    closer = len(open_marks) - 1
                else:
                    del open_marks[-1]
        else:
            closer = next((i for i in range(len(open_marks) - 1, -1, -1) if open_marks[i][0] == mark), None)
        if closer is not None:
            _, opening, rank = open_marks[closer]
            del open_marks[closer:]
            # the characters between, less the marks; on one line
            if 0 < at - opening - (k - rank) <= QUOTATION_LENGTH and text.find("\n", opening, at) < 0:
                pairs.append((opening, at))
        elif mark in _QUOTATION_CLOSES:
            open_marks.append((_QUOTATION_CLOSES[mark], at, k))
            if len(open_marks) > _OPEN_QUOTATIONS:
                del open_marks[0]  # a long run of marks that never close: only the last few can
    return sorted(pairs)


def normalize_text(text: str) -> str:
    """The normalised string alone."""
    return normalize(text).text


# An opener: a first word group of at most _OPENER_CHARS Chinese characters (a greeting, an offer, a
# reassurance, a polite opener: "您好", "免费", "别担心", "尊敬的客户您好", "感谢您一直以来的支持"), set apart
# from the rest by a space of the paste or a mark. Openers may follow one another ("您好，喂，爸 …",
# "不好意思打扰一下 请放心 我钱书记…"), up to _OPENER_GROUPS of them within the first _OPENER_REACH
# characters. A sender tag or a speaker's first words after any of them still stand at the message's
# start (tests/test_monotone.py: a prefix never lowers a scam); a sender tag glued to an opener sets it
# apart too.
_OPENER_CHARS = 12
_OPENER_GROUPS = 3
_OPENER_REACH = 32
# Digits may stand among its words ("0元领", "领100元"), not alone: a number is no opener.
_OPENER = precompiled(r"(?=[0-9]{0,11}[\u4e00-\u9fff])[\u4e00-\u9fff0-9]{1,12}")  # _OPENER_CHARS
_HAN_CHAR = precompiled(r"[\u4e00-\u9fff]")
_LEADING_TAG = precompiled(r"【[^【】\n]{1,16}】")  # a sender tag that opens the message
# A paste's header, one to three pieces: a number (a sender's, with + and dashes), a date or a time, "短信".
_PASTE_HEADER = precompiled(
    r"(?:[\[(（]?(?:\+?\d[\d\-/.: ]{2,20}\d|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}|短信|信息|sms)[\])）]?){1,3}"
)
_OPENER_MARKS = precompiled(r"[,，!！。:：~～、]{1,3}")
# A bracket glued to a verb is the verb's object, not a sender's tag: "请到【营业厅】办理", "关注【某某】公众号".
_OPENER_VERB = precompiled(r"(?:到|去|往|至|在|用|找|登录|登陆|关注|打开|搜索|下载|进入|前往|咨询|联系|拨打|点击|通过|使用)$")


# A greeting glued to the first words with no space or mark ("您好亲爱的，…", "早上好我钱书记 …") is an opener
# too: the words that greet, not followed by what makes them another word ("你好像…", "您好久没来"); and so
# is a reassurance that ends a greeting's place ("请放心亲爱的，…", "别担心我钱书记 …"). Either may close a
# longer word group of the opener ("尊敬的客户您好我钱书记 …", "亲爱的用户请放心…"): the first of them within
# _OPENER_CHARS characters ends it.
GREETING = precompiled(
    r"(?:您好|你好|早上好|早安|上午好|中午好|下午好|晚上好|新年好|新年快乐|打扰了)(?:呀|啊|哈)?(?![像看久多几吗么呢听用坏])"
    r"|(?:请|您|你)?放心(?:吧|啦)?(?![贷借花])|(?:请|您|你)?(?:别|不用|无需|不要|无须|不必)(?:担心|着急|紧张)"
)
# Round 26 (red team narrated): so is the victim a case's opening names ("【案例】一名用户…", "近期有客户…", "市民王某…"),
# glued to what follows: where that is a scam's first words ("一名用户舅 我海燕 换微信了…"), who speaks first is who
# speaks first after it. A case told goes on with what happened to the victim ("一名用户收到…"), which opens nothing.
_CASE_SUBJECT = precompiled(
    r"(?:(?:近期|近日|最近|日前)?有(?:位|个|名)?|一名|一位|多名)(?:用户|客户|市民|居民|大学生|学生|老人|网友|群众|旅客|家长|车主)"
    r"|(?:市民|村民|居民|事主)[\u4e00-\u9fff]某"
)
_GLUED_OPENER = precompiled(r"[\u4e00-\u9fff]{0,10}?(?:" + GREETING.pattern + "|" + _CASE_SUBJECT.pattern + ")")


def glued_greeting_end(text: str, at: int = 0) -> int:
    """The end of a greeting or reassurance glued to Chinese words that follow it, in the word group
    that starts at `at` (0: none)."""
    m = _GLUED_OPENER.match(text, at)
    return m.end() if m is not None and _HAN_CHAR.match(text, m.end()) is not None else 0


def _glued_after(norm: Normalized, at: int) -> int:
    """The end of a greeting or reassurance glued to what follows, in the word group at `at`, with no
    space of the paste before it (0: none)."""
    greeting = glued_greeting_end(norm.text, at)
    return greeting if greeting and not any(norm.gap_before(k) for k in range(at + 1, greeting + 1)) else 0


def _opener_after(norm: Normalized, at: int) -> int:
    """The end of an opener that starts at `at` (0: none): a word group up to the first space of the
    paste, mark or sender tag."""
    text = norm.text
    m = _OPENER.match(text, at)
    if m is None:
        return 0
    end = next((k for k in range(at + 1, m.end()) if norm.gap_before(k)), m.end())
    if end < m.end() or norm.gap_before(end):
        return end  # "您好 亲爱的，…": the space ends the opener before any mark
    marks = _OPENER_MARKS.match(text, end)
    if marks is not None:
        return marks.end() if marks.end() < len(text) else 0
    if text.startswith("【", end) and not _OPENER_VERB.search(text, at, end):
        return end  # "您好【某某法务】…": a sender tag sets the opener apart as a mark does
    return 0


# The last message's openers, keyed by the hashes and lengths of its text and its paste: never the text
# itself (no message text is kept in a cache, tests/test_privacy.py). Entities, claims and rules read
# them several times a message.
_last_openers: tuple[int, int, int, int, tuple[int, ...]] = (0, -1, 0, -1, ())


def opener_ends(norm: Normalized) -> tuple[int, ...]:
    """Where the message's first words may start once one, two or more openers are set aside, in order.

    A greeting or reassurance glued inside a word group ("请放心亲爱的，", "尊敬的客户您好我钱书记 ") adds where it
    ends, and the group still ends where its mark or space does: "请放心办理。喂，爸 …" keeps "喂，" an opener."""
    global _last_openers
    text, original = norm.text, norm.original
    key, size, pasted, pasted_size, answer = _last_openers
    if size == len(text) and pasted_size == len(original) and key == hash(text) and pasted == hash(original):
        return answer
    answer = _opener_ends(norm)
    _last_openers = (hash(text), len(text), hash(original), len(original), answer)
    return answer


def tagged_opener_ends(norm: Normalized) -> tuple[int, ...]:
    """opener_ends(), and where a sender tag opens the message ("【温馨提示】老妈你…", "【提醒】你好 宝宝，…"), the
    end of the tag and the openers after it: who speaks first after a tag an attacker adds is who speaks first
    (claims.py reads persons there; tests/test_monotone.py: a sender tag never lowers a scam)."""
    ends = opener_ends(norm)
    tag = _LEADING_TAG.match(norm.text)
    if tag is None or tag.end() >= len(norm.text):
        return ends
    return (*ends, tag.end(), *_opener_ends(norm, tag.end()))


def _opener_ends(norm: Normalized, at: int = 0) -> tuple[int, ...]:
    ends: list[int] = []
    if at == 0 and (header := _paste_header_end(norm)):
        ends.append(header)
        at = header
    groups, reach = 0, at + _OPENER_REACH
    while groups < _OPENER_GROUPS:
        glued = _glued_after(norm, at)
        k = _opener_after(norm, at) or glued
        if not k or k > reach:
            break
        if 0 < glued < k:
            ends.append(glued)
        ends.append(k)
        at, groups = k, groups + 1
    return tuple(ends)


def _paste_header_end(norm: Normalized) -> int:
    """The end of what a phone shows above a message and a paste or a screenshot's text may carry with it:
    the sender's number, a date or a time, "短信" ("95588 【…】", "短信 10:21 妈，…", "106575170001：…"), ended
    by a space or a line break of the paste, a colon or a sender tag (0: none). The message starts after
    it as after an opener: a header must not hide its tag or who speaks first (tests/test_monotone.py)."""
    text = norm.text
    m = _PASTE_HEADER.match(text)
    if m is None or m.end() >= len(text):
        return 0
    end = m.end()
    if text[end] in ":：":
        return end + 1 if end + 1 < len(text) else 0
    return end if norm.gap_before(end) or text[end] == "【" else 0


def opener_end(norm: Normalized) -> int:
    """Where the message's first words start once a short opener is set aside (0: no opener)."""
    ends = opener_ends(norm)
    return ends[0] if ends else 0
