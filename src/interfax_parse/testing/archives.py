"""Generate WARC and WET archives of the project's own pages, for tests and benchmarks.

Nothing here downloads anything or needs a WARC library: records are written
by hand, one gzip member per record when compressed (as crawlers write them),
so tests can also build archives that are damaged on purpose.

The pages are the built-in demo interview (invented content) rendered by the
built-in templates, each under its own ``interview.asp?id=N`` address, mixed
with records an archive also holds and the parser must skip: a ``warcinfo``
header, ``request`` records, and pages at other addresses.

>>> import io
>>> from interfax_parse.testing.archives import sample_items, write_archive
>>> buffer = io.BytesIO()
>>> write_archive(buffer, sample_items(3, kind="conversion"), compress=True)
4
>>> buffer.getvalue()[:2] == b"\\x1f\\x8b"
True
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

import attrs

from ..demo import demo_interview
from ..templates.registry import get_template

__all__ = [
    "OTHER_PAGE",
    "ArchiveItem",
    "RecordKind",
    "interview_pages",
    "record_bytes",
    "sample_items",
    "write_archive",
]

RecordKind = Literal["warcinfo", "request", "response", "resource", "conversion", "metadata"]
"""The WARC record types the generator writes."""

OTHER_PAGE = "Markets close higher\n\nShares rose on Tuesday.\n"
"""The text of the non-interview pages `sample_items` mixes in."""

_BASE_DATE = dt.datetime(2020, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
_TEMPLATES = ("interview-asp-2018", "interview-asp-2020")


@attrs.frozen(kw_only=True)
class ArchiveItem:
    """One record to write: what `record_bytes` turns into a WARC record."""

    url: str
    """The ``WARC-Target-URI``."""
    body: bytes
    """The page's bytes (the HTTP payload of a ``response`` record)."""
    kind: RecordKind = "response"
    """The ``WARC-Type``."""
    date: dt.datetime = _BASE_DATE
    """The ``WARC-Date`` (written in UTC, to the second)."""
    content_type: str = "text/plain; charset=utf-8"
    """The HTTP ``Content-Type`` of a ``response`` record's payload."""
    status: int = 200
    """The HTTP status of a ``response`` record."""
    http_headers: tuple[tuple[str, str], ...] = ()
    """More HTTP headers of a ``response`` record. With a ``Transfer-Encoding``
    among them no ``Content-Length`` is written, and `body` is written as
    given (already encoded by the caller)."""
    record_id: str | None = None
    """The ``WARC-Record-ID`` without angle brackets; derived from the URL and
    date when ``None``."""


def _record_id(item: ArchiveItem) -> str:
    if item.record_id is not None:
        return item.record_id
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{item.kind} {item.url} {item.date}").urn


def record_bytes(item: ArchiveItem) -> bytes:
    """One uncompressed WARC/1.0 record: headers, block, and two CRLFs."""
    if item.kind in ("response", "request"):
        if item.kind == "response":
            fields = [("Content-Type", item.content_type), *item.http_headers]
            if not any(name.lower() == "transfer-encoding" for name, _ in fields):
                fields.append(("Content-Length", str(len(item.body))))
            reason = "OK" if item.status == 200 else "Other"
            lines = [f"HTTP/1.1 {item.status} {reason}", *(f"{k}: {v}" for k, v in fields)]
            head = "\r\n".join(lines) + "\r\n\r\n"
        else:
            head = "GET / HTTP/1.1\r\nHost: www.interfax.com\r\n\r\n"
        block = head.encode("latin-1") + item.body
        content_type = f"application/http; msgtype={item.kind}"
    elif item.kind == "warcinfo":
        block = item.body
        content_type = "application/warc-fields"
    else:
        block = item.body
        content_type = "text/plain" if item.kind == "conversion" else item.content_type
    stamp = item.date.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    headers = [
        "WARC/1.0",
        f"WARC-Type: {item.kind}",
        f"WARC-Date: {stamp}",
        f"WARC-Record-ID: <{_record_id(item)}>",
    ]
    if item.kind != "warcinfo":
        headers.append(f"WARC-Target-URI: {item.url}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def write_archive(
    target: str | os.PathLike[str] | BinaryIO,
    items: Iterable[ArchiveItem],
    *,
    compress: bool | None = None,
) -> int:
    """Write `items` as an archive to a path or binary stream; return the count.

    `compress` gzips each record as its own member; by default it is true when
    `target` is a path ending in ``.gz``. Items are written as they come, so
    a generator of items writes an archive of any size in flat memory.
    """
    if isinstance(target, (str, os.PathLike)):
        path = Path(target)
        with path.open("wb") as stream:
            gz = path.name.endswith(".gz") if compress is None else compress
            return write_archive(stream, items, compress=gz)
    count = 0
    for item in items:
        data = record_bytes(item)
        target.write(gzip.compress(data, mtime=0) if compress else data)
        count += 1
    return count


def interview_pages(count: int, *, start: int = 100001) -> Iterator[tuple[str, str]]:
    """`count` distinct interview pages as ``(address, text)``.

    Page ``i`` is the demo interview with ``(i)`` appended to its title,
    rendered by the built-in old-site templates in turn, at
    ``http://www.interfax.com/interview.asp?id=<start + i>``.
    """
    base = demo_interview()
    for index in range(count):
        name = _TEMPLATES[index % len(_TEMPLATES)]
        interview = attrs.evolve(base, template=name, title=f"{base.title} ({index})")
        url = f"http://www.interfax.com/interview.asp?id={start + index}"
        yield url, get_template(name).render(interview)


def sample_items(
    count: int,
    *,
    kind: Literal["response", "conversion"] = "response",
    other_every: int = 0,
    others: int = 1,
    request_records: bool = False,
    truncate_every: int = 0,
    warcinfo: bool = True,
) -> Iterator[ArchiveItem]:
    """The records of a generated crawl holding `count` interview pages.

    `kind` is ``response`` (a WARC of HTTP responses) or ``conversion`` (a
    WET of text extracts). With `other_every` N, `others` pages at
    non-interview addresses follow every Nth interview; `request_records` puts a ``request``
    record before each response; `truncate_every` N cuts every Nth page before
    its footer (as archives that keep a prefix do), so its capture year must
    come from the record's date. A ``warcinfo`` record comes first unless
    `warcinfo` is false. Record dates advance one minute per page.
    """
    if warcinfo:
        yield ArchiveItem(
            url="",
            kind="warcinfo",
            body=b"software: interfax-parse test generator\r\nformat: WARC File Format 1.0\r\n",
        )
    for index, (url, text) in enumerate(interview_pages(count)):
        date = _BASE_DATE + dt.timedelta(minutes=index)
        if truncate_every and index % truncate_every == truncate_every - 1:
            text = text[: text.index("©")].rstrip() + "\n"
        if request_records and kind == "response":
            yield ArchiveItem(url=url, kind="request", body=b"", date=date)
        yield ArchiveItem(url=url, kind=kind, body=text.encode("utf-8"), date=date)
        if other_every and index % other_every == other_every - 1:
            for number in range(others):
                other = f"http://www.interfax.com/news.asp?id={index}&n={number}"
                body = OTHER_PAGE.encode("utf-8")
                yield ArchiveItem(url=other, kind=kind, body=body, date=date)
