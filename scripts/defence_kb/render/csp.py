"""Content-Security-Policy for every page: a `<meta http-equiv>` tag written when MkDocs has
rendered the page, with the hash of each inline script the page carries.

Record text is escaped wherever it is printed (render/markdown.py); this is defence in
depth: were markup ever to slip through, a browser would run no script but the site's own
files and the inline scripts whose exact text the build hashed. Everything loads from the
site's origin, and the proposal form alone sends to GitHub's API (the editor's pull
request). Pagefind compiles its WebAssembly (`'wasm-unsafe-eval'`) and may start a worker
from a blob; Material sets inline styles; its icons are `data:` images.

MkDocs runs this module as a hook (`hooks:` in mkdocs.yml, through the one-line file the
build writes to build/config/, since hooks are named by path): on_post_page for pages,
on_post_template for the 404 page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

# <script> elements with no src: their text runs, unless their type is data (JSON, JSON-LD).
_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<text>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "importmap"}
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
# The one page that talks to another origin: the proposal form opens the pull request.
FORM_PAGE = "de-xuat/"
GITHUB_API = "https://api.github.com"
HOOKS_FILE = "hooks.py"
# The file mkdocs.yml names under `hooks:`, written beside the generated navigation.
HOOKS_SHIM = (
    "# Written by the build (scripts/defence_kb/render/csp.py): MkDocs names hooks by path.\n"
    "from defence_kb.render.csp import on_post_page, on_post_template  # noqa: F401\n"
)


def inline_script_hashes(page: str) -> list[str]:
    """CSP sources ('sha256-…') for the inline scripts of a page, in order, without repeats."""
    hashes: dict[str, None] = {}
    for script in _SCRIPT.finditer(page):
        attributes = script["attributes"]
        kind = _TYPE.search(attributes)
        if re.search(r"\ssrc\s*=", attributes, re.I) or (
            kind and kind["type"].lower() not in _RUNNABLE_TYPES
        ):
            continue
        digest = hashlib.sha256(script["text"].encode("utf-8")).digest()
        hashes[f"'sha256-{base64.b64encode(digest).decode('ascii')}'"] = None
    return list(hashes)


def policy(page: str, url: str = "") -> str:
    """The policy of the page whose HTML is `page`, at `url` (site-relative, "de-xuat/")."""
    scripts = " ".join(["'self'", *inline_script_hashes(page), "'wasm-unsafe-eval'"])
    connect = f"'self' {GITHUB_API}" if url == FORM_PAGE else "'self'"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "worker-src 'self' blob:",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            f"connect-src {connect}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(page: str, url: str = "") -> str:
    """The page with its policy as the first element after its charset (a policy in a meta
    tag applies to what follows it, so it must precede every script)."""
    charset = _CHARSET.search(page)
    if charset is None:
        return page  # not an HTML page of the theme (a redirect has no script)
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy(page, url)}">'
    return page[: charset.end()] + meta + page[charset.end() :]


def on_post_page(output: str, page: Any, config: Any) -> str:
    return with_policy(output, page.url)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return with_policy(output_content) if template_name.endswith(".html") else output_content
