"""Record text is data: whatever a pull request puts in YAML comes out as inert text."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import MINIMAL, REPO_ROOT, html_not_refused, latex_decoding
from defence_kb.build import build_site, copy_site_config
from defence_kb.text import collapse_whitespace

pytestmark = pytest.mark.build

# Each payload carries a marker; none may become markup, an attribute or a URL.
PAYLOADS = [
    '<script>alert("x1")</script>',
    "<img src=x onerror=\"alert('x2')\">",
    '"><svg onload=alert("x3")>',
    "[bấm vào x4](javascript:alert('x4'))",
    "![ảnh x5](https://evil.example/x5.png)",
    "<a href=\"javascript:alert('x6')\">x6</a>",
    "{{ config.site_name }} {% include 'x7' %}",
    '!!! danger "x8"',
    'Đoạn x9 { onclick="alert(9)" }',
    '<iframe src="https://evil.example/x10"></iframe>',
    "javascript:alert('x11')",
    "`x12` **x12** _x12_ ~~x12~~ ==x12==",
    "<!-- material/tags --> x13",
]
HOSTILE = " ".join(PAYLOADS)
SCHEMES = re.compile(r"^\s*(javascript|data|vbscript):", re.I)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def hostile_dataset(root: Path) -> Path:
    """The minimal dataset with the payloads in every text field editors can write."""
    data = root / "data"
    shutil.copytree(MINIMAL, data)
    source = data / "sources" / "nguon-a.yml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("label: Nguồn A", f"label: {_q('Nguồn A ' + HOSTILE)}")
    text = text.replace("title: Bài viết A", f"title: {_q(HOSTILE)}")
    text += f"  - n: 5\n    text: {_q('Đoạn có ' + HOSTILE)}\n"
    source.write_text(text, encoding="utf-8")
    (data / "themes.yml").write_text(
        f"themes:\n  - id: chu-de-a\n    title: {_q('Chủ đề ' + PAYLOADS[0])}\n    intro: {_q(HOSTILE)}\n",
        encoding="utf-8",
    )
    (data / "entities" / "viet-nam.yml").write_text(
        f"id: viet-nam\nkind: country\nname: {_q('Việt Nam ' + PAYLOADS[2])}\n"
        f"aliases: [{_q(PAYLOADS[5])}]\ndescription: {_q(HOSTILE)}\n",
        encoding="utf-8",
    )
    fpa = data / "agreements" / "hiep-dinh-fpa.yml"
    text = fpa.read_text(encoding="utf-8")
    text = text.replace("title: Hiệp định FPA", f"title: {_q('Hiệp định FPA ' + PAYLOADS[0] + PAYLOADS[2])}")
    text = text.replace("summary: Việt Nam và EU ký *Hiệp định FPA*.", f"summary: {_q(HOSTILE)}")
    text = text.replace("location: Brúc-xen", f"location: {_q(HOSTILE)}")
    text += (
        f"title_en: {_q(HOSTILE)}\ndate_note: {_q(HOSTILE)}\neditor_note: {_q(HOSTILE)}\n"
        f"signatories: [{_q(HOSTILE)}]\ntags: [{_q(PAYLOADS[0])}, {_q(PAYLOADS[3])}, {_q(PAYLOADS[12])}]\n"
        f"  - source: nguon-a\n    quote: {_q('Đoạn có ' + HOSTILE)}\n".replace("tags:", "tags:", 1)
    )
    # the extra evidence item must sit under `evidence:`; rebuild the file's tail
    text = text.replace(
        "evidence:\n  - source: nguon-a\n    quote: Ngày 17/10/2019, Việt Nam và EU đã ký Hiệp định FPA tại Brúc-xen.\n",
        "",
    )
    text = text.replace(
        f"  - source: nguon-a\n    quote: {_q('Đoạn có ' + HOSTILE)}\n",
        "evidence:\n  - source: nguon-a\n    quote: Ngày 17/10/2019, Việt Nam và EU đã ký Hiệp định FPA tại Brúc-xen.\n"
        f"  - source: nguon-a\n    quote: {_q('Đoạn có ' + HOSTILE)}\n",
    )
    fpa.write_text(text, encoding="utf-8")
    # the made-up reference of the resolution: its bibliographic data and note are text too
    resolution = data / "resolutions" / "nghi-quyet-22.yml"
    text = resolution.read_text(encoding="utf-8")
    text = text.replace("title: Trang bịa ra để kiểm thử", f"title: {_q(HOSTILE)}")
    text = text.replace("publisher: Báo Ví Dụ", f"publisher: {_q('Báo ' + HOSTILE)}")
    text = text.replace(
        "note: Tài liệu tham khảo bịa ra cho bộ dữ liệu kiểm thử, không có thật.", f"note: {_q(HOSTILE)}"
    )
    resolution.write_text(text, encoding="utf-8")
    return data


class _Audit(HTMLParser):
    """Collects everything in a page that could execute or load something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.script_text: list[str] = []
        self.json_ld: list[str] = []  # data, never run: checked apart
        self.in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed", "img"):
            self.findings.append(f"<{tag}> element")
        if tag == "script":
            self.in_script = dict(attrs).get("type") or "text/javascript"
            if self.in_script == "application/ld+json":
                self.json_ld.append("")
            source = dict(attrs).get("src") or ""
            if source and ("evil" in source or SCHEMES.match(source)):
                self.findings.append(f"script src {source}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and (
                SCHEMES.match(value) or "evil.example" in value
            ):
                self.findings.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = None

    def handle_data(self, data: str) -> None:
        if self.in_script == "application/ld+json":
            self.json_ld[-1] += data
        elif self.in_script:
            self.script_text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile dataset built as if the validator let HTML through: the validator is the
    first line of defence, escaping in every output the second, tested here on its own."""
    root = copy_site_config(REPO_ROOT, tmp_path_factory.mktemp("hostile"))
    data = hostile_dataset(root)
    site = root / "site"
    with html_not_refused():
        build_site(root, data, site)
    return site


def test_hostile_dataset_is_valid_data_but_for_its_html(tmp_path: Path) -> None:
    """Apart from its HTML, the payloads are legal text that must be published, and published
    inert; the HTML itself is refused by the validator, in every field that holds some."""
    from defence_kb.load import load_dataset
    from defence_kb.validate import validate_dataset

    data = hostile_dataset(tmp_path)
    with html_not_refused():
        assert [p.format() for p in validate_dataset(load_dataset(data)).problems] == []
    problems = [p.format() for p in validate_dataset(load_dataset(data)).problems]
    refused = {
        (line.split(":", 1)[0], re.search(r"“([^”]+)” có thẻ HTML “(<[^”]+)”", line).groups())
        for line in problems
    }
    assert len(refused) == len(problems)  # nothing but the HTML
    fpa = str(data / "agreements" / "hiep-dinh-fpa.yml")
    for name in ("title", "summary", "location", "title_en", "date_note", "editor_note", "signatories[1]"):
        assert any(path == fpa and field == name for path, (field, _) in refused), name
    assert (fpa, ("tags[1]", "<script>")) in refused and (fpa, ("tags[3]", "<!--")) in refused
    assert (fpa, ("evidence[2].quote", "<script>")) in refused
    files = {Path(path).name for path, _ in refused}
    assert files == {"hiep-dinh-fpa.yml", "nghi-quyet-22.yml", "viet-nam.yml", "themes.yml", "nguon-a.yml"}


def test_no_markup_attribute_or_url_comes_from_record_text(hostile_site: Path) -> None:
    findings = []
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        findings += [f"{page.relative_to(hostile_site)}: {f}" for f in audit.findings]
        scripts = " ".join(audit.script_text)
        findings += [
            f"{page.relative_to(hostile_site)}: script text with {m}"
            for m in ("alert(", "x1")
            if m in scripts
        ]
    assert findings == []


def test_payloads_are_shown_as_typed(hostile_site: Path) -> None:
    page = (hostile_site / "thoa-thuan" / "hiep-dinh-fpa" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    text = collapse_whitespace(html.unescape(re.sub(r"<[^>]+>", " ", article)))
    for payload in PAYLOADS:
        assert collapse_whitespace(payload) in text, payload


def test_no_template_syntax_was_evaluated(hostile_site: Path) -> None:
    page = (hostile_site / "thoa-thuan" / "hiep-dinh-fpa" / "index.html").read_text(encoding="utf-8")
    assert "{{ config.site_name }}" in html.unescape(page)
    assert 'class="admonition danger"' not in page
    assert "<del>" not in page and "<mark>" not in page


def test_tag_and_title_with_markup_stay_text(hostile_site: Path) -> None:
    tags = (hostile_site / "nhan" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in tags
    record = (hostile_site / "thoa-thuan" / "hiep-dinh-fpa" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", record, re.S).group(1)
    assert "<" not in title.replace("&lt;", "")


def test_search_documents_escape_record_text(tmp_path: Path) -> None:
    from defence_kb.build import load_knowledge_base
    from defence_kb.index import render_search_documents

    data = hostile_dataset(tmp_path)
    with html_not_refused():
        documents = render_search_documents(load_knowledge_base(tmp_path, data))
    for path, document in documents.items():
        audit = _Audit()
        audit.feed(document)
        assert audit.findings == [], path
        assert "<script>alert" not in document, path


def test_structured_data_carries_record_text_as_json_strings(hostile_site: Path) -> None:
    """JSON-LD holds the record's text, so it must stay one parseable JSON value whose
    strings are exactly what the editor typed, and never close its script element."""
    record = (hostile_site / "thoa-thuan" / "hiep-dinh-fpa" / "index.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(record)
    assert len(audit.json_ld) == 1
    assert "<" not in audit.json_ld[0]
    data = json.loads(audit.json_ld[0])
    assert data["name"] == "Hiệp định FPA " + PAYLOADS[0] + PAYLOADS[2]
    assert PAYLOADS[1] in data["description"] or data["description"].endswith("…")


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name"):
            self.meta[str(found["name"])] = str(found.get("content"))


def test_citation_meta_tags_and_files_carry_record_text_as_typed(hostile_site: Path) -> None:
    """Cite this: the Highwire and Dublin Core tags hold the title as an attribute value,
    exactly as typed, and the BibTeX file of the record still parses."""
    import bibtexparser

    title = "Hiệp định FPA " + PAYLOADS[0] + PAYLOADS[2]
    parsed = _Meta()
    parsed.feed((hostile_site / "thoa-thuan" / "hiep-dinh-fpa" / "index.html").read_text(encoding="utf-8"))
    assert parsed.meta["citation_title"] == title and parsed.meta["DC.title"] == title
    theme = _Meta()
    theme.feed((hostile_site / "chu-de" / "chu-de-a" / "index.html").read_text(encoding="utf-8"))
    assert theme.meta["citation_title"] == "Chủ đề " + PAYLOADS[0]
    bib = (hostile_site / "trich-dan" / "thoa-thuan" / "hiep-dinh-fpa.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(bib, append_middleware=[latex_decoding()])
    assert library.failed_blocks == []
    assert library.entries[0]["title"] == title
    csl = json.loads((hostile_site / "trich-dan" / "thoa-thuan" / "hiep-dinh-fpa.json").read_text())
    assert csl[0]["title"] == title


class _Links(HTMLParser):
    """Each link's address and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append((str(dict(attrs).get("href") or ""), ""))
            self.inside = True

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "a"

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.links[-1] = (self.links[-1][0], self.links[-1][1] + data)


@pytest.fixture(scope="module")
def hostile_files_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal dataset with tests/bad_inputs/hostile/ added, built."""
    from conftest import hostile_data

    root = copy_site_config(REPO_ROOT, tmp_path_factory.mktemp("hostile-files"))
    site = root / "site"
    build_site(root, hostile_data(root), site)
    return site


def test_a_source_address_with_quotes_and_brackets_is_linked_whole(hostile_files_site: Path) -> None:
    """The address of tests/bad_inputs/hostile/sources/nguon-url.yml holds ' " < > ( ): every
    link to it (the source page, the list of sources, the licence page, the citations) takes
    the whole address, percent-encoded, and shows it as typed."""
    typed = "https://example.org/bai-viet?ten='a'&b=\"c\"<d>&e=(f)"
    encoded = "https://example.org/bai-viet?ten=%27a%27&b=%22c%22%3Cd%3E&e=%28f%29"
    hrefs = {}
    for page in sorted(hostile_files_site.rglob("*.html")):
        links = _Links()
        links.feed(page.read_text(encoding="utf-8"))
        found = [link for link in links.links if "example.org/bai-viet" in link[0]]
        if found:
            hrefs[str(page.relative_to(hostile_files_site))] = found
    assert {"nguon/nguon-url/index.html", "gioi-thieu/index.html"} <= hrefs.keys(), hrefs
    assert {link for found in hrefs.values() for link in found} == {(encoded, typed)}, hrefs
