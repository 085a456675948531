"""The data model: the single source of truth for every YAML file under `data/`.

Validation (pydantic), the JSON Schema files editors' editors use, the scaffolding of new
records and the labels the site shows all derive from the classes and vocabularies here.
Field descriptions are in Vietnamese because editors read them as completion hints.

One module per kind of thing: `base` (ids, text, the strict model), `vocabularies`, `dates`,
`parts` (evidence, figures, date bounds, roles), `record` (what every record shares), one
module per record type (`event`, `agreement`, `mission`, `resolution`, `position`, gathered
in `record_types`), `entity`, `source`, `themes` and `exclusions`. Import from the package.
"""

from .agreement import Agreement
from .base import PLACEHOLDER, SLUG_PATTERN, Slug, Strict, Text, unique_values
from .dates import (
    FUTURE_YEARS_ALLOWED,
    DateSpan,
    DateValue,
    DayMonth,
    PartialDate,
    PartialDateValue,
    date_span_data,
)
from .entity import Coordinates, Entity
from .event import Event
from .exclusions import Exclusion, ExclusionsFile
from .mission import Mission
from .parts import DateBound, Evidence, Figure, Role, Rotation
from .position import Position
from .record import Record
from .record_types import RECORD_TYPES
from .reference import UNKNOWN_DATE, PublishedCopy, Reference
from .resolution import Resolution
from .source import Paragraph, Source
from .themes import Theme, ThemesFile
from .vocabularies import (
    AgreementKind,
    DocType,
    EntityKind,
    EventKind,
    ParagraphKind,
    PositionKind,
    PublishedKind,
    Qualifier,
    Status,
    UnitType,
    Vocabulary,
)

__all__ = [
    "FUTURE_YEARS_ALLOWED",
    "PLACEHOLDER",
    "RECORD_TYPES",
    "SLUG_PATTERN",
    "UNKNOWN_DATE",
    "Agreement",
    "AgreementKind",
    "Coordinates",
    "DateBound",
    "DateSpan",
    "DateValue",
    "DayMonth",
    "DocType",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "Evidence",
    "Exclusion",
    "ExclusionsFile",
    "Figure",
    "Mission",
    "Paragraph",
    "ParagraphKind",
    "PartialDate",
    "PartialDateValue",
    "Position",
    "PositionKind",
    "PublishedCopy",
    "PublishedKind",
    "Qualifier",
    "Record",
    "Reference",
    "Resolution",
    "Role",
    "Rotation",
    "Slug",
    "Source",
    "Status",
    "Strict",
    "Text",
    "Theme",
    "ThemesFile",
    "UnitType",
    "Vocabulary",
    "date_span_data",
    "unique_values",
]
