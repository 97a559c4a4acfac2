"""python -m checker.lab.screenshot_bench: how well a screenshot reads, over phone-like screenshots
rendered here with Pillow and a CJK font from our own messages (tests/golden.jsonl and data/corpus.jsonl).

Reports, over the rendered set:
    character error rate   edit distance / length of the typed text, whitespace ignored (a wrapped line
                           loses its space on any phone), per bubble, summed over the set
    same answer            bubbles whose check() verdict and red-flag ids equal the typed text's
    split                  screenshots split into exactly their bubbles
    time per image         median and maximum wall and CPU time of messages_from_image, the engine warm

The same set is what tests/test_screenshot.py asserts on. Needs the `[ocr]` extra and the font of
Debian's fonts-noto-cjk (NOTO_CJK below); run from a source checkout.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import pathlib
import statistics
import time
from dataclasses import dataclass

NOTO_CJK = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

WIDTH = 480  # a phone screen at 1.33 px per point: small images keep the suite fast
BODY_SIZE, STAMP_SIZE, SENDER_SIZE, STATUS_SIZE = 21, 15, 19, 16
BUBBLE_MAX_TEXT = int(WIDTH * 0.66)
BUBBLE_PAD_X, BUBBLE_PAD_Y, BUBBLE_MARGIN, LINE_GAP = 12, 9, 12, 6

SENDERS = ["95188", "106 9055 2301", "+86 138 0013 8000", "1069 0123 4567", "10086", "妈妈"]
STAMPS = ["10:32", "昨天 下午3:05", "2026年11月30日 10:32", "星期一 上午9:15", "今天 晚上8:47", "11月28日 凌晨1:20"]
REPLIES = ["你是哪位？", "好的，我自己去App里查一下。", "收到"]


@dataclass(frozen=True)
class Theme:
    name: str
    page: tuple[int, int, int]
    text: tuple[int, int, int]
    muted: tuple[int, int, int]
    incoming: tuple[int, int, int]
    outgoing: tuple[int, int, int]
    outgoing_text: tuple[int, int, int]
    field: tuple[int, int, int]


LIGHT = Theme("light", (255, 255, 255), (0, 0, 0), (142, 142, 147), (233, 233, 235), (52, 120, 246), (255, 255, 255), (242, 242, 247))
DARK = Theme("dark", (0, 0, 0), (255, 255, 255), (142, 142, 147), (38, 38, 41), (10, 132, 255), (255, 255, 255), (28, 28, 30))


@dataclass(frozen=True)
class Item:
    """One thing on the conversation's screen: a time stamp, or a bubble ('in' or 'out')."""

    kind: str
    text: str


@dataclass(frozen=True)
class Screenshot:
    name: str
    theme: Theme
    sender: str
    items: tuple[Item, ...]
    scale: float = 1.0  # 2.25: the pixels of a 1080 px phone screen
    jpeg: bool = False  # saved as a JPEG at quality 70, as screenshots often are once shared

    @property
    def messages(self) -> list[str]:
        return [item.text for item in self.items if item.kind != "stamp"]


def _wrap(text: str, font, width: int) -> list[str]:
    """The lines a bubble shows: a line break of the message starts a new line, as an SMS app shows
    it (a "\n" is never measured nor drawn as a glyph); a long line wraps at `width`."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if font.getlength(line + char) > width and line:
                lines.append(line)
                line = char.lstrip()
            else:
                line += char
        if line:
            lines.append(line)
    return lines


def render(shot: Screenshot) -> bytes:
    """A PNG of an SMS app's conversation screen: status bar, sender header, stamps, bubbles, input bar."""
    from PIL import Image, ImageDraw, ImageFont

    # Pillow's basic layout, whatever the machine: with libraqm and FriBiDi present (a browser's apt
    # install brings them) Pillow switches to raqm, which renders differently and fails to measure "\n".
    basic = ImageFont.Layout.BASIC
    body, stamp, sender, status = (
        ImageFont.truetype(str(NOTO_CJK), s, layout_engine=basic) for s in (BODY_SIZE, STAMP_SIZE, SENDER_SIZE, STATUS_SIZE)
    )
    line_height = BODY_SIZE + LINE_GAP
    theme = shot.theme
    layout: list[tuple[Item, int, list[str]]] = []
    y = 104
    for item in shot.items:
        if item.kind == "stamp":
            layout.append((item, y, []))
            y += STAMP_SIZE + 14
        else:
            lines = _wrap(item.text, body, BUBBLE_MAX_TEXT)
            layout.append((item, y, lines))
            y += len(lines) * line_height - LINE_GAP + 2 * BUBBLE_PAD_Y + BUBBLE_MARGIN
    height = y + 70
    image = Image.new("RGB", (WIDTH, height), theme.page)
    draw = ImageDraw.Draw(image)
    draw.text((22, 10), "10:41", font=status, fill=theme.text)
    draw.text((WIDTH - 92, 10), "85%", font=status, fill=theme.text)
    draw.rounded_rectangle((WIDTH - 50, 13, WIDTH - 22, 27), radius=3, outline=theme.text, width=2)
    draw.rectangle((WIDTH - 47, 16, WIDTH - 30, 24), fill=theme.text)
    draw.line(((26, 52), (16, 62), (26, 72)), fill=theme.outgoing, width=3)  # the back chevron
    draw.text((WIDTH / 2, 62), shot.sender, font=sender, fill=theme.text, anchor="mm")
    draw.line(((0, 90), (WIDTH, 90)), fill=theme.field, width=1)
    for item, top, lines in layout:
        if item.kind == "stamp":
            draw.text((WIDTH / 2, top + STAMP_SIZE / 2), item.text, font=stamp, fill=theme.muted, anchor="mm")
            continue
        text_width = max(body.getlength(line) for line in lines)
        bubble_width = text_width + 2 * BUBBLE_PAD_X
        left = 14 if item.kind == "in" else WIDTH - 14 - bubble_width
        bottom = top + len(lines) * line_height - LINE_GAP + 2 * BUBBLE_PAD_Y
        colour, ink = (theme.incoming, theme.text) if item.kind == "in" else (theme.outgoing, theme.outgoing_text)
        draw.rounded_rectangle((left, top, left + bubble_width, bottom), radius=16, fill=colour)
        for i, line in enumerate(lines):
            draw.text((left + BUBBLE_PAD_X, top + BUBBLE_PAD_Y + i * line_height), line, font=body, fill=ink, anchor="la")
    draw.rounded_rectangle((14, height - 54, WIDTH - 60, height - 16), radius=19, fill=theme.field)
    draw.text((30, height - 35), "短信", font=stamp, fill=theme.muted, anchor="lm")
    draw.ellipse((WIDTH - 50, height - 52, WIDTH - 16, height - 18), fill=theme.outgoing)
    if shot.scale != 1.0:
        image = image.resize((round(WIDTH * shot.scale), round(height * shot.scale)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70) if shot.jpeg else image.save(buffer, format="PNG")
    return buffer.getvalue()


def _rows(path: pathlib.Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def screenshots(root: pathlib.Path) -> list[Screenshot]:
    """The rendered set: single messages from the golden set, conversations from the corpus; one
    of them a JPEG, one at the size of a 1080 px phone screen.

    Golden rows of the 'disguised' category are left out: their disguise (invisible characters,
    separators) is a property of pasted text that a screen does not show. `root` is the project's
    root (tests/ and data/ are not installed with the package).
    """
    golden = [r["text"] for r in _rows(root / "tests" / "golden.jsonl") if r.get("category") != "disguised"]
    singles = golden[::3]
    corpus = _rows(root / "data" / "corpus.jsonl")
    by_kind: dict[str, list[str]] = {}
    for row in corpus:
        by_kind.setdefault(row["kind"], []).append(row["text"])
    # A genuine reminder or warning next to a scam from the same sender: the case where joining
    # the bubbles lowered the scam, and where a sender line flipped a warning.
    conversations = [
        [by_kind["antifraud_warning"][0], by_kind["fake_platform_service"][0]],
        [by_kind["platform_reminder"][0], by_kind["fake_legal_center"][0], REPLIES[0]],
        [by_kind["bank_notice"][0], by_kind["phishing_link"][0]],
        [by_kind["court_notice"][0], REPLIES[1], by_kind["fake_court"][0]],
        [by_kind["antifraud_warning"][1], by_kind["unlawful_collection"][0], REPLIES[2]],
    ]
    shots = []
    for i, text in enumerate(singles):
        items = (Item("stamp", STAMPS[i % len(STAMPS)]), Item("in", text))
        shots.append(Screenshot(f"single-{i:02d}", (LIGHT, DARK)[i % 2], SENDERS[i % len(SENDERS)], items))
    for i, texts in enumerate(conversations):
        items_list = [Item("stamp", STAMPS[(i + 1) % len(STAMPS)])]
        for j, text in enumerate(texts):
            if j == 2 and text not in REPLIES:
                items_list.append(Item("stamp", STAMPS[(i + 3) % len(STAMPS)]))
            items_list.append(Item("out" if text in REPLIES else "in", text))
        shots.append(Screenshot(f"conversation-{i}", (DARK, LIGHT)[i % 2], SENDERS[i % len(SENDERS)], tuple(items_list)))
    shots[0] = dataclasses.replace(shots[0], jpeg=True)
    shots[-1] = dataclasses.replace(shots[-1], scale=2.25)
    return shots


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _compact(text: str) -> str:
    return "".join(text.split())


def answer(text: str) -> tuple[str, tuple[str, ...]]:
    """What a screenshot must reproduce: the verdict and the red-flag ids."""
    from checker import check

    result = check(text)
    return result.verdict, tuple(sorted(f.id for f in result.flags if f.weight > 0))


def main(argv: list[str] | None = None) -> None:
    from checker.screenshot import messages_from_image

    parser = argparse.ArgumentParser(prog="python -m checker.lab.screenshot_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--show", action="store_true", help="print each bubble that reads differently (our own texts only)")
    args = parser.parse_args(argv)
    shots = screenshots(args.root)
    images = [render(shot) for shot in shots]
    messages_from_image(images[0])  # warm the engine: the figure is the time per image, not start-up
    errors = length = same = bubbles = split = 0
    times, cpu_times = [], []
    for shot, image in zip(shots, images):
        start, cpu_start = time.perf_counter(), time.process_time()
        found = messages_from_image(image)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
        split += len(found) == len(shot.messages)
        for typed, read in zip(shot.messages, found):
            errors += edit_distance(_compact(typed), _compact(read))
            length += len(_compact(typed))
            matches = answer(typed) == answer(read)
            same += matches
            if args.show and not matches:
                print(f"{shot.name}: {answer(typed)} -> {answer(read)}\n  typed: {typed}\n  read:  {read}")
        bubbles += len(shot.messages)
    print(f"screenshots: {len(shots)} ({bubbles} bubbles, {WIDTH} px wide but one at 1080, one JPEG; light and dark)")
    print(f"character error rate: {errors / length:.4f} ({errors} edits / {length} characters)")
    print(f"same verdict and red flags as the typed text: {same}/{bubbles} = {same / bubbles:.1%}")
    print(f"split into exactly their bubbles: {split}/{len(shots)}")
    print(f"time per image: median {statistics.median(times):.3f} s, max {max(times):.3f} s (wall)")
    # CPU time, all threads: the figure that does not depend on what else the machine is running.
    print(f"CPU time per image: median {statistics.median(cpu_times):.3f} s, max {max(cpu_times):.3f} s")


if __name__ == "__main__":
    main()
