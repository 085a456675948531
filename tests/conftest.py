"""Shared fixtures: a small valid dataset to copy and break, and a way to run commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from defence_kb.cli import main

REPO_ROOT = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        """Problem lines, with the dataset folder stripped so tests read `events/x.yml:3:1: …`."""
        return [
            line for line in self.err.splitlines() if ".yml:" in line or ".yaml:" in line or ".txt:" in line
        ]


@dataclass
class Dataset:
    root: Path
    capsys: pytest.CaptureFixture[str]

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def run(self, *args: str) -> Outcome:
        self.capsys.readouterr()
        code = main(["--data", str(self.root), *args])
        captured = self.capsys.readouterr()
        prefix = str(self.root) + "/"
        return Outcome(code, captured.out.replace(prefix, ""), captured.err.replace(prefix, ""))


@pytest.fixture
def dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Dataset:
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    monkeypatch.chdir(tmp_path)
    return Dataset(root, capsys)


def run_cli(*args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    """Run the command as an editor would, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "defence_kb", *args],
        cwd=cwd,
        env={"PYTHONPATH": str(REPO_ROOT / "scripts"), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
