"""Writing a tree of files touching only what differs, so that `mkdocs serve` does not
rebuild in a loop, unchanged pages keep their timestamps, and nothing reads half a file."""

from __future__ import annotations

import os
from pathlib import Path


def write_tree(root: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Make `root` hold exactly `files`, touching only what differs: (written, removed)."""
    return write_files(root, files), remove_others(root, set(files))


def write_files(root: Path, files: dict[str, bytes]) -> int:
    """Write each file whose content differs from what is on disk; how many were written.

    An existing file is replaced by renaming a finished temporary file over it, so that
    `mkdocs serve` never reads half a page.
    """
    written = 0
    made: set[str] = set()
    base = str(root)
    for relative, content in files.items():
        target = f"{base}/{relative}"
        try:
            exists = True
            if os.stat(target).st_size == len(content):
                with open(target, "rb") as existing:
                    if existing.read() == content:
                        continue
        except FileNotFoundError:
            exists = False
        folder, name = target.rsplit("/", 1)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if exists:
            temporary = f"{folder}/.{name}.tmp"
            with open(temporary, "wb") as out:
                out.write(content)
            os.replace(temporary, target)
        else:  # nothing can be reading a file that did not exist
            with open(target, "wb") as out:
                out.write(content)
        written += 1
    return written


def remove_others(root: Path, keep: set[str]) -> int:
    """Delete the files under `root` not in `keep`, and folders left empty; how many files."""
    removed = 0
    base = str(root)
    for folder, _subfolders, names in os.walk(base, topdown=False):
        prefix = folder[len(base) + 1 :]
        for name in names:
            relative = f"{prefix}/{name}" if prefix else name
            if relative not in keep:
                os.unlink(f"{folder}/{name}")
                removed += 1
        if folder != base and not os.listdir(folder):
            os.rmdir(folder)
    return removed
