"""`checker train`: reproduce the shipped model from data/ (seeded: same data, same model).

Imported only by the train command: this is the one place that needs scikit-learn.

1. The compact jieba dictionary: jieba's own entries that occur in the (normalised, masked) corpus,
   its most frequent words, and our user dictionary, with jieba's total kept (segment.py says why).
2. Features through segment.py, the same functions the checker uses: words and character 2-grams,
   over the whole message and over each clause (segment.units); and the message's structure
   (model.structure_terms: what it claims, asks and through which kind of channel), each present
   term at the weight beta beside the normalised TF-IDF vector.
3. The detector: binary logistic regression (scam or not), trained on whole messages; a message's
   probability is that of the unit that reads most like a scam (model.best_unit), out of fold as
   at check time. C and beta by grouped cross-validation (all variants of a message in one fold)
   and the one-standard-error rule.
4. The thresholds: the lowest probability at which at most AGREE_FALSE_ALARM (agree) or
   LIFT_FALSE_ALARM (lift) of our legitimate messages would reach it, out of fold with every taxonomy
   type held out (type_out_of_fold): the checker meets formats of genuine notices our corpus does not
   have, and a budget met only on formats the model has seen does not hold on them.
5. The namer: one-vs-rest L1 logistic regressions over the fraud types of the taxonomy (a type with
   fewer than MIN_TYPE_ROWS scam rows falls back to its family), on the same TF-IDF vector, trained
   on the scam rows. One-vs-rest with L1 keeps the shipped weights sparse (a multinomial L2 model
   over 47 classes is dense, several MB, and took a minute a fit on a third of this corpus).
6. Honest figures: nested cross-validation. In each outer fold the dictionary, C and both
   thresholds are chosen on the outer training part alone (inner grouped folds), and the outer test
   part only measures them.
7. Export as plain data, check the export against scikit-learn on every unit of every message,
   write atomically, pin.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pathlib
import platform
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..stages import claims as claims_stage
from ..stages import segment
from ..stages import taxonomy as taxonomy_stage
from ..stages.entities import extract
from ..stages.model import (
    DICT_FILE,
    FAMILY_PREFIX,
    FORMAT_VERSION,
    MODEL_FILE,
    best_unit,
    parse,
    structure_terms,
)
from ..stages.normalize import NORMALIZER_VERSION, normalize
from . import flatten
from . import request_reader as request_reader_lab
from . import told as told_lab

SEED = 20261121
FOLDS = 5
INNER_FOLDS = 3  # inside each outer fold of the nested evaluation
# (C, min_df, beta) of the detector; beta is the weight of a structure term beside the unit-length
# TF-IDF vector (0 would be words alone).
GRID = tuple((c, 2, beta) for c in (4.0, 16.0) for beta in (0.25, 0.5))
NAMER_C = 4.0
MIN_TYPE_ROWS = 20
TOP_JIEBA_WORDS = 20000
MAX_WORD_LEN = 12
# Out of fold, at most this share of our legitimate messages may reach each threshold.
AGREE_FALSE_ALARM = 0.02
LIFT_FALSE_ALARM = 0.005
PAD_WORD = "\ue000"  # never occurs in normalised text; carries the frequency mass of omitted words
# What a family is called when the model names it instead of one of its rarer types.
FAMILY_NAMES = {
    "debt_legal": ("催债、律师函与冒充司法机关", "debt collection, lawyer's letters and fake legal authorities"),
    "loan_credit": ("贷款与征信", "loans and credit records"),
    "bank_card": ("冒充银行与银行卡", "bank and bank-card impersonation"),
    "carrier_utility": ("冒充运营商与水电", "carrier and utility impersonation"),
    "platform_service": ("冒充平台客服", "platform customer-service impersonation"),
    "shopping_delivery": ("购物、退款与快递", "shopping, refunds and parcels"),
    "government_service": ("冒充政府与公共服务", "government and public-service impersonation"),
    "investment_task": ("刷单、投资与交友", "tasks, investment and romance"),
    "impersonation_person": ("冒充熟人、领导与老师", "impersonating people you know"),
    "other": ("其他诈骗", "other scams"),
}


@dataclass
class Corpus:
    ids: list[str]
    texts: list[str]
    labels: list[int]  # 1 = scam
    groups: list[str]
    types: list[str]  # taxonomy type id, "" when the row has none


def read_corpus(path: pathlib.Path) -> Corpus:
    ids, texts, labels, groups, types = [], [], [], [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if item["label"] not in ("scam", "legit"):
                raise ValueError(f"{path}:{number}: label must be scam or legit")
            if item.get("model") is False:
                # A retelling of a scam (data/sources, `@model no`): the scam's wording with the opposite
                # label. The claims stage judges it (claims.toml [retelling]), the model is not taught it.
                continue
            ids.append(str(item["id"]))
            texts.append(item["text"])
            labels.append(1 if item["label"] == "scam" else 0)
            groups.append(item.get("group") or item["id"])
            types.append(item.get("type") or "")
    return Corpus(ids, texts, labels, groups, types)


def read_reading(text: str) -> tuple[str, claims_stage.Reading]:
    """The masked text of a message and the claims stage's reading of it, as the checker computes
    them (pipeline.check_with)."""
    norm = claims_stage.read_as(normalize(text))
    entities = extract(norm)
    return segment.mask(norm, entities).text, claims_stage.read(norm, entities)


def read_message(text: str) -> tuple[str, list[str]]:
    """What the model reads of a message: the masked text and the structure terms."""
    masked, reading = read_reading(text)
    return masked, structure_terms(reading)


def read_messages(texts: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """read_message over a corpus: the masked texts and the structure terms, in order."""
    pairs = [read_message(t) for t in texts]
    return [masked for masked, _ in pairs], [structure for _, structure in pairs]


def _jieba_dictionary() -> list[tuple[str, int, str]]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    path = pathlib.Path(spec.origin).parent / "dict.txt"
    entries = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2:
                entries.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return entries


def _user_dictionary(path: pathlib.Path) -> list[tuple[str, int, str]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            entries.append((parts[0].lower(), int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return entries


def build_dictionary(masked: list[str], user_dict: pathlib.Path) -> bytes:
    """jieba's entries found in the corpus + its most frequent words + ours, total preserved."""
    full = _jieba_dictionary()
    user = _user_dictionary(user_dict)
    freq = {word: f for word, f, _ in full}
    total = sum(freq.values())
    for word, f, _ in user:
        total += f - freq.get(word, 0)
        freq[word] = f
    keep = {word for word, _, _ in user}
    keep.update(word for word, _, _ in sorted(full, key=lambda e: -e[1])[:TOP_JIEBA_WORDS])
    for text in masked:
        for i in range(len(text)):
            for j in range(i + 1, min(len(text), i + MAX_WORD_LEN) + 1):
                if text[i:j] in freq:
                    keep.add(text[i:j])
    kept_total = sum(freq[w] for w in keep)
    lines = [f"{word} {freq[word]}" for word in sorted(keep) if " " not in word]
    lines.append(f"{PAD_WORD} {total - kept_total}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def units_of_all(masked: list[str], dictionary: bytes) -> list[list[segment.Unit]]:
    tokenizer = segment.load_tokenizer(dictionary)
    return [segment.units(segment.tokens(tokenizer, text), text) for text in masked]


def _identity(terms: list[str]) -> list[str]:
    return terms


def _vectorizer(min_df: int):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=min_df, lowercase=False)


def _detector(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)


def _namer(c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    return OneVsRestClassifier(
        LogisticRegression(
            C=c, l1_ratio=1.0, solver="liblinear", class_weight="balanced", max_iter=2000, random_state=SEED
        )
    )


@dataclass
class Fitted:
    vectorizer: object
    detector: object
    structure: list[str]  # the structure terms seen in training, in column order after the vocabulary
    beta: float

    def matrix(self, features: list[list[str]], structures: Sequence[Sequence[str]]):
        """Rows of TF-IDF and, beside them, beta for each known structure term of the row."""
        from scipy import sparse

        column = {term: k for k, term in enumerate(self.structure)}
        rows, cols = [], []
        for r, terms in enumerate(structures):
            for term in terms:
                if term in column:
                    rows.append(r)
                    cols.append(column[term])
        beside = sparse.csr_matrix(([self.beta] * len(rows), (rows, cols)), shape=(len(features), len(self.structure)))
        return sparse.hstack([self.vectorizer.transform(features), beside]).tocsr()  # type: ignore[attr-defined]

    def probabilities(self, units: list[list[segment.Unit]], structures: Sequence[Sequence[str]]) -> list[float]:
        """Each message's probability, as the checker computes it: the unit that reads most like a scam."""
        flat = [unit for message in units for unit in message]
        flat_structures = [structure for message, structure in zip(units, structures) for _ in message]
        matrix = self.matrix([u.features for u in flat], flat_structures)
        probs = self.detector.predict_proba(matrix)[:, 1]  # type: ignore[attr-defined]
        vocabulary = self.vectorizer.vocabulary_  # type: ignore[attr-defined]
        out, at = [], 0
        for message in units:
            known = [
                len({w for w in u.words if w in vocabulary and w not in segment.PLACEHOLDER_TOKENS}) for u in message
            ]
            p = [float(x) for x in probs[at : at + len(message)]]
            out.append(p[best_unit(p, known)])
            at += len(message)
        return out


def fit_detector(
    units: list[list[segment.Unit]], structures: Sequence[Sequence[str]], labels: list[int], c: float, min_df: int, beta: float
) -> Fitted:
    vectorizer = _vectorizer(min_df)
    vectorizer.fit([message[0].features for message in units])
    fitted = Fitted(vectorizer, None, sorted({t for terms in structures for t in terms}), beta)
    fitted.detector = _detector(c).fit(fitted.matrix([m[0].features for m in units], structures), labels)
    return fitted


def _folds(labels: list[int], groups: list[str], seed: int = SEED, n: int = FOLDS) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import StratifiedGroupKFold

    split = StratifiedGroupKFold(n_splits=n, shuffle=True, random_state=seed)
    return [(list(a), list(b)) for a, b in split.split(labels, labels, groups)]


def search(
    units, structures, labels, groups, grid: Sequence[tuple[float, int, float]], n_folds: int = FOLDS
) -> tuple[dict, list[dict]]:
    """Grouped CV over the grid; the one-standard-error choice and its out-of-fold probabilities."""
    import numpy as np
    from sklearn.metrics import average_precision_score, roc_auc_score

    folds = _folds(labels, groups, n=n_folds)
    results = []
    for c, min_df, beta in grid:
        oof = [0.0] * len(units)
        fold_ap = []
        for train_idx, test_idx in folds:
            fitted = fit_detector(
                [units[i] for i in train_idx], [structures[i] for i in train_idx], [labels[i] for i in train_idx], c, min_df, beta
            )
            tested = fitted.probabilities([units[i] for i in test_idx], [structures[i] for i in test_idx])
            for i, p in zip(test_idx, tested):
                oof[i] = p
            fold_ap.append(average_precision_score([labels[i] for i in test_idx], [oof[i] for i in test_idx]))
        results.append(
            {
                "C": c,
                "min_df": min_df,
                "beta": beta,
                "average_precision": float(average_precision_score(labels, oof)),
                "fold_ap_mean": float(np.mean(fold_ap)),
                "fold_ap_se": float(np.std(fold_ap, ddof=1) / np.sqrt(len(fold_ap))),
                "roc_auc": float(roc_auc_score(labels, oof)),
                "oof": oof,
            }
        )
    # The one-standard-error rule: the most regularised model (smallest C, then the larger min_df,
    # then the smaller beta) whose mean fold AP is within one standard error of the best. Text from
    # outside our corpus is judged better by a model that is less sure of itself on our corpus.
    top = max(results, key=lambda r: float(r["fold_ap_mean"]))  # type: ignore[arg-type]
    margin = float(top["fold_ap_mean"]) - float(top["fold_ap_se"])  # type: ignore[arg-type]
    eligible = [r for r in results if float(r["fold_ap_mean"]) >= margin]  # type: ignore[arg-type]
    best = min(eligible, key=lambda r: (float(r["C"]), -float(r["min_df"]), float(r["beta"])))  # type: ignore[arg-type]
    return best, [{k: v for k, v in r.items() if k != "oof"} for r in results]


def choose_threshold(oof: Sequence[float], labels: Sequence[int], false_alarm: float) -> float:
    legit = sorted((p for p, y in zip(oof, labels) if y == 0), reverse=True)
    allowed = int(len(legit) * false_alarm)
    # Just above the (allowed+1)-th highest legitimate probability, and never below one half.
    return float(max(0.5, legit[allowed] + 1e-6 if allowed < len(legit) else 0.5))


def _figures(probabilities: Sequence[float], labels: Sequence[int], thresholds: Sequence[float]) -> dict:
    """Precision, recall, false alarms; `thresholds` per message (nested folds each have their own)."""
    tp = sum(1 for p, y, t in zip(probabilities, labels, thresholds) if y == 1 and p >= t)
    fp = sum(1 for p, y, t in zip(probabilities, labels, thresholds) if y == 0 and p >= t)
    fn = sum(1 for p, y, t in zip(probabilities, labels, thresholds) if y == 1 and p < t)
    tn = sum(1 for p, y, t in zip(probabilities, labels, thresholds) if y == 0 and p < t)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "false_alarm_rate": round(fp / (fp + tn), 4) if fp + tn else 0.0,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
    }


def namer_classes(corpus: Corpus) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Each scam row's class (its type, or its family when the type is rare) and each class's names."""
    known = {t.id: t for t in taxonomy_stage.types() if t.is_fraud}
    counts = Counter(t for t, y in zip(corpus.types, corpus.labels) if y == 1)
    classes, names = [], {}
    for type_id, label in zip(corpus.types, corpus.labels):
        if label != 1:
            classes.append("")
            continue
        entry = known.get(type_id)
        if entry is not None and counts[type_id] >= MIN_TYPE_ROWS:
            cls, name = entry.id, (entry.name, entry.name_en)
        else:
            family = entry.family if entry is not None else "other"
            cls, name = FAMILY_PREFIX + family, FAMILY_NAMES.get(family, FAMILY_NAMES["other"])
        classes.append(cls)
        names[cls] = name
    return classes, names


def fit_namer(matrix, classes: list[str], scam_rows: list[int]):
    return _namer(NAMER_C).fit(matrix[scam_rows], [classes[i] for i in scam_rows])


OUT_OF_FOLD = "out_of_fold.jsonl"  # models/: one line per corpus message, ids only (not shipped)


def _outer_fold(
    train_idx, test_idx, corpus: Corpus, masked: list[str], structures: list[list[str]], user_dict: pathlib.Path, grid, classes
):
    """One outer fold of the nested evaluation: choose everything on train_idx, predict test_idx."""
    labels = corpus.labels
    dictionary = build_dictionary([masked[i] for i in train_idx], user_dict)
    units = units_of_all(masked, dictionary)
    train_units = [units[i] for i in train_idx]
    train_structures = [structures[i] for i in train_idx]
    train_labels = [labels[i] for i in train_idx]
    best, _ = search(train_units, train_structures, train_labels, [corpus.groups[i] for i in train_idx], grid, INNER_FOLDS)
    types = by_type(corpus)
    agree, lift = type_thresholds(train_units, train_structures, train_labels, [types[i] for i in train_idx], best, INNER_FOLDS)
    fitted = fit_detector(train_units, train_structures, train_labels, best["C"], best["min_df"], best["beta"])
    probabilities = fitted.probabilities([units[i] for i in test_idx], [structures[i] for i in test_idx])
    train_matrix = fitted.matrix([u[0].features for u in train_units], train_structures)
    namer = fit_namer(train_matrix, [classes[i] for i in train_idx], [k for k, i in enumerate(train_idx) if labels[i] == 1])
    scam_test = [i for i in test_idx if labels[i] == 1]
    guesses: dict[int, str] = {}
    if scam_test:
        test_matrix = fitted.matrix([units[i][0].features for i in scam_test], [structures[i] for i in scam_test])
        guesses = {i: str(guess) for i, guess in zip(scam_test, namer.predict(test_matrix))}
    chosen = {"C": best["C"], "min_df": best["min_df"], "beta": best["beta"], "agree_threshold": agree, "lift_threshold": lift}
    return test_idx, probabilities, guesses, chosen


def nested_evaluation(
    corpus: Corpus, masked: list[str], structures: list[list[str]], user_dict: pathlib.Path, grid, classes, log, n_jobs: int = 2
) -> tuple[dict, list[dict]]:
    """Outer grouped folds; everything chosen on the outer training part (dictionary included).

    Returns the figures and, per message, its out-of-fold prediction (for the notebook's errors and
    confusion between types). Outer folds run in `n_jobs` processes."""
    from joblib import Parallel, delayed
    from sklearn.metrics import average_precision_score, roc_auc_score

    labels = corpus.labels
    probabilities = [0.0] * len(labels)
    agree, lift = [0.0] * len(labels), [0.0] * len(labels)
    named: Counter = Counter()
    guessed = [""] * len(labels)
    chosen = []
    folds = _folds(labels, corpus.groups, seed=SEED + 1)
    outcomes = Parallel(n_jobs=n_jobs)(
        delayed(_outer_fold)(train_idx, test_idx, corpus, masked, structures, user_dict, grid, classes)
        for train_idx, test_idx in folds
    )
    for number, (test_idx, fold_probabilities, guesses, fold_chosen) in enumerate(outcomes, 1):
        for i, p in zip(test_idx, fold_probabilities):
            probabilities[i], agree[i], lift[i] = p, fold_chosen["agree_threshold"], fold_chosen["lift_threshold"]
        for i, guess in guesses.items():
            named["right" if guess == classes[i] else "wrong"] += 1
            guessed[i] = guess
        chosen.append(fold_chosen)
        log(f"outer fold {number}/{FOLDS}: {fold_chosen}")
    rows = [
        {
            "id": corpus.ids[i],
            "label": "scam" if labels[i] else "legit",
            "class": classes[i],
            "probability": round(probabilities[i], 6),
            "reaches_agree": probabilities[i] >= agree[i],
            "reaches_lift": probabilities[i] >= lift[i],
            "named": guessed[i],
        }
        for i in range(len(labels))
    ]
    figures = {
        "folds": FOLDS,
        "inner_folds": INNER_FOLDS,
        "grouped_by": "group",
        "chosen_per_fold": chosen,
        "roc_auc": round(float(roc_auc_score(labels, probabilities)), 4),
        "average_precision": round(float(average_precision_score(labels, probabilities)), 4),
        "at_agree_threshold": _figures(probabilities, labels, agree),
        "at_lift_threshold": _figures(probabilities, labels, lift),
        "namer_accuracy": round(named["right"] / max(1, named["right"] + named["wrong"]), 4),
        "namer_scams": named["right"] + named["wrong"],
    }
    return figures, rows


def by_type(corpus: Corpus) -> list[str]:
    """Each message's taxonomy type (its group where it has none): folds grouped by it hold out
    whole kinds of message."""
    return [t or g for t, g in zip(corpus.types, corpus.groups)]


def type_out_of_fold(units, structures, labels: list[int], types: list[str], best: dict, n_folds: int = FOLDS, seed: int = SEED + 2) -> list[float]:
    """Out-of-fold probabilities with folds grouped by taxonomy type: every scam type and genuine
    format is scored by a model trained without any of its rows."""
    probabilities = [0.0] * len(labels)
    for train_idx, test_idx in _folds(labels, types, seed=seed, n=n_folds):
        fitted = fit_detector(
            [units[i] for i in train_idx],
            [structures[i] for i in train_idx],
            [labels[i] for i in train_idx],
            best["C"],
            best["min_df"],
            best["beta"],
        )
        for i, p in zip(test_idx, fitted.probabilities([units[i] for i in test_idx], [structures[i] for i in test_idx])):
            probabilities[i] = p
    return probabilities


def type_thresholds(units, structures, labels: list[int], types: list[str], best: dict, n_folds: int = FOLDS) -> tuple[float, float]:
    """(agree, lift): the threshold rule on type-held-out probabilities."""
    held_out = type_out_of_fold(units, structures, labels, types, best, n_folds)
    return choose_threshold(held_out, labels, AGREE_FALSE_ALARM), choose_threshold(held_out, labels, LIFT_FALSE_ALARM)


def transfer_evaluation(units, structures, corpus: Corpus, best: dict) -> dict:
    """How the whole procedure does on kinds of message it has never seen: outer folds grouped by
    taxonomy type; in each, the thresholds come from inner type-grouped folds of the outer training
    part alone, and the held-out types only measure them (C and beta are the shipped ones)."""
    from sklearn.metrics import roc_auc_score

    labels = corpus.labels
    types = by_type(corpus)
    probabilities = [0.0] * len(labels)
    agree, lift = [0.0] * len(labels), [0.0] * len(labels)
    for train_idx, test_idx in _folds(labels, types, seed=SEED + 3):
        train_units = [units[i] for i in train_idx]
        train_structures = [structures[i] for i in train_idx]
        train_labels = [labels[i] for i in train_idx]
        fold_agree, fold_lift = type_thresholds(
            train_units, train_structures, train_labels, [types[i] for i in train_idx], best, INNER_FOLDS
        )
        fitted = fit_detector(train_units, train_structures, train_labels, best["C"], best["min_df"], best["beta"])
        for i, p in zip(test_idx, fitted.probabilities([units[i] for i in test_idx], [structures[i] for i in test_idx])):
            probabilities[i], agree[i], lift[i] = p, fold_agree, fold_lift
    return {
        "grouped_by": "type",
        "roc_auc": round(float(roc_auc_score(labels, probabilities)), 4),
        "at_agree_threshold": _figures(probabilities, labels, agree),
        "at_lift_threshold": _figures(probabilities, labels, lift),
    }


def export(fitted: Fitted, namer, names: dict[str, tuple[str, str]], agree: float, lift: float) -> bytes:
    vectorizer, detector = fitted.vectorizer, fitted.detector
    classes = []
    for cls, estimator in zip(namer.classes_, namer.estimators_):
        weights = estimator.coef_[0]
        nonzero = [int(i) for i in weights.nonzero()[0]]
        classes.append(
            {
                "id": str(cls),
                "name": names[cls][0],
                "name_en": names[cls][1],
                "index": nonzero,
                "weight": [float(weights[i]) for i in nonzero],
                "intercept": float(estimator.intercept_[0]),
            }
        )
    payload = {
        "format_version": FORMAT_VERSION,
        "kind": "tfidf-logistic-regression detector + one-vs-rest namer",
        "features": "words, character 2-grams (segment.features); structure terms (model.structure_terms)",
        "sublinear_tf": True,
        "vocabulary": {term: int(i) for term, i in sorted(vectorizer.vocabulary_.items())},  # type: ignore[attr-defined]
        "idf": [float(x) for x in vectorizer.idf_],  # type: ignore[attr-defined]
        "structure": {"terms": fitted.structure, "weight": fitted.beta},
        "coef": [float(x) for x in detector.coef_[0]],  # type: ignore[attr-defined]
        "intercept": float(detector.intercept_[0]),  # type: ignore[attr-defined]
        "agree_threshold": agree,
        "lift_threshold": lift,
        "namer": {"classes": classes},
    }
    return (json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def _export_difference(model_bytes: bytes, dictionary: bytes, fitted: Fitted, namer, units, structures) -> float:
    """Largest difference between the plain-data model and scikit-learn, over every unit."""
    exported = parse(model_bytes, dictionary)
    flat = [(unit, structure) for message, structure in zip(units, structures) for unit in message]
    matrix = fitted.matrix([u.features for u, _ in flat], [structure for _, structure in flat])
    theirs = fitted.detector.predict_proba(matrix)[:, 1]  # type: ignore[attr-defined]
    theirs_named = namer.predict_proba(matrix)
    worst = 0.0
    for k, (unit, structure) in enumerate(flat):
        ours, vec = exported.probability_of_terms(unit.features, structure)
        worst = max(worst, abs(ours - float(theirs[k])))
        named = exported.namer.probabilities(vec)
        worst = max(worst, max(abs(a - float(b)) for a, b in zip(named, theirs_named[k])))
    return worst


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomic(path: pathlib.Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def train(
    root: pathlib.Path, log=print, grid: Sequence[tuple[float, int, float]] = GRID, nested: bool = True, requests_trained_here: bool = True
) -> dict:
    """Train from root/data/corpus.jsonl, write root/models/ and the pins; returns the metadata.

    `grid`: the (C, min_df, beta) settings searched. `nested`: also measure the whole procedure by nested
    cross-validation (figures only; the shipped model does not depend on it). `requests_trained_here`: fit the
    request reader first (checker.lab.request_reader; False: the shipped one is read, as a retrain test needs). The retrain test
    passes the shipped pair and nested=False, which reproduces every shipped number in a fraction
    of the time.
    """
    import numpy as np
    import sklearn

    corpus_path = root / "data" / "corpus.jsonl"
    user_dict = root / "checker" / "data" / "userdict.txt"
    if requests_trained_here:
        # First: the readings the model's features and the told reader's training read depend on it (claims.py).
        request_reader_lab.train(root, log=log)
    corpus = read_corpus(corpus_path)
    labels = corpus.labels
    log(f"corpus: {len(corpus.texts)} messages, {sum(labels)} scam, {len(labels) - sum(labels)} legit")
    masked, structures = read_messages(corpus.texts)
    classes, names = namer_classes(corpus)
    log(f"namer: {len(names)} classes")
    nested_figures, out_of_fold = (
        nested_evaluation(corpus, masked, structures, user_dict, grid, classes, log) if nested else (None, [])
    )

    dictionary = build_dictionary(masked, user_dict)
    log(f"dictionary: {len(dictionary.splitlines())} entries")
    units = units_of_all(masked, dictionary)
    best, searched = search(units, structures, labels, corpus.groups, grid)
    agree, lift = type_thresholds(units, structures, labels, by_type(corpus), best)
    log(f"chosen C={best['C']} min_df={best['min_df']} beta={best['beta']}; agree {agree:.4f}, lift {lift:.4f}")

    fitted = fit_detector(units, structures, labels, best["C"], best["min_df"], best["beta"])
    matrix = fitted.matrix([message[0].features for message in units], structures)
    namer = fit_namer(matrix, classes, [i for i, y in enumerate(labels) if y == 1])
    model_bytes = export(fitted, namer, names, agree, lift)
    max_diff = _export_difference(model_bytes, dictionary, fitted, namer, units, structures)
    transfer = transfer_evaluation(units, structures, corpus, best) if nested else None
    if max_diff > 1e-9:
        raise RuntimeError(f"plain-data export differs from scikit-learn by {max_diff}")

    metadata = {
        "format_version": FORMAT_VERSION,
        "seed": SEED,
        "versions": {
            "python": platform.python_version(),
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "jieba": _jieba_version(),
            "normalizer": NORMALIZER_VERSION,
        },
        "sha256": {
            "data/corpus.jsonl": _sha256(corpus_path.read_bytes()),
            "checker/data/userdict.txt": _sha256(user_dict.read_bytes()),
            f"models/{DICT_FILE}": _sha256(dictionary),
            f"models/{MODEL_FILE}": _sha256(model_bytes),
        },
        "corpus": {
            "messages": len(labels),
            "scam": sum(labels),
            "legit": len(labels) - sum(labels),
            "groups": len(set(corpus.groups)),
            "namer_classes": dict(sorted(Counter(c for c in classes if c).items())),
        },
        "hyperparameters": {
            "C": best["C"],
            "min_df": best["min_df"],
            "beta": best["beta"],
            "class_weight": "balanced",
            "namer": f"one-vs-rest L1 logistic regression, C={NAMER_C}, types with fewer than {MIN_TYPE_ROWS} rows as their family",
        },
        "grid": searched,
        "agree_threshold": agree,
        "lift_threshold": lift,
        "threshold_rule": (
            f"out of fold with every taxonomy type held out, at most {AGREE_FALSE_ALARM:.1%} (agree) and "
            f"{LIFT_FALSE_ALARM:.1%} (lift) of legitimate corpus messages at or above the threshold"
        ),
        "cross_validation": nested_figures,
        "held_out_types": transfer,
        "export_max_abs_difference": max_diff,
        "vocabulary_size": len(fitted.vectorizer.vocabulary_),  # type: ignore[attr-defined]
    }
    models = root / "models"
    _write_atomic(models / DICT_FILE, dictionary)
    _write_atomic(models / MODEL_FILE, model_bytes)
    _write_atomic(models / "metadata.json", (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode())
    if out_of_fold:
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in out_of_fold)
        _write_atomic(models / OUT_OF_FOLD, lines.encode("utf-8"))
    pins_path = root / "checker" / "data" / "model_pins.json"
    kept = json.loads(pins_path.read_text(encoding="utf-8")) if pins_path.exists() else {}
    pins = {"sha256": {MODEL_FILE: _sha256(model_bytes), DICT_FILE: _sha256(dictionary)}}
    for reader in ("told", "requests"):
        if reader in kept:
            pins[reader] = kept[reader]  # the told and the request readers' pins (checker.lab.told, .request_reader)
    _write_atomic(pins_path, (json.dumps(pins, indent=2) + "\n").encode())
    flatten.write(root)  # models/model.flat, what a check reads, from the two files above; pinned too
    log(f"wrote {models / MODEL_FILE} ({len(model_bytes):,} bytes), {models / DICT_FILE}, model.flat, metadata.json, pins")
    if (root / told_lab.TOLD_DATA).exists():
        told_lab.train(root, log=log)  # the told reader (checker/stages/told.py), from the same corpus
    return metadata


def _jieba_version() -> str:
    from importlib.metadata import version

    return version("jieba")
