"""Advice names the right institution, and never repeats a number or link from the message."""

import re

import pytest

from checker import check
from checker.stages import advice as advice_stage
from checker.stages.advice import next_steps, steps
from checker.stages.entities import institutions, official_numbers
from checker.stages.rules import catalogue

CASES = [
    ("【律师函】您的花呗已逾期，请加微信abc12345处理。", ["alipay", "law_firm"]),
    ("您在支付宝借条借给朋友的钱逾期未还，可以提醒对方还款。", ["alipay_iou"]),
    ("您的招商银行信用卡已逾期，请联系13912345678处理。", ["cmb"]),
    ("您的欠款纠纷已立案，传票将于三日内送达。", ["court"]),
    ("我是市公安局刑侦支队王警官，你涉嫌洗钱案件。", ["police"]),
    ("专业征信修复，逾期记录三天消除。", ["credit_bureau"]),
    ("您的京东白条已逾期，加客服QQ 12345678 处理。", ["jd"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_advice_for_the_institution_claimed(text, expected):
    ids = [a.id for a in check(text).advice]
    for inst in expected:
        assert inst in ids


def test_creditor_advice_comes_before_the_law_firm():
    ids = [a.id for a in check("【律师函】您的花呗已逾期，请加微信abc12345处理。").advice]
    assert ids.index("alipay") < ids.index("law_firm")


MESSAGES = [text for text, _ in CASES] + [
    "请拨打4008123456或13812345678，或访问 http://t.cn/abc 处理您的借呗欠款。",
    "您的工商银行卡被冻结，请拨打95588以外的专线02088886666。",
]


@pytest.mark.parametrize("text", MESSAGES)
def test_advice_only_prints_confirmed_numbers(text):
    confirmed = set(official_numbers())
    result = check(text)
    for item in result.advice:
        for words in (item.text, item.text_en):
            for number in re.findall(r"\d{3,}", words):
                assert number in confirmed, number
            assert "http" not in words and "t.cn" not in words


@pytest.mark.parametrize("text", MESSAGES)
def test_money_messages_always_carry_the_reminder(text):
    result = check(text)
    assert "核实" in result.reminder and "verify" in result.reminder_en.lower()


def test_everyday_message_has_no_reminder():
    result = check("周末一起去爬山吗？")
    assert result.reminder == "" and result.verdict == "low_risk"


# --- steps: what to do next, as data ------------------------------------------------------------


def _all_step_texts():
    data = steps()
    texts = [v for k, v in data.default.items()] + list(data.complain)
    texts += [t for pair in data.verify.values() for t in pair]
    texts += [t for pair in data.channels.values() for t in pair]
    for plan in data.plans.values():
        texts += [t for pair in plan.facts for t in pair] + list(plan.stop or ())
    return texts + list(data.loss.step) + list(data.loss.headline)


def test_steps_print_only_confirmed_numbers():
    confirmed = set(official_numbers()) | set(steps().public_channels)
    for words in _all_step_texts():
        for number in re.findall(r"\d{3,}", words):
            assert number in confirmed, (number, words)
        assert "http" not in words


def test_no_internal_note_reaches_a_reader():
    from checker.stages.entities import institutions
    from checker.stages.rules import catalogue

    texts = _all_step_texts() + [t for i in institutions() for t in (i.advice, i.advice_en)]
    texts += [t for r in catalogue().rules for t in (r.title, r.title_en, r.why, r.why_en)]
    for words in texts:
        assert "需核实" not in words and "二手" not in words and "needs checking" not in words, words


def test_every_chinese_step_fits_one_line_at_80_columns():
    import unicodedata

    data = steps()
    zh = [v for k, v in data.default.items() if not k.endswith("_en")] + [data.complain[0]]
    zh += [pair[0] for pair in data.verify.values()] + [pair[0] for pair in data.channels.values()]
    zh += [f[0] for plan in data.plans.values() for f in plan.facts] + [p.stop[0] for p in data.plans.values() if p.stop]
    zh += [data.loss.step[0], data.loss.headline[0]]
    for words in zh:
        columns = 4 + sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in words)
        assert columns <= 80, words


def _ids(text, types=()):
    result = check(text)
    return [s.id for s in next_steps(result.entities, result.flags, result.verdict, types)]


# (message, fraud types the taxonomy gives it, steps it must get, steps it must not get)
FOLLOW_THE_SCAM = [
    ("【支付宝】您的借呗利率过高不符合国家规定，需注销账户，否则影响征信，请联系客服4008102345。",
     ["fake_credit_cancel"], ["stop", "fact_fake_credit_cancel", "verify_alipay"], ["verify_law_firm", "verify_court"]),
    ("爸，我手机丢了，这是我新号码，急需交房租，先转3000到这个卡6222021234567890123，别告诉妈",
     ["fake_relative"], ["stop", "fact_fake_relative", "unsure", "report"], ["verify_court", "verify_law_firm", "verify_police"]),
    ("我是市公安局刑侦支队王警官，你的银行卡涉嫌洗钱案件，请将资金转入安全账户配合调查。",
     ["fake_police"], ["verify_police"], ["verify_other_bank", "complain"]),
    ("您的个税退税10000元待领取，请登录 http://t.cn/AbCd 办理，逾期不予办理。",
     ["tax_refund"], ["channel_tax_refund", "unsure"], []),
    ("【法务中心】您的借呗已逾期，已进入立案程序。请今日内将欠款转入指定账户6222021234567890123，否则通知您的家人和单位。",
     [], ["stop", "verify_alipay", "unsure", "complain", "report"], []),
]


@pytest.mark.parametrize(("text", "types", "wanted", "unwanted"), FOLLOW_THE_SCAM)
def test_steps_follow_the_scam_not_only_the_institution(text, types, wanted, unwanted):
    ids = _ids(text, types)
    for step in wanted:
        assert step in ids, (step, ids)
    for step in unwanted:
        assert step not in ids, (step, ids)
    assert ids[0] == "stop" and ids[-1] == "report"


# Without types given, the red flags' own types decide: the advice a scam must not get stays out.
@pytest.mark.parametrize(("text", "types", "wanted", "unwanted"), FOLLOW_THE_SCAM)
def test_the_flags_types_choose_the_steps(text, types, wanted, unwanted):
    ids = _ids(text)
    assert ids[0] == "stop" and "unsure" in ids and ids[-1] == "report"
    for step in unwanted:
        assert step not in ids, (step, ids)


# Where the red flags point to no one kind of scam, the institution the message names still gets its
# step: a government service, carrier, courier or utility as much as a bank (steps.toml [institution]).
NAMED_ONLY = [
    ("【国家电网】您家电费已欠费386元，今日18点将停电，请立即点击 sgcc-jf.top 缴费。", "verify_state_grid"),
    ("【中国移动】您的话费已欠费，今日停机，请立即点击 cmcc-jf.top 缴费。", "verify_china_mobile"),
    ("【顺丰速运】您的包裹异常已冻结，请立即点击 sf-kd.top 缴费解冻。", "verify_courier"),
]


@pytest.mark.parametrize(("text", "step"), NAMED_ONLY)
def test_the_institution_named_gets_its_step_when_the_kind_of_scam_is_unclear(text, step):
    assert step in _ids(text)


def test_a_genuine_message_gets_at_most_one_calm_step():
    assert _ids("【花呗】您本期账单已逾期，请登录支付宝App还款，以免影响信用。") == ["calm"]
    assert _ids("周末一起去爬山吗？") == []


def test_money_or_law_is_the_rules_catalogues_definition():
    from checker.stages.rules import catalogue

    assert advice_stage.speaks_of_money_or_law("您的借呗已逾期")
    assert not advice_stage.speaks_of_money_or_law("周末一起去爬山吗？")
    assert catalogue().contexts["money_legal"].pattern  # one definition, in rules.toml
    assert "_MONEY_OR_LEGAL" not in vars(advice_stage)


def test_steps_data_is_validated_with_the_key_named(monkeypatch):
    from checker.stages.advice import StepsError

    raw = steps.__wrapped__  # the loader itself, uncached
    institutions(), catalogue()  # loaded from the real files before steps.toml is replaced
    real_load = advice_stage.datafile.load

    def broken(name):
        return {"default": {"stop": "x"}} if name == advice_stage.STEPS_FILE else real_load(name)

    monkeypatch.setattr(advice_stage.datafile, "load", broken)
    with pytest.raises(StepsError, match=r"steps\.toml"):
        raw()


def test_a_named_credit_bureau_does_not_make_a_platform_scam_a_government_one():
    ids = _ids("【支付宝】您的借呗额度异常，请拨打400-810-2345注销，或访问 http://alipay-zx.com/a 否则影响征信")
    assert "verify_alipay" in ids and not any(i.startswith(("fact_etc", "channel_etc")) for i in ids), ids


# The reader's own story of a loss leads with 110 ([loss] of data/steps.toml); a loss avoided, someone
# else's, a warning's case, a scam's pretext or an everyday payment does not. (text, a loss told?)
LOSS_STORIES = [
    ("我刚被骗了，有人冒充京东客服说我的金条要注销，让我转了两万到他们的账户，现在怎么办？", True),
    ("我妈被骗了三万块，对方说是公安局的，现在还能追回来吗", True),
    ("昨天按短信上说的交了两千保证金，现在客服拉黑我了", True),
    ("我不小心转了5000给骗子，怎么办", True),
    ("他让我下载了一个会议软件，我把验证码告诉他了，后来发现是骗子", True),
    ("我爸照着短信点了链接，输了卡号和密码，卡里的钱都被转走了", True),
    # Round 33: a top-up card's secret read out to a fake grandson (fraud_taxonomy.md A.1 row 30).
    ("我爷爷被一个电话叫去买了三张充值卡，说是我侄子要买学习卡，然后把卡密念给对方了。这个钱还能追回来吗", True),
    # avoided, feared or asked about
    ("我差点被骗了，幸好没转钱", False),
    ("朋友发来一个链接说是投票，我点进去要我输入手机号和验证码，我没输，这是不是骗子？", False),
    ("如果我转了钱被骗了怎么办？", False),
    ("被骗了怎么办？请立即拨打110", False),
    # someone else's: a warning's case, a colleague, the reader a scam addresses, a quoted message
    ("【某市公安局】警方提示：一名用户因此被骗5000元，请勿轻信。", False),
    ("我同事被骗了两万，说是什么客服退款让开屏幕共享，你们都注意点", False),
    ("您的账户已被盗刷，请立即致电4001234567冻结", False),
    ("【反诈中心】一名租户收到“我是房东，换号了，房租打到我爱人卡上”的短信，转了2800元后才发现被骗。", False),
    # a scam's pretext: the teller asks for money
    ("舅，我在西安被骗了，身份证被扣着，你先转给我朋友4000块，他在旁边陪我", False),
    ("我已经把退款转到您的账户，多转了3000，请退回", False),
    # everyday payments, a scam refused, a fine paid in the real app
    ("老婆，房东刚才打电话说下个月房租涨200，我先转给他了，卡号还是原来那个", False),
    ("妈，我这个月工资发了，给你转了2000，你查收一下", False),
    ("今天接到电话说要注销校园贷，我没理他，后来打了96110，民警说就是诈骗。", False),
    ("我老公接到电话说车有违章要加微信消分，我们在交管12123一查只有一条，已经在App里交了，那个人就是骗子。", False),
]


@pytest.mark.parametrize(("text", "told"), LOSS_STORIES)
def test_the_readers_own_loss_is_read_and_no_one_elses(text, told):
    from checker.stages.normalize import normalize

    assert advice_stage.loss_told(normalize(text)) is told
    ids = [s.id for s in check(text).steps]
    assert (ids[:1] == ["loss"]) is told and ids.count("loss") == (1 if told else 0)


@pytest.mark.parametrize("text", [text for text, told in LOSS_STORIES if told])
def test_a_loss_told_changes_the_steps_alone(text, monkeypatch):
    # Advice only: the verdict, the score and the flags are what they would be without it.
    told = check(text)
    monkeypatch.setattr(advice_stage, "loss_told", lambda norm: False)
    plain = check(text)
    assert (told.verdict, told.score, told.red_flags, told.lowering_signs) == (
        plain.verdict, plain.score, plain.red_flags, plain.lowering_signs
    )
    assert told.steps[1:] == plain.steps


# A calm verdict beside a number or link that is not a confirmed one of the institution named: the step
# says where that institution is really reached, not only "use the official app". (text, steps)
CALM_WITH_AN_UNCONFIRMED_CHANNEL = [
    ("这个号码4008123456是京东的客服吗？", ["verify_jd"]),
    ("京东客服的电话是4006065500吗", ["verify_jd"]),
    ("95188是支付宝的电话吗", ["calm"]),
    ("【花呗】你本月花呗账单1,268.30元，还款日为12月10日，可在支付宝App还款。", ["calm"]),
    ("明天一起吃饭吧，我请客", []),
]


@pytest.mark.parametrize(("text", "wanted"), CALM_WITH_AN_UNCONFIRMED_CHANNEL)
def test_a_calm_verdict_beside_an_unconfirmed_number_says_where_the_institution_is(text, wanted):
    result = check(text)
    assert result.verdict == "low_risk" and [s.id for s in result.steps] == wanted


# Round 62: a quiet message from someone who says he is a relative, friend, boss or landlord (the openers of fraud_taxonomy.md
# A.1 rows 29-31, and how real people write too) keeps its verdict and gets the one check the taxonomy advises; a teacher's
# note and an everyday line get none. (text, steps)
A_KNOWN_PERSON_ALONE = [
    ("爸，这是我新号，原来那个丢了，你存一下，有事打这个。", ["known_person"]),
    ("喂 小孙啊 听出来我是谁了吧 对 我老郑 我换了个号 你存一下", ["known_person"]),
    ("我是房东，这个月水电我贴在门口了，你有空看一下。", ["known_person"]),
    ("王老师：下周的书法课需要自备毛笔墨水。", []),
    ("明天一起吃饭吧，我请客", []),
]


@pytest.mark.parametrize(("text", "wanted"), A_KNOWN_PERSON_ALONE)
def test_a_known_persons_claim_alone_gets_the_check_on_the_old_number(text, wanted):
    result = check(text)
    assert result.verdict == "low_risk" and [s.id for s in result.steps] == wanted

