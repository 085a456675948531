"""Stage 2, validate: check loaded data against the schema and against itself.

Every problem is collected (none stops the others from being found) and reported in
plain Vietnamese with the file, line and column of the offending value.

First each file is validated against its model (models.py, whose messages.py words the
schema's complaints); then every rule in rules/ runs, one module per rule, found by
registry.py: see rules/__init__.py for how to add one.
"""

from __future__ import annotations

from ..load import RawDataset
from .data import Located, ValidatedData
from .models import validate_models
from .registry import registered_rules

__all__ = ["Located", "ValidatedData", "validate_dataset"]


def validate_dataset(raw: RawDataset) -> ValidatedData:
    result = ValidatedData(problems=list(raw.problems))
    validate_models(raw, result)
    explaining = []
    for rule in registered_rules():
        (explaining if rule.explains_others else result.problems).extend(rule.check(raw, result))
    spots = {(p.path, p.line, p.column) for p in explaining}
    result.problems = sorted(
        [p for p in result.problems if (p.path, p.line, p.column) not in spots] + explaining
    )
    return result
