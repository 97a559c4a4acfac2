"""Every rule's own hit and miss examples, and checks over the catalogue itself."""

import json
import pathlib
import re
import tomllib

import pytest

from checker import check
from checker.stages.rules import CHECKS, CatalogueError, _anchored, catalogue, parse_catalogue

RULES = catalogue().rules
HITS = [(r.id, text) for r in RULES for text in r.examples_hit]
MISSES = [(r.id, text) for r in RULES for text in r.examples_miss]


@pytest.mark.parametrize(("rule_id", "text"), HITS, ids=[f"{r}-hit{i}" for i, (r, _) in enumerate(HITS)])
def test_rule_fires_on_its_hit_examples(rule_id, text):
    result = check(text)
    flags = {f.id: f for f in result.flags}
    assert rule_id in flags, f"{rule_id} did not fire; fired: {sorted(flags)}"
    for evidence in flags[rule_id].evidence:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(("rule_id", "text"), MISSES, ids=[f"{r}-miss{i}" for i, (r, _) in enumerate(MISSES)])
def test_rule_stays_quiet_on_its_miss_examples(rule_id, text):
    assert rule_id not in {f.id for f in check(text).flags}


def test_every_rule_has_examples_both_ways():
    for rule in RULES:
        assert rule.examples_hit, rule.id
        assert rule.examples_miss, rule.id


def test_ids_are_unique_lower_snake_and_texts_present():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert re.fullmatch(r"[a-z][a-z0-9_]+", rule.id), rule.id
        for text in (rule.title, rule.title_en, rule.why, rule.why_en):
            assert text.strip(), rule.id
        assert re.search(r"[\u4e00-\u9fff]", rule.title), rule.id
        assert not re.search(r"[\u4e00-\u9fff]", rule.title_en), rule.id


def test_weights_are_in_range_and_both_signs_exist():
    weights = [r.weight for r in RULES]
    assert all(-3.0 <= w <= 5.0 and w != 0 for w in weights)
    assert any(w < 0 for w in weights) and any(w > 0 for w in weights)


def test_every_named_check_exists_and_is_used():
    used = {r.check for r in RULES if r.check}
    assert used <= set(CHECKS)
    assert set(CHECKS) <= used, "a check function no rule uses is dead code"


def test_issue_catalogue_is_covered():
    """The sixteen kinds of red flag the first issue lists each have at least one rule."""
    ids = {r.id for r in RULES}
    required = {
        "pay_to_personal_account", "debtor_fee_demand", "legal_sender_without_details", "pseudo_law_firm",
        "legal_identifier_invalid", "chat_app_contact", "private_mobile_contact", "risky_link",
        "short_link_money", "arrest_threat", "third_party_pressure", "extreme_deadline",
        "freeze_enforcement_threat", "court_claim_without_case_number", "credential_request",
        "screen_share_meeting", "download_app_money", "debt_relief_offer", "authority_impersonation",
        "sender_tag_mismatch", "fake_antifraud_notice", "pay_in_official_app", "official_numbers_only",
        "genuine_court_format",
    }
    assert required <= ids


RULE_A = '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight=1\n'
X = 'patterns=[{name="x", regex="x"}]\n'
BAD_CATALOGUES = [
    ("duplicate id", (RULE_A + X) * 2),
    ("bad pattern", RULE_A + 'patterns=[{name="x", regex="("}]\n'),
    ("missing", RULE_A.replace('title_en="t"\n', "") + X),
    ("no matcher", RULE_A),
    ("unknown check", RULE_A + 'check="nope"\n'),
    ("unknown context", RULE_A + X + 'requires=["@nope"]\n'),
    ("unknown request kind", RULE_A + X + 'asks=["teleport"]\n'),
    ("asks_outside without asks", RULE_A + X + "asks_outside=true\n"),
    ("asks_outside not a boolean", RULE_A + X + 'asks=["pay"]\nasks_outside="yes"\n'),
    ("accuses without asks_outside", RULE_A + X + 'asks=["pay"]\naccuses=["涉嫌"]\n'),
    ("or_unjudged_story without requires", RULE_A + X + "or_unjudged_story=true\n"),
    ("or_unjudged_story not a boolean", RULE_A + X + 'requires=["x"]\nor_unjudged_story="yes"\n'),
    ("opener not a boolean", RULE_A + X + 'opener="yes"\n'),
    ("opener that lowers", RULE_A.replace("weight=1", "weight=-1") + X + "opener=true\n"),
    ("refuted without never_genuine", RULE_A + X + "refuted=['y']\n"),
    ("refuted not a list", RULE_A + X + "never_genuine=true\nrefuted='y'\n"),
    ("refuted empty", RULE_A + X + "never_genuine=true\nrefuted=[]\n"),
    ("refuted bad pattern", RULE_A + X + "never_genuine=true\nrefuted=['(']\n"),
    ("unnamed pattern", RULE_A + 'patterns=["x"]\n'),
    ("pattern name not lower_snake", RULE_A + 'patterns=[{name="Fee-Then-Pay", regex="x"}]\n'),
    ("duplicate pattern name", RULE_A + 'patterns=[{name="x", regex="x"}, {name="x", regex="y"}]\n'),
    ("unknown pattern key", RULE_A + 'patterns=[{name="x", regex="x", weight=2}]\n'),
    ("claimed by an unknown person", RULE_A + 'patterns=[{name="x", regex="x", claimed=["alien"]}]\n'),
    ("claimed by nobody", RULE_A + 'patterns=[{name="x", regex="x", claimed=[]}]\n'),
    ("not_after without its anchor", RULE_A + 'patterns=[{name="x", regex="x", not_after="y"}]\n'),
    ("not_after not a string", RULE_A + 'patterns=[{name="x", regex="x", not_after=["y$"]}]\n'),
    ("two unnamed conditions on one kind", RULE_A + 'entities=[{kind="phone"}, {kind="phone"}]\n'),
]
HEADER = '[verdict]\nscale=3.0\nsuspicious=0.4\nhigh_risk=0.7\nmodel_weight=1.5\n[negation]\nbefore=["不要"]\nafter=["骗局"]\n'


@pytest.mark.parametrize(("what", "body"), BAD_CATALOGUES, ids=[w for w, _ in BAD_CATALOGUES])
def test_a_malformed_catalogue_fails_loudly_with_the_rule_id(what, body):
    with pytest.raises(CatalogueError, match="rule a"):
        parse_catalogue(HEADER + body)


ROOT = pathlib.Path(__file__).resolve().parent.parent


def _jsonl_texts(name: str) -> list[str]:
    with open(ROOT / name, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def _texts():
    for name in ("data/corpus.jsonl", "tests/golden.jsonl"):
        yield from _jsonl_texts(name)
    for rule in RULES:
        yield from rule.examples_hit
        yield from rule.examples_miss


@pytest.mark.sweep
def test_the_needs_gate_never_changes_a_result():
    """`needs` only skips rules that could not have fired: compare with the gate off."""
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize
    from checker.stages.rules import Message, evaluate_rule

    cat = catalogue()
    for text in _texts():
        norm = normalize(text)
        msg = Message.of(norm, extract(norm), cat)
        for rule in cat.rules:
            if rule.needs:
                assert evaluate_rule(rule, msg) == evaluate_rule(rule, msg, gate=False), (rule.id, text)


@pytest.mark.sweep
def test_the_rule_index_never_leaves_out_a_rule_that_fires():
    """find_flags tries only the rules _candidates picks (triggers, entity kinds, `needs` characters):
    every rule that fires when all are tried is among them."""
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize
    from checker.stages.rules import Message, _candidates, evaluate_rule

    cat = catalogue()
    for text in _texts():
        norm = normalize(text)
        msg = Message.of(norm, extract(norm), cat)
        chosen = {rule.id for rule in _candidates(cat, msg)}
        fired = {rule.id for rule in cat.rules if evaluate_rule(rule, msg) is not None}
        assert fired <= chosen, (fired - chosen, text)


@pytest.mark.parametrize(
    ("text", "tried"),
    [
        ("公安机关通知：您的账户涉嫌洗钱，请尽快处理。", True),  # 公安: authority_impersonation's needs are met
        ("您的账户涉嫌洗钱，请尽快处理。", False),  # none of its literals can be there: not tried at all
    ],
)
def test_a_rule_whose_needs_cannot_be_met_is_not_tried(text, tried):
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize
    from checker.stages.rules import Message, _candidates

    cat = catalogue()
    norm = normalize(text)
    chosen = {rule.id for rule in _candidates(cat, Message.of(norm, extract(norm), cat))}
    assert ("authority_impersonation" in chosen) is tried


# --- catalogue lint: every pattern named, every alternative needed, every rule alive --------------


def _top_level_alternatives(regex: str) -> list[str]:
    """`a|b(?:c|d)` -> ['a', 'b(?:c|d)']: the branches a reader sees, each a regex of its own."""
    branches, current, depth, in_class, i = [], "", 0, False, 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            current += regex[i : i + 2]
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(current)
            current, i = "", i + 1
            continue
        current += char
        i += 1
    return [*branches, current]


def test_top_level_alternatives_split_where_a_reader_would():
    assert _top_level_alternatives(r"a|b(?:c|d)|[|]e|\||f") == ["a", "b(?:c|d)", "[|]e", r"\|", "f"]


def test_every_pattern_is_named_lower_snake_and_names_are_unique():
    for rule in RULES:
        names = rule.pattern_names + tuple(f"entity:{c.name}" for c in rule.entities)
        assert len(names) == len(set(names)), rule.id
        for name in rule.pattern_names + tuple(c.name for c in rule.entities):
            assert re.fullmatch(r"[a-z][a-z0-9_]*", name), (rule.id, name)
        if rule.patterns is not None:
            assert set(rule.patterns.compiled.groupindex) >= set(rule.pattern_names), rule.id


@pytest.fixture(scope="module")
def normalised_shared_texts():
    from checker.stages.normalize import normalize

    return [normalize(t).text for name in ("data/corpus.jsonl", "tests/golden.jsonl") for t in _jsonl_texts(name)]


def test_no_pattern_alternative_is_dead(normalised_shared_texts):
    """Each top-level alternative matches something: the corpus, the golden set or the rule's own examples."""
    import tomllib

    from checker.stages.normalize import normalize

    raw = (ROOT / "checker" / "data" / "rules.toml").read_text(encoding="utf-8")
    shared = "\n".join(normalised_shared_texts)
    dead = []
    for item in tomllib.loads(raw)["rule"]:
        own = "\n".join(normalize(t).text for t in item.get("examples_hit", []) + item.get("examples_miss", []))
        for pattern in item.get("patterns", []):
            for branch in _top_level_alternatives(pattern["regex"]):
                compiled = re.compile(branch)
                if not (compiled.search(own) or compiled.search(shared)):
                    dead.append(f"{item['id']}.{pattern['name']}: {branch}")
    assert not dead, "alternatives that match nothing:\n" + "\n".join(dead)


@pytest.mark.sweep
def test_every_rule_fires_on_the_corpus():
    fired = {flag.id for text in _jsonl_texts("data/corpus.jsonl") for flag in check(text).flags}
    assert not [r.id for r in RULES if r.id not in fired]


def test_evidence_names_the_pattern_entity_condition_or_check_that_found_it():
    flags = {f.id: f for f in check(
        "【律师函】本律师受委托通知您：请今日缴纳律师费2000元至指定账户6222021234567890123。"
    ).flags}
    produced = {(rule_id, e.pattern) for rule_id, f in flags.items() for e in f.evidence}
    assert ("debtor_fee_demand", "pay_then_fee") in produced
    assert ("pay_to_personal_account", "personal_or_designated_account") in produced
    assert ("pay_to_personal_account", "entity:bank_card") in produced
    assert ("legal_sender_without_details", "check:legal_sender_without_details") in produced
    evidence = flags["debtor_fee_demand"].evidence[0]
    assert evidence.to_dict()["pattern"] == "pay_then_fee"


def test_every_pattern_of_the_shipped_catalogue_compiles():
    """catalogue() compiles a pattern only when a message first reaches it: compile them all here."""
    from importlib import resources

    raw = resources.files("checker").joinpath("data/rules.toml").read_text(encoding="utf-8")
    assert parse_catalogue(raw, compile_now=True).rules


# --- the checks' word lists (data/lexicons.toml) ---------------------------------------------------

GOOD_LEXICONS = "".join(
    f'[{name}]\npatterns = ["x"]\n'
    for name in ("legal_claim", "legal_word", "legal_own_client", "legal_threat", "court_claim", "debt", "counterparty", "antifraud_claim", "court_money")
)
BAD_LEXICONS = [
    ("missing list", GOOD_LEXICONS.replace('[debt]\npatterns = ["x"]\n', ""), r"\[debt\] is missing"),
    ("unknown list", GOOD_LEXICONS + '[spare]\npatterns = ["x"]\n', "unknown list spare"),
    ("bad pattern", GOOD_LEXICONS.replace('[debt]\npatterns = ["x"]', '[debt]\npatterns = ["("]'), r"\[debt\] bad pattern"),
    ("not strings", GOOD_LEXICONS.replace('[debt]\npatterns = ["x"]', "[debt]\npatterns = [1]"), r"\[debt\] patterns must"),
    ("unknown key", GOOD_LEXICONS.replace('[debt]\npatterns = ["x"]', '[debt]\npatterns = ["x"]\nweight = 1'), r"\[debt\] has unknown"),
]


def test_the_shipped_lexicons_load_and_a_good_file_parses():
    from checker.stages.rules import lexicons, parse_lexicons

    assert set(lexicons()) == set(parse_lexicons(GOOD_LEXICONS))


@pytest.mark.parametrize(("what", "raw", "message"), BAD_LEXICONS, ids=[w for w, *_ in BAD_LEXICONS])
def test_a_malformed_lexicon_fails_naming_the_file_and_the_list(what, raw, message):
    from checker.stages.rules import parse_lexicons

    with pytest.raises(CatalogueError, match=r"lexicons\.toml: " + message):
        parse_lexicons(raw)


# A sender's denial of its own asking (rules.toml [negation] disowning) is no request even where the
# judgement flagged another request of the message; a warning word or a fresh imperative is not one.
DISOWNED = [
    "【宏远置业】尊敬的业主，剩余房款请按合同约定缴入项目预售资金监管账户，我司员工不会以任何理由要求您向个人账户转账。如有疑问请致电4000145004核实扣款。",
    "【吉顺汽车】定金请转入公司对公账户，销售顾问不会要求转账到个人账户。您的车贷将于今日扣款，咨询400 056 8664。",
]
NOT_DISOWNED = [
    "本所不会让您白等，请将律师费转入个人账户6222021234567890123。",
    "本所不会让您白等请将律师费转入个人账户6222021234567890123。",
    "您的年费将于今日扣除，如有疑问请致电4008201234，请将费用转入个人账户6222021234567890123。",
]


@pytest.mark.parametrize("text", DISOWNED)
def test_a_sender_disowning_the_ask_is_no_request(text):
    result = check(text)
    assert "pay_to_personal_account" not in {f.id for f in result.red_flags}
    assert ("pay_to_personal_account", "sender_disowns") in {(s.rule, s.filter) for s in result.suppressed}


@pytest.mark.parametrize("text", NOT_DISOWNED)
def test_a_disowning_word_before_a_fresh_ask_does_not_reach_it(text):
    assert "pay_to_personal_account" in {f.id for f in check(text).red_flags}


# A line that only reassures, warns or pads, slipped between two clauses a pattern reads together, is
# an aside (rules.py _asides): the pattern reads across it. A genuine sender's own short line stays
# what it was, aside or not; a line that gives a channel of its own is no aside.
PARTED = [
    "【某平台】您的会员即将自动扣除年费1288元，如需取消，温馨提示：谨防诈骗，切勿向陌生账户转账。请致电客服热线。",
    "您的百万保障将于今晚自动扣费，如需关闭，本周末社区将举办便民服务活动，欢迎居民朋友们积极参加。请联系客服。",
    "您的会员每月扣费30元，如需取消，（谨防骗局）【北京市朝阳区人民法院】请致电客服。",
]
NOT_PARTED = [
    "【工商银行】您的短信通知服务每月扣费2元，如需取消，温馨提示：谨防诈骗。请致电95588。",
    "【某视频】您的会员将于明日自动续费25元，如需取消，感谢您的支持。请在App内操作。",
    "您已订购视频彩铃业务，每月扣费5元，如需退订，祝您生活愉快。请拨打10086。",
]


@pytest.mark.parametrize("text", PARTED)
def test_a_pattern_reads_across_an_aside(text):
    result = check(text)
    flag = next(f for f in result.red_flags if f.id == "cancel_charge_by_calling")
    assert all(text[e.start : e.end] == e.text for e in flag.evidence)
    assert result.verdict != "low_risk"


@pytest.mark.parametrize("text", NOT_PARTED)
def test_an_aside_joins_nothing_a_genuine_notice_did_not_say(text):
    result = check(text)
    assert "cancel_charge_by_calling" not in {f.id for f in result.red_flags}
    assert result.verdict == "low_risk"


def test_a_line_with_a_channel_of_its_own_is_no_aside():
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize
    from checker.stages.rules import Message, _aside_spans, catalogue

    norm = normalize("如需取消，温馨提示：加微信abc12345办理。请致电客服热线。")
    msg = Message.of(norm, extract(norm), catalogue())
    assert all("abc12345" not in norm.text[a:b] for a, b in _aside_spans(msg, 0) + _aside_spans(msg, 1))


# hole13: what the model reads a message without as well (rules.model_asides): clause by clause, a line
# glued on after the message's own words from its cue, a bracket that warns, the first line too; never
# a clause that gives a channel of its own or holds the message's own request.
@pytest.mark.parametrize(
    ("text", "aside", "kept"),
    [
        ("【反诈中心】提醒：近期诈骗高发，请提高警惕。点击 kd-xiugai.top/q 修改地址", "请提高警惕", "kd-xiugai.top"),
        ("会员今晚扣费998元，取消请加微信kf_qx2291如有疑问请致电95588。", "如有疑问请致电95588", "kf_qx2291"),
        ("（谨防骗局）快递丢了，双倍赔，加QQ 1314160818", "谨防骗局", "1314160818"),
        ("温馨提示：加微信abc12345办理。", "温馨提示", "abc12345"),
        ("您好，收到您的简历，请回复邮箱。", "您好", "请回复邮箱"),
        # round 28: a case's or a warning's heading as a tag, before a scam that gives its own channel (red team narrated)
        ("【警情通报】市民王某低价蓝牙耳机 加help_yzj2628，谨防被骗3000元。", "【警情通报】", "help_yzj2628"),
        ("【案例】一名用户提额至80000 点k3s.vip/9x9 详情请以页面为准。", "【案例】", "k3s.vip/9x9"),
        ("【反诈小课堂】兼职刷单 日结 加微信kf_wx8890", "【反诈小课堂】", "kf_wx8890"),
    ],
)
def test_hole13_the_model_reads_a_message_without_its_asides(text, aside, kept):
    from checker.stages.claims import read
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize
    from checker.stages.rules import model_asides

    norm = normalize(text)
    entities = extract(norm)
    held = [(r.evidence.start, r.evidence.end) for r in read(norm, entities).requests if r.through != "official"]
    spans = [norm.text[a:b] for a, b in model_asides(norm, entities, held)]
    assert any(normalize(aside).text in s for s in spans), spans
    assert all(normalize(kept).text not in s for s in spans), spans


_REFERENCE = pathlib.Path(__file__).parent.parent / "checker" / "data" / "reference.toml"


@pytest.mark.parametrize("app", tomllib.loads(_REFERENCE.read_text(encoding="utf-8"))["official_apps"]["names"])
def test_download_app_money_never_fires_on_an_official_app(app):
    """download_app_money leaves out the official apps of reference.toml by name: the two lists stay alike."""
    flags = {f.id for f in check(f"您的借款已逾期，请下载{app}App核实。").red_flags}
    assert "download_app_money" not in flags


# Round 55 (dev half): 12381 warnings need no reply or call-back (domain.md 1b): a message that opens as 12381 and asks the reader
# to call back, dial or reply to anything but 96110, 110, 12381 or 12321 is flagged, a number masked or none at all; the real
# warning's "如有疑问请拨打96110", "请勿回复", "无需回拨" are not. Before round 55 the first two rows were low_risk.
TWELVE381_CALL_BACK = [
    ("【12381涉诈预警】尊敬的用户，您的银行卡被他人用于诈骗收款，请回拨专线 010-5***8712 配合核查，拒不配合将依法追究责任。", True),
    ("【12381】您的抖音账号涉嫌为诈骗团伙引流，账号将被永久冻结并上报征信，如有异议请拨打 0571-8***5320 处理。", True),
    ("【12381】您的银行卡涉嫌诈骗收款，请回拨专线配合核查。", True),
    ("【12381】您可能正在遭遇冒充公检法诈骗，请立即停止转账。如有疑问请拨打96110咨询。", False),
    ("【12381】您正在接触疑似刷单诈骗，请勿回复对方，无需回拨本号码。", False),
    ("12381提醒：您可能遭遇冒充客服诈骗，请勿向陌生账户转账，如有疑问可拨打110报警。", False),
    ("【国家反诈中心】请您及时接听96110来电。", False),
]


@pytest.mark.parametrize(("text", "flagged"), TWELVE381_CALL_BACK)
def test_round55_a_12381_message_that_asks_for_a_call_back(text, flagged):
    assert ("fake_antifraud_notice" in {f.id for f in check(text).red_flags}) == flagged


# rules._opened_matches reads only the patterns a ^ anchors (rules._anchored): not a class's negation, nor an escaped caret.
@pytest.mark.parametrize(
    ("pattern", "anchored"),
    [("(?:^|(?<=[\\s,]))我", True), ("^是我", True), ("[^。]{0,8}加我", False), ("\\^_\\^", False), ("加我[^。!?]{0,4}", False)],
)
def test_a_pattern_is_anchored_only_by_a_caret_that_anchors(pattern, anchored):
    assert _anchored(pattern) is anchored
