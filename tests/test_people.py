"""Interviewee, office and correspondents from titles and ledes, on both layouts.

The phrasings come from real pages (the page is named beside each); the
old-site expectations of ``test_fixtures.EXPECTED_PEOPLE`` hold unchanged.
"""

from __future__ import annotations

import pytest

from interfax_parse.body import find_people
from interfax_parse.grammar.names import correspondents, lede_subject, title_speaker


@pytest.mark.parametrize(
    ("title", "office", "name"),
    [
        # newsroom-68608
        (
            "U.S. Ambassador to Russia John Sullivan: This is time to work together",
            "U.S. Ambassador to Russia",
            "John Sullivan",
        ),
        # newsroom-741
        (
            "Secretary-General of the Council of the European Union Javier Solana: It is true",
            "Secretary-General of the Council of the European Union",
            "Javier Solana",
        ),
        # newsroom-853
        (
            "Head of the European Union delegation to Russia Vygaudas Usackas: There is no link",
            "Head of the European Union delegation to Russia",
            "Vygaudas Usackas",
        ),
        # newsroom-770: three-word name
        (
            "NATO Secretary General Anders Fogh Rasmussen: New NATO’s Strategic Concept",
            "NATO Secretary General",
            "Anders Fogh Rasmussen",
        ),
        # old site (seed 000): a bare name
        ("Jens Stoltenberg: Ball is in Russia’s court", None, "Jens Stoltenberg"),
        # An office ``... of <Place>`` before a two-word name: the place is the office's.
        (
            "Foreign Minister of Hungary Peter Szijjarto: We are not afraid",
            "Foreign Minister of Hungary",
            "Peter Szijjarto",
        ),
        ("CEO of Rosatom Alexei Likhachev: New units", "CEO of Rosatom", "Alexei Likhachev"),
        (
            "UN High Commissioner for Refugees Filippo Grandi: Help is needed",
            "UN High Commissioner for Refugees",
            "Filippo Grandi",
        ),
        # A place of two words after the office's ``of``: ``St. Petersburg``
        (
            "Governor of St. Petersburg Alexander Beglov: The city is ready",
            "Governor of St. Petersburg",
            "Alexander Beglov",
        ),
        # ... while a three-word name after the place stays whole
        (
            "Secretary General of NATO Anders Fogh Rasmussen: Partnership matters",
            "Secretary General of NATO",
            "Anders Fogh Rasmussen",
        ),
        (
            "President of Colombia Juan Manuel Santos: Peace is near",
            "President of Colombia",
            "Juan Manuel Santos",
        ),
        (
            "Chairman of the Board of Rosneft Igor Ivanovich Sechin: Output will grow",
            "Chairman of the Board of Rosneft",
            "Igor Ivanovich Sechin",
        ),
    ],
)
def test_office_name_quote_titles(title: str, office: str | None, name: str) -> None:
    assert title_speaker(title) == (office, name)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # seed 003: the name glued to the end, its dash lost
        ("Cooperation on Afghanistan is example of shared interests Rasmussen", "Rasmussen"),
        # A title ending in a proper noun that is no person: after a place, an
        # organisation or a number, a capitalised end is an event or a company
        ("Russia ready for 2014 Winter Olympics", None),
        ("Rosneft to sign deal with China National Petroleum", None),
        ("Dialogue with the Moscow Patriarchate", None),
        # Someone the title speaks of, after an office or a preposition, is not its speaker
        ("Russia ready for talks with President Obama", None),
        ("Moscow hosts talks with King Abdullah", None),
        ("Lavrov to meet with Rasmussen", None),
        ("Gas supplies to Europe", None),
    ],
)
def test_name_glued_to_the_title_end(title: str, name: str | None) -> None:
    assert title_speaker(title) == (None, name)


@pytest.mark.parametrize(
    ("lede", "office", "name"),
    [
        # newsroom-68608: "exclusive"
        (
            "U.S. Ambassador to Russia John Sullivan has given an exclusive interview to "
            "Interfax special correspondent Renat Abdullin in which he speaks",
            "U.S. Ambassador to Russia",
            "John Sullivan",
        ),
        # newsroom-741: a long office whose field words are capitalised
        (
            "In the run-up to the next EU-Russia summit due to be held in Khabarovsk on May "
            "21-22, Secretary-General of the Council of the European Union and High "
            "Representative for the Common Foreign and Security Policy Javier Solana answered "
            "the questions of Interfax and Novaya Gazeta about the current relations",
            "Secretary-General of the Council of the European Union and High Representative "
            "for the Common Foreign and Security Policy",
            "Javier Solana",
        ),
        # interview-asp-295250: "Office Name, who ..., has given"
        (
            "Indian Prime Minister Manmohan Singh, who is visiting Moscow on December 15-17, "
            "has given an interview to Interfax ahead of his visit",
            "Indian Prime Minister",
            "Manmohan Singh",
        ),
        # "Name, office, has given": an office ending in capitalised field words
        (
            "Rose Gottemoeller, U.S. Under Secretary of State for Arms Control, has given an "
            "interview to Interfax.",
            "U.S. Under Secretary of State for Arms Control",
            "Rose Gottemoeller",
        ),
        (
            "Russian Minister of Energy Alexander Novak has given an interview to Interfax.",
            "Russian Minister of Energy",
            "Alexander Novak",
        ),
        (
            "President of Slovenia Borut Pahor has given an interview to Interfax.",
            "President of Slovenia",
            "Borut Pahor",
        ),
        # seed 000 (a teaser's lede): the sentence before ends in an acronym
        (
            "The board chairman, Lord Gregory Barker, is convinced that the changes will do "
            "the company good, irrespective of the deal with OFAC. Lord Barker told Interfax "
            "in an interview about the work of the new En+ board.",
            None,
            "Lord Gregory Barker",
        ),
    ],
)
def test_lede_subjects(lede: str, office: str | None, name: str) -> None:
    assert lede_subject(lede) == (office, name)


@pytest.mark.parametrize(
    ("lede", "names"),
    [
        # interview-asp-590519
        (
            "has given an interview to Interfax correspondents Alexander Korzun and Andrei "
            "Baranovsky ahead of his visit to Russia.",
            ("Alexander Korzun", "Andrei Baranovsky"),
        ),
        # newsroom-68608
        ("to Interfax special correspondent Renat Abdullin in which", ("Renat Abdullin",)),
        # newsroom-852
        (
            "to Interfax foreign political desk chief Olga Golovanova ahead of the V-Day",
            ("Olga Golovanova",),
        ),
        (
            "to chief of the Interfax's foreign political desk Olga Golovanova.",
            ("Olga Golovanova",),
        ),
        (
            "to the chief of the Interfax‘s foreign political desk Olga Golovanova",
            ("Olga Golovanova",),
        ),
        # newsroom-873 and seed 000: the ‘ apostrophe
        ("to Interfax‘s correspondent Alexander Korzun ahead of", ("Alexander Korzun",)),
        # interview-asp-813214
        ("has given an interview to Olga Golovanova for Interfax.", ("Olga Golovanova",)),
        (
            "to Interfax correspondents Ann Lee, Bo Park and Cy Young in Moscow",
            ("Ann Lee", "Bo Park", "Cy Young"),
        ),
        ("to Interfax Washington correspondent Renat Abdullin", ("Renat Abdullin",)),
        # newsroom-70952: Interfax among outlets, nobody named
        ("to a number of Russian media outlets, including Interfax, on the first", ()),
        # Another outlet's correspondent is not Interfax's
        ("to Interfax and Novaya Gazeta correspondent Ivan Petrov", ()),
        # The agency's editors and directors, a hyphenated title among them
        ("to Interfax Editor-in-Chief Vladimir Gerasimov.", ("Vladimir Gerasimov",)),
        ("to Interfax deputy editor-in-chief Ann Lee in Moscow", ("Ann Lee",)),
        # An interviewee's office after Interfax is not the agency's
        (
            "In an interview with Interfax Rosatom Director General Sergei Kiriyenko speaks",
            (),
        ),
        ("Speaking to Interfax UN Secretary General Ban Ki-moon said", ()),
        # Two people of the agency, each with an office
        (
            "to Interfax chief editor Vladimir Gerasimov and political observer Ann Lee.",
            ("Vladimir Gerasimov", "Ann Lee"),
        ),
    ],
)
def test_correspondents(lede: str, names: tuple[str, ...]) -> None:
    assert correspondents(lede) == names


def test_title_surname_and_lede_full_name() -> None:
    people = find_people(
        "McFaul: U.S. still sees Iranian threat",
        "The outgoing U.S. ambassador to Russia Michael McFaul has given an interview with "
        "Interfax in which he speaks",
    )
    assert (people.interviewee, people.interviewee_role) == (
        "Michael McFaul",
        "U.S. ambassador to Russia",
    )


def test_lede_office_wins_over_the_shorter_title_office() -> None:
    people = find_people(
        "Secretary-General of the Council of the European Union Javier Solana: It is true",
        "Secretary-General of the Council of the European Union and High Representative for "
        "the Common Foreign and Security Policy Javier Solana answered the questions of Interfax",
    )
    assert people.interviewee == "Javier Solana"
    assert people.interviewee_role is not None and people.interviewee_role.endswith("Policy")


@pytest.mark.parametrize(
    ("title", "lede", "interviewee"),
    [
        # A title ending in an event names no speaker: the lede's interviewee stands
        (
            "Russia ready for 2014 Winter Olympics",
            "Dmitry Chernyshenko, president of the Sochi 2014 Organizing Committee, has given "
            "an interview to Interfax.",
            "Dmitry Chernyshenko",
        ),
        # A three-word name after ``to`` stays whole
        (
            "Zarif: Iran and Russia cooperation has a wide scope",
            "Ahead of the talks in Moscow, Interfax has put questions to Mohammad Javad Zarif, "
            "who speaks about the prospects of cooperation.",
            "Mohammad Javad Zarif",
        ),
    ],
)
def test_interviewee_from_title_and_lede(title: str, lede: str, interviewee: str) -> None:
    assert find_people(title, lede).interviewee == interviewee


def test_office_of_a_place_repeated_in_the_lede() -> None:
    """The lede's repetition must not bring the place back into the name."""
    people = find_people(
        "Foreign Minister of Hungary Peter Szijjarto: We are not afraid",
        "Foreign Minister of Hungary Peter Szijjarto has given an interview to Interfax "
        "correspondent Ann Lee.",
    )
    assert (people.interviewee, people.interviewee_role) == (
        "Peter Szijjarto",
        "Foreign Minister of Hungary",
    )
    assert people.correspondents == ("Ann Lee",)
