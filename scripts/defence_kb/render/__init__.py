"""Stage 4, render: the knowledge base as the site's pages and files, through Jinja2 templates.

One module per kind of output around one shared environment (`environment`): Markdown
pages (`pages`), the feed (`feed`), redirect pages (`redirects`, through the escaping
environment of HTML and XML files, `markup`), the citation of each page with its
BibTeX, RIS and CSL-JSON files and meta tags (`citations`), the about, method and licence
pages' figures (`trust`), and the pieces they share: where pages
are (`paths`), escaping (`markdown`), site-wide groupings (`summaries`) and the site's
settings (`settings`). Templates, in ../templates, hold the layout.
"""

from .environment import make_environment
from .feed import recent_changes, render_feed
from .markdown import escape_block, escape_inline, external_link, front_matter_text
from .pages import PageJob, plan_data_page, plan_pages, plan_site, render_nav, render_page
from .paths import (
    DATA_PAGE,
    FEED_FILE,
    FIGURES_PAGE,
    LOOKUP_PAGE,
    RECENT_PAGE,
    TAGS_PAGE,
    TEMPLATES,
    TIMELINE_PAGE,
    page_of,
    page_url,
    record_page,
    relative_path,
)
from .redirects import render_redirects
from .settings import SiteSettings, read_site_settings
from .summaries import (
    by_type,
    by_year,
    figure_rows,
    placement_label,
    status_text,
    tag_groups,
    vietnamese_sorted,
)

__all__ = [
    "DATA_PAGE",
    "FEED_FILE",
    "FIGURES_PAGE",
    "LOOKUP_PAGE",
    "RECENT_PAGE",
    "TAGS_PAGE",
    "TEMPLATES",
    "TIMELINE_PAGE",
    "PageJob",
    "SiteSettings",
    "by_type",
    "by_year",
    "escape_block",
    "escape_inline",
    "external_link",
    "figure_rows",
    "front_matter_text",
    "make_environment",
    "page_of",
    "page_url",
    "placement_label",
    "plan_data_page",
    "plan_pages",
    "plan_site",
    "read_site_settings",
    "recent_changes",
    "record_page",
    "relative_path",
    "render_feed",
    "render_nav",
    "render_page",
    "render_redirects",
    "status_text",
    "tag_groups",
    "vietnamese_sorted",
]
