"""How the whole checker (rules + model + verdict) does on labelled data.

`checker evaluate PATH.jsonl`: one file. Each line: {"text": ..., "label": "scam" | "legit", and
optionally "kind" or "category"}. A message counts as flagged when its verdict is not low_risk.
Figures: precision, recall, F1, ROC-AUC of the score, false-alarm rate, the confusion matrix
(label x verdict), a breakdown by kind / category, and a per-rule hit-rate table in the style of
SpamAssassin. No scikit-learn needed: ROC-AUC is the Mann-Whitney rank statistic.

`checker evaluate --suite DIR`: every labelled .jsonl of a folder (see evaluate_suite).
"""

from __future__ import annotations

import hashlib
import json
import math
import pathlib
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..pipeline import CheckResult, InputError, check_many
from ..stages import claims as claims_stage
from ..stages.entities import extract
from ..stages.model import MODEL_FLAG_PREFIX
from ..stages.normalize import normalize
from ..stages.result import SCHEMA_VERSION
from ..stages.rules import catalogue
from ..stages.taxonomy import taxonomy
from ..stages.verdict import ORDER


def _json_lines(path: pathlib.Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every non-blank line of a JSONL file; bad JSON names its line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                raise ValueError(f"{path.name} line {number}: not valid JSON") from None
            yield number, item


def read_labelled(path: pathlib.Path) -> Iterator[dict]:
    for number, item in _json_lines(path):
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
    confusion: dict[str, Counter] = {label: Counter() for label in ("scam", "legit")}
    by_group: dict[str, Counter] = defaultdict(Counter)
    rule_hits: dict[str, Counter] = {label: Counter() for label in ("scam", "legit")}
    totals: Counter = Counter()
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
        "schema_version": SCHEMA_VERSION,
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
        (
            f"precision {report['precision']:.3f}  recall {report['recall']:.3f}  F1 {report['f1']:.3f}  "
            f"ROC-AUC {report['roc_auc'] if report['roc_auc'] is not None else 'n/a'}  "
            f"false-alarm rate {report['false_alarm_rate']:.3f}  legit high_risk rate {report['legit_high_risk_rate']:.3f}"
        ),
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


LABELS = ("scam", "legit")
FLAGGED_MEANS = "verdict suspicious or high_risk"
NAMED_MEANS = (
    "an alarm (flagged message) that carries a named red flag: a rule with a positive weight, or the model's "
    "named flag (the scam type it reads like, with its cue spans)"
)
Z_95 = 1.959963984540054
# The scam categories of the external sets (../shared/eval/README.md) that one taxonomy family covers, so
# that the answer's fraud_type can be checked on messages nobody on the project wrote: a fake police,
# court or procuratorate is debt_legal's (fake_police, fake_court …; a fake 12381 is government_service's and
# counts as a miss here); a loan scam loan_credit's; a fake acquaintance or leader impersonation_person's.
# Customer-service impersonation spans many families and is left out.
CATEGORY_FAMILIES = {
    "impersonating_authorities": "debt_legal",
    "loan_credit": "loan_credit",
    "impersonating_acquaintance": "impersonation_person",
    "冒充公检法": "debt_legal",
    "贷款诈骗": "loan_credit",
    "冒充领导或熟人诈骗": "impersonation_person",
}


def wilson(k: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (0, 0 when n is 0)."""
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def proportion(k: int, n: int) -> dict:
    low, high = wilson(k, n)
    return {"k": k, "n": n, "share": round(k / n, 4) if n else None, "wilson95": [round(low, 4), round(high, 4)]}


def names_a_red_flag(result: CheckResult) -> bool:
    return bool(result.red_flags)


def names_a_rule(result: CheckResult) -> bool:
    return any(not flag.id.startswith(MODEL_FLAG_PREFIX) for flag in result.red_flags)


class _Tally:
    def __init__(self) -> None:
        self.n = self.flagged = self.high = self.named = self.by_rule = 0

    def add(self, result: CheckResult) -> None:
        self.n += 1
        if result.verdict != "low_risk":
            self.flagged += 1
            self.named += names_a_red_flag(result)
            self.by_rule += names_a_rule(result)
        self.high += result.verdict == "high_risk"

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "flagged": proportion(self.flagged, self.n),
            "high_risk": proportion(self.high, self.n),
            "alarms_with_named_red_flag": proportion(self.named, self.flagged),
            "alarms_with_named_rule": proportion(self.by_rule, self.flagged),
        }


# Issue 8: the genuine warnings of our registers, whose numbers, links, cards and chat ids are the scam's (what a
# warning names to be avoided), and the kinds of entity that are such a way.
WARNING_TYPES = frozenset({"genuine_antifraud_notice", "genuine_12381_warning"})
_WAY_KINDS = frozenset({"phone", "link", "bank_card", "chat_handle"})


def ways_set_aside(text: str) -> tuple[int, int]:
    """(unofficial ways, of them set aside as the scam's) of a message: its numbers (but confirmed official ones),
    links, cards and chat ids, and those the claims stage reads as a scam's the message warns of (claims.retold_entity).
    A finer measure than the verdict: a warning with three such ways turns low_risk only when all three are read."""
    norm = claims_stage.read_as(normalize(text))
    with claims_stage.quoting(norm):  # read as the check reads it (pipeline.check_with)
        ways = [e for e in extract(norm) if e.kind in _WAY_KINDS and not (e.kind == "phone" and "official" in e.details)]
        return len(ways), sum(claims_stage.retold_entity(norm.text, e) for e in ways)


def suite_files(folder: pathlib.Path) -> list[pathlib.Path]:
    return sorted(p for p in folder.glob("*.jsonl") if p.is_file())


def evaluate_file_for_suite(path: pathlib.Path, n_jobs: int = 1) -> dict:
    """Figures of one file: per label, and per label and category.

    Rows whose label is neither scam nor legit (e.g. "unclear") are skipped and counted; rows marked
    `near_telecom: true` are left out of the figures and counted (../shared/eval/README.md).
    """
    kept: list[dict] = []
    unlabelled = near_telecom = 0
    for number, item in _json_lines(path):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"{path.name} line {number}: needs a text")
        if item.get("label") not in LABELS:
            unlabelled += 1
        elif item.get("near_telecom") is True:
            near_telecom += 1
        else:
            kept.append(item)
    by_label = {label: _Tally() for label in LABELS}
    by_category: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    # Our own registers (data/holdout) name each row's taxonomy type: issue 8's look-alikes are a set of types.
    by_type: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    # Their scams also say whether the answer's fraud_type (and so its steps) is the written one.
    families = {entry.id: entry.family for entry in taxonomy().types if entry.kind == "fraud"}
    named_type = {"typed": 0, "exact": 0, "family": 0}
    ways = {"warnings": [0, 0], "scams": [0, 0]}  # [ways, set aside]: the typed rows' ways (ways_set_aside)
    family_of_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # category -> [flagged, of its family]
    unreadable = 0
    results = check_many((item["text"] for item in kept), n_jobs=n_jobs)
    for item, result in zip(kept, results):
        if isinstance(result, InputError):
            unreadable += 1
            continue
        label = item["label"]
        category = str(item.get("category") or item.get("kind") or "-")
        by_label[label].add(result)
        by_category[(label, category)].add(result)
        if label == "scam" and category in CATEGORY_FAMILIES and result.verdict != "low_risk":
            tally = family_of_category[category]
            tally[0] += 1
            tally[1] += families.get(result.fraud_type or "") == CATEGORY_FAMILIES[category]
        if isinstance(item.get("type"), str):
            by_type[(label, item["type"])].add(result)
            group = "scams" if label == "scam" else "warnings" if item["type"] in WARNING_TYPES else None
            if group is not None:
                n, k = ways_set_aside(item["text"])
                ways[group][0] += n
                ways[group][1] += k
            if label == "scam" and item["type"] in families and result.verdict != "low_risk":
                named_type["typed"] += 1
                named_type["exact"] += result.fraud_type == item["type"]
                named_type["family"] += families.get(result.fraud_type or "") == families[item["type"]]
    typed: dict[str, object] = {}
    if by_type:
        typed["by_type"] = [{"label": label, "type": kind, **tally.to_dict()} for (label, kind), tally in sorted(by_type.items())]
    if family_of_category:
        typed["flagged_scams_family_by_category"] = [
            {"category": category, "family": CATEGORY_FAMILIES[category], "of_the_family": proportion(k, n)}
            for category, (n, k) in sorted(family_of_category.items())
        ]
    if named_type["typed"]:
        typed["flagged_scams_fraud_type"] = {
            "written_type": proportion(named_type["exact"], named_type["typed"]),
            "written_family": proportion(named_type["family"], named_type["typed"]),
        }
    if any(n for n, _ in ways.values()):
        typed["ways_set_aside"] = {group: proportion(k, n) for group, (n, k) in ways.items()}
    return {
        "file": path.name,
        "rows": len(kept) + unlabelled + near_telecom,
        "skipped_unlabelled": unlabelled,
        "left_out_near_telecom": near_telecom,
        "unreadable": unreadable,
        "by_label": {label: tally.to_dict() for label, tally in by_label.items() if tally.n},
        "by_category": [
            {"label": label, "category": category, **tally.to_dict()}
            for (label, category), tally in sorted(by_category.items())
        ],
        **typed,
    }


def measured_with() -> dict:
    """What produced the figures: the pinned model and a digest of every data file of the package."""
    from importlib import resources

    data = resources.files("checker").joinpath("data")
    digest = hashlib.sha256()
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode() + b"\0" + hashlib.sha256(entry.read_bytes()).digest())
    pins = json.loads(data.joinpath("model_pins.json").read_text(encoding="utf-8"))["sha256"]
    return {"model_sha256": pins, "checker_data_sha256": digest.hexdigest()}


def evaluate_suite(folder: pathlib.Path, n_jobs: int = 1) -> dict:
    """Every labelled .jsonl of `folder`, each file measured on its own (no pooling across files)."""
    files = suite_files(folder)
    if not files:
        raise ValueError(f"{folder}: no .jsonl file")
    return {
        "schema_version": SCHEMA_VERSION,
        "suite": folder.name,
        "measured_with": measured_with(),
        "flagged_means": FLAGGED_MEANS,
        "named_means": NAMED_MEANS,
        "interval": "Wilson score interval, 95 %",
        "files": [evaluate_file_for_suite(path, n_jobs=n_jobs) for path in files],
    }


def _cell(p: dict) -> str:
    if not p["n"]:
        return "-"
    low, high = p["wilson95"]
    return f"{p['share'] * 100:5.1f}% [{low * 100:.1f}, {high * 100:.1f}] ({p['k']}/{p['n']})"


def suite_to_text(report: dict) -> str:
    lines = [
        f"suite: {report['suite']}   flagged = {report['flagged_means']}",
        f"named = {report['named_means']}; [low, high] = {report['interval']}",
    ]
    for entry in report["files"]:
        left_out = []
        if entry["skipped_unlabelled"]:
            left_out.append(f"{entry['skipped_unlabelled']} without a scam/legit label skipped")
        if entry["left_out_near_telecom"]:
            left_out.append(f"{entry['left_out_near_telecom']} near_telecom left out")
        if entry["unreadable"]:
            left_out.append(f"{entry['unreadable']} could not be checked")
        lines += ["", f"== {entry['file']}  ({entry['rows']} rows" + "".join(f"; {x}" for x in left_out) + ")"]
        lines.append(f"  {'group':42} {'n':>6}  {'flagged':34} {'high_risk':34} {'alarms with a named red flag'}")
        rows = [(f"{label} (all)", tally) for label, tally in entry["by_label"].items()]
        rows += [(f"{row['label']}/{row['category']}", row) for row in entry["by_category"]]
        for name, row in rows:
            lines.append(
                f"  {name:42} {row['n']:>6}  {_cell(row['flagged']):34} {_cell(row['high_risk']):34} "
                f"{_cell(row['alarms_with_named_red_flag'])}"
            )
        for row in entry.get("flagged_scams_family_by_category", []):
            lines.append(f"  flagged {row['category']} whose fraud_type is of {row['family']}: {_cell(row['of_the_family'])}")
        if "flagged_scams_fraud_type" in entry:
            named = entry["flagged_scams_fraud_type"]
            lines.append(
                f"  flagged scams whose fraud_type is the written type: {_cell(named['written_type'])}; "
                f"of its family: {_cell(named['written_family'])}"
            )
        if "ways_set_aside" in entry:
            aside = entry["ways_set_aside"]
            lines.append(
                f"  unofficial ways set aside as the scam's: in genuine warnings {_cell(aside['warnings'])}; "
                f"in scams {_cell(aside['scams'])}"
            )
    return "\n".join(lines) + "\n"
