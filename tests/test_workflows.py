"""The pull-request workflow as files in the repository: GitHub Actions workflows, the
pull-request template, the issue form and the pre-commit hooks."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))


def _yaml(path: Path) -> dict:  # type: ignore[type-arg]
    # BaseLoader: GitHub reads `on:` as a key, which YAML 1.1 would turn into True.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _run_clean(tool: str, *arguments: str) -> None:
    """Run a checker from the project's .venv at the repository root; fail with its output."""
    command = [str(REPO_ROOT / ".venv" / "bin" / tool), *arguments]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        f"{tool} {' '.join(arguments)} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )


def _schema_files() -> dict[str, list[str]]:
    """The GitHub files check-jsonschema has a vendored SchemaStore schema for, by schema: a file
    of one of these kinds added later (say .github/dependabot.yml) is checked without a change here."""
    github = REPO_ROOT / ".github"
    templates = sorted((github / "ISSUE_TEMPLATE").glob("*.y*ml"))
    kinds = {
        "vendor.github-workflows": WORKFLOWS,
        "vendor.github-issue-forms": [path for path in templates if path.stem != "config"],
        "vendor.github-issue-config": [path for path in templates if path.stem == "config"],
        "vendor.github-discussion": sorted((github / "DISCUSSION_TEMPLATE").glob("*.y*ml")),
        "vendor.dependabot": sorted(github.glob("dependabot.y*ml")),
    }
    return {
        schema: [str(path.relative_to(REPO_ROOT)) for path in paths]
        for schema, paths in kinds.items()
        if paths
    }


SCHEMA_FILES = _schema_files()


def test_workflows_and_issue_form_are_schema_checked() -> None:
    assert {"vendor.github-workflows", "vendor.github-issue-forms"} <= SCHEMA_FILES.keys()


@pytest.mark.parametrize("schema", sorted(SCHEMA_FILES))
def test_github_files_match_their_schema(schema: str) -> None:
    _run_clean("check-jsonschema", "--builtin-schema", schema, *SCHEMA_FILES[schema])


def test_workflows_pass_zizmor() -> None:
    # --offline: GitHub is out of reach; the audits that need its API are left out.
    # --strict-collection: a workflow zizmor cannot parse fails instead of being skipped.
    _run_clean("zizmor", "--offline", "--no-progress", "--color", "never", "--strict-collection", ".")


def test_pull_requests_are_validated_built_and_tested() -> None:
    check = _yaml(REPO_ROOT / ".github" / "workflows" / "check.yml")
    assert "pull_request" in check["on"]
    runs = [step.get("run", "") for job in check["jobs"].values() for step in job["steps"]]
    assert any("validate --format github" in run for run in runs)
    assert any(run.strip() == "make build" for run in runs)
    assert any(run.strip() == "make test" for run in runs)


def test_main_is_deployed_to_github_pages() -> None:
    deploy = _yaml(REPO_ROOT / ".github" / "workflows" / "deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    steps = [step for job in deploy["jobs"].values() for step in job["steps"]]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in steps)
    assert deploy["permissions"] == {}  # each job is granted only what it uses
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    # `owner/repo@<40-hex commit> # vX.Y.Z`: a tag can be moved, a commit cannot; the comment says
    # which release the commit is.
    pinned = re.compile(r"(?P<action>[\w.-]+/[\w.-]+(?:/[\w./-]+)?)@[0-9a-f]{40} # v\d+(?:\.\d+)*")
    refs: dict[str, set[str]] = {}
    for workflow in WORKFLOWS:
        uses = re.findall(
            r"^\s*(?:-\s+)?uses:\s*(.*?)\s*$", workflow.read_text(encoding="utf-8"), re.MULTILINE
        )
        assert uses, workflow
        matches = [pinned.fullmatch(u) for u in uses]
        assert [u for u, match in zip(uses, matches, strict=True) if match is None] == [], workflow
        for match in filter(None, matches):
            refs.setdefault(match["action"], set()).add(match[0])
    # An action is pinned to the same commit in every workflow.
    assert {action: ref for action, ref in refs.items() if len(ref) > 1} == {}


def test_annotations_point_at_the_offending_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    fpa = data / "agreements" / "hiep-dinh-fpa.yml"
    fpa.write_text(fpa.read_text(encoding="utf-8").replace("summary:", "sumary:"), encoding="utf-8")
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO_ROOT), "validate", f"DATA={data}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "hiep-dinh-fpa.yml:3:1: trường “sumary” không có" in result.stderr
    annotation = subprocess.run(
        [
            str(REPO_ROOT / ".venv" / "bin" / "python"),
            "-m",
            "defence_kb",
            "--data",
            str(data),
            "validate",
            "--format",
            "github",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO_ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
    )
    assert annotation.returncode == 1
    lines = [line for line in annotation.stdout.splitlines() if line.startswith("::error ")]
    assert lines == [
        "::error file=data/agreements/hiep-dinh-fpa.yml,line=1,col=1::thiếu trường bắt buộc “summary”",
        "::error file=data/agreements/hiep-dinh-fpa.yml,line=3,col=1::trường “sumary” không có trong mô hình dữ liệu; "
        "có phải ý bạn là “summary”?",
    ]


def test_issue_form_asks_for_source_and_verbatim_quote() -> None:
    form = _yaml(REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "de-xuat-ban-ghi.yml")
    assert form["name"] == "Đề xuất bản ghi mới"
    fields = {item["id"]: item for item in form["body"] if item["type"] != "markdown"}
    for required in ("loai", "tieu-de", "nguon", "trich-dan"):
        assert fields[required]["validations"]["required"] == "true", required
    assert "nguyên văn" in fields["trich-dan"]["attributes"]["label"].lower()
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_pull_request_template_lists_the_checks() -> None:
    template = (REPO_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "nguyên văn" in template and "make validate" in template and "former_ids" in template


def test_pre_commit_runs_the_validator_ruff_and_workflow_checks() -> None:
    config = _yaml(REPO_ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["validate-data"]["entry"] == "make --no-print-directory validate"
    assert hooks["validate-data"]["files"] == "^data/"
    assert hooks["fix-data"]["entry"] == "make --no-print-directory fix CHECK=1"
    assert hooks["fix-data"]["files"] == "^data/"
    assert (
        "ruff check" in hooks["ruff-check"]["entry"]
        and "ruff format --check" in hooks["ruff-format"]["entry"]
    )
    assert hooks["check-github-workflows"]["entry"].endswith("--builtin-schema vendor.github-workflows")
    assert hooks["check-github-issue-forms"]["entry"].endswith("--builtin-schema vendor.github-issue-forms")
    assert "--offline" in hooks["zizmor"]["entry"].split()
    for hook_id in ("check-github-workflows", "check-github-issue-forms", "zizmor"):
        assert hooks[hook_id]["files"].startswith("^"), hook_id
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for hook in hooks.values():  # each entry works from the repository root, as `pre-commit run --all-files`
        command = hook["entry"].split()
        if hook.get("pass_filenames", "true") == "true":  # pre-commit appends the matching files
            command += [path for path in tracked if re.search(hook.get("files", ""), path)]
            assert len(command) > len(hook["entry"].split()), (hook["id"], "matches no file")
        result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        assert result.returncode == 0, (hook["id"], result.stdout[-500:], result.stderr[-500:])


def _check_jobs() -> dict:  # type: ignore[type-arg]
    return _yaml(REPO_ROOT / ".github" / "workflows" / "check.yml")["jobs"]


def test_pull_requests_get_make_fix_suggestions_with_least_privilege() -> None:
    check = _yaml(REPO_ROOT / ".github" / "workflows" / "check.yml")
    assert "pull_request_target" not in check["on"]  # never run a pull request's code with secrets
    assert check["permissions"] == {"contents": "read"}
    jobs = _check_jobs()
    # `format` runs the pull request's code with a read-only token and passes the diffs on
    form = jobs["format"]
    assert form["if"] == "github.event_name == 'pull_request'"
    assert form["permissions"] == {"contents": "read"}
    assert form["steps"][0]["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"
    assert "defence_kb fix --check" in form["steps"][2]["run"]
    assert form["steps"][3]["uses"].startswith("actions/upload-artifact@")
    # `suggest` alone may write to the pull request, and runs none of its code
    suggest = jobs["suggest"]
    assert suggest["needs"] == "format"
    assert suggest["if"] == "needs.format.outputs.changed == 'true'"
    assert suggest["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert [name for name, job in jobs.items() if "pull-requests" in job.get("permissions", {})] == [
        "suggest"
    ]
    checkout, download, post, fail = suggest["steps"]
    assert checkout["with"] == {
        "ref": "${{ github.event.pull_request.base.sha }}",
        "persist-credentials": "false",
    }
    assert download["uses"].startswith("actions/download-artifact@")
    runs = post["run"] + fail["run"]
    assert not re.search(r"^\s*(make|pip)\b|\.venv", runs, re.M)
    assert 'python3 -I "$script"' in post["run"]
    assert post["env"]["GH_TOKEN"] == "${{ github.token }}" and "env" not in fail
    assert (REPO_ROOT / "scripts" / "defence_kb" / "fix" / "suggestions.py").is_file()
    for job in (form, suggest):
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step  # values come in through env only
            assert step.get("with", {}).get("persist-credentials", "false") == "false"
    assert fail["run"].rstrip().endswith("exit 1")


FAKE_GH = """#!/bin/sh
# A stand-in for the GitHub CLI: records each call, answers like the API would.
echo "$*" >> "$GH_LOG"
case "$*" in
  *"--method POST repos/o/r/pulls/7/reviews"*) cp "$6" "$GH_LOG.review"; exit "$REVIEW_STATUS" ;;
  *"--method POST repos/o/r/issues/7/comments"*) exit "$COMMENT_STATUS" ;;
  *"repos/o/r/pulls/7/reviews"*) printf '%s' "$EXISTING" ;;
esac
"""


def _between_stop_commands(log: str) -> str:
    """What a step printed while workflow commands were stopped: between `::stop-commands::T`
    and `::T::`, with T a fresh random token (a diff that guessed it could resume them)."""
    found = re.search(r"^::stop-commands::([0-9a-f]{32})\n(.*?)^::\1::$", log, re.S | re.M)
    assert found, f"the diff is not printed between stop-commands markers:\n{log}"
    return found.group(2)


def _step(job: str, name: str) -> str:
    return next(step for step in _check_jobs()[job]["steps"] if step.get("name") == name)["run"]


@pytest.mark.parametrize(
    ("review_status", "comment_status", "existing", "expected"),
    [
        ("0", "0", "", "Suggestions posted on the pull request."),
        ("1", "0", "", "The review could not be posted; the diff was posted as one comment."),
        ("1", "1", "", "::notice::The token is read-only (a pull request from a fork)"),
        ("0", "0", "<!-- make-fix-suggestions -->\nx", "are already on the pull request."),
    ],
)
def test_the_jobs_post_a_review_or_fall_back(
    tmp_path: Path, review_status: str, comment_status: str, existing: str, expected: str
) -> None:
    """The two jobs' scripts run as Actions would run them, on a repository whose pull
    request spoils a line, with `gh` standing in for the GitHub API."""
    import json
    import os

    from defence_kb.fix import fix_dataset

    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo / "data")
    fix_dataset(repo / "data", write=True)
    # a copy: the command line finds data/ next to its own scripts/ (a link would lead back here)
    shutil.copytree(REPO_ROOT / "scripts", repo / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / ".venv").symlink_to(REPO_ROOT / ".venv")
    (repo / ".gitignore").write_text("scripts\n.venv\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
        ).stdout.strip()

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    base = git("rev-parse", "HEAD")
    fpa = repo / "data" / "agreements" / "hiep-dinh-fpa.yml"
    fpa.write_text(fpa.read_text(encoding="utf-8").replace("location: Brúc-xen", "location: 'Brúc'"), "utf-8")
    location_line = fpa.read_text(encoding="utf-8").split("\n").index("location: 'Brúc'") + 1
    git("commit", "-qam", "pull request")
    head = git("rev-parse", "HEAD")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "make").write_text("#!/bin/sh\n", encoding="utf-8")  # the .venv is ready
    for tool in ("gh", "make"):
        (bin_dir / tool).chmod(0o755)
    (tmp_path / "runner").mkdir()
    log = tmp_path / "gh.log"
    output = tmp_path / "output"
    variables = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GH_LOG": str(log),
        "REPOSITORY": "o/r",
        "NUMBER": "7",
        "BASE": base,
        "HEAD": head,
        "REVIEW_STATUS": review_status,
        "COMMENT_STATUS": comment_status,
        "EXISTING": existing,
    }

    def run(script: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=repo,
            env=variables,
            capture_output=True,
            text=True,
            check=False,
        )

    checked = run(_step("format", "Diff to the canonical form"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (tmp_path / "runner" / "make-fix" / "fix.diff").read_text(encoding="utf-8"), checked.stderr
    assert output.read_text(encoding="utf-8") == "changed=true\n"
    assert "-location: 'Brúc'\n+location: Brúc\n" in _between_stop_commands(checked.stdout)  # in the log
    posted = run(_step("suggest", "Suggest the changes on the pull request"))
    assert posted.returncode == 0, posted.stdout + posted.stderr
    assert expected in posted.stdout
    assert "-location: 'Brúc'\n+location: Brúc\n" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    if existing:
        assert "--method POST" not in log.read_text(encoding="utf-8")
    else:
        review = json.loads(Path(f"{log}.review").read_text(encoding="utf-8"))
        assert review["commit_id"] == head
        assert review["comments"] == [
            {
                "path": "data/agreements/hiep-dinh-fpa.yml",
                "line": location_line,
                "side": "RIGHT",
                "body": "```suggestion\nlocation: Brúc\n```",
            }
        ]
    failed = run(_step("suggest", "Fail while the data is not in canonical form"))
    assert failed.returncode == 1 and "::error::Dữ liệu chưa ở dạng chuẩn" in failed.stdout
    assert "-location: 'Brúc'\n+location: Brúc\n" in _between_stop_commands(failed.stdout)
    assert "::error::Dữ liệu chưa ở dạng chuẩn" not in _between_stop_commands(failed.stdout)


def _locked(name: str) -> dict[str, list[str]]:
    """{package: its sha256 hashes} of a pip-compile lock file (`name==version \\` lines)."""
    text = (REPO_ROOT / name).read_text(encoding="utf-8")
    pins: dict[str, list[str]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9][\w.-]*==[\w.+!-]+)", block)
        if match:
            pins[match[1].lower()] = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
    return pins


def _pins(name: str) -> set[str]:
    lines = (REPO_ROOT / name).read_text(encoding="utf-8").splitlines()
    pins = {line.split("#")[0].strip().lower() for line in lines if re.match(r"[A-Za-z0-9]", line)}
    return {re.sub(r"[-_.]+", "-", pin.split("==")[0]) + "==" + pin.split("==")[1] for pin in pins}


def test_dependencies_are_installed_only_with_their_hashes() -> None:
    """The build's requirements apart from the development tools, both locked with the hash
    of every file PyPI has for each pinned version, and installed only if one matches."""
    build, everything = _locked("requirements-build.txt"), _locked("requirements.txt")
    assert len(build) > 30 and all(build.values()) and all(everything.values())
    assert {pin: everything.get(pin) for pin in build} == build  # the same versions and hashes in both
    assert not {"pytest", "ruff", "zizmor", "playwright", "hypothesis"} & {p.split("==")[0] for p in build}
    assert _pins("requirements-build.in") <= build.keys()
    assert _pins("requirements.in") - _pins("requirements-build.in") <= everything.keys()
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"^\t.*pip install.*$|^PIP_INSTALL :=.*$", makefile, re.M)
    assert installs and all("--require-hashes" in line or "$(PIP_INSTALL)" in line for line in installs)
    assert re.search(r"^\t\$\(PIP_INSTALL\) -r requirements-build.txt$", makefile, re.M)
    assert re.search(r"^\t\$\(PIP_INSTALL\) -r requirements.txt$", makefile, re.M)
    assert re.search(r"^lock:", makefile, re.M) and "--generate-hashes" in makefile
    deploy = _yaml(REPO_ROOT / ".github" / "workflows" / "deploy.yml")
    setup = [
        s for job in deploy["jobs"].values() for s in job["steps"] if "setup-python" in s.get("uses", "")
    ]
    assert setup and all("cache" not in step.get("with", {}) for step in setup)  # no pip cache to poison


def test_dependabot_security_policy_and_code_owners() -> None:
    dependabot = _yaml(REPO_ROOT / ".github" / "dependabot.yml")
    assert {(u["package-ecosystem"], u["directory"]) for u in dependabot["updates"]} == {
        ("github-actions", "/"),
        ("pip", "/"),
        ("npm", "/scripts/lighthouse"),
    }
    assert "vendor.dependabot" in SCHEMA_FILES  # checked against its schema above
    rules = [
        line.split()
        for line in (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    # the last matching line wins: everything has an owner, data/ alone has none
    assert rules[0][0] == "*" and len(rules[0]) > 1 and all(o.startswith("@") for o in rules[0][1:])
    assert rules[-1] == ["/data/"]
    policy = (REPO_ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "## Reporting a vulnerability" in policy and "## In scope" in policy
