"""Keys and merging, on generated interviews rendered as many captures.

Each generated interview (`interfax_parse.testing.strategies.interviews`) is
rendered as the captures an archive would hold (`interfax_parse.testing.
captures`): the old site in either capture-year chrome with another news
ticker, the newsroom site with the office before the title, migrated copies
that start at a turn, each cut at a random point or whole.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Sequence

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interfax_parse import Headline, Interview, ParseError, Role, Turn, WarningCode, parse_text
from interfax_parse.corpus import (
    Corpus,
    capture_of,
    fold,
    interview_key,
    key_of,
    merge,
    merge_two,
)
from interfax_parse.grammar.ticker import MOSCOW
from interfax_parse.testing.captures import migrated_page, newsroom_page, old_site_page
from interfax_parse.testing.strategies import interviews

OLD_SITE = ("interview-asp-2018", "interview-asp-2020")
# Each example renders and parses several pages of a drawn interview: a third of
# the profile's examples keeps the module at a few seconds (more with the ci and
# fuzz profiles).
FEWER = settings(
    max_examples=max(
        10, settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "default")).max_examples // 3
    )
)
YEARS = {"interview-asp-2018": (2018, 2019), "interview-asp-2020": (2020, 2024)}


def _parse(page: str) -> Interview | None:
    try:
        return parse_text(page)
    except ParseError:
        return None


def _title_end(page: str, title: str) -> int:
    """Where the title line of a rendered page ends (a cut after it keeps it whole)."""
    return page.index(f"\n{title}\n") + len(title) + 2


def ticker(year: int, day: int, count: int) -> tuple[Headline, ...]:
    """A news ticker of `count` lines on day `day` of `year`, newest first."""
    newest = dt.datetime(year, 1, 1, 23, 0, tzinfo=MOSCOW) + dt.timedelta(days=day)
    lines = []
    for number in range(count):
        when = newest - dt.timedelta(minutes=37 * number)
        lines.append(Headline.at(f"Rail freight report number {day + number} published", when))
    return tuple(lines)


@st.composite
def old_site_capture(draw: st.DrawFn, interview: Interview) -> str:
    """The old site on another day: either chrome, another ticker and capture year."""
    template = draw(st.sampled_from(OLD_SITE))
    first, last = YEARS[template]
    year = draw(st.integers(min_value=first, max_value=last))
    lines = ticker(year, draw(st.integers(0, 360)), draw(st.integers(0, 8)))
    return old_site_page(interview, template=template, headlines=lines, capture_year=year)


@st.composite
def cut(draw: st.DrawFn, page: str, *, after: int = 0) -> str:
    """`page` whole or cut at a random point at or after `after`."""
    if draw(st.booleans()):
        return page
    return page[: draw(st.integers(min_value=after, max_value=len(page)))]


@st.composite
def top_captures(draw: st.DrawFn, interview: Interview, *, keep_title: bool) -> list[str]:
    """Two to five pages of `interview` that start at its top (old site or newsroom);
    with `keep_title`, cut only after the title line."""
    pages: list[str] = []
    for _ in range(draw(st.integers(min_value=2, max_value=4))):
        if draw(st.booleans()):
            page = draw(old_site_capture(interview))
            title = interview.title
        else:
            page = newsroom_page(interview)
            title = page.split("\n")[2]
        after = _title_end(page, title) if keep_title and title else 0
        pages.append(draw(cut(page, after=after)))
    return pages


def _captures(pages: Sequence[str]) -> list[Interview]:
    return [c for c in map(_parse, pages) if c is not None]


CONTENT = (
    "title",
    "short_title",
    "published",
    "interviewee",
    "interviewee_role",
    "correspondents",
    "lede",
    "photo",
    "turns",
)


def _content(interview: Interview) -> dict[str, object]:
    return {name: getattr(interview, name) for name in CONTENT}


# -- keys -----------------------------------------------------------------------


@FEWER
@given(data=st.data())
def test_every_capture_cut_after_the_title_has_the_same_key(data: st.DataObject) -> None:
    interview = data.draw(interviews())
    captures = _captures(data.draw(top_captures(interview, keep_title=True)))
    assume(captures)
    assert {interview_key(c) for c in captures} == {interview_key(interview)}


@FEWER
@given(data=st.data())
def test_keys_differ_when_the_date_or_the_interviewee_differs(data: st.DataObject) -> None:
    first, second = data.draw(interviews()), data.draw(interviews())
    assume(first.published != second.published or _surname(first) != _surname(second))
    ones = _captures(data.draw(top_captures(first, keep_title=True)))
    twos = _captures(data.draw(top_captures(second, keep_title=True)))
    assert {interview_key(c) for c in ones}.isdisjoint(interview_key(c) for c in twos)


def _surname(interview: Interview) -> str:
    assert interview.title is not None
    return interview.title.partition(": ")[0].split()[-1]


@FEWER
@given(data=st.data())
def test_a_cut_anywhere_gives_a_whole_key_only_if_it_is_the_full_key(
    data: st.DataObject,
) -> None:
    interview = data.draw(interviews())
    page = data.draw(old_site_capture(interview))
    capture = _parse(data.draw(cut(page)))
    assume(capture is not None)
    assert capture is not None
    key = key_of(capture)
    if key.whole and key.basis.value == "title":
        assert key.value == interview_key(interview)


# -- merging --------------------------------------------------------------------


@FEWER
@given(data=st.data())
def test_merging_a_capture_with_its_own_truncations_gives_the_full_capture(
    data: st.DataObject,
) -> None:
    interview = data.draw(interviews())
    page = data.draw(old_site_capture(interview))
    full = parse_text(page)
    cuts = data.draw(st.lists(st.integers(min_value=0, max_value=len(page)), max_size=5))
    parts = _captures([page[:at] for at in cuts])
    record = merge(data.draw(st.permutations([full, *parts])))
    assert _content(record) == _content(full)
    assert record.warnings == ()
    assert (record.template, record.url, record.capture_year, record.truncated) == (
        full.template,
        full.url,
        full.capture_year,
        False,
    )
    assert set(record.captures) == {capture_of(c) for c in [full, *parts]}
    assert (record.headlines, record.related, record.unclaimed) == ((), (), ())


def _edited(interview: Interview, turn: int, word: str) -> Interview:
    """`interview` with `word` put before the first paragraph of one turn: an edit."""
    turns = list(interview.turns)
    index = turn % len(turns)
    first, *rest = turns[index].paragraphs
    turns[index] = attrs.evolve(turns[index], paragraphs=(f"{word} {first}", *rest))
    return attrs.evolve(interview, turns=tuple(turns))


@st.composite
def one_interviews_captures(draw: st.DrawFn, *, migrated: bool) -> tuple[Interview, list[str]]:
    interview = draw(interviews())
    pages = draw(top_captures(interview, keep_title=False))
    if draw(st.booleans()):  # an edited copy
        edited = _edited(interview, draw(st.integers(0, 7)), draw(st.sampled_from(("Well,", "So"))))
        pages.append(draw(cut(draw(old_site_capture(edited)))))
    if migrated and len(interview.turns) > 1:
        start = draw(st.integers(min_value=1, max_value=len(interview.turns) - 1))
        pages.append(draw(cut(migrated_page(interview, start))))
    return interview, pages


@FEWER
@given(data=st.data())
def test_folding_captures_in_any_order_gives_the_same_record(data: st.DataObject) -> None:
    """`merge_two` is commutative and associative on captures that start at the top."""
    _, pages = data.draw(one_interviews_captures(migrated=False))
    captures = _captures(pages)
    assume(len(captures) >= 2)
    first = functools.reduce(merge_two, data.draw(st.permutations(captures)))
    second = functools.reduce(merge_two, data.draw(st.permutations(captures)))
    assert first == second
    assert merge_two(first, second) == first  # idempotent


@FEWER
@given(data=st.data())
def test_merge_in_any_order_gives_the_same_record_with_migrated_copies(
    data: st.DataObject,
) -> None:
    _, pages = data.draw(one_interviews_captures(migrated=True))
    captures = _captures(pages)
    assume(captures)
    assert merge(data.draw(st.permutations(captures))) == merge(captures)


@FEWER
@given(data=st.data())
def test_a_full_capture_and_migrated_copies_merge_without_loss(data: st.DataObject) -> None:
    interview = data.draw(interviews())
    assume(len(interview.turns) > 1)
    full = parse_text(data.draw(old_site_capture(interview)))
    pages = [
        data.draw(cut(migrated_page(interview, start)))
        for start in data.draw(st.lists(st.integers(1, len(interview.turns) - 1), max_size=3))
    ]
    record = merge(data.draw(st.permutations([full, *_captures(pages)])))
    assert record.warnings == ()
    assert [t.paragraphs for t in record.turns] == [t.paragraphs for t in full.turns]
    assert [t.role for t in record.turns] == [t.role for t in full.turns]


@FEWER
@given(data=st.data())
def test_an_edit_is_reported_and_named(data: st.DataObject) -> None:
    interview = data.draw(interviews())
    turn = data.draw(st.integers(0, len(interview.turns) - 1))
    edited = _edited(interview, turn, "Indeed,")
    one = parse_text(data.draw(old_site_capture(interview)))
    two = parse_text(data.draw(old_site_capture(edited)))
    record = merge_two(one, two)
    disagreements = [w for w in record.warnings if w.code is WarningCode.CAPTURES_DISAGREE]
    assert [w.message.split()[3] for w in disagreements] == [f"turns[{turn}]"]
    # The longer version is kept, whichever capture it came from.
    assert record.turns[turn].paragraphs[0] == edited.turns[turn].paragraphs[0]


# -- a corpus of several interviews ----------------------------------------------


@FEWER
@given(data=st.data())
def test_a_corpus_has_one_record_per_interview_with_every_capture(data: st.DataObject) -> None:
    days = st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2024, 12, 31))
    dates = data.draw(st.lists(days, min_size=1, max_size=3, unique=True))
    expected: dict[object, tuple[Interview, list[Interview]]] = {}
    everything: list[tuple[Interview, int]] = []
    for number, date in enumerate(dates):
        interview = attrs.evolve(data.draw(interviews()), published=date)
        full = parse_text(data.draw(old_site_capture(interview)))
        pages = data.draw(top_captures(interview, keep_title=True))
        if len(interview.turns) > 1:
            page = migrated_page(interview, 1)
            pages.append(data.draw(cut(page, after=page.index(":") + 3)))
        captures = [full, *_captures(pages)]
        expected[date] = (full, captures)
        everything += [(c, number) for c in captures]
    corpus = Corpus()
    for index, (capture, number) in enumerate(data.draw(st.permutations(everything))):
        corpus.add(capture, source=f"capture-{number}-{index}.txt")
    records = corpus.records()
    assert sorted(r.published for r in records) == sorted(dates)  # type: ignore[type-var]
    for record in records:
        full, captures = expected[record.published]
        assert len(record.captures) == len(captures)
        _same_text(full.turns, record.turns)
        assert record.warnings == ()
    summary = corpus.summary(records)
    assert (summary.captures, summary.interviews) == (len(everything), len(dates))


def _same_text(full: Sequence[Turn], merged: Sequence[Turn]) -> None:
    """The merged record holds exactly the text and roles of the full capture's turns."""
    assert len(full) == len(merged)
    for mine, theirs in zip(full, merged, strict=True):
        assert [fold(p) for p in mine.paragraphs] == [fold(p) for p in theirs.paragraphs]
        assert mine.role is theirs.role


def test_role_conflicts_are_named() -> None:
    question = Turn(role=Role.QUESTION, label="Q.", speaker=None, paragraphs=("Why?",))
    answer = attrs.evolve(question, role=Role.ANSWER, label="A.")
    base = Interview(template="interview-asp-2020", title="Ann Lee: Yes")
    one = attrs.evolve(base, turns=(question, question))
    two = attrs.evolve(base, turns=(question, answer))
    record = merge_two(one, two)
    assert [w.message.split()[3] for w in record.warnings] == ["turns[1]"]
    assert merge_two(two, one) == record
