"""The data behind the proposal form (propose.py)."""

from __future__ import annotations

from ..propose import PROPOSE_DATA, render_form_data
from . import Inputs, output


def _form_data(inputs: Inputs) -> dict[str, bytes]:
    assert inputs.repo_root is not None
    return {PROPOSE_DATA: render_form_data(inputs.kb, inputs.settings, inputs.repo_root)}


OUTPUTS = [
    output("proposal form data", "records entities sources themes settings", PROPOSE_DATA, files=_form_data)
]
