"""Text as compared across captures: the rendering differences folded away.

Two captures of one interview print its text with small differences that
are not edits: curly or straight quotes (``Aurora’s``, ``Aurora‘s``,
``Aurora's``), apostrophes lost (``Auroras``, ``dont``), dashes of any
width, words split by the migration to the newsroom site (``fr om``),
accents, letter case and spacing. `fold` removes exactly these, so that
``fold(a) == fold(b)`` means "the same text as printed by two sites", and
``fold(b).startswith(fold(a))`` "a is a cut copy of b". `words` splits the
folded text into the words the interview keys are built from.

>>> fold("It’s Aurora‘s  “choice” — fr om the League")
'its auroras "choice" - from the league'
>>> fold("its Auroras \\"choice\\" - from the League")
'its auroras "choice" - from the league'
>>> words("Greta Halvard-Moor: Aurora’s contribution")
['greta', 'halvard', 'moor', 'auroras', 'contribution']
"""

from __future__ import annotations

import re
import unicodedata

from ..grammar.quotes import normalize_quotes
from ..grammar.words import repair_split_words

__all__ = ["fold", "related", "words"]

_APOSTROPHES = str.maketrans("", "", "'ʼ")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """`text` with quote marks, apostrophes, dashes, split words, accents, case
    and spacing made uniform (see the module docstring)."""
    text = normalize_quotes(repair_split_words(text)).translate(_APOSTROPHES)
    text = _DASHES.sub("-", text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.split()).lower()


def words(text: str) -> list[str]:
    """The words of `fold(text)`: runs of letters and digits (punctuation splits)."""
    return _WORD.findall(fold(text))


def related(a: str, b: str) -> bool:
    """Whether one folded text is a prefix of the other (a cut copy, or equal)."""
    return a.startswith(b) or b.startswith(a)
