"""The build's outputs as a registry: everything the site is made of besides the
hand-written docs/, one entry per kind of output, each saying what it needs and what it
writes. The build (build.py) loops over `OUTPUTS`; nothing else lists them.

Each module of this package holds one output or a few related ones, as a list `OUTPUTS`
of `Output` entries; the package finds its modules itself, so adding an output is one
module here plus its template. An output makes either pages (Markdown `PageJob`s that the
build renders, shared among processes) or files (path → bytes). Maps and charts are not
files of their own: the page kinds that show them draw them through the templates'
`map`/`chart` globals (render/pictures.py), and say so in `needs`.

`needs` names what an output reads, from this vocabulary:
- "records", "entities", "sources", "themes": those parts of the knowledge base;
- "history": when each data file was added and changed (git);
- "settings": the site's address and repository (mkdocs.yml);
- "citations": the citation of every page (made once, before the pages are shared out);
- "pictures": maps and charts drawn into the pages;
- "exports": the open data files (outputs that need them run after the others).
It is what an incremental rebuild needs to know: which outputs to redo when one part of
the data changes (see `affected_by`).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ..history import History
from ..model import KnowledgeBase
from ..render import PageJob, make_environment
from ..render.settings import SiteSettings
from ..render.summaries import by_type

# Where an output's files go.
DOCS = "docs"  # the docs tree the engine reads
CONFIG = "config"  # beside it, read by mkdocs.yml (the navigation)
# Into the built site past the engine, which would only copy them, slower; into the docs
# tree under `serve`, where nothing copies them otherwise.
PAST_ENGINE = "past engine"
# The search index: built while the engine runs (it needs only the data), into pagefind/.
INDEX = "index"

NEEDS = frozenset(
    {"records", "entities", "sources", "themes", "history", "settings", "citations", "pictures", "exports"}
)


@dataclass
class Inputs:
    """What outputs are made from: the knowledge base and what surrounds it."""

    kb: KnowledgeBase
    repo_root: Path | None = None
    settings: SiteSettings = field(default_factory=SiteSettings)
    history: History = field(default_factory=lambda: History({}, from_git=False))
    overrides: Path | None = None  # the theme's template overrides
    exports: dict[str, bytes] | None = None  # set once the export has run

    @cached_property
    def env(self) -> Environment:
        """The pages' template environment (its globals cache citations and links)."""
        return make_environment(self.kb, self.settings, self.overrides, self.history)

    @cached_property
    def by_date(self) -> list[Any]:
        return self.kb.records_by_date()

    @cached_property
    def type_counts(self) -> list[tuple[Any, int]]:
        return [(record_type, len(items)) for record_type, items in by_type(self.by_date)]


@dataclass(frozen=True)
class Output:
    """One kind of output: `pages` plans Markdown pages, or `files` makes files."""

    name: str
    needs: frozenset[str]
    writes: str  # the paths it writes, as a reader would look for them
    pages: Callable[[Inputs], list[PageJob]] | None = None
    files: Callable[[Inputs], dict[str, bytes]] | None = None
    into: str = DOCS
    # Made in a worker while the pages render (it is long and independent of them).
    beside_pages: bool = False

    def __post_init__(self) -> None:
        assert (self.pages is None) != (self.files is None), f"{self.name}: pages or files"
        assert self.needs <= NEEDS, f"{self.name}: unknown needs {set(self.needs - NEEDS)}"


def output(name: str, needs: str, writes: str, **options: Any) -> Output:
    """An entry, with `needs` written as words: output("feed", "records history settings", …)."""
    return Output(name, frozenset(needs.split()), writes, **options)


def _discover() -> list[Output]:
    found: list[Output] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        found.extend(importlib.import_module(f"{__name__}.{module.name}").OUTPUTS)
    return found


OUTPUTS: list[Output] = _discover()


def affected_by(part: str) -> list[Output]:
    """The outputs to redo when `part` ("records", "themes", …) of the inputs changes."""
    return [entry for entry in OUTPUTS if part in entry.needs]


def page_jobs(inputs: Inputs) -> list[PageJob]:
    """Every generated page (those that need the exports only once `inputs.exports` is set)."""
    return [
        job
        for entry in OUTPUTS
        if entry.pages and (inputs.exports is not None or "exports" not in entry.needs)
        for job in entry.pages(inputs)
    ]
