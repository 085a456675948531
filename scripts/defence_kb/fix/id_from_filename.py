"""The id of a record, entity or source is its file name: `hiep-dinh-fpa.yml` holds
`id: hiep-dinh-fpa`.

When the two differ, the file name wins: renaming the file is how an editor renames a
record (CONTRIBUTING.md, “Đổi mã một bản ghi”), and the id then follows. A file name that
is not a valid id (capitals, spaces, accents) changes nothing: the validator explains it.
"""

from __future__ import annotations

import re
from typing import Any

from ..schema import SLUG_PATTERN
from .context import DataFile


def fix(data: dict[str, Any], file: DataFile, changes: list[str]) -> dict[str, Any]:
    if not file.has_id:
        return data
    stem = file.path.stem
    current = data.get("id")
    if current == stem or not re.fullmatch(SLUG_PATTERN, stem):
        return data
    if current is None:
        changes.append(f"thêm id “{stem}” theo tên tệp")
    else:
        changes.append(f"id “{current}” đổi thành “{stem}” theo tên tệp")
    return {**data, "id": stem}
