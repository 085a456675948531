"""Search as readers use it: real queries through the search page, in Debian's Chromium.

The site is served on localhost; queries go through the same code as the header box
(docs/assets/search.js on Pagefind), so these are the results a reader sees.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest

from defence_kb.model import KnowledgeBase
from defence_kb.text import fold_diacritics as fold

pytestmark = [pytest.mark.browser, pytest.mark.build]

FPA = "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def results(page: Any, site_url: str, query: str, **filters: str) -> list[tuple[str, str, str]]:
    """(url path, title, type) of every result for `query` on the search page, all pages of it."""
    params = [*([("q", query)] if query else []), *filters.items()]
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
        path = urlsplit(urljoin(page.url, href)).path.removeprefix(urlsplit(site_url).path)
        shown.append((path, title, meta.inner_text() if meta.count() else ""))
    return shown


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


def test_fpa_code_names_the_agreement(page: Any, site_url: str) -> None:
    assert urls(page, site_url, "FPA")[0] == FPA


def test_admm_plus_is_not_admm(page: Any, site_url: str) -> None:
    found = results(page, site_url, "ADMM+")
    assert found[0][0] == "/doi-tac/admm-plus/"  # the page of what the query names
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


# ------------------------------------------------------------------ no noise


# MINUSCA: the sources name no UN mission in the Central African Republic (only the EU's
# training mission), so an honest search finds nothing rather than a page about another mission.
@pytest.mark.parametrize("query", ["xyzqwv", "qqqq", "Zimbabwe", "MINUSCA"])
def test_words_found_nowhere_give_no_results(page: Any, site_url: str, query: str) -> None:
    assert results(page, site_url, query) == []


def test_only_the_last_word_matches_as_a_prefix(page: Any, site_url: str) -> None:
    """ "hoa" must not find "hoạch" or "hoạt", nor "giu" find "giữa", except as the word being
    typed; and no highlight marks a word the query does not hold."""
    for query in ("gìn giữ hòa bình", "gin giu hoa binh"):
        found = results(page, site_url, query)
        assert found
        marks = page.eval_on_selector_all(".kb-search-page__results mark", "ms => ms.map(m => m.textContent)")
        folded = {fold(mark).strip(".,;:") for mark in marks}
        assert folded <= {"gin", "giu", "hoa", "binh"}, folded
    typing = results(page, site_url, "ke hoa")  # "hoa" is being typed: "hoạch" may match
    assert any("kế hoạch" in title.lower() for _, title, _ in typing)


def test_a_word_found_nowhere_is_named_and_left_out(page: Any, site_url: str) -> None:
    found = results(page, site_url, "qqqq Abyei")
    note = page.locator(".kb-search-page__note")
    assert note.is_visible()
    assert note.inner_text().startswith("Không trang nào có từ “qqqq”. Dưới đây là kết quả khi bỏ qua từ này")
    assert found and sum("abyei" in url for url, _, _ in found[:3]) >= 2


# ---------------------------------------------------------------- hubs first


@pytest.mark.parametrize(
    ("query", "hub"),
    [
        ("gìn giữ hòa bình", "/chu-de/gin-giu-hoa-binh-lhq/"),
        ("gin giu hoa binh", "/chu-de/gin-giu-hoa-binh-lhq/"),
        ("asean", "/doi-tac/asean/"),
        ("ASEAN", "/chu-de/asean-admm/"),
        ("thỏa thuận", "/thoa-thuan/"),
        ("phai bo", "/phai-bo/"),
        ("Nhật Bản", "/doi-tac/nhat-ban/"),
        ("Liên minh châu Âu", "/doi-tac/lien-minh-chau-au/"),
    ],
)
def test_a_query_naming_a_theme_entity_or_type_puts_its_page_in_the_top_3(
    page: Any, site_url: str, query: str, hub: str
) -> None:
    assert hub in urls(page, site_url, query)[:3]


@pytest.mark.parametrize(
    ("typed", "plain"), [("gìn giữ hòa bình", "gin giu hoa binh"), ("biên giới", "bien gioi")]
)
def test_top_3_are_the_same_with_and_without_diacritics(
    page: Any, site_url: str, typed: str, plain: str
) -> None:
    assert set(urls(page, site_url, typed)[:3]) == set(urls(page, site_url, plain)[:3])


# ---------------------------------------------------------------- search aliases


@pytest.mark.parametrize(
    ("query", "page_path"),
    [
        ("UNMISS", "/phai-bo/benh-vien-da-chien-cap-2-so-3-nam-sudan/"),
        ("UNISFA", "/phai-bo/doi-cong-binh-viet-nam-phai-bo-abyei/"),
        ("Bộ trưởng Giang", "/doi-tac/phan-van-giang/"),
        ("bo truong giang", "/doi-tac/phan-van-giang/"),
    ],
)
def test_search_aliases_find_what_the_sources_do_not_name(
    page: Any, site_url: str, query: str, page_path: str
) -> None:
    assert page_path in urls(page, site_url, query)[:2]


def first_result(page: Any, site_url: str, query: str) -> str:
    """The site path of the first result for `query` on the search page ("" if none)."""
    page.goto(f"{site_url}/tim-kiem/?{urlencode({'q': query}, quote_via=quote)}")
    page.wait_for_function("document.querySelector('.kb-search-page__status').textContent.length > 0")
    first = page.locator(".kb-search-page__results .kb-result a").first
    if not first.count():
        return ""
    return urlsplit(urljoin(page.url, first.get_attribute("href"))).path.removeprefix(urlsplit(site_url).path)


# The first result of each query, through the site's own search (search.js's kbSearch), on
# one loaded page: the class test below runs hundreds of queries.
FIRST_RESULTS = """async queries => {
  const first = [];
  for (const query of queries) {
    const found = await window.kbSearch.search(query);
    const top = found.entries[0];
    first.push(top ? (top.data || (await top.result.data())).url : "");
  }
  return first;
}"""


def test_every_name_of_every_entity_finds_it_first_with_or_without_diacritics(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    """The class, not examples: each name, English name, alias and everyday name (search
    alias) of each country, organisation, place and person, as typed and folded."""
    kb = built_site[0]
    expected = {}
    for entry in kb.entities.values():
        entity = entry.entity
        for name in (entity.name, entity.name_en, *entity.aliases, *entity.search_aliases):
            for query in (name, fold(name)) if name else ():
                expected.setdefault(query, f"/doi-tac/{entity.id}/")
    page.goto(f"{site_url}/")
    queries = sorted(expected)
    found = page.evaluate(FIRST_RESULTS, queries)
    root = urlsplit(site_url).path
    wrong = [
        f"{query!r} → {url.removeprefix(root) or 'nothing'} (expected {expected[query]})"
        for query, url in zip(queries, found, strict=True)
        if url.removeprefix(root) != expected[query]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("query", "page_path"),
    [
        ("Mỹ", "/doi-tac/hoa-ky/"),
        ("Nam Hàn", "/doi-tac/han-quoc/"),
        ("Liên bang Nga", "/doi-tac/nga/"),
        ("Úc", "/doi-tac/australia/"),
        ("LHQ", "/doi-tac/lien-hop-quoc/"),
        ("Myanmar", "/doi-tac/mi-an-ma/"),
        ("Türkiye", "/doi-tac/tho-nhi-ky/"),
    ],
)
def test_everyday_names_find_their_country_or_organisation_first(
    page: Any, site_url: str, query: str, page_path: str
) -> None:
    assert first_result(page, site_url, query) == page_path


def test_a_name_typed_with_its_diacritics_ranks_above_one_that_only_folds_alike(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    """ "Mỹ" names Hoa Kỳ; "my" is only the start of other words (Myanmar)."""
    assert first_result(page, site_url, "Mỹ") == "/doi-tac/hoa-ky/"
    assert first_result(page, site_url, "Myanmar") == "/doi-tac/mi-an-ma/"


def test_a_page_says_its_search_aliases_are_not_from_the_sources(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/phai-bo/benh-vien-da-chien-cap-2-so-3-nam-sudan/")
    also = page.locator(".kb-also")
    assert also.inner_text() == "Còn được tìm với: UNMISS (tên gọi thông dụng, không có trong nguồn)"


# ------------------------------------------------------------------ facets


def facet_groups(page: Any) -> dict[str, int]:
    page.wait_for_selector(".kb-facet .kb-facet__option", state="attached")  # shown or folded
    return {
        group.get_attribute("data-filter"): group.locator(".kb-facet__option").count()
        for group in page.locator(".kb-facet").all()
    }


@pytest.mark.parametrize("query", ["q=asean", "q=asean&type=Thỏa%20thuận", "year=2020", "q=zyxwv"])
def test_every_facet_group_is_always_there(page: Any, site_url: str, query: str) -> None:
    page.goto(f"{site_url}/tim-kiem/?{query}")
    groups = facet_groups(page)
    assert list(groups) == ["type", "theme", "year", "entity", "mentioned", "time", "source"]
    assert all(count > 0 for count in groups.values()), groups


def test_browsing_by_a_filter_alone_lists_its_records_newest_first(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    found = results(page, site_url, "", year="2020")
    expected = [
        e
        for e in kb.records.values()
        if e.record.date
        and any(
            year == 2020
            for year in range(e.record.date.start.year, (e.record.date.end or e.record.date.start).year + 1)
        )
    ]
    assert len(found) == len(expected) > 0
    assert (
        page.locator(".kb-search-page__status")
        .inner_text()
        .startswith(f"{len(expected)} kết quả theo bộ lọc (Năm: 2020)")
    )
    starts = [kb.records[url.rstrip("/").rsplit("/", 1)[-1]].record.date.start.iso() for url, _, _ in found]
    assert starts == sorted(starts, reverse=True)
    year_box = page.locator(".kb-facet[data-filter='year'] input[value='2020']")
    assert year_box.is_checked()


def test_every_agreement_with_japan(page: Any, site_url: str) -> None:
    found = results(page, site_url, "", type="Thỏa thuận", entity="Nhật Bản")
    assert [url for url, _, _ in found] == ["/thoa-thuan/ban-ghi-nho-gin-giu-hoa-binh-viet-nam-nhat-ban/"]
    label = page.locator(".kb-facet[data-filter='entity'] label", has=page.locator("input[value='Nhật Bản']"))
    assert label.inner_text().endswith("(1)")


def test_facet_counts_follow_the_query(page: Any, site_url: str) -> None:
    found = results(page, site_url, "Abyei")
    types = page.locator(".kb-facet[data-filter='type'] label").all_text_contents()
    counted = sum(int(text.rsplit("(", 1)[1].rstrip(")")) for text in types)
    assert counted == len(found)


def test_facet_checkboxes_are_big_enough_to_tap(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/tim-kiem/?year=2020")
    phone.wait_for_selector(".kb-facet__option")
    for option in phone.locator(".kb-facet__option:visible").all()[:10]:
        box = option.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24


def test_a_first_search_on_a_phone_loads_ten_results_and_more_reaches_them_all(
    phone: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    """A phone downloads the fragments of the first ten results only, no filter index while the
    filters are folded and no sitemap; "Xem thêm kết quả" brings every other result, once."""
    _, site = built_site
    filter_files = len(list((site / "pagefind" / "filter").iterdir()))
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(urlsplit(request.url).path))
    phone.goto(f"{site_url}/tim-kiem/?q=gin+giu+hoa+binh")
    phone.wait_for_function("document.querySelector('.kb-search-page__status').textContent.length > 0")
    phone.wait_for_load_state("networkidle")
    total = int(phone.locator(".kb-search-page__status").inner_text().split(" ", 1)[0])
    shown = phone.locator(".kb-search-page__results .kb-result")
    assert total > 10 and shown.count() == 10
    assert len([path for path in requested if path.endswith(".pf_fragment")]) <= 10
    assert len([path for path in requested if path.endswith(".pf_filter")]) < filter_files
    assert not [path for path in requested if path.endswith("sitemap.xml")]

    more = phone.locator(".kb-search-page__more")
    while more.is_visible():
        before = shown.count()
        more.click()
        phone.wait_for_function(
            f"document.querySelectorAll('.kb-search-page__results .kb-result').length > {before}"
        )
    links = [link.get_attribute("href") for link in shown.locator("a").all()]
    assert len(links) == len(set(links)) == total

    # Opened, the filters count the same results.
    phone.locator(".kb-facets-box__summary").click()
    phone.wait_for_selector(".kb-facet[data-filter='type'] .kb-facet__option")
    types = phone.locator(".kb-facet[data-filter='type'] .kb-facet__option").all_text_contents()
    assert sum(int(text.rsplit("(", 1)[1].rstrip(")")) for text in types) == total
    assert len([path for path in requested if path.endswith(".pf_filter")]) == filter_files


@pytest.mark.parametrize("width", [1366, 390])
def test_the_search_page_does_not_shift_while_loading(browser: Any, site_url: str, width: int) -> None:
    """Its space is reserved before the results and facets arrive (measured 0.15 without)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.add_init_script(
        """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});"""
    )
    page.goto(f"{site_url}/tim-kiem/?q=gin+giu+hoa+binh")
    page.wait_for_selector(".kb-search-page__results .kb-result")
    page.wait_for_timeout(800)
    shift = page.evaluate("window.__shift")
    context.close()
    assert shift < 0.02


def test_roles_and_time_precision_are_filters(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    mentioned = results(page, site_url, "", mentioned="Hàn Quốc")
    assert [url for url, _, _ in mentioned] == ["/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/"]
    bounded = results(page, site_url, "", time="Chỉ biết mốc (không sớm hơn, không muộn hơn)")
    expected = [
        e
        for e in kb.records.values()
        if not e.placement.date and not e.placement.day_month and e.placement.placed
    ]
    assert len(bounded) == len(expected) > 0
    assert all("không" in meta or "trong" in meta for _, _, meta in bounded)
    unknown = results(page, site_url, "", time="Không rõ thời gian")
    assert len(unknown) == sum(
        1 for e in kb.records.values() if not e.placement.placed and not e.placement.day_month
    )


# ------------------------------------------------------------------ excerpts


def english_titles(kb: KnowledgeBase) -> list[str]:
    """The English titles and names the editors add: not those that are also the Vietnamese
    name or a name the sources use (an alias)."""
    texts = [
        *(entry.record.title_en for entry in kb.records.values()),
        *(
            e.entity.name_en
            for e in kb.entities.values()
            if e.entity.name_en != e.entity.name and e.entity.name_en not in e.entity.aliases
        ),
        *(theme.title_en for theme in kb.themes.values()),
    ]
    return [text for text in texts if text and len(text) > 12]


@pytest.mark.parametrize("query", ["bệnh viện dã chiến", "gin giu hoa binh", "Hàn Quốc", "biên giới", "EU"])
def test_a_vietnamese_query_shows_no_english_title_in_its_excerpts(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path], query: str
) -> None:
    english = english_titles(built_site[0])
    results(page, site_url, query)
    excerpts = page.locator(".kb-search-page__results .kb-result__excerpt").all_inner_texts()
    assert excerpts
    shown = [(title, text) for text in excerpts for title in english if title[:24] in text]
    assert not shown, shown[:3]


@pytest.mark.parametrize(
    ("query", "page_path"),
    [
        ("Level-2 Field Hospital", "/phai-bo/benh-vien-da-chien-cap-2-so-3-nam-sudan/"),
        ("Republic of Korea", "/doi-tac/han-quoc/"),
        ("Border defence friendship exchanges", "/chu-de/giao-luu-quoc-phong-bien-gioi/"),
    ],
)
def test_english_titles_stay_searchable(page: Any, site_url: str, query: str, page_path: str) -> None:
    assert page_path in urls(page, site_url, query)[:3]


@pytest.mark.parametrize("query", ["gin giu hoa binh", "Mỹ"])
def test_facets_show_the_values_with_results_and_fold_the_rest_without_a_scroll_box(
    page: Any, site_url: str, query: str
) -> None:
    results(page, site_url, query)
    for group in page.locator(".kb-facet").all():
        key = group.get_attribute("data-filter")
        assert group.evaluate(
            "g => g.scrollHeight <= g.clientHeight + 1 && getComputedStyle(g).overflowY !== 'auto'"
        ), key
        shown = [text for text in group.locator(":scope > .kb-facet__option").all_inner_texts()]
        counts = [int(text.rsplit("(", 1)[1].rstrip(")")) for text in shown]
        assert all(counts), f"{key}: an option with no result is shown unfolded"
        if key != "year":
            assert counts == sorted(counts, reverse=True), key
        folded = group.locator(".kb-facet__more .kb-facet__option")
        if folded.count():
            summary = group.locator(".kb-facet__more > summary")
            assert summary.inner_text() == f"Thêm {folded.count()} lựa chọn"
            summary.click()
            assert folded.first.is_visible()
