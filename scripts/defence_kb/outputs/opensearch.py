"""An OpenSearch description, so that a browser can add the site's search (the search page
takes the query as `?q=`) to its address bar."""

from __future__ import annotations

from ..render.feed import markup_environment
from . import Inputs, output

OPENSEARCH_FILE = "opensearch.xml"
SEARCH_PAGE = "tim-kiem/"


def _opensearch(inputs: Inputs) -> dict[str, bytes]:
    site = inputs.settings
    text = (
        markup_environment()
        .get_template("opensearch.xml.j2")
        .render(
            site_name=site.site_name, search_url=site.absolute_url(SEARCH_PAGE), home=site.absolute_url("")
        )
    )
    return {OPENSEARCH_FILE: text.encode("utf-8")}


OUTPUTS = [output("browser search description", "settings", OPENSEARCH_FILE, files=_opensearch)]
