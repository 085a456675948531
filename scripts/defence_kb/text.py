"""Unicode and text helpers shared by every stage.

Vietnamese is stored in NFC; these helpers are the one place that decides how text is
compared, folded and turned into slugs.

JavaScript twin: docs/assets/propose/text.js (the proposal form's quote comparison and
slugs); a test compares the two slugs on every record title.
"""

from __future__ import annotations

import re
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


# The Vietnamese alphabet: ă, â, đ, ê, ô, ơ, ư are letters of their own, each sorted after
# its base letter; tones are a secondary difference, in the order ngang, huyền, hỏi, ngã,
# sắc, nặng; case is the last difference. Letters outside the alphabet (f, j, w, z, digits)
# keep their place in Unicode order around it.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Base letter + breve, circumflex or horn: the letters of their own.
_MARKED_LETTERS = {
    "a\u0306": "ă",
    "a\u0302": "â",
    "e\u0302": "ê",
    "o\u0302": "ô",
    "o\u031b": "ơ",
    "u\u031b": "ư",
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def _letters(text: str) -> tuple[list[tuple[int, str]], list[int], list[int]]:
    """(primary: letter ranks, secondary: tones, tertiary: case) of `text`."""
    primary: list[tuple[int, str]] = []
    tones: list[int] = []
    cases: list[int] = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        lower = base.lower()
        letter = next((_MARKED_LETTERS[lower + m] for m in marks if lower + m in _MARKED_LETTERS), lower)
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        if letter in _RANK:
            primary.append((1, chr(0x100 + _RANK[letter])))
        else:
            primary.append((0 if not letter.isalpha() else 2, letter))
        tones.append(tone)
        cases.append(0 if base == lower else 1)
    return primary, tones, cases


def vietnamese_sort_key(text: str) -> tuple[object, ...]:
    """Sort key in Vietnamese alphabetical order: a ă â b c d đ e ê …, tones secondary,
    capitals not before lower case ("Ấn Độ" after "Anh", "Hàn Quốc" before "Hoa Kỳ")."""
    primary, tones, cases = _letters(unicodedata.normalize("NFC", text).strip())
    return (primary, tones, cases, text)


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
