"""A paragraph a quote cites keeps its number and its text.

Pages link to a paragraph by its number (`nguon/<id>/#p12`), the coverage exclusions name
paragraphs by number, and a record's quote is proof only as long as the paragraph says it.
So each source file is compared with its last committed version (git HEAD): a paragraph
that held a quote then must hold it now, under the same number. An editor who renumbers
the paragraphs, or rewrites one, is told which quote of which record stands on it. Outside
a git work tree, or for a source not yet committed, there is nothing to compare with.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...load import LoadedFile, RawDataset, parse_yaml_text
from ...problems import Problem, display_path
from ...text import collapse_whitespace
from ..data import ValidatedData
from ..registry import Rule

QUOTE_SHOWN = 60  # characters of a quote a message repeats


def committed_text(path: Path) -> str | None:
    """The file as the last commit has it, or None (no git, not in a work tree, new file)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(path.parent), "show", f"HEAD:./{path.name}"],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode:
        return None
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _paragraphs(data: Any) -> dict[int, str]:
    """number -> text (white space collapsed) of a source file's plain data."""
    found: dict[int, str] = {}
    for item in data.get("paragraphs", []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and str(item.get("n", "")).isdigit() and isinstance(item.get("text"), str):
            found[int(item["n"])] = collapse_whitespace(item["text"])
    return found


def _quotes(data: ValidatedData) -> Iterator[tuple[str, str, LoadedFile]]:
    """(source id, quote, file quoting it) for every quote of a record or an entity."""
    for located in data.records.values():
        record = located.model
        items = [*record.evidence, *(bound for bound in (record.not_before, record.not_after) if bound)]
        for item in items:
            yield item.source, item.quote, located.file
    for located in data.entities.values():
        for role in located.model.roles:
            yield role.source, role.quote, located.file


def _inside_work_tree(folder: Path) -> bool:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == b"true"


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    if not data.sources or not _inside_work_tree(next(iter(data.sources.values())).file.path.parent):
        return
    quotes_of: dict[str, list[tuple[str, LoadedFile]]] = {}
    for source_id, quote, loaded in _quotes(data):
        quotes_of.setdefault(source_id, []).append((collapse_whitespace(quote), loaded))
    for source_id, located in data.sources.items():
        if source_id not in quotes_of:
            continue
        text = committed_text(located.file.path)
        committed = parse_yaml_text(located.file.path, text)[0] if text else None
        if committed is None:
            continue
        before, now = _paragraphs(committed.data), _paragraphs(located.file.data)
        index_of = {p.n: index for index, p in enumerate(located.model.paragraphs)}
        for quote, loaded in quotes_of[source_id]:
            was = next((n for n, paragraph in before.items() if quote in paragraph), None)
            if was is None or quote in now.get(was, ""):
                continue
            moved = next((n for n, paragraph in now.items() if quote in paragraph), None)
            change = (
                f"đoạn này nay mang số {moved}: không đánh số lại các đoạn"
                if moved is not None
                else "nội dung đoạn đã đổi"
            )
            shown = quote if len(quote) <= QUOTE_SHOWN else quote[:QUOTE_SHOWN] + "…"
            where = ("paragraphs", index_of[was], "text") if was in index_of else ("paragraphs",)
            yield located.file.problem(
                where,
                f"đoạn {was} (ở lần commit gần nhất) có trích dẫn “{shown}” của {display_path(loaded.path)}; "
                f"{change}. Giữ số và nguyên văn đoạn được trích (đoạn mới thêm ở cuối, với số mới), "
                "hoặc sửa trích dẫn trong bản ghi trước",
            )


RULE = Rule(
    name="cited_paragraphs",
    checks="a source paragraph a quote cited at git HEAD keeps its number and still holds the quote",
    applies_to=("sources",),
    fix="restore the paragraph's number and text (add new paragraphs at the end), or change the quote first",
    check=check,
)
