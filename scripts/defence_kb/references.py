"""Which values of a record or an entity rest on which reference, and where references
disagree (the model stage's part of references; the data shape is schema/reference.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .schema import Reference


def supported_value(model: BaseModel, field: str, value: Any) -> Any:
    """The value a reference gives for `field`, read as the file's own field is read (a
    date as a date span, a figure as a figure); raises ValueError, in Vietnamese, if it is
    not a value that field can hold."""
    data = model.model_dump(mode="json", exclude_none=True) | {field: value}
    try:
        return getattr(type(model).model_validate(data), field)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            if detail["loc"] and detail["loc"][0] == field:
                message = (detail.get("ctx") or {}).get("error") or detail["msg"]
                raise ValueError(str(message)) from None
        raise ValueError("giá trị không hợp lệ") from None


@dataclass(frozen=True)
class Referenced:
    """A value of a record or an entity that rests on references: those that give the
    value the file holds, and those that give another (both are kept and shown)."""

    field: str
    agreeing: tuple[Reference, ...]
    disagreeing: tuple[tuple[Reference, Any], ...]  # (reference, the value it gives)


def referenced_values(model: Any) -> dict[str, Referenced]:
    """field name -> the references its value rests on, for a validated record or entity."""
    given: dict[str, list[tuple[Reference, Any]]] = {}
    for reference in model.references:
        for field, value in reference.supports.items():
            given.setdefault(field, []).append((reference, supported_value(model, field, value)))
    found = {}
    for field, values in given.items():
        own = getattr(model, field)
        agreeing = tuple(reference for reference, value in values if value == own)
        disagreeing = tuple((reference, value) for reference, value in values if value != own)
        found[field] = Referenced(field, agreeing, disagreeing)
    return found
