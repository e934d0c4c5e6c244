"""Every block of a page lands in exactly one place (see testing/accounting.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import ParseError, Zone, get_template
from interfax_parse.api import read_page_detailed
from interfax_parse.blocks import split_blocks
from interfax_parse.decode import decode
from interfax_parse.templates.base import Page
from interfax_parse.testing.accounting import accounting_violations
from interfax_parse.testing.noise import noisy
from interfax_parse.testing.strategies import interviews

TEMPLATES = ["interview-asp-2018", "interview-asp-2020", "newsroom"]


def _check(text: str) -> None:
    page = Page(blocks=tuple(split_blocks(text)))
    try:
        reading = read_page_detailed(page)
    except ParseError:
        return
    assert accounting_violations(page, reading) == []


@pytest.mark.parametrize(
    "fixture", fixture_pages("seeds") + fixture_pages("asp"), ids=lambda p: p.id
)
def test_fixture_pages_account_for_every_block(fixture: FixturePage) -> None:
    text = decode(fixture.path.read_bytes())
    page = Page(blocks=tuple(split_blocks(text)))
    reading = read_page_detailed(page)
    assert accounting_violations(page, reading) == []
    assert Zone.UNCLAIMED not in reading.zones


@pytest.mark.parametrize("name", TEMPLATES)
@given(data=st.data())
def test_generated_pages_account_for_every_block(name: str, data: st.DataObject) -> None:
    page = data.draw(noisy(get_template(name).render(data.draw(interviews(name)))))
    _check(page)
    _check(page[: data.draw(st.integers(min_value=0, max_value=len(page)))])


def test_a_misplaced_block_is_caught() -> None:
    """The check itself fails when a zone lies about its block."""
    text = fixture_pages("seeds")[0].path.read_text(encoding="utf-8")
    page = Page(blocks=tuple(split_blocks(text)))
    reading = read_page_detailed(page)
    zones = list(reading.zones)
    first_turn = zones.index(Zone.TURN)
    zones[first_turn] = Zone.FOOTER
    broken = type(reading)(interview=reading.interview, zones=tuple(zones))
    assert accounting_violations(page, broken)
