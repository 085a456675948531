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
