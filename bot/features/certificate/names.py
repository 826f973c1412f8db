"""The name on a certificate: as the learner types it, checked kindly."""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Final

from bot.features.certificate import fonts

MIN_LETTERS: Final = 2
MAX_CHARS: Final = 40
# Besides letters: what names are written with (Jean-Luc, D'Hondt, Van den Berghe, Ph. Dupont).
PUNCTUATION: Final = frozenset(" -'’.")


# What people write before their name when asked for it ("ik heet Kim", "je m'appelle Kim"),
# in any of the course's languages: the certificate shows the name alone.
_LEAD_IN = re.compile(
    r"^(?:my name is|my name['’]s|i am|i['’]m|name|je m['’ ]appelle|mon nom est|moi c['’]est|"
    r"je suis|nom|ik heet|mijn naam is|ik ben|naam)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)


def name_in(text: str) -> str:
    """Return what a learner typed when asked for their name, without the words before it."""
    return _LEAD_IN.sub("", text.strip(), count=1)


def capitalised(name: str) -> str:
    """Return a name typed all in small letters with capitals (kim de smet: Kim De Smet)."""
    return name.title() if name == name.lower() else name


class NameProblem(Enum):
    """Why a typed name cannot go on the certificate."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    CHARACTERS = "characters"


def clean_name(text: str) -> str | NameProblem:
    """Return the name to print (spaces tidied, accents composed), or what is wrong with it."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if len(name) > MAX_CHARS:
        return NameProblem.TOO_LONG
    drawable = fonts.drawable()
    for char in name:
        letter = unicodedata.category(char)[0] in "LM"
        if not (letter or char in PUNCTUATION) or ord(char) not in drawable:
            return NameProblem.CHARACTERS
    if sum(unicodedata.category(char).startswith("L") for char in name) < MIN_LETTERS:
        return NameProblem.TOO_SHORT
    return name
