"""Hypothesis strategies that generate interviews a template can round-trip.

`interviews(template)` draws an `Interview` built from invented people and
words, shaped the way real pages are (a ``Name: quote`` title, a lede naming
the interviewee and perhaps correspondents, alternating labelled turns, a
newest-first ticker, teasers) and *canonical*: every derived field (speakers,
interviewee, office, short title, headline datetimes) holds exactly what the
parser derives from the rendered page. So for every template ``t``::

    parse_text(t.render(x), template=t.name) == x

is a property the project's tests check, and a third-party template can be
tested the same way (see ``docs/templates.md``).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ..errors import UnknownTemplateError
from ..grammar.ticker import MOSCOW
from ..model import Headline, Interview, Photo, RelatedItem, Role, Turn
from ..templates.registry import get_template

__all__ = [
    "FIRST_NAMES",
    "OFFICES",
    "SURNAMES",
    "headlines",
    "interviews",
    "newsroom_interviews",
    "paragraphs",
    "people",
    "photos",
    "sentences",
]

FIRST_NAMES = (
    "Elena",
    "Tomas",
    "Marta",
    "Ilse",
    "Oskar",
    "Vera",
    "Anton",
    "Greta",
    "Pavel",
    "Lena",
)
SURNAMES = ("Varga", "Brenner", "Quill", "Moor", "Halvard", "Dorn", "Kestrel", "Ulmer", "Sorensen")
OFFICES = (
    "Auroran Foreign Minister",
    "Lindmark Prime Minister",
    "Vesslandic Ambassador to Russia",
    "Northern Bank Chairman",
    "Aurora Union Transport Commissioner",
    "Secretary General of the Harbour League",
    "Foreign Minister of Lindmark",
)
"""Invented offices; each ends in a word the name splitter knows as an office
or a place, as real ones do (``NATO Secretary General``), or in a place after
a preposition (``Foreign Minister of Hungary``)."""

_WORDS = (
    "the corridor will carry freight before winter and the port tariffs are under review "
    "we expect a timetable for every task with dates and names next to each one while "
    "shippers say costs remain high our partners agree on the principle of open transit "
    "talks continue next month on grain energy and rail links between the two regions"
).split()


def _capture_years(template: str) -> tuple[int, int]:
    """The capture years to draw from: the registered template's own, bounded."""
    try:
        first, last = get_template(template).capture_years
    except UnknownTemplateError:
        first, last = None, None
    first = first if first is not None else 2018
    return first, last if last is not None else first + 4


def sentences() -> st.SearchStrategy[str]:
    """A capitalised sentence of lower-case invented words ending in . or ?"""
    return st.builds(
        lambda words, end: " ".join(words).capitalize() + end,
        st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14),
        st.sampled_from((".", "?", ".")),
    )


def paragraphs() -> st.SearchStrategy[str]:
    """One to three sentences."""
    return st.lists(sentences(), min_size=1, max_size=3).map(" ".join)


def people() -> st.SearchStrategy[str]:
    """An invented ``First Last`` name."""
    return st.builds(
        lambda f, s: f"{f} {s}", st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES)
    )


@st.composite
def headlines(draw: st.DrawFn, capture_year: int) -> tuple[Headline, ...]:
    """A newest-first ticker whose newest line is in `capture_year`."""
    count = draw(st.integers(min_value=0, max_value=10))
    newest = draw(
        st.datetimes(
            min_value=dt.datetime(capture_year, 1, 1),
            max_value=dt.datetime(capture_year, 12, 31, 23, 59),
        )
    ).replace(second=0, microsecond=0)
    result: list[Headline] = []
    when = newest
    for _ in range(count):
        stamp = when.replace(tzinfo=MOSCOW)
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=12))
        part = draw(st.one_of(st.none(), st.integers(min_value=2, max_value=3)))
        result.append(Headline.at(" ".join(words).capitalize(), stamp, part=part))
        when -= dt.timedelta(minutes=draw(st.integers(min_value=0, max_value=60 * 24 * 40)))
    return tuple(result)


def _short_title(title: str) -> str:
    """The breadcrumb's cut: whole words up to about 80 characters."""
    if len(title) <= 80:
        return title
    return title[:80].rsplit(" ", 1)[0]


@st.composite
def photos(draw: st.DrawFn, name: str, office: str) -> Photo:
    """A newsroom photo block as the pages print one (a file line only with a caption)."""
    caption = draw(st.sampled_from((name, f"{office} {name}")))
    credit = draw(st.sampled_from(("Press Office", f"{name.split()[-1]} Archive", None)))
    file = draw(st.sampled_from((None, None, name)))
    return Photo(caption=caption, credit=credit, file=file)


@st.composite
def _correspondents(draw: st.DrawFn, name: str) -> tuple[str, ...]:
    """None, one or two correspondents, none sharing the interviewee's surname."""
    others = draw(st.lists(people(), max_size=2, unique=True))
    return tuple(c for c in others if c.split()[-1] != name.split()[-1])


def _to_interfax(correspondents: tuple[str, ...], title: str = "correspondent") -> str:
    """Whom a lede says the interview was given to."""
    if len(correspondents) == 1:
        return f"Interfax {title} {correspondents[0]}"
    if correspondents:
        return f"Interfax correspondents {correspondents[0]} and {correspondents[1]}"
    return "Interfax"


@st.composite
def _turns(
    draw: st.DrawFn,
    name: str,
    correspondents: tuple[str, ...],
    label_pairs: tuple[tuple[str, str], ...],
    most: int,
) -> tuple[Turn, ...]:
    """Alternating questions and answers: ``Question``/``Answer`` first, then
    one label pair; speakers as the reader derives them."""
    asker = correspondents[0] if len(correspondents) == 1 else "Interfax"
    labels = draw(st.sampled_from(label_pairs))
    turns = []
    for index in range(draw(st.integers(min_value=1, max_value=most))):
        asks = index % 2 == 0
        turns.append(
            Turn(
                role=Role.QUESTION if asks else Role.ANSWER,
                label=labels[0 if asks else 1] if index > 1 else ("Question", "Answer")[index],
                speaker=asker if asks else name,
                paragraphs=tuple(draw(st.lists(paragraphs(), min_size=1, max_size=3))),
            )
        )
    return tuple(turns)


@st.composite
def newsroom_interviews(draw: st.DrawFn) -> Interview:
    """A canonical ``newsroom`` interview: an ``Office Name: quote`` title, an
    optional photo block and lede, labelled turns; no ticker, breadcrumb or
    capture year (the layout prints none)."""
    name = draw(people())
    office = draw(st.sampled_from(OFFICES))
    title = f"{office} {name}: {draw(sentences()).rstrip('.?')}"
    correspondents: tuple[str, ...] = ()
    lede: str | None = None
    if draw(st.booleans()):
        correspondents = draw(_correspondents(name))
        to = _to_interfax(correspondents, "special correspondent")
        exclusive = draw(st.sampled_from(("an", "an exclusive")))
        lede = f"{office} {name} has given {exclusive} interview to {to} in which "
        lede += draw(sentences()).lower()
    turns = draw(_turns(name, correspondents, (("Question", "Answer"), ("Q.", "A.")), 6))
    return Interview(
        template="newsroom",
        title=title,
        published=draw(st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2024, 12, 31))),
        interviewee=name,
        interviewee_role=office,
        correspondents=correspondents,
        lede=lede,
        photo=draw(st.one_of(st.none(), photos(name, office))),
        turns=turns,
    )


@st.composite
def interviews(draw: st.DrawFn, template: str = "interview-asp-2020") -> Interview:
    """A canonical interview for `template` (see the module docstring).

    ``newsroom`` gives `newsroom_interviews`; any other name an old-site
    interview whose capture year lies in the registered template's
    `capture_years` (the first four years of an open-ended range).
    """
    if template == "newsroom":
        return draw(newsroom_interviews())
    first, last = _capture_years(template)
    capture_year = draw(st.integers(min_value=first, max_value=last))
    name = draw(people())
    office = draw(st.sampled_from(OFFICES))
    correspondents = draw(_correspondents(name))
    quote = draw(sentences()).rstrip(".?")
    title = f"{name}: {quote}"
    lede: str | None = None
    role: str | None = None
    if draw(st.booleans()):
        role = office
        to = _to_interfax(correspondents)
        lede = f"{office} {name} has given an interview to {to} in which {draw(sentences())}"
    else:
        correspondents = ()
    label_pairs = (("Question", "Answer"), ("Q.", "A."), ("Q", "A"))
    turns = draw(_turns(name, correspondents, label_pairs, 8))
    related = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        other = draw(people())
        related.append(
            RelatedItem(
                summary=f"{draw(st.sampled_from(OFFICES))} {other} has given an interview "
                f"to Interfax in which {draw(sentences())}",
                interviewee=other,
            )
        )
    return Interview(
        template=template,
        title=title,
        short_title=_short_title(title),
        published=draw(
            st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(capture_year, 12, 31))
        ),
        interviewee=name,
        interviewee_role=role,
        correspondents=correspondents,
        lede=lede,
        turns=turns,
        headlines=draw(headlines(capture_year)),
        related=tuple(related),
        capture_year=capture_year,
    )
