"""Templates are listed, forced, registered in code and through entry points."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from interfax_parse import (
    Interview,
    Page,
    Reading,
    Score,
    Template,
    UnknownTemplateError,
    Zone,
    get_template,
    parse_text,
    register,
    templates,
)
from interfax_parse.demo import demo_page
from interfax_parse.templates import registry


class ShoutTemplate(Template):
    """A toy third-party template: a page whose first line is ``SHOUT``."""

    name = "shout"
    description = "pages whose first line is SHOUT"
    capture_years = (2030, None)

    def score(self, page: Page) -> Score:
        fits = bool(page.blocks) and page.blocks[0].text == "SHOUT"
        return Score(value=1.0 if fits else 0.0, reason="first line" if fits else "no SHOUT")

    def read(self, page: Page) -> Reading:
        title = page.blocks[1].text if len(page.blocks) > 1 else None
        zones = (Zone.NAVIGATION, Zone.TITLE)[: len(page.blocks)]
        return Reading(interview=Interview(template=self.name, title=title), zones=zones)


@pytest.fixture
def clean_registry() -> Iterator[None]:
    before = templates()
    yield
    registry._registry.clear()
    registry._registry.update(before)


def test_builtins_are_listed_first() -> None:
    names = list(templates())
    assert names[:2] == ["interview-asp-2018", "interview-asp-2020"]
    assert all(isinstance(t, Template) for t in templates().values())


def test_template_can_be_forced() -> None:
    assert parse_text(demo_page(), template="interview-asp-2018").template == "interview-asp-2018"


def test_unknown_template_name_lists_the_known_ones() -> None:
    with pytest.raises(UnknownTemplateError, match="interview-asp-2020"):
        get_template("no-such-template")


@pytest.mark.usefixtures("clean_registry")
def test_register_in_code() -> None:
    register(ShoutTemplate)
    assert parse_text("SHOUT\n\nLoud title\n").title == "Loud title"
    with pytest.raises(ValueError, match="already registered"):
        register(ShoutTemplate)
    register(ShoutTemplate(), replace=True)


@pytest.mark.usefixtures("clean_registry")
def test_register_rejects_non_templates() -> None:
    with pytest.raises(TypeError):
        register(object())  # type: ignore[arg-type]


@pytest.mark.usefixtures("clean_registry")
def test_entry_point_registration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A distribution declaring the entry point is picked up on first use."""
    package = tmp_path / "shout_plugin.py"
    package.write_text(
        "from interfax_parse import Interview, Reading, Score, Template, Zone\n"
        "class Plugin(Template):\n"
        "    name = 'shout-plugin'\n"
        "    description = 'from an entry point'\n"
        "    capture_years = (None, None)\n"
        "    def score(self, page):\n"
        "        ok = bool(page.blocks) and page.blocks[0].text == 'PLUGIN'\n"
        "        return Score(value=float(ok), reason='')\n"
        "    def read(self, page):\n"
        "        iv = Interview(template=self.name, title=page.blocks[-1].text)\n"
        "        return Reading(interview=iv, zones=(Zone.NAVIGATION,) * len(page.blocks))\n"
    )
    dist = tmp_path / "shout_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[interfax_parse.templates]\nshout-plugin = shout_plugin:Plugin\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_loaded", False)
    assert "shout-plugin" in templates()
    assert parse_text("PLUGIN\n\nfrom a plug-in\n").title == "from a plug-in"
    sys.modules.pop("shout_plugin", None)


@pytest.mark.usefixtures("clean_registry")
def test_broken_entry_point_warns_and_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dist = tmp_path / "broken_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[interfax_parse.templates]\nbroken = no_such_module_anywhere:Nothing\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_loaded", False)
    with pytest.warns(RuntimeWarning, match="broken"):
        names = templates()
    assert "interview-asp-2020" in names


@pytest.mark.usefixtures("clean_registry")
def test_a_new_footer_year_claims_its_own_contact_line() -> None:
    """A subclass's own contact line is footer, not unclaimed text."""
    from interfax_parse.demo import demo_interview
    from interfax_parse.templates.oldsite import Footer, OldSiteTemplate

    class Asp2023(OldSiteTemplate):
        name = "interview-asp-2023"
        description = "a later footer"
        capture_years = (2023, None)
        owner = "Interfax Group"
        contact_line = "Contacts \xa0|\xa0 Privacy Policy"

        def footer_fits(self, footer: Footer) -> bool:
            return footer.owner.startswith("Interfax Group")

    template = register(Asp2023)
    example = attrs.evolve(demo_interview(), template=template.name, capture_year=2023)
    parsed = parse_text(template.render(example))
    assert parsed.unclaimed == () and parsed.warnings == ()
    assert parsed.template == template.name and parsed.capture_year == 2023
    assert parsed.turns == example.turns and parsed.related == example.related
