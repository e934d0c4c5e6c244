"""Text to blocks: the one structure every template reads.

A page is a sequence of non-blank lines (blocks). Each block remembers its
line number and how many blank lines stood before it (its *gap*), which is
how the layout separates paragraphs (one blank line) from sections (two or
more). Line endings, non-breaking and other odd spaces are normalised here,
once, so templates never see them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Block", "normalize_space", "split_blocks"]

# Every horizontal space a rendering may print, NBSP and the Unicode spaces
# included, collapsed to one ASCII space.
_SPACES = re.compile(r"[ \t\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Characters that print nothing: zero-width spaces and joiners, BOMs.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


class Block(NamedTuple):
    """One non-blank line of a page, normalised."""

    text: str
    """The line with spaces collapsed and ends stripped."""
    line: int
    """Its 1-based line number in the page."""
    gap: int
    """How many blank lines stood directly before it."""


def normalize_space(text: str) -> str:
    """Collapse every run of horizontal space to one space and strip the ends."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def split_blocks(text: str) -> list[Block]:
    """Split a page's text into blocks, dropping blank lines into the gaps.

    >>> [(b.text, b.gap) for b in split_blocks("a\\r\\n\\r\\n\\xa0\\nb  c\\n")]
    [('a', 0), ('b c', 2)]
    """
    # Normalise the whole text at once (one pass per pattern, not per line).
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    blocks: list[Block] = []
    append = blocks.append
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" ")
        if line:
            append(Block(line, number, gap))
            gap = 0
        else:
            gap += 1
    return blocks
