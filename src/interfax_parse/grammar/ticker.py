"""The news ticker: ``MM/DD HH:MM  Headline text (Part 2)`` lines, and their years.

Ticker lines print no year. `assign_years` gives each line one from a
single anchor (the capture year of the newest line, or a dated line such as
``Daily Headline News for May 21, 2018``), stepping back a year wherever the
month rises going down the list (December below January).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .dates import LONG_DATE, MONTHS

__all__ = [
    "MOSCOW",
    "TickerLine",
    "assign_years",
    "dated_line_year",
    "format_ticker_line",
    "parse_ticker_line",
    "to_datetime",
]

MOSCOW = ZoneInfo("Europe/Moscow")
"""The agency's clock: ticker stamps are Moscow time."""

_LINE = re.compile(r"(\d\d)/(\d\d) (\d\d):(\d\d) (.+)")
_PART = re.compile(r"\([Pp]art (\d+)\)\Z")
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_DAY = {f"{m:02d}/{d:02d}": (m, d) for m in range(1, 13) for d in range(1, 32)}
_HOUR_MINUTE = {f"{h:02d}:{m:02d}": (h, m) for h in range(24) for m in range(60)}


class TickerLine(NamedTuple):
    """One ticker line, split into its printed parts."""

    stamp: str
    month: int
    day: int
    hour: int
    minute: int
    text: str
    part: int | None


_new_line = tuple.__new__  # `TickerLine._make` without its Python frame


def parse_ticker_line(line: str) -> TickerLine | None:
    """Split a normalised ticker line, or return None if the line is not one.

    >>> line = parse_ticker_line("02/25 18:44 Gazprom Neft to pay dividends - CFO (Part 2)")
    >>> line.stamp, line.month, line.day, line.hour, line.minute, line.text, line.part
    ('02/25 18:44', 2, 25, 18, 44, 'Gazprom Neft to pay dividends - CFO', 2)
    """
    if line[2:3] != "/":  # cheaper than the match on the many lines that are not
        return None
    # A stamp of ASCII digits in range is looked up whole, ``02/25`` and
    # ``18:44``; the pattern and `int` only for the rest (profiled: a third
    # of the line's cost, fifteen lines a page).
    month_day = _MONTH_DAY.get(line[:5])
    hour_minute = _HOUR_MINUTE.get(line[6:11])
    text = line[12:]
    if (
        month_day is None
        or hour_minute is None
        or line[5] != " "
        or line[11:12] != " "
        or not text
        or "\n" in text  # what `.` does not match
    ):
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        month, day, hour, minute = map(int, match.group(1, 2, 3, 4))
        if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59):
            return None
        text = match[5]
    else:
        month, day = month_day
        hour, minute = hour_minute
    part = None
    # ``(Part N)`` holds no parenthesis: it can only open at the last one.
    opening = text.rfind("(") if text[-1] == ")" else -1
    part_match = _PART.match(text, opening) if opening >= 0 else None
    if part_match is not None:
        start = len(text[:opening].rstrip())  # where the spaces before it start
        if start > 0:
            part = int(part_match.group(1))
            text = text[:start]
    return _new_line(TickerLine, (line[:11], month, day, hour, minute, text, part))


def format_ticker_line(line: TickerLine, *, part_word: str = "Part") -> str:
    """Print a ticker line as the page does (NBSP and two spaces after the stamp)."""
    suffix = f" ({part_word} {line.part})" if line.part is not None else ""
    return f"{line.stamp}\xa0  {line.text}{suffix}"


def dated_line_year(line: TickerLine) -> int | None:
    """The year of a ticker line whose text prints its own full date.

    ``05/21 19:10  Daily Headline News for May 21, 2018`` gives 2018; a date
    that is not the stamp's own day says nothing and gives None.
    """
    for match in LONG_DATE.finditer(line.text):
        month, day, year = match.groups()
        if _MONTH_NUMBER[month] == line.month and int(day) == line.day:
            return int(year)
    return None


def assign_years(lines: Sequence[TickerLine], anchor_index: int, anchor_year: int) -> list[int]:
    """Give every line of a newest-first ticker a year.

    `anchor_year` is the year of ``lines[anchor_index]``; the others follow by
    stepping back one year wherever the month rises going down the list.

    >>> lines = [parse_ticker_line(s) for s in ("01/02 10:00 b", "12/31 23:00 a")]
    >>> assign_years(lines, 0, 2020)
    [2020, 2019]
    """
    rollovers = [0] * len(lines)
    for index in range(1, len(lines)):
        step = 1 if lines[index].month > lines[index - 1].month else 0
        rollovers[index] = rollovers[index - 1] + step
    newest_year = anchor_year + rollovers[anchor_index]
    return [newest_year - r for r in rollovers]


def to_datetime(line: TickerLine, year: int) -> dt.datetime | None:
    """The line's stamp in `year` as a Moscow datetime; None if no such day."""
    _, month, day, hour, minute, _, _ = line  # cheaper than its named fields
    try:
        # Seconds, microseconds and the zone given by position: the keyword
        # ``tzinfo=`` cost twice as much (profiled; fifteen headlines a page).
        return dt.datetime(year, month, day, hour, minute, 0, 0, MOSCOW)
    except ValueError:
        return None
