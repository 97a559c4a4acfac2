"""Reading what the user gives the command line: bytes in, text out, or one clear reason why not.

Decoding is strict and in a fixed order (reliability.md): a byte-order mark, then UTF-8, then the
better of GB18030 and Big5. GB18030 happily "decodes" Big5 bytes into rare characters, so each
candidate is scored by how much of it is common Chinese, and a poor best score is reported as a
likely mis-decoding instead of being checked.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

MAX_BYTES = 4 * 1024 * 1024
# A phone's full-page screenshot is a few MB; anything near this is not one.
MAX_IMAGE_BYTES = 32 * 1024 * 1024


def too_large(limit: int = MAX_BYTES) -> str:
    mb = limit // (1024 * 1024)
    return f"输入超过 {mb} MB，请只粘贴短信本身 / input larger than {mb} MB"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of Chinese characters that must be common (GB2312 after traditional -> simplified).
_PLAUSIBLE = 0.85


class DecodeError(ValueError):
    """The bytes are not text this tool can read; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(2, len(sample) // 50)


def _common_share(text: str) -> float:
    """How much of the Chinese in `text` is common characters (1.0 when there is none)."""
    from ..stages.normalize import _t2s_table  # the same table the checker uses

    t2s = _t2s_table()
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"]
    if not han:
        return 1.0
    common = 0
    for ch in han:
        simplified = t2s.get(ord(ch), ch)
        try:
            simplified.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(han)


def read_bounded(stream, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a file or stream; DecodeError when there is more (/dev/zero, `yes |`).

    Reads limit + 1 bytes and no more, so an endless source costs neither time nor memory.
    """
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise DecodeError(too_large(limit))
    return b"".join(chunks)


def text_encoding(name: str) -> str:
    """The codec name for a user's --encoding; DecodeError for an unknown or non-text one (rot13, base64)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise DecodeError(f"不认识的编码 {name} / unknown encoding {name}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise DecodeError(f"{name} 不是文本编码 / {name} is not a text encoding") from None
    return info.name


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode input bytes strictly; raises DecodeError with a message meant for the user."""
    if len(data) > MAX_BYTES:
        raise DecodeError(too_large())
    if encoding:
        text_encoding(encoding)
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            raise DecodeError(f"内容不是 {encoding} 编码 / input is not valid {encoding}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                raise DecodeError(f"内容有 {name} 标记但无法解码 / input has a {name} BOM but does not decode") from None
            return Decoded(text.lstrip("\ufeff"), name.replace("-sig", ""))
    if _looks_binary(data):
        raise DecodeError("这看起来不是文本（二进制文件），请粘贴短信文字 / input looks binary, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(text), name == "gb18030", name, text))
    if not candidates:
        raise DecodeError("无法识别文本编码，请用 --encoding 指定 / cannot decode input: use --encoding")
    share, _, name, text = max(candidates)
    if share < _PLAUSIBLE:
        raise DecodeError(
            f"编码可能识别错误（按 {name} 解码后大多是生僻字），请用 --encoding 指定 / "
            f"likely mis-decoded as {name}: use --encoding"
        )
    return Decoded(text, name)


def printable_problem(text: str) -> str | None:
    """Why decoded text still cannot be checked, or None."""
    if not text.strip():
        return "内容为空，请粘贴短信全文 / the message is empty"
    visible = [ch for ch in text if not ch.isspace()]
    if all(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") for ch in visible):
        return "内容里没有可读的文字 / the message has no readable text"
    return None
