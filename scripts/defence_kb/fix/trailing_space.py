"""No white space at the ends of a value or at the ends of its lines.

Trailing spaces are invisible in an editor and meaningless on the site: a summary's lines
are stripped before Markdown sees them (render/markdown.py `escape_block`, so two trailing
spaces never make a line break), one-line texts have their white space collapsed, and
quotes are compared with white space collapsed. Only spaces, tabs and, at the ends of a
value, line breaks go; the indentation at the start of a line inside a value (a nested
Markdown list) stays.
"""

from __future__ import annotations

from typing import Any

from .context import DataFile

MESSAGE = "bỏ khoảng trắng thừa ở cuối dòng, đầu hoặc cuối giá trị"


def strip_text(text: str) -> str:
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")).strip(" \t\n")


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return strip_text(value)
    if isinstance(value, list):
        return [_strip(item) for item in value]
    if isinstance(value, dict):
        return {key: _strip(item) for key, item in value.items()}
    return value


def fix(data: dict[str, Any], file: DataFile, changes: list[str]) -> dict[str, Any]:
    fixed = _strip(data)
    if fixed != data:
        changes.append(MESSAGE)
    return fixed
