"""Every quote (evidence, a stated date bound, an entity's role) is verbatim in its source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...load import Key, LoadedFile, RawDataset
from ...problems import Problem
from ...text import collapse_whitespace
from ..data import ValidatedData
from ..raw import mappings, raw_ids, unknown
from ..registry import Rule, files_of


@dataclass(frozen=True)
class _SourceText:
    paragraphs: tuple[tuple[int, str], ...]

    def find(self, quote: str) -> int | None:
        for number, text in self.paragraphs:
            if quote in text:
                return number
        return None

    def longest_prefix(self, quote: str) -> tuple[int, int]:
        """Length of the longest prefix of `quote` found in one paragraph, and where."""
        low, high, where = 0, len(quote), 0
        while low < high:
            middle = (low + high + 1) // 2
            found = self.find(quote[:middle])
            if found is None:
                high = middle - 1
            else:
                low, where = middle, found
        return low, where


def _quoted_items(raw: RawDataset) -> Iterator[tuple[LoadedFile, Key, dict[str, Any]]]:
    """The parts of every file that quote a source ({source, quote}), with their keys."""
    for loaded in files_of(raw, ("records",)):
        if isinstance(loaded.data, dict):
            for key, item in mappings(loaded.data.get("evidence"), ("evidence",)):
                yield loaded, key, item
            for name in ("not_before", "not_after"):  # a stated bound quotes its source
                if isinstance(loaded.data.get(name), dict):
                    yield loaded, (name,), loaded.data[name]
    for loaded in files_of(raw, ("entities",)):
        if isinstance(loaded.data, dict):
            for key, item in mappings(loaded.data.get("roles"), ("roles",)):
                yield loaded, key, item


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    """Also notes, in `data.quote_paragraphs`, the paragraph each quote was found in."""
    texts = {
        source_id: _SourceText(tuple((p.n, collapse_whitespace(p.text)) for p in located.model.paragraphs))
        for source_id, located in data.sources.items()
    }
    source_ids = raw_ids(raw.sources)
    for loaded, key, item in _quoted_items(raw):
        source_id, quote = item.get("source"), item.get("quote")
        if not isinstance(source_id, str):
            continue
        if source_id not in texts:
            if source_id not in source_ids:
                message = unknown(source_id, source_ids, "nguồn", "data/sources")
                yield loaded.problem((*key, "source"), message)
            continue
        if not isinstance(quote, str) or not quote.strip():
            continue
        normalized = collapse_whitespace(quote)
        number = texts[source_id].find(normalized)
        if number is not None:
            data.quote_paragraphs[(source_id, quote)] = number
            continue
        yield loaded.problem((*key, "quote"), _not_found(source_id, texts[source_id], normalized))


def _not_found(source_id: str, text: _SourceText, normalized: str) -> str:
    """Where the quote stops matching the source, when enough of it matches to say."""
    matched, paragraph = text.longest_prefix(normalized)
    if matched >= 10:
        detail = (
            f"; khớp với đoạn {paragraph} đến “…{normalized[max(0, matched - 30) : matched]}”, "
            f"sau đó khác nguồn (nguồn không có “{normalized[matched : matched + 30]}…”)"
        )
    else:
        detail = "; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)"
    return f"trích dẫn không có nguyên văn trong nguồn “{source_id}”{detail}"


RULE = Rule(
    name="quotes",
    checks=(
        "every quote of a record's evidence and stated date bounds, and of an entity's roles, "
        "names a source that exists and lies verbatim in one of its paragraphs (white space aside)"
    ),
    applies_to=("records", "entities"),
    fix="copy the sentence verbatim from the source; the message says where the quote stops matching",
    check=check,
)
