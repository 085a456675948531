"""Values an editor knows from elsewhere say so (rules/editor_knowledge.py)."""

from __future__ import annotations

from conftest import Dataset

VIET_NAM = "entities/viet-nam.yml"


def test_an_iso_code_must_be_marked_as_the_editors(dataset: Dataset) -> None:
    dataset.edit(VIET_NAM, "not_in_sources:\n  - iso_code\n", "")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/entities/viet-nam.yml:3:1: mã ISO do biên tập viên ghi, không có trong nguồn: ghi "
        "“not_in_sources: [iso_code]” để trang ghi rõ, hoặc thêm tài liệu tham khảo hỗ trợ “iso_code”"
    ) in outcome.lines, "\n".join(outcome.lines)


def test_a_mark_names_a_field_the_file_has(dataset: Dataset) -> None:
    dataset.edit(VIET_NAM, "  - iso_code\n", "  - iso_code\n  - coordinates\n")
    outcome = dataset.run("validate")
    assert (
        "data/entities/viet-nam.yml:7:5: tệp không có trường “coordinates”: xóa “coordinates” khỏi not_in_sources"
        in outcome.lines
    ), "\n".join(outcome.lines)


def test_a_value_from_a_reference_is_not_also_marked(dataset: Dataset) -> None:
    dataset.write(
        VIET_NAM,
        dataset.read(VIET_NAM)
        + """references:
  - id: ma-iso
    url: https://example.org/ma-iso
    title: Trang bịa ra để kiểm thử
    publisher: Tổ chức Ví Dụ
    published: không rõ
    accessed: 2026-12-01
    supports:
      iso_code: VN
""",
    )
    outcome = dataset.run("validate")
    assert (
        "data/entities/viet-nam.yml:6:3: “iso_code” đã dựa vào tài liệu tham khảo: xóa “iso_code” khỏi not_in_sources"
        in outcome.lines
    ), "\n".join(outcome.lines)
    dataset.edit(VIET_NAM, "not_in_sources:\n  - iso_code\n", "")
    assert dataset.run("validate").code == 0
