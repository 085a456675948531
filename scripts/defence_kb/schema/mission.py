"""Missions and deployments of forces (data/missions/)."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Text
from .parts import Figure, Rotation
from .record import Record
from .vocabularies import UnitType


class Mission(Record):
    """`date` is the period of deployment, when stated."""

    folder = "missions"
    type_label = "Phái bộ, lực lượng"
    type_label_plural = "Phái bộ, triển khai lực lượng"
    url_prefix = "phai-bo"
    entity_fields = ("organiser", "host_country", "place", "entities", "mentioned")

    organiser: Slug | None = Field(None, description="Mã tổ chức điều hành (LHQ, EU…).")
    host_country: Slug | None = Field(None, description="Mã quốc gia sở tại.")
    place: Slug | None = Field(
        None,
        description=(
            "Mã địa bàn (đối tác loại place) khi nơi triển khai không phải một quốc gia, "
            "ví dụ abyei; bản đồ đặt phái bộ tại đó."
        ),
    )
    area: Text | None = Field(None, description="Địa bàn như nguồn viết (Abyei, Nam Sudan…).")
    unit_type: UnitType = Field(description="Loại lực lượng.")
    rotation: Rotation | None = Field(
        None, description="Lượt triển khai thứ mấy của đơn vị, chỉ khi một trích dẫn nêu."
    )
    personnel: Figure | None = Field(None, description="Quân số, nếu nguồn nêu.")
