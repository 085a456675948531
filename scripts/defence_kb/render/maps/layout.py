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
from .labels import Box, Labels
from .marks import Row, callout_point, dot_radius, inside, row_box
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
    glyph = view.glyph
    shapes = country_shapes(view)
    marks = [] if places else _country_marks(view, counts, labels, glyph, shapes)
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


def _viet_nams_room(view: View) -> list[tuple[float, float, float, float]]:
    """The boxes of the archipelagos' islands and of the sea's name at its own place."""
    boxes = []
    for archipelago in atlas.ARCHIPELAGOS:
        islands = [
            view.place(atlas.equal_earth(island.lon, island.lat))
            for island in archipelago.islands
            if view.contains(island.lon, island.lat) or view.name == "world"
        ]
        if islands:
            xs, ys = [p[0] for p in islands], [p[1] for p in islands]
            boxes.append((min(xs) - 2, min(ys) - 2, max(xs) + 2, max(ys) + 2))
    sea_lon, sea_lat = atlas.SEA_LABEL
    if view.contains(sea_lon, sea_lat) or view.name == "world":
        x, y = view.place(atlas.equal_earth(sea_lon, sea_lat))
        w = len(atlas.SEA_NAME) * view.font * 0.52
        boxes.append((x - w / 2, y - view.font * 0.85, x + w / 2, y + view.font * 0.35))
    return boxes


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


def _country_marks(
    view: View, counts: list[CountryCount], labels: Labels, glyph: float, shapes: Shapes
) -> list[dict]:
    """A glyph for each kind of record a country has, side by side inside the country (or a
    callout: `_place_rows`), each mark's room reserved before any name is placed."""
    world = atlas.projected_world()
    marks = []
    for count in counts:
        point = world.label_points.get(count.code)
        if point is None:
            continue
        x, y = view.place(point)
        if not view.shows(x, y):
            continue
        home = count.code == HOME_CODE
        kinds = ["home"] if home else [key for key, _, number in count.kinds if number]
        name = count.entry.entity.name
        marks.append(
            {
                "count": count,
                "home": home,
                "kinds": kinds,
                "point": (x, y),
                "code": count.code,
                "name": name,
                "entity": count.entry.entity,
            }
        )
    _place_rows(view, marks, labels, shapes)
    for mark in marks:
        if mark["home"]:
            mark["glyphs"] = []
    return marks


def _place_rows(view: View, marks: list[dict], labels: Labels, shapes: Shapes) -> None:
    """Each mark's row (its `kinds` at its `point`, of the country `code`) inside its
    country (marks.py), reserved; then the callouts, in the order given (most records first)
    around them, each with its name. Sets each mark's x, y (the row's centre), glyphs, and
    for a callout its anchor (the dot), leader and label."""
    glyph = view.glyph
    callouts = []
    for mark in marks:
        shape = shapes.of(mark["code"])
        x, y = mark["point"]
        if shape is None:  # too small for the outlines (or an area): at its point
            row = Row(mark["kinds"], round(x, 1), round(y, 1), glyph)
        else:
            row = inside(shape, mark["kinds"], (x, y), glyph)
        mark["row"] = row
        if row is None:
            callouts.append(mark)
        else:
            labels.reserve(*_size(row.box))
    marked = frozenset(mark["code"] for mark in marks)
    for mark in callouts:  # their dots first: no row of another country covers them
        x, y = mark["point"]
        labels.reserve(x - glyph * 0.5, y - glyph * 0.5, glyph, glyph)
    # Callouts keep clear of the archipelagos and of the sea's name, written after them.
    kept = len(labels.boxes)
    room = _viet_nams_room(view)
    labels.boxes += room
    for mark in callouts:
        kinds, name, (x, y) = mark["kinds"], mark["name"], mark["point"]

        def extent(cx: float, cy: float, kinds: list[str] = kinds, name: str = name, x: float = x) -> Box:
            return _callout_layout(view, kinds, name, x, cx, cy)[0]

        cx, cy = callout_point((x, y), extent, glyph, labels, shapes, marked)
        mark["label"] = _callout_layout(view, kinds, name, x, cx, cy)[1]
        radius = dot_radius(shapes.of(mark["code"]), (x, y), glyph)
        mark["row"] = Row(kinds, cx, cy, glyph, anchor=(round(x, 1), round(y, 1), radius))
    del labels.boxes[kept : kept + len(room)]
    for mark in marks:
        row = mark.pop("row")
        del mark["point"], mark["kinds"]
        mark.update(x=row.x, y=row.y, glyphs=row.glyphs, anchor=row.anchor)
        mark["leader"] = (row.anchor[0], row.anchor[1], row.x, row.y) if row.anchor else None


def _callout_layout(
    view: View, kinds: list[str], name: str, x: float, cx: float, cy: float
) -> tuple[Box, tuple[float, float, str]]:
    """A callout's row centred on (cx, cy) with the country's name beside it, on the side
    away from the country's point `x`: the box of both and the name's (x, y, anchor)."""
    glyph, size = view.glyph, view.font
    left, top, right, bottom = row_box(kinds, cx, cy, glyph)
    w, h = len(name) * size * 0.52, size * 1.1
    baseline = cy + h * 0.35
    if cx >= x:
        label, box = (right + glyph * 0.6, baseline, "start"), (left, top, right + glyph * 0.6 + w, bottom)
    else:
        label, box = (left - glyph * 0.6, baseline, "end"), (left - glyph * 0.6 - w, top, right, bottom)
    box = (box[0], min(box[1], baseline - h * 0.8), box[2], max(box[3], baseline + h * 0.2))
    return box, (round(label[0], 1), round(label[1], 1), label[2])


def _size(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(x, y, width, height) of a box."""
    return box[0], box[1], box[2] - box[0], box[3] - box[1]


def _name_marks(
    marks: list[dict], labels: Labels, glyph: float, page_path: str, shapes: Shapes, marked: frozenset[str]
) -> None:
    """Each country's name beside its marks where there is room, most records first: inside
    the country if it fits, else over the sea rather than over a neighbour."""
    for mark in marks:
        count = mark["count"]
        mark["href"] = picture_href(page_path, count.entry)
        mark["title"] = count.title
        if mark.get("label"):
            continue  # a callout, named beside its row
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
        if mark["label"] is None:  # no room beside its marks: its name off them, with a leader
            name, size = count.entry.entity.name, labels.view.font
            w, h = len(name) * size * 0.52, size * 1.1

            def extent(cx: float, cy: float, w: float = w, h: float = h) -> Box:
                return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)

            cx, cy = callout_point((mark["x"], mark["y"]), extent, glyph, labels, shapes, marked)
            mark["label"] = (cx, round(cy + h * 0.3, 1), "middle")
            mark["leader"] = (round(mark["x"], 1), round(mark["y"], 1), cx, cy)


def _deployment_marks(
    view: View, places: list[Deployment], labels: Labels, glyph: float, page_path: str, shapes: Shapes
) -> list[dict]:
    """A pin at each deployment's place (inside its country, or a callout: `_place_rows`),
    styled by whether Viet Nam has sent its people there, and the place's name beside it."""
    pins = []
    for deployment in places:
        point = deployment.point
        if point is None:
            continue
        x, y = view.place(point)
        if not view.shows(x, y):
            continue
        entity = deployment.entry.entity
        pins.append(
            {
                "deployment": deployment,
                "style": deployment.style,
                "kinds": ["pin"],
                "point": (x, y),
                # An area (Abyei) is a point of its own, not its country's outline.
                "code": "" if entity.coordinates else entity.iso_code or "",
                "name": entity.name,
                "entity": entity,
                "r": round(glyph * 1.5, 1),
                "href": picture_href(page_path, deployment.entry),
                "title": deployment.title,
            }
        )
    _place_rows(view, pins, labels, shapes)
    marked = frozenset(pin["code"] for pin in pins)
    for pin in pins:
        if pin.get("label"):
            continue  # a callout, named beside its pin
        pin["label"] = labels.place(
            pin["name"], pin["x"], pin["y"], glyph * 2, lambda box, c=pin["code"]: shapes.rank(c, box, marked)
        )
    return pins
