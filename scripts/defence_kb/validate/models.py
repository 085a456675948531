"""The first step of validation: each file against its model in the schema, and one id per
record, entity and source. The rules (rules/) then read what this step validated."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..load import LoadedFile, RawDataset
from ..problems import Problem, display_path
from ..schema import RECORD_TYPES, Entity, ExclusionsFile, Source, ThemesFile
from .data import Located, M, ValidatedData
from .messages import translate


def validate_models(raw: RawDataset, result: ValidatedData) -> None:
    """Fill `result` with every file that fits its model; report those that do not."""
    problems = result.problems
    for folder, files in raw.records.items():
        for loaded in files:
            record = validate_model(RECORD_TYPES[folder], loaded, problems)
            if record is not None:
                _register(result.records, record, loaded, problems, "bản ghi")
    for loaded in raw.entities:
        entity = validate_model(Entity, loaded, problems)
        if entity is not None:
            _register(result.entities, entity, loaded, problems, "đối tác")
    for loaded in raw.sources:
        source = validate_model(Source, loaded, problems)
        if source is not None:
            _register(result.sources, source, loaded, problems, "nguồn")
    if raw.themes is not None:
        _validate_themes(raw.themes, result)
    if raw.exclusions is not None:
        exclusions = validate_model(ExclusionsFile, raw.exclusions, problems)
        if exclusions is not None:
            result.exclusions = exclusions.exclusions


def validate_model(model: type[M], loaded: LoadedFile, problems: list[Problem]) -> M | None:
    if not isinstance(loaded.data, dict):
        shape = "một danh sách" if isinstance(loaded.data, list) else "một giá trị đơn"
        problems.append(
            Problem(
                loaded.path,
                1,
                1,
                f"tệp chứa {shape}; một bản ghi phải là các dòng “tên_trường: giá trị”",
            )
        )
        return None
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            problems.append(translate(model, loaded, detail))
        return None


def _validate_themes(loaded: LoadedFile, result: ValidatedData) -> None:
    themes = validate_model(ThemesFile, loaded, result.problems)
    if themes is None:
        return
    for index, theme in enumerate(themes.themes):
        if theme.id in result.themes:
            result.problems.append(
                loaded.problem(("themes", index, "id"), f"chủ đề “{theme.id}” khai báo hai lần")
            )
        result.themes[theme.id] = theme


def _register(
    table: dict[str, Located[Any]], model: Any, loaded: LoadedFile, problems: list[Problem], what: str
) -> None:
    if model.id != loaded.path.stem:
        problems.append(
            loaded.problem(
                ("id",),
                f"mã “{model.id}” khác tên tệp “{loaded.path.name}”: đặt tên tệp là "
                f"{model.id}.yml hoặc sửa id thành “{loaded.path.stem}”",
            )
        )
    if model.id in table:
        first = table[model.id].file
        problems.append(
            loaded.problem(
                ("id",),
                f"mã {what} “{model.id}” đã dùng ở {display_path(first.path)}; mỗi {what} một mã riêng",
            )
        )
        problems.append(
            first.problem(
                ("id",),
                f"mã {what} “{model.id}” cũng dùng ở {display_path(loaded.path)}; mỗi {what} một mã riêng",
            )
        )
        return
    table[model.id] = Located(model, loaded)
