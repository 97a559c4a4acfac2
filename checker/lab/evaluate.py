"""`checker evaluate PATH.jsonl`: how the whole checker (rules + model + verdict) does on labelled data.

Each line: {"text": ..., "label": "scam" | "legit", and optionally "kind" or "category"}.
A message counts as flagged when its verdict is not low_risk. Figures: precision, recall, F1,
ROC-AUC of the score, false-alarm rate, the confusion matrix (label x verdict), a breakdown by
kind / category, and a per-rule hit-rate table in the style of SpamAssassin.
No scikit-learn needed: ROC-AUC is the Mann-Whitney rank statistic.
"""

from __future__ import annotations

import json
import pathlib
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..pipeline import CheckResult, InputError, check_many
from ..stages.rules import catalogue
from ..stages.verdict import ORDER


def read_labelled(path: pathlib.Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                raise ValueError(f"{path.name} line {number}: not valid JSON") from None
            if item.get("label") not in ("scam", "legit") or not isinstance(item.get("text"), str):
                raise ValueError(f"{path.name} line {number}: needs a text and a label scam|legit")
            yield item


def roc_auc(scores: list[float], labels: list[int]) -> float | None:
    """Probability that a random scam scores above a random legitimate message (ties count half)."""
    pairs = sorted(zip(scores, labels))
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2
        rank_sum += average_rank * sum(label for _, label in pairs[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def evaluate(path: pathlib.Path, n_jobs: int = 1) -> dict:
    items = list(read_labelled(path))
    results = list(check_many((item["text"] for item in items), n_jobs=n_jobs))
    labels, scores, verdicts = [], [], []
    confusion = {label: Counter() for label in ("scam", "legit")}
    by_group: dict[str, Counter] = defaultdict(Counter)
    rule_hits = {label: Counter() for label in ("scam", "legit")}
    totals = Counter()
    skipped = 0
    for item, result in zip(items, results):
        if isinstance(result, InputError):
            skipped += 1
            continue
        assert isinstance(result, CheckResult)
        label = item["label"]
        totals[label] += 1
        labels.append(1 if label == "scam" else 0)
        scores.append(result.score)
        verdicts.append(result.verdict)
        confusion[label][result.verdict] += 1
        group = f"{label}/{item.get('kind') or item.get('category') or '-'}"
        by_group[group]["n"] += 1
        by_group[group][result.verdict] += 1
        for flag in result.flags:
            rule_hits[label][flag.id] += 1
    flagged = [v != "low_risk" for v in verdicts]
    tp = sum(1 for f, y in zip(flagged, labels) if f and y)
    fp = sum(1 for f, y in zip(flagged, labels) if f and not y)
    fn = sum(1 for f, y in zip(flagged, labels) if not f and y)
    tn = sum(1 for f, y in zip(flagged, labels) if not f and not y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    auc = roc_auc(scores, labels)
    return {
        "data": path.name,
        "messages": len(labels),
        "skipped": skipped,
        "scam": totals["scam"],
        "legit": totals["legit"],
        "flagged_means": "verdict suspicious or high_risk",
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "roc_auc": None if auc is None else round(auc, 4),
        "false_alarm_rate": round(fp / (fp + tn), 4) if fp + tn else 0.0,
        "legit_high_risk_rate": round(confusion["legit"]["high_risk"] / totals["legit"], 4) if totals["legit"] else 0.0,
        "scam_not_low_rate": round(recall, 4),
        "confusion": {label: {v: confusion[label][v] for v in ORDER} for label in confusion},
        "by_group": {
            g: {"n": c["n"], **{v: c[v] for v in ORDER}, "not_low_share": round((c["n"] - c["low_risk"]) / c["n"], 4)}
            for g, c in sorted(by_group.items())
        },
        "rules": [
            {
                "id": rule.id,
                "weight": rule.weight,
                "scam_hit_share": round(rule_hits["scam"][rule.id] / totals["scam"], 4) if totals["scam"] else 0.0,
                "legit_hit_share": round(rule_hits["legit"][rule.id] / totals["legit"], 4) if totals["legit"] else 0.0,
            }
            for rule in catalogue().rules
        ],
    }


def to_text(report: dict) -> str:
    lines = [
        f"data: {report['data']}  messages: {report['messages']} (scam {report['scam']}, legit {report['legit']})"
        + (f", skipped {report['skipped']}" if report["skipped"] else ""),
        f"flagged = {report['flagged_means']}",
        f"precision {report['precision']:.3f}  recall {report['recall']:.3f}  F1 {report['f1']:.3f}  "
        f"ROC-AUC {report['roc_auc'] if report['roc_auc'] is not None else 'n/a'}  "
        f"false-alarm rate {report['false_alarm_rate']:.3f}  legit high_risk rate {report['legit_high_risk_rate']:.3f}",
        "",
        "confusion (label x verdict):",
        f"  {'':6} {'low_risk':>9} {'suspicious':>11} {'high_risk':>10}",
    ]
    for label, row in report["confusion"].items():
        lines.append(f"  {label:6} {row['low_risk']:>9} {row['suspicious']:>11} {row['high_risk']:>10}")
    lines += ["", "by kind / category (share not low_risk):"]
    for group, row in report["by_group"].items():
        lines.append(f"  {group:45} n={row['n']:<5} {row['not_low_share']:.3f}")
    lines += ["", "rules (share of scam hit, share of legit hit):", f"  {'rule':34} {'weight':>6} {'scam%':>7} {'legit%':>7}"]
    for rule in report["rules"]:
        lines.append(
            f"  {rule['id']:34} {rule['weight']:>+6.1f} {rule['scam_hit_share'] * 100:>6.1f}% {rule['legit_hit_share'] * 100:>6.1f}%"
        )
    return "\n".join(lines) + "\n"
