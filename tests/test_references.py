"""References (schema/reference.py, reference_rules.py, render/provenance.py): a value from
outside the articles names where it comes from, the validator holds references to it, and
every page that shows the value marks it. The minimal dataset's resolution carries a
made-up reference (Báo Ví Dụ, example.org), never a real one."""

from __future__ import annotations

import csv
import io
import json

import markdown

from conftest import Dataset
from defence_kb.build import load_knowledge_base
from defence_kb.export import export_files
from defence_kb.index import render_search_documents
from defence_kb.metadata import record_json_ld
from defence_kb.outputs import Inputs, page_jobs
from defence_kb.render import make_environment, render_page
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
    """Every page but the "Dữ liệu" page, rendered from the dataset."""
    kb = load_knowledge_base(dataset.root.parent, dataset.root)
    env = make_environment(kb)
    return {job.path: render_page(env, job) for job in page_jobs(Inputs(kb))}


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


def test_a_day_and_month_from_a_reference_is_marked_on_the_page_in_lists_and_exports(
    dataset: Dataset,
) -> None:
    """A page that gives the day and month but no year supports `date_unspecified_year`:
    that time is marked wherever it shows, as a full date is."""
    text = dataset.read(RESOLUTION)
    text = text.replace("date: 2013-04-10\n", "date_unspecified_year: XXXX-04-10\n")
    dataset.write(
        RESOLUTION, text.replace("      date: 2013-04-10", "      date_unspecified_year: XXXX-04-10")
    )
    assert dataset.run("validate").code == 0
    rendered = pages(dataset)
    row = next(line for line in rendered[PAGE].splitlines() if line.startswith("| Thời gian"))
    assert "ngày 10/4, không rõ năm" in row and "theo tài liệu tham khảo: [Báo Ví Dụ, 12/04/2013]" in row, row
    listing = rendered["van-kien/index.md"]
    assert (
        "ngày 10/4, không rõ năm; không muộn hơn 27/12/2022 (ngày đăng bài) (theo tài liệu tham khảo)"
        in listing
    )
    kb = load_knowledge_base(dataset.root.parent, dataset.root)
    exported = json.loads(export_files(kb)["du-lieu/defence-kb.json"])
    time = exported["time"]["nghi-quyet-22"]
    assert time["basis"].startswith("theo tài liệu tham khảo: Báo Ví Dụ"), time


def test_the_answers_page_marks_a_date_that_rests_on_a_reference(dataset: Dataset) -> None:
    """Hỏi nhanh shows records' times in its tables: a referenced date is marked there too."""
    dataset.write(
        "themes.yml",
        dataset.read("themes.yml")
        + "  - id: van-kien-chinh-sach\n    title: Văn kiện\n    intro: Giới thiệu văn kiện.\n",
    )
    dataset.edit(RESOLUTION, "  - chu-de-a", "  - chu-de-a\n  - van-kien-chinh-sach")
    assert dataset.run("validate").code == 0
    answers = pages(dataset)["hoi-nhanh.md"]
    assert "10/04/2013" in answers
    assert "10/04/2013 (theo tài liệu tham khảo)" in answers
    assert "10/04/2013 |" not in answers


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
        "{ .kb-url } (truy cập ngày 03/12/2026). Cách đối chiếu: cùng tiêu đề; đoạn 2–4 trùng từng chữ"
        in page
    )
    assert "không cho biết ai đăng trước" in page


def test_a_copy_served_over_http_is_linked_and_said_to_be_unencrypted(dataset: Dataset) -> None:
    """Some official sites serve http only: a copy says where the text is, so it is kept,
    and the reader is told the page is not encrypted. A reference stays https only."""
    dataset.edit(
        "sources/nguon-a.yml",
        "capture_file:",
        COPY.replace("https://example.org", "http://example.org") + "capture_file:",
    )
    assert dataset.run("validate").code == 0
    page = pages(dataset)["nguon/nguon-a.md"]
    assert (
        "[http://example.org/ban-dang-lai/bai-a](http://example.org/ban-dang-lai/bai-a){ .kb-url }"
        " (trang chỉ có địa chỉ http://, không mã hóa) (truy cập ngày 03/12/2026)" in page
    )


def test_coordinates_an_editor_wrote_are_marked_in_the_table_and_the_map_caption(dataset: Dataset) -> None:
    dataset.write(
        "entities/abyei.yml",
        "id: abyei\nkind: place\nname: Abyei\nnot_in_sources: [coordinates]\ncoordinates:\n  lon: 28.44\n  lat: 9.6\n",
    )
    dataset.edit("missions/quan-nhan-tu-2014.yml", "unit_type: mixed", "unit_type: mixed\nplace: abyei")
    page = pages(dataset)["doi-tac/abyei.md"]
    assert (
        '| Vị trí trên bản đồ | vĩ độ 9.6, kinh độ 28.44 <small class="kb-provenance">'
        "(do biên tập viên ghi, không có trong nguồn)</small> |" in page
    )
    assert "Tọa độ dùng để đặt lên bản đồ do biên tập viên ghi, không có trong nguồn.</figcaption>" in page
    country = pages(dataset)["doi-tac/viet-nam.md"]
    assert "Mã ISO dùng để đặt lên bản đồ do biên tập viên ghi, không có trong nguồn.</figcaption>" in country


def test_an_entity_s_time_says_which_dates_rest_on_a_reference(dataset: Dataset) -> None:
    """The resolution's date rests on the made-up reference: the page of Viet Nam, which
    takes part in it and spans its records' dates, says so."""
    page = pages(dataset)["doi-tac/viet-nam.md"]
    row = next(line for line in page.splitlines() if line.startswith("| Thời gian"))
    assert "1 theo tài liệu tham khảo" in row, row
