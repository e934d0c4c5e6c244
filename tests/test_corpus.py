"""Keys and merging on the real pages: the cross-site pairs, tickers, edits.

Real pairs (see ``tests/fixtures``):

- seed ``000_254cf404d8666705`` (``interview.asp?id=685353``, captured 2020,
  whole) and ``newsroom-873`` (the same interview on the newsroom site, cut
  after about 2,000 characters): the same title key;
- ``interview-asp-478540`` and ``newsroom-832`` (the same McFaul interview;
  the newsroom copy lost its title, lede and first question and starts at
  the first answer): different keys (title against text), joined by the
  corpus through the first answer's opening words.

Second captures of one ``interview.asp`` page are made by re-rendering the
parsed seed with the old site's template, with another news ticker.
"""

from __future__ import annotations

import datetime as dt
import tracemalloc

import attrs
import pytest

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import (
    Headline,
    Interview,
    WarningCode,
    from_json,
    get_template,
    parse,
    parse_text,
    to_json,
)
from interfax_parse.corpus import (
    Basis,
    Corpus,
    as_record,
    capture_of,
    group,
    interview_key,
    key_of,
    merge,
    merge_two,
    text_keys,
)
from interfax_parse.grammar.ticker import MOSCOW
from interfax_parse.testing.captures import newsroom_page

PAGES = fixture_pages("seeds") + fixture_pages("asp") + fixture_pages("newsroom")


def _read(page: FixturePage) -> Interview:
    return parse(page.path.read_bytes(), url=page.url)


def _page(stem: str) -> Interview:
    (page,) = [p for p in PAGES if p.path.stem == stem]
    return _read(page)


SEED = "000_254cf404d8666705"


def _ticker(count: int, newest: dt.datetime) -> tuple[Headline, ...]:
    """An invented news ticker, newest first."""
    lines = []
    for number in range(count):
        when = newest - dt.timedelta(minutes=23 * number)
        lines.append(Headline.at(f"Grain transit talks resume, round {number + 1}", when))
    return tuple(lines)


def _recaptured(interview: Interview, template: str, year: int) -> str:
    """`interview` as the old site printed it another day: another ticker and year."""
    newest = dt.datetime(year, 11, 3, 17, 40, tzinfo=MOSCOW)
    shown = attrs.evolve(interview, headlines=_ticker(6, newest), capture_year=year)
    return get_template(template).render(shown)


def _content(interview: Interview) -> dict[str, object]:
    names = ("title", "published", "interviewee", "interviewee_role", "correspondents", "lede")
    return {name: getattr(interview, name) for name in names} | {"turns": interview.turns}


# -- keys -------------------------------------------------------------------------


def test_the_seed_and_its_newsroom_copy_share_a_key() -> None:
    seed, newsroom = _page(SEED), _page("newsroom-873")
    assert seed.title != newsroom.title  # the newsroom puts the office first
    assert interview_key(seed) == interview_key(newsroom)
    assert interview_key(seed) == (
        "title:2016-07-01:stoltenberg:ball is in russias court in returning to"
    )
    assert key_of(newsroom).whole and key_of(seed).whole


def test_the_migrated_copy_without_title_is_keyed_on_its_text() -> None:
    old, migrated = _page("interview-asp-478540"), _page("newsroom-832")
    assert migrated.title is None and migrated.published == old.published
    assert key_of(old).basis is Basis.TITLE
    assert key_of(migrated).basis is Basis.TEXT
    assert interview_key(migrated) == (
        "text:2014-02-05:zero not in the least i mean the only political"
    )
    # The old capture's first answer opens with the same words ("it’s" and "its" alike).
    assert interview_key(migrated) in set(text_keys(old))
    assert interview_key(migrated) != interview_key(old)


def test_every_other_fixture_page_has_its_own_key() -> None:
    keys = {page.path.stem: interview_key(_read(page)) for page in PAGES}
    assert keys[SEED] == keys["newsroom-873"]
    del keys["newsroom-873"]
    assert len(set(keys.values())) == len(keys) == len(PAGES) - 1


def test_pages_of_one_day_get_different_keys() -> None:
    """Two interviews were published on 2009-12-03 and two on 2015-05-06."""
    same_day = [
        ("003_d1b7c864d41f587f", "interview-asp-133824"),
        ("interview-asp-590519", "newsroom-852"),
    ]
    for one, two in same_day:
        first, second = _page(one), _page(two)
        assert first.published == second.published
        assert interview_key(first) != interview_key(second)


def test_a_title_cut_short_gives_a_key_that_is_not_whole() -> None:
    seed = SEED_PATH.read_text(encoding="utf-8")
    title = "Jens Stoltenberg: Ball is in Russia’s court in returning to partnership with NATO"
    end = seed.index(f"\n{title}\n") + 1
    cut = parse_text(seed[: end + len("Jens Stoltenberg: Ball is in Russia’s co")])
    assert cut.title == "Jens Stoltenberg: Ball is in Russia’s co"
    assert not key_of(cut).whole
    whole = parse_text(seed[: end + len(title)])
    assert interview_key(whole) == interview_key(_page(SEED))


SEED_PATH = next(p.path for p in PAGES if p.path.stem == SEED)


def test_what_the_key_cannot_tell_apart_is_documented() -> None:
    """Same day, same surname, same first 8 words of the quote: one key (docs/corpus.md)."""
    day = dt.date(2019, 3, 1)
    one = Interview(
        template="newsroom",
        published=day,
        title="Ann Lee: Ports will stay open to grain all winter",
    )
    two = attrs.evolve(one, title="Bo Lee: Ports will stay open to grain all winter long, he says")
    assert interview_key(one) == interview_key(two)
    assert interview_key(attrs.evolve(two, title="Bo Leeds: Ports stay open")) != (
        interview_key(one)
    )
    assert interview_key(attrs.evolve(two, published=dt.date(2019, 3, 2))) != interview_key(one)


# -- merging the real pairs ---------------------------------------------------------


def test_the_seed_and_its_newsroom_copy_merge_into_the_seed() -> None:
    seed, newsroom = _page(SEED), _page("newsroom-873")
    record = merge([newsroom, seed])
    assert record == merge([seed, newsroom])
    assert record.warnings == ()
    assert record.turns == seed.turns  # the newsroom copy's cut answer is a prefix
    assert record.lede == seed.lede
    assert record.title == newsroom.title  # the fuller title, naming the office
    assert (record.template, record.url, record.interview_id) == (
        "interview-asp-2020",
        "http://www.interfax.com/interview.asp?id=685353",
        685353,
    )
    assert (record.capture_year, record.truncated) == (2020, False)
    assert (record.headlines, record.related, record.unclaimed) == ((), (), ())
    by_url = {c.url: c for c in record.captures}
    old = by_url["http://www.interfax.com/interview.asp?id=685353"]
    new = by_url["https://interfax.com/newsroom/exclusive-interviews/873/"]
    assert (old.template, old.truncated, old.headlines, old.related) == (
        "interview-asp-2020",
        False,
        seed.headlines,
        seed.related,
    )
    assert (new.template, new.truncated, new.headlines) == ("newsroom", True, ())
    assert [w.code for w in new.warnings] == [WarningCode.TRUNCATED]


def test_the_migrated_copy_joins_its_old_page_in_a_corpus() -> None:
    old, migrated = _page("interview-asp-478540"), _page("newsroom-832")
    (record,) = group([migrated, old])
    assert record == merge([old, migrated]) == merge([migrated, old])
    assert record.warnings == ()
    assert record.title == old.title and record.lede == old.lede
    assert record.interviewee == "Michael McFaul"
    assert len(record.turns) == 4
    assert record.turns[0] == old.turns[0]  # the question the newsroom copy lost
    # The old capture's answer is cut after "its a fantastic job, an"; the
    # newsroom copy holds all of it (printing "it’s"): the longer is kept.
    assert old.turns[1].paragraphs[0].endswith("its a fantastic job, an")
    assert record.turns[1].paragraphs == migrated.turns[0].paragraphs
    assert record.turns[1].speaker == "Michael McFaul"
    assert record.turns[2:] == migrated.turns[1:]
    assert {c.url for c in record.captures} == {old.url, migrated.url}


def test_a_corpus_of_every_fixture_page() -> None:
    records = group(_read(page) for page in PAGES)
    assert len(records) == len(PAGES) - 2
    merged = {r.published: len(r.captures) for r in records if len(r.captures) > 1}
    assert merged == {dt.date(2014, 2, 5): 2, dt.date(2016, 7, 1): 2}
    assert all(r.warnings == () for r in records)
    dates = [r.published for r in records]
    assert dates == sorted(dates)  # type: ignore[type-var]


# -- two captures of one interview.asp page --------------------------------------


def test_two_captures_with_different_tickers_are_one_interview() -> None:
    seed = _page(SEED)
    page = _recaptured(seed, "interview-asp-2020", 2021)
    again = parse(page, url=seed.url)
    assert again.headlines != seed.headlines
    assert interview_key(again) == interview_key(seed)
    record = merge([again, seed])
    assert record.warnings == ()
    assert _content(record) == _content(seed)
    assert [c.capture_year for c in record.captures] == [2020, 2021]
    assert [c.headlines for c in record.captures] == [seed.headlines, again.headlines]
    # The latest whole capture is the primary one.
    assert record.capture_year == 2021


def test_cut_captures_in_other_chromes_merge_into_the_whole_page() -> None:
    seed = _page(SEED)
    captures = [seed]
    for template, year, cut in (
        ("interview-asp-2018", 2018, 2600),
        ("interview-asp-2020", 2019, 7000),
        ("interview-asp-2020", 2021, 12000),
    ):
        page = _recaptured(seed, template, year)[:cut]
        captures.append(parse(page, url=seed.url, capture_date=dt.date(year, 12, 1)))
    captures.append(parse_text(newsroom_page(seed)[:5000]))
    assert len({interview_key(c) for c in captures}) == 1
    record = merge(captures)
    assert record == merge(reversed(captures))
    assert record.warnings == ()
    assert _content(record) | {"title": None} == _content(seed) | {"title": None}
    assert len(record.captures) == 5
    assert sum(c.truncated for c in record.captures) == 4


def test_quote_marks_and_lost_apostrophes_are_not_edits() -> None:
    seed = _page(SEED)
    straight = parse(SEED_PATH.read_bytes(), url=seed.url, normalize_quotes=True)
    assert straight.lede != seed.lede
    lost = _recaptured(
        attrs.evolve(
            straight,
            turns=tuple(
                attrs.evolve(t, paragraphs=tuple(p.replace("'", "") for p in t.paragraphs))
                for t in straight.turns
            ),
        ),
        "interview-asp-2020",
        2020,
    )
    record = merge([seed, straight, parse(lost)])
    assert record.warnings == ()
    assert len(record.turns) == len(seed.turns)


def test_an_edit_in_one_capture_is_reported() -> None:
    seed = _page(SEED)
    turns = list(seed.turns)
    paragraphs = list(turns[3].paragraphs)
    assert "it should stay history" in paragraphs[0]
    paragraphs[0] = paragraphs[0].replace("it should stay history", "it must stay history")
    turns[3] = attrs.evolve(turns[3], paragraphs=tuple(paragraphs))
    edited = parse(_recaptured(attrs.evolve(seed, turns=tuple(turns)), "interview-asp-2020", 2021))
    record = merge([seed, edited])
    assert record == merge([edited, seed])
    assert [(w.code, w.message) for w in record.warnings] == [
        (
            WarningCode.CAPTURES_DISAGREE,
            "captures disagree on turns[3] (an edit, not a cut); the longer version is kept",
        )
    ]
    assert "it should stay history" in record.turns[3].paragraphs[0]  # the longer


def test_a_paragraph_added_after_a_whole_one_is_reported() -> None:
    seed = _page(SEED)
    turns = list(seed.turns)
    first, *rest = turns[1].paragraphs
    turns[1] = attrs.evolve(turns[1], paragraphs=(first + " We will see.", *rest))
    edited = parse(_recaptured(attrs.evolve(seed, turns=tuple(turns)), "interview-asp-2020", 2021))
    record = merge([seed, edited])
    assert [w.message.split()[3] for w in record.warnings] == ["turns[1]"]
    assert record.turns[1].paragraphs[0].endswith("We will see.")


# -- records, captures and JSON ---------------------------------------------------


def test_a_record_round_trips_through_json_and_a_page_has_no_captures_key() -> None:
    seed = _page(SEED)
    assert "captures" not in to_json(seed)
    record = merge([seed, _page("newsroom-873")])
    assert '"captures": [' in to_json(record)
    assert from_json(to_json(record)) == record


def test_merging_is_idempotent_and_keeps_each_capture_once() -> None:
    seed = _page(SEED)
    record = merge([seed, seed, seed])
    assert record == as_record(seed)
    assert record.captures == (capture_of(seed),)
    assert merge_two(record, record) == record
    assert merge([record, seed]) == record


def test_merge_needs_a_capture() -> None:
    with pytest.raises(ValueError, match="at least one"):
        merge([])


def test_corpus_keeps_the_source_record_and_date_of_each_capture() -> None:
    corpus = Corpus()
    seed = _page(SEED)
    when = dt.datetime(2020, 2, 26, 3, 4, 5, tzinfo=dt.timezone.utc)
    corpus.add(seed, source="crawl.warc.gz", record_id="<urn:uuid:1>", capture_date=when)
    corpus.add(_page("newsroom-873"), source="newsroom-873.txt")
    (record,) = corpus.records()
    sources = {(c.source, c.record_id, c.capture_date) for c in record.captures}
    assert sources == {("crawl.warc.gz", "<urn:uuid:1>", when), ("newsroom-873.txt", None, None)}
    assert str(corpus.summary([record])) == (
        "2 captures read, 1 interviews, 1 merged from several captures, 0 with conflicts"
    )


def test_a_page_cut_before_its_date_joins_its_address() -> None:
    seed = _page(SEED)
    ticker_only = parse(SEED_PATH.read_bytes()[:600], url=seed.url)
    assert ticker_only.title is None and not ticker_only.turns
    assert key_of(ticker_only).basis is Basis.ADDRESS
    (record,) = group([ticker_only, seed])
    assert len(record.captures) == 2 and record.turns == seed.turns


def test_memory_holds_one_record_per_interview_not_every_page() -> None:
    """Adding the same interview's captures again grows memory by their small
    `Capture` entries only, never by their text."""
    seed = _page(SEED)
    text_size = len(to_json(attrs.evolve(seed, headlines=(), related=())))
    corpus = Corpus()
    corpus.add(seed, source="first")
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    count = 200
    for index in range(count):
        corpus.add(seed, source=f"copy-{index}")
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(corpus) == 1
    assert grown / count < text_size / 10
