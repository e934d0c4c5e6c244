"""HTML to the page the templates read: the same blocks as a text rendering.

`read_html` parses a document with parsel (lxml underneath) and renders it
to lines the way a text browser or an archive's text extraction does, so the
result is the `Page` that `split_blocks` would make of the page's text
rendering, and the same templates read both. On top it reads what only the
markup has: the ``<title>``, the canonical address, and every link with the
line it stands on (`Page.links`), from which `interfax_parse.links` gives
headlines and teasers their addresses.

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
from collections.abc import Iterable
from urllib.parse import urljoin

import attrs
from lxml import etree
from parsel import Selector
from parsel.selector import create_root_node
from w3lib.encoding import read_bom

from .blocks import Block, normalize_space
from .decode import EncodingSource, decode_page, mojibake_warning, repair_mojibake
from .model import ParseWarning
from .templates.base import Link, Page

__all__ = ["HtmlDocument", "blocks_text", "html_to_text", "looks_like_html", "read_html"]

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

# Inline tags that only carry text: unwrapped before the walk (in C, by lxml).
_UNWRAP = (
    "span", "b", "i", "em", "strong", "font", "u", "small", "big", "sup", "sub", "abbr",
    "acronym", "cite", "code", "kbd", "samp", "var", "dfn", "q", "s", "strike", "tt", "mark",
    "ins", "del", "label", "nobr", "time", "data", "bdi", "bdo", "img", "input", "wbr",
)  # fmt: skip

# Kinds of element for the renderer.
_BLOCK, _CELL_KIND = 1, 2
# The tags the renderer acts on; any other is inline and only flows its text.
_ACTIVE = _PARAGRAPH | _CONTAINER | _CELL | _FRAME | _PRE | {"a", "br", "hr"}

_ASCII_SPACE = " \t\n\r\f"
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]")
# Anything but the spaces and invisible characters normalisation removes.
_VISIBLE = re.compile(
    "[^ \t\n\r\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x85"
    "\u200b-\u200d\u2060\ufeff]"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_HTML_START = re.compile(
    r"(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|link|base|script|style"
    r"|div|p|table|span|a|h[1-6]|center|form|section|article|header|nav|main|font|b|br"
    r"|ul|ol|img|noscript|iframe)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)


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


@attrs.define
class _Open:
    """A block element being rendered."""

    kind: int
    flags: int  # _P when it has a paragraph margin
    can_group: bool
    first: int  # index of the first line that can belong to it
    fresh: bool  # it started a line of its own (a cell may join one)
    cut_flags: int = 0  # its flags as a group cut after its first line (see _CUT_GROUP)


@attrs.define
class _Anchor:
    href: str
    title: str | None
    pieces: list[str]
    line: int | None


class _Renderer:
    """One walk over the tree: lines, the flags around them, and links."""

    def __init__(self) -> None:
        self.lines: list[str] = []  # finished lines, as markup printed them
        self.seen = [0]  # seen[i]: how many of the first i lines are not blank
        self.pieces: list[str] = []
        self.open = False  # the current line has content (perhaps only an NBSP)
        self.shown = False  # the current line has visible content
        self.closing: dict[int, int] = {}  # line index -> flags of what ends after it
        self.opening: dict[int, int] = {}  # line index -> flags of what starts before it
        self.anchors: list[_Anchor] = []
        self.active: list[_Anchor] = []
        self.pre = 0
        self.singles: list[tuple[int, int, int]] = []  # one-line containers: first, last, flags
        self.repairs = 0
        self.examples: dict[str, str] = {}

    # -- lines ------------------------------------------------------------

    def repair(self, text: str) -> str:
        fixed = repair_mojibake(text)
        if fixed.count:
            self.repairs += fixed.count
            for garbled, repaired in fixed.examples:
                self.examples.setdefault(garbled, repaired)
        return fixed.text

    def _finish(self, text: str, shown: bool) -> None:
        self.lines.append(text)
        self.seen.append(self.seen[-1] + shown)

    def end_line(self) -> None:
        if self.open:
            self._finish("".join(self.pieces), self.shown)
            self.pieces = []
            self.open = self.shown = False

    def br(self) -> None:
        if self.open:
            self.end_line()
        else:
            self._finish("", False)
        for anchor in self.active:
            anchor.pieces.append(" ")

    def text(self, text: str) -> None:
        if not self.open:
            if not text.strip(_ASCII_SPACE):
                return
            self.open = True
        self.pieces.append(text)
        if not self.shown and not text.isspace() and _VISIBLE.search(text) is not None:
            self.shown = True
        for anchor in self.active:
            anchor.pieces.append(text)
            if anchor.line is None and text.strip(_ASCII_SPACE):
                anchor.line = len(self.lines)

    def pre_text(self, text: str) -> None:
        parts = _LINE_BREAKS.split(text.replace("\r\n", "\n"))
        for index, part in enumerate(parts):
            if index:
                self.br()
            if part:
                self.text(part)

    # -- elements ---------------------------------------------------------

    def start(self, tag: str, element: etree._Element) -> _Open | None:
        if tag == "a":
            href = element.get("href")
            if href is not None:
                title = element.get("title")
                anchor = _Anchor(href.strip(), title, [], None)
                self.anchors.append(anchor)
                self.active.append(anchor)
            return None
        if tag in _CELL:
            fresh = not self.open
            if self.open:
                self.text(" ")
            return _Open(_CELL_KIND, 0, True, len(self.lines), fresh)
        if tag in _PARAGRAPH:
            self.end_line()
            if tag in _PRE:
                self.pre += 1
            return _Open(_BLOCK, _P, False, len(self.lines), True)
        if tag in _CONTAINER:
            self.end_line()
            flags = _P if tag in _MARGIN else 0
            return _Open(_BLOCK, flags, True, len(self.lines), True, _CUT_GROUP.get(tag, 0))
        if tag in _FRAME:
            self.end_line()
            return _Open(_BLOCK, 0, False, len(self.lines), True)
        if tag == "br":
            self.br()
        elif tag == "hr":
            self.end_line()
            if self.lines:
                last = len(self.lines) - 1
                self.closing[last] = self.closing.get(last, 0) | _P
        elif tag in _PRE:
            self.pre += 1
        return None

    def end(self, tag: str, element: etree._Element, block: _Open | None) -> None:
        if tag == "a" and self.active and element.get("href") is not None:
            self.active.pop()
            return
        if tag in _PRE:
            self.pre -= 1
        if block is None:
            return
        if block.kind == _BLOCK:
            self.end_line()
        current = len(self.lines)
        last = current if self.open else current - 1
        first = block.first
        if last < first:
            return  # printed nothing
        flags = block.flags
        if block.can_group:
            shown = self.seen[current] - self.seen[first] + (self.open and self.shown)
            if shown >= 2:
                flags = _P | _S
            elif shown == 1 and block.fresh and block.cut_flags:
                self.singles.append((first, last, block.cut_flags))
        if flags:
            self.closing[last] = self.closing.get(last, 0) | flags
            if block.fresh:
                self.opening[first] = self.opening.get(first, 0) | flags

    # -- the walk -----------------------------------------------------------

    def walk(self, root: etree._Element) -> None:
        """Render `root`, a tree already `_prune`d of what prints nothing."""
        blocks: list[_Open | None] = []
        start, end, flow, active = self.start, self.end, self.flow, _ACTIVE
        for event, element in etree.iterwalk(root, events=("start", "end")):
            tag = element.tag
            if event == "start":
                blocks.append(start(tag, element) if tag in active else None)
                if element.text:
                    flow(element.text)
            else:
                opened = blocks.pop()
                if tag in active:
                    end(tag, element, opened)
                if element.tail:
                    flow(element.tail)

    def flow(self, text: str) -> None:
        if self.pre:
            self.pre_text(text)
        else:
            self.text(text)

    # -- the result ---------------------------------------------------------

    def blocks(self, *, cut: bool = False) -> tuple[list[Block], list[int]]:
        """The blocks, and each rendered line's 1-based line number.

        On a `cut` document (truncated), a container holding the last line may
        have been cut after its first, so where it starts it counts as the
        group it may have been (see `_CUT_GROUP`), as the text rendering of the
        same prefix keeps its gap.
        """
        self.end_line()
        if cut:
            final = len(self.lines) - 1
            for first, last, flags in self.singles:
                if last == final:
                    self.opening[first] = self.opening.get(first, 0) | flags
        # Normalise every line in one pass over the whole text, as split_blocks does.
        # NUL cannot occur in text from the parser, so it separates the lines.
        # (Line breaks are white space to `normalize_space`: no pass of their own.)
        whole = normalize_space(self.repair("\0".join(self.lines)))
        blocks: list[Block] = []
        numbers: list[int] = []
        number = 0
        gap = 0
        closing, opening = self.closing, self.opening
        for index, raw in enumerate(whole.split("\0")):
            if index:
                after, before = closing.get(index - 1, 0), opening.get(index, 0)
                if after & before & _S:
                    blank = 2
                elif (after | before) & _P:
                    blank = 1
                else:
                    blank = 0
                number += blank
                gap += blank
            number += 1
            numbers.append(number)
            text = raw.strip(" ")
            if text:
                blocks.append(Block(text, number, gap))
                gap = 0
            else:
                gap += 1
        return blocks, numbers


def _clean(text: str) -> str:
    return normalize_space(text)


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def _remove(element: etree._Element) -> None:
    """Take `element` and its content out of the tree, keeping its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _prune(root: etree._Element) -> None:
    """Remove what prints nothing (dropped elements, hidden ones, comments), then
    unwrap the common inline tags, keeping their text, so the walk meets fewer."""
    etree.strip_elements(root, *_DROP, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in root.xpath("//*[@hidden or @style]"):
        if isinstance(element, etree._Element) and _hidden(element):
            _remove(element)
    etree.strip_tags(root, *_UNWRAP)


def _first(values: Iterable[str | None]) -> str | None:
    for value in values:
        if value is not None and value.strip():
            return value.strip()
    return None


def _canonical(selector: Selector) -> str | None:
    for link in selector.xpath("//link[@href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        if "canonical" in rel:
            return link.attrib["href"].strip() or None
    return _first(
        selector.xpath(
            "//meta[translate(@property, 'OGURL', 'ogurl')='og:url' "
            "or translate(@name, 'OGURL', 'ogurl')='og:url']/@content"
        ).getall()
    )


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


def _selector(*, text: str = "", body: bytes = b"") -> Selector:
    """A parsel selector over a plain lxml tree: parsel's own parsing, with
    `etree.HTMLParser` in place of ``lxml.html``'s, whose Python-level element
    class lookup cost about a tenth of a page's time (profiled)."""
    root = create_root_node(text, etree.HTMLParser, body=body, encoding="utf-8")
    return Selector(root=root, type="html")


def _parse(source: str | bytes, charset: str | None) -> tuple[Selector, HtmlDocument]:
    source = _trim_cut(source)
    if isinstance(source, str):
        return _selector(text=source or "<html></html>"), HtmlDocument(page=Page(blocks=()))
    decoded = decode_page(source, charset=charset, html=True)
    if (
        decoded.source is not EncodingSource.BOM
        and decoded.encoding == "utf-8"
        and (source[-1:] < b"\x80")
    ):
        # Valid UTF-8, not cut inside a character: let lxml decode the bytes itself.
        selector = _selector(body=source or b"<html></html>")
    else:
        selector = _selector(text=decoded.text or "<html></html>")
    return selector, HtmlDocument(
        page=Page(blocks=()), warnings=decoded.warnings, encoding=decoded.encoding
    )


def read_html(
    source: str | bytes,
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

    >>> doc = read_html("<title>T</title><p>a<b>b</b><br>c</p><p><a href='/x'>d</a></p>",
    ...                 url="https://interfax.com/")
    >>> [(b.text, b.gap) for b in doc.page.blocks], doc.page.page_title
    ([('ab', 0), ('c', 0), ('d', 1)], 'T')
    >>> doc.page.links
    (Link(text='d', href='https://interfax.com/x', title=None, line=4),)
    """
    selector, document = _parse(source, charset)
    title_text = _first(selector.xpath("string((//head/title)[1])").getall())
    if title_text is None:
        title_text = _first(selector.xpath("string((//title)[1])").getall())
    canonical = _canonical(selector)
    base = _first(selector.xpath("(//base/@href)[1]").getall())
    base = urljoin(url, base) if base and url else base or url or canonical

    root = selector.root
    _prune(root)
    renderer = _Renderer()
    renderer.walk(root)
    blocks, numbers = renderer.blocks(cut=_is_cut(source))
    page_title = _clean(renderer.repair(title_text)) if title_text else None

    links: list[Link] = []
    for anchor in renderer.anchors:
        text = _clean(renderer.repair("".join(anchor.pieces)))
        title = _clean(renderer.repair(anchor.title)) if anchor.title else None
        links.append(
            Link(
                text=text,
                href=urljoin(base, anchor.href) if base else anchor.href,
                title=title or None,
                line=numbers[anchor.line] if anchor.line is not None else None,
            )
        )
    warnings = document.warnings
    if renderer.repairs:
        examples = list(renderer.examples.items())
        warnings += (mojibake_warning(renderer.repairs, examples),)
    page = Page(
        blocks=tuple(blocks),
        url=url if url is not None else canonical,
        capture_date=capture_date,
        page_title=page_title or None,
        links=tuple(links),
    )
    return attrs.evolve(document, page=page, warnings=warnings, canonical=canonical)


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
