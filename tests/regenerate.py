"""Rewrite the expected JSON beside every fixture page. Review the diff after!"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fixture_pages import FIXTURES, fixture_pages
from interfax_parse import parse, to_json


def main() -> None:
    folders = sys.argv[1:] or sorted(
        p.name for p in FIXTURES.iterdir() if (p / "INDEX.tsv").exists()
    )
    for folder in folders:
        for page in fixture_pages(folder):
            interview = parse(page.path.read_bytes(), url=page.url)
            page.expected_path.write_text(to_json(interview, indent=2) + "\n", encoding="utf-8")
            print("wrote", page.expected_path.relative_to(FIXTURES))


if __name__ == "__main__":
    main()
