"""The record types, by the folder under data/ that holds each."""

from __future__ import annotations

from .agreement import Agreement
from .event import Event
from .mission import Mission
from .position import Position
from .record import Record
from .resolution import Resolution

RECORD_TYPES: dict[str, type[Record]] = {
    cls.folder: cls for cls in (Event, Agreement, Mission, Resolution, Position)
}
