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

OpenCC's table is computing vocabulary; the everyday words a scam or a notice written in Taiwan
uses for the same things (身分證, 履歷, 點數, 提領, 撥款, 加賴 ...) are not in it. TAIWAN_USAGE adds
them by hand, each with the mainland word the rules read, and passes them through the same test
(the Taiwan form not read already), so the checker reads 請回覆身分證字號 as it reads 回复身份证号.
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

# Taiwan's everyday wording of what the rules read, missing from OpenCC's (computing) phrase table:
# Taiwan form (traditional, as written) -> the mainland word for the same thing.
TAIWAN_USAGE = {
    # identity, contact
    "回覆": "回复",          # to reply (覆 is a simplified character too, so step 4 leaves it)
    "身分": "身份",          # 身分證字號: the ID number
    "個資": "个人信息",
    "履歷": "简历",
    "信箱": "邮箱",          # 電子信箱
    "門號": "手机号",        # a mobile number, as the operators say
    "停話": "停机",
    "私訊": "私聊",
    "群組": "群",            # a chat group: 加入群組 is 加入群
    "視訊": "视频",
    # LINE, called 賴 in speech: 加賴, 加我賴, 加個賴, 賴ID. Not 賴 alone (老賴 is a debtor).
    "加賴": "加line",
    "加我賴": "加我line",
    "加個賴": "加个line",
    "賴ID": "line id",
    # money, cards, bills
    "帳單": "账单",
    "轉帳": "转账",
    "提領": "提现",          # withdrawing money
    "撥款": "放款",          # a loan paid out
    "儲值": "充值",
    "入金": "充值",          # paying into a trading account
    "金融卡": "银行卡",      # a debit card (簽帳金融卡 is OpenCC's, longer, and wins)
    "行動銀行": "手机银行",
    "末四碼": "尾号",        # a card's or account's last four digits
    "末三碼": "后三位",      # the three digits on a card's back
    "QR碼": "二维码",
    "點數": "积分",          # bonus, member and phone points
    "歸零": "清零",
    # public services
    "健保卡": "医保卡",
    "健保": "医保",
    "國稅局": "税务局",
    "綜所稅": "个税",
    "罰鍰": "罚款",
    # parcels, jobs, shares
    "宅配": "快递",
    "貨態": "物流",
    "按讚": "点赞",
    "日領": "日结",
    "飆股": "牛股",
}

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


def usage_table(per_char: dict[int, str], read: str) -> dict[str, str]:
    """TAIWAN_USAGE with keys as the checker sees them (per-character simplified, lower case), kept
    where the Taiwan form is not a word the checker reads already."""
    table = {}
    for phrase, mainland in TAIWAN_USAGE.items():
        seen = phrase.lower().translate(per_char)
        if seen != mainland and seen not in read:
            table[seen] = mainland
    return table


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
    table.update(usage_table(per_char, read))
    payload = {"source": f"OpenCC {getattr(opencc, '__version__', '')} TWPhrasesRev via tw2sp, keys per-character simplified, kept where the mainland form is read by the checker and the Taiwan form is not; with data/build_tw_phrases.py TAIWAN_USAGE (everyday Taiwan wording OpenCC's table lacks)", "phrases": table}
    out = write("tw_phrases.json", payload)
    print(f"{len(table)} phrases -> {out}")


if __name__ == "__main__":
    main()
