"""References hold what they claim (schema/reference.py, references.py).

- A reference's id is unique within its file.
- `supports` names only fields the file has, each with a value of that field's type.
- A supported field's value in the file is the one some reference gives.
- A date a reference gives lies within the bounds the articles justify: the stated
  not_before/not_after and the publication date of every cited source (both are named).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ...load import RawDataset
from ...problems import Problem
from ...references import supported_value
from ...schema import DateSpan, PartialDate, Record
from ...wording import format_partial_date
from ..data import Located, ValidatedData
from ..registry import Rule

# Fields a reference cannot support: what identifies the file, and the proofs themselves.
_NOT_SUPPORTABLE = {"id", "former_ids", "references", "evidence", "not_in_sources", "roles"}


def _shown(value: Any) -> str:
    if isinstance(value, DateSpan):
        return value.start.iso() + (f"/{value.end.iso()}" if value.end else "")
    if isinstance(value, BaseModel):
        return ", ".join(f"{k}: {v}" for k, v in value.model_dump(mode="json").items())
    return str(value)


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for located in [*data.records.values(), *data.entities.values()]:
        yield from _check_file(located, data)


def _check_file(located: Located[Any], data: ValidatedData) -> Iterator[Problem]:
    model, loaded = located.model, located.file
    raw = loaded.data if isinstance(loaded.data, dict) else {}
    seen: set[str] = set()
    given: dict[str, list[tuple[str, Any]]] = {}  # field -> (reference id, value read)
    for index, reference in enumerate(model.references):
        where = ("references", index)
        if reference.id in seen:
            yield loaded.problem(
                (*where, "id"),
                f"mã tài liệu tham khảo “{reference.id}” đã dùng trong tệp này; mỗi tài liệu một mã",
            )
        seen.add(reference.id)
        for field, value in reference.supports.items():
            key = (*where, "supports", field)
            if field not in type(model).model_fields or field in _NOT_SUPPORTABLE:
                yield loaded.problem(
                    key,
                    f"tài liệu “{reference.id}” hỗ trợ “{field}”, nhưng đó không phải trường một "
                    "tài liệu có thể hỗ trợ: ghi tên một trường của tệp (ví dụ date, location)",
                    of_key=True,
                )
                continue
            if raw.get(field) is None:
                yield loaded.problem(
                    key,
                    f"tài liệu “{reference.id}” hỗ trợ “{field}”, nhưng tệp không có trường này: "
                    f"ghi “{field}: {value}” vào tệp, hoặc xóa “{field}” khỏi supports",
                    of_key=True,
                )
                continue
            try:
                read = supported_value(model, field, value)
            except ValueError as error:
                yield loaded.problem(
                    key,
                    f"giá trị “{value}” mà tài liệu “{reference.id}” nêu cho “{field}” không hợp lệ: "
                    f"{error}; ghi giá trị đúng kiểu của trường “{field}”",
                )
                continue
            given.setdefault(field, []).append((reference.id, read))
            if isinstance(model, Record) and field == "date":
                yield from _check_within_bounds(located, data, index, read)
    for field, values in given.items():
        if not any(read == getattr(model, field) for _, read in values):
            listed = "; ".join(f"“{rid}” nêu {_shown(read)}" for rid, read in values)
            yield loaded.problem(
                (field,),
                f"“{field}” = {_shown(getattr(model, field))} không khớp tài liệu tham khảo nào "
                f"({listed}): ghi giá trị một tài liệu nêu, hoặc xóa “{field}” khỏi supports",
            )


def _check_within_bounds(
    located: Located[Record], data: ValidatedData, index: int, date: DateSpan
) -> Iterator[Problem]:
    """A date a reference gives cannot contradict the bounds the articles give."""
    record, loaded = located.model, located.file
    reference = record.references[index]
    start, end = date.start, date.end or date.start
    named = f"ngày {_shown(date)} mà tài liệu tham khảo “{reference.id}” ({reference.publisher}) nêu"
    latest: list[tuple[PartialDate, str]] = []
    if record.not_after:
        latest.append(
            (
                record.not_after.date,
                f"mốc “không muộn hơn” {format_partial_date(record.not_after.date)} mà nguồn "
                f"“{record.not_after.source}” nêu: “{record.not_after.quote}”",
            )
        )
    for evidence in record.evidence:
        source = data.sources.get(evidence.source)
        published = source.model.published if source else None
        if published and published.end is None:
            latest.append(
                (
                    published.start,
                    f"ngày đăng {format_partial_date(published.start)} của nguồn “{evidence.source}” "
                    "(bài viết không nói về việc xảy ra sau ngày đăng)",
                )
            )
    problems = [f"{named} muộn hơn {why}" for bound, why in latest if start.earliest > bound.latest]
    if record.not_before and end.latest < record.not_before.date.earliest:
        problems.append(
            f"{named} sớm hơn mốc “không sớm hơn” {format_partial_date(record.not_before.date)} mà "
            f"nguồn “{record.not_before.source}” nêu: “{record.not_before.quote}”"
        )
    for text in dict.fromkeys(problems):
        yield loaded.problem(
            ("references", index, "supports", "date"),
            f"{text}; kiểm tra lại tài liệu: mốc của bài nguồn được giữ, "
            "tài liệu trái với nó không dùng được",
        )


RULE = Rule(
    name="references",
    checks=(
        "a reference's id is unique in its file; `supports` names fields the file has, with values "
        "of their type; the file's value is one a reference gives; a reference's date lies within "
        "the articles' bounds"
    ),
    applies_to=("records", "entities"),
    fix="correct the reference or the file's value; drop a reference that contradicts the articles",
    check=check,
)
