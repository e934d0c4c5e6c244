"""Streaming WARC and WET archives: what is parsed, skipped, counted and reported."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import pickle
import sys
import threading
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastwarc", reason="the warc extra is not installed")

from interfax_parse import Interview, ParseError, WarningCode, parse_text
from interfax_parse.archive import (
    ArchiveCounts,
    ArchivePayload,
    ArchiveRecord,
    MissingBackendError,
    is_archive_name,
    iter_archive,
    iter_payloads,
    parse_payload,
)
from interfax_parse.errors import ArchiveError
from interfax_parse.testing.archives import (
    ArchiveItem,
    interview_pages,
    record_bytes,
    sample_items,
    write_archive,
)


def archive(items: Iterable[ArchiveItem], *, compress: bool = True) -> io.BytesIO:
    buffer = io.BytesIO()
    write_archive(buffer, items, compress=compress)
    buffer.seek(0)
    return buffer


def interviews(records: Iterable[ArchiveRecord]) -> list[Interview]:
    found = []
    for record in records:
        assert isinstance(record.result, Interview), record.result
        found.append(record.result)
    return found


@pytest.mark.parametrize("kind", ["response", "conversion"])
@pytest.mark.parametrize("compress", [True, False])
def test_every_interview_record_is_parsed_and_the_rest_counted(kind: str, compress: bool) -> None:
    items = sample_items(6, kind=kind, other_every=2, request_records=True)  # type: ignore[arg-type]
    counts = ArchiveCounts()
    records = list(iter_archive(archive(items, compress=compress), counts=counts))
    expected = list(interview_pages(6))
    assert [r.url for r in records] == [url for url, _ in expected]
    for record, (url, text) in zip(records, expected, strict=True):
        assert record.kind == kind
        assert record.result == attrs.evolve(
            parse_text(text), url=url, interview_id=int(url.rsplit("=", 1)[1])
        )
    requests = 6 if kind == "response" else 0
    assert counts.records == 1 + 6 + 3 + requests
    assert (counts.parsed, counts.failed, counts.skipped) == (6, 0, 4 + requests)
    reasons = {"warcinfo record": 1, "not an interview address": 3}
    if requests:
        reasons["request record"] = requests
    assert counts.skip_reasons == reasons


def test_record_unpacks_as_the_issue_triple() -> None:
    [(record_id, url, result)] = iter_archive(archive(sample_items(1, kind="conversion")))
    assert isinstance(record_id, str)
    assert record_id.startswith("<urn:uuid:")
    assert url == "http://www.interfax.com/interview.asp?id=100001"
    assert isinstance(result, Interview)
    assert result.interview_id == 100001


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.wet", "crawl.wet.gz"])
def test_reads_paths_of_every_suffix(tmp_path: Path, name: str) -> None:
    kind = "conversion" if ".wet" in name else "response"
    path = tmp_path / name
    write_archive(path, sample_items(3, kind=kind))  # type: ignore[arg-type]
    assert is_archive_name(path.name)
    assert len(interviews(iter_archive(path))) == 3
    assert len(interviews(iter_archive(str(path)))) == 3


def test_archive_date_gives_the_year_only_when_the_page_lacks_it() -> None:
    date = dt.datetime(2023, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
    items = [
        attrs.evolve(item, date=date)
        for item in sample_items(2, kind="conversion", truncate_every=2, warcinfo=False)
    ]
    whole, cut = iter_archive(archive(items))
    assert whole.capture_date == cut.capture_date == date
    assert isinstance(whole.result, Interview)
    assert isinstance(cut.result, Interview)
    # The whole page has its footer: the footer's year wins.
    assert whole.result.capture_year == 2020
    assert WarningCode.YEAR_FROM_ARCHIVE not in {w.code for w in whole.result.warnings}
    # The cut page lost its footer: the archive's date fills the year in.
    assert cut.result.capture_year == 2023
    assert cut.result.truncated
    assert WarningCode.YEAR_FROM_ARCHIVE in {w.code for w in cut.result.warnings}


def test_skips_other_statuses_and_non_pages() -> None:
    url = "http://www.interfax.com/interview.asp?id=5"
    items = [
        ArchiveItem(url=url, body=b"moved", status=301),
        ArchiveItem(url=url, body=b"\x89PNG", content_type="image/png"),
        ArchiveItem(url=url, kind="metadata", body=b"fetchTimeMs: 1\r\n"),
    ]
    counts = ArchiveCounts()
    assert list(iter_archive(archive(items), counts=counts)) == []
    assert counts.skip_reasons == {
        "HTTP status 301": 1,
        "not a page (image/png)": 1,
        "metadata record": 1,
    }


def test_decodes_chunked_gzip_payloads_and_keeps_the_declared_charset() -> None:
    url, text = next(interview_pages(1))
    packed = gzip.compress(text.encode("utf-8"))
    chunks = b"".join(
        b"%x\r\n%s\r\n" % (len(packed[i : i + 500]), packed[i : i + 500])
        for i in range(0, len(packed), 500)
    )
    item = ArchiveItem(
        url=url,
        body=chunks + b"0\r\n\r\n",
        content_type="text/plain; charset=utf-8",
        http_headers=(("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")),
    )
    [payload] = iter_payloads(archive([item]))
    assert isinstance(payload, ArchivePayload)
    assert payload.body == text.encode("utf-8")
    assert payload.charset == "utf-8"
    assert parse_payload(payload).ok


def test_an_html_response_goes_through_parse_too() -> None:
    url = "http://www.interfax.com/interview.asp?id=77"
    html = b"<html><head><title>t</title></head><body><p>Nothing here</p></body></html>"
    item = ArchiveItem(url=url, body=html, content_type="text/html; charset=windows-1251")
    [record] = iter_archive(archive([item]))
    # Whatever parse() makes of this page, the record carries it, not a crash.
    assert record.url == url
    assert isinstance(record.result, (Interview, ParseError))


def test_unparseable_interview_record_is_a_failed_result_not_a_stop() -> None:
    items = list(sample_items(2, kind="conversion", warcinfo=False))
    garbage = attrs.evolve(items[0], url=items[0].url + "0", body=b"no interview here")
    counts = ArchiveCounts()
    records = list(iter_archive(archive([items[0], garbage, items[1]]), counts=counts))
    assert [r.ok for r in records] == [True, False, True]
    assert records[0].interview is records[0].result
    assert records[0].error is None
    assert records[1].interview is None
    assert records[1].error is records[1].result
    assert isinstance(records[1].result, ParseError)
    assert not isinstance(records[1].result, ArchiveError)
    assert (counts.parsed, counts.failed) == (2, 1)


def _parts(compress: bool) -> tuple[list[bytes], list[str]]:
    items = list(sample_items(3, kind="response", other_every=2, request_records=True))
    parts = [
        gzip.compress(record_bytes(i), mtime=0) if compress else record_bytes(i) for i in items
    ]
    ids = [r.record_id or "" for r in iter_archive(archive(items, compress=compress))]
    return parts, ids


@pytest.mark.parametrize("compress", [True, False])
@given(data=st.data())
def test_a_cut_archive_keeps_every_record_before_the_cut_and_reports_it(
    compress: bool, data: st.DataObject
) -> None:
    parts, ids = _parts(compress)
    whole = b"".join(parts)
    cut = data.draw(st.integers(min_value=0, max_value=len(whole) - 1), label="cut")
    records = list(iter_archive(io.BytesIO(whole[:cut])))
    good = [r.record_id for r in records if r.ok]
    errors = [r.result for r in records if not r.ok]
    assert good == ids[: len(good)]
    assert all(isinstance(e, ArchiveError) for e in errors)
    assert len(errors) <= 1
    ends = [sum(len(p) for p in parts[: i + 1]) for i in range(len(parts))]
    # Only a cut between records (or, uncompressed, in the CRLFs that close
    # one) leaves an archive that is whole as far as it goes.
    clean = cut == 0 or any(end - (0 if compress else 4) <= cut <= end for end in ends)
    assert bool(errors) == (not clean or cut == 0)


def test_a_corrupt_member_in_the_middle_keeps_the_records_before_it() -> None:
    parts, ids = _parts(compress=True)
    damaged = bytearray(parts[4])
    damaged[len(damaged) // 2 : len(damaged) // 2 + 40] = bytes(40)
    data = b"".join([*parts[:4], bytes(damaged), *parts[5:]])
    records = list(iter_archive(io.BytesIO(data)))
    assert [r.record_id for r in records[:-1]] == ids[:1]
    last = records[-1]
    assert isinstance(last.result, ArchiveError)
    # The error names the last record read whole: the request before it.
    request = gzip.decompress(parts[3]).decode()
    assert f"WARC-Record-ID: {last.result.record_id}\r\n" in request


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty archive"),
        (b"Just some text\nthat is no archive\n", "unreadable archive at its start"),
        (gzip.compress(b"Just some text\n"), "unreadable archive at its start"),
    ],
)
def test_a_file_that_is_no_archive_is_one_error(data: bytes, message: str) -> None:
    counts = ArchiveCounts()
    [record] = iter_archive(io.BytesIO(data), counts=counts)
    assert isinstance(record.result, ArchiveError)
    assert message in str(record.result)
    assert counts.failed == 1


def test_bytes_after_the_last_record_are_reported() -> None:
    parts, ids = _parts(compress=False)
    records = list(iter_archive(io.BytesIO(b"".join(parts) + b"trailing junk\n")))
    assert [r.record_id for r in records if r.ok] == ids
    assert isinstance(records[-1].result, ArchiveError)


def test_a_single_member_gzip_archive_is_read_and_checked() -> None:
    raw = b"".join(record_bytes(i) for i in sample_items(3, kind="conversion"))
    whole = gzip.compress(raw)
    assert all(r.ok for r in iter_archive(io.BytesIO(whole)))
    cut = list(iter_archive(io.BytesIO(whole[:-30])))
    assert isinstance(cut[-1].result, ArchiveError)


def test_non_seekable_streams_are_read() -> None:
    data = archive(sample_items(4, kind="conversion")).getvalue()
    read_end, write_end = os.pipe()

    def feed() -> None:
        with open(write_end, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    with open(read_end, "rb") as pipe:
        assert not pipe.seekable()
        assert len(interviews(iter_archive(pipe))) == 4
    writer.join()


@pytest.mark.parametrize(("kind", "suffix"), [("conversion", "wet.gz"), ("response", "warc.gz")])
def test_memory_stays_flat_however_many_records(tmp_path: Path, kind: str, suffix: str) -> None:
    def peak(pages: int) -> int:
        path = tmp_path / f"crawl-{pages}.{suffix}"
        # Each interview page is followed by five pages at other addresses.
        items = sample_items(pages, kind=kind, other_every=1, others=5)  # type: ignore[arg-type]
        write_archive(path, items)
        counts = ArchiveCounts()
        tracemalloc.start()
        try:
            seen = sum(1 for _ in iter_archive(path, counts=counts))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            assert seen == counts.parsed == pages
            assert counts.records == 1 + 6 * pages

    peak(10)  # warm up: imports, compiled patterns
    small, large = peak(40), peak(500)  # 241 and 3,001 records
    # 500 pages are 1.4 MB of text: holding even a tenth of them would show.
    assert large < 2 * small + 128 * 1024, (small, large)


def test_records_payloads_and_the_parse_step_pickle() -> None:
    buffer = archive(sample_items(1, kind="conversion"))
    [payload] = iter_payloads(buffer)
    assert isinstance(payload, ArchivePayload)
    assert pickle.loads(pickle.dumps(payload)) == payload
    record = parse_payload(payload)
    assert pickle.loads(pickle.dumps(record)) == record
    damaged = next(iter_archive(io.BytesIO(b"junk")))
    again = pickle.loads(pickle.dumps(damaged))
    assert str(again.result) == str(damaged.result)
    for function in (parse_payload, iter_archive, iter_payloads):
        assert pickle.loads(pickle.dumps(function)) is function


def test_a_missing_backend_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    with pytest.raises(MissingBackendError, match=r"interfax-parse\[warc\]"):
        list(iter_archive(io.BytesIO(b"")))


def test_other_compressions_fastwarc_reads_are_not_taken_for_damage(tmp_path: Path) -> None:
    from fastwarc.stream_io import ZstdWriter

    path = tmp_path / "crawl.warc.zst"
    writer = ZstdWriter(str(path))
    for item in sample_items(3, kind="conversion"):
        writer.write(record_bytes(item))
    writer.close()
    assert len(interviews(iter_archive(path))) == 3
