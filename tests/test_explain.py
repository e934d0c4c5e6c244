"""`explain_page` shows scores, zones and warnings."""

from __future__ import annotations

from pathlib import Path

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


def test_explain_command_on_both_seeds() -> None:
    import io

    from interfax_parse.cli import main

    for page in fixture_pages("seeds"):
        out, err = io.StringIO(), io.StringIO()
        assert main(["explain", str(page.path)], stdout=out, stderr=err) == 0
        assert "Chosen: interview-asp-20" in out.getvalue()
        assert "footer" in out.getvalue() and err.getvalue() == ""


def test_explain_command_reports_a_bad_file(tmp_path: Path) -> None:
    import io

    from interfax_parse.cli import main

    bad = tmp_path / "bad.txt"
    bad.write_text("nothing here")
    err = io.StringIO()
    assert main(["explain", str(bad)], stdout=io.StringIO(), stderr=err) == 1
    assert "NotAnInterviewError" in err.getvalue()


def test_parse_can_print_warnings() -> None:
    import io

    from interfax_parse.cli import main

    page = fixture_pages("asp")[0]
    err = io.StringIO()
    code = main(["parse", "-q", "--warnings", str(page.path)], stdout=io.StringIO(), stderr=err)
    assert code == 0
    assert f"{page.path}: warning: truncated: the page ends before its footer" in err.getvalue()
