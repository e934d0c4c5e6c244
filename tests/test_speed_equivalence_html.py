"""The HTML reader's fast paths give exactly what the formulations they replaced gave.

Each replaced formulation is copied here and compared with the module's on
arbitrary input: the link texts and titles repaired and normalised in one pass
(`_clean_all`) against one call per text, repairs counted and shown in the
same order; the blocks and line numbers computed from the few lines that carry
flags against a loop over every line; the renderer, whose events match an
element's end to its start by depth, against the renderer as it was (copied
here whole), on tag soup and on generated pages; whether a text holds anything
visible, by stripping, against the pattern search it replaced. The reference
renderer decides whether an element is hidden element by element (`_hidden`
below), while the module looks each style's verdict up in a cache kept across
documents, and watches the end of a title read inside a dropped element
rather than asking at every end.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from typing import cast
from urllib.parse import urljoin

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from interfax_parse.blocks import Block, normalize_space
from interfax_parse.decode import mojibake_warning
from interfax_parse.demo import demo_page
from interfax_parse.html import (
    _ASCII_SPACE,
    _CELL,
    _CONTAINER,
    _CUT_GROUP,
    _DROP,
    _FRAME,
    _HIDDEN_STYLE,
    _LINE_BREAKS,
    _MARGIN,
    _NOTED_TAGS,
    _OG_URL,
    _P,
    _PARAGRAPH,
    _PRE,
    _S,
    _UNSEEN,
    _Anchor,
    _clean,
    _clean_all,
    _first,
    _hidden_style,
    _render,
    _render_text,
    _Rendered,
    _Repairs,
    _Resolver,
    read_html,
)
from interfax_parse.testing.html import render_html

# -- the renderer ---------------------------------------------------------------
# `_Renderer` as it stood before its events were reworked for speed, with the
# tag kinds it numbered them by: its rendering of any document must be the
# module's, field for field (lines, gaps' flags, anchors, title, addresses).

_INLINE, _DROPPED, _TITLE, _NOTED = range(4)
_ANCHOR, _CELL_TAG, _PARA, _PRE_PARA, _BOX, _FRAME_TAG, _BR, _HR, _PLAIN = range(4, 13)
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
_AFTER_ROOT = 1 << 40
_Opened = bool | tuple[int, bool, int, bool]


# The renderer's visibility test as it was: a search for any character but the
# spaces and invisible characters normalisation removes.
_VISIBLE = re.compile(
    "[^ \t\n\r\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x85"
    "\u200b-\u200d\u2060\ufeff]"
)
_SPACEY = st.text(
    st.sampled_from(
        " \t\n\r\f\v\xa0\u1680\u2000\u2005\u200a\u200b\u200d\u2060\ufeff\u3000\x85ab\u00e9\u2011\u200e\x1c"
    ),
    max_size=12,
)


@given(_SPACEY | st.text(max_size=12))
@example("\u200b\u2060")
@example("\x1c")
def test_visible_text_test_equals_the_pattern(text: str) -> None:
    new = not text.isspace() and bool(text.strip(_UNSEEN))
    assert new == (not text.isspace() and _VISIBLE.search(text) is not None)


def _hidden(attrib: Mapping[str, str]) -> bool:
    """Whether an element is hidden, as the renderer decided it element by
    element before it looked each style's verdict up (`_Styles`)."""
    if "hidden" in attrib:
        return True
    style = attrib.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


class _ReferenceRenderer:
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
    """

    def __init__(self) -> None:
        self.buffer: list[str] = []  # text not yet flowed: kept for the parser's lifetime
        self.data = self.buffer.append
        self.start, self.end, self.restart, self.cut_skipped = self._events()
        self.reset()

    def reset(self) -> None:
        self.restart()
        self.lines: list[str] = []  # finished lines, as markup printed them
        self.seen = [0]  # seen[i]: how many of the first i lines are not blank
        self.pieces: list[str] = []  # the current line
        self.open = False  # the current line has content (perhaps only an NBSP)
        self.shown = False  # the current line has visible content
        self.closing: dict[int, int] = {}
        self.opening: dict[int, int] = {}
        self.anchors: list[_Anchor] = []
        self.active: list[_Anchor] = []  # the anchors open around the current text
        self.stack: list[_Opened] = []  # the anchors and blocks open, innermost last
        self.buffer.clear()
        self.pre = 0  # depth inside elements that keep their line breaks
        self.singles: list[tuple[int, int, int]] = []
        # The document's facts, read from the markup.
        self.title: str | None = None  # the first <title>'s text
        self.head_title: str | None = None  # the first <title> child of <head>
        self.canonical: str | None = None
        self.canonical_seen = False
        self.og_url: str | None = None
        self.base: str | None = None
        self.base_seen = False

    # -- lines ------------------------------------------------------------

    def end_line(self) -> None:
        if self.open:
            self.lines.append("".join(self.pieces))
            self.seen.append(self.seen[-1] + self.shown)
            self.pieces = []
            self.open = self.shown = False

    def br(self) -> None:
        if self.open:
            self.end_line()
        else:
            self.lines.append("")
            self.seen.append(self.seen[-1])
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

    def flush(self) -> None:
        """Flow the text gathered since the last element that matters."""
        buffer = self.buffer
        text = buffer[0] if len(buffer) == 1 else "".join(buffer)
        buffer.clear()
        if not self.pre:
            self.text(text)
            return
        parts = _LINE_BREAKS.split(text.replace("\r\n", "\n"))
        for index, part in enumerate(parts):
            if index:
                self.br()
            if part:
                self.text(part)

    # -- the parser's events -------------------------------------------------

    def _events(
        self,
    ) -> tuple[
        Callable[[str, Mapping[str, str]], None],
        Callable[[str], None],
        Callable[[], None],
        Callable[[], None],
    ]:
        """The ``start`` and ``end`` events, with their state in local cells
        (they run for every element: most are inline or print nothing, and
        return after a check or two), and what resets and trims that state."""
        buffer = self.buffer
        kinds = _KIND.get
        skip = 0  # depth inside something that prints nothing
        mark = 0  # where in the buffer the text of what prints nothing starts
        head = 0  # 1 + depth below <head> while inside it, else 0
        title: tuple[int, bool] | None = None  # the <title> being read: start, in <head>
        block_start, block_end, note, end_title = (
            self.block_start, self.block_end, self.note, self.end_title
        )  # fmt: skip

        def start(tag: str, attrib: Mapping[str, str]) -> None:
            nonlocal skip, mark, head, title
            if head:
                head += 1
            if skip:
                if tag in _NOTED_TAGS and skip < _AFTER_ROOT and note(tag, attrib, head == 2):
                    title = (len(buffer), head == 2)
                skip += 1
                return
            kind = kinds(tag, _INLINE)
            if _TITLE <= kind <= _NOTED:  # read for the document's facts
                if note(tag, attrib, head == 2):
                    title = (len(buffer), head == 2)
                if kind == _TITLE:  # link, meta and base are void: nothing to skip
                    mark = len(buffer)
                    skip = 1
                return
            if kind == _DROPPED or (
                attrib and ("style" in attrib or "hidden" in attrib) and _hidden(attrib)
            ):
                mark = len(buffer)
                skip = 1
                return
            if kind == _INLINE:
                return
            if kind == _FRAME_TAG and tag == "head" and not head:
                head = 1
            block_start(kind, tag, attrib)

        def end(tag: str) -> None:
            nonlocal skip, mark, head, title
            if head:
                head -= 1
            if skip:
                if title is not None and tag == "title":
                    end_title("".join(buffer[title[0] :]), in_head=title[1])
                    title = None
                skip -= 1
                if not skip:
                    del buffer[mark:]
                return
            kind = kinds(tag, _INLINE)
            if kind >= _ANCHOR:
                block_end(kind, tag)
                if kind == _FRAME_TAG and tag == "html":
                    # libxml2 reports what follows the root's end as a second
                    # root, which a tree never holds: the document ends here.
                    mark = len(buffer)
                    skip = _AFTER_ROOT

        def restart() -> None:
            nonlocal skip, mark, head, title
            skip = mark = head = 0
            title = None

        def cut_skipped() -> None:
            """Drop the text of what prints nothing, left open at the document's end."""
            if skip:
                del buffer[mark:]

        return start, end, restart, cut_skipped

    def block_start(self, kind: int, tag: str, attrib: Mapping[str, str]) -> None:
        """An element that matters to the layout starts (nothing hidden)."""
        if self.buffer:
            self.flush()
        if kind == _ANCHOR:
            href = attrib.get("href")
            if href is not None:
                anchor = _Anchor(href.strip(), attrib.get("title"), [], None)
                self.anchors.append(anchor)
                self.active.append(anchor)
            self.stack.append(href is not None)
        elif kind == _CELL_TAG:
            fresh = not self.open
            if self.open:
                self.text(" ")
            self.stack.append((0, True, len(self.lines), fresh))
        elif kind == _BOX:
            self.end_line()
            self.stack.append((_P if tag in _MARGIN else 0, True, len(self.lines), True))
        elif kind in (_PARA, _PRE_PARA):
            self.end_line()
            if kind == _PRE_PARA:
                self.pre += 1
            self.stack.append((_P, False, len(self.lines), True))
        elif kind == _FRAME_TAG:
            self.end_line()
            self.stack.append((0, False, len(self.lines), True))
        elif kind == _BR:
            self.br()
        elif kind == _HR:
            self.end_line()
            if self.lines:
                last = len(self.lines) - 1
                self.closing[last] = self.closing.get(last, 0) | _P
        else:  # _PLAIN
            self.pre += 1

    def block_end(self, kind: int, tag: str) -> None:
        """An element that matters to the layout ends."""
        if kind >= _BR:
            if kind == _PLAIN:
                if self.buffer:
                    self.flush()
                self.pre -= 1
            return
        if self.buffer:
            self.flush()
        opened = self.stack.pop()
        if isinstance(opened, bool):
            if opened:
                self.active.pop()
            return
        if kind == _PRE_PARA:
            self.pre -= 1
        flags, can_group, first, fresh = opened
        if kind != _CELL_TAG:
            self.end_line()
        current = len(self.lines)
        last = current if self.open else current - 1
        if last < first:
            return  # printed nothing
        if can_group:
            shown = self.seen[current] - self.seen[first] + (self.open and self.shown)
            if shown >= 2:
                flags = _P | _S
            elif shown == 1 and fresh and tag in _CUT_GROUP:
                self.singles.append((first, last, _CUT_GROUP[tag]))
        if flags:
            self.closing[last] = self.closing.get(last, 0) | flags
            if fresh:
                self.opening[first] = self.opening.get(first, 0) | flags

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

    def close(self) -> _Rendered:
        """The document's rendering; the renderer starts afresh for the next."""
        self.cut_skipped()
        if self.buffer:
            self.flush()
        self.end_line()
        title = _first((self.head_title, self.title))
        rendered = _Rendered(
            lines=self.lines,
            closing=self.closing,
            opening=self.opening,
            singles=self.singles,
            anchors=self.anchors,
            title=title,
            canonical=self.canonical if self.canonical_seen else self.og_url,
            base=self.base,
        )
        self.reset()
        return rendered


# Text made of what repair and normalisation look at: garbled sequences and
# their pieces (a lost closing quote ``â€`` among them), white space of every
# kind, invisible characters, NUL.
_PIECES = st.sampled_from(
    [
        *("â€", "â€™", "â€œ", "Â©", "Ã¼", "вЂ™", "в„–", "\x9d", "\ufffd", "â", "Â", "в"),
        *(" ", "  ", "\t", "\n", "\xa0", "\u2009", "\u3000", "\u200b", "\ufeff", "\0"),
        *("a", "Q", "’", ".", ""),
    ]
)
_TEXT = st.lists(_PIECES, max_size=8).map("".join) | st.text(max_size=12)


def _repairs_seen(repairs: _Repairs) -> tuple[int, list[tuple[str, str]]]:
    return repairs.count, list(repairs.examples.items())


@given(st.lists(_TEXT, min_size=1, max_size=8))
@example(["Russiaâ€", "â€™s"])
@example(["a\0b", "c"])
@example(["", " \xa0 ", "x"])
def test_texts_cleaned_in_one_pass_as_one_by_one(texts: list[str]) -> None:
    one_by_one, together = _Repairs(), _Repairs()
    expected = [_clean(one_by_one.repair(text)) for text in texts]
    assert _clean_all(texts, together) == expected
    assert _repairs_seen(together) == _repairs_seen(one_by_one)


def _reference_blocks(rendered: _Rendered, repairs: _Repairs) -> tuple[list[Block], list[int]]:
    """`_Rendered.blocks` as first written: a loop over every line (not cut)."""
    closing, opening = rendered.closing, rendered.opening
    whole = normalize_space(repairs.repair("\0".join(rendered.lines)))
    blocks: list[Block] = []
    numbers: list[int] = []
    number = 0
    gap = 0
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


_FLAGS = st.dictionaries(st.integers(-1, 12), st.integers(0, 3), max_size=8)
_LINES = st.lists(st.sampled_from(["", " ", "\xa0", "a", " b  c ", "â€™x"]) | _TEXT, max_size=12)


@given(_LINES, _FLAGS, _FLAGS)
@example([], {0: 3}, {0: 3})
@example(["a", "", "b"], {0: _P | _S}, {1: _S, 2: _P | _S})
def test_blocks_from_the_flagged_lines_as_from_every_line(
    lines: list[str], closing: dict[int, int], opening: dict[int, int]
) -> None:
    lines = [line.replace("\0", "") for line in lines]  # the parser's text holds no NUL
    rendered = _Rendered(lines, closing, opening, [], [], None, None, None)
    expected_repairs, repairs = _Repairs(), _Repairs()
    assert rendered.blocks(repairs) == _reference_blocks(rendered, expected_repairs)
    assert _repairs_seen(repairs) == _repairs_seen(expected_repairs)


@given(
    st.lists(
        st.sampled_from(
            [
                *("<div>", "</div>", "<p>", "</p>", "<td>", "<tr>", "<table>", "<ul><li>"),
                *("<br>", "<hr>", "<pre>", "\n", "x", "â€", "â€™", "&nbsp;", " "),
                *("<a href=y>", "<a href='/z' title='â€t'>", "</a>", "<title>", "</title>"),
            ]
        ),
        max_size=40,
    )
)
def test_links_and_title_as_read_one_by_one(parts: list[str]) -> None:
    """A document's links and title: the texts `_clean_all` gives are those
    each anchor's own repair and normalisation gave."""
    document = read_html("".join(parts), url="http://x/a/")
    rendered = _render_text("".join(parts))
    repairs = _Repairs()
    rendered.blocks(repairs)  # the lines are repaired first
    title = _clean(repairs.repair(rendered.title)) if rendered.title else None
    texts = [
        (
            _clean(repairs.repair("".join(a.pieces))),
            _clean(repairs.repair(a.title)) if a.title else None,
        )
        for a in rendered.anchors
    ]
    assert document.page.page_title == (title or None)
    assert [(link.text, link.title) for link in document.page.links] == [
        (text, title or None) for text, title in texts
    ]
    warning = mojibake_warning(repairs.count, list(repairs.examples.items()))
    assert document.warnings == ((warning,) if repairs.count else ())


def _reference_render(source: str | bytes) -> _Rendered:
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogatepass").replace(b"\0", b"")
    renderer = _ReferenceRenderer()
    target = cast("etree.ParserTarget[_Rendered]", renderer)
    parser = etree.HTMLParser(target=target, recover=True, huge_tree=True, encoding="utf-8")
    try:
        rendered = etree.fromstring(source, parser)
    except etree.XMLSyntaxError:
        return renderer.close()
    assert isinstance(rendered, _Rendered)
    return rendered


_MARKUP = st.sampled_from(
    [
        *("<div>", "</div>", "<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "</table>"),
        *("<ul>", "<li>", "</ul>", "<section>", "</section>", "<center>", "<h2>", "</h2>"),
        *("<br>", "<hr>", "<pre>", "</pre>", "<plaintext>", "<listing>", "</listing>"),
        *("<span>", "</span>", "<b>", "</b>", "<font>", "<x-y>", "</x-y>", "<img src=i>"),
        *("<a href=y>", "<a href='/z' title='t'>", "<a>", "</a>", "<a href=w hidden>"),
        *("<span style='display:none'>", "<div style='visibility: hidden'>", "<p hidden>"),
        *("<i style='margin:0'>", "<td style='DISPLAY : None'>", "<b style='' hidden>"),
        *("<span style='di\u017fplay:none'>", "<p style='color:red' class=c>", "<a style>"),
        *("<b style='display:block'>", "<b style='display:none;'>"),
        *("<script>", "</script>", "<style>", "</style>", "<svg>", "<title>", "</title>"),
        *("</svg>", "<noscript>", "</noscript>", "<template>", "</template>", "<!--", "-->"),
        *("<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<!DOCTYPE html>"),
        *("<link rel=canonical href=/c>", "<meta property=og:url content=/o>"),
        *("<base href=/b/>", "<meta name=x>", "<head hidden>", "<?pi x?>"),
        *("x", "Question", " ", "\n", "\r\n", "&nbsp;", "\xa0", "&amp;", "&#", "<", "â€™"),
    ]
)


@given(st.lists(_MARKUP, max_size=50).map("".join))
@example("<title>a</title><svg><title>b</title></svg><head><title>c</title></head>")
@example("<html><head><title>a</title></head><body><p>b</p></body></html><p>c</p><title>d</title>")
@example("<pre>a\r\nb<b>c\nd</b></pre><plaintext>e\nf")
@example("<svg><p>a<title>b</title>c</p></svg>d<title>e</title><svg><title>f</svg>g")
@example("<head><noscript><title>a</title></noscript></head><title>b</title><p>c")
@example("<table><tr><td>a</td><td>b<div>c</div>d</td></tr></table><ul><li>e</ul>")
def test_renderer_renders_as_the_reference(markup: str) -> None:
    assert _render_text(markup) == _render_text_reference(markup)
    data = markup.encode("utf-8", "surrogatepass").replace(b"\0", b"")
    assert _render(data) == _reference_render(data)


def _render_text_reference(text: str) -> _Rendered:
    if text[:1].isspace() or text[-1:].isspace():
        text = text.strip()
    return _reference_render(text)


@given(st.integers(0, 2**32))
def test_generated_pages_render_as_the_reference(seed: int) -> None:
    page = render_html(demo_page(), random.Random(seed), url="http://www.interfax.com/a.asp?id=1")
    data = page.html.encode("utf-8")
    assert _render(data) == _reference_render(data)


_BASES = (
    "http://www.interfax.com/interview.asp?id=5",
    "https://interfax.com/newsroom/exclusive-interviews/7/",
    "http://interfax.com",
    "HTTP://X/a",
    "ftp://x/y",
)
_ABSOLUTE = st.tuples(
    st.sampled_from(["http://", "https://", "HTTP://", "http:/", "https:///", "http:"]),
    st.lists(st.sampled_from([*"az09/.?#;:=&%@-_~ ", "www.x.com", "..", "?", "//"]), max_size=8),
).map(lambda parts: parts[0] + "".join(parts[1]))


@given(st.sampled_from(_BASES), _ABSOLUTE)
@example("http://www.interfax.com/a", "https://www.interfax.com/news.asp?id=1")
@example("http://www.interfax.com/a", "http://www.interfax.com?id=1")
@example("http://www.interfax.com/a", "http://x.com/?")
@example("http://www.interfax.com/a", "http://?x")
@example("http://www.interfax.com/a", "http:///x")
@example("http://www.interfax.com/a", "http://x/./y")
def test_absolute_link_resolution_equals_urljoin(base: str, href: str) -> None:
    assert _Resolver(base)(href) == urljoin(base, href)


_STYLE = st.lists(
    st.sampled_from(
        [
            *("display", "visibility", ":", " ", "\t", "\n", "none", "hidden", "NONE", "Hidden"),
            *("DiSPlaY", "\u017f", "\u0131", "\u0130", "\u212a", "x", ";", "\xa0", "\u2003"),
        ]
    ),
    max_size=8,
).map("".join)


@given(_STYLE | st.text(max_size=20))
@example("di\u017fplay: none")
@example("visibility:h\u0131dden")
@example("margin:0;padding:2px")
def test_hidden_style_as_its_pattern_says(style: str) -> None:
    assert _hidden_style(style) == (_HIDDEN_STYLE.search(style) is not None)
