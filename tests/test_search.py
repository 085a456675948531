"""Search as readers use it: real queries through the search page, in Debian's Chromium.

The site is served on localhost; queries go through the same code as the header box
(docs/assets/search.js on Pagefind), so these are the results a reader sees.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import quote, urlencode

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]

FPA = "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def results(page: Any, site_url: str, query: str, **filters: str) -> list[tuple[str, str, str]]:
    """(url path, title, type) of every result for `query` on the search page, all pages of it."""
    params = [("q", query), *filters.items()]
    page.goto(f"{site_url}/tim-kiem/?{urlencode(params, quote_via=quote)}")
    page.wait_for_function(
        "document.querySelector('.kb-search-page__status') &&"
        " document.querySelector('.kb-search-page__status').textContent.length > 0"
    )
    more = page.locator(".kb-search-page__more")
    while more.is_visible():
        shown_before = page.locator(".kb-search-page__results .kb-result").count()
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('.kb-search-page__results .kb-result').length > {shown_before}"
        )
    rows = page.locator(".kb-search-page__results .kb-result").all()
    shown = []
    for row in rows:
        href = row.locator("a").get_attribute("href")
        title = row.locator(".kb-result__title").inner_text()
        meta = row.locator(".kb-result__meta")
        shown.append(
            (
                href.split("127.0.0.1", 1)[-1].split("/", 1)[-1],
                title,
                meta.inner_text() if meta.count() else "",
            )
        )
    return [("/" + url if not url.startswith("/") else url, title, meta) for url, title, meta in shown]


def urls(page: Any, site_url: str, query: str, **filters: str) -> list[str]:
    return [url for url, _, _ in results(page, site_url, query, **filters)]


# ----------------------------------------------------------------- diacritics and NFD


def test_same_results_with_without_diacritics_and_nfd_exact_first(page: Any, site_url: str) -> None:
    typed = results(page, site_url, "gìn giữ hòa bình")
    plain = results(page, site_url, "gin giu hoa binh")
    decomposed = results(page, site_url, nfd("gìn giữ hòa bình"))
    assert len(typed) >= 10
    assert {u for u, _, _ in typed} == {u for u, _, _ in plain} == {u for u, _, _ in decomposed}
    assert [u for u, _, _ in typed] == [u for u, _, _ in decomposed]
    assert "gìn giữ hòa bình" in typed[0][1].lower()


def test_border_with_and_without_diacritics(page: Any, site_url: str) -> None:
    typed = urls(page, site_url, "biên giới")
    plain = urls(page, site_url, "bien gioi")
    assert set(typed) == set(plain)
    assert sum("bien-gioi" in url for url in typed[:5]) >= 4


# ------------------------------------------------------------------------- đ and d


@pytest.mark.parametrize("query", ["Đổng Quân", "dong quan", "Dong Quan", nfd("Đổng Quân")])
def test_d_stroke_and_d_find_dong_quan(page: Any, site_url: str, query: str) -> None:
    assert urls(page, site_url, query)[0] == "/doi-tac/dong-quan/"


@pytest.mark.parametrize("query", ["đội công binh", "doi cong binh"])
def test_d_stroke_in_common_words(page: Any, site_url: str, query: str) -> None:
    found = results(page, site_url, query)
    assert "Đội Công binh" in found[0][1] or "đội công binh" in found[0][1].lower()
    assert sum("abyei" in url for url, _, _ in found[:3]) == 3


# --------------------------------------------------------------- numbers and codes


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("22-NQ/TW", "/van-kien/nghi-quyet-22-nq-tw/"),
        ("2662", "/van-kien/nghi-quyet-2662-nq-qutw-2024/"),
        ("806-NQ/QUTƯ", "/van-kien/nghi-quyet-806-nq-qutu/"),
        ("59-NQ/TW", "/van-kien/nghi-quyet-59-nq-tw-2025/"),
        ("EUTM RCA", "/phai-bo/phai-bo-huan-luyen-eu-tai-cong-hoa-trung-phi/"),
        ("1.100", "/phai-bo/quan-nhan-viet-nam-tai-cac-phai-bo-lhq/"),
        ("Phan Văn Giang", "/doi-tac/phan-van-giang/"),
        ("phan van giang", "/doi-tac/phan-van-giang/"),
        ("Shangri-La", "/su-kien/bo-quoc-phong-viet-nam-tham-gia-doi-thoai-shangri-la/"),
    ],
)
def test_codes_numbers_and_names_put_their_record_first(
    page: Any, site_url: str, query: str, first: str
) -> None:
    assert urls(page, site_url, query)[0] == first


def test_fpa_code(page: Any, site_url: str) -> None:
    assert FPA in urls(page, site_url, "FPA")[:2]


def test_admm_plus_is_not_admm(page: Any, site_url: str) -> None:
    found = results(page, site_url, "ADMM+")
    assert "ADMM+" in found[0][1]
    order = [url for url, _, _ in found]
    plus = order.index("/su-kien/bo-quoc-phong-viet-nam-tham-gia-admm-plus/")
    plain = order.index("/su-kien/bo-quoc-phong-viet-nam-tham-gia-admm/")
    assert plus < plain


@pytest.mark.parametrize(
    ("query", "part"), [("Abyei", "abyei"), ("Nam Sudan", "nam-sudan"), ("AAPTC", "aaptc")]
)
def test_places_and_organisations(page: Any, site_url: str, query: str, part: str) -> None:
    top = urls(page, site_url, query)[:3]
    assert sum(part in url for url in top) >= 2, top


@pytest.mark.parametrize("query", ["Thổ Nhĩ Kỳ", "tho nhi ky"])
def test_turkiye_earthquake(page: Any, site_url: str, query: str) -> None:
    assert "/phai-bo/cuu-ho-dong-dat-tho-nhi-ky-2023/" in urls(page, site_url, query)[:2]


# ---------------------------------------------------------------- multi-word ranking


@pytest.mark.parametrize(
    "query",
    [
        "hiệp định khuôn khổ Việt Nam EU",
        "hiep dinh khuon kho viet nam eu",
        "Việt Nam EU quản lý khủng hoảng",
    ],
)
def test_multi_word_query_puts_the_fpa_first(page: Any, site_url: str, query: str) -> None:
    assert urls(page, site_url, query)[0] == FPA


def test_covid_cooperation(page: Any, site_url: str) -> None:
    top = urls(page, site_url, "hợp tác phòng chống Covid-19")[:3]
    assert "/su-kien/hop-tac-quoc-phong-phong-chong-covid-19/" in top


# ---------------------------------------------------------------- filters, no match


def test_a_filter_narrows_results(page: Any, site_url: str) -> None:
    everything = results(page, site_url, "gìn giữ hòa bình")
    documents = results(page, site_url, "gìn giữ hòa bình", type="Văn kiện chính sách")
    assert 0 < len(documents) < len(everything)
    assert all(meta.startswith("Văn kiện chính sách") for _, _, meta in documents)
    assert page.locator(".kb-facet[data-filter='type'] input[value='Văn kiện chính sách']").is_checked()


def test_year_filter(page: Any, site_url: str) -> None:
    found = results(page, site_url, "giao lưu", year="2024")
    assert found and all("2024" in meta for _, _, meta in found)


def test_no_match_says_so_in_vietnamese(page: Any, site_url: str) -> None:
    assert results(page, site_url, "zyxwv") == []
    status = page.locator(".kb-search-page__status").inner_text()
    assert status.startswith("Không tìm thấy kết quả nào cho “zyxwv”")


def test_search_page_url_prefills_the_query(page: Any, site_url: str) -> None:
    results(page, site_url, "Abyei")
    assert page.locator(".kb-search-page__input").input_value() == "Abyei"


# --------------------------------------------------------------- header search box


def test_header_search_keyboard(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/dong-thoi-gian/")
    page.keyboard.press("/")
    box = page.locator(".kb-search__input")
    assert box.evaluate("element => element === document.activeElement")
    page.keyboard.type("dong quan")
    page.wait_for_selector(".kb-search__results .kb-result")
    first = page.locator(".kb-search__results .kb-result").first
    assert first.locator(".kb-result__title").inner_text() == "Đổng Quân"
    assert first.locator("mark").count() >= 1
    page.keyboard.press("ArrowDown")
    assert "kb-result--active" in first.get_attribute("class")
    page.keyboard.press("Escape")
    assert page.locator(".kb-search__panel").is_hidden()
    page.keyboard.press("s")
    page.keyboard.press("ArrowDown")
    assert page.locator(".kb-search__panel").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/doi-tac/dong-quan/")


def test_header_search_is_on_every_kind_of_page(page: Any, site_url: str) -> None:
    for path in ("/", FPA, "/doi-tac/viet-nam/", "/nguon/hnqt-dnqp-2016-2021/", "/chu-de/asean-admm/"):
        page.goto(f"{site_url}{path}")
        assert page.locator("header .kb-search__input").count() == 1, path
    assert page.locator("script[src*='lunr'], .md-search").count() == 0


def test_search_requests_nothing_from_another_origin(page: Any, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    results(page, site_url, "gin giu hoa binh")
    page.goto(f"{site_url}{FPA}")
    page.keyboard.press("/")
    page.keyboard.type("bien gioi")
    page.wait_for_selector(".kb-search__results .kb-result")
    assert requested and [url for url in requested if not url.startswith(site_url)] == []
