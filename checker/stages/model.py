"""Stage 4: the jieba + TF-IDF + logistic-regression classifier, read from plain data.

Two regressions share one vector: TF-IDF of the words and character 2-grams, and beside it, with
a fixed weight, the message's structure as the claims stage reads it (what it claims to be, what it
asks, through which kind of channel: structure_terms). Wording fits the scams we wrote; structure
carries over to kinds of scam our corpus does not have (measured with scam types held out of
training, models/MODEL_CARD.md). One regression says how much the message reads like a scam, scored
over the whole message, each clause and the message from after a prefix (segment.units; the unit
that reads most like a scam speaks, with the message's structure: a greeting or a reassurance put in
front cannot change the score of what follows it, issue 8); the other, over the fraud types of the
taxonomy, names the scam it reads like, with the words of the paste that made it think so.

The shipped model (models/model.json, models/jieba_dict.txt) is exported by `checker train` as
plain numbers: vocabulary, idf, weights, and the word list of the segmentation. A check reads the
same numbers from models/model.flat, which `python -m checker.lab.flatten` writes from those two
files (train runs it; tests/test_model.py regenerates it and compares bytes): the vocabulary and the
prefix dictionary as sorted words searched where they lie in the file (segment.SortedWords), the
numbers as little-endian binary arrays read in place, so that loading makes no object per term and
needs neither a JSON parse of 4 MB nor a dictionary build. Reading it runs no code from the file
and needs neither scikit-learn nor numpy. Before it is parsed, the file is checked against the
SHA-256 pinned in checker/data/model_pins.json; a missing, truncated or altered file raises
ModelError, and the check goes on rules-only and says so (see pipeline.py).
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import json
import math
import os
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import _count_elements  # type: ignore[attr-defined]  # Counter's counting, in C
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter, le, mul, truediv
from typing import Generic, Literal, TypeVar, cast, overload

from . import datafile, segment
from .claims import Reading
from .entities import Entity, institutions
from .normalize import Normalized
from .records import NamedTuple  # typing's, without evaluating the annotations
from .rules import Evidence, Flag

MODEL_FLAG_PREFIX = "model_"  # the id of the model's named flag: model_<type id>, or model_family_<family>
FAMILY_PREFIX = "family_"  # a namer class standing for a family whose types are too rare to learn alone

MODEL_FILE = "model.json"
DICT_FILE = "jieba_dict.txt"
FLAT_FILE = "model.flat"  # what a check reads: MODEL_FILE and DICT_FILE in one flat file
FORMAT_VERSION = 3
FLAT_MAGIC = b"checker flat model 3\n"
STRUCTURE_MARK = "§"  # a structure term (structure_terms), never a pasted word or n-gram
_CUES = 5
_SPANS_PER_CUE = 3
_MIN_CUE_CHARS = 2  # a cue is a word or character n-gram of at least two characters, never 你 / 我 / 被


STAKES_TERM = f"{STRUCTURE_MARK}stakes:notice"


def structure_terms(reading: Reading) -> list[str]:
    """The message's structure as terms: the kind of institution or person it claims to be, each
    request that does not go through official channels and through what it goes, each channel that
    is not official, with its kind and standing, and whether the reader's own money or account is at
    stake (Reading.stakes_named, denied or not). Words a scammer can change; these describe what the
    message does, whatever its wording.

    Official channels and requests through them give no term: "请登录支付宝App核实" or "95588" can be
    added to any scam, and a term for them would let a line of reassurance pull every unit's score
    down (issue 8: reassuring text never lowers a verdict). A genuine notice is told apart by having
    no risky structure, and by its words."""
    kinds = _institution_kinds()
    terms = set()
    for claim in reading.claims:
        terms.add(f"{STRUCTURE_MARK}claim:{kinds.get(claim.id, 'other') if claim.kind == 'institution' else claim.id}")
    for request in reading.requests:
        if request.through == "official" or request.kind == "visit":
            continue
        terms.add(f"{STRUCTURE_MARK}ask:{request.kind}")
        terms.add(f"{STRUCTURE_MARK}ask:{request.kind}:{request.through}")
    for channel in reading.channels:
        if channel.official:
            continue
        terms.add(f"{STRUCTURE_MARK}channel:{channel.kind}:{channel.status}")
        terms.add(f"{STRUCTURE_MARK}channel:{channel.kind}:{'private' if channel.private else 'organisation'}")
    if reading.stakes_named:
        # It earns its place where the model alone decides, on kinds of message it never saw: the
        # `no-stakes` variant of python -m checker.lab.ablation.
        terms.add(STAKES_TERM)
    return sorted(terms)


@lru_cache(maxsize=1)
def _institution_kinds() -> dict[str, str]:
    return {institution.id: institution.kind for institution in institutions()}


class ModelError(RuntimeError):
    """The shipped model cannot be trusted or read."""


# 1 + log(c) for each count c a term occurs in a unit (index 0 unused); replaced by a longer one, never
# changed, so that threads share it safely.
_SUBLINEAR: list[float] = [0.0, *(1.0 + math.log(c) for c in range(1, 64))]


def _sublinear(top: int) -> list[float]:
    """_SUBLINEAR, long enough for a count of `top`."""
    global _SUBLINEAR
    table = _SUBLINEAR
    if len(table) <= top:
        table = [0.0, *(1.0 + math.log(c) for c in range(1, 2 * top))]
        _SUBLINEAR = table
    return table


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


class NamedClass(NamedTuple):
    """A class of the namer: one fraud type of the taxonomy, or a family when its types are rare."""

    id: str
    name: str
    name_en: str


class Naming(NamedTuple):
    """What the model thinks the scam is, and the words of the paste that made it think so."""

    kind: NamedClass
    share: float  # the namer's probability for this class among the fraud classes
    cues: tuple[tuple[str, float, tuple[tuple[int, int], ...]], ...]  # term, push, pasted spans
    order: tuple[str, ...] = ()  # every class id, the most likely first


class Namer(NamedTuple):
    """One-vs-rest logistic regressions over the fraud classes, sparse (L1), on the same TF-IDF vector."""

    classes: tuple[NamedClass, ...]
    weights: tuple[dict[int, float], ...]
    intercepts: tuple[float, ...]
    by_feature: dict[int, tuple[tuple[int, float], ...]]  # feature -> (class, weight): few per feature

    def probabilities(self, vec: dict[int, float]) -> list[float]:
        """scikit-learn's OneVsRestClassifier.predict_proba: each sigmoid, normalised to sum 1."""
        z = list(self.intercepts)
        by_feature = self.by_feature
        # Most terms of the vector have no weight here: those that have are picked in C, in the vector's order.
        for i in filter(by_feature.__contains__, vec):
            v = vec[i]
            for k, w in by_feature[i]:
                z[k] += v * w
        raw = [_sigmoid(x) for x in z]
        total = sum(raw)
        return [r / total for r in raw] if total else raw


class Prediction(NamedTuple):
    probability: float
    known_words: int  # distinct in-vocabulary words of the whole message, placeholders excluded
    model: Model
    unit: segment.IndexedUnit  # the whole message or the clause that gave the probability
    vector: dict[int, float]
    tokens: segment.Tokens
    masked: Normalized

    def naming(self, cues: bool = True) -> Naming:
        """Computed only for a message with red flags or a model opinion the verdict shows; `cues`
        (the spans of the words that made it think so) only where the verdict shows the opinion."""
        return self.model._naming(self, cues)


class Vocabulary(Mapping[str, int]):
    """term -> index over terms in sorted order (scikit-learn numbers its vocabulary so).

    A dictionary of the 134,000 terms would cost a single check far more than its few hundred
    lookups: the first segment.LAZY_MESSAGES messages find their terms in the sorted terms (in the
    model file's bytes when read from it: segment.SortedWords), later ones read the dictionary built
    then (prepare() builds it at once, e.g. before forking).
    """

    __slots__ = ("_find", "_messages", "_table", "terms")

    def __init__(self, terms: Sequence[str], table: dict[str, int] | None = None) -> None:
        self.terms = terms
        self._table = table
        self._messages = 0
        self._find: Callable[[str], int | None] = terms.find if isinstance(terms, segment.SortedWords) else self._bisect

    def lookup(self) -> Callable[[str], int | None]:
        """The index of a term (None when unknown), by the fastest way for this message."""
        if self._table is None:
            self._messages += 1
            if self._messages <= segment.LAZY_MESSAGES:
                return self._find
            self.prepare()
        return self._table.get  # type: ignore[union-attr]

    @property
    def prepared(self) -> bool:
        """Whether the dictionary is built (prepare())."""
        return self._table is not None

    def prepare(self) -> None:
        if self._table is None:
            if isinstance(self.terms, segment.SortedWords):
                self.terms.materialize()  # the strings the dictionary holds, kept for lookups by index
            self._table = dict(zip(self.terms, range(len(self.terms))))

    def _bisect(self, term: str) -> int | None:
        terms = self.terms
        at = bisect_left(terms, term)
        return at if at < len(terms) and terms[at] == term else None

    def __getitem__(self, term: str) -> int:
        index = self._table.get(term) if self._table is not None else self._find(term)
        if index is None:
            raise KeyError(term)
        return index

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)


class Terms(Sequence[str]):
    """index -> term of a flat model: the vocabulary's terms, then the structure terms."""

    __slots__ = ("_structure", "_vocabulary", "_words")

    def __init__(self, vocabulary: Sequence[str], structure: list[str]) -> None:
        self._vocabulary, self._structure = vocabulary, structure
        self._words = len(vocabulary)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        words = self._words
        if isinstance(index, int) and 0 <= index < words:  # a model cue's term: most lookups
            return self._vocabulary[index]
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        index = segment.list_index(index, len(self))
        return self._vocabulary[index] if index < words else self._structure[index - words]

    def __len__(self) -> int:
        return len(self._vocabulary) + len(self._structure)

    def __iter__(self) -> Iterator[str]:
        return itertools.chain(self._vocabulary, self._structure)


@dataclass(frozen=True, slots=True)
class Model:
    """The shipped classifier, as parse_flat reads it (a docstring also spares dataclass building one
    from inspect.signature at import)."""

    vocabulary: Vocabulary
    terms: Sequence[str]  # index -> term
    idf: Sequence[float]
    coef: Sequence[float]
    intercept: float
    agree_threshold: float
    lift_threshold: float
    sublinear_tf: bool
    structure: dict[str, int]  # structure term -> index, after the vocabulary's
    structure_weight: float  # the value of a present structure term in the vector (not normalised)
    namer: Namer
    tokenizer: segment.Segmenter  # jieba's segmentation over the shipped dictionary
    # The vocabulary indices of the placeholders, which known() does not count.
    placeholders: frozenset[int] = field(init=False)
    # (idf, coef) as a check indexes them: the flat file's views at first, Python lists of the same
    # numbers once the vocabulary's dictionary is built (prepare()). Scoring a unit indexes both for
    # each of its terms, and a list hands out a float it holds where a view makes a new one each time
    # (0.25 M fewer instructions a check than a view read by itemgetter, ir.sh; the two lists of 160,000 hold ~10 MB).
    numbers: tuple[Sequence[float], Sequence[float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        vocabulary = self.vocabulary
        indices = frozenset(vocabulary[p] for p in segment.PLACEHOLDER_TOKENS if p in vocabulary)
        object.__setattr__(self, "placeholders", indices)
        object.__setattr__(self, "numbers", (self.idf, self.coef))

    def prepare(self) -> None:
        """Build the vocabulary's and the segmentation's dictionaries now (e.g. before forking
        workers, which then share them) instead of after segment.LAZY_MESSAGES messages."""
        self.vocabulary.prepare()
        self.tokenizer.prepare()
        self._numbers()

    def _numbers(self) -> tuple[Sequence[float], Sequence[float]]:
        """`numbers`, made lists once the vocabulary is prepared (the same doubles; replaced whole, never
        changed, so threads share them safely)."""
        numbers = self.numbers
        if self.vocabulary.prepared and not isinstance(numbers[0], (list, tuple)):
            numbers = (_as_list(self.idf), _as_list(self.coef))
            object.__setattr__(self, "numbers", numbers)
        return numbers

    def vector(self, terms: list[str], structure: Iterable[str] = ()) -> dict[int, float]:
        """The L2-normalised TF-IDF vector, as scikit-learn's TfidfVectorizer computes it, and beside
        it each known structure term at structure_weight."""
        return self.vector_of_indices(list(map(self.vocabulary.lookup(), terms)), structure)

    def vector_of_indices(self, indices: list[int | None], structure: Iterable[str] = ()) -> dict[int, float]:
        """vector() of the terms whose vocabulary indices are `indices` (None: not in the vocabulary).

        The arithmetic, and its order, are those of scikit-learn's TfidfVectorizer: counts in order of
        first occurrence, then (1 + log(count)) * idf, then the L2 norm. The structure terms stand
        beside the normalised part, each at structure_weight, as train.Fitted.matrix puts them.
        """
        return self._vector_of_weighted(self._weighted(indices), structure)

    def _vector_of_weighted(self, weighted: _Weighted, structure: Iterable[str] = ()) -> dict[int, float]:
        counts, values, norm, _ = weighted
        vec = dict(zip(counts, map(truediv, values, itertools.repeat(norm)))) if norm else {}
        for term in structure:
            index = self.structure.get(term)
            if index is not None:
                vec[index] = self.structure_weight
        return vec

    def probability_of_terms(self, terms: list[str], structure: Iterable[str] = ()) -> tuple[float, dict[int, float]]:
        return self.probability_of_indices(list(map(self.vocabulary.lookup(), terms)), structure)

    def probability_of_indices(self, indices: list[int | None], structure: Iterable[str] = ()) -> tuple[float, dict[int, float]]:
        vec = self.vector_of_indices(indices, structure)
        z = self.intercept + sum(map(mul, vec.values(), map(self.numbers[1].__getitem__, vec)))
        return _sigmoid(z), vec

    def _z_of_indices(self, indices: list[int | None], structure_products: list[float]) -> float:
        """The logit probability_of_indices() computes, without the vector: the same numbers summed in
        the same order (`structure_products`: structure_weight times the coef of each known structure
        term, in the order of the structure). predict() scores every unit so, and builds the vector of
        the one that speaks."""
        return self._z_of_weighted(self._weighted(indices), structure_products)

    def _weighted(self, indices: list[int | None]) -> _Weighted:
        """The terms of `indices` in order of first occurrence with their counts, their TF-IDF weights
        before the norm, in the same order, and the norm; and what picks a table's entries for them."""
        counts = _counted(indices)
        if not counts:
            return counts, (), 0.0, None  # no term of the vocabulary: a norm of 0
        pick = _picker(counts)
        idf = self.numbers[0]
        values: Sequence[float]
        if self.sublinear_tf:
            # (1.0 + log(c)) * idf[i], as scikit-learn has it: 1.0 * idf[i] is idf[i] exactly, so where
            # every term occurs once (a quarter of the units) the factors are left out.
            top = max(counts.values(), default=1)
            if top == 1:
                values = pick(idf)
            else:
                values = list(map(mul, map(_sublinear(top).__getitem__, counts.values()), pick(idf)))
        else:
            values = [c * idf[i] for i, c in counts.items()]
        return counts, values, math.sqrt(sum(map(mul, values, values))), pick

    def _z_of_weighted(self, weighted: _Weighted, structure_products: list[float]) -> float:
        _, values, norm, pick = weighted
        if not norm or pick is None:
            return self.intercept + sum(structure_products)
        normalised = map(mul, map(truediv, values, itertools.repeat(norm)), pick(self.numbers[1]))
        return self.intercept + sum(itertools.chain(normalised, structure_products))

    def known(self, words: list[str]) -> int:
        return self.known_of_indices(list(map(self.vocabulary.lookup(), words)))

    def known_of_indices(self, words: list[int | None]) -> int:
        """Distinct words of the vocabulary, placeholders excluded (an index stands for one word)."""
        found = set(words)
        found.discard(None)
        return len(found - self.placeholders)

    def predict(
        self,
        norm: Normalized,
        entities: tuple[Entity, ...],
        reading: Reading,
        asides: Sequence[tuple[int, int]] = (),
        retold: Sequence[tuple[int, int]] = (),
    ) -> Prediction:
        """`asides`: normalised spans of lines that only reassure, warn or pad (rules.model_asides), given
        where the message asks through an unofficial channel: the message read without them is one
        more unit, so that such a line added to a scam cannot dilute the model's opinion (issue 8).
        `retold`: pasted spans of the clauses a warning retells as the scammer's words (pipeline.py): a
        unit that lies inside one never speaks for the message (the whole message still does)."""
        masked = segment.mask(norm, entities)
        toks = segment.tokens(self.tokenizer, masked.text)
        lookup = self.vocabulary.lookup()
        self._numbers()
        looked = segment.lookups(toks, masked.text, lookup)
        text = masked.text[: segment._MAX_MODEL_CHARS]
        marks = segment.tail_starts(text)  # read by the units, the gaps' tails and the kept readings
        units = segment.indexed_units(toks, masked.text, lookup, looked, marks)
        # A prefix ended by a space or a line break of the paste: the message read from after it too.
        gap_tails = segment.gap_tail_starts(masked, marks)
        units += [segment.tail_unit(self.tokenizer, masked.text, i, lookup, toks, looked) for i in gap_tails]
        choices = _aside_choices([norm.span(s, e) for s, e in asides])
        if choices:
            starts = _pasted_starts(masked, len(text))
            tails = [*marks, *gap_tails]
            # Readings often coincide (a tail of one choice is another's): each mask is read once, as
            # the first of equal units is the one that could speak.
            masks: dict[bytes, None] = {}
            for spans in choices:
                kept = _kept_mask(starts, spans)
                masks.update(dict.fromkeys((kept, *_kept_tails(text, kept, tails))))
            for mask in masks:
                core = segment.kept_unit(toks, mask, looked)
                if core is not None:
                    units.append(core)
        known = [self.known_of_indices(unit.words) for unit in units]
        if retold:
            known[1:] = [0 if _inside(masked.span(u.start, u.end), retold) else n for u, n in zip(units[1:], known[1:])]
        # The structure is the message's: every unit is scored with it.
        structure = structure_terms(reading)
        # A clause with too few known words never speaks (best_unit): it is not scored. Neither does a
        # unit with the same words and terms as one before it (a tail or a reading without asides often
        # is a clause again): its probability is the same, and best_unit takes a later unit only when it
        # reads strictly more like a scam.
        weight, coef = self.structure_weight, self.numbers[1]
        structure_products = [mul(weight, coef[i]) for i in dict.fromkeys(self.structure[t] for t in structure if t in self.structure)]
        seen: set[tuple[tuple[int | None, ...], tuple[int | None, ...]]] = set()
        scored: list[float] = []
        weighted: dict[int, _Weighted] = {}
        weigh, z_of = self._weighted, self._z_of_weighted
        for k, unit in enumerate(units):
            if k and known[k] < MIN_KNOWN_WORDS:
                scored.append(-1.0)
                continue
            key = (tuple(unit.terms), tuple(unit.words))
            if key in seen:
                scored.append(-1.0)
                continue
            seen.add(key)
            weighted[k] = weigh(unit.terms)
            scored.append(_sigmoid(z_of(weighted[k], structure_products)))
        best = best_unit(scored, known)
        # The unit that speaks was scored (unit 0 always is): its probability is the one
        # probability_of_indices() would compute again (tests/test_model.py); its vector is built from
        # the weights it was scored with, as vector_of_indices() builds it.
        vec = self._vector_of_weighted(weighted[best], structure)
        return Prediction(scored[best], known[0], self, units[best], vec, toks, masked)

    def _naming(self, prediction: Prediction, with_cues: bool = True) -> Naming:
        vec = prediction.vector
        shares = self.namer.probabilities(vec)
        # The classes, most likely first; a stable sort, so a tie keeps the first class, as max() would.
        ranked = sorted(range(len(shares)), key=shares.__getitem__, reverse=True)
        top = ranked[0]
        cues = ()
        if with_cues:
            cues = self._cues(prediction, self.namer.weights[top]) or self._cues(prediction, {i: self.coef[i] for i in vec})
        classes = self.namer.classes
        return Naming(classes[top], shares[top], cues, tuple(classes[k].id for k in ranked))

    def _cues(self, prediction: Prediction, weights: dict[int, float]):
        """The words of the unit that pushed hardest towards the class; character n-grams (which can
        straddle words, 的借呗) only when no word of two characters or more pushed at all."""
        vec = prediction.vector
        # Only the terms with a weight here (a set intersection, in C); the order of pushes is the sort's.
        pushes = sorted(
            [(push, i) for i in vec.keys() & weights.keys() if (push := vec[i] * weights[i]) > 0],
            reverse=True,
        )
        # Terms are read lazily, in order of push: _spans stops at the _CUES-th cue.
        term_of, mark = self.terms.__getitem__, segment.CHAR_MARK
        words = ((push, term) for push, i in pushes if not (term := term_of(i)).startswith(mark))
        found = self._spans(prediction, words)
        if found:
            return found
        return self._spans(prediction, ((push, term) for push, i in pushes if (term := term_of(i)).startswith(mark)))

    def _spans(self, prediction: Prediction, pushes: Iterable[tuple[float, str]]):
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


# Past this many asides, the model reads the message without all of them only.
_MAX_ASIDE_CHOICES = 8


def _picker(keys: Collection[int]) -> Callable[[Sequence[float]], Sequence[float]]:
    """table -> table[i] for each of `keys`, in order: one call in C (operator.itemgetter) where a map
    of table.__getitem__ makes a call per key."""
    if len(keys) > 1:
        return itemgetter(*keys)
    return lambda table: [table[i] for i in keys]  # itemgetter of one key gives the item itself


# _Weighted: counts, TF-IDF weights before the norm, the norm, the picker of the counted terms (Model._weighted).
_Weighted = tuple[dict[int, int], Sequence[float], float, "Callable[[Sequence[float]], Sequence[float]] | None"]


def _counted(indices: list[int | None]) -> dict[int, int]:
    """Counter(indices) without None (the terms outside the vocabulary), as a plain dictionary: the same
    counts in the same order (of first occurrence), counted by collections' own helper in C without
    Counter's __init__ and update, two Python calls a unit."""
    counts: dict[int | None, int] = {}
    _count_elements(counts, indices)
    counts.pop(None, None)
    return cast("dict[int, int]", counts)


def _as_list(numbers: Sequence[float]) -> list[float]:
    tolist = getattr(numbers, "tolist", None)  # a view or an array: made in C
    return tolist() if tolist is not None else list(numbers)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _aside_choices(spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Which asides the model reads the message without: all of them, each alone, and all but each. A
    greeting or a line of the scam's own may read as an aside too ("同学你好，"); one of these readings
    leaves out just the lines slipped in, up to two of them, or all but the scam's own one."""
    merged = _merged(spans)
    if not merged:
        return []
    if len(merged) == 1 or len(merged) > _MAX_ASIDE_CHOICES:
        return [merged]
    choices = [merged] + [[one] for one in merged] + [[other for other in merged if other != one] for one in merged]
    return [list(c) for c in dict.fromkeys(tuple(c) for c in choices)]


def _pasted_starts(masked: Normalized, count: int) -> list[int]:
    """masked.offsets.start(i) for each of the first `count` masked characters, read run by run."""
    offsets = masked.offsets
    at, first, step = offsets._at, offsets._first, offsets._step
    out: list[int] = []
    for k in range(len(at)):
        begin = at[k]
        if begin >= count:
            break
        stop = min(at[k + 1] if k + 1 < len(at) else offsets.length, count)
        out += range(first[k], first[k] + stop - begin) if step[k] else [first[k]] * (stop - begin)
    return out


def _kept_mask(starts: list[int], spans: list[tuple[int, int]]) -> bytes:
    """For each masked character (`starts`: its pasted start), 1 when it comes from outside every one of
    the pasted `spans` (merged, in order), 0 inside one."""
    mask = bytearray(b"\x01") * len(starts)
    if all(map(le, starts, itertools.islice(starts, 1, None))):
        # In paste order: the characters inside a span are one stretch, found by bisection.
        for a, b in spans:
            lo, hi = bisect_left(starts, a), bisect_left(starts, b)
            mask[lo:hi] = bytes(hi - lo)
        return bytes(mask)
    span_starts = [a for a, _ in spans]
    for i, at in enumerate(starts):
        k = bisect_right(span_starts, at) - 1
        if k >= 0 and at < spans[k][1]:
            mask[i] = 0
    return bytes(mask)


def _kept_tails(text: str, kept: bytes, tails: list[int]) -> list[bytes]:
    """The reading without asides (`kept`) read from after a prefix too, as the message itself is
    (segment.tail_starts, gap_tail_starts): the message's own tails, and the tails of the kept text,
    which an aside in front hid ("（谨防骗局）您的包裹…，请点击…"). Without them, a prefix put in front of a
    scam, or an aside in front of one that opens with its own prefix, takes away the unit that speaks
    for the plain message (issue 8; tests/test_model.py, tests/test_monotone.py)."""
    positions = list(itertools.compress(range(len(kept)), kept))
    kept_text = "".join(itertools.compress(text, kept))
    # Each kind is capped where it is found (segment._MAX_TAILS), the union is not: a prefix's own tails,
    # first in the message, would otherwise crowd out those of the kept text after it (round 37).
    ends = sorted({*tails, *(positions[j] for j in segment.tail_starts(kept_text))})
    return [bytes(at) + kept[at:] for at in ends if 0 < at < len(kept) and any(kept[at:])]


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether `span` lies within one of `spans`."""
    return any(a <= span[0] and span[1] <= b for a, b in spans)


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


def _pins() -> dict:
    return json.loads(datafile.read("data/model_pins.json"))


def _model_files() -> str:
    """The folder of the shipped model: the package checker.models (the top-level models/ folder).

    Found by importing it (its __init__ is a docstring) rather than with importlib.util.find_spec
    and pathlib, which a plain check would import for this alone (~9 ms where site has not)."""
    try:
        models = importlib.import_module("checker.models")
    except ModuleNotFoundError:
        # Imported from a source checkout (python -m checker in the project root): models/ is beside it.
        package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
        return os.path.join(os.path.dirname(package), "models")
    return str(next(iter(models.__path__)))


def _read_verified(name: str, pins: dict[str, str]) -> bytes:
    try:
        with open(os.path.join(_model_files(), name), "rb") as handle:
            data = handle.read()
    except (FileNotFoundError, ModuleNotFoundError, OSError) as exc:
        raise ModelError(f"model file {name} is missing ({type(exc).__name__})") from None
    digest = hashlib.sha256(data).hexdigest()
    if name not in pins:
        raise ModelError(f"model file {name} has no pinned checksum")
    if digest != pins[name]:
        raise ModelError(f"model file {name} does not match its pinned SHA-256 (damaged or replaced)")
    return data


def _namer(classes: list[NamedClass], weights: list[dict[int, float]], intercepts: list[float]) -> Namer:
    if not classes:
        raise ModelError("the namer has no class")
    by_feature: dict[int, list[tuple[int, float]]] = {}
    for k, class_weights in enumerate(weights):
        for i, w in class_weights.items():
            by_feature.setdefault(i, []).append((k, w))
    return Namer(tuple(classes), tuple(weights), tuple(intercepts), {i: tuple(v) for i, v in by_feature.items()})


def _json_namer(data: dict, size: int) -> Namer:
    classes, weights, intercepts = [], [], []
    for entry in data["classes"]:
        indices, values = entry["index"], entry["weight"]
        if len(indices) != len(values) or any(not 0 <= int(i) < size for i in indices):
            raise ModelError(f"namer class {entry.get('id')} has bad weights")
        classes.append(NamedClass(str(entry["id"]), str(entry["name"]), str(entry["name_en"])))
        weights.append({int(i): float(w) for i, w in zip(indices, values)})
        intercepts.append(float(entry["intercept"]))
    return _namer(classes, weights, intercepts)


_READ_ERRORS = (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, IndexError, OverflowError)


def parse(model_bytes: bytes, dictionary: bytes) -> Model:
    """The model of model.json and jieba_dict.txt as `checker train` writes them (training, lab)."""
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
            vocabulary=Vocabulary(terms[: len(vocabulary)], vocabulary),
            terms=tuple(terms),
            idf=idf,
            coef=coef,
            intercept=float(data["intercept"]),
            agree_threshold=float(data["agree_threshold"]),
            lift_threshold=float(data["lift_threshold"]),
            sublinear_tf=bool(data["sublinear_tf"]),
            structure=structure,
            structure_weight=float(data["structure"]["weight"]),
            namer=_json_namer(data["namer"], len(terms)),
            tokenizer=segment.load_tokenizer(dictionary),
        )
    except ModelError:
        raise
    except _READ_ERRORS as exc:
        raise ModelError(f"model file cannot be read ({type(exc).__name__})") from None


class _Sections:
    """Reads the sections of a flat model in order; running past the end is a ModelError.

    Nothing is copied: the words are searched in the file's bytes and, on a little-endian machine,
    the numbers are read through views of them (copying 4 MB cost a cold check ~4 ms of page faults).
    """

    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at

    def skip(self, size: int) -> int:
        """Where a section of `size` bytes begins."""
        if size < 0 or self.at + size > len(self.data):
            raise ModelError("model file is truncated")
        self.at += size
        return self.at - size

    def lines(self, size: int, count: int) -> list[str]:
        """`count` strings joined by line breaks in `size` bytes of UTF-8."""
        start = self.skip(size)
        items = self.data[start : start + size].decode("utf-8").split("\n") if size else []
        if len(items) != count:
            raise ModelError("model file lists a wrong number of terms")
        return items

    def sorted_words(self, size: int, count: int) -> segment.SortedWords:
        """`count` sorted words in `size` bytes (segment.SortedWords.pack), then their block marks (int32)."""
        start = self.skip(size)
        marks = self.numbers("i", -(-count // segment.BLOCK_WORDS) + 1)
        return segment.SortedWords(self.data, start, size, marks, count)

    def numbers(self, code: Literal["d", "q", "i"], count: int) -> Sequence:
        """`count` little-endian numbers: "d" float64, "q" int64, "i" int32."""
        values = array(code)
        start = self.skip(values.itemsize * count)
        view = memoryview(self.data)[start : self.at]
        if sys.byteorder == "little":
            return view.cast(code)
        values.frombytes(view)
        values.byteswap()
        return values


def parse_flat(data: bytes) -> Model:
    """The model of a flat file as checker.lab.flatten writes it; raises ModelError.

    Layout: FLAT_MAGIC; one line of JSON (the scalars, the namer's classes and every section's size);
    then the vocabulary's terms (segment.SortedWords: UTF-8 between line breaks, in index order, and
    their block marks as int32), the structure terms (UTF-8, one a line, indices after the
    vocabulary's), idf (float64, one a vocabulary term) and coef (float64, one a term), for each
    namer class its feature indices (int32) and weights (float64), the prefix dictionary's words in
    sorted order (SortedWords) and their frequencies (int64; 0 for a prefix that is not a word).
    Nothing is made per term or per word: a check looks up the few it needs in these bytes.
    """
    try:
        if not data.startswith(FLAT_MAGIC):
            raise ModelError("model file is not a flat model")
        end = data.index(b"\n", len(FLAT_MAGIC))
        head = json.loads(data[len(FLAT_MAGIC) : end].decode("utf-8"))
        if head["format_version"] != FORMAT_VERSION:
            raise ModelError(f"model format {head['format_version']} is not {FORMAT_VERSION}")
        sections = _Sections(data, end + 1)
        size = int(head["terms"])
        words_size = size - int(head["structure_terms"])  # the vocabulary, then the structure terms
        if not 0 <= words_size <= size:
            raise ModelError("model file lists more structure terms than terms")
        vocabulary = sections.sorted_words(int(head["terms_bytes"]), words_size)
        structure_list = sections.lines(int(head["structure_bytes"]), size - words_size)
        structure = dict(zip(structure_list, range(words_size, size)))
        if len(structure) != size - words_size:
            raise ModelError("model file repeats a structure term")
        idf = sections.numbers("d", words_size)
        coef = sections.numbers("d", size)
        classes, weights, intercepts = [], [], []
        for entry in head["classes"]:
            indices = sections.numbers("i", int(entry["weights"]))
            if indices and not (min(indices) >= 0 and max(indices) < size):
                raise ModelError(f"namer class {entry['id']} has bad weights")
            weights.append(dict(zip(indices, sections.numbers("d", len(indices)))))
            classes.append(NamedClass(str(entry["id"]), str(entry["name"]), str(entry["name_en"])))
            intercepts.append(float(entry["intercept"]))
        words = sections.sorted_words(int(head["words_bytes"]), int(head["words"]))
        frequencies = sections.numbers("q", len(words))
        if sections.at != len(data):
            raise ModelError("model file has bytes after its last section")
        # The frequencies are the file's last section, little-endian int64: one is negative when the
        # high bit of its last byte is set. Every eighth byte read at once (bytes.isascii, in C), where
        # min() made a number of each of the 32,000 (0.5 ms of a cold check).
        if not data[len(data) - 8 * len(frequencies) + 7 :: 8].isascii():
            raise ModelError("model file has a negative word frequency")
        return Model(
            vocabulary=Vocabulary(vocabulary),
            terms=Terms(vocabulary, structure_list),
            idf=idf,
            coef=coef,
            intercept=float(head["intercept"]),
            agree_threshold=float(head["agree_threshold"]),
            lift_threshold=float(head["lift_threshold"]),
            sublinear_tf=bool(head["sublinear_tf"]),
            structure=structure,
            structure_weight=float(head["structure_weight"]),
            namer=_namer(classes, weights, intercepts),
            tokenizer=segment.Segmenter(words, frequencies, int(head["total"])),
        )
    except ModelError:
        raise
    except _READ_ERRORS as exc:
        raise ModelError(f"model file cannot be read ({type(exc).__name__})") from None


_Loaded = TypeVar("_Loaded")


class LoadedOnce(Generic[_Loaded]):
    """A shipped file verified and parsed on first use, once per process: threads share the result,
    built under a lock. A failure of the type `failure` is kept too and raised again on every later
    call, so a damaged file is read once. The model and the told reader (told.py) load so."""

    def __init__(self, build: Callable[[], _Loaded], failure: type[Exception]) -> None:
        self._build, self._failure = build, failure
        self._lock = threading.Lock()
        self._result: _Loaded | Exception | None = None

    def get(self) -> _Loaded:
        if self._result is None:
            with self._lock:
                if self._result is None:
                    try:
                        self._result = self._build()
                    except self._failure as exc:
                        self._result = exc
        if isinstance(self._result, self._failure):
            raise self._result
        return cast("_Loaded", self._result)

    def reset(self) -> None:
        """Forget what was loaded (tests swap files)."""
        with self._lock:
            self._result = None


_shipped = LoadedOnce(lambda: parse_flat(_read_verified(FLAT_FILE, _pins().get("derived", {}))), ModelError)


def load() -> Model:
    """The shipped model, verified and parsed once per process; raises ModelError."""
    return _shipped.get()


def reset_cache() -> None:
    """Forget the loaded model (tests swap model files)."""
    _shipped.reset()
