"""Structured metadata for record and entity pages: schema.org JSON-LD and descriptions.

Search engines and link previews read a page's JSON-LD and its description; both come from
the record, so they are built here from the model and written into the page's front matter,
which the theme override (docs/overrides/main.html) prints into <head>.

Types: events and missions are schema.org `Event`s; agreements and Party, State and
ministry documents are `Legislation` (schema.org's type for legal instruments, enforceable
or not, with `legislationType` saying which); entities are `Country`, `Organization` or
`Person`; stated positions are `CreativeWork`s whose `creator` is who states them. The
articles a record rests on are its `isBasedOn`; the references some of its values (or an
entity's) rest on are its `citation`s.
"""

from __future__ import annotations

import json
from typing import Any

from .model import EntityEntry, KnowledgeBase, RecordEntry
from .schema import Agreement, EntityKind, Event, Mission, Position, Reference, Resolution, Status

DESCRIPTION_LENGTH = 200
_ENTITY_TYPES = {
    EntityKind.country: "Country",
    EntityKind.organisation: "Organization",
    EntityKind.person: "Person",
    EntityKind.place: "Place",
}
# In a <script> element the text must never contain "</script>" or "<!--": JSON allows
# these characters as \u escapes, which parsers read back as the characters.


def description(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The first `limit` characters of a text, cut at a word, for a description tag."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def script_json(data: dict[str, Any]) -> str:
    """JSON to print inside a <script> element as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _date(span: Any, end: bool = False) -> str | None:
    if span is None:
        return None
    part = span.end if end else span.start
    return part.iso() if part else None


def record_json_ld(kb: KnowledgeBase, entry: RecordEntry, url: str) -> dict[str, Any]:
    record = entry.record
    sources = {citation.source.id: citation.source for citation in entry.citations}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": (
            "Legislation"
            if isinstance(record, Agreement | Resolution)
            else "CreativeWork"
            if isinstance(record, Position)
            else "Event"
        ),
        "@id": url,
        "url": url,
        "identifier": record.id,
        "name": record.title,
        "description": description(record.summary),
        "inLanguage": "vi",
        "about": [kb.themes[theme_id].title for theme_id in record.themes],
        "isBasedOn": [
            {
                "@type": "NewsArticle",
                "name": source.title or source.label,
                **({"url": source.url} if source.url else {}),
            }
            for source in sources.values()
        ],
        "citation": [_reference(reference) for reference in record.references],
    }
    if record.title_en:
        data["alternateName"] = record.title_en
    if record.tags:
        data["keywords"] = ", ".join(record.tags)
    involved = [_entity_reference(kb.entities[entity_id]) for entity_id in record.participant_ids()]
    if isinstance(record, Event | Mission):
        data["startDate"] = _date(record.date)
        data["endDate"] = _date(record.date, end=True)
        if record.location:
            data["location"] = {"@type": "Place", "name": record.location}
        if record.status is Status.planned:
            data["eventStatus"] = "https://schema.org/EventScheduled"
        if involved:
            data["attendee"] = involved
    elif isinstance(record, Position):
        if involved:
            data["creator"] = involved
    else:
        data["legislationType"] = (record.kind if isinstance(record, Agreement) else record.doc_type).label
        data["legislationDate"] = _date(record.date)
        if isinstance(record, Resolution) and record.number:
            data["legislationIdentifier"] = record.number
        if involved:
            data["legislationPassedBy" if isinstance(record, Resolution) else "contributor"] = involved
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def _reference(reference: Reference) -> dict[str, Any]:
    data = {
        "@type": "WebPage",
        "name": reference.title,
        "url": reference.url,
        "publisher": {"@type": "Organization", "name": reference.publisher},
        "datePublished": reference.published_date.iso() if reference.published_date else None,
    }
    return {key: value for key, value in data.items() if value}


def _entity_reference(entry: EntityEntry) -> dict[str, str]:
    return {"@type": _ENTITY_TYPES[entry.entity.kind], "name": entry.entity.name}


def entity_json_ld(entry: EntityEntry, url: str) -> dict[str, Any]:
    entity = entry.entity
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": _ENTITY_TYPES[entity.kind],
        "@id": url,
        "url": url,
        "identifier": entity.id,
        "name": entity.name,
        "alternateName": [text for text in (entity.name_en, *entity.aliases) if text],
        "description": description(entity.description) if entity.description else None,
        "citation": [_reference(reference) for reference in entity.references],
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}
