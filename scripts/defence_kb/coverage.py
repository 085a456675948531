"""The `coverage` command: which sentences of each source the records carry.

Coverage is measured per sentence of article text (lead, body, footnote paragraphs):
a sentence is carried when the evidence quotes of the records (and the roles of entities)
cover at least half of it; otherwise it must be listed in `data/coverage-exclusions.yml`
with the reason it needs no record (reviewed by an editor), or its whole paragraph must
say why it needs none (`uncited_reason` in the source file). Headings, captions, sidebars
and page metadata are never counted. A sentence neither carried nor excluded is a gap.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .load import load_dataset
from .schema import Exclusion, Paragraph, ParagraphKind
from .text import collapse_whitespace, sentence_spans
from .validate import ValidatedData, validate_dataset

FACT_KINDS = (ParagraphKind.lead, ParagraphKind.body, ParagraphKind.footnote)
# A sentence is carried when quotes cover at least this share of its characters.
CARRIED_SHARE = 0.5


@dataclass(frozen=True)
class SentenceCoverage:
    source_id: str
    paragraph: Paragraph
    text: str
    carried_by: tuple[str, ...]  # record and entity ids whose quotes cover it
    share: float  # of its characters covered by quotes
    excluded: Exclusion | None

    @property
    def carried(self) -> bool:
        return self.share >= CARRIED_SHARE

    @property
    def is_gap(self) -> bool:
        return not self.carried and self.excluded is None


def _quotes(data: ValidatedData) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(source id, paragraph) -> [(record or entity id, quote)] for every quote of the data."""
    quotes: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for record_id, located in data.records.items():
        for evidence in located.model.evidence:
            key = (evidence.source, data.quote_paragraphs[(evidence.source, evidence.quote)])
            quotes[key].append((record_id, evidence.quote))
    for entity_id, located in data.entities.items():
        for role in located.model.roles:
            quotes[(role.source, data.quote_paragraphs[(role.source, role.quote)])].append(
                (entity_id, role.quote)
            )
    return quotes


def _exclusion_for(exclusions: list[Exclusion], source_id: str, n: int, sentence: str) -> Exclusion | None:
    return next(
        (
            e
            for e in exclusions
            if e.source == source_id
            and e.paragraph == n
            and sentence.startswith(collapse_whitespace(e.sentence))
        ),
        None,
    )


def sentence_coverage(data: ValidatedData) -> list[SentenceCoverage]:
    quotes = _quotes(data)
    rows = []
    for source_id, located in sorted(data.sources.items()):
        for paragraph in located.model.paragraphs:
            if paragraph.kind not in FACT_KINDS:
                continue
            text = collapse_whitespace(paragraph.text)
            spans = []  # (start, end, who) of every quote in the paragraph
            for who, quote in quotes[(source_id, paragraph.n)]:
                start = text.find(collapse_whitespace(quote))
                if start >= 0:
                    spans.append((start, start + len(collapse_whitespace(quote)), who))
            for start, end in sentence_spans(text):
                covered = [False] * (end - start)
                carriers = []
                for q_start, q_end, who in spans:
                    low, high = max(start, q_start), min(end, q_end)
                    if low < high:
                        carriers.append(who)
                        covered[low - start : high - start] = [True] * (high - low)
                sentence = text[start:end]
                excluded = _exclusion_for(data.exclusions, source_id, paragraph.n, sentence)
                if excluded is None and paragraph.uncited_reason:  # the whole paragraph needs none
                    excluded = Exclusion(
                        source=source_id,
                        paragraph=paragraph.n,
                        sentence=sentence,
                        reason=paragraph.uncited_reason,
                    )
                rows.append(
                    SentenceCoverage(
                        source_id,
                        paragraph,
                        sentence,
                        tuple(dict.fromkeys(carriers)),
                        sum(covered) / max(1, len(covered)),
                        excluded,
                    )
                )
    return rows


def print_coverage(data_dir: Path, show_all: bool = False) -> int:
    data = validate_dataset(load_dataset(data_dir))
    if data.problems:
        for problem in data.problems:
            print(problem.format(), file=sys.stderr)
        print("Dữ liệu có lỗi: sửa trước (make validate), rồi chạy lại.", file=sys.stderr)
        return 1
    rows = sentence_coverage(data)
    current = None
    for row in rows:
        if row.source_id != current:
            current = row.source_id
            mine = [r for r in rows if r.source_id == current]
            print(
                f"\n{current}: {sum(r.carried for r in mine)}/{len(mine)} câu có bản ghi, "
                f"{sum(bool(r.excluded) and not r.carried for r in mine)} câu được loại trừ có lý do"
            )
        where = f"đoạn {row.paragraph.n}"
        if row.is_gap:
            print(f"  CHƯA CÓ  {where}: {row.text[:110]}")
        elif show_all:
            what = ", ".join(row.carried_by) if row.carried else f"loại trừ: {row.excluded.reason}"  # type: ignore[union-attr]
            print(f"  {where}: {row.text[:60]}… → {what}")
    gaps = [row for row in rows if row.is_gap]
    print(f"\n{len(rows)} câu nêu dữ kiện; {len(gaps)} câu chưa có bản ghi và chưa được loại trừ.")
    return 1 if gaps else 0
