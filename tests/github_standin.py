"""A stand-in for GitHub's REST API on 127.0.0.1, held to GitHub's own contract.

Every request is checked against the operations vendored from GitHub's OpenAPI description
(tests/vendor/github-openapi/operations.json): the path and method must be an operation
there, the body must satisfy its request schema (required fields, types, enums), and the
headers must be those GitHub asks for (a token in Authorization, Accept
application/vnd.github+json, X-GitHub-Api-Version). A request that breaks the contract is
recorded in `violations` and answered 400. Answers use the description's own examples,
with the status codes it lists; an error a test asks for (`fail`) is answered as GitHub
answers it, rate limits with their x-ratelimit headers.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

DESCRIPTION = json.loads(
    (Path(__file__).parent / "vendor" / "github-openapi" / "operations.json").read_text(encoding="utf-8")
)
API_VERSION = "2022-11-28"
# The headers a browser may send and read across origins, as api.github.com allows them.
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type, X-GitHub-Api-Version",
    "Access-Control-Allow-Methods": "GET, POST, PATCH, PUT, DELETE",
    "Access-Control-Expose-Headers": "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After",
}


def _pattern(template: str) -> re.Pattern[str]:
    # {ref} holds slashes ("heads/main"); other parameters are one segment.
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join(
        ("(?P<%s>.+)" if part == "{ref}" else "(?P<%s>[^/]+)") % part[1:-1]
        if part.startswith("{")
        else re.escape(part)
        for part in parts
    )
    return re.compile(f"^{regex}$")


OPERATIONS = [
    (_pattern(path), path, method, operation)
    for path, methods in DESCRIPTION["paths"].items()
    for method, operation in methods.items()
]


def find_operation(method: str, path: str) -> tuple[re.Match[str], str, dict[str, Any]] | None:
    """The operation of the description a request is (its path parameters, its template)."""
    for pattern, template, verb, operation in OPERATIONS:
        match = pattern.match(path)
        if match and verb == method:
            return match, template, operation
    return None


def resolve(value: Any) -> Any:
    while isinstance(value, dict) and "$ref" in value:
        _, _, kind, name = value["$ref"].split("/", 3)
        value = DESCRIPTION["components"][kind][name]
    return value


def example(operation: dict[str, Any], status: int) -> Any:
    """The description's example answer of an operation for a status (or None)."""
    response = resolve(operation["responses"].get(str(status), {}))
    content = response.get("content", {}).get("application/json", {})
    for item in content.get("examples", {}).values():
        return json.loads(json.dumps(resolve(item)["value"]))
    return None


def sha_of(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class GitHub:
    """The state of the stand-in: one upstream repository and the editor's account."""

    upstream: str = "vietnam-defence-kb/defence-kb"
    login: str = "bien-tap-vien"
    token: str = "ghp_thu_nghiem"
    fork_exists: bool = False
    fork_delay: int = 1  # GETs of the fork answered 404 after it is asked for
    fail: dict[str, tuple[int, dict[str, str]]] = field(
        default_factory=dict
    )  # operationId -> status, headers
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    blobs: dict[str, str] = field(default_factory=dict)
    trees: dict[str, dict[str, str]] = field(default_factory=dict)
    commits: dict[str, dict[str, Any]] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)  # "owner/repo:refs/heads/x" -> sha
    pulls: list[dict[str, Any]] = field(default_factory=list)
    base_sha: str = "a" * 40
    base_tree: str = "b" * 40
    forks_asked: int = 0

    @property
    def repo(self) -> str:
        return self.upstream.split("/")[1]

    def files_of(self, commit_sha: str) -> dict[str, str]:
        tree = self.trees[self.commits[commit_sha]["tree"]]
        return {path: self.blobs[sha] for path, sha in tree.items()}


def check_contract(operation: dict[str, Any], headers: Any, body: Any, token: str) -> list[str]:
    problems = []
    if headers.get("Authorization") not in (f"Bearer {token}", f"token {token}"):
        problems.append(f"Authorization: {headers.get('Authorization')!r}")
    if headers.get("Accept") != "application/vnd.github+json":
        problems.append(f"Accept: {headers.get('Accept')!r}")
    if headers.get("X-GitHub-Api-Version") != API_VERSION:
        problems.append(f"X-GitHub-Api-Version: {headers.get('X-GitHub-Api-Version')!r}")
    request_body = resolve(operation.get("requestBody"))
    if request_body:
        schema = dict(
            request_body["content"]["application/json"]["schema"], components=DESCRIPTION["components"]
        )
        problems += [f"body: {error.message}" for error in Draft7Validator(schema).iter_errors(body)]
    elif body is not None:
        problems.append("a body where the operation takes none")
    return problems


class Handler(BaseHTTPRequestHandler):
    github: GitHub

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def answer(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else json.dumps(body).encode("utf-8")
        self.send_response(status)
        for name, value in {**CORS, **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self) -> None:
        self.answer(204, None)

    def do_GET(self) -> None:
        self.handle_api("get")

    def do_POST(self) -> None:
        self.handle_api("post")

    def handle_api(self, method: str) -> None:
        github = self.github
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        github.requests.append((method.upper(), self.path, body))
        found = find_operation(method, self.path)
        if found is None:
            github.violations.append(
                f"{method.upper()} {self.path}: no such operation in GitHub's description"
            )
            self.answer(404, {"message": "Not Found"})
            return
        match, template, operation = found
        problems = check_contract(operation, self.headers, body, github.token)
        if problems:
            github.violations.append(f"{method.upper()} {template}: " + "; ".join(problems))
            self.answer(400, {"message": "; ".join(problems)})
            return
        status, answer, headers = respond(github, operation, match.groupdict(), body)
        if str(status) not in operation["responses"] and status != 429:
            github.violations.append(f"{operation['operationId']} answered {status}, not in the description")
        self.answer(status, answer, headers)


def failure(github: GitHub, operation: dict[str, Any]) -> tuple[int, Any, dict[str, str]] | None:
    if operation["operationId"] not in github.fail:
        return None
    status, headers = github.fail[operation["operationId"]]
    body = example(operation, status) or {
        "message": "Error",
        "documentation_url": "https://docs.github.com/rest",
    }
    if status == 422:
        body = {
            "message": "Validation Failed",
            "errors": [
                {"resource": "PullRequest", "code": "custom", "message": "A pull request already exists"}
            ],
            "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
        }
    elif status in (403, 429) and headers.get("x-ratelimit-remaining") == "0":
        body = {
            "message": "API rate limit exceeded",
            "documentation_url": "https://docs.github.com/rest/rate-limit",
        }
    elif status == 401:
        body = {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
    return status, body, headers


def respond(
    github: GitHub, operation: dict[str, Any], params: dict[str, str], body: Any
) -> tuple[int, Any, dict[str, str]]:
    failed = failure(github, operation)
    if failed:
        return failed
    name = operation["operationId"]
    full = f"{params.get('owner')}/{params.get('repo')}"
    fork = f"{github.login}/{github.repo}"
    if name == "users/get-authenticated":
        answer = example(operation, 200)
        answer["login"] = github.login
        return 200, answer, {}
    if name == "repos/get":
        if full == fork and not github.fork_exists:
            # A fork asked for appears after `fork_delay` more looks, as GitHub makes it later.
            if not github.forks_asked or github.fork_delay > 0:
                github.fork_delay -= 1 if github.forks_asked else 0
                return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, {}
            github.fork_exists = True
        if full not in (github.upstream, fork):
            return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, {}
        answer = example(operation, 200)
        answer.update(full_name=full, name=params["repo"], default_branch="main", fork=full == fork)
        answer["owner"]["login"] = params["owner"]
        return 200, answer, {}
    if name == "repos/create-fork":
        github.forks_asked += 1
        answer = example(operation, 202)
        answer.update(full_name=fork, name=github.repo)
        answer["owner"]["login"] = github.login
        return 202, answer, {}
    return git_data(github, operation, params, body, full)


def git_data(
    github: GitHub, operation: dict[str, Any], params: dict[str, str], body: Any, full: str
) -> tuple[int, Any, dict[str, str]]:
    name = operation["operationId"]
    answer = example(operation, 201 if operation["responses"].get("201") else 200)
    if name == "git/get-ref":
        answer.update(ref="refs/" + params["ref"])
        answer["object"]["sha"] = github.base_sha
    elif name == "git/get-commit":
        answer.update(sha=params["commit_sha"])
        answer["tree"]["sha"] = github.base_tree
    elif name == "git/create-blob":
        sha = sha_of(body["content"])
        github.blobs[sha] = body["content"]
        answer.update(sha=sha)
    elif name == "git/create-tree":
        entries = {item["path"]: item["sha"] for item in body["tree"]}
        sha = sha_of(json.dumps([body.get("base_tree"), entries]))
        github.trees[sha] = entries
        answer.update(sha=sha)
    elif name == "git/create-commit":
        sha = sha_of(json.dumps(body))
        github.commits[sha] = body
        answer.update(sha=sha)
    elif name == "git/create-ref":
        if body["sha"] not in github.commits:
            return (
                422,
                {"message": "Object does not exist", "documentation_url": "https://docs.github.com/rest"},
                {},
            )
        github.refs[f"{full}:{body['ref']}"] = body["sha"]
        answer.update(ref=body["ref"])
        answer["object"]["sha"] = body["sha"]
    elif name == "pulls/create":
        github.pulls.append(body)
        number = len(github.pulls)
        answer.update(number=number, html_url=f"https://github.com/{full}/pull/{number}", title=body["title"])
    return (201 if operation["responses"].get("201") else 200), answer, {}


@contextmanager
def serve_github(github: GitHub) -> Iterator[str]:
    handler = type("BoundHandler", (Handler,), {"github": github})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
