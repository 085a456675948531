"""A theme's key records exist and are in the theme (rules/key_records.py)."""

from __future__ import annotations

from conftest import Dataset


def test_a_themes_key_records_exist_and_belong_to_it(dataset: Dataset) -> None:
    """The summary box of a theme page names its key records: an editor's choice, checked."""
    dataset.edit(
        "themes.yml",
        "    intro: Giới thiệu chủ đề A.\n",
        "    intro: Giới thiệu chủ đề A.\n    key_records:\n      - hiep-dinh-fpa\n",
    )
    assert dataset.run("validate").code == 0
    dataset.edit("themes.yml", "      - hiep-dinh-fpa\n", "      - hiep-dinh-fpa\n      - hiep-dinh-fpb\n")
    dataset.write(
        "themes.yml",
        dataset.read("themes.yml")
        + "  - id: chu-de-b\n    title: Chủ đề B\n    intro: B.\n    key_records:\n      - hiep-dinh-fpa\n",
    )
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/themes.yml:7:9: không có bản ghi mã “hiep-dinh-fpb”; có phải “hiep-dinh-fpa”?" in outcome.lines
    ), outcome.lines
    assert "data/themes.yml:12:9: bản ghi “hiep-dinh-fpa” không thuộc chủ đề “chu-de-b”" in outcome.lines, (
        outcome.lines
    )
