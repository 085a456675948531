"""trailing_space.py: no white space at the ends of values or of their lines."""

from __future__ import annotations

from pathlib import Path

from defence_kb.fix import trailing_space
from defence_kb.fix.context import DataFile
from defence_kb.schema import Event

EVENT = DataFile(Path("data/events/x.yml"), Event, True)


def test_white_space_at_the_ends_goes_indentation_stays() -> None:
    changes: list[str] = []
    data = {
        "title": " Giao lưu\t",
        "summary": "Đoạn một.  \n\n- mục\t\n  - mục con \n",
        "evidence": [{"quote": "trích "}],
    }
    assert trailing_space.fix(data, EVENT, changes) == {
        "title": "Giao lưu",
        "summary": "Đoạn một.\n\n- mục\n  - mục con",
        "evidence": [{"quote": "trích"}],
    }
    assert changes == [trailing_space.MESSAGE]


def test_clean_values_are_left_alone() -> None:
    changes: list[str] = []
    data = {"title": "Giao lưu", "themes": ["a"], "summary": "a  b\n\nc"}
    assert trailing_space.fix(data, EVENT, changes) == data
    assert changes == []
