"""bom.py: a byte-order mark at the start of a file is removed."""

from __future__ import annotations

from defence_kb.fix import bom


def test_the_byte_order_mark_goes() -> None:
    assert bom.fix_text("\ufeffid: a\n") == "id: a\n"
    assert bom.fix_text("id: a\ufeff\n") == "id: a\ufeff\n"  # only at the start: elsewhere it is text
