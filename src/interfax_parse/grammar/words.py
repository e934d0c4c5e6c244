"""Words split by a stray space: the opt-in repair behind ``repair_words=True``.

Interviews migrated from the old site to the newsroom site print a few words
with a space inside them: ``fr om`` for *from*, ``wh ere`` for *where*. The
split words are SQL keywords, which suggests a filter on the way that broke
them up on purpose; only these two have been seen on real pages.

Text is kept as printed by default. `repair_split_words` joins exactly the
pairs in `SPLIT_WORDS` and nothing else. It is safe because it is a closed
list, not a general rule:

- each pair is matched as two whole words (``\\b`` on both sides), so
  ``fr omit`` or ``kWh ere`` are left alone;
- the first fragment of every pair (``fr``, ``wh``) is not an English word,
  so the pair cannot stand in correct English text and joining it cannot
  damage a sentence that was printed right;
- only the first letter may be a capital (``Fr om`` at a sentence start);
  any other spelling is left as printed.

No other spaces are ever removed: a general "join two fragments into a word"
repair would merge real words (``a rise`` into ``arise``). A pair is added to
`SPLIT_WORDS` only when a real page shows it, with a test from that page.
"""

from __future__ import annotations

import re

__all__ = ["SPLIT_WORDS", "repair_split_words"]

SPLIT_WORDS: dict[str, str] = {
    "fr om": "from",
    "wh ere": "where",
}
"""Each split form seen on real pages (lower case) and the word it stands for."""


def _pattern(split: str) -> str:
    head, rest = split[0], split[1:]
    return rf"\b[{head}{head.upper()}]{re.escape(rest)}\b"


_SPLIT = re.compile("|".join(_pattern(split) for split in SPLIT_WORDS))


def _join(match: re.Match[str]) -> str:
    found = match.group(0)
    word = SPLIT_WORDS[found.lower()]
    return word[0].upper() + word[1:] if found[0].isupper() else word


def repair_split_words(text: str) -> str:
    """Join the known split words of `SPLIT_WORDS`; leave everything else as printed.

    >>> repair_split_words("supplies fr om Russia, in Washington, wh ere there")
    'supplies from Russia, in Washington, where there'
    >>> repair_split_words("Fr om the start")
    'From the start'
    >>> repair_split_words("fr omit, kWh ere, a rise, FR OM")
    'fr omit, kWh ere, a rise, FR OM'
    """
    if " " not in text:
        return text
    return _SPLIT.sub(_join, text)
