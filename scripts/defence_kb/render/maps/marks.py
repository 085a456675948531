"""Where a country's marks go on a view: its row of glyphs (one per kind of record; Viet
Nam's one star) inside the country, at its pole of inaccessibility or, if the row does not
fit there, at the place inside it nearest that point where it does; and if it fits nowhere
inside (a country too small at the view's scale, such as Hàn Quốc or Lào on the world view),
as a callout: the row off the country, where it covers least of other countries and is clear
of the marks already placed, with a leader line to a dot at the country's pole of
inaccessibility (inside it). A glyph's footprint here is its bounding box with its halo
(the stroke drawn round it), so that a row judged to fit is inside its country as drawn.

Countries too small for the outlines (atlas's `points`) have no shape to be inside: their
row is centred on their point, as a point country is drawn."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import shapely
from shapely.prepared import prep

from .labels import Box, Labels
from .outlines import Shapes

HALO = 0.6  # half the glyphs' stroke (kb.css: stroke-width 1.2), in the view's units
SPACING = 2.5  # between the centres of two glyphs of a row, in glyphs' half-widths
# Each glyph's extent around its centre in glyphs' half-widths (left, top, right, bottom),
# as templates/pictures/panel.svg.j2 draws it.
EXTENTS: dict[str, Box] = {
    "agreements": (-1.0, -1.0, 1.0, 1.0),
    "events": (-1.1, -1.1, 1.1, 1.1),
    "positions": (-1.2, -0.6, 1.2, 0.6),
    "missions": (-1.2, -1.2, 1.2, 1.0),
    "home": (-1.52, -1.6, 1.52, 1.23),  # Viet Nam's star
    "pin": (-1.55, -1.55, 1.55, 1.55),  # a deployment's (a planned one's stroke is wider)
}
# Callout distances from the country's point, in glyphs' half-widths, and directions.
CALLOUT_DISTANCES = (3.5, 5.0, 7.0, 9.5, 13.0)
CALLOUT_ANGLES = tuple(math.radians(a) for a in range(0, 360, 30))
GRID = 1500  # at most this many places inside a country are tried for a row


@dataclass
class Row:
    """A country's glyphs at (x, y), their row's centre, and where it is anchored: `anchor`
    (the country's point and the dot's radius) only when the row is a callout."""

    kinds: list[str]
    x: float
    y: float
    glyph: float
    anchor: tuple[float, float, float] | None = None

    @property
    def glyphs(self) -> list[dict]:
        start = self.x - (len(self.kinds) - 1) * self.glyph * SPACING / 2
        return [
            {"kind": kind, "x": round(start + index * self.glyph * SPACING, 1), "y": round(self.y, 1)}
            for index, kind in enumerate(self.kinds)
        ]

    @property
    def box(self) -> Box:
        return row_box(self.kinds, self.x, self.y, self.glyph)


def row_box(kinds: list[str], x: float, y: float, glyph: float) -> Box:
    """The box around a row of glyphs centred on (x, y), halos included."""
    start = x - (len(kinds) - 1) * glyph * SPACING / 2
    boxes = [_glyph_box(kind, start + i * glyph * SPACING, y, glyph) for i, kind in enumerate(kinds)]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def row_footprint(kinds: list[str], x: float, y: float, glyph: float) -> shapely.Geometry:
    """The glyphs' boxes with their halos (what must lie inside the country)."""
    start = x - (len(kinds) - 1) * glyph * SPACING / 2
    return shapely.union_all(
        [
            shapely.box(*_glyph_box(kind, start + i * glyph * SPACING, y, glyph))
            for i, kind in enumerate(kinds)
        ]
    )


def _glyph_box(kind: str, x: float, y: float, glyph: float) -> Box:
    left, top, right, bottom = EXTENTS[kind]
    return (
        x + left * glyph - HALO,
        y + top * glyph - HALO,
        x + right * glyph + HALO,
        y + bottom * glyph + HALO,
    )


def inside(shape: shapely.Geometry, kinds: list[str], point: tuple[float, float], glyph: float) -> Row | None:
    """The row at `point` if it fits inside `shape` there, else at the place inside it
    nearest `point` where it fits, or None if it fits nowhere."""
    x, y = round(point[0], 1), round(point[1], 1)  # as drawn
    if shape.contains(row_footprint(kinds, x, y, glyph)):
        return Row(kinds, x, y, glyph)
    left, top, right, bottom = row_box(kinds, 0, 0, glyph)
    x0, y0, x1, y1 = shape.bounds
    # Where the row's centre may go for its box to stay within the country's box.
    x0, x1, y0, y1 = x0 - left, x1 - right, y0 - top, y1 - bottom
    if x0 > x1 or y0 > y1:
        return None
    step = max(glyph * 0.5, math.sqrt((x1 - x0 + 1) * (y1 - y0 + 1) / GRID))
    centres = [
        (round(x0 + i * step, 1), round(y0 + j * step, 1))
        for i in range(int((x1 - x0) / step) + 1)
        for j in range(int((y1 - y0) / step) + 1)
    ]
    prepared = prep(shape)
    for cx, cy in sorted(centres, key=lambda c: (c[0] - x) ** 2 + (c[1] - y) ** 2):
        if prepared.contains(row_footprint(kinds, cx, cy, glyph)):
            return Row(kinds, cx, cy, glyph)
    return None


def callout_point(
    point: tuple[float, float],
    extent: Callable[[float, float], Box],
    glyph: float,
    labels: Labels,
    shapes: Shapes,
    marked: frozenset[str],
) -> tuple[float, float]:
    """Where a callout goes (its leader's far end) around `point`: `extent(x, y)` is the box
    of what it draws there. The first of the nearest places clear of the names and marks
    placed, its leader crossing no other (both then reserved), covering least land (a country with its own
    mark ten times less willingly); if none is clear, the least crowded."""
    x, y = point
    candidates = []
    for order, distance in enumerate(CALLOUT_DISTANCES):
        for angle in CALLOUT_ANGLES:
            cx, cy = x + math.cos(angle) * distance * glyph, y + math.sin(angle) * distance * glyph
            box = extent(cx, cy)
            if not labels.on_picture(box):
                continue
            leader = shapely.LineString([(x, y), (cx, cy)])
            crossed = sum(1 for other in labels.leaders if leader.crosses(shapely.LineString(other)))
            area = (box[2] - box[0]) * (box[3] - box[1])
            # Over land, its own country's too (a row half on its country reads as being
            # in it, half on another as in that one); farther out only if it is clearer.
            rank = shapes.cover(box, marked) + order * area * 2
            candidates.append((labels.crowding(box) + crossed * area, rank, round(cx, 1), round(cy, 1)))
    _, _, cx, cy = min(candidates)
    labels.boxes.append(extent(cx, cy))
    labels.leaders.append(((x, y), (cx, cy)))
    return cx, cy


def dot_radius(shape: shapely.Geometry, point: tuple[float, float], glyph: float) -> float:
    """The callout's dot: a third of a glyph, but inside the country."""
    room = shape.boundary.distance(shapely.Point(*point))
    return round(max(0.5, min(glyph * 0.35, room * 0.8)), 1)
