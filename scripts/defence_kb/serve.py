"""`make serve`: generate the docs tree, run the engine's live-reloading server on it, and
regenerate whenever data/ or docs/ changes."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
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
from .model import KnowledgeBase
from .outputs import Inputs
from .problems import InputError
from .render import page_of


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def unchanged_pages(before: KnowledgeBase | None, after: KnowledgeBase, saved: set[Path]) -> frozenset[str]:
    """The pages of records, entities and sources that an edit of records leaves as they
    were, given the knowledge base before and after and the files saved meanwhile.

    A record's page shows its own data, its related records (both ways), its entities' and
    sources' names; an entity's page and a source's page list their records. So an edited
    record touches its own page and those of the records, entities and sources it names,
    before and after the edit. Lists (home, timeline, themes, indexes…) are always rendered
    again. An edit of anything but records (entities, sources, themes) renders everything.
    """
    if before is None or not _same_except_records(before, after):
        return frozenset()
    changed = {
        record_id
        for record_id in before.records.keys() | after.records.keys()
        if record_id not in before.records
        or record_id not in after.records
        or before.records[record_id].record != after.records[record_id].record
        or before.records[record_id].path != after.records[record_id].path
        or after.records[record_id].path in saved
    }
    records, entities, sources = set(changed), set(), set()
    for kb in (before, after):
        for record_id in changed & kb.records.keys():
            entry = kb.records[record_id]
            records |= set(entry.record.related) | {other.id for other in entry.backlinks}
            entities |= set(entry.record.entity_ids())
            sources |= {citation.source.id for citation in entry.citations}
    return frozenset(
        [page_of(entry) for record_id, entry in after.records.items() if record_id not in records]
        + [page_of(entry) for entity_id, entry in after.entities.items() if entity_id not in entities]
        + [page_of(entry) for source_id, entry in after.sources.items() if source_id not in sources]
    )


def _watch(
    server: subprocess.Popen[bytes], folders: list[Path], changed: Callable[[set[Path]], None]
) -> None:
    """Call `changed` with the files saved, created or deleted in `folders`, while `server` runs."""
    state = _snapshot(folders)
    while server.poll() is None:
        time.sleep(0.4)
        current = _snapshot(folders)
        if current != state:
            saved = {path for path in current.keys() | state.keys() if current.get(path) != state.get(path)}
            state = current
            changed(saved)


def _as_in_model(repo_root: Path, path: Path) -> Path:
    """A path as the knowledge base holds it: relative to the repository when inside it."""
    return path.relative_to(repo_root) if path.is_relative_to(repo_root) else path


def _same_except_records(before: KnowledgeBase, after: KnowledgeBase) -> bool:
    def entities(kb: KnowledgeBase) -> dict[str, object]:
        return {key: (entry.entity, entry.path) for key, entry in kb.entities.items()}

    def sources(kb: KnowledgeBase) -> dict[str, object]:
        return {key: (entry.source, entry.path) for key, entry in kb.sources.items()}

    return (
        before.themes == after.themes
        and entities(before) == entities(after)
        and sources(before) == sources(after)
    )


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

    previous: list[KnowledgeBase] = []  # the knowledge base the docs tree was written from

    def regenerate(saved: set[Path]) -> None:
        try:
            kb = load_knowledge_base(repo_root, data_dir)
            unchanged = unchanged_pages(previous[-1] if previous else None, kb, saved)
            tree = write_docs(repo_root, kb, docs, index_later=True, unchanged=unchanged)
            previous[:] = [kb]
            print(f"Đã cập nhật {tree.written} trang, xóa {tree.removed} trang.", file=sys.stderr)
            indexing.submit(reindex, tree.inputs)
        except InputError as error:
            for problem in error.problems:
                print(problem.format(), file=sys.stderr)
            print("Dữ liệu có lỗi: trang chưa được cập nhật.", file=sys.stderr)

    regenerate(set())
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
    try:
        _watch(server, watched, lambda saved: regenerate({_as_in_model(repo_root, path) for path in saved}))
    finally:
        indexing.shutdown(cancel_futures=True)
        server.terminate()
        server.wait(timeout=10)
