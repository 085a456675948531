"""Cite this (render/citations.py): every record, entity, theme and source page offers its
citation in three styles and three files a reference manager imports, and carries the meta
tags Zotero's connector reads. The files are checked by what reads them: BibTeX by a BibTeX
parser, CSL-JSON by the CSL data schema, RIS by its record structure; the repository's
CITATION.cff by the Citation File Format schema."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import bibtexparser
import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import HOSTILE, REPO_ROOT, latex_decoding
from defence_kb.model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from defence_kb.render import page_url, read_site_settings
from defence_kb.render.citations import CITATION_FOLDER, Citations, date_vi, to_bibtex, to_ris

pytestmark = pytest.mark.build

Site = tuple[KnowledgeBase, Path]
CSL_SCHEMA = json.loads((Path(__file__).parent / "vendor" / "csl-schema" / "csl-data.json").read_text())
SETTINGS = read_site_settings(REPO_ROOT / "mkdocs.yml")
FORMATS = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems", "json": None}


def _targets(kb: KnowledgeBase) -> list[Any]:
    return [*kb.records.values(), *kb.entities.values(), *kb.sources.values(), *kb.themes.values()]


def _stem(target: Any) -> str:
    return page_url(target).rstrip("/")


class _Page(HTMLParser):
    """The meta tags and links of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str | None]] = []
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name"):
            self.meta.setdefault(str(found["name"]), []).append(str(found.get("content")))
        elif tag == "a":
            self.links.append(found)
        elif tag == "link" and found.get("rel") == "canonical":
            self.canonical = str(found["href"])


def _page(site: Path, target: Any) -> _Page:
    parsed = _Page()
    parsed.feed((site / page_url(target) / "index.html").read_text(encoding="utf-8"))
    return parsed


# ------------------------------------------------------------------ the serializers


TRICKY = 'Tiêu đề {lạ} 100% & $5 #1 a_b ^ ~ \\ "q" <x> Đổng'


def test_bibtex_escapes_latex_specials_and_reads_back_as_typed() -> None:
    item = {
        "id": "k1",
        "type": "webpage",
        "title": TRICKY,
        "author": [{"literal": "Tổ chức & Co"}],
        "URL": "https://x.example/a_b%20{c}",
        "note": TRICKY,
        "issued": {"date-parts": [[2026, 1, 2]]},
        "language": "vi",
    }
    text = to_bibtex([item])
    library = bibtexparser.parse_string(text, append_middleware=[latex_decoding()])
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.entry_type == "online" and entry.key == "k1"
    # pylatexenc prints \textasciicircum{} as the modifier letter; LaTeX prints "^".
    assert entry["title"].replace("ˆ", "^") == TRICKY
    assert entry["note"].replace("ˆ", "^") == TRICKY
    assert entry["author"] == "Tổ chức & Co"  # one organisation, in double braces
    assert "{{Tổ chức \\& Co}}" in text
    assert entry["date"] == "2026-01-02" and entry["langid"] == "vietnamese"
    raw = bibtexparser.parse_string(text).entries[0]  # a URL is verbatim: no LaTeX decoding
    assert raw["url"] == "https://x.example/a_b%20%7Bc%7D"


def _ris_records(text: str) -> list[list[tuple[str, str]]]:
    """Minimal RIS reading: `XX  - value` lines, each record from TY to ER."""
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    for line in text.split("\r\n"):
        if not line:
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not a RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = []
        assert current is not None, f"{tag} outside a record"
        current.append((tag, value))
        if tag == "ER":
            records.append(current)
            current = None
    assert current is None, "a record without ER"
    return records


def test_ris_is_one_line_per_tag_from_ty_to_er() -> None:
    item = {"id": "k", "type": "webpage", "title": "Dòng một\nDòng hai", "URL": "https://x.example/"}
    (record,) = _ris_records(to_ris([item]))
    assert record[0] == ("TY", "ELEC") and record[-1] == ("ER", "")
    assert ("TI", "Dòng một Dòng hai") in record


def test_dates_as_each_style_writes_them() -> None:
    item = {"issued": {"date-parts": [[2026, 3, 5]]}}
    assert date_vi(item) == "05/03/2026"
    assert date_vi({"issued": {"date-parts": [[2022]]}}) == "2022"


# ------------------------------------------------------------------ the built site


def test_every_citable_page_has_a_cite_block_with_three_downloads(built_site: Site) -> None:
    kb, site = built_site
    checked = 0
    for target in _targets(kb):
        page = _page(site, target)
        body = (site / page_url(target) / "index.html").read_text(encoding="utf-8")
        assert 'id="trich-dan"' in body, page_url(target)
        for style in ("Kiểu Bộ Giáo dục và Đào tạo:", "APA 7:", "Chicago 17:"):
            assert style in body, (page_url(target), style)
        downloads = [link for link in page.links if link.get("download")]
        assert [Path(str(link["download"])).suffix for link in downloads] == [".bib", ".ris", ".json"]
        for link in downloads:
            href = str(link["href"])
            resolved = (site / page_url(target) / href).resolve()
            assert resolved == (site / CITATION_FOLDER / f"{_stem(target)}{Path(href).suffix}").resolve()
            assert resolved.is_file() and resolved.stat().st_size > 0
            media_type = FORMATS[resolved.suffix[1:]]
            assert link.get("type") == (media_type or "application/vnd.citationstyles.csl+json")
        checked += 1
    assert checked == len(kb.records) + len(kb.entities) + len(kb.sources) + len(kb.themes)


def test_every_bibtex_file_parses_with_the_page_as_first_entry(built_site: Site) -> None:
    kb, site = built_site
    for target in _targets(kb):
        text = (site / CITATION_FOLDER / f"{_stem(target)}.bib").read_text(encoding="utf-8")
        library = bibtexparser.parse_string(text, append_middleware=[latex_decoding()])
        assert library.failed_blocks == [], _stem(target)
        first = library.entries[0]
        assert first.entry_type == "online"
        assert bibtexparser.parse_string(text).entries[0]["url"] == SETTINGS.absolute_url(target)
        assert first["author"] == SETTINGS.site_name
        keys = [entry.key for entry in library.entries]
        assert len(keys) == len(set(keys))
        if len(keys) > 1:
            assert first["related"] == ",".join(keys[1:])


def test_every_csl_json_file_follows_the_csl_data_schema(built_site: Site) -> None:
    kb, site = built_site
    validator = Draft7Validator(CSL_SCHEMA)
    for target in _targets(kb):
        items = json.loads((site / CITATION_FOLDER / f"{_stem(target)}.json").read_text(encoding="utf-8"))
        errors = [error.message for error in validator.iter_errors(items)]
        assert errors == [], (_stem(target), errors)
        assert items[0]["URL"] == SETTINGS.absolute_url(target)
        assert items[0]["author"] == [{"literal": SETTINGS.site_name}]
        assert items[0]["language"] == "vi"


def test_every_ris_file_has_its_records_from_ty_to_er(built_site: Site) -> None:
    kb, site = built_site
    for target in _targets(kb):
        raw = (site / CITATION_FOLDER / f"{_stem(target)}.ris").read_bytes()
        records = _ris_records(raw.decode("utf-8"))
        first = dict(records[0])
        for tag in ("TY", "TI", "AU", "UR", "PB", "ER"):
            assert tag in first, (_stem(target), tag)
        assert first["UR"] == SETTINGS.absolute_url(target)
        for record in records:
            assert record[0][0] == "TY" and record[-1][0] == "ER" and "TI" in dict(record)


def test_a_record_citation_names_the_articles_it_rests_on(built_site: Site) -> None:
    kb, site = built_site
    for entry in kb.records.values():
        items = json.loads((site / CITATION_FOLDER / f"{_stem(entry)}.json").read_text(encoding="utf-8"))
        sources = list({citation.source.id: citation.source for citation in entry.citations}.values())
        references = entry.record.references
        assert len(items) == 1 + len(sources) + len(references)
        assert [item["URL"] for item in items[1 + len(sources) :]] == [ref.url for ref in references]
        for item, source in zip(items[1 : 1 + len(sources)], sources, strict=True):
            assert item["title"] == (source.title or source.label)
            assert item.get("publisher") == source.publisher
            assert item.get("URL") == source.url
            if source.published:
                assert item["issued"]["date-parts"][0] == [
                    p
                    for p in (
                        source.published.start.year,
                        source.published.start.month,
                        source.published.start.day,
                    )
                    if p
                ]
            else:
                assert "issued" not in item
            assert (source.title or source.label) in items[0]["note"]
        body = (site / page_url(entry) / "index.html").read_text(encoding="utf-8")
        block = body[body.index('id="trich-dan"') :]
        for source in sources:
            assert html.escape(source.title or source.label, quote=False) in block
            if source.url:
                assert f'href="{html.escape(source.url)}"' in block


def test_a_citation_is_dated_by_the_last_change_of_its_data(built_site: Site) -> None:
    kb, site = built_site
    fpa = kb.records["hiep-dinh-fpa-viet-nam-eu"]
    from defence_kb.history import read_history

    history = read_history(REPO_ROOT, [fpa.path])
    changed = history.of(fpa.path)
    assert changed is not None
    item = Citations(kb, SETTINGS, history).of(fpa).item
    assert item["issued"]["date-parts"][0] == [
        changed.changed.year,
        changed.changed.month,
        changed.changed.day,
    ]
    meta = _page(site, fpa).meta
    assert meta["DC.date"] == [changed.changed.date().isoformat()]
    assert Citations(kb, SETTINGS, None).of(fpa).item.get("issued") is None  # without history, no date


# Meta tags on every kind of page Zotero's connector may save.
PAGE_KINDS = {
    "record": lambda kb: kb.records["hiep-dinh-fpa-viet-nam-eu"],
    "entity": lambda kb: kb.entities["nam-sudan"],
    "theme": lambda kb: kb.themes["gin-giu-hoa-binh-lhq"],
    "source": lambda kb: kb.sources["ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022"],
}


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_highwire_and_dublin_core_tags_on_every_page_type(built_site: Site, kind: str) -> None:
    kb, site = built_site
    target = PAGE_KINDS[kind](kb)
    for each in [t for t in _targets(kb) if type(t) is type(target)]:
        page = _page(site, each)
        title = (
            each.record.title
            if isinstance(each, RecordEntry)
            else each.entity.name
            if isinstance(each, EntityEntry)
            else each.source.label
            if isinstance(each, SourceEntry)
            else each.title
        )
        url = SETTINGS.absolute_url(each)
        assert page.canonical == url
        expected = {
            "citation_title": [title],
            "citation_author": [SETTINGS.site_name],
            "citation_publisher": [SETTINGS.site_name],
            "citation_public_url": [url],
            "citation_abstract_html_url": [url],
            "citation_language": ["vi"],
            "DC.title": [title],
            "DC.publisher": [SETTINGS.site_name],
            "DC.identifier": [url],
            "DC.language": ["vi"],
            "DC.type": ["Text"],
        }
        for name, value in expected.items():
            assert page.meta.get(name) == value, (page_url(each), name)
        assert page.meta["DC.rights"][0].startswith("CC BY 4.0")
        (published,) = page.meta["citation_publication_date"]
        assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", published)
        assert page.meta["citation_date"] == [published]
        assert page.meta["DC.date"] == [published.replace("/", "-")]
        assert dt.date.fromisoformat(page.meta["DC.date"][0]) <= dt.date.today()


def test_pages_other_than_the_citable_ones_carry_no_citation_tags(built_site: Site) -> None:
    _kb, site = built_site
    for path in ("index.html", "du-lieu/index.html", "gioi-thieu/index.html", "dong-thoi-gian/index.html"):
        assert "citation_title" not in (site / path).read_text(encoding="utf-8"), path


# ------------------------------------------------------------------ in the browser


@pytest.mark.browser
def test_the_access_date_is_today_and_the_files_download(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    block = page.locator(".kb-cite")
    today = dt.date.today()
    printed = block.locator("[data-kb-today]").all_inner_texts()
    assert printed, "the Ministry's style prints the access date"
    # The browser's clock and this process's agree on the day, except across midnight.
    days = {f"{d.day}/{d.month}/{d.year}" for d in (today, today - dt.timedelta(days=1))}
    assert set(printed) <= days
    assert "truy cập ngày " + printed[0] in block.inner_text()
    link = block.locator("a[download$='.bib']")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "defence-kb-thoa-thuan-hiep-dinh-fpa-viet-nam-eu.bib"
    response = page.request.get(urljoin(page.url, link.get_attribute("href")))
    assert response.ok and response.text().startswith(
        "@online{defence-kb-thoa-thuan-hiep-dinh-fpa-viet-nam-eu,"
    )


# ------------------------------------------------------------------ the repository


def test_citation_cff_follows_the_citation_file_format_schema() -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("check-jsonschema")),
            "--builtin-schema",
            "vendor.citation-file-format",
            str(REPO_ROOT / "CITATION.cff"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    # The same names and addresses as the site's configuration.
    assert cff["title"] == SETTINGS.site_name
    assert cff["authors"] == [{"name": SETTINGS.site_name}]
    assert cff["url"] == SETTINGS.site_url
    assert cff["repository-code"] == SETTINGS.repo_url
    assert cff["license"] == ["CC-BY-4.0", "MIT"]


def _as_biber_reads(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(type, key, fields) of each entry as biber's parser (btparse, Text::BibTeX) splits a
    file: a braced value ends at the brace that brings its depth back to zero, counting every
    raw brace whatever stands before it (`\\}` closes a field too)."""
    entries = []
    at = 0
    while (start := text.find("@", at)) != -1:
        head = re.compile(r"@(\w+)\{([^,\s]+),\s*").match(text, start)
        assert head, f"not an entry at {text[start : start + 60]!r}"
        fields: dict[str, str] = {}
        at = head.end()
        while field := re.compile(r"(\w+) = \{").match(text, at):
            depth, end = 1, field.end()
            while depth:
                assert end < len(text), "a field never closes"
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
            assert field[1] not in fields, f"field {field[1]} twice"
            fields[field[1]] = text[field.end() : end - 1]
            at = re.compile(r",?\s*").match(text, end).end()  # type: ignore[union-attr]
        closing = re.compile(r"\}\s*").match(text, at)
        assert closing, f"the entry does not end where it should: {text[at : at + 60]!r}"
        at = closing.end()
        entries.append((head[1], head[2], fields))
    return entries


def test_no_record_text_can_close_or_open_a_bibtex_field() -> None:
    """A title from tests/bad_inputs/hostile/ tries to close its field with `\\}` and `}` and
    add a URL of its own: biber reads one entry, its fields as written, each value balanced."""
    hostile = yaml.safe_load((HOSTILE / "events" / "cong-thuc-bang-tinh.yml").read_text(encoding="utf-8"))
    title = hostile["title"]
    for text in (title, "}", "{", "\\}", "\\{", "}}{{", "a\\", "@online{x, url = {https://evil.example}}"):
        item = {"id": "k1", "type": "webpage", "title": text, "note": text, "URL": "https://kb.example/a/"}
        bib = to_bibtex([item])
        entries = _as_biber_reads(bib)
        assert [(kind, key, sorted(fields)) for kind, key, fields in entries] == [
            ("online", "k1", ["note", "title", "url"])
        ], bib
        assert entries[0][2]["url"] == "https://kb.example/a/"
        library = bibtexparser.parse_string(bib, append_middleware=[latex_decoding()])
        assert library.failed_blocks == [] and library.entries[0]["title"] == f"{text}"
