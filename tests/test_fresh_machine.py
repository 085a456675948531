"""The README's two commands set up what they need on a fresh machine; CI only calls one.

A new contributor runs `make test` on a machine with Python 3.11 and make: the Makefile
creates .venv and installs Debian's Chromium (scripts/install-browser) before the browser
tests, so .ci/run holds no install logic of its own and CI proves the README's promise.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from conftest import REPO_ROOT

INSTALLER = REPO_ROOT / "scripts" / "install-browser"


def commands_of(script: Path) -> list[str]:
    """The lines of a shell script that do something (no comments, options or cd)."""
    lines = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]
    return [
        line
        for line in lines
        if line and not line.startswith(("#", "set ", "cd ")) and line != "#!/usr/bin/env bash"
    ]


def readme_test_command() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^(make \w+)\s+# .*test", readme, re.MULTILINE)
    assert found, "the README names no test command"
    return found.group(1)


def test_ci_only_runs_the_readme_command() -> None:
    assert commands_of(REPO_ROOT / ".ci" / "run") == [readme_test_command()]


def test_make_test_installs_the_browser_when_it_is_missing(tmp_path: Path) -> None:
    missing = tmp_path / "no-chromium"
    dry_run = subprocess.run(
        ["make", "-n", "test", f"CHROMIUM={missing}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    install = [n for n, line in enumerate(dry_run) if "scripts/install-browser" in line]
    tests = [n for n, line in enumerate(dry_run) if "-m pytest" in line]
    assert install and tests and install[0] < tests[0], dry_run
    assert f"CHROMIUM={missing}" in dry_run[install[0]]


def test_make_test_skips_the_step_when_the_browser_is_there(tmp_path: Path) -> None:
    present = tmp_path / "chromium"
    present.write_text("#!/bin/sh\n")
    dry_run = subprocess.run(
        ["make", "-n", "test", f"CHROMIUM={present}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "install-browser" not in dry_run


def test_the_browser_step_covers_every_target_that_drives_the_browser(tmp_path: Path) -> None:
    missing = tmp_path / "no-chromium"
    for target in ("test", "screenshots", "guide-screenshots", "bench", "bench-search", "bench-phone"):
        dry_run = subprocess.run(
            ["make", "-n", target, f"CHROMIUM={missing}"], cwd=REPO_ROOT, capture_output=True, text=True
        ).stdout
        assert "scripts/install-browser" in dry_run, target


def test_without_root_or_sudo_the_installer_says_the_exact_command(tmp_path: Path) -> None:
    """A contributor who is not root and has no sudo is told what to run, in one line."""
    finished = subprocess.run(
        ["/bin/bash", str(INSTALLER)],
        env={"PATH": "/usr/bin:/bin", "CHROMIUM": str(tmp_path / "no-chromium")},
        capture_output=True,
        text=True,
        preexec_fn=(lambda: os.setuid(65534)) if os.getuid() == 0 else None,
    )
    if os.getuid() != 0 and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        raise AssertionError("run this test as root or without passwordless sudo")
    assert finished.returncode == 1
    assert finished.stderr.strip().splitlines() == [
        "Debian's Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium', "
        "then make again."
    ]


def test_the_installer_does_nothing_when_the_browser_is_there(tmp_path: Path) -> None:
    present = tmp_path / "chromium"
    present.write_text("#!/bin/sh\n")
    present.chmod(0o755)
    finished = subprocess.run(
        ["/bin/bash", str(INSTALLER)],
        env={"PATH": "/nonexistent", "CHROMIUM": str(present)},
        capture_output=True,
        text=True,
    )
    assert (finished.returncode, finished.stdout, finished.stderr) == (0, "", "")


def test_building_the_site_needs_no_system_package() -> None:
    """`make serve` and `make build` need Python and make only: ICU (Vietnamese order) comes
    inside the pyicu-wheels wheel, so the .venv step installs nothing outside .venv."""
    dry_run = subprocess.run(
        ["make", "-n", "-B", "build", "CHROMIUM=/nonexistent"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pip install" in dry_run
    assert (
        "apt-get" not in dry_run
        and "install-debian-packages" not in dry_run
        and "install-browser" not in dry_run
    )
    requirements = (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
    assert "pyicu-wheels==" in requirements and "\npyicu==" not in requirements
