"""WCAG 2.2 A/AA on every page type, checked by axe-core in Debian's Chromium.

Each page type is opened in light mode and dark mode at desktop width, and in light mode at
phone width (390 px); axe-core (bundled by PyPI's axe-playwright-python) must report no
violation of the WCAG 2.0, 2.1 or 2.2 A and AA rules. The search page is checked with
results and facets shown, and the header's search dropdown open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def _search_results(page: Any) -> None:
    page.wait_for_selector(".kb-search-page__results .kb-result")
    if not page.locator(".kb-facets-box").evaluate("box => box.open"):
        # On a phone the filters are folded (and counted once opened): check them open.
        page.locator(".kb-facets-box__summary").click()
    page.wait_for_selector(".kb-facet input")


def _dropdown_open(page: Any) -> None:
    page.locator(".kb-search__input").first.click()
    page.keyboard.type("gin giu")
    page.wait_for_selector(".kb-search__results [role=option]")
    page.keyboard.press("ArrowDown")


def _timeline_filtered(page: Any) -> None:
    page.wait_for_selector(".kb-theme-filter:not([hidden])")
    page.locator(".kb-theme-filter button", has_text="Văn kiện chính sách").click()


def _proposal_in_progress(page: Any) -> None:
    """The form with its picker open on a source, words chosen, a new entity's panel and a
    reference being added, a combobox's options shown, errors beside their fields and the
    optional fields unfolded."""
    page.wait_for_selector(".kb-propose__form")
    entities = page.locator("[data-field=entities] input[role=combobox]")
    entities.fill("Bộ Quốc phòng Pháp")
    page.wait_for_selector("[data-field=entities] [role=option]")
    entities.press("ArrowDown")
    entities.press("Enter")
    page.locator(".kb-new-entity [data-field=entity_source] select").select_option(index=1)
    page.get_by_role("button", name="Thêm tài liệu tham khảo").click()
    page.locator(".kb-reference [data-field=url] input").fill("http://example.org/x")
    page.locator(".kb-propose__more > summary").click()
    page.locator(".kb-picker select").first.select_option("ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022")
    words = page.locator(".kb-picker__paragraph").nth(4).locator(".kb-word")
    words.nth(2).click()
    words.nth(6).click()
    page.locator("button.kb-propose__submit").click()  # shows every error
    box = page.locator("[data-field=entities] input[role=combobox]")
    box.fill("viet")
    page.wait_for_selector("[data-field=entities] [role=option]")


def _new_source(page: Any) -> None:
    """The "Thêm nguồn" step open: an article pasted, its paragraphs with their kinds, one
    kind changed, a metadata error shown at its field, and the file's preview."""
    page.wait_for_selector(".kb-propose__form")
    page.locator(".kb-propose__new-source > summary").click()
    article = REPO_ROOT / "tests" / "fixtures" / "new_source" / "bai-mot.txt"
    page.get_by_label("Toàn văn bài viết").fill(article.read_text(encoding="utf-8"))
    page.get_by_label("Địa chỉ URL của bài", exact=True).fill("vi-du.invalid")
    page.get_by_label("Loại của đoạn 5", exact=True).select_option("sidebar")
    page.locator("button.kb-propose__submit").click()  # shows every error
    page.wait_for_selector("[data-field=source-url] .kb-error:not([hidden])")


def _correction(page: Any) -> None:
    page.wait_for_selector(".kb-propose__form")
    page.locator("[data-field=location] input").fill("Brussels")
    page.wait_for_selector(".kb-propose__diff")


# (name, path, what to do once the page has loaded)
PAGES: list[tuple[str, str, Callable[[Any], None] | None]] = [
    ("home", "/", None),
    ("quick answers", "/hoi-nhanh/", None),
    ("theme index", "/chu-de/", None),
    ("theme", "/chu-de/gin-giu-hoa-binh-lhq/", None),
    ("theme with map", "/chu-de/quan-he-quoc-phong-song-phuong-da-phuong/", None),
    ("map table open", "/", lambda page: page.locator(".kb-map__data summary").click()),
    ("event", "/su-kien/bo-quoc-phong-viet-nam-tham-gia-admm-plus/", None),
    ("agreement", "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/", None),
    ("mission", "/phai-bo/doi-cong-binh-viet-nam-phai-bo-abyei/", None),
    ("document", "/van-kien/nghi-quyet-22-nq-tw/", None),
    ("position", "/quan-diem/chinh-sach-quoc-phong-bon-khong/", None),
    ("position index", "/quan-diem/", None),
    ("figures", "/so-lieu/", None),
    ("event index", "/su-kien/", None),
    ("agreement index", "/thoa-thuan/", None),
    ("mission index", "/phai-bo/", None),
    ("document index", "/van-kien/", None),
    ("entity index", "/doi-tac/", None),
    ("country", "/doi-tac/nam-sudan/", None),
    ("country with locator near Biển Đông", "/doi-tac/viet-nam/", None),
    ("area", "/doi-tac/abyei/", None),
    ("organisation", "/doi-tac/admm-plus/", None),
    ("person", "/doi-tac/dong-quan/", None),
    ("entity with pictures", "/doi-tac/lien-minh-chau-au/", None),
    ("timeline by year", "/dong-thoi-gian/?nam=2020", None),
    ("theme by year and type", "/chu-de/gin-giu-hoa-binh-lhq/?nam=2014&loai=missions", None),
    ("source index", "/nguon/", None),
    ("source", "/nguon/tccs-hop-tac-hoi-nhap-quoc-phong-2025/", None),
    ("timeline", "/dong-thoi-gian/", None),
    ("timeline filtered", "/dong-thoi-gian/", _timeline_filtered),
    ("tags", "/nhan/", None),
    ("lookup", "/tra-cuu/", None),
    ("data", "/du-lieu/", None),
    ("recent", "/moi-cap-nhat/", None),
    ("about", "/gioi-thieu/", None),
    ("method", "/gioi-thieu/phuong-phap/", None),
    ("licence", "/gioi-thieu/giay-phep/", None),
    ("search results", "/tim-kiem/?q=gin+giu+hoa+binh", _search_results),
    ("search by filter", "/tim-kiem/?year=2020", _search_results),
    ("header dropdown", "/thoa-thuan/", _dropdown_open),
    ("404", "/khong-co-trang-nay/", None),
    ("proposal form", "/de-xuat/", _proposal_in_progress),
    ("correction form", "/de-xuat/?sua=hiep-dinh-fpa-viet-nam-eu", _correction),
    ("proposal form, new source", "/de-xuat/", _new_source),
]

MODES = {
    "light": {"viewport": {"width": 1366, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1366, "height": 900}, "color_scheme": "dark"},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "color_scheme": "light",
        "is_mobile": True,
        "has_touch": True,
    },
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module", params=list(MODES))
def mode_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    context = browser.new_context(locale="vi-VN", **MODES[request.param], bypass_csp=True)
    yield request.param, context.new_page()
    context.close()


def violations(axe: Axe, page: Any) -> list[str]:
    """One line per violation and node: rule, impact, target and axe's summary."""
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    lines = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())[:240]
            lines.append(f"{violation['id']} ({violation['impact']}) {node['target']}: {summary}")
    return lines


@pytest.mark.parametrize(("name", "path", "prepare"), PAGES, ids=[p[0] for p in PAGES])
def test_page_type_meets_wcag_22_aa(
    axe: Axe, mode_page: tuple[str, Any], site_url: str, name: str, path: str, prepare: Any
) -> None:
    mode, page = mode_page
    page.goto(f"{site_url}{path}")
    expected = "slate" if mode == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    if prepare:
        prepare(page)
        # A state reached by scrolling hides Material's tabs with a fade: check the colours
        # once it has ended, not halfway (axe would see the tabs at partial opacity).
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    found = violations(axe, page)
    assert found == [], f"{name} ({mode}): {len(found)} violations\n" + "\n".join(found)
