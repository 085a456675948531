from __future__ import annotations

import unicodedata

from defence_kb.text import collapse_whitespace, fold_diacritics, is_nfc, slugify, vietnamese_sort_key


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


def test_vietnamese_order_is_icus_vi_collation() -> None:
    """ă, â, đ, ê, ô, ơ, ư after their base letter; f, j, w, z in their Latin places; tones
    secondary (CLDR's "vi", which browsers use too: tests/test_vietnamese_order.py)."""
    names = [
        "Zimbabwe",
        "Hoa Kỳ",
        "vaccine",
        "FPA",
        "Ấn Độ",
        "Đức",
        "Anh",
        "Hàn Quốc",
        "EU",
        "Dân",
        "gìn giữ",
    ]
    assert sorted(names, key=vietnamese_sort_key) == [
        "Anh", "Ấn Độ", "Dân", "Đức", "EU", "FPA", "gìn giữ", "Hàn Quốc", "Hoa Kỳ", "vaccine", "Zimbabwe",
    ]  # fmt: skip
    assert vietnamese_sort_key("ma") < vietnamese_sort_key("mà") < vietnamese_sort_key("mả")
    assert vietnamese_sort_key("Hoa Kỳ") == vietnamese_sort_key(unicodedata.normalize("NFD", "Hoa Kỳ"))
