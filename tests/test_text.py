from __future__ import annotations

import unicodedata

from defence_kb.text import collapse_whitespace, fold_diacritics, is_nfc, slugify


def test_slug_maps_d_stroke_and_drops_tones() -> None:
    assert slugify("Đổng Quân") == "dong-quan"
    assert slugify("Nghị quyết số 806-NQ/QUTƯ") == "nghi-quyet-so-806-nq-qutu"
    assert slugify(unicodedata.normalize("NFD", "Đội Công binh")) == "doi-cong-binh"


def test_fold_diacritics() -> None:
    assert fold_diacritics("Đổng Quân gìn giữ") == "dong quan gin giu"
    assert fold_diacritics(unicodedata.normalize("NFD", "biên giới")) == "bien gioi"


def test_nfc_and_whitespace() -> None:
    assert is_nfc("Việt Nam")
    assert not is_nfc(unicodedata.normalize("NFD", "Việt Nam"))
    assert collapse_whitespace("  a \n\t b ") == "a b"
