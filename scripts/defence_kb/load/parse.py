"""One data file: read its bytes (within the size cap), decode them, parse the YAML into plain
data, and find the position of any value when a problem needs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from .nodes import MAX_DEPTH, Key, NodeBuilder, Position, YamlLoader
from .regular_file import read_capped
from .syntax import alias_problems, syntax_problem, too_deep

MAX_FILE_BYTES = 1_000_000


@dataclass
class LoadedFile:
    """One YAML file as plain data; the 1-based position of every value and key is found
    when a problem first needs one (most files have none, and a large dataset loads in
    several processes, which would otherwise have to send every position back)."""

    path: Path
    data: Any
    _positions: tuple[dict[Key, Position], dict[Key, Position]] | None = field(
        default=None, repr=False, compare=False
    )

    def position(self, key: Key, *, of_key: bool = False) -> Position:
        """The position of `key`'s value (or of the key itself), else its nearest parent."""
        if self._positions is None:
            self._positions = _read_positions(self.path)
        values, keys = self._positions
        table = keys if of_key else values
        for depth in range(len(key), -1, -1):
            found = table.get(key[:depth]) or values.get(key[:depth])
            if found:
                return found
        return (1, 1)

    def problem(self, key: Key, message: str, *, of_key: bool = False) -> Problem:
        line, column = self.position(key, of_key=of_key)
        return Problem(self.path, line, column, message)


def _read_positions(path: Path) -> tuple[dict[Key, Position], dict[Key, Position]]:
    """Where each value and key of a file that loaded without problems stands."""
    values: dict[Key, Position] = {}
    keys: dict[Key, Position] = {}
    raw, _ = read_capped(path, MAX_FILE_BYTES)
    try:
        loader = YamlLoader((raw or b"").decode("utf-8"))
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (UnicodeDecodeError, yaml.YAMLError):
        node = None
    if node is None:
        return values, keys  # changed since it was loaded: problems point at line 1
    NodeBuilder(path, [], (values, keys)).build(node)
    return values, keys


def read_yaml(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; on failure return the problems that explain why."""
    raw, problems = read_capped(path, MAX_FILE_BYTES)
    if raw is None:
        return None, problems
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(
                path,
                1,
                1,
                "tệp bắt đầu bằng dấu BOM (byte-order mark); lưu lại dạng “UTF-8” không BOM",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                path,
                line,
                column,
                "tệp không phải văn bản UTF-8 (có byte không hợp lệ ở đây); lưu lại dạng UTF-8",
            )
        ]
    return parse_yaml_text(path, text)


def parse_yaml_text(path: Path, text: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse the decoded text of a file (`make fix` parses text it has normalised first)."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(path, 1, 1, "tệp trống; xóa tệp hoặc điền nội dung bản ghi")]

    deep = too_deep(text)
    if deep:
        return None, [
            Problem(
                path, deep[0], deep[1], f"lồng quá sâu (hơn {MAX_DEPTH} cấp); kiểm tra dấu ngoặc và thụt lề"
            )
        ]

    loader = YamlLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(path, error)]
    except yaml.YAMLError as error:  # e.g. a second document in one file
        return None, [Problem(path, 1, 1, f"lỗi cú pháp YAML: {error}")]
    finally:
        loader.dispose()

    problems: list[Problem] = []
    builder = NodeBuilder(path, problems)
    data = builder.build(node)
    if builder.aliased:
        problems.extend(alias_problems(path, text))
    if problems:
        return None, problems
    return LoadedFile(path, data), []
