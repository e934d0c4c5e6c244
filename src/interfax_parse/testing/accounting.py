"""The accounting invariant: every block of a page lands in exactly one place.

A template's `Reading` gives each block of the page one `Zone`. The
invariant `accounting_violations` checks is that these zones are *true*: the
blocks of a zone, in page order, are exactly the content of the field that
zone names, nothing missing and nothing doubled —

- ticker blocks are the headlines (stamp and text), one each, in order;
- the title block is `title`, the lede block is `lede`, the date block exists
  exactly when `published` does, the breadcrumb holds `short_title`;
- turn blocks are the turns' paragraphs in order, the first of a labelled
  turn printed after its label (``Q.: text``, or ``1. text`` for numbers);
- teaser blocks are the `related` summaries; photo blocks the `photo`;
- unclaimed blocks are `unclaimed`;
- navigation, form, footer and repeated blocks are the template's
  boilerplate and fill no field.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Interview
from ..templates.base import Page, Reading, Zone

__all__ = ["accounting_violations"]


def _turn_units(interview: Interview) -> list[tuple[str | None, str | None]]:
    """(label, paragraph) per printed turn block; the label only on a turn's first."""
    units: list[tuple[str | None, str | None]] = []
    for turn in interview.turns:
        if not turn.paragraphs:
            units.append((turn.label, None))
        for index, paragraph in enumerate(turn.paragraphs):
            units.append((turn.label if index == 0 else None, paragraph))
    return units


def _printed_as(text: str, label: str | None, paragraph: str | None) -> bool:
    if label is None:
        return text == paragraph
    if paragraph is None:
        return text in (f"{label}:", label)
    return text in (f"{label}: {paragraph}", f"{label}:{paragraph}", f"{label} {paragraph}")


def _compare(name: str, blocks: Sequence[str], values: Sequence[str], out: list[str]) -> None:
    if len(blocks) != len(values):
        out.append(f"{name}: {len(blocks)} blocks for {len(values)} values")
    for index, (block, value) in enumerate(zip(blocks, values, strict=False)):
        if block != value:
            out.append(f"{name}[{index}]: block {block!r} is not {value!r}")


def accounting_violations(page: Page, reading: Reading) -> list[str]:
    """Every way `reading` misplaces, drops or doubles a block of `page`."""
    out: list[str] = []
    interview = reading.interview
    if len(reading.zones) != len(page.blocks):
        return [f"{len(reading.zones)} zones for {len(page.blocks)} blocks"]
    by_zone: dict[Zone, list[str]] = {zone: [] for zone in Zone}
    for block, zone in zip(page.blocks, reading.zones, strict=True):
        by_zone[zone].append(block.text)

    ticker = by_zone[Zone.TICKER]
    if len(ticker) != len(interview.headlines):
        out.append(f"ticker: {len(ticker)} blocks for {len(interview.headlines)} headlines")
    for index, (text, headline) in enumerate(zip(ticker, interview.headlines, strict=False)):
        if not (text.startswith(headline.stamp) and headline.text in text):
            out.append(f"ticker[{index}]: block {text!r} is not headline {headline.text!r}")

    singles = (
        (Zone.TITLE, interview.title),
        (Zone.LEDE, interview.lede),
    )
    for zone, value in singles:
        _compare(zone.value, by_zone[zone], [value] if value is not None else [], out)
    if len(by_zone[Zone.DATE]) != (interview.published is not None):
        out.append(f"date: {len(by_zone[Zone.DATE])} blocks, published={interview.published}")
    if interview.short_title is not None and not any(
        interview.short_title in text for text in by_zone[Zone.BREADCRUMB]
    ):
        out.append(f"breadcrumb: no block holds short_title {interview.short_title!r}")

    units = _turn_units(interview)
    turn_blocks = by_zone[Zone.TURN]
    if len(turn_blocks) != len(units):
        out.append(f"turns: {len(turn_blocks)} blocks for {len(units)} printed paragraphs")
    for index, (text, (label, paragraph)) in enumerate(zip(turn_blocks, units, strict=False)):
        if not _printed_as(text, label, paragraph):
            out.append(f"turns[{index}]: block {text!r} is not {label!r} + {paragraph!r}")

    _compare("related", by_zone[Zone.RELATED], [r.summary for r in interview.related], out)
    _compare("unclaimed", by_zone[Zone.UNCLAIMED], list(interview.unclaimed), out)
    photo = interview.photo
    photo_parts = [] if photo is None else [photo.file, photo.caption, photo.credit]
    for text in by_zone[Zone.PHOTO]:
        credit_line = photo is not None and text.startswith("Photo")
        if not credit_line and not any(part and part in text for part in photo_parts):
            out.append(f"photo: block {text!r} is not part of {photo!r}")
    if photo is not None and not by_zone[Zone.PHOTO]:
        out.append("photo: a photo without photo blocks")
    return out
