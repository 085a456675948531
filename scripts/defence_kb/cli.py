"""Command line: `python -m defence_kb <command>`; `make` targets call these."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .problems import InputError, Problem, display_path

REPO_ROOT = Path(__file__).resolve().parents[2]
# The engines and the default are defined once, in build.ENGINES (imported only by the
# commands that build, to keep the others quick to start).
ENGINE_HELP = "the engine that builds the site (default: MkDocs; see build.ENGINES)"


def _report(problems: list[Problem], *, github: bool = False) -> int:
    for problem in sorted(problems):
        print(problem.format(), file=sys.stderr)
        if github:  # annotations go to standard output, where Actions reads commands
            print(problem.github_annotation())
    count = len(problems)
    print(f"{count} lỗi cần sửa." if count else "Không có lỗi.", file=sys.stderr)
    return 1 if count else 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .load import load_dataset
    from .validate import validate_dataset

    data = validate_dataset(load_dataset(args.data))
    if not data.problems:
        print(
            f"Hợp lệ: {len(data.records)} bản ghi, {len(data.entities)} đối tác, "
            f"{len(data.sources)} nguồn, {len(data.themes)} chủ đề."
        )
    return _report(data.problems, github=args.format == "github")


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import create_record

    path = create_record(args.data, args.type, args.title)
    print(f"Đã tạo {path}: điền các chỗ “TODO”, rồi chạy: make validate")
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    from .new_source import create_source

    path = create_source(
        args.data,
        args.file,
        source_id=args.id,
        title=args.title,
        publisher=args.publisher,
        published=args.published,
        url=args.url,
    )
    print(
        f"Đã tạo {display_path(path)}: kiểm tra loại từng đoạn theo các dòng # đầu tệp, điền "
        "những gì còn “không rõ” nếu biết, rồi chạy: make validate"
    )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .jsonschema import write_json_schemas

    for path in write_json_schemas(args.data / "schema"):
        print(path)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import DEFAULT_ENGINE, build_site

    engine = DEFAULT_ENGINE if args.engine is None else args.engine
    build_site(REPO_ROOT, data_dir=args.data, site_dir=args.site, engine=engine)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from .build import generate_docs

    generate_docs(REPO_ROOT, data_dir=args.data)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .build import DEFAULT_ENGINE
    from .serve import serve

    engine = DEFAULT_ENGINE if args.engine is None else args.engine
    serve(REPO_ROOT, data_dir=args.data, address=args.address, engine=engine)
    return 0


def cmd_fix(args: argparse.Namespace) -> int:
    """Rewrite data files in canonical form; with --check, print the diff and write nothing."""
    from .fix import fix_dataset

    if not args.data.is_dir():
        return _report([Problem(args.data, 1, 1, "không tìm thấy thư mục dữ liệu")])
    results = fix_dataset(args.data, write=not args.check)
    changed = [result for result in results if result.changed]
    for result in changed:
        if args.check:
            sys.stdout.write(result.diff())
        else:
            print(f"{display_path(result.path)}: {'; '.join(result.changes)}")
    if args.check:
        print(
            f"{len(changed)} tệp chưa ở dạng chuẩn: chạy “make fix” để sửa."
            if changed
            else "Mọi tệp dữ liệu đã ở dạng chuẩn.",
            file=sys.stderr,
        )
    else:
        print(f"Đã sửa {len(changed)} tệp.", file=sys.stderr)
    problems = [problem for result in results for problem in result.problems]
    if problems:
        print("Các tệp sau được giữ nguyên:", file=sys.stderr)
        _report(problems)
    return 1 if problems or (args.check and changed) else 0


def cmd_screenshots(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from .render import read_site_settings
    from .screenshots import take_screenshots

    prefix = urlsplit(read_site_settings(REPO_ROOT / "mkdocs.yml").site_url).path
    for path in take_screenshots(args.site, args.out, prefix):
        print(path)
    return 0


def cmd_guide_screenshots(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from .render import read_site_settings
    from .screenshots import GUIDE_FOLDER, take_guide_screenshots

    prefix = urlsplit(read_site_settings(REPO_ROOT / "mkdocs.yml").site_url).path
    for path in take_guide_screenshots(args.site, REPO_ROOT / GUIDE_FOLDER, prefix):
        print(path)
    return 0


def cmd_bench_search(args: argparse.Namespace) -> int:
    from .bench import bench_search

    print(bench_search(REPO_ROOT, args.records, REPO_ROOT / "bench-results"))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import bench_pipeline

    print(bench_pipeline(REPO_ROOT, args.sizes, REPO_ROOT / "bench-results", args.base, args.synthetic))
    return 0


def cmd_bench_phone(args: argparse.Namespace) -> int:
    from .bench_phone import bench_phone

    print(
        bench_phone(
            REPO_ROOT, args.site, args.records, args.runs, REPO_ROOT / "bench-results", args.page, args.preset
        )
    )
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from .coverage import print_coverage

    return print_coverage(args.data, show_all=args.all)


def cmd_geography(args: argparse.Namespace) -> int:
    from .atlas import WORLD_FILE, regenerate

    counts = regenerate(args.package)
    print(f"{WORLD_FILE}: " + ", ".join(f"{count} {what}" for what, count in counts.items()))
    return 0


def _data_commands(commands: Any) -> None:
    """What editors run on the data: validate, new record, new source."""
    validate = commands.add_parser("validate", help="check every data file")
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: also print annotations for Actions",
    )
    validate.set_defaults(run=cmd_validate)
    new = commands.add_parser("new", help="create a record file from a type and a title")
    new.add_argument("type", help="event, agreement, mission, resolution or position")
    new.add_argument("title", help="Vietnamese title, in quotes")
    new.set_defaults(run=cmd_new)
    source = commands.add_parser("source", help="create a source file from an article's text")
    source.add_argument("file", type=Path, help="the article's text, UTF-8 (pasted from the page)")
    source.add_argument("--id", help="the source's id (default: from its title)")
    source.add_argument("--title", help="the article's title as published (default: its first line)")
    source.add_argument("--publisher", help="who published the article")
    source.add_argument("--published", help="its publication date, YYYY[-MM[-DD]]")
    source.add_argument("--url", help="its address")
    source.set_defaults(run=cmd_source)


def _site_commands(commands: Any) -> None:
    """Building and serving the site, and the canonical form of the data."""
    commands.add_parser("schema", help="export JSON Schema files").set_defaults(run=cmd_schema)
    commands.add_parser("render", help="generate the Markdown pages only").set_defaults(run=cmd_render)
    build = commands.add_parser("build", help="validate, render and build the site")
    build.add_argument("--site", type=Path, default=REPO_ROOT / "site", help="output folder")
    build.add_argument("--engine", help=ENGINE_HELP)
    build.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve", help="build and serve with live reload")
    serve.add_argument("--address", default="127.0.0.1:8000")
    serve.add_argument("--engine", help=ENGINE_HELP)
    serve.set_defaults(run=cmd_serve)
    fix = commands.add_parser("fix", help="rewrite data files in canonical form (NFC, key order, layout)")
    fix.add_argument("--check", action="store_true", help="write nothing; print the diff, exit 1 if any")
    fix.set_defaults(run=cmd_fix)


def _measure_commands(commands: Any) -> None:
    """Pictures for reviewers and benchmarks."""
    shots = commands.add_parser("screenshots", help="pictures of key pages at phone and desktop widths")
    shots.add_argument("--site", type=Path, default=REPO_ROOT / "site", help="built site folder")
    shots.add_argument("--out", type=Path, default=REPO_ROOT / "screenshots", help="output folder")
    shots.set_defaults(run=cmd_screenshots)
    guide = commands.add_parser("guide-screenshots", help="the proposal form's pictures in CONTRIBUTING.md")
    guide.add_argument("--site", type=Path, default=REPO_ROOT / "site", help="built site folder")
    guide.set_defaults(run=cmd_guide_screenshots)
    bench_search = commands.add_parser("bench-search", help="search index time and first-query download")
    bench_search.add_argument("--records", type=int, default=10_000, help="synthetic dataset size")
    bench_search.set_defaults(run=cmd_bench_search)
    bench = commands.add_parser(
        "bench", help="time each build stage on the real data grown, against the previous release"
    )
    bench.add_argument("--sizes", type=int, nargs="+", default=[1_000, 3_000, 10_000])
    bench.add_argument("--base", help="the previous release, a git revision (default: bench.DEFAULT_BASE)")
    bench.add_argument("--synthetic", type=int, nargs="*", default=[1_000], help="synthetic dataset sizes")
    bench.set_defaults(run=cmd_bench)
    phone = commands.add_parser("bench-phone", help="Lighthouse on phone and desktop, served compressed")
    phone.add_argument("--site", type=Path, default=REPO_ROOT / "site", help="built site folder")
    phone.add_argument("--records", type=int, default=10_000, help="synthetic dataset size")
    phone.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and device")
    phone.add_argument(
        "--page",
        action="append",
        help="only this page, e.g. /tim-kiem/?q=gin+giu+hoa+binh (Lighthouse alone)",
    )
    phone.add_argument(
        "--preset", action="append", help="only this preset: mobile or desktop (Lighthouse alone)"
    )
    phone.set_defaults(run=cmd_bench_phone)


def _maintenance_commands(commands: Any) -> None:
    """The vendored map outlines and the coverage of the sources."""
    geography = commands.add_parser("geography", help="regenerate the vendored map outlines")
    geography.add_argument("package", type=Path, help="world-atlas 2.0.2 tarball (npm pack)")
    geography.set_defaults(run=cmd_geography)
    coverage = commands.add_parser("coverage", help="which source sentences records carry")
    coverage.add_argument("--all", action="store_true", help="list carried and excluded sentences too")
    coverage.set_defaults(run=cmd_coverage)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="defence_kb", description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO_ROOT / "data", help="data folder")
    commands = parser.add_subparsers(dest="command", required=True)

    for add_commands in (_data_commands, _site_commands, _measure_commands, _maintenance_commands):
        add_commands(commands)

    args = parser.parse_args(argv)
    args.data = args.data.resolve()
    try:
        return int(args.run(args))
    except InputError as error:
        return _report(error.problems)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
