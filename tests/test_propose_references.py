"""The proposal form knows references (issue 23 §1; docs/assets/propose/references.js and
reference_checks.js): an editor adds one that gives a record's date, the file validates,
is canonical and its page marks the date; a bad reference is refused at its field with the
validator's message, in the editor's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from test_propose import (
    TCCS,
    assert_canonical,
    choose,
    copy_data,
    field,
    fill,
    open_form,
    pick_by_selection,
    proposal,
    select,
    validate_and_render,
    write_proposal,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]

TITLE = "Nghị quyết số 34-NQ/TW về triển khai đường lối đối ngoại (thử tài liệu tham khảo)"
URL = "https://www.qdnd.vn/chinh-tri/nghi-quyet-34-nq-tw-thu"


def resolution(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=resolutions]")
    fill(page, "title", TITLE)
    pick_by_selection(page, TCCS, "34-NQ/TW", "Nghị", "XIII”;")
    fill(page, "summary", "Nghị quyết của Bộ Chính trị về triển khai đường lối đối ngoại Đại hội XIII.")
    select(page, "doc_type", "resolution")
    fill(page, "number", "34-NQ/TW")
    choose(page, "issuer", "bo chinh tri")
    date = field(page, "date").locator("input[type=text]").first
    date.fill("9/1/2023")
    date.blur()
    field(page, "themes").get_by_label("Văn kiện chính sách").check()


def add_reference(page: Any, url: str = URL) -> Any:
    references = field(page, "references")
    references.get_by_role("button", name="Thêm tài liệu tham khảo").click()
    reference = references.locator(".kb-reference").last
    reference.locator("[data-field=url] input").fill(url)
    reference.locator("[data-field=title] input").fill("Bộ Chính trị ban hành Nghị quyết 34-NQ/TW")
    reference.locator("[data-field=publisher] input").fill("Báo Quân đội nhân dân")
    reference.locator("[data-field=published] input[type=text]").fill("10/01/2023")
    reference.locator("[data-field=supports] select").select_option("date")
    reference.locator("[data-field=note] textarea").fill("Trang nêu ngày ký của nghị quyết.")
    return reference


def test_a_reference_that_gives_a_date_validates_and_marks_the_date(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    resolution(page, site_url)
    reference = add_reference(page)
    labels = reference.locator("label, legend").all_inner_texts()
    for words in (
        "Mã tài liệu",
        "Địa chỉ",
        "Cơ quan đăng",
        "Ngày đăng",
        "Ngày truy cập",
        "Giá trị dựa vào tài liệu",
    ):
        assert any(text.startswith(words) for text in labels), (words, labels)
    assert "không chép câu nào của tài liệu" in reference.locator("[data-field=note]").inner_text()
    # the day it was consulted is today, the value given is the record's date
    today = dt.date.today().isoformat()
    assert reference.locator("[data-field=accessed] input").input_value() == today
    assert reference.locator(".kb-reference__support input").input_value() == "2023-01-09"
    made = proposal(page, "references:")
    assert made["problems"] == [], made["problems"]
    assert (
        "references:\n- id: bo-chinh-tri-ban-hanh-nghi-quyet-34\n"
        f"  url: {URL}\n  title: Bộ Chính trị ban hành Nghị quyết 34-NQ/TW\n"
        f"  publisher: Báo Quân đội nhân dân\n  published: 2023-01-10\n  accessed: {today}\n"
        "  supports:\n    date: 2023-01-09\n  note: Trang nêu ngày ký của nghị quyết.\n"
    ) in made["yaml"]
    # The preview marks the date as the page does, and lists the reference.
    preview = page.locator(".kb-propose__page")
    time_row = preview.locator("tr", has_text="Thời gian").inner_text()
    assert "09/01/2023 (theo tài liệu tham khảo: Báo Quân đội nhân dân, 10/01/2023)" in time_row
    listed = preview.locator(".kb-propose__reference").inner_text()
    assert listed.startswith(
        "Báo Quân đội nhân dân, “Bộ Chính trị ban hành Nghị quyết 34-NQ/TW”, ngày đăng 10/01/2023"
    )
    assert listed.endswith("Dựa vào tài liệu này: thời gian 09/01/2023.")
    # The file: canonical, valid, and its page marks the date.
    data = copy_data(tmp_path)
    path = write_proposal(data, "resolutions", made)
    assert_canonical(path, "resolutions")
    page_text = validate_and_render(tmp_path, data, path)
    assert "theo tài liệu tham khảo" in page_text and "Báo Quân đội nhân dân" in page_text


def test_a_bad_reference_is_refused_at_its_field_in_the_validators_words(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    resolution(page, site_url)
    http = URL.replace("https://", "http://")
    reference = add_reference(page, http)
    reference.locator("[data-field=publisher] input").fill("")
    made = proposal(page, "references:")
    shown = reference.locator("[data-field=url] .kb-error").inner_text()
    assert (
        f"“Tài liệu tham khảo 1 › Địa chỉ”: địa chỉ “{http}” phải là một URL đầy đủ bắt đầu bằng https:// "
        "(không khoảng trắng); mở trang và chép địa chỉ từ thanh địa chỉ"
    ) in shown
    assert (
        "thiếu trường bắt buộc “Cơ quan đăng”"
        in reference.locator("[data-field=publisher] .kb-error").inner_text()
    )
    data = copy_data(tmp_path)
    write_proposal(data, "resolutions", made)
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 1
    assert (
        f"“references[1].url”: địa chỉ “{http}” phải là một URL đầy đủ bắt đầu bằng https://" in result.stderr
    )
    assert "thiếu trường bắt buộc “publisher”" in result.stderr
    assert len([p for p in made["problems"] if p["path"][0] == "references"]) == 2


def test_a_referenced_date_outside_the_articles_bounds_and_a_value_the_record_lacks_are_refused(
    page: Any, site_url: str
) -> None:
    resolution(page, site_url)
    reference = add_reference(page)
    support = reference.locator(".kb-reference__support input")
    support.fill("2026-01-09")
    field(page, "date").locator("input[type=text]").first.fill("2026-01-09")
    reference.get_by_role("button", name="Thêm giá trị dựa vào tài liệu").click()
    second = reference.locator(".kb-reference__support").nth(1)
    second.locator("select").select_option("location")
    second.locator("input").fill("Hà Nội")
    made = proposal(page, "location: Hà Nội")
    messages = [p["message"] for p in made["problems"]]
    source = page.locator(f".kb-picker select option[value={TCCS}]").inner_text()
    assert (
        "ngày 2026-01-09 mà tài liệu tham khảo “bo-chinh-tri-ban-hanh-nghi-quyet-34” (Báo Quân đội nhân dân) "
        f"nêu muộn hơn ngày đăng 26/05/2025 của nguồn “{source}” (bài viết không nói về việc xảy ra sau ngày đăng); "
        "kiểm tra lại tài liệu: mốc của bài nguồn được giữ, tài liệu trái với nó không dùng được"
    ) in messages, messages
    assert any(
        m.startswith(
            "tài liệu “bo-chinh-tri-ban-hanh-nghi-quyet-34” hỗ trợ “Địa điểm”, nhưng bản ghi không có"
        )
        for m in messages
    ), messages


def test_what_a_reference_supports_is_ordered_as_make_fix_orders_it(page: Any, site_url: str) -> None:
    """By the file's own fields (fix/key_order.py), whatever order the editor added them in."""
    from defence_kb.fix.key_order import order_keys
    from defence_kb.jsonschema import json_schemas
    from defence_kb.schema import RECORD_TYPES

    open_form(page, site_url)
    data = {
        "title": "T",
        "id": "t",
        "references": [
            {
                "supports": {"location": "Hà Nội", "number": "1", "date": {"end": "2021", "start": "2020"}},
                "id": "r",
            }
        ],
    }
    schema = json_schemas()["resolutions.schema.json"]
    ordered = page.evaluate("([d, s]) => window.kbPropose.orderKeys(d, s, s)", [data, schema])
    expected = order_keys(data, RECORD_TYPES["resolutions"])
    assert list(ordered["references"][0]["supports"]) == ["date", "location", "number"]
    assert ordered == expected and list(ordered["references"][0]["supports"]["date"]) == ["start", "end"]
