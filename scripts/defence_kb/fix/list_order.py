"""Lists whose order means nothing are sorted, so that two editors adding items never
conflict and a diff shows only what changed.

Decided field by field from the schema and from how the site uses each list; every other
list keeps the editor's order because it carries meaning or shows on a page in that order:
- sorted: `former_ids` (addresses that redirect; a set), `not_in_sources` (which fields the
  editor supplied; a set), `dropped_lines` of a source (line numbers of the capture; sorted
  as numbers).
- kept: `evidence` (the first quotes carry the record), `figures`, `related`, `entities`,
  `parties`, `hosts`, `stated_by`, `mentioned` (pages list them in this order: the first
  party first), `themes`, `tags`, `aliases`, `search_aliases`, `signatories`, `unknown`,
  `roles` (all shown on pages in the editor's order), `paragraphs` (the source's order)
  and the lists in themes.yml and coverage-exclusions.yml (the site's and the reviewers'
  order).
Strings sort by code point (JavaScript's default sort gives the same order for them).
"""

from __future__ import annotations

from typing import Any

from .context import DataFile

MESSAGE = "sắp xếp danh sách không có thứ tự ({fields})"
SORTED_FIELDS = ("former_ids", "not_in_sources")
NUMBER_FIELDS = ("dropped_lines",)


def _sorted(items: list[Any], *, numbers: bool) -> list[Any]:
    if not all(isinstance(item, str) for item in items):
        return items  # a mistake the validator explains; nothing to sort by
    if numbers:
        if not all(item.isascii() and item.isdigit() for item in items):
            return items
        return sorted(items, key=int)
    return sorted(items)


def fix(data: dict[str, Any], file: DataFile, changes: list[str]) -> dict[str, Any]:
    fixed = dict(data)
    touched = []
    for name in (*SORTED_FIELDS, *NUMBER_FIELDS):
        value = data.get(name)
        if name not in file.model.model_fields or not isinstance(value, list):
            continue
        fixed[name] = _sorted(value, numbers=name in NUMBER_FIELDS)
        if fixed[name] != value:
            touched.append(name)
    if touched:
        changes.append(MESSAGE.format(fields=", ".join(touched)))
    return fixed
