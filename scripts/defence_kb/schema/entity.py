"""Entities: countries, organisations, people and places the records name (data/entities/)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from .base import Slug, Strict, Text, unique_values
from .parts import Role
from .vocabularies import EntityKind


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
    not_in_sources: list[Literal["name_en"]] = Field(
        default_factory=list,
        description="[name_en] khi tên tiếng Anh do biên tập viên ghi, không có trong nguồn.",
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

    @field_validator("aliases", "search_aliases")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return unique_values(values)

    @field_validator("iso_code")
    @classmethod
    def _on_the_map(cls, value: str | None) -> str | None:
        from ..atlas import known_codes

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
