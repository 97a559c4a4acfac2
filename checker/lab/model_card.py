"""MODEL_CARD.md: intended use, limits, data and measured figures, written by `checker train`.

Figures on ../shared/eval are measured after training, with the final model, and are used for no
choice at all (not C, not the threshold, not a rule): they are only reported.
"""

from __future__ import annotations

import pathlib

from ..stages import model as model_stage
from ..stages.model import MIN_KNOWN_WORDS

EXTERNAL = pathlib.Path("..") / "shared" / "eval" / "telecom_fraud_dev.jsonl"


def _external_figures(root: pathlib.Path, log) -> dict | None:
    path = (root / EXTERNAL).resolve()
    if not path.exists():
        return None
    from .evaluate import evaluate

    model_stage.reset_cache()  # measure the model just written, not one loaded earlier
    log(f"measuring on {path} (evaluation only) ...")
    return evaluate(path, n_jobs=2)


def write_card(root: pathlib.Path, metadata: dict, log=print) -> None:
    cv = metadata["cross_validation"]
    versions = metadata["versions"]
    corpus = metadata["corpus"]
    external = _external_figures(root, log)
    lines = [
        "# Model card: checker's jieba + TF-IDF + logistic-regression classifier",
        "",
        "Written by `checker train`; do not edit by hand.",
        "",
        "## Intended use",
        "",
        "One signal among the named rules of `checker`: the probability that a pasted Chinese SMS reads",
        "like the scam and unlawful-collection messages of our corpus. It can lift a message from",
        "`low_risk` to `suspicious`; it cannot make `high_risk` unless a rule agrees. It is not a verdict",
        "on whether a debt or a law firm is real: only the creditor's official app, 12368 and 12348 can say.",
        "",
        "## Limits",
        "",
        "- Trained on a small corpus written by the team from documented patterns (see data/README.md):",
        "  its wording is narrower than real traffic, and real scams change faster than it does.",
        "- Chinese SMS only; English or mixed text gets few features. Long pastes are judged on their",
        f"  first {4000} characters.",
        "- The probability is calibrated on our corpus's class balance (class_weight=balanced), not on",
        "  the real share of scams in anyone's inbox.",
        "",
        "## Data",
        "",
        f"- data/corpus.jsonl: {corpus['messages']} messages ({corpus['scam']} scam, {corpus['legit']} legit) "
        f"in {corpus['groups']} groups; sha256 {metadata['sha256']['data/corpus.jsonl'][:16]}…",
        "",
        "## Model",
        "",
        f"- Tokens: normalised text (normalizer v{versions['normalizer']}), entities masked, private jieba tokenizer "
        f"(HMM off, compact dictionary models/jieba_dict.txt); word unigrams and bigrams.",
        f"- TF-IDF (sublinear tf) + logistic regression, C={metadata['hyperparameters']['C']}, "
        f"min_df={metadata['hyperparameters']['min_df']}, class_weight=balanced, seed {metadata['seed']}.",
        f"- Vocabulary: {metadata['vocabulary_size']:,} terms. Thresholds: agree {metadata['agree_threshold']:.4f}, "
        f"lift {metadata['lift_threshold']:.4f} ({metadata['threshold_rule']}); the model has no say on a message "
        f"with fewer than {MIN_KNOWN_WORDS} words it knows.",
        f"- Shipped as plain data (models/model.json); largest difference from scikit-learn's probabilities "
        f"on the whole corpus: {metadata['export_max_abs_difference']:.1e}.",
        f"- Versions: Python {versions['python']}, scikit-learn {versions['scikit-learn']}, numpy {versions['numpy']}, "
        f"jieba {versions['jieba']}.",
        "",
        "## Figures",
        "",
        f"### Model alone, {cv['folds']}-fold cross-validation grouped by message group (our corpus)",
        "",
        f"- ROC-AUC {cv['roc_auc']:.4f}, average precision {cv['average_precision']:.4f}",
        f"- At the agree threshold: precision {cv['precision']:.4f}, recall {cv['recall']:.4f}, F1 {cv['f1']:.4f}, "
        f"false-alarm rate {cv['false_alarm_rate']:.4f} (confusion {cv['confusion']})",
        f"- At the lift threshold: precision {cv['at_lift_threshold']['precision']:.4f}, "
        f"recall {cv['at_lift_threshold']['recall']:.4f}, false-alarm rate {cv['at_lift_threshold']['false_alarm_rate']:.4f}",
        "",
    ]
    if external:
        lines += [
            "### Whole checker (rules + model) on ../shared/eval/telecom_fraud_dev.jsonl",
            "",
            "Messages nobody on the project wrote; never trained or tuned on. Flagged = not `low_risk`.",
            "",
            f"- {external['messages']} messages ({external['scam']} scam, {external['legit']} legit)",
            f"- scams not low_risk: {external['recall']:.4f}; ordinary messages not low_risk (false alarms): "
            f"{external['false_alarm_rate']:.4f}; ordinary messages high_risk: {external['legit_high_risk_rate']:.4f}",
            f"- precision {external['precision']:.4f}, F1 {external['f1']:.4f}, ROC-AUC {external['roc_auc']}",
            "- by category (share not low_risk): "
            + "; ".join(f"{g} {row['not_low_share']:.3f} (n={row['n']})" for g, row in external["by_group"].items()),
            "",
        ]
    else:
        lines += ["(../shared/eval was not present when this card was written: no external figures.)", ""]
    lines += ["Reproduce: `checker train` from the project root; `checker evaluate PATH.jsonl` for any labelled file.", ""]
    (root / "models" / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
    log("wrote models/MODEL_CARD.md")
