"""The fraud taxonomy: SMS-borne fraud types and genuine notice formats, by permanent id.

The taxonomy is data (data/taxonomy.toml). Rules, corpus rows, the model's classes and the advice
all name these ids, so the file is validated once, at load, and every error names the file, the
entry and the key: ``taxonomy.toml: type points_cash: missing advice``.
"""

from __future__ import annotations

from functools import lru_cache

from . import datafile
from .patterns import precompiled
from .records import NamedTuple  # typing's, without evaluating the annotations

TAXONOMY_FILE = "data/taxonomy.toml"
_FILE_NAME = "taxonomy.toml"

KINDS = ("fraud", "genuine")
REQUESTS = frozenset(
    {"pay", "click", "call", "add_contact", "tell_code", "download_app", "share_screen", "go_somewhere", "none"}
)
# The reference's own trust marks: a base mark, optionally "via" the kind of page it was found on,
# optionally "copy" (the page is a copy of the original).
_MARK = "(?:官方|媒体|二手|代码)"
_TRUST = precompiled(rf"{_MARK}(?: via {_MARK})?(?: copy)?")
# Only these are asserted to users (COMMON.md): an official or media text not known only from a
# secondary copy.
_ASSERTABLE = precompiled(r"(?:官方|媒体)(?: via (?:官方|媒体))?(?: copy)?")
_ID = precompiled(r"[a-z][a-z0-9_]*")
GENUINE_PREFIX = "genuine_"

_COMMON_KEYS = ("id", "kind", "family", "name", "name_en", "sources")
_FRAUD_KEYS = ("hook", "request", "claims", "advice", "advice_en")
_GENUINE_KEYS = ("looks_like",)


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the file, the entry and the key."""


class Source(NamedTuple):
    url: str
    trust: str

    @property
    def assertable(self) -> bool:
        """A fact resting on this source may be stated to users as a fact."""
        return _ASSERTABLE.fullmatch(self.trust) is not None


class FraudType(NamedTuple):
    """One fraud type (kind "fraud") or one genuine notice format (kind "genuine")."""

    id: str
    kind: str
    family: str
    name: str
    name_en: str
    sources: tuple[Source, ...]
    hook: str = ""
    request: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    advice: str = ""
    advice_en: str = ""
    official_channels: tuple[str, ...] = ()
    looks_like: str = ""

    @property
    def is_fraud(self) -> bool:
        return self.kind == "fraud"


class Taxonomy(NamedTuple):
    types: tuple[FraudType, ...]
    by_id: dict[str, FraudType]
    confirmed_numbers: dict[str, str]


def _fail(where: str, message: str) -> TaxonomyError:
    return TaxonomyError(f"{_FILE_NAME}: {where}: {message}")


def _strings(item: dict, key: str, where: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(where, f"{key} must be a list of non-empty strings")
    return tuple(value)


def _sources(item: dict, where: str) -> tuple[Source, ...]:
    raw = item["sources"]
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "sources must be a non-empty list")
    out = []
    for number, source in enumerate(raw, 1):
        if not isinstance(source, dict):
            raise _fail(where, f"source {number} is not a table")
        url, trust = source.get("url", ""), source.get("trust", "")
        if not url:
            raise _fail(where, f"source {number} has no url")
        if not trust:
            raise _fail(where, f"source {number} has no trust")
        if not _TRUST.fullmatch(trust):
            raise _fail(where, f"source {number} has an unknown trust {trust!r}")
        # A code-search phrase stands in for a url only where the reference gives no address.
        if not (url.startswith(("http://", "https://")) or (url.startswith("code:") and trust == "代码")):
            raise _fail(where, f"source {number} has a bad url {url!r}")
        out.append(Source(url, trust))
    return tuple(out)


def _entry(item: dict, number: int) -> FraudType:
    if not isinstance(item.get("id"), str) or not item["id"]:
        raise _fail(f"type #{number}", "missing id")
    type_id = item["id"]
    where = f"type {type_id}"
    if not _ID.fullmatch(type_id):
        raise _fail(where, "id must be lower_snake_case")
    for key in _COMMON_KEYS:
        if key not in item:
            raise _fail(where, f"missing {key}")
    kind = item["kind"]
    if kind not in KINDS:
        raise _fail(where, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if (kind == "genuine") != type_id.startswith(GENUINE_PREFIX):
        raise _fail(where, f"genuine formats and only they have ids starting {GENUINE_PREFIX!r}")
    for key in _FRAUD_KEYS if kind == "fraud" else _GENUINE_KEYS:
        if key not in item or item[key] in ("", []):
            raise _fail(where, f"missing {key}")
    for key in ("name", "name_en", "family", "hook", "advice", "advice_en", "looks_like"):
        if not isinstance(item.get(key, ""), str):
            raise _fail(where, f"{key} must be a string")
    request = _strings(item, "request", where)
    unknown = sorted(set(request) - REQUESTS)
    if unknown:
        raise _fail(where, f"unknown request {', '.join(unknown)}")
    return FraudType(
        id=type_id,
        kind=kind,
        family=item["family"],
        name=item["name"],
        name_en=item["name_en"],
        sources=_sources(item, where),
        hook=item.get("hook", ""),
        request=request,
        claims=_strings(item, "claims", where),
        advice=item.get("advice", ""),
        advice_en=item.get("advice_en", ""),
        official_channels=_strings(item, "official_channels", where),
        looks_like=item.get("looks_like", ""),
    )


def parse_taxonomy(raw: str | dict) -> Taxonomy:
    """taxonomy.toml's text, or its data, validated."""
    try:
        data = raw if isinstance(raw, dict) else datafile.loads(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise TaxonomyError(f"{_FILE_NAME}: not valid TOML: {exc}") from None
    items = data.get("type")
    if not isinstance(items, list) or not items:
        raise TaxonomyError(f"{_FILE_NAME}: no [[type]] entries")
    types: list[FraudType] = []
    by_id: dict[str, FraudType] = {}
    for number, item in enumerate(items, 1):
        entry = _entry(item, number)
        if entry.id in by_id:
            raise _fail(f"type {entry.id}", "duplicate id")
        by_id[entry.id] = entry
        types.append(entry)
    numbers = data.get("confirmed_numbers", {})
    if not all(isinstance(k, str) and k.isdigit() and isinstance(v, str) for k, v in numbers.items()):
        raise TaxonomyError(f"{_FILE_NAME}: confirmed_numbers: keys must be digits, values descriptions")
    return Taxonomy(types=tuple(types), by_id=by_id, confirmed_numbers=dict(numbers))


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return parse_taxonomy(datafile.load(TAXONOMY_FILE))


def types() -> tuple[FraudType, ...]:
    return taxonomy().types


def get(type_id: str) -> FraudType:
    """The entry with this id; KeyError names the id when there is none."""
    try:
        return taxonomy().by_id[type_id]
    except KeyError:
        raise KeyError(f"{_FILE_NAME}: no type {type_id}") from None


def fraud_ids() -> tuple[str, ...]:
    return tuple(t.id for t in types() if t.kind == "fraud")


def genuine_ids() -> tuple[str, ...]:
    return tuple(t.id for t in types() if t.kind == "genuine")
