"""When each record was added and last changed, for the "Mới cập nhật" page and the feed.

The dates come from git: one `git log` over data/ gives every file's first and last commit.
A file changed but not yet committed counts as changed at its modification time. Without
a usable history (not a git checkout, git missing, or a shallow clone, whose single commit
would date every file alike) each file's modification time stands in for both dates, and
the page says so.

What counts is what a file says, not how it is written: a change is a commit after which the
file's data (parsed as text, so `2019` and `"2019"` are one value, and folded lines are one
line) differs from before. A reformatting (`make fix`, key order, quoting, wrapping) changes
no date, or putting the data in canonical form would list every record as just updated; each
change says which top-level fields it touched, so the page can say "Sửa: Tóm tắt; Bằng chứng"
rather than only "Cập nhật". (A commit with the trailer `Format-only: make fix` is not even
read.) The file versions come from one `git log --raw` and one `git cat-file --batch`.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_COMMIT_MARK = "\x1e"  # starts each commit's line in the log output
FORMAT_ONLY_TRAILER = "Format-only: make fix"


_NO_BLOB = "0" * 40


@dataclass(frozen=True)
class FileDates:
    """When a file was added and last changed in what it says; `fields`: the top-level
    fields that last change touched (empty when it was the addition, or unknown)."""

    added: dt.datetime
    changed: dt.datetime
    fields: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class History:
    dates: dict[str, FileDates]  # by path relative to the repository, POSIX
    from_git: bool

    def of(self, path: Path) -> FileDates | None:
        return self.dates.get(path.as_posix())


def _git(repo_root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(repo_root), *args], capture_output=True, text=True, check=False, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _mtime(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)


def read_history(repo_root: Path, paths: list[Path]) -> History:
    """Dates for the data files at `paths` (relative to repo_root when inside it) from git,
    else from modification times."""
    shallow = _git(repo_root, "rev-parse", "--is-shallow-repository")
    inside = all(not path.is_absolute() for path in paths)
    log = (
        _git(
            repo_root,
            "log",
            f"--format={_COMMIT_MARK}%cI",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--invert-grep",
            "--fixed-strings",
            f"--grep={FORMAT_ONLY_TRAILER}",
            "--",
            "data",
        )
        if shallow is not None and shallow.strip() == "false" and inside
        else None
    )
    if log is None:
        modified = {path.as_posix(): _mtime(repo_root / path) for path in paths}
        return History({key: FileDates(when, when) for key, when in modified.items()}, from_git=False)
    versions = _versions(log)
    wanted = {path.as_posix() for path in paths}
    blobs = _Blobs(
        repo_root, {blob for key in wanted for _, old, new in versions.get(key, []) for blob in (old, new)}
    )
    pending = _git(repo_root, "status", "--porcelain", "--untracked-files=all", "--", "data") or ""
    uncommitted = {line[3:].strip().strip('"') for line in pending.splitlines() if len(line) > 3}
    dates = {}
    for path in paths:
        key = path.as_posix()
        changes = versions.get(key, [])
        first = changes[-1][0] if changes else None
        if key in uncommitted or not changes:
            current = repo_root / path
            head = blobs.data(changes[0][2]) if changes else None
            now = current.read_text(encoding="utf-8", errors="replace") if current.exists() else ""
            if changes and _meaning(now) == head:
                dates[key] = _last_meaningful(changes, blobs)
                continue
            modified = _mtime(current) if current.exists() else dt.datetime.now(dt.UTC)
            touched = _touched(head, _meaning(now)) if changes else ()
            dates[key] = FileDates(first or modified, modified, touched)
        else:
            dates[key] = _last_meaningful(changes, blobs)
    return History(dates, from_git=True)


def _versions(log: str) -> dict[str, list[tuple[dt.datetime, str, str]]]:
    """path -> [(commit date, blob before, blob after)], newest first, from `git log --raw`."""
    versions: dict[str, list[tuple[dt.datetime, str, str]]] = {}
    when: dt.datetime | None = None
    for line in log.split("\n"):  # newest commit first (splitlines() would split at the mark)
        if line.startswith(_COMMIT_MARK):
            when = dt.datetime.fromisoformat(line[1:]).astimezone(dt.UTC)
        elif line.startswith(":") and when is not None:
            meta, path = line.split("\t", 1)
            _mode_before, _mode_after, before, after, _status = meta.split()
            versions.setdefault(path.strip('"'), []).append((when, before, after))
    return versions


def _last_meaningful(changes: list[tuple[dt.datetime, str, str]], blobs: _Blobs) -> FileDates:
    """The newest commit that changed what the file says (else its addition)."""
    added = changes[-1][0]
    for when, before, after in changes:
        if before == _NO_BLOB:
            return FileDates(added, when)
        old, new = blobs.data(before), blobs.data(after)
        if old != new:
            return FileDates(added, when, _touched(old, new))
    return FileDates(added, added)


def _touched(old: Any, new: Any) -> tuple[str, ...]:
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return ()
    return tuple(key for key in dict.fromkeys([*new, *old]) if old.get(key) != new.get(key))


def _meaning(text: str) -> Any:
    """What a YAML text says, as plain data: every scalar a string, Unicode NFC, ends of
    lines and text trimmed; None when it does not parse (then any edit is a change)."""
    try:
        return _plain(yaml.load(text, Loader=yaml.CBaseLoader))
    except yaml.YAMLError:
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return unicodedata.normalize("NFC", "\n".join(line.rstrip() for line in value.strip().splitlines()))
    return value


class _Blobs:
    """The file versions the history needs, read with one `git cat-file --batch`, each parsed
    once, when first asked for."""

    def __init__(self, repo_root: Path, wanted: set[str]) -> None:
        wanted.discard(_NO_BLOB)
        self._texts: dict[str, bytes] = {}
        self._parsed: dict[str, Any] = {}
        if not wanted:
            return
        order = sorted(wanted)
        try:
            output = subprocess.run(
                ["git", "-C", str(repo_root), "cat-file", "--batch"],
                input="\n".join(order).encode() + b"\n",
                capture_output=True,
                check=False,
                timeout=120,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return
        position = 0
        for blob in order:
            header_end = output.index(b"\n", position)
            header = output[position:header_end].split()
            if len(header) < 3:  # "<sha> missing"
                position = header_end + 1
                continue
            size = int(header[2])
            self._texts[blob] = output[header_end + 1 : header_end + 1 + size]
            position = header_end + 1 + size + 1

    def data(self, blob: str) -> Any:
        if blob not in self._parsed:
            text = self._texts.get(blob)
            self._parsed[blob] = _meaning(text.decode("utf-8", "replace")) if text is not None else None
        return self._parsed[blob]
