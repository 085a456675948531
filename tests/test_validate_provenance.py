"""Every name that is not in the sources says so (rules/provenance.py)."""

from __future__ import annotations

from conftest import Dataset
from validate_cases import FPA


def test_an_english_name_not_in_the_sources_must_be_marked(dataset: Dataset) -> None:
    dataset.edit("entities/dong-quan.yml", "name: Đổng Quân\n", "name: Đổng Quân\nname_en: Dong Jun\n")
    outcome = dataset.run("validate")
    assert (
        "data/entities/dong-quan.yml:4:10: tên tiếng Anh “Dong Jun” không có trong nguồn nào: ghi "
        "“not_in_sources: [name_en]” để trang ghi rõ là tên do biên tập viên dịch, hoặc xóa trường này"
    ) in outcome.lines, "\n".join(outcome.lines)
    dataset.edit(
        "entities/dong-quan.yml", "name_en: Dong Jun\n", "name_en: Dong Jun\nnot_in_sources: [name_en]\n"
    )
    assert dataset.run("validate").code == 0


def test_a_mark_on_a_name_the_sources_use_is_refused(dataset: Dataset) -> None:
    dataset.edit(
        "entities/dong-quan.yml",
        "name: Đổng Quân\n",
        "name: Đổng Quân\nname_en: FPA\nnot_in_sources: [name_en]\n",
    )
    outcome = dataset.run("validate")
    assert (
        "data/entities/dong-quan.yml:5:17: tên tiếng Anh “FPA” có trong nguồn: xóa “name_en” khỏi not_in_sources"
        in outcome.lines
    ), "\n".join(outcome.lines)


def test_english_writes_viet_nam(dataset: Dataset) -> None:
    dataset.edit(FPA, "title: Hiệp định FPA", "title: Hiệp định FPA\ntitle_en: Vietnam–EU FPA")
    outcome = dataset.run("validate")
    assert (
        "data/agreements/hiep-dinh-fpa.yml:3:11: viết “Viet Nam”, không viết “Vietnam”, trong tên tiếng Anh: “Vietnam–EU FPA”"
        in outcome.lines
    ), "\n".join(outcome.lines)


def test_an_alias_must_be_the_sources_own(dataset: Dataset) -> None:
    dataset.edit(
        "entities/dong-quan.yml", "name: Đổng Quân\n", "name: Đổng Quân\naliases:\n  - Bộ trưởng Đổng\n"
    )
    outcome = dataset.run("validate")
    assert (
        "data/entities/dong-quan.yml:5:5: tên khác “Bộ trưởng Đổng” không có trong nguồn nào: tên ngoài nguồn ghi vào search_aliases"
        in outcome.lines
    ), "\n".join(outcome.lines)
