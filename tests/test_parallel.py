"""Work shared among processes gives exactly what one process gives, problems included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from defence_kb import build, parallel
from defence_kb.build import copy_site_config, load_knowledge_base, write_docs
from defence_kb.load import dataset as load_folder
from defence_kb.load import load_dataset
from defence_kb.parallel import fork_map, workers
from defence_kb.synthetic import write_synthetic_dataset


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share among two processes even on a one-core machine, where the build would not:
    the sharing itself is what these tests check."""
    if workers() < 2:
        monkeypatch.setattr(parallel, "workers", lambda: 2)


needs_cores = pytest.mark.usefixtures("two_workers")


def _pid(_item: int) -> int:
    return os.getpid()


def _square(item: int) -> int:
    return item * item


def test_fork_map_keeps_order_and_stays_in_process_below_the_threshold() -> None:
    assert fork_map(_square, list(range(50)), min_items=10, chunk=3) == [i * i for i in range(50)]
    assert set(fork_map(_pid, list(range(5)), min_items=10)) == {os.getpid()}


@needs_cores
def test_fork_map_uses_other_processes_above_the_threshold() -> None:
    assert set(fork_map(_pid, list(range(40)), min_items=10, chunk=5)) - {os.getpid()}


@pytest.fixture(scope="module")
def synthetic_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("synthetic") / "data"
    write_synthetic_dataset(data, 300, REPO_ROOT / "data")
    return data


def _snapshot(data_dir: Path) -> tuple[list[tuple[str, object]], list[str]]:
    raw = load_dataset(data_dir)
    files = [(str(f.path), f.data) for folder in raw.records.values() for f in folder]
    files += [(str(f.path), f.data) for f in (*raw.entities, *raw.sources)]
    return files, [problem.format() for problem in raw.problems]


def test_shared_loading_reads_what_one_process_reads(
    synthetic_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = synthetic_data / "events" / "zz-broken.yml"
    broken.write_text('id: zz-broken\ntitle: "không đóng ngoặc\n', encoding="utf-8")
    try:
        alone = _snapshot(synthetic_data)
        monkeypatch.setattr(load_folder, "PARALLEL_MIN_FILES", 1)
        monkeypatch.setattr(load_folder, "FILES_PER_TASK", 7)
        shared = _snapshot(synthetic_data)
    finally:
        broken.unlink()
    assert len(alone[0]) > 300
    assert any("zz-broken.yml:3:1: lỗi cú pháp YAML" in line for line in alone[1])
    assert shared == alone


def test_positions_are_found_when_a_problem_needs_them(synthetic_data: Path) -> None:
    raw = load_dataset(synthetic_data)
    loaded = raw.records["events"][0]
    lines = loaded.path.read_text(encoding="utf-8").splitlines()
    line, column = loaded.position(("evidence", 0, "quote"))
    assert lines[line - 1][column - 1 :].startswith('"' + loaded.data["evidence"][0]["quote"][:10])
    assert loaded.position(("title",), of_key=True) == (2, 1)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


@needs_cores
def test_shared_rendering_writes_the_pages_one_process_writes(
    synthetic_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = copy_site_config(REPO_ROOT, tmp_path / "repo")
    kb = load_knowledge_base(repo, synthetic_data)
    alone = write_docs(repo, kb, tmp_path / "alone", with_index=False)
    monkeypatch.setattr(build, "PARALLEL_MIN_PAGES", 10)
    monkeypatch.setattr(build, "PAGES_PER_TASK", 37)
    shared = write_docs(repo, kb, tmp_path / "shared", with_index=False)
    assert shared.pages == alone.pages > 300
    assert _tree(tmp_path / "shared") == _tree(tmp_path / "alone")
    # A second run over the same tree finds nothing to write.
    assert write_docs(repo, kb, tmp_path / "shared", with_index=False).written == 0
