"""Stream interview records out of WARC and WET archives.

``iter_archive(path_or_stream)`` reads a ``.warc``, ``.warc.gz``, ``.wet`` or
``.wet.gz`` archive record by record and yields one `ArchiveRecord` per
Interfax interview record: its ``WARC-Record-ID``, its ``WARC-Target-URI``,
its ``WARC-Date`` and the result of `parse` on its payload, an `Interview` or
the `ParseError` that says why the payload could not be read. Response
records (HTTP payloads, HTML or text) and conversion records (the text of a
WET file) are parsed; every other record is skipped and counted in
`ArchiveCounts`. The record's address fills `Interview.url` and
`Interview.interview_id`; its date is passed as ``capture_date``, so it gives
the capture year when the page's own footer does not.

Damage never costs the records before it: a corrupt or truncated gzip
member, a record cut short, or bytes that are not a WARC record yield one
record whose result is an `ArchiveError`, and reading stops there.

Memory stays flat: one record's payload is held at a time. Reading needs the
optional ``warc`` extra (``pip install 'interfax-parse[warc]'``), which
installs FastWARC; ``docs/archives.md`` says why FastWARC and how fast.

Reading and parsing are two steps that can run in different processes:
`iter_payloads` reads (cheap), `parse_payload` parses (the work) and is a
pure, picklable function of an `ArchivePayload`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Literal

import attrs

from .api import parse
from .errors import ArchiveError, ParseError
from .grammar.addresses import is_interview_url
from .model import Interview

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

__all__ = [
    "ARCHIVE_SUFFIXES",
    "BACKEND",
    "ArchiveCounts",
    "ArchivePayload",
    "ArchiveRecord",
    "MissingBackendError",
    "is_archive_name",
    "iter_archive",
    "iter_payloads",
    "parse_payload",
]

BACKEND = "fastwarc"
"""The WARC library archives are read with (the ``warc`` extra installs it)."""

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
"""File name endings read as archives (compared without regard to case)."""

RecordKind = Literal["response", "resource", "conversion"]

_GZIP_MAGIC = b"\x1f\x8b"
_PAGE_TYPES = ("text/html", "text/plain", "application/xhtml+xml")
_ENCODED = re.compile(r"\b(?:gzip|deflate|br|compress|chunked)\b", re.IGNORECASE)
_TAIL_CHUNK = 1 << 16


class MissingBackendError(ImportError):
    """Reading archives needs the optional ``warc`` extra, which is not installed."""

    def __init__(self) -> None:
        super().__init__(
            f"reading WARC/WET archives needs {BACKEND}: pip install 'interfax-parse[warc]'"
        )


def is_archive_name(name: str) -> bool:
    """Whether a file name ends like an archive (``.warc``, ``.wet``, ``.gz`` of them).

    >>> is_archive_name("CC-MAIN-20200101.warc.wet.gz"), is_archive_name("page.txt")
    (True, False)
    """
    return name.lower().endswith(ARCHIVE_SUFFIXES)


@attrs.frozen(kw_only=True)
class ArchivePayload:
    """One interview record read from an archive, not yet parsed."""

    record_id: str | None
    """The ``WARC-Record-ID`` as written (``<urn:uuid:...>``)."""
    url: str
    """The ``WARC-Target-URI``: an Interfax interview address."""
    capture_date: dt.datetime | None
    """The ``WARC-Date``, timezone-aware (UTC); ``None`` if the record has none."""
    kind: RecordKind
    """The ``WARC-Type``: ``response``, ``resource`` or ``conversion``."""
    offset: int | None
    """Where the record starts in the file (the gzip member's offset in a
    compressed archive)."""
    body: bytes = attrs.field(repr=lambda body: f"<{len(body)} bytes>")
    """The page: the HTTP payload (transfer and content encodings undone) or
    the conversion's text."""
    charset: str | None = None
    """The charset the HTTP ``Content-Type`` declares, if any."""


@attrs.frozen(kw_only=True)
class ArchiveRecord:
    """One interview record of an archive and what parsing it gave.

    Unpacks as the triple ``(record_id, url, result)``::

        for record_id, url, result in iter_archive("crawl.warc.gz"): ...
    """

    record_id: str | None
    """The ``WARC-Record-ID`` as written; for damage between records, the
    last good record's id (or ``None`` when the damage comes first)."""
    url: str | None
    """The ``WARC-Target-URI``; ``None`` for damage between records."""
    capture_date: dt.datetime | None
    """The ``WARC-Date`` (UTC), if known."""
    result: Interview | ParseError
    """The interview, or why it could not be read (an `ArchiveError` for
    damage to the archive itself)."""
    kind: str | None = None
    """The ``WARC-Type`` of the record, when one was read."""
    offset: int | None = None
    """Where the record (or the damage) starts in the file, when known."""

    @property
    def ok(self) -> bool:
        """Whether the record parsed to an `Interview`."""
        return isinstance(self.result, Interview)

    @property
    def interview(self) -> Interview | None:
        """The interview, or ``None`` when the record failed."""
        return self.result if isinstance(self.result, Interview) else None

    @property
    def error(self) -> ParseError | None:
        """Why the record failed, or ``None`` when it parsed."""
        return self.result if isinstance(self.result, ParseError) else None

    def __iter__(self) -> Iterator[str | Interview | ParseError | None]:
        """``(record_id, url, result)``, so a record unpacks like a tuple."""
        return iter((self.record_id, self.url, self.result))


@attrs.define(kw_only=True)
class ArchiveCounts:
    """Running counts of what reading archives met; pass one to `iter_archive`.

    >>> counts = ArchiveCounts()
    >>> counts.skip("request record"); counts.skip("request record")
    >>> counts.skipped, counts.skip_reasons
    (2, {'request record': 2})
    """

    records: int = 0
    """Every WARC record read, skipped or not."""
    parsed: int = 0
    """Records that parsed to an interview."""
    failed: int = 0
    """Records whose result is a `ParseError`, damage to the archive included."""
    skipped: int = 0
    """Records that are not interview pages (see `skip_reasons`)."""
    skip_reasons: dict[str, int] = attrs.field(factory=dict)
    """How many records were skipped for each reason, e.g. ``request record``,
    ``not an interview address``, ``HTTP status 404``, ``not a page (image/jpeg)``."""

    def skip(self, reason: str) -> None:
        """Count one skipped record."""
        self.skipped += 1
        self.skip_reasons[reason] = self.skip_reasons.get(reason, 0) + 1

    def add(self, record: ArchiveRecord) -> None:
        """Count one yielded record as parsed or failed."""
        if record.ok:
            self.parsed += 1
        else:
            self.failed += 1


def parse_payload(
    payload: ArchivePayload, *, template: str | None = None, strict: bool = False
) -> ArchiveRecord:
    """Parse one payload; never raises for bad input (the error is the result).

    The one place archive records meet `parse`: the record's address and date
    go in as ``url`` and ``capture_date``, its declared charset as
    ``charset``; `template` and `strict` are passed on as they are.
    """
    date = payload.capture_date.date() if payload.capture_date is not None else None
    result: Interview | ParseError
    try:
        result = parse(
            payload.body,
            url=payload.url,
            capture_date=date,
            template=template,
            strict=strict,
            charset=payload.charset or None,
        )
    except ParseError as error:
        result = error
    return ArchiveRecord(
        record_id=payload.record_id,
        url=payload.url,
        capture_date=payload.capture_date,
        result=result,
        kind=payload.kind,
        offset=payload.offset,
    )


def iter_archive(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    counts: ArchiveCounts | None = None,
) -> Iterator[ArchiveRecord]:
    """Every Interfax interview record of an archive, parsed, in file order.

    `source` is a path or a binary stream (gzip-compressed or not; the
    compression is read from the bytes, not the name). `counts`, if given, is
    updated as records are read. Raises `MissingBackendError` when the
    ``warc`` extra is not installed; every problem with the archive itself is
    a yielded `ArchiveError` result.

    >>> import io
    >>> from interfax_parse.testing.archives import sample_items, write_archive
    >>> buffer = io.BytesIO()
    >>> _ = write_archive(buffer, sample_items(2, kind="conversion", other_every=1))
    >>> _ = buffer.seek(0)
    >>> counts = ArchiveCounts()
    >>> [(r.result.interview_id, r.result.interviewee) for r in iter_archive(buffer, counts=counts)]
    [(100001, 'Elena Varga'), (100002, 'Elena Varga')]
    >>> counts.parsed, counts.skipped, counts.failed
    (2, 3, 0)
    """
    for item in iter_payloads(source, counts=counts):
        record = parse_payload(item) if isinstance(item, ArchivePayload) else item
        if counts is not None:
            counts.add(record)
        yield record


def iter_payloads(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    counts: ArchiveCounts | None = None,
) -> Iterator[ArchivePayload | ArchiveRecord]:
    """The interview records of an archive, unparsed, in file order.

    Yields an `ArchivePayload` per interview record and, where the archive is
    damaged, one `ArchiveRecord` whose result is an `ArchiveError` (reading
    stops after it). Skipped records are only counted (in `counts`).
    """
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:
        raise MissingBackendError() from None
    counts = counts if counts is not None else ArchiveCounts()
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as stream:
            yield from _read(stream, counts, ArchiveIterator)
    else:
        yield from _read(source, counts, ArchiveIterator)


def _damage(message: str, record_id: str | None, offset: int | None = None) -> ArchiveRecord:
    return ArchiveRecord(
        record_id=record_id,
        url=None,
        capture_date=None,
        result=ArchiveError(message, record_id),
        offset=offset,
    )


def _start(stream: IO[bytes]) -> int | None:
    """The stream's position if it can seek back there (for the tail check)."""
    try:
        return stream.tell() if stream.seekable() else None
    except (OSError, ValueError):
        return None


def _read(
    stream: IO[bytes], counts: ArchiveCounts, archive_iterator: Callable[..., Iterable[WarcRecord]]
) -> Iterator[ArchivePayload | ArchiveRecord]:
    start = _start(stream)
    head = b""
    if start is not None:
        head = stream.read(5)
        stream.seek(start)
    gzipped = head.startswith(_GZIP_MAGIC)
    # The end is checked for gzip and uncompressed archives; the other
    # compressions FastWARC reads (zstd, lz4) only when no record was read.
    checked = gzipped or head.startswith(b"WARC/")
    source: IO[bytes] | _Forward = stream if start is not None else _Forward(stream)
    records = iter(archive_iterator(source, parse_http=False))
    last_id: str | None = None
    last_offset: int | None = None
    # The newest payload is held back until the archive is known to go on
    # past it: a cut last record must not be parsed as if it were whole.
    pending: ArchivePayload | None = None
    while True:
        try:
            record = next(records, None)
        except _FATAL:
            raise
        except BaseException as error:  # the WARC library's panics are BaseExceptions
            yield from _flush(pending)
            where = f"after record {last_id}" if last_id else "at its start"
            yield _damage(f"unreadable archive {where}: {_why(error)}", last_id)
            return
        if record is None:
            break
        counts.records += 1
        offset = _offset(record, start)
        last_offset = offset
        try:
            item = _payload(record, counts, offset)
        except _FATAL:
            raise
        except BaseException as error:
            item = _damage(f"unreadable record: {_why(error)}", record.record_id, offset)
        if isinstance(item, ArchiveRecord):
            yield from _flush(pending)
            yield attrs.evolve(item, url=_header(record, "WARC-Target-URI"), kind=_kind(record))
            return
        last_id = record.record_id
        if item is not None:
            yield from _flush(pending)
            pending = item
    problem = None
    if start is not None and (checked or last_offset is None):
        problem = _check_tail(stream, start, last_offset, gzipped)
    if problem is None:
        yield from _flush(pending)
    elif pending is not None and pending.offset == last_offset:
        yield ArchiveRecord(
            record_id=pending.record_id,
            url=pending.url,
            capture_date=pending.capture_date,
            result=ArchiveError(problem, pending.record_id),
            kind=pending.kind,
            offset=pending.offset,
        )
    else:
        yield from _flush(pending)
        yield _damage(problem, last_id, last_offset)


_FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


class _Forward:
    """A forward-only view of a stream that cannot seek: FastWARC asks every
    stream for ``tell()``, which a pipe cannot answer."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position


def _flush(pending: ArchivePayload | None) -> Iterator[ArchivePayload]:
    if pending is not None:
        yield pending


def _why(error: BaseException) -> str:
    return str(error) or type(error).__name__


def _offset(record: WarcRecord, start: int | None) -> int | None:
    return record.stream_pos + start if start is not None else record.stream_pos


def _header(record: WarcRecord, name: str) -> str | None:
    value = record.headers.get(name)
    if value is None:
        return None
    value = value.strip()
    # WARC/1.1 writers may wrap the address in angle brackets.
    return value[1:-1] if value.startswith("<") and value.endswith(">") else value


def _kind(record: WarcRecord) -> str | None:
    return _header(record, "WARC-Type")


def _payload(
    record: WarcRecord, counts: ArchiveCounts, offset: int | None
) -> ArchivePayload | ArchiveRecord | None:
    """The record's payload if it is an interview page; None if skipped."""
    kind = _kind(record)
    if _header(record, "Content-Length") is None:
        return _damage(
            "record without a Content-Length header (cut short?)", record.record_id, offset
        )
    if kind not in ("response", "resource", "conversion"):
        counts.skip(f"{kind or 'untyped'} record")
        return None
    url = _header(record, "WARC-Target-URI")
    if not url or not is_interview_url(url):
        counts.skip("not an interview address")
        return None
    charset: str | None = None
    encoded = False
    if kind == "response":
        record.parse_http(auto_decode="all")
        status = record.http_headers.status_code
        if status != 200:
            counts.skip(f"HTTP status {status}")
            return None
        content_type = record.http_content_type
        charset = record.http_charset
        encoded = any(
            _ENCODED.search(record.http_headers.get(name) or "")
            for name in ("Transfer-Encoding", "Content-Encoding")
        )
    else:
        content_type = (_header(record, "Content-Type") or "").split(";")[0].strip().lower()
        if kind == "conversion":
            content_type = content_type or "text/plain"
    if content_type and content_type.lower() not in _PAGE_TYPES:
        counts.skip(f"not a page ({content_type})")
        return None
    body = record.reader.read()
    if not encoded and len(body) < record.content_length:
        return _damage(
            f"record cut short: {len(body)} of {record.content_length} bytes",
            record.record_id,
            offset,
        )
    date = record.record_date if _header(record, "WARC-Date") is not None else None
    return ArchivePayload(
        record_id=record.record_id,
        url=url,
        capture_date=date,
        kind=kind,  # type: ignore[arg-type]
        offset=offset,
        body=body,
        charset=charset,
    )


def _check_tail(
    stream: IO[bytes], start: int, last_offset: int | None, gzipped: bool
) -> str | None:
    """Why the archive ends badly after its last record, or None if it ends well.

    The WARC library stops quietly at a truncated last record or at bytes it
    cannot frame; this re-reads the last record from the file to tell.
    """
    try:
        if last_offset is None:
            stream.seek(start)
            rest = stream.read(_TAIL_CHUNK)
            if rest.strip(b"\0\r\n\t "):
                return "no WARC record could be read: not an archive, or damaged at the start"
            return "empty archive: no WARC records"
        stream.seek(last_offset)
        if gzipped:
            return _gzip_tail(stream, start)
        return _plain_tail(stream, last_offset)
    except OSError as error:
        return f"could not re-read the end of the archive: {error}"


def _gzip_tail(stream: IO[bytes], start: int) -> str | None:
    head = stream.read(2)
    if head != _GZIP_MAGIC:
        # One gzip member for the whole file: check the whole stream.
        stream.seek(start)
        head = stream.read(2)
    data = head
    while True:
        decompressor = zlib.decompressobj(wbits=31)
        try:
            while not decompressor.eof:
                if not data:
                    data = stream.read(_TAIL_CHUNK)
                    if not data:
                        return "truncated gzip member: the archive ends inside the last record"
                decompressor.decompress(data, 0)
                data = b""
        except zlib.error as error:
            return f"corrupt gzip member after the last record read: {error}"
        data = decompressor.unused_data
        if not data:
            data = stream.read(_TAIL_CHUNK)
        if not data.strip(b"\0"):
            return None
        if not data.startswith(_GZIP_MAGIC[:1]):
            return "bytes after the last record are not a gzip member"


def _plain_tail(stream: IO[bytes], offset: int) -> str | None:
    head = stream.read(_TAIL_CHUNK)
    end = head.find(b"\r\n\r\n")
    if end < 0:
        return "the archive ends inside the last record's headers"
    match = re.search(rb"^content-length:[ \t]*(\d+)", head[:end], re.IGNORECASE | re.MULTILINE)
    if match is None:
        return "the last record has no Content-Length header"
    length = int(match.group(1))
    block_end = offset + end + 4 + length
    size = stream.seek(0, os.SEEK_END)
    if size < block_end:
        return f"the last record is cut short: {size - (block_end - length)} of {length} bytes"
    stream.seek(block_end)
    if stream.read(_TAIL_CHUNK).strip(b"\r\n\0\t "):
        return "bytes after the last record are not a WARC record"
    return None
