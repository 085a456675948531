"""The benchmark runs and prints its table; no timing is asserted (timings vary)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT, run_cli
from defence_kb.bench import STAGES, report, run_stages
from defence_kb.synthetic import write_grown_dataset

pytestmark = pytest.mark.build


def test_the_real_data_grows_into_valid_copies_citing_the_same_sources(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_grown_dataset(data, 130, REPO_ROOT / "data")
    result = run_cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr
    assert "130 bản ghi" in result.stdout
    original = next((REPO_ROOT / "data" / "agreements").glob("*.yml"))
    copy = data / "agreements" / f"{original.stem}-2.yml"
    before, after = (yaml.safe_load(path.read_text(encoding="utf-8")) for path in (original, copy))
    assert after["id"] == f"{before['id']}-2"
    assert after["evidence"] == before["evidence"] and after.get("parties") == before.get("parties")


def test_the_stages_run_and_the_table_says_which_targets_hold(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_grown_dataset(data, 120, REPO_ROOT / "data")
    figures = run_stages(REPO_ROOT, data, tmp_path / "run")
    assert set(STAGES) <= set(figures) and figures["records"] == 120
    assert figures["whole"] >= figures["mkdocs"] > 0
    runs = {"new": {120: figures}, "base": {120: figures}, "synthetic": {}}
    table = "\n".join(report(runs, "HEAD", (120, 2.0)))
    assert "120 bản ghi: s" in table and "mới/cũ" in table
    assert "whole" in table and "1.00" in table  # the run compared with itself
    assert "make serve, sửa 1 trong 120 bản ghi → trang mới ≤ 3 s: 2.0 s ĐẠT" in table
