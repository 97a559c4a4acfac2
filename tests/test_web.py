"""`checker serve` in a real browser: Playwright driving Debian's chromium (installed by .ci/run).

Playwright's own browser download cannot work offline, so `executable_path` points it at the
system chromium. The HTTP-level tests below need no browser.
"""

import os
import pathlib
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from checker.web import server as web

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
SCAM = "【法务中心】您的借呗已逾期，已进入立案程序。请今日内将欠款及律师费转入指定账户6222021234567890123，否则通知您的家人和单位。"
GENUINE = "【花呗】您本期账单已逾期，请登录支付宝App还款，以免影响信用。"
WARM_SECONDS = 0.5
SHOTS_DIR = os.environ.get("CHECKER_SHOTS", "")


@pytest.fixture(scope="module")
def base_url():
    httpd = web.make_server("127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="pip install '.[test]' brings playwright")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: apt-get install chromium fonts-noto-cjk (.ci/run does)")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN")
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(base_url)
    tab.requested = requested
    yield tab
    context.close()


def _submit(page, text):
    page.fill("#text", text)
    with page.expect_navigation():
        page.click("#check")


def test_a_scam_gets_its_verdict_marked_evidence_and_steps(page, base_url, tmp_path):
    _submit(page, SCAM)
    assert "高度可疑" in page.inner_text("#verdict")
    assert page.get_attribute(".answer", "data-verdict") == "high_risk"
    marked = page.locator("#marked mark").all_inner_texts()
    assert any("指定账户" in m for m in marked) and any("法务中心" in m for m in marked)
    assert page.inner_text("#marked").replace("\n", "") == SCAM
    assert page.locator("ol.steps li").count() >= 3
    assert page.input_value(".report textarea") == "发信号码*" + SCAM
    # Nothing was fetched from anywhere but this server, and the message never went into a URL.
    assert all(url.startswith(base_url) for url in page.requested)
    assert all("%E6%B3%95" not in url and "法务" not in url for url in page.requested)
    # What the reader sees first (the page scrolls to the answer), and the whole page.
    for name, full_page in (("scam-phone-first-screen.png", False), ("scam-phone.png", True)):
        shot = tmp_path / name
        page.screenshot(path=str(shot), full_page=full_page)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
        print(f"phone-width screenshot: {shot}")
        if SHOTS_DIR:  # keep a copy to look at: CHECKER_SHOTS=/some/dir pytest tests/test_web.py
            pathlib.Path(SHOTS_DIR, name).write_bytes(data)


def test_the_page_fits_a_phone_without_sideways_scrolling(page):
    _submit(page, SCAM)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('ol.steps li')).fontSize)")
    assert font >= 18


def test_a_genuine_message_gets_a_calm_answer(page):
    _submit(page, GENUINE)
    assert page.get_attribute(".answer", "data-verdict") == "low_risk"
    assert "未见明显异常" in page.inner_text("#verdict")
    assert page.locator("mark").count() == 0 and page.locator(".report").count() == 0


def test_traditional_and_english_pages(page):
    page.select_option("#lang", "zh-Hant")
    _submit(page, SCAM)
    assert page.inner_text("#verdict").startswith("結論")
    page.select_option("#lang", "en")
    _submit(page, SCAM)
    assert page.inner_text("#verdict").startswith("Verdict")


NAVIGATION_MS = "(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; })()"


def test_a_warm_check_on_the_page_is_fast(page):
    _submit(page, SCAM)  # warm
    page_times, round_trips = [], []
    for _ in range(5):
        page.fill("#text", SCAM)
        start = time.perf_counter()
        with page.expect_navigation():
            page.click("#check")
        page.wait_for_selector("#verdict")
        round_trips.append(time.perf_counter() - start)
        # The browser's own clock: from the submit to the answer page fully loaded.
        page_times.append(page.evaluate(NAVIGATION_MS) / 1000)
    print(
        f"warm page check: browser navigation median {statistics.median(page_times) * 1000:.0f} ms; "
        f"click-to-verdict through Playwright median {statistics.median(round_trips) * 1000:.0f} ms"
    )
    # The target is the page's own time; Playwright's round trip adds its driver's overhead (shown).
    assert statistics.median(page_times) < WARM_SECONDS


# --- HTTP, no browser -----------------------------------------------------------------------------


def _post(url, data: bytes, content_type="application/x-www-form-urlencoded"):
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def test_headers_forbid_everything_from_elsewhere(base_url):
    with urllib.request.urlopen(base_url, timeout=30) as response:
        headers = response.headers
        body = response.read().decode("utf-8")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    assert "http://" not in body.replace(base_url, "") and "https://" not in body and "<script" not in body
    assert 'method="post"' in body


def test_text_in_a_url_is_never_read(base_url):
    with urllib.request.urlopen(base_url + "?" + urllib.parse.urlencode({"text": SCAM}), timeout=30) as response:
        body = response.read().decode("utf-8")
    assert "verdict" not in body and "法务中心" not in body


def test_an_oversized_post_is_refused_unread(base_url):
    status, _, body = _post(base_url, b"text=" + b"a" * (web.MAX_FORM_BYTES + 1))
    assert status == 413 and "太长" in body


def test_an_empty_post_says_so_in_one_line(base_url):
    status, _, body = _post(base_url, b"text=%20&lang=zh")
    assert status == 200 and "请先粘贴短信内容" in body


def test_the_readers_own_loss_is_answered_with_110_in_the_warning_colour(base_url):
    story = "我妈被骗了三万块，对方说是公安局的，现在还能追回来吗"
    status, _, body = _post(base_url, urllib.parse.urlencode({"text": story, "lang": "zh"}).encode())
    assert status == 200
    assert '<div class="verdict loss" id="verdict">这段话讲的是已经发生的被骗或转账：请马上报警</div>' in body
    assert "110" in body and "未见明显异常" not in body


def test_nothing_is_logged(base_url, capfd):
    _post(base_url, urllib.parse.urlencode({"text": SCAM}).encode())
    captured = capfd.readouterr()
    assert "法务" not in captured.err + captured.out and "POST" not in captured.err


def test_a_screenshot_without_the_reader_gets_a_clear_line(base_url, monkeypatch):
    boundary = "----checker"
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nzh\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
        f"Content-Type: image/png\r\n\r\n"
    ).encode() + b"\x89PNG\r\n\x1a\nnot really" + f"\r\n--{boundary}--\r\n".encode()
    status, _, page_html = _post(base_url, body, f"multipart/form-data; boundary={boundary}")
    assert status == 200
    if web.screenshot_reader() is None:
        assert "截图识别" in page_html and 'id="image"' not in page_html
    else:
        assert 'id="image"' in page_html


# --- the command line -----------------------------------------------------------------------------


class _FakeServer:
    server_address = ("127.0.0.1", 8000)
    served = False

    def serve_forever(self):
        _FakeServer.served = True

    def server_close(self):
        pass


@pytest.mark.parametrize(("host", "warned"), [("127.0.0.1", False), ("localhost", False), ("::1", False), ("0.0.0.0", True), ("192.168.1.5", True)])
def test_serve_warns_off_loopback(monkeypatch, host, warned):
    from click.testing import CliRunner

    from checker.cli import cli

    monkeypatch.setattr(web, "make_server", lambda h, p: _FakeServer())
    result = CliRunner().invoke(cli, ["serve", "--host", host], standalone_mode=False)
    assert result.exit_code == 0 and _FakeServer.served
    assert ("警告" in result.stderr) is warned
    assert "http://" in result.stderr


def test_report_prints_only_the_sms_to_send():
    from click.testing import CliRunner

    from checker.cli import cli

    result = CliRunner().invoke(cli, ["check", "--report", "--sender", "10690001", SCAM], standalone_mode=False)
    assert result.stdout == f"10690001*{SCAM}\n" and "12321" in result.stderr


def test_a_post_without_a_length_is_not_read(base_url):
    import http.client

    host, port = base_url[len("http://"):-1].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.putrequest("POST", "/")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 411
    connection.close()


# --- a screenshot through the page (needs the [ocr] extra and fonts-noto-cjk) ----------------------


@pytest.fixture
def screenshot_file(tmp_path):
    if web.screenshot_reader() is None:
        pytest.skip('screenshot reading needs pip install ".[ocr]" (part of [test])')
    from checker.lab import screenshot_bench as bench

    if not bench.NOTO_CJK.exists():
        pytest.skip("needs fonts-noto-cjk (apt-get install fonts-noto-cjk)")

    def make(*messages):
        items = [bench.Item("stamp", "10:32")] + [bench.Item("in", m) for m in messages]
        path = tmp_path / f"sms-{len(messages)}.png"
        path.write_bytes(bench.render(bench.Screenshot("web", bench.LIGHT, "10690000", tuple(items))))
        return path

    return make


def test_a_screenshot_gets_the_typed_answer(page, screenshot_file, tmp_path):
    page.set_input_files("#image", str(screenshot_file(SCAM)))
    start = time.perf_counter()
    with page.expect_navigation(timeout=60_000):
        page.click("#read")
    print(f"screenshot upload to answer: {(time.perf_counter() - start) * 1000:.0f} ms")
    assert page.get_attribute(".answer", "data-verdict") == "high_risk"
    assert any("指定账户" in m for m in page.locator("#marked mark").all_inner_texts())
    page.screenshot(path=str(tmp_path / "screenshot-answer.png"), full_page=True)


def test_a_conversation_screenshot_gets_one_answer_per_message(page, screenshot_file):
    page.set_input_files("#image", str(screenshot_file(SCAM, GENUINE)))
    start = time.perf_counter()
    with page.expect_navigation(timeout=60_000):
        page.click("#read")
    print(f"screenshot of two messages, OCR warm, upload to answers: {(time.perf_counter() - start) * 1000:.0f} ms")
    verdicts = [page.locator(".answer").nth(i).get_attribute("data-verdict") for i in range(page.locator(".answer").count())]
    assert verdicts == ["high_risk", "low_risk"]
