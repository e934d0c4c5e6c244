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

    >>> from interfax_parse import parse
    >>> try:
    ...     parse("no interview here")
    ... except ParseError as error:
    ...     print(type(error).__name__)
    NotAnInterviewError
    """


class NotAnInterviewError(ParseError):
    """The input is not an interview page; `missing` lists what was not found.

    >>> NotAnInterviewError(["date line", "turn label"]).missing
    ('date line', 'turn label')
    """

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing: tuple[str, ...] = tuple(missing)
        super().__init__("not an Interfax interview page: found no " + ", no ".join(self.missing))

    def __reduce__(self) -> tuple[type[NotAnInterviewError], tuple[tuple[str, ...]]]:
        return (type(self), (self.missing,))


class UnknownTemplateError(ParseError):
    """No template fits the page, or the template asked for does not exist.

    `tried` maps each template tried to its score (0 means it does not fit)
    and `reasons` to why it scored so.

    >>> from interfax_parse import get_template
    >>> try:
    ...     get_template("interview-asp-1999")
    ... except UnknownTemplateError as error:
    ...     print(str(error).split(";")[0])
    no template named 'interview-asp-1999'
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
    """The bytes could not be decoded as text in any supported encoding.

    >>> from interfax_parse import parse
    >>> try:
    ...     parse(b"Question: \\x98\\x81\\x8d?")
    ... except UndecodableInputError:
    ...     print("undecodable")
    undecodable
    """


class StrictModeError(ParseError):
    """Raised by ``strict=True`` parsing on the first anomaly; `warning` is it.

    >>> from interfax_parse import parse
    >>> from interfax_parse.demo import demo_page
    >>> try:
    ...     parse(demo_page()[:1500], strict=True)
    ... except StrictModeError as error:
    ...     print(error.warning.code.value)
    template-guessed
    """

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
