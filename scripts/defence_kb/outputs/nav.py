"""The navigation, as a YAML file mkdocs.yml inherits: themes are data, not config."""

from __future__ import annotations

from ..render import render_nav
from . import CONFIG, Inputs, output

NAV_FILE = "nav.yml"


def _nav(inputs: Inputs) -> dict[str, bytes]:
    return {NAV_FILE: render_nav(inputs.kb).encode("utf-8")}


OUTPUTS = [output("navigation", "themes", f"build/config/{NAV_FILE}", files=_nav, into=CONFIG)]
