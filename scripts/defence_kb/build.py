"""Stage 5, build: write the generated docs tree and run MkDocs on it.

The docs tree MkDocs reads (`build/docs`) is the hand-written `docs/` plus every output of
the registry in outputs/ (pages of each kind, feed, exports, citations…), which the build
loops over; it is build output and never committed. Files are written only when their content
changed, so `mkdocs serve` does not rebuild in a loop and unchanged pages keep their
timestamps. The site is built into a temporary folder and swapped into place only when
MkDocs succeeds, so a failed build leaves the previous `site/` untouched.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .file_tree import remove_others, write_files, write_tree
from .history import read_history
from .index import INDEX_FOLDER, IndexError_
from .load import load_dataset
from .model import KnowledgeBase, build_knowledge_base
from .outputs import CONFIG, DOCS, INDEX, OUTPUTS, PAST_ENGINE, Inputs, Output
from .parallel import fork_map
from .problems import InputError, Problem
from .render import TIMELINE_PAGE, PageJob, page_url, read_site_settings, render_page
from .validate import validate_dataset

# The part of docs/ that is theme configuration, not pages.
THEME_OVERRIDES = "overrides"
# docs/developer: the developers' guide, read on GitHub, never published with the site.
DEVELOPER_DOCS = "developer"
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def engine_environment() -> dict[str, str]:
    """The environment MkDocs runs in: mkdocs.yml names `defence_kb.text.heading_slug` for
    heading anchors, so this package must be importable there."""
    package_root = str(Path(__file__).resolve().parents[1])
    paths = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, **MKDOCS_ENV, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


# The engines that can build the site (`make build ENGINE=…`, `--engine`): name → the Python
# module run as `python -m module build|serve`. MkDocs 1.6.1 is the default; ProperDocs is
# its maintained drop-in fork, and tests/test_engines.py checks both give the same pages.
ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}
DEFAULT_ENGINE = "mkdocs"


class BuildError(Exception):
    """MkDocs failed; its output explains why."""


@dataclass(frozen=True)
class DocsTree:
    kb: KnowledgeBase
    pages: int
    written: int
    removed: int
    # Files `build_site` writes into the built site itself, past MkDocs: the citation files
    # (three per page) would add a quarter to MkDocs' time as static files. `serve` puts
    # them in the docs tree instead.
    site_files: dict[str, bytes] = field(default_factory=dict)
    inputs: Inputs | None = None


def load_knowledge_base(repo_root: Path, data_dir: Path) -> KnowledgeBase:
    """load → validate → model; raises InputError with every problem found."""
    return build_knowledge_base(validate_dataset(load_dataset(data_dir)), repo_root)


def generate_docs(
    repo_root: Path, data_dir: Path, out_dir: Path | None = None, *, with_index: bool = True
) -> DocsTree:
    """load → validate → model → render (→ index) into the docs tree MkDocs reads.

    `build_site` passes with_index=False and indexes while MkDocs runs; `serve` needs the
    index inside the docs tree, where `mkdocs serve` picks it up.
    """
    return write_docs(repo_root, load_knowledge_base(repo_root, data_dir), out_dir, with_index=with_index)


def write_docs(
    repo_root: Path,
    kb: KnowledgeBase,
    out_dir: Path | None = None,
    *,
    with_index: bool = True,
    index_later: bool = False,
    unchanged: frozenset[str] = frozenset(),
) -> DocsTree:
    """Every output of the registry (outputs/) → the docs tree, writing only the files whose
    content changed; with_index=False leaves the search index and the citation files to
    `build_site`; index_later=True writes the citation files and keeps the index there is,
    for `serve` to replace once the pages are written. The pages in `unchanged` are not
    rendered again: `serve` knows which pages an edit leaves as they were."""
    out_dir = out_dir or repo_root / "build" / "docs"
    with_index = with_index and not index_later
    inputs = make_inputs(repo_root, kb)
    made: dict[str, dict[str, bytes]] = {DOCS: {}, CONFIG: {}, PAST_ENGINE: {}, INDEX: {}}
    jobs: list[PageJob] = []
    for entry in OUTPUTS:
        if "exports" in entry.needs or entry.beside_pages or (entry.into == INDEX and not with_index):
            continue
        if entry.pages:
            jobs += entry.pages(inputs)
        else:
            made[entry.into] |= entry.files(inputs)  # type: ignore[misc]
    rendered = [job for job in jobs if job.path not in unchanged]
    written, beside = render_into(
        out_dir, inputs, rendered, [entry for entry in OUTPUTS if entry.beside_pages]
    )
    inputs.exports = beside
    later = [entry for entry in OUTPUTS if "exports" in entry.needs]
    for entry in later:
        if entry.pages:
            jobs += (planned := entry.pages(inputs))
            made[DOCS] |= {job.path: render_page(inputs.env, job).encode("utf-8") for job in planned}
        else:
            made[entry.into] |= entry.files(inputs)  # type: ignore[misc]
    made[DOCS] |= beside
    cited = made[PAST_ENGINE]
    static = static_files(repo_root / "docs", {job.path for job in jobs} | set(made[DOCS]) | set(cited))
    files = static | made[DOCS] | (cited | made[INDEX] if with_index else cited if index_later else {})
    written += write_files(out_dir, files)
    kept = _files_under(out_dir, INDEX_FOLDER) if index_later else set()
    removed = remove_others(out_dir, {job.path for job in jobs} | set(files) | kept)
    write_tree(out_dir.parent / "config", made[CONFIG])
    pages = len(jobs) + sum(1 for path in static if path.endswith(".md"))
    return DocsTree(kb, pages, written, removed, {} if with_index else cited, inputs)


def _files_under(root: Path, folder: str) -> set[str]:
    return {path.relative_to(root).as_posix() for path in (root / folder).rglob("*") if path.is_file()}


def make_inputs(repo_root: Path, kb: KnowledgeBase) -> Inputs:
    """What the outputs are made from: the site's settings, the data's history (records
    date the feed; records, entities and sources date the pages' citations) and the theme."""
    dated = [*kb.records.values(), *kb.entities.values(), *kb.sources.values()]
    return Inputs(
        kb,
        repo_root,
        read_site_settings(repo_root / "mkdocs.yml"),
        read_history(repo_root, [entry.path for entry in dated]),
        repo_root / "docs" / THEME_OVERRIDES / "templates",
    )


_CLASH = "trang viết tay trùng đường dẫn với tệp sinh tự động "


def static_files(static_root: Path, generated: set[str]) -> dict[str, bytes]:
    """The hand-written part of docs/ (pages, assets), without the theme overrides and the
    developer documentation, which are not pages of the site."""
    files: dict[str, bytes] = {}
    clashes = []
    for path in sorted(static_root.rglob("*")):
        relative = path.relative_to(static_root).as_posix()
        if path.is_dir() or relative.split("/")[0] in (THEME_OVERRIDES, DEVELOPER_DOCS):
            continue
        if relative in generated:
            clashes.append(Problem(path, 1, 1, _CLASH + relative))
        files[relative] = path.read_bytes()
    if clashes:
        raise InputError(clashes)
    return files


# Below this many pages one process renders faster than starting others would save.
PARALLEL_MIN_PAGES = 2000
# Pages per task: neighbours in the plan share a folder, and two processes creating files
# in one folder contend for it.
PAGES_PER_TASK = 500
_rendering: tuple[Inputs, list[PageJob], Path, list[Output]] | None = None


def render_into(
    out_dir: Path, inputs: Inputs, jobs: list[PageJob], beside: list[Output]
) -> tuple[int, dict[str, bytes]]:
    """Render `jobs` into `out_dir`, writing the pages that changed, and make the `beside`
    outputs (the export) meanwhile: (pages written, their files).

    A large site is shared among processes, each rendering and writing runs of
    neighbouring pages, others making the outputs beside them.
    """
    global _rendering
    _rendering = (inputs, jobs, out_dir, beside)
    try:
        tasks = [-1 - number for number in range(len(beside))] + list(range(0, len(jobs), PAGES_PER_TASK))
        shared = len(tasks) >= PARALLEL_MIN_PAGES // PAGES_PER_TASK
        if shared:  # compiled once here, not once in each process (a second or two each)
            for name in inputs.env.list_templates(filter_func=_is_page_template):
                inputs.env.get_template(name)
        results = fork_map(_render_task, tasks, min_items=PARALLEL_MIN_PAGES // PAGES_PER_TASK)
    finally:
        _rendering = None
    files: dict[str, bytes] = {}
    for result in results[: len(beside)]:
        assert isinstance(result, dict)
        files |= result
    return sum(count for count in results[len(beside) :] if isinstance(count, int)), files


def _is_page_template(name: str) -> bool:
    return name.endswith(".md.j2")


def _render_task(start: int) -> int | dict[str, bytes]:
    assert _rendering is not None
    inputs, jobs, out_dir, beside = _rendering
    if start < 0:  # an output made beside the pages
        return beside[-1 - start].files(inputs)  # type: ignore[misc]
    env = inputs.env
    run = jobs[start : start + PAGES_PER_TASK]
    return write_files(out_dir, {job.path: render_page(env, job).encode("utf-8") for job in run})


def copy_site_config(repo_root: Path, target: Path) -> Path:
    """A scratch repository with this one's site configuration (mkdocs.yml, docs/), to build
    other data into without touching the repository's own build/ and site/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(repo_root / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(repo_root / "docs", target / "docs", dirs_exist_ok=True)
    return target


def engine_module(engine: str) -> str:
    """The module that runs `engine`; an unknown name stops the command with exit code 2."""
    if engine not in ENGINES:
        close = difflib.get_close_matches(engine, ENGINES, n=1, cutoff=0.6)
        hint = f"; có phải “{close[0]}”?" if close else "."
        known = ", ".join(f"{name} (mặc định)" if name == DEFAULT_ENGINE else name for name in ENGINES)
        print(
            f"Không có công cụ dựng trang “{engine}”{hint} Chọn một trong: {known}; "
            "ví dụ: make build ENGINE=properdocs",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return ENGINES[engine]


def run_mkdocs(repo_root: Path, site_dir: Path, engine: str = DEFAULT_ENGINE) -> None:
    # No --quiet: it raises the log level above WARNING, and strict mode then counts nothing.
    command = [
        sys.executable,
        "-m",
        engine_module(engine),
        "build",
        "--strict",
        "--config-file",
        str(repo_root / "mkdocs.yml"),
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run(
        command, cwd=repo_root, env=engine_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BuildError((result.stdout + result.stderr).strip() or f"{engine} exited {result.returncode}")


def index_files(inputs: Inputs | None) -> dict[str, bytes]:
    """The outputs that need only the data, made while the engine runs."""
    assert inputs is not None
    files: dict[str, bytes] = {}
    for entry in OUTPUTS:
        if entry.into == INDEX:
            files |= entry.files(inputs)  # type: ignore[misc]
    return files


def build_site(repo_root: Path, data_dir: Path, site_dir: Path, engine: str = DEFAULT_ENGINE) -> DocsTree:
    started = time.perf_counter()
    engine_module(engine)  # an unknown engine stops here, before any work
    tree = generate_docs(repo_root, data_dir, with_index=False)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    extra = Path(tempfile.mkdtemp(prefix=".site-extra-", dir=site_dir.parent))
    try:
        # The index is a function of the data, not of MkDocs' output: with two cores it is
        # built while MkDocs runs, then moved into the staged site.
        # The citation files are written meanwhile too, beside the staged site (MkDocs
        # empties its site folder when it starts), and moved in.
        with ThreadPoolExecutor(max_workers=2) as pool:
            search_index = pool.submit(index_files, tree.inputs)
            extra_files = pool.submit(write_files, extra, tree.site_files)
            run_mkdocs(repo_root, staging, engine)
            extra_files.result()
            for folder in extra.iterdir():
                folder.rename(staging / folder.name)
            shutil.rmtree(extra)
            try:
                write_files(staging, search_index.result())
            except IndexError_ as error:
                raise BuildError(f"Lập chỉ mục tìm kiếm thất bại: {error}") from None
        broken = verify_site(tree.kb, staging)
        if broken:
            raise BuildError("Kiểm tra toàn vẹn thất bại:\n" + "\n".join(broken))
    except BuildError as error:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(extra, ignore_errors=True)
        print(error, file=sys.stderr)
        print("Xây dựng trang thất bại; thư mục site/ cũ được giữ nguyên.", file=sys.stderr)
        raise SystemExit(1) from None
    _swap(staging, site_dir)
    kb = tree.kb
    print(
        f"{len(kb.records)} bản ghi, {len(kb.entities)} đối tác, {len(kb.sources)} nguồn, "
        f"{tree.pages} trang → {site_dir} ({time.perf_counter() - started:.1f} s)"
    )
    return tree


_HREF = re.compile(r'\bhref="([^"]*)"')


def links_from(site: Path, url: str) -> set[str]:
    """Site-relative targets (`thoa-thuan/x/`, no fragment) of the links on the page at `url`."""
    page = site / url / "index.html"
    if not page.is_file():
        return set()
    targets = set()
    for href in _HREF.findall(page.read_text(encoding="utf-8")):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        resolved = posixpath.normpath(posixpath.join(url, unquote(parts.path)))
        targets.add("" if resolved == "." else resolved.rstrip("/") + "/")
    return targets


def verify_site(kb: KnowledgeBase, site: Path) -> list[str]:
    """Every record has exactly one page, linked from its type index, the timeline and the
    pages of its themes and entities, and the search index is there. Problems, in words."""
    problems: list[str] = []
    links: dict[str, set[str]] = {}
    for entry in kb.records.values():
        record = entry.record
        url = page_url(entry)
        if not (site / url / "index.html").is_file():
            problems.append(f"{entry.path}: không có trang {url}")
            continue
        listings = [page_url(f"{record.url_prefix}/index.md"), page_url(TIMELINE_PAGE)]
        listings += [page_url(kb.themes[theme_id]) for theme_id in record.themes]
        listings += [page_url(kb.entities[entity_id]) for entity_id in record.entity_ids()]
        for listing in listings:
            if listing not in links:
                links[listing] = links_from(site, listing)
            if url not in links[listing]:
                problems.append(f"{entry.path}: trang {listing} không liệt kê {url}")
    if not (site / INDEX_FOLDER / "pagefind.js").is_file():
        problems.append("thiếu chỉ mục tìm kiếm (pagefind/)")
    return problems


def _swap(staging: Path, site_dir: Path) -> None:
    retired = site_dir.with_name(f".site-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    if retired.exists():
        # Deleting ten thousand pages takes seconds nobody needs to wait for.
        subprocess.Popen(["rm", "-rf", str(retired)], start_new_session=True)
