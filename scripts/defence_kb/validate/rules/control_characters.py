"""No text holds an invisible control character or a character that reorders text.

C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) reach a file through a YAML
escape ("\\x01") or a paste; they do not show, and XML 1.0 forbids most of them, so one
in a title makes feed.xml malformed and feed readers drop the whole feed. Bidirectional
overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) make a title show
reversed or out of order (a "Trojan Source" trick). The direction marks U+200E, U+200F and
U+061C are refused too: they are invisible, no text here is written right to left, and
they reorder the punctuation and digits around them and keep a quote from matching.
A newline (and a tab) is allowed only in the fields written as running text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ...load import Key, RawDataset
from ...problems import Problem
from ..data import ValidatedData
from ..messages import field_label
from ..raw import strings_in
from ..registry import Rule, files_of

# Fields of running text (summaries, quotes, notes…), where a line break may stand.
RUNNING_TEXT = frozenset(
    {"summary", "intro", "text", "quote", "description", "editor_note", "date_note", "note", "reason"}
    | {"uncited_reason"}
)
_CONTROL = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}]")
UNSAFE_IN_A_LINE = re.compile(f"[{_CONTROL}{_BIDI}\t\n]")


# repr() writes every character this rule refuses as an escape (they are not printable):
# a file whose repr has none is clean, found by one scan in C instead of a walk.
_ESCAPE_IN_REPR = re.compile(r"\\[xtnru]")


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    for loaded in files_of(raw, RULE.applies_to):
        if not _ESCAPE_IN_REPR.search(data.data_repr(loaded)):
            continue
        for key, text, is_name in strings_in(loaded.data):
            if is_name:
                found = UNSAFE_IN_A_LINE.findall(text)
                if found:
                    yield loaded.problem(key, _message(key, text, found, "tên trường"), of_key=True)
                continue
            name = next((part for part in reversed(key) if isinstance(part, str)), "")
            found = (UNSAFE if name in RUNNING_TEXT else UNSAFE_IN_A_LINE).findall(text)
            if found:
                yield loaded.problem(key, _message(key, text, found, ""))


def _message(key: Key, text: str, found: list[str], what: str) -> str:
    first = found[0]
    where = f"ký tự thứ {text.index(first) + 1}"
    if len(found) > 1:
        where += f"; cả thảy {len(found)} ký tự như vậy"
    label = f"{what} “{visible(field_label(key))}”".lstrip()
    if first == "\n":
        return f"{label} xuống dòng ({where}): trường này viết trên một dòng, nối các dòng bằng dấu cách"
    if first == "\t":
        return f"{label} có ký tự tab ({where}): thay bằng một dấu cách"
    code = f"U+{ord(first):04X}"
    if re.match(f"[{_BIDI}]", first):
        return (
            f"{label} có ký tự ẩn đổi hướng chữ {code} {unicodedata.name(first)} ({where}), làm chữ "
            "hiện ngược hoặc sai thứ tự: xóa ký tự này"
        )
    return (
        f"{label} có ký tự điều khiển {code} ({where}), không hiển thị được và làm hỏng nguồn tin "
        "feed.xml: xóa ký tự này (trong ngoặc kép, kiểm tra các mã thoát như “\\x01”)"
    )


def visible(text: str) -> str:
    """`text` with every character this rule refuses written as its code point."""
    return UNSAFE_IN_A_LINE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


RULE = Rule(
    name="control_characters",
    checks=(
        "no key or text value holds a C0 or C1 control character or a bidirectional override, "
        "embedding, isolate or mark; a newline or tab only in running text (summary, quote, notes…)"
    ),
    applies_to=("records", "entities", "sources", "themes", "exclusions"),
    fix="delete the character (the message gives its code point and place in the value)",
    check=check,
    explains_others=True,
)
