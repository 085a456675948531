"""The search documents and their Pagefind index (index.py)."""

from __future__ import annotations

from ..index import INDEX_FOLDER, build_search_index
from . import INDEX, Inputs, output


def _index(inputs: Inputs) -> dict[str, bytes]:
    return {f"{INDEX_FOLDER}/{path}": content for path, content in build_search_index(inputs.kb).items()}


OUTPUTS = [
    output("search index", "records entities sources themes", f"{INDEX_FOLDER}/…", files=_index, into=INDEX)
]
