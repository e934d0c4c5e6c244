"""The interview key: one string per interview, whatever page it was read from.

`interview_key(interview)` is built only from what every capture of an
interview carries near its top, on both sites, in every capture year:

1. **Title** (the page has a title): ``title:<date>:<surname>:<opening>``.

   - ``<date>`` is the publication date, ISO (``2019-11-14``), or
     ``nodate``.
   - The title is split at its first ``": "`` when what stands before it is
     at most 16 words (the speaker): ``<surname>`` is the last word of the
     speaker and ``<opening>`` the first 8 words of what follows. So the
     newsroom's ``Auroran Transport Commissioner Elena Varga: The corridor
     ...`` and the old site's ``Elena Varga: The corridor ...`` (or
     ``Varga: The corridor ...``) give the same key.
   - A title without that colon may end with its speaker, the dash lost
     (``... open to grain transit Dorn``) or kept (``... transit - Oskar
     Dorn``): the name is cut off and its last word is ``<surname>``; a
     title that names nobody has an empty ``<surname>``.
   - Words are those of `interfax_parse.corpus.text.words`: quote marks,
     lost apostrophes (``Vesslands``), dashes, split words (``fr om``),
     accents and case do not matter.

2. **Text** (no title: a migrated page that starts at a turn):
   ``text:<date>:<opening>``, ``<opening>`` being the first 10 words of the
   turns' text, labels left out.

3. **Address** (no title and no turn text, e.g. a page cut before its
   date): ``address:<url>``; without an address either,
   ``capture:<digest>``, a digest of the whole reading, so that only
   identical readings share it.

The key is *whole* (`InterviewKey.whole`) when its words cannot change if
the page were longer: the title (or text) is followed by more of the page,
or the page is not truncated, or the title was split at the speaker's colon
and the key's 8 words are followed by another one (for a text key: its 10
words are followed by another one). A capture cut inside its title's first
8 words has a key that is not whole: its opening ends early or in a cut
word.

What the key cannot join, by design or by lack of evidence (see
``docs/corpus.md``): a capture without a title (keyed on its text) and a
capture of the same interview with one (keyed on the title); a capture cut
inside the title's first words; a capture without a date and one with it;
two titles whose speaker parts end in different words (a title naming its
speaker on one site and nobody on the other). `interfax_parse.corpus.Corpus`
joins the first two kinds afterwards, through the turn text and title they
share with a whole-keyed capture. Two different interviews share a key only
if they were published the same day, by speakers of the same surname, under
titles whose first 8 words agree.

>>> import datetime as dt
>>> from interfax_parse import Interview
>>> old = Interview(template="interview-asp-2020", published=dt.date(2019, 11, 14),
...     title="Elena Varga: Vessland’s northern corridor will carry its first freight")
>>> interview_key(old)
'title:2019-11-14:varga:vesslands northern corridor will carry its first freight'
>>> new = Interview(template="newsroom", published=dt.date(2019, 11, 14),
...     title="Auroran Transport Commissioner Elena Varga: Vesslands northern corridor "
...     "will carry its first freight before winter")
>>> interview_key(new) == interview_key(old)
True
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterator, Sequence

import attrs

from ..grammar.names import title_speaker
from ..model import Interview, Turn
from .text import words

__all__ = [
    "QUOTE_WORDS",
    "TEXT_WORDS",
    "Basis",
    "InterviewKey",
    "interview_key",
    "key_of",
    "split_title",
    "text_keys",
    "title_parts",
]

QUOTE_WORDS = 8
"""How many words of the title's quote go into a title key."""
TEXT_WORDS = 10
"""How many words of turn text go into a text key."""
_SPEAKER_WORDS = 16
"""A title's part before ``": "`` is its speaker only up to this many words
(as in `interfax_parse.grammar.names.title_speaker`)."""

_DASHED_NAME = re.compile(
    r"\s[-–—]\s*((?:[A-Z][\w'’‘.]*(?:-[\w'’‘]+)*)(?:\s+[A-Z][\w'’‘.]*(?:-[\w'’‘]+)*){0,2})\s*\Z"
)


class Basis(enum.Enum):
    """What an interview key is built from."""

    TITLE = "title"
    TEXT = "text"
    ADDRESS = "address"
    CAPTURE = "capture"


@attrs.frozen(kw_only=True)
class InterviewKey:
    """An interview key and how it was made."""

    value: str
    """The key itself, as `interview_key` returns it."""
    basis: Basis
    """What it was built from."""
    whole: bool
    """Whether a longer copy of the same page would give the same key."""


def split_title(title: str) -> tuple[str, list[str], bool]:
    """The (surname, quote words) a title key is built from, and whether the
    title was split at a speaker's colon.

    >>> split_title("Vesslandic Ambassador to Aurora Oskar Dorn: We hope for spring")
    ('dorn', ['we', 'hope', 'for', 'spring'], True)
    >>> split_title("Ports will stay open to grain transit Dorn")
    ('dorn', ['ports', 'will', 'stay', 'open', 'to', 'grain', 'transit'], False)
    >>> split_title("Ports will stay open to grain transit - Oskar Dorn")[:2]
    ('dorn', ['ports', 'will', 'stay', 'open', 'to', 'grain', 'transit'])
    """
    head, colon, rest = title.partition(": ")
    if colon and 0 < len(head.split()) <= _SPEAKER_WORDS:
        return "".join(words(head.split()[-1])), words(rest), True
    dashed = _DASHED_NAME.search(title)
    if dashed is not None:
        name, quote = dashed.group(1), title[: dashed.start()]
    else:
        _, name = title_speaker(title)
        quote = title
        if name is not None and title.rstrip().endswith(name):
            quote = title.rstrip()[: -len(name)]
    surname = "".join(words(name.split()[-1])) if name else ""
    return surname, words(quote), False


def title_parts(title: str) -> tuple[str, list[str]]:
    """The (surname, quote words) of a title (see `split_title`)."""
    surname, quote, _ = split_title(title)
    return surname, quote


def _date(interview: Interview) -> str:
    return interview.published.isoformat() if interview.published else "nodate"


def _title_is_last(interview: Interview) -> bool:
    """Whether nothing of the page follows the title (so a cut may be inside it)."""
    return not (
        interview.photo
        or interview.lede
        or interview.turns
        or interview.related
        or interview.unclaimed
    )


def _turn_words(turns: Sequence[Turn]) -> Iterator[str]:
    for turn in turns:
        for paragraph in turn.paragraphs:
            yield from words(paragraph)


def _opening(turns: Sequence[Turn], count: int) -> list[str]:
    found: list[str] = []
    for word in _turn_words(turns):
        found.append(word)
        if len(found) > count:
            break
    return found


def key_of(interview: Interview) -> InterviewKey:
    """The interview key of `interview` and how it was made (see the module doc)."""
    date = _date(interview)
    if interview.title is not None:
        surname, quote, split = split_title(interview.title)
        cut = interview.truncated and _title_is_last(interview)
        whole = not cut or (split and len(quote) > QUOTE_WORDS)
        value = f"title:{date}:{surname}:{' '.join(quote[:QUOTE_WORDS])}"
        return InterviewKey(value=value, basis=Basis.TITLE, whole=whole)
    opening = _opening(interview.turns, TEXT_WORDS)
    if opening:
        whole = not interview.truncated or len(opening) > TEXT_WORDS
        value = f"text:{date}:{' '.join(opening[:TEXT_WORDS])}"
        return InterviewKey(value=value, basis=Basis.TEXT, whole=whole)
    if interview.url is not None:
        return InterviewKey(value=f"address:{interview.url}", basis=Basis.ADDRESS, whole=False)
    from ..convert import to_json

    digest = hashlib.sha1(to_json(interview).encode("utf-8")).hexdigest()[:20]
    return InterviewKey(value=f"capture:{digest}", basis=Basis.CAPTURE, whole=False)


def interview_key(interview: Interview) -> str:
    """A string equal for the captures of one interview (see the module doc).

    Built from the publication date, the title's speaker surname and the
    opening words of its quote; for a page without a title, from the date
    and the opening words of its turns; never from the address alone while
    the page has a title or text.
    """
    return key_of(interview).value


def text_keys(interview: Interview) -> Iterator[str]:
    """The text keys a title-less capture starting at each turn would have.

    For each turn, ``text:<date>:<words>``, the first `TEXT_WORDS` words of
    its text and the turns after it (fewer where the text has fewer): what
    `interview_key` gives a migrated copy of the page that lost everything
    before that turn.
    """
    date = _date(interview)
    for index in range(len(interview.turns)):
        opening = _opening(interview.turns[index:], TEXT_WORDS)
        if opening:
            yield f"text:{date}:{' '.join(opening[:TEXT_WORDS])}"
