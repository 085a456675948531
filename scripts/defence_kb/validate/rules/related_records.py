"""A record's related records exist, and are other records."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ..data import ValidatedData
from ..raw import raw_ids, strings, unknown
from ..registry import Rule, files_of


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    files = files_of(raw, RULE.applies_to)
    record_ids = raw_ids(files)
    for loaded in files:
        if not isinstance(loaded.data, dict):
            continue
        own_id = loaded.data.get("id")
        for key, other in strings(loaded.data.get("related"), ("related",)):
            if other == own_id:
                yield loaded.problem(key, "bản ghi không thể liên quan tới chính nó")
            elif other not in record_ids:
                yield loaded.problem(key, unknown(other, record_ids, "bản ghi", "data/<loại>"))


RULE = Rule(
    name="related_records",
    checks="every id in a record's `related` is another record's id",
    applies_to=("records",),
    fix="correct the id (the message suggests the closest one) or remove it",
    check=check,
)
