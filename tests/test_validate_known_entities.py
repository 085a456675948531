"""Entities named by records and entities exist (rules/known_entities.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import FPA, MISSION, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            FPA,
            "  - lien-minh-chau-au",
            "  - lien-minh-chau-a",
            "data/agreements/hiep-dinh-fpa.yml:8:5: không có đối tác mã “lien-minh-chau-a”; có phải “lien-minh-chau-au”?",
            id="unknown-entity",
        ),
        pytest.param(
            MISSION,
            "organiser: lien-minh-chau-au",
            "organiser: eu",
            "data/missions/quan-nhan-tu-2014.yml:7:12: không có đối tác mã “eu”; thêm tệp data/entities/eu.yml nếu cần",
            id="unknown-organiser",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)
