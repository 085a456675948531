"""The `new` command: a correctly formed record file to fill in.

The file is derived from the schema: required fields get a `TODO` placeholder, which the
validator refuses until an editor replaces it, and optional fields are listed as comments.
Fields come in the order `make fix` writes them (Record.canonical_field_order).
"""

from __future__ import annotations

from pathlib import Path

from pydantic.fields import FieldInfo

from .problems import InputError, Problem
from .schema import PLACEHOLDER, RECORD_TYPES, Record, Vocabulary
from .text import slugify

TYPE_NAMES = {cls.__name__.lower(): cls for cls in RECORD_TYPES.values()}
# Fields a new record does not start with: former ids belong to records that were renamed,
# search aliases are added once readers are seen to search for a name the sources lack,
# and bounds on the date are written when no date is known (CONTRIBUTING.md explains them).
NOT_FOR_NEW_RECORDS = {
    "former_ids",
    "search_aliases",
    "date_unspecified_year",
    "not_before",
    "not_after",
    "mentioned",
    "not_in_sources",
}


def _enum_choices(info: FieldInfo) -> str:
    for candidate in (info.annotation, *getattr(info.annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, Vocabulary):
            return ", ".join(member.value for member in candidate)
    return ""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record_template(record_type: type[Record], record_id: str, title: str) -> str:
    lines = [
        f"# {record_type.type_label}: điền các chỗ {PLACEHOLDER}, xóa dấu # ở trường muốn dùng.",
        "# Hướng dẫn: CONTRIBUTING.md. Kiểm tra: make validate",
    ]
    for name in record_type.canonical_field_order():
        info = record_type.model_fields[name]
        if name in NOT_FOR_NEW_RECORDS:
            continue
        comment = f"  # {info.description}" if info.description else ""
        choices = _enum_choices(info)
        if choices:
            comment = f"  # {info.description} Chọn: {choices}"
        if name == "id":
            lines.append(f"id: {record_id}")
        elif name == "title":
            lines.append(f"title: {_quoted(title)}")
        elif name == "evidence":
            lines += [
                "evidence:  # trích nguyên văn từ nguồn",
                f"  - source: {PLACEHOLDER}",
                f"    quote: {PLACEHOLDER}",
            ]
        elif info.is_required():
            annotation = str(info.annotation)
            if annotation.startswith("list"):
                lines += [f"{name}:{comment}", f"  - {PLACEHOLDER}"]
            else:
                lines.append(f"{name}: {PLACEHOLDER}{comment}")
        else:
            lines.append(f"# {name}:{comment}")
    return "\n".join(lines) + "\n"


def create_record(data_dir: Path, type_name: str, title: str) -> Path:
    record_type = TYPE_NAMES.get(type_name.lower())
    if record_type is None:
        raise InputError(
            [
                Problem(
                    Path(type_name),
                    1,
                    1,
                    f"không có loại bản ghi “{type_name}”; chọn: {', '.join(TYPE_NAMES)}",
                )
            ]
        )
    record_id = slugify(title)
    if not record_id:
        raise InputError([Problem(Path(title), 1, 1, "tiêu đề phải có chữ hoặc số để tạo mã bản ghi")])
    path = data_dir / record_type.folder / f"{record_id}.yml"
    existing = [data_dir / cls.folder / f"{record_id}.yml" for cls in RECORD_TYPES.values()]
    taken = next((p for p in existing if p.exists()), None)
    if taken:
        raise InputError([Problem(taken, 1, 1, f"mã “{record_id}” đã có; đặt tiêu đề khác hoặc sửa tệp này")])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(record_template(record_type, record_id, title))
    return path
