"""The pages that earn trust (render/trust.py): Giới thiệu, Phương pháp and Giấy phép state
what the data and the code say, and every page's footer links them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from defence_kb.model import KnowledgeBase
from defence_kb.render import page_url
from defence_kb.render.trust import method_figures
from defence_kb.wording import format_number

pytestmark = pytest.mark.build

Site = tuple[KnowledgeBase, Path]
ABOUT, METHOD, LICENCE = "gioi-thieu/", "gioi-thieu/phuong-phap/", "gioi-thieu/giay-phep/"


class _Text(HTMLParser):
    """The visible text of a page's article, white space collapsed, and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag == "a" and self.depth:
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def _article(site: Path, url: str) -> _Text:
    parsed = _Text()
    parsed.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parsed


def test_about_page_lists_the_sources_and_the_counts(built_site: Site) -> None:
    kb, site = built_site
    page = _article(site, ABOUT)
    assert f"Hiện có {format_number(len(kb.records))} bản ghi" in page.text
    assert f"dựa trên {len(kb.sources)} bài viết" in page.text
    for entry in kb.sources.values():
        assert entry.source.label in page.text
        assert "../" + page_url(entry) in page.links
        if entry.source.url:
            assert entry.source.url in page.links
        if entry.source.publisher:
            assert entry.source.publisher in page.text
    for theme in kb.themes.values():
        assert theme.title in page.text


def test_method_page_states_the_rules_the_code_enforces_with_current_numbers(built_site: Site) -> None:
    kb, site = built_site
    text = _article(site, METHOD).text
    figures = method_figures(kb)
    assert figures.quotes == sum(len(entry.citations) for entry in kb.records.values())
    assert (
        f"hiện có {format_number(figures.quotes)} trích dẫn cho {format_number(figures.records)} bản ghi"
        in text
    )
    assert f"({format_number(figures.day_month)} bản ghi)" in text
    assert f"({format_number(figures.stated_bounds)} bản ghi)" in text
    assert f"({format_number(figures.not_in_sources)} tên)" in text
    assert f"({format_number(figures.mentioned)} lần nhắc đến)" in text
    assert "ít nhất 50% số ký tự" in text  # coverage.CARRIED_SHARE
    for rule in (
        "nguyên văn trong một đoạn",
        "date_unspecified_year",
        "not_before",
        "not_in_sources",
        "Được nhắc đến",
        "coverage-exclusions.yml",
        "đoạn N",
        "Sửa bản ghi này",
    ):
        assert rule in text, rule
    assert "https://github.com/vietnam-defence-kb/defence-kb/issues/new?template=de-xuat-ban-ghi.yml" in (
        _article(site, METHOD).links
    )
    assert (REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "de-xuat-ban-ghi.yml").is_file()


def test_licence_page_names_both_licences_and_every_publisher(built_site: Site) -> None:
    kb, site = built_site
    page = _article(site, LICENCE)
    assert "https://creativecommons.org/licenses/by/4.0/" in page.links
    assert "https://opensource.org/license/mit" in page.links
    assert "thuộc bản quyền của cơ quan đăng bài" in page.text
    for entry in kb.sources.values():
        assert entry.source.attribution in page.text
        if entry.source.publisher:
            assert entry.source.publisher in page.text
    assert (REPO_ROOT / "LICENSE").read_text().startswith("MIT License")
    data_licence = (REPO_ROOT / "LICENSE-DATA").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in data_licence
    assert "Section 8 -- Interpretation." in data_licence  # the whole legal code


def test_every_page_footer_links_the_three_pages(built_site: Site) -> None:
    _kb, site = built_site
    pages = [path for path in site.rglob("*.html") if "pagefind" not in path.parts]
    checked = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if "<footer" not in text:
            continue  # a redirect page
        footer = text[text.index("<footer") :]
        hrefs = re.findall(r'href="([^"]+)"', footer[: footer.index("</footer>")])
        # Relative links, except on the 404 page, which may be served at any depth.
        base = site if path.name == "404.html" else path.parent
        prefix = "/defence-kb/"
        resolved = {
            (site / href.removeprefix(prefix)) if href.startswith(prefix) else (base / href).resolve()
            for href in hrefs
        }
        for target in (ABOUT, METHOD, LICENCE):
            assert (site / target).resolve() in resolved, (path, target)
            assert (site / target / "index.html").is_file()
        checked += 1
    assert checked > 150


def test_about_is_in_the_navigation_and_links_the_other_two(built_site: Site) -> None:
    """One navigation entry (Material renders the navigation into every page); the about
    page links the method and licence pages."""
    _kb, site = built_site
    home = (site / "index.html").read_text(encoding="utf-8")
    navigation = home.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{ABOUT}"' in navigation
    links = _article(site, ABOUT).links
    assert "phuong-phap/" in links and "giay-phep/" in links


def test_method_page_counts_the_figures_the_figures_page_lists(built_site: Site) -> None:
    """One count, one function: "Phương pháp" says as many figures as "Số liệu chính" lists."""
    _, site = built_site
    listed = (site / "so-lieu" / "index.html").read_text(encoding="utf-8")
    rows = len(re.findall(r"<tr>", listed.split("<tbody>", 1)[1].split("</tbody>", 1)[0]))
    text = _article(site, METHOD).text
    assert f"({format_number(rows)} số liệu)" in text
