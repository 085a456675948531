"""A figure, or a mission's rotation, is stated as a quote of the record states it
(rules/figures_quoted.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import MISSION, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            MISSION,
            "as_stated: trên 1.100 lượt quân nhân",
            "as_stated: trên 1.200 lượt quân nhân",
            "data/missions/quan-nhan-tu-2014.yml:13:14: số liệu “trên 1.200 lượt quân nhân” không có trong trích dẫn nào của bản ghi; trích thêm câu nêu số liệu vào evidence",
            id="figure-not-quoted",
        ),
        pytest.param(
            MISSION,
            "unit_type: mixed",
            "unit_type: mixed\nrotation:\n  value: 2\n  as_stated: lượt thứ hai",
            "data/missions/quan-nhan-tu-2014.yml:11:14: lượt triển khai “lượt thứ hai” không có trong trích dẫn nào của bản ghi; trích thêm câu nêu lượt triển khai vào evidence",
            id="rotation-not-quoted",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_a_rotation_a_quote_states_is_accepted(dataset: Dataset) -> None:
    dataset.edit(
        MISSION, "unit_type: mixed", "unit_type: mixed\nrotation:\n  value: 1\n  as_stated: Quân đội đã cử"
    )
    outcome = dataset.run("validate")
    assert outcome.code == 0, "\n".join(outcome.lines)
