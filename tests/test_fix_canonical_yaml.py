"""The canonical YAML emitter: exactly the form its specification states, and every value
reads back, through the real loader, as exactly what was written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from defence_kb.fix.canonical_yaml import (
    _NUMBER_OR_DATE,
    WIDTH,
    double_quoted,
    emit,
    fold,
    is_foldable,
    is_plain,
)
from defence_kb.load import parse_yaml_text


def reread(text: str) -> object:
    loaded, problems = parse_yaml_text(Path("x.yml"), text)
    assert not problems, (text, problems)
    assert loaded is not None
    return loaded.data


def test_a_record_in_canonical_form() -> None:
    data = {
        "id": "hiep-dinh-fpa",
        "title": "Hiệp định FPA",
        "not_in_sources": ["title_en"],
        "summary": "Việt Nam và EU ký Hiệp định FPA ngày 17-10-2019 tại Brussels; đây là văn kiện "
        "đầu tiên giữa EU và một nước ASEAN về tham gia các hoạt động quản lý khủng hoảng.",
        "date": "2019-10-17",
        "date_note": "Ngày ký 17/10",
        "themes": ["viet-nam-eu-fpa"],
        "related": [],
        "figures": [
            {"value": "1100", "qualifier": "more_than", "unit": "lượt", "as_stated": "hơn 1.100"},
        ],
        "evidence": [{"source": "nguon-a", "quote": "Hiệp định: ký ngày 17-10-2019 # tại Brussels"}],
        "editor_note": "",
    }
    assert emit(data) == (
        "id: hiep-dinh-fpa\n"
        "title: Hiệp định FPA\n"
        "not_in_sources:\n"
        "- title_en\n"
        "summary: >-\n"
        "  Việt Nam và EU ký Hiệp định FPA ngày 17-10-2019 tại Brussels; đây là văn kiện đầu tiên giữa EU và\n"
        "  một nước ASEAN về tham gia các hoạt động quản lý khủng hoảng.\n"
        "date: 2019-10-17\n"
        "date_note: Ngày ký 17/10\n"
        "themes:\n"
        "- viet-nam-eu-fpa\n"
        "related: []\n"
        "figures:\n"
        "- value: 1100\n"
        "  qualifier: more_than\n"
        "  unit: lượt\n"
        "  as_stated: hơn 1.100\n"
        "evidence:\n"
        "- source: nguon-a\n"
        '  quote: "Hiệp định: ký ngày 17-10-2019 # tại Brussels"\n'
        'editor_note: ""\n'
    )
    assert reread(emit(data)) == data


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Hà Nội", "Hà Nội"),
        ("1100", "1100"),  # a number the JSON Schema asks for stays plain
        ("2019-10-17", "2019-10-17"),
        ("2019-10", "2019-10"),
        ("2019", "2019"),
        ("007", '"007"'),  # YAML 1.1 reads an octal number
        ("1.100", '"1.100"'),  # a float to YAML
        ("1e3", '"1e3"'),
        ("12:30", '"12:30"'),  # sexagesimal in YAML 1.1
        ("2019-10-17 10:00:00", '"2019-10-17 10:00:00"'),
        ("yes", '"yes"'),
        ("No", '"No"'),
        ("null", '"null"'),
        ("~", '"~"'),
        ("", '""'),
        ("true", '"true"'),
        (".inf", '".inf"'),
        ("- gạch đầu dòng", '"- gạch đầu dòng"'),
        ("#hashtag", '"#hashtag"'),
        ("C# và F#", "C# và F#"),
        ("a #b", '"a #b"'),
        ("Chú ý: xem", '"Chú ý: xem"'),
        ("http://example.org/a:b", "http://example.org/a:b"),
        ("kết thúc:", '"kết thúc:"'),
        ("“Trích”", "“Trích”"),
        ('"quoted"', '"\\"quoted\\""'),
        ("'single'", "\"'single'\""),
        ("[a, b]", '"[a, b]"'),
        ("{a}", '"{a}"'),
        ("*ref", '"*ref"'),
        ("&anchor", '"&anchor"'),
        ("!tag", '"!tag"'),
        ("%directive", '"%directive"'),
        ("@at", '"@at"'),
        ("`tick`", '"`tick`"'),
        ("|pipe", '"|pipe"'),
        (">fold", '">fold"'),
        ("?q", '"?q"'),
        (" lề", '" lề"'),
        ("lề ", '"lề "'),
        ("tab\there", '"tab\\there"'),
        ("back\\slash", "back\\slash"),
        ("nul\x00", '"nul\\x00"'),
        ("line\u2028sep", '"line\\u2028sep"'),
        ("dòng 1\ndòng 2", ">-\n  dòng 1\n\n  dòng 2"),
        ("...", "..."),
        ("Tên (viết tắt), số 3", "Tên (viết tắt), số 3"),
        ("28.44", "28.44"),  # numbers stay plain, as the JSON Schema reads them
        ("-1.5", "-1.5"),
        ("1.100", '"1.100"'),  # a trailing zero: read as 1.1 by YAML tools, so quoted
        ("-", '"-"'),
    ],
)
def test_scalars_are_plain_only_when_they_read_back_the_same(value: str, written: str) -> None:
    text = emit({"k": value})
    assert text == f"k: {written}\n"
    assert reread(text) == {"k": value}


def test_plain_strings_read_back_as_strings_in_yaml_1_1_too() -> None:
    # PyYAML's SafeLoader resolves YAML 1.1 types (booleans, numbers, timestamps): every
    # plain string other than whole numbers and full dates reads back as itself there too.
    words = ["yes", "on", "0x1F", "0o7", "1_000", "+1", "-1", "1.5", "6.8523015e+5", "190:20:30"]
    words += ["2002-12-14", "2001-12-14t21:59:43.10-05:00", "Hà Nội", "ASEAN", "a: b", ".nan", "<<"]
    words += ["=", "NULL", "Off", "y", "n", "1e3", "12", "0", "3.", ".5", "1,000", "22-NQ/TW"]
    for word in words:
        if is_plain(word) and not _NUMBER_OR_DATE.fullmatch(word):
            assert yaml.safe_load(f"k: {word}")["k"] == word, word


def test_folded_text_is_wrapped_within_the_width_at_single_spaces() -> None:
    sentence = "Bộ Quốc phòng  đã tham mưu với Đảng, Nhà nước, Chính phủ triển khai ký kết một bản ghi nhớ"
    text = " ".join([sentence] * 6)
    lines = emit({"summary": text}).split("\n")
    assert lines[0] == "summary: >-"
    body = [line for line in lines[1:] if line]
    assert all(len(line) <= WIDTH and line.startswith("  ") and not line.endswith(" ") for line in body)
    assert all(not line.startswith("   ") for line in body)  # never a more-indented line
    assert reread(emit({"summary": text})) == {"summary": text}
    assert "phòng  đã" in emit({"summary": text})  # a double space is never a break point


def test_fold_follows_the_specification() -> None:
    assert fold("a b c d", 3) == ["a b", "c d"]
    assert fold("a\nb", 10) == ["a", "", "b"]
    assert fold("a\n\nb", 10) == ["a", "", "", "b"]
    assert fold("averyveryverylongword b", 5) == ["averyveryverylongword", "b"]
    assert fold("x  y z", 4) == ["x  y", "z"]
    assert not is_foldable(" lề")
    assert not is_foldable("dòng\n lề")
    assert not is_foldable("cuối\n")
    assert not is_foldable("tab\tx")
    assert is_foldable("a\n\nb")


def test_long_text_that_cannot_fold_is_double_quoted_on_one_line() -> None:
    text = "x" * 50 + "\t" + "y" * 80
    assert emit({"k": text}) == f"k: {double_quoted(text)}\n"
    assert reread(emit({"k": text})) == {"k": text}
    markdown = "Đoạn một.\n\n- mục một\n- mục hai\n  - mục con"
    assert emit({"summary": markdown}) == (
        'summary: "Đoạn một.\\n\\n- mục một\\n- mục hai\\n  - mục con"\n'
    )  # a line that starts with a space would be "more indented": not foldable
    assert reread(emit({"summary": markdown})) == {"summary": markdown}


def test_short_text_with_a_colon_is_double_quoted_long_text_is_folded() -> None:
    short = "Hiện nay: 1 bản ghi nhớ"
    assert emit({"quote": short}) == f'quote: "{short}"\n'
    long = "Hiện nay: " + "hợp tác quốc phòng " * 8
    long = long.strip()
    assert emit({"quote": long}).startswith("quote: >-\n  Hiện nay: hợp tác")


def test_nested_collections() -> None:
    data = {
        "themes": [{"id": "a", "intro": "x"}, {"id": "b", "title": ""}],
        "published": {"start": "2019", "end": "2020"},
        "nested": [["a", "b"], [], {}, "c"],
        "empty": {},
        "x: y": "key with a colon",
    }
    text = emit(data)
    assert text == (
        "themes:\n"
        "- id: a\n"
        "  intro: x\n"
        "- id: b\n"
        '  title: ""\n'
        "published:\n"
        "  start: 2019\n"
        "  end: 2020\n"
        "nested:\n"
        "- - a\n"
        "  - b\n"
        "- []\n"
        "- {}\n"
        "- c\n"
        "empty: {}\n"
        '"x: y": key with a colon\n'
    )
    assert reread(text) == data


def test_null_is_written_as_nothing() -> None:
    # The loader's libyaml parser reads `key:` as an empty string; YAML tools read null.
    text = emit({"a": None, "b": [None, "x"]})
    assert text == "a:\nb:\n-\n- x\n"
    assert yaml.safe_load(text) == {"a": None, "b": [None, "x"]}


def test_header_comment_lines_come_first() -> None:
    assert emit({"themes": []}, ["# Chủ đề", "# dòng hai"]) == "# Chủ đề\n# dòng hai\nthemes: []\n"


_ALPHABET = [*"aăâđ ệ:#-'\"\\\n\t?,[]{}&*!|>%@`~0123456789.eE+_", "\u2028", "\x85", "\u00a0", "“"]


def test_random_strings_read_back_exactly() -> None:
    generator = random.Random(15)
    for _ in range(3000):
        text = "".join(generator.choice(_ALPHABET) for _ in range(generator.randint(0, 30)))
        if generator.random() < 0.2:
            # long enough to wrap; without brackets, which the loader counts before parsing to
            # refuse deep nesting (it does not know they are inside a folded text)
            text = (text * 8).translate({ord(c): "x" for c in "[]{}"})
        data = {"k": text, "list": [text, {"q": text}]}
        written = emit(data)
        assert reread(written) == data, (text, written)
        assert all(not line.endswith((" ", "\t")) for line in written.split("\n")), written
