"""References hold what they claim (rules/references.py): each rule's message, with its
file, line and column, on the minimal dataset's resolution and its made-up reference."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import Dataset
from test_references import RESOLUTION, SECOND

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
    ],
)
def test_reference_rules(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    if "bao-khac" in new:
        dataset.write(RESOLUTION, dataset.read(RESOLUTION) + SECOND)
    dataset.edit(path, old, new)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert expected in outcome.lines, "\n".join(outcome.lines)
