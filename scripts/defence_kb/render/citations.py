"""Cite this: the citation of every record, entity, theme and source page, in every form.

One CSL-JSON item per page is the single source (CSL-JSON is the Citation Style Language's
data format, which Zotero, Mendeley, pandoc and citeproc read). The BibTeX and RIS files
and the citations printed on the page in three official CSL styles, in Vietnamese
(csl_styles.py; laid out by templates/partials/cite.md.j2), are derived from it. The Highwire Press
`citation_*` and Dublin Core tags Zotero's browser connector reads hold the same values;
the theme prints them (docs/overrides/main.html) from the page's title and address, the
site's name and the one value the front matter adds, the item's date (`cite_updated`): a
list of tags in the front matter of every page would be parsed by MkDocs' pure-Python
YAML loader on every page.

A page is cited as a web page whose author and publisher is the site itself (an
organisation, never an invented person), dated by the last change of the data files behind
it (history.py: git dates), since the site is static and rebuilt from them. The reader's
access date is not known at build time: the page prints it with a line of kb.js, and the
downloaded files leave it out (reference managers add it when they save a page).

A record rests on source articles, and a source page reproduces one: their files also hold
one item per article (publisher, date, address, as data/sources knows them, nothing
guessed), and the page's item names them in its note.

BibTeX is written for biblatex with biber (`@online`, `date`, `langid`; no `urldate`, the
reader's own): UTF-8, so Vietnamese needs no LaTeX accents (biber reads UTF-8; classic
8-bit BibTeX would not sort it correctly). LaTeX's special characters in values are
escaped; a name in double braces is one organisation, not a first and last name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..history import History
from ..metadata import description
from ..model import EntityEntry, KnowledgeBase, RecordEntry, SourceEntry
from ..schema import PartialDate, PublishedKind, Reference, Source, Theme
from .paths import page_of
from .settings import SiteSettings

CITATION_FOLDER = "trich-dan"
# format -> (file extension, media type, label on the page)
FORMATS = {
    "bibtex": ("bib", "application/x-bibtex", "BibTeX"),
    "ris": ("ris", "application/x-research-info-systems", "RIS"),
    "csl": ("json", "application/vnd.citationstyles.csl+json", "CSL-JSON"),
}

Citable = RecordEntry | EntityEntry | SourceEntry | Theme


@dataclass(frozen=True)
class PageCitation:
    """What a page's "Trích dẫn" block, meta tags and downloads show: the page's CSL-JSON
    item, the items of the articles it rests on, and where its files are."""

    item: dict[str, Any]
    based_on: list[dict[str, Any]]
    files: dict[str, str]  # format -> docs-relative path of the file
    references: list[dict[str, Any]] = field(default_factory=list)  # the values' references

    @property
    def items(self) -> list[dict[str, Any]]:
        return [self.item, *self.based_on, *self.references]


def _issued(date: dt.date | PartialDate | None) -> dict[str, Any] | None:
    """A CSL date: as precise as known (a partial date of a source has no day or month)."""
    if date is None:
        return None
    return {"date-parts": [[part for part in (date.year, date.month, date.day) if part]]}


def _issued_parts(item: dict[str, Any]) -> list[int]:
    """[year, month, day] of the item's date, as far as it is known; [] when undated."""
    return item.get("issued", {}).get("date-parts", [[]])[0]


def _source_item(source: Source) -> dict[str, Any]:
    """An original article as data/sources records it; unknown fields stay out."""
    notes = [source.attribution]
    if source.published and source.published_kind is PublishedKind.page:
        notes.append(f"Ngày {source.published.start.iso()} là {PublishedKind.page.label}.")
    if source.unknown:
        notes.append("Không rõ: " + "; ".join(source.unknown) + ".")
    item: dict[str, Any] = {
        "id": f"nguon-goc-{source.id}",
        "type": "webpage",
        "title": source.title or source.label,
        "publisher": source.publisher,
        "container-title": source.republished_by,
        "issued": _issued(source.published.start if source.published else None),
        "URL": source.url,
        "language": source.language,
        "note": " ".join(notes),
    }
    return {key: value for key, value in item.items() if value}


def _reference_item(owner: str, reference: Reference) -> dict[str, Any]:
    """A reference some values of a page rest on, as its data file records it."""
    item: dict[str, Any] = {
        "id": f"tai-lieu-{owner}-{reference.id}",
        "type": "webpage",
        "title": reference.title,
        "publisher": reference.publisher,
        "issued": _issued(reference.published_date),
        "accessed": _issued(reference.accessed),
        "URL": reference.url,
        "note": "Tài liệu tham khảo cho: " + ", ".join(reference.supports) + ".",
    }
    return {key: value for key, value in item.items() if value}


class Citations:
    """The citation of each page, computed once per page."""

    def __init__(
        self, kb: KnowledgeBase, settings: SiteSettings | None = None, history: History | None = None
    ):
        self.kb = kb
        self.site = settings or SiteSettings()
        self.history = history
        self._cache: dict[str, PageCitation] = {}

    def updated(self, target: Citable) -> dt.date | None:
        """When the data behind the page last changed: its own file, and for an entity or
        a theme, the records it lists."""
        if self.history is None:
            return None
        paths = []
        if isinstance(target, RecordEntry | SourceEntry | EntityEntry):
            paths.append(target.path)
        if isinstance(target, EntityEntry):
            paths += [entry.path for entry in target.records]
        elif isinstance(target, Theme):
            paths += [entry.path for entry in self.kb.theme_records.get(target.id, [])]
        dates = [found.changed for found in map(self.history.of, paths) if found]
        return max(dates).date() if dates else None

    def of(self, target: Citable) -> PageCitation:
        page = page_of(target)
        cached = self._cache.get(page)
        if cached is None:
            cached = self._cache[page] = self._make(target, page)
        return cached

    def _make(self, target: Citable, page: str) -> PageCitation:
        site_name = self.site.site_name
        name, genre, summary, sources = _describe(target)
        key = "defence-kb-" + page.removesuffix(".md").replace("/", "-")
        based_on = [_source_item(source) for source in sources]
        note = None
        if based_on:
            note = "Dựa trên: " + "; ".join(
                ", ".join(
                    str(part)
                    for part in (i.get("publisher"), f"“{i['title']}”", _iso(i), i.get("URL"))
                    if part
                )
                for i in based_on
            )
        item: dict[str, Any] = {
            "id": key,
            "type": "webpage",
            "title": name,
            "author": [{"literal": site_name}] if site_name else None,
            "container-title": site_name,
            "publisher": site_name,
            "genre": genre,
            "issued": _issued(self.updated(target)),
            "URL": self.site.absolute_url(target),
            "language": "vi",
            "abstract": description(summary) if summary else None,
            "note": note,
        }
        item = {k: v for k, v in item.items() if v}
        stem = f"{CITATION_FOLDER}/{page.removesuffix('.md')}"
        files = {fmt: f"{stem}.{ext}" for fmt, (ext, _type, _label) in FORMATS.items()}
        owner = getattr(target, "record", None) or getattr(target, "entity", None)
        references = [_reference_item(owner.id, ref) for ref in owner.references] if owner else []
        return PageCitation(item, based_on, files, references)

    def files(self, targets: Iterable[Citable]) -> dict[str, bytes]:
        """{docs path: content} of the BibTeX, RIS and CSL-JSON file of each page."""
        out: dict[str, bytes] = {}
        for target in targets:
            citation = self.of(target)
            out[citation.files["bibtex"]] = to_bibtex(citation.items).encode("utf-8")
            out[citation.files["ris"]] = to_ris(citation.items).encode("utf-8")
            out[citation.files["csl"]] = to_csl_json(citation.items).encode("utf-8")
        return out

    def updated_iso(self, target: Citable) -> str:
        """The page's date as its meta tags carry it: 2026-11-30, or "" when unknown."""
        return _iso(self.of(target).item)


def _iso(item: dict[str, Any]) -> str:
    parts = _issued_parts(item)
    return "-".join(f"{part:02d}" for part in parts)


def _accessed_iso(item: dict[str, Any]) -> str:
    parts = item.get("accessed", {}).get("date-parts", [[]])[0]
    return "-".join(f"{part:02d}" for part in parts)


def _describe(target: Citable) -> tuple[str, str, str | None, list[Source]]:
    """(title, genre, summary, sources it rests on) of the thing a page shows."""
    if isinstance(target, RecordEntry):
        record = target.record
        sources = list({c.source.id: c.source for c in target.citations}.values())
        return record.title, f"Bản ghi: {record.type_label}", record.summary, sources
    if isinstance(target, EntityEntry):
        entity = target.entity
        return entity.name, f"Đối tác: {entity.kind.label}", entity.description, []
    if isinstance(target, SourceEntry):
        return target.source.label, "Nguồn tư liệu", None, [target.source]
    return target.title, "Chủ đề", target.intro, []


# ------------------------------------------------------------------------------ BibTeX

# In a braced BibTeX value, these are LaTeX's special characters. Braces are written as
# macros, never as `\{` `\}`: biber's parser (btparse, Text::BibTeX) counts braces without
# regard to backslashes, so `\}` would still close the field, and a title could end the
# entry and add fields or entries of its own. Every brace written here comes in a pair.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_LATEX_TABLE = str.maketrans(_LATEX)
# A URL field is read verbatim by biblatex, but its braces must balance and a backslash
# would end it: those are percent-encoded, as they are in any URL.
_URL_TABLE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})


def escape_latex(text: str) -> str:
    return " ".join(str(text).split()).translate(_LATEX_TABLE)


def to_bibtex(items: list[dict[str, Any]]) -> str:
    """biblatex entries for CSL-JSON `items`, the first citing the others in `related`."""
    entries = []
    for index, item in enumerate(items):
        # The site is its own container: named once, as the author.
        authors = {author.get("literal") for author in item.get("author", [])}
        container = item.get("container-title") if item.get("container-title") not in authors else None
        fields: list[tuple[str, str | None]] = [
            (
                "author",
                "{" + escape_latex(item["author"][0]["literal"]) + "}" if item.get("author") else None,
            ),
            ("title", "{" + escape_latex(item["title"]) + "}"),
            ("organization", escape_latex(item["publisher"]) if item.get("publisher") else None),
            ("titleaddon", escape_latex(container) if container else None),
            ("date", _iso(item) or None),
            ("url", item["URL"].translate(_URL_TABLE) if item.get("URL") else None),
            ("urldate", _accessed_iso(item) or None),  # a reference: the day an editor read it
            ("langid", "vietnamese" if item.get("language") == "vi" else None),
            ("type", escape_latex(item["genre"]) if item.get("genre") else None),
            ("abstract", escape_latex(item["abstract"]) if item.get("abstract") else None),
            ("note", escape_latex(item["note"]) if item.get("note") else None),
            (
                "related",
                ",".join(other["id"] for other in items[1:]) if index == 0 and len(items) > 1 else None,
            ),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries.append(f"@online{{{item['id']},\n{body}\n}}\n")
    return "\n".join(entries)


# --------------------------------------------------------------------------------- RIS


def to_ris(items: list[dict[str, Any]]) -> str:
    """RIS records (`TY  - ELEC`, a web page) for CSL-JSON `items`, lines ending in CRLF."""
    lines = []
    for item in items:
        parts = _issued_parts(item)
        tags: list[tuple[str, Any]] = [
            ("TY", "ELEC"),
            ("TI", item["title"]),
            *(("AU", author["literal"]) for author in item.get("author", [])),
            ("T2", item.get("container-title")),
            ("PB", item.get("publisher")),
            ("PY", parts[0] if parts else None),
            ("DA", "/".join(f"{part:02d}" for part in parts) + "/" * (4 - len(parts)) if parts else None),
            ("UR", item.get("URL")),
            ("Y2", _accessed_iso(item) or None),
            ("LA", item.get("language")),
            ("M3", item.get("genre")),
            ("AB", item.get("abstract")),
            ("N1", item.get("note")),
            ("ID", item["id"]),
        ]
        lines += [f"{tag}  - {' '.join(str(value).split())}" for tag, value in tags if value]
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


# ---------------------------------------------------------------------------- CSL-JSON


def to_csl_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------ dates in the styles


def date_vi(item: dict[str, Any]) -> str:
    """The item's date as Vietnamese references write it: 28/11/2026, 11/2026, 2026."""
    parts = _issued_parts(item)
    return "/".join(
        f"{part:02d}" if index < len(parts) - 1 else str(part) for index, part in enumerate(reversed(parts))
    )


def year_of(item: dict[str, Any]) -> str:
    parts = _issued_parts(item)
    return str(parts[0]) if parts else ""


def citation_files(citations: Citations) -> dict[str, bytes]:
    """The citation files of every record, entity, source and theme page."""
    kb = citations.kb
    return citations.files(
        [*kb.records.values(), *kb.entities.values(), *kb.sources.values(), *kb.themes.values()]
    )
