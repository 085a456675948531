"""The HTML redirect pages: one at each former address of a renamed record."""

from __future__ import annotations

from ..model import KnowledgeBase
from .markup import markup_environment
from .settings import SiteSettings


def render_redirects(kb: KnowledgeBase, settings: SiteSettings | None = None) -> dict[str, str]:
    """{docs path: HTML} of a redirect page at each former address of a renamed record.

    Plain HTML files in the docs tree are copied to the site as they are, by MkDocs as by
    any static site engine, so the old URL keeps working without a plugin.
    """
    site = settings or SiteSettings()
    template = markup_environment().get_template("redirect.html.j2")
    pages = {}
    for entry in kb.records.values():
        record = entry.record
        for former in record.former_ids:
            pages[f"{record.url_prefix}/{former}/index.html"] = template.render(
                title=record.title, target=f"../{record.id}/", canonical=site.absolute_url(entry)
            )
    return pages
