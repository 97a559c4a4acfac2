"""Regenerate checker/data/j2s_chars.json: Japanese kanji forms -> simplified Chinese, per character.

Scammers write 転 for 转, 徴 for 征, 銭 for 钱 to slip past keyword filters. The table is taken from
OpenCC (pip install opencc): "jp2t" (Japanese shinjitai -> traditional) followed by "t2s", for the
characters that are neither simplified Chinese (s2t changes them: 沪; or in GB 2312: 欠) nor
traditional (t2s changes them), and whose result is a single, different character. jp2t leaves some
shinjitai alone that OpenCC's own "t2jp" produces (戸 from 戶), so the inverse of t2jp fills those in:
a Japanese form that t2jp makes from exactly one traditional character reads as that character's
simplified form. Run from the project root:
python data/build_j2s.py
"""

import opencc
from opencc_tables import followed, per_character, write


def _in_gb2312(ch: str) -> bool:
    """Whether a character is in GB 2312, the everyday simplified Chinese character set."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def main() -> None:
    to_traditional = opencc.OpenCC("jp2t")
    to_simplified = opencc.OpenCC("t2s")
    to_chinese_traditional = opencc.OpenCC("s2t")

    def japanese_form(ch: str) -> bool:
        # A Chinese character already (欠, 研, 翻 are Japanese forms too) is kept as it is.
        return to_simplified.convert(ch) == ch and to_chinese_traditional.convert(ch) == ch and not _in_gb2312(ch)

    table = per_character(lambda ch: to_simplified.convert(to_traditional.convert(ch)), japanese_form)
    to_japanese = opencc.OpenCC("t2jp")
    made_from: dict[str, set[str]] = {}
    for traditional, japanese in per_character(to_japanese.convert).items():
        made_from.setdefault(japanese, set()).add(to_simplified.convert(traditional))
    for japanese, simplified in made_from.items():
        # Only where jp2t is silent and the answer is unambiguous.
        if japanese not in table and len(simplified) == 1 and japanese_form(japanese):
            (only,) = simplified
            if len(only) == 1 and only != japanese:
                table[japanese] = only
    source = f"OpenCC {getattr(opencc, '__version__', '')} jp2t then t2s, and the inverse of t2jp then t2s, per character"
    payload = {"source": source, "chars": followed(table)}
    out = write("j2s_chars.json", payload)
    print(f"{len(table)} characters -> {out}")


if __name__ == "__main__":
    main()
