"""Where a value comes from, where it shows: a value that rests on a reference is marked
“theo tài liệu tham khảo: <cơ quan>, <ngày>”, linked to the reference in the page's
“Tài liệu tham khảo” section; a value an editor knows from elsewhere (an ISO code, a place's
coordinates) is marked as the editor's. Both are distinct from the verbatim evidence."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..field_labels import FIELD_LABELS
from ..model import EntityEntry, RecordEntry
from ..schema import Reference
from ..wording import format_reference, format_value
from .markdown import escape_inline
from .summaries import placement_label

EDITOR_KNOWLEDGE = "do biên tập viên ghi, không có trong nguồn"


def reference_anchor(reference: Reference) -> str:
    return f"tai-lieu-{reference.id}"


def field_label(field: str) -> str:
    """A field's name inside a sentence: “thời gian”, “địa điểm”."""
    label = FIELD_LABELS.get(field, field)
    return label[:1].lower() + label[1:]


def _model(entry: RecordEntry | EntityEntry) -> Any:
    return entry.record if isinstance(entry, RecordEntry) else entry.entity


def value_mark(entry: RecordEntry | EntityEntry, field: str) -> Markup:
    """The mark after a value on its page: which references it rests on (and that others
    disagree), or that an editor wrote it; nothing for a value from the articles."""
    referenced = entry.referenced.get(field)
    if referenced:
        links = "; ".join(
            f"[{escape_inline(format_reference(reference))}](#{reference_anchor(reference)})"
            for reference in referenced.agreeing
        )
        other = "; tài liệu khác nêu khác, xem mục Tài liệu tham khảo" if referenced.disagreeing else ""
        text = f"(theo tài liệu tham khảo: {links}{other})"
        return Markup(f' <small class="kb-provenance kb-reference-mark">{text}</small>')
    if field in getattr(_model(entry), "not_in_sources", ()):
        return Markup(f' <small class="kb-provenance">({EDITOR_KNOWLEDGE})</small>')
    return Markup("")


def supported_by(entry: RecordEntry | EntityEntry, reference: Reference) -> list[tuple[str, str]]:
    """(field label, the value as the reference gives it) for each value it supports."""
    found = []
    for field in reference.supports:
        referenced = entry.referenced[field]
        if reference in referenced.agreeing:
            value = getattr(_model(entry), field)
        else:
            value = next(given for other, given in referenced.disagreeing if other is reference)
        found.append((field_label(field), format_value(value)))
    return found


def disagreements(entry: RecordEntry | EntityEntry) -> list[tuple[str, str, list[tuple[Reference, str]]]]:
    """(field label, the value the page shows, [(reference, the other value it gives)])
    for each value on which references disagree."""
    return [
        (
            field_label(field),
            format_value(getattr(_model(entry), field)),
            [(reference, format_value(value)) for reference, value in referenced.disagreeing],
        )
        for field, referenced in entry.referenced.items()
        if referenced.disagreeing
    ]


def when_listed(entry: RecordEntry) -> str:
    """A record's time in a list of records: a date that rests on references says so
    (the record's page names them)."""
    label = placement_label(entry)
    return f"{label} (theo tài liệu tham khảo)" if label and entry.time_referenced else label
