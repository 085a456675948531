"""The rectangles of the world a map shows (views), in degrees and in the view's units, and
where an entity is, to frame a view around it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ... import atlas
from ...schema import Entity


@dataclass(frozen=True)
class View:
    """A rectangle of the world in degrees, drawn `width` units wide."""

    name: str
    west: float
    south: float
    east: float
    north: float
    width: int
    font: float  # label size, in the view's units
    detail: int = 2  # the smallest step an outline takes, in the view's units
    # A mark's half-width, in label sizes: smaller on the world, where most countries with
    # records are a few glyphs wide and a larger row would fit inside few of them.
    glyph_scale: float = 0.42

    @property
    def glyph(self) -> float:
        """A glyph's half-width, in the view's units, as the template draws it."""
        return round(self.font * self.glyph_scale, 1)

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The projected rectangle: min x, min y, max x, max y."""
        return _frame(self.west, self.south, self.east, self.north)

    @property
    def scale(self) -> float:
        x0, _, x1, _ = self.frame
        return self.width / (x1 - x0)

    @property
    def height(self) -> int:
        _, y0, _, y1 = self.frame
        return round((y1 - y0) * self.scale)

    def place(self, point: tuple[float, float]) -> tuple[float, float]:
        x0, y0, _, _ = self.frame
        return ((point[0] - x0) * self.scale, (point[1] - y0) * self.scale)

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    @property
    def small_scale(self) -> bool:
        """A view of a large part of the world (more than 0.2° a unit: the world, a region
        from Africa to Viet Nam), where a two-line name is larger than what it names."""
        return (self.east - self.west) / self.width > 0.2

    def shows(self, x: float, y: float) -> bool:
        """Whether a point in the view's units is on the picture."""
        return 0 <= x <= self.width and 0 <= y <= self.height


@cache
def _frame(west: float, south: float, east: float, north: float) -> tuple[float, float, float, float]:
    steps = 12
    points = [
        atlas.equal_earth(west + (east - west) * i / steps, south + (north - south) * j / steps)
        for i in range(steps + 1)
        for j in range(steps + 1)
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if west <= 0 <= east:  # the outermost meridians bulge at the equator
        xs += [atlas.equal_earth(west, 0)[0], atlas.equal_earth(east, 0)[0]]
    return min(xs), min(ys), max(xs), max(ys)


WORLD = View("world", -180, -57, 180, 84, 1000, 15, detail=3, glyph_scale=0.34)
BIEN_DONG = View("bien-dong", 99, 4.5, 123, 24, 440, 17)
MIN_SPAN = (26.0, 18.0)  # degrees: the smallest region a locator or inset shows
POINT_SPAN = (50.0, 34.0)  # around a point (an area, a small country): enough to recognise


def region_around(
    name: str, lon0: float, lat0: float, lon1: float, lat1: float, min_span: tuple[float, float] = MIN_SPAN
) -> View:
    """A view framing a box of degrees with a margin, at least `min_span` wide and high."""
    span_lon = max(min_span[0], (lon1 - lon0) * 1.4)
    span_lat = max(min_span[1], (lat1 - lat0) * 1.4, span_lon * 0.62)
    span_lon = max(span_lon, span_lat / 0.9)
    mid_lon, mid_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    west = max(-180.0, mid_lon - span_lon / 2)
    east = min(180.0, mid_lon + span_lon / 2)
    south = max(-85.0, mid_lat - span_lat / 2)
    north = min(85.0, mid_lat + span_lat / 2)
    # A region across continents (Africa to Viet Nam) needs no more detail than the world.
    detail = 5 if east - west > 60 else 3
    return View(name, round(west, 1), round(south, 1), round(east, 1), round(north, 1), 440, 17, detail)


@cache
def locator_view(extent: tuple[float, float, float, float]) -> View:
    """The region around a place (a point: wider, to be recognised) or a landmass."""
    west, south, east, north = extent
    span = POINT_SPAN if (west, south) == (east, north) else MIN_SPAN
    return region_around(f"locator-{west}-{south}-{east}-{north}", west, south, east, north, span)


def extent(entity: Entity) -> tuple[float, float, float, float] | None:
    """Where an entity is, in degrees (west, south, east, north): its point (an area, a
    country too small for the outlines), or the box of its country's main landmass."""
    world = atlas.load_world()
    if entity.coordinates:
        lon, lat = entity.coordinates.lon, entity.coordinates.lat
        return (lon, lat, lon, lat)
    if entity.iso_code in world.points:
        lon, lat = world.points[entity.iso_code]
        return (lon, lat, lon, lat)
    rings = world.countries.get(entity.iso_code or "")
    if not rings:
        return None
    largest = max(rings, key=lambda ring: abs(atlas.ring_area(ring)))
    lons, lats = [p[0] for p in largest], [p[1] for p in largest]
    return (min(lons), min(lats), max(lons), max(lats))
