"""What a reader sees, in a real browser (Debian's Chromium), on the site served locally."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from defence_kb.model import KnowledgeBase
from defence_kb.render import by_year, page_url
from defence_kb.text import collapse_whitespace, vietnamese_sort_key
from defence_kb.wording import format_records_time

pytestmark = [pytest.mark.browser, pytest.mark.build]


def test_home_shows_figures_themes_and_recent_records(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    page.goto(f"{site_url}/")
    assert page.locator("h1").inner_text().rstrip(" ¶") == "Hợp tác quốc phòng quốc tế của Việt Nam"
    figures = page.locator(".kb-figures").inner_text()
    assert f"{len(kb.records)}\nbản ghi" in figures
    assert f"{len(kb.sources)}\nnguồn tư liệu" in figures
    cards = page.locator(".grid.cards > ul > li")
    assert cards.count() == len(kb.themes)
    assert "Gìn giữ hòa bình Liên hợp quốc" in cards.first.inner_text()
    recent = page.locator("h2:has-text('Mới nhất theo thời gian') + ul > li")
    assert recent.count() >= 5
    page.locator(".grid.cards a", has_text="Giao lưu hữu nghị quốc phòng biên giới").click()
    page.wait_for_url(re.compile(r"/chu-de/giao-luu-quoc-phong-bien-gioi/$"))


def test_theme_page_has_intro_and_one_timeline(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/chu-de/giao-luu-quoc-phong-bien-gioi/")
    assert page.locator("h1").inner_text().rstrip(" ¶") == "Giao lưu hữu nghị quốc phòng biên giới"
    assert "Trung Quốc, Lào và Cam-pu-chia" in page.locator("article").inner_text()
    years = [h.inner_text().strip(" ¶") for h in page.locator("h3").all()]
    assert years[:3] == ["2016", "2022", "2024"]
    eighth = page.locator("li", has_text="Việt Nam - Trung Quốc lần thứ 8").first
    assert "11/04/2024 – 12/04/2024" in eighth.inner_text()
    assert page.locator("h2", has_text="Theo loại").count() == 0


def test_a_theme_lists_each_record_once_and_filters_by_type(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    entries = kb.theme_records["gin-giu-hoa-binh-lhq"]
    page.goto(f"{site_url}/chu-de/gin-giu-hoa-binh-lhq/")
    items = page.locator(".kb-timeline li")
    assert items.count() == len(entries)
    hrefs = [a.get_attribute("href") for a in page.locator(".kb-timeline li a").all()]
    assert len(hrefs) == len(set(hrefs)) == len(entries), "a record is listed twice"
    agreements = [e for e in entries if e.record.folder == "agreements"]
    page.locator(".kb-type-filter button", has_text="Thỏa thuận").click()
    assert page.locator(".kb-timeline li:visible").count() == len(agreements)
    assert page.locator(".kb-filter-status").inner_text().startswith(f"{len(agreements)} bản ghi")
    assert "loai=agreements" in page.url


def test_fpa_record_shows_its_date_and_its_evidence_lands_on_the_quote(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    article = page.locator("article")
    assert "Hiệp định giữa Chính phủ Việt Nam và Liên minh châu Âu" in page.locator("h1").inner_text()
    assert page.locator("tr", has_text="Thời gian").inner_text().endswith("17/10/2019")
    assert "Việt Nam, Liên minh châu Âu" in page.locator("tr", has_text="Các bên ký kết").inner_text()
    edit = page.locator("a.kb-edit")
    assert edit.get_attribute("href").endswith("/edit/main/data/agreements/hiep-dinh-fpa-viet-nam-eu.yml")
    quote = "Ngày 17/10/2019, Việt Nam và EU đã ký Hiệp định về thiết lập khuôn khổ"
    assert quote in article.inner_text()
    article.locator("a", has_text="đoạn 19").first.click()
    page.wait_for_url(re.compile(r"/nguon/vnplus-mo-rong-tham-gia-an-ninh-toan-cau/#p19$"))
    target = page.locator(":target")
    assert target.get_attribute("id") == "p19"
    assert quote in collapse_whitespace(target.inner_text())
    box = target.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box["y"] >= header["height"] - 1, "the paragraph is hidden under the header"


def test_entity_page_lists_roles_and_records(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    page.goto(f"{site_url}/doi-tac/dong-quan/")
    text = page.locator("article").inner_text()
    assert page.locator("h1").inner_text().rstrip(" ¶") == "Đổng Quân"
    assert "Thượng tướng" in text and "Bộ trưởng Bộ Quốc phòng Trung Quốc" in text
    listed = page.locator(".kb-took-part li")
    assert listed.count() == len(kb.entities["dong-quan"].records)
    assert "lần thứ 9" in listed.first.inner_text()


def test_entity_pages_separate_taking_part_from_being_mentioned(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/doi-tac/to-chuc-y-te-the-gioi/")
    assert page.locator("h2", has_text="Tham gia").count() == 0
    mentioned = page.locator(".kb-mentioned li")
    assert mentioned.count() == 2
    page.goto(f"{site_url}/doi-tac/han-quoc/")
    took_part = page.locator(".kb-took-part").inner_text()
    assert "Hiệp định giữa Chính phủ Việt Nam và Liên minh châu Âu" not in took_part
    assert (
        "Hiệp định giữa Chính phủ Việt Nam và Liên minh châu Âu" in page.locator(".kb-mentioned").inner_text()
    )
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    assert (
        page.locator(".kb-facts tr", has_text="Được nhắc đến")
        .inner_text()
        .endswith("Hàn Quốc, Bộ Quốc phòng")
    )


def test_source_page_shows_metadata_and_who_cites_each_paragraph(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/nguon/tccs-hop-tac-hoi-nhap-quoc-phong-2025/")
    assert "26/05/2025" in page.locator("tr", has_text="Ngày đăng").inner_text()
    footnote = page.locator("#p24")
    assert "(2) Năm 2022, Việt Nam tổ chức Giao lưu hữu nghị Quốc phòng biên giới" in footnote.inner_text()
    assert "kb-footnote" in footnote.get_attribute("class")
    citing = page.locator("a", has_text="Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Lào lần thứ 2")
    assert citing.count() >= 1


def test_timeline_filters_by_theme(page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, _ = built_site
    page.goto(f"{site_url}/dong-thoi-gian/")
    items = page.locator(".kb-timeline li")
    assert items.count() == len(kb.records)
    status = page.locator(".kb-filter-status")
    assert status.inner_text() == f"Tất cả {len(kb.records)} bản ghi theo thời gian."
    page.locator(".kb-theme-filter button", has_text="Văn kiện chính sách").click()
    documents = kb.theme_records["van-kien-chinh-sach"]
    visible = page.locator(".kb-timeline li:visible")
    assert visible.count() == len(documents)
    assert status.inner_text().startswith(f"{len(documents)} bản ghi — Văn kiện chính sách")
    assert "chu-de=van-kien-chinh-sach" in page.url
    # The table of contents lists only the years and bands that still have records.
    groups = {heading for heading, _ in by_year(documents)}
    listed = [a.inner_text().strip() for a in page.locator(".md-nav--secondary a:visible").all()]
    assert set(listed) == groups
    page.locator(".kb-theme-filter button", has_text="Tất cả").click()
    assert page.locator(".kb-timeline li:visible").count() == len(kb.records)


@pytest.mark.parametrize("path", ["/", "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/", "/thoa-thuan/"])
def test_pages_fit_a_phone_screen(phone: Any, site_url: str, path: str) -> None:
    phone.set_viewport_size({"width": 375, "height": 740})
    phone.goto(f"{site_url}{path}")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1


def test_dark_mode_toggle(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Chuyển sang chế độ tối']").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_every_record_page_url_is_reachable(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    for entry in list(kb.records.values())[:10]:
        response = page.goto(f"{site_url}/{page_url(entry)}")
        assert response.status == 200
        assert page.locator("h1").inner_text().strip(" ¶") == collapse_whitespace(entry.record.title)


# ------------------------------------------------------------------ wayfinding


@pytest.mark.parametrize(
    ("path", "trail", "tab"),
    [
        (
            "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/",
            ["Trang chủ", "Tra cứu", "Thỏa thuận, văn kiện hợp tác"],
            "Tra cứu",
        ),
        ("/doi-tac/nam-sudan/", ["Trang chủ", "Tra cứu", "Quốc gia, tổ chức, cá nhân"], "Tra cứu"),
        ("/nguon/tccs-hop-tac-hoi-nhap-quoc-phong-2025/", ["Trang chủ", "Nguồn"], "Nguồn"),
        ("/chu-de/asean-admm/", ["Trang chủ", "Chủ đề"], "Chủ đề"),
    ],
)
def test_detail_pages_say_where_the_reader_is(
    page: Any, site_url: str, path: str, trail: list[str], tab: str
) -> None:
    page.goto(f"{site_url}{path}")
    crumbs = page.locator(".kb-breadcrumb li")
    assert crumbs.all_inner_texts()[:-1] == trail
    assert crumbs.last.inner_text() == page.locator("h1").inner_text().rstrip(" ¶")
    for link in page.locator(".kb-breadcrumb a").all():
        assert page.request.get(urljoin(page.url, link.get_attribute("href"))).ok
    assert page.locator(".md-tabs__item--active").inner_text().strip() == tab


def test_the_lookup_tab_opens_the_lookup_page_listing_every_type(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.locator(".md-tabs__link", has_text="Tra cứu").click()
    page.wait_for_url("**/tra-cuu/")
    assert page.locator("h1").inner_text().rstrip(" ¶") == "Tra cứu"
    sidebar = page.locator(".md-sidebar--primary").inner_text()
    for name in ("Sự kiện", "Thỏa thuận, văn kiện hợp tác", "Quốc gia, tổ chức, cá nhân", "Nhãn"):
        assert name in sidebar
        assert page.locator("article a", has_text=name).count() >= 1


def test_facts_come_first_and_editor_details_last(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/phai-bo/doi-cong-binh-viet-nam-phai-bo-abyei/")
    facts = phone.locator(".kb-facts").bounding_box()
    summary = phone.locator(".kb-facts + p").bounding_box()
    assert facts["y"] < summary["y"]
    assert facts["y"] < 844, "the facts start on the first screen"
    table = phone.locator(".kb-facts").inner_text()
    assert "Mã bản ghi" not in table and "doi-cong-binh-viet-nam-phai-bo-abyei" not in table
    editor = phone.locator(".kb-editor").inner_text()
    assert "doi-cong-binh-viet-nam-phai-bo-abyei" in editor and "Sửa bản ghi này" in editor


def test_a_status_is_dated_by_its_source(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/phai-bo/doi-cong-binh-viet-nam-phai-bo-abyei/")
    status = page.locator(".kb-facts tr", has_text="Tình trạng").inner_text()
    # 003's date is the one the reposting portal printed ("Theo TTXVN"), and the line says so
    assert status.endswith("Kế hoạch, dự kiến (theo nguồn ngày 27/12/2022, ngày ghi trên trang đăng lại)")
    page.goto(f"{site_url}/phai-bo/")
    row = page.locator("tr", has_text="Đội Công binh đầu tiên").inner_text()
    assert "theo nguồn ngày 27/12/2022, ngày ghi trên trang đăng lại" in row


def test_related_records_are_listed_once_with_their_relation(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    entry = kb.records["hiep-dinh-fpa-viet-nam-eu"]
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    assert page.locator("h2", has_text="Được nhắc đến trong").count() == 0
    items = page.locator("h2:has-text('Bản ghi liên quan') + ul > li")
    expected = set(entry.record.related) | {other.id for other in entry.backlinks}
    assert items.count() == len(expected)
    for item in items.all():
        assert item.locator("small").inner_text() in (
            "liên quan qua lại",
            "bản ghi này nhắc đến",
            "nhắc đến bản ghi này",
        )


def test_names_follow_the_vietnamese_alphabet(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/doi-tac/")
    countries = page.locator("h2:has-text('Quốc gia') + .kb-stack tbody tr td:first-child").all_inner_texts()
    assert countries == sorted(countries, key=vietnamese_sort_key)
    assert countries.index("Anh") < countries.index("Ấn Độ") if "Anh" in countries else True
    assert countries.index("Hàn Quốc") < countries.index("Hoa Kỳ")
    assert countries.index("Ấn Độ") < countries.index("Cam-pu-chia")
    page.goto(f"{site_url}/nhan/")
    tags = [h.inner_text().rstrip(" ¶") for h in page.locator("article h2").all()]
    assert tags == sorted(tags, key=vietnamese_sort_key)
    assert tags != sorted(tags), "plain code point order would differ"


def test_heading_anchors_map_d_stroke_to_d(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/doi-tac/dang-cong-san-viet-nam/")
    assert page.locator("h2#don-vi-to-chuc-truc-thuoc").count() == 1
    page.goto(f"{site_url}/nhan/")
    for heading in page.locator("article h2").all():
        assert "đ" not in heading.get_attribute("id")


def test_english_names_are_marked_as_english(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    english = page.locator("article [lang='en']")
    assert english.inner_text().startswith("Framework Participation Agreement")
    provenance = page.locator("article .kb-provenance").inner_text()
    assert provenance == "(tên tiếng Anh do biên tập viên dịch, không có trong nguồn)"
    page.goto(f"{site_url}/doi-tac/nam-sudan/")
    assert page.locator("article [lang='en']").inner_text() == "South Sudan"


def test_the_404_page_is_vietnamese_with_search_and_sections(page: Any, site_url: str) -> None:
    response = page.goto(f"{site_url}/khong-co-trang-nay/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    page.locator("#kb-notfound-q").fill("Abyei")
    page.locator(".kb-notfound__search button").click()
    page.wait_for_url("**/tim-kiem/?q=Abyei")
    page.goto(f"{site_url}/khong-co-trang-nay/")
    for section in ("Trang chủ", "Chủ đề", "Dòng thời gian", "Nguồn tư liệu"):
        link = page.locator("article a", has_text=section).first
        assert page.request.get(urljoin(page.url, link.get_attribute("href"))).ok
    footer = page.locator(".md-copyright").inner_text()
    assert "Made with" not in footer and "Xây dựng bằng MkDocs" in footer


def test_phone_header_shows_the_whole_site_name(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/")
    title = phone.locator(".md-header__topic:first-child .md-ellipsis")
    clipped = title.evaluate("e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1")
    assert not clipped, "the site name is cut"
    phone.locator(".kb-search__input").click()
    box = phone.locator(".kb-search__input").bounding_box()
    assert box["width"] >= 300, "while typing the box is wide enough to read"


@pytest.mark.parametrize("path", ["/thoa-thuan/", "/su-kien/", "/van-kien/", "/doi-tac/", "/moi-cap-nhat/"])
def test_index_tables_are_readable_on_a_phone(phone: Any, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}{path}")
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    cell = phone.locator("article td").first
    assert float(cell.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
    wide = phone.evaluate(
        "Array.from(document.querySelectorAll('article table')).some(t => t.scrollWidth > t.clientWidth + 1)"
    )
    assert not wide, "a table scrolls sideways"


def test_a_printed_record_names_its_page_and_keeps_tables_whole(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    footer = page.locator(".kb-print-footer")
    assert footer.is_visible()
    text = footer.inner_text()
    assert "https://vietnam-defence-kb.github.io/defence-kb/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/" in text
    assert re.search(r"In ngày \d{1,2}/\d{1,2}/\d{4}", text)
    assert page.locator("header.md-header").is_hidden()
    assert page.locator(".kb-facts table").evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    link = page.locator(".kb-facts a").first
    assert link.evaluate("e => getComputedStyle(e).color") == link.evaluate(
        "e => getComputedStyle(e.closest('td')).color"
    ), "printed links are not coloured text"


def test_an_entity_lists_the_records_it_takes_part_in_by_type(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    entry = kb.entities["viet-nam"]
    page.goto(f"{site_url}/doi-tac/viet-nam/")
    groups = [h.inner_text().rstrip(" ¶") for h in page.locator(".kb-took-part h3").all()]
    expected = {}
    for item in entry.took_part:
        expected[item.record.type_label_plural] = expected.get(item.record.type_label_plural, 0) + 1
    assert sorted(groups) == sorted(f"{label} ({count})" for label, count in expected.items())


def test_an_entity_page_opens_with_its_span_and_co_participants(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    entry = kb.entities["nhat-ban"]
    page.goto(f"{site_url}/doi-tac/nhat-ban/")
    summary = collapse_whitespace(page.locator(".kb-facts + p").inner_text())
    assert summary == collapse_whitespace(entry.entity.description), "the sourced summary follows the facts"
    assert "(TTXVN 27/12/2022, đoạn" in summary
    facts = page.locator(".kb-facts")
    time = format_records_time(
        [item.placement for item in entry.took_part],
        sum(1 for item in entry.took_part if item.placement.date and "date" in item.referenced),
    )
    assert facts.locator("tr", has_text="Thời gian").inner_text().split("\t")[-1] == (
        f"{time} (theo các bản ghi tham gia)"
    )
    together = facts.locator("tr", has_text="Thường cùng tham gia").inner_text()
    for other, count in entry.co_participants(kb.entities)[:6]:
        assert f"{other.entity.name} ({count})" in together
    assert (
        facts.locator("tr", has_text="Số bản ghi")
        .inner_text()
        .endswith(
            f"{len(entry.records)}: tham gia {len(entry.took_part)}, được nhắc đến {len(entry.mentioned_in)}"
        )
    )


def test_an_entity_known_only_by_bounds_is_not_given_a_year(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    """An entity whose records are dated by bounds (no later than an article's date; South
    Sudan's page once said "2025") states them as bounds, never as the year of the articles."""
    kb, _ = built_site
    entry = next(
        e
        for e in kb.entities.values()
        if any(not r.placement.date and r.placement.not_after for r in e.took_part)
    )
    bounded = [item for item in entry.took_part if not item.placement.date and item.placement.not_after]
    page.goto(f"{site_url}/doi-tac/{entry.entity.id}/")
    time = page.locator(".kb-facts tr", has_text="Thời gian").inner_text().split("\t")[-1]
    assert f"{len(bounded)} bản ghi chỉ biết mốc" in time
    assert "không muộn hơn" in time
    dated_years = {str(item.placement.date.start.year) for item in entry.took_part if item.placement.date}
    assert not re.match(r"^\d{4}\b", time) or time[:4] in dated_years


# ------------------------------------------------------------- positions, figures


def test_positions_are_a_record_type_of_their_own(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    positions = [e for e in kb.records.values() if e.record.folder == "positions"]
    assert len(positions) >= 10
    page.goto(f"{site_url}/quan-diem/")
    assert page.locator("article tbody tr").count() == len(positions)
    page.goto(f"{site_url}/quan-diem/chinh-sach-quoc-phong-bon-khong/")
    assert page.locator(".kb-facts tr", has_text="Bên nêu").inner_text().endswith("Việt Nam")
    assert page.locator(".kb-breadcrumb").inner_text().count("Quan điểm, chủ trương, đường lối") == 1
    page.goto(f"{site_url}/tim-kiem/?type=Quan%20điểm%2C%20chủ%20trương")
    page.wait_for_selector(".kb-search-page__results .kb-result")
    assert page.locator(".kb-search-page__status").inner_text().startswith(f"{len(positions)} kết quả")


def test_the_figures_page_lists_every_figure_with_its_quote(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    figures = [
        (entry, figure)
        for entry in kb.records.values()
        for figure in [
            *entry.record.figures,
            *([entry.record.personnel] if getattr(entry.record, "personnel", None) else []),
        ]
    ]
    page.goto(f"{site_url}/so-lieu/")
    rows = page.locator("article tbody tr")
    assert rows.count() == len(figures)
    shown = "\n".join(rows.all_inner_texts())
    for _entry, figure in figures:
        assert collapse_whitespace(figure.as_stated) in collapse_whitespace(shown)
    assert "tính đến 12/03/2025" in shown
