"""The batch command line: inputs of every kind, processes, formats, failures."""

from __future__ import annotations

import csv
import gzip
import io
import json
import pickle
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the warc extra is not installed")

from interfax_parse import from_dict, parse, parse_text
from interfax_parse.batch import (
    Options,
    Outcome,
    PageTask,
    discover,
    run,
    run_chunk,
    run_task,
    tasks,
)
from interfax_parse.cli import main
from interfax_parse.demo import demo_page
from interfax_parse.progress import Progress
from interfax_parse.tables import COLUMNS, turn_rows, write_csv
from interfax_parse.testing.archives import interview_pages, sample_items, write_archive


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_cli(
    *argv: str, stdin: bytes = b"", stderr: io.StringIO | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def ids(jsonl: str) -> list[int | None]:
    return [json.loads(line)["interview_id"] for line in jsonl.splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good pages, garbage, an empty file, archives and a cut archive."""
    folder = tmp_path / "crawl"
    (folder / "sub").mkdir(parents=True)
    for index, (_, text) in enumerate(interview_pages(3, start=1)):
        (folder / f"page{index}.txt").write_text(text, encoding="utf-8")
    (folder / "garbage.txt").write_bytes(b"\x80\x81 nothing to see here \xc3")
    (folder / "empty.html").write_bytes(b"")
    (folder / "notes.md").write_text("not an input: wrong ending")
    write_archive(
        folder / "sub" / "a.warc.gz",
        sample_items(4, kind="response", other_every=2, request_records=True),
    )
    write_archive(folder / "sub" / "b.wet", sample_items(3, kind="conversion"))
    cut = io.BytesIO()
    write_archive(cut, sample_items(3, kind="conversion"), compress=True)
    (folder / "sub" / "cut.wet.gz").write_bytes(cut.getvalue()[:-300])
    return folder


def test_a_mixed_folder_keeps_every_good_record_and_reports_each_bad_one(
    mixed: Path, tmp_path: Path
) -> None:
    errors = tmp_path / "errors.jsonl"
    code, out, err = run_cli("parse", str(mixed), "--errors", str(errors))
    assert code == 1
    records = [from_dict(json.loads(line)) for line in out.splitlines()]
    # Folder order is sorted by path: the pages, then sub/a, sub/b, sub/cut.
    assert [r.interview_id for r in records] == [
        None,
        None,
        None,
        *range(100001, 100005),
        *range(100001, 100004),
        100001,
        100002,
    ]
    assert all(r.turns for r in records)
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [Path(f["input"]).name for f in failures] == ["empty.html", "garbage.txt", "cut.wet.gz"]
    assert failures[0]["error"] == "NotAnInterviewError"
    # Undecodable, or decoded by a detected single-byte charset and then no interview.
    assert failures[1]["error"] in {"UndecodableInputError", "NotAnInterviewError"}
    assert failures[2]["error"] == "ArchiveError"
    assert failures[2]["url"] == "http://www.interfax.com/interview.asp?id=100003"
    assert failures[2]["record_id"].startswith("<urn:uuid:")
    assert "cut short" in failures[2]["reason"]
    for failure in failures:
        assert f"{failure['input']}" in err
        assert failure["error"] in err
    # 4 requests, 2 other pages and 3 warcinfo records were skipped.
    assert err.splitlines()[-1] == "interfax-parse: 12 parsed, 9 skipped, 3 failed"


def test_jobs_2_output_equals_jobs_1_output(mixed: Path, tmp_path: Path) -> None:
    many = tmp_path / "many.wet.gz"
    write_archive(many, sample_items(70, kind="conversion", other_every=3))
    one = run_cli("parse", str(mixed), str(many), "--jobs", "1")
    two = run_cli("parse", str(mixed), str(many), "--jobs", "2")
    assert one == two
    assert len(one[1].splitlines()) == 12 + 70


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_jobs_2_keeps_order_in_every_text_format(mixed: Path, fmt: str) -> None:
    assert run_cli("parse", str(mixed), "--format", fmt) == run_cli(
        "parse", str(mixed), "--format", fmt, "-j", "2"
    )


def test_globs_files_and_missing_inputs(mixed: Path) -> None:
    pattern = str(mixed / "**" / "*.wet*")
    missing = mixed / "missing.txt"
    nothing = str(mixed / "*.nothing")
    code, out, err = run_cli("parse", pattern, str(mixed / "page0.txt"), str(missing), nothing)
    assert code == 1
    assert ids(out) == [100001, 100002, 100003, 100001, 100002, None]
    assert f"{missing}: FileNotFoundError" in err
    assert f"{nothing}: FileNotFoundError: no file matches this pattern" in err
    assert "cut.wet.gz" in err


def test_stdin_takes_a_page_or_an_archive(mixed: Path) -> None:
    code, out, _ = run_cli(
        "parse", "-", "--url", "http://interfax.com/interview.asp?id=42", stdin=demo_page().encode()
    )
    assert (code, ids(out)) == (0, [42])
    for name in ("a.warc.gz", "b.wet"):
        code, out, _err = run_cli("parse", "-", stdin=(mixed / "sub" / name).read_bytes())
        assert code == 0
        assert len(out.splitlines()) == (4 if name == "a.warc.gz" else 3)


def test_csv_has_one_row_per_turn(mixed: Path, tmp_path: Path) -> None:
    target = tmp_path / "turns.csv"
    code, out, _ = run_cli(
        "parse", str(mixed / "sub" / "b.wet"), "--format", "csv", "-o", str(target)
    )
    assert (code, out) == (0, "")
    with target.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    page = parse_text(next(interview_pages(1))[1])
    assert len(rows) == 3 * len(page.turns)
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert first["url"] == "http://www.interfax.com/interview.asp?id=100001"
    assert (first["interview_id"], first["turn"], first["role"]) == ("100001", "0", "question")
    assert first["published"] == "2019-11-14"
    assert rows[1]["text"] == page.turns[1].text  # paragraphs joined by a blank line


def test_parquet_has_one_typed_row_per_turn(mixed: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "turns.parquet"
    code, _, _ = run_cli("parse", str(mixed / "sub"), "--format", "parquet", "-o", str(target))
    assert code == 1  # the cut archive
    table = pq.read_table(target)
    assert table.column_names == list(COLUMNS)
    records = list(table.to_pylist())
    interviews = [parse(p.read_bytes()) for p in sorted((mixed).glob("page*.txt"))][:1]
    assert len(records) == 9 * len(interviews[0].turns)
    assert records[0]["interview_id"] == 100001
    assert str(records[0]["published"]) == "2019-11-14"


def test_parquet_usage_errors(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run_cli("parse", str(mixed), "--format", "parquet")
    assert code == 2
    assert "-o FILE" in err
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run_cli("parse", str(mixed), "--format", "parquet", "-o", "x.parquet")
    assert code == 2
    assert "interfax-parse[parquet]" in err


def test_archives_without_the_warc_extra_are_a_usage_error(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    code, out, err = run_cli("parse", str(mixed))
    assert (code, out) == (2, "")
    assert "interfax-parse[warc]" in err
    # Page files alone still work.
    assert run_cli("parse", str(mixed / "page0.txt"))[0] == 0


@pytest.mark.parametrize(
    "argv",
    [
        ("parse",),
        ("parse", "x.txt", "--jobs", "many"),
        ("parse", "x.txt", "--jobs", "-1"),
        ("parse", "x.txt", "--format", "xml"),
        ("parse", "x.txt", "--template", "no-such-template"),
        ("parse", "a.txt", "b.txt", "--url", "http://interfax.com/interview.asp?id=1"),
    ],
)
def test_usage_errors_exit_2(argv: tuple[str, ...]) -> None:
    assert run_cli(*argv)[0] == 2


def test_quiet_drops_the_summary_and_a_terminal_gets_a_progress_bar(mixed: Path) -> None:
    code, _, err = run_cli("parse", str(mixed / "sub" / "b.wet"), "--quiet", stderr=Terminal())
    assert (code, err) == (0, "")
    code, _, err = run_cli("parse", str(mixed / "sub" / "b.wet"), stderr=Terminal())
    assert code == 0
    bar, summary = err.rsplit("\r", 1)
    assert "pages/s" in bar
    assert "failed" in bar
    assert summary == "interfax-parse: 3 parsed, 1 skipped, 0 failed\n"
    # Not a terminal: no bar, just the summary.
    assert run_cli("parse", str(mixed / "sub" / "b.wet"))[2] == summary


def test_progress_line_counts_pages_rate_and_failures() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, clock=lambda: now[0])
    now[0] = 2.0
    progress.update(10, 1)
    assert stream.getvalue() == "\r10 pages | 5.0 pages/s | 1 failed"
    now[0] = 2.01
    progress.update(11, 1)  # too soon: not redrawn
    progress.close()
    assert stream.getvalue().endswith("\r" + " " * 33 + "\r")
    silent = io.StringIO()
    Progress(silent, enabled=False).update(1, 0)
    assert silent.getvalue() == ""


def test_discover_walks_folders_by_ending_and_expands_globs(mixed: Path) -> None:
    names = [Path(i.name).relative_to(mixed).as_posix() for i in discover([str(mixed)])]
    assert names == [
        "empty.html",
        "garbage.txt",
        "page0.txt",
        "page1.txt",
        "page2.txt",
        "sub/a.warc.gz",
        "sub/b.wet",
        "sub/cut.wet.gz",
    ]
    found = list(discover([str(mixed / "sub" / "*.wet*")]))
    assert [(Path(i.name).name, i.archive) for i in found] == [
        ("b.wet", True),
        ("cut.wet.gz", True),
    ]


def test_run_passes_failed_reads_through_in_place() -> None:
    good = PageTask(source="good", data=demo_page().encode())
    failed = Outcome(source="bad", error="OSError", reason="unreadable")
    outcomes = list(run([good, failed, good], jobs=2, chunk_size=1))
    assert [o.source for o in outcomes] == ["good", "bad", "good"]
    assert [o.ok for o in outcomes] == [True, False, True]


def test_worker_functions_and_their_values_pickle() -> None:
    for function in (parse, parse_text, run_task, run_chunk):
        assert pickle.loads(pickle.dumps(function)) is function
    task = PageTask(source="demo", data=demo_page().encode())
    outcome = run_task(task, Options())
    assert pickle.loads(pickle.dumps(task)) == task
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    assert outcome.interview == parse(demo_page())


def test_parse_is_a_pure_function_of_its_arguments() -> None:
    data = demo_page().encode()
    assert (
        parse(data) == parse(data) == run_task(PageTask(source="x", data=data), Options()).interview
    )


def test_tasks_turn_unreadable_inputs_into_failures(tmp_path: Path) -> None:
    items = list(tasks(discover([str(tmp_path / "nope.txt")])))
    assert isinstance(items[0], Outcome)
    assert items[0].error == "FileNotFoundError"


def test_turn_rows_and_csv_writer() -> None:
    interview = parse(demo_page(), url="http://www.interfax.com/interview.asp?id=9")
    rows = list(turn_rows(interview))
    assert [r["turn"] for r in rows] == list(range(len(interview.turns)))
    assert {r["interview_id"] for r in rows} == {9}
    out = io.StringIO(newline="")
    assert write_csv([interview, interview], out) == 2 * len(rows)
    assert out.getvalue().splitlines()[0] == ",".join(COLUMNS)


def test_a_gzip_page_file_is_not_taken_for_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(gzip.compress(demo_page().encode()))
    code, _, err = run_cli("parse", str(page))
    assert code == 1
    assert "UndecodableInputError" in err or "NotAnInterviewError" in err
