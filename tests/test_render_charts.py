"""The pictures on the built site: every number drawn is recomputed here from the model and
compared with the SVG's data attributes and titles; each picture parses as XML; every link
in it resolves; a year leads to the timeline filtered to that year; and each picture is
photographed at phone and desktop width, light and dark."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
import pytest

from defence_kb.build import load_knowledge_base
from defence_kb.model import EntityEntry, KnowledgeBase, RecordEntry
from defence_kb.render import page_url
from defence_kb.render.charts import entity_year_chart, nice_ticks
from defence_kb.render.paths import picture_href as href
from defence_kb.render.raw_blocks import RawBlocksExtension, raw_block
from defence_kb.schema import RECORD_TYPES, EntityKind
from defence_kb.synthetic import write_synthetic_dataset
from defence_kb.text import vietnamese_sort_key

pytestmark = pytest.mark.build
REPO_ROOT = Path(__file__).resolve().parents[1]

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="kb-chart[^"]*" data-chart="([^"]+)".*?</figure>', re.S)
ID = re.compile(r'\bid="([^"]*)"')


# ------------------------------------------------------------------ reading the site


def pictures(site: Path, url: str) -> dict[str, ET.Element]:
    """The pictures of the page at `url`, by name, each parsed as XML (which it must be)."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return {match.group(1): ET.fromstring(match.group(0)) for match in FIGURE.finditer(html)}


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def links(figure: ET.Element) -> list[str]:
    return [a.get("href", "") for a in figure.iter() if a.tag in (f"{SVG}a", "a")]


def year_segments(figure: ET.Element) -> dict[tuple[int, str], int]:
    """(first year of the column, series) -> count, from the data attributes."""
    found = {}
    for g in svg_of(figure).iter(f"{SVG}g"):
        if g.get("class") == "kb-chart__column":
            for rect in g.iter(f"{SVG}rect"):
                if rect.get("data-series"):
                    found[(int(g.get("data-year", "")), rect.get("data-series", ""))] = int(
                        rect.get("data-count", "")
                    )
    return found


def year_columns(figure: ET.Element) -> dict[int, int]:
    return {
        int(g.get("data-year", "")): int(g.get("data-count", ""))
        for g in svg_of(figure).iter(f"{SVG}g")
        if g.get("class") == "kb-chart__column"
    }


def lanes(figure: ET.Element) -> dict[tuple[int | None, int | None], int]:
    def year(text: str | None) -> int | None:
        return int(text) if text else None

    return {
        (year(g.get("data-first")), year(g.get("data-last"))): int(g.get("data-count", ""))
        for g in svg_of(figure).iter(f"{SVG}g")
        if g.get("class") == "kb-chart__lane"
    }


# ------------------------------------------------------------- recomputing from the model


def expected_time(
    entries: list[RecordEntry], series: Any, small: bool = False
) -> tuple[dict[tuple[int, str], int], dict[tuple[int | None, int | None], int], int, int]:
    """(per year, or period, and series; per span of bounds; without time; years per
    column), as the timelines count: a small picture puts a span longer than 12 years in
    periods of equal length from its first year."""
    per_year: Counter[tuple[int, str]] = Counter()
    spans: Counter[tuple[int | None, int | None]] = Counter()
    undated = 0
    years = set()
    for entry in entries:
        placement = entry.placement
        if placement.date:
            per_year[(placement.date.start.year, series(entry))] += 1
            years.add(placement.date.start.year)
        elif placement.not_before or placement.not_after:
            before, after = placement.not_before, placement.not_after
            span = (before.date.year if before else None, after.date.year if after else None)
            spans[span] += 1
            years.update(year for year in span if year is not None)
        else:
            undated += 1
    period = 1
    if small and years and max(years) - min(years) + 1 > 12:
        period = -(-(max(years) - min(years) + 1) // 12)
    columns: Counter[tuple[int, str]] = Counter()
    for (year, key), count in per_year.items():
        columns[(min(years) + (year - min(years)) // period * period, key)] += count
    return dict(columns), dict(spans), undated, period


def check_years_picture(
    figure: ET.Element, entries: list[RecordEntry], series: Any, small: bool = False
) -> None:
    per_year, spans, undated, period = expected_time(entries, series, small)
    assert int(figure.get("data-period", "")) == period
    assert year_segments(figure) == per_year
    totals: Counter[int] = Counter()
    for (year, _), count in per_year.items():
        totals[year] += count
    assert year_columns(figure) == dict(totals)
    assert lanes(figure) == spans
    assert int(figure.get("data-undated", "")) == undated
    assert int(figure.get("data-total", "")) == len(entries)
    # Titles say the same numbers as the attributes.
    for g in svg_of(figure).iter(f"{SVG}g"):
        if g.get("class") != "kb-chart__column":
            continue
        year, last, count = g.get("data-year"), g.get("data-last"), g.get("data-count")
        label = year if year == last else f"{year}–{last}"
        titles = [t.text or "" for t in g.iter(f"{SVG}title")]
        assert any(t.startswith(f"{label}: {count} bản ghi") for t in titles), titles
        for rect in g.iter(f"{SVG}rect"):
            if rect.get("data-series"):
                assert any(f" {rect.get('data-count')}" in t for t in titles)
    # The list under the picture gives every year and span with its count.
    listed = " ".join("".join(li.itertext()) for li in figure.iter("li") if li.find("a") is not None)
    for year, count in totals.items():
        assert f"{year}" in listed and f": {count} bản ghi" in listed
    if period == 1:
        for year, count in totals.items():
            assert f"Năm {year}: {count} bản ghi" in listed
    if undated:
        assert f"{undated} bản ghi chưa xác định được thời gian" in "".join(figure.itertext())


def is_partner(entry: EntityEntry, kb: KnowledgeBase) -> bool:
    entity = entry.entity
    if entity.kind is EntityKind.person:
        return False
    while entity is not None:
        if "viet-nam" in (entity.id, entity.country):
            return False
        entity = kb.entities[entity.part_of].entity if entity.part_of else None
    return True


# ------------------------------------------------------------------------ the numbers


def test_home_picture_counts_every_record_per_year_by_first_theme(
    built_site: tuple[KnowledgeBase, Path],
) -> None:
    kb, site = built_site
    figure = pictures(site, "")["nam"]
    check_years_picture(figure, list(kb.records.values()), lambda entry: entry.record.themes[0])
    legend = {
        li.get("data-series"): int(li.get("data-count", ""))
        for li in figure.iter("li")
        if li.get("data-series")
    }
    dated = Counter(e.record.themes[0] for e in kb.records.values() if e.placement.date)
    assert legend == dict(dated)
    # The real data has records known only by bounds: they are drawn, not dropped.
    assert lanes(figure)


def test_theme_pictures_count_their_records_per_year_by_type(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    for theme_id, theme in kb.themes.items():
        figure = pictures(site, page_url(theme))["nam-chu-de"]
        check_years_picture(figure, kb.theme_records[theme_id], lambda entry: entry.record.folder)


def test_entity_pictures_count_records_per_year_and_co_participants(
    built_site: tuple[KnowledgeBase, Path],
) -> None:
    kb, site = built_site
    drawn = 0
    for entry in kb.entities.values():
        found = pictures(site, page_url(entry))
        if len(entry.took_part) < 2:
            assert found == {}
            continue
        drawn += 1
        check_years_picture(
            found["nam-doi-tac"], entry.took_part, lambda record: record.record.folder, small=True
        )
        shared: Counter[str] = Counter()
        for record in entry.took_part:
            shared.update(other for other in record.record.participant_ids() if other != entry.entity.id)
        # Most shared records first, then in Vietnamese order of the names (the model's order).
        ranked = sorted(
            shared.items(), key=lambda item: (-item[1], vietnamese_sort_key(kb.entities[item[0]].entity.name))
        )[:8]
        if not ranked:
            assert "cung-tham-gia" not in found
            continue
        bars = [
            (a.get("data-entity"), int(a.get("data-count", "")))
            for a in svg_of(found["cung-tham-gia"]).iter(f"{SVG}a")
        ]
        assert bars == ranked
    assert drawn >= 10


def test_partners_picture_ranks_partners_by_records_split_by_type(
    built_site: tuple[KnowledgeBase, Path],
) -> None:
    kb, site = built_site
    figure = pictures(site, "doi-tac/")["doi-tac"]
    by_type = {
        eid: Counter(record.record.folder for record in entry.took_part)
        for eid, entry in kb.entities.items()
        if is_partner(entry, kb) and entry.took_part
    }
    shown = [(a.get("data-entity"), int(a.get("data-count", ""))) for a in svg_of(figure).iter(f"{SVG}a")]
    assert len(shown) == min(15, len(by_type))
    assert "viet-nam" not in dict(shown) and "bo-quoc-phong-viet-nam" not in dict(shown)
    counts = [count for _, count in shown]
    assert counts == sorted(counts, reverse=True)
    # Nothing left out counts more than the last one shown.
    left_out = [sum(c.values()) for eid, c in by_type.items() if eid not in dict(shown)]
    assert max(left_out, default=0) <= counts[-1]
    labels = {folder: t.type_label for folder, t in RECORD_TYPES.items()}
    for a in svg_of(figure).iter(f"{SVG}a"):
        eid = a.get("data-entity", "")
        parts = {
            r.get("data-series"): int(r.get("data-count", ""))
            for r in a.iter(f"{SVG}rect")
            if r.get("data-series")
        }
        assert parts == dict(by_type[eid])
        assert int(a.get("data-count", "")) == sum(by_type[eid].values())
        title = a.find(f"{SVG}title")
        assert title is not None and title.text
        for folder, count in by_type[eid].items():
            assert f"{labels[folder]} {count}" in title.text


def test_ticks_are_round_and_cover_the_largest_count() -> None:
    assert nice_ticks(5) == [0, 2, 4, 6]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(40) == [0, 10, 20, 30, 40]
    assert nice_ticks(0) == [0, 1]
    for largest in range(1, 500, 7):
        ticks = nice_ticks(largest)
        assert ticks[-1] >= largest and len(ticks) <= 5


def test_theme_pages_open_with_their_key_facts(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    for theme_id, theme in kb.themes.items():
        html = (site / page_url(theme) / "index.html").read_text(encoding="utf-8")
        box = html.index('class="kb-keyfacts"')
        assert box < html.index('data-chart="nam-chu-de"') < html.index('id="dong-thoi-gian"')
        text = re.sub(r"<[^>]+>", "", html[box : html.index("</div>", box)])
        entries = kb.theme_records[theme_id]
        assert f"Bản ghi: {len(entries)}" in text
        for folder, record_type in RECORD_TYPES.items():
            count = sum(1 for e in entries if e.record.folder == folder)
            if count:
                assert f"{record_type.type_label} {count}" in text
        dated = [e.placement.date.start.year for e in entries if e.placement.date]
        if dated:
            assert f"({len(dated)} bản ghi có ngày)" in text
        if theme.key_records:
            for record_id in theme.key_records:
                assert kb.records[record_id].record.title in text


# ------------------------------------------------------------------------ the links


def _pages_with_pictures(kb: KnowledgeBase) -> Iterator[str]:
    yield ""
    yield "doi-tac/"
    yield from (page_url(theme) for theme in kb.themes.values())
    yield from (page_url(entry) for entry in kb.entities.values() if len(entry.took_part) > 1)


def test_every_link_in_a_picture_resolves(built_site: tuple[KnowledgeBase, Path]) -> None:
    kb, site = built_site
    ids: dict[str, set[str]] = {}
    broken = []
    checked = 0
    for url in _pages_with_pictures(kb):
        for name, figure in pictures(site, url).items():
            for link in links(figure):
                parts = urlsplit(link)
                assert not parts.scheme and not parts.netloc, link
                target = posixpath.normpath(posixpath.join(url, unquote(parts.path))) if parts.path else url
                resolved = "" if target in (".", "") else target.rstrip("/") + "/"
                page = site / resolved / "index.html"
                checked += 1
                if not page.is_file():
                    broken.append(f"{url} {name}: {link}")
                    continue
                if parts.fragment:
                    if resolved not in ids:
                        ids[resolved] = set(ID.findall(page.read_text(encoding="utf-8")))
                    if unquote(parts.fragment) not in ids[resolved]:
                        broken.append(f"{url} {name}: {link} (no #{parts.fragment})")
    assert broken == []
    assert checked > 100


# ------------------------------------------------------------------------ in a browser


@pytest.mark.browser
def test_a_year_in_the_home_picture_opens_the_timeline_filtered_to_that_year(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    years: dict[int, int] = defaultdict(int)
    for entry in kb.records.values():
        if entry.placement.date:
            years[entry.placement.date.start.year] += 1
    year = max(years, key=lambda y: (years[y], y))
    page.goto(f"{site_url}/")
    page.locator(f'figure[data-chart="nam"] g[data-year="{year}"] .kb-chart__total').click()
    page.wait_for_url(re.compile(rf"/dong-thoi-gian/\?nam={year}#{year}$"))
    assert page.locator(".kb-timeline li:visible").count() == years[year]
    assert page.locator(".kb-filter-status").inner_text().startswith(f"{years[year]} bản ghi — năm {year}")
    assert page.locator(f'.kb-timeline h2[data-year="{year}"]').is_visible()
    assert page.locator(".kb-timeline h2:visible").count() == 1
    # The theme filter narrows the year further; "Xem mọi năm" lifts the year.
    page.locator(".kb-year-filter button").click()
    assert page.locator(".kb-timeline li:visible").count() == len(kb.records)
    assert "nam=" not in page.url


@pytest.mark.browser
def test_a_segment_of_a_theme_picture_filters_the_themes_timeline_by_year_and_type(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    theme = kb.themes["gin-giu-hoa-binh-lhq"]
    dated = [e for e in kb.theme_records[theme.id] if e.placement.date]
    year, folder = dated[0].placement.date.start.year, dated[0].record.folder  # type: ignore[union-attr]
    expected = sum(1 for e in dated if e.placement.date.start.year == year and e.record.folder == folder)  # type: ignore[union-attr]
    page.goto(f"{site_url}/{page_url(theme)}")
    page.locator(
        f'figure[data-chart="nam-chu-de"] g[data-year="{year}"] rect[data-series="{folder}"]'
    ).click()
    page.wait_for_url(re.compile(rf"\?nam={year}&loai={folder}#dong-thoi-gian$"))
    assert page.locator(".kb-timeline li:visible").count() == expected
    pressed = page.locator(".kb-type-filter button[aria-pressed=true]")
    assert pressed.get_attribute("data-key") == folder


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in re.findall(r"[\d.]+", rgb)[:3]]
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PICTURES = [
    ("home-years", "/", "nam"),
    ("theme-years", "/chu-de/gin-giu-hoa-binh-lhq/", "nam-chu-de"),
    ("partners", "/doi-tac/", "doi-tac"),
    ("entity-years", "/doi-tac/lien-minh-chau-au/", "nam-doi-tac"),
    ("co-participants", "/doi-tac/lien-minh-chau-au/", "cung-tham-gia"),
]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize(("name", "path", "chart"), PICTURES, ids=[p[0] for p in PICTURES])
def test_picture_screenshot_fits_reads_and_contrasts(
    browser: Any, site_url: str, tmp_path: Path, name: str, path: str, chart: str, width: int, scheme: str
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme=scheme,
        locale="vi-VN",
        is_mobile=width < 500,
        bypass_csp=True,
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}{path}")
        figure = page.locator(f'figure[data-chart="{chart}"]')
        shot = tmp_path / f"{name}-{width}-{scheme}.png"
        figure.screenshot(path=str(shot))
        assert shot.stat().st_size > 5000
        box = figure.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        # The smallest text drawn is legible: at least 10 CSS pixels.
        smallest = figure.locator("svg.kb-chart__svg").evaluate(
            """svg => {
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return Math.min(...[...svg.querySelectorAll('text')].map(
                    t => parseFloat(getComputedStyle(t).fontSize) * scale));
            }"""
        )
        assert smallest >= 10, smallest
        # Every series' colour stands out from the page by 3:1 (WCAG 1.4.11).
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        fills = figure.locator("svg.kb-chart__svg pattern rect:first-child").evaluate_all(
            "marks => [...new Set(marks.map(m => getComputedStyle(m).fill))]"
        )
        assert fills
        for fill in fills:
            assert _contrast(fill, background) >= 3, (fill, background)
    finally:
        context.close()


def _year_labels(svg: ET.Element, top: float, bottom: float) -> list[int]:
    """The years written between two heights of a chart (across, or upwards)."""
    found = []
    for text in svg.iter(f"{SVG}text"):
        if text.get("class") == "kb-chart__year" and top <= float(text.get("y", "")) <= bottom:
            found.append(int(text.text or ""))
    return found


@pytest.mark.parametrize("url", ["", "chu-de/gin-giu-hoa-binh-lhq/"])
def test_every_year_of_a_chart_is_written_under_its_axis_and_under_the_lanes(
    built_site: tuple[KnowledgeBase, Path], url: str
) -> None:
    """The home chart wrote only even years, and its spans of years had no axis."""
    _, site = built_site
    figure = next(f for name, f in pictures(site, url).items() if name.startswith("nam"))
    svg = svg_of(figure)
    axes = sorted(
        float(line.get("y1", "")) for line in svg.iter(f"{SVG}line") if line.get("class") == "kb-chart__axis"
    )
    columns = year_columns(figure)
    years = list(
        range(min(columns), max(max(columns), *(y for span in lanes(figure) for y in span if y)) + 1)
    )
    assert _year_labels(svg, axes[0], axes[0] + 40) == years
    if lanes(figure):
        assert len(axes) == 2, "the lanes have their own axis"
        lowest = max(
            float(g.get("y", "")) for g in svg.iter(f"{SVG}rect") if g.get("class") == "kb-chart__span"
        )
        assert axes[1] > lowest
        assert _year_labels(svg, axes[1], axes[1] + 40) == years


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_the_years_of_the_home_chart_are_all_legible_and_apart(
    browser: Any, site_url: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="vi-VN", is_mobile=width < 500
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}/")
        boxes = page.locator(
            'figure[data-chart="nam"] .kb-chart__column ~ text.kb-chart__year, '
            'figure[data-chart="nam"] .kb-chart__column text.kb-chart__year'
        ).evaluate_all(
            "texts => texts.map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.top]; })"
        )
        first_axis = [box for box in boxes if box[3] < min(b[3] for b in boxes) + 30]
        assert len(first_axis) >= 10
        ordered = sorted(first_axis, key=lambda box: box[1])
        for (_, _, right, _), (year, left, _, _) in pairwise(ordered):
            assert left >= right - 0.5, f"{year} overlaps the year before it"
    finally:
        context.close()


# ------------------------------------------------------------------------ the pieces


def test_links_are_relative_to_the_pages_address() -> None:
    assert href("index.md", "dong-thoi-gian.md", {"nam": "2020"}, "2020") == "dong-thoi-gian/?nam=2020#2020"
    assert href("doi-tac/x.md", "doi-tac/y.md") == "../../doi-tac/y/"
    assert (
        href("chu-de/a.md", "chu-de/a.md", {"loai": "events"}, "dong-thoi-gian")
        == "?loai=events#dong-thoi-gian"
    )
    assert href("doi-tac/index.md", "index.md") == "../"
    assert href("doi-tac/x.md", "tim-kiem.md", [("year", "2019"), ("year", "2020")]) == (
        "../../tim-kiem/?year=2019&year=2020"
    )


def test_raw_blocks_pass_through_markdown_unchanged() -> None:
    picture = '<figure class="x"><svg viewBox="0 0 1 1"><text>*a* &amp; [b](c)</text></svg></figure>'
    text = f"# T\n\n{raw_block(picture)}\n\nSau *đó*.\n"
    with_extension = markdown.markdown(text, extensions=[RawBlocksExtension(), "md_in_html", "attr_list"])
    assert picture in with_extension and "<em>đó</em>" in with_extension and "kb-raw" not in with_extension
    without = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    assert picture in without


def test_a_long_span_on_an_entity_page_is_cut_in_equal_periods(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_synthetic_dataset(data, 300, REPO_ROOT / "data")
    kb = load_knowledge_base(REPO_ROOT, data)
    entry = max(kb.entities.values(), key=lambda e: len(e.took_part))
    chart = entity_year_chart(entry)
    per_column, spans, undated, period = expected_time(entry.took_part, lambda r: r.record.folder, small=True)
    assert period > 1 and chart.period == period and len(chart.columns) <= 12
    assert {(c.year, s.series.key): s.count for c in chart.columns for s in c.segments} == per_column
    assert {(lane.first, lane.last): lane.count for lane in chart.lanes} == spans
    assert chart.total == len(entry.took_part) and chart.undated == undated
    for column in chart.columns:
        assert column.last - column.year + 1 <= period
        if column.total:
            assert column.href.count("year=") == column.last - column.year + 1


@pytest.mark.browser
def test_a_year_of_an_entity_picture_opens_the_search_filtered_to_it_and_that_year(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    entry = kb.entities["lien-minh-chau-au"]
    dated = [e for e in entry.took_part if e.placement.date]
    year = dated[0].placement.date.start.year  # type: ignore[union-attr]
    covering = [  # the search's year filter: every year a record's date covers
        e
        for e in dated
        if e.placement.date.start.year <= year <= (e.placement.date.end or e.placement.date.start).year  # type: ignore[union-attr]
    ]
    page.goto(f"{site_url}/{page_url(entry)}")
    page.locator(f'figure[data-chart="nam-doi-tac"] g[data-year="{year}"] .kb-chart__total').click()
    page.wait_for_selector(".kb-search-page__results .kb-result")
    assert page.locator(".kb-search-page__results .kb-result").count() == len(covering)
    status = page.locator(".kb-search-page__status").inner_text()
    assert f"Năm: {year}" in status and entry.entity.name in status
