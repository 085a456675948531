"""No value is still `make new`'s placeholder (rules/placeholders.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import EVENT, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            EVENT,
            "summary: Thượng tướng",
            "summary: TODO Thượng tướng",
            "data/events/giao-luu-lan-thu-9.yml:3:10: “summary” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
            id="placeholder",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)
