"""``docs/templates.md`` lists every built-in template with its generated example page."""

from __future__ import annotations

import pytest

from docs_examples import DOC, EXAMPLE_BLOCK, example, page, rewrite
from interfax_parse import parse, templates

BUILT_IN = ["interview-asp-2018", "interview-asp-2020", "newsroom"]


def test_docs_show_one_example_per_built_in_template() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert [m.group("name") for m in EXAMPLE_BLOCK.finditer(doc)] == BUILT_IN
    assert set(BUILT_IN) <= set(templates())
    for name in BUILT_IN:
        assert f"| `{name}` |" in doc


def test_docs_examples_are_the_current_renderings() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert rewrite(doc) == doc, "run `python tests/docs_examples.py` and review the diff"


@pytest.mark.parametrize("name", BUILT_IN)
def test_example_pages_parse_back_with_their_template(name: str) -> None:
    interview = parse(page(name))
    assert interview.template == name
    assert interview == example(name)
