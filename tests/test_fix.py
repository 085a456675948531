"""`make fix`: every data file in canonical form, without changing what any of them says,
idempotent, refusing what it cannot parse with the loader's own messages; and the real
data is canonical (so CI fails when it is not)."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, REPO_ROOT, Dataset, run_cli
from defence_kb.fix import fix_dataset
from defence_kb.fix.comments import KEPT_MESSAGE
from defence_kb.load import load_dataset, read_yaml
from defence_kb.scaffold import create_record
from defence_kb.validate import ValidatedData, validate_dataset


def _models(data_dir: Path) -> ValidatedData:
    return validate_dataset(load_dataset(data_dir))


def _assert_same_meaning(before: ValidatedData, after: ValidatedData) -> None:
    """The model the site is built from is equal, file by file and field by field."""
    for table in ("records", "entities", "sources"):
        old, new = getattr(before, table), getattr(after, table)
        assert {key: located.model for key, located in old.items()} == {
            key: located.model for key, located in new.items()
        }, table
    assert before.themes == after.themes
    assert before.exclusions == after.exclusions
    assert before.quote_paragraphs == after.quote_paragraphs
    assert [p.message for p in before.problems] == [p.message for p in after.problems]


def _scramble(data_dir: Path, seed: int) -> None:
    """Rewrite every file as another tool would: PyYAML's own layout, keys shuffled, lists
    indented, long lines unwrapped or wrapped elsewhere, some text decomposed (NFD)."""
    generator = random.Random(seed)

    def shuffle(value: object) -> object:
        if isinstance(value, dict):
            items = list(value.items())
            generator.shuffle(items)
            return {key: shuffle(item) for key, item in items}
        if isinstance(value, list):
            return [shuffle(item) for item in value]
        return value

    for path in sorted(data_dir.rglob("*.yml")):
        loaded, problems = read_yaml(path)
        assert loaded is not None, problems
        text = yaml.safe_dump(
            shuffle(loaded.data),
            allow_unicode=True,
            sort_keys=False,
            width=generator.choice([60, 80, 1000]),
            indent=generator.choice([2, 4]),
            default_style=generator.choice([None, None, '"']),
        )
        if generator.random() < 0.3:
            text = unicodedata.normalize("NFD", text)
        path.write_text(text, encoding="utf-8")


def test_real_data_is_in_canonical_form() -> None:
    # CI runs the test suite: a pull request whose data is not canonical fails here, and the
    # `suggest` job of the workflow proposes the changes.
    result = run_cli("fix", "--check")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert result.stdout == ""
    assert "Mọi tệp dữ liệu đã ở dạng chuẩn." in result.stderr


def test_fix_never_changes_meaning_and_is_idempotent(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    before = _models(data)
    assert before.problems == []
    _scramble(data, seed=15)
    results = fix_dataset(data, write=True)
    assert [r.problems for r in results if r.problems] == []
    assert sum(r.changed for r in results) > 100
    _assert_same_meaning(before, _models(data))
    canonical = {path: path.read_bytes() for path in sorted(data.rglob("*.yml"))}
    # the second run changes nothing
    assert not any(r.changed for r in fix_dataset(data, write=True))
    assert canonical == {path: path.read_bytes() for path in sorted(data.rglob("*.yml"))}
    # and the scrambled files come back byte for byte as the repository has them (but for
    # the header comments of themes.yml and coverage-exclusions.yml, which PyYAML dropped)
    for path, text in canonical.items():
        original = (REPO_ROOT / "data" / path.relative_to(data)).read_bytes()
        header = re.match(rb"(?:#.*\n)*", original)
        assert header is not None
        assert text == original[header.end() :], path


def test_make_fix_prints_what_it_changed(dataset: Dataset) -> None:
    dataset.edit("agreements/hiep-dinh-fpa.yml", "id: hiep-dinh-fpa", "id: hiep-dinh")
    dataset.edit("agreements/hiep-dinh-fpa.yml", "title: Hiệp định FPA", 'title: "Hiệp định FPA "   ')
    text = dataset.read("events/giao-luu-lan-thu-9.yml")
    dataset.write("events/giao-luu-lan-thu-9.yml", unicodedata.normalize("NFD", text))
    outcome = dataset.run("fix")
    assert outcome.code == 0, outcome.err
    lines = outcome.out.splitlines()
    assert (
        "data/agreements/hiep-dinh-fpa.yml: id “hiep-dinh” đổi thành “hiep-dinh-fpa” theo tên tệp; "
        "bỏ khoảng trắng thừa ở cuối dòng, đầu hoặc cuối giá trị; "
        "sắp xếp các trường theo thứ tự của mô hình dữ liệu" in lines
    )
    assert any(line.startswith("data/events/giao-luu-lan-thu-9.yml: chuẩn hóa Unicode NFC") for line in lines)
    assert outcome.err.startswith(f"Đã sửa {len(lines)} tệp.")
    assert dataset.read("agreements/hiep-dinh-fpa.yml").startswith(
        "id: hiep-dinh-fpa\ntitle: Hiệp định FPA\n"
    )
    assert dataset.run("validate").code == 0
    again = dataset.run("fix", "--check")
    assert (again.code, again.out) == (0, "")


def test_check_prints_a_unified_diff_and_writes_nothing(dataset: Dataset) -> None:
    dataset.run("fix")
    dataset.edit("agreements/hiep-dinh-fpa.yml", "title: Hiệp định FPA", "title: 'Hiệp định FPA'")
    before = dataset.read("agreements/hiep-dinh-fpa.yml")
    outcome = dataset.run("fix", "--check")
    assert outcome.code == 1
    assert dataset.read("agreements/hiep-dinh-fpa.yml") == before
    assert outcome.out.startswith(
        "--- a/data/agreements/hiep-dinh-fpa.yml\n+++ b/data/agreements/hiep-dinh-fpa.yml\n@@ "
    )
    assert "\n-title: 'Hiệp định FPA'\n+title: Hiệp định FPA\n" in outcome.out
    assert "1 tệp chưa ở dạng chuẩn: chạy “make fix” để sửa." in outcome.err
    # the diff applies: `git apply` takes it as it is
    subprocess.run(["git", "init", "-q"], cwd=dataset.root.parent, check=True)
    applied = subprocess.run(
        ["git", "apply", "-"], input=outcome.out, text=True, cwd=dataset.root.parent, capture_output=True
    )
    assert applied.returncode == 0, applied.stderr
    assert dataset.run("fix", "--check").code == 0


def test_a_comment_in_the_middle_stops_the_rewrite(dataset: Dataset) -> None:
    dataset.edit("agreements/hiep-dinh-fpa.yml", "kind: agreement", "kind: agreement  # xem lại")
    dataset.edit("agreements/hiep-dinh-fpa.yml", "- viet-nam\n", "- viet-nam\n")
    before = dataset.read("agreements/hiep-dinh-fpa.yml")
    outcome = dataset.run("fix")
    assert outcome.code == 1
    assert f"data/agreements/hiep-dinh-fpa.yml:5:18: {KEPT_MESSAGE}" in outcome.lines
    assert dataset.read("agreements/hiep-dinh-fpa.yml") == before


def test_a_new_record_loses_its_hints_once_filled_in(dataset: Dataset) -> None:
    path = create_record(dataset.root, "agreement", "Bản ghi nhớ thử")
    template = path.read_text(encoding="utf-8")
    assert dataset.run("fix").code == 0
    assert path.read_text(encoding="utf-8") == template  # still being filled in: untouched
    filled = template.replace("summary: TODO", "summary: Tóm tắt.").replace("kind: TODO", "kind: memorandum")
    filled = filled.replace("  - TODO", "  - viet-nam", 1).replace("themes:", "themes:\n  - chu-de-a", 1)
    filled = filled.replace(
        "  - source: TODO\n    quote: TODO", "  - source: nguon-a\n    quote: Hiệp định FPA"
    )
    filled = "\n".join(line for line in filled.split("\n") if line.strip() != "- TODO")
    path.write_text(filled, encoding="utf-8")
    outcome = dataset.run("fix")
    assert outcome.code == 0, outcome.err
    assert "bỏ các dòng gợi ý của “make new”" in outcome.out
    assert "#" not in path.read_text(encoding="utf-8")


def _bad_cases() -> list[Path]:
    from test_bad_input import cases

    return cases()


@pytest.mark.parametrize("case", _bad_cases(), ids=lambda p: p.stem)
def test_bad_input_is_reported_like_the_loader_and_left_untouched(tmp_path: Path, case: Path) -> None:
    from test_bad_input import case_header, with_case

    relative, _ = case_header(case)
    data = with_case(tmp_path, relative, case.read_bytes())
    target = data / relative
    before = target.read_bytes() if target.is_file() else None
    result = run_cli("--data", "data", "fix", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    _, load_problems = read_yaml(target) if target.is_file() else (None, [])
    # files fix can repair: a byte-order mark, text not in NFC; the rest of the loader's
    # refusals are reported as the loader words them, and the file is left as it was
    repairable = {"bom", "nfd-text"}
    if load_problems and case.stem not in repairable and target.suffix in (".yml", ".yaml"):
        assert result.returncode == 1, result.stderr
        for problem in load_problems:
            assert f"data/{relative}:{problem.line}:{problem.column}: {problem.message}" in result.stderr
        assert target.read_bytes() == before
    elif target.is_file() and target.suffix == ".yml" and target.read_bytes() != before:
        loaded, problems = read_yaml(target)  # what fix wrote loads
        assert loaded is not None, problems
    for line in result.stderr.splitlines():
        if ":" in line and line.startswith("data/"):
            assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit(), line


def test_a_missing_data_folder_is_reported(tmp_path: Path) -> None:
    result = run_cli("--data", str(tmp_path / "nowhere"), "fix", cwd=tmp_path)
    assert result.returncode == 1
    assert "không tìm thấy thư mục dữ liệu" in result.stderr
    assert "Traceback" not in result.stderr


def test_minimal_fixture_is_fixed_without_problems(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    before = _models(data)
    fix_dataset(data, write=True)
    _assert_same_meaning(before, _models(data))


def test_make_help_lists_fix() -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO_ROOT), "help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "make fix       rewrite data files in canonical form" in result.stdout
    assert "CHECK=1" in result.stdout
    assert "normalize" not in result.stdout


def test_windows_line_ends_and_a_byte_order_mark_are_fixed(dataset: Dataset) -> None:
    path = dataset.root / "agreements" / "hiep-dinh-fpa.yml"
    dataset.run("fix")
    canonical = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + canonical.replace(b"\n", b"\r\n"))
    assert dataset.run("validate").code == 1  # the loader refuses a byte-order mark
    outcome = dataset.run("fix")
    assert outcome.code == 0
    assert "data/agreements/hiep-dinh-fpa.yml: bỏ dấu BOM ở đầu tệp" in outcome.out
    assert path.read_bytes() == canonical
