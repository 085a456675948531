"""The BibTeX, RIS and CSL-JSON files of each page's citation (render/citations.py).

Made before the pages are shared among processes, so that each inherits the citations
made here instead of making them again."""

from __future__ import annotations

from ..render.citations import citation_files
from . import PAST_ENGINE, Inputs, output


def _citations(inputs: Inputs) -> dict[str, bytes]:
    return citation_files(inputs.env.globals["citations"])


OUTPUTS = [
    output(
        "citation files",
        "records entities sources themes history settings citations",
        "<page>.bib, .ris, .json",
        files=_citations,
        into=PAST_ENGINE,
    )
]
