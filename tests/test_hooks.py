"""Documented hooks in words of our own: the fraud taxonomy's rows (fraud_taxonomy.md A.1), each said
the way a caller or a terse SMS says it rather than the way the rules quote it, must be flagged; the
genuine messages that look most like them must not.

Written from the taxonomy row before running the checker (issue 9: patterns come from the documented
hooks, never from the evaluation sets). A row the checker misses is fixed in the rules or the claims
stage, never by editing the row.
"""

from __future__ import annotations

import pytest

from checker import check

# (taxonomy id, message)
HOOKS = [
    ("fake_boss", "我是王书记，在开会不方便接电话，你先帮我给一个朋友转两万块，回头还你。"),
    ("fake_boss", "小李啊，我是你们单位的张主任，明天上午你来我办公室一趟，有事找你，你先加一下我QQ。"),
    ("fake_boss", "你好，我是你领导的秘书，领导让我通知你，有个项目需要先垫付一笔款项，领导让你先把钱打到对方账户上。"),
    ("fake_landlord", "我是房东，房租以后打我老公的卡，之前那张卡不用了。"),
    ("fake_relative", "喂，我是你舅舅，我在外地出了车祸，撞伤了人，对方要我赔钱私了，你先帮我凑五万块钱，千万别告诉你妈。"),
    ("fake_relative", "你好，我是你朋友的朋友，他让我找你帮个忙，他现在急需一笔钱周转，让你先打到我卡上。"),
    ("fake_teacher", "各位家长，下学期教材费每人298元，请家长们今天内交到我这里，扫码付款。"),
    ("campus_loan_cancel", "您好，我是京东金融的客服，您之前在大学期间开通过校园贷账户，现在国家要求清理，如果不注销会影响您的征信，需要您配合操作一下。"),
    ("fake_credit_cancel", "您好，我是美团金融的工作人员，您之前在美团开通的借钱账户利率过高，不符合国家规定，现在需要给您下调利率，您配合我们操作一下。"),
    ("fake_credit_cancel", "您好，您的京东白条因为是学生身份开通的，现在需要关闭，否则会产生高额利息，还会影响征信。"),
    ("fake_credit_cancel", "您好，我这边是微粒贷客服，您的账户存在异常，需要您配合把资金转到我们的验证账户进行流水验证，验证完会退回。"),
    ("membership_autodebit", "您好，这里是抖音官方客服，您在抖音开通了直播会员，系统显示每个月要扣费680元，现在需要帮您关闭，您打开手机银行看一下余额。"),
    ("million_cover", "您好，我是抖音的客服，您之前开通了百万保障服务，试用期已经结束了，如果不关闭每个月会从您银行卡扣费800元。"),
    ("fake_refund", "喂，您好，我是拼多多的客服，您在我们平台购买的一款面膜被检测出有害物质，我们这边要给您办理三倍赔偿，您看一下您的微信零钱有没有开通。"),
    ("fake_refund", "喂，您好，这里是淘宝客服，您上周买的衣服质量有问题，我们要给您退款，请您打开支付宝备用金按步骤操作。"),
    ("parcel_claim", "您好，这边是快递公司理赔部门，您的包裹在运输途中丢失了，我们这边给您三倍赔偿，您加一下我们理赔专员的微信处理。"),
    ("credit_limit_raise", "您好，我是某某银行信用卡中心的，您的信用卡可以提升额度到五万，需要您先存入一笔钱验证还款能力。"),
    ("flight_change", "您好，我是航空公司客服，您的航班取消了，我们给您改签，同时给您300元延误补偿，请您提供一下银行卡号和收到的验证码。"),
    ("fake_loan", "您好，我是平安普惠的贷款专员，看到您之前在我们平台申请过贷款，现在我们有一个内部名额，无需征信，当天放款，您需要的话我加您微信详细说。"),
    ("fake_loan", "您好，您的贷款已经到账了，但是因为您的信用分不够，需要先做一笔流水证明您的还款能力，才能提现。"),
    ("fake_police", "您的银行卡涉嫌参与电信诈骗，已被冻结，请配合公安机关调查，将资金转移至安全账户。"),
    ("etc_phish", "您好，您的ETC卡已失效，为避免影响您正常通行，请尽快登录网站进行认证。"),
    ("token_expiry", "【工商银行】尊敬的用户您的电子银行口令卡已失效请于今日登录我行网站重新激活逾期将无法使用"),
    ("carrier_points", "尊敬的用户您的话费积分已满足兑换条件可兑换价值398元的现金礼包请于今日内登录领取逾期作废"),
    ("credit_repair", "您的征信有不良记录，我们可以帮您修复，内部渠道，包过，费用两千。"),
    ("unlawful_collection", "你欠的钱再不还，我们就去你老家，把你的事告诉你所有亲戚。"),
    ("social_security", "社保局通知：您的社保卡已被暂停使用，需要重新认证，请联系社保专员办理，否则将影响您的医疗报销。"),
    ("recruit_lure", "你好，我们公司招聘线上客服，在家就能做，日结工资，先交198元入职培训费就可以上岗。"),
    ("task_scam", "我们这边是做电商的，需要人帮忙给店铺刷好评，做一单返佣金，本金加佣金马上返还，先垫付本金。"),
]

# The genuine messages nearest to those hooks: (genuine format, message)
GENUINE = [
    ("genuine_app_notice", "【某视频】您的会员将于明日自动续费25元，如需取消自动续费，请在App-我的-管理自动续费中操作。"),
    ("genuine_app_notice", "【某视频】已为您关闭自动续费，会员到期后不再扣费。"),
    ("genuine_carrier_bill", "【中国移动】您的积分3880分可在中国移动App积分商城兑换话费或商品，积分兑换不提供现金。"),
    ("genuine_personal_message", "明天我先给你转500块房租，剩下的月底给。"),
    # The model had learnt "我是…经理" and "加…微信" as scam words (data/sources/legit_everyday_7.txt).
    ("genuine_marketing", "您好，我是链家的王经理，加一下我微信，给您发房源。"),
    ("genuine_bank_realname_update", "【某银行】您的ETC设备已失效，请携带设备到就近网点重新激活。"),
    ("genuine_antifraud_notice", "谨防“无需征信、当天放款”的贷款诈骗。"),
    ("genuine_personal_message", "恭喜你通过面试，入职后公司为你缴纳五险一金，下周一报到。"),
    ("genuine_bank_realname_update", "【某银行】您的社保卡金融功能将于下月到期，请携带身份证到就近网点换卡。"),
]


@pytest.mark.parametrize(("fraud_type", "text"), HOOKS, ids=[f"{t}-{i}" for i, (t, _) in enumerate(HOOKS)])
def test_documented_hook_in_other_words_is_flagged(fraud_type, text):
    result = check(text)
    assert result.verdict != "low_risk", fraud_type
    assert result.red_flags, fraud_type


@pytest.mark.parametrize(("genuine_format", "text"), GENUINE, ids=[f"{t}-{i}" for i, (t, _) in enumerate(GENUINE)])
def test_genuine_look_alike_of_a_hook_is_not_flagged(genuine_format, text):
    assert check(text).verdict == "low_risk", genuine_format
