"""References (schema/reference.py, reference_rules.py, render/provenance.py): a value from
outside the articles names where it comes from, the validator holds references to it, and
every page that shows the value marks it. The minimal dataset's resolution carries a
made-up reference (Báo Ví Dụ, example.org), never a real one."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import markdown
import pytest

from conftest import Dataset
from defence_kb.build import load_knowledge_base
from defence_kb.export import export_files
from defence_kb.index import render_search_documents
from defence_kb.metadata import record_json_ld
from defence_kb.render import render_site
from defence_kb.render.citations import Citations

RESOLUTION = "resolutions/nghi-quyet-22.yml"
PAGE = "van-kien/nghi-quyet-22.md"
MARK = (
    '10/04/2013 <small class="kb-provenance kb-reference-mark">(theo tài liệu tham khảo: '
    "[Báo Ví Dụ, 12/04/2013](#tai-lieu-bao-vi-du-nghi-quyet-22))</small>"
)
SECOND = """  - id: bao-khac
    url: https://example.org/bao-khac/nghi-quyet-22
    title: Trang bịa ra thứ hai
    publisher: Báo Khác
    published: không rõ
    accessed: 2026-12-02
    supports:
      date: 2013-04-11
"""


def pages(dataset: Dataset) -> dict[str, str]:
    return render_site(load_knowledge_base(dataset.root.parent, dataset.root))


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables", "md_in_html"])


def test_a_value_from_a_reference_is_marked_and_linked_to_it(dataset: Dataset) -> None:
    page = pages(dataset)[PAGE]
    assert f"| Thời gian | {MARK} |" in page
    html = html_of(page)
    assert 'href="#tai-lieu-bao-vi-du-nghi-quyet-22"' in html
    assert (
        '<p class="kb-reference" id="tai-lieu-bao-vi-du-nghi-quyet-22">Báo Ví Dụ, “Trang bịa ra để kiểm thử”'
        in html
    )
    assert "Dựa vào tài liệu này: thời gian 10/04/2013." in html
    # distinct from the verbatim evidence: the reference is not listed as a quote
    evidence = page.split("## Bằng chứng", 1)[1].split("##", 1)[0]
    assert "Báo Ví Dụ" not in evidence


def test_without_its_reference_the_value_loses_its_mark(dataset: Dataset) -> None:
    text = dataset.read(RESOLUTION)
    dataset.write(RESOLUTION, text.split("references:")[0])
    page = pages(dataset)[PAGE]
    assert "theo tài liệu tham khảo" not in page and "## Tài liệu tham khảo" not in page


def test_references_that_disagree_are_both_kept_and_the_page_says_so(dataset: Dataset) -> None:
    dataset.write(RESOLUTION, dataset.read(RESOLUTION) + SECOND)
    assert dataset.run("validate").code == 0
    page = pages(dataset)[PAGE]
    assert "tài liệu khác nêu khác, xem mục Tài liệu tham khảo" in page
    assert (
        "**Các tài liệu tham khảo nêu khác nhau về thời gian.** Trang ghi 10/04/2013; "
        "Báo Khác, không rõ ngày đăng nêu 11/04/2013." in page
    )
    assert "Báo Khác, “Trang bịa ra thứ hai”, không rõ ngày đăng" in page


def test_editor_knowledge_is_marked_on_the_entity_page(dataset: Dataset) -> None:
    page = pages(dataset)["doi-tac/viet-nam.md"]
    assert (
        '| Mã ISO 3166-1 | VN <small class="kb-provenance">(do biên tập viên ghi, không có trong nguồn)</small> |'
        in page
    )


NEXT_YEAR = (dt.date.today() + dt.timedelta(days=366)).isoformat()


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            RESOLUTION,
            "url: https://example.org/bao-vi-du/nghi-quyet-22",
            "url: http://example.org/bao-vi-du/nghi-quyet-22",
            "data/resolutions/nghi-quyet-22.yml:17:10: “references[1].url”: địa chỉ “http://example.org/bao-vi-du/nghi-quyet-22” phải là một URL đầy đủ bắt đầu bằng https:// (không khoảng trắng); mở trang và chép địa chỉ từ thanh địa chỉ",
            id="https-only",
        ),
        pytest.param(
            RESOLUTION,
            "    publisher: Báo Ví Dụ\n",
            "",
            "data/resolutions/nghi-quyet-22.yml:16:5: thiếu trường bắt buộc “publisher”",
            id="publisher-required",
        ),
        pytest.param(
            RESOLUTION,
            "published: 2013-04-12",
            "published: đầu năm 2013",
            "data/resolutions/nghi-quyet-22.yml:20:16: “references[1].published”: ngày “đầu năm 2013” không đúng dạng: viết YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2019, 2019-10 hoặc 2019-10-17)",
            id="published-date-or-unknown",
        ),
        pytest.param(
            RESOLUTION,
            "accessed: 2026-12-01",
            f"accessed: {NEXT_YEAR}",
            f"data/resolutions/nghi-quyet-22.yml:21:15: “references[1].accessed”: ngày truy cập {NEXT_YEAR} ở trong tương lai: ghi ngày bạn đã mở trang (YYYY-MM-DD)",
            id="accessed-not-in-future",
        ),
        pytest.param(
            RESOLUTION,
            "      date: 2013-04-10",
            "      ngay: 2013-04-10",
            "data/resolutions/nghi-quyet-22.yml:23:7: tài liệu “bao-vi-du-nghi-quyet-22” hỗ trợ “ngay”, nhưng đó không phải trường một tài liệu có thể hỗ trợ: ghi tên một trường của tệp (ví dụ date, location)",
            id="supports-unknown-field",
        ),
        pytest.param(
            RESOLUTION,
            "      date: 2013-04-10",
            "      date: 2013-04-10\n      location: Hà Nội",
            "data/resolutions/nghi-quyet-22.yml:24:7: tài liệu “bao-vi-du-nghi-quyet-22” hỗ trợ “location”, nhưng tệp không có trường này: ghi “location: Hà Nội” vào tệp, hoặc xóa “location” khỏi supports",
            id="supports-field-the-file-lacks",
        ),
        pytest.param(
            RESOLUTION,
            "      date: 2013-04-10",
            "      date: 10/04/2013",
            "data/resolutions/nghi-quyet-22.yml:23:13: giá trị “10/04/2013” mà tài liệu “bao-vi-du-nghi-quyet-22” nêu cho “date” không hợp lệ: ngày “10/04/2013” không đúng dạng: viết YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2019, 2019-10 hoặc 2019-10-17); ghi giá trị đúng kiểu của trường “date”",
            id="supports-value-of-the-wrong-type",
        ),
        pytest.param(
            RESOLUTION,
            "date: 2013-04-10\nnumber",
            "date: 2013-04-11\nnumber",
            "data/resolutions/nghi-quyet-22.yml:4:7: “date” = 2013-04-11 không khớp tài liệu tham khảo nào (“bao-vi-du-nghi-quyet-22” nêu 2013-04-10): ghi giá trị một tài liệu nêu, hoặc xóa “date” khỏi supports",
            id="value-no-reference-gives",
        ),
        pytest.param(
            RESOLUTION,
            "      date: 2013-04-10",
            "      date: 2023-01-05",
            "data/resolutions/nghi-quyet-22.yml:23:13: ngày 2023-01-05 mà tài liệu tham khảo “bao-vi-du-nghi-quyet-22” (Báo Ví Dụ) nêu muộn hơn ngày đăng 27/12/2022 của nguồn “nguon-a” (bài viết không nói về việc xảy ra sau ngày đăng); kiểm tra lại tài liệu: mốc của bài nguồn được giữ, tài liệu trái với nó không dùng được",
            id="reference-date-after-the-source",
        ),
        pytest.param(
            RESOLUTION,
            "  - id: bao-vi-du-nghi-quyet-22",
            "  - id: bao-khac",
            "data/resolutions/nghi-quyet-22.yml:25:9: mã tài liệu tham khảo “bao-khac” đã dùng trong tệp này; mỗi tài liệu một mã",
            id="ids-unique-in-the-file",
        ),
        pytest.param(
            "entities/viet-nam.yml",
            "not_in_sources:\n  - iso_code\n",
            "",
            "data/entities/viet-nam.yml:3:1: mã ISO do biên tập viên ghi, không có trong nguồn: ghi “not_in_sources: [iso_code]” để trang ghi rõ, hoặc thêm tài liệu tham khảo hỗ trợ “iso_code”",
            id="editor-knowledge-marked",
        ),
    ],
)
def test_reference_rules(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    if "bao-khac" in new:
        dataset.write(RESOLUTION, dataset.read(RESOLUTION) + SECOND)
    dataset.edit(path, old, new)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert expected in outcome.lines, "\n".join(outcome.lines)


def test_exports_carry_the_reference_and_the_basis_of_the_date(dataset: Dataset) -> None:
    kb = load_knowledge_base(dataset.root.parent, dataset.root)
    files = export_files(kb)
    everything = json.loads(files["du-lieu/defence-kb.json"])
    resolution = everything["records"]["resolutions"][0]
    assert resolution["references"][0]["supports"] == {"date": "2013-04-10"}
    assert everything["time"]["nghi-quyet-22"] | {} == {
        "edtf": "2013-04-10",
        "vi": "10/04/2013",
        "not_after": {"date": "2022-12-27", "source": "nguon-a", "basis": "ngày đăng bài"},
        "basis": "theo tài liệu tham khảo: Báo Ví Dụ, 12/04/2013",
        "references": ["bao-vi-du-nghi-quyet-22"],
    }
    rows = list(csv.DictReader(io.StringIO(files["du-lieu/resolutions.csv"].decode("utf-8-sig"))))
    assert rows[0]["time_edtf"] == "2013-04-10"
    assert rows[0]["time_basis"] == "theo tài liệu tham khảo: Báo Ví Dụ, 12/04/2013"
    assert json.loads(rows[0]["references"])[0]["url"] == "https://example.org/bao-vi-du/nghi-quyet-22"


def test_json_ld_and_citation_files_name_the_reference(dataset: Dataset) -> None:
    kb = load_knowledge_base(dataset.root.parent, dataset.root)
    entry = kb.records["nghi-quyet-22"]
    data = record_json_ld(kb, entry, "https://example.invalid/van-kien/nghi-quyet-22/")
    assert data["citation"] == [
        {
            "@type": "WebPage",
            "name": "Trang bịa ra để kiểm thử",
            "url": "https://example.org/bao-vi-du/nghi-quyet-22",
            "publisher": {"@type": "Organization", "name": "Báo Ví Dụ"},
            "datePublished": "2013-04-12",
        }
    ]
    files = Citations(kb).files([entry])
    bibtex = files["trich-dan/van-kien/nghi-quyet-22.bib"].decode("utf-8")
    assert "@online{tai-lieu-nghi-quyet-22-bao-vi-du-nghi-quyet-22," in bibtex
    assert "urldate = {2026-12-01}" in bibtex
    ris = files["trich-dan/van-kien/nghi-quyet-22.ris"].decode("utf-8")
    assert "UR  - https://example.org/bao-vi-du/nghi-quyet-22" in ris
    page = pages(dataset)[PAGE]
    cite = page.split("## Trích dẫn", 1)[1]
    assert "Báo Ví Dụ (2013), “Trang bịa ra để kiểm thử”, ngày 12/04/2013" in cite


def test_search_results_and_lists_mark_a_date_from_a_reference(dataset: Dataset) -> None:
    kb = load_knowledge_base(dataset.root.parent, dataset.root)
    documents = render_search_documents(kb)
    resolution = documents["van-kien/nghi-quyet-22/index.html"]
    assert (
        '<span data-pagefind-meta="date">10/04/2013 (theo tài liệu tham khảo: Báo Ví Dụ, 12/04/2013)</span>'
        in resolution
    )
    assert "Báo Ví Dụ Trang bịa ra để kiểm thử" in resolution
    listing = pages(dataset)["van-kien/index.md"]
    assert 'markdown="span">10/04/2013 (theo tài liệu tham khảo)</td>' in listing


COPY = """published_copies:
  - url: https://example.org/ban-dang-lai/bai-a
    publisher: Trang Ví Dụ
    title: Bài viết A
    accessed: 2026-12-03
    matched: cùng tiêu đề; đoạn 2–4 trùng từng chữ
"""


def test_a_source_page_links_every_place_its_text_is_published(dataset: Dataset) -> None:
    dataset.edit("sources/nguon-a.yml", "capture_file:", COPY + "capture_file:")
    assert dataset.run("validate").code == 0
    page = pages(dataset)["nguon/nguon-a.md"]
    assert "| Địa chỉ gốc | Không rõ (bản chụp không ghi địa chỉ) |" in page
    assert (
        "- Trang Ví Dụ, “Bài viết A”: [https://example.org/ban-dang-lai/bai-a](https://example.org/ban-dang-lai/bai-a)"
        " (truy cập ngày 03/12/2026). Cách đối chiếu: cùng tiêu đề; đoạn 2–4 trùng từng chữ" in page
    )
    assert "không cho biết ai đăng trước" in page
