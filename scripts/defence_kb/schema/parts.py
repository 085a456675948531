"""Parts that several data files carry: evidence quotes, figures, date bounds, roles."""

from __future__ import annotations

from pydantic import Field

from .base import Slug, Strict, Text
from .dates import PartialDateValue
from .vocabularies import Qualifier


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


class Rotation(Strict):
    """Which of a unit's successive deployments (lượt) a mission is, as a quote of the
    record states it: in words ("Đội Công binh đầu tiên") or by the number in the unit's
    name ("Bệnh viện dã chiến cấp 2 số 3"). Never inferred from elsewhere."""

    value: int = Field(ge=1, description="Lượt thứ mấy (số), ví dụ 3.")
    as_stated: Text = Field(
        description=(
            "Cụm từ nêu lượt, đúng như nguồn viết, phải có trong một trích dẫn của bản ghi: "
            "“Bệnh viện dã chiến cấp 2 số 3”, “Đội Công binh đầu tiên”."
        )
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
