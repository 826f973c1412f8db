"""Invite and join codes: 80 random bits, easy to read aloud, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets
from typing import Final

# No 0/O, 1/I/L look-alikes: people copy these codes from paper.
ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH: Final = 16
GROUP: Final = 4


def new_code() -> str:
    """Return a fresh code of 16 characters (about 79 bits of randomness)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


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
