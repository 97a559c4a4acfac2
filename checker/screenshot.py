"""A screenshot as input: the message texts in a phone screenshot of an SMS app, one per bubble.

    from checker.screenshot import messages_from_image
    for text in messages_from_image(png_bytes):
        check(text)

Reading needs the optional extra `pip install "checker[ocr]"` (RapidOCR on onnxruntime; its Chinese
models ship inside the wheel, so nothing is downloaded). It is imported on the first screenshot only,
never by a text check.

What is kept: only text inside message bubbles. The sender line, the time stamps ("10:32",
"昨天 下午3:05", "2026年11月30日") and the app's chrome are not part of any message: fed to the
checker with the message, they change its verdict. A conversation is split into its bubbles, since
a genuine reminder joined to a scam beside it lowers the scam's score.

How, from the OCR boxes and the pixels around them:
- a box that is a time stamp, a status-bar item, an icon or an input-bar word is dropped (with the
  rest of the input bar's row); a time stamp also separates the bubbles above and below it;
- text sits in a bubble when the colour behind it differs from the page colour at the image's edge on
  the same rows (the header, the sender line and the status bar sit on the page or a full-width bar);
- two lines belong to one bubble when they start at the same x, the gap between them is small
  compared with the line height, and no page-coloured row runs between them.
A crop with no page around the text (a single bubble cut out) is read as one or more messages by
gaps and alignment alone; then everything above the first time stamp is taken for the header.

Nothing here logs, prints or keeps recognised text; OCR's own logging is turned down to critical,
and onnxruntime's telemetry is switched off before it is imported (see _build_engine).
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import re
import statistics
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Phone screenshots are 1080–1440 px wide; at 720 px their text is still ~30 px high, which the
# recogniser (48 px input) reads as well, and detection is about three times faster.
OCR_MAX_WIDTH = 720
DETECTION_MIN_SIDE = 320

# Geometry, in units of the median text-line height.
BUBBLE_GAP = 0.6  # a wider vertical gap between two lines starts a new bubble
SAME_LEFT = 0.8  # lines of one bubble start at the same x, within this
ROW_JOIN_GAP = 2.0  # boxes on one row closer than this are one line (OCR sometimes splits a line)
# Colour: channels differing by more than this are different colours (JPEG noise and anti-aliasing
# stay below it; a bubble's grey against a white page, about 20, is above it after quantisation).
COLOUR_TOLERANCE = 12
PAGE_ROW_SHARE = 0.9  # a gap row this much page-coloured separates two bubbles

_DATE = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}"
_DAY = r"今天|昨天|前天|星期[一二三四五六日天]|周[一二三四五六日天]|today|yesterday|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?"
_DAY_PART = r"凌晨|早上|上午|中午|下午|傍晚|晚上|深夜"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?"
TIME_STAMP = re.compile(rf"(?:{_DATE})?(?:{_DAY})?(?:{_DAY_PART})?(?:{_CLOCK})?")
STATUS_BAR = re.compile(r"\d{1,3}%|(?:[45]g\+?|lte|volte|hd|wi-?fi)+")
# Words of an SMS app's own chrome (input bar, back button, delivery marks), whole boxes only.
CHROME_WORDS = frozenset(
    {
        "短信", "信息", "彩信", "短信/彩信", "短信彩信", "发送", "发送短信", "输入消息", "输入短信",
        "文本消息", "imessage", "textmessage", "sms", "mms", "返回", "详情",
        "已送达", "送达", "已读", "已发送",
    }
)  # fmt: skip

INSTALL_HINT = (
    '需要安装截图识别组件：pip install "checker[ocr]" / reading a screenshot needs the OCR extra: '
    'pip install "checker[ocr]"'
)


class ScreenshotError(ValueError):
    """The image cannot be read as a screenshot of messages; the message is one bilingual line."""


def ocr_available() -> bool:
    """Whether the `[ocr]` extra is installed (looked up without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime", "PIL", "numpy"))


@dataclass(frozen=True)
class TextBox:
    """One piece of recognised text and where it is, in pixels of the image OCR saw."""

    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def messages_from_image(data: bytes) -> list[str]:
    """The message texts in a screenshot, one per bubble, top to bottom. Raises ScreenshotError."""
    if not ocr_available():
        raise ScreenshotError(INSTALL_HINT)
    if len(data) > MAX_BYTES:
        raise ScreenshotError(f"图片太大（超过 {MAX_BYTES // 2**20} MB）/ image too large (over {MAX_BYTES // 2**20} MB)")
    image = _decode(data)
    boxes = _recognise(image)
    if not boxes:
        raise ScreenshotError("图片里没有找到文字 / no text found in the image")
    messages = split_messages(boxes, _Pixels(image))
    if not messages:
        raise ScreenshotError("图片里没有找到短信内容 / no message text found in the image")
    return messages


def _decode(data: bytes):
    """An RGB Pillow image no wider than OCR_MAX_WIDTH; the pixel cap is checked before decoding."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    not_an_image = "无法识别为图片（支持 PNG、JPEG、WebP 等）/ not a readable image (PNG, JPEG, WebP …)"
    image: Image.Image
    try:
        opened = Image.open(io.BytesIO(data))
        width, height = opened.size
        if width * height > MAX_PIXELS:
            raise ScreenshotError(
                f"图片尺寸太大（超过 {MAX_PIXELS // 10**6} 百万像素）/ image too large (over {MAX_PIXELS // 10**6} megapixels)"
            )
        image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, ScreenshotError):
            raise
        raise ScreenshotError(not_an_image) from None
    if image.width > OCR_MAX_WIDTH:
        image = image.resize((OCR_MAX_WIDTH, round(image.height * OCR_MAX_WIDTH / image.width)), Image.Resampling.LANCZOS)
    return image


_engine_lock = threading.Lock()
_engine_instance: Any = None


def _engine() -> Any:
    """One RapidOCR engine per process, built on first use from the models inside its wheel."""
    global _engine_instance
    with _engine_lock:
        if _engine_instance is None:
            _engine_instance = _build_engine()
        return _engine_instance


def _build_engine() -> Any:
    import logging
    import os

    # onnxruntime's wheel sends usage telemetry to Microsoft (DNS lookups of
    # mobile.events.data.microsoft.com seen under strace) and writes a device id under ~/.cache,
    # unless this is set before it is first imported. Nothing may leave the machine.
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    import onnxruntime
    import rapidocr

    onnxruntime.disable_telemetry_events()  # in case it was imported earlier, by someone else
    onnxruntime.set_default_logger_severity(3)  # errors only: no notices about threads or providers
    logging.getLogger("RapidOCR").setLevel(logging.CRITICAL)
    models = Path(rapidocr.__file__).parent / "models"

    def bundled(task: str) -> str:
        # Naming the model files makes RapidOCR skip its downloader (which it would otherwise consult,
        # and which fetches from the network when a file is missing or differs from its checksum).
        found = sorted(models.glob(f"*_{task}_*.onnx"))
        if len(found) != 1:
            raise ScreenshotError(
                '截图识别组件的模型文件不完整，请重新安装：pip install --force-reinstall "checker[ocr]" / '
                "the OCR models are missing from the rapidocr package; reinstall the extra"
            )
        return str(found[0])

    return rapidocr.RapidOCR(
        params={
            "Global.log_level": "critical",
            "Global.use_cls": False,  # screenshots are upright; the 180° classifier only costs time
            # Detection enlarges images whose short side is below this; RapidOCR's 736 would more than
            # double a phone screenshot already at OCR_MAX_WIDTH, for no gain on screen text.
            "Det.limit_side_len": DETECTION_MIN_SIDE,
            "Det.model_path": bundled("det"),
            "Rec.model_path": bundled("rec"),
        }
    )


def _recognise(image) -> list[TextBox]:
    result = _engine()(image)
    if result.boxes is None or not result.txts:
        return []
    boxes = []
    for corners, text in zip(result.boxes, result.txts):
        xs = [float(x) for x, _ in corners]
        ys = [float(y) for _, y in corners]
        if text.strip():
            boxes.append(TextBox(text.strip(), min(xs), max(xs), min(ys), max(ys)))
    return boxes


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def is_time_stamp(text: str) -> bool:
    """"10:32", "昨天 下午3:05", "2026年11月30日": the app's time stamps, which also separate bubbles."""
    compact = _compact(text)
    return bool(compact) and TIME_STAMP.fullmatch(compact) is not None


# A square icon (the input bar's emoji or attachment button) alone on its line comes back from OCR
# as one of these box-shaped characters; no message is a lone box.
ICON_GLYPHS = frozenset("口囗□■回")


def is_chrome(text: str) -> bool:
    """A status-bar item, a word of the app's own interface, or an icon read as symbols."""
    compact = _compact(text)
    if compact in ICON_GLYPHS:
        return True
    if not re.search(r"\w", compact) and any(unicodedata.category(c).startswith("S") for c in compact):
        return True  # symbols and no word: an icon read as text (a send button's ●, a back arrow's <)
    return STATUS_BAR.fullmatch(compact) is not None or compact in CHROME_WORDS


class _Pixels:
    """Colour questions about the image, in the coordinates of the OCR boxes."""

    def __init__(self, image) -> None:
        import numpy

        # Quantised, so that JPEG noise and anti-aliasing do not make every pixel its own colour.
        self.rgb = numpy.asarray(image, dtype=numpy.int16) // 8 * 8
        self.height, self.width = self.rgb.shape[:2]

    def _rows(self, top: float, bottom: float) -> slice:
        return slice(max(0, int(top)), min(self.height, max(int(top) + 1, int(bottom))))

    def _common(self, block) -> Any:
        import numpy

        colours, counts = numpy.unique(block.reshape(-1, 3), axis=0, return_counts=True)
        return colours[counts.argmax()]

    def page(self, top: float, bottom: float) -> Any:
        """The page colour on these rows: what the image's left edge shows there."""
        return self._common(self.rgb[self._rows(top, bottom), 0:4])

    def on_bubble(self, box: TextBox) -> bool:
        """Whether the colour behind this text differs from the page colour on its rows."""
        rows = self._rows(box.top, box.bottom)
        columns = slice(max(0, int(box.left)), min(self.width, int(box.right) + 1))
        behind = self._common(self.rgb[rows, columns])
        return bool(abs(behind - self.page(box.top, box.bottom)).max() > COLOUR_TOLERANCE)

    def page_row_between(self, upper: TextBox, lower: TextBox) -> bool:
        """Whether some row between two lines is page-coloured across both: the gap between bubbles."""
        rows = self._rows(upper.bottom, lower.top)
        columns = slice(max(0, int(max(upper.left, lower.left))), min(self.width, int(min(upper.right, lower.right))))
        if rows.stop - rows.start < 1 or columns.stop - columns.start < 2:
            return False
        page = self.page(upper.bottom, lower.top)
        block = self.rgb[rows, columns]
        page_share = (abs(block - page).max(axis=2) <= COLOUR_TOLERANCE).mean(axis=1)
        return bool((page_share >= PAGE_ROW_SHARE).any())


def split_messages(boxes: list[TextBox], pixels: _Pixels | None = None) -> list[str]:
    """Group OCR boxes into messages: drop separators and text outside bubbles, split at bubble gaps."""
    separators = [b for b in boxes if is_time_stamp(b.text)]
    lines = []
    for row in _rows(boxes):
        if any(_compact(b.text) in CHROME_WORDS for b in row):
            continue  # the input bar: its placeholder, and the icons OCR reads beside it
        words = [b for b in row if not (is_time_stamp(b.text) or is_chrome(b.text))]
        lines += _lines(words) if words else []
    if not lines:
        return []
    in_bubbles = [line for line in lines if pixels is not None and pixels.on_bubble(line)]
    if in_bubbles:
        lines = in_bubbles
    elif separators:
        # No bubbles to tell the header by: what lies above the first time stamp is the header.
        first = min(s.middle for s in separators)
        below = [line for line in lines if line.middle > first]
        lines = below or lines
    unit = statistics.median(line.height for line in lines)
    messages: list[list[TextBox]] = [[lines[0]]]
    for upper, lower in itertools.pairwise(lines):
        if _same_bubble(upper, lower, unit, separators, pixels if in_bubbles else None):
            messages[-1].append(lower)
        else:
            messages.append([lower])
    return ["".join(line.text for line in message) for message in messages]


def _rows(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Boxes grouped into rows (their middles within half a height), top to bottom, left to right."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if rows and abs(box.middle - rows[-1][0].middle) < min(box.height, rows[-1][0].height) / 2:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.left) for row in rows]


def _lines(row: list[TextBox]) -> list[TextBox]:
    """A row's boxes joined into lines where they are close: OCR sometimes splits one line in two."""
    lines = [row[0]]
    for box in row[1:]:
        last = lines[-1]
        if box.left - last.right < ROW_JOIN_GAP * max(box.height, last.height):
            lines[-1] = TextBox(
                last.text + box.text, last.left, box.right, min(last.top, box.top), max(last.bottom, box.bottom)
            )
        else:
            lines.append(box)
    return lines


def _same_bubble(upper: TextBox, lower: TextBox, unit: float, separators: list[TextBox], pixels: _Pixels | None) -> bool:
    # A line of one low mark ("。" wrapped alone) has a short box: measure from where a full line's top would be.
    top = min(lower.top, lower.bottom - unit)
    if top - upper.bottom > BUBBLE_GAP * unit:
        return False
    if abs(lower.left - upper.left) > SAME_LEFT * unit:
        return False
    if any(upper.middle < s.middle < lower.middle for s in separators):
        return False
    return not (pixels is not None and pixels.page_row_between(upper, lower))
