"""Benchmarks: figures printed and written to bench-results/, never asserted in tests.

`pipeline`: synthetic datasets of 1,000 and 10,000 records, each stage timed separately
(load, validate, render Markdown, search index, mkdocs build) and the whole build, with
records per second and peak memory, the growth of per-record time, the real dataset's
build and the rebuild `make serve` does after one file changes.

`search`: for the real site and a synthetic one, the time to build the search index and
the bytes a browser downloads to run its first query (measured in Debian's Chromium).
"""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .build import build_site, copy_site_config, load_knowledge_base
from .index import build_search_index
from .render import read_site_settings
from .screenshots import CHROMIUM, CHROMIUM_ARGS, serve_folder
from .synthetic import write_synthetic_dataset

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

STAGES = ("load", "validate", "model", "render", "index", "mkdocs")
FAST_STAGES = ("load", "validate", "model", "render")  # the "load + validate + render" target
REPEATS = 3  # fast stages run this often; the median is reported


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def measure_stages(
    repo_root: Path, data_dir: Path, work: Path, *, first_search: bool = False
) -> dict[str, tuple[float, float]]:
    """{stage: (seconds, peak MB)} for one dataset, run in this (fresh) process.

    In-process stages (load, validate, model, render: which includes writing the pages)
    run REPEATS times and report the median, since one run on a shared machine can be
    disturbed; each render writes into a new folder, as a first build does. They report
    the process's peak so far; MkDocs and Pagefind, which run as child processes, report
    the children's peak. With first_search, the bytes of a reader's first search on the
    built site are added as ("first_search", (KB, requests)).
    """
    from .build import run_mkdocs, write_docs, write_tree
    from .load import load_dataset
    from .model import build_knowledge_base
    from .validate import validate_dataset

    root = copy_site_config(repo_root, work / "repo")
    # The fast stages run as a chain, REPEATS times, the way a build runs them once: each
    # run starts from nothing (a stage repeated on its own would leave the heap fragmented
    # in a way no build sees, and forked render workers would pay for it).
    times: dict[str, list[float]] = {stage: [] for stage in STAGES}
    peaks: dict[str, float] = {}

    def clock(stage: str, who: int, action: Any, *args: Any, **options: Any) -> Any:
        started = time.perf_counter()
        result = action(*args, **options)
        times[stage].append(time.perf_counter() - started)
        peaks[stage] = max(peaks.get(stage, 0.0), _peak_mb(who))
        return result

    own = resource.RUSAGE_SELF
    kb = None
    for run in range(REPEATS):
        raw = data = kb = None
        gc.collect()  # the previous run's knowledge base is cyclic: free it before timing
        out = None if run == REPEATS - 1 else work / f"render-{run}"  # the last for MkDocs
        raw = clock("load", own, load_dataset, data_dir)
        data = clock("validate", own, validate_dataset, raw)
        kb = clock("model", own, build_knowledge_base, data, root)
        clock("render", own, write_docs, root, kb, out, with_index=False)
    children = resource.RUSAGE_CHILDREN
    bundle = clock("index", children, build_search_index, kb)
    site = work / "site"
    clock("mkdocs", children, run_mkdocs, root, site)
    figures = {stage: (statistics.median(times[stage]), peaks[stage]) for stage in STAGES}
    write_tree(site / "pagefind", bundle)
    started = time.perf_counter()
    build_site(root, data_dir, work / "whole")
    figures["whole"] = (
        time.perf_counter() - started,
        max(_peak_mb(resource.RUSAGE_SELF), _peak_mb(resource.RUSAGE_CHILDREN)),
    )
    if first_search:
        downloaded, requests, _shown = first_query_download(work / "whole", FIRST_QUERY)
        figures["first_search"] = (downloaded / 1024, requests)
    return figures


def measure_serve_rebuild(repo_root: Path, work: Path) -> float:
    """Seconds from saving a YAML file to `make serve` serving the changed page."""
    import socket
    import urllib.request

    data = work / "data"
    shutil.copytree(repo_root / "data", data)
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
        deadline = time.monotonic() + 120
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


def bench_pipeline(repo_root: Path, sizes: list[int], out_dir: Path) -> str:
    results: dict[int, dict[str, tuple[float, float]]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kb-bench-") as work:
            data = Path(work) / "data"
            write_synthetic_dataset(data, size, repo_root / "data")
            # Flush the dataset just written (and the previous run's deletions) to disk first,
            # so that their writeback does not run during the measurement.
            os.sync()
            time.sleep(5)
            # A fresh process per size, so that peak memory is this size's own.
            command = [sys.executable, "-m", "defence_kb", "bench-stages", str(data), str(Path(work) / "run")]
            if size == max(sizes):
                command.append("--first-search")
            finished = subprocess.run(command, capture_output=True, text=True, check=False)
            if finished.returncode != 0:
                raise SystemExit(f"bench-stages failed for {size} records:\n{finished.stderr[-3000:]}")
            output = finished.stdout
            results[size] = json.loads(output.strip().splitlines()[-1])
    with tempfile.TemporaryDirectory(prefix="kb-serve-") as work:
        rebuild = measure_serve_rebuild(repo_root, Path(work))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kb-real-") as work:
        build_site(copy_site_config(repo_root, Path(work) / "repo"), repo_root / "data", Path(work) / "site")
    real = time.perf_counter() - started

    lines = [f"Đo trên {os.cpu_count()} lõi, {time.strftime('%Y-%m-%d %H:%M')}", ""]
    header = f"{'giai đoạn':<10}" + "".join(
        f"{f'{n} bản ghi: s':>18}{'bản ghi/s':>11}{'đỉnh MB':>9}" for n in sizes
    )
    lines.append(header)
    for stage in (*STAGES, "whole"):
        row = f"{stage:<10}"
        for size in sizes:
            seconds, peak = results[size][stage]
            row += f"{seconds:>18.2f}{size / seconds:>11.0f}{peak:>9.0f}"
        lines.append(row)
    lines.append(f"(load, validate, model, render: trung vị của {REPEATS} lần chạy; render gồm cả ghi tệp)")
    lines.append("")
    for size in sizes:
        fast = sum(results[size][stage][0] for stage in FAST_STAGES)
        lines.append(f"load+validate+model+render, {size} bản ghi: {size / fast:.0f} bản ghi/s")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        ratio = (results[large]["whole"][0] / large) / (results[small]["whole"][0] / small)
        lines.append(f"thời gian mỗi bản ghi, {large} so với {small}: {ratio:.2f}×")
    kilobytes, requests = results[max(sizes)]["first_search"]
    lines.append(
        f"lần tìm đầu tiên “{FIRST_QUERY}”, {max(sizes)} bản ghi: {kilobytes:.0f} KB "
        f"qua {requests:.0f} yêu cầu (không nén khi truyền)"
    )
    lines.append(f"dữ liệu thật, xây dựng toàn bộ: {real:.1f} s")
    lines.append(f"make serve, xây lại sau khi sửa một tệp YAML: {rebuild:.1f} s")
    table = "\n".join(lines)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"pipeline-{time.strftime('%Y%m%d-%H%M%S')}.txt").write_text(table + "\n", encoding="utf-8")
    (out_dir / "pipeline.txt").write_text(table + "\n", encoding="utf-8")
    return table
