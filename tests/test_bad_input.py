"""The corpus of bad inputs: each is refused with file, line and advice, never a traceback,
in bounded time and memory, and a build leaves the previous site untouched."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

CASES = Path(__file__).parent / "bad_inputs"
SECONDS = 30
MEMORY = 2 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = run_cli(*args, cwd=cwd, timeout=SECONDS, preexec_fn=_limit_memory)
    return result, time.perf_counter() - started


def case_header(path: Path) -> tuple[str, list[str]]:
    head = path.read_bytes()[:4000].decode("utf-8", errors="replace").lstrip("\ufeff")
    target = re.search(r"^# path: (.+)$", head, re.M)
    expected = re.findall(r"^# expect: (.+)$", head, re.M)
    if not head.strip():
        expected = ["1:1: tệp trống; xóa tệp hoặc điền nội dung bản ghi"]
    return (target.group(1).strip() if target else f"events/{path.name}"), expected


def with_case(tmp_path: Path, relative: str, content: bytes) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    target = data / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return data


def assert_refused(result: subprocess.CompletedProcess[str], relative: str, expected: list[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for expectation in expected:
        wanted = f"data/{relative}:{expectation}"
        assert any(line.startswith(wanted) for line in lines), f"{wanted!r} not in:\n{result.stderr}"
    for line in lines[:-1]:
        assert re.match(r"^\S.*:\d+:\d+: \S", line), f"not path:line:column: message: {line!r}"


def cases() -> list[Path]:
    """The case files (hostile/ holds valid data, checked by the tests of what it breaks)."""
    return sorted(p for p in CASES.iterdir() if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.stem)
def test_bad_input_is_refused_clearly(tmp_path: Path, case: Path) -> None:
    relative, expected = case_header(case)
    assert expected or not case.read_bytes().strip(), f"{case.name} declares no expectation"
    with_case(tmp_path, relative, case.read_bytes())
    result, seconds = run_bounded("--data", "data", "validate", cwd=tmp_path)
    assert_refused(result, relative, expected)
    assert seconds < SECONDS
    assert not Path("/tmp/kb-pwned").exists()


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    with_case(tmp_path, "events/lon.yml", b"id: lon\nsummary: " + b"a" * 50_000_000 + b"\n")
    result, seconds = run_bounded("--data", "data", "validate", cwd=tmp_path)
    assert_refused(result, "events/lon.yml", ["1:1: tệp quá lớn (50.0 MB); một tệp dữ liệu tối đa 1 MB"])
    assert seconds < 10


@pytest.mark.parametrize("nesting", ["[" * 100_000 + "]" * 100_000, "{a: " * 20_000 + "}" * 20_000])
def test_deep_nesting_is_refused_before_parsing(tmp_path: Path, nesting: str) -> None:
    """libyaml composes recursively in C: 100,000 brackets would crash the interpreter."""
    with_case(tmp_path, "events/sau.yml", f"id: sau\ntitle: {nesting}\n".encode())
    result, _ = run_bounded("--data", "data", "validate", cwd=tmp_path)
    assert_refused(result, "events/sau.yml", ["2:"])
    assert "lồng quá sâu" in result.stderr


def test_every_case_at_once_in_one_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    expected: list[tuple[str, str]] = []
    for case in cases():
        relative, expectations = case_header(case)
        if (data / relative).exists() or relative.startswith("agreements/Hiep"):
            continue  # cases that replace or shadow a fixture file are checked alone
        target = data / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(case.read_bytes())
        expected += [(relative, e) for e in expectations]
    result, _ = run_bounded("--data", "data", "validate", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    missing = [
        f"{r}:{e}"
        for r, e in expected
        if not any(line.startswith(f"data/{r}:{e}") for line in result.stderr.splitlines())
    ]
    assert missing == []


def test_a_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    data = with_case(tmp_path, "events/tab-indent.yml", (CASES / "tab-indent.yml").read_bytes())
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("trang cũ", encoding="utf-8")
    result, _ = run_bounded("--data", str(data), "build", "--site", str(site), cwd=tmp_path)
    assert_refused(result, "events/tab-indent.yml", ["3:1: ký tự tab"])
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"
    assert not list(tmp_path.glob(".site-*"))


LINK = "1:1: đây là liên kết tượng trưng (symbolic link), không phải tệp"


def _links_and_special_files(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """The minimal dataset with links and entries that are not files where data files go,
    and a valid record outside the repository that a link points at."""
    data = with_case(tmp_path, "events/.keep", b"")
    (data / "events" / ".keep").unlink()
    outside = tmp_path / "ngoai-kho" / "ngoai.yml"
    outside.parent.mkdir()
    shutil.copy(data / "events" / "giao-luu-lan-thu-9.yml", outside)
    (data / "events" / "vo-han.yml").symlink_to("/dev/zero")
    (data / "events" / "ngoai.yml").symlink_to(outside)
    (data / "entities" / "ngoai-thu-muc").symlink_to(outside.parent, target_is_directory=True)
    os.mkfifo(data / "events" / "ong-dan.yml")
    (data / "events" / "thu-muc.yml").mkdir()
    (data / "themes.yml").rename(tmp_path / "themes.yml")
    (data / "themes.yml").symlink_to(tmp_path / "themes.yml")
    expected = {
        "events/vo-han.yml": LINK,
        "events/ngoai.yml": LINK,
        "entities/ngoai-thu-muc": LINK,
        "themes.yml": LINK,
        "events/ong-dan.yml": "1:1: đây không phải tệp thường (mà là ống dẫn FIFO",
        "events/thu-muc.yml": "1:1: đây là một thư mục, không phải tệp dữ liệu: đổi tên thư mục (bỏ đuôi “.yml”)",
    }
    return data, outside, expected


def test_links_and_special_files_are_refused(tmp_path: Path) -> None:
    """A link to /dev/zero reads as size 0 and never ends; a link out of the repository would
    be published; a FIFO blocks; a folder named *.yml is no file: each is refused, in one run."""
    _data, _outside, expected = _links_and_special_files(tmp_path)
    result, seconds = run_bounded("--data", "data", "validate", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    for relative, message in expected.items():
        assert any(line.startswith(f"data/{relative}:{message}") for line in result.stderr.splitlines()), (
            f"data/{relative}:{message}\n{result.stderr}"
        )
    assert "Đổng Quân" not in result.stdout + result.stderr  # the outside record was never read
    assert seconds < 10


def test_fix_never_writes_through_a_link(tmp_path: Path) -> None:
    data, outside, expected = _links_and_special_files(tmp_path)
    outside.write_text("title:   Giao lưu\nid: ngoai\n", encoding="utf-8")  # not canonical
    before = outside.read_bytes()
    result, _ = run_bounded("--data", "data", "fix", cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert outside.read_bytes() == before
    assert (data / "events" / "ngoai.yml").is_symlink()
    for relative in ("events/ngoai.yml", "events/vo-han.yml", "themes.yml", "events/thu-muc.yml"):
        assert f"data/{relative}:{expected[relative]}" in result.stderr, result.stderr
