"""Quote marks: the pages print ``‘`` and ``’`` as apostrophes, sometimes ``'``.

Text is kept as printed; `normalize_quotes` is the opt-in repair behind
``parse(..., normalize_quotes=True)``.
"""

from __future__ import annotations

__all__ = ["normalize_quotes"]

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'}
)


def normalize_quotes(text: str) -> str:
    """Replace curly and stray quote marks by ASCII ``'`` and ``"``.

    >>> normalize_quotes("Russia’s ‘Arab Spring‘ and “business”")
    'Russia\\'s \\'Arab Spring\\' and "business"'
    """
    return text.translate(_QUOTES)
