"""The questions readers ask most, answered from the records ("Hỏi nhanh").

Each answer is computed from the knowledge base, never typed: which records answer a
question is decided here by their type, theme, entities and place in time, and the page
(templates/answers.md.j2) only words and lays out what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Citation, EntityEntry, KnowledgeBase, RecordEntry
from ..schema import (
    Agreement,
    AgreementKind,
    EntityKind,
    Event,
    EventKind,
    Figure,
    Mission,
    Resolution,
    Rotation,
    UnitType,
)
from ..text import collapse_whitespace, vietnamese_sort_key
from .summaries import FigureRow, figure_rows

HOME = "viet-nam"
UNITED_NATIONS = "lien-hop-quoc"
PEACEKEEPING = "gin-giu-hoa-binh-lhq"
BORDER = "giao-luu-quoc-phong-bien-gioi"
POLICY = "van-kien-chinh-sach"
ASEAN = "asean"
SECURITY_COUNCIL = "hoi-dong-bao-an-lien-hop-quoc"
# (anchor, question) of each answer, in the order of the page; the home page links to each.
QUESTIONS = [
    (
        "ban-ghi-nho-gin-giu-hoa-binh",
        "Những nước nào đã ký bản ghi nhớ về gìn giữ hòa bình với Việt Nam, khi nào?",
    ),
    (
        "quan-nhan-gin-giu-hoa-binh",
        "Bao nhiêu người Việt Nam đã tham gia gìn giữ hòa bình Liên hợp quốc, ở đâu, trong đơn vị nào?",
    ),
    ("chu-tich-asean-2020", "Việt Nam đã làm gì khi là Chủ tịch ASEAN năm 2020?"),
    (
        "hoi-dong-bao-an-2020-2021",
        "Việt Nam đã làm gì khi là Ủy viên không thường trực Hội đồng Bảo an Liên hợp quốc 2020–2021?",
    ),
    ("giao-luu-bien-gioi", "Những cuộc giao lưu hữu nghị quốc phòng biên giới nào đã diễn ra?"),
    ("van-kien-dinh-huong", "Những văn kiện nào định hướng đối ngoại quốc phòng?"),
]
# A record known only to fall within a longer period ("giai đoạn 2016–2021") cannot be
# placed in one chair year: a record counts for a period if its known span is this short.
MOST_YEARS_SPANNED = 2


@dataclass(frozen=True)
class Memorandum:
    """A peacekeeping memorandum and a partner that signed it with Viet Nam."""

    partner: EntityEntry
    entry: RecordEntry


@dataclass(frozen=True)
class Deployment:
    """A Vietnamese deployment to a peacekeeping or training mission, as the records give it."""

    entry: RecordEntry
    place: EntityEntry | None  # where it serves: a place (Abyei) or the host country
    area: str | None  # the place as the source writes it
    unit: UnitType
    personnel: Figure | None

    @property
    def mission(self) -> Mission:
        assert isinstance(self.entry.record, Mission)
        return self.entry.record

    @property
    def rotation(self) -> Rotation | None:
        return self.mission.rotation

    @property
    def rotation_citation(self) -> Citation | None:
        """The quote that states the rotation (the validator requires one), to link to."""
        if self.rotation is None:
            return None
        stated = collapse_whitespace(self.rotation.as_stated)
        return next((c for c in self.entry.citations if stated in collapse_whitespace(c.quote)), None)


def peacekeeping_memoranda(kb: KnowledgeBase) -> list[Memorandum]:
    """Every partner of every peacekeeping memorandum Viet Nam is party to, countries and
    organisations alike, by date of the memorandum, then by the partner's name."""
    found = []
    for entry in kb.theme_records.get(PEACEKEEPING, []):
        record = entry.record
        if not isinstance(record, Agreement) or record.kind is not AgreementKind.memorandum:
            continue
        if HOME not in record.parties:
            continue
        found += [Memorandum(kb.entities[p], entry) for p in record.parties if p != HOME]
    return sorted(found, key=lambda m: (m.entry.sort_key[:2], vietnamese_sort_key(m.partner.entity.name)))


def memorandum_countries(memoranda: list[Memorandum]) -> list[Memorandum]:
    return [m for m in memoranda if m.partner.entity.kind is EntityKind.country]


def deployments(kb: KnowledgeBase, theme_id: str = PEACEKEEPING) -> list[Deployment]:
    """The missions of a theme (a unit sent, planned or serving), by date."""
    rows = []
    for entry in kb.theme_records.get(theme_id, []):
        record = entry.record
        if not isinstance(record, Mission):
            continue
        where = record.place or record.host_country
        place = kb.entities[where] if where else None
        rows.append(Deployment(entry, place, record.area, record.unit_type, record.personnel))
    return rows


def peacekeeper_headcounts(kb: KnowledgeBase) -> list[FigureRow]:
    """The numbers of Vietnamese who have served in UN peacekeeping: the personnel figures
    of the missions the UN runs, with the quote stating each and when it holds."""
    return [
        row
        for row in figure_rows(kb)
        if isinstance(row.entry.record, Mission)
        and row.entry.record.organiser == UNITED_NATIONS
        and row.figure is row.entry.record.personnel
    ]


def _involves(kb: KnowledgeBase, entry: RecordEntry, entity_id: str) -> bool:
    """Whether the record names the entity, or one of its parts (ADMM of ASEAN)."""
    for other, _ in entry.record.entity_roles():
        while other:
            if other == entity_id:
                return True
            other = kb.entities[other].entity.part_of
    return False


def placed_within(entry: RecordEntry, first: int, last: int) -> bool:
    """Whether the record's known span meets the years first–last and is short enough to
    be said to belong there."""
    earliest, latest = entry.placement.earliest, entry.placement.latest
    if earliest is None or latest is None:
        return False
    return earliest.year <= last and latest.year >= first and latest.year - earliest.year < MOST_YEARS_SPANNED


def records_of_period(kb: KnowledgeBase, entity_id: str, first: int, last: int) -> list[RecordEntry]:
    """The records naming an entity (or a part of it) that are placed within first–last."""
    return [
        entry
        for entry in kb.records_by_date()
        if _involves(kb, entry, entity_id) and placed_within(entry, first, last)
    ]


def border_exchanges(kb: KnowledgeBase) -> list[RecordEntry]:
    """The border defence friendship exchanges, by date."""
    return [
        entry
        for entry in kb.theme_records.get(BORDER, [])
        if isinstance(entry.record, Event) and entry.record.kind is EventKind.exchange
    ]


def steering_documents(kb: KnowledgeBase) -> list[RecordEntry]:
    """The Party, State and ministry documents that steer defence diplomacy, by date."""
    return [entry for entry in kb.theme_records.get(POLICY, []) if isinstance(entry.record, Resolution)]


@dataclass(frozen=True)
class Answers:
    memoranda: list[Memorandum]
    deployments: list[Deployment]
    headcounts: list[FigureRow]
    asean_chair: list[RecordEntry]
    security_council: list[RecordEntry]
    border_exchanges: list[RecordEntry]
    documents: list[RecordEntry]

    @property
    def memorandum_countries(self) -> list[Memorandum]:
        return memorandum_countries(self.memoranda)

    @property
    def memorandum_organisations(self) -> list[Memorandum]:
        return [m for m in self.memoranda if m.partner.entity.kind is not EntityKind.country]


def answers(kb: KnowledgeBase) -> Answers:
    return Answers(
        memoranda=peacekeeping_memoranda(kb),
        deployments=deployments(kb),
        headcounts=peacekeeper_headcounts(kb),
        asean_chair=records_of_period(kb, ASEAN, 2020, 2020),
        security_council=records_of_period(kb, SECURITY_COUNCIL, 2020, 2021),
        border_exchanges=border_exchanges(kb),
        documents=steering_documents(kb),
    )
