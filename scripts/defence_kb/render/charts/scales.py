"""The scales of the charts: round ticks for counts, and the years' axis (columns of one
year or, in a small picture of a long span, of a period of years)."""

from __future__ import annotations

import math
from dataclasses import dataclass

SMALL_COLUMNS = 12  # columns of an entity's picture at most: a longer span is cut in periods


def nice_ticks(largest: int, most: int = 4) -> list[int]:
    """0 and round steps (1, 2, 5 × 10ⁿ) up to at least `largest`, at most `most` steps."""
    largest = max(largest, 1)
    magnitude = 10 ** max(0, math.floor(math.log10(largest / most)))
    for factor in (1, 2, 5, 10, 20, 50):
        step = magnitude * factor
        if math.ceil(largest / step) <= most:
            return [step * i for i in range(math.ceil(largest / step) + 1)]
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class YearAxis:
    """Years from `first` over `span` years, in columns of `period` years `step` units wide
    from `left`."""

    first: int
    span: int
    period: int
    step: float
    left: float
    right: float

    @classmethod
    def of(cls, years: list[int], small: bool) -> YearAxis:
        """Columns share the picture's width (a few wide ones, or many down to 12 units
        each); a small picture has at most SMALL_COLUMNS, each a period over a long span."""
        first = years[0] if years else 0
        span = years[-1] - first + 1 if years else 0
        period = math.ceil(span / SMALL_COLUMNS) if small and span > SMALL_COLUMNS else 1
        left, right = 30.0, 8.0
        room = (300.0 if small else 340.0) - left - right
        step = max(12.0, min(48.0, room / max(math.ceil(span / period), 1)))
        return cls(first, span, period, step, left, right)

    @property
    def count(self) -> int:
        return math.ceil(self.span / self.period)

    @property
    def width(self) -> float:
        return self.left + self.step * self.count + self.right

    @property
    def label_every(self) -> int:
        """Every n-th column has room for a year written across (32 units a label)."""
        return math.ceil(32.0 / self.step)

    def column_of(self, year: int) -> int:
        return (year - self.first) // self.period

    def years_of(self, column: int) -> list[int]:
        start = self.first + column * self.period
        return list(range(start, min(start + self.period, self.first + self.span)))

    def x_of(self, column: int) -> float:
        return self.left + column * self.step
