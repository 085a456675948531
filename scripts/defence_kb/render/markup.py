"""The Jinja2 environment of the HTML and XML files (the feed, redirect pages): unlike the
Markdown pages' environment (environment.py), it escapes every value itself."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .paths import TEMPLATES


def markup_environment() -> Environment:
    """Templates of HTML and XML files (redirects, the feed): every value escaped."""
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined, auto_reload=False
    )
