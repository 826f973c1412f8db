"""Verification codes: 10 characters easy to read and type, stored only as a keyed hash.

31 characters without look-alikes, 10 of them: about 50 bits, drawn with `secrets`. The code is
shown once, on the certificate and in the chat; the database keeps an HMAC-SHA256 of it under
the tutor's identity salt (`TUTOR_IDENTITY_SALT`), so a copy of the database alone cannot be
searched for codes, and the first three characters, so a learner can tell their certificates
apart in /mydata.
"""

from __future__ import annotations

import secrets
from typing import Final

from bot.core.limits import IdentityHasher
from bot.features.trainers.codes import ALPHABET

LENGTH: Final = 10
PREFIX: Final = 3
# The hasher's "channel" part: keeps certificate digests apart from identity codes.
DIGEST_SCOPE: Final = "certificate"


def new_code() -> str:
    """Return a fresh verification code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(text: str) -> str | None:
    """Read a typed code, forgiving case, spaces and dashes; None if it cannot be one."""
    code = "".join(char for char in text.upper() if char not in " -_.")
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def pretty(code: str) -> str:
    """Split a code in two halves, for reading and typing."""
    half = LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def digest(hasher: IdentityHasher, code: str) -> str:
    """Return the stored form of a code: its HMAC under the identity salt."""
    return hasher(DIGEST_SCOPE, code)
