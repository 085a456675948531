"""Escaping for Markdown: record text reaches a page as inert text.

Every value a template prints is escaped for Markdown by default (Jinja's `finalize`), so
record text reaches the page as inert text: `<script>`, `[link](javascript:…)`, `{{ … }}`
or `!!! note` typed into a YAML file all come out as the characters typed. Only values the
Python side marks as `Markup` (links it built, JSON it encoded) are printed as they are.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

# Characters with a meaning inside a line of Markdown, HTML or the extensions the site enables
# (attr_list's `{…}`, tables' `|`), written as numeric character references, which Markdown
# prints as the character and never interprets. Characters that matter only at the start of
# a line (`-`, `+`, `1.`, `>`) need no escape in one-line contexts, and escaping every `.` or
# `-` of Vietnamese text made Markdown's inline processing the slowest step of the build.
_INLINE_SPECIAL = "\\`*_[]<>&{}|#"
# In summaries and introductions, emphasis (`*`, `_`) and list markers stay; `!` goes too,
# since a line starting with `!!!` would open an admonition, and `=`, which underlines a heading.
_BLOCK_SPECIAL = "\\`[]<>&{}|#!="
_INLINE_TABLE = {ord(c): f"&#{ord(c)};" for c in _INLINE_SPECIAL} | {ord("\n"): " ", ord("\r"): " "}
_BLOCK_TABLE = {ord(c): f"&#{ord(c)};" for c in _BLOCK_SPECIAL} | {ord("\r"): ""}


# str.translate walks non-ASCII text character by character; most Vietnamese text has
# nothing to escape, which one regular expression search finds out much sooner.
_INLINE_FOUND = re.compile("[" + re.escape(_INLINE_SPECIAL) + "]")
_BLOCK_FOUND = re.compile("[" + re.escape(_BLOCK_SPECIAL) + "\r]")


def escape_inline(text: str) -> Markup:
    """Plain text for one line of Markdown (a table cell, a heading, a link label)."""
    text = str(text)
    if _INLINE_FOUND.search(text):
        text = text.translate(_INLINE_TABLE)
    return Markup(" ".join(text.split()))  # newlines become spaces here too


def escape_block(text: str) -> Markup:
    """A summary: paragraphs, emphasis and lists survive; links, HTML and extensions do not."""
    text = str(text)
    if _BLOCK_FOUND.search(text):
        text = text.translate(_BLOCK_TABLE)
    lines = [line.rstrip() for line in text.split("\n")]
    return Markup("\n".join(lines).strip())


def front_matter_text(text: str) -> Markup:
    """A YAML string for front matter whose value Material prints without escaping.

    Material's templates print page titles (`<title>`, the header, navigation, tag
    listings) and tag names as they are, so the value is HTML-escaped first; the browser
    then shows the characters the editor typed.
    """
    return Markup(json.dumps(html.escape(" ".join(str(text).split())), ensure_ascii=False))


def make_finalize() -> Callable[[Any], Any]:
    """Jinja's `finalize`: every printed value escaped, unless it is Markup already.

    The same labels, dates and titles are printed hundreds of thousands of times on a
    large site, so each distinct text is escaped once per environment.
    """
    escaped: dict[str, Markup] = {}

    def finalize(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        text = str(value)
        result = escaped.get(text)
        if result is None:
            result = escaped[text] = escape_inline(text)
        return result

    return finalize


# What an address keeps as typed when it is printed into a link: RFC 3986's reserved
# delimiters and `%` (an address already percent-encoded stays as it is). Everything else
# (quotes, spaces, < >, brackets, parentheses, non-ASCII letters) is percent-encoded: a `'` or
# `"` would end an HTML attribute or a Markdown link's title, `(` `)` a Markdown link.
_URL_KEPT = ":/?#@!$&*+,;=%"


def quote_url(url: str) -> str:
    """An address as it may stand in an href, in Markdown, HTML or a feed."""
    return quote(str(url), safe=_URL_KEPT)


def external_link(url: str) -> Markup:
    """A link to another site whose address is shown as its text, inert in Markdown; marked
    `kb-url` so that print, which writes where links go, does not write the address twice."""
    return Markup(f"[{escape_inline(url)}]({quote_url(url)}){{ .kb-url }}")
