"""Property-based: whatever bytes or records reach them, load and validate only ever
answer with problems, never with an unexpected exception."""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from defence_kb.load import RawDataset, read_yaml
from defence_kb.validate import validate_dataset

REAL_FILES = sorted(MINIMAL.rglob("*.yml"))
PROBLEM = re.compile(r"^\S.*:\d+:\d+: \S")
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

noise = st.text(
    alphabet=st.sampled_from([*"abcđĐếặ ử\t\n:-[]{}&*!|>#'\"%@`\\,?\u0301\u0323\ufeff", "\x00", "\x85"]),
    max_size=12,
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real record file with random edits: lines cut, repeated, re-indented, spliced."""
    source = draw(st.sampled_from(REAL_FILES)).read_text(encoding="utf-8")
    lines = source.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["cut", "repeat", "indent", "splice", "truncate"]))
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        if action == "cut" and lines:
            del lines[index]
        elif action == "repeat" and lines:
            lines.insert(index, lines[index])
        elif action == "indent" and lines:
            lines[index] = draw(st.sampled_from([" ", "  ", "\t", "    "])) + lines[index]
        elif action == "splice" and lines:
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + draw(noise) + lines[index][at:]
        elif action == "truncate":
            lines = lines[: index + 1]
    raw = "\n".join(lines).encode("utf-8")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=4)) + raw[cut:]
    return raw


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
fields = st.sampled_from(
    [
        "id",
        "title",
        "summary",
        "date",
        "themes",
        "entities",
        "evidence",
        "kind",
        "parties",
        "figures",
        "related",
        "personnel",
        "number",
        "edition",
        "status",
        "tags",
        "unit_type",
        "doc_type",
        "roles",
        "paragraphs",
    ]
)


def check(raw: RawDataset) -> None:
    result = validate_dataset(raw)
    for problem in result.problems:
        assert PROBLEM.match(problem.format()), problem


@SETTINGS
@given(
    content=mutated(),
    folder=st.sampled_from(["events", "agreements", "missions", "resolutions", "entities", "sources"]),
)
def test_mutated_real_files_never_raise(tmp_path_factory, content: bytes, folder: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / f"{folder}-x.yml"
    path.write_bytes(content)
    loaded, problems = read_yaml(path)
    assert (loaded is None) == bool(problems)
    raw = RawDataset(path.parent)
    if loaded is not None:
        if folder in ("entities", "sources"):
            setattr(raw, folder, [loaded])
        else:
            raw.records[folder] = [loaded]
    raw.problems = problems
    check(raw)


@SETTINGS
@given(
    record=st.dictionaries(fields, values, max_size=8),
    folder=st.sampled_from(["events", "agreements", "missions", "resolutions"]),
)
def test_generated_records_never_raise(tmp_path_factory, record: dict, folder: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / "x.yml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    loaded, problems = read_yaml(path)
    raw = RawDataset(path.parent, records={folder: [loaded] if loaded else []}, problems=problems)
    check(raw)
