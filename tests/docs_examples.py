"""The example pages of ``docs/templates.md``: invented interviews, rendered.

Nothing here is Interfax's text. Each template's example page in the docs is
exactly ``template.render(example(name))``; ``test_docs.py`` keeps the two in
step. After an intended change to a renderer, rewrite the docs' examples with
``python tests/docs_examples.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from interfax_parse import Headline, Interview, Photo, RelatedItem, Role, Turn, get_template
from interfax_parse.grammar.ticker import MOSCOW

DOC = Path(__file__).parent.parent / "docs" / "templates.md"
EXAMPLE_BLOCK = re.compile(r"(<!-- example: (?P<name>[\w-]+) -->\n```text\n)(.*?)(```)", re.DOTALL)


def _headline(text: str, when: dt.datetime) -> Headline:
    return Headline.at(text, when.replace(tzinfo=MOSCOW))


def _old_site(name: str, capture_year: int) -> Interview:
    speaker = "Tomas Brenner"
    title = "Tomas Brenner: Harbour League will open its northern ports to grain transit"
    return Interview(
        template=name,
        title=title,
        short_title="Tomas Brenner: Harbour League will open its northern ports to grain",
        published=dt.date(capture_year - 1, 3, 14),
        interviewee=speaker,
        interviewee_role="Secretary General of the Harbour League",
        correspondents=("Vera Kestrel",),
        lede=(
            f"Secretary General of the Harbour League {speaker} has given an interview to "
            "Interfax correspondent Vera Kestrel in which he speaks about grain transit and "
            "port tariffs."
        ),
        turns=(
            Turn(
                role=Role.QUESTION,
                label="Question",
                speaker="Vera Kestrel",
                paragraphs=("Mr. Secretary General, when will the northern ports open?",),
            ),
            Turn(
                role=Role.ANSWER,
                label="Answer",
                speaker=speaker,
                paragraphs=(
                    "The first port opens in May, the others before the autumn.",
                    "Tariffs stay where they are this year.",
                ),
            ),
        ),
        headlines=(
            _headline(
                "Lindmark parliament passes rail budget", dt.datetime(capture_year, 2, 3, 18, 5)
            ),
            _headline("Aurora Union extends grain quota", dt.datetime(capture_year, 2, 3, 16, 40)),
        ),
        related=(
            RelatedItem(
                summary="Auroran Foreign Minister Greta Halvard has given an interview to "
                "Interfax in which she speaks about the river treaty.",
                interviewee="Greta Halvard",
            ),
        ),
        capture_year=capture_year,
    )


def _newsroom() -> Interview:
    speaker = "Oskar Dorn"
    office = "Vesslandic Ambassador to Russia"
    return Interview(
        template="newsroom",
        title=f"{office} {speaker}: Our rail corridor will carry its first freight in spring",
        published=dt.date(2021, 2, 4),
        interviewee=speaker,
        interviewee_role=office,
        correspondents=("Pavel Ulmer",),
        lede=(
            f"{office} {speaker} has given an exclusive interview to Interfax special "
            "correspondent Pavel Ulmer in which he speaks about the rail corridor and visas."
        ),
        photo=Photo(caption=f"{office} {speaker}", credit="Embassy of Vessland", file=speaker),
        turns=(
            Turn(
                role=Role.QUESTION,
                label="Question",
                speaker="Pavel Ulmer",
                paragraphs=("Mr. Ambassador, when will the first train run?",),
            ),
            Turn(
                role=Role.ANSWER,
                label="Answer",
                speaker=speaker,
                paragraphs=(
                    "In spring, if the bridges pass their last tests.",
                    "Passenger trains will follow a year later.",
                ),
            ),
            Turn(
                role=Role.QUESTION,
                label="Q.",
                speaker="Pavel Ulmer",
                paragraphs=("Will visas be eased?",),
            ),
            Turn(
                role=Role.ANSWER,
                label="A.",
                speaker=speaker,
                paragraphs=("For drivers and crews, yes.",),
            ),
        ),
    )


def example(name: str) -> Interview:
    """The invented interview shown for template `name`."""
    if name == "newsroom":
        return _newsroom()
    return _old_site(name, {"interview-asp-2018": 2018, "interview-asp-2020": 2020}[name])


def page(name: str) -> str:
    """The example page of template `name`, as the docs show it."""
    return get_template(name).render(example(name))


def rewrite(doc: str) -> str:
    """`doc` with every example block replaced by the current rendering."""
    return EXAMPLE_BLOCK.sub(lambda m: m.group(1) + page(m.group("name")) + m.group(4), doc)


if __name__ == "__main__":
    DOC.write_text(rewrite(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print("rewrote", DOC, file=sys.stderr)
