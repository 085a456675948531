"""Validator rules for references (references.py) and for values an editor knows from
elsewhere (an entity's ISO code, a place's coordinates): every value from outside the four
articles says where it comes from.

- A reference's ids are unique within its file.
- `supports` names only fields the file has, each with a value of that field's type.
- A supported field's value in the file is the one some reference gives.
- A date a reference gives lies within the bounds the articles justify: the stated
  not_before/not_after and the publication date of every cited source.
- An entity's iso_code and coordinates are marked `not_in_sources` or rest on a reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .references import supported_value
from .schema import DateSpan, Entity, PartialDate, Record
from .wording import format_partial_date

if TYPE_CHECKING:
    from .validate import Located, ValidatedData

# An entity's fields that are always editor knowledge unless a reference gives them.
EDITOR_KNOWLEDGE_FIELDS = {"iso_code": "mã ISO", "coordinates": "tọa độ"}
# Fields a reference cannot support: what identifies the file, and the proofs themselves.
_NOT_SUPPORTABLE = {"id", "former_ids", "references", "evidence", "not_in_sources", "roles"}


def _shown(value: Any) -> str:
    if isinstance(value, DateSpan):
        return value.start.iso() + (f"/{value.end.iso()}" if value.end else "")
    if isinstance(value, BaseModel):
        return ", ".join(f"{k}: {v}" for k, v in value.model_dump(mode="json").items())
    return str(value)


def check_references(data: ValidatedData) -> None:
    for located in [*data.records.values(), *data.entities.values()]:
        _check_file(located, data)
    for located in data.entities.values():
        _check_editor_knowledge(located, data)


def _check_file(located: Located[Any], data: ValidatedData) -> None:
    model, loaded = located.model, located.file
    raw = loaded.data if isinstance(loaded.data, dict) else {}
    seen: set[str] = set()
    given: dict[str, list[tuple[str, Any]]] = {}  # field -> (reference id, value read)
    for index, reference in enumerate(model.references):
        where = ("references", index)
        if reference.id in seen:
            data.problems.append(
                loaded.problem(
                    (*where, "id"),
                    f"mã tài liệu tham khảo “{reference.id}” đã dùng trong tệp này; mỗi tài liệu một mã",
                )
            )
        seen.add(reference.id)
        for field, value in reference.supports.items():
            key = (*where, "supports", field)
            if field not in type(model).model_fields or field in _NOT_SUPPORTABLE:
                data.problems.append(
                    loaded.problem(
                        key,
                        f"tài liệu “{reference.id}” hỗ trợ “{field}”, nhưng đó không phải trường một "
                        "tài liệu có thể hỗ trợ: ghi tên một trường của tệp (ví dụ date, location)",
                        of_key=True,
                    )
                )
                continue
            if raw.get(field) is None:
                data.problems.append(
                    loaded.problem(
                        key,
                        f"tài liệu “{reference.id}” hỗ trợ “{field}”, nhưng tệp không có trường này: "
                        f"ghi “{field}: {value}” vào tệp, hoặc xóa “{field}” khỏi supports",
                        of_key=True,
                    )
                )
                continue
            try:
                read = supported_value(model, field, value)
            except ValueError as error:
                data.problems.append(
                    loaded.problem(
                        key,
                        f"giá trị “{value}” mà tài liệu “{reference.id}” nêu cho “{field}” không hợp lệ: "
                        f"{error}; ghi giá trị đúng kiểu của trường “{field}”",
                    )
                )
                continue
            given.setdefault(field, []).append((reference.id, read))
            if isinstance(model, Record) and field == "date":
                _check_within_bounds(located, data, index, read)
    for field, values in given.items():
        if not any(read == getattr(model, field) for _, read in values):
            listed = "; ".join(f"“{rid}” nêu {_shown(read)}" for rid, read in values)
            data.problems.append(
                loaded.problem(
                    (field,),
                    f"“{field}” = {_shown(getattr(model, field))} không khớp tài liệu tham khảo nào "
                    f"({listed}): ghi giá trị một tài liệu nêu, hoặc xóa “{field}” khỏi supports",
                )
            )


def _check_within_bounds(located: Located[Record], data: ValidatedData, index: int, date: DateSpan) -> None:
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
        data.problems.append(
            loaded.problem(
                ("references", index, "supports", "date"),
                f"{text}; kiểm tra lại tài liệu: mốc của bài nguồn được giữ, "
                "tài liệu trái với nó không dùng được",
            )
        )


def _check_editor_knowledge(located: Located[Entity], data: ValidatedData) -> None:
    entity, loaded = located.model, located.file
    referenced = {field for reference in entity.references for field in reference.supports}
    for field, label in EDITOR_KNOWLEDGE_FIELDS.items():
        value = getattr(entity, field)
        marked = field in entity.not_in_sources
        if value is not None and not marked and field not in referenced:
            data.problems.append(
                loaded.problem(
                    (field,),
                    f"{label} do biên tập viên ghi, không có trong nguồn: ghi “not_in_sources: "
                    f"[{field}]” để trang ghi rõ, hoặc thêm tài liệu tham khảo hỗ trợ “{field}”",
                    of_key=True,
                )
            )
        elif marked and field in referenced:
            data.problems.append(
                loaded.problem(
                    ("not_in_sources",),
                    f"“{field}” đã dựa vào tài liệu tham khảo: xóa “{field}” khỏi not_in_sources",
                )
            )
    for index, field in enumerate(entity.not_in_sources):
        if getattr(entity, field) is None:
            data.problems.append(
                loaded.problem(
                    ("not_in_sources", index),
                    f"tệp không có trường “{field}”: xóa “{field}” khỏi not_in_sources",
                )
            )
