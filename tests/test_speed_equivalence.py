"""The fast paths give exactly what the plain formulations they replaced give.

`split_blocks` normalises lines with `str.replace` and `strip` instead of
``" ".join(line.split())``, and `lede_subject` finds the last sentence end
from the punctuation marks instead of a lookbehind regex split; both are
checked against the original formulation on arbitrary text.
"""

from __future__ import annotations

import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse import parse, to_dict
from interfax_parse.batch import Options, PageTask, run
from interfax_parse.blocks import Block, split_blocks
from interfax_parse.grammar.names import _last_sentence
from interfax_parse.testing.archives import interview_pages

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"”’]{2}[.!?])\s+|(?<=[a-z]{2}[.!?][\"”’])\s+")

# Text made mostly of the characters that matter here: every kind of white
# space, sentence marks, quotes, letters and digits.
_CHARS = st.sampled_from(
    list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2009\u200a\u200b\u2028\u202f\u3000")
    + list('.!?"”’)aAbz09,')
)
_TEXT = st.one_of(st.text(), st.text(_CHARS))


def _reference_blocks(text: str) -> list[Block]:
    text = _INVISIBLE.sub("", _NEWLINES.sub("\n", text))
    blocks: list[Block] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if line:
            blocks.append(Block(line, number, gap))
            gap = 0
        else:
            gap += 1
    return blocks


@given(_TEXT)
@example("a\xa0 \u3000b\t\tc  \n\n  d ")
def test_split_blocks_equals_split_and_join(text: str) -> None:
    assert split_blocks(text) == _reference_blocks(text)


@given(_TEXT)
@example('He said so." Then ab.  The envoy')
@example("In 2019. A (b). C")
def test_last_sentence_equals_lookbehind_split(text: str) -> None:
    assert _last_sentence(text) == _SENTENCE_END.split(text)[-1]


def test_workers_encode_the_same_json_lines() -> None:
    """``Options(encode=True)`` gives each interview as the JSON line the
    writer would have written, with one and with two processes."""
    pages = [PageTask(source=url, data=text.encode()) for url, text in interview_pages(40)]
    expected = [json.dumps(to_dict(parse(p.data)), ensure_ascii=False) for p in pages]
    for jobs in (1, 2):
        outcomes = list(run(pages, options=Options(encode=True), jobs=jobs, chunk_size=8))
        assert [o.json for o in outcomes] == expected
        assert all(o.ok and o.interview is None for o in outcomes)
