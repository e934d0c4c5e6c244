"""The interview body shared by every layout: lede, turns, teasers, names.

Templates find where the body starts (after the title) and ends (before the
footer); `read_body` does the rest the same way for all of them:

- paragraphs before the first turn form the lede (the first one) and, when
  more stand there, an unlabelled turn (reported speech keeps its text);
- a paragraph opening with a label starts a turn; a paragraph without one
  continues the turn above it (but when two questions or more are labelled
  and no answer is, each question's paragraphs after the one that asks are
  its answer: `_Reader.infer_answers`);
- once the body has begun, a gap of two or more blank lines starts the
  teasers of other interviews, one paragraph each, unless a turn follows:
  a later paragraph opening with a standard label, or with a label the
  page's turns already use, shows that the interview goes on, and the gap
  is read as a paragraph break (teasers begin at the first wide gap after
  which no paragraph opens a turn).

Name and office labels (``Minister:``, ``Lavrov:``) are accepted as labels
only with evidence from the page: a known office word, the interviewee's or a
correspondent's name, a label already seen, or a question just before.

A body with no label at all is left unlabelled unless the template passes a
``segment`` hook (`interfax_parse.segment.segment_paragraphs`), which infers
turns from the paragraphs' own evidence; such turns are flagged with
`WarningCode.ROLES_INFERRED`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import repeat

import attrs

from .blocks import Block
from .grammar.labels import (
    ASKER_LABELS,
    LabelMatch,
    is_cut_label,
    is_office_label,
    match_label,
)
from .grammar.names import (
    correspondents,
    lede_subject,
    same_person,
    subject_name,
    title_speaker,
)
from .model import ParseWarning, RelatedItem, Role, Turn, WarningCode
from .segment import Segmentation, asks
from .templates.base import Zone, new_related, slot_setters

__all__ = ["Body", "People", "find_people", "read_body", "related_item"]

LabelMatcher = Callable[[str], "LabelMatch | None"]
Segmenter = Callable[[Sequence[str]], Segmentation]


@attrs.frozen(kw_only=True)
class People:
    """Who the title and lede say took part."""

    interviewee: str | None = None
    interviewee_role: str | None = None
    correspondents: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Body:
    """What `read_body` found between the title and the footer."""

    lede: str | None
    turns: tuple[Turn, ...]
    related: tuple[RelatedItem, ...]
    people: People
    zones: tuple[Zone, ...]
    """One zone per block read, in order."""
    warnings: tuple[ParseWarning, ...]


def find_people(title: str | None, lede: str | None) -> People:
    """The interviewee, their office and the correspondents, from title and lede.

    The lede's fuller name wins when it is the title's person (``McFaul`` in
    the title, ``Michael McFaul`` in the lede); the title's speaker wins when
    the lede's subject is someone else.
    """
    return _people(title_speaker(title) if title else (None, None), lede)


def _people(speaker: tuple[str | None, str | None], lede: str | None) -> People:
    """`find_people` given the title's `title_speaker`."""
    title_office, title_name = speaker
    lede_office, lede_name = lede_subject(lede) if lede else (None, None)
    name: str | None
    office: str | None
    if title_name and lede_name and not same_person(title_name, lede_name):
        name, office = title_name, title_office
    elif title_name and lede_name:
        longer = lede_name if len(lede_name) >= len(title_name) else title_name
        name, office = longer, lede_office or title_office
    else:
        name = lede_name or title_name
        office = lede_office if lede_name else title_office
    return People(
        interviewee=name,
        interviewee_role=office,
        correspondents=correspondents(lede) if lede else (),
    )


_TEASER = re.compile(r"\binterviews?\b.*\bInterfax\b|\bInterfax\b.*\binterview", re.DOTALL)


def _teaser_interviewee(paragraph: str) -> str | None:
    """Who a third-person paragraph about someone giving Interfax an
    interview says was interviewed; None when the paragraph is not one."""
    # Both words must stand in it: cheaper tests than the pattern's on a long answer.
    if "Interfax" in paragraph and "interview" in paragraph and _TEASER.search(paragraph):
        return subject_name(paragraph)
    return None


def related_item(summary: str) -> RelatedItem:
    """A teaser paragraph, with the interviewee it names when it names one."""
    return new_related(summary, subject_name(summary), None, None)


_new_record = object.__new__
_set_role, _set_label, _set_speaker, _set_paragraphs = slot_setters(
    Turn, "role", "label", "speaker", "paragraphs"
)


@attrs.define
class _OpenTurn:
    role: Role | None
    label: str | None
    named: str | None  # the person a name label names
    paragraphs: list[str]


class _Reader:
    """One pass over the body blocks; see `read_body`."""

    def __init__(
        self,
        title: str | None,
        match: LabelMatcher,
        segment: Segmenter | None = None,
        *,
        lede: bool = True,
    ) -> None:
        self.title = title
        self.has_lede = lede  # whether the first paragraph before any turn is the lede
        self.match = match
        self.segment = segment
        self.speaker_of_title = title_speaker(title) if title else (None, None)
        self.title_name = self.speaker_of_title[1]
        self.pre: list[str] = []
        self.turns: list[_OpenTurn] = []
        self.related: list[str] = []
        # The teasers' interviewees, when `split_off_teasers` read them.
        self.related_names: list[str | None] | None = None
        self.zones: list[Zone] = []
        self.warnings: list[ParseWarning] = []
        self.seen_labels: set[str] = set()
        self._people: People | None = None

    def people(self) -> People:
        if self._people is None or not self.turns:
            self._people = _people(self.speaker_of_title, self.lede())
        return self._people

    def lede(self) -> str | None:
        return self.pre[0] if self.pre and self.has_lede else None

    def known_names(self) -> list[str]:
        people = self.people()
        names = [n for n in (self.title_name, people.interviewee) if n]
        return names + list(people.correspondents)

    def accept(self, found: LabelMatch, line: int) -> _OpenTurn | None:
        """A new turn for a label at `line`, or None when the candidate is not a label."""
        if found.role is not None:
            return _OpenTurn(found.role, found.label, None, [])
        label = found.label
        low = label.lower()
        people = self.people()
        if low in ASKER_LABELS:
            return _OpenTurn(Role.QUESTION, label, None, [])
        if any(same_person(label, name) for name in people.correspondents):
            return _OpenTurn(Role.QUESTION, label, label, [])
        if is_office_label(label):
            return _OpenTurn(Role.ANSWER, label, None, [])
        previous = self.turns[-1].role if self.turns else None
        named = any(same_person(label, name) for name in self.known_names())
        if (
            label in self.seen_labels
            or named
            or (previous is Role.QUESTION and len(label.split()) <= 3)
        ):
            return _OpenTurn(Role.ANSWER, label, label, [])
        self.warnings.append(
            ParseWarning(
                code=WarningCode.UNKNOWN_LABEL,
                message=f"{label!r} looks like a label but nothing on the page "
                "supports it; read as text",
                line=line,
            )
        )
        return None

    def feed_all(self, blocks: Sequence[Block]) -> None:
        """Read every block in turn: a block opening with an accepted label
        starts a turn, any other continues the turn above it (or, before the
        first turn, joins the lede's paragraphs); once the body has begun, the
        blocks from the first gap of two or more blank lines after which no
        block opens a turn on are teasers (a reader that already met teasers
        reads no turn).

        A wide gap inside the body (between the lede and the first question,
        or a stray blank line between two paragraphs) is read as a paragraph
        break when a later block opens a turn: with a standard label, or with
        a label the page's turns already use (see `_next_turn`).
        `_feed_turns` stops at each wide gap, so the loop over the blocks
        tests nothing more; the blocks after a gap are looked at only then,
        each once at most (teasers are a few paragraphs).
        """
        count = len(blocks)
        start = 0 if self.related else self._feed_turns(blocks)
        while start < count and not self.related:
            resume = self._next_turn(blocks, start)
            if resume is None:
                break
            # The wide gaps up to and before the turn are paragraph breaks.
            self._feed_turns([_as_paragraph(b) for b in blocks[start : resume + 1]])
            start = resume + 1
            if start < count:
                start += self._feed_turns(blocks[start:])
        rest = blocks[start:]
        if rest:
            self.related.extend(b.text for b in rest)
            self.zones.extend([Zone.RELATED] * len(rest))

    def _next_turn(self, blocks: Sequence[Block], start: int) -> int | None:
        """The index of the first block from `start` on that opens a turn by
        its label alone: a standard label (``Question:``, ``A.:``), or a name
        or office label the page's turns already use; None when none does."""
        match, seen_labels = self.match, self.seen_labels
        for index in range(start, len(blocks)):
            found = match(blocks[index].text)
            if found is not None and (found.role is not None or found.label in seen_labels):
                return index
        return None

    def _feed_turns(self, blocks: Sequence[Block]) -> int:
        """`feed_all` up to the first teaser; returns its index (or the blocks' count).

        One loop over local names, the blocks unpacked, a standard label's
        turn made in place (profiled: a method call or a named field per
        block cost more). The open turn's paragraphs are a local list, and
        the blocks' zones are added once at the end: every block read is in
        a turn but the first paragraph before any turn, the lede (about 1 %).
        """
        match, turns, pre = self.match, self.turns, self.pre
        seen_labels = self.seen_labels
        had_pre = bool(pre)
        paragraphs = turns[-1].paragraphs if turns else None
        count = len(blocks)
        for index, (text, line, gap) in enumerate(blocks):
            if gap >= 2 and (pre or turns):
                count = index
                break
            found = match(text)
            if found is not None:
                label, rest, role = found
                turn = (
                    _OpenTurn(role, label, None, [])
                    if role is not None
                    else self.accept(found, line)
                )
                if turn is not None:
                    seen_labels.add(turn.label or "")
                    paragraphs = turn.paragraphs
                    if rest:
                        paragraphs.append(rest)
                    turns.append(turn)
                    continue
            if paragraphs is not None:
                paragraphs.append(text)
            else:
                pre.append(text)
        zones = [Zone.TURN] * count
        if pre and not had_pre and self.has_lede:  # the first block went to the lede
            zones[0] = Zone.LEDE
        self.zones.extend(zones)
        return count

    def unfeed_last(self) -> None:
        """Take the last block back out of the reading: it fits no field."""
        if self.turns and self.zones[-1] is Zone.TURN and self.turns[-1].paragraphs:
            self.turns[-1].paragraphs.pop()
        elif self.pre:
            self.pre.pop()
        self.zones[-1] = Zone.UNCLAIMED

    def speaker(self, turn: _OpenTurn, people: People) -> str | None:
        if turn.role is None:
            return None
        if turn.named is not None:
            for name in (people.interviewee, *people.correspondents):
                if name and same_person(turn.named, name):
                    return name
            return turn.named
        if turn.role is Role.ANSWER:
            return people.interviewee
        if (turn.label or "").lower() != "interfax" and len(people.correspondents) == 1:
            return people.correspondents[0]
        return "Interfax"

    def split_off_teasers(self) -> None:
        """Teasers that follow the last answer after a single blank line.

        On a complete page, trailing paragraphs of the last turn that describe
        someone else's interview with Interfax (``X has given an interview to
        Interfax ...``) are teasers, not the answer's text.
        """
        if self.related or not self.turns:
            return
        last = self.turns[-1]
        moved: list[str] = []
        names: list[str | None] = []
        while len(last.paragraphs) > 1:
            name = _teaser_interviewee(last.paragraphs[-1])
            if name is None:
                break
            moved.insert(0, last.paragraphs.pop())
            names.insert(0, name)
        if moved:
            self.related = moved
            self.related_names = names  # each teaser's subject is read once
            self.zones[len(self.zones) - len(moved) :] = [Zone.RELATED] * len(moved)

    def related_items(self) -> tuple[RelatedItem, ...]:
        """The teasers, each with the interviewee it names."""
        names = self.related_names
        if names is None:
            return tuple(map(related_item, self.related))
        return tuple(map(new_related, self.related, names, repeat(None), repeat(None)))

    def segmented(self, found: Segmentation) -> Body:
        """The body as the segment hook read its label-less paragraphs."""
        people = _people(self.speaker_of_title, found.lede)
        turns = tuple(
            Turn(
                role=s.role,
                label=s.label,
                speaker=self.speaker(_OpenTurn(s.role, s.label, None, []), people),
                paragraphs=s.paragraphs,
            )
            for s in found.segments
        )
        if found.lede is None and self.zones:
            self.zones[0] = Zone.TURN
        self.warnings.append(
            ParseWarning(
                code=WarningCode.ROLES_INFERRED,
                message=f"no turn labels; roles inferred from {found.evidence}",
            )
        )
        unknown = sum(len(s.paragraphs) for s in found.segments if s.role is None)
        if unknown:
            self.warnings.append(
                ParseWarning(
                    code=WarningCode.UNLABELLED_TEXT,
                    message=f"{unknown} paragraph(s) before the first question; kept unlabelled",
                )
            )
        return Body(
            lede=found.lede,
            turns=turns,
            related=self.related_items(),
            people=people,
            zones=tuple(self.zones),
            warnings=tuple(self.warnings),
        )

    def infer_answers(self) -> None:
        """Questions labelled, answers not (a page that lost its answer labels,
        as migrated pages did): each question's paragraphs after the first one
        that asks (ends with ``?``) are its answer, and the reading says the
        roles were inferred. A question none of whose paragraphs asks is left
        whole: its later paragraphs may be the question's own (a page cut
        before its question mark). Nothing changes when no question splits."""
        splits = [_answer_start(t.paragraphs) for t in self.turns]
        pairs = list(zip(splits, self.turns, strict=True))
        if not any(0 < split < len(t.paragraphs) for split, t in pairs):
            return
        turns: list[_OpenTurn] = []
        for split, turn in pairs:
            paragraphs = turn.paragraphs
            turns.append(turn)
            if 0 < split < len(paragraphs):
                turns.append(_OpenTurn(Role.ANSWER, None, None, paragraphs[split:]))
                del paragraphs[split:]
        self.turns = turns
        self.warnings.append(
            ParseWarning(
                code=WarningCode.ROLES_INFERRED,
                message="questions are labelled and answers are not; each question's "
                "paragraphs after the one that asks read as its answer",
            )
        )

    def finish(self) -> Body:
        if not self.turns and self.pre and self.segment is not None:
            found = self.segment(self.pre)
            if found.inferred:
                return self.segmented(found)
        # Two questions or more, and no answer: the answers lost their labels. (One
        # question alone is also what a page cut before its first answer shows.)
        if len(self.turns) > 1 and all(t.role is Role.QUESTION for t in self.turns):
            self.infer_answers()
        people = self.people()
        speaker = self.speaker
        interviewee, answer = people.interviewee, Role.ANSWER
        turns: list[Turn] = []
        for t in self.turns:
            role = t.role
            # ``Turn(role=..., label=..., speaker=..., paragraphs=...)``, field by
            # field (see `slot_setters`; profiled: a third cheaper), and the
            # interviewee as the speaker of an answer not labelled by a name
            # without calling `speaker` (profiled: half the turns are such).
            turn = _new_record(Turn)
            _set_role(turn, role)
            _set_label(turn, t.label)
            _set_speaker(
                turn, interviewee if role is answer and t.named is None else speaker(t, people)
            )
            _set_paragraphs(turn, tuple(t.paragraphs))
            turns.append(turn)
        lede = self.lede()
        unlabelled = self.pre[1:] if lede is not None else self.pre
        if unlabelled:
            turns.insert(0, Turn(role=None, label=None, speaker=None, paragraphs=tuple(unlabelled)))
            where = "after the lede" if lede is not None else "before the first labelled turn"
            self.warnings.append(
                ParseWarning(
                    code=WarningCode.UNLABELLED_TEXT,
                    message=f"{len(unlabelled)} paragraph(s) without a label stand "
                    f"{where}; kept as an unlabelled turn",
                )
            )
        if not self.turns:
            self.warnings.append(
                ParseWarning(
                    code=WarningCode.NO_TURNS,
                    message="no question or answer label found",
                )
            )
        return Body(
            lede=lede,
            turns=tuple(turns),
            related=self.related_items(),
            people=people,
            zones=tuple(self.zones),
            warnings=tuple(self.warnings),
        )


def _answer_start(paragraphs: Sequence[str]) -> int:
    """The index after a question's first paragraph that asks; 0 when none does."""
    return next((i + 1 for i, text in enumerate(paragraphs) if asks(text)), 0)


def _as_paragraph(block: Block) -> Block:
    """`block` as if one blank line stood before it (a wide gap read as a paragraph break)."""
    text, line, gap = block
    return block if gap < 2 else Block(text, line, 1)


def read_body(
    blocks: Sequence[Block],
    *,
    title: str | None,
    match: LabelMatcher = match_label,
    truncated: bool = False,
    segment: Segmenter | None = None,
    lede: bool = True,
) -> Body:
    """Read the blocks between a page's title and its footer.

    `match` finds a label at the start of a paragraph; templates whose pages
    label turns differently pass their own. On a `truncated` page the last
    block may be a label cut before its colon (``Q.``): it is left unclaimed
    rather than read as text of the turn above. Teasers start at the first
    wide gap after which no block opens a turn (`_Reader.feed_all`); on a
    complete page, teasers set off from the last answer by a single blank
    line are found too. `segment`, when given, is called on the paragraphs (lede first) of a
    body that has no labelled turn at all; when it infers roles, its lede
    and turns replace the unlabelled reading. Without `lede` (a page that
    starts inside its body, its title and opening lines lost), the paragraphs
    before the first turn are all an unlabelled turn.
    """
    reader = _Reader(title, match, segment, lede=lede)
    reader.feed_all(blocks)
    if not truncated:
        reader.split_off_teasers()
    if (
        truncated
        and blocks
        and is_cut_label(blocks[-1].text)
        and reader.zones[-1] is not Zone.RELATED
    ):
        reader.unfeed_last()
    return reader.finish()
