"""A fast, seeded slice of the red team (python -m checker.lab.redteam): evasion families over scams.

The full run checks each scam with a fold model that never saw it; this slice checks the rules and
the judgement alone (no model), the part that must hold by design: the families the normaliser, the
claims stage and the monotone floor were built against, plus padding, link forms and homoglyphs
(held out, and met: links are read in look-alike letters too), keep at least 97 % of flagged scams
flagged (issue 8 target). Paraphrase (both halves of its table) is reported by the full run, with the
model; the rules and judgement alone do not meet it, so it is not asserted here.
"""

import json
import pathlib
import random

import pytest

from checker.lab.redteam import (
    _PARAPHRASES,
    _PARAPHRASES_HELD_OUT,
    _PREFIXES_HELD_OUT,
    DESIGNED,
    EDITS,
    FAMILIES,
    GENUINE_EDITS,
    HELD_OUT,
    evasion,
    false_alarms,
)
from checker.pipeline import check_with
from checker.stages.model import ModelError

CORPUS = pathlib.Path(__file__).resolve().parents[1] / "data" / "corpus.jsonl"
# 600 scams (about 520 flagged ones): at 200 one family sat a row or two from its bound, and each
# corpus change redraws the sample; the full run is the figure, this slice a guard against regressions.
SLICE = 600
MET = (*DESIGNED, "padding", "link_forms", "homoglyphs", "warning_frame", "warning_inside", "prefix", "prefix_held_out", "bare")


def _no_model():
    raise ModelError("rules and judgement only")


def _rules_only(text):
    return check_with(text, _no_model)


@pytest.fixture(scope="module")
def rates():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    scams = random.Random(3).sample([r["text"] for r in rows if r["label"] == "scam"], SLICE)
    return {name: low / n for name, (low, n) in evasion(scams, _rules_only).items()}


def test_half_of_the_families_are_held_out():
    """Of the families `combined` and `all` draw from; `bare` and `quotes` are held out too, beside them
    (each its own figure)."""
    drawn = [name for name in HELD_OUT if name in FAMILIES]
    assert set(drawn) | set(DESIGNED) == set(FAMILIES) and len(drawn) == len(DESIGNED)
    assert set(HELD_OUT) - set(FAMILIES) == {"bare", "quotes"} and {"bare", "quotes"} <= set(EDITS)


class _Draws(random.Random):
    """An rng whose choices are given: `bare` asks it for the joiner, then whether to drop the brackets."""

    def __init__(self, joiner, drop):
        super().__init__(0)
        self.joiner, self.drop = joiner, drop

    def choice(self, seq):
        return self.joiner

    def random(self):
        return 0.0 if self.drop else 0.99


BARE = [
    # (message, joiner, drop the signature's brackets, expected)
    ("【支付宝】您的借呗已逾期，请拨打400-810-2345。", "", False, "【支付宝】您的借呗已逾期请拨打400-810-2345"),
    ("【支付宝】您的借呗已逾期，请拨打400-810-2345。", " ", True, "支付宝 您的借呗已逾期 请拨打400-810-2345"),
    ("【支付宝】您的借呗已逾期！", "", True, "支付宝您的借呗已逾期"),
    # amounts, times and links keep their inner marks; a mark after a link or between digits leaves a space
    ("应还1,000.50元，10:30前处理。", "", False, "应还1,000.50元10:30前处理"),
    ("访问 http://alipay-zx.com/a?id=1，转账到6222021234567890123，或拨打400-810-2345！", "", False,
     "访问 http://alipay-zx.com/a?id=1 转账到6222021234567890123或拨打400-810-2345"),
    ("卡号6222021234567890123，400-810-2345", "", False, "卡号6222021234567890123 400-810-2345"),
    ("加微信abc123，OK？", "", False, "加微信abc123 OK"),
    # line breaks, runs of marks and ASCII marks go as one
    ("A：在吗？\nB：在。。。什么事!!", "", False, "A在吗B在什么事"),
    ("A：在吗？\nB：在。。。什么事!!", " ", False, "A 在吗 B 在 什么事"),
    ("您好；请核实、谢谢", " ", False, "您好 请核实 谢谢"),
]


@pytest.mark.parametrize(("text", "joiner", "drop", "expected"), BARE)
def test_bare_strips_clause_marks_and_keeps_links_and_numbers(text, joiner, drop, expected):
    assert EDITS["bare"](text, _Draws(joiner, drop)) == expected


def test_bare_leaves_no_clause_mark():
    text = "【中国银行】尊敬的客户：您的账户异常，请点击 boc-vip.top/cx 处理；逾期将冻结！如有疑问，请回复。"
    for seed in range(20):
        bare = EDITS["bare"](text, random.Random(seed))
        assert not set(bare) & set("，。！？；：、,!?;\n") and "boc-vip.top/cx" in bare


class _Windows(random.Random):
    """An rng whose draws are given: `quotes` asks it for each window's size, then (for a window it may
    wrap) whether to wrap it, then which marks."""

    def __init__(self, size, wrap, pair=0):
        super().__init__(0)
        self.size, self.wrap, self.pair = size, wrap, pair

    def randint(self, a, b):
        return self.size

    def random(self):
        return 0.0 if self.wrap else 0.99

    def choice(self, seq):
        return seq[self.pair]


QUOTES = [
    # (message, window size, wrap every window, pair of marks, expected)
    ("您的快递丢失", 2, True, 0, "“您的”“快递”“丢失”"),
    ("您的快递丢失", 4, True, 1, "「您的快递」「丢失」"),
    ("您的快递丢失", 3, True, 2, '"您的快""递丢失"'),
    ("您的快递丢失", 2, False, 0, "您的快递丢失"),
    # only Chinese runs: Latin letters, marks and spaces stay outside
    ("请加客服QQ 12345678办理。", 2, True, 0, "“请加”“客服”QQ 12345678“办理”。"),
    # never inside a link, a number or an amount: a window that touches one stays as it is
    ("理赔5000元，转账三千块", 2, True, 0, "“理赔”5000元，“转账”三千块"),
    ("访问 http://kd-lp.网址/a 查询", 2, True, 0, "“访问” http://kd-lp.网址/a “查询”"),
    ("打到6222021234567890123卡上", 2, True, 0, "“打到”6222021234567890123“卡上”"),
]


@pytest.mark.parametrize(("text", "size", "wrap", "pair", "expected"), QUOTES)
def test_quotes_wraps_windows_of_chinese_and_never_a_link_number_or_amount(text, size, wrap, pair, expected):
    assert EDITS["quotes"](text, _Windows(size, wrap, pair)) == expected


def test_quotes_keeps_the_text_between_its_marks():
    text = "【中国银行】尊敬的客户：您的账户异常，请点击 boc-vip.top/cx 处理，转账5000元到6222021234567890123。"
    for seed in range(20):
        quoted = EDITS["quotes"](text, random.Random(seed))
        assert "".join(ch for ch in quoted if ch not in "“”「」\"") == text
        assert "boc-vip.top/cx" in quoted and "5000元" in quoted and "6222021234567890123" in quoted


def test_narrated_replaces_only_the_leading_tag_and_keeps_the_rest():
    """The opener takes the sender's tag's place; a tag inside or at the end is part of the scam and stays."""
    text = "【法务中心】您的借呗已逾期，请将律师费转入6222021234567890123。【律师事务所】"
    for seed in range(20):
        narrated = EDITS["narrated"](text, random.Random(seed))
        assert "【法务中心】" not in narrated and "【律师事务所】" in narrated
        assert "借呗已逾期" in narrated and "6222021234567890123" in narrated


def test_narrated_loss_is_the_narrated_scam_with_a_loss_told_after_it():
    """The scam's channel and request stay; what is added is the loss, at the end."""
    text = "【法务中心】您的借呗已逾期，请将律师费转入6222021234567890123。"
    for seed in range(20):
        told = EDITS["narrated_loss"](text, random.Random(seed))
        narrated = EDITS["narrated"](text, random.Random(seed))
        assert told.startswith(narrated.rstrip("。") + "，") and told.endswith("。")
        assert "6222021234567890123" in told and "转入" in told


@pytest.mark.parametrize("seed", range(12))
def test_spoken_link_speaks_every_link_and_the_normaliser_writes_it_back(seed):
    from checker.stages.normalize import normalize

    text = "【ETC】您的认证已失效，请登录 https://etc-rz.top/a/b 处理，或 gx-bt.cc 办理。"
    spoken = EDITS["spoken_link"](text, random.Random(seed))
    assert "etc-rz.top" not in spoken and "点" in spoken and "斜杠" in spoken
    written = normalize(spoken).text
    assert "etc-rz.top/a/b" in written and "gx-bt.cc" in written


def test_spoken_link_leaves_a_scam_without_a_link_as_it_is():
    text = "妈 新号 旧手机丢了 先转我500"
    assert EDITS["spoken_link"](text, random.Random(1)) == text


@pytest.mark.parametrize("seed", range(8))
def test_pronoun_dropped_leaves_the_reader_unnamed_and_the_rest_as_it_was(seed):
    text = "【法务中心】你欠的钱再不还，明天就去你单位，你的通讯录也一样，转到6222021234567890123。"
    dropped = EDITS["pronoun_dropped"](text, random.Random(seed))
    assert "你" not in dropped and "您" not in dropped
    assert dropped.replace("其", "") == "【法务中心】欠的钱再不还，明天就去单位，通讯录也一样，转到6222021234567890123。"
    assert EDITS["pronoun_dropped"]("妈 新号 旧手机丢了 先转我500", random.Random(seed)) == "妈 新号 旧手机丢了 先转我500"


@pytest.mark.parametrize("family", ["pronoun_dropped", "narrated"])
def test_the_plural_you_goes_as_one_word(family):
    """"你们公司" loses its 你们, never its 你 alone ("们公司" is no one's text)."""
    text = "你们公司人事部已经知道了，明天把材料传真到你们单位，您们的领导也会知道。"
    for seed in range(8):
        dropped = EDITS[family](text, random.Random(seed))
        assert "们" not in dropped and "公司人事部" in dropped and "传真到单位" in dropped


def test_tagged_puts_a_tag_and_at_most_a_prefix_line_in_front_of_the_scam():
    text = "妈 新号 旧手机丢了 先存一下 晚点跟你说个事"
    lines = set(_PREFIXES_HELD_OUT)
    for seed in range(30):
        tagged = EDITS["tagged"](text, random.Random(seed))
        tag, _, rest = tagged.partition("】")
        assert tag.startswith("【") and rest.endswith(text)
        added = rest[: len(rest) - len(text)].rstrip(" ，")
        assert added == "" or added in lines


@pytest.mark.parametrize(("text", "expected"), [("你的借呗已逾期，请你今天还款", "您的借呗已逾期，请您今天还款"), ("您的包裹丢了", "你的包裹丢了")])
def test_polite_swaps_the_pronoun(text, expected):
    assert EDITS["polite"](text, random.Random(1)) == expected


def test_the_held_out_paraphrases_are_other_wordings():
    """The held-out half measures generalisation only if none of its wordings is a dev one."""
    dev = {w for words in _PARAPHRASES.values() for w in words}
    held_out = {w for words in _PARAPHRASES_HELD_OUT.values() for w in words}
    assert held_out and not dev & held_out


@pytest.mark.sweep
@pytest.mark.parametrize("family", MET)
def test_each_family_keeps_flagged_scams_flagged(rates, family):
    assert rates[family] <= 0.03, f"{family}: {rates[family]:.1%} of flagged scams brought to low_risk"


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edits_are_deterministic(name):
    text = "【支付宝】您的借呗已逾期，请拨打400-810-2345或访问 http://alipay-zx.com/a 处理，转账到6222021234567890123。"
    assert EDITS[name](text, random.Random(1)) == EDITS[name](text, random.Random(1))


REPORTS = [
    # (family, rate, expected mark): single families against 3 %, combinations against 5 %.
    ("reassuring", 0.029, "met"),
    ("reassuring", 0.031, "**not met**"),
    ("combined", 0.049, "met"),
    ("all", 0.051, "**not met**"),
]


def test_the_readme_table_judges_each_family_against_its_target():
    from checker.lab.model_card import redteam_figures

    for family, rate, mark in REPORTS:
        report = {"flagged": 100, "held_out_families": ["padding"], "evasion_rate": {family: rate}, "lowered": {family: round(rate * 100)}}
        row = [line for line in redteam_figures(report) if line.startswith(f"| {family}")]
        assert len(row) == 1 and row[0].endswith(f": {mark} |"), (family, rate, row)


@pytest.mark.parametrize("seed", range(8))
def test_verified_first_replaces_the_asking_please_and_keeps_the_request(seed):
    text = "【法务中心】请勿拖延。您的借呗已逾期，请联系经办人021-58896621，请今日内处理。"
    edited = EDITS["verified_first"](text, random.Random(seed))
    assert "请勿拖延" in edited and "联系经办人021-58896621" in edited
    assert not edited.startswith("【法务中心】请勿拖延。您的借呗已逾期，请联系")  # the first asking 请 always goes
    assert EDITS["verified_first"]("妈 新号 旧手机丢了 先转我500", random.Random(seed)) == "妈 新号 旧手机丢了 先转我500"


@pytest.mark.parametrize("seed", range(6))
def test_disowned_decoy_adds_warning_lines_and_keeps_the_scam(seed):
    text = "【某银行】您的账户存在风险，请立即登录 yh-safe.top 验证，否则冻结。"
    edited = EDITS["disowned_decoy"](text, random.Random(seed))
    assert edited != text
    # Every character of the scam stays, in order: the lines only go in between its sentences.
    rest = iter(edited)
    assert all(ch in rest for ch in text)
    assert "yh-safe.top" in edited


@pytest.mark.parametrize("seed", range(8))
def test_link_unseen_takes_every_link_out_and_keeps_the_rest(seed):
    text = "【ETC】您的认证已失效，请登录 https://etc-rz.top/a/b 处理，或 gx-bt.cc 办理。"
    edited = EDITS["link_unseen"](text, random.Random(seed))
    assert "etc-rz" not in edited and "gx-bt" not in edited
    assert edited.startswith("【ETC】您的认证已失效，请登录 ") and edited.endswith("办理。")


def test_link_unseen_leaves_a_scam_without_a_link_as_it_is():
    text = "妈 新号 旧手机丢了 先转我500"
    assert EDITS["link_unseen"](text, random.Random(1)) == text


def test_each_scams_edit_is_drawn_from_its_own_seed():
    """One scam more in the flagged set redraws no other scam's edit: a checker that records what it is asked sees the
    same edits of the other scams either way (round 44: with one stream shared by the family, one more flagged scam had
    moved a family's figure by eleven edits that no answer explained)."""
    scams = ["【ETC】您的认证已失效，请登录 etc-rz.top 处理。", "【交管】您有违章未处理，请点 jg-cx.cc 缴纳罚款。", "妈 新号 先转我500"]
    extra = "【社保】您的社保卡将停用，请登录 sb-jh.top 激活。"

    def asked(texts):
        seen = []

        def check(text):
            seen.append(text)
            return _rules_only(text)

        evasion(texts, check)
        return seen

    without = asked(scams)
    with_extra = asked([extra, *scams])
    assert set(without) <= set(with_extra)


# The genuine side (round 52): each edit of GENUINE_EDITS changes how a genuine message is written, never what it
# names: its numbers, amounts and links stay as they were (spelled_apart spaces a number's digits, each one kept).
GENUINE = "【工商银行】您尾号5526卡12月1日20:41快捷支付支出(财付通)38.50元，余额1,207.19元。详询95588或 icbc.com.cn。"


@pytest.mark.parametrize("name", GENUINE_EDITS)
@pytest.mark.parametrize("seed", range(4))
def test_genuine_edits_keep_what_the_message_names(name, seed):
    edited = EDITS[name](GENUINE, random.Random(seed))
    joined = edited.replace(" ", "")
    for kept in ("5526", "20:41", "38.50", "1,207.19", "95588", "icbc.com.cn"):
        assert kept in joined, (name, seed, edited)


class _Answer:
    def __init__(self, verdict):
        self.verdict = verdict


def _alarm_after_plain_reads(plain_alarms=()):
    """A check that answers every edited text with an alarm: the first two reads are the plain texts (false_alarms
    reads them all before any edit), low_risk unless in `plain_alarms`; every later read is suspicious."""
    reads = []

    def check(text):
        reads.append(text)
        return _Answer("suspicious" if len(reads) > 2 or text in plain_alarms else "low_risk")

    return check


FALSE_ALARMS = [
    # (genuine texts, check, expected (raised, quiet) for every edit)
    (["甲", "乙"], lambda t: _Answer("low_risk"), (0, 2)),
    (["甲", "乙"], _alarm_after_plain_reads(), (2, 2)),
    (["甲", "乙"], _alarm_after_plain_reads({"甲"}), (1, 1)),  # an alarm already on the plain text is not counted
]


@pytest.mark.parametrize("genuine, check, expected", FALSE_ALARMS)
def test_false_alarms_count_only_quiet_messages_an_edit_raises(genuine, check, expected):
    counts = false_alarms(genuine, check)
    assert counts == dict.fromkeys(GENUINE_EDITS, expected)


def test_the_readme_table_judges_each_genuine_edit_against_the_look_alike_bound():
    from checker.lab.model_card import redteam_figures

    report = {
        "flagged": 100, "held_out_families": [], "evasion_rate": {}, "lowered": {},
        "genuine_quiet": 1000, "false_alarm_rate": {"bare": 0.021, "polite": 0.019}, "raised": {"bare": 21, "polite": 19},
    }
    lines = redteam_figures(report)
    assert next(line for line in lines if line.startswith("| bare ")).endswith(": **not met** |")
    assert next(line for line in lines if line.startswith("| polite ")).endswith(": met |")


def test_the_holdout_table_is_met_only_where_each_half_keeps_within_the_bound():
    from checker.lab.model_card import redteam_figures

    report = {
        "flagged": 100, "held_out_families": [], "evasion_rate": {}, "lowered": {},
        "holdout_false_alarms": {"dev": {"bare": [25, 1000], "polite": [1, 1000]}, "heldout": {"bare": [5, 1000], "polite": [20, 1000]}},
    }
    rows = {line.split(" | ")[0][2:]: line for line in redteam_figures(report) if line.startswith(("| bare ", "| polite "))}
    assert rows["bare"].endswith(": **not met** |") and "2.50 % (25 / 1,000)" in rows["bare"]
    assert rows["polite"].endswith(": met |") and "2.00 % (20 / 1,000)" in rows["polite"]


# checker.lab.grid (round 57): the core judgement probed head on, one claim and one request through one channel each.
def test_grid_probes_fill_every_placeholder_and_judge_every_kind():
    from checker.lab import grid

    for half in grid.REQUESTS:
        kinds = {kind for kind, _ in grid.probes(half)}
        assert kinds == set(grid.LEAST), half
        for _kind, text in grid.probes(half):
            assert "{" not in text and "}" not in text, text
    # Contact requests are not judged for a claim whose staff call from their own mobiles (a courier).
    quiet_claims = [claim for claim, contact in grid.CLAIMS if not contact]
    assert quiet_claims
    assert not any(kind == "contact" and text.startswith(tuple(quiet_claims)) for kind, text in grid.probes("held_out"))


def test_grid_counts_the_probes_below_their_least_verdict():
    from types import SimpleNamespace

    from checker.lab import grid

    # A checker that calls every probe suspicious: the requests that must reach high_risk are all below, contact none.
    report = grid.probe(lambda text: SimpleNamespace(verdict="suspicious"))
    for half, kinds in report.items():
        total = sum(1 for _ in grid.probes(half))
        assert sum(n for _, n in kinds.values()) == total
        for kind, (below, n) in kinds.items():
            assert below == (n if grid.LEAST[kind] == "high_risk" else 0), (half, kind)


def test_the_grid_cards_pass_the_luhn_check():
    from checker.lab.grid import FILLS

    digits = [int(d) for d in reversed(FILLS["card"])]
    assert sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits)) % 10 == 0


def test_the_grids_blind_halves_split_claims_and_requests_by_hash():
    from checker.lab import grid

    blind = grid._blind()
    assert set(blind) == set(grid.BLIND_HALVES) and set(grid.halves()) >= set(grid.BLIND_HALVES)
    seen: dict[str, str] = {}
    for half, (claims, requests) in blind.items():
        assert claims and all(requests.values()), half
        texts = [claim for claim, _ in claims] + [r for rs in requests.values() for r in rs]
        for text in texts:
            assert grid.blind_half(text) == half and seen.setdefault(text, half) == half
        for _kind, text in grid.probes(half):
            assert "{" not in text and "}" not in text, text
    # Only the dev halves' misses are ever listed.
    assert "blind_held_out" not in grid.LISTED and "held_out" not in grid.LISTED
