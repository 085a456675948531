"""A record's themes are declared in themes.yml (rules/known_themes.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import FPA, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            FPA,
            "  - chu-de-a",
            "  - chu-de-b",
            "data/agreements/hiep-dinh-fpa.yml:11:5: không có chủ đề mã “chu-de-b”; có phải “chu-de-a”?",
            id="unknown-theme",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)
