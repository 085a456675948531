"""Every engine in build.ENGINES builds the real site into the same pages as the default.

MkDocs 1.x has had no release since 2024-08; ProperDocs is its maintained drop-in fork. The
way out is kept open by building the site with both on every run and comparing every file:
only the generator meta tag may differ (and the sitemap's dates).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli
from defence_kb.build import DEFAULT_ENGINE, ENGINES, build_site

pytestmark = pytest.mark.build

# What each engine writes into the generator tag (Material prefixes it with "mkdocs-"): proof
# that the engine asked for is the engine that ran. An engine added to ENGINES needs a line.
GENERATOR_OF = {
    "mkdocs": f"mkdocs-{version('mkdocs')}",
    "properdocs": f"mkdocs-ProperDocs {version('properdocs')}",
}
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
# Not the engine's output: the search index is built by Pagefind from the data (its own
# repeatability is tests/test_integrity.py's), and the gzipped sitemap carries dates.
NOT_COMPARED = ("pagefind/", "sitemap.xml.gz")

OTHER_ENGINES = [engine for engine in ENGINES if engine != DEFAULT_ENGINE]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real data built once with each engine, each into its own temporary folder."""
    root = tmp_path_factory.mktemp("engines")
    sites = {engine: root / engine for engine in ENGINES}
    for engine, site in sites.items():
        build_site(REPO_ROOT, REPO_ROOT / "data", site, engine=engine)
    return sites


def compared_files(site: Path) -> dict[str, Path]:
    return {
        relative: path
        for path in site.rglob("*")
        if path.is_file() and not (relative := path.relative_to(site).as_posix()).startswith(NOT_COMPARED)
    }


def comparable(relative: str, content: bytes) -> bytes:
    if relative.endswith(".html"):
        return GENERATOR.sub(b'<meta name="generator" content="">', content)
    if relative == "sitemap.xml":
        return LASTMOD.sub(b"<lastmod></lastmod>", content)
    return content


def first_difference(one: bytes, other: bytes) -> str:
    ours, theirs = (text.decode("utf-8", "replace").splitlines() for text in (one, other))
    lines = zip(ours, theirs, strict=False)
    for number, (left, right) in enumerate(lines, 1):
        if left != right:
            return f"line {number}: {left.strip()[:120]!r} ≠ {right.strip()[:120]!r}"
    return "one file is a prefix of the other"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_generator_tag_names_the_engine_that_ran(sites: dict[str, Path], engine: str) -> None:
    pages = [path for relative, path in compared_files(sites[engine]).items() if relative.endswith(".html")]
    tags = {tag for path in pages for tag in GENERATOR.findall(path.read_bytes())}
    assert len(pages) > 100
    assert {tag.decode().split(", ")[0] for tag in tags} == {GENERATOR_OF[engine]}


@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_every_engine_builds_the_same_site_as_the_default(sites: dict[str, Path], engine: str) -> None:
    reference, candidate = compared_files(sites[DEFAULT_ENGINE]), compared_files(sites[engine])
    assert sorted(candidate) == sorted(reference), "the two builds have different files"
    differing = []
    for relative in sorted(reference):
        ours = comparable(relative, reference[relative].read_bytes())
        theirs = comparable(relative, candidate[relative].read_bytes())
        if ours != theirs:
            differing.append(f"{relative}: {first_difference(ours, theirs)}")
    assert not differing, f"{len(differing)} files differ with {engine}:\n" + "\n".join(differing)


def test_installing_properdocs_leaves_mkdocs_alone() -> None:
    """ProperDocs aliases `mkdocs` to itself only inside its own process: `-m mkdocs` stays MkDocs."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("python -m mkdocs, version 1.6.1 from ")
    assert "/site-packages/mkdocs " in result.stdout
    probe = "import mkdocs, sys; print(mkdocs.__version__, mkdocs.__name__, 'properdocs' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1.6.1", "mkdocs", "False"]


UNKNOWN = (
    "Không có công cụ dựng trang “jekyll”. Chọn một trong: mkdocs (mặc định), properdocs; "
    "ví dụ: make build ENGINE=properdocs"
)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_an_unknown_engine_stops_with_a_message(tmp_path: Path, command: str) -> None:
    site = ["--site", str(tmp_path / "site")] if command == "build" else []
    result = run_cli(command, "--engine", "jekyll", *site, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == UNKNOWN
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_misspelt_engine_gets_a_suggestion() -> None:
    result = run_cli("build", "--engine", "properdoc", timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "Không có công cụ dựng trang “properdoc”; có phải “properdocs”? Chọn một trong:"
    )


def test_make_passes_the_engine_to_build_and_serve() -> None:
    # Without the settings of a make that runs this test (`make test ENGINE=…` passes it on).
    outer = ("ENGINE", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    env = {name: value for name, value in os.environ.items() if name not in outer}

    def planned(*args: str) -> str:
        result = subprocess.run(
            ["make", "-n", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
        )
        return result.stdout.strip().splitlines()[-1]

    assert planned("build", "ENGINE=properdocs").endswith("-m defence_kb build --engine properdocs")
    assert planned("serve", "ENGINE=properdocs").endswith("-m defence_kb serve --engine properdocs")
    assert planned("build").endswith("-m defence_kb build")
