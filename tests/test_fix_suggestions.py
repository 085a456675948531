"""suggestions.py: the diff `fix --check` prints becomes GitHub suggested changes on the
pull request's lines; applying every suggestion gives the canonical file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, REPO_ROOT
from defence_kb.fix import fix_dataset
from defence_kb.fix.suggestions import MARKER, Hunk, build_review, parse_unified_diff, suggestions_of

NEW_RECORD = """\
title:   Giao lưu lần thứ 10
id: giao-luu-lan-thu-10
summary: "Giao lưu hữu nghị quốc phòng biên giới lần thứ 10 giữa Việt Nam và Trung Quốc, với nhiều hoạt động phong phú và thiết thực."
date: '2024-04-20'
kind: exchange
themes:
    - chu-de-a
evidence:
    - quote: Ngày 17/10/2019, Việt Nam và EU đã ký Hiệp định FPA tại Brúc-xen.
      source: nguon-a
"""


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, str, str]:
    """A repository whose main has canonical data, and a pull request that adds a record
    written by hand and edits a line of another: (repository, fix.diff, pr.diff)."""
    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo / "data")
    fix_dataset(repo / "data", write=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "data")
    _git(repo, "commit", "-q", "-m", "base")
    (repo / "data" / "events" / "giao-luu-lan-thu-10.yml").write_text(NEW_RECORD, encoding="utf-8")
    fpa = repo / "data" / "agreements" / "hiep-dinh-fpa.yml"
    text = fpa.read_text(encoding="utf-8")
    fpa.write_text(text.replace("location: Brúc-xen", "location: 'Brúc-xen'"), encoding="utf-8")
    _git(repo, "add", "data")
    _git(repo, "commit", "-q", "-m", "pull request")
    cwd = Path.cwd()
    os.chdir(repo)  # fix --check prints paths as seen from the repository root
    try:
        fix_diff = "".join(result.diff() for result in fix_dataset(Path("data"), write=False))
    finally:
        os.chdir(cwd)
    return repo, fix_diff, _git(repo, "diff", "main~1...main")


def _apply(text: str, comments: list[dict[str, object]]) -> str:
    """What GitHub does when every suggestion of a file is committed."""
    lines = text.split("\n")
    for comment in sorted(comments, key=lambda c: -int(c["line"])):  # type: ignore[arg-type]
        body = str(comment["body"]).split("\n")
        assert body[0].endswith("suggestion") and body[-1] == body[0][: -len("suggestion")]
        end = int(comment["line"])  # type: ignore[arg-type]
        start = int(comment.get("start_line", end))  # type: ignore[arg-type]
        lines[start - 1 : end] = body[1:-1]
    return "\n".join(lines)


def test_applying_every_suggestion_gives_the_canonical_files(pull_request: tuple[Path, str, str]) -> None:
    repo, fix_diff, pr_diff = pull_request
    assert set(parse_unified_diff(fix_diff)) == {
        "data/events/giao-luu-lan-thu-10.yml",
        "data/agreements/hiep-dinh-fpa.yml",
    }
    review = build_review(fix_diff, pr_diff, "abc123")
    assert review["commit_id"] == "abc123" and review["event"] == "COMMENT"
    assert str(review["body"]).startswith(MARKER)
    comments: list[dict[str, object]] = review["comments"]  # type: ignore[assignment]
    assert {c["path"] for c in comments} == {
        "data/events/giao-luu-lan-thu-10.yml",
        "data/agreements/hiep-dinh-fpa.yml",
    }
    assert all(c["side"] == "RIGHT" for c in comments)
    fixed = {r.path.relative_to(repo).as_posix(): r.after for r in fix_dataset(repo / "data", write=False)}
    for path in ("data/events/giao-luu-lan-thu-10.yml", "data/agreements/hiep-dinh-fpa.yml"):
        head = (repo / path).read_text(encoding="utf-8")
        assert _apply(head, [c for c in comments if c["path"] == path]) == fixed[path], path
    assert "make fix" in str(review["body"]) and "```diff" not in str(review["body"])


def test_changes_outside_the_pull_requests_lines_go_in_the_body(pull_request: tuple[Path, str, str]) -> None:
    repo, fix_diff, _ = pull_request
    # a pull request that touched only the new record: the FPA change cannot be suggested
    pr_diff = _git(repo, "diff", "main~1...main", "--", "data/events")
    review = build_review(fix_diff, pr_diff, "abc123")
    comments: list[dict[str, object]] = review["comments"]  # type: ignore[assignment]
    assert {c["path"] for c in comments} == {"data/events/giao-luu-lan-thu-10.yml"}
    body = str(review["body"])
    assert (
        "```diff\n--- a/data/agreements/hiep-dinh-fpa.yml\n+++ b/data/agreements/hiep-dinh-fpa.yml\n@@ "
        in body
    )
    assert "-location: 'Brúc-xen'\n+location: Brúc-xen\n" in body


def test_a_pure_insertion_takes_the_line_before_along() -> None:
    hunk = Hunk(4, 4, [" a: 1", " b: 2", "+c: 3", " d: 4"])
    suggestion = suggestions_of("x.yml", hunk)
    assert suggestion is not None
    assert (suggestion.start_line, suggestion.end_line, suggestion.replacement) == (5, 5, ["b: 2", "c: 3"])
    first = suggestions_of("x.yml", Hunk(1, 1, ["+c: 3", " d: 4"]))
    assert first is not None and (first.start_line, first.end_line, first.replacement) == (
        1,
        1,
        ["c: 3", "d: 4"],
    )
    deletion = suggestions_of("x.yml", Hunk(1, 1, [" a", "-b", "-c", " d"]))
    assert deletion is not None and (deletion.start_line, deletion.end_line, deletion.replacement) == (
        2,
        3,
        [],
    )


def test_a_removed_line_that_looks_like_a_header_is_read_as_a_line() -> None:
    diff = "--- a/x.yml\n+++ b/x.yml\n@@ -1,2 +1,1 @@\n--- x\n a\n--- a/y.yml\n+++ b/y.yml\n@@ -1 +1 @@\n-b\n+c\n"
    hunks = parse_unified_diff(diff)
    assert [h.lines for h in hunks["x.yml"]] == [["--- x", " a"]]
    assert [h.lines for h in hunks["y.yml"]] == [["-b", "+c"]]


def test_backticks_in_the_data_get_a_longer_fence() -> None:
    diff = "--- a/data/x.yml\n+++ b/data/x.yml\n@@ -1 +1 @@\n-summary: 'a ``` b'\n+summary: a ``` b\n"
    review = build_review(diff, diff, "abc")
    comment = review["comments"][0]  # type: ignore[index]
    assert comment["body"] == "````suggestion\nsummary: a ``` b\n````"
    assert (comment["line"], "start_line" in comment) == (1, False)


def test_runs_standalone_with_the_standard_library(
    pull_request: tuple[Path, str, str], tmp_path: Path
) -> None:
    # The workflow runs the base branch's copy of the file with `python3 -I`, outside the package.
    _, fix_diff, pr_diff = pull_request
    script = tmp_path / "suggestions.py"
    shutil.copy(REPO_ROOT / "scripts" / "defence_kb" / "fix" / "suggestions.py", script)
    (tmp_path / "fix.diff").write_text(fix_diff, encoding="utf-8")
    (tmp_path / "pr.diff").write_text(pr_diff, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-I", str(script), "fix.diff", "pr.diff", "abc123", "review.json", "summary.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    review = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    assert review == build_review(fix_diff, pr_diff, "abc123")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("### Dữ liệu chưa ở dạng chuẩn") and "```diff\n--- a/data/" in summary


def _one_line_change(path: str, line: int) -> str:
    return f"--- a/{path}\n+++ b/{path}\n@@ -{line} +{line} @@\n-title: 'A'\n+title: A\n"


def test_suggestions_only_for_data_files_and_at_most_fifty(tmp_path: Path) -> None:
    """fix.diff comes from the pull request's own code: a path outside data/ gets no comment
    (a workflow, a path that climbs out with ..), and a flood of changes gets at most 50
    comments, the review and the job summary saying how many more there are."""
    outside = ["../.github/workflows/check.yml", ".github/workflows/deploy.yml", "data/../Makefile", "/etc/x"]
    inside = [f"data/events/su-kien-{n:03}.yml" for n in range(60)]
    diff = "".join(_one_line_change(path, 3) for path in [*outside, *inside])
    review = build_review(diff, diff, "abc")
    comments = review["comments"]
    assert isinstance(comments, list)
    assert [comment["path"] for comment in comments] == inside[:50]
    body = str(review["body"])
    assert "4 thay đổi ở tệp ngoài thư mục data/ bị bỏ qua" in body
    assert "Chỉ 50 gợi ý đầu tiên được đăng (còn 10 thay đổi nữa" in body
    assert "su-kien-059.yml" in body and "workflows" not in body
    script = REPO_ROOT / "scripts" / "defence_kb" / "fix" / "suggestions.py"
    (tmp_path / "fix.diff").write_text(diff, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-I", str(script), "fix.diff", "fix.diff", "abc", "review.json", "summary.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "50 gợi ý"
    assert "Chỉ 50 gợi ý đầu tiên được đăng" in (tmp_path / "summary.md").read_text(encoding="utf-8")
