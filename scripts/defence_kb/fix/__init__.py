"""`make fix`: rewrite every data file in its canonical form, the way MDN's
browser-compat-data runs `npm run fix`: the tools fix what is mechanical instead of only
reporting it.

One fixer per module, applied in this order to each file (context.py lists the files):
- on the text: bom.py (no byte-order mark), nfc.py (Unicode NFC);
- the text is parsed by the loader (load/), so a file that does not parse is reported
  `path:line:column: message` exactly as `make validate` reports it, and left untouched;
- comments.py keeps the header comment, drops `make new`'s hints, and refuses to lose any
  other comment;
- on the data: id_from_filename.py, trailing_space.py, list_order.py, key_order.py;
- canonical_yaml.py writes the result (its docstring specifies the form exactly).

Before a file is written, its new text is parsed again and must give exactly the fixed
data: fix never changes what a file says beyond what the fixers above state.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import MAX_FILE_BYTES, parse_yaml_text, read_yaml
from ..load.regular_file import read_capped, write_regular_file
from ..problems import Problem, display_path
from . import bom, canonical_yaml, comments, id_from_filename, key_order, list_order, nfc, trailing_space
from .context import DataFile, data_files

TEXT_FIXERS = (bom, nfc)
DATA_FIXERS = (id_from_filename, trailing_space, list_order, key_order)
LAYOUT_MESSAGE = "viết lại ở dạng chuẩn (ngoặc kép, xuống dòng, thụt lề)"
NOT_A_MAPPING = "tệp chứa {shape}; một tệp dữ liệu phải là các dòng “tên_trường: giá trị”"
MEANING_CHANGED = (
    "lỗi của make fix: dạng chuẩn đọc lại không giống dữ liệu gốc; tệp được giữ nguyên (hãy báo lỗi này)"
)


@dataclass
class FixedFile:
    """One file: its text before, its canonical text (None when it cannot be fixed), what
    changed and why it could not be fixed."""

    path: Path
    before: str
    after: str | None = None
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before

    def diff(self) -> str:
        """A unified diff, with git's `a/` and `b/` prefixes on the displayed path, and
        git's mark after a last line that has no line break."""
        if not self.changed:
            return ""
        name = display_path(self.path).lstrip("/")
        lines = difflib.unified_diff(
            _lines(self.before),
            _lines(self.after or ""),
            f"a/{name}",
            f"b/{name}",
        )
        return "".join(
            line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
        )


def _lines(text: str) -> list[str]:
    """Lines as git sees them: split at "\\n" only (str.splitlines also splits at U+2028…)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def canonical_text(file: DataFile, text: str) -> FixedFile:
    """The canonical form of one file's text, with what changed or why it cannot change."""
    result = FixedFile(file.path, text)
    for fixer in TEXT_FIXERS:
        fixed = fixer.fix_text(text)
        if fixed != text:
            result.changes.append(fixer.MESSAGE)
            text = fixed
    loaded, problems = parse_yaml_text(file.path, text)
    if loaded is None:
        result.problems = problems
        return result
    if not isinstance(loaded.data, dict):
        shape = "một danh sách" if isinstance(loaded.data, list) else "một giá trị đơn"
        result.problems = [Problem(file.path, 1, 1, NOT_A_MAPPING.format(shape=shape))]
        return result
    kept = comments.sort_comments(file.path, text)
    if kept.problems:
        result.problems = kept.problems
        return result
    if kept.dropped_hints:
        if comments.unfilled(loaded.data):
            return result  # a new record still being filled in keeps its hints (no problem)
        result.changes.append(comments.MESSAGE)
    data: dict[str, Any] = loaded.data
    for data_fixer in DATA_FIXERS:
        data = data_fixer.fix(data, file, result.changes)
    after = canonical_yaml.emit(data, kept.header)
    reread, _ = parse_yaml_text(file.path, after)
    if reread is None or reread.data != data:
        result.problems = [Problem(file.path, 1, 1, MEANING_CHANGED)]
        return result
    result.after = after
    if after != result.before and not result.changes:
        result.changes.append(LAYOUT_MESSAGE)
    return result


def fix_file(file: DataFile) -> FixedFile:
    """Read one file and work out its canonical form (nothing is written). A link or
    anything else that is not a regular file is refused, in the loader's words."""
    raw, problems = read_capped(file.path, MAX_FILE_BYTES)
    try:
        if raw is None:
            raise UnicodeError
        text = raw.decode("utf-8")
    except UnicodeError:
        _, problems = read_yaml(file.path)  # the loader's own words and position
        return FixedFile(file.path, "", problems=problems)
    return canonical_text(file, text)


def fix_dataset(data_dir: Path, *, write: bool) -> list[FixedFile]:
    """Every data file's canonical form; with `write`, changed files are rewritten in place,
    never through a link (a file that became one since it was read is refused)."""
    results = [fix_file(file) for file in data_files(data_dir)]
    if write:
        for result in results:
            if result.changed and result.after is not None:
                result.problems += write_regular_file(result.path, result.after)
    return results
