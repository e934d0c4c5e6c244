"""Interview dates as the sites print them.

The old site prints ``July 01, 2016``; the newsroom site prints ``4 Feb 2021``.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "LONG_DATE",
    "MONTHS",
    "format_long_date",
    "format_short_date",
    "parse_long_date",
    "parse_short_date",
]

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3].lower(): n for name, n in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["sept"] = 9

_MONTH_NAMES = "|".join(MONTHS)
LONG_DATE = re.compile(rf"\b({_MONTH_NAMES}) (\d{{1,2}}), (\d{{4}})\b")
"""A ``Month DD, YYYY`` date anywhere in a line (used for dated headlines)."""
_LONG_LINE = re.compile(rf"({_MONTH_NAMES}) (\d{{1,2}}), (\d{{4}})")
_SHORT_LINE = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})")


def _make(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_long_date(line: str) -> dt.date | None:
    """Read a line that is exactly an old-site date, ``July 01, 2016``.

    >>> parse_long_date("July 01, 2016")
    datetime.date(2016, 7, 1)
    >>> parse_long_date("July 01, 2016 was a Friday") is None
    True
    """
    # ``May 1, 2016`` to ``September 30, 2016``: the length test first, as
    # most lines asked are paragraphs.
    if not 11 <= len(line) <= 18:
        return None
    match = _LONG_LINE.fullmatch(line)
    if match is None:
        return None
    month, day, year = match.groups()
    return _make(year, _MONTH_NUMBER[month.lower()], day)


def parse_short_date(line: str) -> dt.date | None:
    """Read a line that is exactly a newsroom date, ``4 Feb 2021``.

    >>> parse_short_date("4 Feb 2021")
    datetime.date(2021, 2, 4)
    """
    if not 10 <= len(line) <= 18:  # ``4 Feb 2021`` to ``30 September. 2021``
        return None
    match = _SHORT_LINE.fullmatch(line)
    if match is None:
        return None
    day, month, year = match.groups()
    return _make(year, _MONTH_NUMBER.get(month.lower()), day)


def format_long_date(date: dt.date) -> str:
    """Print a date the way the old site does: ``July 01, 2016``."""
    return f"{MONTHS[date.month - 1]} {date.day:02d}, {date.year}"


def format_short_date(date: dt.date) -> str:
    """Print a date the way the newsroom site does: ``4 Feb 2021``."""
    return f"{date.day} {MONTHS[date.month - 1][:3]} {date.year}"
