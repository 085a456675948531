"""Which Markdown pages the site has, with which template and data, and rendering them.

Rendering is `plan_site` (which pages, with which template and data: knowledge base in,
page jobs out) followed by `render_page` on each job, so that the build can share the pages
among processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from ..export import EXPORT_FOLDER, describe_exports, export_files
from ..history import History
from ..licence import DATA_LICENCE, DATA_LICENCE_URL
from ..model import KnowledgeBase
from ..schema import RECORD_TYPES
from .environment import make_environment
from .feed import recent_changes
from .paths import (
    DATA_PAGE,
    FEED_FILE,
    FIGURES_PAGE,
    LOOKUP_PAGE,
    RECENT_ON_HOME,
    RECENT_ON_PAGE,
    RECENT_PAGE,
    TAGS_PAGE,
    TIMELINE_PAGE,
    page_of,
)
from .summaries import by_type, date_span, figure_rows, sorted_entities, tag_groups
from .trust import trust_pages


@dataclass(frozen=True)
class PageJob:
    """One page to render: its docs-relative path, its template and what the template gets."""

    path: str
    template: str
    context: dict[str, Any]


def plan_site(
    kb: KnowledgeBase, exports: dict[str, bytes] | None = None, history: History | None = None
) -> list[PageJob]:
    """Every generated page of the site, not yet rendered. `exports` are the open data
    files the "Dữ liệu" page lists (computed here when not given); `history` dates the
    "Mới cập nhật" page (which, without it, lists nothing)."""
    return [*plan_pages(kb, history), plan_data_page(kb, export_files(kb) if exports is None else exports)]


def plan_data_page(kb: KnowledgeBase, exports: dict[str, bytes]) -> PageJob:
    """The "Dữ liệu" page, which lists the export files with their sizes."""
    schemas = sorted(
        path.rsplit("/", 1)[1] for path in exports if path.startswith(f"{EXPORT_FOLDER}/schema/")
    )
    return PageJob(
        DATA_PAGE,
        "data.md.j2",
        {
            "files": describe_exports(kb, exports),
            "schemas": schemas,
            "licence_name": DATA_LICENCE,
            "licence_url": DATA_LICENCE_URL,
        },
    )


def plan_pages(kb: KnowledgeBase, history: History | None = None) -> list[PageJob]:
    """Every generated page but the "Dữ liệu" page, which needs the exports' sizes."""
    jobs: list[PageJob] = []
    by_date = kb.records_by_date()

    def page(path: str, template: str, **context: Any) -> None:
        jobs.append(PageJob(path, template, context))

    dated = [entry for entry in by_date if entry.placement.date]
    type_counts = [(t, len(items)) for t, items in by_type(by_date)]
    tags, figures = tag_groups(kb), figure_rows(kb)
    page(
        "index.md",
        "home.md.j2",
        recent=dated[::-1][:RECENT_ON_HOME],
        span=date_span(kb),
        type_counts=type_counts,
    )
    page(TIMELINE_PAGE, "timeline.md.j2", entries=by_date)
    page(TAGS_PAGE, "tags.md.j2", groups=tags)
    page(FIGURES_PAGE, "figures.md.j2", rows=figures)
    page(LOOKUP_PAGE, "lookup.md.j2", type_counts=type_counts, tag_count=len(tags), figure_count=len(figures))
    for folder, record_type in RECORD_TYPES.items():
        entries = [e for e in by_date if isinstance(e.record, record_type)]
        page(
            f"{record_type.url_prefix}/index.md",
            "type_index.md.j2",
            record_type=record_type,
            folder=folder,
            entries=entries,
        )
    for entry in kb.records.values():
        page(page_of(entry), "record.md.j2", entry=entry, r=entry.record)
    page("doi-tac/index.md", "entity_index.md.j2", entries=sorted_entities(kb.entities.values()))
    for entity_entry in kb.entities.values():
        page(page_of(entity_entry), "entity.md.j2", entry=entity_entry, e=entity_entry.entity)
    page("nguon/index.md", "source_index.md.j2", entries=list(kb.sources.values()))
    for source_entry in kb.sources.values():
        page(page_of(source_entry), "source.md.j2", entry=source_entry, s=source_entry.source)
    page("chu-de/index.md", "theme_index.md.j2", themes=list(kb.themes.values()))
    for theme_id, theme in kb.themes.items():
        page(page_of(theme), "theme.md.j2", theme=theme, entries=kb.theme_records[theme_id])
    for path, template, context in trust_pages(kb):
        page(path, template, **context)
    history = history or History({}, from_git=False)
    page(
        RECENT_PAGE,
        "recent.md.j2",
        changes=recent_changes(kb, history)[:RECENT_ON_PAGE],
        from_git=history.from_git,
        feed=FEED_FILE,
    )
    return jobs


def render_page(env: Environment, job: PageJob) -> str:
    return env.get_template(job.template).render(page_path=job.path, **job.context)


def render_nav(kb: KnowledgeBase) -> str:
    """The navigation, as a YAML file mkdocs.yml inherits: themes are data, not config."""
    return make_environment(kb).get_template("nav.yml.j2").render(page_path="")
