"""The newsroom template on the real newsroom pages of the dev corpus.

Each page's expected JSON (``fixtures/newsroom/<page>.json``) was produced by
`to_json` and checked by hand against the page, field by field; `EXPECTED`
below repeats the hand-checked facts (date, title, photo, lede, people, and
the first turns' roles, labels, speakers and paragraph counts) so that a
regenerated JSON cannot silently drift from them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

import attrs
import pytest

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import (
    Interview,
    Photo,
    Role,
    WarningCode,
    Zone,
    from_json,
    get_template,
    parse,
    to_dict,
)
from interfax_parse.api import read_page_detailed, score_templates
from interfax_parse.blocks import split_blocks
from interfax_parse.templates.base import Page

PAGES = fixture_pages("newsroom")
OLD_PAGES = fixture_pages("seeds") + fixture_pages("asp")
Q, A = Role.QUESTION, Role.ANSWER


def _parse(
    page: FixturePage, *, repair_words: bool = False, normalize_quotes: bool = False
) -> Interview:
    return parse(
        page.path.read_bytes(),
        url=page.url,
        repair_words=repair_words,
        normalize_quotes=normalize_quotes,
    )


def _page(stem: str) -> FixturePage:
    (page,) = [p for p in PAGES if p.path.stem == stem]
    return page


def _page_of(page: FixturePage) -> Page:
    return Page(blocks=tuple(split_blocks(page.path.read_text(encoding="utf-8"))))


# -- every page: picked automatically, equal to its expected JSON -----------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_page_matches_expected_json(page: FixturePage) -> None:
    interview = _parse(page)
    assert interview.template == "newsroom"
    assert not any(w.code is WarningCode.TEMPLATE_GUESSED for w in interview.warnings)
    expected = page.expected_path.read_text(encoding="utf-8")
    assert to_dict(interview) == json.loads(expected)
    assert from_json(expected) == interview


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_only_newsroom_fits_a_newsroom_page(page: FixturePage) -> None:
    scores = score_templates(_page_of(page))
    assert scores["newsroom"].value == 1.0
    assert {name: s.value for name, s in scores.items() if name != "newsroom"} == {
        "interview-asp-2018": 0.0,
        "interview-asp-2020": 0.0,
    }


@pytest.mark.parametrize("page", OLD_PAGES, ids=lambda p: p.id)
def test_newsroom_does_not_fit_an_old_site_page(page: FixturePage) -> None:
    score = score_templates(_page_of(page))["newsroom"]
    assert score.value == 0.0 and score.reason
    assert _parse(page).template.startswith("interview-asp-")


class Expected(NamedTuple):
    published: dt.date
    title: str | None  # its start
    photo: Photo | None
    lede: str | None  # its start
    interviewee: str | None
    role: str | None
    correspondents: tuple[str, ...]
    turns: tuple[tuple[Role | None, str | None, str | None, int], ...]


EXPECTED = {
    "newsroom-68608": Expected(
        dt.date(2020, 5, 6),
        "U.S. Ambassador to Russia John Sullivan: This is time to work together",
        Photo(
            caption="U.S. Ambassador to Russia John Sullivan",
            credit="U.S. Embassy Press Office",
        ),
        "U.S. Ambassador to Russia John Sullivan has given an exclusive interview",
        "John Sullivan",
        "U.S. Ambassador to Russia",
        ("Renat Abdullin",),
        ((Q, "Question", "Renat Abdullin", 1), (A, "Answer", "John Sullivan", 3)),
    ),
    "newsroom-70952": Expected(
        dt.date(2021, 2, 4),
        "Russian Security Council Deputy Chairman Dmitry Medvedev: Navalny is",
        Photo(
            caption="Dmitry Medvedev",
            credit="Ekaterina Shtukina, courtesy of D. Medvedev's Office",
            file="Dmitry Medvedev",
        ),
        "Russian Security Council Deputy Chairman Dmitry Medvedev has given an interview to a",
        "Dmitry Medvedev",
        "Russian Security Council Deputy Chairman",
        (),  # "to a number of Russian media outlets, including Interfax"
        ((Q, "Question", "Interfax", 1), (A, "Answer", "Dmitry Medvedev", 1)),
    ),
    "newsroom-726": Expected(
        dt.date(2008, 12, 18),
        "U.S. Ambassador John Beyrle: The U.S. has no intention to punish Russia",
        None,
        None,  # the page opens on its first question
        "John Beyrle",
        "U.S. Ambassador",
        (),
        ((Q, None, "Interfax", 1), (A, None, "John Beyrle", 2)),
    ),
    "newsroom-741": Expected(
        dt.date(2009, 5, 26),
        "Secretary-General of the Council of the European Union Javier Solana: It is true",
        None,
        "In the run-up to the next EU-Russia summit",
        "Javier Solana",
        "Secretary-General of the Council of the European Union and High Representative "
        "for the Common Foreign and Security Policy",
        (),
        (
            (Q, "1.", "Interfax", 1),
            (A, None, "Javier Solana", 1),
            (Q, "2.", "Interfax", 1),
            (A, None, "Javier Solana", 1),
        ),
    ),
    "newsroom-770": Expected(
        dt.date(2010, 11, 2),
        "NATO Secretary General Anders Fogh Rasmussen: New NATO’s Strategic Concept",
        None,
        "NATO Secretary General Anders Fogh Rasmussen has given an interview to Interfax ahead",
        "Anders Fogh Rasmussen",
        "NATO Secretary General",
        (),
        (
            (Q, "Question", "Interfax", 1),
            (A, "Answer", "Anders Fogh Rasmussen", 2),
            (Q, "Q.", "Interfax", 1),
            (A, "A.", "Anders Fogh Rasmussen", 1),
        ),
    ),
    "newsroom-832": Expected(
        dt.date(2014, 2, 5),
        None,  # starts at an answer: no title, no lede, nobody named
        None,
        None,
        None,
        None,
        (),
        ((A, "Answer", None, 1), (Q, "Q.", "Interfax", 1), (A, "A.", None, 1)),
    ),
    "newsroom-852": Expected(
        dt.date(2015, 5, 6),
        "U.S. Ambassador to Russia John Tefft: I know Obama hopes",
        None,
        "U.S. Ambassador to Russia John Tefft has given an interview to Interfax foreign",
        "John Tefft",
        "U.S. Ambassador to Russia",
        ("Olga Golovanova",),
        ((Q, "Question", "Olga Golovanova", 1), (A, "Answer", "John Tefft", 3)),
    ),
    "newsroom-853": Expected(
        dt.date(2015, 5, 23),
        "Head of the European Union delegation to Russia Vygaudas Usackas: There is no link",
        None,
        "Head of the European Union delegation to Russia Vygaudas Usackas has given",
        "Vygaudas Usackas",
        "Head of the European Union delegation to Russia",
        (),
        ((Q, "Question", "Interfax", 1), (A, "Answer", "Vygaudas Usackas", 2)),
    ),
    "newsroom-873": Expected(
        dt.date(2016, 7, 1),
        "NATO Secretary General Jens Stoltenberg: Ball is in Russia’s court",
        None,
        "NATO Secretary General Jens Stoltenberg has given an interview to Interfax‘s",
        "Jens Stoltenberg",
        "NATO Secretary General",
        ("Alexander Korzun",),
        ((Q, "Question", "Alexander Korzun", 1), (A, "Answer", "Jens Stoltenberg", 2)),
    ),
}


def test_every_page_has_hand_checked_facts() -> None:
    assert {p.path.stem for p in PAGES} == set(EXPECTED)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_hand_checked_facts(page: FixturePage) -> None:
    want = EXPECTED[page.path.stem]
    iv = _parse(page)
    text = page.path.read_text(encoding="utf-8")
    assert iv.published == want.published
    if want.title is None:
        assert iv.title is None
    else:
        assert iv.title is not None and iv.title.startswith(want.title) and iv.title in text
    assert iv.photo == want.photo
    if want.lede is None:
        assert iv.lede is None
    else:
        assert iv.lede is not None and iv.lede.startswith(want.lede) and iv.lede in text
    assert (iv.interviewee, iv.interviewee_role, iv.correspondents) == (
        want.interviewee,
        want.role,
        want.correspondents,
    )
    got = tuple((t.role, t.label, t.speaker, len(t.paragraphs)) for t in iv.turns)
    assert got == want.turns
    assert all(p in text for t in iv.turns for p in t.paragraphs)
    assert iv.interview_id == int(page.url.rstrip("/").rsplit("/", 1)[1])
    # Every page of the corpus is a prefix cut mid-sentence.
    assert iv.truncated and WarningCode.TRUNCATED in {w.code for w in iv.warnings}
    assert iv.headlines == () and iv.related == () and iv.unclaimed == ()
    assert iv.short_title is None and iv.capture_year is None


# -- the layout's parts ------------------------------------------------------


def test_photo_block_with_alt_line_caption_and_credit() -> None:
    reading = read_page_detailed(_page_of(_page("newsroom-70952")))
    assert reading.zones[:6] == (
        Zone.DATE,
        Zone.TITLE,
        Zone.PHOTO,  # "Dmitry Medvedev": the image's alt line
        Zone.PHOTO,  # "Dmitry Medvedev": the caption
        Zone.PHOTO,  # "Photo: Ekaterina Shtukina, ..."
        Zone.LEDE,
    )


def test_photo_block_after_a_wide_gap_does_not_start_teasers() -> None:
    page = _page("newsroom-68608")
    reading = read_page_detailed(_page_of(page))
    assert reading.zones[:5] == (Zone.DATE, Zone.TITLE, Zone.PHOTO, Zone.PHOTO, Zone.LEDE)
    assert reading.interview.related == ()


def test_paragraphs_separated_by_a_single_line_break_continue_the_turn() -> None:
    answer = _parse(_page("newsroom-770")).turns[1]
    assert answer.paragraphs[1] == (
        "All NATO Allies share my view. Which is why I believe the [NATO-Russia Council] "
        "NRC Summit in Lisbon can mark a true fresh start in our relations."
    )
    tefft = _parse(_page("newsroom-852")).turns[1]
    assert [p[:20] for p in tefft.paragraphs] == [
        "I am proud to repres",
        "In considering our r",
        "While President Obam",
    ]


def test_page_starting_at_an_answer_has_no_title_and_says_so() -> None:
    page = _page("newsroom-832")
    reading = read_page_detailed(_page_of(page))
    iv = reading.interview
    assert reading.zones == (Zone.DATE, Zone.TURN, Zone.TURN, Zone.TURN)
    assert iv.title is None and iv.lede is None and iv.interviewee is None
    assert iv.turns[0].paragraphs[0].startswith("Zero, not in the least")
    (no_title,) = [w for w in iv.warnings if w.code is WarningCode.NO_TITLE]
    assert no_title.line == 2 and "starts at a turn" in no_title.message


def test_page_starting_inside_an_unlabelled_answer_has_no_title_and_says_so() -> None:
    """A migrated page that lost both its opening lines and the first answer's label:
    the long paragraph after the date is the interview's text, not its title."""
    text = _page("newsroom-832").path.read_text(encoding="utf-8")
    iv = parse(text.replace("Answer: Zero", "Zero", 1))
    assert iv.title is None and iv.lede is None and iv.interviewee is None
    first = iv.turns[0]
    assert first.role is None and first.paragraphs[0].startswith("Zero, not in the least")
    assert [t.label for t in iv.turns[1:3]] == ["Q.", "A."]
    codes = {w.code for w in iv.warnings}
    assert WarningCode.NO_TITLE in codes and WarningCode.UNLABELLED_TEXT in codes


def test_same_interview_on_the_old_site_lost_its_apostrophes() -> None:
    """newsroom-832 is the McFaul interview of interview-asp-478540 (same date).

    The old site's rendering lost its apostrophes (``its``), the newsroom's
    keeps ``it’s``: with ``’`` deleted, the newsroom's first answer starts
    with the whole of the old page's (truncated) answer.
    """
    (old_page,) = [p for p in fixture_pages("asp") if p.path.stem == "interview-asp-478540"]
    old = parse(old_page.path.read_bytes())
    new = _parse(_page("newsroom-832"))
    assert old.published == new.published
    old_answer, new_answer = old.turns[-1], new.turns[0]
    assert (old_answer.role, old_answer.label) == (new_answer.role, new_answer.label)
    assert new_answer.paragraphs[0].replace("’", "").startswith(old_answer.paragraphs[0])


# -- migration damage: split words, apostrophes -------------------------------


def test_split_words_are_kept_as_printed_by_default() -> None:
    tefft = _parse(_page("newsroom-852"))
    assert "come fr om Washington" in tefft.turns[0].paragraphs[0]
    assert "in Washington, wh ere there will be" in tefft.turns[1].paragraphs[1]
    sullivan = _parse(_page("newsroom-68608"))
    assert "supplies fr om Russia" in sullivan.turns[1].paragraphs[0]


@pytest.mark.parametrize("stem", ["newsroom-852", "newsroom-68608"])
def test_repair_words_joins_exactly_the_split_words(stem: str) -> None:
    page = _page(stem)
    printed = to_dict(_parse(page))
    repaired = to_dict(_parse(page, repair_words=True))
    assert "fr om" not in json.dumps(repaired) and "wh ere" not in json.dumps(repaired)
    # Undoing the two joins gives back exactly what was printed.
    undone = (
        json.dumps(repaired, ensure_ascii=False)
        .replace(" from Washington", " fr om Washington")
        .replace(" from Russia which", " fr om Russia which")
        .replace("Washington, where", "Washington, wh ere")
    )
    assert undone == json.dumps(printed, ensure_ascii=False)


def test_repair_words_through_parse_text_and_read_page() -> None:
    from interfax_parse import parse_text
    from interfax_parse.api import read_page

    text = _page("newsroom-852").path.read_text(encoding="utf-8")
    by_text = parse_text(text, repair_words=True)
    by_page = read_page(Page(blocks=tuple(split_blocks(text))), repair_words=True)
    assert by_text == by_page
    assert "come from Washington" in by_text.turns[0].paragraphs[0]


def test_curly_apostrophes_are_kept_as_printed() -> None:
    beyrle = _parse(_page("newsroom-726"))
    answer = beyrle.turns[1].paragraphs[0]
    assert "the fact that I‘ve been involved" in answer and "I don‘t think" in answer
    normalised = _parse(_page("newsroom-726"), normalize_quotes=True)
    assert "the fact that I've been involved" in normalised.turns[1].paragraphs[0]


# -- label-less interviews ----------------------------------------------------


def test_alternating_paragraphs_are_segmented_and_flagged() -> None:
    iv = _parse(_page("newsroom-726"))
    assert iv.lede is None
    question, answer = iv.turns
    assert question.paragraphs[0].startswith("Mr. Ambassador, ")
    assert question.paragraphs[0].endswith("dispirited about this?")
    assert answer.paragraphs[1].startswith("On the economic side")
    assert {t.label for t in iv.turns} == {None}
    (inferred,) = [w for w in iv.warnings if w.code is WarningCode.ROLES_INFERRED]
    assert "addressing the interviewee" in inferred.message


def test_numbered_questions_keep_their_number_as_label() -> None:
    iv = _parse(_page("newsroom-741"))
    assert [t.label for t in iv.turns] == ["1.", None, "2.", None]
    assert iv.turns[0].paragraphs[0].startswith("Last year’s war in Georgia")
    assert iv.turns[2].paragraphs[0].startswith("What are the key issues")
    (inferred,) = [w for w in iv.warnings if w.code is WarningCode.ROLES_INFERRED]
    assert "numbered questions" in inferred.message


def test_forced_newsroom_template_on_an_old_site_page_does_not_crash() -> None:
    (page,) = [p for p in fixture_pages("asp") if p.path.stem == "interview-asp-295250"]
    iv = parse(page.path.read_bytes(), template="newsroom")
    assert iv.template == "newsroom" and iv.published is None
    codes = {w.code for w in iv.warnings}
    assert WarningCode.NO_DATE in codes


def _without_lines(iv: Interview) -> Interview:
    return attrs.evolve(iv, warnings=tuple(attrs.evolve(w, line=None) for w in iv.warnings))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_render_of_a_real_reading_reads_back_the_same(page: FixturePage) -> None:
    """Every corpus reading survives `render` then `parse` (up to warning lines)."""
    iv = parse(page.path.read_bytes())
    again = parse(get_template("newsroom").render(iv))
    assert _without_lines(again) == _without_lines(iv)


# -- prefixes of the real pages -----------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_every_prefix_reads_as_newsroom_or_fails_cleanly(page: FixturePage) -> None:
    from interfax_parse import ParseError

    text = page.path.read_text(encoding="utf-8")
    date_end = text.index("\n")
    for cut in range(0, len(text), 23):
        try:
            part = parse(text[:cut])
        except ParseError:
            assert cut <= date_end  # only a page without its whole date is refused
            continue
        assert part.template == "newsroom"
        assert len(part.unclaimed) <= 1
        body = [p for t in part.turns for p in t.paragraphs]
        assert all(p in text for p in body)


def test_cut_photo_line_still_closes_the_photo_block() -> None:
    text = _page("newsroom-70952").path.read_text(encoding="utf-8")
    for cut, printed in ((4, "Phot"), (6, "Photo:"), (7, "Photo:")):
        iv = parse(text[: text.index("Photo:") + cut])
        assert iv.photo == Photo(caption="Dmitry Medvedev", credit=None, file="Dmitry Medvedev")
        assert iv.lede is None and iv.truncated and iv.unclaimed == (printed,)


def test_cut_question_number_is_left_unclaimed() -> None:
    text = _page("newsroom-741").path.read_text(encoding="utf-8")
    iv = parse(text[: text.index("\n2. ") + 3])  # "...\n2."
    assert iv.truncated and iv.unclaimed == ("2.",)
    assert [t.label for t in iv.turns] == ["1.", None]
    assert len(iv.turns[1].paragraphs) == 1


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_every_block_of_every_prefix_is_accounted_for(page: FixturePage) -> None:
    from interfax_parse import ParseError
    from interfax_parse.testing.accounting import accounting_violations

    text = page.path.read_text(encoding="utf-8")
    for cut in [*range(0, len(text), 31), len(text)]:
        prefix = Page(blocks=tuple(split_blocks(text[:cut])))
        try:
            reading = read_page_detailed(prefix)
        except ParseError:
            continue
        assert accounting_violations(prefix, reading) == [], cut
