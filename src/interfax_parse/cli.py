"""The ``interfax-parse`` command line.

``interfax-parse parse INPUT...`` parses page files, folders, glob patterns,
WARC/WET archives and ``-`` (stdin) to JSON Lines, JSON, CSV or Parquet, in
one process or many (``--jobs``), in input order; ``interfax-parse corpus
INPUT...`` parses the same inputs and writes one merged record per interview
(`interfax_parse.corpus`); ``interfax-parse templates`` lists the templates,
and ``interfax-parse demo`` parses the built-in example page and prints a
summary. A bad file or record never stops
a run: each failure is reported on stderr (and with ``--errors FILE`` as a
JSON line), a summary line closes the run, and the exit status is 1 when any
input failed, 2 on usage errors. ``docs/cli.md`` shows every flag.

Input discovery and the worker pool live in `batch`, the writers in
`output`, the table rows in `tables`, the progress bar in `progress`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from . import __version__
from .api import parse
from .archive import MissingBackendError
from .batch import Options, Outcome, Tally, discover, run, tasks
from .demo import demo_page
from .errors import ParseError
from .explain import explain
from .output import FORMATS, RecordWriter, open_writer, write_encoded
from .progress import Progress
from .tables import MissingPyarrowError
from .templates.registry import templates

__all__ = ["main"]

_PROG = "interfax-parse"


class _UsageError(Exception):
    """A usage error found after argument parsing (exit status 2)."""


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return number or (os.cpu_count() or 1)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Parse Interfax interview pages into typed records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse",
        help="parse pages and archives to JSON Lines, JSON, CSV or Parquet",
        description=(
            "Parse page files (.txt, .html, .htm), WARC/WET archives (.warc, .warc.gz, "
            ".wet, .wet.gz), folders (searched recursively for those endings), glob "
            "patterns and - (stdin). Records come out in input order."
        ),
    )
    _add_batch_arguments(parse_cmd, records="interview", jobs="output order is kept")

    corpus_cmd = commands.add_parser(
        "corpus",
        help="parse, then merge the captures of each interview into one record",
        description=(
            "Parse pages and archives as the parse command does, group the captures "
            "of each interview (same interview key, or joined by shared text), merge "
            "them, and write one record per interview, sorted by publication date. "
            "A summary line on stderr counts captures, interviews, merged records and "
            "conflicts."
        ),
    )
    _add_batch_arguments(corpus_cmd, records="merged interview", jobs="the output is the same")

    explain_cmd = commands.add_parser(
        "explain",
        help="show how a page is read: template scores, each line's field, the warnings",
    )
    explain_cmd.add_argument("file", metavar="FILE", help="a page file, or - for stdin")
    explain_cmd.add_argument("--template", metavar="NAME", help="force a template by name")
    explain_cmd.add_argument("--url", help="the page's address")

    commands.add_parser("templates", help="list the registered templates")
    commands.add_parser("demo", help="parse the built-in example page and summarise it")
    return parser


def _add_batch_arguments(command: argparse.ArgumentParser, *, records: str, jobs: str) -> None:
    """The arguments `parse` and `corpus` share: inputs, output, processes, page options."""
    command.add_argument(
        "files", nargs="+", metavar="INPUT", help="a file, folder, glob pattern, or - for stdin"
    )
    command.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help=(
            f"jsonl: one {records} a line (default); json: one array; csv, parquet: "
            "one row per turn (parquet needs -o and the parquet extra)"
        ),
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help=f"parse in N processes (0: one per CPU); {jobs}",
    )
    command.add_argument(
        "--errors", metavar="FILE", help="write one JSON line per failed input or record here"
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    command.add_argument("--template", metavar="NAME", help="force a template by name")
    command.add_argument(
        "--strict", action="store_true", help="treat any warning as a failure of that page"
    )
    command.add_argument("--url", help="the page's address (with a single page FILE)")
    command.add_argument(
        "-W",
        "--warnings",
        action="store_true",
        help="print every parsed page's warnings on stderr",
    )


def _report(outcome: Outcome, stderr: IO[str], errors: IO[str] | None) -> None:
    where = outcome.source
    if outcome.record_id is not None:
        where += f" {outcome.record_id}"
    if outcome.url is not None and outcome.record_id is not None:
        where += f" {outcome.url}"
    stderr.write(f"{_PROG}: {where}: {outcome.error}: {outcome.reason}\n")
    if errors is not None:
        entry = {
            "input": outcome.source,
            "record_id": outcome.record_id,
            "url": outcome.url,
            "error": outcome.error,
            "reason": outcome.reason,
        }
        errors.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _print_warnings(outcome: Outcome, stderr: IO[str]) -> None:
    assert outcome.interview is not None
    where = outcome.source if outcome.record_id is None else f"{outcome.source} {outcome.url}"
    for warning in outcome.interview.warnings:
        stderr.write(f"{_PROG}: {where}: warning: {warning}\n")


def _command_explain(
    args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]
) -> int:
    try:
        data = stdin.read() if args.file == "-" else Path(args.file).read_bytes()
        stdout.write(explain(data, url=args.url, template=args.template))
    except OSError as error:
        stderr.write(f"{_PROG}: {args.file}: {type(error).__name__}: {error.strerror}\n")
        return 1
    except ParseError as error:
        stderr.write(f"{_PROG}: {args.file}: {type(error).__name__}: {error}\n")
        return 1
    return 0


def _check_usage(args: argparse.Namespace) -> None:
    if args.url and len(args.files) > 1:
        raise _UsageError("--url needs a single FILE")
    if args.format == "parquet":
        if not args.output:
            raise _UsageError("--format parquet writes a file: give it with -o FILE")
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise _UsageError(str(MissingPyarrowError())) from None
    if args.template is not None and args.template not in templates():
        raise _UsageError(f"unknown template {args.template!r}; known: {', '.join(templates())}")


Consume = Callable[[Iterator[Outcome], RecordWriter], "str | None"]
"""What a batch command does with the parsed pages: write them (``parse``) or
merge them (``corpus``); returns an extra summary line, if any."""


def _batch(
    args: argparse.Namespace,
    stdin: IO[bytes],
    stdout: IO[str],
    stderr: IO[str],
    consume: Consume,
) -> int:
    """Parse the inputs of `args` and hand the good outcomes to `consume`.

    Shared by ``parse`` and ``corpus``: input discovery, the worker pool,
    the progress bar, failures on stderr and in ``--errors``, ``--warnings``,
    the output file and writer, and the summary line.
    """
    _check_usage(args)
    inputs = list(discover(args.files))
    if any(item.archive for item in inputs):
        try:
            import fastwarc.warc  # noqa: F401
        except ImportError:
            raise _UsageError(str(MissingBackendError())) from None
    tally = Tally()
    # For ``parse`` to JSON lines the workers encode each interview, unless the
    # main process needs the interview itself (to print its warnings).
    encode = consume is _write_each and args.format == "jsonl" and not args.warnings
    options = Options(template=args.template, strict=args.strict, url=args.url, encode=encode)
    progress = Progress(stderr, enabled=not args.quiet and _is_terminal(stderr))
    out: IO[str] | None = None
    errors: IO[str] | None = None
    extra: str | None = None
    try:
        if args.format != "parquet":
            newline = "" if args.format == "csv" else None
            out = (
                open(args.output, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
                if args.output
                else stdout
            )
        errors = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
        writer = open_writer(args.format, out, args.output)
        try:
            work = tasks(inputs, stdin=stdin, tally=tally)
            outcomes = run(work, options=options, jobs=args.jobs)
            extra = consume(
                _parsed(
                    outcomes,
                    args=args,
                    tally=tally,
                    progress=progress,
                    stderr=stderr,
                    errors=errors,
                ),
                writer,
            )
        finally:
            writer.close()
            progress.close()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        return 1
    except OSError as error:
        stderr.write(f"{_PROG}: cannot write {error.filename or 'output'}: {error.strerror}\n")
        return 2
    finally:
        if out is not None and out is not stdout:
            out.close()
        if errors is not None:
            errors.close()
    if not args.quiet:
        stderr.write(
            f"{_PROG}: {tally.parsed} parsed, {tally.skipped} skipped, {tally.failed} failed\n"
        )
        if extra is not None:
            stderr.write(f"{_PROG}: {extra}\n")
    return 1 if tally.failed else 0


def _parsed(
    outcomes: Iterable[Outcome],
    *,
    args: argparse.Namespace,
    tally: Tally,
    progress: Progress,
    stderr: IO[str],
    errors: IO[str] | None,
) -> Iterator[Outcome]:
    """The outcomes that parsed; failures are reported, warnings printed with ``-W``."""
    for outcome in outcomes:
        tally.add(outcome)
        if outcome.json is not None:
            yield outcome
        elif outcome.interview is not None:
            if args.warnings and outcome.interview.warnings:
                progress.close()
                _print_warnings(outcome, stderr)
            yield outcome
        else:
            progress.close()
            _report(outcome, stderr, errors)
        progress.update(tally.parsed + tally.failed, tally.failed)


def _write_each(outcomes: Iterator[Outcome], writer: RecordWriter) -> None:
    for outcome in outcomes:
        if outcome.json is not None:
            write_encoded(writer, outcome.json)
        else:
            assert outcome.interview is not None
            writer.write(outcome.interview)


def _merge_all(outcomes: Iterator[Outcome], writer: RecordWriter) -> str:
    from .corpus import Corpus  # here: only this command needs it

    corpus = Corpus()
    for outcome in outcomes:
        assert outcome.interview is not None
        corpus.add(
            outcome.interview,
            source=outcome.source,
            record_id=outcome.record_id,
            capture_date=outcome.capture_date,
        )
    records = corpus.records()
    for record in records:
        writer.write(record)
    return str(corpus.summary(records))


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _command_templates(stdout: IO[str]) -> int:
    for name, template in templates().items():
        first, last = template.capture_years
        years = f"{first or ''}-{last or ''}"
        stdout.write(f"{name:<22} {years:<10} {template.description}\n")
    return 0


def _shorten(text: str, width: int = 300) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _command_demo(stdout: IO[str]) -> int:
    interview = parse(demo_page())
    write = stdout.write
    write("Parsed the built-in demo page (invented content, Interfax layout).\n\n")
    write(f"Title:        {interview.title}\n")
    write(f"Date:         {interview.published}\n")
    role = f" ({interview.interviewee_role})" if interview.interviewee_role else ""
    write(f"Interviewee:  {interview.interviewee}{role}\n")
    write(f"Correspondent(s): {', '.join(interview.correspondents) or 'not named'}\n")
    write(f"Template:     {interview.template} (capture year {interview.capture_year})\n")
    write(f"Turns:        {len(interview.turns)}\n\n")
    for turn in interview.turns[:2]:
        role_name = turn.role.value if turn.role else "text"
        write(f"{role_name.capitalize()} [{turn.label}] by {turn.speaker}:\n")
        for paragraph in turn.paragraphs:
            write(f"  {_shorten(paragraph)}\n")
        write("\n")
    write(f"Headlines ({len(interview.headlines)}):\n")
    for headline in interview.headlines:
        when = headline.published.isoformat() if headline.published else headline.stamp
        part = f" (part {headline.part})" if headline.part else ""
        write(f"  {when}  {headline.text}{part}\n")
    write(f"\nRelated interviews: {len(interview.related)}\n")
    return 0


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    stdin = stdin if stdin is not None else sys.stdin.buffer
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command in ("parse", "corpus"):
        consume = _write_each if args.command == "parse" else _merge_all
        try:
            return _batch(args, stdin, stdout, stderr, consume)
        except _UsageError as error:
            stderr.write(f"{_PROG} {args.command}: error: {error}\n")
            return 2
    if args.command == "explain":
        return _command_explain(args, stdin, stdout, stderr)
    if args.command == "templates":
        return _command_templates(stdout)
    return _command_demo(stdout)
