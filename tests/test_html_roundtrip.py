"""Generated HTML of every real page and of generated interviews reads as its text does.

`interfax_parse.testing.html.render_html` writes random, plausible markup
whose rendering is exactly a text page's blocks; `parse_html` of it must give
`parse_text` of the text plus the links, title and address the markup adds
(`HtmlPage.expected`), through ``str`` and through bytes.
"""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import (
    Interview,
    ParseError,
    get_template,
    parse,
    parse_html,
    parse_text,
    templates,
)
from interfax_parse.blocks import split_blocks
from interfax_parse.html import read_html
from interfax_parse.testing.html import HtmlPage, html_pages, render_html
from interfax_parse.testing.relations import prefix_violations
from interfax_parse.testing.strategies import interviews

PAGES = fixture_pages("seeds") + fixture_pages("asp") + fixture_pages("newsroom")


def _encoded(page: HtmlPage) -> bytes:
    return page.html.encode(page.charset or "utf-8", errors="xmlcharrefreplace")


def _text_result(text: str, url: str | None) -> Interview | ParseError:
    try:
        return parse_text(text, url=url)
    except ParseError as error:
        return error


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
@settings(max_examples=15)
@given(data=st.data())
def test_real_page_as_html_reads_as_its_text(page: FixturePage, data: st.DataObject) -> None:
    text = page.path.read_text(encoding="utf-8")
    url = data.draw(st.sampled_from((page.url, None)))
    from_text = _text_result(text, url)
    interview = from_text if isinstance(from_text, Interview) else None
    html = data.draw(html_pages(text, interview=interview, url=url))
    assert read_html(html.html, url=url).page.blocks == tuple(split_blocks(text))
    if isinstance(from_text, ParseError):
        with pytest.raises(type(from_text)) as raised:
            parse_html(html.html, url=url)
        assert str(raised.value) == str(from_text)
        return
    assert parse_html(html.html, url=url) == html.expected
    assert parse(_encoded(html), url=url) == html.expected


@pytest.mark.parametrize("page", PAGES[:2], ids=lambda p: p.id)
def test_real_page_links_are_found(page: FixturePage) -> None:
    """The seeds' ticker and teasers are linked in most drawings; check one fully."""
    text = page.path.read_text(encoding="utf-8")
    interview = parse_text(text, url=page.url)
    for seed in range(20):
        html = render_html(text, random.Random(seed), interview=interview, url=page.url)
        assert html.expected is not None
        result = parse_html(html.html, url=page.url)
        assert result == html.expected
        linked = [h.url for h in result.headlines if h.url]
        if len(linked) == len(result.headlines) and all(r.url for r in result.related):
            assert all(u.startswith("http") for u in linked)
            return
    pytest.fail("no drawing linked every headline and teaser")


@pytest.mark.parametrize("name", sorted(templates()))
@given(data=st.data())
def test_generated_interview_as_html_reads_as_text(name: str, data: st.DataObject) -> None:
    template = get_template(name)
    interview = data.draw(interviews(name))
    try:
        text = template.render(interview)
    except NotImplementedError:
        pytest.skip(f"{name} does not render pages")
    expected_text = parse_text(text, template=name)
    html = data.draw(html_pages(text, interview=expected_text))
    assert html.expected is not None
    assert parse_html(html.html, template=name) == html.expected
    assert parse(_encoded(html), template=name) == html.expected
    if expected_text == interview:  # the template round-trips: so does its HTML
        assert _without_html_facts(html.expected) == interview


def _without_html_facts(interview: Interview) -> Interview:
    return attrs.evolve(
        interview,
        headlines=tuple(attrs.evolve(h, url=None) for h in interview.headlines),
        related=tuple(attrs.evolve(r, url=None, title=None) for r in interview.related),
        page_title=None,
        url=None,
        interview_id=None,
    )


# As for text (tests/test_roundtrip.py): newsroom cuts inside the photo block cannot
# be told from a page whose lede is the caption, and have their own text test.
@pytest.mark.parametrize("name", ["interview-asp-2018", "interview-asp-2020"])
@given(data=st.data())
def test_truncated_html_gives_a_prefix(name: str, data: st.DataObject) -> None:
    """Archives keep prefixes of HTML too, cut at a character or at a byte.

    One thing a prefix cannot tell (docs/html.md): whether the container the
    cut falls in had one line or more, so the last block may stand with the
    last turn or start the teasers. Everything before it is a prefix.
    """
    interview = data.draw(interviews(name))
    text = get_template(name).render(interview)
    html = data.draw(html_pages(text, interview=parse_text(text, template=name)))
    assert html.expected is not None
    encoded = html.html.encode("utf-8")
    cut = data.draw(st.integers(min_value=0, max_value=len(encoded)))
    for part in (html.html[: len(encoded[:cut].decode("utf-8", "ignore"))], encoded[:cut]):
        try:
            result = parse(part)
        except ParseError:
            continue
        if _violations(result, html.expected):
            assert not _violations(_without_last_block(result), html.expected)


def _violations(part: Interview, full: Interview) -> list[str]:
    """`prefix_violations`, less the head's facts a cut may fall before."""
    skip = ("url", "page_title", "interview_id")
    return [v for v in prefix_violations(part, full) if not v.startswith(skip)]


def _without_last_block(interview: Interview) -> Interview:
    """`interview` without the block read last: its last teaser or paragraph."""
    if interview.related:
        return attrs.evolve(interview, related=interview.related[:-1])
    if not interview.turns:
        return interview
    last = interview.turns[-1]
    turns = interview.turns[:-1]
    if len(last.paragraphs) > 1:
        turns += (attrs.evolve(last, paragraphs=last.paragraphs[:-1]),)
    return attrs.evolve(interview, turns=turns)
