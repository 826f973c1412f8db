"""What the dashboard asks of storage: sign-in links, browser sessions and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.core.ports import Port


@dataclass(frozen=True)
class WebSession:
    """A signed-in browser: whose it is, its form token, and the dashboard's language."""

    learner_id: int
    csrf_token: str
    language: str | None
    last_seen_at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """Something done from the dashboard that trainers and operators may have to account for."""

    at: datetime
    actor_id: int | None
    cohort_id: int | None
    action: str
    detail: dict[str, Any]


class SignInStore(Protocol):
    """One-time links and the sessions they open, stored as hashes only."""

    async def create_link(
        self, learner_id: int, token_hash: str, now: datetime, until: datetime
    ) -> None:
        """Keep a new sign-in link."""
        ...

    async def links_since(self, learner_id: int, since: datetime) -> int:
        """Count the links made for someone since a moment (links are rate-limited)."""
        ...

    async def use_link(self, token_hash: str, now: datetime) -> int | None:
        """Mark a live link used and return whose it was; None when unknown, used or expired."""
        ...

    async def open_session(
        self, learner_id: int, token_hash: str, csrf_token: str, now: datetime
    ) -> None:
        """Keep a new browser session."""
        ...

    async def find_session(
        self, token_hash: str, idle_since: datetime, now: datetime
    ) -> WebSession | None:
        """Return a session used since `idle_since`, noting it used now; drop it when idle."""
        ...

    async def set_language(self, token_hash: str, language: str) -> None:
        """Remember the language a signed-in trainer chose for the dashboard."""
        ...

    async def close_session(self, token_hash: str) -> None:
        """Sign a browser out."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return what the dashboard keeps about one person, for /mydata."""
        ...


class AuditStore(Protocol):
    """The dashboard's audit log: pushes and exports, who did them, when."""

    async def record(self, entry: AuditEntry) -> None:
        """Add an entry."""
        ...

    async def of_cohort(self, cohort_id: int, limit: int) -> list[AuditEntry]:
        """Return a cohort's latest entries, newest first."""
        ...


SIGN_INS: Port[SignInStore] = Port("sign_ins")
AUDIT: Port[AuditStore] = Port("audit")
