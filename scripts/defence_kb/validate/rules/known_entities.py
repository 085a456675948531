"""Every entity a record or an entity names exists, in the role it is named in."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import LoadedFile, RawDataset
from ...problems import Problem
from ...schema import RECORD_TYPES, Entity
from ..data import ValidatedData
from ..raw import raw_ids, strings, unknown
from ..registry import Rule


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    entity_ids = raw_ids(raw.entities)
    kinds = {f.data.get("id"): f.data.get("kind") for f in raw.entities if isinstance(f.data, dict)}
    for folder, files in raw.records.items():
        for loaded in files:
            if not isinstance(loaded.data, dict):
                continue
            yield from _named_entities(loaded, RECORD_TYPES[folder].entity_fields, entity_ids)
            place = loaded.data.get("place")
            if isinstance(place, str) and place in entity_ids and kinds.get(place) != "place":
                yield loaded.problem(("place",), f"“{place}” không phải khu vực, địa bàn (kind: place)")
    for loaded in raw.entities:
        if isinstance(loaded.data, dict):
            yield from _named_entities(loaded, Entity.entity_fields, entity_ids)
            if loaded.data.get("id") in (loaded.data.get("part_of"), loaded.data.get("country")):
                yield loaded.problem(("part_of",), "đối tác không thể thuộc về chính nó")


def _named_entities(loaded: LoadedFile, fields: tuple[str, ...], entity_ids: set[str]) -> Iterator[Problem]:
    for name in fields:
        for key, entity_id in strings(loaded.data.get(name), (name,)):
            if entity_id not in entity_ids:
                yield loaded.problem(key, unknown(entity_id, entity_ids, "đối tác", "data/entities"))


RULE = Rule(
    name="known_entities",
    checks=(
        "every entity id in a record's entity fields (hosts, parties, organiser…) and in an "
        "entity's part_of and country exists; a mission's place is a place; nothing is part of itself"
    ),
    applies_to=("records", "entities"),
    fix="correct the id (the message suggests the closest one) or add data/entities/<id>.yml",
    check=check,
)
