"""id_from_filename.py: a record's, entity's or source's id is its file name."""

from __future__ import annotations

from pathlib import Path

from defence_kb.fix import id_from_filename
from defence_kb.fix.context import DataFile
from defence_kb.schema import Event, ThemesFile

EVENT = DataFile(Path("data/events/giao-luu-lan-thu-9.yml"), Event, True)


def test_the_file_name_wins() -> None:
    changes: list[str] = []
    fixed = id_from_filename.fix({"id": "giao-luu-lan-9", "title": "Giao lưu"}, EVENT, changes)
    assert fixed == {"id": "giao-luu-lan-thu-9", "title": "Giao lưu"}
    assert changes == ["id “giao-luu-lan-9” đổi thành “giao-luu-lan-thu-9” theo tên tệp"]


def test_a_missing_id_is_added() -> None:
    changes: list[str] = []
    assert id_from_filename.fix({"title": "Giao lưu"}, EVENT, changes)["id"] == "giao-luu-lan-thu-9"
    assert changes == ["thêm id “giao-luu-lan-thu-9” theo tên tệp"]


def test_nothing_changes_when_they_agree_or_the_name_is_no_id() -> None:
    changes: list[str] = []
    data = {"id": "giao-luu-lan-thu-9"}
    assert id_from_filename.fix(data, EVENT, changes) is data
    bad_name = DataFile(Path("data/events/Giao Lưu.yml"), Event, True)
    assert id_from_filename.fix({"id": "giao-luu"}, bad_name, changes) == {"id": "giao-luu"}
    themes = DataFile(Path("data/themes.yml"), ThemesFile, False)
    assert id_from_filename.fix({"themes": []}, themes, changes) == {"themes": []}
    assert changes == []
