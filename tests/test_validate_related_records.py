"""A record's related records exist and are others (rules/related_records.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import FPA, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            FPA,
            "  - quan-nhan-tu-2014",
            "  - quan-nhan-tu-2015",
            "data/agreements/hiep-dinh-fpa.yml:13:5: không có bản ghi mã “quan-nhan-tu-2015”; có phải “quan-nhan-tu-2014”?",
            id="unknown-related",
        ),
        pytest.param(
            FPA,
            "  - quan-nhan-tu-2014",
            "  - hiep-dinh-fpa",
            "data/agreements/hiep-dinh-fpa.yml:13:5: bản ghi không thể liên quan tới chính nó",
            id="self-related",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)
