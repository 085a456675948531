"""Each validator rule, on a bad copy of the minimal dataset: exact file, line, message."""

from __future__ import annotations

import pytest

from conftest import Dataset

FPA = "agreements/hiep-dinh-fpa.yml"
MISSION = "missions/quan-nhan-tu-2014.yml"
EVENT = "events/giao-luu-lan-thu-9.yml"


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            FPA,
            "summary: Việt Nam và EU ký *Hiệp định FPA*.\n",
            "",
            "data/agreements/hiep-dinh-fpa.yml:1:1: thiếu trường bắt buộc “summary”",
            id="missing-field",
        ),
        pytest.param(
            FPA,
            "summary:",
            "sumary:",
            "data/agreements/hiep-dinh-fpa.yml:3:1: trường “sumary” không có trong mô hình dữ liệu; có phải ý bạn là “summary”?",
            id="typo-field",
        ),
        pytest.param(
            FPA,
            "location: Brúc-xen",
            "location:\n  - Brúc-xen",
            "data/agreements/hiep-dinh-fpa.yml:10:3: “location” phải là văn bản, không phải một danh sách",
            id="wrong-type",
        ),
        pytest.param(
            FPA,
            "kind: agreement",
            "kind: treaty",
            "data/agreements/hiep-dinh-fpa.yml:5:7: “kind” không nhận giá trị “treaty”; chọn một trong: agreement (Hiệp định), framework_agreement (Thỏa thuận khung), memorandum (Bản ghi nhớ), joint_statement (Tuyên bố chung), vision_statement (Tuyên bố tầm nhìn chung), concept_paper (Tài liệu khái niệm), protocol (Nghị định thư), cooperation_plan (Chương trình, kế hoạch hợp tác), other (Văn kiện khác)",
            id="bad-enum",
        ),
        pytest.param(
            FPA,
            "  - chu-de-a",
            "  - Chủ đề A",
            "data/agreements/hiep-dinh-fpa.yml:11:5: “themes[1]” = “Chủ đề A” không phải mã hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”",
            id="bad-slug",
        ),
        pytest.param(
            FPA,
            "themes:\n  - chu-de-a\n",
            "themes: []\n",
            "data/agreements/hiep-dinh-fpa.yml:10:9: “themes” cần ít nhất 1 mục",
            id="empty-themes",
        ),
        pytest.param(
            FPA,
            "id: hiep-dinh-fpa",
            "id: hiep-dinh-khac",
            "data/agreements/hiep-dinh-fpa.yml:1:5: mã “hiep-dinh-khac” khác tên tệp “hiep-dinh-fpa.yml”: đặt tên tệp là hiep-dinh-khac.yml hoặc sửa id thành “hiep-dinh-fpa”",
            id="id-not-filename",
        ),
        pytest.param(
            FPA,
            "date: 2019-10-17",
            "date: 2019-02-30",
            "data/agreements/hiep-dinh-fpa.yml:4:7: “date”: ngày “2019-02-30” không có thật trên lịch: tháng 2/2019 không có ngày 30",
            id="impossible-date",
        ),
        pytest.param(
            FPA,
            "date: 2019-10-17",
            "date: 17/10/2019",
            "data/agreements/hiep-dinh-fpa.yml:4:7: “date”: ngày “17/10/2019” không đúng dạng: viết YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2019, 2019-10 hoặc 2019-10-17)",
            id="date-format",
        ),
        pytest.param(
            FPA,
            "date: 2019-10-17",
            "date: 2019-13",
            "data/agreements/hiep-dinh-fpa.yml:4:7: “date”: ngày “2019-13”: tháng 13 không có thật (tháng từ 01 đến 12)",
            id="month-13",
        ),
        pytest.param(
            FPA,
            "date: 2019-10-17",
            "date:\n  start: 2019-10-17\n  end: 2019-09-30",
            "data/agreements/hiep-dinh-fpa.yml:5:3: “date”: ngày kết thúc 2019-09-30 sớm hơn ngày bắt đầu 2019-10-17; kiểm tra lại hoặc đổi chỗ hai ngày",
            id="end-before-start",
        ),
        pytest.param(
            FPA,
            "date: 2019-10-17",
            "date: 2219-10-17",
            "data/agreements/hiep-dinh-fpa.yml:4:7: “date”: ngày “2219-10-17” ở quá xa trong tương lai; kiểm tra lại năm (kế hoạch, mục tiêu “đến năm …” không phải ngày của sự kiện)",
            id="far-future",
        ),
        pytest.param(
            FPA,
            "  - chu-de-a",
            "  - chu-de-b",
            "data/agreements/hiep-dinh-fpa.yml:11:5: không có chủ đề mã “chu-de-b”; có phải “chu-de-a”?",
            id="unknown-theme",
        ),
        pytest.param(
            FPA,
            "  - lien-minh-chau-au",
            "  - lien-minh-chau-a",
            "data/agreements/hiep-dinh-fpa.yml:8:5: không có đối tác mã “lien-minh-chau-a”; có phải “lien-minh-chau-au”?",
            id="unknown-entity",
        ),
        pytest.param(
            FPA,
            "  - quan-nhan-tu-2014",
            "  - quan-nhan-tu-2015",
            "data/agreements/hiep-dinh-fpa.yml:13:5: không có bản ghi mã “quan-nhan-tu-2015”; có phải “quan-nhan-tu-2014”?",
            id="unknown-related",
        ),
        pytest.param(
            FPA,
            "  - quan-nhan-tu-2014",
            "  - hiep-dinh-fpa",
            "data/agreements/hiep-dinh-fpa.yml:13:5: bản ghi không thể liên quan tới chính nó",
            id="self-related",
        ),
        pytest.param(
            FPA,
            "  - source: nguon-a",
            "  - source: nguon-b",
            "data/agreements/hiep-dinh-fpa.yml:15:13: không có nguồn mã “nguon-b”; có phải “nguon-a”?",
            id="unknown-source",
        ),
        pytest.param(
            MISSION,
            "organiser: lien-minh-chau-au",
            "organiser: eu",
            "data/missions/quan-nhan-tu-2014.yml:7:12: không có đối tác mã “eu”; thêm tệp data/entities/eu.yml nếu cần",
            id="unknown-organiser",
        ),
        pytest.param(
            FPA,
            "tại Brúc-xen.",
            "tại Bruxelles.",
            "data/agreements/hiep-dinh-fpa.yml:16:12: trích dẫn không có nguyên văn trong nguồn “nguon-a”; khớp với đoạn 2 đến “… EU đã ký Hiệp định FPA tại Br”, sau đó khác nguồn (nguồn không có “uxelles.…”)",
            id="quote-not-in-source",
        ),
        pytest.param(
            MISSION,
            "as_stated: trên 1.100 lượt quân nhân",
            "as_stated: trên 1.200 lượt quân nhân",
            "data/missions/quan-nhan-tu-2014.yml:13:14: số liệu “trên 1.200 lượt quân nhân” không có trong trích dẫn nào của bản ghi; trích thêm câu nêu số liệu vào evidence",
            id="figure-not-quoted",
        ),
        pytest.param(
            MISSION,
            "value: 1100",
            "value: 1.100",
            "data/missions/quan-nhan-tu-2014.yml:10:10: “personnel.value” phải là số nguyên (không dấu chấm, dấu phẩy), không phải “1.100”",
            id="number-with-dot",
        ),
        pytest.param(
            EVENT,
            "edition: 9",
            "edition: 0",
            "data/events/giao-luu-lan-thu-9.yml:5:10: “edition” phải lớn hơn hoặc bằng 1",
            id="edition-zero",
        ),
        pytest.param(
            EVENT,
            "  - biên giới",
            "  - biên giới\n  - biên giới",
            "data/events/giao-luu-lan-thu-9.yml:13:3: “tags”: “biên giới” được ghi hai lần; xóa một lần",
            id="repeated-tag",
        ),
        pytest.param(
            EVENT,
            "summary: Thượng tướng",
            "summary: TODO Thượng tướng",
            "data/events/giao-luu-lan-thu-9.yml:3:10: “summary” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
            id="placeholder",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "quote: Thượng tướng Đổng Quân",
            "quote: Đại tướng Đổng Quân",
            "data/entities/dong-quan.yml:7:12: trích dẫn không có nguyên văn trong nguồn “nguon-a”; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)",
            id="role-quote",
        ),
        pytest.param(
            "sources/nguon-a.yml",
            "  - n: 3",
            "  - n: 2",
            "data/sources/nguon-a.yml:9:3: “paragraphs”: số đoạn phải tăng dần và không lặp: đoạn 2 đứng sau đoạn 2",
            id="paragraph-numbers",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "name: Đổng Quân\n",
            "name: Đổng Quân\nsearch_aliases:\n  - Brúc-xen\n",
            "data/entities/dong-quan.yml:5:5: “Brúc-xen” có trong nguồn “nguon-a”, nên không phải tên ngoài nguồn: ghi vào aliases (đối tác) hoặc tiêu đề, tóm tắt (bản ghi), rồi xóa khỏi search_aliases",
            id="search-alias-in-a-source",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "name: Đổng Quân\n",
            "name: Đổng Quân\nsearch_aliases:\n  - Đổng Quân\n",
            "data/entities/dong-quan.yml:5:5: “Đổng Quân” đã là tên của bản ghi; xóa khỏi search_aliases",
            id="search-alias-is-the-name",
        ),
        pytest.param(
            FPA,
            "summary:",
            "search_aliases:\n  - Hiệp định khung\n  - Hiệp định khung\nsummary:",
            "data/agreements/hiep-dinh-fpa.yml:4:3: “search_aliases”: “Hiệp định khung” được ghi hai lần; xóa một lần",
            id="search-alias-twice",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    dataset.edit(path, old, new)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert expected in outcome.lines, "\n".join(outcome.lines)


def test_month_precise_end_may_contain_the_start(dataset: Dataset) -> None:
    """`end: 2019-10` reaches to 31 October, so a start of 17 October is not after it."""
    dataset.edit(FPA, "date: 2019-10-17", "date:\n  start: 2019-10-17\n  end: 2019-10")
    assert dataset.run("validate").code == 0


def test_quotes_ignore_only_white_space(dataset: Dataset) -> None:
    dataset.edit(
        FPA, "quote: Ngày 17/10/2019, Việt Nam", "quote: >-\n      Ngày   17/10/2019,\n      Việt Nam"
    )
    assert dataset.run("validate").code == 0
    dataset.edit(FPA, "Ngày   17/10/2019", "ngày   17/10/2019")
    assert dataset.run("validate").code == 1


def test_duplicate_ids_across_folders(dataset: Dataset) -> None:
    dataset.write(
        "events/hiep-dinh-fpa.yml",
        dataset.read(FPA)
        .replace("kind: agreement", "kind: meeting")
        .replace("parties:\n  - viet-nam\n  - lien-minh-chau-au\n", ""),
    )
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        "data/agreements/hiep-dinh-fpa.yml:1:5: mã bản ghi “hiep-dinh-fpa” đã dùng ở data/events/hiep-dinh-fpa.yml; "
        "mỗi bản ghi một mã riêng",
        "data/events/hiep-dinh-fpa.yml:1:5: mã bản ghi “hiep-dinh-fpa” cũng dùng ở data/agreements/hiep-dinh-fpa.yml; "
        "mỗi bản ghi một mã riêng",
    ]


def test_every_problem_in_a_folder_is_reported_in_one_run(dataset: Dataset) -> None:
    dataset.edit(FPA, "summary:", "sumary:")
    dataset.edit(FPA, "  - chu-de-a", "  - chu-de-b")
    dataset.edit(FPA, "tại Brúc-xen.", "tại Bruxelles.")
    dataset.edit(MISSION, "unit_type: mixed", "unit_type: navy")
    dataset.write("events/x.yml", "id: x\n\ttitle: a\n")
    dataset.write("events/y.yml", "id: y\ntitle: a\ntitle: b\n")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    files_and_lines = [line.split(": ", 1)[0] for line in outcome.lines]
    assert files_and_lines == [
        "data/agreements/hiep-dinh-fpa.yml:1:1",  # missing summary
        "data/agreements/hiep-dinh-fpa.yml:3:1",  # unknown field sumary
        "data/agreements/hiep-dinh-fpa.yml:11:5",  # unknown theme
        "data/agreements/hiep-dinh-fpa.yml:16:12",  # quote
        "data/events/x.yml:2:1",  # tab
        "data/events/y.yml:3:1",  # duplicate key
        "data/missions/quan-nhan-tu-2014.yml:8:12",  # enum
    ]
    assert outcome.err.rstrip().endswith("7 lỗi cần sửa.")


def test_a_search_alias_not_in_the_sources_is_valid(dataset: Dataset) -> None:
    dataset.edit(
        "entities/dong-quan.yml",
        "name: Đổng Quân\n",
        "name: Đổng Quân\nsearch_aliases:\n  - Bộ trưởng Đổng\n",
    )
    assert dataset.run("validate").code == 0


# ----------------------------------------------------------------------- time


BOUND = "not_before:\n  date: '2014'\n  source: nguon-a\n  quote: Kể từ năm 2014\n"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "date_note:",
            BOUND.replace("Kể từ năm 2014", "Từ năm 2015") + "date_note:",
            "data/events/giao-luu-lan-thu-9.yml:10:10: trích dẫn không có nguyên văn trong nguồn “nguon-a”; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)",
            id="bound-quote-not-in-source",
        ),
        pytest.param(
            "date_note:",
            BOUND + BOUND.replace("not_before", "not_after").replace("'2014'", "'2012'") + "date_note:",
            "data/events/giao-luu-lan-thu-9.yml:12:9: mốc “không muộn hơn” 2012 sớm hơn mốc “không sớm hơn” 2014",
            id="bounds-crossed",
        ),
        pytest.param(
            "date_note:",
            "date: '2010'\n" + BOUND + "date_note:",
            "data/events/giao-luu-lan-thu-9.yml:9:9: ngày 2010 sớm hơn mốc “không sớm hơn”",
            id="date-before-its-bound",
        ),
        pytest.param(
            "date_note:",
            "date: '2010'\ndate_unspecified_year: XXXX-09-28\ndate_note:",
            "data/events/giao-luu-lan-thu-9.yml:8:24: ghi “date” hoặc “date_unspecified_year”, không ghi cả hai",
            id="date-and-day-month",
        ),
        pytest.param(
            "date_note:",
            "date_unspecified_year: XXXX-02-30\ndate_note:",
            "data/events/giao-luu-lan-thu-9.yml:7:24: “date_unspecified_year”: “XXXX-02-30”: ngày 30/2 không có thật trên lịch",
            id="day-month-not-on-the-calendar",
        ),
    ],
)
def test_time_rule(dataset: Dataset, old: str, new: str, expected: str) -> None:
    dataset.edit(EVENT, old, new)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert expected in outcome.lines, "\n".join(outcome.lines)


def test_a_record_citing_only_undated_sources_needs_a_place_in_time(dataset: Dataset) -> None:
    dataset.edit("sources/nguon-a.yml", "published: 2022-12-27\n", "")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/events/giao-luu-lan-thu-9.yml:14:1: bản ghi “giao-luu-lan-thu-9” chưa có mốc thời gian nào: "
        "nguồn được trích không có ngày đăng; ghi “date”, hoặc “not_before”/“not_after” với câu nguồn nêu mốc "
        "(ví dụ giai đoạn mà bài viết tổng kết)"
    ) in outcome.lines, "\n".join(outcome.lines)
    dataset.edit(EVENT, "date_note:", BOUND + "date_note:")
    assert not [line for line in dataset.run("validate").lines if "giao-luu-lan-thu-9" in line]


def test_something_ongoing_that_an_undated_article_mentions_may_stay_undated_when_it_says_so(
    dataset: Dataset,
) -> None:
    """A programme or relationship an undated article only talks about has no date of its own:
    giving it the day it was discussed would be wrong. Its date_note says the time is unknown."""
    dataset.edit("sources/nguon-a.yml", "published: 2022-12-27\n", "")
    dataset.edit(EVENT, "date_note:", "status: ongoing\ndate_note:")
    assert not [line for line in dataset.run("validate").lines if "giao-luu-lan-thu-9" in line]
    dataset.edit(EVENT, "date_note: Chú thích ảnh không nêu ngày.\n", "")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert any("“giao-luu-lan-thu-9” chưa có mốc thời gian nào" in line for line in outcome.lines), "\n".join(
        outcome.lines
    )


# ------------------------------------------------------------------ provenance


def test_an_english_name_not_in_the_sources_must_be_marked(dataset: Dataset) -> None:
    dataset.edit("entities/dong-quan.yml", "name: Đổng Quân\n", "name: Đổng Quân\nname_en: Dong Jun\n")
    outcome = dataset.run("validate")
    assert (
        "data/entities/dong-quan.yml:4:10: tên tiếng Anh “Dong Jun” không có trong nguồn nào: ghi "
        "“not_in_sources: [name_en]” để trang ghi rõ là tên do biên tập viên dịch, hoặc xóa trường này"
    ) in outcome.lines, "\n".join(outcome.lines)
    dataset.edit(
        "entities/dong-quan.yml", "name_en: Dong Jun\n", "name_en: Dong Jun\nnot_in_sources: [name_en]\n"
    )
    assert dataset.run("validate").code == 0


def test_a_mark_on_a_name_the_sources_use_is_refused(dataset: Dataset) -> None:
    dataset.edit(
        "entities/dong-quan.yml",
        "name: Đổng Quân\n",
        "name: Đổng Quân\nname_en: FPA\nnot_in_sources: [name_en]\n",
    )
    outcome = dataset.run("validate")
    assert (
        "data/entities/dong-quan.yml:5:17: tên tiếng Anh “FPA” có trong nguồn: xóa “name_en” khỏi not_in_sources"
        in outcome.lines
    ), "\n".join(outcome.lines)


def test_english_writes_viet_nam(dataset: Dataset) -> None:
    dataset.edit(FPA, "title: Hiệp định FPA", "title: Hiệp định FPA\ntitle_en: Vietnam–EU FPA")
    outcome = dataset.run("validate")
    assert (
        "data/agreements/hiep-dinh-fpa.yml:3:11: viết “Viet Nam”, không viết “Vietnam”, trong tên tiếng Anh: “Vietnam–EU FPA”"
        in outcome.lines
    ), "\n".join(outcome.lines)


def test_an_alias_must_be_the_sources_own(dataset: Dataset) -> None:
    dataset.edit(
        "entities/dong-quan.yml", "name: Đổng Quân\n", "name: Đổng Quân\naliases:\n  - Bộ trưởng Đổng\n"
    )
    outcome = dataset.run("validate")
    assert (
        "data/entities/dong-quan.yml:5:5: tên khác “Bộ trưởng Đổng” không có trong nguồn nào: tên ngoài nguồn ghi vào search_aliases"
        in outcome.lines
    ), "\n".join(outcome.lines)


def test_a_themes_key_records_exist_and_belong_to_it(dataset: Dataset) -> None:
    """The summary box of a theme page names its key records: an editor's choice, checked."""
    dataset.edit(
        "themes.yml",
        "    intro: Giới thiệu chủ đề A.\n",
        "    intro: Giới thiệu chủ đề A.\n    key_records:\n      - hiep-dinh-fpa\n",
    )
    assert dataset.run("validate").code == 0
    dataset.edit("themes.yml", "      - hiep-dinh-fpa\n", "      - hiep-dinh-fpa\n      - hiep-dinh-fpb\n")
    dataset.write(
        "themes.yml",
        dataset.read("themes.yml")
        + "  - id: chu-de-b\n    title: Chủ đề B\n    intro: B.\n    key_records:\n      - hiep-dinh-fpa\n",
    )
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/themes.yml:7:9: không có bản ghi mã “hiep-dinh-fpb”; có phải “hiep-dinh-fpa”?" in outcome.lines
    ), outcome.lines
    assert "data/themes.yml:12:9: bản ghi “hiep-dinh-fpa” không thuộc chủ đề “chu-de-b”" in outcome.lines, (
        outcome.lines
    )
