"""Where the site and its repository live, read from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from .paths import page_url


@dataclass(frozen=True)
class SiteSettings:
    """What pages need to know about where the site and its repository live."""

    repo_url: str | None = None
    edit_data_uri: str = "edit/main/"  # repo_url + this + data/…yml edits a record
    site_url: str = ""  # where the site is published, for absolute URLs in metadata and feeds
    site_name: str = ""

    def absolute_url(self, target: Any) -> str:
        base = self.site_url.rstrip("/") + "/" if self.site_url else "/"
        return base + page_url(target)

    def edit_url(self, path: Path) -> Markup | None:
        if not self.repo_url:
            return None
        return Markup(f"{self.repo_url.rstrip('/')}/{self.edit_data_uri.strip('/')}/{path.as_posix()}")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its `!!python/…` or `!ENV` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_settings(config_file: Path) -> SiteSettings:
    """The site's address and its repository's, from mkdocs.yml."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    extra = config.get("extra") or {}
    repository = extra.get("repository")
    site_url = config.get("site_url")
    return SiteSettings(
        repository if isinstance(repository, str) else None,
        str(extra.get("edit_data_uri") or SiteSettings.edit_data_uri),
        site_url if isinstance(site_url, str) else "",
        str(config.get("site_name") or ""),
    )
