"""comments.py: the header comment is kept, make new's hints go once the record is filled
in, and any other comment stops fix from rewriting the file (it would be lost)."""

from __future__ import annotations

from pathlib import Path

from defence_kb.fix.comments import find_comments, scaffold_hints, sort_comments
from defence_kb.scaffold import record_template
from defence_kb.schema import Agreement

PATH = Path("data/themes.yml")


def test_a_hash_inside_a_value_is_no_comment() -> None:
    text = (
        "# đầu tệp\n"
        "title: C# và F#\n"
        'quote: "a # b"\n'
        "summary: >-\n"
        "  # không phải chú thích\n"
        "  dòng hai # cũng không\n"
        "tags: [a, b]  # chú thích cuối dòng\n"
        "# chú thích giữa tệp\n"
        "x: y\n"
    )
    comments, first_line = find_comments(text)
    assert first_line == 2
    assert [(c.line, c.column, c.text, c.whole_line) for c in comments] == [
        (1, 1, "# đầu tệp", True),
        (7, 15, "# chú thích cuối dòng", False),
        (8, 1, "# chú thích giữa tệp", True),
    ]


def test_the_header_is_kept_others_are_refused_with_their_place() -> None:
    kept = sort_comments(PATH, "# Chủ đề   \n\n# dòng hai\nthemes:\n- id: a  # mã\n")
    assert kept.header == ["# Chủ đề", "# dòng hai"]
    assert [(p.line, p.column) for p in kept.problems] == [(5, 10)]
    assert kept.problems[0].message.startswith("chú thích (#) nằm giữa tệp sẽ mất")


def test_make_new_hints_are_recognised() -> None:
    template = record_template(Agreement, "ban-ghi-nho-moi", "Bản ghi nhớ mới")
    kept = sort_comments(Path("data/agreements/ban-ghi-nho-moi.yml"), template)
    assert kept.problems == [] and kept.header == []
    assert kept.dropped_hints == len(find_comments(template)[0]) > 5
    assert "# trích nguyên văn từ nguồn" in scaffold_hints()
