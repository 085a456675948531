"""Benchmarks: figures printed and written to bench-results/, never asserted in tests.

`search`: for the real site and a synthetic one, the time to build the search index and
the bytes a browser downloads to run its first query (measured in Debian's Chromium).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .build import build_site, load_knowledge_base
from .index import build_search_index
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


def first_query_download(site_dir: Path, query: str) -> tuple[int, int, int]:
    """(bytes, requests, results shown) for a reader's first search on a fresh page load."""
    from playwright.sync_api import sync_playwright

    with serve_folder(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "/")
        page.wait_for_load_state("networkidle")
        fetched: list[int] = []
        page.on("response", lambda response: fetched.append(len(response.body())))
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_selector(".kb-search__status:not(:empty)")
        page.wait_for_load_state("networkidle")
        shown = page.locator(".kb-search__results .kb-result").count()
        browser.close()
    return sum(fetched), len(fetched), shown


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
