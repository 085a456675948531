"""Validation's first step (validate/models.py, messages.py) and the whole run, on a bad copy
of the minimal dataset: exact file, line, message. Each rule of validate/rules/ has its own
test file, tests/test_validate_<rule>.py."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import EVENT, FPA, MISSION, reported_after


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
            "sources/nguon-a.yml",
            "  - n: 3",
            "  - n: 2",
            "data/sources/nguon-a.yml:9:3: “paragraphs”: số đoạn phải tăng dần và không lặp: đoạn 2 đứng sau đoạn 2",
            id="paragraph-numbers",
        ),
        pytest.param(
            FPA,
            "summary:",
            "search_aliases:\n  - Hiệp định khung\n  - Hiệp định khung\nsummary:",
            "data/agreements/hiep-dinh-fpa.yml:4:3: “search_aliases”: “Hiệp định khung” được ghi hai lần; xóa một lần",
            id="search-alias-twice",
        ),
        pytest.param(
            EVENT,
            "date_note:",
            "date_unspecified_year: XXXX-02-30\ndate_note:",
            "data/events/giao-luu-lan-thu-9.yml:7:24: “date_unspecified_year”: “XXXX-02-30”: ngày 30/2 không có thật trên lịch",
            id="day-month-not-on-the-calendar",
        ),
    ],
)
def test_model(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_month_precise_end_may_contain_the_start(dataset: Dataset) -> None:
    """`end: 2019-10` reaches to 31 October, so a start of 17 October is not after it."""
    dataset.edit(FPA, "date: 2019-10-17", "date:\n  start: 2019-10-17\n  end: 2019-10")
    assert dataset.run("validate").code == 0


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
