"""The ``interfax-parse`` command line.

``interfax-parse parse FILE...`` parses pages to JSON or JSON Lines,
``interfax-parse templates`` lists the templates, and ``interfax-parse demo``
parses the built-in example page and prints a summary. Failures go to stderr
with the file name and reason; the good files' records are still written,
and the exit status is 1 when any input failed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from . import __version__
from .api import parse
from .convert import to_dict
from .demo import demo_page
from .errors import ParseError
from .model import Interview
from .templates.registry import templates

__all__ = ["main"]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interfax-parse",
        description="Parse Interfax interview pages into typed records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse_cmd = commands.add_parser("parse", help="parse pages to JSON or JSON Lines")
    parse_cmd.add_argument("files", nargs="+", metavar="FILE", help="page files; - reads stdin")
    parse_cmd.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parse_cmd.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="jsonl",
        help="jsonl: one record a line (default); json: one array",
    )
    parse_cmd.add_argument("--template", metavar="NAME", help="force a template by name")
    parse_cmd.add_argument(
        "--strict", action="store_true", help="treat any warning as a failure of that file"
    )
    parse_cmd.add_argument("--url", help="the page's address (with a single FILE)")

    commands.add_parser("templates", help="list the registered templates")
    commands.add_parser("demo", help="parse the built-in example page and summarise it")
    return parser


def _read(name: str, stdin: IO[bytes]) -> bytes:
    if name == "-":
        return stdin.read()
    return Path(name).read_bytes()


def _records(
    files: Sequence[str], args: argparse.Namespace, stdin: IO[bytes], errors: IO[str]
) -> Iterator[Interview]:
    for name in files:
        try:
            data = _read(name, stdin)
            yield parse(data, url=args.url, template=args.template, strict=args.strict)
        except (OSError, ParseError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            errors.write(f"interfax-parse: {name}: {type(error).__name__}: {reason}\n")
            args.failed += 1


def _command_parse(
    args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]
) -> int:
    if args.url and len(args.files) > 1:
        stderr.write("interfax-parse: --url needs a single FILE\n")
        return 2
    args.failed = 0
    out: IO[str]
    out = open(args.output, "w", encoding="utf-8") if args.output else stdout  # noqa: SIM115
    try:
        records = _records(args.files, args, stdin, stderr)
        if args.format == "jsonl":
            for record in records:
                out.write(json.dumps(to_dict(record), ensure_ascii=False) + "\n")
        else:
            out.write("[")
            for number, record in enumerate(records):
                out.write(",\n" if number else "\n")
                out.write(json.dumps(to_dict(record), ensure_ascii=False, indent=2))
            out.write("\n]\n")
    finally:
        if out is not stdout:
            out.close()
    return 1 if args.failed else 0


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
    if args.command == "parse":
        return _command_parse(args, stdin, stdout, stderr)
    if args.command == "templates":
        return _command_templates(stdout)
    return _command_demo(stdout)
