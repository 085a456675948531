"""What a theme page says first: counts by type, time span, main partners, key records and
figures, computed from the theme's records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...model import EntityEntry, KnowledgeBase, RecordEntry
from ...schema import Agreement, Figure, Mission, Theme
from ...text import vietnamese_sort_key
from ...wording import not_earlier_than, not_later_than
from ..paths import page_of, picture_href
from .partners import is_partner
from .series import Series, type_series

MAIN_PARTNERS_IN_FACTS = 5
FIGURES_IN_FACTS = 3


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
        (s, Markup(picture_href(page, page, {"loai": s.key}, "dong-thoi-gian")))
        for s in type_series(types)
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
        not_earlier_than(earliest) if earliest else None,
        not_later_than(latest) if latest else None,
        len(entries) - len(dated_years) - len(bounded),
        _main_partners(kb, entries),
        key_records,
        bool(explicit),
        figures[:FIGURES_IN_FACTS],
        len(figures),
    )


def _main_partners(kb: KnowledgeBase, entries: Sequence[RecordEntry]) -> list[tuple[EntityEntry, int]]:
    partner_counts: Counter[str] = Counter()
    for entry in entries:
        partner_counts.update(entry.record.participant_ids())
    return [
        (kb.entities[entity_id], count)
        for entity_id, count in sorted(
            partner_counts.items(),
            key=lambda item: (-item[1], vietnamese_sort_key(kb.entities[item[0]].entity.name)),
        )
        if is_partner(kb.entities[entity_id], kb.entities)
    ][:MAIN_PARTNERS_IN_FACTS]


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
