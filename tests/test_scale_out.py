"""The scale-out recipes of docs/scale-out.md give exactly the CLI's output.

The functions below are the ones the page shows, word for word: a Dask bag
over archive files, and the partition function Spark's ``mapPartitions``
calls (Spark itself needs a JVM, so its function is run here directly).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc", reason="the warc extra is not installed")
db = pytest.importorskip("dask.bag", reason="dask is not installed")

from interfax_parse import to_dict  # noqa: E402
from interfax_parse.archive import iter_archive  # noqa: E402
from interfax_parse.cli import main  # noqa: E402
from interfax_parse.testing.archives import sample_items, write_archive  # noqa: E402


# --- as in docs/scale-out.md -------------------------------------------------
def interviews_in(path: str) -> list[dict[str, Any]]:
    """Every interview of one archive file, as JSON-ready dicts."""
    return [to_dict(r.interview) for r in iter_archive(path) if r.interview is not None]


def parse_partition(paths: Iterable[str]) -> Iterator[str]:
    """Spark's mapPartitions function: archive paths in, JSON lines out."""
    for path in paths:
        for record in iter_archive(path):
            if record.interview is not None:
                yield json.dumps(to_dict(record.interview), ensure_ascii=False)


# ------------------------------------------------------------------------------


@pytest.fixture
def archives(tmp_path: Path) -> list[str]:
    paths = []
    for number in range(4):
        kind = "conversion" if number % 2 else "response"
        path = tmp_path / f"crawl-{number}.{'wet' if number % 2 else 'warc'}.gz"
        write_archive(path, sample_items(5 + number, kind=kind, other_every=2))  # type: ignore[arg-type]
        paths.append(str(path))
    return paths


def cli_records(paths: list[str]) -> list[dict[str, Any]]:
    out = io.StringIO()
    code = main(["parse", "--quiet", *paths], stdout=out, stderr=io.StringIO())
    assert code == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_dask_bag_over_archives_equals_the_cli_output(archives: list[str]) -> None:
    bag = db.from_sequence(archives, npartitions=len(archives)).map(interviews_in).flatten()
    records = bag.compute(scheduler="synchronous")
    expected = cli_records(archives)
    assert len(expected) == 5 + 6 + 7 + 8
    assert records == expected


def test_spark_partition_function_equals_the_cli_output(archives: list[str]) -> None:
    halves = [archives[:2], archives[2:]]
    lines = [line for part in halves for line in parse_partition(iter(part))]
    assert [json.loads(line) for line in lines] == cli_records(archives)
