"""Problems of a file's YAML syntax, said in words an editor can act on: nesting too deep to
parse safely, anchors and aliases, and libyaml's own messages."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..problems import Problem
from .nodes import MAX_DEPTH, YamlLoader

_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'")


def too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first goes past what any data file needs, if it does.

    libyaml composes nested collections recursively in C: a file of 100,000 `[` crashes
    the interpreter. So depth is measured before parsing, on the text with its quoted
    strings blanked out: flow brackets, and indentation for block nesting.
    """
    limit = MAX_DEPTH * 4
    deep_indent = re.search(rf"^ {{{limit * 2 + 1},}}", text, re.M)
    if deep_indent:
        return text.count("\n", 0, deep_indent.start()) + 1, limit * 2 + 2
    if text.count("[") + text.count("{") <= limit:
        return None  # flow nesting cannot go deeper than the brackets there are
    depth = 0
    blanked = _QUOTED.sub(lambda m: "x" * len(m.group()), text)
    for match in re.finditer(r"[\[\]{}]", blanked):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        if depth > limit:
            line = blanked.count("\n", 0, match.start()) + 1
            return line, match.start() - blanked.rfind("\n", 0, match.start())
    return None


def alias_problems(path: Path, text: str) -> list[Problem]:
    """One problem, at the first alias, saying how many there are."""
    aliases = [e.start_mark for e in yaml.parse(text, Loader=YamlLoader) if isinstance(e, yaml.AliasEvent)]
    if not aliases:
        return []
    more = f" (tệp có {len(aliases)} bí danh)" if len(aliases) > 1 else ""
    return [
        Problem(
            path,
            aliases[0].line + 1,
            aliases[0].column + 1,
            f"không dùng neo và bí danh YAML (&tên, *tên); viết đầy đủ giá trị{more}",
        )
    ]


_LIBYAML_MESSAGES = {
    "did not find expected ',' or ']'": "thiếu dấu “]” đóng danh sách, hoặc thiếu dấu phẩy giữa các mục",
    "did not find expected ',' or '}'": "thiếu dấu “}” đóng bảng, hoặc thiếu dấu phẩy giữa các mục",
    "found unexpected end of stream": "thiếu dấu ngoặc kép đóng ở cuối giá trị",
    "did not find expected key": "thụt lề không đều, hoặc một mục danh sách thiếu dấu “- ”",
    "did not find expected '-' indicator": "thụt lề không đều trong danh sách; các dấu “- ” phải thẳng hàng",
    "found undefined alias": "không dùng neo và bí danh YAML (&tên, *tên); viết đầy đủ giá trị",
}


def syntax_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "cú pháp không hợp lệ"
    if "tab" in problem or "\t" in problem:
        message = "ký tự tab: YAML chỉ dùng dấu cách (space) để thụt lề; thay tab bằng dấu cách"
    elif "but found another document" in problem:
        message = "tệp có nhiều hơn một tài liệu YAML (dấu ---); mỗi tệp chỉ một bản ghi"
    elif "mapping values are not allowed" in problem:
        message = (
            "lỗi cú pháp YAML: dấu “:” ở vị trí không hợp lệ; nếu văn bản có dấu “: ”, "
            "đặt cả giá trị trong ngoặc kép"
        )
    elif "could not find expected ':'" in problem:
        message = "lỗi cú pháp YAML: thiếu dấu “:” sau tên trường, hoặc thụt lề sai"
    elif problem in _LIBYAML_MESSAGES:
        message = f"lỗi cú pháp YAML: {_LIBYAML_MESSAGES[problem]}"
    else:
        message = f"lỗi cú pháp YAML: {problem}; kiểm tra thụt lề và dấu ngoặc kép"
    return Problem(path, line, column, message)
