"""The maps of partners and deployments (render/maps.py, atlas.py, templates/pictures/).

Every number drawn is recomputed here from the model, independently of maps.py, and
compared with the SVG's data attributes and titles; every SVG parses as XML; every link
resolves to a built page; Viet Nam's names are there and no other name for them is, in
the built maps or in the vendored outlines. The browser tests look at each picture at
phone and desktop width, in light and dark mode.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import shapely
from shapely import affinity

from defence_kb import atlas
from defence_kb.model import KnowledgeBase, RecordEntry
from defence_kb.render import maps, page_url
from defence_kb.render.paths import TEMPLATES
from defence_kb.schema import (
    RECORD_TYPES,
    Agreement,
    EntityKind,
    Event,
    Mission,
    Position,
    Resolution,
    Status,
)

Site = tuple[KnowledgeBase, Path]

HOME_THEMES = ("gin-giu-hoa-binh-lhq", "quan-he-quoc-phong-song-phuong-da-phuong")
# Other names of the sea and the archipelagos, in any language the site could pick up.
FORBIDDEN = (
    "South China Sea",
    "Spratly",
    "Paracel",
    "Scarborough",
    "Nam Hải",
    "Biển Hoa Nam",
    "Biển Nam Trung Hoa",
    "Tây Sa",
    "Nam Sa",
    "Trung Sa",
    "Nansha",
    "Xisha",
    "Zhongsha",
    "Kalayaan",
    "West Philippine Sea",
    "南海",
    "西沙",
    "南沙",
)
FORBIDDEN_PATTERN = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in FORBIDDEN), re.I)


def _forbidden_in(text: str) -> set[str]:
    return {match.group(0) for match in FORBIDDEN_PATTERN.finditer(text)}


SVG = re.compile(r"<svg class=\"kb-map__panel.*?</svg>", re.S)


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _svgs(html: str) -> list[ET.Element]:
    found = SVG.findall(html)
    return [ET.fromstring(text) for text in found]


def _map_pages(kb: KnowledgeBase) -> dict[str, list[RecordEntry]]:
    """Built URL → the records its map counts."""
    pages = {"": list(kb.records.values())}
    for theme_id in HOME_THEMES:
        pages[page_url(kb.themes[theme_id])] = kb.theme_records[theme_id]
    return pages


# Each record type is one kind of mark: a country's kinds add up to its records.
KIND_TYPES = {
    "agreements": (Agreement,),
    "events": (Event,),
    "missions": (Mission,),
    "positions": (Position, Resolution),
}
assert {t for types in KIND_TYPES.values() for t in types} == set(RECORD_TYPES.values())


def _expected(kb: KnowledgeBase, entries: list[RecordEntry]) -> dict[str, dict[str, int]]:
    """Per country entity: records it takes part in (any role but `mentioned`), by type."""
    counts: dict[str, Counter[str]] = {}
    for entry in entries:
        record = entry.record
        for entity_id, role in record.entity_roles():
            if role == "mentioned" or kb.entities[entity_id].entity.kind is not EntityKind.country:
                continue
            counter = counts.setdefault(entity_id, Counter())
            counter["records"] += 1
            for key, record_types in KIND_TYPES.items():
                counter[key] += isinstance(record, record_types)
    return {
        entity_id: {key: counter[key] for key in ("records", *KIND_TYPES)}
        for entity_id, counter in counts.items()
    }


def _deployment_places(entries: list[RecordEntry]) -> dict[str, int]:
    """Every mission's place (an area) or host country, with its number of missions."""
    places: Counter[str] = Counter()
    for entry in entries:
        record = entry.record
        if isinstance(record, Mission):
            place = record.place or record.host_country
            if place:
                places[place] += 1
    return dict(places)


# ------------------------------------------------------------------ the vendored outlines


def test_the_vendored_outlines_are_small_named_by_code_and_clear_of_the_archipelagos() -> None:
    text = atlas.WORLD_FILE.read_text(encoding="utf-8")
    assert len(text.encode()) < 150_000
    data = json.loads(text)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in [*data["countries"], *data["points"]])
    assert "VN" in data["countries"] and "CN" in data["countries"]
    assert "TW" not in data["countries"]  # drawn as part of China
    world = atlas.load_world()
    boxes = [a.box for a in atlas.ARCHIPELAGOS] + list(atlas.OTHER_DROPPED_BOXES)
    for rings in [*world.countries.values(), world.land]:
        for ring in rings:
            for west, south, east, north in boxes:
                assert not all(west <= x <= east and south <= y <= north for x, y in ring)
    for code, (lon, lat) in world.points.items():
        for west, south, east, north in boxes:
            assert not (west <= lon <= east and south <= lat <= north), code
    for folder in (atlas.GEOGRAPHY, TEMPLATES / "pictures"):
        for path in folder.iterdir():
            content = path.read_text(encoding="utf-8")
            # The README says which features were checked, Scarborough shoal among them.
            allowed = {"Scarborough"} if path.name == "README.md" else set()
            assert _forbidden_in(content) <= allowed, path


def test_outlines_crossing_the_180th_meridian_are_cut_there() -> None:
    world = atlas.load_world()
    for code, rings in world.countries.items():
        for ring in rings:
            assert all(-180 <= x <= 180 for x, _ in ring)
            if code != "AQ":  # Antarctica's ring goes round the pole, along the map's edge
                assert all(abs(b[0] - a[0]) < 180 for a, b in pairwise(ring)), code


def test_every_country_of_the_records_has_an_iso_code_on_the_map(built_site: Site) -> None:
    kb, _ = built_site
    codes = atlas.known_codes()
    for entry in kb.entities.values():
        entity = entry.entity
        if entity.kind is EntityKind.country:
            assert entity.iso_code in codes, entity.id
        if entity.kind is EntityKind.place:
            assert entity.coordinates is not None, entity.id


def test_equal_earth_matches_its_published_values() -> None:
    # Šavrič et al. 2018: the equator spans ±2.7066 R, the poles sit at ±1.3173 R.
    assert atlas.equal_earth(180, 0)[0] == pytest.approx(2.7066, abs=1e-3)
    assert atlas.equal_earth(0, 90)[1] == pytest.approx(-1.3173, abs=1e-3)
    assert atlas.equal_earth(0, 0) == (0.0, -0.0)


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        ("entities/viet-nam.yml", "iso_code: VN", "iso_code: XZ", "không có trong dữ liệu bản đồ"),
        ("entities/viet-nam.yml", "iso_code: VN", "iso_code: vn", "iso_code"),
        (
            "entities/lien-minh-chau-au.yml",
            "kind: organisation",
            "kind: organisation\niso_code: BE",
            "chỉ quốc gia",
        ),
        (
            "entities/viet-nam.yml",
            "iso_code: VN",
            "iso_code: VN\ncoordinates: {lon: 105.8, lat: 21.0}",
            "chỉ khu vực, địa bàn",
        ),
        (
            "missions/quan-nhan-tu-2014.yml",
            "unit_type: mixed",
            "unit_type: mixed\nplace: viet-nam",
            "không phải khu vực",
        ),
    ],
    ids=[
        "unknown code",
        "lower case",
        "code on an organisation",
        "coordinates on a country",
        "place not an area",
    ],
)
def test_map_fields_are_checked(dataset: Any, path: str, old: str, new: str, expected: str) -> None:
    assert dataset.run("validate").code == 0
    dataset.edit(path, old, new)
    outcome = dataset.run("validate")
    assert outcome.code == 1
    assert any(expected in line for line in outcome.lines), "\n".join(outcome.lines)


def test_an_area_with_coordinates_validates(dataset: Any) -> None:
    dataset.write(
        "entities/abyei.yml",
        "id: abyei\nkind: place\nname: Abyei\nnot_in_sources: [coordinates]\ncoordinates:\n  lon: 28.44\n  lat: 9.6\n",
    )
    dataset.edit("missions/quan-nhan-tu-2014.yml", "unit_type: mixed", "unit_type: mixed\nplace: abyei")
    assert dataset.run("validate").code == 0, dataset.run("validate").err


# ----------------------------------------------------------------------- the built maps


def test_map_numbers_are_the_models(built_site: Site) -> None:
    kb, site = built_site
    for url, entries in _map_pages(kb).items():
        expected = _expected(kb, entries)
        svgs = _svgs(_html(site, url))
        assert len(svgs) >= 2, url
        drawn: dict[str, dict[str, int]] = {}
        for svg in svgs:
            for mark in (
                svg.iter("{http://www.w3.org/2000/svg}a") if svg.tag.startswith("{") else svg.iter("a")
            ):
                if "kb-map__mark" not in mark.get("class", ""):
                    continue
                entity_id = mark.get("data-entity")
                numbers = {k: int(mark.get(f"data-{k}")) for k in ("records", *KIND_TYPES)}
                assert numbers == expected[entity_id], (url, entity_id)
                title = mark.find("title").text
                name = kb.entities[entity_id].entity.name
                assert title.startswith(f"{name}: {numbers['records']} bản ghi"), title
                drawn[entity_id] = numbers
        # Every country with a place on the map is drawn in the world view.
        assert set(drawn) == set(expected), url
        # And the table says the same, row by row, Viet Nam in a sentence below it.
        html = _html(site, url)
        table = html[html.index('<table class="kb-map__table">') : html.index("</table>")]
        rows = re.findall(r'<tr data-entity="([^"]+)" data-records="(\d+)"', table)
        assert {entity_id: int(n) for entity_id, n in rows} == {
            entity_id: numbers["records"]
            for entity_id, numbers in expected.items()
            if entity_id != "viet-nam"
        }
        shades = re.findall(
            r'data-entity="([^"]+)" data-records="(\d+)"><path class="kb-map__shade-(\d)"', html
        )
        for entity_id, records, shade in shades:
            assert int(records) == expected[entity_id]["records"]
            assert int(shade) == sum(1 for bound in maps.SHADES if int(records) >= bound)


def test_deployment_places_come_from_the_mission_records(built_site: Site) -> None:
    kb, site = built_site
    home = _html(site, "")
    places = _deployment_places(list(kb.records.values()))
    assert set(places) == {"nam-sudan", "cong-hoa-trung-phi", "abyei", "tho-nhi-ky", "mi-an-ma"}
    drawn = dict(re.findall(r'class="kb-map__deployment" data-entity="([^"]+)" data-missions="(\d+)"', home))
    assert {k: int(v) for k, v in drawn.items()} == places
    listed = dict(re.findall(r'<li data-entity="([^"]+)" data-missions="(\d+)"', home))
    assert {k: int(v) for k, v in listed.items()} == places
    peacekeeping = _html(site, page_url(kb.themes["gin-giu-hoa-binh-lhq"]))
    drawn = set(re.findall(r'class="kb-map__deployment" data-entity="([^"]+)"', peacekeeping))
    assert (
        drawn == set(_deployment_places(kb.theme_records["gin-giu-hoa-binh-lhq"])) == {"nam-sudan", "abyei"}
    )


def _map_urls(kb: KnowledgeBase) -> list[str]:
    countries = [page_url(e) for e in kb.entities.values() if e.entity.iso_code or e.entity.coordinates]
    return [*_map_pages(kb), *countries]


def test_every_svg_parses_and_every_link_in_a_map_resolves(built_site: Site) -> None:
    kb, site = built_site
    checked = 0
    for url in _map_urls(kb):
        html = _html(site, url)
        svgs = SVG.findall(html)
        assert svgs, url
        for text in svgs:
            ET.fromstring(text)  # well-formed XML
        block = (
            html[html.index('<div class="kb-map">') : html.index("</details>")]
            if "kb-map__data" in html
            else ""
        )
        for href in re.findall(r'href="([^"]+)"', "".join(svgs) + block):
            assert not urlsplit(href).scheme and not href.startswith("/"), href
            target = urlsplit(urljoin(f"http://x/{url}", href)).path.lstrip("/")
            assert (site / target / "index.html").is_file(), (url, href)
            checked += 1
    assert checked > 50


def test_viet_nams_names_and_no_other(built_site: Site) -> None:
    kb, site = built_site
    for url in [*_map_pages(kb), page_url(kb.entities["viet-nam"]), page_url(kb.entities["trung-quoc"])]:
        html = _html(site, url)
        maps_text = "".join(SVG.findall(html))
        assert "Biển Đông" in maps_text, url
        assert maps_text.count("Quần đảo Hoàng Sa") >= 1 and maps_text.count("Quần đảo Trường Sa") >= 1, url
        if "kb-map__panel--bien-dong" in html:
            panel = html[html.index("kb-map__panel--bien-dong") :]
            panel = panel[: panel.index("</svg>")]
            assert (
                "<tspan" in panel and "Quần đảo Hoàng Sa</tspan>" in panel and "(Việt Nam)</tspan>" in panel
            )
        assert not _forbidden_in(html), url
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "kb-map__panel" in text:
            assert not _forbidden_in("".join(SVG.findall(text))), path


def test_country_names_are_the_records_names(built_site: Site) -> None:
    kb, site = built_site
    names = {e.entity.name for e in kb.entities.values()}
    english = {e.entity.name_en for e in kb.entities.values() if e.entity.name_en} - names
    home = "".join(SVG.findall(_html(site, "")))
    labels = set(re.findall(r'<text class="kb-map__name"[^>]*>([^<]+)</text>', home))
    assert labels and labels <= names
    for name in english:
        assert f">{name}<" not in home


def test_maps_are_small(built_site: Site) -> None:
    kb, site = built_site
    home = _html(site, "")
    block = home[home.index('<div class="kb-map">') : home.index("</details>")]
    # The world, Biển Đông, and the deployments' region from Africa to Viet Nam.
    assert len(block.encode()) < 75_000
    for entry in kb.entities.values():
        if entry.entity.iso_code or entry.entity.coordinates:
            html = _html(site, page_url(entry))
            (locator,) = SVG.findall(html)
            assert len(locator.encode()) < 20_000, entry.entity.id


def test_a_locator_highlights_its_country(built_site: Site) -> None:
    kb, site = built_site
    for entry in kb.entities.values():
        html = _html(site, page_url(entry))
        if entry.entity.kind is EntityKind.country:
            (svg,) = _svgs(html)
            assert svg.get("role") == "img"
            assert svg.get("aria-label").startswith(f"Vị trí của {entry.entity.name}")
            assert html.count('class="kb-map__highlight"') == 1
            assert f"<figcaption>Vị trí của {entry.entity.name}" in html
        elif entry.entity.kind is EntityKind.place:
            assert 'class="kb-locator__point"' in html
        else:
            assert "kb-locator" not in html


def test_counting_follows_the_records(built_site: Site) -> None:
    """A record added for a country changes its numbers (counts are not hard-coded)."""
    kb, _ = built_site
    counts = {c.entry.entity.id: c for c in maps.country_counts(kb, list(kb.records.values()))}
    france = counts["phap"]
    assert len(france.records) == _expected(kb, list(kb.records.values()))["phap"]["records"]
    only_agreements = [e for e in kb.records.values() if isinstance(e.record, Agreement)]
    counts = {c.entry.entity.id: c for c in maps.country_counts(kb, only_agreements)}
    assert all(c.of_kind("events") == 0 and c.of_kind("missions") == 0 for c in counts.values())


def _in_view(view: maps.View, shape: Any) -> Any:
    """A projected geometry in a view's units."""
    x0, y0, _, _ = view.frame
    s = view.scale
    return affinity.affine_transform(shape, [s, 0, 0, s, -x0 * s, -y0 * s])


def test_every_countrys_label_point_lies_inside_it() -> None:
    """The point each country's mark, name and pin are placed at, for every country of the
    outlines (not only those in the records)."""
    world = atlas.projected_world()
    outside = [
        code
        for code in world.countries
        if not atlas.country_shape(code).contains(shapely.Point(world.label_points[code]))
    ]
    assert not outside


def _all_panels(kb: KnowledgeBase) -> list[tuple[str, dict]]:
    found = []
    for url, entries in _map_pages(kb).items():
        counts = maps.country_counts(kb, entries)
        places = maps.deployments(kb, entries)
        found += [(url, panel) for panel in maps.map_panels(counts, places, "index.md")]
    return found


HALO = 0.6  # half the stroke drawn round a glyph or a pin (kb.css)
DRAWN = ("kb-map__glyph", "kb-map__star", "kb-map__pin")


def _tag(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _elements(root: ET.Element, tag: str, css_class: str) -> list[ET.Element]:
    """The `tag` elements under `root` whose first class is `css_class`."""
    return [e for e in root.iter() if _tag(e) == tag and (e.get("class") or "-").split()[0] == css_class]


def _path_polygon(d: str) -> Any:
    """The polygon of a glyph's or pin's path: an absolute M, then relative l and h steps."""
    tokens = re.findall(r"[A-Za-z]|-?\d*\.?\d+", d)
    points: list[tuple[float, float]] = []
    command, numbers = "", []
    for token in [*tokens, "z"]:
        if not token[-1].isdigit():
            if command == "M":
                points.append((float(numbers[0]), float(numbers[1])))
            elif command == "l":
                for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
                    points.append((points[-1][0] + float(dx), points[-1][1] + float(dy)))
            elif command == "h":
                for dx in numbers:
                    points.append((points[-1][0] + float(dx), points[-1][1]))
            else:
                assert command in ("", "z"), (command, d)
            command, numbers = token, []
        else:
            numbers.append(token)
    return shapely.Polygon(points)


def _drawn(element: ET.Element) -> Any:
    """What a glyph, star, pin or dot covers in its view's units, its halo included."""
    tag = _tag(element)
    if tag == "rect":
        x, y, w, h = (float(element.get(k)) for k in ("x", "y", "width", "height"))
        shape = shapely.box(x, y, x + w, y + h)
    elif tag == "circle":
        shape = shapely.Point(float(element.get("cx")), float(element.get("cy"))).buffer(
            float(element.get("r"))
        )
    else:
        assert tag == "path", tag
        shape = _path_polygon(element.get("d"))
    assert shape.is_valid and shape.area > 0.5, ET.tostring(element)
    return shape.buffer(HALO)


def _marks(svg: ET.Element) -> list[ET.Element]:
    return _elements(svg, "a", "kb-map__mark") + _elements(svg, "a", "kb-map__deployment")


def test_every_glyph_of_every_view_lies_inside_its_own_country_or_is_a_callout(built_site: Site) -> None:
    """Every glyph (a mark's row, Viet Nam's star) and every pin drawn on a map lies inside
    its own country's outline, halo included; or, where the country is too small for them at
    that view's scale (Hàn Quốc, Lào on the world view), they are a callout: a leader line
    from a dot inside the country to the row. Countries too small for the outlines (atlas's
    points) and areas (Abyei) have no outline to be inside: they are drawn at their point."""
    kb, site = built_site
    views = {(url, panel["view"].name): panel["view"] for url, panel in _all_panels(kb)}
    small = atlas.load_world().points
    inside = callouts = 0
    for url in _map_pages(kb):
        for svg in _svgs(_html(site, url)):
            view = views[(url, svg.get("data-view"))]
            leaders = {g.get("data-entity"): g for g in _elements(svg, "g", "kb-map__callout")}
            for mark in _marks(svg):
                entity = kb.entities[mark.get("data-entity")].entity
                glyphs = [e for e in mark if (e.get("class") or "-").split()[0] in DRAWN]
                assert glyphs, (url, view.name, entity.id)
                if entity.kind is not EntityKind.country or entity.iso_code in small:
                    continue
                country = _in_view(view, atlas.country_shape(entity.iso_code))
                row = shapely.union_all([_drawn(e) for e in glyphs])
                leader = leaders.get(entity.id)
                dot = leader.find("{*}circle") if leader is not None else None
                if dot is None:  # no callout: the row is inside its country
                    assert country.contains(row), (url, view.name, entity.id, row.bounds)
                    inside += 1
                    continue
                # A callout: its dot inside the country, its line from the dot to the row.
                assert country.contains(_drawn(dot).buffer(-HALO)), (url, view.name, entity.id)
                line = leader.find("{*}line")
                start = shapely.Point(float(line.get("x1")), float(line.get("y1")))
                end = shapely.Point(float(line.get("x2")), float(line.get("y2")))
                assert start.distance(shapely.Point(float(dot.get("cx")), float(dot.get("cy")))) < 0.2
                assert row.envelope.contains(end), (url, view.name, entity.id)  # amid the row
                callouts += 1
    assert inside > 20 and callouts > 5, (inside, callouts)


def test_every_country_with_records_is_named_on_every_view(built_site: Site) -> None:
    """Each country with a mark on a view, and each deployment's place, has its name written
    there, beside its marks or, where there is no room, at the end of a leader line (Lào on
    the home page's world view had none). On a phone the world view's names give way to the
    list of its countries under it (kb.css), which names every one of them
    (test_on_a_phone_the_world_map_offers_every_country_to_tap)."""
    kb, site = built_site
    named = 0
    for url in _map_pages(kb):
        for svg in _svgs(_html(site, url)):
            for mark in _marks(svg):
                entity = kb.entities[mark.get("data-entity")].entity
                names = [text.text for text in _elements(mark, "text", "kb-map__name")]
                assert names == [entity.name], (url, svg.get("data-view"), entity.id)
                named += 1
    assert named > 40


def _label_box(view: maps.View, text: str, x: float, y: float, anchor: str) -> Any:
    width, height = len(text) * view.font * 0.52, view.font * 1.1
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return shapely.box(left, y - height * 0.8, left + width, y + height * 0.2)


def test_viet_nams_name_is_not_written_over_its_western_neighbours(built_site: Site) -> None:
    """On "Việt Nam và Biển Đông" the name sat over Laos and Thailand (a centroid of an S-shaped
    country falls outside it)."""
    kb, _ = built_site
    written = 0
    for url, panel in _all_panels(kb):
        view = panel["view"]
        for mark in panel["marks"]:
            if mark["count"].code != "VN" or not mark["label"]:
                continue
            box = _label_box(view, "Việt Nam", *mark["label"])
            # The name is wider than northern Viet Nam and may graze China's coast on the
            # east; never the countries west of it, where it misled readers.
            for code in ("LA", "TH", "KH", "MM"):
                other = _in_view(view, atlas.country_shape(code))
                # A corner grazing a border is not a name written over the country.
                assert box.intersection(other).area < box.area * 0.05, (url, view.name, code)
            written += 1
    assert written >= 3


def test_each_marks_tooltip_adds_up_to_its_total(built_site: Site) -> None:
    kb, site = built_site
    checked = 0
    for url in _map_pages(kb):
        for svg in _svgs(_html(site, url)):
            for mark in svg.iter():
                if not mark.tag.endswith("a") or "kb-map__mark" not in mark.get("class", ""):
                    continue
                title = next(child for child in mark if child.tag.endswith("title")).text
                match = re.fullmatch(r"(.+): (\d+) bản ghi \((.+)\)", title)
                assert match, title
                parts = [int(re.match(r"\d+", part).group(0)) for part in match.group(3).split("; ")]
                assert sum(parts) == int(match.group(2)), title
                kinds = sum(int(mark.get(f"data-{key}")) for key in KIND_TYPES)
                assert kinds == int(mark.get("data-records")), title
                checked += 1
    assert checked > 30


SENT = (Status.occurred, Status.ongoing)


def test_every_deployment_is_pinned_by_its_status_and_the_legend_names_what_is_drawn(
    built_site: Site,
) -> None:
    kb, site = built_site
    for url, entries in _map_pages(kb).items():
        missions: dict[str, list[Mission]] = {}
        for entry in entries:
            record = entry.record
            if isinstance(record, Mission) and (record.place or record.host_country):
                missions.setdefault(record.place or record.host_country, []).append(record)
        expected = {
            place: "sent" if any(m.status in SENT for m in found) else "planned"
            for place, found in missions.items()
        }
        html = _html(site, url)
        pins = dict(
            re.findall(
                r'class="kb-map__deployment" data-entity="([^"]+)" data-missions="\d+" data-style="(\w+)"',
                html,
            )
        )
        assert pins == expected, url
        start = html.index('<ul class="kb-map__legend">')
        legend = html[start : html.index("</ul>", start)]
        assert set(re.findall(r'<li data-pin="(\w+)">', legend)) == set(expected.values()), url
        for style in set(expected.values()):
            assert f'class="kb-map__pin kb-map__pin--{style}"' in legend


# --------------------------------------------------------------------------- the browser

PICTURES = {
    "home": ("/", ".kb-map"),
    "peacekeeping": ("/chu-de/gin-giu-hoa-binh-lhq/", ".kb-map"),
    "bilateral": ("/chu-de/quan-he-quoc-phong-song-phuong-da-phuong/", ".kb-map"),
    "locator-country": ("/doi-tac/viet-nam/", ".kb-locator"),
    "locator-area": ("/doi-tac/abyei/", ".kb-locator"),
}
WIDTHS = {"phone": 390, "desktop": 1366}
SCHEMES = {"light": "#e6f0f5", "dark": "#1a2733"}  # the sea's colour in each scheme


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("picture", list(PICTURES))
def test_picture_at_each_width_and_scheme(
    browser: Any, site_url: str, tmp_path: Path, picture: str, width: str, scheme: str
) -> None:
    path, selector = PICTURES[picture]
    mobile = width == "phone"
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 900},
        color_scheme=scheme,
        locale="vi-VN",
        bypass_csp=True,
        is_mobile=mobile,
        has_touch=mobile,
    )
    page = context.new_page()
    try:
        page.goto(f"{site_url}{path}")
        figure = page.locator(selector).first
        figure.scroll_into_view_if_needed()
        shot = tmp_path / f"{picture}-{width}-{scheme}.png"
        figure.screenshot(path=str(shot))
        assert shot.stat().st_size > 5_000  # a drawn map, not an empty box
        box = figure.bounding_box()
        assert box["width"] <= WIDTHS[width] and box["x"] >= 0  # fits the screen, no sideways scroll
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]
        for svg in page.locator(f"{selector} svg.kb-map__panel").all():
            svg_box = svg.bounding_box()
            assert svg_box["height"] > 100 and svg_box["width"] > 200
            sea = svg.locator(".kb-map__sea").evaluate("e => getComputedStyle(e).fill")
            assert sea == _rgb(SCHEMES[scheme])
        # Every name shown is at least 10 px tall on screen.
        sizes = page.evaluate(
            """selector => [...document.querySelectorAll(selector + ' text')]
                .filter(t => getComputedStyle(t).display !== 'none')
                .map(t => [t.textContent, t.getBoundingClientRect().height])""",
            selector,
        )
        assert sizes
        small = [(text, height) for text, height in sizes if height < 10]
        assert not small, small
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.build
def test_on_a_phone_the_world_map_offers_every_country_to_tap(
    phone: Any, site_url: str, built_site: Site
) -> None:
    """At 390 px the world view's names are hidden (they would be 5 px): its marks are drawn
    large enough to see, and every country on it is a link of at least 24 px under it."""
    kb, _ = built_site
    phone.goto(f"{site_url}/")
    world = phone.locator(".kb-map__panel--world")
    marks = world.locator("a.kb-map__mark")
    assert marks.count() >= 10
    for mark in marks.all():
        box = mark.bounding_box()
        assert max(box["width"], box["height"]) >= 10, mark.get_attribute("data-entity")
    choose = phone.locator(".kb-map__choose")
    assert choose.is_visible()
    choose_box = choose.bounding_box()
    assert (
        choose_box["y"] < phone.locator(".kb-map__view--bien-dong").bounding_box()["y"]
    )  # right under the world
    links = {link.inner_text(): link for link in choose.locator("a").all()}
    for mark in marks.all():
        name = kb.entities[mark.get_attribute("data-entity")].entity.name
        records = mark.get_attribute("data-records")
        link = links[f"{name} ({records})"]
        assert link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24 and box["x"] + box["width"] <= 390
    phone.locator(".kb-map__choose a", has_text="Pháp").click()
    phone.wait_for_url(re.compile(r"/doi-tac/phap/$"))


@pytest.mark.browser
@pytest.mark.build
def test_on_a_larger_screen_the_map_names_its_countries_instead_of_a_list(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    assert not page.locator(".kb-map__choose").is_visible()
    names = page.locator(".kb-map__panel--world a.kb-map__mark text.kb-map__name")
    assert names.count() >= 10 and names.first.is_visible()


@pytest.mark.browser
@pytest.mark.build
def test_map_marks_are_links_with_visible_focus(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    mark = page.locator(".kb-map__panel--world a.kb-map__mark[data-entity='phap']")
    assert mark.count() == 1
    assert mark.locator("title").text_content().startswith("Pháp: ")
    page.locator(".kb-map__panel--world a.kb-map__mark").first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    mark.click()
    page.wait_for_url(re.compile(r"/doi-tac/phap/$"))
    assert page.locator(".kb-locator svg").count() == 1


@pytest.mark.browser
@pytest.mark.build
def test_the_map_table_is_the_text_alternative(page: Any, site_url: str, built_site: Site) -> None:
    kb, _ = built_site
    page.goto(f"{site_url}/chu-de/gin-giu-hoa-binh-lhq/")
    page.locator(".kb-map__data summary").click()
    rows = page.locator(".kb-map__table tbody tr")
    expected = _expected(kb, kb.theme_records["gin-giu-hoa-binh-lhq"])
    assert rows.count() == len(expected) - 1  # Viet Nam is the sentence under the table
    first = rows.first
    entity_id = first.get_attribute("data-entity")
    assert first.locator("td").first.inner_text() == str(expected[entity_id]["records"])
    places = page.locator(".kb-map__places li")
    assert "Abyei" in places.all_inner_texts()[0] or "Abyei" in " ".join(places.all_inner_texts())
