"""Events: meetings, visits, exercises, exchanges (data/events/)."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Text
from .record import Record
from .vocabularies import EventKind


class Event(Record):
    folder = "events"
    type_label = "Sự kiện"
    type_label_plural = "Sự kiện"
    url_prefix = "su-kien"
    entity_fields = ("hosts", "entities", "mentioned")

    kind: EventKind = Field(description="Loại sự kiện.")
    hosts: list[Slug] = Field(default_factory=list, description="Mã các bên chủ trì, đăng cai.")
    edition: int | None = Field(None, ge=1, description="Lần tổ chức (số), ví dụ 8.")
    edition_as_stated: Text | None = Field(None, description="Lần tổ chức như nguồn viết: “lần thứ 8”.")
