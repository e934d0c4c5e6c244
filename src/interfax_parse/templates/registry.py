"""The template registry: built-in templates, `register()`, and entry points.

Third-party packages add templates either by calling `register` or by
declaring an entry point in the group ``interfax_parse.templates`` whose
object is a `Template` subclass (or instance)::

    [project.entry-points."interfax_parse.templates"]
    my-template = "my_package.templates:MyTemplate"

Entry points are loaded once, the first time the registry is read.
"""

from __future__ import annotations

import warnings
from importlib import import_module

from ..errors import UnknownTemplateError
from .base import Template

__all__ = ["ENTRY_POINT_GROUP", "get_template", "register", "templates", "unregister"]

ENTRY_POINT_GROUP = "interfax_parse.templates"

_BUILTINS = (
    ("interfax_parse.templates.asp_2018", "InterviewAsp2018"),
    ("interfax_parse.templates.asp_2020", "InterviewAsp2020"),
    ("interfax_parse.templates.newsroom", "NewsroomTemplate"),
)
_registry: dict[str, Template] = {}
_loaded = False


def register(template: type[Template] | Template, *, replace: bool = False) -> Template:
    """Add a template (a subclass or an instance) and return the instance.

    Raises ValueError when the name is taken, unless `replace` is true.

    >>> from interfax_parse.templates.asp_2020 import InterviewAsp2020
    >>> register(InterviewAsp2020, replace=True).name
    'interview-asp-2020'
    """
    instance = template() if isinstance(template, type) else template
    if not isinstance(instance, Template):
        raise TypeError(f"{template!r} is not an interfax_parse Template")
    if instance.name in _registry and not replace:
        raise ValueError(f"a template named {instance.name!r} is already registered")
    _registry[instance.name] = instance
    return instance


def unregister(name: str) -> None:
    """Remove a template by name (KeyError if there is none)."""
    del _registry[name]


def _load() -> None:
    """Register the built-in templates, then the entry points' (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    builtins = [getattr(import_module(module), cls)() for module, cls in _BUILTINS]
    # Built-ins come first in the registry's order, whatever was registered before.
    earlier = dict(_registry)
    _registry.clear()
    for template in builtins:
        _registry[template.name] = template
    _registry.update(earlier)
    from importlib import metadata  # here, not above: a sixth of the package's import time

    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry_point.load()
            instance = loaded() if isinstance(loaded, type) else loaded
        except Exception as error:  # a broken plug-in must not break parsing
            warnings.warn(
                f"template entry point {entry_point.name!r} failed to load: {error}",
                RuntimeWarning,
                stacklevel=3,
            )
            continue
        if isinstance(instance, Template) and instance.name not in _registry:
            register(instance)


def templates() -> dict[str, Template]:
    """Every registered template by name, built-ins first.

    >>> list(templates())[:3]
    ['interview-asp-2018', 'interview-asp-2020', 'newsroom']
    """
    _load()
    return dict(_registry)


def get_template(name: str) -> Template:
    """The template called `name`; `UnknownTemplateError` lists the others.

    >>> get_template("newsroom").capture_years
    (2020, None)
    """
    known = templates()
    try:
        return known[name]
    except KeyError:
        raise UnknownTemplateError(
            f"no template named {name!r}; known templates: {', '.join(known) or 'none'}"
        ) from None
