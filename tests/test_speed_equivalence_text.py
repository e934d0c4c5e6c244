"""The third round of text-path speed-ups gives what the formulations they replaced give.

Each test copies the plain formulation a fast path replaced and checks both
on arbitrary input: the old site's chrome signals tested in C over the
blocks' texts, and records built field by field through their slots
(`interfax_parse.templates.base.slot_setters`) rather than by attrs' keyword
``__init__``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse.blocks import Block
from interfax_parse.grammar.ticker import TickerLine, to_datetime
from interfax_parse.model import Headline, RelatedItem
from interfax_parse.templates.base import slot_setters
from interfax_parse.templates.oldsite import (
    _DIGITS_PROMPT,
    FORM_INTRO,
    NAVIGATION,
    chrome_signals,
    read_headlines,
)
from interfax_parse.templates.scan import scan_page

# Lines of what the old site's chrome is made of, and of anything else.
_CHROME_LINES = st.sampled_from(
    [
        *sorted(NAVIGATION),
        FORM_INTRO,
        _DIGITS_PROMPT,
        f"{_DIGITS_PROMPT} | Interviews | A title...",
        "| Interviews | A title",
        "Interviews | ",
        "Interviews |",
        "x Interviews | y",
        "02/25 18:44 Rail grows",
        "July 01, 2016",
        "Question: Why?",
    ]
) | st.text(max_size=20)
_BREADCRUMB = re.compile(r"(?:\A|\s)\|?\s*Interviews \| (.*)\Z")


def _reference_signals(blocks: Sequence[Block]) -> dict[str, bool]:
    scan = scan_page(blocks)
    return {
        "navigation": any(b.text in NAVIGATION for b in blocks[:12]),
        "ticker": scan.has_ticker_before(60),
        "form": any(b.text == FORM_INTRO or b.text.startswith(_DIGITS_PROMPT) for b in blocks),
        "breadcrumb": any(_BREADCRUMB.search(b.text) for b in blocks[:80]),
        "date": scan.long_date_before(90) is not None,
    }


@given(st.lists(_CHROME_LINES, max_size=100))
@example(["x"] * 12 + ["Customer Login"])
@example(["x"] * 80 + ["| Interviews | A"])
@example(["x"] * 79 + ["| Interviews | A"])
def test_chrome_signals_equal_block_by_block_tests(lines: list[str]) -> None:
    blocks = tuple(Block(text, number, 0) for number, text in enumerate(lines, start=1))
    assert chrome_signals(blocks) == _reference_signals(blocks)


_TICKER_LINES = st.builds(
    TickerLine,
    st.text(max_size=11),
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
    st.text(max_size=20),
    st.none() | st.integers(1, 9),
)


@given(st.lists(_TICKER_LINES, max_size=20), st.none() | st.integers(1990, 2030))
@example([TickerLine("02/29 10:00", 2, 29, 10, 0, "Leap", None)], 2021)
def test_headlines_equal_keyword_built_ones(lines: list[TickerLine], year: int | None) -> None:
    """`read_headlines` builds its records through their slots: they equal
    the keyword-built ones in every field, the missing day's None included."""
    headlines, _, _ = read_headlines([(line, 1) for line in lines], year)
    years = [h.published.year if h.published else None for h in headlines]
    expected = tuple(
        Headline(
            text=line.text,
            stamp=line.stamp,
            month=line.month,
            day=line.day,
            hour=line.hour,
            minute=line.minute,
            published=to_datetime(line, y) if y is not None else None,
            part=line.part,
        )
        for line, y in zip(lines, years, strict=True)
    )
    assert headlines == expected
    assert [attrs.asdict(h, recurse=False) for h in headlines] == [
        attrs.asdict(h, recurse=False) for h in expected
    ]


def test_slot_setters_refuse_what_the_shortcut_would_skip() -> None:
    with pytest.raises(TypeError):
        slot_setters(RelatedItem, "summary", "interviewee")  # not every field
    with pytest.raises(TypeError):
        slot_setters(RelatedItem, "interviewee", "summary", "title", "url")  # not in order

    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    with pytest.raises(TypeError):
        slot_setters(Checked, "value")
