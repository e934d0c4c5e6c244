"""The HTML reader's fast paths give exactly what the formulations they replaced gave.

Each replaced formulation is copied here and compared with the module's on
arbitrary input: the link texts and titles repaired and normalised in one pass
(`_clean_all`) against one call per text, repairs counted and shown in the
same order; the blocks and line numbers computed from the few lines that carry
flags against a loop over every line.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from interfax_parse.blocks import Block, normalize_space
from interfax_parse.decode import mojibake_warning
from interfax_parse.html import (
    _P,
    _S,
    _clean,
    _clean_all,
    _render_text,
    _Rendered,
    _Repairs,
    read_html,
)

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
