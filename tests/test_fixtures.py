"""Real pages parse to their expected JSON, checked by hand (see fixtures/README.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import Interview, Role, WarningCode, from_json, parse, to_dict

PAGES = fixture_pages("seeds") + fixture_pages("asp")
MOSCOW_OFFSET = dt.timedelta(hours=3)


def _parse(page: FixturePage) -> Interview:
    return parse(page.path.read_bytes(), url=page.url)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_page_matches_expected_json(page: FixturePage) -> None:
    expected = json.loads(page.expected_path.read_text(encoding="utf-8"))
    assert to_dict(_parse(page)) == expected
    assert from_json(page.expected_path.read_text(encoding="utf-8")) == _parse(page)


def _seed(name: str) -> Interview:
    (page,) = [p for p in fixture_pages("seeds") if p.path.name.startswith(name)]
    return _parse(page)


def test_seed_2016_captured_2020() -> None:
    iv = _seed("000_")
    assert iv.template == "interview-asp-2020"
    assert iv.capture_year == 2020 and not iv.truncated
    assert iv.published == dt.date(2016, 7, 1)
    assert (
        iv.title
        == "Jens Stoltenberg: Ball is in Russia’s court in returning to partnership with NATO"
    )
    assert (
        iv.short_title
        == "Jens Stoltenberg: Ball is in Russia’s court in returning to partnership with"
    )
    assert iv.interviewee == "Jens Stoltenberg"
    assert iv.interviewee_role == "NATO Secretary General"
    assert iv.correspondents == ("Alexander Korzun",)
    assert iv.lede is not None and iv.lede.startswith(
        "NATO Secretary General Jens Stoltenberg has given"
    )
    assert iv.interview_id == 685353
    assert len(iv.turns) == 12
    assert [t.label for t in iv.turns] == ["Question", "Answer"] + ["Q.", "A."] * 5
    assert [t.role for t in iv.turns] == [Role.QUESTION, Role.ANSWER] * 6
    assert [len(t.paragraphs) for t in iv.turns] == [1, 3] * 5 + [1, 1]
    assert {t.speaker for t in iv.turns if t.role is Role.QUESTION} == {"Alexander Korzun"}
    assert {t.speaker for t in iv.turns if t.role is Role.ANSWER} == {"Jens Stoltenberg"}
    assert iv.turns[1].paragraphs[2].endswith("So the ball is in Russia’s court.")
    assert iv.turns[-1].text.startswith("The most important thing is that the decisions")
    assert len(iv.headlines) == 10
    first, last = iv.headlines[0], iv.headlines[-1]
    assert first.stamp == "02/25 18:44" and first.part == 2
    assert (
        first.text
        == "Ukrainian fishermen detained by Russia in Azov Sea freed along with vessel - Rada deputy"
    )
    assert first.published == dt.datetime(2020, 2, 25, 18, 44, tzinfo=dt.timezone(MOSCOW_OFFSET))
    assert last.published == dt.datetime(2020, 2, 25, 18, 13, tzinfo=dt.timezone(MOSCOW_OFFSET))
    assert [h.part for h in iv.headlines].count(2) == 2
    assert len(iv.related) == 7
    assert [r.interviewee for r in iv.related] == [
        "John Sullivan",
        "Lord Gregory Barker",
        "Laurie Bristow",
        "Mohammed Barkindo",
        "John Huntsman",
        "Sergei Ryabkov",
        "Heiko Maas",
    ]
    assert iv.warnings == () and iv.unclaimed == ()


def test_seed_2009_captured_2018() -> None:
    iv = _seed("003_")
    assert iv.template == "interview-asp-2018"
    assert iv.capture_year == 2018 and not iv.truncated
    assert iv.published == dt.date(2009, 12, 3)
    assert iv.title is not None and iv.title.endswith("shared interests Rasmussen")
    assert iv.interviewee == "Rasmussen"  # the title's lost dash glued the name on
    assert iv.lede is None and iv.correspondents == ()
    assert len(iv.turns) == 10
    assert [t.label for t in iv.turns] == ["Question", "Answer"] + ["Q.", "A."] * 4
    assert [len(t.paragraphs) for t in iv.turns] == [1, 2, 1, 3, 1, 2, 1, 3, 1, 2]
    assert {t.speaker for t in iv.turns if t.role is Role.QUESTION} == {"Interfax"}
    assert len(iv.headlines) == 9
    assert iv.headlines[0].published == dt.datetime(
        2018, 1, 17, 5, 5, tzinfo=dt.timezone(MOSCOW_OFFSET)
    )
    assert iv.headlines[1].published == dt.datetime(
        2018, 1, 16, 22, 14, tzinfo=dt.timezone(MOSCOW_OFFSET)
    )
    assert len(iv.related) == 7
    assert iv.related[0].interviewee == "Sergei Lavrov"
    assert iv.related[-1].interviewee is None  # "Secretary General of the League of Arab States"
    assert iv.warnings == () and iv.unclaimed == ()


@pytest.mark.parametrize("page", fixture_pages("asp"), ids=lambda p: p.id)
def test_dev_corpus_page(page: FixturePage) -> None:
    """Every truncated old-site page: date, title, breadcrumb, ticker, lede, first turn."""
    text = page.path.read_text(encoding="utf-8")
    iv = _parse(page)
    assert iv.truncated and iv.template.startswith("interview-asp-")
    assert iv.published is not None and iv.title is not None
    assert iv.title in text and iv.published.year <= 2019
    assert iv.short_title is not None and iv.title.startswith(iv.short_title)
    assert 7 <= len(iv.headlines) <= 10
    assert all(f"{h.stamp}   {h.text}" in text for h in iv.headlines)
    assert iv.interview_id == int(page.url.rsplit("=", 1)[1])
    codes = {w.code for w in iv.warnings}
    assert WarningCode.TRUNCATED in codes and WarningCode.TEMPLATE_GUESSED in codes
    if iv.lede is not None:
        assert iv.lede in text
    if iv.turns and iv.turns[0].role is not None:
        assert iv.turns[0].role is Role.QUESTION and iv.turns[0].label == "Question"
    assert iv.unclaimed == ()


EXPECTED_PEOPLE = {
    "interview-asp-133824": ("Philip Gordon", None, ()),
    "interview-asp-295250": ("Manmohan Singh", "Indian Prime Minister", ()),
    "interview-asp-386632": ("Sergei Lavrov", "Russian Foreign Minister", ()),
    "interview-asp-416342": ("Ban Ki-moon", "UN Secretary General", ()),
    "interview-asp-478540": ("Michael McFaul", "U.S. ambassador to Russia", ()),
    "interview-asp-563133": ("Sergei Lavrov", "Russian Foreign Minister", ()),
    "interview-asp-590519": (
        "Ban Ki-moon",
        "UN Secretary General",
        ("Alexander Korzun", "Andrei Baranovsky"),
    ),
    "interview-asp-600960": (
        "Rose Gottemoeller",
        "U.S. Undersecretary of State for Arms Control and International Security",
        (),
    ),
    "interview-asp-705712": ("Rose Gottemoeller", None, ()),
    "interview-asp-801512": ("Sergei Lavrov", "Russian Foreign Minister", ()),
    "interview-asp-813214": ("Sebastian Kurz", "Austrian Chancellor", ("Olga Golovanova",)),
    "interview-asp-926071": ("John Huntsman", "U.S. Ambassador to Russia", ()),
}


@pytest.mark.parametrize("page", fixture_pages("asp"), ids=lambda p: p.id)
def test_dev_corpus_people(page: FixturePage) -> None:
    iv = _parse(page)
    assert (iv.interviewee, iv.interviewee_role, iv.correspondents) == EXPECTED_PEOPLE[
        page.path.stem
    ]


def test_year_from_dated_ticker_line() -> None:
    (page,) = [p for p in fixture_pages("asp") if p.path.stem == "interview-asp-478540"]
    iv = _parse(page)
    assert iv.capture_year == 2018 and iv.template == "interview-asp-2018"
    assert iv.headlines[0].published == dt.datetime(
        2018, 5, 21, 19, 34, tzinfo=dt.timezone(MOSCOW_OFFSET)
    )
    assert any(w.code is WarningCode.YEAR_FROM_HEADLINES for w in iv.warnings)


def test_minister_label_is_an_answer_by_the_interviewee() -> None:
    (page,) = [p for p in fixture_pages("asp") if p.path.stem == "interview-asp-563133"]
    answer = _parse(page).turns[1]
    assert (answer.role, answer.label, answer.speaker) == (Role.ANSWER, "Minister", "Sergei Lavrov")


def test_reported_speech_keeps_its_text_unlabelled() -> None:
    (page,) = [p for p in fixture_pages("asp") if p.path.stem == "interview-asp-386632"]
    iv = _parse(page)
    assert iv.lede is not None and iv.lede.startswith(
        "Russian Foreign Minister Sergei Lavrov speaks"
    )
    (body,) = iv.turns
    assert body.role is None and body.label is None and len(body.paragraphs) == 3
    codes = {w.code for w in iv.warnings}
    assert {WarningCode.NO_TURNS, WarningCode.UNLABELLED_TEXT} <= codes
