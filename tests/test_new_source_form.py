"""The proposal form's "Thêm nguồn" step (docs/assets/propose/new_source.js, source_form.js).

The step is the twin of `make source` (scripts/defence_kb/new_source.py): for the same text
and metadata it writes byte for byte the same file, with the proposals' header or, once the
editor has confirmed the kinds in the form, with those kinds and no header. In a real
browser an editor pastes an article, fills in what is known, changes a paragraph's kind
from the keyboard, quotes the new source in a record and sends both in one commit through
the GitHub stand-in; the committed files validate and build, and the source's page shows.
The articles (tests/fixtures/new_source/) are fictional, written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import REPO_ROOT
from defence_kb.build import build_site, copy_site_config
from defence_kb.new_source import create_source, propose_kinds, source_file, split_paragraphs
from github_standin import GitHub
from test_propose import copy_data, field, fill, open_form, proposal, select, validate_and_render
from test_propose_github import github, send, sign_in, use_standin  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.build]

ARTICLES = Path(__file__).parent / "fixtures" / "new_source"
# Each article with what an editor might know of it: everything, nothing, a little.
CASES = [
    (
        "bai-mot.txt",
        {
            "title": "Bài kiểm thử một: diễn tập cứu hộ giả định",
            "publisher": "Báo Kiểm Thử",
            "published": "2026-11-30",
            "url": "https://vi-du.invalid/bai-kiem-thu-mot",
            "id": "bai-kiem-thu-mot",
        },
    ),
    ("bai-hai.txt", {}),
    ("bai-ba.txt", {"publisher": "Tạp chí Giả Định", "published": "2026-12"}),
]


def article(name: str) -> str:
    return (ARTICLES / name).read_bytes().decode("utf-8-sig")


def in_browser(page: Any, text: str, meta: dict[str, str], kinds: list[str] | None) -> dict[str, Any]:
    return page.evaluate(
        "([text, meta, kinds]) => window.kbPropose.sourceFile(text, meta, kinds)", [text, meta, kinds]
    )


def test_the_forms_step_writes_the_file_make_source_writes(page: Any, site_url: str, tmp_path: Path) -> None:
    open_form(page, site_url)
    for name, meta in CASES:
        text = article(name)
        made = create_source(
            tmp_path / name,
            ARTICLES / name,
            source_id=meta.get("id"),
            **{key: meta.get(key) for key in ("title", "publisher", "published", "url")},
        )
        written = made.read_text(encoding="utf-8")
        browser = in_browser(page, text, {"capture_file": name, **meta}, None)
        assert browser["yaml"] == written, name  # `make source`, byte for byte
        assert browser["id"] == made.stem
        proposals = propose_kinds(split_paragraphs(text))
        assert [(p["n"], p["kind"], p["reason"]) for p in browser["proposals"]] == [
            (p.n, p.kind.value, p.reason) for p in proposals
        ]
        # the editor confirms the kinds, changing the first and the last
        kinds = [p.kind.value for p in proposals]
        kinds[0], kinds[-1] = "body", "footnote"
        confirmed = in_browser(page, text, {"capture_file": name, **meta}, kinds)
        _, python = source_file(
            text,
            capture_file=name,
            source_id=meta.get("id"),
            kinds=kinds,
            **{key: meta.get(key) for key in ("title", "publisher", "published", "url")},
        )
        assert confirmed["yaml"] == python, name
        assert not python.startswith("#") and "kind: footnote" in python.rsplit('"n":', 1)[1]
    # the file is what every case needs: known fields kept, unknown ones listed
    data = yaml.safe_load(
        in_browser(page, article("bai-ba.txt"), {"capture_file": "bai-ba.txt"}, None)["yaml"]
    )
    assert data["label"] == "bai-ba" and "title" not in data
    assert data["unknown"] == ["nhan đề bài", "cơ quan đăng bài", "ngày đăng", "địa chỉ URL của bài"]
    assert data["paragraphs"][0]["text"].startswith("Văn bản kiểm thử, không phải bài báo thật. Một đoàn")


# ------------------------------------------------------------------ the step in the form


def paste_article(page: Any, name: str, meta: dict[str, str]) -> None:
    page.locator(".kb-propose__new-source > summary").click()
    page.get_by_label("Toàn văn bài viết").fill(article(name))
    labels = {"title": "Nhan đề bài", "publisher": "Cơ quan đăng bài", "published": "Ngày đăng"}
    labels |= {"url": "Địa chỉ URL của bài", "id": "Mã nguồn", "capture_file": "Tên tệp bản chụp"}
    for key, value in meta.items():
        page.get_by_label(labels[key], exact=True).fill(value)


def current(page: Any) -> dict[str, Any]:
    page.wait_for_timeout(300)  # the form updates 120 ms after the last keystroke
    return page.evaluate("window.kbPropose.current()")


def test_a_record_quoting_a_new_source_goes_with_it_in_one_commit_that_validates_and_builds(
    page: Any,
    site_url: str,
    tmp_path: Path,
    github: tuple[GitHub, str],  # noqa: F811
) -> None:
    state, url = github
    use_standin(page, site_url, url)
    paste_article(page, "bai-hai.txt", {"publisher": "Thông tấn xã Giả Định", "published": "01/12/2026"})
    items = page.locator(".kb-new-source__paragraph")
    assert items.count() == 12
    # Paragraph 5 ("- Chủ đề thứ nhất: …") is proposed as a heading; the editor makes it
    # body text from the keyboard, and the other proposals stay.
    kind = page.get_by_label("Loại của đoạn 5", exact=True)
    assert kind.input_value() == "heading"
    assert "Đề xuất: Tiêu đề (dòng ngắn" in items.nth(4).inner_text()
    kind.focus()
    page.keyboard.press("Home")  # "Tiêu đề (heading)" is the first option: Home keeps it …
    for _ in range(2):
        page.keyboard.press("ArrowDown")  # … then Sa-pô, Nội dung
    assert kind.input_value() == "body"
    made = current(page)
    source = made["source"]
    assert source["path"] == "data/sources/bai-kiem-thu-hai-hoi-thao-gia-dinh-ve-y-hoc-quan-su.yml"
    assert made["sourceAlone"] and made["problems"] == []

    # The record quotes the new source, picked in the evidence picker like any other.
    page.check("input[name=kb-type][value=events]")
    title = "Hội thảo giả định về y học quân sự (đề xuất thử)"
    fill(page, "title", title)
    picked = page.locator(".kb-picker").first
    picked.locator("select").select_option(
        label="Nguồn mới: Bài kiểm thử hai: hội thảo giả định về y học quân sự"
    )
    picked.locator("input[type=search]").fill("35 dai bieu")
    picked.locator(".kb-picker__paragraph").first.locator(".kb-picker__whole").click()
    page.get_by_role("button", name="Thêm vào bằng chứng").click()
    fill(page, "summary", "Một hội thảo giả định về y học quân sự với 35 đại biểu giả định.")
    select(page, "kind", "conference")
    field(page, "themes").locator("input[type=checkbox]").first.check()
    made = proposal(page, title)
    assert made["problems"] == [], made["problems"]
    assert not made["sourceAlone"]
    assert f"- source: {source['id']}\n" in made["yaml"]
    assert "✓ Có nguyên văn trong đoạn 3 của nguồn." in page.locator(".kb-evidence__where").first.inner_text()

    # Without a token, the prefilled link makes the record; the source is one more file.
    sending = page.locator(".kb-propose__send").inner_text()
    assert "Tệp thứ hai: nguồn mới" in sending and f"{source['path']}:" in sending
    page.get_by_label("Nhánh của bạn").fill("bien-tap-vien:patch-1")
    more = page.get_by_role("link", name=f"Thêm tệp {source['path']} vào nhánh bien-tap-vien:patch-1")
    assert parse_qs(urlsplit(more.get_attribute("href")).query)["value"] == [source["yaml"]]

    sign_in(page)
    steps = send(page).inner_text()
    assert "Đã tạo một commit với 2 tệp" in steps and "Đã mở pull request" in steps
    ((sha, _),) = state.commits.items()
    record_id = re.search(r"^id: (\S+)$", made["yaml"], re.M).group(1)
    files = state.files_of(sha)
    assert files == {f"data/events/{record_id}.yml": made["yaml"], source["path"]: source["yaml"]}
    text = files[source["path"]]
    assert not text.startswith("#")  # the kinds were confirmed in the form
    data = yaml.safe_load(text)
    assert str(data["published"]) == "2026-12-01" and data["paragraphs"][4] == {
        "n": 5,
        "text": "- Chủ đề thứ nhất: cấp cứu chiến thương trong điều kiện giả định",
    }
    (pull,) = state.pulls
    assert f"`{source['path']}`" in pull["body"]

    # What was committed validates, is canonical and builds: the source's own page too.
    data_dir = copy_data(tmp_path)
    for path, content in files.items():
        (data_dir / path.removeprefix("data/")).write_text(content, encoding="utf-8")
    validate_and_render(tmp_path, data_dir, data_dir / "events" / f"{record_id}.yml")
    scratch = copy_site_config(REPO_ROOT, tmp_path / "repo")
    build_site(scratch, data_dir, scratch / "site")
    built = scratch / "site" / "nguon" / source["id"] / "index.html"
    page_text = built.read_text(encoding="utf-8")
    assert "Hội thảo giả định về y học quân sự đã diễn ra trong hai ngày" in page_text
    assert 'id="p12"' in page_text and record_id in page_text


def test_a_source_alone_goes_by_the_prefilled_link_and_bad_metadata_is_explained(
    page: Any, site_url: str
) -> None:
    open_form(page, site_url)
    paste_article(
        page, "bai-mot.txt", {"published": "31/11/2026", "url": "vi-du.invalid/bai", "id": "Bai Mot"}
    )
    made = current(page)
    messages = [(problem["where"], problem["message"]) for problem in made["problems"]]
    assert messages == [
        ("Nguồn mới: Ngày đăng", "ngày “2026-11-31” không có thật trên lịch: tháng 11/2026 không có ngày 31"),
        ("Nguồn mới: Địa chỉ URL của bài", "URL “vi-du.invalid/bai” phải bắt đầu bằng https://"),
        ("Nguồn mới: Mã nguồn", "ID “Bai Mot” chỉ gồm chữ thường không dấu, số và gạch nối"),
    ]
    page.locator("button.kb-propose__submit").click()  # shows every problem at its field
    assert "phải bắt đầu bằng https://" in page.locator("[data-field=source-url]").inner_text()
    # an id that is taken is refused too
    page.get_by_label("Mã nguồn", exact=True).fill("ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022")
    taken = [problem["message"] for problem in current(page)["problems"]][-1]
    assert taken == (
        "đã có nguồn mã “ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022” (“TTXVN: Tăng cường hợp tác "
        "quốc tế trong gìn giữ hòa bình (27/12/2022)”): đặt mã khác hoặc dùng nguồn đã có"
    )
    page.get_by_label("Ngày đăng", exact=True).fill("30/11/2026")
    page.get_by_label("Địa chỉ URL của bài", exact=True).fill("https://vi-du.invalid/bai-mot")
    page.get_by_label("Mã nguồn", exact=True).fill("")
    made = current(page)
    assert made["problems"] == [] and made["sourceAlone"]
    link = page.get_by_role("link", name="Mở pull request trên GitHub")
    query = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert urlsplit(link.get_attribute("href")).path.endswith("/new/main/data/sources")
    assert query["filename"] == [made["source"]["id"] + ".yml"]
    assert query["value"] == [made["source"]["yaml"]]
    assert query["message"] == [
        "Thêm nguồn: Bài kiểm thử một: diễn tập cứu hộ giả định ở một cảng biển giả định"
    ]
    assert made["source"]["yaml"].startswith("id: bai-kiem-thu-mot-dien-tap-cuu-ho")


def test_the_new_source_and_a_quote_from_it_survive_a_reload(page: Any, site_url: str) -> None:
    open_form(page, site_url)
    paste_article(page, "bai-ba.txt", {"publisher": "Tạp chí Giả Định", "capture_file": "bai-ba.txt"})
    page.get_by_label("Loại của đoạn 3", exact=True).select_option("body")
    fill(page, "title", "Một đoàn công tác giả định thăm học viện (đề xuất dở dang)")
    picked = page.locator(".kb-picker").first
    picked.locator("select").select_option(label="Nguồn mới: bai-ba")
    picked.locator(".kb-picker__paragraph").nth(1).locator(".kb-picker__whole").click()
    page.get_by_role("button", name="Thêm vào bằng chứng").click()
    before = current(page)
    assert "kind: heading" not in before["source"]["yaml"]
    assert "- source: bai-ba\n" in before["yaml"]
    open_form(page, site_url)
    page.get_by_role("region", name="Bản nháp").get_by_role("button", name="Tiếp tục bản nháp").click()
    after = current(page)
    assert after["source"] == before["source"] and after["yaml"] == before["yaml"]
    assert page.get_by_label("Loại của đoạn 3", exact=True).input_value() == "body"


def test_a_source_alone_is_one_commit_and_one_pull_request_with_a_token(
    page: Any,
    site_url: str,
    github: tuple[GitHub, str],  # noqa: F811
) -> None:
    state, url = github
    use_standin(page, site_url, url)
    paste_article(page, "bai-mot.txt", {"publisher": "Báo Kiểm Thử"})
    made = current(page)
    assert made["sourceAlone"] and made["problems"] == []
    assert "nguồn mới sẵn sàng để gửi" in page.locator(".kb-propose__status").inner_text()
    sign_in(page)
    assert "Đã tạo một commit với 1 tệp" in send(page).inner_text()
    ((sha, _),) = state.commits.items()
    assert state.files_of(sha) == {made["source"]["path"]: made["source"]["yaml"]}
    (pull,) = state.pulls
    assert pull["title"] == "Thêm nguồn: " + made["source"]["label"]
    assert "Thêm nguồn “Bài kiểm thử một" in pull["body"]
    assert page.evaluate("localStorage.getItem('kb-propose:draft')") is None
