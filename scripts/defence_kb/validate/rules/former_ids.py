"""A former id becomes a redirect: it must not be a record's id or another's former id."""

from __future__ import annotations

from collections.abc import Iterator

from ...load import LoadedFile, RawDataset
from ...problems import Problem, display_path
from ..data import ValidatedData
from ..raw import raw_ids, strings
from ..registry import Rule, files_of


def check(raw: RawDataset, data: ValidatedData) -> Iterator[Problem]:
    files = files_of(raw, RULE.applies_to)
    record_ids = raw_ids(files)
    claimed: dict[str, LoadedFile] = {}
    for loaded in files:
        if not isinstance(loaded.data, dict):
            continue
        for key, former in strings(loaded.data.get("former_ids"), ("former_ids",)):
            if former in record_ids:
                yield loaded.problem(
                    key,
                    f"mã cũ “{former}” đang là mã của một bản ghi; địa chỉ cũ không thể "
                    "vừa là trang vừa chuyển hướng: xóa mã này khỏi former_ids",
                )
            elif former in claimed and claimed[former] is not loaded:
                yield loaded.problem(
                    key,
                    f"mã cũ “{former}” cũng có trong former_ids của "
                    f"{display_path(claimed[former].path)}; mỗi địa chỉ cũ chỉ chuyển về một bản ghi",
                )
            else:
                claimed[former] = loaded


RULE = Rule(
    name="former_ids",
    checks="a record's former ids (old addresses that redirect) are no record's id and no other record's",
    applies_to=("records",),
    fix="remove the former id from the record that should not redirect it",
    check=check,
)
