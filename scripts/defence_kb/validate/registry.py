"""The validator's rules, one module each in rules/, found by looking in that folder.

A rule module defines `RULE`, a `Rule` that says what it checks, which files it applies to,
how an editor fixes what it reports, and the function that checks. Adding a rule is adding
one module (and its test, tests/test_validate_<name>.py): nothing else lists the rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..load import LoadedFile, RawDataset
from ..problems import Problem
from . import rules as rules_package
from .data import ValidatedData

FileKind = Literal["records", "entities", "sources", "themes", "exclusions"]
Check = Callable[[RawDataset, ValidatedData], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One check of the data beyond its model in the schema (those the schema cannot say:
    references between files, quotes found in the sources, dates that agree…)."""

    name: str  # the module's name
    checks: str  # what the rule checks, for developers
    applies_to: tuple[FileKind, ...]  # the files whose values it reports on
    fix: str  # how an editor fixes what it reports (its messages say so, in Vietnamese)
    check: Check  # the raw data of every file (valid or not) and what the schema validated
    # A problem of this rule explains every other problem at the same spot, which is then
    # not reported (an unfilled placeholder fails its field's format too).
    explains_others: bool = False


@cache
def registered_rules() -> tuple[Rule, ...]:
    """Every rule in rules/, in the order of the module names."""
    found = []
    for module_info in sorted(pkgutil.iter_modules(rules_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{rules_package.__name__}.{module_info.name}")
        found.append(module.RULE)
    return tuple(found)


def files_of(raw: RawDataset, kinds: Iterable[FileKind]) -> list[LoadedFile]:
    """The loaded files of the given kinds, in the order the kinds are given."""
    files: list[LoadedFile] = []
    for kind in kinds:
        if kind == "records":
            files += [loaded for folder_files in raw.records.values() for loaded in folder_files]
        elif kind in ("entities", "sources"):
            files += getattr(raw, kind)
        elif getattr(raw, kind) is not None:
            files.append(getattr(raw, kind))
    return files
