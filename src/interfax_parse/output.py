"""The record writers behind ``interfax-parse parse --format``.

``jsonl`` writes one interview a line, ``json`` one array, ``csv`` and
``parquet`` one row per turn (`tables.COLUMNS`). Every writer streams: it
holds at most one Parquet row group, never the whole run.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Protocol

from .convert import to_dict
from .model import Interview
from .tables import COLUMNS, ParquetWriter, turn_rows

__all__ = ["FORMATS", "RecordWriter", "open_writer", "write_encoded"]

FORMATS = ("jsonl", "json", "csv", "parquet")
"""The output formats, the default first."""


class RecordWriter(Protocol):
    """Writes interviews one at a time; `close` finishes the output."""

    def write(self, interview: Interview) -> None:
        """Write one interview."""

    def close(self) -> None:
        """Finish the output (closing brackets, footers, files opened here)."""


class _JsonLines:
    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def write_line(self, line: str) -> None:
        self._out.write(line + "\n")

    def write(self, interview: Interview) -> None:
        self._out.write(json.dumps(to_dict(interview), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class _JsonArray:
    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._count = 0
        out.write("[")

    def write(self, interview: Interview) -> None:
        self._out.write(",\n" if self._count else "\n")
        self._out.write(json.dumps(to_dict(interview), ensure_ascii=False, indent=2))
        self._count += 1

    def close(self) -> None:
        self._out.write("\n]\n")


class _Csv:
    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.DictWriter(out, fieldnames=COLUMNS)
        self._writer.writeheader()

    def write(self, interview: Interview) -> None:
        self._writer.writerows(turn_rows(interview))

    def close(self) -> None:
        pass


class _Parquet:
    def __init__(self, path: str) -> None:
        self._writer = ParquetWriter(path)

    def write(self, interview: Interview) -> None:
        self._writer.add(interview)

    def close(self) -> None:
        self._writer.close()


def write_encoded(writer: RecordWriter, line: str) -> None:
    """Write an interview already encoded as its JSON line (`batch.Outcome.json`,
    encoded by a worker); only the ``jsonl`` writer takes one."""
    if not isinstance(writer, _JsonLines):
        raise TypeError("only the jsonl writer takes encoded interviews")
    writer.write_line(line)


def open_writer(kind: str, out: IO[str] | None, path: str | None = None) -> RecordWriter:
    """A writer of `kind` (one of `FORMATS`) to the text stream `out`.

    ``parquet`` writes the file at `path` instead (it is binary) and raises
    `tables.MissingPyarrowError` without the ``parquet`` extra.
    """
    if kind == "parquet":
        if path is None:
            raise ValueError("Parquet output needs a file path")
        return _Parquet(path)
    if out is None:
        raise ValueError(f"{kind} output needs a stream")
    if kind == "jsonl":
        return _JsonLines(out)
    if kind == "json":
        return _JsonArray(out)
    if kind == "csv":
        return _Csv(out)
    raise ValueError(f"unknown output format {kind!r}; choose from {', '.join(FORMATS)}")
