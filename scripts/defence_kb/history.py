"""When each record was added and last changed, for the "Mới cập nhật" page and the feed.

The dates come from git: one `git log` over data/ gives every file's first and last commit.
A file changed but not yet committed counts as changed at its modification time. Without
a usable history (not a git checkout, git missing, or a shallow clone, whose single commit
would date every file alike) each file's modification time stands in for both dates, and
the page says so.

A commit whose message carries the trailer `Format-only: make fix` rewrote files in their
canonical form without changing what they say (fix/__init__.py): it changes no date, or
putting the data in canonical form would list every record as just updated.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

_COMMIT_MARK = "\x1e"  # starts each commit's line in the log output
FORMAT_ONLY_TRAILER = "Format-only: make fix"


@dataclass(frozen=True)
class FileDates:
    added: dt.datetime
    changed: dt.datetime


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
            "--name-only",
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
    first: dict[str, dt.datetime] = {}
    last: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in log.split("\n"):  # newest commit first (splitlines() would split at the mark)
        if line.startswith(_COMMIT_MARK):
            when = dt.datetime.fromisoformat(line[1:]).astimezone(dt.UTC)
        elif line and when is not None:
            last.setdefault(line, when)
            first[line] = when
    pending = _git(repo_root, "status", "--porcelain", "--untracked-files=all", "--", "data") or ""
    uncommitted = {line[3:].strip().strip('"') for line in pending.splitlines() if len(line) > 3}
    dates = {}
    for path in paths:
        key = path.as_posix()
        if key in uncommitted or key not in last:
            modified = _mtime(repo_root / path) if (repo_root / path).exists() else dt.datetime.now(dt.UTC)
            dates[key] = FileDates(first.get(key, modified), modified)
        else:
            dates[key] = FileDates(first[key], last[key])
    return History(dates, from_git=True)
