"""The site's generated Markdown pages, one entry per kind of page."""

from __future__ import annotations

from ..render import (
    FEED_FILE,
    FIGURES_PAGE,
    LOOKUP_PAGE,
    RECENT_PAGE,
    TAGS_PAGE,
    TIMELINE_PAGE,
    PageJob,
    page_of,
)
from ..render.answers import QUESTIONS, answers, deployments
from ..render.feed import recent_changes
from ..render.paths import ANSWERS_PAGE, RECENT_ON_HOME, RECENT_ON_PAGE
from ..render.summaries import date_span, figure_rows, sorted_entities, tag_groups
from ..render.trust import trust_pages
from ..schema import RECORD_TYPES
from . import Inputs, output


def _home(inputs: Inputs) -> list[PageJob]:
    dated = [entry for entry in inputs.by_date if entry.placement.date]
    context = {
        "recent": dated[::-1][:RECENT_ON_HOME],
        "span": date_span(inputs.kb),
        "type_counts": inputs.type_counts,
        "questions": QUESTIONS,
    }
    return [PageJob("index.md", "home.md.j2", context)]


def _answers(inputs: Inputs) -> list[PageJob]:
    """ "Hỏi nhanh": the questions readers ask most, answered from the records (render/answers.py)."""
    return [PageJob(ANSWERS_PAGE, "answers.md.j2", {"a": answers(inputs.kb), "questions": QUESTIONS})]


def _lists(inputs: Inputs) -> list[PageJob]:
    """The timeline, the tags, the figures and the page that leads to each."""
    tags, figures = tag_groups(inputs.kb), figure_rows(inputs.kb)
    lookup = {"type_counts": inputs.type_counts, "tag_count": len(tags), "figure_count": len(figures)}
    return [
        PageJob(TIMELINE_PAGE, "timeline.md.j2", {"entries": inputs.by_date}),
        PageJob(TAGS_PAGE, "tags.md.j2", {"groups": tags}),
        PageJob(FIGURES_PAGE, "figures.md.j2", {"rows": figures}),
        PageJob(LOOKUP_PAGE, "lookup.md.j2", lookup),
    ]


def _type_indexes(inputs: Inputs) -> list[PageJob]:
    jobs = []
    for folder, record_type in RECORD_TYPES.items():
        entries = [entry for entry in inputs.by_date if isinstance(entry.record, record_type)]
        context = {"record_type": record_type, "folder": folder, "entries": entries}
        jobs.append(PageJob(f"{record_type.url_prefix}/index.md", "type_index.md.j2", context))
    return jobs


def _records(inputs: Inputs) -> list[PageJob]:
    return [
        PageJob(page_of(entry), "record.md.j2", {"entry": entry, "r": entry.record})
        for entry in inputs.kb.records.values()
    ]


def _entities(inputs: Inputs) -> list[PageJob]:
    entities = inputs.kb.entities.values()
    return [
        PageJob("doi-tac/index.md", "entity_index.md.j2", {"entries": sorted_entities(entities)}),
        *(PageJob(page_of(entry), "entity.md.j2", {"entry": entry, "e": entry.entity}) for entry in entities),
    ]


def _sources(inputs: Inputs) -> list[PageJob]:
    sources = list(inputs.kb.sources.values())
    return [
        PageJob("nguon/index.md", "source_index.md.j2", {"entries": sources}),
        *(PageJob(page_of(entry), "source.md.j2", {"entry": entry, "s": entry.source}) for entry in sources),
    ]


def _themes(inputs: Inputs) -> list[PageJob]:
    kb = inputs.kb
    return [
        PageJob("chu-de/index.md", "theme_index.md.j2", {"themes": list(kb.themes.values())}),
        *(
            PageJob(
                page_of(theme),
                "theme.md.j2",
                {
                    "theme": theme,
                    "entries": kb.theme_records[theme_id],
                    "deployments": deployments(kb, theme_id),
                },
            )
            for theme_id, theme in kb.themes.items()
        ),
    ]


def _trust(inputs: Inputs) -> list[PageJob]:
    """About, method and licence: their figures are computed (render/trust.py)."""
    return [PageJob(path, template, context) for path, template, context in trust_pages(inputs.kb)]


def _recent(inputs: Inputs) -> list[PageJob]:
    context = {
        "changes": recent_changes(inputs.kb, inputs.history)[:RECENT_ON_PAGE],
        "from_git": inputs.history.from_git,
        "feed": FEED_FILE,
    }
    return [PageJob(RECENT_PAGE, "recent.md.j2", context)]


OUTPUTS = [
    output("home page", "records entities themes pictures", "index.md", pages=_home),
    output("quick answers", "records entities sources themes", ANSWERS_PAGE, pages=_answers),
    output(
        "timeline, tags, figures, lookup",
        "records",
        "dong-thoi-gian.md, nhan.md, so-lieu.md, tra-cuu/index.md",
        pages=_lists,
    ),
    output("a list of each record type", "records", "<type>/index.md", pages=_type_indexes),
    output(
        "record pages", "records entities sources themes citations pictures", "<type>/<id>.md", pages=_records
    ),
    output(
        "entity pages",
        "records entities citations pictures",
        "doi-tac/index.md, doi-tac/<id>.md",
        pages=_entities,
    ),
    output("source pages", "records sources citations", "nguon/index.md, nguon/<id>.md", pages=_sources),
    output(
        "theme pages", "records themes citations pictures", "chu-de/index.md, chu-de/<id>.md", pages=_themes
    ),
    output(
        "trust pages",
        "records entities sources",
        "gioi-thieu/index.md, phuong-phap.md, giay-phep.md",
        pages=_trust,
    ),
    output("recently changed", "records history", RECENT_PAGE, pages=_recent),
]
