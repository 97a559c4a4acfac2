"""Stage 3b: whether a piece of a message tells of a scam or asks the reader, read by a small learned reader.

A warning retells what a scammer asked ("群里的专员让她在数字人民币App开通钱包，把存款转进去，最终被转走
5.5万元"); a scam asks it of the reader ("请将资金转入安全账户"). The claims stage reads retellings by
patterns (claims.toml [retelling]); rounds 33 to 35 showed that those patterns fit the wordings they were
written from and not the next writer's: the held halves of the warning pools did not move. So the places
of a message's red flags and requests are also scored by a logistic regression over character 1-3-grams
(TF-IDF as scikit-learn computes it), trained by `python -m checker.lab.told` on our own texts: every piece
of a scam is "asked"; every piece of an anti-fraud notice, a 12381 warning and of data/told.jsonl's cases,
stories and scripts explained is "told".

The reader is asked only where the message could be a warning, and every place must read as told
(pipeline._told_views says when): every unofficial number, link, card or chat id it names is told as the
scammer's (quoted as someone else's words, or after the scammer named or someone made to act in its
sentence: claims.scammers_way) and read as told where it stands, no victim in it asks what to do, nothing
up to a place orders the reader, speaks to him or for the sender's own body,
a request is told of someone named before it unless the message warns, and what genuine senders never do
is told of someone in a message that warns. What it scores for a place is the place's own sentence (or the
words after a heading's colon or bracket) up to the end of the place (views()), so a line added after it,
or before its sentence, cannot change the score (tests/test_monotone.py, tests/test_told.py).

The numbers are plain data (models/told.json), verified by the SHA-256 pinned in
checker/data/model_pins.json ("told"), read only when a message reaches the question.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from . import model
from .patterns import precompiled

TOLD_FILE = "told.json"
FORMAT_VERSION = 1
# Where a view begins: a sentence's end (。！？；, their ASCII forms, a line break), or a heading's mark
# ("警方提醒：", "（…）", "【…】"), so that a label put before a scam's own words is not read with them.
VIEW_START = precompiled(r"[。！？!?；;\n:：()（）【】]")
MAX_VIEW = 300  # characters a view reads at most, back from its place's end: no paste makes a check slow
_WHITE_SPACES = precompiled(r"\s\s+")  # scikit-learn's char analyzer folds runs of white space so


class TellerError(Exception):
    """The told reader cannot be trusted: missing, damaged or unreadable."""


class Teller:
    """The told reader: the probability that a piece of a message tells of a scam rather than asks the reader."""

    def __init__(self, terms: dict[str, tuple[float, float]], intercept: float, threshold: float, ngram: tuple[int, int]):
        self.terms = terms  # character n-gram -> (idf, coefficient)
        self.intercept = intercept
        self.threshold = threshold
        self.ngram = ngram

    def probability(self, piece: str) -> float:
        """As TfidfVectorizer(analyzer="char", sublinear_tf=True) and LogisticRegression.predict_proba compute it."""
        text = _WHITE_SPACES.sub(" ", piece.lower())
        low, high = self.ngram
        counts: dict[str, int] = {}
        for n in range(low, min(high, len(text)) + 1):
            for i in range(len(text) - n + 1):
                gram = text[i : i + n]
                counts[gram] = counts.get(gram, 0) + 1
        terms = self.terms
        weighted = [((1.0 + math.log(c)) * terms[g][0], terms[g][1]) for g, c in counts.items() if g in terms]
        norm = math.sqrt(sum(w * w for w, _ in weighted))
        z = self.intercept + (sum(w * coef for w, coef in weighted) / norm if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-z)) if z >= -700 else 0.0

    def tells(self, piece: str) -> bool:
        return self.probability(piece) >= self.threshold


def views(text: str, places: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """What the reader scores for each place (start, end) of `text`: from the last VIEW_START mark before it
    (or the text's start) to the end of the place, without leading white space; each once, in order.
    Nothing after the place is read, so a line added after it cannot change the score, nor a line or a
    label added before its sentence; nor more than MAX_VIEW characters."""
    found: dict[tuple[int, int], None] = {}
    ends = [m.end() for m in VIEW_START.finditer(text)]
    for start, end in places:
        begin = ends[bisect_right(ends, start) - 1] if ends and ends[0] <= start else 0
        begin = max(begin, end - MAX_VIEW)
        while begin < end and text[begin].isspace():
            begin += 1
        if begin < end:
            found[(begin, end)] = None
    return list(found)


def sentences(text: str) -> list[tuple[int, int]]:
    """Every piece of `text` between VIEW_START marks, without white space at its ends: what the reader is
    trained on."""
    spans = []
    begin = 0
    for end in [*(m.end() for m in VIEW_START.finditer(text)), len(text)]:
        a, b = begin, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        begin = end
    return spans


def all_told(teller: Teller, text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether every one of the views `spans` of `text` reads as told (none: False)."""
    return bool(spans) and all(teller.tells(text[a:b]) for a, b in spans)


def parse(data: bytes) -> Teller:
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw["format_version"] != FORMAT_VERSION:
            raise TellerError(f"{TOLD_FILE} has format {raw['format_version']}, this checker reads {FORMAT_VERSION}")
        terms = {g: (float(idf), float(coef)) for g, (idf, coef) in raw["terms"].items()}
        low, high = raw["ngram_range"]
        return Teller(terms, float(raw["intercept"]), float(raw["threshold"]), (int(low), int(high)))
    except TellerError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise TellerError(f"{TOLD_FILE} is unreadable ({type(exc).__name__})") from None


def load() -> Teller:
    """The shipped told reader, verified and parsed once per process; raises TellerError."""
    return _shipped.get()


def reset_cache() -> None:
    """Forget the loaded reader (tests swap files)."""
    _shipped.reset()


def _read_verified() -> bytes:
    """models/told.json, checked against its pin ("told") as the model's files are (model._read_verified)."""
    try:
        return model._read_verified(TOLD_FILE, model._pins().get("told", {}))
    except model.ModelError as exc:
        raise TellerError(str(exc)) from None


_shipped = model.LoadedOnce(lambda: parse(_read_verified()), TellerError)
