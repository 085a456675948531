"""No text holds a control character or a character that reorders text
(rules/control_characters.py): the hostile titles of tests/bad_inputs/ and every kind of
file, with a line break and a tab allowed only in running text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Dataset
from validate_cases import EVENT, reported_after

BAD_INPUTS = Path(__file__).parent / "bad_inputs"
CONTROL = "không hiển thị được và làm hỏng nguồn tin feed.xml: xóa ký tự này (trong ngoặc kép, kiểm tra các mã thoát như “\\x01”)"
REORDERS = "làm chữ hiện ngược hoặc sai thứ tự: xóa ký tự này"


@pytest.mark.parametrize("case", ["control-character", "bidi-override"])
def test_the_hostile_titles_are_refused_with_their_position(dataset: Dataset, case: str) -> None:
    text = (BAD_INPUTS / f"{case}.yml").read_text(encoding="utf-8")
    dataset.write(f"events/{case}.yml", text)
    expected = re.search(r"^# expect: (.+)$", text, re.M)
    assert expected
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [f"data/events/{case}.yml:{expected.group(1)}"]


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            EVENT,
            "title: Giao lưu hữu nghị lần thứ 9",
            'title: "Giao lưu\\u0085 hữu nghị"',
            f"data/events/giao-luu-lan-thu-9.yml:2:8: “title” có ký tự điều khiển U+0085 (ký tự thứ 9), {CONTROL}",
            id="c1-control",
        ),
        pytest.param(
            EVENT,
            "title: Giao lưu hữu nghị lần thứ 9",
            'title: "Giao lưu\\nhữu nghị"',
            "data/events/giao-luu-lan-thu-9.yml:2:8: “title” xuống dòng (ký tự thứ 9): trường này viết trên một dòng, nối các dòng bằng dấu cách",
            id="newline-in-a-title",
        ),
        pytest.param(
            EVENT,
            "  - biên giới",
            '  - "biên\\tgiới"',
            "data/events/giao-luu-lan-thu-9.yml:13:5: “tags[1]” có ký tự tab (ký tự thứ 5): thay bằng một dấu cách",
            id="tab-in-a-tag",
        ),
        pytest.param(
            EVENT,
            "summary: Thượng tướng Đổng Quân dự giao lưu.",
            'summary: "\\u200fThượng\\u200f tướng Đổng Quân dự giao lưu."',
            f"data/events/giao-luu-lan-thu-9.yml:3:10: “summary” có ký tự ẩn đổi hướng chữ U+200F RIGHT-TO-LEFT MARK (ký tự thứ 1; cả thảy 2 ký tự như vậy), {REORDERS}",
            id="direction-marks-in-a-summary",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "name: Đổng Quân",
            'name: "Đổng \\u2067Quân\\u2069"',
            f"data/entities/dong-quan.yml:3:7: “name” có ký tự ẩn đổi hướng chữ U+2067 RIGHT-TO-LEFT ISOLATE (ký tự thứ 6; cả thảy 2 ký tự như vậy), {REORDERS}",
            id="isolate-in-an-entity-name",
        ),
        pytest.param(
            "sources/nguon-a.yml",
            "text: Bài viết A",
            'text: "Bài viết\\x1b A"',
            f"data/sources/nguon-a.yml:11:11: “paragraphs[1].text” có ký tự điều khiển U+001B (ký tự thứ 9), {CONTROL}",
            id="escape-in-a-source-paragraph",
        ),
        pytest.param(
            "themes.yml",
            "title: Chủ đề A",
            'title: "Chủ đề \\u202aA"',
            f"data/themes.yml:3:12: “themes[1].title” có ký tự ẩn đổi hướng chữ U+202A LEFT-TO-RIGHT EMBEDDING (ký tự thứ 8), {REORDERS}",
            id="embedding-in-a-theme",
        ),
        pytest.param(
            EVENT,
            "kind: exchange",
            'kind: exchange\n"ki\\x7fnd": x',
            f"data/events/giao-luu-lan-thu-9.yml:5:1: tên trường “ki<U+007F>nd” có ký tự điều khiển U+007F (ký tự thứ 3), {CONTROL}",
            id="control-in-a-key",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_the_exclusions_file_is_checked(dataset: Dataset) -> None:
    dataset.write(
        "coverage-exclusions.yml",
        'exclusions:\n  - source: nguon-a\n    paragraph: 2\n    sentence: "Ngày 17/10/2019,\\u202e Việt Nam"\n'
        "    reason: Thử.\n",
    )
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        "data/coverage-exclusions.yml:4:15: “exclusions[1].sentence” có ký tự ẩn đổi hướng chữ U+202E "
        f"RIGHT-TO-LEFT OVERRIDE (ký tự thứ 17), {REORDERS}"
    ]


def test_running_text_may_break_lines_and_hold_tabs(dataset: Dataset) -> None:
    dataset.edit(
        EVENT, "summary: Thượng tướng Đổng Quân dự giao lưu.", 'summary: "Thượng tướng\\n\\nĐổng\\tQuân."'
    )
    dataset.edit(
        EVENT,
        "quote: Thượng tướng Đổng Quân dự giao lưu hữu nghị.",
        'quote: "Thượng tướng\\nĐổng Quân dự giao lưu hữu nghị."',
    )
    assert dataset.run("validate").code == 0


def test_a_control_character_explains_the_other_problems_of_its_value(dataset: Dataset) -> None:
    """A quote with an escape is not found in its source either: only its cause is reported."""
    outcome_lines = reported_after(
        dataset,
        EVENT,
        "quote: Thượng tướng Đổng Quân dự giao lưu hữu nghị.",
        'quote: "Thượng tướng\\x01 Đổng Quân dự giao lưu hữu nghị."',
    )
    assert outcome_lines == [
        f"data/events/giao-luu-lan-thu-9.yml:16:12: “evidence[1].quote” có ký tự điều khiển U+0001 (ký tự thứ 13), {CONTROL}"
    ]
