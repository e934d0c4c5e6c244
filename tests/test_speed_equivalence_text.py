"""The third round of text-path speed-ups gives what the formulations they replaced give.

Each test copies the plain formulation a fast path replaced and checks both
on arbitrary input: the old site's chrome signals tested in C over the
blocks' texts, the body's blocks read with the teaser test hoisted out of
the loop, and records (headlines, turns, teasers, footers) built field by
field through their slots (`interfax_parse.templates.base.slot_setters`)
rather than by attrs' keyword ``__init__``, each teaser's subject read once;
ticker datetimes made with positional arguments, the old-site score counting
its signals without listing them, `lede_subject` without splitting a subject
that holds no comma and a teaser's interviewee without its office, a ticker stamp looked up whole, a breadcrumb's
ellipsis cut off without the pattern, the footer lines every year prints
matched once per page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import TypeVar

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse import parse_text
from interfax_parse.blocks import Block
from interfax_parse.body import _Reader, read_body, related_item
from interfax_parse.grammar import names
from interfax_parse.grammar.labels import match_label
from interfax_parse.grammar.ticker import MOSCOW, TickerLine, parse_ticker_line, to_datetime
from interfax_parse.model import Headline, RelatedItem, Turn
from interfax_parse.templates.asp_2018 import InterviewAsp2018
from interfax_parse.templates.asp_2020 import InterviewAsp2020
from interfax_parse.templates.base import Page, Score, Zone, slot_setters
from interfax_parse.templates.oldsite import (
    _DIGITS_PROMPT,
    FORM_INTRO,
    NAVIGATION,
    Footer,
    OldSiteTemplate,
    _without_ellipsis,
    chrome_signals,
    find_footer,
    read_headlines,
)
from interfax_parse.templates.scan import scan_page
from interfax_parse.testing.archives import interview_pages

# Lines of what the old site's chrome is made of, and of anything else.
_CHROME_LINES = st.sampled_from(
    [
        *sorted(NAVIGATION),
        FORM_INTRO,
        _DIGITS_PROMPT,
        f"{_DIGITS_PROMPT} | Interviews | A title...",
        "| Interviews | A title",
        "Interviews | ",
        "Interviews |",
        "x Interviews | y",
        "02/25 18:44 Rail grows",
        "July 01, 2016",
        "Question: Why?",
    ]
) | st.text(max_size=20)
_BREADCRUMB = re.compile(r"(?:\A|\s)\|?\s*Interviews \| (.*)\Z")


# The old site's breadcrumb ellipsis, as a pattern removed it.
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\Z")


def _reference_signals(blocks: Sequence[Block]) -> dict[str, bool]:
    scan = scan_page(blocks)
    return {
        "navigation": any(b.text in NAVIGATION for b in blocks[:12]),
        "ticker": scan.has_ticker_before(60),
        "form": any(b.text == FORM_INTRO or b.text.startswith(_DIGITS_PROMPT) for b in blocks),
        "breadcrumb": any(_BREADCRUMB.search(b.text) for b in blocks[:80]),
        "date": scan.long_date_before(90) is not None,
    }


@given(st.lists(_CHROME_LINES, max_size=100))
@example(["x"] * 12 + ["Customer Login"])
@example(["x"] * 80 + ["| Interviews | A"])
@example(["x"] * 79 + ["| Interviews | A"])
def test_chrome_signals_equal_block_by_block_tests(lines: list[str]) -> None:
    blocks = tuple(Block(text, number, 0) for number, text in enumerate(lines, start=1))
    assert chrome_signals(blocks) == _reference_signals(blocks)


_TICKER_LINES = st.builds(
    TickerLine,
    st.text(max_size=11),
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
    st.text(max_size=20),
    st.none() | st.integers(1, 9),
)


@given(st.lists(_TICKER_LINES, max_size=20), st.none() | st.integers(1990, 2030))
@example([TickerLine("02/29 10:00", 2, 29, 10, 0, "Leap", None)], 2021)
def test_headlines_equal_keyword_built_ones(lines: list[TickerLine], year: int | None) -> None:
    """`read_headlines` builds its records through their slots: they equal
    the keyword-built ones in every field, the missing day's None included."""
    headlines, _, _ = read_headlines([(line, 1) for line in lines], year)
    years = [h.published.year if h.published else None for h in headlines]
    expected = tuple(
        Headline(
            text=line.text,
            stamp=line.stamp,
            month=line.month,
            day=line.day,
            hour=line.hour,
            minute=line.minute,
            published=to_datetime(line, y) if y is not None else None,
            part=line.part,
        )
        for line, y in zip(lines, years, strict=True)
    )
    assert headlines == expected
    assert [attrs.asdict(h, recurse=False) for h in headlines] == [
        attrs.asdict(h, recurse=False) for h in expected
    ]


def test_slot_setters_refuse_what_the_shortcut_would_skip() -> None:
    with pytest.raises(TypeError):
        slot_setters(RelatedItem, "summary", "interviewee")  # not every field
    with pytest.raises(TypeError):
        slot_setters(RelatedItem, "interviewee", "summary", "title", "url")  # not in order

    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    with pytest.raises(TypeError):
        slot_setters(Checked, "value")


def _turn_follows(reader: _Reader, blocks: Sequence[Block]) -> bool:
    """Whether a block opens a turn by its label alone (standard, or one the page used)."""
    for block in blocks:
        found = reader.match(block.text)
        if found is not None and (found.role is not None or found.label in reader.seen_labels):
            return True
    return False


def _reference_feed_all(reader: _Reader, blocks: Sequence[Block]) -> None:
    """`_Reader.feed_all` as first written: the teaser test on every block (a
    wide gap starts the teasers unless a later block opens a turn)."""
    match, turns, pre, zones = reader.match, reader.turns, reader.pre, reader.zones
    for index, block in enumerate(blocks):
        if reader.related or (
            block.gap >= 2 and (pre or turns) and not _turn_follows(reader, blocks[index:])
        ):
            rest = blocks[index:]
            reader.related.extend(b.text for b in rest)
            zones.extend([Zone.RELATED] * len(rest))
            return
        text = block.text
        found = match(text)
        if found is not None:
            turn = reader.accept(found, block.line)
            if turn is not None:
                reader.seen_labels.add(turn.label or "")
                if found.rest:
                    turn.paragraphs.append(found.rest)
                turns.append(turn)
                zones.append(Zone.TURN)
                continue
        if turns:
            turns[-1].paragraphs.append(text)
            zones.append(Zone.TURN)
        else:
            pre.append(text)
            zones.append(Zone.LEDE if len(pre) == 1 else Zone.TURN)


_BODY_TEXTS = st.sampled_from(
    [
        "Question: Why?",
        "Answer: Because.",
        "Q.: And?",
        "A.:",
        "Interfax: Next.",
        "Lavrov: We will see.",
        "Minister: Yes.",
        "Ann Lee: Indeed.",
        "Mr. Park: Thanks.",
        "Four focus areas are: democracy",
        "Plain text of an answer.",
        "Foreign Minister Sergei Lavrov has given an interview to Interfax correspondent Ann Lee.",
        "NATO Secretary General Bo Park has given an interview to Interfax.",
    ]
)
_BODIES = st.lists(st.tuples(_BODY_TEXTS, st.integers(0, 3)), max_size=25)
_TITLES = st.sampled_from([None, "Sergei Lavrov: We will see", "Talks go on Lavrov", "A title"])


def _blocks(body: list[tuple[str, int]]) -> tuple[Block, ...]:
    return tuple(Block(text, n, gap) for n, (text, gap) in enumerate(body, start=1))


def _state(reader: _Reader) -> tuple[object, ...]:
    return (
        reader.pre,
        [(t.role, t.label, t.named, t.paragraphs) for t in reader.turns],
        reader.related,
        reader.zones,
        reader.warnings,
        reader.seen_labels,
    )


@given(_BODIES, _TITLES, st.lists(st.sampled_from(["Teaser text."]), max_size=1))
@example([("Lede.", 0), ("Question: Why?", 1), ("Teaser.", 2), ("Answer: No.", 0)], None, [])
@example([("Lede.", 0), ("Question: Why?", 1), ("Teaser.", 2), ("Plain.", 3)], None, [])
def test_feed_all_equals_block_by_block_reading(
    body: list[tuple[str, int]], title: str | None, related: list[str]
) -> None:
    """`feed_all` reads as the first formulation, which tested for teasers on
    every block (and a reader that already met teasers reads none)."""
    blocks = _blocks(body)
    new, old = _Reader(title, match_label), _Reader(title, match_label)
    new.related.extend(related)
    old.related.extend(related)
    new.feed_all(blocks)
    _reference_feed_all(old, blocks)
    assert _state(new) == _state(old)


_R = TypeVar("_R", bound=Headline | Turn | RelatedItem)


def _rebuilt(record: _R) -> _R:
    """The same record made again by attrs' keyword ``__init__``."""
    return attrs.evolve(record)


@given(_BODIES, _TITLES, st.booleans())
@example(
    [
        ("Question: Why?", 0),
        ("Answer: Because.", 1),
        ("More of the answer.", 1),
        ("NATO Secretary General Bo Park has given an interview to Interfax.", 1),
    ],
    None,
    False,
)
def test_body_records_equal_keyword_built_ones(
    body: list[tuple[str, int]], title: str | None, truncated: bool
) -> None:
    """Turns and teasers built through their slots equal keyword-built ones,
    and each teaser names whom `related_item` finds in it."""
    read = read_body(_blocks(body), title=title, truncated=truncated)
    for turn in read.turns:
        assert turn == _rebuilt(turn)
        assert hash(turn) == hash(_rebuilt(turn))
    assert read.related == tuple(related_item(item.summary) for item in read.related)
    for item in read.related:
        assert item == _rebuilt(item)


def test_records_of_real_pages_equal_keyword_built_ones() -> None:
    for _, text in interview_pages(30):
        interview = parse_text(text)
        records: list[Headline | Turn | RelatedItem] = [
            *interview.turns,
            *interview.headlines,
            *interview.related,
        ]
        for record in records:
            assert record == _rebuilt(record)
            assert repr(record) == repr(_rebuilt(record))


_FOOTER_TEXTS = st.sampled_from(
    [
        '© 1991—2020 "Interfax News Agency" JSC. All rights reserved.',
        "© 1991—2018 Interfax Information Service. All rights reserved.",
        "© 1991—20",
        "©",
        "Contact information | Privacy Policy",
        "contact information | Interfax offices",
        "News and other data on this site are provided",
        "Browse other Interfax sites: | IFX.RU",
        "Customer Login",
        "02/25 18:44 Rail grows",
        "July 01, 2016",
        "Please enter the digits in the box below: | Interviews | A title",
        "Question: Why?",
    ]
)


def _reference_score(template: OldSiteTemplate, page: Page) -> Score:
    """`OldSiteTemplate.score` as first written: both lists made on every score."""
    blocks = page.blocks
    signals = chrome_signals(blocks)
    found = [name for name, seen in signals.items() if seen]
    missing = [name for name, seen in signals.items() if not seen]
    if not (signals["navigation"] or signals["ticker"] or signals["form"]):
        return Score(value=0.0, reason="no old-site navigation, ticker or form")
    value = 0.5 * len(found) / len(signals)
    footer = find_footer(blocks, template.footer_lines())
    if footer is not None:
        if template.footer_fits(footer):
            return Score(value=value + 0.5, reason=f"its own footer ({footer.year})")
        reason = f"footer {footer.owner!r} is not its own"
    else:
        reason = "no footer (truncated)"
    if missing:
        reason += "; missing " + ", ".join(missing)
    return Score(value=value, reason=reason)


_COPYRIGHT_LINE = re.compile(r"©(?:\s*1991\s*[—–-]\s*(\d{4})\b)?\s*(.*)")
_FOOTER_LINE = re.compile(
    r"contact\b|News and other data on this site\b|Browse other Interfax sites\b|Rambler's Top100",
    re.IGNORECASE,
)


def _reference_footer(blocks: Sequence[Block], own_lines: Collection[str]) -> Footer | None:
    """`find_footer` as first written: every line under the copyright matched
    for each year that asks."""
    for index, block in enumerate(blocks):
        match = _COPYRIGHT_LINE.match(block.text)
        if match is None:
            continue
        end = index + 1
        while end < len(blocks) and (
            blocks[end].text in own_lines or _FOOTER_LINE.match(blocks[end].text)
        ):
            end += 1
        contact = blocks[index + 1].text if index + 1 < end else None
        year = int(match.group(1)) if match.group(1) else None
        return Footer(index=index, end=end, year=year, owner=match.group(2), contact_line=contact)
    return None


@given(st.lists(_FOOTER_TEXTS, max_size=40), st.sampled_from([(), ("Customer Login",)]))
@example(["©", "Customer Login", "Contact information", "x"], ("Customer Login",))
def test_footer_equals_first_formulation(lines: list[str], own_lines: tuple[str, ...]) -> None:
    blocks = tuple(Block(text, n, 0) for n, text in enumerate(lines, start=1))
    assert find_footer(blocks, own_lines) == _reference_footer(blocks, own_lines)


@given(st.lists(_FOOTER_TEXTS, max_size=40))
@example(["Customer Login", '© 1991—2020 "Interfax News Agency" JSC. All rights reserved.'])
def test_old_site_scores_and_footers_equal_first_formulation(lines: list[str]) -> None:
    page = Page(blocks=tuple(Block(text, n, 0) for n, text in enumerate(lines, start=1)))
    for template in (InterviewAsp2018(), InterviewAsp2020()):
        assert template.score(page) == _reference_score(template, page)
        footer = find_footer(page.blocks, template.footer_lines())
        if footer is not None:
            assert footer == attrs.evolve(footer)
            assert repr(footer) == repr(attrs.evolve(footer))


@given(
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(-5, 10005),
)
@example(2, 29, 0, 0, 2021)
@example(1, 1, 0, 0, 0)
def test_ticker_datetime_equals_keyword_formulation(
    month: int, day: int, hour: int, minute: int, year: int
) -> None:
    line = TickerLine("", month, day, hour, minute, "", None)
    try:
        expected: dt.datetime | None = dt.datetime(year, month, day, hour, minute, tzinfo=MOSCOW)
    except ValueError:
        expected = None
    found = to_datetime(line, year)
    assert found == expected
    assert found is None or found.tzinfo is MOSCOW


def _reference_lede_subject(text: str) -> tuple[str | None, str | None]:
    """`lede_subject` as first written: the segments always split at commas."""
    match = names._VERB.search(text)
    if match is None:
        return None, None
    subject = names._last_sentence(text[: match.start()])
    if "," in subject:
        subject = names._RELATIVE.split(subject, maxsplit=1)[0]
    segments = [s.strip() for s in subject.split(",") if s.strip()]
    if not segments:
        return None, None
    if len(segments) > 1 and " " in segments[0]:
        first_office, first_name = names.split_office_name(segments[0])
        if first_office is None and first_name == segments[0]:
            return ", ".join(segments[1:]), names.expand_name(segments[0], text)
    office, name = names.split_office_name(segments[-1])
    if name is not None:
        name = names.expand_name(name, text)
    return office, name


_SUBJECT_WORDS = st.sampled_from(
    [
        *("Ann Lee", "Bo Park", "NATO", "Secretary", "General", "Minister", "of", "the"),
        *(",", ", who is leaving,", ".", " ", "\xa0", "Later", "U.S.", "envoy", "al-Bashir"),
        *("has given an interview to Interfax", "told Interfax", "answered", "Lee", "Park"),
    ]
)


@given(st.lists(_SUBJECT_WORDS, max_size=20).map(" ".join) | st.text(max_size=40))
@example("NATO Secretary General Bo Park has given an interview to Interfax.")
@example("  has given")
@example("Ann Lee, Minister of the Navy, has given an interview to Interfax.")
def test_lede_subject_equals_first_formulation(text: str) -> None:
    assert names.lede_subject(text) == _reference_lede_subject(text)


_TICKER_PATTERN = re.compile(r"(\d\d)/(\d\d) (\d\d):(\d\d) (.+)")


def _reference_ticker_numbers(line: str) -> tuple[int, int, int, int, str] | None:
    """A ticker line's numbers and text by the pattern and `int` alone."""
    match = _TICKER_PATTERN.fullmatch(line)
    if match is None:
        return None
    month, day, hour, minute = (int(g) for g in match.groups()[:4])
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59):
        return None
    return month, day, hour, minute, match.group(5)


_DIGIT = st.sampled_from([*"0123456789", "\u0661", "\uff15", "x", " "])
_PAIR = st.tuples(_DIGIT, _DIGIT).map("".join) | st.integers(0, 99).map("{:02d}".format)
_GLUE = st.sampled_from([" ", "  ", "\xa0", "", "\n", ":", "/"])
_TAIL = st.sampled_from(["Rail grows", "", "\n", "a\nb", " ", "x (Part 2)", "y\n"])


@given(st.builds("{}/{}{}{}:{}{}{}".format, _PAIR, _PAIR, _GLUE, _PAIR, _PAIR, _GLUE, _TAIL))
@example("02/25 18:44 Rail grows")
@example("13/25 18:44 x")
@example("02/25 24:00 x")
@example("02/25 18:44 ")
@example("02/25 18:44 a\n")
@example("\u0660\u0662/25 18:44 x")
def test_ticker_stamp_lookup_equals_pattern(line: str) -> None:
    """The whole-stamp lookup reads a line as the pattern and `int` do."""
    found = parse_ticker_line(line)
    expected = _reference_ticker_numbers(line)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        month, day, hour, minute, text = expected
        assert (found.month, found.day, found.hour, found.minute) == (month, day, hour, minute)
        assert found.stamp == line[:11]
        assert text.startswith(found.text)


@given(st.lists(st.sampled_from(["a", " ", "\xa0", ".", "..", "...", "…", "b c"])).map("".join))
@example("A title ...")
@example("....")
@example("a ... ...")
@example("...…")
@example(" …")
def test_breadcrumb_ellipsis_cut_equals_pattern(title: str) -> None:
    """The breadcrumb title loses its ellipsis as the pattern's substitution does."""
    assert _without_ellipsis(title).strip() == _ELLIPSIS.sub("", title).strip()


@given(st.lists(_SUBJECT_WORDS, max_size=20).map(" ".join) | st.text(max_size=40))
@example("NATO Secretary General Bo Park has given an interview to Interfax.")
@example("Ann Lee, who is leaving, has given an interview to Interfax.")
def test_subject_name_equals_the_subject_s_name(text: str) -> None:
    """A teaser's interviewee read without its office is the name `lede_subject` gives."""
    assert names.subject_name(text) == _reference_lede_subject(text)[1]
