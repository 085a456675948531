"""Comments: the canonical form keeps the header, and fix never loses an editor's comment.

The emitter writes data, and comments are not data. So:
- the comment lines at the top of a file, before its first key (themes.yml and
  coverage-exclusions.yml explain themselves there), are kept as they are;
- the hints `make new` writes (its header and the optional fields left commented out) are
  dropped: they are the template's, regenerated from the schema, never an editor's words;
  but not while a value is still the `TODO` placeholder: a record being filled in keeps
  its hints, and is left as it is (the validator points at the placeholders);
- any other comment (between fields, or after a value on its line) would be lost, so the
  file is reported at the comment's line and column and left untouched: the editor moves
  it to the top of the file or into `editor_note`, which the site shows.

A `#` is a comment when it stands outside every scalar (PyYAML's scanner gives each
scalar's extent, so a `#` inside a quote or a folded text is never taken for one).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..problems import Problem
from ..scaffold import TYPE_NAMES, record_template
from ..schema import PLACEHOLDER

MESSAGE = "bỏ các dòng gợi ý của “make new”"
KEPT_MESSAGE = (
    "chú thích (#) nằm giữa tệp sẽ mất khi viết lại tệp ở dạng chuẩn; chuyển nó lên đầu tệp "
    "hoặc ghi vào editor_note, rồi chạy lại make fix"
)


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based
    column: int  # 1-based, of the `#`
    text: str  # from the `#` to the end of the line, trailing white space removed
    whole_line: bool


@dataclass(frozen=True)
class Comments:
    header: list[str]  # the lines to keep at the top of the file
    dropped_hints: int
    problems: list[Problem]


def find_comments(text: str) -> tuple[list[Comment], int]:
    """Every comment of a file that parses, and the line of its first token (1-based)."""
    inside = bytearray(len(text) + 1)  # 1 where a character belongs to a scalar
    first_line = 0
    for token in yaml.scan(text, Loader=yaml.BaseLoader):
        if isinstance(token, (yaml.StreamStartToken, yaml.StreamEndToken)):
            continue
        if not first_line:
            first_line = token.start_mark.line + 1
        if isinstance(token, yaml.ScalarToken):
            start, end = token.start_mark.index, token.end_mark.index
            inside[start:end] = b"\x01" * (end - start)
    comments = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line):
            if char == "#" and not inside[offset + column]:
                whole_line = not line[:column].strip()
                comments.append(Comment(number, column + 1, line[column:].rstrip(), whole_line))
                break
        offset += len(line) + 1
    return comments, first_line or number + 1


@functools.cache
def scaffold_hints() -> frozenset[str]:
    """Every comment `make new` can write, for every record type."""
    hints = set()
    for record_type in TYPE_NAMES.values():
        template = record_template(record_type, "x", "x")
        hints.update(comment.text for comment in find_comments(template)[0])
    return frozenset(hints)


def sort_comments(path: Path, text: str) -> Comments:
    comments, first_line = find_comments(text)
    header: list[str] = []
    dropped = 0
    problems = []
    for comment in comments:
        if comment.text in scaffold_hints():
            dropped += 1
        elif comment.whole_line and comment.line < first_line:
            header.append(comment.text)
        else:
            problems.append(Problem(path, comment.line, comment.column, KEPT_MESSAGE))
    return Comments(header, dropped, problems)


def unfilled(value: object) -> bool:
    """Whether a value is still `make new`'s placeholder, as the validator decides it."""
    if isinstance(value, str):
        return value.strip().startswith(PLACEHOLDER)
    if isinstance(value, dict):
        return any(unfilled(item) for item in value.values())
    if isinstance(value, list):
        return any(unfilled(item) for item in value)
    return False
