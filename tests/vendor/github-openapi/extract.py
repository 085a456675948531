"""Extract from GitHub's published OpenAPI description the operations the proposal form
calls, with every component they reference, into operations.json beside this file.

Usage: python extract.py path/to/api.github.com.json

The input is the description for api.github.com as published by github/rest-api-description
(here taken from the npm package @octokit/openapi, which redistributes it under MIT; see
README.md). Only the operations listed below are kept, unchanged; nothing is added.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# (path, method) of every request docs/assets/propose/github_api.js makes.
OPERATIONS = [
    ("/user", "get"),
    ("/repos/{owner}/{repo}", "get"),
    ("/repos/{owner}/{repo}/forks", "post"),
    ("/repos/{owner}/{repo}/git/ref/{ref}", "get"),
    ("/repos/{owner}/{repo}/git/commits/{commit_sha}", "get"),
    ("/repos/{owner}/{repo}/git/blobs", "post"),
    ("/repos/{owner}/{repo}/git/trees", "post"),
    ("/repos/{owner}/{repo}/git/commits", "post"),
    ("/repos/{owner}/{repo}/git/refs", "post"),
    ("/repos/{owner}/{repo}/pulls", "post"),
]


def references(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["$ref"]] if isinstance(value.get("$ref"), str) else []
        return found + [ref for item in value.values() for ref in references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    return []


def extract(description: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path, method in OPERATIONS:
        paths.setdefault(path, {})[method] = description["paths"][path][method]
    components: dict[str, dict[str, Any]] = {}
    pending = references(paths)
    while pending:
        ref = pending.pop()
        _, _, kind, name = ref.split("/", 3)
        if name in components.get(kind, {}):
            continue
        value = description["components"][kind][name]
        components.setdefault(kind, {})[name] = value
        pending.extend(references(value))
    return {
        "openapi": description["openapi"],
        "info": description["info"],
        "servers": description["servers"],
        "paths": paths,
        "components": {kind: dict(sorted(items.items())) for kind, items in sorted(components.items())},
    }


def main() -> None:
    description = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(__file__).with_name("operations.json")
    out.write_text(json.dumps(extract(description), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
