"""python -m checker.robustness: does disguise cost recall? (issue 5)

Scam messages are disguised the way scammers do it (zero-width characters, symbols between the
characters of a word, full-width digits, traditional characters, homophones such as V信 / zfb,
phone numbers in Chinese numerals), and the share of them that is not low_risk is compared with the
plain messages:

- held-out scams of our corpus: grouped 5-fold split; each fold's model is trained on the other four
  folds only (same hyperparameters as the shipped model), and the whole checker runs with it;
- the scams of ../shared/eval/telecom_fraud_dev.jsonl, when present (never trained on), with the
  shipped model.

Needs scikit-learn (training the fold models). Deterministic: a fixed seed.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import sys

SEED = 7
_CJK = re.compile(r"[\u4e00-\u9fff]{3,6}")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_HOMOPHONES = [("微信", ["V信", "薇信", "vx", "威信"]), ("支付宝", ["zfb"]), ("花呗", ["hb"]), ("借呗", ["jb"])]
_NUMERALS = "零一二三四五六七八九"


def _simplified_to_traditional() -> dict[str, str]:
    from ..stages.normalize import _t2s_table

    reverse: dict[str, str] = {}
    for code, simplified in sorted(_t2s_table().items()):
        reverse.setdefault(simplified, chr(code))
    return reverse


def _zero_width(text: str, rng: random.Random) -> str:
    return "".join(ch + ("\u200b" if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.3 else "") for ch in text)


def _spaced_word(text: str, rng: random.Random) -> str:
    words = list(_CJK.finditer(text))
    for m in rng.sample(words, min(3, len(words))):
        separator = rng.choice([" ", "*", "-", "·"])
        text = text.replace(m.group(), separator.join(m.group()), 1)
    return text


def _full_width_digits(text: str, rng: random.Random) -> str:
    return text.translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})


def _traditional(text: str, rng: random.Random) -> str:
    table = _simplified_to_traditional()
    return "".join(table.get(ch, ch) for ch in text)


def _homophones(text: str, rng: random.Random) -> str:
    for word, choices in _HOMOPHONES:
        text = text.replace(word, rng.choice(choices))
    return text


def _spelled_phone(text: str, rng: random.Random) -> str:
    return _MOBILE.sub(lambda m: "".join(_NUMERALS[int(d)] for d in m.group()), text)


TRANSFORMS = [_zero_width, _spaced_word, _full_width_digits, _traditional, _homophones, _spelled_phone]


def disguise(text: str, rng: random.Random) -> str:
    """Two or three disguises, chosen at random, at least one of which changes the text."""
    for _ in range(10):
        out = text
        for transform in rng.sample(TRANSFORMS, rng.choice([2, 3])):
            out = transform(out, rng)
        if out != text:
            return out
    return _zero_width(text, rng)


def _not_low(texts: list[str], checker) -> float:
    return sum(checker(t).verdict != "low_risk" for t in texts) / len(texts) if texts else 0.0


def fold_checkers(root: pathlib.Path):
    """For each of the grouped folds: (check, held-out indices, corpus), where `check` runs the whole
    checker with a model and a told reader (checker.lab.told) trained on the other folds only (same
    hyperparameters and threshold rules as the shipped ones), so the held-out scams were never seen by either."""
    from ..pipeline import check_with
    from ..stages.model import parse
    from ..stages.told import parse as parse_teller
    from .told import fit as fit_teller
    from .told import read_rows as teller_rows
    from .train import (
        INNER_FOLDS,
        _folds,
        build_dictionary,
        by_type,
        export,
        fit_detector,
        fit_namer,
        namer_classes,
        read_corpus,
        read_messages,
        type_thresholds,
        units_of_all,
    )

    metadata = json.loads((root / "models" / "metadata.json").read_text(encoding="utf-8"))
    chosen = metadata["hyperparameters"]
    c, min_df, beta = chosen["C"], chosen["min_df"], chosen["beta"]
    corpus = read_corpus(root / "data" / "corpus.jsonl")
    labels = corpus.labels
    classes, names = namer_classes(corpus)
    masked, structures = read_messages(corpus.texts)
    types = by_type(corpus)
    told_rows = teller_rows(root)  # the told reader's messages (checker.lab.told), each with its group
    for train_idx, test_idx in _folds(labels, corpus.groups):
        dictionary = build_dictionary([masked[i] for i in train_idx], root / "checker" / "data" / "userdict.txt")
        units = units_of_all([masked[i] for i in train_idx], dictionary)
        train_labels = [labels[i] for i in train_idx]
        train_structures = [structures[i] for i in train_idx]
        fitted = fit_detector(units, train_structures, train_labels, c, min_df, beta)
        matrix = fitted.matrix([u[0].features for u in units], train_structures)
        namer = fit_namer(matrix, [classes[i] for i in train_idx], [k for k, y in enumerate(train_labels) if y == 1])
        # The thresholds the shipped way, on this fold's training part alone.
        agree, lift = type_thresholds(units, train_structures, train_labels, [types[i] for i in train_idx], chosen, INNER_FOLDS)
        model = parse(export(fitted, namer, names, agree, lift), dictionary)
        # The told reader too, fitted without this fold's messages (its own stories and scams stay in).
        kept = {f"corpus:{corpus.groups[i]}" for i in train_idx}
        teller = parse_teller(fit_teller([r for r in told_rows if r.group in kept or not r.group.startswith("corpus:")], log=lambda _: None))

        def fold_check(text, model=model, teller=teller):
            return check_with(text, lambda: model, lambda: teller)

        yield fold_check, list(test_idx), corpus


def held_out_corpus(root: pathlib.Path) -> dict:
    rng = random.Random(SEED)
    plain, disguised = [], []
    for fold_check, test_idx, corpus in fold_checkers(root):
        scams = [corpus.texts[i] for i in test_idx if corpus.labels[i] == 1]
        plain.append((_not_low(scams, fold_check), len(scams)))
        disguised.append((_not_low([disguise(t, rng) for t in scams], fold_check), len(scams)))
    total = sum(n for _, n in plain)
    plain_recall = sum(r * n for r, n in plain) / total
    disguised_recall = sum(r * n for r, n in disguised) / total
    return {"scams": total, "plain": plain_recall, "disguised": disguised_recall, "gap": plain_recall - disguised_recall}


def external(root: pathlib.Path) -> dict | None:
    path = root / ".." / "shared" / "eval" / "telecom_fraud_dev.jsonl"
    if not path.exists():
        return None
    from ..pipeline import check

    rng = random.Random(SEED)
    with path.open(encoding="utf-8") as handle:
        scams = [item["text"] for item in map(json.loads, handle) if item["label"] == "scam"]
    plain = _not_low(scams, check)
    disguised = _not_low([disguise(t, rng) for t in scams], check)
    return {"scams": len(scams), "plain": plain, "disguised": disguised, "gap": plain - disguised}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.robustness", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = {"held_out_corpus": held_out_corpus(args.root), "external": external(args.root)}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name, row in report.items():
        if row is None:
            print(f"{name}: skipped (../shared/eval absent)")
            continue
        print(
            f"{name}: {row['scams']} scams; not low_risk plain {row['plain']:.3f}, "
            f"disguised {row['disguised']:.3f}, gap {row['gap'] * 100:+.1f} points"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
