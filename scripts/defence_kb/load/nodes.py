"""YAML nodes to plain data: the loader that resolves no implicit types, and the builder
that turns a composed node tree into dicts, lists and strings, noting problems and, when asked,
where each value and key stands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from ..text import is_nfc

try:  # the C parser is several times faster; fall back silently where libyaml is absent
    from yaml import CBaseLoader as _BaseYamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _BaseYamlLoader  # type: ignore[assignment]

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class YamlLoader(_BaseYamlLoader):  # type: ignore[misc,valid-type]
    """The base loader, whose resolver has no implicit types: every untagged node gets its
    kind's default tag. Saying so directly spares a Python call per node from the parser."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


MAX_DEPTH = 12
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))
_NULLS = {"", "~", "null", "Null", "NULL"}

Key = tuple[str | int, ...]
Position = tuple[int, int]


class NodeBuilder:
    """Turns a composed YAML node tree into plain data, recording problems and, when given
    tables for them, the positions of values and keys."""

    def __init__(
        self,
        path: Path,
        problems: list[Problem],
        positions: tuple[dict[Key, Position], dict[Key, Position]] | None = None,
    ) -> None:
        self.path = path
        self.problems = problems
        self.values, self.keys = positions if positions else (None, None)
        self.seen: set[int] = set()
        self.aliased = False

    def _problem(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def build(self, node: yaml.Node, key: Key = (), depth: int = 0) -> Any:
        if self.values is not None:
            mark = node.start_mark
            self.values[key] = (mark.line + 1, mark.column + 1)
        if id(node) in self.seen:
            # An alias hands back the anchored node itself; where the alias stands is
            # found afterwards from the parser's events.
            self.aliased = True
            return None
        self.seen.add(id(node))
        tag = node.tag
        if tag == _STR and node.__class__ is yaml.ScalarNode:  # most nodes: test them first
            value: str = node.value
            if node.style is None and value in _NULLS:
                return None
            if not value.isascii() and not is_nfc(value):
                self._problem(
                    node,
                    "văn bản chưa ở dạng Unicode NFC (dấu thanh tách rời khỏi chữ); "
                    "chạy “make fix” hoặc gõ lại đoạn này",
                )
            return value
        if depth > MAX_DEPTH:
            self._problem(node, f"lồng quá sâu (hơn {MAX_DEPTH} cấp); kiểm tra thụt lề")
            return None
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            return self._mapping(node, key, depth)
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key, i), depth + 1) for i, item in enumerate(node.value)]
        self._problem(
            node,
            f"thẻ YAML “{tag.replace('tag:yaml.org,2002:', '!!')}” không được phép; "
            "chỉ dùng văn bản, danh sách và bảng khóa–giá trị",
        )
        return None

    def _mapping(self, node: yaml.MappingNode, key: Key, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self._problem(key_node, "tên trường phải là một từ đơn giản, ví dụ “title”")
                continue
            name = key_node.value
            line = key_node.start_mark.line + 1
            if name in first_seen:
                self._problem(
                    key_node,
                    f"trường “{name}” được viết hai lần (lần đầu ở dòng {first_seen[name]}); giữ một lần",
                )
                continue
            first_seen[name] = line
            child: Key = (*key, name)
            if self.keys is not None:
                self.keys[child] = (line, key_node.start_mark.column + 1)
            result[name] = self.build(value_node, child, depth + 1)
        return result
