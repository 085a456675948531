"""After every build: each record has one page, listed where it belongs; builds repeat."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL, REPO_ROOT, run_cli
from defence_kb.build import build_site, copy_site_config, verify_site
from defence_kb.model import KnowledgeBase

pytestmark = pytest.mark.build


def test_verify_site_finds_a_missing_page_and_a_missing_listing(
    built_site: tuple[KnowledgeBase, Path], tmp_path: Path
) -> None:
    kb, site = built_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    assert verify_site(kb, copy) == []
    (copy / "thoa-thuan" / "hiep-dinh-fpa-viet-nam-eu" / "index.html").unlink()
    timeline = copy / "dong-thoi-gian" / "index.html"
    abyei = "phai-bo/doi-cong-binh-viet-nam-phai-bo-abyei/"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace(f'{abyei}"', 'khac/"'), encoding="utf-8")
    shutil.rmtree(copy / "pagefind")
    assert verify_site(kb, copy) == [
        "data/agreements/hiep-dinh-fpa-viet-nam-eu.yml: không có trang thoa-thuan/hiep-dinh-fpa-viet-nam-eu/",
        f"data/missions/doi-cong-binh-viet-nam-phai-bo-abyei.yml: trang dong-thoi-gian/ không liệt kê {abyei}",
        "thiếu chỉ mục tìm kiếm (pagefind/)",
    ]


def test_two_builds_of_the_same_data_are_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "site"
    build_site(copy_site_config(REPO_ROOT, tmp_path / "one"), MINIMAL, first)
    build_site(copy_site_config(REPO_ROOT, tmp_path / "two"), MINIMAL, second)

    def stable(root: Path) -> list[Path]:
        # The sitemap carries build dates, and Pagefind (1.5.2) writes its filter index in a
        # varying order (so the filter files, and the metadata naming them, vary); the
        # pages, the word index and the result fragments must not.
        varying = (
            "sitemap.xml",
            "sitemap.xml.gz",
            "pagefind/filter/",
            "pagefind/pagefind.",
            "pagefind/pagefind-entry",
        )
        return sorted(
            p.relative_to(root)
            for p in root.rglob("*")
            if p.is_file() and not p.relative_to(root).as_posix().startswith(varying)
        )

    files = stable(first)
    assert files == stable(second)
    assert any(f.as_posix().startswith("pagefind/fragment/") for f in files)
    assert any(f.as_posix().startswith("pagefind/index/") for f in files)
    different = [str(f) for f in files if not filecmp.cmp(first / f, second / f, shallow=False)]
    assert different == []


def test_build_prints_its_counts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    result = run_cli("--data", str(data), "build", "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "4 bản ghi, 3 đối tác, 1 nguồn, 30 trang" in result.stdout
