"""Stage 2: typed entities (phones, links, cards, law firms, licences, courts, case numbers, amounts,
deadlines ...), each validated once and located on the pasted text.

Rules consume these entities rather than matching digits again (style.md, point 8).

Linear time on any paste, by construction (issue 10): every pattern here is bounded (no `*`, `+`
or `{n,}`; tests/test_hostile.py checks) and every pattern that starts on a digit or a letter
run starts only at the start of that run (a look-behind), so no run is rescanned from each of its
positions; each kind stops at MAX_PER_KIND entities; comparisons between kinds are sweeps over
sorted spans, never all pairs.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, islice
from typing import TYPE_CHECKING

from . import datafile
from .hosts import registrable as _registrable
from .normalize import Normalized, opener_ends
from .normalize import luhn_ok as _luhn_ok
from .patterns import precompiled, triggers
from .records import NamedTuple  # typing's, without evaluating the annotations

if TYPE_CHECKING:
    from datetime import date

_HAN = r"\u4e00-\u9fff"
# A real message has a handful of each kind; a paste with thousands is a repeated block, and the
# first few hundred say everything the rules need (the result lists fewer still).
MAX_PER_KIND = 500
# The longest link we read: longer ones are cut there (browsers' practical limit is ~2,000).
MAX_LINK_CHARS = 2048


class Gated:
    """A regular expression compiled on first use and tried only on text that holds one of `needs`,
    literals that every match contains (none: always tried).

    Compiling this module's expressions at import was a tenth of a cold check (a class of Chinese
    characters alone takes a millisecond), and most messages have no link, case number or lawyer.
    """

    __slots__ = ("_compiled", "needs", "pattern")

    def __init__(self, pattern: str, needs: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.needs = needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = precompiled(self.pattern)
        return self._compiled

    def possible(self, text: str) -> bool:
        """Whether `text` holds one of the literals every match needs."""
        return not self.needs or any(literal in text for literal in self.needs)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text) if self.possible(text) else iter(())

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if self.possible(text) else None


# An expression's triggers (patterns.triggers: characters one of which every match holds) as a
# tuple, by the id of the expression, which the entry keeps alive so that its id is never another's;
# () where it has none, or more than are worth asking for.
_GATES: dict[int, tuple[re.Pattern[str] | Gated, tuple[str, ...]]] = {}
_MAX_GATE_CHARS = 12


def _gate(pattern: re.Pattern[str] | Gated) -> tuple[str, ...]:
    entry = _GATES.get(id(pattern))
    if entry is None:
        needed = triggers(pattern.pattern)
        entry = _GATES[id(pattern)] = (pattern, tuple(sorted(needed)) if needed and len(needed) <= _MAX_GATE_CHARS else ())
    return entry[1]


def _matches(pattern: re.Pattern[str] | Gated, text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), stopping at MAX_PER_KIND matches: scanning stops there too.

    Not scanned at all where the text holds none of the expression's triggers: a search for one
    character is a fast scan in C, where the expression is tried at every position (most messages
    have no amount, no deadline, no sender tag).
    """
    gate = _gate(pattern)
    if gate and not any(map(text.__contains__, gate)):
        return iter(())
    return islice(pattern.finditer(text), MAX_PER_KIND)


def today() -> date:
    """The date a check is made on: a case number from a future year is unusual. Tests replace it."""
    from datetime import date  # ~1 ms of a cold start, for the few messages with a case number

    return date.today()


@dataclass(frozen=True, slots=True)
class Entity:
    """Something the message contains. `text` is exactly pasted[start:end]."""

    kind: str
    start: int
    end: int
    text: str
    value: str
    details: dict = field(default_factory=dict)
    # Offsets on the normalised text, for rules that look around an entity.
    norm_start: int = 0
    norm_end: int = 0

    def to_dict(self) -> dict:
        """Plain data: kind, start, end, text, value, details (normalised offsets are internal)."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "details": dict(self.details),
        }


class Institution(NamedTuple):
    id: str
    kind: str  # bank, platform, lender, court, police, ... (institutions.toml header)
    name: str
    name_en: str
    keywords: re.Pattern[str]
    domains: tuple[str, ...]  # a domain covers its sub-domains
    numbers: tuple[str, ...]
    advice: str
    advice_en: str
    creditor: str  # "bank", "lender", or "" for courts, lawyers, police ...
    # Its genuine SMS carry no link at all (institutions.toml `linkless`, with its source): a link pointed at in its name, even
    # to look, is none of its own.
    linkless: bool = False
    # Claimed only where the message signs as it (institutions.toml `signing_only`): a body named in passing ("可在住建局官网
    # 查询", "按教育局核定的标准收取") is a reference, not who writes.
    signing_only: bool = False

    @property
    def generic(self) -> bool:
        return self.id.startswith("other_")

    def owns_host(self, host: str) -> bool:
        return any(host == d or host.endswith("." + d) for d in self.domains)


INSTITUTIONS_FILE = "data/institutions.toml"


class DataError(ValueError):
    """A data file is malformed; the message names the file and the key."""


def _sourced(item: dict, key: str) -> tuple[str, ...]:
    """numbers / domains: each a table with its value and its source in ../shared/reference/."""
    values = []
    for entry in item.get(key, []):
        if not isinstance(entry, dict) or not entry.get("value") or not entry.get("source"):
            raise DataError(f"{INSTITUTIONS_FILE}: institution {item.get('id', '?')}: every entry of {key} needs value and source")
        values.append(entry["value"])
    return tuple(values)


def _linkless(item: dict) -> bool:
    """An institution's `linkless` flag, which must say where it comes from (`linkless_source`)."""
    if not item.get("linkless"):
        return False
    if not item.get("linkless_source"):
        raise DataError(f"{INSTITUTIONS_FILE}: institution {item.get('id', '?')}: linkless needs linkless_source")
    return True


@lru_cache(maxsize=1)
def institutions() -> tuple[Institution, ...]:
    out = []
    for item in datafile.load(INSTITUTIONS_FILE)["institution"]:
        for key in ("id", "kind", "name", "name_en", "keywords", "advice", "advice_en"):
            if key not in item:
                raise DataError(f"{INSTITUTIONS_FILE}: institution {item.get('id', '?')}: missing {key}")
        out.append(
            Institution(
                id=item["id"],
                kind=item["kind"],
                name=item["name"],
                name_en=item["name_en"],
                keywords=precompiled("|".join(item["keywords"])),
                domains=_sourced(item, "domains"),
                numbers=_sourced(item, "numbers"),
                advice=item["advice"],
                advice_en=item["advice_en"],
                creditor=item.get("creditor", ""),
                linkless=_linkless(item),
                signing_only=bool(item.get("signing_only", False)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _reference() -> dict:
    return datafile.load("data/reference.toml")


@lru_cache(maxsize=1)
def official_numbers() -> dict[str, str]:
    """Confirmed numbers (domain.md ✅ or official) -> who answers them."""
    table = dict(_reference()["channels"])
    for inst in institutions():
        for number in inst.numbers:
            table.setdefault(number, inst.name)
    return table


# --- phone numbers -------------------------------------------------------------------------------

# A licence plate's province and letter, with the mark between them and its five digits ("浙A·12345"
# in a traffic notice): the digits are the plate's, not a number to call (a letter glued on is
# already no phone's).
_PLATE_HEAD = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][a-z][·•\\s\\-]"
_PHONE = precompiled(
    rf"(?<![\d.a-z])(?<!{_PLATE_HEAD})(?:"
    r"(?P<overseas>(?:\+|00)(?!86)[1-9]\d{7,14})"
    # Taiwan's mobiles, 09 and eight digits: ten digits starting 09 are no mainland landline (an 09xx
    # area code takes seven digits more).
    r"|(?P<mobile>(?:\+?86|0086)?1[3-9]\d{9}|09\d{8}(?!\d))"
    r"|(?P<service>95\d{3,4}|96\d{3}|400\d{7}|800\d{7}|12\d{3}|100\d{2}|1069\d{4,16}|106\d{5,17})"
    r"|(?P<landline>0[1-9]\d{1,2}\d{7,8})"
    # Not the whole part of an amount ("应还12378.75元" is no call to 12378), nor an amount itself
    # ("需再充值95000元": its unit follows, as _AMOUNT reads it).
    r")(?![\d])(?!\.\d)(?![万元块])"
)


_CALL_CONTEXT = precompiled(r"电话|热线|拨打|致电|回电|联系|客服|短信|号码|回复")
# A number labelled as an account, order or case identifier ("户号0148263371" in a power notice, "运单号
# 7700…", "合同编号…"): the identifier itself, not a number to call. Not 账号 (an Alipay account is often
# a mobile number, a channel) and not 卡号 (a card, read as one).
_ID_LABEL = precompiled(r"(?:户号|客户编号|用户编号|订单号|运单号|快递单号|单号|合同号|流水号|编号|学号|工号|案号)[:：\s]{0,2}$")


# A mobile given as the courier's, right after the role ("派送员孙师傅17735216604", "投递员电话158…"): a court's EMS
# or a parcel is brought by a courier who gives his own mobile, which is no legal body's private line (round 32).
_COURIER_LABEL = precompiled(
    r"(?:投递员|派送员|快递员|配送员|派件员|快递小哥|外卖员|骑手|送货员|快递师傅|送货师傅)[\u4e00-\u9fff]{0,3}?(?:的)?(?:电话|手机|手机号|联系电话)?[:：\s]{0,2}$"
)


def _phones(norm: Normalized, official: dict[str, str]) -> list[Entity]:
    found = []
    for m in _matches(_PHONE, norm.text):
        kind = m.lastgroup
        value = m.group()
        if _ID_LABEL.search(norm.text, max(0, m.start() - 7), m.start()):
            continue
        details = {"type": kind}
        if kind == "mobile":
            value = value[-11:]
        if value in official:
            details["official"] = official[value]
        elif kind == "mobile" and _COURIER_LABEL.search(norm.text, max(0, m.start() - 16), m.start()):
            details["holder"] = "courier"
        elif (
            kind == "service"
            and len(value) == 5
            and value[:2] in ("12", "10")
            # 12xxx / 100xx are only short codes when the message presents them as a number to call.
            and not _CALL_CONTEXT.search(norm.text[max(0, m.start() - 8) : m.start()])
        ):
            continue
        found.append(_entity(norm, "phone", m.start(), m.end(), value, details))
    return found


# --- links ---------------------------------------------------------------------------------------

_URL_TAIL = r"(?:[^\s,，。!！?？;；、\"“”'‘’()（）<>《》【】\[\]{}\u4e00-\u9fff]|\?(?=[a-z0-9_]{1,32}=))"
# A candidate host: ASCII labels and a last label that the public-suffix list must accept (an ASCII,
# punycode or Chinese top-level domain: .live, .sbs, .xin, .网址 ...), with or without a scheme; or a
# bare IPv4 address. The list, not this expression, decides what is a host.
_LINK = Gated(
    rf"(?<![a-z0-9@.\-_])(?P<scheme>[a-z][a-z0-9+.\-]{{1,9}}://)?"
    rf"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.){{1,8}}(?:xn--[a-z0-9\-]{{1,59}}|[a-z]{{2,24}}|[\u4e00-\u9fff]{{1,4}})"
    rf"|(?:\d{{1,3}}\.){{3}}\d{{1,3}})"
    rf"(?P<port>:\d{{2,5}})?(?P<path>(?:[/#]|\?(?=[a-z0-9_]{1,32}=)){_URL_TAIL}{{0,{MAX_LINK_CHARS}}})?"
)
_HOST_HINT = Gated(r"[a-z0-9]\.(?:[a-z]|xn--|[\u4e00-\u9fff])|\d\.\d{1,3}\.\d", needs=(".",))
_IP_HOST = precompiled(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def registered_domain(host: str) -> str:
    if _IP_HOST.match(host):
        return host
    return _registrable(host) or host


def _host_of(m: re.Match[str]) -> tuple[str, int] | None:
    """(host, end of host) for a candidate, trimming a Chinese top-level domain that runs into the
    following Chinese text (fy-ssfw.网址查看 -> fy-ssfw.网址); None when it is not a host."""
    host = m.group("host")
    if _IP_HOST.match(host):
        if all(int(part) <= 255 for part in host.split(".")):
            return host, m.end("host")
        return None
    head, _, last = host.rpartition(".")
    if head.isdigit() and len(head) <= 2 and not last.isascii() and not m.group("scheme") and not m.group("path"):
        return None  # an item's number before Chinese words ("1.公司不会…", "2.网络贷款…"), no host
    for cut in range(len(last), 0, -1):
        candidate = f"{head}.{last[:cut]}"
        if _registrable(candidate):
            return candidate, m.start("host") + len(candidate)
        if last.isascii():
            return None
    return None


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def _latin_look_alikes() -> dict[int, str]:
    """Letters that look like a Latin letter or digit (Cyrillic р, о, с ...), one for one
    (data/latin_confusables.json, from Unicode's confusables: data/build_confusables.py)."""
    raw = datafile.read_text("data/latin_confusables.json")
    return {ord(ch): latin for ch, latin in json.loads(raw)["chars"].items()}


def _as_latin(text: str) -> str:
    """The text with look-alike letters read as the Latin ones they imitate; same length, so every
    offset still points into the normalised text."""
    return text.translate(_latin_look_alikes())


@lru_cache(maxsize=1)
def _owned_domains() -> tuple[tuple[str, Institution, str], ...]:
    """(domain, its institution, the domain's first label) for every domain an institution owns: built
    once, not for each message with a link."""
    return tuple((domain, inst, domain.split(".")[0]) for inst in institutions() for domain in inst.domains)


def _links(norm: Normalized, seen: str) -> list[Entity]:
    # Links are read as a reader sees them (`seen`, _as_latin): "httрs://sd-соurt.сn" (Cyrillic р,
    # о, с) is a link, and one written in look-alike letters is an imitation whatever its host.
    if not _HOST_HINT.search(seen):
        return []
    ref = _reference()
    short_hosts = set(ref["links"]["short_link_hosts"])
    court_hosts = ref["links"]["court_hosts"]
    brands = ref["links"]["brand_tokens"]
    owned = _owned_domains()
    found = []
    for m in _matches(_LINK, seen):
        hosted = _host_of(m)
        if hosted is None:
            continue
        host, host_end = hosted
        end = m.end() if host_end == m.end("host") else host_end
        # A link ends where the paste had white space, even if normalisation closed the gap (looked
        # for character by character only where the pasted link has some).
        pasted_start, pasted_end = norm.span(m.start(), end)
        if any(map(str.isspace, norm.original[pasted_start:pasted_end])):
            # Not the white space of a link spelled apart a letter at a time ("c n - w l . top"),
            # which the normaliser closed as a disguise.
            apart = [(s, e) for kind, s, e in norm.disguises if kind == "separated_characters"]
            for i in range(m.start() + 1, end):
                if norm.gap_before(i) and not any(s < norm.offsets.start(i) <= e for s, e in apart):
                    end = i
                    break
        url = seen[m.start() : end].rstrip(".")
        if not url.endswith(host) and host not in url:
            continue
        domain = registered_domain(host)
        details: dict = {"host": host, "domain": domain, "scheme": bool(m.group("scheme"))}
        owner = next((inst for d, inst, _ in owned if host == d or host.endswith("." + d)), None)
        if norm.text[m.start() : m.start() + len(url)] != url:
            # Written with letters that only look Latin: an imitation, whoever's host it spells.
            details["category"] = "lookalike"
            details["look_alike_letters"] = True
        elif _IP_HOST.match(host) and owner is None:
            # A bare address is a raw-IP link unless it is one an institution is known to send
            # (a provincial court delivery platform's, institutions.toml).
            details["category"] = "raw_ip"
        elif (
            any(host == h or host.endswith("." + h) for h in court_hosts)
            or domain.endswith("court.gov.cn")
            or (owner is not None and owner.kind == "court")
        ):
            details["category"] = "court_service"
            details["owner"] = "court"
        elif owner is not None:
            details["category"] = "official"
            details["owner"] = owner.id
        elif host in short_hosts or domain in short_hosts:
            details["category"] = "short_link"
        elif domain.endswith(".gov.cn"):
            details["category"] = "government"
        else:
            labels = host.split(".")[:-1]
            # On the owner's domain or under it, not merely ending like it ("122-gov.cn" is no gov.cn host).
            lookalike = any(token in host and not (domain == official or domain.endswith("." + official)) for token, official in brands.items())
            near = any(
                len(label) >= 4 and _edit_distance_at_most_one(label, first) for label in labels for _, _, first in owned
            )
            spelled = _spells_service_number(labels, domain)
            if spelled:
                details["spells_number"] = spelled
            details["category"] = "lookalike" if (lookalike or near or spelled) else "other"
        found.append(_entity(norm, "link", m.start(), m.start() + len(url), url, details))
    return found


# Letters that stand in for digits in a spoofed host ("l0086jf.top" for 10086): read as the digit.
_DIGIT_LOOKS = str.maketrans("lio", "110")


@lru_cache(maxsize=1)
def _service_numbers() -> tuple[str, ...]:
    """The five-digit-or-longer service numbers of institutions and banks (institutions.toml,
    reference.toml [channels], [bank_service_lines], [links] number_hosts): a host that spells one
    belongs to that service only where the number is the whole label (12306.cn-like), never where
    words are added around it ("10086-jfdh.cc", "jg12123.cc", "95598sj.icu")."""
    ref = _reference()
    numbers = set(official_numbers()) | set(ref["bank_service_lines"]["numbers"]) | set(ref["links"]["number_hosts"])
    return tuple(sorted(n for n in numbers if len(n) >= 5 and n.isdigit()))


def _spells_service_number(labels: list[str], domain: str) -> str:
    """The service number a host spells with something added to it ("" if none): the way fake base
    station SMS dress a phishing site as 10086's, 12123's or a bank's (fraud_taxonomy.md A.1 rows 2,
    12, 18: 「l0086」, look-alike domains). Only hosts on no owner's domain get here. The number as the
    whole registered name ("95598.cn") is left alone; as a sub-domain of another name
    ("10086.jfdh-cn.com") it is dressing."""
    own = domain.split(".")[0]
    for label in labels:
        read = label.translate(_DIGIT_LOOKS)
        for number in _service_numbers():
            at = read.find(number)
            while at >= 0 and (read[at - 1 : at].isdigit() or read[at + len(number) : at + len(number) + 1].isdigit()):
                at = read.find(number, at + 1)  # a longer run of digits ("abc123456") is no service number
            if at >= 0 and not (read == number and label == own):
                return number
    return ""


# --- bank cards and identity numbers -------------------------------------------------------------

_LONG_NUMBER = precompiled(r"(?<![\d.a-z])(\d{16,19}|\d{17}[0-9x])(?![\d])")
# Words that make a long number a card: its name, or a verb of paying before it, with the money in
# between or not ("房租打到6222…", "转一笔钱到6222…", "转5000元到6222…"), so that a line inserted between "换卡了" and the
# number does not unmake the card.
_CARD_CONTEXT = precompiled(r"卡号?|账号|账户|帐户|收款|转账|汇款|转入|打款|尾号|户名|开户|(?:打|转|汇|存|付|充)(?:一下|一笔|几笔|笔|点|些|[\d一二两三四五六七八九十百千万.]{1,8}(?:元|块))?(?:钱|款|账|帐)?(?:到|至|给|进)")

# A long number labelled as an order, waybill or ticket number right before it ("订单4602…",
# "运单号：7731…"): no card, however its digits happen to pass the Luhn check (one in ten do).
_ORDER_LABEL = precompiled(r"(?:订单|单号|运单|快递单|编号|票号|流水号)(?:号|编号)?[:：\s]?$")


def _cards(norm: Normalized) -> list[Entity]:
    found = []
    for m in _matches(_LONG_NUMBER, norm.text):
        number = m.group()
        window = norm.text[max(0, m.start() - 12) : m.start()]
        if len(number) == 18 and _is_resident_id(number):
            found.append(_entity(norm, "id_number", m.start(), m.end(), number, {"checksum": "valid"}))
            continue
        if not number.isdigit():
            continue
        luhn_ok = _luhn_ok(number)
        if _CARD_CONTEXT.search(window) or (luhn_ok and number[0] in "3456" and not _ORDER_LABEL.search(window)):
            details = {"checksum": "valid" if luhn_ok else "invalid"}
            found.append(_entity(norm, "bank_card", m.start(), m.end(), number, details))
    return found


_ASCII_DIGITS = frozenset("0123456789")


def _is_resident_id(number: str) -> bool:
    number = number.upper()
    # python-stdnum's first tests (18 characters, digits, the check digit), made here so that stdnum
    # is imported only for a number that passes them and has its birth date and place checked.
    if number.isascii():
        if len(number) != 18 or not _ASCII_DIGITS.issuperset(number[:-1]):
            return False
        check = (1 - 2 * int(number[:-1], 13)) % 11
        if number[-1] != ("X" if check == 10 else str(check)):
            return False
    from stdnum.cn import ric

    try:
        return ric.is_valid(number)
    except KeyError:  # stdnum 2.2 fails on some place codes (no county): not a number it can vouch for
        return False


# --- law firms, legal organisations, lawyers, licences -------------------------------------------

# Words that end a sentence fragment before an organisation's name begins.
_NAME_LEAD = Gated(
    rf"^.{{0,40}}(?:我们是|我是|这里是|这边是|本所|本人|来自|受|委托|代表|系|由|的|是|您好|你好|通知|告知|"
    rf"号|了|向|被|经|到|将|已|请|对|给|为|[^{_HAN}])"
)
_LAW_FIRM = Gated(r"律师事务所(?:有限(?:责任)?公司)?", needs=("律师事务所",))
_PSEUDO_LEGAL = Gated(
    r"(?:法务(?:中心|部|公司|团队|专员|组)|法律服务(?:中心|有限公司|公司)|法律咨询(?:有限)?公司|"
    r"(?:债务|金融|纠纷)?调解(?:中心|委员会|处)|仲裁(?:中心|服务中心)|催收(?:中心|部)|贷后(?:管理)?中心|"
    r"律师(?:团队|团|工作室|联盟)|律师事务所有限(?:责任)?公司)"
)
_LICENCE = Gated(r"(?:执业证号|执业证编号|执业证书?号?|律师证号?|执业号)[:：]?([0-9a-z]{5,24})", needs=("执业", "律师证"))
_CREDIT_CODE = Gated(r"(?:统一社会信用代码|信用代码|执业许可证号?|许可证号)[:：]?([0-9a-z]{15,20})", needs=("信用代码", "许可证"))


def _han_char(ch: str) -> bool:
    """[\u4e00-\u9fff], without compiling a class of 21,000 characters."""
    return "\u4e00" <= ch <= "\u9fff"


def _han_or_bracket(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "()"


def _named(text: str, suffix: Gated, name_char: Callable[[str], bool], shortest: int, longest: int):
    """(start, end) of each `suffix` with the name before it: `shortest` to `longest` name characters.

    The same spans as the regex name_char{shortest,longest}?suffix, found without trying every
    position of a long run of name characters: find the suffix, then walk back at most `longest`
    characters (never into the previous name).
    """
    if not suffix.possible(text):
        return
    search = suffix.compiled.search
    taken_until = pos = found = 0
    while found < MAX_PER_KIND and (m := search(text, pos)) is not None:
        floor = max(taken_until, m.start() - longest)
        begin = m.start()
        while begin > floor and name_char(text[begin - 1]):
            begin -= 1
        if m.start() - begin < shortest:
            # As the regex would: the suffix's own first characters may be the name ("【人民法院】").
            pos = m.start() + 1
            continue
        yield begin, m.end()
        taken_until = pos = m.end()
        found += 1


def _name_start(norm: Normalized, start: int, end: int) -> int:
    """Where an organisation's name begins inside norm.text[start:end].

    After the last lead word, and after the last place where the paste had white space that
    normalisation removed: a name is written in one piece.
    """
    cut = start + len(norm.text[start:end]) - len(_NAME_LEAD.compiled.sub("", norm.text[start:end]))
    for i in range(end - 1, cut, -1):
        if norm.gap_before(i):
            return i
    return cut


_LEGAL_HINT = precompiled(r"律师|法务|法律|调解|仲裁|催收|贷后")


def _law_orgs(norm: Normalized) -> list[Entity]:
    found: list[Entity] = []
    if not _LEGAL_HINT.search(norm.text):
        return found
    for begin, end in _named(norm.text, _LAW_FIRM, _han_or_bracket, 2, 16):
        start = _name_start(norm, begin, end)
        name = norm.text[start:end]
        company = "有限" in name
        own_name = name.split("律师事务所")[0]
        details = {"company_suffix": company, "named": len(own_name) >= 2}
        found.append(_entity(norm, "pseudo_legal_org" if company else "law_firm", start, end, name, details))
    taken = _Containment([(e.norm_start, e.norm_end) for e in found])
    for begin, end in _named(norm.text, _PSEUDO_LEGAL, _han_char, 0, 12):
        if taken.covers(begin, begin + 1):
            continue
        start = _name_start(norm, begin, end)
        found.append(_entity(norm, "pseudo_legal_org", start, end, norm.text[start:end], {}))
    return found


def _licences(norm: Normalized) -> list[Entity]:
    found = []
    for m in _matches(_LICENCE, norm.text):
        value = m.group(1)
        ok = value.isdigit() and len(value) in (17, 12)
        details = {"format": "ok" if ok else "unusual", "expected": "17 digits (older: 12)"}
        found.append(_entity(norm, "lawyer_licence", m.start(1), m.end(1), value, details))
    for m in _matches(_CREDIT_CODE, norm.text):
        value = m.group(1).upper()
        details = {"checksum": "valid" if _uscc_ok(value) else "invalid", "prefix": value[:2]}
        details["issuer"] = {"31": "law_firm", "91": "company"}.get(value[:2], "other")
        found.append(_entity(norm, "credit_code", m.start(1), m.end(1), value, details))
    return found


def _uscc_ok(value: str) -> bool:
    from stdnum.cn import uscc

    return len(value) == 18 and uscc.is_valid(value)


# 律师 as a word: not the tail of 调律师 (a piano tuner, 调律 + 师; institutions.toml law_firm).
_LAWYER_NAME = Gated(rf"([{_HAN}]{{1,3}})(?<!调)律师(?!事务所|函|费|团|工作室|联盟)", needs=("律师",))
# "承办律师：王明", "律师郑建国", "联系律师卢颖": the name right after the title, with or without a colon.
_LAWYER_LABELLED = Gated(rf"(?:承办律师|经办律师|代理律师|执业律师|(?<!调)律师)[:：\s]?([{_HAN}]{{2,3}})", needs=("律师",))


def _lawyer_names(norm: Normalized) -> list[Entity]:
    surnames = _reference()["names"]["surnames"]
    found = []
    for m in _matches(_LAWYER_NAME, norm.text):
        candidate = m.group(1)
        for offset in range(len(candidate) - 1):
            name = candidate[offset:]
            if name[0] in surnames and not any(w in name for w in ("委托", "专业", "执业", "代理", "我方")):
                start = m.start(1) + offset
                found.append(_entity(norm, "lawyer_name", start, m.end(), norm.text[start : m.end()], {}))
                break
    for m in _matches(_LAWYER_LABELLED, norm.text):
        if m.group(1)[0] in surnames and not m.group(1).endswith("律师"):
            found.append(_entity(norm, "lawyer_name", m.start(1), m.end(1), m.group(1), {}))
    return found


# --- courts and case numbers ---------------------------------------------------------------------

_COURT = Gated(r"(?:人民法院|法院)(?!送达平台|短信平台)", needs=("法院",))
# The year's brackets are typography, not meaning: a case number retyped or pasted without them
# ("2025粤0305民初15345号") is checked by its parts all the same (the year, the court code, the type).
_CASE_NUMBER = Gated(
    rf"(?:\((\d{{4}})\)|(?<![\d.])(\d{{4}}))([{_HAN}]{{1,2}})(\d{{0,6}})([{_HAN}]{{1,6}}?)(\d{{1,8}})号", needs=("号",)
)
# An informal one after its label: any characters after a colon ("案号：沪民初字第123号"); without a colon, only what
# starts as a number does ("案号FW2024001"), not the words that run on ("可凭案号及密码拨打12368查询": round 43, a
# court's own 12368 was swallowed into a "case number" and its call read as through no channel).
_CASE_LIKE = Gated(
    rf"(?:案号|案件编号|案件号|立案号|卷宗号)(?:[:：]([0-9a-z()\-{_HAN}]{{3,30}})|([0-9a-z(][0-9a-z()\-{_HAN}]{{2,29}}))", needs=("案", "卷宗号")
)


# Round 50: a case number read aloud, as a call's speech-to-text writes it ("案号是二零二六鄂零一零六民初八千八百二十号"):
# the year's and the court code's digits one by one, the serial in words. Its year, region and type are checked as a
# written one's are; the serial is not read.
_SPOKEN_DIGITS = "零〇一二三四五六七八九"
_SPOKEN_CASE_NUMBER = Gated(
    rf"(?:案号|案件编号|案件号)(?:是|为)?[:：]?\s?[(（]?([{_SPOKEN_DIGITS}]{{4}})(?:年)?[)）]?"
    rf"((?![{_SPOKEN_DIGITS}十百千万])[{_HAN}])([{_SPOKEN_DIGITS}]{{0,6}})((?:(?![{_SPOKEN_DIGITS}十百千万])[{_HAN}]){{1,6}}?)"
    rf"([{_SPOKEN_DIGITS}十百千万两]{{1,12}})号",
    needs=("号",),
)
_SPOKEN = str.maketrans(_SPOKEN_DIGITS, "00123456789")


def _courts(norm: Normalized) -> list[Entity]:
    found = []
    for begin, end in _named(norm.text, _COURT, _han_char, 2, 14):
        start = _name_start(norm, begin, end)
        name = norm.text[start:end]
        if len(name) < 3:
            continue
        found.append(_entity(norm, "court", start, end, name, {"people_court": "人民法院" in name}))
    return found


def _case_details(year: int, region: str, case_type: str, ref: dict) -> dict:
    """A case number's parts checked against the official grammar: the year, the region's character, the type."""
    problems = []
    if not (1990 <= year <= today().year + 1):
        problems.append("year")
    if region not in ref["regions"]:
        problems.append("court_code")
    if case_type not in ref["types"]:
        problems.append("case_type")
    return {"format": "ok" if not problems else "unusual", "problems": problems, "type": case_type}


def _case_numbers(norm: Normalized) -> list[Entity]:
    ref = _reference()["case_numbers"]
    found = []
    spans = []
    for m in _matches(_CASE_NUMBER, norm.text):
        bracketed_year, bare_year, region, _court_code, case_type, _serial = m.groups()
        details = _case_details(int(bracketed_year or bare_year), region[0], case_type, ref)
        found.append(_entity(norm, "case_number", m.start(), m.end(), m.group(), details))
        spans.append((m.start(), m.end()))
    for m in _matches(_SPOKEN_CASE_NUMBER, norm.text):
        year, region, _court_code, case_type, _serial = m.groups()
        details = {**_case_details(int(year.translate(_SPOKEN)), region, case_type, ref), "spoken": True}
        start = m.start(1)
        found.append(_entity(norm, "case_number", start, m.end(), norm.text[start : m.end()], details))
        spans.append((m.start(), m.end()))
    formal = _Containment(spans)
    for m in _matches(_CASE_LIKE, norm.text):
        group = 1 if m.group(1) is not None else 2
        if formal.covers(m.start(group), m.start(group) + 1):
            continue
        details = {"format": "unusual", "problems": ["pattern"]}
        found.append(_entity(norm, "case_number", m.start(group), m.end(group), m.group(group), details))
    return found


# --- amounts, deadlines, overdue days, sender tags, chat handles ----------------------------------

_AMOUNT = precompiled(
    r"(?:¥|人民币)?(?<!\d)(\d{1,3}(?:,\d{3}){1,5}|\d{1,12})(?:\.\d{1,2})?(万元|万|元|块)"
    r"|¥(\d{1,12}(?:,\d{3}){0,5}(?:\.\d{1,2})?)"
)
_CN_NUM = "一二两三四五六七八九十半"
# A day with no 前 / 内 after it that something already happened on ("已于今日立案", "已于当天送达") is a date,
# not a deadline; one it will happen on still is ("将于今日扣款"). So is a day told with what it brought or
# who brings it ("今日收到…冻结通知", "今日已扣款", "今日由投递员送达"): a date, no time left to act in.
# Round 50: a day named bare is a deadline only where something is to be done by it: a word of time limit before it
# ("请于今日", "最晚明天"), or after it what is to be done or what follows if not ("今天必须还款", "今天不处理就起诉", "今天下午
# 5点前"). A day a story happened on ("今天下午法院一个书记员打电话到我手机", "我今天打电话只是提醒您", "今天的事") is a date.
_PART_OF_DAY = "(?:上午|下午|晚上|中午|早上|凌晨)"
_ACT_BY = (
    rf"(?:必须|务必|一定要?|要|需要?|得|就|之?内|之?前|请|再不|不|未|还款|还清|处理|缴|交|付|转|联系|回电|回复|截止|到期|扣|停|起诉"
    rf"|上门|冻结|过期|失效|清零|作废|有效|24[点时]|{_PART_OF_DAY}?(?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})[点时:])"
)
_DAY = "(?:今[天日晚]|当[天日]|明[天日]|本日)"
_HOUR = r"(?:\d{1,2}[点时:]\d{0,2}分?)?"
_DEADLINE = precompiled(
    rf"{_DAY}(?:{_PART_OF_DAY})?{_HOUR}(?:之?前|内)"
    rf"|(?:(?<=于)|(?<=在)|(?<=限)|(?<=请)|(?<=最晚)|(?<=最迟)|(?<=截至)|(?<=截止)|(?<=必须)|(?<=务必))(?<!已于)(?<!已经于)(?<!已在)"
    rf"{_DAY}{_HOUR}(?!收到|已|由)"
    rf"|(?<!已于)(?<!已经于)(?<!已在)(?<!已){_DAY}{_HOUR}(?!收到|已|由)(?=\s?{_ACT_BY})"
    rf"|(?:(?<!\d)\d{{1,3}}|(?<![{_CN_NUM}])[{_CN_NUM}]{{1,3}})个?(?:小时|钟头)(?:之?内|后)"
    rf"|(?<!\d)\d{{1,2}}月\d{{1,2}}[日号](?:\d{{1,2}}[点时:]\d{{0,2}})?(?:之?前|截止)"
    rf"|最后(?:期限|通知|一次通知|警告|机会)|限期|截止(?:日期)?"
    rf"|(?:(?<!\d)\d{{1,4}}|(?<![{_CN_NUM}])[{_CN_NUM}]{{1,2}})(?:个工作日|天|日)(?:之?内)"
)
_OVERDUE = precompiled(r"逾期(?:已达|已经|已|达|超过)?(\d{1,4})天")
_SENDER_TAG = precompiled(r"^[\s\"“]{0,8}【([^】]{1,30})】|【([^】]{1,30})】[\s。.]{0,8}$|^\s{0,8}\[([^\]]{1,20})\]")
# WeChat's own ids begin "wxid_": a chat account whatever the words around it.
# A chat account after its network's name, a wxid, or a group number written right after 群 or 群号
# ("进群3652993857", "群号:2103062079"): a group is a chat channel whatever the app. The networks are
# the chat apps a scam moves its victim to: WeChat and QQ, LINE (Taiwan, Hong Kong), Telegram and
# WhatsApp; "line" only as a word of its own (not "online", "hotline"). A LINE ID may start with @ (an
# official account's form) and hold dots ("@tw.1427"); a dot only between two of its characters.
# Quotation marks between the network and the id part neither ("加“客服QQ”12345678", issue 8); nor a
# space typed between groups of its digits ("扣扣 4852 01639": numbers split apart are one number).
# Round 61 (the grid's blind batch 4, dev half): or the id first, then its network ("3129…这个扣扣是我小号", "kf_x2026是我新微信");
# or an id with no network named, right after the word that points the reader to it ("通过kf_x2026支付", "向kf_x2026发红包", "按
# 3129…里的指引付款"; _POINTED_AT, with a space after the word or none): a Latin id that holds a digit, _ or -, not a word; a
# number of 6 to 11 digits that is no hotline, sum or count. Its network is "unknown".
# Round 62 (the grid's blind batch 6, dev half): or the network named, then how to pay it ("QQ转账给3129…", "微信转给kf…"), or as the
# payee's ("收款QQ是3129…"; not "那个QQ是…", a warning's).
_POINTED_AT = "|".join(f"(?<={w})|(?<={w} )" for w in ("通过", "经由", "向", "往", "按"))
# Round 62 (the grid's blind batch 6, dev half): a Latin id given to ("发红包给kf_x2026", "私信给kf_x2026"); not a number, which 给 is
# followed by as a sum or a phone as often.
_GIVEN_TO = "(?<=给)|(?<=给 )"
_HANDLE = precompiled(
    r"(微信|qq|(?<![a-z])line(?![a-z])|telegram|whatsapp|(?:(?<=加)|(?<=\+))(?:vx|v信|v|薇信|薇|威信|徽信|q|扣扣|企鹅)|企鹅(?=[:：]?\s?\d{5}))"
    r"(?:号|群号?|\s?id|(?:上)?(?:转账|转|付|打|汇|发红包|发)(?:款|钱)?给|(?<=收款qq)是|(?<=收款微信)是)?[”」』\"]?[:：]?\s?[“「『\"]?@?((?:[a-z0-9_\-]|\.(?=[a-z0-9_\-])|(?<=\d)\s(?=\d)){5,24})"
    r"|()(wxid_[a-z0-9]{6,20}|(?:(?<=群)|(?<=群号)|(?<=群号:))\d{6,11}(?!\d))"
    r"|()((?<![a-z0-9_\-.@/])[a-z0-9_\-]{5,24})(?=\s?(?:这个|是我的?|是)(?:我的?)?(?:新|小|私人)?(?:的)?(微信|qq|扣扣|vx|企鹅)(?!群))"
    rf"|()((?:{_POINTED_AT})(?:(?=[a-z0-9_\-]{{0,23}}[\d_\-])[a-z][a-z0-9_\-]{{4,23}}|(?!400|800|95|96|12|10)\d{{6,11}})(?![a-z0-9_\-.@/\d元块万千百号次个位人分%])"
    rf"|(?:{_GIVEN_TO})(?=[a-z0-9_\-]{{0,23}}[\d_\-])[a-z][a-z0-9_\-]{{4,23}}(?![a-z0-9_\-.@/]))"
)
# "加Q…", "加扣扣…", "加企鹅…" (round 30): QQ by the nicknames senders use, as "加v…" is WeChat; 企鹅 right
# before a number of five digits or more is one whatever comes before it ("联系专员企鹅 3319…", round 31).
_NETWORKS = {
    "qq": "qq", "q": "qq", "扣扣": "qq", "企鹅": "qq",
    "微信": "wechat", "line": "line", "telegram": "telegram", "whatsapp": "whatsapp",
}


def _simple(norm: Normalized, pattern: re.Pattern[str], kind: str, group: int = 0) -> list[Entity]:
    return [_entity(norm, kind, m.start(group), m.end(group), m.group(group), {}) for m in _matches(pattern, norm.text)]


# Hours, today, "final notice": tomorrow or a few days is an ordinary deadline.
_EXTREME = precompiled(r"今|当[天日]|本日|小时|钟头|最后|立即|马上")


def _deadlines(norm: Normalized) -> list[Entity]:
    """Deadlines; `extreme` marks today, hours or a 'final notice'."""
    found = []
    for m in _matches(_DEADLINE, norm.text):
        details = {"extreme": bool(_EXTREME.search(m.group()))}
        found.append(_entity(norm, "deadline", m.start(), m.end(), m.group(), details))
    return found


# A bracketed tag that opens a later sentence: "【反诈提醒】谨防骗子…。【信和法务】您的逾期…" or "昨天接到
# 一个电话。【信和法务】…" is signed 【信和法务】 as the reader sees it; a line put before a sender's
# own tag must not hide it.
_LATER_TAG = precompiled(r"(?<=[。！？!?\n])\s{0,4}【([^】]{1,30})】")


def _sender_tags(norm: Normalized) -> list[Entity]:
    found = []
    for m in _matches(_SENDER_TAG, norm.text):
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        details = {"position": "start" if m.start() == 0 or group in (1, 3) else "end"}
        found.append(_entity(norm, "sender_tag", m.start(group), m.end(group), m.group(group), details))
    # A tag after openers ("您好，【某某法务】…", "别担心 【…】", "尊敬的客户您好 【…】") still opens the message.
    if not any(e.details["position"] == "start" for e in found) and "【" in norm.text:
        for k in opener_ends(norm):
            tag = _SENDER_TAG.match(norm.text[k:])
            if tag is not None and tag.group(1) is not None:
                found.append(_entity(norm, "sender_tag", k + tag.start(1), k + tag.end(1), tag.group(1), {"position": "start"}))
                break
    if "【" in norm.text[1:]:
        taken = {e.norm_start for e in found}
        for m in _matches(_LATER_TAG, norm.text):
            if m.start(1) not in taken:
                found.append(_entity(norm, "sender_tag", m.start(1), m.end(1), m.group(1), {"position": "start"}))
    return found


# A mask in an id or right after it ("微信 mt-kf20**", "wxid_7k3p**q", "QQ 10286****7", "hx-ka××8"): the writer
# hid part of it, as warnings and case reports do with the scammer's id, so it reaches nobody and is no way
# to reach anyone. Read on the paste: not on look-alike letters (× reads as x there), and with its spaces. Two marks or
# more: a single * between characters is a separator a paraphraser slips in (normalize.py). Not marks put
# before words as emphasis ("加微信abc123**速回**"): the id before them is whole.
_MASK = precompiled(r"(?:[*＊]{2,12}|×{2,12})(?![*＊×\u4e00-\u9fff])")


def _handles(norm: Normalized, seen: str) -> list[Entity]:
    found = []
    for m in _matches(_HANDLE, seen):
        handle = m.group(2) or m.group(4) or m.group(6) or m.group(9)
        if handle.isdigit() and len(handle) == 11:
            continue  # a mobile number, typed as a phone already
        start, end = norm.span(m.start(), m.end())
        mask = _MASK.search(norm.original, start, end + 14)  # a run of at most 12 marks and the character after it
        if mask is not None and mask.start() <= end:
            continue
        # "加v…", "+vx…", "加薇信…": WeChat by the nicknames senders use to slip past filters.
        network = m.group(1) or m.group(7) or ""
        named = _NETWORKS.get(network) or ("wechat" if network else None)
        pointed_at = m.group(9) is not None
        details = {"network": named or ("wechat" if handle.startswith("wxid_") else "unknown" if pointed_at else "group")}
        found.append(_entity(norm, "chat_handle", m.start(), m.end(), m.group(), details))
    return found


class _KeywordIndex:
    """Which institutions' keywords can occur in a text, by the triggers of their keywords
    (patterns.required_characters), in the order of institutions()."""

    __slots__ = ("always", "by_char")

    def __init__(self, always: frozenset[int], by_char: dict[str, tuple[int, ...]]) -> None:
        self.always = always  # keywords without triggers: searched in every text
        self.by_char = by_char

    def candidates(self, text: str) -> list[Institution]:
        chosen = set(self.always)
        by_char = self.by_char
        for ch in by_char.keys() & set(text):
            chosen.update(by_char[ch])
        every = institutions()
        return [every[k] for k in sorted(chosen)]


@lru_cache(maxsize=1)
def _keyword_index() -> _KeywordIndex:
    always: set[int] = set()
    by_char: dict[str, list[int]] = {}
    for k, inst in enumerate(institutions()):
        needed = triggers(inst.keywords.pattern)
        if needed is None:
            always.add(k)
        for ch in needed or ():
            by_char.setdefault(ch, []).append(k)
    return _KeywordIndex(frozenset(always), {ch: tuple(ks) for ch, ks in by_char.items()})


def _institution_mentions(norm: Normalized) -> list[Entity]:
    found: list[Entity] = []
    for inst in _keyword_index().candidates(norm.text):
        m = inst.keywords.search(norm.text)
        if m:
            found.append(_entity(norm, "institution", m.start(), m.end(), inst.id, {"name": inst.name}))
    # A sender tag that is an enterprise's own service number ("【95533】您的网银U盾已过有效期", "【10086】…"): the message speaks
    # as that bank, platform or carrier, as it would under its name. A spoofed sender shows the same tag (fraud_taxonomy.md
    # B: "sender is 955xx proves nothing"), which is why what it asks is judged against the institution's own channels.
    if "【" in norm.text:
        named = {e.value for e in found}
        for m in _SERVICE_NUMBER_TAG.finditer(norm.text):
            owner = _by_service_number().get(m.group(1))
            if owner is not None and owner.id not in named:
                named.add(owner.id)
                found.append(_entity(norm, "institution", m.start(1), m.end(1), owner.id, {"name": owner.name}))
    return found


# The 95xxx lines the ministry allots to large enterprises and the carriers' 100xx lines: each reaches one company. Not a
# 12xxx government line, which several bodies' notices give (12345).
_SERVICE_NUMBER_TAG = precompiled(r"【(95\d{3}|100\d{2})】")


@lru_cache(maxsize=1)
def _by_service_number() -> dict[str, Institution]:
    """Each confirmed number of institutions.toml and the institution it belongs to, where only one lists it."""
    owners: dict[str, list[Institution]] = {}
    for inst in institutions():
        for number in dict.fromkeys(n.replace("-", "") for n in inst.numbers):
            owners.setdefault(number, []).append(inst)
    return {number: insts[0] for number, insts in owners.items() if len(insts) == 1}


def _entity(norm: Normalized, kind: str, start: int, end: int, value: str, details: dict) -> Entity:
    s, e = norm.span(start, end)
    return Entity(kind, s, e, norm.original[s:e], value, details, start, end)


def extract(norm: Normalized) -> tuple[Entity, ...]:
    """All entities of the message, in order of appearance."""
    official = official_numbers()
    seen = _as_latin(norm.text)  # look-alike letters read as Latin, for links and chat handles
    found = [
        *_phones(norm, official),
        *_links(norm, seen),
        *_cards(norm),
        *_law_orgs(norm),
        *_licences(norm),
        *_lawyer_names(norm),
        *_courts(norm),
        *_case_numbers(norm),
        *_simple(norm, _AMOUNT, "amount"),
        *_deadlines(norm),
        *_simple(norm, _OVERDUE, "overdue_days", 1),
        *_sender_tags(norm),
        *_handles(norm, seen),
        *_institution_mentions(norm),
    ]
    # Digits inside a card, an ID or a case number are not phone numbers.
    inside = _Containment([(e.norm_start, e.norm_end) for e in found if e.kind in ("bank_card", "id_number", "case_number")])
    found = [e for e in found if e.kind != "phone" or not inside.covers(e.norm_start, e.norm_end)]
    return tuple(sorted(found, key=lambda e: (e.start, e.end, e.kind)))


class _Containment:
    """Whether some span of a fixed set contains [start, end): a binary search, not a scan of all spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _ in spans]
        # furthest[i]: the furthest end among the first i + 1 spans (those starting earliest).
        self.furthest = list(accumulate((e for _, e in spans), max))

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and self.furthest[i - 1] >= end
