"""Regenerate checker/data/s2t.json, the simplified -> traditional table for `--lang zh-Hant`.

Taken at build time from OpenCC's "s2tw" conversion (pip install opencc): traditional characters
in the forms most readers know (為, 核實, not the older 爲, 覈實), with no change of vocabulary.
No OpenCC is needed at run time: `chars` holds every character whose traditional form is a single,
different character; `phrases` holds the phrases of OpenCC's phrase dictionaries whose conversion
differs from converting them character by character (乾 / 干, 著 / 着 ...). The checker converts
by longest phrase first, then per character, as OpenCC does. Run from the project root:
python data/build_s2t.py
"""

import pathlib
import subprocess
import tempfile

import opencc
from opencc_tables import per_character, write

PHRASE_DICTIONARIES = ["STPhrases", "STPhrases_GeneratedFromRegionalPhrases"]


def _phrases(clib: pathlib.Path) -> list[str]:
    """The simplified side of OpenCC's phrase dictionaries, dumped from their binary form."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in PHRASE_DICTIONARIES:
            text = pathlib.Path(tmp) / f"{name}.txt"
            subprocess.run(
                [clib / "bin" / "opencc_dict", "-i", clib / "share" / "opencc" / f"{name}.ocd2",
                 "-o", text, "-f", "ocd2", "-t", "text"],
                check=True,
            )
            out += [line.split("\t")[0] for line in text.read_text(encoding="utf-8").splitlines() if "\t" in line]
    return out


def main() -> None:
    converter = opencc.OpenCC("s2tw")
    chars = per_character(converter.convert)
    clib = pathlib.Path(opencc.__file__).parent / "clib"
    phrases = {}
    for phrase in _phrases(clib):
        whole = converter.convert(phrase)
        if len(phrase) > 1 and whole != "".join(chars.get(ch, ch) for ch in phrase):
            phrases[phrase] = whole
    payload = {
        "source": f"OpenCC {getattr(opencc, '__version__', '')} s2tw: characters, and phrases that differ from them",
        "chars": chars,
        "phrases": phrases,
    }
    out = write("s2t.json", payload)
    print(f"{len(chars)} characters, {len(phrases)} phrases -> {out}")


if __name__ == "__main__":
    main()
