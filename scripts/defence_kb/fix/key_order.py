"""Keys in the schema's order: each model's `canonical_field_order()` in schema/record.py, which is
the order of `properties` in the JSON Schema files; a date range is `start` then `end`.

A record's keys: the base's head (id, former_ids, title, title_en, not_in_sources, summary,
the date fields, date_note, status, location), then the type's own fields (an agreement's
kind, parties, signatories; a mission's organiser … personnel), then the base's tail (themes,
entities, mentioned, related, tags, figures, evidence, search_aliases, editor_note).
Every other model (entity, source, theme, exclusion) follows the order of its fields.

Nested objects (evidence items, figures, date bounds, roles, paragraphs, themes,
exclusions) follow their own model. Keys the schema does not know, a mistake the validator
reports, keep their order after the known ones, so that nothing is lost.

JavaScript twin: docs/assets/propose/key_order.js (the proposal form); a test compares the
two on every data file.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from ..schema import DateSpan, Strict
from ..schema.reference import Reference
from .context import DataFile

MESSAGE = "sắp xếp các trường theo thứ tự của mô hình dữ liệu"
DATE_RANGE_KEYS = ("start", "end")
SUPPORTS = "supports"

# What a field holds, as far as key order is concerned: a model, a date range, or nothing
# with keys of its own.
Shape = type[BaseModel] | tuple[str, ...] | None


def _shape(annotation: Any) -> Shape:
    """The model or date range inside an annotation (through Annotated, Optional, list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if annotation is DateSpan:
        return DATE_RANGE_KEYS
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _shape(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            found = _shape(argument)
            if found is not None:
                return found
    return None


def order_keys(value: Any, shape: Shape, file_model: Shape = None) -> Any:
    """`value` with the keys of every mapping in it in the order `shape` gives. A reference's
    `supports` names fields of the file it is in (`file_model`): in their order, each value
    in its field's own order."""
    file_model = file_model or shape
    if isinstance(value, list):
        return [order_keys(item, shape, file_model) for item in value]
    if not isinstance(value, dict) or shape is None:
        return value
    if isinstance(shape, tuple):
        known = shape
        fields: dict[str, Shape] = {}
    else:
        known = shape.canonical_field_order() if issubclass(shape, Strict) else tuple(shape.model_fields)
        fields = {name: _shape(info.annotation) for name, info in shape.model_fields.items()}
    names = [name for name in known if name in value] + [name for name in value if name not in known]
    return {
        name: order_keys(
            value[name],
            file_model if name == SUPPORTS and shape is Reference else fields.get(name),
            file_model,
        )
        for name in names
    }


def fix(data: dict[str, Any], file: DataFile, changes: list[str]) -> dict[str, Any]:
    fixed = order_keys(data, file.model)
    if _key_sequence(fixed) != _key_sequence(data):
        changes.append(MESSAGE)
    return fixed


def _key_sequence(value: Any) -> Any:
    if isinstance(value, dict):
        return [(key, _key_sequence(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_key_sequence(item) for item in value]
    return None
