"""What a map counts: the countries taking part in some records, and the places where Viet
Nam's forces serve (see the package's docstring for the rules), with the words their marks
and legend say about them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ... import atlas
from ...model import EntityEntry, KnowledgeBase, RecordEntry
from ...schema import Agreement, EntityKind, Event, Mission, Position, Record, Resolution, Status
from ...text import vietnamese_sort_key

HOME_CODE = "VN"
# (key, record types, label): the kinds a country's marks distinguish; every record type is
# in one, so that a country's kinds add up to its records.
KINDS: tuple[tuple[str, tuple[type[Record], ...], str], ...] = (
    ("agreements", (Agreement,), "thỏa thuận, văn kiện"),
    ("events", (Event,), "sự kiện, giao lưu"),
    ("missions", (Mission,), "phái bộ, hỗ trợ"),
    ("positions", (Position, Resolution), "quan điểm, văn kiện chính sách"),
)
# Lower bounds of the shades: 1, 2–3, 4–7, 8 records or more.
SHADES = (1, 2, 4, 8)
SENT = (Status.occurred, Status.ongoing)
# (style, legend): how a deployment's pin says whether Viet Nam has sent its people there.
DEPLOYMENT_STYLES = (
    ("sent", "nơi Việt Nam đã cử lực lượng, nhân sự (phái bộ, cứu hộ, cứu nạn)"),
    ("planned", "nơi Việt Nam dự kiến cử lực lượng, nhân sự"),
)


@dataclass
class CountryCount:
    entry: EntityEntry
    records: list[RecordEntry] = field(default_factory=list)

    def of_kind(self, key: str) -> int:
        record_types = next(t for k, t, _ in KINDS if k == key)
        return sum(1 for r in self.records if isinstance(r.record, record_types))

    @property
    def code(self) -> str:
        return self.entry.entity.iso_code or ""

    @property
    def shade(self) -> int:
        return sum(1 for bound in SHADES if len(self.records) >= bound)

    @property
    def kinds(self) -> list[tuple[str, str, int]]:
        return [(key, label, self.of_kind(key)) for key, _, label in KINDS]

    @property
    def title(self) -> str:
        """The mark's tooltip: the country, its records and how many of each kind it has
        (they add up: every record is of one kind)."""
        kinds = "; ".join(f"{number} {label}" for _, label, number in self.kinds if number)
        return f"{self.entry.entity.name}: {len(self.records)} bản ghi ({kinds})"


@dataclass
class Deployment:
    """A place with the missions of Viet Nam's forces there."""

    entry: EntityEntry
    missions: list[RecordEntry]

    @property
    def point(self) -> tuple[float, float] | None:
        entity = self.entry.entity
        if entity.coordinates:
            return atlas.equal_earth(entity.coordinates.lon, entity.coordinates.lat)
        return atlas.projected_world().label_points.get(entity.iso_code or "")

    @property
    def style(self) -> str:
        """ "sent" if some mission there took place or is under way, else "planned"."""
        return "sent" if any(m.record.status in SENT for m in self.missions) else "planned"

    @property
    def title(self) -> str:
        missions = "; ".join(f"{m.record.title} ({m.record.status.label.lower()})" for m in self.missions)
        return f"{self.entry.entity.name}: {len(self.missions)} phái bộ, lực lượng: {missions}"


def country_counts(kb: KnowledgeBase, entries: Iterable[RecordEntry]) -> list[CountryCount]:
    """The countries taking part in `entries`, most records first, Viet Nam included."""
    counts: dict[str, CountryCount] = {}
    for entry in entries:
        for entity_id, role in entry.record.entity_roles():
            entity = kb.entities[entity_id]
            if role != "mentioned" and entity.entity.kind is EntityKind.country:
                counts.setdefault(entity_id, CountryCount(entity)).records.append(entry)
    return sorted(counts.values(), key=lambda c: (-len(c.records), vietnamese_sort_key(c.entry.entity.name)))


def deployments(kb: KnowledgeBase, entries: Iterable[RecordEntry]) -> list[Deployment]:
    places: dict[str, list[RecordEntry]] = {}
    for entry in entries:
        record = entry.record
        if isinstance(record, Mission):
            place = record.place or record.host_country
            if place:
                places.setdefault(place, []).append(entry)
    return sorted(
        (Deployment(kb.entities[place], missions) for place, missions in places.items()),
        key=lambda d: vietnamese_sort_key(d.entry.entity.name),
    )


def deployment_legend(places: Iterable[Deployment]) -> list[tuple[str, str]]:
    """The pins' styles the map draws, each with what it stands for (only those drawn)."""
    drawn = {place.style for place in places}
    return [(style, label) for style, label in DEPLOYMENT_STYLES if style in drawn]


def shade_legend() -> list[tuple[int, str]]:
    """(shade, "2–3 bản ghi"): what each shade of the legend stands for."""
    labels = []
    for index, bound in enumerate(SHADES, 1):
        upper = SHADES[index] - 1 if index < len(SHADES) else None
        text = f"{bound}" if upper == bound else f"{bound}–{upper}" if upper else f"từ {bound}"
        labels.append((index, f"{text} bản ghi"))
    return labels
