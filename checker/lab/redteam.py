"""python -m checker.lab.redteam: evasions by families, run over the corpus scams (issue 8, point 6).

Each family edits a scam the way an attacker who has read rules.toml would; the figure is the share
of flagged scams (not low_risk on the plain text) that an edit brings to low_risk. Every scam is
checked with the model of the fold that never saw it (checker.lab.robustness.fold_checkers).

Half of the families are HELD OUT from the normaliser's design: their generators were written
without looking at what checker/stages/normalize.py undoes, so a low rate for them is not true by
construction (as today's robustness figure is):
- held out: paraphrase, homoglyphs, link_forms, padding;
- designed for (the normaliser, the claims stage or the monotone floor were built against them):
  separators, number_splitting, pinyin, reassuring.
`combined` applies three random families in turn, `all` every family.

`bare` (issue 9, held out: written before the claims stage was read for its misses) strips every clause
mark, as fake-base-station SMS and an attacker who knows that claims are read by clauses do: each mark
removed or turned into a space, the brackets of a 【signature】 kept or dropped, links, numbers and amounts
intact. It stands beside the families, outside `combined` and `all`, whose figures it would otherwise
redraw; HELD_OUT lists it so that its figure is marked held out.
`quotes` (issue 8, held out: written before the claims stage was read for its misses) puts quotation
marks around random pieces of the scam's Chinese, as an attacker who knows that quoted words are read as
reported speech can: each run of Chinese characters is cut into consecutive windows of 2 to 4
characters, and each window is wrapped with probability one third in “…”, 「…」 or "…" (drawn per
window); never inside a link, a number or an amount. Where the marks go is drawn, not chosen by what
the rules read. It stands beside the families, outside `combined` and `all`; HELD_OUT lists it.

`warning_frame` (designed for) puts a warning or a story's opening before or after the scam
("【反诈提醒】…", "刚才接到一个电话，我没理。"): a scam framed as a warning must stay flagged, since a
retelling is read as one only where the message gives no channel of its own and tells a refusal
(claims.toml [retelling]). It stands beside the families, outside `combined` and `all`, whose figures
it would otherwise redraw. `warning_inside` (written after the claims stage, not read for its misses
before its first figure) puts the same lines between two clauses of the scam instead: a warning
slipped into the middle of a message must not make a warning of what it interrupts either.

`narrated` (designed for: written after the claims stage learned to read a case told, a warning's
narration and a scenario, from the holes this session's own attacks found in that work) tells the scam
as a warning's narration would: the reader made a third person ("您的" to "其"), a case's or a warning's
opener before ("【案例】一名用户", "【反诈提醒】有客户"), a closing that disowns nothing by name after
("请勿轻信谣言", "避免损失"). The channel and the request stay, so it must stay flagged. It stands beside the
families, outside `combined` and `all`.

`spelled_apart` (designed for: the normaliser joins what it spells since round 19) writes every link and
number of the scam one character at a time with a space between ("c n - w l . t o p", "1 3 8 1 2 3 …"),
as an attacker who knows that links and numbers are read whole can; a space either side of the link's
dots and dashes or none, drawn per scam. It stands beside the families, outside `combined` and `all`.

`tagged` (designed for: written with the persons reader's fix for it) puts a sender tag in front of the scam
("【温馨提示】", "【客服中心】"; before its own tag if it has one), half of the time with a held-out prefix line
after it: a tag adds a claim and asks nothing, so it must never lower the scam. It stands beside the families,
outside `combined` and `all`.

`polite` (round 22, not designed for: nothing undoes it) swaps the pronoun, 你 to 您 or 您 to 你, as one script is
written formally or plainly. It stands beside the families, outside `combined` and `all`.

`pronoun_dropped` (round 27, designed for: written with the collection threats and the cut-off number read without
a pronoun, from the in-sample probe that found them) leaves the reader unnamed, as terse Chinese does: "您的" / "你的"
to nothing or to 其, every other 您 / 你 dropped ("不还明天去单位"). It stands beside the families, outside `combined`
and `all`.

`spoken_link` (round 23, designed for: written with the normaliser's step that reads it) speaks every link of
the scam: 点 for its dots, 杠 for a hyphen, 斜杠 for a slash, the scheme dropped ("fz-app 点 cc 斜杠 x"), as an
attacker who knows that links are read whole can. A scam with no link is left as it is. It stands beside the
families, outside `combined` and `all`.

`narrated_loss` (round 24, designed for: written after the claims stage learned to read a case a warning opens
with "提醒" or "近期" and whose victim's loss is told) tells the scam as `narrated` does and adds a victim's loss
after it ("一名用户因此被骗5000元", "已有市民被盗刷", "客户核实后避免了损失"), as an attacker who knows that a loss
told makes a case report can. The channel and the request stay, so it must stay flagged. It stands beside the
families, outside `combined` and `all`.

`prefix` (issue 8) puts a greeting, an offer word, a reassurance or a polite opener in front of the scam,
glued to it or after a mark, a space or a line break, one line or two: a prefix adds no request and takes
none away. Its lines have two halves as the paraphrase table has: `prefix` (dev: its lowerings were read
to teach the opener reader, the warning scope and the model's units where a prefix ends) and
`prefix_held_out` (other lines of the same four kinds, written before that work, never read for misses).
Both stand beside the families, outside `combined` and `all`.

The paraphrase table has two halves: `paraphrase` (dev: its misses were read to improve the claims
stage) and `paraphrase_held_out` (written from the meaning before that work, never read for misses),
so the held-out rate says whether the fix generalises rather than learned the dev wordings.

`verified_first` (round 35, designed for: written with the contact request read without its 请, after a fake court
notice whose "请登录支付宝App核实后，联系承办人…" took it to low_risk) puts a verification clause in place of the scam's
请 ("请登录支付宝App核实后，", "核实无误后，", "如有疑问，"): each 请 that asks (not 请勿, 请问) with probability one half,
the first always. The request keeps its verb, so it must stay flagged. A scam without such a 请 is left as it is. It
stands beside the families, outside `combined` and `all`.

`disowned_decoy` (round 42, designed for: written with the claims stage's readings of a way a warning calls the
scam's, "警惕 …", "…冒充…", "涉诈号码通报：…", "以上号码已被封停") puts one or two warning lines in the scam that disown a
way of their own, invented for the line, at the scam's start, end or a sentence's end ("警惕 gov-check.top 仿冒网站。",
"0571-2690 3318 冒充客服，请勿回拨。"), as an attacker who knows those readings can. The scam's own channel and request
stay, so it must stay flagged. It stands beside the families, outside `combined` and `all`.

`link_unseen` (round 44, designed for: written before the claims stage learned to read it, then used to build that reading)
takes every link out of the scam, as a screenshot's lost link, a link sent in a second SMS or one in a picture do: each
link replaced by nothing, "链接", "下方链接" or "（链接见下条短信）", drawn per link. The claim and the task asked through
the link stay ("【国家电网】…请速点击链接缴费"), so it must stay flagged. A scam with no link is left as it is. It stands
beside the families, outside `combined` and `all`.

The genuine side (round 52): the edits of GENUINE_EDITS change how a message is written and nothing it says or
asks (bare, polite, pronoun_dropped, padding, quotes, spelled_apart); applied to the held-out corpus genuine
messages that the model of their fold leaves low_risk, and to the genuine messages of both halves of data/holdout
with the shipped checker, the share each makes an alarm. A harmless edit must not make a genuine notice suspicious
any more than an attacker's edit may make a scam look harmless.

Deterministic: a fixed seed, and each message's edit drawn from its own (the seed, the family and the text). `--limit N`
checks the first N held-out scams and genuine messages of each fold (a fast slice).
The core judgement head on (round 57): `grid` holds checker.lab.grid's probes, one claim and one request through one
channel each, the share below the verdict the request must reach, per half (dev: fixed for; held_out: never fixed for).

`python -m checker.lab.redteam --json > models/redteam.json` writes the figures the README shows.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import sys
from collections.abc import Callable

from .grid import LEAST

SEED = 8
HELD_OUT = ("paraphrase", "homoglyphs", "link_forms", "padding", "bare", "quotes")
DESIGNED = ("separators", "number_splitting", "pinyin", "reassuring")

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LINK = re.compile(r"(?:https?://)?(?:[a-zA-Z0-9\-]+\.)+[a-zA-Z]{2,6}(?:/[\w\-./?=&#]*)?")
_NUMBER = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|\d{16,19}|400\d{7}|0\d{2,3}-?\d{7,8})(?!\d)")

# Paraphrases an attacker would try: the same demand in words the rules may not list.
# The DEV half: its misses may be read to find what the claims stage does not understand.
_PARAPHRASES = {
    "转账": ["把钱打过去", "汇一下款", "走一笔钱"],
    "转入": ["打到", "存到"],
    "汇款": ["打款过去", "把款子汇过去"],
    "逾期": ["没按时还", "拖欠多日", "超期未还"],
    "欠款": ["没还的钱", "未结清款项"],
    "律师函": ["法律文书", "律所正式函件"],
    "起诉": ["走司法程序", "提交诉讼"],
    "立案": ["案子已经登记", "进入受理"],
    "冻结": ["锁定", "暂停使用"],
    "验证码": ["短信里的数字", "收到的几位数"],
    "立即": ["抓紧", "第一时间"],
    "账户": ["户头", "收款户"],
    "银行卡": ["卡片", "储蓄卡片"],
    "联系": ["找", "对接"],
    "客服": ["售后人员", "服务专员"],
    "点击": ["戳", "打开看看"],
    "保证金": ["押款", "担保金额"],
    "手续费": ["办理费用", "通道费"],
    "征信": ["个人信用记录", "信用档案"],
    "注销": ["关掉", "撤销"],
    "退款": ["返还款项", "把钱退回"],
    "家人": ["亲属", "家里人"],
    "上门": ["到你家里", "登门"],
}
# The HELD-OUT half: other wordings of the same meanings (and of a few more request verbs), written
# from the meaning before any fix and never read for misses, so its rate measures how the checker
# generalises; a fix that copies a wording of either table makes only the dev rate fall. Kept out of
# `combined` and `all`, so their figures stay comparable with earlier rounds.
_PARAPHRASES_HELD_OUT = {
    "转账": ["划一笔款", "付一笔钱", "把资金划过去"],
    "转入": ["划入", "汇进", "充进"],
    "汇款": ["划账", "把钱划过去", "寄钱"],
    "付款": ["结账", "给钱", "出钱"],
    "缴纳": ["补交", "上交", "补缴"],
    "逾期": ["过了还款日", "迟迟未还", "到期未归还"],
    "欠款": ["拖欠的款项", "待还金额", "欠下的钱"],
    "律师函": ["律师通知", "法律告知书", "律所来函"],
    "起诉": ["告上法庭", "提起诉讼", "诉至法院"],
    "立案": ["备案受理", "正式受理", "登记在册"],
    "冻结": ["封停", "限制使用", "停用"],
    "验证码": ["校验数字", "动态密码", "手机收到的码"],
    "立即": ["即刻", "火速", "今天之内"],
    "账户": ["账号", "收款户口", "专户"],
    "银行卡": ["借记卡", "卡", "银行账号"],
    "联系": ["联络", "找一下", "回个电话给"],
    "拨打": ["打电话到", "呼叫", "去电"],
    "客服": ["工作人员", "专线人员", "服务人员"],
    "点击": ["点一下", "点进", "轻触"],
    "下载": ["装一个", "安装好", "下个"],
    "保证金": ["抵押金", "押金", "预存金"],
    "手续费": ["办理费", "服务费用", "工本费用"],
    "征信": ["信用报告", "信用评分", "信用记录"],
    "注销": ["销户", "取消", "解除"],
    "退款": ["退还的钱", "退回款项", "退还货款"],
    "家人": ["亲人", "家里亲戚", "家属"],
    "上门": ["到家走访", "找到住处", "上你家"],
}
_PADDING = [
    "您好，最近天气转凉，注意添衣保暖，祝您和家人身体健康、工作顺利、万事如意。",
    "感谢您一直以来对我们的支持与信任，我们将一如既往为您提供优质服务。",
    "温馨提示：周末出行请注意交通安全，遵守交通规则，文明出行。",
    "本周末社区将举办便民服务活动，欢迎居民朋友们积极参加。",
]
_REASSURING = [
    "请登录支付宝App核实。",
    "如有疑问请致电95588。",
    "如有疑问请拨打12368核实。",
    "（谨防骗局）",
    "请勿拖延。",
    "本通知真实有效，请放心办理。",
    "谨防诈骗，切勿向陌生账户转账。",
    "以官方App显示为准。",
    "回T退订",
    "公检法机关不会电话办案。",
]
_SEPARATORS = ["丨", "、", "·", "★", "❤", "☆", "✨", "|", "～", "_", " ", "♥", "🔥", "👉"]
# Letters and digits that look alike to a reader; Japanese forms of Chinese characters.
_HOMOGLYPHS = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "y": "у",
    "0": "𝟎", "1": "𝟏", "2": "𝟐", "3": "𝟑", "5": "𝟓", "8": "𝟖",
    "转": "転", "户": "戸", "征": "徴", "账": "賬", "钱": "銭", "绝": "絶", "压": "圧", "单": "単", "费": "費", "银": "銀",
}
_TLDS = [".live", ".sbs", ".xin", ".网址", ".top", ".shop", ".cyou", ".vip"]
_NUMERALS = "零一二三四五六七八九"
_PINYIN = {
    "微信": ["weixin", "wx", "vx", "V❤", "薇❤"],
    "转账": ["zhuanzhang", "zz"],
    "支付宝": ["zfb", "zhifubao"],
    "银行卡": ["yhk"],
    "验证码": ["yzm"],
    "加": ["+"],
    "客服": ["kf"],
}


def _paraphrase_with(table: dict[str, list[str]], text: str, rng: random.Random) -> str:
    for word, choices in table.items():
        if word in text and rng.random() < 0.8:
            text = text.replace(word, rng.choice(choices))
    return text


def _paraphrase(text: str, rng: random.Random) -> str:
    return _paraphrase_with(_PARAPHRASES, text, rng)


def _paraphrase_held_out(text: str, rng: random.Random) -> str:
    return _paraphrase_with(_PARAPHRASES_HELD_OUT, text, rng)


def _padding(text: str, rng: random.Random) -> str:
    pad = "".join(rng.sample(_PADDING, rng.choice([2, 3, 4])))
    return pad + text if rng.random() < 0.7 else text + pad


def _reassuring(text: str, rng: random.Random) -> str:
    for line in rng.sample(_REASSURING, rng.choice([1, 2, 3])):
        cuts = [0, len(text)] + [m.end() for m in re.finditer(r"[，。！？]", text)]
        at = rng.choice(cuts)
        text = text[:at] + line + text[at:]
    return text


def _link_forms(text: str, rng: random.Random) -> str:
    def rewrite(m: re.Match[str]) -> str:
        link = re.sub(r"^https?://", "", m.group())
        host, _, path = link.partition("/")
        labels = host.split(".")
        stem = "-".join(labels[:-1]) if len(labels) > 1 else host
        form = rng.choice(["tld", "caps", "www", "ip"])
        if form == "tld":
            return stem + rng.choice(_TLDS) + ("/" + path if path else "/cx")
        if form == "caps":
            return (stem + rng.choice(_TLDS)).upper() + "/" + (path or "q")
        if form == "www":
            return "www." + stem + rng.choice(_TLDS) + "/" + (path or "a")
        return f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}:{rng.choice([8080, 8443, 88])}/" + (path or "r")

    if _LINK.search(text):
        return _LINK.sub(rewrite, text)
    return text + "详情见 " + rng.choice(["fy-ssfw", "sfsd-cx", "hb-kf", "zx-vip"]) + rng.choice(_TLDS) + "/cx"


def _separators(text: str, rng: random.Random) -> str:
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if _CJK.match(ch) and i + 1 < len(text) and _CJK.match(text[i + 1]) and rng.random() < 0.3:
            out.append(rng.choice(_SEPARATORS))
    return "".join(out)


def _homoglyphs(text: str, rng: random.Random) -> str:
    return "".join(_HOMOGLYPHS[ch] if ch in _HOMOGLYPHS and rng.random() < 0.6 else ch for ch in text)


def _number_splitting(text: str, rng: random.Random) -> str:
    def split(m: re.Match[str]) -> str:
        digits = m.group().replace("-", "")
        style = rng.choice(["space", "dot", "dash", "emoji", "numerals", "mixed"])
        if style == "numerals":
            return "".join(_NUMERALS[int(d)] for d in digits)
        if style == "mixed":
            return "".join(_NUMERALS[int(d)] if rng.random() < 0.5 else d for d in digits)
        joiner = {"space": " ", "dot": ".", "dash": "-", "emoji": rng.choice(["🔸", "❤", "⭐"])}[style]
        groups = [digits[i : i + 4] for i in range(0, len(digits), 4)] if len(digits) > 11 else [digits[:3], digits[3:7], digits[7:]]
        return joiner.join(g for g in groups if g)

    return _NUMBER.sub(split, text)


# A link spoken (round 23, designed for: written with the normaliser's step 5b): the scheme dropped, 点 for
# each dot, 杠 for a hyphen or the hyphen kept, 斜杠 for each slash, with a space either side or none, drawn
# per link ("fz-app 点 cc 斜杠 x"), as an attacker who knows that a link is read whole can. A scam with no
# link is left as it is, so this family's rate counts every flagged scam and can lower only those with one.
def _spoken_link(text: str, rng: random.Random) -> str:
    def speak(m: re.Match[str]) -> str:
        gap = rng.choice(["", " "])
        hyphen = rng.choice(["-", f"{gap}杠{gap}"])
        host, _, path = re.sub(r"^https?://", "", m.group()).partition("/")
        spoken = host.replace("-", hyphen).replace(".", f"{gap}点{gap}")
        if path:
            spoken += f"{gap}斜杠{gap}" + path.replace("/", f"{gap}斜杠{gap}")
        return f" {spoken} "

    return _LINK.sub(speak, text)


def _spelled_apart(text: str, rng: random.Random) -> str:
    padded = rng.random() < 0.5  # " . " and " - " in a link, or "." and "-" with no space of their own

    def apart(m: re.Match[str]) -> str:
        word = m.group()
        if not padded:
            return re.sub(r"(?<=[0-9A-Za-z])(?=[0-9A-Za-z])", " ", word)
        return " ".join(word)

    return _NUMBER.sub(apart, _LINK.sub(apart, text))


_WARNING_FRAMES = [
    ("prepend", "【反诈中心】提醒：近期冒充客服诈骗高发，请提高警惕。"),
    ("prepend", "温馨提示：谨防电信诈骗。"),
    ("prepend", "【警惕】以下是骗子常用的话术："),
    ("prepend", "转给大家看看，这就是骗子的套路："),
    ("prepend", "防骗提醒：凡是要求转账的都是诈骗。"),
    ("prepend", "刚才接到一个电话，我没理。"),
    ("prepend", "【普法提醒】"),
    ("append", "我直接挂了，大家小心。"),
    ("append", "（以上为诈骗话术，请勿轻信）"),
]


def _warning_frame(text: str, rng: random.Random) -> str:
    mode, frame = rng.choice(_WARNING_FRAMES)
    return frame + text if mode == "prepend" else text + frame


def _warning_inside(text: str, rng: random.Random) -> str:
    _, frame = rng.choice(_WARNING_FRAMES)
    cuts = [m.end() for m in re.finditer(r"[，。！？,]", text) if m.end() < len(text)]
    if not cuts:
        return frame + text
    at = rng.choice(cuts)
    return text[:at] + frame + text[at:]


# A scam told as a warning's narration (case21, designed for: written after the claims stage learned to
# read a case told, a warning's narration and a scenario, from the attacks that work found): the reader
# turned into a third person ("您的" -> "其", "您" dropped), a case's or a warning's opener in front, and a
# closing that warns of nothing by name ("请勿轻信谣言"). The scam's channel and request stay.
_NARRATION_OPENERS = ["【反诈提醒】有客户", "【案例】一名用户", "【警情通报】市民王某", "【提醒】近期有用户", "【反诈小课堂】真实案件：一名大学生", "如果收到通知，"]
_NARRATION_CLOSINGS = ["请勿轻信谣言。", "谨防诈骗。", "避免损失。", "请提高警惕。", "切勿拖延。", "以免被骗。", "谨防被骗3000元。"]
# Only the sender's tag at the start gives way to the opener. (Until round 23 this name was defined twice,
# and the later one, every 【tag】 anywhere, is what ran: tags inside or at the end went too.)
_LEADING_SIGNATURE = re.compile(r"^\s*[【\[][^】\]]{1,16}[】\]]")
# The plural as one word (round 28): dropping 你 alone from "你们公司" left "们公司", which no writer sends.
_SECOND_PERSON = re.compile(r"(?:尊敬的)?[^，,。！!？?]{0,6}?(?:您好|你好)[，,！!。]?|(?:您|你)们的|您的|你的|(?:您|你)们|您|你")
_YOURS = ("您的", "你的", "您们的", "你们的")


def _narrated(text: str, rng: random.Random) -> str:
    body = _LEADING_SIGNATURE.sub("", text)
    body = _SECOND_PERSON.sub(lambda m: "其" if m.group() in _YOURS else "", body).strip("。！! ，,")
    body = body.removeprefix("其")  # "一名用户其借呗已逾期" reads "一名用户借呗已逾期"
    return rng.choice(_NARRATION_OPENERS) + body + "，" + rng.choice(_NARRATION_CLOSINGS)


# A case's loss told after the narrated scam (round 24, designed for: _case_told reads a case opened as a warning).
_CASE_LOSSES = ["一名用户因此被骗5000元。", "已有市民被盗刷。", "一位客户被转走3200元。", "客户核实后避免了损失。", "一名老人转了8000元后才发现被骗。"]


def _narrated_loss(text: str, rng: random.Random) -> str:
    return _narrated(text, rng).rstrip("。") + "，" + rng.choice(_CASE_LOSSES)


# Prefixes (issue 8): a greeting, an offer word, a reassurance or a polite opener put in front of the
# scam, glued to it or after a mark, one or two of them. A prefix adds no request and takes none away,
# so it must never lower the scam. Two halves as for paraphrase: `prefix` (dev: its misses were read
# to fix the opener reader, the asides and the model's clause scores) and `prefix_held_out` (other
# lines of the same four kinds, written before that work and never read for misses).
_PREFIXES = [
    # greetings
    "您好", "你好", "亲", "早上好", "晚上好呀", "尊敬的客户您好", "亲爱的会员朋友，您好", "王女士您好", "新年快乐", "打扰了",
    # offer words
    "免费", "限时特惠", "恭喜", "福利来了", "好消息", "包邮到家", "新人专享", "0元领",
    # reassurance
    "请放心", "别担心", "正规平台", "官方认证", "本信息真实有效", "无需担心", "安全可靠", "不收任何费用",
    # polite openers
    "不好意思打扰一下", "冒昧打扰，请见谅", "感谢您一直以来的支持", "您好，耽误您一分钟时间", "麻烦您看一下", "请您耐心看完这条信息",
]
_PREFIXES_HELD_OUT = [
    "嗨", "哈喽", "下午好", "中午好呀", "李先生您好", "各位家长好", "节日快乐", "尊敬的用户",
    "特价", "免单", "惊喜", "礼包已到", "专属优惠", "秒杀", "大促", "零元购",
    "放宽心", "绝对正规", "国家认可", "不用怕", "官方渠道", "真实可信", "零风险", "不会收您一分钱",
    "抱歉打扰您休息", "您好，占用您几秒钟", "感谢信任", "非常抱歉冒昧联系", "请您仔细阅读", "温馨告知",
]
# "" glues the prefix to the scam's first word.
_PREFIX_MARKS = ["", "", " ", "，", "。", "！", "：", "~", "\n", "、", "..."]


def _prefix_with(lines: list[str], text: str, rng: random.Random) -> str:
    chosen = rng.sample(lines, rng.choice([1, 1, 2]))
    return rng.choice(_PREFIX_MARKS[2:]).join(chosen) + rng.choice(_PREFIX_MARKS) + text


def _prefix(text: str, rng: random.Random) -> str:
    return _prefix_with(_PREFIXES, text, rng)


def _prefix_held_out(text: str, rng: random.Random) -> str:
    return _prefix_with(_PREFIXES_HELD_OUT, text, rng)


# Tagged (designed for: written with the persons reader's fix for a tag in front, normalize.tagged_opener_ends):
# a sender tag put in front of the scam, as an attacker who knows that a 【tag】 is read as a claim can add one
# ("【温馨提示】老妈你…"), in front of the scam's own tag if it has one; half of the time a line of the held-out
# prefixes after the tag, after a space, a comma or glued. A tag adds a claim and asks nothing: it must never
# lower the scam.
_TAGS = ["【提醒】", "【通知】", "【温馨提示】", "【客服中心】", "【服务提醒】", "【重要通知】"]


def _tagged(text: str, rng: random.Random) -> str:
    line = rng.choice(_PREFIXES_HELD_OUT) + rng.choice([" ", "，", ""]) if rng.random() < 0.5 else ""
    return rng.choice(_TAGS) + line + text


# Polite (round 22; nothing in the normaliser undoes it): the pronoun swapped, 你 to 您 where the scam has 你 and
# 您 to 你 otherwise, as a scammer who writes the same script formally or plainly does. Many patterns read one
# form of the pronoun only; a fold of 您 into 你 closed the probe's lowerings but raised false alarms, and did not land.
def _polite(text: str, rng: random.Random) -> str:
    return text.replace("你", "您") if "你" in text else text.replace("您", "你")


# Pronoun dropped (round 27, designed for: written with the collection threats and the cut-off number read without a
# pronoun, from the in-sample probe that found them): the reader left unnamed, as terse Chinese leaves him ("不还明天去
# 单位", "欠的钱再不还"): "您的" / "你的" to nothing or to 其 (one choice a scam), every other 您 / 你 dropped. A scam
# without a pronoun is left as it is.
def _pronoun_dropped(text: str, rng: random.Random) -> str:
    own = rng.choice(("", "其"))
    return _SECOND_PERSON.sub(lambda m: own if m.group() in _YOURS else "", text)


# Verified first (round 35, designed for): a verification clause in place of the request's 请, so that the verb asks
# without it ("…请登录支付宝App核实后，联系承办人0571…办理撤案"). Not 请勿 (a denial) nor 请问 (a question).
_VERIFY_LEADS = ["请登录支付宝App核实后，", "核实无误后，", "如有疑问，", "请先拨打95188确认后，", "确认是本人后，", "请在官方App核对后，"]
_PLEASE = re.compile(r"请(?!勿|问)")


def _verified_first(text: str, rng: random.Random) -> str:
    spots = [m.start() for m in _PLEASE.finditer(text)]
    chosen = [at for at in spots[1:] if rng.random() < 0.5]
    for at in reversed(spots[:1] + chosen):
        text = text[:at] + rng.choice(_VERIFY_LEADS) + text[at + 1 :]
    return text


# Bare (issue 9): a message sent without punctuation, as fake-base-station SMS often are, or as an
# attacker who knows that the claims stage reads clauses can write it. Every run of clause marks is
# removed, or turned into one space (one choice a message); the brackets of a 【signature】 are kept or
# dropped (one choice a message; dropped ones go as the marks do). A mark inside a link, a number or an
# amount ("1,000.50", "10:30", "http://a.cn/x?id=1") is no clause mark and stays. Where removing a run
# would change a link, a number or an ASCII word by gluing it to its neighbour, a space takes its place:
# always after a link, and between two letters or digits.
_BARE_MARKS = frozenset("，。！？；：、,.!?;:\r\n")
_BARE_KEEP = re.compile(_LINK.pattern + r"|\d+(?:[,.:]\d+)+")
_SIGNATURES = re.compile(r"【[^【】\n]{1,30}】")


def _bare(text: str, rng: random.Random) -> str:
    joiner = rng.choice(["", " "])
    marks = [ch in _BARE_MARKS for ch in text]
    links = [False] * len(text)
    for m in _BARE_KEEP.finditer(text):
        marks[m.start() : m.end()] = [False] * (m.end() - m.start())
        if not m.group()[0].isdigit() or _LINK.fullmatch(m.group()):
            links[m.start() : m.end()] = [True] * (m.end() - m.start())
    if rng.random() < 0.5:  # drop the brackets of the signatures
        for m in _SIGNATURES.finditer(text):
            marks[m.start()] = marks[m.end() - 1] = True
    out: list[str] = []
    i = 0
    while i < len(text):
        if not marks[i]:
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < len(text) and marks[j]:
            j += 1
        if i > 0 and j < len(text):
            before, after = text[i - 1], text[j]
            ascii_pair = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
            out.append(" " if joiner or links[i - 1] or ascii_pair else "")
        i = j
    return "".join(out).strip()


# Quotes (issue 8): quotation marks around random pieces of the message, as reported speech is marked.
# Only runs of Chinese characters are cut, and none inside a link, a number or an amount ("5000元",
# "三千块"): those stay as they are.
_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ('"', '"'))
_QUOTE_KEEP = re.compile(
    _LINK.pattern
    + r"|(?:[a-zA-Z0-9\-]+\.)+[\u4e00-\u9fff]{2,4}(?:/[\w\-./?=&#]*)?"  # a link whose top level is Chinese (.网址)
    + r"|\d[\d,.]*\s*[十百千万亿]*(?:元|块|圆)?|[零一二两三四五六七八九十百千万亿]+(?:元|块)"
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _quotes(text: str, rng: random.Random) -> str:
    kept = [False] * len(text)
    for m in _QUOTE_KEEP.finditer(text):
        kept[m.start() : m.end()] = [True] * (m.end() - m.start())
    out: list[str] = []
    at = 0
    for run in _CJK_RUN.finditer(text):
        i = run.start()
        while i < run.end():
            j = min(run.end(), i + rng.randint(2, 4))
            if not any(kept[i:j]) and rng.random() < 1 / 3:
                opening, closing = rng.choice(_QUOTE_PAIRS)
                out.append(text[at:i] + opening + text[i:j] + closing)
                at = j
            i = j
    out.append(text[at:])
    return "".join(out)


def _pinyin(text: str, rng: random.Random) -> str:
    for word, choices in _PINYIN.items():
        if word in text:
            text = text.replace(word, rng.choice(choices))
    return text


# Disowned decoys (round 42, designed for): warning lines that disown a way of their own, invented for the line, never
# the scam's, put where a sentence ends.
_DECOYS = [
    "警惕 gov-check.top 仿冒网站。",
    "谨防 kf-tuikuan.cc 钓鱼链接，请勿点击。",
    "0571-2690 3318 冒充客服，请勿回拨。",
    "骗子的微信号是 pz_kf2031，请勿添加。",
    "近期涉诈号码通报：17092836451、0898-66213407。以上号码已被封停。",
    "冒充公检法的电话：02163318820，接到请挂断。",
    "微信号 zx_xf2088 自称客服，是假的。",
]


def _disowned_decoy(text: str, rng: random.Random) -> str:
    for line in rng.sample(_DECOYS, rng.choice([1, 2])):
        cuts = [0, len(text)] + [m.end() for m in re.finditer(r"[。！？!?]", text)]
        at = rng.choice(cuts)
        # Where the scam runs on without a mark, the line is set apart as a sentence of its own: glued to the scam's
        # own number it would corrupt the number the scam needs its reader to use.
        apart = "。" if at and text[at - 1] not in "。！？!?\n" else ""
        text = text[:at] + apart + line + text[at:]
    return text


# A link taken out (round 44): what a screenshot, a second SMS or a picture leaves of it in the paste.
_UNSEEN = ["", "链接", "下方链接", "（链接见下条短信）"]


def _link_unseen(text: str, rng: random.Random) -> str:
    return _LINK.sub(lambda m: rng.choice(_UNSEEN), text)


FAMILIES: dict[str, Callable[[str, random.Random], str]] = {
    "paraphrase": _paraphrase,
    "padding": _padding,
    "reassuring": _reassuring,
    "link_forms": _link_forms,
    "separators": _separators,
    "homoglyphs": _homoglyphs,
    "number_splitting": _number_splitting,
    "pinyin": _pinyin,
}


def combined(text: str, rng: random.Random) -> str:
    for name in rng.sample(sorted(FAMILIES), 3):
        text = FAMILIES[name](text, rng)
    return text


def every_family(text: str, rng: random.Random) -> str:
    for name in sorted(FAMILIES, key=lambda _: rng.random()):
        text = FAMILIES[name](text, rng)
    return text


EDITS = {
    **FAMILIES,
    "paraphrase_held_out": _paraphrase_held_out,
    "warning_frame": _warning_frame,
    "warning_inside": _warning_inside,
    "narrated": _narrated,
    "narrated_loss": _narrated_loss,
    "prefix": _prefix,
    "prefix_held_out": _prefix_held_out,
    "bare": _bare,
    "quotes": _quotes,
    "spelled_apart": _spelled_apart,
    "tagged": _tagged,
    "polite": _polite,
    "pronoun_dropped": _pronoun_dropped,
    "spoken_link": _spoken_link,
    "verified_first": _verified_first,
    "disowned_decoy": _disowned_decoy,
    "link_unseen": _link_unseen,
    "combined": combined,
    "all": every_family,
}


def edited(name: str, text: str, seed: int = SEED) -> str:
    """The edit `name` of `text`, drawn from its own seed (the seed, the edit and the text): one message more or less
    in a set (a change elsewhere) redraws no other message's edit, so two runs differ only where the checker's
    answers do."""
    return EDITS[name](text, random.Random(f"{seed}:{name}:{text}"))


def evasion(scams: list[str], check: Callable, seed: int = SEED) -> dict[str, tuple[int, int]]:
    """Per edit: (flagged scams brought to low_risk, flagged scams)."""
    flagged = [t for t in scams if check(t).verdict != "low_risk"]
    return {name: (sum(check(edited(name, t, seed)).verdict == "low_risk" for t in flagged), len(flagged)) for name in EDITS}


# The other side of the same attacks (issue 8: genuine look-alikes must stay quiet): the edits that change how a
# genuine message is written and nothing it says or asks (no line that claims, offers or asks anything is added),
# as a sender who writes without punctuation, plainly or formally, with a greeting, quoted words or spaced digits
# does. The share of genuine messages left low_risk on the plain text that such an edit makes an alarm.
GENUINE_EDITS = ("bare", "polite", "pronoun_dropped", "padding", "quotes", "spelled_apart")


def false_alarms(genuine: list[str], check: Callable, seed: int = SEED) -> dict[str, tuple[int, int]]:
    """Per edit of GENUINE_EDITS: (quiet genuine messages the edit makes an alarm, quiet genuine messages)."""
    quiet = [t for t in genuine if check(t).verdict == "low_risk"]
    return {name: (sum(check(edited(name, t, seed)).verdict != "low_risk" for t in quiet), len(quiet)) for name in GENUINE_EDITS}


def holdout_false_alarms(root: pathlib.Path, limit: int | None = None) -> dict[str, dict[str, list[int]]]:
    """false_alarms() over the genuine messages of each half of data/holdout with the shipped checker, which was
    never trained or tuned on them: per half, per edit, [raised, quiet]. Written by other hands than the corpus,
    with more look-alikes (anti-fraud warnings quoting scams), so it is the harder of the two figures."""
    from ..pipeline import check

    out: dict[str, dict[str, list[int]]] = {}
    for half in ("dev", "heldout"):
        path = root / "data" / "holdout" / f"{half}.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        genuine = [r["text"] for r in rows if r.get("label") == "legit"][:limit]
        out[half] = {name: [raised, quiet] for name, (raised, quiet) in false_alarms(genuine, check).items()}
    return out


def held_out(root: pathlib.Path, limit: int | None = None) -> dict:
    from .robustness import fold_checkers

    totals: dict[str, list[int]] = {name: [0, 0] for name in EDITS}
    alarms: dict[str, list[int]] = {name: [0, 0] for name in GENUINE_EDITS}
    scams_seen = flagged = genuine_seen = 0
    for fold_check, test_idx, corpus in fold_checkers(root):
        scams = [corpus.texts[i] for i in test_idx if corpus.labels[i] == 1][:limit]
        scams_seen += len(scams)
        for name, (lowered, n) in evasion(scams, fold_check).items():
            totals[name][0] += lowered
            totals[name][1] += n
        flagged = totals["paraphrase"][1]
        genuine = [corpus.texts[i] for i in test_idx if corpus.labels[i] == 0][:limit]
        genuine_seen += len(genuine)
        for name, (raised, n) in false_alarms(genuine, fold_check).items():
            alarms[name][0] += raised
            alarms[name][1] += n
    from .evaluate import measured_with

    return {
        "measured_with": measured_with(),
        "scams": scams_seen,
        "flagged": flagged,
        "held_out_families": list(HELD_OUT),
        "evasion_rate": {name: round(low / n, 4) if n else 0.0 for name, (low, n) in totals.items()},
        "lowered": {name: low for name, (low, _) in totals.items()},
        "genuine": genuine_seen,
        "genuine_quiet": alarms[GENUINE_EDITS[0]][1],
        "false_alarm_rate": {name: round(up / n, 4) if n else 0.0 for name, (up, n) in alarms.items()},
        "raised": {name: up for name, (up, _) in alarms.items()},
        "holdout_false_alarms": holdout_false_alarms(root, limit),
        "grid": _grid(root),
    }


def _grid(root: pathlib.Path) -> dict[str, dict[str, list[int]]]:
    """The core judgement probed head on with the shipped checker (checker.lab.grid), its blind halves read under root."""
    from ..pipeline import check
    from .grid import probe

    return probe(check, root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.redteam", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--limit", type=int, default=None, help="held-out scams per fold (a fast slice)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = held_out(args.root, args.limit)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"{report['scams']} held-out scams, {report['flagged']} flagged on the plain text")
    for name, rate in report["evasion_rate"].items():
        mark = " (held out)" if name in HELD_OUT else ""
        print(f"  {name:18} {rate * 100:5.1f} % brought to low_risk ({report['lowered'][name]}){mark}")
    print(f"{report['genuine']} held-out genuine messages, {report['genuine_quiet']} low_risk on the plain text")
    for name, rate in report["false_alarm_rate"].items():
        print(f"  {name:18} {rate * 100:5.1f} % made an alarm ({report['raised'][name]})")
    for half, edits in report["holdout_false_alarms"].items():
        print(f"data/holdout/{half}.jsonl genuine, shipped checker:")
        for name, (raised, quiet) in edits.items():
            print(f"  {name:18} {raised / quiet * 100 if quiet else 0:5.1f} % made an alarm ({raised} of {quiet})")
    for half, kinds in report["grid"].items():
        print(f"grid {half} (checker.lab.grid), shipped checker:")
        for kind, (below, total) in kinds.items():
            print(f"  {kind:18} {below} of {total} below {LEAST[kind]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
