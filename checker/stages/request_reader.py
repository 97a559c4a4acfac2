"""Stage 3a': what a clause asks of the reader, read by a small learned reader where the patterns read nothing.

The claims stage reads requests by patterns (claims.toml [requests]). The grid (python -m checker.lab.grid) showed
in round 62 what that costs: the wordings of one writer are read almost all once fixed for, the next writer's only a
few points better (its blind held-out half stayed 24-26 % below the verdict it must reach). A request for money, a code
or the screen is DEVELOPERS.md's core red flag whatever its wording, so the clauses of a message are also scored by a
multinomial logistic regression over character 1-3-grams (TF-IDF as scikit-learn computes it), trained by
`python -m checker.lab.request_reader` on our own requests (the grid's dev wordings and the blind dev half of
data/grid_blind.json) against every clause of our genuine messages and of the warnings and stories of
data/told.jsonl. Digits and Latin letters are read as their shape (prepared()): a card number is a run of digits,
whatever its digits.

It says what kind of request a clause makes (pay, credentials, screen_share, contact) or none. It never decides
alone: the claims stage asks it only of a message that claims to be someone, only of clauses where the patterns read
no request for money, a code or the screen, and keeps a request for money, a code or the screen only where its clause speaks to the reader, tells of
nothing done, quotes nobody, names no third person and is not negated or reported (claims.py _learned_requests,
claims.toml [learned]); the request then goes through the same judgement as one the patterns read (its channel, the
claim, the told reader).

The numbers are plain data (models/requests.json), verified by the SHA-256 pinned in checker/data/model_pins.json
("requests"), read only when a message reaches the question.
"""

from __future__ import annotations

import binascii
import json
import math
import re
import sys
from array import array

from . import model
from .patterns import precompiled

READER_FILE = "requests.json"
FORMAT_VERSION = 2
# Between the n-grams in the file's one string of them: a control character no normalised text keeps.
GRAM_SEPARATOR = "\x1f"
NONE = "none"
# Where a clause ends (a sentence's end, a comma, a line break, a heading's colon or bracket). A piece is one clause,
# never two: what a clause reads as cannot depend on its neighbour, which a line slipped between them would take
# away; and a label glued before a request ("防诈骗官方电话：请把…") is a clause of its own, so it cannot dilute the
# request's words (tests/test_monotone.py).
CLAUSE = precompiled(r"[^。！？!?；;\n，,:：()（）【】]+")
MIN_CLAUSE = 4  # characters: shorter clauses ("好的", "您好") ask nothing
MAX_PIECE = 120  # characters a piece reads at most: a clause without marks is cut there
MAX_PIECES = 200  # pieces read in one message: no paste makes a check slow
_DIGITS = precompiled(r"\d+")
_LATIN = precompiled(r"[a-z][a-z0-9_\-.]*")
_WHITE_SPACES = precompiled(r"\s\s+")  # scikit-learn's char analyzer folds runs of white space so


class ReaderError(Exception):
    """The request reader cannot be trusted: missing, damaged or unreadable."""


def prepared(piece: str) -> str:
    """The piece as the reader reads it: lower case, every run of digits one "0", every Latin word (a link, a chat
    id) one "a". The trainer passes this as scikit-learn's preprocessor, so both sides read the same text."""
    return _LATIN.sub("a", _DIGITS.sub("0", piece.lower()))


class RequestReader:
    """The probability of each kind of request (or none) a piece of a message makes."""

    def __init__(
        self, grams: dict[str, int], weights: array[float], intercepts: tuple[float, ...], classes: tuple[str, ...],
        threshold: float, ngram: tuple[int, int],
    ):
        self.grams = grams  # character n-gram -> its row in `weights`
        self.weights = weights  # per row: the n-gram's idf, then its coefficient for each class
        self.intercepts = intercepts
        self.classes = classes
        self.threshold = threshold
        self.ngram = ngram

    def probabilities(self, piece: str) -> dict[str, float]:
        """As TfidfVectorizer(analyzer="char", sublinear_tf=True, preprocessor=prepared) and a multinomial
        LogisticRegression.predict_proba compute it."""
        text = _WHITE_SPACES.sub(" ", prepared(piece))
        low, high = self.ngram
        counts: dict[str, int] = {}
        for n in range(low, min(high, len(text)) + 1):
            for i in range(len(text) - n + 1):
                gram = text[i : i + n]
                counts[gram] = counts.get(gram, 0) + 1
        width = len(self.classes) + 1
        weights = self.weights
        rows = [(self.grams[g] * width, c) for g, c in counts.items() if g in self.grams]
        tfidf = [((1.0 + math.log(c)) * weights[row], row) for row, c in rows]
        norm = math.sqrt(sum(w * w for w, _ in tfidf)) or 1.0
        z = [b + sum(w * weights[row + 1 + k] for w, row in tfidf) / norm for k, b in enumerate(self.intercepts)]
        top = max(z)
        exps = [math.exp(v - top) for v in z]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def kind(self, piece: str) -> str | None:
        """The kind of request the piece makes, where its probability reaches the threshold; None otherwise."""
        probabilities = self.probabilities(piece)
        best = max(probabilities, key=probabilities.__getitem__)
        return best if best != NONE and probabilities[best] >= self.threshold else None


def pieces(text: str, openers: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """The pieces of `text` the reader scores: each clause of MIN_CLAUSE characters or more and, with `openers`, each
    clause's rest from every place inside it where one matches ("请…", "麻烦…": so words put before a request in its
    own clause cannot dilute it); none longer than MAX_PIECE (cut at its start), at most MAX_PIECES."""
    clauses = [(m.start(), m.end()) for m in CLAUSE.finditer(text) if len(m.group().strip()) >= MIN_CLAUSE]
    found = list(clauses)
    if openers is not None:
        found += [(m.start(), b) for a, b in clauses for m in openers.finditer(text, a + 1, b) if b - m.start() >= MIN_CLAUSE]
    return [(max(a, b - MAX_PIECE), b) for a, b in sorted(set(found))[:MAX_PIECES]]


def parse(data: bytes) -> RequestReader:
    """models/requests.json: the n-grams as one string (GRAM_SEPARATOR between them), and their numbers as one base64
    block of little-endian single-precision floats (per n-gram: idf, then a coefficient per class). A check reads
    them in about 3 ms where a JSON list of as many numbers takes some 25 ms to parse, and a list of the n-grams
    and doubles some 5 ms; single precision moves a probability by about 1e-6 (the trainer checks it against
    scikit-learn)."""
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw["format_version"] != FORMAT_VERSION:
            raise ReaderError(f"{READER_FILE} has format {raw['format_version']}, this checker reads {FORMAT_VERSION}")
        classes = tuple(str(c) for c in raw["classes"])
        grams = raw["grams"].split(GRAM_SEPARATOR)
        weights = array("f", binascii.a2b_base64(raw["weights"]))
        if sys.byteorder != "little":
            weights.byteswap()
        if len(weights) != len(grams) * (len(classes) + 1) or len(raw["intercepts"]) != len(classes):
            raise ReaderError(f"{READER_FILE} is unreadable (n-grams, classes and numbers disagree)")
        low, high = raw["ngram_range"]
        return RequestReader(
            dict(zip(grams, range(len(grams)))), weights, tuple(float(b) for b in raw["intercepts"]), classes,
            float(raw["threshold"]), (int(low), int(high)),
        )
    except ReaderError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        raise ReaderError(f"{READER_FILE} is unreadable ({type(exc).__name__})") from None


def export(grams: list[str], idf: list[float], coefficients: list[list[float]]) -> dict[str, str]:
    """The "grams" and "weights" fields parse() reads, from each n-gram's idf and its coefficients (one list per class)."""
    if any(GRAM_SEPARATOR in g for g in grams):
        raise ValueError("an n-gram holds the separator of the file's n-grams")
    weights = array("f", (v for k in range(len(grams)) for v in (idf[k], *(c[k] for c in coefficients))))
    if sys.byteorder != "little":
        weights.byteswap()
    return {"grams": GRAM_SEPARATOR.join(grams), "weights": binascii.b2a_base64(weights.tobytes(), newline=False).decode("ascii")}


def load() -> RequestReader:
    """The shipped request reader, verified and parsed once per process; raises ReaderError."""
    return _shipped.get()


def reset_cache() -> None:
    """Forget the loaded reader (tests swap files)."""
    _shipped.reset()


def _read_verified() -> bytes:
    """models/requests.json, checked against its pin ("requests") as the model's files are (model._read_verified)."""
    try:
        return model._read_verified(READER_FILE, model._pins().get("requests", {}))
    except model.ModelError as exc:
        raise ReaderError(str(exc)) from None


_shipped = model.LoadedOnce(lambda: parse(_read_verified()), ReaderError)
