"""`make serve` rebuilds only what an edit touches, and the docs tree it leaves is the one a
full rebuild writes (serve.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from defence_kb.build import copy_site_config, load_knowledge_base, write_docs
from defence_kb.render import page_of
from defence_kb.serve import unchanged_pages

pytestmark = pytest.mark.build

EDITED = Path("agreements/hiep-dinh-fpa-viet-nam-eu.yml")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def test_an_edited_record_rerenders_only_what_it_touches_and_gives_the_full_build(tmp_path: Path) -> None:
    repo = copy_site_config(REPO_ROOT, tmp_path / "repo")
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    before = load_knowledge_base(repo, data)
    served = tmp_path / "served"
    write_docs(repo, before, served, index_later=True)

    record = data / EDITED
    record.write_text(
        record.read_text(encoding="utf-8").replace("title: ", "title: ĐÃ SỬA ", 1), encoding="utf-8"
    )
    after = load_knowledge_base(repo, data)
    unchanged = unchanged_pages(before, after, {record})
    edited = after.records[EDITED.stem]
    touched = {page_of(edited), *(page_of(after.entities[e]) for e in edited.record.entity_ids())}
    touched |= {page_of(after.records[other]) for other in edited.record.related}
    assert unchanged and not touched & unchanged
    assert len(unchanged) > len(after.records) // 2  # most pages are left alone
    write_docs(repo, after, served, index_later=True, unchanged=unchanged)

    write_docs(repo, after, tmp_path / "full", index_later=True)
    assert _tree(served) == _tree(tmp_path / "full")
    assert "ĐÃ SỬA" in (served / page_of(edited)).read_text(encoding="utf-8")


def test_an_edited_entity_rerenders_everything(tmp_path: Path) -> None:
    repo = copy_site_config(REPO_ROOT, tmp_path / "repo")
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    before = load_knowledge_base(repo, data)
    entity = next((data / "entities").glob("*.yml"))
    entity.write_text(entity.read_text(encoding="utf-8").replace("name: ", "name: Sửa ", 1), encoding="utf-8")
    assert unchanged_pages(before, load_knowledge_base(repo, data), {entity}) == frozenset()
