"""Reading and writing a data file safely: only a regular file, never through a symbolic link,
and never more than the size cap plus one byte.

A link to /dev/zero reports a size of 0 and never ends; a link to a file outside the
repository would be read into the site, and `make fix` would rewrite that file. A folder or
a FIFO named `x.yml` is not a file at all. Each is refused, with the path and what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..problems import Problem

LINK = (
    "đây là liên kết tượng trưng (symbolic link), không phải tệp: đặt chính tệp dữ liệu vào đây "
    "(không dùng liên kết) hoặc xóa liên kết"
)
FOLDER = "đây là một thư mục, không phải tệp dữ liệu: đổi tên thư mục (bỏ đuôi “{suffix}”) hoặc xóa nó"
SPECIAL = (
    "đây không phải tệp thường (mà là ống dẫn FIFO, thiết bị hay socket): xóa nó và đặt một tệp "
    "văn bản .yml vào đây"
)
TOO_LARGE = "tệp quá lớn ({megabytes:.1f} MB); một tệp dữ liệu tối đa {limit} MB: tách thành nhiều bản ghi"
_NO_FOLLOW = os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def entry_kind_problem(path: Path, mode: int) -> str | None:
    """What is wrong with an entry of `mode` (from lstat) where a data file should be."""
    if stat.S_ISLNK(mode):
        return LINK
    if stat.S_ISDIR(mode):
        return FOLDER.format(suffix=path.suffix)
    if not stat.S_ISREG(mode):
        return SPECIAL
    return None


def _open_problem(path: Path, error: OSError) -> Problem:
    if error.errno == errno.ELOOP:  # became a link after it was looked at
        return Problem(path, 1, 1, LINK)
    return Problem(path, 1, 1, f"không đọc được tệp: {error.strerror}")


def read_capped(path: Path, limit: int) -> tuple[bytes | None, list[Problem]]:
    """A regular file's bytes, if it has at most `limit` of them; else why not."""
    try:
        kind = entry_kind_problem(path, os.lstat(path).st_mode)
        if kind:
            return None, [Problem(path, 1, 1, kind)]
        descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except OSError as error:
        return None, [_open_problem(path, error)]
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        kind = entry_kind_problem(path, status.st_mode)
        if kind:
            return None, [Problem(path, 1, 1, kind)]
        raw = file.read(limit + 1)
    if len(raw) > limit:
        size = max(status.st_size, len(raw))
        message = TOO_LARGE.format(megabytes=size / 1_000_000, limit=limit // 1_000_000)
        return None, [Problem(path, 1, 1, message)]
    return raw, []


def write_regular_file(path: Path, text: str) -> list[Problem]:
    """Rewrite a regular file in place (UTF-8, "\\n" line ends); never through a link."""
    try:
        descriptor = os.open(path, os.O_WRONLY | _NO_FOLLOW)
    except OSError as error:
        return [_open_problem(path, error)]
    with os.fdopen(descriptor, "wb") as file:
        kind = entry_kind_problem(path, os.fstat(file.fileno()).st_mode)
        if kind:
            return [Problem(path, 1, 1, kind)]
        file.truncate(0)
        file.write(text.encode("utf-8"))
    return []
