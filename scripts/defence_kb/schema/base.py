"""What every data file's model shares: ids (slugs), non-empty text, the placeholder `make new`
writes, and the strict base model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# What `make new` writes where an editor must fill something in; the validator refuses it.
PLACEHOLDER = "TODO"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=100)]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


def unique_values(values: list[str]) -> list[str]:
    """A list field's validator: the same value written twice is a mistake."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"“{value}” được ghi hai lần; xóa một lần")
        seen.add(value)
    return values


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    @classmethod
    def canonical_field_order(cls) -> tuple[str, ...]:
        """The order of the fields in a data file, in `properties` of the JSON Schema and in
        the proposal form's YAML: the order of their definition, except for records (Record)."""
        return tuple(cls.model_fields)
