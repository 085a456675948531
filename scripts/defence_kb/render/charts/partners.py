"""Who counts as a partner: the knowledge base is about Viet Nam's cooperation, so Viet Nam
and its own bodies, taking part in most records, are not ranked among its partners."""

from __future__ import annotations

from ...model import EntityEntry
from ...schema import EntityKind

HOME_COUNTRY = "viet-nam"


def is_partner(entry: EntityEntry, entities: dict[str, EntityEntry]) -> bool:
    """A country or organisation other than Viet Nam and its own bodies."""
    entity = entry.entity
    if entity.kind is EntityKind.person:
        return False
    seen = set()
    while entity is not None and entity.id not in seen:
        if entity.id == HOME_COUNTRY or entity.country == HOME_COUNTRY:
            return False
        seen.add(entity.id)
        entity = entities[entity.part_of].entity if entity.part_of else None
    return True
