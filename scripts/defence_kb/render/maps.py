"""Maps of partners and deployments: inline SVG drawn from the knowledge base at build time.

What a map shows is decided here, the layout is in templates/pictures/ (rendered with an
autoescaping environment), and where things are comes from `atlas` (outlines projected
once per process; each view's paths are built once per process and shared by every page).

Counting. A country *appears* in a record when the record names the country entity itself
in a role other than `mentioned` (parties, hosts, host country, participants…): its entity
roles, as on the entity page's "Tham gia" list. People and organisations of a country do not
count for it. A country's shade is its number of such records; its marks say how many are
agreements (thỏa thuận, văn kiện), events (sự kiện: exchanges, visits, meetings) and missions
(phái bộ: deployments and support). Viet Nam, in every record, is drawn as home, not shaded.

Deployments. The places where Viet Nam's forces or personnel serve, served or are to serve in
a mission (peacekeeping, training) are the `place` (an area such as Abyei) or else the
`host_country` of every mission record whose unit is not a rescue force (rescue and relief
are support: a mission mark of the country).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

from .. import atlas
from ..model import EntityEntry, KnowledgeBase, RecordEntry
from ..schema import Agreement, Entity, EntityKind, Event, Mission, Theme, UnitType
from ..text import vietnamese_sort_key
from .paths import page_url
from .pictures import render_picture

HOME_CODE = "VN"
# Themes whose page opens with a map of their records (ids in data/themes.yml).
THEMES_WITH_MAP = ("gin-giu-hoa-binh-lhq", "quan-he-quoc-phong-song-phuong-da-phuong")
# (key, record type, label): the kinds a country's marks distinguish.
KINDS = (
    ("agreements", Agreement, "thỏa thuận, văn kiện"),
    ("events", Event, "sự kiện, giao lưu"),
    ("missions", Mission, "phái bộ, hỗ trợ"),
)
# Lower bounds of the shades: 1, 2–3, 4–7, 8 records or more.
SHADES = (1, 2, 4, 8)
NOT_DEPLOYMENTS = (UnitType.rescue_force,)


# ---------------------------------------------------------------------------- counting


@dataclass
class CountryCount:
    entry: EntityEntry
    records: list[RecordEntry] = field(default_factory=list)

    def of_kind(self, key: str) -> int:
        record_type = next(t for k, t, _ in KINDS if k == key)
        return sum(1 for r in self.records if isinstance(r.record, record_type))

    @property
    def code(self) -> str:
        return self.entry.entity.iso_code or ""

    @property
    def shade(self) -> int:
        return sum(1 for bound in SHADES if len(self.records) >= bound)

    @property
    def kinds(self) -> list[tuple[str, str, int]]:
        return [(key, label, self.of_kind(key)) for key, _, label in KINDS]


@dataclass
class Deployment:
    """A place with the missions of Viet Nam's forces there."""

    entry: EntityEntry
    missions: list[RecordEntry]

    @property
    def point(self) -> tuple[float, float] | None:
        entity = self.entry.entity
        if entity.coordinates:
            return atlas.equal_earth(entity.coordinates.lon, entity.coordinates.lat)
        return atlas.projected_world().label_points.get(entity.iso_code or "")


def country_counts(kb: KnowledgeBase, entries: Iterable[RecordEntry]) -> list[CountryCount]:
    """The countries taking part in `entries`, most records first, Viet Nam included."""
    counts: dict[str, CountryCount] = {}
    for entry in entries:
        for entity_id, role in entry.record.entity_roles():
            entity = kb.entities[entity_id]
            if role != "mentioned" and entity.entity.kind is EntityKind.country:
                counts.setdefault(entity_id, CountryCount(entity)).records.append(entry)
    return sorted(counts.values(), key=lambda c: (-len(c.records), vietnamese_sort_key(c.entry.entity.name)))


def deployments(kb: KnowledgeBase, entries: Iterable[RecordEntry]) -> list[Deployment]:
    places: dict[str, list[RecordEntry]] = {}
    for entry in entries:
        record = entry.record
        if isinstance(record, Mission) and record.unit_type not in NOT_DEPLOYMENTS:
            place = record.place or record.host_country
            if place:
                places.setdefault(place, []).append(entry)
    return sorted(
        (Deployment(kb.entities[place], missions) for place, missions in places.items()),
        key=lambda d: vietnamese_sort_key(d.entry.entity.name),
    )


# ------------------------------------------------------------------------------- views


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


WORLD = View("world", -180, -57, 180, 84, 1000, 15, detail=3)
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
    return View(name, round(west, 1), round(south, 1), round(east, 1), round(north, 1), 440, 17, detail=3)


@cache
def _paths(view: View) -> tuple[dict[str, str], str]:
    """{ISO code: path data} and the path of unattributed land, in the view's units."""
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
        points: list[tuple[int, int]] = []
        for point in clipped:
            x, y = view.place(point)
            rounded = (round(x), round(y))
            # Points closer than `detail` units to the last one add nothing visible.
            if not points or abs(rounded[0] - points[-1][0]) + abs(rounded[1] - points[-1][1]) >= view.detail:
                points.append(rounded)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if len(points) < 3 or max(xs) - min(xs) + max(ys) - min(ys) < view.detail * 2:
            continue  # an islet smaller than the map can show
        x, y = points[0]
        steps = [f"M{x} {y}"]
        relative = []
        for (px, py), (qx, qy) in pairwise(points):
            relative.append(f"{qx - px} {qy - py}")
        steps.append("l" + " ".join(relative) + "z")
        parts.append("".join(steps))
    return "".join(parts).replace(" -", "-")


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


# ------------------------------------------------------------------------------ labels


@dataclass
class _Labels:
    """Labels placed so that none overlaps another (a label that cannot be placed is left
    out: the mark keeps its title and the table below the map its line)."""

    view: View
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)

    def reserve(self, x: float, y: float, w: float, h: float) -> None:
        self.boxes.append((x, y, x + w, y + h))

    def place(self, text: str, x: float, y: float, gap: float) -> tuple[float, float, str] | None:
        size = self.view.font
        w, h = len(text) * size * 0.52, size * 1.1
        for lx, ly, anchor, left in (
            (x + gap, y + h * 0.35, "start", x + gap),
            (x - gap, y + h * 0.35, "end", x - gap - w),
            (x, y - gap - 2, "middle", x - w / 2),
            (x, y + gap + h * 0.8, "middle", x - w / 2),
        ):
            box = (left, ly - h * 0.8, left + w, ly + h * 0.2)
            if box[0] < 0 or box[2] > self.view.width or box[1] < 0 or box[3] > self.view.height:
                continue
            if not any(_overlap(box, other) for other in self.boxes):
                self.boxes.append(box)
                return round(lx, 1), round(ly, 1), anchor
        return None

    def place_block(
        self, candidates: list[tuple[float, float, str]], w: float, h: float, size: float
    ) -> tuple[float, float, str]:
        """The first candidate inside the view and clear of other labels; else the first
        inside the view (Viet Nam's names are always written)."""
        inside = []
        for x, y, anchor in candidates:
            box = _block_box(x, y, anchor, w, h, size)
            if box[0] < 0 or box[2] > self.view.width or box[1] < 0 or box[3] > self.view.height:
                continue
            inside.append((x, y, anchor, box))
            if not any(_overlap(box, other) for other in self.boxes):
                break
        else:
            if not inside:
                x, y, anchor = candidates[0]
                inside.append((x, y, anchor, _block_box(x, y, anchor, w, h, size)))
            inside = inside[:1]
        x, y, anchor, box = inside[-1]
        self.boxes.append(box)
        return round(x, 1), round(y, 1), anchor


def _block_box(x: float, y: float, anchor: str, w: float, h: float, size: float) -> tuple:
    left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    return (left, y - size * 0.85, left + w, y - size * 0.85 + h)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# ------------------------------------------------------------------------------- panels


def _href(target: EntityEntry | RecordEntry, page_path: str) -> str:
    """A link from the page at `page_path` (docs-relative) to the page of `target`, as the
    built site addresses them (raw HTML links are not rewritten by the site engine)."""
    here = page_url(page_path)
    return "../" * here.count("/") + page_url(target)


def _title(count: CountryCount) -> str:
    kinds = ", ".join(f"{number} {label}" for _, label, number in count.kinds)
    return f"{count.entry.entity.name}: {len(count.records)} bản ghi ({kinds})"


def _deployment_title(deployment: Deployment) -> str:
    missions = "; ".join(f"{m.record.title} ({m.record.status.label.lower()})" for m in deployment.missions)
    return f"{deployment.entry.entity.name}: {len(deployment.missions)} phái bộ, lực lượng: {missions}"


def _panel(
    view: View,
    counts: list[CountryCount],
    places: list[Deployment],
    page_path: str,
    highlight: str | None = None,
    caption: str = "",
) -> dict:
    """What the SVG template draws for one view."""
    paths, land = _paths(view)
    world = atlas.projected_world()
    by_code = {c.code: c for c in counts if c.code}
    labels = _Labels(view)
    marks, shapes, texts, dots = [], [], [], []
    glyph = view.font * 0.42

    # Viet Nam's own names first: the sea and the archipelagos are always written.
    archipelagos = []
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
    if view.name != "world":
        size = view.font * 0.9
        for archipelago, xs, ys in archipelagos:
            lines = [archipelago.name, "(Việt Nam)"]
            w, h = len(lines[0]) * size * 0.52, size * 2.3
            middle = (min(xs) + max(xs)) / 2
            # (x of the text, y of its first baseline, anchor, left edge of its box)
            candidates = [
                (max(xs) + size * 0.4, (min(ys) + max(ys)) / 2 - size * 0.2, "start"),
                (middle, max(ys) + size * 1.3, "middle"),
                (middle, min(ys) - h + size * 0.5, "middle"),
                (min(xs) - size * 0.4, (min(ys) + max(ys)) / 2 - size * 0.2, "end"),
            ]
            placed = labels.place_block(candidates, w, h, size)
            texts.append(
                {"lines": lines, "x": placed[0], "y": placed[1], "anchor": placed[2], "class": "island"}
            )
    sea_lon, sea_lat = atlas.SEA_LABEL
    if view.contains(sea_lon, sea_lat) or view.name == "world":
        x, y = view.place(atlas.equal_earth(sea_lon, sea_lat))
        size = view.font * (0.85 if view.name == "world" else 1)
        w, h = len(atlas.SEA_NAME) * size * 0.52, size * 1.2
        candidates = [(x, y + dy * size, "middle") for dy in (0, 1.2, -1.2, 2.4, -2.4)]
        placed = labels.place_block(candidates, w, h, size)
        texts.append(
            {"lines": [atlas.SEA_NAME], "x": placed[0], "y": placed[1], "anchor": "middle", "class": "sea"}
        )

    for code, data in paths.items():
        count = by_code.get(code)
        if count is None or code == HOME_CODE:
            continue
        shapes.append({"d": data, "count": count, "shade": count.shade})
    home = paths.get(HOME_CODE)
    home_count = by_code.get(HOME_CODE)
    # Marks and labels, most records first, so that the busiest countries keep their label.
    frame_points = []
    for count in counts:
        point = world.label_points.get(count.code)
        if point is None:
            continue
        x, y = view.place(point)
        if not (0 <= x <= view.width and 0 <= y <= view.height):
            continue
        frame_points.append((count, x, y))
    for count, x, y in frame_points:
        kinds = [(key, number) for key, _, number in count.kinds if number]
        glyphs = []
        start = x - (len(kinds) - 1) * glyph * 1.25
        for index, (key, _) in enumerate(kinds):
            glyphs.append({"kind": key, "x": round(start + index * glyph * 2.5, 1), "y": round(y, 1)})
        labels.reserve(start - glyph, y - glyph, len(kinds) * glyph * 2.5, glyph * 2)
        marks.append({"count": count, "glyphs": glyphs, "home": count.code == HOME_CODE, "x": x, "y": y})
    for mark in marks:
        gap = glyph * 1.6 + len(mark["glyphs"]) * glyph
        mark["label"] = labels.place(mark["count"].entry.entity.name, mark["x"], mark["y"], gap)
    deploy_marks = []
    for deployment in places:
        point = deployment.point
        if point is None:
            continue
        x, y = view.place(point)
        if not (0 <= x <= view.width and 0 <= y <= view.height):
            continue
        y -= glyph * 2.2  # above the country's marks
        # A country's name is written by its own mark; an area's (Abyei) by this one.
        is_country = deployment.entry.entity.kind is EntityKind.country
        label = None if is_country else labels.place(deployment.entry.entity.name, x, y, glyph * 2)
        deploy_marks.append(
            {
                "deployment": deployment,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(glyph * 1.5, 1),
                "label": label,
                "href": _href(deployment.entry, page_path),
                "title": _deployment_title(deployment),
            }
        )
    return {
        "view": view,
        "caption": caption,
        "land": land,
        "plain": [d for code, d in paths.items() if code not in by_code and code != highlight],
        "shapes": [
            {**shape, "href": _href(shape["count"].entry, page_path), "title": _title(shape["count"])}
            for shape in shapes
            if shape["count"].code != highlight
        ],
        "home": home if highlight is None else None,
        "home_count": home_count,
        "home_href": _href(home_count.entry, page_path) if home_count else "",
        "highlight": paths.get(highlight or "") if highlight else None,
        "marks": [
            {
                **mark,
                "href": _href(mark["count"].entry, page_path),
                "title": _title(mark["count"]),
            }
            for mark in marks
        ],
        "deployments": deploy_marks,
        "texts": texts,
        "dots": dots,
        "glyph": round(glyph, 1),
    }


# --------------------------------------------------------------------------- rendering


def partner_map(kb: KnowledgeBase, entries: list[RecordEntry], page_path: str, heading: str) -> Markup:
    """The map of the countries taking part in `entries` and of the deployment places among
    them: a world view, Viet Nam and Biển Đông, and the deployments' region; legend and table."""
    counts = country_counts(kb, entries)
    places = deployments(kb, entries)
    panels = [_panel(WORLD, counts, places, page_path, caption="Thế giới")]
    panels.append(_panel(BIEN_DONG, counts, places, page_path, caption="Việt Nam và Biển Đông"))
    extents = [box for box in (_extent(d.entry.entity) for d in places) if box]
    if extents:
        west, south = min(b[0] for b in extents), min(b[1] for b in extents)
        east, north = max(b[2] for b in extents), max(b[3] for b in extents)
        region = region_around("deployments", west, south, east, north)
        panels.append(_panel(region, counts, places, page_path, caption="Nơi triển khai lực lượng"))
    rows = [c for c in counts if c.code != HOME_CODE]
    home = next((c for c in counts if c.code == HOME_CODE), None)
    return (
        render_picture(
            "pictures/map.html.j2",
            heading=heading,
            panels=panels,
            rows=[(c, _href(c.entry, page_path)) for c in rows],
            unplaced=[c for c in rows if c.code not in atlas.projected_world().label_points],
            home=home,
            home_href=_href(home.entry, page_path) if home else "",
            places=[
                (d, _href(d.entry, page_path), [(m, _href(m, page_path)) for m in d.missions]) for d in places
            ],
            shades=_shade_legend(),
        )
        + "\n"
    )


def _extent(entity: Entity) -> tuple[float, float, float, float] | None:
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


def _shade_legend() -> list[tuple[int, str]]:
    labels = []
    for index, bound in enumerate(SHADES, 1):
        upper = SHADES[index] - 1 if index < len(SHADES) else None
        text = f"{bound}" if upper == bound else f"{bound}–{upper}" if upper else f"từ {bound}"
        labels.append((index, f"{text} bản ghi"))
    return labels


@cache
def locator_view(extent: tuple[float, float, float, float]) -> View:
    """The region around a place (a point: wider, to be recognised) or a landmass."""
    west, south, east, north = extent
    span = POINT_SPAN if (west, south) == (east, north) else MIN_SPAN
    return region_around(f"locator-{west}-{south}-{east}-{north}", west, south, east, north, span)


def locator_map(entry: EntityEntry, page_path: str) -> Markup:
    """A small map of where a country or an area is, or nothing if it cannot be placed."""
    entity = entry.entity
    extent = _extent(entity)
    if extent is None:
        return Markup("")
    view = locator_view(extent)
    panel = _panel(view, [], [], page_path, highlight=entity.iso_code)
    point = (
        atlas.equal_earth(entity.coordinates.lon, entity.coordinates.lat)
        if entity.coordinates
        else atlas.projected_world().label_points.get(entity.iso_code or "")
    )
    x, y = view.place(point) if point else (None, None)
    small = entity.iso_code in atlas.load_world().points
    picture = render_picture("pictures/locator.html.j2", entity=entity, panel=panel, x=x, y=y, small=small)
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
