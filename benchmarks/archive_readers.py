"""Measure warcio against FastWARC on generated archives (see docs/archives.md).

Run from the repository with both libraries installed::

    pip install warcio fastwarc
    python benchmarks/archive_readers.py [--pages 2000] [--others 8] [--repeat 3]

It writes three archives of the same crawl to a temporary folder: a
``.warc.gz`` of HTTP responses, the same uncompressed (``.warc``), and a
``.wet.gz`` of text conversions. The crawl holds `--pages` interview pages
(the demo interview rendered by the built-in templates) and, after each,
`--others` pages at other addresses of about 20 kB each, as a general crawl
would. Each measurement runs in a fresh process, so its peak memory (max RSS)
is its own:

- ``all``: read every record's payload (what a converter of whole archives does);
- ``skim``: read headers of every record, payloads only of interview
  addresses (what interfax-parse does: most of a crawl is skipped);
- ``parse``: ``interfax_parse.archive.iter_archive`` end to end, with the
  library it uses, parsing every interview record.

The best of `--repeat` runs is reported, as records per second and MB of
archive per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from interfax_parse.grammar.addresses import is_interview_url
from interfax_parse.testing.archives import ArchiveItem, interview_pages, write_archive

_WORDS = [
    "market",
    "shares",
    "rose",
    "fell",
    "oil",
    "gas",
    "bank",
    "rate",
    "talks",
    "minister",
    "said",
    "week",
    "year",
]


def _fillers(count: int = 64, size: int = 20_000) -> list[bytes]:
    """Pages of random words: they compress about as well as real HTML does."""
    rng = random.Random(4)
    pages = []
    for _ in range(count):
        words = rng.choices(_WORDS, k=size // 5)
        pages.append(("<p>" + " ".join(words) + "</p>\n").encode())
    return pages


def _items(pages: int, others: int, kind: str) -> Iterator[ArchiveItem]:
    base = dt.datetime(2020, 3, 1, tzinfo=dt.timezone.utc)
    fillers = _fillers()
    yield ArchiveItem(url="", kind="warcinfo", body=b"software: benchmark\r\n")
    for index, (url, text) in enumerate(interview_pages(pages)):
        date = base + dt.timedelta(minutes=index)
        yield ArchiveItem(url=url, kind=kind, body=text.encode(), date=date)  # type: ignore[arg-type]
        for other in range(others):
            yield ArchiveItem(
                url=f"http://example.org/news/{index}/{other}",
                kind=kind,  # type: ignore[arg-type]
                body=fillers[(index * others + other) % len(fillers)],
                date=date,
                content_type="text/html; charset=utf-8",
            )


def _run_warcio(path: str, mode: str) -> int:
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

    count = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            count += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            if mode == "all" or is_interview_url(url):
                record.content_stream().read()
    return count


def _run_fastwarc(path: str, mode: str) -> int:
    from fastwarc.warc import ArchiveIterator

    count = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            count += 1
            url = record.headers.get("WARC-Target-URI") or ""
            if mode == "all" or is_interview_url(url):
                record.reader.read()
    return count


def _run_parse(path: str) -> int:
    from interfax_parse.archive import ArchiveCounts, iter_archive

    counts = ArchiveCounts()
    for _ in iter_archive(path, counts=counts):
        pass
    return counts.records


def _child(library: str, path: str, mode: str) -> None:
    start = time.perf_counter()
    if mode == "parse":
        count = _run_parse(path)
    elif library == "warcio":
        count = _run_warcio(path, mode)
    else:
        count = _run_fastwarc(path, mode)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"records": count, "seconds": seconds, "peak_mib": peak_kib / 1024}))


def _measure(library: str, path: Path, mode: str, repeat: int) -> dict[str, float]:
    best: dict[str, float] | None = None
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--child", library, str(path), mode],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(out)
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    assert best is not None
    return best


def main() -> None:
    """Build the archives, run every measurement, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--others", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("LIBRARY", "PATH", "MODE"))
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        archives = {
            "crawl.warc.gz": (Path(folder, "crawl.warc.gz"), "response"),
            "crawl.warc": (Path(folder, "crawl.warc"), "response"),
            "crawl.wet.gz": (Path(folder, "crawl.wet.gz"), "conversion"),
        }
        for path, kind in archives.values():
            write_archive(path, _items(args.pages, args.others, kind))
        print(f"{args.pages} interview pages + {args.pages * args.others} other pages of ~20 kB\n")
        print("| archive | MB | library | mode | records/s | MB/s | seconds | peak RSS MiB |")
        print("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |")
        from interfax_parse.archive import BACKEND

        for name, (path, _) in archives.items():
            size = path.stat().st_size / 1e6
            runs = [(lib, mode) for mode in ("all", "skim") for lib in ("warcio", "fastwarc")]
            runs.append((BACKEND, "parse"))
            for library, mode in runs:
                r = _measure(library, path, mode, args.repeat)
                print(
                    f"| {name} | {size:.1f} | {library} | {mode} | "
                    f"{r['records'] / r['seconds']:,.0f} | {size / r['seconds']:.1f} | "
                    f"{r['seconds']:.2f} | {r['peak_mib']:.0f} |"
                )


if __name__ == "__main__":
    main()
