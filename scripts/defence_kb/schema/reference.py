"""References: published material other than the source articles, and where the same text
as a source is published.

A record or an entity may rest some of its values on a reference (a ministry page that gives
the day a memorandum was signed, a newspaper that gives an issue date): the reference names
the values it supports, as it gives them, in `supports`. Only facts and bibliographic data
are taken from a reference, never its sentences: `note` is in the editor's own words.

A source may list `published_copies`: pages carrying the same text, with how that was
matched. A copy proves where the text can be read, not who published it first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from .base import Slug, Strict, Text
from .dates import PartialDate

# What an editor writes when a reference prints no date.
UNKNOWN_DATE = "không rõ"


def _https(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^https://\S+$", value):
        raise ValueError(
            f"địa chỉ “{value}” phải là một URL đầy đủ bắt đầu bằng https:// (không khoảng trắng); "
            "mở trang và chép địa chỉ từ thanh địa chỉ"
        )
    return value


HttpsUrl = Annotated[
    str,
    BeforeValidator(_https),
    WithJsonSchema(
        {"type": "string", "pattern": r"^https://\S+$", "description": "Địa chỉ https:// của trang."}
    ),
]


def _published(value: Any) -> PartialDate | str:
    if isinstance(value, PartialDate) or value == UNKNOWN_DATE:
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise ValueError(f"ngày đăng phải là YYYY, YYYY-MM, YYYY-MM-DD hoặc “{UNKNOWN_DATE}”")


PublishedDate = Annotated[
    PartialDate | str,
    BeforeValidator(_published),
    PlainSerializer(lambda value: value.iso() if isinstance(value, PartialDate) else value),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1800, "maximum": 2200},
                {"const": UNKNOWN_DATE},
            ],
            "description": f"Ngày trang ghi: YYYY, YYYY-MM, YYYY-MM-DD, hoặc “{UNKNOWN_DATE}”.",
        }
    ),
]


def _accessed(value: Any) -> PartialDate:
    date = value if isinstance(value, PartialDate) else PartialDate.parse(str(value))
    if date.day is None:
        raise ValueError(f"ngày truy cập “{value}” phải đủ ngày, tháng, năm: YYYY-MM-DD")
    if date.earliest > dt.date.today():
        raise ValueError(
            f"ngày truy cập {date.iso()} ở trong tương lai: ghi ngày bạn đã mở trang (YYYY-MM-DD)"
        )
    return date


AccessDate = Annotated[
    PartialDate,
    BeforeValidator(_accessed),
    PlainSerializer(lambda date: date.iso()),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "description": "Ngày biên tập viên mở trang, YYYY-MM-DD (không ở tương lai).",
        }
    ),
]


class Reference(Strict):
    """Published material other than the source articles that a value rests on."""

    id: Slug = Field(description="Mã tài liệu, không trùng trong tệp.")
    url: HttpsUrl
    title: Text = Field(description="Tiêu đề trang, đúng như trang ghi.")
    publisher: Text = Field(description="Cơ quan đăng (báo, cổng thông tin, bộ…).")
    published: PublishedDate = Field(description=f"Ngày đăng trang ghi, hoặc “{UNKNOWN_DATE}”.")
    accessed: AccessDate
    supports: dict[str, Any] = Field(
        min_length=1,
        description=(
            "Các giá trị của tệp này dựa vào tài liệu: tên trường → giá trị đúng như tài liệu nêu "
            "(ví dụ date: 2015-05-26)."
        ),
    )
    note: Text | None = Field(
        None, description="Ghi chú bằng lời của biên tập viên; không chép câu nào của tài liệu."
    )

    @property
    def published_date(self) -> PartialDate | None:
        return self.published if isinstance(self.published, PartialDate) else None


# A source's own address and a copy's only say where a reader can open the text, so an address is
# taken as the outlet serves it: some official sites (the Department of Peacekeeping
# Operations') serve http only.
# A reference, whose values are shown as facts, must be https (HttpsUrl above).
WebUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$"),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^https?://\S+$",
            "description": "Địa chỉ http:// hoặc https:// của trang, đúng như trang dùng.",
        }
    ),
]


class PublishedCopy(Strict):
    """A page that carries the same text as a source: where a reader can open it."""

    url: WebUrl
    publisher: Text = Field(description="Cơ quan đăng trang.")
    title: Text = Field(description="Tiêu đề trang, đúng như trang ghi.")
    accessed: AccessDate
    matched: Text = Field(
        description=(
            "Cách đối chiếu, bằng lời của biên tập viên (ví dụ: cùng tiêu đề; đoạn 1–12 trùng "
            "từng chữ). Bản đăng này cho biết nơi đọc được bài, không cho biết ai đăng trước."
        )
    )

    @property
    def unencrypted(self) -> bool:
        return self.url.startswith("http://")
