"""Printed pages: where links go written once, no dangling separators, no stray last page."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGES = (
    "thoa-thuan/hiep-dinh-fpa-viet-nam-eu/",
    "doi-tac/nam-sudan/",
    "nguon/ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022/",
    "gioi-thieu/",
)


@pytest.mark.parametrize("path", PAGES)
def test_a_printed_page_writes_each_address_once_and_leaves_no_dangling_separator(
    page: Any, site_url: str, path: str
) -> None:
    page.goto(f"{site_url}/{path}")
    page.emulate_media(media="print")
    printed = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset a[href^="http"]')]
            .filter(a => a.offsetParent !== null)
            .map(a => [a.textContent.trim(), a.href, getComputedStyle(a, '::after').content])"""
    )
    assert printed, "the page has links to other sites"
    for text, href, after in printed:
        shown = after.strip('"') if after not in ("none", "normal") else ""
        if text in (href, href.rstrip("/")):
            assert shown == "", f"{text} is printed twice"
        else:
            assert href in shown, f"{text} does not say where it goes"
    text = page.locator("body").inner_text()
    assert not re.search(r"·\s*·|·\s*$", text, re.MULTILINE), re.search(r".{40}·\s*·.{0,10}", text)
    cite = page.locator(".kb-cite")
    if cite.count():
        assert cite.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
