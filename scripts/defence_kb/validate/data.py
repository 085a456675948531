"""What validation produces: the validated models, each with its file, and every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, TypeVar

from pydantic import BaseModel

from ..load import LoadedFile
from ..problems import Problem
from ..schema import Entity, Exclusion, Record, Source, Theme
from ..text import collapse_whitespace

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[M]):
    """A validated model together with the file it came from."""

    model: M
    file: LoadedFile


@dataclass
class ValidatedData:
    records: dict[str, Located[Record]] = field(default_factory=dict)
    entities: dict[str, Located[Entity]] = field(default_factory=dict)
    sources: dict[str, Located[Source]] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    exclusions: list[Exclusion] = field(default_factory=list)
    # (source id, quote) -> number of the paragraph the quote was found in
    quote_paragraphs: dict[tuple[str, str], int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _reprs: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def source_texts(self) -> list[tuple[str, str]]:
        """(source id, its whole text, white space collapsed and case folded), for the rules
        that look a name up in the sources. Read once the sources are validated."""
        return [
            (source_id, collapse_whitespace(" ".join(p.text for p in located.model.paragraphs)).casefold())
            for source_id, located in self.sources.items()
        ]

    def data_repr(self, loaded: LoadedFile) -> str:
        """repr() of a file's data, made once for the rules that scan a whole file in C
        before walking it value by value (most files have nothing to report)."""
        key = id(loaded)
        if key not in self._reprs:
            self._reprs[key] = repr(loaded.data)
        return self._reprs[key]
