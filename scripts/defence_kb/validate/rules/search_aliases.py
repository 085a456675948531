"""Search aliases are the names readers type that the sources do not use, and the page says
so: an alias a source uses, or the record's own title or name, is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ...text import collapse_whitespace
from ..data import ValidatedData
from ..raw import strings
from ..registry import Rule, files_of


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for loaded in files_of(raw, RULE.applies_to):
        if not isinstance(loaded.data, dict):
            continue
        own = {loaded.data.get(name) for name in ("title", "name") if isinstance(loaded.data.get(name), str)}
        for key, alias in strings(loaded.data.get("search_aliases"), ("search_aliases",)):
            if alias in own:
                yield loaded.problem(key, f"“{alias}” đã là tên của bản ghi; xóa khỏi search_aliases")
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(collapse_whitespace(alias).casefold())}(?!\w)")
            found = next((source_id for source_id, text in data.source_texts if pattern.search(text)), None)
            if found:
                yield loaded.problem(
                    key,
                    f"“{alias}” có trong nguồn “{found}”, nên không phải tên ngoài nguồn: ghi vào "
                    "aliases (đối tác) hoặc tiêu đề, tóm tắt (bản ghi), rồi xóa khỏi search_aliases",
                )


RULE = Rule(
    name="search_aliases",
    checks="a search alias is neither the record's own title or name nor a word of any source",
    applies_to=("records", "entities"),
    fix="remove the alias, or move a name the sources use to aliases (entity) or the title, summary (record)",
    check=check,
)
