"""The same interview on both sites reads the same through both templates.

``newsroom-873`` (``/newsroom/exclusive-interviews/873/``) is the interview of
seed ``000_254cf404d8666705`` (``interview.asp?id=685353``, captured 2020),
moved to the newsroom site. The two renderings differ in three ways, and only
these (checked on the text itself below):

- the newsroom title puts the speaker's office before the name
  (``NATO Secretary General Jens Stoltenberg: ...`` for ``Jens Stoltenberg: ...``);
- the newsroom separates an answer's paragraphs by single line breaks, the
  old site by blank lines;
- the newsroom copy is cut after about 2,000 characters, mid-paragraph.

Over the text both contain the characters are the same, quote marks included
(the seed and the newsroom copy both print ``Interfax‘s`` and ``Russia’s``).

The relation asserted: the newsroom title is the old title with the office
the seed's reading gives prefixed (``f"{office} {title}"``); published date,
interviewee, office, correspondents and lede are equal; and, with the title
and template name set aside, the newsroom reading is a *prefix* of the seed's
in the sense of `interfax_parse.testing.relations.prefix_violations`: as many
turns or fewer, each equal to the seed's (role, label, speaker, paragraphs)
except the last, whose paragraphs are the seed's up to a last one that is a
prefix of the seed's paragraph.
"""

from __future__ import annotations

import re

import attrs

from fixture_pages import FixturePage, fixture_pages
from interfax_parse import Interview, parse
from interfax_parse.testing.relations import prefix_violations


def _only(folder: str, stem: str) -> FixturePage:
    (page,) = [p for p in fixture_pages(folder) if p.path.stem == stem]
    return page


SEED = _only("seeds", "000_254cf404d8666705")
NEWSROOM = _only("newsroom", "newsroom-873")


def _read(page: FixturePage) -> Interview:
    return parse(page.path.read_bytes())


def test_the_texts_differ_only_in_title_and_layout() -> None:
    seed = SEED.path.read_text(encoding="utf-8")
    newsroom = NEWSROOM.path.read_text(encoding="utf-8")
    start = "NATO Secretary General Jens Stoltenberg has given"
    seed_body = re.sub(r"\s+", " ", seed[seed.index(start) :])
    newsroom_body = re.sub(r"\s+", " ", newsroom[newsroom.index(start) :]).rstrip()
    assert len(newsroom_body) > 1500
    assert seed_body.startswith(newsroom_body)


def test_both_templates_read_the_same_interview() -> None:
    old, new = _read(SEED), _read(NEWSROOM)
    assert (old.template, new.template) == ("interview-asp-2020", "newsroom")
    assert old.title is not None and old.interviewee_role is not None
    assert new.title == f"{old.interviewee_role} {old.title}"
    for field in ("published", "interviewee", "interviewee_role", "correspondents", "lede"):
        assert getattr(new, field) == getattr(old, field), field
    assert new.correspondents == ("Alexander Korzun",)

    comparable = attrs.evolve(new, title=old.title, template=old.template)
    assert prefix_violations(comparable, old) == []

    # What the prefix relation means here, spelled out.
    assert len(new.turns) == 2 and len(old.turns) == 12
    assert new.turns[0] == old.turns[0]
    cut_answer, full_answer = new.turns[1], old.turns[1]
    assert (cut_answer.role, cut_answer.label, cut_answer.speaker) == (
        full_answer.role,
        full_answer.label,
        full_answer.speaker,
    )
    assert cut_answer.paragraphs[0] == full_answer.paragraphs[0]
    assert cut_answer.paragraphs[1] != full_answer.paragraphs[1]
    assert full_answer.paragraphs[1].startswith(cut_answer.paragraphs[1])


def test_same_relation_with_quotes_normalised() -> None:
    """The relation does not depend on quote marks: it holds after normalising too."""
    old = parse(SEED.path.read_bytes(), normalize_quotes=True)
    new = parse(NEWSROOM.path.read_bytes(), normalize_quotes=True)
    assert new.title == f"{old.interviewee_role} {old.title}"
    assert new.lede == old.lede
    comparable = attrs.evolve(new, title=old.title, template=old.template)
    assert prefix_violations(comparable, old) == []
