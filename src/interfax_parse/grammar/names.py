"""People and offices in titles, ledes and teasers.

The pages name people in a few recurring shapes, all handled here once:

- an office run into a name: ``Head of the European Union delegation to
  Russia Vygaudas Usackas``, ``Foreign Minister of Hungary Peter Szijjarto``
  (`split_office_name`);
- a lede's subject: ``NATO Secretary General Jens Stoltenberg has given an
  (exclusive) interview to Interfax ...``, ``Name, office, has given ...``,
  ``... Javier Solana answered the questions of Interfax`` (`lede_subject`);
- a title's speaker: ``Jens Stoltenberg: Ball is in ...``, ``U.S. Ambassador
  to Russia John Sullivan: This is ...`` (the newsroom's ``Office Name:
  quote``) or, with the dash lost, ``... shared interests Rasmussen``
  (`title_speaker`);
- correspondents: ``to Interfax correspondents A and B`` (or ``A, B and
  C``), ``to Interfax special correspondent A``, ``to Interfax's
  correspondent A``, ``to Interfax foreign political desk chief A``, ``to
  chief of the Interfax's foreign political desk A``, ``to Interfax
  Editor-in-Chief A``, ``to Interfax chief editor A and political observer
  B``, ``to A for Interfax``
  (`correspondents`), always as a tuple.

The same functions serve the old site and the newsroom site.

These are heuristics over English text; each is documented with examples and
tested on the real pages.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "correspondents",
    "expand_name",
    "lede_subject",
    "same_person",
    "split_office_name",
    "subject_name",
    "surname",
    "title_speaker",
]

# Words that belong to an office or a place, never to a person's name.
_NOT_NAME = frozenset(
    """
    general secretary minister ministers ambassador ambassadors president
    chairman chairwoman chair chancellor director head chief ceo deputy vice
    prime foreign affairs envoy representative commissioner governor mayor
    senator speaker king queen prince emir pope patriarch undersecretary under
    state states security council union kingdom federation republic ministry
    department office bank group company corporation organization
    organisation committee commission agency service forces army navy
    delegation embassy parliament duma government administration alliance
    community league nations association fund board court assembly
    province region city oblast territory district island islands county
    institute university foundation club forum center centre summit party
    russia moscow washington ukraine kiev kyiv germany berlin china beijing
    japan tokyo india france paris britain london israel iran iraq syria
    turkey poland georgia armenia azerbaijan belarus kazakhstan uzbekistan
    moldova latvia lithuania estonia finland sweden norway austria italy
    spain greece serbia egypt sudan afghanistan pakistan korea vietnam
    venezuela cuba brazil mexico canada europe asia africa america nato eu
    un osce opec csto cis brics sco imf who wto interfax the a an of and
    for to in on at by with from new former outgoing acting incoming
    i we he she they it this that these those there here you our my his her their
    policy affairs relations cooperation integration development economy
    economic trade industry energy finance finances justice interior defense
    defence health education culture science technology transport
    communications agriculture environment labor labour emergencies
    situations control arms disarmament intelligence staff operations
    """.split()
)
# The last line above: the fields of an office (``... for the Common Foreign
# and Security Policy Javier Solana``, ``Minister of Energy Alexander Novak``),
# which are capitalised inside an office but never part of a person's name.
# Lower-case words that may stand inside an office: `U.S. ambassador to Russia`.
_OFFICE_WORDS = frozenset(
    """
    ambassador minister secretary general president envoy chairman chairwoman
    chair deputy head chief director representative spokesman spokeswoman
    chancellor prime foreign state undersecretary delegation governor mayor
    commissioner adviser advisor aide executive officer ceo member leader vice
    first special permanent high senior military defense defence affairs
    of the to for and on in at de
    """.split()
)
_CONNECTORS = frozenset("of the to for and on in at de".split())
_OFFICE_PREPOSITIONS = frozenset(("of", "for"))
"""The words that tie a place to an office: ``Minister of Hungary``, ``for Refugees``."""
_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn|de|van|von|der|da|di|du|la|le)(?:-\w+)?\Z")
_PARTICLE_INITIALS = frozenset("aebidvl")
"""The letters a particle starts with: a cheaper test before the pattern's."""
_NAME_TOKEN = re.compile(r"(?:[A-Z][a-z]*\.|[A-Z][\w'’‘]*(?:-[\w'’‘]+)*)\Z")
_NATIONALITY = re.compile(r".*(?:ian|ese|ish|ean)\Z")

_VERB = re.compile(
    r"\s(?:has|have|had)\s+(?:given|granted)\b"
    r"|\s(?:gave|granted|told|answered)\b"
    r"|\s(?:spoke|speaks|talked|talks|spoken)\s+(?:to|with|about)\b"
    r"|\ssaid\s+in\s+an?\s+(?:exclusive\s+)?interview\b"
)
# A sentence ends at white space after ``[a-z0-9)"”’]{2}[.!?]``, after an
# acronym's ``[A-Z]{2}[.!?]`` (``the deal with OFAC. Lord Barker``, but not
# ``U.S.``, ``Mr.`` or ``St.``) or after ``[a-z]{2}[.!?]["”’]``; `_last_sentence`
# finds the last such end from the punctuation marks alone (a lookbehind at
# every position cost more).
_SENTENCE_MARK = re.compile(r"[.!?]")
_BEFORE_MARK = frozenset('abcdefghijklmnopqrstuvwxyz0123456789)"”’')
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_CLOSING_QUOTE = frozenset('"”’')
_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b")
_NAME = r"[A-Z][\w'’‘]+(?:-[\w'’‘]+)*(?: [A-Z][\w'’‘]+(?:-[\w'’‘]+)*){1,2}"
_APOSTROPHE_S = r"(?:['‘’`]?s)?"
# Words that end the phrase after ``Interfax`` (``Interfax and X correspondent``).
_NOT_OFFICE = r"(?:and|or|in|on|which|that|who|where|with|to|from|about|ahead|after|as)"
# One name or several: ``A``, ``A and B``, ``A, B and C``.
_NAMES = rf"({_NAME}(?:,\s+{_NAME})*(?:,?\s+and\s+{_NAME})?)"
_NAME_SEPARATOR = re.compile(r",?\s+and\s+|,\s+")
# The word before an agency person's name: ``correspondent``, ``Editor-in-Chief``
# (a hyphenated title ends in one). Not ``Director General``: ``with Interfax
# Rosatom Director General Sergei Kiriyenko`` names the interviewee.
_AGENCY_OFFICE = (
    r"(?:\w+-)*(?i:correspondents?|reporters?|journalists?|chief|editor|head|observer"
    r"|columnist)"
)
_CORRESPONDENT = re.compile(
    rf"\bInterfax{_APOSTROPHE_S}\s+(?:(?!{_NOT_OFFICE}\b)[\w-]+\s+){{0,3}}?"
    rf"{_AGENCY_OFFICE}\s+{_NAMES}"
)
_ANOTHER_CORRESPONDENT = re.compile(
    rf",?\s+and\s+(?:(?!{_NOT_OFFICE}\b)[\w-]+\s+){{0,3}}?{_AGENCY_OFFICE}\s+{_NAMES}"
)
"""``... chief editor A and political observer B``: another person, with an office."""
_FOR_INTERFAX = re.compile(rf"\bto\s+{_NAMES}\s+(?:for|of)\s+Interfax\b")
_FOR_OF_INTERFAX = re.compile(r"(?:for|of)\s+Interfax\b")
"""The end of every `_FOR_INTERFAX` match: looked for first, it is cheaper."""
_DESK_WORDS = ("desk", "service", "bureau", "department")
"""One of them stands in every `_DESK_CHIEF` match."""
_DESK_CHIEF = re.compile(
    rf"\b(?:chief|head|editor)\s+of\s+(?:the\s+)?Interfax{_APOSTROPHE_S}\s+[a-z ]+?\s+"
    rf"(?:desk|service|bureau|department)\s+{_NAMES}"
)


# A pure function of one word, called on the same words over and over: cached.
@functools.lru_cache(maxsize=8192)
def _is_name_token(token: str) -> bool:
    bare = token.rstrip(",;")
    if not _NAME_TOKEN.match(bare) or bare.lower() in _NOT_NAME:
        return False
    # All-capital acronyms (NATO, OSCE, U.S.) are organisations, not people.
    letters = [c for c in bare if c.isalpha()]
    return not (len(letters) >= 2 and all(c.isupper() for c in letters))


def _is_word_char(char: str) -> bool:
    """Whether one character is a word character or a hyphen, as ``[\\w-]``
    matches it (without the regular expression's call: profiled)."""
    return char.isalnum() or char == "_" or char == "-"


def split_office_name(phrase: str) -> tuple[str | None, str | None]:
    """Split ``<office> <Name>`` into (office, name); either may be None.

    >>> split_office_name("NATO Secretary General Jens Stoltenberg")
    ('NATO Secretary General', 'Jens Stoltenberg')
    >>> split_office_name("Head of the European Union delegation to Russia Vygaudas Usackas")
    ('Head of the European Union delegation to Russia', 'Vygaudas Usackas')
    >>> split_office_name("The outgoing U.S. ambassador to Russia Michael McFaul")
    ('U.S. ambassador to Russia', 'Michael McFaul')
    >>> split_office_name("Foreign Minister of Hungary Peter Szijjarto")
    ('Foreign Minister of Hungary', 'Peter Szijjarto')
    >>> split_office_name("Secretary General of the League of Arab States")
    ('Secretary General of the League of Arab States', None)
    """
    tokens = phrase.replace(",", " ").split()
    if not tokens:
        return None, None
    start = _name_start(tokens)
    name = " ".join(tokens[start:]) or None
    # The office: the words before the name that can belong to an office.
    office_start = start
    while office_start > 0:
        token = tokens[office_start - 1]
        if token[:1].isupper() or token[:1].isdigit() or token.lower() in _OFFICE_WORDS:
            office_start -= 1
        else:
            break
    office_tokens = tokens[office_start:start]
    while office_tokens and (office_tokens[0].lower() in _CONNECTORS or office_tokens[0] == "The"):
        office_tokens = office_tokens[1:]
    office = " ".join(office_tokens) or None
    return office, name


def _name_start(tokens: list[str]) -> int:
    """Where the name at the end of a phrase's (non-empty) tokens starts."""
    end = len(tokens)
    start = end
    while start > 0 and end - start < 3 and _is_name_token(tokens[start - 1]):
        start -= 1
    # A third name token is kept only when it cannot be a place or nationality.
    if end - start == 3 and (
        _NATIONALITY.match(tokens[start]) or (start > 0 and _place_follows(tokens[start - 1]))
    ):
        start += 1
    # Particles inside a name: Omar al-Bashir.
    while (
        start > 1
        and tokens[start - 1][:1] in _PARTICLE_INITIALS
        and _PARTICLE.match(tokens[start - 1])
        and _is_name_token(tokens[start - 2])
    ):
        start -= 2
    return start


def _place_follows(token: str) -> bool:
    """Whether three capitalised words after `token` start with a place or an
    organisation rather than a first name: after an office's ``of`` or ``for``
    (``Foreign Minister of Hungary Peter Szijjarto``, ``UN High Commissioner for
    Refugees Filippo Grandi``) or after ``St.`` (``Governor of St. Petersburg
    Alexander Beglov``). After anything else three words stay a name
    (``President of Colombia Juan Manuel Santos``, ``questions to Mohammad Javad
    Zarif``, ``Secretary General of NATO Anders Fogh Rasmussen``)."""
    return token in _OFFICE_PREPOSITIONS or token == "St."


def lede_subject(text: str) -> tuple[str | None, str | None]:
    """The (office, name) of whoever gives the interview a lede or teaser describes.

    >>> lede_subject("UN Secretary General Ban Ki-moon has given an interview to Interfax.")
    ('UN Secretary General', 'Ban Ki-moon')
    >>> lede_subject("Rose Gottemoeller, who is leaving, has given an interview to Interfax.")
    (None, 'Rose Gottemoeller')
    >>> lede_subject("Ann Lee, Minister of Arms Control, has given an interview to Interfax.")
    ('Minister of Arms Control', 'Ann Lee')
    >>> lede_subject("Later, EU Foreign Policy Chief Ann Lee answered questions of Interfax")
    ('EU Foreign Policy Chief', 'Ann Lee')
    """
    return _subject(text, with_office=True)


def subject_name(text: str) -> str | None:
    """The name `lede_subject` gives, without working out the office (a
    teaser needs only the name: profiled, the office was a sixth of it).

    >>> subject_name("UN Secretary General Ban Ki-moon has given an interview to Interfax.")
    'Ban Ki-moon'
    """
    return _subject(text, with_office=False)[1]


def _subject(text: str, *, with_office: bool) -> tuple[str | None, str | None]:
    """`lede_subject`; without `with_office`, the office of the usual
    ``Office Name has given ...`` is left None."""
    match = _VERB.search(text)
    if match is None:
        return None, None
    subject = _last_sentence(text[: match.start()])
    if "," in subject:
        subject = _RELATIVE.split(subject, maxsplit=1)[0]
        segments = [s.strip() for s in subject.split(",") if s.strip()]
    else:  # the usual ``Office Name has given ...``: one segment, no list to build
        segment = subject.strip()
        segments = [segment] if segment else []
    if not segments:
        return None, None
    if len(segments) > 1 and " " in segments[0]:
        # ``Name, office, has given ...``: the first segment is a bare name.
        first_office, first_name = split_office_name(segments[0])
        if first_office is None and first_name == segments[0]:
            return ", ".join(segments[1:]), expand_name(segments[0], text)
    if with_office:
        office, name = split_office_name(segments[-1])
    else:
        tokens = segments[-1].split()  # a segment holds no comma
        office, name = None, " ".join(tokens[_name_start(tokens) :]) or None
    if name is not None:
        name = expand_name(name, text)
    return office, name


def _last_sentence(text: str) -> str:
    """The text after the last sentence end (white space after ``ab.``, ``ab."``).

    >>> _last_sentence("He came in 2019. Then U.S. envoy Ann Lee")
    'Then U.S. envoy Ann Lee'
    """
    start = 0
    size = len(text)
    for mark in _SENTENCE_MARK.finditer(text):
        at = mark.start()
        if at < 2:
            continue
        before, last = text[at - 2], text[at - 1]
        after = at + 1
        if not (after < size and text[after].isspace()):
            # The second form: two lower-case letters, the mark, a closing quote.
            if not (
                before in _LOWER
                and last in _LOWER
                and after + 1 < size
                and text[after] in _CLOSING_QUOTE
                and text[after + 1].isspace()
            ):
                continue
            after += 1
        elif not (
            (before in _BEFORE_MARK and last in _BEFORE_MARK)
            or (before in _UPPER and last in _UPPER)
        ):
            continue
        while after < size and text[after].isspace():
            after += 1
        start = after
    return text[start:]


def title_speaker(title: str) -> tuple[str | None, str | None]:
    """The (office, name) a title attributes its words to.

    >>> title_speaker("Jens Stoltenberg: Ball is in Russia's court")
    (None, 'Jens Stoltenberg')
    >>> title_speaker("Cooperation on Afghanistan is example of shared interests Rasmussen")
    (None, 'Rasmussen')
    >>> title_speaker("Sergei Lavrov: we are not interested in alienation")
    (None, 'Sergei Lavrov')
    """
    head, colon, _ = title.partition(": ")
    if colon and len(head.split()) <= 16:
        office, name = split_office_name(head)
        if name is not None:
            return office, name
        return None, None
    # The lost dash: ``... shared interests Rasmussen`` (a name glued to the end).
    tokens = title.split()
    if len(tokens) >= 4:
        start = len(tokens)
        while start > 0 and len(tokens) - start < 3 and _is_name_token(tokens[start - 1]):
            start -= 1
        before = tokens[start - 1] if start > 0 else ""
        if start < len(tokens) and before[:1].islower() and before.lower() not in _NOT_NAME:
            return None, " ".join(tokens[start:])
    return None, None


def surname(name: str) -> str:
    """The last word of a name."""
    return name.split()[-1]


def same_person(a: str, b: str) -> bool:
    """True when two names share a surname (``McFaul`` and ``Michael McFaul``)."""
    return surname(a).lower() == surname(b).lower()


def expand_name(name: str, text: str) -> str:
    """The longest form of `name` in `text` ending in the same surname.

    >>> expand_name("Maas", "German Foreign Minister Heiko Maas will meet. Maas has given")
    'Heiko Maas'
    """
    tokens_of_name = name.split()
    last = tokens_of_name[-1]  # `surname`, without splitting the name again
    if len(tokens_of_name) >= 3:
        return name
    best = tokens_of_name
    size = len(text)
    start = text.find(last)
    while start >= 0:
        end = start + len(last)
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == size or not _is_word_char(text[end])
        ):
            # Only the few words before the surname can belong to the name, and
            # only its two last ones are looked at: split off no more.
            before = text[max(0, start - 80) : start].rsplit(None, 3)
            found = [last]
            while before and len(found) < 3 and _is_name_token(before[-1]):
                if before[-1].endswith(","):
                    break
                found.insert(0, before.pop())
            if len(found) == 3 and before and _place_follows(before[-1]):
                del found[0]  # ``of Hungary Peter Szijjarto``: as `_name_start` reads it
            if len(found) > len(best) and all(t in found for t in tokens_of_name):
                best = found
                if len(best) == 3:  # the longest a name is taken: none can be longer
                    break
        start = text.find(last, end)
    return " ".join(best)


def correspondents(text: str) -> tuple[str, ...]:
    """The Interfax correspondents a lede names, in order.

    >>> correspondents("to Interfax correspondents Alexander Korzun and Andrei Baranovsky")
    ('Alexander Korzun', 'Andrei Baranovsky')
    >>> correspondents("has given an interview to Olga Golovanova for Interfax.")
    ('Olga Golovanova',)
    >>> correspondents("to Interfax special correspondent Renat Abdullin in which")
    ('Renat Abdullin',)
    >>> correspondents("to Interfax foreign political desk chief Olga Golovanova ahead")
    ('Olga Golovanova',)
    >>> correspondents("to chief of the Interfax's foreign political desk Olga Golovanova")
    ('Olga Golovanova',)
    >>> correspondents("to Interfax correspondents Ann Lee, Bo Park and Cy Young in Moscow")
    ('Ann Lee', 'Bo Park', 'Cy Young')
    """
    # Every shape names Interfax; each pattern is tried only where it can match
    # (profiled: three searches along every lede cost more than the rest).
    if "Interfax" not in text:
        return ()
    match = _at_interfax(text)
    if match is None and any(word in text for word in _DESK_WORDS):
        match = _DESK_CHIEF.search(text)
    if match is None and _FOR_OF_INTERFAX.search(text) is not None:
        match = _FOR_INTERFAX.search(text)
    if match is None:
        return ()
    found = _NAME_SEPARATOR.split(match.group(1))
    more = _ANOTHER_CORRESPONDENT.match(text, match.end())
    while more is not None:
        found += _NAME_SEPARATOR.split(more.group(1))
        more = _ANOTHER_CORRESPONDENT.match(text, more.end())
    names = (_strip_office(name) for name in found)
    return tuple(name for name in names if name)


def _at_interfax(text: str) -> re.Match[str] | None:
    """`_CORRESPONDENT`'s first match: it starts at an ``Interfax``, so only
    those places are tried (its ``\\b`` still sees the character before)."""
    start = text.find("Interfax")
    while start >= 0:
        match = _CORRESPONDENT.match(text, start)
        if match is not None:
            return match
        start = text.find("Interfax", start + 1)
    return None


def _strip_office(name: str) -> str:
    """Drop office words a name pattern caught before the name (``General X Y``)."""
    tokens = name.split()
    while len(tokens) > 1 and not _is_name_token(tokens[0]):
        tokens = tokens[1:]
    return " ".join(tokens)
