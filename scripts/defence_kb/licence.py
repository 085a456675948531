"""The licences: one place that names them, for the pages, the exports and the citations.

The records and the site's own text are CC BY 4.0 (LICENSE-DATA), the code MIT (LICENSE).
The articles' texts and the quotes taken from them are not ours: they belong to their
publishers and are reproduced for documentation, with attribution and links.
"""

from __future__ import annotations

from typing import Any

DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_SPDX = "CC-BY-4.0"
DATA_LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENCE = "MIT"
CODE_LICENCE_URL = "https://opensource.org/license/mit"
THIRD_PARTY_VI = (
    "Nguyên văn bài viết nguồn (các đoạn trong sources.json) và các câu trích dẫn (evidence, quote) "
    "thuộc bản quyền của cơ quan đăng bài, ghi trong trường publisher và attribution của từng nguồn; "
    "chúng được chép lại để làm tư liệu, có ghi nguồn, và không thuộc giấy phép CC BY 4.0."
)
THIRD_PARTY_EN = (
    "The texts of the source articles (the paragraphs in sources.json) and the quotes taken from "
    "them (evidence, quote) belong to their publishers, named in each source's publisher and "
    "attribution fields; they are reproduced for documentation, with attribution, and are not "
    "licensed under CC BY 4.0."
)


def licence_data() -> dict[str, Any]:
    """The licence as the JSON exports carry it."""
    return {
        "name": DATA_LICENCE_SPDX,
        "title": DATA_LICENCE_TITLE,
        "path": DATA_LICENCE_URL,
        "not_covered": {"vi": THIRD_PARTY_VI, "en": THIRD_PARTY_EN},
    }
