"""Themes: the sections of the site a record belongs to (data/themes.yml)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from .base import Slug, Strict, Text


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
