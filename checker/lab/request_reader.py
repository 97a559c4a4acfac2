"""Train the request reader (checker/stages/request_reader.py): what kind of request does a clause make of the reader?

    python -m checker.lab.request_reader        (needs the [train] extra; `checker train` runs it first)

What it learns from, all our own:
- the requests: the grid's dev wordings (checker/lab/grid.py REQUESTS["dev"]) and the blind dev half of
  data/grid_blind.json, each with the grid's channels filled in, normalised as a check normalises; their kind is
  pay, credentials, screen_share or contact (contact: read by the patterns, learned so that a call or a chat id is
  not taken for a payment). The grid's held-out halves are never read here: they measure the reader;
- none: every piece a check scores (request_reader.pieces) of every genuine message of data/corpus.jsonl and of every `told` row
  of data/told.jsonl (warnings, cases and stories that tell of requests without making them).

TF-IDF of character 1-3-grams over request_reader.prepared() text (the MAX_TERMS most frequent) and a balanced
multinomial logistic regression. The threshold is chosen out of fold (folds grouped: a request by its text, a
message by its group), on our genuine messages alone: the lowest probability at which at most MAX_READ of them have a
piece read as a request for money, a code or the screen, before any of the claims stage's conditions. Written to
models/requests.json, its SHA-256 pinned in checker/data/model_pins.json ("requests"); the export is checked against
scikit-learn on every piece trained on. Deterministic.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

from ..stages import request_reader as reader_stage
from . import flatten

NGRAM = (1, 3)
MIN_DF = 2
MAX_TERMS = 12000  # the most frequent n-grams: models/requests.json stays near a megabyte
C = 4.0
FOLDS = 5
# Out of fold, the share of our genuine messages (corpus and told.jsonl's told rows) with a piece read as a request for
# money, a code or the screen, before the claims stage's conditions (a claim, no warning, a clause that speaks to the
# reader …), which take most of the rest away. Fixed before the first fit.
MAX_READ = 0.01
KINDS = {"pay": "pay", "credentials": "credentials", "screen": "screen_share", "contact": "contact"}
ASKED = frozenset({"pay", "credentials", "screen_share"})  # the kinds a check reads (claims.py _learned_requests)
TOLD_DATA = pathlib.Path("data") / "told.jsonl"


class Example:
    __slots__ = ("group", "kind", "pieces")

    def __init__(self, kind: str, group: str, pieces: list[str]):
        self.kind = kind  # a request's kind, or request_reader.NONE for a genuine message
        self.group = group
        self.pieces = pieces


def _normalised(text: str) -> str:
    from ..stages.normalize import normalize

    return normalize(text).text


def read_examples(root: pathlib.Path) -> list[Example]:
    """The requests of the grid's dev halves, then the genuine messages and the told rows, each as a check reads it."""
    from . import grid

    examples = []
    halves = [grid.REQUESTS["dev"]]
    blind = grid._blind(root)
    if "blind_dev" in blind:
        halves.append(blind["blind_dev"][1])
    for half in halves:
        for kind, requests in half.items():
            for request in requests:
                text = _normalised(request.format(**grid.FILLS))
                examples.append(Example(KINDS[kind], f"request:{text}", [text]))
    for line in (root / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["label"] == "legit":
            examples.append(_genuine(f"corpus:{row['group']}", row["text"]))
    path = root / TOLD_DATA
    if path.exists():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            if row["label"] == "told":
                examples.append(_genuine(f"told:{n}", row["text"]))
    return examples


def _genuine(group: str, text: str) -> Example:
    """A genuine message as the pieces a check scores in it (claims.py _learned_requests: with each clause's rest from
    a word that speaks to the reader)."""
    from ..stages.claims import _data

    norm = _normalised(text)
    return Example(reader_stage.NONE, group, [norm[a:b] for a, b in reader_stage.pieces(norm, _data().learned_to_reader)])


def _fit(pieces: list[str], labels: list[str]):
    """TF-IDF of character n-grams and a balanced multinomial logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer="char", ngram_range=NGRAM, min_df=MIN_DF, max_features=MAX_TERMS, sublinear_tf=True,
        preprocessor=reader_stage.prepared,
    )
    matrix = vectorizer.fit_transform(pieces)
    regression = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)
    return vectorizer, regression


def choose_threshold(scores: list[float]) -> float:
    """The lowest threshold at which at most MAX_READ of the genuine messages are read as asking: `scores` holds each
    genuine message's highest probability of a request for money, a code or the screen (taken where it is that
    piece's most probable kind)."""
    ranked = sorted(scores, reverse=True)
    allowed = int(MAX_READ * len(ranked))
    if allowed >= len(ranked):
        return 0.0
    return min(1.0, max(0.5, ranked[allowed] + 1e-9))  # never below a coin's toss


def _asking_score(probabilities, classes: list[str]) -> float:
    """A piece's probability of its most probable kind where that is one a check reads; 0 otherwise."""
    best = int(probabilities.argmax())
    return float(probabilities[best]) if classes[best] in ASKED else 0.0


# How far the plain-data reader's probabilities may stand from scikit-learn's: its numbers are single precision
# (request_reader.parse), which moves a probability by about 1e-6.
EXPORT_TOLERANCE = 1e-5


def fit(examples: list[Example], log=print) -> bytes:
    """The request reader fitted on `examples` the shipped way (threshold out of fold on them alone), as the bytes of
    models/requests.json; the export is checked against scikit-learn."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    requests = [e for e in examples if e.kind != reader_stage.NONE]
    log(f"request reader: {len(requests)} requests, {len(examples) - len(requests)} genuine messages, {sum(len(e.pieces) for e in examples)} pieces")
    genuine_scores: dict[int, float] = {}  # each genuine message's highest asking score (_asking_score)
    request_scores: dict[int, float] = {}  # each request's probability of its own kind
    for train_idx, test_idx in GroupKFold(FOLDS).split(examples, groups=[e.group for e in examples]):
        vectorizer, regression = _fit(
            [p for i in train_idx for p in examples[i].pieces], [examples[i].kind for i in train_idx for _ in examples[i].pieces]
        )
        classes = list(regression.classes_)
        for i in test_idx:
            example = examples[i]
            if not example.pieces:
                continue
            rows = regression.predict_proba(vectorizer.transform(example.pieces))
            if example.kind == reader_stage.NONE:
                genuine_scores[i] = max(_asking_score(row, classes) for row in rows)
            elif example.kind in ASKED:
                request_scores[i] = max(float(row[classes.index(example.kind)]) for row in rows)
    threshold = choose_threshold(list(genuine_scores.values()))
    figures = {
        "genuine_messages": len(genuine_scores),
        "of_them_read_as_asking_out_of_fold": sum(s >= threshold for s in genuine_scores.values()),
        "requests_for_money_a_code_or_the_screen": len(request_scores),
        # at a threshold of at least 0.5, a request's own kind reaching it is its most probable kind
        "of_them_read_as_their_kind_out_of_fold": sum(p >= threshold for p in request_scores.values()),
    }
    log(f"threshold {threshold:.4f}: {figures}")

    pieces = [p for e in examples for p in e.pieces]
    labels = [e.kind for e in examples for _ in e.pieces]
    vectorizer, regression = _fit(pieces, labels)
    idf, coef = vectorizer.idf_, regression.coef_
    exported = {
        "format_version": reader_stage.FORMAT_VERSION,
        "ngram_range": list(NGRAM),
        "classes": [str(c) for c in regression.classes_],
        "intercepts": [float(b) for b in regression.intercept_],
        "threshold": threshold,
        "threshold_rule": f"out of fold, at most {MAX_READ:.0%} of our genuine messages (corpus and told.jsonl's told rows) read as asking",
        "figures": figures,
    }
    grams = sorted(vectorizer.vocabulary_)
    columns = [vectorizer.vocabulary_[g] for g in grams]
    exported.update(reader_stage.export(grams, [float(idf[k]) for k in columns], [[float(row[k]) for k in columns] for row in coef]))
    data = (json.dumps(exported, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    reader = reader_stage.parse(data)
    theirs = regression.predict_proba(vectorizer.transform(pieces))
    classes = list(regression.classes_)
    ours = np.array([[reader.probabilities(p)[c] for c in classes] for p in pieces])
    difference = float(np.max(np.abs(ours - theirs)))
    if difference > EXPORT_TOLERANCE:
        raise RuntimeError(f"the request reader's plain-data export differs from scikit-learn by {difference}")
    return data


def train(root: pathlib.Path, log=print) -> dict:
    """Fit on root's data, write root/models/requests.json and its pin; returns what was written, parsed."""
    data = fit(read_examples(root), log)
    path = flatten.write_pinned(root, "requests", reader_stage.READER_FILE, data)
    reader_stage.reset_cache()
    log(f"wrote {path} ({len(data):,} bytes)")
    return json.loads(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.request_reader", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path.cwd())
    args = parser.parse_args(argv)
    train(args.root.resolve(), log=lambda line: print(line, file=sys.stderr))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
