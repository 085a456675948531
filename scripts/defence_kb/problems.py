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

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command: the message shows on the offending line of
        the pull request's diff."""

        def escape(text: str, *, prop: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if prop else text

        file = escape(display_path(self.path), prop=True)
        return f"::error file={file},line={self.line},col={self.column}::{escape(self.message)}"


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
