"""Turn labels: the ``Label:`` that opens a question or an answer.

Standard labels (``Question``, ``Answer``, ``Q.``, ``A.``, ``Q``, ``A``,
``Interfax``) fix the role by themselves. Other capitalised labels
(``Minister``, ``Lavrov``, ``Mr. Lavrov``) are *candidates*: whether one is a
label or just the start of a sentence is decided by the body reader from the
page's context (see `interfax_parse.body`).

A standard label may be printed with no space after its colon
(``Question:Your ...``); a candidate needs the space (``McFaul:U.S. ...`` is
a title glued to its name, ``18:44`` a time).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Role

__all__ = [
    "ASKER_LABELS",
    "OFFICE_LABELS",
    "LabelMatch",
    "is_cut_label",
    "is_office_label",
    "match_label",
    "match_numbered",
]

# Case-insensitive in ASCII only (``(?a:...)``): Unicode case folding would
# also take ``Queſtion`` (long s) or ``İnterfax`` (dotted I), which are no
# standard label and have no role. The text may follow the colon with no
# space (``Question:Your ...``, as ``<b>Question:</b>Your ...`` renders): a
# standard label is one of a few fixed words, so the colon alone marks it.
# Name and office labels (`_CANDIDATE`) still need the space: without it a
# title glued to its name (``McFaul:U.S. ...``) or a time (``18:44``) would
# read as one.
_STANDARD = re.compile(r"((?a:Question|Answer|Q\.?|A\.?|Interfax))\s?:\s*(.*)\Z", re.IGNORECASE)
_STANDARD_ROLE = {
    "question": Role.QUESTION,
    "q.": Role.QUESTION,
    "q": Role.QUESTION,
    "interfax": Role.QUESTION,
    "answer": Role.ANSWER,
    "a.": Role.ANSWER,
    "a": Role.ANSWER,
}
_WORD = r"[A-Z][\w'’‘.-]*"
_JOINER = r"(?:of|the|for|and|de|von|van|der|al|bin|da|di|la|le)"
_CANDIDATE = re.compile(rf"((?:{_WORD})(?: (?:{_WORD}|{_JOINER})){{0,5}}):(?:\s+(.*))?\Z")
_NUMBERED = re.compile(r"(\d{1,2}[.)])\s+(.+)\Z")

OFFICE_LABELS = frozenset(
    {
        "minister", "foreign minister", "deputy minister", "prime minister",
        "premier", "president", "vice president", "ambassador", "chancellor",
        "secretary general", "secretary-general", "director", "director general",
        "chairman", "chairwoman", "chair", "head", "ceo", "governor", "mayor",
        "envoy", "spokesman", "spokeswoman", "spokesperson", "representative",
        "commissioner", "patriarch", "king", "emir", "general", "admiral",
        "senator", "speaker", "expert", "guest", "respondent", "official",
    }
)  # fmt: skip
"""Offices printed as answer labels (matched case-insensitively; see `is_office_label`)."""


def is_office_label(label: str) -> bool:
    """Whether `label` names an office, as `OFFICE_LABELS` hold them, with
    words before it or a field after ``of``: ``Deputy Foreign Minister``,
    ``The Secretary General``, ``NATO Secretary General``, ``Head of Delegation``.

    >>> is_office_label("Deputy Foreign Minister"), is_office_label("Mr. Lavrov")
    (True, False)
    """
    low = label.lower()
    if low in OFFICE_LABELS:
        return True
    words = low.partition(" of ")[0].split()
    return bool(words) and (words[-1] in OFFICE_LABELS or " ".join(words[-2:]) in OFFICE_LABELS)


ASKER_LABELS = frozenset({"interfax", "correspondent", "journalist", "interviewer", "reporter"})
"""Labels that mark the interviewer's side."""


class LabelMatch(NamedTuple):
    """A label at the start of a paragraph."""

    label: str
    """The label as printed, without its colon."""
    rest: str
    """The paragraph's text after the label (may be empty)."""
    role: Role | None
    """The role a standard label fixes; None for a candidate."""


_new_match = tuple.__new__  # `LabelMatch._make` without its Python frame

_STANDARD_HEADS = {
    head: role
    for word, role in _STANDARD_ROLE.items()
    for head in (word, word.upper(), word.capitalize())
}
"""The standard labels as pages print them (``Question``, ``A.``, ...), by role:
a paragraph's text up to its colon looked up whole, before `_STANDARD`."""


def match_label(text: str) -> LabelMatch | None:
    """Find a label at the start of a paragraph.

    >>> match_label("Q.: What next?")
    LabelMatch(label='Q.', rest='What next?', role=<Role.QUESTION: 'question'>)
    >>> match_label("Lavrov: We will see.").role is None
    True
    >>> match_label("Four focus areas are: democracy") is None
    True
    >>> match_label("Answer:As I said.").rest, match_label("Lavrov:As I said.")
    ('As I said.', None)
    """
    colon = text.find(":", 0, 80)
    if colon < 0:  # no colon in the first 80 characters
        return None
    # The usual label, ``Question: ...``, without the patterns: the text up to
    # the colon is a standard label as pages print it, and what follows is
    # one line, after white space or none, all of which `_STANDARD`'s
    # ``\s*(.*)\Z`` would take. Anything else goes to the patterns.
    # (Measured: 1.1 to 0.5 us a label, about 17 a page, 4 % of reading a page.)
    label = text[:colon]
    role = _STANDARD_HEADS.get(label)
    if role is not None:
        rest = text[colon + 1 :]
        if not rest:
            return _new_match(LabelMatch, (label, rest, role))
        if rest[0].isspace():
            rest = rest.lstrip()
        if "\n" not in rest:  # with or without a space after the colon
            return _new_match(LabelMatch, (label, rest, role))
    match = _STANDARD.match(text)
    if match is not None:
        label = match.group(1)
        return _new_match(LabelMatch, (label, match.group(2) or "", _STANDARD_ROLE[label.lower()]))
    match = _CANDIDATE.match(text)
    if match is not None:
        return _new_match(LabelMatch, (match.group(1), match.group(2) or "", None))
    return None


def match_numbered(text: str) -> LabelMatch | None:
    """A numbered question, ``1. Last year's war ...``: label ``1.``, role question.

    >>> match_numbered("2. What are the key issues?")
    LabelMatch(label='2.', rest='What are the key issues?', role=<Role.QUESTION: 'question'>)
    """
    match = _NUMBERED.match(text)
    if match is None:
        return None
    return LabelMatch(match.group(1), match.group(2), Role.QUESTION)


_LABEL_WORDS = ("question", "answer", "q.", "a.", "interfax")


def is_cut_label(text: str) -> bool:
    """Whether `text` is a standard label cut before its colon (``Q.``, ``Answ``).

    Only meaningful for the last line of a truncated page.

    >>> is_cut_label("Q."), is_cut_label("Answ"), is_cut_label("Answer it")
    (True, True, False)
    """
    low = text.lower()
    return bool(low) and any(word.startswith(low) for word in _LABEL_WORDS)
