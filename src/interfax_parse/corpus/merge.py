"""Merge the captures of one interview into one record.

`merge(captures)` folds `merge_two` over parse results (or records already
merged). The result is an `Interview` whose `Interview.captures` lists every
page it was read from, and whose text is the most complete the captures
allow:

- **Text** (the lede, each paragraph of each turn) is compared after
  `interfax_parse.corpus.text.fold` (quote marks, lost apostrophes, dashes,
  split words, case and spacing do not count). When one version is a prefix
  of the other (a cut copy), the longer is kept: untruncated text wins over
  truncated, and of truncated copies the longest consistent prefix is kept.
  Versions equal once folded keep the one that sorts last as printed.
- **Turns** are merged position by position, and the longer list of turns,
  and of paragraphs in a turn, is kept. A record that starts at a turn (no
  title and no lede: a migrated page that lost its opening) is first placed
  where its turns agree with the other record's, keeping the largest
  overlap; where they agree nowhere, after them.
- **Titles** agree when one is the other with the speaker's office put
  before it (the newsroom's ``Office Name: quote`` for the old site's
  ``Name: quote``), one is a cut copy of the other, or both have the same
  quote (`interfax_parse.corpus.keys.split_title`) and the same or a missing
  surname. The title split at a speaker's colon with the longer quote is
  kept, then the longer title (so the newsroom's, which names the office).
- **Derived fields** (interviewee, office, correspondents, a turn's label
  and speaker, the short title) take the known value over ``None``, else the
  longer (``Elena Varga`` over ``Varga``).
- **Page fields** stay with their page: each `Capture` keeps its address,
  source, record id, capture date and year, template, `truncated` flag,
  headlines, teasers (`related`), warnings and unclaimed text. The record's
  `template`, `url`, `interview_id`, `capture_year` and `page_title` are
  those of its *primary* capture: the latest untruncated one whose template
  was not guessed (else the latest untruncated one, else the latest). The
  record is `truncated` when every capture is; its own `headlines`,
  `related` and `unclaimed` are empty.

**Disagreements.** Where two captures print different text in a field and
neither is a cut copy of the other, the record keeps the longer version and
carries a `WarningCode.CAPTURES_DISAGREE` warning naming the field:
``published``, ``title``, ``photo``, ``lede`` or ``turns[i]`` (a paragraph,
the role or the number of paragraphs of turn ``i`` differs). Text that its
record shows to be whole (another paragraph or turn follows it) but that
another capture continues is a disagreement too. The last text of a
capture is never taken to be whole: a page cut at a sentence's end cannot
be told from a complete one, so an edit that only drops text from the end
looks like a cut and is not reported.

**Order.** Every choice is the maximum of a fixed total order, so
`merge_two` is commutative and idempotent, and associative over records
that start at the top (a title or a lede): folding such captures in any
order gives the same record. A record that starts at a turn is placed by
its text, so it must meet a record that holds that text; `merge` therefore
folds those in last, in a fixed order, and `interfax_parse.corpus.Corpus`
merges them only into a record holding their opening. The tests check
both on generated captures.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Sequence

import attrs

from ..model import Capture, Interview, ParseWarning, Photo, Role, Turn, WarningCode
from .keys import split_title, title_parts
from .text import fold, related

__all__ = ["as_record", "capture_of", "merge", "merge_two"]

_DISAGREE = re.compile(r"\Acaptures disagree on (\S+) ")
_TURN_FIELD = re.compile(r"\Aturns\[(\d+)\]\Z")
_FIELD_ORDER = {"published": 0, "title": 1, "photo": 2, "lede": 3}


# -- captures ------------------------------------------------------------------


def capture_of(
    interview: Interview,
    *,
    source: str | None = None,
    record_id: str | None = None,
    capture_date: dt.datetime | None = None,
) -> Capture:
    """The `Capture` of a parse result: its page's address, dates, template and context.

    `source`, `record_id` and `capture_date` (a `datetime.datetime`) say
    where the page was read from when the caller knows it (a file, an
    archive record).
    """
    return Capture(
        template=interview.template,
        url=interview.url,
        interview_id=interview.interview_id,
        source=source,
        record_id=record_id,
        capture_date=capture_date,
        capture_year=interview.capture_year,
        truncated=interview.truncated,
        page_title=interview.page_title,
        headlines=interview.headlines,
        related=interview.related,
        warnings=interview.warnings,
        unclaimed=interview.unclaimed,
    )


def as_record(interview: Interview, *, capture: Capture | None = None) -> Interview:
    """`interview` as a merged record of one capture (a record is returned as is).

    The page's own fields move into its `Capture` (`capture`, when given,
    else `capture_of(interview)`); the interview's text stays.
    """
    if interview.captures:
        return interview
    return attrs.evolve(
        interview,
        headlines=(),
        related=(),
        warnings=(),
        unclaimed=(),
        captures=(capture if capture is not None else capture_of(interview),),
    )


def _capture_json(capture: Capture) -> str:
    from ..convert import converter

    return json.dumps(converter.unstructure(capture), sort_keys=True, ensure_ascii=False)


def _guessed(capture: Capture) -> bool:
    return any(w.code is WarningCode.TEMPLATE_GUESSED for w in capture.warnings)


@functools.total_ordering
class _CaptureOrder:
    """The order of `Interview.captures`, total: truncated captures first, then
    untruncated ones whose template was guessed, then the others; each group
    by capture date and year, then address, source, record and template. The
    last capture is the record's primary one."""

    __slots__ = ("capture", "cheap")

    def __init__(self, capture: Capture) -> None:
        self.capture = capture
        date = capture.capture_date
        self.cheap = (
            not capture.truncated,
            not capture.truncated and not _guessed(capture),
            date.isoformat() if date is not None else "",
            capture.capture_year if capture.capture_year is not None else 0,
            capture.url or "",
            capture.source or "",
            capture.record_id or "",
            capture.template,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _CaptureOrder) and self.capture == other.capture

    def __lt__(self, other: _CaptureOrder) -> bool:
        if self.cheap != other.cheap:
            return self.cheap < other.cheap
        return _capture_json(self.capture) < _capture_json(other.capture)

    __hash__ = None  # type: ignore[assignment]


def _union(first: Sequence[Capture], second: Sequence[Capture]) -> tuple[Capture, ...]:
    """Both sorted capture lists as one sorted list, each capture once."""
    if len(second) > len(first):
        first, second = second, first
    out = list(first)
    for capture in second:
        position = bisect.bisect_left(out, _CaptureOrder(capture), key=_CaptureOrder)
        if position < len(out) and out[position] == capture:
            continue
        out.insert(position, capture)
    return tuple(out)


# -- values --------------------------------------------------------------------


def _join_text(a: str, b: str, *, a_whole: bool, b_whole: bool) -> tuple[str, bool]:
    """The kept text of two versions, and whether they disagree.

    A version that is a cut copy of the other agrees with it unless it is
    whole (something follows it in its record).
    """
    if a == b:
        return a, False
    if b.startswith(a):
        return b, a_whole
    if a.startswith(b):
        return a, b_whole
    fa, fb = fold(a), fold(b)
    winner = max((len(fa), fa, a), (len(fb), fb, b))[2]
    if fa == fb:
        return winner, False
    if fb.startswith(fa):
        return winner, a_whole
    if fa.startswith(fb):
        return winner, b_whole
    return winner, True


def _join_optional_text(
    a: str | None, b: str | None, *, a_whole: bool, b_whole: bool
) -> tuple[str | None, bool]:
    if a is None or b is None:
        return (b if a is None else a), False
    return _join_text(a, b, a_whole=a_whole, b_whole=b_whole)


def _join_name(a: str | None, b: str | None) -> str | None:
    """The known value over None, else the longer, else the one that sorts last."""
    if a is None or b is None or a == b:
        return b if a is None else a
    return max(a, b, key=lambda value: (len(value), value))


def _join_role(a: Role | None, b: Role | None) -> tuple[Role | None, bool]:
    """The known role over None; of two different roles, the one that sorts last."""
    if a is None or b is None or a is b:
        return (b if a is None else a), False
    return max(a, b, key=lambda role: role.value), True


def _join_date(a: dt.date | None, b: dt.date | None) -> tuple[dt.date | None, bool]:
    """The known date over None; of two different dates, the later."""
    if a is None or b is None or a == b:
        return (b if a is None else a), False
    return max(a, b), True


def _title_rank(title: str) -> tuple[bool, int, int, str, str]:
    """Titles with a speaker's colon first (one cut before it has none), then
    the longer quote, then the longer title."""
    _, quote, split = split_title(title)
    folded = fold(title)
    return (split, len(" ".join(quote)), len(folded), folded, title)


def _join_title(a: str | None, b: str | None, *, cut: bool) -> tuple[str | None, bool]:
    """The kept title and whether the two disagree (`cut`: one may be cut short)."""
    if a is None or b is None or a == b:
        return (b if a is None else a), False
    winner = max(a, b, key=_title_rank)
    if cut:
        return winner, False
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        return winner, False
    surname_a, quote_a = title_parts(a)
    surname_b, quote_b = title_parts(b)
    same_speaker = surname_a == surname_b or not surname_a or not surname_b
    return winner, not (same_speaker and related(" ".join(quote_a), " ".join(quote_b)))


def _photo_rank(photo: Photo) -> tuple[str, str, str]:
    return (photo.caption or "", photo.credit or "", photo.file or "")


def _join_photo(a: Photo | None, b: Photo | None) -> tuple[Photo | None, bool]:
    if a is None or b is None or a == b:
        return (b if a is None else a), False
    winner = max(a, b, key=_photo_rank)
    disagree = any(
        x is not None and y is not None and fold(x) != fold(y)
        for x, y in ((a.caption, b.caption), (a.credit, b.credit), (a.file, b.file))
    )
    return winner, disagree


# -- turns ---------------------------------------------------------------------


def _texts_agree(a: Turn, b: Turn) -> bool:
    """Whether two turns can be copies of one, at a glance: roles and the
    paragraphs both hold agree as far as the shorter goes."""
    if a.role is not None and b.role is not None and a.role is not b.role:
        return False
    pairs = zip(a.paragraphs, b.paragraphs, strict=False)
    return all(p == q or related(fold(p), fold(q)) for p, q in pairs)


def _join_turn(a: Turn, b: Turn, *, a_final: bool, b_final: bool) -> tuple[Turn, bool]:
    """Two copies of one turn as one; `*_final`: another turn follows it in its record."""
    role, disagree = _join_role(a.role, b.role)
    paragraphs: list[str] = []
    pa, pb = a.paragraphs, b.paragraphs
    for index in range(max(len(pa), len(pb))):
        if index >= len(pa) or index >= len(pb):
            paragraphs.append(pb[index] if index >= len(pa) else pa[index])
            continue
        text, differs = _join_text(
            pa[index],
            pb[index],
            a_whole=a_final or index < len(pa) - 1,
            b_whole=b_final or index < len(pb) - 1,
        )
        paragraphs.append(text)
        disagree = disagree or differs
    if (a_final and len(pb) > len(pa)) or (b_final and len(pa) > len(pb)):
        disagree = True
    turn = Turn(
        role=role,
        label=_join_name(a.label, b.label),
        speaker=_join_name(a.speaker, b.speaker),
        paragraphs=tuple(paragraphs),
    )
    return turn, disagree


def _starts_at_top(record: Interview) -> bool:
    return record.title is not None or record.lede is not None


def _overlap_agrees(a: Sequence[Turn], b: Sequence[Turn], offset: int) -> bool:
    """Whether ``b[k]`` at ``a[k + offset]`` overlaps `a` without a disagreement."""
    pairs = [(k + offset, k) for k in range(len(b)) if 0 <= k + offset < len(a)]
    if not pairs or not _texts_agree(a[pairs[0][0]], b[pairs[0][1]]):
        return False
    return not any(
        _join_turn(a[i], b[k], a_final=i < len(a) - 1, b_final=k < len(b) - 1)[1] for i, k in pairs
    )


def _merge_turns(
    a: Sequence[Turn], b: Sequence[Turn], offset: int
) -> tuple[tuple[Turn, ...], list[int]]:
    """The turns of `a` and `b` with ``b[k]`` at ``a[k + offset]``; the merged
    indices where they disagree."""
    shift_a, shift_b = max(0, -offset), max(0, offset)
    length = max(len(a) + shift_a, len(b) + shift_b)
    turns: list[Turn] = []
    disagree: list[int] = []
    for index in range(length):
        i, k = index - shift_a, index - shift_b
        x = a[i] if 0 <= i < len(a) else None
        y = b[k] if 0 <= k < len(b) else None
        if x is None or y is None:
            chosen = x if y is None else y
            assert chosen is not None
            turns.append(chosen)
            continue
        turn, differs = _join_turn(x, y, a_final=i < len(a) - 1, b_final=k < len(b) - 1)
        turns.append(turn)
        if differs:
            disagree.append(index)
    return tuple(turns), disagree


def _turns_rank(turns: Sequence[Turn]) -> tuple[int, list[tuple[str, ...]]]:
    return (-len(turns), [tuple(fold(p) for p in t.paragraphs) for t in turns])


def _align(a: Interview, b: Interview) -> int:
    """The offset that puts ``b.turns[k]`` at ``a.turns[k + offset]``.

    Two records that start at the top (a title or a lede) align at 0. A
    record that starts at a turn is placed where the turns of both agree,
    keeping the largest overlap; where they agree nowhere, after the other
    record's turns (a record that starts at the top comes first).
    """
    top_a, top_b = _starts_at_top(a), _starts_at_top(b)
    if (top_a and top_b) or not a.turns or not b.turns:
        return 0
    low = 0 if top_a else -(len(b.turns) - 1)
    high = 0 if top_b else len(a.turns) - 1
    fits = [d for d in range(low, high + 1) if _overlap_agrees(a.turns, b.turns, d)]
    if not fits:
        fits = ([] if top_b else [len(a.turns)]) + ([] if top_a else [-len(b.turns)])
    if len(fits) == 1:
        return fits[0]
    return max(fits, key=lambda d: _turns_rank(_merge_turns(a.turns, b.turns, d)[0]))


# -- records -------------------------------------------------------------------


def _disagreement(field: str) -> ParseWarning:
    return ParseWarning(
        code=WarningCode.CAPTURES_DISAGREE,
        message=f"captures disagree on {field} (an edit, not a cut); the longer version is kept",
    )


def _field(warning: ParseWarning) -> str | None:
    match = _DISAGREE.match(warning.message)
    return match.group(1) if match else None


def _shifted(warnings: Iterable[ParseWarning], shift: int) -> set[str]:
    fields: set[str] = set()
    for warning in warnings:
        field = _field(warning)
        if field is None:
            continue
        turn = _TURN_FIELD.match(field)
        fields.add(f"turns[{int(turn.group(1)) + shift}]" if turn and shift else field)
    return fields


def _field_order(field: str) -> tuple[int, int, str]:
    turn = _TURN_FIELD.match(field)
    if turn:
        return (len(_FIELD_ORDER), int(turn.group(1)), field)
    return (_FIELD_ORDER.get(field, len(_FIELD_ORDER) + 1), 0, field)


def _title_may_be_cut(record: Interview) -> bool:
    """Whether the record's title may be cut: every capture is truncated (the
    record is) and nothing follows the title."""
    return record.truncated and not (record.photo or record.lede or record.turns)


def merge_two(a: Interview, b: Interview) -> Interview:
    """One record of two captures (or records) of the same interview.

    Commutative, associative and idempotent (see the module docstring), so
    a corpus can be merged incrementally in any order.
    """
    a, b = as_record(a), as_record(b)
    if a == b:
        return a
    offset = _align(a, b)
    turns, turn_fields = _merge_turns(a.turns, b.turns, offset)
    fields = _shifted(a.warnings, max(0, -offset)) | _shifted(b.warnings, max(0, offset))
    fields.update(f"turns[{index}]" for index in turn_fields)

    cut = _title_may_be_cut(a) or _title_may_be_cut(b)
    title, differs = _join_title(a.title, b.title, cut=cut)
    if differs:
        fields.add("title")
    lede, differs = _join_optional_text(
        a.lede, b.lede, a_whole=bool(a.turns), b_whole=bool(b.turns)
    )
    if differs:
        fields.add("lede")
    published, differs = _join_date(a.published, b.published)
    if differs:
        fields.add("published")
    photo, differs = _join_photo(a.photo, b.photo)
    if differs:
        fields.add("photo")
    short_title, _ = _join_optional_text(a.short_title, b.short_title, a_whole=True, b_whole=True)

    captures = _union(a.captures, b.captures)
    primary = captures[-1]  # see _CaptureOrder
    correspondents = max(a.correspondents, b.correspondents, key=lambda c: (len(c), c))
    return Interview(
        template=primary.template,
        title=title,
        short_title=short_title,
        published=published,
        interviewee=_join_name(a.interviewee, b.interviewee),
        interviewee_role=_join_name(a.interviewee_role, b.interviewee_role),
        correspondents=correspondents,
        lede=lede,
        photo=photo,
        turns=turns,
        url=primary.url,
        interview_id=primary.interview_id,
        page_title=primary.page_title,
        capture_year=primary.capture_year,
        truncated=primary.truncated,  # truncated captures sort first
        warnings=tuple(_disagreement(f) for f in sorted(fields, key=_field_order)),
        captures=captures,
    )


def _record_order(record: Interview) -> str:
    from ..convert import to_json

    return to_json(record)


def merge(captures: Iterable[Interview]) -> Interview:
    """The captures of one interview as one record (`merge_two`, folded).

    Records that start at the top (a title or a lede) are folded first, in
    the order given; records that start at a turn (a migrated page that lost
    its opening) after them, in a fixed order, so each is placed against the
    fullest text. Any order of `captures` gives the same record. Raises
    `ValueError` when there is none.

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> page = demo_page()
    >>> full = parse(page, url="http://www.interfax.com/interview.asp?id=7")
    >>> cut = parse(page[:1500], url="http://www.interfax.com/interview.asp?id=7")
    >>> record = merge([cut, full])
    >>> record.turns == full.turns, [c.truncated for c in record.captures]
    (True, [True, False])
    """
    records = [as_record(capture) for capture in captures]
    if not records:
        raise ValueError("merge() needs at least one capture")
    top = [r for r in records if _starts_at_top(r)]
    rest = sorted((r for r in records if not _starts_at_top(r)), key=_record_order)
    return functools.reduce(merge_two, top + rest)
