"""Templates: one page layout of one period each, and their registry."""

from .base import Link, Page, Reading, Score, Template, Zone
from .registry import ENTRY_POINT_GROUP, get_template, register, templates, unregister

__all__ = [
    "ENTRY_POINT_GROUP",
    "Link",
    "Page",
    "Reading",
    "Score",
    "Template",
    "Zone",
    "get_template",
    "register",
    "templates",
    "unregister",
]
