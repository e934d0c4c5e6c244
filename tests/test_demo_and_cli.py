"""The built-in demo page and the command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from fixture_pages import fixture_pages
from interfax_parse import from_dict, get_template, parse
from interfax_parse.cli import main
from interfax_parse.demo import demo_interview, demo_page


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_bundled_demo_page_is_the_rendering_of_the_demo_interview() -> None:
    assert demo_page() == get_template("interview-asp-2020").render(demo_interview())
    assert parse(demo_page()) == demo_interview()


def test_demo_command_summarises_the_page() -> None:
    code, out, _ = run("demo")
    assert code == 0
    assert "Elena Varga (Transport Commissioner of the Aurora Union)" in out
    assert "Turns:        6" in out
    assert "2019-12-30T18:00:00+03:00  Lindmark parliament passes budget" in out


def test_templates_command() -> None:
    code, out, _ = run("templates")
    assert code == 0
    assert out.splitlines()[0].startswith("interview-asp-2018")


def test_parse_jsonl_and_json(tmp_path: Path) -> None:
    pages = [p.path for p in fixture_pages("seeds")]
    code, out, err = run("parse", *map(str, pages))
    assert (code, err) == (0, "interfax-parse: 2 parsed, 0 skipped, 0 failed\n")
    records = [from_dict(json.loads(line)) for line in out.splitlines()]
    assert [r.published.year for r in records if r.published] == [2016, 2009]
    target = tmp_path / "out.json"
    code, out, _ = run("parse", "--format", "json", "-o", str(target), *map(str, pages))
    assert code == 0 and out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2


def test_parse_reads_stdin_with_url() -> None:
    code, out, _ = run(
        "parse", "-", "--url", "http://interfax.com/interview.asp?id=42", stdin=demo_page().encode()
    )
    assert code == 0
    assert json.loads(out)["interview_id"] == 42


def test_bad_files_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_text("nothing to see here")
    missing = tmp_path / "missing.txt"
    good = fixture_pages("seeds")[0].path
    code, out, err = run("parse", str(garbage), str(good), str(missing))
    assert code == 1
    assert len(out.splitlines()) == 1
    assert f"{garbage}: NotAnInterviewError" in err
    assert f"{missing}: FileNotFoundError" in err


def test_strict_turns_warnings_into_failures() -> None:
    truncated = fixture_pages("asp")[0].path
    code, out, err = run("parse", "--strict", str(truncated))
    assert code == 1 and out == "" and "StrictModeError" in err


def test_usage_error_exits_2() -> None:
    assert run("parse")[0] == 2
    assert run("frobnicate")[0] == 2


def test_module_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interfax_parse", "templates"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "interview-asp-2020" in result.stdout
