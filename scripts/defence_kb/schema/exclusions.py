"""Sentences of a source that no record needs to carry (data/exclusions.yml)."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Strict, Text


class Exclusion(Strict):
    """A sentence of a source that no record needs to carry, and why (reviewed)."""

    source: Slug = Field(description="Mã nguồn.")
    paragraph: int = Field(ge=1, description="Số đoạn.")
    sentence: Text = Field(description="Đầu câu, chép nguyên văn (ít nhất 15 ký tự), đủ để nhận ra câu.")
    reason: Text = Field(description="Vì sao câu này không cần bản ghi (không nêu dữ kiện, nhắc lại…).")


class ExclusionsFile(Strict):
    exclusions: list[Exclusion] = Field(default_factory=list)
