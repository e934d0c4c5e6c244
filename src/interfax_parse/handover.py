"""Handing chunks of work to worker processes through files in shared memory.

A chunk sent through a pipe is copied four or five times on its way (pickled
into a buffer, into the pipe, out of it 64 KB at a time, reassembled,
unpickled) while the worker waits. Written as a file to ``/dev/shm``, which
is memory and not disk, it is copied twice and the pipe carries only its
name. `batch.run` hands chunks over this way when it can, and through the
pipe when it cannot: where there is no ``/dev/shm`` (systems other than
Linux), or when a chunk does not fit (``/dev/shm`` is small in many
containers). A temporary folder on disk is not used: writing there was no
faster than the pipe.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["SHARED_MEMORY", "handover_folder", "put", "take"]

SHARED_MEMORY = Path("/dev/shm")
"""Where the folder for a run's chunks is made, if it exists."""


@contextmanager
def handover_folder(parent: Path = SHARED_MEMORY) -> Iterator[Path | None]:
    """A private folder in `parent` for one run's chunks, removed on exit
    with whatever is left in it (a worker that died leaves its chunk);
    ``None`` when `parent` has no room for one (or does not exist)."""
    try:
        folder = tempfile.mkdtemp(prefix="interfax-parse-", dir=parent)
    except OSError:
        yield None
        return
    try:
        yield Path(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def put(folder: Path, number: int, chunk: object) -> Path | None:
    """Write `chunk` to `folder` as the file for chunk `number`, and return
    its path; ``None`` (and no file) when it cannot be written."""
    path = folder / f"{number}.pickle"
    try:
        with path.open("wb") as stream:
            pickle.dump(chunk, stream, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        path.unlink(missing_ok=True)
        return None
    return path


def take(path: str | os.PathLike[str]) -> Any:
    """The chunk `put` wrote at `path`; the file is removed."""
    try:
        with open(path, "rb") as stream:
            return pickle.load(stream)
    finally:
        Path(path).unlink(missing_ok=True)
