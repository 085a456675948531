"""The "Đề xuất bản ghi" form (de-xuat/, docs/assets/propose/) in a real browser.

An editor fills the form for each record type, picking quotes from the sources by clicking
words, by selecting text and by whole paragraphs, and adds a new entity. The YAML the page
produces is written into a copy of the data, where the real loader and validator accept it
and the record's page renders; it is byte for byte what `make fix`'s canonical emitter
writes for the same data. Bad input shows the validator's own message before anything is
sent, and a record too long for GitHub's URL limit falls back to copy and download.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REPO_ROOT, run_cli
from defence_kb.build import build_site, copy_site_config, load_knowledge_base
from defence_kb.fix.canonical_yaml import emit
from defence_kb.jsonschema import json_schemas
from defence_kb.load import load_dataset, read_yaml
from defence_kb.model import KnowledgeBase
from defence_kb.outputs import Inputs, page_jobs
from defence_kb.propose import SELDOM_USED
from defence_kb.render import make_environment, page_url, read_site_settings, render_page
from defence_kb.text import slugify

pytestmark = [pytest.mark.browser, pytest.mark.build]

REPOSITORY = read_site_settings(REPO_ROOT / "mkdocs.yml").repo_url
TTXVN = "ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022"
TCCS = "tccs-hop-tac-hoi-nhap-quoc-phong-2025"
FORM_MODULES = REPO_ROOT / "docs" / "assets" / "propose"
RECORD_FOLDERS = ("events", "agreements", "missions", "resolutions", "positions")


# ------------------------------------------------------------------ driving the form


def open_form(page: Any, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/de-xuat/{query}")
    page.wait_for_selector(".kb-propose__form")


def field(page: Any, name: str) -> Any:
    return page.locator(f".kb-propose__fields [data-field='{name}']").first


def fill(page: Any, name: str, text: str) -> None:
    field(page, name).locator("input[type=text], textarea").first.fill(text)


def select(page: Any, name: str, value: str) -> None:
    field(page, name).locator("select").first.select_option(value)


def choose(page: Any, name: str, typed: str) -> None:
    """Type into a field's combobox and take the first option with ArrowDown and Enter, as a
    keyboard user (no option is active before the editor moves)."""
    box = field(page, name).locator("input[role=combobox]")
    box.fill(typed)
    page.wait_for_selector(f"#{box.get_attribute('aria-controls')} [role=option]")
    box.press("ArrowDown")
    box.press("Enter")


def picker(page: Any, source: str, search: str) -> Any:
    found = page.locator(".kb-picker").first
    found.locator("select").select_option(source)
    found.locator("input[type=search]").fill(search)
    return found.locator(".kb-picker__paragraph").first


def word_index(paragraph: Any, word: str, after: int = 0) -> int:
    words = paragraph.locator(".kb-word").all_inner_texts()
    return words.index(word, after)


def pick_by_clicks(page: Any, source: str, search: str, first: str, last: str) -> None:
    """Click the first and the last word of the quote, then add it."""
    paragraph = picker(page, source, search)
    start = word_index(paragraph, first)
    end = word_index(paragraph, last, start)
    paragraph.locator(".kb-word").nth(start).click()
    paragraph.locator(".kb-word").nth(end).click()
    page.get_by_role("button", name="Thêm vào bằng chứng").click()


def settled_box(page: Any, locator: Any) -> dict[str, float]:
    """Where an element is once the page stops moving: the picker's list may still be
    redrawn (and the header animated) right after scrolling, and a drag aimed at the
    first position would select other words."""
    box = locator.bounding_box()
    for _ in range(20):
        page.wait_for_timeout(50)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def pick_by_selection(page: Any, source: str, search: str, first: str, last: str) -> None:
    """Drag the mouse from the first word's start to the last word's end, then add it."""
    paragraph = picker(page, source, search)
    start = word_index(paragraph, first)
    end = word_index(paragraph, last, start)
    paragraph.locator(".kb-word").nth(start).scroll_into_view_if_needed()
    a = settled_box(page, paragraph.locator(".kb-word").nth(start))
    b = settled_box(page, paragraph.locator(".kb-word").nth(end))
    page.mouse.move(a["x"] + 1, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] - 1, b["y"] + b["height"] / 2, steps=8)
    page.mouse.up()
    page.get_by_role("button", name="Thêm vào bằng chứng").click()


def pick_paragraph(page: Any, source: str, search: str) -> None:
    paragraph = picker(page, source, search)
    paragraph.locator(".kb-picker__whole").click()
    page.get_by_role("button", name="Thêm vào bằng chứng").click()


def proposal(page: Any, title: str, *, typed: bool = True) -> dict[str, Any]:
    """What the page offers to send, once its checks have run on the latest input."""
    page.wait_for_function(
        "title => window.kbPropose && window.kbPropose.current().yaml.includes(title)", arg=title
    )
    if typed:
        page.wait_for_timeout(300)  # the checks run 120 ms after the last keystroke
    return page.evaluate("window.kbPropose.current()")


def describe_new_entity(
    page: Any, kind: str, description: str, source: str, paragraphs: str, nth: int = 0
) -> Any:
    """Fill a new entity's panel as the editor must: its kind, what the article says of it
    in the editor's words, and the source and paragraphs that say it."""
    panel = page.locator(".kb-new-entity").nth(nth)
    panel.locator("[data-field=kind] select").select_option(kind)
    panel.locator("[data-field=description] textarea").fill(description)
    panel.locator("[data-field=entity_source] select").select_option(source)
    panel.locator("[data-field=entity_source] [data-field=paragraphs] input").fill(paragraphs)
    return panel


def problems_shown(page: Any) -> str:
    return page.locator(".kb-propose__check").inner_text()


# ------------------------------------------------------------------ checking what it made


def write_proposal(data: Path, folder: str, made: dict[str, Any]) -> Path:
    record_id = re.search(r"^id: (\S+)$", made["yaml"], re.M).group(1)
    path = data / folder / f"{record_id}.yml"
    path.write_text(made["yaml"], encoding="utf-8")
    for entity in made["entities"]:
        (data / "entities" / f"{entity['id']}.yml").write_text(entity["yaml"], encoding="utf-8")
    return path


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    return data


def assert_canonical(path: Path, schema_name: str) -> None:
    """The file is byte for byte what `make fix` writes: the canonical emitter's text of its
    data with every key in the schema's order."""
    loaded, problems = read_yaml(path)
    assert loaded is not None and not problems
    schema = json_schemas()[f"{schema_name}.schema.json"]
    assert path.read_text(encoding="utf-8") == emit(canonical_order(loaded.data, schema))


def validate_and_render(tmp_path: Path, data: Path, path: Path) -> str:
    """The real loader and validator accept the data, and `make fix --check` finds every
    file canonical (it would change nothing the form wrote); the record's page, rendered."""
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr
    fixed = run_cli("--data", str(data), "fix", "--check")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    kb = load_knowledge_base(REPO_ROOT, data)
    record_id = path.stem
    env = make_environment(kb, read_site_settings(REPO_ROOT / "mkdocs.yml"))
    job = next(job for job in page_jobs(Inputs(kb)) if job.path.endswith(f"/{record_id}.md"))
    return render_page(env, job)


# ------------------------------------------------------------------ one record per type


def test_an_agreement_with_two_quotes_and_a_new_entity_validates_builds_and_is_canonical(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    title = "Bản ghi nhớ về hợp tác gìn giữ hòa bình Liên hợp quốc với Pháp (đề xuất thử)"
    fill(page, "title", title)
    assert field(page, "id").locator("input").input_value() == slugify(title)
    pick_by_clicks(page, TTXVN, "9 ban ghi nho", "Bộ", "Pháp,")
    pick_by_selection(page, TTXVN, "9 ban ghi nho", "Đáng", "đối")
    fill(page, "summary", "Việt Nam ký với Pháp một bản ghi nhớ về gìn giữ hòa bình.\n\nĐoạn thứ hai.")
    select(page, "kind", "memorandum")
    choose(page, "parties", "viet nam")
    choose(page, "parties", "phap")
    field(page, "themes").get_by_label("Gìn giữ hòa bình Liên hợp quốc").check()
    choose(page, "entities", "Bộ Quốc phòng Pháp")  # no such entity: "+ Thêm đối tác mới"
    describe_new_entity(
        page, "organisation", "Bộ Quốc phòng của Pháp, nước đối tác ký bản ghi nhớ.", TTXVN, "8"
    )
    made = proposal(page, title)
    assert made["problems"] == []
    assert "Không có lỗi" in problems_shown(page)
    assert [entity["id"] for entity in made["entities"]] == ["bo-quoc-phong-phap"]

    # The quotes are the paragraph's own words, with their source.
    assert "- source: " + TTXVN in made["yaml"]
    assert "Bộ Quốc phòng đã tham mưu với Đảng" in made["yaml"]
    assert page.locator(".kb-evidence__where").first.inner_text() == "✓ Có nguyên văn trong đoạn 8 của nguồn."

    data = copy_data(tmp_path)
    path = write_proposal(data, "agreements", made)
    assert_canonical(path, "agreements")
    assert_canonical(data / "entities" / "bo-quoc-phong-phap.yml", "entities")
    page_text = validate_and_render(tmp_path, data, path)
    assert f"# {title}" in page_text

    # The whole site builds with it, and lists the record on its theme and the new entity's page.
    scratch = copy_site_config(REPO_ROOT, tmp_path / "repo")
    build_site(scratch, data, scratch / "site")
    built = (scratch / "site" / "thoa-thuan" / path.stem / "index.html").read_text(encoding="utf-8")
    assert "Bộ Quốc phòng Pháp" in built and "đoạn 8" in built
    entity_page = scratch / "site" / "doi-tac" / "bo-quoc-phong-phap" / "index.html"
    assert path.stem in entity_page.read_text(encoding="utf-8")


def test_an_event_with_a_date_a_host_and_a_whole_paragraph(page: Any, site_url: str, tmp_path: Path) -> None:
    open_form(page, site_url, "?chu-de=gin-giu-hoa-binh-lhq")
    assert field(page, "themes").get_by_label("Gìn giữ hòa bình Liên hợp quốc").is_checked()
    title = "Hội nghị các Trung tâm Gìn giữ hòa bình khu vực châu Á - Thái Bình Dương (đề xuất thử)"
    fill(page, "title", title)
    pick_paragraph(page, TTXVN, "thang 6/2022")
    fill(page, "summary", "Bộ Quốc phòng tổ chức Hội nghị với 18 quốc gia và 8 tổ chức quốc tế.")
    select(page, "kind", "conference")
    field(page, "date").locator("input[type=text]").first.fill("6/2022")
    field(page, "date").locator("input[type=text]").first.blur()
    choose(page, "hosts", "bo quoc phong viet")
    choose(page, "related", "AAPTC")
    page.locator(".kb-propose__more > summary").click()
    page.locator("[data-field=figures] button", has_text="Thêm số liệu").click()
    figure = page.locator("[data-field=figures] .kb-group").first
    figure.locator("[data-field=value] input").fill("18")
    figure.locator("[data-field=unit] input").fill("quốc gia")
    figure.locator("[data-field=as_stated] input").fill("18 quốc gia")
    made = proposal(page, title)
    assert made["problems"] == []
    assert "date: 2022-06\n" in made["yaml"]
    assert "  as_stated: 18 quốc gia\n" in made["yaml"]
    data = copy_data(tmp_path)
    path = write_proposal(data, "events", made)
    assert_canonical(path, "events")
    rendered = validate_and_render(tmp_path, data, path)
    assert "18 quốc gia" in rendered and "tháng 6/2022" in rendered


def test_a_mission_with_an_organiser(page: Any, site_url: str, tmp_path: Path) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=missions]")
    title = "Đội Công binh Việt Nam đến Phái bộ tại Abyei (đề xuất thử)"
    fill(page, "title", title)
    pick_by_clicks(page, TTXVN, "moi Viet Nam cu Doi Cong binh", "tạo", "Abyei.")
    fill(page, "summary", "Liên hợp quốc mời Việt Nam cử Đội Công binh đầu tiên đến Phái bộ Abyei.")
    select(page, "unit_type", "engineering_unit")
    choose(page, "organiser", "lien hop quoc")
    select(page, "status", "planned")
    field(page, "themes").get_by_label("Gìn giữ hòa bình Liên hợp quốc").check()
    made = proposal(page, title)
    assert made["problems"] == []
    assert "organiser: lien-hop-quoc\n" in made["yaml"] and "status: planned\n" in made["yaml"]
    data = copy_data(tmp_path)
    path = write_proposal(data, "missions", made)
    assert_canonical(path, "missions")
    assert "Liên hợp quốc" in validate_and_render(tmp_path, data, path)


def test_a_resolution_with_its_number_and_issuer(page: Any, site_url: str, tmp_path: Path) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=resolutions]")
    title = "Nghị quyết số 34-NQ/TW về triển khai đường lối đối ngoại (đề xuất thử)"
    fill(page, "title", title)
    pick_by_selection(page, TCCS, "34-NQ/TW", "Nghị", "XIII”;")
    fill(page, "summary", "Nghị quyết của Bộ Chính trị về triển khai đường lối đối ngoại Đại hội XIII.")
    select(page, "doc_type", "resolution")
    fill(page, "number", "34-NQ/TW")
    choose(page, "issuer", "bo chinh tri")
    field(page, "date").locator("input[type=text]").first.fill("9/1/2023")
    field(page, "themes").get_by_label("Văn kiện chính sách").check()
    made = proposal(page, title)
    assert made["problems"] == []
    assert "date: 2023-01-09\n" in made["yaml"] and "number: 34-NQ/TW\n" in made["yaml"]
    data = copy_data(tmp_path)
    path = write_proposal(data, "resolutions", made)
    assert_canonical(path, "resolutions")
    assert "34-NQ/TW" in validate_and_render(tmp_path, data, path)


def test_a_position_stated_by_viet_nam(page: Any, site_url: str, tmp_path: Path) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=positions]")
    title = "Chủ trương không tham gia liên minh quân sự (đề xuất thử)"
    fill(page, "title", title)
    pick_by_clicks(page, TCCS, "lien minh quan su", "Việt", "sự;")
    fill(page, "summary", "Việt Nam chủ trương không tham gia liên minh quân sự.")
    select(page, "kind", "policy")
    choose(page, "stated_by", "viet nam")
    field(page, "themes").get_by_label("Quan hệ quốc phòng song phương và diễn đàn đa phương").check()
    made = proposal(page, title)
    assert made["problems"] == []
    data = copy_data(tmp_path)
    path = write_proposal(data, "positions", made)
    assert_canonical(path, "positions")
    assert "Việt Nam chủ trương không tham gia liên minh quân sự" in validate_and_render(tmp_path, data, path)


# ------------------------------------------------------------------ bad input


def validator_messages(tmp_path: Path, folder: str, made: dict[str, Any]) -> list[str]:
    """The validator's messages on the proposed file, as `make validate` prints them."""
    data = copy_data(tmp_path)
    path = write_proposal(data, folder, made)
    result = run_cli("--data", "data", "validate", cwd=tmp_path)
    assert result.returncode == 1
    prefix = f"data/{folder}/{path.name}:"
    return [line.split(": ", 1)[1] for line in result.stderr.splitlines() if line.startswith(prefix)]


def test_the_fields_come_in_the_files_order_after_the_steps_lead(page: Any, site_url: str) -> None:
    """Title, id, evidence and summary lead (CONTRIBUTING.md's steps); every other field
    follows the JSON Schema, the order of the file: dates, status and place, then the type's
    own fields (an agreement's kind and parties), then themes and links. Seldom-used fields
    keep that order under "Trường khác"."""
    lead = ["title", "id", "evidence", "summary"]
    open_form(page, site_url)
    schemas = json_schemas()
    for folder in RECORD_FOLDERS:
        schema = schemas[f"{folder}.schema.json"]
        page.check(f"input[name=kb-type][value={folder}]")
        shown = page.eval_on_selector_all(
            ".kb-propose__main > [data-field], .kb-propose__more > [data-field]",
            "boxes => boxes.map(box => box.dataset.field)",
        )
        order = lead + [name for name in schema["properties"] if name not in lead and name != "former_ids"]
        main = [name for name in order if name not in SELDOM_USED]
        assert shown == main + [name for name in order if name in SELDOM_USED], folder
        assert main.index("status") < main.index("themes") and main.index("location") < main.index("themes")


def test_bad_input_shows_the_validators_messages_before_sending(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=events]")
    # The title of an existing agreement gives an id already in use.
    title = "Hiệp định giữa Chính phủ Việt Nam và Liên minh châu Âu về thiết lập khuôn khổ tham gia"
    fill(page, "title", title)
    fill(page, "summary", "Tóm tắt.")
    select(page, "kind", "meeting")
    field(page, "themes").get_by_label("Gìn giữ hòa bình Liên hợp quốc").check()
    page.get_by_role("button", name="Thêm trích dẫn gõ tay").click()
    evidence = page.locator(".kb-evidence__item").first
    evidence.locator("select").select_option(TTXVN)
    evidence.locator("textarea").fill("Đáng chú ý, Bộ Quốc phòng đã tham mưu với Quốc hội")
    field(page, "date").locator("input[type=text]").first.fill("2019-02-30")
    page.locator(".kb-propose__more > summary").click()
    page.locator("[data-field=figures] button", has_text="Thêm số liệu").click()
    figure = page.locator("[data-field=figures] .kb-group").first
    figure.locator("[data-field=value] input").fill("1.100")
    figure.locator("[data-field=unit] input").fill("lượt quân nhân")
    figure.locator("[data-field=as_stated] input").fill("trên 1.100 lượt quân nhân")
    made = proposal(page, "title:")
    expected = validator_messages(tmp_path, "events", made)
    assert len(expected) >= 4, expected
    assert any("trích dẫn không có nguyên văn" in m and "khớp với đoạn 8" in m for m in expected)
    # The validator's problems, one for one, in the editor's words: fields by their labels,
    # the source by its name, never a key or an id.
    shown = problems_shown(page)
    assert page.locator(".kb-propose__problems li").count() == len(expected)
    source_name = page.locator(f".kb-picker select option[value={TTXVN}]").inner_text()
    assert f"trích dẫn không có nguyên văn trong nguồn “{source_name}”; khớp với đoạn 8" in shown
    assert "“Thời gian”: ngày “2019-02-30” không có thật trên lịch" in shown
    assert "“Số liệu 1 › Con số” phải là số nguyên" in shown
    for key in ("“date”", "“figures", f"“{TTXVN}”", "“id”"):
        assert key not in shown, key
    # Beside the field too, tied to it for screen readers, and the send button does not send.
    quote = evidence.locator("textarea")
    assert quote.get_attribute("aria-invalid") == "true"
    described = quote.get_attribute("aria-describedby").split()
    assert any("khớp với đoạn 8" in page.locator(f"#{i}").inner_text() for i in described)
    assert page.locator(".kb-propose__status").get_attribute("aria-live") == "polite"
    assert page.locator("a.kb-propose__submit").count() == 0
    page.locator("button.kb-propose__submit").click()
    assert page.locator(".kb-error:visible").count() >= 4


def test_a_required_field_left_empty_is_named_by_its_label(page: Any, site_url: str, tmp_path: Path) -> None:
    """The validator names the key ("parties"); the form names the field as the editor sees it."""
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    fill(page, "title", "Một bản ghi chưa đủ")
    made = proposal(page, "chưa đủ")
    expected = validator_messages(tmp_path, "agreements", made)
    shown = problems_shown(page)
    assert "thiếu trường bắt buộc “parties”" in expected
    assert page.locator(".kb-propose__problems li").count() == len(expected)
    assert "thiếu trường bắt buộc “Các bên ký kết”" in shown
    assert "“parties”" not in shown and "“summary”" not in shown


# ------------------------------------------------------------------ sending


def test_the_pull_request_link_carries_file_name_content_and_checklist(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=positions]")
    title = "Chủ trương không tham gia liên minh quân sự (liên kết)"
    fill(page, "title", title)
    pick_by_clicks(page, TCCS, "lien minh quan su", "Việt", "sự;")
    fill(page, "summary", "Tóm tắt.")
    select(page, "kind", "policy")
    field(page, "themes").get_by_label("Văn kiện chính sách").check()
    made = proposal(page, title)
    link = page.locator("a.kb-propose__submit")
    assert link.inner_text() == "Mở pull request trên GitHub"
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY}/new/main/data/positions"
    query = parse_qs(parts.query)
    assert query["filename"] == [f"{slugify(title)}.yml"]
    assert query["value"] == [made["yaml"]]
    checklist = (REPO_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for line in query["description"][0].splitlines():
        assert line in checklist
    assert "make validate" in query["description"][0]
    assert query["message"] == [f"Đề xuất bản ghi: {title}"]
    assert len(href) <= page.evaluate("window.kbPropose.URL_LIMIT")


def test_a_record_too_long_for_a_url_falls_back_to_copy_and_download(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=positions]")
    title = "Các nhiệm vụ hợp tác và hội nhập quốc tế về quốc phòng (dài)"
    fill(page, "title", title)
    for search in ("Thứ nhất, tiếp tục", "Thứ hai, trên nền", "Thứ ba, triển khai", "Thứ tư, tiếp tục"):
        pick_paragraph(page, TCCS, search)
    fill(page, "summary", "Bốn nhiệm vụ bài viết nêu.")
    select(page, "kind", "task")
    field(page, "themes").get_by_label("Văn kiện chính sách").check()
    made = proposal(page, title)
    assert made["problems"] == []
    limit = page.evaluate("window.kbPropose.URL_LIMIT")
    url = page.evaluate(
        "([yaml]) => window.kbPropose.newFileUrl('https://github.com/o/r', 'main', 'data/positions', 'x.yml', yaml,"
        " {message: 'm', description: 'd'})",
        [made["yaml"]],
    )
    assert len(url) > limit
    send = page.locator(".kb-propose__send")
    assert "dài quá giới hạn địa chỉ của GitHub" in send.inner_text()
    assert send.get_by_role("button", name="Sao chép YAML").count() == 1
    download = send.get_by_role("link", name="Tải tệp xuống")
    assert download.get_attribute("download") == f"{slugify(title)}.yml"
    with page.expect_download() as info:
        download.click()
    assert Path(info.value.path()).read_text(encoding="utf-8") == made["yaml"]
    opener = send.locator("a.kb-propose__submit")
    assert "value=" not in opener.get_attribute("href")
    assert opener.get_attribute("href").endswith(f"/new/main/data/positions?filename={slugify(title)}.yml")
    steps = send.locator("ol.kb-propose__steps > li").all_inner_texts()
    assert steps[0].startswith("Bấm") and "Commit changes" in steps[2] and "Create pull request" in steps[3]


def test_a_second_file_for_a_new_entity_goes_to_the_editors_branch(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=agreements]")
    fill(page, "title", "Thử đối tác mới")
    choose(page, "entities", "Bộ Quốc phòng Pháp")
    describe_new_entity(page, "organisation", "Cơ quan quốc phòng của Pháp.", TTXVN, "8")
    made = proposal(page, "Thử đối tác mới")
    source = page.locator(f".kb-picker select option[value={TTXVN}]").inner_text()
    assert made["entities"][0]["yaml"] == emit(
        {
            "id": "bo-quoc-phong-phap",
            "kind": "organisation",
            "name": "Bộ Quốc phòng Pháp",
            "description": f"Cơ quan quốc phòng của Pháp ({source}, đoạn 8).",
        }
    )


# ------------------------------------------------------------------ correcting a record


def test_correcting_a_record_starts_from_its_file_and_shows_the_change(page: Any, site_url: str) -> None:
    record_id = "hiep-dinh-fpa-viet-nam-eu"
    open_form(page, site_url, f"?sua={record_id}")
    path = REPO_ROOT / "data" / "agreements" / f"{record_id}.yml"
    loaded, _ = read_yaml(path)
    schema = json_schemas()["agreements.schema.json"]
    made = proposal(page, "id: " + record_id)
    assert made["yaml"] == emit(canonical_order(loaded.data, schema))  # the file as `make fix` writes it
    assert field(page, "id").locator("input").get_attribute("readonly") is not None
    send = page.locator(".kb-propose__send")
    assert "Chưa có thay đổi" in send.inner_text()
    fill(page, "location", "Brussels")
    made = proposal(page, "location: Brussels")
    assert made["yaml"] == emit(canonical_order({**loaded.data, "location": "Brussels"}, schema))
    assert "+ location: Brussels" in send.locator(".kb-propose__diff").inner_text()
    edit = send.locator("a.kb-propose__submit")
    assert edit.get_attribute("href") == f"{REPOSITORY}/edit/main/data/agreements/{record_id}.yml"


def canonical_order(value: Any, schema: dict[str, Any], node: dict[str, Any] | None = None) -> Any:
    """`value` with the keys of every object in the order of the JSON Schema's properties, as
    `make fix` orders them (its key_order.py; unknown keys last, in their order)."""
    node = schema if node is None else node
    if isinstance(value, list):
        return [canonical_order(item, schema, node.get("items") or {}) for item in value]
    if not isinstance(value, dict):
        return value
    for option in [node, *node.get("anyOf", []), *node.get("oneOf", [])]:
        if "$ref" in option:
            node = schema["$defs"][option["$ref"].rsplit("/", 1)[1]]
        elif "properties" in option and "properties" not in node:
            node = option
    known = list(node.get("properties", {}))
    keys = [k for k in known if k in value] + [k for k in value if k not in known]
    return {k: canonical_order(value[k], schema, node.get("properties", {}).get(k) or {}) for k in keys}


def facts_cell(html: str, label: str) -> str:
    """The text of a row of a record page's facts table."""
    found = re.search(rf"<td>{label}</td>\s*<td>(.*?)</td>", html, re.S)
    assert found, label
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def test_every_record_opened_for_correction_gives_back_its_data_and_its_page(
    page: Any, site_url: str, built_site: tuple[KnowledgeBase, Path]
) -> None:
    """Prefilling loses nothing: each record, opened and sent untouched, is its own data, and
    the preview says when it happened and its status as its page does."""
    kb, site = built_site
    raw = load_dataset(REPO_ROOT / "data")
    schemas = json_schemas()
    for folder, files in raw.records.items():
        for loaded in files:
            record_id = loaded.data["id"]
            page.goto(f"{site_url}/de-xuat/?sua={record_id}")
            made = proposal(page, f"id: {record_id}\n", typed=False)
            assert made["yaml"] == emit(canonical_order(loaded.data, schemas[f"{folder}.schema.json"])), (
                loaded.path
            )
            assert made["problems"] == [], (loaded.path, made["problems"])
            html = (site / page_url(kb.records[record_id]) / "index.html").read_text(encoding="utf-8")
            preview = dict(
                zip(
                    page.locator(".kb-propose__facts th").all_inner_texts(),
                    page.locator(".kb-propose__facts td").all_inner_texts(),
                    strict=True,
                )
            )
            for label in ("Thời gian", "Tình trạng", "Chủ đề"):
                assert " ".join(preview[label].split()) == facts_cell(html, label), (record_id, label)


def test_every_record_page_offers_a_correction_and_every_theme_page_a_proposal(
    page: Any, site_url: str
) -> None:
    page.goto(f"{site_url}/thoa-thuan/hiep-dinh-fpa-viet-nam-eu/")
    page.get_by_role("link", name="Đề xuất sửa bản ghi này").click()
    page.wait_for_selector(".kb-propose__form")
    assert page.url.endswith("/de-xuat/?sua=hiep-dinh-fpa-viet-nam-eu")
    page.goto(f"{site_url}/chu-de/gin-giu-hoa-binh-lhq/")
    page.get_by_role("link", name="Đề xuất bản ghi").click()
    page.wait_for_selector(".kb-propose__form")
    assert field(page, "themes").get_by_label("Gìn giữ hòa bình Liên hợp quốc").is_checked()


# ------------------------------------------------------------------ the form's copies of Python rules


def test_the_forms_yaml_emitter_equals_the_canonical_emitter_on_every_data_file(
    page: Any, site_url: str
) -> None:
    open_form(page, site_url)
    raw = load_dataset(REPO_ROOT / "data")
    files = [loaded for files in raw.records.values() for loaded in files] + raw.entities + raw.sources
    datas = [loaded.data for loaded in files]
    extra = [
        {"a": "", "b": "null", "c": "yes", "d": "3.5", "e": "- x", "f": "a: b", "g": " lead", "h": "x\ty"},
        {"t": "một\n\nhai", "u": "đoạn\nmột " + "chữ " * 40 + "cuối", "v": "a  b " * 30 + "c", "w": []},
        {"x": {}, "y": [{"k": ["1", "2"]}], "z": None, "n": "0", "d": "2019-10-17", "dm": "2019-10"},
    ]
    emitted = page.evaluate("datas => datas.map(d => window.kbPropose.toYaml(d))", datas + extra)
    for data, text in zip(datas + extra, emitted, strict=True):
        assert text == emit(data), json.dumps(data, ensure_ascii=False)[:200]
    # and orders keys as make fix does, nested objects included
    schemas = json_schemas()
    pairs = [
        (loaded.data, schemas[f"{folder}.schema.json"])
        for folder, files in raw.records.items()
        for loaded in files
    ]
    pairs += [(loaded.data, schemas["entities.schema.json"]) for loaded in raw.entities]
    pairs += [
        ({"summary": "s", "evidence": [{"quote": "q", "source": "x"}], "id": "a", "zz": "1"}, pairs[0][1])
    ]
    ordered = page.evaluate(
        "pairs => pairs.map(([d, s]) => JSON.stringify(window.kbPropose.orderKeys(d, s, s)))", pairs
    )
    for (data, schema), text in zip(pairs, ordered, strict=True):
        assert text == json.dumps(canonical_order(data, schema), ensure_ascii=False, separators=(",", ":"))


def test_the_forms_slugs_equal_the_record_ids_python_makes(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    kb = load_knowledge_base(REPO_ROOT, REPO_ROOT / "data")
    titles = [entry.record.title for entry in kb.records.values()] + [
        e.entity.name for e in kb.entities.values()
    ]
    titles += [
        "Đổng Quân",
        "Viet Nam’s first unit",
        "O'Brien's visit",
        "Hơn 1,100 quân nhân – năm 2024…",
        "Straße × 2 °C",
        "  --  ",
        "Một tiêu đề rất dài " * 8,
        "Sĩ quan tham mưu; “UNMISS” (Nam Sudan) & 100% đạt",
    ]
    slugs = page.evaluate("titles => titles.map(t => window.kbPropose.slugify(t))", titles)
    assert slugs == [slugify(title) for title in titles]


def test_a_proposal_in_progress_survives_a_reload(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    page.check("input[name=kb-type][value=missions]")
    title = "Một đề xuất dở dang"
    fill(page, "title", title)
    pick_paragraph(page, TTXVN, "moi Viet Nam cu Doi Cong binh")
    choose(page, "entities", "Đơn vị mới chưa có")
    before = proposal(page, title)
    open_form(page, site_url)
    draft = page.get_by_role("region", name="Bản nháp")
    assert title in draft.inner_text()
    draft.get_by_role("button", name="Tiếp tục bản nháp").click()
    after = proposal(page, title)
    assert after["yaml"] == before["yaml"] and after["entities"] == before["entities"]
    assert page.locator("input[name=kb-type][value=missions]").is_checked()
    open_form(page, site_url)
    page.get_by_role("button", name="Bỏ bản nháp").click()
    open_form(page, site_url)
    assert page.get_by_role("region", name="Bản nháp").count() == 0


def test_the_form_folds_vietnamese_with_the_site_searchs_function(page: Any, site_url: str) -> None:
    """Search-as-you-type in the form uses the search box's folding (tones off, đ as d):
    one function, from search.js."""
    open_form(page, site_url)
    assert page.evaluate("window.kbFold('Đà Nẵng, ĐỘI CÔNG BINH')") == "da nang, doi cong binh"
    for module in FORM_MODULES.glob("*.js"):
        assert "function fold(" not in module.read_text(encoding="utf-8"), module.name


def test_the_forms_code_is_modules_of_short_functions() -> None:
    """The form is ES modules, one per concern, loaded as a module by its page: none over
    400 lines, no function over 80; those that mirror a Python module are named after it,
    and that module's docstring says it has a twin."""
    page = (REPO_ROOT / "docs" / "de-xuat" / "index.md").read_text(encoding="utf-8")
    assert '<script type="module" src="../assets/propose/main.js"></script>' in page
    modules = sorted(FORM_MODULES.glob("*.js"))
    assert len(modules) >= 12
    for module in modules:
        lines = module.read_text(encoding="utf-8").split("\n")
        assert len(lines) <= 400, module.name
        starts = [i for i, line in enumerate(lines) if re.match(r"(export )?(async )?function ", line)]
        for start in starts:
            end = lines.index("}", start)
            assert end - start + 1 <= 80, (module.name, lines[start])
    for twin, python in (
        ("text.js", "text.py"),
        ("canonical_yaml.js", "fix/canonical_yaml.py"),
        ("key_order.js", "fix/key_order.py"),
        ("wording.js", "wording.py"),
        ("new_source.js", "new_source.py"),
        ("html_tags.js", "validate/rules/html_tags.py"),
    ):
        assert (FORM_MODULES / twin).exists(), twin
        docstring = (
            (REPO_ROOT / "scripts" / "defence_kb" / python).read_text(encoding="utf-8").split('"""')[1]
        )
        assert f"docs/assets/propose/{twin}" in " ".join(docstring.split()), python


def test_the_forms_comments_name_python_modules_that_exist() -> None:
    """A module the form's comments say it mirrors (`validate/rules/quotes.py`,
    `schema/dates.py`…) is a file of scripts/defence_kb/ (or, named from the repository's
    root, of the repository): a renamed module is renamed there too."""
    package = REPO_ROOT / "scripts" / "defence_kb"
    named = {
        (module.name, name.removeprefix("scripts/defence_kb/"))
        for module in FORM_MODULES.glob("*.js")
        for name in re.findall(r"[\w/]+\.py\b", module.read_text(encoding="utf-8"))
    }
    assert len(named) >= 10
    missing = sorted(
        (js, name) for js, name in named if not ((package / name).is_file() or (REPO_ROOT / name).is_file())
    )
    assert missing == []
