"""One Vietnamese order for every list a reader sees, the one the browser itself uses.

The build sorts with ICU's collation for "vi" (text.vietnamese_sort_key), the search page
with the browser's Intl.Collator("vi"), which is ICU's too. These tests read every list of
the list pages in Debian's Chromium and check it against the browser's collator: records
filed under the same date by title, names by name, search facets by count, then by name.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from defence_kb.model import KnowledgeBase, RecordEntry
from defence_kb.render.paths import page_url
from defence_kb.text import vietnamese_sort_key

pytestmark = [pytest.mark.browser, pytest.mark.build]

# Every list of a page's article, as (items' first link: site path, text) per list.
READ_LISTS = """root => [...document.querySelectorAll("article ul, article ol, article tbody")]
  .filter(list => !list.closest("nav, .kb-breadcrumb, svg, figure"))
  .map(list => [...list.children].map(item => {
    const link = item.querySelector("a[href]");
    return link ? [new URL(link.href).pathname.slice(root.length), link.textContent.trim()] : null;
  }).filter(Boolean))"""

COMPARE = """pairs => { const vi = new Intl.Collator("vi");
  return pairs.map(([a, b]) => vi.compare(a, b)); }"""


def browser_sorted(page: Any, names: list[str]) -> list[str]:
    return page.evaluate('names => names.slice().sort(new Intl.Collator("vi").compare)', names)


def records_by_path(kb: KnowledgeBase) -> dict[str, RecordEntry]:
    return {"/" + page_url(entry): entry for entry in kb.records.values()}


def date_key(entry: RecordEntry) -> tuple[object, ...]:
    """Where a record is filed in time, the title left out."""
    return entry.sort_key[:2]


def list_pages(kb: KnowledgeBase) -> list[str]:
    themes = [f"/chu-de/{theme_id}/" for theme_id in kb.themes]
    busiest = sorted(kb.entities.values(), key=lambda e: -len(e.records))[:6]
    types = ["/su-kien/", "/thoa-thuan/", "/phai-bo/", "/van-kien/", "/quan-diem/"]
    return ["/dong-thoi-gian/", "/nhan/", *themes, *types, *(f"/{page_url(e)}" for e in busiest)]


def test_records_filed_under_one_date_follow_the_browsers_vietnamese_order(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb = built_site[0]
    records = records_by_path(kb)
    root = urlsplit(site_url).path
    checked = 0
    for path in list_pages(kb):
        page.goto(f"{site_url}{path}")
        pairs = []
        for items in page.evaluate(READ_LISTS, root):
            entries = [records.get(href) for href, _ in items]
            if len(entries) < 2 or not all(entries):
                continue  # not a list of records
            for first, second in itertools.pairwise(entries):
                if first is not second and date_key(first) == date_key(second):
                    pairs.append((first.record.title, second.record.title))
        for (first, second), order in zip(pairs, page.evaluate(COMPARE, pairs), strict=True):
            assert order <= 0, f"{path}: “{second}” should come before “{first}”"
        checked += len(pairs)
    assert checked > 20, "too few records share a date for this test to say anything"


def test_the_agreements_list_puts_han_quoc_before_hoa_ky(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/thoa-thuan/")
    titles = page.locator("article tbody tr td:nth-child(2) a").all_inner_texts()
    memoranda = [t for t in titles if t.startswith("Bản ghi nhớ về hợp tác trong lĩnh vực gìn giữ")]
    korea = next(i for i, t in enumerate(memoranda) if t.endswith("Hàn Quốc"))
    usa = next(i for i, t in enumerate(memoranda) if t.endswith("Hoa Kỳ"))
    india = next(i for i, t in enumerate(memoranda) if t.endswith("Ấn Độ"))
    australia = next(i for i, t in enumerate(memoranda) if t.endswith("Australia"))
    assert australia < india < korea < usa, memoranda


def test_names_follow_the_browsers_vietnamese_order(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/doi-tac/")
    for table in page.locator("article h2 + .kb-stack tbody, article h2 + table tbody").all():
        names = table.locator("tr td:first-child").all_inner_texts()
        assert names == browser_sorted(page, names)
    countries = page.locator("h2:has-text('Quốc gia') + .kb-stack tbody tr td:first-child").all_inner_texts()
    assert countries.index("Hàn Quốc") < countries.index("Hoa Kỳ")
    first_b_or_later = next(i for i, name in enumerate(countries) if name[0] not in "AĂÂẤẦẨẪẬ")
    assert countries.index("Ấn Độ") < first_b_or_later, "Ấn Độ belongs among the A's"

    page.goto(f"{site_url}/nhan/")
    tags = [h.inner_text().rstrip(" ¶") for h in page.locator("article h2").all()]
    assert tags == browser_sorted(page, tags)
    fpa = tags.index("FPA")
    assert tags[fpa - 1][0].lower() in "eê" and tags[fpa + 1][0].lower() in "gh", tags


def test_python_and_the_browser_sort_alike(page: Any, built_site: tuple[KnowledgeBase, Path]) -> None:
    """Every name and title of the data, and the hard cases, in one order on both sides."""
    kb = built_site[0]
    names = [e.entity.name for e in kb.entities.values()] + [e.record.title for e in kb.records.values()]
    names += [tag for e in kb.records.values() for tag in e.record.tags]
    names += ["FPA", "vaccine", "Ấn Độ", "Anh", "Hoa Kỳ", "Hàn Quốc", "Đức", "Zimbabwe", "ý kiến", "Ý"]
    names = sorted(set(names))
    page.set_content("<html lang='vi'></html>")
    assert sorted(names, key=vietnamese_sort_key) == browser_sorted(page, names)


def test_co_participants_with_equal_counts_are_in_vietnamese_order(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    kb = built_site[0]
    checked = 0
    for entry in kb.entities.values():
        if len(entry.co_participants(kb.entities)) < 3:
            continue
        page.goto(f"{site_url}/{page_url(entry)}")
        cell = page.locator(".kb-facts tr", has_text="Thường cùng tham gia").locator("td").last.inner_text()
        shown = [(name, int(count)) for name, count in re.findall(r"([^,]+?) \((\d+)\)", cell)]
        for (name, count), (after, after_count) in itertools.pairwise(shown):
            assert count >= after_count
            if count == after_count:
                assert browser_sorted(page, [name.strip(), after.strip()]) == [name.strip(), after.strip()]
                checked += 1
    assert checked > 5


def test_search_facets_by_count_then_in_vietnamese_order(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/tim-kiem/?q=gin+giu")
    page.wait_for_selector(".kb-facet .kb-facet__option", state="attached")
    page.wait_for_function("document.querySelector('.kb-search-page__status').textContent.length > 0")
    for group in page.locator(".kb-facet").all():
        key = group.get_attribute("data-filter")
        options = []
        for label in group.locator(".kb-facet__option").all_text_contents():
            name, count = re.fullmatch(r"(.+) \((\d+)\)", label.strip()).groups()
            options.append((name, int(count)))
        counted = [o for o in options if o[1]]
        assert options == counted + [o for o in options if not o[1]], f"{key}: empty options last"
        if key == "year":
            assert [n for n, _ in counted] == sorted((n for n, _ in counted), reverse=True)
            continue
        assert [c for _, c in counted] == sorted((c for _, c in counted), reverse=True), key
        for count in {c for _, c in options}:
            same = [n for n, c in options if c == count]
            assert same == browser_sorted(page, same), f"{key} ({count})"
