"""The `source` command (`make source FILE=bai.txt`): a pasted article becomes a source file.

The text is cut into paragraphs (at blank lines; a text without blank lines, as the captures
are, one paragraph per line), numbered from 1, and each paragraph's kind is proposed from
its shape: the first short line a heading, the paragraph after it the lead, "Ảnh: …" a
caption, "Tin liên quan" a sidebar, "(1) …" a footnote, "Nguồn: …" or a bare date the
page's own information. A proposal is only a proposal: the file's header comment lists every
one with its reason for the editor to confirm (`make fix` keeps a header; the editor deletes
it once checked). What the editor did not say (publisher, date, address, title) is listed in
`unknown`, never guessed. The file is written exactly as `make fix` writes it.

The proposal form's "Thêm nguồn" step does the same in the browser: its JavaScript twin,
docs/assets/propose/new_source.js, writes byte for byte the file this module writes
(tests/test_new_source_form.py compares them). There the editor confirms or changes each
paragraph's kind in the form itself (`kinds`), so the file it sends carries those kinds and
no header of proposals to check.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .fix import canonical_text
from .fix.canonical_yaml import emit
from .fix.context import DataFile
from .problems import InputError, Problem
from .schema import ParagraphKind, PartialDate, Source
from .text import collapse_whitespace, slugify

_CAPTION = re.compile(
    r"^(?:Ảnh|Ảnh minh họa|Video|Clip)\s*[:.\-–]|\((?:Ảnh|Nguồn ảnh)\s*:[^)]*\)\s*$|_(?:Nguồn|Ảnh)\s*:", re.I
)
_SIDEBAR = re.compile(r"^(?:Tin liên quan|Bài liên quan|Xem thêm|Tin cùng chuyên mục|>>)", re.I)
_FOOTNOTE = re.compile(r"^(?:\(\d+\)|\[\d+\])\s")
_META = re.compile(r"^(?:Nguồn\s*:|Theo\s+\S|Tác giả\s*:|Cập nhật\s*:|Đăng\s*:)", re.I)
_DATE_TIME = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{4}.*\d{1,2}:\d{2}|^[\w\s,]*\d{1,2}[/-]\d{1,2}[/-]\d{4}$")
_BYLINE = re.compile(r"^\([^()]{2,40}\)$")  # "(TTXVN/Vietnam+)" closing an article
_ENDS_A_SENTENCE = re.compile(r"[.!?…:;”\"')]$")
HEADING_LENGTH = 160  # a line longer than this is not a heading
META_LENGTH = 80  # nor a line of the page's information


@dataclass(frozen=True)
class Proposal:
    n: int
    kind: ParagraphKind
    reason: str
    text: str


def split_paragraphs(text: str) -> list[str]:
    """The article's paragraphs: blocks between blank lines, or lines when there are none."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = [block for block in re.split(r"\n\s*\n", text) if block.strip()]
    if len(blocks) <= 1:
        blocks = text.split("\n")
    return [collapse_whitespace(block) for block in blocks if block.strip()]


def propose_kinds(paragraphs: list[str]) -> list[Proposal]:
    proposals: list[Proposal] = []
    ended = False  # past the line that closes the article ("(TTXVN)", "Nguồn: …")
    for n, text in enumerate(paragraphs, 1):
        kind, reason = ParagraphKind.body, "thân bài"
        short = len(text) <= HEADING_LENGTH and not _ENDS_A_SENTENCE.search(text)
        page_info = (len(text) <= META_LENGTH or "http" in text) and _META.search(text)
        if _CAPTION.search(text):
            kind, reason = ParagraphKind.caption, "có “Ảnh:”"
        elif _SIDEBAR.search(text):
            kind, reason = ParagraphKind.sidebar, "mở đầu như mục tin liên quan"
        elif _FOOTNOTE.search(text):
            kind, reason = ParagraphKind.footnote, "mở đầu bằng số chú thích (1), [1]"
        elif page_info or _BYLINE.search(text) or (len(text) <= META_LENGTH and _DATE_TIME.search(text)):
            kind, reason = ParagraphKind.meta, "dòng nguồn, tác giả hoặc ngày giờ đăng"
            ended = ended or any(p.kind is ParagraphKind.body for p in proposals)
        elif ended:
            kind, reason = ParagraphKind.sidebar, "sau dòng ghi nguồn cuối bài"
        elif short:
            kind, reason = ParagraphKind.heading, "dòng ngắn, không kết thúc bằng dấu câu"
        elif (
            proposals
            and proposals[0].kind is ParagraphKind.heading
            and all(p.kind in (ParagraphKind.heading, ParagraphKind.meta) for p in proposals)
        ):
            kind, reason = ParagraphKind.lead, "đoạn nội dung đầu tiên sau tiêu đề"
        proposals.append(Proposal(n, kind, reason, text))
    return proposals


def source_file(
    text: str,
    *,
    capture_file: str,
    source_id: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    kinds: Sequence[str] | None = None,
) -> tuple[str, str]:
    """(id, canonical YAML) of the source file for an article's text. `kinds`, one per
    paragraph, are the kinds the editor confirmed (the form's step): they replace the
    proposals, and the file has no header asking for them to be checked."""
    proposals = propose_kinds(split_paragraphs(text))
    if not proposals:
        raise ValueError("tệp không có chữ nào: dán toàn văn bài viết vào tệp rồi chạy lại")
    if kinds is not None:
        if len(kinds) != len(proposals):
            raise ValueError(f"có {len(proposals)} đoạn nhưng {len(kinds)} loại đoạn")
        proposals = [
            Proposal(p.n, ParagraphKind(kind), "biên tập viên xác nhận", p.text)
            for p, kind in zip(proposals, kinds, strict=True)
        ]
    if title is None and proposals[0].kind is ParagraphKind.heading:
        title = proposals[0].text
    label = title or Path(capture_file).stem
    source_id = source_id or slugify(label, max_length=70) or "nguon-moi"
    unknown = [
        what
        for what, value in (
            ("nhan đề bài", title),
            ("cơ quan đăng bài", publisher),
            ("ngày đăng", published),
            ("địa chỉ URL của bài", url),
        )
        if not value
    ]
    data: dict[str, object] = {
        "id": source_id,
        "label": label,
        "title": title,
        "publisher": publisher,
        "published": published,
        "url": url,
        "capture_file": capture_file,
        "attribution": (
            f"Bài viết của {publisher}; bản quyền thuộc {publisher}."
            if publisher
            else "Không rõ cơ quan đăng bài; bản quyền thuộc cơ quan đăng bài gốc."
        ),
        "unknown": unknown,
        "paragraphs": [
            {
                "n": str(p.n),
                **({"kind": p.kind.value} if p.kind is not ParagraphKind.body else {}),
                "text": p.text,
            }
            for p in proposals
        ],
    }
    data = {key: value for key, value in data.items() if value not in (None, [])}
    header = (
        []
        if kinds is not None
        else [
            f"# Tạo bằng “make source” từ {capture_file}. Loại đoạn (kind) là ĐỀ XUẤT; kiểm tra từng dòng",
            "# dưới đây với bài viết, sửa kind nếu sai, rồi xóa các dòng # này (make fix giữ chúng).",
            *(
                f"# - đoạn {p.n}: {p.kind.value} ({p.kind.label}): {p.reason}"
                for p in proposals
                if p.kind is not ParagraphKind.body
            ),
            "# - các đoạn còn lại: body (Nội dung).",
        ]
    )
    fixed = canonical_text(DataFile(Path(f"{source_id}.yml"), Source, True), emit(data, header))
    if fixed.problems or fixed.after is None:
        raise ValueError("; ".join(problem.message for problem in fixed.problems) or "không tạo được tệp")
    return source_id, fixed.after


def create_source(
    data_dir: Path,
    text_file: Path,
    *,
    source_id: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Path:
    """Write data/sources/<id>.yml for the article in `text_file`; never overwrites."""
    try:
        text = text_file.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError([Problem(text_file, 1, 1, f"không đọc được tệp: {error.strerror}")]) from None
    except UnicodeDecodeError:
        raise InputError(
            [Problem(text_file, 1, 1, "tệp không phải văn bản UTF-8: lưu lại tệp dạng UTF-8 rồi chạy lại")]
        ) from None
    problems = []
    if published:
        try:
            PartialDate.parse(published)
        except ValueError as error:
            problems.append(Problem(text_file, 1, 1, f"PUBLISHED: {error}"))
    if url and not re.match(r"^https?://\S+$", url):
        problems.append(Problem(text_file, 1, 1, f"URL “{url}” phải bắt đầu bằng https://"))
    if source_id and not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", source_id):
        problems.append(
            Problem(text_file, 1, 1, f"ID “{source_id}” chỉ gồm chữ thường không dấu, số và gạch nối")
        )
    if problems:
        raise InputError(problems)
    try:
        new_id, content = source_file(
            text,
            capture_file=text_file.name,
            source_id=source_id,
            title=title,
            publisher=publisher,
            published=published,
            url=url,
        )
    except ValueError as error:
        raise InputError([Problem(text_file, 1, 1, str(error))]) from None
    path = data_dir / "sources" / f"{new_id}.yml"
    if path.exists():
        raise InputError(
            [Problem(text_file, 1, 1, f"đã có tệp {path}: đặt mã khác (ID=…) hoặc sửa tệp đã có")]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")
    return path
