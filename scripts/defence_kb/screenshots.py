"""The `screenshots` command: pictures of key pages at phone and desktop widths, for review.

Serves the built site on localhost and drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {
    "trang-chu": "/",
    "ban-ghi-fpa": "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/",
    "chu-de-gin-giu-hoa-binh": "/chu-de/gin-giu-hoa-binh-lhq/",
    "bang-thoa-thuan": "/thoa-thuan/",
    "chu-de-song-phuong": "/chu-de/quan-he-quoc-phong-song-phuong-da-phuong/",
    "doi-tac-nam-sudan": "/doi-tac/nam-sudan/",
    "doi-tac-viet-nam": "/doi-tac/viet-nam/",
    "doi-tac-abyei": "/doi-tac/abyei/",
    "tim-kiem": "/tim-kiem/?q=gin+giu+hoa+binh",
    "khong-tim-thay": "/khong-co-trang-nay/",
    "doi-tac": "/doi-tac/",
    "doi-tac-lien-minh-chau-au": "/doi-tac/lien-minh-chau-au/",
    "dong-thoi-gian-nam-2020": "/dong-thoi-gian/?nam=2020#2020",
    "de-xuat": "/de-xuat/",
    "de-xuat-sua-fpa": "/de-xuat/?sua=hiep-dinh-fpa-viet-nam-eu",
    "gioi-thieu": "/gioi-thieu/",
    "phuong-phap": "/gioi-thieu/phuong-phap/",
    "giay-phep": "/gioi-thieu/giay-phep/",
}
# Each picture alone (page, CSS selector of the picture), at the same widths and schemes.
PICTURES = {
    "hinh-trang-chu-theo-nam": ("/", 'figure[data-chart="nam"]'),
    "hinh-chu-de-theo-nam": ("/chu-de/gin-giu-hoa-binh-lhq/", 'figure[data-chart="nam-chu-de"]'),
    "hinh-chu-de-tom-tat": ("/chu-de/gin-giu-hoa-binh-lhq/", ".kb-keyfacts"),
    "hinh-doi-tac": ("/doi-tac/", 'figure[data-chart="doi-tac"]'),
    "hinh-doi-tac-theo-nam": ("/doi-tac/lien-minh-chau-au/", 'figure[data-chart="nam-doi-tac"]'),
    "hinh-cung-tham-gia": ("/doi-tac/lien-minh-chau-au/", 'figure[data-chart="cung-tham-gia"]'),
}
# The pictures CONTRIBUTING.md shows (`make guide-screenshots`, committed in docs/images):
# the proposal form part way through a proposal, at phone and desktop widths.
GUIDE_FOLDER = Path("docs") / "images"
GUIDE_SOURCE = "ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022"
WIDTHS = {"dien-thoai": (390, 844), "may-tinh": (1366, 900)}
SCHEMES = {"sang": "light", "toi": "dark"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as a static host does, its own 404.html for missing pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser closing a connection early (a cancelled request) is not an error."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_folder(
    folder: Path, prefix: str = "", handler_class: type[_QuietHandler] | None = None
) -> Iterator[str]:
    """Serve `folder` on localhost at `prefix` (e.g. "/defence-kb", the path of the site's
    address, where the 404 page's absolute links point); yields the site's base URL.
    `handler_class` serves the files (the benchmark's compresses them)."""
    prefix = prefix.rstrip("/")

    class Handler(handler_class or _QuietHandler):  # type: ignore[misc]
        def translate_path(self, path: str) -> str:
            if prefix and (path == prefix or path.startswith(prefix + "/")):
                path = path[len(prefix) :] or "/"
            elif prefix:
                path = "/.kb-outside-the-site"
            return super().translate_path(path)

    handler = functools.partial(Handler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def take_screenshots(site_dir: Path, out_dir: Path, prefix: str = "") -> list[Path]:
    """Key pages and each picture at phone and desktop widths, in light and dark mode. `prefix` is the path
    the site is published under (its 404 page links there)."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_folder(site_dir, prefix) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme_name, scheme in SCHEMES.items():
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, locale="vi-VN", color_scheme=scheme
                )
                page = context.new_page()
                for page_name, path in PAGES.items():
                    page.goto(base + path)
                    if "tim-kiem" in path:
                        page.wait_for_selector(".kb-search-page__results .kb-result")
                    target = out_dir / f"{page_name}-{width_name}-{scheme_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                for picture_name, (path, selector) in PICTURES.items():
                    page.goto(base + path)
                    target = out_dir / f"{picture_name}-{width_name}-{scheme_name}.png"
                    page.locator(selector).first.screenshot(path=str(target))
                    written.append(target)
                context.close()
        browser.close()
    return written


def _guide_proposal(page: object) -> None:
    """An editor part way through proposing an agreement: type, title, two quotes picked
    (one by clicking its first and last words), kind, parties and a theme."""
    page.wait_for_selector(".kb-propose__form")
    page.check("input[name=kb-type][value=agreements]")
    page.locator("[data-field=title] input").fill("Bản ghi nhớ về hợp tác gìn giữ hòa bình với Pháp")
    picker = page.locator(".kb-picker")
    picker.locator("select").select_option(GUIDE_SOURCE)
    picker.locator("input[type=search]").fill("9 ban ghi nho")
    words = picker.locator(".kb-picker__paragraph").first.locator(".kb-word")
    texts = words.all_inner_texts()
    words.nth(texts.index("Bộ")).click()
    words.nth(texts.index("Pháp,")).click()
    page.get_by_role("button", name="Thêm vào bằng chứng").click()
    page.locator("[data-field=summary] textarea").fill(
        "Việt Nam ký Bản ghi nhớ về hợp tác trong lĩnh vực gìn giữ hòa bình Liên hợp quốc với Pháp."
    )
    page.locator("[data-field=kind] select").select_option("memorandum")
    for typed in ("viet nam", "phap"):
        page.locator("[data-field=parties] input[role=combobox]").fill(typed)
        page.wait_for_selector("[data-field=parties] [role=option]")
        page.keyboard.press("Enter")
    page.locator("[data-field=themes]").get_by_label("Gìn giữ hòa bình Liên hợp quốc").check()
    # a second quote chosen, not yet added: its words are marked in the paragraph
    words.nth(texts.index("1")).click()
    words.nth(texts.index("Sudan;")).click()
    page.wait_for_timeout(400)


def take_guide_screenshots(site_dir: Path, out_dir: Path, prefix: str = "") -> list[Path]:
    """The proposal form for the editors' guide: its quote picker and its checks and
    sending, at phone and desktop widths (light mode; element pictures, to stay small)."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_folder(site_dir, prefix) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
            page = context.new_page()
            page.goto(base + "/de-xuat/")
            # The sticky header and the "back to top" button would cover the pictures.
            page.add_style_tag(content=".md-header { position: static; } .md-top { display: none; }")
            _guide_proposal(page)
            shots = [("trich-dan", ".kb-evidence"), ("gui", ".kb-propose__send")]
            if width_name == "may-tinh":
                shots.append(("xem-truoc", ".kb-propose__page"))
            for name, selector in shots:
                target = out_dir / f"de-xuat-{name}-{width_name}.png"
                page.locator(selector).screenshot(path=str(target))
                written.append(target)
            context.close()
        browser.close()
    return written
