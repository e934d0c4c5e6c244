"""HTML response records in an archive: parsed as HTML, in the charset the HTTP header declares."""

from __future__ import annotations

import io
import random

import pytest

pytest.importorskip("fastwarc", reason="the warc extra is not installed")
html_testing = pytest.importorskip("interfax_parse.testing.html", reason="no HTML path yet")

from interfax_parse import parse_text  # noqa: E402
from interfax_parse.archive import ArchivePayload, iter_archive, iter_payloads  # noqa: E402
from interfax_parse.testing.archives import ArchiveItem, interview_pages, write_archive  # noqa: E402


@pytest.mark.parametrize("seed", range(8))
def test_an_html_response_in_a_declared_charset_parses_like_the_text(seed: int) -> None:
    url, text = next(interview_pages(1))
    interview = parse_text(text, url=url)
    rng = random.Random(seed)
    page = html_testing.render_html(text, rng, interview=interview, url=url)
    while page.charset is not None:  # no <meta charset>: only the HTTP header says it
        page = html_testing.render_html(text, rng, interview=interview, url=url)
    item = ArchiveItem(
        url=url,
        body=page.html.encode("windows-1251"),
        content_type="text/html; charset=windows-1251",
    )
    buffer = io.BytesIO()
    write_archive(buffer, [item], compress=True)
    buffer.seek(0)
    [payload] = iter_payloads(buffer)
    assert isinstance(payload, ArchivePayload)
    assert payload.charset == "windows-1251"
    buffer.seek(0)
    [record] = iter_archive(buffer)
    assert record.result == page.expected
