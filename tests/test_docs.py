"""The docs stay in step with the code."""

from __future__ import annotations

from pathlib import Path

from interfax_parse import WarningCode

DOCS = Path(__file__).parent.parent / "docs"


def test_every_warning_code_is_documented() -> None:
    text = (DOCS / "warnings.md").read_text(encoding="utf-8")
    assert all(f"`{code.value}`" in text for code in WarningCode)
