"""Pictures drawn from the data: records per year, partners at a glance, an entity's
records over time and co-participants, and a theme's key facts.

Here are the numbers and the geometry (counts, scales, ticks, positions, links) as plain
data; the SVG templates under templates/pictures/ lay them out, rendered by an
autoescaping environment (`pictures.picture_environment`). Nothing here writes SVG.

Every count is computed once: the site-wide pictures once per site, a theme's or an
entity's from its own records only, so a picture costs what its records cost.

Time is counted as the timelines file records: a dated record in the year its date starts;
a record known only by bounds is not put in a year (it could be in any of several) but
drawn as a span across the years its bounds allow, one lane per span of years; a record with
no place in time is counted in a note.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from markupsafe import Markup

from ..model import EntityEntry, KnowledgeBase, RecordEntry
from ..schema import RECORD_TYPES, Agreement, EntityKind, Figure, Mission, Theme
from ..text import heading_slug, vietnamese_sort_key
from ..wording import format_bound
from .paths import TIMELINE_PAGE, page_of, page_url
from .pictures import render_picture
from .summaries import time_heading

# The knowledge base is about Viet Nam's cooperation: Viet Nam and its own bodies take part
# in most records, so they are not ranked among its partners.
HOME_COUNTRY = "viet-nam"
SEARCH_PAGE = "tim-kiem.md"
PARTNERS_SHOWN = 15
CO_PARTICIPANTS_SHOWN = 8
MAIN_PARTNERS_IN_FACTS = 5
FIGURES_IN_FACTS = 3
SERIES_STYLES = 8  # kb.css has a colour and a texture for each
SMALL_COLUMNS = 12  # columns of an entity's picture at most: a longer span is cut in periods


# ------------------------------------------------------------------------------ links


def href(
    page: str, target: str, query: dict[str, str] | list[tuple[str, str]] | None = None, anchor: str = ""
) -> str:
    """The address of `target` (a docs-relative page) from the built `page`, for raw HTML
    and SVG, which MkDocs does not rewrite: directory URLs (`../../dong-thoi-gian/`)."""
    here = page_url(page)
    there = page_url(target)
    path = "" if there == here else "../" * here.count("/") + there or "./"
    text = path + (f"?{urlencode(query)}" if query else "") + (f"#{anchor}" if anchor else "")
    return text or "./"


# ----------------------------------------------------------------------------- series


@dataclass(frozen=True)
class Series:
    """One kind of mark (a theme, a record type) with its style number in kb.css."""

    key: str
    label: str
    style: int
    total: int = 0


def _type_series(counts: Counter[str] | None = None) -> list[Series]:
    counts = counts or Counter()
    return [
        Series(folder, record_type.type_label, index % SERIES_STYLES + 1, counts[folder])
        for index, (folder, record_type) in enumerate(RECORD_TYPES.items())
    ]


# ------------------------------------------------------------------ records per year


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
    labelled: bool  # the year is written under the axis (every year would not fit)
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


def nice_ticks(largest: int, most: int = 4) -> list[int]:
    """0 and round steps (1, 2, 5 × 10ⁿ) up to at least `largest`, at most `most` steps."""
    largest = max(largest, 1)
    magnitude = 10 ** max(0, math.floor(math.log10(largest / most)))
    for factor in (1, 2, 5, 10, 20, 50):
        step = magnitude * factor
        if math.ceil(largest / step) <= most:
            return [step * i for i in range(math.ceil(largest / step) + 1)]
    raise AssertionError("unreachable")


@dataclass
class _Tally:
    """Counting records in time, before geometry."""

    per_year: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lanes: dict[tuple[int | None, int | None], Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    lane_anchor: dict[tuple[int | None, int | None], str] = field(default_factory=dict)
    undated: int = 0

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
        found = set(self.per_year)
        for first, last in self.lanes:
            found.update(year for year in (first, last) if year is not None)
        return sorted(found)


def _lane_label(first: int | None, last: int | None) -> str:
    if first is not None and last is not None:
        return f"trong năm {first}" if first == last else f"trong khoảng năm {first}–{last}"
    if last is not None:
        return f"không muộn hơn năm {last}"
    return f"không sớm hơn năm {first}"


@dataclass(frozen=True)
class _Links:
    """Where a chart's marks lead: a year (and a series) or a lane (by its first band)."""

    year: Callable[[list[int], str | None], str]  # the years of a column, a series or None
    lane: Callable[[str], str]


def year_chart(
    name: str,
    title: str,
    entries: Iterable[RecordEntry],
    series: list[Series],
    series_of: Callable[[RecordEntry], str],
    links: _Links,
    *,
    small: bool = False,
    linked_segments: bool = False,
) -> YearChart:
    """`small` pictures (an entity's) have at most SMALL_COLUMNS columns: over a longer span
    each column is a period of several years. With `linked_segments` each part of a column
    has its own link (year and series), else the column is one link."""
    tally = _Tally()
    for entry in entries:
        tally.add(entry, series_of(entry))
    totals = Counter[str]()
    for counts in tally.per_year.values():
        totals.update(counts)
    series = [Series(s.key, s.label, s.style, totals[s.key]) for s in series if totals[s.key]]
    found = tally.years()
    first_year = found[0] if found else 0
    span = found[-1] - first_year + 1 if found else 0
    period = math.ceil(span / SMALL_COLUMNS) if small and span > SMALL_COLUMNS else 1
    count = math.ceil(span / period)

    def column_of(year: int) -> int:
        return (year - first_year) // period

    per_column: list[Counter[str]] = [Counter() for _ in range(count)]
    for year, counts in tally.per_year.items():
        per_column[column_of(year)].update(counts)

    left, right = 30.0, 8.0
    plot_height = 70.0 if small else 110.0
    # Columns share the picture's width (a few wide ones, or many down to 12 units each).
    room = (300.0 if small else 340.0) - left - right
    step = max(12.0, min(48.0, room / max(count, 1)))
    width = left + step * count + right
    top = 16.0  # room for the totals over the bars
    bottom = top + plot_height
    ticks_values = nice_ticks(max((sum(c.values()) for c in per_column), default=0), 2 if small else 4)
    scale = plot_height / ticks_values[-1]
    every = math.ceil(32.0 / step)
    columns = []
    for index, counts in enumerate(per_column):
        start = first_year + index * period
        years = list(range(start, min(start + period, first_year + span)))
        x = left + index * step
        y = bottom
        segments = []
        for s in series:
            number = counts[s.key]
            if number:
                height = number * scale
                y -= height
                target = links.year(years, s.key) if linked_segments else ""
                segments.append(Segment(s, number, round(y, 2), round(height, 2), target))
        columns.append(
            YearColumn(
                start,
                years[-1],
                sum(counts.values()),
                round(x + 2, 2),
                round(step - 4, 2),
                round(y, 2),
                index % every == 0,
                links.year(years, None),
                segments,
            )
        )
    ticks = [(value, round(bottom - value * scale, 2)) for value in ticks_values]

    lanes_top = bottom + 34.0
    lanes = []
    ordered = sorted(
        tally.lanes.items(),
        key=lambda item: (
            item[0][1] if item[0][1] is not None else 9999,
            item[0][0] if item[0][0] is not None else -1,
        ),
    )
    for index, ((first, last), bands) in enumerate(ordered):
        x1 = left + column_of(first) * step if first is not None else 4.0
        x2 = left + (column_of(last) + 1) * step if last is not None else width - 4.0
        lanes.append(
            Lane(
                first,
                last,
                sum(bands.values()),
                _lane_label(first, last),
                sorted(bands.items(), key=lambda band: -band[1]),
                round(x1, 2),
                round(x2, 2),
                round(lanes_top + 20 + index * 34.0, 2),
                links.lane(tally.lane_anchor[(first, last)]),
            )
        )
    height = (lanes[-1].y + 12.0) if lanes else bottom + 22.0
    return YearChart(
        name,
        title,
        round(width, 2),
        round(height, 2),
        left,
        round(width - right, 2),
        round(top, 2),
        round(bottom, 2),
        series,
        columns,
        ticks,
        lanes,
        round(lanes_top, 2),
        sum(column.total for column in columns),
        tally.undated,
        period,
        linked_segments,
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
        return href(page, TIMELINE_PAGE, {"nam": str(years[0])}, str(years[0]))

    return year_chart(
        "nam",
        "Số bản ghi theo năm, theo chủ đề",
        kb.records.values(),
        themes,
        primary_theme,
        _Links(year_link, lambda heading: href(page, TIMELINE_PAGE, anchor=heading_slug(heading))),
    )


def theme_year_chart(theme: Theme, entries: Sequence[RecordEntry]) -> YearChart:
    """A theme's records per year, stacked by type; each mark leads to the theme's own
    timeline, filtered to its year (and type)."""
    page = page_of(theme)

    def year_link(years: list[int], folder: str | None) -> str:
        query = {"nam": str(years[0])} | ({"loai": folder} if folder else {})
        return href(page, page, query, "dong-thoi-gian")

    return year_chart(
        "nam-chu-de",
        f"Số bản ghi theo năm: {theme.title}",
        entries,
        _type_series(),
        lambda entry: entry.record.folder,
        _Links(year_link, lambda heading: href(page, page, anchor=heading_slug(heading))),
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
            return href(page, page, anchor=listing)
        return href(page, SEARCH_PAGE, [("entity", entity.name), *(("year", str(year)) for year in years)])

    return year_chart(
        "nam-doi-tac",
        f"Số bản ghi {entity.name} tham gia, theo năm",
        took_part,
        _type_series(),
        lambda record_entry: record_entry.record.folder,
        _Links(year_link, lambda _heading: href(page, page, anchor=listing)),
        small=True,
    )


# ------------------------------------------------------------------- ranked bars


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


_NAME_FITS = 48  # characters of a name that fit over a bar at the picture's width
_ROW = 36.0
_CHART_WIDTH = 360.0


def _ranked(
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
        y = 4.0 + index * _ROW
        x = left
        parts = []
        for s in series:
            count = counts[s.key]
            if count:
                parts.append(BarPart(s, count, round(x, 2), round(count * scale, 2)))
                x += count * scale
        total = sum(counts.values())
        bars.append(
            RankedBar(
                entity_entry,
                total,
                round(y, 2),
                round(total * scale, 2),
                parts,
                href(page, page_of(entity_entry)),
            )
        )
    height = 4.0 + len(rows) * _ROW + 2.0
    return RankedChart(name, title, _CHART_WIDTH, round(height, 2), left, series, bars, unit, left_out)


def is_partner(entry: EntityEntry, entities: dict[str, EntityEntry]) -> bool:
    """A country or organisation other than Viet Nam and its own bodies."""
    entity = entry.entity
    if entity.kind is EntityKind.person:
        return False
    seen = set()
    while entity is not None and entity.id not in seen:
        if entity.id == HOME_COUNTRY or entity.country == HOME_COUNTRY:
            return False
        seen.add(entity.id)
        entity = entities[entity.part_of].entity if entity.part_of else None
    return True


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
    series = [s for s in _type_series(totals) if s.total]
    title = "Đối tác theo số bản ghi tham gia, theo loại"
    return _ranked("doi-tac", title, rows, series, page, "bản ghi", left_out)


def co_participants_chart(kb: KnowledgeBase, entry: EntityEntry) -> RankedChart:
    """The entities most often taking part in the same records as `entry`."""
    ranked = entry.co_participants(kb.entities)[:CO_PARTICIPANTS_SHOWN]
    shared = Series("chung", "Bản ghi chung", 1, sum(count for _, count in ranked))
    rows = [(other, Counter({shared.key: count})) for other, count in ranked]
    title = f"Thường cùng tham gia với {entry.entity.name}"
    return _ranked("cung-tham-gia", title, rows, [shared], page_of(entry), "bản ghi chung")


# ------------------------------------------------------------------ theme key facts


@dataclass(frozen=True)
class KeyFacts:
    """What a theme page says first: counts by type, time span, partners, key records."""

    total: int
    by_type: list[tuple[Series, Markup]]  # with the link to the theme's timeline of that type
    dated_span: tuple[int, int] | None
    dated: int
    bounded: int
    # What holds for every record known only by bounds: "không sớm hơn …", "không muộn hơn …"
    earliest_bound: str | None
    latest_bound: str | None
    undated: int
    partners: list[tuple[EntityEntry, int]]
    key_records: list[RecordEntry]
    key_explicit: bool  # chosen by the editors in themes.yml, not by the rule
    figures: list[tuple[Figure, RecordEntry]]
    figure_count: int


def theme_key_facts(kb: KnowledgeBase, theme: Theme, entries: Sequence[RecordEntry]) -> KeyFacts:
    page = page_of(theme)
    types = Counter(entry.record.folder for entry in entries)
    by_type = [
        (s, Markup(href(page, page, {"loai": s.key}, "dong-thoi-gian")))
        for s in _type_series(types)
        if s.total
    ]
    dated_years = [entry.placement.date.start.year for entry in entries if entry.placement.date]
    bounded = [entry for entry in entries if not entry.placement.date and entry.placement.anchor]
    befores = [entry.placement.not_before for entry in bounded if entry.placement.not_before]
    afters = [entry.placement.not_after for entry in bounded if entry.placement.not_after]
    # A bound holds for the group only if every record has one on that side.
    earliest = (
        min(befores, key=lambda b: b.date.earliest) if befores and len(befores) == len(bounded) else None
    )
    latest = max(afters, key=lambda b: b.date.latest) if afters and len(afters) == len(bounded) else None

    partner_counts: Counter[str] = Counter()
    for entry in entries:
        partner_counts.update(entry.record.participant_ids())
    partners = [
        (kb.entities[entity_id], count)
        for entity_id, count in sorted(
            partner_counts.items(),
            key=lambda item: (-item[1], vietnamese_sort_key(kb.entities[item[0]].entity.name)),
        )
        if is_partner(kb.entities[entity_id], kb.entities)
    ][:MAIN_PARTNERS_IN_FACTS]

    explicit = [kb.records[record_id] for record_id in theme.key_records]
    key_records = explicit or _key_record_by_rule(entries)
    figures = [
        (figure, entry)
        for entry in [*key_records, *(e for e in entries if e not in key_records)]
        for figure in _figures_of(entry)
    ]
    return KeyFacts(
        len(entries),
        by_type,
        (min(dated_years), max(dated_years)) if dated_years else None,
        len(dated_years),
        len(bounded),
        f"không sớm hơn {format_bound(earliest)}" if earliest else None,
        f"không muộn hơn {format_bound(latest)}" if latest else None,
        len(entries) - len(dated_years) - len(bounded),
        partners,
        key_records,
        bool(explicit),
        figures[:FIGURES_IN_FACTS],
        len(figures),
    )


def _figures_of(entry: RecordEntry) -> list[Figure]:
    personnel = getattr(entry.record, "personnel", None)
    return [*entry.record.figures, *([personnel] if personnel else [])]


def _key_record_by_rule(entries: Sequence[RecordEntry]) -> list[RecordEntry]:
    """Without an editor's choice: the theme's earliest agreement, else its earliest mission
    (entries are in time order)."""
    for record_type in (Agreement, Mission):
        for entry in entries:
            if isinstance(entry.record, record_type):
                return [entry]
    return []


# -------------------------------------------------------------------- rendering


class Pictures:
    """The pictures the Markdown templates ask for (`pictures.home_years(page_path)`…),
    each rendered as one block of HTML, and the key facts of a theme as data."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def _years(self, chart: YearChart) -> Markup:
        return render_picture("pictures/years.html.j2", c=chart)

    def _ranked(self, chart: RankedChart) -> Markup:
        return render_picture("pictures/ranked.html.j2", c=chart) if chart.bars else Markup()

    def home_years(self, page: str) -> Markup:
        return self._years(home_year_chart(self.kb, page))

    def theme_years(self, theme: Theme, entries: Sequence[RecordEntry]) -> Markup:
        return self._years(theme_year_chart(theme, entries))

    def entity_pair(self, entry: EntityEntry) -> Markup:
        """An entity's records over time and its co-participants, side by side if there is room."""
        return render_picture(
            "pictures/entity.html.j2",
            years=entity_year_chart(entry),
            partners=co_participants_chart(self.kb, entry),
        )

    def partners(self, page: str) -> Markup:
        return self._ranked(partners_chart(self.kb, page))

    def theme_facts(self, theme: Theme, entries: Sequence[RecordEntry]) -> KeyFacts:
        return theme_key_facts(self.kb, theme, entries)
