"""The editors' guide stays true: its worked example validates against the real data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO_ROOT, run_cli
from defence_kb.render import read_site_settings


def test_worked_example_in_contributing_validates(tmp_path: Path) -> None:
    guide = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"## Ví dụ hoàn chỉnh.*?```yaml\n(.*?)```", guide, re.S)
    assert example, "CONTRIBUTING.md lost its worked example"
    record_id = re.search(r"^id: (\S+)$", example.group(1), re.M).group(1)
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "agreements" / f"{record_id}.yml").write_text(example.group(1), encoding="utf-8")
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr


def test_the_guide_leads_with_the_form_and_its_pictures_exist() -> None:
    guide = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", guide, re.M)
    assert sections[0] == "Đề xuất bản ghi ngay trên trang"
    assert sections.index("Soạn tệp trực tiếp (cho người quen Git và YAML)") > 0
    site_url = read_site_settings(REPO_ROOT / "mkdocs.yml").site_url
    assert f"]({site_url}de-xuat/)" in guide
    pictures = re.findall(r"(?:\]\(|src=\")(docs/images/[^)\"]+\.png)", guide)
    for width in ("-may-tinh.png", "-dien-thoai.png"):  # desktop and phone widths
        assert any(picture.endswith(width) for picture in pictures), width
    for picture in pictures:
        size = (REPO_ROOT / picture).stat().st_size
        assert 0 < size < 200_000, picture
    # The buttons and boxes the steps name are the form's own words.
    form = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((REPO_ROOT / "docs" / "assets" / "propose").glob("*.js"))
    )
    record_page = (REPO_ROOT / "scripts" / "defence_kb" / "templates" / "record.md.j2").read_text(
        encoding="utf-8"
    )
    for words in (
        "Chọn trích dẫn trong nguồn",
        "Thêm vào bằng chứng",
        "Trích cả đoạn",
        "+ Thêm đối tác mới",
        "Nguồn nói về đối tác",
        "Thêm tài liệu tham khảo",
        "Trường của bản ghi",
        "Là một khoảng thời gian",
        "Mở pull request trên GitHub",
        "Nhánh của bạn",
        "Sao chép YAML",
        "Tải tệp xuống",
        "Mở trang sửa tệp trên GitHub",
        "Thay đổi so với tệp hiện tại",
    ):
        assert f"“{words}" in guide and words in form, words
    assert "Đề xuất sửa bản ghi này" in record_page and "“Đề xuất sửa bản ghi này”" in guide


def test_reference_example_in_contributing_validates_and_marks_the_date(tmp_path: Path) -> None:
    """The guide's worked reference example, added to the record it names, validates; and
    the date it gives is refused when it contradicts the article's publication date."""
    guide = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = re.search(
        r"### Tài liệu tham khảo \(`references`\).*?Thêm vào tệp\s+`([^`]+)`.*?```yaml\n(.*?)```", guide, re.S
    )
    assert section, "CONTRIBUTING.md lost its reference example"
    path, example = section.groups()
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    record = data / path.removeprefix("data/")
    record.write_text(record.read_text(encoding="utf-8") + example, encoding="utf-8")
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr
    record.write_text(
        record.read_text(encoding="utf-8").replace("2015-05-26", "2023-05-26"), encoding="utf-8"
    )
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 1
    assert "muộn hơn ngày đăng 27/12/2022 của nguồn" in result.stderr


def test_the_new_source_example_is_the_file_the_form_writes_and_it_validates(tmp_path: Path) -> None:
    """The "Thêm nguồn" example: the pasted text, what the editor filled in and the one kind
    changed give exactly the file shown (new_source.py, twin of the form's step), and that
    file validates."""
    from defence_kb.new_source import propose_kinds, source_file, split_paragraphs

    guide = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(
        r"### Thêm một bài viết nguồn ngay trên trang.*?```text\n(.*?)```.*?```yaml\n(.*?)```", guide, re.S
    )
    assert example, "CONTRIBUTING.md lost its new source example"
    text, shown = example.groups()
    kinds = [p.kind.value for p in propose_kinds(split_paragraphs(text))]
    assert kinds == ["heading", "meta", "lead", "caption"]  # as the guide says it proposes
    kinds[2] = "body"  # the editor's change in the example
    source_id = re.search(r"^id: (\S+)$", shown, re.M).group(1)
    _, made = source_file(
        text,
        capture_file=f"{source_id}.txt",
        publisher="Báo Ví Dụ",
        published="2026-12-01",
        kinds=kinds,
    )
    assert made == shown
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "sources" / f"{source_id}.yml").write_text(shown, encoding="utf-8")
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr
