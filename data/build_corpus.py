#!/usr/bin/env python3
"""Assemble and validate the checker training corpus.

Reads the hand-written source files in data/sources/*.txt and writes
data/corpus.jsonl.  Deterministic: every random choice comes from a
random.Random seeded by a hash of (kind, source line, variant number), so
running the script again produces byte-identical output, and editing one
source line does not change the fills of any other line.

Source file format (UTF-8, one message per line):

    # comment                      ignored
    @kind fake_lawyer_letter       sets the kind for following lines
    @prov 冒充律所收律师费 — ... URL  sets the provenance for following lines
    @type points_cash              sets the taxonomy type for following lines (reset by @kind)
    [x3] text with {NAME} {AMT}     3 instances of the same skeleton (1 group)
    [d] text                        base + one programmatically disguised copy
    [x2d] text                      2 fills + one disguised copy
    [x3s] text                      3 fills; fills after the first get a surface style (variety.restyle)
    text                            a single message (placeholders filled once)

"\\n" inside a text becomes a real line break.  Placeholders are listed in
FILLERS below; the same placeholder in one message gets the same value;
{NAME2}, {MOB2} ... give a second, independent value.

Usage:  python3 data/build_corpus.py          (build + validate)
        python3 data/build_corpus.py --stats  (also print length stats)
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import tomllib
from collections import Counter, OrderedDict
from pathlib import Path

from variety import EXTRA_FILLERS, restyle

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
OUT = HERE / "corpus.jsonl"

SCAM_KINDS = [
    "fake_lawyer_letter", "fake_legal_center", "fake_court",
    "fake_police_prosecutor", "fake_platform_service", "account_freeze",
    "debt_relief", "loan_fee_fraud", "phishing_link", "unlawful_collection",
    "customer_service_refund", "acquaintance_impersonation", "fake_antifraud",
    "other_fraud",
]
LEGIT_KINDS = [
    "platform_reminder", "bank_notice", "lawful_collection", "court_notice",
    "verification_code", "delivery", "carrier_notice", "marketing",
    "service_notice", "antifraud_warning", "personal", "debt_advice",
    # added with sources/legit_everyday_*.txt (everyday traffic)
    "app_notice", "government_notice", "finance_ad",
]
EVERYDAY_KINDS = {"marketing", "carrier_notice", "service_notice", "personal", "delivery",
                  "app_notice", "government_notice", "finance_ad"}
EVERYDAY_ORDER = [k for k in LEGIT_KINDS if k in EVERYDAY_KINDS]  # fixed order for printing
KIND_LABEL = {k: "scam" for k in SCAM_KINDS} | {k: "legit" for k in LEGIT_KINDS}
# Per-kind minimum line counts above the general ">= 3 per kind".  Raised when
# sources/scam_acquaintance.txt and sources/legit_personal_2.txt were added, so that
# deleting either batch by accident fails the build.
KIND_MIN_LINES = {"acquaintance_impersonation": 150, "personal": 210}

# Every row's `type` is an id of the taxonomy (checker/data/taxonomy.toml): a fraud type for scam
# rows, a genuine format for legit rows.  Every fraud type needs at least TYPE_MIN_SCAM_LINES scam
# rows and every genuine format TYPE_MIN_LEGIT_LINES legit rows, so that a model can learn to name it.
TAXONOMY = HERE.parent / "checker" / "data" / "taxonomy.toml"
TYPE_MIN_SCAM_LINES = 40
TYPE_MIN_LEGIT_LINES = 40


def taxonomy_types() -> OrderedDict[str, dict]:
    """id -> entry (kind, family, name), in the taxonomy's order."""
    with TAXONOMY.open("rb") as handle:
        return OrderedDict((t["id"], t) for t in tomllib.load(handle)["type"])


# Official numbers that may appear (brief + domain.md); carrier service numbers too.
ALLOWED_SERVICE_NUMBERS = {
    "95188", "95017", "95384", "95588", "95533", "95599", "95566", "95559",
    "95555", "95577", "12368", "12348", "96110", "12381", "12321",
    "10086", "10010", "10000",
    # well-known public-service numbers used by the everyday notices (legit_everyday_*.txt):
    # 中国广电, 交管, 铁路, 人社, 住房公积金, 政务服务便民热线, 国家电网
    "10099", "12123", "12306", "12333", "12329", "12345", "95598",
    # 市场监管 12315: the documented scam claims a 「全国12315平台」 header (sources/scam_type_shopping.txt)
    "12315",
}

# ---------------------------------------------------------------- fillers
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万覃武钱戴严欧莫孔向汤")
GIVEN = ["子涵", "雨桐", "浩然", "思远", "欣怡", "梓轩", "晓峰", "建国", "丽娟", "文博", "嘉怡",
         "俊杰", "海燕", "志强", "婷婷", "宇航", "佳琪", "明辉", "秀英", "国栋", "晨曦", "一鸣",
         "若溪", "鹏飞", "静雯", "天佑", "春燕", "立新", "梦洁", "永康", "雅琴", "卫东", "诗涵",
         "家豪", "晓雯", "振华", "玉兰", "博文", "慧敏", "国庆", "亚楠", "凯文", "红梅", "少杰",
         "琳", "磊", "娜", "强", "敏", "军", "洁", "勇", "芳", "涛", "静", "斌", "颖", "超"]
PROVINCE_MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                          "151", "152", "155", "156", "157", "158", "159", "166", "170", "171",
                          "173", "175", "176", "177", "180", "181", "182", "183", "185", "186",
                          "187", "188", "189", "191", "193", "195", "198", "199"]
AREA_CODES = ["010", "021", "020", "0755", "0571", "025", "027", "028", "029", "023", "0731",
              "0532", "0512", "0591", "0371", "0311", "024", "0451", "0871", "0771"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "重庆", "长沙",
          "青岛", "苏州", "福州", "郑州", "石家庄", "沈阳", "哈尔滨", "昆明", "南宁", "合肥",
          "济南", "天津", "厦门", "贵阳"]
# (court name, 法院代字) – used only to build well-formed 案号 in genuine-format notices
COURTS = [("北京市朝阳区人民法院", "京0105"), ("上海市浦东新区人民法院", "沪0115"),
          ("深圳市南山区人民法院", "粤0305"), ("杭州市西湖区人民法院", "浙0106"),
          ("成都市武侯区人民法院", "川0107"), ("武汉市江岸区人民法院", "鄂0102"),
          ("南京市玄武区人民法院", "苏0102"), ("杭州互联网法院", "浙0192"),
          ("广州互联网法院", "粤0192"), ("北京互联网法院", "京0491"),
          ("长沙市岳麓区人民法院", "湘0104"), ("重庆市渝北区人民法院", "渝0112"),
          ("西安市雁塔区人民法院", "陕0113"), ("福州市鼓楼区人民法院", "闽0102")]
SCAM_SHORT_DOMAINS = ["t6u.cn", "dwz7.cc", "hbfw.top", "k3s.vip", "sdfy-c.cn", "u8x.top",
                      "zx-fw.cc", "lsh.ink", "b2t.icu", "jq8.xyz", "hx5.cc", "q-link.top"]
# look-alike domains, chosen by topic so a fake court SMS gets a court-ish host
LOOKALIKE_TOPICS = [
    (("法院", "传票", "诉讼", "判决", "执行", "检察", "逮捕", "律师", "律所", "调解", "案件", "法律", "立案"),
     ["zxfw-court.cn", "court-gov.top", "wssd-court.net", "sd-court.cn", "fy-sdpt.top", "ajcx-fy.com", "lsh-wssd.cc"]),
    (("支付宝", "花呗", "借呗"), ["alipay-hb.cc", "a1ipay.com.vip", "hb-tq.vip", "alipay-kf.cn"]),
    (("京东", "白条", "金条"), ["jd-jr.top", "jdjr-kf.com", "jd-jrkf.cc"]),
    (("微信", "微粒贷"), ["weilidai.app", "wx-zfpay.cc", "weixin-kf.top"]),
    (("征信", "信用报告"), ["pbccrc-xf.com", "zxzx-cx.cn", "pbcrc.top"]),
    (("ETC",), ["etc-renzheng.cc", "etc-rz.top", "etcsm.vip"]),
    (("网银", "工商银行", "密码器"), ["icbc-jf.top", "wy-rz.cc", "icbc-e.vip"]),
    (("移动", "积分", "话费"), ["yd-jf.cc", "jfdh-yd.top", "ydjf.vip"]),
    (("反诈", "12381", "公安"), ["gov-fzzx.cn", "fzzx-gov.top", "fz-app.cc"]),
    (("Apple",), ["appleid-sec.top", "icloud-verify.cc"]),
    (("闲鱼",), ["xianyu-bzj.top", "idle-fish.cc"]),
]
LOOKALIKE_DEFAULT = ["gov-fw.top", "sl-gov.cc", "fw-cx.cn", "lq-bt.vip", "tax-gov.cc", "xxw-cx.top"]


def _lookalike(r: random.Random, cache) -> str:
    text = cache.get("_text", "")
    pool = LOOKALIKE_DEFAULT
    for words, domains in LOOKALIKE_TOPICS:
        if any(w in text for w in words):
            pool = domains
            break
    return f"https://{r.choice(pool)}/{_rand_token(r, r.randint(3, 6))}"


WX_PREFIX = ["fw", "lsh", "tj", "hb", "kf", "xy", "jf", "cs", "zx", "ls", "law", "help"]
TRANSLITERATE = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGITS = dict(zip("0123456789", "〇一二三四五六七八九"))
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
REGION6 = ["110105", "310115", "440305", "330106", "510107", "420102", "320102", "430104",
           "500112", "610113", "350102", "370102", "120101", "210102"]


def _rand_token(r: random.Random, n: int, alphabet="abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"):
    return "".join(r.choice(alphabet) for _ in range(n))


def uscc(r: random.Random, prefix: str) -> str:
    """18-char 统一社会信用代码 with a valid GB 32100-2015 check character."""
    body = prefix + r.choice(REGION6)
    while len(body) < 17:
        body += r.choice(USCC_ALPHABET)
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def _name(r):
    return r.choice(SURNAMES) + r.choice(GIVEN)


def _mobile(r):
    return r.choice(PROVINCE_MOBILE_PREFIX) + "".join(r.choice("0123456789") for _ in range(8))


# personal-style WeChat IDs (pinyin name + digits, or a default "wxid_" id), used by the
# acquaintance-impersonation lines (sources/scam_acquaintance.txt) so that those IDs do not all
# share the service-style {WX} shape.  Letters h/j/v/x are kept out of random parts so an ID never
# happens to contain "hb"/"jb"/"vx", which DISGUISE_FEATURES would count as a disguise.
PINYIN_SUR = ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "wu", "zhou", "sun", "ma",
              "zhu", "guo", "lin", "luo", "gao", "song", "tang", "deng", "cao", "peng", "tian"]
PINYIN_GIVEN = ["feng", "jun", "lei", "tao", "min", "ying", "hao", "yu", "jie", "peng", "qiang",
                "li", "na", "bo", "kai", "yan", "ming", "ting", "wei", "dong"]
CARD_BIN = ["6222", "6217", "6228", "6214", "6226", "6230", "6212", "6216", "6225", "6259", "6236"]


def _pwx(r):
    sur = r.choice(PINYIN_SUR)
    shape = r.randrange(4)
    if shape == 0:
        return sur + "".join(r.choice("bcdfgklmnpqrstwyz") for _ in range(2)) + str(r.randint(1970, 2004))
    if shape == 1:
        return sur + r.choice(PINYIN_GIVEN) + str(r.randint(1, 9999))
    if shape == 2:
        return "wxid_" + _rand_token(r, 14, "abcdefgkmnpqrstuwyz0123456789")
    return f"{sur}_{r.randint(1, 12):02d}{r.randint(1, 28):02d}"


def _masked_mobile(r):
    m = _mobile(r)
    return m[:3] + "****" + m[7:]


def _card(r):
    """16- or 19-digit debit card number with a valid Luhn check digit (random, not a real card)."""
    body = r.choice(CARD_BIN) + "".join(r.choice("0123456789") for _ in range(r.choice([11, 14])))
    total = 0
    for i, d in enumerate(reversed(body)):
        v = int(d) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return body + str((10 - total % 10) % 10)


def _amount(r, lo=300, hi=30000):
    v = r.uniform(lo, hi)
    return f"{v:.2f}"


def _court(r, cache):
    if "_court" not in cache:
        cache["_court"] = r.choice(COURTS)
    return cache["_court"]


def _case(r, cache, kind):
    _, code = _court(r, cache)
    if "_year" not in cache:
        cache["_year"] = r.choice(["2025", "2025", "2026"])
    num = r.randint(100, 39999)
    return f"（{cache['_year']}）{code}{kind}{num}号"


def _court_date(r, cache):
    year = cache.get("_year", "2026")
    return f"{year}年{r.randint(1, 12)}月{r.randint(1, 28)}日"


FILLERS = {
    "NAME": lambda r, c: _name(r),
    "SUR": lambda r, c: c.setdefault("_sur", r.choice(SURNAMES)),
    "MR": lambda r, c: r.choice(["先生", "女士"]),
    "GIVEN": lambda r, c: r.choice(GIVEN),
    "MOB": lambda r, c: _mobile(r),
    "MOBM": lambda r, c: _masked_mobile(r),
    "MOBCN": lambda r, c: "".join(CN_DIGITS[d] for d in _mobile(r)),
    # genuine bank and card notices (sources/legit_genuine_*.txt): channel, 摘要, merchant, payer firm,
    # amounts with thousands separators, zero-padded dates as the banks print them
    "CHAN": lambda r, c: r.choice(["手机银行", "网上银行", "快捷支付", "POS", "ATM", "柜面", "网联", "银联", "财付通", "支付宝"]),
    "ABS": lambda r, c: r.choice(["工资", "网转", "跨行汇款", "他行汇入", "报销", "代发", "退款", "转账", "利息", "奖金", "货款", "房租"]),
    "MERCH": lambda r, c: r.choice(["美团", "京东商城", "拼多多", "盒马鲜生", "沃尔玛", "永辉超市", "中石化加油站", "滴滴出行", "携程旅行",
                                    "星巴克", "肯德基", "屈臣氏", "优衣库", "国家电网", "12306铁路", "海底捞", "苏宁易购", "唯品会"]),
    "FIRM": lambda r, c: r.choice(CITIES) + r.choice(["明远", "华信", "恒泰", "瑞丰", "博达", "宏图", "新元", "安达", "中科", "启航"])
    + r.choice(["科技有限公司", "贸易有限公司", "建设工程有限公司", "餐饮管理有限公司", "物业服务有限公司", "人力资源有限公司"]),
    "CAMT": lambda r, c: f"{r.uniform(100, 60000):,.2f}",
    "MMDD": lambda r, c: f"{r.randint(1, 12):02d}月{r.randint(1, 28):02d}日",
    "YMD": lambda r, c: f"{r.choice(['25', '26'])}年{r.randint(1, 12):02d}月{r.randint(1, 28):02d}日",
    "DD": lambda r, c: f"{r.randint(1, 28):02d}日",
    "PTS": lambda r, c: str(r.randint(3, 300) * 100),
    "KWH": lambda r, c: str(r.randint(60, 980)),
    "DIG": lambda r, c: str(r.randint(1, 9)),
    "EMSNO": lambda r, c: r.choice(["1", "9"]) + "".join(r.choice("0123456789") for _ in range(12)),  # EMS: 13 digits
    "PL5": lambda r, c: r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + _rand_token(r, 4, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"),
    "LAWFIRM": lambda r, c: r.choice(CITIES) + r.choice(["明理", "正衡", "衡信", "信诚", "泽润", "弘正", "致远", "德衡", "鼎和",
                                                        "启明", "正平", "明鉴"]) + "律师事务所",
    "LAND": lambda r, c: f"{r.choice(AREA_CODES)}-{r.choice('5678')}{''.join(r.choice('0123456789') for _ in range(7))}",
    "AMT": lambda r, c: _amount(r),
    "SAMT": lambda r, c: _amount(r, 20, 900),
    "BIG": lambda r, c: f"{r.randint(20, 300) * 1000 + r.choice([0, 0, 500])}",
    "FEE": lambda r, c: str(r.choice([199, 298, 300, 360, 480, 500, 580, 600, 680, 800, 880, 999, 1200, 1500, 1680, 2000, 2600, 3000])),
    "DAYS": lambda r, c: str(r.randint(3, 180)),
    "DATE": lambda r, c: f"{r.randint(1, 12)}月{r.randint(1, 28)}日",
    "DATEY": lambda r, c: f"{r.choice(['2025', '2026'])}年{r.randint(1, 12)}月{r.randint(1, 28)}日",
    "TIME": lambda r, c: f"{r.randint(7, 21):02d}:{r.choice(['00', '10', '15', '20', '30', '40', '45', '50'])}",
    "TAIL": lambda r, c: f"{r.randint(0, 9999):04d}",
    "CODE": lambda r, c: f"{r.randint(0, 999999):06d}",
    "CODE4": lambda r, c: f"{r.randint(0, 9999):04d}",
    "HOURS": lambda r, c: str(r.choice([2, 3, 6, 12, 24, 48])),
    "LINK": lambda r, c: f"{r.choice(['', 'http://', 'https://'])}{r.choice(SCAM_SHORT_DOMAINS)}/{_rand_token(r, r.randint(4, 6))}",
    "LLINK": lambda r, c: _lookalike(r, c),
    "IPLINK": lambda r, c: f"http://{r.randint(43, 223)}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(2, 254)}:{r.choice([8080, 8888, 9001, 28083, 6060])}/{_rand_token(r, 5)}",
    "WX": lambda r, c: f"{r.choice(WX_PREFIX)}{r.choice(['_', '', '-'])}{_rand_token(r, 3, 'abcdefghjkmnpqrstuvwxyz')}{r.randint(10, 9999)}",
    "QQ": lambda r, c: str(r.randint(10000000, 3999999999)),
    "PWX": lambda r, c: _pwx(r),
    "CARD": lambda r, c: _card(r),
    "CASE": lambda r, c: _case(r, c, "民初"),
    "CDATE": lambda r, c: _court_date(r, c),
    "CTIME": lambda r, c: f"{r.choice([9, 9, 10, 10, 11, 14, 14, 15, 15, 16])}:{r.choice(['00', '00', '30', '15', '45'])}",
    "HALL": lambda r, c: str(r.randint(1, 15)),
    "ECASE": lambda r, c: _case(r, c, r.choice(["执", "执", "执保"])),
    "COURT": lambda r, c: _court(r, c)[0],
    "ZXFW": lambda r, c: ("https://zxfw.court.gov.cn/zxfw/#/pagesAjkj/app/wssd/index?qdbh="
                          f"{_rand_token(r, 10)}&sdbh={_rand_token(r, 10)}&sdsin={_rand_token(r, 32, '0123456789abcdef')}"),
    "SDCODE": lambda r, c: _rand_token(r, 6, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"),
    "ORDER": lambda r, c: "".join(r.choice("0123456789") for _ in range(r.choice([12, 16, 18]))),
    "TRACK": lambda r, c: r.choice(["SF", "YT", "JT", "ZT", "YD", "JD"]) + "".join(r.choice("0123456789") for _ in range(12)),
    "PICK": lambda r, c: f"{r.randint(1, 9)}-{r.randint(1, 6)}-{r.randint(1000, 9999)}",
    "USCC31": lambda r, c: uscc(r, "31"),
    "USCC91": lambda r, c: uscc(r, "91"),
    # 17 digits: certificate type, region (4), practice category, first-practice year (4), sex, serial (6)
    "LIC17": lambda r, c: "1" + r.choice(REGION6)[:4] + "1" + r.choice(["2008", "2011", "2014", "2016", "2019", "2021"]) + r.choice("01") + f"{r.randint(0, 999999):06d}",
    "LICBAD": lambda r, c: "".join(r.choice("0123456789") for _ in range(r.choice([8, 9, 10, 11, 14]))),
    "CITY": lambda r, c: r.choice(CITIES),
    "N2": lambda r, c: str(r.randint(10, 99)),
    "N3": lambda r, c: str(r.randint(100, 999)),
    "PCT": lambda r, c: str(r.choice([5, 6, 7, 8, 8.5, 9, 9.5])),
    "FLIGHT": lambda r, c: r.choice(["CA", "MU", "CZ", "HU", "ZH", "3U", "MF", "SC"]) + str(r.randint(1000, 9899)),
    "TRAIN": lambda r, c: r.choice(["G", "G", "D", "C", "K", "Z"]) + str(r.randint(10, 2999)),
    "SEAT": lambda r, c: f"{r.randint(1, 16):02d}车{r.randint(1, 20)}{r.choice('ABCDF')}号",
    "PLATE": lambda r, c: r.choice("京沪粤浙苏川鄂湘渝陕闽鲁") + r.choice("ABCDEFG") + _rand_token(r, 5, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"),
    "ROOM": lambda r, c: f"{r.randint(1, 30)}栋{r.randint(1, 4)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}",
}
assert not FILLERS.keys() & EXTRA_FILLERS.keys(), "variety.py must not redefine a placeholder"
FILLERS |= EXTRA_FILLERS
PLACEHOLDER_RE = re.compile(r"\{([A-Z]+\d*)\}")


def fill(text: str, r: random.Random) -> str:
    cache: dict = {"_text": text}

    def repl(m):
        slot = m.group(1)
        if slot in FILLERS:
            key, idx = slot, ""
        elif slot[-1].isdigit() and slot[:-1] in FILLERS:
            key, idx = slot[:-1], slot[-1]  # {NAME2}: a second, independent NAME
        else:
            raise KeyError(f"unknown placeholder {{{slot}}} in: {text}")
        if slot not in cache:
            sub = {} if idx else cache  # second slots get their own court etc.
            cache[slot] = FILLERS[key](r, sub)
        return cache[slot]

    return PLACEHOLDER_RE.sub(repl, text)


# ---------------------------------------------------------------- disguise
SPACE_WORDS = ["律师费", "律师函", "律师", "逾期", "起诉", "法院", "立案", "冻结", "征信", "传票",
               "执行", "欠款", "还款", "转账", "账户", "催收", "解冻", "保证金", "手续费",
               "诉讼", "强制", "拘留", "贷款", "网贷", "退款", "验证码", "花呗", "借呗", "通缉",
               "洗钱", "注销", "刷单", "返利", "客服"]
WECHAT_FORMS = ["V信", "薇信", "vx", "威信", "VX", "v❤", "徽信"]
TRAD = str.maketrans({"师": "師", "费": "費", "务": "務", "号": "號", "贷": "貸", "还": "還",
                      "账": "賬", "户": "戶", "冻": "凍", "结": "結", "诉": "訴", "讼": "訟",
                      "请": "請", "联": "聯", "系": "係", "处": "處", "门": "門", "证": "證",
                      "这": "這", "执": "執", "检": "檢", "察": "察", "罚": "罰", "后": "後",
                      "传": "傳", "审": "審", "时": "時", "银": "銀", "行": "行", "额": "額",
                      "欠": "欠", "催": "催", "会": "會", "员": "員", "风": "風", "险": "險"})


def disguise(text: str, r: random.Random) -> str:
    """Apply 1–2 of the evasion tricks reported in scam SMS."""
    ops = ["space", "symbol", "wechat", "pinyin", "fullwidth", "trad", "cndigit"]
    r.shuffle(ops)
    out = text
    applied = 0
    for op in ops:
        before = out
        if op in ("space", "symbol"):
            words = [w for w in SPACE_WORDS if w in out]
            if words:
                sep = " " if op == "space" else r.choice(["*", "-", "·", "/", "丨"])
                for w in r.sample(words, min(len(words), r.randint(1, 3))):
                    out = out.replace(w, sep.join(w), 1)
        elif op == "wechat" and "微信" in out:
            form = r.choice(WECHAT_FORMS)
            out = re.sub(r"微信(?=([A-Za-z0-9])?)",
                         lambda m, form=form: form + ("：" if m.group(1) else ""), out)
        elif op == "pinyin":
            for a, b in (("支付宝", "zfb"), ("花呗", "hb"), ("借呗", "jb"), ("京东", "jd")):
                if a in out:
                    out = out.replace(a, b, 1)
        elif op == "fullwidth" and re.search(r"\d{3,}", out):
            # never inside a URL: a link with full-width digits would not work
            parts = re.split(r"((?:https?://)?[A-Za-z0-9.-]+\.[a-z]{2,}(?::\d+)?/\S*)", out)
            n = 0
            for i in range(0, len(parts), 2):
                if n < 2 and re.search(r"\d{3,}", parts[i]):
                    parts[i] = re.sub(r"\d{3,}", lambda m: m.group(0).translate(TRANSLITERATE), parts[i], count=2 - n)
                    n += 1
            out = "".join(parts)
        elif op == "trad":
            out = out.translate(TRAD)
        elif op == "cndigit":
            m = re.search(r"1[3-9]\d{9}", out)
            if m:
                out = out[:m.start()] + "".join(CN_DIGITS[d] for d in m.group(0)) + out[m.end():]
        if out != before:
            applied += 1
        if applied >= r.choice([1, 2]):
            break
    if out == text:  # guarantee a visible change
        words = [w for w in SPACE_WORDS if w in out] or [out[:2]]
        out = out.replace(words[0], " ".join(words[0]), 1)
    return out


# ---------------------------------------------------------------- reading
LINE_RE = re.compile(r"^\[(x(\d+))?(d)?(s)?\]\s*(.+)$")


def seed_for(*parts) -> int:
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return int(h[:16], 16)


def read_sources():
    """Yield (kind, provenance, type, group_key, [texts], disguised_flags, body, for_model)."""
    files = sorted(SRC.glob("*.txt"))
    if not files:
        sys.exit(f"no source files in {SRC}")
    for path in files:
        kind = prov = ftype = None
        for_model = True
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@kind "):
                kind = line[6:].strip()
                ftype = None
                continue
            if line.startswith("@type "):
                ftype = line[6:].strip()
                continue
            if line.startswith("@prov "):
                prov = line[6:].strip()
                for_model = True
                continue
            if line == "@model no":
                # Kept for the rules' and the claims stage's tests, not for the model (checker/lab/train.py).
                for_model = False
                continue
            if kind is None or prov is None:
                sys.exit(f"{path.name}:{lineno}: message before @kind/@prov")
            m = LINE_RE.match(line)
            n, dis, styled, body = 1, False, False, line
            if m and (m.group(1) or m.group(3) or m.group(4)):
                n = int(m.group(2)) if m.group(2) else 1
                dis = bool(m.group(3))
                styled = bool(m.group(4))
                body = m.group(5)
            body = body.replace("\\n", "\n")
            texts, flags = [], []
            for i in range(n):
                r = random.Random(seed_for(kind, body, i))
                text = fill(body, r)
                if styled and i > 0:
                    text = restyle(text, random.Random(seed_for(kind, body, i, "style")),
                                   personal=kind == "acquaintance_impersonation")
                texts.append(text)
                flags.append(False)
            if dis:
                r = random.Random(seed_for(kind, body, "disguise"))
                texts.append(disguise(texts[0], r))
                flags.append(True)
            yield kind, prov, ftype, f"{path.stem}:{lineno}", texts, flags, body, for_model


def build():
    records = []
    counters = Counter()
    groups = OrderedDict()
    kind_order = {k: i for i, k in enumerate(SCAM_KINDS + LEGIT_KINDS)}
    items = list(read_sources())
    items.sort(key=lambda it: (kind_order.get(it[0], 999), it[3].split(":")[0], int(it[3].split(":")[1])))
    group_seq = Counter()
    for kind, prov, ftype, gkey, texts, flags, _body, for_model in items:
        label = KIND_LABEL.get(kind)
        if label is None:
            sys.exit(f"{gkey}: unknown kind {kind!r}")
        group_seq[kind] += 1
        group = f"{kind}-{group_seq[kind]:03d}"
        groups[group] = (gkey, len(texts))
        for text, dis in zip(texts, flags):
            counters[label] += 1
            rec = OrderedDict(
                id=f"{label}-{counters[label]:04d}",
                text=text,
                label=label,
                kind=kind,
                type=ftype or "",
                group=group,
                provenance=prov + (" [programmatic disguise variant]" if dis else ""),
            )
            if not for_model:
                rec["model"] = False
            records.append(rec)
    return records, groups


# ---------------------------------------------------------------- validation
def validate(records, groups):
    errors = []
    ids = Counter(r["id"] for r in records)
    texts = Counter(r["text"] for r in records)
    for k, v in ids.items():
        if v > 1:
            errors.append(f"duplicate id {k}")
    for k, v in texts.items():
        if v > 1:
            errors.append(f"duplicate text ({v}x): {k[:60]}")
    for r in records:
        if set(r) - {"model"} != {"id", "text", "label", "kind", "type", "group", "provenance"}:
            errors.append(f"{r['id']}: wrong keys")
        if r.get("model", False) is not False or (r.get("model") is False and r["label"] != "legit"):
            errors.append(f"{r['id']}: only a genuine retelling is kept from the model (model = false)")
        for f, v in r.items():
            if f in ("type", "model"):
                continue  # type is checked below against the taxonomy
            if not isinstance(v, str) or not v.strip():
                errors.append(f"{r['id']}: empty field {f}")
        if r["label"] not in ("scam", "legit"):
            errors.append(f"{r['id']}: bad label")
        if KIND_LABEL.get(r["kind"]) != r["label"]:
            errors.append(f"{r['id']}: kind {r['kind']} does not match label {r['label']}")
        if not re.fullmatch(r"[a-z_]+", r["kind"]):
            errors.append(f"{r['id']}: kind not snake_case")
        if "{" in r["text"] or "}" in r["text"]:
            errors.append(f"{r['id']}: unfilled placeholder: {r['text'][:60]}")
        n = len(r["text"])
        if n < 4 or n > 400:
            errors.append(f"{r['id']}: length {n} out of range")
        # 5-digit service numbers must be on the allow-list
        for num in re.findall(r"(?<![\d\-.¥￥])(9[56]\d{3}|12\d{3}|100\d{2})(?![\d.元块万号+%])", r["text"]):
            if num not in ALLOWED_SERVICE_NUMBERS:
                errors.append(f"{r['id']}: service-like number {num} not on allow-list")
        # genuine 12381 / antifraud warnings carry no link and no callable number except 96110/110
        if r["kind"] == "antifraud_warning":
            if re.search(r"https?://|www\.|\.cn/|\.com/", r["text"]):
                errors.append(f"{r['id']}: antifraud_warning carries a link")
            # 12381 warnings carry no number at all (domain.md 1b); police and bank warnings may quote
            # the official numbers that scammers spoof ("冒充10086、95533", fraud_taxonomy.md B.6)
            quotable = ("96110", "12381") if r["type"] == "genuine_12381_warning" else ALLOWED_SERVICE_NUMBERS
            for num in re.findall(r"\d{5,}", r["text"]):
                if num not in quotable:
                    errors.append(f"{r['id']}: antifraud_warning carries number {num}")
    types = taxonomy_types()
    for r in records:
        wanted = "fraud" if r["label"] == "scam" else "genuine"
        if not r["type"]:
            errors.append(f"{r['id']}: {r['label']} row without a type (add an @type line)")
        elif types.get(r["type"], {}).get("kind") != wanted:
            errors.append(f"{r['id']}: type {r['type']!r} is not a {wanted} id of {TAXONOMY.name}")
    typed = Counter((r["label"], r["type"]) for r in records)
    for type_id, entry in types.items():
        if entry["kind"] == "fraud" and typed[("scam", type_id)] < TYPE_MIN_SCAM_LINES:
            errors.append(f"fraud type {type_id} has only {typed[('scam', type_id)]} scam lines (<{TYPE_MIN_SCAM_LINES})")
        if entry["kind"] == "genuine" and typed[("legit", type_id)] < TYPE_MIN_LEGIT_LINES:
            errors.append(f"genuine format {type_id} has only {typed[('legit', type_id)]} legit lines (<{TYPE_MIN_LEGIT_LINES})")
    labels = Counter(r["label"] for r in records)
    everyday = sum(1 for r in records if r["kind"] in EVERYDAY_KINDS)
    kinds = Counter(r["kind"] for r in records)
    for k in SCAM_KINDS + LEGIT_KINDS:
        need = KIND_MIN_LINES.get(k, 3)
        if kinds[k] < need:
            errors.append(f"kind {k} has only {kinds[k]} lines (<{need})")
    if len(records) < 1300:
        errors.append(f"only {len(records)} lines (<1300)")
    if labels["scam"] < 300:
        errors.append(f"only {labels['scam']} scam (<300)")
    if labels["legit"] < 2500:
        errors.append(f"only {labels['legit']} legit (<2500)")
    if len(groups) < 1200:
        errors.append(f"only {len(groups)} groups (<1200)")
    if everyday < 700:
        errors.append(f"only {everyday} everyday legit lines (<700)")
    return errors


def summary(records, groups, stats=False):
    labels = Counter(r["label"] for r in records)
    kinds = Counter((r["label"], r["kind"]) for r in records)
    gk = Counter()
    seen = set()
    for r in records:
        if r["group"] not in seen:
            seen.add(r["group"])
            gk[(r["label"], r["kind"])] += 1
    dis = Counter(r["kind"] for r in records if "disguise variant" in r["provenance"])
    print(f"lines: {len(records)}  groups: {len(groups)}  " + "  ".join(f"{k}: {v}" for k, v in sorted(labels.items())))
    print(f"everyday legit lines ({'/'.join(EVERYDAY_ORDER)}): "
          f"{sum(1 for r in records if r['kind'] in EVERYDAY_KINDS)}")
    print(f"{'label':6} {'kind':28} {'lines':>5} {'groups':>6} {'disguised':>9}")
    for lab, kl in (("scam", SCAM_KINDS), ("legit", LEGIT_KINDS)):
        for k in kl:
            print(f"{lab:6} {k:28} {kinds[(lab, k)]:5d} {gk[(lab, k)]:6d} {dis[k]:9d}")
    if stats:
        for lab in ("scam", "legit"):
            ls = sorted(len(r["text"]) for r in records if r["label"] == lab)
            print(f"{lab} length: min {ls[0]} median {ls[len(ls)//2]} max {ls[-1]} "
                  f"<40: {sum(n < 40 for n in ls)}  >=150: {sum(n >= 150 for n in ls)}")


README = HERE / "README.md"
MARK_START, MARK_END = "<!-- COUNTS:START (generated by build_corpus.py) -->", "<!-- COUNTS:END -->"


DISGUISE_FEATURES = OrderedDict([
    ("traditional", re.compile(r"[師費務號貸還賬帳戶凍結訴訟請聯繫處證這執檢傳審時銀額會員險轉詢辦網於將權]")),
    ("spaced_or_symbol", re.compile(r"[一-龥][ *丨][一-龥]|[一-龥][/·][一-龥][/·][一-龥]|"
                                    + "|".join(sorted({w[0] + "[ *·/丨-]" + w[1] for w in SPACE_WORDS})))),
    ("fullwidth_digit", re.compile(r"[０-９]")),
    ("chinese_digit_phone", re.compile(r"一[三四五六七八九][〇一二三四五六七八九]{9}")),
    ("wechat_variant", re.compile(r"V信|薇信|vx|VX|威信|v❤|徽信|加[vV]|v信|[vV]：")),
    ("pinyin_abbrev", re.compile(r"zfb|(?<![a-z])hb(?![a-z_\-])|(?<![a-z])jb(?![a-z])|jd金融|【jd|【hb")),
])


def disguise_features(text: str):
    return [name for name, rx in DISGUISE_FEATURES.items() if rx.search(text)]


def counts_markdown(records, groups) -> str:
    labels = Counter(r["label"] for r in records)
    lines = Counter(r["kind"] for r in records)
    dis = Counter(r["kind"] for r in records if "disguise variant" in r["provenance"])
    gk, seen = Counter(), set()
    for r in records:
        if r["group"] not in seen:
            seen.add(r["group"])
            gk[r["kind"]] += 1
    glab = Counter()
    for g in seen:
        glab[KIND_LABEL[g.rsplit("-", 1)[0]]] += 1
    out = [(f"Total / 合计: **{len(records)} lines / 条**, **{len(groups)} groups / 组** "
            f"(scam {labels['scam']} lines in {glab['scam']} groups; legit {labels['legit']} lines in {glab['legit']} groups)."),
           (f"Everyday legit ({' + '.join(EVERYDAY_ORDER)}): "
            f"{sum(lines[k] for k in EVERYDAY_KINDS)} lines."),
           "", "| label | kind | lines 条数 | groups 组数 | disguise variants 变形副本 |", "|---|---|---:|---:|---:|"]
    for lab, kl in (("scam", SCAM_KINDS), ("legit", LEGIT_KINDS)):
        for k in kl:
            out.append(f"| {lab} | `{k}` | {lines[k]} | {gk[k]} | {dis[k]} |")
    out.append("")
    for lab in ("scam", "legit"):
        ls = sorted(len(r["text"]) for r in records if r["label"] == lab)
        out.append(f"- {lab} length (characters) / 长度（字符）: min {ls[0]}, median {ls[len(ls) // 2]}, max {ls[-1]}; "
                   f"< 40: {sum(n < 40 for n in ls)}, ≥ 150: {sum(n >= 150 for n in ls)}")
    feat = Counter()
    any_by_kind = Counter()
    for r in records:
        fs = disguise_features(r["text"])
        for f in fs:
            feat[(r["kind"], f)] += 1
        if fs:
            any_by_kind[r["kind"]] += 1
    out += ["", ("Disguise features (hand-written and programmatic; detected by the regexes in "
                 "`DISGUISE_FEATURES`) / 变形特征统计:"), "",
            "| kind | lines with any | " + " | ".join(DISGUISE_FEATURES) + " |",
            "|---|---:|" + "---:|" * len(DISGUISE_FEATURES)]
    for k in SCAM_KINDS + LEGIT_KINDS:
        if any_by_kind[k]:
            out.append(f"| `{k}` | {any_by_kind[k]} | " + " | ".join(str(feat[(k, f)]) for f in DISGUISE_FEATURES) + " |")
    out.append("")
    out += ["", "Rows by taxonomy type (`type`, ids of `checker/data/taxonomy.toml`) / 按诈骗类型和真实格式统计:", "",
            "| type | 名称 | label | lines 条数 | groups 组数 |", "|---|---|---|---:|---:|"]
    type_lines = Counter((r["label"], r["type"]) for r in records)
    type_groups = Counter()
    for lab, t, _ in {(r["label"], r["type"], r["group"]) for r in records}:
        type_groups[(lab, t)] += 1
    for type_id, entry in taxonomy_types().items():
        lab = "scam" if entry["kind"] == "fraud" else "legit"
        if entry["kind"] == "fraud" or type_lines[(lab, type_id)]:
            out.append(f"| `{type_id}` | {entry['name']} | {lab} | {type_lines[(lab, type_id)]} | {type_groups[(lab, type_id)]} |")
    out.append("")
    tagged = Counter(r["label"] for r in records if r["text"].startswith("【"))
    out.append(f"- starts with a 【tag】 / 以【签名】开头: scam {tagged['scam']}/{labels['scam']}, "
               f"legit {tagged['legit']}/{labels['legit']}")
    return "\n".join(out)


def update_readme(records, groups):
    if not README.exists():
        return
    text = README.read_text(encoding="utf-8")
    if MARK_START not in text or MARK_END not in text:
        sys.exit("README.md lacks the COUNTS markers")
    head, rest = text.split(MARK_START, 1)
    _, tail = rest.split(MARK_END, 1)
    README.write_text(head + MARK_START + "\n" + counts_markdown(records, groups) + "\n" + MARK_END + tail,
                      encoding="utf-8")


def main():
    records, groups = build()
    errors = validate(records, groups)
    summary(records, groups, stats="--stats" in sys.argv)
    if errors:
        print(f"\nVALIDATION FAILED ({len(errors)} problems):", file=sys.stderr)
        for e in errors[:80]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    update_readme(records, groups)
    print(f"\nOK: wrote {len(records)} lines to {OUT}")


if __name__ == "__main__":
    main()
