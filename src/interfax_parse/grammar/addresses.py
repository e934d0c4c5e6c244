"""Page addresses: which are interview pages, and their numeric ids."""

from __future__ import annotations

import re

__all__ = ["interview_id", "is_interview_url"]

_ASP_ID = re.compile(r"interview\.asp\?(?:[^#]*&)?id=(\d+)", re.IGNORECASE)
_NEWSROOM_ID = re.compile(r"/exclusive-interviews/(\d+)(?:/|\Z|[?#])", re.IGNORECASE)
_INTERVIEW_URL = re.compile(
    r"\Ahttps?://(?:www\.)?interfax\.com/(?:interview\.asp\?|newsroom/exclusive-interviews/[^/?#]+)",
    re.IGNORECASE,
)


def interview_id(url: str) -> int | None:
    """The id of ``interview.asp?id=N`` or of ``.../exclusive-interviews/N/``.

    >>> interview_id("http://www.interfax.com/interview.asp?id=685353")
    685353
    >>> interview_id("https://interfax.com/newsroom/exclusive-interviews/873/")
    873
    >>> interview_id("https://interfax.com/newsroom/exclusive-interviews/john-sullivan/") is None
    True
    """
    match = _ASP_ID.search(url) or _NEWSROOM_ID.search(url)
    return int(match.group(1)) if match else None


def is_interview_url(url: str) -> bool:
    """Whether an address is an Interfax interview page (old site or newsroom).

    >>> is_interview_url("http://interfax.com/interview.asp?id=133822")
    True
    >>> is_interview_url("http://interfax.com/news.asp?id=1")
    False
    """
    return _INTERVIEW_URL.match(url) is not None
