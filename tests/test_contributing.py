"""The editors' guide stays true: its worked example validates against the real data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO_ROOT, run_cli


def test_worked_example_in_contributing_validates(tmp_path: Path) -> None:
    guide = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"## Ví dụ hoàn chỉnh.*?```yaml\n(.*?)```", guide, re.S)
    assert example, "CONTRIBUTING.md lost its worked example"
    record_id = re.search(r"^id: (\S+)$", example.group(1), re.M).group(1)
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "agreements" / f"{record_id}.yml").write_text(example.group(1), encoding="utf-8")
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr
