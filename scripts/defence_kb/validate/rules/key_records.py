"""A theme's key records (its summary box names them) exist and are in the theme."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ..data import ValidatedData
from ..raw import unknown
from ..registry import Rule


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    loaded = raw.themes
    if loaded is None:
        return
    for index, theme in enumerate(data.themes.values()):
        for position, record_id in enumerate(theme.key_records):
            where = ("themes", index, "key_records", position)
            located = data.records.get(record_id)
            if located is None:
                yield loaded.problem(where, unknown(record_id, set(data.records), "bản ghi", "data/<loại>"))
            elif theme.id not in located.model.themes:
                yield loaded.problem(where, f"bản ghi “{record_id}” không thuộc chủ đề “{theme.id}”")


RULE = Rule(
    name="key_records",
    checks="every key record of a theme is a record, and a record of that theme",
    applies_to=("themes",),
    fix="correct the record id, or add the theme to the record's themes",
    check=check,
)
