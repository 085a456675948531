"""Properties the real dataset must always hold (issue: every fact, sourced)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from defence_kb.build import load_knowledge_base
from defence_kb.coverage import sentence_coverage
from defence_kb.load import load_dataset
from defence_kb.model import KnowledgeBase
from defence_kb.schema import Agreement, Resolution, Status
from defence_kb.text import collapse_whitespace
from defence_kb.validate import ValidatedData, validate_dataset

SHARED_SOURCES = REPO_ROOT.parent / "shared" / "sources"


@pytest.fixture(scope="module")
def data() -> ValidatedData:
    return validate_dataset(load_dataset(REPO_ROOT / "data"))


def test_dataset_validates(data: ValidatedData) -> None:
    assert [p.format() for p in data.problems] == []


def test_dataset_is_the_whole_extraction_not_a_sample(data: ValidatedData) -> None:
    assert len(data.records) + len(data.entities) > 100
    kinds = Counter(type(loc.model).__name__ for loc in data.records.values())
    assert all(kinds[name] for name in ("Event", "Agreement", "Mission", "Resolution")), kinds


def test_every_theme_has_records(data: ValidatedData) -> None:
    used = Counter(theme for loc in data.records.values() for theme in loc.model.themes)
    assert [t for t in data.themes if not used[t]] == []


def test_every_entity_is_referenced_by_a_record(data: ValidatedData) -> None:
    referenced = {entity_id for located in data.records.values() for entity_id in located.model.entity_ids()}
    assert sorted(set(data.entities) - referenced) == []


def test_no_two_documents_share_a_number(data: ValidatedData) -> None:
    numbers = Counter(
        loc.model.number
        for loc in data.records.values()
        if isinstance(loc.model, Resolution) and loc.model.number
    )
    assert [n for n, count in numbers.items() if count > 1] == []


def test_no_two_agreements_share_parties_kind_and_date(data: ValidatedData) -> None:
    keys = Counter(
        (frozenset(loc.model.parties), loc.model.kind, loc.model.date)
        for loc in data.records.values()
        if isinstance(loc.model, Agreement) and loc.model.date
    )
    assert [k for k, count in keys.items() if count > 1] == []


def test_every_fact_stating_sentence_is_carried_or_excluded_with_a_reason(data: ValidatedData) -> None:
    gaps = [
        f"{row.source_id} đoạn {row.paragraph.n}: {row.text[:80]}"
        for row in sentence_coverage(data)
        if row.is_gap
    ]
    assert gaps == []


def test_no_exclusion_hides_a_carried_sentence(data: ValidatedData) -> None:
    """An excluded sentence that a record now carries is a stale exclusion."""
    stale = [row.text[:80] for row in sentence_coverage(data) if row.excluded and row.carried]
    assert stale == []


def test_sources_keep_every_line_of_the_capture_or_say_why_not(data: ValidatedData) -> None:
    """Each paragraph is a verbatim line of its capture, and each non-blank line of the
    capture is a paragraph or listed in `dropped_lines` (navigation): nothing lost unseen."""
    assert SHARED_SOURCES.is_dir(), f"the raw captures belong beside the repository, in {SHARED_SOURCES}"
    for located in data.sources.values():
        source = located.model
        capture = (SHARED_SOURCES / source.capture_file).read_text(encoding="utf-8").splitlines()
        texts = {collapse_whitespace(p.text) for p in source.paragraphs}
        lines = {collapse_whitespace(line) for line in capture}
        for paragraph in source.paragraphs:
            assert collapse_whitespace(paragraph.text) in lines, (source.id, paragraph.n)
        unaccounted = [
            number
            for number, line in enumerate(capture, 1)
            if line.strip() and collapse_whitespace(line) not in texts and number not in source.dropped_lines
        ]
        assert unaccounted == [], (source.id, unaccounted)
        kept_but_listed = [n for n in source.dropped_lines if collapse_whitespace(capture[n - 1]) in texts]
        assert kept_but_listed == [], (source.id, kept_but_listed)


def test_fpa_has_its_signing_date_and_both_articles(data: ValidatedData) -> None:
    fpa = data.records["hiep-dinh-fpa-viet-nam-eu"].model
    assert fpa.date is not None and fpa.date.start.iso() == "2019-10-17"
    assert {e.source for e in fpa.evidence} >= {
        "hnqt-dnqp-2016-2021",
        "vnplus-mo-rong-tham-gia-an-ninh-toan-cau",
    }


def test_unknown_years_stay_unknown(data: ValidatedData) -> None:
    """The 28/9 exchange's year is not in its article: the record must not invent one."""
    exchange = data.records["trao-doi-kinh-nghiem-gghb-csdp-viet-nam-eu"].model
    assert exchange.date is None
    assert exchange.date_note and "28/9" in exchange.date_note


def test_data_files_are_stored_nfc() -> None:
    import unicodedata

    for path in Path(REPO_ROOT / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(REPO_ROOT, REPO_ROOT / "data")


def test_every_record_has_a_place_in_time(kb: KnowledgeBase) -> None:
    """A date, or the bounds its sources justify. The one exception is something still going
    on (a programme, a relationship) that an undated article only talks about: giving it the
    day it was talked about would be wrong, so it has no date, and its date_note says so."""
    unplaced = [entry for entry in kb.records.values() if not entry.placement.placed]
    assert [entry.id for entry in unplaced if entry.record.status is not Status.ongoing] == []
    assert [entry.id for entry in unplaced if not entry.record.date_note] == []


def test_no_title_states_a_year_its_record_does_not_have(kb: KnowledgeBase) -> None:
    """A year in a title ("… năm 2020") is the record's: within its date, or, for a record
    known only by bounds, the years of both bounds ("(2020–2021)" for a record within
    2020–2021, never "năm 2020"), or the date a figure is given for ("tính đến ngày
    12-3-2025"). A year in a document number ("56/2025") or a target ("đến năm 2030") is not
    a date."""
    wrong = []
    for entry in kb.records.values():
        placement = entry.placement
        years = {
            int(match.group())
            for match in re.finditer(r"(?<![/\d])(?<!đến năm )(19|20)\d\d(?!\d)", entry.record.title)
        }
        years -= {figure.as_of.year for figure in entry.record.figures if figure.as_of}
        if not years:
            continue
        if placement.date:
            start, end = placement.date.start.year, (placement.date.end or placement.date.start).year
            ok = all(start <= year <= end for year in years)
        else:
            bounds = {bound.date.year for bound in (placement.not_before, placement.not_after) if bound}
            ok = placement.not_before is not None and placement.not_after is not None and years == bounds
        if not ok:
            wrong.append(f"{entry.id}: {sorted(years)}")
    assert wrong == []
