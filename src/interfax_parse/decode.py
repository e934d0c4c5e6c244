"""Bytes to text: choosing the encoding, and repairing mojibake.

`decode_page` picks the encoding the way a browser does, most authoritative
first, and says how it chose (`Decoded.source`):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the ``charset`` the caller gives: an HTTP or WARC ``Content-Type`` header
   value (``text/html; charset=windows-1251``) or a bare label;
3. for HTML only, a ``<meta charset>`` or ``http-equiv`` content-type
   declaration in the document's first 4 KiB;
4. otherwise detection: pure ASCII needs no choice; bytes that are valid UTF-8
   are UTF-8; anything else is Windows-1251 or Windows-1252, told apart by
   `looks_cyrillic`, and reported as `WarningCode.ENCODING_GUESSED`.

Steps 1-3 use `w3lib.encoding` (installed with parsel), which also maps labels
the way browsers do (``latin-1`` and ``iso-8859-1`` mean Windows-1252).

A declaration the bytes contradict is not trusted blindly: an unknown label,
or bytes that are invalid in the declared encoding, fall through to
detection; a declared single-byte encoding over bytes that are valid,
non-ASCII UTF-8 gives way to UTF-8. Each of these is reported as
`WarningCode.ENCODING_GUESSED`, naming the declaration. Input that looks
binary (NUL bytes, many control characters) or that no candidate decodes
raises `UndecodableInputError`.

`repair_mojibake` undoes the classic double decoding, UTF-8 bytes read as
Windows-1252 or Latin-1 (``â€™`` for ``’``) or as Windows-1251 (``вЂ™``);
the parse functions apply it to every page and report
`WarningCode.MOJIBAKE_REPAIRED`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence

import attrs
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

from .errors import UndecodableInputError
from .model import ParseWarning, WarningCode

__all__ = [
    "Decoded",
    "EncodingSource",
    "Repaired",
    "decode",
    "decode_page",
    "looks_cyrillic",
    "mojibake_warning",
    "repair_mojibake",
]


class EncodingSource(enum.Enum):
    """How the encoding of a page was chosen."""

    BOM = "bom"
    """A byte-order mark."""
    CHARSET = "charset"
    """The ``charset`` the caller gave (an HTTP or WARC header)."""
    META = "meta"
    """The HTML's ``<meta charset>`` or ``http-equiv`` declaration."""
    DETECTED = "detected"
    """Detection: ASCII, valid UTF-8, or the Windows-1251/1252 rule."""


@attrs.frozen(kw_only=True)
class Decoded:
    """A page's text and how its encoding was chosen."""

    text: str
    """The decoded text (a byte-order mark removed)."""
    encoding: str
    """The Python codec used (``utf-8``, ``cp1251``, ``cp1252``, ...)."""
    source: EncodingSource
    """Where the choice came from."""
    warnings: tuple[ParseWarning, ...] = ()
    """`WarningCode.ENCODING_GUESSED` when the encoding was a guess or a
    declaration was overridden; empty otherwise."""


_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NOT_BINARY = bytes(b for b in range(256) if not _BINARY.match(bytes([b])))
_CONTROLS = tuple(bytes([b]) for b in range(1, 32) if _BINARY.match(bytes([b])))
_WINDOW = 65536  # the binary test looks at the first 64 KB
_SINGLE_BYTE = re.compile(r"cp\d+|latin-1|iso8859-\d+|koi8-[ru]|mac-[\w-]+|ascii")
_NAMES = {"utf-8": "UTF-8", "cp1251": "Windows-1251", "cp1252": "Windows-1252"}


def _name(codec: str) -> str:
    return _NAMES.get(codec, codec)


def _guess(message: str) -> ParseWarning:
    return ParseWarning(code=WarningCode.ENCODING_GUESSED, message=message)


def _try(data: bytes, codec: str) -> str | None:
    """`data` decoded, or None; a character cut at the very end is dropped.

    Archives cut pages at a byte count, often inside a multi-byte character:
    that is truncation, not a sign of another encoding.
    """
    try:
        return data.decode(codec)
    except LookupError:
        return None
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            try:
                return data[: error.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None


def _check_not_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise UndecodableInputError(
            "input contains NUL bytes: binary data, or UTF-16/32 text without a byte-order mark"
        )
    # Most pages hold no control byte at all: one `find` (memchr) per control
    # byte says so in about half the time of counting them (timed: 18 against
    # 38 µs on a 100 KB page).
    find = data.find
    if all(find(control, 0, _WINDOW) < 0 for control in _CONTROLS):
        return
    # Counted by deleting every other byte: a C loop (the regex scan of up to
    # 64 KB cost a tenth of an HTML page's time, profiled).
    controls = len(data[:_WINDOW].translate(None, _NOT_BINARY))
    if controls > 8 and controls * 100 > min(len(data), _WINDOW):
        raise UndecodableInputError(
            f"input looks binary: {controls} control bytes in its first "
            f"{min(len(data), _WINDOW)} bytes"
        )


# -- Windows-1251 or Windows-1252 ---------------------------------------------

# A "word": a run of ASCII letters and of bytes that are letters in both code
# pages (0xC0-0xFF: Cyrillic in 1251, accented Latin in 1252; 0xA8/0xB8: Ё/ё).
_WORD = re.compile(rb"[A-Za-z\xa8\xb8\xc0-\xff]+")
_HIGH = re.compile(rb"[\xa8\xb8\xc0-\xff]")
_ASCII_LETTER = re.compile(rb"[A-Za-z]")


def looks_cyrillic(data: bytes) -> bool:
    """Whether single-byte text is Windows-1251 (Cyrillic) rather than 1252.

    The two code pages agree on the punctuation these pages print (quotes,
    dashes, ``©``, NBSP), so only letters tell them apart. Russian words are
    runs of high bytes with no ASCII letter in them (``Интерфакс``), while
    Western European text puts single accented letters inside Latin words
    (``Müller``, ``Conceição``). The rule counts the high-byte letters in
    words of two or more letters made only of high bytes against those in
    words that also hold ASCII letters, and says Cyrillic when the first
    count is larger; when both are nought, two or more different one-letter
    words (``в``, ``с``, ``я``) say Cyrillic. On the samples `tests/test_decode.py` generates it is
    right every time; `docs/html.md` gives the figures.

    >>> looks_cyrillic("Интервью Интерфаксу".encode("cp1251"))
    True
    >>> looks_cyrillic("Gerhard Schröder and José Müller".encode("cp1252"))
    False
    """
    cyrillic = latin = 0
    letters: set[bytes] = set()  # one-letter words of a high byte
    for match in _WORD.finditer(data):
        word = match.group()
        if word.isascii():
            continue
        high = len(_HIGH.findall(word))
        if _ASCII_LETTER.search(word):
            latin += high
        elif high >= 2:
            cyrillic += high
        else:
            letters.add(word)
    if cyrillic == latin == 0:
        # Nothing but one-letter words: Russian has several (в, с, о, я, и, к, у),
        # Western European text one at most (à, é).
        return len(letters) >= 2
    return cyrillic > latin


def _detect(data: bytes, why: str) -> Decoded:
    """Detection, the last step; `why` says why no declaration was used."""
    if data.isascii():
        return Decoded(text=data.decode("ascii"), encoding="utf-8", source=EncodingSource.DETECTED)
    text = _try(data, "utf-8")
    if text is not None:
        warnings = (_guess(f"{why}; the bytes are valid UTF-8, read as UTF-8"),) if why else ()
        return Decoded(
            text=text, encoding="utf-8", source=EncodingSource.DETECTED, warnings=warnings
        )
    first, second = ("cp1251", "cp1252") if looks_cyrillic(data) else ("cp1252", "cp1251")
    for codec in (first, second):
        text = _try(data, codec)
        if text is not None:
            rule = (
                "Cyrillic letters outnumber accented Latin ones"
                if codec == "cp1251"
                else "accented Latin letters are not outnumbered by Cyrillic ones"
            )
            if codec != first:
                rule = f"it is not valid {_name(first)}"
            reason = why or "no encoding is declared"
            return Decoded(
                text=text,
                encoding=codec,
                source=EncodingSource.DETECTED,
                warnings=(
                    _guess(
                        f"{reason} and the bytes are not UTF-8; read as {_name(codec)} "
                        f"because {rule}"
                    ),
                ),
            )
    raise UndecodableInputError(
        "input is not valid UTF-8, Windows-1251 or Windows-1252"
        + (f" ({why})" if why else "")
        + " and carries no byte-order mark naming another encoding"
    )


def _declared(data: bytes, codec: str | None, label: str, source: EncodingSource) -> Decoded:
    """Decode by a declaration, or fall through to detection saying why."""
    if codec is None:
        return _detect(data, f"the {label} names an unknown encoding")
    text = _try(data, codec)
    if text is None:
        return _detect(data, f"the {label} says {_name(codec)} but the bytes are not valid in it")
    if _SINGLE_BYTE.fullmatch(codec) and not data.isascii():
        utf8 = _try(data, "utf-8")
        if utf8 is not None:
            return _detect(data, f"the {label} says {_name(codec)}")
    return Decoded(text=text, encoding=codec, source=source)


def _charset_codec(charset: str) -> str | None:
    if "=" in charset:
        return http_content_type_encoding(charset)
    return resolve_encoding(charset.strip().strip("\"'"))


def decode_page(data: bytes, *, charset: str | None = None, html: bool = False) -> Decoded:
    """Decode a page's bytes, choosing the encoding as the module says.

    `charset` is an HTTP or WARC ``Content-Type`` value or a bare encoding
    label; `html` also honours the document's own ``<meta>`` declaration.

    >>> decode_page(b"\\xef\\xbb\\xbfJuly 01, 2016").text
    'July 01, 2016'
    >>> decoded = decode_page("Russia’s".encode("cp1252"))
    >>> decoded.text, decoded.encoding, decoded.warnings[0].code.value
    ('Russia’s', 'cp1252', 'encoding-guessed')
    """
    bom, mark = read_bom(data)
    if bom is not None and mark is not None:
        codec = "utf-8" if bom == "utf-8" else bom
        try:
            text = data[len(mark) :].decode(codec)
        except UnicodeDecodeError as error:
            raise UndecodableInputError(
                f"input starts with a {bom} byte-order mark but is not valid "
                f"{bom}: {error.reason} at byte {error.start}"
            ) from None
        return Decoded(text=text, encoding=codec, source=EncodingSource.BOM)
    given = _charset_codec(charset) if charset else None
    if given is None or not given.startswith(("utf-16", "utf-32")):
        _check_not_binary(data)  # UTF-16 and UTF-32 without a BOM are full of NULs
    if charset:
        label = f"charset {charset.strip()!r} given"
        return _declared(data, given, label, EncodingSource.CHARSET)
    if html:
        declared = html_body_declared_encoding(data)
        if declared is not None:
            if declared.startswith(("utf-16", "utf-32")):
                declared = "utf-8"  # a document that can declare it in ASCII is not UTF-16
            return _declared(data, declared, "page's <meta> charset", EncodingSource.META)
    return _detect(data, "")


def decode(data: bytes) -> str:
    """Decode a text page's bytes (see `decode_page`); only the text.

    >>> decode(b"\\xef\\xbb\\xbfJuly 01, 2016")
    'July 01, 2016'
    """
    return decode_page(data).text


# -- mojibake -----------------------------------------------------------------


def _reverse_table(codec: str) -> dict[str, int]:
    """Each character `codec` decodes from a byte 0x80-0xFF, back to the byte.

    Bytes the code page leaves undefined map from the C1 control of the same
    value, as browsers decode them.
    """
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            table[bytes([byte]).decode(codec)] = byte
        except UnicodeDecodeError:
            table[chr(byte)] = byte
    return table


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _chars(table: dict[str, int], low: int, high: int) -> str:
    return _char_class("".join(c for c, b in table.items() if low <= b <= high))


_LATIN = {**_reverse_table("latin-1"), **_reverse_table("cp1252")}
_CYRILLIC = _reverse_table("cp1251")
_LATIN_CONT = _chars(_LATIN, 0x80, 0xBF)
_NOT_LATIN_CONT = "[^" + _LATIN_CONT[1:]
_CYRILLIC_CONT = _chars(_CYRILLIC, 0x80, 0xBF)
# Only sequences whose repair is a character these pages print, so that clean
# text cannot match: two bytes giving U+00A0-U+017F (NBSP, ©, «, accented
# letters; lead characters Â Ã Ä Å) and three bytes giving U+2000-U+214F
# (quotes, dashes, …, €, ™, №; lead character â). In Windows-1251 only the
# punctuation block and № and ™ (вЂ…, в„–, в„ў), which no Russian text holds.
_LATIN_SEQUENCE = re.compile(f"[ÂÃÄÅ]{_LATIN_CONT}|â{_LATIN_CONT}{{2}}")
_CYRILLIC_SEQUENCE = re.compile(f"вЂ{_CYRILLIC_CONT}|в„[–ў]")
_TARGETS = ((0x00A0, 0x017F), (0x2000, 0x214F))
# ” is E2 80 9D; 0x9D is undefined in Windows-1252, so the third character is
# often a C1 control, a replacement character, or lost altogether (but not at
# the very end, where the page may have been cut).
_LOST_QUOTE = re.compile(f"â€(?:[\x9d\ufffd]|(?={_NOT_LATIN_CONT}))")
_LEADS = "ÂÃÄÅâв"  # every candidate starts with one of these


def _has_lead(text: str) -> bool:
    """Whether `text` holds one of `_LEADS`: one C scan (`in`) per character,
    written out (profiled: a generator over them cost half a microsecond more)."""
    return "Â" in text or "Ã" in text or "Ä" in text or "Å" in text or "â" in text or "в" in text


_CANDIDATE = re.compile(f"[ÂÃÄÅ]{_LATIN_CONT}|â|в[Ђ„]")


def _undo(table: dict[str, int]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        garbled = match.group()
        try:
            repaired = bytes(table[c] for c in garbled).decode("utf-8")
        except UnicodeDecodeError:
            return garbled
        code = ord(repaired)
        return repaired if any(low <= code <= high for low, high in _TARGETS) else garbled

    return replace


_UNDO_LATIN = _undo(_LATIN)
_UNDO_CYRILLIC = _undo(_CYRILLIC)
# One pass over the text, so that a repaired character is never read again.
_GARBLED = re.compile(
    f"(?P<latin>{_LATIN_SEQUENCE.pattern})|(?P<quote>{_LOST_QUOTE.pattern})"
    f"|(?P<cyrillic>{_CYRILLIC_SEQUENCE.pattern})"
)


def _undo_any(match: re.Match[str]) -> str:
    if match.lastgroup == "latin":
        return _UNDO_LATIN(match)
    if match.lastgroup == "quote":
        return "”"
    return _UNDO_CYRILLIC(match)


@attrs.frozen(kw_only=True)
class Repaired:
    """The result of `repair_mojibake`."""

    text: str
    """The text with every garbled sequence replaced."""
    count: int
    """How many sequences were replaced."""
    examples: tuple[tuple[str, str], ...]
    """The distinct ``(garbled, repaired)`` pairs, in order of first sight."""


def repair_mojibake(text: str) -> Repaired:
    """Undo UTF-8 read as Windows-1252/Latin-1 or Windows-1251.

    Only sequences that decode as UTF-8 to a character these pages print
    (NBSP, Latin-1 signs and letters, Latin Extended-A, punctuation, ``€``,
    ``™``, ``№``) are touched, so clean English, Russian and Western European
    text passes unchanged; the cost on clean text is one regular-expression
    scan.

    >>> fixed = repair_mojibake("Russiaâ€™s â€œcourtâ€\\x9d â€” Â© 2016 вЂ™")
    >>> fixed.text, fixed.count
    ('Russia’s “court” — © 2016 ’', 6)
    >>> repair_mojibake("Russia’s court, Müller, Интерфакс").count
    0
    """
    # `in` tests first: the regex scan of a whole page cost more than the rest
    # of parse_text on non-ASCII text (profiled).
    if text.isascii() or not _has_lead(text):
        return Repaired(text=text, count=0, examples=())
    if _CANDIDATE.search(text) is None:
        return Repaired(text=text, count=0, examples=())
    pairs: dict[str, str] = {}
    count = 0

    def record(undo: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            nonlocal count
            repaired = undo(match)
            if repaired != match.group():
                count += 1
                pairs.setdefault(match.group(), repaired)
            return repaired

        return replace

    text = _GARBLED.sub(record(_undo_any), text)
    return Repaired(text=text, count=count, examples=tuple(pairs.items()))


def mojibake_warning(count: int, examples: Sequence[tuple[str, str]]) -> ParseWarning:
    """The warning for `count` repaired sequences, showing a few `examples`."""
    shown = ", ".join(f"{garbled!r} → {fixed!r}" for garbled, fixed in examples[:4])
    more = ", ..." if len(examples) > 4 else ""
    return ParseWarning(
        code=WarningCode.MOJIBAKE_REPAIRED,
        message=f"repaired {count} garbled character sequence(s) left by UTF-8 read in a "
        f"single-byte code page: {shown}{more}",
    )
