"""nfc.py: text is written in Unicode NFC."""

from __future__ import annotations

import unicodedata

from defence_kb.fix import nfc


def test_decomposed_vietnamese_is_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "title: Việt Nam\n")
    assert decomposed != "title: Việt Nam\n"
    assert nfc.fix_text(decomposed) == "title: Việt Nam\n"
    assert nfc.fix_text("title: Việt Nam\n") == "title: Việt Nam\n"
