"""The told reader (checker/stages/told.py): a story of a scam told of someone else is not a request made of
the reader, and nothing a scam can add makes its own request read as told. Every text here is our own."""

import hashlib
import json
import pathlib
import shutil

import pytest

from checker import check
from checker.pipeline import check_with
from checker.stages import model as model_stage
from checker.stages import told

ROOT = pathlib.Path(__file__).resolve().parents[1]

# Stories of a scam that happened to someone the writer names, asking the reader nothing; the patterns
# alone rated each high_risk (the requests of the scammer read as the message's).
TOLD = [
    "我同事上周被骗了：有人打电话说她的包裹丢了要理赔，拉她进了一个群，群里让她下个会议软件开屏幕共享，说帮她退款，结果卡里少了9000。快递丢了是商家和快递公司的事。",
    "我表姐上个月被骗了：有人说她的快递丢了能双倍赔，拉她进了个理赔群，群里让她下个会议App开共享屏幕，后来信用卡被刷了6000多。",
    "我大学同学被骗了：网上有人说能帮她退课程费，把她拉进一个群，群里让她下载会议软件开屏幕共享，最后卡里的钱被转走了。",
]

# The same stories where something still asks the reader, or the story is not over: never read as told.
ASKED = [
    # the victim is still in it and asks what to do
    "我同事上周差点被骗：有人打电话说她的包裹丢了要理赔，拉她进了一个群，群里让她下个会议软件开屏幕共享。她现在还在群里，要不要照做？",
    # a chat id of the scammer's stands in it: a way to reach him all the same
    "我同事上周被骗了：有人打电话说她的包裹丢了要理赔，拉她进了一个群，群里的客服QQ是2287654321，让她下个会议软件开屏幕共享，结果卡里少了9000。",
    # spoken to the reader, with an order
    "您的包裹丢了要理赔，客服拉您进群后，请下个会议软件开屏幕共享，帮您退款。",
    # a story put before the scam's own request does not make the request told
    "我邻居被骗了：有人打电话说他的医保卡被冒用。请您立即下载会议软件开屏幕共享配合调查。",
    # a scam's own ask with a third person in it and no word of warning: a request nobody is named before
    "有人说你的包裹丢了要理赔，下个会议软件开屏幕共享就能退款。",
    # round 51: a way the message gives itself, however it is dressed as a case or a warning: a narrated opener, then
    # the way with nobody made to use it; or the scammer's way told, then given to the reader
    "市民王某退费通知 其订单需退款 登录 tk-shop8.cc 填写卡号领取，请提高警惕。",
    "【反诈提醒】有客户贷款审核通过 加微信 dk-88123 办理放款，请提高警惕。",
    "我同学被骗了，骗子让她加QQ 1928374650。要退费的同学请加QQ 1928374650办理。",
    "我同事上周被骗了：有人打电话说她的包裹丢了要理赔，让她加微信 lp_kf2231，结果卡里少了9000。你要理赔的话也加这个微信，很快的。",
]


# Round 51 (issue 8): a warning names the scam's own ways in full. Where every number, link or chat id in it is told as
# the scammer's (made to act by him: "要求她把验证码发到QQ …", "要求她登录 … 输入卡号"), the told reader is asked, and
# these read as told; the patterns alone flag them.
WAYS_TOLD = [
    "我同学被骗了：群里一个自称老师的人要求她把验证码发到QQ 1928374650，她发了以后QQ号就被盗了。",
    "上周我姑姑被骗了，骗子冒充银行打电话说她的卡要冻结，要求她登录 yh-jiedong.cc 输入卡号和验证码，结果卡里被转走八千。大家接到这种电话直接挂断，打银行卡背面的电话问。",
]


def _without_reader():
    raise told.TellerError("told.json is missing (test)")


@pytest.mark.parametrize("text", WAYS_TOLD)
def test_a_way_told_as_the_scammers_lets_the_reader_read_the_story(text):
    assert check_with(text, model_stage.load, _without_reader).verdict != "low_risk"  # the patterns alone
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("text", TOLD)
def test_a_story_told_of_someone_else_is_read_as_told(text):
    result = check(text)
    assert result.verdict == "low_risk"
    assert any(s.filter == "told_story" for s in result.suppressed)


@pytest.mark.parametrize("text", ASKED)
def test_what_still_asks_the_reader_is_never_read_as_told(text):
    result = check(text)
    assert result.verdict != "low_risk"
    assert not any(s.filter == "told_story" for s in result.suppressed)


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # from the sentence's start to the end of the place; nothing after it
        ("上周他被骗了。对方让他开屏幕共享，结果钱没了。", [(9, 15)], [(7, 15)]),
        # a heading's colon or bracket starts the view too: a label put before is not read
        ("警方提醒：对方让他开屏幕共享", [(8, 14)], [(5, 14)]),
        ("【提醒】请开屏幕共享", [(5, 10)], [(4, 10)]),
        # two places of one view: one view, the longest is not merged (each ends at its place)
        ("对方让他开屏幕共享", [(4, 9), (4, 9)], [(0, 9)]),
        # leading white space is not read
        ("好的。  对方让他转账", [(7, 11)], [(5, 11)]),
        # nor more than MAX_VIEW characters back from the place's end, however long the sentence
        ("啊" * 400 + "对方让他转账", [(404, 406)], [(406 - told.MAX_VIEW, 406)]),
    ],
)
def test_views_end_at_the_place_and_begin_after_the_last_mark(text, places, expected):
    assert told.views(text, places) == expected


def test_a_line_added_after_a_place_does_not_change_its_view():
    text = "对方让他开屏幕共享"
    assert told.views(text + "，结果被骗了9000元，警方提醒谨防诈骗。", [(4, 9)]) == told.views(text, [(4, 9)])


def test_the_shipped_reader_matches_its_pin_and_reads_its_numbers():
    data = (ROOT / "models" / told.TOLD_FILE).read_bytes()
    pins = json.loads((ROOT / "checker" / "data" / "model_pins.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(data).hexdigest() == pins["told"][told.TOLD_FILE]
    teller = told.parse(data)
    assert 0.0 < teller.threshold < 1.0 and teller.ngram == (1, 3) and len(teller.terms) > 1000
    assert teller.probability("对方让她下载会议软件开屏幕共享，结果被转走2万元") > teller.probability("请立即下载会议软件开启屏幕共享")


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b'{"format_version": 99}', b'{"format_version": 1, "terms": {}}', b"{\"format_version\": 1, \"terms\": {\"a\": [1]}, \"intercept\": 0, \"threshold\": 0.5, \"ngram_range\": [1, 3]}"],
)
def test_a_damaged_reader_is_refused(data):
    with pytest.raises(told.TellerError):
        told.parse(data)


def test_without_its_reader_the_check_goes_on_with_the_patterns_reading():
    result = check_with(TOLD[0], model_stage.load, _without_reader)
    assert result.verdict == "high_risk"  # what the patterns alone say
    assert not any(s.filter == "told_story" for s in result.suppressed)


def test_training_reproduces_the_shipped_reader(tmp_path):
    """`checker train` (or python -m checker.lab.told) from data/ gives the same bytes."""
    pytest.importorskip("sklearn", reason="retraining needs the [train] extra (scikit-learn)")
    from checker.lab.told import train

    for path in ("data/corpus.jsonl", "data/told.jsonl", "checker/data/model_pins.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / path, tmp_path / path)
    (tmp_path / "models").mkdir()
    try:
        train(tmp_path, log=lambda line: None)
    finally:
        told.reset_cache()
    assert (tmp_path / "models" / told.TOLD_FILE).read_bytes() == (ROOT / "models" / told.TOLD_FILE).read_bytes()


def test_every_row_of_the_told_data_names_its_type_and_source():
    types = {line.split('"')[1] for line in (ROOT / "checker" / "data" / "taxonomy.toml").read_text(encoding="utf-8").splitlines() if line.startswith("id = ")}
    rows = [json.loads(line) for line in (ROOT / "data" / "told.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 600
    for row in rows:
        assert row["label"] in ("told", "asked")
        assert row["type"] in types, row["id"]
        assert row["provenance"].strip() and row["form"].strip() and row["text"].strip()
    assert len({r["id"] for r in rows}) == len(rows) == len({r["text"] for r in rows})


def test_the_reader_learns_what_a_check_scores_as_well_as_whole_sentences():
    """Round 60: a check scores a sentence up to a red flag's place (told.views); the reader is trained on those views
    too, where the pipeline would ask it, not on whole sentences alone."""
    from checker.lab.told import Row, training_pieces

    text = "对方让我先交五千解冻金，我没交。"
    asked_about = Row(False, "g", text, [(0, 11)])
    not_asked = Row(False, "g", text, None)
    assert "对方让我先交五千解冻金" in training_pieces(asked_about)
    assert "对方让我先交五千解冻金" not in training_pieces(not_asked)
    assert set(training_pieces(not_asked)) <= set(training_pieces(asked_about))


# Round 60: a sentence up to a place is the message's own where it speaks to the reader or for the sender's own body;
# not where the reader is named in a condition ("你要是…"), after a scenario opened on someone else ("若有人给你…"), or
# where the body named is the one someone impersonates ("冒用我公司名义").
ADDRESSED = [
    ("您的账户涉嫌洗钱，请将资金转入安全账户", True),
    ("本行将于今日冻结您的账户", True),
    ("我公司现开放兼职名额，加qq 1520394788", True),
    # The reader after the scenario's opener is in it; the order that follows is the sender's all the same, read as a fresh
    # imperative (claims.governed_fresh), not here.
    ("如有人联系您，请添加客服微信kf_a123", False),
    ("您好，如有人联系您，请添加客服微信kf_a123", True),
    ("近期有人冒用我公司名义发布兼职广告，要求应聘者加qq 1520394788", False),
    ("你要是接到说会员扣费的电话，对方让你把钱先转到数字人民币钱包", False),
    ("若有人给你发短信说无收益不收费，再拉你进群", False),
    ("对方让您把钱转到安全账户", False),
]


@pytest.mark.parametrize(("prefix", "addressed"), ADDRESSED)
def test_who_a_sentence_speaks_to(prefix, addressed):
    from checker.pipeline import _addressed

    assert _addressed(prefix) == addressed
