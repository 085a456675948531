"""The developer documentation: a short README that points to one page per topic.

The README says what this is, the two commands and where to look next; the topics live in
docs/developer/, which the site does not publish.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO_ROOT
from defence_kb.model import KnowledgeBase

DEVELOPER_DOCS = REPO_ROOT / "docs" / "developer"
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def relative_links(page: Path) -> list[str]:
    return [target for target in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in target]


def test_the_readme_is_short_and_names_the_two_commands() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 120
    assert "make serve" in readme and "make test" in readme


def test_every_link_of_the_developer_docs_leads_to_a_file() -> None:
    pages = [REPO_ROOT / "README.md", *sorted(DEVELOPER_DOCS.glob("*.md"))]
    broken = [
        f"{page.relative_to(REPO_ROOT)} → {target}"
        for page in pages
        for target in relative_links(page)
        if not (page.parent / target).exists() and target != "SECURITY.md"
    ]
    assert broken == []


def test_every_topic_page_is_listed_in_the_readme_and_the_guide_index() -> None:
    readme = relative_links(REPO_ROOT / "README.md")
    index = relative_links(DEVELOPER_DOCS / "README.md")
    topics = sorted(p.name for p in DEVELOPER_DOCS.glob("*.md") if p.name != "README.md")
    assert len(topics) >= 7
    assert [t for t in topics if f"docs/developer/{t}" not in readme] == []
    assert [t for t in topics if t not in index] == []


def test_the_developer_docs_are_not_published(built_site: tuple[KnowledgeBase, Path]) -> None:
    _, site = built_site
    assert not (site / "developer").exists()
    assert not list(site.rglob("architecture*"))
