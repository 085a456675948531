"""Dates as sources state them: to the year, the month or the day, single or a range, or a day
and month without a year; with the JSON Schema editors' tools read for each."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

# Dates later than this many years after today are refused as typos ("2202" for "2022").
FUTURE_YEARS_ALLOWED = 5


_DATE_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, as the source states it."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _DATE_SHAPE.match(text.strip())
        if not match:
            raise ValueError(
                f"ngày “{text}” không đúng dạng: viết YYYY, YYYY-MM hoặc YYYY-MM-DD "
                "(ví dụ 2019, 2019-10 hoặc 2019-10-17)"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"ngày “{text}”: tháng {month} không có thật (tháng từ 01 đến 12)")
        if day is not None:
            try:
                dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise ValueError(
                    f"ngày “{text}” không có thật trên lịch: tháng {month}/{year} không có ngày {day}"
                ) from None
        if year > dt.date.today().year + FUTURE_YEARS_ALLOWED:
            raise ValueError(
                f"ngày “{text}” ở quá xa trong tương lai; kiểm tra lại năm "
                f"(kế hoạch, mục tiêu “đến năm …” không phải ngày của sự kiện)"
            )
        if year < 1800:
            raise ValueError(f"ngày “{text}”: năm {year} quá xa trong quá khứ; kiểm tra lại năm")
        return cls(year, month, day)


@dataclass(frozen=True)
class DateSpan:
    """A single date (start only) or a range; each end has its own precision."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.start.year, self.start.month or 0, self.start.day or 0)


def _parse_date_span(value: Any) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, str):
        return DateSpan(PartialDate.parse(value))
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end"}
        if unknown:
            raise ValueError(
                f"khoảng thời gian chỉ có hai khóa “start” và “end”, không có “{sorted(unknown)[0]}”"
            )
        if not isinstance(value.get("start"), str):
            raise ValueError("khoảng thời gian cần “start” (ngày bắt đầu, dạng YYYY[-MM[-DD]])")
        start = PartialDate.parse(value["start"])
        end_text = value.get("end")
        if end_text is None:
            return DateSpan(start)
        if not isinstance(end_text, str):
            raise ValueError("“end” phải là một ngày dạng YYYY[-MM[-DD]]")
        end = PartialDate.parse(end_text)
        if end.latest < start.earliest:
            raise ValueError(
                f"ngày kết thúc {end.iso()} sớm hơn ngày bắt đầu {start.iso()}; "
                "kiểm tra lại hoặc đổi chỗ hai ngày"
            )
        return DateSpan(start, end)
    raise ValueError("ngày phải là chuỗi YYYY[-MM[-DD]] hoặc bảng có “start” và “end”")


_DATE_STRING_SCHEMA = {
    "type": "string",
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "Ngày theo độ chính xác nguồn nêu: YYYY, YYYY-MM hoặc YYYY-MM-DD.",
}
# YAML reads an unquoted `2014` as a number (and `make fix` writes a year unquoted); the
# loader keeps it as text, so editors' YAML tools must accept the number as well.
_YEAR_NUMBER_SCHEMA = {"type": "integer", "minimum": 1800, "maximum": 2200}
_ONE_DATE_SCHEMA = {
    "oneOf": [_DATE_STRING_SCHEMA, _YEAR_NUMBER_SCHEMA],
    "description": _DATE_STRING_SCHEMA["description"],
}


def date_span_data(span: DateSpan) -> str | dict[str, str]:
    """A date as a data file writes it: "2019-10-17", or {"start": …, "end": …}."""
    if span.end is None:
        return span.start.iso()
    return {"start": span.start.iso(), "end": span.end.iso()}


DateValue = Annotated[
    DateSpan,
    BeforeValidator(_parse_date_span),
    PlainSerializer(date_span_data),
    WithJsonSchema(
        {
            "oneOf": [
                _DATE_STRING_SCHEMA,
                _YEAR_NUMBER_SCHEMA,
                {
                    "type": "object",
                    "properties": {"start": _ONE_DATE_SCHEMA, "end": _ONE_DATE_SCHEMA},
                    "required": ["start"],
                    "additionalProperties": False,
                },
            ],
            "description": "Ngày (YYYY, YYYY-MM, YYYY-MM-DD) hoặc khoảng {start, end}.",
        }
    ),
]


def _parse_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise ValueError("ngày phải là chuỗi YYYY, YYYY-MM hoặc YYYY-MM-DD")


PartialDateValue = Annotated[
    PartialDate,
    BeforeValidator(_parse_partial_date),
    PlainSerializer(lambda date: date.iso()),
    WithJsonSchema(_ONE_DATE_SCHEMA),
]

_DAY_MONTH = re.compile(r"^XXXX-(\d{2})-(\d{2})$")


def _parse_day_month(value: Any) -> str:
    """A day and month the source gives without a year, EDTF's "XXXX-09-28"."""
    match = _DAY_MONTH.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(
            f"“{value}” không đúng dạng: viết XXXX-MM-DD khi nguồn chỉ nêu ngày và tháng "
            "(ví dụ XXXX-09-28 cho “Chiều 28/9”)"
        )
    month, day = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2000, month, day)  # a leap year: 29/2 exists in some year
    except ValueError:
        raise ValueError(f"“{value}”: ngày {day}/{month} không có thật trên lịch") from None
    return value


DayMonth = Annotated[
    str,
    BeforeValidator(_parse_day_month),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^XXXX-\d{2}-\d{2}$",
            "description": "Ngày và tháng nguồn nêu khi không nêu năm, dạng EDTF: XXXX-09-28.",
        }
    ),
]
