"""`python -m checker.lab.ablation`: what each family of the model's terms is worth, on our corpus alone.

The detector's terms come in families: words, character 2-grams (segment.features) and the
structure terms (model.structure_terms). A family earns its place only if the model is worse
without it where it matters. For each variant of the terms this measures, with the shipped C,
min_df and beta (models/metadata.json):

- folds grouped by message (train.search): average precision and ROC AUC, as the grid search sees
  them;
- folds grouped by taxonomy type (train.type_out_of_fold: every type scored by a model that never
  saw it): ROC AUC and the recall of scams at the probability that at most 2 % (agree) and 0.5 %
  (lift) of our legitimate messages reach;
- the same recall on the scams whose claims set no floor (claims.Reading.floor is low_risk): the
  ones that only the model can flag, where a family's worth shows in the verdict.

A variant adds or removes one family: `no-words`, `no-chars`, `no-structure`, `no-stakes` (the
structure without its term for the reader's money or account at stake, model.STAKES_TERM), and
`with-pairs` (word pairs) and `with-char3` (character 3-grams), which the shipped features no longer
have. Read `no-words` with care: a clause speaks only with enough known words (model.best_unit), so without
words no clause ever does, and the variant also scores whole messages only; it is not the model with
words taken out of the same units. Nothing here reads ../shared/eval. It takes one to two minutes a
variant on two cores. Needs the [train] extra.

Which types share a fold moves the type-grouped figures by up to about a point (round 38), as much as
many of the changes they are asked to judge. `--seeds N` scores the type-grouped figures over N fold
seeds and reports, for each, the mean and the lowest and highest seed ("spread"); a change is worth
shipping only where it moves the mean by more than the spread.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import sys
from collections.abc import Callable, Sequence

from ..stages import segment
from ..stages.model import STAKES_TERM, structure_terms
from . import train

Transform = Callable[[segment.Unit, str], list[str]]
Structure = Callable[[list[str]], list[str]]


def _char3(unit: segment.Unit, masked: str) -> list[str]:
    runs = segment._CJK_RUN.findall(masked[unit.start : unit.end])
    return [segment.CHAR_MARK + run[i : i + 3] for run in runs for i in range(len(run) - 2)]


def _is_char(term: str) -> bool:
    return term.startswith(segment.CHAR_MARK)


def _pairs(unit: segment.Unit, masked: str) -> list[str]:
    return [f"{first} {second}" for first, second in itertools.pairwise(unit.words)]


def _same(terms: list[str]) -> list[str]:
    return terms


# Each variant: how a unit's terms change, and which of the message's structure terms stay.
VARIANTS: dict[str, tuple[Transform, Structure]] = {
    "shipped": (lambda u, m: u.features, _same),
    "no-words": (lambda u, m: [t for t in u.features if _is_char(t)], _same),
    "no-chars": (lambda u, m: [t for t in u.features if not _is_char(t)], _same),
    "no-structure": (lambda u, m: u.features, lambda terms: []),
    "no-stakes": (lambda u, m: u.features, lambda terms: [t for t in terms if t != STAKES_TERM]),
    "with-pairs": (lambda u, m: u.features + _pairs(u, m), _same),
    "with-char3": (lambda u, m: u.features + _char3(u, m), _same),
}


def _recall(probabilities: Sequence[float], labels: Sequence[int], among: Sequence[bool], false_alarm: float) -> float:
    threshold = train.choose_threshold(probabilities, labels, false_alarm)
    scams = [p for p, y, keep in zip(probabilities, labels, among) if y == 1 and keep]
    return round(sum(p >= threshold for p in scams) / len(scams), 4) if scams else 0.0


def fold_seeds(count: int) -> list[int]:
    """The fold seeds of the type-grouped figures: the shipped one (train.type_out_of_fold's default) first."""
    return [train.SEED + 2 + 5 * k for k in range(count)]


def _over_seeds(per_seed: list[dict]) -> dict:
    """Each figure's mean over the seeds, with its lowest and highest seed when there are several."""
    out: dict = {}
    for key in per_seed[0]:
        values = [figures[key] for figures in per_seed]
        out[key] = round(sum(values) / len(values), 4)
        if len(values) > 1:
            out[f"{key}_spread"] = [round(min(values), 4), round(max(values), 4)]
    return out


def measure(root: pathlib.Path, variants: Sequence[str], log=print, seeds: int = 1) -> list[dict]:
    from sklearn.metrics import roc_auc_score

    corpus = train.read_corpus(root / "data" / "corpus.jsonl")
    labels = corpus.labels
    read = [train.read_reading(text) for text in corpus.texts]
    masked = [text for text, _ in read]
    structures = [structure_terms(reading) for _, reading in read]
    unfloored = [reading.floor == "low_risk" for _, reading in read]
    dictionary = train.build_dictionary(masked, root / "checker" / "data" / "userdict.txt")
    units = train.units_of_all(masked, dictionary)
    shipped = json.loads((root / "models" / "metadata.json").read_text(encoding="utf-8"))["hyperparameters"]
    c, min_df, beta = float(shipped["C"]), int(shipped["min_df"]), float(shipped["beta"])
    best = {"C": c, "min_df": min_df, "beta": beta}
    everyone = [True] * len(labels)
    types = train.by_type(corpus)
    rows = []
    for name in variants:
        transform, structure = VARIANTS[name]
        varied = [[u._replace(features=transform(u, text)) for u in message] for message, text in zip(units, masked)]
        varied_structures = [structure(terms) for terms in structures]
        _, searched = train.search(varied, varied_structures, labels, corpus.groups, [(c, min_df, beta)])
        per_seed = []
        for seed in fold_seeds(seeds):
            held_out = train.type_out_of_fold(varied, varied_structures, labels, types, best, seed=seed)
            per_seed.append({
                "roc_auc": round(float(roc_auc_score(labels, held_out)), 4),
                "recall_agree": _recall(held_out, labels, everyone, train.AGREE_FALSE_ALARM),
                "recall_lift": _recall(held_out, labels, everyone, train.LIFT_FALSE_ALARM),
                "unfloored_recall_agree": _recall(held_out, labels, unfloored, train.AGREE_FALSE_ALARM),
                "unfloored_recall_lift": _recall(held_out, labels, unfloored, train.LIFT_FALSE_ALARM),
            })
        row = {
            "variant": name,
            "by_message": {
                "average_precision": round(searched[0]["average_precision"], 5),
                "roc_auc": round(searched[0]["roc_auc"], 5),
            },
            "by_type": _over_seeds(per_seed),
            "fold_seeds": seeds,
            "unfloored_scams": sum(1 for y, keep in zip(labels, unfloored) if y == 1 and keep),
        }
        log(json.dumps(row))
        rows.append(row)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.ablation", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root (data/, models/)"
    )
    parser.add_argument(
        "--seeds", type=int, default=1, help="fold seeds of the type-grouped figures (mean and spread over them)"
    )
    parser.add_argument("variants", nargs="*", default=list(VARIANTS), help=f"any of {', '.join(VARIANTS)}")
    args = parser.parse_args(argv)
    unknown = [v for v in args.variants if v not in VARIANTS]
    if unknown:
        print(f"unknown variant: {', '.join(unknown)} (choose from {', '.join(VARIANTS)})", file=sys.stderr)
        return 2
    if args.seeds < 1:
        print("--seeds must be at least 1", file=sys.stderr)
        return 2
    measure(args.root, args.variants, seeds=args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
