"""``interview-asp-2018``: the old site as captured in 2018-2019.

Chrome: the footer ``© 1991—2018 Interfax Information Service. All rights
reserved.`` over a lower-case ``contact information | Interfax offices``
line. Seed: ``interview.asp?id=133822`` captured in 2018.
"""

from __future__ import annotations

from .oldsite import Footer, OldSiteTemplate

__all__ = ["InterviewAsp2018"]


class InterviewAsp2018(OldSiteTemplate):
    """The old site's pages under the ``Interfax Information Service`` footer."""

    name = "interview-asp-2018"
    description = (
        "interfax.com/interview.asp pages captured 2018-2019 (Interfax Information Service footer)"
    )
    capture_years = (2018, 2019)
    owner = "Interfax Information Service"
    contact_line = (
        "contact information \xa0 | \xa0 Interfax offices \xa0 | \xa0 made by web.finmarket"
    )

    def footer_fits(self, footer: Footer) -> bool:
        lower_contact = footer.contact_line is not None and footer.contact_line.startswith(
            "contact information"
        )
        return self.owner in footer.owner or lower_contact
