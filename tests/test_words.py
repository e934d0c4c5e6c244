"""The split-word repair: a closed list, whole words only, nothing else touched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interfax_parse.grammar.words import SPLIT_WORDS, repair_split_words


def test_known_splits_are_joined() -> None:
    assert repair_split_words("come fr om Washington") == "come from Washington"
    assert repair_split_words("Washington, wh ere there") == "Washington, where there"
    assert repair_split_words("Fr om the start. Wh ere?") == "From the start. Where?"


def test_only_whole_fragments_are_joined() -> None:
    for text in ("fr omit", "kWh ere", "afr om", "wh erein", "FR OM", "fr  om", "a rise", "in to"):
        assert repair_split_words(text) == text


def test_the_first_fragment_of_every_split_is_not_a_word() -> None:
    """Why the repair is safe: no split can stand in correctly printed English."""
    not_words = {"fr", "wh"}
    assert {split.split()[0] for split in SPLIT_WORDS} <= not_words
    assert all(split.replace(" ", "") == word for split, word in SPLIT_WORDS.items())


@given(st.text(alphabet=st.sampled_from("abefhmorwFW .,'"), max_size=40))
def test_only_spaces_inside_listed_splits_are_removed(text: str) -> None:
    repaired = repair_split_words(text)
    assert repaired.replace(" ", "") == text.replace(" ", "")
    removed = len(text) - len(repaired)
    assert removed <= sum(text.lower().count(split) for split in SPLIT_WORDS)
    assert repair_split_words(repaired) == repaired
