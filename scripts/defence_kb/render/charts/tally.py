"""Counting records in time, before any geometry, as the timelines file records: a dated
record in the year its date starts; a record known only by bounds in the lane of the years
its bounds allow (not in a year: it could be in any of several); the rest as undated."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ...model import RecordEntry
from ..summaries import time_heading

YearSpan = tuple[int | None, int | None]  # first and last year a lane's records can fall in


@dataclass
class Tally:
    per_year: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lanes: dict[YearSpan, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lane_anchor: dict[YearSpan, str] = field(default_factory=dict)
    undated: int = 0

    @classmethod
    def of(cls, entries: Iterable[RecordEntry], series_of: Callable[[RecordEntry], str]) -> Tally:
        tally = cls()
        for entry in entries:
            tally.add(entry, series_of(entry))
        return tally

    def add(self, entry: RecordEntry, series_key: str) -> None:
        placement = entry.placement
        if placement.date:
            self.per_year[placement.date.start.year][series_key] += 1
            return
        if placement.anchor is None:
            self.undated += 1
            return
        before, after = placement.not_before, placement.not_after
        key = (before.date.year if before else None, after.date.year if after else None)
        heading = time_heading(entry)
        self.lanes[key][heading] += 1
        self.lane_anchor.setdefault(key, heading)

    def years(self) -> list[int]:
        """Every year with a dated record or bounding a lane, in order."""
        found = set(self.per_year)
        for first, last in self.lanes:
            found.update(year for year in (first, last) if year is not None)
        return sorted(found)

    def per_column(self, count: int, column_of: Callable[[int], int]) -> list[Counter[str]]:
        """The dated records' counts in `count` columns, a year in column `column_of(year)`."""
        columns: list[Counter[str]] = [Counter() for _ in range(count)]
        for year, counts in self.per_year.items():
            columns[column_of(year)].update(counts)
        return columns

    def series_totals(self) -> Counter[str]:
        totals = Counter[str]()
        for counts in self.per_year.values():
            totals.update(counts)
        return totals

    def ordered_lanes(self) -> list[tuple[YearSpan, Counter[str]]]:
        """Lanes by their last year, then their first (open ends last and first)."""
        return sorted(
            self.lanes.items(),
            key=lambda item: (
                item[0][1] if item[0][1] is not None else 9999,
                item[0][0] if item[0][0] is not None else -1,
            ),
        )
