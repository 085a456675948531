"""Stated positions, principles and policy lines (data/positions/)."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Text
from .record import Record
from .vocabularies import PositionKind


class Position(Record):
    """A stated position, principle or policy line: who states it, in which article or
    document, since when if known. `date` is when it was stated, if the source says."""

    folder = "positions"
    type_label = "Quan điểm, chủ trương"
    type_label_plural = "Quan điểm, chủ trương, đường lối"
    url_prefix = "quan-diem"
    entity_fields = ("stated_by", "entities", "mentioned")

    kind: PositionKind = Field(description="Loại: chính sách, nguyên tắc, nhận định, nhiệm vụ.")
    stated_by: list[Slug] = Field(
        default_factory=list,
        description="Mã bên nêu quan điểm (Đảng, Nhà nước, Bộ Quốc phòng…); để trống nếu bài không nói.",
    )
    stated_in: Text | None = Field(
        None, description="Văn kiện hoặc bài viết nêu quan điểm, như nguồn viết (nếu có)."
    )
