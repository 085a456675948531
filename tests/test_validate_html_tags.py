"""No text holds HTML (rules/html_tags.py): tags, closing tags and comments are refused in
every kind of file, at their position, with the form's message; a "<" that is not HTML is
text like any other, and an address is not text."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import EVENT, FPA, reported_after

HOW = (
    "nội dung là chữ thuần, không dùng HTML; xóa thẻ (muốn nhấn mạnh thì viết *chữ nghiêng* hoặc **chữ đậm**)"
)


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            EVENT,
            "title: Giao lưu hữu nghị lần thứ 9",
            "title: Giao lưu <script>alert(1)</script>",
            f"data/events/giao-luu-lan-thu-9.yml:2:8: “title” có thẻ HTML “<script>”: {HOW}",
            id="script-in-a-title",
        ),
        pytest.param(
            EVENT,
            "summary: Thượng tướng Đổng Quân dự giao lưu.",
            "summary: Thượng tướng <b>Đổng Quân</b> dự giao lưu.",
            f"data/events/giao-luu-lan-thu-9.yml:3:10: “summary” có thẻ HTML “<b>”: {HOW}",
            id="bold-in-a-summary",
        ),
        pytest.param(
            EVENT,
            "  - biên giới",
            "  - </i>biên giới",
            f"data/events/giao-luu-lan-thu-9.yml:13:5: “tags[1]” có thẻ HTML “</i>”: {HOW}",
            id="closing-tag-in-a-list-item",
        ),
        pytest.param(
            FPA,
            "location: Brúc-xen",
            "location: '<a href=\"https://evil.example\">Brúc-xen</a>'",
            f'data/agreements/hiep-dinh-fpa.yml:9:11: “location” có thẻ HTML “<a href="https://evil.example">”: {HOW}',
            id="link-in-a-location",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "name: Đổng Quân",
            "name: Đổng Quân\ndescription: Ảnh <img src=x onerror=alert(1)>",
            f"data/entities/dong-quan.yml:4:14: “description” có thẻ HTML “<img src=x onerror=alert(1)>”: {HOW}",
            id="img-onerror-in-an-entity",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "    quote: Thượng tướng Đổng Quân",
            "    quote: Thượng tướng<br/> Đổng Quân",
            f"data/entities/dong-quan.yml:7:12: “roles[1].quote” có thẻ HTML “<br/>”: {HOW}",
            id="self-closing-in-a-nested-quote",
        ),
        pytest.param(
            "themes.yml",
            "intro: Giới thiệu chủ đề A.",
            "intro: Giới thiệu <!-- ẩn --> chủ đề A.",
            f"data/themes.yml:4:12: “themes[1].intro” có thẻ HTML “<!--”: {HOW}",
            id="comment-in-a-theme",
        ),
        pytest.param(
            "sources/nguon-a.yml",
            "text: Bài viết A",
            "text: <h1>Bài viết A</h1>",
            f"data/sources/nguon-a.yml:11:11: “paragraphs[1].text” có thẻ HTML “<h1>”: {HOW}",
            id="heading-in-a-source-paragraph",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_a_tag_in_a_quote_is_the_one_problem_of_the_quote(dataset: Dataset) -> None:
    """The quote is not found in its source either: the tag is the cause, reported alone."""
    lines = reported_after(
        dataset,
        EVENT,
        "quote: Thượng tướng Đổng Quân dự giao lưu hữu nghị.",
        "quote: Thượng tướng <em>Đổng Quân</em> dự giao lưu hữu nghị.",
    )
    assert lines == [
        f"data/events/giao-luu-lan-thu-9.yml:16:12: “evidence[1].quote” có thẻ HTML “<em>”: {HOW}"
    ]


def test_the_exclusions_file_is_checked(dataset: Dataset) -> None:
    dataset.write(
        "coverage-exclusions.yml",
        "exclusions:\n  - source: nguon-a\n    paragraph: 2\n    sentence: Ngày 17/10/2019\n"
        "    reason: Thử <u>gạch</u>.\n",
    )
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        f"data/coverage-exclusions.yml:5:13: “exclusions[1].reason” có thẻ HTML “<u>”: {HOW}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Quân số tăng khi a < b và b > c",
        "Ít hơn <3 tháng",
        "Thời hạn < 5 năm, >2 lần",
        "Tên <Hà Nội> trong ngoặc",
        "Công thức x<y",
        "Mũi tên <- và ->",
        "Địa chỉ <https://example.org>",
    ],
)
def test_a_less_than_sign_that_is_not_html_is_text(dataset: Dataset, text: str) -> None:
    dataset.edit(EVENT, "summary: Thượng tướng Đổng Quân dự giao lưu.", f"summary: '{text}'")
    outcome = dataset.run("validate")
    assert outcome.code == 0, outcome.err


def test_an_address_is_not_text(dataset: Dataset) -> None:
    """A source's url is a link, percent-encoded where it is written (tests/bad_inputs/hostile/)."""
    dataset.edit(
        "sources/nguon-a.yml", "capture_file: a.txt", "url: https://example.org/a?b=<d>\ncapture_file: a.txt"
    )
    outcome = dataset.run("validate")
    assert outcome.code == 0, outcome.err
