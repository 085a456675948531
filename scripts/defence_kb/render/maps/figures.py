"""The maps a page asks for: a partner map (views, legend, table) and an entity's locator,
rendered with the picture templates (templates/pictures/)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

from ... import atlas
from ...model import EntityEntry, KnowledgeBase, RecordEntry
from ...schema import Theme
from ..paths import picture_href
from ..pictures import render_picture
from .counting import (
    HOME_CODE,
    CountryCount,
    Deployment,
    country_counts,
    deployment_legend,
    deployments,
    shade_legend,
)
from .layout import panel
from .views import BIEN_DONG, WORLD, extent, locator_view, region_around

# Themes whose page opens with a map of their records (ids in data/themes.yml).
THEMES_WITH_MAP = ("gin-giu-hoa-binh-lhq", "quan-he-quoc-phong-song-phuong-da-phuong")


def partner_map(kb: KnowledgeBase, entries: list[RecordEntry], page_path: str, heading: str) -> Markup:
    """The map of the countries taking part in `entries` and of the deployment places among
    them (`map_panels`), its legend and its table."""
    counts = country_counts(kb, entries)
    places = deployments(kb, entries)
    panels = map_panels(counts, places, page_path)
    rows = [c for c in counts if c.code != HOME_CODE]
    home = next((c for c in counts if c.code == HOME_CODE), None)
    return (
        render_picture(
            "pictures/map.html.j2",
            heading=heading,
            panels=panels,
            rows=[(c, picture_href(page_path, c.entry)) for c in rows],
            unplaced=[c for c in rows if c.code not in atlas.projected_world().label_points],
            home=home,
            home_href=picture_href(page_path, home.entry) if home else "",
            places=[
                (d, picture_href(page_path, d.entry), [(m, picture_href(page_path, m)) for m in d.missions])
                for d in places
            ],
            shades=shade_legend(),
            pins=deployment_legend(places),
        )
        + "\n"
    )


def map_panels(counts: list[CountryCount], places: list[Deployment], page_path: str) -> list[dict[str, Any]]:
    """A world view and Viet Nam and Biển Đông with the countries' marks; if there are
    deployments, their region, from Viet Nam to where its people serve, with their pins."""
    panels = [panel(WORLD, counts, [], page_path, caption="Thế giới")]
    panels.append(panel(BIEN_DONG, counts, [], page_path, caption="Việt Nam và Biển Đông"))
    extents = [box for box in (extent(d.entry.entity) for d in places) if box]
    if extents:
        extents += [box for box in (extent(c.entry.entity) for c in counts if c.code == HOME_CODE) if box]
        extents += [archipelago.box for archipelago in atlas.ARCHIPELAGOS]
        west, south = min(b[0] for b in extents), min(b[1] for b in extents)
        east, north = max(b[2] for b in extents), max(b[3] for b in extents)
        region = region_around("deployments", west, south, east, north)
        panels.append(panel(region, counts, places, page_path, caption="Nơi triển khai lực lượng"))
    return panels


def locator_map(entry: EntityEntry, page_path: str) -> Markup:
    """A small map of where a country or an area is, or nothing if it cannot be placed."""
    entity = entry.entity
    box = extent(entity)
    if box is None:
        return Markup("")
    view = locator_view(box)
    drawn = panel(view, [], [], page_path, highlight=entity.iso_code)
    point = (
        atlas.equal_earth(entity.coordinates.lon, entity.coordinates.lat)
        if entity.coordinates
        else atlas.projected_world().label_points.get(entity.iso_code or "")
    )
    x, y = view.place(point) if point else (None, None)
    small = entity.iso_code in atlas.load_world().points
    picture = render_picture("pictures/locator.html.j2", entity=entity, panel=drawn, x=x, y=y, small=small)
    return picture + "\n"


def map_for_theme(kb: KnowledgeBase, theme_id: str, page_path: str) -> Markup:
    if theme_id not in THEMES_WITH_MAP:
        return Markup("")
    return partner_map(kb, kb.theme_records[theme_id], page_path, "Bản đồ các nước trong chủ đề")


def map_globals(kb: KnowledgeBase) -> dict[str, Any]:
    """The templates' entry points: `partner_map(entries, heading)`, `theme_map(theme)` and
    `locator(entity entry)`, each drawn for the page being rendered."""

    @pass_context
    def partner_map_of(context: Any, entries: Iterable[RecordEntry], heading: str) -> Markup:
        return partner_map(kb, list(entries), context["page_path"], heading)

    @pass_context
    def theme_map(context: Any, theme: Theme) -> Markup:
        return map_for_theme(kb, theme.id, context["page_path"])

    @pass_context
    def locator(context: Any, entry: EntityEntry) -> Markup:
        return locator_map(entry, context["page_path"])

    return {"partner_map": partner_map_of, "theme_map": theme_map, "locator": locator}
