"""Choosing a page's encoding, repairing mojibake, and the warnings they leave."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from encoding_samples import KINDS, samples
from interfax_parse import (
    StrictModeError,
    UndecodableInputError,
    WarningCode,
    parse,
    parse_html,
    parse_text,
)
from interfax_parse.decode import (
    EncodingSource,
    _check_not_binary,
    decode,
    decode_page,
    looks_cyrillic,
    repair_mojibake,
)
from interfax_parse.demo import demo_page

CYRILLIC = "Интервью «Интерфаксу»: министр — о газе"
WESTERN = "Russia’s “court” — Müller & José, © 2016"


def codes(warnings: object) -> list[WarningCode]:
    return [w.code for w in warnings]  # type: ignore[attr-defined]


# -- where the encoding comes from --------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbfJuly", "utf-8"),
        ("July ’".encode("utf-16"), "utf-16-le"),
        ("July ’".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16-be"),
        ("July ’".encode("utf-32"), "utf-32-le"),
    ],
)
def test_a_byte_order_mark_decides(data: bytes, encoding: str) -> None:
    decoded = decode_page(data, charset="windows-1251")
    assert decoded.text.startswith("July")
    assert (decoded.encoding, decoded.source, decoded.warnings) == (
        encoding,
        EncodingSource.BOM,
        (),
    )


def test_a_bad_byte_order_mark_is_undecodable() -> None:
    with pytest.raises(UndecodableInputError, match="byte-order mark"):
        decode_page(b"\xef\xbb\xbfJuly \xff")


@pytest.mark.parametrize(
    "charset", ["windows-1251", "cp1251", "text/html; charset=windows-1251", "CP1251", "'1251'"]
)
def test_a_header_charset_decides(charset: str) -> None:
    if charset == "'1251'":
        charset = "'windows-1251'"
    decoded = decode_page(CYRILLIC.encode("cp1251"), charset=charset)
    assert (decoded.text, decoded.encoding, decoded.source) == (
        CYRILLIC,
        "cp1251",
        EncodingSource.CHARSET,
    )
    assert decoded.warnings == ()


def test_latin_1_means_windows_1252_as_in_browsers() -> None:
    decoded = decode_page(WESTERN.encode("cp1252"), charset="iso-8859-1")
    assert (decoded.text, decoded.encoding) == (WESTERN, "cp1252")


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1251">',
        "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>",
    ],
)
def test_html_meta_charset_decides_for_html_only(meta: str) -> None:
    data = f"<html><head>{meta}</head><body>{CYRILLIC}</body></html>".encode("cp1251")
    decoded = decode_page(data, html=True)
    assert (decoded.encoding, decoded.source, decoded.warnings) == (
        "cp1251",
        EncodingSource.META,
        (),
    )
    assert decode_page(data).source is EncodingSource.DETECTED


def test_the_header_outranks_the_meta() -> None:
    data = f'<meta charset="windows-1251"><p>{WESTERN}</p>'.encode("cp1252")
    assert decode_page(data, html=True, charset="windows-1252").text.endswith(WESTERN + "</p>")


# -- detection ----------------------------------------------------------------------


def test_ascii_and_utf8_are_read_without_a_warning() -> None:
    assert decode_page(b"July 01, 2016").warnings == ()
    decoded = decode_page(CYRILLIC.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (CYRILLIC, "utf-8", ())


@pytest.mark.parametrize(("text", "codec"), [(CYRILLIC, "cp1251"), (WESTERN, "cp1252")])
def test_single_byte_pages_are_guessed_and_say_so(text: str, codec: str) -> None:
    decoded = decode_page(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, codec)
    (warning,) = decoded.warnings
    assert warning.code is WarningCode.ENCODING_GUESSED
    assert ("Windows-1251" if codec == "cp1251" else "Windows-1252") in warning.message


def test_undefined_bytes_rule_out_a_code_page() -> None:
    # 0x81 is undefined in Windows-1252 (Ѓ in 1251); 0x98 is undefined in 1251.
    assert decode_page("Müller \x81".encode("latin-1")).encoding == "cp1251"
    assert decode_page(b"Interfax \x98 \xe9t\xe9").encoding == "cp1252"
    with pytest.raises(UndecodableInputError, match="not valid UTF-8, Windows-1251 or"):
        decode_page(b"Question: \x98\x81\x8d?")


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02garbage",
        b"\x1f\x8b\x08\x00" + bytes(range(1, 9)) * 20,
        "Ju".encode("utf-16-le"),
    ],
)
def test_binary_input_is_undecodable(data: bytes) -> None:
    with pytest.raises(UndecodableInputError):
        decode_page(data)


_CONTROL_RULE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BYTES_NEAR_CONTROLS = st.binary(max_size=40) | st.lists(
    st.sampled_from([b"a", b"\n", b"\x1b", b"\x01", b"\x08", b"\x0e", b"\x1f", b"\xc3\xa9"]),
    max_size=60,
).map(b"".join)


@given(_BYTES_NEAR_CONTROLS, st.sampled_from([0, 65536 - 30, 65536 - 5, 70000]))
@example(b"\x01" * 9, 0)
@example(b"\x01" * 9, 65536 - 5)
def test_binary_test_counts_control_bytes_in_the_first_64_kb(data: bytes, padding: int) -> None:
    """Whether input is refused as binary is the rule written plainly: NUL
    anywhere, or more than 8 control bytes making over 1% of the first 64 KB
    (the check first looks for any control byte at all, one byte value at a time)."""
    page = b" " * padding + data
    window = page[:65536]
    controls = len(_CONTROL_RULE.findall(window))
    binary = b"\x00" in page or (controls > 8 and controls * 100 > len(window))
    if binary:
        with pytest.raises(UndecodableInputError):
            _check_not_binary(page)
    else:
        _check_not_binary(page)


def test_a_declaration_the_bytes_contradict_gives_way() -> None:
    # The header says UTF-8, the bytes are Windows-1252.
    decoded = decode_page(WESTERN.encode("cp1252"), charset="utf-8")
    assert (decoded.text, decoded.source) == (WESTERN, EncodingSource.DETECTED)
    assert "charset 'utf-8' given says UTF-8 but the bytes are not valid in it" in (
        decoded.warnings[0].message
    )
    # The meta says Windows-1251, the bytes are valid UTF-8 (a common mislabel).
    data = f'<meta charset="windows-1251"><p>{CYRILLIC}</p>'.encode()
    decoded = decode_page(data, html=True)
    assert decoded.encoding == "utf-8" and CYRILLIC in decoded.text
    assert codes(decoded.warnings) == [WarningCode.ENCODING_GUESSED]
    # An unknown label.
    decoded = decode_page(CYRILLIC.encode("cp1251"), charset="x-unheard-of")
    assert decoded.encoding == "cp1251" and "unknown encoding" in decoded.warnings[0].message


def test_any_single_byte_declaration_gives_way_to_valid_utf8() -> None:
    for label in ("koi8-r", "iso-8859-5", "ibm866", "mac-cyrillic", "latin1"):
        decoded = decode_page(CYRILLIC.encode(), charset=label)
        assert (decoded.text, decoded.encoding) == (CYRILLIC, "utf-8")


def test_utf16_declared_by_header_or_meta() -> None:
    assert decode_page(CYRILLIC.encode("utf-16-le"), charset="utf-16le").text == CYRILLIC
    # A <meta> that names UTF-16 in ASCII bytes cannot be right: UTF-8, as browsers do.
    page = f'<meta charset="utf-16"><p>{CYRILLIC}</p>'
    assert decode_page(page.encode(), html=True).text == page


def test_a_character_cut_at_the_end_is_truncation_not_another_encoding() -> None:
    data = CYRILLIC.encode()[:-1]  # "газе" cut inside its last letter
    decoded = decode_page(data)
    assert (decoded.text, decoded.encoding, decoded.warnings) == (CYRILLIC[:-1], "utf-8", ())
    assert decode_page(data, charset="utf-8").warnings == ()
    with pytest.raises(UndecodableInputError):
        decode_page(b"\xef\xbb\xbfJuly \xe2\x80 01")  # a broken character inside is not a cut


def test_decode_keeps_its_old_signature() -> None:
    assert decode("Russia’s".encode()) == "Russia’s"
    assert decode(WESTERN.encode("cp1252")) == WESTERN


@pytest.mark.parametrize("kind", sorted(KINDS))
@given(seed=st.integers(min_value=0, max_value=2**32), size=st.integers(min_value=4, max_value=60))
@example(seed=263141, size=4)  # Russian words all one letter long: "©я NATO о с в”"
def test_the_1251_1252_rule_on_generated_samples(kind: str, seed: int, size: int) -> None:
    """Right on every sample of four or more words (tests/encoding_samples.py measures)."""
    data = samples(kind, random.Random(seed), size)
    assert looks_cyrillic(data) is KINDS[kind]
    # A few short samples happen to be valid UTF-8 too ("её”" is 帔); UTF-8 wins.
    assume(not _valid_utf8(data))
    codec = "cp1251" if KINDS[kind] else "cp1252"
    assert decode_page(data).text == data.decode(codec)


def test_one_letter_words_decide_when_nothing_else_does() -> None:
    assert looks_cyrillic("©я NATO о с в”".encode("cp1251"))
    assert not looks_cyrillic("He went à Paris and à Lyon".encode("cp1252"))


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- mojibake -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [
        ("Russiaâ€™s", "Russia’s"),
        ("â€˜Arab Springâ€™", "‘Arab Spring’"),
        ("â€œbusinessâ€\x9d", "“business”"),
        ("â€œbusinessâ€\ufffd", "“business”"),
        ("â€œbusinessâ€ as usual", "“business” as usual"),
        ("1991â€”2020", "1991—2020"),
        ("8â€“9", "8–9"),
        ("Â© 2020", "© 2020"),
        ("Â\xa0|", "\xa0|"),
        ("Ã©tÃ© MÃ¼ller", "été Müller"),
        ("caf\xc3\xa9", "café"),  # read as Latin-1: C1 controls
        ("â€¦", "…"),
        ("â„¢", "™"),
        ("RussiaвЂ™s вЂњcourtвЂќ вЂ” 1991", "Russia’s “court” — 1991"),
        ("в„– 5, Interfaxв„ў", "№ 5, Interfax™"),
        ("WaÅ‚Ä™sa", "Wałęsa"),
    ],
)
def test_known_mojibake_is_repaired(garbled: str, clean: str) -> None:
    fixed = repair_mojibake(garbled)
    assert fixed.text == clean and fixed.count >= 1


@given(
    st.text(
        alphabet=st.sampled_from(
            list("abcdefghij ,.:;!?'\"-()0123456789")
            + list("’‘“”—–©\xa0…«»№")
            + list("éèàüöäßçñøåÉÀÜÖ")
            + list("интерфаксИНТЕРФАКСёЁвВ„")
        )
    )
)
def test_clean_text_is_never_changed(text: str) -> None:
    assert repair_mojibake(text).text == text


def test_clean_russian_and_western_text_is_not_touched() -> None:
    clean = (CYRILLIC, WESTERN, "В\xa0Москве, в «Газпроме»", "Вёшенская", "в„Газпроме“", "â")
    for text in clean:
        assert repair_mojibake(text).count == 0


PRINTED = [
    c for c in (bytes([b]).decode("cp1252", errors="ignore") for b in range(0xA0, 0x100)) if c
] + list("ŒœŠšŽžŸ‘’‚“”„†‡•…‰‹›€™–—abc XYZ,.")


@given(st.text(alphabet=st.sampled_from(PRINTED)))
def test_utf8_read_as_1252_always_comes_back(text: str) -> None:
    """Every character the repair targets comes back, whatever surrounds it."""
    assert repair_mojibake(as_browsers_read_1252(text.encode("utf-8"))).text == text


def as_browsers_read_1252(data: bytes) -> str:
    """Windows-1252 as browsers decode it: undefined bytes become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


# -- the warnings reach the interview ---------------------------------------------------


def test_decoding_warnings_reach_the_interview() -> None:
    page = demo_page().replace("freight", "fréight")
    iv = parse(page.encode("cp1252"))
    assert iv.turns == parse_text(page).turns
    assert WarningCode.ENCODING_GUESSED in codes(iv.warnings)
    assert iv.warnings[-1].code is WarningCode.ENCODING_GUESSED  # page-wide: last
    assert parse(page.encode("cp1252"), charset="windows-1252").warnings == ()
    with pytest.raises(StrictModeError, match="encoding-guessed"):
        parse(page.encode("cp1252"), strict=True)


def test_mojibake_is_repaired_in_text_and_html_with_a_warning() -> None:
    page = demo_page().replace("province's", "provinceâ€™s")
    iv = parse(page)
    assert iv == parse_text(page)
    assert iv.related[1].summary.endswith("reconstruction of the province’s airports.")
    (warning,) = [w for w in iv.warnings if w.code is WarningCode.MOJIBAKE_REPAIRED]
    assert "'â€™' → '’'" in warning.message and warning.line is None
    html = "".join(f"<p>{line}</p>" for line in page.splitlines())
    from_html = parse_html(html.encode("utf-8"))
    assert from_html.related == iv.related
    assert WarningCode.MOJIBAKE_REPAIRED in codes(from_html.warnings)


def test_html_bytes_in_a_single_byte_code_page() -> None:
    page = demo_page().replace("freight", "fréight")
    body = "".join(f"<div>{line}</div>" if line else "<br>" for line in page.splitlines())
    declared = f'<meta charset="windows-1252"><body>{body}</body>'.encode("cp1252")
    iv = parse(declared)
    assert iv.title == parse_text(page).title and iv.warnings == ()
    guessed = parse(f"<html><body>{body}</body></html>".encode("cp1252"))
    assert codes(guessed.warnings) == [WarningCode.ENCODING_GUESSED]
