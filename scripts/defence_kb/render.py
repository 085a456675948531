"""Stage 4, render: the knowledge base as Markdown pages, through Jinja2 templates.

Every value a template prints is escaped for Markdown by default (Jinja's `finalize`), so
record text reaches the page as inert text: `<script>`, `[link](javascript:…)`, `{{ … }}`
or `!!! note` typed into a YAML file all come out as the characters typed. Only values the
Python side marks as `Markup` (links it built, JSON it encoded) are printed as they are.

`render_site` is a pure function: knowledge base in, {page path: Markdown} out.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from .model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from .schema import RECORD_TYPES, DateSpan, PartialDate, Record, Theme

TEMPLATES = Path(__file__).parent / "templates"
TIMELINE_PAGE = "dong-thoi-gian.md"
RECENT_ON_HOME = 8


@dataclass(frozen=True)
class SiteSettings:
    """What pages need to know about where the site and its repository live."""

    repo_url: str | None = None
    edit_data_uri: str = "edit/main/"  # repo_url + this + data/…yml edits a record

    def edit_url(self, path: Path) -> Markup | None:
        if not self.repo_url:
            return None
        return Markup(f"{self.repo_url.rstrip('/')}/{self.edit_data_uri.strip('/')}/{path.as_posix()}")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its `!!python/…` or `!ENV` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_settings(config_file: Path) -> SiteSettings:
    """The repository address, from the `extra` section of mkdocs.yml."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    extra = config.get("extra") or {}
    repository = extra.get("repository")
    return SiteSettings(
        repository if isinstance(repository, str) else None,
        str(extra.get("edit_data_uri") or SiteSettings.edit_data_uri),
    )


# Characters with a meaning inside a line of Markdown, HTML or the extensions the site enables
# (attr_list's `{…}`, tables' `|`), written as numeric character references, which Markdown
# prints as the character and never interprets. Characters that matter only at the start of
# a line (`-`, `+`, `1.`, `>`) need no escape in one-line contexts, and escaping every `.` or
# `-` of Vietnamese text made Markdown's inline processing the slowest step of the build.
_INLINE_SPECIAL = "\\`*_[]<>&{}|#"
# In summaries and introductions, emphasis (`*`, `_`) and list markers stay; `!` goes too,
# since a line starting with `!!!` would open an admonition, and `=`, which underlines a heading.
_BLOCK_SPECIAL = "\\`[]<>&{}|#!="
_INLINE_TABLE = {ord(c): f"&#{ord(c)};" for c in _INLINE_SPECIAL} | {ord("\n"): " ", ord("\r"): " "}
_BLOCK_TABLE = {ord(c): f"&#{ord(c)};" for c in _BLOCK_SPECIAL} | {ord("\r"): ""}


def escape_inline(text: str) -> Markup:
    """Plain text for one line of Markdown (a table cell, a heading, a link label)."""
    return Markup(" ".join(str(text).translate(_INLINE_TABLE).split()))


def escape_block(text: str) -> Markup:
    """A summary: paragraphs, emphasis and lists survive; links, HTML and extensions do not."""
    lines = [line.rstrip() for line in str(text).translate(_BLOCK_TABLE).split("\n")]
    return Markup("\n".join(lines).strip())


def front_matter_text(text: str) -> Markup:
    """A YAML string for front matter whose value Material prints without escaping.

    Material's templates print page titles (`<title>`, the header, navigation, tag
    listings) and tag names as they are, so the value is HTML-escaped first; the browser
    then shows the characters the editor typed.
    """
    return Markup(json.dumps(html.escape(" ".join(str(text).split())), ensure_ascii=False))


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


def page_url(target: Any) -> str:
    """The site-relative URL of the page that shows `target`: `thoa-thuan/x/`, `` for home."""
    path = page_of(target).removesuffix("index.md").removesuffix(".md").rstrip("/")
    return f"{path}/" if path else ""


def relative_path(target: str, page: str) -> str:
    """`target` relative to the folder of `page`, both docs-relative POSIX paths.

    posixpath.relpath does the same through abspath and the working directory, which made
    it a quarter of the rendering time.
    """
    here = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    if target.startswith(here):
        return target[len(here) :]
    return "../" * here.count("/") + target


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
    if span.start.precision == span.end.precision == "year":
        return f"năm {span.start.year}–{span.end.year}"
    return f"{format_partial_date(span.start)} – {format_partial_date(span.end)}"


def format_number(value: int) -> str:
    """Vietnamese digit grouping: 1100 -> 1.100."""
    return f"{value:,}".replace(",", ".")


# --------------------------------------------------------------------------- grouping


def by_year(entries: Iterable[RecordEntry]) -> Iterator[tuple[int | None, list[RecordEntry]]]:
    """Dated entries grouped by the year they start, in order; undated ones last (None)."""
    ordered = sorted(entries, key=lambda entry: entry.sort_key)
    for year, group in groupby(ordered, key=lambda e: e.record.date.start.year if e.record.date else None):
        yield year, list(group)


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
        if entry.record.date
        for date in (entry.record.date.start, entry.record.date.end)
        if date
    ]
    return (min(years), max(years)) if years else None


# -------------------------------------------------------------------------- environment


def make_environment(
    kb: KnowledgeBase, settings: SiteSettings | None = None, overrides: Path | None = None
) -> Environment:
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
        finalize=_finalize,
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escaping is done by `finalize`
        keep_trailing_newline=True,
        auto_reload=False,  # one render per process: no need to stat templates on every include
        trim_blocks=True,
        lstrip_blocks=True,
    )

    @pass_context
    def url(context: Any, target: Any, anchor: str = "") -> Markup:
        relative = relative_path(page_of(target), context["page_path"])
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
        entity=entity,
        by_year=by_year,
        by_type=by_type,
        themes=lambda ids: [kb.themes[i] for i in ids],
        json=lambda value: Markup(json.dumps(value, ensure_ascii=False)),
        front_matter=front_matter_text,
    )
    env.globals.update(
        entity=entity,
        record=record,
        kb=kb,
        record_types=RECORD_TYPES,
        page_of=page_of,
        edit_url=(settings or SiteSettings()).edit_url,
    )
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


def render_site(
    kb: KnowledgeBase, settings: SiteSettings | None = None, overrides: Path | None = None
) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder."""
    env = make_environment(kb, settings, overrides)
    pages: dict[str, str] = {}
    by_date = kb.records_by_date()

    def render(path: str, template: str, **context: Any) -> None:
        pages[path] = env.get_template(template).render(page_path=path, **context)

    dated = [entry for entry in by_date if entry.record.date]
    render(
        "index.md",
        "home.md.j2",
        recent=dated[::-1][:RECENT_ON_HOME],
        span=date_span(kb),
        type_counts=[(t, len(items)) for t, items in by_type(by_date)],
    )
    render(TIMELINE_PAGE, "timeline.md.j2", entries=by_date)
    render("nhan.md", "tags.md.j2")
    for folder, record_type in RECORD_TYPES.items():
        entries = [e for e in by_date if isinstance(e.record, record_type)]
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


def render_nav(kb: KnowledgeBase) -> str:
    """The navigation, as a YAML file mkdocs.yml inherits: themes are data, not config."""
    return make_environment(kb).get_template("nav.yml.j2").render(page_path="")


def _sorted_entities(entries: Iterable[EntityEntry]) -> list[EntityEntry]:
    return sorted(entries, key=lambda e: (e.entity.kind.value, e.entity.name.casefold()))
