"""The fraud taxonomy: its size, its loader's errors, and that rules and advice keep to it."""

import re
import tomllib
from importlib import resources

import pytest

from checker.stages import taxonomy
from checker.stages.claims import judgements
from checker.stages.rules import CatalogueError, catalogue, parse_catalogue
from checker.stages.taxonomy import TaxonomyError, parse_taxonomy

TYPES = taxonomy.types()
FRAUD = [t for t in TYPES if t.kind == "fraud"]
GENUINE = [t for t in TYPES if t.kind == "genuine"]
RULES = catalogue().rules

# The ids fraud_taxonomy.md Part A.1 suggests: the corpus, the model and the advice use them verbatim.
REFERENCE_IDS = {
    "points_cash", "carrier_points", "token_expiry", "credit_limit_raise", "card_broker", "fake_fee_debit",
    "membership_autodebit", "million_cover", "fake_refund", "parcel_claim", "parcel_phish", "etc_phish",
    "medical_insurance", "social_security", "pension_cert", "fake_subsidy", "tax_refund", "traffic_fine_phish",
    "housing_fund_phish", "sim_realname", "card_frozen", "fake_loan", "fake_credit_cancel", "campus_loan_cancel",
    "task_scam", "recruit_lure", "stock_tip", "fake_boss", "fake_relative", "fake_landlord", "fake_teacher",
    "game_trade", "romance", "flight_change", "tv_prize", "fake_refund_notice", "power_bill", "fake_shop",
}
# Numbers fraud_taxonomy.md Part E counts as confirmed by official or media sources.
PART_E_CONFIRMED = {"95598", "12122", "12123", "12333", "12345", "12329", "12366", "12315", "4006695566", "4008200588"}
# A red flag about the form of a message, not its content, serves every type alike.
CROSS_CUTTING_RULES = {"disguised_text"}


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("checker").joinpath(f"data/{name}").read_text(encoding="utf-8"))


def _confirmed_numbers() -> set[str]:
    numbers = {n["value"] for item in _data("institutions.toml")["institution"] for n in item.get("numbers", [])}
    numbers |= set(_data("reference.toml")["channels"])
    return numbers | set(taxonomy.taxonomy().confirmed_numbers)


# A number as it would be dialled: digits, maybe grouped by dashes or spaces; not part of a domain
# (cdfy12368.gov.cn, 95508.com) or an id.
_NUMBER = re.compile(r"(?<![A-Za-z0-9.\-])\d(?:[\d\- ]*\d)?(?![\dA-Za-z]|\.[A-Za-z])")


def _numbers_in(text: str) -> list[str]:
    found = (re.sub(r"[\- ]", "", m.group()) for m in _NUMBER.finditer(text))
    return [n for n in found if len(n) >= 3]


def test_there_are_enough_types_of_each_kind():
    assert len(FRAUD) >= 40
    assert len(GENUINE) >= 25


def test_the_reference_ids_are_all_there_verbatim():
    assert set(taxonomy.fraud_ids()) >= REFERENCE_IDS


def test_the_public_api_agrees_with_itself():
    assert set(taxonomy.fraud_ids()) | set(taxonomy.genuine_ids()) == {t.id for t in TYPES}
    assert all(taxonomy.get(t.id) is t for t in TYPES)
    with pytest.raises(KeyError, match="no type nope"):
        taxonomy.get("nope")


def test_families_stay_few():
    assert len({t.family for t in TYPES}) <= 10


@pytest.mark.parametrize("entry", FRAUD, ids=[t.id for t in FRAUD])
def test_every_fraud_type_has_advice_and_a_source(entry):
    assert entry.advice and entry.advice_en and entry.hook and entry.request and entry.claims
    assert entry.sources


@pytest.mark.parametrize("entry", FRAUD, ids=[t.id for t in FRAUD])
def test_advice_that_does_not_hedge_rests_on_an_official_or_media_source(entry):
    if "需核实" not in entry.advice:
        assert any(s.assertable for s in entry.sources), "only 二手/代码 sources: the advice must say 需核实"


@pytest.mark.parametrize("entry", TYPES, ids=[t.id for t in TYPES])
def test_no_unconfirmed_number_is_printed(entry):
    # The hook may name a scam's own sender prefix ("00886"): a warning, never a number to call.
    confirmed = _confirmed_numbers()
    texts = (entry.advice, entry.advice_en, entry.looks_like, *entry.official_channels)
    unconfirmed = [n for text in texts for n in _numbers_in(text) if n not in confirmed]
    assert not unconfirmed


def test_the_extra_confirmed_numbers_are_those_the_reference_confirms():
    assert set(taxonomy.taxonomy().confirmed_numbers) <= PART_E_CONFIRMED


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("拨打 12368 或 400-820-0588", ["12368", "4008200588"]),
        ("在 cdfy12368.gov.cn 或 95508.com 查看", []),
        ("十年有效期", []),
    ],
)
def test_the_number_finder_sees_numbers_not_domains(text, numbers):
    assert _numbers_in(text) == numbers


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_names_the_types_it_serves(rule):
    if rule.id not in CROSS_CUTTING_RULES:
        assert rule.types, "add types = [...] naming the taxonomy ids this rule serves"
    wanted = "genuine" if rule.weight < 0 else "fraud"
    assert all(taxonomy.get(t).kind == wanted for t in rule.types)


def test_flags_carry_their_types():
    from checker import check

    flags = check("您的网贷已逾期，请于今日将欠款转入指定账户，否则移交法院。").flags
    assert flags
    for flag in flags:
        assert flag.to_dict()["types"] == list(flag.types)
        if flag.id.startswith("model_"):  # the model's named flag: the type it reads like, no rule
            assert flag.types in ((flag.id.removeprefix("model_"),), ())
            continue
        rule_types = {r.id: r.types for r in RULES}
        # The claims stage's judgements (data/claims.toml) name their types too.
        rule_types |= {j["id"]: tuple(j["types"]) for j in judgements().values()}
        assert flag.types == rule_types[flag.id]


_GOOD_FRAUD = """
[[type]]
id = "points_cash"
kind = "fraud"
family = "bank_card"
name = "n"
name_en = "n"
hook = "h"
request = ["click"]
claims = ["bank"]
advice = "a"
advice_en = "a"
sources = [{ url = "https://example.org/a", trust = "官方" }]
"""


def _without(key: str) -> str:
    return "\n".join(line for line in _GOOD_FRAUD.splitlines() if not line.startswith(f"{key} ="))


BAD_TAXONOMIES = [
    ("missing advice", _without("advice"), "type points_cash: missing advice"),
    ("missing sources", _without("sources"), "type points_cash: missing sources"),
    ("missing kind", _without("kind"), "type points_cash: missing kind"),
    ("missing id", _without("id"), r"type #1: missing id"),
    ("duplicate id", _GOOD_FRAUD * 2, "type points_cash: duplicate id"),
    ("bad kind", _GOOD_FRAUD.replace('"fraud"', '"maybe"'), "type points_cash: kind must be"),
    ("bad request", _GOOD_FRAUD.replace('["click"]', '["click", "dance"]'), "type points_cash: unknown request dance"),
    ("empty request", _GOOD_FRAUD.replace('["click"]', "[]"), "type points_cash: missing request"),
    ("no url", _GOOD_FRAUD.replace('url = "https://example.org/a", ', ""), "type points_cash: source 1 has no url"),
    ("no trust", _GOOD_FRAUD.replace(', trust = "官方"', ""), "type points_cash: source 1 has no trust"),
    ("bad trust", _GOOD_FRAUD.replace('"官方"', '"可靠"'), "type points_cash: source 1 has an unknown trust"),
    ("bad url", _GOOD_FRAUD.replace("https://example.org/a", "example.org"), "type points_cash: source 1 has a bad url"),
    ("code url off code", _GOOD_FRAUD.replace("https://example.org/a", "code:x"), "source 1 has a bad url"),
    ("genuine prefix", _GOOD_FRAUD.replace('"points_cash"', '"genuine_points"'), "type genuine_points: genuine"),
    ("genuine without looks_like", _GOOD_FRAUD.replace('"fraud"', '"genuine"').replace('"points_cash"', '"genuine_x"'),
     "type genuine_x: missing looks_like"),
    ("not toml", "[[type]\n", "not valid TOML"),
    ("empty", "", "no \\[\\[type\\]\\] entries"),
]


@pytest.mark.parametrize(("what", "raw", "message"), BAD_TAXONOMIES, ids=[w for w, _, _ in BAD_TAXONOMIES])
def test_a_malformed_taxonomy_fails_naming_the_file_and_key(what, raw, message):
    with pytest.raises(TaxonomyError, match=f"^taxonomy.toml: .*{message}|^taxonomy.toml: {message}"):
        parse_taxonomy(raw)


def test_a_well_formed_entry_loads():
    (entry,) = parse_taxonomy(_GOOD_FRAUD).types
    assert (entry.id, entry.request, entry.sources[0].trust) == ("points_cash", ("click",), "官方")


_RULE = '[[rule]]\nid="a"\ntitle="t"\ntitle_en="t"\nwhy="w"\nwhy_en="w"\nweight={weight}\npatterns=[{{name="x", regex="x"}}]\ntypes={types}\n'
_HEADER = '[verdict]\nscale=3.0\nsuspicious=0.4\nhigh_risk=0.7\nmodel_weight=1.5\n[negation]\nbefore=["不要"]\nafter=["骗局"]\ninside=["不会"]\n'
BAD_RULE_TYPES = [
    ("unknown id", 1, '["no_such_type"]', "unknown type no_such_type"),
    ("genuine on a red flag", 1, '["genuine_otp"]', "type genuine_otp is genuine"),
    ("fraud on a lowering rule", -1, '["points_cash"]', "type points_cash is fraud"),
    ("not a list", 1, '"points_cash"', "types must be a list"),
]


@pytest.mark.parametrize(("what", "weight", "types", "message"), BAD_RULE_TYPES, ids=[w for w, *_ in BAD_RULE_TYPES])
def test_a_rule_naming_a_bad_type_fails_with_the_rule_id(what, weight, types, message):
    with pytest.raises(CatalogueError, match=f"rule a: {message}"):
        parse_catalogue(_HEADER + _RULE.format(weight=weight, types=types))
