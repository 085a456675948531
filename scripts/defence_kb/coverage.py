"""The `coverage` command: which paragraphs of each source the records cite.

A paragraph of article text (lead, body, footnote) that no record cites is a gap, unless
the source file says why it needs no record (`uncited_reason`). Headings, captions,
sidebars and page metadata are listed but never counted as gaps.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .load import load_dataset
from .schema import Paragraph, ParagraphKind
from .validate import ValidatedData, validate_dataset

FACT_KINDS = (ParagraphKind.lead, ParagraphKind.body, ParagraphKind.footnote)


@dataclass(frozen=True)
class ParagraphCoverage:
    source_id: str
    paragraph: Paragraph
    cited_by: tuple[str, ...]

    @property
    def is_gap(self) -> bool:
        return not self.cited_by and self.paragraph.kind in FACT_KINDS and not self.paragraph.uncited_reason


def paragraph_coverage(data: ValidatedData) -> list[ParagraphCoverage]:
    citing: dict[tuple[str, int], list[str]] = defaultdict(list)
    for record_id, located in data.records.items():
        for evidence in located.model.evidence:
            citing[(evidence.source, data.quote_paragraphs[(evidence.source, evidence.quote)])].append(
                record_id
            )
    for entity_id, located in data.entities.items():
        for role in located.model.roles:
            citing[(role.source, data.quote_paragraphs[(role.source, role.quote)])].append(entity_id)
    return [
        ParagraphCoverage(source_id, paragraph, tuple(dict.fromkeys(citing[(source_id, paragraph.n)])))
        for source_id, located in sorted(data.sources.items())
        for paragraph in located.model.paragraphs
    ]


def print_coverage(data_dir: Path, show_all: bool = False) -> int:
    data = validate_dataset(load_dataset(data_dir))
    if data.problems:
        for problem in data.problems:
            print(problem.format(), file=sys.stderr)
        print("Dữ liệu có lỗi: sửa trước (make validate), rồi chạy lại.", file=sys.stderr)
        return 1
    rows = paragraph_coverage(data)
    gaps = [row for row in rows if row.is_gap]
    current = None
    for row in rows:
        if row.source_id != current:
            current = row.source_id
            cited = sum(1 for r in rows if r.source_id == current and r.cited_by)
            total = sum(1 for r in rows if r.source_id == current)
            print(f"\n{current}: {cited}/{total} đoạn được trích")
        p = row.paragraph
        if row.is_gap:
            print(f"  CHƯA TRÍCH  đoạn {p.n} ({p.kind.value}): {p.text[:90]}…")
        elif show_all or not row.cited_by:
            what = (
                ", ".join(row.cited_by)
                if row.cited_by
                else f"không cần trích: {p.uncited_reason or p.kind.label}"
            )
            print(f"  đoạn {p.n} ({p.kind.value}): {what}")
    print(f"\n{len(gaps)} đoạn nêu dữ kiện chưa được bản ghi nào trích.")
    return 1 if gaps else 0
