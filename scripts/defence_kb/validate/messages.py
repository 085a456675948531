"""The schema's complaints (pydantic's errors) in plain Vietnamese, at the offending key."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from ..load import Key, LoadedFile
from ..problems import Problem
from ..schema import Vocabulary


def field_label(loc: Key) -> str:
    """A key as an editor reads it: "evidence[2].quote" (items counted from 1)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{part + 1}]"]
        else:
            parts.append(part)
    return ".".join(parts) or "tệp"


def describe(value: Any) -> str:
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một bảng khóa–giá trị"
    if value is None:
        return "giá trị rỗng"
    return f"“{value}”"


def _model_at(model: type[BaseModel], loc: Key) -> type[BaseModel] | None:
    """The model class that owns the last key of `loc`, for field-name suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        annotation = info.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            inner = getattr(candidate, "__args__", (candidate,))
            for item in (candidate, *inner):
                if isinstance(item, type) and issubclass(item, BaseModel):
                    current = item
                    break
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _choices(model: type[BaseModel], loc: Key) -> str:
    owner = _model_at(model, loc)
    info = owner.model_fields.get(str(loc[-1])) if owner else None
    annotation = info.annotation if info else None
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, Vocabulary):
            return ", ".join(f"{m.value} ({m.label})" if m.label else m.value for m in candidate)
    return "xem CONTRIBUTING.md"


def _unknown_field(model: type[BaseModel], loaded: LoadedFile, loc: Key) -> Problem:
    owner = _model_at(model, loc)
    known = list(owner.model_fields) if owner else []
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    hint = (
        f"; có phải ý bạn là “{close[0]}”?"
        if close
        else (f"; các trường hợp lệ: {', '.join(known)}" if known else "")
    )
    return loaded.problem(loc, f"trường “{loc[-1]}” không có trong mô hình dữ liệu{hint}", of_key=True)


def _pattern_message(name: str, value: Any, pattern: str) -> str:
    if "a-z0-9" in pattern:
        return (
            f"“{name}” = {describe(value)} không phải mã hợp lệ: chỉ dùng chữ thường "
            "không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”"
        )
    if pattern == r"\S":
        return f"“{name}” không được để trống"
    return f"“{name}” = {describe(value)} không đúng định dạng"


def _plain_messages(name: str, value: Any, ctx: dict[str, Any]) -> dict[str, str]:
    """The message for each kind of error that needs nothing but the field and its value."""
    return {
        "string_type": f"“{name}” phải là văn bản, không phải {describe(value)}",
        "list_type": f"“{name}” phải là một danh sách (mỗi mục một dòng bắt đầu bằng “- ”)",
        "model_type": f"“{name}” phải là một bảng khóa–giá trị (các dòng “tên: giá trị”)",
        "model_attributes_type": f"“{name}” phải là một bảng khóa–giá trị (các dòng “tên: giá trị”)",
        "dict_type": f"“{name}” phải là một bảng khóa–giá trị",
        "too_short": f"“{name}” cần ít nhất {ctx.get('min_length', 1)} mục",
        "string_too_short": f"“{name}” không được để trống",
        "string_too_long": f"“{name}” dài quá {ctx.get('max_length')} ký tự",
        "int_parsing": (
            f"“{name}” phải là số nguyên (không dấu chấm, dấu phẩy), không phải {describe(value)}"
        ),
        "int_type": f"“{name}” phải là số nguyên, không phải {describe(value)}",
        "greater_than_equal": f"“{name}” phải lớn hơn hoặc bằng {ctx.get('ge')}",
        "bool_parsing": f"“{name}” phải là true hoặc false",
        "literal_error": f"“{name}” không nhận giá trị {describe(value)}; chọn: {ctx.get('expected', '')}",
    }


def translate(model: type[BaseModel], loaded: LoadedFile, detail: Any) -> Problem:
    """One pydantic error as a problem at the key it concerns."""
    loc: Key = tuple(p for p in detail["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = detail["type"]
    name = field_label(loc)
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return loaded.problem(loc[:-1], f"thiếu trường bắt buộc “{loc[-1]}”")
    if kind == "extra_forbidden":
        return _unknown_field(model, loaded, loc)
    if kind == "enum":
        return loaded.problem(
            loc, f"“{name}” không nhận giá trị {describe(value)}; chọn một trong: {_choices(model, loc)}"
        )
    if kind == "string_pattern_mismatch":
        return loaded.problem(loc, _pattern_message(name, value, str(ctx.get("pattern", ""))))
    messages = _plain_messages(name, value, ctx)
    if kind in messages:
        return loaded.problem(loc, messages[kind])
    if kind == "value_error":
        return loaded.problem(loc, f"“{name}”: {ctx.get('error', detail['msg'])}")
    return loaded.problem(loc, f"“{name}”: {detail['msg']}")
