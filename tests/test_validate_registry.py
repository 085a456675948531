"""The rules' registry (validate/registry.py): every module in validate/rules/ is a rule that
says what it checks, where and how to fix it, has its own test file, and runs without being
listed anywhere else."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

from conftest import Dataset
from defence_kb.validate import registry
from defence_kb.validate import rules as rules_package
from defence_kb.validate.registry import registered_rules

TESTS = Path(__file__).parent
FILE_KINDS = {"records", "entities", "sources", "themes", "exclusions"}


def test_every_module_is_a_rule_that_says_what_where_and_how() -> None:
    modules = sorted(module.name for module in pkgutil.iter_modules(rules_package.__path__))
    assert [rule.name for rule in registered_rules()] == modules
    assert len(modules) >= 12
    for rule in registered_rules():
        assert rule.checks and rule.fix, rule.name
        assert rule.applies_to and set(rule.applies_to) <= FILE_KINDS, rule.name


@pytest.mark.parametrize("rule", registered_rules(), ids=lambda rule: rule.name)
def test_every_rule_has_its_own_test_file(rule: registry.Rule) -> None:
    test_file = TESTS / f"test_validate_{rule.name}.py"
    assert test_file.is_file(), f"{test_file.name} is missing"
    assert f"rules/{rule.name}.py" in test_file.read_text(encoding="utf-8")


def test_a_new_rule_module_runs_with_nothing_else_changed(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What adding a rule takes: one module in rules/ (here in a second folder of the package)."""
    extra = tmp_path / "more_rules"
    extra.mkdir()
    (extra / "no_brussels.py").write_text(
        "from defence_kb.validate.registry import Rule, files_of\n"
        "def check(raw, data):\n"
        "    for loaded in files_of(raw, RULE.applies_to):\n"
        "        if 'Brúc-xen' in str(loaded.data):\n"
        "            yield loaded.problem(('location',), 'viết “Brúc-xen” thành “Brussels”')\n"
        "RULE = Rule(name='no_brussels', checks='x', applies_to=('records',), fix='y', check=check)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(rules_package, "__path__", [*rules_package.__path__, str(extra)])
    registered_rules.cache_clear()
    try:
        outcome = dataset.run("validate")
    finally:
        monkeypatch.undo()
        registered_rules.cache_clear()
    assert outcome.code == 1
    assert outcome.lines == ["data/agreements/hiep-dinh-fpa.yml:9:11: viết “Brúc-xen” thành “Brussels”"]
    assert dataset.run("validate").code == 0
