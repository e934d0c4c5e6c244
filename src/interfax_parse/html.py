"""HTML to the page the templates read: the same blocks as a text rendering.

`read_html` streams a document through lxml's HTML parser (libxml2) and
renders it to lines as the parser reports elements and text, without building
a tree, the way a text browser or an archive's text extraction does, so the
result is the `Page` that `split_blocks` would make of the page's text
rendering, and the same templates read both. On top it reads what only the
markup has: the ``<title>``, the canonical address, and every link with the
line it stands on (`Page.links`), from which `interfax_parse.links` gives
headlines and teasers their addresses. A tree parsel already holds (a
`parsel.Selector`) is read by replaying it to the same renderer.

How markup becomes lines (``docs/html.md`` has the reasons and an example):

- Dropped with everything inside: ``<script>``, ``<style>``, ``<noscript>``,
  ``<template>``, ``<title>`` (read separately), ``<select>``, ``<textarea>``,
  embedded objects (``<iframe>``, ``<svg>``, ...), elements marked ``hidden``
  or ``style="display: none"``, comments. Images and inputs print nothing.
  ``<head>`` prints only content a parser moved there.
- Inline elements (``<span>``, ``<a>``, ``<b>``, ``<font>``, unknown tags)
  flow into the line around them with no break: ``Ques<b>tion</b>`` is
  ``Question``. Runs of ASCII whitespace are one space; entities and NBSP are
  decoded and then normalised as in a text page.
- Block elements (``<div>``, ``<p>``, ``<li>``, ``<tr>``, headings, ...)
  start and end lines; ``<br>`` ends a line, and a ``<br>`` where no line is
  open prints an empty line; ``<pre>`` keeps its line breaks. Table cells of
  one row share a line, a space apart. An element holding only an NBSP (a
  spacer) prints a blank line.
- The blank lines between two lines come from the elements that end just
  before the break and start just after it: none for lines of one element
  (``<br>``, one-line ``<div>``, ``<li>``, ``<tr>``); one when a paragraph
  (``<p>``, ``<h1>``-``<h6>``, ``<pre>``, a one-line list or
  ``<blockquote>``) or a group stands on either side; two when a *group*
  stands on both sides: a container (``<div>``, ``<table>``, ``<td>``,
  ``<section>``, ``<ul>``, ...) whose content prints two or more lines. So a
  wide gap stands where one multi-line container ends and another begins
  (the article's paragraphs, then the box of teasers), while a paragraph next
  to a group keeps the paragraph gap: a lede in its own ``<div>`` before the
  container of turns does not read as the start of the teasers.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate, chain, compress, repeat
from operator import sub
from typing import TYPE_CHECKING, cast
from urllib.parse import urljoin, urlsplit

import attrs
from lxml import etree
from w3lib.encoding import read_bom

from .blocks import Block, normalize_space
from .decode import EncodingSource, decode_page, mojibake_warning, repair_mojibake
from .model import ParseWarning
from .templates.base import Link, Page, slot_setters

if TYPE_CHECKING:
    from parsel import Selector
    from typing_extensions import TypeIs

__all__ = [
    "HtmlDocument",
    "blocks_text",
    "html_to_text",
    "is_selector",
    "looks_like_html",
    "read_html",
]

_new_block = tuple.__new__  # `Block._make` without its Python frame
_P, _S = 1, 2  # flags: paragraph margin on this side, a group on this side

_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "title", "select", "datalist",
        "textarea", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet",
        "svg", "math", "canvas", "audio", "video", "map", "param", "source", "track",
    }
)  # fmt: skip
# Paragraphs: one blank line around them, never a group.
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "xmp"})
# Containers with a margin: one blank line around them even when one line.
_MARGIN = frozenset({"blockquote", "figure", "ul", "ol", "dl", "menu", "dir", "fieldset"})
_CONTAINER = _MARGIN | frozenset(
    {
        "div", "section", "article", "main", "header", "footer", "nav",
        "aside", "form", "table", "thead", "tbody", "tfoot", "tr", "caption", "colgroup",
        "li", "dt", "dd", "address", "center", "details", "summary", "dialog", "hgroup",
        "legend", "figcaption", "search", "optgroup", "option",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})
# A container cut after its first line by truncation: what it may have been.
# Sections, lists and tables were groups (a wide gap can stand before them);
# a <div> or <center> may have been a group or one line, so it only may close
# a wide gap after another group; items (<li>, <tr>, ...) were lines.
_CUT_GROUP = {
    **dict.fromkeys(
        ("section", "article", "main", "header", "footer", "nav", "aside", "form", "table",
         "ul", "ol", "dl", "menu", "dir", "fieldset", "blockquote", "figure", "details"),
        _P | _S,
    ),
    **dict.fromkeys(("div", "center"), _S),
}  # fmt: skip
# The document's own frame: lines break there, but it is no group (an HTML
# parser moves content met before <body> into <head>, splitting the page).
_FRAME = frozenset({"html", "head", "body"})
_PRE = frozenset({"pre", "listing", "xmp", "plaintext"})

_ASCII_SPACE = " \t\n\r\f"
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]")
# The spaces and invisible characters normalisation removes: a text holds
# something visible when stripping these leaves anything (`str.strip` stops at
# the first visible character: about a third of a pattern search's cost, timed).
_UNSEEN = (
    " \t\n\r\f\v\xa0\u1680\u202f\u205f\u3000\u2028\u2029\x85\u200b\u200c\u200d\u2060\ufeff"
    + "".join(map(chr, range(0x2000, 0x200B)))
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_HTML_START = re.compile(
    r"(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|link|base|script|style"
    r"|div|p|table|span|a|h[1-6]|center|form|section|article|header|nav|main|font|b|br"
    r"|ul|ol|img|noscript|iframe)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)


def is_selector(source: object) -> TypeIs[Selector]:
    """Whether `source` is a `parsel.Selector` (or a subclass's, Scrapy's).

    Asked without importing parsel, which would add a third to the package's
    import time: a Selector can exist only once parsel has been imported.

    >>> is_selector("<p>a</p>")
    False
    """
    parsel = sys.modules.get("parsel")
    return parsel is not None and isinstance(source, parsel.Selector)


def looks_like_html(source: str | bytes) -> bool:
    """Whether a page is HTML, judged from its first kilobyte.

    It is when it starts (after whitespace and comments) with a doctype or a
    common tag (``<html``, ``<head``, ``<body``, ``<div``, ``<p``, ...), or
    carries ``<!DOCTYPE html``, ``<html`` or ``<body`` anywhere in that
    kilobyte. A text rendering never does.

    >>> looks_like_html(b"<!DOCTYPE html><title>x</title>"), looks_like_html("July 01, 2016")
    (True, False)
    """
    head: str
    if isinstance(source, bytes):
        raw = source[:1024]
        bom, mark = read_bom(raw)
        if bom is not None and mark is not None:
            head = raw[len(mark) :].decode(bom, "ignore")
        else:
            head = raw.decode("latin-1")
    else:
        head = source[:1024].lstrip("\ufeff")
    return _HTML_START.match(head) is not None or _HTML_ANYWHERE.search(head) is not None


@attrs.frozen(kw_only=True)
class HtmlDocument:
    """An HTML document read for the templates."""

    page: Page
    """The blocks, address, title and links, ready for `read_page`."""
    warnings: tuple[ParseWarning, ...] = ()
    """How the bytes were decoded (when guessed) and mojibake repaired."""
    encoding: str | None = None
    """The codec the bytes were read in; None for ``str`` input."""
    canonical: str | None = None
    """The canonical or ``og:url`` address the markup gives, if any."""


# What each tag is to the renderer (`_KIND`); tags not listed are inline and
# only flow their text. The head tags are read for the document's facts.
_INLINE, _DROPPED, _TITLE, _NOTED = range(4)  # below _ANCHOR: nothing to render
_ANCHOR, _CELL_TAG, _PARA, _PRE_PARA, _BOX, _FRAME_TAG, _PLAIN, _BR, _HR = range(4, 13)
_KIND: dict[str, int] = {
    **dict.fromkeys(_DROP, _DROPPED),
    **dict.fromkeys(_CONTAINER, _BOX),
    **dict.fromkeys(_CELL, _CELL_TAG),
    **dict.fromkeys(_PARAGRAPH - _PRE, _PARA),
    **dict.fromkeys(_PARAGRAPH & _PRE, _PRE_PARA),
    **dict.fromkeys(_FRAME, _FRAME_TAG),
    **dict.fromkeys(_PRE - _PARAGRAPH, _PLAIN),
    "a": _ANCHOR, "br": _BR, "hr": _HR,
    "title": _TITLE, "link": _NOTED, "meta": _NOTED, "base": _NOTED,
}  # fmt: skip
_NOTED_TAGS = frozenset({"title", "link", "meta", "base"})
_OG_URL = str.maketrans("OGURL", "ogurl")


@attrs.define
class _Anchor:
    href: str
    title: str | None
    pieces: list[str]
    line: int | None


@attrs.frozen
class _Rendered:
    """What the renderer made of one document."""

    lines: list[str]  # the printed lines, as markup printed them
    closing: dict[int, int]  # line index -> flags of what ends after it
    opening: dict[int, int]  # line index -> flags of what starts before it
    singles: list[tuple[int, int, int]]  # one-line containers: first, last, flags
    anchors: list[_Anchor]
    title: str | None  # the document's title, before normalisation
    canonical: str | None  # the canonical link, else og:url
    base: str | None  # the first <base href>

    def blocks(self, repairs: _Repairs, *, cut: bool = False) -> tuple[list[Block], list[int]]:
        """The blocks, and each rendered line's 1-based line number.

        On a `cut` document (truncated), a container holding the last line may
        have been cut after its first, so where it starts it counts as the
        group it may have been (see `_CUT_GROUP`), as the text rendering of the
        same prefix keeps its gap.
        """
        closing, opening = self.closing, self.opening
        if cut:
            final = len(self.lines) - 1
            for first, last, flags in self.singles:
                if last == final:
                    opening[first] = opening.get(first, 0) | flags
        # Normalise every line in one pass over the whole text, as split_blocks does.
        # NUL cannot occur in text from the parser, so it separates the lines.
        # (Line breaks are white space to `normalize_space`: no pass of their own.)
        whole = normalize_space(repairs.repair("\0".join(self.lines)))
        lines = list(map(str.strip, whole.split("\0"), repeat(" ")))
        # Line `i` stands at `numbers[i]`: one more than the line before it, plus
        # the blank lines the layout puts between them. Only lines next to an
        # element that ends or starts with flags can have those, a few a page:
        # these C loops cost about 25 µs a page less than a Python loop over
        # every line (timed on the benchmark's pages).
        steps = [1] * len(lines)
        for index in {after + 1 for after in closing}.union(opening):
            if 0 < index < len(steps):
                after, before = closing.get(index - 1, 0), opening.get(index, 0)
                if after & before & _S:
                    steps[index] += 2
                elif (after | before) & _P:
                    steps[index] += 1
        numbers = list(accumulate(steps))
        # A block's gap: the blank lines since the block before it (or the start).
        kept = list(compress(numbers, lines))
        gaps = map(sub, map((-1).__add__, kept), chain((0,), kept))
        blocks = list(
            map(_new_block, repeat(Block), zip(filter(None, lines), kept, gaps, strict=True))
        )
        return blocks, numbers


# An open element the renderer must close: an anchor (whether it had an
# address), or a block: (flags, can group, first line, started a fresh line).
_Opened = bool | tuple[int, bool, int, bool]


class _Renderer:
    """The target of lxml's HTML parser: renders the events as they come.

    No tree is built. Text gathers in a buffer (the parser's ``data`` event
    is the buffer's own ``append``: no Python call per piece of text) and
    flows when an element that matters to the layout starts or ends, so text
    around inline tags, comments and dropped elements joins as it would in a
    tree. What prints nothing is skipped as it streams past (dropped tags,
    hidden elements and everything inside them: their text is cut from the
    buffer when they end; comments and processing instructions never reach a
    target without handlers for them). The head's title, canonical link,
    ``og:url`` and ``<base>`` are noted wherever they stand: they are read
    from the markup, not printed.

    The events and the layout share their state as variables of one closure
    (`_events`), not as attributes, and a block's start or end flows the
    buffered text in place rather than through a method: together about 2 %
    of the render (timed against the methods they replaced, on the
    benchmark's pages).
    """

    def __init__(self) -> None:
        self.buffer: list[str] = []  # text not yet flowed: kept for the parser's lifetime
        self.data = self.buffer.append
        self.start, self.end, self.close, self.reset = self._events()

    def _events(
        self,
    ) -> tuple[
        Callable[[str, Mapping[str, str]], None],
        Callable[[str], None],
        Callable[[], _Rendered],
        Callable[[], None],
    ]:
        """The parser's ``start``, ``end`` and ``close`` events, and what
        starts the renderer afresh for the next document.

        Each event's tag is a new string, so looking it up costs hashing it
        (timed: a lookup per event was about an eighth of the events' Python
        time). An element's end is matched to its start by depth (the parser's
        events nest): ``end`` looks up its tag only for the elements whose end
        matters (blocks, anchors, what prints nothing), whose depths it
        watches; the ends of inline elements just count down.
        """
        buffer = self.buffer
        kinds = _KIND.get
        styles = _Styles()  # kept across documents, up to a bound
        facts = _Facts()
        note, end_title = facts.note, facts.end_title
        # -- where the parser is
        depth = 0  # how many elements are open
        watch = 0  # the depth of the innermost open element whose end matters
        watched: list[int] = []  # the depths of those around it
        skip = 0  # the depth of what prints nothing (-1 once the root has ended), else 0
        mark = 0  # where in the buffer the text of what prints nothing starts
        head = 0  # the depth of the open <head>, else 0
        title: tuple[int, bool] | None = None  # the <title> being read: start, in <head>
        # -- the layout
        lines: list[str] = []  # finished lines, as markup printed them
        seen = [0]  # seen[i]: how many of the first i lines are not blank
        pieces: list[str] = []  # the current line
        opened = False  # the current line has content (perhaps only an NBSP)
        shown = False  # the current line has visible content
        closing: dict[int, int] = {}
        opening: dict[int, int] = {}
        singles: list[tuple[int, int, int]] = []
        anchors: list[_Anchor] = []
        active: list[_Anchor] = []  # the anchors open around the current text
        stack: list[_Opened] = []  # the anchors and blocks open, innermost last
        pre = 0  # depth inside elements that keep their line breaks

        def end_line() -> None:
            nonlocal opened, shown
            if opened:
                lines.append("".join(pieces))
                seen.append(seen[-1] + shown)
                pieces.clear()
                opened = shown = False

        def br() -> None:
            if opened:
                end_line()
            else:
                lines.append("")
                seen.append(seen[-1])
            for anchor in active:
                anchor.pieces.append(" ")

        def text(text: str) -> None:
            nonlocal opened, shown
            if not opened:
                if not text.strip(_ASCII_SPACE):
                    return
                opened = True
            pieces.append(text)
            if not shown and not text.isspace() and text.strip(_UNSEEN):
                shown = True
            for anchor in active:
                anchor.pieces.append(text)
                if anchor.line is None and text.strip(_ASCII_SPACE):
                    anchor.line = len(lines)

        def flush() -> None:
            """Flow the text gathered since the last element that matters."""
            flowed = buffer[0] if len(buffer) == 1 else "".join(buffer)
            buffer.clear()
            if not pre:
                text(flowed)
                return
            parts = _LINE_BREAKS.split(flowed.replace("\r\n", "\n"))
            for index, part in enumerate(parts):
                if index:
                    br()
                if part:
                    text(part)

        def block_start(kind: int, tag: str, attrib: Mapping[str, str]) -> None:
            """An element that matters to the layout starts (nothing hidden)."""
            nonlocal pre
            if buffer:  # `flush`, its call saved where no line breaks are kept
                if pre:
                    flush()
                else:
                    text(buffer[0] if len(buffer) == 1 else "".join(buffer))
                    buffer.clear()
            if kind == _BOX:
                end_line()
                stack.append((_P if tag in _MARGIN else 0, True, len(lines), True))
            elif kind == _ANCHOR:
                href = attrib.get("href")
                if href is not None:
                    anchor = _Anchor(href.strip(), attrib.get("title"), [], None)
                    anchors.append(anchor)
                    active.append(anchor)
                stack.append(href is not None)
            elif kind == _CELL_TAG:
                fresh = not opened
                if opened:
                    text(" ")
                stack.append((0, True, len(lines), fresh))
            elif kind in (_PARA, _PRE_PARA):
                end_line()
                if kind == _PRE_PARA:
                    pre += 1
                stack.append((_P, False, len(lines), True))
            elif kind == _FRAME_TAG:
                end_line()
                stack.append((0, False, len(lines), True))
            elif kind == _BR:
                br()
            elif kind == _HR:
                end_line()
                if lines:
                    last = len(lines) - 1
                    closing[last] = closing.get(last, 0) | _P
            else:  # _PLAIN
                pre += 1

        def block_end(kind: int, tag: str) -> None:
            """An element that matters to the layout ends."""
            nonlocal pre
            if kind >= _PLAIN:  # br and hr end with nothing to do
                if kind == _PLAIN:
                    if buffer:
                        flush()
                    pre -= 1
                return
            if buffer:  # as in `block_start`
                if pre:
                    flush()
                else:
                    text(buffer[0] if len(buffer) == 1 else "".join(buffer))
                    buffer.clear()
            top = stack.pop()
            if top.__class__ is bool:
                if top:
                    active.pop()
                return
            if kind == _PRE_PARA:
                pre -= 1
            flags, can_group, first, fresh = cast("tuple[int, bool, int, bool]", top)
            if kind != _CELL_TAG:
                end_line()
            current = len(lines)
            last = current if opened else current - 1
            if last < first:
                return  # printed nothing
            if can_group:
                count = seen[current] - seen[first] + (opened and shown)
                if count >= 2:
                    flags = _P | _S
                elif count == 1 and fresh and tag in _CUT_GROUP:
                    singles.append((first, last, _CUT_GROUP[tag]))
            if flags:
                closing[last] = closing.get(last, 0) | flags
                if fresh:
                    opening[first] = opening.get(first, 0) | flags

        def start(tag: str, attrib: Mapping[str, str]) -> None:
            nonlocal depth, watch, skip, mark, head, title
            depth += 1
            if skip:
                if skip > 0 and tag in _NOTED_TAGS:
                    in_head = head > 0 and depth == head + 1
                    if note(tag, attrib, in_head):
                        # A title read inside what prints nothing: its end is
                        # watched, so the ends of inline elements need not ask
                        # whether a title is being read (about 0.6 % of
                        # `read_html`, interleaved A/B).
                        title = (len(buffer), in_head)
                        watched.append(watch)
                        watch = depth
                return
            kind = kinds(tag, _INLINE)
            if not kind:  # inline: only its text flows, unless it is hidden
                if not attrib or not (
                    ("style" in attrib and styles[attrib["style"]]) or "hidden" in attrib
                ):
                    return
            elif kind < _ANCHOR:  # dropped, or read for the document's facts
                if kind != _DROPPED:
                    in_head = head > 0 and depth == head + 1
                    if note(tag, attrib, in_head):
                        title = (len(buffer), in_head)
                    if kind != _TITLE:  # link, meta and base are void: nothing to skip
                        return
            elif not (
                attrib and (("style" in attrib and styles[attrib["style"]]) or "hidden" in attrib)
            ):
                if kind < _BR:  # its end matters too
                    if kind == _FRAME_TAG and tag == "head" and not head:
                        head = depth
                    watched.append(watch)
                    watch = depth
                block_start(kind, tag, attrib)
                return
            # What prints nothing (dropped, hidden, a title's text) is skipped to its end.
            mark = len(buffer)
            skip = depth
            watched.append(watch)
            watch = depth

        def end(tag: str) -> None:
            nonlocal depth, watch, skip, mark, head, title
            if depth != watch:  # most ends: an inline element's
                depth -= 1
                return
            depth -= 1
            watch = watched.pop()
            if skip:  # what prints nothing ends, or a title inside it
                if title is not None and tag == "title":
                    end_title("".join(buffer[title[0] :]), in_head=title[1])
                    title = None
                if depth >= skip > 0:
                    return  # a title inside what prints nothing ended
                skip = 0
                del buffer[mark:]
                return
            kind = kinds(tag, _INLINE)
            block_end(kind, tag)
            if kind == _FRAME_TAG:
                if depth < head:
                    head = 0
                elif tag == "html":
                    # libxml2 reports what follows the root's end as a second
                    # root, which a tree never holds: the document ends here.
                    mark = len(buffer)
                    skip = -1

        def reset() -> None:
            nonlocal depth, watch, skip, mark, head, title, facts, note, end_title
            nonlocal lines, seen, opened, shown, closing, opening, singles, anchors, pre
            depth = watch = skip = mark = head = pre = 0
            title = None
            watched.clear()
            buffer.clear()
            pieces.clear()
            active.clear()
            stack.clear()
            opened = shown = False
            lines, seen, closing, opening, singles, anchors = [], [0], {}, {}, [], []
            facts = _Facts()
            note, end_title = facts.note, facts.end_title
            if len(styles) > 256:
                styles.clear()

        def close() -> _Rendered:
            """The document's rendering; the renderer starts afresh for the next."""
            if skip:  # drop the text of what prints nothing, left open at the end
                del buffer[mark:]
            if buffer:
                flush()
            end_line()
            rendered = _Rendered(
                lines=lines,
                closing=closing,
                opening=opening,
                singles=singles,
                anchors=anchors,
                title=_first((facts.head_title, facts.title)),
                canonical=facts.canonical if facts.canonical_seen else facts.og_url,
                base=facts.base,
            )
            reset()
            return rendered

        return start, end, close, reset


class _Facts:
    """What the renderer reads from a document's head tags, wherever they stand."""

    def __init__(self) -> None:
        self.title: str | None = None  # the first <title>'s text
        self.head_title: str | None = None  # the first <title> child of <head>
        self.canonical: str | None = None
        self.canonical_seen = False
        self.og_url: str | None = None
        self.base: str | None = None
        self.base_seen = False

    def note(self, tag: str, attrib: Mapping[str, str], in_head: bool) -> bool:
        """Read a head tag: a link, meta or base is noted; for a title, whether
        to read its text (the first, or the first child of <head>)."""
        if tag == "title":
            return self.title is None or (in_head and self.head_title is None)
        if tag == "link":
            rel = attrib.get("rel") or ""
            if not self.canonical_seen and "href" in attrib and "canonical" in rel.lower().split():
                self.canonical_seen = True
                self.canonical = attrib["href"].strip() or None
        elif tag == "meta":
            names = ((attrib.get("property") or ""), (attrib.get("name") or ""))
            if (
                self.og_url is None
                and "content" in attrib
                and any(name.translate(_OG_URL) == "og:url" for name in names)
            ):
                self.og_url = attrib["content"].strip() or None
        elif not self.base_seen and "href" in attrib:  # base
            self.base_seen = True
            self.base = attrib["href"].strip() or None
        return False

    def end_title(self, text: str, *, in_head: bool) -> None:
        if self.title is None:
            self.title = text
        if in_head and self.head_title is None:
            self.head_title = text


class _Repairs:
    """Mojibake repaired in a document's text, counted for one warning."""

    def __init__(self) -> None:
        self.count = 0
        self.examples: dict[str, str] = {}

    def repair(self, text: str) -> str:
        fixed = repair_mojibake(text)
        if fixed.count:
            self.count += fixed.count
            for garbled, repaired in fixed.examples:
                self.examples.setdefault(garbled, repaired)
        return fixed.text


def _clean(text: str) -> str:
    return normalize_space(text)


def _clean_all(texts: list[str], repairs: _Repairs) -> list[str]:
    """``[_clean(repairs.repair(text)) for text in texts]``, in one pass over them all.

    Repairing and normalising each anchor's text and title on its own cost
    about 3 µs an anchor (timed), most of it in the calls. Joined by NUL,
    which no repaired sequence holds and `normalize_space` keeps, they give the
    same texts and the same repairs in the same order; except a lost closing
    quote (``â€``) ending a text, which the end of a text leaves alone but a
    NUL after it would repair: then (or should a NUL stand in a text) each text
    goes on its own.
    """
    whole = "\0".join(texts)
    if "â€\0" not in whole and whole.count("\0") == len(texts) - 1:
        return [part.strip(" ") for part in normalize_space(repairs.repair(whole)).split("\0")]
    return [_clean(repairs.repair(text)) for text in texts]


def _hidden_style(style: str) -> bool:
    """Whether a ``style`` attribute hides its element."""
    # An ASCII style can only match with "none" or "hidden" in it, whatever its
    # case (only non-ASCII letters such as "ſ" or "ı" fold onto the pattern's
    # ASCII ones); testing that first costs a third of the search (timed).
    if style.isascii():
        lowered = style.lower()
        if "none" not in lowered and "hidden" not in lowered:
            return False
    return _HIDDEN_STYLE.search(style) is not None


class _Styles(dict[str, bool]):
    """Each ``style`` attribute's verdict (`_hidden_style`), worked out once.

    A page repeats a few styles on many elements (the benchmark's pages:
    about 76 styled elements, four distinct styles): a lookup costs about a
    third of testing the style (about 60 against 170 ns), about 0.5 % of
    `read_html` (interleaved A/B on the benchmark's pages). The renderer
    keeps one across documents and empties it past a few hundred styles.
    """

    def __missing__(self, style: str) -> bool:
        verdict = self[style] = _hidden_style(style)
        return verdict


# The end of a document cut inside a tag's first characters or an entity, which
# a parser would print as text (lxml drops a longer cut tag by itself).
_CUT = re.compile(r"(?:<[/!]?|&#?[A-Za-z0-9]{0,31})\Z")
_CUT_BYTES = re.compile(rb"(?:<[/!]?|&#?[A-Za-z0-9]{0,31})\Z")


_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_END_BYTES = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)


def _is_cut(source: str | bytes) -> bool:
    """Whether a document looks truncated: no ``</body>`` or ``</html>`` near its end."""
    start = max(0, len(source) - 1024)
    if isinstance(source, str):
        return _END.search(source, start) is None
    return _END_BYTES.search(source, start) is None


def _trim_cut(source: str | bytes) -> str | bytes:
    """`source` without a tag or entity cut off by truncation at its very end."""
    start = max(0, len(source) - 40)
    if isinstance(source, str):
        text_match = _CUT.search(source, start)
        end = text_match.start() if text_match is not None else len(source)
    else:
        bytes_match = _CUT_BYTES.search(source, start)
        end = bytes_match.start() if bytes_match is not None else len(source)
    return source[:end]


# Characters of a plainly written address: no scheme colon, parameters (;),
# fragment (#), spaces or non-ASCII.
_PLAIN_URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,=@/?"


class _Resolver:
    """`urljoin` against one base, by concatenation where the result is plain.

    A path (``/news.asp?id=1``) or a relative path (``news/1/``) made of
    plain characters, with no dot segment, ``//`` or empty query, resolves
    to the base's root or directory plus the reference, as `urljoin` would
    give, and an absolute ``http`` or ``https`` address written plainly
    after its scheme is its own resolution (property tests check both
    against `urljoin`); anything else goes to `urljoin`. Resolving a page's
    links cost about a tenth of reading its HTML in `urljoin`'s parsing
    (profiled).
    """

    def __init__(self, base: str) -> None:
        self.base = base
        parts = urlsplit(base)
        path = parts.path
        self.plain = (
            parts.scheme in ("http", "https")
            and bool(parts.netloc)
            and base.startswith(f"{parts.scheme}://")
            and not path.strip(_PLAIN_URL)
            and "/." not in path
            and "//" not in path
        )
        self.root = f"{parts.scheme}://{parts.netloc}"
        self.directory = self.root + (path[: path.rfind("/") + 1] if path else "/")

    def __call__(self, href: str) -> str:
        if self.plain and href and "/." not in href and not href.endswith("?"):
            if not href.strip(_PLAIN_URL) and "//" not in href:
                if href[0] == "/":
                    return self.root + href
                if href[0] not in ".?":
                    return self.directory + href
            elif href.startswith(("http://", "https://")):
                # Absolute and plain after its scheme, with a host: `urljoin`
                # gives it back as it is (a few such links a page cost about
                # 2 % of reading it in `urljoin`, profiled).
                rest = href[href.index(":") + 3 :]
                host = rest[:1] not in ("", "/", "?")
                if host and not rest.strip(_PLAIN_URL) and "//" not in rest:
                    return href
        return urljoin(self.base, href)


class _Parsers(threading.local):
    """One HTML parser with its renderer per thread: lxml parsers are not
    shared between threads, and parsel made a parser per page, which cost
    about a tenth of the page's time (profiled)."""

    def __init__(self) -> None:
        self.new()

    def new(self) -> None:
        self.renderer = _Renderer()
        target = cast("etree.ParserTarget[_Rendered]", self.renderer)
        self.parser = etree.HTMLParser(
            target=target, recover=True, huge_tree=True, encoding="utf-8"
        )


_PARSERS = _Parsers()


def _render(body: bytes) -> _Rendered:
    """Stream UTF-8 `body` through the HTML parser and its renderer."""
    if b"\0" in body:
        body = body.replace(b"\0", b"")  # libxml2 would end the document there
    parsers = _PARSERS
    parsers.renderer.reset()
    try:
        rendered = etree.fromstring(body, parsers.parser)
    except etree.XMLSyntaxError:  # nothing the parser could read at all
        return parsers.renderer.close()
    except BaseException:
        parsers.new()  # never reuse a parser an exception left midway
        raise
    assert isinstance(rendered, _Rendered)
    return rendered


def _replay(root: etree._Element) -> _Rendered:
    """Render a tree someone else parsed (a `parsel.Selector`'s root) by
    replaying it to a renderer as the parser's events, comments skipped."""
    renderer = _Renderer()
    start, end, data = renderer.start, renderer.end, renderer.data
    start(root.tag, root.attrib)  # type: ignore[arg-type]
    if root.text:
        data(root.text)
    stack = [(root, iter(root))]
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            end(element.tag)  # type: ignore[arg-type]
            if stack and element.tail:
                data(element.tail)
        elif isinstance(child.tag, str):
            start(child.tag, child.attrib)  # type: ignore[arg-type]
            if child.text:
                data(child.text)
            stack.append((child, iter(child)))
        elif child.tail:  # a comment or processing instruction: its tail still prints
            data(child.tail)
    return renderer.close()


def _render_text(text: str) -> _Rendered:
    if text[:1].isspace() or text[-1:].isspace():
        text = text.strip()  # as a parsel.Selector reads text: no leading spacer line
    return _render(text.encode("utf-8", "surrogatepass"))


def _parse(
    source: str | bytes | Selector, charset: str | None
) -> tuple[_Rendered, tuple[ParseWarning, ...], str | None]:
    """The rendering, the decoding's warnings and the codec the bytes were read in."""
    if is_selector(source):
        return _replay(source.root), (), None
    source = _trim_cut(source)
    if isinstance(source, str):
        return _render_text(source), (), None
    decoded = decode_page(source, charset=charset, html=True)
    if (
        decoded.source is not EncodingSource.BOM
        and decoded.encoding == "utf-8"
        and (source[-1:] < b"\x80")
    ):
        # Valid UTF-8, not cut inside a character: the parser reads the bytes as they are.
        rendered = _render(source.strip() if source[:1].isspace() else source)
    else:
        rendered = _render_text(decoded.text)
    return rendered, decoded.warnings, decoded.encoding


def _first(values: Iterable[str | None]) -> str | None:
    for value in values:
        if value is not None and value.strip():
            return value.strip()
    return None


_new_record = object.__new__
_set_text, _set_href, _set_title, _set_line = slot_setters(Link, "text", "href", "title", "line")


def read_html(
    source: str | bytes | Selector,
    *,
    url: str | None = None,
    capture_date: dt.date | None = None,
    charset: str | None = None,
) -> HtmlDocument:
    """Read an HTML document into a `Page` (see the module docstring).

    `url` is the page's address when the caller knows it; otherwise the
    canonical link or ``og:url`` fills `Page.url`. Relative link addresses
    are resolved against ``<base href>``, else `url`, else the canonical
    address. `charset` is an HTTP or WARC ``Content-Type`` value or an
    encoding label, for bytes (see `interfax_parse.decode.decode_page`).

    `source` may also be a `parsel.Selector` (a Scrapy response's, say): the
    element it wraps is read, from the tree parsel built, as a complete
    document (a tree does not show whether its page was cut short).

    >>> doc = read_html("<title>T</title><p>a<b>b</b><br>c</p><p><a href='/x'>d</a></p>",
    ...                 url="https://interfax.com/")
    >>> [(b.text, b.gap) for b in doc.page.blocks], doc.page.page_title
    ([('ab', 0), ('c', 0), ('d', 1)], 'T')
    >>> doc.page.links
    (Link(text='d', href='https://interfax.com/x', title=None, line=4),)
    """
    rendered, warnings, encoding = _parse(source, charset)
    canonical = rendered.canonical
    base = rendered.base
    base = urljoin(url, base) if base and url else base or url or canonical
    repairs = _Repairs()
    cut = not is_selector(source) and _is_cut(source)
    blocks, numbers = rendered.blocks(repairs, cut=cut)
    title_text = rendered.title
    anchors = rendered.anchors
    # The page title, then each anchor's text and title, in the order they were repaired one by one.
    shown = [title_text or ""]
    for anchor in anchors:
        shown += ("".join(anchor.pieces), anchor.title or "")
    cleaned = _clean_all(shown, repairs)
    page_title = cleaned[0]

    links: list[Link] = []
    resolve = _Resolver(base) if base else None
    for index, anchor in enumerate(anchors, 1):
        # ``Link(text=..., href=..., title=..., line=...)`` field by field
        # (see `slot_setters`: about half the keyword constructor's cost).
        link = _new_record(Link)
        _set_text(link, cleaned[2 * index - 1])
        _set_href(link, resolve(anchor.href) if resolve else anchor.href)
        _set_title(link, cleaned[2 * index] or None)
        _set_line(link, numbers[anchor.line] if anchor.line is not None else None)
        links.append(link)
    if repairs.count:
        warnings += (mojibake_warning(repairs.count, list(repairs.examples.items())),)
    page = Page(
        blocks=tuple(blocks),
        url=url if url is not None else canonical,
        capture_date=capture_date,
        page_title=page_title or None,
        links=tuple(links),
    )
    return HtmlDocument(page=page, warnings=warnings, encoding=encoding, canonical=canonical)


def blocks_text(blocks: Iterable[Block]) -> str:
    """The text whose `split_blocks` gives `blocks` back (blank lines for gaps).

    >>> blocks_text([Block("a", 1, 0), Block("b", 4, 2)])
    'a\\n\\n\\nb\\n'
    """
    out: list[str] = []
    for block in blocks:
        out.extend([""] * block.gap)
        out.append(block.text)
    return "\n".join(out) + "\n" if out else ""


def html_to_text(source: str | bytes, *, charset: str | None = None) -> str:
    """The text rendering of an HTML document that the templates read.

    Warning lines of an HTML page's `Interview.warnings` are line numbers of
    this text.

    >>> html_to_text("<div><p>Question: Why?</p><p>Answer: <i>Because</i>.</p></div>")
    'Question: Why?\\n\\nAnswer: Because.\\n'
    """
    return blocks_text(read_html(source, charset=charset).page.blocks)
