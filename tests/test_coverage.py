"""Coverage per sentence (coverage.py) and the reviewed exclusions file."""

from __future__ import annotations

from conftest import Dataset
from defence_kb.coverage import sentence_coverage
from defence_kb.load import load_dataset
from defence_kb.text import sentence_spans
from defence_kb.validate import validate_dataset

NEW_SENTENCE = "Hợp tác quốc phòng là trụ cột quan trọng của quan hệ hai nước."


def test_sentences_split_where_a_reader_would() -> None:
    text = (
        "Năm 2020, Việt Nam là Chủ tịch ASEAN. Sách (Nxb. Chính trị quốc gia, tr. 105) nêu rõ! (2) Chú thích."
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Năm 2020, Việt Nam là Chủ tịch ASEAN.",
        "Sách (Nxb. Chính trị quốc gia, tr. 105) nêu rõ!",
        "(2) Chú thích.",
    ]


def test_a_sentence_no_record_quotes_is_a_gap_until_excluded_with_a_reason(dataset: Dataset) -> None:
    dataset.edit(
        "sources/nguon-a.yml",
        "tại Brúc-xen.",
        f"tại Brúc-xen. {NEW_SENTENCE}",
    )
    outcome = dataset.run("coverage")
    assert outcome.code == 1
    assert f"  CHƯA CÓ  đoạn 2: {NEW_SENTENCE}" in outcome.out.splitlines()
    assert outcome.out.rstrip().endswith("câu nêu dữ kiện; 1 câu chưa có bản ghi và chưa được loại trừ.")
    dataset.write(
        "coverage-exclusions.yml",
        "exclusions:\n  - source: nguon-a\n    paragraph: 2\n    sentence: Hợp tác quốc phòng là trụ cột\n"
        "    reason: Nhận định chung của tác giả, không nêu dữ kiện.\n",
    )
    outcome = dataset.run("coverage")
    assert outcome.code == 0, outcome.out
    rows = sentence_coverage(validate_dataset(load_dataset(dataset.root)))
    excluded = [row for row in rows if row.excluded]
    assert [row.text for row in excluded] == [NEW_SENTENCE]
    assert excluded[0].excluded.reason == "Nhận định chung của tác giả, không nêu dữ kiện."


def test_a_quote_covering_half_a_sentence_carries_it(dataset: Dataset) -> None:
    rows = {row.text: row for row in sentence_coverage(validate_dataset(load_dataset(dataset.root)))}
    fpa = rows["Ngày 17/10/2019, Việt Nam và EU đã ký Hiệp định FPA tại Brúc-xen."]
    assert fpa.carried and fpa.carried_by == ("hiep-dinh-fpa",)
    assert all(row.paragraph.kind.value != "caption" for row in rows.values())
