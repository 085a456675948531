"""The proposal form from the editor's side (issue 24, section 2), in a real browser: what
it says is in the editor's words, dates are read as Vietnamese write them, near duplicates
and markup are caught before sending, the picker and the comboboxes work from the keyboard,
new entities open where they are named, and corrections are drafts with a readable diff.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO_ROOT, run_cli
from defence_kb.fix.canonical_yaml import emit
from defence_kb.validate.rules.html_tags import HTML_TAG
from test_propose import (
    TTXVN,
    assert_canonical,
    choose,
    copy_data,
    describe_new_entity,
    field,
    fill,
    open_form,
    picker,
    problems_shown,
    proposal,
    select,
    write_proposal,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]

FPA = "hiep-dinh-fpa-viet-nam-eu"


def typed_quote(page: Any, text: str) -> None:
    page.get_by_role("button", name="Thêm trích dẫn gõ tay").click()
    item = page.locator(".kb-evidence__item").last
    item.locator("select").select_option(TTXVN)
    item.locator("textarea").fill(text)


def show_all(page: Any) -> None:
    """What the send button does while problems remain: show every one of them."""
    page.wait_for_timeout(300)
    page.locator("button.kb-propose__submit").click()


def whole_words_of(fragment: str, text: str) -> bool:
    at = text.find(fragment)
    end = at + len(fragment)
    return at >= 0 and (at == 0 or text[at - 1] == " ") and (end == len(text) or text[end] == " ")


def test_quote_messages_name_the_source_cut_at_words_and_say_where_a_first_word_differs(
    page: Any, site_url: str
) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử trích dẫn")
    source_name = page.locator(f".kb-picker select option[value={TTXVN}]").inner_text()
    diverging = "Đáng chú ý, Bộ Quốc phòng đã tham mưu với Quốc hội"
    typed_quote(page, diverging)
    typed_quote(page, "Rất chú ý, Bộ Quốc phòng đã tham mưu với Đảng")
    show_all(page)
    shown = problems_shown(page)
    assert f"trích dẫn không có nguyên văn trong nguồn “{source_name}”" in shown
    assert f"“{TTXVN}”" not in shown
    found = re.search(
        r"khớp với đoạn 8 đến “…(.+?)”, rồi khác nguồn từ chữ “(\S+)” \(nguồn không có “(.+?)…”\)", shown
    )
    assert found, shown
    assert whole_words_of(found.group(1), diverging) and whole_words_of(found.group(3), diverging)
    assert found.group(2) == "Quốc" and found.group(3) == "Quốc hội"
    assert "khác nguồn ngay từ chữ đầu “Rất”: phần sau khớp với đoạn 8, nơi nguồn viết “Đáng chú ý," in shown


def test_status_labels_are_vietnamese_only(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    options = field(page, "status").locator("option").all_inner_texts()
    assert "Đã diễn ra" in options
    assert not any(re.search(r"\([a-z_]+\)$", option) for option in options), options


@pytest.mark.parametrize("typed", ["17-10-2019", "17/10/2019", "2019-10-17", "17.10.2019"])
def test_dates_are_read_as_vietnamese_write_them(page: Any, site_url: str, typed: str) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử ngày")
    date = field(page, "date").locator("input[type=text]").first
    date.fill(typed)
    date.blur()
    assert "date: 2019-10-17\n" in proposal(page, "Thử ngày")["yaml"]
    assert "Nghĩa là: 17/10/2019 (chính xác đến ngày)." in field(page, "date").inner_text()


def test_a_future_date_of_something_that_happened_is_questioned(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử ngày tương lai")
    date = field(page, "date").locator("input[type=text]").first
    date.fill("2030-05-01")
    date.blur()
    made = proposal(page, "2030-05-01")
    question = "ngày 2030-05-01 ở tương lai, nhưng “Tình trạng” là “Đã diễn ra”"
    assert any(question in problem["message"] for problem in made["problems"])
    assert question in field(page, "date").inner_text()  # beside the field, which was touched
    select(page, "status", "planned")
    made = proposal(page, "status: planned")
    assert not any("ở tương lai" in problem["message"] for problem in made["problems"])


def test_a_date_problem_is_shown_at_its_field_even_under_seldom_used_fields(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử mốc")
    more = page.locator(".kb-propose__more")
    more.locator("summary").click()
    more.locator("[data-field=not_before] [data-field=date] input[type=text]").first.fill("2019-13")
    more.locator("summary").click()  # folded again
    assert more.get_attribute("open") is None
    show_all(page)
    error = more.locator("[data-field=not_before] .kb-error").first
    assert more.get_attribute("open") is not None
    assert error.is_visible() and "tháng 13 không có thật" in error.inner_text()
    # The link in "Kiểm tra" leads to a visible field.
    link = page.locator(".kb-propose__problems a", has_text="Không sớm hơn").first
    target = link.get_attribute("href")
    assert page.locator(target).is_visible()


def test_a_title_close_to_an_existing_records_is_shown_with_a_link(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    fill(
        page,
        "title",
        "Hiệp định giữa Chính phủ Việt Nam và Liên minh châu Âu về thiết lập khuôn khổ tham gia",
    )
    near = page.get_by_role("region", name="Bản ghi gần giống")
    near.wait_for()
    link = near.locator(f"a[href$='/{FPA}/']")
    assert link.count() == 1
    href = link.get_attribute("href")
    assert page.request.get(page.url.split("?")[0] + href).ok
    fill(page, "title", "Một tiêu đề không giống bản ghi nào khác cả")
    page.wait_for_timeout(300)
    assert not near.is_visible()


def test_related_records_are_found_by_their_summaries(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    records = page.evaluate(
        "() => fetch('du-lieu.json').then(r => r.json()).then(d => d.records.map(r => [r.data.title, r.data.summary || '']))"
    )
    fold = lambda text: page.evaluate("t => window.kbFold(t)", text)  # noqa: E731
    titles = fold(" ".join(title for title, _ in records))
    word, wanted = next(
        (w, title)
        for title, summary in records
        for w in fold(summary).split()
        if len(w) > 6 and w.isalpha() and w not in titles
    )
    box = field(page, "related").locator("input[role=combobox]")
    box.fill(word)
    options = page.locator(f"#{box.get_attribute('aria-controls')} [role=option]")
    options.first.wait_for()
    assert any(text.startswith(wanted) for text in options.all_inner_texts()), (word, wanted)


def test_html_in_a_text_field_is_refused_with_a_clear_message(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử HTML")
    fill(page, "summary", "Việt Nam ký <b>bản ghi nhớ</b> với Pháp.")
    made = proposal(page, "Thử HTML")
    message = "“Tóm tắt” có thẻ HTML “<b>”: nội dung là chữ thuần, không dùng HTML"
    assert any(message in problem["message"] for problem in made["problems"])
    assert message in field(page, "summary").inner_text()


def test_html_is_refused_in_a_quote_and_in_a_new_entity_as_the_validator_refuses_it(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    """Nested values and a new entity's fields are checked too, with the validator's words
    (rules/html_tags.py), the field named by its label."""
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    fill(page, "title", "Thử HTML lồng")
    typed_quote(page, "Bộ Quốc phòng đã <i>tham mưu</i>")
    choose(page, "entities", "Bộ Quốc phòng Pháp")
    entity = page.locator(".kb-new-entity").first
    entity.locator("[data-field=description] textarea").fill("Cơ quan <img src=x onerror=alert(1)> của Pháp")
    made = proposal(page, "Thử HTML lồng")
    how = "nội dung là chữ thuần, không dùng HTML; xóa thẻ (muốn nhấn mạnh thì viết *chữ nghiêng* hoặc **chữ đậm**)"
    shown = [problem["message"] for problem in made["problems"]]
    assert f"“Bằng chứng (trích nguyên văn) 1 › Trích dẫn” có thẻ HTML “<i>”: {how}" in shown, shown
    assert f"“Giới thiệu ngắn” có thẻ HTML “<img src=x onerror=alert(1)>”: {how}" in shown, shown
    assert "<img src=x" in entity.locator("[data-field=description] .kb-error").inner_text()
    data = copy_data(tmp_path)
    write_proposal(data, "agreements", made)
    validated = run_cli("--data", str(data), "validate").stderr
    assert f"“evidence[1].quote” có thẻ HTML “<i>”: {how}" in validated
    assert f"“description” có thẻ HTML “<img src=x onerror=alert(1)>”: {how}" in validated


def test_html_in_a_new_sources_text_is_refused_before_the_validator_refuses_it(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    """The "Thêm nguồn" step: a pasted article with a tag is refused, paragraph named, as
    rules/html_tags.py refuses the source file it would write."""
    open_form(page, site_url)
    page.locator(".kb-propose__new-source > summary").click()
    page.get_by_label("Toàn văn bài viết").fill(
        "Bài thử có thẻ\n\nĐoạn một của bài viết thử, đủ dài để là thân bài.\n\n"
        "Đoạn hai có <b>chữ đậm</b> giữa câu của bài viết thử."
    )
    page.get_by_label("Cơ quan đăng bài", exact=True).fill("Báo <i>Thử</i>")
    page.wait_for_timeout(300)
    made = page.evaluate("window.kbPropose.current()")
    how = "nội dung là chữ thuần, không dùng HTML; xóa thẻ (muốn nhấn mạnh thì viết *chữ nghiêng* hoặc **chữ đậm**)"
    shown = [(problem["where"], problem["message"]) for problem in made["problems"]]
    assert ("Nguồn mới: Toàn văn bài viết", f"“Toàn văn bài viết › đoạn 3” có thẻ HTML “<b>”: {how}") in shown
    assert ("Nguồn mới: Cơ quan đăng bài", f"“Cơ quan đăng bài” có thẻ HTML “<i>”: {how}") in shown
    data = copy_data(tmp_path)
    (data / "sources" / f"{made['source']['id']}.yml").write_text(made["source"]["yaml"], encoding="utf-8")
    validated = run_cli("--data", str(data), "validate").stderr
    assert f"“paragraphs[3].text” có thẻ HTML “<b>”: {how}" in validated
    assert f"“publisher” có thẻ HTML “<i>”: {how}" in validated


MARKUP_OR_NOT = [
    "<script>alert(1)</script>",
    "chữ <b>đậm</b>",
    'xem <a href="https://x.example">đây</a>',
    "<img src=x onerror=alert(1)>",
    "dòng<br/>mới",
    "<!-- ẩn -->",
    "<!DOCTYPE html>",
    "<![CDATA[x]]>",
    "<?php echo 1 ?>",
    "a < b và b > c",
    "<3 tháng",
    "< 5 năm, >2 lần",
    "<Hà Nội>",
    "x<y",
    "<- và ->",
    "<https://example.org>",
]


def test_the_form_and_the_validator_see_the_same_tags(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    seen = page.evaluate("texts => texts.map(t => window.kbPropose.htmlTag(t))", MARKUP_OR_NOT)
    expected = [found.group() if (found := HTML_TAG.search(text)) else None for text in MARKUP_OR_NOT]
    assert seen == expected
    assert expected.count(None) == 7


def test_emphasis_in_the_preview_looks_as_on_the_page(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử nhấn mạnh")
    fill(page, "summary", "Một *điểm mới* và **điều chính**, còn <i>đây</i> là chữ.")
    proposal(page, "Thử nhấn mạnh")
    preview = page.locator(".kb-propose__page")
    assert preview.locator("em").inner_text() == "điểm mới"
    assert preview.locator("strong").inner_text() == "điều chính"
    assert preview.locator("i").count() == 0 and "<i>đây</i>" in preview.inner_text()


def test_the_picker_marks_every_picked_word_and_search_hits_and_leaves_punctuation_unpicked(
    page: Any, site_url: str
) -> None:
    open_form(page, site_url)
    paragraph = picker(page, TTXVN, "ban ghi nho")
    hits = paragraph.locator(".kb-word--hit").all_inner_texts()
    assert any("ghi" in hit for hit in hits) and any("nhớ" in hit for hit in hits)
    words = paragraph.locator(".kb-word")
    texts = words.all_inner_texts()
    last = next(i for i, text in enumerate(texts) if text.endswith(",") and i > 3)
    words.nth(last - 3).click()
    box = words.nth(last).bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + box["height"] / 2)  # on the letters
    chosen = paragraph.locator(".kb-word--chosen").all_inner_texts()
    assert chosen[-1] == texts[last] and len(chosen) == 4  # the last word is marked too
    quote = page.locator(".kb-picker__chosen").inner_text()
    assert quote.endswith(texts[last].rstrip(",") + "”")  # the comma was not picked
    comma = words.nth(last).locator(".kb-word__punct")
    words.nth(last - 3).click()
    comma.click()  # unless it is picked
    assert page.locator(".kb-picker__chosen").inner_text().endswith(texts[last] + "”")


def test_the_picker_on_a_phone_scrolls_with_the_page_and_keeps_its_button_in_view(
    phone: Any, site_url: str
) -> None:
    open_form(phone, site_url)
    paragraph = picker(phone, TTXVN, "")
    paragraphs = phone.locator(".kb-picker__paragraphs")
    assert paragraphs.evaluate(
        "el => el.scrollHeight <= el.clientHeight + 1"
    )  # no scrolling box inside the page
    paragraph.locator(".kb-word").first.click()
    paragraph.locator(".kb-word").nth(5).click()
    use = phone.get_by_role("button", name="Thêm vào bằng chứng")
    phone.locator(".kb-picker__paragraph").nth(3).scroll_into_view_if_needed()
    box = use.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844


def test_a_quote_picked_word_by_word_from_the_keyboard(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    fill(page, "title", "Thử bàn phím")
    paragraph = picker(page, TTXVN, "9 ban ghi nho")
    texts = paragraph.locator(".kb-word").all_inner_texts()
    page.locator(".kb-picker__paragraphs").focus()
    page.keyboard.press("ArrowDown")  # the first paragraph, its first word
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    for _ in range(3):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    expected = " ".join(texts[2:6]).rstrip(",.;:")
    made = proposal(page, "Thử bàn phím")
    assert f"quote: {expected}" in " ".join(made["yaml"].split()), made["yaml"]
    assert page.locator(".kb-evidence__where").first.inner_text().startswith("✓ Có nguyên văn")


def test_no_option_is_active_until_the_editor_moves(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    box = field(page, "parties").locator("input[role=combobox]")
    box.fill("phap")
    page.wait_for_selector(f"#{box.get_attribute('aria-controls')} [role=option]")
    assert box.get_attribute("aria-activedescendant") is None
    assert field(page, "parties").locator("[role=option][aria-selected=true]").count() == 0
    box.press("Enter")
    assert field(page, "parties").locator(".kb-chip").count() == 0
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant").endswith("-0")
    box.press("Enter")
    assert field(page, "parties").locator(".kb-chip").count() == 1


def test_a_new_entity_opens_next_to_its_field_and_asks_for_a_description(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    choose(page, "parties", "Bộ Quốc phòng Pháp")
    after = page.evaluate("() => document.querySelector('[data-field=parties]').nextElementSibling.className")
    assert "kb-new-entity" in after
    entity = page.locator(".kb-new-entity").first
    assert entity.locator("[data-field=description] textarea").is_visible()
    assert entity.locator("[data-field=kind] select").evaluate("el => el === document.activeElement")


def test_a_new_entity_is_described_with_its_source_and_its_file_validates(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    """The panel asks, in Vietnamese, for what the articles say of the entity and where
    (source and paragraph); the file it writes cites them as the data's entities do, is
    canonical, validates, and comes back whole from a draft."""
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    title = "Bản ghi nhớ gìn giữ hòa bình với Bộ Quốc phòng Pháp (thử đối tác)"
    fill(page, "title", title)
    choose(page, "parties", "Bộ Quốc phòng Pháp")
    panel = page.locator(".kb-new-entity").first
    labels = " ".join(panel.locator("label, legend").all_inner_texts())
    for words in ("Giới thiệu ngắn (bắt buộc)", "Nguồn nói về đối tác (bắt buộc)", "Nguồn", "Đoạn (số đoạn"):
        assert words in labels, labels
    assert "bằng lời của bạn" in panel.locator("[data-field=description] .kb-hint").inner_text()
    panel.locator("[data-field=kind] select").select_option("organisation")
    show_all(page)
    shown = problems_shown(page)
    assert "Đối tác mới 1: thiếu “Giới thiệu ngắn”: viết ngắn gọn, bằng lời của bạn" in shown
    assert "Đối tác mới 1: chưa chọn nguồn nói về đối tác" in shown
    assert "chưa chọn nguồn" in panel.locator("[data-field=source] .kb-error").inner_text()
    # A paragraph the source does not have is named at its field.
    source_name = page.locator(f".kb-picker select option[value={TTXVN}]").inner_text()
    panel.locator("[data-field=entity_source] select").select_option(TTXVN)
    assert "Tên “Bộ Quốc phòng Pháp”" not in panel.inner_text()  # the name is not in the article
    describe_new_entity(
        page, "organisation", "Cơ quan quốc phòng của Pháp, nước ký bản ghi nhớ.", TTXVN, "99"
    )
    made = proposal(page, title)
    assert (
        f"nguồn “{source_name}” không có đoạn 99 (các đoạn từ 1 đến"
        in panel.locator("[data-field=paragraphs] .kb-error").inner_text()
    )
    describe_new_entity(
        page, "organisation", "Cơ quan quốc phòng của Pháp, nước ký bản ghi nhớ.", TTXVN, "8, 9"
    )
    assert "Đoạn 8: Đáng chú ý, Bộ Quốc phòng đã tham mưu" in panel.inner_text()
    made = proposal(page, title)
    assert not [p for p in made["problems"] if p["path"][0] == "entity"], made["problems"]
    description = f"Cơ quan quốc phòng của Pháp, nước ký bản ghi nhớ ({source_name}, đoạn 8, đoạn 9)."
    expected = {"id": "bo-quoc-phong-phap", "kind": "organisation", "name": "Bộ Quốc phòng Pháp"}
    assert made["entities"][0]["yaml"] == emit({**expected, "description": description})
    data = copy_data(tmp_path)
    path = data / "entities" / "bo-quoc-phong-phap.yml"
    path.write_text(made["entities"][0]["yaml"], encoding="utf-8")
    assert run_cli("--data", str(data), "validate").returncode == 0
    assert run_cli("--data", str(data), "fix", "--check").returncode == 0
    # A draft gives the panel back as it was typed: the words, the source, the paragraphs.
    open_form(page, site_url)
    page.get_by_role("button", name="Tiếp tục bản nháp").click()
    panel = page.locator(".kb-new-entity").first
    assert panel.locator("[data-field=description] textarea").input_value() == (
        "Cơ quan quốc phòng của Pháp, nước ký bản ghi nhớ"
    )
    assert panel.locator("[data-field=entity_source] select").input_value() == TTXVN
    assert panel.locator("[data-field=paragraphs] input").input_value() == "8, 9"
    assert proposal(page, title)["entities"] == made["entities"]


def test_a_correction_is_a_draft_and_its_diff_shows_what_goes_before_what_comes(
    page: Any, site_url: str
) -> None:
    open_form(page, site_url, f"?sua={FPA}")
    old_title = field(page, "title").locator("input").input_value()
    fill(page, "title", old_title + " (sửa)")
    made = proposal(page, "(sửa)")
    diff = page.locator(".kb-propose__diff")
    changed = diff.locator("del, ins").all_inner_texts()
    assert [line[0] for line in changed] == ["-", "+"], changed  # removed, then added
    assert len(changed) == 2  # no other line re-wrapped
    # Reloading keeps the correction as a draft.
    open_form(page, site_url, f"?sua={FPA}")
    page.get_by_role("button", name="Tiếp tục bản nháp").click()
    assert proposal(page, "(sửa)")["yaml"] == made["yaml"]


COVID = "dieu-chinh-doi-ngoai-quoc-phong-thich-ung-covid-19"
AAPTC_2022 = "hoi-nghi-cac-trung-tam-gin-giu-hoa-binh-chau-a-thai-binh-duong-2022"
BOUND_QUOTE = "giai đoạn 2016-2021 tiếp tục đánh dấu bước phát triển mạnh mẽ của công tác HNQT và ĐNQP"


def edit_summary_end(page: Any) -> None:
    summary = field(page, "summary").locator("textarea")
    summary.fill(summary.input_value().replace("cứu chiến lược.", "cứu chiến lược quân sự."))


def edit_summary_start(page: Any) -> None:
    summary = field(page, "summary").locator("textarea")
    summary.fill(summary.input_value().replace("Quân ủy Trung ương,", "Quân ủy Trung ương và"))


def edit_tag(page: Any) -> None:
    field(page, "tags").locator("textarea").fill("Covid-19\nhọp trực tuyến")


def edit_quote(page: Any) -> None:
    quote = page.locator(".kb-evidence__item").nth(3).locator("textarea")
    quote.fill(quote.input_value().removesuffix("..."))


def edit_bound_quote(page: Any) -> None:
    page.locator("[data-field=not_before] [data-field=quote] textarea").fill(BOUND_QUOTE.split(" của")[0])


def edit_date(page: Any) -> None:
    date = field(page, "date").locator("input[type=text]").first
    date.fill("15/06/2022")
    date.blur()


def edit_figure_unit(page: Any) -> None:
    page.locator("[data-field=figures] .kb-group").nth(1).locator("[data-field=unit] input").fill("tổ chức")


@pytest.mark.parametrize(
    ("record", "edit", "removed", "added"),
    [
        pytest.param(
            COVID, edit_summary_end, ["  cứu chiến lược."], ["  cứu chiến lược quân sự."], id="folded-summary"
        ),
        pytest.param(COVID, edit_tag, ["- trực tuyến"], ["- họp trực tuyến"], id="list-item"),
        pytest.param(
            COVID,
            edit_quote,
            ["    nghiên cứu chiến lược..."],
            ["    nghiên cứu chiến lược"],
            id="evidence-quote",
        ),
        pytest.param(
            COVID,
            edit_bound_quote,
            [f"  quote: {BOUND_QUOTE}"],
            [f"  quote: {BOUND_QUOTE.split(' của')[0]}"],
            id="nested-bound-quote",  # not_after holds the same line: it stays
        ),
        pytest.param(AAPTC_2022, edit_date, ["date: 2022-06"], ["date: 2022-06-15"], id="date"),
        pytest.param(
            AAPTC_2022, edit_figure_unit, ["  unit: tổ chức quốc tế"], ["  unit: tổ chức"], id="nested-figure"
        ),
    ],
)
def test_a_correction_changes_the_lines_of_the_changed_field_only(
    page: Any, site_url: str, record: str, edit: Any, removed: list[str], added: list[str]
) -> None:
    """Real records, each kind of field: the file is what `make fix` writes for the changed
    data, and its diff with the file holds the changed lines only, what goes before what comes."""
    open_form(page, site_url, f"?sua={record}")
    before = proposal(page, f"id: {record}\n", typed=False)["yaml"]
    assert before == next((REPO_ROOT / "data").glob(f"*/{record}.yml")).read_text(encoding="utf-8")
    edit(page)
    page.wait_for_function("before => window.kbPropose.current().yaml !== before", arg=before)
    made = proposal(page, f"id: {record}\n")
    assert made["problems"] == []
    diff = page.locator(".kb-propose__diff").inner_text().split("\n")
    changed = [line for line in diff if line[:1] in "-+" and line]
    assert changed == [f"- {line}" for line in removed] + [f"+ {line}" for line in added], changed
    assert [line[2:] for line in diff if line[:2] in ("  ", "- ")] == before.split("\n")
    assert made["yaml"] == before.replace("\n".join(removed), "\n".join(added), 1)


def test_a_correction_early_in_a_folded_summary_rewraps_that_summary_only(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    """A change in a summary's first line moves the words of its later lines, as `make fix`
    folds them, and no line of any other field."""
    open_form(page, site_url, f"?sua={COVID}")
    before = proposal(page, f"id: {COVID}\n", typed=False)["yaml"]
    edit_summary_start(page)
    page.wait_for_function("before => window.kbPropose.current().yaml !== before", arg=before)
    made = proposal(page, f"id: {COVID}\n")
    path = tmp_path / f"{COVID}.yml"
    path.write_text(made["yaml"], encoding="utf-8")
    assert_canonical(path, "events")
    old, new = before.splitlines(), made["yaml"].splitlines()
    start = old.index("summary: >-") + 1
    end = next(i for i in range(start, len(old)) if not old[i].startswith("  "))
    new_end = next(i for i in range(start, len(new)) if not new[i].startswith("  "))
    assert new[:start] == old[:start] and new[new_end:] == old[end:]
    diff = page.locator(".kb-propose__diff").inner_text().split("\n")
    changed = [line for line in diff if line[:1] in "-+" and line]
    removed = [line[2:] for line in changed if line[0] == "-"]
    assert removed and set(removed) <= set(old[start:end])
    assert changed == [f"- {line}" for line in removed] + [
        f"+ {line[2:]}" for line in changed[len(removed) :]
    ]


def test_the_keyboard_only_way_through_the_picker_and_comboboxes_needs_no_mouse(
    page: Any, site_url: str
) -> None:
    """Section 2's keyboard items together: a quote by words and two parties, keys only."""
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    fill(page, "title", "Thử chỉ bàn phím")
    picker(page, TTXVN, "9 ban ghi nho")
    page.locator(".kb-picker__paragraphs").focus()
    for key in ("ArrowDown", "ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "Enter"):
        page.keyboard.press(key)
    choose(page, "parties", "viet nam")
    choose(page, "parties", "phap")
    made = proposal(page, "Thử chỉ bàn phím")
    assert (
        "evidence:" in made["yaml"] and made["yaml"].count("- viet-nam") + made["yaml"].count("- phap") == 2
    )
