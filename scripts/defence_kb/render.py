"""Stage 4, render: the knowledge base as Markdown pages, through Jinja2 templates.

Every value a template prints is escaped for Markdown by default (Jinja's `finalize`), so
record text reaches the page as inert text: `<script>`, `[link](javascript:…)`, `{{ … }}`
or `!!! note` typed into a YAML file all come out as the characters typed. Only values the
Python side marks as `Markup` (links it built, JSON it encoded) are printed as they are.

`render_site` is a pure function: knowledge base in, {page path: Markdown} out. It is
`plan_site` (which pages, with which template and data) followed by `render_page` on each,
so that the build can share the pages among processes.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from .export import EXPORT_FOLDER, describe_exports, export_files
from .history import History
from .metadata import description, entity_json_ld, record_json_ld, script_json
from .model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from .schema import RECORD_TYPES, Figure, PartialDate, Record, Source, Status, Theme
from .text import heading_slug, vietnamese_sort_key
from .wording import (
    format_bound,
    format_date,
    format_figure,
    format_number,
    format_partial_date,
    format_placement,
    format_size,
)

TEMPLATES = Path(__file__).parent / "templates"
TIMELINE_PAGE = "dong-thoi-gian.md"
DATA_PAGE = f"{EXPORT_FOLDER}/index.md"
RECENT_PAGE = "moi-cap-nhat.md"
LOOKUP_PAGE = "tra-cuu/index.md"
TAGS_PAGE = "nhan.md"
FIGURES_PAGE = "so-lieu.md"
FEED_FILE = "feed.xml"
RECENT_ON_HOME = 8
RECENT_ON_PAGE = 100
RECENT_IN_FEED = 50


@dataclass(frozen=True)
class SiteSettings:
    """What pages need to know about where the site and its repository live."""

    repo_url: str | None = None
    edit_data_uri: str = "edit/main/"  # repo_url + this + data/…yml edits a record
    site_url: str = ""  # where the site is published, for absolute URLs in metadata and feeds
    site_name: str = ""

    def absolute_url(self, target: Any) -> str:
        base = self.site_url.rstrip("/") + "/" if self.site_url else "/"
        return base + page_url(target)

    def edit_url(self, path: Path) -> Markup | None:
        if not self.repo_url:
            return None
        return Markup(f"{self.repo_url.rstrip('/')}/{self.edit_data_uri.strip('/')}/{path.as_posix()}")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its `!!python/…` or `!ENV` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_settings(config_file: Path) -> SiteSettings:
    """The site's address and its repository's, from mkdocs.yml."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    extra = config.get("extra") or {}
    repository = extra.get("repository")
    site_url = config.get("site_url")
    return SiteSettings(
        repository if isinstance(repository, str) else None,
        str(extra.get("edit_data_uri") or SiteSettings.edit_data_uri),
        site_url if isinstance(site_url, str) else "",
        str(config.get("site_name") or ""),
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


# str.translate walks non-ASCII text character by character; most Vietnamese text has
# nothing to escape, which one regular expression search finds out much sooner.
_INLINE_FOUND = re.compile("[" + re.escape(_INLINE_SPECIAL) + "]")
_BLOCK_FOUND = re.compile("[" + re.escape(_BLOCK_SPECIAL) + "\r]")


def escape_inline(text: str) -> Markup:
    """Plain text for one line of Markdown (a table cell, a heading, a link label)."""
    text = str(text)
    if _INLINE_FOUND.search(text):
        text = text.translate(_INLINE_TABLE)
    return Markup(" ".join(text.split()))  # newlines become spaces here too


def escape_block(text: str) -> Markup:
    """A summary: paragraphs, emphasis and lists survive; links, HTML and extensions do not."""
    text = str(text)
    if _BLOCK_FOUND.search(text):
        text = text.translate(_BLOCK_TABLE)
    lines = [line.rstrip() for line in text.split("\n")]
    return Markup("\n".join(lines).strip())


def front_matter_text(text: str) -> Markup:
    """A YAML string for front matter whose value Material prints without escaping.

    Material's templates print page titles (`<title>`, the header, navigation, tag
    listings) and tag names as they are, so the value is HTML-escaped first; the browser
    then shows the characters the editor typed.
    """
    return Markup(json.dumps(html.escape(" ".join(str(text).split())), ensure_ascii=False))


def _make_finalize() -> Callable[[Any], Any]:
    """Jinja's `finalize`: every printed value escaped, unless it is Markup already.

    The same labels, dates and titles are printed hundreds of thousands of times on a
    large site, so each distinct text is escaped once per environment.
    """
    escaped: dict[str, Markup] = {}

    def finalize(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        text = str(value)
        result = escaped.get(text)
        if result is None:
            result = escaped[text] = escape_inline(text)
        return result

    return finalize


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


def _folder(page: str) -> str:
    return page.rsplit("/", 1)[0] + "/" if "/" in page else ""


def relative_path(target: str, page: str) -> str:
    """`target` relative to the folder of `page`, both docs-relative POSIX paths.

    posixpath.relpath does the same through abspath and the working directory, which made
    it a quarter of the rendering time.
    """
    here = _folder(page)
    if target.startswith(here):
        return target[len(here) :]
    return "../" * here.count("/") + target


def placement_label(entry: RecordEntry) -> str:
    return format_placement(entry.placement, entry.record.status)


_URL_UNSAFE = {ord(c): f"%{ord(c):02X}" for c in ' ()<>[]{}|\\^`"'}


def external_link(url: str) -> Markup:
    """A link to another site whose address is shown as its text, inert in Markdown."""
    return Markup(f"[{escape_inline(url)}]({url.translate(_URL_UNSAFE)})")


def source_date(entry: RecordEntry) -> PartialDate | None:
    """The earliest publication date of the sources a record cites, if any states one."""
    dates = [c.source.published.start for c in entry.citations if c.source.published]
    return min(dates) if dates else None


def status_text(entry: RecordEntry) -> str:
    """The record's status as its source stated it on its date: a plan in a 2022 article
    says nothing of what happened after, so the date travels with the word."""
    status = entry.record.status
    if status is Status.occurred:
        return status.label
    stated = source_date(entry)
    when = f"theo nguồn ngày {format_partial_date(stated)}" if stated else "theo nguồn, không rõ ngày đăng"
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


# --------------------------------------------------------------------------- grouping


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


# -------------------------------------------------------------------------- environment


def make_environment(
    kb: KnowledgeBase, settings: SiteSettings | None = None, overrides: Path | None = None
) -> Environment:
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
        finalize=_make_finalize(),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.do"],
        autoescape=False,  # Markdown, not HTML: escaping is done by `finalize`
        keep_trailing_newline=True,
        auto_reload=False,  # one render per process: no need to stat templates on every include
        trim_blocks=True,
        lstrip_blocks=True,
    )

    # Lists of records repeat the same links on thousands of pages. A relative link depends
    # only on the folder of the page it is on, so each (target, folder, label) is built once.
    links: dict[tuple[str, str, str], Markup] = {}

    @pass_context
    def url(context: Any, target: Any, anchor: str = "") -> Markup:
        relative = relative_path(page_of(target), context["page_path"])
        return Markup(relative + (f"#{anchor}" if anchor else ""))

    @pass_context
    def link(context: Any, target: Any, label: str | None = None) -> Markup:
        text = label if label is not None else _label(target)
        key = (page_of(target), _folder(context["page_path"]), text)
        cached = links.get(key)
        if cached is None:
            cached = links[key] = Markup(f"[{escape_inline(text)}]({url(context, target)})")
        return cached

    @pass_context
    def link_list(context: Any, targets: Iterable[Any]) -> Markup:
        return Markup(", ").join(link(context, target) for target in targets)

    # A record's line in a list (partials/record_item.md.j2) likewise depends only on the
    # folder of the list's page, and each record is listed on several pages of one folder.
    item_macros: dict[str, Any] = {}
    items: dict[tuple[str, str], Markup] = {}

    @pass_context
    def record_item(context: Any, entry: RecordEntry) -> Markup:
        folder = _folder(context["page_path"])
        key = (page_of(entry), folder)
        cached = items.get(key)
        if cached is None:
            if folder not in item_macros:
                partial = env.get_template("partials/record_item.md.j2")
                item_macros[folder] = partial.make_module({"page_path": context["page_path"]}).record_item
            cached = items[key] = Markup(item_macros[folder](entry))
        return cached

    site = settings or SiteSettings()

    def json_ld(target: RecordEntry | EntityEntry) -> Markup:
        """The page's JSON-LD as a front matter string: ASCII escapes only, so that YAML
        reads back exactly the characters (it would fold a raw U+2028 as a line break)."""
        url = site.absolute_url(target)
        data = (
            record_json_ld(kb, target, url)
            if isinstance(target, RecordEntry)
            else entity_json_ld(target, url)
        )
        return Markup(json.dumps(script_json(data)))

    def entity(entity_id: str) -> EntityEntry:
        return kb.entities[entity_id]

    def record(record_id: str) -> RecordEntry:
        return kb.records[record_id]

    @pass_context
    def tag_links(context: Any, tags: Iterable[str]) -> Markup:
        return Markup(", ").join(link(context, f"{TAGS_PAGE}#{heading_slug(tag)}", tag) for tag in tags)

    env.filters.update(
        figure=format_figure,
        when=placement_label,
        partial_date=format_partial_date,
        bound=format_bound,
        status=status_text,
        relations=lambda entry: relations(kb, entry),
        tag_links=tag_links,
        external_link=external_link,
        vi_sorted=vietnamese_sorted,
        date=format_date,
        number=format_number,
        filesize=format_size,
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
        description=description,
        json_ld=json_ld,
    )
    env.globals.update(
        entity=entity,
        record=record,
        record_item=record_item,
        kb=kb,
        record_types=RECORD_TYPES,
        page_of=page_of,
        edit_url=site.edit_url,
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


@dataclass(frozen=True)
class Change:
    """A record added or changed: when (UTC), when first added, and whether this change
    is the addition (None when unknown, without history)."""

    entry: RecordEntry
    when: dt.datetime
    first: dt.datetime
    added: bool | None


def recent_changes(kb: KnowledgeBase, history: History) -> list[Change]:
    """Records by the date their file last changed, newest first."""
    changes = []
    for entry in kb.records.values():
        dates = history.of(entry.path)
        if dates:
            added = dates.added == dates.changed if history.from_git else None
            changes.append(Change(entry, dates.changed, dates.added, added))
    return sorted(changes, key=lambda change: (change.when, change.entry.record.id), reverse=True)


def _markup_environment() -> Environment:
    """Templates of HTML and XML files (redirects, the feed): every value escaped."""
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined, auto_reload=False
    )


def render_feed(kb: KnowledgeBase, history: History, settings: SiteSettings | None = None) -> str:
    """The Atom feed of recent changes; XML-escaped by the template environment."""
    site = settings or SiteSettings()
    changes = recent_changes(kb, history)[:RECENT_IN_FEED]
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

    def stamp(when: dt.datetime) -> str:
        return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    items = [
        {
            "entry": change.entry,
            "url": site.absolute_url(change.entry),
            "added": change.added,
            "updated": stamp(change.when),
            "published": stamp(change.first),
        }
        for change in changes
    ]
    return (
        _markup_environment()
        .get_template("feed.xml.j2")
        .render(
            site_name=site.site_name,
            site_url=site.absolute_url(""),
            feed_url=site.absolute_url("") + FEED_FILE,
            updated=stamp(changes[0].when if changes else epoch),
            changes=items,
        )
    )


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
    return PageJob(DATA_PAGE, "data.md.j2", {"files": describe_exports(kb, exports), "schemas": schemas})


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
    page("doi-tac/index.md", "entity_index.md.j2", entries=_sorted_entities(kb.entities.values()))
    for entity_entry in kb.entities.values():
        page(page_of(entity_entry), "entity.md.j2", entry=entity_entry, e=entity_entry.entity)
    page("nguon/index.md", "source_index.md.j2", entries=list(kb.sources.values()))
    for source_entry in kb.sources.values():
        page(page_of(source_entry), "source.md.j2", entry=source_entry, s=source_entry.source)
    page("chu-de/index.md", "theme_index.md.j2", themes=list(kb.themes.values()))
    for theme_id, theme in kb.themes.items():
        page(page_of(theme), "theme.md.j2", theme=theme, entries=kb.theme_records[theme_id])
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


def render_site(
    kb: KnowledgeBase, settings: SiteSettings | None = None, overrides: Path | None = None
) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder."""
    env = make_environment(kb, settings, overrides)
    return {job.path: render_page(env, job) for job in plan_site(kb)}


def render_redirects(kb: KnowledgeBase, settings: SiteSettings | None = None) -> dict[str, str]:
    """{docs path: HTML} of a redirect page at each former address of a renamed record.

    Plain HTML files in the docs tree are copied to the site as they are, by MkDocs as by
    any static site engine, so the old URL keeps working without a plugin.
    """
    site = settings or SiteSettings()
    template = _markup_environment().get_template("redirect.html.j2")
    pages = {}
    for entry in kb.records.values():
        record = entry.record
        for former in record.former_ids:
            pages[f"{record.url_prefix}/{former}/index.html"] = template.render(
                title=record.title, target=f"../{record.id}/", canonical=site.absolute_url(entry)
            )
    return pages


def render_nav(kb: KnowledgeBase) -> str:
    """The navigation, as a YAML file mkdocs.yml inherits: themes are data, not config."""
    return make_environment(kb).get_template("nav.yml.j2").render(page_path="")


def _sorted_entities(entries: Iterable[EntityEntry]) -> list[EntityEntry]:
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
