"""Every quote is verbatim in its source (rules/quotes.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import BOUND, EVENT, FPA, reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            FPA,
            "  - source: nguon-a",
            "  - source: nguon-b",
            "data/agreements/hiep-dinh-fpa.yml:15:13: không có nguồn mã “nguon-b”; có phải “nguon-a”?",
            id="unknown-source",
        ),
        pytest.param(
            FPA,
            "tại Brúc-xen.",
            "tại Bruxelles.",
            "data/agreements/hiep-dinh-fpa.yml:16:12: trích dẫn không có nguyên văn trong nguồn “nguon-a”; khớp với đoạn 2 đến “… EU đã ký Hiệp định FPA tại Br”, sau đó khác nguồn (nguồn không có “uxelles.…”)",
            id="quote-not-in-source",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "quote: Thượng tướng Đổng Quân",
            "quote: Đại tướng Đổng Quân",
            "data/entities/dong-quan.yml:7:12: trích dẫn không có nguyên văn trong nguồn “nguon-a”; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)",
            id="role-quote",
        ),
        pytest.param(
            EVENT,
            "date_note:",
            BOUND.replace("Kể từ năm 2014", "Từ năm 2015") + "date_note:",
            "data/events/giao-luu-lan-thu-9.yml:10:10: trích dẫn không có nguyên văn trong nguồn “nguon-a”; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)",
            id="bound-quote-not-in-source",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_quotes_ignore_only_white_space(dataset: Dataset) -> None:
    dataset.edit(
        FPA, "quote: Ngày 17/10/2019, Việt Nam", "quote: >-\n      Ngày   17/10/2019,\n      Việt Nam"
    )
    assert dataset.run("validate").code == 0
    dataset.edit(FPA, "Ngày   17/10/2019", "ngày   17/10/2019")
    assert dataset.run("validate").code == 1
