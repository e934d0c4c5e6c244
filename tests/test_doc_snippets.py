"""Every Python example in the README and the docs runs.

The ```python blocks of one page run in order in one namespace, in a
temporary working directory. A block whose first line is
``# requires: NAME`` is skipped when the module NAME cannot be imported.
The template registry is restored after each page.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

from interfax_parse.templates import registry

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
_BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_REQUIRES = re.compile(r"# requires: ([\w.]+)")


def _blocks(page: Path) -> list[str]:
    return _BLOCK.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(registry, "_registry", dict(registry.templates()))
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for number, block in enumerate(_blocks(page)):
        needs = _REQUIRES.findall(block.split("\n", 1)[0])
        if any(importlib.util.find_spec(name) is None for name in needs):
            continue
        code = compile(block, f"{page.name}[{number}]", "exec")
        exec(code, namespace)
    os.chdir(ROOT)
