"""The fast paths give exactly what the plain formulations they replaced give.

`split_blocks` normalises lines with `str.replace` and `strip` instead of
``" ".join(line.split())``, and `lede_subject` finds the last sentence end
from the punctuation marks instead of a lookbehind regex split; both are
checked against the original formulation on arbitrary text. So are the cheap
tests the line grammar runs before its regular expressions (a date's length,
a ticker line's closing parenthesis, a label's colon), the literal tests
before the teaser, particle and correspondent patterns, and the search for a
ticker line's ``(Part N)`` at its last parenthesis. The page scan every
template shares answers as testing each block of a range would, and
`expand_name` and `correspondents` give what their first formulations
(copied here) gave. Link addresses resolved by concatenation equal `urljoin`'s,
and headlines and teasers given their links keep every other field, as
`attrs.evolve` would.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse import links, parse, to_dict
from interfax_parse.batch import Options, PageTask, run
from interfax_parse.blocks import Block, split_blocks
from interfax_parse.body import _TEASER
from interfax_parse.grammar import names
from interfax_parse.grammar.dates import MONTHS, parse_long_date, parse_short_date
from interfax_parse.grammar.labels import match_label
from interfax_parse.grammar.names import (
    _PARTICLE,
    _PARTICLE_INITIALS,
    _is_name_token,
    _is_word_char,
    _last_sentence,
    _place_follows,
    correspondents,
    expand_name,
    surname,
)
from interfax_parse.grammar.ticker import TickerLine, parse_ticker_line
from interfax_parse.html import _Resolver
from interfax_parse.model import Headline, RelatedItem
from interfax_parse.templates.base import Link
from interfax_parse.templates.scan import PageScan
from interfax_parse.testing.archives import interview_pages

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)\"”’]{2}[.!?])\s+|(?<=[A-Z]{2}[.!?])\s+|(?<=[a-z]{2}[.!?][\"”’])\s+"
)

# Text made mostly of the characters that matter here: every kind of white
# space, sentence marks, quotes, letters and digits.
_CHARS = st.sampled_from(
    list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2009\u200a\u200b\u2028\u202f\u3000")
    + list('.!?"”’)aAbBz09,')
)
_TEXT = st.one_of(st.text(), st.text(_CHARS))


def _reference_blocks(text: str) -> list[Block]:
    text = _INVISIBLE.sub("", _NEWLINES.sub("\n", text))
    blocks: list[Block] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if line:
            blocks.append(Block(line, number, gap))
            gap = 0
        else:
            gap += 1
    return blocks


@given(_TEXT)
@example("a\xa0 \u3000b\t\tc  \n\n  d ")
def test_split_blocks_equals_split_and_join(text: str) -> None:
    assert split_blocks(text) == _reference_blocks(text)


@given(_TEXT)
@example('He said so." Then ab.  The envoy')
@example("In 2019. A (b). C")
@example("the deal with OFAC. Lord Barker and U.S. envoys")
def test_last_sentence_equals_lookbehind_split(text: str) -> None:
    assert _last_sentence(text) == _SENTENCE_END.split(text)[-1]


# Lines made of what dates, ticker stamps and labels are made of.
_LINE_PARTS = st.lists(
    st.sampled_from(
        [*MONTHS, "Feb", "Sept", "Sep.", " ", ", ", "/", ":", ": ", ".", "(", ")", "(Part 2)"]
    )
    | st.sampled_from(
        ["0", "1", "12", "31", "2016", "\u0661", "Question", "Q.", "Lavrov", "x" * 80]
    ),
    max_size=8,
).map("".join)
_LINES = st.one_of(_LINE_PARTS, st.text(max_size=30))

_TICKER = re.compile(r"(\d\d)/(\d\d) (\d\d):(\d\d) (.+)")
_PART = re.compile(r"\s*\([Pp]art (\d+)\)\Z")


def _reference_ticker(line: str) -> TickerLine | None:
    match = _TICKER.fullmatch(line)
    if match is None:
        return None
    month, day, hour, minute = (int(g) for g in match.groups()[:4])
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59):
        return None
    text = match.group(5)
    part = None
    part_match = _PART.search(text)
    if part_match is not None and part_match.start() > 0:
        part = int(part_match.group(1))
        text = text[: part_match.start()]
    return TickerLine(line[:11], month, day, hour, minute, text, part)


@given(st.one_of(_LINES, st.builds("{}/{} {}:{} {}".format, *[_LINES] * 5)))
@example("02/25 18:44 Gazprom (Part 2)")
@example("02/25 18:44  (part 3)")
@example("02/25 18:44 a \u2003\x1c(Part 2)")
@example("02/25 18:44 a (b) (Part 3)")
@example("02/25 18:44 a (Part 3) (Part 4)")
@example("02/25 18:44 a (Part (Part 4)")
def test_ticker_line_equals_plain_match(line: str) -> None:
    assert parse_ticker_line(line) == _reference_ticker(line)


_LONG = re.compile(rf"({'|'.join(MONTHS)}) (\d{{1,2}}), (\d{{4}})")
_SHORT = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})")


@given(_LINES)
@example("May 1, 2016")
@example("September 30, 2016")
@example("4 Feb 2021")
@example("30 September. 2021")
def test_date_length_tests_reject_only_non_dates(line: str) -> None:
    if _LONG.fullmatch(line) is None:
        assert parse_long_date(line) is None
    else:
        assert 11 <= len(line) <= 18
    if _SHORT.fullmatch(line) is None:
        assert parse_short_date(line) is None
    else:
        assert 10 <= len(line) <= 18


@given(_LINES)
@example("x" * 79 + ": y")
@example("x" * 80 + ": y")
def test_label_colon_test_equals_slice(line: str) -> None:
    """`match_label` gives up exactly when the first 80 characters hold no colon."""
    if ":" not in line[:80]:
        assert match_label(line) is None
    else:
        assert line.find(":", 0, 80) >= 0


def test_workers_encode_the_same_json_lines() -> None:
    """``Options(encode=True)`` gives each interview as the JSON line the
    writer would have written, with one and with two processes."""
    pages = [PageTask(source=url, data=text.encode()) for url, text in interview_pages(40)]
    expected = [json.dumps(to_dict(parse(p.data)), ensure_ascii=False) for p in pages]
    for jobs in (1, 2):
        outcomes = list(run(pages, options=Options(encode=True), jobs=jobs, chunk_size=8))
        assert [o.json for o in outcomes] == expected
        assert all(o.ok and o.interview is None for o in outcomes)


_BASES = (
    "http://www.interfax.com/interview.asp?id=5",
    "https://interfax.com/newsroom/exclusive-interviews/7/",
    "http://interfax.com",
    "https://interfax.com/a/b/c",
    "http://x//a/b",
    "http://x/./a/",
    "http://x/a/..",
    "http://x/y;p?q#f",
    "http://x:80/a",
    "HTTP://X/a",
    "http:/x/a",
    "ftp://x/y",
    "/relative/",
)
_URL_PARTS = st.sampled_from(
    [
        *"abz09/.?#;:=&%@+-_~ A'()!$*,",
        *("http://", "https://", "..", "./", "//", "news.asp", "?id=1", "#top"),
        *("HTTP://", "http:x", "https://h:8/", "%2e", "\u00e9"),
    ]
)


@given(st.sampled_from(_BASES), st.lists(_URL_PARTS, max_size=8).map("".join))
@example("http://x//a/b", "a")
@example("http://interfax.com", "?id=1")
def test_link_resolution_equals_urljoin(base: str, href: str) -> None:
    assert _Resolver(base)(href) == urljoin(base, href)


# Pages of ticker lines, long dates and other lines, long enough to cross the
# limits templates ask about (60 and 90 blocks).
_SCAN_LINES = st.lists(
    st.sampled_from(
        ["02/25 18:44 Rail grows", "13/25 18:44 Not a stamp", "July 01, 2016", "4 Feb 2021"]
    )
    | st.sampled_from(["Customer Login", "Question: Why?", "x"])
    | _LINES.filter(lambda line: line.strip() == line and line != ""),
    max_size=130,
)


@given(_SCAN_LINES, st.lists(st.integers(0, 140), max_size=4))
@example(["x"] * 70 + ["July 01, 2016", "02/25 18:44 a"], [60, 90, 80])
@example(["July 01, 2016"] + ["x"] * 65 + ["02/25 18:44 a"], [60, 90])
def test_page_scan_equals_block_by_block_tests(lines: list[str], limits: list[int]) -> None:
    """`PageScan` answers as testing every block of the range would."""
    blocks = tuple(Block(text, number, 0) for number, text in enumerate(lines, start=1))
    scan = PageScan(blocks)
    for limit in [*limits, 0, 60, 90, len(blocks)]:
        head = blocks[:limit]
        tickers = [(i, parse_ticker_line(b.text)) for i, b in enumerate(head)]
        assert list(scan.tickers_before(limit)) == [(i, t) for i, t in tickers if t is not None]
        assert scan.has_ticker_before(limit) == any(parse_ticker_line(b.text) for b in head)
        dates = [i for i, b in enumerate(head) if parse_long_date(b.text) is not None]
        assert scan.long_date_before(limit) == (dates[0] if dates else None)


def test_word_char_test_equals_pattern_on_every_character() -> None:
    """`expand_name`'s word-boundary test agrees with ``[\\w-]`` on all of Unicode."""
    pattern = re.compile(r"[\w-]")
    differ = [
        code
        for code in range(0x110000)
        if _is_word_char(chr(code)) != (pattern.match(chr(code)) is not None)
    ]
    assert differ == []


_OLD_WORD_CHAR = re.compile(r"[\w-]")


def _reference_expand_name(name: str, text: str) -> str:
    """`expand_name` as first written: a pattern per boundary, every word split."""
    last = surname(name)
    tokens_of_name = name.split()
    if len(tokens_of_name) >= 3:
        return name
    best = tokens_of_name
    start = text.find(last)
    while start >= 0:
        end = start + len(last)
        whole_word = (start == 0 or not _OLD_WORD_CHAR.match(text[start - 1])) and (
            end == len(text) or not _OLD_WORD_CHAR.match(text[end])
        )
        if whole_word:
            before = text[max(0, start - 80) : start].split()
            found = [last]
            while before and len(found) < 3 and _is_name_token(before[-1]):
                if before[-1].endswith(","):
                    break
                found.insert(0, before.pop())
            # Three words after a preposition or a fourth name-like word: the
            # first is a place (``of Hungary Peter Szijjarto``), as `_name_start` reads it.
            if len(found) == 3 and before and _place_follows(before[-1]):
                del found[0]
            if len(found) > len(best) and all(t in found for t in tokens_of_name):
                best = found
        start = text.find(last, end)
    return " ".join(best)


# Text made of names, offices, particles and punctuation, with the odd space.
_NAME_WORDS = st.sampled_from(
    [
        *("Ann", "Lee", "Ann-Lee", "al-Lee", "de", "Minister", "Foreign", "U.S.", "the"),
        *("of", "Auroran", "Lee,", "Lee.", "xLee", "Lee-x", "Leé", "\u0661Lee", "Bo", "Park"),
        *(" ", "_"),
    ]
)
_NAME_TEXT = st.lists(_NAME_WORDS, max_size=40).map(" ".join) | st.text(max_size=60)


@given(st.sampled_from(["Lee", "Ann Lee", "Bo Lee", "Ann Bo Lee", "Park"]), _NAME_TEXT)
@example("Lee", "Ann Lee met Bo Park Lee and Ann Bo Lee")
@example("Lee", "A" * 90 + " Ann Bo Lee")
def test_expand_name_equals_first_formulation(name: str, text: str) -> None:
    assert expand_name(name, text) == _reference_expand_name(name, text)


@given(_LINES | _NAME_WORDS)
@example("al-Bashir")
@example("ibn")
def test_particle_initials_test_rejects_only_non_particles(token: str) -> None:
    if _PARTICLE.match(token):
        assert token[:1] in _PARTICLE_INITIALS


@given(
    st.lists(st.sampled_from(["Interfax", "interview", "interviews", "Interfaxx", " ", "an", "\n"]))
    .map("".join)
    .filter(bool)
)
@example("interviews with Interfax")
@example("Interfax interview")
def test_teaser_words_test_rejects_only_non_teasers(paragraph: str) -> None:
    """`_teaser_interviewee` skips the pattern only where it cannot match."""
    if _TEASER.search(paragraph) is not None:
        assert "Interfax" in paragraph and "interview" in paragraph


def _reference_correspondents(text: str) -> tuple[str, ...]:
    """`correspondents` as first written: the three patterns searched in turn."""
    for pattern in (names._CORRESPONDENT, names._DESK_CHIEF, names._FOR_INTERFAX):
        match = pattern.search(text)
        if match is not None:
            parts = names._NAME_SEPARATOR.split(match.group(1))
            # ``... chief editor A and political observer B``: more people, each with an office
            more = names._ANOTHER_CORRESPONDENT.match(text, match.end())
            while more is not None:
                parts += names._NAME_SEPARATOR.split(more.group(1))
                more = names._ANOTHER_CORRESPONDENT.match(text, more.end())
            found = (names._strip_office(n) for n in parts)
            return tuple(name for name in found if name)
    return ()


_LEDE_WORDS = st.sampled_from(
    [
        *("Interfax", "Interfax's", "xInterfax", "Interfaxes", "correspondent", "correspondents"),
        *("Chief", "chief", "head", "editor", "of", "the", "foreign", "political", "desk"),
        *("service", "bureau", "for", "to", "and", "in", "Ann Lee", "Bo Park", "Cy Young"),
        *(",", ".", " ", "\n", "\xa0", "special", "told", "Editor-in-Chief", "observer"),
    ]
)
_LEDE = st.lists(_LEDE_WORDS, max_size=30).map(" ".join) | st.lists(_LEDE_WORDS).map("".join)


@given(_LEDE)
@example("to Interfax correspondents Ann Lee and Bo Park")
@example("xInterfax correspondent Ann Lee, Interfax correspondent Bo Park")
@example("to chief of the Interfax's foreign political desk Ann Lee")
@example("has given an interview to Ann Lee for Interfax.")
@example("to Ann Lee of\nInterfax")
@example("to Interfax chief editor Ann Lee and political observer Bo Park")
def test_correspondents_equal_three_searches(text: str) -> None:
    assert correspondents(text) == _reference_correspondents(text)


_URL = st.sampled_from(["https://www.interfax.com/news/1", "/x", ""])


def _every_field(cls: type[attrs.AttrsInstance]) -> st.SearchStrategy[Any]:
    """Instances of `cls` with every field drawn, defaulted ones too (a field
    added later must be kept as well)."""
    types = attrs.resolve_types(cls)
    return st.builds(cls, **{f.name: st.from_type(f.type) for f in attrs.fields(types)})


@given(_every_field(Headline), _URL)
def test_linked_headline_equals_evolve(headline: Headline, url: str) -> None:
    link = Link(text=headline.text, href=url, title=None, line=1)
    assert links._headline(headline, [link]) == attrs.evolve(headline, url=url)


@given(_every_field(RelatedItem), _URL, st.none() | st.text(max_size=5))
def test_linked_teaser_equals_evolve(item: RelatedItem, url: str, title: str | None) -> None:
    link = Link(text=item.summary, href=url, title=title, line=1)
    assert links._related(item, [link]) == attrs.evolve(item, url=url, title=title)
