"""The "Dữ liệu" page, which lists the open data files with their sizes: it needs the
exports, so the build plans it once they are made."""

from __future__ import annotations

from ..export import EXPORT_FOLDER, describe_exports
from ..licence import DATA_LICENCE, DATA_LICENCE_URL
from ..render import DATA_PAGE, PageJob
from . import Inputs, output


def _data_page(inputs: Inputs) -> list[PageJob]:
    exports = inputs.exports or {}
    schemas = sorted(
        path.rsplit("/", 1)[1] for path in exports if path.startswith(f"{EXPORT_FOLDER}/schema/")
    )
    context = {
        "files": describe_exports(inputs.kb, exports),
        "schemas": schemas,
        "licence_name": DATA_LICENCE,
        "licence_url": DATA_LICENCE_URL,
    }
    return [PageJob(DATA_PAGE, "data.md.j2", context)]


OUTPUTS = [output("open data page", "records exports", DATA_PAGE, pages=_data_page)]
