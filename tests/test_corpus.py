"""The training corpus (data/corpus.jsonl) against the taxonomy and against copying.

Every row names a type of checker/data/taxonomy.toml (a fraud type for scam rows, a genuine format
for legit rows); every fraud type and every genuine format has enough rows to be learnt; the
documented hard negatives are really there; variants of one message share a group (so grouped
cross-validation stays honest); no text was copied from the evaluation sets (read here only to
assert that absence); and the data card's counts are the ones the builder generates.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import re
import sys
from collections import Counter, defaultdict

import pytest

from checker.stages import taxonomy

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus.jsonl"
EVAL_DIR = ROOT.parent / "shared" / "eval"
MIN_LEGIT_ROWS_PER_GENUINE_FORMAT = 40
MIN_LEGIT_ROWS = 2500
MIN_SCAM_ROWS_PER_FRAUD_TYPE = 40
MIN_SCAM_ROWS = 3000
COPY_WINDOW = 30  # a shared run of this many characters counts as copied
FIELDS = {"id", "text", "label", "kind", "type", "group", "provenance"}

ROWS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
LEGIT = [r for r in ROWS if r["label"] == "legit"]
LEGIT_TYPES = Counter(r["type"] for r in LEGIT)
SCAM_TYPES = Counter(r["type"] for r in ROWS if r["label"] == "scam")


def test_every_row_has_the_fields_of_the_data_card():
    # "model": false (a source block's `@model no`) is the one optional field.
    assert [r["id"] for r in ROWS if set(r) - {"model"} != FIELDS or r.get("model", False) is not False] == []


def test_rows_kept_from_the_model_are_genuine_retellings_and_few():
    kept_out = [r for r in ROWS if r.get("model") is False]
    assert {r["label"] for r in kept_out} <= {"legit"}
    assert 0 < len(kept_out) < 0.05 * len(ROWS)


def test_every_scam_row_names_a_fraud_type():
    fraud = set(taxonomy.fraud_ids())
    assert [(r["id"], r["type"]) for r in ROWS if r["label"] == "scam" and r["type"] not in fraud] == []


@pytest.mark.parametrize("fraud_type", taxonomy.fraud_ids())
def test_every_fraud_type_has_enough_scam_rows(fraud_type):
    assert SCAM_TYPES[fraud_type] >= MIN_SCAM_ROWS_PER_FRAUD_TYPE


def test_scam_rows_in_total():
    assert sum(SCAM_TYPES.values()) >= MIN_SCAM_ROWS


def test_every_legit_row_names_a_genuine_format():
    genuine = set(taxonomy.genuine_ids())
    assert [(r["id"], r["type"]) for r in LEGIT if r["type"] not in genuine] == []


@pytest.mark.parametrize("genuine_format", taxonomy.genuine_ids())
def test_every_genuine_format_has_enough_legit_rows(genuine_format):
    assert LEGIT_TYPES[genuine_format] >= MIN_LEGIT_ROWS_PER_GENUINE_FORMAT


def test_legit_rows_in_total():
    assert len(LEGIT) >= MIN_LEGIT_ROWS


# The hard negatives issue 9 asks for: genuine formats that carry the very words, links and codes a
# naive checker would flag (fraud_taxonomy.md Part B, domain.md 1b).
@pytest.mark.parametrize(
    ("genuine_format", "feature", "at_least"),
    [
        ("genuine_bank_movement", "对方户名", 20),
        ("genuine_cmb_movement", "付方", 10),
        ("genuine_ccb_movement", "[建设银行]", 30),
        ("genuine_card_spend", "可用额度", 20),
        ("genuine_bank_short_link", "cmbt.cn/", 10),
        ("genuine_bank_short_link", "95508.com/", 10),
        ("genuine_bank_short_link", "go.abchina.com/", 5),
        ("genuine_court_delivery_code", "验证码", 20),
        ("genuine_court_delivery_code", "查阅码", 5),
        ("genuine_court_edelivery", "sd.gdems.com", 5),
        ("genuine_court_edelivery", "jysd.10102368.com", 5),
        ("genuine_court_edelivery", "dzsd.hbfy.gov.cn", 3),
        ("genuine_court_edelivery", "http://171.106.", 3),
        ("genuine_12381_warning", "安全账户", 2),
        ("genuine_12381_warning", "刷单", 2),
        ("genuine_12381_warning", "征信修复", 1),
        ("genuine_antifraud_notice", "积分兑换现金", 2),
        ("genuine_otp", "请勿告诉他人", 10),
        ("genuine_housing_fund", "个人账户", 10),
        ("genuine_carrier_bill", "积分", 10),
        ("genuine_marketing", "退订", 100),
        ("genuine_law_firm_letter", "律师事务所", 40),
        ("genuine_lawful_collection", "异议", 5),
    ],
)
def test_the_documented_hard_negatives_are_there(genuine_format, feature, at_least):
    assert sum(feature in r["text"] for r in LEGIT if r["type"] == genuine_format) >= at_least


_LINK = re.compile(r"https?://|www\.|\.cn/|\.com/")


def test_12381_warnings_carry_no_link_and_no_number():
    """Real 12381 warnings contain no URL, no account and no number to call (domain.md 1b)."""
    bad = [
        r["id"]
        for r in LEGIT
        if r["type"] == "genuine_12381_warning"
        and (_LINK.search(r["text"]) or set(re.findall(r"\d{5,}", r["text"])) - {"12381", "96110"})
    ]
    assert bad == []


@pytest.fixture(scope="module")
def builder():
    """data/build_corpus.py, imported without running it (it is a script, not a package)."""
    data = str(ROOT / "data")
    sys.path.insert(0, data)  # the builder imports its sibling modules
    try:
        spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "data" / "build_corpus.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(data)
    return module


def test_the_corpus_is_what_the_builder_makes_of_the_sources(builder):
    records, _ = builder.build()
    assert builder.validate(*builder.build()) == []
    assert [json.loads(json.dumps(r, ensure_ascii=False)) for r in records] == ROWS


def test_the_data_card_counts_are_generated_by_the_builder(builder):
    records, groups = builder.build()
    card = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    block = card.split(builder.MARK_START, 1)[1].split(builder.MARK_END, 1)[0]
    assert block.strip() == builder.counts_markdown(records, groups).strip()
    for genuine_format in taxonomy.genuine_ids():
        assert f"| `{genuine_format}` |" in block


def test_no_duplicate_texts():
    seen: dict[str, str] = {}
    duplicates = []
    for row in ROWS:
        if row["text"] in seen:
            duplicates.append((seen[row["text"]], row["id"]))
        seen.setdefault(row["text"], row["id"])
    assert duplicates == []


@pytest.mark.parametrize("field", ["label", "type", "kind"])
def test_a_group_never_mixes(field):
    """Variants of one message share a group, and so its label, type and kind."""
    values = defaultdict(set)
    for row in ROWS:
        values[row["group"]].add(row[field])
    assert {g: v for g, v in values.items() if len(v) > 1} == {}


# ------------------------------------------------------------------ not copied from the eval sets
_NOT_TEXT = re.compile(r"[\s\W_]+")


def _forms(text: str) -> tuple[str, str]:
    """The text as it is, and with spaces and punctuation removed (copying may change only those)."""
    return text, _NOT_TEXT.sub("", text)


def _eval_texts() -> list[str]:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"{EVAL_DIR} absent")
    texts = []
    for path in sorted(EVAL_DIR.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    texts.append(text)
    if not texts:
        pytest.skip(f"no texts in {EVAL_DIR}")
    return texts


def copied_rows(rows: list[dict], other_texts: list[str]) -> list[str]:
    """Ids of rows equal to, or sharing a COPY_WINDOW-character run with, one of other_texts."""
    windows: dict[str, str] = {}
    whole: dict[str, str] = {}
    for row in rows:
        for form in _forms(row["text"]):
            whole.setdefault(form, row["id"])
            for start in range(len(form) - COPY_WINDOW + 1):
                windows.setdefault(form[start : start + COPY_WINDOW], row["id"])
    copied = set()
    for text in other_texts:
        for form in _forms(text):
            if form and form in whole:
                copied.add(whole[form])
            for start in range(len(form) - COPY_WINDOW + 1):
                hit = windows.get(form[start : start + COPY_WINDOW])
                if hit:
                    copied.add(hit)
    return sorted(copied)


_OURS = "【某银行】尊敬的客户，您的积分即将清零，请登录网站兑换现金，逾期作废，详询客服热线。"


@pytest.mark.parametrize(
    "other, copied",
    [
        (_OURS, True),  # the same text
        ("转发：" + _OURS[3:40] + "……", True),  # a 37-character run inside another text
        (_OURS.replace("，", " ").replace("。", ""), True),  # only the punctuation changed
        (_OURS[:29], False),  # 29 characters in common are not a copy
        ("完全不同的一条短信，说的是明天下午开会。", False),
    ],
)
def test_the_copy_check_finds_copies_and_only_copies(other, copied):
    assert copied_rows([{"id": "ours", "text": _OURS}], [other]) == (["ours"] if copied else [])


def test_no_corpus_text_is_copied_from_the_evaluation_sets():
    """Reports only our row ids, never an evaluation text."""
    assert copied_rows(ROWS, _eval_texts()) == []
