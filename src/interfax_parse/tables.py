"""Interviews as tables: one row per turn, for CSV, Parquet and pandas.

`turn_rows(interview)` gives the rows a researcher loads into a data frame:
the page's address, the interview's id, date and interviewee repeated on
every row, then the turn's index, role, label, speaker and text. `COLUMNS`
names them in order. `write_csv` uses the standard `csv` module;
`ParquetWriter` needs the optional ``parquet`` extra (pyarrow) and writes in
row groups, so memory stays flat however many interviews go in.

>>> from interfax_parse import parse
>>> from interfax_parse.demo import demo_page
>>> row = next(turn_rows(parse(demo_page(), url="http://www.interfax.com/interview.asp?id=7")))
>>> row["interview_id"], row["turn"], row["role"], row["label"], row["speaker"]
(7, 0, 'question', 'Question', 'Marta Quill')
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO

from .model import Interview

__all__ = [
    "COLUMNS",
    "MissingPyarrowError",
    "ParquetWriter",
    "Row",
    "turn_rows",
    "write_csv",
]

Row = dict[str, "str | int | dt.date | None"]
"""One turn as a row: column name to value (``None`` where the page has none)."""

COLUMNS: tuple[str, ...] = (
    "url",
    "interview_id",
    "published",
    "interviewee",
    "turn",
    "role",
    "label",
    "speaker",
    "text",
)
"""The columns of a turn row, in order: the page's address, its interview id,
the publication date (a `datetime.date`; ISO ``YYYY-MM-DD`` in CSV), the interviewee, the turn's
0-based index on the page, its role (``question``/``answer``), its label as
printed, its speaker, and its text (paragraphs joined by blank lines)."""


def turn_rows(interview: Interview) -> Iterator[Row]:
    """One row per turn of `interview`, in page order (none for a page without turns)."""
    published = interview.published
    for index, turn in enumerate(interview.turns):
        yield {
            "url": interview.url,
            "interview_id": interview.interview_id,
            "published": published,
            "interviewee": interview.interviewee,
            "turn": index,
            "role": turn.role.value if turn.role is not None else None,
            "label": turn.label,
            "speaker": turn.speaker,
            "text": turn.text,
        }


def write_csv(interviews: Iterable[Interview], out: IO[str], *, header: bool = True) -> int:
    """Write the turn rows of `interviews` as CSV (open `out` with ``newline=""``).

    Returns the number of rows written. Missing values are empty cells.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    if header:
        writer.writeheader()
    count = 0
    for interview in interviews:
        for row in turn_rows(interview):
            writer.writerow(row)
            count += 1
    return count


class MissingPyarrowError(ImportError):
    """Parquet output needs the optional ``parquet`` extra, which is not installed."""

    def __init__(self) -> None:
        super().__init__("Parquet output needs pyarrow: pip install 'interfax-parse[parquet]'")


class ParquetWriter:
    """Write turn rows to a Parquet file, a row group every `batch_rows` rows.

    Use as a context manager; `add(interview)` appends its turns. The file
    has the `COLUMNS` as typed columns (``interview_id`` and ``turn`` as
    64-bit integers, ``published`` as a date, the rest as strings) even when
    no row is written.
    """

    def __init__(self, path: str | os.PathLike[str], *, batch_rows: int = 10_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingPyarrowError() from None
        types: dict[str, pa.DataType] = {
            "interview_id": pa.int64(),
            "turn": pa.int64(),
            "published": pa.date32(),
        }
        self._schema = pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
        self._table = pa.Table
        self._writer = pq.ParquetWriter(os.fspath(path), self._schema)
        self._rows: list[Row] = []
        self._batch_rows = batch_rows
        self.rows = 0
        """Rows written so far."""

    def add(self, interview: Interview) -> None:
        """Append `interview`'s turns."""
        for row in turn_rows(interview):
            self._rows.append(row)
            self.rows += 1
        if len(self._rows) >= self._batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        """Write what is buffered and finish the file."""
        self._flush()
        self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
