"""Party, State and ministry documents (data/resolutions/)."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Text
from .record import Record
from .vocabularies import DocType


class Resolution(Record):
    """Any Party, State or ministry document; `date` is its issue date when stated."""

    folder = "resolutions"
    type_label = "Văn kiện chính sách"
    type_label_plural = "Văn kiện của Đảng, Nhà nước, Bộ Quốc phòng"
    url_prefix = "van-kien"
    entity_fields = ("issuer", "entities", "mentioned")

    number: Text | None = Field(None, description="Số hiệu đúng như viết: 22-NQ/TW, 806-NQ/QUTƯ.")
    doc_type: DocType = Field(description="Loại văn bản.")
    issuer: Slug | None = Field(None, description="Mã cơ quan ban hành.")
    subject: Text | None = Field(None, description="Trích yếu, như nguồn viết.")
