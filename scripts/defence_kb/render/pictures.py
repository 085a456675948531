"""The environment every picture (maps, charts) is rendered with, and how a picture goes
into a Markdown page: SVG and HTML templates under templates/pictures/, every value
escaped, the result one block that Markdown passes through unparsed (raw_blocks.py)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..wording import format_number
from .paths import TEMPLATES
from .raw_blocks import raw_block


@cache
def picture_environment() -> Environment:
    """SVG and HTML pictures: every value escaped (autoescape), numbers and words only."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = format_number
    return env


def render_picture(template: str, **context: object) -> Markup:
    """A picture as one block of HTML for a Markdown page, marked for `raw_blocks` to pass
    through unparsed; without blank lines, so that Markdown keeps it whole anyway."""
    text = picture_environment().get_template(template).render(**context)
    return Markup(raw_block("\n".join(line for line in text.splitlines() if line.strip())))
