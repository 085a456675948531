"""The outlines a view draws: each country's rings and the unattributed land, clipped to the
view, in its units, simplified to what it can show, as SVG path data; and the countries as
geometries in the view's units, to place names on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import shapely
from shapely import affinity

from ... import atlas
from .views import View


@cache
def outlines(view: View) -> tuple[dict[str, str], str]:
    """{ISO code: path data} and the path of unattributed land, in the view's units (built
    once per view and process: every page showing the view shares them)."""
    world = atlas.projected_world()
    frame = view.frame
    countries = {}
    for code, rings in world.countries.items():
        data = _path_data(view, rings, world.country_boxes[code], frame)
        if data:
            countries[code] = data
    return countries, _path_data(view, world.land, world.land_boxes, frame)


def _path_data(view: View, rings: Iterable[tuple], boxes: Iterable[tuple], frame: tuple) -> str:
    parts = []
    x0, y0, x1, y1 = frame
    for ring, (left, top, right, bottom) in zip(rings, boxes, strict=True):
        if right < x0 or left > x1 or bottom < y0 or top > y1:
            continue  # wholly outside the view
        inside = x0 <= left and right <= x1 and y0 <= top and bottom <= y1
        clipped = ring if inside else _clip(ring, frame)
        if len(clipped) < 3:
            continue
        points = _simplified(view, clipped)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if len(points) < 3 or max(xs) - min(xs) + max(ys) - min(ys) < view.detail * 2:
            continue  # an islet smaller than the map can show
        x, y = points[0]
        relative = [f"{qx - px} {qy - py}" for (px, py), (qx, qy) in pairwise(points)]
        parts.append(f"M{x} {y}" + "l" + " ".join(relative) + "z")
    return "".join(parts).replace(" -", "-")


def _simplified(view: View, ring: Iterable[tuple[float, float]]) -> list[tuple[int, int]]:
    """A ring in whole units of the view, without the points closer than `detail` units to
    the last one kept (they add nothing visible)."""
    points: list[tuple[int, int]] = []
    for point in ring:
        x, y = view.place(point)
        rounded = (round(x), round(y))
        if not points or abs(rounded[0] - points[-1][0]) + abs(rounded[1] - points[-1][1]) >= view.detail:
            points.append(rounded)
    return points


def _clip(ring: tuple[tuple[float, float], ...], frame: tuple) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a ring inside the view's rectangle (a little beyond)."""
    x0, y0, x1, y1 = frame
    pad = (x1 - x0) * 0.02
    edges = (
        (lambda p: p[0] >= x0 - pad, lambda a, b: _cross_x(a, b, x0 - pad)),
        (lambda p: p[0] <= x1 + pad, lambda a, b: _cross_x(a, b, x1 + pad)),
        (lambda p: p[1] >= y0 - pad, lambda a, b: _cross_y(a, b, y0 - pad)),
        (lambda p: p[1] <= y1 + pad, lambda a, b: _cross_y(a, b, y1 + pad)),
    )
    points = list(ring)
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _cross_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


@dataclass(frozen=True)
class Shapes:
    """The countries' outlines as geometries in a view's units, to ask what a name covers."""

    codes: list[str]
    tree: shapely.STRtree

    def of(self, code: str) -> shapely.Geometry | None:
        return self.tree.geometries[self.codes.index(code)] if code in self.codes else None

    def rank(self, code: str, box: tuple[float, float, float, float], marked: frozenset[str]) -> float:
        """How badly a name in `box` sits for the country `code`: -1 inside it, else the
        area it covers of other countries, ten times over those `marked` on the map (a name
        over a country with its own mark reads as that country's)."""
        area = shapely.box(*box)
        own = self.of(code)
        if own is not None and own.contains(area):
            return -1.0
        covered = [i for i in self.tree.query(area, predicate="intersects") if self.codes[i] != code]
        return sum(
            shapely.clip_by_rect(self.tree.geometries[i], *box).area * (10 if self.codes[i] in marked else 1)
            for i in covered
        )

    def cover(self, box: tuple[float, float, float, float], marked: frozenset[str]) -> float:
        """The land `box` covers, ten times over the countries `marked` on the map."""
        area = shapely.box(*box)
        return sum(
            shapely.clip_by_rect(self.tree.geometries[i], *box).area * (10 if self.codes[i] in marked else 1)
            for i in self.tree.query(area, predicate="intersects")
        )


@cache
def country_shapes(view: View) -> Shapes:
    x0, y0, _, _ = view.frame
    s = view.scale
    codes, geometries = [], []
    for code in atlas.projected_world().countries:
        shape = atlas.country_shape(code)
        if shape is not None:
            codes.append(code)
            geometries.append(affinity.affine_transform(shape, [s, 0, 0, s, -x0 * s, -y0 * s]))
    return Shapes(codes, shapely.STRtree(geometries))
