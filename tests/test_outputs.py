"""The registry of outputs (outputs/): what each declares, and one output end to end."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from defence_kb.model import KnowledgeBase
from defence_kb.outputs import NEEDS, OUTPUTS, affected_by
from defence_kb.outputs.opensearch import OPENSEARCH_FILE

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def test_every_output_is_found_and_declares_what_it_needs() -> None:
    names = [entry.name for entry in OUTPUTS]
    assert len(names) == len(set(names))
    for expected in ("record pages", "feed", "open data export", "citation files", "search index"):
        assert expected in names
    assert all(entry.needs <= NEEDS and entry.writes for entry in OUTPUTS)
    # Only a file that is the same whatever the data may need nothing.
    assert [entry.name for entry in OUTPUTS if not entry.needs] == ["content security policy hook"]
    # What an edit to the themes file must redo: their pages and the navigation, not the feed.
    redone = {entry.name for entry in affected_by("themes")}
    assert {"theme pages", "navigation"} <= redone and "feed" not in redone


def test_browsers_can_add_the_site_search(built_site: tuple[KnowledgeBase, Path]) -> None:
    _kb, site = built_site
    description = ET.parse(site / OPENSEARCH_FILE).getroot()
    assert len(description.findtext(f"{OPENSEARCH}ShortName", "")) <= 16
    search = description.find(f"{OPENSEARCH}Url[@type='text/html']")
    assert search is not None
    assert search.get("template", "").endswith("/defence-kb/tim-kiem/?q={searchTerms}")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="search" type="application/opensearchdescription+xml"' in home
    assert 'href="opensearch.xml"' in home
