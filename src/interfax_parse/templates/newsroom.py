"""``newsroom``: the newer site, ``interfax.com/newsroom/exclusive-interviews/N/``.

Its text renderings carry none of the old site's chrome (no navigation,
ticker, form or footer). Top to bottom:

1. the date, ``4 Feb 2021`` (day without zero padding, short month);
2. the title, usually ``Office Name: quote``;
3. optionally a photo block, often after a wider gap: an image file name or
   alt text (sometimes), a caption line, and a ``Photo: <credit>`` line;
4. the lede, then the turns (see `interfax_parse.body`). Paragraphs of one
   turn are often separated by a single line break: each line is its own
   block and continues the turn above it.

Interviews migrated from the old site may be damaged: a page may start at an
answer, right after the date, with no title or lede (the reading has no title
and warns ``no-title``); a page may have lost its labels or number its
questions (the body's ``segment`` hook infers the turns and warns
``roles-inferred``, see `interfax_parse.segment`); words may be split by a
stray space (kept as printed; ``repair_words=True`` repairs them).

No footer has been seen on these renderings, so a page cannot say that it is
complete. `truncated` is decided from the text instead: a page is truncated
when its last line does not end a sentence (`ends_sentence`), which is how
archives' prefixes end, or is a label or a question number cut before its
colon or text (``Answ``, ``Q.``, ``2.``; such a line is left unclaimed). A
``Photo:`` line cut short (``Phot``, or ``Photo:`` with its credit cut off)
still closes the photo block, its credit lost (``None``), and is left
unclaimed. A prefix cut exactly at a sentence's end reads as complete. A page cut
inside its photo block, before the ``Photo:`` line, cannot be told from one
without a photo: the caption then reads as the lede.

A complete rendering (`NewsroomTemplate.render`) is: the date, a blank line,
the title, a blank line; when there is a photo, one more blank line, the file
line and a blank line (if any), the caption, the ``Photo:`` line and a blank
line; the lede and a blank line; each turn as its label and first paragraph
on one line (``1. ...`` for a numbered label) with its other paragraphs on the
lines below it, and a blank line after it; the teasers, if any, after two
blank lines, one paragraph each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..blocks import Block
from ..body import read_body
from ..grammar.dates import format_short_date, parse_short_date
from ..grammar.labels import is_cut_label, match_label
from ..model import Interview, ParseWarning, Photo, Turn, WarningCode
from ..segment import addresses_interviewee, asks, numbered, segment_paragraphs
from .base import (
    Page,
    Reading,
    Score,
    Template,
    Zone,
    page_interview_id,
    unclaimed_blocks,
)
from .scan import scan_page

__all__ = ["NewsroomTemplate", "ends_sentence", "render_turn"]

_DATE_WITHIN = 5
"""The date must stand among the first blocks of the page."""
_PHOTO_CREDIT = re.compile(r"Photo\s?:\s*(.*)\Z")
_NUMBER_LABEL = re.compile(r"\d{1,2}\.\Z")
_SENTENCE_END = re.compile(r"[.!?…][\"”’‘'»)\]]*\Z")
_CUT_NUMBER = re.compile(r"\d{1,2}\.?")


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: ``.``, ``!``, ``?`` or ``…``, closing quotes allowed.

    This decides `Interview.truncated` on newsroom pages: the page is
    truncated when its last line does not end a sentence.

    >>> ends_sentence("It was a hard year.")
    True
    >>> ends_sentence("And as Secretary Pompeo")
    False
    >>> ends_sentence('He called it \u201cbusiness as normal.\u201d')
    True
    """
    return _SENTENCE_END.search(text) is not None


def render_turn(turn: Turn) -> list[str]:
    """A turn as newsroom page lines: its paragraphs on consecutive lines.

    >>> from interfax_parse.model import Role
    >>> render_turn(Turn(role=Role.QUESTION, label="1.", speaker=None, paragraphs=("Why?",)))
    ['1. Why?']
    """
    paragraphs = list(turn.paragraphs)
    if turn.label is not None:
        first = paragraphs[0] if paragraphs else ""
        if _NUMBER_LABEL.match(turn.label):
            opening = f"{turn.label} {first}" if first else turn.label
        else:
            opening = f"{turn.label}: {first}" if first else f"{turn.label}:"
        paragraphs[:1] = [opening]
    return paragraphs


_LONGEST_TITLE = 300
"""Characters; a longer first block is text of the body (the longest real title is
about 160), as on a migrated page that starts inside an unlabelled answer."""


def _is_turn(text: str) -> bool:
    """Whether a block opens a turn with a standard label (``Answer: ...``)."""
    found = match_label(text)
    return found is not None and found.role is not None


def _find_date(blocks: Sequence[Block]) -> int | None:
    for index, block in enumerate(blocks[:_DATE_WITHIN]):
        if parse_short_date(block.text) is not None:
            return index
    return None


def _is_cut_line(text: str) -> bool:
    """Whether the last line of a truncated page is a label or number cut short.

    >>> _is_cut_line("Answ"), _is_cut_line("2."), _is_cut_line("2015")
    (True, True, False)
    """
    return is_cut_label(text) or _CUT_NUMBER.fullmatch(text) is not None


class _Credit(NamedTuple):
    credit: str | None
    cut: bool
    """The line is ``Photo:`` cut short at the end of a truncated page."""


def _credit(blocks: Sequence[Block], index: int, truncated: bool) -> _Credit | None:
    """The credit of a ``Photo:`` line; None if the block is not one.

    On a truncated page whose last block is ``Photo:`` cut short (``Phot``,
    or ``Photo:`` with its credit cut off), that block closes the photo
    block, its credit lost.
    """
    text = blocks[index].text
    last = truncated and index == len(blocks) - 1
    match = _PHOTO_CREDIT.match(text)
    if match is not None:
        return _Credit(match.group(1) or None, last and not match.group(1))
    if last and len(text) >= 3 and "Photo:".startswith(text):
        return _Credit(None, True)
    return None


class _PhotoBlock(NamedTuple):
    photo: Photo
    first: int
    """The index of the photo block's first line."""
    credit: int
    """The index of its ``Photo:`` line."""
    cut: bool
    """The ``Photo:`` line is cut short (it is left unclaimed)."""


def _find_photo(blocks: Sequence[Block], start: int, *, truncated: bool) -> _PhotoBlock | None:
    """The photo block right after `start` (the title), if there is one."""
    for index in range(start, min(start + 3, len(blocks))):
        credit = _credit(blocks, index, truncated)
        if credit is None:
            continue
        if any(_is_turn(blocks[i].text) for i in range(start, index)):
            return None
        caption = blocks[index - 1].text if index - 1 >= start else None
        file = blocks[index - 2].text if index - 2 >= start else None
        photo = Photo(caption=caption, credit=credit.credit, file=file)
        return _PhotoBlock(photo, max(start, index - 2), index, credit.cut)
    return None


class NewsroomTemplate(Template):
    """The newsroom site's interview pages and the old interviews migrated there."""

    name = "newsroom"
    description = (
        "interfax.com/newsroom/exclusive-interviews pages (dated like 4 Feb 2021, no site chrome), "
        "including interviews migrated from the old site"
    )
    capture_years = (2020, None)

    # -- scoring ---------------------------------------------------------

    def score(self, page: Page) -> Score:
        """Fit: the page opens with a newsroom date and an interview follows.

        Every newsroom rendering seen opens with its date (``4 Feb 2021``); a
        page with anything before the date, or with an old-site ticker line or
        long date near the top, is not scored as newsroom (it can still be
        read with ``template="newsroom"``; the text before the date is then
        reported as unclaimed).
        """
        blocks = page.blocks
        scan = scan_page(blocks)
        if scan.has_ticker_before(90) or scan.long_date_before(90) is not None:
            return Score(value=0.0, reason="old-site ticker or date (`July 01, 2016`)")
        if not blocks or parse_short_date(blocks[0].text) is None:
            return Score(value=0.0, reason="the page does not open with a date like `4 Feb 2021`")
        evidence = any(
            _is_turn(b.text)
            or _PHOTO_CREDIT.match(b.text)
            or numbered(b.text)
            or addresses_interviewee(b.text)
            or asks(b.text)
            or "Interfax" in b.text
            for b in blocks[1:12]
        )
        if not evidence:
            return Score(value=0.5, reason="newsroom date, but no turn, photo or lede after it")
        return Score(value=1.0, reason="newsroom date, and an interview after it")

    # -- reading ---------------------------------------------------------

    def read(self, page: Page) -> Reading:
        """Read date, title, photo and body; decide `truncated` from the last line."""
        zones: list[Zone] = [Zone.UNCLAIMED] * len(page.blocks)
        warnings: list[ParseWarning] = []
        truncated = bool(page.blocks) and (
            not ends_sentence(page.blocks[-1].text) or _is_cut_line(page.blocks[-1].text)
        )
        blocks = page.blocks
        if truncated and _is_cut_line(blocks[-1].text):
            blocks = blocks[:-1]  # a label or number cut short: left unclaimed

        date_index = _find_date(blocks)
        published = None
        start = 0
        if date_index is not None:
            published = parse_short_date(blocks[date_index].text)
            zones[date_index] = Zone.DATE
            start = date_index + 1
        else:
            warnings.append(
                ParseWarning(code=WarningCode.NO_DATE, message="no interview date found")
            )

        title: str | None = None
        first = blocks[start].text if start < len(blocks) else None
        if first is not None and not _is_turn(first) and len(first) <= _LONGEST_TITLE:
            title = first
            zones[start] = Zone.TITLE
            start += 1
        elif first is not None:
            where = "at a turn" if _is_turn(first) else "inside its body"
            warnings.append(
                ParseWarning(
                    code=WarningCode.NO_TITLE,
                    message=f"the page starts {where}: its title and opening lines are missing",
                    line=blocks[start].line,
                )
            )
        else:
            warnings.append(
                ParseWarning(code=WarningCode.NO_TITLE, message="no interview title found")
            )

        photo: Photo | None = None
        # A `Photo:` line can be the one cut short only when it ends the page.
        found = _find_photo(blocks, start, truncated=truncated and blocks is page.blocks)
        if found is not None:
            photo = found.photo
            zones[found.first : found.credit + 1] = [Zone.PHOTO] * (found.credit + 1 - found.first)
            if found.cut:
                zones[found.credit] = Zone.UNCLAIMED
            start = found.credit + 1

        body = read_body(
            blocks[start:],
            title=title,
            truncated=truncated,
            segment=segment_paragraphs,
            lede=title is not None,
        )
        zones[start : len(blocks)] = body.zones
        warnings.extend(body.warnings)
        if truncated:
            warnings.append(
                ParseWarning(
                    code=WarningCode.TRUNCATED,
                    message="the page ends mid-sentence: an archive kept only a prefix",
                    line=page.blocks[-1].line,
                )
            )
        unclaimed, unclaimed_warnings = unclaimed_blocks(page.blocks, zones)
        warnings.extend(unclaimed_warnings)
        people = body.people
        interview = Interview(
            template=self.name,
            url=page.url,
            interview_id=page_interview_id(page),
            page_title=page.page_title,
            title=title,
            published=published,
            interviewee=people.interviewee,
            interviewee_role=people.interviewee_role,
            correspondents=people.correspondents,
            lede=body.lede,
            photo=photo,
            turns=body.turns,
            related=body.related,
            capture_year=page.capture_date.year if page.capture_date is not None else None,
            truncated=truncated,
            warnings=tuple(warnings),
            unclaimed=unclaimed,
        )
        return Reading(interview=interview, zones=tuple(zones))

    # -- rendering -------------------------------------------------------

    def render(self, interview: Interview) -> str:
        """Write `interview` as a newsroom text page (see the module doc).

        Fields the layout does not print (headlines, short title, capture
        year, address) are left out. A photo needs its ``Photo:`` line, so
        it is always printed (``Photo:`` alone when the credit is ``None``);
        a file line is told from a caption only when both are given.
        """
        out: list[str] = []
        if interview.published is not None:
            out += [format_short_date(interview.published), ""]
        if interview.title is not None:
            out += [interview.title, ""]
        photo = interview.photo
        if photo is not None:
            out.append("")
            if photo.file is not None:
                out += [photo.file, ""]
            if photo.caption is not None:
                out.append(photo.caption)
            out += [f"Photo: {photo.credit}" if photo.credit else "Photo:", ""]
        if interview.lede is not None:
            out += [interview.lede, ""]
        for turn in interview.turns:
            out += [*render_turn(turn), ""]
        if interview.related:
            out.append("")
            for item in interview.related:
                out += [item.summary, ""]
        return "\n".join(out).rstrip("\n") + "\n"
