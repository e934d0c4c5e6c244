"""The fourth round of text-path speed-ups gives what the formulations they replaced give.

Each test copies the formulation a fast path replaced and checks both on
arbitrary input: `split_blocks` collapsing runs of spaces with one pattern
over the whole text and counting gaps from the lines' indices.
"""

from __future__ import annotations

import re
from itertools import chain, compress, count, repeat
from operator import sub

from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse.blocks import Block, split_blocks

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_ODD_SPACES = "\xa0\t\x0b\x0c\x1c\x1d\x1e\x1f\u1680\u202f\u205f" + "".join(
    chr(code) for code in range(0x2000, 0x200B)
)

# Text made mostly of spaces of every kind, line breaks and a few letters.
_SPACY = st.text(st.sampled_from(list("  \n\n\r\xa0\t\u2000\u3000\u2028\u200bab—’")))
_TEXT = st.one_of(st.text(), _SPACY)


def _collapse(line: str) -> str:
    while "  " in line:
        line = line.replace("  ", " ")
    return line


def _previous_blocks(text: str) -> list[Block]:
    """`split_blocks` as the third round left it: each line tested for a
    double space, the gaps counted from the line numbers less one."""
    text = _INVISIBLE.sub("", _NEWLINES.sub("\n", text))
    for char in _ODD_SPACES + "\u3000":
        text = text.replace(char, " ")
    lines = [_collapse(raw) if "  " in raw else raw for raw in text.split("\n")]
    lines = list(map(str.strip, lines, repeat(" ")))
    numbers = list(compress(count(1), lines))
    gaps = map(sub, map((-1).__add__, numbers), chain((0,), numbers))
    texts = filter(None, lines)
    return [Block(*fields) for fields in zip(texts, numbers, gaps, strict=True)]


@given(_TEXT)
@example("a \xa0  b\n\n\n  c   d  \n \n e")
@example("\u2000\u3000x\xa0\xa0\xa0y\n")
def test_split_blocks_equals_line_by_line_collapse(text: str) -> None:
    assert split_blocks(text) == _previous_blocks(text)
