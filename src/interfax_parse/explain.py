"""How a page was read: template scores, each block's zone, every warning.

`explain_page` returns the report ``interfax-parse explain FILE`` prints. It
is meant for people: the format may change between versions.
"""

from __future__ import annotations

import datetime as dt

from .api import read_page_detailed, score_templates
from .blocks import split_blocks
from .decode import decode
from .html import looks_like_html, read_html
from .templates.base import Page

__all__ = ["explain", "explain_page"]

_WIDTH = 72


def _clip(text: str, width: int = _WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_page(page: Page, *, template: str | None = None) -> str:
    """A readable account of how `page` is read (raises `ParseError` as parse does)."""
    lines = ["Template scores:"]
    scores = score_templates(page)
    for name, score in sorted(scores.items(), key=lambda item: -item[1].value):
        lines.append(f"  {score.value:4.2f}  {name}: {score.reason}")
    reading = read_page_detailed(page, template=template)
    interview = reading.interview
    lines.append(f"Chosen: {interview.template}" + (" (forced)" if template else ""))
    lines.append("")
    lines.append("Blocks (line, zone, text):")
    for block, zone in zip(page.blocks, reading.zones, strict=True):
        lines.append(f"  {block.line:5d}  {zone.value:<10}  {_clip(block.text)}")
    lines.append("")
    lines.append(
        f"Result: {len(interview.turns)} turns, {len(interview.headlines)} headlines, "
        f"{len(interview.related)} teasers, {len(interview.unclaimed)} unclaimed blocks; "
        f"truncated={interview.truncated}, capture year {interview.capture_year}"
    )
    lines.append(f"Warnings ({len(interview.warnings)}):")
    lines.extend(f"  {warning}" for warning in interview.warnings)
    return "\n".join(lines) + "\n"


def explain(
    source: str | bytes,
    *,
    url: str | None = None,
    template: str | None = None,
    capture_date: dt.date | None = None,
) -> str:
    """`explain_page` for a page given as `parse` takes it (text or HTML)."""
    if looks_like_html(source):
        page = read_html(source, url=url, capture_date=capture_date).page
        return explain_page(page, template=template)
    text = decode(source) if isinstance(source, bytes) else source
    page = Page(blocks=tuple(split_blocks(text)), url=url, capture_date=capture_date)
    return explain_page(page, template=template)
