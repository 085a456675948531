"""End to end: the real data becomes a site in which every record shows every field."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO_ROOT, run_cli
from defence_kb.build import build_site, copy_site_config
from defence_kb.model import KnowledgeBase, RecordEntry
from defence_kb.render import page_of
from defence_kb.schema import Vocabulary
from defence_kb.text import collapse_whitespace
from defence_kb.wording import format_date, format_ordinal

pytestmark = pytest.mark.build


class _Regions(HTMLParser):
    """Splits a page's article into the places a field can be shown: the heading, the
    intro around the facts table, each table row (by its label), each section (by its
    title) and the editors' line at the end."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = False
        self.region: str | None = None
        self.heading: list[str] | None = None
        self.cells: list[list[str]] | None = None
        self.skip = 0
        self.regions: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        if self.skip or (tag == "a" and "headerlink" in (dict(attrs).get("class") or "")):
            self.skip += 1
        elif tag == "h1":
            self.region = "h1"
        elif tag == "p" and "kb-editor" in (dict(attrs).get("class") or ""):
            self.region = "editor"
        elif tag == "h2":
            self.heading = []
        elif tag == "table":
            self.region = None if self.region == "intro" else self.region
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
        elif tag == "article":
            self.in_article = False
        elif tag == "h1":
            self.region = "intro"
        elif tag == "table" and self.region is None:
            self.region = "intro"  # the summary follows the facts table
        elif tag == "h2" and self.heading is not None:
            self.region = "section:" + collapse_whitespace("".join(self.heading))
            self.heading = None
        elif tag == "tr" and self.cells is not None:
            if len(self.cells) == 2:
                label, value = ("".join(cell) for cell in self.cells)
                self.regions.setdefault(f"row:{collapse_whitespace(label)}", []).append(value)
            self.cells = None

    def handle_data(self, data: str) -> None:
        if not self.in_article or self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        elif self.cells:
            self.cells[-1].append(data)
        elif self.region:
            self.regions.setdefault(self.region, []).append(data)


def page_regions(path: Path) -> dict[str, str]:
    parser = _Regions()
    parser.feed(path.read_text(encoding="utf-8"))
    return {name: collapse_whitespace(" ".join(parts)) for name, parts in parser.regions.items()}


def article_text(path: Path) -> str:
    return " ".join(page_regions(path).values())


def html_page(site: Path, target: Any) -> Path:
    return site / page_of(target).removesuffix(".md") / "index.html"


ROW = {
    "kind": "Loại",
    "date": "Thời gian",
    "date_note": "Thời gian",
    "status": "Tình trạng",
    "date_unspecified_year": "Thời gian",
    "not_before": "Không sớm hơn",
    "not_after": "Không muộn hơn",
    "entities": "Các bên liên quan",
    "mentioned": "Được nhắc đến",
    "location": "Địa điểm",
    "themes": "Chủ đề",
    "tags": "Nhãn",
    "hosts": "Chủ trì, đăng cai",
    "edition": "Lần tổ chức",
    "edition_as_stated": "Lần tổ chức",
    "parties": "Các bên ký kết",
    "signatories": "Người ký",
    "organiser": "Tổ chức điều hành",
    "host_country": "Quốc gia sở tại",
    "area": "Địa bàn",
    "place": "Địa bàn",
    "unit_type": "Loại lực lượng",
    "personnel": "Quân số",
    "rotation": "Lượt triển khai",
    "number": "Số hiệu",
    "doc_type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "subject": "Trích yếu",
    "stated_by": "Bên nêu",
    "stated_in": "Nêu trong",
}
REGION = {
    "title": "h1",
    "id": "editor",
    "title_en": "intro",
    "summary": "intro",
    "search_aliases": "intro",
    "not_in_sources": "intro",
    "figures": "section:Số liệu",
    "evidence": "section:Bằng chứng",
    "related": "section:Bản ghi liên quan",
    "editor_note": "section:Ghi chú biên tập",
    "references": "section:Tài liệu tham khảo",
} | {field: f"row:{label}" for field, label in ROW.items()}


def shown_values(kb: KnowledgeBase, entry: RecordEntry) -> dict[str, list[str]]:
    """For every field a record sets, the text a reader must find in that field's place."""
    record = entry.record
    names = lambda ids: [kb.entities[i].entity.name for i in ids]  # noqa: E731
    expected: dict[str, list[str]] = {}
    for field in record.model_fields_set:
        value = getattr(record, field)
        if field == "id":
            expected[field] = [record.id]
        elif field in ("entities", "mentioned", "hosts", "parties", "stated_by"):
            expected[field] = names(value)
        elif field in ("organiser", "host_country", "place", "issuer"):
            expected[field] = names([value]) if value else []
        elif field == "themes":
            expected[field] = [kb.themes[t].title for t in value]
        elif field == "related":
            expected[field] = [kb.records[r].record.title for r in value]
        elif field == "date":
            expected[field] = [format_date(value)] if value else []
        elif field == "date_unspecified_year":
            expected[field] = [f"ngày {int(value[8:10])}/{int(value[5:7])}, không rõ năm"]
        elif field == "not_in_sources":
            expected[field] = ["không có trong nguồn"]
        elif field in ("not_before", "not_after"):
            expected[field] = [collapse_whitespace(value.quote)] if not record.date else []
        elif field == "summary":
            expected[field] = [collapse_whitespace(value.replace("*", "").replace("_", ""))[:60]]
        elif field == "evidence":
            expected[field] = [collapse_whitespace(e.quote) for e in value]
        elif field == "figures":
            expected[field] = [collapse_whitespace(f.as_stated) for f in value]
        elif field == "references":
            expected[field] = [
                collapse_whitespace(part) for ref in value for part in (ref.publisher, ref.title)
            ]
        elif field == "personnel":
            expected[field] = [value.unit] if value else []
        elif field == "rotation":
            expected[field] = (
                [format_ordinal(value.value), collapse_whitespace(value.as_stated)] if value else []
            )
        elif field == "edition":
            expected[field] = [record.edition_as_stated or str(value)] if value else []
        elif isinstance(value, Vocabulary):
            expected[field] = [value.label]
        elif isinstance(value, list):
            expected[field] = [collapse_whitespace(v) for v in value]
        elif isinstance(value, str):
            expected[field] = [collapse_whitespace(value)]
        else:
            raise AssertionError(f"no check for field {field!r}: add one to shown_values")
    return expected


def test_every_record_has_one_page_showing_every_field(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    assert kb.records, "the dataset has no records"
    missing = []
    for entry in kb.records.values():
        page = html_page(site, entry)
        assert page.exists(), f"no page for {entry.id}"
        regions = page_regions(page)
        for field, values in shown_values(kb, entry).items():
            place = regions.get(REGION[field], "")
            missing.extend(f"{entry.id}.{field} in {REGION[field]}: {v!r}" for v in values if v not in place)
    assert not missing, "\n".join(missing[:30])


def test_evidence_links_to_the_paragraph_of_its_quote(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    entry = kb.records["hiep-dinh-fpa-viet-nam-eu"]
    page = html_page(site, entry).read_text(encoding="utf-8")
    assert "17/10/2019" in article_text(html_page(site, entry))
    for citation in entry.citations:
        href = f"../../nguon/{citation.source.id}/#p{citation.paragraph.n}"
        assert f'href="{href}"' in page
        source_html = html_page(site, kb.sources[citation.source.id]).read_text(encoding="utf-8")
        paragraph = re.search(rf'<p[^>]*id="p{citation.paragraph.n}"[^>]*>(.*?)</p>', source_html, re.S)
        assert paragraph, f"no paragraph anchor p{citation.paragraph.n}"
        assert collapse_whitespace(citation.quote) in collapse_whitespace(html.unescape(paragraph.group(1)))


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "minimal", data)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    (data / "events" / "bad.yml").write_text("id: bad\n\ttitle: x\n", encoding="utf-8")
    result = run_cli("--data", str(data), "build", "--site", str(site))
    assert result.returncode == 1
    assert "bad.yml:2:1: ký tự tab" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_a_mkdocs_warning_fails_the_build(tmp_path: Path) -> None:
    """`mkdocs build --strict` must really be strict: a broken link stops the build."""
    root = copy_site_config(REPO_ROOT, tmp_path / "repo")
    (root / "docs" / "trang-loi.md").write_text("# Trang\n\n[liên kết hỏng](khong-co.md)\n", encoding="utf-8")
    site = root / "site"
    with pytest.raises(SystemExit) as stopped:
        build_site(root, REPO_ROOT / "tests" / "fixtures" / "minimal", site)
    assert stopped.value.code == 1
    assert not site.exists()


def test_every_figure_reads_as_words_with_spaces(built_site: tuple[KnowledgeBase, Path]) -> None:
    """ "hơn 1.100 lượt quân nhân", never "hơn1.100": every figure of every record, as the
    reader sees it on the record's page (numbers grouped the Vietnamese way)."""
    kb, site = built_site
    checked = 0
    for entry in kb.records.values():
        record = entry.record
        figures = [*record.figures, *([record.personnel] if getattr(record, "personnel", None) else [])]
        if not figures:
            continue
        text = html.unescape(article_text(html_page(site, entry)))
        for figure in figures:
            words = [figure.qualifier.label, f"{figure.value:,}".replace(",", "."), figure.unit]
            expected = " ".join(word for word in words if word)
            assert expected in text, f"{entry.id}: “{expected}” not shown"
            checked += 1
        assert not re.search(r"(hơn|khoảng|ít nhất)\d", text), entry.id
    assert checked >= 10
