"""The real pages kept as fixtures, with their addresses and expected results."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

FIXTURES = Path(__file__).parent / "fixtures"


class FixturePage(NamedTuple):
    path: Path
    url: str

    @property
    def expected_path(self) -> Path:
        return self.path.with_suffix(".json")

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"


def fixture_pages(folder: str) -> list[FixturePage]:
    """The pages of one fixture folder, as its INDEX.tsv lists them."""
    base = FIXTURES / folder
    with (base / "INDEX.tsv").open(encoding="utf-8", newline="") as index:
        rows = list(csv.DictReader(index, delimiter="\t"))
    return [FixturePage(base / row["file"], row["address"]) for row in rows]
