"""Rendering: Vietnamese dates, and record text that stays text."""

from __future__ import annotations

import markdown
import pytest

from defence_kb.render import escape_block, escape_inline
from defence_kb.schema import DateSpan, PartialDate
from defence_kb.wording import format_date, format_number


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        (DateSpan(PartialDate(2019, 10, 17)), "17/10/2019"),
        (DateSpan(PartialDate(2022, 6)), "tháng 6/2022"),
        (DateSpan(PartialDate(2023)), "năm 2023"),
        (DateSpan(PartialDate(2024, 4, 11), PartialDate(2024, 4, 12)), "11/04/2024 – 12/04/2024"),
        (DateSpan(PartialDate(2016), PartialDate(2021)), "năm 2016–2021"),
        (DateSpan(PartialDate(2020, 2), PartialDate(2021)), "tháng 2/2020 – năm 2021"),
        (None, ""),
    ],
)
def test_vietnamese_dates(span: DateSpan | None, shown: str) -> None:
    assert format_date(span) == shown


def test_numbers_use_vietnamese_grouping() -> None:
    assert format_number(1100) == "1.100"


def _html(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=["attr_list", "tables", "admonition"])


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[bấm](javascript:alert(1))",
        "![ảnh](http://example.invalid/x.png)",
        "{{ config }} {% include 'x' %}",
        "Đoạn {: onclick=alert(1) }",
        "`mã` **đậm** _nghiêng_ ~~gạch~~",
        "&lt;script&gt;",
    ],
)
def test_inline_text_comes_out_as_typed(hostile: str) -> None:
    html = _html(f"| a |\n|---|\n| {escape_inline(hostile)} |")
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<code" not in html
    assert "<strong" not in html and "<em" not in html and "onclick=" not in html.replace("onclick=alert", "")
    import html as html_module

    cell = html.split("<td>")[1].split("</td>")[0]
    assert html_module.unescape(cell) == hostile


def test_summary_keeps_emphasis_and_lists_but_not_links_or_html() -> None:
    html = _html(
        escape_block("Một *điểm* chính.\n\n- mục một\n- mục hai\n\n[x](javascript:1) <b>b</b>\n!!! note")
    )
    assert "<em>điểm</em>" in html
    assert "<li>mục một</li>" in html
    assert "<a " not in html and "<b>" not in html and 'class="admonition' not in html
    import html as html_module

    assert "[x](javascript:1) <b>b</b>\n!!! note" in html_module.unescape(html)


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("doi-tac/viet-nam.md", "index.md", "doi-tac/viet-nam.md"),
        ("doi-tac/viet-nam.md", "doi-tac/index.md", "viet-nam.md"),
        ("doi-tac/viet-nam.md", "thoa-thuan/x.md", "../doi-tac/viet-nam.md"),
        ("index.md", "thoa-thuan/x.md", "../index.md"),
        ("dong-thoi-gian.md", "chu-de/a.md", "../dong-thoi-gian.md"),
    ],
)
def test_relative_path_matches_posixpath(target: str, page: str, expected: str) -> None:
    import posixpath

    from defence_kb.render import relative_path

    assert (
        relative_path(target, page) == expected == posixpath.relpath(target, posixpath.dirname(page) or ".")
    )
