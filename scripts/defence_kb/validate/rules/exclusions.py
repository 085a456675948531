"""Each sentence the exclusions file excludes from coverage is the start of a sentence of
the paragraph it names."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import LoadedFile, RawDataset
from ...problems import Problem
from ...schema import Exclusion, Source
from ...text import collapse_whitespace, sentence_spans
from ..data import ValidatedData
from ..registry import Rule


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    loaded = raw.exclusions
    if loaded is None:
        return
    for index, exclusion in enumerate(data.exclusions):
        located = data.sources.get(exclusion.source)
        if located is None:
            yield loaded.problem(("exclusions", index, "source"), f"không có nguồn mã “{exclusion.source}”")
        else:
            yield from _sentence_found(loaded, index, exclusion, located.model)


def _sentence_found(
    loaded: LoadedFile, index: int, exclusion: Exclusion, source: Source
) -> Iterator[Problem]:
    paragraph = next((p for p in source.paragraphs if p.n == exclusion.paragraph), None)
    if paragraph is None:
        yield loaded.problem(
            ("exclusions", index, "paragraph"),
            f"nguồn “{exclusion.source}” không có đoạn {exclusion.paragraph}",
        )
        return
    text = collapse_whitespace(paragraph.text)
    start = collapse_whitespace(exclusion.sentence)
    if len(start) < 15 or not any(text[a:b].startswith(start) for a, b in sentence_spans(text)):
        yield loaded.problem(
            ("exclusions", index, "sentence"),
            f"đoạn {exclusion.paragraph} của “{exclusion.source}” không có câu nào bắt đầu bằng "
            f"“{exclusion.sentence}”; chép nguyên văn ít nhất 15 ký tự đầu câu",
        )


RULE = Rule(
    name="exclusions",
    checks="every excluded sentence names a source, a paragraph of it, and the start of one of its sentences",
    applies_to=("exclusions",),
    fix="copy at least the first 15 characters of the sentence verbatim, with its source and paragraph",
    check=check,
)
