"""Fuzzing: garbage, mutated pages and huge inputs never crash and stay linear.

The default hypothesis profile runs these quickly with the rest of the suite;
CI runs this file again under the ``fuzz`` profile (thousands of examples):
``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import gc
import html
import time
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from interfax_parse import Interview, ParseError, get_template, parse, parse_html
from interfax_parse.demo import demo_page
from interfax_parse.testing.relations import prefix_violations
from interfax_parse.testing.strategies import interviews

TEMPLATES = ("interview-asp-2018", "interview-asp-2020")


def parse_or_error(source: str | bytes) -> Interview | ParseError:
    """Parse; only a ParseError may escape (anything else fails the test)."""
    try:
        return parse(source)
    except ParseError as error:
        return error


@given(st.text())
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    parse_or_error(text)


@given(st.binary())
def test_any_bytes_parse_or_raise_parse_error(data: bytes) -> None:
    parse_or_error(data)


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A rendered page with blocks deleted, duplicated, swapped or garbage inserted."""
    name = draw(st.sampled_from(TEMPLATES))
    lines = get_template(name).render(draw(interviews(name))).split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not lines:
            break
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(("delete", "duplicate", "swap", "garbage")))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            lines.insert(at, draw(st.text(max_size=80)))
    page = "\n".join(lines)
    return page[: draw(st.integers(min_value=0, max_value=len(page)))]


@given(mutated_pages())
def test_mutated_pages_parse_deterministically(page: str) -> None:
    first, second = parse_or_error(page), parse_or_error(page)
    if isinstance(first, Interview):
        assert first == second
    else:
        assert type(first) is type(second) and str(first) == str(second)


@given(data=st.data())
def test_any_cut_is_prefix_consistent(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(TEMPLATES))
    full = data.draw(interviews(name))
    page = get_template(name).render(full)
    part = parse_or_error(page[: data.draw(st.integers(min_value=0, max_value=len(page)))])
    if isinstance(part, Interview):
        assert prefix_violations(part, full) == []


def _page_of_size(size: int) -> str:
    head, tail = demo_page().split("Q.: Shippers")
    exchange = (
        "Q.: Is the corridor ready?\n\nA.: "
        + "The corridor will carry freight before winter and tariffs are under review. " * 5
        + "\n\n"
    )
    return head + exchange * (size // len(exchange)) + "Q.: Shippers" + tail


def _html_of_size(size: int) -> bytes:
    """The same page as HTML: a ``<p>`` per paragraph, in a ``<div>``, with a
    script and a style that print nothing."""
    paragraphs = "".join(
        f"<p>{html.escape(p)}</p>\n" for p in _page_of_size(size).split("\n\n") if p.strip()
    )
    return (
        "<html><head><title>T</title><style>p{margin:0}</style></head><body>"
        f"<script>var a = 1;</script><div>{paragraphs}</div></body></html>"
    ).encode()


def _best_time(source: str | bytes, function: Callable[[str | bytes], object] = parse) -> float:
    """The best of three runs, with the garbage collector out of the way."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            function(source)
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def test_time_is_linear_in_page_size() -> None:
    """A page 16x larger takes about 16x as long; quadratic would be 256x.

    The bound, 64x, is generous so that a loaded shared machine cannot fail it.
    """
    small, large = _page_of_size(250_000), _page_of_size(4_000_000)
    assert _best_time(large) < 64 * _best_time(small)


def test_html_time_is_linear_in_page_size() -> None:
    """The HTML path too: 16x the size, at most 64x the time (quadratic: 256x)."""
    small, large = _html_of_size(250_000), _html_of_size(4_000_000)
    assert parse_html(small).turns == parse(_page_of_size(250_000)).turns
    assert _best_time(large, parse_html) < 64 * _best_time(small, parse_html)


def test_a_ten_megabyte_page_parses() -> None:
    interview = parse(_page_of_size(10_000_000))
    assert len(interview.turns) > 40_000 and interview.capture_year == 2020
