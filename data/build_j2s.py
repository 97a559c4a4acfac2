"""Regenerate checker/data/j2s_chars.json: Japanese kanji forms -> simplified Chinese, per character.

Scammers write 転 for 转, 徴 for 征, 銭 for 钱 to slip past keyword filters. The table is taken from
OpenCC (pip install opencc): "jp2t" (Japanese shinjitai -> traditional) followed by "t2s", for the
characters that are neither simplified Chinese (s2t changes them: 沪; or in GB 2312: 欠) nor
traditional (t2s changes them), and whose result is a single, different character. Run from the project root:
python data/build_j2s.py
"""

import json
import pathlib

import opencc

RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]


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
    table = {}
    for low, high in RANGES:
        for code in range(low, high + 1):
            ch = chr(code)
            if to_simplified.convert(ch) != ch or to_chinese_traditional.convert(ch) != ch or _in_gb2312(ch):
                continue  # a Chinese character already (欠, 研, 翻 are Japanese forms too): keep it
            simplified = to_simplified.convert(to_traditional.convert(ch))
            if len(simplified) == 1 and simplified != ch:
                table[ch] = simplified
    out = pathlib.Path(__file__).resolve().parent.parent / "checker" / "data" / "j2s_chars.json"
    payload = {"source": f"OpenCC {getattr(opencc, '__version__', '')} jp2t then t2s, per character", "chars": table}
    out.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} characters -> {out}")


if __name__ == "__main__":
    main()
