"""The built-in example: an invented interview, rendered as an old-site page.

Nothing here is Interfax's text: the people, the questions and the news are
made up. `demo_page` returns the bundled page (``data/demo_page.txt``), which
is exactly ``interview-asp-2020``'s rendering of `demo_interview()`; a test
keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

from .grammar.ticker import MOSCOW
from .model import Headline, Interview, RelatedItem, Role, Turn

__all__ = ["demo_interview", "demo_page"]

_CORRESPONDENT = "Marta Quill"
_INTERVIEWEE = "Elena Varga"


def _headline(text: str, when: dt.datetime, part: int | None = None) -> Headline:
    return Headline.at(text, when, part=part)


def demo_interview() -> Interview:
    """The invented interview the demo page shows."""

    def at(month: int, day: int, hour: int, minute: int, year: int = 2020) -> dt.datetime:
        return dt.datetime(year, month, day, hour, minute, tzinfo=MOSCOW)

    def q(text: str) -> Turn:
        return Turn(role=Role.QUESTION, label="Q.", speaker=_CORRESPONDENT, paragraphs=(text,))

    def a(*paragraphs: str) -> Turn:
        return Turn(role=Role.ANSWER, label="A.", speaker=_INTERVIEWEE, paragraphs=paragraphs)

    title = "Elena Varga: Northern rail corridor will carry its first freight before winter"
    return Interview(
        template="interview-asp-2020",
        title=title,
        short_title="Elena Varga: Northern rail corridor will carry its first freight before",
        published=dt.date(2019, 11, 14),
        interviewee=_INTERVIEWEE,
        interviewee_role="Transport Commissioner of the Aurora Union",
        correspondents=(_CORRESPONDENT,),
        lede=(
            "Transport Commissioner of the Aurora Union Elena Varga has given an interview "
            f"to Interfax correspondent {_CORRESPONDENT} in which she speaks about the "
            "northern rail corridor, port tariffs and the next round of talks on transit."
        ),
        turns=(
            Turn(
                role=Role.QUESTION,
                label="Question",
                speaker=_CORRESPONDENT,
                paragraphs=(
                    "Madam Commissioner, the northern corridor was announced four years ago. "
                    "When will the first train actually run?",
                ),
            ),
            Turn(
                role=Role.ANSWER,
                label="Answer",
                speaker=_INTERVIEWEE,
                paragraphs=(
                    "The track is laid on all but the last forty kilometres, and the bridges "
                    "passed their load tests in September.",
                    "If the weather holds, the first freight train will run before winter. "
                    "Passenger services will follow once the stations are finished.",
                ),
            ),
            q("Shippers say the port tariffs are still too high. Will they come down?"),
            a(
                "Tariffs are set by the port authority, not by us, but we have asked for "
                "a review. A corridor nobody can afford to use is not a corridor."
            ),
            q("What do you expect from the transit talks next month?"),
            a(
                "A timetable. Everyone agrees on the principle; what we need now are dates "
                "and names next to each task."
            ),
        ),
        headlines=(
            _headline("Aurora Union ministers meet on grain transit", at(1, 16, 14, 5), 2),
            _headline("Harbour strike in Vessport ends after four days", at(1, 16, 13, 40)),
            _headline("Central bank of Aurora keeps key rate at 6%", at(1, 16, 12, 2)),
            _headline("Aurora Union ministers meet on grain transit", at(1, 16, 11, 30)),
            _headline("New year brings record rail freight to Lindmark", at(1, 2, 9, 15)),
            _headline("Lindmark parliament passes budget for coming year", at(12, 30, 18, 0, 2019)),
        ),
        related=(
            RelatedItem(
                summary=(
                    "Lindmark Energy Minister Tomas Brenner has given an interview to Interfax "
                    "in which he speaks about the winter gas balance and new storage sites."
                ),
                interviewee="Tomas Brenner",
            ),
            RelatedItem(
                summary=(
                    "Governor of the Northern Province Ilse Moor has given an interview to "
                    "Interfax about the reconstruction of the province's airports."
                ),
                interviewee="Ilse Moor",
            ),
        ),
        capture_year=2020,
    )


def demo_page() -> str:
    """The bundled demo page: the text rendering of `demo_interview()`."""
    return resources.files("interfax_parse").joinpath("data/demo_page.txt").read_text("utf-8")
