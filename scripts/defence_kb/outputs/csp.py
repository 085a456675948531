"""The hook file mkdocs.yml names under `hooks:` (MkDocs names hooks by path): it runs the
Content-Security-Policy hook of render/csp.py on every page MkDocs writes."""

from __future__ import annotations

from ..render.csp import HOOKS_FILE, HOOKS_SHIM
from . import CONFIG, Inputs, output


# It needs nothing: the file is the same for every site, so no edit ever redoes it.
def _hooks(inputs: Inputs) -> dict[str, bytes]:
    return {HOOKS_FILE: HOOKS_SHIM.encode("utf-8")}


OUTPUTS = [
    output("content security policy hook", "", f"build/config/{HOOKS_FILE}", files=_hooks, into=CONFIG)
]
