"""`make source`: an article's text becomes a canonical source file that validates and
builds. The article below is fictional, written for this test; it is not a real report."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import REPO_ROOT, Dataset, run_cli
from defence_kb.fix import fix_file
from defence_kb.fix.context import DataFile
from defence_kb.new_source import propose_kinds
from defence_kb.schema import Source

# VĂN BẢN KIỂM THỬ: bài viết bịa ra, không có thật.
ARTICLE = """Bài viết giả để kiểm thử: hội thao quân y hữu nghị lần thứ nhất
Thứ Ba, 01/12/2026 | 08:30:00 [GMT +7]
Văn bản kiểm thử, không phải bài báo thật. Ngày 30/11/2026, hội thao quân y hữu nghị giữa hai đơn vị giả định đã diễn ra tại một địa điểm giả định.
Hội thao gồm ba nội dung: sơ cứu, vận chuyển người bị thương và cấp cứu ngoại viện.
Ảnh: Các đội thi tại hội thao giả định.
(1) Chú thích giả định của bài kiểm thử.
(Báo Giả Định)
Tin liên quan: Một bài giả định khác
"""
HEADER = """# Tạo bằng “make source” từ bai-kiem-thu.txt. Loại đoạn (kind) là ĐỀ XUẤT; kiểm tra từng dòng
# dưới đây với bài viết, sửa kind nếu sai, rồi xóa các dòng # này (make fix giữ chúng).
# - đoạn 1: heading (Tiêu đề): dòng ngắn, không kết thúc bằng dấu câu
# - đoạn 2: meta (Thông tin bài): dòng nguồn, tác giả hoặc ngày giờ đăng
# - đoạn 3: lead (Sa-pô): đoạn nội dung đầu tiên sau tiêu đề
# - đoạn 5: caption (Chú thích ảnh): có “Ảnh:”
# - đoạn 6: footnote (Chú thích): mở đầu bằng số chú thích (1), [1]
# - đoạn 7: meta (Thông tin bài): dòng nguồn, tác giả hoặc ngày giờ đăng
# - đoạn 8: sidebar (Tin liên quan): mở đầu như mục tin liên quan
# - các đoạn còn lại: body (Nội dung).
"""
SOURCE_ID = "bai-viet-gia-de-kiem-thu-hoi-thao-quan-y-huu-nghi-lan-thu-nhat"


def test_an_article_becomes_a_source_file_that_validates_and_is_canonical(dataset: Dataset) -> None:
    article = dataset.root.parent / "bai-kiem-thu.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    outcome = dataset.run("source", str(article), "--publisher", "Báo Giả Định")
    assert outcome.code == 0, outcome.err
    text = dataset.read(f"sources/{SOURCE_ID}.yml")
    assert text.startswith(HEADER)
    data = yaml.safe_load(text)
    assert [(p["n"], p.get("kind", "body")) for p in data["paragraphs"]] == [
        (1, "heading"),
        (2, "meta"),
        (3, "lead"),
        (4, "body"),
        (5, "caption"),
        (6, "footnote"),
        (7, "meta"),
        (8, "sidebar"),
    ]
    assert data["title"] == "Bài viết giả để kiểm thử: hội thao quân y hữu nghị lần thứ nhất"
    assert data["publisher"] == "Báo Giả Định"
    assert data["unknown"] == ["ngày đăng", "địa chỉ URL của bài"]
    assert data["capture_file"] == "bai-kiem-thu.txt"
    assert dataset.run("validate").code == 0
    fixed = fix_file(DataFile(dataset.root / "sources" / f"{SOURCE_ID}.yml", Source, True))
    assert fixed.after == text and not fixed.problems  # exactly as `make fix` writes it
    # a record can cite it at once
    dataset.edit(
        "events/giao-luu-lan-thu-9.yml",
        "    quote: Thượng tướng Đổng Quân dự giao lưu hữu nghị.\n",
        "    quote: Thượng tướng Đổng Quân dự giao lưu hữu nghị.\n"
        f"  - source: {SOURCE_ID}\n    quote: sơ cứu, vận chuyển người bị thương\n",
    )
    assert dataset.run("validate").code == 0


def test_the_new_source_builds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = run_cli("--data", str(data), "validate")  # nothing there yet: a clear error, no traceback
    assert run.returncode == 1 and "Traceback" not in run.stderr
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "minimal", data)
    article = tmp_path / "bai-kiem-thu.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    made = run_cli(
        "--data", str(data), "source", str(article), "--id", "bai-kiem-thu", "--published", "2026-12-01"
    )
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    built = run_cli("--data", str(data), "build", "--site", str(site))
    assert built.returncode == 0, built.stderr
    page = (site / "nguon" / "bai-kiem-thu" / "index.html").read_text(encoding="utf-8")
    assert "hội thao quân y hữu nghị giữa hai đơn vị giả định" in page
    assert 'id="p8"' in page


def test_bad_input_is_explained(dataset: Dataset) -> None:
    article = dataset.root.parent / "trong.txt"
    article.write_text("\n\n  \n", encoding="utf-8")
    outcome = dataset.run("source", str(article))
    assert outcome.code == 1
    assert "trong.txt:1:1: tệp không có chữ nào: dán toàn văn bài viết vào tệp rồi chạy lại" in outcome.err
    article.write_text(ARTICLE, encoding="utf-8")
    outcome = dataset.run("source", str(article), "--published", "1/12/2026", "--id", "nguon-a")
    assert outcome.code == 1
    assert "PUBLISHED: ngày “1/12/2026” không đúng dạng" in outcome.err
    outcome = dataset.run("source", str(article), "--id", "nguon-a")
    assert "đã có tệp" in outcome.err and outcome.code == 1


def test_proposals_agree_with_how_the_four_sources_are_marked() -> None:
    agreeing = total = 0
    for path in sorted((REPO_ROOT / "data" / "sources").glob("*.yml")):
        paragraphs = yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"]
        proposed = propose_kinds([p["text"] for p in paragraphs])
        agreeing += sum(
            p.get("kind", "body") == q.kind.value for p, q in zip(paragraphs, proposed, strict=True)
        )
        total += len(paragraphs)
    assert agreeing / total >= 0.95, (agreeing, total)
