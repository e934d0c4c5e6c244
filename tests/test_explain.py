"""`explain_page` shows scores, zones and warnings."""

from __future__ import annotations

from fixture_pages import fixture_pages
from interfax_parse.blocks import split_blocks
from interfax_parse.explain import explain_page
from interfax_parse.templates.base import Page


def _page(folder: str, index: int) -> Page:
    text = fixture_pages(folder)[index].path.read_text(encoding="utf-8")
    return Page(blocks=tuple(split_blocks(text)))


def test_explain_a_complete_seed() -> None:
    report = explain_page(_page("seeds", 1))
    assert "1.00  interview-asp-2018: its own footer (2018)" in report
    assert "Chosen: interview-asp-2018" in report
    assert "title       Cooperation on Afghanistan" in report
    assert "ticker      01/17 05:05 Russia political and economic calendar" in report
    assert "Result: 10 turns, 9 headlines, 7 teasers, 0 unclaimed blocks" in report
    assert report.rstrip().endswith("Warnings (0):")


def test_explain_a_truncated_page_lists_its_warnings() -> None:
    report = explain_page(_page("asp", 0))
    assert "template-guessed:" in report and "truncated:" in report
