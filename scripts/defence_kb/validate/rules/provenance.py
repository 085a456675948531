"""Every name that is not in the sources says so.

An English name (a record's title_en, an entity's name_en) either occurs in a source or is
listed in `not_in_sources`, which the page shows; an entity's `aliases` are the sources' own
names. English writes the country one way: "Viet Nam".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...load import RawDataset
from ...problems import Problem
from ...text import collapse_whitespace
from ..data import Located, ValidatedData
from ..registry import Rule

_VIETNAM = re.compile(r"\bVietnam\b")


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    def found(text: str) -> bool:
        needle = collapse_whitespace(text).casefold()
        return any(needle in source for _, source in data.source_texts)

    located_items: list[tuple[Located[Any], str]] = [
        *((located, "title_en") for located in data.records.values()),
        *((located, "name_en") for located in data.entities.values()),
    ]
    for located, field_name in located_items:
        english = getattr(located.model, field_name)
        if english:
            yield from _english_name(located, field_name, english, found(english))
    for located in data.entities.values():
        for index, alias in enumerate(located.model.aliases):
            if not found(alias):
                yield located.file.problem(
                    ("aliases", index),
                    f"tên khác “{alias}” không có trong nguồn nào: tên ngoài nguồn ghi vào search_aliases",
                )


def _english_name(
    located: Located[Any], field_name: str, english: str, in_sources: bool
) -> Iterator[Problem]:
    loaded = located.file
    marked = field_name in located.model.not_in_sources
    if _VIETNAM.search(english):
        yield loaded.problem(
            (field_name,), f"viết “Viet Nam”, không viết “Vietnam”, trong tên tiếng Anh: “{english}”"
        )
    if not marked and not in_sources:
        yield loaded.problem(
            (field_name,),
            f"tên tiếng Anh “{english}” không có trong nguồn nào: ghi "
            f"“not_in_sources: [{field_name}]” để trang ghi rõ là tên do biên tập viên dịch, "
            "hoặc xóa trường này",
        )
    elif marked and in_sources:
        yield loaded.problem(
            ("not_in_sources",),
            f"tên tiếng Anh “{english}” có trong nguồn: xóa “{field_name}” khỏi not_in_sources",
        )


RULE = Rule(
    name="provenance",
    checks=(
        "an English name (title_en, name_en) is in a source or marked not_in_sources, and says "
        "“Viet Nam”; an entity's aliases are in a source"
    ),
    applies_to=("records", "entities"),
    fix="mark the name not_in_sources (or unmark it); move an alias the sources do not use to search_aliases",
    check=check,
)
