"""The fourth round of text-path speed-ups gives what the formulations they replaced give.

Each test copies the formulation a fast path replaced and checks both on
arbitrary input: `split_blocks` collapsing runs of spaces with one pattern
over the whole text, looking for the rare spaces (U+2000 to U+200A, U+3000,
...), line ends and invisible characters in the lines that are not ASCII
only, and counting gaps from the lines' indices, the
character tests of `split_blocks` and `repair_mojibake` written out,
the page scan's ticker lines listed rather than generated, and an answer's
speaker given without `_Reader.speaker` when no name labels it.
"""

from __future__ import annotations

import re
from itertools import chain, compress, count, repeat
from operator import sub

from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse.blocks import Block, _has_invisible, _has_odd_newline, split_blocks
from interfax_parse.body import _Reader
from interfax_parse.decode import _LEADS, _has_lead
from interfax_parse.grammar.labels import match_label
from test_speed_equivalence_text import _BODY_TEXTS

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_ODD_SPACES = "\xa0\t\x0b\x0c\x1c\x1d\x1e\x1f\u1680\u202f\u205f" + "".join(
    chr(code) for code in range(0x2000, 0x200B)
)

# Text made mostly of spaces of every kind, line breaks and a few letters.
_SPACY = st.text(
    st.sampled_from(list("  \n\n\r\x85\xa0\t\u2000\u3000\u2009\u1680\u202f\u2028\u200b\ufeffab—’é"))
)
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


@given(_TEXT)
@example("a\u2029b\ufeff")
def test_written_out_character_tests_equal_the_generators(text: str) -> None:
    assert _has_odd_newline(text) == any(c in text for c in ("\r", "\u2028", "\u2029", "\x85"))
    invisible = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
    assert _has_invisible(text) == any(c in text for c in invisible)


_MOJIBAKE = st.text(st.sampled_from(list("ÂÃÄÅâвЂ„€™©\x9d ’—ab")))


@given(st.one_of(st.text(), _MOJIBAKE))
@example("Russiaâ€™s")
def test_mojibake_lead_test_equals_the_generator(text: str) -> None:
    assert _has_lead(text) == any(char in text for char in _LEADS)


@given(
    st.lists(st.tuples(_BODY_TEXTS, st.integers(0, 1)), max_size=20),
    st.sampled_from([None, "Sergei Lavrov: We will see", "A title"]),
)
@example([("Question: Why?", 0), ("Answer: Because.", 0), ("Lavrov: Yes.", 0)], None)
def test_turn_speakers_equal_the_reader_speaker(
    body: list[tuple[str, int]], title: str | None
) -> None:
    """Every labelled turn's speaker is what `_Reader.speaker` gives for it."""
    blocks = tuple(Block(text, n, gap) for n, (text, gap) in enumerate(body, start=1))
    reader = _Reader(title, match_label)
    reader.feed_all(blocks)
    reader.split_off_teasers()
    turns = reader.finish().turns  # which may add answers to questions (`infer_answers`)
    expected = [reader.speaker(turn, reader.people()) for turn in reader.turns]
    assert [turn.speaker for turn in turns[len(turns) - len(expected) :]] == expected
