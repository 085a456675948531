"""The search documents the index is built from: URLs, weights, filters, escaping."""

from __future__ import annotations

import re

from conftest import Dataset, html_not_refused
from defence_kb.build import load_knowledge_base
from defence_kb.index import render_search_documents


def documents(dataset: Dataset) -> dict[str, str]:
    return render_search_documents(load_knowledge_base(dataset.root.parent, dataset.root))


def test_one_document_per_page_at_its_url(dataset: Dataset) -> None:
    docs = documents(dataset)
    assert "thoa-thuan/hiep-dinh-fpa/index.html" in docs
    assert "van-kien/nghi-quyet-22/index.html" in docs
    assert "doi-tac/dong-quan/index.html" in docs
    assert "nguon/nguon-a/index.html" in docs
    assert "chu-de/chu-de-a/index.html" in docs
    assert "thoa-thuan/index.html" in docs  # each record type's index is found by its name
    assert len(docs) == 4 + 3 + 1 + 1 + 5  # records, entities, source, theme, record types


def test_filters_metadata_and_weights(dataset: Dataset) -> None:
    fpa = documents(dataset)["thoa-thuan/hiep-dinh-fpa/index.html"]
    assert "<h1>Hiệp định FPA</h1>" in fpa
    for expected in (
        '<span data-pagefind-filter="theme">Chủ đề A</span>',
        '<span data-pagefind-filter="type">Thỏa thuận</span>',
        '<span data-pagefind-filter="year">2019</span>',
        '<span data-pagefind-filter="entity">Liên minh châu Âu</span>',
        '<span data-pagefind-filter="source">Nguồn A</span>',
        '<span data-pagefind-meta="date">17/10/2019</span>',
    ):
        assert expected in fpa
    resolution = documents(dataset)["van-kien/nghi-quyet-22/index.html"]
    assert '<p data-pagefind-weight="8">22-NQ/TW</p>' in resolution
    source = documents(dataset)["nguon/nguon-a/index.html"]
    # A source is found by its title and publisher; its text is searched through the records
    # that quote it (the full text would cost every reader's first search a third more).
    assert '<p data-pagefind-weight="8">Bài viết A</p>' in source
    assert "Ngày 17/10/2019" not in source


def test_names_and_hubs_for_ranking(dataset: Dataset) -> None:
    docs = documents(dataset)
    theme = docs["chu-de/chu-de-a/index.html"]
    assert '<span data-pagefind-meta="hub">2</span><span data-pagefind-filter="hub">2</span>' in theme
    person = docs["doi-tac/dong-quan/index.html"]
    assert '<span data-pagefind-filter="hub">1</span>' in person
    record = docs["su-kien/giao-luu-lan-thu-9/index.html"]
    assert 'data-pagefind-filter="hub"' not in record


def test_an_abbreviation_in_the_title_is_a_name(dataset: Dataset) -> None:
    dataset.edit("agreements/hiep-dinh-fpa.yml", "title: Hiệp định FPA", "title: Hiệp định khung (FPA)")
    fpa = documents(dataset)["thoa-thuan/hiep-dinh-fpa/index.html"]
    assert re.search(r'<span data-pagefind-meta="names">FPA( \|[^<]*)?</span>', fpa)


def test_ranges_filter_on_every_year(dataset: Dataset) -> None:
    dataset.edit("agreements/hiep-dinh-fpa.yml", "date: 2019-10-17", "date:\n  start: 2019\n  end: 2021")
    fpa = documents(dataset)["thoa-thuan/hiep-dinh-fpa/index.html"]
    years = [
        y for y in ("2018", "2019", "2020", "2021", "2022") if f'data-pagefind-filter="year">{y}<' in fpa
    ]
    assert years == ["2019", "2020", "2021"]


def test_record_text_is_escaped(dataset: Dataset) -> None:
    dataset.edit(
        "agreements/hiep-dinh-fpa.yml", "title: Hiệp định FPA", "title: '<script>alert(1)</script> FPA'"
    )
    with html_not_refused():  # refused by the validator; escaped all the same
        fpa = documents(dataset)["thoa-thuan/hiep-dinh-fpa/index.html"]
    assert "<script>" not in fpa
    assert "&lt;script&gt;alert(1)&lt;/script&gt; FPA" in fpa


def test_people_are_not_entity_filters(dataset: Dataset) -> None:
    event = documents(dataset)["su-kien/giao-luu-lan-thu-9/index.html"]
    assert 'data-pagefind-filter="entity"' not in event
    assert "Đổng Quân" in event
