"""The data model: the single source of truth for every YAML file under `data/`.

Validation (pydantic), the JSON Schema files editors' editors use, the scaffolding of new
records and the labels the site shows all derive from the classes and vocabularies here.
Field descriptions are in Vietnamese because editors read them as completion hints.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Dates later than this many years after today are refused as typos ("2202" for "2022").
FUTURE_YEARS_ALLOWED = 5
# What `make new` writes where an editor must fill something in; the validator refuses it.
PLACEHOLDER = "TODO"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=100)]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


# --------------------------------------------------------------------------- vocabularies


class Vocabulary(str, Enum):  # noqa: UP042 - StrEnum's __new__ cannot carry a label
    """An enumeration whose members carry the Vietnamese label the site shows."""

    label: str

    def __new__(cls, value: str, label: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Status(Vocabulary):
    occurred = ("occurred", "Đã diễn ra")
    ongoing = ("ongoing", "Đang diễn ra")
    planned = ("planned", "Kế hoạch, dự kiến")
    intended = ("intended", "Chủ trương, ý định")
    invited = ("invited", "Lời mời")


class EventKind(Vocabulary):
    meeting = ("meeting", "Hội nghị, cuộc gặp")
    exchange = ("exchange", "Giao lưu, trao đổi")
    conference = ("conference", "Hội thảo, diễn đàn")
    exercise = ("exercise", "Diễn tập")
    visit = ("visit", "Chuyến thăm")
    deployment = ("deployment", "Triển khai lực lượng")
    expo = ("expo", "Triển lãm")
    competition = ("competition", "Hội thao")
    training = ("training", "Huấn luyện, đào tạo")
    assistance = ("assistance", "Hỗ trợ, viện trợ")
    role = ("role", "Đảm nhiệm cương vị")
    relations = ("relations", "Quan hệ, hợp tác")
    other = ("other", "Khác")


class AgreementKind(Vocabulary):
    agreement = ("agreement", "Hiệp định")
    framework_agreement = ("framework_agreement", "Thỏa thuận khung")
    memorandum = ("memorandum", "Bản ghi nhớ")
    joint_statement = ("joint_statement", "Tuyên bố chung")
    vision_statement = ("vision_statement", "Tuyên bố tầm nhìn chung")
    concept_paper = ("concept_paper", "Tài liệu khái niệm")
    protocol = ("protocol", "Nghị định thư")
    cooperation_plan = ("cooperation_plan", "Chương trình, kế hoạch hợp tác")
    other = ("other", "Văn kiện khác")


class PositionKind(Vocabulary):
    policy = ("policy", "Chính sách, đường lối")
    principle = ("principle", "Nguyên tắc, phương châm")
    assessment = ("assessment", "Nhận định, đánh giá")
    task = ("task", "Nhiệm vụ, giải pháp")


class UnitType(Vocabulary):
    field_hospital = ("field_hospital", "Bệnh viện dã chiến")
    engineering_unit = ("engineering_unit", "Đội công binh")
    staff_officers = ("staff_officers", "Sĩ quan tham mưu")
    military_observers = ("military_observers", "Quan sát viên quân sự")
    individual_officers = ("individual_officers", "Sĩ quan cá nhân")
    trainers = ("trainers", "Chuyên gia, giảng viên")
    rescue_force = ("rescue_force", "Lực lượng cứu hộ, cứu nạn")
    mixed = ("mixed", "Nhiều hình thức")
    other = ("other", "Khác")


class DocType(Vocabulary):
    resolution = ("resolution", "Nghị quyết")
    conclusion = ("conclusion", "Kết luận")
    directive = ("directive", "Chỉ thị")
    law = ("law", "Luật")
    circular = ("circular", "Thông tư")
    decree = ("decree", "Nghị định")
    decision = ("decision", "Quyết định")
    strategy = ("strategy", "Chiến lược")
    congress_document = ("congress_document", "Văn kiện Đại hội")
    other = ("other", "Văn bản khác")


class EntityKind(Vocabulary):
    country = ("country", "Quốc gia")
    organisation = ("organisation", "Tổ chức, cơ quan")
    person = ("person", "Cá nhân")
    place = ("place", "Khu vực, địa bàn")


class Qualifier(Vocabulary):
    exact = ("exact", "")
    more_than = ("more_than", "hơn")
    at_least = ("at_least", "ít nhất")
    about = ("about", "khoảng")


class PublishedKind(Vocabulary):
    """What the date printed with a source is: the article's own date, or a date the page
    that republished it prints, which may be the reposting date."""

    article = ("article", "ngày đăng bài")
    page = ("page", "ngày ghi trên trang đăng lại")


class ParagraphKind(Vocabulary):
    heading = ("heading", "Tiêu đề")
    lead = ("lead", "Sa-pô")
    body = ("body", "Nội dung")
    footnote = ("footnote", "Chú thích")
    caption = ("caption", "Chú thích ảnh")
    sidebar = ("sidebar", "Tin liên quan")
    meta = ("meta", "Thông tin bài")


# --------------------------------------------------------------------------------- dates

_DATE_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, as the source states it."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _DATE_SHAPE.match(text.strip())
        if not match:
            raise ValueError(
                f"ngày “{text}” không đúng dạng: viết YYYY, YYYY-MM hoặc YYYY-MM-DD "
                "(ví dụ 2019, 2019-10 hoặc 2019-10-17)"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"ngày “{text}”: tháng {month} không có thật (tháng từ 01 đến 12)")
        if day is not None:
            try:
                dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise ValueError(
                    f"ngày “{text}” không có thật trên lịch: tháng {month}/{year} không có ngày {day}"
                ) from None
        if year > dt.date.today().year + FUTURE_YEARS_ALLOWED:
            raise ValueError(
                f"ngày “{text}” ở quá xa trong tương lai; kiểm tra lại năm "
                f"(kế hoạch, mục tiêu “đến năm …” không phải ngày của sự kiện)"
            )
        if year < 1800:
            raise ValueError(f"ngày “{text}”: năm {year} quá xa trong quá khứ; kiểm tra lại năm")
        return cls(year, month, day)


@dataclass(frozen=True)
class DateSpan:
    """A single date (start only) or a range; each end has its own precision."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.start.year, self.start.month or 0, self.start.day or 0)


def _parse_date_span(value: Any) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, str):
        return DateSpan(PartialDate.parse(value))
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end"}
        if unknown:
            raise ValueError(
                f"khoảng thời gian chỉ có hai khóa “start” và “end”, không có “{sorted(unknown)[0]}”"
            )
        if not isinstance(value.get("start"), str):
            raise ValueError("khoảng thời gian cần “start” (ngày bắt đầu, dạng YYYY[-MM[-DD]])")
        start = PartialDate.parse(value["start"])
        end_text = value.get("end")
        if end_text is None:
            return DateSpan(start)
        if not isinstance(end_text, str):
            raise ValueError("“end” phải là một ngày dạng YYYY[-MM[-DD]]")
        end = PartialDate.parse(end_text)
        if end.latest < start.earliest:
            raise ValueError(
                f"ngày kết thúc {end.iso()} sớm hơn ngày bắt đầu {start.iso()}; "
                "kiểm tra lại hoặc đổi chỗ hai ngày"
            )
        return DateSpan(start, end)
    raise ValueError("ngày phải là chuỗi YYYY[-MM[-DD]] hoặc bảng có “start” và “end”")


_DATE_STRING_SCHEMA = {
    "type": "string",
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "Ngày theo độ chính xác nguồn nêu: YYYY, YYYY-MM hoặc YYYY-MM-DD.",
}
# YAML reads an unquoted `2014` as a number (and `make fix` writes a year unquoted); the
# loader keeps it as text, so editors' YAML tools must accept the number as well.
_YEAR_NUMBER_SCHEMA = {"type": "integer", "minimum": 1800, "maximum": 2200}
_ONE_DATE_SCHEMA = {
    "oneOf": [_DATE_STRING_SCHEMA, _YEAR_NUMBER_SCHEMA],
    "description": _DATE_STRING_SCHEMA["description"],
}


def date_span_data(span: DateSpan) -> str | dict[str, str]:
    """A date as a data file writes it: "2019-10-17", or {"start": …, "end": …}."""
    if span.end is None:
        return span.start.iso()
    return {"start": span.start.iso(), "end": span.end.iso()}


DateValue = Annotated[
    DateSpan,
    BeforeValidator(_parse_date_span),
    PlainSerializer(date_span_data),
    WithJsonSchema(
        {
            "oneOf": [
                _DATE_STRING_SCHEMA,
                _YEAR_NUMBER_SCHEMA,
                {
                    "type": "object",
                    "properties": {"start": _ONE_DATE_SCHEMA, "end": _ONE_DATE_SCHEMA},
                    "required": ["start"],
                    "additionalProperties": False,
                },
            ],
            "description": "Ngày (YYYY, YYYY-MM, YYYY-MM-DD) hoặc khoảng {start, end}.",
        }
    ),
]


def _parse_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise ValueError("ngày phải là chuỗi YYYY, YYYY-MM hoặc YYYY-MM-DD")


PartialDateValue = Annotated[
    PartialDate,
    BeforeValidator(_parse_partial_date),
    PlainSerializer(lambda date: date.iso()),
    WithJsonSchema(_ONE_DATE_SCHEMA),
]

_DAY_MONTH = re.compile(r"^XXXX-(\d{2})-(\d{2})$")


def _parse_day_month(value: Any) -> str:
    """A day and month the source gives without a year, EDTF's "XXXX-09-28"."""
    match = _DAY_MONTH.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(
            f"“{value}” không đúng dạng: viết XXXX-MM-DD khi nguồn chỉ nêu ngày và tháng "
            "(ví dụ XXXX-09-28 cho “Chiều 28/9”)"
        )
    month, day = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2000, month, day)  # a leap year: 29/2 exists in some year
    except ValueError:
        raise ValueError(f"“{value}”: ngày {day}/{month} không có thật trên lịch") from None
    return value


DayMonth = Annotated[
    str,
    BeforeValidator(_parse_day_month),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^XXXX-\d{2}-\d{2}$",
            "description": "Ngày và tháng nguồn nêu khi không nêu năm, dạng EDTF: XXXX-09-28.",
        }
    ),
]


# ------------------------------------------------------------------------------ pieces


def unique_values(values: list[str]) -> list[str]:
    """A list field's validator: the same value written twice is a mistake."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"“{value}” được ghi hai lần; xóa một lần")
        seen.add(value)
    return values


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    @classmethod
    def canonical_field_order(cls) -> tuple[str, ...]:
        """The order of the fields in a data file, in `properties` of the JSON Schema and in
        the proposal form's YAML: the order of their definition, except for records (Record)."""
        return tuple(cls.model_fields)


class Evidence(Strict):
    source: Slug = Field(description="Mã nguồn (tệp trong data/sources/).")
    quote: Text = Field(
        description="Trích nguyên văn từ nguồn, nằm trong một đoạn; chỉ được khác về khoảng trắng."
    )


class Figure(Strict):
    value: int = Field(ge=0, description="Con số, viết không dấu phân cách (1100, không phải 1.100).")
    qualifier: Qualifier = Field(Qualifier.exact, description="exact, more_than, at_least, about.")
    unit: Text = Field(description="Đơn vị đếm, ví dụ “lượt quân nhân”, “quốc gia”.")
    as_stated: Text = Field(
        description="Con số đúng như nguồn viết, phải có trong một trích dẫn của bản ghi."
    )
    as_of: PartialDateValue | None = Field(
        None, description="Ngày nguồn nêu cho số liệu (“tính đến ngày 12-3-2025”), nếu có."
    )


class DateBound(Strict):
    """A bound on when something happened that a source states: a period ("giai đoạn
    2016-2021"), or an earlier event it reports as past. The quote is checked like evidence."""

    date: PartialDateValue = Field(description="Mốc (YYYY, YYYY-MM hoặc YYYY-MM-DD).")
    source: Slug = Field(description="Mã nguồn nêu mốc này.")
    quote: Text = Field(description="Câu nguồn nêu mốc, trích nguyên văn trong một đoạn.")


class Role(Strict):
    title: Text = Field(description="Cấp bậc, chức vụ đúng như bài viết nêu.")
    source: Slug
    quote: Text


# Records, entities and sources carry references (references.py imports the pieces above).
from .references import (  # noqa: E402, F401 - re-exported: import them from here
    FIELD_LABELS,
    UNKNOWN_DATE,
    PublishedCopy,
    Reference,
    Referenced,
    referenced_values,
    supported_value,
)

# ------------------------------------------------------------------------------ records


class Record(Strict):
    """Fields common to every record type.

    A data file, the JSON Schema and the form write a record's fields in
    `canonical_field_order()`: this base's fields up to `own_fields_after` (what identifies,
    describes and dates the record), then the type's own fields, then the rest of this base
    (themes, links, figures, evidence, notes).
    """

    folder: ClassVar[str]
    type_label: ClassVar[str]
    type_label_plural: ClassVar[str]
    url_prefix: ClassVar[str]
    # The base field after which the type's own fields stand in canonical_field_order().
    own_fields_after: ClassVar[str] = "location"

    id: Slug = Field(description="Mã bản ghi: chữ thường không dấu, số, gạch nối; trùng tên tệp.")
    former_ids: list[Slug] = Field(
        default_factory=list,
        description="Mã cũ, khi bản ghi được đổi mã: địa chỉ cũ chuyển hướng về trang mới.",
    )
    title: Text = Field(description="Tên bản ghi bằng tiếng Việt.")
    title_en: Text | None = Field(None, description="Tên tiếng Anh (nếu có).")
    not_in_sources: list[Literal["title_en"]] = Field(
        default_factory=list,
        description=(
            "Các trường biên tập viên ghi mà nguồn không có (ví dụ tên tiếng Anh do biên tập viên "
            "dịch): [title_en]. Trang ghi rõ “không có trong nguồn”."
        ),
    )
    summary: Text = Field(description="Tóm tắt (Markdown đơn giản: đoạn văn, nhấn mạnh, danh sách).")
    date: DateValue | None = Field(None, description="Ngày theo độ chính xác nguồn nêu.")
    date_unspecified_year: DayMonth | None = Field(
        None, description="Khi nguồn nêu ngày và tháng mà không nêu năm: XXXX-MM-DD (EDTF)."
    )
    not_before: DateBound | None = Field(
        None, description="Không sớm hơn: mốc nguồn nêu (giai đoạn, sự kiện trước đó), kèm trích dẫn."
    )
    not_after: DateBound | None = Field(
        None,
        description=(
            "Không muộn hơn: mốc nguồn nêu, kèm trích dẫn. Ngày đăng của nguồn được trích là "
            "mốc tự động, không cần ghi."
        ),
    )
    date_note: Text | None = Field(None, description="Điều nguồn để ngỏ về thời gian.")
    status: Status = Field(Status.occurred, description="Đã diễn ra, kế hoạch, lời mời…")
    location: Text | None = Field(None, description="Địa điểm, như nguồn viết.")
    # The type's own fields come here in a data file (canonical_field_order): what the record
    # is (an agreement's kind and parties, a mission's unit) reads before its links and proofs.
    themes: list[Slug] = Field(min_length=1, description="Mã chủ đề trong data/themes.yml.")
    entities: list[Slug] = Field(
        default_factory=list,
        description="Mã các bên tham gia, liên quan (không kể các bên chỉ được nhắc đến).",
    )
    mentioned: list[Slug] = Field(
        default_factory=list,
        description=(
            "Mã các bên bài viết chỉ nhắc đến, không tham gia: mốc so sánh, mốc thời gian, "
            "tên nằm trong tên một diễn đàn…"
        ),
    )
    related: list[Slug] = Field(default_factory=list, description="Mã các bản ghi liên quan.")
    tags: list[Text] = Field(default_factory=list, description="Nhãn tự do.")
    figures: list[Figure] = Field(default_factory=list, description="Số liệu nguồn nêu.")
    evidence: list[Evidence] = Field(min_length=1, description="Trích dẫn nguyên văn làm bằng chứng.")
    references: list[Reference] = Field(
        default_factory=list,
        description="Tài liệu tham khảo ngoài các bài nguồn, và các giá trị của bản ghi dựa vào chúng.",
    )
    search_aliases: list[Text] = Field(
        default_factory=list,
        description=(
            "Tên gọi thông dụng mà bạn đọc hay gõ khi tìm nhưng bài viết nguồn không dùng "
            "(ví dụ UNMISS); trang ghi rõ là không có trong nguồn."
        ),
    )
    editor_note: Text | None = Field(None, description="Ghi chú của biên tập viên.")

    # Fields holding entity ids, checked against data/entities/; each names the entity's role.
    entity_fields: ClassVar[tuple[str, ...]] = ("entities", "mentioned")
    ROLE_LABELS: ClassVar[dict[str, str]] = {
        "stated_by": "bên nêu quan điểm",
        "parties": "bên ký kết",
        "hosts": "chủ trì, đăng cai",
        "organiser": "tổ chức điều hành",
        "host_country": "quốc gia sở tại",
        "place": "địa bàn",
        "issuer": "cơ quan ban hành",
        "entities": "tham gia, liên quan",
        "mentioned": "được nhắc đến",
    }

    @classmethod
    def own_fields(cls) -> tuple[str, ...]:
        """The fields the record type adds to the base, in their order."""
        return tuple(name for name in cls.model_fields if name not in Record.model_fields)

    @classmethod
    def canonical_field_order(cls) -> tuple[str, ...]:
        base = tuple(Record.model_fields)
        cut = base.index(cls.own_fields_after) + 1
        return base[:cut] + cls.own_fields() + base[cut:]

    def participant_ids(self) -> list[str]:
        """The entities that take part in some role, not those only mentioned."""
        return [entity_id for entity_id, role in self.entity_roles() if role != "mentioned"]

    def entity_roles(self) -> list[tuple[str, str]]:
        """(entity id, role field) for every entity the record names, first role first."""
        roles: list[tuple[str, str]] = []
        seen: set[str] = set()
        for name in self.entity_fields:
            value = getattr(self, name)
            for entity_id in value if isinstance(value, list) else [value] if value else []:
                if entity_id not in seen:
                    seen.add(entity_id)
                    roles.append((entity_id, name))
        return roles

    def entity_ids(self) -> list[str]:
        """Every entity the record involves (participants, parties, hosts, issuer…), once each."""
        return [entity_id for entity_id, _ in self.entity_roles()]

    @field_validator("themes", "entities", "mentioned", "related", "tags", "search_aliases")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return unique_values(values)


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


class Mission(Record):
    """`date` is the period of deployment, when stated."""

    folder = "missions"
    type_label = "Phái bộ, lực lượng"
    type_label_plural = "Phái bộ, triển khai lực lượng"
    url_prefix = "phai-bo"
    entity_fields = ("organiser", "host_country", "place", "entities", "mentioned")

    organiser: Slug | None = Field(None, description="Mã tổ chức điều hành (LHQ, EU…).")
    host_country: Slug | None = Field(None, description="Mã quốc gia sở tại.")
    place: Slug | None = Field(
        None,
        description=(
            "Mã địa bàn (đối tác loại place) khi nơi triển khai không phải một quốc gia, "
            "ví dụ abyei; bản đồ đặt phái bộ tại đó."
        ),
    )
    area: Text | None = Field(None, description="Địa bàn như nguồn viết (Abyei, Nam Sudan…).")
    unit_type: UnitType = Field(description="Loại lực lượng.")
    personnel: Figure | None = Field(None, description="Quân số, nếu nguồn nêu.")


class Resolution(Record):
    """Any Party, State or ministry document; `date` is its issue date when stated."""

    folder = "resolutions"
    type_label = "Văn kiện chính sách"
    type_label_plural = "Văn kiện của Đảng, Nhà nước, Bộ Quốc phòng"
    url_prefix = "van-kien"
    entity_fields = ("issuer", "entities", "mentioned")

    number: Text | None = Field(None, description="Số hiệu đúng như viết: 22-NQ/TW, 806-NQ/QUTƯ.")
    doc_type: DocType = Field(description="Loại văn bản.")
    issuer: Slug | None = Field(None, description="Mã cơ quan ban hành.")
    subject: Text | None = Field(None, description="Trích yếu, như nguồn viết.")


class Position(Record):
    """A stated position, principle or policy line: who states it, in which article or
    document, since when if known. `date` is when it was stated, if the source says."""

    folder = "positions"
    type_label = "Quan điểm, chủ trương"
    type_label_plural = "Quan điểm, chủ trương, đường lối"
    url_prefix = "quan-diem"
    entity_fields = ("stated_by", "entities", "mentioned")

    kind: PositionKind = Field(description="Loại: chính sách, nguyên tắc, nhận định, nhiệm vụ.")
    stated_by: list[Slug] = Field(
        default_factory=list,
        description="Mã bên nêu quan điểm (Đảng, Nhà nước, Bộ Quốc phòng…); để trống nếu bài không nói.",
    )
    stated_in: Text | None = Field(
        None, description="Văn kiện hoặc bài viết nêu quan điểm, như nguồn viết (nếu có)."
    )


RECORD_TYPES: dict[str, type[Record]] = {
    cls.folder: cls for cls in (Event, Agreement, Mission, Resolution, Position)
}


# --------------------------------------------------------------------- other data files


class Coordinates(Strict):
    """A point on the map, in degrees (WGS 84)."""

    lon: float = Field(ge=-180, le=180, description="Kinh độ, độ (đông dương, tây âm).")
    lat: float = Field(ge=-90, le=90, description="Vĩ độ, độ (bắc dương, nam âm).")


class Entity(Strict):
    folder: ClassVar[str] = "entities"
    url_prefix: ClassVar[str] = "doi-tac"

    id: Slug
    kind: EntityKind = Field(description="country, organisation hoặc person.")
    name: Text = Field(description="Tên tiếng Việt như bài viết ghi.")
    name_en: Text | None = Field(None, description="Tên tiếng Anh.")
    not_in_sources: list[Literal["name_en", "iso_code", "coordinates"]] = Field(
        default_factory=list,
        description=(
            "Các trường biên tập viên ghi mà nguồn không có: name_en (tên tiếng Anh), iso_code, "
            "coordinates (vị trí trên bản đồ). Trang ghi rõ “do biên tập viên ghi”."
        ),
    )
    aliases: list[Text] = Field(default_factory=list, description="Tên viết tắt, cách viết khác.")
    part_of: Slug | None = Field(None, description="Mã tổ chức cấp trên.")
    country: Slug | None = Field(None, description="Mã quốc gia của người hoặc tổ chức.")
    description: Text | None = Field(None, description="Giới thiệu ngắn.")
    roles: list[Role] = Field(default_factory=list, description="Cấp bậc, chức vụ như bài viết nêu.")
    search_aliases: list[Text] = Field(
        default_factory=list,
        description=(
            "Tên gọi thông dụng mà bạn đọc hay gõ khi tìm nhưng bài viết nguồn không dùng "
            "(ví dụ UNMISS); trang ghi rõ là không có trong nguồn."
        ),
    )
    editor_note: Text | None = None
    iso_code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = Field(
        None,
        description=(
            "Chỉ cho quốc gia: mã ISO 3166-1 alpha-2 (VN, US, SS…) để đặt quốc gia lên bản đồ; "
            "quốc gia không có mã không được vẽ."
        ),
    )
    coordinates: Coordinates | None = Field(
        None,
        description=(
            "Chỉ cho khu vực, địa bàn (kind: place): điểm đặt trên bản đồ, do biên tập viên ghi "
            "theo bản đồ tham khảo, không có trong nguồn."
        ),
    )
    references: list[Reference] = Field(
        default_factory=list,
        description="Tài liệu tham khảo ngoài các bài nguồn, và các giá trị dựa vào chúng.",
    )

    @field_validator("aliases", "search_aliases")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return unique_values(values)

    @field_validator("iso_code")
    @classmethod
    def _on_the_map(cls, value: str | None) -> str | None:
        from .atlas import known_codes

        if value is not None and value not in known_codes():
            raise ValueError(
                f"mã “{value}” không có trong dữ liệu bản đồ (scripts/defence_kb/geography); "
                "kiểm tra mã ISO 3166-1 alpha-2"
            )
        return value

    @model_validator(mode="after")
    def _geography_fits_kind(self) -> Entity:
        if self.iso_code and self.kind is not EntityKind.country:
            raise ValueError("chỉ quốc gia (kind: country) mới có iso_code")
        if self.coordinates and self.kind is not EntityKind.place:
            raise ValueError("chỉ khu vực, địa bàn (kind: place) mới có coordinates")
        return self

    entity_fields: ClassVar[tuple[str, ...]] = ("part_of", "country")


class Paragraph(Strict):
    n: int = Field(ge=1, description="Số đoạn, cố định: không đánh số lại khi sửa.")
    kind: ParagraphKind = Field(ParagraphKind.body)
    text: Text
    uncited_reason: Text | None = Field(
        None, description="Vì sao đoạn này không cần bản ghi nào trích (không nêu dữ kiện)."
    )


class Source(Strict):
    folder: ClassVar[str] = "sources"
    url_prefix: ClassVar[str] = "nguon"

    id: Slug
    label: Text = Field(description="Tên ngắn hiển thị trên trang (do biên tập viên đặt).")
    title: Text | None = Field(None, description="Nhan đề bài như được đăng; bỏ trống nếu không rõ.")
    publisher: Text | None = Field(None, description="Cơ quan đăng bài gốc.")
    republished_by: Text | None = Field(None, description="Trang đăng lại, nếu có.")
    published: DateValue | None = Field(None, description="Ngày in trên bản chụp, nếu có.")
    published_kind: PublishedKind = Field(
        PublishedKind.article,
        description=(
            "article: ngày đăng của chính bài; page: ngày do trang đăng lại ghi, có thể là ngày "
            "đăng lại chứ không phải ngày đăng gốc."
        ),
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    published_copies: list[PublishedCopy] = Field(
        default_factory=list,
        description=(
            "Các trang đăng cùng nội dung bài, kèm cách đối chiếu; cho biết nơi đọc, "
            "không cho biết ai đăng trước."
        ),
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "vi"
    capture_file: Text = Field(description="Tên tệp bản chụp thô trong shared/sources/.")
    attribution: Text = Field(description="Ghi nguồn, bản quyền của bài viết.")
    unknown: list[Text] = Field(default_factory=list, description="Những gì bài viết không cho biết.")
    dropped_lines: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list,
        description="Số dòng của bản chụp đã bỏ vì là điều hướng, quảng cáo, đồng hồ trang (không phải bài).",
    )
    paragraphs: list[Paragraph] = Field(min_length=1)

    @field_validator("paragraphs")
    @classmethod
    def _numbers_increase(cls, paragraphs: list[Paragraph]) -> list[Paragraph]:
        for before, after in pairwise(paragraphs):
            if after.n <= before.n:
                raise ValueError(
                    f"số đoạn phải tăng dần và không lặp: đoạn {after.n} đứng sau đoạn {before.n}"
                )
        return paragraphs


class Theme(Strict):
    url_prefix: ClassVar[str] = "chu-de"

    id: Slug
    title: Text
    title_en: Text | None = None
    icon: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")] | None = Field(
        None, description="Biểu tượng Material, ví dụ material/shield-outline."
    )
    intro: Text = Field(description="Giới thiệu chủ đề (Markdown đơn giản).")
    key_records: list[Slug] = Field(
        default_factory=list,
        description=(
            "Mã các bản ghi chính của chủ đề (thỏa thuận, phái bộ…) mà ô tóm tắt đầu trang nêu; "
            "bỏ trống thì lấy thỏa thuận sớm nhất, không có thì phái bộ sớm nhất."
        ),
    )


class ThemesFile(Strict):
    themes: list[Theme] = Field(min_length=1)


class Exclusion(Strict):
    """A sentence of a source that no record needs to carry, and why (reviewed)."""

    source: Slug = Field(description="Mã nguồn.")
    paragraph: int = Field(ge=1, description="Số đoạn.")
    sentence: Text = Field(description="Đầu câu, chép nguyên văn (ít nhất 15 ký tự), đủ để nhận ra câu.")
    reason: Text = Field(description="Vì sao câu này không cần bản ghi (không nêu dữ kiện, nhắc lại…).")


class ExclusionsFile(Strict):
    exclusions: list[Exclusion] = Field(default_factory=list)
