"""Each excluded sentence is the start of a sentence of its paragraph (rules/exclusions.py)."""

from __future__ import annotations

from conftest import Dataset


def test_an_exclusion_must_name_a_real_sentence(dataset: Dataset) -> None:
    dataset.write(
        "coverage-exclusions.yml",
        "exclusions:\n  - source: nguon-a\n    paragraph: 2\n    sentence: Câu này không có trong đoạn\n"
        "    reason: Thử.\n",
    )
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/coverage-exclusions.yml:4:15: đoạn 2 của “nguon-a” không có câu nào bắt đầu bằng "
        "“Câu này không có trong đoạn”; chép nguyên văn ít nhất 15 ký tự đầu câu"
    ) in outcome.lines
