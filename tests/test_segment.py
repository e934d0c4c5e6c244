"""Label-less bodies: turns from the evidence the text carries, never invented."""

from __future__ import annotations

import pytest

from interfax_parse import Role, WarningCode, parse
from interfax_parse.blocks import split_blocks
from interfax_parse.body import read_body
from interfax_parse.segment import Segment, segment_paragraphs

Q, A = Role.QUESTION, Role.ANSWER


def shape(paragraphs: list[str]) -> list[tuple[Role | None, str | None, int]]:
    return [(s.role, s.label, len(s.paragraphs)) for s in segment_paragraphs(paragraphs).segments]


def test_alternation_after_an_addressed_question() -> None:
    found = segment_paragraphs(
        [
            "Madam Commissioner, the corridor was announced four years ago.",
            "The track is laid.",
            "The bridges passed their tests.",
            "When will the first train run?",
            "Before winter.",
        ]
    )
    assert found.lede is None and found.inferred
    assert [(s.role, len(s.paragraphs)) for s in found.segments] == [(Q, 1), (A, 2), (Q, 1), (A, 1)]
    assert all(s.label is None for s in found.segments)


def test_first_paragraph_is_the_lede_unless_it_asks() -> None:
    found = segment_paragraphs(["Ann Lee has given an interview.", "Why now?", "Because."])
    assert found.lede == "Ann Lee has given an interview."
    assert shape(["Ann Lee has given an interview.", "Why now?", "Because."])[0] == (Q, None, 1)


def test_paragraphs_before_the_first_question_stay_unlabelled() -> None:
    found = segment_paragraphs(["Lede.", "Some background.", "More background.", "Why?", "Yes."])
    assert found.segments[0] == Segment(
        role=None, label=None, paragraphs=("Some background.", "More background.")
    )
    assert [s.role for s in found.segments] == [None, Q, A]


def test_no_evidence_no_roles() -> None:
    found = segment_paragraphs(["Lede.", "He said so.", "She agreed."])
    assert not found.inferred and found.evidence is None
    assert found.segments == (
        Segment(role=None, label=None, paragraphs=("He said so.", "She agreed.")),
    )


def test_consecutive_questions_form_one_question() -> None:
    assert shape(["Mr. Dorn, a first point.", "And a second one?", "An answer."]) == [
        (Q, None, 2),
        (A, None, 1),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Mr. Ambassador, ",
        "Mr. Secretary General, ",
        "Mr. Secretary-General, ",
        "Madam Commissioner, ",
        "Your Excellency, ",
        "Mr. Dorn, ",
        "Sir, ",
    ],
)
def test_addresses(opening: str) -> None:
    assert shape([opening + "tell us about the corridor.", "It is long."]) == [
        (Q, None, 1),
        (A, None, 1),
    ]


def test_numbered_questions() -> None:
    found = segment_paragraphs(
        ["Lede.", "1. What now?", "An answer.", "More of it.", "2. Tell us more.", "Fine."]
    )
    assert found.lede == "Lede." and found.evidence == "numbered questions"
    assert [(s.role, s.label, s.paragraphs) for s in found.segments] == [
        (Q, "1.", ("What now?",)),
        (A, None, ("An answer.", "More of it.")),
        (Q, "2.", ("Tell us more.",)),
        (A, None, ("Fine.",)),
    ]


def test_numbering_must_run_in_sequence() -> None:
    # A list inside an answer (1., 3.) is not numbered questions; here the
    # alternation evidence decides instead.
    found = segment_paragraphs(["Mr. Dorn, why?", "Two reasons.", "1. Cost.", "3. Time."])
    assert found.evidence is not None and "numbered" not in found.evidence
    assert [s.role for s in found.segments] == [Q, A]


def test_a_lone_number_must_ask_or_open_the_body() -> None:
    later = ["Lede.", "Background.", "1. We will build it.", "It is done."]
    assert not segment_paragraphs(later).inferred
    assert segment_paragraphs(["Lede.", "Background.", "1. Will you build it?", "Yes."]).inferred
    # Right after the lede (newsroom-741 cut before its first "?"):
    found = segment_paragraphs(["Lede.", "1. Last year's war in Georgia slowed"])
    assert [(s.role, s.label) for s in found.segments] == [(Q, "1.")]


def test_read_body_without_the_hook_keeps_the_old_behaviour() -> None:
    blocks = split_blocks("Mr. Dorn, why?\n\nBecause.\n")
    plain = read_body(blocks, title=None)
    assert plain.lede == "Mr. Dorn, why?" and plain.turns[0].role is None
    hooked = read_body(blocks, title=None, segment=segment_paragraphs)
    assert hooked.lede is None and [t.role for t in hooked.turns] == [Q, A]
    assert WarningCode.ROLES_INFERRED in {w.code for w in hooked.warnings}


def test_hook_is_not_used_when_the_body_has_labels() -> None:
    blocks = split_blocks("Lede.\n\nMr. Dorn, why?\n\nAnswer: Because.\n")
    body = read_body(blocks, title=None, segment=segment_paragraphs)
    assert body.lede == "Lede."
    assert [(t.role, t.label) for t in body.turns] == [(None, None), (A, "Answer")]
    assert WarningCode.ROLES_INFERRED not in {w.code for w in body.warnings}


def test_newsroom_page_without_evidence_stays_unlabelled() -> None:
    page = "3 Mar 2021\n\nOskar Dorn: Rail\n\nOskar Dorn has given an interview to Interfax.\n\n"
    page += "He spoke of rail.\n\nHe spoke of ports.\n"
    iv = parse(page)
    assert iv.template == "newsroom"
    (turn,) = iv.turns
    assert turn.role is None and turn.speaker is None and len(turn.paragraphs) == 2
    codes = {w.code for w in iv.warnings}
    assert WarningCode.ROLES_INFERRED not in codes and WarningCode.NO_TURNS in codes


def test_a_lede_ending_with_a_question_mark_is_still_the_lede() -> None:
    lede = "Ann Lee has given an interview to Interfax in which she asks: what next?"
    found = segment_paragraphs([lede, "Why now?", "Because."])
    assert found.lede == lede
    assert [s.role for s in found.segments] == [Q, A]
    assert not segment_paragraphs([lede]).inferred
