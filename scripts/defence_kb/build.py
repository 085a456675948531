"""Stage 5, build: write the generated docs tree and run MkDocs on it.

The docs tree MkDocs reads (`build/docs`) is the hand-written `docs/` plus the generated
pages; it is build output and never committed. Files are written only when their content
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

from jinja2 import Environment

from .export import export_files
from .history import read_history
from .index import INDEX_FOLDER, IndexError_, build_search_index
from .load import load_dataset
from .model import KnowledgeBase, build_knowledge_base
from .parallel import fork_map
from .problems import InputError, Problem
from .propose import PROPOSE_DATA, render_form_data
from .render import (
    DATA_PAGE,
    FEED_FILE,
    TIMELINE_PAGE,
    PageJob,
    make_environment,
    page_url,
    plan_data_page,
    plan_pages,
    read_site_settings,
    render_feed,
    render_nav,
    render_page,
    render_redirects,
)
from .render.citations import citation_files
from .render.csp import HOOKS_FILE, HOOKS_SHIM
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


# mkdocs.yml inherits the navigation from this generated file (build/config/nav.yml).
NAV_FILE = "nav.yml"
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
    repo_root: Path, kb: KnowledgeBase, out_dir: Path | None = None, *, with_index: bool = True
) -> DocsTree:
    """render (→ index) → the docs tree, writing only the files whose content changed."""
    out_dir = out_dir or repo_root / "build" / "docs"
    settings = read_site_settings(repo_root / "mkdocs.yml")
    # Records date the feed; records, entities and sources date the pages' citations.
    dated = [*kb.records.values(), *kb.entities.values(), *kb.sources.values()]
    history = read_history(repo_root, [entry.path for entry in dated])
    env = make_environment(kb, settings, repo_root / "docs" / THEME_OVERRIDES / "templates", history)
    other = {path: html.encode("utf-8") for path, html in render_redirects(kb, settings).items()}
    # Before the pages are shared among processes, so that each inherits the citations made.
    cited = citation_files(env.globals["citations"])
    other[FEED_FILE] = render_feed(kb, history, settings).encode("utf-8")
    other[PROPOSE_DATA] = render_form_data(kb, settings, repo_root)
    jobs = plan_pages(kb, history)
    static = static_files(
        repo_root / "docs", {job.path for job in jobs} | {DATA_PAGE} | set(other) | set(cited)
    )
    written, exports = render_into(out_dir, env, jobs, kb)
    clashes = [Problem(repo_root / "docs" / path, 1, 1, _CLASH + path) for path in exports if path in static]
    if clashes:
        raise InputError(clashes)
    jobs.append(plan_data_page(kb, exports))
    files = {jobs[-1].path: render_page(env, jobs[-1]).encode("utf-8")} | static | exports | other
    if with_index:
        files |= {f"{INDEX_FOLDER}/{path}": content for path, content in build_search_index(kb).items()}
        files |= cited
    written += write_files(out_dir, files)
    removed = remove_others(out_dir, {job.path for job in jobs} | set(files))
    config = {NAV_FILE: render_nav(kb).encode("utf-8"), HOOKS_FILE: HOOKS_SHIM.encode("utf-8")}
    write_tree(out_dir.parent / "config", config)
    pages = len(jobs) + sum(1 for path in static if path.endswith(".md"))
    return DocsTree(kb, pages, written, removed, {} if with_index else cited)


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
EXPORT_TASK = -1
_rendering: tuple[Environment, list[PageJob], Path, KnowledgeBase] | None = None


def render_into(
    out_dir: Path, env: Environment, jobs: list[PageJob], kb: KnowledgeBase
) -> tuple[int, dict[str, bytes]]:
    """Render `jobs` into `out_dir`, writing the pages that changed, and make the open data
    export meanwhile: (pages written, export files).

    A large site is shared among processes, each rendering and writing runs of
    neighbouring pages, one of them making the export.
    """
    global _rendering
    _rendering = (env, jobs, out_dir, kb)
    try:
        tasks = [EXPORT_TASK, *range(0, len(jobs), PAGES_PER_TASK)]
        results = fork_map(_render_task, tasks, min_items=PARALLEL_MIN_PAGES // PAGES_PER_TASK)
    finally:
        _rendering = None
    exports = results[0]
    assert isinstance(exports, dict)
    return sum(count for count in results[1:] if isinstance(count, int)), exports


def _render_task(start: int) -> int | dict[str, bytes]:
    assert _rendering is not None
    env, jobs, out_dir, kb = _rendering
    if start == EXPORT_TASK:
        return export_files(kb)
    run = jobs[start : start + PAGES_PER_TASK]
    return write_files(out_dir, {job.path: render_page(env, job).encode("utf-8") for job in run})


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
            search_index = pool.submit(build_search_index, tree.kb)
            extra_files = pool.submit(write_files, extra, tree.site_files)
            run_mkdocs(repo_root, staging, engine)
            extra_files.result()
            for folder in extra.iterdir():
                folder.rename(staging / folder.name)
            shutil.rmtree(extra)
            try:
                write_tree(staging / INDEX_FOLDER, search_index.result())
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


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def serve(repo_root: Path, data_dir: Path, address: str, engine: str = DEFAULT_ENGINE) -> None:
    """Generate, then run `mkdocs serve`; regenerate pages whenever data/ or docs/ changes."""
    module = engine_module(engine)  # an unknown engine stops here, before any work

    def regenerate() -> None:
        try:
            tree = generate_docs(repo_root, data_dir)
            print(f"Đã cập nhật {tree.written} trang, xóa {tree.removed} trang.", file=sys.stderr)
        except InputError as error:
            for problem in error.problems:
                print(problem.format(), file=sys.stderr)
            print("Dữ liệu có lỗi: trang chưa được cập nhật.", file=sys.stderr)

    regenerate()
    watched = [data_dir, repo_root / "docs"]
    # --dirty: MkDocs rebuilds only the pages whose files changed, and generate_docs writes
    # only the pages whose content changed. A dirty build always warns, so serving is not
    # strict; `make build` and CI are. (A new theme changes the navigation of every page:
    # restart `make serve` to see it everywhere.)
    command = [
        sys.executable,
        "-m",
        module,
        "serve",
        "--dirty",
        "--no-strict",
        "--config-file",
        str(repo_root / "mkdocs.yml"),
        "--dev-addr",
        address,
    ]
    server = subprocess.Popen(command, cwd=repo_root, env=engine_environment())
    state = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(0.4)
            current = _snapshot(watched)
            if current != state:
                state = current
                regenerate()
    finally:
        server.terminate()
        server.wait(timeout=10)
