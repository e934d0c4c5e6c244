"""The reading round's fast paths give what the formulations they replaced give.

Each test copies the formulation a fast path replaced and checks both on
arbitrary input: a standard label looked up whole before its pattern;
a link's text without a closing parenthesis taken as its headline text
without lending it a stamp; links attached with the records copied through their slots, a headline's
candidate links tested for its text before their own is parsed, and the
interview given its links by `slot_copier` rather than `attrs.evolve`; the
body's zones added once at the end of its loop, from any reader state.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse import links, parse_text
from interfax_parse.api import choose_template
from interfax_parse.body import _Reader
from interfax_parse.grammar.labels import (
    _CANDIDATE,
    _STANDARD,
    _STANDARD_ROLE,
    LabelMatch,
    match_label,
)
from interfax_parse.grammar.ticker import parse_ticker_line
from interfax_parse.html import read_html
from interfax_parse.model import Headline, Interview, RelatedItem
from interfax_parse.templates.base import Link, Page, Reading, Zone, slot_copier
from interfax_parse.templates.registry import get_template
from interfax_parse.testing.archives import interview_pages
from interfax_parse.testing.html import render_html
from test_speed_equivalence_text import _BODIES, _TITLES, _blocks, _reference_feed_all, _state

# Label heads in every case, with the characters case-insensitive matching
# folds onto their letters (long s, dotless and dotted i).
_HEADS = st.sampled_from(
    (
        "Question Answer Q. A. Q A Interfax QUESTION answer q. a INTERFAX interfax QuEsTiOn "
        "Queſtion Interİax ınterfax Lavrov Q.."
    ).split(),
)
_HEADS |= st.sampled_from(["Mr. Lee", "Question ", "Q. ", "", "Answer\n"])
_AFTER = st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000ab.:Q")))


def _previous_match_label(text: str) -> LabelMatch | None:
    """`match_label` before the standard labels were looked up whole."""
    if text.find(":", 0, 80) < 0:
        return None
    match = _STANDARD.match(text)
    if match is not None:
        label = match.group(1)
        return LabelMatch(label, match.group(2) or "", _STANDARD_ROLE[label.lower()])
    match = _CANDIDATE.match(text)
    if match is not None:
        return LabelMatch(match.group(1), match.group(2) or "", None)
    return None


@given(st.builds("{}:{}".format, _HEADS, _AFTER) | st.text())
@example("Question: What next?")
@example("Answer:")
@example("Q.:\n\nYes")
@example("A: one\ntwo")
@example("Interfax:x")
@example("Answer: \x1c")
def test_label_looked_up_whole_equals_the_patterns(text: str) -> None:
    assert match_label(text) == _previous_match_label(text)


def _previous_headline(headline: Headline, candidates: Sequence[Link]) -> Headline:
    """`links._headline` as it stood: every candidate's text parsed, a keyword-built copy."""
    if len(candidates) == 1:
        link: Link | None = candidates[0]
    else:
        named = [c for c in candidates if links._headline_text(c.text) == headline.text]
        link = named[0] if named else links._pick(candidates, headline.text)
    if link is None:
        return headline
    return attrs.evolve(headline, url=link.href)


def _previous_attach_links(interview: Interview, page: Page, reading: Reading) -> Interview:
    """`links.attach_links` as it stood (`attrs.evolve` for every copy)."""
    if not page.links or len(reading.zones) != len(page.blocks):
        return interview
    on_line: dict[int, list[Link]] = {}
    for link in page.links:
        if link.line is not None:
            on_line.setdefault(link.line, []).append(link)
    ticker = links._in_zone(page, reading.zones, Zone.TICKER)
    teasers = links._in_zone(page, reading.zones, Zone.RELATED)
    changes: dict[str, object] = {}
    if len(ticker) == len(interview.headlines) and ticker:
        changes["headlines"] = tuple(
            _previous_headline(headline, on_line.get(block.line, ()))
            if headline.stamp in block.text and headline.text in block.text
            else headline
            for headline, block in zip(interview.headlines, ticker, strict=True)
        )
    if len(teasers) == len(interview.related) and teasers:
        changes["related"] = tuple(
            _previous_related(item, on_line.get(block.line, ()))
            if block.text == item.summary
            else item
            for item, block in zip(interview.related, teasers, strict=True)
        )
    return attrs.evolve(interview, **changes) if changes else interview  # type: ignore[arg-type]


def _previous_related(item: RelatedItem, candidates: Sequence[Link]) -> RelatedItem:
    link = links._pick(candidates, item.summary, item.summary)
    if link is None:
        return item
    title = link.title
    if title is None and link.text and link.text != item.summary:
        title = link.text
    return attrs.evolve(item, title=title, url=link.href)


_STAMPS = st.sampled_from(["02/25 18:44", "01/01 00:00", "13/40 25:61", "2/5 1:4", ""])
_HEADLINE_TEXTS = st.sampled_from(["Rail grows", "Rail", "grows (Part 2)", "", "a\nb", " "])
_LINK_TEXTS = st.builds(
    "{}{}{}{}".format,
    _STAMPS,
    st.sampled_from([" ", "\xa0 ", ""]),
    _HEADLINE_TEXTS,
    st.sampled_from(["", " (Part 2)", "(part 3)", " (Part x)", ")"]),
)


@given(
    st.builds(
        Headline,
        text=_HEADLINE_TEXTS | st.text(max_size=6),
        stamp=_STAMPS,
        month=st.just(2),
        day=st.just(25),
        hour=st.just(18),
        minute=st.just(44),
    ),
    st.lists(st.builds(Link, text=_LINK_TEXTS | st.text(max_size=6), href=st.text(max_size=3))),
)
def test_headline_links_equal_previous_formulation(
    headline: Headline, candidates: list[Link]
) -> None:
    assert links._headline(headline, candidates) == _previous_headline(headline, candidates)


def _readings(count: int) -> list[tuple[Page, Reading]]:
    """Pages rendered as HTML with links on headlines and teasers (every other
    page without its teasers, or its headlines), and their readings."""
    found = []
    rng = random.Random(7)
    for index, (url, text) in enumerate(interview_pages(count)):
        interview = parse_text(text, url=url)
        if index % 2:
            kept = {"headlines": ()} if index % 4 == 1 else {"related": ()}
            interview = attrs.evolve(interview, **kept)  # type: ignore[arg-type]
            text = get_template(interview.template).render(interview)
            interview = parse_text(text, url=url)
        html = render_html(text, rng, interview=interview, url=url).html
        page = read_html(html, url=url).page
        found.append((page, choose_template(page)[0].read(page)))
    return found


def test_links_of_rendered_pages_equal_previous_formulation() -> None:
    linked = 0
    for page, reading in _readings(16):
        interview = reading.interview
        new = links.attach_links(interview, page, reading)
        assert new == _previous_attach_links(interview, page, reading)
        assert repr(new) == repr(_previous_attach_links(interview, page, reading))
        linked += sum(headline.url is not None for headline in new.headlines)
    assert linked > 40


@given(st.data())
def test_slot_copier_equals_evolve(data: st.DataObject) -> None:
    interview = data.draw(
        st.builds(
            Interview,
            template=st.text(max_size=3),
            title=st.none() | st.text(max_size=3),
            headlines=st.lists(st.builds(Headline, text=st.text(max_size=2))).map(tuple),
            capture_year=st.none() | st.integers(),
            truncated=st.booleans(),
        )
    )
    fields = [field.name for field in attrs.fields(Interview)]
    names = data.draw(st.lists(st.sampled_from(fields), unique=True))
    values = [data.draw(st.just(()) | st.none() | st.text(max_size=2)) for _ in names]
    copied = slot_copier(Interview, *names)(interview, *values)
    changes: dict[str, Any] = dict(zip(names, values, strict=True))
    assert copied == attrs.evolve(interview, **changes)
    assert type(copied) is Interview


@given(_BODIES, _BODIES, _TITLES)
def test_body_read_in_two_parts_equals_block_by_block_reading(
    first: list[tuple[str, int]], second: list[tuple[str, int]], title: str | None
) -> None:
    """`feed_all` on a reader that has read a first part (with or without a
    lede, turns or teasers) reads the rest as the first formulation."""
    new, old = _Reader(title, match_label), _Reader(title, match_label)
    _reference_feed_all(new, _blocks(first))
    _reference_feed_all(old, _blocks(first))
    new.feed_all(_blocks(second))
    _reference_feed_all(old, _blocks(second))
    assert _state(new) == _state(old)


def _previous_headline_text(text: str) -> str:
    """`links._headline_text` as it stood: a stamp lent to every other text."""
    line = parse_ticker_line(text)
    if line is not None:
        return line.text
    line = parse_ticker_line(f"01/01 00:00 {text}")
    return line.text if line is not None else text


@given(_LINK_TEXTS | st.text(st.sampled_from(list("0123456789/: ()Partx\n")), max_size=24))
@example("Rail grows (Part 2)")
@example("Rail grows\n(Part 2)")
@example("(Part 2)")
@example("")
def test_headline_text_equals_previous_formulation(text: str) -> None:
    assert links._headline_text(text) == _previous_headline_text(text)
