"""`checker train`: reproduce the shipped model from data/ (seeded: same data, same model).

Imported only by the train command: this is the one place that needs scikit-learn.

1. The compact jieba dictionary: jieba's own entries that occur in the (normalised, masked) corpus,
   its most frequent words, and our user dictionary, with jieba's total kept (segment.py says why).
2. Tokens through segment.py, the same function the checker uses.
3. TF-IDF (word unigrams and bigrams, sublinear tf) + logistic regression, with C and min_df chosen by
   grouped cross-validation (all variants of a message in one fold) on our corpus only, by the
   one-standard-error rule.
4. The threshold: the lowest out-of-fold probability at which at most THRESHOLD_FALSE_ALARM of our
   legitimate messages would be lifted to "suspicious" by the model alone.
5. Export as plain data, check the export against the scikit-learn pipeline, write atomically, pin.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pathlib
import platform
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from ..stages import segment
from ..stages.entities import extract
from ..stages.model import DICT_FILE, FORMAT_VERSION, MODEL_FILE, parse
from ..stages.normalize import NORMALIZER_VERSION, normalize

SEED = 20261121
FOLDS = 5
GRID = tuple((c, min_df) for c in (1.0, 2.0, 4.0, 8.0, 16.0, 32.0) for min_df in (1, 2))
TOP_JIEBA_WORDS = 20000
MAX_WORD_LEN = 12
# Out of fold, at most this share of our legitimate messages may reach each threshold.
AGREE_FALSE_ALARM = 0.02
LIFT_FALSE_ALARM = 0.005
PAD_WORD = "\ue000"  # never occurs in normalised text; carries the frequency mass of omitted words


@dataclass
class Corpus:
    texts: list[str]
    labels: list[int]  # 1 = scam
    groups: list[str]
    kinds: list[str]


def read_corpus(path: pathlib.Path) -> Corpus:
    texts, labels, groups, kinds = [], [], [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if item["label"] not in ("scam", "legit"):
                raise ValueError(f"{path}:{number}: label must be scam or legit")
            texts.append(item["text"])
            labels.append(1 if item["label"] == "scam" else 0)
            groups.append(item.get("group") or item["id"])
            kinds.append(item.get("kind", ""))
    return Corpus(texts, labels, groups, kinds)


def masked_text(text: str) -> str:
    norm = normalize(text)
    return segment.mask(norm, extract(norm)).text


def _jieba_dictionary() -> list[tuple[str, int, str]]:
    origin = importlib.util.find_spec("jieba").origin
    path = pathlib.Path(origin).parent / "dict.txt"
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


def tokenize_all(masked: list[str], dictionary: bytes) -> list[list[str]]:
    tokenizer = segment.load_tokenizer(dictionary)
    return [segment.tokens(tokenizer, text).words for text in masked]


def _pipeline(c: float, min_df: int):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, min_df=min_df, lowercase=False),
            ),
            ("clf", LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)),
        ]
    )


def _analyzer(words: list[str]) -> list[str]:
    return segment.ngrams(words)


def cross_validate(tokens: list[list[str]], corpus: Corpus, grid: Sequence[tuple[float, int]]):
    import numpy as np
    from sklearn.metrics import average_precision_score, roc_auc_score
    from sklearn.model_selection import StratifiedGroupKFold

    y = np.array(corpus.labels)
    folds = list(StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(tokens, y, corpus.groups))
    results = []
    for c, min_df in grid:
        oof = np.zeros(len(tokens))
        fold_ap = []
        for train_idx, test_idx in folds:
            pipe = _pipeline(c, min_df)
            pipe.fit([tokens[i] for i in train_idx], y[train_idx])
            oof[test_idx] = pipe.predict_proba([tokens[i] for i in test_idx])[:, 1]
            fold_ap.append(average_precision_score(y[test_idx], oof[test_idx]))
        results.append(
            {
                "C": c,
                "min_df": min_df,
                "average_precision": float(average_precision_score(y, oof)),
                "fold_ap_mean": float(np.mean(fold_ap)),
                "fold_ap_se": float(np.std(fold_ap, ddof=1) / np.sqrt(len(fold_ap))),
                "roc_auc": float(roc_auc_score(y, oof)),
                "oof": oof,
            }
        )
    # The one-standard-error rule: the most regularised model (smallest C, then the larger min_df)
    # whose mean fold AP is within one standard error of the best. Text from outside our corpus is
    # judged better by a model that is less sure of itself on our corpus.
    top = max(results, key=lambda r: r["fold_ap_mean"])
    eligible = [r for r in results if r["fold_ap_mean"] >= top["fold_ap_mean"] - top["fold_ap_se"]]
    best = min(eligible, key=lambda r: (r["C"], -r["min_df"]))
    return best, [{k: v for k, v in r.items() if k != "oof"} for r in results]


def choose_threshold(oof, labels, false_alarm: float) -> float:
    legit = sorted((p for p, y in zip(oof, labels) if y == 0), reverse=True)
    allowed = int(len(legit) * false_alarm)
    # Just above the (allowed+1)-th highest legitimate probability, and never below one half.
    return float(max(0.5, legit[allowed] + 1e-6 if allowed < len(legit) else 0.5))


def _figures(oof, labels, threshold: float) -> dict:
    tp = sum(1 for p, y in zip(oof, labels) if y == 1 and p >= threshold)
    fp = sum(1 for p, y in zip(oof, labels) if y == 0 and p >= threshold)
    fn = sum(1 for p, y in zip(oof, labels) if y == 1 and p < threshold)
    tn = sum(1 for p, y in zip(oof, labels) if y == 0 and p < threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "false_alarm_rate": round(fp / (fp + tn), 4) if fp + tn else 0.0,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
    }


def export(pipe, threshold: float, lift_threshold: float) -> bytes:
    vectorizer = pipe.named_steps["tfidf"]
    clf = pipe.named_steps["clf"]
    payload = {
        "format_version": FORMAT_VERSION,
        "kind": "tfidf-logistic-regression",
        "ngram": "word unigrams and bigrams (segment.ngrams)",
        "sublinear_tf": True,
        "vocabulary": {term: int(i) for term, i in sorted(vectorizer.vocabulary_.items())},
        "idf": [float(x) for x in vectorizer.idf_],
        "coef": [float(x) for x in clf.coef_[0]],
        "intercept": float(clf.intercept_[0]),
        "agree_threshold": threshold,
        "lift_threshold": lift_threshold,
    }
    return (json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


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


def train(root: pathlib.Path, log=print, grid: Sequence[tuple[float, int]] = GRID) -> dict:
    """Train from root/data/corpus.jsonl, write root/models/ and the pins; returns the metadata.

    `grid`: the (C, min_df) pairs searched; the retrain test passes only the shipped pair, which
    reproduces every later step (out-of-fold thresholds, final fit, export) in a fraction of the time.
    """
    import numpy as np
    import sklearn

    corpus_path = root / "data" / "corpus.jsonl"
    user_dict = root / "checker" / "data" / "userdict.txt"
    corpus = read_corpus(corpus_path)
    log(f"corpus: {len(corpus.texts)} messages, {sum(corpus.labels)} scam, {len(corpus.texts) - sum(corpus.labels)} legit")
    masked = [masked_text(t) for t in corpus.texts]
    dictionary = build_dictionary(masked, user_dict)
    log(f"dictionary: {len(dictionary.splitlines())} entries")
    tokens = tokenize_all(masked, dictionary)
    best, searched = cross_validate(tokens, corpus, grid)
    threshold = choose_threshold(best["oof"], corpus.labels, AGREE_FALSE_ALARM)
    lift_threshold = choose_threshold(best["oof"], corpus.labels, LIFT_FALSE_ALARM)
    cv = _figures(best["oof"], corpus.labels, threshold)
    cv_lift = _figures(best["oof"], corpus.labels, lift_threshold)
    cv.update({"roc_auc": round(best["roc_auc"], 4), "average_precision": round(best["average_precision"], 4)})
    log(f"chosen C={best['C']} min_df={best['min_df']}; cross-validated {cv}")

    pipe = _pipeline(best["C"], best["min_df"])
    pipe.fit(tokens, np.array(corpus.labels))
    model_bytes = export(pipe, threshold, lift_threshold)

    # The plain-data export must give scikit-learn's probabilities.
    exported = parse(model_bytes, dictionary)
    ours = [exported.probability_of_terms(_analyzer(t))[0] for t in tokens]
    theirs = pipe.predict_proba(tokens)[:, 1]
    max_diff = float(max(abs(a - b) for a, b in zip(ours, theirs)))
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
            "messages": len(corpus.texts),
            "scam": sum(corpus.labels),
            "legit": len(corpus.texts) - sum(corpus.labels),
            "groups": len(set(corpus.groups)),
        },
        "hyperparameters": {"C": best["C"], "min_df": best["min_df"], "class_weight": "balanced"},
        "grid": searched,
        "agree_threshold": threshold,
        "lift_threshold": lift_threshold,
        "threshold_rule": (
            f"out of fold, at most {AGREE_FALSE_ALARM:.1%} (agree) and {LIFT_FALSE_ALARM:.1%} (lift) "
            "of legitimate corpus messages at or above the threshold"
        ),
        "cross_validation": {"folds": FOLDS, "grouped_by": "group", **cv, "at_lift_threshold": cv_lift},
        "export_max_abs_difference": max_diff,
        "vocabulary_size": len(exported.vocabulary),
    }
    models = root / "models"
    _write_atomic(models / DICT_FILE, dictionary)
    _write_atomic(models / MODEL_FILE, model_bytes)
    _write_atomic(models / "metadata.json", (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode())
    pins = {"sha256": {MODEL_FILE: _sha256(model_bytes), DICT_FILE: _sha256(dictionary)}}
    _write_atomic(root / "checker" / "data" / "model_pins.json", (json.dumps(pins, indent=2) + "\n").encode())
    log(f"wrote {models / MODEL_FILE} ({len(model_bytes):,} bytes), {models / DICT_FILE}, metadata.json, pins")
    return metadata


def _jieba_version() -> str:
    from importlib.metadata import version

    return version("jieba")
