"""The loader turns any file into data or into `path:line:column: message` lines."""

from __future__ import annotations

import pytest

from conftest import Dataset, run_cli


def test_minimal_dataset_is_valid(dataset: Dataset) -> None:
    outcome = dataset.run("validate")
    assert outcome.code == 0, outcome.err
    assert "Hợp lệ: 4 bản ghi, 3 đối tác, 1 nguồn, 1 chủ đề." in outcome.out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "id: x\ntitle: [unclosed\n",
            "data/events/x.yml:3:1: lỗi cú pháp YAML: thiếu dấu “]” đóng danh sách, hoặc thiếu dấu phẩy giữa các mục",
            id="syntax",
        ),
        pytest.param(
            "id: x\n\ttitle: a\n",
            "data/events/x.yml:2:1: ký tự tab: YAML chỉ dùng dấu cách (space) để thụt lề; thay tab bằng dấu cách",
            id="tab",
        ),
        pytest.param(
            "id: x\ntitle: a: b\n",
            "data/events/x.yml:2:9: lỗi cú pháp YAML: dấu “:” ở vị trí không hợp lệ; nếu văn bản có dấu “: ”, "
            "đặt cả giá trị trong ngoặc kép",
            id="colon",
        ),
        pytest.param("", "data/events/x.yml:1:1: tệp trống; xóa tệp hoặc điền nội dung bản ghi", id="empty"),
        pytest.param(
            "# only a comment\n",
            "data/events/x.yml:1:1: tệp trống; xóa tệp hoặc điền nội dung bản ghi",
            id="comment-only",
        ),
        pytest.param(
            "- id: x\n- id: y\n",
            "data/events/x.yml:1:1: tệp chứa một danh sách; một bản ghi phải là các dòng “tên_trường: giá trị”",
            id="list",
        ),
        pytest.param(
            "id: x\ntitle: a\ntitle: b\n",
            "data/events/x.yml:3:1: trường “title” được viết hai lần (lần đầu ở dòng 2); giữ một lần",
            id="duplicate-key",
        ),
        pytest.param(
            "id: x\ntitle: !!python/object/apply:os.system ['ls']\n",
            "data/events/x.yml:2:8: thẻ YAML “!!python/object/apply:os.system” không được phép; "
            "chỉ dùng văn bản, danh sách và bảng khóa–giá trị",
            id="python-tag",
        ),
        pytest.param(
            "id: x\na: &a [1, 2]\nb: *a\n",
            "data/events/x.yml:3:4: không dùng neo và bí danh YAML (&tên, *tên); viết đầy đủ giá trị",
            id="alias",
        ),
        pytest.param(
            "id: x\ntitle: Vie\u0323t Nam\n",
            "data/events/x.yml:2:8: văn bản chưa ở dạng Unicode NFC (dấu thanh tách rời khỏi chữ); "
            "chạy “make fix” hoặc gõ lại đoạn này",
            id="nfd",
        ),
        pytest.param(
            "id: x\n---\nid: y\n",
            "data/events/x.yml:2:1: tệp có nhiều hơn một tài liệu YAML (dấu ---); mỗi tệp chỉ một bản ghi",
            id="two-documents",
        ),
    ],
)
def test_unreadable_yaml_is_reported_with_position(dataset: Dataset, text: str, expected: str) -> None:
    dataset.write("events/x.yml", text)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert expected in outcome.lines


def test_byte_order_mark(dataset: Dataset) -> None:
    (dataset.root / "events/x.yml").write_bytes(b"\xef\xbb\xbfid: x\n")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        "data/events/x.yml:1:1: tệp bắt đầu bằng dấu BOM (byte-order mark); lưu lại dạng “UTF-8” không BOM"
    ]


def test_non_utf8_bytes_point_at_the_byte(dataset: Dataset) -> None:
    (dataset.root / "events/x.yml").write_bytes(b"id: x\ntitle: Vi" + b"\xea\xe7t\n")
    outcome = dataset.run("validate")
    assert outcome.lines == [
        "data/events/x.yml:2:10: tệp không phải văn bản UTF-8 (có byte không hợp lệ ở đây); lưu lại dạng UTF-8"
    ]


def test_oversized_file_is_refused_before_parsing(dataset: Dataset) -> None:
    dataset.write("events/x.yml", "id: x\nsummary: " + "a" * 1_200_000 + "\n")
    outcome = dataset.run("validate")
    assert outcome.lines == [
        "data/events/x.yml:1:1: tệp quá lớn (1.2 MB); một tệp dữ liệu tối đa 1 MB: tách thành nhiều bản ghi"
    ]


def test_billion_laughs_is_refused_quickly(dataset: Dataset) -> None:
    levels = ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"]
    for n in range(1, 10):
        previous = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    dataset.write("events/x.yml", "id: x\n" + "\n".join(levels) + "\n")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert any("không dùng neo và bí danh YAML" in line for line in outcome.lines)


def test_files_outside_known_folders_are_reported_not_skipped(dataset: Dataset) -> None:
    dataset.write("event/x.yml", "id: x\n")
    dataset.write("agreements/notes.txt", "ghi chú\n")
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert outcome.lines == [
        "data/agreements/notes.txt:1:1: bản ghi phải là tệp .yml; đổi tên thành notes.yml hoặc xóa tệp",
        "data/event/x.yml:1:1: tệp nằm ngoài các thư mục dữ liệu nên sẽ không được đọc; chuyển vào một trong "
        "agreements, entities, events, missions, positions, resolutions, sources",
    ]


def test_yes_and_no_stay_text(dataset: Dataset) -> None:
    """YAML 1.1 would read `no` as false; every scalar stays the text the editor typed."""
    dataset.edit("entities/viet-nam.yml", "name: Việt Nam", "name: no")
    assert dataset.run("validate").code == 0


def test_bad_data_never_shows_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    (data / "events").mkdir(parents=True)
    (data / "events" / "x.yml").write_bytes(b"\xff\xfe\x00garbage: [\n\t- !!binary")
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "x.yml:1:1:" in result.stderr
