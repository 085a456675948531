"""Shared fixtures: a small valid dataset to copy and break, and a way to run commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from defence_kb.build import build_site, load_knowledge_base
from defence_kb.cli import main
from defence_kb.model import KnowledgeBase
from defence_kb.render import read_site_settings
from defence_kb.screenshots import CHROMIUM, CHROMIUM_ARGS, serve_folder

REPO_ROOT = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
# Valid data whose text is hostile to the files the build writes (CSV, BibTeX, links).
HOSTILE = Path(__file__).parent / "bad_inputs" / "hostile"


def latex_decoding() -> Any:
    """bibtexparser's LaTeX decoding, told the brace macros (\\textbraceleft{}) the BibTeX
    writer uses; pylatexenc would otherwise drop them."""
    from bibtexparser.middlewares import LatexDecodingMiddleware
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    macros = [MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")]
    context.add_context_category("braces", prepend=True, macros=macros)
    return LatexDecodingMiddleware(decoder=LatexNodes2Text(latex_context=context, math_mode="verbatim"))


@contextmanager
def html_not_refused() -> Iterator[None]:
    """Validation without the rule that refuses HTML (validate/rules/html_tags.py), for the
    tests that put markup in the data on purpose to check the next line of defence: every
    output escapes record text. Everything else is validated as usual."""
    import defence_kb.validate as validate

    every_rule = validate.registered_rules
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            validate, "registered_rules", lambda: tuple(r for r in every_rule() if r.name != "html_tags")
        )
        yield


def hostile_data(root: Path) -> Path:
    """The minimal dataset with the files of tests/bad_inputs/hostile/ added: `root/data`."""
    data = root / "data"
    shutil.copytree(MINIMAL, data)
    shutil.copytree(HOSTILE, data, dirs_exist_ok=True)
    return data


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


def run_cli(
    *args: str, cwd: Path = REPO_ROOT, timeout: float = 300, preexec_fn: Any = None
) -> subprocess.CompletedProcess[str]:
    """Run the command as an editor would, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "defence_kb", *args],
        cwd=cwd,
        env={"PYTHONPATH": str(REPO_ROOT / "scripts"), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


# ------------------------------------------------------------------ the built real site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, Path]:
    """The real data built once into a temporary site folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    build_site(REPO_ROOT, REPO_ROOT / "data", site)
    return load_knowledge_base(REPO_ROOT, REPO_ROOT / "data"), site


@pytest.fixture(scope="session")
def site_url(built_site: tuple[KnowledgeBase, Path]) -> Iterator[str]:
    """The built site served over HTTP on localhost, as a static host would: at the path of
    its published address (site_url in mkdocs.yml), with its 404 page for missing pages."""
    with serve_folder(
        built_site[1], urlsplit(read_site_settings(REPO_ROOT / "mkdocs.yml").site_url).path
    ) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright. A missing browser is a failure, never a skip:
    the suite has no skipped tests (.ci/run installs it)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# Playwright evaluates a string given to wait_for_function with eval(), which the pages'
# Content-Security-Policy refuses: the feature tests bypass it, and tests/test_csp.py drives
# the site's features under the policy in a context of its own (`page_with_policy`).
BYPASS_CSP = {"bypass_csp": True}


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", **BYPASS_CSP)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def page_with_policy(browser: Any) -> Iterator[Any]:
    """A desktop page that enforces each page's Content-Security-Policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    opened = context.new_page()
    yield opened
    context.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A page in a phone's viewport (390 × 844, touch)."""
    context = browser.new_context(locale="vi-VN", **PHONE, **BYPASS_CSP)
    opened = context.new_page()
    yield opened
    context.close()
