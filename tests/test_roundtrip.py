"""Generated interviews survive rendering and parsing, with noise and truncation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interfax_parse import ParseError, from_json, get_template, parse_text, to_json
from interfax_parse.testing.noise import noisy
from interfax_parse.testing.relations import prefix_violations
from interfax_parse.testing.strategies import interviews

TEMPLATES = ["interview-asp-2018", "interview-asp-2020", "newsroom"]
OLD_SITE = TEMPLATES[:2]  # newsroom cuts have their own test (test_newsroom_render.py)


@pytest.mark.parametrize("name", TEMPLATES)
@given(data=st.data())
def test_render_then_parse_is_identity(name: str, data: st.DataObject) -> None:
    interview = data.draw(interviews(name))
    page = get_template(name).render(interview)
    assert parse_text(page) == interview


@pytest.mark.parametrize("name", TEMPLATES)
@given(data=st.data())
def test_noise_changes_nothing(name: str, data: st.DataObject) -> None:
    interview = data.draw(interviews(name))
    page = data.draw(noisy(get_template(name).render(interview)))
    assert parse_text(page) == interview


@pytest.mark.parametrize("name", OLD_SITE)
@given(data=st.data())
def test_truncated_page_gives_a_prefix(name: str, data: st.DataObject) -> None:
    interview = data.draw(interviews(name))
    page = get_template(name).render(interview)
    cut = data.draw(st.integers(min_value=0, max_value=len(page)))
    try:
        part = parse_text(page[:cut])
    except ParseError:
        return
    assert prefix_violations(part, interview) == []


@given(data=st.data())
def test_json_round_trip(data: st.DataObject) -> None:
    interview = data.draw(interviews(data.draw(st.sampled_from(TEMPLATES))))
    assert from_json(to_json(interview)) == interview
