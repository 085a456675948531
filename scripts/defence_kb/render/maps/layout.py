"""What one view of a map draws and where: the outlines by what they stand for, Viet Nam's
names (the sea, the archipelagos), each country's marks and name, each deployment's pin.

Names are placed in order of importance, each clear of those placed before it: Viet Nam's
own names first (always written), then the marks of the countries, most records first, so
that the busiest countries keep their names, then the areas of the deployments."""

from __future__ import annotations

from typing import Any

from ... import atlas
from ...schema import EntityKind
from ..paths import picture_href
from .counting import HOME_CODE, CountryCount, Deployment
from .labels import Labels
from .outlines import outlines
from .views import View


def panel(
    view: View,
    counts: list[CountryCount],
    places: list[Deployment],
    page_path: str,
    highlight: str | None = None,
    caption: str = "",
) -> dict[str, Any]:
    """What the SVG template draws for one view."""
    paths, land = outlines(view)
    by_code = {c.code: c for c in counts if c.code}
    labels = Labels(view)
    glyph = view.font * 0.42
    dots, texts = _viet_nams_names(view, labels)
    marks = _country_marks(view, counts, labels, glyph, page_path)
    deploy_marks = _deployment_marks(view, places, labels, glyph, page_path)
    home_count = by_code.get(HOME_CODE)
    return {
        "view": view,
        "caption": caption,
        "land": land,
        "plain": [d for code, d in paths.items() if code not in by_code and code != highlight],
        "shapes": [
            {
                "d": data,
                "count": by_code[code],
                "shade": by_code[code].shade,
                "href": picture_href(page_path, by_code[code].entry),
                "title": by_code[code].title,
            }
            for code, data in paths.items()
            if code in by_code and code != HOME_CODE and code != highlight
        ],
        "home": paths.get(HOME_CODE) if highlight is None else None,
        "home_count": home_count,
        "home_href": picture_href(page_path, home_count.entry) if home_count else "",
        "highlight": paths.get(highlight or "") if highlight else None,
        "marks": marks,
        "deployments": deploy_marks,
        "texts": texts,
        "dots": dots,
        "glyph": round(glyph, 1),
    }


def _viet_nams_names(view: View, labels: Labels) -> tuple[list[dict], list[dict]]:
    """The archipelagos' islands (dots) and names, and the sea's name: written on every view
    that shows them, before any other name."""
    dots, archipelagos = [], []
    for archipelago in atlas.ARCHIPELAGOS:
        islands = [
            view.place(atlas.equal_earth(island.lon, island.lat))
            for island in archipelago.islands
            if view.contains(island.lon, island.lat) or view.name == "world"
        ]
        if islands:
            dots.append(
                {
                    "name": archipelago.label,
                    "points": [(round(x, 1), round(y, 1)) for x, y in islands],
                    "r": round(max(1.0, view.font * 0.12), 1),
                }
            )
            xs, ys = [p[0] for p in islands], [p[1] for p in islands]
            labels.reserve(min(xs) - 2, min(ys) - 2, max(xs) - min(xs) + 4, max(ys) - min(ys) + 4)
            archipelagos.append((archipelago, xs, ys))
    texts = []
    if view.name != "world":
        texts = [_archipelago_name(view, labels, archipelago, xs, ys) for archipelago, xs, ys in archipelagos]
    sea = _sea_name(view, labels)
    return dots, texts + ([sea] if sea else [])


def _archipelago_name(
    view: View, labels: Labels, archipelago: atlas.Archipelago, xs: list[float], ys: list[float]
) -> dict:
    size = view.font * 0.9
    lines = [archipelago.name, "(Việt Nam)"]
    w, h = len(lines[0]) * size * 0.52, size * 2.3
    middle = (min(xs) + max(xs)) / 2
    # (x of the text, y of its first baseline, anchor)
    candidates = [
        (max(xs) + size * 0.4, (min(ys) + max(ys)) / 2 - size * 0.2, "start"),
        (middle, max(ys) + size * 1.3, "middle"),
        (middle, min(ys) - h + size * 0.5, "middle"),
        (min(xs) - size * 0.4, (min(ys) + max(ys)) / 2 - size * 0.2, "end"),
    ]
    x, y, anchor = labels.place_block(candidates, w, h, size)
    return {"lines": lines, "x": x, "y": y, "anchor": anchor, "class": "island"}


def _sea_name(view: View, labels: Labels) -> dict | None:
    sea_lon, sea_lat = atlas.SEA_LABEL
    if not (view.contains(sea_lon, sea_lat) or view.name == "world"):
        return None
    x, y = view.place(atlas.equal_earth(sea_lon, sea_lat))
    size = view.font * (0.85 if view.name == "world" else 1)
    w, h = len(atlas.SEA_NAME) * size * 0.52, size * 1.2
    candidates = [(x, y + dy * size, "middle") for dy in (0, 1.2, -1.2, 2.4, -2.4)]
    placed = labels.place_block(candidates, w, h, size)
    return {"lines": [atlas.SEA_NAME], "x": placed[0], "y": placed[1], "anchor": "middle", "class": "sea"}


def _country_marks(
    view: View, counts: list[CountryCount], labels: Labels, glyph: float, page_path: str
) -> list[dict]:
    """A glyph for each kind of record a country has, side by side at its point; then its
    name beside them where there is room (every mark is reserved before any name is placed)."""
    world = atlas.projected_world()
    marks = []
    for count in counts:
        point = world.label_points.get(count.code)
        if point is None:
            continue
        x, y = view.place(point)
        if not view.shows(x, y):
            continue
        kinds = [key for key, _, number in count.kinds if number]
        start = x - (len(kinds) - 1) * glyph * 1.25
        glyphs = [
            {"kind": key, "x": round(start + index * glyph * 2.5, 1), "y": round(y, 1)}
            for index, key in enumerate(kinds)
        ]
        labels.reserve(start - glyph, y - glyph, len(kinds) * glyph * 2.5, glyph * 2)
        marks.append({"count": count, "glyphs": glyphs, "home": count.code == HOME_CODE, "x": x, "y": y})
    for mark in marks:
        gap = glyph * 1.6 + len(mark["glyphs"]) * glyph
        mark["label"] = labels.place(mark["count"].entry.entity.name, mark["x"], mark["y"], gap)
        mark["href"] = picture_href(page_path, mark["count"].entry)
        mark["title"] = mark["count"].title
    return marks


def _deployment_marks(
    view: View, places: list[Deployment], labels: Labels, glyph: float, page_path: str
) -> list[dict]:
    """A pin above each deployment's place; an area's name (Abyei) beside it (a country's
    name is written by its own mark)."""
    pins = []
    for deployment in places:
        point = deployment.point
        if point is None:
            continue
        x, y = view.place(point)
        if not view.shows(x, y):
            continue
        y -= glyph * 2.2  # above the country's marks
        is_country = deployment.entry.entity.kind is EntityKind.country
        label = None if is_country else labels.place(deployment.entry.entity.name, x, y, glyph * 2)
        pins.append(
            {
                "deployment": deployment,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(glyph * 1.5, 1),
                "label": label,
                "href": picture_href(page_path, deployment.entry),
                "title": deployment.title,
            }
        )
    return pins
