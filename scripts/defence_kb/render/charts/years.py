"""Records per year: columns of dated records stacked by series, lanes of records known only
by bounds below them; for the home page (by theme), a theme (by type) and an entity (by
type, in periods over a long span). Counting is `tally`, the axes `scales`; here is the
layout, as plain data for templates/pictures/years.html.j2."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ...model import EntityEntry, KnowledgeBase, RecordEntry
from ...schema import EntityKind, Theme
from ...text import heading_slug
from ...wording import format_year_bounds
from ..paths import TIMELINE_PAGE, page_of, picture_href
from .scales import YearAxis, nice_ticks
from .series import SERIES_STYLES, Series, type_series
from .tally import Tally, YearSpan

SEARCH_PAGE = "tim-kiem.md"
TOP = 16.0  # room for the totals over the bars
LANE_GAP = 34.0  # between the axis and the lanes' heading, and between lanes
# Room under an axis for its years: written across, or upwards where columns are narrower
# than a year's width.
YEARS_ACROSS = 14.0
YEARS_UPWARDS = 34.0


@dataclass(frozen=True)
class Segment:
    series: Series
    count: int
    y: float
    height: float
    href: str


@dataclass(frozen=True)
class YearColumn:
    year: int  # the first year of the column
    last: int  # its last year (the same, but in a small picture of a long span)
    total: int
    x: float
    width: float
    top: float
    href: str
    segments: list[Segment]

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def label(self) -> str:
        return str(self.year) if self.last == self.year else f"{self.year}–{self.last}"


@dataclass(frozen=True)
class Lane:
    """Records known only by bounds spanning the same years: from `first` to `last`, either
    open (None) when the sources set no bound on that side."""

    first: int | None
    last: int | None
    count: int
    label: str  # in words, to the year: "không muộn hơn năm 2022"
    bands: list[tuple[str, int]]  # the timeline's bands in it, as worded there, with counts
    x1: float
    x2: float
    y: float
    href: str


@dataclass(frozen=True)
class YearChart:
    """Columns of dated records per year, stacked by series; lanes of spans below."""

    name: str  # unique on its page: the prefix of the SVG's ids
    title: str
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float  # the axis line
    series: list[Series]
    columns: list[YearColumn]
    ticks: list[tuple[int, float]]
    lanes: list[Lane]
    lanes_top: float
    lanes_axis: float  # the years' axis under the lanes (when there are lanes)
    vertical_years: bool  # the years are written upwards: across, they would not fit
    dated: int
    undated: int
    period: int  # years per column
    linked_segments: bool

    @property
    def total(self) -> int:
        return self.dated + sum(lane.count for lane in self.lanes) + self.undated

    @property
    def drawn_columns(self) -> list[YearColumn]:
        return [column for column in self.columns if column.total]


@dataclass(frozen=True)
class Links:
    """Where a chart's marks lead: a year (and a series) or a lane (by its first band)."""

    year: Callable[[list[int], str | None], str]  # the years of a column, a series or None
    lane: Callable[[str], str]


def year_chart(
    name: str,
    title: str,
    entries: Iterable[RecordEntry],
    series: list[Series],
    series_of: Callable[[RecordEntry], str],
    links: Links,
    *,
    small: bool = False,
    linked_segments: bool = False,
) -> YearChart:
    """`small` pictures (an entity's) have at most SMALL_COLUMNS columns: over a longer span
    each column is a period of several years. With `linked_segments` each part of a column
    has its own link (year and series), else the column is one link."""
    tally = Tally.of(entries, series_of)
    totals = tally.series_totals()
    series = [Series(s.key, s.label, s.style, totals[s.key]) for s in series if totals[s.key]]
    axis = YearAxis.of(tally.years(), small)
    per_column = tally.per_column(axis.count, axis.column_of)
    plot_height = 70.0 if small else 110.0
    bottom = TOP + plot_height
    ticks_values = nice_ticks(max((sum(c.values()) for c in per_column), default=0), 2 if small else 4)
    scale = plot_height / ticks_values[-1]
    columns = [
        _column(axis, index, counts, series, bottom, scale, links, linked_segments)
        for index, counts in enumerate(per_column)
    ]
    vertical = axis.label_every > 1
    year_room = YEARS_UPWARDS if vertical else YEARS_ACROSS
    lanes_top = bottom + year_room + LANE_GAP - YEARS_ACROSS
    lanes = [
        _lane(
            axis,
            span,
            bands,
            round(lanes_top + 20 + index * LANE_GAP, 2),
            links.lane(tally.lane_anchor[span]),
        )
        for index, (span, bands) in enumerate(tally.ordered_lanes())
    ]
    lanes_axis = lanes[-1].y + 14.0 if lanes else bottom
    height = lanes_axis + year_room + 8.0
    return YearChart(
        name,
        title,
        round(axis.width, 2),
        round(height, 2),
        axis.left,
        round(axis.width - axis.right, 2),
        round(TOP, 2),
        round(bottom, 2),
        series,
        columns,
        [(value, round(bottom - value * scale, 2)) for value in ticks_values],
        lanes,
        round(lanes_top, 2),
        round(lanes_axis, 2),
        vertical,
        sum(column.total for column in columns),
        tally.undated,
        axis.period,
        linked_segments,
    )


def _column(
    axis: YearAxis,
    index: int,
    counts: Counter[str],
    series: list[Series],
    bottom: float,
    scale: float,
    links: Links,
    linked_segments: bool,
) -> YearColumn:
    """A column's segments stacked from the axis up, in the order of the series."""
    years = axis.years_of(index)
    x = axis.x_of(index)
    y = bottom
    segments = []
    for s in series:
        number = counts[s.key]
        if number:
            height = number * scale
            y -= height
            target = links.year(years, s.key) if linked_segments else ""
            segments.append(Segment(s, number, round(y, 2), round(height, 2), target))
    return YearColumn(
        years[0],
        years[-1],
        sum(counts.values()),
        round(x + 2, 2),
        round(axis.step - 4, 2),
        round(y, 2),
        links.year(years, None),
        segments,
    )


def _lane(axis: YearAxis, span: YearSpan, bands: Counter[str], y: float, href: str) -> Lane:
    """A lane from its first year's column to its last's; an open end at the picture's edge."""
    first, last = span
    x1 = axis.x_of(axis.column_of(first)) if first is not None else 4.0
    x2 = axis.x_of(axis.column_of(last) + 1) if last is not None else axis.width - 4.0
    return Lane(
        first,
        last,
        sum(bands.values()),
        format_year_bounds(first, last),
        sorted(bands.items(), key=lambda band: -band[1]),
        round(x1, 2),
        round(x2, 2),
        y,
        href,
    )


def primary_theme(entry: RecordEntry) -> str:
    """The theme a record is counted under where each record counts once: its first."""
    return entry.record.themes[0]


def home_year_chart(kb: KnowledgeBase, page: str) -> YearChart:
    """All records per year, stacked by theme (each record once, under its first theme);
    each year leads to the timeline filtered to that year."""
    themes = [
        Series(theme_id, theme.title, i % SERIES_STYLES + 1)
        for i, (theme_id, theme) in enumerate(kb.themes.items())
    ]

    def year_link(years: list[int], _series: str | None) -> str:
        return picture_href(page, TIMELINE_PAGE, {"nam": str(years[0])}, str(years[0]))

    return year_chart(
        "nam",
        "Số bản ghi theo năm, theo chủ đề",
        kb.records.values(),
        themes,
        primary_theme,
        Links(year_link, lambda heading: picture_href(page, TIMELINE_PAGE, anchor=heading_slug(heading))),
    )


def theme_year_chart(theme: Theme, entries: Sequence[RecordEntry]) -> YearChart:
    """A theme's records per year, stacked by type; each mark leads to the theme's own
    timeline, filtered to its year (and type)."""
    page = page_of(theme)

    def year_link(years: list[int], folder: str | None) -> str:
        query = {"nam": str(years[0])} | ({"loai": folder} if folder else {})
        return picture_href(page, page, query, "dong-thoi-gian")

    return year_chart(
        "nam-chu-de",
        f"Số bản ghi theo năm: {theme.title}",
        entries,
        type_series(),
        lambda entry: entry.record.folder,
        Links(year_link, lambda heading: picture_href(page, page, anchor=heading_slug(heading))),
        linked_segments=True,
    )


def entity_year_chart(entry: EntityEntry) -> YearChart:
    """The records an entity takes part in, per year (or period) and type. A column of a
    country or an organisation leads to the search page filtered to it and those years; of
    a person, to the list of the records on its page."""
    page = page_of(entry)
    entity = entry.entity
    took_part = entry.took_part
    listing = heading_slug(f"Tham gia ({len(took_part)})")
    searchable = entity.kind in (EntityKind.country, EntityKind.organisation)  # index.GROUPS

    def year_link(years: list[int], _folder: str | None) -> str:
        if not searchable:
            return picture_href(page, page, anchor=listing)
        query = [("entity", entity.name), *(("year", str(year)) for year in years)]
        return picture_href(page, SEARCH_PAGE, query)

    return year_chart(
        "nam-doi-tac",
        f"Số bản ghi {entity.name} tham gia, theo năm",
        took_part,
        type_series(),
        lambda record_entry: record_entry.record.folder,
        Links(year_link, lambda _heading: picture_href(page, page, anchor=listing)),
        small=True,
    )
