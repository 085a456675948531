"""The questions readers ask, each answered from the home page in at most two clicks: with
a picture, and on the "Hỏi nhanh" page. The expected answers are computed from the model
here, independently of the page's own code; the clicks are a reader's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from defence_kb.model import KnowledgeBase, RecordEntry
from defence_kb.render.paths import page_url
from defence_kb.schema import Agreement, EntityKind, Event, Mission, Resolution
from defence_kb.wording import format_figure

pytestmark = pytest.mark.browser

PEACEKEEPING = "gin-giu-hoa-binh-lhq"
ASEAN = "asean-admm"
HOME = "viet-nam"


def _open_theme_from_home(page: Any, site_url: str, kb: KnowledgeBase, theme_id: str) -> None:
    """Click one: the theme's card on the home page."""
    page.goto(f"{site_url}/")
    page.locator(".grid.cards").get_by_role("link", name=kb.themes[theme_id].title, exact=True).click()
    page.wait_for_url(re.compile(rf"/chu-de/{theme_id}/$"))


def test_which_countries_signed_peacekeeping_memoranda_one_click(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    expected = {
        party
        for entry in kb.theme_records[PEACEKEEPING]
        if isinstance(entry.record, Agreement) and entry.record.kind.value == "memorandum"
        for party in entry.record.parties
        if party != HOME and kb.entities[party].entity.kind is EntityKind.country
    }
    assert len(expected) >= 9  # the nine bilateral peacekeeping memoranda of the sources
    _open_theme_from_home(page, site_url, kb, PEACEKEEPING)
    marks = page.locator(".kb-map__mark:not(.kb-map__mark--home)")
    with_agreements = {
        marks.nth(i).get_attribute("data-entity")
        for i in range(marks.count())
        if marks.nth(i).get_attribute("data-agreements") not in (None, "0")
    }
    assert expected <= with_agreements
    # The picture's text alternative names each of them, linked to its page.
    table = page.locator(".kb-map__table")
    for entity_id in expected:
        assert (
            table.get_by_role(
                "link", name=kb.entities[entity_id].entity.name, exact=True, include_hidden=True
            ).count()
            == 1
        )


def test_where_vietnamese_peacekeepers_serve_no_click(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site

    def places_of(missions: list[Mission]) -> set[str]:
        return {
            mission.place or mission.host_country
            for mission in missions
            if mission.place or mission.host_country
        }

    missions = [entry.record for entry in kb.records.values() if isinstance(entry.record, Mission)]
    peacekeeping = places_of([m for m in missions if m.unit_type.value != "rescue_force"])
    assert {"nam-sudan", "cong-hoa-trung-phi", "abyei"} <= peacekeeping
    page.goto(f"{site_url}/")
    places = page.locator(".kb-map__deployment")
    shown = {places.nth(i).get_attribute("data-entity") for i in range(places.count())}
    # Every deployment is pinned (the rescue missions too, marked by what they are), so the
    # peacekeeping places are all there at zero clicks.
    assert shown == places_of(missions) and peacekeeping <= shown
    # One click on a place opens its page, which lists the missions there.
    # (on the pin itself: the link's box also spans its name, with land between the two)
    page.locator('.kb-map__deployment[data-entity="abyei"] .kb-map__pin').first.click()
    page.wait_for_url(re.compile(r"/doi-tac/abyei/$"))
    assert (
        page.get_by_role("heading", level=1).inner_text().rstrip("¶ \n") == kb.entities["abyei"].entity.name
    )


def test_what_viet_nam_did_as_asean_chair_in_2020_two_clicks(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    in_2020 = [
        entry
        for entry in kb.theme_records[ASEAN]
        if entry.placement.date and entry.placement.date.start.year == 2020
    ]
    assert any(entry.record.id == "viet-nam-chu-tich-asean-2020" for entry in in_2020)
    _open_theme_from_home(page, site_url, kb, ASEAN)
    # Click two: the 2020 column of the theme's records-per-year picture.
    page.locator('figure[data-chart="nam-chu-de"] g[data-year="2020"] .kb-chart__total').click()
    page.wait_for_url(re.compile(r"\?nam=2020#dong-thoi-gian$"))
    visible = page.locator(".kb-timeline li:visible")
    assert visible.count() == len(in_2020)
    titles = " ".join(visible.all_inner_texts())
    for entry in in_2020:
        assert entry.record.title in titles


# ------------------------------------------------------------------ "Hỏi nhanh"

QUESTIONS = {
    "ban-ghi-nho-gin-giu-hoa-binh": "Những nước nào đã ký bản ghi nhớ về gìn giữ hòa bình",
    "quan-nhan-gin-giu-hoa-binh": "Bao nhiêu người Việt Nam đã tham gia gìn giữ hòa bình",
    "chu-tich-asean-2020": "Chủ tịch ASEAN năm 2020",
    "hoi-dong-bao-an-2020-2021": "Hội đồng Bảo an",
    "giao-luu-bien-gioi": "giao lưu hữu nghị quốc phòng biên giới",
    "van-kien-dinh-huong": "văn kiện nào định hướng đối ngoại quốc phòng",
}

# What a section of the answers page shows: its text and the site paths of its links.
READ_SECTION = """([id, root]) => {
  const heading = document.getElementById(id);
  const parts = [];
  for (let node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling)
    parts.push(node);
  const links = parts.flatMap(part => [...part.querySelectorAll("a[href]")])
    .map(a => new URL(a.href).pathname.slice(root.length) + new URL(a.href).hash);
  return [parts.map(part => part.innerText).join("\\n"), links];
}"""


def _answer_from_home(
    page: Any, site_url: str, anchor: str, via_navigation: bool
) -> tuple[str, set[str], int]:
    """Open the answer as a reader does: (its text, the paths it links to, the clicks taken)."""
    page.goto(f"{site_url}/")
    clicks = 0
    if via_navigation:
        page.locator(".md-tabs").get_by_role("link", name="Hỏi nhanh", exact=True).click()
        clicks += 1
        page.wait_for_url(re.compile(r"/hoi-nhanh/$"))
        page.locator("article ul a", has_text=QUESTIONS[anchor]).click()
    else:
        page.locator("article h2#hoi-nhanh + p + ul a", has_text=QUESTIONS[anchor]).click()
    clicks += 1
    page.wait_for_url(re.compile(rf"/hoi-nhanh/#{anchor}$"))
    root = re.sub(r"^https?://[^/]+", "", site_url) + "/"
    text, links = page.evaluate(READ_SECTION, [anchor, root])
    return text, set(links), clicks


def _path(entry: Any) -> str:
    return page_url(entry)


def _involves(kb: KnowledgeBase, entry: RecordEntry, entity_id: str) -> bool:
    named = {other for other, _ in entry.record.entity_roles()}
    parts = {e.entity.id for e in kb.entities.values() if e.entity.part_of == entity_id}
    return bool(named & ({entity_id} | parts))


def _in_years(entry: RecordEntry, first: int, last: int) -> bool:
    """Placed within first–last: a span of at most two calendar years meeting them."""
    start, end = entry.placement.earliest, entry.placement.latest
    return bool(start and end and start.year <= last and end.year >= first and end.year - start.year <= 1)


@pytest.mark.parametrize("via_navigation", [False, True], ids=["home-link", "navigation"])
def test_every_quick_answer_is_at_most_two_clicks_from_home(
    page: Any, site_url: str, via_navigation: bool
) -> None:
    for anchor in QUESTIONS:
        text, links, clicks = _answer_from_home(page, site_url, anchor, via_navigation)
        assert clicks <= 2 and text.strip(), anchor
        assert any(link.startswith("nguon/") and "#p" in link for link in links), (
            f"{anchor}: no evidence link"
        )


def test_the_memoranda_answer_names_every_signatory_with_its_record(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    memoranda = [
        entry
        for entry in kb.theme_records[PEACEKEEPING]
        if isinstance(entry.record, Agreement)
        and entry.record.kind.value == "memorandum"
        and HOME in entry.record.parties
    ]
    countries = {
        p
        for e in memoranda
        for p in e.record.parties
        if p != HOME and kb.entities[p].entity.kind is EntityKind.country
    }
    text, links, _ = _answer_from_home(page, site_url, "ban-ghi-nho-gin-giu-hoa-binh", False)
    assert f"{len(countries)} quốc gia" in text
    assert {_path(kb.entities[c]) for c in countries} <= links
    assert {_path(e) for e in memoranda} <= links
    for country in countries:
        assert kb.entities[country].entity.name in text


def test_the_peacekeepers_answer_gives_the_number_and_every_deployment(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    figures = [
        e.record.personnel
        for e in kb.records.values()
        if isinstance(e.record, Mission) and e.record.organiser == "lien-hop-quoc" and e.record.personnel
    ]
    missions = [e for e in kb.theme_records[PEACEKEEPING] if isinstance(e.record, Mission)]
    assert figures and missions
    text, links, _ = _answer_from_home(page, site_url, "quan-nhan-gin-giu-hoa-binh", False)
    for figure in figures:
        assert format_figure(figure) in text
    assert {_path(e) for e in missions} <= links
    for entry in missions:
        where = entry.record.place or entry.record.host_country
        if where:
            assert _path(kb.entities[where]) in links
        assert entry.record.unit_type.label in text


@pytest.mark.parametrize(
    ("anchor", "entity_id", "first", "last", "must"),
    [
        ("chu-tich-asean-2020", "asean", 2020, 2020, "viet-nam-chu-tich-asean-2020"),
        (
            "hoi-dong-bao-an-2020-2021",
            "hoi-dong-bao-an-lien-hop-quoc",
            2020,
            2021,
            "viet-nam-uy-vien-khong-thuong-truc-hdba-lhq-2020-2021",
        ),
    ],
)
def test_what_viet_nam_did_in_a_role_lists_the_records_of_those_years(
    page: Any,
    site_url: str,
    built_site: tuple[KnowledgeBase, Path],
    anchor: str,
    entity_id: str,
    first: int,
    last: int,
    must: str,
) -> None:
    kb, _ = built_site
    expected = {
        _path(e) for e in kb.records.values() if _involves(kb, e, entity_id) and _in_years(e, first, last)
    }
    assert _path(kb.records[must]) in expected
    _, links, _ = _answer_from_home(page, site_url, anchor, False)
    shown = {
        link
        for link in links
        if link.split("/")[0] in ("su-kien", "thoa-thuan", "phai-bo", "van-kien", "quan-diem")
    }
    assert shown == expected


def test_border_exchanges_and_steering_documents_are_all_listed(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    exchanges = {
        _path(e)
        for e in kb.theme_records["giao-luu-quoc-phong-bien-gioi"]
        if isinstance(e.record, Event) and e.record.kind.value == "exchange"
    }
    documents = {
        _path(e) for e in kb.theme_records["van-kien-chinh-sach"] if isinstance(e.record, Resolution)
    }
    assert len(exchanges) >= 4 and len(documents) >= 10
    text, links, _ = _answer_from_home(page, site_url, "giao-luu-bien-gioi", False)
    assert f"{len(exchanges)} cuộc giao lưu" in text
    assert {link for link in links if link.startswith("su-kien/")} == exchanges
    text, links, _ = _answer_from_home(page, site_url, "van-kien-dinh-huong", False)
    assert f"{len(documents)} văn kiện" in text
    assert {link for link in links if link.startswith("van-kien/")} == documents


def test_the_peacekeeping_theme_has_a_deployments_table(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb, _ = built_site
    missions = [e for e in kb.theme_records[PEACEKEEPING] if isinstance(e.record, Mission)]
    page.goto(f"{site_url}/chu-de/{PEACEKEEPING}/")
    table = page.locator("h2#phai-bo-va-luc-luong ~ .kb-stack").first
    headers = table.locator("th").all_inner_texts()
    assert headers[:6] == ["Phái bộ, lực lượng", "Nơi triển khai", "Đơn vị", "Lượt", "Quân số", "Thời gian"]
    rows = table.locator("tbody tr")
    assert rows.count() == len(missions)
    evidence = []
    for entry, row in zip(missions, rows.all(), strict=True):
        assert row.locator("td").first.get_by_role("link").inner_text() == entry.record.title
        assert entry.record.unit_type.label in row.inner_text()
        # The rotation as a quote states it, with a link to that quote's paragraph; else
        # the table says it is not known.
        cell = row.locator('td[data-label="Lượt"]')
        rotation = entry.record.rotation
        if rotation is None:
            assert cell.inner_text() == "không rõ"
            continue
        ordinal = {1: "thứ nhất", 2: "thứ hai", 4: "thứ tư"}.get(rotation.value, f"thứ {rotation.value}")
        assert cell.inner_text().startswith(f"{ordinal} (“{rotation.as_stated}”, đoạn ")
        evidence.append((rotation.as_stated, cell.get_by_role("link").get_attribute("href")))
    # Bệnh viện dã chiến cấp 2 số 3 is the third by its name; Abyei's is the first unit.
    assert len(evidence) >= 2
    theme_url = page.url
    for stated, href in evidence:
        page.goto(theme_url)
        page.locator(f'td[data-label="Lượt"] a[href="{href}"]').click()
        page.wait_for_url(re.compile(r"/nguon/.+#p\d+$"))
        paragraph = page.locator(f"#{page.url.rsplit('#', 1)[1]}")
        assert stated in " ".join(paragraph.inner_text().split())
