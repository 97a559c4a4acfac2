"""Stage 4: the jieba + TF-IDF + logistic-regression classifier, read from plain data.

The shipped model (models/model.json, models/jieba_dict.txt) is exported by `checker train` as
plain numbers: vocabulary, idf, weights. Reading it runs no code from the file and needs neither
scikit-learn nor numpy. Before it is parsed, each file is checked against the SHA-256 pinned in
checker/data/model_pins.json; a missing, truncated or altered file raises ModelError, and the check
goes on rules-only and says so (see pipeline.py).
"""

from __future__ import annotations

import hashlib
import json
import math
import pathlib
import threading
from dataclasses import dataclass
from importlib import resources

from . import segment
from .entities import Entity
from .normalize import Normalized

MODEL_FILE = "model.json"
DICT_FILE = "jieba_dict.txt"
FORMAT_VERSION = 1
_CUES = 5


class ModelError(RuntimeError):
    """The shipped model cannot be trusted or read."""


# Fewer distinct known words than this is thin evidence: the model then has no say (verdict.py).
MIN_KNOWN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Prediction:
    probability: float
    known_words: int  # distinct in-vocabulary words of the message, placeholders excluded
    model: Model
    vector: dict[int, float]
    tokens: segment.Tokens
    masked: Normalized

    def cues(self) -> tuple[tuple[str, float, tuple[tuple[int, int], ...]], ...]:
        """term, weight, pasted spans: computed only when the verdict shows them."""
        return self.model._cues(self.vector, self.tokens, self.masked)


@dataclass(frozen=True, slots=True)
class Model:
    vocabulary: dict[str, int]
    terms: tuple[str, ...]  # index -> term
    idf: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    agree_threshold: float
    lift_threshold: float
    sublinear_tf: bool
    tokenizer: object  # a private jieba.Tokenizer built from the shipped dictionary

    def vector(self, terms: list[str]) -> dict[int, float]:
        """The L2-normalised TF-IDF vector, as scikit-learn's TfidfVectorizer computes it."""
        vocabulary = self.vocabulary
        counts: dict[int, int] = {}
        for term in terms:
            index = vocabulary.get(term)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        idf = self.idf
        log = math.log
        if self.sublinear_tf:
            weights = {i: (1.0 + log(c)) * idf[i] for i, c in counts.items()}
        else:
            weights = {i: c * idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        return {i: v / norm for i, v in weights.items()} if norm else {}

    def probability_of_terms(self, terms: list[str]) -> tuple[float, dict[int, float]]:
        vec = self.vector(terms)
        coef = self.coef
        z = self.intercept + sum(v * coef[i] for i, v in vec.items())
        return _sigmoid(z), vec

    def predict(self, norm: Normalized, entities: tuple[Entity, ...]) -> Prediction:
        masked = segment.mask(norm, entities)
        toks = segment.tokens(self.tokenizer, masked.text)
        words = toks.words
        probability, vec = self.probability_of_terms(segment.ngrams(words))
        known = {w for w in words if w in self.vocabulary and w not in segment.PLACEHOLDER_TOKENS}
        return Prediction(probability, len(known), self, vec, toks, masked)

    def _cues(self, vec: dict[int, float], toks, masked: Normalized):
        """The unigram terms that pushed hardest towards 'scam', with their spans in the paste."""
        contributions = sorted(
            ((value * self.coef[index], index) for index, value in vec.items() if value * self.coef[index] > 0),
            reverse=True,
        )
        # Placeholders (xurl, xmobile ...) and bigrams are not shown: a cue must be words of the paste.
        cues = []
        for push, index in contributions:
            term = self.terms[index]
            if " " in term or term in segment.PLACEHOLDER_TOKENS:
                continue
            spans = tuple(masked.span(s, e) for word, (s, e) in zip(toks.words, toks.spans) if word == term)
            if spans:
                cues.append((term, round(push, 4), spans))
            if len(cues) == _CUES:
                break
        return tuple(cues)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _pins() -> dict[str, str]:
    raw = resources.files("checker").joinpath("data/model_pins.json").read_text(encoding="utf-8")
    return json.loads(raw)["sha256"]


def _model_files():
    """Where the shipped model lives: the package checker.models (the top-level models/ folder)."""
    try:
        return resources.files("checker.models")
    except ModuleNotFoundError:
        # Imported from a source checkout (python -m checker in the project root): models/ is beside it.
        return pathlib.Path(__file__).resolve().parents[2] / "models"


def _read_verified(name: str, pins: dict[str, str]) -> bytes:
    try:
        data = _model_files().joinpath(name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError) as exc:
        raise ModelError(f"model file {name} is missing ({type(exc).__name__})") from None
    digest = hashlib.sha256(data).hexdigest()
    if name not in pins:
        raise ModelError(f"model file {name} has no pinned checksum")
    if digest != pins[name]:
        raise ModelError(f"model file {name} does not match its pinned SHA-256 (damaged or replaced)")
    return data


def parse(model_bytes: bytes, dictionary: bytes) -> Model:
    try:
        data = json.loads(model_bytes.decode("utf-8"))
        if data.get("format_version") != FORMAT_VERSION:
            raise ModelError(f"model format {data.get('format_version')} is not {FORMAT_VERSION}")
        vocabulary = data["vocabulary"]
        idf = tuple(float(x) for x in data["idf"])
        coef = tuple(float(x) for x in data["coef"])
        if not (len(vocabulary) == len(idf) == len(coef)):
            raise ModelError("model arrays have different lengths")
        terms = [""] * len(vocabulary)
        for term, index in vocabulary.items():
            terms[index] = term
        return Model(
            vocabulary=vocabulary,
            terms=tuple(terms),
            idf=idf,
            coef=coef,
            intercept=float(data["intercept"]),
            agree_threshold=float(data["agree_threshold"]),
            lift_threshold=float(data["lift_threshold"]),
            sublinear_tf=bool(data["sublinear_tf"]),
            tokenizer=segment.load_tokenizer(dictionary),
        )
    except ModelError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise ModelError(f"model file cannot be read ({type(exc).__name__})") from None


_lock = threading.Lock()
_cached: Model | ModelError | None = None


def load() -> Model:
    """The shipped model, verified and parsed once per process; raises ModelError."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                try:
                    pins = _pins()
                    _cached = parse(_read_verified(MODEL_FILE, pins), _read_verified(DICT_FILE, pins))
                except ModelError as exc:
                    _cached = exc
    if isinstance(_cached, ModelError):
        raise _cached
    return _cached


def reset_cache() -> None:
    """Forget the loaded model (tests swap model files)."""
    global _cached
    with _lock:
        _cached = None
