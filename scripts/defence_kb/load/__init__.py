"""Stage 1, load: read every YAML file under `data/` into plain data with positions.

Only safe, plain YAML is accepted: mappings, sequences and string scalars. Every scalar
stays a string (no implicit dates, numbers or booleans: `no` stays "no"); the schema
decides what a value means. Each value remembers its line and column so that later
stages can point editors at the exact spot.

parse.py reads one file (nodes.py builds its data, syntax.py words its YAML errors);
dataset.py reads the folder.
"""

from .dataset import (
    EXCLUSIONS_FILE,
    FILES_PER_TASK,
    PARALLEL_MIN_FILES,
    PASSIVE_FOLDERS,
    RECORD_FOLDERS,
    THEMES_FILE,
    RawDataset,
    iter_yaml_files,
    load_dataset,
)
from .nodes import MAX_DEPTH, Key, Position
from .parse import MAX_FILE_BYTES, LoadedFile, parse_yaml_text, read_yaml

__all__ = [
    "EXCLUSIONS_FILE",
    "FILES_PER_TASK",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "PARALLEL_MIN_FILES",
    "PASSIVE_FOLDERS",
    "RECORD_FOLDERS",
    "THEMES_FILE",
    "Key",
    "LoadedFile",
    "Position",
    "RawDataset",
    "iter_yaml_files",
    "load_dataset",
    "parse_yaml_text",
    "read_yaml",
]
