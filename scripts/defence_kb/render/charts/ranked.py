"""Entities ranked by a count, each bar split by series: the partners of the whole knowledge
base (home) and an entity's co-participants. Layout as plain data for
templates/pictures/ranked.html.j2."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...model import EntityEntry, KnowledgeBase
from ...text import vietnamese_sort_key
from ..paths import page_of, picture_href
from .partners import is_partner
from .series import Series, type_series

PARTNERS_SHOWN = 15
CO_PARTICIPANTS_SHOWN = 8
_NAME_FITS = 48  # characters of a name that fit over a bar at the picture's width
_ROW = 36.0
_CHART_WIDTH = 360.0


@dataclass(frozen=True)
class BarPart:
    series: Series
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class RankedBar:
    entity: EntityEntry
    total: int
    y: float  # top of the row (the name), the bar below it
    width: float
    parts: list[BarPart]
    href: str

    @property
    def label(self) -> str:
        return self.entity.entity.name

    @property
    def short_label(self) -> str:
        """The name as it fits over the bar; the title and the list give it whole."""
        name = self.label
        return name if len(name) <= _NAME_FITS else name[: _NAME_FITS - 1].rstrip() + "…"


@dataclass(frozen=True)
class RankedChart:
    name: str
    title: str
    width: float
    height: float
    left: float
    series: list[Series]
    bars: list[RankedBar]
    unit: str  # what a bar counts, after its number: "bản ghi", "bản ghi chung"
    left_out: int = 0  # entities ranked after the last one shown


def ranked_chart(
    name: str,
    title: str,
    rows: list[tuple[EntityEntry, Counter[str]]],
    series: list[Series],
    page: str,
    unit: str,
    left_out: int = 0,
) -> RankedChart:
    left, number_room = 4.0, 34.0
    largest = max((sum(counts.values()) for _, counts in rows), default=1)
    scale = (_CHART_WIDTH - left - number_room) / largest
    bars = []
    for index, (entity_entry, counts) in enumerate(rows):
        x = left
        parts = []
        for s in series:
            count = counts[s.key]
            if count:
                parts.append(BarPart(s, count, round(x, 2), round(count * scale, 2)))
                x += count * scale
        total = sum(counts.values())
        y = round(4.0 + index * _ROW, 2)
        href = picture_href(page, page_of(entity_entry))
        bars.append(RankedBar(entity_entry, total, y, round(total * scale, 2), parts, href))
    height = 4.0 + len(rows) * _ROW + 2.0
    return RankedChart(name, title, _CHART_WIDTH, round(height, 2), left, series, bars, unit, left_out)


def partners_chart(kb: KnowledgeBase, page: str) -> RankedChart:
    """Partners (countries, organisations) by the records they take part in, by type."""
    rows = []
    for entry in kb.entities.values():
        if is_partner(entry, kb.entities):
            counts = Counter(record_entry.record.folder for record_entry in entry.took_part)
            if counts:
                rows.append((entry, counts))
    rows.sort(key=lambda row: (-sum(row[1].values()), vietnamese_sort_key(row[0].entity.name)))
    left_out = max(0, len(rows) - PARTNERS_SHOWN)
    rows = rows[:PARTNERS_SHOWN]
    totals = Counter[str]()
    for _, counts in rows:
        totals.update(counts)
    series = [s for s in type_series(totals) if s.total]
    title = "Đối tác theo số bản ghi tham gia, theo loại"
    return ranked_chart("doi-tac", title, rows, series, page, "bản ghi", left_out)


def co_participants_chart(kb: KnowledgeBase, entry: EntityEntry) -> RankedChart:
    """The entities most often taking part in the same records as `entry`."""
    ranked = entry.co_participants(kb.entities)[:CO_PARTICIPANTS_SHOWN]
    shared = Series("chung", "Bản ghi chung", 1, sum(count for _, count in ranked))
    rows = [(other, Counter({shared.key: count})) for other, count in ranked]
    title = f"Thường cùng tham gia với {entry.entity.name}"
    return ranked_chart("cung-tham-gia", title, rows, [shared], page_of(entry), "bản ghi chung")
