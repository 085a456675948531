"""Open data: the knowledge base as JSON and CSV files, with the JSON Schema they follow.

A record in the JSON export has exactly the shape of its YAML file (the same fields and
values, dates as "2019-10-17" or {"start", "end"}), so it validates against the schema
in `data/schema/` and reloads into the same record. The CSV files hold one row per record
for spreadsheets: UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly;
a list of plain values is joined with " | ", and a list of objects (evidence, figures,
roles) is written as JSON. A cell that a spreadsheet would take for a formula (it begins
with = + - @, a tab or a carriage return) starts with a single quote. Sources (the cleaned
text of each article, paragraph by paragraph) are exported as JSON only.

Where a record sits in time is derived as well as typed: besides its `date`, the bounds its
sources justify (the publication date of a cited source bounds it from above). Each record's
placement is exported beside its fields: in the all-in-one JSON under "time" (record id →
EDTF string, Vietnamese label, the bounds with their basis and, for a date that rests on
references, "basis" and their ids under "references"), and as the last three CSV columns,
`time_edtf`, `time_vi` and `time_basis`. The per-type JSON files keep exactly the YAML shape.

Every export carries the licence (licence.py): the all-in-one JSON under "license"; the
folder holds LICENSE.txt and a Frictionless Data Package descriptor (datapackage.json) that
names the licence of every file, since a CSV file or a per-type JSON list (which keeps
the YAML shape) has no place for it. The articles' texts in sources.json are not ours,
and both say so.

Everything here is a pure function of the knowledge base: no dates or times of the build,
so an unchanged knowledge base gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .jsonschema import render_json_schemas
from .licence import (
    DATA_LICENCE,
    DATA_LICENCE_TITLE,
    DATA_LICENCE_URL,
    THIRD_PARTY_EN,
    THIRD_PARTY_VI,
    licence_data,
)
from .model import Bound, KnowledgeBase, RecordEntry, edtf_of
from .schema import RECORD_TYPES, Entity, Theme
from .wording import format_placement, format_reference

EXPORT_FOLDER = "du-lieu"
LIST_SEPARATOR = " | "
ALL_IN_ONE = "defence-kb.json"
LICENCE_FILE = "LICENSE.txt"
DATA_PACKAGE = "datapackage.json"


def model_data(model: BaseModel) -> dict[str, Any]:
    """A record, entity or theme as its data file writes it (unset optional fields left out)."""
    return model.model_dump(mode="json", exclude_none=True)


# A spreadsheet reads a cell that begins with one of these as a formula (`=HYPERLINK(…)`,
# `@SUM(…)`, `-2+3`); OWASP's rule is to start such a cell with a single quote, which the
# spreadsheet shows as text. https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A cell's text as a spreadsheet will show it, never run it."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return csv_text(LIST_SEPARATOR.join(value))
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if set(value) == {"start", "end"}:
            return f"{value['start']}/{value['end']}"  # ISO 8601 interval
        return json.dumps(value, ensure_ascii=False)
    return csv_text(str(value))


TIME_COLUMNS = ("time_edtf", "time_vi", "time_basis")


def to_csv(model_type: type[BaseModel], rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> bytes:
    """One row per item, one column per field of the model, in the schema's order, then
    the `extra` columns (derived values the rows carry under those names)."""
    columns = [*model_type.model_fields, *extra]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8-sig")


def _bound(bound: Bound | None) -> dict[str, str] | None:
    if bound is None:
        return None
    return {"date": bound.date.iso(), "source": bound.source.id, "basis": bound.quote or bound.basis or ""}


def time_data(entry: RecordEntry) -> dict[str, Any]:
    """A record's placement in time, as the export carries it beside the record's fields."""
    placement = entry.placement
    data = {
        "edtf": edtf_of(placement),
        "vi": format_placement(placement, entry.record.status),
        "not_before": _bound(placement.not_before),
        "not_after": _bound(placement.not_after),
    }
    referenced = entry.time_referenced
    if referenced:  # the date rests on references, not on the articles
        data["basis"] = "theo tài liệu tham khảo: " + "; ".join(map(format_reference, referenced.agreeing))
        data["references"] = [reference.id for reference in referenced.agreeing]
    return {key: value for key, value in data.items() if value}


def _json(value: Any) -> bytes:
    # Compact: with `indent`, Python's json falls back from its C encoder to pure Python.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


@dataclass(frozen=True)
class DataFile:
    """One file of the export, as the "Dữ liệu" page lists it."""

    name: str  # relative to the export folder
    description: str
    items: int
    size: int


def export_files(kb: KnowledgeBase) -> dict[str, bytes]:
    """{path under the docs folder: content} for every file of the open data export."""
    records = {
        folder: [model_data(entry.record) for entry in kb.records.values() if isinstance(entry.record, cls)]
        for folder, cls in RECORD_TYPES.items()
    }
    entities = [model_data(entry.entity) for entry in kb.entities.values()]
    themes = [model_data(theme) for theme in kb.themes.values()]
    sources = [model_data(entry.source) for entry in kb.sources.values()]
    time = {entry.id: time_data(entry) for entry in kb.records.values()}
    files: dict[str, bytes] = {
        ALL_IN_ONE: _json(
            {
                "license": licence_data(),
                "records": records,
                "time": time,
                "entities": entities,
                "themes": themes,
                "sources": sources,
            }
        )
    }
    for folder, cls in RECORD_TYPES.items():
        files[f"{folder}.json"] = _json(records[folder])
        rows = [
            row | {f"time_{key}": time[row["id"]].get(key, "") for key in ("edtf", "vi", "basis")}
            for row in records[folder]
        ]
        files[f"{folder}.csv"] = to_csv(cls, rows, TIME_COLUMNS)
    files["entities.json"] = _json(entities)
    files["entities.csv"] = to_csv(Entity, entities)
    files["themes.json"] = _json(themes)
    files["themes.csv"] = to_csv(Theme, themes)
    files["sources.json"] = _json(sources)
    for name, text in render_json_schemas().items():
        files[f"schema/{name}"] = text.encode("utf-8")
    files[DATA_PACKAGE] = _json(data_package(sorted(files)))
    files[LICENCE_FILE] = LICENCE_TEXT.encode("utf-8")
    return {f"{EXPORT_FOLDER}/{name}": content for name, content in files.items()}


LICENCE_TEXT = f"""Giấy phép / Licence

Các tệp trong thư mục này được phát hành theo giấy phép {DATA_LICENCE_TITLE}
({DATA_LICENCE}): {DATA_LICENCE_URL}
The files in this folder are licensed under {DATA_LICENCE_TITLE} ({DATA_LICENCE}).

Ghi công / Attribution: “Hợp tác quốc phòng quốc tế của Việt Nam”, với liên kết tới tệp
hoặc trang đã dùng / with a link to the file or page used.

{THIRD_PARTY_VI}

{THIRD_PARTY_EN}
"""


def data_package(names: list[str]) -> dict[str, Any]:
    """A Frictionless Data Package descriptor: every export file and its licence."""
    resources = []
    for name in names:
        stem, extension = name.rsplit(".", 1)
        resource: dict[str, Any] = {
            "name": stem.replace("/", "-").replace(".", "-").lower() + f"-{extension}",
            "path": name,
            "format": extension,
            "mediatype": "text/csv" if extension == "csv" else "application/json",
            "encoding": "utf-8-sig" if extension == "csv" else "utf-8",
        }
        if name in (ALL_IN_ONE, "sources.json"):
            resource["description"] = THIRD_PARTY_EN
        resources.append(resource)
    return {
        "name": "defence-kb",
        "title": "Hợp tác quốc phòng quốc tế của Việt Nam",
        "licenses": [{"name": "CC-BY-4.0", "title": DATA_LICENCE_TITLE, "path": DATA_LICENCE_URL}],
        "description": THIRD_PARTY_VI,
        "resources": resources,
    }


def describe_exports(kb: KnowledgeBase, files: dict[str, bytes]) -> list[DataFile]:
    """What each export file holds, for the "Dữ liệu" page (schemas listed separately)."""
    counts: dict[str, tuple[str, int]] = {
        ALL_IN_ONE: ("Toàn bộ: bản ghi, đối tác, chủ đề và nguồn", len(kb.records) + len(kb.entities)),
        "entities": ("Quốc gia, tổ chức, cá nhân", len(kb.entities)),
        "themes": ("Chủ đề", len(kb.themes)),
        "sources": ("Nguồn: thông tin bài viết và văn bản đã làm sạch", len(kb.sources)),
        "datapackage": (
            "Mô tả gói dữ liệu (Frictionless Data Package): các tệp và giấy phép",
            len(files) - 1,
        ),
    }
    for folder, cls in RECORD_TYPES.items():
        counts[folder] = (cls.type_label_plural, sum(isinstance(e.record, cls) for e in kb.records.values()))
    described = []
    for path, content in files.items():
        name = path.removeprefix(f"{EXPORT_FOLDER}/")
        if name in (path, LICENCE_FILE) or name.startswith("schema/"):
            continue  # another generated file, a schema or the licence (listed apart)
        description, items = counts[name if name == ALL_IN_ONE else name.rsplit(".", 1)[0]]
        described.append(DataFile(name, description, items, len(content)))
    return described
