"""A Markdown extension (listed in mkdocs.yml) that passes the pictures through unparsed.

Python-Markdown reads every raw HTML block with Python's HTMLParser, tag by tag; an SVG
picture has hundreds of tags, which made an entity page several times slower to convert.
A block between `<!--kb-raw-->` and `<!--/kb-raw-->` lines is put aside (Markdown's HTML
stash) before that step and comes back unchanged in the page. Without the extension the
markers are comments and the block is ordinary raw HTML: the page is the same.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

START = "<!--kb-raw-->"
END = "<!--/kb-raw-->"
_BLOCK = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.S)


def raw_block(html: str) -> str:
    """`html` (one block, no blank line inside) marked to pass through Markdown unparsed."""
    return f"{START}\n{html}\n{END}"


class _RawBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        stash = self.md.htmlStash

        def put_aside(match: re.Match[str]) -> str:
            return "\n\n" + stash.store(match.group(1)) + "\n\n"

        return _BLOCK.sub(put_aside, text).split("\n")


class RawBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before raw HTML is parsed (20).
        md.preprocessors.register(_RawBlocks(md), "kb_raw_blocks", 25)


def makeExtension(**kwargs: object) -> RawBlocksExtension:
    return RawBlocksExtension(**kwargs)
