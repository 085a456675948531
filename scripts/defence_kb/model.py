"""Stage 3, model: the validated data as one cross-referenced knowledge base.

Everything pages need that is derived (backlinks, the records of an entity or a theme,
the paragraph each quote comes from, chronological order) is computed here once, so that
templates only lay things out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .problems import InputError
from .schema import Entity, Paragraph, Record, Source, Theme
from .validate import ValidatedData


@dataclass(frozen=True)
class Citation:
    """One evidence quote, resolved to the paragraph of its source."""

    source: Source
    paragraph: Paragraph
    quote: str


# Entries point at each other (backlinks, an entity's records), so the graph is cyclic:
# the links are kept out of repr() and ==, which would otherwise walk it without end.


@dataclass(eq=False)
class RecordEntry:
    record: Record
    path: Path  # the YAML file, relative to the repository
    citations: list[Citation] = field(repr=False)
    backlinks: list[RecordEntry] = field(default_factory=list, repr=False)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def sort_key(self) -> tuple[int, tuple[int, int, int], str]:
        """Dated records first, by date; undated ones after, by title."""
        date = self.record.date
        return (0, date.sort_key, self.record.title) if date else (1, (0, 0, 0), self.record.title)


@dataclass(eq=False)
class EntityEntry:
    entity: Entity
    path: Path
    records: list[RecordEntry] = field(default_factory=list, repr=False)
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
        records[record_id] = RecordEntry(located.model, relative(located.file.path), citations)

    entities = {eid: EntityEntry(loc.model, relative(loc.file.path)) for eid, loc in data.entities.items()}
    theme_records: dict[str, list[RecordEntry]] = {theme_id: [] for theme_id in data.themes}
    for entry in sorted(records.values(), key=lambda e: e.sort_key):
        record = entry.record
        for theme_id in record.themes:
            theme_records[theme_id].append(entry)
        for entity_id in record.entity_ids():
            entities[entity_id].records.append(entry)
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
