"""Unicode and text helpers shared by every stage.

Vietnamese is stored in NFC; these helpers are the one place that decides how text is
compared, folded and turned into slugs.

JavaScript twin: docs/assets/propose/text.js (the proposal form's quote comparison and
slugs); a test compares the two slugs on every record title.
"""

from __future__ import annotations

import re
import unicodedata

import icu
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


# Vietnamese order is ICU's collation for "vi" (CLDR): ă, â, đ, ê, ô, ơ, ư are letters of
# their own after their base letter, f, j, w, z keep their Latin places, tones are a
# secondary difference and case a tertiary one. Browsers sort with the same rules
# (Intl.Collator("vi") in docs/assets/*.js), so a list reads in one order wherever it is made.
_VIETNAMESE = icu.Collator.createInstance(icu.Locale("vi"))


def vietnamese_sort_key(text: str) -> bytes:
    """Sort key in Vietnamese alphabetical order ("Anh" < "Ấn Độ" < "Cam-pu-chia",
    "Hàn Quốc" < "Hoa Kỳ", "EU" < "FPA" < "gìn giữ")."""
    return _VIETNAMESE.getSortKey(unicodedata.normalize("NFC", text).strip())


def heading_slug(value: str, separator: str = "-") -> str:
    """Anchors of headings (Markdown's toc extension): like record ids, `đ` becomes `d`."""
    return _slugify(fold_diacritics(value), separator=separator) or "muc"


# A sentence ends at ., !, ? or … followed by white space and what starts a sentence (a
# capital, a digit, an opening quote or bracket); abbreviations a citation uses ("Nxb.",
# "tr.", "t.") do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\")]?\s+(?=[\"“(\[\dA-ZĐÀ-ỸÂĂÊÔƠƯ])")
_ABBREVIATIONS = ("Nxb.", "tr.", "t.", "Tr.", "TS.", "ThS.", "PGS.", "GS.")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, in order, covering its text."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[: match.start()].endswith(_ABBREVIATIONS):
            continue
        end = match.start() + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
