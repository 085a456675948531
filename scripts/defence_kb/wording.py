"""How dates, bounds, numbers and sizes read in Vietnamese, wherever they are shown: pages,
search results, exports. One place, so that "không muộn hơn 27/12/2022 (ngày đăng bài)"
reads the same everywhere.

JavaScript twin: docs/assets/propose/wording.js (the proposal form's preview); a test
opens every record for correction and compares its preview's dates with its page."""

from __future__ import annotations

from pydantic import BaseModel

from .model import Bound, Placement
from .schema import Coordinates, DateSpan, Figure, PartialDate, Reference, Status, Vocabulary


def format_partial_date(date: PartialDate) -> str:
    if date.day:
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    if date.month:
        return f"tháng {date.month}/{date.year}"
    return f"năm {date.year}"


def format_date(span: DateSpan | None) -> str:
    """Vietnamese form of a date as precise as the source: 17/10/2019, tháng 6/2022, năm 2023."""
    if span is None:
        return ""
    if span.end is None:
        return format_partial_date(span.start)
    if span.start.precision == span.end.precision == "year":
        return f"năm {span.start.year}–{span.end.year}"
    return f"{format_partial_date(span.start)} – {format_partial_date(span.end)}"


# What a bound describes for a record that is not a fact that occurred: the statement of it.
_STATED_AS = {Status.planned: "kế hoạch", Status.intended: "chủ trương", Status.invited: "lời mời"}


def format_bound(bound: Bound) -> str:
    """“27/12/2022 (ngày đăng bài)”: a source's own date says what kind of date it is."""
    basis = f" ({bound.basis})" if bound.basis else ""
    return f"{format_partial_date(bound.date)}{basis}"


def not_earlier_than(bound: Bound) -> str:
    """“không sớm hơn 12/2019 (ngày ký)”: what a lower bound says of a record."""
    return f"không sớm hơn {format_bound(bound)}"


def not_later_than(bound: Bound) -> str:
    """“không muộn hơn 27/12/2022 (ngày đăng bài)”: what an upper bound says of a record."""
    return f"không muộn hơn {format_bound(bound)}"


def format_year_bounds(first: int | None, last: int | None) -> str:
    """The years a record known only by bounds can fall in, to the year: “trong năm 2019”,
    “trong khoảng năm 2016–2021”, “không muộn hơn năm 2022”, “không sớm hơn năm 2015”."""
    if first is not None and last is not None:
        return f"trong năm {first}" if first == last else f"trong khoảng năm {first}–{last}"
    if last is not None:
        return f"không muộn hơn năm {last}"
    return f"không sớm hơn năm {first}"


def format_placement(placement: Placement, status: Status = Status.occurred) -> str:
    """Vietnamese form of where a record sits in time, as its sources allow: a date; or
    “ngày 28/9, không rõ năm”, “trong giai đoạn 2016–2021”, “không muộn hơn 27/12/2022
    (ngày đăng bài)”. A plan known only by bounds is dated by when it was stated."""
    if placement.date:
        return format_date(placement.date)
    parts = []
    if placement.day_month:
        parts.append(f"ngày {placement.day_month[0]}/{placement.day_month[1]}, không rõ năm")
    before, after = placement.not_before, placement.not_after
    stated_period = (
        before and after and after.quote and before.date.precision == after.date.precision == "year"
    )
    if stated_period:
        assert before and after
        years = f"{before.date.year}–{after.date.year}" if before.date != after.date else str(after.date.year)
        parts.append(f"trong giai đoạn {years}" if before.date != after.date else f"trong năm {years}")
    else:
        if before:
            parts.append(not_earlier_than(before))
        if after:
            parts.append(not_later_than(after))
    if not parts:
        return ""
    text = "; ".join(parts)
    stated = _STATED_AS.get(status)
    return f"{stated} được nêu {text}" if stated and not placement.day_month else text


def format_records_time(placements: list[Placement], dated_by_references: int = 0) -> str:
    """The time a group of records covers, as their dates and bounds allow and saying which:
    “2018–2022 (ngày của 3 bản ghi); 5 bản ghi chỉ biết mốc: không muộn hơn 26/05/2025”.
    Bounds are never read as dates: an entity whose records are known only to have happened
    before an article's date is not given that article's year. `dated_by_references`: how
    many of the dates rest on a reference, not on the articles, which the text says."""
    parts = []
    dated = [placement.date for placement in placements if placement.date]
    if dated:
        first = min(span.start.year for span in dated)
        last = max((span.end or span.start).year for span in dated)
        years = str(first) if first == last else f"{first}–{last}"
        referenced = f", {dated_by_references} theo tài liệu tham khảo" if dated_by_references else ""
        parts.append(f"{years} (ngày của {len(dated)} bản ghi{referenced})")
    bounded = [p for p in placements if not p.date and (p.not_before or p.not_after)]
    if bounded:
        limits = []
        if all(p.not_before for p in bounded):
            earliest = min((p.not_before.date for p in bounded if p.not_before), key=lambda d: d.earliest)
            limits.append(f"không sớm hơn {format_partial_date(earliest)}")
        if all(p.not_after for p in bounded):
            latest = max((p.not_after.date for p in bounded if p.not_after), key=lambda d: d.latest)
            limits.append(f"không muộn hơn {format_partial_date(latest)}")
        parts.append(f"{len(bounded)} bản ghi chỉ biết mốc" + (": " + ", ".join(limits) if limits else ""))
    unknown_year = sum(
        1 for p in placements if not p.date and p.day_month and not (p.not_before or p.not_after)
    )
    if unknown_year:
        parts.append(f"{unknown_year} bản ghi không rõ năm")
    return "; ".join(parts)


def format_number(value: int) -> str:
    """Vietnamese digit grouping: 1100 -> 1.100."""
    return f"{value:,}".replace(",", ".")


def format_ordinal(value: int) -> str:
    """An ordinal as Vietnamese writes it: thứ nhất, thứ hai, thứ tư, thứ 3."""
    return "thứ " + {1: "nhất", 2: "hai", 4: "tư"}.get(value, str(value))


def format_size(size: int) -> str:
    """A file size as Vietnamese writes it: 12,3 KB, 1,2 MB."""
    if size < 1024:
        return f"{size} B"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    return f"{value:.1f} {unit}".replace(".", ",")


def format_figure(figure: Figure) -> str:
    """A figure as a reader reads it: "hơn 1.100 lượt quân nhân", "70 tổ chức"."""
    words = [figure.qualifier.label, format_number(figure.value), figure.unit]
    return " ".join(word for word in words if word)


def format_reference(reference: Reference) -> str:
    """“Báo Quân đội nhân dân, 26/05/2015”: who published a reference, and when."""
    date = reference.published_date
    return f"{reference.publisher}, {format_partial_date(date) if date else 'không rõ ngày đăng'}"


def format_value(value: object) -> str:
    """Any field's value as a reader reads it: a date, a figure, a point, a list, a word."""
    if isinstance(value, DateSpan):
        return format_date(value)
    if isinstance(value, Figure):
        return format_figure(value)
    if isinstance(value, Coordinates):
        return f"vĩ độ {value.lat}, kinh độ {value.lon}".replace(".", ",")
    if isinstance(value, Vocabulary):
        return value.label or value.value
    if isinstance(value, list):
        return ", ".join(format_value(item) for item in value)
    if isinstance(value, BaseModel):
        return ", ".join(f"{k}: {v}" for k, v in value.model_dump(mode="json").items())
    return str(value)
