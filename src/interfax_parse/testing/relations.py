"""What the result of a truncated page keeps of the full page's result.

Archives keep prefixes of pages. Parsing a prefix must give a *prefix-
consistent* part of the full result; `prefix_violations` lists every way a
partial result breaks that relation (an empty list means it holds):

- a text field is missing (None) or a prefix of the full one;
- a sequence (turns, paragraphs, headlines, teasers, correspondents) is as
  long or shorter; every element but its last equals the full one's, and the
  last is itself prefix-consistent;
- a derived value (a date, a year, a speaker, an interviewee) is missing or
  equal;
- a headline's printed form (text plus ``(Part N)``) is a prefix;
- `template` may differ only when the partial result says it guessed;
- `truncated` may be true where the full page is not, never the reverse;
- at most one block is unclaimed: the last, cut one;
- `captures` are equal (a parse result has none);
- `warnings` are not compared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from ..model import Headline, Interview, RelatedItem, Turn, WarningCode

__all__ = ["prefix_violations"]

_Item = TypeVar("_Item", Turn, Headline, RelatedItem)


def _text(name: str, part: str | None, full: str | None, out: list[str]) -> None:
    if part is not None and (full is None or not full.startswith(part)):
        out.append(f"{name}: {part!r} is not a prefix of {full!r}")


def _same(name: str, part: object, full: object, out: list[str]) -> None:
    if part is not None and part != full:
        out.append(f"{name}: {part!r} != {full!r}")


def _printed(headline: Headline) -> str:
    suffix = f" (Part {headline.part})" if headline.part is not None else ""
    return headline.text + suffix


def _headline(name: str, part: Headline, full: Headline, last: bool, out: list[str]) -> None:
    if last:
        _text(name, _printed(part), _printed(full), out)
    else:
        _same(name + ".text", part.text, full.text, out)
        _same(name + ".part", part.part, full.part, out)
    _same(name + ".stamp", part.stamp, full.stamp, out)
    _same(name + ".published", part.published, full.published, out)


def _turn(name: str, part: Turn, full: Turn, last: bool, out: list[str]) -> None:
    _same(name + ".role", part.role, full.role, out)
    _same(name + ".label", part.label, full.label, out)
    _same(name + ".speaker", part.speaker, full.speaker, out)
    _strings(name + ".paragraphs", part.paragraphs, full.paragraphs, last, out)


def _related(name: str, part: RelatedItem, full: RelatedItem, last: bool, out: list[str]) -> None:
    if last:
        _text(name + ".summary", part.summary, full.summary, out)
    else:
        _same(name + ".summary", part.summary, full.summary, out)
    _same(name + ".interviewee", part.interviewee, full.interviewee, out)


def _each(
    name: str,
    parts: Sequence[_Item],
    fulls: Sequence[_Item],
    check: Callable[[str, _Item, _Item, bool, list[str]], None],
    out: list[str],
) -> None:
    if len(parts) > len(fulls):
        out.append(f"{name}: {len(parts)} items where the full page has {len(fulls)}")
        return
    for index, (p, f) in enumerate(zip(parts, fulls, strict=False)):
        check(f"{name}[{index}]", p, f, index == len(parts) - 1, out)


def _strings(
    name: str, part: Sequence[str], full: Sequence[str], last: bool, out: list[str]
) -> None:
    if len(part) > len(full):
        out.append(f"{name}: {len(part)} items where the full page has {len(full)}")
        return
    for index, (p, f) in enumerate(zip(part, full, strict=False)):
        if last and index == len(part) - 1:
            _text(f"{name}[{index}]", p, f, out)
        else:
            _same(f"{name}[{index}]", p, f, out)


def prefix_violations(part: Interview, full: Interview) -> list[str]:
    """Every way `part` (a truncated page's result) is not a prefix of `full`."""
    out: list[str] = []
    for name in ("title", "short_title", "lede"):
        _text(name, getattr(part, name), getattr(full, name), out)
    for name in ("published", "interviewee", "interviewee_role", "capture_year", "photo"):
        _same(name, getattr(part, name), getattr(full, name), out)
    for name in ("url", "interview_id", "page_title"):
        if getattr(part, name) != getattr(full, name):
            out.append(f"{name}: {getattr(part, name)!r} != {getattr(full, name)!r}")
    _strings("correspondents", part.correspondents, full.correspondents, True, out)
    _each("turns", part.turns, full.turns, _turn, out)
    _each("headlines", part.headlines, full.headlines, _headline, out)
    _each("related", part.related, full.related, _related, out)
    guessed = any(w.code is WarningCode.TEMPLATE_GUESSED for w in part.warnings)
    if part.template != full.template and not guessed:
        out.append(f"template: {part.template!r} != {full.template!r} without a guess warning")
    if full.truncated and not part.truncated:
        out.append("truncated: the part says complete where the full page is truncated")
    if part.captures != full.captures:
        out.append(f"captures: {len(part.captures)} != {len(full.captures)} captures")
    if len(part.unclaimed) > 1:
        out.append(f"unclaimed: {part.unclaimed!r} (only the cut last block may be)")
    known = {a.name for a in attrs.fields(Interview)}
    compared = {
        "title", "short_title", "lede", "published", "interviewee", "interviewee_role",
        "capture_year", "photo", "url", "interview_id", "page_title", "correspondents",
        "turns", "headlines", "related", "template", "truncated", "unclaimed", "warnings",
        "captures",
    }  # fmt: skip
    out.extend(f"{name}: field not covered by the relation" for name in sorted(known - compared))
    return out
