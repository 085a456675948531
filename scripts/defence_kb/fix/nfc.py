"""Text in Unicode NFC: Vietnamese letters composed (ệ one code point, not e + two marks).

Text typed with a decomposing keyboard or pasted from some PDFs looks the same but does not
compare equal, so quotes would not be found in the sources. Normalising the whole file is
safe for its structure: no YAML indicator or ASCII character changes under NFC.
"""

from __future__ import annotations

import unicodedata

MESSAGE = "chuẩn hóa Unicode NFC"


def fix_text(text: str) -> str:
    return unicodedata.normalize("NFC", text)
