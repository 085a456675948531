"""Content-Security-Policy: every page carries one with the hashes of its inline scripts, and
the site's features all work under it in Chromium, with no violation reported."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from defence_kb.model import KnowledgeBase

pytestmark = [pytest.mark.browser, pytest.mark.build]

# Every violation the browser reports, and every console error, kept on the page.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def _policy(page_html: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page_html)
    assert found, "no Content-Security-Policy meta tag"
    return found.group(1)


def test_every_page_has_a_policy_before_its_first_script(built_site: tuple[KnowledgeBase, Path]) -> None:
    from defence_kb.render.csp import inline_script_hashes

    _, site = built_site
    pages = sorted(site.rglob("*.html"))
    missing = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if "<script" not in text:
            continue  # a redirect
        policy = _policy(text)
        if text.index("Content-Security-Policy") > text.index("<script"):
            missing.append(f"{path}: the policy comes after a script")
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        form = path.relative_to(site).as_posix() == "de-xuat/index.html"  # sends the pull request
        assert directives["connect-src"] == ("'self' https://api.github.com" if form else "'self'"), path
        assert directives["default-src"] == "'self'", path
        sources = directives["script-src"].split()
        assert sources[0] == "'self'" and sources[-1] == "'wasm-unsafe-eval'", path
        assert sources[1:-1] == inline_script_hashes(text), path
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert missing == []
    assert len(pages) > 100


# Record text that slipped through as markup: the policy must stop it (and say so).
INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__injected = true";
  document.body.append(script);
  return new Promise((done) => setTimeout(() => done(window.__injected === true), 50));
}"""


def _check(page: Any, errors: list[str]) -> None:
    """No violation so far, no console error; and a script injected now is refused."""
    assert page.evaluate("window.__violations") == [], page.url
    assert errors == [], page.url
    assert page.evaluate(INJECT) is False, f"an injected inline script ran on {page.url}"
    assert [v.split()[0] for v in page.evaluate("window.__violations")] == ["script-src-elem"]
    page.evaluate("window.__violations = []")
    errors.clear()  # the browser's report of the refused script


def test_the_site_works_with_no_policy_violation(page_with_policy: Any, site_url: str) -> None:
    page = page_with_policy
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(WATCH)

    page.goto(f"{site_url}/")
    assert page.locator("h1").inner_text().rstrip(" ¶") == "Hợp tác quốc phòng quốc tế của Việt Nam"
    # the palette toggle (an inline script restores it on the next page)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Chuyển sang chế độ tối']").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    _check(page, errors)

    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert "Liên minh châu Âu" in page.locator("h1").inner_text()
    # the header's search dropdown (Pagefind: a module, WebAssembly)
    page.locator(".kb-search__input").first.click()
    page.keyboard.type("gin giu")
    page.wait_for_selector(".kb-search__results [role=option]")
    assert page.locator(".kb-search__results [role=option]").count() > 0
    _check(page, errors)

    page.goto(f"{site_url}/tim-kiem/?q=asean")
    page.wait_for_selector(".kb-search-page__results .kb-result")
    assert page.locator(".kb-search-page__status").inner_text()[0].isdigit()
    _check(page, errors)

    page.goto(f"{site_url}/de-xuat/")
    page.wait_for_selector(".kb-propose__form")
    # the "Thêm nguồn" step: a pasted article's paragraphs, their kinds and the file
    page.locator(".kb-propose__new-source > summary").click()
    page.get_by_label("Toàn văn bài viết").fill("Tiêu đề bài thử\n\nĐoạn một của bài thử.\n\nẢnh: một ảnh.")
    page.wait_for_selector(".kb-new-source__paragraph >> nth=2")
    assert page.get_by_label("Loại của đoạn 3", exact=True).input_value() == "caption"
    _check(page, errors)

    page.goto(f"{site_url}/khong-co-trang-nay/")  # the 404 page and its inline scripts
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    errors[:] = [error for error in errors if "status of 404" not in error]
    _check(page, errors)
