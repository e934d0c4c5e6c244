"""Chunks handed to worker processes as files in shared memory (`handover`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from interfax_parse import batch
from interfax_parse.batch import Options, Outcome, PageTask, run, run_chunk, run_chunk_file
from interfax_parse.handover import SHARED_MEMORY, handover_folder, put, take
from interfax_parse.testing.archives import interview_pages


def _pages(count: int) -> list[PageTask]:
    return [PageTask(source=url, data=text.encode()) for url, text in interview_pages(count)]


def test_a_chunk_put_is_taken_back_whole_and_its_file_removed(tmp_path: Path) -> None:
    chunk = [*_pages(3), Outcome(source="bad", error="OSError", reason="unreadable")]
    with handover_folder(tmp_path) as folder:
        assert folder is not None and folder.parent == tmp_path
        path = put(folder, 7, chunk)
        assert path is not None and path.parent == folder
        assert take(path) == chunk
        assert not path.exists()
    assert not folder.exists()


def test_the_folder_goes_with_what_a_dead_worker_left(tmp_path: Path) -> None:
    with handover_folder(tmp_path) as folder:
        assert folder is not None
        put(folder, 0, _pages(1))
    assert list(tmp_path.iterdir()) == []


def test_no_folder_where_there_is_no_room_for_one(tmp_path: Path) -> None:
    with handover_folder(tmp_path / "missing") as folder:
        assert folder is None


def test_a_chunk_that_cannot_be_written_leaves_no_file(tmp_path: Path) -> None:
    # A folder that is gone stands for one that is full: the write fails.
    assert put(tmp_path / "gone", 0, _pages(1)) is None
    assert list(tmp_path.iterdir()) == []


def test_the_worker_function_reads_the_chunk_file(tmp_path: Path) -> None:
    chunk = _pages(2)
    path = put(tmp_path, 0, chunk)
    assert path is not None
    options = Options(encode=True)
    assert run_chunk_file(str(path), options) == run_chunk(chunk, options)
    assert not path.exists()


def _spy(
    monkeypatch: pytest.MonkeyPatch, parent: Path, fails: Callable[[int], bool] = lambda _: False
) -> list[Path | None]:
    """Make `run` hand over in `parent` and record what each `put` gave (the
    chunks whose number `fails` are put where they cannot be written); when
    the pool has closed, every chunk put must have been taken."""
    written: list[Path | None] = []

    @contextlib.contextmanager
    def folder() -> Iterator[Path | None]:
        with handover_folder(parent) as where:
            yield where
            assert where is not None
            assert list(where.iterdir()) == [], "chunks the workers did not take"

    def put_and_record(where: Path, number: int, chunk: object) -> Path | None:
        path = put(where / "gone" if fails(number) else where, number, chunk)
        written.append(path)
        return path

    monkeypatch.setattr(batch, "handover_folder", folder)
    monkeypatch.setattr(batch, "put", put_and_record)
    return written


def test_run_hands_chunks_over_as_files_and_leaves_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pages = _pages(9)
    alone = list(run(pages, jobs=1))
    written = _spy(monkeypatch, tmp_path)
    assert list(run(pages, jobs=2, chunk_size=2)) == alone
    assert len(written) == 5 and all(path is not None for path in written)
    assert list(tmp_path.iterdir()) == []


def test_run_falls_back_to_the_pipe_for_a_chunk_it_cannot_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pages = _pages(6)
    alone = list(run(pages, jobs=1))
    written = _spy(monkeypatch, tmp_path, fails=lambda number: number % 2 == 1)
    assert list(run(pages, jobs=2, chunk_size=2)) == alone
    assert [path is None for path in written] == [False, True, False]


def test_run_uses_the_pipe_where_there_is_no_shared_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = _pages(4)

    @contextlib.contextmanager
    def nowhere() -> Iterator[Path | None]:
        yield None

    monkeypatch.setattr(batch, "handover_folder", nowhere)
    assert list(run(pages, jobs=2, chunk_size=2)) == list(run(pages, jobs=1))


@pytest.mark.skipif(not SHARED_MEMORY.is_dir(), reason="no /dev/shm here")
def test_the_default_folder_is_in_shared_memory() -> None:
    with handover_folder() as folder:
        assert folder is not None and folder.parent == SHARED_MEMORY
    assert not folder.exists()
