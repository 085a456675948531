"""A former id (an old address that redirects) is no record's id and no other record's
(rules/former_ids.py)."""

from __future__ import annotations

from conftest import Dataset
from validate_cases import EVENT, FPA


def test_a_former_id_in_use_is_refused(dataset: Dataset) -> None:
    dataset.edit(FPA, "id: hiep-dinh-fpa\n", "id: hiep-dinh-fpa\nformer_ids: [quan-nhan-tu-2014]\n")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        "data/agreements/hiep-dinh-fpa.yml:2:14: mã cũ “quan-nhan-tu-2014” đang là mã của một bản ghi; "
        "địa chỉ cũ không thể vừa là trang vừa chuyển hướng: xóa mã này khỏi former_ids"
    ]


def test_one_former_id_for_two_records_is_refused(dataset: Dataset) -> None:
    dataset.edit(FPA, "id: hiep-dinh-fpa\n", "id: hiep-dinh-fpa\nformer_ids: [ban-cu]\n")
    dataset.edit(EVENT, "title:", "former_ids:\n  - ban-cu\ntitle:")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        "data/agreements/hiep-dinh-fpa.yml:2:14: mã cũ “ban-cu” cũng có trong former_ids của "
        "data/events/giao-luu-lan-thu-9.yml; mỗi địa chỉ cũ chỉ chuyển về một bản ghi"
    ]
