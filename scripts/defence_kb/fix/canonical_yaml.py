"""The canonical YAML of a data file: what `make fix` writes, byte for byte.

This docstring is the specification. The proposal form on the site reimplements it in
JavaScript (its YAML must equal what `make fix` would write), so every rule is stated
exactly and only uses things both languages have: code-point lengths and the regular
expressions below, copied as they are. JavaScript twin: docs/assets/propose/canonical_yaml.js;
a test compares the two byte for byte on every data file.

Input: the plain data the loader reads (load/): mappings with string keys, lists,
strings and null. Every scalar is a string (`n: 3` is the string "3"); the schema decides
what it means. Before emission the other fixers have run: text in NFC, keys in the
schema's order (KEY ORDER below), lists sorted where their order means nothing.

FILE
- UTF-8 without BOM, lines end with LF ("\\n"), the file ends with exactly one LF.
- No document marker (`---`), no blank line, no trailing space on any line; the only
  blank lines are those inside folded blocks (below).
- The top level is a mapping, emitted at indentation 0.
- Comment lines at the very top of a file (its header, before the first key) are kept as
  they are, without blank lines between them; no other comment survives (see comments.py).
  Records have no header.

MAPPINGS (indentation i: the column of its keys)
- One line per key, in the order of the data: `<i spaces><key>:` followed by the value:
  - null: nothing (the line is `key:`);
  - a string: see STRINGS, with `head` = `<i spaces><key>:` and content indentation i+2;
  - an empty list: ` []` (the line is `key: []`); an empty mapping: ` {}`;
  - a non-empty list: nothing on the key line; the items follow at indentation i (the
    dash stands under the key's first letter: "zero-indented" sequences, as in
    `parties:\\n- viet-nam\\n- lien-minh-chau-au`);
  - a non-empty mapping: nothing on the key line; its keys follow at indentation i+2.
- A key is written as a string would be on one line: plain if PLAIN allows it, else
  double-quoted (schema keys are always plain).

LISTS (indentation i: the column of the dashes)
- One item after another, each starting with `<i spaces>-`:
  - null: the line is just `-`;
  - a string: see STRINGS, with head = `<i spaces>-` and content indentation i+2;
  - an empty list or mapping: `- []`, `- {}`;
  - a non-empty mapping: its first key on the dash line, `<i spaces>- key: …`, its other
    keys on the following lines at indentation i+2 (so under the first key);
  - a non-empty list (no data file has one): emitted as a list at indentation i+2 whose
    first line has its first i+2 characters replaced by `<i spaces>- `.

STRINGS (head: `key:` or `-` with its indentation; c: content indentation)
Lengths are counted in Unicode code points (JavaScript: `[...text].length`, not
`text.length`); WIDTH = 100.
1. Plain on one line, `head + " " + s`, if PLAIN(s) and len(head) + 1 + len(s) <= WIDTH.
2. Else double-quoted on one line, `head + " " + DQ(s)`, if s has no line break ("\\n")
   and len(head) + 1 + len(DQ(s)) <= WIDTH.
3. Else folded, if FOLDABLE(s): the line `head + " >-"`, then the lines of FOLD(s, WIDTH - c),
   each prefixed with c spaces, except empty lines, which stay empty.
4. Else double-quoted on one line, however long: `head + " " + DQ(s)`.

PLAIN(s), all of:
- s fully matches NUMBER_OR_DATE (then it is plain whatever follows), or:
- s is not empty; it contains no character of CONTROL (so no tab and no line break);
- its first and last characters are not a space (U+0020);
- its first character is none of  - ? : , [ ] { } # & * ! | > ' " % @ `
  (a number of NUMBER_OR_DATE may start with "-")
- it contains neither ": " nor " #", and does not end with ":";
- it does not fully match SPECIAL, unless it fully matches NUMBER_OR_DATE (numbers
  and full dates stay plain: `n: 3`, `value: 1100`, `lon: -28.44`, `date: 2019-10-17`, which the loader
  reads as the strings it needs and editors' YAML tools as the number the JSON Schema
  asks for).

CONTROL    = [\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff]
SPECIAL    = everything YAML 1.1 or 1.2 would read as null, a boolean, a number, a timestamp or
             a merge key; the exact pattern is SPECIAL_PATTERN below.
NUMBER_OR_DATE = -?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?|[0-9]{4}-[0-9]{2}-[0-9]{2}

DQ(s): `"` + s + `"`, where, character by character, `\\` becomes `\\\\`, `"` becomes `\\"`,
a line break becomes `\\n`, a tab `\\t`, any other character of CONTROL `\\xHH` (code point
below 0x100) or `\\uHHHH`, with upper-case hexadecimal digits; every other character is
written as it is (Vietnamese letters, “ ” – … and the like are never escaped).

FOLDABLE(s), all of:
- s fully matches NUMBER_OR_DATE (then it is plain whatever follows), or:
- s is not empty; it contains no character of CONTROL other than the line break "\\n";
- it neither starts nor ends with "\\n";
- no line of s (the parts of s split at "\\n") starts or ends with a space.

FOLD(s, room): the lines of the folded block, before indentation.
- Split s at "\\n" into parts. For each part, in order: if it is not the first, first
  emit one empty line; then emit the part's wrapped lines (an empty part emits none).
  ("a\\nb" gives `a`, ``, `b`; "a\\n\\nb" gives `a`, ``, ``, `b`: YAML folding turns a single
  line break between two lines into a space and each empty line into "\\n".)
- Wrapping a part: its break points are the spaces with a non-space character on both
  sides (a double space is never broken). Cut the part at every break point into words
  (a word may contain a double space). Greedy: the line starts with the first word; each
  next word is appended after one space if the line stays within len(line) <= room,
  otherwise the line is emitted and the word starts the next line. A word longer than
  room is a line of its own.

KEY ORDER (key_order.py)
- The keys of a record, entity, source, theme, exclusion and of every nested object
  (evidence item, figure, date bound, role, paragraph) follow the model's
  `canonical_field_order()` in schema/record.py, which is also the order of `properties` in the
  JSON Schema files in data/schema/ (and in `$defs` for nested objects). For every model but
  a record that is the order of its fields. A record reads: the head of the base Record,
  `id, former_ids, title, title_en, not_in_sources, summary, date, date_unspecified_year,
  not_before, not_after, date_note, status, location`; then the type's own fields in their
  order (an agreement's `kind, parties, signatories`; an event's `kind, hosts, edition,
  edition_as_stated`; a mission's `organiser, host_country, place, area, unit_type,
  rotation, personnel`; a resolution's `number, doc_type, issuer, subject`; a position's `kind,
  stated_by, stated_in`); then the rest of the base, `themes, entities, mentioned, related,
  tags, figures, evidence, search_aliases, editor_note`. A date range is `start`, then
  `end`. Keys the schema does not know (a mistake the validator reports) follow, in the
  order the file had them.

BEFORE EMISSION (the data-level fixers; a program producing a data file does the same)
- Text in NFC (nfc.py); `id` is the file name without `.yml` (id_from_filename.py).
- Every string value: spaces and tabs at the end of each of its lines removed, then
  spaces, tabs and line breaks at its start and end (trailing_space.py `strip_text`).
- `former_ids` and `not_in_sources` sorted by code point, `dropped_lines` as numbers;
  every other list keeps its order (list_order.py says why, field by field).
- Keys in KEY ORDER (key_order.py). Leaving a field out and writing it empty are different
  data: the form leaves out what the editor did not fill in.
To check a producer: `python -m defence_kb --data <copy of data> fix --check` prints
nothing and exits 0 when every file is canonical.

Example (the middle of an agreement, at WIDTH 100):

    date_note: Bài viết (TTXVN, 27/12/2022) không nêu ngày, nơi ký và người ký bản ghi nhớ.
    kind: memorandum
    parties:
    - viet-nam
    - lien-minh-chau-au
    themes:
    - gin-giu-hoa-binh-lhq
    - viet-nam-eu-fpa
    mentioned:
    - bo-quoc-phong-viet-nam
    - cuc-gin-giu-hoa-binh-viet-nam
    related:
    - tai-lieu-khai-niem-eu-chuyen-gia-ho-tro-ky-thuat
    - hiep-dinh-fpa-viet-nam-eu
    tags:
    - bản ghi nhớ
    - giảng viên hỗ trợ kỹ thuật
    evidence:
    - source: ttxvn-tang-cuong-hop-tac-gin-giu-hoa-binh-2022
      quote: >-
        1 bản ghi nhớ với Liên minh châu Âu về triển khai giảng viên hỗ trợ kỹ thuật của Liên minh châu
        Âu tại Cục Gìn giữ hòa bình Việt Nam
"""

from __future__ import annotations

import re
from typing import Any

WIDTH = 100
INDENT = 2

CONTROL_PATTERN = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]"
SPECIAL_PATTERN = (
    r"~|null|Null|NULL"
    r"|[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[-+]?0[bBoOxX][0-9a-fA-F_]+"
    r"|[-+]?[0-9._:]*[0-9][0-9._:]*(?:[eE][-+]?[0-9]+)?"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t].*)?"
    r"|<<|="
)
NUMBER_OR_DATE_PATTERN = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?|[0-9]{4}-[0-9]{2}-[0-9]{2}"
PLAIN_FIRST_FORBIDDEN = "-?:,[]{}#&*!|>'\"%@`"

_CONTROL = re.compile(CONTROL_PATTERN)
_SPECIAL = re.compile(SPECIAL_PATTERN, re.DOTALL)
_NUMBER_OR_DATE = re.compile(NUMBER_OR_DATE_PATTERN)
_NAMED_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def is_plain(text: str) -> bool:
    """PLAIN: the string may be written without quotes and reads back as itself."""
    if _NUMBER_OR_DATE.fullmatch(text):
        return True
    if not text or _CONTROL.search(text):
        return False
    if text[0] == " " or text[-1] == " " or text[0] in PLAIN_FIRST_FORBIDDEN:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not _SPECIAL.fullmatch(text) or bool(_NUMBER_OR_DATE.fullmatch(text))


def double_quoted(text: str) -> str:
    """DQ: the string in double quotes with the fewest escapes."""
    out = ['"']
    for char in text:
        if char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif _CONTROL.match(char):
            code = ord(char)
            out.append(f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def is_foldable(text: str) -> bool:
    """FOLDABLE: a folded block (`>-`) reads back exactly as this string."""
    if not text or _CONTROL.search(text.replace("\n", "")):
        return False
    if text[0] == "\n" or text[-1] == "\n":
        return False
    return all(not part or (part[0] != " " and part[-1] != " ") for part in text.split("\n"))


def _words(part: str) -> list[str]:
    """A line of text cut at its break points: spaces with a non-space on both sides."""
    words: list[str] = []
    start = 0
    for index in range(1, len(part) - 1):
        if part[index] == " " and part[index - 1] != " " and part[index + 1] != " ":
            words.append(part[start:index])
            start = index + 1
    words.append(part[start:])
    return words


def fold(text: str, room: int) -> list[str]:
    """FOLD: the lines of a folded block holding `text`, at most `room` wide where possible."""
    lines: list[str] = []
    for number, part in enumerate(text.split("\n")):
        if number:
            lines.append("")
        if not part:
            continue
        words = _words(part)
        line = words[0]
        for word in words[1:]:
            if len(line) + 1 + len(word) <= room:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def string_lines(head: str, text: str, content_indent: int) -> list[str]:
    """STRINGS: `text` as the value after `head` (`key:` or `-`, with its indentation)."""
    if is_plain(text) and len(head) + 1 + len(text) <= WIDTH:
        return [f"{head} {text}"]
    quoted = double_quoted(text)
    if "\n" not in text and len(head) + 1 + len(quoted) <= WIDTH:
        return [f"{head} {quoted}"]
    if is_foldable(text):
        pad = " " * content_indent
        return [f"{head} >-"] + [pad + line if line else "" for line in fold(text, WIDTH - content_indent)]
    return [f"{head} {quoted}"]


def _key(key: str) -> str:
    return key if is_plain(key) else double_quoted(key)


def _value_lines(head: str, value: Any, indent: int, *, in_list: bool) -> list[str]:
    """The lines of `value` after `head`; `indent` is the column of the head's key or dash."""
    if value is None:
        return [head]
    if isinstance(value, str):
        return string_lines(head, value, indent + INDENT)
    if isinstance(value, list):
        if not value:
            return [f"{head} []"]
        if in_list:
            return _attach(head, sequence_lines(value, indent + INDENT), indent)
        return [head, *sequence_lines(value, indent)]
    if isinstance(value, dict):
        if not value:
            return [f"{head} {{}}"]
        if in_list:
            return _attach(head, mapping_lines(value, indent + INDENT), indent)
        return [head, *mapping_lines(value, indent + INDENT)]
    raise TypeError(f"not plain data: {type(value).__name__}")


def _attach(dash: str, lines: list[str], indent: int) -> list[str]:
    """A collection in a list item starts on the dash's line."""
    return [dash + " " + lines[0][indent + INDENT :], *lines[1:]]


def mapping_lines(mapping: dict[str, Any], indent: int = 0) -> list[str]:
    lines: list[str] = []
    for key, value in mapping.items():
        lines += _value_lines(" " * indent + _key(key) + ":", value, indent, in_list=False)
    return lines


def sequence_lines(items: list[Any], indent: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines += _value_lines(" " * indent + "-", item, indent, in_list=True)
    return lines


def emit(data: dict[str, Any], header: list[str] | tuple[str, ...] = ()) -> str:
    """The whole file: header comment lines, then the top-level mapping."""
    if not isinstance(data, dict):
        raise TypeError("the top level of a data file is a mapping")
    body = mapping_lines(data) if data else ["{}"]
    return "\n".join([*header, *body]) + "\n"
