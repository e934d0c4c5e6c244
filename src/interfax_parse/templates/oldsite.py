"""The old site's page, ``interfax.com/interview.asp?id=N``, shared by its years.

Top to bottom: navigation, news ticker, subscription form ending in the
breadcrumb, the date (``July 01, 2016``), the title, the body (see
`interfax_parse.body`), and the footer, whose wording differs by the year
the page was captured. Each capture year's chrome is a small subclass,
one module each (`asp_2018`, `asp_2020`), naming its footer.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Collection, Sequence
from itertools import compress, repeat
from typing import ClassVar

import attrs

from ..blocks import Block, normalize_space
from ..body import read_body
from ..grammar.dates import format_long_date, parse_long_date
from ..grammar.labels import match_label
from ..grammar.ticker import (
    TickerLine,
    assign_years,
    dated_line_year,
    format_ticker_line,
    to_datetime,
)
from ..model import Headline, Interview, ParseWarning, Turn, WarningCode
from .base import (
    Page,
    Reading,
    Score,
    Template,
    Zone,
    new_headline,
    once_per_page,
    page_interview_id,
    slot_setters,
    unclaimed_blocks,
)
from .scan import scan_page

__all__ = [
    "Footer",
    "OldSiteTemplate",
    "chrome_signals",
    "find_footer",
    "read_headlines",
    "render_turn",
]

NAVIGATION = frozenset(
    {
        "Subscription and demo access",
        "About Interfax",
        "Press Releases",
        "Products & Services",
        "Contact us",
        "Customer Login",
        "Headlines",
        "Interviews",
        "Subscription",
    }
)
FORM_INTRO = (
    "You can access a demo version of, recieve more information about or subscribe "
    "to Interfax publications by filling in and sending the form below."
)
_FORM_FIELD = re.compile(
    r"(?:First name|Last name|Company|Division|E-mail|Email|Phone|Country|City|Position):"
)
_DIGITS_PROMPT = "Please enter the digits in the box below:"
_BREADCRUMB = re.compile(r"(?:\A|\s)\|?\s*Interviews \| (.*)\Z")
_CRUMB_MARK = "Interviews | "
# The page's last line may end inside the ellipsis: ``before..`` is ``before...`` cut.
_CUT_ELLIPSIS = re.compile(r"\s*(?:\.{1,3}|…)\Z")
_COPYRIGHT = re.compile(r"©(?:\s*1991\s*[—–-]\s*(\d{4})\b)?\s*(.*)")
_FOOTER_LINE = re.compile(
    r"contact\b|News and other data on this site\b|Browse other Interfax sites\b|Rambler's Top100",
    re.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class Footer:
    """Where the footer starts and what its copyright line says."""

    index: int
    """The index of the copyright block."""
    end: int
    """The index just past the footer's last known line."""
    year: int | None
    """The capture year, the end of ``1991—YYYY``; None when the line is cut."""
    owner: str
    """The rest of the copyright line (``"Interfax News Agency" JSC. ...``)."""
    contact_line: str | None
    """The line after the copyright (``contact information | ...``)."""


_new_record = object.__new__
_set_index, _set_end, _set_year, _set_owner, _set_contact_line = slot_setters(
    Footer, "index", "end", "year", "owner", "contact_line"
)
_TEXT = operator.itemgetter(0)
"""`Block.text`, as a C-level function."""
_FIRST_CHAR = operator.itemgetter(slice(0, 1))


@once_per_page  # every old-site year looks for its footer twice (score and read)
def _copyright(blocks: Sequence[Block]) -> tuple[int, re.Match[str], int] | None:
    """The copyright block's index and match, and the end of the run of lines
    under it that every year prints (`_FOOTER_LINE`)."""
    # The first block opening with the sign, looked up in C over the blocks'
    # first characters (a Python loop over the whole page cost more).
    firsts = list(map(_FIRST_CHAR, map(_TEXT, blocks)))
    if "©" in firsts:
        index = firsts.index("©")
        match = _COPYRIGHT.match(blocks[index].text)
        if match is not None:  # the pattern matches every text opening with the sign
            end = index + 1
            while end < len(blocks) and _FOOTER_LINE.match(blocks[end].text):
                end += 1
            return index, match, end
    return None


def find_footer(blocks: Sequence[Block], own_lines: Collection[str] = ()) -> Footer | None:
    """The page's first footer (its copyright line and the known lines under
    it, the lines every year prints and `own_lines`); None on a page
    truncated before it."""
    found = _copyright(blocks)
    if found is not None:
        # The lines every year prints are matched once per page, up to `end`
        # (profiled: the pattern on each line, for each year, cost more).
        index, match, end = found
        while end < len(blocks) and (
            blocks[end].text in own_lines or _FOOTER_LINE.match(blocks[end].text)
        ):
            end += 1
        contact = blocks[index + 1].text if index + 1 < end else None
        digits, owner = match.groups()
        # ``Footer(index=index, end=end, ...)`` field by field (see `slot_setters`):
        # every old-site year asks for the footer as it scores and as it reads.
        footer = _new_record(Footer)
        _set_index(footer, index)
        _set_end(footer, end)
        _set_year(footer, int(digits) if digits else None)
        _set_owner(footer, owner)
        _set_contact_line(footer, contact)
        return footer
    return None


def _without_ellipsis(title: str) -> str:
    """`title` without a closing ``...`` or ``…``, up to the spaces before it
    (the caller strips them): the end cut off by slicing, without a
    pattern's scan along the title (profiled)."""
    if title.endswith("..."):
        return title[:-3]
    if title.endswith("…"):
        return title[:-1]
    return title


def _breadcrumb(text: str) -> re.Match[str] | None:
    # The literal tests first: the search costs microseconds on a long paragraph.
    return _BREADCRUMB.search(text) if "|" in text and _CRUMB_MARK in text else None


# Every old-site year scores the same page with the same signals (profiled:
# the scan was most of a score).
@once_per_page
def chrome_signals(blocks: Sequence[Block]) -> dict[str, bool]:
    """Which parts of the old site's chrome a page shows (navigation, ticker,
    form, breadcrumb, date), computed once per page."""
    scan = scan_page(blocks)
    # The tests over the texts run in C (`map`, `compress`, set and list
    # lookups): generator expressions over the blocks cost a third more (profiled).
    texts = list(map(_TEXT, blocks))
    head = texts[:80]
    # Only texts with a ``|`` can hold the breadcrumb: one character is found
    # much faster than the mark along a paragraph (profiled: the mark's search
    # through every paragraph of a newsroom page cost 10 us).
    crumbs = compress(head, map(operator.contains, head, repeat("|")))
    signals = {
        "navigation": not NAVIGATION.isdisjoint(texts[:12]),
        "ticker": scan.has_ticker_before(60),
        "form": FORM_INTRO in texts or any(map(str.startswith, texts, repeat(_DIGITS_PROMPT))),
        "breadcrumb": any(map(_breadcrumb, crumbs)),
        "date": scan.long_date_before(90) is not None,
    }
    return signals


def read_headlines(
    lines: Sequence[tuple[TickerLine, int]], capture_year: int | None
) -> tuple[tuple[Headline, ...], int | None, list[ParseWarning]]:
    """Turn ticker lines into headlines with years; also the year evidence used.

    The year comes from `capture_year` when known, else from a ticker line
    that prints its own date. Returns the headlines, the capture year they
    imply, and the warnings about where the year came from.
    """
    warnings: list[ParseWarning] = []
    years: list[int] | None = None
    year = capture_year
    if lines and capture_year is not None:
        years = assign_years([t for t, _ in lines], 0, capture_year)
    elif lines:
        for index, (line, line_number) in enumerate(lines):
            dated = dated_line_year(line)
            if dated is not None:
                years = assign_years([t for t, _ in lines], index, dated)
                year = years[0]
                warnings.append(
                    ParseWarning(
                        code=WarningCode.YEAR_FROM_HEADLINES,
                        message=f"capture year {year} read from the dated ticker line "
                        f"{line.stamp!r}",
                        line=line_number,
                    )
                )
                break
        else:
            warnings.append(
                ParseWarning(
                    code=WarningCode.YEAR_UNKNOWN,
                    message="the page gives no year for its ticker; headline datetimes are empty",
                )
            )
    headlines: list[Headline] = []
    for i, (line, _) in enumerate(lines):
        stamp, month, day, hour, minute, text, part = line  # cheaper than its named fields
        published = to_datetime(line, years[i]) if years is not None else None
        # ``Headline(text=text, stamp=stamp, ...)``, through its slots.
        headline = new_headline(text, stamp, month, day, hour, minute, published, part, None)
        headlines.append(headline)
    return tuple(headlines), year, warnings


def render_turn(turn: Turn) -> list[str]:
    """A turn as page lines: the label on its first paragraph, a blank after each."""
    paragraphs = list(turn.paragraphs)
    if turn.label is not None:
        first = paragraphs[0] if paragraphs else ""
        paragraphs[:1] = [f"{turn.label}: {first}" if first else f"{turn.label}:"]
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    return lines


_FOOTER_LINES: dict[str, frozenset[str]] = {}
"""`OldSiteTemplate.footer_lines` by contact line (a template's constant)."""


class OldSiteTemplate(Template):
    """The old site's layout; subclasses name the footer of their capture years."""

    owner: ClassVar[str]
    """The copyright holder the footer prints, e.g. ``Interfax Information Service``."""
    contact_line: ClassVar[str]
    """The line under the copyright, as the page prints it."""

    def footer_lines(self) -> frozenset[str]:
        """The footer lines this year prints under its copyright, normalised."""
        # Made once per contact line: scoring and reading ask for it on every page.
        lines = _FOOTER_LINES.get(self.contact_line)
        if lines is None:
            lines = _FOOTER_LINES[self.contact_line] = frozenset(
                {normalize_space(self.contact_line)}
            )
        return lines

    def footer_fits(self, footer: Footer) -> bool:
        """Whether a footer is positively this template's own (a cut one is not)."""
        return self.owner in footer.owner

    # -- scoring ---------------------------------------------------------

    def score(self, page: Page) -> Score:
        blocks = page.blocks
        signals = chrome_signals(blocks)
        chrome = signals["navigation"] or signals["ticker"] or signals["form"]
        if not chrome:
            return Score(value=0.0, reason="no old-site navigation, ticker or form")
        # Chrome evidence weighs up to 0.5; the template's own footer the rest.
        value = 0.5 * sum(signals.values()) / len(signals)  # the signals seen, counted
        footer = find_footer(blocks, self.footer_lines())
        if footer is not None:
            if self.footer_fits(footer):
                return Score(value=value + 0.5, reason=f"its own footer ({footer.year})")
            reason = f"footer {footer.owner!r} is not its own"
        else:
            reason = "no footer (truncated)"
        missing = [name for name, seen in signals.items() if not seen]
        if missing:
            reason += "; missing " + ", ".join(missing)
        return Score(value=value, reason=reason)

    # -- reading ---------------------------------------------------------

    def read(self, page: Page) -> Reading:
        blocks = page.blocks
        zones: list[Zone] = [Zone.UNCLAIMED] * len(blocks)
        warnings: list[ParseWarning] = []
        footer = find_footer(blocks, self.footer_lines())
        end = footer.index if footer is not None else len(blocks)

        # Preamble: navigation, ticker, form and breadcrumb, up to the date.
        scan = scan_page(blocks)
        date_index = scan.long_date_before(end)
        preamble_end = end if date_index is None else date_index
        ticker: list[tuple[TickerLine, int]] = []
        for index, line in scan.tickers_before(preamble_end):
            ticker.append((line, blocks[index].line))
            zones[index] = Zone.TICKER
        short_title: str | None = None
        ticker_zone = Zone.TICKER
        for index, (text, _, _) in enumerate(blocks[:preamble_end]):
            if zones[index] is ticker_zone:
                continue
            crumb = _breadcrumb(text)
            if crumb is not None:
                if index == len(blocks) - 1:
                    short_title = _CUT_ELLIPSIS.sub("", crumb.group(1)).strip() or None
                else:
                    short_title = _without_ellipsis(crumb.group(1)).strip() or None
                zones[index] = Zone.BREADCRUMB
            elif text in NAVIGATION:
                zones[index] = Zone.NAVIGATION
            elif text in (FORM_INTRO, _DIGITS_PROMPT) or _FORM_FIELD.fullmatch(text):
                zones[index] = Zone.FORM

        published = parse_long_date(blocks[date_index].text) if date_index is not None else None
        title: str | None = None
        body_start = end
        if date_index is not None:
            zones[date_index] = Zone.DATE
            body_start = date_index + 1
            if body_start < end:
                candidate = blocks[body_start].text
                standard = match_label(candidate)
                if standard is None or standard.role is None:
                    title = candidate
                    zones[body_start] = Zone.TITLE
                    body_start += 1
        truncated = footer is None or footer.year is None
        body = read_body(blocks[body_start:end], title=title, truncated=truncated)
        zones[body_start:end] = body.zones
        warnings.extend(body.warnings)

        # Capture year: footer, else a dated ticker line, else the archive.
        capture_year = footer.year if footer is not None else None
        if truncated:
            warnings.append(
                ParseWarning(
                    code=WarningCode.TRUNCATED,
                    message="the page ends before its footer",
                    line=blocks[-1].line if blocks else None,
                )
            )
        if capture_year is None and page.capture_date is not None:
            capture_year = page.capture_date.year
            warnings.append(
                ParseWarning(
                    code=WarningCode.YEAR_FROM_ARCHIVE,
                    message=f"capture year {capture_year} taken from the archive record",
                )
            )
        headlines, capture_year, year_warnings = read_headlines(ticker, capture_year)
        warnings.extend(year_warnings)

        if footer is not None:
            zones[footer.index : footer.end] = [Zone.FOOTER] * (footer.end - footer.index)
            rest = blocks[footer.end :]
            if rest and [b.text for b in rest] == [b.text for b in blocks[: len(rest)]]:
                zones[footer.end :] = [Zone.REPEATED] * len(rest)
                warnings.append(
                    ParseWarning(
                        code=WarningCode.PAGE_REPEATED,
                        message=f"the page repeats after its footer ({len(rest)} lines); "
                        "the repeat is identical to the page's start and was not read again",
                        line=rest[0].line,
                    )
                )
        if date_index is None:
            warnings.append(
                ParseWarning(code=WarningCode.NO_DATE, message="no interview date found")
            )
        if title is None:
            warnings.append(
                ParseWarning(code=WarningCode.NO_TITLE, message="no interview title found")
            )
        unclaimed, unclaimed_warnings = unclaimed_blocks(blocks, zones)
        warnings.extend(unclaimed_warnings)
        people = body.people
        interview = Interview(
            template=self.name,
            url=page.url,
            interview_id=page_interview_id(page),
            page_title=page.page_title,
            title=title,
            short_title=short_title,
            published=published,
            interviewee=people.interviewee,
            interviewee_role=people.interviewee_role,
            correspondents=people.correspondents,
            lede=body.lede,
            turns=body.turns,
            headlines=headlines,
            related=body.related,
            capture_year=capture_year,
            truncated=truncated,
            warnings=tuple(warnings),
            unclaimed=unclaimed,
        )
        return Reading(interview=interview, zones=tuple(zones))

    # -- rendering -------------------------------------------------------

    def render(self, interview: Interview) -> str:
        """Write `interview` as a complete old-site text page of this year."""
        nbsp = "\xa0"
        out: list[str] = [
            "Subscription and demo access",
            "",
            "About Interfax",
            "Press Releases",
            "Products & Services",
            "Contact us",
            "Customer Login",
            "",
            "",
        ]
        for headline in interview.headlines:
            line = TickerLine(
                headline.stamp,
                headline.month,
                headline.day,
                headline.hour,
                headline.minute,
                headline.text,
                headline.part,
            )
            out.append(format_ticker_line(line))
        out += ["", FORM_INTRO, "", "First name:", "", "Last name:", "", "", "", "", "", "", ""]
        crumb = interview.short_title or ""
        if interview.short_title is not None and interview.short_title != interview.title:
            crumb += "..."
        out.append(f"{_DIGITS_PROMPT}{nbsp} | {nbsp}Interviews{nbsp} | {nbsp}{crumb}")
        out += ["", ""]
        if interview.published is not None:
            out += [format_long_date(interview.published), ""]
        if interview.title is not None:
            out += [interview.title, ""]
        if interview.lede is not None:
            out += [interview.lede, ""]
        for turn in interview.turns:
            out += render_turn(turn)
        if interview.related:
            out.append("")
        for item in interview.related:
            out += [item.summary, ""]
        out.append("")
        year = interview.capture_year if interview.capture_year is not None else 2020
        out += [
            f"{nbsp}©{nbsp} 1991—{year}{nbsp} {self.owner}. All rights reserved.",
            self.contact_line,
            "",
            "News and other data on this site are provided for information purposes only, "
            "and are not intended for republication or redistribution. Republication or "
            "redistribution of Interfax content, including by framing or similar means, is "
            "expressly prohibited without the prior written consent of Interfax.",
            "",
            f"Browse other Interfax sites: {nbsp} | {nbsp} IFX.RU {nbsp} | {nbsp} "
            f"Interfax Group {nbsp} Rambler's Top100",
        ]
        return "\n".join(out) + "\n"
