"""Hard cases from real archives, each on a real or generated page."""

from __future__ import annotations

import datetime as dt

from fixture_pages import fixture_pages
from interfax_parse import Role, WarningCode, parse
from interfax_parse.demo import demo_interview, demo_page
from interfax_parse.grammar.labels import LabelMatch, match_label
from interfax_parse.testing.relations import prefix_violations

SEED_2016 = fixture_pages("seeds")[0].path.read_text(encoding="utf-8")
FULL_2016 = parse(SEED_2016)


def _codes(text: str) -> set[WarningCode]:
    return {w.code for w in parse(text).warnings}


def _cut_after(text: str, marker: str, keep: int) -> str:
    """The page cut `keep` characters into `marker`."""
    return text[: text.index(marker) + keep]


def test_cut_inside_a_headline_line() -> None:
    part = parse(_cut_after(SEED_2016, "02/25 18:36", 30))
    assert len(part.headlines) == 3
    assert part.headlines[-1].text == "Russian oil cos"
    assert part.title is None and part.truncated
    assert prefix_violations(part, FULL_2016) == []


def test_cut_inside_the_title() -> None:
    part = parse(
        _cut_after(
            SEED_2016,
            "Jens Stoltenberg: Ball is in Russia’s court in returning to partnership with NATO\n",
            30,
        )
    )
    assert part.title == "Jens Stoltenberg: Ball is in R"
    assert part.interviewee == "Jens Stoltenberg"
    assert prefix_violations(part, FULL_2016) == []


def test_cut_inside_a_label() -> None:
    for keep in (1, 2):
        part = parse(_cut_after(SEED_2016, "Q.: Russia sees decisions", keep))
        assert part.unclaimed == ("Q." if keep == 2 else "Q",)
        assert len(part.turns) == 2 and len(part.turns[1].paragraphs) == 3
        assert prefix_violations(part, FULL_2016) == []


def test_cut_mid_word_in_an_answer() -> None:
    part = parse(_cut_after(SEED_2016, "A.: NATO does not seek confrontation", 26))
    assert part.turns[-1].paragraphs == ("NATO does not seek con",)
    assert prefix_violations(part, FULL_2016) == []


def test_two_interviewees_answering_by_name() -> None:
    page = demo_page().replace("Answer: The track", "Varga: The track")
    page = page.replace("A.: Tariffs", "Brenner: Tariffs").replace(
        "A.: A timetable", "Varga: A timetable"
    )
    iv = parse(page)
    answers = [t for t in iv.turns if t.role is Role.ANSWER]
    assert [(t.label, t.speaker) for t in answers] == [
        ("Varga", "Elena Varga"),
        ("Brenner", "Brenner"),
        ("Varga", "Elena Varga"),
    ]
    assert iv.warnings == ()


def test_page_without_labels_keeps_its_text_unlabelled() -> None:
    page = demo_page()
    for label in ("Question: ", "Answer: ", "Q.: ", "A.: "):
        page = page.replace(label, "")
    iv = parse(page)
    assert iv.lede == demo_interview().lede
    (body,) = iv.turns
    assert body.role is None and body.label is None and body.speaker is None
    assert len(body.paragraphs) == 7
    assert {WarningCode.NO_TURNS, WarningCode.UNLABELLED_TEXT} <= _codes(page)


def test_colon_early_in_a_question_is_not_a_label() -> None:
    page = demo_page().replace(
        "Question: Madam Commissioner,", "Question: Mrs. Varga: Madam Commissioner,"
    )
    first = parse(page).turns[0]
    assert first.label == "Question" and first.role is Role.QUESTION
    assert first.paragraphs[0].startswith("Mrs. Varga: Madam Commissioner,")


def test_teasers_after_a_single_blank_line() -> None:
    page = demo_page().replace("next to each task.\n\n\n", "next to each task.\n\n")
    iv = parse(page)
    assert iv == demo_interview()


def test_ticker_spanning_new_year() -> None:
    headlines = parse(demo_page()).headlines
    assert headlines[4].published is not None and headlines[4].published.date() == dt.date(
        2020, 1, 2
    )
    assert headlines[5].published is not None and headlines[5].published.date() == dt.date(
        2019, 12, 30
    )


def test_page_without_ticker() -> None:
    lines = [line for line in demo_page().split("\n") if not line[:2].isdigit()]
    iv = parse("\n".join(lines))
    assert iv.headlines == () and iv.warnings == ()
    assert iv.turns == demo_interview().turns


def test_empty_body() -> None:
    page = demo_page()
    body_start = page.index("November 14, 2019")
    footer = page.index("\xa0©")
    iv = parse(page[:body_start] + page[footer:])
    assert (iv.title, iv.published, iv.lede, iv.turns) == (None, None, None, ())
    assert {WarningCode.NO_DATE, WarningCode.NO_TITLE, WarningCode.NO_TURNS} <= {
        w.code for w in iv.warnings
    }
    assert len(iv.headlines) == 6 and iv.capture_year == 2020


def test_windows_line_endings() -> None:
    assert parse(SEED_2016.replace("\n", "\r\n")) == FULL_2016
    assert parse(SEED_2016.replace("\n", "\r\n").encode("utf-8")) == FULL_2016


def test_page_repeated_twice_in_one_file_is_one_record_with_a_warning() -> None:
    iv = parse(demo_page() + demo_page())
    assert iv.warnings[-1].code is WarningCode.PAGE_REPEATED
    assert iv.warnings[-1].line == demo_page().count("\n") + 1
    assert iv.turns == demo_interview().turns and iv.unclaimed == ()


def test_two_different_pages_in_one_file_keep_the_second_unclaimed() -> None:
    second = fixture_pages("seeds")[1].path.read_text(encoding="utf-8")
    iv = parse(demo_page() + second)
    assert iv.turns == demo_interview().turns
    assert iv.unclaimed[0] == "Subscription and demo access"
    assert WarningCode.UNCLAIMED_TEXT in {w.code for w in iv.warnings}


def test_cut_inside_the_breadcrumbs_ellipsis() -> None:
    """Found by the fuzz suite: ``before..`` is the site's ``before...`` cut short."""
    page = demo_page()
    for dots in (1, 2):
        part = parse(page[: page.index("before...") + len("before") + dots])
        assert part.short_title == demo_interview().short_title
        assert prefix_violations(part, demo_interview()) == []


def test_an_answer_mentioning_an_interview_stays_in_the_answer() -> None:
    """A pronoun is no interviewee: this paragraph is the answer's, not a teaser,
    even where the teasers follow with a single blank line."""
    page = demo_page().replace(
        "next to each task.\n\n\n",
        "next to each task.\n\nI gave an interview to Interfax about this a year ago.\n\n",
    )
    iv = parse(page)
    assert iv.turns[-1].paragraphs[-1] == "I gave an interview to Interfax about this a year ago."
    assert iv.related == demo_interview().related


def test_label_with_a_letter_that_folds_onto_ascii_is_a_candidate_not_a_crash() -> None:
    # Case-insensitive patterns fold the long s (ſ) onto "s" and the dotted
    # capital I (İ) onto "i"; the standard labels are ASCII words, so these
    # spellings are not one of them (a capitalised one is a candidate label).
    assert match_label("Queſtion: Why?") == LabelMatch("Queſtion", "Why?", None)
    assert match_label("İnterfax: Why?") is None
    assert match_label("QUESTİON: Why?") == LabelMatch("QUESTİON", "Why?", None)
    # On a page, such a label nothing supports is read as text, with a warning.
    interview = parse(demo_page().replace("Question:", "Queſtion:", 1))
    first = parse(demo_page()).turns[0]
    assert interview.turns[0].label is None
    assert interview.turns[0].paragraphs == (f"Queſtion: {first.paragraphs[0]}",)
    assert WarningCode.UNKNOWN_LABEL in {w.code for w in interview.warnings}


_OFFICE_LABELLED = """2 Aug 2019

Auroran Deputy Foreign Minister Elena Varga: The treaty is a mistake

Auroran Deputy Foreign Minister Elena Varga has given an interview to Interfax.

Question: Ms. Varga, what happens on August 2?

{label}: The treaty will cease to exist.

Question: And then?

{label}: We will see.
"""


def test_an_office_label_longer_than_the_known_offices_is_the_interviewee() -> None:
    """``Deputy Foreign Minister:`` labels the interviewee's answers, as
    ``Minister:`` does: the office is the speaker's, not a name."""
    for label in (
        "Deputy Foreign Minister",
        "The Secretary General",
        "NATO Secretary General",
        "Head of Delegation",
    ):
        interview = parse(_OFFICE_LABELLED.format(label=label))
        answers = [t for t in interview.turns if t.role is Role.ANSWER]
        assert [(t.label, t.speaker) for t in answers] == [(label, "Elena Varga")] * 2, label


_ANSWERS_UNLABELLED = """1 Jul 2016

Aurora Union Transport Commissioner Tomas Brenner: The corridor will carry freight

Aurora Union Transport Commissioner Tomas Brenner has given an interview to Interfax.

Question: Will the corridor open before winter?

It will. The port tariffs are under review.

Our partners agree on the principle of open transit.

Question: The shippers say costs remain high.

Is there a timetable?

There is a timetable for every task.
"""


def test_questions_labelled_and_answers_not_are_told_apart() -> None:
    """A page that lost its answer labels (migrated pages did) reads each question's
    paragraphs after the one that asks as its answer, and says the roles were inferred."""
    interview = parse(_ANSWERS_UNLABELLED)
    assert [(t.role, t.label, t.speaker, len(t.paragraphs)) for t in interview.turns] == [
        (Role.QUESTION, "Question", "Interfax", 1),
        (Role.ANSWER, None, "Tomas Brenner", 2),
        (Role.QUESTION, "Question", "Interfax", 2),
        (Role.ANSWER, None, "Tomas Brenner", 1),
    ]
    assert interview.turns[3].text == "There is a timetable for every task."
    assert WarningCode.ROLES_INFERRED in {w.code for w in interview.warnings}


def test_labelled_answers_leave_question_paragraphs_alone() -> None:
    page = _ANSWERS_UNLABELLED.replace("It will.", "Answer: It will.").replace(
        "There is a timetable", "Answer: There is a timetable"
    )
    interview = parse(page)
    assert [len(t.paragraphs) for t in interview.turns] == [1, 2, 2, 1]
    assert WarningCode.ROLES_INFERRED not in {w.code for w in interview.warnings}


def test_a_question_cut_before_it_asks_keeps_its_paragraphs() -> None:
    """On a prefix that ends inside a long question, its second paragraph is the
    question's, not an answer: nothing asks yet."""
    cut = _ANSWERS_UNLABELLED[: _ANSWERS_UNLABELLED.index("Will the corridor")]
    page = cut + "Shippers say costs remain high.\n\nThe tariffs are under rev"
    interview = parse(page)
    assert [(t.role, len(t.paragraphs)) for t in interview.turns] == [(Role.QUESTION, 2)]


def test_a_page_cut_inside_its_first_question_keeps_it_whole() -> None:
    """One question and no answer is also what a prefix shows that ends before the
    first ``Answer:``: a statement after the asking paragraph stays in the question."""
    cut = _ANSWERS_UNLABELLED[: _ANSWERS_UNLABELLED.index("Our partners")]
    interview = parse(cut.replace("It will.", "Answer is coming.") + "\n")
    assert [(t.role, len(t.paragraphs)) for t in interview.turns] == [(Role.QUESTION, 2)]
