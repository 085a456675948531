"""Reading the raw data of a file, valid or not, so that one run reports every problem: a
record with a typo in one field still has its references and quotes checked."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from ..load import Key, LoadedFile


def strings(value: Any, key: Key) -> Iterator[tuple[Key, str]]:
    """The string items of a field that holds one id or a list of ids, with their keys."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (*key, index), item


def strings_in(
    value: Any, key: Key = (), skip: frozenset[str] = frozenset()
) -> Iterator[tuple[Key, str, bool]]:
    """Every string of a file's data, with its key, in file order: the values, and the
    names of mapping keys (third item True) before what they hold. The values of the
    fields named in `skip` are not walked."""
    if isinstance(value, str):
        yield key, value, False
    elif isinstance(value, dict):
        for name, child in value.items():
            if isinstance(name, str):
                yield (*key, name), name, True
            if name not in skip:
                yield from strings_in(child, (*key, name), skip)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from strings_in(child, (*key, index), skip)


def mappings(value: Any, key: Key) -> Iterator[tuple[Key, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*key, index), item


def raw_ids(files: list[LoadedFile]) -> set[str]:
    return {
        f.data["id"] if isinstance(f.data, dict) and isinstance(f.data.get("id"), str) else f.path.stem
        for f in files
    }


def unknown(value: str, known: set[str], what: str, where: str) -> str:
    """The message for an id that names nothing: the closest known id, or where to add it."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f"; có phải “{close[0]}”?" if close else f"; thêm tệp {where}/{value}.yml nếu cần"
    return f"không có {what} mã “{value}”{hint}"
