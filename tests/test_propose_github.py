"""The proposal form sends with the editor's GitHub token: one commit, one pull request.

The form talks to a stand-in for GitHub's REST API (tests/github_standin.py) that holds
every request to the operations vendored from GitHub's OpenAPI description (paths,
methods, request bodies, headers) and answers with the description's own examples and
status codes, errors included. Each test ends with no contract violation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import REPO_ROOT
from defence_kb.load import read_yaml
from github_standin import GitHub, serve_github
from test_propose import (
    TTXVN,
    choose,
    describe_new_entity,
    field,
    fill,
    open_form,
    pick_paragraph,
    proposal,
    select,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]

TITLE = "Bản ghi nhớ về gìn giữ hòa bình với Pháp (đề xuất qua GitHub)"
STEPS = ".kb-github__steps"


@pytest.fixture
def github() -> Iterator[tuple[GitHub, str]]:
    state = GitHub()
    with serve_github(state) as url:
        yield state, url
    assert state.violations == []


def use_standin(page: Any, site_url: str, url: str, query: str = "") -> None:
    """Point the form at the stand-in (a test-only setting, loopback addresses only)."""
    open_form(page, site_url, query)
    page.evaluate("url => localStorage.setItem('kb-propose:github-api', url)", url)
    open_form(page, site_url, query)


def sign_in(page: Any, token: str = "ghp_thu_nghiem") -> None:
    page.get_by_label("Mã truy cập GitHub").fill(token)
    page.get_by_role("button", name="Đăng nhập bằng mã truy cập").click()


def new_agreement_with_new_entity(page: Any) -> dict[str, Any]:
    page.check("input[name=kb-type][value=agreements]")
    fill(page, "title", TITLE)
    pick_paragraph(page, TTXVN, "9 ban ghi nho")
    fill(page, "summary", "Việt Nam ký với Pháp một bản ghi nhớ về gìn giữ hòa bình.")
    select(page, "kind", "memorandum")
    choose(page, "parties", "viet nam")
    choose(page, "parties", "phap")
    field(page, "themes").get_by_label("Gìn giữ hòa bình Liên hợp quốc").check()
    choose(page, "entities", "Bộ Quốc phòng Pháp")
    describe_new_entity(
        page, "organisation", "Bộ Quốc phòng của Pháp, nước đối tác ký bản ghi nhớ.", TTXVN, "8"
    )
    made = proposal(page, TITLE)
    assert made["problems"] == []
    return made


def send(page: Any) -> Any:
    page.get_by_role("button", name="Tạo pull request bằng tài khoản GitHub").click()
    steps = page.locator(STEPS)
    page.wait_for_selector(f"{STEPS} .kb-github__done, {STEPS} .kb-github__error", timeout=20_000)
    return steps


def test_a_new_record_and_its_new_entity_become_one_commit_and_one_pull_request(
    page: Any, site_url: str, github: tuple[GitHub, str]
) -> None:
    state, url = github
    use_standin(page, site_url, url)
    made = new_agreement_with_new_entity(page)
    sign_in(page)
    assert page.evaluate("sessionStorage.getItem('kb-propose:github-token')") == "ghp_thu_nghiem"
    assert page.evaluate("localStorage.getItem('kb-propose:github-token')") is None
    steps = send(page).inner_text()
    assert "Đăng nhập GitHub với tài khoản bien-tap-vien." in steps
    assert "Đang tạo bản sao kho (fork)" in steps and "đã sẵn sàng" in steps
    assert "Đã mở pull request: https://github.com/vietnam-defence-kb/defence-kb/pull/1" in steps

    # One commit holding both files, on a new branch of the fork, from upstream's head.
    assert len(state.commits) == 1
    ((sha, commit),) = state.commits.items()
    assert commit["parents"] == [state.base_sha]
    record_id = re.search(r"^id: (\S+)$", made["yaml"], re.M).group(1)
    assert state.files_of(sha) == {
        f"data/agreements/{record_id}.yml": made["yaml"],
        "data/entities/bo-quoc-phong-phap.yml": made["entities"][0]["yaml"],
    }
    ((ref, ref_sha),) = state.refs.items()
    assert ref.startswith("bien-tap-vien/defence-kb:refs/heads/de-xuat-") and ref_sha == sha

    # One pull request against upstream's default branch, with the template's checklist.
    (pull,) = state.pulls
    assert pull["head"] == "bien-tap-vien:" + ref.split("refs/heads/")[1]
    assert pull["base"] == "main" and pull["title"] == "Đề xuất bản ghi: " + TITLE
    template = (REPO_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for line in template.splitlines():
        if line.startswith("- [ ]"):
            assert line in pull["body"]
    assert f"`data/agreements/{record_id}.yml`" in pull["body"]
    # The draft is gone once the pull request exists.
    assert page.evaluate("localStorage.getItem('kb-propose:draft')") is None


def test_a_correction_commits_the_changed_file_in_place(
    page: Any, site_url: str, github: tuple[GitHub, str]
) -> None:
    state, url = github
    state.fork_exists = True
    record_id = "hiep-dinh-fpa-viet-nam-eu"
    use_standin(page, site_url, url, f"?sua={record_id}")
    fill(page, "location", "Brussels")
    made = proposal(page, "location: Brussels")
    sign_in(page)
    steps = send(page).inner_text()
    assert "Đã có bản sao kho (fork) bien-tap-vien/defence-kb." in steps
    assert state.requests[2][:2] == ("GET", "/repos/bien-tap-vien/defence-kb")
    assert not any(path.endswith("/forks") for _, path, _ in state.requests)
    (sha,) = state.commits
    path = f"data/agreements/{record_id}.yml"
    assert state.files_of(sha) == {path: made["yaml"]}
    loaded, _ = read_yaml(REPO_ROOT / path)
    assert "location: Brussels" in made["yaml"] and loaded is not None
    (pull,) = state.pulls
    assert pull["title"].startswith("Sửa bản ghi: ")


ERRORS = [
    ("users/get-authenticated", 401, {}, "GitHub không nhận mã truy cập (401)"),
    ("repos/create-fork", 403, {}, "GitHub từ chối (403): mã truy cập không đủ quyền"),
    ("git/create-blob", 409, {}, "Xung đột trên GitHub (409)"),
    ("pulls/create", 422, {}, "A pull request already exists"),
    (
        "git/create-tree",
        403,
        {"x-ratelimit-remaining": "0", "x-ratelimit-limit": "5000", "x-ratelimit-reset": "1767225600"},
        "vượt giới hạn số yêu cầu (403); thử lại sau",
    ),
    ("git/get-ref", 429, {"x-ratelimit-remaining": "0", "retry-after": "60"}, "(429); thử lại sau 60 giây"),
]


@pytest.mark.parametrize(
    ("operation", "status", "headers", "message"), ERRORS, ids=[e[0] + "-" + str(e[1]) for e in ERRORS]
)
def test_each_github_error_is_told_in_vietnamese_and_the_draft_is_kept(
    page: Any,
    site_url: str,
    github: tuple[GitHub, str],
    operation: str,
    status: int,
    headers: dict[str, str],
    message: str,
) -> None:
    state, url = github
    state.fail[operation] = (status, headers)
    use_standin(page, site_url, url)
    new_agreement_with_new_entity(page)
    sign_in(page)
    steps = send(page)
    assert message in steps.locator(".kb-github__error").inner_text()
    assert "Bản nháp vẫn được giữ" in steps.inner_text()
    assert state.pulls == [] or operation == "pulls/create"
    assert TITLE in page.evaluate("localStorage.getItem('kb-propose:draft')")


def test_a_fork_that_github_has_not_made_yet_is_waited_for(
    page: Any, site_url: str, github: tuple[GitHub, str]
) -> None:
    """GitHub answers 404 for a fork it is still making: the form asks again."""
    state, url = github
    state.fork_delay = 2
    use_standin(page, site_url, url)
    new_agreement_with_new_entity(page)
    sign_in(page)
    assert "Đã mở pull request" in send(page).inner_text()
    looks = [path for method, path, _ in state.requests if path == "/repos/bien-tap-vien/defence-kb"]
    assert len(looks) == 4  # before forking, then twice 404, then found
