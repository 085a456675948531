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
    "doi-tac-nam-sudan": "/doi-tac/nam-sudan/",
    "tim-kiem": "/tim-kiem/?q=gin+giu+hoa+binh",
    "khong-tim-thay": "/khong-co-trang-nay/",
    "gioi-thieu": "/gioi-thieu/",
    "phuong-phap": "/gioi-thieu/phuong-phap/",
    "giay-phep": "/gioi-thieu/giay-phep/",
}
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
    """Key pages at phone and desktop widths, in light and dark mode. `prefix` is the path
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
                context.close()
        browser.close()
    return written
