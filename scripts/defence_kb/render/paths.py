"""Where each page is: docs-relative paths, site URLs and links between pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from ..export import EXPORT_FOLDER
from ..model import EntityEntry, RecordEntry, SourceEntry
from ..schema import Record, Theme

TEMPLATES = Path(__file__).parent.parent / "templates"
TIMELINE_PAGE = "dong-thoi-gian.md"
DATA_PAGE = f"{EXPORT_FOLDER}/index.md"
RECENT_PAGE = "moi-cap-nhat.md"
LOOKUP_PAGE = "tra-cuu/index.md"
TAGS_PAGE = "nhan.md"
FIGURES_PAGE = "so-lieu.md"
ANSWERS_PAGE = "hoi-nhanh.md"
FEED_FILE = "feed.xml"
# The pages that earn trust (trust.py): what the site is, its method, its licence.
ABOUT_PAGE = "gioi-thieu/index.md"
METHOD_PAGE = "gioi-thieu/phuong-phap.md"
LICENCE_PAGE = "gioi-thieu/giay-phep.md"
RECENT_ON_HOME = 8
RECENT_ON_PAGE = 100
RECENT_IN_FEED = 50


def record_page(record: Record) -> str:
    return f"{record.url_prefix}/{record.id}.md"


def page_of(target: Any) -> str:
    """The docs-relative path of the page that shows `target` (or a path given as is)."""
    if isinstance(target, str):
        return target
    if isinstance(target, RecordEntry):
        return record_page(target.record)
    if isinstance(target, Record):
        return record_page(target)
    if isinstance(target, EntityEntry):
        return f"doi-tac/{target.entity.id}.md"
    if isinstance(target, SourceEntry):
        return f"nguon/{target.source.id}.md"
    if isinstance(target, Theme):
        return f"chu-de/{target.id}.md"
    raise TypeError(f"no page for {type(target).__name__}")


def page_url(target: Any) -> str:
    """The site-relative URL of the page that shows `target`: `thoa-thuan/x/`, `` for home."""
    path = page_of(target).removesuffix("index.md").removesuffix(".md").rstrip("/")
    return f"{path}/" if path else ""


def folder_of(page: str) -> str:
    return page.rsplit("/", 1)[0] + "/" if "/" in page else ""


def relative_path(target: str, page: str) -> str:
    """`target` relative to the folder of `page`, both docs-relative POSIX paths.

    posixpath.relpath does the same through abspath and the working directory, which made
    it a quarter of the rendering time.
    """
    here = folder_of(page)
    if target.startswith(here):
        return target[len(here) :]
    return "../" * here.count("/") + target


def picture_href(
    page: str, target: Any, query: dict[str, str] | list[tuple[str, str]] | None = None, anchor: str = ""
) -> str:
    """The address of `target`'s page (or a docs-relative page) from the built `page`, for
    raw HTML and SVG, which MkDocs does not rewrite: directory URLs (`../../dong-thoi-gian/`)."""
    here = page_url(page)
    there = page_url(target)
    path = "" if there == here else "../" * here.count("/") + there or "./"
    text = path + (f"?{urlencode(query)}" if query else "") + (f"#{anchor}" if anchor else "")
    return text or "./"
