"""Stage 3, model: the validated data as one cross-referenced knowledge base.

Everything pages need that is derived (backlinks, the records of an entity or a theme,
the paragraph each quote comes from, chronological order) is computed here once, so that
templates only lay things out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import InputError
from .references import Referenced, referenced_values
from .schema import DateSpan, Entity, Paragraph, PartialDate, Record, Source, Theme
from .text import vietnamese_sort_key
from .validate import ValidatedData

# The fields that say when a record happened; a reference may support either.
TIME_FIELDS = ("date", "date_unspecified_year")


@dataclass(frozen=True)
class Citation:
    """One evidence quote, resolved to the paragraph of its source."""

    source: Source
    paragraph: Paragraph
    quote: str


@dataclass(frozen=True)
class Bound:
    """A bound on when a record's fact happened: stated by a source (with its quote), or
    the publication date of a source reporting it (no quote: everything an article reports
    happened no later than the article)."""

    date: PartialDate
    source: Source
    quote: str | None = None

    @property
    def basis(self) -> str | None:
        """For a source's own date, what that date is ("ngày đăng bài", …); None if stated."""
        return None if self.quote else self.source.published_kind.label


@dataclass(frozen=True)
class Placement:
    """Where a record sits in time: a known date or span, a day and month without a year,
    and the bounds its sources justify. Nothing here is guessed."""

    date: DateSpan | None
    day_month: tuple[int, int] | None
    not_before: Bound | None
    not_after: Bound | None

    @property
    def placed(self) -> bool:
        return bool(self.date or self.not_before or self.not_after)

    @property
    def anchor(self) -> PartialDate | None:
        """The date a timeline files the record under: its start, else its latest bound."""
        if self.date:
            return self.date.start
        bound = self.not_after or self.not_before
        return bound.date if bound else None

    @property
    def earliest(self) -> PartialDate | None:
        return self.date.start if self.date else self.not_before.date if self.not_before else None

    @property
    def latest(self) -> PartialDate | None:
        if self.date:
            return self.date.end or self.date.start
        return self.not_after.date if self.not_after else None


def edtf_of(placement: Placement) -> str:
    """The placement in the Library of Congress Extended Date/Time Format: "2019-10-17",
    "2024-04-11/2024-04-12", "XXXX-09-28" (year unknown), "[2016..2021]" or "[..2022-12-27]"
    (one day within the bounds, not known which), or "../.." for something ongoing whose time
    no source gives (an interval open at both ends).

    Built from validated dates, so valid by construction: parsing each string with the
    `edtf` library's grammar cost ~30 ms a record at export (issue 22). The tests parse
    every shape this makes (tests/test_wording.py) and every record's (tests/test_export.py)."""
    if placement.date:
        start, end = placement.date.start.iso(), placement.date.end
        text = f"{start}/{end.iso()}" if end else start
    elif placement.day_month:
        day, month = placement.day_month
        text = f"XXXX-{month:02d}-{day:02d}"
    elif placement.not_before or placement.not_after:
        before = placement.not_before.date if placement.not_before else None
        after = placement.not_after.date if placement.not_after else None
        if before and after and before.precision != after.precision:
            # EDTF ranges join two dates of one precision: widen both to days.
            text = f"[{before.earliest.isoformat()}..{after.latest.isoformat()}]"
        else:
            text = f"[{before.iso() if before else ''}..{after.iso() if after else ''}]"
    else:
        text = "../.."
    return text


def _day_month(text: str | None) -> tuple[int, int] | None:
    return (int(text[8:10]), int(text[5:7])) if text else None


def placement_of(record: Record, citations: list[Citation], sources: dict[str, Source]) -> Placement:
    """The record's time: its date, or the tightest bounds its sources justify."""
    published = [
        Bound(c.source.published.start, c.source)
        for c in citations
        if c.source.published and c.source.published.end is None
    ]
    stated_after = record.not_after and Bound(
        record.not_after.date, sources[record.not_after.source], record.not_after.quote
    )
    candidates = [bound for bound in (stated_after, *published) if bound]
    not_after = min(candidates, key=lambda b: (b.date.latest, b.quote is None), default=None)
    not_before = record.not_before and Bound(
        record.not_before.date, sources[record.not_before.source], record.not_before.quote
    )
    return Placement(record.date, _day_month(record.date_unspecified_year), not_before or None, not_after)


# Entries point at each other (backlinks, an entity's records), so the graph is cyclic:
# the links are kept out of repr() and ==, which would otherwise walk it without end.


@dataclass(eq=False)
class RecordEntry:
    record: Record
    path: Path  # the YAML file, relative to the repository
    citations: list[Citation] = field(repr=False)
    placement: Placement = field(repr=False)
    # The file's data as the loader read it (every scalar a string, only the keys written):
    # the proposal form prefills a correction from it, without reading the file again.
    data: Any = field(default=None, repr=False)
    backlinks: list[RecordEntry] = field(default_factory=list, repr=False)
    # field -> the references its value rests on (references.py)
    referenced: dict[str, Referenced] = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def time_referenced(self) -> Referenced | None:
        """The references the record's time rests on: its date, or its day and month when
        the year is unknown (a record has one or the other)."""
        return next((self.referenced[field] for field in TIME_FIELDS if field in self.referenced), None)

    @property
    def sort_key(self) -> tuple[int, tuple[int, int, int], bytes]:
        """Records by the date they are filed under (their start, else their latest bound;
        records known only by bounds after the dated ones of that date), then by title in
        Vietnamese order; unplaced ones last."""
        anchor = self.placement.anchor
        title = vietnamese_sort_key(self.record.title)
        if anchor is None:
            return (2, (0, 0, 0), title)
        banded = 0 if self.placement.date else 1
        return (0, (anchor.year, anchor.month or 0, (anchor.day or 0) * 2 + banded), title)


@dataclass(eq=False)
class EntityEntry:
    entity: Entity
    path: Path
    records: list[RecordEntry] = field(default_factory=list, repr=False)
    # record id -> the field naming this entity in it ("parties", "mentioned"…): its role
    roles: dict[str, str] = field(default_factory=dict, repr=False)
    referenced: dict[str, Referenced] = field(default_factory=dict, repr=False)

    @property
    def took_part(self) -> list[RecordEntry]:
        return [entry for entry in self.records if self.roles[entry.id] != "mentioned"]

    @property
    def mentioned_in(self) -> list[RecordEntry]:
        return [entry for entry in self.records if self.roles[entry.id] == "mentioned"]

    def co_participants(self, entities: dict[str, EntityEntry]) -> list[tuple[EntityEntry, int]]:
        """The entities taking part in the same records, most shared records first."""
        counts: dict[str, int] = defaultdict(int)
        for entry in self.took_part:
            for other in entry.record.participant_ids():
                if other != self.entity.id:
                    counts[other] += 1
        ranked = sorted(
            counts.items(), key=lambda item: (-item[1], vietnamese_sort_key(entities[item[0]].entity.name))
        )
        return [(entities[other], count) for other, count in ranked]

    members: list[EntityEntry] = field(default_factory=list, repr=False)  # entities part_of this one


@dataclass(eq=False)
class SourceEntry:
    source: Source
    path: Path
    # paragraph number -> records citing it
    citing: dict[int, list[RecordEntry]] = field(default_factory=lambda: defaultdict(list), repr=False)


@dataclass(eq=False, repr=False)
class KnowledgeBase:
    records: dict[str, RecordEntry]
    entities: dict[str, EntityEntry]
    sources: dict[str, SourceEntry]
    themes: dict[str, Theme]
    theme_records: dict[str, list[RecordEntry]]

    def records_by_date(self) -> list[RecordEntry]:
        return sorted(self.records.values(), key=lambda entry: entry.sort_key)


def build_knowledge_base(data: ValidatedData, repo_root: Path) -> KnowledgeBase:
    if data.problems:
        raise InputError(data.problems)

    root = f"{repo_root}/"

    def relative(path: Path) -> Path:
        # A string prefix, not Path.relative_to, which is most of the model's time.
        text = str(path)
        return Path(text[len(root) :]) if text.startswith(root) else path

    sources = {sid: SourceEntry(loc.model, relative(loc.file.path)) for sid, loc in data.sources.items()}
    paragraphs = {(sid, p.n): p for sid, entry in sources.items() for p in entry.source.paragraphs}
    source_models = {sid: entry.source for sid, entry in sources.items()}
    records: dict[str, RecordEntry] = {}
    for record_id, located in data.records.items():
        citations = []
        for evidence in located.model.evidence:
            number = data.quote_paragraphs[(evidence.source, evidence.quote)]
            citations.append(
                Citation(
                    sources[evidence.source].source, paragraphs[(evidence.source, number)], evidence.quote
                )
            )
        placement = placement_of(located.model, citations, source_models)
        records[record_id] = RecordEntry(
            located.model,
            relative(located.file.path),
            citations,
            placement,
            located.file.data,
            referenced=referenced_values(located.model),
        )

    entities = {
        eid: EntityEntry(loc.model, relative(loc.file.path), referenced=referenced_values(loc.model))
        for eid, loc in data.entities.items()
    }
    theme_records: dict[str, list[RecordEntry]] = {theme_id: [] for theme_id in data.themes}
    for entry in sorted(records.values(), key=lambda e: e.sort_key):
        record = entry.record
        for theme_id in record.themes:
            theme_records[theme_id].append(entry)
        for entity_id, role in record.entity_roles():
            entities[entity_id].records.append(entry)
            entities[entity_id].roles[entry.id] = role
        for other in record.related:
            records[other].backlinks.append(entry)
        for citation in entry.citations:
            citing = sources[citation.source.id].citing[citation.paragraph.n]
            if not citing or citing[-1] is not entry:
                citing.append(entry)
    for entry in entities.values():
        if entry.entity.part_of:
            entities[entry.entity.part_of].members.append(entry)
    return KnowledgeBase(records, entities, sources, dict(data.themes), theme_records)
