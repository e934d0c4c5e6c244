"""Bytes to text.

UTF-8, with or without a byte-order mark, and UTF-16/32 with a BOM are
read; anything else raises `UndecodableInputError` naming what was tried.
"""

from __future__ import annotations

import codecs

from .errors import UndecodableInputError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode a page's bytes, honouring a byte-order mark.

    >>> decode(b"\\xef\\xbb\\xbfJuly 01, 2016")
    'July 01, 2016'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UndecodableInputError(
                    f"input starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding}: {error.reason} at byte {error.start}"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UndecodableInputError(
            f"input is not valid UTF-8 ({error.reason} at byte {error.start}) and carries "
            "no byte-order mark naming another encoding"
        ) from None
