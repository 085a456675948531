"""Unicode and text helpers shared by every stage.

Vietnamese is stored in NFC; these helpers are the one place that decides how text is
compared, folded and turned into slugs.
"""

from __future__ import annotations

import unicodedata

from slugify import slugify as _slugify


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def collapse_whitespace(text: str) -> str:
    """Collapse every run of white space to one space; quotes are compared this way."""
    return " ".join(text.split())  # str.split() and re's \s agree on what is white space


def fold_diacritics(text: str) -> str:
    """Lower-case ASCII approximation: tones and marks removed, đ/Đ mapped to d.

    `đ` has no Unicode decomposition, so NFD alone leaves it in place; it is mapped
    explicitly.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug of a Vietnamese title: `Đổng Quân` becomes `dong-quan`."""
    # python-slugify already maps đ to d; folding first keeps that true whatever
    # transliteration backend is installed.
    return _slugify(fold_diacritics(text), max_length=max_length, word_boundary=True)
