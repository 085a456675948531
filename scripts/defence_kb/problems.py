"""The one shape every stage uses to report bad input: `path:line:column: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    column: int
    message: str

    def format(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.column}: {self.message}"


def display_path(path: Path) -> str:
    """`path` as an editor at the repository root would type it, where possible."""
    try:
        shown = os.path.relpath(path, Path.cwd())
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if shown.startswith("..") else shown


class InputError(Exception):
    """Raised by a stage that cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
