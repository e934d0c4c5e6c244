"""JSON and plain-dict conversion, owned by one ``cattrs`` converter.

Dates and datetimes become ISO 8601 strings, enums their values; the
conversion round-trips exactly: ``from_json(to_json(x)) == x``. An
interview's ``captures`` are written only when there are some (merged
records, `interfax_parse.corpus`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from .model import Interview

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

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


def to_dict(interview: Interview) -> dict[str, Any]:
    """The interview as plain JSON-ready data (dicts, lists, str, int, bool, None)."""
    data: dict[str, Any] = converter.unstructure(interview)
    return data


def from_dict(data: dict[str, Any]) -> Interview:
    """Rebuild an interview from `to_dict` output; raises on unknown keys."""
    return converter.structure(data, Interview)


def to_json(interview: Interview, *, indent: int | None = None) -> str:
    """The interview as a JSON document (UTF-8 text, non-ASCII kept)."""
    return json.dumps(to_dict(interview), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Interview:
    """Rebuild an interview from `to_json` output."""
    return from_dict(json.loads(text))
