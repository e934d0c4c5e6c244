"""Text to blocks: the one structure every template reads.

A page is a sequence of non-blank lines (blocks). Each block remembers its
line number and how many blank lines stood before it (its *gap*), which is
how the layout separates paragraphs (one blank line) from sections (two or
more). Line endings, non-breaking and other odd spaces are normalised here,
once, so templates never see them.
"""

from __future__ import annotations

import re
from itertools import chain, compress, count, filterfalse, repeat
from operator import sub
from typing import NamedTuple

__all__ = ["Block", "normalize_space", "split_blocks"]

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Characters that print nothing: zero-width spaces and joiners, BOMs.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Every character `str.split()` treats as white space inside a line, except the
# ASCII space, is replaced by a space, when present (a C-level pass each). The
# common ones (NBSP, ASCII controls) are looked for in the whole text.
_ODD_SPACES = ("\xa0", "\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
# The others are rare, and none is ASCII: they are looked for in the lines that
# are not ASCII only (profiled: sixteen scans of a whole two-byte page, two of
# them character by character as U+2000 and U+3000 end in a zero byte, were a
# fifth of `split_blocks`).
_RARE_SPACES = tuple(
    "\u1680\u202f\u205f\u3000" + "".join(chr(code) for code in range(0x2000, 0x200B))
)
# Two spaces or more, collapsed over the whole text in one pass: a pattern
# opening with a literal pair is searched for about twice as fast as `str.find`
# looks for ``"  "`` (profiled: ``"  " in line`` on every line, then a
# `str.replace` loop, was a fifth of `split_blocks`).
_SPACE_RUN = re.compile("   *")
_new_block = tuple.__new__  # `Block._make` without its Python frame


class Block(NamedTuple):
    """One non-blank line of a page, normalised."""

    text: str
    """The line with spaces collapsed and ends stripped."""
    line: int
    """Its 1-based line number in the page."""
    gap: int
    """How many blank lines stood directly before it."""


def normalize_space(text: str) -> str:
    """Collapse every run of white space (NBSP and the other Unicode spaces
    included) to one space, drop zero-width characters, strip the ends.

    >>> normalize_space(" a\\xa0 b\\u200b\\tc ")
    'a b c'
    """
    if _has_invisible(text):
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


# The tests below are written out, one C scan (`in`) per character: a
# generator over a tuple of the characters cost half a microsecond more per
# text (profiled), and they are made on every text `normalize_space` is given
# and on every page `split_blocks` reads.
def _has_invisible(text: str) -> bool:
    """Whether `text` holds a character `_INVISIBLE` removes."""
    return (
        "\u200b" in text
        or "\u200c" in text
        or "\u200d" in text
        or "\u2060" in text
        or "\ufeff" in text
    )


def _has_odd_newline(text: str) -> bool:
    """Whether `text` holds a line end `_NEWLINES` turns into ``\\n``."""
    return "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text


def split_blocks(text: str) -> list[Block]:
    """Split a page's text into blocks, dropping blank lines into the gaps.

    >>> [(b.text, b.gap) for b in split_blocks("a\\r\\n\\r\\n\\xa0\\nb  c\\n")]
    [('a', 0), ('b c', 2)]
    """
    # Whole-text passes only where needed; `str.split()` does the rest in C.
    if "\r" in text:  # the other line ends are not ASCII: see below
        text = _NEWLINES.sub("\n", text)
    # Odd spaces become plain spaces with `str.replace` (a C loop per kind),
    # so runs of spaces collapse in one pass and each line needs only `strip`;
    # `" ".join(line.split())` per line costs several times more (profiled).
    for char in _ODD_SPACES:
        if char in text:
            text = text.replace(char, " ")
    lines = _lines(text)
    if not text.isascii():
        # A line is a copy in the narrowest form that holds it, so on a page
        # made two-byte by a few dashes or quotes most lines are ASCII and
        # only the others need searching (`isascii` costs nothing) for the
        # rare spaces, line ends and invisible characters, none of them ASCII.
        # One found, the lines are made again from the text normalised.
        wide = "\n".join(filterfalse(str.isascii, lines))
        rare = [char for char in _RARE_SPACES if wide.rfind(char) >= 0]
        if rare or _has_odd_newline(wide) or _has_invisible(wide):
            if _has_odd_newline(text):
                text = _NEWLINES.sub("\n", text)
            if _has_invisible(text):
                text = _INVISIBLE.sub("", text)
            for char in rare:
                text = text.replace(char, " ")
            lines = _lines(text)
    # Block `i` stands at line `numbers[i]`; its gap is the count of blank lines
    # since the block before it: its index among the lines (`numbers[i] - 1`)
    # less the line of the block before. All in C: a loop over the lines costs
    # more, and a second pass over them less than subtracting 1 per block.
    numbers = list(compress(count(1), lines))
    gaps = map(sub, compress(count(0), lines), chain((0,), numbers))
    texts = filter(None, lines)
    return list(map(_new_block, repeat(Block), zip(texts, numbers, gaps, strict=True)))


def _lines(text: str) -> list[str]:
    """The lines of a text whose spaces are all plain: runs collapsed, ends stripped."""
    return list(map(str.strip, _SPACE_RUN.sub(" ", text).split("\n"), repeat(" ")))
