"""The one Jinja2 environment every Markdown page is rendered with: filters and globals."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ..history import History
from ..metadata import description, entity_json_ld, record_json_ld, script_json
from ..model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from ..schema import RECORD_TYPES, Theme
from ..text import heading_slug
from ..wording import (
    format_bound,
    format_date,
    format_figure,
    format_number,
    format_ordinal,
    format_partial_date,
    format_records_time,
    format_reference,
    format_size,
)
from .charts import Pictures
from .citations import FORMATS, Citations, date_vi, year_of
from .csl_styles import STYLES, StyledCitations
from .maps import map_globals
from .markdown import (
    escape_block,
    escape_inline,
    external_link,
    front_matter_text,
    make_finalize,
    quote_url,
)
from .paths import TAGS_PAGE, TEMPLATES, folder_of, page_of, page_url, relative_path
from .provenance import disagreements, reference_anchor, supported_by, value_mark, when_listed
from .raw_blocks import raw_block
from .settings import SiteSettings
from .summaries import by_type, by_year, placement_label, relations, status_text, vietnamese_sorted


def make_environment(
    kb: KnowledgeBase,
    settings: SiteSettings | None = None,
    overrides: Path | None = None,
    history: History | None = None,
) -> Environment:
    """`history` dates the pages' citations (without it they carry no date)."""
    site = settings or SiteSettings()
    env = _environment(overrides)
    links = _link_filters(env)
    env.filters.update(links)
    env.filters.update(_value_filters(kb, site))
    # Cite this (citations.py): the page's citation, and the date its meta tags carry (the
    # theme builds the tags from it, the page's title and address: main.html).
    citations = Citations(kb, site, history)
    env.filters.update(_citation_filters(citations))
    env.globals.update(_globals(kb, site, citations, links["record_item"]))
    env.globals.update(map_globals(kb))
    env.globals.update(mark=_mark, supported_by=supported_by, disagreements=disagreements)
    env.filters.update(reference_anchor=reference_anchor, reference=format_reference, when_listed=when_listed)
    return env


def _environment(overrides: Path | None) -> Environment:
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    return Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
        finalize=make_finalize(),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.do"],
        autoescape=False,  # Markdown, not HTML: escaping is done by `finalize`
        keep_trailing_newline=True,
        auto_reload=False,  # one render per process: no need to stat templates on every include
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _link_filters(env: Environment) -> dict[str, Any]:
    """Links relative to the page they are on, and a record's line in a list."""
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
        key = (page_of(target), folder_of(context["page_path"]), text)
        cached = links.get(key)
        if cached is None:
            cached = links[key] = Markup(f"[{escape_inline(text)}]({url(context, target)})")
        return cached

    @pass_context
    def link_list(context: Any, targets: Iterable[Any]) -> Markup:
        return Markup(", ").join(link(context, target) for target in targets)

    @pass_context
    def tag_links(context: Any, tags: Iterable[str]) -> Markup:
        return Markup(", ").join(link(context, f"{TAGS_PAGE}#{heading_slug(tag)}", tag) for tag in tags)

    # A record's line in a list (partials/record_item.md.j2) likewise depends only on the
    # folder of the list's page, and each record is listed on several pages of one folder.
    item_macros: dict[str, Any] = {}
    items: dict[tuple[str, str], Markup] = {}

    @pass_context
    def record_item(context: Any, entry: RecordEntry) -> Markup:
        folder = folder_of(context["page_path"])
        key = (page_of(entry), folder)
        cached = items.get(key)
        if cached is None:
            if folder not in item_macros:
                partial = env.get_template("partials/record_item.md.j2")
                item_macros[folder] = partial.make_module({"page_path": context["page_path"]}).record_item
            cached = items[key] = Markup(item_macros[folder](entry))
        return cached

    return {
        "url": url,
        "link": link,
        "link_list": link_list,
        "tag_links": tag_links,
        "record_item": record_item,
    }


def _value_filters(kb: KnowledgeBase, site: SiteSettings) -> dict[str, Any]:
    """How values read on a page: dates, numbers, names, Markdown text, JSON."""

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

    return {
        "figure": format_figure,
        "when": placement_label,
        "partial_date": format_partial_date,
        "records_time": lambda entries: format_records_time(
            [entry.placement for entry in entries],
            sum(1 for entry in entries if entry.placement.date and "date" in entry.referenced),
        ),
        "bound": format_bound,
        "status": status_text,
        "relations": lambda entry: relations(kb, entry),
        "external_link": external_link,
        "quote_url": quote_url,
        "vi_sorted": vietnamese_sorted,
        "date": format_date,
        "number": format_number,
        "ordinal": format_ordinal,
        "filesize": format_size,
        "block": escape_block,
        "entities": lambda ids: [kb.entities[i] for i in ids],
        "entity": lambda entity_id: kb.entities[entity_id],
        "by_year": by_year,
        "by_type": by_type,
        "themes": lambda ids: [kb.themes[i] for i in ids],
        "json": lambda value: Markup(json.dumps(value, ensure_ascii=False)),
        "front_matter": front_matter_text,
        "raw_block": lambda html: Markup(raw_block(str(html).strip())),
        "description": description,
        "json_ld": json_ld,
    }


def _citation_filters(citations: Citations) -> dict[str, Any]:
    @pass_context
    def site_href(context: Any, target: str) -> Markup:
        """A link to a file the build writes into the site past MkDocs (which neither
        knows nor rewrites it), relative to the page's published address."""
        return Markup("../" * page_url(context["page_path"]).count("/") + target)

    return {
        "citation": citations.of,
        "cite_updated": lambda target: Markup(json.dumps(citations.updated_iso(target))),
        "site_href": site_href,
        # A value in an HTML attribute (the cite block is HTML): quotes escaped too.
        "attr": lambda value: Markup(html.escape(str(value), quote=True)),
        "date_vi": date_vi,
        "year_of": year_of,
    }


def _globals(kb: KnowledgeBase, site: SiteSettings, citations: Citations, record_item: Any) -> dict[str, Any]:
    return {
        "citations": citations,
        "citation_formats": FORMATS,
        "citation_styles": STYLES,
        "styled_citations": StyledCitations(),
        "site_name": site.site_name,
        "repository": site.repo_url,
        "entity": lambda entity_id: kb.entities[entity_id],
        "record": lambda record_id: kb.records[record_id],
        "record_item": record_item,
        "kb": kb,
        "record_types": RECORD_TYPES,
        "page_of": page_of,
        "edit_url": site.edit_url,
        "pictures": Pictures(kb),
    }


@pass_context
def _mark(context: Any, field: str) -> Markup:
    """Where the value of `field` of the page's record or entity comes from, if not from the
    articles (render/provenance.py)."""
    return value_mark(context["entry"], field)


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
