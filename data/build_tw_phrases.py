"""Regenerate checker/data/tw_phrases.json: Taiwan vocabulary -> mainland vocabulary, by phrase.

A message written in Taiwan says 簡訊 for 短信, 連結 for 链接, 登入 for 登录, 點選 for 点击: the per-
character table (build_t2s.py) turns 簡訊 into 简讯, which no rule reads as an SMS. OpenCC's "tw2sp"
conversion knows these phrases (its TWPhrasesRev dictionary). This script lists that dictionary's
phrases with OpenCC's own dictionary tool (shipped with `pip install opencc`), converts each with
"tw2sp", and keeps those whose mainland form differs from what the per-character table makes of
them. Most of that dictionary is computing vocabulary whose Taiwan form is an everyday mainland
word too (资料 -> 数据, 执行 -> 运行, 汇入 -> 导入, 回拨 -> 回调): rewriting those would break what the
rules read. So a phrase is kept only where its mainland form is a word our rules, claims or lexicons
read and its Taiwan form is not: the conversion brings a paste into the vocabulary the checker
reads, and never rewrites a word it reads already. Keys are written as the checker sees them after
step 4 (per-character simplified), so the checker needs no OpenCC at run time. Run from the project
root: python data/build_tw_phrases.py
"""

import json
import pathlib
import subprocess
import tempfile

import opencc
from opencc_tables import DATA, write

# Taiwan's 登出 is logging out; tw2sp gives 注销, which the rules read as cancelling an account (the
# campus-loan scam's word): a logout notice must not read as that script.
NOT_THE_SAME = {"登出"}

# The data files whose words the rules and the judgement read.
READ_BY_THE_CHECKER = ("rules.toml", "claims.toml", "lexicons.toml", "institutions.toml", "reference.toml")


def _phrases() -> list[str]:
    """The Taiwan phrases of OpenCC's TWPhrasesRev dictionary."""
    clib = pathlib.Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "tw.txt"
        subprocess.run(
            [str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / "TWPhrasesRev.ocd2"),
             "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True,
        )
        return [line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines() if "\t" in line]


def main() -> None:
    per_char = {ord(k): v for name in ("j2s_chars.json", "t2s_chars.json")
                for k, v in json.loads((DATA / name).read_text(encoding="utf-8"))["chars"].items()}
    read = "".join((DATA / name).read_text(encoding="utf-8") for name in READ_BY_THE_CHECKER)
    to_mainland = opencc.OpenCC("tw2sp")
    table = {}
    for phrase in _phrases():
        seen = phrase.lower().translate(per_char)
        mainland = to_mainland.convert(phrase).lower()
        # Only Chinese phrases of two or more characters: "SQL隱碼攻擊" and one-character entries
        # would rewrite text the rules read as it is.
        if (
            seen != mainland
            and len(seen) >= 2
            and all("\u4e00" <= ch <= "\u9fff" for ch in seen)
            and mainland in read
            and seen not in read
            and seen not in NOT_THE_SAME
        ):
            table[seen] = mainland
    payload = {"source": f"OpenCC {getattr(opencc, '__version__', '')} TWPhrasesRev via tw2sp, keys per-character simplified, kept where the mainland form is read by the checker and the Taiwan form is not", "phrases": table}
    out = write("tw_phrases.json", payload)
    print(f"{len(table)} phrases -> {out}")


if __name__ == "__main__":
    main()
