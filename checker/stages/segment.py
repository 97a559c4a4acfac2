"""The one function that turns a message into model features, shared by training and checking.

normalised text -> entities masked by ASCII placeholders -> a private jieba Tokenizer (HMM off)
-> word unigrams and bigrams, and character 2- and 3-grams of each run of Chinese characters
(robust where jieba splits differently, e.g. text without punctuation) -> scored over the whole
message and over each clause (units), so that padding around a scam sentence cannot dilute it.

Why a private Tokenizer filled by hand: jieba's shared tokenizer loads its 349,046-word dictionary
(about 0.6 s), writes a cache file shared by every user in the temp directory and logs to stderr.
We ship a compact dictionary (models/jieba_dict.txt: jieba's own entries that occur in our corpus,
its most frequent words, and our user dictionary, with jieba's total frequency kept, so a corpus text
splits exactly as with the full dictionary) and fill the prefix dictionary directly: no cache file,
no log line, no temp directory; model.py builds it once, lazily, under a lock.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import sys
from typing import NamedTuple

from .entities import Entity
from .normalize import Normalized, replace_spans

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
_OTHER_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_KEEP_TOKEN = re.compile(r"[\w\u4e00-\u9fff]")
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


def load_tokenizer(dictionary: bytes):
    """A jieba Tokenizer whose prefix dictionary is built from `dictionary` (jieba's text format)."""
    # jieba imports pkg_resources only to locate its own files, which costs about 0.2 s; without it,
    # jieba falls back to plain paths. We never read jieba's files, so hide it for the import.
    saved = sys.modules.get("pkg_resources", None)
    had = "pkg_resources" in sys.modules
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if had:
            sys.modules["pkg_resources"] = saved  # type: ignore[assignment]
        else:
            del sys.modules["pkg_resources"]
    tokenizer = _fast_tokenizer_class(jieba)()
    freq, total = jieba.Tokenizer.gen_pfdict(io.BytesIO(dictionary))
    tokenizer.FREQ, tokenizer.total = freq, total
    log_total = math.log(total)
    # The same numbers jieba computes on every call: log(freq or 1) - log(total).
    tokenizer.log_prob = {word: math.log(f) - log_total for word, f in freq.items() if f}
    tokenizer.log_prob_unknown = math.log(1) - log_total
    tokenizer.initialized = True
    return tokenizer


def _fast_tokenizer_class(jieba):
    """jieba's Tokenizer, with its route search reading precomputed log-probabilities.

    Tokenizer.calc takes a logarithm for every candidate word of every message; this does the same
    arithmetic once per dictionary word, and get_DAG is jieba's loop with local names. The segmentation is identical (tests/test_segment.py
    compares it with jieba's own on every corpus message and on random text).
    """

    class FastTokenizer(jieba.Tokenizer):
        def get_DAG(self, sentence):
            freq = self.FREQ
            n = len(sentence)
            dag = {}
            for k in range(n):
                ends = []
                i = k
                frag = sentence[k]
                while i < n and frag in freq:
                    if freq[frag]:
                        ends.append(i)
                    i += 1
                    frag = sentence[k : i + 1]
                dag[k] = ends or [k]
            return dag

        def calc(self, sentence, DAG, route):
            n = len(sentence)
            route[n] = (0, 0)
            log_prob, unknown = self.log_prob, self.log_prob_unknown
            for idx in range(n - 1, -1, -1):
                best = None
                for x in DAG[idx]:
                    candidate = (log_prob.get(sentence[idx : x + 1], unknown) + route[x + 1][0], x)
                    if best is None or candidate > best:
                        best = candidate
                route[idx] = best

    return FastTokenizer


# jieba's own block pattern (re_han_default) and its test for single Latin letters and digits.
_JIEBA_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")
_JIEBA_ENG = re.compile("[a-zA-Z0-9]")


def tokens(tokenizer, masked_text: str) -> Tokens:
    """Words of the masked text with their offsets, without punctuation and white space.

    This is jieba's Tokenizer.cut(text, HMM=False) walked directly, so that offsets come for free:
    inside a block of Chinese and ASCII, the best route through the dictionary (runs of single
    letters or digits joined, as jieba joins them); between blocks, each character alone.
    tests/test_segment.py checks it against Tokenizer.cut word for word.
    """
    text = masked_text[:_MAX_MODEL_CHARS]
    words: list[str] = []
    spans: list[tuple[int, int]] = []

    def keep(start: int, end: int) -> None:
        word = text[start:end]
        if word.isalnum() or _KEEP_TOKEN.search(word):
            words.append(word)
            spans.append((start, end))

    cursor = 0
    for m in _JIEBA_BLOCK.finditer(text):
        for i in range(cursor, m.start()):
            if not text[i].isspace():
                keep(i, i + 1)
        block, base = m.group(), m.start()
        route: dict = {}
        tokenizer.calc(block, tokenizer.get_DAG(block), route)
        x, n, run = 0, len(block), None
        while x < n:
            y = route[x][1] + 1
            if y - x == 1 and _JIEBA_ENG.match(block, x):
                run = x if run is None else run
            else:
                if run is not None:
                    keep(base + run, base + x)
                    run = None
                keep(base + x, base + y)
            x = y
        if run is not None:
            keep(base + run, base + n)
        cursor = m.end()
    for i in range(cursor, len(text)):
        if not text[i].isspace():
            keep(i, i + 1)
    return Tokens(words, spans)


def ngrams(words: list[str]) -> list[str]:
    """Word unigrams and bigrams, joined by a space as scikit-learn's word n-grams are."""
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


CHAR_MARK = "#"  # char n-gram features start with it; words never do (jieba keeps no lone "#" word run)
CHAR_SIZES = (2, 3)
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
# A clause ends at sentence punctuation or a line break; the whole message is always a unit too.
_CLAUSE_END = re.compile("[。！？!?；;\n]+")


def char_ngrams(text: str) -> list[str]:
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        for size in CHAR_SIZES:
            out.extend(CHAR_MARK + run[i : i + size] for i in range(len(run) - size + 1))
    return out


def features(words: list[str], text: str) -> list[str]:
    """The model's terms for a text whose words are `words`."""
    return ngrams(words) + char_ngrams(text)


class Unit(NamedTuple):
    """A stretch of the masked text the model scores on its own: the whole message or one clause."""

    start: int
    end: int
    words: list[str]
    features: list[str]


def units(toks: Tokens, masked_text: str) -> list[Unit]:
    """The whole message first, then each clause when there is more than one."""
    text = masked_text[:_MAX_MODEL_CHARS]
    whole = Unit(0, len(text), toks.words, features(toks.words, text))
    bounds, cursor = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > cursor:
            bounds.append((cursor, m.start()))
        cursor = m.end()
    if cursor < len(text):
        bounds.append((cursor, len(text)))
    if len(bounds) < 2:
        return [whole]
    out = [whole]
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
    return out
