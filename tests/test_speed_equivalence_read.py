"""The reading round's fast paths give what the formulations they replaced give.

Each test copies the formulation a fast path replaced and checks both on
arbitrary input: a standard label looked up whole before its pattern.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse.grammar.labels import (
    _CANDIDATE,
    _STANDARD,
    _STANDARD_ROLE,
    LabelMatch,
    match_label,
)

# Label heads in every case, with the characters case-insensitive matching
# folds onto their letters (long s, dotless and dotted i).
_HEADS = st.sampled_from(
    (
        "Question Answer Q. A. Q A Interfax QUESTION answer q. a INTERFAX interfax QuEsTiOn "
        "Queſtion Interİax ınterfax Lavrov Q.."
    ).split(),
)
_HEADS |= st.sampled_from(["Mr. Lee", "Question ", "Q. ", "", "Answer\n"])
_AFTER = st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000ab.:Q")))


def _previous_match_label(text: str) -> LabelMatch | None:
    """`match_label` before the standard labels were looked up whole."""
    if text.find(":", 0, 80) < 0:
        return None
    match = _STANDARD.match(text)
    if match is not None:
        label = match.group(1)
        return LabelMatch(label, match.group(2) or "", _STANDARD_ROLE[label.lower()])
    match = _CANDIDATE.match(text)
    if match is not None:
        return LabelMatch(match.group(1), match.group(2) or "", None)
    return None


def _outcome(function: Callable[[str], object], text: str) -> object:
    """What `function` returns for `text`, or the type of what it raises
    (both raise `KeyError` on a label that folds onto a standard one only
    case-insensitively, such as ``Queſtion``)."""
    try:
        return function(text)
    except Exception as error:
        return type(error)


@given(st.builds("{}:{}".format, _HEADS, _AFTER) | st.text())
@example("Question: What next?")
@example("Answer:")
@example("Q.:\n\nYes")
@example("A: one\ntwo")
@example("Interfax:x")
@example("Answer: \x1c")
def test_label_looked_up_whole_equals_the_patterns(text: str) -> None:
    assert _outcome(match_label, text) == _outcome(_previous_match_label, text)
