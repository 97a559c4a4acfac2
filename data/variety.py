"""Placeholders and surface styles for the scam sources written by fraud type (sources/scam_type_*.txt).

Imported by build_corpus.py.  Two things live here so that the builder, shared by two writers,
changes little:

- EXTRA_FILLERS: placeholders for the numbers, links and names that real scam SMS use and that
  the first pools did not have: 400 numbers, 00-prefixed overseas numbers, mobiles in split digit
  groups, 6-digit "95…" look-alikes, bare hosts without http, look-alike hosts chosen by topic
  (bank, carrier, ETC, 医保, 税务 …), banks, couriers, airlines, games, shops.
- restyle(): the surface variants a line marked "s" gets on every fill after the first: the
  【tag】 moved to the end or dropped, punctuation removed or turned into spaces, greetings and
  filler added, half-width punctuation.  All variants of one line stay in the line's group.

Every choice comes from the random.Random the builder passes in, so builds stay byte-identical.
"""
from __future__ import annotations

import random
import re

DIGITS = "0123456789"


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(DIGITS) for _ in range(n))


def _token(r: random.Random, n: int) -> str:
    return "".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(n))


# ---------------------------------------------------------------- numbers
def n400(r: random.Random) -> str:
    body = r.choice(["0", "1", "6", "8", "9"]) + _digits(r, 6)
    shape = r.randrange(4)
    if shape == 0:
        return "400" + body
    if shape == 1:
        return f"400-{body[:3]}-{body[3:]}"
    if shape == 2:
        return f"400 {body[:3]} {body[3:]}"
    return f"400{body[0]}-{body[1:4]}-{body[4:]}"


OVERSEAS = [("00852", 8), ("00853", 8), ("00886", 9), ("00855", 9), ("0063", 10), ("0060", 9), ("0095", 9)]


def overseas(r: random.Random) -> str:
    prefix, n = r.choice(OVERSEAS)
    number = _digits(r, n)
    if r.random() < 0.25:
        return "+" + prefix[2:] + " " + number
    return prefix + number


MOBILE_PREFIX = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "157",
                 "158", "159", "166", "170", "171", "176", "177", "180", "181", "183", "185", "186",
                 "187", "188", "189", "191", "195", "198", "199"]


def split_mobile(r: random.Random) -> str:
    m = r.choice(MOBILE_PREFIX) + _digits(r, 8)
    sep = r.choice([" ", "-", " "])
    if r.random() < 0.3:
        return m[:7] + sep + m[7:]
    return m[:3] + sep + m[3:7] + sep + m[7:]


def look95(r: random.Random) -> str:
    """A 6-digit number that starts like a bank's 955xx (scams show one as their "hotline")."""
    return "95" + r.choice("0123456789") + _digits(r, 3)


def hotline(r: random.Random) -> str:
    """The number a scam tells you to call: 400, mobile, split mobile, landline-like or overseas."""
    pick = r.randrange(6)
    if pick == 0:
        return n400(r)
    if pick == 1:
        return split_mobile(r)
    if pick == 2:
        return overseas(r)
    if pick == 3:
        return look95(r)
    if pick == 4:
        return r.choice(MOBILE_PREFIX) + _digits(r, 8)
    return f"0{r.choice(['10', '21', '20', '755', '571', '28', '27', '23'])}-{r.choice('5678')}{_digits(r, 7)}"


# ---------------------------------------------------------------- links
# Look-alike hosts by topic.  Invented for this corpus: any match with a live host is coincidence,
# and the checker must never hard-code them (see data/README.md §6).
LINK_TOPICS = [
    (("ETC", "etc", "高速"), ["etc-renzheng.cc", "etc-rz.top", "etcsm.vip", "gs-etc.cn", "etc-gs.top", "etcyhy.cc"]),
    (("医保",), ["ybj-gov.cn", "nhsa-fw.top", "yb-dzpz.cc", "ybk-sj.vip"]),
    (("社保", "养老", "人社", "退休", "补贴", "津贴"), ["mohrss-gov.cn", "rsj-bt.top", "shebao-dz.cc", "12333-rs.cc", "rs-btsl.vip"]),
    (("违章", "交警", "交管", "罚单", "驾驶证"), ["12123-jj.cc", "jtwf-cx.top", "122-gov.cn", "wzcx-jj.vip"]),
    (("公积金",), ["gjj-gov.cc", "12329-zx.top", "gjj-fw.cn"]),
    (("快递", "包裹", "驿站", "物流", "顺丰", "邮政", "菜鸟"), ["sf-lp.cc", "cainiao-yz.top", "kd-lipei.cn", "yt-wl.vip", "ems-kd.top"]),
    (("税",), ["tax-gov.cc", "grsds-ts.top", "chinatax-ts.cn", "ts-gs.vip"]),
    (("航班", "机票", "改签"), ["hb-tgq.cc", "air-gq.top", "jp-tuigai.cn"]),
    (("电费", "电网", "供电", "停电"), ["95598-df.cc", "sgcc-jf.top", "dfd-wsgw.cn"]),
    (("退费", "12315", "清退"), ["12315-tf.cc", "tf-gongshi.top", "qt-tf.cn"]),
    (("移动", "联通", "电信", "话费", "10086", "l0086"), ["10086-jf.cc", "yd-jf.cc", "sjyyt-10086.top", "jfdh-yd.top"]),
    (("银行", "信用卡", "积分", "网银", "密码器", "U盾", "额度"),
     ["icbc-jf.top", "ccb-jfdh.cc", "boc-e.vip", "abc-yh.top", "cmb-china.cc", "bankjf.vip", "yh-shengji.cn", "wy-rz.cc"]),
    (("游戏", "装备", "账号"), ["yx-jy.top", "game-trade.cc", "zb-jy.vip"]),
    (("节目", "中奖", "幸运"), ["zj-lq.cc", "hnws-zj.top", "cctv-lq.vip"]),
    (("股", "投资", "理财"), ["gp-vip.top", "cl-tz.cc", "jt-gp.vip"]),
]
GENERIC_HOSTS = ["t6u.cn", "dwz7.cc", "k3s.vip", "u8x.top", "lsh.ink", "b2t.icu", "jq8.xyz", "hx5.cc",
                 "q-link.top", "s2d.cc", "w7k.top", "y9r.cn"]


# a bank's own initials inside a look-alike host (icbc-jf.top), as police describe
BANK_INITIALS = {"工商银行": "icbc", "建设银行": "ccb", "农业银行": "abc", "中国银行": "boc", "交通银行": "bocom",
                 "招商银行": "cmb", "邮储银行": "psbc", "中信银行": "citic", "民生银行": "cmbc", "光大银行": "ceb",
                 "浦发银行": "spdb", "兴业银行": "cib", "平安银行": "pingan", "广发银行": "cgb", "华夏银行": "hxb"}


def _topic_host(r: random.Random, text: str) -> str:
    for bank, initials in BANK_INITIALS.items():
        if bank in text:
            return (initials + r.choice(["-jf", "-e", "-vip", "jf", "-yh", "-kf", "-sj", "-china", "e"])
                    + r.choice([".top", ".cc", ".vip", ".cn", ".com.cn.ltd", ".xyz", ".icu"]))
    for words, hosts in LINK_TOPICS:
        if any(w in text for w in words):
            return r.choice(hosts)
    return r.choice(GENERIC_HOSTS)


def varied_link(r: random.Random, text: str) -> str:
    """Short link, look-alike host, bare host without http, www-host or raw IP, in their usual spellings."""
    pick = r.randrange(7)
    if pick == 0:
        return f"{r.choice(GENERIC_HOSTS)}/{_token(r, r.randint(4, 6))}"
    if pick == 1:
        return f"http://{r.choice(GENERIC_HOSTS)}/{_token(r, r.randint(4, 6))}"
    if pick == 2:
        return f"https://{_topic_host(r, text)}/{_token(r, r.randint(3, 6))}"
    if pick == 3:
        return _topic_host(r, text)  # bare host, no scheme, no path
    if pick == 4:
        return f"www.{_topic_host(r, text)}"
    if pick == 5:
        return f"{r.choice(['m.', 'h5.', 'wap.', ''])}{_topic_host(r, text)}/{_token(r, r.randint(2, 5))}"
    return f"http://{r.randint(43, 223)}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(2, 254)}{r.choice(['', ':8080', ':8888', ':9001'])}/{_token(r, 4)}"


# ---------------------------------------------------------------- names
BANKS = ["工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "招商银行", "邮储银行", "中信银行",
         "民生银行", "光大银行", "浦发银行", "兴业银行", "平安银行", "广发银行", "华夏银行"]
COURIERS = ["顺丰", "中通", "圆通", "韵达", "申通", "极兔", "京东快递", "邮政EMS", "德邦"]
AIRLINES = [("国航", "CA"), ("东航", "MU"), ("南航", "CZ"), ("海航", "HU"), ("川航", "3U"), ("厦航", "MF"), ("深航", "ZH")]
PLATFORMS = ["支付宝", "微信", "抖音", "美团", "拼多多", "京东", "快手", "淘宝"]
SHOPS = ["优品生活旗舰店", "童趣玩具专营店", "美肤小铺", "家纺精品店", "潮流服饰店", "数码优选店", "母婴之家", "运动户外专营店"]
ITEMS = ["儿童保温杯", "婴儿爬行垫", "面膜", "羽绒服", "蓝牙耳机", "儿童玩具", "床上四件套", "运动鞋", "奶粉", "电动牙刷", "乳胶枕", "保健品"]
GAMES = ["王者荣耀", "和平精英", "原神", "梦幻西游", "英雄联盟", "逆水寒", "我的世界", "蛋仔派对"]
SHOWS = ["《欢乐星期六》", "《奔跑吧兄弟》", "《开心大挑战》", "《幸运大转盘》", "《梦想来了》", "《快乐周末》"]
TV = ["湖南卫视", "浙江卫视", "东方卫视", "江苏卫视", "央视"]
GRADES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二"]
COURSES = ["英语网课", "考研培训", "健身年卡", "早教课程", "美容会员", "驾校培训", "职业资格培训", "少儿编程课"]
MEETING_APPS = ["腾讯会议", "云视讯", "钉钉会议", "Zoom", "小鱼易连", "飞书会议"]
RELATIVES = ["爸", "妈", "老爸", "老妈", "爷爷", "奶奶", "姥姥", "舅舅", "姑姑"]


# ---------------------------------------------------------------- Taiwan (sources/*_tw_9.txt)
# Taiwan's mobiles are 09 and eight digits, written 0912-345-678, 0912345678 or 0912 345678.
def tw_mobile(r: random.Random) -> str:
    m = "09" + _digits(r, 8)
    shape = r.randrange(3)
    if shape == 0:
        return m
    if shape == 1:
        return f"{m[:4]}-{m[4:7]}-{m[7:]}"
    return f"{m[:4]} {m[4:]}"


# Invented look-alike hosts by topic, in the spellings of Taiwan's scam links; any match with a live
# host is coincidence.
TW_LINK_TOPICS = [
    (("包裹", "貨態", "取貨", "宅配", "物流", "郵件", "超商"), ["tw-pkg.top", "cvs-pick.cc", "post-tw.vip", "twlogis.icu"]),
    (("電費", "停電", "電力"), ["tw-power.cc", "dianfei-tw.top", "pwr-bill.vip"]),
    (("罰單", "罰鍰", "監理", "違規", "交通"), ["mvdis-tw.cc", "fine-tw.top", "jianli.vip"]),
    (("eTag", "ETC", "通行費", "高速公路"), ["etag-tw.top", "etc-toll.cc", "tw-etag.vip"]),
    (("健保",), ["nhi-tw.cc", "jianbao.top", "nhicard.vip"]),
    (("退稅", "國稅", "綜所稅", "稅"), ["tax-tw.top", "etax-tw.cc", "refund-tw.vip"]),
    (("點數", "紅利", "積分"), ["point-tw.cc", "bonus-tw.top", "twpoints.vip"]),
    (("信用卡", "銀行", "帳戶", "凍結"), ["tw-bank.cc", "card-safe.top", "twbk-verify.vip"]),
]
TW_GENERIC_HOSTS = ["reurl.top", "tw8.cc", "tinyurl-tw.vip", "lihi.icu", "tw-go.xyz"]


def tw_link(r: random.Random, text: str) -> str:
    """A short link or a topic look-alike host, with or without a scheme."""
    hosts = TW_GENERIC_HOSTS
    for words, pool in TW_LINK_TOPICS:
        if any(w in text for w in words):
            hosts = pool
            break
    host = r.choice(hosts) if r.random() < 0.75 else r.choice(TW_GENERIC_HOSTS)
    return f"{r.choice(['', 'http://', 'https://'])}{host}/{_token(r, r.randint(4, 6))}"


def line_id(r: random.Random) -> str:
    """A LINE ID as scams give them: letters and digits, sometimes with @ (an official-account look)."""
    word = r.choice(["money", "vip", "service", "happy", "stock", "lucky", "job", "kf", "tw", "win", "go"])
    return r.choice(["", "", "@"]) + word + r.choice(["", "_", "."]) + _digits(r, r.randint(3, 5))


def _airline(r, cache):
    if "_air" not in cache:
        cache["_air"] = r.choice(AIRLINES)
    return cache["_air"]


EXTRA_FILLERS = {
    "HOT": lambda r, c: hotline(r),
    "TEL400": lambda r, c: n400(r),
    "INTL": lambda r, c: overseas(r),
    "SMOB": lambda r, c: split_mobile(r),
    "LOOK": lambda r, c: look95(r),
    "ULINK": lambda r, c: varied_link(r, c.get("_text", "")),
    "BARE": lambda r, c: _topic_host(r, c.get("_text", "")) + r.choice(["", "", f"/{_token(r, 3)}"]),
    "BANK": lambda r, c: r.choice(BANKS),
    "COURIER": lambda r, c: r.choice(COURIERS),
    "AIRLINE": lambda r, c: _airline(r, c)[0],
    "FNO": lambda r, c: _airline(r, c)[1] + str(r.randint(1000, 9899)),
    "PLAT": lambda r, c: r.choice(PLATFORMS),
    "SHOP": lambda r, c: r.choice(SHOPS),
    "ITEM": lambda r, c: r.choice(ITEMS),
    "GAME": lambda r, c: r.choice(GAMES),
    "SHOW": lambda r, c: r.choice(SHOWS),
    "TV": lambda r, c: r.choice(TV),
    "GRADE": lambda r, c: r.choice(GRADES),
    "COURSE": lambda r, c: r.choice(COURSES),
    "MEET": lambda r, c: r.choice(MEETING_APPS),
    "REL": lambda r, c: r.choice(RELATIVES),
    "POINTS": lambda r, c: str(r.choice([3, 5, 6, 8, 10, 15, 18, 20, 26, 30, 45, 60]) * 1000 + r.choice([0, 0, 260, 580, 880])),
    "LIMIT": lambda r, c: str(r.choice([30000, 50000, 60000, 80000, 100000, 150000, 200000])),
    "WAN": lambda r, c: r.choice(["2", "3", "5", "8", "10", "20", "30", "50"]),
    "PCT2": lambda r, c: str(r.choice([15, 20, 30, 35, 50, 80, 120, 200])),
    "TWMOB": lambda r, c: tw_mobile(r),
    "TWLINK": lambda r, c: tw_link(r, c.get("_text", "")),
    "LINEID": lambda r, c: line_id(r),
    "NTD": lambda r, c: r.choice(["", "NT$", "新台幣"]) + f"{r.randint(3, 480) * 100:,}",
}


# ---------------------------------------------------------------- surface styles
TAG_RE = re.compile(r"^【([^】]{1,16})】")
URL_RE = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:/[A-Za-z0-9_\-./?=&#%]*)?"
                    r"|https?://\d+\.\d+\.\d+\.\d+(?::\d+)?(?:/\S*)?")
PUNCT = "，。！？；：、“”‘’（）《》「」…—,!?;:()\"'"
GREETINGS = ["尊敬的客户您好，", "您好！", "亲爱的用户：", "温馨提示：", "亲，", "您好，", "重要提醒！", "尊敬的用户，"]
FILLERS_END = ["祝您生活愉快！", "感谢您的支持与配合。", "如已办理请忽略。", "（系统短信，请勿直接回复）", "谢谢！", "详情请以页面为准。", "祝您顺利！"]
# personal messages (a "boss", a relative, a landlord) are padded the way people write, not as notices
PERSONAL_GREETINGS = ["在吗？", "喂，", "你好，", "在不在？", "忙吗？", "打扰一下，"]
PERSONAL_FILLERS = ["谢谢了", "急！", "看到回我", "拜托了", "麻烦快点", "回个话"]
TRAILING_SIGN_RE = re.compile(r"(【[^】]{1,16}】|\[[^\]]{1,16}\])$")
HALF = str.maketrans({"，": ",", "。": ".", "！": "!", "？": "?", "：": ":", "；": ";", "（": "(", "）": ")"})


def _outside_urls(text: str, fn) -> str:
    """Apply fn to the parts of text that are not links, so a link survives punctuation changes."""
    parts, last = [], 0
    for m in URL_RE.finditer(text):
        parts.append(fn(text[last:m.start()]))
        parts.append(m.group(0))
        last = m.end()
    parts.append(fn(text[last:]))
    return "".join(parts)


def _strip_punct(segment: str, repl: str) -> str:
    out = re.sub(r"(?<=\d)[" + re.escape(PUNCT) + r"]+(?=\d)", " ", segment)  # digits must not fuse
    out = re.sub("[" + re.escape(PUNCT) + "]+", repl, out)
    return re.sub(" {2,}", " ", out)


def _add_filler(text: str, filler: str) -> str:
    """Filler goes before a trailing signature, after a separator unless the text ends a sentence."""
    sign = TRAILING_SIGN_RE.search(text)
    body, tail = (text[:sign.start()], sign.group(0)) if sign else (text, "")
    if body and body[-1] not in "。！？!?.）)":
        body += "，" if re.search("[，。]", body) else " "
    return body + filler + tail


def restyle(text: str, r: random.Random, personal: bool = False) -> str:
    """One or two surface changes: where the signature sits, punctuation, padding, register.

    personal: the message claims to come from a person (boss, relative, landlord, teacher), so it is
    padded with what people write ("在吗？", "急！") rather than with a notice's courtesies.
    """
    ops = ["tag_end", "tag_drop", "nopunct", "spaces", "greet", "filler", "half"]
    r.shuffle(ops)
    want = r.choice([1, 2, 2])
    out, applied = text, 0
    for op in ops:
        before = out
        tag = TAG_RE.match(out)
        if op == "tag_end" and tag:
            rest = out[tag.end():]
            sign = tag.group(0) if r.random() < 0.7 else f"[{tag.group(1)}]"
            out = rest + sign
        elif op == "tag_drop" and tag:
            out = out[tag.end():]
        elif op == "nopunct" and "\n" not in out:
            out = _outside_urls(out, lambda s: _strip_punct(s, "")).strip()
        elif op == "spaces":
            out = _outside_urls(out, lambda s: _strip_punct(s, " ")).strip()
        elif op == "greet" and not re.match(r"(【[^】]*】)?(尊敬|您好|你好|亲|温馨|重要|在吗|喂)", out):
            greet = r.choice(PERSONAL_GREETINGS if personal else GREETINGS)
            out = (tag.group(0) + greet + out[tag.end():]) if tag else greet + out
        elif op == "filler":
            out = _add_filler(out, r.choice(PERSONAL_FILLERS if personal else FILLERS_END))
        elif op == "half":
            out = _outside_urls(out, lambda s: s.translate(HALF))
        if out != before:
            applied += 1
        if applied >= want:
            break
    return out
