"""`new` writes a record that fails validation until its placeholders are filled."""

from __future__ import annotations

from conftest import Dataset


def test_new_then_validate_then_fill(dataset: Dataset) -> None:
    outcome = dataset.run("new", "agreement", "Bản ghi nhớ về hợp tác gìn giữ hòa bình với Đức")
    assert outcome.code == 0
    path = "agreements/ban-ghi-nho-ve-hop-tac-gin-giu-hoa-binh-voi-duc.yml"
    text = dataset.read(path)
    assert "id: ban-ghi-nho-ve-hop-tac-gin-giu-hoa-binh-voi-duc\n" in text
    assert 'title: "Bản ghi nhớ về hợp tác gìn giữ hòa bình với Đức"\n' in text

    unfilled = dataset.run("validate")
    assert unfilled.code == 1
    shown = f"data/{path}"
    # Fields in the order `make fix` writes them: the type's own fields (kind, parties)
    # before themes and evidence.
    assert unfilled.lines == [
        f"{shown}:6:10: “summary” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
        f"{shown}:11:7: “kind” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
        f"{shown}:13:5: “parties[1]” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
        f"{shown}:16:5: “themes[1]” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
        f"{shown}:22:13: “evidence[1].source” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
        f"{shown}:23:12: “evidence[1].quote” vẫn là chỗ trống mẫu (“TODO…”); hãy điền",
    ]

    filled = (
        text.replace("summary: TODO", "summary: Bản ghi nhớ với Đức.")
        .replace("  - TODO\n# entities", "  - chu-de-a\n# entities")
        .replace("source: TODO", "source: nguon-a")
        .replace("quote: TODO", "quote: Việt Nam và EU đã ký Hiệp định FPA")
        .replace("kind: TODO", "kind: memorandum")
        .replace("parties:  # Mã các bên ký kết.\n  - TODO", "parties:\n  - viet-nam")
    )
    dataset.write(path, filled)
    assert dataset.run("validate").code == 0


def test_new_maps_d_stroke_and_refuses_to_overwrite(dataset: Dataset) -> None:
    assert dataset.run("new", "event", "Đổng Quân thăm Đà Nẵng").code == 0
    assert (dataset.root / "events/dong-quan-tham-da-nang.yml").exists()
    again = dataset.run("new", "event", "Đổng Quân thăm Đà Nẵng")
    assert again.code == 1
    assert again.lines == [
        "data/events/dong-quan-tham-da-nang.yml:1:1: mã “dong-quan-tham-da-nang” đã có; "
        "đặt tiêu đề khác hoặc sửa tệp này"
    ]


def test_new_refuses_an_unknown_type(dataset: Dataset) -> None:
    outcome = dataset.run("new", "treaty", "Hiệp ước")
    assert outcome.code == 1
    assert "không có loại bản ghi “treaty”; chọn: event, agreement, mission, resolution" in outcome.err
