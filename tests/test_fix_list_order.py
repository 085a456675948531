"""list_order.py: only lists whose order means nothing are sorted."""

from __future__ import annotations

from pathlib import Path

from defence_kb.fix import list_order
from defence_kb.fix.context import DataFile
from defence_kb.schema import Agreement, Source

AGREEMENT = DataFile(Path("data/agreements/x.yml"), Agreement, True)
SOURCE = DataFile(Path("data/sources/x.yml"), Source, True)


def test_sets_are_sorted_meaningful_lists_keep_their_order() -> None:
    changes: list[str] = []
    data = {
        "former_ids": ["z-cu", "a-cu"],
        "parties": ["viet-nam", "lien-minh-chau-au"],
        "themes": ["z", "a"],
        "tags": ["ủy ban", "an ninh"],
        "evidence": [{"source": "b"}, {"source": "a"}],
    }
    fixed = list_order.fix(data, AGREEMENT, changes)
    assert fixed == {**data, "former_ids": ["a-cu", "z-cu"]}
    assert changes == ["sắp xếp danh sách không có thứ tự (former_ids)"]


def test_dropped_lines_sort_as_numbers() -> None:
    changes: list[str] = []
    assert list_order.fix({"dropped_lines": ["10", "9", "100"]}, SOURCE, changes) == {
        "dropped_lines": ["9", "10", "100"]
    }
    # a mistake the validator reports: left in its order
    assert list_order.fix({"dropped_lines": ["10", "chín"]}, SOURCE, []) == {"dropped_lines": ["10", "chín"]}


def test_a_field_of_another_model_is_not_touched() -> None:
    assert list_order.fix({"dropped_lines": ["2", "1"]}, AGREEMENT, []) == {"dropped_lines": ["2", "1"]}
