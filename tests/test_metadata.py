"""What search engines and link previews read: JSON-LD, descriptions, Open Graph,
canonical URLs and the sitemap."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from defence_kb.metadata import description, script_json
from defence_kb.model import KnowledgeBase
from defence_kb.render import page_url
from defence_kb.schema import Agreement, Event, Mission, Position, Resolution

pytestmark = pytest.mark.build

Site = tuple[KnowledgeBase, Path]
SITE_URL = "https://vietnam-defence-kb.github.io/defence-kb/"
EXPECTED_TYPE = {
    Event: "Event",
    Mission: "Event",
    Agreement: "Legislation",
    Resolution: "Legislation",
    Position: "CreativeWork",
}
REQUIRED = ("@context", "@type", "@id", "url", "name", "description", "inLanguage", "isBasedOn")


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.json_ld: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "meta" and ("property" in found or "name" in found):
            self.meta[found.get("property") or found["name"]] = found.get("content", "")
        elif tag == "link" and found.get("rel") == "canonical":
            self.canonical = found["href"]
        elif tag == "script" and found.get("type") == "application/ld+json":
            self._in_json = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json = False

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld[-1] += data


def _head(site: Path, url: str) -> _Head:
    parsed = _Head()
    parsed.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parsed


def test_every_record_page_has_json_ld_of_its_type(built_site: Site) -> None:
    kb, site = built_site
    for entry in kb.records.values():
        record = entry.record
        head = _head(site, page_url(entry))
        assert len(head.json_ld) == 1, entry.id
        data = json.loads(head.json_ld[0])
        assert [key for key in REQUIRED if not data.get(key)] == [], entry.id
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == EXPECTED_TYPE[type(record)]
        assert data["name"] == record.title
        assert data["url"] == data["@id"] == head.canonical == SITE_URL + page_url(entry)
        assert data["inLanguage"] == "vi"
        sources = {citation.source.label for citation in entry.citations}
        assert len(data["isBasedOn"]) == len(sources)
        if data["@type"] != "CreativeWork":
            date_key = "startDate" if data["@type"] == "Event" else "legislationDate"
            assert data.get(date_key) == (record.date.start.iso() if record.date else None), entry.id
        if isinstance(record, Resolution) and record.number:
            assert data["legislationIdentifier"] == record.number


def test_record_pages_have_description_and_open_graph(built_site: Site) -> None:
    kb, site = built_site
    for entry in kb.records.values():
        head = _head(site, page_url(entry))
        summary = " ".join(entry.record.summary.split())
        assert head.meta["description"] == description(entry.record.summary)
        assert summary.startswith(head.meta["description"].removesuffix("…"))
        assert head.meta["og:title"] == entry.record.title
        assert head.meta["og:description"] == head.meta["description"]
        assert head.meta["og:url"] == head.canonical
        assert head.meta["og:locale"] == "vi_VN"


def test_entity_pages_say_what_they_are(built_site: Site) -> None:
    kb, site = built_site
    kinds = {"country": "Country", "organisation": "Organization", "person": "Person", "place": "Place"}
    for entry in kb.entities.values():
        data = json.loads(_head(site, page_url(entry)).json_ld[0])
        assert data["@type"] == kinds[entry.entity.kind.value]
        assert data["name"] == entry.entity.name


def test_sitemap_lists_every_record_page(built_site: Site) -> None:
    kb, site = built_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert {SITE_URL + page_url(entry) for entry in kb.records.values()} <= listed


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"name": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!-- & -->"}


def test_description_cuts_at_a_word() -> None:
    assert description("một hai ba", limit=7) == "một…"
    assert description("  ngắn  gọn ") == "ngắn gọn"
