"""The shipped model: plain data equal to scikit-learn's pipeline, verified before it is read."""

import dataclasses
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import checker.stages.model as model_stage
from checker import check
from checker.stages import segment
from checker.stages.model import DICT_FILE, FLAT_FILE, MODEL_FILE, ModelError

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCAM = "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户，否则通知家人。"


@pytest.fixture
def model_dir(tmp_path, monkeypatch):
    """A copy of the shipped model file (the flat one a check reads) that a test may damage."""
    (tmp_path / FLAT_FILE).write_bytes(pathlib.Path(model_stage._model_files(), FLAT_FILE).read_bytes())
    monkeypatch.setattr(model_stage, "_model_files", lambda: tmp_path)
    model_stage.reset_cache()
    yield tmp_path
    model_stage.reset_cache()


def test_the_shipped_model_loads_and_is_used():
    model_stage.reset_cache()
    result = check(SCAM)
    assert result.model_status.startswith("ok") and result.model_probability is not None


def _truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _flip_a_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))


def _alter_the_intercept(path):
    data = path.read_bytes()
    at = data.index(b'"intercept":') + len(b'"intercept":')
    path.write_bytes(data[:at] + b"5" + data[at:])


DAMAGE = [
    ("missing model", FLAT_FILE, lambda p: p.unlink()),
    ("truncated model", FLAT_FILE, _truncate),
    ("corrupted model", FLAT_FILE, _flip_a_byte),
    ("altered weights", FLAT_FILE, _alter_the_intercept),
    ("empty model", FLAT_FILE, lambda p: p.write_bytes(b"")),
    ("replaced by a pickle", FLAT_FILE, lambda p: p.write_bytes(b"\x80\x04\x95\x00cos\nsystem\n")),
]


@pytest.mark.parametrize(("what", "name", "damage"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_damaged_model_is_refused_and_the_check_goes_on_rules_only(model_dir, what, name, damage):
    damage(model_dir / name)
    with pytest.raises(ModelError):
        model_stage.load()
    result = check(SCAM)
    assert result.model_status.startswith("unavailable")
    assert result.model_probability is None
    assert result.verdict == "high_risk"  # the rules alone still see the scam


def test_the_cli_says_plainly_when_the_model_is_unavailable(model_dir):
    from click.testing import CliRunner

    from checker.cli import cli

    (model_dir / FLAT_FILE).unlink()
    result = CliRunner().invoke(cli, ["check", SCAM])
    assert result.exit_code == 0 and "模型不可用" in result.stdout


def test_no_code_path_unpickles_anything():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "checker").glob("*.py"))
    for forbidden in ("pickle", "joblib.load", "marshal.load", "allow_pickle=True"):
        assert forbidden not in source


def _the_shipped_flat_file():
    return (ROOT / "models" / FLAT_FILE).read_bytes()


def _edit_the_head(data, old, new):
    return data.replace(old, new, 1)


# Damage that still passes a pin (a pin written for the damaged file): the reader itself refuses it.
MALFORMED = [
    ("truncated by a byte", lambda d: d[:-1]),
    ("a byte too many", lambda d: d + b"\0"),
    ("no magic line", lambda d: d[len(model_stage.FLAT_MAGIC) :]),
    ("head is not JSON", lambda d: _edit_the_head(d, b'{"agree', b'{agree')),
    ("one term more than listed", lambda d: _edit_the_head(d, b'"terms":', b'"terms":1')),
    (
        "wrong format",
        lambda d: _edit_the_head(
            d, b'"format_version":%d' % model_stage.FORMAT_VERSION, b'"format_version":%d' % (model_stage.FORMAT_VERSION + 1)
        ),
    ),
    ("more structure terms than terms", lambda d: _edit_the_head(d, b'"structure_terms":', b'"structure_terms":9')),
    ("dictionary total of zero", lambda d: d.replace(b',"total":', b',"total":0,"_":', 1)),
    # The frequencies end the file (little-endian int64): the high bit of its last byte makes the last one negative.
    ("a negative word frequency", lambda d: d[:-1] + bytes([d[-1] | 0x80])),
    ("a word frequency of -1", lambda d: d[:-8] + b"\xff" * 8),
]


@pytest.mark.parametrize("damage", [m[1] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_a_malformed_flat_model_is_refused_even_when_pinned(model_dir, monkeypatch, damage):
    damaged = damage(_the_shipped_flat_file())
    with pytest.raises(ModelError):
        model_stage.parse_flat(damaged)
    (model_dir / FLAT_FILE).write_bytes(damaged)
    monkeypatch.setattr(model_stage, "_pins", lambda: {"derived": {FLAT_FILE: hashlib.sha256(damaged).hexdigest()}})
    assert check(SCAM).model_status.startswith("unavailable")


def test_the_flat_model_is_what_model_json_and_the_dictionary_give():
    """A retrain cannot leave it stale: regenerated from the two files, byte for byte, and pinned."""
    from checker.lab import flatten

    assert flatten.stale(ROOT) is None, "run python -m checker.lab.flatten"


def test_the_flat_model_reads_as_the_json_model():
    flat = model_stage.load()
    plain = model_stage.parse((ROOT / "models" / MODEL_FILE).read_bytes(), (ROOT / "models" / DICT_FILE).read_bytes())
    for name in ("vocabulary", "intercept", "agree_threshold", "lift_threshold", "sublinear_tf", "namer", "placeholders"):
        assert getattr(flat, name) == getattr(plain, name), name
    for name in ("terms", "idf", "coef"):
        assert list(getattr(flat, name)) == list(getattr(plain, name)), name
    assert (flat.tokenizer.words, flat.tokenizer.unknown) == (plain.tokenizer.words, plain.tokenizer.unknown)


def test_a_check_imports_neither_scikit_learn_nor_numpy(tmp_path):
    code = (
        "import sys, checker; r = checker.check('您的借呗已逾期，请加微信abc12345处理'); "
        "assert r.model_probability is not None; "
        "print(sorted(m for m in ('sklearn', 'numpy', 'scipy', 'joblib') if m in sys.modules))"
    )
    # From a neutral directory, so that the installed package is the one imported.
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_source_checkout_finds_the_model_too():
    code = "import checker; print(checker.check('您的借呗已逾期，请加微信abc12345处理').model_status)"
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("ok"), done.stderr


# Retraining on the same data with the same pinned stack (the [train] extra) differs from the
# shipped numbers only in the last bits: the solver's BLAS sums in an order that depends on the CPU
# and its threads (measured: 2.6e-14 on a coefficient). 1e-9 is five orders above that noise, the
# same bound as the export check, and far below any change a probability would show.
RETRAIN_TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def retrained(tmp_path_factory):
    """Train again from data/ into a scratch root: the same data must give the same model.

    The hyper-parameter search is restricted to the shipped (C, min_df) and the nested evaluation
    (figures only) is left out: every step that makes the shipped files (dictionary, out-of-fold
    thresholds, final fits of detector and namer, export) runs in full.
    """
    pytest.importorskip("sklearn", reason="retraining needs the [train] extra (scikit-learn)")
    from checker.lab.train import train

    shipped = json.loads((ROOT / "models" / "metadata.json").read_text(encoding="utf-8"))
    root = tmp_path_factory.mktemp("root")
    (root / "data").mkdir()
    (root / "checker" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "corpus.jsonl", root / "data" / "corpus.jsonl")
    shutil.copy(ROOT / "checker" / "data" / "userdict.txt", root / "checker" / "data" / "userdict.txt")
    chosen = shipped["hyperparameters"]
    metadata = train(
        root, log=lambda line: None, grid=[(chosen["C"], chosen["min_df"], chosen["beta"])], nested=False, requests_trained_here=False
    )
    return root, metadata, shipped


def _differences(ours, theirs, path=""):
    """Where two JSON values differ: exactly for text and integers, within tolerance for floats."""
    if isinstance(theirs, float) and isinstance(ours, (float, int)):
        return [] if abs(ours - theirs) <= RETRAIN_TOLERANCE else [f"{path}: {ours} != {theirs}"]
    if isinstance(theirs, dict) and isinstance(ours, dict):
        if ours.keys() != theirs.keys():
            return [f"{path}: keys {sorted(ours.keys() ^ theirs.keys())[:5]}"]
        return [d for key in theirs for d in _differences(ours[key], theirs[key], f"{path}.{key}")]
    if isinstance(theirs, list) and isinstance(ours, list):
        if len(ours) != len(theirs):
            return [f"{path}: length {len(ours)} != {len(theirs)}"]
        return [d for i, (a, b) in enumerate(zip(ours, theirs)) for d in _differences(a, b, f"{path}[{i}]")]
    return [] if ours == theirs else [f"{path}: {ours!r:.60} != {theirs!r:.60}"]


def test_training_reproduces_the_shipped_model(retrained):
    root, metadata, shipped = retrained
    if metadata["sha256"]["data/corpus.jsonl"] != shipped["sha256"]["data/corpus.jsonl"]:
        # The corpus and the model are landed by different people: a new corpus lands first and the
        # model retrained on it follows. Until then there is nothing to reproduce; say so, loudly.
        pytest.skip("data/corpus.jsonl changed since models/ was trained: compare again after `checker train`")
    assert metadata["versions"] == shipped["versions"], "install the pinned training stack: pip install -e '.[train]'"
    assert (root / "models" / DICT_FILE).read_bytes() == (ROOT / "models" / DICT_FILE).read_bytes()
    ours = json.loads((root / "models" / MODEL_FILE).read_text(encoding="utf-8"))
    theirs = json.loads((ROOT / "models" / MODEL_FILE).read_text(encoding="utf-8"))
    assert _differences(ours, theirs)[:5] == []
    assert metadata["sha256"]["data/corpus.jsonl"] == shipped["sha256"]["data/corpus.jsonl"]


@pytest.mark.parametrize(
    ("ours", "theirs", "differs"),
    [
        ({"a": [1.0, 2.0]}, {"a": [1.0, 2.0 + 1e-12]}, False),
        ({"a": [1.0, 2.0]}, {"a": [1.0, 2.0 + 1e-6]}, True),
        ({"v": {"x": 1}}, {"v": {"x": 2}}, True),
        ({"v": {"x": 1}}, {"v": {"y": 1}}, True),
        ({"t": "a"}, {"t": "b"}, True),
        ([1.0], [1.0, 2.0], True),
    ],
)
def test_the_retrain_comparison_tolerates_only_rounding(ours, theirs, differs):
    assert bool(_differences(ours, theirs)) == differs


def test_plain_data_probabilities_equal_scikit_learn_on_the_whole_corpus(retrained):
    """train() refits the pipeline and compares it with the export on every message it trains on: the
    whole corpus but the retellings a source block keeps from the model (`"model": false`)."""
    _, metadata, _ = retrained
    assert metadata["export_max_abs_difference"] <= 1e-9
    rows = [json.loads(line) for line in (ROOT / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert metadata["corpus"]["messages"] == sum(1 for row in rows if row.get("model") is not False)


def test_metadata_records_versions_hashes_and_thresholds():
    metadata = json.loads((ROOT / "models" / "metadata.json").read_text(encoding="utf-8"))
    assert {"python", "scikit-learn", "jieba", "normalizer"} <= set(metadata["versions"])
    assert {"data/corpus.jsonl", "checker/data/userdict.txt"} <= set(metadata["sha256"])
    assert 0.5 <= metadata["agree_threshold"] <= metadata["lift_threshold"] < 1.0
    assert (ROOT / "models" / "MODEL_CARD.md").exists()


def test_shipped_model_is_small():
    size = (ROOT / "models" / FLAT_FILE).stat().st_size  # the wheel ships model.flat alone (pyproject.toml)
    assert size <= 5 * 1024 * 1024


# Our own scam sentences (written for this test), each one clause, each of a different taxonomy type.
SCAM_SENTENCES = [
    "尊敬的客户您的信用卡积分已满足兑换现金条件请登录网址领取逾期清零",
    "您的手机银行电子密码器今日到期请尽快登录网址升级否则账户将被冻结",
    "爸我换号了手机快停机了钱包也丢了先转两千块给我应急别告诉妈",
]
PADDING = "。今天天气不错，记得带伞。周末的家庭聚会改到周日中午，地点还是老地方。孩子的作业已经检查过了。"
STOP_WORDS = {"你", "我", "被", "的", "了", "您", "是", "在"}


@pytest.mark.parametrize("sentence", SCAM_SENTENCES)
def test_padding_cannot_dilute_a_scam_sentence(sentence):
    model = model_stage.load()
    from checker.stages.claims import read
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize

    def probability(text):
        norm = normalize(text)
        entities = extract(norm)
        return model.predict(norm, entities, read(norm, entities)).probability

    alone = probability(sentence)
    padded = probability(PADDING * 3 + sentence + PADDING * 3)
    assert padded >= alone - 1e-9


def test_the_models_opinion_is_a_named_flag_with_cues_on_the_paste():
    from checker.stages import taxonomy

    spoke = 0
    for text in (SCAM, *SCAM_SENTENCES):
        result = check(text)
        named = [f for f in result.flags if f.id.startswith(model_stage.MODEL_FLAG_PREFIX)]
        if not named:
            continue  # below its thresholds the model has no say; at least one below must have it
        spoke += 1
        (flag,) = named
        kind = flag.id.removeprefix(model_stage.MODEL_FLAG_PREFIX)
        assert kind.startswith(model_stage.FAMILY_PREFIX) or taxonomy.get(kind).is_fraud
        assert flag.title.startswith("措辞像“") and flag.weight > 0
        assert flag.evidence
        for evidence in flag.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
            assert len(evidence.text) >= 2 and evidence.text not in STOP_WORDS
    assert spoke >= 1


def test_the_model_alone_never_makes_high_risk(monkeypatch):
    """A message no positive rule fires on stays below high_risk whatever the model says."""
    from checker.pipeline import check_with

    sure = dataclasses.replace(model_stage.load(), intercept=50.0)
    result = check_with("周末一起吃饭吧，地方你来定，我请客。", lambda: sure)
    assert not [f for f in result.flags if f.weight > 0 and not f.id.startswith(model_stage.MODEL_FLAG_PREFIX)]
    assert result.verdict == "suspicious"
    assert any(f.id.startswith(model_stage.MODEL_FLAG_PREFIX) for f in result.flags)


def test_every_namer_class_is_a_fraud_type_or_a_family():
    from checker.stages import taxonomy

    for kind in model_stage.load().namer.classes:
        assert kind.id.startswith(model_stage.FAMILY_PREFIX) or taxonomy.get(kind.id).is_fraud, kind.id
        assert kind.name and kind.name_en


def _structure(text):
    from checker.stages.claims import read
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize

    norm = normalize(text)
    return model_stage.structure_terms(read(norm, extract(norm)))


# Our own messages (written for this test): what the structure must say, whatever the wording.
STRUCTURE_CASES = [
    (
        "【支付宝】您的花呗已逾期，请立即转账至个人账户6222021234567890128，联系专员13812345678。",
        {"§claim:platform", "§ask:pay", "§channel:phone:private"},
        set(),
    ),
    (
        "您的ETC卡已失效，请点击 etc-renew.top/x 重新认证。",
        {"§claim:government", "§ask:click:unofficial", "§channel:link:mismatch"},
        {"§ask:pay"},
    ),
    ("周末一起吃饭吧，地方你来定，我请客。", set(), {"§ask:pay", "§ask:click", "§ask:call"}),
    # Asking only through the platform's own app and hotline is no unofficial request.
    ("【支付宝】您的花呗本期账单已出，请登录支付宝App还款，或致电95188。", {"§claim:platform"}, {"§ask:pay", "§ask:call"}),
    # The reader's own money or account at stake (stakes.notice), with no request at all; and the same
    # words behind a denial still say it (a denial slipped in cannot take the term away, issue 8).
    ("您的账户存在异常，将于今日冻结。", {"§stakes:notice"}, {"§ask:pay"}),
    ("您的账户不会被冻结，请放心。", {"§stakes:notice"}, set()),
    ("周末一起吃饭吧，我请客。", set(), {"§stakes:notice"}),
]


@pytest.mark.parametrize("text, present, absent", STRUCTURE_CASES)
def test_the_structure_terms_say_what_a_message_claims_asks_and_through_what(text, present, absent):
    terms = set(_structure(text))
    assert present <= terms, terms
    assert not absent & terms, terms
    assert all(t.startswith(model_stage.STRUCTURE_MARK) for t in terms)


def test_the_structure_stands_beside_the_words_at_its_fixed_weight():
    model = model_stage.load()
    known = next(iter(model.structure))
    words_only = model.vector(["借呗", "逾期"])
    both = model.vector(["借呗", "逾期"], [known, "§never-seen"])
    assert both[model.structure[known]] == model.structure_weight > 0
    # The words' part is unchanged (normalised on its own); an unknown structure term is ignored.
    assert {i: v for i, v in both.items() if i != model.structure[known]} == words_only


def test_speed14_a_units_logit_is_its_vectors_to_the_last_bit():
    """predict() scores units without their vectors (issue 12): the same number as probability_of_indices."""
    import math

    model = model_stage.load()
    lookup = model.vocabulary.get
    structure = [*list(model.structure)[:3], "§never-seen"]
    products = [model.structure_weight * model.coef[model.structure[t]] for t in structure if t in model.structure]
    words = [lookup(t) for t in ("借呗", "逾期", "xurl", "#借呗", "不存在的词语啊")]
    for indices in ([], [None], words, words * 3, words[:2] * 70 + words[2:] * 200 + [None] * 5):
        for terms, extra in (((), []), (structure, products)):
            probability, _ = model.probability_of_indices(indices, terms)
            z = model._z_of_indices(indices, extra)
            assert model_stage._sigmoid(z) == probability and math.isfinite(z)


def test_structure_terms_are_never_shown_as_cues():
    result = check(SCAM)
    assert all(not cue.term.startswith(model_stage.STRUCTURE_MARK) for cue in result.model_cues)


def test_the_vocabulary_answers_alike_by_bisection_and_by_its_dictionary():
    terms = model_stage.load().vocabulary.terms
    bisected = model_stage.Vocabulary(terms)
    probes = [*terms[:: len(terms) // 50], "", "不在词表里的词", "\uffff", terms[-1] + "x"]
    first = bisected.lookup()
    answers = [first(term) for term in probes]
    for _ in range(segment.LAZY_MESSAGES):
        bisected.lookup()
    assert [bisected.lookup()(term) for term in probes] == answers
    assert answers[:-4] == [terms.index(t) for t in probes[:-4]] and answers[-4:] == [None] * 4


def _tiny_model(terms):
    return json.dumps({
        "format_version": model_stage.FORMAT_VERSION, "vocabulary": {t: i for i, t in enumerate(terms)},
        "idf": [1.0] * len(terms), "coef": [0.5] * (len(terms) + 1), "structure": {"terms": ["§ask:pay"], "weight": 0.25},
        "intercept": 0.0, "agree_threshold": 0.7, "lift_threshold": 0.8, "sublinear_tf": True,
        "namer": {"classes": [{"id": "x", "name": "x", "name_en": "x", "index": [0], "weight": [1.0], "intercept": 0.0}]},
    }).encode()


def test_the_flat_model_round_trips_and_refuses_unsorted_terms():
    from checker.lab.flatten import flatten

    dictionary = "律师 10\n律师费 5\n".encode()
    flat = model_stage.parse_flat(flatten(_tiny_model(["a", "b", "律师"]), dictionary))
    assert dict(flat.vocabulary) == {"a": 0, "b": 1, "律师": 2} and list(flat.coef) == [0.5] * 4
    assert flat.structure == {"§ask:pay": 3} and flat.structure_weight == 0.25
    with pytest.raises(ModelError):
        flatten(_tiny_model(["b", "a"]), dictionary)


# hole13 (issue 8): a message that asks through an unofficial channel is read by the model without its
# asides as well (rules.model_asides; pipeline.py), so a line of reassurance or warning put before it,
# after it or between two of its clauses does not talk the model's opinion down. Our own scam
# sentences; a genuine warning and genuine notices with such lines stay low.
ASKING_SCAMS = [
    "会员今晚扣费998元，取消请加微信kf_qx2291办理",
    "您的包裹地址有误无法派送，请点击 kd-xiugai.top/q 修改地址",
    "同学你好，兼职刷单日结三百，加QQ 3358334602 详聊",
    "爸我换号了，先转两千到这张卡6222021234567890123，急用",
]
ASIDE_LINES = [
    "如有疑问请致电95588。",
    "请登录支付宝App核实。",
    "（谨防骗局）",
    "本通知真实有效，请放心办理。",
    "谨防诈骗，切勿向陌生账户转账。",
    "【普法提醒】",
    "温馨提示：谨防电信诈骗。",
]
# Still open: a line that names an institution ("【反诈中心】提醒：…") adds a claim to the message's
# structure, which every unit reads.


def _placed(scam: str, line: str) -> list[str]:
    return [line + scam, scam + "。" + line, scam.replace("，", "，" + line, 1)]


@pytest.mark.parametrize("scam", ASKING_SCAMS)
def test_hole13_an_aside_does_not_talk_the_model_down(scam):
    alone = check(scam).model_probability
    lowered = [text for line in ASIDE_LINES for text in _placed(scam, line) if check(text).model_probability < alone - 1e-9]
    assert not lowered, lowered[:3]


@pytest.mark.parametrize(
    "text",
    [
        "【反诈中心】温馨提示：谨防冒充客服诈骗，凡是要求转账到安全账户的都是诈骗。如有疑问请拨打96110。",
        "【工商银行】您尾号1234的卡12月1日支出500.00元。如非本人操作请致电95588。祝您生活愉快！",
        "您好，快递已放在小区丰巢柜，取件码123456，如有疑问请联系快递员。",
        "温馨提示：您的话费余额不足10元，请登录中国移动App充值。",
    ],
)
def test_hole13_genuine_lines_with_asides_stay_low(text):
    assert check(text).verdict == "low_risk"


@pytest.mark.parametrize("starts", [[0, 1, 2, 5, 5, 5, 9, 10, 11, 30], [0, 1, 9, 2, 3, 3, 20, 4, 12, 11], []])
def test_speed14_the_kept_mask_is_outside_every_span(starts):
    """model._kept_mask (issue 12): 1 for a character from outside every pasted span, in paste order or not."""
    for spans in ([], [(0, 1)], [(2, 5)], [(1, 3), (5, 6), (9, 12)], [(3, 3), (3, 10)], [(0, 100)]):
        expected = bytes(int(not any(a <= at < b for a, b in spans)) for at in starts)
        assert model_stage._kept_mask(starts, spans) == expected


# notice19b: a warning's steps, each the scammer's words; and the same steps with the sender's own number.
RETOLD_STEPS = "贷款诈骗流程提醒：①发短信说您有5万元额度，秒到账；②让您下载一个陌生App；③说您的卡号填错、资金被冻结；④要您先交解冻金。正规贷款放款前不收任何费用。"
OWN_NUMBER_STEPS = RETOLD_STEPS.replace("先交解冻金。", "先交解冻金，详询13912345678。")


def _predictions(text):
    from checker import pipeline
    from checker.stages import claims
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize

    model = model_stage.load()
    norm = normalize(text)
    entities = extract(norm)
    with claims.quoting(norm):
        reading = claims.read(norm, entities)
        retold = pipeline._retold_spans(norm, reading)
        return retold, model.predict(norm, entities, reading), model.predict(norm, entities, reading, (), retold)


def test_a_clause_a_warning_retells_never_speaks_for_the_model():
    """The model reads each clause as a unit; in a warning whose sender offers no unofficial channel, a
    clause that is the scammer's words retold ("③说您的卡号填错、资金被冻结") is not the sender's, and never
    speaks for the message (issue 8); the whole message still does."""
    retold, plain, read = _predictions(RETOLD_STEPS)
    assert retold
    spoke, speaks = (p.masked.span(p.unit.start, p.unit.end) for p in (plain, read))
    assert any(a <= spoke[0] and spoke[1] <= b for a, b in retold)  # without them: the step speaks
    assert read.probability < plain.probability
    assert not any(a <= speaks[0] and speaks[1] <= b for a, b in retold)


def test_a_warning_frame_that_gives_its_own_number_keeps_every_clause_for_the_model():
    """The same steps with the sender's own mobile number: no clause is set apart (tests/test_monotone.py)."""
    retold, plain, read = _predictions(OWN_NUMBER_STEPS)
    assert retold == []
    assert read.probability == plain.probability


# The ablation tool (checker.lab.ablation): each variant changes one family of terms and nothing else.
ABLATION_CASES = [
    ("shipped", {"积分", "兑换", "#积分"}, {"积分 兑换"}),
    ("no-words", {"#积分", "#兑换"}, {"积分", "兑换"}),
    ("no-chars", {"积分", "兑换"}, {"#积分", "#兑换"}),
    ("with-pairs", {"积分", "积分 兑换", "#积分"}, set()),
    ("with-char3", {"积分", "#积分", "#积分兑", "#分兑换"}, {"积分 兑换"}),
    ("no-stakes", {"积分", "兑换", "#积分"}, {"积分 兑换"}),
]


@pytest.mark.parametrize("variant, present, absent", ABLATION_CASES)
def test_an_ablation_variant_changes_one_family_of_terms(variant, present, absent):
    from checker.lab import ablation

    masked = "积分兑换"
    unit = segment.Unit(0, len(masked), ["积分", "兑换"], segment.features(["积分", "兑换"], masked))
    transform, _ = ablation.VARIANTS[variant]
    terms = set(transform(unit, masked))
    assert present <= terms and not absent & terms, terms
    # Neither 3-grams nor word pairs are shipped.
    assert not any((len(t) == 4 and t.startswith(segment.CHAR_MARK)) or " " in t for t in unit.features)


@pytest.mark.parametrize(
    "variant, kept",
    [("shipped", {"§ask:pay", "§stakes:notice"}), ("no-structure", set()), ("no-stakes", {"§ask:pay"})],
)
def test_an_ablation_variant_keeps_only_its_structure_terms(variant, kept):
    from checker.lab import ablation

    _, structure = ablation.VARIANTS[variant]
    assert set(structure(["§ask:pay", model_stage.STAKES_TERM])) == kept


def test_the_ablation_tool_scores_the_shipped_fold_seed_first_and_reports_the_spread():
    from checker.lab import ablation, train

    assert ablation.fold_seeds(1) == [train.SEED + 2]  # type_out_of_fold's own default
    assert len(set(ablation.fold_seeds(4))) == 4
    assert ablation._over_seeds([{"recall_agree": 0.70}, {"recall_agree": 0.74}]) == {
        "recall_agree": 0.72, "recall_agree_spread": [0.70, 0.74]
    }
    assert ablation._over_seeds([{"recall_agree": 0.70}]) == {"recall_agree": 0.70}


def test_the_ablation_tool_refuses_no_seed_in_one_line(capsys):
    from checker.lab import ablation

    assert ablation.main(["--seeds", "0", "shipped"]) == 2
    assert capsys.readouterr().err.strip() == "--seeds must be at least 1"


def test_the_ablation_tool_refuses_an_unknown_variant_in_one_line(capsys):
    from checker.lab import ablation

    assert ablation.main(["no-trigrams"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown variant" in err


def test_the_reading_without_asides_keeps_its_own_tails_behind_a_prefix_with_many_marks():
    """A prefix's marks come first in the message; they must not crowd out the tails of the text the
    model reads without its asides (round 37: a prefix then took away the unit that spoke for a scam,
    tests/test_monotone.py). Our own text: the first two clauses are set aside."""
    text = "甲甲，乙乙，丙丙，丁丁，戊戊，己己，庚庚庚"
    kept = bytes([0] * 6 + [1] * (len(text) - 6))
    message_tails = segment.tail_starts(text)
    assert message_tails == [3, 6, 9, 12]  # the message's own, capped at segment._MAX_TAILS
    readings = model_stage._kept_tails(text, kept, message_tails)
    for at in (15, 18):  # the kept text's fourth and fifth clauses: past the message's cap
        assert bytes(at) + kept[at:] in readings


def test_the_stakes_term_is_read_where_a_denial_governs_the_words_too():
    """Reading.notice leaves out a clause that denies it; the model's term does not, so that a denial
    added to a scam cannot take the term away (issue 8). Our own text."""
    from checker.stages.claims import read
    from checker.stages.entities import extract
    from checker.stages.normalize import normalize

    norm = normalize("您的账户不会被冻结，请放心。")
    reading = read(norm, extract(norm))
    assert not reading.notice and reading.stakes_named
    assert model_stage.STAKES_TERM in model_stage.structure_terms(reading)
