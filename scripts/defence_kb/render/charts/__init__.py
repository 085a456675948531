"""Pictures drawn from the data: records per year, partners at a glance, an entity's
records over time and co-participants, and a theme's key facts.

Here are the numbers and the geometry (counts, scales, ticks, positions, links) as plain
data: counting records in time is `tally`, the scales `scales`, the series `series`; the
layout of each picture `years` and `ranked`; a theme's key facts `key_facts`. The SVG
templates under templates/pictures/ lay them out, rendered by an autoescaping environment
(`pictures.picture_environment`). Nothing here writes SVG.

Every count is computed once: the site-wide pictures once per site, a theme's or an
entity's from its own records only, so a picture costs what its records cost.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from ...model import EntityEntry, KnowledgeBase, RecordEntry
from ...schema import Theme
from ..pictures import render_picture
from .key_facts import KeyFacts, theme_key_facts
from .ranked import RankedChart, co_participants_chart, partners_chart
from .scales import nice_ticks
from .years import YearChart, entity_year_chart, home_year_chart, theme_year_chart

__all__ = ["Pictures", "entity_year_chart", "home_year_chart", "nice_ticks", "theme_year_chart"]


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
