"""Stage 6, index: the full-text search index (Pagefind), built from the knowledge base.

Each record, entity, source and theme becomes a small search document: its title as the
heading, document numbers and English names weighted up, its text, and (hidden from the
text) its filters (theme, type, year, entity, source) and the metadata results display
(type, date as the page shows it). Pagefind indexes these documents under the URL of the
page they stand for. The index is a function of the data, not of the theme's HTML, so
navigation, headers and footers never reach it and a change of site engine leaves it be.

`đ` is not folded by Pagefind (it has no Unicode decomposition); the search page expands
queries instead (docs/assets/search.js), so the index keeps the text exactly as written.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from .render import TEMPLATES, page_url, placement_label
from .schema import RECORD_TYPES, EntityKind, Record, Theme
from .wording import format_date, format_reference

INDEX_FOLDER = "pagefind"
ENTITY_TYPE = "Quốc gia, tổ chức, cá nhân"
# Sort key of pages without a date: Pagefind sorts them after every dated record.
UNDATED = "0000"
# An abbreviation a title defines in parentheses: "… của EU (FPA)".
_ABBREVIATION = re.compile(r"\(([^()\s]{2,20})\)")


class IndexError_(Exception):
    """Pagefind failed; its output explains why."""


@dataclass
class SearchDocument:
    url: str  # site-relative, e.g. "thoa-thuan/hiep-dinh-fpa-viet-nam-eu/"
    title: str
    type_label: str
    strong: list[str] = field(default_factory=list)  # document numbers, other names
    body: list[str] = field(default_factory=list)
    date: str = ""
    sort_date: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    # What the page is called besides its title (abbreviations, English names, search
    # aliases): a query equal to one of them names the page, which then ranks first.
    # English titles and names are here only, not in the page's text: Pagefind searches
    # this field too, and a Vietnamese query's excerpt, taken from the text, stays Vietnamese.
    names: list[str] = field(default_factory=list)
    # A page that gathers others, ranked before the records it gathers when the query names
    # it: 2 for themes and record types, 1 for entities, 0 for the rest.
    hub: int = 0


# Entities a filter lists: countries and organisations (people are found by name).
GROUPS = (EntityKind.country, EntityKind.organisation)


def time_precision(entry: RecordEntry) -> str:
    """How precisely a record is placed in time, as a search filter value."""
    placement = entry.placement
    if placement.date:
        return {"day": "Biết ngày", "month": "Biết tháng", "year": "Biết năm"}[placement.date.start.precision]
    if placement.day_month:
        return "Biết ngày, tháng (không rõ năm)"
    if placement.placed:
        return "Chỉ biết mốc (không sớm hơn, không muộn hơn)"
    # Something ongoing that an undated article only mentions (validate/rules/placements.py).
    return "Không rõ thời gian"


def _date_basis(entry: RecordEntry) -> str:
    """A date that rests on references says so in the result, as it does on the page."""
    referenced = entry.time_referenced
    if not referenced:
        return ""
    return " (theo tài liệu tham khảo: " + "; ".join(map(format_reference, referenced.agreeing)) + ")"


def _record_document(kb: KnowledgeBase, entry: RecordEntry) -> SearchDocument:
    record = entry.record
    involved = [kb.entities[entity_id].entity for entity_id in record.participant_ids()]
    mentioned = [kb.entities[entity_id].entity for entity_id in record.mentioned]
    personnel = getattr(record, "personnel", None)
    figures = [*record.figures, *([personnel] if personnel else [])]
    strong = [
        *(text for text in (getattr(record, "number", None),) if text),
        *record.search_aliases,
        *(figure.as_stated for figure in figures),
    ]
    body = [
        record.summary,
        *(f"{entity.name} {' '.join(entity.aliases)}" for entity in (*involved, *mentioned)),
        # Not date_note: it says what the sources leave open, which no reader searches for.
        *(text for text in (record.location, getattr(record, "area", None)) if text),
        *record.tags,
        *(citation.quote for citation in entry.citations),
        *(f"{reference.publisher} {reference.title}" for reference in record.references),
    ]
    # The year filter lists the years a record's date covers; a record known only by bounds
    # is in no year (it could be in any of them).
    years: list[str] = []
    if record.date:
        last = record.date.end or record.date.start
        years = [str(year) for year in range(record.date.start.year, last.year + 1)]
    anchor = entry.placement.anchor
    return SearchDocument(
        url=page_url(entry),
        title=record.title,
        type_label=record.type_label,
        strong=strong,
        body=body,
        date=placement_label(entry) + _date_basis(entry),
        sort_date=anchor.iso() if anchor else UNDATED,
        names=[
            *_ABBREVIATION.findall(record.title),
            *(text for text in (getattr(record, "number", None), record.title_en) if text),
            *record.search_aliases,
        ],
        filters={
            "theme": [kb.themes[theme_id].title for theme_id in record.themes],
            "type": [record.type_label],
            "year": years,
            "entity": [e.name for e in involved if e.kind in GROUPS],
            "mentioned": [e.name for e in mentioned if e.kind in GROUPS],
            "time": [time_precision(entry)],
            "source": sorted({citation.source.label for citation in entry.citations}),
        },
    )


def with_plain_d(names: list[str]) -> list[str]:
    """The names, and those holding "đ" spelled with "d" too. Pagefind folds tones but not
    "đ", and search.js tries "đ" only at the start of a word: "HĐBA" typed "hdba"."""
    return [*names, *(name.replace("đ", "d").replace("Đ", "D") for name in names if "đ" in name.lower())]


def _entity_document(entry: EntityEntry) -> SearchDocument:
    entity = entry.entity
    names = [entity.name, *entity.aliases, *entity.search_aliases]
    return SearchDocument(
        url=page_url(entry),
        title=entity.name,
        type_label=entity.kind.label,
        strong=with_plain_d(names)[1:],
        # Not the description: its facts are in the records, and it would grow every first search.
        body=[role.title for role in entity.roles],
        filters={"type": [ENTITY_TYPE]},
        names=[text for text in (entity.name_en, *entity.aliases, *entity.search_aliases) if text],
        hub=1,
        sort_date=UNDATED,
    )


def _source_document(entry: SourceEntry) -> SearchDocument:
    source = entry.source
    return SearchDocument(
        url=page_url(entry),
        title=source.label,
        type_label="Nguồn",
        strong=[text for text in (source.title, source.publisher) if text],
        date=format_date(source.published),
        filters={"type": ["Nguồn"], "source": [source.label]},
        sort_date=UNDATED,
    )


def _theme_document(theme: Theme) -> SearchDocument:
    return SearchDocument(
        url=page_url(theme),
        title=theme.title,
        type_label="Chủ đề",
        body=[theme.intro],
        filters={"type": ["Chủ đề"], "theme": [theme.title]},
        names=[theme.title_en] if theme.title_en else [],
        hub=2,
        sort_date=UNDATED,
    )


def _type_document(record_type: type[Record], entries: list[RecordEntry]) -> SearchDocument:
    """The index page of a record type, found by its name ("thỏa thuận", "phái bộ")."""
    return SearchDocument(
        url=page_url(f"{record_type.url_prefix}/index.md"),
        title=record_type.type_label_plural,
        type_label="Bảng tra cứu",
        strong=[record_type.type_label],
        body=[f"{len(entries)} bản ghi"],
        filters={"type": ["Bảng tra cứu"]},
        names=[record_type.type_label],
        hub=2,
        sort_date=UNDATED,
    )


def search_documents(kb: KnowledgeBase) -> list[SearchDocument]:
    return [
        *(_record_document(kb, entry) for entry in kb.records.values()),
        *(_entity_document(entry) for entry in kb.entities.values()),
        *(_source_document(entry) for entry in kb.sources.values()),
        *(_theme_document(theme) for theme in kb.themes.values()),
        *(
            _type_document(record_type, [e for e in kb.records.values() if isinstance(e.record, record_type)])
            for record_type in RECORD_TYPES.values()
        ),
    ]


def render_search_documents(kb: KnowledgeBase) -> dict[str, str]:
    """{path under the search folder: HTML}; the path gives Pagefind the page's URL."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES / "search")),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("document.html.j2")
    return {f"{doc.url}index.html": template.render(doc=doc) for doc in search_documents(kb)}


def build_search_index(kb: KnowledgeBase) -> dict[str, bytes]:
    """The Pagefind bundle for the knowledge base: {path under pagefind/: content}.

    Raises IndexError_ unless Pagefind reports exactly one indexed page per document.
    """
    rendered = render_search_documents(kb)
    with tempfile.TemporaryDirectory(prefix="kb-search-") as work:
        documents, output = Path(work) / "documents", Path(work) / "bundle"
        for relative, html in rendered.items():
            target = documents / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(output)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise IndexError_((result.stdout + result.stderr).strip())
        indexed = re.search(r"Indexed (\d+) pages?", result.stdout)
        if not indexed or int(indexed.group(1)) != len(rendered):
            raise IndexError_(
                f"chỉ mục tìm kiếm có {indexed.group(1) if indexed else 'không rõ'} trang, "
                f"cần {len(rendered)}: {result.stdout.strip()[-500:]}"
            )
        return {
            path.relative_to(output).as_posix(): path.read_bytes()
            for path in output.rglob("*")
            if path.is_file()
        }
