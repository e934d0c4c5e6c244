"""interfax-parse: Interfax interview pages into typed records.

>>> from interfax_parse import parse
>>> from interfax_parse.demo import demo_page
>>> interview = parse(demo_page())
>>> interview.interviewee, len(interview.turns)
('Elena Varga', 6)
"""

from .__about__ import __version__
from .api import parse, parse_html, parse_text
from .convert import from_dict, from_json, to_dict, to_json
from .errors import (
    NotAnInterviewError,
    ParseError,
    StrictModeError,
    UndecodableInputError,
    UnknownTemplateError,
)
from .model import (
    Capture,
    Headline,
    Interview,
    ParseWarning,
    Photo,
    RelatedItem,
    Role,
    Turn,
    WarningCode,
)
from .templates import Page, Reading, Score, Template, Zone, get_template, register, templates

__all__ = [
    "Capture",
    "Headline",
    "Interview",
    "NotAnInterviewError",
    "Page",
    "ParseError",
    "ParseWarning",
    "Photo",
    "Reading",
    "RelatedItem",
    "Role",
    "Score",
    "StrictModeError",
    "Template",
    "Turn",
    "UndecodableInputError",
    "UnknownTemplateError",
    "WarningCode",
    "Zone",
    "__version__",
    "from_dict",
    "from_json",
    "get_template",
    "parse",
    "parse_html",
    "parse_text",
    "register",
    "templates",
    "to_dict",
    "to_json",
]
