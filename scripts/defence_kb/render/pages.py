"""A Markdown page to render (which pages there are is the registry's, outputs/pages.py),
rendering it, and the navigation.

Pages are planned (`PageJob`: path, template, data) before they are rendered, so that the
build can share them among processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from ..model import KnowledgeBase
from .environment import make_environment


@dataclass(frozen=True)
class PageJob:
    """One page to render: its docs-relative path, its template and what the template gets."""

    path: str
    template: str
    context: dict[str, Any]


def render_page(env: Environment, job: PageJob) -> str:
    return env.get_template(job.template).render(page_path=job.path, **job.context)


def render_nav(kb: KnowledgeBase) -> str:
    """The navigation, as a YAML file mkdocs.yml inherits: themes are data, not config."""
    return make_environment(kb).get_template("nav.yml.j2").render(page_path="")
