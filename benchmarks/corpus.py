"""The benchmark's pages: the real fixtures and seeded generated interviews,
as text and as realistic HTML.

Generated interviews use the project's invented vocabulary (the names and
offices of `interfax_parse.testing.strategies`, the words of the demo page)
drawn with one seeded `random.Random`, so every run times the same pages.
They are rendered by each built-in template, then as HTML by
`interfax_parse.testing.html.render_html`, and the HTML gets the weight a
real news page carries around its text: inline scripts and styles, a hidden
drop-down menu of links, an SVG sprite, JSON-LD, tracking ``<noscript>``
pixels. None of that prints, so the HTML must still parse to the text's
interview (the benchmark checks it on every page).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from interfax_parse import Interview, parse_text
from interfax_parse.demo import demo_page
from interfax_parse.errors import ParseError
from interfax_parse.grammar.ticker import MOSCOW
from interfax_parse.model import Headline, Photo, RelatedItem, Role, Turn
from interfax_parse.templates.registry import get_template, templates
from interfax_parse.testing.html import render_html
from interfax_parse.testing.strategies import FIRST_NAMES, OFFICES, SURNAMES

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
_WORDS = sorted({w.lower() for w in re.findall(r"[A-Za-z]{2,}", demo_page())})


@attrs.frozen
class BenchPage:
    """One page of the benchmark: its text, its HTML and where it came from."""

    name: str
    template: str
    url: str
    text: str
    html: bytes
    expected: Interview
    """What ``parse_html(html, url=url)`` must give (the text's interview plus
    what the markup adds)."""


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 28))
    return " ".join(words).capitalize() + rng.choice(".?..")


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 5)))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def generated_interview(rng: random.Random, template: str) -> Interview:
    """An interview of a real page's size: 8-30 turns, a ticker, teasers."""
    name = _person(rng)
    office = rng.choice(OFFICES)
    year = rng.randint(2018, 2021)
    quote = _sentence(rng).rstrip(".?")
    title = f"{office} {name}: {quote}" if template == "newsroom" else f"{name}: {quote}"
    lede = f"{office} {name} has given an interview to Interfax in which " + _sentence(rng)
    turns = []
    for index in range(rng.randint(8, 30)):
        asks = index % 2 == 0
        turns.append(
            Turn(
                role=Role.QUESTION if asks else Role.ANSWER,
                label="Question" if asks else "Answer",
                speaker="Interfax" if asks else name,
                paragraphs=tuple(_paragraph(rng) for _ in range(rng.randint(1, 4))),
            )
        )
    if template == "newsroom":
        return Interview(
            template=template,
            title=title,
            published=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
            lede=lede,
            photo=Photo(caption=name, credit="Press Office", file=None),
            turns=tuple(turns),
        )
    headlines = []
    when = dt.datetime(year, 12, 31, 23, 0)
    for _ in range(rng.randint(8, 25)):
        headlines.append(
            Headline(
                text=" ".join(rng.choices(_WORDS, k=rng.randint(4, 12))).capitalize(),
                stamp=f"{when:%m/%d %H:%M}",
                month=when.month,
                day=when.day,
                hour=when.hour,
                minute=when.minute,
                published=when.replace(tzinfo=MOSCOW),
            )
        )
        when -= dt.timedelta(minutes=rng.randint(5, 600))
    related = tuple(
        RelatedItem(
            summary=f"{rng.choice(OFFICES)} {_person(rng)} has given an interview to "
            f"Interfax in which {_sentence(rng)} {_sentence(rng)}",
        )
        for _ in range(rng.randint(3, 8))
    )
    return Interview(
        template=template,
        title=title,
        short_title=title[:80].rsplit(" ", 1)[0] if len(title) > 80 else title,
        published=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
        lede=lede,
        turns=tuple(turns),
        headlines=tuple(headlines),
        related=related,
        capture_year=year,
    )


def _script(rng: random.Random, size: int) -> str:
    """Minified-looking JavaScript of about `size` characters."""
    parts: list[str] = []
    total = 0
    while total < size:
        name = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(1, 3)))
        part = (
            f"function {name}(e,t){{var n=e.length,r=[];for(var i=0;i<n;i++){{"
            f"if(e[i]&&e[i].{rng.choice(_WORDS)}!==t)r.push(e[i])}}return r}}"
            f'window.{name}_{rng.randint(0, 999)}={{"k":"{rng.choice(_WORDS)}",'
            f'"v":{rng.random():.6f}}};'
        )
        parts.append(part)
        total += len(part)
    return "".join(parts)


def _style(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        part = (
            f".{rng.choice(_WORDS)}-{rng.randint(0, 99)}{{margin:{rng.randint(0, 20)}px "
            f"{rng.randint(0, 20)}px;color:#{rng.randint(0, 0xFFFFFF):06x};font:"
            f"{rng.randint(10, 18)}px/1.4 Arial,sans-serif}}\n"
        )
        parts.append(part)
        total += len(part)
    return "".join(parts)


def _menu(rng: random.Random) -> str:
    items = "".join(
        f'<li><a href="/{rng.choice(_WORDS)}/{rng.randint(1, 9999)}/">'
        f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)}</a></li>"
        for _ in range(rng.randint(60, 140))
    )
    return f'<nav style="display: none"><ul class="menu">{items}</ul></nav>'


def _sprite(rng: random.Random) -> str:
    paths = "".join(
        f'<symbol id="i{n}" viewBox="0 0 24 24"><path d="M{rng.randint(0, 24)} '
        f'{rng.randint(0, 24)}L{rng.randint(0, 24)} {rng.randint(0, 24)}z"/></symbol>'
        for n in range(rng.randint(20, 60))
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{paths}</svg>'


def with_boilerplate(html: str, rng: random.Random, target: int) -> str:
    """`html` with non-printing weight added until it is about `target` bytes."""
    head = (
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/css/main.css"><link rel="icon" href="/favicon.ico">'
        f"<style>{_style(rng, 6000)}</style>"
        f"<script>{_script(rng, 8000)}</script>"
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Interfax"}}'
        "</script>"
    )
    top = _sprite(rng) + _menu(rng)
    missing = max(0, target - len(html) - len(head) - len(top))
    bottom = (
        f"<script>{_script(rng, missing)}</script>"
        '<noscript><img src="//counter.example/hit?id=1" alt=""></noscript>'
    )
    # Nothing goes after the content: a truncated page must stay cut where it was.
    if "</head>" in html:
        html = html.replace("</head>", head + "</head>", 1)
    else:
        top = head + top
    body = re.search(r"<body[^>]*>", html)
    if body is not None:
        at = body.end()
    elif "</head>" in html:
        at = html.index("</head>") + len("</head>")
    else:
        return html  # no structure to hide weight in without moving the charset
    return html[:at] + top + bottom + html[at:]


def _fixture_texts() -> Iterator[tuple[str, str, str]]:
    for folder in ("seeds", "asp", "newsroom"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            yield (
                path.name,
                f"http://www.interfax.com/interview.asp?id={len(path.name)}",
                (path.read_text(encoding="utf-8")),
            )


def build(generated_per_template: int, *, seed: int = 20260601) -> list[BenchPage]:
    """The fixtures that parse, then `generated_per_template` pages of every template."""
    rng = random.Random(seed)
    sources: list[tuple[str, str, str]] = list(_fixture_texts())
    number = 500000
    for template in templates():
        renderer = get_template(template)
        for index in range(generated_per_template):
            interview = generated_interview(rng, template)
            number += 1
            sources.append(
                (
                    f"{template}-{index}",
                    f"http://www.interfax.com/interview.asp?id={number}",
                    renderer.render(interview),
                )
            )
    pages = []
    for name, url, text in sources:
        try:
            interview = parse_text(text, url=url)
        except ParseError:
            continue
        page = render_html(text, rng, interview=interview, url=url)
        assert page.expected is not None
        html = with_boilerplate(page.html, rng, rng.randint(60_000, 120_000))
        pages.append(
            BenchPage(
                name=name,
                template=interview.template,
                url=url,
                text=text,
                html=html.encode(page.charset or "utf-8", errors="xmlcharrefreplace"),
                expected=page.expected,
            )
        )
    return pages
