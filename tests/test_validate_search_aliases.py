"""Search aliases are names the sources do not use (rules/search_aliases.py)."""

from __future__ import annotations

import pytest

from conftest import Dataset
from validate_cases import reported_after


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            "entities/dong-quan.yml",
            "name: Đổng Quân\n",
            "name: Đổng Quân\nsearch_aliases:\n  - Brúc-xen\n",
            "data/entities/dong-quan.yml:5:5: “Brúc-xen” có trong nguồn “nguon-a”, nên không phải tên ngoài nguồn: ghi vào aliases (đối tác) hoặc tiêu đề, tóm tắt (bản ghi), rồi xóa khỏi search_aliases",
            id="search-alias-in-a-source",
        ),
        pytest.param(
            "entities/dong-quan.yml",
            "name: Đổng Quân\n",
            "name: Đổng Quân\nsearch_aliases:\n  - Đổng Quân\n",
            "data/entities/dong-quan.yml:5:5: “Đổng Quân” đã là tên của bản ghi; xóa khỏi search_aliases",
            id="search-alias-is-the-name",
        ),
    ],
)
def test_rule(dataset: Dataset, path: str, old: str, new: str, expected: str) -> None:
    lines = reported_after(dataset, path, old, new)
    assert expected in lines, "\n".join(lines)


def test_a_search_alias_not_in_the_sources_is_valid(dataset: Dataset) -> None:
    dataset.edit(
        "entities/dong-quan.yml",
        "name: Đổng Quân\n",
        "name: Đổng Quân\nsearch_aliases:\n  - Bộ trưởng Đổng\n",
    )
    assert dataset.run("validate").code == 0
