"""A record's themes are declared in data/themes.yml."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ..data import ValidatedData
from ..raw import strings
from ..registry import Rule, files_of


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    theme_ids = set(data.themes)
    if not theme_ids:
        return  # themes.yml is missing or invalid, which is reported already
    for loaded in files_of(raw, RULE.applies_to):
        if not isinstance(loaded.data, dict):
            continue
        for key, theme_id in strings(loaded.data.get("themes"), ("themes",)):
            if theme_id not in theme_ids:
                close = difflib.get_close_matches(theme_id, sorted(theme_ids), n=1, cutoff=0.6)
                hint = (
                    f"; có phải “{close[0]}”?" if close else f"; các chủ đề: {', '.join(sorted(theme_ids))}"
                )
                yield loaded.problem(key, f"không có chủ đề mã “{theme_id}”{hint}")


RULE = Rule(
    name="known_themes",
    checks="every theme a record names is declared in data/themes.yml",
    applies_to=("records",),
    fix="correct the theme id (the message suggests the closest one, or lists them all)",
    check=check,
)
