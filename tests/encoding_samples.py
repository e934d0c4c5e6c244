"""Generated single-byte samples for the Windows-1251/1252 rule, and its measurement.

`samples(kind, rng)` writes a text of one kind: ``russian`` (Russian
sentences, Latin acronyms and all, in Windows-1251), ``english-russian``
(English with a few Russian words, 1251), ``western`` (English with Western
European names, 1252), ``european`` (French, German, Spanish and Portuguese
sentences, 1252) and ``punctuation`` (English whose only non-ASCII characters
are the quotes, dashes and signs both code pages share). Run this file to
print how often `looks_cyrillic` is right per kind and length:

    python tests/encoding_samples.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "src"))

from interfax_parse.decode import looks_cyrillic

RUSSIAN = (
    "интервью министр заявил что в и на не с к о у я России компания переговоры "
    "правительство Москва год сотрудничество вопрос ответ будет также которые газ нефть "
    "санкции президент отношения безопасность договор решение регион экономика развитие "
    "встреча саммит ещё её объём Ёлки"
).split()
ACRONYMS = ("NATO", "OPEC", "G20", "CSTO", "ОДКБ", "ЕС", "США")
ENGLISH = (
    "the minister said that talks with partners will continue next month on energy "
    "transit and rail links between two regions while shippers say costs remain high"
).split()
NAMES = (
    "Müller", "Schröder", "José", "Conceição", "François", "Søren", "Åsa", "Núñez", "Gómez",
    "Citroën", "Zürich", "Besançon", "Lévy", "Ólafur", "Þórsson", "Strauß", "São Paulo",
    "Ærø", "Hélène", "Jürgen", "Øresund", "Peña", "Köln", "Malmö", "Île-de-France",
)  # fmt: skip
EUROPEAN = (
    "Die Außenministerin äußerte sich über Österreichs Beitrag zur Sicherheit",
    "Le ministre a déclaré que la coopération économique était à l'ordre du jour",
    "El presidente señaló que la situación en la región sigue siendo difícil",
    "A negociação sobre a exportação de grãos começará em março, disse a direção",
    "Ça dépend où l'on se place: les élèves étaient déjà là",
    "Ein gemütliches Café in Zürich öffnet täglich um acht Uhr",
)
SHARED = ("’", "‘", "“", "”", "—", "–", "©", "\xa0", "…", "«", "»")


def _sentence(rng: random.Random, words: tuple[str, ...] | list[str], size: int) -> str:
    return " ".join(rng.choice(words) for _ in range(size))


def samples(kind: str, rng: random.Random, size: int) -> bytes:
    """A text of `kind` with about `size` words, encoded in its code page."""
    if kind == "russian":
        words = [rng.choice(RUSSIAN) for _ in range(size)]
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words) + 1), rng.choice(ACRONYMS))
        text = rng.choice(SHARED) + " ".join(words) + rng.choice(SHARED)
        return text.capitalize().encode("cp1251")
    if kind == "english-russian":
        words = [rng.choice(ENGLISH) for _ in range(size)]
        words.insert(rng.randrange(len(words) + 1), rng.choice([w for w in RUSSIAN if len(w) > 1]))
        return (" ".join(words) + rng.choice(SHARED)).encode("cp1251")
    if kind == "western":
        words = [rng.choice(ENGLISH) for _ in range(size)]
        words.insert(rng.randrange(len(words) + 1), rng.choice(NAMES))
        return (rng.choice(SHARED) + " ".join(words)).encode("cp1252")
    if kind == "european":
        text = rng.choice(EUROPEAN)
        return " ".join(text.split()[: max(1, size)]).encode("cp1252")
    words = [rng.choice(ENGLISH) for _ in range(size)]
    words.insert(rng.randrange(len(words) + 1), rng.choice(SHARED))
    return " ".join(words).encode("cp1252")


KINDS = {
    "russian": True,
    "english-russian": True,
    "western": False,
    "european": False,
    "punctuation": False,
}
"""Each kind and whether `looks_cyrillic` should say Cyrillic."""


def measure(count: int = 2000, seed: int = 0) -> dict[str, dict[str, float]]:
    """Share of samples `looks_cyrillic` gets right, per kind and length band."""
    rng = random.Random(seed)
    bands = {"1-3 words": (1, 3), "4-15 words": (4, 15), "16-60 words": (16, 60)}
    result: dict[str, dict[str, float]] = {}
    for kind, cyrillic in KINDS.items():
        result[kind] = {}
        for band, (low, high) in bands.items():
            right = sum(
                looks_cyrillic(samples(kind, rng, rng.randint(low, high))) is cyrillic
                for _ in range(count)
            )
            result[kind][band] = right / count
    return result


if __name__ == "__main__":
    for kind, bands in measure().items():
        print(f"{kind:<16}", "  ".join(f"{band}: {share:6.1%}" for band, share in bands.items()))
