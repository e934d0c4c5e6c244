"""Batch parsing: find the inputs, parse them in a pool of processes, in order.

The command line's ``parse`` is built from these pieces, and they serve a
script as well:

- `discover(names)` turns files, folders (searched recursively by
  extension), glob patterns and ``-`` into `Input`s, in order;
- `tasks(inputs)` reads each input: a page file becomes one `PageTask`, an
  archive one `ArchiveTask` per interview record (its skipped records are
  counted); what cannot be read becomes a failed `Outcome` in its place;
- `run(tasks, jobs=N)` parses the tasks in N processes and yields an
  `Outcome` per task *in input order*, holding only a bounded window of
  tasks in flight, so memory stays flat on a crawl of any size. Chunks go
  to the workers as files in shared memory where it can (`handover`).

Every function a worker runs (`run_chunk`, `run_chunk_file`, `run_task`) is
a pure top-level function of picklable values.
"""

from __future__ import annotations

import datetime as dt
import glob
import io
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from .api import parse
from .archive import (
    ArchiveCounts,
    ArchivePayload,
    ArchiveRecord,
    is_archive_name,
    iter_payloads,
    parse_payload,
)
from .convert import to_dict
from .handover import handover_folder, put, take
from .model import Interview

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "PAGE_SUFFIXES",
    "SUFFIXES",
    "ArchiveTask",
    "Input",
    "Options",
    "Outcome",
    "PageTask",
    "Tally",
    "discover",
    "encoded",
    "run",
    "run_chunk",
    "run_chunk_file",
    "run_task",
    "tasks",
]

PAGE_SUFFIXES = (".txt", ".html", ".htm")
"""Endings of page files taken from a folder."""
SUFFIXES = (*PAGE_SUFFIXES, ".warc", ".warc.gz", ".wet", ".wet.gz")
"""Every ending taken from a folder: pages and archives."""

_GLOB_MAGIC = frozenset("*?[")


@attrs.frozen(kw_only=True)
class Input:
    """One input found by `discover`: a file, ``-`` (stdin), or a pattern
    that matched nothing (`missing` says why it will fail)."""

    name: str
    """The path as given or found, or ``-``."""
    archive: bool = False
    """Whether it is read as a WARC/WET archive (by its name; stdin by its bytes)."""
    missing: str | None = None
    """Why the input cannot be read, for a pattern that matched no file."""


@attrs.frozen(kw_only=True)
class Options:
    """How every page is parsed: the `parse` options the command line passes on."""

    template: str | None = None
    strict: bool = False
    url: str | None = None
    """The address of a single page file (archive records have their own)."""
    encode: bool = False
    """Whether workers return each interview as its JSON line (`Outcome.json`)
    instead of the object: the main process then only writes text, which
    is what lets ``--jobs N`` scale (an interview's object graph costs more
    to pickle, unpickle and convert than its JSON costs to send)."""


@attrs.frozen(kw_only=True)
class PageTask:
    """One page file to parse."""

    source: str
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")


@attrs.frozen(kw_only=True)
class ArchiveTask:
    """One interview record of an archive to parse."""

    source: str
    payload: ArchivePayload


@attrs.frozen(kw_only=True)
class Outcome:
    """What one input or record gave: an interview, or a failure and its reason."""

    source: str
    """The file (or ``-``) it came from."""
    interview: Interview | None = None
    """The parsed interview; ``None`` on failure."""
    error: str | None = None
    """The failure's kind: the exception class's name (``NotAnInterviewError``,
    ``ArchiveError``, ``FileNotFoundError``...)."""
    reason: str | None = None
    """The failure's message."""
    record_id: str | None = None
    """The ``WARC-Record-ID``, for an archive record."""
    url: str | None = None
    """The record's or page's address, when known."""
    capture_date: dt.datetime | None = None
    """The archive record's ``WARC-Date`` (UTC), for an archive record."""
    json: str | None = None
    """The interview as one JSON line (no newline), in place of `interview`
    when `Options.encode` is set."""

    @property
    def ok(self) -> bool:
        """Whether an interview was parsed."""
        return self.interview is not None or self.json is not None


@attrs.define(kw_only=True)
class Tally:
    """Counts for the summary line: inputs parsed, skipped and failed."""

    parsed: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        if outcome.ok:
            self.parsed += 1
        else:
            self.failed += 1


Task = PageTask | ArchiveTask


def _failure(
    source: str, error: BaseException, *, record_id: str | None = None, url: str | None = None
) -> Outcome:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return Outcome(
        source=source, error=type(error).__name__, reason=reason, record_id=record_id, url=url
    )


def discover(names: Sequence[str]) -> Iterator[Input]:
    """The inputs named by `names`, in order.

    A folder gives its files ending in `SUFFIXES`, recursively, sorted by
    path; a name with ``*``, ``?`` or ``[`` that is not an existing file is a
    glob pattern (``**`` searches subfolders), whose matches come sorted; any
    other name is a file, read even if its ending is unknown (it fails later
    if it does not exist); ``-`` is stdin.
    """
    for name in names:
        path = Path(name)
        if name == "-":
            yield Input(name=name)
        elif path.is_dir():
            yield from _folder(path)
        elif not path.exists() and _GLOB_MAGIC & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Input(name=name, missing="no file matches this pattern")
            for match in matches:
                if Path(match).is_dir():
                    yield from _folder(Path(match))
                else:
                    yield Input(name=match, archive=is_archive_name(match))
        else:
            yield Input(name=name, archive=is_archive_name(name))


def _folder(folder: Path) -> Iterator[Input]:
    found = sorted(
        p for p in folder.rglob("*") if p.name.lower().endswith(SUFFIXES) and p.is_file()
    )
    for path in found:
        yield Input(name=str(path), archive=is_archive_name(path.name))


def _looks_like_archive(data: bytes) -> bool:
    return data.startswith((b"WARC/", b"\x1f\x8b"))


def tasks(
    inputs: Iterable[Input],
    *,
    stdin: IO[bytes] | None = None,
    tally: Tally | None = None,
    skips: ArchiveCounts | None = None,
) -> Iterator[Task | Outcome]:
    """Read `inputs` into parse tasks, lazily and in order.

    A page file is read whole into one `PageTask`; an archive is streamed,
    one `ArchiveTask` per interview record. Whatever cannot be read (a
    missing file, a damaged archive) becomes a failed `Outcome` in its
    place. Skipped archive records are added to `tally` and `skips`.
    """
    tally = tally if tally is not None else Tally()
    for item in inputs:
        if item.missing is not None:
            yield Outcome(source=item.name, error="FileNotFoundError", reason=item.missing)
            continue
        try:
            if item.name == "-":
                data = (stdin if stdin is not None else sys.stdin.buffer).read()
                if _looks_like_archive(data):
                    yield from _archive(item.name, io.BytesIO(data), tally, skips)
                else:
                    yield PageTask(source=item.name, data=data)
            elif item.archive:
                yield from _archive(item.name, item.name, tally, skips)
            else:
                yield PageTask(source=item.name, data=Path(item.name).read_bytes())
        except OSError as error:
            yield _failure(item.name, error)


def _archive(
    name: str,
    source: str | IO[bytes],
    tally: Tally,
    skips: ArchiveCounts | None,
) -> Iterator[ArchiveTask | Outcome]:
    counts = ArchiveCounts()
    skipped = 0
    for item in iter_payloads(source, counts=counts):
        tally.skipped += counts.skipped - skipped
        skipped = counts.skipped
        if isinstance(item, ArchiveRecord):
            yield _record_outcome(name, item)
        else:
            yield ArchiveTask(source=name, payload=item)
    tally.skipped += counts.skipped - skipped
    if skips is not None:
        skips.records += counts.records
        for reason, number in counts.skip_reasons.items():
            skips.skipped += number
            skips.skip_reasons[reason] = skips.skip_reasons.get(reason, 0) + number


def _record_outcome(source: str, record: ArchiveRecord) -> Outcome:
    if isinstance(record.result, Interview):
        return Outcome(
            source=source,
            interview=record.result,
            record_id=record.record_id,
            url=record.url,
            capture_date=record.capture_date,
        )
    return _failure(source, record.result, record_id=record.record_id, url=record.url)


def run_task(task: Task, options: Options) -> Outcome:
    """Parse one task; failures are returned as outcomes, never raised."""
    from .errors import ParseError

    if isinstance(task, ArchiveTask):
        record = parse_payload(task.payload, template=options.template, strict=options.strict)
        return _record_outcome(task.source, record)
    try:
        interview = parse(
            task.data, url=options.url, template=options.template, strict=options.strict
        )
    except ParseError as error:
        return _failure(task.source, error, url=options.url)
    return Outcome(source=task.source, interview=interview, url=interview.url)


def encoded(outcome: Outcome) -> Outcome:
    """`outcome` with its interview replaced by its JSON line (`Outcome.json`)."""
    if outcome.interview is None:
        return outcome
    line = json.dumps(to_dict(outcome.interview), ensure_ascii=False)
    return attrs.evolve(outcome, interview=None, json=line)


def run_chunk(chunk: Sequence[Task | Outcome], options: Options) -> list[Outcome]:
    """`run_task` over a chunk (outcomes pass through): one worker round trip."""
    done = [x if isinstance(x, Outcome) else run_task(x, options) for x in chunk]
    return [encoded(x) for x in done] if options.encode else done


def run_chunk_file(path: str, options: Options) -> list[Outcome]:
    """`run_chunk` over the chunk the main process left at `path`
    (`handover.put`); the file is removed once read."""
    chunk: list[Task | Outcome] = take(path)
    return run_chunk(chunk, options)


def run(
    items: Iterable[Task | Outcome],
    *,
    options: Options | None = None,
    jobs: int = 1,
    chunk_size: int = 16,
) -> Iterator[Outcome]:
    """Parse `items` with `jobs` processes; yield outcomes in `items`' order.

    Outcomes already in `items` (inputs that failed to read) pass through in
    place. With ``jobs=1`` everything runs in this process. Otherwise tasks
    go to the workers in chunks of `chunk_size`, with at most ``4 * jobs``
    chunks in flight, so neither input nor results pile up. A chunk goes as
    a file in shared memory (`handover`: a few per cent faster with two
    workers) or, where that cannot be written, through the pool's pipe.
    """
    options = options if options is not None else Options()
    if jobs <= 1:
        for item in items:
            outcome = item if isinstance(item, Outcome) else run_task(item, options)
            yield encoded(outcome) if options.encode else outcome
        return
    # Imported here: the process pool's modules are a tenth of the command line's start-up.
    from concurrent.futures import ProcessPoolExecutor

    window: deque[Future[list[Outcome]] | list[Outcome]] = deque()
    # The pool closes (its workers done) before the folder is removed.
    with handover_folder() as folder, ProcessPoolExecutor(max_workers=jobs) as pool:
        for number, batch in enumerate(_chunks(items, chunk_size)):
            if all(isinstance(x, Outcome) for x in batch):
                window.append([x for x in batch if isinstance(x, Outcome)])
            else:
                path = put(folder, number, batch) if folder is not None else None
                if path is None:
                    window.append(pool.submit(run_chunk, batch, options))
                else:
                    window.append(pool.submit(run_chunk_file, str(path), options))
            while len(window) >= 4 * jobs:
                yield from _settle(window.popleft())
        while window:
            yield from _settle(window.popleft())


def _chunks(items: Iterable[Task | Outcome], size: int) -> Iterator[list[Task | Outcome]]:
    batch: list[Task | Outcome] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _settle(entry: Future[list[Outcome]] | list[Outcome]) -> list[Outcome]:
    return entry if isinstance(entry, list) else entry.result()
