"""Values an editor knows from elsewhere say so: an entity's ISO code and a place's
coordinates are in no article, so each is marked `not_in_sources` (the entity page and the
map captions then say "do biên tập viên ghi") or rests on a reference; a mark names a
field the file has, and a referenced field is not also marked."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ..data import ValidatedData
from ..registry import Rule

# The fields that are always editor knowledge unless a reference gives them.
EDITOR_KNOWLEDGE_FIELDS = {"iso_code": "mã ISO", "coordinates": "tọa độ"}


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for located in data.entities.values():
        entity, loaded = located.model, located.file
        referenced = {field for reference in entity.references for field in reference.supports}
        for field, label in EDITOR_KNOWLEDGE_FIELDS.items():
            value = getattr(entity, field)
            marked = field in entity.not_in_sources
            if value is not None and not marked and field not in referenced:
                yield loaded.problem(
                    (field,),
                    f"{label} do biên tập viên ghi, không có trong nguồn: ghi “not_in_sources: "
                    f"[{field}]” để trang ghi rõ, hoặc thêm tài liệu tham khảo hỗ trợ “{field}”",
                    of_key=True,
                )
            elif marked and field in referenced:
                yield loaded.problem(
                    ("not_in_sources",),
                    f"“{field}” đã dựa vào tài liệu tham khảo: xóa “{field}” khỏi not_in_sources",
                )
        for index, field in enumerate(entity.not_in_sources):
            if getattr(entity, field) is None:
                yield loaded.problem(
                    ("not_in_sources", index),
                    f"tệp không có trường “{field}”: xóa “{field}” khỏi not_in_sources",
                )


RULE = Rule(
    name="editor_knowledge",
    checks="an entity's iso_code and coordinates are marked not_in_sources or rest on a reference",
    applies_to=("entities",),
    fix="add the field to not_in_sources (or a reference that supports it); unmark a field the file lacks",
    check=check,
)
