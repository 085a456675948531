"""The compressing server `make bench-phone` measures the site through (as GitHub Pages serves it)."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from defence_kb.bench_phone import serve_compressed


def fetch(url: str, encoding: str | None) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers), response.read()


def test_text_is_sent_gzipped_and_decompresses_to_the_file(tmp_path: Path) -> None:
    page = "<!doctype html><title>Hợp tác quốc phòng</title>" + "<p>gìn giữ hòa bình</p>" * 200
    (tmp_path / "trang").mkdir()
    (tmp_path / "trang" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "kb.css").write_text("body { color: #222; }\n" * 50, encoding="utf-8")

    with serve_compressed(tmp_path) as base:
        headers, body = fetch(base + "/trang/", "gzip, deflate, br")
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Content-Type"].startswith("text/html")
        assert int(headers["Content-Length"]) == len(body) < len(page.encode())
        assert gzip.decompress(body) == (tmp_path / "trang" / "index.html").read_bytes()

        headers, body = fetch(base + "/kb.css", "gzip")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == (tmp_path / "kb.css").read_bytes()


def test_no_gzip_unless_accepted_nor_for_binary_files(tmp_path: Path) -> None:
    (tmp_path / "kb.css").write_text("body { color: #222; }\n", encoding="utf-8")
    (tmp_path / "chunk.pf_index").write_bytes(gzip.compress(b"already compressed"))

    with serve_compressed(tmp_path) as base:
        headers, body = fetch(base + "/kb.css", None)
        assert "Content-Encoding" not in headers
        assert body == (tmp_path / "kb.css").read_bytes()

        headers, body = fetch(base + "/chunk.pf_index", "gzip")
        assert "Content-Encoding" not in headers
        assert body == (tmp_path / "chunk.pf_index").read_bytes()
