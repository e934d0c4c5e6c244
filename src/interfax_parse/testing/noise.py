"""The noise archives add to a rendering, as a hypothesis strategy.

`noisy(text)` draws a variant of a page that must parse to the same result:
CRLF or CR line endings, non-breaking spaces for spaces, trailing spaces,
space-only "blank" lines, and extra blank lines where the page already has
a wide gap (a wide gap is layout; widening it changes nothing, while turning
a one-line gap into a wide one would change where teasers start).
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["noisy"]


@st.composite
def noisy(draw: st.DrawFn, text: str) -> str:
    """A noisy variant of `text` that reads the same."""
    lines = text.split("\n")
    out: list[str] = []
    blank_run = 0
    for line in lines:
        if not line.strip():
            blank_run += 1
            out.append(draw(st.sampled_from(("", "", " ", "\xa0", "\t"))))
            continue
        if blank_run >= 2:
            out.extend([""] * draw(st.integers(min_value=0, max_value=2)))
        blank_run = 0
        if draw(st.booleans()):
            words = line.split(" ")
            line = "".join(
                word + (draw(st.sampled_from((" ", "\xa0", "  "))) if i < len(words) - 1 else "")
                for i, word in enumerate(words)
            )
        if draw(st.booleans()):
            line += draw(st.sampled_from((" ", "\xa0", "\t", "  ")))
        out.append(line)
    newline = draw(st.sampled_from(("\n", "\r\n", "\r")))
    return newline.join(out)
