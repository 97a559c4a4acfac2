"""The answer a worried reader sees: short, honest, with numbered steps; the full report on request."""

import re
import unicodedata

import pytest

from checker import check
from checker.stages.render import to_report, to_text, to_traditional, visible

WIDTH = 80
MAX_LINES = 15

# Typical scams, written for these tests: one per kind of answer the reader needs.
SCAMS = [
    "【法务中心】您的借呗已逾期，已进入立案程序。请今日内将欠款及律师费转入指定账户6222021234567890123，否则通知您的家人和单位。",
    "【XX律师事务所】您的花呗欠款已移交我所，请24小时内加微信lvshi8899处理，逾期将起诉至法院并上门调查。",
    "我是市公安局刑侦支队王警官，你的银行卡涉嫌洗钱案件，请将资金转入安全账户配合调查，不要告诉家人。",
    "【京东金融】您的金条利率不符合国家政策，需要注销账户，否则影响征信。请下载腾讯会议共享屏幕办理，客服电话4008102345。",
    "爸，我手机丢了，这是我新号码，急需交房租，先转3000到这个卡6222021234567890123，别告诉妈",
    "【工商银行】您的积分10000分即将清零，可兑换现金398元，请登录 http://icbc-jf.cn/a 领取。",
    "您的法院传票已生成，因您拖欠网贷未还，请点击 http://t.cn/AbCd 查看，并于今日内缴纳诉讼费。",
    "【支付宝】您的借呗额度异常，请拨打400-810-2345注销，或访问 http://alipay-zx.com/a 否则影响征信",
]
GENUINE = [
    "【花呗】您本期账单已逾期，请登录支付宝App还款，以免影响信用。",
    "验证码382910，用于登录，5分钟内有效，请勿泄露给他人。",
    "周末一起去爬山吗？",
]
FORBIDDEN = ("权重", "风险分", "high_risk", "suspicious", "low_risk", "分类器", "模型")


def display_lines(text: str, width: int = WIDTH) -> int:
    """How many terminal lines the text takes at `width` columns (wide characters count two)."""
    count = 0
    for line in text.rstrip("\n").split("\n"):
        columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        count += max(1, -(-columns // width))
    return count


@pytest.mark.parametrize("text", SCAMS)
def test_a_scam_answer_is_short_and_starts_with_the_verdict(text):
    result = check(text)
    out = to_text(text, result)
    assert result.verdict != "low_risk"
    assert out.startswith(f"结论：{result.verdict_text}")
    assert display_lines(out) <= MAX_LINES, out
    steps = re.findall(r"^ (\d)\. ", out, flags=re.MULTILINE)
    assert len(steps) >= 3 and steps == [str(n) for n in range(1, len(steps) + 1)]
    for word in FORBIDDEN:
        assert word not in out
    assert "%" not in out and not any(rule.id in out for rule in result.flags)


@pytest.mark.parametrize("text", SCAMS)
def test_every_reason_quotes_the_message(text):
    out = to_text(text, check(text))
    reasons = [line for line in out.splitlines() if line.startswith(" · ")]
    assert reasons
    for line in reasons:
        for quote in re.findall(r"「([^」]*)」", line):
            assert quote.rstrip("…") in " ".join(text.split()), quote


@pytest.mark.parametrize("text", SCAMS[:3])
def test_the_marked_message_is_the_message(text):
    out = to_text(text, check(text))
    marked = out.split("：\n")[-1].strip()
    assert marked.replace("[[", "").replace("]]", "") == text


@pytest.mark.parametrize("text", GENUINE)
def test_a_genuine_message_gets_a_calm_answer(text):
    result = check(text)
    out = to_text(text, result)
    assert out.startswith("结论：未见明显异常\n")
    assert "[[" not in out and display_lines(out) <= 6


def test_a_plain_message_is_calm_and_says_no_more():
    out = to_text(GENUINE[2], check(GENUINE[2]))
    assert "没有发现常见的诈骗迹象" in out and "讲到的诈骗说法" not in out


def test_a_known_persons_new_number_is_not_called_free_of_scam_signs():
    text = "爸，这是我新号，原来那个丢了，你存一下。"
    out = to_text(text, check(text))
    assert out.startswith("结论：未见明显异常\n")
    assert "没有发现常见的诈骗迹象" not in out and "冒充熟人" in out and "原来存的号码" in out


# A warning, or the story of a scam refused: "no sign of scams" would read as "that call was fine".
WARNING_STORIES = [
    (
        "昨天晚上接到一个电话，对方说是某网购平台的客服，说我买的面霜有质量问题，要给我三倍赔偿。他说要加他的企业微信，"
        "再下载一个会议软件，他教我操作。我觉得不对，直接挂了，后来打开购物App看订单，什么通知都没有。",
        "退款理赔",
    ),
    ("【反诈提醒】骗子冒充公安来电，称您涉嫌洗钱要通缉您，让您把存款转到安全账户配合调查。这是典型的诈骗，请直接挂断，拨打96110。", "通缉"),
]


@pytest.mark.parametrize(("text", "told"), WARNING_STORIES)
def test_a_warning_is_said_to_be_one_with_the_scam_it_tells_of(text, told):
    result = check(text)
    out = to_text(text, result)
    assert out.startswith("结论：未见明显异常\n")
    assert "没有发现常见的诈骗迹象" not in out
    assert "提醒" in out.split("\n")[1]
    told_line = next(line for line in out.split("\n") if line.startswith("它讲到的诈骗说法："))
    assert told in told_line


def test_never_a_headline_without_a_reason():
    # Whatever lifted the verdict, a reason stands under the headline.
    for text in SCAMS + GENUINE:
        result = check(text)
        lines = to_text(text, result).splitlines()
        if result.verdict != "low_risk":
            assert lines[1].startswith(" · ")


def test_the_model_alone_is_said_in_words(monkeypatch):
    from dataclasses import replace

    text = SCAMS[0]
    result = replace(check(text), red_flags=(), lowering_signs=(), not_official=())
    out = to_text(text, result)
    assert "措辞像常见的诈骗短信" in out.splitlines()[1]


def test_a_red_flag_under_a_calm_verdict_is_named_as_such():
    from dataclasses import replace

    text = SCAMS[0]
    result = replace(check(text), verdict="low_risk")
    assert to_text(text, result).startswith("结论：未见明显异常，但有一处值得留意\n值得留意：")


@pytest.mark.parametrize("hidden", ["\ufe0f", "\u200b", "\u0301"])
def test_no_quote_the_reader_cannot_see(hidden):
    text = f"⚠{hidden}您的借呗已逾期，请今日内将欠款转入指定账户6222021234567890123。"
    out = to_text(text, check(text))
    for quote in re.findall(r"「([^」]*)」", out):
        assert quote and visible(quote) == quote
    assert "[[]]" not in out and f"[[{hidden}]]" not in out


def test_a_number_that_is_not_the_institutions_own_is_named():
    text = SCAMS[-1]
    out = to_text(text, check(text))
    # The claims stage's channel_mismatch names both channels against the claim (said once).
    assert "自称支付宝，却让你打 400-810-2345、打开 http://alipay-zx.com/a" in out


@pytest.mark.parametrize("text", SCAMS)
def test_detail_keeps_the_full_report(text):
    result = check(text)
    out = to_text(text, result, detail=True)
    assert f"({result.verdict}, 风险分 {result.score:.2f})" in out
    for flag in result.flags:
        assert flag.title in out
    for advice in result.advice:
        assert advice.text in out
    assert "需核实" not in out and "二手" not in out


def test_sources_shown_are_public_authoritative_addresses():
    for text in SCAMS:
        out = to_text(text, check(text), detail=True)
        for line in out.splitlines():
            if line.strip().startswith("来源："):
                for url in line.split("：", 1)[1].split():
                    host = url.split("/")[2]
                    assert host.endswith((".gov.cn", "people.com.cn", "hnr.cn", "ichangzhi.com.cn")), url


@pytest.mark.parametrize("text", SCAMS[:4])
def test_english_answer(text):
    out = to_text(text, check(text), lang="en")
    assert out.startswith("Verdict: ") and "What to do next:" in out
    assert not re.search(r"[\u4e00-\u9fff]", out.split("The message")[0].split("What to do next")[0].split(":", 1)[0])


def test_traditional_answer_converts_our_words_and_keeps_the_quotes():
    text = SCAMS[0]
    out = to_text(text, check(text), lang="zh-Hant")
    assert out.startswith("結論：高度可疑") and "接下來：" in out
    assert "「指定账户」" in out or "「法务中心」" in out  # the reader's own characters
    assert text in out.replace("[[", "").replace("]]", "")


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("结论", "結論"),
        ("短信里的链接", "短信裡的鏈接"),  # characters only: s2tw changes no vocabulary
        ("头发", "頭髮"),  # phrase: 发 is 髮 here, 發 in 发现
        ("发现", "發現"),
        ("干部", "幹部"),
        ("核实", "核實"),  # s2tw forms, not the older 覈實 / 爲
        ("为什么", "為什麼"),
        ("征信中心", "徵信中心"),
    ],
)
def test_traditional_table(simplified, traditional):
    assert to_traditional(simplified) == traditional


def test_report_is_number_star_untouched_text():
    text = "  【法务中心】您的借呗已逾期，\n请转账。 "
    assert to_report(text, "10690001") == "10690001*" + text
    assert to_report(text).endswith("*" + text)


@pytest.mark.parametrize("emoji", ["⚠️", "❤️", "1️⃣", "👨\u200d👩\u200d👧"])
def test_an_emoji_is_not_disguise(emoji):
    plain = "您的借呗已逾期，请今日内还款。"
    with_emoji = check(emoji + plain)
    assert "disguised_text" not in [f.id for f in with_emoji.flags]
    # The rules' points, not the score: the model reads the keycap's digit as text.
    assert with_emoji.rule_points == check(plain).rule_points


def test_a_hidden_character_inside_a_word_still_is():
    assert "disguised_text" in [f.id for f in check("请加V\ufe0f信处理欠款").flags]


def test_no_type_specific_advice_on_a_guess():
    # A chat contact about "款项" fits a dozen kinds of scam and the namer gives none of them half its
    # probability: no lawyer's-letter or shopping fact for it.
    text = "款项的事加我微信abc123，逾期后果自负"
    steps = [s.id for s in check(text).steps]
    assert check(text).verdict != "low_risk"
    assert not [s for s in steps if s.startswith(("fact_", "channel_", "verify_"))], steps


# Scams whose rules name a dozen types alike (pay_through_unofficial_channel): the namer tells them
# apart, and its type brings its own steps. Written for this test from the taxonomy's hooks.
NAMED_BY_THE_NAMER = [
    ("fake_boss", "王总您好，我是财务部小陈的领导赵总，我这边在外地开会，有一笔货款要马上付给供应商，你先从公司账户转过去，对方账户我发你QQ上"),
    ("fake_relative", "妈，我手机掉水里了，这是同学的手机，学校要交培训费三千八，你直接转到老师这个卡上，6217000012345678，收款人周丽。"),
    ("fake_teacher", "家长您好，我是三年级二班班主任，本学期资料费每人180元，请扫群里的收款码缴纳，今天下午统一上交学校。"),
    ("fake_landlord", "我是房东，换号了，这个月房租直接转到我爱人的卡上 6222 0210 0112 3456 78，户名陈秀英。"),
]


@pytest.mark.parametrize(("fraud_type", "text"), NAMED_BY_THE_NAMER, ids=[t for t, _ in NAMED_BY_THE_NAMER])
def test_the_namer_names_the_type_and_its_steps(fraud_type, text):
    result = check(text)
    assert result.fraud_type == fraud_type, result.fraud_types[:3]
    assert f"fact_{fraud_type}" in [s.id for s in result.steps]


def test_a_new_account_gets_the_acquaintance_advice():
    # "换号了，加我微信" is the first step of the fake relative and fake boss (one shared plan):
    # its fact is the acquaintance one, and no institution is there to verify with.
    steps = [s.id for s in check("妈，我换号了，加我微信abc123").steps]
    facts = [s for s in steps if s.startswith("fact_")]
    assert facts and all(s.removeprefix("fact_") in ("fake_boss", "fake_relative") for s in facts), steps
    assert not [s for s in steps if s.startswith(("channel_", "verify_"))], steps


def test_json_lists_only_public_sources():
    import json

    from checker.stages.render import to_json

    payload = json.loads(to_json(check(SCAMS[0]).to_dict()))
    for flag in payload["red_flags"] + payload["lowering_signs"]:
        for url in flag["sources"]:
            assert url.split("/")[2].endswith((".gov.cn", "people.com.cn", "hnr.cn", "ichangzhi.com.cn"))
        assert "source" in flag  # everything that was there stays
    assert payload["steps"] and payload["steps"][0]["id"] == "stop"


def test_the_readers_own_loss_is_answered_with_110_first():
    # "结论：未见明显异常 / 没有发现常见的诈骗迹象" would read as "nothing happened" to someone just cheated.
    text = "我刚被骗了，有人冒充京东客服说我的金条要注销，让我转了两万到他们的账户，现在怎么办？"
    out = to_text(text, check(text))
    lines = out.splitlines()
    assert lines[0] == "这段话讲的是已经发生的被骗或转账：请马上报警"
    assert "没有发现常见的诈骗迹象" not in out and "未见明显异常" not in out
    assert lines[1] == "接下来：" and "110" in lines[2]
