"""Bad input gets a specific ParseError; strict mode raises on the first anomaly."""

from __future__ import annotations

import pytest

from fixture_pages import fixture_pages
from interfax_parse import (
    NotAnInterviewError,
    ParseError,
    StrictModeError,
    UndecodableInputError,
    UnknownTemplateError,
    WarningCode,
    parse,
)
from interfax_parse.demo import demo_page


@pytest.mark.parametrize("text", ["", "   \n\n", "hello world", "<<<>>>\x00\x01"])
def test_not_an_interview(text: str) -> None:
    with pytest.raises(NotAnInterviewError) as raised:
        parse(text)
    assert raised.value.missing == ("date line", "turn label", "ticker line")
    assert "not an Interfax interview page" in str(raised.value)


def test_interview_without_known_chrome_is_an_unknown_template() -> None:
    page = "Somewhere Else Weekly\n\n4 Feb 2031\n\nQuestion: Why?\n\nAnswer: Because.\n"
    with pytest.raises(UnknownTemplateError) as raised:
        parse(page)
    assert set(raised.value.tried) >= {"interview-asp-2018", "interview-asp-2020"}
    assert all(score == 0.0 for score in raised.value.tried.values())
    assert "interview-asp-2020: 0.00" in str(raised.value)


def test_undecodable_bytes() -> None:
    # 0x98 is undefined in Windows-1251, 0x81 and 0x8d in Windows-1252.
    with pytest.raises(UndecodableInputError):
        parse(b"Question: \x98\x81\x8d?")


def test_bom_is_honoured() -> None:
    data = demo_page().encode("utf-8-sig")
    assert parse(data) == parse(demo_page())
    assert parse(demo_page().encode("utf-16")) == parse(demo_page())


def test_strict_raises_on_first_warning() -> None:
    (page,) = [p for p in fixture_pages("asp") if p.path.stem == "interview-asp-133824"]
    text = page.path.read_text(encoding="utf-8")
    lenient = parse(text)
    assert lenient.warnings
    with pytest.raises(StrictModeError) as raised:
        parse(text, strict=True)
    assert raised.value.warning == lenient.warnings[0]
    assert isinstance(raised.value, ParseError)


def test_strict_passes_a_clean_page() -> None:
    assert parse(demo_page(), strict=True).warnings == ()


def test_unclaimed_text_is_kept_and_reported() -> None:
    page = demo_page().replace("Customer Login", "Customer Login\nA stray line of chrome")
    iv = parse(page)
    assert iv.unclaimed == ("A stray line of chrome",)
    (warning,) = [w for w in iv.warnings if w.code is WarningCode.UNCLAIMED_TEXT]
    assert warning.line == 8


def test_cut_label_on_a_truncated_page_is_not_read_as_text() -> None:
    page = demo_page()
    cut = page[: page.index("Q.: Shippers") + 2]
    iv = parse(cut)
    assert iv.unclaimed == ("Q.",)
    assert not any(p == "Q." for t in iv.turns for p in t.paragraphs)


def test_normalize_quotes() -> None:
    (page,) = [p for p in fixture_pages("seeds") if p.path.name.startswith("000_")]
    iv = parse(page.path.read_bytes(), normalize_quotes=True)
    assert (
        iv.title
        == "Jens Stoltenberg: Ball is in Russia's court in returning to partnership with NATO"
    )
    assert iv.lede is not None and "Interfax's correspondent" in iv.lede
    assert "’" not in iv.turns[1].text and "‘" not in iv.turns[1].text
