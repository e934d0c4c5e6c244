"""``interfax-parse corpus`` on a folder of real pages and generated duplicates.

The folder holds the two seeds, the dev corpus's 21 pages (``tests/fixtures``)
and, for each of them, two generated duplicate captures made from its own
reading (`interfax_parse.testing.captures`):

- the old site on another day: another news ticker and capture year, the
  other capture-year chrome, cut at another point (a whole seed is cut after
  5,000 characters; a cut page before the end of its text);
- the other site's layout: a newsroom page for an old-site page (the office
  before the title), an old-site page for a newsroom page (the office taken
  off the title, the turns labelled), cut at another point.

Of those 23 real pages, 21 are distinct interviews (``newsroom-873`` is the
first seed on the newsroom site, ``newsroom-832`` the migrated copy of
``interview-asp-478540``), so the command must write exactly 21 records, each
listing every file of its interview as a capture, with no text of any
capture lost.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import attrs
import pytest

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import Headline, Interview, WarningCode, from_dict, parse, parse_text
from interfax_parse.cli import main
from interfax_parse.corpus import fold
from interfax_parse.corpus.keys import split_title
from interfax_parse.grammar.ticker import MOSCOW
from interfax_parse.tables import COLUMNS
from interfax_parse.testing.captures import newsroom_page, old_site_page

PAGES = fixture_pages("seeds") + fixture_pages("asp") + fixture_pages("newsroom")
SAME = {"newsroom-873": "000_254cf404d8666705", "newsroom-832": "interview-asp-478540"}


def _ticker(day: int) -> tuple[Headline, ...]:
    newest = dt.datetime(2021, 3, 1, 18, 0, tzinfo=MOSCOW) + dt.timedelta(days=day)
    return tuple(
        Headline.at(f"Port tariffs reviewed, part {number}", when)
        for number, when in enumerate(newest - dt.timedelta(minutes=17 * n) for n in range(5))
    )


def _text_end(page: str, interview: Interview) -> int:
    """Where the interview's last printed text ends in a rendered page."""
    last = interview.turns[-1].paragraphs[-1] if interview.turns else interview.lede
    assert last is not None
    return page.index(last) + len(last)


def _duplicates(page: FixturePage, number: int) -> dict[str, str]:
    """Two generated captures of the interview of `page`, by file name."""
    interview = parse(page.path.read_bytes())
    newsroom = interview.template == "newsroom"
    chrome = (
        "interview-asp-2018"
        if interview.template == "interview-asp-2020"
        else ("interview-asp-2020")
    )
    other_day = old_site_page(interview, template=chrome, headlines=_ticker(number))
    layout = (
        old_site_page(interview, headlines=_ticker(number + 40))
        if newsroom
        else (newsroom_page(interview))
    )
    if interview.truncated:
        # Cut where the reading's text ends, minus a few characters, or a bit later.
        other_day = other_day[: _text_end(other_day, interview) - 7 - number % 5]
        layout = layout[: _text_end(layout, interview) - number % 3]
    else:
        other_day = other_day[:5000]
        layout = layout[:4000]
    stem = page.path.stem
    return {f"{stem}-other-day.txt": other_day, f"{stem}-other-site.txt": layout}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crawl")
    for number, page in enumerate(PAGES):
        (root / "real").mkdir(exist_ok=True)
        (root / "real" / page.path.name).write_bytes(page.path.read_bytes())
        for name, text in _duplicates(page, number).items():
            (root / "generated").mkdir(exist_ok=True)
            (root / "generated" / name).write_text(text, encoding="utf-8")
    return root


def _interview_of(path: Path) -> str:
    stem = path.stem.removesuffix("-other-day").removesuffix("-other-site")
    return SAME.get(stem, stem)


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _kept(capture: Interview, record: Interview) -> list[str]:
    """Every text of `capture` that `record` does not hold (as a cut copy or whole)."""
    lost: list[str] = []

    def holds(whole: str | None, part: str | None, name: str) -> None:
        if part is not None and (whole is None or not fold(whole).startswith(fold(part))):
            lost.append(f"{name}: {part[:60]!r}")

    holds(record.lede, capture.lede, "lede")
    if capture.title is not None and record.title is not None:
        quote = " ".join(split_title(capture.title)[1])
        holds(" ".join(split_title(record.title)[1]), quote, "title")
    offset = 0
    if capture.title is None and capture.turns:
        first = fold(capture.turns[0].paragraphs[0])
        offset = next(
            i for i, t in enumerate(record.turns) if fold(t.paragraphs[0]).startswith(first)
        )
    for index, turn in enumerate(capture.turns):
        theirs = record.turns[index + offset]
        for number, paragraph in enumerate(turn.paragraphs):
            whole = theirs.paragraphs[number] if number < len(theirs.paragraphs) else None
            holds(whole, paragraph, f"turns[{index + offset}][{number}]")
    return lost


def test_one_record_per_interview_with_every_capture_and_no_text_lost(folder: Path) -> None:
    code, out, err = run_cli("corpus", str(folder))
    assert code == 0, err
    records = [from_dict(json.loads(line)) for line in out.splitlines()]
    files = sorted(folder.rglob("*.txt"))
    assert len(files) == 3 * len(PAGES)
    interviews = {_interview_of(path) for path in files}
    assert len(records) == len(interviews) == len(PAGES) - 2

    by_interview: dict[str, Interview] = {}
    for record in records:
        owners = {_interview_of(Path(c.source or "")) for c in record.captures}
        assert len(owners) == 1, owners
        (owner,) = owners
        by_interview[owner] = record
    assert set(by_interview) == interviews
    for path in files:
        record = by_interview[_interview_of(path)]
        assert str(path) in {c.source for c in record.captures}
        capture = parse_text(path.read_text(encoding="utf-8"))
        assert _kept(capture, record) == [], path.name
    assert all(r.warnings == () for r in records), [
        (r.title, [w.message for w in r.warnings]) for r in records if r.warnings
    ]
    summary = err.strip().splitlines()
    assert summary == [
        f"interfax-parse: {len(files)} parsed, 0 skipped, 0 failed",
        f"interfax-parse: {len(files)} captures read, {len(interviews)} interviews, "
        f"{len(interviews)} merged from several captures, 0 with conflicts",
    ]


def test_the_cross_site_pairs_hold_all_their_captures(folder: Path) -> None:
    code, out, _ = run_cli("corpus", str(folder), "-q")
    assert code == 0
    records = {r.published: r for r in map(from_dict, map(json.loads, out.splitlines()))}
    stoltenberg = records[dt.date(2016, 7, 1)]
    assert len(stoltenberg.captures) == 6
    assert {c.template for c in stoltenberg.captures} == {"interview-asp-2020", "newsroom"}
    assert sum(c.truncated for c in stoltenberg.captures) == 4
    assert len(stoltenberg.turns) == 12 and not stoltenberg.truncated
    mcfaul = records[dt.date(2014, 2, 5)]
    assert len(mcfaul.captures) == 6
    # The generated newsroom capture puts the office first: the longer title is kept.
    assert mcfaul.title == (
        "U.S. ambassador to Russia McFaul: "
        "U.S. still sees Iranian threat as risk that should be minimized with missile defense system"
    )
    assert [t.label for t in mcfaul.turns[:4]] == ["Question", "Answer", "Q.", "A."]


def test_jobs_and_order_do_not_change_the_output(folder: Path, tmp_path: Path) -> None:
    _, one, _ = run_cli("corpus", str(folder), "-q")
    _, two, _ = run_cli("corpus", str(folder), "-q", "-j", "2")
    assert one == two
    # Another order of inputs: the generated pages first.
    _, three, _ = run_cli("corpus", str(folder / "generated"), str(folder / "real"), "-q")
    assert [_without_sources(line) for line in three.splitlines()] == [
        _without_sources(line) for line in one.splitlines()
    ]


def _without_sources(line: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(line)
    captures = data["captures"]
    assert isinstance(captures, list)
    data["captures"] = sorted(json.dumps(c, sort_keys=True) for c in captures)
    return data


def test_turn_rows_as_csv_one_record_per_interview(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "turns.csv"
    code, _, _ = run_cli("corpus", str(folder), "--format", "csv", "-o", str(target), "-q")
    assert code == 0
    import csv

    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == COLUMNS
    _, out, _ = run_cli("corpus", str(folder), "-q")
    records = [from_dict(json.loads(line)) for line in out.splitlines()]
    assert len(rows) == sum(len(r.turns) for r in records)


def test_conflicts_are_counted_and_failures_reported(tmp_path: Path) -> None:
    seed = fixture_pages("seeds")[0]
    interview = parse(seed.path.read_bytes())
    turns = list(interview.turns)
    turns[2] = attrs.evolve(turns[2], paragraphs=("A question the other capture never asked?",))
    edited = attrs.evolve(interview, turns=tuple(turns))
    (tmp_path / "one.txt").write_bytes(seed.path.read_bytes())
    (tmp_path / "two.txt").write_text(old_site_page(edited), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run_cli("corpus", str(tmp_path), "--errors", str(tmp_path / "errors.log"))
    assert code == 1
    (record,) = [from_dict(json.loads(line)) for line in out.splitlines()]
    assert [w.code for w in record.warnings] == [WarningCode.CAPTURES_DISAGREE]
    assert "empty.txt: NotAnInterviewError" in err
    assert err.splitlines()[-1] == (
        "interfax-parse: 2 captures read, 1 interviews, 1 merged from several captures, "
        "1 with conflicts"
    )
    assert json.loads((tmp_path / "errors.log").read_text())["error"] == "NotAnInterviewError"


def test_usage_errors_name_the_command(tmp_path: Path) -> None:
    code, _, err = run_cli("corpus", str(tmp_path), "--format", "parquet")
    assert code == 2
    assert err.startswith("interfax-parse corpus: error: --format parquet writes a file")


def test_a_single_page_is_its_own_record() -> None:
    seed = fixture_pages("seeds")[1]
    code, out, _ = run_cli("corpus", str(seed.path), "--url", seed.url, "-q")
    assert code == 0
    (record,) = [from_dict(json.loads(line)) for line in out.splitlines()]
    assert record.captures[0].url == seed.url == record.url
    assert record.turns == parse(seed.path.read_bytes()).turns


def test_archive_records_keep_their_record_id_and_date(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc", reason="the warc extra is not installed")
    from interfax_parse.demo import demo_interview, demo_page
    from interfax_parse.testing.archives import ArchiveItem, write_archive

    url = "http://www.interfax.com/interview.asp?id=4242"
    first = dt.datetime(2020, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
    later = dt.datetime(2021, 6, 2, 8, 30, tzinfo=dt.timezone.utc)
    items = [
        ArchiveItem(url=url, body=demo_page().encode(), date=first),
        ArchiveItem(url=url, body=demo_page()[:1800].encode(), date=later, kind="conversion"),
        ArchiveItem(
            url="https://interfax.com/newsroom/exclusive-interviews/42/",
            body=newsroom_page(demo_interview()).encode(),
            date=later,
            kind="conversion",
        ),
    ]
    write_archive(tmp_path / "crawl.warc.gz", items)
    code, out, err = run_cli("corpus", str(tmp_path / "crawl.warc.gz"))
    assert code == 0, err
    (record,) = [from_dict(json.loads(line)) for line in out.splitlines()]
    newsroom = "https://interfax.com/newsroom/exclusive-interviews/42/"
    # Truncated captures first, then by capture date: the last, the latest whole
    # capture, is the primary one whose address the record shows.
    assert [(c.url, c.capture_date, c.truncated) for c in record.captures] == [
        (url, later, True),
        (url, first, False),
        (newsroom, later, False),
    ]
    sources = {(c.source, bool(c.record_id)) for c in record.captures}
    assert sources == {(str(tmp_path / "crawl.warc.gz"), True)}
    assert (record.url, record.interview_id, record.template) == (newsroom, 42, "newsroom")
    assert record.turns == demo_interview().turns
