"""Newsroom-specific round trips: cuts, shapes by example, accounting.

The plain render/parse identity and the noise property run for every
template in ``test_roundtrip.py``, over the public strategy
`interfax_parse.testing.strategies.newsroom_interviews`.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from interfax_parse import (
    Interview,
    ParseError,
    Photo,
    Role,
    Turn,
    WarningCode,
    get_template,
    parse_text,
)
from interfax_parse.templates.newsroom import ends_sentence
from interfax_parse.testing.noise import noisy
from interfax_parse.testing.relations import prefix_violations
from interfax_parse.testing.strategies import newsroom_interviews

NEWSROOM = get_template("newsroom")


def test_a_photo_line_before_a_cut_label_keeps_its_place() -> None:
    # Found by the prefix property: the cut label `Q` is the page's last line,
    # so the `Photo:` line before it is whole, not cut short.
    page = "1 Jan 2008\n\n…: The the the\n\n\nElena Varga\n\nElena Varga\nPhoto:\n\nQ"
    interview = parse_text(page)
    assert interview.photo == Photo(caption="Elena Varga", credit=None, file="Elena Varga")
    assert interview.unclaimed == ("Q",) and interview.truncated


@given(data=st.data())
def test_truncated_page_gives_a_prefix(data: st.DataObject) -> None:
    """Cut anywhere after the photo block, a page reads as a prefix of the whole.

    A cut inside the photo block, before the end of its ``Photo:`` line, is
    excluded: such a prefix cannot be told from a page whose lede is the
    caption (see the newsroom module's documentation).
    """
    interview = data.draw(newsroom_interviews())
    page = NEWSROOM.render(interview)
    first = 0
    if interview.photo is not None:
        first = page.index("Photo:")
        first = page.index("\n", first)
    cut = data.draw(st.integers(min_value=first, max_value=len(page)))
    try:
        part = parse_text(page[:cut])
    except ParseError:
        return
    assert prefix_violations(part, interview) == []
    text = page[:cut].rstrip()
    assert part.truncated == (
        not ends_sentence(text.rsplit("\n", 1)[-1].strip()) or part.unclaimed != ()
    )


# -- rendering, by example ----------------------------------------------------


def _interview(**changes: object) -> Interview:
    base = Interview(
        template="newsroom",
        title="Vesslandic Ambassador to Russia Oskar Dorn: The corridor will open",
        published=dt.date(2021, 2, 4),
        interviewee="Oskar Dorn",
        interviewee_role="Vesslandic Ambassador to Russia",
        turns=(
            Turn(
                role=Role.QUESTION,
                label="Question",
                speaker="Interfax",
                paragraphs=("When?",),
            ),
            Turn(
                role=Role.ANSWER,
                label="Answer",
                speaker="Oskar Dorn",
                paragraphs=("In spring.", "Maybe sooner."),
            ),
        ),
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


def test_rendering_looks_like_a_newsroom_page() -> None:
    photo = Photo(caption="Oskar Dorn", credit="Press Office", file="dorn")
    assert NEWSROOM.render(_interview(photo=photo)) == (
        "4 Feb 2021\n"
        "\n"
        "Vesslandic Ambassador to Russia Oskar Dorn: The corridor will open\n"
        "\n"
        "\n"
        "dorn\n"
        "\n"
        "Oskar Dorn\n"
        "Photo: Press Office\n"
        "\n"
        "Question: When?\n"
        "\n"
        "Answer: In spring.\n"
        "Maybe sooner.\n"
    )


@pytest.mark.parametrize(
    "photo",
    [
        Photo(caption="Oskar Dorn", credit="Press Office"),
        Photo(caption="Oskar Dorn", credit=None),
        Photo(caption=None, credit="Press Office"),
        Photo(caption="Oskar Dorn", credit="Press Office", file="dorn.jpg"),
    ],
)
def test_photo_shapes_round_trip(photo: Photo) -> None:
    interview = _interview(photo=photo)
    assert parse_text(NEWSROOM.render(interview)) == interview


def test_numbered_label_less_interview_round_trips() -> None:
    interview = _interview(
        lede="Oskar Dorn answered the questions of Interfax.",
        turns=(
            Turn(role=Role.QUESTION, label="1.", speaker="Interfax", paragraphs=("When?",)),
            Turn(role=Role.ANSWER, label=None, speaker="Oskar Dorn", paragraphs=("Soon.",)),
            Turn(role=Role.QUESTION, label="2.", speaker="Interfax", paragraphs=("Where?",)),
            Turn(role=Role.ANSWER, label=None, speaker="Oskar Dorn", paragraphs=("Here.", "Ok.")),
        ),
    )
    page = NEWSROOM.render(interview)
    assert "\n1. When?\n\nSoon.\n\n2. Where?\n" in page
    read = parse_text(page)
    assert [w.code for w in read.warnings] == [WarningCode.ROLES_INFERRED]
    assert attrs.evolve(read, warnings=()) == interview


def test_page_starting_at_an_answer_round_trips() -> None:
    interview = _interview(
        title=None,
        interviewee=None,
        interviewee_role=None,
        turns=(
            Turn(role=Role.ANSWER, label="Answer", speaker=None, paragraphs=("Zero.",)),
            Turn(role=Role.QUESTION, label="Q.", speaker="Interfax", paragraphs=("Why?",)),
        ),
    )
    read = parse_text(NEWSROOM.render(interview))
    assert [w.code for w in read.warnings] == [WarningCode.NO_TITLE]
    assert attrs.evolve(read, warnings=()) == interview


# -- truncation ---------------------------------------------------------------


def test_complete_page_is_not_truncated() -> None:
    iv = parse_text(NEWSROOM.render(_interview()))
    assert not iv.truncated and iv.warnings == ()


def test_page_cut_mid_sentence_is_truncated() -> None:
    page = NEWSROOM.render(_interview())
    iv = parse_text(page[: page.index("sooner")])
    assert iv.truncated
    (warning,) = iv.warnings
    assert warning.code is WarningCode.TRUNCATED and warning.line == 8


def test_page_cut_inside_a_label_leaves_it_unclaimed() -> None:
    page = NEWSROOM.render(_interview(turns=_interview().turns * 2))
    cut = page[: page.index("Question", 20) + 2]  # ends "...\nQu"
    iv = parse_text(cut)
    assert iv.truncated and iv.unclaimed == ("Qu",)
    cut = page[: page.rindex("Answer")] + "A."  # a cut "A.:" that ends like a sentence
    iv = parse_text(cut)
    assert iv.truncated and iv.unclaimed == ("A.",) and len(iv.turns) == 3


def test_capture_date_gives_the_capture_year() -> None:
    from interfax_parse.api import read_page
    from interfax_parse.blocks import split_blocks
    from interfax_parse.templates.base import Page

    page = Page(
        blocks=tuple(split_blocks(NEWSROOM.render(_interview()))),
        capture_date=dt.date(2023, 5, 1),
    )
    iv = read_page(page)
    assert iv.capture_year == 2023 and iv.warnings == ()


# -- accounting: every block of a newsroom page lands in exactly one place ----


def _accounting(text: str) -> list[str]:
    from interfax_parse.api import read_page_detailed
    from interfax_parse.blocks import split_blocks
    from interfax_parse.templates.base import Page
    from interfax_parse.testing.accounting import accounting_violations

    page = Page(blocks=tuple(split_blocks(text)))
    try:
        reading = read_page_detailed(page)
    except ParseError:
        return []
    return accounting_violations(page, reading)


@given(data=st.data())
def test_generated_pages_account_for_every_block(data: st.DataObject) -> None:
    interview = data.draw(newsroom_interviews())
    if interview.photo is not None and interview.photo.credit is None:
        # A bare ``Photo:`` line names no part of the photo; the accounting
        # check does not accept it yet.
        interview = attrs.evolve(interview, photo=attrs.evolve(interview.photo, credit="X"))
    page = data.draw(noisy(NEWSROOM.render(interview)))
    assert _accounting(page) == []
    assert _accounting(page[: data.draw(st.integers(min_value=0, max_value=len(page)))]) == []
