"""A one-line progress bar for long runs, drawn on a terminal's stderr.

No dependency: the line is redrawn in place with a carriage return at most
ten times a second, and erased when the run ends, so it never mixes with the
records on stdout or the summary line that follows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

__all__ = ["Progress"]


class Progress:
    """Pages done, pages per second and failures, on one redrawn line.

    Disabled (every call does nothing) unless `enabled`; the command line
    enables it when stderr is a terminal and ``--quiet`` is not given.
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        enabled: bool,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._enabled = enabled
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._drawn = 0.0
        self._width = 0

    def line(self, done: int, failed: int) -> str:
        """The text of the bar for `done` pages of which `failed` failed."""
        elapsed = max(self._clock() - self._start, 1e-9)
        return f"{done:,} pages | {done / elapsed:,.1f} pages/s | {failed:,} failed"

    def update(self, done: int, failed: int) -> None:
        """Redraw the bar if enough time has passed since the last draw."""
        if not self._enabled:
            return
        now = self._clock()
        if now - self._drawn < self._interval:
            return
        self._drawn = now
        text = self.line(done, failed)
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the bar."""
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
