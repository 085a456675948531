"""No text holds HTML: record text is plain text, with Markdown emphasis at most.

CONTRIBUTING.md says "không HTML", and the proposal form refuses a tag as one types
(its twin docs/assets/propose/html_tags.js: the same pattern and message): the pages escape
every value (tests/test_security.py keeps that second line of defence), so a tag would only
show as its letters, or, in a file that does not escape, become markup. What is refused is
what CommonMark takes for raw HTML: an opening tag (`<b>`, `<a href="…">`,
`<img src=x onerror=…>`, `<br/>`), a closing tag (`</b>`), a comment (`<!--`), a
declaration (`<!DOCTYPE …>`), a CDATA section and a processing instruction (`<?…?>`).
A lone "<" is not HTML ("a < b", "<3", "< 5 năm"), nor a name in brackets with a Vietnamese
letter ("<Hà Nội>", which CommonMark does not take for a tag either), nor an address:
`url` fields are links, quoted where they are written, and not checked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...load import RawDataset
from ...problems import Problem
from ..data import ValidatedData
from ..messages import field_label
from ..raw import strings_in
from ..registry import Rule, files_of

HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # an opening or a closing tag
    r"|<!--|<![A-Za-z][^<>]*>|<!\[CDATA\[|<\?[^<>]*\?>"  # comment, declaration, CDATA, PI
)
# Fields that hold an address, not text.
ADDRESSES = frozenset({"url"})


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for loaded in files_of(raw, RULE.applies_to):
        if "<" not in data.data_repr(loaded):
            continue
        for key, text, is_name in strings_in(loaded.data, skip=ADDRESSES):
            found = None if is_name else HTML_TAG.search(text)
            if found:
                yield loaded.problem(key, message(field_label(key), found.group()))


def message(label: str, tag: str) -> str:
    """The form's message word for word (html_tags.js), the field named as the editor sees it."""
    return (
        f"“{label}” có thẻ HTML “{tag}”: nội dung là chữ thuần, không dùng HTML; "
        "xóa thẻ (muốn nhấn mạnh thì viết *chữ nghiêng* hoặc **chữ đậm**)"
    )


RULE = Rule(
    name="html_tags",
    checks=(
        "no text value holds HTML as CommonMark reads it (a tag, a closing tag, a comment, a "
        "declaration, CDATA, a processing instruction); `url` fields are addresses, not checked"
    ),
    applies_to=("records", "entities", "sources", "themes", "exclusions"),
    fix="delete the tag; write *italic* or **bold** for emphasis",
    check=check,
    # a quote with a tag is not found in its source either: the tag is the cause
    explains_others=True,
)
