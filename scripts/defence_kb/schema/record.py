"""The fields every record type shares, and the order a data file writes them in."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from .base import Slug, Strict, Text, unique_values
from .dates import DateValue, DayMonth
from .parts import DateBound, Evidence, Figure
from .vocabularies import Status


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
