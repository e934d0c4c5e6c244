"""JSON and plain-dict conversion, owned by one ``cattrs`` converter.

Dates and datetimes become ISO 8601 strings, enums their values; the
conversion round-trips exactly: ``from_json(to_json(x)) == x``. An
interview's ``captures`` are written only when there are some (merged
records, `interfax_parse.corpus`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TypeAlias, cast

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from .model import Interview

__all__ = ["JSONValue", "converter", "from_dict", "from_json", "to_dict", "to_json"]

JSONValue: TypeAlias = "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None"
"""A value of a JSON document, as `json.loads` returns it."""

converter = cattrs.Converter(forbid_extra_keys=True)
"""The converter behind every function here; reuse it for your own records."""

converter.register_unstructure_hook(dt.datetime, lambda value: value.isoformat())
converter.register_structure_hook(dt.datetime, lambda value, _: dt.datetime.fromisoformat(value))
converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
# A parsed page has no captures: its JSON leaves the empty list out.
converter.register_unstructure_hook(
    Interview,
    make_dict_unstructure_fn(Interview, converter, captures=override(omit_if_default=True)),
)


def to_dict(interview: Interview) -> dict[str, JSONValue]:
    """The interview as plain JSON-ready data (dicts, lists, str, int, bool, None).

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> to_dict(parse(demo_page()))["published"]
    '2019-11-14'
    """
    return cast("dict[str, JSONValue]", converter.unstructure(interview))


def from_dict(data: dict[str, JSONValue]) -> Interview:
    """Rebuild an interview from `to_dict` output; raises on unknown keys.

    >>> from interfax_parse import Interview
    >>> from_dict({"template": "newsroom", "title": "A title"}).title
    'A title'
    """
    return converter.structure(data, Interview)


def to_json(interview: Interview, *, indent: int | None = None) -> str:
    """The interview as a JSON document (UTF-8 text, non-ASCII kept).

    >>> from interfax_parse import Interview
    >>> to_json(Interview(template="newsroom", title="Russia’s court"))[:50]
    '{"template": "newsroom", "title": "Russia’s court"'
    """
    return json.dumps(to_dict(interview), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Interview:
    """Rebuild an interview from `to_json` output.

    >>> from interfax_parse import Interview
    >>> interview = Interview(template="newsroom", title="A title")
    >>> from_json(to_json(interview)) == interview
    True
    """
    return from_dict(json.loads(text))
