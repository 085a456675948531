"""Three questions readers ask, each answered from the home page with a picture in at most
two clicks. The expected answers are computed from the model, the clicks are a reader's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from defence_kb.model import KnowledgeBase
from defence_kb.schema import Agreement, EntityKind, Mission

pytestmark = pytest.mark.browser

PEACEKEEPING = "gin-giu-hoa-binh-lhq"
ASEAN = "asean-admm"
HOME = "viet-nam"


def _open_theme_from_home(page: Any, site_url: str, kb: KnowledgeBase, theme_id: str) -> None:
    """Click one: the theme's card on the home page."""
    page.goto(f"{site_url}/")
    page.locator(".grid.cards").get_by_role("link", name=kb.themes[theme_id].title, exact=True).click()
    page.wait_for_url(re.compile(rf"/chu-de/{theme_id}/$"))


def test_which_countries_signed_peacekeeping_memoranda_one_click(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    expected = {
        party
        for entry in kb.theme_records[PEACEKEEPING]
        if isinstance(entry.record, Agreement) and entry.record.kind.value == "memorandum"
        for party in entry.record.parties
        if party != HOME and kb.entities[party].entity.kind is EntityKind.country
    }
    assert len(expected) >= 9  # the nine bilateral peacekeeping memoranda of the sources
    _open_theme_from_home(page, site_url, kb, PEACEKEEPING)
    marks = page.locator(".kb-map__mark:not(.kb-map__mark--home)")
    with_agreements = {
        marks.nth(i).get_attribute("data-entity")
        for i in range(marks.count())
        if marks.nth(i).get_attribute("data-agreements") not in (None, "0")
    }
    assert expected <= with_agreements
    # The picture's text alternative names each of them, linked to its page.
    table = page.locator(".kb-map__table")
    for entity_id in expected:
        assert (
            table.get_by_role(
                "link", name=kb.entities[entity_id].entity.name, exact=True, include_hidden=True
            ).count()
            == 1
        )


def test_where_vietnamese_peacekeepers_serve_no_click(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    expected = {
        entry.record.place or entry.record.host_country
        for entry in kb.records.values()
        if isinstance(entry.record, Mission)
        and entry.record.unit_type.value != "rescue_force"
        and (entry.record.place or entry.record.host_country)
    }
    assert {"nam-sudan", "cong-hoa-trung-phi", "abyei"} <= expected
    page.goto(f"{site_url}/")
    places = page.locator(".kb-map__deployment")
    shown = {places.nth(i).get_attribute("data-entity") for i in range(places.count())}
    assert shown == expected
    # One click on a place opens its page, which lists the missions there.
    page.locator('.kb-map__deployment[data-entity="abyei"]').first.click()
    page.wait_for_url(re.compile(r"/doi-tac/abyei/$"))
    assert (
        page.get_by_role("heading", level=1).inner_text().rstrip("¶ \n") == kb.entities["abyei"].entity.name
    )


def test_what_viet_nam_did_as_asean_chair_in_2020_two_clicks(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    in_2020 = [
        entry
        for entry in kb.theme_records[ASEAN]
        if entry.placement.date and entry.placement.date.start.year == 2020
    ]
    assert any(entry.record.id == "viet-nam-chu-tich-asean-2020" for entry in in_2020)
    _open_theme_from_home(page, site_url, kb, ASEAN)
    # Click two: the 2020 column of the theme's records-per-year picture.
    page.locator('figure[data-chart="nam-chu-de"] g[data-year="2020"] .kb-chart__total').click()
    page.wait_for_url(re.compile(r"\?nam=2020#dong-thoi-gian$"))
    visible = page.locator(".kb-timeline li:visible")
    assert visible.count() == len(in_2020)
    titles = " ".join(visible.all_inner_texts())
    for entry in in_2020:
        assert entry.record.title in titles
