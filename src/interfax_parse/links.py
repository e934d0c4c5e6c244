"""Give headlines and teasers the links an HTML page puts on them.

Runs once after any template has read a page, so no template deals with
links. A template's `Reading` says which block each headline and teaser came
from (one `Zone.TICKER` block per headline, one `Zone.RELATED` block per
teaser, in order: the accounting invariant every template keeps). The links
standing on that block's line are the item's candidates, and link text picks
among them:

- a headline takes the link whose text is the headline (with or without its
  stamp and ``(Part N)`` marker), else the first link on its line;
- a teaser takes the link whose text is the whole summary, else one whose
  text is part of it, else the first link on its line. Its `RelatedItem.title`
  is that link's ``title`` attribute when the markup gives one, else the link's
  text when only part of the teaser is linked (a linked headline leading the
  summary); a link around the whole summary gives no title.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_

from .blocks import Block
from .grammar.ticker import parse_ticker_line
from .model import Headline, Interview, RelatedItem
from .templates.base import (
    Link,
    Page,
    Reading,
    Zone,
    new_headline,
    new_related,
    slot_copier,
)

__all__ = ["attach_links"]


def _headline_text(text: str) -> str:
    """Link text without a ticker stamp or a ``(Part N)`` marker."""
    line = parse_ticker_line(text)
    if line is not None:
        return line.text
    if not text.endswith(")"):  # no marker: a lent stamp would give the text back
        return text
    # Without a stamp: lend it one, so the ticker grammar strips the marker.
    line = parse_ticker_line(f"01/01 00:00 {text}")
    return line.text if line is not None else text


def _pick(candidates: Sequence[Link], exact: str, partial: str | None = None) -> Link | None:
    for link in candidates:
        if link.text == exact:
            return link
    if partial is not None:
        for link in candidates:
            if link.text and link.text in partial:
                return link
    return candidates[0] if candidates else None


_linked = slot_copier(Interview, "headlines", "related")


def _headline(headline: Headline, candidates: Sequence[Link]) -> Headline:
    if len(candidates) == 1:  # the usual case: whatever its text, the one link is taken
        link: Link | None = candidates[0]
    else:
        # A link's text with its stamp and marker stripped is part of it, so
        # only a link holding the headline's text can name it (the cheaper test first).
        text = headline.text
        named = [
            link for link in candidates if text in link.text and _headline_text(link.text) == text
        ]
        link = named[0] if named else _pick(candidates, text)
    if link is None:
        return headline
    # ``attrs.evolve(headline, url=link.href)`` through the slots (`new_headline`):
    # the keyword constructor cost twice as much, and a page links headlines by the dozen.
    h = headline
    return new_headline(
        h.text, h.stamp, h.month, h.day, h.hour, h.minute, h.published, h.part, link.href
    )


def _related(item: RelatedItem, candidates: Sequence[Link]) -> RelatedItem:
    link = _pick(candidates, item.summary, item.summary)
    if link is None:
        return item
    title = link.title
    if title is None and link.text and link.text != item.summary:
        title = link.text
    # ``attrs.evolve(item, title=title, url=link.href)``, as for headlines.
    return new_related(item.summary, item.interviewee, title, link.href)


def _in_zone(page: Page, zones: Sequence[Zone], zone: Zone) -> list[Block]:
    """The blocks of `page` read into `zone`, in order (selected in C)."""
    return list(compress(page.blocks, map(is_, zones, repeat(zone))))


def attach_links(interview: Interview, page: Page, reading: Reading) -> Interview:
    """`interview` with its headlines' and teasers' links from `page.links`.

    `reading` is the template's reading of `page` (its zones place each item
    on a line). Items without a link on their line are left as they are.
    """
    if not page.links or len(reading.zones) != len(page.blocks):
        return interview
    on_line: dict[int, list[Link]] = {}
    for link in page.links:
        if link.line is not None:
            on_line.setdefault(link.line, []).append(link)
    headlines, related = interview.headlines, interview.related
    if headlines:
        ticker = _in_zone(page, reading.zones, Zone.TICKER)
        if len(ticker) == len(headlines):
            headlines = tuple(
                _headline(headline, on_line.get(block.line, ()))
                if headline.stamp in block.text and headline.text in block.text
                else headline
                for headline, block in zip(headlines, ticker, strict=True)
            )
    if related:
        teasers = _in_zone(page, reading.zones, Zone.RELATED)
        if len(teasers) == len(related):
            related = tuple(
                _related(item, on_line.get(block.line, ())) if block.text == item.summary else item
                for item, block in zip(related, teasers, strict=True)
            )
    if headlines is interview.headlines and related is interview.related:
        return interview
    # ``attrs.evolve(interview, headlines=..., related=...)`` through the
    # slots (`slot_copier`: half the cost for the interview's 19 fields).
    return _linked(interview, headlines, related)
