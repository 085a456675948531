"""Every record has a place in time that agrees with itself (rules/placements.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import BOUND, EVENT, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            EVENT,
            "date_note:",
            BOUND + BOUND.replace("not_before", "not_after").replace("'2014'", "'2012'") + "date_note:",
            "data/events/giao-luu-lan-thu-9.yml:12:9: mốc “không muộn hơn” 2012 sớm hơn mốc “không sớm hơn” 2014",
            id="bounds-crossed",
        ),
        pytest.param(
            EVENT,
            "date_note:",
            "date: '2010'\n" + BOUND + "date_note:",
            "data/events/giao-luu-lan-thu-9.yml:9:9: ngày 2010 sớm hơn mốc “không sớm hơn”",
            id="date-before-its-bound",
        ),
        pytest.param(
            EVENT,
            "date_note:",
            "date: '2010'\ndate_unspecified_year: XXXX-09-28\ndate_note:",
            "data/events/giao-luu-lan-thu-9.yml:8:24: ghi “date” hoặc “date_unspecified_year”, không ghi cả hai",
            id="date-and-day-month",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_a_record_citing_only_undated_sources_needs_a_place_in_time(dataset: Dataset) -> None:
    dataset.edit("sources/nguon-a.yml", "published: 2022-12-27\n", "")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/events/giao-luu-lan-thu-9.yml:14:1: bản ghi “giao-luu-lan-thu-9” chưa có mốc thời gian nào: "
        "nguồn được trích không có ngày đăng; ghi “date”, hoặc “not_before”/“not_after” với câu nguồn nêu mốc "
        "(ví dụ giai đoạn mà bài viết tổng kết)"
    ) in outcome.lines, "\n".join(outcome.lines)
    dataset.edit(EVENT, "date_note:", BOUND + "date_note:")
    assert not [line for line in dataset.run("validate").lines if "giao-luu-lan-thu-9" in line]
