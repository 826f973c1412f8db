"""One-time sign-in links: a random token shown once, kept only as its hash, valid 15 minutes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Final

from bot.features.dashboard.ports import SignInStore

LINK_TTL: Final = timedelta(minutes=15)
# Someone asking for more links than this in a quarter of an hour is told to use the last one.
LINKS_PER_WINDOW: Final = 5
LINK_WINDOW: Final = timedelta(minutes=15)
# 256 random bits: a link or a session cannot be guessed, so their hashes need no salt.
TOKEN_BYTES: Final = 32


def new_token() -> str:
    """Return a fresh random token for a link, a session or a form."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """Return the stored form of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_url(base_url: str, token: str) -> str:
    """Return the address of a sign-in link on the dashboard at `base_url`."""
    return f"{base_url.rstrip('/')}/signin/{token}"


async def issue_link(store: SignInStore, learner_id: int, now: datetime) -> str | None:
    """Make a sign-in link for someone and return its token; None when they asked too often."""
    if await store.links_since(learner_id, now - LINK_WINDOW) >= LINKS_PER_WINDOW:
        return None
    token = new_token()
    await store.create_link(learner_id, token_hash(token), now, now + LINK_TTL)
    return token
