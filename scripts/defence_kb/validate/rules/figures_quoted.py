"""A figure is stated as one of the record's quotes states it."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ...text import collapse_whitespace
from ..data import ValidatedData
from ..raw import mappings
from ..registry import Rule, files_of


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for loaded in files_of(raw, RULE.applies_to):
        if not isinstance(loaded.data, dict):
            continue
        quotes = [
            collapse_whitespace(item["quote"])
            for _, item in mappings(loaded.data.get("evidence"), ("evidence",))
            if isinstance(item.get("quote"), str)
        ]
        figures = list(mappings(loaded.data.get("figures"), ("figures",)))
        if isinstance(loaded.data.get("personnel"), dict):
            figures.append((("personnel",), loaded.data["personnel"]))
        for key, figure in figures:
            stated = figure.get("as_stated")
            if isinstance(stated, str) and not any(collapse_whitespace(stated) in q for q in quotes):
                yield loaded.problem(
                    (*key, "as_stated"),
                    f"số liệu “{stated}” không có trong trích dẫn nào của bản ghi; "
                    "trích thêm câu nêu số liệu vào evidence",
                )


RULE = Rule(
    name="figures_quoted",
    checks="the `as_stated` of every figure (and of a mission's personnel) is in one of the record's quotes",
    applies_to=("records",),
    fix="add the sentence that states the figure to the record's evidence",
    check=check,
)
