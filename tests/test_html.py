"""How markup becomes lines and gaps, and what only HTML adds (docs/html.md)."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from parsel import Selector

from interfax_parse import ParseError, parse, parse_html, parse_text
from interfax_parse.demo import demo_interview, demo_page
from interfax_parse.html import html_to_text, looks_like_html, read_html
from interfax_parse.templates import Link
from interfax_parse.testing.html import render_html


def lines(html: str, *, complete: bool = True) -> list[tuple[str, int]]:
    """(text, gap) of each block of `html`, a complete document unless told."""
    if complete:
        html += "</html>"
    return [(b.text, b.gap) for b in read_html(html).page.blocks]


# -- lines -----------------------------------------------------------------------


def test_inline_tags_join_without_breaks() -> None:
    html = "<p>Ques<b>tion</b>:<span> Why</span> <i>did <a href='#'>you</a></i>\n go?</p>"
    assert lines(html) == [("Question: Why did you go?", 0)]


def test_br_ends_a_line_and_a_second_br_prints_an_empty_one() -> None:
    assert lines("<div>a<br>b<br><br>c<br></div>") == [("a", 0), ("b", 0), ("c", 1)]


def test_paragraphs_are_one_blank_line_apart_and_one_line_divs_none() -> None:
    assert lines("<p>a</p><p>b</p><div>c</div><div>d</div>") == [
        ("a", 0),
        ("b", 1),
        ("c", 1),
        ("d", 0),
    ]


def test_two_groups_meet_with_a_wide_gap() -> None:
    html = "<div><p>q</p><p>a</p></div><div><p>t1</p><p>t2</p></div>"
    assert lines(html) == [("q", 0), ("a", 1), ("t1", 2), ("t2", 1)]


def test_a_paragraph_next_to_a_group_keeps_the_paragraph_gap() -> None:
    # A lede wrapped on its own before the container of turns is no teaser boundary.
    html = "<div><p>lede</p></div><div><p>Question: q</p><p>Answer: a</p></div><p>after</p>"
    assert lines(html) == [("lede", 0), ("Question: q", 1), ("Answer: a", 1), ("after", 1)]


def test_wrappers_of_one_line_are_transparent() -> None:
    html = "<div><div><span><p>a</p></span></div></div><div><div>b</div></div>"
    assert lines(html) == [("a", 0), ("b", 1)]


def test_cells_of_a_row_share_a_line() -> None:
    html = (
        "<table><tr><td>02/25 18:44&nbsp;</td><td><a href='/n/1'>Fishermen freed</a></td></tr>"
        "<tr><th>02/25 18:41</th><td>Dividends</td></tr></table>"
    )
    assert lines(html) == [("02/25 18:44 Fishermen freed", 0), ("02/25 18:41 Dividends", 0)]


def test_layout_cells_holding_blocks_are_groups() -> None:
    html = "<table><tr><td><p>a</p><p>b</p></td></tr><tr><td><p>c</p><p>d</p></td></tr></table>"
    assert lines(html) == [("a", 0), ("b", 1), ("c", 2), ("d", 1)]


@pytest.mark.parametrize(
    "spacer",
    ["<div>&nbsp;</div>", "<div><br></div>", "<br>", "<span>\xa0</span><br>", "<p>&#160;</p>"],
)
def test_spacers_print_blank_lines(spacer: str) -> None:
    expected = 3 if spacer.startswith("<p>") else 1  # a paragraph keeps its margins
    assert lines(f"<div>a</div>{spacer}<div>b</div>") == [("a", 0), ("b", expected)]


def test_hr_separates_like_a_paragraph() -> None:
    assert lines("<div>a</div><hr><div>b</div>") == [("a", 0), ("b", 1)]


def test_pre_keeps_its_line_breaks() -> None:
    assert lines("<pre>a\n\nb\r\nc</pre>") == [("a", 0), ("b", 1), ("c", 0)]


def test_entities_and_spaces_are_decoded_and_normalised() -> None:
    html = (
        "<p>Russia&rsquo;s&nbsp;&nbsp;court &#8212; &copy;&#xa0;1991&mdash;2020 &amp; &lt;b&gt;</p>"
    )
    assert lines(html) == [("Russia’s court — © 1991—2020 & <b>", 0)]


def test_what_prints_nothing_is_dropped() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style><script>var x='<p>no</p>';</script>"
        "</head><body><!-- a comment --><p>a<script>no()</script>b<!-- x -->c</p>"
        "<noscript><p>Enable JavaScript</p></noscript><div hidden>no</div>"
        "<div style='display: none'>no</div><select><option>Russia</option></select>"
        "<template><p>no</p></template><p>d<img src='x.gif' alt='no'><input value='no'></p>"
        "</body></html>"
    )
    assert lines(html) == [("abc", 0), ("d", 1)]


def test_content_a_parser_moves_into_head_is_read() -> None:
    # Without <body>, lxml puts HTML5 elements met before body content into <head>.
    assert lines("<title>T</title><nav><p>a</p><p>b</p></nav><div>c</div>") == [
        ("a", 0),
        ("b", 1),
        ("c", 1),
    ]


def test_html_to_text_is_what_the_templates_read() -> None:
    html = "<div><p>July 01, 2016</p><h1>Title</h1></div><div><p>Q: a</p><p>A: b</p></div>"
    assert html_to_text(html) == "July 01, 2016\n\nTitle\n\n\nQ: a\n\nA: b\n"


@pytest.mark.parametrize(
    "cut", ["<p>a b<", "<p>a b</", "<p>a b<di", "<p>a b &n", "<p>a b &#82", "<p>a b <!-"]
)
def test_a_document_cut_inside_a_tag_or_entity_prints_no_fragment(cut: str) -> None:
    assert html_to_text(cut) == html_to_text(cut.encode()) == "a b\n"


def test_a_container_cut_after_its_first_line_still_starts_a_group() -> None:
    # The text rendering of the same prefix keeps the wide gap before the teasers.
    cut = "<div><p>Question: q</p><p>Answer: a</p></div><div><p>Tomas Brenner has giv"
    assert lines(cut, complete=False) == [
        ("Question: q", 0),
        ("Answer: a", 1),
        ("Tomas Brenner has giv", 2),
    ]
    assert lines(cut + "</p></div>") == [
        ("Question: q", 0),
        ("Answer: a", 1),
        ("Tomas Brenner has giv", 1),
    ]
    assert lines(cut + "en</p><p>Ilse Moor</p></div>") == [
        ("Question: q", 0),
        ("Answer: a", 1),
        ("Tomas Brenner has given", 2),
        ("Ilse Moor", 1),
    ]


def test_empty_and_text_only_documents() -> None:
    assert lines("") == []
    assert lines("<html></html>") == []
    assert lines("just text") == [("just text", 0)]


# -- what HTML adds --------------------------------------------------------------

CHROME = (
    "<div><div>Customer Login</div><div>About Interfax</div></div>"
    "<table><tr><td>02/25 18:44&nbsp; {h1}</td></tr><tr><td>02/25 18:40&nbsp; {h2}</td></tr>"
    "</table><div><p>July 01, 2016</p><h1>Elena Varga: Trains will run</h1></div>"
    "<div><p>Question: When?</p><p>Answer: Soon.</p></div>"
    "<div><p>{t1}</p><p>{t2}</p></div>"
)
TEASER = "Tomas Brenner has given an interview to Interfax in which he speaks about gas."
TEASER2 = "Ilse Moor has given an interview to Interfax about airports."


def page(head: str = "", **parts: str) -> str:
    values = {"h1": "Rail freight grows", "h2": "Port strike ends", "t1": TEASER, "t2": TEASER2}
    values.update(parts)
    return f"<html><head>{head}</head><body>{CHROME.format(**values)}</body></html>"


def test_title_and_canonical_address() -> None:
    head = (
        "<title> Interfax:\n Elena&nbsp;Varga &amp; trains </title>"
        '<link rel="Canonical stylesheet" href="http://www.interfax.com/interview.asp?id=42">'
    )
    iv = parse_html(page(head))
    assert iv.page_title == "Interfax: Elena Varga & trains"
    assert iv.url == "http://www.interfax.com/interview.asp?id=42" and iv.interview_id == 42
    given = parse_html(page(head), url="https://interfax.com/newsroom/exclusive-interviews/7/")
    assert given.interview_id == 7  # the caller's address wins


def test_the_heads_title_wins_over_an_icons_title_which_stands_in_when_there_is_none() -> None:
    icon = "<svg style='display:none'><title>Menu icon</title></svg>"
    body = f"<body>{icon}<p>Text</p></body>"
    with_head = read_html(f"<html><head><title>Page</title></head>{body}</html>")
    assert with_head.page.page_title == "Page"
    assert [b.text for b in with_head.page.blocks] == ["Text"]
    assert read_html(f"<html><head></head>{body}</html>").page.page_title == "Menu icon"


def test_nothing_after_the_end_of_the_root_element_is_read() -> None:
    html = "<html><body><p>Kept</p></body></html><p>Appended</p><link rel=canonical href='/c'>"
    document = read_html(html)
    assert [b.text for b in document.page.blocks] == ["Kept"]
    assert document.canonical is None


def test_threads_reading_pages_at_once_get_what_one_thread_gets() -> None:
    rng = random.Random(7)
    texts = [demo_page(), *(render_html(demo_page(), rng).html for _ in range(3))]
    pages = [text if text.startswith("<") else f"<pre>{text}</pre>" for text in texts] * 8
    alone = [read_html(page) for page in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(read_html, pages))
    assert together == alone


def test_og_url_when_there_is_no_canonical_link() -> None:
    head = (
        '<meta property="og:url" content="https://interfax.com/newsroom/exclusive-interviews/873/">'
    )
    assert parse_html(page(head)).interview_id == 873


def test_no_title_no_address() -> None:
    iv = parse_html(page())
    assert (iv.page_title, iv.url, iv.interview_id) == (None, None, None)


def test_headline_links_resolve_against_the_address() -> None:
    html = page(
        h1="<a href='/news.asp?id=1'>Rail freight grows</a>",
        h2="<a href='day.asp'>02/25</a> <a href='news.asp?id=2'>Port strike ends</a>",
    )
    html = html.replace("02/25 18:40&nbsp; ", "")
    html = html.replace("<a href='day.asp'>02/25</a>", "<a href='day.asp'>02/25 18:40</a>")
    iv = parse_html(html, url="http://www.interfax.com/interview.asp?id=5")
    assert [h.url for h in iv.headlines] == [
        "http://www.interfax.com/news.asp?id=1",
        "http://www.interfax.com/news.asp?id=2",
    ]
    base = '<base href="https://example.org/mirror/">'
    mirrored = parse_html(page(base, h1="<a href='n/1'>Rail freight grows</a>"))
    assert mirrored.headlines[0].url == "https://example.org/mirror/n/1"
    unresolved = parse_html(page(h1="<a href='n/1'>Rail freight grows</a>"))
    assert unresolved.headlines[0].url == "n/1"


def test_a_ticker_line_whose_links_are_not_its_headline_takes_the_first() -> None:
    # (One linking the headline itself wins: see the test above.)
    html = page(h1="<a href='/a'>Rail</a> <a href='/b'>freight grows</a>")
    assert [h.url for h in parse_html(html).headlines] == ["/a", None]


def test_a_link_around_the_whole_ticker_line_counts() -> None:
    html = page().replace(
        "02/25 18:44&nbsp; Rail freight grows",
        "<a href='/n/1'>02/25 18:44&nbsp; Rail freight grows (Part 2)</a>",
    )
    iv = parse_html(html)
    assert (iv.headlines[0].text, iv.headlines[0].part, iv.headlines[0].url) == (
        "Rail freight grows",
        2,
        "/n/1",
    )


def test_teaser_links_and_titles() -> None:
    phrase = "Tomas Brenner"
    html = page(
        t1=f"<a href='/interview.asp?id=11'>{phrase}</a>{TEASER[len(phrase) :]}",
        t2=f"<a href='/interview.asp?id=12' title='Moor: airports first'>{TEASER2}</a>",
    )
    iv = parse_html(html, url="http://interfax.com/interview.asp?id=1")
    assert [(r.url, r.title) for r in iv.related] == [
        ("http://interfax.com/interview.asp?id=11", phrase),
        ("http://interfax.com/interview.asp?id=12", "Moor: airports first"),
    ]
    whole = parse_html(page(t1=f"<a href='/i/11'>{TEASER}</a>"))
    assert (whole.related[0].url, whole.related[0].title) == ("/i/11", None)
    assert whole.related[1].url is None and whole.related[1].title is None


def test_links_elsewhere_stay_on_the_page_only() -> None:
    html = page().replace("Answer: Soon.", "Answer: <a href='/x'>Soon</a>.")
    document = read_html(html)
    assert document.page.links == (Link(text="Soon", href="/x", title=None, line=16),)
    assert [b.text for b in document.page.blocks if b.line == 16] == ["Answer: Soon."]
    iv = parse_html(html)
    assert all(h.url is None for h in iv.headlines) and all(r.url is None for r in iv.related)


def test_html_equals_text_apart_from_what_html_adds() -> None:
    html = page('<title>T</title><link rel="canonical" href="/interview.asp?id=3">')
    from_html = parse_html(html)
    from_text = parse_text(html_to_text(html))
    assert from_html.page_title == "T" and from_html.interview_id == 3
    assert from_text == attrs.evolve(from_html, page_title=None, url=None, interview_id=None)


# -- the demo, and parse() telling HTML from text ---------------------------------


def test_the_demo_as_html() -> None:
    text = demo_page()
    for seed in range(5):
        html = render_html(text, random.Random(seed), interview=demo_interview())
        assert html.expected is not None
        assert parse_html(html.html) == html.expected
        assert parse(html.html) == html.expected


@pytest.mark.parametrize(
    ("source", "is_html"),
    [
        ("<!DOCTYPE html><html><body></body></html>", True),
        ("  \n<!-- saved --><html lang='en'>", True),
        ("<HTML><BODY>", True),
        ("<div class='x'>a</div>", True),
        ("<p>a</p>", True),
        ("\ufeff<head><title>t</title></head>", True),
        ("Saved page\n<html>\n<body>", True),
        (b"\xef\xbb\xbf<!doctype html>", True),
        ("<html>".encode("utf-16"), True),
        ("<html>".encode("utf-32-be").join([b"\x00\x00\xfe\xff", b""]), True),
        ("Subscription and demo access\n\nAbout Interfax", False),
        ("<<<>>>\x00\x01", False),
        ("Question: is 1 < 2 and <b> a tag?", False),
        ("", False),
    ],
)
def test_looks_like_html(source: str | bytes, is_html: bool) -> None:
    assert looks_like_html(source) is is_html


def test_parse_reads_html_given_as_text_bytes_or_utf16() -> None:
    html = page("<title>T</title>")
    expected = parse_html(html)
    assert parse(html) == expected
    assert parse(html.encode("utf-8")) == expected
    assert parse(html.encode("utf-16")) == expected
    assert parse(html.encode("utf-32")) == expected
    assert parse(html.encode("utf-8-sig")) == expected


# -- anything goes in, only a ParseError comes out --------------------------------------


def parse_or_error(source: str | bytes) -> object:
    try:
        return parse_html(source)
    except ParseError as error:
        return error


@given(st.text())
def test_any_markup_parses_or_raises_parse_error(text: str) -> None:
    parse_or_error("<html><body>" + text)
    parse_or_error(text)


@given(st.binary())
def test_any_bytes_as_html_parse_or_raise_parse_error(data: bytes) -> None:
    parse_or_error(b"<!DOCTYPE html>" + data)


@given(
    st.lists(
        st.sampled_from(
            [
                "<div>",
                "</div>",
                "<p>",
                "<td>",
                "<br>",
                "x",
                "<a href=y>",
                "</a>",
                "<table>",
                "<tr>",
                "<!--",
                "-->",
                "<script>",
                "&nbsp;",
                "<pre>",
                "\n",
            ]
        ),
        max_size=60,
    )
)
def test_tag_soup_renders(parts: list[str]) -> None:
    document = read_html("".join(parts))
    assert all(b.text and b.gap >= 0 for b in document.page.blocks)
    assert [b.line for b in document.page.blocks] == sorted({b.line for b in document.page.blocks})


def test_deep_nesting_and_a_large_document() -> None:
    deep = "<div>" * 1500 + "<p>Question: deep?</p>" + "</div>" * 1500
    assert [b.text for b in read_html(deep).page.blocks] == ["Question: deep?"]
    big = "<html><body>" + "<div><p>Answer: <b>more</b> text</p><br></div>" * 20_000
    assert len(read_html(big.encode()).page.blocks) == 20_000


def test_explain_reads_html_as_parse_does() -> None:
    from interfax_parse.explain import explain

    html = page("<title>T</title>")
    report = explain(html.encode())
    assert "interview-asp" in report and "Question: When?" in report
    assert "<div>" not in report


def test_a_parsel_selector_reads_as_its_markup_does() -> None:
    rng = random.Random(11)
    for _ in range(5):
        html = render_html(demo_page(), rng).html
        assert read_html(Selector(text=html)) == read_html(html)
        assert parse(Selector(text=html)) == parse_html(html)
    body = (
        "<html><body><div><p>Outside</p></div><article><p>One</p><p>Two</p></article></body></html>"
    )
    article = Selector(text=body).css("article")[0]
    assert [b.text for b in read_html(article).page.blocks] == ["One", "Two"]
    commented = Selector(text="<p>a<!-- note -->b<?pi x?>c</p>")
    assert [b.text for b in read_html(commented).page.blocks] == ["abc"]
