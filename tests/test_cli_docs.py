"""`docs/cli.md` shows each command's --help exactly as the program prints it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interfax_parse.cli import main

CLI_DOC = Path(__file__).parent.parent / "docs" / "cli.md"
_HELP_BLOCK = re.compile(r"^\$ interfax-parse (\w+) --help\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _help(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main([command, "--help"]) == 0
    return capsys.readouterr().out


def test_every_command_has_its_help_in_the_docs() -> None:
    documented = {m.group(1) for m in _HELP_BLOCK.finditer(CLI_DOC.read_text(encoding="utf-8"))}
    assert documented >= {"parse", "corpus", "explain"}


def test_documented_help_is_current(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for match in _HELP_BLOCK.finditer(CLI_DOC.read_text(encoding="utf-8")):
        assert match.group(2) == _help(match.group(1), capsys), match.group(1)
