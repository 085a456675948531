"""What a reader sees, in a real browser (Debian's Chromium), on the site served locally."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from defence_kb.model import KnowledgeBase
from defence_kb.render import page_url
from defence_kb.text import collapse_whitespace

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


def test_theme_page_has_intro_timeline_and_types(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/chu-de/giao-luu-quoc-phong-bien-gioi/")
    assert page.locator("h1").inner_text().rstrip(" ¶") == "Giao lưu hữu nghị quốc phòng biên giới"
    assert "Trung Quốc, Lào và Cam-pu-chia" in page.locator("article").inner_text()
    years = [h.inner_text().strip(" ¶") for h in page.locator("h3").all()]
    assert years[:3] == ["2016", "2022", "2024"]
    eighth = page.locator("li", has_text="Việt Nam - Trung Quốc lần thứ 8").first
    assert "11/04/2024 – 12/04/2024" in eighth.inner_text()
    assert page.locator("h2", has_text="Theo loại").count() == 1


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
    listed = page.locator("h2:has-text('Bản ghi liên quan') + ul > li")
    assert listed.count() == len(kb.entities["dong-quan"].records)
    assert "lần thứ 9" in listed.first.inner_text()


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
    page.locator(".kb-theme-filter button", has_text="Văn kiện chính sách").click()
    visible = page.locator(".kb-timeline li:visible")
    assert visible.count() == len(kb.theme_records["van-kien-chinh-sach"])
    assert "chu-de=van-kien-chinh-sach" in page.url
    page.locator(".kb-theme-filter button", has_text="Tất cả").click()
    assert page.locator(".kb-timeline li:visible").count() == len(kb.records)


@pytest.mark.parametrize("path", ["/", "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/", "/thoa-thuan/"])
def test_pages_fit_a_phone_screen(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{site_url}{path}")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
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
