"""The data behind the "Đề xuất bản ghi" form (`de-xuat/`): what the browser needs to build
the form from the schema and check a proposal as the validator would, with no server.

The form (docs/assets/propose/) reads one JSON file the build writes next to its page:
the JSON Schema of every record type and of entities (the same files `make schema` writes),
the Vietnamese labels of the fields and vocabularies, which fields name themes, entities or
records, and the data to choose from: themes, entities with their kinds, sources with their
numbered paragraphs (as their source pages show them), and every record's fields as its
file holds them (to check ids are unique, to choose related records, and to prefill the
form when a record is corrected, changing only what the editor changes): the loader's
data, carried through validation into the model, so no file is read twice. Everything
here is a pure function of the knowledge base and the settings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .field_labels import FIELD_LABELS
from .jsonschema import json_schemas
from .model import KnowledgeBase
from .render.settings import SiteSettings
from .schema import (
    FUTURE_YEARS_ALLOWED,
    PLACEHOLDER,
    RECORD_TYPES,
    Entity,
    ParagraphKind,
    PublishedKind,
    Record,
    Vocabulary,
)
from .text import vietnamese_sort_key

PROPOSE_FOLDER = "de-xuat"
PROPOSE_DATA = f"{PROPOSE_FOLDER}/du-lieu.json"
PULL_REQUEST_TEMPLATE = Path(".github/pull_request_template.md")

# Fields written as paragraphs rather than one line.
LONG_TEXT = ["summary", "date_note", "editor_note", "description", "quote"]
# Fields a new record seldom needs: the form folds them under "Trường khác" (as `make new`
# writes them as comments or leaves them out).
SELDOM_USED = [
    "title_en",
    "not_in_sources",
    "date_unspecified_year",
    "not_before",
    "not_after",
    "date_note",
    "mentioned",
    "search_aliases",
    "editor_note",
    "former_ids",
    "figures",
]
# Fields of a new entity the form asks for (the rest are added later in the file).
ENTITY_FIELDS = [
    "id",
    "kind",
    "name",
    "description",
    "name_en",
    "not_in_sources",
    "aliases",
    "part_of",
    "country",
]


def _vocabularies() -> dict[str, list[dict[str, str]]]:
    """Every vocabulary by the name its JSON Schema definition has, with Vietnamese labels."""
    found: dict[str, type[Vocabulary]] = {}

    def visit(model: type[Any]) -> None:
        for info in model.model_fields.values():
            for candidate in (info.annotation, *getattr(info.annotation, "__args__", ())):
                if isinstance(candidate, type) and issubclass(candidate, Vocabulary):
                    found[candidate.__name__] = candidate
                elif isinstance(candidate, type) and hasattr(candidate, "model_fields"):
                    visit(candidate)

    for model in (*RECORD_TYPES.values(), Entity):
        visit(model)
    return {
        name: [{"value": m.value, "label": m.label} for m in vocabulary] for name, vocabulary in found.items()
    }


def _references(record_type: type[Record]) -> dict[str, str]:
    """Which fields hold ids, and of what: theme, entity or record."""
    references = {"themes": "theme", "related": "record", "former_ids": "record"}
    references |= {name: "entity" for name in record_type.entity_fields}
    return references


def _checklist(repo_root: Path) -> list[str]:
    """The pull request template's checklist, for the commit message a proposal carries."""
    path = repo_root / PULL_REQUEST_TEMPLATE
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- [ ]")]


def form_data(kb: KnowledgeBase, settings: SiteSettings, repo_root: Path) -> dict[str, Any]:
    schemas = json_schemas()
    records = sorted(kb.records.values(), key=lambda entry: vietnamese_sort_key(entry.record.title))
    return {
        "repository": settings.repo_url,
        "edit_data_uri": settings.edit_data_uri,
        "branch": settings.edit_data_uri.strip("/").rsplit("/", 1)[-1] or "main",
        "future_years": FUTURE_YEARS_ALLOWED,
        "placeholder": PLACEHOLDER,
        "checklist": _checklist(repo_root),
        "types": [
            {
                "folder": folder,
                "name": cls.__name__.lower(),
                "label": cls.type_label,
                "label_plural": cls.type_label_plural,
                "url_prefix": cls.url_prefix,
                "references": _references(cls),
                "schema": schemas[f"{folder}.schema.json"],
            }
            for folder, cls in RECORD_TYPES.items()
        ],
        "entity_schema": schemas["entities.schema.json"],
        # the "Thêm nguồn" step writes a source file (new_source.py's twin, new_source.js)
        "source_schema": schemas["sources.schema.json"],
        "paragraph_kinds": [{"value": kind.value, "label": kind.label} for kind in ParagraphKind],
        "labels": FIELD_LABELS,
        "role_labels": Record.ROLE_LABELS,
        "long_text": LONG_TEXT,
        "seldom_used": SELDOM_USED,
        "entity_fields": ENTITY_FIELDS,
        "vocabularies": _vocabularies(),
        "themes": [{"id": theme.id, "title": theme.title} for theme in kb.themes.values()],
        "entities": [
            {
                "id": entry.entity.id,
                "name": entry.entity.name,
                "kind": entry.entity.kind.value,
                "aliases": entry.entity.aliases,
            }
            for entry in sorted(kb.entities.values(), key=lambda e: vietnamese_sort_key(e.entity.name))
        ],
        "sources": [
            {
                "id": entry.source.id,
                "label": entry.source.label,
                # a source's date bounds what it reports (model.placement_of): a single date only
                "published": (
                    entry.source.published.start.iso()
                    if entry.source.published and entry.source.published.end is None
                    else None
                ),
                "published_kind": entry.source.published_kind.label,
                "published_by_reposting_page": entry.source.published_kind is PublishedKind.page,
                "paragraphs": [[p.n, p.kind.value, p.kind.label, p.text] for p in entry.source.paragraphs],
            }
            for entry in kb.sources.values()
        ],
        "records": [
            {
                "folder": entry.record.folder,
                "path": entry.path.as_posix(),
                "data": entry.data,
            }
            for entry in records
        ],
    }


def render_form_data(kb: KnowledgeBase, settings: SiteSettings, repo_root: Path) -> bytes:
    data = form_data(kb, settings, repo_root)
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
