"""The open data export: JSON that reloads to the same records and follows the published
schema, CSV that a spreadsheet opens in Vietnamese, and a page that lists it all."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from defence_kb.export import LIST_SEPARATOR
from defence_kb.model import KnowledgeBase
from defence_kb.schema import RECORD_TYPES, Entity, Source, Theme

pytestmark = pytest.mark.build

Site = tuple[KnowledgeBase, Path]


def _json(site: Path, name: str) -> object:
    return json.loads((site / "du-lieu" / name).read_text(encoding="utf-8"))


def test_json_export_reloads_to_the_same_records(built_site: Site) -> None:
    kb, site = built_site
    everything = _json(site, "defence-kb.json")
    assert isinstance(everything, dict)
    reloaded = {
        item["id"]: RECORD_TYPES[folder].model_validate(item)
        for folder, items in everything["records"].items()
        for item in items
    }
    assert reloaded == {record_id: entry.record for record_id, entry in kb.records.items()}
    assert [Entity.model_validate(item) for item in everything["entities"]] == [
        entry.entity for entry in kb.entities.values()
    ]
    assert [Theme.model_validate(item) for item in everything["themes"]] == list(kb.themes.values())
    assert [Source.model_validate(item) for item in everything["sources"]] == [
        entry.source for entry in kb.sources.values()
    ]
    for folder in RECORD_TYPES:  # the per-type files hold the same records
        assert _json(site, f"{folder}.json") == everything["records"][folder]


def test_json_export_validates_against_the_published_schema(built_site: Site) -> None:
    kb, site = built_site
    everything = _json(site, "defence-kb.json")
    assert isinstance(everything, dict)
    checked = 0
    groups = [
        *everything["records"].items(),
        ("entities", everything["entities"]),
        ("sources", everything["sources"]),
    ]
    for name, items in groups:
        validator = Draft202012Validator(_json(site, f"schema/{name}.schema.json"))
        for item in items:
            errors = [error.message for error in validator.iter_errors(item)]
            assert errors == [], (name, item["id"], errors)
            checked += 1
    themes = Draft202012Validator(_json(site, "schema/themes.schema.json"))
    assert not list(themes.iter_errors({"themes": everything["themes"]}))
    assert checked == len(kb.records) + len(kb.entities) + len(kb.sources)


def test_csv_opens_in_excel_as_vietnamese_one_row_per_record(built_site: Site) -> None:
    kb, site = built_site
    for folder, record_type in RECORD_TYPES.items():
        raw = (site / "du-lieu" / f"{folder}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        entries = [e for e in kb.records.values() if isinstance(e.record, record_type)]
        assert [row["id"] for row in rows] == [e.record.id for e in entries]
        assert list(rows[0]) == list(record_type.model_fields)
        for row, entry in zip(rows, entries, strict=True):
            record = entry.record
            assert row["title"] == record.title
            assert row["themes"].split(LIST_SEPARATOR) == record.themes
            assert json.loads(row["evidence"]) == [e.model_dump() for e in record.evidence]
            if record.date and record.date.end:
                assert row["date"] == f"{record.date.start.iso()}/{record.date.end.iso()}"
            elif record.date:
                assert row["date"] == record.date.start.iso()
            else:
                assert row["date"] == ""


def test_data_page_lists_and_links_every_export(built_site: Site) -> None:
    kb, site = built_site
    page = (site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#?]+\.(?:json|csv))"', page))
    exported = {
        p.relative_to(site / "du-lieu").as_posix() for p in (site / "du-lieu").rglob("*") if p.is_file()
    }
    exported.discard("index.html")
    assert links == exported
    assert "defence-kb.json" in links and "schema/events.schema.json" in links
    assert f"{len(kb.records)} bản ghi" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="du-lieu/"' in home  # in the navigation of every page
