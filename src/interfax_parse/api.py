"""The parse functions: decode, split into blocks, pick a template, read.

``parse`` takes a page as ``str`` or ``bytes``; ``parse_text`` takes the text
rendering. Both are pure functions of their arguments, so they can be
shipped to worker processes as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

import attrs

from .blocks import split_blocks
from .decode import decode
from .errors import NotAnInterviewError, StrictModeError, UnknownTemplateError
from .grammar.addresses import interview_id
from .grammar.dates import parse_long_date, parse_short_date
from .grammar.labels import match_label
from .grammar.quotes import normalize_quotes as _normalize_quotes
from .grammar.ticker import dated_line_year, parse_ticker_line
from .grammar.words import repair_split_words
from .model import Interview, ParseWarning, WarningCode
from .templates.base import Page, Reading, Score, Template
from .templates.registry import get_template, templates

__all__ = [
    "choose_template",
    "parse",
    "parse_text",
    "read_page",
    "read_page_detailed",
    "score_templates",
]


def parse(
    source: str | bytes,
    *,
    url: str | None = None,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
    capture_date: dt.date | None = None,
) -> Interview:
    """Parse one interview page given as text or bytes.

    `url` is the page's address (it fills `Interview.url` and
    `Interview.interview_id`); `template` forces a template by name instead of
    detection; `strict` raises `StrictModeError` on the first anomaly instead
    of listing it in `Interview.warnings`; `normalize_quotes` replaces curly
    quotes by ASCII ones in the page's text; `repair_words` joins the words
    that migration split with a stray space (``fr om``, ``wh ere``: only the
    closed list `interfax_parse.grammar.words.SPLIT_WORDS`; all other text is
    kept as printed); `capture_date` is when the page
    was captured, if an archive says so (it dates the ticker when the page
    does not).

    Raises a `ParseError` subclass when the input cannot be read as an
    interview page, and nothing else.

    >>> from interfax_parse.demo import demo_page
    >>> interview = parse(demo_page().encode("utf-8"), url="http://interfax.com/interview.asp?id=7")
    >>> interview.interview_id, interview.turns[1].speaker
    (7, 'Elena Varga')
    """
    text = decode(source) if isinstance(source, bytes) else source
    return parse_text(
        text,
        url=url,
        template=template,
        strict=strict,
        normalize_quotes=normalize_quotes,
        repair_words=repair_words,
        capture_date=capture_date,
    )


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
    page = Page(blocks=tuple(split_blocks(text)), url=url, capture_date=capture_date)
    return read_page(
        page,
        template=template,
        strict=strict,
        normalize_quotes=normalize_quotes,
        repair_words=repair_words,
    )


def score_templates(page: Page) -> dict[str, Score]:
    """Every registered template's score for `page`, in registry order."""
    return {name: t.score(page) for name, t in templates().items()}


def _year_hint(page: Page) -> int | None:
    if page.capture_date is not None:
        return page.capture_date.year
    for block in page.blocks[:60]:
        line = parse_ticker_line(block.text)
        if line is not None:
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
) -> Interview:
    """Read a prepared `Page`: the step `parse_text` and `parse_html` share."""
    return read_page_detailed(
        page,
        template=template,
        strict=strict,
        normalize_quotes=normalize_quotes,
        repair_words=repair_words,
    ).interview


def read_page_detailed(
    page: Page,
    *,
    template: str | None = None,
    strict: bool = False,
    normalize_quotes: bool = False,
    repair_words: bool = False,
) -> Reading:
    """As `read_page`, but also return which zone each block went to."""
    if template is not None:
        chosen, extra = get_template(template), list[ParseWarning]()
    else:
        chosen, extra = choose_template(page)
    reading = chosen.read(page)
    interview = reading.interview
    # One order for every template: the guess first, then by line, then page-wide.
    ordered = tuple(extra) + tuple(
        sorted(interview.warnings, key=lambda w: (w.line is None, w.line or 0))
    )
    changes: dict[str, object] = {}
    if ordered != interview.warnings:
        changes["warnings"] = ordered
    if page.url is not None:
        changes["url"] = page.url
        changes["interview_id"] = interview_id(page.url)
    if page.page_title is not None:
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
