"""No value is still the placeholder `make new` writes where an editor must fill something in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...load import Key, LoadedFile, RawDataset
from ...problems import Problem
from ...schema import PLACEHOLDER
from ..data import ValidatedData
from ..messages import field_label
from ..registry import Rule, files_of


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for loaded in files_of(raw, RULE.applies_to):
        if PLACEHOLDER in data.data_repr(loaded):  # most files: one scan in C, no walk
            yield from _placeholders(loaded, loaded.data, ())


def _placeholders(loaded: LoadedFile, value: Any, key: Key) -> Iterator[Problem]:
    if isinstance(value, str) and value.strip().startswith(PLACEHOLDER):
        yield loaded.problem(key, f"“{field_label(key)}” vẫn là chỗ trống mẫu (“{PLACEHOLDER}…”); hãy điền")
    elif isinstance(value, dict):
        for name, child in value.items():
            yield from _placeholders(loaded, child, (*key, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _placeholders(loaded, child, (*key, index))


RULE = Rule(
    name="placeholders",
    checks=f"no value starts with the placeholder “{PLACEHOLDER}” that `make new` writes",
    applies_to=("records", "entities", "sources", "themes"),
    fix="fill the value in; the placeholder's problem replaces every other one at the same spot",
    check=check,
    explains_others=True,
)
