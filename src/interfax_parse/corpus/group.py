"""A corpus: captures in, one merged record per interview out, in flat memory.

`Corpus.add` keys each capture (`interview_key`) and merges it at once into
the record of its key (`merge_two`): only one record per key is held, never
the captures themselves, so memory grows with the number of distinct
interviews (and a small `Capture` entry per page), not with the text of
every page read.

`Corpus.records` then joins the records whose keys could not be equal,
once every capture is in, each only when exactly one record qualifies:

1. a record keyed on its text (its pages have no title: a migrated page
   that starts at a turn) joins the title-keyed record one of whose turns
   opens with the same words, on the same date (`text_keys`); a text key
   cut short joins the record with a text key that starts with it;
2. a record whose title may be cut inside its first words joins the
   title-keyed record of the same date whose title contains that cut title;
3. a record keyed on its address (its pages hold no title and no text)
   joins the record that holds a capture of that address.

Records come out sorted by publication date, then key. Every step depends
only on the set of captures added, not on their order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..model import Interview, WarningCode
from .keys import Basis, key_of, text_keys
from .merge import as_record, capture_of, merge_two
from .text import fold

__all__ = ["Corpus", "CorpusSummary", "group"]


@attrs.frozen(kw_only=True)
class CorpusSummary:
    """What a corpus run found: the numbers the command line's summary prints."""

    captures: int
    """Captures added."""
    interviews: int
    """Records written: distinct interviews."""
    merged: int
    """Records made of more than one capture."""
    conflicts: int
    """Records whose captures disagree somewhere (a ``captures-disagree`` warning)."""

    def __str__(self) -> str:
        return (
            f"{self.captures} captures read, {self.interviews} interviews, "
            f"{self.merged} merged from several captures, {self.conflicts} with conflicts"
        )


def _date(key: str) -> str:
    return key.split(":", 2)[1]


def _sort_key(item: tuple[str, Interview]) -> tuple[dt.date, str]:
    key, record = item
    return (record.published or dt.date.max, key)


class Corpus:
    """Captures of many interviews, merged per interview as they are added.

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> corpus = Corpus()
    >>> page = demo_page()
    >>> for text in (page, page[:1400], page[:1900]):
    ...     _ = corpus.add(parse(text))
    >>> [len(record.captures) for record in corpus.records()]
    [3]
    """

    def __init__(self) -> None:
        self._groups: dict[str, Interview] = {}
        self._whole: set[str] = set()
        self.added = 0
        """Captures added so far."""

    def __len__(self) -> int:
        """Records held now (before `records` joins some of them)."""
        return len(self._groups)

    def add(
        self,
        interview: Interview,
        *,
        source: str | None = None,
        record_id: str | None = None,
        capture_date: dt.datetime | None = None,
    ) -> str:
        """Merge one capture (or merged record) into the corpus; return its key.

        `source`, `record_id` and `capture_date` are recorded in the capture's
        `Capture` (they are ignored for a record that already lists captures).
        """
        key = key_of(interview)
        capture = None
        if not interview.captures:
            capture = capture_of(
                interview, source=source, record_id=record_id, capture_date=capture_date
            )
        record = as_record(interview, capture=capture)
        held = self._groups.get(key.value)
        self._groups[key.value] = record if held is None else merge_two(held, record)
        if key.whole and key.basis is Basis.TITLE:
            self._whole.add(key.value)
        self.added += 1
        return key.value

    def records(self) -> list[Interview]:
        """One record per interview, sorted by publication date, then key."""
        groups = dict(self._groups)
        self._join_to_titles(groups)
        self._join_by_address(groups)
        return [record for _, record in sorted(groups.items(), key=_sort_key)]

    def summary(self, records: Iterable[Interview]) -> CorpusSummary:
        """The counts for `records` (as `records()` returned them)."""
        interviews = merged = conflicts = 0
        for record in records:
            interviews += 1
            merged += len(record.captures) > 1
            conflicts += any(w.code is WarningCode.CAPTURES_DISAGREE for w in record.warnings)
        return CorpusSummary(
            captures=self.added, interviews=interviews, merged=merged, conflicts=conflicts
        )

    # -- joining ---------------------------------------------------------------

    def _join_to_titles(self, groups: dict[str, Interview]) -> None:
        strong = sorted(k for k in groups if k in self._whole)
        texts: dict[str, dict[str, set[str]]] = {}
        titles: dict[str, list[str]] = {}
        for key in strong:
            record = groups[key]
            for text in text_keys(record):
                texts.setdefault(_date(text), {}).setdefault(text, set()).add(key)
            titles.setdefault(_date(key), []).append(key)
        targets: dict[str, str] = {}
        for key, record in groups.items():
            if key in self._whole:
                continue
            found: set[str] = set()
            if key.startswith("text:"):
                for text, owners in texts.get(_date(key), {}).items():
                    if text == key or text.startswith(key):
                        found |= owners
            elif key.startswith("title:") and record.title is not None:
                cut = fold(record.title)
                for other in titles.get(_date(key), []):
                    title = groups[other].title
                    if title is not None and cut in fold(title):
                        found.add(other)
            if len(found) == 1:
                targets[key] = found.pop()
        _apply(groups, targets)

    @staticmethod
    def _join_by_address(groups: dict[str, Interview]) -> None:
        holders: dict[str, set[str]] = {}
        for key, record in groups.items():
            if key.startswith("address:"):
                continue
            for capture in record.captures:
                if capture.url is not None:
                    holders.setdefault(capture.url, set()).add(key)
        targets: dict[str, str] = {}
        for key in groups:
            if key.startswith("address:"):
                found = holders.get(key.removeprefix("address:"), set())
                if len(found) == 1:
                    targets[key] = next(iter(found))
        _apply(groups, targets)


def _apply(groups: dict[str, Interview], targets: dict[str, str]) -> None:
    """Merge each record of `targets` into its target's (targets are never sources)."""
    for source, target in sorted(targets.items()):
        groups[target] = merge_two(groups[target], groups.pop(source))


def group(captures: Iterable[Interview]) -> list[Interview]:
    """Every interview among `captures`, merged: `Corpus.add` each, then `records`."""
    corpus = Corpus()
    for capture in captures:
        corpus.add(capture)
    return corpus.records()
