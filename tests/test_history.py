"""When records were added and changed: from git history, else from file times; shown on
the "Mới cập nhật" page and in the Atom feed."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, REPO_ROOT, html_not_refused
from defence_kb.build import copy_site_config, load_knowledge_base
from defence_kb.history import History, read_history
from defence_kb.outputs import Inputs, page_jobs
from defence_kb.render import RECENT_PAGE, SiteSettings, make_environment, render_feed, render_page

ATOM = "{http://www.w3.org/2005/Atom}"
FPA = Path("data/agreements/hiep-dinh-fpa.yml")
EVENT = Path("data/events/giao-luu-lan-thu-9.yml")


def _git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A repository whose data was committed on 1 March and its FPA record changed on 5 April,
    to a title with markup the feed and the page must escape (the validator would refuse it:
    it is let through here to test the escaping)."""
    root = copy_site_config(REPO_ROOT, tmp_path / "repo")
    shutil.copytree(MINIMAL, root / "data")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data")
    _git(root, "commit", "-q", "-m", "data", when="2026-03-01T10:00:00+07:00")
    text = (root / FPA).read_text(encoding="utf-8")
    (root / FPA).write_text(
        text.replace("title: Hiệp định FPA", "title: Hiệp định FPA <b>&</b>"), encoding="utf-8"
    )
    _git(root, "commit", "-q", "-am", "rename", when="2026-04-05T09:30:00+07:00")
    with html_not_refused():
        yield root


def _paths(root: Path) -> list[Path]:
    return [entry.path for entry in load_knowledge_base(root, root / "data").records.values()]


def test_dates_come_from_git_history(repo: Path) -> None:
    history = read_history(repo, _paths(repo))
    assert history.from_git
    fpa, event = history.of(FPA), history.of(EVENT)
    assert fpa and event
    assert fpa.added == dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)
    assert fpa.changed == dt.datetime(2026, 4, 5, 2, 30, tzinfo=dt.UTC)
    assert event.added == event.changed == fpa.added


def test_a_format_only_commit_changes_no_date(repo: Path) -> None:
    # `make fix` puts every file in canonical form; that commit must not list every record
    # as just updated on the "Mới cập nhật" page and in the feed.
    from defence_kb.fix import fix_dataset

    assert any(result.changed for result in fix_dataset(repo / "data", write=True))
    _git(
        repo,
        "commit",
        "-q",
        "-am",
        "Data in canonical form\n\nFormat-only: make fix",
        when="2026-05-01T08:00:00+07:00",
    )
    fpa, event = read_history(repo, _paths(repo)).of(FPA), read_history(repo, _paths(repo)).of(EVENT)
    assert fpa and event
    assert fpa.changed == dt.datetime(2026, 4, 5, 2, 30, tzinfo=dt.UTC)
    assert event.changed == event.added == dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)


def test_a_reformatting_without_the_trailer_changes_no_date_either(repo: Path) -> None:
    """What counts is what a file says: keys reordered, quotes and wrapping changed, the same
    data, committed with an ordinary message, leaves the dates where they were."""
    text = (repo / EVENT).read_text(encoding="utf-8")
    lines = text.splitlines()
    reordered = "\n".join([lines[1], lines[0], *lines[2:]]) + "\n"
    assert yaml.safe_load(reordered) == yaml.safe_load(text) and reordered != text
    (repo / EVENT).write_text(reordered, encoding="utf-8")
    assert read_history(repo, _paths(repo)).of(EVENT).changed == dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)
    _git(repo, "commit", "-q", "-am", "tidy", when="2026-06-01T08:00:00+07:00")
    event = read_history(repo, _paths(repo)).of(EVENT)
    assert event and event.changed == event.added == dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)


def test_a_change_says_which_fields_it_touched(repo: Path) -> None:
    data = yaml.safe_load((repo / EVENT).read_text(encoding="utf-8"))
    quote = data["evidence"][0]["quote"]
    text = (repo / EVENT).read_text(encoding="utf-8").replace(quote, quote[: len(quote) // 2].rstrip())
    (repo / EVENT).write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "shorter quote", when="2026-06-01T08:00:00+07:00")
    event = read_history(repo, _paths(repo)).of(EVENT)
    assert event and event.fields == ("evidence",)
    assert event.changed == dt.datetime(2026, 6, 1, 1, 0, tzinfo=dt.UTC)


def test_an_uncommitted_edit_counts_as_a_change_now(repo: Path) -> None:
    (repo / EVENT).write_text(
        (repo / EVENT).read_text(encoding="utf-8") + "editor_note: Sửa.\n", encoding="utf-8"
    )
    dates = read_history(repo, _paths(repo)).of(EVENT)
    assert dates and dates.added.year == 2026 and dates.added.month == 3
    assert dates.changed > dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)


def test_without_history_file_times_stand_in(repo: Path) -> None:
    shutil.rmtree(repo / ".git")
    history = read_history(repo, _paths(repo))
    assert not history.from_git
    dates = history.of(FPA)
    assert dates and dates.added == dates.changed
    assert abs(dates.changed.timestamp() - (repo / FPA).stat().st_mtime) < 1


def test_a_shallow_clone_is_not_taken_for_history(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert not read_history(clone, _paths(clone)).from_git


def test_feed_is_atom_newest_first_with_escaped_text(repo: Path) -> None:
    kb = load_knowledge_base(repo, repo / "data")
    history = read_history(repo, _paths(repo))
    settings = SiteSettings(site_url="https://example.org/kb/", site_name="KB")
    feed = ET.fromstring(render_feed(kb, history, settings))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(kb.records)
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Hiệp định FPA <b>&</b>"
    assert first.findtext(f"{ATOM}id") == "https://example.org/kb/thoa-thuan/hiep-dinh-fpa/"
    assert first.findtext(f"{ATOM}updated") == "2026-04-05T02:30:00Z"
    assert first.findtext(f"{ATOM}published") == "2026-03-01T03:00:00Z"
    assert first.findtext(f"{ATOM}summary", "").startswith("Sửa: Tiêu đề. ")
    assert entries[1].findtext(f"{ATOM}summary", "").startswith("Thêm mới. ")
    assert feed.findtext(f"{ATOM}updated") == "2026-04-05T02:30:00Z"


def test_recent_page_lists_changes_newest_first(repo: Path) -> None:
    kb = load_knowledge_base(repo, repo / "data")
    history = read_history(repo, _paths(repo))
    job = next(job for job in page_jobs(Inputs(kb, history=history)) if job.path == RECENT_PAGE)
    page = render_page(make_environment(kb), job)
    cells = lambda row: re.findall(r'<td data-label="[^"]*" markdown="span">(.*?)</td>', row)  # noqa: E731
    rows = [cells(line) for line in page.splitlines() if line.startswith("<tr markdown><td")]
    assert len(rows) == len(kb.records)
    assert rows[0][0] == "05/04/2026" and rows[0][1].startswith(
        "[Hiệp định FPA &#60;b&#62;&#38;&#60;/b&#62;]"
    )
    assert rows[0][3] == "Sửa: Tiêu đề"
    assert all(row[0] == "01/03/2026" and row[3] == "Thêm mới" for row in rows[1:])
    assert "lịch sử thay đổi" in page
    unknown = render_page(
        make_environment(kb),
        next(j for j in page_jobs(Inputs(kb, history=History({}, False))) if j.path == RECENT_PAGE),
    )
    assert "không có lịch sử" in unknown
