"""Turns for interviews that print no labels, from evidence the text carries.

Some pages lost their ``Question:``/``Answer:`` labels on the way (migrated
newsroom pages such as ``/exclusive-interviews/726/``); some number their
questions instead (``1. ...?``) and leave the answers unlabelled. This module
works on the body's paragraphs alone, so any template can use it: a template
passes `segment_paragraphs` to `interfax_parse.body.read_body` as its
``segment`` hook, which calls it only when no paragraph of the body carries
a label.

The evidence, in order of strength:

1. **Numbering.** Paragraphs opening with ``1.``, ``2.``, ... *in sequence*
   are questions; the unnumbered paragraphs after each are its answer. The
   numbering counts only when it runs ``1``, ``2`` (at least two in order),
   or when its lone ``1.`` asks something (has a ``?``) or opens the body
   right after the lede: a list inside an answer does not make an interview
   numbered. Numbered questions keep their
   number as the label (``1.``).
2. **Questions.** Otherwise a paragraph is a question when it addresses the
   interviewee at its start (``Mr. Ambassador,``, ``Madam Commissioner,``,
   ``Your Excellency,``; see `addresses_interviewee`) or ends with a question
   mark. Consecutive question paragraphs form one question. The paragraphs
   after a question, up to the next one, are its answer (questions and
   answers alternate), as unlabelled paragraphs continue a labelled turn.

Every turn derived this way has ``label=None`` (or its printed number) and
the reading says the roles were inferred. Where there is no evidence, nothing
is invented: the paragraphs before the first question stay unlabelled
(``role=None``) and a body with no question at all is left as it was.

The first paragraph is the lede unless it is itself a question (a page that
opens on its first question has no lede): unless it addresses the
interviewee, or ends with ``?`` without reading like a lede (``... has given
an interview to Interfax``, see `interfax_parse.grammar.names.lede_subject`).

Known limits: an answer paragraph that ends with a rhetorical question reads
as a new question, and a question that neither addresses the interviewee
nor ends with ``?`` (``Tell us about ...``) continues the answer before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .grammar.names import subject_name
from .model import Role

__all__ = [
    "Segment",
    "Segmentation",
    "addresses_interviewee",
    "asks",
    "numbered",
    "segment_paragraphs",
]

_NUMBER = re.compile(r"(\d{1,2})\.\s+(\S.*)\Z", re.DOTALL)
_ADDRESS = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Messrs)\.?|Madam|Madame|Mister|Sir|Dear"
    r"|Your\s+(?:Excellency|Excellencies|Holiness|Majesty|Highness|Eminence|Beatitude))"
    r"(?:\s+[A-Z][\w.’‘'-]*(?:-[A-Z][\w’‘'-]*)*){0,4},\s"
)
_QUESTION_END = re.compile(r"\?[\"”’‘»)\]]*\Z")


@attrs.frozen(kw_only=True)
class Segment:
    """A run of paragraphs the segmentation assigns one role."""

    role: Role | None
    """Question or answer; ``None`` where the text gives no evidence."""
    label: str | None
    """The printed number of a numbered question (``1.``), else ``None``."""
    paragraphs: tuple[str, ...]
    """The paragraphs, a number label removed."""


@attrs.frozen(kw_only=True)
class Segmentation:
    """What `segment_paragraphs` made of a body's paragraphs."""

    lede: str | None
    """The first paragraph, unless it is a question."""
    segments: tuple[Segment, ...]
    """The rest, in page order."""
    evidence: str | None
    """What the roles were inferred from (``numbered questions``,
    ``questions addressing the interviewee or ending with "?"``); ``None``
    when nothing was inferred and `segments` are all unlabelled."""

    @property
    def inferred(self) -> bool:
        """Whether any role was inferred."""
        return self.evidence is not None


def addresses_interviewee(paragraph: str) -> bool:
    """Whether a paragraph opens by addressing someone (``Mr. Ambassador, ...``).

    >>> addresses_interviewee("Mr. Ambassador, our two countries seem ...")
    True
    >>> addresses_interviewee("Your Excellency, we met two years ago.")
    True
    >>> addresses_interviewee("Mr. Putin said so in March.")
    False
    """
    return _ADDRESS.match(paragraph) is not None


def asks(paragraph: str) -> bool:
    """Whether a paragraph ends with a question mark (closing quotes allowed).

    >>> asks("Is it \u201cbusiness as usual\u201d?")
    True
    >>> asks("It is.")
    False
    """
    return _QUESTION_END.search(paragraph.rstrip()) is not None


def numbered(paragraph: str) -> tuple[int, str] | None:
    """The number and text of a paragraph opening with ``N.``, else None.

    >>> numbered("2. What are the key issues?")
    (2, 'What are the key issues?')
    >>> numbered("2015 was hard.") is None
    True
    """
    match = _NUMBER.match(paragraph)
    if match is None:
        return None
    return int(match.group(1)), match.group(2)


def _question_numbers(paragraphs: Sequence[str]) -> dict[int, str]:
    """Index -> printed label of the paragraphs numbered 1, 2, ... in sequence."""
    found: dict[int, str] = {}
    expected = 1
    for index, paragraph in enumerate(paragraphs):
        number = numbered(paragraph)
        if number is not None and number[0] == expected:
            found[index] = f"{expected}."
            expected += 1
    if len(found) >= 2:
        return found
    # A lone ``1.`` counts when it asks, or when it opens the body (right
    # after the lede): a list inside an answer comes after a question.
    if len(found) == 1 and ("?" in paragraphs[next(iter(found))] or next(iter(found)) <= 1):
        return found
    return {}


def _numbered_segments(paragraphs: Sequence[str], questions: dict[int, str]) -> list[Segment]:
    segments: list[Segment] = []
    for index, paragraph in enumerate(paragraphs):
        label = questions.get(index)
        if label is not None:
            number = numbered(paragraph)
            text = number[1] if number is not None else paragraph
            segments.append(Segment(role=Role.QUESTION, label=label, paragraphs=(text,)))
        elif segments and segments[-1].role is Role.QUESTION:
            segments.append(Segment(role=Role.ANSWER, label=None, paragraphs=(paragraph,)))
        elif segments:
            last = segments[-1]
            segments[-1] = attrs.evolve(last, paragraphs=(*last.paragraphs, paragraph))
        else:
            segments.append(Segment(role=None, label=None, paragraphs=(paragraph,)))
    return segments


def _is_question(paragraph: str) -> bool:
    return addresses_interviewee(paragraph) or asks(paragraph)


def _opens_with_question(paragraphs: Sequence[str]) -> bool:
    """Whether the first paragraph is a question rather than the lede."""
    first = paragraphs[0]
    if addresses_interviewee(first):
        return True
    return asks(first) and subject_name(first) is None


def _alternating_segments(paragraphs: Sequence[str]) -> list[Segment]:
    segments: list[Segment] = []
    for paragraph in paragraphs:
        question = _is_question(paragraph)
        last = segments[-1] if segments else None
        if question:
            role: Role | None = Role.QUESTION
        elif last is not None and last.role is not None:
            role = Role.ANSWER
        else:
            role = None
        if last is not None and last.role is role:
            segments[-1] = attrs.evolve(last, paragraphs=(*last.paragraphs, paragraph))
        else:
            segments.append(Segment(role=role, label=None, paragraphs=(paragraph,)))
    return segments


def segment_paragraphs(paragraphs: Sequence[str]) -> Segmentation:
    """Split a label-less body (lede first) into lede and turns; see the module doc.

    >>> found = segment_paragraphs(["Mr. Ambassador, how are relations?", "Good.", "Stable."])
    >>> found.lede, [(s.role.value, len(s.paragraphs)) for s in found.segments if s.role]
    (None, [('question', 1), ('answer', 2)])
    >>> segment_paragraphs(["Lede.", "Text.", "More text."]).inferred
    False
    """
    if not paragraphs:
        return Segmentation(lede=None, segments=(), evidence=None)
    questions = _question_numbers(paragraphs)
    if questions:
        lede = None if 0 in questions else paragraphs[0]
        rest = paragraphs if lede is None else paragraphs[1:]
        shifted = questions if lede is None else {i - 1: n for i, n in questions.items()}
        return Segmentation(
            lede=lede,
            segments=tuple(_numbered_segments(rest, shifted)),
            evidence="numbered questions",
        )
    lede = None if _opens_with_question(paragraphs) else paragraphs[0]
    rest = paragraphs if lede is None else paragraphs[1:]
    if not any(_is_question(p) for p in rest):
        plain = (Segment(role=None, label=None, paragraphs=tuple(rest)),) if rest else ()
        return Segmentation(lede=lede, segments=plain, evidence=None)
    return Segmentation(
        lede=lede,
        segments=tuple(_alternating_segments(rest)),
        evidence='questions addressing the interviewee or ending with "?"',
    )
