"""The exported JSON Schema files are current and accept the real data."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import REPO_ROOT
from defence_kb.jsonschema import render_json_schemas
from defence_kb.load import RECORD_FOLDERS

SCHEMA_DIR = REPO_ROOT / "data" / "schema"


def test_committed_schemas_match_the_model() -> None:
    for name, text in render_json_schemas().items():
        path = SCHEMA_DIR / name
        assert path.exists(), f"{path} missing: run `make schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schema`"


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML as VS Code's YAML extension does: core types, dates left as text."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("folder", [*RECORD_FOLDERS, "entities", "sources"])
def test_real_data_validates_against_its_json_schema(folder: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{folder}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((REPO_ROOT / "data" / folder).glob("*.yml")):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert not errors, f"{path}: {errors}"


def test_json_schema_rejects_an_unknown_field() -> None:
    schema = json.loads((SCHEMA_DIR / "events.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "titel": "y"}, schema)
