"""The one function that turns a message into model tokens, shared by training and checking.

normalised text -> entities masked by ASCII placeholders -> a private jieba Tokenizer (HMM off)
-> word unigrams and bigrams.

Why a private Tokenizer filled by hand: jieba's shared tokenizer loads its 349,046-word dictionary
(about 0.6 s), writes a cache file shared by every user in the temp directory and logs to stderr.
We ship a compact dictionary (models/jieba_dict.txt: jieba's own entries that occur in our corpus,
its most frequent words, and our user dictionary, with jieba's total frequency kept, so a corpus text
splits exactly as with the full dictionary) and fill the prefix dictionary directly: no cache file,
no log line, no temp directory; model.py builds it once, lazily, under a lock.
"""

from __future__ import annotations

import io
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

class Token(NamedTuple):
    """A token and its offsets in the masked text (a tuple: thousands are made per second)."""

    text: str
    start: int
    end: int


def _placeholder(entity: Entity) -> str | None:
    if entity.kind == "phone":
        return PHONE_PLACEHOLDERS.get(entity.details.get("type", ""))
    return PLACEHOLDERS.get(entity.kind)


def mask(norm: Normalized, entities: tuple[Entity, ...]) -> Normalized:
    """Replace entities, then any other number, by placeholders; the result still maps to the paste."""
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
            sys.modules["pkg_resources"] = saved
        else:
            del sys.modules["pkg_resources"]
    tokenizer = jieba.Tokenizer()
    freq, total = jieba.Tokenizer.gen_pfdict(io.BytesIO(dictionary))
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    return tokenizer


def tokens(tokenizer, masked_text: str) -> list[Token]:
    """Tokens of the masked text (offsets into it), without punctuation and white space."""
    text = masked_text[:_MAX_MODEL_CHARS]
    out = []
    offset = 0
    # With HMM off, jieba's pieces cover the text in order, so offsets are running lengths.
    for word in tokenizer.cut(text, HMM=False):
        end = offset + len(word)
        if word.isalnum() or _KEEP_TOKEN.search(word):
            out.append(Token(word, offset, end))
        offset = end
    return out


def ngrams(words: list[str]) -> list[str]:
    """Word unigrams and bigrams, joined by a space as scikit-learn's word n-grams are."""
    return words + [f"{first} {second}" for first, second in zip(words, words[1:])]
