"""key_order.py: keys follow the schema's field order, nested objects too."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO_ROOT
from defence_kb import schema as schema_module
from defence_kb.fix import key_order
from defence_kb.fix.context import DataFile
from defence_kb.schema import RECORD_TYPES, Agreement, Entity, Mission, Source, ThemesFile

MISSION = DataFile(Path("data/missions/x.yml"), Mission, True)


def test_keys_follow_the_model_nested_objects_too() -> None:
    changes: list[str] = []
    data = {
        "unit_type": "field_hospital",
        "evidence": [{"quote": "q", "source": "s"}],
        "personnel": {"unit": "người", "as_stated": "63", "value": "63"},
        "not_before": {"quote": "q", "source": "s", "date": "2018"},
        "date": {"end": "2019", "start": "2018"},
        "typo_field": "kept",
        "id": "x",
        "title": "t",
    }
    fixed = key_order.fix(data, MISSION, changes)
    assert list(fixed) == [
        "id",
        "title",
        "date",
        "not_before",
        "unit_type",
        "personnel",
        "evidence",
        "typo_field",
    ]
    assert list(fixed["evidence"][0]) == ["source", "quote"]
    assert list(fixed["personnel"]) == ["value", "unit", "as_stated"]
    assert list(fixed["not_before"]) == ["date", "source", "quote"]
    assert list(fixed["date"]) == ["start", "end"]
    assert fixed == data  # the same mapping, keys reordered
    assert changes == [key_order.MESSAGE]
    assert key_order.fix(fixed, MISSION, []) == fixed


def test_a_record_reads_head_then_its_own_fields_then_links_and_proofs() -> None:
    """What a record is (an agreement's kind and parties) comes right after what identifies,
    describes, dates and places it, before its themes, links and evidence."""
    order = Agreement.canonical_field_order()
    assert order[:2] == ("id", "former_ids")
    assert order[order.index("location") + 1 : order.index("themes")] == ("kind", "parties", "signatories")
    assert order[-4:] == ("evidence", "references", "search_aliases", "editor_note")  # the proofs together
    for record_type in RECORD_TYPES.values():
        order = record_type.canonical_field_order()
        own = record_type.own_fields()
        assert order.index("summary") < order.index("status") < order.index(own[0])
        assert order.index(own[-1]) < order.index("themes") < order.index("evidence")


def test_themes_and_paragraphs() -> None:
    themes = {"themes": [{"intro": "i", "title": "t", "id": "a"}]}
    fixed = key_order.fix(themes, DataFile(Path("data/themes.yml"), ThemesFile, False), [])
    assert list(fixed["themes"][0]) == ["id", "title", "intro"]
    source = {"paragraphs": [{"text": "x", "n": "1"}], "id": "s"}
    fixed = key_order.fix(source, DataFile(Path("data/sources/s.yml"), Source, True), [])
    assert list(fixed) == ["id", "paragraphs"] and list(fixed["paragraphs"][0]) == ["n", "text"]


def test_the_order_is_the_json_schemas_which_the_form_reads() -> None:
    for name in ("events", "agreements", "missions", "resolutions", "positions", "entities", "sources"):
        schema = json.loads(
            (REPO_ROOT / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        )
        model = RECORD_TYPES.get(name) or {"entities": Entity, "sources": Source}[name]
        assert list(schema["properties"]) == list(model.canonical_field_order()), name
        assert sorted(model.canonical_field_order()) == sorted(model.model_fields), name
        shuffled = {key: "x" for key in reversed(schema["properties"])}
        assert list(key_order.order_keys(shuffled, model)) == list(schema["properties"]), name
        for definition_name, definition in schema["$defs"].items():
            if "properties" in definition:
                nested_model = getattr(schema_module, definition_name)
                shuffled = {key: "x" for key in reversed(definition["properties"])}
                assert list(key_order.order_keys(shuffled, nested_model)) == list(definition["properties"])


def test_what_a_reference_supports_follows_the_file_s_own_field_order() -> None:
    from defence_kb.fix.key_order import order_keys
    from defence_kb.schema import Resolution

    data = {
        "id": "x",
        "references": [{"supports": {"number": "28-NQ/TW", "date": {"end": "2013-10", "start": "2013-09"}}}],
    }
    ordered = order_keys(data, Resolution)
    supports = ordered["references"][0]["supports"]
    assert list(supports) == ["date", "number"]
    assert list(supports["date"]) == ["start", "end"]
