"""Sources: the articles, paragraph by paragraph, that every record quotes (data/sources/)."""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints, field_validator

from .base import Slug, Strict, Text
from .dates import DateValue
from .reference import PublishedCopy, WebUrl
from .vocabularies import ParagraphKind, PublishedKind


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
    url: WebUrl | None = None
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
