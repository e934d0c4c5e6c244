"""Release check: the wheel holds the package and nothing of the tests."""

from __future__ import annotations

import sys
import zipfile


def main(path: str) -> int:
    names = zipfile.ZipFile(path).namelist()
    required = [
        "interfax_parse/__init__.py",
        "interfax_parse/py.typed",
        "interfax_parse/data/demo_page.txt",
        "interfax_parse/templates/asp_2020.py",
    ]
    problems = [f"missing {name}" for name in required if name not in names]
    problems += [f"test file shipped: {name}" for name in names if name.startswith("tests/")]
    problems += [
        f"fixture shipped: {name}" for name in names if "fixtures" in name or name.endswith(".json")
    ]
    for problem in problems:
        print(f"{path}: {problem}")
    print(f"{path}: {len(names)} files, {'ok' if not problems else 'FAILED'}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
