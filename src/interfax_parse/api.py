"""The parse functions: decode, split into blocks, pick a template, read.

``parse`` takes a page as ``str`` or ``bytes``, text rendering or HTML, and
tells which it is; ``parse_text`` takes the text rendering and ``parse_html``
the HTML. All are pure functions of their arguments, so they can be shipped
to worker processes as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from .blocks import split_blocks
from .decode import decode_page, mojibake_warning, repair_mojibake
from .errors import NotAnInterviewError, StrictModeError, UnknownTemplateError
from .grammar.addresses import interview_id
from .grammar.dates import parse_long_date, parse_short_date
from .grammar.labels import match_label
from .grammar.quotes import normalize_quotes as _normalize_quotes
from .grammar.ticker import dated_line_year, parse_ticker_line
from .grammar.words import repair_split_words
from .html import is_selector, looks_like_html, read_html
from .links import attach_links
from .model import Interview, ParseWarning, WarningCode
from .templates.base import Page, Reading, Score, Template
from .templates.registry import get_template, templates
from .templates.scan import scan_page

if TYPE_CHECKING:
    from parsel import Selector

__all__ = [
    "choose_template",
    "parse",
    "parse_html",
    "parse_text",
    "read_page",
    "read_page_detailed",
    "score_templates",
]


def parse(
    source: str | bytes | Selector,
    *,
    url: str | None = None,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
    capture_date: dt.date | None = None,
    charset: str | None = None,
) -> Interview:
    """Parse one interview page given as text or bytes, text rendering or HTML.

    HTML is recognised by its first kilobyte (a doctype, or a leading
    ``<html>``, ``<head>``, ``<body>``, ``<div>``, ``<p>``, ... tag; see
    `interfax_parse.html.looks_like_html`) and read by `parse_html`, as is a
    `parsel.Selector`; anything else is a text rendering, read by `parse_text`.

    `url` is the page's address (it fills `Interview.url` and
    `Interview.interview_id`); `template` forces a template by name instead of
    detection; `strict` raises `StrictModeError` on the first anomaly instead
    of listing it in `Interview.warnings`; `normalize_quotes` replaces curly
    quotes by ASCII ones in the page's text; `repair_words` joins the words
    that migration split with a stray space (``fr om``, ``wh ere``: only the
    closed list `interfax_parse.grammar.words.SPLIT_WORDS`; all other text is
    kept as printed); `capture_date` is when the page
    was captured, if an archive says so (it dates the ticker when the page
    does not). `charset`, for bytes, is the encoding an HTTP or WARC header
    declares (a ``Content-Type`` value or a bare label); without it the
    encoding comes from a byte-order mark, an HTML ``<meta>`` declaration or
    detection (see `interfax_parse.decode`).

    Raises a `ParseError` subclass when the input cannot be read as an
    interview page, and nothing else.

    >>> from interfax_parse.demo import demo_page
    >>> interview = parse(demo_page().encode("utf-8"), url="http://interfax.com/interview.asp?id=7")
    >>> interview.interview_id, interview.turns[1].speaker
    (7, 'Elena Varga')
    """
    options = _Options(template, strict, normalize_quotes, repair_words)
    if is_selector(source) or looks_like_html(source):
        return _parse_html(source, url, capture_date, charset, options)
    notes: tuple[ParseWarning, ...] = ()
    if isinstance(source, bytes):
        decoded = decode_page(source, charset=charset)
        text, notes = decoded.text, decoded.warnings
    else:
        text = source
    return _parse_text(text, url, capture_date, notes, options)


def parse_text(
    text: str,
    *,
    url: str | None = None,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
    capture_date: dt.date | None = None,
) -> Interview:
    """Parse the plain-text rendering of a page; arguments as for `parse`.

    >>> from interfax_parse.demo import demo_page
    >>> parse_text(demo_page()).turns[0].role.value
    'question'
    """
    options = _Options(template, strict, normalize_quotes, repair_words)
    return _parse_text(text, url, capture_date, (), options)


def parse_html(
    html: str | bytes | Selector,
    *,
    url: str | None = None,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
    capture_date: dt.date | None = None,
    charset: str | None = None,
) -> Interview:
    """Parse a page's HTML; arguments as for `parse`.

    The document is rendered to the blocks of its text rendering (see
    `interfax_parse.html` and ``docs/html.md``) and read by the same
    templates, so the result equals `parse_text` of that rendering plus what
    only HTML has: `Interview.page_title` from ``<title>``, `Interview.url`
    and `Interview.interview_id` from the canonical link or ``og:url`` when
    `url` is not given, and the links of headlines (`Headline.url`) and
    teasers (`RelatedItem.url`, `RelatedItem.title`). `html` may be a
    `parsel.Selector`, read from the tree it holds (see `read_html`).

    >>> iv = parse_html(
    ...     "<html><head><title>Interviews</title></head><body><div>Customer Login</div>"
    ...     "<div>02/25 18:44&nbsp; <a href='/news/1'>Rail freight grows</a></div>"
    ...     "<p>July 01, 2016</p><h1>Elena Varga: Trains will run</h1>"
    ...     "<p>Question: When?</p><p>Answer: <b>Soon</b>.</p></body></html>",
    ...     url="https://www.interfax.com/interview.asp?id=1",
    ... )
    >>> iv.page_title, iv.interview_id, iv.turns[1].text, iv.headlines[0].url
    ('Interviews', 1, 'Soon.', 'https://www.interfax.com/news/1')
    """
    options = _Options(template, strict, normalize_quotes, repair_words)
    return _parse_html(html, url, capture_date, charset, options)


@attrs.frozen
class _Options:
    """How to read a page, as the parse functions were asked."""

    template: str | None
    strict: bool
    normalize_quotes: bool
    repair_words: bool

    def read(self, page: Page, notes: Sequence[ParseWarning]) -> Interview:
        return read_page(
            page,
            template=self.template,
            strict=self.strict,
            normalize_quotes=self.normalize_quotes,
            repair_words=self.repair_words,
            warnings=notes,
        )


def _parse_text(
    text: str,
    url: str | None,
    capture_date: dt.date | None,
    notes: tuple[ParseWarning, ...],
    options: _Options,
) -> Interview:
    fixed = repair_mojibake(text)
    if fixed.count:
        notes += (mojibake_warning(fixed.count, fixed.examples),)
    page = Page(blocks=tuple(split_blocks(fixed.text)), url=url, capture_date=capture_date)
    return options.read(page, notes)


def _parse_html(
    html: str | bytes | Selector,
    url: str | None,
    capture_date: dt.date | None,
    charset: str | None,
    options: _Options,
) -> Interview:
    document = read_html(html, url=url, capture_date=capture_date, charset=charset)
    return options.read(document.page, document.warnings)


def score_templates(page: Page) -> dict[str, Score]:
    """Every registered template's score for `page`, in registry order."""
    return {name: t.score(page) for name, t in templates().items()}


def _year_hint(page: Page) -> int | None:
    if page.capture_date is not None:
        return page.capture_date.year
    for _, line in scan_page(page.blocks).tickers_before(60):
        year = dated_line_year(line)
        if year is not None:
            return year
    return None


def _missing_evidence(page: Page) -> list[str]:
    """Which signs of an interview page are absent (all three: not one)."""
    seen = {"date line": False, "turn label": False, "ticker line": False}
    for block in page.blocks:
        text = block.text
        if not seen["date line"]:
            seen["date line"] = bool(parse_long_date(text) or parse_short_date(text))
        if not seen["ticker line"]:
            seen["ticker line"] = parse_ticker_line(text) is not None
        if not seen["turn label"]:
            found = match_label(text)
            seen["turn label"] = found is not None and found.role is not None
    return [name for name, ok in seen.items() if not ok]


def choose_template(page: Page) -> tuple[Template, list[ParseWarning]]:
    """The best-scoring template for `page`, and a warning if it was a guess.

    Raises `NotAnInterviewError` when the page shows no sign of an interview
    and `UnknownTemplateError` (with every score) when no template fits it.
    """
    known = templates()
    scores = score_templates(page)
    best = max((s.value for s in scores.values()), default=0.0)
    if best <= 0.0:
        missing = _missing_evidence(page)
        if len(missing) == 3:
            raise NotAnInterviewError(missing)
        raise UnknownTemplateError(
            "no template fits this page",
            tried={n: s.value for n, s in scores.items()},
            reasons={n: s.reason for n, s in scores.items()},
        )
    top = [name for name, s in scores.items() if s.value == best]
    if len(top) == 1:
        return known[top[0]], []
    year = _year_hint(page)
    covering = [name for name in top if year is not None and known[name].covers(year)]
    chosen = covering[0] if len(covering) == 1 else (covering or top)[-1]
    why = (
        f"capture year {year} falls in its years"
        if len(covering) == 1
        else "nothing on the page tells them apart; the newest was taken"
    )
    warning = ParseWarning(
        code=WarningCode.TEMPLATE_GUESSED,
        message=f"templates {', '.join(top)} fit equally well; chose {chosen}: {why}",
    )
    return known[chosen], [warning]


_NOT_PAGE_TEXT = frozenset({"warnings", "url", "template", "page_title"})


def _map_text(value: object, repair: Callable[[str], str] = _normalize_quotes) -> object:
    """Apply a text repair (quote normalisation by default) to every text field."""
    if isinstance(value, str):
        return repair(value)
    if isinstance(value, tuple):
        return tuple(_map_text(v, repair) for v in value)
    if attrs.has(type(value)):
        instance = cast("attrs.AttrsInstance", value)
        changes = {
            field.name: _map_text(getattr(instance, field.name), repair)
            for field in attrs.fields(type(instance))
            if field.name not in _NOT_PAGE_TEXT
        }
        return attrs.evolve(instance, **changes)  # type: ignore[misc]
    return value


def read_page(
    page: Page,
    *,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
    warnings: Sequence[ParseWarning] = (),
) -> Interview:
    """Read a prepared `Page`: the step `parse_text` and `parse_html` share.

    `warnings` are anomalies met before the page was made (decoding,
    mojibake); they join the template's in `Interview.warnings`.
    """
    return read_page_detailed(
        page,
        template=template,
        strict=strict,
        normalize_quotes=normalize_quotes,
        repair_words=repair_words,
        warnings=warnings,
    ).interview


def read_page_detailed(
    page: Page,
    *,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
    warnings: Sequence[ParseWarning] = (),
) -> Reading:
    """As `read_page`, but also return which zone each block went to."""
    if template is not None:
        chosen, extra = get_template(template), list[ParseWarning]()
    else:
        chosen, extra = choose_template(page)
    reading = chosen.read(page)
    interview = attach_links(reading.interview, page, reading)
    # One order for every template: the guess first, then by line, then page-wide.
    ordered = tuple(extra) + tuple(
        sorted(tuple(warnings) + interview.warnings, key=lambda w: (w.line is None, w.line or 0))
    )
    changes: dict[str, object] = {}
    if ordered != interview.warnings:
        changes["warnings"] = ordered
    # The built-in templates fill these from the page; others may not.
    if page.url is not None:
        page_id = interview_id(page.url)
        if interview.url != page.url or interview.interview_id != page_id:
            changes["url"] = page.url
            changes["interview_id"] = page_id
    if page.page_title is not None and interview.page_title != page.page_title:
        changes["page_title"] = page.page_title
    if changes:
        interview = attrs.evolve(interview, **changes)  # type: ignore[arg-type]
    if repair_words:
        interview = cast(Interview, _map_text(interview, repair_split_words))
    if normalize_quotes:
        interview = cast(Interview, _map_text(interview))
    if strict and interview.warnings:
        raise StrictModeError(interview.warnings[0])
    return Reading(interview=interview, zones=reading.zones)
