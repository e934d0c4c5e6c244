"""The top of a page as every template asks about it, scanned once per page.

Choosing a template scores the same page with every template, and the old
site's reader then walks the same preamble again: each asked of the same
blocks whether they are ticker lines (``02/25 18:44 ...``) or the long date
(``July 01, 2016``). `scan_page` answers once per page (profiled: these
repeated tests were most of a score and a good part of the preamble).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..blocks import Block
from ..grammar.dates import parse_long_date
from ..grammar.ticker import TickerLine, parse_ticker_line
from .base import once_per_page

__all__ = ["PageScan", "scan_page"]

_TICKER_HEAD = 60
"""Old-site chrome looks for ticker lines among the first 60 blocks."""


class PageScan:
    """Where a page's ticker lines and first long date stand.

    The scan runs from the top until the first long date, and on past it
    (to block 60 at most) only while no ticker line has been seen; what lies
    beyond is read on demand, so the answers hold for any range.
    """

    __slots__ = ("_blocks", "_long_date", "_scanned", "_tickers")

    def __init__(self, blocks: Sequence[Block]) -> None:
        tickers: list[tuple[int, TickerLine]] = []
        long_date: int | None = None
        scanned = len(blocks)
        for index, block in enumerate(blocks):
            if long_date is not None and (tickers or index >= _TICKER_HEAD):
                scanned = index
                break
            text = block.text
            line = parse_ticker_line(text)
            if line is not None:
                tickers.append((index, line))
            elif long_date is None and parse_long_date(text) is not None:
                long_date = index
        self._blocks = blocks
        self._tickers = tickers
        self._long_date = long_date
        self._scanned = scanned

    def tickers_before(self, limit: int) -> Iterator[tuple[int, TickerLine]]:
        """Every ticker line among the first `limit` blocks, with its index, in order."""
        # A list, not a generator: resuming one per line cost more (profiled).
        tickers = self._tickers
        found = [entry for entry in tickers if entry[0] < limit]  # in index order
        if len(found) == len(tickers):  # the scan may not have reached `limit`
            blocks = self._blocks
            for index in range(self._scanned, min(limit, len(blocks))):
                line = parse_ticker_line(blocks[index].text)
                if line is not None:
                    found.append((index, line))
        return iter(found)

    def has_ticker_before(self, limit: int) -> bool:
        """Whether a ticker line stands among the first `limit` blocks."""
        if self._tickers:  # the first one stands inside the scan, before any unscanned block
            return self._tickers[0][0] < limit
        return next(self.tickers_before(limit), None) is not None

    def long_date_before(self, limit: int) -> int | None:
        """The index of the first long date if it stands among the first `limit` blocks."""
        # The scan stops only past a long date: without one, it saw the whole page.
        found = self._long_date
        return found if found is not None and found < limit else None


@once_per_page  # every template asks about the same page in turn
def scan_page(blocks: Sequence[Block]) -> PageScan:
    """The scan of a page's blocks, made once per page.

    >>> from interfax_parse.blocks import split_blocks
    >>> blocks = tuple(split_blocks("Customer Login\\n02/25 18:44 Rail grows\\nJuly 01, 2016\\n"))
    >>> scan = scan_page(blocks)
    >>> [i for i, _ in scan.tickers_before(60)], scan.long_date_before(90)
    ([1], 2)
    """
    return PageScan(blocks)
