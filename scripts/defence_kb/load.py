"""Stage 1, load: read every YAML file under `data/` into plain data with positions.

Only safe, plain YAML is accepted: mappings, sequences and string scalars. Every scalar
stays a string (no implicit dates, numbers or booleans: `no` stays "no"); the schema
decides what a value means. Each value remembers its line and column so that later
stages can point editors at the exact spot.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .parallel import fork_map
from .problems import Problem
from .schema import RECORD_TYPES
from .text import is_nfc

try:  # the C parser is several times faster; fall back silently where libyaml is absent
    from yaml import CBaseLoader as _BaseYamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _BaseYamlLoader  # type: ignore[assignment]

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _YamlLoader(_BaseYamlLoader):  # type: ignore[misc,valid-type]
    """The base loader, whose resolver has no implicit types: every untagged node gets its
    kind's default tag. Saying so directly spares a Python call per node from the parser."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))
_NULLS = {"", "~", "null", "Null", "NULL"}

Key = tuple[str | int, ...]
Position = tuple[int, int]


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
    try:
        loader = _YamlLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return values, keys  # changed since it was loaded: problems point at line 1
    _Builder(path, [], (values, keys)).build(node)
    return values, keys


@dataclass
class LoadResult:
    files: list[LoadedFile]
    problems: list[Problem]


def read_yaml(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; on failure return the problems that explain why."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return None, [Problem(path, 1, 1, f"không đọc được tệp: {error.strerror}")]
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                path,
                1,
                1,
                f"tệp quá lớn ({size / 1_000_000:.1f} MB); một tệp dữ liệu tối đa "
                f"{MAX_FILE_BYTES // 1_000_000} MB: tách thành nhiều bản ghi",
            )
        ]
    raw = path.read_bytes()
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

    deep = _too_deep(text)
    if deep:
        return None, [
            Problem(
                path, deep[0], deep[1], f"lồng quá sâu (hơn {MAX_DEPTH} cấp); kiểm tra dấu ngoặc và thụt lề"
            )
        ]

    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    except yaml.YAMLError as error:  # e.g. a second document in one file
        return None, [Problem(path, 1, 1, f"lỗi cú pháp YAML: {error}")]
    finally:
        loader.dispose()

    problems: list[Problem] = []
    builder = _Builder(path, problems)
    data = builder.build(node)
    if builder.aliased:
        problems.extend(_alias_problems(path, text))
    if problems:
        return None, problems
    return LoadedFile(path, data), []


_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'")


def _too_deep(text: str) -> tuple[int, int] | None:
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


def _alias_problems(path: Path, text: str) -> list[Problem]:
    """One problem, at the first alias, saying how many there are."""
    aliases = [e.start_mark for e in yaml.parse(text, Loader=_YamlLoader) if isinstance(e, yaml.AliasEvent)]
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


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
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


class _Builder:
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


def iter_yaml_files(folder: Path) -> Iterator[Path]:
    """YAML files of a folder, in a stable order; `.yaml` is accepted as well as `.yml`."""
    if not folder.is_dir():
        return iter(())
    return iter(sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml")))


RECORD_FOLDERS = tuple(RECORD_TYPES)  # the schema names the record folders
# Reading is shared among processes from this many files on, in tasks of FILES_PER_TASK.
PARALLEL_MIN_FILES = 2000
FILES_PER_TASK = 250
THEMES_FILE = "themes.yml"
# Sentences of the sources that need no record, each with the reason (reviewed).
EXCLUSIONS_FILE = "coverage-exclusions.yml"
# Folders under data/ that hold no YAML the loader reads (generated JSON Schema files).
PASSIVE_FOLDERS = ("schema",)


@dataclass
class RawDataset:
    """Every data file read, grouped by what it holds, plus the problems met reading them."""

    data_dir: Path
    records: dict[str, list[LoadedFile]] = field(default_factory=dict)
    entities: list[LoadedFile] = field(default_factory=list)
    sources: list[LoadedFile] = field(default_factory=list)
    themes: LoadedFile | None = None
    exclusions: LoadedFile | None = None
    problems: list[Problem] = field(default_factory=list)


def load_dataset(data_dir: Path) -> RawDataset:
    """Read all of `data/`; files in unexpected places are reported, never skipped."""
    raw = RawDataset(data_dir)
    if not data_dir.is_dir():
        raw.problems.append(Problem(data_dir, 1, 1, "không tìm thấy thư mục dữ liệu"))
        return raw

    folders = (*RECORD_FOLDERS, "entities", "sources")
    paths = {folder: list(iter_yaml_files(data_dir / folder)) for folder in folders}
    every_path = [path for folder in folders for path in paths[folder]]
    results = iter(fork_map(read_yaml, every_path, min_items=PARALLEL_MIN_FILES, chunk=FILES_PER_TASK))
    read: dict[str, list[LoadedFile]] = {}
    for folder in folders:
        read[folder] = []
        for _path in paths[folder]:
            loaded, problems = next(results)
            raw.problems.extend(problems)
            if loaded:
                read[folder].append(loaded)
    raw.records = {folder: read[folder] for folder in RECORD_FOLDERS}
    raw.entities = read["entities"]
    raw.sources = read["sources"]
    themes_path = data_dir / THEMES_FILE
    if themes_path.exists():
        raw.themes, problems = read_yaml(themes_path)
        raw.problems.extend(problems)
    else:
        raw.problems.append(Problem(themes_path, 1, 1, "thiếu tệp danh sách chủ đề"))
    exclusions_path = data_dir / EXCLUSIONS_FILE
    if exclusions_path.exists():
        raw.exclusions, problems = read_yaml(exclusions_path)
        raw.problems.extend(problems)
    tree = _tree(data_dir)
    raw.problems.extend(_stray_files(data_dir, tree))
    raw.problems.extend(_case_collisions(data_dir, tree))
    return raw


def _tree(data_dir: Path) -> list[tuple[str, bool]]:
    """(POSIX path relative to data_dir, is a folder) for everything under it, sorted."""
    entries = []
    base = str(data_dir)
    for folder, subfolders, names in os.walk(base):
        prefix = folder[len(base) + 1 :]
        prefix = f"{prefix}/" if prefix else ""
        entries += [(prefix + name, True) for name in subfolders]
        entries += [(prefix + name, False) for name in names]
    return sorted(entries)


def _case_collisions(data_dir: Path, tree: list[tuple[str, bool]]) -> list[Problem]:
    """Names that differ only in case are one file on macOS and Windows checkouts."""
    seen: dict[str, str] = {}
    problems = []
    for relative, _is_folder in tree:
        key = relative.casefold()
        if key in seen:
            for one, other in ((relative, seen[key]), (seen[key], relative)):
                problems.append(
                    Problem(
                        data_dir / one,
                        1,
                        1,
                        f"tên tệp chỉ khác “{other.rsplit('/', 1)[-1]}” ở chữ hoa, chữ thường: "
                        "trên Windows và macOS đó là cùng một tệp; đổi tên một tệp",
                    )
                )
        else:
            seen[key] = relative
    return problems


def _stray_files(data_dir: Path, tree: list[tuple[str, bool]]) -> list[Problem]:
    known = {*RECORD_FOLDERS, "entities", "sources"}
    problems = []
    for relative, is_folder in tree:
        parts = relative.split("/")
        if is_folder or any(part.startswith(".") for part in parts):
            continue
        top = parts[0]
        if top in PASSIVE_FOLDERS or relative in (THEMES_FILE, EXCLUSIONS_FILE):
            continue
        suffix = Path(relative).suffix
        if len(parts) == 2 and top in known and suffix in (".yml", ".yaml"):
            continue
        if len(parts) == 2 and top in known:
            stem = Path(relative).stem
            hint = f"bản ghi phải là tệp .yml; đổi tên thành {stem}.yml hoặc xóa tệp"
        else:
            hint = (
                "tệp nằm ngoài các thư mục dữ liệu nên sẽ không được đọc; chuyển vào một trong "
                f"{', '.join(sorted(known))}"
            )
        problems.append(Problem(data_dir / relative, 1, 1, hint))
    return problems
