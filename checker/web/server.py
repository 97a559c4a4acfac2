"""A one-page local web server for the check: paste a message (or upload a screenshot), read the answer.

Standard library only (http.server). The page is rendered on the server and needs no JavaScript;
it loads nothing from outside (a strict Content-Security-Policy says so to the browser). The
message travels only in a POST body, never in a URL, and nothing about it is logged or kept.
"""

from __future__ import annotations

import email.parser
import email.policy
import html
import importlib
import ipaddress
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from string import Template
from typing import ClassVar
from urllib.parse import parse_qs

from ..pipeline import InputError, check
from ..stages.render import LANGS, answer, to_report, to_traditional

# A pasted message is a few hundred characters; a screenshot a few megabytes.
MAX_FORM_BYTES = 256 * 1024
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

SECURITY_HEADERS = {
    # Everything the page uses comes from this server; no script runs at all.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}

WORDS = {
    "zh": {
        "title": "收到可疑短信？先查一查",
        "paste_label": "把短信内容粘贴到这里：",
        "lang_label": "语言",
        "check_button": "检查这条短信",
        "upload_label": "或者上传短信截图：",
        "upload_button": "识别截图并检查",
        "privacy": "短信只在这台电脑上检查，不会发到网上，也不会被保存。本工具只指出可疑之处，不能替你判断真假：请按回答里的步骤核实。",
        "steps": "接下来怎么做",
        "marked": "短信原文（标出的地方可疑）",
        "report_title": "举报这条短信",
        "report_how": "把下面这段文字作为短信发到 12321，开头换成给你发短信的号码，原文不要改动：",
        "message_of": "截图里的第 {n} 条短信",
        "empty": "请先粘贴短信内容。",
        "too_big": "内容太长了：请只粘贴一条短信（或上传一张小于 10 MB 的截图）。",
        "no_ocr": "这台电脑没有安装截图识别功能（pip install \"checker[ocr]\"），请直接粘贴短信文字。",
        "no_image": "请先选择一张截图。",
        "no_text_in_image": "截图里没有识别出短信文字，请直接粘贴短信内容。",
        "bad_request": "无法读取提交的内容，请重新粘贴后再试。",
        "internal": "检查时出了问题，请重试；如果一直这样，请把问题报告给我们（不要附上短信内容）。",
    },
    "en": {
        "title": "Got a worrying text message? Check it first",
        "paste_label": "Paste the message here:",
        "lang_label": "Language",
        "check_button": "Check this message",
        "upload_label": "Or upload a screenshot of it:",
        "upload_button": "Read the screenshot and check",
        "privacy": "The message is checked on this computer only; it is not sent anywhere or kept. This tool points out what is suspicious; it cannot tell you for certain: follow the steps in the answer to verify.",
        "steps": "What to do next",
        "marked": "The message (suspicious places marked)",
        "report_title": "Report this message",
        "report_how": "Send the text below as an SMS to 12321, with the sender's number at the start, the message unchanged:",
        "message_of": "Message {n} in the screenshot",
        "empty": "Please paste the message first.",
        "too_big": "That is too long: paste one message (or a screenshot under 10 MB).",
        "no_ocr": "Screenshot reading is not installed on this computer (pip install \"checker[ocr]\"); please paste the text.",
        "no_image": "Please choose a screenshot first.",
        "no_text_in_image": "No message text was found in the screenshot; please paste the text.",
        "bad_request": "The form could not be read; please paste the message again.",
        "internal": "Something went wrong while checking; please try again.",
    },
}
LANG_NAMES = {"zh": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "zh-Hant": "zh-Hant", "en": "en"}


def _words(lang: str) -> dict[str, str]:
    if lang == "en":
        return WORDS["en"]
    if lang == "zh-Hant":
        return {key: to_traditional(value) for key, value in WORDS["zh"].items()}
    return WORDS["zh"]


def _static(name: str) -> bytes:
    return resources.files("checker.web").joinpath("static", name).read_bytes()


def screenshot_reader():
    """checker.screenshot when it imports and can read (the [ocr] extra), else None: no upload then."""
    try:
        reader = importlib.import_module("checker.screenshot")
    except ImportError:
        return None
    available = getattr(reader, "ocr_available", None)
    return reader if available is None or available() else None


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def answer_html(text: str, lang: str, heading: str = "") -> str:
    """One message's answer as HTML: verdict, reasons with quotes, numbered steps, marked message, report."""
    result = check(text)
    a = answer(text, result, lang)
    words = _words(lang)
    parts = [f'<section class="answer" data-verdict="{a.verdict}">']
    if heading:
        parts.append(f"<h2>{_e(heading)}</h2>")
    # A story of a loss is not "low risk" to look at: it calls for the police, in the warning colour.
    parts.append(f'<div class="verdict {"loss" if a.lost else a.verdict}" id="verdict">{_e(a.headline)}</div>')
    if a.reasons:
        parts.append(f"<h2>{_e(a.reasons_title.rstrip('：:'))}</h2><ul class=\"reasons\">")
        for reason in a.reasons:
            quotes = "".join(f" <q>{_e(q)}</q>" for q in reason.quotes)
            parts.append(f"<li>{_e(reason.text)}{quotes}</li>")
        parts.append("</ul>")
    parts += [f'<p class="calm">{_e(line)}</p>' for line in a.calm]
    if a.steps:
        parts.append(f'<h2>{_e(words["steps"])}</h2><ol class="steps">')
        parts += [f"<li>{_e(step)}</li>" for step in a.steps]
        parts.append("</ol>")
    if a.segments:
        marked = "".join(f"<mark>{_e(piece)}</mark>" if hit else _e(piece) for piece, hit in a.segments)
        parts.append(f'<h2>{_e(words["marked"])}</h2><div class="message" id="marked">{marked}{_e(a.more)}</div>')
    if result.verdict != "low_risk":
        parts.append(
            f'<div class="report"><h2>{_e(words["report_title"])}</h2><p class="note">{_e(words["report_how"])}</p>'
            f'<textarea readonly rows="5" aria-label="12321">{_e(to_report(text, lang=lang))}</textarea></div>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def page(lang: str = "zh", text: str = "", answer_part: str = "", reader_available: bool = False) -> bytes:
    words = _words(lang)
    options = "".join(
        f'<option value="{code}"{" selected" if code == lang else ""}>{name}</option>' for code, name in LANG_NAMES.items()
    )
    upload = ""
    if reader_available:
        upload = (
            '<form class="upload" method="post" action="/#answer" enctype="multipart/form-data">'
            f'<label for="image">{_e(words["upload_label"])}</label>'
            '<input type="file" id="image" name="image" accept="image/*">'
            f'<input type="hidden" name="lang" value="{_e(lang)}">'
            f'<button type="submit" class="secondary" id="read">{_e(words["upload_button"])}</button></form>'
        )
    template = Template(_static("page.html").decode("utf-8"))
    return template.substitute(
        html_lang=HTML_LANG[lang],
        title=_e(words["title"]),
        paste_label=_e(words["paste_label"]),
        lang_label=_e(words["lang_label"]),
        lang_options=options,
        check_button=_e(words["check_button"]),
        text=_e(text),
        upload=upload,
        answer=answer_part,
        privacy=_e(words["privacy"]),
    ).encode("utf-8")


def _error(message: str) -> str:
    return f'<p class="error" id="error" role="alert">{_e(message)}</p>'


class Handler(BaseHTTPRequestHandler):
    server_version = "checker"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    STATIC: ClassVar[dict[str, tuple[str, str]]] = {"/style.css": ("style.css", "text/css; charset=utf-8")}

    def log_message(self, format, *args) -> None:
        """Silent: nothing about a request, let alone a message, is logged."""

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/":
            # A query string is ignored: the message is never read from a URL.
            self._send(HTTPStatus.OK, page(reader_available=self.server.reader is not None))  # type: ignore[attr-defined]
        elif path in self.STATIC:
            name, content_type = self.STATIC[path]
            self._send(HTTPStatus.OK, _static(name), content_type)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        reader = self.server.reader  # type: ignore[attr-defined]
        if self.path.split("?", 1)[0] != "/":
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")
            return
        content_type = self.headers.get("Content-Type", "")
        multipart = content_type.startswith("multipart/form-data")
        limit = MAX_UPLOAD_BYTES if multipart else MAX_FORM_BYTES
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if length < 0:
            # A browser's form always says how long it is; anything else is not read.
            self.close_connection = True
            self._send(HTTPStatus.LENGTH_REQUIRED, page(answer_part=_error(_words("zh")["bad_request"])))
            return
        if length > limit:
            # Nothing is read: the connection closes rather than take in an oversized body.
            self.close_connection = True
            body = page(answer_part=_error(_words("zh")["too_big"]), reader_available=reader is not None)
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, body)
            return
        data = self.rfile.read(length)
        try:
            fields = _multipart(content_type, data) if multipart else _urlencoded(data)
        except ValueError:
            self._send(HTTPStatus.BAD_REQUEST, page(answer_part=_error(_words("zh")["bad_request"])))
            return
        lang = fields.get("lang", "zh")
        lang = lang if isinstance(lang, str) and lang in LANGS else "zh"
        words = _words(lang)
        text = fields.get("text", "")
        text = text if isinstance(text, str) else ""
        try:
            if multipart and "image" in fields:
                part = _image_answers(fields["image"], reader, lang)
            elif not text.strip():
                part = _error(words["empty"])
            else:
                part = answer_html(text, lang)
        except InputError:
            part = _error(words["empty"] if not text.strip() else words["too_big"])
        except Exception:
            part = _error(words["internal"])
        self._send(HTTPStatus.OK, page(lang, text, part, reader is not None))


def _image_answers(image, reader, lang: str) -> str:
    words = _words(lang)
    if reader is None:
        return _error(words["no_ocr"])
    if not isinstance(image, bytes) or not image:
        return _error(words["no_image"])
    try:
        messages = [m for m in reader.messages_from_image(image) if m.strip()]
    except reader.ScreenshotError as exc:
        return _error(str(exc) or words["no_text_in_image"])
    if not messages:
        return _error(words["no_text_in_image"])
    if len(messages) == 1:
        return answer_html(messages[0], lang)
    return "\n".join(
        answer_html(message, lang, words["message_of"].format(n=n)) for n, message in enumerate(messages, 1)
    )


def _urlencoded(data: bytes) -> dict[str, str]:
    try:
        pairs = parse_qs(data.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=10)
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    return {key: values[0] for key, values in pairs.items()}


def _multipart(content_type: str, data: bytes) -> dict[str, str | bytes]:
    """The fields of a multipart/form-data body: text fields as str, the file as bytes."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + data
    )
    if not message.is_multipart():
        raise ValueError("not multipart")
    fields: dict[str, str | bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or name in fields:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            payload = b""
        if name == "image":
            fields[name] = payload
        else:
            fields[name] = payload.decode("utf-8", errors="replace")
    return fields


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int]) -> None:
        self.reader = screenshot_reader()
        super().__init__(address, Handler)

    def handle_error(self, request, client_address) -> None:
        # The default prints a traceback; one line, with nothing from the request, is enough.
        print(f"checker serve: a request failed ({type(sys.exc_info()[1]).__name__})", file=sys.stderr)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(host: str = "127.0.0.1", port: int = 8000) -> Server:
    """A server ready to serve_forever(), with the model loaded so that the first check is warm."""
    check("预热")
    return Server((host, port))
