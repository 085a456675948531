"""`make serve`: generate the docs tree, run the engine's live-reloading server on it, and
regenerate whenever data/ or docs/ changes."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .build import (
    DEFAULT_ENGINE,
    engine_environment,
    engine_module,
    index_files,
    load_knowledge_base,
    write_docs,
)
from .file_tree import write_tree
from .index import INDEX_FOLDER, IndexError_
from .outputs import Inputs
from .problems import InputError


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def serve(repo_root: Path, data_dir: Path, address: str, engine: str = DEFAULT_ENGINE) -> None:
    """Generate, then run `mkdocs serve`; regenerate pages whenever data/ or docs/ changes."""
    module = engine_module(engine)  # an unknown engine stops here, before any work

    # The search index takes longer than the pages: it is rebuilt after them, meanwhile,
    # so that the edited page reloads first (one rebuild at a time, the latest data last).
    indexing = ThreadPoolExecutor(max_workers=1)
    docs = repo_root / "build" / "docs"

    def reindex(inputs: Inputs | None) -> None:
        try:
            files = index_files(inputs)
        except IndexError_ as error:
            print(f"Lập chỉ mục tìm kiếm thất bại: {error}", file=sys.stderr)
            return
        write_tree(
            docs / INDEX_FOLDER, {path.removeprefix(f"{INDEX_FOLDER}/"): data for path, data in files.items()}
        )

    def regenerate() -> None:
        try:
            tree = write_docs(repo_root, load_knowledge_base(repo_root, data_dir), docs, index_later=True)
            print(f"Đã cập nhật {tree.written} trang, xóa {tree.removed} trang.", file=sys.stderr)
            indexing.submit(reindex, tree.inputs)
        except InputError as error:
            for problem in error.problems:
                print(problem.format(), file=sys.stderr)
            print("Dữ liệu có lỗi: trang chưa được cập nhật.", file=sys.stderr)

    regenerate()
    watched = [data_dir, repo_root / "docs"]
    # --dirty: MkDocs rebuilds only the pages whose files changed, and generate_docs writes
    # only the pages whose content changed. A dirty build always warns, so serving is not
    # strict; `make build` and CI are. (A new theme changes the navigation of every page:
    # restart `make serve` to see it everywhere.)
    command = [
        sys.executable,
        "-m",
        module,
        "serve",
        "--dirty",
        "--no-strict",
        "--config-file",
        str(repo_root / "mkdocs.yml"),
        "--dev-addr",
        address,
    ]
    server = subprocess.Popen(command, cwd=repo_root, env=engine_environment())
    state = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(0.4)
            current = _snapshot(watched)
            if current != state:
                state = current
                regenerate()
    finally:
        indexing.shutdown(cancel_futures=True)
        server.terminate()
        server.wait(timeout=10)
