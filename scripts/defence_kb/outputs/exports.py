"""The open data export (export.py): JSON, CSV, the JSON Schema, licence and descriptor."""

from __future__ import annotations

from ..export import EXPORT_FOLDER, export_files
from . import Inputs, output


def _exports(inputs: Inputs) -> dict[str, bytes]:
    return export_files(inputs.kb)


OUTPUTS = [
    output(
        "open data export",
        "records entities sources themes",
        f"{EXPORT_FOLDER}/…",
        files=_exports,
        beside_pages=True,
    )
]
