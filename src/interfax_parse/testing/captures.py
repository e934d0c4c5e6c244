"""Pages of one interview as other captures would show it, for corpus tests.

An archive holds one interview many times: the old site on other days
(another news ticker, another capture year, cut at another point), the
newsroom site (the speaker's office before the title, no chrome), and
migrated newsroom copies that lost their opening (the page starts at a
turn). These functions render an `Interview` each of those ways with the
built-in templates, so the corpus code can be tested on captures whose
relation is known. No hypothesis needed.

>>> from interfax_parse import parse
>>> from interfax_parse.corpus import interview_key
>>> from interfax_parse.demo import demo_interview
>>> interview = demo_interview()
>>> old, new = parse(old_site_page(interview)), parse(newsroom_page(interview))
>>> new.title.startswith(interview.interviewee_role)
True
>>> interview_key(old) == interview_key(new)
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..model import Headline, Interview, Role, Turn
from ..templates.registry import get_template

__all__ = [
    "labelled",
    "migrated_page",
    "newsroom_page",
    "newsroom_title",
    "old_site_page",
    "old_site_title",
]

_NUMBER = re.compile(r"\d{1,2}\.\Z")


def newsroom_title(interview: Interview) -> str | None:
    """The title as the newsroom prints it: the speaker's office put before a
    ``Name: quote`` title (other titles are left as they are).

    >>> newsroom_title(Interview(template="x", title="Ann Lee: Yes",
    ...     interviewee_role="Auroran Foreign Minister"))
    'Auroran Foreign Minister Ann Lee: Yes'
    """
    title, office = interview.title, interview.interviewee_role
    if title is None or office is None or title.startswith(office) or ": " not in title:
        return title
    return f"{office} {title}"


def old_site_title(interview: Interview) -> str | None:
    """The title as the old site prints it: the speaker's name without the office.

    >>> old_site_title(Interview(template="x", title="Auroran Foreign Minister Ann Lee: Yes",
    ...     interviewee="Ann Lee"))
    'Ann Lee: Yes'
    """
    title, name = interview.title, interview.interviewee
    if title is None or name is None:
        return title
    head, colon, rest = title.partition(": ")
    if colon and head.endswith(name):
        return f"{name}: {rest}"
    return title


def labelled(interview: Interview) -> Interview:
    """`interview` with every turn labelled by its role, as the old site labels
    them (``Question``/``Answer``), where the newsroom printed no label or a
    question number; the paragraphs are unchanged."""

    def label(turn: Turn) -> str | None:
        if turn.label is not None and not _NUMBER.match(turn.label):
            return turn.label
        if turn.role is Role.QUESTION:
            return "Question"
        if turn.role is Role.ANSWER:
            return "Answer"
        return turn.label

    turns = tuple(attrs.evolve(turn, label=label(turn)) for turn in interview.turns)
    return attrs.evolve(interview, turns=turns)


def old_site_page(
    interview: Interview,
    *,
    template: str = "interview-asp-2020",
    headlines: Sequence[Headline] | None = None,
    capture_year: int | None = None,
) -> str:
    """`interview` as an old-site page of `template`, with another news ticker
    (`headlines`) and capture year, when given; the title without the
    speaker's office (`old_site_title`), every turn labelled (`labelled`)."""
    changes: dict[str, object] = {"title": old_site_title(interview)}
    if headlines is not None:
        changes["headlines"] = tuple(headlines)
    if capture_year is not None:
        changes["capture_year"] = capture_year
    shown = attrs.evolve(labelled(interview), **changes)  # type: ignore[arg-type]
    return get_template(template).render(shown)


def newsroom_page(interview: Interview) -> str:
    """`interview` as a newsroom page: the office before the title, no chrome."""
    return get_template("newsroom").render(attrs.evolve(interview, title=newsroom_title(interview)))


def migrated_page(interview: Interview, start: int) -> str:
    """A migrated newsroom copy that lost everything between its date and turn `start`."""
    shown = attrs.evolve(
        interview, title=None, lede=None, photo=None, turns=interview.turns[start:]
    )
    return get_template("newsroom").render(shown)
