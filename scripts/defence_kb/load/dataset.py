"""The whole of `data/`: every file read and grouped by what it holds, and the problems of the
folder itself (files in unexpected places, names that differ only in case, links and other
entries that are not regular files or folders)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..parallel import fork_map
from ..problems import Problem
from ..schema import RECORD_TYPES
from .parse import LoadedFile, read_yaml
from .regular_file import entry_kind_problem


def iter_yaml_files(folder: Path) -> Iterator[Path]:
    """YAML entries of a folder, in a stable order; `.yaml` is accepted as well as `.yml`. A
    folder that is a link is not followed (the check of the tree reports it); an entry that
    is not a regular file is listed, for the reader to refuse it."""
    if folder.is_symlink() or not folder.is_dir():
        return iter(())
    return iter(sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml")))


RECORD_FOLDERS = tuple(RECORD_TYPES)  # the schema names the record folders
# Reading is shared among processes from this many files on, in tasks of FILES_PER_TASK.
PARALLEL_MIN_FILES = 2000
FILES_PER_TASK = 250
THEMES_FILE = "themes.yml"
# Sentences of the sources that need no record, each with the reason (reviewed).
EXCLUSIONS_FILE = "coverage-exclusions.yml"
# Folders under data/ that hold no YAML the loader reads (generated JSON Schema files).
PASSIVE_FOLDERS = ("schema",)


@dataclass
class RawDataset:
    """Every data file read, grouped by what it holds, plus the problems met reading them."""

    data_dir: Path
    records: dict[str, list[LoadedFile]] = field(default_factory=dict)
    entities: list[LoadedFile] = field(default_factory=list)
    sources: list[LoadedFile] = field(default_factory=list)
    themes: LoadedFile | None = None
    exclusions: LoadedFile | None = None
    problems: list[Problem] = field(default_factory=list)


def load_dataset(data_dir: Path) -> RawDataset:
    """Read all of `data/`; files in unexpected places are reported, never skipped."""
    raw = RawDataset(data_dir)
    if not data_dir.is_dir():
        raw.problems.append(Problem(data_dir, 1, 1, "không tìm thấy thư mục dữ liệu"))
        return raw

    folders = (*RECORD_FOLDERS, "entities", "sources")
    paths = {folder: list(iter_yaml_files(data_dir / folder)) for folder in folders}
    every_path = [path for folder in folders for path in paths[folder]]
    results = iter(fork_map(read_yaml, every_path, min_items=PARALLEL_MIN_FILES, chunk=FILES_PER_TASK))
    read: dict[str, list[LoadedFile]] = {}
    for folder in folders:
        read[folder] = []
        for _path in paths[folder]:
            loaded, problems = next(results)
            raw.problems.extend(problems)
            if loaded:
                read[folder].append(loaded)
    raw.records = {folder: read[folder] for folder in RECORD_FOLDERS}
    raw.entities = read["entities"]
    raw.sources = read["sources"]
    themes_path = data_dir / THEMES_FILE
    if os.path.lexists(themes_path):
        raw.themes, problems = read_yaml(themes_path)
        raw.problems.extend(problems)
    else:
        raw.problems.append(Problem(themes_path, 1, 1, "thiếu tệp danh sách chủ đề"))
    exclusions_path = data_dir / EXCLUSIONS_FILE
    if os.path.lexists(exclusions_path):
        raw.exclusions, problems = read_yaml(exclusions_path)
        raw.problems.extend(problems)
    tree = _tree(data_dir)
    raw.problems.extend(_stray_files(data_dir, tree))
    raw.problems.extend(_links_and_special_files(data_dir, tree))
    raw.problems.extend(_case_collisions(data_dir, tree))
    return raw


def _tree(data_dir: Path) -> list[tuple[str, bool]]:
    """(POSIX path relative to data_dir, is a folder) for everything under it, sorted; links
    are listed (as not folders) and never followed."""
    entries = []
    base = str(data_dir)
    for folder, subfolders, names in os.walk(base):
        prefix = folder[len(base) + 1 :]
        prefix = f"{prefix}/" if prefix else ""
        for name in subfolders:
            linked = os.path.islink(os.path.join(folder, name))
            entries.append((prefix + name, not linked))
        entries += [(prefix + name, False) for name in names]
    return sorted(entries)


def _read_by_the_loader(relative: str) -> bool:
    """Whether the loader reads this entry itself (and so reports what is wrong with it)."""
    parts = relative.split("/")
    known = {*RECORD_FOLDERS, "entities", "sources"}
    if len(parts) == 1:
        return relative in (THEMES_FILE, EXCLUSIONS_FILE)
    return len(parts) == 2 and parts[0] in known and Path(relative).suffix in (".yml", ".yaml")


def _links_and_special_files(data_dir: Path, tree: list[tuple[str, bool]]) -> list[Problem]:
    """Links (to a file or a folder) and FIFOs, devices or sockets, wherever they are."""
    problems = []
    for relative, is_folder in tree:
        if is_folder or _read_by_the_loader(relative):
            continue
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        try:
            kind = entry_kind_problem(data_dir / relative, os.lstat(data_dir / relative).st_mode)
        except OSError:
            continue
        if kind:
            problems.append(Problem(data_dir / relative, 1, 1, kind))
    return problems


def _case_collisions(data_dir: Path, tree: list[tuple[str, bool]]) -> list[Problem]:
    """Names that differ only in case are one file on macOS and Windows checkouts."""
    seen: dict[str, str] = {}
    problems = []
    for relative, _is_folder in tree:
        key = relative.casefold()
        if key in seen:
            for one, other in ((relative, seen[key]), (seen[key], relative)):
                problems.append(
                    Problem(
                        data_dir / one,
                        1,
                        1,
                        f"tên tệp chỉ khác “{other.rsplit('/', 1)[-1]}” ở chữ hoa, chữ thường: "
                        "trên Windows và macOS đó là cùng một tệp; đổi tên một tệp",
                    )
                )
        else:
            seen[key] = relative
    return problems


def _stray_files(data_dir: Path, tree: list[tuple[str, bool]]) -> list[Problem]:
    known = {*RECORD_FOLDERS, "entities", "sources"}
    problems = []
    for relative, is_folder in tree:
        parts = relative.split("/")
        if is_folder or any(part.startswith(".") for part in parts):
            continue
        top = parts[0]
        if top in PASSIVE_FOLDERS or relative in (THEMES_FILE, EXCLUSIONS_FILE):
            continue
        suffix = Path(relative).suffix
        if len(parts) == 2 and top in known and suffix in (".yml", ".yaml"):
            continue
        if len(parts) == 2 and top in known:
            stem = Path(relative).stem
            hint = f"bản ghi phải là tệp .yml; đổi tên thành {stem}.yml hoặc xóa tệp"
        else:
            hint = (
                "tệp nằm ngoài các thư mục dữ liệu nên sẽ không được đọc; chuyển vào một trong "
                f"{', '.join(sorted(known))}"
            )
        if os.path.islink(data_dir / relative) or not os.path.isfile(data_dir / relative):
            continue  # a link or a special file: reported apart
        problems.append(Problem(data_dir / relative, 1, 1, hint))
    return problems
