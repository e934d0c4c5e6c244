"""``interview-asp-2020``: the old site as captured from 2020 on.

Chrome: the footer ``© 1991—2020 "Interfax News Agency" JSC. All rights
reserved.`` over ``Contact information | Privacy Policy | Interfax offices``.
Seed: ``interview.asp?id=685353`` captured in 2020.
"""

from __future__ import annotations

from .oldsite import Footer, OldSiteTemplate

__all__ = ["InterviewAsp2020"]


class InterviewAsp2020(OldSiteTemplate):
    """The old site's pages under the ``"Interfax News Agency" JSC`` footer."""

    name = "interview-asp-2020"
    description = (
        'interfax.com/interview.asp pages captured from 2020 ("Interfax News Agency" JSC footer)'
    )
    capture_years = (2020, None)
    owner = '"Interfax News Agency" JSC'
    contact_line = (
        "Contact information \xa0 | \xa0 Privacy Policy \xa0 | \xa0 Interfax offices"
        " \xa0 | \xa0 made by web.finmarket"
    )

    def footer_fits(self, footer: Footer) -> bool:
        privacy = footer.contact_line is not None and "Privacy Policy" in footer.contact_line
        return "Interfax News Agency" in footer.owner or privacy
