"""Plausible HTML for a text page, to test the HTML path against the text path.

`render_html(text, rng)` writes an HTML document whose rendering (see
`interfax_parse.html` and ``docs/html.md``) is exactly the blocks of `text`:
the same lines with the same gaps, so ``parse_html(page.html)`` must equal
``parse_text(text)`` plus what only the markup adds. Everything else is drawn
at random from what real markup does, with no class name or id that means
anything:

- containers for the page's sections (``<div>``, ``<section>``, ``<form>``,
  layout ``<table>`` cells, ``<ul>`` lists, tables of rows), or none;
- paragraphs as ``<p>``, ``<div><p>``, headings, one ``<div>`` per line, or
  bare text with ``<br>``; spacer lines (``<div>&nbsp;</div>``, ``<br>``) for
  blank lines the structure does not give;
- inline tags inside and across words, entities, NBSP, comments, scripts,
  styles, ``<noscript>``, hidden elements, images, inputs, attributes and
  whitespace, none of which print anything;
- a ``<head>`` with perhaps a charset, a ``<title>``, a canonical link or
  ``og:url``, a ``<base>``;
- links on headlines (the text, the text with its ``(Part N)``, the whole
  line, or the stamp and the text apart) and teasers (the whole summary,
  with or without a ``title`` attribute, or a leading phrase), and on other
  lines now and then.

Give it the `Interview` that ``parse_text(text)`` returns and `HtmlPage.expected`
is what ``parse_html(page.html)`` must return: that interview plus the title,
the address and the links the markup carries. `html_pages` is the same as a
hypothesis strategy.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from urllib.parse import urljoin

import attrs
from hypothesis import strategies as st

from ..blocks import Block, split_blocks
from ..grammar.addresses import interview_id
from ..grammar.ticker import parse_ticker_line
from ..model import Headline, Interview, RelatedItem

__all__ = ["HtmlPage", "html_pages", "render_html"]

_P, _S = 1, 2  # the renderer's flags: a paragraph margin; a group (2+ lines)


@attrs.frozen(kw_only=True)
class HtmlPage:
    """A generated HTML document and what parsing it must give."""

    html: str
    """The document."""
    charset: str | None
    """The charset its ``<meta>`` declares, if any: encode the document in it
    (``utf-8`` when None) to test the bytes path."""
    page_title: str | None
    """The ``<title>`` text, normalised, when the document has one."""
    canonical: str | None
    """The canonical or ``og:url`` address in the head, if any."""
    expected: Interview | None
    """The interview `parse_html` must return (None without an interview)."""


@attrs.frozen
class _LinkSpec:
    """A link the generator puts on a headline or teaser line."""

    start: int  # span of the line's text the link covers
    end: int
    href: str
    title: str | None = None
    extra: tuple[int, int, str] | None = None  # a second link (a linked stamp)


_ENTITIES: dict[str, tuple[str, ...]] = {
    "\xa0": ("&nbsp;", "&#160;", "&#xa0;", "\xa0"),
    "’": ("&rsquo;", "&#8217;", "&#x2019;", "’"),
    "‘": ("&lsquo;", "&#8216;", "‘"),
    "“": ("&ldquo;", "&#8220;", "“"),
    "”": ("&rdquo;", "&#8221;", "”"),
    "—": ("&mdash;", "&#8212;", "—"),
    "–": ("&ndash;", "&#8211;", "–"),
    "©": ("&copy;", "&#169;", "©"),
    "…": ("&hellip;", "…"),
    "&": ("&amp;", "&#38;"),
    "<": ("&lt;", "&#60;"),
    ">": ("&gt;", ">"),
    '"': ('"', "&quot;"),
    "'": ("'", "&#39;"),
}
_INLINE_TAGS = ("span", "b", "i", "em", "strong", "font", "u", "small", "span", "span")
_VOID_INLINE = (
    '<img src="/i/p.gif" alt="">',
    '<img src="spacer.gif" width="1" height="1">',
    '<input type="hidden" name="t" value="1">',
    "<!-- ad -->",
    "<script>var a = 1 < 2 && b;</script>",
    '<span style="display: none">hidden</span>',
    '<span hidden="">hidden</span>',
)
# Dropped elements that may stand between blocks (some are blocks themselves).
_DROPPED = (
    "<script>var a = 1 < 2 && b;</script>",
    '<script type="text/javascript">document.write("<p>x</p>");</script>',
    "<style>p { margin: 0 }</style>",
    "<noscript>Please enable JavaScript</noscript>",
    "<!-- banner -->",
    "<!---->",
    '<div style="display:none">hidden text</div>',
    '<span hidden="">hidden</span>',
    "<template><p>template</p></template>",
)
_CONTAINERS = ("div", "div", "section", "article", "form", "center", "main", "nav", "aside")
_SPACERS = (
    "<br>",
    "<div>&nbsp;</div>",
    "<div><br></div>",
    "<div>\xa0</div>",
    "<span>&nbsp;</span><br>",
    '<div class="sp"><img src="s.gif" alt="">&nbsp;</div>',
)


def _noise_attrs(rng: random.Random) -> str:
    """Zero to two attributes that mean nothing (distinct names)."""
    options = (
        f' class="c{rng.randrange(100)}"',
        f' id="x{rng.randrange(100)}"',
        ' style="margin:0;padding:2px"',
        ' align="left"',
        f" data-n='{rng.randrange(9)}'",
        " width=100%",
    )
    return "".join(rng.sample(options, rng.choice((0, 0, 1, 2))))


class _Writer:
    """Draws the markup for one page."""

    def __init__(self, rng: random.Random, links: dict[int, _LinkSpec], reserved: set[int]) -> None:
        self.rng = rng
        self.links = links
        self.reserved = reserved  # headline and teaser lines: no link but their own

    # -- inline -----------------------------------------------------------

    def chars(self, text: str) -> str:
        rng = self.rng
        out = []
        for char in text:
            options = _ENTITIES.get(char)
            out.append(rng.choice(options) if options else char)
        return "".join(out)

    def inline(self, text: str) -> str:
        """`text` as inline markup that prints exactly `text` (spaces normalised)."""
        rng = self.rng
        if not text:
            return ""
        tokens: list[str] = []
        for word_index, word in enumerate(text.split(" ")):
            if word_index:
                tokens.append(" ")
            tokens.append(word)
        out: list[str] = []
        stack: list[str] = []
        for token in tokens:
            if stack and rng.random() < 0.25:
                out.append(f"</{stack.pop()}>")
            if rng.random() < 0.08:
                tag = rng.choice(_INLINE_TAGS)
                out.append(f"<{tag}{_noise_attrs(rng)}>")
                stack.append(tag)
            if token == " ":
                out.append(rng.choice((" ", " ", " ", "\n", "  ", "\n      ", "&nbsp;", " \xa0")))
                continue
            roll = rng.random()
            if roll < 0.05 and len(token) > 3:
                cut = rng.randrange(1, len(token))
                tag = rng.choice(_INLINE_TAGS)
                out.append(f"{self.chars(token[:cut])}<{tag}>{self.chars(token[cut:])}</{tag}>")
            elif roll < 0.08 and len(token) > 3:
                cut = rng.randrange(1, len(token))
                out.append(f"{self.chars(token[:cut])}<!-- -->{self.chars(token[cut:])}")
            else:
                out.append(self.chars(token))
            if rng.random() < 0.02:
                out.append(rng.choice(_VOID_INLINE))
        while stack:
            out.append(f"</{stack.pop()}>")
        return "".join(out)

    def attribute(self, value: str) -> str:
        """`value` escaped for a double-quoted attribute."""
        return self.chars(value).replace('"', "&quot;")

    def anchor(self, text: str, href: str, title: str | None) -> str:
        rng = self.rng
        attrs_ = f' href="{self.attribute(href)}"'
        if title is not None:
            attrs_ += f' title="{self.attribute(title)}"'
        if rng.random() < 0.3:
            attrs_ = rng.choice((' target="_blank"', ' class="l"', "")) + attrs_
        inner = f"<a{attrs_}>{self.inline(text)}</a>"
        if rng.random() < 0.2:
            tag = rng.choice(("b", "span", "strong"))
            inner = f"<{tag}>{inner}</{tag}>"
        return inner

    def line(self, index: int, text: str) -> str:
        """One line's inline markup, with its link if it has one."""
        rng = self.rng
        spec = self.links.get(index)
        if spec is None and index not in self.reserved and rng.random() < 0.1:
            start = 0 if rng.random() < 0.5 else max(0, text.find(" ") + 1)
            spec = _LinkSpec(start, len(text), f"/page{rng.randrange(1000)}.asp")
        if spec is None:
            return self.inline(text)
        spans = [(spec.start, spec.end, spec.href, spec.title)]
        if spec.extra is not None:
            spans.insert(0, (spec.extra[0], spec.extra[1], spec.extra[2], None))
        out: list[str] = []
        at = 0
        for start, end, href, title in spans:
            out.append(self.inline(text[at:start]))
            out.append(self.anchor(text[start:end], href, title))
            at = end
        out.append(self.inline(text[at:]))
        return "".join(out)

    def maybe_dropped(self) -> str:
        return self.rng.choice(_DROPPED) if self.rng.random() < 0.15 else ""

    def ws(self) -> str:
        return self.rng.choice(("", "\n", "\n  ", " ", "\n\n"))

    # -- paragraphs ---------------------------------------------------------

    def paragraph(
        self, lines: Sequence[tuple[int, str]], styles: Sequence[str]
    ) -> tuple[str, int, int]:
        """A paragraph in one of `styles`; its markup and its first/last flags."""
        rng = self.rng
        style = rng.choice([s for s in styles if len(lines) == 1 or s in ("p", "lines", "bare")])
        ws = self.ws
        if style == "p":
            sep = rng.choice(("<br>", "<br>\n", "<br/>", "<BR>", "<br />\n  "))
            body = sep.join(self.line(i, t) for i, t in lines)
            if rng.random() < 0.2:
                body += "<br>"
            return f"<p{_noise_attrs(rng)}>{ws()}{body}{ws()}</p>{ws()}", _P, _P
        if style == "pdiv":
            ((i, t),) = lines
            return f"<div{_noise_attrs(rng)}><p>{self.line(i, t)}</p></div>{ws()}", _P, _P
        if style == "h":
            ((i, t),) = lines
            tag = rng.choice(("h1", "h2", "h3", "h4"))
            return f"<{tag}{_noise_attrs(rng)}>{self.line(i, t)}</{tag}>{ws()}", _P, _P
        if style == "table":
            ((i, t),) = lines
            return f"<table><tr><td>{self.line(i, t)}</td></tr></table>{ws()}", 0, 0
        if style == "lines":
            out = []
            for i, t in lines:
                tag = rng.choice(("div", "div", "center"))
                inner = self.line(i, t)
                if rng.random() < 0.2:
                    inner = f"<span>{inner}</span>"
                out.append(f"<{tag}{_noise_attrs(rng)}>{inner}</{tag}>{ws()}{self.maybe_dropped()}")
            return "".join(out), 0, 0
        # bare: inline text ending each line with <br>
        return "".join(f"{self.line(i, t)}<br>{ws()}" for i, t in lines), 0, 0

    def spacers(self, count: int, *, rows: str | None = None) -> str:
        rng = self.rng
        if rows == "tr":
            return "".join("<tr><td>&nbsp;</td></tr>" for _ in range(count))
        if rows == "li":
            return "".join("<li>&nbsp;</li>" for _ in range(count))
        return "".join(rng.choice(_SPACERS) + self.ws() for _ in range(count))

    def flow(
        self, paragraphs: Sequence[Sequence[tuple[int, str]]], styles: Sequence[str]
    ) -> tuple[str, int, int]:
        """Paragraphs one blank line apart, as flow content; markup and flags."""
        out: list[str] = []
        first = last = 0
        for number, paragraph in enumerate(paragraphs):
            markup, head, tail = self.paragraph(paragraph, styles)
            if number == 0:
                first = head
            elif not (last | head) & _P:
                out.append(self.spacers(1))
            out.append(self.maybe_dropped() + markup)
            last = tail
        return "".join(out), first, last

    def rows(self, paragraphs: Sequence[Sequence[tuple[int, str]]], kind: str) -> str:
        """Table rows or list items, one per line, spacer rows between paragraphs."""
        rng = self.rng
        out: list[str] = []
        for number, paragraph in enumerate(paragraphs):
            if number:
                out.append(self.spacers(1, rows=kind))
            for i, t in paragraph:
                if kind == "li":
                    out.append(f"<li{_noise_attrs(rng)}>{self.line(i, t)}</li>{self.ws()}")
                    continue
                cut = t.find(" ")
                if cut > 0 and i not in self.links and rng.random() < 0.4:
                    cells = (
                        f"<td{_noise_attrs(rng)}>{self.inline(t[:cut])}&nbsp;</td>{self.ws()}"
                        f"<td>{self.inline(t[cut + 1 :])}</td>"
                    )
                else:
                    cells = f"<td{_noise_attrs(rng)}>{self.line(i, t)}</td>"
                out.append(f"<tr>{cells}</tr>{self.ws()}")
        return "".join(out)

    # -- sections -----------------------------------------------------------

    def section(
        self, paragraphs: Sequence[Sequence[tuple[int, str]]], *, safe: bool, zero_first: bool
    ) -> tuple[str, int, int]:
        """A section (paragraphs between wide gaps); markup, first and last flags.

        `safe` draws only renderings whose flags make every gap reachable
        (a container when several lines, else weight-0 lines); `zero_first`
        asks for a first line with no margin (blank lines stand before it).
        """
        rng = self.rng
        count = sum(len(p) for p in paragraphs)
        all_styles = ("p", "p", "pdiv", "h", "lines", "bare", "table")
        zero_styles = ("lines", "bare", "table")
        if zero_first:
            markup, first, last = self.flow(paragraphs, zero_styles)
            return markup, first, last
        if count == 1:
            return self.flow(paragraphs, zero_styles if safe else all_styles)
        kind = rng.choice(("flat", "container", "container", "container", "table", "list"))
        if safe:
            kind = rng.choice(("container", "table", "list"))
        if kind == "flat":
            return self.flow(paragraphs, all_styles)
        if kind == "table":
            body = self.rows(paragraphs, "tr")
            if rng.random() < 0.5:
                body = f"<tbody>{body}</tbody>"
            return (
                f"<table{_noise_attrs(rng)}>{self.ws()}{body}</table>{self.ws()}",
                _P | _S,
                _P | _S,
            )
        if kind == "list":
            tag = rng.choice(("ul", "ol"))
            body = self.rows(paragraphs, "li")
            return (
                f"<{tag}{_noise_attrs(rng)}>{self.ws()}{body}</{tag}>{self.ws()}",
                _P | _S,
                _P | _S,
            )
        markup, _, _ = self.flow(paragraphs, ("p", "p", "pdiv", "h", "lines", "bare"))
        if rng.random() < 0.25:
            markup = f"<table{_noise_attrs(rng)}><tr><td>{markup}</td></tr></table>"
        else:
            tag = rng.choice(_CONTAINERS)
            markup = f"<{tag}{_noise_attrs(rng)}>{self.ws()}{markup}</{tag}>"
        return markup + self.ws(), _P | _S, _P | _S


def _sections(blocks: Sequence[Block]) -> list[list[list[tuple[int, str]]]]:
    """Blocks grouped: sections (wide gaps) of paragraphs (one blank line) of lines."""
    sections: list[list[list[tuple[int, str]]]] = []
    for index, block in enumerate(blocks):
        if not sections or block.gap >= 2:
            sections.append([[]])
        elif block.gap == 1:
            sections[-1].append([])
        sections[-1][-1].append((index, block.text))
    return sections


def _spacers_for(gap: int, before: int, after: int) -> int | None:
    """Spacer lines for a wide `gap` between flags `before` and `after`; None: cannot."""
    if before & after & _S:
        return gap - 2
    spacers = gap - (before & _P) - (after & _P)
    return spacers if spacers >= 1 else None


def _plan_links(
    rng: random.Random, blocks: Sequence[Block], interview: Interview
) -> tuple[dict[int, _LinkSpec], list[int], list[int]]:
    """Links for headlines and teasers; also which block each item is on."""
    links: dict[int, _LinkSpec] = {}
    headline_blocks: list[int] = []
    at = 0
    for headline in interview.headlines:
        for index in range(at, len(blocks)):
            text = blocks[index].text
            if text.startswith(headline.stamp) and headline.text in text:
                headline_blocks.append(index)
                at = index + 1
                break
        else:
            headline_blocks.append(-1)
    teaser_blocks: list[int] = []
    at = len(blocks)
    for item in reversed(interview.related):
        for index in range(at - 1, -1, -1):
            if blocks[index].text == item.summary:
                teaser_blocks.insert(0, index)
                at = index
                break
        else:
            teaser_blocks.insert(0, -1)
    for headline, index in zip(interview.headlines, headline_blocks, strict=True):
        if index < 0 or rng.random() < 0.15:
            continue
        text = blocks[index].text
        line = parse_ticker_line(text)
        href = rng.choice(
            ("/news.asp?id={}", "https://www.interfax.com/news.asp?id={}", "news/{}/")
        )
        href = href.format(rng.randrange(10_000, 99_999))
        start = text.index(headline.text, len(headline.stamp))
        end = start + len(headline.text)
        how = rng.choice(("text", "text", "with-part", "line", "stamp-apart"))
        if how == "with-part" and line is not None and line.part is not None:
            end = len(text)
        elif how == "line":
            start, end = 0, len(text)
        extra = None
        if how == "stamp-apart":
            extra = (0, len(headline.stamp), "/day.asp")
        links[index] = _LinkSpec(start, end, href, None, extra)
    for item, index in zip(interview.related, teaser_blocks, strict=True):
        if index < 0 or rng.random() < 0.15:
            continue
        href = rng.choice(
            ("/interview.asp?id={}", "http://www.interfax.com/interview.asp?id={}", "?id={}")
        ).format(rng.randrange(100_000, 999_999))
        summary = item.summary
        how = rng.choice(("whole", "whole", "titled", "phrase"))
        words = summary.split(" ")
        if how == "phrase" and len(words) > 3:
            cut = len(" ".join(words[: rng.randrange(1, len(words) - 1)]))
            links[index] = _LinkSpec(0, cut, href)
        elif how == "titled":
            title = f"Interview: {' '.join(words[:4])}"
            links[index] = _LinkSpec(0, len(summary), href, title)
        else:
            links[index] = _LinkSpec(0, len(summary), href)
    return links, headline_blocks, teaser_blocks


def _expected(
    interview: Interview,
    blocks: Sequence[Block],
    links: dict[int, _LinkSpec],
    headline_blocks: Sequence[int],
    teaser_blocks: Sequence[int],
    resolve: Callable[[str], str],
    page_title: str | None,
    address: str | None,
) -> Interview:
    def headline(h: Headline, index: int) -> Headline:
        spec = links.get(index)
        return attrs.evolve(h, url=resolve(spec.href)) if spec is not None else h

    def related(item: RelatedItem, index: int) -> RelatedItem:
        spec = links.get(index)
        if spec is None:
            return item
        title = spec.title
        if title is None and (spec.start, spec.end) != (0, len(item.summary)):
            title = blocks[index].text[spec.start : spec.end]
        return attrs.evolve(item, url=resolve(spec.href), title=title)

    return attrs.evolve(
        interview,
        headlines=tuple(map(headline, interview.headlines, headline_blocks)),
        related=tuple(map(related, interview.related, teaser_blocks)),
        page_title=page_title,
        url=address,
        interview_id=interview_id(address) if address is not None else None,
    )


def _body(writer: _Writer, rng: random.Random, blocks: Sequence[Block]) -> str:
    """The page's content: its sections, spacers where the gaps need them, wrappers."""
    sections = _sections(blocks)
    if not sections:
        return ""
    gaps = [blocks[section[0][0][0]].gap for section in sections]
    # Draw each section, redrawing "safely" where a wide gap cannot be reached.
    safe = [False] * len(sections)
    drawn: list[tuple[str, int, int]] = []
    for _attempt in range(len(sections) + 2):
        drawn = [
            writer.section(s, safe=safe[k], zero_first=(k == 0 and gaps[0] > 0))
            for k, s in enumerate(sections)
        ]
        bad = [
            k
            for k in range(1, len(sections))
            if _spacers_for(gaps[k], drawn[k - 1][2], drawn[k][1]) is None
        ]
        if not bad:
            break
        for k in bad:
            safe[k - 1] = safe[k] = True
    body = [writer.spacers(gaps[0] - (drawn[0][1] & _P) if gaps[0] else 0)]
    for k, (markup, _first, _last) in enumerate(drawn):
        if k:
            spacers = _spacers_for(gaps[k], drawn[k - 1][2], drawn[k][1])
            assert spacers is not None
            body.append(writer.spacers(spacers))
        body.append(writer.maybe_dropped() + markup)
    content = "".join(body)
    wrap = rng.random()
    if wrap < 0.3:
        return f'<div id="page"{_noise_attrs(rng)}>{writer.ws()}{content}</div>'
    if wrap < 0.45:
        return f'<table width="100%"><tr><td valign="top">{content}</td></tr></table>'
    return content


@attrs.frozen
class _Head:
    markup: list[str]
    charset: str | None
    page_title: str | None
    canonical: str | None
    base: str | None


def _head(writer: _Writer, rng: random.Random, title: str | None, url: str | None) -> _Head:
    """The head: perhaps a charset, a title, a canonical address, a base; scripts, styles."""
    head: list[str] = []
    charset = rng.choice((None, None, "utf-8", "windows-1252"))
    if charset is not None:
        head.append(
            rng.choice(
                (
                    f'<meta charset="{charset}">',
                    f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
                )
            )
        )
    page_title: str | None = None
    if rng.random() < 0.7:
        words = title or "Interviews"
        raw_title = rng.choice((f"Interfax: {words}", "Interfax", words))
        head.append(f"<title>{writer.chars(raw_title)}</title>")
        page_title = " ".join(raw_title.split()) or None
    canonical: str | None = None
    if rng.random() < 0.5:
        canonical = url or f"http://www.interfax.com/interview.asp?id={rng.randrange(1, 999_999)}"
        head.append(
            rng.choice(
                (
                    f'<link rel="canonical" href="{canonical}">',
                    f'<link href="{canonical}" rel="Canonical">',
                    f'<meta property="og:url" content="{canonical}">',
                )
            )
        )
    base: str | None = None
    if rng.random() < 0.1:
        base = "http://www.interfax.com/"
        head.append(f'<base href="{base}">')
    for _ in range(rng.randrange(3)):
        head.append(rng.choice((*_DROPPED[:3], '<link rel="stylesheet" href="/s.css">')))
    rng.shuffle(head)
    return _Head(head, charset, page_title, canonical, base)


def _document(rng: random.Random, head: Sequence[str], content: str, attributes: str) -> str:
    """Head and body in one of the shapes documents come in (always closed)."""
    doctype = rng.choice(
        (
            "<!DOCTYPE html>\n",
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n',
            "",
        )
    )
    if doctype == "" and rng.random() < 0.5:
        return f"<html><head>{''.join(head)}</head><body>{content}</body></html>"
    if rng.random() < 0.15:  # no <html>, <head> or <body> start tags
        return f"{doctype}{''.join(head)}{content}\n</html>"
    newline = "\n"
    return (
        f'{doctype}<html lang="en">\n<head>\n{newline.join(head)}\n</head>\n'
        f"<body{attributes}>\n{content}\n</body>\n</html>\n"
    )


def render_html(
    text: str,
    rng: random.Random,
    *,
    interview: Interview | None = None,
    url: str | None = None,
) -> HtmlPage:
    """A random, plausible HTML document whose rendering is `text`'s blocks.

    `interview` is ``parse_text(text, url=url)``: with it, headlines and
    teasers get links and `HtmlPage.expected` says what ``parse_html(html,
    url=url)`` must give. `url` is the address the caller will pass (it is
    the base of relative links; without it the canonical address is).
    """
    blocks = split_blocks(text)
    links: dict[int, _LinkSpec] = {}
    headline_blocks: list[int] = []
    teaser_blocks: list[int] = []
    if interview is not None:
        links, headline_blocks, teaser_blocks = _plan_links(rng, blocks, interview)
    writer = _Writer(rng, links, set(headline_blocks) | set(teaser_blocks))
    content = _body(writer, rng, blocks)
    head = _head(writer, rng, interview.title if interview is not None else None, url)
    html = _document(rng, head.markup, content, _noise_attrs(rng))
    expected = None
    if interview is not None:
        address = url if url is not None else head.canonical
        base = address if head.base is None else head.base

        def resolve(href: str) -> str:
            return urljoin(base, href) if base else href

        expected = _expected(
            interview,
            blocks,
            links,
            headline_blocks,
            teaser_blocks,
            resolve,
            head.page_title,
            address,
        )
    return HtmlPage(
        html=html,
        charset=head.charset,
        page_title=head.page_title,
        canonical=head.canonical,
        expected=expected,
    )


def html_pages(
    text: str, *, interview: Interview | None = None, url: str | None = None
) -> st.SearchStrategy[HtmlPage]:
    """`render_html` as a hypothesis strategy.

    A page draws its structure from one seeded `random.Random` (a page needs
    thousands of choices, more than hypothesis should shrink one by one);
    hypothesis draws the seed.
    """
    return st.integers(min_value=0, max_value=2**64 - 1).map(
        lambda seed: render_html(text, random.Random(seed), interview=interview, url=url)
    )
