"""Site-wide groupings the pages share: records by year and type, figures, tags, spans."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..model import EntityEntry, KnowledgeBase, RecordEntry
from ..schema import RECORD_TYPES, Figure, PartialDate, PublishedKind, Record, Source, Status
from ..text import heading_slug, vietnamese_sort_key
from ..wording import (
    format_date,
    format_partial_date,
    format_placement,
)


def placement_label(entry: RecordEntry) -> str:
    return format_placement(entry.placement, entry.record.status)


def source_date(entry: RecordEntry) -> PartialDate | None:
    """The earliest publication date of the sources a record cites, if any states one."""
    dated = dated_source(entry)
    return dated.published.start if dated and dated.published else None


def dated_source(entry: RecordEntry) -> Source | None:
    """The cited source with the earliest publication date, if any states one."""
    dated = [c.source for c in entry.citations if c.source.published]
    return min(dated, key=lambda source: source.published.start) if dated else None  # type: ignore[union-attr]


def status_text(entry: RecordEntry) -> str:
    """The record's status as its source stated it on its date: a plan in a 2022 article
    says nothing of what happened after, so the date travels with the word, and so does what
    kind of date it is when a reposting page printed it."""
    status = entry.record.status
    if status is Status.occurred:
        return status.label
    source = dated_source(entry)
    if source is None or source.published is None:
        return f"{status.label} (theo nguồn, không rõ ngày đăng)"
    when = f"theo nguồn ngày {format_partial_date(source.published.start)}"
    if source.published_kind is PublishedKind.page:
        when += f", {source.published_kind.label}"
    return f"{status.label} ({when})"


def relations(kb: KnowledgeBase, entry: RecordEntry) -> list[tuple[RecordEntry, str]]:
    """Related records once each (those this record names, then those naming it), with the
    direction of the relation named."""
    incoming = {other.id for other in entry.backlinks}
    found = [
        (kb.records[other], "liên quan qua lại" if other in incoming else "bản ghi này nhắc đến")
        for other in entry.record.related
    ]
    named = set(entry.record.related)
    found += [(other, "nhắc đến bản ghi này") for other in entry.backlinks if other.id not in named]
    return found


def _time_group(entry: RecordEntry) -> tuple[tuple[int, int, int, int, str], str]:
    """(order, heading) of the timeline group a record is in: the year its date starts, or
    the band of its bounds (“Không muộn hơn 27/12/2022 (ngày đăng bài)”), after that year."""
    placement = entry.placement
    if placement.date:
        year = placement.date.start.year
        return (year, 0, 0, 0, ""), str(year)
    anchor = placement.anchor
    label = placement_label(entry)
    heading = label[:1].upper() + label[1:]
    if anchor is None:
        return (9999, 2, 0, 0, heading), heading or "Chưa xác định được thời gian"
    return (anchor.year, 1, anchor.month or 13, anchor.day or 32, heading), heading


def time_heading(entry: RecordEntry) -> str:
    """The heading of the timeline group a record is in: its year, or its band of bounds."""
    return _time_group(entry)[1]


def by_year(entries: Iterable[RecordEntry]) -> Iterator[tuple[str, list[RecordEntry]]]:
    """Records grouped by the year their date starts, each year followed by the bands of
    records known only by bounds filed under it; in time order."""
    groups: dict[str, tuple[tuple[int, int, int, int, str], list[RecordEntry]]] = {}
    for entry in sorted(entries, key=lambda entry: entry.sort_key):
        order, heading = _time_group(entry)
        groups.setdefault(heading, (order, []))[1].append(entry)
    for heading, (_, items) in sorted(groups.items(), key=lambda item: item[1][0]):
        yield heading, items


def by_type(entries: Iterable[RecordEntry]) -> Iterator[tuple[type[Record], list[RecordEntry]]]:
    entries = list(entries)
    for record_type in RECORD_TYPES.values():
        items = [entry for entry in entries if isinstance(entry.record, record_type)]
        if items:
            yield record_type, items


def date_span(kb: KnowledgeBase) -> tuple[int, int] | None:
    years = [
        date.year
        for entry in kb.records.values()
        for date in (entry.placement.earliest, entry.placement.latest)
        if date
    ]
    return (min(years), max(years)) if years else None


def sorted_entities(entries: Iterable[EntityEntry]) -> list[EntityEntry]:
    """By kind (countries, organisations, people), then by name in Vietnamese order."""
    return sorted(entries, key=lambda e: (e.entity.kind.value, vietnamese_sort_key(e.entity.name)))


def vietnamese_sorted(items: Iterable[Any], attribute: str | None = None) -> list[Any]:
    """Items in Vietnamese alphabetical order of themselves or of a (dotted) attribute."""
    name = operator.attrgetter(attribute) if attribute else str
    return sorted(items, key=lambda item: vietnamese_sort_key(name(item)))


@dataclass(frozen=True)
class FigureRow:
    """One figure an article gives, with the record it belongs to and the quote stating it."""

    entry: RecordEntry
    figure: Figure
    quote: str
    source: Source | None  # the source of the quote stating it

    @property
    def as_of(self) -> str:
        """When the figure holds: the date the source gives it for ("tính đến ngày …"), else
        the date of the source reporting it, else the record's place in time."""
        if self.figure.as_of:
            return f"tính đến {format_partial_date(self.figure.as_of)}"
        if self.source and self.source.published:
            return f"theo nguồn {format_date(self.source.published)} ({self.source.published_kind.label})"
        return placement_label(self.entry)


def figure_rows(kb: KnowledgeBase) -> list[FigureRow]:
    """Every figure of every record (personnel included), in time order of the records."""
    rows = []
    for entry in kb.records_by_date():
        record = entry.record
        personnel = getattr(record, "personnel", None)
        for figure in [*record.figures, *([personnel] if personnel else [])]:
            stated = " ".join(figure.as_stated.split())
            citation = next((c for c in entry.citations if stated in " ".join(c.quote.split())), None)
            rows.append(
                FigureRow(
                    entry, figure, citation.quote if citation else "", citation.source if citation else None
                )
            )
    return rows


def tag_groups(kb: KnowledgeBase) -> list[tuple[str, str, list[RecordEntry]]]:
    """(tag, anchor, records) for every tag, in Vietnamese order; records by date."""
    tagged: dict[str, list[RecordEntry]] = {}
    for entry in kb.records_by_date():
        for tag in entry.record.tags:
            tagged.setdefault(tag, []).append(entry)
    return [(tag, heading_slug(tag), tagged[tag]) for tag in sorted(tagged, key=vietnamese_sort_key)]
