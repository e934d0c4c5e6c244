"""The public surface: exact, typed without Any, documented with examples."""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing

import parsel

import interfax_parse


def test_all_is_exact_and_public() -> None:
    exported = set(interfax_parse.__all__)
    assert len(exported) == len(interfax_parse.__all__), "duplicates in __all__"
    assert all(not name.startswith("_") or name == "__version__" for name in exported)
    assert all(hasattr(interfax_parse, name) for name in exported)
    public_attributes = {
        name
        for name, value in vars(interfax_parse).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public_attributes == exported - {"__version__"}


def _hints(obj: object) -> dict[str, object]:
    target = obj.__init__ if inspect.isclass(obj) else obj
    # The package names parsel's Selector in annotations without importing parsel.
    return typing.get_type_hints(target, localns={"Selector": parsel.Selector})


def test_no_any_in_public_signatures() -> None:
    for name in interfax_parse.__all__:
        obj = getattr(interfax_parse, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            continue
        for argument, hint in _hints(obj).items():
            assert "Any" not in repr(hint), f"{name}({argument}) is typed {hint!r}"


def test_every_public_name_has_a_docstring_with_an_example() -> None:
    missing = [
        name
        for name in interfax_parse.__all__
        if name != "__version__" and ">>>" not in (getattr(interfax_parse, name).__doc__ or "")
    ]
    assert missing == []


def test_import_and_parse_leave_unneeded_modules_unimported() -> None:
    """Start-up imports only what a parse needs: parsel (a third of the import
    time) only comes with a Selector someone passes in, the process pool with
    ``--jobs``, the corpus merge with its command."""
    code = (
        "import sys, interfax_parse.cli\n"
        "from interfax_parse import parse\n"
        "page = b'<html><body><div>Customer Login</div><div>02/25 18:44 Rail grows</div>'\n"
        "page += b'<p>July 01, 2016</p><h1>Elena Varga: Trains will run</h1>'\n"
        "page += b'<p>Question: When?</p><p>Answer: Soon.</p></body></html>'\n"
        "assert parse(page).turns\n"
        "optional = ('parsel', 'urllib.request', 'concurrent.futures.process', 'interfax_parse.corpus')\n"
        "print(sorted(m for m in optional if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
