"""The open data export: JSON that reloads to the same records and follows the published
schema, CSV that a spreadsheet opens in Vietnamese, and a page that lists it all."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from edtf import parse_edtf
from jsonschema import Draft202012Validator

from defence_kb.export import LIST_SEPARATOR
from defence_kb.model import KnowledgeBase, edtf_of
from defence_kb.schema import RECORD_TYPES, Entity, Source, Theme
from defence_kb.wording import format_placement

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
        assert list(rows[0]) == [*record_type.model_fields, "time_edtf", "time_vi", "time_basis"]
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
            assert row["time_edtf"] == edtf_of(entry.placement)
            assert row["time_vi"] == format_placement(entry.placement, record.status)


def test_every_record_is_placed_in_time_in_valid_edtf(built_site: Site) -> None:
    """The all-in-one export carries each record's placement, as EDTF that the `edtf`
    library parses and whose bounds are the record's."""
    kb, site = built_site
    time = json.loads((site / "du-lieu" / "defence-kb.json").read_text(encoding="utf-8"))["time"]
    assert set(time) == set(kb.records)
    for record_id, placed in time.items():
        entry = kb.records[record_id]
        assert placed["edtf"], f"{record_id} has no place in time"
        parsed = parse_edtf(placed["edtf"])
        if entry.record.date:
            assert placed["edtf"].startswith(entry.record.date.start.iso())
        elif entry.record.date_unspecified_year:
            assert placed["edtf"] == entry.record.date_unspecified_year
        else:
            latest = entry.placement.not_after
            if latest:
                assert str(parsed.upper_strict().tm_year) <= str(latest.date.year)
                assert placed["not_after"]["date"] == latest.date.iso()
                assert placed["not_after"]["basis"] == (latest.quote or latest.source.published_kind.label)


def test_data_page_lists_and_links_every_export(built_site: Site) -> None:
    kb, site = built_site
    page = (site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#?]+\.(?:json|csv|txt))"', page))
    exported = {
        p.relative_to(site / "du-lieu").as_posix() for p in (site / "du-lieu").rglob("*") if p.is_file()
    }
    exported.discard("index.html")
    assert links == exported
    assert "defence-kb.json" in links and "schema/events.schema.json" in links
    assert f"{len(kb.records)} bản ghi" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="du-lieu/"' in home  # in the navigation of every page


def test_every_export_carries_the_licence(built_site: Site) -> None:
    """The all-in-one JSON names it; a Data Package descriptor names it for every file (a
    CSV or a per-type JSON list has no place for it), beside LICENSE.txt; the articles'
    texts are said not to be covered."""
    _kb, site = built_site
    folder = site / "du-lieu"
    everything = _json(site, "defence-kb.json")
    assert isinstance(everything, dict)
    licence = everything["license"]
    assert (
        licence["name"] == "CC-BY-4.0" and licence["path"] == "https://creativecommons.org/licenses/by/4.0/"
    )
    assert "sources.json" in licence["not_covered"]["vi"] and "publishers" in licence["not_covered"]["en"]
    package = _json(site, "datapackage.json")
    assert isinstance(package, dict)
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    described = {resource["path"] for resource in package["resources"]}
    exported = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert described == exported - {"index.html", "datapackage.json", "LICENSE.txt"}
    assert all(re.fullmatch(r"[a-z0-9._-]+", resource["name"]) for resource in package["resources"])
    text = (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "https://creativecommons.org/licenses/by/4.0/" in text
    assert "cơ quan đăng bài" in text
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'id="giay-phep"' in page and 'href="https://creativecommons.org/licenses/by/4.0/"' in page
    assert 'href="LICENSE.txt"' in page and 'href="../gioi-thieu/giay-phep/"' in page


def _cells(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_no_csv_cell_starts_a_formula(tmp_path: Path) -> None:
    """Every CSV the build writes, from text that a spreadsheet would run (OWASP's CSV
    injection): the cell starts with a single quote, so it is shown as typed."""
    from conftest import hostile_data
    from defence_kb.build import load_knowledge_base
    from defence_kb.export import export_files

    files = export_files(load_knowledge_base(tmp_path, hostile_data(tmp_path)))
    tables = {name: _cells(content) for name, content in files.items() if name.endswith(".csv")}
    assert set(tables) == {f"du-lieu/{name}.csv" for name in [*RECORD_TYPES, "entities", "themes"]}
    starts = [
        f"{name}: {cell!r}"
        for name, rows in tables.items()
        for row in rows
        for cell in row
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    ]
    assert starts == []
    events = {
        row["id"]: row for row in csv.DictReader(io.StringIO(files["du-lieu/events.csv"].decode("utf-8-sig")))
    }
    hostile = events["cong-thuc-bang-tinh"]
    assert hostile["title"].startswith("'=HYPERLINK(")
    assert (hostile["summary"], hostile["location"], hostile["date_note"], hostile["tags"]) == (
        "'-2+3 đoạn tóm tắt",
        "'@SUM(1+1)",
        "'+1 ngày",
        "'@nhãn",
    )
    entities = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO(files["du-lieu/entities.csv"].decode("utf-8-sig")))
    }
    assert (entities["cong-thuc"]["name"], entities["cong-thuc"]["description"]) == (
        "'=1+2 Tổ chức",
        "'-x mô tả",
    )


def test_csv_cells_starting_with_tab_or_carriage_return_are_quoted() -> None:
    from defence_kb.export import to_csv

    rows = [
        {"id": "a", "title": "\t=1+1", "intro": "\r@x"},
        {"id": "b", "title": "Bình thường", "intro": "a-b"},
    ]
    written = csv.DictReader(io.StringIO(to_csv(Theme, rows).decode("utf-8-sig"), newline=""))
    assert [(row["title"], row["intro"]) for row in written] == [("'\t=1+1", "'\r@x"), ("Bình thường", "a-b")]
