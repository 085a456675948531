"""The pages that say what the site is and how far to trust it: Giới thiệu (about),
Phương pháp (method) and Giấy phép (licence).

Their prose lives in the templates; every number and list they state (the sources, the
counts of records, quotes, bounds and provenance marks, the share of a sentence a quote
must cover) is computed here from the knowledge base and the code that enforces it, so the
pages never go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..coverage import CARRIED_SHARE, FACT_KINDS
from ..licence import CODE_LICENCE, CODE_LICENCE_URL, DATA_LICENCE, DATA_LICENCE_URL
from ..model import KnowledgeBase
from .paths import ABOUT_PAGE, LICENCE_PAGE, METHOD_PAGE
from .summaries import figure_rows


@dataclass(frozen=True)
class MethodFigures:
    """What the honesty rules amount to in the data today."""

    quotes: int  # evidence quotes, each verbatim in one paragraph of its source
    records: int
    dated: int  # records with a date (day, month, year or span)
    day_month: int  # a day and month without a year
    stated_bounds: int  # records with a bound a source states (not_before / not_after)
    bounded_only: int  # records placed by bounds only, no date
    not_in_sources: int  # names marked as not in the sources (English names)
    search_aliases: int  # names readers type that the sources do not use
    mentioned: int  # links to entities an article only mentions
    figures: int  # figures, each as stated in a quote


def method_figures(kb: KnowledgeBase) -> MethodFigures:
    records = [entry.record for entry in kb.records.values()]
    entities = [entry.entity for entry in kb.entities.values()]
    return MethodFigures(
        quotes=sum(len(record.evidence) for record in records),
        records=len(records),
        dated=sum(1 for record in records if record.date),
        day_month=sum(1 for record in records if record.date_unspecified_year),
        stated_bounds=sum(1 for record in records if record.not_before or record.not_after),
        bounded_only=sum(
            1 for entry in kb.records.values() if not entry.record.date and entry.placement.placed
        ),
        not_in_sources=sum(len(item.not_in_sources) for item in [*records, *entities]),
        search_aliases=sum(len(item.search_aliases) for item in [*records, *entities]),
        mentioned=sum(len(record.mentioned) for record in records),
        # The count the "Số liệu chính" page lists: one function, so the two pages agree.
        figures=len(figure_rows(kb)),
    )


def trust_pages(kb: KnowledgeBase) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, template, context) of the three pages."""
    sources = list(kb.sources.values())
    licence = {
        "licence_name": DATA_LICENCE,
        "licence_url": DATA_LICENCE_URL,
        "code_licence": CODE_LICENCE,
        "code_licence_url": CODE_LICENCE_URL,
    }
    return [
        (ABOUT_PAGE, "about.md.j2", {"sources": sources, **licence}),
        (
            METHOD_PAGE,
            "method.md.j2",
            {
                "figures": method_figures(kb),
                "carried_percent": round(CARRIED_SHARE * 100),
                "fact_kinds": [kind.label.lower() for kind in FACT_KINDS],
            },
        ),
        (LICENCE_PAGE, "licence.md.j2", {"sources": sources, **licence}),
    ]
