"""Wide gaps inside the interview body, and labels printed without a space.

Two defects found in review:

- a wide gap (two or more blank lines) between the lede and the first
  ``Question:``, or a stray extra blank line inside the body, moved the rest
  of the interview into the teasers (``related``);
- a standard label printed with no space after its colon (``Question:Your
  ...``, as ``<p><b>Question:</b>Your ...</p>`` renders) was not read as a
  label; name and office labels still need the space (a title such as
  ``McFaul:U.S. ...`` or a time ``18:44`` is no label).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interfax_parse import Role, WarningCode, get_template, parse, parse_html, parse_text
from interfax_parse.demo import demo_interview, demo_page
from interfax_parse.grammar.labels import LabelMatch, match_label
from interfax_parse.testing.strategies import interviews

TEMPLATES = ["interview-asp-2018", "interview-asp-2020", "newsroom"]

NEWSROOM_PAGE = """\
4 Feb 2021

Vesslandic Ambassador to Russia Oskar Dorn: Our rail corridor will carry freight in spring

Vesslandic Ambassador to Russia Oskar Dorn has given an interview to Interfax.

Question: Mr. Ambassador, when will the first train run?

Answer: In spring, if the bridges pass their last tests.

Q.: Will visas be eased?

A.: For drivers and crews, yes.
"""


def _codes(text: str) -> set[WarningCode]:
    return {w.code for w in parse(text).warnings}


def _widen_before(text: str, line_start: str, extra: int = 1) -> str:
    """`text` with `extra` more blank lines before the line opening with `line_start`."""
    index = text.index("\n" + line_start) + 1
    return text[:index] + "\n" * extra + text[index:]


# -- A. wide gaps inside the body ---------------------------------------------


@pytest.mark.parametrize("extra", [1, 2])
def test_wide_gap_between_lede_and_first_question_newsroom(extra: int) -> None:
    page = _widen_before(NEWSROOM_PAGE, "Question:", extra)
    read = parse_text(page)
    assert read == parse_text(NEWSROOM_PAGE)
    assert [t.label for t in read.turns] == ["Question", "Answer", "Q.", "A."]
    assert read.related == ()
    assert WarningCode.NO_TURNS not in _codes(page)


@pytest.mark.parametrize("extra", [1, 2])
def test_wide_gap_between_lede_and_first_question_old_site(extra: int) -> None:
    page = _widen_before(demo_page(), "Question:", extra)
    assert parse(page) == demo_interview()


@pytest.mark.parametrize("label", ["Answer:", "Q.:", "A.: A timetable"])
def test_stray_blank_line_before_a_later_turn(label: str) -> None:
    page = _widen_before(demo_page(), label)
    assert parse(page) == demo_interview()


def test_stray_blank_line_before_a_continuation_paragraph() -> None:
    # An unlabelled paragraph after a wide gap continues the body when a turn follows.
    page = _widen_before(demo_page(), "If the weather holds")
    assert parse(page) == demo_interview()


def test_stray_blank_lines_in_several_places() -> None:
    page = demo_page()
    for start in ("Question:", "If the weather holds", "Q.: What", "A.: A timetable"):
        page = _widen_before(page, start)
    assert parse(page) == demo_interview()


def test_teasers_still_start_at_the_wide_gap_after_the_last_turn() -> None:
    read = parse(demo_page())
    assert [item.interviewee for item in read.related] == ["Tomas Brenner", "Ilse Moor"]
    assert read.turns[-1].paragraphs == (
        "A timetable. Everyone agrees on the principle; "
        "what we need now are dates and names next to each task.",
    )


def test_a_wide_gap_before_unlabelled_text_with_no_turn_after_it_starts_teasers() -> None:
    page = (
        NEWSROOM_PAGE + "\n\nAuroran Minister Greta Halvard has given an interview to Interfax.\n"
    )
    read = parse_text(page)
    assert len(read.turns) == 4
    assert [item.interviewee for item in read.related] == ["Greta Halvard"]


def test_a_name_label_the_page_already_uses_continues_after_a_wide_gap() -> None:
    page = NEWSROOM_PAGE.replace("A.:", "Dorn:").replace("Answer:", "Dorn:")
    page += "\nQ.: And freight?\n\n\nDorn: Freight first.\n"
    read = parse_text(page)
    assert [t.label for t in read.turns] == ["Question", "Dorn", "Q.", "Dorn", "Q.", "Dorn"]
    assert read.turns[-1].paragraphs == ("Freight first.",)
    assert read.related == ()


def test_a_new_name_label_after_a_wide_gap_still_starts_teasers() -> None:
    # Nothing shows that ``Halvard:`` is a turn of this page: read as a teaser.
    page = NEWSROOM_PAGE + "\n\nHalvard: The river treaty will be signed in May.\n"
    read = parse_text(page)
    assert len(read.turns) == 4
    assert [item.summary for item in read.related] == [
        "Halvard: The river treaty will be signed in May."
    ]


def test_html_lede_and_turns_in_separate_containers() -> None:
    # Two multi-line containers meet with a wide gap (docs/html.md): the lede's
    # block and the block of turns.
    html = (
        "<html><body><div><p>4 Feb 2021</p>"
        "<p>Vesslandic Ambassador to Russia Oskar Dorn: Our rail corridor will carry freight</p>"
        "<p>Vesslandic Ambassador to Russia Oskar Dorn has given an interview to Interfax.</p>"
        "</div><div><p>Question: Mr. Ambassador, when will the first train run?</p>"
        "<p>Answer: In spring, if the bridges pass their last tests.</p>"
        "<p>Q.: Will visas be eased?</p><p>A.: For drivers and crews, yes.</p></div>"
        "</body></html>"
    )
    read = parse_html(html)
    assert [(t.role, t.label) for t in read.turns] == [
        (Role.QUESTION, "Question"),
        (Role.ANSWER, "Answer"),
        (Role.QUESTION, "Q."),
        (Role.ANSWER, "A."),
    ]
    assert read.related == ()
    assert read.interviewee == "Oskar Dorn"


@pytest.mark.parametrize("name", TEMPLATES)
@given(data=st.data())
def test_extra_blank_line_before_any_turn_changes_nothing(name: str, data: st.DataObject) -> None:
    interview = data.draw(interviews(name))
    page = get_template(name).render(interview)
    starts = [
        match.start()
        for turn in interview.turns
        for match in re.finditer(rf"(?m)^{re.escape(turn.label or '')}: ", page)
    ]
    index = data.draw(st.sampled_from(starts))
    extra = data.draw(st.integers(min_value=1, max_value=2))
    assert parse_text(page[:index] + "\n" * extra + page[index:]) == interview


# -- B. standard labels without a space after the colon -----------------------


@pytest.mark.parametrize(
    ("text", "label", "role"),
    [
        ("Question:Your Excellency, how?", "Question", Role.QUESTION),
        ("Answer:As I said.", "Answer", Role.ANSWER),
        ("Q:Why?", "Q", Role.QUESTION),
        ("A:Because.", "A", Role.ANSWER),
        ("Q.:Why?", "Q.", Role.QUESTION),
        ("A.:Because.", "A.", Role.ANSWER),
        ("Interfax:Why?", "Interfax", Role.QUESTION),
        ("QUESTION:Why?", "QUESTION", Role.QUESTION),
        ("answer:Because.", "answer", Role.ANSWER),
        ("Question :Why?", "Question", Role.QUESTION),
        ("QuEsTiOn:Why?", "QuEsTiOn", Role.QUESTION),
    ],
)
def test_standard_label_without_a_space(text: str, label: str, role: Role) -> None:
    rest = text.split(":", 1)[1]
    assert match_label(text) == LabelMatch(label, rest, role)


@pytest.mark.parametrize(
    "text",
    [
        "McFaul:U.S. still sees Russia as a partner",
        "Lavrov:We will see.",
        "Minister:Yes.",
        "18:44 The ministers met.",
        "Mr. Lavrov:We will see.",
    ],
)
def test_name_and_office_labels_still_need_the_space(text: str) -> None:
    assert match_label(text) is None


def test_labels_without_a_space_newsroom_text() -> None:
    page = NEWSROOM_PAGE.replace(": ", ":").replace(
        "Oskar Dorn:Our", "Oskar Dorn: Our"
    )  # the title keeps its space
    assert "Question:Mr." in page and "A.:For" in page
    assert parse_text(page) == parse_text(NEWSROOM_PAGE)


def test_labels_without_a_space_old_site_text() -> None:
    page = demo_page()
    for label in ("Question", "Answer", "Q.", "A."):
        page = page.replace(f"\n{label}: ", f"\n{label}:")
    assert "\nQuestion:Madam" in page
    assert parse(page) == demo_interview()


def test_a_title_glued_to_its_name_is_no_label() -> None:
    page = NEWSROOM_PAGE.replace("Oskar Dorn: Our", "Dorn:Our")
    read = parse_text(page)
    assert read.title is not None and read.title.startswith("Vesslandic Ambassador")
    assert read.turns[0].label == "Question"


def test_labels_without_a_space_html() -> None:
    html = (
        "<html><body><p>4 Feb 2021</p>"
        "<p>Vesslandic Ambassador to Russia Oskar Dorn: Our rail corridor will carry freight</p>"
        "<p>Vesslandic Ambassador to Russia Oskar Dorn has given an interview to Interfax.</p>"
        "<p><b>Question:</b>Mr. Ambassador, when will the first train run?</p>"
        "<p><b>Answer:</b>In spring, if the bridges pass their last tests.</p>"
        "<p><strong>Q.:</strong>Will visas be eased?</p>"
        "<p><b>A.:</b>For drivers and crews, yes.</p>"
        "</body></html>"
    )
    read = parse_html(html)
    assert [(t.role, t.label, t.paragraphs[0][:3]) for t in read.turns] == [
        (Role.QUESTION, "Question", "Mr."),
        (Role.ANSWER, "Answer", "In "),
        (Role.QUESTION, "Q.", "Wil"),
        (Role.ANSWER, "A.", "For"),
    ]
    assert WarningCode.ROLES_INFERRED not in {w.code for w in read.warnings}


@pytest.mark.parametrize("name", TEMPLATES)
@given(data=st.data())
def test_dropping_the_space_after_a_standard_label_changes_nothing(
    name: str, data: st.DataObject
) -> None:
    interview = data.draw(interviews(name))
    page = get_template(name).render(interview)
    labels = "|".join(re.escape(t.label or "") for t in interview.turns)
    starts = [m.end() - 1 for m in re.finditer(rf"(?m)^(?:{labels}): ", page)]
    chosen = data.draw(st.lists(st.sampled_from(starts), unique=True, min_size=1))
    for index in sorted(chosen, reverse=True):
        page = page[:index] + page[index + 1 :]
    assert parse_text(page) == interview
