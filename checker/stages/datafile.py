"""The package's TOML data files, parsed; from their JSON twin when it was made from the same bytes.

The decisions stay in the TOML files (data/*.toml): they are what people read and edit. Parsing them
with tomllib took about a sixth of a cold check, so `python -m checker.lab.twins` writes, for each,
data/twins/<name>.json: its parsed data and the SHA-256 of the bytes it was parsed from. A file
whose bytes no longer match its twin (edited since) is parsed from the TOML as before, so a stale
twin costs time, never correctness; tests/test_datafile.py fails until the twins are rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os

TWINS_FOLDER = "data/twins"
# The package's own folder. Its files are read from there rather than through importlib.resources,
# whose import (tempfile, zipfile, shutil ...) was ~10 ms of a cold check: pip installs a package
# as a folder, never zipped.
PACKAGE_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(name: str) -> bytes:
    """The bytes of the package's file `name` ("data/rules.toml")."""
    with open(os.path.join(PACKAGE_FOLDER, name), "rb") as handle:
        return handle.read()


def read_text(name: str) -> str:
    """The package's file `name`, decoded as UTF-8."""
    return read(name).decode("utf-8")


def exists(name: str) -> bool:
    """Whether the package has a file `name`."""
    return os.path.isfile(os.path.join(PACKAGE_FOLDER, name))


def twin_name(name: str) -> str:
    """Where the twin of data file `name` ("data/rules.toml") lives: "data/twins/rules.json"."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".toml")
    return f"{TWINS_FOLDER}/{stem}.json"


def load(name: str) -> dict:
    """Data file `name` ("data/rules.toml") parsed: its twin's data when fresh, otherwise tomllib's."""
    twin = twin_name(name)
    return parse(read(name), read(twin) if exists(twin) else None)


def parse(raw: bytes, twin: bytes | None) -> dict:
    """The TOML `raw` parsed: `twin`'s data when it was made from these very bytes."""
    if twin is not None:
        made = json.loads(twin)
        if made.get("source_sha256") == hashlib.sha256(raw).hexdigest():
            return made["data"]
    return loads(raw.decode("utf-8"))


def loads(text: str) -> dict:
    """tomllib.loads; tomllib is imported only for a file without a fresh twin (~7 ms of a cold start).

    A file that is not TOML raises tomllib.TOMLDecodeError, a ValueError.
    """
    import tomllib

    return tomllib.loads(text)


def twin_of(raw: bytes) -> bytes:
    """The twin of the TOML `raw` (checker.lab.twins writes it); ValueError when JSON cannot carry it."""
    data = loads(raw.decode("utf-8"))
    try:
        text = json.dumps({"source_sha256": hashlib.sha256(raw).hexdigest(), "data": data}, ensure_ascii=False, separators=(",", ":"))
    except TypeError:  # a date or a time: JSON has none
        raise ValueError("this TOML holds values JSON cannot carry") from None
    if json.loads(text)["data"] != data:  # inf or nan
        raise ValueError("this TOML holds values JSON cannot carry")
    return (text + "\n").encode("utf-8")
