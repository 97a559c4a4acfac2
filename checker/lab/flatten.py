"""python -m checker.lab.flatten: models/model.flat, the one file a check reads, from what training writes.

`checker train` writes models/model.json (vocabulary, idf, weights) and models/jieba_dict.txt (the
segmentation's word list). Parsing 4 MB of JSON and building the prefix dictionary cost about a
third of a cold check, so the same numbers ship once more in the flat layout of
checker.stages.model.parse_flat: the vocabulary and the prefix dictionary's words as sorted blobs a
check searches in place (checker.stages.segment.SortedWords), the numbers as little-endian binary
arrays. The conversion is deterministic: the same two files always give the
same bytes (tests/test_model.py regenerates it and compares), and its SHA-256 is pinned beside theirs
in checker/data/model_pins.json ("derived").

    python -m checker.lab.flatten           # rewrite models/model.flat and its pin
    python -m checker.lab.flatten --check   # exit 1 when they are not what the two files give
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pathlib
import sys
from array import array

from ..stages import segment
from ..stages.model import DICT_FILE, FLAT_FILE, FLAT_MAGIC, FORMAT_VERSION, MODEL_FILE, ModelError, parse

PINS = pathlib.Path("checker") / "data" / "model_pins.json"


def _numbers(code: str, values) -> bytes:
    packed = array(code, values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _lines(items: list[str]) -> bytes:
    if any("\n" in item for item in items):
        raise ModelError("a term contains a line break: it cannot be written one a line")
    return "\n".join(items).encode("utf-8")


def _sorted_words(words: list[str]) -> list[bytes]:
    """segment.SortedWords' blob and its block marks (int32)."""
    try:
        blob, marks = segment.SortedWords.pack(words)
    except ValueError as exc:
        raise ModelError(str(exc)) from None
    return [blob, _numbers("i", marks)]


def flatten(model_bytes: bytes, dictionary: bytes) -> bytes:
    """The flat file of model.json's bytes and jieba_dict.txt's bytes (parse_flat's layout)."""
    model = parse(model_bytes, dictionary)  # validated as a check would read it
    if any(first >= second for first, second in itertools.pairwise(model.vocabulary.terms)):
        raise ModelError("the vocabulary's terms are not in sorted order (a check looks them up by bisection)")
    frequencies, total = segment.prefix_dictionary(dictionary)
    # A check finds a word by bisection: the prefix dictionary in sorted order (a dictionary's order
    # does not change what it answers).
    words = sorted(frequencies)
    vocabulary = _sorted_words(list(model.vocabulary.terms))
    structure = _lines(list(model.structure))
    dictionary_words = _sorted_words(words)
    namer = model.namer
    head = {
        "format_version": FORMAT_VERSION,
        "intercept": model.intercept,
        "agree_threshold": model.agree_threshold,
        "lift_threshold": model.lift_threshold,
        "sublinear_tf": model.sublinear_tf,
        "terms": len(model.terms),
        "structure_terms": len(model.structure),
        "structure_weight": model.structure_weight,
        "terms_bytes": len(vocabulary[0]),
        "structure_bytes": len(structure),
        "words": len(words),
        "words_bytes": len(dictionary_words[0]),
        "total": total,
        "classes": [
            {"id": kind.id, "name": kind.name, "name_en": kind.name_en, "intercept": intercept, "weights": len(weights)}
            for kind, weights, intercept in zip(namer.classes, namer.weights, namer.intercepts)
        ],
    }
    parts = [
        FLAT_MAGIC,
        json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n",
        *vocabulary,
        structure,
        _numbers("d", model.idf),
        _numbers("d", model.coef),
    ]
    for weights in namer.weights:
        parts += [_numbers("i", weights.keys()), _numbers("d", weights.values())]
    parts += [*dictionary_words, _numbers("q", [frequencies[word] for word in words])]
    return b"".join(parts)


def flat_of(root: pathlib.Path) -> bytes:
    models = root / "models"
    return flatten((models / MODEL_FILE).read_bytes(), (models / DICT_FILE).read_bytes())


def write_pinned(root: pathlib.Path, group: str, name: str, data: bytes) -> pathlib.Path:
    """Write root/models/`name` and pin its SHA-256 as checker/data/model_pins.json[`group`] (the model.flat derived here,
    the told and the request readers); returns the path written."""
    path = root / "models" / name
    path.write_bytes(data)
    pins_path = root / PINS
    pins = json.loads(pins_path.read_text(encoding="utf-8"))
    pins[group] = {name: hashlib.sha256(data).hexdigest()}
    pins_path.write_text(json.dumps(pins, indent=2) + "\n", encoding="utf-8")
    return path


def write(root: pathlib.Path) -> bytes:
    """Rewrite root/models/model.flat from the two files beside it, and pin it; returns its bytes."""
    flat = flat_of(root)
    write_pinned(root, "derived", FLAT_FILE, flat)
    return flat


def stale(root: pathlib.Path) -> str | None:
    """Why the committed flat file or its pin is not what model.json and jieba_dict.txt give, or None."""
    flat = flat_of(root)
    path = root / "models" / FLAT_FILE
    if not path.exists() or path.read_bytes() != flat:
        return f"models/{FLAT_FILE} is not what models/{MODEL_FILE} and models/{DICT_FILE} give"
    pins = json.loads((root / PINS).read_text(encoding="utf-8"))
    if pins.get("derived", {}).get(FLAT_FILE) != hashlib.sha256(flat).hexdigest():
        return f"{PINS} does not pin models/{FLAT_FILE}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.flatten", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--check", action="store_true", help="only say whether the flat file is up to date")
    args = parser.parse_args(argv)
    if args.check:
        problem = stale(args.root)
        print(problem or f"models/{FLAT_FILE} is up to date")
        return 1 if problem else 0
    flat = write(args.root)
    print(f"wrote models/{FLAT_FILE} ({len(flat):,} bytes) and its pin")
    return 0


if __name__ == "__main__":
    sys.exit(main())
