"""Turn the diff `make fix --check` prints into a pull-request review whose comments are
GitHub "suggested changes", so that an editor accepts each one with a click.

The pull-request workflow (.github/workflows/check.yml, job `suggest`) runs:

    python3 -I suggestions.py fix.diff pr.diff HEAD_SHA review.json summary.md

- fix.diff: what `python -m defence_kb fix --check` printed (a unified diff of the pull
  request's files against their canonical form);
- pr.diff: `git diff BASE...HEAD`, the pull request's own diff: GitHub accepts a review
  comment only on a line its diff shows (an added line or a context line of a hunk), so a
  suggestion is made only where the whole range it replaces lies within one hunk;
- review.json: the body of `POST /repos/{owner}/{repo}/pulls/{number}/reviews`;
- summary.md: the job summary: the whole diff, for when the review cannot be posted (a pull
  request from a fork gets a read-only token).

Changes GitHub cannot take as suggestions (lines the pull request did not touch) are shown
in the review's body as a diff instead. fix.diff comes from the pull request's own code, so it
is not trusted: only files under data/ get suggestions (`make fix` changes nothing else), and
at most MAX_COMMENTS of them; the rest is shown as a diff, and the summary says so. This
file uses only the standard library and never imports the rest of the package: the
workflow runs it from the base branch, with the system Python, in the only step that holds
a token that can write.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

MARKER = "<!-- make-fix-suggestions -->"
INTRO = (
    "**make fix**: một số tệp dữ liệu chưa ở dạng chuẩn (thứ tự trường, ngoặc kép, xuống dòng…). "
    "Bấm “Commit suggestion” ở từng gợi ý dưới đây (hoặc “Add suggestion to batch” rồi commit một "
    "lần), hoặc chạy `make fix` trên máy rồi commit. Các thay đổi này không đổi nội dung bản ghi."
)
NOT_SUGGESTED = (
    "Những thay đổi sau nằm ở các dòng pull request không sửa, nên GitHub không cho gợi ý "
    "trực tiếp; chạy `make fix` để áp dụng:"
)
TOO_MANY = (
    "Chỉ {shown} gợi ý đầu tiên được đăng (còn {more} thay đổi nữa, ở dạng diff dưới đây); "
    "chạy `make fix` để áp dụng tất cả."
)
OUTSIDE_DATA = "{count} thay đổi ở tệp ngoài thư mục data/ bị bỏ qua: `make fix` chỉ sửa dữ liệu."
# GitHub refuses a review body or comment longer than this many characters.
MAX_BODY = 60_000
# Suggestions posted in one review; a pull request touching many files gets the rest as a diff.
MAX_COMMENTS = 50
DATA_FOLDER = "data"
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass
class Hunk:
    old_start: int
    new_start: int
    lines: list[str] = field(default_factory=list)  # each with its ' ', '-' or '+' prefix

    def new_range(self) -> tuple[int, int]:
        """The first and last line of the new file this hunk shows."""
        count = sum(1 for line in self.lines if line[:1] in (" ", "+"))
        return self.new_start, self.new_start + max(count, 1) - 1

    def text(self) -> str:
        old = sum(1 for line in self.lines if line[:1] in (" ", "-"))
        new = sum(1 for line in self.lines if line[:1] in (" ", "+"))
        return f"@@ -{self.old_start},{old} +{self.new_start},{new} @@\n" + "".join(
            line + "\n" for line in self.lines
        )


def parse_unified_diff(text: str) -> dict[str, list[Hunk]]:
    """The hunks of a unified diff (git's or difflib's), by the path of the new file
    without git's `b/` prefix. Deleted files (`+++ /dev/null`) are left out. A hunk's
    header says how many lines it has, so a removed line that reads `--- …` is not taken
    for the next file's header."""
    files: dict[str, list[Hunk]] = {}
    hunks: list[Hunk] | None = None
    old_left = new_left = 0
    for line in text.split("\n"):
        if old_left > 0 or new_left > 0:
            kind = line[:1] or " "  # some tools write an empty context line as nothing
            if kind == "\\":
                continue  # "\ No newline at end of file"
            if hunks is not None:
                hunks[-1].lines.append(kind + line[1:])
            old_left -= kind in (" ", "-")
            new_left -= kind in (" ", "+")
        elif line.startswith("+++ "):
            name = line[4:].split("\t")[0]
            hunks = None if name == "/dev/null" else files.setdefault(name.removeprefix("b/"), [])
        elif match := _HUNK.match(line):
            old_left = int(match.group(2) if match.group(2) is not None else 1)
            new_left = int(match.group(4) if match.group(4) is not None else 1)
            if hunks is not None:
                hunks.append(Hunk(int(match.group(1)), int(match.group(3))))
    return files


@dataclass(frozen=True)
class Suggestion:
    path: str
    start_line: int  # in the pull request's version of the file (the diff's old side)
    end_line: int
    replacement: list[str]
    hunk: str  # the diff it comes from, shown when it cannot be suggested


def suggestions_of(path: str, hunk: Hunk) -> Suggestion | None:
    """One suggestion replacing the lines a hunk changes (its outer context trimmed). A
    pure insertion takes the line before it (or after it) along, since a suggestion must
    replace at least one line."""
    changed = [index for index, line in enumerate(hunk.lines) if line[:1] in ("-", "+")]
    if not changed:
        return None
    first, last = changed[0], changed[-1]
    if not any(line[:1] in (" ", "-") for line in hunk.lines[first : last + 1]):
        if first > 0:
            first -= 1
        elif last + 1 < len(hunk.lines):
            last += 1
        else:
            return None  # an insertion into an empty file: no line to hang it on
    old_line = hunk.old_start
    start = end = 0
    replacement = []
    for index, line in enumerate(hunk.lines):
        kind, content = line[:1], line[1:]
        if first <= index <= last:
            if kind in (" ", "-"):
                start = start or old_line
                end = old_line
            if kind in (" ", "+"):
                replacement.append(content)
        if kind in (" ", "-"):
            old_line += 1
    return Suggestion(path, start, end, replacement, hunk.text())


def _fence(lines: list[str], info: str) -> str:
    """A code block whose fence is longer than any run of backticks in its content."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n" + "".join(line + "\n" for line in lines) + fence


def comment_of(suggestion: Suggestion) -> dict[str, object]:
    comment: dict[str, object] = {
        "path": suggestion.path,
        "line": suggestion.end_line,
        "side": "RIGHT",
        "body": _fence(suggestion.replacement, "suggestion"),
    }
    if suggestion.start_line != suggestion.end_line:
        comment |= {"start_line": suggestion.start_line, "start_side": "RIGHT"}
    return comment


def _within(suggestion: Suggestion, shown: list[tuple[int, int]]) -> bool:
    return any(low <= suggestion.start_line and suggestion.end_line <= high for low, high in shown)


def is_data_path(path: str) -> bool:
    """A relative path to a file under data/, with no `..`, `.` or empty part."""
    parts = path.split("/")
    return (
        len(parts) > 1
        and parts[0] == DATA_FOLDER
        and all(part not in ("", ".", "..") for part in parts)
        and "\\" not in path
    )


@dataclass
class Plan:
    """Where each change of fix.diff goes: a suggestion (a review comment), or the diff in
    the review's body; and how many were left out, and why."""

    comments: list[dict[str, object]] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)  # diff lines
    outside_data: int = 0  # hunks of files outside data/: dropped
    not_posted: int = 0  # suggestions past MAX_COMMENTS: shown in the diff instead

    def notes(self) -> list[str]:
        """What the review left out, in words for its body and the job summary."""
        notes = []
        if self.outside_data:
            notes.append(OUTSIDE_DATA.format(count=self.outside_data))
        if self.not_posted:
            notes.append(TOO_MANY.format(shown=MAX_COMMENTS, more=self.not_posted))
        return notes


def plan_review(fix_diff: str, pr_diff: str) -> Plan:
    """A suggestion for each change on lines the pull request shows (in data/ only, at most
    MAX_COMMENTS), the rest as a diff."""
    shown = {
        path: [hunk.new_range() for hunk in hunks] for path, hunks in parse_unified_diff(pr_diff).items()
    }
    plan = Plan()
    for path, hunks in parse_unified_diff(fix_diff).items():
        if not is_data_path(path):
            plan.outside_data += len(hunks)
            continue
        for hunk in hunks:
            suggestion = suggestions_of(path, hunk)
            if suggestion is None:
                continue
            suggestible = _within(suggestion, shown.get(path, []))
            if suggestible and len(plan.comments) < MAX_COMMENTS:
                plan.comments.append(comment_of(suggestion))
                continue
            plan.not_posted += suggestible
            plan.leftover += [f"--- a/{path}", f"+++ b/{path}", *suggestion.hunk.rstrip("\n").split("\n")]
    return plan


def build_review(fix_diff: str, pr_diff: str, commit: str) -> dict[str, object]:
    """The review to post: the plan's suggestions, what it left out and the rest as a diff."""
    plan = plan_review(fix_diff, pr_diff)
    body = "\n\n".join([f"{MARKER}\n{INTRO}", *plan.notes()])
    if plan.leftover:
        body += f"\n\n{NOT_SUGGESTED}\n\n{_fence(plan.leftover, 'diff')}"
    if len(body) > MAX_BODY:
        too_long = "(Diff quá dài; xem “Summary” của lần chạy kiểm tra.)"
        body = "\n\n".join([f"{MARKER}\n{INTRO}", *plan.notes(), NOT_SUGGESTED, too_long])
    return {"commit_id": commit, "event": "COMMENT", "body": body, "comments": plan.comments}


def job_summary(fix_diff: str, notes: tuple[str, ...] | list[str] = ()) -> str:
    """Markdown for the job summary: what to run, what the review left out, the whole diff."""
    lines = fix_diff.rstrip("\n").split("\n")
    said = "".join(f"{note}\n\n" for note in notes)
    text = (
        "### Dữ liệu chưa ở dạng chuẩn\n\nChạy `make fix` rồi commit, hoặc áp dụng các gợi ý "
        f"trên pull request.\n\n{said}{_fence(lines, 'diff')}\n"
    )
    if len(text) > MAX_BODY:
        text = text[:MAX_BODY] + "\n…\n"
    return text


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print("usage: suggestions.py FIX_DIFF PR_DIFF HEAD_SHA REVIEW_JSON SUMMARY_MD", file=sys.stderr)
        return 2
    fix_path, pr_path, commit, review_path, summary_path = argv
    fix_diff = Path(fix_path).read_text(encoding="utf-8")
    pr_diff = Path(pr_path).read_text(encoding="utf-8")
    review = build_review(fix_diff, pr_diff, commit)
    Path(review_path).write_text(json.dumps(review, ensure_ascii=False), encoding="utf-8")
    notes = plan_review(fix_diff, pr_diff).notes()
    Path(summary_path).write_text(job_summary(fix_diff, notes), encoding="utf-8")
    print(f"{len(review['comments'])} gợi ý")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
