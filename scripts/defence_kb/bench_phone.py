"""The `bench-phone` benchmark: the built site as a phone and a desktop get it from a static host.

The site is served on 127.0.0.1 with gzip for text types, as GitHub Pages serves it (the plain
local server compresses nothing). Lighthouse (npm, pinned in scripts/lighthouse/) runs the
mobile and desktop presets with simulated throttling on three pages, several times each; the
median run's scores, metrics, page weight and request count are reported. Then the bytes of a
reader's first search, in Chromium, on the real site and on a synthetic one, served with and
without compression. Figures are printed and written to bench-results/, never asserted.

Nothing may leave the machine: Chromium is told to resolve no host but 127.0.0.1, so that its
own background requests (accounts.google.com, clients2.google.com) are not even looked up.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import tempfile
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .bench import FIRST_QUERY, first_query_download
from .build import build_site
from .screenshots import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, serve_folder
from .synthetic import write_synthetic_dataset

PAGES = {
    "trang chủ": "/",
    "bản ghi FPA": "/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/",
    "trang tìm kiếm": "/tim-kiem/?q=gin+giu+hoa+binh",
}
PRESETS = {"điện thoại": "mobile", "máy tính": "desktop"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_DIR = Path(__file__).resolve().parents[1] / "lighthouse"
# Chromium's own flags, plus: look up no host name (everything but the local server fails).
LIGHTHOUSE_CHROME_FLAGS = [
    "--headless",
    *CHROMIUM_ARGS,
    "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'",
]
# What GitHub Pages compresses: text, scripts, JSON, XML, SVG. Pagefind's index files are
# gzipped already and served as application/octet-stream, as there.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml")
COMPRESSED_SUFFIXES = ("+xml", "+json")


def compressible(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith(COMPRESSED_TYPES) or kind.endswith(COMPRESSED_SUFFIXES)


class CompressingHandler(_QuietHandler):
    """Static files, gzip-compressed for text types when the client accepts gzip.

    HTTP/1.1, so connections are kept alive as a real host keeps them; every response has a
    Content-Length. Cache-Control is GitHub Pages' ten minutes.
    """

    protocol_version = "HTTP/1.1"

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "").lower()
        if not (accepted and compressible(content_type) and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object SimpleHTTPRequestHandler copies to the client and then closes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        self.data = b""


def serve_compressed(folder: Path) -> AbstractContextManager[str]:
    """Like screenshots.serve_folder, with gzip for text types, as a static host serves."""
    return serve_folder(folder, handler_class=CompressingHandler)


# ------------------------------------------------------------------ Lighthouse


def lighthouse_command() -> list[str]:
    """The pinned Lighthouse, installed from scripts/lighthouse/package-lock.json if missing."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE_DIR, check=True)
    return [str(binary)]


@dataclass(frozen=True)
class LighthouseFigures:
    scores: dict[str, int]  # category: 0–100
    performance_runs: tuple[int, ...]
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    transfer_bytes: int
    requests: int
    report: dict[str, Any]


def run_lighthouse(url: str, preset: str, out: Path) -> dict[str, Any]:
    command = [
        *lighthouse_command(),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--no-enable-error-reporting",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(LIGHTHOUSE_CHROME_FLAGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url} ({preset}):\n{finished.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not load {url}: {report['runtimeError']}")
    return report


def _figures(reports: list[dict[str, Any]]) -> LighthouseFigures:
    """The median run by Performance score (Lighthouse's own advice is the median of several)."""

    def score(report: dict[str, Any], category: str) -> int:
        value = report["categories"][category]["score"]
        return -1 if value is None else round(value * 100)

    ranked = sorted(reports, key=lambda report: score(report, "performance"))
    median = ranked[(len(ranked) - 1) // 2]
    audits = median["audits"]
    return LighthouseFigures(
        scores={category: score(median, category) for category in CATEGORIES},
        performance_runs=tuple(score(report, "performance") for report in ranked),
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=len(audits["network-requests"]["details"]["items"]),
        report=median,
    )


def measure_pages(
    site_dir: Path,
    runs: int,
    reports_dir: Path | None = None,
    pages: dict[str, str] = PAGES,
    presets: dict[str, str] = PRESETS,
) -> dict[tuple[str, str], LighthouseFigures]:
    """{(page, device): figures}, `runs` Lighthouse runs each, on the compressed server."""
    results = {}
    with serve_compressed(site_dir) as base, tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as work:
        for page, path in pages.items():
            for device, preset in presets.items():
                reports = [
                    run_lighthouse(base + path, preset, Path(work) / f"{preset}-{run}.json")
                    for run in range(runs)
                ]
                figures = _figures(reports)
                results[page, device] = figures
                if reports_dir is not None:
                    reports_dir.mkdir(parents=True, exist_ok=True)
                    name = f"{path.split('?')[0].strip('/').replace('/', '-') or 'index'}-{preset}.json"
                    (reports_dir / name).write_text(json.dumps(figures.report), encoding="utf-8")
    return results


# ------------------------------------------------------------------ first search


@dataclass(frozen=True)
class FirstSearch:
    name: str
    plain: tuple[int, int, int]  # bytes, requests, results shown
    compressed: tuple[int, int, int]


def measure_first_search(name: str, site_dir: Path) -> FirstSearch:
    return FirstSearch(
        name,
        first_query_download(site_dir, FIRST_QUERY, serve_folder),
        first_query_download(site_dir, FIRST_QUERY, serve_compressed),
    )


def synthetic_site(repo_root: Path, records: int, work: Path) -> Path:
    data = work / "data"
    write_synthetic_dataset(data, records, repo_root / "data")
    site = work / "site"
    build_site(repo_root, data, site)
    return site


# ------------------------------------------------------------------ the table


def lighthouse_version() -> str:
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def format_table(
    pages: dict[tuple[str, str], LighthouseFigures], searches: list[FirstSearch], runs: int
) -> str:
    lines = [
        f"Điện thoại và máy tính, {time.strftime('%Y-%m-%d %H:%M')}: Lighthouse {lighthouse_version()}, "
        f"mô phỏng mạng chậm; máy chủ tĩnh nén gzip như GitHub Pages; lần chạy trung vị của {runs}",
        f"{'trang':<16}{'thiết bị':<12}{'hiệu năng':>10}{'(các lần)':>20}{'FCP s':>7}{'LCP s':>7}"
        f"{'TBT ms':>8}{'CLS':>6}{'trợ năng':>10}{'thực hành':>11}{'SEO':>5}{'tải về KB':>11}{'yêu cầu':>9}",
    ]
    for (page, device), row in pages.items():
        lines.append(
            f"{page:<16}{device:<12}{row.scores['performance']:>10}"
            f"{'/'.join(map(str, row.performance_runs)):>20}"
            f"{row.fcp_ms / 1000:>7.1f}{row.lcp_ms / 1000:>7.1f}"
            f"{row.tbt_ms:>8.0f}{row.cls:>6.2f}{row.scores['accessibility']:>10}"
            f"{row.scores['best-practices']:>11}{row.scores['seo']:>5}"
            f"{row.transfer_bytes / 1024:>11.0f}{row.requests:>9}"
        )
    lines.append("(tải về: byte truyền đi của mọi yêu cầu, kể cả sau khi tải xong trang)")
    if not searches:
        return "\n".join(lines)
    lines += [
        "",
        f"Lần tìm đầu tiên “{FIRST_QUERY}” gõ vào ô tìm kiếm, trong Chromium (byte truyền đi)",
        f"{'bộ dữ liệu':<20}{'không nén KB':>14}{'yêu cầu':>9}{'nén gzip KB':>13}{'yêu cầu':>9}"
        f"{'kết quả':>9}",
    ]
    for search in searches:
        lines.append(
            f"{search.name:<20}{search.plain[0] / 1024:>14.0f}{search.plain[1]:>9}"
            f"{search.compressed[0] / 1024:>13.0f}{search.compressed[1]:>9}{search.compressed[2]:>9}"
        )
    return "\n".join(lines)


def bench_phone(
    repo_root: Path,
    site_dir: Path,
    synthetic_records: int,
    runs: int,
    out_dir: Path,
    paths: list[str] | None = None,
    presets: list[str] | None = None,
) -> str:
    """The whole benchmark; or, given `paths` or `presets`, Lighthouse alone on those pages
    and presets (a quick measure of one page, written to phone-<time>.txt only)."""
    if not (site_dir / "index.html").exists():
        raise SystemExit(f"no built site in {site_dir}: run `make build` first")
    unknown = sorted(set(paths or ()) - set(PAGES.values())) + sorted(
        set(presets or ()) - set(PRESETS.values())
    )
    if unknown:
        known = ", ".join([*PAGES.values(), *PRESETS.values()])
        raise SystemExit(f"bench-phone: không có trang hay cấu hình {', '.join(unknown)} (có: {known})")
    whole = paths is None and presets is None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    pages = measure_pages(
        site_dir,
        runs,
        out_dir / f"phone-{stamp}",
        {page: path for page, path in PAGES.items() if paths is None or path in paths},
        {device: preset for device, preset in PRESETS.items() if presets is None or preset in presets},
    )
    searches = []
    if whole:
        searches.append(measure_first_search("thật (data/)", site_dir))
        with tempfile.TemporaryDirectory(prefix="kb-synthetic-") as work:
            site = synthetic_site(repo_root, synthetic_records, Path(work))
            searches.append(measure_first_search(f"tổng hợp {synthetic_records}", site))
    table = format_table(pages, searches, runs)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"phone-{stamp}.txt").write_text(table + "\n", encoding="utf-8")
    if whole:
        (out_dir / "phone.txt").write_text(table + "\n", encoding="utf-8")
    return table
