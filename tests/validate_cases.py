"""What the validator's tests share (tests/test_validate*.py): the minimal dataset's files,
and the problems reported after one edit."""

from __future__ import annotations

from conftest import Dataset

FPA = "agreements/hiep-dinh-fpa.yml"
MISSION = "missions/quan-nhan-tu-2014.yml"
EVENT = "events/giao-luu-lan-thu-9.yml"
# A stated bound for EVENT, quoting the source
BOUND = "not_before:\n  date: '2014'\n  source: nguon-a\n  quote: Kể từ năm 2014\n"


def reported_after(dataset: Dataset, path: str, old: str, new: str) -> list[str]:
    """Edit one file of the minimal dataset; validation must fail: its problem lines."""
    dataset.edit(path, old, new)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    return outcome.lines
