"""Monotone safety (issue 8, point 2): reassuring text never takes a scam below its verdict.

Hypothesis prepends, appends or interleaves (at a clause boundary) reassuring lines, official
numbers, padding and warning phrases; the verdict must never go down. And a court notice in the
genuine format with a link outside the court delivery hosts is never lowered.
"""

import json
import pathlib
import random
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker import check
from checker.lab import prefix_sweep
from checker.lab.redteam import _PADDING, _PREFIXES, _REASSURING, _WARNING_FRAMES
from checker.stages.verdict import ORDER

# Scams of the families of issue 8, each asking for money, a code or contact through a channel that
# is not the claimed institution's own.
SCAMS = [
    "【法务中心】您的借呗已逾期，已进入立案程序。请今日内将欠款及律师费转入指定账户6222021234567890123，否则通知您的家人和单位。",
    "【支付宝】您的借呗额度异常，请拨打400-810-2345注销，或访问 http://alipay-zx.com/a 否则影响征信",
    "【北京市朝阳区人民法院】您的（2024）京0105民初12345号案件已立案，请登录 fy-ssfw.live/cx 查看传票并缴纳诉讼费。",
    "我是市公安局刑侦支队王警官，你涉嫌洗钱，请把收到的验证码告诉我配合调查，不要告诉家人。",
    "您的京东白条未注销将影响征信，请下载腾讯会议开启屏幕共享，由专员协助注销。",
    "我是你领导，换号了，加我新微信abc12345，明天来我办公室，先帮我转2万给客户。",
    "【工商银行】您的积分即将清零，请点击 icbc-jf.top 兑换现金，需填写卡号和验证码。",
    "您的快递丢失，我们将双倍理赔，请加客服QQ 12345678 办理退款。",
    "您的网贷已逾期，请联系13812345678张专员处理，否则上门催收。",
    "【12381】您的手机号涉嫌诈骗，请点击 t.cn/A6zz 认证，否则停机。",
    # No verb at all: the channel given is the request (claims.py, offered channels).
    "积分今晚清零，兑换现金入口 jf-dh.top",
    "【中国银行】您的年费880元今日将从账户扣除，客服热线955123。",
    "您有一笔高龄补贴未领取，联系188 1234 5678办理。",
    "房东换卡了，这个月房租打到6222021234567890123。",
    # No channel: a threat or a fee with a demand to pay; reassuring text must not lower them either.
    "三小時内還款可撤案，否则我们直接报警抓你，等着坐牢吧。",
    "您已获得节目特别奖，奖品为现金90000元，请先缴纳公证费1200元领取。",
    "尾号4822卡片已冻结，解冻请电+60519677403。",
    # One red flag that genuine senders never raise, no channel at all (rules.toml never_genuine).
    "再不还钱就去你家找你爸妈，让你全村都知道。",
    "我们老师带学员做的票全部盈利，每天分红，三个月回本。",
    "ETC认证失效通知，请速办理，否则上高速无法抬杆。",
    # loan9: a call pasted without punctuation, and a chat log whose reader asks a question: the
    # other speaker's demand stands whatever is added around it.
    "额度已经给你批好了 你先借出来 然后转到我们给你的账户 转完就放款",
    "客服：放款前要交保证金2000元\n我：要交多少\n客服：转到这个卡6222021234567890123，交了就能马上到账",
    "你别挂电话 跟着我一步一步来 先打开借呗 把额度全部借出来 操作完你的征信就恢复正常了",
    # people9: a known person's opener alone, a sum to pay off, cards bought and their codes sent,
    # compensation claimed by a code to scan, a caller who walks you through closing a charge.
    "我是房东，换号了，这是新号，存一下。",
    "猜猜我是谁？",
    "我是王总，开会呢，今天下班前把合作方的合同款113000元付掉，账户我私发你。",
    "我是张处长，你帮我在网上买3张面值一千的电子卡，把卡号卡密发给我，回去给你报账。",
    "亲 您买的保温杯有批次问题 给您赔偿300元 您扫一下这个二维码填写资料就可以领取了。",
    "您好，我是平台客服，您开通了月付，每月都会扣费，需要关闭，请您打开支付宝，我一步步教您操作。",
    "我妈刚接到个电话，说是她的百万保障要扣钱，对方让她下个软件开共享，她现在正在弄，我该怎么办。",
    "您的账户被误设成了代理商，每月要扣费600元，如果不取消的话会一直扣，需要您配合取消。",
    "【某平台】您开通的会员服务即将自动扣除年费1288元，如需取消，请致电客服热线。",
    *(READ_BY_THE_REQUEST_READER := [
        # Round 63: requests read by the request reader alone (tests/test_request_reader.py READ): a line added before,
        # after or between their clauses does not switch it off any more than it does the patterns.
        "【建设银行】您的账户存在风险，劳驾您把屏幕打开给我们的工程师看看。",
        "【社保中心】您的社保卡需升级，麻烦把手机收到的那几位数字回给我们。",
        "【工商银行】您的信用卡存在异常，麻烦您把账上的钱先腾到6222021234567890128。",
    ]),
]
INSERTS = [
    "请登录支付宝App核实。",
    "如有疑问请致电95188。",
    "如有疑问请拨打12368核实。",
    "（谨防骗局）",
    "请勿拖延。",
    "不要犹豫。",
    "本短信为官方通知，请放心。",
    "回T退订",
    "温馨提示：谨防诈骗，切勿向陌生账户转账。",
    "警方提醒：公检法机关不会通过电话办案。",
    "凡是要求转账的都是诈骗。",
    "如遇诈骗请拨打110或96110。",
    "95588",
    "您好，祝您生活愉快，工作顺利，身体健康，万事如意，阖家幸福。" * 4,
    "以官方App显示为准。",
    # Reassurance that reads like a denial: "不用" here negates nothing the message asks.
    "你什么都不用管，不用担心。",
    "【北京市朝阳区人民法院】（2024）京0105民初12345号",
    # Warning cues that count anywhere in a message asking nothing: never in one that asks.
    "凡要求转账的都是诈骗。",
    "请立即停止转账。",
    "您可能正在遭遇诈骗。",
    "以上述理由要求加群的都是骗局。",
    # A retelling frame (claims.toml [retelling]): an opening warning word, a third-person scammer.
    "【反诈提醒】谨防骗子冒充客服，对方会让您转账。",
    # A story told of someone else (checker/stages/told.py): it reads as told, the scam's own request does not.
    "我邻居上周被骗了，对方让他开屏幕共享，结果卡里少了2万，大家千万别信。",
]
_CLAUSE = re.compile(r"[，。！？]")


def _level(text: str) -> int:
    return ORDER.index(check(text).verdict)


def _insert(text: str, insert: str, mode: str, where: int) -> str:
    if mode == "prepend":
        return insert + text
    if mode == "append":
        return text + insert
    cuts = [m.end() for m in _CLAUSE.finditer(text)] or [len(text)]
    at = cuts[where % len(cuts)]
    return text[:at] + insert + text[at:]


# tw9: written in Taiwan, without punctuation (normalisation drops the spaces, so a line added at the
# end joins the last clause): a code asked by 回覆, a LINE move, a proxy paid first. Every insert, every
# place: a warning appended ("凡是要求转账的都是诈骗。") opens a statement of its own (claims.toml
# negation.statement_opens) and frames nothing before it.
UNPUNCTUATED = [
    # ads10: a card broker's and a shop's ad with a demand to pay first after denials and terms.
    "代办大额信用卡 无需征信 黑户也能下卡 额度5万起 包下卡 先付480元资料费 加Vmayz1990",
    "五星酒店特价房 今日截止 满意再付款 预订需先转798元定金到经理方洁的支付宝 名额有限",
    "帳戶異常通知 您的存款帳戶已被暫停使用 請回覆本簡訊身分證字號及卡號以便解除",
    "您好 這裡是銀行風控中心 您的金融卡已暫停交易 請加我們的LINE客服 service_4134 處理",
    "演唱會門票代搶 保證搶到 先匯款 搶不到全額退",
]


@pytest.mark.parametrize("scam", UNPUNCTUATED)
@pytest.mark.parametrize("insert", INSERTS)
@pytest.mark.parametrize("mode", ["prepend", "append", "interleave"])
def test_reassuring_text_never_lowers_an_unpunctuated_scam(scam, insert, mode):
    assert _level(scam) > 0
    assert _level(_insert(scam, insert, mode, 0)) >= _level(scam)


# ads10: a seller's terms and a denied fee (claims.toml negation.paid_after, governing "不收"), which a
# scam can write around its own demand, in every place: never lower it. Kept apart from INSERTS so that
# the sampled examples of the property test below stay those it was written with.
# fp20: an advert's offered terms (claims.toml stakes.offered_term) and a deposit paid at the venue
# (negation.held_deposit).
# An advert's subsidy on a purchase (以旧换新补贴, 最高补贴…) is no one's money yet, unless it is to be claimed.
TERMS = ["满意再付款，", "满意再付款 ", "不收押金 ", "不收押金，", "放款后按合同付服务费。", "定金可退 ", "充值送话费 ", "押金到店交，", "押金到店交 ", "到店现场付款 ", "取货时付款，", "服务费办完再付 ", "以旧换新补贴 ", "最高补贴2000元，"]


@pytest.mark.parametrize("scam", SCAMS + UNPUNCTUATED)
@pytest.mark.parametrize("insert", TERMS)
@pytest.mark.parametrize("mode", ["prepend", "append"])
def test_a_sellers_terms_never_lower_a_scam(scam, insert, mode):
    assert _level(_insert(scam, insert, mode, 0)) >= _level(scam)


# A subsidy scam dressed as a trade-in offer keeps its claim page: the subsidy is still to be claimed.
@pytest.mark.parametrize(
    "scam",
    [
        "您有一笔个人劳动补贴待领取，请登录 mohrss-bt.cn 申领",
        "【人社部】您的以旧换新补贴500元待领取，请登录 gjbt-lq.cn 申领",
        "国家以旧换新补贴最高2000元，请登录 gjbt-lq.cn 领取",
    ],
)
def test_a_trade_in_subsidy_to_be_claimed_through_a_link_stays_high(scam):
    assert check(scam).verdict == "high_risk"


# case22: words that disown a channel where it stands, or name the one a call came from, added by a scam about
# other channels or about none: never lower it (claims.py _disowned_in_place, _caller_told).
DISOWNING_LINES = [
    "请勿添加其他微信。",
    "诈骗电话请勿回拨。",
    "这不是诈骗短信。",
    "请勿相信。",
    "谨防冒充，认准本中心。",
    "仿冒网站很多，请认准本链接。",
    "已确认的诈骗号码请勿接听。",
    "接到陌生来电请勿相信。",
    "防诈骗官方电话：",
    "别往陌生账户转钱，这是骗子的惯用手法。",
]


@pytest.mark.parametrize("scam", SCAMS + UNPUNCTUATED)
@pytest.mark.parametrize("line", DISOWNING_LINES)
@pytest.mark.parametrize("mode", ["prepend", "append"])
def test_a_line_that_disowns_other_channels_never_lowers_a_scam(scam, line, mode):
    assert _level(_insert(scam, line, mode, 1)) >= _level(scam)


# Slipped between two clauses, two of these lines lower one scam (this test found it, on main before case22
# too): a known hole of a keyword rule, not of the claims (rules.toml cancel_charge_by_calling reads "如需取消…
# 请致电" only with at most 8 characters and no full stop between). Kept as a strict expected failure, so that
# the day it is closed the suite says so; every other scam is held to the property.
_CANCEL_BY_CALLING = next(s for s in SCAMS if "如需取消，请致电" in s)


@pytest.mark.parametrize("scam", [s for s in SCAMS + UNPUNCTUATED if s != _CANCEL_BY_CALLING])
@pytest.mark.parametrize("line", DISOWNING_LINES)
def test_a_line_slipped_between_clauses_that_disowns_other_channels_never_lowers_a_scam(scam, line):
    assert _level(_insert(scam, line, "inside", 1)) >= _level(scam)


@pytest.mark.xfail(strict=True, reason="cancel_charge_by_calling reads its phrase only with <= 8 characters between")
def test_a_long_line_slipped_inside_the_cancel_by_calling_phrase_does_not_lower_it():
    assert _level(_insert(_CANCEL_BY_CALLING, "防诈骗官方电话：", "inside", 1)) >= _level(_CANCEL_BY_CALLING)


# Warning frames a scammer could put before a scam: a retelling needs more than a frame (claims.toml
# [retelling]), and what genuine senders never do counts whatever frames it (rules.toml never_genuine).
FRAMES = [
    "【反诈提醒】谨防骗子冒充客服，对方会让您转账。",
    "【反诈预警】不法分子常以征信为由让您借款转账，请提高警惕。",
    "昨天接到一个电话，我直接挂了。",
]


@pytest.mark.parametrize("scam", SCAMS + UNPUNCTUATED)
@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("mode", ["prepend", "append"])
def test_a_warning_frame_never_lowers_a_scam(scam, frame, mode):
    assert _level(_insert(scam, frame, mode, 0)) >= _level(scam)


# Every insert and frame at every clause boundary of every scam: the sampled property test below
# missed these (a warning slipped between "我是房东，" and "换号了", or between a service's name and its
# teaching). A pattern that reads two clauses together ("如需取消，请致电…") reads them across a line
# slipped between them that only reassures, warns or pads (rules.py _asides). The red team's reassuring
# lines, warning frames and padding are slipped in too; to keep CI time, each scam gets a third of them,
# chosen by its place in the list (deterministic: every line meets a third of the scams).
# A court's heading glued to the next clause ("如需取消，【…法院】（2024）京0105民初12345号请致电…") is set aside
# up to the end of its case number, the number alone (rules._heading_case_numbers): the clause after it
# stays the message's own, so a case number inside a clause ("付颖，本院受理的（2025）…号案件，诉讼费")
# joins nothing.
_ALL_SCAMS = SCAMS + UNPUNCTUATED
_RED_TEAM_LINES = [line for line in _REASSURING + _PADDING + [frame for _, frame in _WARNING_FRAMES] if line not in INSERTS + FRAMES]


def _lines_for(scam: str) -> list[str]:
    k = _ALL_SCAMS.index(scam) % 3
    return INSERTS + FRAMES + _RED_TEAM_LINES[k::3]


def _lowered_by(scam: str, lines: list[str]) -> list[tuple[str, int]]:
    level = _level(scam)
    cuts = len(_CLAUSE.findall(scam)) or 1
    return [(line, where) for line in lines for where in range(cuts) if _level(_insert(scam, line, "interleave", where)) < level]


@pytest.mark.parametrize("scam", _ALL_SCAMS)
def test_no_line_slipped_between_two_clauses_lowers_a_scam(scam):
    lowered = _lowered_by(scam, _lines_for(scam))
    assert not lowered, lowered[:3]


# hole14, both ways: the heading glued to the clause after it, in every place, keeps the charge's
# red flag; a genuine court notice whose heading opens a clause stays low.
COURT_HEADING = "【北京市朝阳区人民法院】（2024）京0105民初12345号"


@pytest.mark.parametrize(
    "scam",
    ["【某平台】您开通的会员服务即将自动扣除年费1288元，如需取消，请致电客服热线。", "您的百万保障将于今晚自动扣费，如需关闭，请联系客服。"],
)
def test_a_court_heading_glued_to_a_clause_never_lowers_a_scam(scam):
    assert not _lowered_by(scam, [COURT_HEADING])


@pytest.mark.parametrize(
    "text",
    [
        "张三：【北京市朝阳区人民法院】（2024）京0105民初12345号案件文书已送达，请通过人民法院在线服务查看。",
        "您好，（2024）京0105民初12345号案件将于下周一开庭，如需取消调解，请致电12368。",
    ],
)
def test_a_genuine_court_notice_with_a_heading_in_a_clause_stays_low(text):
    assert check(text).verdict == "low_risk"


def test_every_scam_is_flagged_before_editing():
    assert all(_level(text) > 0 for text in SCAMS)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    scam=st.sampled_from(SCAMS),
    inserts=st.lists(st.sampled_from(INSERTS), min_size=1, max_size=3),
    modes=st.lists(st.sampled_from(["prepend", "append", "interleave"]), min_size=3, max_size=3),
    where=st.integers(min_value=0, max_value=20),
)
def test_reassuring_text_never_lowers_a_scam(scam, inserts, modes, where):
    edited = scam
    for insert, mode in zip(inserts, modes):
        edited = _insert(edited, insert, mode, where)
    assert _level(edited) >= _level(scam), edited


# Round 46: a task asked through a link the paste does not show (task_through_unseen_link) is not taken away by an
# official link put elsewhere in the message: only a link in the place's own clause, right after it, is the link shown.
UNSEEN_LINK_SCAMS = [
    "【工商银行】您的手机银行将于今日停用，请于24小时内访问下方链接，逾期作废。",
    "【工商银行】您的积分今晚清零，可兑换现金286元，兑换地址：链接",
    "【国家电网】您家电费已欠费184.45元，今晚将停电，请速点击链接缴费。",
    "【人社局】您的养老金资格认证未完成，本月暂停发放，补认证请点",
]
OFFICIAL_LINK_LINES = ["工行官网 www.icbc.com.cn", "详情见官网 icbc.com.cn。", "支付宝官网：alipay.com", "请认准官方网站 www.icbc.com.cn ，谨防诈骗。"]


@pytest.mark.parametrize("scam", UNSEEN_LINK_SCAMS)
@pytest.mark.parametrize("line", OFFICIAL_LINK_LINES)
@pytest.mark.parametrize("mode", ["prepend", "append", "interleave"])
def test_an_official_link_elsewhere_never_lowers_a_task_through_a_link_not_shown(scam, line, mode):
    assert _level(scam) > 0
    edited = _insert(scam, line, mode, 1)
    assert _level(edited) >= _level(scam), edited


COURT_FAKES = [
    "【北京市朝阳区人民法院】张三：本院受理的（2024）京0105民初12345号案件文书已送达，请登录 fy-ssfw.live/cx 查看，或致电12368核实。",
    "【上海市浦东新区人民法院】李四：（2025）沪0115民初8888号案件传票已送达，请点击 sfsd-court.top/r/8a 签收。如有疑问请拨打12368。",
    "【广州市天河区人民法院】您的（2024）粤0106民初1234号案件文书详见 t.cn/A6Xy9z ，请及时查看。",
]


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(notice=st.sampled_from(COURT_FAKES), insert=st.sampled_from(INSERTS), mode=st.sampled_from(["prepend", "append", "interleave"]))
def test_a_genuine_format_court_notice_with_a_foreign_link_is_not_lowered(notice, insert, mode):
    result = check(notice)
    assert result.verdict != "low_risk"
    assert "genuine_court_format" not in {f.id for f in result.flags}
    assert _level(_insert(notice, insert, mode, 1)) >= ORDER.index(result.verdict)


def test_lowering_rules_suppressed_are_listed():
    text = COURT_FAKES[0]
    suppressed = {(s.rule, s.filter) for s in check(text).suppressed}
    assert ("genuine_court_format", "lowering_needs_official_channels") in suppressed


# A red flag that genuine senders never raise, with no channel at all: "请登录官方App核实" is listed as
# suppressed by never_from_genuine_senders, and the verdict stays where the red flag puts it.
# Each names the institution whose app or number it gives, so only the red flag keeps the sign out.
NEVER_GENUINE = [
    ("花呗再不还钱就去你家找你爸妈。请登录支付宝App核实。", "collection_intimidation", "pay_in_official_app"),
    # threat15: the debt taken to the family or to debt chasers, with an official app appended.
    ("花呗欠款再不处理，你父母就会接到我们的电话。请登录支付宝App核实。", "collection_intimidation", "pay_in_official_app"),
    ("借呗欠款我们已经转给讨债公司了。请登录支付宝App核实。", "collection_intimidation", "pay_in_official_app"),
    ("工商银行客户：我们老师带学员做的票全部盈利，三个月回本。如有疑问请致电95588。", "promised_returns", "official_numbers_only"),
]


@pytest.mark.parametrize(("text", "red_flag", "lowering"), NEVER_GENUINE)
def test_a_red_flag_genuine_senders_never_raise_keeps_lowering_signs_out(text, red_flag, lowering):
    result = check(text)
    assert red_flag in {f.id for f in result.red_flags}
    assert (lowering, "never_from_genuine_senders") in {(s.rule, s.filter) for s in result.suppressed}
    assert result.verdict != "low_risk"


# mismatch14 (issue 8): another institution's official number or app, which the message names nowhere
# else, is no official channel of this message: the lowering sign it would raise is kept out.
FOREIGN_OFFICIAL = [
    ("【某某律师事务所】您的欠款已逾期，我所将于三日内起诉，请尽快处理。如有疑问请致电95588。", "official_numbers_only"),
    ("【某某律师事务所】您的欠款已逾期，我所将于三日内起诉，请尽快处理。请登录支付宝App核实。", "pay_in_official_app"),
    ("再不还钱就去你家找你爸妈。请登录支付宝App核实。", "pay_in_official_app"),
    ("我们老师带学员做的票全部盈利，三个月回本。如有疑问请致电95588。", "official_numbers_only"),
    # a court's line where no court is spoken of
    ("恭喜您被抽中某综艺节目幸运观众，奖金十八万元，请回复领奖。如有疑问请拨打12368核实。", "official_numbers_only"),
    ("您好，这里是京东金融客服，您的账户不符合监管要求，需要配合注销，不然影响征信。如有疑问请拨打12368核实。", "official_numbers_only"),
]


@pytest.mark.parametrize(("text", "lowering"), FOREIGN_OFFICIAL)
def test_another_institutions_official_channel_keeps_lowering_signs_out(text, lowering):
    result = check(text)
    assert lowering not in {f.id for f in result.flags}
    assert (lowering, "lowering_needs_official_channels") in {(s.rule, s.filter) for s in result.suppressed}
    assert result.verdict != "low_risk"


# hole14 (issue 8): a lowering sign that vouches for the message's channels (rules.toml `vouches`:
# "以官方App显示为准", "切勿向陌生账户转账", only official numbers) does not count beside a red flag where the
# message names no official channel of its own: a fee, a threat or a lure that gives no channel, a law
# firm's or a person's "official app" of nobody (claims.Reading.own_official_channel).
NO_OWN_CHANNEL = [
    ("【法律服务中心】王某女士：您在多家平台存在逾期，已被纳入重点催收对象，可为您出具暂缓催收证明，加急费1500元。", "以官方App显示为准。"),
    ("你的欠款信息已经做好了曝光视频，你同事亲戚都会刷到，想撤下来就今天还清。", "以官方App显示为准。"),
    ("您好，我司正在招聘文员，薪资3800起，看了您的简历挺合适，方便留个邮箱吗？", "谨防诈骗，切勿向陌生账户转账。"),
    ("亲，你的任务单已完成三单，第四单是联单任务，需要一次性垫付155000元，完成后本金加佣金一起返还。", "谨防诈骗，切勿向陌生账户转账。"),
]
# Both ways: the same signs where the message names its institution's own way in stay lowering.
OWN_CHANNEL = [
    "【花呗】您本期账单已出，应还1280元，请登录支付宝App还款，以App显示为准。",
    "【工商银行】您尾号1234的信用卡本期账单已出，请通过手机银行还款，切勿向个人账户转账。",
]


@pytest.mark.parametrize(("scam", "line"), NO_OWN_CHANNEL)
@pytest.mark.parametrize("mode", ["prepend", "append"])
def test_a_vouching_sign_without_an_own_channel_never_lowers_a_red_flag(scam, line, mode):
    assert _level(scam) > 0
    result = check(_insert(scam, line, mode, 0))
    assert ORDER.index(result.verdict) >= _level(scam)
    assert "pay_in_official_app" not in {f.id for f in result.lowering_signs}
    assert "pay_in_official_app" in {s.rule for s in result.suppressed}


def test_a_vouching_sign_without_an_own_channel_is_listed_as_suppressed():
    # A scam whose red flags are the rules' alone: where the claims stage also judges a request (round 25: the
    # first row's 加急费 is a fee asked), lowering is blocked earlier, by lowering_needs_official_channels.
    scam, line = NO_OWN_CHANNEL[3]
    suppressed = {(s.rule, s.filter) for s in check(scam + line).suppressed}
    assert ("pay_in_official_app", "lowering_needs_its_own_channel") in suppressed


@pytest.mark.parametrize("text", OWN_CHANNEL)
def test_a_vouching_sign_with_the_institutions_own_channel_still_lowers(text):
    result = check(text)
    assert result.verdict == "low_risk"
    assert "pay_in_official_app" in {f.id for f in result.lowering_signs}


# Issue 8: a short offer, greeting or reassurance put in front of a flagged scam of the corpus, after
# a space or a mark, never lowers it. "无需担心" denies the worry, not the request (claims.toml
# negation.governing); "免费" denies only the verb right after it (governing_fee), not a new
# subject ("免费 您有一笔补贴…"). Glued to the scam, an offer word fuses with its first word ("免费律师费":
# the fee waived), so only greetings and reassurance are tried glued. The lists are the lab's sweep's
# (checker/lab/prefix_sweep.py), which tries them all on the scams without a clause mark.
OFFERS, GREETINGS = prefix_sweep.OFFERS, prefix_sweep.GREETINGS
SEPARATORS = [s for s in prefix_sweep.SEPARATORS if s]
_CORPUS = pathlib.Path(__file__).resolve().parents[1] / "data" / "corpus.jsonl"
CORPUS_SCAMS = [
    row["text"] for row in map(json.loads, _CORPUS.read_text(encoding="utf-8").splitlines()) if row["label"] == "scam"
]


# The corpus scams with no clause mark at all are not sampled here. Swept exhaustively (python -m checker.lab.prefix_sweep:
# each of the corpus's 1,970, 1,866 of them flagged, with each prefix and separator), round 63's code lowered 33 of them in
# 203 (prefix, separator, scam) triples (round 63's note called the triples scams, of "1,977": its script counted 7 of
# this file's own scams too): 60 with a mark after the prefix (one scam: a mark put in front of a message that had none
# let its cue reach on, as claims.py read a new subject as the end of a cue's reach only in a message without any mark),
# 36 after a space or a line break (one scam: rules.toml official_then_add_me read "我戴主任" only at the message's start,
# and the normaliser removes the space) and 107 glued. Round 64 reads a new subject so in every clause
# (claims._reaches_within_statement) and an anchored pattern after a word set apart near the start
# (rules._opened_matches): 31 scams in 99 triples on round 64's model, every one glued ("官方收号…", "正规宝贝…", "亲爸…": a
# fused word is another word, read by the model and by the patterns that read who speaks first). Open (issue 8). The
# derandomised sample below depends on the clone's path, so the property is held here where it holds.
_MARKED_CORPUS_SCAMS = [s for s in CORPUS_SCAMS if prefix_sweep.has_a_mark(s)]


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    scam=st.sampled_from(_MARKED_CORPUS_SCAMS + SCAMS + UNPUNCTUATED),
    prefix=st.sampled_from(OFFERS + GREETINGS),
    sep=st.sampled_from([*SEPARATORS, ""]),
)
def test_a_short_prefix_never_lowers_a_flagged_scam(scam, prefix, sep):
    assume(sep or prefix in GREETINGS)
    level = _level(scam)
    assume(level > 0)
    assert _level(prefix + sep + scam) >= level


# The mechanism, closed: a mark put in front of a message with none no longer lets a cue ("停止", "不用", "无需") govern a
# request further on ("服务费999元", "转到安全账户…", "交…服务费"), past a new subject ("…联系你和家人…", "你把…", "你交…").
# Each of these was lowered by each prefix on round 63's code; the first is the corpus's, the others written for this test.
UNMARKED_WITH_A_CUE_BEFORE_A_SUBJECT = [
    "【停催中心】被催收打爆电话委托我们后平台当天停止联系你和家人一次性服务费999元签协议即可生效咨询0311-79580102",
    "【解冻专员】不用去银行你把卡里的钱转到安全账户6217000012345678即可解冻",
    "【停催中心】无需还款就能协商你交一次性服务费899元即可咨询0311-79580102",
]


@pytest.mark.parametrize("prefix", ["免费，", "您好，", "正规。"])
@pytest.mark.parametrize("scam", UNMARKED_WITH_A_CUE_BEFORE_A_SUBJECT)
def test_a_mark_put_in_front_of_an_unmarked_scam_does_not_change_its_reading(prefix, scam):
    assert _level(prefix + scam) >= _level(scam) > 0


# The sweep's counting, on a stub verdict: a scam ranked 0 is not swept; a prefixed text ranked below its scam is one triple.
def _stub_rank(text: str) -> int:
    return 0 if text.startswith("安全") else 1 if text.startswith("官方") else 2


@pytest.mark.parametrize(
    ("scams", "lowered_scams", "triples", "glued"),
    [
        (["安全提示"], 0, 0, 0),  # not flagged: nothing to lower
        (["转账到6222"], 1, 6, 1),  # "官方" before it, after each of the five separators and glued
        (["转账到6222", "加微信a"], 2, 12, 2),
    ],
)
def test_the_prefix_sweep_counts_scams_and_triples(scams, lowered_scams, triples, glued):
    counts, lowered = prefix_sweep.sweep(scams, _stub_rank)
    assert (counts["lowered_scams"], counts["lowered_triples"], counts["by_separator"]["glued"]) == (lowered_scams, triples, glued)
    assert len(lowered) == triples and all(prefix == "官方" for prefix, _, _ in lowered)


def test_the_prefix_sweep_runs_on_the_corpus(capsys):
    assert prefix_sweep.main(["--root", str(_CORPUS.parents[1]), "--limit", "2", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["scams_without_a_mark"] == 2 and set(counts["by_separator"]) == set(prefix_sweep.SEPARATORS.values())


# Issue 8, the red team's `prefix` family (checker/lab/redteam.py): each line of its dev half put in front
# of corpus scams after a space, a comma or a line break never lowers them. The opener reader
# (normalize.opener_ends: one opener or several, up to twelve characters each), the warning scope (a cue
# inside a spaced opener denies the opener's own words: rules._denies_before) and the model's units (the
# message from after a prefix's mark or space: segment.tail_starts, gap_tail_starts) were built for it.
# Deterministic: a fixed sample of corpus scams, each meeting a third of the lines (by its place).
PREFIX_MARKS = [" ", "，", "\n"]
_PREFIX_SAMPLE = random.Random(12).sample(CORPUS_SCAMS, 120)
# hole14 closed two holes this sweep kept as strict xfails: an opener with a digit ("0元领": the opener
# reader read Chinese characters alone, normalize._OPENER), and a prefix whose last word joined the
# institution's name after a space ("…的支持 广发银行": "支持" made the bank a way to pay, claims._means_of_payment).
CLOSED_PREFIX_HOLES = [
    ("0元领", "【催收通知】你的案件已转外访，外访小组将于8月25日到你户籍地村委会和你父母家中调查，请提前做好准备。"),
    ("感谢您一直以来的支持", "广发银行信用卡：您的卡可提额 额度100000 限今日 戳ccb-jfdh.cc"),
]


def _prefix_lowerings(scam: str, lines: list[str], marks: list[str]) -> list[tuple[str, str]]:
    level = _level(scam)
    return [(line, mark) for line in lines for mark in marks if level and _level(line + mark + scam) < level]


@pytest.mark.parametrize("shard", range(6))
def test_a_prefix_of_the_red_team_never_lowers_a_corpus_scam(shard):
    lowered = []
    for i, scam in enumerate(_PREFIX_SAMPLE):
        if i % 6 == shard:
            lines = _PREFIXES[i % 3 :: 3]
            lowered += [(line, mark, scam[:30]) for line, mark in _prefix_lowerings(scam, lines, PREFIX_MARKS)]
    assert not lowered, lowered[:3]


@pytest.mark.parametrize(("line", "scam"), CLOSED_PREFIX_HOLES)
def test_closed_prefix_holes_stay_closed(line, scam):
    assert not _prefix_lowerings(scam, [line], PREFIX_MARKS)


# A greeting glued to the scam's first word, no space or mark between ("您好亲爱的，…", "早上好我钱书记 …"), is
# an opener (normalize.GREETING) and the model reads the message from after it too (segment.tail_starts).
GLUED_GREETINGS = ["您好", "你好", "早上好", "晚上好呀", "打扰了", "新年快乐"]
GLUED_SCAMS = [
    "亲爱的，我家里遭遇变故急需用钱，你能借我213000吗？我发誓一定还你。",
    "我钱书记 你明天带上材料来找我 先加个QQ 3559800210",
    "妈 新号 旧手机丢了 先存一下 晚点跟你说个事",
]


@pytest.mark.parametrize("scam", GLUED_SCAMS)
def test_a_glued_greeting_never_lowers_a_scam(scam):
    assert _level(scam) > 0
    assert not _prefix_lowerings(scam, GLUED_GREETINGS, [""])


# A reassurance glued on ("请放心亲爱的，…", "别担心我钱书记 …") ends an opener as a greeting does, and either
# ends a longer word group glued on ("尊敬的客户您好我钱书记 …"): normalize.GREETING, glued_greeting_end (hole14).
# Any other word group glued to the scam's first word ("免费我钱书记 …") is still read as part of it: the opener
# reader knows where a greeting or a reassurance ends, not where any word group does.
GLUED_LINES = ["请放心", "放心吧", "别担心", "不用担心", "尊敬的客户您好", "亲爱的用户你好", "感谢您的支持请放心"]


@pytest.mark.parametrize("scam", GLUED_SCAMS)
def test_a_glued_reassurance_or_greeting_ending_a_group_never_lowers_a_scam(scam):
    assert not _prefix_lowerings(scam, GLUED_LINES, [""])


# A sender tag put in front of a scam that had none, with a line of the red team's prefixes after it or not
# ("【温馨提示】老妈你给我买几张充值卡…", "【提醒】你好 宝宝，…先转我500元"): the tag is a claim of its own, and who
# speaks first after it still speaks first (normalize.tagged_opener_ends, read by claims.py for persons). Before,
# 16 of these 1,116 edits lowered a corpus scam: a relative's or an endearment's address was read only at the
# message's start or after openers, and a tag stood before both. Deterministic: a fixed sample, tags by place.
ADDED_TAGS = ["【提醒】", "【通知】", "【温馨提示】", "【客服中心】"]
_UNSIGNED_SAMPLE = random.Random(7).sample([s for s in CORPUS_SCAMS if not s.startswith("【")], 300)


# What a phone shows above a message, carried into a paste or a screenshot's text: the sender's number, a date,
# a time, "短信" ("95588 【催收通知】…", "短信 10:21\n妈，…", "106575170001：…"). The message starts after it, for the
# openers, the sender tag and who speaks first (normalize._paste_header_end) and for the model's units
# (segment.gap_tail_starts). Before, 18 of 2,292 such edits of corpus scams lowered them.
PASTE_HEADERS = ["95588 ", "106575170001：", "+8613800138000：", "短信 10:21\n", "[2026-11-30 10:21] ", "12月1日 09:15 "]
_HEADER_SAMPLE = random.Random(9).sample(CORPUS_SCAMS, 240)
# A hole the sweep found that is not the header's: a rule that reads who speaks first by the mark before him
# ("(?<=[\s,，。…])我戴主任", leader_asks_to_add_contact) found none after a space or a line break, which the normalised
# text does not keep ("您好 我戴主任 加我扣扣 …" was low_risk from 5cd34f9 to round 63). Closed in round 64: an anchored
# pattern reads from a word the paste sets apart near the start and from a header's end (rules._opened_matches).
CLOSED_HEADER_HOLES = ["我戴主任 加我扣扣 3092420471"]
# Round 28: a victim's story that only the model flags; a header's official number becomes the channel of the call it
# narrates ("对方天天打电话到他公司前台"), which then gives the model no ask:call term, and since round 28's retrain the
# probability falls from 0.9966 to 0.9858, under the lift threshold 0.9861. Round 30's retrain keeps it flagged (0.9871
# against a lift of 0.9867), so the test runs as a plain one again; the header is still not kept out of what the claims
# stage binds requests to, so a later retrain may reopen the hole (this test will say so).
HEADER_MODEL_HOLES = ["我表弟借了网贷还不上，对方天天打电话到他公司前台，说他诈骗"]


@pytest.mark.parametrize("shard", range(4))
def test_a_paste_header_never_lowers_a_scam(shard):
    lowered = []
    for i, scam in enumerate(_HEADER_SAMPLE):
        if i % 4 == shard and not scam.startswith(tuple(HEADER_MODEL_HOLES)):
            lowered += [(header + scam)[:40] for header, _ in _prefix_lowerings(scam, PASTE_HEADERS[i % 2 :: 2], [""])]
    assert not lowered, lowered[:3]


@pytest.mark.parametrize("header", PASTE_HEADERS)
@pytest.mark.parametrize("scam", CLOSED_HEADER_HOLES)
def test_a_line_break_before_the_speaker_does_not_lower_him(scam, header):
    assert _level(header + scam) >= _level(scam) > 0


@pytest.mark.parametrize("start", HEADER_MODEL_HOLES)
def test_a_header_number_does_not_become_the_channel_of_a_narrated_call(start):
    scam = next(s for s in CORPUS_SCAMS if s.startswith(start))
    assert _level("95588 " + scam) >= _level(scam)


@pytest.mark.parametrize("shard", range(4))
def test_a_sender_tag_added_in_front_never_lowers_a_scam(shard):
    lowered = []
    for i, scam in enumerate(_UNSIGNED_SAMPLE):
        if i % 4 == shard:
            tag = ADDED_TAGS[i % len(ADDED_TAGS)]
            fronts = [tag, *(tag + line + " " for line in _PREFIXES[i % 3 :: 3][:3])]
            lowered += [(front + scam)[:40] for front, _ in _prefix_lowerings(scam, fronts, [""])]
    assert not lowered, lowered[:3]


# Round 35: a reassuring clause put in place of the request's 请 ("…请登录支付宝App核实后，联系承办人0571…"):
# the request keeps its verb without the 请 it was read by, and must still be read (it took a fake court notice
# to low_risk). The same scams with the lead rewritten never fall below their level as written.
VERIFY_LEADS = ["请登录支付宝App核实后，", "核实后，", "请先拨打12368核实后，", "如有疑问，"]
# Not the cancel-by-calling phrase, read only with <= 8 characters between (the xfail above). Whoever handles the
# case named after 联系 (承办人, 经办人, 对接人) is how such notices put it.
# Nor the requests the request reader reads: rewording a request's own words (its 请 taken out) is a paraphrase, which
# moves a learned reader's probability as any paraphrase does; what it reads is held to the insertions above.
_LED_BY_PLEASE = [s for s in SCAMS if "请" in s and s != _CANCEL_BY_CALLING and s not in READ_BY_THE_REQUEST_READER] + [
    "【上海市浦东新区人民法院】你拖欠花呗一案已签发拘传令，案号（2025）沪0115刑初3341号，请联系经办人 021-58896621 办理撤诉。",
    "您的网贷逾期已移交法务部，请联系对接人 0755-26613388 协商，否则上门。",
]


@pytest.mark.parametrize("scam", _LED_BY_PLEASE)
@pytest.mark.parametrize("lead", VERIFY_LEADS)
def test_a_verification_clause_in_place_of_please_never_lowers_a_scam(scam, lead):
    at = scam.index("请")
    assert _level(scam[:at] + lead + scam[at + 1 :]) >= _level(scam)


# Round 47: the stake that opens the reading of a link not shown (a notice phishing sends with a link, stakes.hook; a
# platform pitched, stakes.pitch) is read word by word, not by the message's frame, so that no reassuring line, warning
# frame or padding put before, after or between its clauses takes it away.
HOOKED_UNSEEN_SCAMS = [
    "违停罚单已生成 今日内处理 点链接",
    "【快递中心】您的包裹因收件信息不全已滞留三天，请在今天18点前通过链接补填，否则退回发件地。",
    "您的个税退税1280.50元已到账待领 速领链接",
    "宝贝，我舅舅在的平台稳赚不赔，你先注册一个链接，我带你投。",
]


# Round 48: someone the reader knows who blocks the check (no video, not the old number, tell nobody) as he asks for
# money, or announces a new number and rules out the old one: no reassuring line or frame takes the flag away.
CHECK_BLOCKED_SCAMS = [
    "舅 视频就算了 这边信号差 你先转3000过来 我明天还你",
    "王总这边开会 手机只能发信息 你先把货款打给对方 账号我发你 别给其他人讲",
    "别往我原来那个号上打了 丢了 有事就在这个号说",
    "房租这个月转我老婆卡上 原来那张卡注销了",
]


@pytest.mark.parametrize("scam", HOOKED_UNSEEN_SCAMS + CHECK_BLOCKED_SCAMS)
@pytest.mark.parametrize("line", INSERTS + FRAMES)
@pytest.mark.parametrize("mode", ["prepend", "append", "interleave"])
def test_no_reassuring_line_lowers_a_hooked_link_not_shown_or_a_check_blocked(scam, line, mode):
    assert _level(scam) > 0
    edited = _insert(scam, line, mode, 1)
    assert _level(edited) >= _level(scam), edited
