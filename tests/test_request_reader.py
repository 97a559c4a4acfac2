"""The request reader (checker/stages/request_reader.py): a request for money, a code or the screen in words no pattern
of claims.toml knows is read all the same, in a message that claims to be someone; the same words told as done, of
someone else, quoted in a warning, denied, or a code given to the reader are not. Every text here is our own."""

import hashlib
import json
import pathlib
import shutil

import pytest

from checker import check
from checker.pipeline import extract
from checker.stages import claims, request_reader
from checker.stages.normalize import normalize
from checker.stages.verdict import ORDER

ROOT = pathlib.Path(__file__).resolve().parents[1]

# (message, the kind of request the reader reads in it, the words it reads): the patterns alone leave each below high_risk.
READ = [
    ("【建设银行】您的账户存在风险，劳驾您把屏幕打开给我们的工程师看看。", "screen_share", "劳驾您把屏幕打开给我们的工程师看看"),
    ("【社保中心】您的社保卡需升级，麻烦把手机收到的那几位数字回给我们。", "credentials", "麻烦把手机收到的那几位数字回给我们"),
    ("【中国银行】您的信用卡额度异常，把卡片正反面拍给我们的客服看一下。", "credentials", "把卡片正反面拍给我们的客服看一下"),
    ("【工商银行】您的信用卡存在异常，麻烦您把账上的钱先腾到6222021234567890128。", "pay", "麻烦您把账上的钱先腾到6222021234567890128"),
    ("【社保中心】您的社保卡需升级，请您把升级费200元充进6222021234567890128。", "pay", "请您把升级费200元充进6222021234567890128"),
]

# The same requests where nothing is asked of the reader: told of someone else, quoted in a warning, told as done, a
# code given to the reader, denied.
NOT_READ = [
    "【社保中心】通知说社保卡需升级，他让我把手机收到的那几位数字回给他们。",
    "我妈收到“【社保中心】您的社保卡需升级，麻烦把手机收到的那几位数字回给我们”的短信，大家别信。",
    "【中国银行】您的信用卡额度异常，我已经把卡片正反面拍给客服看了。",
    "【中国银行】您正在办理信用卡额度调整，验证码605123，请勿告诉他人。",
    "【建设银行】本行工作人员不会让您把屏幕打开给工程师看，谨防诈骗。",
    "【工商银行】为保障资金安全，切勿把卡内余额归集到陌生账户。",
]


def _learned(text: str) -> list[tuple[str, str]]:
    norm = claims.read_as(normalize(text))
    with claims.quoting(norm):
        reading = claims.read(norm, extract(norm))
    return [(r.kind, r.evidence.text) for r in reading.requests if r.pattern == claims.LEARNED]


@pytest.fixture
def without_reader(monkeypatch):
    def missing():
        raise request_reader.ReaderError("requests.json is missing (test)")

    monkeypatch.setattr(request_reader, "load", missing)


@pytest.mark.parametrize(("text", "kind", "words"), READ)
def test_a_request_in_words_no_pattern_knows_is_read_and_judged(text, kind, words):
    assert _learned(text) == [(kind, words)]
    result = check(text)
    assert result.verdict == "high_risk"
    assert any(e.text == words for f in result.red_flags for e in f.evidence)  # the alarm shows the words it read


@pytest.mark.parametrize(("text", "kind", "words"), READ)
def test_without_its_reader_the_patterns_reading_stands(text, kind, words, without_reader):
    assert _learned(text) == []
    assert ORDER.index(check(text).verdict) < ORDER.index("high_risk")  # the reader, not a pattern, made it high_risk


@pytest.mark.parametrize("text", NOT_READ)
def test_what_asks_nothing_of_the_reader_is_not_read(text):
    assert _learned(text) == []
    assert check(text).verdict == "low_risk"


def test_a_message_that_claims_nobody_is_not_read():
    """The reader is asked only where the message says who it is: a bare line asks nothing of a stranger's in it."""
    assert _learned("麻烦把手机收到的那几位数字回给我们。") == []


PIECES = [
    ("请把卡内余额归集到6222，今天办好。", ["请把卡内余额归集到6222", "今天办好"]),
    ("好的。您好", []),  # clauses under four characters ask nothing
    ("防诈骗官方电话：请把余额转走", ["防诈骗官方电话", "请把余额转走"]),  # a label before a colon is a clause of its own
    ("为保障资金安全请把余额转走", ["为保障资金安全请把余额转走", "请把余额转走"]),  # and the clause's rest from 请
]


@pytest.mark.parametrize(("text", "expected"), PIECES)
def test_pieces_are_clauses_and_their_rest_from_a_word_to_the_reader(text, expected):
    import re

    assert [text[a:b] for a, b in request_reader.pieces(text, re.compile("请"))] == expected


def test_digits_and_latin_words_are_read_as_their_shape():
    assert request_reader.prepared("转到6222 0212，加VX kf_2026") == "转到0 0，加a a"


def test_the_shipped_reader_matches_its_pin_and_reads_three_kinds_and_none():
    data = (ROOT / "models" / request_reader.READER_FILE).read_bytes()
    pins = json.loads((ROOT / "checker" / "data" / "model_pins.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(data).hexdigest() == pins["requests"][request_reader.READER_FILE]
    reader = request_reader.parse(data)
    assert set(reader.classes) == {"none", "contact", "pay", "credentials", "screen_share"}
    assert 0.5 <= reader.threshold < 1
    probabilities = reader.probabilities(READ[0][2])
    assert abs(sum(probabilities.values()) - 1) < 1e-9


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw | {"format_version": 99},
        lambda raw: raw | {"weights": raw["weights"][:-8]},  # numbers cut short
        lambda raw: {k: v for k, v in raw.items() if k != "classes"},
        lambda raw: raw | {"weights": "not base64 !"},
    ],
)
def test_a_damaged_file_is_refused_with_one_error(damage):
    raw = json.loads((ROOT / "models" / request_reader.READER_FILE).read_bytes())
    with pytest.raises(request_reader.ReaderError):
        request_reader.parse(json.dumps(damage(raw)).encode("utf-8"))


def test_training_reproduces_the_shipped_reader(tmp_path):
    """`checker train` (or python -m checker.lab.request_reader) from data/ gives the same bytes."""
    pytest.importorskip("sklearn", reason="retraining needs the [train] extra (scikit-learn)")
    from checker.lab.request_reader import train

    for path in ("data/corpus.jsonl", "data/told.jsonl", "data/grid_blind.json", "checker/data/model_pins.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / path, tmp_path / path)
    (tmp_path / "models").mkdir()
    try:
        train(tmp_path, log=lambda line: None)
    finally:
        request_reader.reset_cache()
    shipped = ROOT / "models" / request_reader.READER_FILE
    assert (tmp_path / "models" / request_reader.READER_FILE).read_bytes() == shipped.read_bytes()
