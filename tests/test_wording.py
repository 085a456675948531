"""How a record's place in time reads in Vietnamese (wording.py)."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from defence_kb.model import Bound, Placement, edtf_of
from defence_kb.schema import DateSpan, PartialDate, Source, Status
from defence_kb.wording import format_placement, format_records_time, format_year_bounds


def source(kind: str = "article") -> Source:
    return Source.model_validate(
        {
            "id": "nguon",
            "label": "Nguồn",
            "published": "2022-12-27",
            "published_kind": kind,
            "capture_file": "a.txt",
            "attribution": "Theo TTXVN.",
            "paragraphs": [{"n": 1, "text": "giai đoạn 2016-2021"}],
        }
    )


def on(date: str) -> PartialDate:
    return PartialDate.parse(date)


PUBLISHED = Bound(on("2022-12-27"), source())
REPOSTED = Bound(on("2025-05-26"), source("page"))
PERIOD = (
    Bound(on("2016"), source(), "giai đoạn 2016-2021"),
    Bound(on("2021"), source(), "giai đoạn 2016-2021"),
)


@pytest.mark.parametrize(
    ("placement", "status", "text", "edtf"),
    [
        (
            Placement(DateSpan(on("2019-10-17")), None, None, PUBLISHED),
            Status.occurred,
            "17/10/2019",
            "2019-10-17",
        ),
        (
            Placement(DateSpan(on("2024-04-11"), on("2024-04-12")), None, None, None),
            Status.occurred,
            "11/04/2024 – 12/04/2024",
            "2024-04-11/2024-04-12",
        ),
        (
            Placement(None, None, None, PUBLISHED),
            Status.occurred,
            "không muộn hơn 27/12/2022 (ngày đăng bài)",
            "[..2022-12-27]",
        ),
        (
            Placement(None, None, None, REPOSTED),
            Status.ongoing,
            "không muộn hơn 26/05/2025 (ngày ghi trên trang đăng lại)",
            "[..2025-05-26]",
        ),
        (Placement(None, None, *PERIOD), Status.occurred, "trong giai đoạn 2016–2021", "[2016..2021]"),
        (
            Placement(None, None, Bound(on("2019-10-17"), source(), "ký ngày 17-10-2019"), PERIOD[1]),
            Status.occurred,
            "không sớm hơn 17/10/2019; không muộn hơn năm 2021",
            "[2019-10-17..2021-12-31]",
        ),
        (
            Placement(None, None, None, PUBLISHED),
            Status.planned,
            "kế hoạch được nêu không muộn hơn 27/12/2022 (ngày đăng bài)",
            "[..2022-12-27]",
        ),
        (
            Placement(None, (28, 9), Bound(on("2019-10-17"), source(), "Ngày 17/10/2019"), None),
            Status.occurred,
            "ngày 28/9, không rõ năm; không sớm hơn 17/10/2019",
            "XXXX-09-28",
        ),
    ],
)
def test_placement_reads_as_the_sources_allow(
    placement: Placement, status: Status, text: str, edtf: str
) -> None:
    assert format_placement(placement, status) == text
    assert edtf_of(placement) == edtf
    if edtf:
        parse_edtf(edtf)  # the library's grammar accepts it: raises otherwise


def test_a_group_of_records_is_dated_by_its_dates_and_bounds_stated_as_such() -> None:
    dated = Placement(DateSpan(on("2018-05-01"), on("2022")), None, None, None)
    also_dated = Placement(DateSpan(on("2020")), None, None, None)
    bounded = Placement(None, None, None, PUBLISHED)
    later = Placement(None, None, None, REPOSTED)
    year_unknown = Placement(None, (28, 9), None, None)
    assert format_records_time([dated, also_dated]) == "2018–2022 (ngày của 2 bản ghi)"
    assert format_records_time([bounded, later]) == "2 bản ghi chỉ biết mốc: không muộn hơn 26/05/2025"
    assert format_records_time([also_dated, bounded, year_unknown]) == (
        "2020 (ngày của 1 bản ghi); 1 bản ghi chỉ biết mốc: không muộn hơn 27/12/2022; 1 bản ghi không rõ năm"
    )
    assert format_records_time([]) == ""
    # a date that rests on a reference, not on the articles, says so
    assert (
        format_records_time([dated, also_dated], 1)
        == "2018–2022 (ngày của 2 bản ghi, 1 theo tài liệu tham khảo)"
    )


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (2019, 2019, "trong năm 2019"),
        (2016, 2021, "trong khoảng năm 2016–2021"),
        (None, 2022, "không muộn hơn năm 2022"),
        (2015, None, "không sớm hơn năm 2015"),
    ],
)
def test_year_bounds_read_as_the_charts_lanes_say_them(
    first: int | None, last: int | None, expected: str
) -> None:
    assert format_year_bounds(first, last) == expected
