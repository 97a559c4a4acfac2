"""Stage 3: what the message claims to be, what it asks the reader to do, and through which channel.

- claims: the institutions it names (institutions.toml) and the people it says it is (boss,
  relative, friend: data/claims.toml [persons]);
- requests: pay, tell a code or password, share the screen, call, add a chat contact, click or log
  in, download an app, go somewhere; each a named pattern, dropped only when a cue in its own clause
  governs it ("切勿向陌生账户转账": a warning about the request, not the request);
- channels: the exact numbers, links, cards, accounts, chat contacts and apps of the message, each
  official (a confirmed channel of the claimed institution), public (a public hotline), mismatched
  (the claimed institution has confirmed channels and this is none of them) or unknown.

The judgement ([[judgement]] in data/claims.toml) does not read the wording around a request: money,
credentials or contact asked through a channel that is not official is a red flag, and sets a floor
that nothing reassuring in the message can lower (monotone safety). Unknown is not proof: the
reasons say "verify here".
"""

from __future__ import annotations

import contextlib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextvars import ContextVar
from functools import cache, lru_cache, wraps
from typing import TypeVar

from . import datafile
from .entities import Entity, Institution, _reference, institutions
from .normalize import _OPENER_REACH, Normalized, opener_ends, quotation_pairs, tagged_opener_ends
from .patterns import could_match, precompiled, search_suffix, triggers
from .records import NamedTuple  # typing's, without evaluating the annotations

CLAIMS_FILE = "data/claims.toml"
# A huge paste repeats itself: the first few places of a request or a channel are enough to judge it.
_MAX_EACH = 20
LEVELS = ("low_risk", "suspicious", "high_risk")
# Requests whose channel decides the judgement; `visit` (go to a branch) is how genuine notices end.
_CONTACT = ("call", "chat", "click", "download")
_PAY_CHANNELS = ("bank_card", "account", "qr", "link", "chat")
# Requests that are requests even when the message names no channel: a warning never makes them.
# Channels a message offers by giving them: a request to use them even without a verb.
_OFFERED = ("link", "chat", "bank_card")
# How far after a verb of calling its number may stand ("请致电 400-810-2345").
_RIGHT_AFTER = 12
_CLAUSE_MARKS = frozenset("，,。.；;！!？?】\n")
# Calls whose verb stands right before the number as its label ("咨询400…", "客服热线400…"): claims.toml
# requests.call call_number, reach_number.
_LABEL_CALLS = ("call_number", "reach_number")


def _opens_clause(pasted: str, at: int) -> bool:
    """Whether pasted[at:] opens a clause: nothing but spaces between it and a clause mark, a 】 or the
    start ("，客服400…", "。咨询400…"; not "取消请咨询400…", an order to call)."""
    k = at
    while k and pasted[k - 1].isspace():
        k -= 1
    return not k or pasted[k - 1] in _CLAUSE_MARKS


_SERVICE_LINE = precompiled(r"(?:400|800)\d{7}$|9[56]\d{3,4}$")
# The patterns of claims.toml [requests.pay] that read a fee asked up front, by name or by kind.
_FEE_PATTERNS = frozenset({"fee", "fee_kind"})
_ASKS_WITHOUT_CHANNEL = frozenset({"pay", "credentials", "screen_share", "chat", "download"})
# The kinds of institution that serve from their apps and their allotted lines (domain.md 1a): a landline in their name,
# asked to be called about the reader's money, is none of theirs to confirm.
_SERVES_FROM_APP = frozenset({"bank", "platform", "lender"})
# Persons (claims.toml [persons]) whose claim counts only where money is asked of the reader.
_PAYEE_ONLY = frozenset({"teacher"})
# The pay patterns (claims.toml [requests.pay]) whose payee is the sender himself, a code he posts (round 50: a fee's code
# to scan, fee_code_scan, as scan_to_pay; round 62: the fee first, fee_then_scan), an
# account he will send later ("账户我一会儿发你") or a sum advanced for him ("你先帮我垫上").
_INTO_THE_SENDER = frozenset(
    {
        "to_the_sender", "into_my_account", "scan_code_pay", "scan_to_pay", "scan_then_amount", "account_to_follow", "advance_for_me",
        "fee_code_scan", "fee_then_scan",
    }
)
# The pay patterns whose payee is a third person only the writer names (a friend, "this" account, his relative's card):
# whoever the writer says he is, or if he says nothing, the payee is his word alone.
# Round 50: the writer's own personal account asked for a fee (into_my_personal_account) is his word alone as well.
# Round 58: cash handed to whoever the writer sends (cash_handover) is his word alone too.
_FOR_SOMEONE_ELSE = frozenset({"pay_someone_for_me", "into_third_persons_account", "into_my_personal_account", "cash_handover"})
# The credential patterns that enter a code or scan a face where the message says: a finding only where that page is
# no official one (a genuine e-delivery opens its documents with a code; a pension is certified by a face scan).
_ENTERING = frozenset({"enter_code", "face_check", "enter_secret", "secret_on_page"})
# The request patterns answered by replying to the SMS itself (claims.toml reply, reply_with, reply_contact): they go
# back to whoever sent it, whatever number its tag shows.
_REPLIES = frozenset({"reply", "reply_with", "reply_contact"})
_AUTHORITY_KINDS = frozenset({"court", "police", "procuratorate", "legal_service", "government", "antifraud", "regulator"})
_ACCOUNT = precompiled(
    # Not "法院指定账户": the court's own account, named in its formal notice, not one the message gives.
    # Nor the reader's own 医保 / 社保 / 公积金 account ("支持医保个人账户"), as rules.toml reads it.
    r"(?<!法院)(?<!本院)(?<!医保)(?<!社保)(?<!公积金)(?:个人|私人|指定|安全|备用|保护|隔离|专员|专用|专属|监管|核查|清查|审查|清算|备付|过渡|临时|以下|下方|如下|对公|我方|本所)(?:的)?(?:银行)?(?:还款)?"
    # Where money sits, by any of its names (账户, 户头, 收款户, 专户 ...); "美团还款专户" needs no prefix.
    r"(?:账户|帐户|账号|帐号|户头|收款户|收款卡|卡号|银行卡|储蓄卡)|(?<!对方)(?:收款人|户名|开户行|收款账户|收款账号)[:：]|专户"
    # The account the sender hands over ("转到我们给你的账户", "我刚才发您的那个卡号"): not the reader's own. The
    # reader made a third person or left unnamed too (round 28, red team pronoun_dropped: "转到我发给其账户",
    # "我们给的那个账户").
    r"|(?:我们|我|他|她|对方|财务)(?:刚才|刚刚|一会儿?|等下)?(?:给|发|发给|提供给?)(?:(?:你|您)的|其|的)(?:这个|那个)?(?:账户|帐户|账号|帐号|户头|收款户|专户|卡号|银行卡|卡)"
    # An account named for what the money "verifies" or "unfreezes" ("转到我们的验证账户", "评估账户"):
    # no lender, bank or card centre keeps one for its customers' money.
    r"|(?:验证|评估|解冻|冲正|(?<![体检查测考])验资(?![格质历]))(?:的)?(?:账户|帐户|账号|卡)(?!余额|信息|资料|安全|身份|密码|明细)"
    # The caller's own firm's account, named by its desk, as where money goes ("转一笔测试款到我们财务账户",
    # "转入财务部的账户"): a payee of the caller's, not the reader's; not where a payout comes from
    # ("补偿从我们财务账户转到您的卡上"). And an account the caller is about to hand over ("我这边给您
    # 一个退款通道的账号"), named by what it is for (fraud_taxonomy.md A.1 rows 9, 22, 35).
    r"|(?:到|入|进|至|往)(?:我们|我司|我方)?(?:公司|平台)?(?:的)?财务(?:部|处|室)?(?:的)?(?:对公)?(?:账户|帐户|账号)"
    r"|(?:我|我们)(?:这边|这里)?(?:给|发给?)(?:您|你)(?:一个|个)[^。，,!?]{0,8}?(?:账户|帐户|账号|卡号)"
    # A staff member's own account ("转到经理方洁的支付宝", "打到店主微信", "转给人事专员王某的卡"): a person's
    # pocket, not the firm's till (fraud_taxonomy.md A.1 rows 22, 26, 39).
    r"|(?:经理|老板|店主|店长|财务|出纳|专员|业务员|人事|客服|会计|主管|师傅)(?:[\u4e00-\u9fff]{2,3}?)?(?:的)?(?:个人)?(?:支付宝|微信|银行卡|卡)(?![号片]?(?:余额|信息|资料|密码))"
)
_QR = precompiled(r"二维码|扫码|收款码")
# Chat-log turns: a speaker label at the start of a line ("客服：", "A：", "王总：", round 40: "城西派出所-刘警官："), the
# reader's own ("我：").
_TURN = precompiled(r"(?:^|(?<=\n))[ \t]*[^\n:：，,。！？!?]{1,12}[:：]")
# Round 49: a log pasted on one line ("我：要不要开屏幕共享？客服：不用的，…") marks its turns the same way, after the
# end of a sentence or a space: a label of a few characters and its colon.
# A speaker may be named with whom he speaks for in brackets ("客服（工商银行95588）：").
_INLINE_TURN = precompiled(r"(?:(?<=[。！？!?…])|(?<=\s))[ \t]{0,4}[^\s:：，,。！？!?、；;（(]{1,12}(?:[（(][^）)\s，,。]{1,14}[）)])?[:：]")
_OWN_TURN = precompiled(r"[ \t]*[“”「」『』\"＂]*我[“”「」『』\"＂]*[ \t]*[:：]")  # a label in quotation marks too ("“我”：")
_SCHEME = precompiled(r"^[a-z][a-z0-9+.\-]{0,9}://")
_AFTER_HOST = precompiled(r"[/?#:]")
# A meeting app is named by its product name alone as often as not ("下一个小鱼易连", "下载“飞书”").
_APP = precompiled(r"[\"“「《]?([\u4e00-\u9fffa-z0-9]{2,8})[\"”」》]?(?:app|软件|客户端|apk)|小鱼易连|飞书")
# The names of meeting and remote-control apps right before "App" (domain.md 1c row 12), and how far back they are read.
_MEETING_APP = precompiled(r"(?:会议|视讯|瞩目|远程|屏幕共享|共享屏幕)[\u4e00-\u9fffa-z0-9]{0,4}$")
_MEETING_APP_REACH = 10
_MEETING = "meeting_app"  # the owner a meeting app's channel is marked with
_APP_WORD = precompiled(r"(?:app|客户端)(?![a-z])")
# An id of letters and digits right after the word it is sent to (_channels), and the words of the chat or the red packet
# one of them must stand in its sentence.
_ID_SENT_TO = precompiled(r"(?:给|到|至|向)\s?([a-z][a-z0-9_\-]{4,24})(?![a-z0-9_\-.])")
_CHAT_WORDS = ("微信", "wx", "vx", "qq", "红包", "卡密")


def _meeting_apps(norm: Normalized, requests: Sequence[Request], kind: str) -> list[Channel]:
    """The meeting or remote-control apps named in the sentence of a request of `kind` ("在云会议App里充值5000元"): no
    institution's way in (domain.md 1c row 12), so the channel a payment or a credential goes through. Not a channel
    otherwise: a warning that names one ("“飞鸽会议”App被用于共享屏幕诈骗") offers it to nobody."""
    text = norm.text
    found: list[Channel] = []
    for r in requests:
        if r.kind != kind:
            continue
        begin, end = _sentence(text, min(bisect_left(norm.starts, r.evidence.start), len(text) - 1))
        for m in _APP_WORD.finditer(text, begin, end):
            if _MEETING_APP.search(text, max(begin, m.start() - _MEETING_APP_REACH), m.start()) is not None:
                found.append(Channel("app", m.group(), "unknown", _MEETING, False, _span(norm, m.start(), m.end()), m.start()))
    return found


# The reader's own ways in: an institution's app, mobile banking, the counter, "official channels".
# A school's own payment system and finance office are the reader's own way in too (a genuine class
# notice: "请通过学校统一的缴费平台缴纳").
_OWN_CHANNEL = precompiled(
    r"(?:app|客户端|小程序)(?![a-z])|手机银行|掌上银行|掌银|网上银行|网银|官方渠道|官方客服|柜台|营业厅|营业网点|网点|缴费平台|缴费系统|财务室"
)
# The reader's own way in said to be out of use or passed by ("学校那个缴费系统坏了 你先转给我", "这次不走
# 学校平台了", "平台在维护", "我这边网银盾没带"): no way in at all, so the payment asked goes elsewhere (people10).
# Locked or frozen too ("网银锁住了 你先帮我转过去", acq20): the sender's own banking out of use, the reader to
# pay for him (fraud_taxonomy.md A.1 row 30).
_OWN_CHANNEL_DOWN = precompiled(
    r"[^。,!?]{0,6}?(?:坏了|坏掉了|在维护|维护中|关了|关闭了|停了|停用了|用不了|不能用|登不上|这次不收|不收了|在升级|没带|不在身边"
    r"|锁住了|锁了|被锁|冻结了|被冻结)"
)
_OWN_CHANNEL_PASSED = precompiled(r"(?:不走|别走|不用|不通过|绕过|不在)[^。,!?]{0,4}$")
_ENTITY_CHANNELS = frozenset({"phone", "link", "bank_card", "chat"})
_SENTENCE_END = precompiled(r"[。！？!?；;\n]")
_CLAUSE_BREAK = precompiled(r"[，,。！？!?；;\n]")


class Quote(NamedTuple):
    """A quotation on a text the claims read: its words are text[start:end]; `opening` and `closing`
    are where its marks began and ended (the same places where the normaliser dropped the marks)."""

    opening: int
    start: int
    end: int
    closing: int


# The quotations of the texts being read (the normalised text of the message checked, and the texts
# the claims derive from it), set while a message is checked (quoting()); never kept after it.
_QUOTATIONS: ContextVar[tuple[tuple[str, tuple[Quote, ...]], ...]] = ContextVar("quotations", default=())


@contextlib.contextmanager
def _reading_quotes(text: str, quotes: Sequence[Quote]) -> Iterator[None]:
    # Sorted by where they open, so that _quotes() finds those of a part by bisection.
    token = _QUOTATIONS.set((*_QUOTATIONS.get(), (text, tuple(sorted(quotes)))))
    try:
        yield
    finally:
        _QUOTATIONS.reset(token)


@contextlib.contextmanager
def quoting(norm: Normalized) -> Iterator[None]:
    """While the message `norm` is read: its quotations as the normaliser recorded them (it drops the
    marks: issue 8, a mark that splits a word splits nothing), for every reading of reported speech; and
    the white space the paste put between its words (_cue_search)."""
    token = _SPACING.set((norm, {}))
    try:
        with _reading_quotes(norm.text, [Quote(s, s, e, e) for s, e in norm.quotation_spans()]):
            yield
    finally:
        _SPACING.reset(token)


def read_as(norm: Normalized) -> Normalized:
    """The message as every stage reads it (pipeline.check_with, and the model's training): `norm` with a scam it quotes
    and disowns masked (without_disowned_quotations)."""
    with quoting(norm):
        return without_disowned_quotations(norm)


def without_disowned_quotations(norm: Normalized) -> Normalized:
    """The message with the words of every quotation it names as a scam right after them masked (_MASK): "你收到的
    “…登录 icbc-jf.cc 领取”是假的", "“…请点击链接”这类短信别点" (_mentioned, _scam_quote). Such words are the scam the
    message warns of, quoted as evidence; the message does not ask them of the reader, so no rule, no claim and not the
    model reads them (round 34, issue 8: genuine warnings that quote a scam's SMS, its link and its number). What the
    message says outside them is read as ever, so a scam cannot hide there: whatever it asks, through whatever channel,
    stands outside the quotation it disowns. Not where the naming is asked ("“…”是假的吗？") or the writer still asks
    what to do (_asking_victim). The same length as `norm.text`: every offset holds. Read while quoting(norm)."""
    text = norm.text
    quotes = _quotes(text)
    if not quotes or _asking_victim(text):
        return norm
    data = _data()
    masked = [(q.start, q.end) for q in quotes if q.end - q.start >= _MASKED_LEAST and _disowned_quote(text, q, data)]
    if not masked:
        return norm
    return norm._replace(text=_masked(text, masked))


def masked_quotations(text: str, warned: bool) -> str:
    """`text` with the words of every quotation of _MASKED_LEAST characters or more that holds someone else's words
    masked: every one in a warning (`warned`), else one a third person is said to say, one named as a saying after it,
    or a message got ("收到“…”的短信")."""
    data = _data()
    return _masked(
        text,
        [
            (q.start, q.end)
            for q in _quotes(text)
            if q.end - q.start >= _MASKED_LEAST
            and (
                warned
                or _attributed(text, q.opening, data)
                or _mentioned(text, q)
                or _got_before(text, q)
            )
        ],
    )


# Someone made to act by another, before a way in its sentence ("对方让他到…网站", "要求她把验证码发到微信…", "按群主指引下载"):
# the way is the one who asks, told of (the scammer's), not given to the reader. Round 60: the victim a case report names
# by surname and title ("引导陈先生在…注册"), and "要其", the case report's pronoun (_VICTIM_MADE_TO_ACT).
_MADE_TO = precompiled(
    r"(?:让|叫|要求|诱导|引导|指引|指导|教|哄骗?|骗)(?:她|他|其|[\u4e00-\u9fff]某|[\u4e00-\u9fff](?:先生|女士)|老人|市民|用户|客户|家长|学生|受害人|事主|居民)"
    r"|要其|被(?:要求|诱导|引导)|按(?:照)?[^。，,！？!?]{0,8}?(?:指引|指示|要求|指导)"
)


def scammers_way(text: str, quoted: str, at: int) -> bool:
    """Whether the way (number, link, card, chat id) at text[at] is told as the scammer's: inside a quotation of
    someone else's words (`quoted`: masked_quotations()), or after the scammer named (claims.toml negation.scammer)
    or someone made to act by another (_MADE_TO) in its sentence; and no clause after it in its sentence orders the
    reader (claims.toml negation.fresh_imperative) without denying anything."""
    data = _data()
    begin, end = _sentence(text, at)
    # An order later in its sentence that denies nothing gives the way to the reader after all ("骗子的短信里留了一个
    # 0571-…，社保卡请回拨激活"); "…，请大家不要点击" orders nothing through it.
    if any(
        data.fresh_imperative.search(clause) is not None and data.denial.search(clause) is None
        for clause in _CLAUSE_BREAK.split(quoted[at:end])
    ):
        return False
    if quoted[at] == _MASK:
        return True
    before = text[begin:at]
    return _MADE_TO.search(before) is not None or data.scammer.search(before) is not None


def _masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the characters of each [start, end) span masked (_MASK): the same length, every offset holds."""
    # Joined from slices, not a list of characters: a long paste would hold one object per character.
    pieces, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if start < end:
            pieces += [text[at:start], _MASK * (end - start)]
            at = end
    pieces.append(text[at:])
    return "".join(pieces)


# What masked words become (_masked: a disowned quotation's, a retelling's quotations): no pattern's character, and no
# word's.
_MASK = "〇"
# The shortest quotation masked: a two-character name in marks ("“客服”是骗子") is read as one; a number ("显示为“95533”的短信") is masked.
_MASKED_LEAST = 3
# A question in the clause after a quotation ("“…”是假的吗", "“…”是诈骗吧？"): the naming is asked, not said.
_ASKED_AFTER = precompiled(r"[,，\s]{0,2}[^。！!，,；;]{0,16}?(?:吗|吧|么|呢|？|\?)")


def _disowned_quote(text: str, q: Quote, data: _Data) -> bool:
    """Whether the message names the quotation q as the scam's, right after it, and does not ask it; or q is a message
    the writer got ("我妈今天收到一条短信：“…”"), and the writer disposes of that message after it, in words that say
    so of it or of what was done with it ("医保局不会发这种短信", "这个链接是假的", "就删了", "发12321举报了")."""
    if _ASKED_AFTER.match(text, q.closing) is not None:
        return False
    if _mentioned(text, q) or _scam_quote(text, q, data):
        return True
    if not _got_before(text, q):
        return False
    return _DISPOSED.search(text, q.closing) is not None or _LOSS.search(text, q.closing) is not None


# A message got, right before its quoted words ("收到一条短信：", "发来短信说", "收到一条显示为95533的短信："), and how far
# before them.
_GOT_REACH = 24
_GOT_BEFORE_QUOTE = precompiled(
    r"(?:收到|接到|发来|转来|转给我|转发给我|发给我|发了)了?[^。！!？?]{0,16}?(?:短信|信息|消息|通知|微信|链接)?(?:说|称|写着|内容是|是这样的)?[:：]?$"
)


def _got_before(text: str, q: Quote) -> bool:
    """Whether the quotation q is a message someone got, named right before it ("收到一条短信：“…”")."""
    return _GOT_BEFORE_QUOTE.search(text, max(0, q.opening - _GOT_REACH), q.opening) is not None


# What disposes of a message got (_disowned_quote): that message said to be fake or not sent by the body it names; the
# writer who did not act on it, or deleted, blocked or reported it; or the loss it brought, told (_LOSS).
_DISPOSED = precompiled(
    r"(?:这|那|此|该)(?:种|条|类|个|些|样的?)?(?:短信|信息|消息|链接|网址|号码|电话|通知)[^。！!？?]{0,10}?"
    r"(?:是假的|是诈骗|是骗人|是骗子|是钓鱼|别点|不要点|千万别|别信|不要信|不会发|从不发|从来不发|不发|不是)"
    r"|(?:不会|从不|从来不|从未|没有|不)(?:发|发送)(?:过)?(?:这种|这类|这样的|此类|这条)"
    r"|(?:就|直接|已经?|顺手|随手|立马|马上)(?:删了|删除了|删掉了|拉黑了|举报了|拉黑|举报)|已删|已举报|(?:发|打)(?:了)?12321举报"
    r"|(?<![还要])没有?(?:打|点|回|理|加|转|填|扫|信)(?:那个|这个|那|这)?(?:号|电话|链接|码)?(?=[,，。.!！\s]|$)"
)


# The message being read and, once asked for, where the paste had white space between two of its words
# (_cue_search); set while a message is checked (quoting()), never kept after it.
_SPACING: ContextVar[tuple[Normalized, dict[str, tuple[list[int], list[int]] | None]] | None] = ContextVar("spacing", default=None)
_ANY_WHITE = precompiled(r"\s")


def _cue_search(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    """The span of `pattern`'s first match in `text` (the message's normalised text, or a copy of it of the
    same length); where there is none, its first match where the paste parted two words with white space,
    read as a space. Normalising removes such space (a word split by it is one word), yet people type it
    for a comma: in "你别信 移动积分不能换钱" the cue "别信", which must end its clause, ends it there."""
    m = pattern.search(text)
    if m is not None:
        return m.start(), m.end()
    found = _spacing_of(text)
    if found is None:
        return None
    gaps, before = found
    parts: list[str] = []
    last = 0
    for g in gaps:
        parts += (text[last:g], " ")
        last = g
    parts.append(text[last:])
    m = pattern.search("".join(parts))
    return None if m is None else (before[m.start()], before[m.end()])


def _spacing_of(text: str) -> tuple[list[int], list[int]] | None:
    """_gap_map() of the message being read (quoting()), once per message, where `text` is its normalised text or
    a copy of it of the same length; else None."""
    spacing = _SPACING.get()
    if spacing is None or len(spacing[0].text) != len(text):
        return None
    norm, memo = spacing
    if "gaps" not in memo:
        memo["gaps"] = _gap_map(norm)
    return memo["gaps"]


def _paste_gaps(text: str) -> list[int]:
    """Where the paste had white space between two characters of `text` (_spacing_of); else none."""
    found = _spacing_of(text)
    return found[0] if found is not None else []


def _gap_map(norm: Normalized) -> tuple[list[int], list[int]] | None:
    """Where the paste had white space between two characters of the normalised text (the places of the
    second), and, for each place of the text with a space put at each (and its end), how many normalised
    characters stand before it; None: no such place."""
    if _ANY_WHITE.search(norm.original) is None:
        return None
    gaps = sorted(norm.gaps())
    if not gaps:
        return None
    before: list[int] = []
    at = set(gaps)
    for i in range(len(norm.text)):
        if i in at:
            before.append(i)
        before.append(i)
    before.append(len(norm.text))
    return gaps, before


def _recorded(text: str) -> tuple[Quote, ...] | None:
    """The quotations recorded for `text` while a message is read (None: none recorded for it)."""
    for known, quotes in reversed(_QUOTATIONS.get()):
        if known is text or (len(known) == len(text) and known == text):
            return quotes
    return None


def _quotes(text: str, lo: int = 0, hi: int | None = None) -> list[Quote]:
    """The quotations that lie within text[lo:hi]: those recorded for `text` while a message is read
    (quoting()), else those its quotation marks make (a text read on its own, with its marks)."""
    hi = len(text) if hi is None else hi
    quotes = _recorded(text)
    if quotes is not None:
        # Bisected, not filtered: a paste of thousands of quotations asks this once for each (_mentioned).
        first, last = bisect_left(quotes, lo, key=_opening), bisect_left(quotes, hi, key=_opening)
        return [q for q in quotes[first:last] if q.closing <= hi]
    return [Quote(a, a + 1, b, b + 1) for a, b in quotation_pairs(text) if lo <= a and b < hi]


def _opening(q: Quote) -> int:
    return q.opening


def _reading_part(text: str, begin: int, stop: int):
    """While text[begin:stop] is read as a text of its own: the recorded quotations of `text` that open
    in it, placed there (one that runs on past `stop` has its closing beyond the part's end)."""
    quotes = _recorded(text)
    if not quotes:
        return contextlib.nullcontext()
    part = []
    for q in quotes:
        if begin <= q.start < stop and q.opening == q.start:
            closing = q.closing - begin if q.closing <= stop else stop - begin + 1
            part.append(Quote(q.start - begin, q.start - begin, min(q.end, stop) - begin, closing))
    return _reading_quotes(text[begin:stop], part)


@cache
def _reads_marks(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern of claims.toml reads quotation marks (_MarkReading)."""
    return any(mark in pattern.pattern for mark in "“”「」『』")


class _Place(NamedTuple):
    """A match of a _MarkReading, on the text it was asked about."""

    begin: int
    stop: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


class _MarkReading:
    """A pattern of claims.toml that reads quotation marks ("收到自称“…”的短信说", "“客服”让您…"): on a text
    whose marks the normaliser dropped, it reads the text as it is and with the marks of its recorded
    quotations put back (“…”), and answers with the places of both on the text itself, in order (the
    marks put back must not hide what reads the words alone: "接到一个电话，对方「自称」…")."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    @staticmethod
    def _marked(text: str) -> tuple[str, list[int], list[int]] | None:
        """The text with its marks put back, where each mark stands in it, and in `text`."""
        quotes = _recorded(text)
        if not quotes:
            return None
        marks = sorted(
            [(q.start, 1, "“") for q in quotes if q.opening == q.start]
            + [(q.end, 0, "”") for q in quotes if q.closing == q.end]
        )
        pieces, at, shown, placed = [], 0, [], []
        for k, (place, _, mark) in enumerate(marks):
            pieces += [text[at:place], mark]
            at = place
            shown.append(place + k)
            placed.append(place)
        pieces.append(text[at:])
        return "".join(pieces), shown, placed

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str] | _Place]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        marked = self._marked(text)
        if marked is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        view, shown, placed = marked
        lo, hi = pos + bisect_left(placed, pos), endpos + bisect_right(placed, endpos)
        found = {(m.start(), m.end()) for m in self.pattern.finditer(text, pos, endpos)}
        for m in self.pattern.finditer(view, lo, hi):
            found.add((m.start() - bisect_left(shown, m.start()), m.end() - bisect_left(shown, m.end())))
        yield from (_Place(a, b) for a, b in sorted(found))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | _Place | None:
        return next(self.finditer(text, pos, endpos), None)


# What each request can go through.
_BINDS = {
    "pay": ("bank_card", "account", "qr", "link", "chat", "app"),
    "credentials": ("link", "phone", "chat", "app"),
    "screen_share": ("app", "link"),
    "call": ("phone", "app"),
    "chat": ("chat",),
    "click": ("link", "app", "qr"),
    "download": ("link", "app"),
}
REQUEST_KINDS = (*_BINDS, "visit")


class ClaimsDataError(ValueError):
    """data/claims.toml is malformed; the message names the key."""


class Span(NamedTuple):
    """A place in the pasted text; `text` is exactly pasted[start:end]."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


class Claim(NamedTuple):
    kind: str  # "institution" or "person"
    id: str  # an institution id, or boss / relative / friend
    name: str
    evidence: Span

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "name": self.name, "evidence": self.evidence.to_dict()}


class Request(NamedTuple):
    kind: str  # pay, credentials, screen_share, call, chat, click, download, visit
    pattern: str  # the name of the pattern that found it
    evidence: Span
    # Through what, in its own sentence: "official" (only official channels), "unofficial" (some
    # channel that is not), "none" (no channel named: the sender, whoever that is).
    through: str = "none"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "pattern": self.pattern, "through": self.through, "evidence": self.evidence.to_dict()}


class Channel(NamedTuple):
    kind: str  # phone, link, bank_card, account, qr, chat, app, sender
    value: str
    status: str  # official, public, mismatch, unknown
    owner: str  # the institution whose channel it is, if any
    private: bool  # a mobile or overseas number, a chat account, a card: no institution's own
    evidence: Span
    at: int = -1  # where it stands in the normalised text (to bind it to the requests of its sentence)
    # Named by a value of its own (a number, a link, a card, a chat id), not only by the request that
    # asks for it ("加好友", "进群": the chat channel of a request that gives no id).
    named: bool = True

    @property
    def official(self) -> bool:
        return self.status in ("official", "public")

    @property
    def vouched(self) -> bool:
        """Official, or a landline or service number that contradicts no claim (a firm's own line,
        a lender's 400 number): unknown, which proves nothing either way, unlike a private number,
        a card, a chat account or a link of nobody the message claims."""
        return self.official or (self.kind == "phone" and not self.private and self.status == "unknown")

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "value": self.value,
            "status": self.status,
            "owner": self.owner,
            "evidence": self.evidence.to_dict(),
        }


class Finding(NamedTuple):
    """A judgement that fired: a named rule with evidence on the claim and on the channel."""

    id: str
    title: str
    title_en: str
    why: str
    why_en: str
    weight: float
    source: str
    floor: str
    evidence: tuple[Span, ...]
    types: tuple[str, ...] = ()


class Reading(NamedTuple):
    """The message read as claims, requests and channels; `findings` are the judgement's red flags."""

    claims: tuple[Claim, ...]
    requests: tuple[Request, ...]
    channels: tuple[Channel, ...]
    findings: tuple[Finding, ...]
    denial: Span | None
    # A warning that retells a scam, with no unofficial channel of its own (claims.toml [retelling]):
    # its red flags are the scam it describes, not requests made of the reader.
    retelling: bool = False
    # A notice about the reader's own money or account (claims.toml stakes.notice), read outside the
    # clauses that deny it: a card frozen, a loan or a prize offered to "您", a fee to be taken.
    notice: bool = False
    # An official channel of an institution the message does not otherwise name ("如有疑问请致电95588"
    # in a law firm's letter, "请登录支付宝App核实" in a court notice): official for that institution,
    # proof of nothing for this message (issue 8). See _foreign_official.
    foreign: tuple[Channel, ...] = ()
    # The reader's own way in named as the creditor's ("可在委托方官方App内申请协商分期"): a firm's letter
    # sends the reader to the app of the company it collects for, not to one of its own.
    creditors_app: bool = False
    # Every payment asked is a service fee the signing institution states for a service of its own, and every
    # channel is official (claims.toml [fee_kinds], round 25): its tariff, not a fee asked before a payout.
    service_fee: bool = False
    # A word of the reader's own money or account at stake (claims.toml stakes.notice) anywhere in the message,
    # denied or not: a structure term of the model (model.structure_terms). Unlike `notice` it is read in the
    # clauses a denial governs too, so a denial slipped into a scam cannot take it away (issue 8).
    stakes_named: bool = False
    # The writer's own story of a call or a message that asked him (or his family) for money, a code or the screen,
    # judging nothing: no refusal, no word of warning, no check made (claims.toml retelling.unjudged_asked, _unjudged).
    # Nothing says the request is over: rules with `or_unjudged_story` read it as live.
    unjudged_story: bool = False

    @property
    def floor(self) -> str:
        return max((f.floor for f in self.findings), key=LEVELS.index, default="low_risk")

    @property
    def claimed_persons(self) -> frozenset[str]:
        """The persons the message claims to be (boss, landlord ...): rules' patterns with `claimed`."""
        return frozenset(c.id for c in self.claims if c.kind == "person")

    @property
    def request_kinds(self) -> frozenset[str]:
        """The kinds of request the message makes (pay, credentials, call ...): rules with `asks`."""
        return frozenset(r.kind for r in self.requests)

    @property
    def request_kinds_outside(self) -> frozenset[str]:
        """The kinds of request the message makes through a channel that is not official, or none named
        (the sender's own, whoever that is): rules with `asks_outside`."""
        return frozenset(r.kind for r in self.requests if r.through != "official")

    @property
    def finding_ids(self) -> frozenset[str]:
        return frozenset(f.id for f in self.findings)

    @property
    def all_channels_official(self) -> bool:
        return all(c.official for c in self.channels)

    @property
    def lowering_allowed(self) -> bool:
        """Lowering rules and warning cues count only where everything asked goes through official
        channels, or nothing is asked (issue 8, point 2). Each request is judged by the channels of
        its own sentence, so an official number added elsewhere cannot vouch for it; a firm's own
        landline proves nothing either way, and neither blocks lowering nor vouches for a request.
        Another institution's official number or app, which the message does not otherwise name,
        vouches for nothing and blocks lowering (issue 8: a mismatched channel is said so)."""
        if self.findings or self.foreign or not all(c.vouched for c in self.channels):
            return False
        return all(r.through == "official" for r in self.requests)

    @property
    def own_way(self) -> bool:
        """Whether the message gives an unofficial way of its own to reach anyone: a number, link, card or
        chat id that is not official (a private or unknown one)."""
        return any(c.kind in _ENTITY_CHANNELS and not c.official for c in self.channels)

    @property
    def named_ways(self) -> tuple[Channel, ...]:
        """The unofficial numbers, links, cards and chat ids the message names (not a chat asked for without an id,
        "加好友"): each must be told as the scammer's for the told reader to be asked (pipeline._told_views)."""
        return tuple(c for c in self.channels if c.kind in _ENTITY_CHANNELS and not c.official and c.named)

    @property
    def own_official_channel(self) -> bool:
        """Whether the message names an official channel of its own: a confirmed number or site, or a
        public line, that is no other institution's (`foreign`); the reader's own way in named without
        its owner ("以官方App显示为准", "官方渠道", "营业厅") only where it claims an institution the reader has
        such a way into (_OWN_WAY_IN_KINDS), or names it as the creditor's (`creditors_app`).
        A lowering sign that vouches for channels needs one beside a red flag (hole14, issue 8)."""
        by_id = _institutions_by_id()
        way_in = self.creditors_app or any(c.kind == "institution" and by_id[c.id].kind in _OWN_WAY_IN_KINDS for c in self.claims)
        return any(c.official and c not in self.foreign and (c.kind != "app" or way_in) for c in self.channels)

    @property
    def warning_notice(self) -> bool:
        """A warning that asks for no money, data or contact except through official channels: its
        denial counts anywhere in it."""
        # "请下载国家反诈中心App" asks through an official channel, like "拨打96110".
        asks = any(r.kind in _ASKS_WITHOUT_CHANNEL and r.through != "official" for r in self.requests)
        return self.denial is not None and self.lowering_allowed and self.all_channels_official and not asks

    @property
    def mismatched_values(self) -> frozenset[str]:
        """The mismatched channels a channel_mismatch finding names: pasted numbers, link hosts."""
        if "channel_mismatch" not in self.finding_ids:
            return frozenset()
        found = set()
        for c in self.channels:
            if c.status == "mismatch":
                found.add(c.evidence.text if c.kind == "phone" else _AFTER_HOST.split(_SCHEME.sub("", c.value), maxsplit=1)[0])
        return frozenset(found)

    def to_dict(self) -> dict:
        return {
            "claims": [c.to_dict() for c in self.claims],
            "requests": [r.to_dict() for r in self.requests],
            "channels": [c.to_dict() for c in self.channels],
            "floor": self.floor,
        }


# The bodies whose app, counter or site the reader has a way into of their own (institutions.toml
# `kind`): a bank, a platform, a lender, a carrier, a utility, a government service, a court. Not a law
# firm, a "legal service", the police or a courier, whose "official app" a message leaves nameless.
_OWN_WAY_IN_KINDS = frozenset({"bank", "platform", "lender", "carrier", "utility", "government", "court", "regulator"})


class _Data(NamedTuple):
    # kind, pattern name, pattern, its triggers (patterns.required_characters)
    requests: tuple[tuple[str, str, re.Pattern[str], frozenset[str] | None], ...]
    learned_to_reader: re.Pattern[str]
    learned_not_asked: re.Pattern[str]
    learned_made_to: re.Pattern[str]
    fillers: re.Pattern[str]
    governing: re.Pattern[str]
    governing_inside: re.Pattern[str]
    governing_fee: re.Pattern[str]
    governing_label: re.Pattern[str]
    after: re.Pattern[str]
    topic: re.Pattern[str]
    named_words: re.Pattern[str]
    named_words_core: re.Pattern[str]  # what every match of named_words holds
    pressure: re.Pattern[str]
    fresh_imperative: re.Pattern[str]
    scammer_relays: re.Pattern[str]
    paid_after: re.Pattern[str]
    paid_by_writer: re.Pattern[str]
    pays_later: re.Pattern[str]
    paid_done: re.Pattern[str]
    held_deposit: re.Pattern[str]
    clause_end: re.Pattern[str]
    statement_opens: re.Pattern[str]
    scammer: re.Pattern[str]
    received: _MarkReading
    pending: re.Pattern[str]
    narrator: _MarkReading
    story_narrator: re.Pattern[str]
    steps: re.Pattern[str]
    taken_apart: re.Pattern[str]
    received_said: re.Pattern[str]
    story_refused: re.Pattern[str]
    story_pending: re.Pattern[str]
    story_unjudged_asked: re.Pattern[str]
    story_judged: re.Pattern[str]
    scam_named: re.Pattern[str]
    third_person: _MarkReading
    first_person: re.Pattern[str]
    sayings: re.Pattern[str]
    sayings_closed: re.Pattern[str]
    steps_heading: re.Pattern[str]
    disowned_heading: re.Pattern[str]
    keyword_list: re.Pattern[str]
    steps_marker: re.Pattern[str]
    scenario_opens: re.Pattern[str]
    generic_rule: re.Pattern[str]
    scenario_asker: re.Pattern[str]
    scenario_advice: re.Pattern[str]
    retold_channel_frame: re.Pattern[str]
    retold_channel_denied: re.Pattern[str]
    retold_quote_frame: re.Pattern[str]
    denial: re.Pattern[str]
    stance: re.Pattern[str]
    retelling_frame: re.Pattern[str]
    on_site: re.Pattern[str]
    firm_account: re.Pattern[str]
    firm_deal: re.Pattern[str]
    firm_not_a_deal: re.Pattern[str]
    firm_fee_denied: re.Pattern[str]
    firm_terms: re.Pattern[str]
    persons: tuple[tuple[str, re.Pattern[str]], ...]
    stakes: re.Pattern[str]
    offered_term: re.Pattern[str]
    notice: re.Pattern[str]
    threat: re.Pattern[str]
    hook: re.Pattern[str]
    pitch: re.Pattern[str]
    benefits: re.Pattern[str]
    prize: re.Pattern[str]
    flight: re.Pattern[str]
    details_by_reply: re.Pattern[str]
    link_by_reply: re.Pattern[str]
    details_topic: re.Pattern[str]
    reply_for_contact: re.Pattern[str]
    reply_threat: re.Pattern[str]
    means_after: re.Pattern[str]
    means_before: re.Pattern[str]
    means_thing: re.Pattern[str]
    means_reader: re.Pattern[str]
    means_partner: re.Pattern[str]
    fee_service: re.Pattern[str]
    fee_for_service: re.Pattern[str]
    fee_before_payout: re.Pattern[str]
    benefit_received: re.Pattern[str]
    unseen_task: re.Pattern[str]
    unseen_ended: re.Pattern[str]
    unseen_labelled: re.Pattern[str]
    unseen_pointed: re.Pattern[str]
    unseen_look_pointed: re.Pattern[str]
    unseen_bare: re.Pattern[str]
    unseen_bare_ended: re.Pattern[str]
    unseen_platform: re.Pattern[str]
    unseen_alone: re.Pattern[str]
    unseen_alone_pointed: re.Pattern[str]
    unseen_disowned: re.Pattern[str]
    judgements: dict[str, dict]


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return precompiled(pattern)
    except re.error as exc:
        raise ClaimsDataError(f"{CLAIMS_FILE}: {where}: bad pattern: {exc}") from None


_CLASS_REF = precompiled(r"\{\{([a-z_]+)\}\}")


def _expand(pattern: str, classes: dict[str, str], where: str) -> str:
    """The pattern with each {{name}} replaced by the word class claims.toml [classes] names, as a
    group: a request is written once as verb class x object class, not once per wording."""

    def word_class(m: re.Match[str]) -> str:
        if m.group(1) not in classes:
            raise ClaimsDataError(f"{CLAIMS_FILE}: {where}: unknown word class {{{{{m.group(1)}}}}}")
        # A class may name another ({{code}} holds {{code_name}}), never itself.
        inner = {name: words for name, words in classes.items() if name != m.group(1)}
        return f"(?:{_expand(classes[m.group(1)], inner, where)})"

    return _CLASS_REF.sub(word_class, pattern)


def judgements() -> dict[str, dict]:
    """The judgement's named rules (data/claims.toml [[judgement]]), by id."""
    return _data().judgements


def parse_data(raw: str | dict) -> _Data:
    """claims.toml's text, or its data, validated."""
    data = raw if isinstance(raw, dict) else datafile.loads(raw)
    for key in ("requests", "learned", "spoken", "negation", "denial", "retelling", "channels", "persons", "stakes", "benefits", "means", "fee_kinds", "judgement"):
        if key not in data:
            raise ClaimsDataError(f"{CLAIMS_FILE}: missing [{key}]")
    classes = data.get("classes", {})
    requests = tuple(
        (kind, name, _compile(expanded, f"requests.{kind}.{name}"), triggers(expanded))
        for kind, patterns in data["requests"].items()
        for name, pattern in patterns.items()
        for expanded in (_expand(pattern, classes, f"requests.{kind}.{name}"),)
    )
    negation = data["negation"]
    judgements = {}
    for item in data["judgement"]:
        for key in ("id", "title", "title_en", "why", "why_en", "weight", "floor", "source"):
            if key not in item:
                raise ClaimsDataError(f"{CLAIMS_FILE}: judgement {item.get('id', '?')}: missing {key}")
        if item["floor"] not in LEVELS:
            raise ClaimsDataError(f"{CLAIMS_FILE}: judgement {item['id']}: floor must be one of {LEVELS}")
        if "title_sender" in item:
            for key in ("title_sender_en", "why_sender", "why_sender_en", "source_sender", "types_sender"):
                if key not in item:
                    raise ClaimsDataError(f"{CLAIMS_FILE}: judgement {item['id']}: title_sender without {key}")
        judgements[item["id"]] = item
    return _Data(
        requests=requests,
        learned_to_reader=_compile(data["learned"]["to_reader"], "learned.to_reader"),
        learned_not_asked=_compile(data["learned"]["not_asked"], "learned.not_asked"),
        learned_made_to=_compile(data["learned"]["made_to"], "learned.made_to"),
        fillers=_compile(f"(?:{data['spoken']['fillers']})", "spoken.fillers"),
        governing=_compile("|".join(negation["governing"]), "negation.governing"),
        governing_inside=_compile("|".join(negation["governing_inside"]), "negation.governing_inside"),
        governing_fee=_compile("|".join(negation["governing_fee"]), "negation.governing_fee"),
        governing_label=_compile(negation["governing_label"], "negation.governing_label"),
        after=_compile("|".join(negation["after"]), "negation.after"),
        topic=_compile(negation["topic"], "negation.topic"),
        named_words=_compile(negation["named_words"], "negation.named_words"),
        named_words_core=_compile(negation["named_words_core"], "negation.named_words_core"),
        pressure=_compile(negation["pressure"], "negation.pressure"),
        fresh_imperative=_compile(negation["fresh_imperative"], "negation.fresh_imperative"),
        scammer_relays=_compile(negation["scammer_relays"], "negation.scammer_relays"),
        paid_after=_compile(negation["paid_after"], "negation.paid_after"),
        paid_by_writer=_compile(negation["paid_by_writer"], "negation.paid_by_writer"),
        pays_later=_compile(negation["pays_later"], "negation.pays_later"),
        paid_done=_compile(negation["paid_done"], "negation.paid_done"),
        held_deposit=_compile(negation["held_deposit"], "negation.held_deposit"),
        clause_end=_compile(negation["clause_end"], "negation.clause_end"),
        statement_opens=_compile(negation["statement_opens"], "negation.statement_opens"),
        scammer=_compile(negation["scammer"], "negation.scammer"),
        received=_MarkReading(_compile(negation["received"], "negation.received")),
        pending=_compile(negation["pending"], "negation.pending"),
        narrator=_MarkReading(_compile(negation["narrator"], "negation.narrator")),
        story_narrator=_compile(negation["story_narrator"], "negation.story_narrator"),
        steps=_compile(negation["steps"], "negation.steps"),
        taken_apart=_compile(data["retelling"]["taken_apart"], "retelling.taken_apart"),
        received_said=_compile(data["retelling"]["received_said"], "retelling.received_said"),
        denial=_compile(_expand(data["denial"]["cue"], classes, "denial.cue"), "denial.cue"),
        stance=_compile(data["denial"]["stance"], "denial.stance"),
        retelling_frame=_compile(data["retelling"]["frame"], "retelling.frame"),
        story_refused=_compile(_expand(data["retelling"]["refused"], classes, "retelling.refused"), "retelling.refused"),
        story_pending=_compile(data["retelling"]["pending"], "retelling.pending"),
        story_unjudged_asked=_compile(data["retelling"]["unjudged_asked"], "retelling.unjudged_asked"),
        story_judged=_compile(data["retelling"]["judged"], "retelling.judged"),
        scam_named=_compile(data["retelling"]["scam_named"], "retelling.scam_named"),
        third_person=_MarkReading(_compile(data["retelling"]["third_person"], "retelling.third_person")),
        first_person=_compile(data["retelling"]["first_person"], "retelling.first_person"),
        sayings=_compile(data["retelling"]["sayings"], "retelling.sayings"),
        sayings_closed=_compile(data["retelling"]["sayings_closed"], "retelling.sayings_closed"),
        steps_heading=_compile(data["retelling"]["steps_heading"], "retelling.steps_heading"),
        disowned_heading=_compile(_expand(data["retelling"]["disowned_heading"], classes, "retelling.disowned_heading"), "retelling.disowned_heading"),
        keyword_list=_compile(data["retelling"]["keyword_list"], "retelling.keyword_list"),
        steps_marker=_compile(data["retelling"]["steps_marker"], "retelling.steps_marker"),
        scenario_opens=_compile(data["retelling"]["scenario_opens"], "retelling.scenario_opens"),
        generic_rule=_compile(data["retelling"]["generic_rule"], "retelling.generic_rule"),
        scenario_asker=_compile(data["retelling"]["scenario_asker"], "retelling.scenario_asker"),
        scenario_advice=_compile(data["retelling"]["scenario_advice"], "retelling.scenario_advice"),
        retold_channel_frame=_compile(data["retelling"]["retold_channel_frame"], "retelling.retold_channel_frame"),
        retold_channel_denied=_compile(data["retelling"]["retold_channel_denied"], "retelling.retold_channel_denied"),
        retold_quote_frame=_compile(data["retelling"]["retold_quote_frame"], "retelling.retold_quote_frame"),
        on_site=_compile(data["channels"]["on_site"], "channels.on_site"),
        firm_account=_compile(data["channels"]["firm_account"], "channels.firm_account"),
        firm_deal=_compile(data["channels"]["firm_deal"], "channels.firm_deal"),
        firm_not_a_deal=_compile(data["channels"]["firm_not_a_deal"], "channels.firm_not_a_deal"),
        firm_fee_denied=_compile(data["channels"]["firm_fee_denied"], "channels.firm_fee_denied"),
        firm_terms=_compile(data["channels"]["firm_terms"], "channels.firm_terms"),
        unseen_task=_compile(_expand(data["channels"]["unseen_task"], classes, "channels.unseen_task"), "channels.unseen_task"),
        unseen_ended=_compile(_expand(data["channels"]["unseen_ended"], classes, "channels.unseen_ended"), "channels.unseen_ended"),
        unseen_labelled=_compile(_expand(data["channels"]["unseen_labelled"], classes, "channels.unseen_labelled"), "channels.unseen_labelled"),
        unseen_pointed=_compile(_expand(data["channels"]["unseen_pointed"], classes, "channels.unseen_pointed"), "channels.unseen_pointed"),
        unseen_look_pointed=_compile(
            _expand(data["channels"]["unseen_look_pointed"], classes, "channels.unseen_look_pointed"), "channels.unseen_look_pointed"
        ),
        unseen_bare=_compile(_expand(data["channels"]["unseen_bare"], classes, "channels.unseen_bare"), "channels.unseen_bare"),
        unseen_bare_ended=_compile(_expand(data["channels"]["unseen_bare_ended"], classes, "channels.unseen_bare_ended"), "channels.unseen_bare_ended"),
        unseen_platform=_compile(data["channels"]["unseen_platform"], "channels.unseen_platform"),
        unseen_alone=_compile(_expand(data["channels"]["unseen_alone"], classes, "channels.unseen_alone"), "channels.unseen_alone"),
        unseen_alone_pointed=_compile(data["channels"]["unseen_alone_pointed"], "channels.unseen_alone_pointed"),
        unseen_disowned=_compile(data["channels"]["unseen_disowned"], "channels.unseen_disowned"),
        persons=tuple((name, _compile(p, f"persons.{name}")) for name, p in data["persons"].items()),
        stakes=_compile(data["stakes"]["words"], "stakes.words"),
        offered_term=_compile(data["stakes"]["offered_term"], "stakes.offered_term"),
        notice=_compile(data["stakes"]["notice"], "stakes.notice"),
        threat=_compile(data["stakes"]["threat"], "stakes.threat"),
        hook=_compile(data["stakes"]["hook"], "stakes.hook"),
        pitch=_compile(data["stakes"]["pitch"], "stakes.pitch"),
        benefits=_compile(data["benefits"]["words"], "benefits.words"),
        prize=_compile(data["benefits"]["prize"], "benefits.prize"),
        flight=_compile(data["benefits"]["flight"], "benefits.flight"),
        details_by_reply=_compile(data["benefits"]["details_by_reply"], "benefits.details_by_reply"),
        link_by_reply=_compile(data["benefits"]["link_by_reply"], "benefits.link_by_reply"),
        details_topic=_compile(data["benefits"]["details_topic"], "benefits.details_topic"),
        reply_for_contact=_compile(data["benefits"]["reply_for_contact"], "benefits.reply_for_contact"),
        reply_threat=_compile(data["benefits"]["reply_threat"], "benefits.reply_threat"),
        means_after=_compile(data["means"]["after"], "means.after"),
        means_before=_compile(data["means"]["before"], "means.before"),
        means_thing=_compile(data["means"]["thing"], "means.thing"),
        means_reader=_compile(data["means"]["reader"], "means.reader"),
        fee_service=_compile(data["fee_kinds"]["service"], "fee_kinds.service"),
        fee_for_service=_compile(data["fee_kinds"]["for_service"], "fee_kinds.for_service"),
        fee_before_payout=_compile(data["fee_kinds"]["before_payout"], "fee_kinds.before_payout"),
        means_partner=_compile(data["means"]["partner"], "means.partner"),
        benefit_received=_compile(data["benefits"]["received"], "benefits.received"),
        judgements=judgements,
    )


@lru_cache(maxsize=1)
def _data() -> _Data:
    return parse_data(datafile.load(CLAIMS_FILE))


# --- reading ---------------------------------------------------------------------------------------


def _span(norm: Normalized, start: int, end: int) -> Span:
    s, e = norm.span(start, end)
    return Span(s, e, norm.original[s:e])


def _entity_span(entity: Entity) -> Span:
    return Span(entity.start, entity.end, entity.text)


def _clause_start(text: str, start: int, data: _Data) -> int:
    cut = max(0, start - 40)
    ends = list(data.clause_end.finditer(text, cut, start))
    return ends[-1].end() if ends else cut


def own_turn(norm: Normalized, start: int, end: int) -> bool:
    """Whether normalised [start, end) stands wholly in the reader's own turn of a chat log the reader
    pastes ("我：要交解冻费吗" on its own line between "客服：…" lines, or on one line after a sentence's
    end: "…？我：要交解冻费吗？客服：不用"): the reader's words, not a request made of the reader. Read on
    the paste, whose line breaks and spaces normalising removes; only in a log that has another
    speaker's turn too, so a message with no turns of others is read as it is. A match that runs on
    into the next speaker's line or label is that speaker's as much as the reader's."""
    original = norm.original
    if not 0 <= start < end <= len(norm.text) or not ("\n" in original or _OWN_TURN.search(original)):
        return False
    labels = sorted({m.start(): m for m in (*_TURN.finditer(original), *_INLINE_TURN.finditer(original))}.items())
    if not any(not _OWN_TURN.match(m.group()) for _, m in labels):
        return False  # no turn of anyone else: not a log
    at = norm.offsets.start(start)
    last = norm.offsets.end(end - 1)
    line_end = original.find("\n", at)
    if line_end != -1 and last > line_end:
        return False
    opening = [m for k, m in labels if k <= at]
    if not opening or not _OWN_TURN.match(opening[-1].group()) or opening[-1].end() > at:
        return False
    if opening[-1].start() < original.rfind("\n", 0, at):
        return False  # the label stands on an earlier line
    # Up to the next speaker's label: a match that runs on into it is that speaker's as much as the reader's.
    return not any(at < k < last for k, _ in labels)


def _reported(
    text: str,
    start: int,
    data: _Data,
    narrated: bool = False,
    quoted: bool = True,
    story: bool = False,
    warned: bool | None = None,
    end: int | None = None,
) -> bool:
    """Whether the request is reported speech: inside quotation marks ("对方会说“请转账到安全账户”"),
    or in a sentence whose subject is the scammer ("骗子常以…为由，要求您下载会议软件"); with
    `narrated`, also one whose subject is "对方" or a pronoun that "will" do it ("他会让您…"); with
    `story` too, the narration of a story told as a warning ("他说要加他的企业微信").
    Quotation marks report speech only where the message reads as a warning (`warned`; None: read
    from the text, _warns) or where a third person the sentence names says the quoted words ("骗子会说
    “…”", _attributed): anyone can put quotation marks around his own request (issue 8, red team
    quotes), and a quotation is a lowering like any other. With `warned` None (the message gives no
    unofficial channel of its own), also where anyone but the writer says them ("领导加您好友后说“…”")
    or the words are named as a saying after their marks ("“…”是诈骗短信", "“…”等说法", _mentioned);
    with `warned` False (it gives one), only where a third person the sentence names says them. `end`: where the
    request ends, when the caller has it: a request to the writer himself ("验证码报给我", "先转我") is no case's narration."""
    # Round 33: not the words a victim still asking what to do quotes ("发短信给我：“爸…先转五千到这个卡上”。…怎么办？"):
    # they are asked of the one who pastes them, as a request retold in his story is (negation.pending).
    if quoted and not _asking_victim(text):
        for q in _quotes(text, max(0, start - 80), min(len(text), start + 80)):
            if q.start <= start < q.end and _reports_speech(text, q, data, warned):
                return True
    if _in_sayings(text, start, data) or _in_disowned_list(text, start, data) or _in_keyword_list(text, start, data):
        return True  # a list of the scam's sayings that a warning gives (notice14)
    if narrated and (_in_steps(text, start, data) or _in_scenario(text, start, data)):
        return True  # the steps a warning enumerates, or the scenario it advises on (notice19)
    begin = _stretch_start(_SENTENCE_END, text, start, 80)
    if narrated and not (end is not None and _to_writer(text, start, end)) and _case_told(text, start, start if end is None else end, begin, data):
        # The narration of a case a warning reports, the victim's loss told after (case21). Not a request made to the
        # writer outside quotation marks (round 26, red team narrated_loss: "【案例】一名用户…会收到一条验证码 报给我…"):
        # a case tells what the scammer asked of the victim, in the third person ("让其报出验证码").
        return True
    if end is not None and _to_writer(text, start, end, _HANDED_TO_WRITER):
        # Round 65 (the grid's ninth blind batch, dev half): nor, outside quotation marks, is a code or money to be handed to
        # the writer himself ("…您的银行卡被不法分子用于电信诈骗资金转移，验证码发我一下"): a case names the scammer before his
        # demand only in the third person ("让其报出验证码"), as above. Not a contact ("有人加我微信说…"), which a story tells
        # as a deed done to the writer.
        return False
    with _reading_part(text, begin, start):
        return _reported_in(text, begin, start, data, narrated, story)


# A request made to the writer himself: given, sent, told or transferred to 我 ("报给我", "转我", "加我", "发我"); lent to
# him or paid into his family's card (round 28, red team narrated_loss: "借我211000元", "打到我老婆卡上").
_TO_WRITER = precompiled(r"(?:给|转|加|发|报|告诉|联系|找|借|(?:打|转|汇|存)到)我(?![们的行司局院所])")
# 被 before the one who did it: "被不法分子", "被一些骗子".
_PASSIVE_AGENT = precompiled(r"被(?:一些|某些|境外)?$")
# Of them, what hands a code or money to him ("发我", "报我", "转我", "打到我…").
_HANDED_TO_WRITER = precompiled(r"(?:转|发|报|借|(?:打|转|汇|存)到)我(?![们的行司局院所])")


def _to_writer(text: str, start: int, end: int, to_writer: re.Pattern[str] = _TO_WRITER) -> bool:
    """Whether the request text[start:end + 1] is made to the writer himself outside quotation marks (a quoted "打到我爱人卡上"
    is the scammer's, in a case the warning tells)."""
    quotes = _quotes(text, max(0, start - 80), min(len(text), end + 80))
    return _unquoted((m.start() for m in to_writer.finditer(text, start, end + 1)), quotes)


def _unquoted(places: Iterable[int], quotes: Sequence[Quote]) -> bool:
    """Whether any of the places stands outside every one of the quotations."""
    return any(not any(q.start <= k < q.end for q in quotes) for k in places)


def _reported_in(text: str, begin: int, start: int, data: _Data, narrated: bool, story: bool) -> bool:
    """_reported() in the sentence text[begin:start], before the request, read as a text of its own."""
    sentence = text[begin:start]
    # The last mention of the scammer decides: an imperative after it is addressed to the reader.
    cue: re.Match[str] | _Place | None = None
    for match in data.scammer.finditer(sentence):
        # Round 65 (the grid's ninth blind batch, dev half): not the agent of a passive ("您的银行卡被不法分子用于电信诈骗资金
        # 转移"): a deed done to the reader's account, as a fake officer tells it, not a scammer who speaks.
        if _PASSIVE_AGENT.search(sentence, max(0, match.start() - 3), match.start()) is None:
            cue = match
    scammer_cue = cue
    # A message the writer got and passes on, or a caller retold ("对方让她…"), unless the writer is
    # still acting on it (a victim's pending story: the request is the reader's own, whatever warning
    # is put before it). A story told as a warning tells how it ended (a refusal, no question of what to
    # do): what the writer had done by then ("我都下载好了，突然想起来…他马上挂了") is no longer pending.
    pending = (_pending(text) or _asking_victim(text)) and not story
    if not pending and data.received.search(sentence):
        for got in data.received.finditer(sentence):
            if cue is None or got.start() > cue.start():
                cue = got
    if narrated and not pending:
        for narrator in (data.narrator, data.steps, data.story_narrator) if story else (data.narrator, data.steps):
            for told in narrator.finditer(sentence):
                if cue is None or told.start() > cue.start():
                    cue = told
        if story:
            # The story's narration may hold the request's own verb ("有人加我微信说是我表哥": someone
            # added the writer, a deed told, not "加我微信" asked): a narrator that starts before the
            # request and runs into it (personal14).
            reach = text[begin : start + _NARRATION_INTO]
            for match in data.story_narrator.finditer(reach):
                if match.start() < len(sentence) < match.end() and (cue is None or match.start() > cue.start()):
                    cue = match
    if cue is None:
        return False
    # A list of the scam's sayings closed by 等话术 after the cue holds the scam's urging words, not the
    # reader's ("骗子惯用 内幕消息 马上涨停 等话术拉人进群", notice14): fresh imperatives count after it.
    fresh_from = max((m.end() for m in data.sayings_closed.finditer(sentence, cue.end())), default=cue.end())
    if data.fresh_imperative.search(sentence, fresh_from) is not None:
        return False
    # Round 34: nor once the writer speaks again as the subject, outside quotation marks ("有骗子盗刷您的卡，您别挂电话，我
    # 一步步教您把钱转到保护卡里"): what he asks after is his own. Not 我 as what the scammer did to him ("让我", "说我").
    if _unquoted((fresh_from + m.start() for m in _WRITER_RESUMES.finditer(sentence[fresh_from:])), _quotes(sentence)):
        return False
    # Round 65 (the grid's ninth blind batch, dev half): the scammer named as the one who did a deed, with no word of his
    # relaying anything after it ("有人冒用您的身份证在浙江开设了银行账户，涉案资金流水巨大，验证码发我一下": a fake officer's
    # account of the case, then his own demand). A warning retells the demand through his saying or making you do it
    # ("骗子冒充客服，说…", "…，让您下载…", "以退款为由，诱导您…"), before the demand or after it.
    if cue is scammer_cue:
        # To the end of the request's sentence: the saying may come after the deed ("有人用老板的头像加我QQ，说在开会…").
        stop = _SENTENCE_END.search(text, start)
        if not data.scammer_relays.search(text, begin + cue.start(), stop.start() if stop else len(text)):
            return False
    # "以下是骗子常用的话术：…" opens a block with a colon: what follows is the scam itself, read as
    # quoted only in quotation marks (above), never by the subject before the colon.
    return not _BLOCK_OPENS.search(sentence, cue.end())


# The writer as the subject of what follows (_reported_in): 我, not as the object or the possessive of a scammer's deed or
# words ("让我", "说我", "骗我", "给我打电话"), nor the sender's office ("我行", "我们"); and doing something ("我一步步教您",
# "我来帮您", "我这边给您").
_WRITER_RESUMES = precompiled(
    r"(?<![让叫要骗给找问诉跟对和向被把说称喊拉加催逼求])我(?![们行司院局所市区县省校的])(?:来|会|先|再|这边|马上|现在|可以|一步步|一步一步|帮|给|教|带)"
)
_BLOCK_OPENS = precompiled("[:：]")
# A verb of saying right before a quotation ("骗子会说“…”", "对方称：“…”", "短信里写着「…」", "对方承诺“…”").
_SAYS_BEFORE_QUOTE = precompiled(
    r"(?:说|称|讲|问|道|声称|表示|写着?|告诉(?:您|你|我|他|她)|喊|承诺|许诺|(?P<passive>被(?:告知|要求|提示|通知)))[:：，,]?\s*$"
)


# Between two quotations in a row ("有人说“私下转账更便宜”“加我微信给你优惠”", "“…”、“…”等说法"): said by
# the same speaker, named as sayings together.
_BETWEEN_QUOTES = "、，,和或及与"
# The writer, or the sender's own body, as the subject of a verb of saying ("我说", "本院提示").
_WRITER = precompiled(r"我|咱|本(?:所|院|局|司|行|中心|公司|平台)")
# What names quoted words as a saying, after their marks ("“…”是诈骗短信", "“…”之类的短信", "“…”等说法",
# "“…”是假冒税务短信", "“…”都是套路", "“…”。这是假的！").
_NAMED_AFTER_QUOTE = precompiled(
    r"(?:(?:等|之类的?|这类|这样的|这种|一类的?)(?:的)?(?:说法|话术|字眼|套路|理由|借口)"
    r"|的?(?:说法|话术|字眼)"
    r"|(?:的(?:短信|信息|消息|电话|来电))?[,，。!！—\-－\s]{0,3}(?:这|这条|此|该|以上|上述)?(?:短信|信息|消息|链接|网址)?"
    r"(?:经查|经核实|经核查|实为|实际上?|其实)?(?:都|均|就|皆|全)?(?:是|为|属于?|系)"
    r"(?:典型的?|常见的?|一种)?(?:[\u4e00-\u9fff]{0,4}?(?:诈骗|骗局)|骗子|虚假|谣言|假的|假冒|冒充|仿冒|钓鱼|套路|陷阱))"
    # Disowned by the body it names ("”并非我行短信", "”不是我们发的", "”，这不是业主通知"), or the reader told not
    # to act on it ("”——不要回拨！").
    # Round 43: in one character too ("”非我行短信").
    r"|[,，。!！—\-－\s]{0,3}(?:这|这条|此|该)?(?:短信|信息|消息)?(?:并非|不是|非)(?:我行|我们|本行|我公司|本公司|我中心|本中心|官方|业主|我局|本局|本院|我院)"
    r"|[,，。!！—\-－\s]{0,3}(?:不要|切勿|请勿|千万别|千万不要|别)(?:回拨|回电|点击|点开|理会|相信|回复|扫码)"
    # Round 34: the kind of message named, then the reader told not to open it ("”的短信别点", "”这条别点啊").
    r"|(?:的|这条|那条)?(?:短信|信息|消息|链接)?[,，]?(?:不要|千万别|千万不要|别)点(?=[,，。.!！啊哦呀\s]|$)"
)


def _attributed(text: str, opening: int, data: _Data, loose: bool = False) -> bool:
    """Whether the quotation opening at text[opening] holds the words of a third person its own sentence
    names before it ("骗子会说“…”", "对方称：“…”", "有人给我发短信说「…」"): a verb of saying right
    before the marks, and the scammer, a third person or a message received named before that; `loose`,
    anyone but the writer ("领导加您好友后说“…”", "如有“老师”在群里说“…”"). A quotation right after
    another is said by whoever said that one."""
    begin = _stretch_start(_SENTENCE_END, text, opening, 80)
    quotes = _quotes(text, begin, opening)
    for _ in range(4):  # a few quotations in a row at most
        if _SAYS_BEFORE_QUOTE.search(text[begin:opening]) is not None:
            break  # "…「后说」“…”": the verb of saying right before this one, whatever quotation it is in
        previous = _quote_before(text, quotes, opening)
        if previous is None:
            break
        opening = previous.opening
    before = text[begin:opening]
    says = _SAYS_BEFORE_QUOTE.search(before)
    if says is None:
        return False
    if loose:
        return _WRITER.search(before, 0, says.start()) is None
    if says.group("passive") and _SECOND_PERSON.search(before, 0, says.start()) is None:
        # Round 56 (dev half): told to someone by someone else ("小林付款后被告知“账户冻结需交解冻费”"): the words are
        # another's, said to the one the sentence tells of; not to the reader ("您被告知…").
        return True
    if data.scammer.search(before, 0, says.start() + 1) is not None:
        return True
    with _reading_part(text, begin, opening):
        return any(p.search(before, 0, says.start() + 1) is not None for p in (data.third_person, data.received))


def _quote_before(text: str, quotes: Sequence[Quote], opening: int) -> Quote | None:
    """The quotation that closes right before `opening`, or one character before it that stands
    between two quotations (、 ， 和 …)."""
    for q in quotes:
        if q.closing == opening or (q.closing == opening - 1 and text[q.closing] in _BETWEEN_QUOTES):
            return q
    return None


def _reports_speech(text: str, q: Quote, data: _Data, warned: bool | None) -> bool:
    """Whether the quotation q holds reported speech, as _reported reads it: always in a warning
    (`warned`); where a third person its sentence names says the words; with `warned` None (no
    unofficial channel of the message's own), also a warning read from the text, anyone but the writer
    saying them, or the words named as a saying after their marks."""
    return bool(
        warned
        or _attributed(text, q.opening, data)
        or (warned is None and (_warns(text) or _attributed(text, q.opening, data, loose=True) or _mentioned(text, q)))
    )


def _mentioned(text: str, q: Quote) -> bool:
    """Whether the quotation q is named as a saying right after it, or after the quotations that follow
    it in a row ("“ETC认证失效请点击链接”是诈骗短信", "“加群领福利”“私下转账更便宜”等说法均非平台行为"), or as
    a kind of message the rest of its sentence disowns ("“…请回复您的邮箱”，这类短信多由私人手机号群发…请勿回复")."""
    closing = q.closing
    following = _quotes(text, closing, min(len(text), closing + 4 * 62))
    for _ in range(4):  # a few quotations in a row at most
        if _NAMED_AFTER_QUOTE.match(text, closing) is not None or _kind_disowned(text, closing):
            return True  # named right here, whatever quotation the naming words stand in ("“等说法均”")
        after = next(
            (n for n in following if n.opening == closing or (n.opening == closing + 1 and text[closing] in _BETWEEN_QUOTES)), None
        )
        if after is None:
            break
        closing = after.closing
    return _NAMED_AFTER_QUOTE.match(text, closing) is not None or _kind_disowned(text, closing)


# A kind of message named right after a quotation ("”这类短信", "”，此类电话", "”之类的消息"): an example of the kind
# only where the rest of the sentence disowns it; "“…请点击 x.cc 解冻”这类短信请及时处理" is the sender's own.
_KIND_AFTER_QUOTE = precompiled(r"[,，]?\s?(?:等|之类的?|这类|此类|这样的|这种|一类的?)(?:的)?(?:短信|消息|信息|电话|来电|话)")


def _kind_disowned(text: str, closing: int) -> bool:
    kind = _KIND_AFTER_QUOTE.match(text, closing)
    if kind is None:
        return False
    data = _data()
    stop = _SENTENCE_END.search(text, kind.end())
    end = stop.start() if stop else len(text)
    return data.retold_channel_denied.search(text, kind.end(), end) is not None or data.denial.search(text, kind.end(), end) is not None


def _per_message(read: Callable[[str], bool]) -> Callable[[str], bool]:
    """read(text), answered once per message: every request of a long paste asks it again. The last message's answer
    is kept, keyed by its hash and length: never the text itself (no message text is kept in a cache,
    tests/test_privacy.py). One tuple swapped whole, so threads never see half of it."""
    last: tuple[int, int, bool] = (0, -1, False)

    @wraps(read)
    def answer(text: str) -> bool:
        nonlocal last
        key, size, said = last
        if size == len(text) and key == hash(text):
            return said
        said = read(text)
        last = (hash(text), len(text), said)
        return said

    return answer


@_per_message
def _warns(text: str) -> bool:
    """Whether the message reads as a warning: a warning cue (claims.toml denial) or the scammer or the
    scam named as such (names_scammer)."""
    data = _data()
    masked = data.pressure.sub(lambda m: "。" * len(m.group()), text)
    return data.denial.search(masked) is not None or any(
        p.search(text) is not None for p in (data.scammer, data.scam_named, data.received)
    )


# How far into a request a story's narrator may run (story_narrator "有人加我" over "加我微信").
_NARRATION_INTO = 4


@_per_message
def _asking_victim(text: str) -> bool:
    """Whether the writer still asks what to do or whether it is real (claims.toml retelling.pending: "怎么办", "要不要转",
    "是真的吗", "这正常吗"), told no warning (no cue of claims.toml denial): a victim's own story, pending."""
    data = _data()
    asks = _story_pending(text) or _ENDS_ASKING.search(text, max(0, len(text) - _ENDS_ASKING_REACH)) is not None
    return asks and _cue_search(data.denial, text) is None


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding text[at] begins (after the last of 。！？；, their ASCII forms or a line break)."""
    return _sentence(text, at)[0]


def third_person_before(text: str, start: int, end: int) -> bool:
    """Whether normalised text[start:end] names a third person who asks or is asked (retelling.third_person:
    对方, 他, 她, 有人, X某, 市民 …): a request told of someone else, not made of the reader."""
    return _data().third_person.search(text, start, end) is not None


def asks_what_to_do(text: str) -> bool:
    """Whether the writer of the normalised text still asks what to do or whether it is real (retelling.pending,
    unanswered): a victim who asks is read as the scam he got, never as a warning (pipeline.py, told)."""
    return _story_pending(text)


@_per_message
def _story_pending(text: str) -> bool:
    """Whether the writer asks what to do or whether it is real (claims.toml retelling.pending), with no answer given
    after the question: a warning's question-and-answer ("问：客服说…，是真的吗？答：假的！…") asks nobody."""
    return any(_ANSWER.search(text, m.end()) is None for m in _data().story_pending.finditer(text))


# An answer's label after a question (_story_pending): "答：", "回答：", "答案：" (not "A：", a call's speaker in a transcript).
_ANSWER = precompiled(r"(?<![\u4e00-\u9fff])(?:答|回答|答案|解答)[:：]")


# A message that ends by asking what to do ("…很着急，怎么办？"): a warning's "遇到这种情况怎么办？" answers itself after.
_ENDS_ASKING = precompiled(r"(?:怎么办|咋办|怎么弄|咋整)[?？!！。\s]{0,4}$")
_ENDS_ASKING_REACH = 8


@_per_message
def _pending(text: str) -> bool:
    """Whether the writer is still acting on what was asked (claims.toml negation.pending)."""
    return _data().pending.search(text) is not None


# How far after a fee's denial (negation.governing_fee: "免费") the request it denies may start: "免费为您办理".
_ADJACENT_REACH = 3


def _governed(
    text: str,
    start: int,
    end: int,
    data: _Data,
    framed: bool = True,
    narrated: bool = False,
    story: bool = False,
    plain: bool = False,
    pauses: frozenset[int] = frozenset(),
    gap: Callable[[int], bool] | None = None,
    pay: bool = False,
    word_gap: Callable[[int], bool] | None = None,
    warned: bool | None = None,
) -> bool:
    """Whether a cue in the request's own clause (before it, or inside it before its end) negates it,
    or the request is reported speech; with `framed`, also a frame closed after it in its own
    sentence ("以换号、加微信为由…", "要求加群、扫码的都是诈骗"). With `plain` (the message gives an
    unofficial channel of its own), only the cue in its own clause: a scam keeps its requests however
    it is framed ("以下是骗子常用的话术：…咨询137…", "（以上为诈骗话术）"). `pauses`: where a spoken
    paste pauses (_pauses); a cue does not reach past a pause that follows it. `gap(k)`: whether the
    paste had white space before text[k]; a cue does not reach past _CUE_GAPS of them (_governs_across).
    `pay`: the request is one to pay, which a fee's denial ("免费", "免收", negation.governing_fee) negates
    too, and only where the request's verb follows it; other requests and the money offered are not
    negated by it. `word_gap(k)`: whether the paste had white space before text[k], read for the fee's
    denial only (it does not reach past one). `warned`: whether quotation marks report speech (_reported)."""
    if plain:
        framed = False
    elif _reported(text, start, data, narrated, story=story, warned=warned, end=end):
        return True
    if framed and data.after.match(text, end, statement_end(text, end, min(len(text), end + 40))):
        return True
    if framed and any(m.start() < start and end <= m.end() for m in data.topic.finditer(text, max(0, start - 24), min(len(text), end + 24))):
        return True  # the topic of a warning: "关于上门催收的短信" names what such messages say
    if framed and _named_as_words(text, start, end, data):
        return True  # words named as words to watch for: "防诈关键词：屏幕共享、…", "…——这三个词"
    clause_start = _clause_start(text, start, data)
    scope = text[clause_start:end]
    masked = data.pressure.sub(lambda m: "。" * len(m.group()), scope)
    cues = list(data.governing.finditer(masked))
    # A cue that denies only the words it stands among ("交社保 不收押金"): inside the request, never
    # before it, so a line of it put before a demand reaches nothing ("不收押金 …先汇款").
    cues += [m for m in data.governing_inside.finditer(masked) if clause_start + m.start() >= start]
    # A cue that denies the verb right after it ("免费办理"): not a request further on in its clause, nor
    # one after a space of the paste ("免费 育儿补贴开始发了"): the offer word stands alone there.
    spaced = gap or word_gap
    cues += [
        m
        for m in (data.governing_fee.finditer(masked) if pay else ())
        if clause_start + m.end() >= start - _ADJACENT_REACH
        and not (spaced is not None and any(spaced(k) for k in range(clause_start + m.end(), start + 1)))
    ]
    # A label that names a whole kind as unlawful ("这类非法代理维权"): only the words glued right after it.
    cues += [m for m in data.governing_label.finditer(masked) if clause_start + m.end() == start]
    if not cues:
        return False
    cues.sort(key=lambda m: m.end())
    last = clause_start + cues[-1].end()
    if any(last < p <= start for p in pauses):
        return False
    if gap is not None and not _governs_across(text, last, start, gap):
        return False
    if not _reaches_within_statement(text, last, start):
        return False
    return data.fresh_imperative.search(masked, cues[-1].end()) is None


# How far before and after a match a list of words named as words (negation.named_words) may reach.
_NAMED_WORDS_REACH = 130
# A message without a single clause mark (issue 9: fake-base-station SMS, or a scam with its marks
# stripped: "妈别打电话我在上课老师让交报名费你转到这个卡上就行…") has one clause from end to end, so a
# cue found up to 40 characters before a request would govern it however many statements stand
# between. There a new subject takes up the next statement, as at a pause of speech (_pauses): "…我在
# 上课…", "…你转到…", "…大家扫这个码…", "…我们直接给您…"; not an object ("让您", "要求你", "向您", "无需您",
# "冒充我行") nor an owner ("您的"). A cue reaches no further than that. (The rules stage's warning clause is
# read as before: cut there too, it lost a cue that reached a genuine warning's "别开什么共享屏幕" only from
# further back.) Reading fewer cues never lowers a request.
# Round 64: so in every clause, not only in a message without any mark. Read only there, a mark put in front
# ("免费，" + "…当天停止联系你和家人一次性服务费999元…") made the message one with a mark and let the cue reach
# on (tests/test_monotone.py: the corpus's "…停止联系你和家人一次性服务费…", with any of 20 prefixes and 3 marks).
_ANY_MARK = precompiled(r"[，,。！？!?；;：\n]|(?<![0-9a-z]):(?![0-9/])")
_SUBJECT = r"(?:你|您|我|咱|大家)们?(?!的)"  # a person who can open a statement as its subject (not an owner, 您的)
_SUBJECT_OPENS = precompiled(rf"(?<![让叫要求请帮替给向跟和对被把将问找使令与同为说诉听需冒充]){_SUBJECT}")


def _reaches_within_statement(text: str, cue_end: int, start: int) -> bool:
    """Whether a cue ending at cue_end reaches a request at start in their clause: no new subject opens a
    statement between them."""
    return cue_end >= start or _SUBJECT_OPENS.search(text, cue_end, start) is None


def _named_as_words(text: str, start: int, end: int, data: _Data) -> bool:
    """Whether text[start:end] stands inside a list of words named as words to watch for
    (negation.named_words). The expression tries each of the window's characters with a long lazy
    run: it runs only where the window holds one of the characters every match consumes (triggers),
    and four windows in five hold none."""
    lo, hi = max(0, start - _NAMED_WORDS_REACH), min(len(text), end + _NAMED_WORDS_REACH)
    needed = triggers(data.named_words.pattern)
    # A scan of the window for each of the few triggers, in C, not a set lookup for each of its characters.
    window = text[lo:hi]
    if needed is not None and not any(map(window.__contains__, needed)):
        return False
    if data.named_words_core.search(text, lo, hi) is None:
        return False  # every match holds one (negation.named_words_core): most windows with a trigger hold none
    return any(m.start() <= start and end <= m.end() for m in data.named_words.finditer(text, lo, hi))


# A paste with no punctuation, its words set apart by spaces ("无需征信 黑户也能下卡 额度5万起 包下卡 先付
# 480元资料费"), has one clause from end to end once the spaces are compacted: a cue there governs its own
# group of words and the next ("切勿 向陌生账户转账", "不会通过短信链接 电话…要求您提供密码"), not every
# request after it (brief ads10). Reading fewer cues never lowers a request: monotone safe.
_CUE_GAPS = 2


# Speech-to-text sets every word apart ("喂 您好 嗯 我 这里 是 中国银行 嗯 也 不需要 您 提供 验证码"): there a
# space parts two words, not two groups of words as in an advert, and a cue reaches as far as it does in the
# same words unspaced (_pauses still end it). A paste of at least this many pieces, half of them this short
# or shorter, is spaced so. Reading it as unspaced adds no way around a request: the spaces could be left out.
_WORD_SPACED_PIECES = 8
_WORD_SPACED_MEDIAN = 2


def word_spaced(norm: Normalized) -> bool:
    """Whether the paste sets its words apart with spaces, word by word, as speech-to-text does."""
    original = norm.original
    if original.count(" ") + original.count("\u3000") < _WORD_SPACED_PIECES - 1:
        return False
    pieces = sorted(len(p) for line in original.splitlines() if len(words := line.split()) > 1 for p in words)
    return len(pieces) >= _WORD_SPACED_PIECES and pieces[(len(pieces) - 1) // 2] <= _WORD_SPACED_MEDIAN


def cue_gap(norm: Normalized) -> Callable[[int], bool] | None:
    """The `gap` that _governed reads for the paste: norm.gap_before, or None where the paste is
    word_spaced (a space there ends no cue's reach)."""
    return None if word_spaced(norm) else norm.gap_before


# Round 48: words that open a statement of their own after a paste's space, as a new subject opens one in a paste
# without any mark (_SUBJECT_OPENS), or an order to the reader does ("别在群里说 直接转我微信", "先别声张 你先把钱转了"):
# a cue before the space governs its own group, not these.
_GROUP_OPENS = precompiled(rf"{_SUBJECT}|直接|赶紧|赶快|马上|立刻|立即|快点|抓紧")


def _governs_across(text: str, cue_end: int, start: int, gap: Callable[[int], bool]) -> bool:
    """Whether fewer than _CUE_GAPS spaces of the paste stand between a cue's end and a request's start, and
    no group after one of them opens a statement of its own (_GROUP_OPENS)."""
    seen = 0
    for k in range(cue_end, start + 1):
        if gap(k):
            seen += 1
            if seen == _CUE_GAPS or _GROUP_OPENS.match(text, k) is not None:
                return False
    return True


def governed(
    text: str,
    start: int,
    end: int,
    framed: bool = False,
    narrated: bool = False,
    story: bool = False,
    plain: bool = False,
    pauses: frozenset[int] = frozenset(),
    gap: Callable[[int], bool] | None = None,
    word_gap: Callable[[int], bool] | None = None,
    warned: bool | None = None,
) -> bool:
    """Whether a warning cue in its own clause, before it, reaches text[start:end] (no fresh imperative
    in between, no pressure phrase such as 请勿拖延); with `framed`, also when it is quoted, reported
    or inside a frame that closes after it ("以…为由", "…的都是诈骗"); with `narrated`, also when it
    is retold of "对方" or "他会" (only where the message gives no unofficial channel of its own); with
    `story` too, in the narration of a story told as a warning (reads_as_story()); with `plain`, only
    the cue in its own clause (the message gives an unofficial channel of its own); with `gap`, not
    past _CUE_GAPS spaces of a paste without punctuation. A fee's denial ("免费", "免收") counts here as
    everywhere but before a request that is not one to pay (_requests). `warned`: whether quotation
    marks report speech: True in a warning, False where something is asked through a channel that is
    not official (only a third person's quoted words then), None read from the text (_reported)."""
    return _governed(
        text, start, end, _data(), framed=framed, narrated=narrated, story=story, plain=plain, pauses=pauses, gap=gap,
        pay=True,
        word_gap=word_gap,
        warned=warned,
    )


def statement_end(text: str, start: int, stop: int) -> int:
    """Where the statement holding text[start] ends before `stop`: at the next opener of a new one
    (claims.toml negation.statement_opens: "凡…", "以上述…"), or `stop`."""
    opener = _data().statement_opens.search(text, start, stop)
    return opener.start() if opener else stop


def person_kinds() -> tuple[str, ...]:
    """The persons a message can claim to be (claims.toml [persons])."""
    return tuple(name for name, _ in _data().persons)


def reads_as_story(text: str) -> bool:
    """Whether the message is a story told as a warning: it opens as a warning or as the report of a
    call or message received (claims.toml retelling.frame, in its first characters), tells a refusal
    (retelling.refused) and asks nobody what to do (retelling.pending). A line of warning added to a
    victim's question ("（谨防骗局）…我要不要转？") makes no story of it."""
    data = _data()
    return (
        data.retelling_frame.search(text, 0, _RETELLING_OPENING) is not None
        and data.story_refused.search(text) is not None
        and not _story_pending(text)
    )


# How far before a match's verb of paying its terms may start ("验收合格后再" + "付款").
_PAID_AFTER_REACH = 16


_Told = TypeVar("_Told")  # what a reading of a match tells of it (_told_matches)


def _told_matches(pattern: re.Pattern[str], text: str, told: Callable[[str, int, int], _Told]) -> Iterator[tuple[re.Match[str], _Told]]:
    """The non-empty matches of `pattern` in `text`, each with what `told` reads of it. After a match it
    reads as told (truthy), the search goes on from the match's next character, not its end: the
    match may hold a demand of its own ("下卡后再付尾款 先付480元资料费")."""
    pos = 0
    while pos < len(text):
        m = pattern.search(text, pos)
        if m is None:
            return
        if m.end() == m.start():
            pos = m.end() + 1
            continue
        said = told(text, m.start(), m.end())
        yield m, said
        pos = m.start() + 1 if said else m.end()


def with_paid_after(pattern: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """The non-empty matches of `pattern` in `text`, each with whether it pays only after the goods or
    the service have come (paid_after). After such a match the search goes on from its next character,
    not its end: "下卡后再付尾款 先付480元资料费" holds a demand to pay first inside the first match."""
    return _told_matches(pattern, text, paid_after)


def paid_after(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] pays only after the goods or the service have come (claims.toml
    negation.paid_after: "满意再付款", "放款后按合同付服务费"): the terms run straight into a verb of
    paying inside the match."""
    data = _data()
    found = data.paid_after.finditer(text, max(0, start - _PAID_AFTER_REACH), end)
    if any(start <= m.end() < end for m in found):
        return True
    # fp20: a service charge whose own terms follow it straight ("检测站窗口交 服务费办完再付": the spaces
    # gone, 交 meets the next clause's 服务费): the charge is paid once the service is done. Not where the
    # match pays it first (先交, 预付, 提前) nor for any other fee (a 保证金 or 押金 "下款后再付尾款" stays).
    # Nor where what is paid after is only the rest ("交服务费 办完再付尾款": a part first).
    if _SERVICE_CHARGE_END.search(text, start, end) is None or _FIRST.search(text, start, end) is not None:
        return False
    terms = data.paid_after.match(text, end)
    return terms is not None and _BALANCE.match(text, terms.end()) is None


# fp20: how far before a code to scan the place where the reader stands may be named ("请到营业厅扫码",
# "学费可在门店刷卡或扫码支付"): a clause without punctuation runs the whole message ("现场 亲 您买的保温杯…
# 您扫一下这个二维码", the spaces gone), and a place far before the code is no till the code stands at.
_ON_SITE_REACH = 10
# Round 49: a way a body says it does not take money through ("学校不通过班级群或个人二维码收取任何费用", "本行不会用个人
# 账户收款"): named to be refused, no way to pay. Only with the body's own verb of taking right after it, and not
# where an order comes in between ("不通过平台 直接扫我的码收款").
_NOT_TAKEN_THROUGH = precompiled(r"不(?:会)?(?:通过|经由|用|使用)(?:(?!直接|而是|改为|改成|只能|就|请|你|您)[^。,，;；!?]){0,12}$")
_TAKEN_AFTER = precompiled(r"(?:(?!直接|请|你|您)[^。,，;；!?]){0,6}?(?:收取|收费|收款|收钱)")


# A service charge at a fee match's end (paid_after), a payment first inside the match, and the rest
# of a sum paid after ("再付尾款").
_SERVICE_CHARGE_END = precompiled(r"(?:服务费|代理费|中介费|代办费)$")
_FIRST = precompiled(r"先|预付|预交|提前")
_BALANCE = precompiled(r"[^。,，!?！？；;]{0,4}?(?:尾款|余款|剩下|剩余|另一半|其余)")


# How far before a stakes word an advert's offered term may open ("前台付款": 前台 right before it), and
# how far after it the term may run ("定金签合同时在酒店财务室交": the place and the verb after the deposit).
_OFFER_REACH = 4
_OFFER_RUN = 24


def offered_term(text: str, start: int, end: int) -> bool:
    """Whether the stakes word at text[start:end] lies inside a price term an advert offers (claims.toml
    stakes.offered_term: "定金可退", "充值送话费", "到店现场付款", "取蛋糕时付款"): the shop states its terms, the
    reader's money is not at stake (fp20, issue 9). Requests for money are judged apart, by their channel."""
    found = _data().offered_term.finditer(text, max(0, start - _OFFER_REACH), min(len(text), end + _OFFER_RUN))
    return any(m.start() <= start and end <= m.end() for m in found)


def governed_fresh(text: str) -> bool:
    """Whether a fresh imperative (claims.toml negation.fresh_imperative: 请, 立即, 马上 ...) stands in
    the text: it ends the reach of a cue before it."""
    return _data().fresh_imperative.search(text) is not None


def names_scammer(text: str) -> bool:
    """Whether the message names the scammer in the third person (claims.toml negation.scammer:
    "骗子", "不法分子", "有人冒充…"), names the scam it retells as one (retelling.scam_named: "贷款诈骗的
    套路是这样的") or passes on a message the writer got (negation.received; retelling.received_said: what
    it said after a comma, personal17). Read only with reads_as_story()."""
    data = _data()
    return any(p.search(text) is not None for p in (data.scammer, data.scam_named, data.received, data.received_said))


def retold(text: str, start: int) -> bool:
    """Whether text[start] (normalised) stands in a third person's words that a warning retells: reported
    speech (_reported, narrated; with a story's narration where the message reads as a story told as a
    warning), with a third person named in its sentence before it (claims.toml retelling.third_person,
    negation.scammer, negation.received) and no first-person sender after that ("我局要求您严格保密" is
    the sender's own demand, however a warning frames it). What the retold scammer says inside quotation
    marks ("称“…请点击下方链接…”") is the scam's own imperative, not a fresh one to the reader. For the
    red flags genuine senders never raise, in a message read as a retelling (pipeline.py)."""
    view = _retelling_view(text)
    if view is None:
        return False
    masked, quotes, story = view
    with _reading_quotes(masked, quotes):
        return _retold_in(masked, start, quotes, _data(), story)


def _retelling_view(text: str) -> tuple[str, list[Quote], bool] | None:
    """What retold() and retold_clauses() read a normalised text as: the text with its quotations' words
    masked (〇), its quotations, and whether a story's narration counts; None where the text retells
    nothing (a victim who asks what to do: the requests are the reader's, read)."""
    if _story_pending(text):
        return None
    quotes = _quotes(text)
    masked = _masked(text, ((q.start, q.end) for q in quotes)) if quotes else text
    # A story's narration ("，说…") only where the scammer or the scam is named as such, as the rules
    # read what genuine senders never do: a refusal added to a victim's story does not make it a warning.
    return masked, quotes, reads_as_story(text) and names_scammer(text)


# How many clauses retold_clauses() reads at most: past them, a clause is read as the sender's (the model
# may speak on it), the safe side.
_RETOLD_CLAUSES = 64


def retold_clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of the normalised text that stand wholly in a third person's words a warning retells
    (retold(), at the clause's first and last character): for the model, which reads each clause as a unit
    of its own (model.py), in a warning whose sender offers no unofficial channel (pipeline.py)."""
    view = _retelling_view(text)
    if view is None:
        return []
    masked, quotes, story = view
    data = _data()
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))][:_RETOLD_CLAUSES]
    spans = []
    with _reading_quotes(masked, quotes):
        for a in starts:
            b = _CLAUSE_BREAK.search(text, a)
            end = b.start() if b is not None else len(text)
            while a < end and text[a].isspace():
                a += 1
            if a < end and _retold_in(masked, a, quotes, data, story) and _retold_in(masked, end - 1, quotes, data, story):
                spans.append((a, b.end() if b is not None else end))  # with its mark, as a unit ends
    return spans


def _retold_in(masked: str, start: int, quotes: Sequence[Quote], data: _Data, story: bool) -> bool:
    """retold() on the text with its quotations' words masked (〇), their quotations recorded for it."""
    if _in_sayings(masked, start, data) or _in_disowned_list(masked, start, data) or _in_keyword_list(masked, start, data):
        return True  # the scam's sayings a warning lists, a colon after its opener or not ("我换号了" among them)
    if _in_steps(masked, start, data) or _in_scenario(masked, start, data):
        return True  # the steps a warning enumerates ("…诈骗套路：①…②…"), or the scenario it advises on
    if _in_generic_rule(masked, start, data):
        return True  # "凡…的，都是诈骗": what the rule names is the scam described
    if not _reported(masked, start, data, narrated=True, story=story, warned=True):
        return False
    quoted = any(q.start <= start < q.end for q in quotes)
    if not quoted and any(
        (colon := _BLOCK_OPENS.search(masked, m.end(), start)) is not None and data.steps.search(masked, colon.end(), start) is None
        for p in (data.scammer, data.scam_named)
        for m in p.finditer(masked, 0, start)
    ):
        # "这就是骗子的套路：…" opens a block with a colon: what follows is the scam itself, retold only in
        # quotation marks (as _reported reads it in its own sentence), or where the block narrates again
        # ("骗子冒充法院的套路：先说…，再说…", notice14).
        return False
    begin = _stretch_start(_SENTENCE_END, masked, start, 80)
    third = max(
        (m.end() for p in (data.third_person, data.scammer, data.received) for m in p.finditer(masked, begin, start)),
        default=-1,
    )
    first = max((m.end() for m in data.first_person.finditer(masked, begin, start)), default=-1)
    return third > first


def _in_sayings(text: str, start: int, data: _Data) -> bool:
    """Whether text[start] stands in a list of the scam's sayings that a warning gives after naming the
    scammer or the scam as such (claims.toml retelling.sayings: "常见说法有 先交备案费马上启动调解 不交钱明天
    就起诉到你户籍地", "骗子…常说：…"; retelling.sayings_closed: "…不交钱就通知家人等话术"): the words are the
    scam's, an urging word among them is no fresh order to the reader. A list runs to the end of its
    sentence (over ；, which parts its items). Closed by 等话术, the list ends there; opened only, the
    warning's own words must go on after the place (a cue of warning, negation.governing or denial.cue):
    a list opened before a scam's own text that runs to its end is no list, and no list is opened by a
    colon alone ("以下是骗子常用的话术：…")."""
    begin = _stretch_start(_LIST_END, text, start, 80)
    after = _LIST_END.search(text, start)
    stop = after.start() if after else len(text)
    closer = data.sayings_closed.search(text, start, min(stop, start + _RETELLING_OPENING))
    if closer is not None:
        return any(p.search(text, 0, closer.start()) is not None for p in (data.scammer, data.scam_named))
    opener = max(data.sayings.finditer(text, begin, start), key=lambda m: m.start(), default=None)
    if opener is None or not any(p.search(text, 0, opener.start()) is not None for p in (data.scammer, data.scam_named)):
        return False
    return data.governing.search(text, start + 1) is not None or data.denial.search(text, start + 1) is not None


def _in_disowned_list(text: str, start: int, data: _Data) -> bool:
    """Whether text[start] stands in a list that a heading of the sender disowns (claims.toml
    retelling.disowned_heading: "本院不会做以下事情：…；…", "以下都不是支付宝的做法——…"), to the list's end (。！？ or a
    line's end), in an item (parted by ；) that holds no order of its own before the place."""
    if not could_match(data.disowned_heading.pattern, frozenset(text[max(0, start - _DISOWNED_REACH) : start])):
        return False
    begin = _stretch_start(_LIST_END, text, start, _DISOWNED_REACH)
    heading = max(data.disowned_heading.finditer(text, begin, start), key=lambda m: m.start(), default=None)
    if heading is None:
        return False
    item = max((m.end() for m in _ITEM_BREAK.finditer(text, heading.end(), start)), default=heading.end())
    # An order inside quotation marks is the quoted scam's ("常见骗法——“…请点链接 x.cc”"), not the item's own.
    quoted = [(q.start, q.end) for q in _quotes(text, item) if q.start <= start]
    return all(any(a <= m.start() < b for a, b in quoted) for m in data.fresh_imperative.finditer(text, item, start))


_DISOWNED_REACH = 200


def _in_keyword_list(text: str, start: int, data: _Data) -> bool:
    """Whether text[start] stands in a run of the scam's keywords that the warning names together as the scam's
    (claims.toml retelling.keyword_list: "屏幕共享、百万保障、安全账户——都是防诈关键词")."""
    return any(m.start() <= start < m.end() for m in _keyword_lists(text, data, max(0, start - _DISOWNED_REACH)))


def _keyword_lists(text: str, data: _Data, begin: int = 0) -> Iterator[re.Match[str]]:
    """The runs of keywords named as the scam's (retelling.keyword_list) from `begin`, each with no order among
    its items ("请立即转账、加微信、共享屏幕，这些都是…" opens with one)."""
    if "、" not in text:
        return
    for m in data.keyword_list.finditer(text, begin):
        if data.fresh_imperative.search(text, m.start(), m.end()) is None:
            yield m
_ITEM_BREAK = precompiled(r"[；;]")


# How far a heading naming a scam may run on from a place in its own words ("刷单诈骗流程：").
_HEADING_REACH = 24
# What may stand before such a heading in its sentence: a sender's tag at most ("【某某公安】冒充公检法诈骗套路：").
_HEADING_LEAD = precompiled(r"\s*(?:【[^【】]{0,30}】\s*)?")


def _in_steps(text: str, start: int, data: _Data) -> bool:
    """Whether text[start] stands in the steps of a scam that a warning enumerates under a heading naming
    the scam as its topic (claims.toml retelling.steps_heading: "冒充公检法诈骗套路：①…②…", "刷单诈骗流程：先…→
    然后…"), or in that heading's own words: an enumerator (retelling.steps_marker) after the heading's colon,
    before the place, in the same list (to 。！？ or a line's end; over ；, which parts its items), and the
    warning's own words going on after the list in a sentence of their own: a heading put before a scam's
    own text that runs to the message's end is no list. Read only where the message gives no unofficial
    channel of its own (_reported, narrated)."""
    begin = _stretch_start(_LIST_END, text, start, 120)
    headings = data.steps_heading.finditer(text, begin, min(len(text), start + _HEADING_REACH))
    heading = max((m for m in headings if m.start() <= start), key=lambda m: m.start(), default=None)
    if heading is None or _HEADING_LEAD.fullmatch(text, begin, heading.start()) is None:
        return False  # no heading, or one put inside a sentence (issue 8, red team warning_inside)
    after = _LIST_END.search(text, max(start, heading.end()))
    stop = after.start() if after else len(text)
    # The steps are enumerated: before the place, or anywhere in the list where the place is the heading's.
    marker = data.steps_marker.search(text, heading.end(), start + 1 if start >= heading.end() else stop)
    return marker is not None and after is not None and _WARNING_GOES_ON.search(text, after.end()) is not None


# What a warning says after the steps it lists: a sentence of its own, not a signature alone ("——某某公安").
_WARNING_GOES_ON = precompiled(r"[\u4e00-\u9fff]{2}[^。！？!?\n]*[。！？!?]")


_SCENARIO_CLAUSE = precompiled(r"[，,；;]")


def scenario_opened(text: str) -> int | None:
    """Where the first scenario a warning puts as a condition on what someone else does opens in `text` (claims.toml
    retelling.scenario_opens: "如果有人", "若有人给你发短信说", "如收到…短信"), or None."""
    opener = _data().scenario_opens.search(text)
    return opener.start() if opener is not None else None


def _in_scenario(text: str, start: int, data: _Data) -> bool:
    """Whether text[start] stands in a scenario a warning puts as a condition or a question and then
    advises on (claims.toml retelling.scenario_opens / scenario_asker / scenario_advice): "如果有人…，
    并让您扫码缴纳滞纳金，请先在App查询", "房东突然说换了号码，让您把房租打到另一个账户？先用原来的号码
    确认". The scenario runs from its opener (a condition and who acts in it) over the clauses after it
    up to the first clause that opens with advice; put as a question, it is the whole question, whose
    sentence names who asks before the place, and the next sentence opens with advice. No advice after
    it, no scenario: a condition that runs to the message's end advises nothing. Read only where the
    message gives no unofficial channel of its own (_reported, narrated)."""
    begin = _stretch_start(_LIST_END, text, start, 120)
    # The advice is looked for up to _SCENARIO_REACH characters on: a paste with no sentence end would otherwise be read
    # to its end from every place in it (round 46, hostile input).
    stop_mark = _LIST_END.search(text, start, start + _SCENARIO_REACH)
    stop = stop_mark.start() if stop_mark else min(len(text), start + _SCENARIO_REACH)

    def advises(k: int) -> bool:
        while k < len(text) and text[k] in " \t\"“”「」":
            k += 1
        return data.scenario_advice.match(text, k) is not None

    def clauses(lo: int, hi: int) -> list[int]:
        # Where a clause opens: after a comma or a semicolon, or where the paste put white space between two
        # words (speech-to-text and hurried typing put a space for a comma: "如果有人打电话说孩子出事了 要打钱到6217…
        # 先别慌 先给孩子打电话"; _paste_gaps).
        gaps = _paste_gaps(text)  # sorted
        return sorted({m.end() for m in _SCENARIO_CLAUSE.finditer(text, lo, hi)} | set(gaps[bisect_right(gaps, lo) : bisect_left(gaps, hi)]))

    # Round 30: the place may stand inside the opener itself, in the message it names ("要是收到说医保卡停用…的短信，千万别点").
    openers = (m for m in data.scenario_opens.finditer(text, begin, stop) if m.start() <= start)
    opener = max(openers, key=lambda m: m.start(), default=None)
    if opener is not None:
        if any(advises(k) for k in clauses(opener.end(), start)):
            return False  # the place stands in the advice, not in the scenario
        if any(advises(k) for k in clauses(start, stop)):
            return True
    elif data.scenario_asker.search(text, begin, start) is None:
        return False
    return stop < len(text) and text[stop] in "？?" and advises(stop + 1)


def _in_generic_rule(text: str, start: int, data: _Data) -> bool:
    """Whether text[start] stands in what a rule of the police's form names, up to its 的, in the clause that holds the
    place (claims.toml retelling.generic_rule: "凡领奖需先交保证金、公证费的，请勿相信", "以解冻为由要求再交钱的都是诈骗"):
    the clause describes every such message and calls it a scam, or refuses it; it asks nothing."""
    begin = _stretch_start(_CLAUSE_BREAK, text, start, _GENERIC_REACH)
    # The rule opens its clause, or follows the heading or the tag the clause opens with ("【某某公安】提醒：凡…").
    opens = [begin, *(m.end() for m in _GENERIC_LEAD.finditer(text, begin, start))]
    return any((rule := data.generic_rule.match(text, at)) is not None and start < rule.end("what") for at in opens)


# How far back a generic rule's clause may open before a place in it (_in_generic_rule): as far as its pattern reads.
_GENERIC_REACH = 60
# What a generic rule may follow in its clause: a heading's colon or a sender's tag.
_GENERIC_LEAD = precompiled(r"[：:】]\s*")


# How far a scenario may run on after a place in it (_in_scenario): longer than any message of the corpus.
_SCENARIO_REACH = 600
# A list of sayings runs over ；, which parts its items ("常说：…双倍赔偿；…自动续费；…"), to its sentence's end.
_LIST_END = precompiled(r"[。！？!?\n]")


def _stretch_start(end_mark: re.Pattern[str], text: str, at: int, reach: int) -> int:
    """Where the stretch of `text` that holds `at` begins: right after the last `end_mark` (a sentence's or a
    list's end) within `reach` characters before `at`, else `reach` characters before it."""
    begin = max(0, at - reach)
    for m in end_mark.finditer(text, begin, at):
        begin = m.end()
    return begin


def scammer_speaks(text: str, start: int) -> bool:
    """Whether text[start:] stands in a sentence whose subject is the scammer ("有人冒充…说",
    "骗子…要求"), with no fresh imperative after it."""
    return _reported(text, start, _data(), quoted=False)


def _without_fillers(norm: Normalized, data: _Data) -> tuple[str, array[int] | None]:
    """The normalised text without the spoken fillers that stand as their own words in the paste
    (claims.toml [spoken]), and where each of its characters stands in the normalised text (None:
    nothing left out, the same places)."""
    text = norm.text
    kept = array("l")  # compact, and built as it goes: a huge paste of fillers costs little
    at = 0
    for m in data.fillers.finditer(text):
        alone = (m.start() == 0 or norm.gap_before(m.start()) or data.clause_end.match(text, m.start() - 1)) and (
            m.end() == len(text) or norm.gap_before(m.end()) or data.clause_end.match(text, m.end())
        )
        if alone:
            kept.extend(range(at, m.start()))
            at = m.end()
    if at == 0:
        return text, None
    kept.extend(range(at, len(text)))
    return "".join(text[i] for i in kept), kept


# A paste read as speech: at least this many pauses, words of at least this many characters on average
# between them (a disguise that spaces every character, "转 账 到 安 全 账 户", is no speech).
_SPOKEN_PAUSES = 3
_SPOKEN_WORD = 3
_NEW_SUBJECT = frozenset("我您你咱")
# A pause right after a sentence-final 了 ends the sentence too: "你别转老账户了 转到我儿子那张卡上" denies
# the first verb, not the second (people10).
_SENTENCE_FINAL = frozenset("了")
_WHITE = precompiled(r"\s")


def _pauses(norm: Normalized, text: str, where: array[int] | None) -> frozenset[int]:
    """Where a speech-to-text or call-note paste with no punctuation pauses (white space between
    words, a filler left out) and starts a new sentence with a new subject (我, 您, 你, 咱) or after a
    sentence-final 了, as
    positions of `text` (the normalised text without fillers, `where` its map): a warning word
    before one does not reach a request after it ("我们给您办理免费改签 另外有补偿 … 我们需要核对一下
    卡号"). A space that only separates the items of a list ("短信链接 电话或社交软件") starts nothing.
    Empty where the paste is not speech."""
    # Each pause holds a white-space character of the paste or a filler left out: with fewer of those
    # than a speech needs, or no new subject to start a sentence, there is none (most messages: no scan).
    fillers_out = len(norm.text) - len(text)
    if _NEW_SUBJECT.isdisjoint(text) or len(_WHITE.findall(norm.original)) + fillers_out < _SPOKEN_PAUSES:
        return frozenset()
    found = []
    gaps = norm.gaps()  # norm.gap_before(i), read once for the whole text
    for k in range(1, len(text)):
        i = k if where is None else where[k]
        if i in gaps or (where is not None and where[k - 1] + 1 != i):
            found.append(k)
    if len(found) < _SPOKEN_PAUSES or len(text) < _SPOKEN_WORD * (len(found) + 1):
        return frozenset()
    return frozenset(k for k in found if text[k] in _NEW_SUBJECT or text[k - 1] in _SENTENCE_FINAL)


def spoken_pauses(norm: Normalized) -> frozenset[int]:
    """_pauses of the normalised text itself (positions of norm.text), for the rules stage."""
    return _pauses(norm, norm.text, None)


def _requests(
    norm: Normalized,
    data: _Data,
    present: frozenset[str],
    narrated: bool = False,
    story: bool = False,
    plain: bool = False,
    cue_gaps: bool = True,
) -> list[tuple[Request, int, int]]:
    """The requests the message makes; with `narrated`, those retold of "对方" or "他会" are not its own,
    and with `story` too, those of a story told as a warning (negation.story_narrator); with `plain`
    (an unofficial channel of its own), none is read as reported or framed: only a cue in its clause.
    Read without the fillers of speech; positions are the normalised text's."""
    text, where = _without_fillers(norm, data)
    pauses = _pauses(norm, text, where)

    def spaced(k: int) -> bool:
        return norm.gap_before(k if where is None else where[k])

    gap = spaced if cue_gaps else None  # cue_gap(): not where the paste is word_spaced

    quotes = _quotes(norm.text)
    if where is not None and quotes:
        # The same quotations, placed in the text without fillers.
        quotes = [Quote(*(bisect_left(where, k) for k in q)) for q in quotes]
    with _reading_quotes(text, quotes):
        found = []
        for kind, name, pattern, needed in data.requests:
            if needed is not None and needed.isdisjoint(present):
                continue
            if pattern.search(text) is None:
                continue  # most requests are not made: one search says so, before the matches are read one by one
            kept = 0
            # Each match is read against its whole sentence (_governed): of a huge paste that repeats a request retold
            # ("骗子说请转账," thousands of times in one sentence), only the first and the last few (_ends_of).
            for m, later in _ends_of(with_paid_after(pattern, text) if kind == "pay" else ((m, False) for m in pattern.finditer(text))):
                if later:
                    continue  # a seller's terms: paid once the goods or the service have come
                if kind == "pay" and _paid_by_writer(text, m.start(), m.end(), data):
                    continue  # the writer tells of a payment he made: nobody is asked to pay
                if kind == "pay" and data.pays_later.search(text, _clause_start(text, m.start(), data), m.start()):
                    continue  # "我一会儿打到你爸那张卡上": the writer will pay; nobody is asked to
                if kind == "pay" and _paid_by_another(text, m.start(), m.end()):
                    continue  # "律师费由委托人支付", "一笔…转账被我行拦截": no payment asked of the reader
                if kind == "credentials" and _in_person(text, m.start(), m.end()):
                    continue  # "把身份证号当面告诉我": told face to face, through no channel of the message
                if name in _FEE_PATTERNS and held_deposit(text, m.start(), m.end()):
                    continue  # a hospital's or a school's own deposit: where it goes is the channel's to judge
                if m.end() == m.start() or _governed(
                    text, m.start(), m.end(), data, narrated=narrated, story=story, plain=plain, pauses=pauses, gap=gap,
                    pay=kind == "pay",
                ):
                    continue
                start, end = (m.start(), m.end()) if where is None else (where[m.start()], where[m.end() - 1] + 1)
                if own_turn(norm, start, end):
                    continue  # the reader's own line of a chat log asks nothing of the reader
                found.append((Request(kind, name, _span(norm, start, end)), start, end))
                kept += 1
                if kept == _MAX_EACH:
                    break
    return found


# The kinds of request the learned reader adds (request_reader.py): the ones that take a message to high_risk through
# an unofficial channel. Calls, chat ids and links are the patterns' to read: round 63's first count of the grid's
# held-out misses found most of its contact misses in messages whose claim was not read, not their request.
_LEARNED_KINDS = frozenset({"pay", "credentials", "screen_share"})
LEARNED = "learned"  # the pattern name of a request the reader read


def _learned_requests(
    norm: Normalized, data: _Data, found: Sequence[tuple[Request, int, int]], narrated: bool = False, story: bool = False, plain: bool = False
) -> list[tuple[Request, int, int]]:
    """The requests for money, a code or the screen the request reader reads in clauses where the patterns read none
    of these. Asked only of a message that claims to be someone (_read); a clause's reading is kept where the clause
    speaks to the reader, tells of nothing done and has nobody make the reader act (claims.toml [learned]), quotes
    nobody, names no third person up to its end, and is neither negated nor reported speech as a pattern's match
    would be (_governed, with the same `narrated`, `story` and `plain`: a word of warning added to a scam reads it no
    differently). Without its reader (missing or damaged file) the patterns' reading stands."""
    from . import request_reader

    text = norm.text
    read = [(s, e) for r, s, e in found if r.kind in _LEARNED_KINDS]
    candidates = [
        (start, end)
        for start, end in request_reader.pieces(text, data.learned_to_reader)
        if not any(s < end and start < e for s, e in read)  # a clause the patterns read a request in is read
        and data.learned_to_reader.search(text, start, end) is not None
        and data.learned_not_asked.search(text, start, end) is None
        and data.learned_made_to.search(text, max(0, start - 2), end) is None
    ]
    if not candidates:
        return []  # most messages: nothing that speaks to the reader, or all of it told as done
    try:
        reader = request_reader.load()
    except request_reader.ReaderError:
        return []
    quotes = _quotes(text)
    kept: list[tuple[Request, int, int]] = []
    # A whole clause before its rest from a word to the reader (request_reader.pieces): the rest is read only where the
    # clause is not, so that words put before a request in its clause cannot dilute it.
    for start, end in sorted(candidates, key=lambda piece: piece[0] - piece[1]):
        kind = reader.kind(text[start:end])
        if kind not in _LEARNED_KINDS:
            continue
        if any(s < end and start < e for _, s, e in kept):
            continue  # read already, in a piece it overlaps
        if any(q.start <= start < q.end for q in quotes) or third_person_before(text, sentence_start(text, start), end):
            continue
        if _governed(text, start, end, data, narrated=narrated, story=story, plain=plain, pay=kind == "pay") or own_turn(norm, start, end):
            continue
        kept.append((Request(kind, LEARNED, _span(norm, start, end)), start, end))
    return sorted(kept, key=lambda request: request[1])


def _in_person(text: str, start: int, end: int) -> bool:
    """Whether the credentials asked at text[start:end] are to be told face to face ("你把身份证号当面告诉我", "见面的时候
    再给我"), and through nothing else: no other way offered beside it ("当面或者发微信告诉我")."""
    asked = text[max(0, start - _IN_PERSON_REACH) : end]
    return _IN_PERSON.search(asked) is not None and _OTHER_WAY.search(asked) is None


_IN_PERSON_REACH = 4
_IN_PERSON = precompiled(r"当面|见面(?:的时候|时)")
_OTHER_WAY = precompiled(r"或|要么|发|回复|短信|微信|qq|电话|链接|填")


def _paid_by_another(text: str, start: int, end: int) -> bool:
    """Whether the payment matched at text[start:end] is one whose payer the message names as another
    ("律师费由委托人支付", "费用由我方承担": issue 9, genuine_register_9), or one reported as stopped ("有一笔向陌生
    账户的转账被我行风控拦截并止付"): neither asks the reader to pay."""
    if _PAYER_NAMED.search(text, start, min(len(text), end + _PAYER_REACH)) is not None:
        return True
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - _PAYER_REACH), start)), default=max(0, start - _PAYER_REACH))
    return "有一笔" in text[clause:end] and _STOPPED.match(text, end) is not None


_PAYER_REACH = 12
_PAYER_NAMED = precompiled(
    r"由(?:委托人|委托方|债权人|本所|我所|我方|我司|本公司|公司|平台|银行|我行|本行|学校|单位|保险公司)(?:全额|全部|依约|按约|按合同|依合同)?(?:支付|承担|负担|垫付)"
)
# A transfer reported as stopped, right after its words ("…的大额转账被我行风控拦截并止付").
_STOPPED = precompiled(r"[^。，,!?]{0,12}?被[^。，,!?]{0,8}?(?:拦截|止付|冻结|退回|退还|拒绝)")


# How far after a payment's match its 了 may stand ("转到你那张农行卡上了"), within its clause and its group
# of words (a paste with no punctuation: "我马上下单 … 平台确认了再把钱给你" is a promise, not a payment made).
_DONE_REACH = 6
_WORD_BREAK = precompiled(r"\s")


def _paid_by_writer(text: str, start: int, end: int, data: _Data) -> bool:
    """Whether the payment matched at text[start:end] is one the writer tells as made (claims.toml
    negation.paid_by_writer, paid_done: "工钱我转到你卡上了", "我已经扫码付款了"): the writer, not someone
    he quotes or obeys, is the subject of the verb, and the verb is done (已 before it, 了 or 过 in the
    match or right after it). Not in a story still going on (negation.pending): a victim's requests stay
    the reader's."""
    if text.startswith(("你", "您"), start) or text[start - 1 : start] in ("你", "您"):
        return False  # the reader is the verb's subject ("我在开会你先把钱转了": the paste's space is gone)
    subject = data.paid_by_writer.search(text, _clause_start(text, start, data), start)
    if subject is None or _pending(text):
        return False
    stop = min(len(text), end + _DONE_REACH)
    breaks = [m.start() for p in (data.clause_end, _WORD_BREAK) if (m := p.search(text, end, stop)) is not None]
    return data.paid_done.search(text, subject.start(), min([stop, *breaks])) is not None


# Between the writer and the verb of paying, what makes the payment one still to make, or someone's words.
_STILL_TO_PAY = precompiled(r"[要需得该先让叫请说问]")
# The verbs of paying a rule's match may open with ("交了工本费", "转账给你，银行扣了…手续费"): claims.writer_paid.
_PAYING_VERB = precompiled(r"缴纳|交纳|支付|缴|交|付|转|汇|打款|垫付|预付")


def with_paid_terms(pattern: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], str]]:
    """with_paid_after, and also each match that writer_paid() reads as the writer's own payment or
    held_deposit() as a hospital's or a school's own deposit: the non-empty matches of `pattern`, each
    with "after" (paid once the goods or the service have come), "writer" (a fee the writer tells as
    paid), "held" (a deposit a hospital, a school or a stay holds) or "". After any of them, the search
    goes on from the match's next character: "我已为您垫付了部分费用，请先交保证金" holds a demand after
    the writer's payment."""
    return _told_matches(pattern, text, _paid_term)


def _paid_term(text: str, start: int, end: int) -> str:
    """What with_paid_terms tells of the match text[start:end]: "after", "writer", "held" or ""."""
    if paid_after(text, start, end):
        return "after"
    if writer_paid(text, start, end):
        return "writer"
    return "held" if held_deposit(text, start, end) else ""


def held_deposit(text: str, start: int, end: int) -> bool:
    """Whether the fee matched at normalised text[start:end] is a deposit its clause says a hospital, a
    school or a stay holds (claims.toml negation.held_deposit: "医院让先交2万押金", "入住时请到前台交押金"):
    that body's own charge, returned at the end, no fee the sender demands (fp19, issue 9). Only the
    fee's reading: where the money is to go is judged by the channel, as for any payment."""
    data = _data()
    return data.held_deposit.search(text, _clause_start(text, start, data), end) is not None


def writer_paid(text: str, start: int, end: int) -> bool:
    """Whether a rule's match at normalised text[start:end] opens with a verb of paying that the writer
    tells as done (_paid_by_writer: "我办护照交了工本费", "我刚转账给你，银行扣了五块手续费"): a fee the writer
    paid, nobody asked to pay (personal17): stricter than _paid_by_writer, as a rule's match may run
    over a clause: nothing still to pay between the writer and the verb (要, 需, 先 ...), and the verb
    done after it (了, 过) or 已 before it. Not in a story still going on (negation.pending)."""
    if _PAYING_VERB.match(text, start) is None:
        return False
    data = _data()
    subject = data.paid_by_writer.search(text, _clause_start(text, start, data), start)
    if subject is None or _pending(text):
        return False
    lead = text[subject.start() : start]
    if _STILL_TO_PAY.search(lead):
        return False  # "我在海关被扣了 清关需要交…保证金": a fee still to pay, whatever was done before it
    stop = min(len(text), end + _DONE_REACH)
    breaks = [m.start() for p in (data.clause_end, _WORD_BREAK) if (m := p.search(text, end, stop)) is not None]
    return "已" in lead or data.paid_done.search(text, start, min([stop, *breaks])) is not None


@lru_cache(maxsize=1)
def _institutions_by_id() -> dict[str, Institution]:
    return {inst.id: inst for inst in institutions()}


def _claims(norm: Normalized, entities: tuple[Entity, ...], data: _Data, present: frozenset[str]) -> list[Claim]:
    by_id = _institutions_by_id()
    tags = [m.group(1) for m in _BRACKETED.finditer(norm.text)] if "【" in present else []
    addressee = _addressee(norm.text)
    claims = [
        Claim("institution", e.value, by_id[e.value].name, _entity_span(e))
        for e in entities
        if e.kind == "institution"
        and e.value in by_id
        and not _means_of_payment(norm, e, by_id[e.value], tags, data)
        and (not by_id[e.value].signing_only or _signs_as(norm, e))
        and not (addressee[0] <= e.norm_start and e.norm_end <= addressee[1])
    ]
    openers: tuple[int, ...] | None = None  # tagged_opener_ends(norm), read only where a person's pattern could match
    labels = _bare_labels(norm)
    for name, pattern in data.persons:
        # Most messages open with no bare label: no generator to ask for it.
        label = next((span for span in labels if pattern.fullmatch(norm.text[span[0] : span[1]] + "：")), None) if labels else None
        if label is not None:
            claims.append(Claim("person", name, name, _span(norm, *label)))
            continue
        if not could_match(pattern.pattern, present):
            continue
        m: re.Match[str] | _Place | None = pattern.search(norm.text)
        if m is None and _reads_marks(pattern):
            m = _MarkReading(pattern).search(norm.text)  # "接了一个“我老公”的电话": the marks the normaliser dropped
        if m:
            claims.append(Claim("person", name, name, _span(norm, m.start(), m.end())))
            continue
        # Who speaks first speaks first after openers too ("您好，老公，我手机被偷了", "别担心 我钱书记…",
        # "您好，喂，爸 …"), and after a sender tag that opens the message ("【提醒】宝宝，…").
        openers = tagged_opener_ends(norm) if openers is None else openers
        for opener in openers:
            # What the whole text did not match, its rest from an opener on can match only at its start.
            if m := search_suffix(pattern, norm.text[opener:]):
                claims.append(Claim("person", name, name, _span(norm, opener + m.start(), opener + m.end())))
                break
    return claims


# A chat log's speaker label without its colon (issue 9): a message without a single mark that opens with
# a few Chinese characters set apart by a space, a line break or an @ of the group ("杜老师 各位家长 班费…",
# "吴老师@全体成员 …") shows its speaker as "杜老师：" would. Read as the label it would be with the
# colon ([persons] patterns that end in one); glued to the next words, it is not told from an address.
_LABEL_WORD = precompiled(r"[\u4e00-\u9fff]{2,6}")


def _bare_labels(norm: Normalized) -> list[tuple[int, int]]:
    """(start, end) of each word that may be the speaker label opening a message without any mark. Who
    speaks first speaks first after openers too ("你好 房东 新卡…", "您好，王老师 …"): the message from
    there has no mark."""
    text = norm.text
    if _LABEL_WORD.search(text) is None:
        return []
    if _ANY_MARK.search(text, _OPENER_REACH) is not None:
        # Every opener ends within _OPENER_REACH characters: each place a label could start has a mark
        # after it, and the openers need not be read.
        return []
    labels = []
    for at in dict.fromkeys((0, *opener_ends(norm))):
        m = _LABEL_WORD.match(text, at)
        if m is None or _ANY_MARK.search(text, at) is not None:
            continue
        end = next((i for i in range(at + 2, m.end() + 1) if i < len(text) and (norm.gap_before(i) or text[i] == "@")), None)
        if end is not None:
            labels.append((at, end))
    return labels


# How far before a mention "您的" may stand to make it the reader's own ("您的医保个人账户").
_READER_REACH = 4
# How far around a mention its use stands ("…卡、微信、支付宝均可结算").
_MEANS_REACH = 24


# A company addressed at the message's opening, after its sender's tag ("【两江区人社服务站】恒达物流有限公司：贵单位…",
# "【某区人民法院】某某商贸有限公司：你单位…"): the reader, named as a notice to a person names him ("张先生：").
_ADDRESSEE = precompiled(
    r"^\s?(?:【[^】]{1,24}】)?\s?(?:尊敬的)?[^，。：:！？!?,【】\s]{2,30}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|商行|工厂|厂|门店|单位)[:：]"
)


def _addressee(text: str) -> tuple[int, int]:
    """Where in normalised text the company the message opens by addressing stands (_ADDRESSEE), after its sender's tag;
    (0, 0) where it addresses none: a name the reader bears is no claim of who writes (round 56, dev half)."""
    m = _ADDRESSEE.match(text)
    if m is None:
        return 0, 0
    return text.find("】", 0, m.end()) + 1, m.end()


def _means_of_payment(norm: Normalized, mention: Entity, inst: Institution, tags: list[str], data: _Data) -> bool:
    """Whether the institution is named only as a way to pay at the sender's ("本店支持医保卡支付",
    "招商银行信用卡满100减10", "可办理建设银行商业贷款"): no claim to be it (claims.toml [means]). Not
    where a 【…】 signature names it, nor where the reader's own account of it is spoken of."""
    if any(inst.keywords.search(tag) for tag in tags):
        return False
    text = norm.text
    start, end = mention.norm_start, mention.norm_end
    if data.means_partner.search(text, start, end):
        return True
    if data.means_reader.search(text, max(0, start - _READER_REACH), start):
        return False
    if data.means_after.search(text[end : end + _MEANS_REACH]):
        return True
    if not data.means_thing.search(text[start : end + _MEANS_REACH]):
        return False
    # An opener set apart by a space or a mark is no part of the mention's clause ("感谢您一直以来的支持
    # 广发银行信用卡：…" names the bank, it does not take its card): its verb pays with nothing.
    lo = max([0, start - _MEANS_REACH, *(k for k in opener_ends(norm) if k <= start)])
    return bool(data.means_before.search(text, lo, start))


@lru_cache(maxsize=1)
def _allotted_service_line() -> re.Pattern[str]:
    return precompiled(_reference()["allotted_service_lines"]["pattern"])


@lru_cache(maxsize=1)
def _short_public_lines() -> re.Pattern[str]:
    """The public lines of reference.toml shorter than the entity stage's phone numbers (110), right
    after a verb of calling; the group is the number."""
    short = "|".join(sorted(n for n in _reference()["channels"] if len(n) < 5))
    return precompiled(rf"(?:拨打|致电|报警|打|拨)(?:电话)?[:：\s]{{0,2}}({short})(?!\d)")


@lru_cache(maxsize=1)
def _official_app() -> re.Pattern[str]:
    """An app the reference names as official, by its exact name: "下载国家反诈中心App", not
    "下载国家反诈中心助手App" nor "下载xx国家反诈中心App"."""
    names = "|".join(re.escape(n.lower()) for n in _reference()["official_apps"]["names"])
    return precompiled(rf"^(?:下载|安装|打开|登录|使用|官方|正版|的|并|或|和)*[\"“「《]?(?:{names})[\"”」》]?(?:app|客户端)$")


@lru_cache(maxsize=1)
def _number_owners() -> dict[str, str]:
    owners: dict[str, str] = {}
    for inst in institutions():
        for number in inst.numbers:
            owners.setdefault(number, inst.id)
    return owners


def _status(kind: str, owner: str, claimed: list[Institution], public: set[str]) -> str:
    """official / mismatch / unknown, for a phone or a link, against the institutions claimed.

    Public hotlines (12368, 12348, 110 ...) are where to verify, not an institution's own line: an
    institution whose only numbers are public ones has no number a message could mismatch."""
    confirmed = [i for i in claimed if (set(i.numbers) - public if kind == "phone" else i.domains)]
    if owner and (not confirmed or any(i.id == owner for i in claimed)):
        return "official"
    return "mismatch" if confirmed else "unknown"


# A law firm or a "legal centre" speaks for a creditor: the channels it gives are its own, not the
# creditor's, so a creditor's confirmed numbers do not make them mismatched.
_SPEAKS_FOR_OTHERS = frozenset({"law_firm", "legal_service"})


# Where the writer speaks as an institution: its name opens the message, or follows "我是" / "这边是" ("我这边是德邦的").
_SPEAKER_REACH = 12
_SPLIT_BILL = precompiled(r"平摊|均摊|分摊|aa制?(?![a-z])|一人一半|(?:咱们|我们)(?:两|三|四|几)个(?:人)?(?:平|分|一起)")
_NOTICE_HEADING = precompiled(r"[^。,，!?]{0,12}?(?:通知|公告|提醒|告知|温馨提示)[:：]")
_PAID_IT_MYSELF = precompiled(r"我(?:已经|都|先)?(?:在[^。,，!?]{0,8}?)?(?:交|缴|付|垫)(?:过|了|好)")
# The words a sender says who it is with ("我是", "这里是"): right before its name (_SPEAKS_AS), or anywhere near it (_signs_at).
_SPEAKER_WORDS = "我是|我们是|这边是|这里是|我这边是|我这里是"
_SPEAKS_AS = precompiled(rf"(?:{_SPEAKER_WORDS})$")
_SPEAKS_AS_WORDS = precompiled(_SPEAKER_WORDS)
_SIGNED_DASH = precompiled(r"(?:—|--)$")  # one dash or a pair of them ("——" ends in "—")


def _speaks_as_institution(norm: Normalized, entities: tuple[Entity, ...], claims: list[Claim]) -> bool:
    """Whether the writer speaks as an institution the message claims (round 26): a mention of it stands within the
    paste's first _SPEAKER_REACH characters, or right after "我是" / "这边是" ("我这边是德邦的"). Not where the writer
    splits with the reader a bill he says he paid himself (round 61, dev half: "这个月电费出来了…咱们三个平摊…我已经在网上国网上
    交过了，你跟阿辉直接转我就行"): he is one of its payers, which the institution never is; unless the message signs as the
    institution (its tag, its first words) or opens as a notice ("供电所通知：…")."""
    claimed = {c.id for c in claims if c.kind == "institution"}
    mentions = [e for e in entities if e.kind == "institution" and e.value in claimed]
    if (
        _SPLIT_BILL.search(norm.text) is not None
        and _PAID_IT_MYSELF.search(norm.text) is not None
        and _NOTICE_HEADING.match(norm.text) is None
        and not any(_signs_as(norm, e) for e in mentions)
    ):
        return False
    for e in entities:
        if e.kind == "institution" and e.value in claimed:
            at = _entity_span(e).start
            if 0 <= at < _SPEAKER_REACH or (at > 0 and _SPEAKS_AS.search(norm.original, max(0, at - 6), at) is not None):
                return True
    return False


def _signs_as(norm: Normalized, mention: Entity) -> bool:
    """Whether an institution's mention is who the message comes from: its sender tag, its very first words, or right after
    "我是" / "这边是" (not a bank named further on, "房款走银行资金监管账户"); or a later mention of it that is (round 65: "…登录
    手机银行，已为您暂停转账功能——光大银行风控中心")."""
    text = norm.text
    if _signs_at(text, mention.norm_start, mention.norm_end):
        return True
    inst = _institutions_by_id().get(mention.value)
    return inst is not None and any(_signs_at(text, m.start(), m.end()) for m in inst.keywords.finditer(text, mention.norm_end))


def _signs_at(text: str, at: int, end: int) -> bool:
    """Whether the mention at text[at:end] is who the message comes from (_signs_as)."""
    if at <= 1 or in_tag(text, at) or _SPEAKS_AS.search(text, max(0, at - 6), at) is not None:
        return True
    # Round 65 (the grid's ninth blind batch, dev half): a signature after a dash ("…已为您暂停转账功能——光大银行风控中心"), and
    # "这里是上海银行…", where a bank's generic mention ([\u4e00-\u9fff]{2,4}银行) starts inside 这里是 and takes its 是.
    if _SIGNED_DASH.search(text, max(0, at - 2), at) is not None:
        return True
    said = _SPEAKS_AS_WORDS.search(text, max(0, at - 6), min(end, at + 3))
    return said is not None and at < said.end() < end


def _speakers(entities: tuple[Entity, ...], claims: list[Claim]) -> list[Institution]:
    """The institutions the message says it comes from: its sender tag's, else the legal speaker's,
    else every specific institution it names."""
    by_id = _institutions_by_id()
    named = [by_id[c.id] for c in claims if c.kind == "institution" and not by_id[c.id].generic]
    tags = [e.value for e in entities if e.kind == "sender_tag"]
    tagged = [inst for inst in named if any(inst.keywords.search(tag) for tag in tags)]
    if tagged:
        return tagged
    legal = [inst for inst in named if inst.kind in _SPEAKS_FOR_OTHERS]
    return legal or named


_BRACKETED = precompiled(r"【([^【】]{2,30})】")


def _own_brand_app(text: str, app: str, claims: list[Claim], data: _Data) -> bool:
    """Whether an app the message asks you to get is the sender's own, named by its 【…】 signature
    ("【如家酒店】…下载如家App预订", "【小米之家】…下载小米商城App"): an advert's own terms, not a channel of
    somebody else's (personal14, issue 9). The brand is the signature's first two characters. Not where
    the message claims a specific institution (a bank, a court, a platform of institutions.toml): its
    apps are judged against its confirmed channels; nor where it speaks of what no advert's own terms
    hold (channels.firm_not_a_deal: a debt, a frozen account, a loan's limit or payout, a fee first:
    "【某金融】额度已提升，请下载某金融App提现" is the fake lender's own app, and its bait)."""
    by_id = _institutions_by_id()
    if any(c.kind == "institution" and not by_id[c.id].generic for c in claims):
        return False
    if data.firm_not_a_deal.search(text) is not None:
        return False
    return any(tag[:2] in app for tag in (m.group(1) for m in _BRACKETED.finditer(text)))


def _bracketed(text: str, claims: list[Claim]) -> list[Institution]:
    """The specific institutions named inside any 【…】 of the message (a sender's signature, wherever
    it stands), but not a law firm or legal centre, which speaks for others."""
    tags = [m.group(1) for m in _BRACKETED.finditer(text)]
    if len(tags) < 2:
        return []  # one tag is the sender tag, judged already
    by_id = _institutions_by_id()
    named = [by_id[c.id] for c in claims if c.kind == "institution" and not by_id[c.id].generic]
    return [i for i in named if i.kind not in _SPEAKS_FOR_OTHERS and any(i.keywords.search(t) for t in tags)]


def _channels(
    norm: Normalized,
    entities: tuple[Entity, ...],
    claims: list[Claim],
    data: _Data,
    present: frozenset[str],
    gap: Callable[[int], bool] | None,
) -> list[Channel]:
    public = set(_reference()["channels"])
    claimed = _speakers(entities, claims)
    bracketed = _bracketed(norm.text, claims)

    def status(kind: str, owner: str) -> str:
        # Judged against the sender too when a second 【…】 names one: "【反诈提醒】…【某某法院】…" put
        # in front of a court notice must not turn the court's foreign link from mismatched to unknown.
        found = _status(kind, owner, claimed, public)
        if found == "unknown" and bracketed and _status(kind, owner, bracketed, public) == "mismatch":
            return "mismatch"
        return found

    institution = any(c.kind == "institution" for c in claims)
    out = []
    for e in entities:
        if e.kind == "phone":
            if e.value in public:
                out.append(Channel("phone", e.value, "public", "", False, _entity_span(e), e.norm_start))
                continue
            owner = _number_owners().get(e.value, "")
            private = e.details.get("type") in ("mobile", "overseas")
            out.append(Channel("phone", e.value, status("phone", owner), owner, private, _entity_span(e), e.norm_start))
            if institution and (
                _PAY_APP_BEFORE.search(norm.text, max(0, e.norm_start - _PAY_APP_REACH), e.norm_start)
                or _PAY_APP_AFTER.match(norm.text, e.norm_end)
            ):
                # Round 57 (a grid written for probing): a payment account named by a number ("转到支付宝139…"), where
                # an institution is claimed: no institution takes money into an account its SMS names so. Between
                # people ("饭钱转我支付宝139…") it is how friends are paid, and is read as the person's request.
                out.append(Channel("account", e.value, "unknown", "", True, _entity_span(e), e.norm_start))
        elif e.kind == "link":
            owner = e.details.get("owner", "")
            out.append(Channel("link", e.value, status("link", owner), owner, False, _entity_span(e), e.norm_start))
        elif e.kind == "bank_card":
            out.append(Channel("bank_card", e.value, "unknown", "", True, _entity_span(e), e.norm_start))
        elif e.kind == "chat_handle":
            out.append(Channel("chat", e.value, "unknown", "", True, _entity_span(e), e.norm_start))
    text = norm.text
    # Round 58 (blind halves, dev half: "微信转账5000元给kf_x2026", "把卡密发到kf_x2026"): an id of letters and digits that money or
    # a card's code is sent to, in a sentence that names the chat it lives in or the red packet, with no label before it
    # for the entity stage to read: a chat id all the same.
    if any(word in text for word in _CHAT_WORDS):
        taken = {c.value for c in out}
        for m in _ID_SENT_TO.finditer(text):
            begin, end = _sentence(text, m.start())
            if m.group(1) not in taken and any(word in text[begin:end] for word in _CHAT_WORDS):
                out.append(Channel("chat", m.group(1), "unknown", "", True, _span(norm, m.start(1), m.end(1)), m.start(1)))
    # A public line too short to read as a phone number ("请拨打110"): the same public channel as
    # "拨打96110", so a warning that ends so asks the reader to call no one the message provides.
    for m in _short_public_lines().finditer(text) if "1" in present else ():
        out.append(Channel("phone", m.group(1), "public", "", False, _span(norm, m.start(1), m.end(1)), m.start(1)))
    for pattern, kind in ((_ACCOUNT, "account"), (_QR, "qr")):
        if not could_match(pattern.pattern, present):
            continue
        for m in _ends_of(pattern.finditer(text)):
            if _governed(text, m.start(), m.end(), data, gap=gap, pay=True):
                continue  # "切勿向任何个人账户付款" names no channel to pay into
            if kind == "qr" and data.on_site.search(text, max(_clause_start(text, m.start(), data), m.start() - _ON_SITE_REACH), m.start()):
                continue  # "离场时请扫码缴费": the code is where the reader stands, not in the message
            if _NOT_TAKEN_THROUGH.search(text, max(0, m.start() - 16), m.start()) and _TAKEN_AFTER.match(text, m.end()):
                continue
            if kind == "account" and m.group() == "专户" and _COURTS_OWN.search(text, max(0, m.start() - _COURTS_OWN_REACH), m.start()):
                # "交至本院执行款专户（以执行通知书载明的账户为准）": the court's own account, named by what it holds and
                # given in its formal notice, as "法院指定账户" is (_ACCOUNT); the message gives no number for it (a
                # card it gives is a channel of its own, and a person to ask for the account is a contact's).
                out.append(Channel(kind, m.group(), "official", "", False, _span(norm, m.start(), m.end()), m.start()))
                continue
            if kind == "account" and (
                _CREDITORS_OWN.search(text, max(0, m.start() - 6), m.start())
                or _DOCUMENTS_OWN.search(text, max(0, m.start() - _DOCUMENTS_OWN_REACH), m.start())
            ):
                # "汇入合同约定的委托方对公账户": the creditor's own account, which the reader has from the
                # contract; the message gives no number for it (a card it gives is a channel of its own).
                out.append(Channel(kind, m.group(), "official", "", False, _span(norm, m.start(), m.end()), m.start()))
                continue
            if kind == "account" and _firm_own_account(text, m.end(), claims, out, data):
                # the seller's account of the contract: the reader's own way to pay, like a counter
                out.append(Channel(kind, m.group(), "official", "", False, _span(norm, m.start(), m.end()), m.start()))
                continue
            out.append(Channel(kind, m.group(), "unknown", "", True, _span(norm, m.start(), m.end()), m.start()))
    for m in _ends_of(_OWN_CHANNEL.finditer(text)) if could_match(_OWN_CHANNEL.pattern, present) else ():
        if _governed(text, m.start(), m.end(), data, pay=True):
            continue
        if _OWN_CHANNEL_DOWN.match(text, m.end()) or _OWN_CHANNEL_PASSED.search(text, max(0, m.start() - 8), m.start()):
            continue
        # The reader's own way in ("官方渠道", "手机银行", "柜台", the institution's app): official.
        # An app the message asks to download is a channel of its own (the download request's).
        # Round 58: not a meeting or remote-control app ("在云会议App里充值", "打开视频会议App"): the police name them as the
        # scammers' tools (domain.md 1c row 12: 腾讯会议, 云视讯, 瞩目 …), no institution's way in to pay or verify.
        if _MEETING_APP.search(text, max(0, m.start() - _MEETING_APP_REACH), m.start()) is None:
            out.append(Channel("app", m.group(), "official", "", False, _span(norm, m.start(), m.end()), m.start()))
    # One channel per kind, status and value is enough; a padded paste cannot hide an unofficial
    # one behind many official ones, because each distinct one is kept.
    # An official or public number is kept at each place it is named, since a request is judged by the
    # channels of its own sentence: "…掌上12333等官方渠道…。有疑问请拨打12333" calls it. (The reader's own
    # way in named again inside a request is read by _bound.) Dropping one past _MAX_EACH only leaves a
    # request with no channel: never read as official.
    seen: dict[tuple[str, str, str, int], int] = {}
    kept = []
    for channel in out:
        key = (channel.kind, channel.status, channel.value, channel.at if channel.kind == "phone" and channel.official else -1)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] == 1 and sum(1 for k in seen if k[:2] == key[:2]) <= _MAX_EACH:
            kept.append(channel)
    return kept


# A payment app's account right before a number that names it ("支付宝139…", "微信账号：139…"): _channels.
# Round 61 (the grid's blind batch 4, dev half): or labelled an account alone ("转我5000元就行，账号139…"), or an app's account bound
# to it named after it ("付至139…绑定的支付宝"), or topped up ("给139…充5000元话费"); or paid through an app into it ("支付宝转我
# 139…", "用支付宝往139…这个号码转").
_PAY_APP_BEFORE = precompiled(
    r"(?:(?:支付宝|微信|财付通)(?:的)?(?:账号|账户|帐号|帐户|号)?|收款(?:账号|账户)|(?<![微信])(?:账号|账户|帐号|帐户)"
    r"|(?:支付宝|微信|财付通)(?:上)?(?:转|打|付)(?:给|到|至|进)?我?|(?:支付宝|微信)[^。!?，,]{0,4}?往"
    # Round 62 (the grid's blind batch 6, dev half): the verb before the app ("就打支付宝139…"), the preposition after it ("用支付宝转到139…").
    r"|(?:转|打|付|汇)(?:到|给|进|至)?(?:支付宝|微信)(?:账号|账户|号)?)[:：]?\s?$"
)
_PAY_APP_AFTER = precompiled(r"\s?(?:(?:绑定|对应|关联)的?(?:企业|对公|公司)?(?:支付宝|微信|财付通|账户|帐户|银行卡)|(?:这个|的)(?:支付宝|微信|财付通)(?:账号|账户|帐号)?|(?:充|冲)值?(?:\d{1,5}|[一二两三四五六七八九十几百千]{1,4})(?:元|块)?的?话费)")
_PAY_APP_REACH = 8
# The court, a few words before 专户: its own account ("本院诉讼费专户", "本院执行款专户").
# Named by what a court's account holds only: not "本院安全专户", which no court keeps.
_COURTS_OWN = precompiled(r"(?:本院|我院|人民法院|法院)(?:的)?(?:诉讼费|诉讼费用|执行款|执行案款|案款|代管款)?$")
_COURTS_OWN_REACH = 10
# The creditor a firm speaks for, right before an account word: its own account ("委托方对公账户").
_CREDITORS_OWN = precompiled(r"(?:委托方|委托人|债权人)的?$")
# Round 58: or the account a document the reader holds names ("转账至租赁合同第八条载明的公司对公账户", "合同约定的账户"): the
# reader has it from that document, not from the message.
_DOCUMENTS_OWN = precompiled(r"(?:合同|协议|通知书)[^。，,!?；;]{0,10}?(?:载明|约定|写明|列明|注明|所列|上)的(?:公司|我司|本公司)?(?:对公)?$")
_DOCUMENTS_OWN_REACH = 24
# ... and right before an app word: its own app ("委托方官方App", "债权人的App").
_CREDITORS_APP = precompiled(r"(?:委托方|委托人|债权人)的?(?:官方)?$")
# How far before the account word its owner may stand ("本公司的对公账户", "商品房预售资金监管账户").
_FIRM_ACCOUNT_REACH = 12


def _as_usual(text: str, paste_start: int, norm: Normalized) -> bool:
    """Whether a payment a claimed person asks into his own account goes the way the reader always pays him, said so in its sentence
    ("房租还是转我这个微信就行", "照老样子转我微信", "就打我那张卡，老卡，没换"), in a message that announces no new
    number, card or account and names no one else's (round 33, blind acquaintance pool: a landlord's rent to his own
    WeChat was high_risk). The documented scam changes the way (换号, 新卡号, 打到我爱人卡上: fraud_taxonomy.md A.1
    rows 29-31); a continuity the sender merely asserts still leaves the rules and the model to weigh the message."""
    at = min(norm.offsets.first_at_or_after(paste_start), len(text) - 1) if text else 0
    begin, stop = _sentence(text, at)
    if _AS_USUAL.search(text, begin, stop) is None:
        return False
    # Round 34: a change quoted as what a scammer says is none ("如果有人发短信说“房东换号了”“房租打到新卡”，那是骗子").
    return not _unquoted((m.start() for m in _WAY_CHANGED.finditer(text)), _quotes(text))


# _as_usual: the reader's usual way of paying, said as such; and a change of number, card or account, or someone else's.
# Round 55 (dev half): or the account the contract names ("转到合同上写的那个账户对吧", "就合同第三页那个账号").
_AS_USUAL = precompiled(
    r"还是(?:照旧|照老样子|老样子|按老规矩|跟以前一样)?(?:转|打|付|交)|照旧|照老样子|老样子|老规矩|跟(?:以前|上个月|之前|往常)一样|老卡"
    r"|原来(?:那|的)(?:个|张)?(?:卡|账户|账号|微信)|没换|合同(?:上|里|中|第.页)?(?:写|约定|签|载明|注明)?的?(?:那个|那张)?(?:账户|账号|卡|银行卡)"
    # Round 61 (dev half): the account the reader has paid him before ("就是你以前给我转过学费的那张").
    r"|(?:你|您)(?:以前|之前|上次|平时)(?:给我)?(?:转|打|汇)过"
)
_WAY_CHANGED = precompiled(
    # Round 61 (dev half): not a change denied or said of the writer by someone else ("我没换号，也没换卡", "短信说我换了号").
    r"(?<![没不未别])(?<!说我)(?<!说他)(?<!说她)换(?:了)?(?:个)?(?:新)?(?:手机)?号|(?<![没不未别])(?<!说我)(?<!说他)(?<!说她)换(?:了)?(?:卡|账户|账号|微信)|新(?:的)?(?:手机)?(?:号|卡|账户|账号|微信|qq)|改(?:成|为|到|交|转|打)|"
    # Round 34: a number or card said newly got ("俺这个号是新办的"), someone else's by a dialect's kin word ("俺闺女的卡").
    r"新(?:办|换|买|申请)的|"
    r"(?:爱人|老婆|老公|媳妇|儿子|女儿|闺女|儿媳妇?|孙子|孙女|外甥|侄子|亲戚|朋友|同学|表哥|表姐|弟弟|妹妹|哥哥|姐姐|会计|财务)的?(?:卡|账户|账号|微信|支付宝)|"
    # the usual way refused ("别转原来的卡", "原来那张卡被锁了", a dialect's "莫往原来那个卡上打"), someone else's named after the
    # account ("…账号，是我弟弟的")
    r"(?:别|不要|不用|不能|莫|甭)(?:再)?(?:往|转|打|汇|付)?(?:到)?原来|原来[^。,，]{0,6}?(?:被锁|冻结|不能用|用不了|停用)|是我(?:爱人|老婆|老公|媳妇|儿子|女儿|儿媳妇?|亲戚|朋友|同学|表哥|表姐|弟弟|妹妹|哥哥|姐姐)的|"
    # or a phone lost, broken or borrowed: the sender writes from a way the reader does not know (A.1 row 30)
    r"手机(?:丢|坏|掉|被偷|被抢|没电|摔)|(?:同学|朋友|别人|室友|同事)的(?:手机|电话|号)"
)


def _firm_own_account(text: str, end: int, claims: list[Claim], found: list[Channel], data: _Data) -> bool:
    """Whether the account word ending at `end` is the selling firm's own, paid against a contract, an
    invoice or at its counter (claims.toml channels.firm_account): no institution or person claimed, no
    way to pay or reach anyone but official ones and fixed lines, no debt, case, fee or loan asked. A teacher's claim
    (payee-only) is no other payee: the school's or the class's own account is hers to name (round 62: "家长您好，学费请
    转入机构对公账户")."""
    claims = [c for c in claims if c.id not in _PAYEE_ONLY]
    own = any(m.end() == end for m in data.firm_account.finditer(text, max(0, end - _FIRM_ACCOUNT_REACH), end))
    # A code named only to be denied ("不会用个人收款码收费") is no way to pay.
    if not own or claims or any(not _governed(text, m.start(), m.end(), data, pay=True) for m in _ends_of(_QR.finditer(text))):
        return False
    if any(not c.official and (c.private or c.kind != "phone") for c in found):
        return False
    if data.firm_deal.search(text) is None:
        return False
    # A fee the firm says it does not charge ("不收手续费", "免中介费") is no fee asked, and its own terms
    # ("取消可全额退款", "房源经过验证") offer no refund and verify no money.
    denied = [(m.start(), m.end()) for p in (data.firm_fee_denied, data.firm_terms) for m in p.finditer(text)]
    return not any(
        not any(s <= m.start() and m.end() <= e for s, e in denied) for m in data.firm_not_a_deal.finditer(text)
    )


def read(norm: Normalized, entities: tuple[Entity, ...]) -> Reading:
    """Claims, requests and channels of the message, and the judgement on them."""
    with quoting(norm):  # the quotations the normaliser recorded (pipeline.check_with sets them too)
        return _read(norm, entities)


def _read(norm: Normalized, entities: tuple[Entity, ...]) -> Reading:
    data = _data()
    text = norm.text
    present = frozenset(text)  # an expression none of whose triggers is here is not run
    gap = cue_gap(norm)  # read once: every cue the reading weighs reaches as far
    claims = _claims(norm, entities, data, present)
    if _may_retell_channels(text, data, present):
        # Who the scam's quoted message claims to be ("骗子冒充物业发送短信“您家水电费已欠缴…”") is the scam's
        # claim, not the sender's: the warning's own channels are not measured against it.
        quoted = [norm.span(q.start, q.end) for q in _quotes(text) if _scam_quote(text, q, data)]
        claims = [c for c in claims if not any(a <= c.evidence.start and c.evidence.end <= b for a, b in quoted)]
    if could_match(_DISOWNED_ITEM.pattern, present):
        # Who an item of a warning's list says the scam claims to be ("一、说您医保卡停用、要点链接认证的，是骗子；")
        # is the scam's claim too: the warning's own number is not measured against it (case21).
        listed = [norm.span(m.start(1), m.end(1)) for m in _DISOWNED_ITEM.finditer(text)]
        claims = [c for c in claims if not any(a <= c.evidence.start and c.evidence.end <= b for a, b in listed)]
    channels = _channels(norm, entities, claims, data, present, gap)
    # A number or link the warning says the scam's message left, and tells the reader not to use, is the
    # scam's: not a channel the sender offers (notice19). Only where the frame that retells one could
    # stand: most messages hold none of the characters it needs.
    retold_chats: list[tuple[int, int]] = []  # where a retold chat id stands
    retold: list[Channel] = []
    if _may_retell_channels(text, data, present):
        retold = [c for c in channels if _retold_channel(text, c, data)]
        retold_chats = [(c.at, c.at + len(c.value)) for c in retold if c.kind == "chat"]
        channels = [c for c in channels if c not in retold]
    # A retelling ("对方会让您…") is read as one only in a warning (a victim's story of what happened
    # is a scam to name, not a warning), and only where the message gives no way of its own to reach
    # anyone but official ones: no private or unknown number, link, card or chat id.
    denial = _denial(norm, data, present)
    if denial is None and not _asking_victim(text):
        # Round 34 (issue 8): the writer's own stance on a scam warns as a cue does (claims.toml denial.stance: "报了警",
        # "别像我一样", "千万不要答应"), unless he still asks what to do. A loss told alone is no stance: a victim who pastes
        # his own story ("…我转了10万，后来再打就打不通了") needs it read as the scam it was.
        stance = data.stance.search(text)
        if stance is not None:
            denial = _span(norm, stance.start(), stance.end())
        else:
            case = _case_reported(text)
            if case is not None:
                denial = _span(norm, *case)
    # A warning's own line for questions and reports is no way it offers to act on a scam (round 29).
    help_lines = [c for c in channels if _help_line(text, c.kind, c.at, data)] if denial is not None else []
    channels = [c for c in channels if c not in help_lines]
    own_way = any(c.kind in _ENTITY_CHANNELS and not c.official for c in channels)
    # A victim's question about complying ("我要不要转？") is no warning, whatever warning words it quotes.
    # A story told as a warning (a refusal told, nobody asked what to do) that names its scam or its
    # scammer ("我差点被骗了", "民警说就是诈骗", "那个假老板", names_scammer) warns as a cue does.
    told = reads_as_story(text)
    if told and denial is None:
        named = (m for p in (data.scam_named, data.scammer, data.received) if (m := p.search(text)) is not None)
        first_named = min(named, key=lambda m: m.start(), default=None)
        if first_named is not None:
            denial = _span(norm, first_named.start(), first_named.end())
    narrated = denial is not None and not own_way and not _story_pending(text)
    story = narrated and told
    located = _requests(norm, data, present, narrated=narrated, story=story, plain=own_way, cue_gaps=gap is not None)
    if claims:
        # Round 63: what the patterns did not read, the request reader may (_learned_requests), read as they are.
        located += _learned_requests(norm, data, located, narrated=narrated, story=story, plain=own_way)
    if help_lines:
        # The call to a warning's own line is asked of nobody at risk: it goes with the line.
        located = [(r, start, end) for r, start, end in located if r.kind != "call" or not any(_asks_for_line(text, start, c.at) for c in help_lines)]
    # Chat contacts and apps asked for without an id are channels too: the chat account, the app.
    for request, start, end in located:
        # Not where the request names a chat id that is the scam's, retold (case21: "一名学生添加“客服”QQ 33…后被骗"),
        # nor where one stands in its sentence (round 29: "在QQ群看到…兼职，添加QQ 31…后…").
        sentence = _sentence(text, start)
        named_retold = any((a <= end + 2 and start <= b) or sentence[0] <= a < sentence[1] for a, b in retold_chats)
        if request.kind == "chat" and not named_retold and not any(c.kind == "chat" for c in channels):
            channels.append(Channel("chat", request.evidence.text, "unknown", "", True, request.evidence, start, named=False))
        if request.kind == "download" and not any(c.kind == "link" for c in channels):
            m = _APP.search(text, max(0, start), min(len(text), end + 12))
            if m and _own_brand_app(text, m.group(1) or m.group(), claims, data):
                continue  # the sender's own app, named by its signature: the advert's own terms
            if m:
                status = "official" if _official_app().search(m.group()) else "unknown"
                channels.append(Channel("app", m.group(), status, "", False, _span(norm, m.start(), m.end()), m.start()))
    # An account or a QR code is a channel only where money is asked for in the same sentence
    # ("安全账户都是诈骗关键词" names one to warn about it); a QR code also where the message asks
    # you to scan the one it gives ("扫一下这个二维码填写资料就可以领取了").
    pay_sentences = [_sentence(text, start) for r, start, _ in located if r.kind == "pay"]
    scan_sentences = [_sentence(text, start) for r, start, _ in located if r.pattern == "scan_given_code"]
    channels = [
        c
        for c in channels
        if c.kind not in ("account", "qr")
        or any(b <= c.at < e for b, e in pay_sentences)
        or (c.kind == "qr" and any(b <= c.at < e for b, e in scan_sentences))
    ]
    places = [(start, end, r.kind) for r, start, end in located]
    bound = [_bound(r, start, end, norm, channels, places) for r, start, end in located]
    # A call to verify that names nobody to call ("这种的一定要打电话核实", "先打电话问问本人"): the reader
    # calls whom he already knows, the advice every warning gives; not a channel of the message's own
    # (personal14). A number given near it binds the call as before ("请打电话核实 138…").
    bound = [
        (r, near)
        for (r, near), (_, start, end) in zip(bound, located, strict=True)
        if not (r.kind == "call" and r.through == "none" and (_TO_VERIFY.match(text, end) or _TO_KNOWN.search(text, max(0, start - _TO_KNOWN_REACH), start)))
    ]
    requests = [r for r, _ in bound]
    # The numbers the message asks you to call, each with the request that asks it.
    called = [(r, c) for r, near in bound if r.kind == "call" for c in near if c.kind == "phone"]
    persons = [c for c in claims if c.kind == "person"]
    # Who may ask for money as the person claimed, but whose claim alone puts nothing at stake: a
    # teacher who asks parents to add her on WeChat is how classes are run.
    speaking = [c for c in persons if c.id not in _PAYEE_ONLY]
    by_id = _institutions_by_id()
    authority = any(c.kind == "institution" and by_id[c.id].kind in _AUTHORITY_KINDS for c in claims)
    # A seller's terms of paying once the goods or the service have come ("满意再付款", "先装修后付款",
    # paid_after) put no money at stake now: an advert's own terms (market15, issue 9); any other
    # stake word of the message still counts.
    # A threat to the reader (stakes.threat: a crime suspected, a wanted list, the number cut off, a debt never
    # taken) puts a case at stake as a debt does, whoever the message names or if it names nobody ("你被列入网上
    # 追逃名单了 自己看 dwz7.cc/…": the link given is the way to act, as under a claimed police).
    threat = (
        next((m for m in _ends_of(data.threat.finditer(text)) if not _governed(text, m.start(), m.end(), data, gap=gap)), None)
        if could_match(data.threat.pattern, present)
        else None
    )
    stakes = bool(speaking) or authority or threat is not None or (
        could_match(data.stakes.pattern, present)
        and any(not later and not offered_term(text, m.start(), m.end()) for m, later in with_paid_after(data.stakes, text))
    )

    notice, stakes_named = _notice(norm, data, present, gap)
    findings = []
    judged: list[Channel] = []  # channels a money or credentials finding already names
    kinds = {r.kind for r in requests}
    first = {k: next(r for r in requests if r.kind == k) for k in kinds}

    if "pay" in kinds:
        # Round 58: a meeting or remote-control app is no way in to pay (_MEETING_APP): money moved inside one goes where
        # the caller says.
        pay_channels = [c for c in channels if c.kind in _PAY_CHANNELS and not c.official] + _meeting_apps(norm, requests, "pay")
        borrowing = [r for r in requests if r.kind == "pay" and r.pattern == "borrow"]
        only_borrowing = all(r.pattern == "borrow" for r in requests if r.kind == "pay")
        if borrowing and not persons:
            # "借款已逾期15天" reads as borrowing, which only a person asks: no request here. Round 58: the message's other
            # payments are judged all the same ("您有一笔借款已逾期15天，劳烦您把取出的现金交给我们上门的工作人员").
            requests = [r for r in requests if r not in borrowing]
            borrowing, only_borrowing = [], False
            first["pay"] = next((r for r in requests if r.kind == "pay"), first["pay"])
        if not any(r.kind == "pay" for r in requests):
            pass  # the borrowing word was all: nothing is paid to anyone
        elif persons and only_borrowing and not pay_channels:
            # "能不能借我2000": a person you cannot see asks to borrow, and names no account yet:
            # verify through their old number or in person before anything else.
            findings.append(_finding(data, "claimed_acquaintance_asks_for_money", claims, borrowing[0], []))
        elif persons and any(
            r.through != "official"
            and (speaking or r.pattern in _INTO_THE_SENDER)
            # Round 34: any payment the usual way where the message gives no account of its own ("房租还是照旧转到原来的账户").
            and not ((r.pattern in _INTO_THE_SENDER or not pay_channels) and _as_usual(text, r.evidence.start, norm))
            for r in requests
            if r.kind == "pay"
        ):
            # A person asks for money with no channel of its own: the sender is the channel. Not where
            # every payment asked goes through the reader's own way in (the school's payment system);
            # a teacher, only where the money goes to her own code or pocket.
            pay_channels.append(Channel("sender", "", "unknown", "", True, first["pay"].evidence))
        elif not pay_channels and not persons and _speaks_as_institution(norm, entities, claims) and (
            into := next((r for r in requests if r.kind == "pay" and r.pattern in _INTO_THE_SENDER and r.through != "official"), None)
        ):
            # Round 26: the writer speaks as an institution and wants the money in his own pocket ("供电所通知 …先把电费转
            # 我微信 我帮你交", "我这边是德邦的 …先把钱转给我"): no institution is paid into a person's chat or card, so the
            # writer is the payment's channel, as a claimed person is. Not an institution named as a means or a place
            # further on ("我先用花呗付了…直接微信转我就行": a meal split among colleagues).
            pay_channels.append(Channel("sender", "", "unknown", "", True, into.evidence))
        elif not pay_channels and (for_me := next((r for r in requests if r.pattern in _FOR_SOMEONE_ELSE and r.through != "official"), None)):
            # Round 25: money for a third person only the writer names ("在开会 帮我给合作方转181500过去"), whoever
            # the writer says he is or if he says nothing: the payee is the writer's word alone, the documented
            # fake boss's and fake relative's request (fraud_taxonomy.md A.1 rows 29-30).
            pay_channels.append(Channel("sender", "", "unknown", "", True, for_me.evidence))
        promised = [r for r in requests if r.kind == "pay" and r.pattern == "account_to_follow" and r.through != "official"]
        if promised and not pay_channels:
            # fp19: the payee's account promised for later, in private ("医院的账户我一会儿发你", "我把账号
            # 发您"), whoever claims to write: the money goes where the sender alone will say, an account
            # nobody can check beforehand (fraud_taxonomy.md A.1 rows 29-31).
            pay_channels.append(Channel("sender", "", "unknown", "", True, promised[0].evidence))
        if any(r.kind == "pay" for r in requests) and pay_channels:
            findings.append(_finding(data, "pay_through_unofficial_channel", claims, first["pay"], pay_channels))
            judged += pay_channels
        fees = [r for r in requests if r.kind == "pay" and r.pattern in _FEE_PATTERNS]
        if fees:
            findings.append(_finding(data, "fee_demanded", claims, fees[0], []))
    credentials = [r for r in requests if r.kind == "credentials"]
    if credentials:
        entering = all(r.pattern in _ENTERING for r in credentials)
        unofficial_links = [c for c in channels if c.kind == "link" and not c.official] + _meeting_apps(norm, credentials, "credentials")
        if not entering or unofficial_links:
            findings.append(_finding(data, "credentials_requested", claims, credentials[0], unofficial_links[:1]))
            judged += unofficial_links
    if "screen_share" in kinds:
        findings.append(_finding(data, "screen_share_requested", claims, first["screen_share"], []))
    # A contact asked only through official channels ("请拨打95588协商") makes no other number of the
    # message one to use: a law firm's letter that sends the reader to the bank's line and signs with its
    # lawyer's office landline ("经办律师 钱卫东 025-…") offers that landline as a label, not a way to act.
    # Round 56 (dev half): a request to keep the phone on ("请保持手机畅通", claims.toml await_call) asks the reader to wait
    # for a call, not to use a number the message gives: a court's notice that prints its judge's landline beside it
    # offers that line as a label. The call it announces is judged where it comes.
    contact = [k for k in _CONTACT if any(r.kind == k and r.through != "official" and r.pattern != "await_call" for r in requests)]
    wanted = {"call": ("phone",), "chat": ("chat",), "click": ("link", "qr"), "download": ("link", "app")}
    usable = {kind for k in contact for kind in wanted[k]} if stakes else set()
    contact_request = first[contact[0]] if contact else None
    # A channel the message gives is a way to act on it, verb or not ("认证地址 x.top", "加Vxx", a
    # card number): a link is there to be opened, a card to be paid into. A phone number needs a verb
    # of contacting before it ("联系188…", claims.toml requests.call), since genuine notices print
    # their staff's numbers as labels.
    # - a claimed institution's hotline or site that is not its own is a mismatch, whatever the topic;
    # - a private channel (a mobile, a chat account, a card, a link of nobody claimed) counts in a
    #   message about money, an account, a case or a benefit (stakes).
    # A channel a money or credentials finding already names is not named twice.
    # A landline printed as a named staff member's or a branch's own ("经办人：王某，窗口电话0771-…", "客户经理：陶某，
    # 网点座机0571-…") is no hotline the message passes off as the institution's: in a message or a
    # notice that is not about the reader's money or account (claims.toml stakes.notice: a charge, a freeze, a
    # loan, a prize) it counts only as a private number does, where a contact through it is asked (case21,
    # issue 8). In such a notice ("今晚将扣除您年费1200元，客户经理0571-…") it counts as before.
    # Round 56 (dev half): in such a notice too, where the message sends the reader to act through an official channel
    # ("请到我行柜台或通过手机银行还款，客户经理周某 0574-…"), a staff member's landline that no request of the message
    # asks to call is a label beside that way, not the way to act ("如需取消请致电客户经理…" asks it, and counts as before).
    official_way = any(r.through == "official" for r in requests) or any(c.official and c.kind in ("app", "link") for c in channels)
    asked_lines = {c for r, c in called if r.through != "official"}
    staff_lines = [
        c
        for c in channels
        if c.kind == "phone" and not c.private and _staff_line(text, c) and (not notice or (official_way and c not in asked_lines))
    ]
    # A collection firm's own landline, printed beside the creditor it writes for and that creditor's confirmed
    # number to check it ("受华夏银行信用卡中心委托…可致电95577提出异议。某某商务咨询有限公司 025-…", round 25): the
    # firm's line, not the bank's passed off, as a law firm's is (_SPEAKS_FOR_OTHERS). Only as a label: a line the
    # reader is asked to call ("请联系021-…处理") is judged against the bank's as before.
    staff_lines += _commissioned_lines(text, claims, channels, called)
    mismatched = [
        c
        for c in channels
        if c.status == "mismatch"
        and (c.kind in usable or ((c.kind == "link" or (c.kind == "phone" and not c.private)) and c not in judged and c not in staff_lines))
    ]
    # Round 61 (the grid's blind batch 4, dev half): a bank or a platform whose own numbers this checker cannot confirm
    # ("民生银行信用卡中心…已临时锁定，请致电021-…处理", "抖音客服…回电021-…") asks a call about the reader's money through a
    # landline: they serve from their 95 lines and their apps, and 区号+座机 numbers are among those fraudsters use (domain.md
    # 1a). Not a named staff member's or branch's line, nor where the message speaks for someone else too (a law firm for its
    # client bank) or names a bank further on only ("房款走银行资金监管账户").
    # Round 65 (the grid's ninth blind batch, dev half): a lender too ("【招联金融】您的借款已逾期，请致电021-…"): domain.md 1a
    # confirms none of the lenders' numbers and sends the reader to the customer service inside their apps.
    claimed = [by_id[c.id] for c in claims if c.kind == "institution"]
    signed_by_service = (
        bool(claimed)
        and all(i.kind in _SERVES_FROM_APP for i in claimed)
        and any(_signs_as(norm, e) for e in entities if e.kind == "institution")
    )
    private = [
        c
        for c in channels
        if not c.official
        and c not in mismatched
        and (
            (c.kind in usable and (c.private or c.kind in ("chat", "link", "app") or authority or speaking))
            or (stakes and c.kind in _OFFERED and (c.private or c.kind == "link") and c not in judged)
            or (
                signed_by_service
                and c.kind == "phone"
                and c.kind in usable
                and c.status == "unknown"
                and not _SERVICE_LINE.match(c.value)
                and c not in staff_lines
            )
        )
    ]
    # A call back, about money the notice says is at stake, in a message that gives no number at all
    # ("会员今晚到期将自动扣费5000元，取消请回电"): the number it came from is the one to call, a channel
    # nobody can check, where a service that takes money sends you to its app or the number on your card
    # (fraud_taxonomy.md A.1 rows 6-7, fake_fee_debit and membership_autodebit: call the number in the SMS).
    if notice and not mismatched and not private and not any(c.kind == "phone" for c in channels):
        asked = [norm.span(m.start(), m.end()) for m in _CALL_BACK.finditer(text)]
        call_back = next(
            (r for r in requests if r.kind == "call" and any(a <= r.evidence.start and r.evidence.end <= b for a, b in asked)),
            None,
        )
        if call_back is not None:
            private = [Channel("sender", "", "unknown", "", True, call_back.evidence)]
    # A service line (400, 95…) that no claimed institution confirms, called about money, an account
    # or a benefit: the bank's, platform's or airline's own number is on its app or card, never only
    # in the SMS (fraud_taxonomy.md A.1 rows 6-7). A short code (12xxx, 100xx) reaches the real
    # service whoever sent the SMS, and a landline is a firm's own line: neither counts; nor does a
    # 953, 955 or 956 line, which the ministry allots to a large enterprise (a bank's "如非本人操作请致电
    # 95511", an airline's "如需改签请致电955xx") and which reaches it, not the SMS's sender
    # (reference.toml allotted_service_lines).
    allotted = _allotted_service_line()
    # fp20 (issue 9): a notice that sends the reader to act in the signer's own app ("【瑞丰人寿】…如需变更
    # 扣款账户请在瑞丰人寿App办理，咨询400…") gives its service line as a label beside it, a number to ask
    # about, not the way to act (call_number, reach_number: 咨询, 客服, 热线 right before it). A line the
    # reader is told to dial or contact (拨打, 致电, 请联系: "如需取消请致电400…", the fake_fee_debit script)
    # counts as before.
    unconfirmed = [
        (r, c)
        for r, c in called
        if c.status == "unknown"
        and not c.private
        and _SERVICE_LINE.match(c.value)
        and not allotted.match(c.value)
    ]
    labels = [(r, c) for r, c in unconfirmed if r.pattern in _LABEL_CALLS and _opens_clause(norm.original, r.evidence.start)]
    if labels and any(_own_brand_app(text, m.group(1) or m.group(), claims, data) for m in _APP.finditer(text)):
        unconfirmed = [pair for pair in unconfirmed if pair not in labels]
    if mismatched:
        findings.append(_mismatch(data, claims, by_id, contact_request, mismatched, kinds))
    elif private:
        findings.append(_finding(data, "contact_through_private_channel", claims, contact_request, private))
    elif unconfirmed and notice:
        findings.append(_finding(data, "call_unconfirmed_service_line", claims, unconfirmed[0][0], [c for _, c in unconfirmed]))
    elif notice and called:
        # A prize the reader has won, to be claimed by calling a number no institution confirms, a
        # firm's landline included ("领奖请联系节目组律师0755…"): real prizes ask nothing, and the call
        # is where the fees start (fraud_taxonomy.md A.1 row 36, tv_prize).
        prizes = _ends_of(data.prize.finditer(text)) if could_match(data.prize.pattern, present) else ()
        prize = next((m for m in prizes if not _governed(text, m.start(), m.end(), data, gap=gap)), None)
        lines = [(r, c) for r, c in called if c.status == "unknown" and not c.private]
        if prize is not None and lines:
            findings.append(_finding(data, "prize_claimed_by_call", claims, lines[0][0], [c for _, c in lines], _span(norm, prize.start(), prize.end())))
        elif lines:
            # A flight cancelled, to be rebooked or compensated by calling a line nobody confirms, a
            # landline too (A.1 row 35, flight_change); the airline's own allotted 95 line is its.
            flights = _ends_of(data.flight.finditer(text)) if could_match(data.flight.pattern, present) else ()
            flight = next((m for m in flights if not _governed(text, m.start(), m.end(), data, gap=gap)), None)
            lines = [(r, c) for r, c in lines if not allotted.match(c.value)]
            if flight is not None and lines:
                findings.append(_finding(data, "flight_refund_by_call", claims, lines[0][0], [c for _, c in lines], _span(norm, flight.start(), flight.end())))
            elif lines:
                # A threat to the reader (a crime they are suspected of, a case handed to the police, their
                # number cut off or blacklisted: stakes.threat), to be lifted by calling a number nobody
                # confirms, a landline too (A.1: fake_police, sim_realname, pseudo_legal_center): the police
                # handle no case by SMS and a carrier cuts no number by one. Whoever the message says it is,
                # or if it says nobody: the threat and the call are the script.
                if threat is not None:
                    findings.append(_finding(data, "threat_lifted_by_call", claims, lines[0][0], [c for _, c in lines], _span(norm, threat.start(), threat.end())))
                else:
                    # Money offered to the reader (a refund, a claim, a subsidy: benefits.words), to be collected
                    # by calling a number nobody confirms, a landline too ("您的快件已确认遗失，理赔金额356元，请联系理赔
                    # 专员010-…领取"): refunds go back the way one paid, a parcel's claim is the sender's, made in
                    # the platform, and subsidies are claimed in the official app (fraud_taxonomy.md A.1 rows 9-10,
                    # 13-17, 37); the call is where the card numbers and the fees begin. Only the reader's, told to
                    # him in its sentence (您, 你: not a tour's "取消可全额退款", its terms), and not one its sentence says was paid
                    # already ("退费通知：您申请的退费…已按原支付方式退回": the heading's 退费 too).
                    offered = _ends_of(data.benefits.finditer(text)) if could_match(data.benefits.pattern, present) else ()
                    benefit = next(
                        (
                            m
                            for m in offered
                            if not _governed(text, m.start(), m.end(), data, gap=gap)
                            and _offered_to_reader(text, m.start(), data)
                        ),
                        None,
                    )
                    if benefit is not None:
                        findings.append(_finding(data, "benefit_claimed_by_call", claims, lines[0][0], [c for _, c in lines], _span(norm, benefit.start(), benefit.end())))
    # Personal details asked back by reply, in a message that claims an institution, is a notice about the
    # reader's money, offers money back or names a trip of the reader's (claims.toml benefits.details_by_reply,
    # details_topic): the sender behind the reply is nobody anyone confirms.
    institution_claimed = any(c.kind == "institution" for c in claims)
    if (
        could_match(data.details_by_reply.pattern, present)
        and (institution_claimed or notice or data.details_topic.search(text) is not None or data.benefits.search(text) is not None)
        and not any(f.id in _REPLY_COVERED for f in findings)
    ):
        reply = next((m for m in _ends_of(data.details_by_reply.finditer(text)) if not _governed(text, m.start(), m.end(), data, gap=gap)), None)
        if reply is not None:
            findings.append(_finding(data, "details_by_reply", claims, None, [], _span(norm, reply.start(), reply.end())))
    if (
        notice
        and "details_by_reply" not in {f.id for f in findings}
        and could_match(data.reply_for_contact.pattern, present)
        and data.reply_threat.search(text) is not None
    ):
        reply = next((m for m in _ends_of(data.reply_for_contact.finditer(text)) if not _governed(text, m.start(), m.end(), data, gap=gap)), None)
        if reply is not None:
            findings.append(_finding(data, "details_by_reply", claims, None, [], _span(norm, reply.start(), reply.end())))
    # Money offered to you (a refund, a claim, a subsidy, a prize) through a private or mismatched
    # channel is money asked for in disguise: the "claim" takes card numbers and codes. (A service
    # line nobody confirms stays "verify first": it proves nothing either way.)
    offered_through = mismatched or private
    # Read only where money could be offered through such a channel: most messages give none.
    benefits = _ends_of(data.benefits.finditer(text)) if offered_through and could_match(data.benefits.pattern, present) else ()
    # A benefit reported as paid already ("理赔款已到账") is none left to claim through a channel.
    benefit = next(
        (
            m
            for m in benefits
            if not _governed(text, m.start(), m.end(), data, gap=gap) and data.benefit_received.match(text, m.end()) is None
        ),
        None,
    )
    if benefit is not None:
        findings.append(_finding(data, "benefit_through_unofficial_channel", claims, contact_request, offered_through, _span(norm, benefit.start(), benefit.end())))
    # Round 32: the replies asked through no official channel (bound above), and the sentences they stand in.
    replies = [r for r in requests if r.pattern == "reply" and r.through != "official"]
    reply_spans = [(start, end) for r, start, end in located if r.pattern == "reply"] if replies else []
    reply_sentences = [_sentence(text, start) for start, _ in reply_spans]
    reply_ends = [end for _, end in reply_spans]
    # A link to be sent once the reader replies (benefits.link_by_reply), in a reply's own sentence.
    if replies and could_match(data.link_by_reply.pattern, present):
        link = next(
            (
                m
                for begin, stop in reply_sentences
                for m in data.link_by_reply.finditer(text, begin, stop)
                if not _governed(text, m.start(), m.end(), data, gap=gap)
            ),
            None,
        )
        if link is not None:
            findings.append(_finding(data, "link_by_reply", claims, replies[0], [], _span(norm, link.start(), link.end())))
    # Round 44: a task of money or credentials asked through a link the paste does not show (channels.unseen_task; round 46:
    # _unseen_links), in a message that claims an institution or tells of the reader's money or a threat: the link
    # is no official channel anyone can check, whatever a screenshot or a second SMS took away (red team link_unseen). Not
    # where a cue governs it or a warning or a story retells it (read as narrated: "对方称…需要点链接补填地址"), which a
    # scam gains nothing by: its link, once shown, is judged as ever.
    # A link shown that no institution confirms is judged as a link (one retold or set aside is shown all the same). An
    # official one shown elsewhere does not show the link a task points at (round 46: "…如需恢复请点击链接。工行官网
    # icbc.com.cn" must not lower the message below what it is without that line): only one in the place's own clause,
    # right after it, is the link the task asks through (_link_shown_at).
    official_links = {c.value for c in channels if c.kind == "link" and c.official}
    links = [e for e in entities if e.kind == "link"]
    if (
        all(e.value in official_links for e in links)
        and not any(f.id in _UNSEEN_COVERED for f in findings)
        and any(could_match(p.pattern, present) for p in _unseen_patterns(data))
    ):
        # Round 47: a notice that phishing sends with a link (stakes.hook) or a platform pitched (stakes.pitch) puts the reader's
        # money at stake as stakes.notice does. Read word by word (_said), not by the message's frame: a warning line added to
        # a scam must not take its stake away (tests/test_monotone.py).
        pitched = _said(text, data.pitch, data, present, gap)
        staked = notice or threat is not None or pitched or _said(text, data.hook, data, present, gap)
        # Read as narrated, unless a victim still asks whether it is real ("短信里说…叫我点链接解除…是骗子吧"): the scam he
        # got is then what he needs read.
        as_told = not _asking_victim(text)
        # Round 55: an institution claimed whose genuine SMS carry no link at all (institutions.toml `linkless`).
        linkless = any(c.kind == "institution" and by_id[c.id].linkless for c in claims)
        unseen = None
        if institution_claimed or staked:
            unseen = next(
                (
                    m
                    for m in _ends_of(_unseen_links(text, data, staked=staked, pitched=pitched, linkless=linkless))
                    if not _link_shown_at(text, links, m.start(), m.end())
                    and not _governed(text, m.start(), m.end(), data, narrated=as_told, story=story, gap=gap)
                    and not _reported(text, m.start(), data, narrated=as_told, story=story, end=m.end())
                    and data.unseen_disowned.match(text, m.end()) is None
                ),
                None,
            )
        if unseen is not None:
            findings.append(_finding(data, "task_through_unseen_link", claims, None, [], _span(norm, unseen.start(), unseen.end())))
    # Round 32: a threat to the reader (stakes.threat: a crime suspected, the number cut off, a blacklist), or his account
    # or service stopped, frozen or voided (benefits.reply_threat), to be lifted by replying to the SMS or calling its
    # sender back, no number given ("您的号码因实名信息过期已被限制呼出，恢复请回复1", "卡被冻结 回电解除"): the sender
    # behind the reply or the call back is nobody anyone confirms, as a number in the message would be
    # (threat_lifted_by_call). Police handle no case by SMS; banks and carriers send you to their app, counter or
    # official line. In the threat's own sentence, and never where the message gives a number of its own to call.
    # Only a reply or a call back (回电, 回个电话): "拨打卡片背面的客服电话" sends the reader to a number he already has.
    backs = [(r, start) for r, start, _ in located if r.kind == "call" and (r.pattern == "reply" or (r.pattern == "dial" and text.startswith("回", start)))]
    if backs and not called and not any(f.id in _THREAT_COVERED for f in findings) and (
        threat is not None or could_match(data.reply_threat.pattern, present)
    ):
        back_sentences = {_sentence(text, start): r for r, start in backs}
        said = [threat] if threat is not None else []
        said += [m for m in _ends_of(data.reply_threat.finditer(text)) if not _governed(text, m.start(), m.end(), data, gap=gap)]
        # The reply or the call is to lift it: a verb of lifting in their sentence ("恢复请回复1", "回电解除"), not a carrier's
        # "为免停机请及时充值，回复YE查询余额", which asks nothing to be lifted by the reply.
        lifted = next(
            (
                (m, back_sentences[sentence])
                for m in said
                if (sentence := _sentence(text, m.start())) in back_sentences and _LIFTING.search(text, *sentence) is not None
            ),
            None,
        )
        if lifted is not None and all(q.through != "official" for q in requests if q.kind == "call"):
            findings.append(_finding(data, "threat_lifted_by_reply", claims, lifted[1], [], _span(norm, lifted[0].start(), lifted[0].end())))
    # Round 32: money offered to the reader, to be claimed by replying to the SMS itself ("您有一笔惠民补贴待确认，回复1确认
    # 领取"): refunds go back the way one paid, claims and subsidies are made in the platform's or the authority's own
    # app (fraud_taxonomy.md A.1 rows 9-10, 13-17, 36; Part F point 5), and the reply reaches a sender nobody confirms.
    # "Verify first", not high_risk: the reply is the first step; the card number and the code come on the call after.
    # The benefit is the reader's (its sentence speaks to him) and stands in the reply's own sentence: a course's
    # "合同写明退费规则" and a later "回复1预约公开课" offer nothing to claim by the reply.
    if replies and not any(f.id in _BENEFIT_COVERED for f in findings) and could_match(data.benefits.pattern, present):
        by_reply = next(
            (
                m
                for m in _ends_of(data.benefits.finditer(text))
                if _sentence(text, m.start()) in reply_sentences
                and (_offered_to_reader(text, m.start(), data) or _got_by_reply(text, m.start(), reply_ends))
                and not _governed(text, m.start(), m.end(), data, gap=gap)
            ),
            None,
        )
        if by_reply is not None:
            findings.append(_finding(data, "benefit_by_reply", claims, replies[0], [], _span(norm, by_reply.start(), by_reply.end())))
    foreign = _foreign_official(text, channels)
    creditors_app = any(c.kind == "app" and _CREDITORS_APP.search(text, max(0, c.at - 8), c.at) for c in channels)
    # A task the message asks through a link it does not show is its own (round 47: the unseen link's places are read outside
    # narration already): a warning frame put before it ("【反诈提醒】谨防骗子冒充客服…") does not make it a retelling.
    if denial is not None and not any(f.id == "task_through_unseen_link" for f in findings) and _retells(text, data, channels, requests, story):
        # The scam it retells asks nothing of the reader: only what it asks through official
        # channels ("拨打96110") is its own.
        official = tuple(r for r in requests if r.through == "official")
        return Reading(
            tuple(claims), official, tuple(channels), (), denial, retelling=True, notice=notice, foreign=foreign, creditors_app=creditors_app,
            stakes_named=stakes_named,
        )
    service_fee = _own_service_fee(text, entities, claims, requests, channels, data)
    if service_fee:
        findings = [f for f in findings if f.id not in _TARIFF_FINDINGS]  # listed as suppressed by the pipeline
    return Reading(
        tuple(claims), tuple(requests), tuple(channels), tuple(findings), denial, notice=notice, foreign=foreign, creditors_app=creditors_app,
        service_fee=service_fee, stakes_named=stakes_named, unjudged_story=denial is None and _unjudged(text, data, present),
    )


def _unjudged(text: str, data: _Data, present: frozenset[str]) -> bool:
    """Reading.unjudged_story, in a message with no word of warning: the writer's own story of a request for money, a
    code or the screen (retelling.unjudged_asked), with no refusal told (retelling.refused) and no check made
    (retelling.judged)."""
    return (
        could_match(data.story_unjudged_asked.pattern, present)
        and data.story_unjudged_asked.search(text) is not None
        and data.story_refused.search(text) is None
        and data.story_judged.search(text) is None
    )


# The findings an institution's own tariff does not make (Reading.service_fee).
_TARIFF_FINDINGS = frozenset({"fee_demanded"})


def _own_service_fee(text: str, entities: tuple[Entity, ...], claims: list[Claim], requests: list[Request], channels: list[Channel], data: _Data) -> bool:
    """Reading.service_fee: every payment asked is a fee (requests.pay fee, fee_kind; pay_verb beside one) of an ordinary kind
    (fee_kinds.service) for a service named in the message (fee_kinds.for_service), nothing is asked through an
    unofficial channel, every channel given is official (one at least: where to pay or ask), the 【…】 tag names a
    claimed institution, and the message names no payout, release, benefit, debt or check (fee_kinds.before_payout)."""
    pays = [r for r in requests if r.kind == "pay"]
    fees = [r for r in pays if r.pattern in _FEE_PATTERNS]
    # The plain verb of paying beside the fee ("分期需支付手续费": pay_verb and fee) is the same payment.
    if not fees or not all(r.pattern in _FEE_PATTERNS or r.pattern == "pay_verb" for r in pays):
        return False
    if any(r.through != "official" for r in requests if r.kind != "pay"):
        return False
    if not channels or not all(c.official for c in channels):
        return False
    if data.fee_before_payout.search(text) or not data.fee_service.search(text) or not data.fee_for_service.search(text):
        return False
    tags = [e.value for e in entities if e.kind == "sender_tag"]
    by_id = _institutions_by_id()
    return any(c.kind == "institution" and not by_id[c.id].generic and any(by_id[c.id].keywords.search(t) for t in tags) for c in claims)


_RETELLING_OPENING = 40
# How far after a retold number or link the warning not to use it may stand (the next sentence, "请不要回拨！").
_RETOLD_CHANNEL_REACH = 60
_RETOLD_CHANNEL_KINDS = frozenset({"phone", "link", "chat", "bank_card"})


def _may_retell_channels(text: str, data: _Data, present: frozenset[str]) -> bool:
    """Whether a frame that retells the scam's number or link could stand in the text (most hold none)."""
    return (
        could_match(data.retold_channel_frame.pattern, present)
        or (bool(_quotes(text)) and could_match(data.retold_quote_frame.pattern, present))
        # A case told, or a list disowned, names no frame in the channel's sentence (_case_told, _in_disowned_list).
        or could_match(_CASE_OPENS.pattern, present)
        or could_match(data.disowned_heading.pattern, present)
        or could_match(_DISOWNED_IN_PLACE.pattern, present)
        or could_match(_DISOWNING_HEADING.pattern, present)
        or could_match(_PROHIBITED_TOWARDS.pattern, present)
        or bool(present & _SCAM_NAMING_CHARACTERS)
        or could_match(_CALLER_FRAME.pattern, present)
        or could_match(_EXAMPLE_BEFORE.pattern, present)
        or could_match(_EXAMPLE_AFTER.pattern, present)
    )


def help_lines(norm: Normalized, phones: Iterable[Entity]) -> frozenset[int]:
    """Where the phone numbers found in the normalised text (their norm_start) are a warning's own line for questions
    and reports (_help_line): the rules read them as the claims do, once per message (rules.Message.help_lines; no
    cache keyed by the message's text, which would keep it in memory past its check). The message-wide tests, a
    help word and a warning cue, are made once, not once a number."""
    text = norm.text
    candidates = [e.norm_start for e in phones if e.kind == "phone" and "official" not in e.details]
    if not candidates or (_HELP_OFFICE.search(text) is None and _HELP_CUE.search(text) is None):
        return frozenset()
    data = _data()
    if data.denial.search(data.pressure.sub(lambda m: "。" * len(m.group()), text)) is None:
        return frozenset()
    return frozenset(at for at in candidates if _help_line(text, "phone", at, data))


def _help_line(text: str, kind: str, at: int, data: _Data) -> bool:
    """Whether a number is a warning's own line for questions and reports (round 29: "如有疑问，请拨打社区网格员
    小刘电话139…", "遇到可疑情况请联系保卫处0571-…", "本所座机 025-…"): a phone number whose clause, before it, names the
    sender's own office or staff by role (_HELP_OFFICE: 网格员, 居委会, 保卫处, 辅导员, 本所 ...), or for a landline whose
    sentence holds a consult cue (_HELP_CUE: 可疑, 拿不准, 如需核实 ...); asks for nothing else there (_HELP_NOT_ASKED: no
    money, code, link or contact); stands once; and follows the message's warning cue, before its clause, in a message
    that names none of the reader's own money, debts or accounts outside quotation marks (_READERS_STAKE: "您的借款",
    "你名下的银行卡"; stakes.notice reads the case a warning tells as a notice). A collector's "如有疑问请联系专员138…"
    after "谨防诈骗" names no office, and a lender's "您的借款已逾期，遇到疑问请致电0571-…" names the reader's debt: both
    keep their line as the sender's way. Asked only of a message with a warning cue."""
    if kind != "phone" or at < 0:
        return False
    number = _NUMBER_AT.match(text, at)
    begin = _stretch_start(_SENTENCE_END, text, at, 60)
    if number is None or _HELP_NOT_ASKED.search(text, begin, at) is not None or text.count(number.group()) > 1:
        return False
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, begin, at)), default=begin)
    office = _HELP_OFFICE.search(text, clause, at) is not None
    landline = _AREA_LANDLINE.match(text, at) is not None
    if not (office or (landline and _HELP_CUE.search(text, begin, at) is not None)):
        return False
    if data.denial.search(text, 0, clause) is None:
        return False
    quoted = _quotes(text)
    return not any(not any(q.start <= m.start() < q.end for q in quoted) for m in _READERS_STAKE.finditer(text))


def _asks_for_line(text: str, start: int, line: int) -> bool:
    """Whether a call asked at `start` goes to the line at `line`: before it, in its sentence."""
    return start <= line and _SENTENCE_END.search(text, start, line) is None


# Who answers a warning's own line (_help_line): the sender's office or staff by role, never a collector's 专员, 客服,
# 律师 or 法务, whom a scam names.
_HELP_OFFICE = precompiled(
    r"网格员|居委会?|村委会?|社区(?:民警|工作人员|办公室|电话)?|物业(?:服务)?中心|保卫(?:处|科)|派出所|民警|警官|辅导员|班主任|老师"
    r"|学生处|学工处|值班室|办公室|本所|我所|本校|我校|财务部|人事部|座机|办公电话|值班电话"
)
# What a consult on a warning's landline is for (_help_line).
_HELP_CUE = precompiled(r"可疑|拿不准|吃不准|如需核实|需要核实|如有疑问|如有疑虑|有疑问|举报|求助|咨询")
# What a help line's sentence never asks (_help_line).
_HELP_NOT_ASKED = precompiled(r"转账|转入|汇款|付款|缴费|缴纳|支付|打款|验证码|密码|点击|登录|下载|微信|qq|添加|扫码|回复|办理|处理|解冻|退款")
# The reader's own money, debt or account, named to him (_help_line).
_READERS_STAKE = precompiled(
    r"(?:您|你)(?:的|名下|家|本人)?[^。，,！？!?]{0,6}?(?:账户|账号|借款|贷款|网贷|信用卡|银行卡|欠款|逾期|额度|余额|资金|社保|医保|公积金|征信|订单|快递|包裹)"
)
# A number as it stands in the text, its separators in it.
_NUMBER_AT = precompiled(r"\+?\d[\d\s-]*\d")
# A landline with its area code ("0571-86972105", "025 8476 3309" as normalised).
_AREA_LANDLINE = precompiled(r"0[1-9]\d{1,2}[-\s]?\d{3,4}[-\s]?\d{4}(?!\d)")


def retold_entity(text: str, entity: Entity, present: frozenset[str] | None = None) -> bool:
    """Whether a number or link found at entity.norm_start..norm_end of the normalised text stands in a
    warning's retelling of the scam's message (_retold_channel): the rules read it as the claims do."""
    data = _data()
    kind = "chat" if entity.kind == "chat_handle" else entity.kind
    # `present`: the text's characters, where the caller has them already (rules.Message.present).
    if kind not in _RETOLD_CHANNEL_KINDS or not _may_retell_channels(text, data, present or frozenset(text)):
        return False
    return _retold_at(text, entity.norm_start, entity.norm_end, data)


def _retold_channel(text: str, channel: Channel, data: _Data) -> bool:
    """Whether a number or link stands in a warning's retelling of the scam's message: its own sentence names
    the scam's message or the scammer as what left it before it (claims.toml retelling.retold_channel_frame:
    "短信里留了一个…的号码", "骗子的短信里写着“…”"), and after it, within the next sentence, the warning tells
    the reader not to use it or disowns it (retelling.retold_channel_denied: "请不要回拨", "这个400号码不是任何
    平台的客服"). Both, in the frame's own clause with no order to the reader between, or it is the sender's
    own (issue 8: a warning frame never hides a channel offered)."""
    at = channel.at
    if channel.kind not in _RETOLD_CHANNEL_KINDS or at < 0:
        return False
    return _retold_at(text, at, at + len(channel.value), data)


def _scam_quote(text: str, q: Quote, data: _Data) -> bool:
    """Whether quoted words are the scam's message a warning retells: named right after as a fraud ("“…请
    登录 x.top 认证”这是假的", "“…”是假冒税务短信"), or introduced by a frame ("骗子发短信称“…”", "如收到“…”")
    and disowned after (retelling.retold_channel_denied)."""
    if _mentioned(text, q):
        return True
    return data.retold_quote_frame.search(text, max(0, q.opening - 20), q.opening) is not None and _denied_after(text, q.closing, data)


def _retold_at(text: str, at: int, end: int, data: _Data) -> bool:
    """_retold_channel() of the channel at text[at:end]: where the same number or link stands more than once,
    every place must retell it ("骗子会让你加QQ 27…，现在加我QQ 27…" offers it the second time)."""
    value = text[at:end]
    places = list(_occurrences(text, value)) if value else [at]
    return all(_retold_once(text, place, place + len(value), data) for place in places or [at])


def _occurrences(text: str, value: str) -> Iterator[int]:
    """Where `value` stands in `text`, left to right and not overlapping (as re.finditer finds it, without
    compiling a pattern for every channel: re's cache does not hold them, and the compiling cost 2 % of a check)."""
    k = text.find(value)
    while k >= 0:
        yield k
        k = text.find(value, k + len(value))


# A channel that follows another in a list ("如 +63 917…、+855 96…", "ccb-jf.top、icbc-x.cc"): the item before it, a
# run of a number's or a link's characters right before the list's mark. _disowned_in_place follows a list of channels
# disowned in place by its own _LISTED_AFTER (any list mark); this follows a list, by 、 only, for every other reading
# of _retold_once (an example, a case, a scenario), one item back.
_ITEM_BEFORE = precompiled(r"(\+?[0-9a-z][0-9a-z+\-./_:]{4,60})、$")


def _retold_once(text: str, at: int, end: int, data: _Data, listed: bool = True) -> bool:
    """_retold_at() of one place of the channel. `listed`: a channel listed right after another is read as the
    one before it is (round 45: "诈骗电话多以+63开头，如 +63 917…、+855 96…" gives neither; the example marker
    stands before the first item only)."""
    if _disowned_in_place(text, at, end):
        return True
    before = _ITEM_BEFORE.search(text, max(0, at - 62), at) if listed else None
    if before is not None and _retold_once(text, before.start(1), before.end(1), data, listed=False):
        return True
    quote = next((q for q in _quotes(text) if q.start <= at < q.end), None)
    if quote is not None and _scam_quote(text, quote, data):
        return True
    begin = _stretch_start(_SENTENCE_END, text, at, 80)
    if _case_told(text, at, end, begin, data) or _narrated_in_warning(text, at, end, begin, data) or _in_disowned_list(text, at, data):
        return True
    if _caller_told(text, at, end, begin) or _story_told(text, at, end, begin, data) or _exemplified(text, at, end, begin, data):
        return True
    # A scenario a warning advises on ("如果短信说…要您拨打 400…“改签专线”，请别打"), with no order of the
    # sender's own in the channel's clause and the channel disowned after it ("如果您收到本短信，请拨打025…处理，
    # 切勿拖延" gives its number).
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, begin, at)), default=begin)
    if data.fresh_imperative.search(text, clause, at) is None and _in_scenario(text, at, data) and (_disowned_by_name(text, end) or _denied_after(text, end, data)):
        return True
    # The frame governs the channel in its own clause, with no order to the reader between ("短信里留了一个
    # 400…的号码"; not "短信里留的号码不要回，请拨打我们的400…").
    frame = max(data.retold_channel_frame.finditer(text, begin, at), key=lambda m: m.start(), default=None)
    if frame is None or _CLAUSE_BREAK.search(text, frame.end(), at):
        return False
    # No order to the reader in the frame's clause before the channel ("请立即将欠款转入其提供的账户6222…": the
    # sender asks for it, whatever words frame the account).
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, begin, frame.start())), default=begin)
    if data.fresh_imperative.search(text, clause, at):
        return False
    return _denied_after(text, end, data)


def _exemplified(text: str, at: int, end: int, begin: int, data: _Data) -> bool:
    """Whether a channel is given as an example of the scam's ("网址多为仿冒，比如 x.com", "“专线”是400号码（如400…）",
    "链接是 x.cc 这种"): an example marker right before or after it (_EXAMPLE_BEFORE, _EXAMPLE_AFTER), in a message
    with a warning cue, and no order to the reader in its clause before it ("请拨打客服热线（如400…）" gives it)."""
    if _EXAMPLE_BEFORE.search(text, max(0, at - 4), at) is None and _EXAMPLE_AFTER.match(text, end) is None:
        return False
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, begin, at)), default=begin)
    return data.fresh_imperative.search(text, clause, at) is None and _cue_search(data.denial, text) is not None


# An example's marker (round 29): "比如 / 例如 / 譬如 / 诸如", or a bare 如 opening a parenthesis or a clause
# (not 如下 / 如需 / 如有 / 假如, which give a channel or a condition); "这种 / 这类 / 之类 / 等" after it.
_EXAMPLE_BEFORE = precompiled(r"(?:比如|例如|譬如|诸如|(?<=[（(，,、：:\s])如)[:：\s]{0,2}$")
_EXAMPLE_AFTER = precompiled(r"\s?(?:这种|这类|这样的|之类|一类)")


# A channel disowned where it stands (case22): the object of a verb the reader is told not to do ("请勿添加微信号
# lc_…", "不要回拨0571-…", "切勿点击 x.top"), or named fake by its own noun ("仿冒我行网站 yh-….com", "诈骗电话
# 0571-…"). Right before the channel, nothing but the channel's noun and a colon between: "不要点击陌生链接，官方链接
# x.top" prohibits another link, "请勿添加其他微信，加微信号 …" another account. Not an anti-fraud or reporting line
# ("防诈骗官方电话：…", "反诈骗热线…", "举报诈骗电话：…"), which a scam can give as its own.
# A prohibition to the reader ("请勿…", "千万别…"): what the readers of a disowned channel share.
_PROHIBITION = r"(?:不要|切勿|请勿|勿|别|千万别|千万不要)"
_CHANNEL_NOUN = r"(?:微信号?|qq号?|号码|电话|来电|手机号?|座机|专线|热线|链接|网址|网站|域名|下载地址|地址|账户|账号|银行卡号?|卡号|二维码|app)"
_DISOWNED_IN_PLACE = precompiled(
    rf"(?:(?:{_PROHIBITION}|严禁)(?:再|去|随意|轻易)?"
    r"(?:回拨|拨打|回电|接听|点击|点开|点|打开|访问|登录|添加|加|扫描|扫|下载|联系|相信|理会|转账到|汇款到|转入|汇入|转到|汇到)"
    rf"(?:这个|此|该)?的?{_CHANNEL_NOUN}?"
    rf"|(?<![防反报击范治])(?:仿冒|假冒|钓鱼|虚假|诈骗|山寨|冒牌|涉诈|涉骗)的?(?:(?!官方|唯一|认证|正规|真实|举报|热线|专线)[\u4e00-\u9fff]){{0,4}}?{_CHANNEL_NOUN}"
    # Round 42: the channel is what the reader is told to beware of ("警惕 yb-x.xyz，…", "谨防 dxm-x.xyz 仿冒贷款App"), the
    # scammer's own ("骗子的微信号是 …", "骗子留的号码："), or named as passing itself off ("冒充10086的号码 l0086", "冒充公检法的
    # 电话：…"): no sender says any of this of its own way in.
    rf"|(?:警惕|谨防|当心|提防|小心)(?:这个|此|该)?的?{_CHANNEL_NOUN}?"
    rf"|骗子(?:们)?(?:的|留的|发的|给的|用的)(?:这个|那个)?{_CHANNEL_NOUN}(?:是|为)?"
    rf"|冒充[^。！？!?，,；;:：\s]{{1,12}}?的{_CHANNEL_NOUN})"
    r"(?:为|是)?[:：\s]{0,2}$"
)
_IN_PLACE_REACH = 24
# A way the message asks the reader to use, its verb right before it (_disowned_in_place): not one someone was asked to
# use (让/叫/要求 before the verb), nor one the reader is told not to use (a prohibition before the verb).
_ASKED_RIGHT_BEFORE = precompiled(
    r"(?<![让叫令勿别])(?<!要求)(?<!不要)(?<!严禁)(?<![让叫令][他她其我你您])(?<![勿别]再)(?<!不要再)"
    r"(?:致电|拨打|拨|回电|(?<![来致回])电(?![话子费视])|联系(?![方人])|咨询|添加|(?<![增参追附叠更外])加(?![入油强大])|点击|点开|点|登录|访问|打开|下载|扫描|扫|转账到|转到|转入|汇到|汇入|回复)"
    r"(?:一下|下)?[^。！？!?，,；;:：]{0,8}?[:：\s]{0,2}$"
)
_ASKED_REACH = 20
# The noun a chat id is found with, at its start ("qq 20…", "微信号wx_…").
_LEADING_NOUN = precompiled(r"(?:微信号?|qq号?)")
# How far before a channel the heading it stands under, or the list item before it, may start.
_LIST_REACH = 40
# What turns a disowned channel into the one to use: "请勿添加微信号 …以外的账号", "除…之外".
_EXCEPT_AFTER = precompiled(r"\s?(?:以外|之外|外的|除外)")


# A channel listed right after another one ("诈骗号码：188…、0571-…"): the list's item before it, and its mark.
# Round 55 (red team bare, genuine side): or a space alone, as a paste that lost its marks parts them ("冒充10086的网址
# 10086-jf.icu l0086-jfsc.top"); an attacker gains nothing a typed 、 did not already give him.
_LISTED_AFTER = precompiled(r"([0-9A-Za-z][0-9A-Za-z\-./:_@]{2,})(?:\s?[、，,；;和及或]\s?|\s)$")
_MAX_LISTED = 8


# A heading that names what follows its colon as the scammers' channels ("已确认的诈骗收款卡，请勿向其转账：6217…",
# "仿冒我行的短信常见网址：abc-….cc"): nothing between that names a channel of the sender's own (官方, 客服, 热线 …)
# or asks the reader to use one ("请拨打", "联系", "添加").
_HEADING_NAMING_SCAMS = (
    r"(?<![防反报击范治])(?:诈骗|仿冒|假冒|钓鱼|冒用|冒充|涉诈|涉骗|可疑)"
    rf"(?:(?!官方|唯一|认证|正规|真实|客服|热线|专线|联系|拨打|添加|请)[^。！？!?\n，,；;:：]){{0,12}}?(?:{_CHANNEL_NOUN}|卡)"
    # Round 42: the list named as what it is before its colon ("涉诈号码通报：", "诈骗网址曝光：", "可疑来电如下：").
    r"(?:通报|名单|清单|黑名单|提醒|预警|曝光|汇总|列表|如下|有|包括)?"
    r"(?:[，,](?:请勿|不要|切勿|勿)[^。！？!?\n，,；;:：]{0,8})?[:：]"
)
_DISOWNING_HEADING = precompiled(_HEADING_NAMING_SCAMS + r"\s?$")
# Round 30 (dev notice): a later item of the list such a heading opens, the items before it parted by 、 and none of
# them a request or a channel of the sender's own ("冒充我司财务的诈骗账号：钉钉昵称“财务-陈总监”、QQ 28…、邮箱…"), where
# the item before it is no number, link or id for _LISTED_AFTER to follow.
_DISOWNING_HEADING_ITEM = precompiled(
    _HEADING_NAMING_SCAMS + r"(?:(?!官方|客服|热线|专线|联系|拨打|添加|加|请)[^。！？!?\n:：；;，,]){1,40}?、\s?$"
)
_HEADING_ITEM_REACH = 64
# Told not to send money to it, the verb after it ("别往“核查账户”6230…转钱", "请勿向6217…转账").
# Round 55 (dev half): or the account named by a few words and its noun between ("不要再往对方提供的卡号6228…转钱", "请不要往卡号…转钱"),
# in one clause.
_PROHIBITED_TOWARDS = precompiled(
    rf"{_PROHIBITION}(?:再)?(?:往|向|给)(?:[“「][^”」]{{1,10}}[”」]|[^。，,！!？?；;“”「」]{{0,10}}?(?:{_CHANNEL_NOUN}|卡))?[:：]?\s?$"
)
_MONEY_VERB_AFTER = precompiled(r"\s?(?:转钱|转账|转款|汇款|汇钱|打款|打钱|付款|转|汇)")
# A channel can be named a scam's only in a text with one of these characters (诈骗, 骗子, 钓鱼, 假冒, 仿冒, 虚假, 山寨).
_SCAM_NAMING_CHARACTERS = frozenset("骗钓冒假")
# What a warning calls a channel of each kind when it names it a scam's ("这个号码", "骗子的卡", "钓鱼网站").
_KIND_NOUNS = {
    "phone": r"(?:号码|电话|手机号?|座机|专线|热线|号)",
    "bank_card": r"(?:银行卡|卡号|卡|账户|账号)",
    "link": r"(?:链接|网址|网站|域名|网页)",
    "chat": r"(?:微信号?|qq号?|账号|号)",
}
_NOT_ANTIFRAUD = r"(?![^。！？!?，,；;\n]{0,6}?(?:举报|预警|咨询|热线|专线|防范|宣传|提醒|怕|克星|官方))"


@cache
def _named_scam_patterns(kind: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For a channel of `kind`: (named a scam's right after it, in its own words: "号码0276…是诈骗号码", "6230…
    这个卡是骗子的"; named so by "this" in the rest of its sentence or the next: "这是骗子的卡", "该链接为钓鱼网站",
    "均非我行号码和网址"). Not "不是诈骗", nor an anti-fraud line ("是诈骗举报电话", "是骗子最怕的专线")."""
    noun = _KIND_NOUNS[kind]
    scam = r"(?<![不非])(?:是|为|系)(?:一个|一条|一张)?(?:诈骗|骗子|钓鱼|假冒|仿冒|虚假|山寨)"
    right_after = (
        rf"\s?(?:那个|这个|此)?{noun}?(?:也|都|均|就)?{scam}{_NOT_ANTIFRAUD}"
        # Round 25 (issue 8, genuine_register_10 dev half): said reported or blocked ("号码171…我们已经上报"), the
        # readers told to leave it alone with nothing after the verb ("那个QQ 1684…你们也别理"), or the message
        # it came in named a scam's ("dx-jifen.top那个积分换现金的短信是骗子"): what no sender says of his own. Not
        # "请勿回复" nor "请勿回拨", which a scam says of the SMS it sends ("请致电400… 请勿回拨").
        r"|\s?(?:我们|警方|民警)?(?:已经|已)(?:被)?(?:上报|举报|封停|拉黑|被封|封号|停机|标记)"
        r"|\s?(?:你们|大家|您|你)?(?:也)?(?:千万)?(?:别|不要|切勿|请勿)(?:理会|理|相信|信)了?(?=[，,。！!？?\s]|$)"
        r"|\s?那个[^。！？!?，,]{0,10}?(?:短信|信息|电话|消息)(?:也|都)?(?:是|为)(?:骗子|诈骗|假的)"
        # Round 42 (blind warning register 12, dev half): the channel as the one who passes itself off ("0755-…冒充社保局",
        # "微信号 zx_… 自称“征信修复”") or called fake in a word ("geshui-x.top 假的"): the "this" reading below, said right after
        # the channel. No sender says of its own number that it impersonates anyone, or that it is fake.
        r"|\s?[(（]?(?:也|都|均|就)?(?:冒充|假冒|仿冒|冒用|自称)"
        # or said to be nobody's line ("400…不是任何银行的客服电话"; not "不是诈骗").
        rf"|\s?(?:并?不是|并非)(?:任何|我行|本行|我司|官方|正规|银行|平台)[^。！？!?，,]{{0,8}}?的?{noun}"
        r"|\s?(?:是|为|就是)?假的(?![吗吧么呢?？])"
    )
    this = (
        rf"(?:这|该|此|上述|以上|这些|这个)(?:个|条|张|些)?(?:{noun}(?:都|均|全)?{scam}{_NOT_ANTIFRAUD}"
        rf"|(?:都|均|全)?{scam}(?:分子|团伙)?的?{noun})"
        rf"|(?:均|都|全|皆)(?:非|不是)(?:我行|本行|我司|本公司|官方|我局|本局|我院|本院|我们)的?(?:[^。！？!?，,]{{0,4}}?){noun}"
        # Round 30 (probe of our own): "this" said to pass itself off ("该号冒充公安…"), or found a scam's by a check
        # ("已被确认为诈骗账号"): what no sender says of his own.
        rf"|(?:这|该|此)(?:个)?{noun}(?:是|在|一直)?(?:冒充|假冒|仿冒|冒用)"
        rf"|(?:已经?|已)?被?(?:确认|认定|核实|证实|查实)(?:是|为)(?:诈骗|骗子|钓鱼|假冒|仿冒|虚假)的?{noun}"
        # Round 42: the list closed by what was done to it or what it all is ("以上号码已被封停", "以上均已被标记为诈骗",
        # "…（冒充医保局），均为诈骗电话"): what no sender says of its own way in.
        r"|(?:以上|上述|这些|这几个)(?:[^。！？!?，,；;]{0,6}?)(?:均|都|全)?(?:已经?|已)(?:被)?(?:封停|停机|停用|关停|拉黑|封号|查封|冻结|标记)"
        r"|(?<![^，,；;\s)）])(?:均|都|全|皆)(?:为|是|系)(?:诈骗|骗子|钓鱼|假冒|仿冒|虚假|山寨)"
        # Round 43: or what it all is not, by the name of whom it passes for ("…l0086-jfsc.top，均非中国移动，请勿点击");
        # not "均非诈骗".
        r"|(?<![^，,；;\s)）])(?:均|都|全|皆)(?:非|不是)(?!诈骗|骗|钓鱼|虚假|假|仿冒|冒充|山寨)[\u4e00-\u9fff]{2,8}?(?:的)?(?:官方)?"
        r"(?:号码|网址|网站|链接|短信|(?=[，,。！!；;]|$))"
    )
    return precompiled(right_after), precompiled(this)


def _channel_kind(value: str) -> str:
    """The kind of the channel written `value`, read from its characters: a link has a dot or a slash, a card 15
    digits or more, a phone 5 or more; anything else is a chat id."""
    digits = sum(ch.isdigit() for ch in value)
    if "." in value or "/" in value:
        return "link"
    if digits >= 15 and digits >= len(value) - 4:
        return "bank_card"
    if digits >= 5 and digits >= len(value) - 4:
        return "phone"
    return "chat"


def _disowned_in_place(text: str, at: int, end: int, listed: int = 0) -> bool:
    """Whether the channel at text[at:end] is disowned where it stands (_DISOWNED_IN_PLACE, _DISOWNING_HEADING,
    _PROHIBITED_TOWARDS), is listed right after one that is ("以下号码已被确认为诈骗号码：188…、0571-…，请勿接听"), or is
    named a scam's right after it or by "this" (_named_scam_patterns)."""
    if _EXCEPT_AFTER.match(text, end) is not None:
        return False
    window = max(0, at - _IN_PLACE_REACH)
    if _DISOWNED_IN_PLACE.search(text, window, at) or _DISOWNING_HEADING.search(text, max(0, at - _LIST_REACH), at):
        return True
    if _DISOWNING_HEADING_ITEM.search(text, max(0, at - _HEADING_ITEM_REACH), at):
        return True
    # Round 29: a chat id found with its own noun ("涉诈QQ 20…", "诈骗微信号 wx_…") is named where the noun ends.
    noun = _LEADING_NOUN.match(text, at, end)
    if noun is not None and _DISOWNED_IN_PLACE.search(text, window, noun.end()):
        return True
    if _PROHIBITED_TOWARDS.search(text, window, at) and _MONEY_VERB_AFTER.match(text, end):
        return True
    right_after, this = _named_scam_patterns(_channel_kind(text[at:end]))
    # Round 42 (red team disowned_decoy): what follows a way the message asks the reader to use ("请致电400…", "加QQ 38…")
    # names no way of the message's: a warning line glued after it ("…400 638 8386冒充公检法的电话：…", "…以上号码已被封停")
    # speaks of its own ways. A way someone else was asked to use ("让其添加QQ…", "让点 x.cc") is no such way.
    if _ASKED_RIGHT_BEFORE.search(text, max(0, at - _ASKED_REACH), at) is not None and not any(q.start <= at < q.end for q in _quotes(text)):
        return False  # (in quotation marks, the verb is the quoted scam's: "“…请登录 x.vip 解冻”这个链接是钓鱼网站")
    if right_after.match(text, end) or this.search(text, end, _next_sentence_end(text, end)):
        return True
    before = _LISTED_AFTER.search(text, max(0, at - _LIST_REACH), at) if listed < _MAX_LISTED else None
    return before is not None and _disowned_in_place(text, before.start(1), before.end(1), listed + 1)


# The number a call or a message came from, right before it ("有居民反映接到0571-…来电").
# Round 30: or the number someone called from, told first ("有个号码139…打电话说是我老师").
_CALLER_FRAME = precompiled(r"(?:(?:接到|接了|收到)了?(?:号码|电话|手机号?|座机)?(?:为)?|(?:有个|有一个|一个)(?:陌生)?(?:号码|手机号|电话))[\s:：]?$")
# Told not to believe it, with nothing after the verb: "请勿相信。" (not "请勿轻信谣言", which a scam says of others).
_BARE_DISBELIEF = precompiled(rf"{_PROHIBITION}(?:相信|轻信|理会)(?=[，,。！!；;]|$)")


def _caller_told(text: str, at: int, end: int, begin: int) -> bool:
    """Whether a number stands as the one a call or message someone else received came from (case22: "有居民反映接到
    0571-…来电，对方自称社保局…。社保局不会电话索要验证码，请勿相信。"): the sentence before it speaks to no reader
    (no 您 / 你: "您接到0571-…来电是我局通知，请回拨" gives it), and the warning disowns it by name or tells the reader
    not to believe it, with nothing after the verb, by the end of the next sentence."""
    if _CALLER_FRAME.search(text, max(0, at - 12), at) is None or _SECOND_PERSON.search(text, begin, at) is not None:
        return False
    return _disowned_by_name(text, end) or _BARE_DISBELIEF.search(text, end, _next_sentence_end(text, end)) is not None


# What the caller of a story told said to do, in the channel's sentence before it ("…说换号了让把房租打到…",
# "…说我医保卡被人冒用要冻结，让我打…", "…说有退税，让登录…"): said, then asked of the writer or of someone the writer
# tells of; 让 and 叫 may leave whom they ask unsaid, 要 not ("说…要注销" asks nobody).
# Round 42: or a message or call received, then what it asked ("我家老人昨天收到短信让点 x.cc…", "接到电话叫我加…"), and what
# someone else sent ("那个人发的链接 x.cc", "对方发来的网址"): the writer tells of it, as of the caller's words.
_SAID_ASKED = precompiled(
    r"(?:说|称)[^。！？!?]{0,24}?(?:(?:让|叫)(?:我|把|她|他)?|要(?:我|把|她|他))"
    r"|(?:收到|接到)[^。！？!?，,]{0,12}?(?:短信|信息|消息|电话|来电)[^。！？!?]{0,6}?(?:让|叫|要(?:我|把|她|他))"
    r"|(?:那个人|那人|对方|骗子|有人)(?:发|给|留)(?:来|过来)?的(?:链接|网址|号码|电话|微信号?|qq号?|卡号)"
)


def _story_told(text: str, at: int, end: int, begin: int, data: _Data) -> bool:
    """Whether a channel stands in what a story told to warn says the caller asked (round 26: "爸妈，今天有人冒充我们
    房东发短信，说换号了让把房租打到6228…，我打电话问了房东，根本没这回事，我没转。"): the message reads as such a story
    (reads_as_story: it opens as the report of a call or a message received, tells a refusal and asks nobody what to
    do), the channel's sentence before it tells what the caller said to do with it, with no order and no 您 / 你 in the
    channel's clause ("昨天有人冒充你舅舅打电话，说住院了让把押金转到…": 你舅舅 is whom the caller passed for), and the writer
    refuses after it ("我没转", "我没打，直接挂了"). A scam with a story's opening put
    before it ("刚才接到一个电话，我没理。房东新卡6214…") tells no caller's words in the channel's sentence, and refuses
    nothing after its channel."""
    if _SAID_ASKED.search(text, begin, at) is None:
        return False
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, begin, at)), default=begin)
    if _SECOND_PERSON.search(text, clause, at) is not None or data.fresh_imperative.search(text, clause, at) is not None:
        return False
    if not reads_as_story(text):
        return False
    # Round 29: the refusal anywhere after the channel; a story tells all the caller asked first, then that the writer
    # would not ("…让我加他QQ 26…，还发了个链接…，让我把钱转到…。我越听越不对，没理他").
    return data.story_refused.search(text, end) is not None


def _case_told(text: str, at: int, end: int, begin: int, data: _Data) -> bool:
    """Whether a channel stands in the narration of a case a warning reports (case21): the message opens as a
    case or a report of late ("案例：", "警情通报", "近期有客户…", _CASE_OPENS in its first _CASE_OPENING characters) or
    as a warning (retelling.frame: "【税务局】提醒纳税人：…", round 24), the victim's loss is told after
    the channel (_LOSS: "被骗1.5万元", "损失5000元", "卡里1.1万元被刷走", "老郑汇了9500元"), a warning cue stands in
    the message, and no order to the reader stands in the channel's clause before it ("案例：…损失5000元。请立即登录
    x.top" offers the link). The channel's sentence also tells how the scam reached the victim (_SCAM_CONTACT:
    "收到", "接到", "来电", "自称", "点开" ...): a scam told in the third person under a case's or a warning's opening,
    with a loss added after it, tells no case (round 24, red team narrated_loss: "【提醒】近期有用户退税待领 x.top，已有
    市民被盗刷。" and "【案例】一名用户加QQ 33…办理退款，一名用户因此被骗5000元。" offer their channels)."""
    if _CASE_OPENS.search(text, 0, _CASE_OPENING) is None and data.retelling_frame.search(text, 0, _RETELLING_OPENING) is None:
        return False
    if _LOSS.search(text, end, end + _CASE_REACH) is None:
        return False
    if _cue_search(data.denial, text) is None and _VICTIMISED.search(text, end, end + _CASE_REACH) is None:
        # A case is told to warn: a sum told after an account ("共计3000元") warns of nothing; someone defrauded, robbed or
        # blocked after it does (round 42: "…被转走2.3万元", "…随后将他拉黑"), as no scam says of its own channel.
        return False
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, begin, at)), default=begin)
    return (
        data.fresh_imperative.search(text, clause, at) is None
        and _LOSS.search(text, 0, at) is None
        and _narrated_subject(text, begin, at, data)
        and _scam_contact(text, begin, at, end)
    )


def _case_reported(text: str) -> tuple[int, int] | None:
    """Where a case report tells its victim's loss (round 56, dev half: "【临江市公安局】通报：市民陈某在股票群看到…按群主指引
    下载…App并充值…最终无法提现。"): the message opens as a case (_CASE_OPENS in its first _CASE_OPENING characters) and
    a sentence that names a victim in the third person (_VICTIM, retelling.third_person) tells him defrauded, robbed or
    blocked (_VICTIMISED), with nobody spoken to (您 / 你) and no writer speaking (我) before the loss. Such a report warns as a cue of claims.toml
    denial does, with no word of warning: what the scammer asked of that victim is narrated. A scam that speaks to its
    reader ("近期您的卡有被盗刷风险…") names no victim."""
    if _CASE_OPENS.search(text, 0, _CASE_OPENING) is None:
        return None
    data = _data()
    for loss in _VICTIMISED.finditer(text):
        # Told in the third person from the start: no one spoken to and no writer speaking before the loss, outside
        # quotation marks (red team narrated_loss: "【案例】一名用户" put before a scam's "…我这边给兑…" tells no case).
        quotes = _quotes(text, 0, loss.start())
        persons = (m.start() for p in (_SECOND_PERSON, _FIRST_PERSON) for m in p.finditer(text, 0, loss.start()))
        if _unquoted(persons, quotes):
            return None
        begin = _stretch_start(_SENTENCE_END, text, loss.start(), 200)
        if _VICTIM.search(text, begin, loss.start()) or data.third_person.search(text, begin, loss.start()):
            return loss.start(), loss.end()
    return None


def _narrated_subject(text: str, begin: int, at: int, data: _Data) -> bool:
    """Whether the sentence text[begin:at] before a channel tells of someone else, no one spoken to: a victim
    or a third person named in it (_VICTIM, retelling.third_person: "有用户收到…", "一名老人点开后…", "马某填了…"),
    no 您 / 你, and no writer introducing himself as someone the reader knows outside quotation marks (_SELF_CLAIM).
    A bare order ("这个月房租打到6222…") names nobody and tells nothing. A 您 in the scam's message the warning quotes
    is the scam's reader ("收到冒充我行的短信“您的额度可提升…”，一位客户填写卡号后被盗刷…").
    """
    spoken_to = [m.start() for m in _SECOND_PERSON.finditer(text, begin, at)]
    if spoken_to and _unquoted(spoken_to, [q for q in _quotes(text, begin, at) if _scam_quote(text, q, data)]):
        return False
    # Round 28 (red team narrated_loss: "【警情通报】市民王某我是胡总，刚给转了91000，收到后转给徐红梅，卡号…"): nor a writer
    # who introduces himself as someone the reader knows, outside quotation marks; a case tells that claim in the
    # third person ("收到自称胡总的短信"). The quotation may run on past the channel ("收到“我是房东…卡上6228…”的短信").
    claimed = [m.start() for m in _SELF_CLAIM.finditer(text, begin, at)]
    if claimed and _unquoted(claimed, _quotes(text)):
        return False
    # Round 29 (red team narrated_loss: "【提醒】近期有用户我老公今天接到个电话，…让我老公先帮他给对方转…"): nor the writer
    # telling his own story, 我 outside quotation marks; a case's sender speaks as its office ("我校", "我局", "我们").
    writer = [m.start() for m in _FIRST_PERSON.finditer(text, begin, at)]
    if writer and _unquoted(writer, _quotes(text)):
        return False
    return _VICTIM.search(text, begin, at) is not None or data.third_person.search(text, begin, at) is not None


# The writer introducing himself as someone the reader knows ("我是胡总", "是我，你表弟"; not "说是我表弟", retold).
_SELF_CLAIM = precompiled(
    r"(?<![说称叫])(?:我是|是我[,，]?)(?:你的?|您的?|你们|您们)?[^，,。!?\s]{0,4}?"
    r"(?:总|董|主任|局长|书记|处长|科长|校长|老师|班主任|老板|房东|老同学|同学|老乡|同事|儿子|女儿|表哥|表姐|表弟|表妹|舅舅|侄子|侄女|外甥|孙子|孙女)"
)


def _narrated_in_warning(text: str, at: int, end: int, begin: int, data: _Data) -> bool:
    """Whether a channel stands in a warning's narration (case21): the message opens as a warning (claims.toml
    retelling.frame, in its first characters), the channel's sentence up to it speaks to no reader (no 您 / 你,
    no order) and tells how the scam reached someone (_SCAM_CONTACT: "近期有用户收到…短信，点开仿冒链接 x.top 后…"),
    and the warning disowns it by name after (_disowned_by_name). A sentence that speaks to the reader ("【提醒】
    您的账户异常，登录 x.top 认证…") gives it as its own."""
    if data.retelling_frame.search(text, 0, _RETELLING_OPENING) is None or data.fresh_imperative.search(text, begin, at) is not None:
        return False
    if not _narrated_subject(text, begin, at, data) or not _scam_contact(text, begin, at, end):
        return False
    return _disowned_by_name(text, end)


def _disowned_by_name(text: str, end: int) -> bool:
    """Whether a channel a warning's narration or scenario names is disowned after it, to the end of the next
    sentence: the message or the channel named as such, the body that did not send it, the loss it brought, or
    the reader told not to use it ("请勿回拨"); not any "请勿轻信…" ("还款账户6222…，切勿轻信谣言，今日内还款")."""
    return _NARRATION_DISOWNS.search(text, end, _next_sentence_end(text, end)) is not None


def _scam_contact(text: str, begin: int, at: int, end: int) -> bool:
    """Whether the sentence text[begin:at] before a channel tells how the scam reached someone (_SCAM_CONTACT), or
    the channel is the object of a contact told as done, or stands where the victim saw the scam's ad (round 29:
    "添加QQ 31…后", "拨打400…之后", "在QQ群看到…")."""
    if _SCAM_CONTACT.search(text, begin, at) is not None:
        return True
    # The place the victim saw the scam's ad, which may hold the channel or the request itself ("在QQ群看到…"); not
    # where the writer saw something (red team narrated_loss: "…我们在招聘网站上看到了投递的简历…").
    seen = _SEEN_IN.search(text, begin, min(len(text), end + 4))
    if seen is not None and seen.start() <= at and _FIRST_PERSON.search(text, begin, seen.start()) is None:
        return True
    if _MADE_TO_ACT.match(text, end) is not None:
        return True  # the channel that made the victim act ("客服微信 dxm… 让其先交解冻金", round 56)
    return _DONE_AFTER.match(text, end) is not None and _CONTACT_BEFORE.search(text, max(begin, at - 4), at) is not None


# The victim as 其, whom the scammer made act ("让其先交解冻金"), before the channel (_SCAM_CONTACT) or right after it
# (_MADE_TO_ACT).
_VICTIM_MADE_TO_ACT = r"(?:让|要|叫|诱导|要求|引导|指使|指导)其"
# The victim as 其 made to act, right after the channel (_scam_contact): the pronoun of a case report, never of a message
# that speaks to its reader.
_MADE_TO_ACT = precompiled(r"\s?(?:又|还|便|就)?" + _VICTIM_MADE_TO_ACT)


# A contact verb right before a channel, and the perfective "…后" right after it, or after the id that a request's verb
# names (_scam_contact: "添加QQ 31…后").
_CONTACT_BEFORE = precompiled(r"(?:点击|点开|拨打|添加|加了?|登录|下载|扫描|扫|回拨|联系)[:：\s]?$")
_DONE_AFTER = precompiled(r"[\sa-z0-9_-]{0,24}?(?:后|之后|以后)")
# The writer himself (_narrated_subject, _scam_contact, _case_reported); not the sender's office ("我校", "我市", "我们").
_FIRST_PERSON = precompiled(r"我(?![们校院司行局所市区县省镇村厂部处])")
# Where the victim saw the scam's ad: a group, a site, an app, a feed or a video (_scam_contact).
_SEEN_IN = precompiled(r"在[^。，,!?]{0,10}?(?:群|网站|平台|app|朋友圈|直播间|视频|游戏|论坛|贴吧)(?:里|上|中|内)?(?:看到|刷到)")
# How the scam reached the one a warning's narration tells of ("收到冒充我行的短信，点开仿冒链接…"; round 24: a call
# that came, "来电", "打来"): without it the sentence tells no scam ("有客户借呗逾期，还款账户…").
# Round 42: or sent by the other party ("对方发来交易网站…", "群主发链接…"), told in the third person.
_SCAM_CONTACT = precompiled(
    r"收到|接到|来电|打来|冒充|仿冒|假冒|自称|谎称|点开|(?:点击|拨打|添加|加|登录|下载|扫|回拨|转)了|(?:点击|拨打|添加|登录|下载|回拨)(?:后|之后)"
    r"|(?:对方|骗子|群主|网友|卖家|买家)(?:又|还|就)?(?:发来|发了|发过来|甩来|推送)"
    # Round 56 (dev half): the victim as 其, whom the scammer made act ("客服微信 dxm… 让其先交解冻金"): a case report's pronoun.
    r"|" + _VICTIM_MADE_TO_ACT
)
# What disowns the channel a warning's narration named: the message or the channel named as such, the body
# that did not send it, or the loss it brought.
_NARRATION_DISOWNS = precompiled(
    r"(?:该|这个|此|这条|这类|此类|上述|以上)(?:短信|信息|消息|链接|网址|网站|号码|电话|账户|账号|二维码|app)"
    r"|(?:并非|不是)(?:我行|本行|我们|官方|本公司|我公司|本中心|我中心|我局|本局|本院|我院)"
    r"|(?<!避免)(?<!防止)(?<!以免)(?<!谨防)被骗(?:走)?了?[^。，,!?]{0,6}?\d|损失了?\d|被(?:转|刷|划|骗|盗)走|被盗刷"
    rf"|{_PROHIBITION}(?:回拨|拨打|回电|点击|点开|打开|访问|添加|扫码|回复|转账|汇款|付款|填写|登录|打(?=[,，。!！\s]|$))(?![^。！？!?，,]{{0,4}}?(?:其他|其它|别的))"
    r"|被收取|(?:我行|本行|我们|本公司|我公司|本中心|官方)(?:从不|从未|不会|绝不|从来不)(?:发送|通过|使用|用|要求|收取|留)"
    # Round 30: the caller named a scammer ("…让你转到他卡上，那是骗子").
    r"|(?:那|这|他|她|对方)(?:个人)?(?:就|肯定|一定|绝对)?是骗子"
)


_SECOND_PERSON = precompiled(r"您|你")
# Who a warning's narration tells of: the victim by role, or someone "某" (round 24: also a patient's family, a
# customer, a tenant, a taxpayer ... as warnings of hospitals, couriers, landlords and tax offices name them).
_VICTIM = precompiled(
    r"用户|客户|居民|市民|老人|老年人|学生|职工|员工|[\u4e00-\u9fff]某|事主|受害人|车主|旅客|网友|群众|女士|先生|大爷|阿姨|村民|家长|会计|出纳|一名|一位"
    r"|家属|患者|顾客|乘客|店主|租户|业主|纳税人|同学|研究生"
    # Round 32: by role or by the name a case report gives ("货车司机老杨", "宝妈陈某", "小张", "男子"): 小 or 老 before a surname.
    r"|司机|宝妈|男子|女子|小伙|姑娘|大妈|老汉|青年|大学生|老师|商户|卖家|买家"
    r"|[小老](?:王|李|张|刘|陈|杨|黄|赵|吴|周|徐|孙|马|朱|胡|郭|何|林|罗|高|郑|梁|谢|宋|唐|许|韩|冯|邓|曹|彭|曾|肖|田|董|潘|袁|蔡|蒋|余|于|杜|叶|程|魏|苏|吕|丁|任|沈|姚|卢|钟|姜|崔|谭|陆|范|汪|廖|石|金|贾|夏|付|方|邹|熊|白|孟|秦|邱|侯|江|尹|薛|闫|段|雷|龙|黎|史|陶|贺|顾|毛|郝|龚|邵|万|覃|武|钱|戴|严|欧|莫|孔|向|汤)(?![\u4e00-\u9fff]{0,1}(?:们|家|区|县|镇|村|路|街))"
)
# How a case report opens: named so, or (round 24) as a report of late, "发生多起…", or when it happened ("近期",
# "近日", "上月" ...).
# Round 42: or by the day it happened ("10月9日，…居民吴某收到…"), or the victim's place as police reports name it
# ("辖区一名宝妈…", "村民小马…", "市民冯某…").
_CASE_OPENS = precompiled(
    r"案例|警情|通报|以案说法|案情|真实案件|反诈小课堂|发生了?(?:多|一|几|两|数)起|近期|近日|日前|最近|上月|本月|上周"
    r"|^\s?\d{1,2}月\d{1,2}日|辖区|居民|市民|村民"
    # Round 56 (dev half): a victim introduced as one of a place's people ("柏溪县一名个体户…", "某小区一位老人…").
    r"|(?<![我是])一(?:名|位)"
)
_CASE_OPENING = 24
_CASE_REACH = 150
# A loss said as a loss (_LOSS and _VICTIMISED share it): defrauded of a sum, robbed, found defrauded, a sum lost, the
# money that can no longer be drawn (the end of every investment and task case: "最终无法提现"), the account found short,
# the identity used by the scammer.
_LOSS_SAID = (
    r"(?<!避免)(?<!防止)(?<!以免)(?<!谨防)被骗(?:走)?了?[^。，,!?]{0,6}?\d|被(?:转|刷|划|骗|盗)走|被盗刷|发现(?:自己)?(?:被骗|上当)"
    r"|(?<!避免)(?<!防止)(?<!以免)(?<!造成)(?<!将)(?<!会)损失了?[^。，,!?]{0,4}?\d|(?:最终|最后|结果|却|均|都|再也)无法(?:提现|取出|出金)"
    r"|(?:卡里|卡上|账户里|账户中|账上|余额)[^。，,!?]{0,4}?少了[^。，,!?]{0,4}?\d"
    # Round 57 (dev half): the identity handed over and then used ("结果被人冒用身份开了网贷"), the end of a case where a code
    # and an ID number went to the scammer.
    r"|(?:结果|最终|最后|随后|后来)被(?:人|他人|别人|对方|骗子)?冒用(?:了)?(?:其|他的?|她的?)?身份"
)
# The victim's loss said as a loss, not as a sum paid alone (_case_told: a case that warns with no other word of warning).
_VICTIMISED = precompiled(_LOSS_SAID + r"|提不出来|(?:将|把)(?:他|她|其)拉黑|被(?:对方)?拉黑")
# A victim's loss told, with its sum or its way out of the account (round 24: a card stolen from, "被盗刷"; or the
# scam seen through only after, "才识破", "转了2800元后才发现"; or a loss averted by checking, "核实后避免了损失";
# round 27: spent by someone else, "被…消费8900元").
_LOSS = precompiled(
    _LOSS_SAID
    + r"|(?:汇|转|付|交)了[^。，,!?]{0,4}?\d[\d.,]*[万千百]?元"
    r"|(?:转出|汇出|转走|骗走)了?(?:共计|累计|总计|合计|共)?[^。，,!?]{0,4}?\d[\d.,]*[万千百]?元"
    # Round 29: the sum told before its verb ("累计转出1.96万元", "先后投入共36万元") or after it with its total ("转账共计
    # 1.56万元").
    r"|(?:共计|累计|总计|合计|先后)(?:转出|汇出|转账|汇款|投入|充值)了?[^。，,!?]{0,4}?\d[\d.,]*[万千百]?元|(?:追加|累计|先后)?投入(?:共计|累计|共)?\d[\d.,]*[万千百]?元"
    r"|(?:转账|汇款|转出|汇出)(?:共计|累计|总计|合计|共)\d[\d.,]*[万千百]?元"
    r"|盗刷了?[^。，,!?]{0,4}?\d|才(?:识破|发现)|核实后(?:才)?(?:避免了?|挽回了?)(?:损失|被骗)"
    # Round 27: the account spent by someone else ("卡被绑到陌生钱包消费8900元"); not one that will or may be ("将被消费").
    r"|(?<![将会能要])被[^。，,!?将会]{0,12}?消费了?[^。，,!?]{0,4}?\d[\d.,]*[万千百]?元"
    # Round 34: the sum gone from the account, found after ("第二天发现卡里少了1.5万元"), or stolen ("账户中7800元被盗").
    r"|\d[\d.,]*[万千百]?元被盗"
)


def _denied_after(text: str, end: int, data: _Data) -> bool:
    """Whether the warning tells the reader not to use a retold channel, or disowns it, from `end` to the
    end of the next sentence (at most _RETOLD_CHANNEL_REACH characters)."""
    return data.retold_channel_denied.search(text, end, _next_sentence_end(text, end)) is not None


def _next_sentence_end(text: str, end: int) -> int:
    """Where the sentence after the one holding `end` ends, at most _RETOLD_CHANNEL_REACH characters on: how far
    a warning's disowning of a channel may stand after it."""
    first = _SENTENCE_END.search(text, end)
    second = _SENTENCE_END.search(text, first.end()) if first else None
    return min(second.end() if second else len(text), end + _RETOLD_CHANNEL_REACH)


# A call back asked of the reader ("取消请回电", "不需要的话请尽快回电"), not a noun ("您申请的客服回电：…")
# nor an option among others ("可到营业厅或回电").
_CALL_BACK = precompiled(r"(?:(?<![申邀])请|须|务必|立即|马上|尽快|(?<![快迅急])速|赶紧|及时)(?:您|你)?(?:立即|马上|尽快|速|赶紧|及时)?(?:回电|回拨|回个电话|打回来)")
# What a call with no number is for, right after its verb: to check with someone the reader knows.
# Or one to a person the reader knows, named before the verb ("先给孩子父母打电话", "给家人打个电话"): the
# warning's advice to check with family, no channel of the message's own.
# An item of a warning's list, from a mark that opens it to "的，是骗子" / "的都是诈骗" that closes it ("一、自称“公检法”
# 说您涉嫌洗钱、要把钱转到安全账户的，是骗子；"): what it says is the scam's. Not the message's first words (a
# sender's 【tag】 before such an item is the sender's own).
_DISOWNED_ITEM = precompiled(
    r"(?<=[：:；;。！？!?\n、])([^。！？!?；;：:\n]{2,60}?)的[,，]?(?:这些|此类)?(?:都|均|一律|全)?(?:是|为|属于?)(?:诈骗|骗局|骗子|陷阱|假的)"
)


# Findings that already name what a reply with one's details would be part of.
_REPLY_COVERED = frozenset({"credentials_requested", "pay_through_unofficial_channel"})
# What a reply or a call back is asked for when it lifts a threat: to restore, unfreeze, unlock, explain or sort it out.
_LIFTING = precompiled(r"恢复|解除|解冻|解封|解锁|激活|处理|说明情况|核实|核对")
# The findings that already judge a threat or a notice lifted through a contact: threat_lifted_by_reply adds nothing.
_THREAT_COVERED = frozenset({"threat_lifted_by_call", "details_by_reply", "contact_through_private_channel", "channel_mismatch"})


def _unseen_links(text: str, data: _Data, staked: bool, pitched: bool, linkless: bool = False) -> Iterator[re.Match[str]]:
    """The places a task is asked through a link the paste does not show (channels.unseen_task), or its label with the
    word 链接 where the address was (channels.unseen_labelled); and where the message tells of the reader's money, account
    or service or threatens him (`staked`), with no task word: the link named, an order to open or a label with nothing
    after it in its clause (channels.unseen_ended), the link named or pointed at whatever follows but a look or an
    advert's ask (channels.unseen_pointed). The stake is the task there (round 46). Round 47, where `staked` too: the link
    as the place of the task, a login or a tap with the task and no app named, a tap or the word 链接 alone after a paste's
    space (channels.unseen_bare, unseen_bare_ended, unseen_alone), none beside the institution's own app (_own_place_near);
    and where a platform is pitched (`pitched`, stakes.pitch), the platform named with 链接 where its address was
    (channels.unseen_platform). Round 55: where the message claims an institution whose SMS carry no link (`linkless`), the
    link pointed at to look as well (channels.unseen_look_pointed), but beside the institution's own app."""
    yield from data.unseen_task.finditer(text)
    gaps = set(_paste_gaps(text))

    def ended(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        # Searched again from each match's next character, not finditer: an order that ends before the link's name
        # ("需恢复请点击" of "…请点击链接") must not hide the named link that starts inside it.
        at = 0
        while (m := pattern.search(text, at)) is not None:
            if _clause_ends(text, m.end(), gaps):
                yield m
            at = m.start() + 1

    yield from ended(data.unseen_labelled)
    if staked:
        yield from ended(data.unseen_ended)
        yield from data.unseen_pointed.finditer(text)
        # A tap, a visit or the link's name alone after a space the paste had (channels.unseen_alone): a word of its own there,
        # though the normalised text joins it to the word before.
        alone = (
            m
            for g in sorted(gaps)
            if (m := data.unseen_alone.match(text, g)) is not None
            and (_clause_ends(text, m.end(), gaps) or data.unseen_alone_pointed.fullmatch(m.group()) is not None)
        )
        bare = (*data.unseen_bare.finditer(text), *ended(data.unseen_bare_ended), *alone)
        yield from (m for m in bare if not _own_place_near(text, m.start(), m.end()))
    if pitched:
        yield from data.unseen_platform.finditer(text)
    if linkless:
        yield from (m for m in data.unseen_look_pointed.finditer(text) if not _own_place_past_tag(text, m.start(), m.end()))


def _clause_ends(text: str, end: int, gaps: Collection[int]) -> bool:
    """Whether a clause ends at `end`: a clause mark, the end of the message, or a space there or in the paste."""
    return end == len(text) or text[end] in _CLAUSE_END_MARKS or text[end].isspace() or end in gaps


def _own_place_near(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the institution's own app, site or counter is named before text[start:end] in its sentence, or right after
    it in its clause ("请登录网上国网App，点击缴费", "请及时通过 网上国网 App 缴费"): the place is the app's, not a link the paste
    lost (channels.unseen_bare). Nothing before `floor` counts (_own_place_past_tag: a sender's tag)."""
    before = _OWN_PLACE.search(text, max(_sentence(text, start)[0], start - _OWN_PLACE_REACH, floor), start)
    if before is not None:
        return True
    if _LINK_NAMED.search(text, start, end) is not None:
        return False  # the link is named: an app after it is another place ("点链接请登录支付宝App核实")
    after = _OWN_PLACE.search(text, end, min(len(text), end + _OWN_PLACE_REACH // 2))
    return after is not None and _CLAUSE_BREAK.search(text, end, after.start()) is None


def _own_place_past_tag(text: str, start: int, end: int) -> bool:
    """_own_place_near() with the message's leading 【…】 tag left out: the 12123 of a sender's tag ("【12123】…点击下方进入查询")
    is no app the look is in, as the app named before it is ("请登录交管12123App，点击下方查询")."""
    tag = _LEADING_TAG.match(text)
    return _own_place_near(text, start, end, floor=0 if tag is None else tag.end())


_LEADING_TAG = precompiled(r"\s{0,3}[【\[［][^】\]］]{1,20}[】\]］]")


_LINK_NAMED = precompiled(r"链接|网址|网页|入口")
# Wider than _OWN_CHANNEL (the reader's ways in to pay): the places a tap or a login happens in, a public account, a site, a
# window or 交管12123 too. The normalised text is in lower case.
_OWN_PLACE = precompiled(r"app|客户端|公众号|小程序|官网|官方网站|营业厅|网点|柜台|窗口|12123")
_OWN_PLACE_REACH = 24


def _unseen_patterns(data: _Data) -> tuple[re.Pattern[str], ...]:
    """Every form of a link the paste does not show (_unseen_links)."""
    return (
        data.unseen_task, data.unseen_labelled, data.unseen_ended, data.unseen_pointed, data.unseen_bare, data.unseen_bare_ended, data.unseen_alone,
        data.unseen_platform, data.unseen_look_pointed,
    )


def _said(text: str, pattern: re.Pattern[str], data: _Data, present: frozenset[str], gap: Callable[[int], bool] | None) -> bool:
    """Whether the message says one of `pattern`'s words to the reader (claims.toml stakes.hook: a traffic fine, a power bill, a
    parcel held, a refund's sum; stakes.pitch: a platform that makes money), outside the clauses that deny it and not after
    a message it retells (_RECEIVED_SAYING)."""
    if not could_match(pattern.pattern, present):
        return False
    return any(
        not _governed(text, m.start(), m.end(), data, gap=gap)
        and _RECEIVED_SAYING.search(text, max(0, m.start() - _RECEIVED_REACH), m.start()) is None
        and _SCAM_KIND.match(text, m.end()) is None
        for m in _ends_of(pattern.finditer(text))
    )


# A message the writer got, retold ("收到一条署名建行95533的短信，说他公积金账户出现故障", "如果你收到说社保卡要升级"): the words after it
# are the message's, passed on, not a notice to the reader of this paste.
_RECEIVED_SAYING = precompiled(r"(?:收到|接到)[^。！？!?\n]{0,24}?(?:短信|信息|消息|电话)[^。！？!?\n]{0,4}?(?:说|称|讲|[:：])|(?:如果|若|要是|一旦)(?:你|您)?(?:收到|接到)(?:说|称)")
_RECEIVED_REACH = 60
# What follows words that name a kind of message or scam ("冒充我行的积分兑换短信", "退税诈骗") or deny it ("积分兑换从不涉及虚拟扣款"),
# not telling one.
_SCAM_KIND = precompiled(r"[^。，,！!？?；;\n]{0,6}?(?:短信|信息|诈骗|骗局|骗子|陷阱)|[^。，,！!？?；;\n]{0,2}?(?:从不|从来不|从未|绝不|决不|不会)")


def _link_shown_at(text: str, links: list[Entity], start: int, end: int) -> bool:
    """Whether one of `links` stands in the place text[start:end] or right after it in its clause (within _LINK_SHOWN_REACH
    characters, no clause mark between): the link a task of opening points at, shown ("请点击链接 icbc.com.cn 领取")."""
    for e in links:
        if start <= e.norm_start <= end + _LINK_SHOWN_REACH and _CLAUSE_BREAK.search(text, end, max(end, e.norm_start)) is None:
            return True
    return False


_LINK_SHOWN_REACH = 12


_Place_T = TypeVar("_Place_T")


def _ends_of(places: Iterable[_Place_T]) -> list[_Place_T]:
    """The first and the last _MAX_EACH of `places`: a huge paste repeats itself, and each place is read against its whole
    sentence (_governed), which in a paste with no sentence end is the paste. The last are kept too, as padding goes
    before a scam's request."""
    found = list(places)
    return found if len(found) <= 2 * _MAX_EACH else found[:_MAX_EACH] + found[-_MAX_EACH:]


# What ends the clause of an unseen link's verb or label (_unseen_links): a clause mark, a closing bracket, or an opening one,
# which starts something else ("请点击（链接见下条短信）", "请于今日登录【建设银行】", a phone's "点击[链接]").
_CLAUSE_END_MARKS = frozenset("。，,！!？?；;)）]】【[（(")


# The findings that already name the way a task is asked through: task_through_unseen_link adds nothing beside them.
_UNSEEN_COVERED = frozenset({"pay_through_unofficial_channel", "credentials_requested", "channel_mismatch", "contact_through_private_channel", "link_by_reply", "benefit_through_unofficial_channel"})
# The findings that already judge money offered to the reader: benefit_by_reply adds nothing beside them.
_BENEFIT_COVERED = frozenset({"benefit_through_unofficial_channel", "benefit_claimed_by_call", "prize_claimed_by_call", "flight_refund_by_call", "details_by_reply"})


# A staff member's or a branch's line, labelled so right before a landline ("经办人：王某，窗口电话", "客户经理陶某
# 座机", "网点座机：", "理财经理方某"), in the number's own clause.
_STAFF_LABEL = precompiled(
    # Round 43 (blind register 14, dev half): a court's clerk or judge, a family doctor, a community officer, a fund's
    # desk ("书记员朱婷 021-…", "家庭医生：赵医生 0871-…", "贷款科 陈凯 020-…").
    r"(?:经办人|客户经理|理财经理|专管员|网格员|联系人|窗口|网点|营业部|支行|柜台|办公室|科室|书记员|法官助理|承办法官"
    r"|家庭医生|医生|社区干部|贷款科|服务站)[^。，,！!？?；;]{0,8}?(?:电话|座机|固话)?[:：\s]{0,2}$"
)
_STAFF_REACH = 16
_LANDLINE = precompiled(r"0[1-9]\d{1,2}-?\d{7,8}$")


# The creditor a firm says it writes for ("受华夏银行信用卡中心委托，提醒您…", "本所受交通银行…委托").
_COMMISSIONED_BY = precompiled(r"受([^，。,！!？?；;]{2,24}?)(?:的)?委托")


def _commissioned_lines(text: str, claims: list[Claim], channels: list[Channel], called: list[tuple[Request, Channel]]) -> list[Channel]:
    """The landlines and service lines the message gives only as labels (none asked to be called) where it
    says it writes on a claimed institution's commission and gives that institution's confirmed number too,
    outside the words of the commission ("委托事项可拨95559核实"): the firm's own lines. `called`: the numbers the
    message asks to be called, each with its request."""
    if "委托" not in text:
        return []
    commissions = list(_COMMISSIONED_BY.finditer(text))
    if not commissions:
        return []
    by_id = _institutions_by_id()
    principals = [
        c.id for c in claims if c.kind == "institution" and any(by_id[c.id].keywords.search(m.group(1)) for m in commissions)
    ]
    # Round 56 (dev half): or the official app it sends the reader to, to pay and to ask whom the debt was passed to
    # ("还款只能在招联金融App里完成…可以在招联金融App里联系在线客服").
    checkable = any(
        (c.kind == "phone" and c.status == "official" and c.owner in principals and not any(m.start() <= c.at < m.end() for m in commissions))
        or (principals and c.kind == "app" and c.official)
        for c in channels
    )
    if not checkable:
        return []
    asked = {c for _, c in called}
    return [c for c in channels if c.kind == "phone" and not c.private and c.status == "mismatch" and c not in asked]


def _staff_line(text: str, channel: Channel) -> bool:
    """Whether a landline is labelled as a staff member's or a branch's own right before it (_STAFF_LABEL)."""
    return (
        channel.at > 0
        and _LANDLINE.match(channel.value) is not None
        and _STAFF_LABEL.search(text, max(0, channel.at - _STAFF_REACH), channel.at) is not None
    )


_TO_KNOWN = precompiled(r"给(?:孩子|子女|儿子|女儿|儿女|家人|家里人|父母|爸妈|亲人|亲属|本人|孙子|孙女|老伴|学校|老师|班主任|辅导员)(?:的)?(?:父母|家人|本人|爸妈)?(?:先|再)?$")
_TO_KNOWN_REACH = 14
_TO_VERIFY = precompiled(r"(?:给|问)?(?:本人|家人|对方本人|他本人|她本人)?(?:核实|确认|问问|问一下|问清楚|求证)")

# How far before an app word its institution's name may stand ("支付宝App", "工商银行 手机银行").
_APP_OWNER_REACH = 12
_APP_OWNER_GAP = precompiled(r"[\s\"“”「」《》]{0,2}$")


@lru_cache(maxsize=64)
def _family(owner: str) -> tuple[Institution, ...]:
    """The institution and those that share a confirmed number or domain with it (支付宝 and 花呗); none
    for a public body (a court, the police, the anti-fraud centre, a government service, a carrier):
    only a bank's, a platform's or a lender's channel (institutions.toml `creditor`) speaks for one
    company, and a public line (12368, 12348, 96110, 12329 ...) fits any message."""
    own = _institutions_by_id().get(owner)
    if own is None or not own.creditor:
        return ()
    return tuple(
        i for i in institutions() if i.id == owner or set(i.numbers) & set(own.numbers) or set(i.domains) & set(own.domains)
    )


# Public bodies whose lines fit any message: where to report a fraud or check a warning.
_LINES_FOR_ANYONE = frozenset({"police", "procuratorate", "antifraud"})


@lru_cache(maxsize=16)
def _public_line_owners(number: str) -> tuple[Institution, ...]:
    """The institutions a public line is the verification line of (12368: courts; 12348: lawyers and
    legal services); none where it fits any message (110, 96110, 12381, or a line nobody lists)."""
    owners = tuple(i for i in institutions() if number in i.numbers)
    return () if any(i.kind in _LINES_FOR_ANYONE for i in owners) else owners


def _app_owner(text: str, at: int) -> tuple[str, int]:
    """The specific institution named right before an app word, and where its name starts; ("", at)."""
    before = text[max(0, at - _APP_OWNER_REACH) : at]
    best = ("", at)
    for inst in institutions():
        if inst.generic or not inst.creditor or (not inst.numbers and not inst.domains):
            continue
        for m in inst.keywords.finditer(before):
            if _APP_OWNER_GAP.match(before, m.end()) and at - len(before) + m.start() < best[1]:
                best = (inst.id, at - len(before) + m.start())
    return best


def _foreign_official(text: str, channels: Sequence[Channel]) -> tuple[Channel, ...]:
    """The official channels whose company the message names nowhere else: a number or link of a
    bank's, a platform's or a lender's (owner) with none of its family's names in the text, or its app
    ("请登录支付宝App") with its name only in front of the app word; a court's or lawyers' public line
    where the message names no court or lawyer. The police's and anti-fraud lines fit any message."""
    out = []
    for c in channels:
        if c.status == "public" and c.kind == "phone":
            # A court's or a lawyers' line (12368, 12348) fits a message that speaks of a court or a
            # lawyer; the police's and the anti-fraud lines (110, 96110, 12381) fit any message.
            owners = _public_line_owners(c.value)
            if owners and not any(i.keywords.search(text) for i in owners):
                out.append(c)
            continue
        if c.status != "official":
            continue
        if c.kind in ("phone", "link") and c.owner:
            owner, rest = c.owner, text
        elif c.kind == "app" and c.at >= 0:
            owner, start = _app_owner(text, c.at)
            rest = text[:start] + text[c.at :]
        else:
            continue
        family = _family(owner)
        # A message that names a bank without saying which ("【XX银行】", "本行") may be that bank.
        unnamed = [i for i in institutions() if i.generic and family and i.creditor == family[0].creditor == "bank"]
        if family and not any(i.keywords.search(rest) for i in (*family, *unnamed)):
            out.append(c)
    return tuple(out)


def _notice(norm: Normalized, data: _Data, present: frozenset[str], gap: Callable[[int], bool] | None) -> tuple[bool, bool]:
    """(notice, named): whether the message is a notice about the reader's own money or account (claims.toml
    stakes.notice) outside the clauses that deny it, what makes an unconfirmed service line worth checking; and
    whether those words stand anywhere, denied or not (Reading.stakes_named). One pass over the matches."""
    if not could_match(data.notice.pattern, present):
        return False, False
    text = norm.text
    named = False
    for m in _ends_of(data.notice.finditer(text)):
        named = True
        if not _governed(text, m.start(), m.end(), data, gap=gap):
            return True, True
    return False, named


def _retells(text: str, data: _Data, channels: list[Channel], requests: list[Request], story: bool) -> bool:
    """Whether the message is a warning that retells a scam (claims.toml [retelling]); `story`, whether
    it reads as a story told as a warning (reads_as_story())."""
    if any(c.kind in _ENTITY_CHANNELS and not c.official for c in channels):
        return False
    if any(r.through != "official" for r in requests):
        # Every request left is the message's own, not the scammer's it retells: "你把卡里的钱转到
        # 避险账户" (a call script needs no channel in its text: the call is one), "请回电" (the
        # sender's number), "请下载XX App" (theirs).
        return False
    if data.retelling_frame.search(text, 0, _RETELLING_OPENING) is None:
        return False
    # The scammer named as such, a message the writer got and passes on, or the caller of a story
    # told as a warning ("接到一个自称…的电话"); notice14: or the scam named as one ("【刷单诈骗拆解】第一步，
    # …", retelling.taken_apart), whose steps the warning takes apart, where no victim asks what to do.
    return (
        data.scammer.search(text) is not None
        or (data.taken_apart.search(text, 0, _RETELLING_OPENING) is not None and not _story_pending(text))
        or data.received.search(text) is not None
        or (story and data.story_narrator.search(text) is not None)
        # The scam's keywords listed as such, no order among them.
        or next(_keyword_lists(text, data), None) is not None
    )


def _denial(norm: Normalized, data: _Data, present: frozenset[str]) -> Span | None:
    """The first warning cue of the message ("谨防", "骗局", "都是诈骗" ...), if any."""
    # Pressure phrases are blanked with 。 before the denial is looked for: it may need that too (asked
    # of the triggers, not of a copy of the message's characters with 。 added).
    needed = triggers(data.denial.pattern)
    if needed is not None and "。" not in needed and needed.isdisjoint(present):
        return None
    masked = data.pressure.sub(lambda m: "。" * len(m.group()), norm.text)
    found = _cue_search(data.denial, masked)
    return _span(norm, *found) if found else None


def _sentence(text: str, start: int) -> tuple[int, int]:
    ends = [m.start() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)]
    begin = ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, start)
    return begin, after.start() if after else len(text)


# How far after a reply's code the money it gets may start, in the reply's own clause ("回复T全额退款并领取补偿").
_GOT_BY_REPLY_REACH = 8
# A reply that only looks the money up ("回复1查询退款进度"): nothing is got by it.
_LOOKED_UP = precompiled(r"查|看|进度|了解")


def _got_by_reply(text: str, start: int, reply_ends: list[int]) -> bool:
    """Whether the benefit word at text[start:] is what a reply asked right before it gets, in the reply's own clause
    ("回复T全额退款并领取误机补偿"): the imperative speaks to the reader without a 您 (round 35)."""
    return any(
        0 <= start - end <= _GOT_BY_REPLY_REACH and _CLAUSE_BREAK.search(text, end, start) is None and _LOOKED_UP.search(text, end, start) is None
        for end in reply_ends
    )


def _offered_to_reader(text: str, start: int, data: _Data) -> bool:
    """Whether the benefit word at text[start:] is money offered to the reader: its sentence speaks to him (您,
    你) and reports no benefit paid already (benefits.received after any benefit word of it)."""
    begin, stop = _sentence(text, start)
    return _SECOND_PERSON.search(text, begin, stop) is not None and not any(
        data.benefit_received.match(text, b.end()) for b in data.benefits.finditer(text, begin, stop)
    )


# The creditor a law firm or collector speaks for, as the one to deal with ("与委托方协商还款",
# "请联系委托方", "向债权人核实").
_WITH_THE_CREDITOR = precompiled(r"(?:与|向|跟|和|联系|找|咨询)(?:您的)?(?:委托方|委托人|债权人)")
# Round 41: a payment to the account the reader has always paid, said so ("还是照老样子转到他那张农行卡", "跟之前一样",
# "打到原来那张卡上"): the channel the taxonomy says to trust for people (the number and account the reader already
# had, taxonomy.toml fake_landlord, genuine_personal_message). Only where the message gives no account, card, code or
# link to pay to anywhere: a scam that adds "跟之前一样" beside its own card still pays the scammer.
_AS_BEFORE = precompiled(
    r"照老样子|照旧|(?:跟|和|同)(?:之前|以前|原来|往常|上个月|上次|平时)一样|(?:还是|照样)?(?:原来|以前|之前|平时|一直)(?:的|用的|那张|那个)(?:卡|账户|账号|银行卡)"
)
# How far from the payment its "as before" may stand ("还是照老样子转到…", "打到我那张农行卡上跟之前一样"); and the
# words that turn it round, before it ("你莫往原来那个卡上打咧…你打到俺闺女的卡上") or after it ("打我老公的卡，之前那张卡
# 不用了", the fake landlord's hook): not as before.
_AS_BEFORE_REACH = 8
_NOT_AS_BEFORE = precompiled(r"[莫别不没甭]|不要|不能|不用")
_OLD_ONE_GONE = precompiled(r"[^。!?]{0,3}?(?<![没不未])(?:不用|不能用|用不了|停|挂失|作废|锁|冻|注销|坏|丢|换|取不出)")


def _as_before(text: str, start: int, end: int) -> bool:
    """Whether the payment at text[start:end] is said to go where it always went (_AS_BEFORE), next to it and not denied."""
    for m in _AS_BEFORE.finditer(text, max(0, start - _AS_BEFORE_REACH), min(len(text), end + _AS_BEFORE_REACH)):
        if _NOT_AS_BEFORE.search(text, max(0, m.start() - 3), m.start()) is None and _OLD_ONE_GONE.match(text, m.end()) is None:
            return True
    return False


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: from the last clause break before it to the next after it."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 40), start)]
    after = _CLAUSE_BREAK.search(text, end)
    return breaks[-1] if breaks else max(0, start - 40), after.start() if after else len(text)


# What an app is named for, right after its name, when it is named to check something, not to pay in it ("以官方App显示为准",
# "登录支付宝App核实", "在App内查询"); not "在App内查看并还款", which pays there.
_APP_TO_CHECK = precompiled(r"(?:内|里|中|上)?(?:显示|记录|页面)?(?:为准|核实|核对|查询|查看|确认|了解|咨询)(?![^。,!?]{0,6}?(?:还款|缴费|缴纳|支付|付款|充值|转账))")


def _bound(
    request: Request, start: int, end: int, norm: Normalized, channels: list[Channel], places: Sequence[tuple[int, int, str]] = ()
) -> tuple[Request, list[Channel]]:
    """The request with the channels of its own sentence judged (Request.through), and those channels.
    A number written right after a verb of calling is the one it means ("致电95533核实，律师电话
    010…" asks you to call 95533). A channel with another request for it between (`places`: where each
    request of the message stands, and its kind) is that request's: "请回复邮箱…如有疑问请拨打12368"
    asks you to call 12368, not to reply to it (a line glued on cannot vouch for the request before it)."""
    if request.kind == "visit":
        return Request(request.kind, request.pattern, request.evidence, "official"), []
    text = norm.text
    begin, stop = _sentence(text, start)
    near = [
        c
        for c in channels
        if c.kind in _BINDS[request.kind] and begin <= c.at < stop and not _asked_between(text, c, start, end, places)
    ]
    # The reader's own way in ("官方App", "手机银行") is the request's channel only in its own clause
    # ("请在支付宝App内还款"), not because "以官方App显示为准" stands elsewhere in the sentence.
    near = [c for c in near if c.kind != "app" or not c.official or not _CLAUSE_BREAK.search(text, min(start, c.at), max(start, c.at))]
    if request.pattern == "cash_handover":
        # Round 58: the cash is taken out at the reader's own counter or bank, then handed to whoever the writer sends:
        # the counter is where it comes from, not where it goes ("去柜台取5000元现金，到时候有专人上门来拿").
        near = [c for c in near if not c.official]
    if request.kind == "pay":
        # Round 48: nor an app named after the payment as the place to check it ("…转我老婆卡上以官方App显示为准", "请登录
        # 支付宝App核实" glued on where the paste's spaces are gone): it vouches for no account the money goes to.
        near = [c for c in near if c.kind != "app" or not c.official or c.at < start or not _APP_TO_CHECK.match(text, c.at + len(c.value))]
    if "app" in _BINDS[request.kind] and not any(c.kind == "app" and start <= c.at < end for c in near):
        # The reader's own way in named again inside the request ("电子版可在支付宝App查看。请通过支付宝App
        # 还款"): the channels keep its first place only, and this one is the request's own.
        own = _OWN_CHANNEL.search(text, start, end)
        if own is not None and any(c.kind == "app" and c.official and c.value == own.group() for c in channels):
            near.append(Channel("app", own.group(), "official", "", False, _span(norm, own.start(), own.end()), own.start()))
    if request.pattern in _REPLIES:
        # A reply goes back to whoever sent the SMS, whom a number in the tag ("【12333】…请回复1获取链接")
        # only claims to be: it is not the reply's channel.
        near = [c for c in near if not in_tag(text, c.at)]
    if request.kind == "call":
        right_after = [c for c in near if c.kind == "phone" and end <= c.at < end + _RIGHT_AFTER]
        near = right_after or near
    if not near and _WITH_THE_CREDITOR.search(text, *_clause(text, start, end)):
        # "如有异议请联系委托方", "请与委托方协商还款": done with the creditor a firm speaks for, whose
        # own channels the reader already has; not with the sender, and through no channel it gives.
        return Request(request.kind, request.pattern, request.evidence, "official"), []
    if (
        not near
        and request.kind == "pay"
        and _as_before(text, start, end)
        and not any(c.kind in _BINDS["pay"] for c in channels)
    ):
        return Request(request.kind, request.pattern, request.evidence, "official"), []
    through = "none" if not near else "official" if all(c.official for c in near) else "unofficial"
    return Request(request.kind, request.pattern, request.evidence, through), near


def in_tag(text: str, at: int) -> bool:
    """Whether text[at] stands inside a 【…】 tag: the name a message signs with is its own claim."""
    opened = text.rfind("【", 0, at + 1)
    return opened != -1 and text.find("】", opened) >= at and text.rfind("】", 0, at) < opened


def _asked_between(text: str, channel: Channel, start: int, end: int, places: Sequence[tuple[int, int, str]]) -> bool:
    """Whether another request for the channel's kind stands between the request at [start, end) and it,
    with no clause break between them: glued on, it asks for the channel itself. Past a break it may
    offer the same request another way ("先给子女打电话，或者拨打96110"), read as before."""
    at = channel.at
    a, b = (end, at) if at >= end else (at, start)
    if _CLAUSE_BREAK.search(text, a, b):
        return False
    return any(
        channel.kind in _BINDS.get(kind, ())
        and (s, e) != (start, end)
        and ((end <= s and e <= at) if at >= end else (at < s and e <= start))
        for s, e, kind in places
    )


def _finding(
    data: _Data, rule_id: str, claims: list[Claim], request: Request | None, channels: list[Channel], hook: Span | None = None
) -> Finding:
    """The judgement's rule with evidence on the claim, the request (None: the channel is the offer),
    the channels, and what the message offers (hook)."""
    rule = data.judgements[rule_id]
    # A judgement may say itself otherwise where the writer alone is the channel (claims.toml title_sender) and he
    # speaks as a person, or as nobody: no institution is there to name. Not where he speaks as one ("供电所通知 …电费
    # 转我微信"): that claim is what the answer checks.
    person = any(c.kind == "person" for c in claims) or not any(c.kind == "institution" for c in claims)
    said = "_sender" if channels and all(c.kind == "sender" for c in channels) and person and "title_sender" in rule else ""
    asked = [request.evidence] if request is not None else []
    asked += [hook] if hook is not None else []
    evidence = [c.evidence for c in claims[:1]] + asked + [c.evidence for c in channels[:3]]
    return Finding(
        rule_id,
        rule[f"title{said}"],
        rule[f"title{said}_en"],
        rule[f"why{said}"],
        rule[f"why{said}_en"],
        float(rule["weight"]),
        rule[f"source{said}"],
        rule["floor"],
        tuple(sorted(set(evidence), key=lambda s: (s.start, s.end))),
        tuple(rule.get(f"types{said}", rule.get("types", ()))),
    )


_VERB = {"phone": ("打", "call"), "chat": ("加", "add"), "link": ("打开", "open"), "app": ("下载", "download")}


def _mismatch(
    data: _Data, claims: list[Claim], by_id: dict, request: Request | None, channels: list[Channel], asked: Collection[str]
) -> Finding:
    """"自称支付宝，却让你打 400-810-2345": the claim and the channels, said in the title; `asked`, the
    kinds of every request of the message (claims.toml channel_mismatch, links_vary)."""
    finding = _finding(data, "channel_mismatch", claims, request, channels)
    claimed = next((c for c in claims if c.kind == "institution" and not by_id[c.id].generic), claims[0])
    said_zh = "、".join(f"{_VERB[c.kind][0]} {c.evidence.text}" for c in channels[:2])
    said_en = ", ".join(f"{_VERB[c.kind][1]} {c.evidence.text}" for c in channels[:2])
    title = f"自称{claimed.evidence.text}，却让你{said_zh}"
    title_en = f"Claims to be {by_id[claimed.id].name_en}, but asks you to {said_en}"
    why, why_en, weight = finding.why, finding.why_en, finding.weight
    rule = data.judgements["channel_mismatch"]
    vary = rule.get("links_vary")
    named = [by_id[c.id] for c in claims if c.kind == "institution" and not by_id[c.id].generic]
    if (
        vary is not None
        and all(c.kind == "link" for c in channels)
        and set(asked) <= {"click"}
        and named
        and all(i.kind in vary["kinds"] for i in named)
    ):
        why, why_en, weight = rule["why_links_vary"], rule["why_links_vary_en"], float(vary["weight"])
    return Finding(
        finding.id,
        title,
        title_en,
        why,
        why_en,
        weight,
        finding.source,
        finding.floor,
        finding.evidence,
        finding.types,
    )
