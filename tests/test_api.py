"""The library's surface: what `checker` exports, its types, its errors and its offsets."""

import inspect
import pickle
import typing
from importlib import resources

import pytest

import checker
from checker import VERDICTS, CheckResult, Evidence, Flag, InputError, check, check_many
from checker.stages.verdict import ORDER

SCAM = "【法务中心】您的借呗已逾期，请今日内将律师费转入指定账户6222021234567890123，否则通知您的家人。"
LOWERING = "【XX银行】您尾号1234的信用卡本期账单已出，请通过本行官方App还款，客服95588。"
EMOJI = "😀😀 您的网贷已逾期，请加微信abc12345处理，否则上门 http://t.cn/abc"


def test_the_package_is_typed():
    assert resources.files("checker").joinpath("py.typed").is_file()


@pytest.mark.parametrize("name", ["CheckResult", "Flag", "Evidence", "Entity", "Advice", "ModelCue", "Verdict", "InputError", "check_frame"])
def test_result_types_are_exported(name):
    assert name in checker.__all__ and getattr(checker, name) is not None


@pytest.mark.parametrize("name", checker.__all__)
def test_every_public_name_has_a_docstring(name):
    value = getattr(checker, name)
    if inspect.isclass(value) or inspect.isfunction(value):
        assert inspect.getdoc(value), name
        for member_name, member in vars(value).items() if inspect.isclass(value) else ():
            if not member_name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property)):
                assert inspect.getdoc(member), f"{name}.{member_name}"


def test_the_verdict_is_a_literal_of_the_verdict_stages_levels():
    assert typing.get_args(checker.Verdict) == VERDICTS == ORDER
    assert typing.get_type_hints(CheckResult)["verdict"] == checker.Verdict


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["a list"]])
def test_a_non_string_is_a_type_error(value):
    with pytest.raises(TypeError):
        check(value)


@pytest.mark.parametrize("value", ["", "   \n\t"])
def test_empty_text_is_an_input_error(value):
    with pytest.raises(InputError):
        check(value)


def test_check_many_turns_a_non_string_into_an_error_item():
    results = list(check_many([SCAM, None, ""]))
    assert isinstance(results[0], CheckResult)
    assert all(isinstance(r, InputError) for r in results[1:])


@pytest.mark.parametrize("text", [SCAM, LOWERING, EMOJI])
def test_red_flags_and_lowering_signs_are_separate(text):
    result = check(text)
    assert all(f.weight > 0 for f in result.red_flags)
    assert all(f.weight <= 0 for f in result.lowering_signs)
    assert result.flags == result.red_flags + result.lowering_signs  # the deprecated, mixed view
    payload = result.to_dict()
    assert "flags" not in payload
    assert [f["id"] for f in payload["red_flags"]] == [f.id for f in result.red_flags]
    assert [f["id"] for f in payload["lowering_signs"]] == [f.id for f in result.lowering_signs]


def test_both_kinds_occur_in_these_examples():
    assert check(SCAM).red_flags and not check(SCAM).lowering_signs
    assert check(LOWERING).lowering_signs and not check(LOWERING).red_flags


def _spans(payload):
    yield from payload["entities"]
    for item in (*payload["red_flags"], *payload["lowering_signs"], *payload["model_cues"], *payload["suppressed"]):
        yield from item["evidence"]
    for key in ("claims", "requests", "channels"):
        yield from (item["evidence"] for item in payload["claims"][key])


@pytest.mark.parametrize("text", [SCAM, EMOJI])
def test_offsets_are_code_points_and_utf16_on_request(text):
    result = check(text)
    utf16 = text.encode("utf-16-le")
    code_points, units = list(_spans(result.to_dict())), list(_spans(result.to_dict(offsets="utf16")))
    assert code_points and len(code_points) == len(units)
    for cp, u in zip(code_points, units):
        assert text[cp["start"] : cp["end"]] == cp["text"]
        assert utf16[2 * u["start"] : 2 * u["end"]].decode("utf-16-le") == u["text"]
    # Two emoji in front: every UTF-16 offset is two units further on.
    shift = 2 if text == EMOJI else 0
    assert all(u["start"] == cp["start"] + shift for cp, u in zip(code_points, units))


def test_an_unknown_offset_unit_is_refused():
    with pytest.raises(ValueError):
        check(SCAM).to_dict(offsets="bytes")


def test_results_are_frozen_and_picklable():
    result = check(SCAM)
    with pytest.raises(AttributeError):
        result.verdict = "low_risk"
    assert pickle.loads(pickle.dumps(result)) == result
    assert isinstance(result.red_flags[0], Flag) and isinstance(result.red_flags[0].evidence[0], Evidence)


def test_result_keys_are_the_keys_of_to_dict():
    from checker.stages.result import RESULT_KEYS

    assert set(check(SCAM).to_dict()) == RESULT_KEYS


def test_the_fraud_type_is_the_most_supported_taxonomy_id_of_the_red_flags():
    from checker.stages.taxonomy import taxonomy

    scam = check(SCAM)
    assert scam.fraud_type == scam.fraud_types[0] and taxonomy().by_id[scam.fraud_type].kind == "fraud"
    assert set(scam.fraud_types) <= {t for f in scam.red_flags for t in f.types}
    assert check(LOWERING).fraud_type is None and check(LOWERING).fraud_types == ()
