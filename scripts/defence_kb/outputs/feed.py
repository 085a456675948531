"""The Atom feed of recent changes and the redirects from renamed records' old addresses."""

from __future__ import annotations

from ..render import FEED_FILE, render_feed, render_redirects
from . import Inputs, output


def _feed(inputs: Inputs) -> dict[str, bytes]:
    return {FEED_FILE: render_feed(inputs.kb, inputs.history, inputs.settings).encode("utf-8")}


def _redirects(inputs: Inputs) -> dict[str, bytes]:
    return {path: html.encode("utf-8") for path, html in render_redirects(inputs.kb, inputs.settings).items()}


OUTPUTS = [
    output("redirects", "records settings", "<type>/<former id>/index.html", files=_redirects),
    output("feed", "records history settings", FEED_FILE, files=_feed),
]
