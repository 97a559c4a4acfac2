"""Regenerate checker/data/t2s_chars.json, the character-level traditional -> simplified table.

The checker converts one character at a time so that spans keep their length; the table is taken
from OpenCC's "t2s" conversion (pip install opencc), keeping only characters whose simplified form
is a single, different character. Run from the project root: python data/build_t2s.py
"""

import opencc
from opencc_tables import followed, per_character, write


def main() -> None:
    table = followed(per_character(opencc.OpenCC("t2s").convert))
    payload = {"source": f"OpenCC {getattr(opencc, '__version__', '')} t2s, per character", "chars": table}
    out = write("t2s_chars.json", payload)
    print(f"{len(table)} characters -> {out}")


if __name__ == "__main__":
    main()
