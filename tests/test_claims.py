"""The claims stage: who the message says it is, what it asks, through which channel; the judgement."""

import pytest

from checker import check
from checker.stages import claims
from checker.stages.claims import governed_fresh, judgements, names_scammer, quoting, read, retold
from checker.stages.entities import extract
from checker.stages.normalize import normalize
from checker.stages.taxonomy import taxonomy
from checker.stages.verdict import ORDER


def _read(text):
    norm = normalize(text)
    return read(norm, extract(norm))


# text, expected findings, expected floor
JUDGED = [
    ("【支付宝】您的借呗已逾期，请拨打400-810-2345处理。", {"channel_mismatch"}, "suspicious"),
    ("您的借呗已逾期，请将欠款转入指定账户6222021234567890123。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("请把收到的验证码告诉我，帮您关闭扣费。", {"credentials_requested"}, "high_risk"),
    ("请下载腾讯会议，开启屏幕共享，专员协助您处理借款。", {"screen_share_requested"}, "high_risk"),
    ("您的网贷已逾期，请加微信abc12345处理。", {"contact_through_private_channel"}, "suspicious"),
    ("本所受委托通知您，需支付律师费580元，否则起诉。", {"fee_demanded"}, "suspicious"),
    ("我是你领导，明天来我办公室，先帮我转2万给客户。", {"pay_through_unofficial_channel"}, "high_risk"),
    # A refund or compensation to be claimed by scanning the code the message gives (fraud_taxonomy.md
    # A.1 row 9: platforms do not refund through a link or a QR code).
    (
        "亲 您买的保温杯有批次问题 给您赔偿300元 您扫一下这个二维码填写资料就可以领取了",
        {"benefit_through_unofficial_channel", "contact_through_private_channel"},
        "high_risk",
    ),
    # Someone the reader is asked to place ("还记得我不") who asks to borrow; a niece on a classmate's phone.
    ("王哥 我是小刘 你还记得我不 我现在在你们那边 钱包丢了 能不能借我点钱", {"claimed_acquaintance_asks_for_money"}, "suspicious"),
    (
        "叔叔好，我是你侄女婷婷，手机被偷了，这是借同学的手机，急需800块钱交住宿费，你转到我同学的支付宝上。",
        {"pay_through_unofficial_channel"},
        "high_risk",
    ),
    # A victim's own story, still pending: what the call asked is asked of whoever pastes it.
    (
        "我刚接到一个电话说是快递公司的，说包裹压坏了能理赔，让我下一个会议软件，屏幕共享一下好操作，我正在下载，要不要继续",
        {"screen_share_requested"},
        "high_risk",
    ),
    # The documented fake_landlord hook: a new number, the rent to another card.
    ("我是房东，换了号，房租以后打我老公的卡，之前那张卡不用了。", {"pay_through_unofficial_channel"}, "high_risk"),
    # The documented fake_boss hook: in a meeting, pay a friend of mine for me (the payee first).
    ("我是王书记，在开会不方便接电话，你先帮我给一个朋友转两万块，回头还你。", {"pay_through_unofficial_channel"}, "high_risk"),
    # A channel the message gives is an offer to act through it, with or without a verb; a phone
    # number needs a verb of contacting before it.
    ("社保卡到期提醒：换领新卡地址 sb-hl.top，逾期停用。", {"channel_mismatch"}, "suspicious"),
    ("积分今晚清零，兑换现金入口 jf-dh.top", {"contact_through_private_channel"}, "suspicious"),
    ("【中国银行】您的年费880元今日将从账户扣除，客服热线955123。", {"channel_mismatch"}, "suspicious"),
    ("您有一笔高龄补贴未领取，联系188 1234 5678办理。", {"contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    ("您的会员今晚将自动扣费2000元，取消请联系客服热线4001234567。", {"call_unconfirmed_service_line"}, "suspicious"),
    ("您的会员明日到期将自动续费398元，如需取消请回电4001234567。", {"call_unconfirmed_service_line"}, "suspicious"),
    # A prize won, to be claimed by calling a number nobody confirms, a firm's landline too (A.1 row 36).
    ("节目组通知你已成为场外幸运观众获得27000元奖金 领奖请联系节目组律师袁律师 0755-81037634", {"prize_claimed_by_call"}, "suspicious"),
    # (a 400 line is already an unconfirmed service line in a notice about the reader's money)
    ("恭喜您中奖 奖金8万元 领奖请致电400-123-4567", {"call_unconfirmed_service_line"}, "suspicious"),
    ("恭喜您中奖 奖金8万元 领奖请致电021-61234567", {"prize_claimed_by_call"}, "suspicious"),
    # Round 23: money offered, to be collected by calling a landline nobody confirms (A.1 rows 9-10, 37); none
    # once it is paid back. A debt never taken, or the number partly cut off, to be sorted by a call (domain.md 1c
    # row 16, sim_realname); a threat puts a case at stake, so the link it gives is the way to act.
    ("【圆通】您的快件已确认遗失，理赔金额356.22元，请联系理赔专员010-84665874领取。", {"benefit_claimed_by_call"}, "suspicious"),
    ("【退费通知】您当年报名的早教课程已被查处，可申请退还学费10598元，请联系退费专员0571-82626979", {"benefit_claimed_by_call"}, "suspicious"),
    ("【顺丰速运】您的快件理赔款356元已原路退回，如有疑问请联系客服0755-12345678。", set(), "low_risk"),
    ("【某教育】退费通知：您申请的退费5,415.06元已按原支付方式退回，无需联系任何人。咨询0371-89880463", set(), "low_risk"),
    ("【某旅行社】八日游团费每人2750元，出发前七天以上取消可全额退款，咨询请拨打门店电话029-82665391。", set(), "low_risk"),
    ("您有陌生欠款22551.24元待处理 非本人请速联系021-64497164注销", {"threat_lifted_by_call"}, "suspicious"),
    ("您的手机卡存在异地复制风险，已暂停部分功能，请联系020-87609637核实身份信息。", {"threat_lifted_by_call"}, "suspicious"),
    ("【中国移动】您的手机卡存在异地复制风险，已暂停部分功能，请联系18975113384核实身份信息。", {"channel_mismatch"}, "suspicious"),
    ("你被列入网上追逃名单了 自己看 https://dwz7.cc/w84", {"contact_through_private_channel"}, "suspicious"),
    # A flight cancelled, rebooked or compensated through a landline in the SMS (A.1 row 35); the
    # airline's own allotted 95 line is no such channel.
    ("【东方航空】尊敬的旅客，您预订的MU5137航班因机械故障已取消，请致电021-52876431办理退改签，可获赔偿300元。", {"flight_refund_by_call"}, "suspicious"),
    ("【东方航空】您预订的MU5137航班因天气原因取消，可免费改签或全额退票，详询95530。", set(), "low_risk"),
    # case22: a channel disowned where it stands, the object of a verb the reader is told not to do or named
    # fake by its own noun, is the scam's, not the sender's; a prohibition of another channel, or of all
    # but this one, offers it.
    ("【某某市反诈中心】预警：请勿添加微信号 lc_touzi888，该账号以“内部股票推荐”为名诱导投资，已有多人被骗。", set(), "low_risk"),
    ("【某某银行】温馨提示：近期出现仿冒我行网站 yh-zxfw.com，请客户认准官方App和95588，切勿在陌生网站输入账号密码。", set(), "low_risk"),
    ("提醒：诈骗电话 0571-86001234 冒充医保局，接到请直接挂断。", set(), "low_risk"),
    # A case a police notice reports, told not to answer or call back such numbers: the victim's screen shared is
    # the narration, not a request.
    ("【某某派出所】警情通报：辖区居民李某接到自称“客服”的电话4008123456，称其会员将自动扣费，李某按对方要求开启屏幕共享，被骗2.3万元。请大家不要接听、回拨此类号码。", set(), "low_risk"),
    # A link sent "in" the scam's message and disowned after it; a quoted scam text named a phishing site and
    # told not to log in; numbers listed after the one named a fraud's.
    ("【某某银行】尊敬的客户：近日有人冒充我行工作人员，以“信用卡提额”为由发送含链接 ed-ts.cn 的短信，诱导客户填写卡号和验证码。该链接并非我行网址，请勿点击。", set(), "low_risk"),
    ("【某某银行】风险提示：近期有不法分子通过短信发送“您的账户存在风险，请登录 yh-aq.cc 验证”等内容，此为钓鱼网站，请勿登录。我行客服热线95588。", set(), "low_risk"),
    ("【某某市反诈中心】警示：以下号码已被确认为诈骗号码：18812345678、0571-87776666，请勿接听或回拨。如有疑问请拨打96110。", set(), "low_risk"),
    # The number a call came from, in a warning that then tells the reader not to believe it; the same words in
    # a message that sends the reader back to it offer it.
    ("【某某社区】温馨提示：有居民反映接到0571-86112233来电，对方自称社保局，称社保卡需重新激活，要求报出验证码。社保局不会电话索要验证码，请勿相信。", set(), "low_risk"),
    ("您好，您接到0571-86112233来电是社保局正式通知，请及时回拨激活社保卡。", {"channel_mismatch"}, "suspicious"),
    # ... nor where the caller's number is told to the reader, or is disowned only by "请勿轻信谣言" (what a scam
    # says of others); a frame's channel is not disowned by it either.
    ("您好，您接到0571-86112233来电是社保局正式通知，请及时回拨激活社保卡，请勿轻信谣言。", {"channel_mismatch"}, "suspicious"),
    ("有居民接到0571-86112233来电是社保局通知，请勿轻信谣言，及时回拨激活社保卡。", {"channel_mismatch"}, "suspicious"),
    ("骗子的短信里留了一个0571-86112233，社保卡请回拨激活，请勿轻信谣言。", {"channel_mismatch"}, "suspicious"),
    # ... a list that does not start with a disowned one offers every number in it.
    ("退款请联系专员：18812345678、0571-87776666，请勿拖延。", {"contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    # reg10 dev: a channel told not to send money to (别往…转钱), listed under a heading that names the scammers'
    # channels, or named a scam's right after it or by "this" in the next words, kind for kind; not a channel the
    # sender calls its own ("这个账户是公司对公账户，不是骗子的"), nor one under a heading of its own (谨防冒充，本中心微信：…).
    ("【某某银行】提醒：别往“核查账户”6230582200001111转钱，这是骗子的卡。", set(), "low_risk"),
    ("【某某派出所】已确认的诈骗收款卡，请勿向其转账：6217003700001111、6228480100002222。", set(), "low_risk"),
    ("【某某银行】仿冒我行的短信常见网址：abc-95599.cc、nh-jf.top，请勿点击。", set(), "low_risk"),
    ("刚才给您打电话的号码02762180000是诈骗号码，请不要转账。", set(), "low_risk"),
    ("谨防冒充，本中心微信：lc_bt2026，请添加领取补贴。", {"contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    ("您的借呗已逾期，请将欠款转入 6222021234567890123，这个账户是公司对公账户，不是骗子的。", {"pay_through_unofficial_channel"}, "high_risk"),
    # An anti-fraud line a scam gives as its own is not disowned by the word 诈骗 in its name.
    ("【反诈中心】防诈骗官方电话：0571-86001234，您的账户涉嫌洗钱，请速回电核实。", {"contact_through_private_channel"}, "suspicious"),
    ("您的收益已到账，请勿添加其他微信，添加微信号 lc_touzi888 领取收益", {"contact_through_private_channel"}, "suspicious"),
    ("您的收益已到账，请勿添加微信号 lc_touzi888 以外的账号，以免被骗", {"contact_through_private_channel"}, "suspicious"),
    ("积分今晚清零，不要点击陌生链接，官方链接 x-jf.top 兑换积分", {"contact_through_private_channel"}, "suspicious"),
    # A threat to the reader (a crime suspected, the case handed to the police, the number cut off or
    # blacklisted) to be lifted by calling a number nobody confirms, a landline too, with or without a
    # sender tag (fraud_taxonomy.md A.1: fake_police, sim_realname, pseudo_legal_center).
    ("你已涉嫌帮助信息网络犯罪活动，请马上联系0571-86881644说明情况。", {"threat_lifted_by_call"}, "suspicious"),
    ("案件编号HX1234：王某涉嫌恶意逃废债，将移送经侦。如有异议，请在24小时内回电0571-69531234。", {"threat_lifted_by_call"}, "suspicious"),
    ("您的号码已被列入停机名单，如为本人使用请于今日联系021-75901234进行实名核验。", {"threat_lifted_by_call"}, "suspicious"),
    ("您的手机号码被标记为涉诈号码，将在24小时内停机，如需解除请拨打0371-78711234。", {"threat_lifted_by_call"}, "suspicious"),
    # round 27: the number cut off in other words ("即将被停用", "将被注销"), as 停机 (red team narrated: low_risk on the
    # code before, with and without a case's opening). A carrier's own notice with its own number is not one.
    ("尊敬的客户，您的手机号即将被停用，请联系021-89081234核实。", {"threat_lifted_by_call"}, "suspicious"),
    ("您的号码将被注销，如需保留请于今日回电0755-23451234。", {"threat_lifted_by_call"}, "suspicious"),
    ("您的欠款即将移交司法，请联系021-73791234协商。", {"threat_lifted_by_call"}, "suspicious"),
    ("【中国联通】您的手机号码因欠费即将停用，请及时缴费，详询10010。", set(), "low_risk"),
    # The number after a team asked to be reached ("联系专案组0871…", requests.call reach_number): a request, judged
    # as any other; a community's team to call about a vaccination puts nothing at stake.
    ("【网警】您的手机号码涉嫌发送诈骗信息，将在2小时内停机，如有异议请联系专案组0871-55131234。", {"contact_through_private_channel"}, "suspicious"),
    ("【某某社区】本周六上午在社区卫生站接种流感疫苗，有疑问请联系工作组0571-86001234。", set(), "low_risk"),
    # ... not a court's case filed, with its judge's landline; not a suspect's crime a police notice reports
    # to the victim; not a carrier's own cut-off notice with its own number; not a threat denied.
    ("【某某法院】您与张三借款合同纠纷一案已立案，请于12月10日前联系承办法官，电话0571-87001234。", set(), "low_risk"),
    ("【杭州市公安局】您报警的案件已受理，犯罪嫌疑人涉嫌诈骗，承办民警王某，联系电话0571-87005678。", set(), "low_risk"),
    ("【中国移动】您的号码已欠费，将于明日停机，请及时缴费，详询10086。", set(), "low_risk"),
    # A refund of a sum, or a benefit's sum waiting to be claimed, is the reader's own money at stake even
    # where the message never says 您 (the impersonal fake_refund and fake_subsidy scripts, A.1 rows 9-10, 16);
    # an ad's subsidy or cover up to a sum is no one's money yet.
    ("订单731245908632已申请极速退款847.22元，由于退款金额较大，需先验证收款账户流水，请按客服400 948 2628指引操作", {"call_unconfirmed_service_line"}, "suspicious"),
    ("高龄津贴149.87元待领取，领取请联系400 979 0149", {"call_unconfirmed_service_line"}, "suspicious"),
    ("【苏宁易购】家电以旧换新，政府补贴最高2000元，到店咨询400-836-5365，退订回T", set(), "low_risk"),
    ("【某保险】百万医疗险，最高理赔600万元，咨询400-800-1234", set(), "low_risk"),
    # fp: a shop's trade-in subsidy with its own link asks nothing; the subsidy is the shop's offer, not yet
    # the reader's (stakes.offered_term).
    ("【某电器】家电以旧换新，最高补贴2000元，详情 www.example-shop.com 退订回T", set(), "low_risk"),
    # Compensation said as 获赔 is money offered to the reader like 赔付.
    ("邮政EMS客服通知 您的件被污损 可获赔821.02元 请联系4001199556", {"call_unconfirmed_service_line"}, "suspicious"),
    # The hooks of power, traffic and parcel notices, which their senders send without links (A.1 rows 11, 18, 38).
    ("【电力公司】您的家庭电费单已生成 查看明细 www.dfd-cx.vip", {"contact_through_private_channel"}, "suspicious"),
    ("【菜乌驿站】您的包裹地址不详无法派送请点击 cnyz-dz.cc 补填地址", {"contact_through_private_channel"}, "suspicious"),
    # A prize won (恭喜您获得…大奖) through a link of nobody's: the draw's "claim page" (A.1 row 36).
    (
        "【腾讯游戏】恭喜您获得王者荣耀周年庆大奖 请登录 wzry-dj.cn 领取",
        {"contact_through_private_channel", "benefit_through_unofficial_channel"},
        "high_risk",
    ),
    # market12: 缴存 puts money into the reader's own account (个人养老金, 公积金); a tax paid first is a fee.
    ("【某银行】个人养老金开户并缴存任意金额即可在App领取立减金，缴存金额可按规定在个税前扣除。", set(), "low_risk"),
    ("恭喜中奖，领奖前需先缴纳个税2000元。", {"fee_demanded"}, "suspicious"),
    # market12: a benefit reported as paid already ("理赔款…已到账") is none left to claim through the
    # agent's chat id (the contact itself is still said); one offered to be claimed through it still is.
    ("我是您的保险代理人小杜，您孩子的学平险理赔款628.32元已到账，有问题加我微信wxid_a2egr3d44c7.", {"contact_through_private_channel"}, "suspicious"),
    ("我是您的保险代理人小杜，您孩子的学平险理赔款628.32元待领取，加我微信wxid_a2egr3d44c7办理。", {"contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    ("您的网课退费2290元已到账待领取 领取请进群503219949", {"contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    # A group number to join is a chat channel ("进群" + the number), offering money here.
    ("培训班清退公告：退费请进群3652993857登记。", {"contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    # Money asked into a card given with the verb ("打到6222…"): a payment through a private channel.
    ("房东换卡了，这个月房租打到6222021234567890123。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("请您先帮忙转一笔钱到6222021234567890123，我明天还你。", {"pay_through_unofficial_channel"}, "high_risk"),
    # A friend passing a warning on reports the scammer's requests; appended to a scam, it warns of nothing.
    ("有人冒充快递说包裹丢了要退款理赔，还要我下载个App共享屏幕，我没理，提醒你一下。", set(), "low_risk"),
    ("您涉嫌洗钱，请下载会议软件共享屏幕配合调查，提醒您一下。", {"screen_share_requested", "contact_through_private_channel"}, "high_risk"),
    # The documented fake_teacher hook: a fee into the teacher's own code or pocket, in a chat log.
    ("王老师：本学期资料费每人120元，请扫我发的收款码付款，付完截图发我。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("班主任：这学期的试卷费一起收了，每人85元，转我微信就行。", {"pay_through_unofficial_channel"}, "high_risk"),
    # A real teacher: fees in the school's own payment system, or asking parents to add her on WeChat.
    ("王老师：本学期资料费请通过学校统一的缴费平台缴纳，老师不在群里收款。", set(), "low_risk"),
    # tw9: a fee to release a parcel through a link ("請至 … 修改，修改需支付小額驗證費"); a courier
    # pointing to where to track a parcel asks nothing that needs a floor.
    ("您的包裹已到達轉運站，收件人電話有誤，請至 http://post-tw.vip/ze4bgz 修改，修改需支付小額驗證費",
     {"fee_demanded", "pay_through_unofficial_channel"}, "high_risk"),
    ("【某快递】您的包裹已到达，请至 www.kd-example.com 查询物流。", set(), "low_risk"),
    ("家长您好，我是三年级二班的班主任李老师，请大家加一下我的微信abc12345，方便发班级通知。", set(), "low_risk"),
    # A chat log's speaker label claims a boss ("王总：在吗").
    ("王总：在吗\n王总：你先帮我给客户转两万块，卡号发你了\n王总：我在开会别打电话", {"pay_through_unofficial_channel"}, "high_risk"),
    # A call told as refused retells the scammer's requests; the same call told while still pending asks.
    ("刚才有个说是网店客服的打来，说我买的东西质量有问题要双倍赔偿，让我下载个会议软件共享屏幕。我没下，去淘宝订单里联系了官方客服，我把那个号码拉黑了。", set(), "low_risk"),
    ("下午有个说是网店客服的打来，说我买的衣服有问题要三倍赔偿，让我下载个会议软件共享屏幕。软件我已经下好了，还没开共享，他在电话里一直催我。", {"screen_share_requested", "contact_through_private_channel", "benefit_through_unofficial_channel"}, "high_risk"),
    # A genuine service disowns whoever asks for a code; a scam that disowns something else still asks.
    ("亲，退款原路返回，任何让您另外转账或者报验证码的都不是我们。", set(), "low_risk"),
    ("请把验证码报给我，马上退款，拖延造成的损失都不是我们的责任。", {"credentials_requested"}, "high_risk"),
    # A payment reported as done, with its counterparty, asks for nothing (动账, 公积金).
    ("【某银行】您尾号3144的借记卡5月16日转入人民币8,687.03元，对方户名：王勇，余额5,209.04元。", set(), "low_risk"),
    ("您的住房公积金7月12日已汇缴入个人账户646.00元，个人账户余额6,275.22元。【某市住房公积金】", set(), "low_risk"),
    # Requests by meaning: to borrow (an A-not-A question asks, it does not deny), into an account of
    # any name, the code sent over.
    ("猜猜我是谁？我是你老同学，能不能先借我3000，周末还你。", {"claimed_acquaintance_asks_for_money"}, "suspicious"),
    ("老战友，我是二排的老周啊，钱包丢了，能不能先借我两千周转，回去就还你。", {"claimed_acquaintance_asks_for_money"}, "suspicious"),
    ("你好，我是你在交友软件上认识的小雨，出差钱包被偷了，能不能先借我600元买票，到家就还。", {"claimed_acquaintance_asks_for_money"}, "suspicious"),
    ("亲爱的，我家里出了点事急需用钱，你能先借我两万吗？", {"claimed_acquaintance_asks_for_money"}, "suspicious"),
    ("亲爱的顾客，本店周年庆全场八折，能借此机会回馈您我们很开心。", set(), "low_risk"),
    ("您的银行卡已被风控冻结，解除需将卡内余额转入备用账户进行资金隔离。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("帮我把收到的验证码发过来一下，谢谢。", {"credentials_requested"}, "high_risk"),
    # The same demands in other words (issue 8, paraphrase): whom to reach, where money goes, a fee
    # by its kind, the code by what it is.
    ("您的快件已损坏，理赔请联络赔付中心4006667777。", {"call_unconfirmed_service_line"}, "suspicious"),
    ("贷款已审批，放款前请先缴纳一笔解冻金额到指定户头。", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    ("帮我把手机上收到的数字发过来，急用。", {"credentials_requested"}, "high_risk"),
    ("你的欠账再拖就起诉，今天请对接处理专员13912345678。", {"contact_through_private_channel"}, "suspicious"),
    # Official channels, warnings and statements ask nothing through an unofficial channel.
    ("【支付宝】您的花呗本期账单已出，请登录支付宝App还款，如有疑问请致电95188。", set(), "low_risk"),
    ("【12381】您可能正遭遇冒充客服诈骗，请立即停止转账。", set(), "low_risk"),
    ("反诈提醒：切勿向陌生账户转账，凡是要求你提供验证码的都是诈骗。", set(), "low_risk"),
    ("【工商银行】您尾号6621的个人贷款本月应还款3,456.78元，将于11月25日自动扣收。详询95588。", set(), "low_risk"),
    ("验证码382910，用于登录，5分钟内有效，请勿泄露给他人。", set(), "low_risk"),
    # Genuine formats that look like requests: a staff member's number printed as a label, a court's
    # own fee notice and designated account, a code typed into the court's own delivery host.
    ("【某供电公司】您户号尾号1234已用电166千瓦时，电费余额不足，请及时缴费。客户经理王丽，电话13912345678。", set(), "low_risk"),
    ("【12368】张三，您的立案申请已审核通过，案号（2026）京0105民初123号，请按《交纳诉讼费用通知书》到法院指定账户缴费。", set(), "low_risk"),
    ("【广州互联网法院】李四您好，您在（2026）粤0192民初1号案件中的文书已送达，验证码：1234，请在 https://sd.gdems.com/v3/dzsd/AB12 输入验证码后查看。", set(), "low_risk"),
    ("【广西法院短信平台】王五，某县人民法院向您发送了（2026）桂1226民初4号案件相关文书，文书详见:http://171.106.48.55:28083/sfsdw//r/AB12", set(), "low_risk"),
    # Warnings that quote a request inside a frame that closes after it, or tell you to stop.
    ("【某地公安】提醒：以“快递理赔”为由要求加群、扫码的都是诈骗，理赔请走购物平台。", set(), "low_risk"),
    ("【12381】有人以“征信修复”为由向您收费，征信记录不能花钱删除，切勿付款。", set(), "low_risk"),
    ("你千万别把验证码告诉任何人，刚才有人冒用我的名义找你要验证码。", set(), "low_risk"),
    ("【工商银行】您的信用卡已逾期，还款只通过工行官方渠道，任何人要求转入个人账户均请拒绝。详询95588。", set(), "low_risk"),
    # The frame closed by "的，" ("whoever asks this, it is a scam / hang up"); a demand followed by a
    # comma and anything else is still a demand.
    ("【某区公安】提醒：自称法院来电，说你名下案件要求汇款到清查账户的，一律是诈骗。", set(), "low_risk"),
    ("【12381】您可能正在遭遇刷单诈骗，对方让您开启屏幕共享的，请立即挂断。", set(), "low_risk"),
    ("您涉嫌洗钱，请今天转账到安全账户的，一律从宽处理。", {"pay_through_unofficial_channel"}, "high_risk"),
    # A bank's own card line (fraud_taxonomy.md B.5) and a bank's 955xx line are no unconfirmed
    # service lines; another bank's number in a bank's name is still a mismatch.
    ("【建设银行】您尾号6612的信用卡本期应还2,000元，详询400-820-0588。", set(), "low_risk"),
    ("【兴业银行】验证码552810，您正在绑定新设备，如非本人操作请致电95561。", set(), "low_risk"),
    ("【工商银行】您的信用卡年费将于今日扣除，如需取消请致电95561。", {"channel_mismatch"}, "suspicious"),
    # Round 49: the housing funds' own SMS senders (fraud_taxonomy.md B.6), shown in a paste's header.
    ("来自106501612329：李晓明，您好！您的住房公积金账户本月汇缴入账2,846.00元。【北京住房公积金】", set(), "low_risk"),
    ("[10690550012329] 您的公积金贷款本月应还款3,210.66元，将于20日从您尾号0715的账户扣划。【武汉住房公积金中心】", set(), "low_risk"),
    ("来自106501612329：您的公积金账户异常已冻结，请点击 gjj-bj.cc 解冻", {"contact_through_private_channel"}, "suspicious"),
    ("您的会员今晚将自动扣费2000元，取消请致电951088。", {"call_unconfirmed_service_line"}, "suspicious"),
    # A payment reported as done ("已经打到"), not asked for.
    ("刘经理，合同尾款已经打到贵司对公账户了，请财务查收。", set(), "low_risk"),
    # The seller's own company account against a contract or invoice is the reader's way to pay
    # (claims.toml channels.firm_account); the same words with a card, a chat id or a private number
    # to pay through, or about a debt or a fee, or in an institution's or a person's name, are not.
    ("【某某装饰】签约后定金转入公司对公账户，全程合同约定，量房免费。", set(), "low_risk"),
    ("【某某学校】学费可在前台刷卡，也可转入本机构对公账户，均开具发票。", set(), "low_risk"),
    ("【某某府】房款请在签订认购书后缴入项目预售资金监管账户，售楼处不收现金。", set(), "low_risk"),
    ("【某某装饰】签约后定金转入公司对公账户，全程合同约定，账号请加微信zx88866获取。",
     {"pay_through_unofficial_channel", "contact_through_private_channel"}, "high_risk"),
    ("【某某装饰】签约后定金转入公司对公账户，全程合同约定，财务电话13812345678。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("【某某装饰】签约后定金转入公司对公账户6222021234567890123，全程合同约定。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("您的网贷已逾期，请按协议将欠款转入公司对公账户，开具收据。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("贷款已审批，请签订合同后将验资款转入本公司对公账户，放款后退还。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("【支付宝】请将款项转入本公司对公账户，开具发票。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("【某某驾校】报名费可刷卡或转入驾校对公账户，开具收据，谨防个人代收。", set(), "low_risk"),
    ("贷款已审批，请签订合同后将激活金转入我司对公账户。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("需要交取保候审保证金到监管账户，开具收据。", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    # firm11: the seller's own account by its owner (院方, 车行, a platform's or bank's 资金监管账户), paid
    # at its counter or for the goods, with the buyer's own mortgage and a denied fee; the scam's
    # account for a debt, a 冲正, an activation or a 验资, or someone else's firm, is still no way to pay.
    ("【某某置业】首付两成起，支持公积金贷款和商业贷款，房款一律缴入项目预售资金监管账户，置业顾问不收任何个人转账。", set(), "low_risk"),
    ("【某某养老院】本月护理费可在前台刷卡或转入院方对公账户，转账请备注老人姓名。", set(), "low_risk"),
    ("【某某租房】续租请在App内签署电子合同，租金按合同付到平台资金监管账户，平台不收续租手续费。", set(), "low_risk"),
    ("某某二手车行 车款打到车行对公账户 过户全程陪同 欢迎到展厅看车", set(), "low_risk"),
    ("某某律师事务所通知：请今日将和解金转入律所对公账户，签和解协议后撤回起诉。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("您的订单重复扣款，需把钱转到我们公司对公账户做冲正，签退款协议后退回。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("借款合同已签，请转入2000元至平台资金监管账户验资，验资后放款。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("租金这个月起改转到对方公司对公账户，有收据。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("签约后定金转入公司对公账户，不收手续费，放款前先交保证金。", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    # market12: the finance the seller arranges for the goods (汽车贷款, 贷款由合作银行审批, 贷款方案), a
    # platform's 监管账户 without 资金, a cancellation refund and a listing the platform has verified are
    # the firm's own terms; a loan fee, a refund asked through the account, or a 验证 of the reader's money are not.
    ("【某某二手车】可办理汽车贷款，车款统一转入公司对公账户并签订买卖合同。", set(), "low_risk"),
    ("【某某汽车】贷款由合作银行审批，定金请在展厅刷卡或转入公司对公账户。", set(), "low_risk"),
    ("【某某汽车】您的贷款已审批，定金请转入公司对公账户，放款后退还。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("我整理了贷款方案，到门店签约时定金按合同打到平台监管账户，不用打给我个人。", set(), "low_risk"),
    ("借款已审批，请把解冻金打到平台监管账户，签约后放款。", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    ("【某某旅行社】团费在门店签合同后付至旅行社对公账户，出发前七天取消可全额退款。", set(), "low_risk"),
    ("【某某旅行社】您的订单退款需先把团费付至旅行社对公账户，签协议后退款。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("【某某租房】房源经过真房源验证，签约后租金按合同付到平台资金监管账户。", set(), "low_risk"),
    ("签约后请把租金付到平台资金监管账户验证您的流水。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("【某某口腔】洁牙198元，在诊所前台刷卡或扫码付款，支持医保个人账户。", set(), "low_risk"),
    ("体检费请转到我的个人账户，医保个人账户不能用。", {"pay_through_unofficial_channel"}, "high_risk"),
    # A code to scan where the reader stands is no channel the message gives; one to scan for a
    # deposit, with nowhere said, still is.
    ("【某停车场】车辆苏E88888已入场，离场时请在出口扫码缴费。", set(), "low_risk"),
    ("贷款已审批，请扫码支付保证金后放款。", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    # loan9: the account the sender hands over, or one named for a "check", is not the reader's own;
    # in a call pasted without punctuation an app named earlier is not the way this payment goes.
    ("你先借出来 然后转到我们给你的账户 转完就注销了", {"pay_through_unofficial_channel"}, "high_risk"),
    ("你用学生证注册过一个分期App 嗯 那个账户现在属于违规账户 你先借出来 然后转到我们给你的账户",
     {"pay_through_unofficial_channel"}, "high_risk"),
    ("您先往自己账户里存一笔钱再转到我们的验证账户，验证完马上退回。", {"pay_through_unofficial_channel"}, "high_risk"),
    # round 28: the reader made a third person or left unnamed (red team pronoun_dropped; low_risk on the code before)
    ("我是信用卡部的莫经理，资质评分不够，保费480元，转到我发给其账户后马上给寄卡。", {"pay_through_unofficial_channel"}, "high_risk"),
    ("首期利息要提前收取 就是173.14元 通过支付宝转到我们给的那个账户 转好截图给我", {"pay_through_unofficial_channel"}, "high_risk"),
    ("请在支付宝App内还款，勿转入任何个人账户。", set(), "low_risk"),
    # The reader's own question in a chat log asks nothing; the other speaker's demand still does.
    ("客服：您的借款已审批\n我：要交保证金吗\n客服：不用，我们没有任何前期费用", set(), "low_risk"),
    ("客服：放款前要交保证金2000元\n我：要交多少\n客服：转到这个卡6222021234567890123", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    # A message with no turn of another speaker is read as it is, whatever its first line says.
    ("我：请把保证金2000元转到这个卡6222021234567890123", {"pay_through_unofficial_channel", "fee_demanded"}, "high_risk"),
    # 律师 as a word: a piano tuner (调律师) puts no law and no money at stake; a lawyer does.
    ("您好 我是钢琴调律师小程 约的周日下午两点上门 加我微信wu_0810 把地址发我一下", set(), "low_risk"),
    ("您好 我是张明律师 您的欠款案件已立案 加我微信wu_0810 处理", {"contact_through_private_channel"}, "suspicious"),
    # A seller's terms of paying after the service put no money at stake; a deposit first, or a debt, still do.
    ("代写文案 代做PPT 简历制作 当天交付 满意再付款 QQ177856485", set(), "low_risk"),
    ("装修公司 全包半包 先装修后付款 工地参观请联系钱设计师 15173006143 微信同号", set(), "low_risk"),
    ("代写文案 满意再付款 先付定金200 QQ177856485", {"contact_through_private_channel"}, "suspicious"),
    ("网贷逾期 放款后付款 加微信liuyu5688", {"contact_through_private_channel"}, "suspicious"),
]

# Each place of claims.toml [channels] on_site, before the scan in its clause.
ON_SITE = ["离场", "出场", "出口", "现场", "收费处", "收银台", "前台", "柜台", "窗口", "店内", "店里", "门店", "到店", "营业厅", "展厅", "售楼处", "桌上"]


@pytest.mark.parametrize("place", ON_SITE)
def test_a_code_scanned_on_the_spot_is_no_channel_of_the_message(place):
    assert not [c for c in _read(f"您本次消费86元，请在{place}扫码支付。").channels if c.kind == "qr"]


# Round 49: a way a body says it does not take money through is no way to pay; an order in between, or the
# way asked first and the refusal after, leaves it the message's own.
NOT_TAKEN_THROUGH = [
    ("课后服务费请登录学校缴费平台缴纳，学校不通过班级群或个人二维码收取任何费用。", False),
    ("本行不会用个人账户收款，请通过手机银行还款。", False),
    ("课后服务费不通过学校平台，直接扫我发的二维码交给我。", True),
    ("课后服务费请扫我发的二维码交给我，我们不通过学校平台收费。", True),
]


@pytest.mark.parametrize(("text", "kept"), NOT_TAKEN_THROUGH)
def test_a_way_a_body_does_not_take_money_through_is_no_channel(text, kept):
    assert bool([c for c in _read(text).channels if c.kind in ("qr", "account")]) is kept


# Genuine notices that quote scam words to warn about them: nothing to flag (issue 8 targets).
WARNINGS = [
    # Round 49: a message the reader got, named by what it asked and called fake.
    "那条让你转钱到个人账户的短信是假的，别理它。",
    # A card the scammer had a victim pay into, in a case the warning tells, then called a fraud.
    "【某派出所】提醒：近日有市民接到陌生来电，对方让其转入“安全账户”6222 0212 3456 7890，共被骗3万元。所谓安全账户都是诈骗！",
    # A quoted scam SMS named as fake right after it ("这是假的"): its link is the scam's.
    "ETC诈骗短信长这样：“【ETC服务】您的ETC认证已失效，请登录 etc-xx.top 重新认证。”这是假的！ETC业务请到发卡机构官方App办理。",
    # "如收到“…”请直接删除": the quoted message is one the reader may get, to be deleted.
    "【某邮政】温馨提示：如收到“您的包裹地址不详，请登录 kd-dz.top 更新”请直接删除。",
    # A chat id in the scam's quoted message, disowned after it ("不会通过私人微信收费"), for the rules too.
    "【某小区物业】提醒：近期有骗子冒充物业发送短信“您家物业费已欠缴，请添加微信wy_k12345补缴”。本物业不会通过私人微信收费。",
    # A scam SMS quoted with its link ("…发送“…请登录 x.top 升级”的短信"), the link then called a phishing site.
    "【某银行】风险提示：近期有不法分子冒充客服发送“您的电子密码器将于今日失效，请登录 mm-sj.top 升级”的短信，该网址为钓鱼网站。",
    # The advice to verify and then pay is no payment asked ("确认再付款").
    "【某社区】提醒：有骗子冒充房东群发短信：“我是房东，换号了，房租打到我爱人卡上”。请务必先打房东原号码确认再付款。",
    # "交了服务费后…": a fee told as what happens if paid, in a warning that calls the offers frauds.
    "【某公安分局】提示：“征信修复”“停息挂账”都是骗局！交了“服务费”后对方就会失联。",
    # The scam's words the warning names as a fraud anywhere in it ("这就是刷单诈骗").
    "【某区公安分局】反诈提醒：网上刷单“先垫付、后返利”，第一单给你返点，投入大了就说“任务未完成要继续充值才能提现”，这就是刷单诈骗！",
    # A number inside the scam's quoted message, disowned after it ("这个号码是骗子的").
    "【反诈中心】提醒：有人发短信称“您的航班已取消，请致电4008162753办理改签”，这个号码是骗子的！改签请以航空公司官方App为准。",
    # Someone who "claims to be" (声称) what he is not is the scammer the sentence is about.
    "税务部门提醒：还有人声称是专业退税人员，能帮您多退税，先收服务费。退税只在个人所得税App里办理。",
    "【某银行】温馨提示：近期不法分子冒充客服发送积分兑换短信，诱导您点击链接填写卡号和密码，本行短信不含网址，请勿上当。",
    "【12381】您近期接触的号码涉嫌诈骗，请勿向对方转账，勿透露验证码。",
    # "都是假的", "100%是诈骗": the same verdict on what it quotes.
    "【反诈】社保卡失效、需要重新认证的短信都是假的，不要点链接填写银行卡信息。",
    "【反诈】贷款前要先交保证金、解冻金才能放款的，100%是诈骗。",
    # A message someone got, passed on to family.
    "刚才接到一个电话说你换了号要借钱，是你本人吗？",
    "你收到那条说医保卡要冻结、点链接认证的短信别点，那是骗子。",
    # What a message someone got said, quoted right after the verb, in a case a community retells.
    "【某社区居委会】小区刘阿姨收到“医保卡已停用”的短信，按链接输入了身份证号和银行卡密码，第二天卡里的钱被转走。医保部门不会发短信通知医保卡停用，可以拨打96110咨询。",
    # Warnings that retell a scam step by step, the scammer as "对方", "他会", or the reader as the object
    # of the scammer's verb ("随后要求您…"), with no channel of their own but official ones.
    "【某区反诈中心提醒】有骗子冒充网店客服打电话，说您买的东西有质量问题要双倍赔付。对方会让您下载会议软件、"
    "开启屏幕共享，再要求您从借款平台借钱转到指定账户“激活理赔”。正规退款原路返回，遇到请挂断，拨打96110。",
    "学校转发派出所提醒：骗子冒充老师拉家长进群收资料费。他会先发一张收款码，随后要求家长扫码转账，"
    "还说名额有限。学校收费只走官方缴费系统，请勿上当，有疑问打110。",
    "【反诈预警】不法分子冒充公安打来电话，对方称您涉嫌洗钱，要冻结账户，让您把存款转到安全账户配合调查。"
    "这是典型的冒充公检法诈骗，请下载国家反诈中心App，拨打96110咨询。",
    # "对方把您拉进…": the scammer the subject of the sentence, the reader its object.
    "【刷单诈骗提醒】骗子先让您做几单小任务。接着对方把您拉进任务群，说大任务佣金更高，但要先垫付本金。"
    "所有让您先垫钱的兼职都是诈骗，有疑问拨打96110。",
    # 110 after a verb of calling is the public line, as 96110 is.
    "【某区反诈中心】有人冒充客服来电，称您的会员要自动扣费，随后要求您开启屏幕共享操作退款。"
    "这是诈骗，遇到请立即挂断并拨打110。",
    # "对方" with a few words before its verb narrates as "对方说" does.
    "【某区公安】警惕冒充领导诈骗：对方加您好友后说自己在开会不方便接电话，让您先帮忙给合作方转一笔钱。"
    "遇到这种情况请当面核实。",
    # A warning passed on is forwarded, not paid.
    "【反诈提醒】冒充熟人借钱的骗局又来了，骗子会让您把钱转给他的“同学”。请子女们把这个提醒转给家里老人。",
    # The impostor's role in scare quotes is the subject of what is retold.
    "【反诈提醒】贷款骗局的套路：“客服”说提现前要先交解冻金，交了又说要交验资金。正规贷款放款前不收任何费用，有疑问拨打96110。",
    # A caller reported ("有个…打来，说…"), refused; a scam named to be left alone ("都别碰").
    "刚才有个说是网店客服的打来，说我买的东西有质量问题要双倍赔偿，让我下载会议软件共享屏幕。我没下，把那个号码拉黑了。",
    "哥，我朋友被“刷单”骗了好几千，先让点赞给小钱，后面让垫付，越转越多。你跟嫂子说一下，这种都别碰。",
    # Someone's call reported ("有人打电话说"); the police's maxims ("不轻信、不透露、不转账").
    "又有人打电话说你的学生账户要注销，还让开屏幕共享，都是骗子。",
    "【开学提醒】请同学们牢记：不轻信、不透露、不转账，拿不准的先问辅导员。",
    # Told to hang up: a warning ("请勿挂断" presses the reader on instead).
    "【社区提醒】近期有市民接到电话，对方让老人提供身份证号和银行卡号，遇到这种电话请直接挂断。",
    # The scam's words in quotation marks, or retold step by step, after a colon: still a warning.
    "【反诈提醒】骗子常用话术：“您的快递丢了，我们双倍赔偿，请下载会议软件共享屏幕。”遇到请直接挂断，拨打96110。",
    "【反诈提醒】骗子的套路：先说您的快递丢了要双倍赔偿，再让您下载会议软件共享屏幕。遇到请直接挂断，拨打96110。",
    # A story that opens as the report of a call received, told as refused: its caller's words
    # ("说是…的", "他说要…", "又说…") are the story's, not the message's (negation.story_narrator).
    "昨天晚上接到一个电话，对方说是某网购平台的客服，说我买的面霜有质量问题，要给我三倍赔偿。他说要加他的企业微信，再下载一个会议软件，他教我操作。我觉得不对，直接挂了，后来打开购物App看订单，什么通知都没有。",
    "前几天收到一条短信，说是某某法务调解中心的，说我网贷逾期了已经立案，让我今天之内联系一个手机号协商，不然就通知家人和单位。我没打那个号，打开借款App一看，根本没有逾期。",
    "上午接到一个电话，说是某银行信用卡中心的，说我有一笔境外消费要核实，让我报一下卡号和验证码。我没报，直接挂了，自己打了卡背面的客服电话，说卡没问题。",
    # A warning addressed to whoever may be acting now is not a victim's own pending story.
    "【反诈提醒】有人冒充客服来电，对方会让您下载会议软件开共享，如正在操作，请立即停止，拨打96110。",
    # warn11: a call received from a role in quotation marks is reported ("接到“平台客服”电话，称…");
    # an urging word after "让" and a third party belongs to the retold request ("让财务马上转");
    # "有人冒用…" names the scammer as "有人冒充…" does.
    "银行网点提醒：有客户接到“平台客服”电话，称其借呗利率不合规，要求把额度借出后转到指定账户清零。这些都是诈骗，关闭借款在App里自己操作即可。",
    "【单位财务反诈提醒】骗子冒充老板拉财务进群，说自己在开会，让财务马上转到对方账户。凡是涉及转账的，请当面或打老板原来的电话确认。",
    "【某平台】声明：近期有人冒用本平台名义发送短信，要求用户向个人账户支付解冻费。本平台从不收取此类费用，请勿上当。",
    # The items of an enumeration ("一是…二是…") in a warning are the scams it lists, not its requests.
    "【反诈预警】补贴诈骗常见三种：一是发短信说您有补贴待领取，附链接让填银行卡和验证码；二是冒充工作人员打电话，"
    "要先交一笔手续费；三是拉您进群，让扫码下载App。补贴只通过官方渠道申请。",
    # A story told as refused with "就挂了", "别信"; "我也没报卡号" denies what it names.
    "有人打电话说能帮我把网贷的逾期记录删掉，先交三千服务费。我跟他说不需要，就挂了。你们要是也接到这种电话，别信。",
    "刚才接到一个电话，说是银行信用卡中心的，说有一笔境外消费要核实。我也没报卡号，直接挂了，自己打了95588问。",
    # A story that names the scam it retells ("贷款诈骗的套路是这样的"): its narration reaches what
    # genuine senders never do ("客服说要交解冻金"); "交了以后" is no verb of paying.
    "【反诈提醒】贷款诈骗的套路是这样的：您下载了对方给的App，提现时提示资金冻结，客服说要交解冻金；交了以后又说要交验资金。"
    "正规贷款放款前不收费，遇到请直接挂断。",
    # talk11: a story told as refused whose writer reports the police calling it a scam ("民警说就是诈骗",
    # "接警的说根本没有这回事") names the scam; the caller's threat ("他就开始吓唬我说…") and the clauses
    # with the caller as the elided subject ("今天接到一个电话，说我…") are its narration; the caller
    # hanging up ("他马上挂了") tells a refusal.
    "今天接到一个自称“派出所”的电话，说我的银行卡被人拿去洗钱，要我配合调查。他就开始吓唬我说不配合就要拘留我，我直接挂了。打了110问，接警的说根本没有这回事。",
    "今天接到一个电话，说我上学时开过校园贷，现在必须注销，不然影响征信，让我把额度借出来转给他们。我根本没借过，他马上挂了。后来打了96110，民警说就是诈骗。",
    "提个醒，我同事前几天被拉进一个刷单群，说点赞一单三块，做了几单给钱了，后来让她垫钱做大任务。我陪她去派出所报了警，民警说刷单都是诈骗。",
    # market12: someone using the sender's name is the scammer named ("如有人以平台名义…"); "还好没转"
    # tells a refusal; a message someone sent the writer is reported, and "根本没换号" denies the claim.
    "【某缴费平台】本平台代缴水电不收手续费。如有人以平台名义收取手续费，请勿理会。",
    "跟家里人说一声：12381给我发了提醒短信，我才知道那个“放款前先交解冻金”的网贷是假的，还好我没转。",
    "有人给我发短信说是我们科长，说换了新号，让我加他新微信。我没回，直接打了科长原来的电话，科长说他根本没换号。",
    # market12: a story told as refused ("他马上挂了") that names its scam as one nearly fallen for ("我差点
    # 被骗了") warns as a cue does, and what the writer had done by the time it ended ("我都下载好了") is
    # no longer pending.
    "我跟你说我差点被骗了！上周有个人打电话说是快递客服，说我的包裹丢了要赔我，他让我下载一个会议软件共享屏幕，我都下载好了，突然想起来你说过快递理赔在App里办。我就说我先问问，他马上挂了。",
    # A fee deducted from the proceeds, a fee denied: platform and bank notices.
    "【网易藏宝阁】您的角色已挂单成功，买家付款后系统自动完成交割，交易款扣除手续费后进入您的藏宝阁余额。请勿与他人私下交易。",
    "【中国银行】温馨提示：本行信用卡申请只通过官方App和网点办理，不收手续费、不需验资。",
    # round 24: a case a warning reports: the scam's quoted "您" is the scam's reader, a card stolen from
    # ("被盗刷") or money taken with its sum from a victim named by a measure word ("一名家属被转走…") tells the
    # loss, a loss averted by checking ("核实后避免了损失") warns too, and a warning's opening opens a case.
    "【某银行】提醒：近期有客户收到冒充我行的短信“您的积分可兑换现金，请点击 jf-yh.top 领取”，一位客户填写卡号和验证码后被盗刷3200元。我行短信不含链接。",
    "【某保险】客户提醒：一位客户接到自称“理赔员”的电话，对方让其添加微信号lp_abc88并转2000元“加急费”，客户来电我司核实后避免了损失。我司不收取任何加急费。",
    "【某医院】提醒：近期有患者家属接到自称医保办的电话，让其添加微信号yb_bx88并提供银行卡号和验证码，一名家属被转走3600元。我院不会电话通知报销。",
    "【某交警支队】案例：司机王某收到署名“【ETC服务】”的短信，称“您的ETC已失效”，附链接 etc-rz.top，王某填了卡号和验证码，卡里8600元被刷走。ETC无需二次认证，如有疑问请通过发卡银行App核实。",
    # round 24: a scenario's channel disowned by "请勿支付" or "请直接挂断", as by "请勿点击".
    "【城东供水】如有人自称抄表员，说您家水表需更换，要求缴纳换表费200元到个人微信sb_wang01，请勿支付，水费只在官方App缴纳。",
    "如果有人冒充快递客服打电话，说包裹丢失要理赔，让您打开 kd-pei.top 填写银行卡，请直接挂断。理赔只在下单平台办理。",
    # round 25: a channel said reported ("我们已经上报"), left alone ("你们也别理"), or its message named a scam's
    # ("那个…的短信是骗子"). All three are flagged on the code before.
    "姐 jf-dh.top那个积分兑换的短信是假的 我没点 删了",
    "兄弟们 今天有人QQ找我说是我表弟 让我帮他充游戏点卡把卡密发过去 我打电话问了表弟 他说号被盗了 那个QQ 1122334455你们也别理",
    "【某派出所】王大爷，刚才给您打电话说孙子出事要交钱的号码17012345678我们已经上报，您孙子在学校好好的。",
    # round 26: a story told to family, whose caller said who they were ("有个人说是…", "有个电话说是…") and asked for a
    # fee the writer did not pay ("我没交"); or whose caller's channel stands in what the caller said to do with it
    # ("说…让我打…", "说…让把押金转到…") and is refused after it. All three are high_risk on the code before.
    "老婆，下午有个人说是幼儿园的老师，让我交300块的活动费扫他的码，我问了园长，根本没这回事，我没交。",
    "儿子，昨天有人冒充你舅舅打电话，说住院了让把押金转到6217001234567890123，我给你舅舅原来的号码打了，根本没这回事，我没转。",
    "跟大家说一声，早上我接到一个自称社保局的电话，说我的社保卡被冒用要停，让我打0591-61234567转公安，我没打，直接挂了。",
    # round 29: a caller by sex ("有个男的打我电话") opens a story as "有人" does, and the writer's refusal may come after
    # all the caller asked ("…让我加他QQ…，让我把钱转到…。我越听越不对，没理他"). high_risk on the code before (7415e53).
    "妹，跟你说个事，上午有个男的打我电话，说他是社保局的，说我社保卡被人冒用了，让我加他QQ 3344556677登记，还让我把卡里的钱转到6217001234567890123“保护起来”，说弄完就还我。我越听越不对劲，没理他，挂了问了12333，说根本没这回事。你也注意点。",
    # round 26: the same case told in the third person ("对方让其把…验证码报给他") stays a case.
    "【案例】一名用户接到自称客服的电话，称退款要验证，对方让其把手机收到的验证码报给他，谨防诈骗，一名用户因此被骗5000元。",
    # 让 leaves whom it asks unsaid ("说…，让登录…"): the caller's words all the same.
    "妈，刚收到条短信说有一笔医保返还，让登录 yb-fh.top 填卡号领取，我没点，在医保App里查了根本没有。",
    # Until round 26 a NOT_WARNINGS row: the number stands in what the message received said to do with it, and the
    # writer says he did not call it. What it retells is listed as the scam's sayings; nothing is asked of the reader.
    "前几天收到一条短信，说是某某法务调解中心的，说我网贷逾期了已经立案，让我今天之内联系13812345678协商，不然就通知家人和单位。我没打那个号。",
    # round 27: told to call the old number first, or to confirm on it ("先打原号码", "打旧号码核实"): the one check that
    # defeats a changed-number opener. All three suspicious on the code before (known_person_opener).
    "【某小区物业】业主请注意：最近有人群发“我是你们房东，换新号了，这个月房租转新卡”，这不是物业通知，交租前请打原号码核实。",
    "【某社区】“房东”说换了新号，让把房租转到新卡？先打原号码确认。",
    "【某社区】“班主任”换了新号，让你加新微信？先打旧号码问一下。",
    # round 27: the police tell the reader that whoever called him is a scammer ("刚才给您打电话说…的是骗子"); the call was
    # read as one asked of the reader, so the warning was none. Suspicious on the code before (arrest_threat).
    "【某派出所】李阿姨，刚才给您打电话说您儿子被拘留、要交保释金的人是骗子，您儿子在单位上班，千万不要转钱。",
    # round 27: a case whose loss is told as the card spent by someone else ("卡被绑到陌生钱包消费6200元"). high_risk on the
    # code before.
    "【某市反诈中心】通报：一名车主收到短信称其ETC认证失效，需点击 etc-x.top 重新认证，车主填写卡号和验证码后，卡被绑到陌生钱包消费6200元。ETC无需二次认证。",
    # round 28: the writer's claim and his card inside the quotation of what the victim received stay the scam's words.
    "【某派出所】近期发生多起冒充房东诈骗，一名租户收到“我是房东，换号了，这个月房租打到我爱人卡上6228480122663915，户名刘某”的短信，转了2800元后才发现房东根本没换号。",
    # round 34: a case whose loss is told as the sum found gone ("卡里少了1.2万元") or stolen ("账户中6400元被盗").
    "【某派出所】案例：一名老人收到短信称其养老金认证过期，需点击 yl-rz.top 重新认证，老人填了卡号和验证码，第二天卡里少了1.2万元。养老金认证请用国家社会保险公共服务平台，谨防受骗。",
    # round 34: the scammer's call after a comma ("冒充“医保中心”，打电话称…"): what it said is the scammer's (the call read as
    # no request since "打电话称" tells a call made).
    "提示：近期有境外号码冒充“医保中心”，打电话称“医保卡即将停用”。医保部门不会用境外号码联系参保人，这类来电一律挂断。",
    "【某分局】通报：市民刘某收到短信称其医保卡需升级，附链接 yb-sj.top，刘某点开后填了网银密码，账户中6400元被盗。医保卡无需升级，谨防诈骗。",
]

# The same frames around a scam that gives a channel of its own, or asks you directly, are no warning.
NOT_WARNINGS = [
    # Round 49: a message called fake by one that still asks through its own card.
    "那条让你转钱到个人账户的短信是假的，请把钱转到6222021234567890123。",
    # round 24: a case opened as a warning with a sum told, but the channel offered with "请"; a prohibition
    # before a demand of the sender's own; a victim's own story still asking what to do; the theft threatened.
    "【提醒】近期有客户反映积分到期，请点击 jf-yh.top 领取，一位客户已领取3200元。",
    "【城东供水】如有人自称抄表员上门，请勿支付现金。您家水表需更换，请将换表费200元转入6222021234567890123。",
    "我爸今天接到电话说是医保局的，让他打开网页填了银行卡和验证码，十分钟后卡里的钱被转走了5000元，现在怎么办",
    "【提醒】您的银行卡存在被盗刷风险，请立即回复卡号和验证码进行保护。",
    # round 24 (red team narrated_loss): a scam told in the third person with a loss added after it tells no case:
    # its sentence does not say how the scam reached anyone.
    "【提醒】近期有用户个税退税860元待领取，登录 ts-lq.top 办理，已有市民被盗刷。",
    "【案例】一名用户借呗逾期将上征信，律师费转入6222021234567890123可撤案，一名用户因此被骗5000元。",
    # A line of warning that names none of the lure's words does not reach it (tests/test_monotone.py).
    "谨防诈骗，切勿向陌生账户转账。您好，我司正在招聘文员，看了您的简历挺合适的，方便留个邮箱吗？",
    "【反诈提醒】骗子冒充客服，对方会让您转账。您的账户已被冻结，解冻请转账至6222021234567890123。",
    "【反诈中心提醒】骗子盯上了您的账户，对方会让您把钱转走。请您回电我中心，把资金转到安全账户由我们保管。",
    "温馨提示：谨防骗子冒充催收。再不还钱就去你家找你爸妈，让你全村都知道。",
    "【反诈提醒】近期骗子冒充客服。你现在把卡里的钱转到监管账户，我们全程监控，事后退还。",
    "【反诈提醒】骗子冒充客服，对方会让您加微信。请加专员微信abc12345核实。",
    # The same warnings with a channel of their own: 110 vouches for nothing else.
    "【某区反诈中心】有人冒充客服来电，要求您开启屏幕共享操作退款。请立即把余额转到6222021234567890123，并拨打110。",
    "【某区公安】警惕冒充领导诈骗：对方加您好友后说自己在开会，让您先帮忙转一笔钱。请转到6222021234567890123。",
    "【某区公安】警惕冒充领导诈骗：对方加您好友后说自己在开会，让您先帮忙转一笔钱，财务微信cw_zhang888。",
    "【反诈提醒】骗子会让您把钱转给他的同学。请把这个提醒转给家里老人，再把钱转到安全账户6222021234567890123。",
    "【反诈提醒】贷款骗局的套路：“客服”说提现前要先交解冻金，请加客服微信kf_loan888办理。",
    "【反诈提醒】“客服”说提现前要先交解冻金，请把解冻金转到客服账户。",
    "有个客服打来说要双倍赔偿，我没下。请您下载会议软件并开启屏幕共享，客服微信kf_pei2024。",
    "这种兼职都别碰，点赞一单三元日结，先垫付后返佣，加微信jz_dz888。",
    "有人打电话说你的学生账户要注销，请开启屏幕共享，加客服微信kf_zx2024。",
    "您今天不转账，明天就冻结账户，请立即转账到安全账户。",
    "【医保局】您的医保卡已停用，请点击 yb-renzheng.top 填写身份证号和银行卡号重新激活。如有疑问请直接挂断。",
    "您的账户涉嫌洗钱，请勿挂断，请提供身份证号和银行卡号配合核查。",
    # The same stories with a channel of their own, or still pending, or not opening as a report.
    "昨天晚上接到一个电话，对方说是某网购平台的客服，说我买的面霜有质量问题，要给我三倍赔偿。他说要加他的企业微信，再下载一个会议软件。软件我已经下好了，他还在电话里催我开共享，我要不要开？",
    "上午接到一个电话，说是某银行信用卡中心的，说我有一笔境外消费要核实，让我报一下卡号和验证码。我还没报，他说十分钟内不报卡就冻结，我该怎么办？",
    "我妹急用钱下了个借款App，客服说她银行卡号填错了钱被冻住，要先交百分之十的解冻费。她交了五千，又说要交认证金，前后转了一万多，后来警察说放款前要交钱的都是骗子。",
    "接到一个电话说我的快递丢了要理赔，我没理。您好，这里是理赔中心，请加微信lp_kf2024办理三倍赔偿。",
    "前几天接到一个电话，说是法院的，我直接挂了。你涉嫌洗钱，不配合就通缉你，请把资金转到6222021234567890123配合核查。",
    "今天接到一个自称公安局的电话，我直接挂了。他说我涉嫌洗钱要通缉我，让我把钱转到安全账户6222021234567890123。",
    # A block opened by a colon after the scammer's name is the scam itself, with its own channel.
    "【警惕】以下是骗子常用的话术：京东通知：您购买的乳胶枕被列入召回名单，退款需在9月15日前办理，逾期不退，咨询137 1378 5852",
    "转给大家看看，这就是骗子的套路：您好，您在淘宝购买的羽绒服快递丢失了，商家委托我们给您理赔700元，需要下载Zoom共享屏幕操作",
    # A line of warning added to a victim's story still pending is no refusal: its requests stand.
    "前天有人打电话说我大学时开的网贷账户没注销，要我把几个平台的额度借出来转到安全账户。（谨防骗局）我借了两个，他让我再借一个，我要不要借？",
    "昨晚收到一条短信说会员今天要扣费，我打过去，谨防诈骗，切勿向陌生账户转账。客服说取消要先下载一个会议软件共享屏幕，我要不要照他说的下载？",
    # warn11: the same mechanisms never reach a request made of the reader: "您现在…", "请…", a step
    # of the list that asks directly, a first-person sender after the scammer named ("我们才是…").
    "【反诈提醒】骗子冒充公安，会让您转账。您现在把卡里的钱转到监管账户，我们全程监控，事后退还。",
    "您好您涉嫌一起非法集资案件现在需要冻结您的资产谨防有人冒充我们诈骗您您现在去银行把钱取出来存到我们给您的安全账户里",
    "【反诈提醒】一是请您立即把余额转到安全账户，二是不要告诉家人，以免泄密。",
    "【反诈提醒】贷款诈骗的套路是这样的，我直接挂了。客服说要交解冻金，请您把解冻金转到客服账户。",
    "我们接到“银行”电话称您的账户异常，请立即把余额转到安全账户。",
    "别信那些骗子，我们才是正规平台，您的额度已下发，先交500元会员费即可提现。",
    "谨防诈骗，骗子很多。这里是市公安局，你涉嫌洗钱，你现在必须把钱转到国家监管账户，不要告诉家人。",
    # "跟他说" tells him: a collector's call script with a warning line added keeps its demand.
    "谨防诈骗。你好 你是张伟的同事吧 他在我们这借了钱没还 你跟他说 今天不还明天就去你们公司找他 你要是跟他关系好 先帮他还一点 转到我这个账户上",
    # talk11: the same stories named a scam by the police, but still pending or with a request of their own.
    "今天接到一个电话，说我上学时开过校园贷，现在必须注销，不然影响征信，让我把额度借出来转给他们。民警说就是诈骗，可我已经借了两个，我要不要继续？",
    "今天接到一个自称“派出所”的电话，说我的银行卡被人拿去洗钱，他就开始吓唬我说不配合就要拘留我。我直接挂了。民警说就是诈骗。你现在把钱转到6222021234567890123配合核查。",
    # market12: the same frames before a demand of its own, or with the victim's question.
    "如有人以平台名义收取手续费，请勿理会。您的账户需缴纳手续费300元，请转入6222021234567890123。",
    "还好没转。您的贷款需先交解冻金2000元，请转到6222021234567890123。",
    "有人给我发短信说是我们科长，说换了新号，让我加他新微信kz_8888，我要不要加？",
    "我是你科长，换了新号，根本没时间打电话，先转两万给供应商。",
    # market12: the same story nearly fallen for, with no refusal told (still pending), or with the
    # victim's question of what to do, keeps its requests.
    "我差点被骗了！上周有个人打电话说是快递客服，说我的包裹丢了要赔我，他让我下载一个会议软件共享屏幕，我都下载好了，还没开共享。",
    "我跟你说我差点被骗了！有个人打电话说是快递客服，说包裹丢了要赔我，他让我下载一个会议软件共享屏幕，我都下载好了，他马上挂了又打来，我要不要开？",
    # round 25: what a scam says of the SMS it sends, after its own channel, disowns nothing ("请勿回复", "请勿回拨").
    "您的积分即将清零，请添加客服微信jf_kf88 请勿回复",
    "您的信用卡额度可提升至5万元，请致电4001234567 请勿回拨",
    # round 26: the same story's frame and refusal before a scam's own channel, or a channel the writer still asks about,
    # or one with an order to the reader in its clause, is no story told.
    "刚才接到一个电话，我没理。房东说换号了，这个月房租转到6217001234567890123，户名王芳。",
    "今天有人说是你们班主任，让交资料费转到6217001234567890123，我没转，你看要不要转？",
    "今天接到一个自称社保局的电话，说社保卡被冒用，让我打0591-61234567，我没打。您的社保卡即将停用，请立即拨打0591-61234567。",
    # round 29 (red team narrated_loss, found on this round's own code): a place something was seen, by the writer
    # ("我们在招聘网站上看到了…简历"), tells no case; the reply he asks for is still asked.
    "【案例】一名用户我是某文化公司的人事专员我们在招聘网站上看到了投递的简历条件很符合线上运营岗位底薪加提成月入过万麻烦回复一下邮箱地址我把入职须知发给谢谢，以免被骗，客户核实后避免了损失。",
    # round 29: a stranger's call as the opening and a refusal told before the channel: the channel offered after it.
    "刚才有个男的打我电话，我没理他。你的社保卡被冒用了，让你加QQ 3344556677登记。",
    # round 29 (red team narrated_loss): the writer telling his own family's story (我老公…) under a case's opening is
    # no case told in the third person (low_risk on 6c1c7da); nor is an ad the writer says he saw, clauses after his
    # "我是…" (suspicious there too: a guard, not a fix).
    "【提醒】近期有用户我老公接到电话说是他表哥，让我老公先帮他垫付12000元打到6217001234567890123，明天还，谨防诈骗，一名用户因此被骗3000元。",
    "【案例】一名用户我是李姐，在婚恋网站看到你的资料，觉得很合适，加我微信 lijie_8866 聊聊吧，谨防诈骗，客户核实后避免了损失。",
    # round 26 (red team narrated_loss): a case's opening and a loss around a request made to the writer himself ("报给我"):
    # a case tells what the scammer asked of the victim in the third person. low_risk on the code before.
    "【案例】一名用户亲 退款已经申请了 手机会收到一条验证码 报给我 我这边帮退到卡上，谨防诈骗，一名用户因此被骗5000元。",
    # round 26 (red team narrated): a victim who asks whether it can be trusted ("这个靠谱吗") still asks, whatever case's
    # opening and warning are put around the story (low_risk on the code before).
    "【提醒】近期有用户最近有人拉我进一个理财群，老师说有内部渠道，稳赚不赔，让下载一个叫“鑫盛财富”的App入金，这个靠谱吗，谨防诈骗。",
    # round 26: the same scenario, then a request of the firm's own through its landline, is read as it is.
    "如果有人让您把律师费转到个人账户，请勿支付。您的案件已立案，律师费请今日内转入本所对公账户，详询025-81234567。",
    # round 26: a 400 number beside requests put in quotation marks under an anti-fraud opener: the number is the
    # message's own way, so the quotation marks report nobody's speech (red team quotes; a draft that let a landline
    # or service number leave the requests framed lowered it).
    "反诈提醒：“切勿”相信陌生来电！“您名下”有一笔可疑交易正在处理，“如非本人”操作请“立即”“拨打反诈专线”4000-123-456，由专员为您拦截。",
    # round 27: the advice to confirm on the old number, added to the opener itself or to a request with its own card, is
    # no warning: the opener is not in what it warns of, and the card is the message's own way.
    "我是你们房东，换新号了，存一下，打原号码确认也行。",
    "我是房东，换新号了，这个月房租转到6217001234567890123，先打原号码确认也行。",
    # round 27: a spending threatened, not told ("以免卡被消费", "将被消费"), makes no case of a scam's own link.
    "【通报】您的ETC认证已失效，需点击 etc-x.top 重新认证，以免卡被消费5000元，谨防诈骗。",
    "【案例】一名车主ETC认证失效，需点击 etc-x.top 重新认证，否则卡将被消费5000元，谨防诈骗。",
    # round 28 (red team narrated_loss): a case's opening glued before a writer who introduces himself as someone the
    # reader knows, or who asks a loan or a payment into his own family's card; a case tells these in the third person.
    # Both low_risk on the code before.
    "【警情通报】市民王某我是胡总，刚给转了91000，收到后转给徐红梅，卡号6259707758501766，急，避免损失，客户核实后避免了损失。",
    "如果收到通知，老同学还记得我吗我是苏静最近手头紧借我211000元周转一下下月还打到我老婆卡上6217642594332723看到回我，谨防被骗3000元，客户核实后避免了损失。",
]


# What genuine senders never do (rules.toml never_genuine) counts even inside a story told as a
# warning: a frame and a refusal put before a victim's call script must not cancel it, so a story
# that retells such a threat stays flagged (safety first; verify through 110 or 96110).
def test_a_threat_genuine_senders_never_make_counts_inside_a_story():
    story = "今天又接到一个自称“市公安局”的电话，说我的银行卡涉嫌洗钱要配合调查，还说要转接检察官。他又说不配合就要通缉我，我直接挂了，打110问了，根本没有这回事。"
    assert check(story).verdict != "low_risk"
    pending = "昨天接到一个电话，我直接挂了。对方说我的校园贷要注销，让我下载会议软件共享屏幕，我现在已经共享了，他让我把余额转出去"
    assert check(pending).verdict == "high_risk"


@pytest.mark.parametrize("text", NOT_WARNINGS)
def test_a_warning_frame_around_a_scam_of_its_own_is_still_flagged(text):
    assert check(text).verdict != "low_risk"


# Genuine notices that look like the scams they are not (issue 8's look-alikes).
GENUINE_LOOKALIKES = [
    # A law firm's letter that sends the reader to the creditor's official line and signs with its
    # lawyer's office landline: a label, not a way to act (claims.py `contact`).
    "【江南明德律师事务所】张伟：受中国工商银行股份有限公司某分行委托，你所欠信用卡本息已逾期，委托人已准备起诉材料。请通过工商银行App或拨打95588协商还款。本所不收取你任何费用。经办律师 李明 025-84510000",
    # A court fee paid by the written notice to the court's own account; "已于今日立案" is a date, not a deadline.
    "【12368】王五：您起诉的（2026）沪0115民初1234号案件已于今日立案，案件受理费请按《交纳诉讼费用通知书》载明的本院账户缴纳。",
]


@pytest.mark.parametrize("text", GENUINE_LOOKALIKES)
def test_genuine_lookalikes_are_low_risk(text):
    assert check(text).verdict == "low_risk"


# An app the reference names as official is an official channel; another name is not.
APPS = [
    ("请下载个人所得税App，在App内申报退税。", "low_risk"),
    ("请下载安装国家反诈中心App，开启来电预警。", "low_risk"),
    ("您有一笔退税待领取，请下载“个税退税助手”App办理。", "high_risk"),
]


@pytest.mark.parametrize(("text", "verdict"), APPS)
def test_official_apps_by_exact_name(text, verdict):
    assert check(text).verdict == verdict


@pytest.mark.parametrize("text", WARNINGS)
def test_warnings_quoting_scam_words_are_not_flagged(text):
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize(("text", "findings", "floor"), JUDGED)
def test_judgement(text, findings, floor):
    reading = _read(text)
    assert {f.id for f in reading.findings} == findings
    assert reading.floor == floor
    assert check(text).verdict in ("suspicious", "high_risk") if floor != "low_risk" else True


def test_a_mismatch_is_said_with_the_claim_and_the_channel():
    flags = {f.id: f for f in check("【支付宝】您的借呗额度异常，请拨打400-810-2345注销。").flags}
    assert flags["channel_mismatch"].title == "自称支付宝，却让你打 400-810-2345"


# A court's link on a host we do not know: real e-delivery links live on other hosts and raw IPs
# (domain.md 1b), so "open this document" through it is "verify the 案号 first" (suspicious, no
# points of its own); what is asked through it besides opening it is judged as ever.
COURT_LINKS = [
    # text, channel_mismatch's weight, least verdict, greatest verdict
    ("【某省法院短信平台】某某区人民法院向您发送了（2025）桂0103民初7316号案件相关文书，文书详见:http://171.106.48.62:28083/sfsdw//r/Qm7Tb", 0.0, "suspicious", "suspicious"),
    ("【北京市朝阳区人民法院】您有一份（2025）京0105民初123号案件的传票，请点击 https://sd-court.top/a 查看。", 0.0, "suspicious", "suspicious"),
    ("【北京市朝阳区人民法院】您的案件需缴纳诉讼费，请点击 http://101.35.22.8/pay 在线缴费。", 1.0, "high_risk", "high_risk"),
    ("【北京市朝阳区人民法院】您的案件已立案，请点击 http://101.35.22.8/x 输入银行卡号和验证码确认身份。", 1.0, "high_risk", "high_risk"),
    # Not a court alone: the bank's link mismatch keeps its points.
    ("【工商银行】法院已对您的信用卡欠款立案，请点击 http://101.35.22.8/x 查看。", 1.0, "suspicious", "high_risk"),
]


@pytest.mark.parametrize(("text", "weight", "least", "most"), COURT_LINKS)
def test_a_court_link_elsewhere_says_verify_first(text, weight, least, most):
    mismatch = next(f for f in _read(text).findings if f.id == "channel_mismatch")
    assert mismatch.weight == weight
    order = ("low_risk", "suspicious", "high_risk")
    assert order.index(least) <= order.index(check(text).verdict) <= order.index(most)


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("【招商银行】账单详情 cmbt.cn/RMm3x 退订回T", "link", "official"),
        ("【招商银行】账单详情 cmb-vip.top/x", "link", "mismatch"),
        ("【北京市朝阳区人民法院】文书详见 https://zxfw.court.gov.cn/zxfw/#/a", "link", "official"),
        ("如有疑问请致电12368", "phone", "public"),
        ("京东白条逾期，请致电02088886666", "phone", "unknown"),
        ("文书详见:http://171.106.48.55:28083/sfsdw//r/AB12", "link", "official"),
        # cs10: the caller's own firm's account by its desk, and an account the caller is about to give
        ("您打开手机银行 转一笔一块钱的测试款到我们财务账户 验证通过补偿就到账", "account", "unknown"),
        ("您打开银行的App 点一下转账 我这边给您一个退款通道的账号 您转一毛钱做验证", "account", "unknown"),
    ],
)
def test_channel_status(text, kind, status):
    channels = [c for c in _read(text).channels if c.kind == kind]
    assert channels and channels[0].status == status


def test_evidence_quotes_the_paste():
    text = "【支付宝】您的借呗额度异常，请拨打400 810 2345注销。"
    for finding in _read(text).findings:
        for span in finding.evidence:
            assert text[span.start : span.end] == span.text


def test_judgements_are_complete_and_typed():
    known = {t.id for t in taxonomy().types}
    for rule in judgements().values():
        assert rule["floor"] in ("suspicious", "high_risk")
        assert rule["types"] and set(rule["types"]) <= known, rule["id"]


def test_suppressed_says_which_filter_and_why():
    data = check("【北京市朝阳区人民法院】张三：（2024）京0105民初12345号案件文书请登录 fy-ssfw.live/cx 查看，或致电12368核实。").to_dict()
    assert {"rule": "genuine_court_format", "filter": "lowering_needs_official_channels"} in [
        {"rule": s["rule"], "filter": s["filter"]} for s in data["suppressed"]
    ]
    assert data["claims"]["floor"] == "suspicious"


# Requests read by meaning, not by one wording (issue 8, paraphrase): each kind in the ordinary
# ways people say it. (text, kind, the pattern that reads it)
BY_MEANING = [
    # pay: money into an account of any name, the verb split around its object, a fee by its kind
    ("逾期款请存到公司监管户头，今天处理完。", "pay", "transfer_to"),
    ("补贴领取地址：btlq-gov.top/sq", "click", "open_link"),
    ("急需三千，你赶紧转她微信abc_0714。", "pay", "into_my_account"),
    ("你先给王老师的微信wxid_3f1zqbag转过去，别告诉我爸。", "pay", "account_then_transfer"),
    ("请立即把欠款划到专户：6222021234567890123。", "pay", "transfer_to"),
    ("麻烦你先汇一下款，明天还你。", "pay", "split_verb"),
    ("请尽快把这笔资金划过去，对方等着用。", "pay", "split_verb"),
    ("贷款已批，放款前需先交两千元担保金额。", "pay", "fee_kind"),
    ("解除限制要先付一笔激活费用。", "pay", "fee_kind"),
    ("请马上存进去，晚了就来不及。", "pay", "pay_verb"),
    ("我在开会，你先帮我给一个朋友转两万块，回头还你。", "pay", "pay_for_me"),
    ("麻烦你替我给客户汇3000元，我晚点还。", "pay", "pay_for_me"),
    ("房租以后打我老公的卡，之前那张不用了。", "pay", "into_my_account"),
    ("各位家长扫描下方二维码缴费，备注孩子姓名。", "pay", "scan_code_pay"),
    ("就扫群里我发的那个码 交完了在群里接龙", "pay", "scan_code_pay"),
    ("辅导费你直接转给我，我帮你交到学校。", "pay", "to_the_sender"),
    # credentials: the code by what it is, any card's number
    ("等会儿你手机会收到几位数，把手机里收到的数字发给我。", "credentials", "tell_digits"),
    ("请回复收到的6位数完成核验。", "credentials", "tell_digits"),
    ("为了退款，请填写您的借记卡号。", "credentials", "identity_data"),
    ("理赔请在小程序里填写姓名、身份证号和银行卡号。", "credentials", "identity_data"),  # a list (round 35)
    ("我同学在信贷部有名额，需要的联系他13912340000。", "call", "reach_number"),  # someone named by a pronoun
    ("升级请先下载我行的“信用卡升级助手”应用。", "download", "install"),  # an app in quotation marks
    # round 35: a code scanned and an amount typed in; a wallet's balance in a screenshot; a T reply that claims;
    # a card named by what it receives
    ("这是补偿码，您用支付宝扫一下，金额填您的机票金额就行。", "pay", "scan_then_amount"),
    ("他让我扫他发的码，扫完输入金额和密码。", "pay", "scan_then_amount"),
    ("你把微信零钱截图发我看一下，够的话马上给你赔。", "credentials", "balance_to_me"),
    ("航班已取消，回复T全额退款并领取补偿。", "call", "reply"),
    ("补偿款需要您提供一下收款银行卡号。", "credentials", "identity_data"),
    # the card's own data asked aloud: the data first, then the verb, or the verb first
    ("您把卡号和有效期，还有卡背面的三位数字念一下给我。", "credentials", "card_details"),
    # screen share and a meeting app said as callers say them (cs10)
    ("钱提不出来 你共享一下屏幕 我帮你弄好", "screen_share", "share"),
    ("你的快递丢了要赔钱 你下一个小鱼易连 我们开个会", "download", "install"),
    ("您报一下旧卡的卡号和有效期，我这边直接给您换卡。", "credentials", "card_details"),
    ("翻过来看签名条上面最后三位数，您慢慢念，我这边记录。", "credentials", "card_details"),
    ("稍后您手机上有个六位的数字，您报一下就行。", "credentials", "digits_then_tell"),
    # the code named first, then read out; a password handed over with the card or the account
    ("您手机上会收到一个验证码 您念一下", "credentials", "code_then_tell"),
    ("短信里的校验码收到了吗？报一下，我这边帮您处理。", "credentials", "code_then_tell"),
    ("验证码发过来了没有？发我，马上给您办好。", "credentials", "code_then_tell"),
    ("身份证、银行卡、密码都发我，我帮你操作。", "credentials", "code_to_me"),
    ("把卡和密码寄给他做流水，做完两个月额度就下来了。", "credentials", "hand_over_password"),
    ("支付密码告诉我，我这边帮您核对。", "credentials", "hand_over_password"),
    ("他要我把银行卡和密码给他，说帮我跟银行协商。", "credentials", "hand_over_password"),
    # the account's name in quotation marks, as the scripts put it
    ("客服让我把钱转到一个“安全账户”验证资金。", "pay", "transfer_to"),
    # speech-to-text: a filler standing as its own word between the verb and its object says nothing
    ("您就 转一下 转到 嗯 那个 这边的 嗯 监管账户里 核实完退给您", "pay", "transfer_to"),
    ("好的 您 念一下 嗯 那个 验证码 就行", "credentials", "tell_code"),
    # call: a verb of getting in touch, whom, then the number
    ("如需退订请联络值班专员0755-26668888。", "call", "reach_number"),
    ("改签请找航司工作人员400 123 4567办理。", "call", "reach_number"),
    ("有疑问呼叫13812345678。", "call", "reach_number"),
    ("简历已收到，请回复你的邮箱地址，稍后发送岗位资料。", "call", "reply_contact"),
    ("请马上对接处理专员，今天必须办完。", "call", "reach_person"),
    # click: a verb of opening, a few words, then the link
    ("快递丢了，请打开这里 kd-pei.top/a 登记理赔。", "click", "open_link_near"),
    ("戳这个看详情 t.example.top/x", "click", "open_link_near"),
    # loan9: money to the sender to pass on, "back" into the lender's account, a fee named then paid
    # first, the card's data typed into the caller's page
    ("寄卡前要交年费，您转到我这边，我帮您统一交到银行。", "pay", "to_the_sender"),
    ("如非本人操作，请将借款金额转回我司指定账户完成冲正。", "pay", "transfer_back"),
    ("内部提额手续费按提额部分的百分之九 先交一半", "pay", "fee"),
    ("点一下短信里那个链接 把卡号 有效期 还有背面三位数填进去", "credentials", "card_details"),
    # tw9: written in Taiwan (回覆, 身分證, 電子郵件, LINE ID, 加我們的LINE, 人資, QR碼)
    ("請回覆本簡訊身分證字號及卡號以便解除", "credentials", "reply_with"),
    ("已收到您的履歷，請回覆您的電子郵件，稍後寄送工作內容。", "call", "reply_contact"),
    ("我們已收到應徵資料，請回覆您的LINE ID，主管會主動加您。", "call", "reply_contact"),
    ("帳戶已暫停交易，請加我們的LINE客服處理。", "chat", "add_contact"),
    ("面試請加人資LINE預約時間。", "chat", "add_contact"),
    ("如需恢復供電請先掃描下方QR碼繳清欠款", "pay", "scan_code_pay"),
    ("包裹地址不完整，請至 tw-pkg.top/a8 更新收件資訊", "click", "open_link"),
    ("修改收件資料需支付小額驗證費", "pay", "fee_kind"),
    # A warning joined to an unpunctuated request opens its own statement ("凡…"): it frames nothing before it.
    ("請回覆本簡訊身分證字號以便解除凡是要求轉帳的都是詐騙。", "credentials", "reply_with"),
    # people9: the sender's pocket without 给, the sum moved by its object, the account promised for later,
    # cards bought and their codes sent on, the card number "checked", the balance told, a code given to scan
    ("期末复习资料每人三十块 直接转我就行 不用走学校", "pay", "to_the_sender"),
    ("今天下班前把合作方的合同款113000元付掉，审批后面补。", "pay", "pay_it_off"),
    ("续租的话今天先把押金补齐，不然我就租给别人了。", "pay", "pay_it_off"),
    ("你先替我交了 转到这个账户 卡号我让秘书发你", "pay", "account_to_follow"),
    ("合同款今天付掉，账户我私发你。", "pay", "account_to_follow"),
    ("你帮我在网上买3张面值一千的电子卡，把卡号卡密发给我。", "pay", "buy_card"),
    ("帮我买两张一百的充值卡 把卡号和密码拍照发到这个号上", "pay", "buy_card"),
    ("请登录支付宝App核实。把卡号卡密发给我，回去给你报账。", "credentials", "card_code_to_me"),
    ("补偿款要打到您卡上，我们需要核对一下卡号。", "credentials", "verify_card"),
    ("您先把卡里的余额告诉我，看看够不够做验证。", "credentials", "balance_to_me"),
    ("为了表示歉意给您赔偿，您扫一下这个二维码填写资料就可以领取了。", "click", "scan_given_code"),
    ("快递丢了 商家委托我们给您理赔 您看一下您的微信 我们加您一下 发您理赔链接", "chat", "caller_adds_you"),
    ("会员每个月要扣八百 这个可以关掉 我远程帮您关掉", "screen_share", "share"),
    ("您手机上点那个共享 对 就那个 然后我这边就能看到了", "screen_share", "share"),
    # speech with no punctuation: a warning word before a pause does not reach a new sentence after it
    ("喂 您好 您的航班取消了 我们给您办理免费改签 另外有三百元补偿 我们需要核对一下卡号", "credentials", "verify_card"),
    # word classes (claims.toml [classes]): a verb of moving money meets any name of an account ...
    ("马上走一笔账到6217001234567890123，别耽误。", "pay", "to_card_number"),
    ("请于今日内将借款转回平台指定收款户完成冲正。", "pay", "transfer_back"),
    ("户头我等下私发你，你先准备好钱。", "pay", "account_to_follow"),
    ("需要你往我们提供的账户里存入一笔验资款。", "pay", "account_then_transfer"),
    ("赶紧打钱，不然明天去你单位。", "pay", "pay_verb"),
    # ... someone else's debt, a sum named, to be paid by the reader
    ("你要是不想让你爸妈知道，就替你哥还上两万。", "pay", "pay_their_debt"),
    # ... the one-time code by what it is, told, read out or typed in, either way round
    ("手机上收到的那串数字您念一下。", "credentials", "code_then_tell"),
    ("稍后会有一条确认码发到您手机上，麻烦您告诉我。", "credentials", "code_then_tell"),
    # ... or the digits said to come, then read out (round 35)
    ("您手机马上会收到几个数字，您念给我听就行。", "credentials", "code_then_tell"),
    ("把短信码告诉我，我帮您取消扣费。", "credentials", "code_to_me"),
    ("页面会提示六位数字，你填进去就行。", "credentials", "enter_code"),
    ("请把储蓄卡号和背面三位数念给我。", "credentials", "card_details"),
    # ... a verb of contact or a service desk's role right before the number, a handle after a role
    ("会员到期将自动扣费，如需取消请找售后专员0571-88776655。", "call", "call_number"),
    ("您的账户将被锁定，请连系02087654321处理。", "call", "call_number"),
    ("中奖请添加节目组工作人员abcde123领取。", "chat", "add_handle"),
    # a card's state ("暂停使用") is no cue that negates the request after it
    ("账户暂停使用通知 原因 异常登录 处理 ab3.cc", "click", "open_link_near"),
    # Run on without punctuation, a free offer does not deny the contact asked after it: a fee's denial
    # ("免费", "免收") denies only a payment.
    ("股票被套 专业老师帮你解套 免费诊股 加v lawxnd7295", "chat", "add_handle"),
    ("免费咨询 加微信 kf_abc123", "chat", "add_handle"),
    # the link between the verb of opening and the verb of paying, however long, or named as where to pay
    ("您家电费已欠费386元，今日18点将停电，请立即点击 sgcc-jf.top 缴费。", "pay", "link_then_pay"),
    ("您的包裹在分拣中出现异常，需要支付645.75元重新派送，支付链接http://q-link.top/3QbfJ", "pay", "link_then_pay"),
    ("违章罚款200元，缴纳地址 http://wzcl-jj.top/j8x2", "pay", "link_then_pay"),
    ("请登录 https://etc-hmd.cn.com/a/b/c/d/e 进行补缴", "pay", "link_then_pay"),
    # the number pointed at, then given
    ("系统要统一清理了，您打这个电话027-56912896让工作人员帮您弄。", "call", "this_number"),
    ("请拨打以下号码：0755-26783345", "call", "this_number"),
    # round 28: the reader left unnamed, as terse Chinese leaves him (red team pronoun_dropped, in-sample probe:
    # none of these was read by the pattern named on the code before; two by another one)
    ("孩子住院急着交费 先帮我给他转 卡号我发短信", "pay", "account_to_follow"),
    ("研学费用199元，账户我等下短信发，交一下。", "pay", "account_to_follow"),
    ("对方家长说先赔医药费，我把他的收款码发，直接转过去。", "pay", "account_to_follow"),
    ("医药费先出了 20962.91 直接转给对方家长 账号我这边发 不然他们说要报警", "pay", "account_to_follow"),
    ("交费还差9590，不好意思跟爸妈开口，能先帮我转一下吗？", "pay", "advance_for_me"),
    ("我卡被冻了，先帮我转一下，别打电话。", "pay", "advance_for_me"),
    ("我龙总。手上有没有五万块闲钱？急用两天。", "pay", "borrow"),
    ("已收到投递的简历，请回复常用邮箱，我们将把入职资料发过来。", "call", "reply_contact"),
    # round 38: a link pointed at for its task, with no verb of opening (link_for_task)
    ("您的保单理赔款待领取，请在 bx-lp.top/k2 填写收款银行卡。", "click", "link_for_task"),
    ("医保卡年度核验入口 yb-hy.icu/m7 逾期将停用", "click", "link_for_task"),
    ("换卡的办理链接发你 sbk-hk.cc/a1 今天弄完", "click", "link_for_task"),
    ("为保障资金安全，请通过下方链接解冻账户：jd-jd.top/u", "click", "link_for_task"),
    ("内部交流群名额有限，注册 gp-vip.top/r 领取课程", "click", "link_for_task"),
    # round 38: the handler's number in brackets after the name, a police officer by 警 (reach_number)
    ("如有异议，请于今日内联系承办人周警官（13912340000）说明情况。", "call", "reach_number"),
    ("调解手续请联系调解员林晓（18611112222）办理。", "call", "reach_number"),
    ("此事保密，立即联系办案民警 13711113333。", "call", "reach_number"),
    ("有什么想法今天打给我 15912340000，过了今天不再受理。", "call", "reach_number"),
    # round 39: the reader's own account, when it is a "safe" or new one, is still where the scam is paid
    ("为配合核查，请把余额转入您名下的安全账户6222001234567890。", "pay", "transfer_to"),
    ("请将资金转到你本人新开的银行卡，由专员监管。", "pay", "transfer_to"),
    # round 39: money into the writer's own pocket, the reader the subject, or a fee the writer collects
    ("幼儿园老师：服装每人160元，请家长把钱转到我个人支付宝。", "pay", "into_my_account"),
    ("考级费一共1680 你转我 我统一去报", "pay", "to_the_sender"),
    ("评估费980，您转给我，我帮您预约。", "pay", "to_the_sender"),
    ("资料费交给我就行，明天发书。", "pay", "to_the_sender"),
    ("下周活动我要统一收取一下班费每人200。", "pay", "to_the_sender"),
    ("你打开支付宝把备用金借出来，转我一下，马上原路返还。", "pay", "to_the_sender"),
    ("学习卡每人98元，扫码购买，明天统一发放。", "pay", "scan_to_pay"),
    ("平台先行赔付，请扫描下方二维码添加理赔专员。", "click", "scan_given_code"),
    ("请立即开启屏幕共享，诈骗分子已盗用您的账户。", "screen_share", "share"),
    # round 40 (call transcripts): a safe account however long its owner's name, a fund check asked, the caller's own
    # phone and its number spoken
    ("我们可以帮你把卡里的钱先转移到反诈中心的专用保护账户，等案子结了再转回去。", "pay", "into_safe_account"),
    ("你要证明自己清白，就必须配合做一个资金核验。", "pay", "fund_check"),
    ("找好了 再给我打回来 嗯 打我这个手机 一三六 幺七 二八 九零 四五", "call", "this_number"),
    # ... and the fake teacher's fee (fraud_taxonomy.md A.1): a deadline, the payment code pointed at, his own chat
    ("资料费每人三百二，今天之内要交齐。", "pay", "pay_deadline"),
    ("收款码我发群里了，您看到了扫一下就行。", "pay", "scan_to_pay"),
    ("您加一下我这个号的微信，我们私聊。", "chat", "add_contact"),
    ("你需要加一下我们理赔专员的微信，他会拉你进理赔群。", "chat", "add_contact"),
    ("我想 跟您 单独聊聊 您加一下 我这个 微信", "chat", "add_contact"),
    ("把提现的钱转到我们的银联风险清算账户，系统检测到资金流动就关闭会员。", "pay", "into_safe_account"),
    # round 41: a payment urged aloud, and a fee's code to scan
    ("人家还在等，你赶紧转吧。", "pay", "pay_urged"),
    ("他说没收到，你再转一遍。", "pay", "pay_urged"),
    ("能不能帮个忙，你再转八千给他？", "pay", "pay_urged"),
    ("练习册费用一共九十五元，您扫一下我发的那个二维码就行。", "pay", "fee_code_scan"),
    # round 49: the other speaker's turn of a log pasted on one line still asks, before and after the reader's
    ("我：那怎么退款？客服（退款专员）：请把保证金转到6222021234567890123，十分钟后原路退回。", "pay", "pay_verb"),
    ("客服：请把保证金转到6222021234567890123。我：好的", "pay", "pay_verb"),
    # the account before the verb, for someone the reader is to pay for the writer; an amount in 万 with no 元
    ("你先帮我给这个账户转五万，是一个领导家里的事。", "pay", "pay_someone_for_me"),
    ("帮我往这个账户里打五万，回头让财务补给你。", "pay", "pay_someone_for_me"),
    ("你先帮我给对方账户转两万。", "pay", "pay_for_me"),
    ("急用，给这个支付宝转一千。", "pay", "pay_someone_for_me"),
    ("妳可以先幫我去超商買兩張5000元的遊戲點數卡，拍序號傳給我嗎？", "pay", "buy_card"),
    ("我们给您补偿五十元，需要您扫一下我们发给您的二维码领取。", "click", "scan_given_code"),
    ("你现在不要挂电话，打开手机里的“安全防护”App，按照我的提示进行操作。", "download", "app_under_guidance"),
    # round 50: the reader asked to send money to the writer with 你 said, to an account pointed at without 到, for
    # someone the writer names by his family, into the writer's personal account for a fee, and a sum moved by 把
    ("你给我转八百块，明天就还你。", "pay", "to_the_sender"),
    ("先转这个支付宝账号，名字是李红。", "pay", "pay_someone_for_me"),
    ("麻烦帮我转一笔钱给我弟弟的同学，他急用。", "pay", "pay_someone_for_me"),
    ("班服费每人九十五，转我个人微信就行。", "pay", "into_my_personal_account"),
    ("报名费先收到我私人这里，学校的对公账户还没开好。", "pay", "into_my_personal_account"),
    ("您把两千转到我们给您开的那个保证账户里就行。", "pay", "sum_moved"),
    ("这学期的复习资料一共是二百八十元，就差您家孩子了。嗯，您扫一下群里那个二维码就行。", "pay", "fee_code_scan"),
]


@pytest.mark.parametrize(("text", "kind", "pattern"), BY_MEANING)
def test_requests_are_read_by_meaning(text, kind, pattern):
    assert (kind, pattern) in {(r.kind, r.pattern) for r in _read(text).requests}


# Look-alikes that the wider classes must leave alone: labels, reports of what was done, a bill's
# own amounts, a warning.
NOT_ASKED = [
    ("紧急联系人13812345678，如有变更请在App内修改。", "call"),
    ("您尾号1234的账户已划入工资5,200.00元。", "pay"),
    ("您本月应缴物业费268元，可在App内缴纳。", "pay"),
    ("切勿把短信里收到的数字告诉任何人。", "credentials"),
    ("取件码12345678，请凭码到驿站取件。", "call"),
    ("请回复您的手机号码，我们将安排回访。", "credentials"),
    ("编辑短信发送6位数字到10658000完成报名。", "credentials"),
    ("报名成功，您收到的确认码请妥善保存。", "credentials"),
    ("客服：您好，请提供一下卡号后四位，我帮您查账单。", "credentials"),  # round 35: last four digits open nothing
    ("【某银行】本月账单已出，回复T退订。", "call"),
    ("退订回复T 取消推送回复TD", "call"),
    ("小孩的户口转到外婆家的户口下了。", "pay"),
    ("妈我换号了，旧号还能用到月底，微信没变。", "pay"),
    ("明天我先给你转500块房租，剩下的月底给。", "pay"),
    ("上次的钱他已经直接转给我们公司了。", "pay"),
    # the card's data named without a verb of telling, or told already (a report, not a request)
    ("请妥善保管您的卡号和有效期，不要告诉任何人。", "credentials"),
    ("我妈刚才已经报了卡号，电话还没挂。", "credentials"),
    ("卡号和有效期在卡的正面，孩子在旁边读书。", "credentials"),
    ("验证码已发送，报名截止到今晚。", "credentials"),
    ("wifi密码贴在冰箱上，你来了自己看。", "credentials"),
    ("我的支付密码忘了，明天去银行重置。", "credentials"),
    # a filler is left out only where it stands as its own word: "那个账户" keeps its determiner
    ("那个账户我上个月已经注销了。", "pay"),
    # A street address is no link to open ("地址：" opens a link only when one follows).
    ("新店开业全场八折，门店地址：人民路12号。", "click"),
    # The writer paying the reader asks nothing of the reader.
    ("钱我已经转你微信了，查收一下。", "pay"),
    # A notice or warning passed on is forwarded, not paid.
    ("请把这个提醒转给家里的老人。", "pay"),
    ("麻烦把开会的通知转给各位同事。", "pay"),
    # Someone else's call, reported.
    ("又有人打电话说你的学生账户要注销。", "call"),
    # A download told as done.
    ("您下载了对方给的App以后，卡里的钱就被转走了。", "download"),
    ("我给你微信转账了两百，记得收。", "pay"),
    ("我给这个账户转了五万，你查一下到了没有。", "pay"),
    # round 50: the writer's own transfers by 把, and the forwarding of a chat id, ask no money of the reader
    ("我昨天已经把三千转到你卡上了。", "pay"),
    ("他把五百存到余额宝里了。", "pay"),
    ("你把这个微信号转发给你表姐吧。", "pay"),
    # a call told as reaching one's phone; a deposit into the reader's own card; the reader's own question reported
    ("今天下午法院一个书记员打电话到我手机，说下个月开庭。", "call"),
    ("扣款是从您尾号0743的借记卡自动扣的，您只要往这张卡里存够钱，系统晚上会自动扣。", "pay"),
    ("我问他是不是要我先交什么钱，他说不用。", "pay"),
    ("我昨天打开那个App按照他的提示操作了，后来才知道是骗子。", "download"),
    # loan9: a refund told as sent back to the reader's own account; a fee named but not asked first
    ("退款已原路转回您尾号1234的账户。", "pay"),
    ("【某银行】账单分期手续费按月计入账单，详情请在App查看。", "pay"),
    # The reader's own line of a chat log is the reader's question, not a demand on the reader.
    ("客服：您的借款已审批\n我：要交保证金吗\n客服：不用，我们没有任何前期费用", "pay"),
    ("客服：您的借款放款失败了\n我：要交解冻费吗\n客服：不用，换绑一张本人的卡就行", "pay"),
    # round 49: a log pasted on one line marks its turns after a sentence's end or a space, a speaker
    # named with whom he speaks for ("客服（海南航空）："); an agent who never lets anyone share a screen
    ("我：改签要不要交什么保证金？客服（海南航空）：不需要，改签和退票都免费，在App订单里点退改就行。", "pay"),
    ("客服（美团）：额度开着也不收费。我：那要不要我先把额度取出来转给你们？客服：千万不要，在App里关闭就行。", "pay"),
    ("客服：不用的，我们从来不让旅客共享屏幕，您自己点几下就好。", "screen_share"),
    # tw9: Taiwan's genuine look-alikes: a code never to be told, a reply that only unsubscribes,
    # a friend's LINE among friends
    ("您的簡訊驗證碼為123456，請勿告知他人。", "credentials"),
    ("週年慶全館九折，拒收請回覆N", "credentials"),
    ("我加你賴了，明天的報告我傳到群組裡", "pay"),
    # people9 look-alikes: the reader paying the writer back on the usual account, a call asked for, a
    # gift card given, an account number told as done, a transfer checked against the payee, a code to
    # scan where the reader stands, a balance read by its owner
    ("钱直接转我工行那张卡就行，不急。", "call"),
    ("有事先打我电话，我在开会。", "pay"),
    ("给你买了张购物卡，卡密我发你了，生日快乐。", "pay"),
    ("我把账户发你了，你查一下是不是这个。", "pay"),
    ("转账前请核对收款人的姓名和卡号。", "credentials"),
    ("卡里余额不多了，我明天去存钱。", "credentials"),
    ("儿子，你卡上余额告诉我一下，我看看要不要给你打钱。", "credentials"),
    ("到店后扫桌上的二维码点餐。", "click"),
    ("您的退款已原路退回，扫一下下面的二维码关注公众号可查看退款明细。", "click"),
    ("我们开共享单车去公园吧。", "screen_share"),
    ("电脑上打开共享文件夹就能看到报表。", "screen_share"),
    # ... but a pause right after the warning word, or a space between the items of a list, keeps it
    ("你听我说 千万不要 转账给他 他是骗子 挂了电话 打我原来的号", "pay"),
    ("本行不会通过短信链接 电话或社交软件要求您上传证件照片或提供密码 验证码 如有疑问 请到网点咨询", "credentials"),
    # the wider word classes leave these alone: an official channel, a bank's warning, a stop, a done deed
    ("请在App内完成还款，逾期将影响您的信用记录。", "pay"),
    ("请勿向他人转账，银行不会要求您把钱转到安全账户。", "pay"),
    ("请暂停转账，核实对方身份后再操作。", "pay"),
    ("我帮你还了3000块信用卡，记得按时还我。", "pay"),
    ("您的验证码为482913，5分钟内有效，请在页面输入，切勿告诉他人。", "credentials"),
    ("请勿将短信里的数字告诉任何人，包括自称客服的人。", "credentials"),
    ("客服电话找不到的话，请在App内联系在线客服。", "call"),
    ("点击 x-bill.top 查看转账记录", "pay"),
    # a group the victim was pulled into, told of in a warning's case
    ("一名宝妈做点赞兼职，前几单收到返利，随后被拉进群做大额任务，连续垫付3万元。", "chat"),
    ("他被带进群里，看别人晒收益，就信了。", "chat"),
    ("承办律师：周文静，联系电话021-62781234。", "call"),
    ("请于12月15日前通过网上国网App缴纳电费。", "pay"),
    # round 27: someone called the reader, who dials nothing
    ("刚才给您打电话说您儿子出事的人是骗子。", "call"),
    # round 28: the pronoun-free forms leave these alone: an account sent already, a message passed on, change asked for
    ("卡号我发你了，你看下对不对。", "pay"),
    ("账户我已经发了，查收一下。", "pay"),
    ("卡号我发给财务了，你问她。", "pay"),
    ("能帮我转一下这条消息吗？", "pay"),
    ("手上有没有零钱？", "pay"),
    ("我手上有点闲钱，想存定期。", "pay"),
    # round 38: a link beside no task of a form, a fee or an account (link_for_task), and one warned against
    ("本店新址已开放预约，线上商城 hl-shop.cn 查询库存。", "click"),
    ("活动规则见 mk-hd.cn 了解更多。", "click"),
    ("来源：xw-news.cn 编辑：王明", "click"),
    # round 40: a fee paid already; a denial in speech-to-text that sets every word apart (claims.word_spaced); a
    # genuine escrow account, however long its name
    ("办证的时候已经交过工本费了，领取不收费。", "pay"),
    ("喂 您好 嗯 我 这里 是 中国银行 嗯 额度 调整 已经 完成了 嗯 这个 不需要 您 做 任何 操作 也 不需要 您 提供 验证码 好的 再见", "credentials"),
    ("购房款请一律缴入商品房预售资金监管账户，请勿转给任何个人。", "pay"),
    # ... and a caller told of, not a call or a payment asked ("打电话给您的人", "打电话让您", "他要是再打过来")
    ("那个打电话给您的人是骗子，您先别转。", "call"),
    ("真正的警察不会打电话让您配合调查。", "call"),
    ("他要是再打过来您就直接挂掉。", "pay"),
    ("今天打电话主要是跟您说一下案子的进展。", "call"),
    # the reader's own line in a chat log whose other speaker's label is long ("城西派出所-刘警官：")
    ("城西派出所-刘警官：您的案件已经立案。\n我：刚才有个人加我微信，说他是追款律师。\n城西派出所-刘警官：那是骗子。", "chat"),
    ("请勿在 sbk-hk.cc 等非官方网站办理社保卡业务。", "click"),
    # round 38: a number in brackets that is a label or a report, not a person to call
    ("紧急联系人：王芳（13800000000）", "call"),
    ("您的案件已由调解员李敏（13600000000）跟进，无需回复。", "call"),
    ("昨天有人打给我13912345678说中奖了，是骗子吧？", "call"),
    ("刚才打给我13912345678的是谁？", "call"),
    # 打给 before a number is dialling, not paying
    ("王老师您好，家长会改到周五，有事今天打给我13812345678。", "pay"),
    # round 39: money paid to the reader's own card, and a one-time code that describes the reader's own transfer
    ("您的退款268.00元将于3个工作日内转到您绑定的银行卡，请注意查收。", "pay"),
    ("理赔款已审核通过，将转入您本人名下账户，无需任何操作。", "pay"),
    ("验证码402913，您正在向尾号6621的账户转账1,500.00元，请勿泄露。", "pay"),
    # round 39: the writer's things handed to him, or money he was sent, not money asked
    ("这件事交给我就行，你放心。", "pay"),
    ("把那个文件转我一下，我打印。", "pay"),
    # round 39: the request named as a kind of fraud right after it
    ("近期屏幕共享类诈骗高发，请提高警惕。", "screen_share"),
    ("小众会议软件多次出现在屏幕共享诈骗中。", "screen_share"),
    ("你转给我的那份表格我看过了。", "pay"),
    ("上次你转我的钱收到了，谢谢。", "pay"),
    # round 39: tax withheld by the employer, reported (扣缴)
    ("单位已为你扣缴个税102.00元，如有疑问请与单位核实。", "pay"),
    # round 41: the writer's own payment still to come; a loan the writer owes; a scan a warning retells; a transfer refused
    ("货款我明天打到你公司账户上，你查收一下。", "pay"),
    ("上回借你的三千块我下个月还。", "pay"),
    ("骗子会说报名费已交齐，让您扫码进群领取退款。", "pay"),
    ("钱已经收到了，你不用再转了。", "pay"),
    ("我知道了，你别再转了。", "pay"),
]


@pytest.mark.parametrize(("text", "kind"), NOT_ASKED)
def test_look_alikes_are_not_requests(text, kind):
    assert kind not in {r.kind for r in _read(text).requests if r.through != "official"}


# Round 39: a reply goes back to whoever sent the SMS, whom a number in its tag only claims to be.
REPLIES = [
    ("【12333】您的社保信息未完成年度核验，请回复1获取核验链接。", "none"),
    ("【95588】您的积分即将清零，回复1领取兑换链接。", "none"),
]


@pytest.mark.parametrize(("text", "through"), REPLIES)
def test_a_reply_goes_to_the_sender_not_to_the_tag(text, through):
    assert {r.through for r in _read(text).requests if r.pattern == "reply"} == {through}


def test_the_reply_patterns_named_in_code_are_request_patterns_of_claims_toml():
    assert claims._REPLIES.issubset({name for _, name, _, _ in claims._data().requests})


# An institution named as a way to pay at the sender's is no claim to be it (claims.toml [means], brief
# ads9): the shop's own number mismatches nothing. The same institution spoken of as the reader's own,
# or signing the message, is still claimed.
MEANS = [
    ("【康宁大药房】本店支持医保卡支付，慢病用药满100元送鸡蛋一盒，咨询0571-86001234。", "medical_insurance"),
    ("【宜安眼镜】配镜节：支持中国银行信用卡分期，到店验光免费，预约电话0311-77405612。", "boc"),
    ("【万家超市】周末工商银行信用卡满200减30，详询0731-84561234。", "icbc"),
    ("【锦绣华府】湖景洋房加推，可办理建设银行商业贷款，详询400-862-8060。", "ccb"),
    ("【华美口腔】洗牙季特惠，可刷医保卡个人账户部分，预约023-79796088。", "medical_insurance"),
    ("【宏远置业】现房在售，支持公积金贷款，看房热线400-824-4892。", "housing_fund"),
    ("【畅行租车】车辆已备好，取车时请携带身份证和驾驶证，客服400-843-7541。", "traffic"),
    # hole14: the verb of paying with still counts inside the message's own clause after an opener.
    ("感谢您一直以来的支持 本店支持中国银行信用卡分期，详询0311-77405612。", "boc"),
]
STILL_CLAIMED = [
    ("您的医保卡已停用，请致电400-820-1234恢复。", "medical_insurance"),
    ("【美团】您的支付宝支付功能已冻结，请致电4008201234解冻。", "alipay"),
    ("【医保中心】本店支持医保卡支付，请致电400-820-1234。", "medical_insurance"),
    ("【工商银行】您的信用卡年费1200元将于今日扣除，如有疑问请致电4008201234。", "icbc"),
    ("您在支付宝开通的高级会员将于今日自动扣除1240元，如需关闭请联系客服400-676-2188。", "alipay"),
    # hole14 (issue 8): an opener set apart by a space is no part of the clause after it: its last
    # word "支持" does not make the bank it is put in front of a way to pay (claims._means_of_payment).
    ("感谢您一直以来的支持 广发银行信用卡：您的卡可提额，额度100000，限今日，戳ccb-jfdh.cc", "cgb"),
]


@pytest.mark.parametrize(("text", "institution"), MEANS)
def test_an_institution_named_as_a_way_to_pay_is_no_claim(text, institution):
    reading = _read(text)
    assert institution not in {c.id for c in reading.claims}
    assert "channel_mismatch" not in reading.finding_ids


@pytest.mark.parametrize(("text", "institution"), STILL_CLAIMED)
def test_an_institution_spoken_of_as_the_readers_own_or_signing_is_claimed(text, institution):
    reading = _read(text)
    assert institution in {c.id for c in reading.claims}
    assert reading.findings


# An unconfirmed service line counts in a notice about the reader's own money or account (claims.toml
# stakes.notice), not in an ad inviting a call about a product; a denial gives no stakes.
NOTICE = [
    "您的信用卡将于今日扣除年费680元，如有疑问请咨询4001652026。",
    "温馨提示：您名下银行卡已开通短信保障服务，每月扣费30元，如需关闭请回电400-871-3188。",
    "航班取消 改签电4000-115-122",
    "您的少儿编程课可退费，请联系400-056-6123",
    "您的快递在派送中被损坏，理赔请联系理赔中心400 172 6076。",
    "学生账户没注销的 今天是最后期限 回电4009513301",
    "您的金条利率不符合国家政策，请于7月21日前联系客服400-852-5522关闭账户。",
    "恭喜您被节目组选为场外幸运观众，获得奖金167000元，请与律师联系4006-195-106。",
    "您的智能电表检测到异常用电，需缴纳核查费480元，联系4001086036",
    # a debt or a freeze by meaning, not only by its official word (逾期, 冻结)
    "您的分期账户已拖欠多日，请于今日致电4009231166处理。",
    "您名下的会员户头即将锁定，如需解除请对接4006207788。",
    # fp20: the signer's own app named beside it does not cover a line the reader is told to call about the charge.
    "【安达财险】您的百万医疗保障即将自动扣费每月600元，如需取消请致电4008-765-432，详情见安达财险App。",
    "【云享视频】您的会员将于明日自动续费298元，如需取消请联系客服400-876-5432，详情见云享视频App。",
    "【云享视频】您的会员将于明日自动续费298元，取消请咨询400-876-5432，详情见云享视频App。",
]
AD = [
    "【安居汽车】新款SUV限时优惠，首付低至3万元，金融贷款最高可贷20万元，详询4008201234。退订回T",
    "【平顺财险】电动自行车第三者责任险每年40元起，线上投保即时出单，理赔请拨打本公司服务热线4006186320。退订回T",
    "【宽带之家】千兆宽带每月99元，新装免安装费，可用信用卡分期，办理请致电4008201234。",
    "【宏达汽车金融】新车贷款首付两成起，贷款资金直接支付给经销商，不经过个人账户。咨询4008360806。退订回T",
    # fp20 (issue 9): a notice that sends the reader to act in the signer's own app, its service line a label
    # opening its own clause beside it (claims._LABEL_CALLS, _opens_clause).
    "【安达财险】您的车险保费将于9月3日从尾号6021的银行卡自动扣缴，如需更换扣款卡请在安达财险App办理，客服热线4008-765-432。",
    "【恒信汽车金融】尊敬的客户，您的车贷第3期将于5月10日自动扣款，请确保还款卡余额充足，详情见恒信汽车金融App，客服4006543210。",
]


@pytest.mark.parametrize("text", NOTICE)
def test_an_unconfirmed_line_in_a_notice_about_the_readers_money_is_flagged(text):
    assert "call_unconfirmed_service_line" in _read(text).finding_ids


@pytest.mark.parametrize("text", AD)
def test_an_unconfirmed_line_in_an_ad_about_a_product_is_not(text):
    assert "call_unconfirmed_service_line" not in _read(text).finding_ids


# A 953, 955 or 956 line reaches the enterprise the ministry allots it to, whoever wrote the SMS
# (reference.toml allotted_service_lines): an airline's, a courier's or an insurer's own line in its
# notice is no unconfirmed line; 950, 951, 952, 954 and 957 numbers are anyone's to rent, like 400.
ALLOTTED = [
    "【中国国航】您购买的CA1501航班因航空管制取消，可在国航App或原购票渠道免费退改，如需帮助请致电95583。",
    "【南方航空】您的CZ3101航班起飞时间调整为15:30，如需改签退票，请通过南航App办理或拨打95539。",
    "【顺丰速运】您的快件因破损已登记理赔，理赔款将在3个工作日内原路退回，如有疑问请致电95338。",
    "【某银行】您的信用卡将于今日扣除年费680元，如有疑问请致电955123。",
]
RENTED = [
    "【某银行】您的信用卡将于今日扣除年费680元，如需取消请致电95012。",
    "您的会员将于明日自动续费298元，如需取消请拨打95712。",
    "航班取消 改签请拨打95123",
]


@pytest.mark.parametrize("text", ALLOTTED)
def test_an_allotted_95_line_is_no_unconfirmed_line(text):
    assert "call_unconfirmed_service_line" not in _read(text).finding_ids


@pytest.mark.parametrize("text", RENTED)
def test_a_rented_95_line_in_a_notice_about_the_readers_money_is_flagged(text):
    assert "call_unconfirmed_service_line" in _read(text).finding_ids


# A call back asked about money at stake, in a message that gives no number: the sender's own
# number is the channel ("会员…自动扣费，取消请回电").
CALL_BACK = [
    "张伟，您的会员今晚到期将自动扣费5000元，取消请回电",
    "您好，您的银行卡开通了境外消费服务，年费2000元今晚从卡内划扣，不需要的话请尽快回电。",
    "您的信用卡即将被冻结，请您回电处理。",
    # traditional characters: the request is found where the normalised text has it
    "您的會員今晚到期將自動扣費5000元，取消請回電",
]
NO_CALL_BACK = [
    # a noun, an option among others, no money at stake
    "【拼多多】您好，您申请的客服回电：关于您反馈的退款问题，请在App“消息”中查看客服回复。",
    "【中国人寿】代理人孙先生提醒您：您家孩子的学平险下月到期，续保可到营业厅或回电，不续不扣费。",
    "妈，我到家了，有空回电",
    "周末聚会改到周六了，收到请回电",
]


@pytest.mark.parametrize("text", CALL_BACK)
def test_a_call_back_about_money_with_no_number_is_the_senders_channel(text):
    reading = _read(text)
    assert "contact_through_private_channel" in reading.finding_ids
    assert check(text).verdict != "low_risk"


@pytest.mark.parametrize("text", NO_CALL_BACK)
def test_a_call_back_that_is_no_request_about_money_is_not(text):
    assert "contact_through_private_channel" not in _read(text).finding_ids


def test_a_firms_own_account_is_not_blocked_by_a_code_it_denies_using():
    denied = "【优学教育】春季班学费请在前台刷卡或转入本机构对公账户并签订培训协议，任何老师都不会用个人收款码收费。"
    asked = "【优学教育】春季班学费请转入本机构对公账户并签订培训协议，或扫老师的收款码付款。"
    assert "pay_through_unofficial_channel" not in _read(denied).finding_ids
    assert "pay_through_unofficial_channel" in _read(asked).finding_ids


# A fee denied with whom in between ("不向顾客收取", claims.toml negation.governing) is no demand; a
# demand after it, or past a fresh imperative, still is.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ('【康宁大药房】本店不向顾客收取任何"医保激活费"，医保卡只在收银台刷卡使用，请勿相信冒充药房的电话。退订回T', False),
        ("【顺心物业】物业人员不向业主收取任何押金，物业费请在物业App缴纳。", False),
        ("本所不向您收取律师费，请将欠款转入指定账户6222021234567890123。", True),
        ("我们不向你收取任何费用，先交500元保证金即可放款，加微信abc12345", True),
    ],
)
def test_a_fee_denied_to_whom_is_no_demand(text, flagged):
    assert (check(text).verdict != "low_risk") is flagged


# Genuine look-alikes of the people9 scripts: relatives, colleagues and services that ask for nothing
# through a channel of their own, or only through the one the reader already uses.
PEOPLE9_GENUINE = [
    "我加你微信了，通过一下，周末聚会的照片发你。",
    "姐，我是你弟，我换号了，之前那个号不用了，这个是新的，妈让我跟你说周末回家吃饭。",
    "妈，这个月生活费能早两天给我吗，还是转我工行那张卡就行，晚上视频。",
    "小王，明天上午十点来我办公室一趟，把上个月的项目总结带上。",
    "你好，我是孩子的班主任，请家长加一下我的私人微信，方便单独沟通孩子的情况。",
    "【某平台】您的连续包月会员将于明日自动续费15元，如需取消，请在App“我的-设置-自动续费管理”中关闭。",
    "您好，这里是客服回访，您的退款已经原路退回，我们不会向您索要验证码，也不会让您共享屏幕。",
    "猜猜我是谁？我是王晓峰啊，老同学！刚回国，周末一起吃饭。",
    "还记得我吗？我是你初中同学王晓峰，下周六同学聚会你来吗？",
    "叔叔好，我是你侄女婷婷，我手机摔坏了，这两天用同学的手机，周末回家看你。",
]


@pytest.mark.parametrize("text", PEOPLE9_GENUINE)
def test_people9_genuine_look_alikes_stay_low(text):
    assert check(text).verdict == "low_risk"


# cs10 (issue 9): the "customer service" and loan call scripts. A payment asked in the bank's own
# app is still unofficial where the account is the caller's (its finance desk, one the caller gives);
# a screen shared "一下", a meeting app named by product; a charge said as 扣钱 / 每月扣 is money at
# stake. Each with a genuine look-alike that stays low.
CS10_SCRIPTS = [
    ("您打开手机银行 转一笔一块钱的测试款到我们财务账户 验证通过补偿就到账", "pay_through_unofficial_channel"),
    ("您打开银行的App 点一下转账 我这边给您一个退款通道的账号 您转零点零一元做验证", "pay_through_unofficial_channel"),
    ("买家的钱已经到平台了 钱提不出来 你共享一下屏幕 我帮你把提现弄好", "screen_share_requested"),
    ("你好你的快递丢了要赔钱你下一个小鱼易连我们开个会给你赔", "contact_through_private_channel"),
    ("会员到期啦 每月扣880 不想被扣 加Q226542774找客服关闭哦", "contact_through_private_channel"),
    ("百万保障 要扣钱了 我帮你关 加我fwkys9247", "contact_through_private_channel"),
]
CS10_GENUINE = [
    "【某公司】本月工资已由财务账户发放至您的工资卡，请查收。",
    "您好，补偿款会从我们财务账户转到您本人的银行卡上，一到三个工作日到账，不需要您做任何操作。",
    "下午开会你把方案共享一下，大家一起看。",
    "下个月的培训用飞书开，会议链接周五发群里。",
    "妈，你那个会员每月扣钱的，我周末回家帮你在App里关掉。",
    "【某平台】您的退款已原路退回，我们不会让您转账到任何账户，也不会让您共享屏幕。",
    "客服：您的借款因为卡号有误没有放款\n我：要交钱吗\n客服：不用交任何钱，在App里换绑本人的卡就会重新放款",
]


@pytest.mark.parametrize(("text", "finding"), CS10_SCRIPTS)
def test_cs10_scripts_are_judged(text, finding):
    result = check(text)
    assert finding in {f.id for f in result.red_flags}
    assert result.verdict != "low_risk"


@pytest.mark.parametrize("text", CS10_GENUINE)
def test_cs10_genuine_look_alikes_stay_low(text):
    assert check(text).verdict == "low_risk"


# people10: who speaks in a long call, chat log or retelling - said with no 是 on a call, a chat label
# that calls the contact new, a caller retold by whoever took the call - and its look-alikes.
PEOPLE10_CLAIMED = [
    ("喂 思远啊 我唐总 嗯 你在办公室没有", "boss"),
    ("喂喂 听得见吗 我你们孙校长 嗯 信号不好", "boss"),
    ("王总（新微信）：在吗\n我：在的王总", "boss"),
    ("我爸接到一个电话，说是乡里的陆书记，号码不是平时那个。", "boss"),
    ("今天一个QQ加我，备注是我们张主任。", "boss"),
    ("喂 妈 是我啊 嗯 我换了个号 原来那个卡坏了", "relative"),
    ("我老婆接了个电话，开口就叫嫂子，说他是我弟，换了个号。", "relative"),
    ("我婆婆接了一个“我老公”的电话，说换了个号码。", "relative"),
    ("儿子（新微信）：妈 你在干嘛\n妈：在做饭", "friend"),
    ("哥 我是小刘 原来那个号被封了 你存一下这个号", "friend"),
    ("毛老师（新）：各位家长晚上好", "teacher"),
    ("昨天一个微信加我，说是孩子的数学老师徐老师。", "teacher"),
    ("喂 小王啊 我房东啊 嗯 换号了", "landlord"),
    ("房东（新号）：这个季度的房租该交了", "landlord"),
    ("今天有个人打电话，说是我房东的老婆。", "landlord"),
    # round 39: the reader hailed by the bond, then the writer named
    ("老战友，我是三连的小何啊，这么多年没见了。", "friend"),
    ("战友：老班长，我是当年炊事班的大刘！", "friend"),
    ("各位家长好，我是校篮球队教练，下周集训。", "teacher"),
    ("张教练：明天训练改到下午三点。", "teacher"),
    ("我是这个房子的二房东，房东出国了。", "landlord"),
    # round 41: a call opened by a name with no 是, a teacher said the same way, a factory's 厂长
    ("喂，赵哥，我孙丽。有个事想麻烦你。", "friend"),
    ("老刘，我战友老郑，还记得吧？", "friend"),
    ("喂，是丁一然妈妈吗？我许老师啊。", "teacher"),
    ("您好，我是他们二年级一班的语文老师，姓马。", "teacher"),
    ("喂，小吴，是我，你们石厂长。", "boss"),
]
PEOPLE10_NOT_CLAIMED = [
    ("跟我王总说一声，明天的会改到下午。", "boss"),
    ("我们班主任说明天交作业。", "boss"),
    ("群主说是孩子的班主任发的通知。", "boss"),
    ("我出局了，哈哈，下把再来。", "boss"),
    ("原来的卡号没变，房租照旧。", "friend"),
    ("姐 我加你微信了 通过一下 以前的号登不上了", "friend"),
    ("我战友说他是我们县的，下周一起吃饭。", "friend"),
    ("班长，我是今天值日吗？", "friend"),
]


@pytest.mark.parametrize(("text", "person"), PEOPLE10_CLAIMED)
def test_people10_who_speaks_is_read(text, person):
    assert person in {c.id for c in _read(text).claims if c.kind == "person"}


@pytest.mark.parametrize(("text", "person"), PEOPLE10_NOT_CLAIMED)
def test_people10_look_alikes_claim_no_one(text, person):
    assert person not in {c.id for c in _read(text).claims if c.kind == "person"}


# What is asked late in the call: an advance for the sender, the account he will send, a sum to pay
# first, a relative's card; a denial that ends at a spoken 了 does not reach the next sentence.
PEOPLE10_ASKED = [
    ("你先用你的卡帮我垫上 回来我签报销", "advance_for_me"),
    ("我这边网银用不了，你先帮我转，明天一早还你。", "advance_for_me"),
    ("对方的户名账号我让财务小徐一会儿短信发你 到了你直接转", "account_to_follow"),
    ("你转给我同学 他那个卡号我一会儿发给你", "account_to_follow"),
    ("他一直叫我先转2000元表示态度", "pay_amount_first"),
    ("说她的卡被学校查，让我先交钱报名，转到她爱人的卡上", "into_my_account"),
    ("喂 小郝啊 我是你房东 那个 下个月房租你别转老账户了 转到我儿子那张卡上 我一会儿短信发你", "into_my_account"),
]
PEOPLE10_NOT_ASKED = [
    "上次你帮我垫的那个修车钱，我工资发了晚上还你。",
    "我先帮你垫上了，你不用管。",
    "我先转2000给你，剩下的下个月。",
    "你让他别慌，先打12368问问。",
    "下个月的房租还是按原来的方式转到您自己的卡上，到时候我截图给您。",
    "上次你借我的那一千不着急，下个月再说。",
    "你别转了 就这样吧",
]


@pytest.mark.parametrize(("text", "pattern"), PEOPLE10_ASKED)
def test_people10_late_requests_are_read(text, pattern):
    assert ("pay", pattern) in {(r.kind, r.pattern) for r in _read(text).requests}


# The patterns people10 added or narrowed ("我先转2000给你" is transfer_amount's, as before).
PEOPLE10_PAY = {"advance_for_me", "account_to_follow", "pay_amount_first", "into_my_account", "borrow", "transfer_to"}


@pytest.mark.parametrize("text", PEOPLE10_NOT_ASKED)
def test_people10_look_alikes_ask_no_payment(text):
    assert not {r.pattern for r in _read(text).requests if r.kind == "pay"} & PEOPLE10_PAY


# The reader's own way in said to be down or passed by is no way in: the payment goes to the sender.
# Named as the way to pay, and requests through anything else disowned, it stays the reader's own.
def test_people10_a_school_platform_said_to_be_down_vouches_for_nothing():
    reading = _read("喂你好 我是史老师 这学期的课后服务费500元 学校那个缴费系统坏了 你先转给我 我帮你交")
    assert "pay_through_unofficial_channel" in reading.finding_ids
    reading = _read("王老师：各位家长，这次不走学校平台了，平台在维护，大家直接转给我。")
    assert "pay_through_unofficial_channel" in reading.finding_ids


PEOPLE10_GENUINE = [
    "王老师：各位家长晚上好，本学期的教辅资料费200元，请通过学校统一缴费平台缴纳，班级不收任何现金和转账\n"
    "王老师：如果群里有人发收款码或者私聊让转账，都不是我，请直接打我电话核实",
    "喂 舅舅 是我 嗯 我换号了 原来那个号码在国外用不了 这周回去看外婆 啊 钱不用 我都准备好了 你什么都别买",
    "喂 老王 我是你张哥 嗯 我换号了 上次你借我的两千 不着急啊 就转我原来那个卡 也不用转 回家给我现金也行",
    "汤阿姨，我是玉兰，我换了号，这个是新号。下个月的房租还是按原来的方式转到您自己的卡上，到时候我截图给您。",
    "我爸今天收到一条短信，说是我发的，说换号了要他转钱，我爸没理，直接给我打电话，我说不是我。",
    "近期有财务人员被“老板”骗走货款：然后“老板”说自己在开会、不方便接电话，有一笔合作款今天必须付，"
    "让财务马上转到对方账户，还叮嘱不要声张。请各位牢记：一律先打老板原来的电话核实。",
]


@pytest.mark.parametrize("text", PEOPLE10_GENUINE)
def test_people10_genuine_look_alikes_stay_low(text):
    assert check(text).verdict == "low_risk"


# ads10: genuine ads and ordinary messages raised to high_risk, and the scams hidden in ads that hold
# the fixes to the other side.
# A seller's terms, paid once the goods or the service have come (claims.toml negation.paid_after), are
# no request to pay now; a demand to pay first, before or after such terms, still is.
PAID_AFTER = [
    "代写文案 代做PPT 简历制作 当天交付 满意再付款 QQ177856485",
    "装修 刷墙 防水补漏 老房翻新 免费上门报价 完工验收后再付款 王师傅13812345678",
    "老板您好 我们是做企业贷款的 前期一分钱不收 放款后按合同付服务费 需要的话可以加我微信luohao2437",
    "全包装修 先装修后付款 可分期 工地参观请联系钱设计师13912345678",
    # fp20: a service charge with its own terms straight after it, the spaces between clauses gone
    # ("窗口交 服务费办完再付" reads "交服务费办完再付").
    "车辆年审代办 我们只管接送车 检测费在检测站窗口交 服务费办完再付 电话13145329403",
    "驾照换证代办 体检费在医院窗口交 代办费办好后再付 联系王师傅13912345678",
]
PAID_FIRST = [
    "满意再付款 定金先转到我个人卡6222021234567890123",
    "【安信普惠】正规持牌放款，审核通过后需先交500元保证金至财务张三个人账户6222021234567890123，放款时一并退还。",
    "包下卡 下卡后再付尾款 先付480元资料费 加Vmayz1990",
    # fp20: the charge paid first, or only the rest paid after, or a deposit before the payout.
    "车辆年审代办 先交服务费 办完再付尾款 加微信nianshen88",
    "车辆年审代办 交服务费 办完再付尾款 加微信nianshen88",
    "贷款代办 交保证金 下款后再付尾款 联系13812345678",
]


@pytest.mark.parametrize("text", PAID_AFTER)
def test_payment_after_the_service_is_no_request(text):
    reading = _read(text)
    assert "pay" not in {r.kind for r in reading.requests}
    assert reading.floor != "high_risk"
    assert check(text).verdict != "high_risk"


@pytest.mark.parametrize("text", PAID_FIRST)
def test_payment_asked_first_is_still_a_request(text):
    assert "pay" in {r.kind for r in _read(text).requests}
    assert check(text).verdict == "high_risk"


# personal14: a payment the writer tells as made (claims.toml negation.paid_by_writer, paid_done) asks
# nobody to pay; the same verbs asked of the reader, or told of the writer by someone he obeys or quotes,
# still do (fake_relative, fake_landlord, fake_teacher of fraud_taxonomy.md A.1 rows 29-31).
PAID_BY_WRITER = [
    "老师，孩子的资料费我扫了您发在群里的收款码，交了35块",
    "王姐，物业费我已经扫码付款了，麻烦看一下",
    "师傅，工钱我转到你那张农行卡上了，6228481234567890123，你查一下",
    "我把钱打到你卡上了，6217001234567890123，你看到没",
    "哥，房租我刚转给房东的卡了，你那份回头给我",
    # 给你 / 给您 after the verb: the writer calls or pays the reader (claims.toml pay_verb).
    "妈，我手机没电了，用同学手机给你发的，晚上到家再打给你",
    "这个月手头紧，房租下周再转给您，不好意思",
]
PAID_BY_READER = [
    "爸，我换号了，急用钱，你把钱转到这张卡上6222021234567890123，户名张伟",
    "各位家长，春游费每人120，扫我发在群里的收款码交一下，收齐我统一交学校",
    "房租这个月转我爱人卡上，6222021234567890123，还是老样子",
    "对方说我转到安全账户就没事了，你也把钱转到安全账户6222021234567890123",
    "我已经帮你垫了一半，剩下的你转到我朋友卡上6222021234567890123，他急用",
    "让我转到他的卡上了，你也转一下，卡号6222021234567890123",
    "妈，我手机没电了，用同学手机给你发的，你先打给我同学5000，他卡号6222021234567890123",
    "爸 我换号了 急用钱 你先转给我 晚点还你",
]


@pytest.mark.parametrize("text", PAID_BY_WRITER)
def test_a_payment_the_writer_made_is_no_request(text):
    assert "pay" not in {r.kind for r in _read(text).requests}
    assert check(text).verdict != "high_risk"


@pytest.mark.parametrize("text", PAID_BY_READER)
def test_a_payment_asked_of_the_reader_is_still_a_request(text):
    assert "pay" in {r.kind for r in _read(text).requests}
    assert check(text).verdict == "high_risk"


# fp19 (issue 9): a deposit its clause says a hospital, a school or a stay holds (claims.toml
# negation.held_deposit) is that body's own charge, no fee the sender demands: a relative asking to share
# a hospital deposit, a hospital's or a hotel's own notice stay below high_risk. Where the money is to go
# is still judged: the same deposit into a card, the sender's new WeChat or pocket, or with a 保证金, or
# a deposit no such body holds, before a payout, stays high_risk (fraud_taxonomy.md A.1 rows 29-31).
HELD_DEPOSIT = [
    "姐，爸明天做手术，医院让先交2万押金，你那边能转我1万吗",
    "老公，儿子住院要交3000押金，我卡里不够，你转我一下",
    "朋友们，老张住院了，医院要交押金，大家有心意的可以转给他老婆",
    "老婆，幼儿园让交1000押金，我已经交了",
    "儿子，学校要交住宿押金500，你自己去宿管那交，钱我转你微信了",
    "【某医院】您的住院预交金余额不足500元，请及时到住院处缴纳押金。",
    "【某酒店】您预订的房间已确认，入住时请到前台交押金500元，离店时退还。",
    "【某租车】取车时需交押金3000元，可刷信用卡预授权，还车后解冻。",
    "【某幼儿园】新生入园须交纳800元押金，请到园务办公室现场交纳，退园时凭收据退还。",
    # fp20: paid in person at the venue's own counter (到店, 门店, 前台): a class's or a gym's own deposit.
    "少儿游泳暑期班 每期12节980元 含储物柜押金 到店扫码支付 结课押金退还 地址体育中心东门",
    "【悦动健身】私教课买十送二 手环押金50元前台收取 退卡时返还 预约电话0371-65432109 退订回T",
    "共享电动车到店租 押金200元门店现场交 还车即退",
]
DEPOSIT_STILL_HIGH = [
    "妈，我换号了，这是我新号。爸住院要交2万押金，急用，你转到这张卡6222021234567890123",
    "我是你表哥，换微信了，医院让先交押金，你先转我1万",
    "家长您好，我是孩子的班主任，学校让交住宿押金800元，加我微信wxid_abc123转给我",
    "您孩子在学校受伤住院，马上交手术押金3万，转账到指定账户",
    "医院让先交保证金2万，账户我一会儿发你",
    "您的贷款已审批，需先交3000元押金才能放款",
    # fp20: money before one comes to the venue, or the venue's deposit into a private WeChat or card.
    "游泳班招生 到店前请先交押金300元 课程结束退还",
    "游泳班招生 每期980元 请先把储物柜押金300元转到教练个人微信wxid_swim2024 结课退还",
    "健身卡特惠 押金到店交 也可以先转到我个人卡6222021234567890123 开卡后退还",
]


@pytest.mark.parametrize("text", HELD_DEPOSIT)
def test_a_deposit_a_hospital_or_a_stay_holds_is_no_fee_demanded(text):
    reading = _read(text)
    assert not [r for r in reading.requests if r.pattern in ("fee", "fee_kind")]
    assert "fee_demanded" not in {f.id for f in reading.findings}
    result = check(text)
    assert "debtor_fee_demand" not in {f.id for f in result.flags}
    assert result.verdict != "high_risk"


@pytest.mark.parametrize("text", DEPOSIT_STILL_HIGH)
def test_a_deposit_paid_through_an_unknown_channel_stays_high(text):
    assert check(text).verdict == "high_risk"


# fp20 (issue 9): a price term an advert offers (claims.toml stakes.offered_term: a deposit refundable or
# growing, a top-up with a bonus) puts none of the reader's money at stake, so the shop's WeChat or its
# agent's mobile given for booking is how ordinary shops advertise. The same offer that asks for the deposit or a fee first into a private WeChat or card, or for a card number and a code
# through a link, or a refund through a chat account, stays high_risk (fraud_taxonomy.md A.1 rows 9, 39).
OFFERED_TERMS = [
    "婚纱摄影 旅拍三亚 套餐5980元起 定金可退 加微信wp-studio88看样片 退订回T",
    "【速通宽带】年底优惠 续费一年送三个月 充值送话费 到期用户请联系小区代理13912345678 退订回T",
    "双十一预售开始 定金膨胀 前500名下单送赠品 m.tb.cn/h.5X2kq 【某品牌旗舰店】退订回T",
    # Paid in person at the shop's own till or office, or on collecting the goods.
    "【悦享烘焙】生日蛋糕需提前一天预订，也可加店长微信bake_yx2024看款式，取蛋糕时付款。拒收请回复R",
    "婚宴场地看厅 本月签约送婚车一辆 定金签合同时在酒店财务室交 或者加婚礼顾问微信wed_gw2024",
    "插花体验课 材料含在课费里 报名加微信flower_cl88 到店现场付款",
]
OFFERED_TERMS_STILL_HIGH = [
    "婚纱摄影 套餐5980元起 定金可退 先付定金1000元到微信wp-studio88锁定档期",
    "急招骑手 押金可退 入职前需先交500元服装费和保证金 加微信rider_tj2024",
    "充值送话费 您的话费积分即将清零 点击 x9kq.top 输入银行卡号和验证码兑换",
    "定金膨胀 大额信用卡 包下卡 先交800元开卡费 加微信card_vip88",
    "定金可退 您的订单异常 请加客服微信kf20888办理退款",
    "插花体验课 每人300元 名额紧张 到店前请先把定金100元转到我个人卡6222021234567890123 占名额",
    "周末亲子烘焙课 现场付款 报名需先交200元定金到老师个人微信wxid_bake2024",
    "【悦享烘焙】生日蛋糕预订 取蛋糕时付款 预订需先付定金100元到店长个人支付宝13812345678",
]


@pytest.mark.parametrize("text", OFFERED_TERMS)
def test_an_adverts_offered_terms_put_no_money_at_stake(text):
    assert "contact_through_private_channel" not in {f.id for f in _read(text).findings}
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("text", OFFERED_TERMS_STILL_HIGH)
def test_an_offer_that_asks_money_or_a_code_first_stays_high(text):
    assert check(text).verdict == "high_risk"


# fp19: the payee's account promised for later, in private ("账户我一会儿发你", "我把账号发您"), is a way
# to pay only the sender can name (claims.toml account_to_follow), whoever he claims to be; an account
# already sent, or named by the contract, asks for nothing new.
ACCOUNT_PROMISED = [
    "喂 我是你儿子的同学 他在医院 医生说要先交押金 你先转给医院 医院的账户我一会儿发你",
    "请您尽快把剩下的钱转到主治医生的账户，我把账号发您。",
    "我在开会，你帮我给合作方转38000过去，账号我发你，转完截图给我",
]
ACCOUNT_NOT_PROMISED = [
    "我把账户发你了，你核对一下",
    "收款账户以合同为准，合同我稍后发你",
]


@pytest.mark.parametrize("text", ACCOUNT_PROMISED)
def test_an_account_promised_in_private_is_an_unofficial_way_to_pay(text):
    assert "pay_through_unofficial_channel" in {f.id for f in _read(text).findings}
    assert check(text).verdict == "high_risk"


@pytest.mark.parametrize("text", ACCOUNT_NOT_PROMISED)
def test_an_account_sent_or_named_by_contract_is_no_promise(text):
    assert "pay_through_unofficial_channel" not in {f.id for f in _read(text).findings}
    assert check(text).verdict == "low_risk"


# fp19: a sum the sender wants now into his own pocket ("先转我1万") is money asked through the sender.
SUM_TO_THE_SENDER = ["我换号了，急用钱，先转我两千。", "宝宝，我在你们城市出差，钱包丢了，能先转我500元吃饭吗"]
SUM_FROM_THE_WRITER = ["我先转我妈2000，剩下的明天给你", "生活费我先转你2000，省着点花"]


@pytest.mark.parametrize("text", SUM_TO_THE_SENDER)
def test_a_sum_into_the_senders_pocket_is_asked(text):
    assert "to_the_sender" in {r.pattern for r in _read(text).requests}
    assert check(text).verdict == "high_risk"


@pytest.mark.parametrize("text", SUM_FROM_THE_WRITER)
def test_a_sum_the_writer_pays_is_not_asked_of_the_reader(text):
    assert "to_the_sender" not in {r.pattern for r in _read(text).requests}
    assert check(text).verdict == "low_risk"


# personal14: in a story told as a warning, someone who added the writer ("有人加我微信说是我表哥") is a
# deed told, not a request (claims._reported: the narrator runs into the request's verb); "加我微信" asked
# of the reader still is, and so is a victim's story that tells no refusal (the reader who pastes it).
ADDED_THE_WRITER = [
    "今天差点被骗，有人加我微信说是我表哥，说换号了让我先转钱给他朋友，我直接打了表哥原来的电话，根本没这事",
    "提个醒，昨天有人加我好友说是我同学，开口就借钱，我打了同学原来的电话，根本没这回事，是骗子",
]
ADD_ME_ASKED = [
    "我是你表哥，有人加你微信别理，你加我微信wxid_abc123，有急事。",
    "爸 我换号了 加我微信 有急事",
    "我是一个宝妈，想找兼职。有人加我微信说点赞就能赚钱，后来让我垫付任务，现在要再充钱才能提现",
]


@pytest.mark.parametrize("text", ADDED_THE_WRITER)
def test_someone_who_added_the_writer_is_no_request(text):
    assert "chat" not in {r.kind for r in _read(text).requests}
    assert "chat_app_contact" not in {f.id for f in check(text).red_flags}


@pytest.mark.parametrize("text", ADD_ME_ASKED)
def test_add_me_asked_of_the_reader_is_still_a_request(text):
    assert "chat" in {r.kind for r in _read(text).requests}
    assert "chat_app_contact" in {f.id for f in check(text).red_flags}


# personal14: an advert's own app, named by its 【…】 signature, is the advert's own terms, not a channel
# of somebody else's; the same shape with a loan's limit, a frozen account or a prize keeps its app
# unknown (the fake lender's own app is its bait: fraud_taxonomy.md A.1 row 22).
OWN_BRAND_APP = [
    "【如家酒店】会员日住二送一 积分可当钱花 下载如家App预订 客服4001-123-794 退订回T",
    "【小米之家】周末门店有新品体验活动，现场下载小米商城App注册会员即可领取体验礼一份。回T退订",
]
BRAND_APP_BAIT = [
    "【安心金融】您的额度已提升至5万，请下载安心金融App提现，逾期作废",
    "【安心金融】您的借款额度已冻结，请下载安心金融App缴纳解冻金",
    "【优选商城】恭喜您获得双十一返利红包888元，请下载优选商城App领取，今日有效",
]


@pytest.mark.parametrize("text", OWN_BRAND_APP)
def test_an_adverts_own_app_is_not_a_private_channel(text):
    assert not any(c.kind == "app" and c.status == "unknown" for c in _read(text).channels)
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("text", BRAND_APP_BAIT)
def test_a_brand_app_with_a_loan_or_a_prize_stays_unknown(text):
    assert any(c.kind == "app" and c.status == "unknown" for c in _read(text).channels)
    assert check(text).verdict != "low_risk"


# Review of personal14's `_own_brand_app` (the brand is the signature's first two characters): a fake
# platform's own app is still its bait where the message makes another scam's hook its offer (returns on
# an investment, paid clicking work, a frozen account, a top-up rebate: fraud_taxonomy.md A.1), whether or
# not the app channel itself stays unknown; the hook's own rule speaks.
BRAND_APP_OTHER_HOOKS = [
    "【恒信投资】恭喜您获得内部名额，下载恒信App跟单，导师带你日收益30%，名额有限。",
    "【星光兼职】在家动动手指日赚300，下载星光App接单，当天结算。",
    "【安心钱包】您的账户存在异常，请下载安心钱包App完成身份核验，否则将冻结。",
    "【快乐游戏】充值返利活动开启，下载快乐App充值1000返2000。",
]


@pytest.mark.parametrize("text", BRAND_APP_OTHER_HOOKS)
def test_a_brand_app_that_carries_another_scams_hook_is_flagged(text):
    assert check(text).red_flags
    assert check(text).verdict != "low_risk"


# personal14: a call received, then what the caller said after a comma ("接到个电话，对方说是我"), is a
# message passed on (claims.toml negation.received) in a story told as a warning; a victim's story still
# going on ("钱在我卡上，还没转给他", "我要不要转") keeps the caller's requests as the reader's own.
CALL_RETOLD = [
    "我妈今天接到个电话，对方说是我，说手机坏了用同学的，让她往一个卡上打钱交资料费。我妈多了个心眼，挂了直接打我原来的号码，我正在上班呢。",
]
CALL_PENDING = [
    "中午接到个电话，对方说是支付宝的，说我的借呗利率超标要关掉，不然影响征信。他让我把额度借出来，转到他给的账户里清零。我现在借呗已经借出来了，钱在我卡上，还没转给他",
    "我接到个电话，对方说是我儿子，手机坏了，让我转5000到他同学卡上6222021234567890123，我要不要转",
]


@pytest.mark.parametrize("text", CALL_RETOLD)
def test_a_call_retold_as_a_warning_asks_nothing(text):
    assert names_scammer(text)
    assert "pay" not in {r.kind for r in _read(text).requests}
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("text", CALL_PENDING)
def test_a_call_still_going_on_keeps_its_requests(text):
    assert check(text).verdict == "high_risk"


# personal14: a call to verify that names nobody to call ("一定要打电话核实") is the reader's own check, no
# request through a channel of the message; with a number given, the call binds to it as before.
CALL_TO_VERIFY = [
    "那个假老板后来就把我删了。大家也注意，这种的一定要打电话核实。",
    "有人说是你表哥要借钱，你先打电话问问本人，别直接转",
]
CALL_A_NUMBER = [
    ("我是你们王总，这是我新号，有急事，你打电话确认一下 13812345678", "unofficial"),
    ("您的账户存在异常，请速打电话核实，客服专线13812345678", "unofficial"),
]


@pytest.mark.parametrize("text", CALL_TO_VERIFY)
def test_a_call_to_verify_with_no_number_is_no_request(text):
    assert "call" not in {r.kind for r in _read(text).requests}


@pytest.mark.parametrize(("text", "through"), CALL_A_NUMBER)
def test_a_call_to_verify_a_given_number_is_still_bound_to_it(text, through):
    assert through in {r.through for r in _read(text).requests if r.kind == "call"}
    assert check(text).verdict != "low_risk"


# personal14: 请 inside 申请 / 邀请 is no fresh imperative (negation.fresh_imperative), so the caller's words
# a story told as a warning retells stay his ("他说…可以帮我申请“诉前和解”，只要今晚先交…"); a demand
# after a warning line is still a demand.
APPLIED_RETOLD = [
    "昨天接到一个电话，给大家提个醒。然后他说看我态度好，可以帮我申请“诉前和解”，只要今晚先交两千块“和解备案费”到他给的账户。我直接挂了，后来打110问，民警说这就是冒充律师的诈骗。",
]
APPLIED_DEMANDED = [
    "谨防诈骗，申请贷款需先交保证金3000元到账户6222021234567890123",
    "切勿轻信他人，您申请的贷款已通过，请先交500元解冻费到6222021234567890123",
]


@pytest.mark.parametrize("text", APPLIED_RETOLD)
def test_shenqing_is_no_fresh_imperative_in_a_retold_story(text):
    assert "pay" not in {r.kind for r in _read(text).requests}
    assert check(text).verdict == "low_risk"


# Round 26: 速 orders only as a verb's adverb ("速回电"), not inside a word or a name ("顺和速运", "高速", "快速"):
# the sender's name in its tag was read as an order before the channel of a case it reports.
@pytest.mark.parametrize(
    ("text", "fresh"),
    [
        ("逾期未还，速回电", True),
        ("欠款逾期，速到柜台办理", True),
        ("【顺和速运】防骗提示", False),
        ("【高速ETC】提醒", False),
        ("快速到账", False),
        ("速度很快", False),
    ],
)
def test_su_orders_only_before_a_verb(text, fresh):
    assert governed_fresh(text) is fresh


@pytest.mark.parametrize("text", APPLIED_DEMANDED)
def test_a_demand_after_shenqing_is_still_a_demand(text):
    assert "pay" in {r.kind for r in _read(text).requests}
    assert check(text).verdict == "high_risk"


def test_a_fee_paid_after_the_service_is_listed_as_suppressed():
    text = "老板您好 我们是做企业贷款的 前期一分钱不收 放款后按合同付服务费 需要的话可以加我微信luohao2437"
    assert ("debtor_fee_demand", "paid_after_service") in {(s.rule, s.filter) for s in check(text).suppressed}


# "不收押金" denies a fee; a condition denied before it ("无收益不收费", "办不成不收费") makes a promise that lures,
# no denial. In a paste without punctuation a cue reaches its own group of words and the next, not every
# request after it.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("招聘司机 C1驾照 月薪8000 包住 公司给交社保 不收押金 哈尔滨顺通物流 梁经理17371355698", False),
        ("代办大额信用卡 无需征信 黑户也能下卡 额度5万起 包下卡 先付480元资料费 加Vmayz1990", True),
        ("急用钱的朋友看过来 代办信用卡 三天下卡 无需任何资料 只需预付480元开卡费 转账到6212892659184516051 名额有限", True),
        ("本店不收押金，押金请转到店长个人卡6222021234567890123", True),
    ],
)
def test_a_denied_fee_reaches_its_own_words_only(text, asked):
    assert ("pay" in {r.kind for r in _read(text).requests}) is asked


def test_a_denied_condition_before_no_fee_is_no_denial():
    text = "尊敬的投资者 您持有的股票被套了吗 专业团队帮您解套 无收益不收费 联系13731608986"
    assert check(text).verdict != "low_risk"


# Ways to pay and to hand over data that the ads hide: a staff member's own account, a transfer named
# after the account, the data named before the verb of sending it.
@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("南京五星酒店特价房 原价1800现价798 今日截止 预订需先转798元定金到经理方洁的支付宝 名额有限", "pay_through_unofficial_channel"),
        ("【工商银行】融e借额度147500元已为您预留，需先向客户经理汪娜的个人账户6230139000581852101转入1500元激活费，激活后当天放款。", "pay_through_unofficial_channel"),
        ("【邮储银行】恭喜您获得积分奖励831.15元，请将您的银行卡号、有效期和短信验证码回复至本号码，24小时内到账。", "credentials_requested"),
        ("爷爷，我的微信被封了，帮我买两张445元的充值卡，把卡号密码发到这个号，急用。", "credentials_requested"),
    ],
)
def test_ads10_scams_are_judged(text, finding):
    assert finding in _read(text).finding_ids
    assert check(text).verdict == "high_risk"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我把新卡号发给你，你存一下，以后房租还是转我老卡。", "credentials"),
        ("工资已向您的账户转入，请注意查收。", "pay"),
        ("公司已向各位员工的工资卡转入本月工资。", "pay"),
        ("手机以旧换新 旧手机抵现最高1500 新机分期0首付0利息 店长贾17115896998", "pay"),
    ],
)
def test_ads10_look_alikes_are_not_requests(text, kind):
    assert kind not in {r.kind for r in _read(text).requests}


# A greeting is no owner ("老板您好 我们是做企业贷款的"); a sum waiting for the reader is the reader's.
def test_a_greeting_is_no_notice_and_a_pending_sum_is_one():
    assert not _read("老板您好 我们是做企业贷款的 税贷 发票贷 最快三天放款").notice
    assert _read("尊敬的用户，您信用良好，有80000元贷款额度待领取，请下载App申请。").notice


# "医保可用" at a clinic names the card it takes, no claim to be the 医保 office; the reader's own card
# spoken of ("您的医保卡可用余额") is still the one concerned.
def test_a_card_taken_at_the_counter_is_no_claim():
    assert "channel_mismatch" not in _read("合肥仁和中医馆 三伏贴开贴啦 医保可用 预约电话025-70163127").finding_ids
    assert "medical_insurance" in {c.id for c in _read("您的医保卡可用余额不足，请致电400-820-1234充值。").claims}


# A message passed on ("我刚收到一个贷款广告 说加微信就给额度 我没理") reports what it said.
def test_an_ad_passed_on_as_a_warning_stays_low():
    assert check("我刚收到一个贷款广告 说加微信就给额度 我没理 你也别信这种").verdict == "low_risk"


# The ceiling (checker/pipeline.py _ceiling): a seller's ad that gives its own mobile and chat id and
# asks nothing stays below high_risk; a claim, a notice about the reader's money or a never-genuine
# red flag lets the same cues reach it.
@pytest.mark.parametrize(
    ("text", "most"),
    [
        ("老板您好 我们是做企业贷款的 天津正规持牌机构 最快三天放款 需要的话可以加我微信luohao2437 或者直接打我电话15595387574 我是黄经理", "suspicious"),
        ("急用钱吗 无抵押 低利息 放款快 158 1740 0355", "suspicious"),
        ("您的网贷已逾期，请联系13812345678张专员处理，否则上门催收。", "high_risk"),
        ("【度小蛮金融】尊敬的用户，您信用良好，有80000元贷款额度待领取，请下载App wy-rz.cc 申请。", "high_risk"),
    ],
)
def test_ad_cues_alone_stay_below_high_risk(text, most):
    verdict = check(text).verdict
    assert verdict == most if most == "high_risk" else verdict in ("suspicious", "low_risk")


# The credit record by what it is (个人信用记录, 信用档案) is the bureau's, as 征信 is: a private line
# given about it counts; a bank's own reminder that names it, with its official number, stays low.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("您好，您名下学生户头需注销，否则影响个人信用记录，请找021-55556666。", True),
        ("请按时还款，以免影响您的个人信用记录。如有疑问请致电95555。【招商银行】", False),
        ("【工商银行】您尾号1234的卡已暂停使用，请携带身份证到网点办理。", False),
    ],
)
def test_the_credit_record_by_meaning(text, flagged):
    assert (check(text).verdict != "low_risk") is flagged


def test_an_unknown_word_class_is_a_data_error():
    from checker.stages.claims import ClaimsDataError, _expand

    assert _expand("(?:{{move}})款", {"move": "转|汇"}, "x") == "(?:(?:转|汇))款"
    with pytest.raises(ClaimsDataError, match="unknown word class"):
        _expand("{{nope}}", {}, "requests.pay.x")


# people11: short SMS and chat messages from people you know. A superior with the title cut short
# ("孔局", "刘董"), or introduced in a chat after "在不在", is a claim; an office or an 邮局 is not.
PEOPLE11_CLAIMED = [
    ("我是你孔局，这是我私人号，存一下", "boss"),
    ("我是你刘董，你现在方便吗？", "boss"),
    ("小磊在不在 我罗总 帮我先垫付一笔货款", "boss"),
]
PEOPLE11_NOT_CLAIMED = [
    ("我是你们局办公室的小王，明天开会", "boss"),
    ("我是邮局的快递员，包裹放门卫了", "boss"),
    ("在不在我总觉得不对劲", "boss"),
]


@pytest.mark.parametrize(("text", "person"), PEOPLE11_CLAIMED)
def test_people11_who_speaks_is_read(text, person):
    assert person in {c.id for c in _read(text).claims if c.kind == "person"}


@pytest.mark.parametrize(("text", "person"), PEOPLE11_NOT_CLAIMED)
def test_people11_look_alikes_claim_no_one(text, person):
    assert person not in {c.id for c in _read(text).claims if c.kind == "person"}


# Money for a third person the sender names, to a payee named with the account, or to the sender's own
# payment app; and the look-alikes where the writer pays or reports a payment.
PEOPLE11_ASKED = [
    ("帮我个忙，给我一个朋友转47500，我开完会还你", "pay_someone_for_me"),
    ("你给供应商打两万，回单发我", "pay_someone_for_me"),
    ("校服费50元，转给生活老师吴磊，支付宝17518551905", "pay_named_payee"),
    ("这个月的押金交给王芳，微信wangfang1990", "pay_named_payee"),
    ("你孩子的作业本费168元还没交 微信转我就行", "to_the_sender"),
    ("复印费和班费共595元，加我微信caokg1991转给我。", "to_the_sender"),
]
PEOPLE11_NOT_ASKED = [
    "我给朋友转了3000，他说收到了",
    "钱我已经转给张伟，支付宝显示到账了",
    "兄弟 谢了啊 那天的饭钱我微信转你了 别退",
    "他给客户转了两万，回单在我这",
]
PEOPLE11_PAY = {"pay_someone_for_me", "pay_named_payee", "to_the_sender"}


@pytest.mark.parametrize(("text", "pattern"), PEOPLE11_ASKED)
def test_people11_requests_are_read(text, pattern):
    assert ("pay", pattern) in {(r.kind, r.pattern) for r in _read(text).requests}


@pytest.mark.parametrize("text", PEOPLE11_NOT_ASKED)
def test_people11_look_alikes_ask_no_payment(text):
    assert not {r.pattern for r in _read(text).requests if r.kind == "pay"} & PEOPLE11_PAY


# A known person's new channel, asking nothing yet, is "verify first" and no more, however many cues
# add up (pipeline._ceiling); money asked through it takes it to high_risk.
PEOPLE11_OPENERS = [
    "我是你们郭局长，明天上午九点来我办公室，先加一下我微信zhu_0913。",
    "家长您好，我是班主任，这是我新号，请加我微信wangrl1990，拉您进新群。",
    "小龚，我是徐书记，这是我另一个号，你加一下我微信caoting9657，有事交代你。",
    "外婆 我浩然啊 新号码 你记住 别打那个老的了 有急事找你",
]
PEOPLE11_OPENERS_WITH_MONEY = [
    "我是你们郭局长，先加一下我微信zhu_0913，你先帮我给客户转20000，卡号6222021234567890123。",
    "家长您好，我是汪老师，这是我新号，孩子的复印费和班费共595元，加我微信caokg1991转给我。",
]


@pytest.mark.parametrize("text", PEOPLE11_OPENERS)
def test_people11_an_opener_asking_nothing_is_suspicious_at_most(text):
    assert check(text).verdict == "suspicious"


@pytest.mark.parametrize("text", PEOPLE11_OPENERS_WITH_MONEY)
def test_people11_the_same_opener_asking_money_is_high_risk(text):
    assert check(text).verdict == "high_risk"


PEOPLE11_GENUINE = [
    "爸 我换号了 旧号月底停 这个是新的 微信没变",
    "舅舅 我换手机号了 老号还能用到月底 有事都能打",
    "我是毛老师，手机号换了，家校沟通还是以学校App为准，请家长不要添加任何自称是我的“新微信”。",
    "小王，明天上午十点到我办公室一趟，把报表带上。张总",
    "昨天吃饭一共320 我先付了 你们在群里用AA收款付我就行",
    "房东：下个月我出差，房租晚几天转也没事，还是原来的卡",
    "妈 我微信被封了在申诉 你有事打我电话 号码没变",
]


@pytest.mark.parametrize("text", PEOPLE11_GENUINE)
def test_people11_genuine_look_alikes_stay_low(text):
    assert check(text).verdict == "low_risk"


# The genuine twins of the one-line frauds above (brief fbs11): a shop's draw that asks nothing, a
# points reminder pointing to the official App, a prize line with a shop's number only as a label, a
# parcel notice naming its courier, a free service that denies a fee: none is a finding.
ONE_LINE_GENUINE = [
    "【万达广场】恭喜您在店庆抽奖中获得三等奖 凭小票到服务台领取 咨询电话0755-81037634",
    "【中国移动】您的积分18260分将于年底清零 可登录中国移动App积分商城兑换话费或商品",
    "【支付宝】您有23300积分即将过期 可在支付宝App-我的-支付宝会员中兑换权益",
    "【菜鸟驿站】您的包裹已到3号驿站 取件码5-2-1034 请于6月3日前取件",
    "【铁路12306】订单4602936585633695已改签成功 Z236次07车13A号 请携带身份证乘车",
    "【星辰手机店】会员日免费办理贴膜 不收任何费用 到店即可",
    "【星巴克】恭喜您获得买一送一券 已放入App卡包 退订回T",
    # A draw announced in an ad is no one's prize yet; a shop's free shipping and duty are no parcel
    # held for a fee: the ceiling keeps such ads (claims nobody, asks nothing) where they were.
    "【星河商场】年终大抽奖 大奖iPhone等你拿 详情 xinghe-mall.com 回T退订",
    "【优品海淘】日本直邮 包关税 满99免运费 详情 yp-ht.com 退订回T",
]


@pytest.mark.parametrize("text", ONE_LINE_GENUINE)
def test_one_line_genuine_notices_have_no_finding(text):
    assert _read(text).findings == ()
    assert check(text).verdict == "low_risk"


def test_a_fee_denial_still_denies_a_payment():
    # "免费" governs a request to pay in its own clause, as before: only other requests are freed.
    assert "pay" not in _read("免费办理 无需转账").request_kinds


# A word of reassurance put before a request ("无需担心", "别担心") denies the worry, not the request; an
# offer word ("免费", claims.toml negation.governing_fee) denies only the verb right after it.
# Both ways: the cue still denies what it stands before.
@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("无需担心 ", "您有一笔高龄补贴未领取，联系188 1234 5678办理。"),
        ("别担心", "您有一笔高龄补贴未领取，联系188 1234 5678办理。"),
        ("免费 ", "演唱會門票代搶 保證搶到 先匯款 搶不到全額退"),
        ("免费", "演唱會門票代搶 保證搶到 先匯款 搶不到全額退"),
        ("不要担心，", "您的借款已逾期，请立即致电13812345678张专员处理。"),
    ],
)
def test_reassurance_and_an_offer_word_deny_only_their_own_words(prefix, text):
    level = ORDER.index(check(text).verdict)
    assert level > 0
    assert ORDER.index(check(prefix + text).verdict) == level


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("您无需支付任何费用，切勿向陌生账户转账。", False),
        ("免费为您办理，无需缴纳任何费用。", False),
        ("不要担心，也不要转账给任何人。", False),
        ("免费您有一笔补贴未领取，请先缴纳手续费200元。", True),
    ],
)
def test_a_denial_still_reaches_what_it_stands_before(text, asked):
    assert ("pay" in {r.kind for r in _read(text).requests}) is asked


@pytest.mark.parametrize(
    "text",
    ["免费办理ETC，无需缴纳任何费用，请在官方App内申请。", "别担心，我行不会要求您向个人账户转账，请勿轻信。", "免费注销，不收任何费用。"],
)
def test_reassurance_and_offer_look_alikes_stay_low(text):
    assert check(text).verdict == "low_risk"


# A short opener set apart by a space or a mark (normalize.opener_end) does not move who speaks, or the
# sender tag, off the message's start. Both ways: a genuine message after the same opener stays low.
@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("别担心 ", "我是孔局，加我QQ2657647064，有文件要你处理。"),
        ("您好，", "老公，我手机被偷了，你往这个微信wxid_wezw15ag9gkctk转142块。"),
        ("别担心 ", "【网贷催收】借款人请注意，您的朋友已向我们透露了您的新地址，我们的外访同事本周会上门拜访。"),
        # Issue 8 (prefix12): openers up to twelve characters, several in a row (normalize.opener_ends),
        # a space ending the first before any mark.
        ("尊敬的客户您好 ", "【网贷催收】借款人请注意，您的朋友已向我们透露了您的新地址，我们的外访同事本周会上门拜访。"),
        ("感谢您一直以来的支持\n", "我是孔局，加我QQ2657647064，有文件要你处理。"),
        ("您好，喂，", "老公，我手机被偷了，你往这个微信wxid_wezw15ag9gkctk转142块。"),
        ("不好意思打扰一下 请放心\n", "老公，我手机被偷了，你往这个微信wxid_wezw15ag9gkctk转142块。"),
        ("您好 ", "亲爱的，我家里出了点事急需用钱，你能先借我两万吗？我一定还你。"),
        ("早上好", "亲爱的，我家里出了点事急需用钱，你能先借我两万吗？我一定还你。"),
        # hole14: a reassurance glued on, a greeting that ends a longer glued group, an opener with a digit.
        ("请放心", "亲爱的，我家里出了点事急需用钱，你能先借我两万吗？我一定还你。"),
        ("尊敬的客户您好", "我是孔局，加我QQ2657647064，有文件要你处理。"),
        ("0元领 ", "【网贷催收】借款人请注意，您的朋友已向我们透露了您的新地址，我们的外访同事本周会上门拜访。"),
        ("您好", "我是孔局，加我QQ2657647064，有文件要你处理。"),
    ],
)
def test_a_short_opener_does_not_move_the_speaker(prefix, text):
    assert ORDER.index(check(prefix + text).verdict) >= ORDER.index(check(text).verdict) > 0


@pytest.mark.parametrize(
    "text",
    [
        "您好，爸，我到家了，晚上给您打电话。",
        "您好，【某银行】您尾号1234的储蓄卡12月1日收入工资8,500.00元。",
        "放心 我是你同学小王，周末聚会别忘了。",
        # Longer and stacked openers (issue 8, prefix12) before everyday messages.
        "尊敬的客户您好 【某银行】您尾号1234的储蓄卡12月1日收入工资8,500.00元。",
        "早上好，亲爱的，晚上一起吃饭吧，我订好位子了。",
        "感谢您一直以来的支持 老公，今天我去接孩子，你早点下班。",
        # A greeting glued to what follows (normalize.GREETING), and words that only begin like one.
        "您好亲爱的，晚上一起吃饭吧，我订好位子了。",
        "你好像忘了带钥匙，我放在门口鞋柜上了。",
        "您好久没来了，周末来家里吃饭吧。",
        # hole14: a greeting or reassurance that ends a longer word group glued to what follows, and an
        # opener with a digit (normalize.opener_ends), before everyday messages.
        "尊敬的客户您好我是小区物业，本周六上午停水检修，请提前储水。",
        "请放心亲爱的，我已经到家了，晚上给你打电话。",
        "别担心我到家了，明天再聊。",
        "0元领 【某某超市】会员日鸡蛋特价，凭会员码到店领取，回T退订",
    ],
)
def test_a_short_opener_before_a_genuine_message_stays_low(text):
    assert check(text).verdict == "low_risk"


# Round 26 (red team narrated): the victim a case's opening names, glued to a scam's first words (normalize._CASE_SUBJECT),
# is set aside as a greeting is: who speaks first after it is read (on the code before, the first row read no relative
# and was low_risk). A case that goes on with what happened to the victim opens nothing, and its warning stays low.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("【案例】一名用户舅 我小燕 换微信了 加我新的 yan_1016，避免损失。", "relative"),
        ("【警情通报】市民李某我是张总，在外面开会，微信zz_boss88加我，有事交代，谨防诈骗。", "boss"),
    ],
)
def test_round26_who_speaks_first_after_a_case_subject_glued_on(text, person):
    assert person in {c.id for c in _read(text).claims}
    assert check(text).verdict != "low_risk"


def test_round26_a_case_told_after_its_subject_opens_nothing():
    text = "【反诈中心】案例：一名用户收到自称“舅舅”的短信说换了微信，加上后被要求转账，被骗8000元。换号借钱请先打原号码核实。"
    assert not {c.id for c in _read(text).claims if c.kind == "person"}
    assert check(text).verdict == "low_risk"


# notice12: in a warning that retells a scam, what genuine senders never do (rules.toml never_genuine)
# counts unless every place of it is a third person's words retold (claims.retold): the caller's, the
# impostor's in quotation marks. The sender's own demand in the first person, after the same frame, counts.
RETOLD_NEVER_GENUINE = [
    "【反诈提醒】骗子冒充公安打来电话，说您涉嫌洗钱，接着他会说案件保密，让您一个人去宾馆接电话。公安机关不会电话办案，请直接挂断，拨打110核实。",
    "【反诈提醒】“爸，我是小明，换新号了。”过几天“儿子”又说急用钱，还让您别告诉妈妈。这是冒充熟人诈骗，请打原来的号码核实。",
    "营业厅提醒：有客户收到“95588”发的短信，讲积分即将清零，可以兑换现金。这是骗子用伪基站发的，请勿点击链接，有疑问拨打95588。",
]
SENDER_OWN_NEVER_GENUINE = [
    "【反诈提醒】谨防骗子冒充公安。我局要求您，此案件需要严格保密，不要向任何人透露，等候民警来电。",
    "【反诈提醒】骗子冒充公安打来电话，说您涉嫌洗钱。他说的不算，我们公安要求您：案件需要保密，不要向家人透露。",
    "【反诈提醒】骗子冒充公安打来电话。本局现对您的案件保密调查，千万别告诉家人。",
    "【反诈提醒】骗子会冒充客服。您的积分今天清零，可以兑换现金，本店帮您办理。",
]


@pytest.mark.parametrize("text", RETOLD_NEVER_GENUINE)
def test_notice12_a_red_flag_retold_of_a_third_person_stays_low(text):
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("text", SENDER_OWN_NEVER_GENUINE)
def test_notice12_the_senders_own_red_flag_after_a_warning_frame_counts(text):
    assert check(text).verdict != "low_risk"


def _through(text, kind):
    return sorted({r.through for r in _read(text).requests if r.kind == kind})


# notice12: an official channel is kept at each place it is named (a request is judged by its own
# sentence), mobile banking by its short names too (掌银), and a request to deal with the creditor a firm
# speaks for ("请联系委托方") goes through no channel the message gives. Both ways: a channel of the
# message's own in the request's sentence still decides it.
@pytest.mark.parametrize(
    ("text", "kind", "through"),
    [
        ("电子账单可在支付宝App查看。请通过支付宝App还款。", "pay", "official"),
        ("电子账单可在支付宝App查看。请转账至6222021234567890123还款。", "pay", "unofficial"),
        ("可在掌上12333办理认证。有疑问请拨打12333。", "call", "official"),
        ("可在掌上12333办理认证。有疑问请拨打13812345678。", "call", "unofficial"),
        ("请通过农行掌银还款。", "pay", "official"),
        ("请通过农行掌银还款，或转入6222021234567890123。", "pay", "unofficial"),
        ("如有异议请联系委托方。", "call", "official"),
        ("如有异议请联系王律师13812345678。", "call", "unofficial"),
        ("请于十五日内与委托方协商还款。", "pay", "official"),
        ("请于十五日内与委托方协商还款，转入6222021234567890123。", "pay", "unofficial"),
    ],
)
def test_notice12_a_request_is_judged_by_the_channels_of_its_own_place(text, kind, through):
    assert _through(text, kind) == [through]


# notice12: 中国法律服务网 is where anyone looks a lawyer up, no claim to be a legal-services body.
def test_notice12_the_public_lawyer_register_is_no_claim():
    assert not [c for c in _read("如需核实，本所执业信息可在中国法律服务网查询。").claims if c.id == "legal_service"]
    assert [c for c in _read("【某某法律服务中心】您的网贷已逾期，请联系处理。").claims if c.id == "legal_service"]


# notice12: a law firm's letter that sends the reader to the creditor's own channels stays low; the same
# letter with a mobile, a card or a chat id of its own is flagged.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("杭州明理律师事务所受某银行委托通知：您尾号1234的信用卡已逾期30天。请通过银行官方渠道还款，如需核实本所可在中国法律服务网查询。联系律师王敏，0571-88886666。", True),
        ("【西安正衡律师事务所】受建设银行委托：您尾号5566的信用卡已逾期60天，请通过建行掌银还款，或拨打95533核实。", True),
        ("【长沙明德律师事务所】受某银行委托，就您的信用卡欠款致函。请通过银行官方App还款，如有异议请联系委托方。承办律师刘律师，电话0731-88889999。", True),
        ("杭州明理律师事务所受某银行委托通知：您尾号1234的信用卡已逾期30天。请联系律师王敏13812345678协商还款。", False),
        ("【长沙明德律师事务所】受某银行委托，就您的信用卡欠款致函。如有异议请联系委托方，还款请转入6222021234567890123。", False),
    ],
)
def test_notice12_a_firms_letter_pointing_to_the_creditor_stays_low(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice12: the creditor's own account, named but not given ("汇入合同约定的委托方对公账户"), is the reader's
# own way to pay; a number given with it, or the firm's own account, is not.
@pytest.mark.parametrize(
    ("text", "through"),
    [
        ("付款请汇入合同约定的委托方对公账户。", ["official"]),
        ("请将欠款汇入委托方对公账户6222021234567890123。", ["unofficial"]),
        ("请将欠款汇入本所对公账户。", ["unofficial"]),
    ],
)
def test_notice12_the_creditors_own_account_is_the_readers_way_to_pay(text, through):
    assert _through(text, "pay") == through


# notice12: an institution that says it never sent anyone ("从未委托任何机构") warns, where nothing is asked
# through an unofficial channel; the same line before a demand of the message's own lowers nothing.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("给新生的提醒：有人打电话说你的校园贷账户没注销，要配合清零，让你开通多个平台借款再转出去。学校从未委托任何机构做这件事，有疑问请打96110。", True),
        ("学校从未委托任何机构。你的学生时期网贷账户没注销，要配合清零，你现在开通多个平台借款再转出去。", False),
        ("学校从未委托任何机构。你的校园贷账户没注销，现在必须把多个平台借款转出来，转到6222021234567890123。", False),
    ],
)
def test_notice12_an_institution_that_never_sent_anyone_warns(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice12: a caller retold as "有人打电话自称…，说…" in a warning is narration; the same words in a victim's
# story still pending ask the reader (claims.toml negation.narrator).
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("社区民警提醒：如果有人打电话自称法院，说您涉嫌医保诈骗要冻结医保卡，再让您把存款转到他指定的账户，请一个字都不要信，拨打110问一问。", True),
        ("有人打电话自称检察院，说我医保卡要冻结，让我把钱转到安全账户，我要不要转？", False),
    ],
)
def test_notice12_a_caller_who_claims_to_be_someone_is_retold_in_a_warning(text, low):
    assert (check(text).verdict == "low_risk") is low


# market12: the impostor called fake ("那个假老板", "假客服") and someone using a sender's name name the
# scammer in the third person; the role alone, or "假的" said of nobody, do not.
@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("那个假老板后来就把我删了。", True),
        ("假客服又打来了，我没接。", True),
        ("如有人以本平台名义收费，请勿理会。", True),
        ("老板说明天上午开会。", False),
        ("这个消息是假的吗？", False),
    ],
)
def test_who_names_the_scammer(text, named):
    assert names_scammer(text) is named


# Issue 8 (prefix12): a warning cue inside an opener set apart by a space ("不收任何费用 …") denies the
# opener's own words and reaches nothing after it (rules._denies_before); a cue that ends the opener
# ("千万不要 …", "谨防诈骗：…") still reaches over it. Both ways.
@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("不收任何费用 ", "妈 新号 旧手机丢了 先存一下 晚点跟你说个事"),
        ("无需任何押金\n", "妈 新号 旧手机丢了 先存一下 晚点跟你说个事"),
    ],
)
def test_a_denial_inside_a_spaced_opener_denies_only_the_opener(prefix, text):
    assert ORDER.index(check(prefix + text).verdict) >= ORDER.index(check(text).verdict) > 0


@pytest.mark.parametrize("text", ["千万不要 把验证码告诉任何人", "谨防诈骗：请勿向陌生账户转账", "切勿 点击陌生链接"])
def test_a_warning_cue_that_ends_an_opener_still_warns(text):
    assert check(text).verdict == "low_risk"


# notice13: in a warning, an ad as the subject after a comma ("…的广告很多，说…"), and the impostor's call
# then what it said ("冒充…工作人员打电话，说…", beyond 80 characters from "不法分子") retell a third
# person's words; a victim's own question, or the sender's own words in the first person, do not.
@pytest.mark.parametrize(
    ("text", "at", "told"),
    [
        ("社区反诈宣传员提醒：最近“债务优化”的广告很多，说能帮您跟银行谈减免，只要先交一笔服务费。这类非法代理维权都是骗局，请拨打96110咨询。", "先交", True),
        ("【公积金中心提醒】近期有不法分子冒用银行客服号码群发短信，称“您的住房公积金账户出现异常，请点击下方链接尽快处理”，或者冒充公积金中心工作人员打电话，说您的公积金可以“提前全额提取”“代办提取”，先收取手续费。本中心从未委托任何中介。", "先收取", True),
        ("防骗提醒：最近“债务优化”的广告很多，说能帮我跟银行谈减免，只要先交一笔服务费，我要不要交？", "先交", False),
        ("谨防骗局。本中心的广告很多，说明一下：我们帮您跟银行谈减免，只要先交一笔服务费。", "先交", False),
    ],
)
def test_notice13_an_ad_or_an_impostors_call_retold_in_a_warning(text, at, told):
    norm = normalize(text).text
    assert retold(norm, norm.index(at)) is told


# notice13: a step of a scam taken apart that reports what was said ("第三步，拉进任务群，说…要先垫付") and
# a payment as the subject of a statement about every such payment ("诉讼费用缴纳都有正式文书") ask nothing;
# a scam's own steps ("第三步，先垫付…") and a payment made into an account still ask to pay.
@pytest.mark.parametrize(
    ("text", "pays"),
    [
        ("【兼职诈骗拆解】第一步，发广告说动动手指就能赚钱；第二步，先返几单小佣金；第三步，拉进任务群，说大单要先垫付本金。所有刷单都是诈骗。", False),
        ("【兼职诈骗拆解】认证分三步：第一步，登录认证网站；第二步，上传身份证；第三步，先垫付一笔保证金。所有刷单都是诈骗。", True),
        ("调解费、诉讼费用缴纳都有法院正式文书，可在人民法院在线服务核实。", False),
        ("调解费、诉讼费用缴纳至以下账户6222021234567890123。", True),
    ],
)
def test_notice13_retold_steps_and_statements_about_paying_ask_nothing(text, pays):
    assert ("pay" in _read(text).request_kinds) is pays


# notice13: the warnings stay low; the same words with a channel of the message's own are still flagged.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("【某区法院提示】“您的纠纷已转入诉前调解，请今日内缴纳调解费，否则强制执行。”——这不是法院发的。调解费、诉讼费用缴纳都有法院正式文书，可在人民法院在线服务核实。接到可疑短信请拨打12368，切勿点击链接。", True),
        ("【某市公积金中心提醒】有不法分子冒用本中心名称群发短信，或者冒充本中心工作人员打电话，说您的公积金账户可以“提前全额提取”“免材料代办”，办理前先收取一笔手续费。本中心从不收取此类费用，请通过官方App办理，咨询12329。", True),
        ("【兼职诈骗拆解】第三步，拉进任务群，说大单要先垫付本金才能提现，请联系导师微信ds_tk2024领取任务。", False),
        ("调解费、诉讼费用缴纳都有正式文书。您的案件诉讼费请今日内缴纳至6222021234567890123，逾期强制执行。", False),
        ("有不法分子冒充本中心工作人员打电话，说您的公积金账户可以“提前全额提取”，办理前先收取一笔手续费。请加专员微信gjj_tq2024办理。", False),
        ("【社区提醒】“征信修复”的广告很多，说能帮您删掉逾期记录，这类都是骗局。本中心先交两千元服务费即可办理，加微信zx_xiufu88。", False),
    ],
)
def test_notice13_warnings_stay_low_and_their_look_alikes_with_a_channel_do_not(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice13: a 刷单 scam taken apart step by step asks nothing of the reader; the scam type it names may still
# read as one (prize_refund_bait), but never as high_risk.
def test_notice13_a_scam_taken_apart_step_by_step_is_never_high_risk():
    text = "【兼职诈骗拆解】第一步，发广告说动动手指就能赚钱；第二步，先返几单小佣金；第三步，拉进任务群，说大单要先垫付本金；第四步，说您操作超时，要继续充值才能提现。所有刷单都是诈骗。"
    assert check(text).verdict != "high_risk"
    assert "pay" not in _read(text).request_kinds


# notice13: a scam's stages told in one sentence ("刚开始…，加大投入后就…，还要交…") in a warning retell what a
# victim went through; with a channel of the message's own, a fresh imperative, or a victim's question, the
# fee is asked of the reader.
@pytest.mark.parametrize(
    ("text", "pays", "high"),
    [
        ("【警惕婚恋骗局】网上认识的“男友”天天问候，说有个平台能稳赚，带您一起投资攒钱结婚。刚开始投一点能赚，加大投入后就提不出来，还要交“保证金”“税费”才能解冻。没见过面的网友让您投资或借钱，请一律当作诈骗，拨打96110咨询。", False, False),
        ("【警惕婚恋骗局】刚开始投一点能赚，加大投入后就提不出来，还要交“保证金”“税费”才能解冻，请转到6222021234567890123。", True, True),
        ("谨防诈骗。一开始投几百元确实能提现，等您追加到几万，请立即缴纳保证金才能解冻。", True, True),
        ("谨防诈骗。一开始投几百元确实能提现，等您追加到几万，就提不出来了，还要交保证金，我要不要交？", True, True),
    ],
)
def test_notice13_a_scams_stages_told_in_a_warning_ask_nothing(text, pays, high):
    assert ("pay" in _read(text).request_kinds) is pays
    assert (check(text).verdict == "high_risk") is high


# hole13: a number belongs to the request for it that stands right before it. A line glued on after a
# request with no mark between ("…请回复邮箱…如有疑问请拨打12368核实") asks you to call 12368: it does not
# vouch for the reply asked before it. Past a clause break, a second request may offer the same one
# another way ("先给子女打电话，或者拨打96110"), read as before.
@pytest.mark.parametrize(
    ("text", "kind", "through"),
    [
        ("您好 收到您的简历 请回复邮箱 我司将发送录用通知如有疑问请拨打12368核实。", "call", ["none", "official"]),
        ("请回复邮箱领取录用通知如有疑问请致电95588", "call", ["none", "official"]),
        ("遇到拿不准的事，先给子女打电话，或者拨打96110问一问。", "call", ["official"]),
        ("如有疑问请致电95588。", "call", ["official"]),
    ],
)
def test_hole13_a_number_belongs_to_the_request_right_before_it(text, kind, through):
    assert _through(text, kind) == through


# mismatch14 (issue 8): a bank's, a platform's or a lender's official number or app counts as the
# message's official channel only where the message names that company elsewhere (支付宝 and 花呗 are
# one family); public lines and public bodies' apps fit any message. A foreign one blocks lowering.
FOREIGN_OFFICIAL = [
    ("【某某律师事务所】您的欠款已逾期，我所将于三日内起诉。如有疑问请致电95588。", ["95588"]),
    ("【某某律师事务所】您的欠款已逾期，请尽快处理。请登录支付宝App核实。", ["app"]),
    ("您涉嫌非法集资，请立即配合调查。如有疑问请致电95588。", ["95588"]),
    ("我们老师带学员做的票全部盈利，三个月回本。请登录招商银行App核实。", ["app"]),
    # a lender's debt is no bank's: "网贷" names no one whose app 支付宝 could be
    ("【某某律师事务所】您的网贷已逾期，请尽快处理。请登录支付宝App核实。", ["app"]),
    # a court's line in a message that speaks of no court, a lawyers' line with no lawyer
    ("您好，我司正在招聘文员，看了您的简历挺合适，如有疑问请拨打12368核实。方便留个邮箱吗？", ["12368"]),
    ("恭喜您被抽中幸运观众，奖品为现金19万元，请回复领奖。如有疑问请拨打12348核实。", ["12348"]),
]
OWN_OFFICIAL = [
    "【工商银行】您尾号1234的账户支出100.00元。如有疑问请致电95588。",
    "如有疑问请致电95588。【工商银行】您尾号1234的账户支出100.00元。",
    "【花呗】您本期账单已逾期，请登录支付宝App还款，以免影响信用。",
    "【北京市朝阳区人民法院】本院受理的（2024）京0105民初12345号案件文书已送达，请通过人民法院在线服务查看。如有疑问请拨打12368核实。",
    "【12381】您可能正遭遇冒充客服诈骗，请立即停止转账。如有疑问拨打96110。",
    "您于5月17日提交的提取申请已审核通过，进度可在手机公积金App查询或拨打12329。",
    "【防骗小课堂】对方让您借钱转到他的账户就是骗子，请挂断后打开国家反诈中心App举报。",
    "【某某律师事务所】受贷款方委托，提醒您按合同约定按时还款，如对本函有异议可拨打12348咨询。",
    "近期有人冒充客服实施诈骗，请勿向任何人透露验证码，如遇可疑情况请拨打110或96110。",
    # a bank not named which one may be the bank whose line it gives
    "【XX银行】您尾号1234的信用卡本期账单已出，请通过本行官方App还款，客服95588。",
]


@pytest.mark.parametrize(("text", "values"), FOREIGN_OFFICIAL)
def test_another_companys_official_channel_is_foreign_and_blocks_lowering(text, values):
    reading = _read(text)
    assert sorted(c.value for c in reading.foreign) == sorted(values)
    assert not reading.lowering_allowed


@pytest.mark.parametrize("text", OWN_OFFICIAL)
def test_an_official_channel_of_the_sender_or_a_public_line_is_not_foreign(text):
    reading = _read(text)
    assert reading.foreign == ()
    assert reading.lowering_allowed


# notice14: a list of the scam's sayings that a warning gives after naming the scammer ("常见说法有 …", "…等话术")
# is the scam's words, an urging word in it ("马上") included, where the warning goes on after it; a colon
# alone ("以下是骗子常用的话术：…"), a list that runs to the message's end, or one with no scammer named is not.
@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("【区司法局提醒】有不法分子冒充调解中心，以处理网贷逾期为名收钱，常见说法有：先交建档费马上安排调解，不交钱明天就派人去你户籍地。请注意，正规调解从不收取此类费用。", True),
        ("区司法局提醒 有不法分子冒充调解中心 常见的说法包括 先交建档费马上安排调解 不交钱明天就派人去你户籍地 请注意 正规调解不能收费", True),
        ("【反诈提醒】骗子常用“逾期”吓人，用不交钱明天就派人去你户籍地等话术逼您转账，请勿理会。", True),
        ("【警惕】以下是骗子常用的话术：先交建档费马上安排调解，不交钱明天就派人去你户籍地。", False),
        ("有不法分子冒充调解中心 常见说法有 先交建档费马上安排调解 不交钱明天就派人去你户籍地", False),
        ("调解中心提醒：常见说法有：先交建档费马上安排调解，不交钱明天就派人去你户籍地。请注意，不要拖。", False),
        ("【提醒】不交钱明天就派人去你户籍地等话术，我们说到做到，今天必须结清。", False),
    ],
)
def test_notice14_a_list_of_the_scams_sayings_in_a_warning_is_retold(text, told):
    norm = normalize(text).text
    assert retold(norm, norm.index("户籍地")) is told


# notice14: the warnings stay low; the same words as the sender's own request through a channel of its own,
# or the list with no warning after it, are still flagged.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("区司法局提醒 有不法分子冒充调解中心 以处理网贷逾期为名收钱 常见说法有 先交建档费马上安排调解 不交钱明天就派人去你户籍地 请注意 正规调解不能收费 律师信息可在中国法律服务网查询", True),
        ("【警惕】以下是骗子常用的话术：先交建档费马上安排调解，不交钱明天就派人去你户籍地找村委会。", False),
        ("区司法局提醒 常见说法有 先交建档费马上安排调解 不交钱明天就派人去你户籍地 请将建档费转入6222021234567890123", False),
    ],
)
def test_notice14_a_sayings_list_stays_low_and_its_look_alikes_do_not(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice14: other messages or people that claim ("有些短信自称…", "有的人冒充…") are reported, and "请一律当作诈骗"
# warns; "将视为诈骗处理" threatens and warns of nothing.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("有些短信自称已经到了您的户籍地，要求当天还款。正规催收只联系借款人本人。", True),
        ("陌生网友让您投资或借钱，请一律当作诈骗。", True),
        ("您逾期不还款，将视为恶意诈骗处理，请今日内还款。", False),
        ("我们有的人自称律师，您可以直接联系。", False),
    ],
)
def test_notice14_claims_of_others_and_treat_as_fraud_warn(text, warns):
    assert (_read(text).denial is not None) is warns


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("关于“外访小组”的提醒：有些短信自称已经到了您的户籍地，要找村委会，要求当天还款否则“曝光”。正规催收只能联系借款人本人，更不会让您转到个人账户。", True),
        ("关于“外访小组”的提醒：有些短信自称已经到了您的户籍地，要求当天还款。请当天将欠款转入6222021234567890123，否则曝光。", False),
    ],
)
def test_notice14_what_other_messages_claim_is_reported(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice14: a scam's stages in a paste without marks ("刚开始…加大投入后就…还要交…") retell what a victim went
# through; with an account of the message's own the fee is asked of the reader.
@pytest.mark.parametrize(
    ("text", "pays", "high"),
    [
        ("网上认识的网友聊了几个月后说有个平台能赚钱刚开始投一点能提现加大投入后就提不出来还要交保证金才能解冻这种情况请一律当作诈骗拨打96110咨询", False, False),
        ("网上认识的网友聊了几个月后说有个平台能赚钱刚开始投一点能提现加大投入后就提不出来还要交保证金才能解冻保证金请转到6222021234567890123", True, True),
    ],
)
def test_notice14_a_scams_stages_without_marks_in_a_warning_ask_nothing(text, pays, high):
    assert ("pay" in _read(text).request_kinds) is pays
    assert (check(text).verdict == "high_risk") is high


# notice14: a label that names a whole kind as unlawful ("这类非法代理维权") disowns the words glued to it, not a
# fee asked further on in its clause; the topic of a warning ("关于 上门催收 的短信") names what such messages
# say, not what follows it; a scam named as one ("【刷单诈骗拆解】") makes its steps retold; an impostor's role
# in scare quotes leading the reader on ("“投资导师”带你…") is narrated, and "这是杀猪盘" warns.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("社区反诈宣传员提醒：网上“债务优化”广告很多，说能帮您跟银行谈减免，但要先交服务费。金融监管部门已提示这类非法代理维权风险很大，有困难请直接联系银行官方客服。", True),
        ("我们专业代理维权，帮您处理这类非法催收，先交服务费到6222021234567890123即可办理。", False),
        ("关于 上门催收 联系家人单位 的短信 给大家说几句 有些短信自称 外访小组 要找您单位领导 就是诈骗说辞 欠款请在借款平台官方App查看", True),
        ("关于退款的短信 点击 http://tk-refund.top 领取双倍赔偿", False),
        ("【刷单诈骗拆解】第一步，广告说“动动手指日结百元”；第二步，小任务真的返了佣金；第三步，拉进任务群，说大任务要先垫付本金。所有刷单都是诈骗。", True),
        ("【市公安提示】“投资导师”带你炒股，说有内幕消息稳赚不赔，要你下载陌生App入金——这是杀猪盘。正规投资不会承诺收益。", True),
        ("“投资导师”带你炒股，内幕消息稳赚不赔，加导师微信tz_8866888进群——这是正规平台。", False),
    ],
)
def test_notice14_labels_topics_named_scams_and_quoted_roles_in_warnings(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice14: someone met or so-called in scare quotes, and the elided subject after a word of when ("，突然有一天
# 说…"), are a third person's words in a warning; the sender's own platform is not.
@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("【警惕“杀猪盘”】网上认识的“对象”每天嘘寒问暖，聊了一个月，突然有一天说舅舅在平台做高管，带着投资稳赚。网上恋爱谈钱的都是骗子，我没理他。", True),
        ("【警惕“杀猪盘”】本平台带着投资稳赚，突然有一天说也没用，名额有限。网上恋爱谈钱的都是骗子，我没理他。", False),
    ],
)
def test_notice14_someone_met_in_scare_quotes_is_a_third_person(text, told):
    norm = normalize(text)
    with quoting(norm):  # quote18: the quotations the normaliser recorded, as a check reads them
        assert retold(norm.text, norm.text.index("稳赚")) is told
    # a text read on its own reads its own marks
    assert retold(text, text.index("稳赚")) is told


# notice14 (new rows): the scammer's habitual words after a mark ("骗子常说：…；…；…"), a colon block that narrates
# again ("骗子冒充法院的套路：先说…，再说…先交…"), a list closed by 等话术 with an urging word in it, and a list
# of sayings that holds requests ("惯用的说法有 … 下载会议软件共享屏幕 …") are the scam's, not the reader's;
# the same words with no scammer named, with no warning after them, or with a channel of the message's own are not.
@pytest.mark.parametrize(
    ("text", "at", "told"),
    [
        ("【反诈中心】冒充客服的骗子常说：给您双倍赔偿；您的会员马上自动续费；百万保障到期会影响征信。听到这些请挂断。", "自动续费", True),
        ("【平台提醒】我们常说：给您双倍赔偿；您的会员马上自动续费；百万保障到期会影响征信。听到这些请挂断。", "自动续费", False),
        ("【温馨提示】骗子冒充法院的套路：先说您有案件马上开庭，再说不想被强制执行就先交一笔保证金。法院从不要求向个人账户交钱，请勿轻信。", "先交", True),
        ("【温馨提示】骗子冒充法院的套路：您有案件马上开庭，不想被强制执行就先交一笔保证金。法院从不要求向个人账户交钱，请勿轻信。", "先交", False),
    ],
)
def test_notice14_habitual_sayings_and_narrated_colon_blocks_are_retold(text, at, told):
    norm = normalize(text).text
    assert retold(norm, norm.index(at)) is told


@pytest.mark.parametrize(
    ("text", "kind", "asked"),
    [
        ("反诈中心提示 骗子惯用 内幕消息 稳赚不赔 马上涨停 等话术拉人进群 正规投资咨询不会承诺收益", "chat", False),
        ("内幕消息 稳赚不赔 马上涨停 赶紧进群", "chat", True),
        ("温馨提示 骗子冒充客服时惯用的说法有 百万保障马上开始扣费 需要下载会议软件共享屏幕帮您关闭 百万保障本身免费 不会自动扣费 任何要您共享屏幕的都是骗子", "screen_share", False),
        ("温馨提示 骗子冒充客服时惯用的说法有 百万保障马上开始扣费 需要下载会议软件共享屏幕帮您关闭", "screen_share", True),
        ("【温馨提示】骗子冒充法院的套路：先说您有案件马上开庭，再说不想被强制执行就先交一笔保证金。法院从不要求向个人账户交钱，请勿轻信。", "pay", False),
        ("【温馨提示】骗子冒充法院的套路：先说您有案件马上开庭，再说不想被强制执行就先交一笔保证金，请转到6222021234567890123。", "pay", True),
        # 再说 alone is "besides", no narration
        ("谨防骗子。您的贷款已审批，再说资金被冻结，需先交保证金才能解冻。", "pay", True),
    ],
)
def test_notice14_requests_in_a_list_of_sayings_are_not_the_readers(text, kind, asked):
    assert (kind in _read(text).request_kinds) is asked


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("温馨提示 骗子冒充客服时惯用的说法有 百万保障马上开始扣费 需要下载会议软件共享屏幕帮您关闭 百万保障本身免费 不会自动扣费 任何要您共享屏幕的都是骗子", True),
        ("反诈宣传员提醒 冒充熟人的骗子常用 我换号了 手机坏了 急用钱马上还你 等话术 家人朋友突然借钱 一定要打原来的号码确认", True),
        ("【警惕】以下是骗子常用的话术：您有一起案件马上开庭，不想被强制执行就先交一笔保证金，否则明天通知你单位领导。", False),
        ("反诈宣传员提醒 冒充熟人的骗子常用 我换号了 等话术 爸 我换号了 急用钱 马上转到6222021234567890123", False),
    ],
)
def test_notice14_sayings_lists_stay_low_and_their_look_alikes_do_not(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice14: a scam taken apart, named so in a warning's opening, makes a retelling; not where a victim asks what to
# do, nor "以上为诈骗话术" (said of any text put before it); a colon block after the scammer narrates again only
# by its steps (先说…，再说…), not by any 让她 in a story told after it.
@pytest.mark.parametrize(
    ("text", "retelling"),
    [
        ("【刷单诈骗拆解】第一步，广告说“动动手指日结百元”；第二步，小任务真的返了佣金；第三步，拉进任务群，说大任务要先垫付本金。所有刷单都是诈骗。", True),
        ("【刷单诈骗拆解】第一步，广告说日结；第二步，返了佣金；第三步，拉进任务群，说大任务要先垫付本金，我要不要转？", False),
        ("我同事问：有人打电话说是税务局的，（以上为诈骗话术，请勿轻信）说可以补退税，让她把个税App的登录密码告诉对方，她问这个要不要转。", False),
    ],
)
def test_notice14_a_scam_taken_apart_in_the_opening_is_a_retelling(text, retelling):
    assert _read(text).retelling is retelling


def test_notice14_a_colon_block_after_the_scammer_is_not_narrated_by_any_verb_in_it():
    text = "转给大家看看，这就是骗子的套路：我外婆接到电话，说我被学校的人打了，让外婆转钱给医院，让她千万别告诉我妈。外婆已经在排队了。"
    norm = normalize(text).text
    assert not retold(norm, norm.index("千万别告诉"))


# notice14 (new rows): "马上要降额", "马上会被冻结" tell what will happen soon, no fresh order ("马上转账" still is);
# "这一定是诈骗" and "不要扫陌生二维码" warn; a role claimed on a call received ("接到自称“市社保局”的电话，说…") and
# someone handing out leaflets ("有人在小区门口发传单，说…让大家…") are reported; the same words with a channel of
# the message's own are still asked.
@pytest.mark.parametrize(
    ("text", "kind", "asked"),
    [
        ("如果有人自称银行工作人员，说您的信用卡马上要降额，需要在他发的页面上填写卡号和验证码，这一定是诈骗。", "credentials", False),
        ("谨防诈骗。您的信用卡已被风控，马上填写卡号和验证码解除限制。", "credentials", True),
        ("【温馨提示】接到自称“市社保局”的电话，说您的社保卡马上要停用，需要先转一笔保证金才能恢复，请不要相信。", "pay", False),
        ("【温馨提示】谨防诈骗。您的社保卡马上要停用，需要先转一笔保证金才能恢复，请转到6222021234567890123。", "pay", True),
        ("派出所提醒：有人在小区门口发传单，说扫码加群就能免费领米面油，进群后再让大家买理财产品。请大家不要扫陌生二维码。", "chat", False),
        ("派出所提醒：扫码加群就能免费领米面油，进群后大家一起买理财产品，群号88669900。", "chat", True),
    ],
)
def test_notice14_imminence_leaflets_and_claimed_roles_are_retold(text, kind, asked):
    assert (kind in _read(text).request_kinds) is asked


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("有人让您在陌生页面填写验证码，这一定是诈骗。", True),
        ("请大家不要扫陌生二维码。", True),
        ("一定是您记错了，请马上还款。", False),
    ],
)
def test_notice14_certain_fraud_and_strange_codes_warn(text, warns):
    assert (_read(text).denial is not None) is warns


# threat15 (issue 8, 9): a known person on a new or borrowed number who asks for money (fraud_taxonomy.md
# A.1 row 30), said in other words than "换号了"; the look-alikes ask nothing, or speak from a known number.
THREAT15_NEW_NUMBER_MONEY = [
    "哥们，是我，老周，手机号换了。最近手头紧，能不能先借我3000，下月发了工资还你。",
    "我是你初中同学小雯，换了个新号，在外面遇到点麻烦，能借我点钱吗",
    "姑，我手机坏了，用的室友的。报名费还差四百，您能先帮我转一下吗？",
    "老婆 我手机丢了 借的别人手机 帮我充一百话费到这个号",
    # the sender's own trouble told ("遇到点难处") is no warning cue, spaces gone or not
    "在吗 我是你大学室友阿凯 换了个新号 这阵子遇到点困难 能借我点钱吗",
]
THREAT15_LOOK_ALIKES = [
    "我换号了，周末一起吃饭",
    "爸 手机号换了 存一下 晚上打给你",
    "我是你高中同学，下个月同学会记得来",
    "上次聚餐是我先付的，一共480，你转我240就行",
    "我用的同事的手机，晚点到家给你回电话",
    "遇到困难不要向陌生账户转账，先打原来的号码核实",
]


@pytest.mark.parametrize("text", THREAT15_NEW_NUMBER_MONEY)
def test_threat15_new_number_asking_money_is_judged(text):
    reading = _read(text)
    assert "pay" in reading.request_kinds
    assert {"claimed_acquaintance_asks_for_money", "pay_through_unofficial_channel"} & {f.id for f in reading.findings}
    assert check(text).verdict != "low_risk"


@pytest.mark.parametrize("text", THREAT15_LOOK_ALIKES)
def test_threat15_new_number_alone_or_known_friend_stays_low(text):
    assert check(text).verdict == "low_risk"


# notice16 (issue 8, fresh rows): a scam's steps retold after a word of sequence or a circled number ("再拉您进群",
# "然后说您卡单了", "①发短信说…"), and 拉 / 催 as ways the scammer leads the reader on, are the scammer's in a warning
# that names the scam as such ("刷单诈骗的典型步骤"); with no warning, or a channel of the message's own, the same
# steps are the sender's requests and are still asked.
@pytest.mark.parametrize(
    ("text", "kind", "asked"),
    [
        ("【反诈中心】刷单诈骗的典型步骤：先让您点赞返佣金；再拉您进群做大任务；然后说您卡单了，必须继续充值才能提现。所有刷单都是诈骗。", "pay", False),
        ("【反诈中心】刷单诈骗的典型步骤：先让您点赞返佣金；再拉您进群做大任务；然后说您卡单了，必须继续充值才能提现。所有刷单都是诈骗。", "chat", False),
        ("先让您点赞返佣金；再拉您进群做大任务；然后说您卡单了，必须继续充值才能提现。", "pay", True),
        ("先让您点赞返佣金；再拉您进群做大任务；然后说您卡单了，必须继续充值才能提现。", "chat", True),
        ("【福利】先点赞返佣金；再拉您进群做大任务；然后说您卡单了，必须继续充值才能提现，群号88669900。谨防诈骗。", "pay", True),
        # 然后 and the reader as the speaker ("然后您说一下验证码") or a step that asks ("然后要您先交") narrate nothing
        ("谨防骗子。您的贷款已审批，然后告诉我您的验证码，马上放款。", "credentials", True),
        ("谨防骗子。先让您交保证金，然后说您的卡被冻结，转到6222021234567890123。", "pay", True),
    ],
)
def test_notice16_a_scams_steps_after_a_word_of_sequence_are_retold(text, kind, asked):
    assert (kind in _read(text).request_kinds) is asked


# notice16: the scam named by its steps or its marks ("诈骗的典型步骤", "诈骗流程"), "防诈", "请不要理会", "马上停下来",
# "请立即停止投资" and 12381's "您可能正在接触…诈骗" warn; the same verbs as pressure or a promise warn of nothing.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("网贷诈骗流程：先说您有额度，再说卡号填错。", True),
        ("公安部发布20个防诈关键词，请大家牢记。", True),
        ("收到这样的短信，请不要理会。", True),
        ("只要有人让您转账，马上停下来。", True),
        ("【12381】您可能正在接触“虚假投资理财”诈骗，请立即停止投资。", True),
        ("您正在接触的是顶级投资团队，名额有限。", False),
        ("请您不要停，马上转账到指定账户。", False),
        ("流程很简单：先交资料费，再等放款。", False),
    ],
)
def test_notice16_scam_named_by_its_steps_and_stop_words_warn(text, warns):
    assert (_read(text).denial is not None) is warns


# notice16: the warnings stay low (a conditional "只要让您…，马上停下来", a quoted ad "收到“…”这样的短信，请不要理会",
# "…一律是杀猪盘", 12381's "对方常称…"); the same words as the sender's own offer or request are still flagged.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("提醒：无论对方说什么，只要让您转账、扫码付款、提供验证码，马上停下来，拨打96110。", True),
        ("只要您转账、扫码付款、提供验证码，马上就能解冻。", False),
        ("【12381】您可能正在接触“虚假投资理财”诈骗，对方常称有内幕消息、稳赚不赔，引导您在陌生App入金。请立即停止投资。", True),
        ("【财富讲堂】内部消息稳赚不赔，您正在接触的是顶级投资团队，加微信abc12345入群。", False),
        ("温馨提示：收到“我们是证券投资顾问，推荐您一只黑马股，加入VIP群免费领取”这样的短信，请不要理会。", True),
        ("推荐您一只黑马股，加入VIP群免费领取，群号88669900，请不要理会其他消息。", False),
        ('公安提醒 网上认识的对象 从没见过面 却带你投资 说"这个平台有漏洞 稳赚不赔" 一律是杀猪盘 请立即停止转账', True),
        ("本平台稳赚不赔别的平台一律是杀猪盘 加微信abc12345", False),
    ],
)
def test_notice16_warnings_stay_low_and_their_look_alikes_do_not(text, low):
    assert (check(text).verdict == "low_risk") is low


# notice16: words a warning names as words to watch for ("防诈关键词：屏幕共享、百万保障…", "…——这三个词出现在同一个电话
# 里，就是诈骗") are named, not asked; an advert's "搜索关键词：…", a request with "这些词" put after it and no warning,
# or a scam after the list with a channel of its own, keep their red flags.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("公安部发布20个防诈关键词，请大家牢记：屏幕共享、百万保障、安全账户、修复征信、刷单做任务、内幕消息……听到这些词，多留个心眼，拿不准就打96110。", True),
        ("反诈预警 “涉嫌洗钱”“资金清查”“安全账户”——这三个词出现在同一个电话里，就是诈骗。挂断，拨96110。", True),
        ("请下载腾讯会议开启屏幕共享，这些词不懂的话客服教您。", False),
        ("百度搜索关键词：安心借，无抵押秒到账，下载App立即申请。", False),
        ("防骗关键词：屏幕共享。客服：请下载腾讯会议，开启屏幕共享，我帮您关闭百万保障，客服QQ 2744037610。", False),
    ],
)
def test_notice16_words_named_as_words_to_watch_for_are_not_asked(text, low):
    assert (check(text).verdict == "low_risk") is low


# Issue 9 (bare16): a message without a single clause mark. A new subject takes up the next statement, so
# a cue before it reaches no request after it; a cue whose request follows with no new subject, or whose
# "您"/"你" is the object of the asking ("要求您", "让你"), still reaches it.
# (the message with its marks, the same without them): the bare one asks what the marked one asks.
BARE_ASKED = [
    ("姐，别打电话，我在上课。报名费还差200，你转到这个卡上6222021234567890123", "姐别打电话我在上课报名费还差200你转到这个卡上6222021234567890123"),
    ("孙老师：今年不用现金了，大家扫这个码交班费，每人80元", "孙老师 今年不用现金了大家扫这个码交班费每人80元"),
]
BARE_STILL_DENIED = [
    "本行不会以任何理由要求您向个人账户转账",
    "切勿向陌生账户转账汇款",
    "千万别信陌生人让你转账到安全账户",
    "银行工作人员不会让您把钱转到所谓的安全账户",
]


@pytest.mark.parametrize(("marked", "bare"), BARE_ASKED)
def test_bare16_a_cue_reaches_no_request_after_a_new_subject(marked, bare):
    assert "pay" in _read(bare).request_kinds
    assert _read(bare).request_kinds == _read(marked).request_kinds
    assert check(bare).verdict == check(marked).verdict


@pytest.mark.parametrize("text", BARE_STILL_DENIED)
def test_bare16_a_cue_still_reaches_the_request_of_its_own_statement(text):
    assert "pay" not in _read(text).request_kinds
    assert check(text).verdict == "low_risk"


# A chat label without its colon, set apart by a space or an @ in a message without marks, is read as the
# label; glued to the next words, or in a message with marks, it is not read so.
BARE_LABELLED = [
    ("王老师 @全体成员 资料费每人80元 直接转我微信", "teacher"),
    ("孙老师@全体成员 本周班费每人50元 扫我发的码交", "teacher"),
    ("钱总 在吗 有个急事 你先帮我给客户转两万 账户我一会儿发你", "boss"),
    # after an opener too, with a mark or a space (a prefix takes no claim away)
    ("晚上好 房东 这个月房租转到新卡 6222021234567890123", "landlord"),
    ("您好，房东 这个月房租转到新卡 6222021234567890123", "landlord"),
    # an endearment glued to the subject of the next statement, as if a comma stood between
    ("亲爱的我家里出事了急需用钱你能先借我8000吗", "intimate"),
]
BARE_NOT_LABELLED = [
    ("王老师您好 孩子今天发烧请假一天", "teacher"),
    ("王老师，孩子今天发烧请假一天。", "teacher"),
    ("王老师孩子今天发烧请假一天", "teacher"),
    ("亲爱的我们店铺周年庆全场五折", "intimate"),
    ("亲爱的顾客您好您的快递已到驿站", "intimate"),
]


@pytest.mark.parametrize(("text", "person"), BARE_LABELLED)
def test_bare16_a_label_without_its_colon_is_read(text, person):
    assert person in {c.id for c in _read(text).claims if c.kind == "person"}
    assert check(text).verdict != "low_risk"


@pytest.mark.parametrize(("text", "person"), BARE_NOT_LABELLED)
def test_bare16_an_address_is_no_label(text, person):
    assert person not in {c.id for c in _read(text).claims if c.kind == "person"}


def test_bare16_a_labelled_notice_through_the_school_stays_low():
    text = "杜老师 各位家长 本学期资料费236元 请通过学校统一缴费平台缴纳 班级不收现金和转账"
    assert "teacher" in {c.id for c in _read(text).claims if c.kind == "person"}
    assert check(text).verdict == "low_risk"


# quote16 (issue 8, red team quotes): quotation marks make words reported speech only in a warning, where a
# third person says them ("领导加您好友后说“…”", "有人说“…”“…”"), or where they are named as a saying right
# after their marks ("“…”是诈骗短信", "“…”等说法"); and where the message gives an unofficial channel of its own,
# only a third person its sentence names. Anyone can put quotation marks around his own request.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        # genuine warnings that quote scam requests, with no channel of their own, stay low
        ("【成都公安】领导加您好友后说“我在开会不方便接电话，帮我给客户转一下款，回头还你”，请一定先打领导原来的号码核实。", True),
        ("各位家长：学校收费统一通过学校缴费平台，班主任不会在群里发个人收款码。如有“老师”在群里说“交资料费，马上截止，交完接龙”，请先电话联系班主任核实。", True),
        ("【西安公安】假期出行提示：“ETC认证失效请点击链接”是诈骗短信，ETC无需年检认证。", True),
        ("【美团】温馨提示：直播间里“加群领福利”“私下转账更便宜”等说法均非平台行为，交易请在平台内完成，不要私下付款。", True),
        ("骗子会说“您的账户涉嫌洗钱，请把钱转到安全账户”，公检法没有安全账户，切勿转账。", True),
        # the same requests in quotation marks of the sender's own, with a channel of its own or none, stay flagged
        ("您好，您的快递“丢失”，我们将“双倍理赔”，请添加“客服QQ”12345678办理。", False),
        ("我们是“稳赚不赔”的平台，加微信abc12345了解。", False),
        ("【法院】您的案件已进入审理阶段，请将“账户余额转入”法院指定的“核查账户”，核查完毕原路退回。", False),
        ("领导，“我在开会”不方便接电话，“帮我给客户转一下款”到6222021234567890123，回头还你。", False),
        ("您的快递丢失，“请添加”理赔专员微信kf_88990011“领取”双倍赔偿。", False),
    ],
)
def test_quote16_quotation_marks_report_speech_only_in_a_warning_or_a_third_persons_words(text, low):
    assert (check(text).verdict == "low_risk") is low


# quote16: a chat id after its network's name, with quotation marks between them, is still the id.
@pytest.mark.parametrize(
    ("text", "value"),
    [("请添加“客服QQ”12345678办理", "12345678"), ("加微信“abc12345”了解", "abc12345"), ("加QQ 12345678", "12345678")],
)
def test_quote16_a_chat_id_in_quotation_marks_is_a_channel(text, value):
    assert any(c.kind == "chat" and value in c.value for c in _read(text).channels)


# quote16: the lead's probes. Quotation marks around the sender's own words take no red flag away.
@pytest.mark.parametrize(
    ("plain", "quoted", "flag"),
    [
        ("您好，您的快递丢失，我们将双倍理赔，请添加客服QQ 12345678 办理。", "您好，您的快递“丢失”，我们将“双倍理赔”，请添加“客服QQ”12345678办理。", "chat_app_contact"),
        ("我们是稳赚不赔的平台，加微信abc12345了解。", "我们是“稳赚不赔”的平台，加微信abc12345了解。", "promised_returns"),
    ],
)
def test_quote16_quotation_marks_around_the_senders_own_words_take_nothing_away(plain, quoted, flag):
    a, b = check(plain), check(quoted)
    assert flag in {f.id for f in b.red_flags} and ORDER.index(b.verdict) >= ORDER.index(a.verdict)


@pytest.mark.parametrize(
    "text",
    [
        "防诈关键词：屏幕共享、安全账户、验证码，听到就挂断",
        "记住公检法、安全账户、屏幕共享这三个词，一听到就是诈骗",
        "请登录官方App核实，不要向陌生账户转账",  # none of the characters every match needs
        "关于字词的说明：请转账到以下账户",
        # speed17: the window holds a trigger (词, 字, 关) but nothing negation.named_words_core reads
        "请在备注里写上名字和数字，签字后转账到对公账户，关注公众号领取",
        # and the core in each of its forms
        "反诈关键字:冒充客服、刷单返利，请牢记",
        "“安全账户”“涉嫌洗钱”，上面的两个词，一旦听到请挂断",
        "以上关键词出现在同一通电话里就是骗局",
        "“共享屏幕”——这些字眼要当心",
        "“验证码”“刷单”那12个词要警惕",
    ],
)
def test_named_as_words_is_the_expression_run_over_its_window(text):
    """claims._named_as_words runs negation.named_words only where the window holds one of its triggers:
    at every place of the text, the same answer as the expression run over the window."""
    from checker.stages import claims

    data = claims._data()
    reach = claims._NAMED_WORDS_REACH
    for start in range(len(text)):
        for end in (start + 1, min(len(text), start + 4)):
            lo, hi = max(0, start - reach), min(len(text), end + reach)
            plain = any(m.start() <= start and end <= m.end() for m in data.named_words.finditer(text, lo, hi))
            assert claims._named_as_words(text, start, end, data) == plain, (text, start, end)
    # Every match holds a match of negation.named_words_core, which _named_as_words looks for first.
    for m in data.named_words.finditer(text):
        assert data.named_words_core.search(text, m.start(), m.end()), (text, m.span())


# quote17 (issue 8, red team quotes): quotation marks that split words (调解「中心」, 安「全账户」) hid them from
# every pattern and the model; since quote18 the normaliser drops the marks (the words are whole for
# every pattern and the model) and records the quotations, so quoting never lowers a verdict below the
# unquoted text's.
QUOTE17_SPLIT_SCAMS = [
    (
        "您好，这里是调解中心，您的网贷已逾期，需缴纳保证金2000元到指定账户6222021234567890123，今天不处理将上门。",
        "您好，这里是调解「中心」，您的网贷已逾期，需缴纳保「证金」2000元到指定账户6222021234567890123，今天不处理将上门。",
    ),
    (
        "【支付宝】您的账户存在风险，请将余额转入安全账户，联系客服13800138000办理。",
        "【支付宝】您的账户存在风险，请将余额转入安「全账户」，联系客服13800138000办理。",
    ),
    (
        "亲，您的快递丢失，我们将双倍理赔，请添加客服微信kf_88990011领取。",
        "亲，您的快递丢失，我们将双倍理赔，请添“加客”服微信kf_88990011领取。",
    ),
    (
        "支付宝不会通过短信通知退款，但您的订单异常，请点击 http://zfb-tk.cc 填写银行卡信息领取退款。",
        "支付宝不”会通“过短信通知退款，但您的订单异常，请点击 http://zfb-tk.cc 填写银行卡信息领取退款。",
    ),
]


@pytest.mark.parametrize(("plain", "quoted"), QUOTE17_SPLIT_SCAMS)
def test_quote17_marks_that_split_words_never_lower_a_scam(plain, quoted):
    a, b = check(plain), check(quoted)
    assert a.verdict != "low_risk"
    assert ORDER.index(b.verdict) >= ORDER.index(a.verdict)


# quote17: a warning notice or a retelling reads its quotations as it did: the scam's request it quotes
# stays reported speech (quote18: read from the quotations the normaliser recorded).
@pytest.mark.parametrize(
    "text",
    [
        "警方提醒：骗子会说“请把钱转到安全账户”，凡是要求转账到安全账户的都是诈骗。",
        "提醒：“公检法”不会让您转账到“安全账户”，如有人要求请拨打110。",
        "【银行】温馨提示：本行不会以“账户异常”“积分兑换”为由发送链接，请勿点击陌生链接，勿向他人透露验证码。",
        "骗子会说「您的账户涉嫌洗钱，请把钱转到安全账户」，公检法没有安全账户，切勿转账。",
        "这家店的“网红”奶茶真好喝，下次一起去。",
    ],
)
def test_quote17_warnings_that_quote_a_scams_request_stay_low(text):
    assert check(text).verdict == "low_risk"


# quote17: a promise is a saying too: a third person's promise in quotation marks is reported ("对方承诺“…”"),
# the sender's own is not.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("【12381】提醒：对方承诺“包装流水、内部渠道放款”的，是虚假贷款，请勿支付任何费用。", True),
        ("我们承诺“包装流水、内部渠道放款”，当天到账，加微信abc12345办理。", False),
    ],
)
def test_quote17_a_third_persons_promise_in_quotation_marks_is_reported(text, low):
    assert (check(text).verdict == "low_risk") is low


# quote18 (issues 8 and 12): the normaliser drops quotation marks and records the quotations; the claims
# read reported speech from the recorded quotations, and nothing reads the message twice. A scam with a
# word split by any kind of mark stays flagged, a warning's own word or none before it; a genuine warning
# that quotes a scam's request stays low, with marks inside its own quotation too.
QUOTE18_SPLIT = "您的账户涉嫌一起洗钱案件，请立即将资金转入安{}全账户{}接受审查，切勿告知他人。"
QUOTE18_MARKS = [("「", "」"), ("“", "”"), ("『", "』"), ("＂", "＂"), ('"', '"'), ("﹁", "﹂")]


@pytest.mark.parametrize(("opening", "closing"), QUOTE18_MARKS)
@pytest.mark.parametrize("before", ["", "【反诈提醒】", "反诈中心提醒您："])
def test_quote18_a_word_split_by_any_mark_stays_flagged(opening, closing, before):
    pasted = before + QUOTE18_SPLIT.format(opening, closing)
    result = check(pasted)
    assert result.verdict == "high_risk"
    flag = next(f for f in result.red_flags if f.id == "pay_to_personal_account")
    # the evidence quotes the paste, the mark that split the word with it
    assert all(pasted[e.start : e.end] == e.text for e in flag.evidence)
    assert any(opening in e.text for e in flag.evidence)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # a warning quotes a scam that quotes: marks inside its own quotation
        ("【反诈提醒】骗子会说“请把钱转到“安全账户”里”，公检法没有安全账户，请勿转账。", True),
        ("【成都公安】领导加您好友后说“我在开会不方便接电话，帮我给「客户转」一下款，回头还你”，请一定先打领导原来的号码核实。", True),
        ("【南宁反诈】“我是南宁公安局的，您涉嫌洗钱，现在马“上到一个”没人的房间配合调查”——这就是骗子的开场白。请立即挂断，拨打110。", True),
        ("【美团】温馨提示：直播间里“加群领福利”“私下转账更“便宜””等说法均非平台行为，交易请在平台内完成，不要私下付款。", True),
        ("济南派出所温馨提示：辖区一位阿姨接到“医保局”电话，说她的医保卡在外地被盗刷，又让她把钱存到“安全账户”。公检法不会电话办案，更没有安全账户。", True),
        ("【温馨提示】接到自称“苏州市社保局”的电话，说您的社保卡马上要停用，需要先转一笔保证金才能恢复，请不要相信。", True),
        # the same requests as the sender's own, marks inside them or not, stay flagged
        ("领导，我在开会不方便接电话，帮我给「客户转」一下款到6222021234567890123，回头还你。", False),
        ("您涉嫌洗钱，现在马“上到一个”没人的房间，把钱转到“安全账户”6222021234567890123配合调查。", False),
        ("直播间福利：“加群领福利”，“私下转账更“便宜””，加微信abc12345。", False),
    ],
)
def test_quote18_warnings_quote_scams_with_marks_inside_their_own_quotation(text, low):
    assert (check(text).verdict == "low_risk") is low


# quote18: a term named in quotation marks, as a warning names it, is not said (rules.toml `quoted = false`).
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("【12381】您好！对方承诺“包装流水、内部渠道放款”，这是虚假贷款诈骗，请勿支付任何费用。", False),
        ("你征信有点花，额度下不来，我们帮你包装一下流水，贷款马上批，交个包装费就行。", True),
        ("你征信有点花，额度下不来，我们帮你包「装一下流」水，贷款马上批，交个包装费就行。", True),
        # an aside inside the term parts the match; the term still opens the quotation (rules._parted_in)
        ("【12381】您好！对方承诺“包装（一下）流水、内部渠道放款”，这是虚假贷款诈骗，请勿支付任何费用。", False),
        ("【12381】您好！对方承诺“包装(附图)流水”，这是虚假贷款诈骗，请勿支付任何费用。", False),
        ("你征信有点花，我们帮你包装（放心）流水，贷款马上批，交个包装费就行。", True),
    ],
)
def test_quote18_a_term_named_in_quotation_marks_is_not_said(text, flagged):
    assert ("card_turnover_or_proof_of_funds" in {f.id for f in check(text).red_flags}) is flagged


# quote18: what reads the words alone is not hidden by the marks put back ("对方「自称」…" is still 对方自称),
# and a chat log's own label in quotation marks is still the reader's turn ("“我”：要交解冻费吗").
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("我老公今天接到一个电话，对方「自称」是他们“公司的”老总，「说在开会」让他“帮忙转钱”。我老公没转，当面问了老总，根本没打过电话。", True),
        ("客服：您的银行卡已注销，请在App里换绑\n“我”：要交解冻费吗\n客服：不用，我们没有解冻费这个说法", True),
        # the same requests made of the reader stay flagged
        ("我是你们公司的老总，「在开会」，你先“帮忙转钱”到6222021234567890123，回头还你。", False),
        ("客服：您的银行卡已注销\n“客服”：要交解冻费，请转账到6222021234567890123", False),
    ],
)
def test_quote18_marks_put_back_hide_nothing(text, low):
    assert (check(text).verdict == "low_risk") is low


# personal17: a call or message received, then what it said after a comma with its subject elided
# ("刚收到一条短信，说我中奖了要交手续费", claims.toml retelling.received_said), or with no measure word
# ("刚接到电话，说…", retelling.frame), and a check that found nothing ("去法院官网查了根本没有") or a scam
# called one ("肯定是骗子", retelling.refused), tell a story as a warning; its twins (still pending, a
# question, a demand of their own after it, no refusal) keep their requests.
RECEIVED_SAID_RETOLD = [
    "哥，我刚才收到一条短信，说我中奖了要交手续费，我没理，你也提醒一下妈",
    "妈，我刚收到一条短信，说我涉嫌洗钱要把钱转到安全账户，我没理，你要是收到也别信",
    "今天接到个电话，说是公安局的，说我卡涉嫌洗钱，让我转到安全账户，我直接挂了",
    "刚接到电话，说我的医保卡被冻结了，要我提供验证码解冻，我挂了，你们小心",
    "刚才收到短信，说我的贷款审批通过了，要先交保证金才能放款，我根本没贷过款，肯定是骗子",
    "我接到一个电话，说是法院的，说我有传票要我加微信处理，我去法院官网查了根本没有",
    "哥，有人加我微信说是你，说换号了急用钱让我转到他朋友卡上，我打你原来的电话你说没这事，已经拉黑了",
]
RECEIVED_SAID_PENDING = [
    "刚收到一条短信，说我中奖了要交手续费，我正在交，还差500，你先转我500",
    "刚才收到短信，说我的贷款审批通过了，要先交保证金才能放款，我要不要交？",
    "刚接到电话，说我的医保卡被冻结了，要我提供验证码解冻，我该怎么办",
    "刚接到电话，说我的医保卡被冻结了，要我提供验证码解冻，肯定是骗子吧？",
    "接到电话，说是法院的，说我有传票要我加微信处理",
    "妈，我刚收到一条短信，说我涉嫌洗钱要把钱转到安全账户，我现在在银行排队",
    "有人加我微信说是你，说换号了急用钱让我转到他朋友卡上，我要不要转？",
    "收到短信，说你换号了，我没理。我是你领导，明天来我办公室，先给合作方转一笔钱到这张卡6222021234567890123",
]


@pytest.mark.parametrize("text", RECEIVED_SAID_RETOLD)
def test_personal17_a_message_received_then_retold_after_a_comma_is_a_warning(text):
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("text", RECEIVED_SAID_PENDING)
def test_personal17_the_same_report_pending_or_asking_keeps_its_requests(text):
    assert check(text).verdict != "low_risk"


# personal17: a fee the writer tells as paid ("我办护照交了工本费", "我刚转账给你，银行扣了五块手续费") asks
# nobody to pay: the rules read it as claims reads a payment made (negation.paid_by_writer, with the
# writer's errand between: "我办护照", "我给孩子"), and list it as suppressed (filter paid_by_writer); a
# demand after it ("我已为您垫付了部分费用，请先交保证金"), asked of the reader, or the same fee still to pay stays.
WRITER_PAID_FEES = [
    "姐，我办护照交了工本费，下周去出入境拿",
    "老婆，我刚转账给你，银行扣了五块手续费，你看到账没",
    "妈，我给孩子报名交了押金，开学的时候退",
]
FEES_STILL_ASKED = [
    "您的贷款已审批，我已为您垫付了部分费用，请先交保证金3000元才能放款",
    "我刚交了手续费，你也要交手续费500元才能提现",
    "姐，我办护照要交工本费，你先转我五百，急用",
    "我已经帮你交了一半保证金，剩下的一半你今天转到这张卡6222021234567890123",
]


@pytest.mark.parametrize("text", WRITER_PAID_FEES)
def test_personal17_a_fee_the_writer_tells_as_paid_asks_nothing(text):
    result = check(text)
    assert result.verdict == "low_risk"
    assert "debtor_fee_demand" not in {f.id for f in result.red_flags}


def test_personal17_a_fee_the_writer_paid_is_listed_as_suppressed():
    # (缴了: "交了" is read as no demand at all, rules.toml pay_then_fee)
    result = check("姐，我办护照缴了工本费，下周去出入境拿")
    assert ("debtor_fee_demand", "paid_by_writer") in {(s.rule, s.filter) for s in result.suppressed}


@pytest.mark.parametrize("text", FEES_STILL_ASKED)
def test_personal17_a_fee_still_asked_after_or_beside_the_writers_payment_stays(text):
    assert check(text).verdict == "high_risk"


# quote18: a verb of saying right before a quotation speaks it, even where the verb stands in a
# quotation of its own that ends there ("领导加您好友「后说」“…”"); quotations in a row share a speaker only
# where none stands before the later one.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("【成都公安】「领导加您」好友「后说」“我在开「会不方」便接电话，帮我给客户转一下款，回头还你”，请一定先打领导原来的号码核实。", True),
        ("有人说“私下转账更便宜”“加我微信给你优惠”，这类说法都不可信，请在平台内交易。", True),
        # the words that name a saying, in a quotation of their own right after it
        ("【美团】温馨提示：直播间里““加群”领福利”“私下转账更便宜”“等说法均”非平台行为，交易请在平台内完成。", True),
        ("「后说」“我在开会不方便接电话，帮我给客户转一下款到6222021234567890123，回头还你”", False),
    ],
)
def test_quote18_the_verb_of_saying_right_before_a_quotation_speaks_it(text, low):
    assert (check(text).verdict == "low_risk") is low


@pytest.mark.parametrize(
    "text",
    [
        "杜老师 各位家长 班费请在周五前交到班长那里",
        "您好 王老师 这学期的资料费收一下，交到学校财务处，谢谢大家配合，有问题随时问我",
        "你好 房东 新卡号发你了 这个月房租转这张卡上 明天前转过来 谢谢了啊 麻烦你了 有事打电话。",
        "吴老师@全体成员 明天上午九点在学校门口集合，带好身份证和准考证，不要迟到，收到请回复",
        "张经理 您好 我是小李 上次说的合同我已经发到您邮箱了 您看一下有没有问题 没问题的话我们就签了，谢谢",
    ],
)
def test_bare_labels_skips_the_openers_only_where_no_label_can_start(text, monkeypatch):
    """claims._bare_labels reads no openers where a mark stands at or after normalize._OPENER_REACH
    (speed17): every place a label could start has a mark after it. The same labels as read with
    every opener."""
    from checker.stages import claims

    norm = normalize(text)
    quick = claims._bare_labels(norm)
    monkeypatch.setattr(claims, "_OPENER_REACH", 10**9)  # no mark stands that far: every opener is read
    assert claims._bare_labels(norm) == quick


# notice19: a genuine warning retells a scam by its grammar, not by one saying: the steps it enumerates under a
# heading that names the scam, a scenario it puts as a condition or a question and then advises on, a number or a
# link the scam's message left that it tells the reader not to use, an SMS shown as from an official number (a fake
# base station's), a lure put as a question and answered "一律是诈骗". Each stays low; the same words with the
# sender's own channel (a card, a chat id, a link, a mobile), or with no advice after them, are still flagged.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        # steps under a heading naming the scam (①②, 然后 / 最后), the warning going on after them
        ("冒充公检法诈骗套路：①来电称您涉嫌洗钱；②要求下载会议软件开启屏幕共享；③让您把资金转入“清查账户”。以上任何一步出现，立即挂断拨打110。", True),
        ("冒充公检法诈骗套路：①来电称您涉嫌洗钱；②要求下载会议软件开启屏幕共享；③让您把资金转入“清查账户”6222021234567890123。以上任何一步出现，立即挂断拨打110。", False),
        ("【警惕】骗子的套路：下载会议软件开启屏幕共享，把资金转入清查账户", False),
        ("刷单诈骗流程：先做几单小任务给佣金，然后让您垫付大额订单，最后拉黑。所有刷单都是诈骗！", True),
        ("刷单诈骗流程：先做几单小任务给佣金，然后让您垫付大额订单，最后拉黑。所有刷单都是诈骗！想做正规兼职请加微信abc12345。", False),
        # a scenario put as a condition, then advice
        ("如果有人打电话说您家电费欠费要停电，并让您扫码缴纳滞纳金，请先在网上国网App查询账户。供电公司不会通过私人收款码收费。", True),
        ("如果有人打电话说您家电费欠费要停电，并让您扫码缴纳滞纳金，请先在网上国网App查询账户。缴费请扫码 http://a9x.top/p 办理。", False),
        ("如果有人问起，您家电费欠费要停电，请扫码缴纳滞纳金到6222021234567890123", False),
        # a scenario put as a question, then advice
        ("遇到自称法官的人打电话说您有一起官司马上开庭，让您先交诉讼保证金撤诉，怎么办？挂断。法院不会电话收钱。", True),
        ("遇到自称法官的人打电话说您有一起官司马上开庭，让您先交诉讼保证金撤诉，怎么办？请转账到6222021234567890123，户名张伟。", False),
        # a number the scam's message left, which the warning says not to call
        ("近期有诈骗短信称您已获得2万元备用金，短信里留了一个4009897823的号码让您回电办理。请不要回拨！正规贷款不会放款前收费。", True),
        ("近期有诈骗短信称您已获得2万元备用金，短信里留了一个4009897823的号码让您回电办理，额度当天到账。", False),
        ("骗子的短信里常留一个400号码让您回电，请不要回拨。您的涉案资金需要立即核查，请直接拨打公安局经侦支队电话13912345678，由专人为您办理。", False),
        # an SMS shown as from a bank's number, retold
        ("有市民收到显示为95588的短信，说他的网银即将失效，让他登录短信里的网址重新认证，结果卡里的钱被转走。这类短信多由伪基站发出。【工商银行】提醒：我行不会通过短信链接要求认证，请拨95588核实。", True),
        ("您收到显示为95588的短信了吗？您的网银即将失效，请登录 icbc-renz.top 重新认证。", False),
        # a lure put as a question, answered in the next sentence
        ("兼职日结、动动手指就能赚钱？一律是诈骗。【南京反诈中心】", True),
        ("兼职日结、动动手指就能赚钱？加微信abc12345了解详情。", False),
    ],
)
def test_notice19_retelling_by_grammar_stays_low_and_its_look_alikes_do_not(text, low):
    assert (check(text).verdict == "low_risk") is low


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("近期有诈骗短信称您已获得2万元备用金，短信里留了一个4009897823的号码让您回电办理。请不要回拨！", False),
        ("骗子的短信里写着“售后专线4001356786”，接通后对方说要帮您退款……这个400号码不是任何平台的客服。", False),
        # no warning not to use it after: the number is offered
        ("短信里留了一个4009897823的号码，请拨打该号码办理退款。", True),
        # no scam's message named as what left it
        ("请拨打4009897823办理，不要拨打其他号码。", True),
        # the frame's clause ends, or an order to the reader stands, before the number; "其他号码" sends the reader to it
        ("诈骗短信里留的号码不要回，请拨打我们的客服4009897823，不要拨打其他号码。", True),
        ("诈骗短信里留了号码，我们的客服是4009897823，千万不要打错。", True),
        ("短信里留了一个号码请拨打4009897823，不要拨打其他号码。", True),
    ],
)
def test_notice19_a_number_the_scams_message_left_is_no_channel_of_the_sender(text, kept):
    assert any(c.value == "4009897823" for c in _read(text).channels) is kept


# notice19: the same mechanisms do not lower a scam that a warning's words were put inside (red team warning_inside):
# a heading inside a sentence, "以下是…的话术：" announcing a text, a question answered by the speaker going on.
@pytest.mark.parametrize(
    "text",
    [
        "叔，是我，小强，【警惕】以下是骗子常用的话术：在外地上学，最近报了驾照培训，交费还差9590，您能先帮我转一下吗？这是我新号。",
        "叔，是我，小强，冒充熟人诈骗套路：在外地上学，然后交费还差9590，不好意思跟爸妈开口，您能先帮我转一下吗？这是我新号。",
        "【警惕】以下是骗子常用的话术：您的账户涉嫌洗钱；然后把钱转入安全账户。请您保密配合。",
        "妈，我换新号了，如果有人问起就说是借的，您先转5000给我同学应急吗？请尽快，别告诉爸。",
    ],
)
def test_notice19_warning_words_put_inside_a_scam_lower_nothing(text):
    assert check(text).verdict != "low_risk"


# notice19b: 支付密码 is a credential to keep, not a payment asked (claims.toml pay_verb: 支付(?!宝|密码)); a
# payment asked with 支付 stays one, a password beside it or not.
@pytest.mark.parametrize(
    ("text", "pays"),
    [
        ("请家长保管好手机支付密码。", False),
        ("请您务必保管好支付密码。", False),
        ("暑假到了，请各位家长保管好手机支付密码，不要让孩子知道。", False),
        ("请马上支付5000元保证金。", True),
        ("麻烦今天支付一下尾款，支付密码别输错。", True),
        ("先支付手续费，密码稍后发你。", True),
    ],
)
def test_notice19b_a_payment_password_to_keep_is_no_payment_asked(text, pays):
    assert ("pay" in {r.kind for r in _read(text).requests}) is pays


# acq20 (issues 8 and 9): the impersonated acquaintance. The claim ("我是你们程董", the teacher of the
# reader's child as retold), the request (the loan asked as "你手上有没有…钱", the payee's code handed
# over, the code posted in the group, the receipt wanted of a transfer, cards photographed and sent) and
# the sender's own banking said locked. Each with the genuine look-alike that claims or asks nothing.
ACQ20_CLAIMED = [
    ("嗯 汤涛啊 我是你们程董 对 新换的号 你听我说", "boss"),
    ("我是你们王总，明天上午来一趟", "boss"),
    ("我孙女班上的老师今天打电话给我，说要交校服费", "teacher"),
    ("老妈你给我买几张充值卡 拍照发我 我这边手机快停了", "relative"),
]
ACQ20_NOT_CLAIMED = [
    ("我是你们领导的司机，明天早上八点接您", "boss"),
    ("我是你们老板说的那个师傅，下午过来装空调", "boss"),
    ("我是你们班主任，明天下午开家长会", "boss"),
    ("老妈你记得明天去体检，别忘了带医保卡", "relative"),
]


@pytest.mark.parametrize(("text", "person"), ACQ20_CLAIMED)
def test_acq20_who_speaks_is_read(text, person):
    assert person in {c.id for c in _read(text).claims if c.kind == "person"}


@pytest.mark.parametrize(("text", "person"), ACQ20_NOT_CLAIMED)
def test_acq20_look_alikes_claim_no_one(text, person):
    assert person not in {c.id for c in _read(text).claims if c.kind == "person"}


ACQ20_ASKED = [
    ("我是你们王总，你手上有没有五万块闲钱？急用两天", "borrow"),
    ("刚换的号，我龙总。你手头有没有钱，先拿出来", "borrow"),
    ("您直接转给对方家长吧，我把他的收款码发您。", "account_to_follow"),
    ("各位家长 班费不够了 每人补交300元 收款码发群里了", "scan_code_pay"),
    ("群里有个备注是班主任的人发了个收款码，说要交资料费", "scan_code_pay"),
    ("梁董：账户发你私聊了，转完回单发群里", "pay_then_receipt"),
    ("老妈你给我买几张充值卡 拍照发我", "buy_card"),
    ("他在开会出不来，让我先给一个装修公司付39000元工程款", "pay_for_me"),
]
ACQ20_NOT_ASKED = [
    "妈，你手上有没有零钱，帮我带两个一块的硬币",
    "有没有人让你转账？遇到一定要警惕",
    "王总：货款我已经转完了，回单发群里了",
    "各位家长，班主任不会在群里发收款码，请大家注意。",
    "妈，我给你买了两张超市购物卡，拍照发你了，卡在抽屉里",
]
ACQ20_PAY = {"borrow", "account_to_follow", "scan_code_pay", "pay_then_receipt", "buy_card"}


@pytest.mark.parametrize(("text", "pattern"), ACQ20_ASKED)
def test_acq20_requests_are_read(text, pattern):
    assert ("pay", pattern) in {(r.kind, r.pattern) for r in _read(text).requests}


@pytest.mark.parametrize("text", ACQ20_NOT_ASKED)
def test_acq20_look_alikes_ask_no_payment(text):
    assert not {r.pattern for r in _read(text).requests if r.kind == "pay"} & ACQ20_PAY


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        # The scam shapes: a claimed acquaintance on a new channel (or a teacher whose code is the payee) asks money.
        ("刚换的号，我龙总，原号码停用。你手上有没有五万块闲钱？急用两天，周五前还你。", {"suspicious", "high_risk"}),
        ("媽 我LINE被盜了 換這支0939268715 我今天要繳學費 可是網銀鎖住了 你先幫我轉過去好不好", {"high_risk"}),
        ("胡老师：对方家长同意赔偿2000元就不追究了。\n胡老师：您直接转给对方家长吧，我把他的收款码发您。", {"high_risk"}),
        ("各位家长 班费不够了 每人补交300元 今天之内交齐 收款码发群里了", {"high_risk"}),
        ("孙总：合同签了，预付款80000元今天要到对方账上\n孙总：账户发你私聊了，转完回单发群里", {"high_risk"}),
        ("老妈你给我买几张充值卡 拍照发我 我这边手机快停了", {"high_risk"}),
        ("我是你们王总，在开会不方便接电话，你先给一个装修公司付39000元工程款。", {"high_risk"}),
        # The genuine look-alikes: the same people from the number the reader has, the school's own channel.
        ("妈，你手上有没有零钱，帮我带两个一块的硬币", {"low_risk"}),
        ("我的网银锁住了，明天去柜台解锁。", {"low_risk"}),
        ("各位家长：本学期资料费120元，请通过学校统一缴费平台缴纳，截止周五，班级群里不会发收款码。", {"low_risk"}),
        ("张姐，房租转完回单发我一下，我好记账", {"low_risk"}),
        ("王总：货款我已经转完了，回单发群里了", {"low_risk"}),
        ("我们主任说周五聚餐，你加一下我微信，我拉你进群。", {"low_risk"}),
        ("小王，先给楼下保洁阿姨付300元，辛苦费", {"low_risk"}),
    ],
)
def test_acq20_verdicts_both_ways(text, verdicts):
    assert check(text).verdict in verdicts


# case21 (issue 8): warnings that tell a case or name the scammer's own channel in narration. A victim's loss
# told with its sum ("共被骗2.6万元"), a request told in the passive ("被要求打开…"), a victim named by role
# ("市民李女士", "王某"), a channel the scammer gave ("转入其提供的账户…", "诱导客户点击链接…") then disowned,
# a call to someone the reader knows ("先给孩子父母打电话"): the scam's, retold. The same words around the
# sender's own order, or a channel the sender offers again, stay flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【平安南湖】案例警示：市民李女士接到“某航空公司”短信，称其航班取消可拨打“改签专线”办理补偿。李女士回拨后，被要求打开支付宝“备用金”并进行“验证转账”，共被骗2.6万元。警方提醒：请通过航空公司官方渠道核实。", {"low_risk"}),
        ("【东湖派出所】一位老人差点被骗：对方冒充他的孙子，电话里说“爷爷，我被扣了，要交3万元保证金，别告诉我爸妈”。民警及时劝阻。提醒：接到此类电话，先给孩子父母打电话。", {"low_risk"}),
        ("警惕！不法分子冒充“网贷客服”来电，称您开通了“学生贷”需注销，随后诱导您在多个平台贷款并转入其提供的账户6217001234567788。民警提醒：注销校园贷是诈骗！", {"low_risk"}),
        ("【某银行】温馨提示：近期有不法分子冒充我行工作人员，以“账户异常需验证”为由，诱导客户点击链接 yh-yz.top 填写卡号和验证码。我行不会通过短信链接要求提供验证码。", {"low_risk"}),
        ("案例：王某接到自称“公安局”的电话，称其涉嫌洗钱，要求其将存款转入“安全账户”6222 0200 1122 3344以自证清白，王某照做后被骗15万元。警方提醒：公检法没有安全账户。", {"low_risk"}),
        ("【某大学保卫处】提醒同学们：刷单返利都是诈骗！骗子会让你加QQ 2789345512领任务，先返小额佣金，再让你垫付大额资金。切勿相信，如遇可疑情况拨打110。", {"low_risk"}),
        ("【反诈中心】近日有市民收到“【某快递】您的快递丢失，请联系理赔客服18866231457办理赔付”的短信，经查系诈骗。快递理赔请在快递公司官方App办理。", {"low_risk"}),
        ("【平安某地】一名女子被“男友”诱导在投资平台 www.hkgj-invest.com 充值，先后被骗48万元。民警提醒：网恋对象推荐投资的都是诈骗。", {"low_risk"}),
        # The sender's own order before the framed account, or the same channel offered again: flagged as before.
        ("【法务中心】您的借呗已逾期，请立即将欠款转入其提供的账户6222021234567890123，避免被骗3万元。", {"high_risk"}),
        ("【建设银行】您的账户异常，不法分子让您登录 ccb-yz.top 认证，请立即登录 ccb-yz.top 认证，否则冻结，谨防被骗5万元。", {"high_risk"}),
        # Round 34: the quotation named a scam is read as masked, its claim too; the link offered outside it still flags.
        ("“您的信用卡积分即将清零，请登录jf-yh.cc兑换现金”的短信，经查系诈骗。请登录jf-yh2.cc兑换现金。", {"suspicious", "high_risk"}),
        ("“您的信用卡积分即将清零，请登录jf-yh.cc兑换现金”的短信，经查系诈骗。您的信用卡积分即将清零，请登录jf-yh2.cc兑换现金。", {"high_risk"}),
        ("市民您好，您的社保卡已冻结，请点击 sb-gx.cc 解冻，已有人被骗2万元。", {"high_risk"}),
        ("【公安局】您涉嫌洗钱，要求其将存款转入安全账户6222 0200 1122 3344，否则被骗15万元后果自负。", {"high_risk"}),
    ],
)
def test_case21_a_case_told_with_the_scammers_channel_is_retold_both_ways(text, verdicts):
    assert check(text).verdict in verdicts


# case21 (issue 8, genuine_register_7 dev half): look-alikes read as what they are, and the same words around a
# scam's own request kept. A branch's or a staff member's landline printed as a label in a notice that is not
# about the reader's money; a warning's list whose items name who the scam claims to be; the lender's own app
# to repay in; a screen share to be closed; a sender disowning a request through a channel; the police's own
# visit; a message received, quoted and called fake; personal details asked back by reply.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【工商银行】尊敬的客户，您账户的职业信息不完整，请本人持身份证到就近网点补充完善。客户经理：陶某，网点座机0571-87159026。", {"low_risk"}),
        ("【区社保中心】您的社保卡已制卡完成，请本人携带身份证到街道便民服务中心领取，不收取任何费用。经办人电话0571-86305512，咨询可拨12333。", {"low_risk"}),
        ("【农业银行】今晚将扣除您年费1200元，客户经理0571-86001234。", {"suspicious", "high_risk"}),
        ("【工商银行】您的账户存在异常将被冻结，客户经理陶某，网点座机0571-87159026。", {"suspicious", "high_risk"}),
        ("【某社区居委会】防骗清单：一、自称“公检法”说您涉嫌洗钱、要把钱转到安全账户的，是骗子；二、说您医保卡停用要点链接认证的，是骗子。拿不准的打社区电话0591-87520318或拨110。", {"low_risk"}),
        ("【医保局】说您医保卡停用的，是骗子；您的医保卡确已停用，请致电0591-87520318办理恢复。", {"suspicious", "high_risk"}),
        ("【社区】一、说您涉嫌洗钱的，是骗子；二、您的社保卡已冻结，请立即转账至6222021234567890123解冻。", {"high_risk"}),
        ("【支付宝】您的借呗借款已逾期5天，应还金额2,317.46元。请打开支付宝App在借呗页面还款，有疑问请拨打95188。", {"low_risk"}),
        ("【某派出所】周先生：您正在操作的“共享屏幕”是骗子远程查看您银行卡的手段，请立即关闭屏幕共享、挂断电话，再打96110咨询。", {"low_risk"}),
        ("【某派出所】王先生：您正在接触的可能是冒充公检法诈骗，真正的警察不会让您把存款转到“安全账户”。请立即挂断，民警稍后将上门了解情况。", {"low_risk"}),
        ("转发给你们看一下，刚收到的：“尊敬的会员，您的VIP将于今晚自动扣费3800元，如需取消请致电0085 3912 7746”。我根本没开过会员，肯定是骗子，你们收到类似的别回电。", {"low_risk"}),
        ("妈，早上收到的这个“您的医保卡已冻结，请点击 yb-jd.cc 解冻”是假的，你别点，医保的事去社区问。", {"low_risk"}),
        ("请先共享屏幕，我们远程帮您关闭会员扣费。", {"suspicious", "high_risk"}),
        ("您好，您之前报名的舞蹈班已停课，现统一退费，请回复姓名和报名时间登记。", {"suspicious"}),
        ("【ETC服务】您的ETC设备信息需要更新，请回复车主姓名和车牌号，工作人员会联系您办理。", {"suspicious", "high_risk"}),
        ("您明天的航班有变动，请尽快回复您的姓名确认改签。", {"suspicious", "high_risk"}),
        ("班主任：请各位家长回复孩子姓名确认春游报名，谢谢。", {"low_risk"}),
        # A keyword replied for "instructions" or a call from "staff", beside a loss to come; not a bank's offer.
        ("【某银行】您的网银证书即将到期，回复“更新”获取办理指引，未办理的将于明日停用网银。", {"suspicious", "high_risk"}),
        ("您的储蓄卡有一笔年费待扣，停止扣费请回复“取消”，工作人员会联系您。", {"suspicious", "high_risk"}),
        ("【招商银行】您有最高20万元信用额度待激活，回复1，稍后客户经理会联系您。", {"low_risk"}),
        ("【中国移动】您的套餐即将到期，回复1办理续约。", {"low_risk"}),
        ("您好，请回复您的姓名，方便我存一下号码。", {"low_risk"}),
        ("您的会员今晚起每月扣费198元，取消请致电021-61234567。", {"suspicious", "high_risk"}),
        ("您订购的流量包每月扣费10元，退订请拨打10086。", {"low_risk"}),
        ("您的航班已取消，办理改签及赔偿请致电四零零—六二八—七零五三。", {"suspicious", "high_risk"}),
        ("爸，我换号了，手机快停机，买两张100元充值卡把卡密发这个号", {"high_risk"}),
        ("【某公司HR】提醒：1.公司不会通过短信发年终奖链接；2.财务不会通过微信要求你转账。", {"low_risk"}),
    ],
)
def test_case21_lookalikes_and_their_scam_twins(text, verdicts):
    assert check(text).verdict in verdicts


def test_case21_an_items_number_before_chinese_words_is_no_link():
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize

    assert not [e for e in extract(normalize("提醒：1.公司不会通过短信发链接；2.网络贷款需谨慎")) if e.kind == "link"]
    assert [e.text for e in extract(normalize("打开 12.网址/ab 领取")) if e.kind == "link"] == ["12.网址/ab"]


def test_case21_numerals_in_groups_are_one_number():
    from checker.stages.normalize import normalize

    assert "4006287053" in normalize("请致电四零零—六二八—七零五三").text
    assert "2023—2024" in normalize("2023—2024年").text


# case21b (issue 8, genuine_register_8 dev half): a warning names the scam's own channel in a case it tells (the loss
# after the channel), in narration that speaks to no reader and disowns the channel after, in a list its heading
# disowns ("本院不会做以下事情：…"), in a quoted message disowned by the body it names, in a scenario ("如您收到…，请勿
# 回拨"), or in a relative's refusal told. The same channels given as an order, in the sender's own item, or offered
# again stay flagged, whatever warning frames them.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【城西警情】案例：退休教师张某收到“积分清零”短信，点开 jf-dh.top 填写了银行卡号，卡内3.2万元被转走。民警提醒：积分兑换不会要求填卡号。", {"low_risk"}),
        ("【反诈小课堂】真实案件：一名大学生接到“客服”来电后添加QQ 3381245670 办理退款，先后转出共计1.6万元。", {"low_risk"}),
        ("【某银行提醒】近期有用户收到冒充我行的短信，点开仿冒链接 yh-jf.icu 后填写了验证码。该短信并非我行发送，请勿点击。", {"low_risk"}),
        ("【某区法院】本院不会做以下事情：用私人手机号13912345678通知开庭；短信让您交诉讼费；让您加微信处理案件。如有疑问请拨打12368。", {"low_risk"}),
        ("以下都不是支付宝的做法——让您拨打400-123-4567注销账户；让您下载会议App共享屏幕。", {"low_risk"}),
        ("【某银行】“您的信用卡额度已提升，请登录 ed-ts.cc 激活”并非我行短信，请勿点击。", {"low_risk"}),
        # round 39: a list of maxims, each a negated verb with its object ("三不要：不点…；不扫…；"), and a quoted line
        # named as an impersonation ("”——这是冒充银行的诈骗电话")
        ("交电费“三不要”：不点短信里的缴费链接；不扫个人收款码；不信“电费打折代缴”。官方渠道是网上国网App，咨询电话95598。", {"low_risk"}),
        ("支付宝客服热线是95188，“客服”打电话让你关闭服务、注销账户、开共享屏幕的都要当心。", {"low_risk"}),
        ("短信中“如有疑问请致电4008612345”——这是冒充银行的诈骗电话，不是银行客服。农行客服电话为95599。", {"low_risk"}),
        ("【社区提醒】如您收到“医保卡即将停用，请致电0755-23456789”的短信，请勿回拨，可到社区核实。", {"low_risk"}),
        ("妈说今天有人发短信说我换号了，让她给新号13698765432转钱，她没听，给我老号码打了电话。", {"low_risk"}),
        # Attacks: a bare order beside a warning line, a loss "to avoid", a scenario that gives the sender's number, an item
        # with an order of its own, a reader's account spoken to, the retold chat id offered again.
        ("房东换卡了，这个月房租打到6222021234567890123。警方提醒：公检法机关不会通过电话办案。", {"high_risk"}),
        ("【案例】房东换卡了，这个月房租打到6222021234567890123，避免损失5000元。", {"high_risk"}),
        ("【法务部】如果您收到逾期短信，拨打18605132978处理，切勿拖延。", {"high_risk"}),
        ("【提醒】房东换卡了，这个月房租打到6222021234567890123。公检法不会通过电话办案。", {"high_risk"}),
        ("【某区法院】本院不会做以下事情：短信让您交诉讼费；您的案件已立案，请立即转账至6222021234567890123。", {"high_risk"}),
        ("【某银行提醒】您的账户已冻结，点开 yh-jf.icu 填写验证码解冻。该短信并非我行发送，请勿点击。", {"suspicious", "high_risk"}),
        ("【农业银行】额度可提升，如有疑问请致电4008612345，这是冒充银行的说法不可信，请放心办理。", {"suspicious", "high_risk"}),
        ("【国家电网】您家电费已欠费：不扫码缴费将于今晚停电；请扫下方个人收款码付款。", {"high_risk"}),
        ("电费欠费：不扫码付款就停电；个人收款码见下图。", {"suspicious", "high_risk"}),
        ("请立即开启屏幕共享，不开的要当心账户被冻结。", {"high_risk"}),
        ("【反诈小课堂】真实案件：一名大学生添加“客服”QQ 3381245670 办理退款，被骗1.6万元。您也可添加QQ 3381245670 咨询退款。", {"suspicious", "high_risk"}),
        # No rule reads lost money offered back through a chat as a benefit (the reference documents no recovery scam):
        # the model's margin alone decides it. Round 41's model scored it 0.398 of the 0.40 needed (an xfail here);
        # round 43's, retrained on this round's claims, 0.417; round 60's 0.392 (its model probability 0.9607 -> 0.9548); round
        # 61's lifts it again (probability 0.9639, suspicious by chat_app_contact and the model's agreement).
        # A known gap, kept visible: an xfail that passes again whenever a retrain lifts it.
        pytest.param(
            "【案例】一名学生添加QQ 3381245670后被骗2万元。追回损失请添加“客服”微信办理。",
            {"suspicious", "high_risk"},
            marks=pytest.mark.xfail(reason="recovery scam: no rule, the model alone decides it, near its margin (round 60 below it, round 61 above)", strict=False),
        ),
        # Round 24 (red team narrated_loss): a case that does not tell how the scam reached the victim is what a scam
        # told in the third person with a loss added reads as ("【案例】一名用户加QQ 33…办理退款，一名用户因此被骗5000元"):
        # its channel stays the message's. Until round 24 this row was read as a case (low_risk).
        ("【反诈小课堂】真实案件：一名大学生添加“客服”QQ 3381245670 办理退款，先后转出共计1.6万元。", {"suspicious", "high_risk"}),
    ],
)
def test_case21b_a_warning_that_names_the_scams_channel_both_ways(text, verdicts):
    assert check(text).verdict in verdicts


# case21c (issue 8): a kind of message named after a quotation ("”，这类短信…") makes it an example only where the rest
# of the sentence disowns it; a scam "冒充…的诈骗" named after its quotation; a request in the narration of a case a
# warning reports, the victim's loss told after it. The same quotation followed by an order, and a case whose
# request is spoken to the reader, stay flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【工商银行】“您的账户已冻结，请点击 icbc-jd.cc 解冻”这类短信请及时处理。", {"high_risk"}),
        ("“您的账户已冻结，请转账至6222021234567890123解冻”之类的短信请您尽快办理。", {"high_risk"}),
        ("【工商银行】“您的账户已冻结，请点击 icbc-jd.cc 解冻”这类短信是诈骗，请勿点击。", {"low_risk"}),
        ("【某中心】提醒：“您的快递丢失，请联系理赔客服 0755-23456789 办理”，这类短信经查都是假的，请勿回拨。", {"low_risk"}),
        ("【区法律援助中心】提醒：有人收到“【宏信法务】您的借款已逾期，请于今日18点前联系王律师 186 0513 2978 缴纳律师费撤诉”，这是冒充律所的诈骗。可拨12348咨询。", {"low_risk"}),
        ("【宏信法务】您的借款已逾期，请于今日18点前联系王律师 186 0513 2978 缴纳律师费撤诉，不是冒充律所的诈骗。", {"high_risk"}),
        ("【城东派出所】案例：一名村民被告知中奖，对方要求先交5000元保证金，随后被骗走3万元。中奖先交钱的都是诈骗。", {"low_risk"}),
        ("【案例】村民老郑中奖18万元，需交保证金3000元到6222021234567890123，老郑汇了9500元。", {"high_risk"}),
        ("【案例通报】请您立即缴纳保证金3000元，否则起诉，已有村民损失9500元，谨防诈骗。", {"suspicious", "high_risk"}),
        # A case's frame around a bare account and a sum that is no loss, no warning cue anywhere: the sender's own.
        ("【案例】一名用户借呗逾期，欠款转入6222021234567890123即可结清，共计3000元。", {"high_risk"}),
        ("【案例】客户借呗逾期，还款账户6222021234567890123，户名张某，共计3000元，今日处理。", {"suspicious", "high_risk"}),
        ("【案例】一名用户借呗逾期，欠款转入6222021234567890123后结清，避免被骗3000元。谨防诈骗。", {"high_risk"}),
        # A warning's opener and narration around an account disowned by no name ("请勿轻信谣言"), or a scenario
        # that goes on with its own order after the denial: the sender's own.
        ("【反诈提醒】有客户借呗逾期，还款账户6222021234567890123，请勿轻信谣言。", {"suspicious", "high_risk"}),
        ("【提醒】有客户借呗逾期，还款账户6222021234567890123，请勿相信网上说法，按时还款。", {"suspicious", "high_risk"}),
        ("【反诈提醒】有用户的借呗已逾期，还款链接 jb-hk.top ，不要点击陌生链接。", {"suspicious", "high_risk"}),
        ("【提醒】若您收到逾期短信，还款账户为6222021234567890123，切勿轻信谣言，今日内还款。", {"suspicious", "high_risk"}),
        # A loss to avoid ("谨防被骗3000元") tells no case and names no scammer (red team, narrated).
        ("【反诈提醒】有客户兼职 点赞 日结 一单46元 加3464914946，谨防被骗3000元。", {"suspicious", "high_risk"}),
    ],
)
def test_case21c_kinds_named_after_quotes_and_cases_told_both_ways(text, verdicts):
    assert check(text).verdict in verdicts


# case21d (issue 9, genuine_register_9 dev half): a fee whose payer the message names as another ("律师费由委托人支付")
# and a transfer reported as stopped ("有一笔…转账被我行风控拦截") ask no payment of the reader; a fee asked beside
# them, or a transfer asked after a stopped one, still is.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某律师事务所】受某消费金融公司委托，本所就您的逾期欠款发送律师函，请在支付宝App中核实并还款。律师费由委托人支付，您无需向任何人付费。", {"low_risk", "suspicious"}),
        ("您尾号1234的储蓄卡今日有一笔向陌生个人账户的转账被我行风控拦截，如为本人操作请到网点核实。[建设银行]", {"low_risk"}),
        ("【明达律所】律师费由委托人支付，另需您先缴纳保证金3000元至6222021234567890123。", {"high_risk"}),
        ("【法务】您有一笔向安全账户的转账被系统拦截，请立即转账至6222021234567890123重新办理。", {"high_risk"}),
        ("【法务】律师费由您本人支付，请转至6222021234567890123。", {"high_risk"}),
    ],
)
def test_case21d_a_payment_by_another_or_stopped_is_asked_of_nobody(text, verdicts):
    assert check(text).verdict in verdicts


# case21e (issue 8, genuine_register_8 dev half): a run of the scam's keywords parted by 、 and named together as the
# scam's ("…、…、…——都是防诈关键词") lists words, it asks nothing. A naming that denies or gives a purpose, a run that opens
# with an order, a channel inside the run, or an order after it stay flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某市反诈中心】屏幕共享、安全账户、刷单返利、注销校园贷、积分清零——都是警方公布的防诈关键词，听到就挂断。", {"low_risk"}),
        ("【派出所】屏幕共享、安全账户、刷单返利，都是诈骗常用套路。", {"low_risk"}),
        ("【反诈】冻结账户、安全账户、通缉令都是诈骗关键词，如有疑问请拨打96110。", {"low_risk"}),
        ("屏幕共享、安全账户、百万保障都是防诈关键词。您的账户异常，请下载会议App共享屏幕。", {"high_risk"}),
        ("【反诈】屏幕共享、安全账户、刷单都是骗局。请将资金转入安全账户6222021234567890123。", {"high_risk"}),
        ("请立即转账、加微信、共享屏幕，都是为了您的账户安全不是诈骗。", {"high_risk"}),
        ("请立即转账、加微信、共享屏幕，这些都是防诈骗的必要步骤。", {"high_risk"}),
        ("转账到安全账户、加客服微信、下载会议App，都是正规流程不是骗局。", {"high_risk"}),
        ("加客服微信kf8899、转账到6222021234567890123、下载会议App，都是防诈关键词。", {"high_risk"}),
    ],
)
def test_case21e_the_scams_keywords_listed_as_such_ask_nothing(text, verdicts):
    assert check(text).verdict in verdicts


# case21f (issue 8, genuine_register_8 dev half): "以下短信为诈骗：“…”" names what it quotes before the quotation, and a
# heading that tells the reader what to do with a kind of message ("这几类短信请直接删除：…；…") disowns its list. A scam
# after either, not quoted or in an item of its own, is read as it is (and never lowered by it).
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某市公安局】以下短信为诈骗：“您名下身份证涉嫌洗钱，请立即联系王警官 191 2345 6789，或登录 ga-tj.top 查看通缉令。”警方不会通过短信发通缉令，请拨110核实。", {"low_risk"}),
        ("【某运营商】这几类短信请直接删除：说积分明日清零可换现金的；链接不在官网上的“掌上营业厅”；要您填银行卡密码的。积分查询请拨10086。", {"low_risk"}),
        ("以下短信为诈骗：您涉嫌洗钱，请立即联系刘警官 19137250846。", {"suspicious", "high_risk"}),
        ("【移动】这几类短信请直接删除：积分清零的；您的积分即将清零，请登录 yd-jf.top 兑换。", {"suspicious", "high_risk"}),
    ],
)
def test_case21f_a_heading_that_names_what_follows_both_ways(text, verdicts):
    assert check(text).verdict in verdicts


# Round 25 (issue 9): requests the claims stage did not read, each a documented hook, found among corpus scams that
# stay `low_risk` even in sample (fraud_taxonomy.md A.1 rows 5, 15, 22, 26, 29-30, 38). Written for this table.
@pytest.mark.parametrize(
    ("text", "finding", "verdicts"),
    [
        # Money for a third person only the writer names, whoever he says he is (rows 29-30).
        ("在开会，不方便接电话，你帮我给供应商转36000过去，回头报销。", "pay_through_unofficial_channel", {"high_risk"}),
        # A relative on a card said new asks for a sum straight to himself (row 30).
        ("姑姑，我是小伟，我新办了张卡，给我转1200块交房租，下周还你。", "pay_through_unofficial_channel", {"high_risk"}),
        # A fee before the loan: moved to the writer, named as 信誉, or up front (row 22; credit_repair).
        ("您的贷款已批下来了，先把500的担保费转我，下款时一起退。", "fee_demanded", {"suspicious", "high_risk"}),
        ("您申请的借款审核已通过，需缴纳验证信誉金2000元后放款。", "fee_demanded", {"suspicious", "high_risk"}),
        ("专业处理网贷逾期，停催协商，前期费用800元，详询13712345678。", "fee_demanded", {"suspicious", "high_risk"}),
        # A fee to withdraw the reader's own money (rows 26, 38).
        ("您在平台的收益89000元已到账，提现需升级VIP会员，升级费1999元。", "fee_demanded", {"suspicious", "high_risk"}),
        # The ID number or the cards' photos asked for (rows 5, 15; A.2).
        ("你好我是社区的，高龄补贴你还没领，你把身份证号和银行卡号发过来我帮你登记。", "credentials_requested", {"high_risk"}),
        ("您的网贷逾期可帮您协商，请把身份证正反面照片发到ab_cd1234。", "credentials_requested", {"high_risk"}),
        ("这边是营业厅，你的号要停机了，需要你的身份证号帮你重新登记。", "credentials_requested", {"high_risk"}),
        # A card broker's and a car lender's fees, named by what they are "for" (rows 5, 22).
        ("急用钱？办张大额卡，内部名额，额度50000，无视黑白户，资料费300，Vabc-1234", "fee_demanded", {"suspicious", "high_risk"}),
        ("您的信用卡申请已批准，额度8万元，领卡需缴纳680元邮寄费。", "fee_demanded", {"suspicious", "high_risk"}),
        ("您名下车辆可办理押证不押车贷款，当天到账，需先交GPS安装费。", "fee_demanded", {"suspicious", "high_risk"}),
        # A parcel's claim doubled, money "退" to the reader, through a private chat id (rows 9, 38).
        ("快递丢了 双倍赔 加Q1234567890", "contact_through_private_channel", {"suspicious", "high_risk"}),
        ("你之前报的培训可以退钱了 机构倒闭统一退 加我wx_abc123我拉你进群", "contact_through_private_channel", {"suspicious", "high_risk"}),
        # A teacher's own WeChat, its id right after "转我" (fake_teacher); a superior by a chat log's "总监：" label (row 29).
        ("家长好，我是语文老师，练习册费每人88元，请直接微信转我li_laoshi66，不用走学校系统。", "pay_through_unofficial_channel", {"high_risk"}),
        ("周总监：在吗\n周总监：供应商的尾款我在外面不方便操作，你先帮我垫上，48000，转到对方账户", "pay_through_unofficial_channel", {"high_risk"}),
    ],
)
def test_round25_requests_read_by_meaning_are_judged(text, finding, verdicts):
    assert finding in {f.id for f in _read(text).findings}
    assert check(text).verdict in verdicts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你的包裹地址有误，你点这个链接改一下 sf-xg.cc/a1", "click"),
        ("复制 tq8.cn/Ab 到浏览器打开，领取提额资格", "click"),
    ],
)
def test_round25_a_link_opened_by_a_short_verb_is_a_request(text, kind):
    assert kind in {r.kind for r in _read(text).requests}


# Their look-alikes: a payment told as done (过去 with 了 after it), a sum the reader sent, the writer sending the
# reader's data, a firm's own fee paid to its own account, a withdrawal that needs a check, a 前期 fee of nothing.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("钱我已经转过去了，你查一下。", "pay"),
        ("我刚帮你给同学转过去了，你不用管了。", "pay"),
        ("你给我转的880块收到了，谢谢。", "pay"),
        ("上次你给我转了500，这次我还你。", "pay"),
        ("我把你的身份证号发给辅导员了，她说明天办好。", "credentials"),
        ("明天我把你的身份证照片发到你邮箱，你自己打印。", "credentials"),
        ("提现需先完成实名认证，认证后即可到账。", "pay"),
        ("本公司担保费开具发票并转入公司对公账户，业务员不会让您转个人账户。", "pay"),
        ("前期费用为0元，放款后按合同收取服务费。", "pay"),
    ],
)
def test_round25_look_alikes_ask_nothing(text, kind):
    assert kind not in {r.kind for r in _read(text).requests if r.through != "official"}


# Round 25 (issue 8, genuine_register_7 dev half): a collection firm that writes "受某银行委托", sends the reader to the
# bank's own app or counter, gives the bank's confirmed number to check the commission, and prints its own landline as a
# label: the landline is the firm's, not the bank's passed off. A line the message asks the reader to call, or a
# commission nobody can check with the bank's number, is judged against the bank's as before.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("受招商银行信用卡中心委托，提醒您尾号4410的信用卡已逾期，请通过掌上生活App或招商银行网点还款，委托事项可拨95555核实。我司座机0571-86012345。", {"low_risk"}),
        ("【某某商务咨询有限公司】受交通银行太平洋信用卡中心委托：您的欠款3,120元已逾期，请在买单吧App还款，勿向个人转账。如对委托有疑问请致电95559。公司电话021-61234567", {"low_risk"}),
        ("受招商银行信用卡中心委托，您的信用卡已逾期，请联系0571-86012345处理，委托事项可拨95555核实。", {"suspicious", "high_risk"}),
        ("受招商银行委托，您的信用卡已逾期，我司座机0571-86012345。", {"suspicious", "high_risk"}),
        ("受招商银行委托，您的信用卡已逾期，请转账至6222021234567890123，委托事项可拨95555核实，我司座机0571-86012345。", {"high_risk"}),
    ],
)
def test_round25_a_commissioned_firms_own_landline_beside_the_creditors_number(text, verdicts):
    assert check(text).verdict in verdicts


# Round 25: an institution's own tariff, stated under its tag for a service of its own, every channel official
# (claims.toml [fee_kinds], filters.toml service_fee_terms). All four genuine rows were high_risk on the code before.
# The same fee with a channel of nobody's, a payout, a police-named scam fee, no tag or no channel at all stays flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【招商银行】信用卡取现需支付1%手续费，最低10元，详询95555。", {"low_risk"}),
        ("【工商银行】境外取现需支付手续费12元/笔，详情请登录手机银行查看。", {"low_risk"}),
        ("【中国移动】您的套餐变更需支付工本费10元，可在营业厅办理。", {"low_risk"}),
        ("【建设银行】您申请的分期需支付手续费120元，分12期收取，详询95533。", {"low_risk"}),
        ("【招商银行】信用卡取现需支付1%手续费，请转账至6222021234567890123。", {"suspicious", "high_risk"}),
        ("【招商银行】信用卡取现需支付1%手续费，请联系专员13812345678办理。", {"suspicious", "high_risk"}),
        ("【建设银行】您的贷款已审批，分期放款前需支付手续费1200元，详询95533。", {"suspicious", "high_risk"}),
        ("【建设银行】您的分期需先交保证金2000元，详询95533。", {"suspicious", "high_risk"}),
        ("您申请的分期需支付手续费120元，分12期收取，详询95533。", {"suspicious", "high_risk"}),
        ("【建设银行】您申请的分期需支付手续费120元，分12期收取。", {"suspicious", "high_risk"}),
        # A class's own fee paid in the school's own system (genuine_personal_message): no card broker's 资料费.
        ("本学期教辅资料费620元，请通过学校统一缴费平台缴纳，班级不收现金和转账。", {"low_risk"}),
    ],
)
def test_round25_an_institutions_own_tariff_in_its_own_channels(text, verdicts):
    assert check(text).verdict in verdicts


def test_round25_a_tariff_kept_from_the_fee_rules_is_listed_as_suppressed():
    result = check("【招商银行】信用卡取现需支付1%手续费，最低10元，详询95555。")
    assert {(s.rule, s.filter) for s in result.suppressed} >= {("debtor_fee_demand", "service_fee_terms"), ("fee_demanded", "service_fee_terms")}


# Round 26: the writer speaks as an institution (its name opens the message, or follows "我这边是") and wants the money
# in his own pocket: the writer is the payment's channel, as a claimed person is. The first row was low_risk on the code
# before, the second suspicious. An institution named further on as a means of payment claims nothing.
@pytest.mark.parametrize(
    ("text", "finding", "verdicts"),
    [
        ("快递员 你有个到付件58元 我先垫了 你转我微信就行", True, {"high_risk"}),
        ("喂 我这边是中通的 你有个到付件 运费86块 你先把钱转给我 我给你放驿站", True, {"high_risk"}),
        ("今天聚餐一共600，我先用花呗付了，每人60，直接微信转我就行", False, {"low_risk"}),
    ],
)
def test_round26_an_institution_paid_into_the_writers_pocket(text, finding, verdicts):
    assert ("pay_through_unofficial_channel" in {f.id for f in _read(text).findings}) is finding
    assert check(text).verdict in verdicts


# Round 29: where a warning names the scam's channel as an example ("比如 …", "（如 400…）", "… 这种"), by the police's
# "涉诈" before its noun, or as the one a victim added before the loss the case reports ("添加QQ …后", "累计转出…元",
# "最终无法提现"), the channel is the scam's, not the sender's; an order to the reader before it, or no warning at all,
# still offers it. On the code before (7415e53), each of the first five rows and the last kept its channel.
@pytest.mark.parametrize(
    ("text", "channel", "offered"),
    [
        ("【某区反诈中心】冒充电商客服的短信，网址多是仿冒的，比如 tb-tk.top，这类网址都是诈骗。", "tb-tk.top", False),
        ("【某银行】提示：冒充我行的短信常带陌生号码（如4001234567）或链接，均为诈骗，请以官方客服为准。", "4001234567", False),
        ("【某区反诈中心】冒充快递理赔的电话会给一个400号码例如4001234567，一律是骗局。", "4001234567", False),
        ("【某反诈中心】您好，监测到您正在与涉诈QQ 987654321联系，请立即停止转账，如需核实请拨96110。", "987654321", False),
        ("【某学院】案例通报：一名学生添加QQ 123456789后做刷单任务，先后转出共计2.3万元，最终无法提现。刷单就是诈骗。", "123456789", False),
        ("请拨打客服热线（如4001234567）办理退款，谨防诈骗。", "4001234567", True),
        ("涉诈账户已冻结，请加QQ 123456789 办理解冻。", "123456789", True),
        ("客服热线如下：4001234567，谨防诈骗。", "4001234567", True),
        ("【案例】一名用户添加QQ 123456789后领取了补贴2000元，名额有限。", "123456789", True),
        # A total told after its verb ("转账共计…元") is the loss of a case as "共计转出" is; told not to call "the message's
        # number" is a warning cue, as "不要回拨" is (not "不要拨打110", which a scam says).
        ("【某分局】案例：市民李某收到短信称其快递丢失，要其拨打“理赔专线”4001234567办理理赔，对方以“理赔需要验证银行流水”为由，让其向所谓的企业对公账户转账共计8000元。快递公司在包裹丢失时会主动联系寄件人并按规定赔付，理赔信息请通过快递公司官方App或官方客服核实，不要拨打短信里的号码。", "4001234567", False),
    ],
)
def test_round29_a_channel_named_as_the_scams_example_or_the_victims_is_not_offered(text, channel, offered):
    assert any(channel in c.value.replace(" ", "") for c in _read(text).channels) is offered


# Round 29: a warning's own line for questions and reports (claims._help_line) is no way it offers to act on the scam it
# warns of: after the warning's cue, named by the sender's office or staff (or a landline by a consult cue), asking for
# nothing else, in a message that names none of the reader's own money. A collector's 专员, a line before the warning,
# the reader's own debt named, or money asked in the line's sentence keep it the sender's way. On the code before
# (7415e53) the first three rows kept their line as a channel.
@pytest.mark.parametrize(
    ("text", "line", "offered"),
    [
        ("【某社区】提醒：冒充子女换号借钱的短信又出现了，都是诈骗，千万别转账。拿不准的请打社区网格员小王13800001111。", "13800001111", False),
        ("【某学院保卫处】通报：近期有学生被冒充客服的电话骗走5000元，谨防诈骗，遇到可疑情况请联系保卫处0571-86970000。", "057186970000", False),
        ("【某律师事务所】提醒：有人冒充本所律师向当事人收取“保证金”，都是诈骗，本所从不向个人收费。本所座机025-84760000。", "02584760000", False),
        ("谨防诈骗。如有疑问请联系专员13800001111。", "13800001111", True),
        ("谨防诈骗。您的借款已逾期，如有疑问请致电保卫处0571-86970000。", "057186970000", True),
        ("如有疑问请联系社区网格员小王13800001111。谨防诈骗。", "13800001111", True),
        ("谨防诈骗。遇到可疑情况请转账到保卫处0571-86970000核实。", "057186970000", True),
    ],
)
def test_round29_a_warnings_own_line_for_questions_is_not_offered(text, line, offered):
    assert any(c.kind == "phone" and c.value == line for c in _read(text).channels) is offered


# The rules read such a line as the claims do; a fake anti-fraud centre that gives a mobile is still flagged, whatever
# office it names (rules.toml fake_antifraud_notice: real 12381 warnings carry no number to call).
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某社区】提醒：冒充子女换号借钱的短信又出现了，都是诈骗，千万别转账。拿不准的请打社区网格员小王13800001111。", {"low_risk"}),
        ("【国家反诈中心】您的手机号涉嫌诈骗，谨防诈骗，如有疑问请联系民警小王13800001111。", {"suspicious", "high_risk"}),
    ],
)
def test_round29_a_warnings_own_line_in_the_rules(text, verdicts):
    assert check(text).verdict in verdicts


# Round 29: in a case a warning reports, the victim's own steps are the case's, not requests of the sender: where he saw
# the ad ("在QQ群看到…") and the contact he made ("添加QQ 33…后"), before the loss is told. The same steps offered to the
# reader, or with no loss told, stay requests. On the code before (7415e53) the first row asked for a chat.
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("【某大学保卫处】反诈通报：一名学生在抖音视频里刷到“打字日结”兼职，添加QQ 33445566后做了几单任务，随后累计转出2.1万元无法提现。刷单就是诈骗。", False),
        ("【某大学保卫处】在抖音视频里刷到“打字日结”兼职的同学，请添加QQ 33445566报名，日结200元。", True),
        ("【通报】一名学生在抖音视频里刷到“打字日结”兼职，添加QQ 33445566后做了几单任务。刷单就是诈骗。", True),
    ],
)
def test_round29_a_victims_steps_in_a_case_are_no_requests(text, asks):
    assert any(r.kind == "chat" for r in _read(text).requests) is asks


# Round 29 (dev notice): a quoted message the warning describes as the claimed sender's (自称 / 号称 / 仿冒), as sent in its
# name ("以…名义发送的短信") or as a stranger's ("陌生短信"), then denied, is the scam's message retold, as "冒充…的短信“…”" is.
# The first three rows were suspicious on 79b9ea7. Without the denial, or with the link outside the quotation, or offered
# again after the denial, the link stays the message's own.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某银行】如您收到自称我行的短信“您的账户信息已过期，请点击 abc-gx.top 更新”，请不要点击，我行短信不带链接。", {"low_risk"}),
        ("【某银行】如您收到陌生短信“您的账户信息已过期，请点击 abc-gx.top 更新”，请不要点击。", {"low_risk"}),
        ("【某银行】如您收到以我行名义发送的短信“您的账户信息已过期，请点击 abc-gx.top 更新”，请不要点击。", {"low_risk"}),
        ("【某银行】如您收到自称我行的短信“您的账户信息已过期，请点击 abc-gx.top 更新”，请尽快点击处理。", {"suspicious", "high_risk"}),
        ("【某银行】您收到自称我行的短信“您的账户信息已过期”，请点击 abc-gx.top 更新。", {"suspicious", "high_risk"}),
        ("如您收到以我行名义发送的短信“您的账户信息已过期，请点击 abc-gx.top 更新”，请不要点击。如需更新请点击 abc-gx.top 办理。", {"suspicious", "high_risk"}),
    ],
)
def test_round29_a_quoted_message_described_as_the_senders_then_denied_is_retold(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notices): a warning that lists a scam's features under a heading (…诈骗的几个特征：…；…), that closes each
# item tersely with what to do or what it is (…的，挂；…的，假；), that puts a longer item before "的，挂断", or that says
# "这类短信…请勿回复" after quoting one, retells the scam and asks nothing of the reader. The first four rows were flagged on
# caaeccf. A features heading before the sender's own mobile, a one-character item that is a scam's threat (…的，停), and a
# "请勿回复" that only closes a system notice stay as they were.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某区反诈中心】退票诈骗的三个特征：来电号码是400开头（如4001234567）；要求用支付宝“企业账户”转账；要求交保证金；要求共享屏幕。有一条就是诈骗。", {"low_risk"}),
        ("【某派出所】防骗提醒：1.自称客服说保障要收费的，挂；2.短信说积分换现金的，删；3.“警官”加你QQ发通缉令的，假；4.叫你转“安全账户”的，骗。拿不准打96110。", {"low_risk"}),
        ("【某反诈中心】说白条利率超标要关闭、让您开视频会议共享屏幕的，挂断。", {"low_risk"}),
        ("【某人才市场】提醒：“收到您的简历，请回复您的邮箱以便发送面试通知”，这类短信多由私人号码群发，请勿回复。", {"low_risk"}),
        ("退票诈骗的三个特征：要求用支付宝转账；要求交保证金。退票请联系专员13912345678办理，先交保证金。", {"suspicious", "high_risk"}),
        ("【法务中心】您的借呗已逾期，拒不处理的，停；将以诈骗罪移交公安，对您实施拘留。", {"suspicious", "high_risk"}),
        ("收到您的简历，请回复您的邮箱以便发送面试通知。本短信由系统发送，请勿回复。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_warnings_list_of_features_retells_the_scam(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev personal message): a paste that parts its clauses with spaces, not commas ("…这种 你别信 移动积分…"),
# ends a warning cue's clause at the space as at a comma, though normalising removes the space: the example link is the
# scam's, as it is with commas. Flagged high_risk on caaeccf. A scam typed with spaces, which says 别信 of others and
# gives its own link or account, stays flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("妈 电视上说有人冒充10086发短信 说积分能换现金 链接是 yd-jfdh.cc 这种 你别信 积分不能换钱的", {"low_risk"}),
        ("妈，电视上说有人冒充10086发短信，说积分能换现金，链接是 yd-jfdh.cc 这种，你别信，积分不能换钱的。", {"low_risk"}),
        ("【中国移动】您的积分即将清零 可兑换288元现金 请登录 yd-jfdh.cc 领取 别信 其他渠道", {"suspicious", "high_risk"}),
        ("积分兑换现金的链接是 yd-jfdh.cc 这种 别信 别人说的 赶紧登录领取", {"suspicious", "high_risk"}),
        ("【法务中心】您的借呗已逾期 请今日内转账到6222021234567890123 别信 网上谣言", {"high_risk"}),
    ],
)
def test_round30_a_space_typed_for_a_comma_ends_a_warning_cue(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): a later item of a list a heading names as the scammers' accounts ("冒充我司财务的诈骗账号：钉钉
# 昵称“…”、QQ 28…、邮箱…") is disowned like the first, where the item before it is a nickname, not a number for the list
# to follow. The first row was suspicious on caaeccf. An item after a request or the sender's own line is offered.
@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("【某公司财务部】近期冒充我司财务的诈骗账号：钉钉昵称“财务-王总监”（不在通讯录内）、QQ 3851726490、邮箱cw-fake@163.com。付款以OA审批为准。", False),
        ("【某公司财务部】近期冒充我司财务的诈骗账号：钉钉昵称“财务-王总监”、请添加财务QQ 3851726490核对。", True),
        ("【某公司财务部】冒充我司财务的诈骗账号已处理，财务专员QQ 3851726490。", True),
    ],
)
def test_round30_a_later_item_of_a_list_of_scam_accounts_is_not_offered(text, offered):
    assert any(c.kind == "chat" for c in _read(text).channels) is offered


# Round 30 (dev notice): lures listed, then named 套路 as a whole ("“…”“…”都是套路！"), warn as "都是诈骗" does, so the
# warning's own line for questions after it is no way it offers to act. Suspicious on caaeccf. A lender that calls the
# others' offers 套路 and gives its own mobile for a loan stays flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某社区】提醒老年朋友：“免费领大米”“听讲座送保健品”“养老项目保本高息”都是套路！如有疑问，请拨打社区网格员小陈电话13905811234。", {"low_risk"}),
        ("别家网贷都是套路！本平台保本高息，日息万三，加专员微信 dk_8899 放款，先交保证金500元。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_lures_named_a_trick_as_a_whole_warn(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): the app the reader downloaded, named by 的 ("您刚下载的“…”App是诈骗平台"), is a download done,
# not one asked. Asked on caaeccf. "请下载…App", "下载…App后登录" still ask it.
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("【某派出所】王女士，您刚下载的“鑫盛理财”App是诈骗平台，请立即卸载，不要再充值。", False),
        ("【鑫盛理财】王女士，请下载“鑫盛理财”App领取收益。", True),
        ("王女士，下载鑫盛理财App后登录领取收益。", True),
    ],
)
def test_round30_an_app_the_reader_downloaded_is_no_download_asked(text, asks):
    assert any(r.kind == "download" for r in _read(text).requests) is asks


# Round 30 (dev notice): scams listed as items, then named as kinds of message ("房东换号让把房租打到新卡、熟人换号说要借钱，
# 这两种短信每个月都有"), retell each item: the payment in it is no request. Suspicious on caaeccf. A demand that goes on
# with "这种情况" asks it.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某居委会】提醒大家：房东换号让把房租打到新卡、亲戚换号说手机要停机了想借钱，这两种短信最近很多，一定要打对方原来的号码问清楚。", {"low_risk"}),
        ("我是房东，换号了，这个月房租打到新卡6222021234567890123，这种情况以后都按新卡来。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_items_named_as_kinds_of_message_are_retold(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): a scam named as a topic, then the check that defeats it in the next clause ("领导换号要钱，务必打
# 原号码或当面核实"), warns of it. Suspicious on caaeccf. An opener that tells the reader to call the new number stays.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某县公安局】通报：有单位会计收到“领导”新号码的短信，打电话给领导本人才识破。领导换号要钱，务必打原号码或当面核实。", {"low_risk"}),
        ("我是王局长，换新号了，存一下，以后务必打这个新号码找我。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_topic_then_the_check_on_the_old_number_warns(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): each item of a rhyme named a scam in its next clause ("…点链接，那是骗子；…要激活，那是骗子；"). Suspicious
# on caaeccf. A fake officer's "这是诈骗案件" after his demand names a case, not the demand, and keeps it.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某居委会】防骗顺口溜：社保认证点链接，那是骗子；医保卡停用要激活，那是骗子；儿子换号要钱，先打旧号码。居委会电话 6243 1188。", {"low_risk"}),
        ("【公安局】您的银行卡涉嫌洗钱，请将资金转入安全账户6222021234567890123配合调查，这是诈骗案件，不得告诉他人。", {"high_risk"}),
    ],
)
def test_round30_an_item_named_a_scam_in_its_next_clause(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): a heading that names the scammers' 说法, its items numbered ①② (read as digits once normalised),
# retells them. Suspicious on caaeccf. The same items after a heading with no warning going on after the list stay.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("骗子常用的医保短信说法：①医保卡即将停用②电子医保卡逾期失效③医保未认证将注销。凡是带网址的都是假的，请拨12393核实。——某区医保局", {"low_risk"}),
        ("骗子常用的医保短信说法：①医保卡即将停用，请点击 yb-rz.cc 认证②逾期将注销", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_heading_of_the_scammers_sayings_numbered_by_circled_digits(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): the first step opened by 先 right after the heading's colon ("…骗局的步骤：先打电话说…；再…") is a
# step like the others. Suspicious on caaeccf. The same steps with the warning's own words nowhere after them stay.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某派出所】冒充公检法骗局的步骤：先打电话说你名下快递有违禁品；再转给“警官”，加QQ做笔录；然后发“通缉令”链接；最后让你下载“安全防护”App，把钱转到“核查账户”。记住：公安不会这样办案。", {"low_risk"}),
        ("冒充公检法骗局的步骤：先打电话给专员13912345678；再加QQ 3851726490做笔录；最后下载“安全防护”App", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_first_step_opened_by_xian_after_the_heading(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): a court e-delivery SMS that gives a code to open its documents ("文书详见 <the court's delivery
# host> 验证码：6620") has the court's format; the code given is no code asked. Suspicious on caaeccf (a freeze ruling
# served). The same notice with a link outside the courts' hosts stays flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【广西法院短信平台】桂林市七星区人民法院就（2026）桂0305执123号案件向张某送达冻结存款裁定书，文书详见http://171.106.48.55:28083/sfsdw//r/Ab3Cd4Ef 验证码：1234", {"low_risk"}),
        ("【广西法院短信平台】桂林市七星区人民法院就（2026）桂0305执123号案件向张某送达冻结存款裁定书，文书详见http://gx-fy.top/r/Ab3Cd4Ef 验证码：1234", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_court_notice_that_gives_a_code_has_the_courts_format(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): a regulator's risk notice (风险提示：…) that names paid services, then what they cost the reader
# ("“停息挂账”“债务优化”等收费服务可能泄露个人信息"), offers none of them. Suspicious on caaeccf. A 风险提示 that offers the
# same service through its own chat id, or says it will cut the reader's interest, stays flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某金融监管局】风险提示：“停息挂账”“债务优化”等收费服务可能泄露个人信息、加重负担，请通过银行官方渠道协商还款，遇不当催收可拨12378。", {"low_risk"}),
        ("【某金融】风险提示：您的征信有逾期记录，我司可办理停息挂账、债务优化，加专员微信 tx_8899 咨询。", {"suspicious", "high_risk"}),
        ("风险提示：停息挂账等服务会帮您减免全部利息，回复1办理。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_risk_notice_naming_paid_services_offers_none(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (dev notice): a complaint's outcome that names the collector's contact with the family as a matter ("核实其委托的
# 催收机构联系您家人的情况") threatens nothing. Suspicious on caaeccf. The threat itself stays.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【12378】您的投诉（编号JR20261118000001）已办结：被投诉银行已核实其委托的催收机构联系您家人的情况，并已暂停该机构催收。", {"low_risk"}),
        ("【催收中心】您的欠款已逾期，今天不还我们就联系您家人和单位。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_contact_with_the_family_named_as_a_matter_threatens_nothing(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (probe of our own): a warning whose scenario names the message itself ("你要是收到说医保卡停用、点链接激活的短信，千万
# 别点，那都是骗人的") advises on the words inside it, as on those after it. Suspicious on caaeccf. A scenario the sender
# then answers with an order of its own ("…的短信，请点击 x.cc 认证") stays flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("妈，你手机上要是收到说医保卡停用、点链接激活的短信，千万别点，那都是骗人的，有问题去社区问。", {"low_risk"}),
        ("您要是收到说社保卡停用、需要重新认证的短信，请点击 sb-rz.cc 认证。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_scenario_that_names_the_message_advises_on_its_words(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (probe of our own personal messages): the writer's check told with its verdict ("我看了是假的 你别点啊", spaces for
# commas), "你说的那个…的，肯定是骗局", and "直接挂，" told to the reader warn. Flagged on caaeccf. The same words around the
# sender's own demand and account stay flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("妈 刚才有个短信说你的社保卡要冻结 让点链接 我查了是假的 你别点啊", {"low_risk"}),
        ("叔，你说的那个网贷先交保证金才放款的，肯定是骗局，正规贷款放款前不收钱。", {"low_risk"}),
        ("爸，你要是接到电话说是检察院的，让你下载什么App配合调查，直接挂，检察院不会这样办案。", {"low_risk"}),
        ("【检察院】您涉嫌洗钱，请下载“安全防护”App配合调查，直接挂断将视为拒不配合，冻结您名下账户。", {"suspicious", "high_risk"}),
        ("放款前先交保证金3000元到6222021234567890123，别人说的那些肯定是骗局的，我们是正规平台。", {"high_risk"}),
    ],
)
def test_round30_a_personal_warning_told_with_its_verdict(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (probe of our own warnings that quote a scam with its channel): a quoted message received, denied by the old
# number of someone named ("大家一定先打房东原来的电话核实") or by a check told with whom it was made ("我问了10086说是假的");
# a channel "this" passes itself off or was found a scam's ("该号冒充公安…已被确认为诈骗账号"); the number a caller used,
# told first ("有个号码139…打电话说是我老师…那是骗子"); the ETC lure's words read inside the quotation, not from the heading.
# Flagged on caaeccf. The same frames around a channel the sender offers stay flagged.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某社区】提醒：最近有人收到“我是房东，换了新卡，房租打到6228481234567891”的短信，大家一定先打房东原来的电话核实。", {"low_risk"}),
        ("哥，我收到一条“【中国移动】您的积分即将清零，请登录 ydjf-dh.cc 兑换现金”，我问了10086说是假的，你也注意点。", {"low_risk"}),
        ("【某派出所】请大家注意QQ号3852223335，该号冒充公安发送“通缉令”，已被确认为诈骗账号，请勿添加。", {"low_risk"}),
        ("【某反诈中心】近期出现冒充ETC的诈骗短信：“您的ETC已失效，请登录 etc-rz.cc 认证”，这是钓鱼网站，ETC认证请到发卡银行办理。", {"low_risk"}),
        ("【房东】我是房东，换了新卡，房租打到6228481234567891，大家一定先打房东原来的电话核实也行。", {"suspicious", "high_risk"}),
        ("【中国移动】您的积分即将清零，请登录 ydjf-dh.cc 兑换现金，问了10086说是假的那是谣言。", {"suspicious", "high_risk"}),
        ("您好，我是班主任，资料费请转到我卡上6228481234567891，有个号码13912345679冒充我，那是骗子。", {"suspicious", "high_risk"}),
    ],
)
def test_round30_a_warning_quoting_a_scam_with_its_channel(text, verdicts):
    assert check(text).verdict in verdicts


# Round 30 (probe of our own): the number a caller used, told first ("有个号码139…打电话说是我班主任…那是骗子"), is the
# caller's, not offered; told without the verdict, it stays. Offered on caaeccf.
@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("爸，有个号码13912345679打电话说是我班主任，说要补课，让你转到他卡上，那是骗子，我们老师不会这样。", False),
        ("爸，有个号码13912345679，是我班主任的新号，你存一下。", True),
    ],
)
def test_round30_the_number_a_caller_used_told_first_is_not_offered(text, offered):
    assert any(c.kind == "phone" for c in _read(text).channels) is offered


# Round 31 (probes written by a helper who never saw the rules): a lawful letter's formulae. A suit the creditor keeps
# open ("保留依法起诉的权利", "可能依法提起诉讼") is no claim that a case exists, and "不具强制执行效力" denies enforcement;
# with every channel the creditor's own, the letter is not high_risk. Each of the first three raised its flag on
# 162d5fc, and the first was high_risk there. A case claimed as filed, or a freeze threatened, still counts.
@pytest.mark.parametrize(
    ("text", "flag", "present"),
    [
        ("【浙江明理律师事务所】孙先生：本所受委托，您的花呗已逾期112天，欠款4,832.60元。请登录支付宝App还款，如有疑问可拨打95188核实。若仍未处理，委托方保留依法起诉的权利。", "court_claim_without_case_number", False),
        ("【上海恒信律师事务所】赵女士：您的信用卡欠款23,416.55元已逾期95天，请通过招商银行App还款或致电95555协商。如持续未还款，委托人可能依法提起诉讼。", "court_claim_without_case_number", False),
        ("【广东德衡律师事务所】李先生：您的信用卡逾期128天，请通过平安口袋银行App还款。本函为律师函，不具强制执行效力。", "freeze_enforcement_threat", False),
        ("【某律师事务所】您的借款纠纷已依法立案，请联系专员处理。", "court_claim_without_case_number", True),
        ("您的账户将被冻结并强制执行，请立即处理。", "freeze_enforcement_threat", True),
    ],
)
def test_round31_a_lawful_letters_formulae_claim_no_case_and_threaten_nothing(text, flag, present):
    result = check(text)
    assert (flag in {f.id for f in result.red_flags}) is present
    if not present:
        assert result.verdict != "high_risk"


# Round 31 (helper's probes): the ask put as a question and answered no ("要交手续费吗？不用"), a notice's FAQ, asks
# nothing (fee_demanded on 162d5fc). "不用担心" after it is reassurance, and the demand stays.
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("要交手续费吗？不用，公司发钱不收任何费用。", False),
        ("有人问要不要交什么手续费的，一律不用，公司发钱不收任何费用。", False),
        ("放款前要先交手续费吗？不用担心，交完马上放款。", True),
    ],
)
def test_round31_an_ask_put_as_a_question_and_answered_no_asks_nothing(text, asks):
    assert ("fee_demanded" in {f.id for f in check(text).red_flags}) is asks


# Round 31 (helper's scam probes; none raised its flag on 162d5fc, the first was suspicious by the model alone and
# the others low_risk): numbers split apart are one number after a QQ word
# ("扣扣 4852 01639"); the caller adding the reader on 企业微信; a 令牌 said to have run past its term; an account
# a customer-service agent will provide; a station named one character off 菜鸟驿站.
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("【湖南卫视】您的中奖资格即将逾期，若放弃领奖将被起诉，请尽快联系律师处理：扣扣 4852 01639。", "chat_app_contact"),
        ("【支付宝】您开通的百万级账户保障体验已结束，将自动转为付费版，每月680元。如需退出请联系专员企鹅 3 3 1 9 0 8 7 6 5。", "chat_app_contact"),
        ("亲，这边支付宝官方客服，您的花呗需要降额关闭，我加你企业微信，方便的话通过一下好友。", "contact_through_private_channel"),
        ("【邮储银行】您的网银令牌已超过使用期限，如需继续使用请致电 020-8621-7745 办理延期。", "issuer_says_never"),
        ("您好，我们财务核账发现您的订单多退了880元，麻烦您按原路退回，转到客服提供的账户就可以。", "pay_to_personal_account"),
        ("【菜茑驿站】您的包裹存在异常无法派送，请回复1联系派件员。", "lookalike_station_name"),
    ],
)
def test_round31_paraphrased_scams_keep_a_named_red_flag(text, flag):
    result = check(text)
    assert flag in {f.id for f in result.red_flags} and result.verdict != "low_risk"


# Round 31 (helper's probes): a story that opens with someone named by a role who called ("有个贷款专员打电话说…"), or
# with a message someone sent in quotation marks, and tells the request refused ("我让她别发"), retells the scam (the
# first row was high_risk on 162d5fc); the story of a call still pending asks.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("阿姨刚问我，说有人发消息“你好，我是社区网格员，需要给你办理养老金认证，把身份证号和银行卡号发我一下”。我让她别发，带她去社区服务中心当面问了。", {"low_risk"}),
        ("有个贷款专员打电话说我征信良好可以贷20万，先交5000保证金验证还款能力。我要不要交？", {"high_risk"}),
    ],
)
def test_round31_a_story_of_a_call_from_a_role_told_as_refused_retells_it(text, verdicts):
    assert check(text).verdict in verdicts


# Round 32 (blind helper batch, written from ../shared/reference only): a warning's rules of thumb name each request
# and refuse it right after it, the clause closed there ("屏幕共享不开启"; high_risk on 7eab517). A refusal that
# goes on into what follows from it is a scam's condition, and a refusal of one thing does not reach the next.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("陌生链接不要点，验证码不告诉人，屏幕共享不开启，安全账户是骗局。有事先问家里人，拿不准就打96110。【东湖派出所】", False),
        ("【XX会议】退款需开启屏幕共享，屏幕共享不开启，就无法退款。下载会议App", True),
        ("请下载会议软件开启屏幕共享，验证码不告诉别人就行", True),
    ],
)
def test_round32_a_request_named_and_refused_right_after_it_asks_nothing(text, flagged):
    result = check(text)
    assert ("screen_share_meeting" in {f.id for f in result.red_flags}) is flagged
    assert (result.verdict == "high_risk") is flagged


# Round 32 (blind helper batch): a court's fee paid where the court itself takes it, against its written notice, at
# its 立案大厅 or in 人民法院在线服务 (domain.md: fees are paid "at the 立案大厅 or to the court's designated account
# against a written 缴费通知书", 常德中院 [官方]), is no debtor's fee demand (high_risk on 7eab517): still "verify
# first", never high_risk. The same fee beside an account or a link of the message's own stays high_risk.
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("【上海市闵行区人民法院】您于2025年5月8日网上提交的立案申请已审核通过，案号（2025）沪0112民初20415号，请按电子缴费通知书在人民法院在线服务或本院立案大厅缴纳诉讼费。", "suspicious"),
        ("【历下区人民法院】您申请的（2025）鲁0102民初5521号案件网上立案已审核通过，请于7日内通过“人民法院在线服务”缴纳诉讼费。", "suspicious"),
        ("【XX法院】您的案件已立案，请在立案大厅缴纳诉讼费，或转账至6222021234567890123。", "high_risk"),
        ("【XX法院】您涉及一起诉讼，请于今日在人民法院在线服务缴纳诉讼费，详情 fy-jf.top", "high_risk"),
    ],
)
def test_round32_a_fee_paid_where_the_court_takes_it_is_no_debtors_fee_demand(text, verdict):
    assert check(text).verdict == verdict


# Round 32 (blind helper batch): money offered to the reader, to be claimed by replying to the SMS itself, is "verify
# first" (low_risk on 7eab517); a refund reported paid already, a contract's refund terms and a reply in another
# sentence offer nothing to claim by the reply. "回个电话" asks a call back as 回电 does, the writer's own call does not.
@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("【温馨提示】您有一笔惠民补贴待确认，回复1确认领取，回复0放弃。", "benefit_by_reply"),
        ("【京东售后】您的商品已纳入质量问题赔付名单，回复Y办理。", "benefit_by_reply"),
        ("您好 我们这边是您网购衣服的店家 衣服有点问题要给您退款 请回个电话18670329514 谢谢", "benefit_through_unofficial_channel"),
        ("费用在前台刷卡缴纳并签订培训合同，合同写明退费规则。回复1预约公开课。退订回T", None),
        ("【中国移动】您的积分可兑换话费，您有一笔退款已原路退回，回复1查询", None),
        ("我一会给你回个电话", None),
        # Round 35: the money right after the reply's code, with no 您 in its sentence; a reply that only looks it up.
        ("【某航空】航班因天气取消。回复T全额退款并领取补偿。", "benefit_by_reply"),
        ("【某商城】回复1查询退款进度", None),
    ],
)
def test_round32_money_offered_for_a_reply_is_verify_first(text, finding):
    result = check(text)
    found = {f.id for f in result.red_flags} & {"benefit_by_reply", "benefit_through_unofficial_channel"}
    assert found == ({finding} if finding else set())
    assert (result.verdict != "low_risk") is (finding is not None)


# Round 32 (blind helper batch): a threat to the reader, or his card, account or number stopped, frozen or put under
# 风控, to be lifted by replying to the SMS or calling its sender back, is "verify first" (low_risk on 7eab517). Not
# "拨打卡片背面的客服电话" (a number the reader has), nor a renewal offered by reply.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("您的号码已被限制呼出，恢复请回复1。", True),
        ("卡被风控了 回电解除", True),
        ("您的号码已被停机，恢复请回复1。", True),
        ("您的貸款本月應繳新台幣12,900元，將於02日自您的存款帳戶扣款，如有疑問請撥打卡片背面的客服電話。", False),
        ("【中国移动】您的套餐即将到期，续订请回复1", False),
        ("【XX银行】您的账户已触发风控，请登录手机银行App查看。", False),
    ],
)
def test_round32_a_threat_lifted_by_a_reply_or_a_call_back_is_verify_first(text, fires):
    result = check(text)
    assert ("threat_lifted_by_reply" in {f.id for f in result.red_flags}) is fires
    assert (result.verdict != "low_risk") is fires


# Round 32: a link to be sent once the reader replies; a reply asked by a letter code or a word ("回复DH", "回复领奖");
# joint liability laid on the reader for another's debt, to be sorted out on a call. A carrier's or a bank's own reply
# codes that query or order something ("回复YE查询余额", "回复FQ办理") lift nothing and offer no link.
@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("【工商银行】您有未使用的积分可抵扣现金，今晚24点过期作废，回复“DH”获取兑换链接。", "link_by_reply"),
        ("信用卡提额通知: 你的卡已进入白名单,可提额至6W,回复\"TE\"获取专属链接,退订回T", "link_by_reply"),
        ("您好，您的手机号码在本台周年庆活动中被抽为二等奖，请回复\"领奖\"获取详情", "benefit_by_reply"),
        ("您好，您的好友赵某在我平台借款逾期，您作为其紧急联系人需承担连带责任，请回电 0512-6328 0417 说明情况。", "threat_lifted_by_call"),
        ("【中国移动】尊敬的客户，您的积分将于12月31日清零，回复JF查询积分，兑换请登录中国移动App。", None),
        ("【中国电信】您的话费余额不足10元，为免停机请及时充值，回复YE查询余额。", None),
        ("【广发银行】尊敬的客户，您尾号6670广发卡当前可申请账单分期，12期手续费率低至5折，回复FQ办理，退订回TD", None),
    ],
)
def test_round32_a_reply_that_fetches_a_link_or_lifts_a_threat_is_verify_first(text, finding):
    result = check(text)
    judged = {"link_by_reply", "benefit_by_reply", "threat_lifted_by_call", "threat_lifted_by_reply"}
    assert (finding in {f.id for f in result.red_flags}) if finding else not ({f.id for f in result.red_flags} & judged)
    assert (result.verdict != "low_risk") is (finding is not None)


# Round 32 (blind anti-fraud pool written from ../shared/reference only): a message opened as a case report warns as a
# risk notice's opening does, and a case names its victim by role or as 老 / 小 with a surname ("货车司机老杨"): the
# victim's steps, told with the loss after them, ask the reader nothing (high_risk on 7eab517). The same opener before
# a scam that gives its own link stays flagged.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("警情通报：10月14日，货车司机老杨收到一条“您的车辆在环城路违章变道，请点击查看抓拍图像并缴纳罚款”的短信，点开链接下载了一个App，按提示输入身份证号和银行卡信息后，被转走3100元。交警部门提醒：真实的违章提醒短信不含下载链接，违章请在“交管12123”App查询处理。", False),
        ("警情通报：您的车辆有违章未处理，请点击 jg-12123.top 输入身份证号和银行卡信息缴纳罚款，逾期将扣分。", True),
        # Round 33: the heading's mark is one the normaliser drops between two Chinese characters (high_risk on a36e8d9).
        ("警情通报｜市民冯某在二手平台卖闲置相机，“买家”说“我已经付款了，但你店铺没有认证，钱被冻结，要交保证金开通”，并发来一个“客服链接”。冯某按照所谓“客服”的要求转了3000元，结果相机没卖出去，钱也没了。平台交易请在App内完成，不要点别人发的链接。", False),
        ("警情通报｜您的车辆有违章未处理，请点击 jg-12123.top 输入身份证号和银行卡信息缴纳罚款，逾期将扣分。", True),
    ],
)
def test_round32_a_case_report_opened_as_one_narrates_its_victims_steps(text, flagged):
    assert (check(text).verdict != "low_risk") is flagged


# Round 32 (same-edit red-team comparison): a victim still asking, with a word between ("我现在要不要把动态码输进去？"),
# is no story told as a warning, whatever frame or case opener is put before it.
@pytest.mark.parametrize(
    "text",
    [
        "刚才接到一个电话，我没理。今天上午有个男的打电话给我，说他是光大银行的，说我的网银身份信息过期，要我在网上更新，不然账户会被冻结。他让我打开一个网址，输入网银账号、密码，还有U盾的动态码。我现在要不要把动态码输进去？",
        "【反诈小课堂】真实案件：一名大学生今天上午有个男的打电话给我，说他是光大银行的，说我的网银身份信息过期，要我在网上更新，不然账户会被冻结。他让我打开一个网址，输入网银账号、密码，还有U盾的动态码。我现在要不要把动态码输进去？，谨防诈骗，已有市民被盗刷。",
    ],
)
def test_round32_a_victim_still_asking_with_a_word_between_is_no_story(text):
    assert check(text).verdict != "low_risk"


# Round 33 (blind acquaintance pool, dev half): a demand for secrecy put before a payment is the scammer's own order, no
# denial of the payment after it (low_risk on a36e8d9); a warning's "别转" still denies what it names.
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("妈 别告诉爸 先转三千到这个卡上 6222021234567890123", "high_risk"),
        ("爸 我在派出所 别打电话 先转五千到这个卡上", "high_risk"),
        ("我儿子在外地读大学，今天有人用陌生号码发短信给我：“爸 我在派出所 别打电话 先转五千到这个卡上”。我打他手机关机了，很着急，怎么办？", "high_risk"),
        ("接到自称儿子的电话说在派出所要交钱，千万别转，先打儿子原来的号码核实。", "low_risk"),
    ],
)
def test_round33_a_secrecy_demand_denies_no_payment_after_it(text, verdict):
    assert check(text).verdict == verdict


# Round 33: genuine look-alikes that were high_risk on a36e8d9, beside the scams they resemble; the finding and high_risk
# go together. A claimed person asking for money the way the reader always pays them ("还是转我这个微信") is no unknown
# channel; a new number, card or account, or someone else's, still is (blind acquaintance pool). A hotline's reply
# labelled as such ("12348热线回复：…需携带身份证") asks for no credentials; a request to reply with them still does
# (blind court and collection pool). (text, the finding, made?)
@pytest.mark.parametrize(
    ("text", "finding", "made"),
    [
        ("房东：月底了记得交房租哈 还是转我这个微信就行 2600", "pay_through_unofficial_channel", False),
        ("喂 是我 房东 我这几天在外地 你房租不急 还是照老样子转我微信 我回来给你开收据", "pay_through_unofficial_channel", False),
        ("我是房东，换了新微信，这个月房租还是转我这个微信 2600", "pay_through_unofficial_channel", True),
        ("房东：等一下，别转原来的卡，那张卡被银行锁了，转到这个支付宝账号，是我弟弟的，13184410912", "pay_through_unofficial_channel", True),
        ("我是房东，这个月房租转我微信 2600", "pay_through_unofficial_channel", True),
        ("爸，我手机丢了，这是同学的号，还是转我微信2000", "pay_through_unofficial_channel", True),
        ("12348热线回复：申请法律援助需携带身份证、经济困难状况说明及案件材料，到受理地法律援助机构办理。", "credentials_requested", False),
        ("您的借款已逾期，请回复身份证号和银行卡号以便核实还款信息。", "credentials_requested", True),
    ],
)
def test_round33_a_look_alike_makes_no_finding_its_scam_makes(text, finding, made):
    result = check(text)
    assert (finding in {f.id for f in result.red_flags}) is made
    assert (result.verdict == "high_risk") is made


# Round 33: a link labelled as one with no colon ("验证链接zb-jy.vip"), and a scan to log in or verify with the link given
# after it, ask the reader to open that link (no request was read on a36e8d9); a link named with no
# link given asks nothing.
@pytest.mark.parametrize(
    ("text", "clicks"),
    [
        ("免费领蛋仔派对限定皮肤,扫码登录即可,链接http://k3s.vip/2bkv,祝您顺利!", True),
        ("【梦幻西游福利】您的孩子在游戏中获得506.60元奖励，领取需家长扫码验证，验证链接zb-jy.vip，请在2小时内完成。", True),
        ("活动链接已经失效了，下次早点来。", False),
    ],
)
def test_round33_a_labelled_link_is_a_request_to_open_it(text, clicks):
    assert ("click" in {r["kind"] for r in check(text).claims["requests"]}) is clicks


# Round 33 (corpus scams the rules missed, flagged by the model alone): an in-law or an intimate claimed, an account named
# by what it is bound to, and money to be handed to the writer are read (low_risk or model-only on a36e8d9's rules).
@pytest.mark.parametrize(
    "text",
    [
        "在吗？我是你嫂子，你哥手机没电了，让我跟你说一声，他急需1990元，你转到我这个新号绑定的支付宝上吧。",
        "杨老师 家长你好 建国在学校把电脑弄坏了 学校要赔1308.52 你先把钱给我转过来 我统一交给学校 我的账户就是这个手机号对应的支付宝",
        # the address opening the message, its space gone in normalising
        "宝贝 急用钱 先转我57000 明天还",
    ],
)
def test_round33_money_into_the_claimed_writers_own_account_is_judged(text):
    assert "pay_through_unofficial_channel" in {f.id for f in check(text).red_flags}


def test_round33_a_shops_goods_called_baobei_claim_no_intimate():
    assert check("宝贝已发货，请注意查收，运费已付。").verdict == "low_risk"


# Round 34 (issue 8, blind anti-fraud pool, dev half): a scam's SMS that a warning quotes and names as one, right after it
# or by what the writer did with it, is read masked: its link, its claim and its requests are the scam's, not the sender's
# (flagged on 274055a). What the message asks outside the quotation is read as ever; a naming that is asked, or a writer
# who still asks what to do, masks nothing.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("妈，你收到的那条“【建设银行】您的积分即将清零，可兑换现金，登录 ccb-jf.cc 领取”是假的，别理它。", False),
        ("爸，你手机上那条“您的车辆违章未处理，点击 wz-cx.top 查看”的短信别点，交管12123 App里查就行。", False),
        ("我今天收到一条短信：“您的社保卡已冻结，请点击 sb-jd.cc 解冻”。人社局不会发这种短信，我直接删了。", False),
        ("“您的积分即将清零，请登录 jf-a.cc 兑换”是假的，真正的兑换入口：jf-b.cc，请尽快登录兑换现金。", True),
        ("收到一条“您的医保卡已停用，请点击 yb-x.cc 认证”，这是假的吗？", True),
        ("我收到“您的快递丢失，加微信 kf1234 理赔”，已经加了，下一步要不要转？", True),
    ],
)
def test_round34_a_quoted_scam_the_message_disowns_is_read_masked(text, flagged):
    assert (check(text).verdict != "low_risk") is flagged


def test_round34_masking_keeps_every_offset_and_the_words_outside():
    norm = normalize("妈，那条“您的积分即将清零，登录 ccb-jf.cc 领取”是假的。")
    with claims.quoting(norm):
        masked = claims.without_disowned_quotations(norm)
    assert len(masked.text) == len(norm.text) and "ccb-jf.cc" not in masked.text
    assert masked.text.startswith("妈") and masked.text.endswith("是假的。")


# Round 34: a question answered after it ("问：…是真的吗？答：假的！") is no victim's pending question; without the answer it
# is (the request the question retells stays live). A call told as made ("客服打电话说…") asks the reader to call nobody.
@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("问：客服打电话说我的百万保障要关闭，让我下载会议软件共享屏幕，是真的吗？答：假的！这是诈骗，直接挂断。", False),
        ("客服打电话说我的百万保障要关闭，让我下载会议软件共享屏幕，是真的吗？", True),
        # "A：" is a speaker in a transcript, no answer's label
        ("A：客服说要我下载会议软件，是真的吗？B：我也不知道。A：那我先下载了。", True),
    ],
)
def test_round34_an_answered_question_is_not_pending(text, pending):
    assert claims._story_pending(normalize(text).text) is pending


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("客服打电话说我的快递丢了要赔偿。", False),
        ("昨天银行打电话来说卡被冻结。", False),
        ("如有疑问请打电话给客服核实。", True),
        ("请打电话说明情况。", True),
    ],
)
def test_round34_a_call_told_as_made_is_no_request_to_call(text, calls):
    assert ("call" in {r["kind"] for r in check(text).claims["requests"]}) is calls


# Round 34: "先后" (one after another) tells a case's payments; 先 alone still asks to pay first.
@pytest.mark.parametrize(
    ("text", "pays"),
    [
        ("市民李某先后转账3笔，共计2万元。", False),
        ("请先转账2000元保证金。", True),
    ],
)
def test_round34_xianhou_tells_payments_made(text, pays):
    assert ("pay" in {r["kind"] for r in check(text).claims["requests"]}) is pays


# Round 34: the writer's own stance on a scam ("也报了警", "千万不要卖", "这是帮信犯罪") warns as a cue does, where nobody
# asks what to do; a scammer's "千万别报警" is no stance, and a warning still counts only where nothing is asked through an
# unofficial channel.
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("工友们：有人收手机卡，一张给200元，这是帮信犯罪，千万不要卖。", "low_risk"),
        ("嫂子，我哥被人扣下了，先打5万到对方账户6222021234567890123，千万别报警，报警了更麻烦。", "high_risk"),
    ],
)
def test_round34_the_writers_stance_warns(text, verdict):
    assert check(text).verdict == verdict


# Round 34 (issue 8, blind pool of scams dressed as warnings, dev half): a warning's words around a request the sender
# makes himself never hide it (low_risk on 274055a): his ID and card details to someone's phone, money into a "protective
# card" or a risk team's "hedging account", the card's security code with its place named between; and the writer who
# speaks again after naming the scammer ("…我一步步教您…") asks it himself. The warnings that name the same deeds as the
# scammer's ask nothing.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("【提醒】近期有骗子冒充社保局打电话。社区统一办理防骗登记，请把身份证号和银行卡号发到网格员的手机15912345678。", True),
        ("王叔叔，有骗子盗刷您的卡，您别挂电话，去ATM机，我一步步教您把钱转到保护卡里。", True),
        ("【某银行】您的信用卡有一笔境外交易待确认，如非本人操作请回复N并提供卡片背面三位安全码。", True),
        ("检测到诈骗分子冒用您的身份在借呗借款，请您先借出同样金额，再转入风控对冲账户。", True),
        ("【某银行】温馨提示：我行工作人员不会让您提供卡片背面的安全码，请勿告诉任何人。", False),
        ("骗子会先说您的卡被盗刷，再教您把钱转到所谓的保护卡里，这是诈骗。", False),
    ],
)
def test_round34_a_warnings_words_hide_no_request_the_sender_makes(text, flagged):
    assert (check(text).verdict != "low_risk") is flagged


# Round 34: a landlord's rent the usual way, with the scam's "换号" quoted as what a scammer says, is no unknown channel
# (high_risk on 274055a); a number said newly got, the usual card refused in dialect ("莫往原来那个卡上打") and a daughter's
# card named by a dialect's word still change the way; a card number given is judged as ever.
@pytest.mark.parametrize(
    ("text", "made"),
    [
        ("各位租户，我是房东老王，我的号没换，房租还是照旧转到原来的账户。有人发短信说“房东换号了”，那是骗子。", False),
        ("俺是你房东老李 俺这个号是新办的 这个月房租你莫往原来那个卡上打咧 打到俺闺女的卡上", True),
        ("我是房东，房租还是照旧转到原来的账户6222021234567890123。", True),
    ],
)
def test_round34_rent_the_usual_way_makes_no_finding(text, made):
    assert ("pay_through_unofficial_channel" in {f.id for f in check(text).red_flags}) is made


# Round 41: a payment to the account the reader has always paid ("照老样子", "跟之前一样", "原来那张卡") goes through
# the channel the reader already has, where the message gives no account, card, code or link to pay to; a scam that
# says so beside its own card still pays the scammer.
AS_BEFORE = [
    ("我们还是照老样子转到他那张农行卡就行。", "official"),
    ("麻烦你先把房租打到我原来的卡上。", "official"),
    ("房租跟之前一样转，新卡号6222021234567890123。", "unofficial"),
    ("房租照老样子转，收款码我发你微信了，扫这个。", "unofficial"),
    # turned round: not as before
    ("这个月房租你别往原来那个卡上打了，你打到我闺女的卡上。", "unofficial"),
    ("房租以后打我老公的卡，之前那张卡不用了。", "unofficial"),
    # the change denied is as before still ("我没换卡")
    ("房租还是一千八打到我那张农行卡上跟之前一样我没换卡没换号。", "official"),
]


@pytest.mark.parametrize(("text", "through"), AS_BEFORE)
def test_a_payment_as_before_goes_where_the_reader_always_paid(text, through):
    pays = [r.through for r in _read(text).requests if r.kind == "pay"]
    assert pays and (all(t == through for t in pays) if through == "official" else through in pays or "none" in pays), pays


def test_as_before_beside_the_scammers_own_card_stays_high():
    assert check("我是房东，换号了，房租跟之前一样转，新卡号6222021234567890123。").verdict == "high_risk"


# Round 42 (blind warning register 12): a way the message itself calls the scam's is set aside, however the warning
# words it: beware of it ("警惕 …"), it passes itself off ("…冒充…", "…自称…"), it is called fake in a word ("…假的"), a
# heading names the list ("涉诈号码通报："), the list is closed by what was done to it ("以上号码已被封停", "均为诈骗电话"), a
# received message asked it and the writer found it fake, or a case tells the victim robbed after it. No scam says any
# of this of its own way in; a way offered beside such words keeps the message flagged.
DISOWNED_WAYS = [
    ("谨防 zsyh-jf.top 仿冒积分兑换网站，招行积分只在掌上生活App使用。", True),
    ("当心 ybk-rz.xyz，医保电子凭证不用认证，请勿点击。", True),
    ("0571-2690 3318 冒充税务局，请勿回拨，个税问题请拨12366。", True),
    ("微信号 zx_xf2088 自称能“修复征信”，请勿添加。", True),
    ("别点 tuishui-gs.top 假的 退税用个人所得税App", True),
    ("【某区反诈中心】近期涉诈号码通报：17092836451、0898-66213407。以上号码已被封停，接到请挂断并拨打96110。", True),
    ("【某社区】居民反映的可疑来电：0532-86612093（冒充医保局）、010-59872361（冒充银保监会），均为诈骗电话，请勿回拨。", True),
    ("我妈昨天收到短信让点 sbk-xf.cc 激活社保卡，我帮她打了12333，确认是假的。大家提醒一下家里老人。", True),
    ("【某派出所】辖区居民李某接到电话，对方让其添加QQ 2918374650办理退款，李某按要求操作后卡里被转走8600元。退款只在购物平台内办理。", True),
    ("骗子的微信号是 pz_kf2031，大家别加。", True),
    ("冒充公检法的电话：02163318820，接到请挂断。", True),
    ("4008273316不是任何银行的客服电话，请勿回拨。", True),
    # Round 43: the list closed by whom it is not ("均非中国移动"); not "均非诈骗"
    ("【中国移动】提醒：近期出现冒充10086的网址 10086-jf.icu、l0086-jfsc.top，均非中国移动，请勿点击，查询请拨10086。", True),
    ("【中国移动】积分兑换请登录 10086-jf.icu，均非诈骗，请放心。", False),
    ("【招商银行】提醒：“招行：您的积分即将过期，请登录 cmb-jfdh.cc 兑换现金”非我行短信，请勿点击仿冒链接。", True),
    ("【招商银行】“积分即将过期”非我行短信用语，请登录 cmb-jfdh.cc 兑换现金", False),
    # the verb before the way is the quoted scam's, not the warning's
    ("【某区反诈中心】“您的账户存在风险已被冻结，请登录 zfb-jd.vip 解冻”——这个链接是钓鱼网站，不要登录。拿不准可以打95188问。", True),
    # offered beside the words that disown another: still flagged
    ("警惕仿冒网站！官方唯一核验入口：zsyh-safe.cc，请立即登录验证。", False),
    ("以上号码已被封停，恢复请联系客服微信kf_zx2088。", False),
    ("这几个号码已被封停：17092836451。新客服电话17163359012，请立即联系办理退款。", False),
    ("谨防诈骗！您的医保卡已停用，请登录 ybk-rz.xyz 重新认证。", False),
    ("10月9日，市民王某添加客服微信kf_bt2024后成功领取补贴3000元，名额有限，速加。", False),
    ("辖区居民李某添加QQ 2918374650后成功办理退款8600元，有需要请添加。", False),
    ("【反诈】骗子的号码是17000001111，官方核验请加微信gov_check01。", False),
    # red team disowned_decoy: a warning line after the way the scam asks the reader to use speaks of its own ways
    ("【某会员】您的会员将于今晚自动扣费3800元，如需取消请致电400 638 8386。冒充公检法的电话：02163318820，接到请挂断。", False),
    ("你的航班取消了，改签加一下我们客服的微信 hk_gq3064 那边给你弄。近期涉诈号码通报：17092836451。以上号码已被封停。", False),
    ("【某派出所】辖区居民李某添加QQ 2918374650办理退款，随后被对方拉黑。退款请添加QQ 2918374650。", False),
]


@pytest.mark.parametrize(("text", "low"), DISOWNED_WAYS)
def test_round42_a_way_the_message_calls_the_scams_is_set_aside(text, low):
    assert (check(text).verdict == "low_risk") is low


# The way alone, where the rest of the message still reads as the scam it tells (a case with no word of warning keeps
# the scam's flags): set aside, so it is no channel of the message's.
@pytest.mark.parametrize(
    "text",
    [
        "【某市公安局】案例：一名中学生在游戏里看到有人低价卖装备，对方发来交易网站 zb-jiaoyi.top，付款后被告知“账户冻结需交解冻费”，前后转了5次共6200元，发现被骗后报警。",
        "4008273316不是任何银行的客服电话，请勿回拨。",
    ],
)
def test_round42_the_scams_way_is_no_channel_of_the_message(text):
    norm = normalize(text)
    entities = extract(norm)
    assert any(e.kind in ("phone", "link") for e in entities)  # the way is found ...
    assert not [c for c in read(norm, entities).channels if not c.official]  # ... and set aside


# Round 43 (blind acquaintance register 6, dev half): the money asked in spoken Chinese by someone claiming to be known
# to the reader, with no account of its own: urged bare, asked for him with its sum, asked again or topped up, pressed,
# into a third person's chat, paid and shown; the claim insisted on ("我真的是…"), the new number said of this one, the
# old one refused for a check. Each beside a person claimed is a request through the sender; said by the writer of his
# own payment, thanked for, or refused, it asks nothing.
SPOKEN_PAY = [
    ("我是你舅舅，换了个号。你先帮我转个五千给医院，回头还你", True),
    ("我是你舅舅，换了个号。赶紧转，医院在催", True),
    ("我是你舅舅，换了个号。快点付，人家等着", True),
    ("我是你舅舅，换了个号。转完截个图发我", True),
    ("我是你舅舅，换了个号。你再补六百过来", True),
    ("我是你舅舅，换了个号。微信转他就行", True),
    ("我是你舅舅，换了个号。你用花呗先帮我付了", True),
    ("我真的是你舅舅，不信你问你妈，赶紧转", True),
    ("我就是马局，你还不信我啊？快点付，人家在等", True),
    ("我这号是新的，你存一下。赶紧转，别耽误事", True),
    ("喂 表哥 我小伟 你先借我六千 转我这个新号的微信就行", True),
    ("爸 你怎么还没转 我在医院等着呢 截图发我 别给我原来的号打电话 打不通", True),
    # the writer pays, thanks, or calls it off
    ("我换号了，以后打这个。钱我马上转，你等一下", False),
    ("我换号了，以后打这个。好的，马上转", False),
    ("我换号了，以后打这个。我赶紧转了，你查一下", False),
    ("我换号了，以后打这个。谢谢你帮我付了车费", False),
    ("我换号了，以后打这个。上次多亏你帮我付了", False),
    ("我换号了，以后打这个。我再转你三千，上次的一起还", False),
    ("我换号了，以后打这个。别再转了，钱够了", False),
    ("我换号了，以后打这个。我转完了，截个图发你看", False),
    ("我换号了，以后打这个。快转发给你妈看看这个视频", False),
    ("我换号了，以后打这个。你帮我付了吗？没付我自己付", False),
    # no claim of a person: the same words from the number the reader knows ask through no channel
    ("妈，这个月生活费不够了，赶紧转我五百吧", False),
]


@pytest.mark.parametrize(("text", "asked"), SPOKEN_PAY)
def test_round43_money_asked_aloud_by_a_claimed_person_is_a_request_through_the_sender(text, asked):
    flags = {f.id for f in check(text).red_flags}
    assert ("pay_through_unofficial_channel" in flags) is asked, flags


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("我真的是你舅舅，不信你问你妈", "relative"),
        ("我就是马局，你还不信我啊", "boss"),
        ("我这号是新的，你存一下", "friend"),
        ("我这个号你先存一下，明天再说", "friend"),
        ("别给我原来的号打电话，打不通", "friend"),
        ("老同学，我在外地出差钱包丢了，能先借我两千吗？", "friend"),
        ("同学，我在图书馆，你到了吗？", None),
        ("我是你们客户那边的邱总，合同的事你加我一个微信", "boss"),
        ("我是你们客户那边的采购，想问下这批货什么时候到", None),
    ],
)
def test_round43_a_claim_insisted_on_or_said_of_this_number_is_read(text, claimed):
    ids = {c.id for c in _read(text).claims if c.kind == "person"}
    assert (claimed in ids) if claimed else not ids, ids


# Round 43 (blind registers 8 and 14, dev halves). Register 8: a payee pointed at and never named ("给这个人转", "往这个账户打")
# or a fee paid for the writer ("帮我给医院交个费") is the writer's word alone, whoever he says he is; a call or a video
# refused is a claim of a person on a channel that cannot be checked, weighed only with money asked beside it.
# Register 14: a court's account named by what it holds ("本院执行款专户") is its own, given in
# its formal notice, as "法院指定账户" is; one it keeps no such account for ("本院安全专户"), a card given for it, or a
# person to ask for it stays a channel of the message's. And "案号及密码拨打12368" holds no case number: the court's own
# line is read as the line the reader is asked to call.
ROUND43_VERDICTS = [
    ("你帮我跑一下 给这个人转一万五 合同款 明天我让会计还你 赶紧的 人家在等", "high_risk"),
    ("你赶紧给这个账号转一万，不要问为什么，出来我跟你解释", "high_risk"),
    ("你先帮我给医院交个费 五千三 我出来就转你", "high_risk"),
    ("视频不方便我在外地看病 房租转我女儿卡上 急着交医药费", "high_risk"),
    ("你给这个人打个电话问问", "low_risk"),
    ("我已经给这个账户转了，你查一下", "low_risk"),
    ("你给这个人转了吗", "low_risk"),
    ("别打电话过来，我在开会，晚点回你", "low_risk"),
    ("视频不行 我这边摄像头坏了 晚上再聊", "low_risk"),
    # a third person's account named by his relation, "this" payee after the sum, and "你先转"
    ("这个月房租打到我侄子的卡上，我人在医院，钱要给医院用，你快点。", "high_risk"),
    ("先帮我凑七万给这个供应商 我这会走不开", "high_risk"),
    ("语音不方便，在省里参加培训。你先转，回来再说。", "high_risk"),
    ("生活费我转到你妈卡上了", "low_risk"),
    ("我已经转到我老婆卡上了", "low_risk"),
    # register 14: a court's own account and line
    ("12368温馨提示：您为被执行人的（2026）冀0112执2204号案件，执行标的为人民币38,600元，请于2026年12月20日前交至本院执行款专户（以本院执行通知书载明的账户为准）或到本院执行局履行。【石家庄市滹沱区人民法院】", "low_risk"),
    ("【某某人民法院】您的案件执行款请于今日内交至本院执行款专户，账户信息请联系书记员13812345678获取。", "high_risk"),
    ("【某某人民法院】请于今日内将执行款转入本院专户6222021234567890123，逾期将强制执行。", "high_risk"),
    ("【某某人民法院】请于今日内将执行款转入本院安全专户，否则冻结名下账户。", "high_risk"),
    ("本案可凭案号及密码拨打12368查询。发送人：书记员朱婷 021-57320914", "low_risk"),
    ("请于7日内预交案件受理费1,275元，可通过人民法院在线服务或到本院诉讼服务中心窗口缴纳，也可转入缴费通知书载明的本院诉讼费专户。【某某人民法院】", "low_risk"),
    ("【某某法院】请于今日将诉讼费转入本院诉讼费专户，账号联系书记员13812345678。", "high_risk"),
]


@pytest.mark.parametrize(("text", "verdict"), ROUND43_VERDICTS)
def test_round43_verdicts(text, verdict):
    assert check(text).verdict == verdict


# Round 43: where the writer alone is the channel and he speaks as a person (or as nobody), the answer names no
# institution: it says who is paid and points to the check of the person, on the number already known; where he speaks
# as an institution, that institution's channels are what the answer checks.
@pytest.mark.parametrize(
    ("text", "title", "step"),
    [
        ("爸 你怎么还没转 我在医院等着呢 截图发我 别给我原来的号打电话 打不通", "要你把钱转给发信人或他指定的人", "原来存的号码"),
        ("你帮我跑一下 给这个人转一万五 合同款 明天我让会计还你 赶紧的 人家在等", "要你把钱转给发信人或他指定的人", "原来存的号码"),
        ("供电所通知 你家电费欠了三百 先把电费转我微信 我帮你交", "要你付钱，渠道却不是所称机构的官方渠道", "95598"),
    ],
)
def test_round43_money_to_the_sender_is_said_as_such(text, title, step):
    result = check(text)
    assert title in {f.title for f in result.red_flags}
    assert any(step in s.text for s in result.steps), result.steps


# Round 43: credentials to be told face to face ask through no channel of the message; offered another way beside it,
# or a code (which nobody may be told, credential_request), they still weigh.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("转赠要实名，你把身份证号当面告诉我或者我们见面的时候再弄。", False),
        ("你把身份证号当面或者发微信告诉我", True),
        ("你把身份证号发给我", True),
    ],
)
def test_round43_credentials_told_face_to_face(text, asked):
    assert any(r.kind == "credentials" for r in _read(text).requests) is asked


# Round 44 (red team link_unseen): a task of money or credentials asked through a link the paste does not show, in a
# message that claims an institution, is read as asked through no official channel (task_through_unseen_link); a link
# shown is judged as ever, and neither an app's own "点击领取", a branch (网点), an official app, an advert's 办理, a
# warning's retelling nor a task disowned makes the finding.
ROUND44_UNSEEN = [
    ("【国家电网】您家电费已欠费184.45元，今晚将停电，请速点击链接缴费。", True),
    ("【交通银行】您的信用卡已获提额资格，请于24小时内访问下方链接激活，逾期视为自动放弃。", True),
    ("【中国银行】您的手机银行因系统升级需重新激活，未激活将于次日停用，激活地址：", True),
    ("【12333】您的社保卡金融功能已失效，请于今日登录链接重新激活。", True),
    ("【人社】您的养老金资格认证已过期，请登录下方网址完成认证，逾期停发。", True),
    ("【交管12123】您有一条违章未处理，请登录 jgcx-wzcl 在线缴纳罚款。", True),
    ("【中国移动】您的积分今日清零，兑换现金请点击链接领取，链接见下一条短信。", True),
    ("【中国联通】您的话费积分今晚清零，请登录[链接]兑换现金。", True),
    ("【社保中心】您的社保卡未激活电子版将作废，请扫描图片中二维码激活并验证银行卡。", True),
    ("【医保局】您的医保电子凭证需重新认证，认证网址请查收下一条短信。", True),
    ("短信说我的ETC卡失效了，让我点链接重新认证，是真的吗？", True),  # a victim asking: the scam he got
    ("A：您好，工商银行客服中心，您的银行卡已被风控。B：那怎么办？A：您点击我们发给您的短信链接解除系统监管。", True),
    ("【12123】请通过交管12123App查询违法记录并缴纳罚款，我们不会发送链接，请等待官方App推送。", False),
    ("【国家电网】您家电费已欠费184.45元，请通过网上国网App缴费。", False),
    ("【支付宝】您的花呗本月账单452.52元，请及时打开支付宝App还款，如已还款请忽略。", False),
    ("【交通银行】您的信用卡已逾期。还款渠道：买单吧App、本行网点、自动还款。", False),
    ("【美团】您有一张5元红包即将过期，点击领取。", False),
    ("【中国移动】您的5G升级权益已到账，点击链接办理。", False),
    ("【税务局】个税汇算请登录官方网站缴纳，或使用个人所得税App。", False),
    ("【温馨提示】对方称是顺丰客服，说您的包裹异常，需要点链接补填地址并支付运费。快递公司不会这样收费。", False),
    ("驿站老板说现在有好多假的快递短信喊你点链接理赔的莫要点", False),
    ("【国家电网】您家电费已欠费184.45元，请速点击 wsgw-df.cc 缴费。", False),  # shown: judged by its link
]


@pytest.mark.parametrize(("text", "found"), ROUND44_UNSEEN)
def test_round44_a_task_through_a_link_not_shown(text, found):
    result = check(text)
    ids = {f.id for f in result.red_flags}
    assert ("task_through_unseen_link" in ids) == found
    if found:
        assert result.verdict != "low_risk"


def _reads_a_link_not_shown(text: str, found: bool) -> None:
    """The check reads `text` as asking through a link the paste does not show (task_through_unseen_link) exactly when
    `found`, and then never answers low_risk: the assertion of every link-unseen table below."""
    result = check(text)
    ids = {f.id for f in result.red_flags}
    assert ("task_through_unseen_link" in ids) == found, ids
    if found:
        assert result.verdict != "low_risk"


# Round 46 (red team link_unseen): the link taken away. Under round 44's gate, a task's label with 链接 where its address
# was; where the reader's money, account or a threat is told, also the link named, an order to open or an empty label at
# the end of its clause, and the link named or pointed at whatever follows but a look. Not a login told of, a branch (网点),
# an order refused (勿), a link only to look (查看), an institution's notice that tells no stake, nor a warning's retelling.
# Round 53: an advert's ask (领取, 办理, 申请) is the task of a stake told beside it, so a carrier's "积分即将清零" with its
# link gone is read as the link it asks through (its verdict was suspicious before, by points_expiry_lure).
ROUND46_UNSEEN = [
    ("【邮储银行】您的银行卡存在异常交易，已暂停使用，如需恢复请点击链接", True),
    ("【招商银行】您的信用卡可提额至60000元，请于今日内访问下方链接，逾期作废。", True),
    ("【人社局】您的养老金资格认证未完成，本月暂停发放，补认证请点", True),
    ("【供电公司】您家电费已欠费，今晚停电，请在2小时内登录，完成缴费后恢复供电。", True),
    ("【平安银行】您的积分今晚清零，可兑换现金286元，兑换地址：链接", True),
    ("【国家税务总局】您的退税因银行卡信息有误被退回，请点击下方链接修复", True),
    ("电费欠费 今晚停电 下方链接", True),
    ("【医保局】您的医保卡即将停用，续用请访问  按提示操作", True),
    ("【交管】您有一笔违章罚款未缴，缴纳地址 链接", True),
    ("【顺丰】您的快件因地址不详暂无法派送，请核对收货地址，", False),
    ("【招商银行】本行发出的通知均不含网址链接，如有疑问请拨打95555。", False),
    ("【微信】你的账号于3月2日在新设备登录，如非本人操作，请在“我-设置-账号与安全”中冻结账号。", False),
    ("【平安银行】您的信用卡已逾期，欠款3,210.55元。还款请通过本行App或网点。", False),
    ("【京东】您的订单已发货，点击链接查看物流。", False),
    ("【京东】您的订单已发货，请点击链接。", False),
    ("【中国移动】您的积分即将清零，点击链接领取流量包。", True),
    ("【中国移动】您本月话费账单已出，点击下方链接查看。", False),
    ("【12306】您的车票已改签成功，请点击链接查看详情。", False),
    ("【工商银行】您的账户如有异常，请勿点击链接，请通过工商银行App处理。", False),
    ("【反诈中心】骗子发短信说您的ETC已失效，让您点击下方链接认证，这是诈骗，请勿相信。", False),
]


@pytest.mark.parametrize(("text", "found"), ROUND46_UNSEEN)
def test_round46_a_link_taken_away_with_no_task_beside_it(text, found):
    _reads_a_link_not_shown(text, found)


# Round 47: where the message tells of a notice that phishing sends with a link and the genuine sender without one (a traffic
# fine, a power bill, a parcel held, a refund's sum, a card or certificate expired: claims.toml stakes.hook) or pitches a
# platform that makes money (stakes.pitch), a link the paste does not show is the way it asks the reader to act. Its twins:
# the institution's own app or counter named, a refund already on its way back, a story or a warning that retells the hook.
ROUND47_UNSEEN = [
    ("【交管】您名下车辆有两条违停记录未处理，罚款400元，请点此缴纳，逾期加收滞纳金。", True),
    ("违停罚单已生成 今日内处理 点链接", True),
    ("【快递中心】您的包裹因收件信息不全已滞留三天，请在今天18点前通过链接补填，否则退回发件地。", True),
    ("尊敬的客户，您户电费逾期未缴，请立即点击缴费，今晚22点起停止供电。", True),
    ("您的个税退税1280.50元已到账待领 速领链接", True),
    ("【ETC中心】您的ETC卡片已失效，请于今日登录完成认证，以免影响高速通行。", True),
    ("【交通银行】您的积分可兑现金326元，本周日清零，请于截止前通过。", True),
    ("宝贝，我舅舅在的平台稳赚不赔，你先注册一个链接，我带你投。", True),
    ("我出价12000收你的王者号，我们走链接交易，你先注册。", True),
    ("【交管12123】您的车辆有一条违章记录，请通过交管12123App处理或到违法处理窗口办理。", False),
    ("【国网供电】您户本月电费156.20元，请及时通过 网上国网 App 缴纳，逾期将按规定停电。", False),
    ("【顺丰】您的快件因地址不详暂无法派送，快递员稍后与您联系，请保持电话畅通。", False),
    ("【京东】您的退款申请已审核通过，326.00元将原路退回，预计1至3个工作日到账。", False),
    ("【广发银行】信用卡提额活动进行中，详询95508。", False),
    ("我同事收到一条短信，说她的违停罚款还没交，点这里处理。她没理，后来问了交警队，根本没有这回事。", False),
    ("如果收到说你包裹滞留、要你点链接补填地址的短信，别点。", False),
    ("【反诈中心】近期有冒充交警的违章罚款短信，附带缴费链接，交警从不通过短信链接收罚款，请通过交管12123App核实。", False),
    ("【招商银行】理财产品收益稳健，详情请咨询您的客户经理或登录招商银行App查看。", False),
    # Round 49: the parcel's hook in other words (an address not complete, a delivery failed), in either script.
    ("【中国邮政】您的包裹地址不完整 请点击更新 否则将退回寄件人", True),
    ("【中華郵政】您的包裹地址不完整 請點擊更新 否則將退回寄件人", True),
    ("您的快递派送失败，请点击更新收货信息", True),
    ("【中国邮政】您的包裹地址不完整，投递员稍后与您电话联系，请保持畅通。", False),
]


@pytest.mark.parametrize(("text", "found"), ROUND47_UNSEEN)
def test_round47_a_link_taken_from_a_notice_phishing_sends_with_one(text, found):
    _reads_a_link_not_shown(text, found)


# Round 53 (red team link_unseen, read on the corpus scams' edits only): where the stake is told, what an advert asks
# through its own link (申请, 办理, 领取) is that stake's task; a tap on what is below with no link named; 登 after 请 or 速 as
# 登录; a task's label with no address (办理网址, 领取入口, 申请链接) or pointing below (缴费 下方链接); the reader's own credit
# limit said to be raisable as a phishing hook (fraud_taxonomy.md A.1 row 4); a benefit's sum "待领" as "待领取"; the
# reader's service said to stop, his funds at risk, a grant to be given again. Their twins: the same ask with no stake
# (an advert, a limit not the reader's), the institution's own app named, a button below, a place to go to, a refund
# told as on its way. Before round 53 no True row was read as a task through a link not shown.
ROUND53_UNSEEN = [
    ("【民生银行】尊敬的客户，鉴于您用卡信用良好，您的信用卡额度可提升至100000元，请点击链接申请。", True),
    ("【税务】您有退税未领取，请点击链接办理。", True),
    ("【广发银行】您的信用卡使用良好，额度可提升至50000元，请点击[链接]申请，当日有效。", True),
    ("【个税退税】恭喜您符合本年度退税条件，请点击下方办理领取", True),
    ("您的ETC设备因未年审已停用，通行将产生高额罚款，点击下方重新激活", True),
    ("浦发银行提示您 积分45000可兑337.87元 当日有效 速登下方链接兑换", True),
    ("【邮储银行】亲，您的公积金账户出现故障，请点击修复", True),
    ("尊敬的纳税人，您有一笔18872.02元退税即将过期，领取入口链接【电子税务局】", True),
    ("亲，补贴17621.52元待领 下方链接", True),
    ("【中国移动】宽带续约 缴费下方链接", True),
    ("【建设银行】系统升级通知：您的手机银行版本过低即将停止服务，请访问下方链接", True),
    ("【12381】您的资金存在风险，请点击", True),
    ("【国家医保】您的医保电子凭证需要重新授权，请点击链接授权", True),
    ("信用卡额度可提升至10万，点击链接申请", False),
    ("【招商银行】您的信用卡额度可提升至50000元，请登录掌上生活App申请。", False),
    ("【京东】您的订单已发货，点击下方按钮查看物流。", False),
    ("【中国移动】流量包限时优惠，点击链接办理。", False),
    ("【街道办】请于周五前到社区登记，办理地址：幸福路18号。", False),
    ("【中国电信】您的积分将于月底清零，可登录中国电信App兑换。", False),
    ("【税务局】您的个税汇算已完成，退税款将原路退回您的银行卡，请留意到账。", False),
    ("【人社局】您的补贴3600元待领导审批后发放，请留意。", False),
    ("【建设银行】您的手机银行版本过低，请在应用商店更新。", False),
    ("理财非存款，投资存在风险，请点击链接办理", False),
]


@pytest.mark.parametrize(("text", "found"), ROUND53_UNSEEN)
def test_round53_a_links_task_an_advert_also_asks_counts_beside_a_stake(text, found):
    _reads_a_link_not_shown(text, found)


# Round 54: where the stake is told, its task (申请, 办理, 领取) after a login or a tap and what no parser reads as a link (an arrow,
# symbols), or after an order to log in with nothing named ("请登录领取"), as round 53 read it after a link named; and a QR code
# in the SMS's picture or below it, to scan whatever follows but a look (fraud_taxonomy.md: 未知链接/二维码, 公安部 防诈关键词).
# Their twins: no stake told (a carrier's gift, a notice), the institution's own app named, a bill to look at, a warning that
# retells the code. Before round 54 no True row was read as a task through a link not shown, and the ICBC row was.
ROUND54_UNSEEN = [
    ("【光大银行】尊敬的客户，您的信用卡额度可提升至80000元，请登录→→申请，今日有效。", True),
    ("您有一笔个税退税3260元未领取，请点击>>领取", True),
    ("【税务】您的退税3260元已审核通过，尚未领取，请登录##领取", True),
    ("恭喜您被选为幸运观众，获得奖金18万元，请登录领取。", True),
    ("【工商银行】您的积分即将清零，可兑换现金298元，请尽快登录领取", True),
    ("【国网】您户电表检测异常，已产生高额欠费，请扫图中二维码联系工作人员处理，否则明日停电。", True),
    ("【人社】您的养老金资格认证即将截止，逾期暂停发放，请扫描短信附图中的二维码，完成人脸识别认证。", True),
    ("【中国移动】您有10GB流量待领取，请及时登录领取", False),
    ("【建设银行】您的信用卡额度可提升，请登录建行生活APP申请。", False),
    ("关注公众号，扫描下方二维码领取优惠券", False),
    ("【国网】您户本月电费已结清，扫描下方二维码查看电子账单。", False),
    ("【反诈中心】骗子会以电表异常为由，让您扫描图中二维码缴纳欠费，这是诈骗，请勿相信。", False),
    ("【工商银行】您的积分即将清零，可登录工商银行App兑换礼品。", False),
    # 登入 is 登录 too; a bank's Latin name before its own app named in Chinese is no link the paste lost.
    ("中国建设银行尊敬的客户您的账户积分已满足兑换现金条件请用手机登入>>兑换逾期清零", True),
    ("【工商银行】您的U盾证书即将到期，请登录ICBC手机银行更新", False),
    ("【招商银行】您的信用卡额度可提升，请登录CMB掌上生活申请", False),
]


@pytest.mark.parametrize(("text", "found"), ROUND54_UNSEEN)
def test_round54_a_stakes_task_through_a_mangled_link_or_a_pictured_code(text, found):
    _reads_a_link_not_shown(text, found)


# Round 53 (red team bare, genuine side): a heading that points at the list after it needs no mark after it, as a paste
# that lost its marks reads; an item with an order of its own, or a heading that points nowhere, is read as before.
@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("【某区法院】提示 本院不会做以下事情 用私人手机号13912345678通知开庭 短信让您交诉讼费 让您加微信处理案件 如有疑问请拨打12368", {"low_risk"}),
        ("【中国移动】这几类短信请直接删除 说积分明日清零可换现金的 链接不在10086.cn上的掌上营业厅 要您填银行卡密码的", {"low_risk"}),
        ("【某区法院】本院不会做以下事情短信让您交诉讼费 您的案件已立案 请立即转账至6222021234567890123", {"high_risk"}),
        ("这类短信请直接删除 您的账户已冻结 点开 yh-jf.icu 填写验证码解冻", {"high_risk"}),
        ("常见骗局 您的账户已冻结 点开 yh-jf.icu 填写验证码解冻", {"high_risk"}),
    ],
)
def test_round53_a_heading_pointing_at_its_list_needs_no_mark(text, verdicts):
    assert check(text).verdict in verdicts


# Round 48: the check the taxonomy gives for a relative, a boss, a teacher or a landlord (call the number you had, a
# video call, ask in person; fraud_taxonomy.md A.1 rows 29-32) blocked or ruled out; a request after a paste's space
# that opens a statement of its own is not governed by a cue before the space; a payment whose subject is the reader
# ("我在开会 你先把钱转了") is no payment the writer made. And the everyday twins of each.
ROUND48_CHECK_BLOCKED = [
    ("别往我原来那个号上打了 丢了 有事就在这个号说", True),
    ("姐 这个是借我室友的号 回头再跟你说", True),
    ("舅 视频就算了 这边信号差 你先转3000过来 我明天还你", True),
    ("我还能骗你吗 你快点转吧 人家等着呢", True),
    ("王总这边开会 手机只能发信息 你先把货款打给对方 账号我发你 别给其他人讲", True),
    ("资料费一百二 转我微信就行 别在群里问", True),
    ("房租这个月转我老婆卡上 原来那张卡注销了", True),
    ("在开会 你先给我们供应商的账户转8600 别打电话 回头给你报", True),
    ("我在医院 别打给我 你先把钱转了", True),
    ("喂 猜我是谁 刚换的号 过两天找你有点事", True),
    ("老爸，周日是妈生日，蛋糕我订好了，你先别告诉她，给她个惊喜。", False),
    ("视频就不用了，我在地铁上，晚上回家再打给你。", False),
    ("妈，生活费收到了，这周在图书馆复习，不方便接电话，晚上微信聊。", False),
    ("别在群里发广告，有事私聊班长。", False),
    ("我换号了，旧号也还能打，微信没变，存一下。", False),
    ("钱我转你了，你查一下，没到的话跟我说。", False),
    ("我在开会，晚点给你回电话。", False),
    ("房租我已经转你了，你看下到账没有。", False),
]


@pytest.mark.parametrize(("text", "flagged"), ROUND48_CHECK_BLOCKED)
def test_round48_the_check_blocked_by_someone_the_reader_knows(text, flagged):
    result = check(text)
    assert (result.verdict != "low_risk") == flagged, (result.verdict, [f.id for f in result.red_flags])


# A cue that has its own words before a paste's space does not reach a request that opens a statement of its own
# after it; a cue alone before the space still reaches the words after it (brief ads10).
ROUND48_CUE_ACROSS_A_SPACE = [
    ("就差你们家了 别在群里说 直接转我微信 zhou_t5a 就行", True),
    ("千万别 你先把钱转了", True),
    ("切勿 向陌生账户转账", False),
    ("不会通过短信链接 电话 要求您提供密码", False),
]


@pytest.mark.parametrize(("text", "asks_pay"), ROUND48_CUE_ACROSS_A_SPACE)
def test_round48_a_cue_stops_where_a_new_statement_opens_after_a_space(text, asks_pay):
    assert ("pay" in {r.kind for r in _read(text).requests}) == asks_pay


# Round 45: a scenario a warning closes by naming it ("…，一定是诈骗"), opened by 凡是 as by 如果 ("凡是…短信让你拨打…的"),
# and read over the spaces a paste put for commas; a scam's own channel after such a scenario stays its own.
ROUND45_SCENARIO = [
    ("如果有人说花钱就能帮你“消除逾期记录”，要价3500元，还让你加微信 xy_clean66，一定是诈骗，逾期记录谁都删不掉。", "low_risk"),
    ("【青川县反诈中心】凡是“会员到期自动续费”短信让你拨打0512-6638 2041取消、再让你开屏幕共享的，一定是诈骗。会员请在官方App里自己关。", "low_risk"),
    ("如果有人说花钱就能帮你消除逾期记录 要价3500元 还让你加微信 xy_clean66 一定是诈骗 逾期记录谁都删不掉", "low_risk"),
    ("如果有人说能帮你消除逾期记录，一定是诈骗。我们是正规机构，加微信 xy_clean66 免费咨询，先付3500元服务费。", "flagged"),
    ("凡是短信让你转账的都是诈骗。您的账户涉嫌违规即将冻结，请立即拨打0512-6638 2041处理。", "flagged"),
    ("如果有人说能帮你消除逾期记录 一定是诈骗 我们是正规机构 加微信 xy_clean66 免费咨询 先付3500元服务费", "flagged"),
    # A channel listed after one the warning gives as an example is an example too; after one of its own, its own.
    ("【青川县反诈中心】冒充客服的来电多是境外号码，例如 +63 926 114 3087、+855 97 205 6631，请开启境外来电拦截。", "low_risk"),
    ("【青川县反诈中心】冒充客服的诈骗电话多从境外打来，如 +63 926 114 3087、+855 97 205 6631。请开启境外来电拦截。", "low_risk"),
    ("【反诈中心】您的账户涉嫌洗钱已被管控，请今日内联系专案组：0512-6638 2041、0512-6638 2042。", "flagged"),
]


@pytest.mark.parametrize(("text", "expected"), ROUND45_SCENARIO)
def test_round45_a_scenario_named_as_a_scam(text, expected):
    verdict = check(text).verdict
    assert (verdict == "low_risk") == (expected == "low_risk"), verdict


# Round 51 (issue 8): whether a way a message names is told as the scammer's (claims.scammers_way): inside a quotation
# of someone else's words, after the scammer named, or after someone made to act by another in its sentence.
@pytest.mark.parametrize(
    ("text", "way", "scammers"),
    [
        ("对方让他加微信kf_0917领任务", "kf_0917", True),
        ("群主要求她把验证码发到qq 1928374650", "1928374650", True),
        ("按所谓客服的指引登录tk-shop8.cc填写卡号", "tk-shop8.cc", True),
        ("骗子发来一个链接yb-jiebang.top", "yb-jiebang.top", True),
        # a quotation of a message got: the words in it are the scam's
        ("她收到“请加微信kf_0917领取补贴”的短信", "kf_0917", True),
        # the message's own: nobody made to act, no scammer named, no quotation
        ("市民王某订单需退款登录tk-shop8.cc填写卡号领取", "tk-shop8.cc", False),
        ("贷款审核通过加微信lc_kefu88办理放款", "lc_kefu88", False),
        # an order later in its sentence that denies nothing gives the way to the reader after all; one that denies
        # orders nothing through it
        ("骗子的短信里留了一个0571-86112233，社保卡请回拨激活", "057186112233", False),
        ("骗子发来一个链接yb-jiebang.top，请大家不要点击", "yb-jiebang.top", True),
        # the scammer named in another sentence does not make this one's way his
        ("骗子让她加qq 1928374650。要退费的同学请加qq 1928374650", "1928374650", False),
        # round 60: a case report's victim by surname and title, and its pronoun after 要
        ("女子引导陈先生在app.ftx-gl.vip注册充值", "app.ftx-gl.vip", True),
        ("对方要其将存款转到安全账户6222020317005528631", "6222020317005528631", True),
        ("请陈先生在app.ftx-gl.vip注册充值", "app.ftx-gl.vip", False),
    ],
)
def test_round51_a_way_is_the_scammers_only_where_it_is_told_as_his(text, way, scammers):
    norm = normalize(text)
    with claims.quoting(norm):
        at = norm.text.rindex(way.lower())  # the last place it stands
        assert claims.scammers_way(norm.text, claims.masked_quotations(norm.text, False), at) is scammers


# Round 54: a gang the reader is accused of serving ("涉嫌为诈骗团伙引流") is the threat of a fake 12381 (real 12381 warnings accuse
# nobody, domain.md 1b), not a scammer whose words the sentence reports: the freeze it threatens stays a red flag. Its twins,
# a gang named as the one who tells the threat, keep the warning's reading. Before round 54 the True rows' flags were set aside.
ACCUSED_OF_SERVING_A_GANG = [
    ("【12381】您的抖音账号涉嫌为诈骗团伙引流，账号将被永久冻结并上报征信。", True),
    ("【12381】您的银行卡涉嫌与诈骗团伙资金往来，账户将被冻结。", True),
    ("【反诈中心】近期有诈骗团伙冒充客服，称您的账号将被冻结，请勿相信。", False),
    ("提醒：有诈骗团伙会说您的账户将被冻结，让您转账解冻，请勿相信。", False),
]


@pytest.mark.parametrize(("text", "flagged"), ACCUSED_OF_SERVING_A_GANG)
def test_round54_an_accusation_of_serving_a_gang_is_no_scammer_told_of(text, flagged):
    assert ("freeze_enforcement_threat" in {f.id for f in check(text).red_flags}) == flagged


# Round 54 (red team bare, the genuine side): a warning's heading at the message's start (风险提示, 防骗提醒 …) that lost its colon
# in a paste is still a heading where a space or a quotation follows it, as round 53 read a list's heading that points forward:
# an attacker gains nothing a typed colon did not give him, and a scam under it still asks through its own channel. Its twins:
# the heading over the reader's own account and a link, over a firm's offer and a chat id. Before round 54 the True row's
# flag stood.
HEADING_WITHOUT_ITS_COLON = [
    ("【银保监】风险提示 “停息挂账”“债务优化”等收费服务可能泄露个人信息 请通过银行官方渠道协商还款", True),
    ("风险提示 您的账户存在风险 请立即点击 abc-bank.cc 验证", False),
    ("【某某法务】风险提示 您的逾期已移交，专业团队可帮您停息挂账、债务优化，请加微信 tx-888 办理", False),
]


def _quiet_as_listed(text: str, quiet: bool) -> None:
    """The verdict is low_risk exactly where the table says quiet; the red flags say why when it is not."""
    result = check(text)
    assert (result.verdict == "low_risk") == quiet, [f.id for f in result.red_flags]


@pytest.mark.parametrize(("text", "quiet"), HEADING_WITHOUT_ITS_COLON)
def test_round54_a_warnings_heading_that_lost_its_colon(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (red team bare, the genuine side): 请 inside 申请, 邀请, 聘请 is no order to get in touch. A court's notice that lost
# its full stop after 申请 and the colon of its label 联系人 names its clerk's landline, as the punctuated notice does; an
# order to contact a handler through his number is read as before. Before round 55 the first row was suspicious.
REQUEST_INSIDE_A_WORD = [
    ("【12368】高翔您申请的（2026）浙0306财保118号诉前财产保全案件已立案请于3日内向本院立案庭提供担保材料逾期未提供的将裁定驳回申请联系人立案庭许超 0577-86893017温州市瓯北区人民法院", False),
    ("您的逾期案件即将立案，请联系法务专员0577-86893017协商处理", True),
    ("您的逾期案件即将立案，逾期将驳回申请联系法务专员0577-86893017协商处理", True),
]


@pytest.mark.parametrize(("text", "flagged"), REQUEST_INSIDE_A_WORD)
def test_round55_an_order_is_no_syllable_of_another_word(text, flagged):
    assert ("contact_through_private_channel" in {f.id for f in check(text).red_flags}) == flagged


# Round 55 (red team bare, the genuine side): channels parted by a space alone are a list as channels parted by 、 are, so
# each one after a channel disowned where it stands is disowned too; an attacker gains nothing a typed 、 did not give him.
# A channel the sender asks the reader to use after the disowned one is read as before. Before round 55 the first two rows
# were flagged.
SPACED_LIST_OF_DISOWNED = [
    ("【澄岚市公安局】提醒以下网址为仿冒银行钓鱼网站请勿点击icbc-mima.cc ccb-jfdh.top boc-jiechu.cc cmb-china.icu abc-nianfei.xyz", True),
    ("近期出现冒充10086的网址 10086-jf.icu l0086-jfsc.top 请勿点击", True),
    ("【某银行】您的账户存在风险，仿冒我行的网址 abc-bank.cc 请访问 abc-bank.top 完成认证", False),
    ("【某银行】仿冒我行的网址 abc-bank.cc 请勿点击，请登录 abc-bank.top 完成认证", False),
]


@pytest.mark.parametrize(("text", "quiet"), SPACED_LIST_OF_DISOWNED)
def test_round55_a_list_parted_by_spaces_alone(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (blind acquaintance register 18 and its honest twins, genuine_register_23, dev half): what people who know each other
# say about money, read as it is said. Quiet (True): money the writer moved to the reader, a call made again (再打一下 … 座机), a
# rule for all money (一律走账), parents spared a trip (别让爸妈跑过来), a payment platform named (缴费平台), a new account denied
# (我没加你新微信), who joined a group (新进群的), "I myself" (我个人从来不收钱), and a boss who retells the fake message sent in
# his name, with what to do if it was paid put as a condition (要是已经转了). Flagged (False): the same people asking for money or
# a contact the way the documented scams do (fraud_taxonomy.md A.1 rows 29-32), among them the fake boss's 走一下账 and
# 转给合作方三万, and an official who gives his QQ and asks to be added. The 杨主任 and 常老师 rows are the dev half's own. Before
# round 55 every quiet row but 我转给朋友三万 was flagged, and the 走一下账 and the QQ rows were quiet.
ROUND55_ACQUAINTANCE_TWINS = [
    ("生活费我给你打到卡上了，两千，你看一下到没到。我是你妈，你爸周末跟你视频。", True),
    ("我是你表哥，换号了，你先打到这张卡上，两千，6222021234567890123", False),
    ("我是方总。退款前再打一下客户采购部的座机，跟他们经理确认一遍金额。", True),
    ("我是你王总，钱还没到，你再打一万过来", False),
    ("喂 李红是吧 我杨主任 嗯 对 下礼拜三局里来检查 你把去年那几笔专项经费的支出凭证整理一下 原件别动 复印一份 就是说 每一笔都要对上审批单 没有审批单的你单独列出来 尤其是十月份那笔培训费 两万六 当时是我签的字 你把签字页找出来 咱们礼拜一上午开个小会再过一遍 啊 钱的事一律走账 不要有现金往来 听明白了吧 有不懂的就来问 别自己瞎猜", True),
    ("我是你刘总，在开会，帮我走一下账，转给合作方三万", False),
    ("我转给朋友三万，他说收到了", True),
    ("姐 嗯 手术做完了 挺顺利 钱的事你别管 单位能报 我自己先垫着 一共也就七千来块 你别让爸妈跑过来 晚上八点咱们视频", True),
    ("我是你表哥 这事千万别让你爸妈知道 先转五千到这张卡6222021234567890123", False),
    ("家长：我刚才在缴费平台交了资料费，显示处理中。许老师：别着急，平台一般半小时内更新。", True),
    ("我是许老师，资料费请交到我个人微信，下午截止。", False),
    ("罗总：我没加你新微信，我就一个微信，就是你一直聊的这个。", True),
    ("我是罗总，这是我新微信，加一下。", False),
    ("有人冒充班主任发收款码，说要收研学费一千二。何老师在群里发语音澄清了，还把新进群的几个陌生号都清了出去。", True),
    ("喂 各位家长 我是小一班的常老师 用语音说一下 刚才群里那个发接龙收活动费的 不是我 那个号是今天新进群的 名字改成了跟我一样 嗯 就是说 幼儿园所有费用都在园里的缴费小程序上交 我个人从来不收钱 哪位家长已经扫了码的 赶紧截图 然后打96110问问怎么处理 嗯 群我已经设置成只有管理员能拉人了 给大家添麻烦了 谢谢大家", True),
    ("我是常老师 班费一百五 转我个人微信就行", False),
    ("喂 小邱 我是徐总 你刚才是不是收到一个微信 头像是我 让你转八万到一个什么账户 那是假的 你千万别转 要是已经转了马上打110", True),
    ("我是你王叔，你先转两千到我这边的账户，回头还你", False),
    ("我是教育局的梁副局长，上周督导去过你们学校，听你们校长说你教学很扎实，我这边有个市级优质课评选的名额，想私下聊一下推荐材料的事。我现在用的QQ是58473206，你加一下。", False),
]


@pytest.mark.parametrize(("text", "quiet"), ROUND55_ACQUAINTANCE_TWINS)
def test_round55_people_who_know_each_other_about_money(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (dev half): a call taken (接了个电话说…) opens a story as a call received (接到) does, and the money itself not sent,
# said last (钱没转), refuses as 我没转 does. A story still pending (钱还没转，怎么办) keeps its request. Before round 55 both rows
# were high_risk.
CALL_TAKEN_MONEY_NOT_SENT = [
    ("老婆，我刚接了个电话说咱儿子在学校打架要赔钱，让转到一个叫刘某的卡上，尾号0376，我打给班主任，老师说孩子在上课呢，骗子，钱没转", True),
    ("老婆，我刚接了个电话说咱儿子在学校打架要赔钱，让转到一个叫刘某的卡上，尾号0376，钱还没转，怎么办", False),
]


@pytest.mark.parametrize(("text", "quiet"), CALL_TAKEN_MONEY_NOT_SENT)
def test_round55_a_call_taken_and_the_money_not_sent(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (blind acquaintance twins, dev half): the person impersonated disowns the message himself ("那不是我！"): a warning's cue
# and the end of the story, as a refusal is; and a change of number reported of the one spoken to ("说您换号了") is no number the
# writer announces. An impostor who disowns "the other one" and gives his own card or chat id keeps every red flag. Before round
# 55 the two quiet rows were flagged.
IMPERSONATED_DISOWNS_IT = [
    ("租客：房东大哥，我今天收到一条短信，说您换号了，让我把房租打到您爱人的卡上。 房东：那不是我！我号码没换，就是你现在打的这个。", True),
    ("妈：闺女，刚才有人加我微信，头像是你，说手机坏了借同事的号，让我给她转两千交房租。 我：妈，那不是我！我手机好好的在手上。", True),
    ("房东：之前那个号不是我的，这才是我新号，房租转到这张卡6222021234567890123。", False),
    ("那不是我！我是你表哥，换号了，钱转我这个微信 wx_bg2026 就行。", False),
]


@pytest.mark.parametrize(("text", "quiet"), IMPERSONATED_DISOWNS_IT)
def test_round55_the_person_impersonated_disowns_it(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (dev half): where the message claims an institution whose genuine SMS carry no link at all (institutions.toml
# `linkless`: 交管, fraud_taxonomy.md A.1 row 18, Part F 8), a link pointed at to look is none of its own, shown or lost; not a
# bare "点击查看" (the 12123 app's own push), the app named, or a look at a link from anyone else. Before round 55 every row was
# low_risk.
LINKLESS_INSTITUTION_LOOK = [
    ("【12123】您名下车辆违章未处理，点击下方进入查询 逾期车辆年检受限", False),
    ("【交管12123】您有一条违章记录，请点击链接查看抓拍图像", False),
    ("【12123】您名下车辆有违章未处理，请点击下方链接查询，逾期将影响年检", False),
    ("【交管12123】您有一条违法记录，点击查看", True),
    ("【交管】您有一条交通违法记录未处理，请登录交管12123App查询处理。", True),
    ("【12123】您名下车辆违章未处理，请登录交管12123App，点击下方查询", True),
    ("【中国移动】您本月账单已出，点击下方链接查看", True),
]


@pytest.mark.parametrize(("text", "quiet"), LINKLESS_INSTITUTION_LOOK)
def test_round55_a_look_at_a_link_in_the_name_of_an_institution_that_sends_none(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (dev half): rent into the account the contract names is the usual way, as "原来那张卡" is; a landlord who moves it off
# the contract's account, to a relative's card, keeps every red flag. Before round 55 the first row was high_risk.
THE_CONTRACTS_ACCOUNT = [
    ("租客：房东你好，我是刚签合同的小陈，房租是每月5号前转吗？转到合同上写的那个账户对吧？ 房东：对，就合同第三页那个账号，别的账号都不是我的", True),
    ("我是房东，换号了，房租别转合同上那个账户了，转到我爱人的卡6222021234567890123", False),
]


@pytest.mark.parametrize(("text", "quiet"), THE_CONTRACTS_ACCOUNT)
def test_round55_the_contracts_account_is_the_usual_way(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 55 (dev half): a card the reader is told not to pay, named by a few words and its noun between the prohibition and the
# number ("不要再往对方提供的卡号6228…转钱"), is disowned where it stands, as "不要往6228…转钱" is; a prohibition in a clause of its
# own before a card offered still leaves that card the message's. Before round 55 the first two rows were suspicious.
PROHIBITED_TOWARDS_A_NAMED_CARD = [
    ("请您马上停止充值，不要再往对方提供的卡号6228270116503872164转钱。", True),
    ("请不要往卡号6228270116503872164转钱。", True),
    ("不要往其他卡号转，往卡号6228270116503872164转钱。", False),
]


@pytest.mark.parametrize(("text", "quiet"), PROHIBITED_TOWARDS_A_NAMED_CARD)
def test_round55_a_card_the_reader_is_told_not_to_pay(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 56 (dev half): a case report told in the third person from its opening, its victim's loss told ("最终无法提现",
# "被骗"), warns as a word of warning does: what the scammer asked of that victim is narrated. Not where someone is spoken
# to or the writer speaks before the loss (red team narrated_loss puts "【案例】一名用户" before a scam's own words), nor
# an order to the reader after the case. Before round 56 the first row was high_risk.
CASE_REPORTED_WITH_ITS_LOSS = [
    ("【某市公安局】通报：市民张某在投资群看到“内部消息”，按群主指引下载“某某财富”App并充值，后来追加投入共20万元，最终无法提现。", True),
    ("【案例】一名用户我这边可以帮你把积分兑成现金，把收到的六位验证码报给我，一名老人转了8000元后才发现被骗。", False),
    ("【案例】市民张某在投资群看到“内部消息”，按群主指引下载“某某财富”App并充值，后来追加投入共20万元，最终无法提现。请下载“某某财富”App挽回损失。", False),
]



# Round 56 (dev half): a case may open with its victim as one of a place's people ("某县一名个体户…"), and the channel that
# made that victim act (其) is the scam's ("客服微信 kf_0281 让其先交…"); a victim told something (被告知“银行卡号…”) is asked
# for nothing. A message that asks its reader for his card number stays high_risk.
CASE_OPENED_BY_ITS_VICTIM = [
    ("某县一名个体户在App申请贷款，提现时被告知“银行卡号填写错误，资金冻结”，客服微信 kf_0281 让其先交解冻金1万元，他报警时已损失2万元。如遇此类情况请拨打110。", True),
    ("您好，为核实身份，请告知银行卡号和短信验证码，客服微信 kf_0281。", False),
    ("我是一名客服，客服微信 kf_0281 让您先交解冻金1万元，否则资金冻结。", False),
]



# Round 56 (dev half): words in quotation marks that someone the sentence tells of was told (被告知“…”, 被要求“…”) are
# another's, said to him, not the message's to its reader; "您被告知" speaks to the reader.
TOLD_TO_SOMEONE_ELSE = [
    ("【某市公安局】案例：中学生小王在游戏里看到有人低价卖账号，对方发来交易网站 jy-youxi.top，小王付款后被告知“账户冻结需交解冻费”，前后转了5次共6000元。买卖游戏装备请走官方平台，发现孩子被骗请拨110。", True),
    ("您被告知“账户冻结需交解冻费”，请在今天内交解冻费2000元到账户6222021234567890123。", False),
]



# Round 56 (dev half): "请保持手机畅通" asks the reader to wait for a call, not to use a number the message gives: a court's
# notice that prints its judge's landline beside it stays quiet. A court that asks to be called on a mobile is still asked
# about; one that asks for money is still high_risk.
KEEP_THE_PHONE_ON = [
    ("【某市某区人民法院】您作为原告的（2026）某0101民初1234号案件已分配至民事审判第二庭，承办法官王某，法官助理李某，电话0571-87654321。请保持手机畅通。12368", True),
    ("【某市某区人民法院】您的案件已立案，请保持手机畅通，并于今日内联系法官助理李某 13812345678 缴纳诉讼保全费。", False),
]



# Round 56 (dev half): a bank's notice about the reader's own loan that sends him to its counter or its app to pay, with
# the customer manager's landline printed beside it, stays quiet; a line the reader is asked to call to cancel a charge
# is still asked about, official app or not.
STAFF_LINE_BESIDE_AN_OFFICIAL_WAY = [
    ("【中国银行】王先生，您在我行的个人贷款已逾期10天，逾期本息合计12,000.00元。请于12月20日前到我行支行柜台或通过中国银行手机银行还款，客户经理李某 0574-87654321。", True),
    ("【中国银行】您的信用卡年费1200元将于今晚扣除，如需取消请致电客户经理李某 0574-87654321。", False),
    ("【中国银行】您的信用卡年费1200元将于今晚扣除，可通过中国银行手机银行查看，如需取消请致电客户经理李某 0574-87654321。", False),
]



# Round 56 (dev half): a company the message opens by addressing ("恒达物流有限公司：贵单位…") is its reader, not a claim of
# who writes.
def test_round56_the_company_addressed_is_no_claim():
    from checker.stages.claims import _addressee

    def in_addressee(text: str, start: int, end: int) -> bool:
        first, last = _addressee(text)
        return first <= start and end <= last

    text = "【两江区人社服务站】恒达物流有限公司：贵单位12月社保费申报期为12月1日至15日。"
    assert in_addressee(text, text.index("物流"), text.index("物流") + 2)
    assert not in_addressee(text, text.index("人社"), text.index("人社") + 2)
    assert not in_addressee("【顺丰物流】您的快递已到驿站。", 1, 5)


# Round 56 (dev half): a collection firm that writes on a lender's commission, prints its own landline as a label and
# sends the reader to the lender's official app to pay and to check the commission stays quiet; one that asks to be
# called on its landline to settle is still asked about.
COMMISSIONED_BESIDE_THE_LENDERS_APP = [
    ("您好，我是某某企业管理咨询有限公司的催收专员小李，座机021-61234567。我们受招联消费金融有限公司委托，就您在招联的一笔借款跟您联系。您的借款已逾期68天，待还本息9355.12元。我们不代收任何钱，您还款只能在招联金融App里完成，钱直接还给招联。您如果对委托关系有疑问，可以在招联金融App里联系在线客服。希望您能尽快和我们确定一个还款计划，如果您认为我们的催收方式有问题，也可以向12378反映。", True),
    ("您好，我是某某企业管理咨询有限公司的催收专员小李。我们受招联消费金融有限公司委托，您的借款已逾期，请今天致电021-61234567协商还款，否则将上门催收。", False),
]



# Round 56 (dev half): a call named as the one that said it ("有个电话说是京东客服，说…") passes on what the writer got, as
# "有人打电话说" does: a story with the call hung up is told as a warning. Still pending ("…我该怎么办"), it keeps its
# requests.
A_CALL_THAT_SAID = [
    ("爸，刚才有个电话说是抖音客服，说我开过学生月付要注销，不然影响征信，让我下载个会议软件共享屏幕，我直接挂了。跟你说一声，你接到这种也别信。", True),
    ("爸，刚才有个电话说是抖音客服，说我开过学生月付要注销，不然影响征信，让我下载个会议软件共享屏幕，我该怎么办？", False),
]


@pytest.mark.parametrize(
    ("text", "quiet"),
    CASE_REPORTED_WITH_ITS_LOSS
    + CASE_OPENED_BY_ITS_VICTIM
    + TOLD_TO_SOMEONE_ELSE
    + KEEP_THE_PHONE_ON
    + STAFF_LINE_BESIDE_AN_OFFICIAL_WAY
    + COMMISSIONED_BESIDE_THE_LENDERS_APP
    + A_CALL_THAT_SAID,
)
def test_round56_readings(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 57 (dev half): someone who called the writer's phone ("有人打我电话说…") is retold as one who phoned ("有人打电话说…"):
# a story with the call hung up warns; one still asking what to do keeps its request.
CALLED_MY_PHONE = [
    ("姐 下午有人打我电话说我社保卡要冻结 叫我把验证码报给他 我没报 直接挂了 你也注意点", True),
    ("姐，下午有人打我电话说我社保卡要冻结，叫我把验证码报给他，我要不要报？", False),
]


# Round 57 (dev half): a case report whose victim handed over a code and an ID number and then had them used ("结果被人冒用
# 身份…") tells a loss as "被骗…元" does: the number the scammer had the victim send them to is narrated. Without the
# loss put after a request to the reader, the number stays the message's own.
IDENTITY_USED_AS_A_LOSS = [
    ("【某某通信】提醒：近期有用户接到“号码未实名将停机”的电话，对方让其把身份证号和验证码发到 17012345678，结果被人冒用身份办了贷款。请到营业厅或官方App核实。", True),
    ("【某某通信】提醒：您的号码未实名将停机，请把身份证号和验证码发到 17012345678，结果被人冒用身份概不负责。", False),
]


# Round 57 (dev half): an account said to be someone else's, then promised ("账号是他儿子的，我发你"), is handed over later
# and in private as "账号我发你" is: money asked into it. One sent already ("我发你了") is there to be checked.
WHOSE_ACCOUNT_THEN_PROMISED = [
    ("爸，我骑车撞了人，对方要赔两千，你先转给他吧，账号是他儿子的，我发你。", False),
    ("爸，上次说的那个账号是他儿子的，我发你了，你看下对不对。", True),
]


@pytest.mark.parametrize(("text", "quiet"), CALLED_MY_PHONE + IDENTITY_USED_AS_A_LOSS + WHOSE_ACCOUNT_THEN_PROMISED)
def test_round57_readings(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 57: a code asked to be sent or replied to a number written right after the verb ("请把验证码发到139…",
# "将收到的验证码回复至139…") is a credential asked through that number: high_risk, as "发到这个号" was.
CODE_SENT_TO_A_NUMBER = [
    ("您的医保卡即将停用，请把收到的验证码发到13912345678核实。", "credentials_requested"),
    ("您的医保卡即将停用，请将收到的验证码回复至 13912345678 完成核实。", "credentials_requested"),
]


# Round 57 (a grid of claims × requests × channels, written for probing): a card number asked to be paid into with the verb
# after it ("请往6222…转账"), or an account of a named payee to pay a due into ("请向户名王某的账户6222…缴纳"), is money asked
# through that card, as "请将欠款转至账户6222…" was. Before round 57 all three were suspicious at most.
PAID_INTO_A_CARD_NAMED_FIRST = [
    ("【借呗】您的借款已逾期，请往6222021234567890128转账。", "pay_through_unofficial_channel"),
    ("【某某区人民法院】您有一起诉讼案件，请往6222021234567890128转账。", "pay_through_unofficial_channel"),
    ("【借呗】您的借款已逾期，请向户名王某的账户6222021234567890128缴纳。", "pay_through_unofficial_channel"),
    ("我是房东，我换了新卡，你往6222021234567890128打3000元。", "pay_through_unofficial_channel"),
]


def test_round57_a_card_paid_into_already_is_no_request():
    for text in ("我已经往6222021234567890128转账了，你查一下。", "你往6222021234567890128打的那笔钱到了吗？"):
        assert "pay_through_unofficial_channel" not in [f.id for f in check(text).red_flags], text


# Round 57 (the same grid): an institution that asks for money into a payment app's account named by a number ("转到支付宝
# 139…") asks it through an account nobody confirms; a password asked by what it opens ("请提供银行卡密码") is a credential.
# Between people, a friend's own payment account stays the person's request, not an institution's.
ASKED_THROUGH_AN_APP_ACCOUNT_OR_FOR_A_PASSWORD = [
    ("【建设银行】您的账户存在风险，请将5000元转到支付宝13912345678。", "pay_through_unofficial_channel"),
    ("【社保中心】您的社保卡需升级，请将300元转到支付宝账号：13912345678。", "pay_through_unofficial_channel"),
    ("【建设银行】您的账户存在风险，请提供银行卡密码核实。", "credentials_requested"),
    ("我是你们王总，需要你告知一下取款密码。", "credentials_requested"),
]


def test_round57_a_password_warned_about_is_no_request():
    for text in (
        "【某某银行】温馨提示：请勿向任何人告知银行卡密码和短信验证码，谨防诈骗。",
        "【12381】您好，如有人要求您提供银行卡密码、验证码，均为诈骗，请拨打96110咨询。",
    ):
        assert check(text).verdict == "low_risk", text


# Round 58 (the grid's blind halves, dev half, checker.lab.grid): a secret handed over whatever words stand between the verb
# and it, or by its other names (动态口令, 动态密码); a password typed where the message says; a card's photo sent; a code
# filled into a page; a code asked as a question; a face scanned on a page nobody confirms. All were below high_risk before.
SECRETS_ASKED_ANOTHER_WAY = [
    ("【某某银行】您的账户存在风险，可以发一下你的支付宝登录密码吗。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请告知动态密码以便完成注销。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请务必在十分钟内把动态口令回复给客服。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请告知您6222021234567890128这张卡的预留手机号和验证码。", "credentials_requested"),
    ("您的卡片已被锁定，请在 abc-xyz.top/k 页面输入网银登录密码解锁。", "credentials_requested"),
    ("您的借款已逾期，需要您把信用卡正反面拍照发过来核实。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请把短信里的动态验证码填到 abc-xyz.top/k 页面里。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，您收到的验证码是多少？", "credentials_requested"),
    ("【社保局】您的社保卡已暂停使用，需要您登录 abc-xyz.top/k 进行人脸识别。", "credentials_requested"),
]


# Round 58 (the same): money moved another way: cash taken out and handed to whoever the writer sends (also where a
# borrowing word stands before it: "您有一笔借款已逾期"), a sum sent at an order to the card the sentence gives, a WeChat
# transfer or a red packet to an id with no label, money moved inside a meeting app; and the screen by other names.
MONEY_AND_SCREEN_ASKED_ANOTHER_WAY = [
    ("您好，这边是某某贷后服务中心，您有一笔借款已逾期15天，劳烦您把取出的现金交给我们上门的工作人员。", "pay_through_unofficial_channel"),
    ("【某某区人民法院】您有一起诉讼案件，收款人张某 账号6222021234567890128 请速汇3000元。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户异常，微信转账2000元给kf_ab2026备注订单号。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户异常，给kf_ab2026发个2000元的红包作为保证金。", "pay_through_unofficial_channel"),
    ("【某某平台】您的账户已冻结，需要您在云会议App里充值3000元解冻。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请开启屏幕分享配合操作。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，请安装云会议App并把设备码告诉客服。", "screen_share_requested"),
]


# Round 58: what those readings leave alone: the writer sending the reader's own photo to the reader, a code asked of
# someone else and told, a meeting app warned about, the reader's own app or the account his contract names, a red packet
# among friends with no sum.
ROUND58_GUARDS = [
    "明天我把你的身份证照片发到你邮箱，你自己打印。",
    "客服问我验证码是多少，我没说。",
    "【某某县反诈中心】“飞鸽会议”App被用于共享屏幕诈骗，请勿下载。",
    "尊敬的租户：本月房租请在“安居寓”App内完成支付，或转账至租赁合同第八条载明的公司对公账户。",
    "【支付宝】您有23300积分即将过期 可在支付宝App-我的-支付宝会员中兑换权益",
    "过年啦，记得给我发个红包哦。",
    # The red team's bare edit of two dev-half notices (their punctuation gone): a question between the verb and the code
    # ends its reach; a story that says the request was never made is over.
    "对方您好我是某某银行信用卡中心的您的卡刚才有一笔消费我要提供什么吗验证码要不要对方不需要我们不会问您要任何验证码或者密码",
    "记录一下今天打95188问的情况客服让我在支付宝账单详情里看退款那一栏全程没让我报验证码也没让我装任何东西",
    # A password reported typed wrong or warned about, and cash warned about, ask nothing.
    "您的密码输入错误次数过多，请明天再试。",
    "【某某银行】温馨提示：请勿在任何页面输入密码，谨防诈骗。",
    "请勿将现金交给上门的陌生人员。",
]


# Rounds 58 and 59: the writer's own story of what a caller asked of him, pasted as it happened, judges nothing (no refusal,
# no check made, no word of fraud): the request is live, as "要不要转？" would make it. Round 58 tried a word list in the
# live-story rule's gate and took it back (it missed refusals and checks the claims stage reads, and a gate over the whole
# message is unbounded); round 59 reads it in the claims stage (Reading.unjudged_story: retelling.refused, denial.cue and
# retelling.judged); a doubt said ("感觉不对劲") ends nothing. Told with its end ("我没理他", "直接挂了"), a check ("打110问了")
# or of someone else, it stays a story.
UNJUDGED_STORY = [
    ("我刚接到个电话说是公安局的，说我涉嫌洗钱，让我把钱转到一个叫刘某的卡上配合调查。", False),
    ("刚才有个自称京东客服的打电话，说我的白条要注销，让我下载一个会议软件开共享屏幕。", False),
    ("今天有人打电话说是社保局的，说我的医保卡被冒用了，要我报验证码给他们冻结。", False),
    ("我妈早上接到电话，说她孙子在学校打伤了人，让她先转两万块到老师的卡上。", False),
    ("我刚接到个电话说是公安局的，说我涉嫌洗钱，让我把钱转到一个叫刘某的卡上配合调查，我没理他。", True),
    ("刚才有个自称京东客服的打电话，说我的白条要注销，让我下载一个会议软件开共享屏幕，我直接挂了。", True),
    ("我刚接到个电话说是公安局的，让我把钱转到一个叫刘某的卡上，我打110问了，说根本没有这回事。", True),
    ("我刚接到个电话说是公安局的，让我把钱转到一个叫刘某的卡上配合调查，感觉不对劲，心里没底。", False),
    ("某镇居民接到自称客服的电话，要求他把验证码发给对方，民警提醒不要相信。", True),
    ("快递员打电话让我下楼取件，我现在下去了。", True),
]


@pytest.mark.parametrize(("text", "quiet"), UNJUDGED_STORY)
def test_round58_an_unjudged_story_of_ones_own_is_live(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 58 (the grid's second blind batch, dev half: calls, chats, procedures and soft asks): a password asked as a question
# or named first and then typed, the photo with the card held, cash carried or handed over when someone calls, a red packet
# with its purpose between, money moved to a link, a sum moved after a card, an id searched for to be added, "开远程".
ASKED_IN_OTHER_REGISTERS = [
    ("【某某银行】您的账户存在风险，那个，您的网银登录密码是多少，嗯，您说一下。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，对对，就是您那个取款密码，嗯，您输一下，我们系统核对一下。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，嗯您别挂电话啊，就是手持身份证拍一张，发kf_ab2026这个微信。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，建议您把取款密码在 abc-xyz.top/k 页面重新输入一遍。", "credentials_requested"),
    ("【某某区人民法院】您涉及一起案件，须持现金5000元于指定地点交由工作人员封存。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户异常，只需在微信上给kf_ab2026发个2000元的验证红包即可完成认证。", "pay_through_unofficial_channel"),
    ("【某某平台】您的任务待完成，你这单要垫付3000元 充到 abc-xyz.top/k 上 完成后本金加佣金一起返。", "pay_through_unofficial_channel"),
    ("兄弟是我，阿强，我这边出了点急事，帮个忙 给6222021234567890128打3000元 我回头转你。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，装这个 abc-xyz.top/k 给我开远程 我帮你弄。", "screen_share_requested"),
]


# Round 59 (the grid's third blind batch, dev half): the screen shown by its other names (投屏, 屏幕镜像, 录屏), turned over to the
# caller ("画面共享给我", "把画面给我看看", "看一下您的屏幕"), or kept on while someone works it from afar.
SCREEN_SHOWN_ANOTHER_WAY = [
    ("【某某银行】您的账户存在风险，麻烦您打开手机投屏，我们核对一下账户信息。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，下一步请开启屏幕镜像。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，您先开着录屏，我们一步步指导您。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，您进一下视频会议，把画面共享给我们。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，您别挂，我这边要看一下您的手机屏幕。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，请保持屏幕常亮，由后台工作人员代为操作。", "screen_share_requested"),
]

# Round 59: contact through a private channel asked another way: the caller's own mobile after "打我手机", a reply sent to a
# mobile, a message sent to an id, a QQ number added with a note, a designated handler.
CONTACT_ASKED_ANOTHER_WAY = [
    "【某某银行】您的账户存在风险，有问题直接打我手机13912345678。",
    "【某某银行】您的账户存在风险，您有空回个短信，回到13912345678就行。",
    "【某某银行】您的账户存在风险，请给kf_ab2026发个消息说明情况。",
    "【某某银行】您的账户存在风险，加3129460587 备注退款。",
    "【某某银行】您的账户存在风险，请联系指定受理人员13912345678办理。",
]


@pytest.mark.parametrize("text", CONTACT_ASKED_ANOTHER_WAY)
def test_round59_contact_asked_another_way_is_an_alarm(text):
    _quiet_as_listed(text, False)


# A device's feature named, a recording of one's own, a reminder to turn sharing off: nothing shown to anyone.
ROUND59_GUARDS = [
    "【某某电视】新款智能电视支持手机投屏，全场8折。",
    "这个视频我录屏了，晚上发你看。",
    "会议结束后请记得关闭屏幕共享。",
]


# Round 61 (the grid's fourth blind batch, dev half): a secret named first and then spoken out or handed over ("说一下",
# "报一遍", "复制给我", "扔给我", "讲给我听"), pointed back at ("请将其告知"), a code received for the writer ("帮我接个码"), the face
# filmed and sent, a secret typed into a page either way round, a liveness move on a page.
SECRETS_HANDED_EITHER_WAY = [
    ("【某某银行】您的账户存在风险，你那个取款密码我们这边要核对，你说一下。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，嗯你把身份证号从头报一遍。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，把刚收到的动态码复制给我一下。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，短信里那串数字扔给我就行。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，卡背面那三个数你看一眼告诉我。", "credentials_requested"),
    ("【某某区人民法院】您有一起案件待核查，需提取您的征信授权码，请将其告知办案人员。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请把U盾口令发至3129460587。", "credentials_requested"),
    ("兄弟是我，阿强，帮我接个码，收到后发给kf_ab2026。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，把你刷脸的视频录一段发给我。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请在 abc-xyz.top/k 补录预留手机号和验证码。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，abc-xyz.top/k 里有张登记表，银行卡号和有效期都要写。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请打开 abc-xyz.top/k 按提示完成眨眼摇头动作。", "credentials_requested"),
]

# Round 61: money asked through a channel another way round: the card first and the transfer after, a debt settled through a card,
# an app's account bound to a number, an app then the sum or the number, a red packet to an id, an id named before its network,
# a code shown in a chat or a link, a page's payment, a top-up that unlocks or pays back, cash for someone sent to the door,
# an account got from a contact, 挪 as a verb of moving money.
MONEY_THROUGH_A_CHANNEL_ANOTHER_WAY = [
    ("【某某银行】您的账户存在风险，回款账户6222021234567890128，今晚之前打款。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请通过6222021234567890128一次性结清欠款。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请把手续费付至13912345678绑定的支付宝。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，支付宝转我 13912345678 这个号，马上。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请向kf_ab2026发红包2000元完成认证。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，3129460587这个扣扣是我小号，红包发这个上面。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，麻烦扫一下我们发到kf_ab2026上的二维码付款。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，您就在 abc-xyz.top/k 这个页面上把钱付了。", "pay_through_unofficial_channel"),
    ("【某某平台】您的任务待完成，登录 abc-xyz.top/k 充3000元，充完佣金一块返给您。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，我们派个工作人员上门，你把5000元现金交给他。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，先联系3129460587拿收款账户，再按要求转过去。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，你把卡里的钱都挪到6222021234567890128去。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请先给13912345678充500元话费作为验证。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，您直接用支付宝往13912345678这个号码转5000元过去。", "pay_through_unofficial_channel"),
]

# Round 61: the screen turned over another way: 投屏 opened with words between or named first, control allowed, the reader watched.
SCREEN_TURNED_OVER_ANOTHER_WAY = [
    ("【某某银行】您的账户存在风险，先打开设置里的投屏，再打开手机银行。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，您在云会议App里点一下允许控制，我帮您弄。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，把投屏功能打开，让我们看着您操作。", "screen_share_requested"),
]

# Round 61: contact through a private channel asked another way (at least suspicious): a QQ's bare number after 添加 / 加, the app
# named before the add, the id before it, a private message, the number before the call ("给139…来个电话", "139…有事直接打"), a
# landline through which to reach the sender or its extension; and a bank or a platform whose numbers this checker cannot confirm
# that asks a call about the reader's money through a landline.
CONTACT_ASKED_ANOTHER_WAY_61 = [
    "【某某银行】您的账户存在风险，请添加3129460587与专员沟通。",
    "【某某银行】您的账户存在风险，你用QQ加我一下3129460587。",
    "【某某银行】您的账户存在风险，3129460587，加的时候备注姓名。",
    "【某某银行】您的账户存在风险，有不懂的直接私我kf_ab2026。",
    "【某某银行】您的账户存在风险，回头给13912345678来个电话。",
    "【某某银行】您的账户存在风险，13912345678这个号码全天有人接，有事直接打。",
    "【某某银行】您的账户存在风险，请务必通过021-61234567主动联系本中心。",
    "【某某银行】您的账户存在风险，021-61234567转8号分机找张科长。",
    "民生银行信用卡中心提醒您，您的卡片已被临时锁定，请于今日内致电021-61234567处理。",
    "【抖音】您的百万保障免费期已满，下月起每月扣费500元，如需关闭请联系客服023-56157831。",
]


@pytest.mark.parametrize("text", CONTACT_ASKED_ANOTHER_WAY_61)
def test_round61_contact_asked_another_way_is_an_alarm(text):
    _quiet_as_listed(text, False)


# Round 61 (the grid's fifth blind batch, dev half): the same asks in other registers: homophones and typos, traditional characters,
# Chinese mixed with English, gentle speech to an elderly reader, numbered steps, a reason first.
ASKED_IN_MORE_REGISTERS = [
    ("【某某银行】您的账户存在风险，请把网银登陆秘码和U顿口令一起发给我。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，阿姨您别着急，手机上刚来的那几个数字，您慢慢念给我听。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请把支付password和SMS code一起screenshot给我。", "credentials_requested"),
    ("【某某銀行】您的帳戶存在風險，請於abc-xyz.top/k重新設定網銀交易密碼。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，叔叔您别慌，把身份证拿出来拍个照，发到kf_ab2026就行。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，请于两小时内将5000元专账至6222021234567890128。", "pay_through_unofficial_channel"),
    ("【某某区人民法院】您有一起案件，根据民法典相关规定，请在今晚前通过kf_ab2026支付违约金。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，先帮我top up 5000元到13912345678这个支付宝账号。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，第一步：把5000元转到13912345678的支付宝；第二步：回复已付。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请join云会议App的meeting，开一下screen sharing。", "screen_share_requested"),
    ("【某某银行】您的账户存在风险，请在云会议App中共享手机屏幕。", "screen_share_requested"),
]

# Round 61: the genuine notices the new readings leave alone: a password to change or set in the app the message names, and a
# bank's code sent to set one.
SETTING_ONES_OWN_PASSWORD = [
    "【美团】您的账号于12月2日20:41在一台新设备登录，如非本人操作，请立即在美团App“设置-账号与安全”修改密码。",
    "【唯品会】建议您在App“设置-账户安全”中设置支付密码，保护账户资金安全。",
    "【招商银行】验证码：731655，您正在为尾号3372信用卡设置查询密码，请勿告诉他人，招行工作人员不会向您索要。",
]

# Round 61 (dev half): a bill split with the reader by one of its payers, the account the reader paid before, a change of number
# denied.
PEOPLE_PAYING_AS_THEY_DO = [
    ("喂，小吴，这个月电费出来了，咱们三个平摊，一人一百四十二，我已经在网上国网上交过了，你跟阿辉直接转我就行。", True),
    ("供电所通知：您家电费欠费468元，咱们三个平摊，我已经交过了，直接转我微信就行。", False),  # signs as the utility
    ("【国家电网】您家电费欠费468元，咱们三个平摊，直接转我微信就行。", False),
    ("哥，我是小军，这个月的钱转到我那张工行卡上就行，就是你以前给我转过的那张。", True),  # the account he was paid on before
    ("小王，我是房东，我没换号，也没换卡，房租还是按老规矩转到我那张农行卡就行。", True),  # a change denied is none
    ("小王，我是房东，我换了号，房租还是按老规矩转到我那张农行卡就行。", False),
]


@pytest.mark.parametrize(("text", "quiet"), PEOPLE_PAYING_AS_THEY_DO)
def test_round61_a_bill_split_by_one_of_its_payers(text, quiet):
    _quiet_as_listed(text, quiet)


# Round 61: what the new readings leave alone: a secret the message says nobody asks for, a router's password, a secret typed
# in a story, a law firm's own landline beside its client bank's line, a bank named further on in an advert, something someone
# was told.
ROUND61_GUARDS = [
    "华夏银行客服回电：您上午提交的还款日调整申请已登记。通话中我们不会向您索要卡号、密码和验证码，如果有人这样问您，请不要告诉他。",
    "爸，家里路由器密码改了，新密码写在冰箱贴上了，你跟妈说一声。",
    "社区提醒：郑阿姨收到假驿站短信，按页面填写了银行卡号和验证码，被扣走1880元。包裹问题请在官方App查询。",
    "【上海瑞衡律师事务所】王先生：本所受招商银行信用卡中心委托，就您尾号3318信用卡欠款事宜致函。请通过招商银行App或95555还款，如有异议请致电本所承办律师刘倩（021-68857320）。",
    "青岛鑫达二手房 门店成交 房款走银行资金监管账户 三方签约 定金不打给经纪人个人 欢迎到店咨询 025-72631855",
    "正规贷款放款前不收任何费用。一名个体户提现时被告知“银行卡号填写错误”，他报警时已损失3.5万元。",
]


# Round 61: a payment someone else was told to make, a code someone scanned: no payment is asked of the reader (the messages have
# other words the rules weigh).
PAYMENTS_TOLD_OF = [
    "问：朋友圈有人说能代抢门票，让我先微信转500元订金，靠谱吗？答：不靠谱，购票请只在官方平台。",
    "邻居提醒：赵大爷点开链接，是个个人收款码，他扫了交了460元，后来问供电所才知道根本不欠费。",
]


# Round 61: what the new readings leave alone in a message without marks, as fake base stations' adverts come (their numbers and
# links masked by letters): an offer's 有效期, an account a game gives away, a router's password, a code's page named by a mask.
UNMARKED_ADVERTS_AND_CHATS = [
    "尊敬的会员本店新品上市全场八折优惠券有效期三天转发给好友即可共享",
    "添加客服微信领取游戏账号免费试玩",
    "爸家里路由器密码改了新密码我写在冰箱贴上了你跟妈说一声",
    "验证码发送至url查看详情",
]


@pytest.mark.parametrize("text", UNMARKED_ADVERTS_AND_CHATS)
def test_round61_unmarked_adverts_ask_no_money_or_secret(text):
    assert not [r for r in check(text).claims["requests"] if r["kind"] in ("pay", "credentials")]


@pytest.mark.parametrize("text", PAYMENTS_TOLD_OF)
def test_round61_a_payment_told_of_is_no_request(text):
    assert not [r for r in check(text).claims["requests"] if r["kind"] == "pay"]


# Round 62 (the grid's blind batch 6, dev half, reworded): money asked in the registers the sixth helper wrote in: the fee first
# and the channel after, an app's transfer to an id, a link scanned or tapped, a step on a page before paying, an id added and
# then paid, a card renewed or put into, the verb before the app; and a parents' greeting with a fee paid by a code.
MONEY_ASKED_IN_ROUND62_REGISTERS = [
    ("【某某银行】您的账户存在风险，那个就是你在云会议App里面把5000元付一下嗯。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，你放心，5000元在云会议App付完立刻返还。", "pay_through_unofficial_channel"),
    ("【某某律师事务所】关于您的逾期欠款，代理费5000元，微信转给kf_ab2026就行。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，手续费5000元，QQ转账给3129460587。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，认证金直接发红包给kf_ab2026，截图确认。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，差额5000元你先转过去，收款QQ是3129460587。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，请续费5000元至6222021234567890128。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，你放心把5000元放进6222021234567890128。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，扫一下abc-xyz.top/k里的码付5000元就行。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，点abc-xyz.top/k支付后回复已交。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，你在abc-xyz.top/k填好信息，然后付5000元。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，加vkf_ab2026付款5000元哈。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，就打支付宝13912345678，5000元一次付清。", "pay_through_unofficial_channel"),
    ("【某某银行】您的账户存在风险，先垫付5000元，用支付宝转到13912345678这个账户。", "pay_through_unofficial_channel"),
    ("家长你好。学校统一订资料，先交定金三百，扫这个码。", "pay_through_unofficial_channel"),
]

# Round 62 (the grid's blind batch 6, dev half, reworded): a secret, the screen or contact asked in those registers.
SECRETS_AND_CONTACT_IN_ROUND62_REGISTERS = [
    ("【某某银行】您的账户存在风险，把卡号、有效期和背面三位数，私信给kf_ab2026。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，你在云会议App里把收到的码输进去。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，把验证码留给kf_ab2026就能办好。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，身份证号发vkf_ab2026哈。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，身份证号和卡号微信给kf_ab2026。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，把那条短信的内容整条转发到13912345678。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，刚收到的校验码，请在abc-xyz.top/k页面输入。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，打开abc-xyz.top/k，按提示眨眼摇头。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，应于两小时内将收到的动态码告知13912345678。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，码发我vxkf_ab2026。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，卡号和有效期发qq3129460587。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，须通过abc-xyz.top/k验证本人信用卡CVV码。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，银行卡密码和验证码一起短信发送至13912345678。", "credentials_requested"),
    ("【某某银行】您的账户存在风险，就在云会议App里点开启协助，我这边帮你操作。", "screen_share_requested"),
]

# Round 62: what those readings leave alone: a size asked, a code at the counter, a class paid in the shop, a warning's QQ, a
# carrier's own number texted, a court's code entered on its own site, a training school's own account, a swimming school's desk.
ROUND62_GUARDS = [
    "兄弟，我下个月结婚，你来给我当伴郎吧，衣服我这边统一准备，你把尺码发我一下。",
    "周末花艺体验课 每人120元 材料包含在内 报名加微信hb-mfp1441 到店现场付款",
    "给大家提个醒：我今天收到“老板”QQ消息，让我先给一个账户转3万，我打电话给老板，他说没这事。那个QQ是2970351846，大家拉黑。",
    "爸，那条积分清零的短信别管它，你要查积分就发短信到10086或者用官方App看。",
    "【人民法院送达平台】周某，某某区人民法院向您送达（2026）苏0509执3317号案件执行文书，签收验证码：816392，请在 https://zxfw.court.gov.cn 登录后输入验证码签收。",
    "【明德教育】家长您好，春季班学费4686元，请于开课前转入机构对公账户或到校区前台刷卡，我们会开具发票。",
    "家长您好！少儿游泳馆寒假班开始报名了。报名和缴费请到前台办理，可以刷卡也可以扫前台的收款码。",
    "各位家长好，明天春游，请给孩子带好水和午饭，不用交钱。",
]


# Round 62 (the grid's blind person claims, dev half, reworded): who speaks, read in the registers the eighth helper wrote in: the
# kinship or the bond said after the self, the reader hailed by kinship and a name given after, an official's title after his
# unit, the reader's own manager, the landlord as the flat's owner, a borrowed or spare phone, the video refused.
PERSONS_READ_IN_ROUND62_REGISTERS = [
    ("尊敬的叔叔，我是您内侄小刚，目前在外地", "relative"),
    ("王姐，是我，你表妹小丽", "relative"),
    ("我是小敏的婆婆，冒昧打扰", "relative"),
    ("老妈在不在？我是亮亮", "relative"),
    ("二舅，是我撒，小胖，在外头遇到点事", "relative"),
    ("我是您当年在卫校的同窗李文", "friend"),
    ("老铁在吗，我是一起在部队待过的小马💪", "friend"),
    ("我是石头，咱屯子里一起长大的", "friend"),
    ("我是销售部的老王", "friend"),
    ("我手机摔坏了，借护士的手机发的", "friend"),
    ("我：怎么不开视频？对方：视频坏了，只能打字", "friend"),
    ("您好，我是市教育局的钱局长", "boss"),
    ("小周啊我是你们经理老宋", "boss"),
    ("我是公司老板陈建国", "boss"),
    ("您好，我是您租住的那套房子的业主", "landlord"),
]

# What those readings leave alone: a class teacher introducing herself, a classmate's mother, a new colleague, a class reunion, the
# scam's words a warning quotes, a mayor spoken of, a shop's owner.
PERSONS_NOT_READ_IN_ROUND62 = [
    ("各位家长好，我是三年级二班的班主任叶老师，请大家加一下我的微信", "boss"),
    ("你好 我是陈明辉的同桌的妈妈 孩子说想一起做手工作业", "friend"),
    ("你好 我是新来的同事江天佑 以后请多关照", "friend"),
    ("老同学 我是石勇 同学聚会群建好了", "friend"),
    ("近期多位老人接到“您孙子出事急需用钱”的电话，请先挂断", "friend"),
    ("我是花店的老板，您订的花到了", "boss"),
]


@pytest.mark.parametrize(("text", "person"), PERSONS_READ_IN_ROUND62_REGISTERS)
def test_round62_who_speaks_is_read(text, person):
    assert person in {c.id for c in _read(text).claims if c.kind == "person"}


@pytest.mark.parametrize(("text", "person"), PERSONS_NOT_READ_IN_ROUND62)
def test_round62_look_alikes_claim_no_one(text, person):
    assert person not in {c.id for c in _read(text).claims if c.kind == "person"}


# Round 62: a colleague's note about the reader's own pay ("打到你工资卡上"), with no marks as a voice-typed text has none, asks for
# no money (transfer_to, pay_verb's 再).
def test_round62_pay_into_the_readers_own_salary_card_is_no_request():
    text = "喂小陈我是财务部的老孟你那张报销单我看了我这边再审钱会跟这个月工资一起打到你工资卡上不会单独转"
    assert not [r for r in check(text).claims["requests"] if r["kind"] == "pay"]


# Rounds 58 to 62: every guard table of what the new readings leave alone stays low_risk.
@pytest.mark.parametrize("text", ROUND58_GUARDS + ROUND59_GUARDS + ROUND61_GUARDS + SETTING_ONES_OWN_PASSWORD + ROUND62_GUARDS)
def test_guards_stay_quiet(text):
    _quiet_as_listed(text, True)


# Rounds 57 to 62: every table of requests through a channel nobody confirms, asked in a new way, is high_risk with its
# finding named.
@pytest.mark.parametrize(
    ("text", "finding"),
    CODE_SENT_TO_A_NUMBER
    + PAID_INTO_A_CARD_NAMED_FIRST
    + ASKED_THROUGH_AN_APP_ACCOUNT_OR_FOR_A_PASSWORD
    + SECRETS_ASKED_ANOTHER_WAY
    + MONEY_AND_SCREEN_ASKED_ANOTHER_WAY
    + ASKED_IN_OTHER_REGISTERS
    + SCREEN_SHOWN_ANOTHER_WAY
    + SECRETS_HANDED_EITHER_WAY
    + MONEY_THROUGH_A_CHANNEL_ANOTHER_WAY
    + SCREEN_TURNED_OVER_ANOTHER_WAY
    + ASKED_IN_MORE_REGISTERS
    + MONEY_ASKED_IN_ROUND62_REGISTERS
    + SECRETS_AND_CONTACT_IN_ROUND62_REGISTERS,
)
def test_high_risk_with_its_finding(text, finding):
    result = check(text)
    assert result.verdict == "high_risk", [f.id for f in result.red_flags]
    assert finding in [f.id for f in result.red_flags]


# Round 60: a scam's hook that the message refutes with the reference's fact (rules.toml `refuted`: "征信谁也改不了",
# "根本没有注销校园贷这回事", "百万保障是免费的"), in a story or warning whose requests all read as told, is the scam
# retold; the police's own form of a rule, "凡…的，请勿相信" / "…的都是诈骗" (claims.toml retelling.generic_rule),
# describes what it names; and the claim a finding names in the sender's tag ("【某某公安】") is no request for the told
# reader to read. Every row was flagged on round 59's code.
HOOK_REFUTED_OR_RULE_STATED = [
    "朋友说有人能帮他修复征信，收了三千块就不见了。征信谁也改不了，大家别上当。",
    "刚接到电话说我大学时开的校园贷账户要注销，不然影响征信。我查了，根本没有注销校园贷这回事，直接挂了。",
    "我妈接到电话说她的百万保障要到期扣费，让她关掉。我告诉她百万保障是免费的，不用关，电话直接挂了。",
    "【某某公安】提醒：凡领奖需先交保证金、公证费的，请勿相信。",
]

# What those readings leave as it was: a hook in the sender's own voice with a word of warning put before it, refuted
# nowhere; a hook refuted, beside the message's own link; a rule stated, then a demand of the message's own; a claim in
# the tag with a demand in the sender's own voice.
HOOK_AND_RULE_GUARDS = [
    "谨防诈骗！ETC认证已失效，需重新认证。",
    "【某某银行】谨防骗子。积分可兑换现金，今日清零。",
    "骗子很多，大家小心。征信修复找我们，三天消除逾期记录。",
    "ETC认证不会失效，谨防诈骗。您的ETC认证已失效，请登录 etc-abc.top 重新认证。",
    "【某某公安】凡领奖需先交保证金的，请勿相信。您已中奖，请先交保证金500元领取。",
    "以账户冻结为由要求再交解冻费的都是诈骗，本平台解冻请先缴纳保证金至6222021304058871123。",
    "凡未缴纳保证金的，请勿相信谣言，请立即转账至6222021304058871123。",
    "【某某银行】风险提示：凡索要验证码的都是诈骗。您的账户已冻结，请把验证码发给客服。",
    "【某某公安】您涉嫌洗钱，请将资金转入安全账户配合调查。",
]


@pytest.mark.parametrize(("text", "quiet"), [(t, True) for t in HOOK_REFUTED_OR_RULE_STATED] + [(t, False) for t in HOOK_AND_RULE_GUARDS])
def test_round60_a_refuted_hook_or_a_rule_stated_is_told(text, quiet):
    _quiet_as_listed(text, quiet)


@pytest.mark.parametrize(
    ("rule_id", "refutation"),
    [
        ("issuer_says_never", "ETC认证不会失效。"),
        ("issuer_says_never", "银行积分只能换礼品，不能兑换现金。"),
        ("promised_returns", "合法机构不会承诺收益。"),
        ("debt_relief_offer", "征信记录谁也无权删除。"),
        ("cancel_account_script", "根本没有注销校园贷这回事。"),
    ],
)
def test_round60_a_hook_is_held_in_a_retelling_unless_the_message_refutes_it(rule_id, refutation):
    from checker.pipeline import _held_in_retelling

    assert rule_id in _held_in_retelling(normalize("谨防诈骗。"))
    assert rule_id not in _held_in_retelling(normalize(refutation))
    assert "pay_to_personal_account" in _held_in_retelling(normalize(refutation))  # a demand is never a hook


# Round 60: a message or a link named a scam's by kind, and the reader told not to tap the message's link, are words of
# warning (claims.toml denial.cue); a crime threatened is not.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("最近很多老人来问医保卡的事，其实是手机收到了诈骗短信。", True),
        ("别点短信里的链接，有问题来服务站问。", True),
        ("您涉嫌诈骗罪，请配合调查。", False),
        ("您的账户未诈骗，请放心。", False),
    ],
)
def test_round60_a_scam_message_named_by_kind_is_a_word_of_warning(text, warns):
    assert (_read(text).denial is not None) is warns


# Round 60: what a rule of the police's form names, up to its 的, is retold (claims.toml retelling.generic_rule), from its
# clause's start or after the heading or the tag it follows; a place in another clause, or after a refusal that does not
# end its clause ("请勿相信谣言"), is not.
@pytest.mark.parametrize(
    ("text", "place", "inside"),
    [
        ("【某某公安】提醒：凡领奖需先交保证金、公证费的，请勿相信。", "保证金", True),
        ("警方提醒：以账户冻结为由要求再交解冻费的都是诈骗。", "解冻费", True),
        ("网上代购要求私下先付订金、再交保证金的，均为诈骗。", "订金", True),
        ("凡领奖需先交保证金的，请勿相信。您已中奖，请先交保证金500元领取。", "保证金500", False),
        ("谨防诈骗。凡未缴纳保证金的，请勿相信谣言。", "保证金", False),
        ("谨防诈骗。需先缴纳保证金的，均为正规流程。", "保证金", False),
    ],
)
def test_round60_what_a_generic_rule_names_is_retold(text, place, inside):
    norm = normalize(text)
    with quoting(norm):
        assert retold(norm.text, norm.text.index(place)) is inside


# Round 65 (the grid's ninth blind batch, institution claims, dev half): who signs, and what puts the reader's service at
# stake, read as an institution's notice writes them; a contact through a private or unconfirmed line is then flagged.
# Written for this test in the forms the batch showed, not copied from it.
SIGNED_CONTACTS = [
    # a sender tag that is the bank's own 955 line (entities._by_service_number)
    ("【95533】您的网银证书已过有效期，请联系13812345670办理。", "ccb", "channel_mismatch"),
    # a carrier's short name alone as its tag; a service about to stop (stakes.words)
    ("【移动】您的号码即将无法通话，详询13812345670。", "china_mobile", "channel_mismatch"),
    ("【招商银行】您的手机银行将于明日停止服务，详询13812345670。", "cmb", "channel_mismatch"),
    # a bank's Latin short name as its tag
    ("【CMB】您的信用卡已临时止付，请回电13812345670。", "cmb", "channel_mismatch"),
    # a signature after a dash, named again after an earlier mention (claims._signs_as); a landline
    ("您尾号2231的储蓄卡在异地登录手机银行，已为您暂停转账功能——浦发银行风控中心，请回拨021-61234567处理。", "other_bank", "contact_through_private_channel"),
    # 这里是 taken into a bank's generic mention ([\u4e00-\u9fff]{2,4}银行)
    ("您好这里是宁波银行信用卡中心，您的信用卡即将被停用，请回电021-61234567。", "other_bank", "contact_through_private_channel"),
    # a lender, whose numbers domain.md confirms none of, asking a call to a landline
    ("【马上消费】您的借款已逾期，请致电021-61234567处理。", "other_lender", "contact_through_private_channel"),
    # a colon after the bank's name ends the clause its 分期 could pay in (claims.toml means.after)
    ("工商银行提醒您：您的分期还款未成功，请致电13812345670处理。", "icbc", "channel_mismatch"),
    # a government office and a gas company by the form of their names, signing
    ("【某市退役军人事务局】您有一笔补助金待领取，详询13812345670。", "other_government", "contact_through_private_channel"),
    ("【安居燃气】您家燃气费已欠缴，燃气表即将关阀，详询13812345670。", "other_utility", "contact_through_private_channel"),
    ("【网安大队】您的手机存在木马程序，详询13812345670。", "police", "contact_through_private_channel"),
    # the regulator's confirmed line is 12315: a mobile in its name is a mismatch
    ("【市场监督管理局】您的店铺已被列入经营异常名录，详询13812345670。", "market_regulator", "channel_mismatch"),
]


@pytest.mark.parametrize(("text", "institution", "finding"), SIGNED_CONTACTS)
def test_round65_an_institution_signing_asks_a_contact_through_a_line_not_its_own(text, institution, finding):
    reading = _read(text)
    assert institution in {c.id for c in reading.claims}
    assert finding in reading.finding_ids
    assert check(text).verdict != "low_risk"


# ... and what stays as it was: a body named in passing claims nothing (institutions.toml signing_only), a 955 tag on the
# bank's own transaction notice asks nothing, a renewal offer from an agent's mobile puts no service at stake.
NAMED_IN_PASSING = [
    ("研学费用按教育局核定的标准收取，统一通过学校的缴费平台缴纳。", "other_government"),
    ("项目已取得预售许可证，可在住建局官网查询，购房款一律缴入监管账户。", "other_government"),
    ("本月物业费、水费已一并出账，请在物业App查看。", "other_utility"),
]


@pytest.mark.parametrize(("text", "institution"), NAMED_IN_PASSING)
def test_round65_a_body_named_in_passing_is_no_claim(text, institution):
    assert institution not in {c.id for c in _read(text).claims}


@pytest.mark.parametrize(
    "text",
    [
        "【95533】您尾号1234的储蓄卡12月1日支出500.00元，余额1,000.00元。",
        "【阳光保险】韩先生，您的车险将于6月23日到期，续保请联系您的专属顾问林先生13812345670。退订回T",
    ],
)
def test_round65_genuine_notices_stay_low(text):
    assert check(text).verdict == "low_risk"


# Round 65: a fake officer's account of the case names a scammer as the doer of a deed, then makes his own demand: the demand
# is read (claims._reported_in: a passive's agent, no word relaying the demand; claims._HANDED_TO_WRITER). A warning that
# retells the demand through the scammer's saying or making you do it keeps it retold, and a story's deed done to the writer
# ("有人…加我QQ，说…") is no demand.
OFFICERS_OWN_DEMANDS = [
    ("您好，这里是某市公安局刑侦支队，我们发现有人冒用您的身份证开设了银行账户，涉案金额巨大，需要您下载云会议App开启屏幕共享。", "screen_share"),
    ("您好，这里是某市公安局刑侦支队，我们发现有人冒用您的身份证开设了银行账户，涉案金额巨大，验证码发我一下。", "credentials"),
    ("喂您好，我是某市反诈中心的民警，我们监测到您的银行卡被不法分子用于洗钱，你念一下卡背面的三位数。", "credentials"),
    ("喂您好，我是某市反诈中心的民警，我们监测到您的银行卡被不法分子用于洗钱，把卡里的钱转我这个安全账户6222021234567890128。", "pay"),
]
STILL_RETOLD = [
    "警方提醒：骗子冒充公安，说您的银行卡涉嫌洗钱，要求您下载会议软件开启屏幕共享，这是诈骗。",
    "近期有人冒充客服，以退款为由诱导您提供验证码，请勿相信。",
    "跟你说个事，今天有人用我们老板的头像加我QQ，说在开会让我先给客户转钱，我没转。",
]


@pytest.mark.parametrize(("text", "kind"), OFFICERS_OWN_DEMANDS)
def test_round65_an_officers_own_demand_after_his_account_of_the_case_is_read(text, kind):
    assert kind in {r.kind for r in _read(text).requests}
    assert check(text).verdict == "high_risk"


@pytest.mark.parametrize("text", STILL_RETOLD)
def test_round65_a_demand_retold_through_the_scammers_saying_stays_retold(text):
    assert check(text).verdict == "low_risk"
