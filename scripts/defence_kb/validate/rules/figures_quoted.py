"""A figure, or a mission's rotation, is stated as one of the record's quotes states it."""

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
        stated_values = [(key, figure, "số liệu") for key, figure in figures]
        if isinstance(loaded.data.get("rotation"), dict):
            stated_values.append((("rotation",), loaded.data["rotation"], "lượt triển khai"))
        for key, value, what in stated_values:
            stated = value.get("as_stated")
            if isinstance(stated, str) and not any(collapse_whitespace(stated) in q for q in quotes):
                yield loaded.problem(
                    (*key, "as_stated"),
                    f"{what} “{stated}” không có trong trích dẫn nào của bản ghi; "
                    f"trích thêm câu nêu {what} vào evidence",
                )


RULE = Rule(
    name="figures_quoted",
    checks=(
        "the `as_stated` of every figure (and of a mission's personnel and rotation) is in one of "
        "the record's quotes"
    ),
    applies_to=("records",),
    fix="add the sentence that states the figure or rotation to the record's evidence",
    check=check,
)
