"""A paragraph a quote cites keeps its number and its text (rules/cited_paragraphs.py):
the minimal dataset is committed to a git repository, then its source is edited."""

from __future__ import annotations

import subprocess

from conftest import Dataset

SOURCE = "sources/nguon-a.yml"


def commit(dataset: Dataset) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=dataset.root, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.invalid", "commit", "-qm", "dữ liệu")


def test_renumbering_a_cited_paragraph_is_refused_naming_the_quote(dataset: Dataset) -> None:
    commit(dataset)
    assert dataset.run("validate").code == 0
    # a paragraph slipped in after the heading, the others renumbered after it
    dataset.edit(SOURCE, "  - n: 4\n", "  - n: 5\n")
    dataset.edit(SOURCE, "  - n: 3\n", "  - n: 4\n")
    dataset.edit(SOURCE, "  - n: 2\n", "  - n: 2\n    text: Một đoạn chen vào.\n  - n: 3\n")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert (
        "data/sources/nguon-a.yml:15:11: đoạn 3 (ở lần commit gần nhất) có trích dẫn “Kể từ năm 2014” của "
        "data/resolutions/nghi-quyet-22.yml; đoạn này nay mang số 4: không đánh số lại các đoạn. Giữ số và "
        "nguyên văn đoạn được trích (đoạn mới thêm ở cuối, với số mới), hoặc sửa trích dẫn trong bản ghi trước"
    ) in outcome.lines, "\n".join(outcome.lines)


def test_changing_a_cited_paragraph_is_refused_naming_the_quote(dataset: Dataset) -> None:
    commit(dataset)
    dataset.edit(SOURCE, "đã ký Hiệp định FPA tại Brúc-xen.", "đã ký Hiệp định FPA.")
    outcome = dataset.run("validate")
    assert (
        "data/sources/nguon-a.yml:13:11: đoạn 2 (ở lần commit gần nhất) có trích dẫn “Ngày 17/10/2019, Việt Nam "
        "và EU đã ký Hiệp định FPA tại Brúc…” của data/agreements/hiep-dinh-fpa.yml; nội dung đoạn đã đổi. "
        "Giữ số và nguyên văn đoạn được trích (đoạn mới thêm ở cuối, với số mới), hoặc sửa trích dẫn trong bản ghi trước"
    ) in outcome.lines, "\n".join(outcome.lines)


def test_adding_a_paragraph_at_the_end_is_fine(dataset: Dataset) -> None:
    commit(dataset)
    dataset.write(SOURCE, dataset.read(SOURCE) + "  - n: 5\n    text: Đoạn mới ở cuối bài.\n")
    assert dataset.run("validate").code == 0
