"""Stage 2, validate: check loaded data against the schema and against itself.

Every problem is collected (none stops the others from being found) and reported in
plain Vietnamese with the file, line and column of the offending value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .load import Key, LoadedFile, RawDataset
from .problems import Problem, display_path
from .schema import (
    PLACEHOLDER,
    RECORD_TYPES,
    Entity,
    Exclusion,
    ExclusionsFile,
    Record,
    Source,
    Status,
    Theme,
    ThemesFile,
    Vocabulary,
)
from .text import collapse_whitespace, sentence_spans

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[M]):
    """A validated model together with the file it came from."""

    model: M
    file: LoadedFile


@dataclass
class ValidatedData:
    records: dict[str, Located[Record]] = field(default_factory=dict)
    entities: dict[str, Located[Entity]] = field(default_factory=dict)
    sources: dict[str, Located[Source]] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    exclusions: list[Exclusion] = field(default_factory=list)
    # (source id, quote) -> number of the paragraph the quote was found in
    quote_paragraphs: dict[tuple[str, str], int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def validate_dataset(raw: RawDataset) -> ValidatedData:
    result = ValidatedData(problems=list(raw.problems))
    problems = result.problems

    for folder, files in raw.records.items():
        for loaded in files:
            record = _validate_model(RECORD_TYPES[folder], loaded, problems)
            if record is not None:
                _register(result.records, record, loaded, problems, "bản ghi")
    for loaded in raw.entities:
        entity = _validate_model(Entity, loaded, problems)
        if entity is not None:
            _register(result.entities, entity, loaded, problems, "đối tác")
    for loaded in raw.sources:
        source = _validate_model(Source, loaded, problems)
        if source is not None:
            _register(result.sources, source, loaded, problems, "nguồn")
    if raw.themes is not None:
        themes = _validate_model(ThemesFile, raw.themes, problems)
        if themes is not None:
            for index, theme in enumerate(themes.themes):
                if theme.id in result.themes:
                    problems.append(
                        raw.themes.problem(("themes", index, "id"), f"chủ đề “{theme.id}” khai báo hai lần")
                    )
                result.themes[theme.id] = theme

    if raw.exclusions is not None:
        exclusions = _validate_model(ExclusionsFile, raw.exclusions, problems)
        if exclusions is not None:
            result.exclusions = exclusions.exclusions
            _check_exclusions(raw.exclusions, result)
    _check_references(raw, result)
    if raw.themes is not None:
        _check_key_records(raw.themes, result)
    _check_quotes(raw, result)
    texts = _source_texts(result)
    _check_search_aliases(raw, result, texts)
    _check_provenance(result, texts)
    _check_placements(result)
    # An unfilled placeholder explains every other complaint about the same value.
    placeholders = [
        problem
        for files in (*raw.records.values(), raw.entities, raw.sources, [raw.themes] if raw.themes else [])
        for loaded in files
        for problem in _placeholders(loaded, loaded.data, ())
    ]
    spots = {(p.path, p.line, p.column) for p in placeholders}
    result.problems = sorted([p for p in problems if (p.path, p.line, p.column) not in spots] + placeholders)
    return result


# ----------------------------------------------------------------------- schema checks


def _validate_model(model: type[M], loaded: LoadedFile, problems: list[Problem]) -> M | None:
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
            problems.append(_translate(model, loaded, detail))
        return None


def _field_label(loc: Key) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{part + 1}]"]
        else:
            parts.append(part)
    return ".".join(parts) or "tệp"


def _describe(value: Any) -> str:
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


def _translate(model: type[BaseModel], loaded: LoadedFile, detail: Any) -> Problem:
    loc: Key = tuple(p for p in detail["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = detail["type"]
    name = _field_label(loc)
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return loaded.problem(loc[:-1], f"thiếu trường bắt buộc “{loc[-1]}”")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        known = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = (
            f"; có phải ý bạn là “{close[0]}”?"
            if close
            else (f"; các trường hợp lệ: {', '.join(known)}" if known else "")
        )
        return loaded.problem(loc, f"trường “{loc[-1]}” không có trong mô hình dữ liệu{hint}", of_key=True)
    if kind == "enum":
        return loaded.problem(
            loc, f"“{name}” không nhận giá trị {_describe(value)}; chọn một trong: {_choices(model, loc)}"
        )
    if kind == "string_pattern_mismatch":
        if "a-z0-9" in str(ctx.get("pattern", "")):
            message = (
                f"“{name}” = {_describe(value)} không phải mã hợp lệ: chỉ dùng chữ thường "
                "không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”"
            )
        elif str(ctx.get("pattern", "")) == r"\S":
            message = f"“{name}” không được để trống"
        else:
            message = f"“{name}” = {_describe(value)} không đúng định dạng"
        return loaded.problem(loc, message)
    messages = {
        "string_type": f"“{name}” phải là văn bản, không phải {_describe(value)}",
        "list_type": f"“{name}” phải là một danh sách (mỗi mục một dòng bắt đầu bằng “- ”)",
        "model_type": f"“{name}” phải là một bảng khóa–giá trị (các dòng “tên: giá trị”)",
        "model_attributes_type": f"“{name}” phải là một bảng khóa–giá trị (các dòng “tên: giá trị”)",
        "dict_type": f"“{name}” phải là một bảng khóa–giá trị",
        "too_short": f"“{name}” cần ít nhất {ctx.get('min_length', 1)} mục",
        "string_too_short": f"“{name}” không được để trống",
        "string_too_long": f"“{name}” dài quá {ctx.get('max_length')} ký tự",
        "int_parsing": (
            f"“{name}” phải là số nguyên (không dấu chấm, dấu phẩy), không phải {_describe(value)}"
        ),
        "int_type": f"“{name}” phải là số nguyên, không phải {_describe(value)}",
        "greater_than_equal": f"“{name}” phải lớn hơn hoặc bằng {ctx.get('ge')}",
        "bool_parsing": f"“{name}” phải là true hoặc false",
        "literal_error": f"“{name}” không nhận giá trị {_describe(value)}; chọn: {ctx.get('expected', '')}",
    }
    if kind in messages:
        return loaded.problem(loc, messages[kind])
    if kind == "value_error":
        return loaded.problem(loc, f"“{name}”: {ctx.get('error', detail['msg'])}")
    return loaded.problem(loc, f"“{name}”: {detail['msg']}")


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


def _placeholders(loaded: LoadedFile, value: Any, key: Key) -> Iterator[Problem]:
    if not key and PLACEHOLDER not in repr(value):
        return  # most files: one scan in C instead of a walk through every value
    if isinstance(value, str) and value.strip().startswith(PLACEHOLDER):
        yield loaded.problem(key, f"“{_field_label(key)}” vẫn là chỗ trống mẫu (“{PLACEHOLDER}…”); hãy điền")
    elif isinstance(value, dict):
        for name, child in value.items():
            yield from _placeholders(loaded, child, (*key, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _placeholders(loaded, child, (*key, index))


# -------------------------------------------------------------------- reference checks
# These run on the raw data of every file, valid or not, so that one run reports every
# problem: a record with a typo in one field still has its references and quotes checked.


def _strings(value: Any, key: Key) -> Iterator[tuple[Key, str]]:
    """The string items of a field that holds one id or a list of ids, with their keys."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (*key, index), item


def _mappings(value: Any, key: Key) -> Iterator[tuple[Key, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*key, index), item


def _raw_ids(files: list[LoadedFile]) -> set[str]:
    return {
        f.data["id"] if isinstance(f.data, dict) and isinstance(f.data.get("id"), str) else f.path.stem
        for f in files
    }


def _unknown(value: str, known: set[str], what: str, where: str) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f"; có phải “{close[0]}”?" if close else f"; thêm tệp {where}/{value}.yml nếu cần"
    return f"không có {what} mã “{value}”{hint}"


def _check_key_records(loaded: LoadedFile, data: ValidatedData) -> None:
    """A theme's key records (its summary box names them) exist and are in the theme."""
    for index, theme in enumerate(data.themes.values()):
        for position, record_id in enumerate(theme.key_records):
            where = ("themes", index, "key_records", position)
            located = data.records.get(record_id)
            if located is None:
                known = set(data.records)
                data.problems.append(
                    loaded.problem(where, _unknown(record_id, known, "bản ghi", "data/<loại>"))
                )
            elif theme.id not in located.model.themes:
                data.problems.append(
                    loaded.problem(where, f"bản ghi “{record_id}” không thuộc chủ đề “{theme.id}”")
                )


def _check_references(raw: RawDataset, data: ValidatedData) -> None:
    problems = data.problems
    record_ids = _raw_ids([f for files in raw.records.values() for f in files])
    entity_ids = _raw_ids(raw.entities)
    kinds = {f.data.get("id"): f.data.get("kind") for f in raw.entities if isinstance(f.data, dict)}
    theme_ids = set(data.themes)

    def check_entities(loaded: LoadedFile, fields: tuple[str, ...]) -> None:
        for name in fields:
            for key, entity_id in _strings(loaded.data.get(name), (name,)):
                if entity_id not in entity_ids:
                    problems.append(
                        loaded.problem(key, _unknown(entity_id, entity_ids, "đối tác", "data/entities"))
                    )

    for folder, files in raw.records.items():
        model = RECORD_TYPES[folder]
        for loaded in files:
            if not isinstance(loaded.data, dict):
                continue
            own_id = loaded.data.get("id")
            if theme_ids:
                for key, theme_id in _strings(loaded.data.get("themes"), ("themes",)):
                    if theme_id not in theme_ids:
                        close = difflib.get_close_matches(theme_id, sorted(theme_ids), n=1, cutoff=0.6)
                        hint = (
                            f"; có phải “{close[0]}”?"
                            if close
                            else f"; các chủ đề: {', '.join(sorted(theme_ids))}"
                        )
                        problems.append(loaded.problem(key, f"không có chủ đề mã “{theme_id}”{hint}"))
            check_entities(loaded, model.entity_fields)
            for key, other in _strings(loaded.data.get("related"), ("related",)):
                if other == own_id:
                    problems.append(loaded.problem(key, "bản ghi không thể liên quan tới chính nó"))
                elif other not in record_ids:
                    problems.append(
                        loaded.problem(key, _unknown(other, record_ids, "bản ghi", "data/<loại>"))
                    )
            _check_figures(loaded, problems)
            place = loaded.data.get("place")
            if isinstance(place, str) and place in entity_ids and kinds.get(place) != "place":
                problems.append(
                    loaded.problem(("place",), f"“{place}” không phải khu vực, địa bàn (kind: place)")
                )
    _check_former_ids(raw, record_ids, problems)
    for loaded in raw.entities:
        if isinstance(loaded.data, dict):
            check_entities(loaded, Entity.entity_fields)
            if loaded.data.get("id") in (loaded.data.get("part_of"), loaded.data.get("country")):
                problems.append(loaded.problem(("part_of",), "đối tác không thể thuộc về chính nó"))


def _check_former_ids(raw: RawDataset, record_ids: set[str], problems: list[Problem]) -> None:
    """A former id becomes a redirect: it must not be a record's id or another's former id."""
    claimed: dict[str, LoadedFile] = {}
    for files in raw.records.values():
        for loaded in files:
            if not isinstance(loaded.data, dict):
                continue
            for key, former in _strings(loaded.data.get("former_ids"), ("former_ids",)):
                if former in record_ids:
                    problems.append(
                        loaded.problem(
                            key,
                            f"mã cũ “{former}” đang là mã của một bản ghi; địa chỉ cũ không thể "
                            "vừa là trang vừa chuyển hướng: xóa mã này khỏi former_ids",
                        )
                    )
                elif former in claimed and claimed[former] is not loaded:
                    problems.append(
                        loaded.problem(
                            key,
                            f"mã cũ “{former}” cũng có trong former_ids của "
                            f"{display_path(claimed[former].path)}; mỗi địa chỉ cũ chỉ chuyển về một bản ghi",
                        )
                    )
                else:
                    claimed[former] = loaded


def _check_figures(loaded: LoadedFile, problems: list[Problem]) -> None:
    quotes = [
        collapse_whitespace(item["quote"])
        for _, item in _mappings(loaded.data.get("evidence"), ("evidence",))
        if isinstance(item.get("quote"), str)
    ]
    figures = list(_mappings(loaded.data.get("figures"), ("figures",)))
    if isinstance(loaded.data.get("personnel"), dict):
        figures.append((("personnel",), loaded.data["personnel"]))
    for key, figure in figures:
        stated = figure.get("as_stated")
        if isinstance(stated, str) and not any(collapse_whitespace(stated) in q for q in quotes):
            problems.append(
                loaded.problem(
                    (*key, "as_stated"),
                    f"số liệu “{stated}” không có trong trích dẫn nào của bản ghi; "
                    "trích thêm câu nêu số liệu vào evidence",
                )
            )


# ------------------------------------------------------------------------ quote checks


@dataclass(frozen=True)
class _SourceText:
    paragraphs: tuple[tuple[int, str], ...]

    def find(self, quote: str) -> int | None:
        for number, text in self.paragraphs:
            if quote in text:
                return number
        return None

    def longest_prefix(self, quote: str) -> tuple[int, int]:
        """Length of the longest prefix of `quote` found in one paragraph, and where."""
        low, high, where = 0, len(quote), 0
        while low < high:
            middle = (low + high + 1) // 2
            found = self.find(quote[:middle])
            if found is None:
                high = middle - 1
            else:
                low, where = middle, found
        return low, where


def _check_quotes(raw: RawDataset, data: ValidatedData) -> None:
    texts = {
        source_id: _SourceText(tuple((p.n, collapse_whitespace(p.text)) for p in located.model.paragraphs))
        for source_id, located in data.sources.items()
    }
    source_ids = _raw_ids(raw.sources)
    problems = data.problems

    def check(loaded: LoadedFile, key: Key, item: dict[str, Any]) -> None:
        source_id, quote = item.get("source"), item.get("quote")
        if not isinstance(source_id, str):
            return
        if source_id not in texts:
            if source_id not in source_ids:
                problems.append(
                    loaded.problem((*key, "source"), _unknown(source_id, source_ids, "nguồn", "data/sources"))
                )
            return
        if not isinstance(quote, str) or not quote.strip():
            return
        normalized = collapse_whitespace(quote)
        number = texts[source_id].find(normalized)
        if number is not None:
            data.quote_paragraphs[(source_id, quote)] = number
            return
        matched, paragraph = texts[source_id].longest_prefix(normalized)
        if matched >= 10:
            detail = (
                f"; khớp với đoạn {paragraph} đến “…{normalized[max(0, matched - 30) : matched]}”, "
                f"sau đó khác nguồn (nguồn không có “{normalized[matched : matched + 30]}…”)"
            )
        else:
            detail = "; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)"
        problems.append(
            loaded.problem(
                (*key, "quote"), f"trích dẫn không có nguyên văn trong nguồn “{source_id}”{detail}"
            )
        )

    for files in raw.records.values():
        for loaded in files:
            if isinstance(loaded.data, dict):
                for key, item in _mappings(loaded.data.get("evidence"), ("evidence",)):
                    check(loaded, key, item)
                for name in ("not_before", "not_after"):  # a stated bound quotes its source
                    if isinstance(loaded.data.get(name), dict):
                        check(loaded, (name,), loaded.data[name])
    for loaded in raw.entities:
        if isinstance(loaded.data, dict):
            for key, item in _mappings(loaded.data.get("roles"), ("roles",)):
                check(loaded, key, item)


# ------------------------------------------------------------------- provenance

_VIETNAM = re.compile(r"\bVietnam\b")


def _source_texts(data: ValidatedData) -> list[tuple[str, str]]:
    """(source id, its whole text, white space collapsed and case folded)."""
    return [
        (source_id, collapse_whitespace(" ".join(p.text for p in located.model.paragraphs)).casefold())
        for source_id, located in data.sources.items()
    ]


def _check_provenance(data: ValidatedData, texts: list[tuple[str, str]]) -> None:
    """Every name that is not in the sources says so: an English name (a record's title_en,
    an entity's name_en) either occurs in a source or is listed in `not_in_sources`, which
    the page shows; an entity's `aliases` are the sources' own names. English writes the
    country one way: "Viet Nam"."""

    def found(text: str) -> bool:
        needle = collapse_whitespace(text).casefold()
        return any(needle in source for _, source in texts)

    located_items: list[tuple[Located[Any], str]] = [
        *((located, "title_en") for located in data.records.values()),
        *((located, "name_en") for located in data.entities.values()),
    ]
    for located, field_name in located_items:
        model, loaded = located.model, located.file
        english = getattr(model, field_name)
        marked = field_name in model.not_in_sources
        if english and _VIETNAM.search(english):
            data.problems.append(
                loaded.problem(
                    (field_name,), f"viết “Viet Nam”, không viết “Vietnam”, trong tên tiếng Anh: “{english}”"
                )
            )
        if english and not marked and not found(english):
            data.problems.append(
                loaded.problem(
                    (field_name,),
                    f"tên tiếng Anh “{english}” không có trong nguồn nào: ghi "
                    f"“not_in_sources: [{field_name}]” để trang ghi rõ là tên do biên tập viên dịch, "
                    "hoặc xóa trường này",
                )
            )
        elif english and marked and found(english):
            data.problems.append(
                loaded.problem(
                    ("not_in_sources",),
                    f"tên tiếng Anh “{english}” có trong nguồn: xóa “{field_name}” khỏi not_in_sources",
                )
            )
    for located in data.entities.values():
        for index, alias in enumerate(located.model.aliases):
            if not found(alias):
                data.problems.append(
                    located.file.problem(
                        ("aliases", index),
                        f"tên khác “{alias}” không có trong nguồn nào: "
                        "tên ngoài nguồn ghi vào search_aliases",
                    )
                )


# ----------------------------------------------------------------- search aliases


def _check_search_aliases(raw: RawDataset, data: ValidatedData, texts: list[tuple[str, str]]) -> None:
    """Search aliases are the names readers type that the sources do not use, and the page
    says so: an alias a source uses, or the record's own title or name, is refused."""
    files = [*(f for files in raw.records.values() for f in files), *raw.entities]
    for loaded in files:
        if not isinstance(loaded.data, dict):
            continue
        own = {loaded.data.get(name) for name in ("title", "name") if isinstance(loaded.data.get(name), str)}
        for key, alias in _strings(loaded.data.get("search_aliases"), ("search_aliases",)):
            if alias in own:
                data.problems.append(
                    loaded.problem(key, f"“{alias}” đã là tên của bản ghi; xóa khỏi search_aliases")
                )
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(collapse_whitespace(alias).casefold())}(?!\w)")
            found = next((source_id for source_id, text in texts if pattern.search(text)), None)
            if found:
                data.problems.append(
                    loaded.problem(
                        key,
                        f"“{alias}” có trong nguồn “{found}”, nên không phải tên ngoài nguồn: ghi vào "
                        "aliases (đối tác) hoặc tiêu đề, tóm tắt (bản ghi), rồi xóa khỏi search_aliases",
                    )
                )


# -------------------------------------------------------------------------- time


def _check_placements(data: ValidatedData) -> None:
    """Every record has a place in time, and its date and bounds agree with each other.

    The publication date of a cited source bounds a record from above by itself; a record
    citing only undated sources needs a date, or a bound its source states."""
    for record_id, located in data.records.items():
        record, loaded = located.model, located.file
        sources = [data.sources[e.source].model for e in record.evidence if e.source in data.sources]
        if record.date and record.date_unspecified_year:
            data.problems.append(
                loaded.problem(
                    ("date_unspecified_year",), "ghi “date” hoặc “date_unspecified_year”, không ghi cả hai"
                )
            )
        before, after = record.not_before, record.not_after
        if before and after and after.date.latest < before.date.earliest:
            data.problems.append(
                loaded.problem(
                    ("not_after", "date"),
                    f"mốc “không muộn hơn” {after.date.iso()} sớm hơn "
                    f"mốc “không sớm hơn” {before.date.iso()}",
                )
            )
        if record.date:
            start, end = record.date.start, record.date.end or record.date.start
            if before and end.latest < before.date.earliest:
                data.problems.append(
                    loaded.problem(("not_before", "date"), f"ngày {start.iso()} sớm hơn mốc “không sớm hơn”")
                )
            if after and start.earliest > after.date.latest:
                data.problems.append(
                    loaded.problem(("not_after", "date"), f"ngày {start.iso()} muộn hơn mốc “không muộn hơn”")
                )
        dated_sources = [source for source in sources if source.published]
        # Something still going on that an undated article only talks about (a programme, a
        # relationship) has no date of its own; its date_note says so. Anything else needs one.
        unknown_and_said = record.status is Status.ongoing and record.date_note
        if not (record.date or before or after or dated_sources or unknown_and_said):
            data.problems.append(
                loaded.problem(
                    ("evidence",),
                    f"bản ghi “{record_id}” chưa có mốc thời gian nào: nguồn được trích không có ngày "
                    "đăng; ghi “date”, hoặc “not_before”/“not_after” với câu nguồn nêu mốc "
                    "(ví dụ giai đoạn mà bài viết tổng kết)",
                    of_key=True,
                )
            )


# ----------------------------------------------------------------------- coverage


def _check_exclusions(loaded: LoadedFile, data: ValidatedData) -> None:
    """Each excluded sentence is the start of a sentence of the paragraph it names."""
    for index, exclusion in enumerate(data.exclusions):
        located = data.sources.get(exclusion.source)
        if located is None:
            data.problems.append(
                loaded.problem(("exclusions", index, "source"), f"không có nguồn mã “{exclusion.source}”")
            )
            continue
        paragraph = next((p for p in located.model.paragraphs if p.n == exclusion.paragraph), None)
        if paragraph is None:
            data.problems.append(
                loaded.problem(
                    ("exclusions", index, "paragraph"),
                    f"nguồn “{exclusion.source}” không có đoạn {exclusion.paragraph}",
                )
            )
            continue
        text = collapse_whitespace(paragraph.text)
        start = collapse_whitespace(exclusion.sentence)
        if len(start) < 15 or not any(text[a:b].startswith(start) for a, b in sentence_spans(text)):
            data.problems.append(
                loaded.problem(
                    ("exclusions", index, "sentence"),
                    f"đoạn {exclusion.paragraph} của “{exclusion.source}” không có câu nào bắt đầu bằng "
                    f"“{exclusion.sentence}”; chép nguyên văn ít nhất 15 ký tự đầu câu",
                )
            )
