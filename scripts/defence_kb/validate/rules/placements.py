"""Every record has a place in time, and its date and bounds agree with each other.

The publication date of a cited source bounds a record from above by itself; a record
citing only undated sources needs a date, or a bound its source states.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...load import LoadedFile, RawDataset
from ...problems import Problem
from ...schema import Record
from ..data import ValidatedData
from ..registry import Rule


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for record_id, located in data.records.items():
        record, loaded = located.model, located.file
        if record.date and record.date_unspecified_year:
            yield loaded.problem(
                ("date_unspecified_year",), "ghi “date” hoặc “date_unspecified_year”, không ghi cả hai"
            )
        yield from _bounds_agree(record, loaded)
        sources = [data.sources[e.source].model for e in record.evidence if e.source in data.sources]
        dated_sources = [source for source in sources if source.published]
        if not (record.date or record.not_before or record.not_after or dated_sources):
            yield loaded.problem(
                ("evidence",),
                f"bản ghi “{record_id}” chưa có mốc thời gian nào: nguồn được trích không có ngày "
                "đăng; ghi “date”, hoặc “not_before”/“not_after” với câu nguồn nêu mốc "
                "(ví dụ giai đoạn mà bài viết tổng kết)",
                of_key=True,
            )


def _bounds_agree(record: Record, loaded: LoadedFile) -> Iterator[Problem]:
    """The bounds do not cross, and the date lies within them."""
    before, after = record.not_before, record.not_after
    if before and after and after.date.latest < before.date.earliest:
        yield loaded.problem(
            ("not_after", "date"),
            f"mốc “không muộn hơn” {after.date.iso()} sớm hơn mốc “không sớm hơn” {before.date.iso()}",
        )
    if record.date:
        start, end = record.date.start, record.date.end or record.date.start
        if before and end.latest < before.date.earliest:
            yield loaded.problem(("not_before", "date"), f"ngày {start.iso()} sớm hơn mốc “không sớm hơn”")
        if after and start.earliest > after.date.latest:
            yield loaded.problem(("not_after", "date"), f"ngày {start.iso()} muộn hơn mốc “không muộn hơn”")


RULE = Rule(
    name="placements",
    checks=(
        "a record has a date, a stated bound or a dated source; its bounds do not cross and its "
        "date lies within them; it has `date` or `date_unspecified_year`, not both"
    ),
    applies_to=("records",),
    fix=(
        "give the record a date, or a not_before/not_after bound with the source's sentence; "
        "correct dates that cross"
    ),
    check=check,
)
