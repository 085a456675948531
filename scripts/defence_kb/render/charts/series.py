"""The kinds of mark a chart stacks (a theme, a record type), each with its style in kb.css."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...schema import RECORD_TYPES

SERIES_STYLES = 8  # kb.css has a colour and a texture for each


@dataclass(frozen=True)
class Series:
    """One kind of mark (a theme, a record type) with its style number in kb.css."""

    key: str
    label: str
    style: int
    total: int = 0


def type_series(counts: Counter[str] | None = None) -> list[Series]:
    """A series per record type (by folder), with its count in `counts`."""
    counts = counts or Counter()
    return [
        Series(folder, record_type.type_label, index % SERIES_STYLES + 1, counts[folder])
        for index, (folder, record_type) in enumerate(RECORD_TYPES.items())
    ]
