"""Every rule's own hit and miss examples, and checks over the catalogue itself."""

import re

import pytest

from checker import check
from checker.stages.rules import CHECKS, CatalogueError, catalogue, parse_catalogue

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


BAD_CATALOGUES = [
    ("duplicate id", '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight=1\npatterns=["x"]\n' * 2),
    ("bad pattern", '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight=1\npatterns=["("]\n'),
    ("missing", '[[rule]]\nid="a"\ntitle="t"\nwhy="w"\nwhy_en="w"\nweight=1\npatterns=["x"]\n'),
    ("no matcher", '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight=1\n'),
    ("unknown check", '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight=1\ncheck="nope"\n'),
    ("unknown context", '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight=1\npatterns=["@nope"]\n'),
]
HEADER = '[verdict]\nscale=3.0\nsuspicious=0.4\nhigh_risk=0.7\nmodel_weight=1.5\n[negation]\nbefore=["不要"]\nafter=["骗局"]\n'


@pytest.mark.parametrize(("what", "body"), BAD_CATALOGUES, ids=[w for w, _ in BAD_CATALOGUES])
def test_a_malformed_catalogue_fails_loudly_with_the_rule_id(what, body):
    with pytest.raises(CatalogueError, match="rule a"):
        parse_catalogue(HEADER + body)


def _texts():
    import json
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent
    for name in ("data/corpus.jsonl", "tests/golden.jsonl"):
        for line in open(root / name, encoding="utf-8"):
            yield json.loads(line)["text"]
    for rule in RULES:
        yield from rule.examples_hit
        yield from rule.examples_miss


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
