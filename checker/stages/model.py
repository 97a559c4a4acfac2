"""Stage 4: the jieba + TF-IDF + logistic-regression classifier, read from plain data.

Two regressions share one vector: TF-IDF of the words (word unigrams and bigrams, character 2- and
3-grams), and beside it, with a fixed weight, the message's structure as the claims stage reads it
(what it claims to be, what it asks, through which kind of channel: structure_terms). Wording fits
the scams we wrote; structure carries over to kinds of scam our corpus does not have (measured with
scam types held out of training, models/MODEL_CARD.md). One regression says how much the message
reads like a scam, scored over the whole message and each clause (segment.units; the clause that
reads most like a scam speaks, with the message's structure); the other, over the fraud types of
the taxonomy, names the scam it reads like, with the words of the paste that made it think so.

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
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from . import segment
from .claims import Reading
from .entities import Entity, institutions
from .normalize import Normalized
from .rules import Evidence, Flag

MODEL_FLAG_PREFIX = "model_"  # the id of the model's named flag: model_<type id>, or model_family_<family>
FAMILY_PREFIX = "family_"  # a namer class standing for a family whose types are too rare to learn alone

MODEL_FILE = "model.json"
DICT_FILE = "jieba_dict.txt"
FORMAT_VERSION = 3
STRUCTURE_MARK = "§"  # a structure term (structure_terms), never a pasted word or n-gram
_CUES = 5
_SPANS_PER_CUE = 3
_MIN_CUE_CHARS = 2  # a cue is a word or character n-gram of at least two characters, never 你 / 我 / 被


def structure_terms(reading: Reading) -> list[str]:
    """The message's structure as terms: the kind of institution or person it claims to be, each
    request and through what it goes, each channel's kind and standing. Words a scammer can change;
    these describe what the message does, whatever its wording."""
    kinds = _institution_kinds()
    terms = set()
    for claim in reading.claims:
        terms.add(f"{STRUCTURE_MARK}claim:{kinds.get(claim.id, 'other') if claim.kind == 'institution' else claim.id}")
    for request in reading.requests:
        terms.add(f"{STRUCTURE_MARK}ask:{request.kind}")
        terms.add(f"{STRUCTURE_MARK}ask:{request.kind}:{request.through}")
    for channel in reading.channels:
        terms.add(f"{STRUCTURE_MARK}channel:{channel.kind}:{channel.status}")
        terms.add(f"{STRUCTURE_MARK}channel:{channel.kind}:{'private' if channel.private else 'organisation'}")
    return sorted(terms)


_kinds: dict[str, str] = {}


def _institution_kinds() -> dict[str, str]:
    if not _kinds:
        _kinds.update({institution.id: institution.kind for institution in institutions()})
    return _kinds


class ModelError(RuntimeError):
    """The shipped model cannot be trusted or read."""


# Fewer distinct known words than this is thin evidence: the model then has no say (verdict.py),
# and a clause with fewer is not scored on its own.
MIN_KNOWN_WORDS = 4


def best_unit(probabilities: list[float], known: list[int]) -> int:
    """Which unit speaks for the message: the whole message, or a clause with enough known words
    that reads more like a scam (so padding around a scam sentence cannot dilute it)."""
    best = 0
    for index in range(1, len(probabilities)):
        if known[index] >= MIN_KNOWN_WORDS and probabilities[index] > probabilities[best]:
            best = index
    return best


@dataclass(frozen=True, slots=True)
class NamedClass:
    """A class of the namer: one fraud type of the taxonomy, or a family when its types are rare."""

    id: str
    name: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Naming:
    """What the model thinks the scam is, and the words of the paste that made it think so."""

    kind: NamedClass
    share: float  # the namer's probability for this class among the fraud classes
    cues: tuple[tuple[str, float, tuple[tuple[int, int], ...]], ...]  # term, push, pasted spans


@dataclass(frozen=True, slots=True)
class Namer:
    """One-vs-rest logistic regressions over the fraud classes, sparse (L1), on the same TF-IDF vector."""

    classes: tuple[NamedClass, ...]
    weights: tuple[dict[int, float], ...]
    intercepts: tuple[float, ...]
    by_feature: dict[int, tuple[tuple[int, float], ...]]  # feature -> (class, weight): few per feature

    def probabilities(self, vec: dict[int, float]) -> list[float]:
        """scikit-learn's OneVsRestClassifier.predict_proba: each sigmoid, normalised to sum 1."""
        z = list(self.intercepts)
        by_feature = self.by_feature
        for i, v in vec.items():
            for k, w in by_feature.get(i, ()):
                z[k] += v * w
        raw = [_sigmoid(x) for x in z]
        total = sum(raw)
        return [r / total for r in raw] if total else raw


@dataclass(frozen=True, slots=True)
class Prediction:
    probability: float
    known_words: int  # distinct in-vocabulary words of the whole message, placeholders excluded
    model: Model
    unit: segment.Unit  # the whole message or the clause that gave the probability
    vector: dict[int, float]
    tokens: segment.Tokens
    masked: Normalized

    def naming(self) -> Naming:
        """Computed only when the verdict shows it."""
        return self.model._naming(self)


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
    structure: dict[str, int]  # structure term -> index, after the vocabulary's
    structure_weight: float  # the value of a present structure term in the vector (not normalised)
    namer: Namer
    tokenizer: object  # a private jieba.Tokenizer built from the shipped dictionary

    def vector(self, terms: list[str], structure: Iterable[str] = ()) -> dict[int, float]:
        """The L2-normalised TF-IDF vector, as scikit-learn's TfidfVectorizer computes it, and beside
        it each known structure term at structure_weight."""
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
        vec = {i: v / norm for i, v in weights.items()} if norm else {}
        for term in structure:
            index = self.structure.get(term)
            if index is not None:
                vec[index] = self.structure_weight
        return vec

    def probability_of_terms(self, terms: list[str], structure: Iterable[str] = ()) -> tuple[float, dict[int, float]]:
        vec = self.vector(terms, structure)
        coef = self.coef
        z = self.intercept + sum(v * coef[i] for i, v in vec.items())
        return _sigmoid(z), vec

    def known(self, words: list[str]) -> int:
        return len({w for w in words if w in self.vocabulary and w not in segment.PLACEHOLDER_TOKENS})

    def predict(self, norm: Normalized, entities: tuple[Entity, ...], reading: Reading) -> Prediction:
        masked = segment.mask(norm, entities)
        toks = segment.tokens(self.tokenizer, masked.text)
        units = segment.units(toks, masked.text)
        # The structure is the message's: every unit is scored with it.
        structure = structure_terms(reading)
        scored = [self.probability_of_terms(unit.features, structure) for unit in units]
        known = [self.known(unit.words) for unit in units]
        best = best_unit([p for p, _ in scored], known)
        probability, vec = scored[best]
        return Prediction(probability, known[0], self, units[best], vec, toks, masked)

    def _naming(self, prediction: Prediction) -> Naming:
        vec = prediction.vector
        shares = self.namer.probabilities(vec)
        top = max(range(len(shares)), key=shares.__getitem__)
        cues = self._cues(prediction, self.namer.weights[top]) or self._cues(prediction, {i: self.coef[i] for i in vec})
        return Naming(self.namer.classes[top], shares[top], cues)

    def _cues(self, prediction: Prediction, weights: dict[int, float]):
        """The words of the unit that pushed hardest towards the class; character n-grams (which can
        straddle words, 的借呗) only when no word of two characters or more pushed at all."""
        vec = prediction.vector
        pushes = sorted(
            ((v * weights[i], i) for i, v in vec.items() if i in weights and v * weights[i] > 0),
            reverse=True,
        )
        words = [(push, self.terms[i]) for push, i in pushes if not self.terms[i].startswith(segment.CHAR_MARK)]
        grams = [(push, self.terms[i]) for push, i in pushes if self.terms[i].startswith(segment.CHAR_MARK)]
        return self._spans(prediction, words) or self._spans(prediction, grams)

    def _spans(self, prediction: Prediction, pushes: list[tuple[float, str]]):
        unit, toks, masked = prediction.unit, prediction.tokens, prediction.masked
        cues: list[tuple[str, float, tuple[tuple[int, int], ...]]] = []
        for push, term in pushes:
            if " " in term or term in segment.PLACEHOLDER_TOKENS or term.startswith(STRUCTURE_MARK):
                continue
            gram = term.startswith(segment.CHAR_MARK)
            shown = term[len(segment.CHAR_MARK) :] if gram else term
            if len(shown) < _MIN_CUE_CHARS or any(shown == cue[0] for cue in cues):
                continue
            if gram:
                part = masked.text[unit.start : unit.end]
                found = [(unit.start + m, unit.start + m + len(shown)) for m in _find_all(part, shown)]
            else:
                found = [(s, e) for w, (s, e) in zip(toks.words, toks.spans) if w == term and unit.start <= s and e <= unit.end]
            spans = tuple(masked.span(s, e) for s, e in found)
            if spans:
                cues.append((shown, round(push, 4), spans))
            if len(cues) == _CUES:
                break
        return tuple(cues)


def named_flag(naming: Naming, text: str, points: float) -> Flag:
    """The model's opinion as a named red flag: the scam type it reads like, with its cue spans.

    `points`: what the model added to the score (verdict.py); it cannot make high_risk alone.
    """
    kind = naming.kind
    # The first few places of each cue: a long paste repeats its words, the reader needs a handful.
    evidence = sorted({(s, e) for _, _, spans in naming.cues for s, e in spans[:_SPANS_PER_CUE]})
    return Flag(
        id=MODEL_FLAG_PREFIX + kind.id,
        title=f"措辞像“{kind.name}”诈骗短信",
        title_en=f"Worded like a '{kind.name_en}' scam",
        why=(
            f"用词与我们语料中“{kind.name}”类诈骗短信相近（在各类诈骗中占 {naming.share:.0%}）。"
            "这是统计模型的判断，不是已证实的事实；单凭它，结论最多是“可疑”。"
        ),
        why_en=(
            f"Its wording is close to the '{kind.name_en}' scams of our corpus ({naming.share:.0%} among the scam types). "
            "This is a statistical model's opinion, not an established fact; on its own it can only make a message suspicious."
        ),
        weight=round(max(points, 0.1), 1),
        evidence=tuple(Evidence(s, e, text[s:e]) for s, e in evidence),
        source="models/MODEL_CARD.md",
        types=() if kind.id.startswith(FAMILY_PREFIX) else (kind.id,),
    )


def _find_all(text: str, part: str) -> list[int]:
    out, at = [], text.find(part)
    while at >= 0:
        out.append(at)
        at = text.find(part, at + 1)
    return out


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


def _namer(data: dict, size: int) -> Namer:
    classes, weights, intercepts = [], [], []
    for entry in data["classes"]:
        indices, values = entry["index"], entry["weight"]
        if len(indices) != len(values) or any(not 0 <= int(i) < size for i in indices):
            raise ModelError(f"namer class {entry.get('id')} has bad weights")
        classes.append(NamedClass(str(entry["id"]), str(entry["name"]), str(entry["name_en"])))
        weights.append({int(i): float(w) for i, w in zip(indices, values)})
        intercepts.append(float(entry["intercept"]))
    if not classes:
        raise ModelError("the namer has no class")
    by_feature: dict[int, list[tuple[int, float]]] = {}
    for k, class_weights in enumerate(weights):
        for i, w in class_weights.items():
            by_feature.setdefault(i, []).append((k, w))
    return Namer(tuple(classes), tuple(weights), tuple(intercepts), {i: tuple(v) for i, v in by_feature.items()})


def parse(model_bytes: bytes, dictionary: bytes) -> Model:
    try:
        data = json.loads(model_bytes.decode("utf-8"))
        if data.get("format_version") != FORMAT_VERSION:
            raise ModelError(f"model format {data.get('format_version')} is not {FORMAT_VERSION}")
        vocabulary = data["vocabulary"]
        idf = tuple(float(x) for x in data["idf"])
        coef = tuple(float(x) for x in data["coef"])
        structure_list = [str(t) for t in data["structure"]["terms"]]
        if not (len(vocabulary) == len(idf) == len(coef) - len(structure_list)):
            raise ModelError("model arrays have different lengths")
        structure = {term: len(vocabulary) + k for k, term in enumerate(structure_list)}
        terms = [""] * len(coef)
        for term, index in (*vocabulary.items(), *structure.items()):
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
            structure=structure,
            structure_weight=float(data["structure"]["weight"]),
            namer=_namer(data["namer"], len(terms)),
            tokenizer=segment.load_tokenizer(dictionary),
        )
    except ModelError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, IndexError) as exc:
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
