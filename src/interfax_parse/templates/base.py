"""What a template is: the page it reads, the score it gives, what it returns.

A template reads one page layout of one period ("template year"). It has a
`name`, the `capture_years` it covers, a `score` saying how well a page fits
it, `read`, which turns the page's blocks into an `Interview` and says which
block went where, and `render`, which writes an `Interview` back as a page of
its layout (the project's round-trip tests and demo pages use it).
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar, cast

import attrs

from ..blocks import Block
from ..grammar.addresses import interview_id
from ..model import Headline, Interview, ParseWarning, RelatedItem, WarningCode

__all__ = [
    "Link",
    "Page",
    "Reading",
    "Score",
    "Template",
    "Zone",
    "new_headline",
    "new_related",
    "once_per_page",
    "page_interview_id",
    "slot_copier",
    "slot_setters",
    "unclaimed_blocks",
]

_T = TypeVar("_T")
_R = TypeVar("_R", bound=attrs.AttrsInstance)


def once_per_page(compute: Callable[[Sequence[Block]], _T]) -> Callable[[Sequence[Block]], _T]:
    """`compute` of a page's blocks, remembered for the last page asked about.

    Choosing a template asks every template about the same page, and the
    chosen one asks again as it reads: what they ask alike is worked out
    once. Only an immutable sequence (a `Page`'s tuple) is remembered, by
    identity, and only the last page, so nothing is kept across pages.

    >>> calls = []
    >>> @once_per_page
    ... def count(blocks):
    ...     calls.append(1)
    ...     return len(blocks)
    >>> blocks = (Block("a", 1, 0),)
    >>> count(blocks), count(blocks), len(calls)
    (1, 1, 1)
    """
    last: list[tuple[Sequence[Block], _T] | None] = [None]

    @functools.wraps(compute)
    def remembered(blocks: Sequence[Block]) -> _T:
        entry = last[0]
        if entry is not None and entry[0] is blocks:
            return entry[1]
        value = compute(blocks)
        if isinstance(blocks, tuple):
            last[0] = (blocks, value)
        return value

    return remembered


SlotSetter = Callable[[Any, Any], None]
"""Sets one field of a record being built (a slot descriptor's ``__set__``)."""


def slot_setters(cls: type[attrs.AttrsInstance], *names: str) -> tuple[SlotSetter, ...]:
    """The setters of a slotted attrs class's fields, for building a record
    field by field (``record = object.__new__(cls)``, then every setter).

    For the records a page makes by the dozen: attrs' keyword ``__init__``
    costs about twice as much for a record of nine fields (profiled).
    `names` must be all the class's fields, in order, with no validator,
    converter or post-init hook the shortcut would skip; otherwise this
    raises `TypeError` (at import, where the setters are made).

    >>> from interfax_parse.model import RelatedItem
    >>> setters = slot_setters(RelatedItem, "summary", "interviewee", "title", "url")
    >>> item = object.__new__(RelatedItem)
    >>> for setter, value in zip(setters, ("A text", "Ann Lee", None, None)):
    ...     setter(item, value)
    >>> item == RelatedItem(summary="A text", interviewee="Ann Lee")
    True
    """
    fields = attrs.fields(cls)
    hooked = [f.name for f in fields if f.validator is not None or f.converter is not None]
    if tuple(f.name for f in fields) != names or hooked or hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__} is not built from the fields {names} alone")
    return tuple(cast(SlotSetter, vars(cls)[name].__set__) for name in names)


def slot_copier(cls: type[_R], *names: str) -> Callable[..., _R]:
    """A function copying a record of `cls` with the fields `names` set anew:
    ``copy(record, *values)`` is ``attrs.evolve(record, **dict(zip(names, values)))``
    built through the slots (see `slot_setters`, which refuses the same classes).

    For a record copied once a page with many fields (an `Interview` given its
    links): `attrs.evolve` cost about twice as much for its 19 fields (profiled).

    >>> from interfax_parse.model import RelatedItem
    >>> link = slot_copier(RelatedItem, "title", "url")
    >>> link(RelatedItem(summary="A text"), None, "https://example.org/1").url
    'https://example.org/1'
    """
    fields = tuple(field.name for field in attrs.fields(cls))
    setters = dict(zip(fields, slot_setters(cls, *fields), strict=True))
    kept = tuple(name for name in fields if name not in names)
    if len(kept) + len(names) != len(fields):
        raise TypeError(f"{cls.__name__} has not the fields {names}")
    # The kept fields' values are read in C, then set with the new ones after them.
    order = tuple(setters[name] for name in kept + names)
    values_of: Callable[[_R], tuple[object, ...]] = (
        operator.attrgetter(*kept)
        if len(kept) > 1
        else lambda record: tuple(getattr(record, name) for name in kept)
    )
    new = object.__new__

    def copy(record: _R, *values: object) -> _R:
        made = new(cls)
        for setter, value in zip(order, values_of(record) + values, strict=True):
            setter(made, value)
        return made

    return copy


_new_record = object.__new__
(
    _set_text,
    _set_stamp,
    _set_month,
    _set_day,
    _set_hour,
    _set_minute,
    _set_published,
    _set_part,
    _set_url,
) = slot_setters(
    Headline, "text", "stamp", "month", "day", "hour", "minute", "published", "part", "url"
)
_set_summary, _set_interviewee, _set_title, _set_related_url = slot_setters(
    RelatedItem, "summary", "interviewee", "title", "url"
)


def new_headline(
    text: str,
    stamp: str,
    month: int,
    day: int,
    hour: int,
    minute: int,
    published: dt.datetime | None,
    part: int | None,
    url: str | None,
) -> Headline:
    """``Headline(text=text, stamp=stamp, ...)``, built through its slots (see
    `slot_setters`): for the old site's ticker and for linked headlines, a few
    dozen a page.

    >>> new_headline("Rail freight grows", "02/25 18:44", 2, 25, 18, 44, None, None, None).stamp
    '02/25 18:44'
    """
    headline = _new_record(Headline)
    _set_text(headline, text)
    _set_stamp(headline, stamp)
    _set_month(headline, month)
    _set_day(headline, day)
    _set_hour(headline, hour)
    _set_minute(headline, minute)
    _set_published(headline, published)
    _set_part(headline, part)
    _set_url(headline, url)
    return headline


def new_related(
    summary: str, interviewee: str | None, title: str | None, url: str | None
) -> RelatedItem:
    """``RelatedItem(summary=summary, ...)``, built through its slots (see
    `slot_setters`): for the body's teasers and for linked ones.

    >>> new_related("A text", "Ann Lee", None, None) == RelatedItem(
    ...     summary="A text", interviewee="Ann Lee")
    True
    """
    item = _new_record(RelatedItem)
    _set_summary(item, summary)
    _set_interviewee(item, interviewee)
    _set_title(item, title)
    _set_related_url(item, url)
    return item


@attrs.frozen(kw_only=True)
class Link:
    """A hyperlink of an HTML page: its text, address, title and line."""

    text: str
    """The link's text, spaces normalised (empty for an image link)."""
    href: str
    """The address, resolved against the page's base when one is known."""
    title: str | None = None
    """The ``title`` attribute, when the markup gives one."""
    line: int | None = None
    """The line of the page (as `Block.line`) where the link's text starts;
    None when the link has no text."""


@attrs.frozen(kw_only=True)
class Page:
    """A page ready for templates: its blocks and what is known around them.

    >>> from interfax_parse.blocks import split_blocks
    >>> page = Page(blocks=tuple(split_blocks("July 01, 2016\\n\\nA title\\n")))
    >>> [block.text for block in page.blocks]
    ['July 01, 2016', 'A title']
    """

    blocks: tuple[Block, ...]
    """The page's non-blank lines, normalised (see `split_blocks`)."""
    url: str | None = None
    """The page's address, when the caller or an archive knows it."""
    capture_date: dt.date | None = None
    """When the page was captured, when an archive record says so."""
    page_title: str | None = None
    """The HTML ``<title>``, for HTML input."""
    links: tuple[Link, ...] = ()
    """The page's hyperlinks, for HTML input, in document order."""


def page_interview_id(page: Page) -> int | None:
    """The interview id the page's address gives, if it has one.

    Templates fill `Interview.url`, `Interview.interview_id` and
    `Interview.page_title` from the page (`read_page` would otherwise make
    the interview a second time to add them).

    >>> page_interview_id(Page(blocks=(), url="http://www.interfax.com/interview.asp?id=7"))
    7
    """
    return interview_id(page.url) if page.url is not None else None


class Zone(enum.Enum):
    """Where a block of a page went (see `Reading.zones`).

    >>> Zone("turn") is Zone.TURN
    True
    """

    NAVIGATION = "navigation"
    TICKER = "ticker"
    FORM = "form"
    BREADCRUMB = "breadcrumb"
    DATE = "date"
    TITLE = "title"
    PHOTO = "photo"
    LEDE = "lede"
    TURN = "turn"
    RELATED = "related"
    FOOTER = "footer"
    REPEATED = "repeated"
    """An identical repeat of blocks already read (a page saved twice)."""
    UNCLAIMED = "unclaimed"


def unclaimed_blocks(
    blocks: Sequence[Block], zones: Sequence[Zone]
) -> tuple[tuple[str, ...], list[ParseWarning]]:
    """The text of every block zoned `UNCLAIMED`, and a warning for each.

    Every template ends its reading with this, so unclaimed text is kept and
    reported the same way whatever the layout.
    """
    texts: list[str] = []
    warnings: list[ParseWarning] = []
    if len(blocks) != len(zones):
        raise ValueError("one zone per block is needed")
    if Zone.UNCLAIMED not in zones:  # the usual page: one C-level scan
        return (), warnings
    for block, zone in zip(blocks, zones, strict=True):
        if zone is Zone.UNCLAIMED:
            texts.append(block.text)
            warnings.append(
                ParseWarning(
                    code=WarningCode.UNCLAIMED_TEXT,
                    message=f"text fits no field: {block.text[:60]!r}",
                    line=block.line,
                )
            )
    return tuple(texts), warnings


@attrs.frozen(kw_only=True)
class Score:
    """How well a page fits a template: 0 (not at all) to 1, and why.

    >>> from interfax_parse import get_template
    >>> from interfax_parse.blocks import split_blocks
    >>> from interfax_parse.demo import demo_page
    >>> page = Page(blocks=tuple(split_blocks(demo_page())))
    >>> get_template("interview-asp-2020").score(page).value
    1.0
    """

    value: float
    reason: str


@attrs.frozen(kw_only=True)
class Reading:
    """A template's reading of a page: the interview and each block's zone.

    >>> from interfax_parse.api import read_page_detailed
    >>> from interfax_parse.blocks import split_blocks
    >>> from interfax_parse.demo import demo_page
    >>> reading = read_page_detailed(Page(blocks=tuple(split_blocks(demo_page()))))
    >>> reading.zones[0], reading.interview.template
    (<Zone.NAVIGATION: 'navigation'>, 'interview-asp-2020')
    """

    interview: Interview
    zones: tuple[Zone, ...]
    """One zone per block of the page, in order."""


class Template(abc.ABC):
    """Base class of every template. Subclass it, then `register` it.

    See the guide "Add a template year" in the documentation.

    >>> from interfax_parse import templates
    >>> all(isinstance(t, Template) for t in templates().values())
    True
    """

    name: ClassVar[str]
    """Unique name, e.g. ``interview-asp-2020``."""
    description: ClassVar[str]
    """One line saying which pages the template reads."""
    capture_years: ClassVar[tuple[int | None, int | None]]
    """First and last capture year covered (None: open-ended)."""

    @abc.abstractmethod
    def score(self, page: Page) -> Score:
        """How well `page` fits this template; 0 means it does not."""

    @abc.abstractmethod
    def read(self, page: Page) -> Reading:
        """Read `page` into an interview; never raise on odd content, warn."""

    def render(self, interview: Interview) -> str:
        """Write `interview` as a text page of this layout."""
        raise NotImplementedError(f"template {self.name!r} does not render pages")

    def covers(self, year: int) -> bool:
        """Whether pages captured in `year` may use this template."""
        first, last = self.capture_years
        return (first is None or year >= first) and (last is None or year <= last)

    def __repr__(self) -> str:
        return f"<template {self.name}>"
