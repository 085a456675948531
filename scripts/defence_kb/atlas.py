"""The world's outlines for the maps: a vendored Natural Earth file, its projection, and the
marks Viet Nam's maps always carry.

`geography/world.json` holds Natural Earth 4.1.0's small-scale (1:110m) country outlines,
as redistributed by the npm package world-atlas 2.0.2, keyed by ISO 3166-1 alpha-2 code,
in hundredths of a degree; countries too small for that scale are points taken from the
1:50m file. `make geography` regenerates it from the package (`regenerate`); the build
only reads it. No English name is kept: the maps name countries as the records do.

Viet Nam's conventions are data here, not left to the source: the sea east of Viet Nam is
"Biển Đông", the Hoàng Sa and Trường Sa archipelagos are drawn and named as Viet Nam's at
every scale (`ARCHIPELAGOS`), and any outline another feature draws inside them is dropped
when the file is made. Taiwan is drawn as part of China (Viet Nam's one-China policy).
"""

from __future__ import annotations

import json
import math
import tarfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import shapely
from shapely.ops import polylabel

GEOGRAPHY = Path(__file__).parent / "geography"
WORLD_FILE = GEOGRAPHY / "world.json"
PACKAGE = "world-atlas@2.0.2"
PACKAGE_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
NATURAL_EARTH = "4.1.0"
UNITS = 100  # coordinates are stored in hundredths of a degree

# ISO 3166-1 numeric codes drawn as part of another country's outline.
MERGED = {"158": "156"}  # Taiwan: part of China, as Viet Nam's maps draw it


@dataclass(frozen=True)
class Island:
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class Archipelago:
    """An archipelago of Viet Nam: its name on the map, a box around it (outlines of other
    features inside it are dropped) and some of its islands at their real positions."""

    name: str
    label: str
    lon: float
    lat: float
    box: tuple[float, float, float, float]  # west, south, east, north
    islands: tuple[Island, ...]


# Approximate positions of some features of each archipelago (degrees), enough to draw
# them where they are at any scale; the label point is where the name is written.
ARCHIPELAGOS = (
    Archipelago(
        "Quần đảo Hoàng Sa",
        "Quần đảo Hoàng Sa (Việt Nam)",
        112.0,
        16.4,
        (110.9, 15.5, 113.0, 17.3),
        (
            Island("Hoàng Sa", 111.61, 16.53),
            Island("Phú Lâm", 112.33, 16.83),
            Island("Linh Côn", 112.73, 16.67),
            Island("Tri Tôn", 111.20, 15.78),
            Island("Quang Hòa", 111.71, 16.45),
            Island("Cây", 112.26, 16.98),
        ),
    ),
    Archipelago(
        "Quần đảo Trường Sa",
        "Quần đảo Trường Sa (Việt Nam)",
        114.3,
        9.9,
        (111.3, 6.8, 116.6, 11.9),
        (
            Island("Song Tử Tây", 114.33, 11.43),
            Island("Thị Tứ", 114.28, 11.05),
            Island("Loại Ta", 114.42, 10.68),
            Island("Nam Yết", 114.36, 10.18),
            Island("Sinh Tồn", 114.33, 9.88),
            Island("Trường Sa", 111.92, 8.64),
            Island("An Bang", 112.91, 7.87),
            Island("Thuyền Chài", 113.30, 8.13),
            Island("Tiên Nữ", 116.27, 8.85),
            Island("Đá Tây", 112.22, 8.85),
        ),
    ),
)
# Scarborough shoal, which Natural Earth's large scales carry: nothing else is drawn there.
OTHER_DROPPED_BOXES = ((117.6, 14.9, 117.95, 15.3),)
SEA_NAME = "Biển Đông"
SEA_LABEL = (113.6, 13.4)  # lon, lat where the sea's name is written


@dataclass(frozen=True)
class World:
    """The vendored outlines: ISO alpha-2 code → rings, unattributed land, small countries."""

    countries: dict[str, tuple[tuple[tuple[float, float], ...], ...]]
    land: tuple[tuple[tuple[float, float], ...], ...]
    points: dict[str, tuple[float, float]]  # countries too small for the outlines

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self.countries) | frozenset(self.points)


def _decode_ring(numbers: list[int]) -> tuple[tuple[float, float], ...]:
    points = []
    x = y = 0
    for index in range(0, len(numbers), 2):
        x += numbers[index]
        y += numbers[index + 1]
        points.append((x / UNITS, y / UNITS))
    return tuple(points)


@cache
def load_world(path: Path = WORLD_FILE) -> World:
    """The vendored file, read once per process."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return World(
        countries={code: tuple(map(_decode_ring, rings)) for code, rings in data["countries"].items()},
        land=tuple(map(_decode_ring, data["land"])),
        points={code: (x / UNITS, y / UNITS) for code, (x, y) in data["points"].items()},
    )


def known_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes the maps can place."""
    return load_world().codes


# ------------------------------------------------------------------------- projection

# Equal Earth (Šavrič, Patterson, Jenny 2018): equal-area, with straight parallels.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Projected (x, y) of a point, y downwards as in SVG, in units of the Earth's radius."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, -y


@dataclass(frozen=True)
class ProjectedWorld:
    countries: dict[str, tuple[tuple[tuple[float, float], ...], ...]]
    land: tuple[tuple[tuple[float, float], ...], ...]
    points: dict[str, tuple[float, float]]
    label_points: dict[str, tuple[float, float]]  # where a country's mark goes
    # The bounding box of each ring (min x, min y, max x, max y), in the same order.
    country_boxes: dict[str, tuple[tuple[float, float, float, float], ...]]
    land_boxes: tuple[tuple[float, float, float, float], ...]


def _box(ring: tuple[tuple[float, float], ...]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return (min(xs), min(ys), max(xs), max(ys))


@cache
def projected_world() -> ProjectedWorld:
    """Every outline projected once per process (the maps of every page share them)."""
    world = load_world()

    def ring(points: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
        return tuple(equal_earth(lon, lat) for lon, lat in points)

    countries = {code: tuple(map(ring, rings)) for code, rings in world.countries.items()}
    points = {code: equal_earth(*point) for code, point in world.points.items()}
    labels = {code: _label_point(rings) for code, rings in countries.items()} | points
    land = tuple(map(ring, world.land))
    boxes = {code: tuple(map(_box, rings)) for code, rings in countries.items()}
    return ProjectedWorld(countries, land, points, labels, boxes, tuple(map(_box, land)))


def ring_area(ring: tuple[tuple[float, float], ...]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _label_point(rings: tuple[tuple[tuple[float, float], ...], ...]) -> tuple[float, float]:
    """The pole of inaccessibility of the largest polygon (Mapbox's polylabel, in Shapely):
    the point of a country's main landmass farthest from its edges, so that its mark and
    name sit inside it (a centroid of an S-shaped country such as Viet Nam falls outside)."""
    return polygon_label_point(main_polygon(rings))


def main_polygon(rings: tuple[tuple[tuple[float, float], ...], ...]) -> shapely.Polygon:
    """The largest ring of a country, with the rings inside it as its holes."""
    largest = max(rings, key=lambda r: abs(ring_area(r)))
    shell = shapely.Polygon(largest)
    holes = [r for r in rings if r is not largest and len(r) > 2 and shell.contains(shapely.Polygon(r))]
    polygon = shapely.Polygon(largest, holes)
    if not polygon.is_valid:
        parts = shapely.make_valid(polygon)
        polygon = max(getattr(parts, "geoms", [parts]), key=lambda part: part.area)
    return polygon


def polygon_label_point(polygon: shapely.Polygon) -> tuple[float, float]:
    x0, y0, x1, y1 = polygon.bounds
    point = polylabel(polygon, tolerance=max(x1 - x0, y1 - y0) / 500)
    return point.x, point.y


def country_shape(code: str) -> shapely.MultiPolygon | shapely.Polygon | None:
    """A country's outlines, projected, as one geometry (to test what lies inside it)."""
    rings = projected_world().countries.get(code)
    if not rings:
        return None
    ordered = sorted(rings, key=lambda r: -abs(ring_area(r)))
    polygons: list[shapely.Polygon] = []
    for ring in ordered:
        if len(ring) < 3:
            continue
        shape = shapely.make_valid(shapely.Polygon(ring))
        owner = next((p for p in polygons if p.contains(shape)), None)
        if owner is None:
            polygons.append(shape)
        else:  # a hole (a lake, an enclave of another country)
            polygons[polygons.index(owner)] = owner.difference(shape)
    return shapely.make_valid(shapely.union_all(polygons))


# ----------------------------------------------------------------------- regeneration


def _topojson_rings(topology: dict[str, Any]) -> list[tuple[str | None, list[list[tuple[float, float]]]]]:
    """(ISO numeric code or None, polygons' outer and inner rings) of each country."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], []
        )
        features.append((geometry.get("id"), [ring(r) for polygon in polygons for r in polygon]))
    return features


def _split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring crossing the 180th meridian (Fiji, Chukotka) as its two halves.

    Natural Earth's rings jump from 179.9° to -179.9°: unwrapped to continuous longitudes,
    the ring is clamped to [-180, 180] and, shifted by 360°, clamped again; clamping a
    polygon to a half-plane leaves exactly its part on that side (the rest collapses onto
    the meridian)."""
    unwrapped = [ring[0]]
    for x, y in ring[1:]:
        previous = unwrapped[-1][0]
        while x - previous > 180:
            x -= 360
        while previous - x > 180:
            x += 360
        unwrapped.append((x, y))
    low, high = min(x for x, _ in unwrapped), max(x for x, _ in unwrapped)
    if low >= -180 and high <= 180:
        return [ring]
    shift = 360 if low < -180 else -360

    def clamp(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(min(180.0, max(-180.0, x)), y) for x, y in points]

    halves = [clamp(unwrapped), clamp([(x + shift, y) for x, y in unwrapped])]
    return [half for half in halves if len({x for x, _ in half}) > 1]


def _inside(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    return all(west <= x <= east and south <= y <= north for x, y in ring)


def _encode(ring: list[tuple[float, float]]) -> list[int]:
    numbers: list[int] = []
    last = (0, 0)
    for x, y in ring:
        point = (round(x * UNITS), round(y * UNITS))
        if numbers and point == last:
            continue
        numbers += [point[0] - last[0], point[1] - last[1]]
        last = point
    return numbers


def regenerate(package: Path, out: Path = WORLD_FILE) -> dict[str, int]:
    """Write the vendored file from world-atlas's npm tarball (`npm pack world-atlas@2.0.2`).

    Keeps each country's rings under its ISO alpha-2 code (pycountry maps the numeric
    codes), unattributed land (features without a code), and a point for each country
    the 1:50m file has and the 1:110m file lacks; drops every ring lying in the boxes of
    Viet Nam's archipelagos and Scarborough shoal. Returns counts for the log.
    """
    import hashlib

    import pycountry

    digest = hashlib.sha256(package.read_bytes()).hexdigest()
    if digest != PACKAGE_SHA256:
        raise ValueError(f"{package} is not {PACKAGE} (sha256 {digest})")
    with tarfile.open(package) as archive:

        def topology(name: str) -> dict[str, Any]:
            member = archive.extractfile(f"package/{name}")
            assert member is not None
            return json.load(member)

        small, medium = topology("countries-110m.json"), topology("countries-50m.json")

    def alpha2(numeric: str) -> str:
        country = pycountry.countries.get(numeric=numeric)
        if country is None:
            raise ValueError(f"ISO 3166-1 numeric {numeric} unknown to pycountry")
        return country.alpha_2

    dropped_boxes = [a.box for a in ARCHIPELAGOS] + list(OTHER_DROPPED_BOXES)
    countries: dict[str, list[list[int]]] = {}
    land: list[list[int]] = []
    dropped = 0
    for numeric, rings in _topojson_rings(small):
        rings = [half for ring in rings for half in _split_at_antimeridian(ring)]
        kept = [r for r in rings if not any(_inside(r, box) for box in dropped_boxes)]
        dropped += len(rings) - len(kept)
        encoded = [_encode(r) for r in kept]
        if numeric is None:
            land += encoded
        else:
            countries.setdefault(alpha2(MERGED.get(numeric, numeric)), []).extend(encoded)
    points: dict[str, list[int]] = {}
    for numeric, rings in _topojson_rings(medium):
        if numeric is None or not rings:
            continue
        code = alpha2(MERGED.get(numeric, numeric))
        rings = [r for r in rings if not any(_inside(r, box) for box in dropped_boxes)]
        if code in countries or not rings:
            continue
        lon, lat = _label_point([tuple(r) for r in rings])  # type: ignore[arg-type]
        points[code] = [round(lon * UNITS), round(lat * UNITS)]
    data = {
        "source": f"Natural Earth {NATURAL_EARTH} (public domain), 1:110m and 1:50m admin 0 countries, "
        f"via npm {PACKAGE} (ISC); see README.md",
        "units": "hundredths of a degree; rings delta-encoded [x0, y0, dx1, dy1, ...]",
        "countries": dict(sorted(countries.items())),
        "land": land,
        "points": dict(sorted(points.items())),
    }
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    load_world.cache_clear()
    projected_world.cache_clear()
    return {"countries": len(countries), "points": len(points), "land": len(land), "dropped": dropped}
