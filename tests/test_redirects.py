"""Stable addresses: a record's URL comes from its id, and a renamed record's old URL,
kept in `former_ids`, redirects to the new one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL, REPO_ROOT
from defence_kb.build import build_site, copy_site_config
from defence_kb.screenshots import serve_folder

FPA = "agreements/hiep-dinh-fpa.yml"
NEW_ID = "hiep-dinh-fpa-viet-nam-eu"


def rename_fpa(data: Path) -> None:
    """What an editor does to rename a record: new file name and id, old id kept."""
    old = data / FPA
    text = old.read_text(encoding="utf-8").replace(
        "id: hiep-dinh-fpa\n", f"id: {NEW_ID}\nformer_ids: [hiep-dinh-fpa]\n"
    )
    old.unlink()
    (data / "agreements" / f"{NEW_ID}.yml").write_text(text, encoding="utf-8")
    for path in data.rglob("*.yml"):  # records that point at it use the new id
        content = path.read_text(encoding="utf-8")
        path.write_text(content.replace("  - hiep-dinh-fpa\n", f"  - {NEW_ID}\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_site_config(REPO_ROOT, tmp_path_factory.mktemp("renamed"))
    shutil.copytree(MINIMAL, root / "data")
    rename_fpa(root / "data")
    build_site(root, root / "data", root / "site")
    return root / "site"


def test_the_url_follows_the_id_not_the_title(renamed_site: Path) -> None:
    assert (renamed_site / "thoa-thuan" / NEW_ID / "index.html").is_file()


@pytest.mark.build
def test_old_url_redirects_in_a_browser(renamed_site: Path, page: Any) -> None:
    with serve_folder(renamed_site) as base:
        page.goto(f"{base}/thoa-thuan/hiep-dinh-fpa/")
        page.wait_for_url(f"{base}/thoa-thuan/{NEW_ID}/")
        assert page.title().startswith("Hiệp định FPA")


def test_redirect_page_says_where_the_record_went(renamed_site: Path) -> None:
    html = (renamed_site / "thoa-thuan" / "hiep-dinh-fpa" / "index.html").read_text(encoding="utf-8")
    assert f'content="0; url=../{NEW_ID}/"' in html
    assert (
        f'<link rel="canonical" href="https://vietnam-defence-kb.github.io/defence-kb/thoa-thuan/{NEW_ID}/">'
        in html
    )
    assert '<meta name="robots" content="noindex">' in html
    sitemap = (renamed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/thoa-thuan/hiep-dinh-fpa/" not in sitemap
