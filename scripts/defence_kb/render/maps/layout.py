"""What one view of a map draws and where: the outlines by what they stand for, Viet Nam's
names (the sea, the archipelagos), each country's marks and name, each deployment's pin.

Names are placed in order of importance, each clear of the marks and of the names placed
before it: on a view of deployments, their places' names; Viet Nam's name and its own names
of the sea and the archipelagos (always written); then the other countries' names, most
records first, so that the busiest countries keep their names."""

from __future__ import annotations

from typing import Any

from ... import atlas
from ..paths import picture_href
from .counting import HOME_CODE, CountryCount, Deployment
from .labels import Labels
from .outlines import Shapes, country_shapes, outlines
from .views import View


def panel(
    view: View,
    counts: list[CountryCount],
    places: list[Deployment],
    page_path: str,
    highlight: str | None = None,
    caption: str = "",
) -> dict[str, Any]:
    """What the SVG template draws for one view: the countries of `counts` shaded, and
    either their marks (by kind of record) or, given `places`, the deployments' pins."""
    paths, land = outlines(view)
    by_code = {c.code: c for c in counts if c.code}
    labels = Labels(view)
    glyph = view.font * 0.42
    shapes = country_shapes(view)
    marks = [] if places else _country_marks(view, counts, labels, glyph)
    # A view of deployments is about them: their names first, Viet Nam's around them.
    deploy_marks = _deployment_marks(view, places, labels, glyph, page_path, shapes)
    marked = frozenset(mark["count"].code for mark in marks)
    # Viet Nam's name before the sea's, which finds room around it; the others' after.
    _name_marks([m for m in marks if m["home"]], labels, glyph, page_path, shapes, marked)
    dots, texts = _viet_nams_names(view, labels)
    _name_marks([m for m in marks if not m["home"]], labels, glyph, page_path, shapes, marked)
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
    if not view.small_scale:  # else the islands' titles name them, and the larger views
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
    size = view.font
    w, h = len(atlas.SEA_NAME) * size * 0.52, size * 1.2
    candidates = [(x, y + dy * size, "middle") for dy in (0, 1.2, -1.2, 2.4, -2.4)]
    placed = labels.place_block(candidates, w, h, size)
    return {"lines": [atlas.SEA_NAME], "x": placed[0], "y": placed[1], "anchor": "middle", "class": "sea"}


def _country_marks(view: View, counts: list[CountryCount], labels: Labels, glyph: float) -> list[dict]:
    """A glyph for each kind of record a country has, side by side at its point (inside the
    country: atlas's label points), each mark's room reserved before any name is placed."""
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
        home = count.code == HOME_CODE
        if home:  # one star, not a row of glyphs
            labels.reserve(x - glyph * 1.6, y - glyph * 1.6, glyph * 3.2, glyph * 3.2)
        else:
            labels.reserve(start - glyph, y - glyph, len(kinds) * glyph * 2.5, glyph * 2)
        marks.append({"count": count, "glyphs": glyphs, "home": home, "x": x, "y": y})
    return marks


def _name_marks(
    marks: list[dict], labels: Labels, glyph: float, page_path: str, shapes: Shapes, marked: frozenset[str]
) -> None:
    """Each country's name beside its marks where there is room, most records first: inside
    the country if it fits, else over the sea rather than over a neighbour."""
    for mark in marks:
        count = mark["count"]
        # Beside the row of glyphs (Viet Nam's one star), above or below a glyph's height.
        gap = glyph * 2.6 if mark["home"] else glyph * 1.6 + len(mark["glyphs"]) * glyph
        mark["label"] = labels.place(
            count.entry.entity.name,
            mark["x"],
            mark["y"],
            gap,
            lambda box, c=count.code: shapes.rank(c, box, marked),
            gap_y=glyph * 2.2,
        )
        mark["href"] = picture_href(page_path, count.entry)
        mark["title"] = count.title


def _deployment_marks(
    view: View, places: list[Deployment], labels: Labels, glyph: float, page_path: str, shapes: Shapes
) -> list[dict]:
    """A pin at each deployment's place (inside its country: atlas's label points), styled
    by whether Viet Nam has sent its people there, and the place's name beside it."""
    pins = []
    for deployment in places:
        point = deployment.point
        if point is None:
            continue
        x, y = view.place(point)
        if not view.shows(x, y):
            continue
        pins.append(
            {
                "deployment": deployment,
                "style": deployment.style,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(glyph * 1.5, 1),
                "href": picture_href(page_path, deployment.entry),
                "title": deployment.title,
            }
        )
        labels.reserve(x - glyph * 1.5, y - glyph * 1.5, glyph * 3, glyph * 3)
    marked = frozenset(pin["deployment"].entry.entity.iso_code or "" for pin in pins)
    for pin in pins:
        code = pin["deployment"].entry.entity.iso_code or ""
        name = pin["deployment"].entry.entity.name
        pin["label"] = labels.place(
            name, pin["x"], pin["y"], glyph * 2, lambda box, c=code: shapes.rank(c, box, marked)
        )
    return pins
