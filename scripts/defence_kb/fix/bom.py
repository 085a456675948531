"""No byte-order mark: some Windows editors start a UTF-8 file with one, which the loader
refuses (it is invisible, and YAML tools disagree about it)."""

from __future__ import annotations

MESSAGE = "bỏ dấu BOM ở đầu tệp"
BOM = "\ufeff"


def fix_text(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text
