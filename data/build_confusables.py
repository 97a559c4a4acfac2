"""Regenerate checker/data/latin_confusables.json: letters that look like a Latin letter or a digit.

Scammers write a link's host with Cyrillic or Greek letters that look Latin (httрs://sd-соurt.сn,
р and о Cyrillic), so that neither a link pattern nor a reader's eye sees anything odd. Link and
chat-account extraction read the message through this table (checker/stages/entities.py), one code
point for one, so spans keep their length; a host written with such letters is an imitation.

The table is Unicode's confusables data (UTS #39) as bundled by `confusable_homoglyphs`
(pip install confusable_homoglyphs; build time only): every lower-case character outside ASCII and
outside the CJK blocks that is listed as confusable with one ASCII letter or digit, and that NFKC
and lower-casing (what the normaliser already does) do not already turn into it. Where a character
looks like both a letter and a digit, the letter wins (hosts are letters). Run from the project root:
python data/build_confusables.py
"""

import json
import pathlib
import string
import unicodedata

import confusable_homoglyphs
from opencc_tables import write

# Chinese text is never folded: CJK and everything after it stay as they are.
_CJK_START = 0x2E80


def main() -> None:
    data = json.loads((pathlib.Path(confusable_homoglyphs.__file__).parent / "confusables.json").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for target in string.ascii_lowercase + string.digits:  # letters first: they win a tie
        for entry in data.get(target, []):
            ch = entry["c"]
            if len(ch) != 1 or ch.isascii() or ord(ch) >= _CJK_START or ch in table:
                continue
            if ch.lower() != ch or unicodedata.normalize("NFKC", ch).lower() == target:
                continue
            table[ch] = target
    payload = {"source": f"Unicode confusables via confusable_homoglyphs {confusable_homoglyphs.__version__}", "chars": table}
    out = write("latin_confusables.json", payload)
    print(f"{len(table)} characters -> {out}")


if __name__ == "__main__":
    main()
