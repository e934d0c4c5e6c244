"""A griffe extension: doctest examples in docstrings render as code blocks.

The library's docstrings carry runnable ``>>>`` examples (pytest runs them).
Markdown would read them as paragraphs; this fences each run of doctest lines
(the ``>>>``/``...`` lines and the output lines after them) as ``pycon``.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence(text: str) -> str:
    """Wrap every doctest run of `text` in a fenced ``pycon`` block."""
    out: list[str] = []
    in_example = False
    for line in text.split("\n"):
        starts = line.lstrip().startswith(">>>")
        if starts and not in_example:
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence doctest examples in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence(obj.docstring.value)
