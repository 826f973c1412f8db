"""Invite and join codes: 80 random bits, easy to read aloud, stored only as a hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from typing import Final

# No 0/O, 1/I/L look-alikes: people copy these codes from paper.
ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH: Final = 16
GROUP: Final = 4


def new_code() -> str:
    """Return a fresh code of 16 characters (about 79 bits of randomness)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def derived_code(secret: bytes, cohort_id: int, created_at: datetime) -> str:
    """Return the join code of a cohort's link made at `created_at`, from the server's secret.

    A cohort's link can then be shown again at any time, while the database still holds only
    its hash: whoever reads the database alone cannot work the code out.
    """
    message = f"cohort-join:{cohort_id}:{created_at.astimezone(UTC).isoformat()}".encode()
    number = int.from_bytes(hmac.new(secret, message, hashlib.sha256).digest())
    characters = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        characters.append(ALPHABET[index])
    return "".join(characters)


def normalize(text: str) -> str | None:
    """Read a typed or linked code, forgiving case, spaces and dashes; None if it cannot be one."""
    code = "".join(char for char in text.upper() if char not in " -_.")
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def pretty(code: str) -> str:
    """Split a code into groups of four, for reading and typing."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def code_hash(code: str) -> str:
    """Return the stored form of a code; the codes are random enough for a plain SHA-256."""
    return hashlib.sha256(code.encode()).hexdigest()
