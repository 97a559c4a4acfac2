"""python -m checker.lab.weights: fit the rule weights on our corpus, with the hand weights as priors.

The verdict turns points into a score with 1 - exp(-points / scale) (verdict.py). We fit the
weights in those same units: for each corpus message, which rules fire (indicators, from the rules
stage itself), and the weights that minimise the class-balanced log-loss of that score against the
label, plus lam * sum((w - hand weight)^2), each weight bounded to its hand weight's sign and to
[BOUND_LOW, BOUND_HIGH] in size. lam is chosen by grouped cross-validation (all variants of a
message in one fold) on held-out log-loss; the larger lam wins ties within one standard error,
keeping the weights close to the hand weights unless the corpus clearly says otherwise.

`--write` writes checker/data/weights.toml (generated; the rules stage reads it over rules.toml's
hand weights); without it the fitted and hand weights are only printed. `--compare` also runs the whole
checker over the corpus with each set of weights and prints what the verdicts would be: a lower log-loss
of the rules' own score is worth shipping only if it moves the verdicts the right way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import pathlib
import sys
from collections.abc import Iterator

BOUND_LOW, BOUND_HIGH = 0.25, 5.0
LAMBDAS = (0.001, 0.003, 0.01, 0.03, 0.1)  # per message: the loss is averaged over messages
FOLDS = 5
SEED = 20261121
FLOOR = 1e-4  # a message with no positive rule still has some probability of being a scam
WEIGHTS_FILE = "weights.toml"


def _corpus(root: pathlib.Path) -> Iterator[dict]:
    """The rows of data/corpus.jsonl."""
    for line in (root / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def indicators(root: pathlib.Path):
    """(rule ids, hand weights, hits per message as rule indices, labels, groups) of data/corpus.jsonl."""
    from ..stages.claims import read, read_as
    from ..stages.entities import extract
    from ..stages.normalize import normalize
    from ..stages.rules import find_flags, hand_weights

    hand = hand_weights()
    ids = sorted(hand)
    index = {rule_id: k for k, rule_id in enumerate(ids)}
    hits, labels, groups = [], [], []
    for item in _corpus(root):
        norm = read_as(normalize(item["text"]))  # as the checker reads it (pipeline.check_with)
        entities = extract(norm)
        asked = read(norm, entities).request_kinds
        hits.append(sorted({index[f.id] for f in find_flags(norm, entities, requests=asked)[0]}))
        labels.append(1 if item["label"] == "scam" else 0)
        groups.append(item.get("group") or item["id"])
    return ids, [hand[i] for i in ids], hits, labels, groups


def _loss_and_gradient(w, hits, labels, sample_weight, prior, lam, scale):
    loss, grad = 0.0, [2.0 * lam * (wk - pk) for wk, pk in zip(w, prior)]
    for message, y, sw in zip(hits, labels, sample_weight):
        z = sum(w[k] for k in message)
        if z > 0:
            tail = math.exp(-z / scale)  # 1 - score
            score = 1.0 - tail
            dscore = tail / scale
        else:
            score, dscore = 0.0, 0.0
        score = min(max(score, FLOOR), 1.0 - FLOOR)
        if y:
            loss -= sw * math.log(score)
            g = -sw * dscore / score if FLOOR < score < 1.0 - FLOOR else 0.0
        else:
            loss -= sw * math.log(1.0 - score)
            g = sw * dscore / (1.0 - score) if FLOOR < score < 1.0 - FLOOR else 0.0
        for k in message:
            grad[k] += g
    return loss + lam * sum((wk - pk) ** 2 for wk, pk in zip(w, prior)), grad


def _balanced(labels: list[int]) -> list[float]:
    scams = sum(labels)
    legit = len(labels) - scams
    return [len(labels) / (2 * scams) if y else len(labels) / (2 * legit) for y in labels]


def _bounds(prior: list[float]) -> list[tuple[float, float]]:
    return [(BOUND_LOW, BOUND_HIGH) if p > 0 else (-BOUND_HIGH, -BOUND_LOW) for p in prior]


def fit(hits, labels, prior, lam: float, scale: float) -> list[float]:
    from scipy.optimize import minimize

    sample_weight = _balanced(labels)
    # Normalised per message so that lam means the same whatever the corpus size.
    n = len(labels)

    def objective(w):
        loss, grad = _loss_and_gradient(w, hits, labels, sample_weight, prior, lam * n, scale)
        return loss / n, [g / n for g in grad]

    result = minimize(
        objective,
        x0=[min(max(p, lo), hi) for p, (lo, hi) in zip(prior, _bounds(prior))],
        jac=True,
        bounds=_bounds(prior),
        method="L-BFGS-B",
    )
    return [float(x) for x in result.x]


def held_out_loss(hits, labels, w, scale: float) -> float:
    sample_weight = _balanced(labels)
    loss, _ = _loss_and_gradient(w, hits, labels, sample_weight, w, 0.0, scale)
    return loss / len(labels)


def choose(root: pathlib.Path, log=print) -> dict:
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold

    from ..stages.rules import catalogue

    scale = catalogue().verdict["scale"]
    ids, prior, hits, labels, groups = indicators(root)
    folds = list(StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(labels, labels, groups))
    table = []
    for lam in LAMBDAS:
        losses = []
        for train_idx, test_idx in folds:
            w = fit([hits[i] for i in train_idx], [labels[i] for i in train_idx], prior, lam, scale)
            losses.append(held_out_loss([hits[i] for i in test_idx], [labels[i] for i in test_idx], w, scale))
        table.append({"lambda": lam, "loss": float(np.mean(losses)), "se": float(np.std(losses, ddof=1) / math.sqrt(FOLDS))})
        log(f"lambda {lam}: held-out log-loss {table[-1]['loss']:.4f} ± {table[-1]['se']:.4f}")
    best = min(table, key=lambda r: r["loss"])
    chosen = max((r for r in table if r["loss"] <= best["loss"] + best["se"]), key=lambda r: r["lambda"])
    prior_loss = float(np.mean([held_out_loss([hits[i] for i in t], [labels[i] for i in t], prior, scale) for _, t in folds]))
    weights = fit(hits, labels, prior, chosen["lambda"], scale)
    return {
        "lambda": chosen["lambda"],
        "search": table,
        "hand_weights_held_out_loss": prior_loss,
        "weights": {rule_id: round(w, 1) for rule_id, w in zip(ids, weights)},
        "hand": dict(zip(ids, prior)),
    }


@contextlib.contextmanager
def _weights_in_force(weights: dict[str, float]):
    """check() with these weights in place of the shipped ones, for the duration (a lab measurement)."""
    from .. import pipeline
    from ..stages import advice, rules

    patched = rules.apply_weights(rules.catalogue(), weights)
    saved = (rules.catalogue, pipeline.catalogue, advice.catalogue)
    rules.catalogue = pipeline.catalogue = advice.catalogue = lambda: patched  # type: ignore[assignment]
    try:
        yield
    finally:
        rules.catalogue, pipeline.catalogue, advice.catalogue = saved  # type: ignore[assignment]


def verdict_counts(root: pathlib.Path) -> dict[str, dict[str, int]]:
    """Per label of data/corpus.jsonl: messages, flagged (not low_risk) and high_risk, by check()."""
    from ..pipeline import check

    counts: dict[str, dict[str, int]] = {}
    for item in _corpus(root):
        verdict = check(item["text"]).verdict
        row = counts.setdefault(item["label"], {"messages": 0, "flagged": 0, "high_risk": 0})
        row["messages"] += 1
        row["flagged"] += verdict != "low_risk"
        row["high_risk"] += verdict == "high_risk"
    return counts


def compare(root: pathlib.Path, report: dict) -> dict[str, dict]:
    """The corpus's verdicts with the hand weights and with the fitted ones (in-sample: the fit saw it)."""
    with _weights_in_force(report["hand"]):
        hand = verdict_counts(root)
    with _weights_in_force(report["weights"]):
        fitted = verdict_counts(root)
    return {"hand": hand, "fitted": fitted}


def to_toml(report: dict) -> str:
    lines = [
        "# GENERATED by `python -m checker.lab.weights --write`; do not edit by hand.",
        "# Rule weights fitted on data/corpus.jsonl (class-balanced log-loss of the verdict's score,",
        f"# L2 toward the hand weights of rules.toml with lambda = {report['lambda']} chosen by grouped",
        f"# cross-validation, bounded to the hand weight's sign and [{BOUND_LOW}, {BOUND_HIGH}] in size).",
        (f"# Held-out log-loss: hand weights {report['hand_weights_held_out_loss']:.4f}, "
        f"fitted {min(r['loss'] for r in report['search']):.4f}."),
        "",
        "[weights]",
    ]
    lines += [f"{rule_id} = {weight}" for rule_id, weight in report["weights"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.weights", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--write", action="store_true", help="write checker/data/weights.toml")
    parser.add_argument("--compare", action="store_true", help="the corpus's verdicts with each set of weights")
    args = parser.parse_args(argv)
    report = choose(args.root, log=lambda line: print(line, file=sys.stderr))
    for rule_id, weight in report["weights"].items():
        print(f"{rule_id:36} hand {report['hand'][rule_id]:+.1f}  fitted {weight:+.1f}")
    print(f"held-out log-loss: hand {report['hand_weights_held_out_loss']:.4f}, fitted (lambda {report['lambda']}) "
          f"{next(r['loss'] for r in report['search'] if r['lambda'] == report['lambda']):.4f}")
    if args.compare:
        result = compare(args.root, report)
        for label in ("scam", "legit"):
            h, f = result["hand"][label], result["fitted"][label]
            print(f"corpus {label} ({h['messages']}, in-sample): flagged {h['flagged']} with hand weights, "
                  f"{f['flagged']} fitted; high_risk {h['high_risk']} hand, {f['high_risk']} fitted")
    if args.write:
        (args.root / "checker" / "data" / WEIGHTS_FILE).write_text(to_toml(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
