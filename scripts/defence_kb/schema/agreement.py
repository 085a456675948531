"""Agreements and other signed documents (data/agreements/)."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Text
from .record import Record
from .vocabularies import AgreementKind


class Agreement(Record):
    """`date` is the signing date and `location` the signing place, when stated."""

    folder = "agreements"
    type_label = "Thỏa thuận"
    type_label_plural = "Thỏa thuận, văn kiện hợp tác"
    url_prefix = "thoa-thuan"
    entity_fields = ("parties", "entities", "mentioned")

    kind: AgreementKind = Field(description="Loại văn kiện.")
    parties: list[Slug] = Field(min_length=1, description="Mã các bên ký kết.")
    signatories: list[Text] = Field(default_factory=list, description="Người ký, như nguồn viết.")
