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
   punctuation that spells a word apart one character at a time (律、师、费); white space that is not
   between two ASCII words; and join digit groups split by spaces, dashes, dots or emoji
   (138-1234-5678, 138.1234.5678, 138🔸1234🔸5678);
6. a small lexicon of abbreviations and homophones (V信, 薇信, vx -> 微信; zfb -> 支付宝 ...);
7. runs of Chinese numerals inside long numbers (一三八…, 壹贰叁…) -> digits.

Steps 2, 5, 6 and 7 also record where a disguise was undone (Normalized.disguises), which the rule
`disguised_text` quotes as evidence.

Every span found on the normalised text maps back with `Normalized.span()` to the pasted text, so
evidence always quotes what the user pasted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

NORMALIZER_VERSION = "2"

# Characters people cannot see but scammers insert between the letters of a keyword.
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
# Symbols and emoji: arrows, maths, shapes, dingbats (❤ ★ ✨), 丨 (a Chinese stroke that reads as a
# bar), emoji and their presentation selectors. Never a word of their own between two Chinese characters.
_SYMBOLS = "\u2190-\u2bff\u2022\u30fb\u4e28\ufe0f\U0001f000-\U0001faff"
# Separators between two Chinese characters are removed (律*师*费 -> 律师费). Honest text has some
# too (全场/特价): gluing two honest words costs little, missing a disguised keyword costs much.
_CJK_SEPARATED = re.compile(rf"(?<=[{_CJK}])[\s\-_*·•・|~^=#/\\.'`\"+{_SYMBOLS}]{{1,8}}(?=[{_CJK}])")
# Punctuation between single characters, three or more in a row, spells a word apart (律、师、费);
# between words (红包、礼品) it is punctuation and stays.
_PUNCT_SPELLED = re.compile(rf"(?<![{_CJK}])[{_CJK}](?:[、，,;；:：][{_CJK}]){{2,}}")
_PUNCT = re.compile(r"[、，,;；:：]")
# White space counts as a word boundary only between two ASCII letters or digits (English text).
_SPACE = re.compile(r"\s+")
# Disguise spells a word apart, one character at a time (律*师*费); honest text puts a symbol between
# words (全场/特价, 小店·新品) and white space or quotes anywhere, so those do not count.
_SPELLED_APART = re.compile(rf"[{_CJK}](?:[\-_*·•・|~^=#/\\.+{_SYMBOLS}]{{1,8}}[{_CJK}]){{2,}}")
# Phone and card numbers are written in groups: 138 1234 5678, 6222-0212-3456-7890.
# Groups of three or more digits, so that dates (2024-12-01) stay apart; joined only when the result
# has the length of a phone (10-12 digits with area code) or card number (16-19).
_DIGIT_GROUPS = re.compile(rf"(?<!\d)\d{{3,8}}(?:[ \-\u3000._~*·{_SYMBOLS}]{{1,3}}\d{{3,8}}){{1,5}}(?!\d)")
_JOINED_LENGTHS = frozenset({10, 11, 12, 16, 17, 18, 19})
_NUMERAL_DIGITS = {
    **dict(zip("零〇一二三四五六七八九", "00123456789")),
    **dict(zip("壹贰叁肆伍陆柒捌玖", "123456789")),
    "幺": "1",
}
_NUMERAL_TABLE = str.maketrans(_NUMERAL_DIGITS)
# Seven or more numerals in a row only occur in a number written out to dodge filters.
_NUMERAL_RUN = re.compile("[0-9" + "".join(_NUMERAL_DIGITS) + "]{7,}")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text; starts[i] / ends[i] are the pasted-text offsets of character i.

    `disguises` lists (kind, start, end) on the pasted text where a disguise was undone: invisible
    characters, separators inside Chinese words, homophones, numerals spelled out in a number.
    Traditional characters and full-width forms are not listed: honest text uses them too.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original: str
    disguises: tuple[tuple[str, int, int], ...] = ()

    def gap_before(self, i: int) -> bool:
        """Whether the paste had white space right before normalised character i (a word boundary
        that compaction removed). Removed invisible characters or symbols are not a boundary."""
        return 0 < i < len(self.text) and any(ch.isspace() for ch in self.original[self.ends[i - 1] : self.starts[i]])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised slice [start, end) to a slice of the pasted text."""
        if not self.text:
            return 0, 0
        if start >= end:
            point = self.starts[start] if start < len(self.text) else self.ends[-1]
            return point, point
        return self.starts[start], self.ends[end - 1]


# Text made only of these characters needs no per-character NFKC: one str.translate does steps 1-4.
_PLAIN = re.compile(r"[\x00-\x7f\u4e00-\u9fff\uff01-\uff5e\u3000-\u3002\u3008-\u3011\u3014-\u301f\u2018\u2019\u201c\u201d\u2014\u00b7]*")


class _Builder:
    """Accumulates output characters together with the pasted span each one came from."""

    __slots__ = ("chars", "ends", "starts")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, text: str, start: int, end: int) -> None:
        for ch in text:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)


def _rebuild(text: str, starts: list[int], ends: list[int], pieces) -> tuple[str, list[int], list[int]]:
    """Apply (start, end, replacement) edits, sorted and disjoint, to a mapped string.

    A replacement inherits the pasted span of everything it replaces.
    """
    if not pieces:
        return text, starts, ends
    chars: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    cursor = 0
    for start, end, replacement in pieces:
        chars.append(text[cursor:start])
        new_starts.extend(starts[cursor:start])
        new_ends.extend(ends[cursor:start])
        if replacement and start < end:
            chars.append(replacement)
            new_starts.extend([starts[start]] * len(replacement))
            new_ends.extend([ends[end - 1]] * len(replacement))
        cursor = end
    chars.append(text[cursor:])
    new_starts.extend(starts[cursor:])
    new_ends.extend(ends[cursor:])
    return "".join(chars), new_starts, new_ends


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
        raw = resources.files("checker").joinpath(name).read_text(encoding="utf-8")
        table.update({ord(k): v for k, v in json.loads(raw)["chars"].items()})
    return table


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None, str, bool], ...]:
    """(homophones in Chinese, Latin-letter spellings, replacement, is a disguise) per entry."""
    raw = resources.files("checker").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    out = []
    for e in json.loads(raw)["entries"]:
        cjk = re.compile(e["cjk"]) if "cjk" in e else None
        latin = re.compile(e["ascii"]) if "ascii" in e else None
        out.append((cjk, latin, e["replace"], bool(e.get("disguise"))))
    return tuple(out)


_LATIN = re.compile("[a-z]")


@lru_cache(maxsize=1)
def _plain_table() -> dict[int, str]:
    """Steps 1-4 for _PLAIN characters: ASCII case, full-width forms, ideographic space, t2s."""
    table: dict[int, str] = {code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)}
    for code in range(0xFF01, 0xFF5F):
        table[code] = unicodedata.normalize("NFKC", chr(code)).lower()
    table[0x3000] = " "
    table.update(_t2s_table())
    return table


def _char_pass(text: str, found: list) -> tuple[str, list[int], list[int]]:
    """Steps 1-4: NFKC, invisible characters, ASCII case, traditional -> simplified."""
    if _PLAIN.fullmatch(text):
        # Every character maps to exactly one: offsets are the identity.
        return text.translate(_plain_table()), list(range(len(text))), list(range(1, len(text) + 1))
    return _char_pass_each(text, found)


def _char_pass_each(text: str, found: list) -> tuple[str, list[int], list[int]]:
    """Steps 1-4 one character at a time: the reference that the fast path must agree with."""
    t2s = _t2s_table()
    out = _Builder()
    for i, ch in enumerate(text):
        if ch.isascii():
            out.add(ch.lower(), i, i + 1)
            continue
        piece = unicodedata.normalize("NFKC", ch)
        for sub in piece:
            if _is_invisible(sub):
                # A leading BOM or a lone invisible character at either end hides nothing, and
                # neither does the way an emoji is drawn (⚠️ ❤️, 👨‍👩‍👧).
                if 0 < i < len(text) - 1 and not _emoji_presentation(text, i):
                    found.append(("invisible_character", i, i + 1))
                continue
            if sub.isascii():
                sub = sub.lower()
            out.add(t2s.get(ord(sub), sub), i, i + 1)
    return "".join(out.chars), out.starts, out.ends


def _compact(text: str, starts: list[int], ends: list[int], found: list) -> tuple[str, list[int], list[int]]:
    """Step 5: separators between Chinese characters, split digit groups, then white space."""
    found.extend(("separated_characters", starts[m.start()], ends[m.end() - 1]) for m in _SPELLED_APART.finditer(text))
    edits = [(m.start(), m.end(), "") for m in _CJK_SEPARATED.finditer(text)]
    text, starts, ends = _rebuild(text, starts, ends, edits)
    edits = []
    for m in _PUNCT_SPELLED.finditer(text):
        found.append(("separated_characters", starts[m.start()], ends[m.end() - 1]))
        edits.extend((m.start() + p.start(), m.start() + p.end(), "") for p in _PUNCT.finditer(m.group()))
    if edits:
        text, starts, ends = _rebuild(text, starts, ends, edits)

    edits = []
    for m in _DIGIT_GROUPS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) in _JOINED_LENGTHS:
            edits.append((m.start(), m.end(), digits))
    if edits:
        text, starts, ends = _rebuild(text, starts, ends, edits)

    edits = []
    for m in _SPACE.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        between_ascii_words = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        edits.append((m.start(), m.end(), " " if between_ascii_words else ""))
    return _rebuild(text, starts, ends, edits)


def _apply_lexicon(text: str, starts: list[int], ends: list[int], found: list) -> tuple[str, list[int], list[int]]:
    """Step 6: abbreviations and homophones, each entry applied in turn."""
    latin = _LATIN.search(text) is not None  # most messages have no Latin letters: skip those patterns
    for cjk, ascii_pattern, replacement, disguise in _lexicon():
        for pattern in (cjk, ascii_pattern if latin else None):
            if pattern is None:
                continue
            edits = [(m.start(), m.end(), replacement) for m in pattern.finditer(text) if m.group() != replacement]
            if not edits:
                continue
            if disguise:
                found.extend(("homophone", starts[s], ends[e - 1]) for s, e, _ in edits)
            text, starts, ends = _rebuild(text, starts, ends, edits)
    return text, starts, ends


def _numerals_to_digits(text: str, starts: list[int], ends: list[int], found: list) -> tuple[str, list[int], list[int]]:
    """Step 7: a long run mixing digits and Chinese numerals is a number written to dodge filters."""
    pieces, cursor = [], 0
    for m in _NUMERAL_RUN.finditer(text):
        run = m.group()
        if any(ch in _NUMERAL_DIGITS for ch in run):
            found.append(("spelled_out_number", starts[m.start()], ends[m.end() - 1]))
            # One character for one, so every digit keeps its pasted span and the map stays as it is
            # (no edit list: a million numerals cost a string, not a million edits).
            pieces += [text[cursor : m.start()], run.translate(_NUMERAL_TABLE)]
            cursor = m.end()
    if not pieces:
        return text, starts, ends
    return "".join([*pieces, text[cursor:]]), starts, ends


def normalize(text: str) -> Normalized:
    """Normalise pasted text for matching; see the module docstring for the steps."""
    found: list[tuple[str, int, int]] = []
    mapped = _char_pass(text, found)
    mapped = _compact(*mapped, found)
    replaced = _apply_lexicon(*mapped, found)
    if replaced[0] != mapped[0]:
        # A replacement can put Chinese on both sides of a separator (一=V信 -> 一=微信): compact again.
        replaced = _compact(*replaced, found)
    mapped = replaced
    mapped = _numerals_to_digits(*mapped, found)
    out, starts, ends = mapped
    return Normalized(out, tuple(starts), tuple(ends), text, tuple(sorted(set(found), key=lambda f: (f[1], f[2]))))


def replace_spans(norm: Normalized, edits: list[tuple[int, int, str]]) -> Normalized:
    """Replace sorted, disjoint [start, end) slices of the normalised text, keeping the map."""
    text, starts, ends = _rebuild(norm.text, list(norm.starts), list(norm.ends), edits)
    return Normalized(text, tuple(starts), tuple(ends), norm.original, norm.disguises)


def normalize_text(text: str) -> str:
    """The normalised string alone."""
    return normalize(text).text
