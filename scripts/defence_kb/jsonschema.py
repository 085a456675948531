"""JSON Schema files, exported from the pydantic model, for editors' YAML tooling.

VS Code's YAML extension reads them (see .vscode/settings.json) to complete field names,
list allowed values and flag mistakes while an editor types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import RECORD_TYPES, Entity, Source, Strict, ThemesFile

BASE_ID = "https://example.invalid/defence-kb/schema/"


def json_schemas() -> dict[str, dict[str, Any]]:
    models: dict[str, type[Strict]] = {cls.folder: cls for cls in RECORD_TYPES.values()}
    models |= {"entities": Entity, "sources": Source, "themes": ThemesFile}
    schemas = {}
    for name, model in models.items():
        schema = _in_canonical_order(model.model_json_schema(mode="validation"), model)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE_ID}{name}.schema.json",
            **schema,
        }
        schemas[f"{name}.schema.json"] = schema
    return schemas


def _in_canonical_order(schema: dict[str, Any], model: type[Strict]) -> dict[str, Any]:
    """`properties` and `required` in the order a data file writes the fields (pydantic
    writes them in definition order, which puts a record type's own fields last)."""
    order = model.canonical_field_order()
    schema["properties"] = {name: schema["properties"][name] for name in order}
    if "required" in schema:
        schema["required"] = [name for name in order if name in schema["required"]]
    return schema


def render_json_schemas() -> dict[str, str]:
    return {
        name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        for name, schema in json_schemas().items()
    }


def write_json_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_json_schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
