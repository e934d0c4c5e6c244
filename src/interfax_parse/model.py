"""The typed result of parsing a page: `Interview` and the records it holds.

Every class is a frozen, slotted, keyword-only ``attrs`` class. Sequences are
tuples, dates are :mod:`datetime` values, and where a value is derived by
inference (a headline's year) the text the page printed is kept beside it.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = [
    "Capture",
    "Headline",
    "Interview",
    "ParseWarning",
    "Photo",
    "RelatedItem",
    "Role",
    "Turn",
    "WarningCode",
]


class Role(enum.Enum):
    """Who speaks in a turn: the interviewer asks, the interviewee answers.

    >>> Role("question") is Role.QUESTION
    True
    """

    QUESTION = "question"
    ANSWER = "answer"


class WarningCode(enum.Enum):
    """Stable codes for the anomalies a parse reports in `Interview.warnings`.

    The values are part of the public interface: they appear in JSON output and
    in ``--strict`` failures, and are never renamed.

    >>> WarningCode("truncated").name
    'TRUNCATED'
    """

    TRUNCATED = "truncated"
    """The page ends before its footer (or inside its first line): an archive
    kept only a prefix. Normal input, reported so that counts can say so."""
    TEMPLATE_GUESSED = "template-guessed"
    """Several templates fitted equally well; the one named was chosen by rule."""
    YEAR_FROM_HEADLINES = "year-from-headlines"
    """The capture year was read from a dated ticker line, not the footer."""
    YEAR_FROM_ARCHIVE = "year-from-archive"
    """The capture year came from the caller (an archive's capture date)."""
    YEAR_UNKNOWN = "year-unknown"
    """Nothing on the page gives a year: headline datetimes are left empty."""
    NO_DATE = "no-date"
    """The interview's publication date was not found."""
    NO_TITLE = "no-title"
    """The interview's title was not found."""
    NO_TURNS = "no-turns"
    """The page has no question or answer labels (reported speech, say)."""
    ROLES_INFERRED = "roles-inferred"
    """Turn roles were inferred from the text, not read from labels."""
    UNLABELLED_TEXT = "unlabelled-text"
    """Body paragraphs stand before the first labelled turn."""
    UNCLAIMED_TEXT = "unclaimed-text"
    """Text fitted no field; it is kept in `Interview.unclaimed`."""
    UNKNOWN_LABEL = "unknown-label"
    """A paragraph starts like a label that is not one of the known forms."""
    PAGE_REPEATED = "page-repeated"
    """The file holds the page twice; the identical repeat was read once."""
    ENCODING_GUESSED = "encoding-guessed"
    """The input's character encoding was detected, not declared."""
    MOJIBAKE_REPAIRED = "mojibake-repaired"
    """Characters garbled by a wrong decoding were repaired."""
    CAPTURES_DISAGREE = "captures-disagree"
    """A merged record's captures print different text in one field (an
    edit, not a cut); the message names the field (`interfax_parse.corpus`)."""


@attrs.frozen(kw_only=True)
class ParseWarning:
    """One anomaly met while reading a page.

    Not an exception: warnings are collected on the result. With
    ``strict=True`` the first one is raised as a `StrictModeError` instead.

    >>> str(ParseWarning(code=WarningCode.NO_DATE, message="no date found", line=3))
    'no-date: no date found (line 3)'
    """

    code: WarningCode
    """What kind of anomaly this is; stable, see `WarningCode`."""
    message: str
    """A human-readable explanation naming what was seen."""
    line: int | None = None
    """The 1-based line of the normalised page the anomaly is about, if any."""

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.code.value}: {self.message}{where}"


@attrs.frozen(kw_only=True)
class Headline:
    """One line of the news ticker printed beside the interview.

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> headline = parse(demo_page()).headlines[0]
    >>> headline.stamp, headline.text, headline.part, headline.published.year
    ('01/16 14:05', 'Aurora Union ministers meet on grain transit', 2, 2020)
    """

    text: str
    """The headline, without the stamp and without a ``(Part N)`` marker."""
    stamp: str
    """The stamp as printed, ``MM/DD HH:MM`` (e.g. ``02/25 18:44``)."""
    month: int
    """Month from the stamp, 1-12."""
    day: int
    """Day of the month from the stamp, 1-31."""
    hour: int
    """Hour from the stamp, 0-23, on the agency's (Moscow) clock."""
    minute: int
    """Minute from the stamp, 0-59."""
    published: dt.datetime | None = None
    """The stamp as a timezone-aware Moscow datetime; the year is inferred
    from the capture year (a December line below January lines belongs to the
    year before). ``None`` when the page gives no year at all."""
    part: int | None = None
    """N from a trailing ``(Part N)`` / ``(part N)`` marker, else ``None``."""
    url: str | None = None
    """The headline's link, when the page is HTML and links it."""

    @classmethod
    def at(cls, text: str, when: dt.datetime, *, part: int | None = None) -> Headline:
        """The headline a ticker prints at `when` (a Moscow datetime), the
        inverse of reading one: the stamp and its parts come from `when`.

        >>> import datetime as dt
        >>> Headline.at("Talks resume", dt.datetime(2020, 1, 16, 14, 5), part=2).stamp
        '01/16 14:05'
        """
        return cls(
            text=text,
            stamp=f"{when:%m/%d %H:%M}",
            month=when.month,
            day=when.day,
            hour=when.hour,
            minute=when.minute,
            published=when,
            part=part,
        )


@attrs.frozen(kw_only=True)
class Turn:
    """One question or answer: a label and the paragraphs that follow it.

    >>> turn = Turn(role=Role.ANSWER, label="A.", speaker="Elena Varga", paragraphs=("Yes.", "No."))
    >>> turn.text
    'Yes.\\n\\nNo.'
    """

    role: Role | None
    """Question or answer; ``None`` for body text whose role the page does not
    show (reported speech) and that could not be inferred."""
    label: str | None
    """The label as printed without its colon (``Question``, ``Q.``,
    ``Minister``, ``Lavrov``, ``1.``); ``None`` when the page printed none."""
    speaker: str | None
    """Who speaks: the interviewee for answers, the correspondent (or
    ``Interfax``) for questions, the named person when the label is a name;
    ``None`` when unknown."""
    paragraphs: tuple[str, ...]
    """The turn's text, a paragraph each, label removed."""

    @property
    def text(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


@attrs.frozen(kw_only=True)
class RelatedItem:
    """A teaser of another interview, printed below this one.

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> parse(demo_page()).related[0].interviewee
    'Tomas Brenner'
    """

    summary: str
    """The teaser paragraph as printed."""
    interviewee: str | None = None
    """The person the teaser says was interviewed, when it names one."""
    title: str | None = None
    """The linked interview's title (HTML only; ``None`` from text)."""
    url: str | None = None
    """The linked interview's address (HTML only; ``None`` from text)."""


@attrs.frozen(kw_only=True)
class Photo:
    """The photo block of a newsroom page: a caption and a credit.

    >>> Photo(caption="Elena Varga", credit="Press Office").credit
    'Press Office'
    """

    caption: str | None
    """The caption line (often the interviewee's name and office)."""
    credit: str | None
    """The credit, without its ``Photo:`` prefix."""
    file: str | None = None
    """An image file name or alt text printed before the caption, if any."""


@attrs.frozen(kw_only=True)
class Capture:
    """One page a merged interview was read from (see `interfax_parse.corpus`).

    What belongs to the page rather than to the interview: where and when it
    was captured, how it was read, and the context printed around the
    interview on that day (the news ticker, the teasers of other interviews).

    >>> from interfax_parse import parse
    >>> from interfax_parse.corpus import merge
    >>> from interfax_parse.demo import demo_page
    >>> page = demo_page()
    >>> record = merge([parse(page), parse(page[:1500])])
    >>> [capture.truncated for capture in record.captures]
    [True, False]
    """

    template: str
    """The template that read the page."""
    url: str | None = None
    """The page's address, when known."""
    interview_id: int | None = None
    """The id in the page's address, when known."""
    source: str | None = None
    """The file or archive the page was read from, when known."""
    record_id: str | None = None
    """The archive record's ``WARC-Record-ID``, for a page read from an archive."""
    capture_date: dt.datetime | None = None
    """The archive record's ``WARC-Date`` (UTC), for a page read from an archive."""
    capture_year: int | None = None
    """The capture year the page gave (footer, dated ticker line or archive)."""
    truncated: bool = False
    """Whether the page was cut short."""
    page_title: str | None = None
    """The HTML ``<title>``, for HTML input."""
    headlines: tuple[Headline, ...] = ()
    """The news ticker printed on the page that day, newest first."""
    related: tuple[RelatedItem, ...] = ()
    """The teasers of other interviews printed below the interview on that page."""
    warnings: tuple[ParseWarning, ...] = ()
    """The warnings of reading that page (their lines are the page's lines)."""
    unclaimed: tuple[str, ...] = ()
    """Text of the page that fitted no field."""


@attrs.frozen(kw_only=True)
class Interview:
    """Everything read from one interview page.

    Fields the page does not carry are ``None`` or empty; why is said in
    `warnings`. Text that fitted no field is kept in `unclaimed`.

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> interview = parse(demo_page())
    >>> interview.interviewee, interview.published.isoformat(), len(interview.turns)
    ('Elena Varga', '2019-11-14', 6)
    """

    template: str
    """The name of the template that read the page (see `templates()`)."""
    title: str | None = None
    """The full title as printed."""
    short_title: str | None = None
    """The breadcrumb's title, cut by the site at about 80 characters, without
    its ellipsis; the full title when the breadcrumb did not cut it."""
    published: dt.date | None = None
    """The interview's publication date printed above the title."""
    interviewee: str | None = None
    """The person interviewed, as named by the lede or the title."""
    interviewee_role: str | None = None
    """The interviewee's office as the lede or title gives it
    (``NATO Secretary General``)."""
    correspondents: tuple[str, ...] = ()
    """The Interfax correspondents the lede names, in order."""
    lede: str | None = None
    """The introductory paragraph between the title and the first turn."""
    photo: Photo | None = None
    """The photo block (newsroom pages), if the page has one."""
    turns: tuple[Turn, ...] = ()
    """Every question and answer, in page order."""
    headlines: tuple[Headline, ...] = ()
    """The news ticker of the capture, newest first, as printed."""
    related: tuple[RelatedItem, ...] = ()
    """Teasers of other interviews printed below this one."""
    url: str | None = None
    """The page's address, when known (given by the caller, an archive
    record, or the HTML's canonical link)."""
    interview_id: int | None = None
    """The ``id`` of ``interview.asp?id=N`` or the number of a newsroom
    address, when the address is known."""
    page_title: str | None = None
    """The HTML ``<title>``, for HTML input."""
    capture_year: int | None = None
    """The year the page was captured: from the footer, a dated ticker line
    or the archive; ``None`` when nothing gives it."""
    truncated: bool = False
    """True when the page ends before its footer."""
    warnings: tuple[ParseWarning, ...] = ()
    """Every anomaly met while reading, in page order."""
    unclaimed: tuple[str, ...] = ()
    """Text blocks that fitted no field, in page order."""
    captures: tuple[Capture, ...] = ()
    """For a record merged from several captures of one interview
    (`interfax_parse.corpus.merge`): every page it was read from, in a fixed
    order (truncated captures first, then by capture date; the last is the
    one whose address, template and year the record shows). Each capture
    keeps what belongs to its page (its address, dates, template, headlines,
    teasers, warnings and unclaimed text); the record's own `headlines`,
    `related` and `unclaimed` are then empty and its `warnings` are those of
    the merge. Empty for the result of parsing one page, and then left out
    of JSON."""

    def __repr__(self) -> str:
        return (
            f"Interview(title={self.title!r}, published={self.published!s}, "
            f"interviewee={self.interviewee!r}, turns={len(self.turns)}, "
            f"headlines={len(self.headlines)}, related={len(self.related)}, "
            f"template={self.template!r}, warnings={len(self.warnings)}"
            + (f", captures={len(self.captures)})" if self.captures else ")")
        )
