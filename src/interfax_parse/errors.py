"""The exceptions the library raises: one base class, one subclass per cause.

Catch `ParseError` to handle every failure to read a page; catch a subclass
to handle one cause. Nothing else escapes `parse` for any input.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import ParseWarning

__all__ = [
    "ArchiveError",
    "NotAnInterviewError",
    "ParseError",
    "StrictModeError",
    "UndecodableInputError",
    "UnknownTemplateError",
]


class ParseError(Exception):
    """Base class: the input could not be read as an interview page.

    Every subclass pickles with its message and attributes, so errors cross
    process boundaries (``--jobs``, Dask, Spark) intact.
    """


class NotAnInterviewError(ParseError):
    """The input is not an interview page; `missing` lists what was not found."""

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing: tuple[str, ...] = tuple(missing)
        super().__init__("not an Interfax interview page: found no " + ", no ".join(self.missing))

    def __reduce__(self) -> tuple[type[NotAnInterviewError], tuple[tuple[str, ...]]]:
        return (type(self), (self.missing,))


class UnknownTemplateError(ParseError):
    """No template fits the page, or the template asked for does not exist.

    `tried` maps each template tried to its score (0 means it does not fit)
    and `reasons` to why it scored so.
    """

    def __init__(
        self,
        message: str,
        tried: dict[str, float] | None = None,
        reasons: dict[str, str] | None = None,
    ) -> None:
        self.tried: dict[str, float] = dict(tried or {})
        self.reasons: dict[str, str] = dict(reasons or {})
        details = "; ".join(
            f"{name}: {score:.2f} ({self.reasons.get(name, '')})".replace(" ()", "")
            for name, score in self.tried.items()
        )
        super().__init__(f"{message}; tried {details}" if details else message)


class UndecodableInputError(ParseError):
    """The bytes could not be decoded as text in any supported encoding."""


class StrictModeError(ParseError):
    """Raised by ``strict=True`` parsing on the first anomaly; `warning` is it."""

    def __init__(self, warning: ParseWarning) -> None:
        self.warning = warning
        super().__init__(str(warning))


class ArchiveError(ParseError):
    """An archive, or one record of it, could not be read.

    The result of a corrupt or truncated gzip member, a record cut short, a
    record without the headers every WARC record has, or a file that is not a
    WARC/WET archive at all. `record_id` names the damaged record, or the
    last good record before the damage, when one is known.
    """

    def __init__(self, message: str, record_id: str | None = None) -> None:
        self.record_id = record_id
        super().__init__(message)
