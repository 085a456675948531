"""Stage 4, render: the knowledge base as Markdown pages, through Jinja2 templates.

Every value a template prints is escaped for Markdown by default (Jinja's `finalize`), so
record text reaches the page as inert text: `<script>`, `[link](javascript:…)`, `{{ … }}`
or `!!! note` typed into a YAML file all come out as the characters typed. Only values the
Python side marks as `Markup` (links it built, JSON it encoded) are printed as they are.

`render_site` is a pure function: knowledge base in, {page path: Markdown} out.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from .model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from .schema import RECORD_TYPES, DateSpan, PartialDate, Record, Theme

TEMPLATES = Path(__file__).parent / "templates"

# Characters with a meaning in Markdown, HTML or the Markdown extensions the site enables.
# They are written as numeric character references, which Markdown prints as the character
# and never interprets.
_INLINE_SPECIAL = "\\`*_{}[]()#+-.!|<>&~^=:$\"'"
# In summaries and introductions, emphasis (`*`, `_`) and list markers (`-`, `.`, `+`) are
# allowed; everything that could make a link, an image, HTML or an extension block is not.
_BLOCK_SPECIAL = "\\`{}[]()#!|<>&~^=:$\"'"
_INLINE_TABLE = {ord(c): f"&#{ord(c)};" for c in _INLINE_SPECIAL} | {ord("\n"): " ", ord("\r"): " "}
_BLOCK_TABLE = {ord(c): f"&#{ord(c)};" for c in _BLOCK_SPECIAL} | {ord("\r"): ""}


def escape_inline(text: str) -> Markup:
    """Plain text for one line of Markdown (a table cell, a heading, a link label)."""
    return Markup(" ".join(str(text).translate(_INLINE_TABLE).split()))


def escape_block(text: str) -> Markup:
    """A summary: paragraphs, emphasis and lists survive; links, HTML and extensions do not."""
    lines = [line.rstrip() for line in str(text).translate(_BLOCK_TABLE).split("\n")]
    return Markup("\n".join(lines).strip())


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_inline(str(value))


# ------------------------------------------------------------------------------ paths


def record_page(record: Record) -> str:
    return f"{record.url_prefix}/{record.id}.md"


def page_of(target: Any) -> str:
    """The docs-relative path of the page that shows `target` (or a path given as is)."""
    if isinstance(target, str):
        return target
    if isinstance(target, RecordEntry):
        return record_page(target.record)
    if isinstance(target, Record):
        return record_page(target)
    if isinstance(target, EntityEntry):
        return f"doi-tac/{target.entity.id}.md"
    if isinstance(target, SourceEntry):
        return f"nguon/{target.source.id}.md"
    if isinstance(target, Theme):
        return f"chu-de/{target.id}.md"
    raise TypeError(f"no page for {type(target).__name__}")


# ------------------------------------------------------------------------------ dates


def format_partial_date(date: PartialDate) -> str:
    if date.day:
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    if date.month:
        return f"tháng {date.month}/{date.year}"
    return f"năm {date.year}"


def format_date(span: DateSpan | None) -> str:
    """Vietnamese form of a date as precise as the source: 17/10/2019, tháng 6/2022, năm 2023."""
    if span is None:
        return ""
    if span.end is None:
        return format_partial_date(span.start)
    return f"{format_partial_date(span.start)} – {format_partial_date(span.end)}"


def format_number(value: int) -> str:
    """Vietnamese digit grouping: 1100 -> 1.100."""
    return f"{value:,}".replace(",", ".")


# -------------------------------------------------------------------------- environment


def make_environment(kb: KnowledgeBase, overrides: Path | None = None) -> Environment:
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
        finalize=_finalize,
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escaping is done by `finalize`
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    @pass_context
    def url(context: Any, target: Any, anchor: str = "") -> Markup:
        here = posixpath.dirname(context["page_path"])
        relative = posixpath.relpath(page_of(target), here or ".")
        return Markup(relative + (f"#{anchor}" if anchor else ""))

    @pass_context
    def link(context: Any, target: Any, label: str | None = None) -> Markup:
        text = label if label is not None else _label(target)
        return Markup(f"[{escape_inline(text)}]({url(context, target)})")

    @pass_context
    def link_list(context: Any, targets: Iterable[Any]) -> Markup:
        return Markup(", ").join(link(context, target) for target in targets)

    def entity(entity_id: str) -> EntityEntry:
        return kb.entities[entity_id]

    def record(record_id: str) -> RecordEntry:
        return kb.records[record_id]

    env.filters.update(
        date=format_date,
        number=format_number,
        block=escape_block,
        url=url,
        link=link,
        link_list=link_list,
        entities=lambda ids: [kb.entities[i] for i in ids],
        themes=lambda ids: [kb.themes[i] for i in ids],
        json=lambda value: Markup(json.dumps(value, ensure_ascii=False)),
    )
    env.globals.update(entity=entity, record=record, kb=kb, record_types=RECORD_TYPES)
    return env


def _label(target: Any) -> str:
    if isinstance(target, RecordEntry):
        return target.record.title
    if isinstance(target, EntityEntry):
        return target.entity.name
    if isinstance(target, SourceEntry):
        return target.source.label
    if isinstance(target, Theme):
        return target.title
    return str(target)


# ------------------------------------------------------------------------------ pages


def render_site(kb: KnowledgeBase, overrides: Path | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder."""
    env = make_environment(kb, overrides)
    pages: dict[str, str] = {}

    def render(path: str, template: str, **context: Any) -> None:
        pages[path] = env.get_template(template).render(page_path=path, **context)

    render("index.md", "home.md.j2", records=kb.records_by_date())
    for folder, record_type in RECORD_TYPES.items():
        entries = [e for e in kb.records_by_date() if isinstance(e.record, record_type)]
        render(
            f"{record_type.url_prefix}/index.md",
            "type_index.md.j2",
            record_type=record_type,
            folder=folder,
            entries=entries,
        )
    for entry in kb.records.values():
        render(page_of(entry), "record.md.j2", entry=entry, r=entry.record)
    render("doi-tac/index.md", "entity_index.md.j2", entries=_sorted_entities(kb.entities.values()))
    for entity_entry in kb.entities.values():
        render(page_of(entity_entry), "entity.md.j2", entry=entity_entry, e=entity_entry.entity)
    render("nguon/index.md", "source_index.md.j2", entries=list(kb.sources.values()))
    for source_entry in kb.sources.values():
        render(page_of(source_entry), "source.md.j2", entry=source_entry, s=source_entry.source)
    render("chu-de/index.md", "theme_index.md.j2", themes=list(kb.themes.values()))
    for theme_id, theme in kb.themes.items():
        render(page_of(theme), "theme.md.j2", theme=theme, entries=kb.theme_records[theme_id])
    return pages


def _sorted_entities(entries: Iterable[EntityEntry]) -> list[EntityEntry]:
    return sorted(entries, key=lambda e: (e.entity.kind.value, e.entity.name.casefold()))
