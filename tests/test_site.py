"""The built site as a whole: one page per record, listed wherever it belongs, no broken link."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from defence_kb.build import links_from
from defence_kb.model import KnowledgeBase
from defence_kb.render import page_url
from defence_kb.schema import RECORD_TYPES

pytestmark = pytest.mark.build

HREF = re.compile(r'\bhref="([^"]*)"')
ID = re.compile(r'\bid="([^"]*)"')


def test_every_record_has_exactly_one_page(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    pages: dict[str, list[str]] = {}
    for record_type in RECORD_TYPES.values():
        for page in (site / record_type.url_prefix).glob("*/index.html"):
            pages.setdefault(page.parent.name, []).append(record_type.url_prefix)
    assert sorted(pages) == sorted(kb.records)
    assert {record_id: where for record_id, where in pages.items() if len(where) != 1} == {}


def test_every_record_is_listed_on_its_themes_entities_and_the_timeline(
    built_site: tuple[KnowledgeBase, Path],
) -> None:
    kb, site = built_site
    timeline = links_from(site, "dong-thoi-gian/")
    theme_links = {theme_id: links_from(site, page_url(theme)) for theme_id, theme in kb.themes.items()}
    entity_links = {eid: links_from(site, page_url(entry)) for eid, entry in kb.entities.items()}
    missing = []
    for entry in kb.records.values():
        record_url = page_url(entry)
        if record_url not in timeline:
            missing.append(f"{entry.id}: not on the timeline")
        missing += [
            f"{entry.id}: not on theme {t}" for t in entry.record.themes if record_url not in theme_links[t]
        ]
        involved = entry.record.entity_ids()
        missing += [
            f"{entry.id}: not on entity {e}" for e in sorted(involved) if record_url not in entity_links[e]
        ]
    assert missing == []


SITE_PATH = "/defence-kb"  # the path of site_url in mkdocs.yml


def test_no_broken_internal_link(built_site: tuple[KnowledgeBase, Path]) -> None:
    _, site = built_site
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(ID.findall(page.read_text(encoding="utf-8"))) if page.suffix == ".html" else set()
        return ids[page]

    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 150
    for page in pages:
        for href in set(HREF.findall(page.read_text(encoding="utf-8"))):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            if parts.path:
                # 404.html links from the site's root path, so that it works at any address.
                path = unquote(parts.path).removeprefix(SITE_PATH)
                base = site if path.startswith("/") else page.parent
                target = (base / path.lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            where = f"{page.relative_to(site)} -> {href}"
            if not target.exists():
                broken.append(f"{where}: no such page")
            elif parts.fragment and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{where}: no anchor #{parts.fragment}")
    assert broken == []


def test_navigation_lists_sections_not_records(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    html = (site / "dong-thoi-gian" / "index.html").read_text(encoding="utf-8")
    navigation = html.split("md-sidebar--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    for theme in kb.themes.values():
        assert theme.title in navigation
    for label in ("Dòng thời gian", "Nguồn", "Quốc gia, tổ chức, cá nhân"):
        assert label in navigation
    assert not any(entry.record.title in navigation for entry in kb.records.values())


def test_a_cited_paragraph_says_where_it_is_quoted_after_a_separator(
    built_site: tuple[KnowledgeBase, Path],
) -> None:
    """“Đoạn 19 · được trích trong:”, never “Đoạn 19 Được trích trong:” run together."""
    kb, site = built_site
    for entry in kb.sources.values():
        html = (site / page_url(entry) / "index.html").read_text(encoding="utf-8")
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
        cited = [n for n, citing in entry.citing.items() if citing]
        for n in cited:
            assert re.search(rf"Đoạn {n}( · [^·]+)? · được trích trong:", text), (entry.source.id, n)
        assert not re.search(r"Đoạn \d+ Được", text)
