"""Benchmarks: figures printed and written to bench-results/, never asserted in tests.

`pipeline` (`make bench`): the real data grown to 1,000, 3,000 and 10,000 records (the
records copied under new ids, synthetic.write_grown_dataset), each stage timed (load,
validate, model, render, search index, mkdocs, verify, and the whole) in seconds and
milliseconds per record, by this code and by the previous release (a git revision checked
out into a temporary worktree, running its own code: scripts/bench-stages) in the same
run, with the ratio new/old; the engine's own time on plain pages of the same length; a
synthetic dataset; the reload `make serve` does after one record changes; and issue 22's
targets, each with whether it holds.

`search`: for the real site and a synthetic one, the time to build the search index and
the bytes a browser downloads to run its first query (measured in Debian's Chromium).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .build import build_site, load_knowledge_base
from .index import build_search_index
from .render import read_site_settings
from .screenshots import CHROMIUM, CHROMIUM_ARGS, serve_folder
from .synthetic import write_grown_dataset, write_synthetic_dataset

FIRST_QUERY = "hợp tác quốc phòng"


@dataclass(frozen=True)
class SearchFigures:
    name: str
    records: int
    index_seconds: float
    index_bytes: int
    first_query_bytes: int
    first_query_requests: int
    results: int


def first_query_download(
    site_dir: Path, query: str, serve: Callable[[Path], AbstractContextManager[str]] = serve_folder
) -> tuple[int, int, int]:
    """(bytes, requests, results shown) for a reader's first search on a fresh page load.

    Bytes are response bodies as sent (compressed, if `serve` compresses).
    """
    from playwright.sync_api import Response, sync_playwright

    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "/")
        page.wait_for_load_state("networkidle")
        fetched: list[Response] = []
        page.on("response", lambda response: fetched.append(response))
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_selector(".kb-search__status:not(:empty)")
        page.wait_for_load_state("networkidle")
        shown = page.locator(".kb-search__results .kb-result").count()
        # Content-Length is the body as sent; Chromium reports no sizes for a worker's script.
        transferred = sum(int(r.headers.get("content-length") or len(r.body())) for r in fetched)
        browser.close()
    return transferred, len(fetched), shown


def measure_search(name: str, repo_root: Path, data_dir: Path) -> SearchFigures:
    kb = load_knowledge_base(repo_root, data_dir)
    started = time.perf_counter()
    bundle = build_search_index(kb)
    index_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as work:
        site = Path(work) / "site"
        build_site(repo_root, data_dir, site)
        downloaded, requests, shown = first_query_download(site, FIRST_QUERY)
    return SearchFigures(
        name,
        len(kb.records),
        index_seconds,
        sum(len(c) for c in bundle.values()),
        downloaded,
        requests,
        shown,
    )


def bench_search(repo_root: Path, synthetic_records: int, out_dir: Path) -> str:
    rows = [measure_search("thật (data/)", repo_root, repo_root / "data")]
    with tempfile.TemporaryDirectory(prefix="kb-synthetic-") as work:
        data = Path(work) / "data"
        write_synthetic_dataset(data, synthetic_records, repo_root / "data")
        rows.append(measure_search(f"tổng hợp {synthetic_records}", repo_root, data))
    lines = [
        f"Tìm kiếm: truy vấn đầu tiên “{FIRST_QUERY}” trong Chromium, tải từ máy chủ tĩnh không nén",
        f"{'bộ dữ liệu':<20}{'bản ghi':>9}{'lập chỉ mục (s)':>17}{'chỉ mục (KB)':>14}"
        f"{'tải về (KB)':>13}{'yêu cầu':>9}{'kết quả':>9}",
    ]
    for row in rows:
        lines.append(
            f"{row.name:<20}{row.records:>9}{row.index_seconds:>17.2f}{row.index_bytes / 1024:>14.0f}"
            f"{row.first_query_bytes / 1024:>13.0f}{row.first_query_requests:>9}{row.results:>9}"
        )
    table = "\n".join(lines)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "search.txt").write_text(table + "\n", encoding="utf-8")
    return table


# ------------------------------------------------------------------ pipeline benchmark

STAGES = ("load", "validate", "model", "render", "index", "mkdocs", "verify", "whole")
# The previous release, timed in the same run on the same data (`make bench BASE=<rev>`).
DEFAULT_BASE = "bd1a74b"
# Plain pages are built (the engine's own pace) up to this many records: it is a rate.
PLAIN_UP_TO = 3_000
SERVE_RECORDS = 1_000
STAGE_SCRIPT = Path(__file__).resolve().parents[1] / "bench-stages"
# issue 22's targets: whole build seconds by records, per record against the engine's
# pace on plain pages, make serve's reload, and the first search's download.
TARGET_SECONDS = {3_000: 35.0, 10_000: 90.0}
TARGET_ENGINE_RATIO = 1.2
TARGET_RELOAD_SECONDS = 3.0
TARGET_FIRST_SEARCH_KB = 300


@contextmanager
def checked_out(repo_root: Path, revision: str) -> Iterator[Path]:
    """`revision` checked out into a temporary git worktree, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="kb-base-") as work:
        checkout = Path(work) / "checkout"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(checkout), revision], cwd=repo_root, check=True
        )
        try:
            yield checkout
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(checkout)], cwd=repo_root, check=False
            )


def run_stages(checkout: Path, data_dir: Path, work: Path, *, plain: bool = False) -> dict[str, float]:
    """Each stage's seconds for the code of `checkout` on `data_dir`, in a fresh process."""
    work.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(checkout / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(STAGE_SCRIPT), str(checkout), str(data_dir), str(work)]
    finished = subprocess.run(
        [*command, *(["--plain"] if plain else [])], cwd=checkout, env=env, capture_output=True, text=True
    )
    if finished.returncode != 0:
        raise SystemExit(f"bench-stages failed in {checkout}:\n{finished.stderr[-3000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def _log_run(repo_root: Path, name: str, size: int, figures: dict[str, float]) -> None:
    """Each run's figures as they come (bench-results/pipeline-runs.jsonl), so that a run
    stopped before its table still leaves them."""
    log = repo_root / "bench-results" / "pipeline-runs.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    entry = {"at": time.strftime("%Y-%m-%d %H:%M:%S"), "code": name, "records": size, **figures}
    with log.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")


def _settle() -> None:
    """Flush the dataset just written (and earlier deletions) to disk before timing."""
    os.sync()
    time.sleep(2)


def measure_sizes(
    repo_root: Path, base: Path, sizes: list[int], synthetic_sizes: list[int], work: Path
) -> dict[str, dict[int, dict[str, float]]]:
    """{"new"|"base"|"synthetic": {records: figures}}: the real data grown to each size,
    built by this code and the previous release in turn (which goes first alternates, so
    neither always meets a warmer machine); then synthetic data, this code only."""
    runs: dict[str, dict[int, dict[str, float]]] = {"new": {}, "base": {}, "synthetic": {}}
    for number, size in enumerate(sizes):
        data = work / f"real-{size}"
        write_grown_dataset(data, size, repo_root / "data")
        order = [("base", base), ("new", repo_root)]
        for name, checkout in order if number % 2 == 0 else order[::-1]:
            _settle()
            runs[name][size] = run_stages(
                checkout, data, work / f"{name}-{size}", plain=name == "new" and size <= PLAIN_UP_TO
            )
            _log_run(repo_root, name, size, runs[name][size])
        if size == max(sizes):
            kilobytes = first_query_download(work / f"new-{size}" / "site", FIRST_QUERY)[0] / 1024
            runs["new"][size]["first_search_kb"] = kilobytes
        for name in ("new", "base"):
            shutil.rmtree(work / f"{name}-{size}")
        shutil.rmtree(data)
    for size in synthetic_sizes:
        data = work / f"synthetic-{size}"
        write_synthetic_dataset(data, size, repo_root / "data")
        _settle()
        runs["synthetic"][size] = run_stages(repo_root, data, work / f"synthetic-run-{size}")
        _log_run(repo_root, "synthetic", size, runs["synthetic"][size])
        shutil.rmtree(work / f"synthetic-run-{size}")
    return runs


def measure_serve_rebuild(repo_root: Path, work: Path, records: int) -> float:
    """Seconds from saving a YAML file to `make serve` serving the changed page, with the
    real data grown to `records` records."""
    import socket
    import urllib.request

    data = work / "data"
    write_grown_dataset(data, records, repo_root / "data")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "defence_kb", "--data", str(data), "serve", "--address", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # `mkdocs serve` serves under the path of site_url (/defence-kb/ on GitHub Pages).
    mount = urlsplit(read_site_settings(repo_root / "mkdocs.yml").site_url).path.rstrip("/")
    url = f"http://127.0.0.1:{port}{mount}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 600
        while "Hiệp định" not in page() and time.monotonic() < deadline:
            time.sleep(0.2)
        record = data / "agreements" / "hiep-dinh-fpa-viet-nam-eu.yml"
        record.write_text(
            record.read_text(encoding="utf-8").replace("title: ", "title: ĐÃ SỬA ", 1), encoding="utf-8"
        )
        started = time.monotonic()
        while "ĐÃ SỬA" not in page() and time.monotonic() < started + 60:
            time.sleep(0.05)
        return time.monotonic() - started
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)


def stage_table(
    title: str, runs: dict[int, dict[str, float]], base: dict[int, dict[str, float]]
) -> list[str]:
    """Per stage and size: seconds, milliseconds per record, and (with a base) new/old."""
    sizes = sorted(runs)
    lines = [
        title,
        f"{'giai đoạn':<10}"
        + "".join(
            f"{f'{n} bản ghi: s':>17}{'ms/bản ghi':>11}" + (f"{'mới/cũ':>8}" if base else "") for n in sizes
        ),
    ]
    for stage in STAGES:
        row = f"{stage:<10}"
        for size in sizes:
            seconds = runs[size][stage]
            row += f"{seconds:>17.2f}{seconds / size * 1000:>11.1f}"
            if base:
                row += f"{seconds / base[size][stage]:>8.2f}" if base[size][stage] else f"{'':>8}"
        lines.append(row)
    return lines


def report(
    runs: dict[str, dict[int, dict[str, float]]], base_name: str, reload: tuple[int, float]
) -> list[str]:
    new, base = runs["new"], runs["base"]
    lines = [
        f"Đo trên {os.cpu_count()} lõi, {time.strftime('%Y-%m-%d %H:%M')}; mỗi giai đoạn chạy một lần",
        "",
    ]
    lines += stage_table("Dữ liệu thật nhân bản, mã hiện tại (mới/cũ: so với bản trước)", new, base)
    lines += ["", *stage_table(f"Dữ liệu thật nhân bản, bản trước ({base_name})", base, {})]
    if runs["synthetic"]:
        lines += ["", *stage_table("Dữ liệu tổng hợp, mã hiện tại", runs["synthetic"], {})]
    return [*lines, "", "Mục tiêu (issue 22):", *targets(new, base, reload)]


def _holds(ok: bool) -> str:
    return "ĐẠT" if ok else "CHƯA ĐẠT"


def targets(
    new: dict[int, dict[str, float]], base: dict[int, dict[str, float]], reload: tuple[int, float]
) -> list[str]:
    """Each of issue 22's targets with this run's figure and whether it holds."""
    sizes = sorted(new)
    lines = []
    for size, target in TARGET_SECONDS.items():
        if size in new:
            seconds, before = new[size]["whole"], base[size]["whole"]
            lines.append(
                f"  {size} bản ghi ≤ {target:.0f} s: {seconds:.1f} s (bản trước {before:.1f} s) "
                + _holds(seconds <= target)
            )
    if len(sizes) >= 2:
        growth = (new[sizes[-1]]["whole"] / sizes[-1]) / (new[sizes[0]]["whole"] / sizes[0])
        lines.append(
            f"  tăng tuyến tính (≤ 1,2×): mỗi bản ghi ở {sizes[-1]} so với {sizes[0]}: {growth:.2f}× "
            + _holds(growth <= 1.2)
        )
    for size in sizes:
        if "plain_mkdocs" in new[size]:
            ratio = new[size]["whole"] / new[size]["plain_mkdocs"]
            engine = new[size]["mkdocs"] / new[size]["plain_mkdocs"]
            lines.append(
                f"  {size} bản ghi, cả bản dựng ≤ {TARGET_ENGINE_RATIO}× MkDocs, trang thường cùng độ dài: "
                f"{ratio:.2f}× (riêng MkDocs trên trang của ta: {engine:.2f}×) "
                + _holds(ratio <= TARGET_ENGINE_RATIO)
            )
    served, seconds = reload
    lines.append(
        f"  make serve, sửa 1 trong {served} bản ghi → trang mới ≤ {TARGET_RELOAD_SECONDS:.0f} s: "
        f"{seconds:.1f} s " + _holds(seconds <= TARGET_RELOAD_SECONDS)
    )
    kilobytes = new[sizes[-1]].get("first_search_kb")
    if kilobytes is not None:
        lines.append(
            f"  lần tìm đầu tiên ({sizes[-1]} bản ghi) ≤ {TARGET_FIRST_SEARCH_KB} KB: {kilobytes:.0f} KB "
            + _holds(kilobytes <= TARGET_FIRST_SEARCH_KB)
        )
    return lines


def bench_pipeline(
    repo_root: Path,
    sizes: list[int],
    out_dir: Path,
    base: str | None = None,
    synthetic_sizes: list[int] | None = None,
) -> str:
    """The real data grown to each size, built by this code and by `base` in one run."""
    base = base or DEFAULT_BASE
    synthetic_sizes = [1_000] if synthetic_sizes is None else synthetic_sizes
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as work, checked_out(repo_root, base) as checkout:
        runs = measure_sizes(repo_root, checkout, sizes, synthetic_sizes, Path(work))
        served = min(SERVE_RECORDS, max(sizes))
        reload = (served, measure_serve_rebuild(repo_root, Path(work) / "serve", served))
    table = "\n".join(report(runs, base, reload))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"pipeline-{time.strftime('%Y%m%d-%H%M%S')}.txt").write_text(table + "\n", encoding="utf-8")
    (out_dir / "pipeline.txt").write_text(table + "\n", encoding="utf-8")
    return table
