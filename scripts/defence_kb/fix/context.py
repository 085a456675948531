"""Which files `make fix` rewrites, and the schema model each one follows."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..load import EXCLUSIONS_FILE, RECORD_FOLDERS, THEMES_FILE, iter_yaml_files
from ..schema import RECORD_TYPES, Entity, ExclusionsFile, Source, ThemesFile


@dataclass(frozen=True)
class DataFile:
    """A data file and the model of its top-level mapping; `has_id`: its id is its name."""

    path: Path
    model: type[BaseModel]
    has_id: bool


def data_files(data_dir: Path) -> list[DataFile]:
    """Every YAML file the loader reads: records, entities, sources, the themes and the
    coverage exclusions. The JSON Schema files in data/schema/ are generated (`make schema`)."""
    files = [
        DataFile(path, RECORD_TYPES[folder], True)
        for folder in RECORD_FOLDERS
        for path in iter_yaml_files(data_dir / folder)
    ]
    files += [DataFile(path, Entity, True) for path in iter_yaml_files(data_dir / "entities")]
    files += [DataFile(path, Source, True) for path in iter_yaml_files(data_dir / "sources")]
    for name, model in ((THEMES_FILE, ThemesFile), (EXCLUSIONS_FILE, ExclusionsFile)):
        if os.path.lexists(data_dir / name):  # a link is listed, for fix_file to refuse it
            files.append(DataFile(data_dir / name, model, False))
    return files
