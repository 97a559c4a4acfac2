"""The JSON twins of the TOML data files: the same data, or not used at all."""

import json
import pathlib

import pytest

from checker.lab import twins
from checker.stages import datafile

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOML = b'[verdict]\nscale = 2.5\n\n[[rule]]\nid = "b"\nweight = 1\n\n[[rule]]\nid = "a"\nweight = -0.5\n'


def test_every_twin_is_what_its_toml_gives():
    assert twins.stale(ROOT) == [], "run python -m checker.lab.twins"


@pytest.mark.parametrize("name", twins.TWINNED)
def test_a_twin_holds_the_same_data_in_the_same_order(name):
    raw = (ROOT / "checker" / name).read_bytes()
    twin = (ROOT / "checker" / datafile.twin_name(name)).read_bytes()
    assert datafile.parse(raw, twin) is not None
    parsed = datafile.parse(raw, None)
    assert json.dumps(datafile.parse(raw, twin), ensure_ascii=False) == json.dumps(parsed, ensure_ascii=False)


def test_a_fresh_twin_is_used_and_a_stale_one_is_not():
    twin = datafile.twin_of(TOML)
    assert datafile.parse(TOML, twin) == {"verdict": {"scale": 2.5}, "rule": [{"id": "b", "weight": 1}, {"id": "a", "weight": -0.5}]}
    edited = TOML.replace(b"scale = 2.5", b"scale = 3.0")
    assert datafile.parse(edited, twin)["verdict"]["scale"] == 3.0  # the twin was made from other bytes
    forged = json.loads(twin)
    forged["data"]["verdict"]["scale"] = 9.0
    assert datafile.parse(edited, json.dumps(forged).encode())["verdict"]["scale"] == 3.0


def test_a_toml_json_cannot_carry_gets_no_twin():
    with pytest.raises(ValueError):
        datafile.twin_of(b"when = 2026-11-30\n")
