"""The benchmark: ``python benchmarks/run.py`` (``--help`` for the options).

Builds the corpus (`corpus.build`: the fixtures plus generated pages of every
template, as text and as 60-120 KB HTML), checks that ``parse_html`` and
``parse_text`` agree on every page, then times, page by page and in turn on
the same page (so drift on a shared machine hits every contender alike):

- ``parse_text`` on the text, ``parse_html`` on the HTML bytes;
- the text floor: split the text into lines and match one compiled regex per line;
- the HTML floor: ``lxml.html.fromstring`` on the bytes;
- ``parsel.Selector`` on the bytes alone;
- ``trafilatura.extract`` on the bytes (the ``bench`` extra; skipped if missing).

Then the size curve (one page grown to 10 MB), the batch command line with
``--jobs 1`` and ``--jobs 2`` over a WARC of generated pages, and the peak
memory of streaming WARCs of 2,500 and 10,000 records. It prints a table and
the ratios against their targets, and writes everything to
``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import lxml.html  # noqa: E402
import parsel  # noqa: E402
from corpus import BenchPage, build  # noqa: E402

from interfax_parse import parse_html, parse_text  # noqa: E402
from interfax_parse.testing.archives import ArchiveItem, write_archive  # noqa: E402

try:
    import trafilatura
except ImportError:  # the ``bench`` extra is not installed
    trafilatura = None

_FLOOR = re.compile(r"(\d\d)/(\d\d) (\d\d):(\d\d)|(Question|Answer|Q\.?|A\.?):")

TARGETS = {
    "parse_text / html_floor": ("<=", 0.25, 0.15),
    "parse_html / html_floor": ("<=", 2.0, 1.5),
    "trafilatura / parse_html": (">=", 8.0, None),
    "jobs2 / jobs1 pages per second": (">=", 1.8, None),
    "warc 10,000 records peak MB": ("<=", 100.0, None),
}


def text_floor(text: str) -> int:
    """Split lines and match one compiled regex per line: the least a text parser does."""
    return sum(1 for line in text.split("\n") if _FLOOR.match(line))


def _time(function: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def check(pages: list[BenchPage]) -> int:
    """Pages where the two parse paths disagree (the benchmark refuses to time them)."""
    bad = 0
    for page in pages:
        if parse_html(page.html, url=page.url) != page.expected:
            bad += 1
            print(f"  MISMATCH {page.name}", file=sys.stderr)
    return bad


def time_pages(pages: list[BenchPage], repeat: int) -> dict[str, list[float]]:
    """Seconds per page for every contender, measured page by page in turn."""
    contenders: dict[str, Callable[[BenchPage], object]] = {
        "parse_text": lambda p: parse_text(p.text, url=p.url),
        "parse_html": lambda p: parse_html(p.html, url=p.url),
        "text_floor": lambda p: text_floor(p.text),
        "html_floor": lambda p: lxml.html.fromstring(p.html),
        "parsel": lambda p: parsel.Selector(body=p.html, type="html"),
    }
    if trafilatura is not None:
        contenders["trafilatura"] = lambda p: trafilatura.extract(p.html)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    # The corpus itself is never garbage: keep the collector from scanning it.
    gc.collect()
    gc.freeze()
    for page in pages:
        for name, function in contenders.items():
            runs = 1 if name == "trafilatura" else repeat
            times[name].append(_time(functools.partial(function, page), runs))
    gc.unfreeze()
    return times


def _ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    """The median over pages of a's time over b's time on the same page."""
    return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))


def size_curve(pages: list[BenchPage]) -> list[dict[str, float]]:
    """Time per MB of one generated page grown to 10 MB (text and HTML)."""
    page = max((p for p in pages if p.template != "newsroom"), key=lambda p: len(p.text))
    turns_at = page.text.index("Question:")
    footer_at = page.text.index("©")
    middle = page.text[turns_at:footer_at]
    curve = []
    for size in (100_000, 1_000_000, 3_000_000, 10_000_000):
        copies = max(1, size // len(middle))
        text = page.text[:turns_at] + middle * copies + page.text[footer_at:]
        start = time.perf_counter()
        parse_text(text)
        text_seconds = time.perf_counter() - start
        html = (
            "<html><body><p>" + text.replace("\n\n", "</p>\n<p>") + "</p></body></html>"
        ).encode()
        start = time.perf_counter()
        parse_html(html)
        html_seconds = time.perf_counter() - start
        curve.append(
            {
                "text_mb": len(text.encode()) / 1e6,
                "parse_text_s": text_seconds,
                "parse_text_ms_per_mb": 1e3 * text_seconds / (len(text.encode()) / 1e6),
                "html_mb": len(html) / 1e6,
                "parse_html_s": html_seconds,
                "parse_html_ms_per_mb": 1e3 * html_seconds / (len(html) / 1e6),
            }
        )
    return curve


def _write_warc(path: Path, pages: list[BenchPage], records: int) -> None:
    def items():  # type: ignore[no-untyped-def]
        for index in range(records):
            page = pages[index % len(pages)]
            yield ArchiveItem(
                url=f"http://www.interfax.com/interview.asp?id={700000 + index}",
                body=page.html,
                content_type="text/html; charset=utf-8",
            )

    write_archive(path, items(), compress=True)


_PEAK = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _cli_environment(cache: Path) -> dict[str, str]:
    """The environment of the command-line runs: the package's bytecode
    cached in `cache`, as an installed wheel has it, even where
    ``PYTHONDONTWRITEBYTECODE`` is set (otherwise every run of a source
    checkout compiles the package again, about 50 ms of start-up that no
    installed copy pays)."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(cache)
    return environment


def _cli(args: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Run the command line in a fresh process: (seconds, peak resident MB)."""
    command = [sys.executable, "-c", _PEAK, sys.executable, "-m", "interfax_parse", *args]
    run = subprocess.run(command, check=True, capture_output=True, text=True, env=environment)
    out = run.stdout.split()
    return float(out[0]), float(out[1]) / 1024


def batch(pages: list[BenchPage], records: int, memory_records: int, runs: int) -> dict[str, float]:
    """Pages per second with ``--jobs 1`` and ``--jobs 2`` (best of `runs`
    runs each, alternating) over a WARC of `records` HTML responses; peak
    resident memory (the largest process) streaming WARCs of a quarter of
    `memory_records` and of all of them with ``--jobs 2``."""
    html_pages = [p for p in pages if p.template != "newsroom"] or pages
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        environment = _cli_environment(Path(folder) / "bytecode")
        warc = Path(folder) / "crawl.warc.gz"
        # One untimed run over two records fills the bytecode cache with every
        # module either command imports (the standard library's too: with a
        # cache folder, Python looks for bytecode there only).
        _write_warc(warc, html_pages[:2], 2)
        _cli(["parse", "-q", "--jobs", "2", "-o", os.devnull, str(warc)], environment)
        _write_warc(warc, html_pages[:200], records)
        # The best of several runs of each, alternating: on a shared machine a
        # run that another process slowed says nothing about the command (one
        # run each gave 1.54x to 1.92x on the same code), and two processes
        # are slowed by more of what else runs than one is.
        best = {1: float("inf"), 2: float("inf")}
        for _ in range(runs):
            for jobs in best:
                args = ["parse", "-q", "--jobs", str(jobs), "-o", os.devnull, str(warc)]
                best[jobs] = min(best[jobs], _cli(args, environment)[0])
        for jobs, seconds in best.items():
            result[f"jobs{jobs}_pages_per_second"] = records / seconds
        result["jobs2 / jobs1 pages per second"] = (
            result["jobs2_pages_per_second"] / result["jobs1_pages_per_second"]
        )
        warc.unlink()
        for count in (memory_records // 4, memory_records):
            path = Path(folder) / f"memory-{count}.warc.gz"
            _write_warc(path, html_pages[:200], count)
            args = ["parse", "-q", "--jobs", "2", "-o", os.devnull, str(path)]
            _, peak = _cli(args, environment)
            result[f"warc {count:,} records peak MB"] = peak
            path.unlink()
    return result


def _row(name: str, seconds: list[float]) -> dict[str, float]:
    return {
        "median_ms": 1e3 * statistics.median(seconds),
        "pages_per_second": len(seconds) / sum(seconds),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 if the parse paths disagree on any page."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=250, help="generated pages per template")
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings per page")
    parser.add_argument("--records", type=int, default=1500, help="WARC records for --jobs")
    parser.add_argument(
        "--runs", type=int, default=5, help="best of N runs of --jobs 1 and of --jobs 2"
    )
    parser.add_argument("--memory-records", type=int, default=10_000)
    parser.add_argument("--skip-batch", action="store_true", help="no command-line runs")
    parser.add_argument("--output", default=str(HERE / "results.json"))
    args = parser.parse_args(argv)

    began = time.perf_counter()
    print(f"building the corpus ({args.pages} generated pages per template)...", flush=True)
    pages = build(args.pages)
    text_kb = statistics.median(len(p.text.encode()) for p in pages) / 1e3
    html_kb = statistics.median(len(p.html) for p in pages) / 1e3
    print(f"{len(pages)} pages; median text {text_kb:.1f} KB, median HTML {html_kb:.1f} KB")
    print("checking parse_html against parse_text on every page...", flush=True)
    bad = check(pages)
    if bad:
        print(f"{bad} page(s) disagree: not timing", file=sys.stderr)
        return 1
    print("timing...", flush=True)
    times = time_pages(pages, args.repeat)
    table = {name: _row(name, seconds) for name, seconds in times.items()}
    if trafilatura is None:
        print("trafilatura: not installed (pip install 'interfax-parse[bench]')")
    print(f"\n{'':<14}{'median ms/page':>16}{'pages/s':>10}")
    for name, row in table.items():
        print(f"{name:<14}{row['median_ms']:>16.3f}{row['pages_per_second']:>10.0f}")

    ratios: dict[str, float] = {
        "parse_text / html_floor": _ratio(times, "parse_text", "html_floor"),
        "parse_html / html_floor": _ratio(times, "parse_html", "html_floor"),
        "text_floor / html_floor": _ratio(times, "text_floor", "html_floor"),
        "parsel / html_floor": _ratio(times, "parsel", "html_floor"),
    }
    if trafilatura is not None:
        ratios["trafilatura / parse_html"] = _ratio(times, "trafilatura", "parse_html")
    print("\nsize curve (one page grown to 10 MB)...", flush=True)
    curve = size_curve(pages)
    for point in curve:
        print(
            f"  text {point['text_mb']:6.2f} MB: {point['parse_text_ms_per_mb']:7.1f} ms/MB   "
            f"html {point['html_mb']:6.2f} MB: {point['parse_html_ms_per_mb']:7.1f} ms/MB"
        )
    if not args.skip_batch:
        print("batch command line over a WARC...", flush=True)
        ratios.update(batch(pages, args.records, args.memory_records, args.runs))

    print("\nratios (same run)")
    for name, value in ratios.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            sign, goal, stretch = target
            met = value <= goal if sign == "<=" else value >= goal
            verdict = f"target {sign} {goal}: {'met' if met else 'NOT MET'}"
            if stretch is not None:
                verdict += f" (stretch {stretch}: {'met' if value <= stretch else 'not met'})"
        print(f"  {name:<34}{value:>10.3f}   {verdict}")
    elapsed = time.perf_counter() - began
    print(f"\ntotal {elapsed:.0f} s")
    result = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "pages": len(pages),
        "median_text_kb": text_kb,
        "median_html_kb": html_kb,
        "table": table,
        "ratios": ratios,
        "size_curve": curve,
        "seconds": elapsed,
    }
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
