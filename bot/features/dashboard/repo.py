"""The dashboard's stores on SQLAlchemy."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.ports import jsonable
from bot.features.dashboard.ports import AuditEntry, WebSession
from bot.features.dashboard.tables import AuditRow, SignInLinkRow, WebSessionRow


class SqlSignIns:
    """Sign-in links and browser sessions in `web_sign_in_links` and `web_sessions`."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create_link(
        self, learner_id: int, token_hash: str, now: datetime, until: datetime
    ) -> None:
        """Keep a new sign-in link, and drop this person's links that can no longer be used."""
        await self.session.execute(
            delete(SignInLinkRow).where(
                SignInLinkRow.learner_id == learner_id, SignInLinkRow.expires_at < now
            )
        )
        self.session.add(
            SignInLinkRow(
                token_hash=token_hash, learner_id=learner_id, created_at=now, expires_at=until
            )
        )
        await self.session.flush()

    async def links_since(self, learner_id: int, since: datetime) -> int:
        """Count the links made for someone since a moment."""
        count = await self.session.scalar(
            select(func.count()).where(
                SignInLinkRow.learner_id == learner_id, SignInLinkRow.created_at >= since
            )
        )
        return int(count or 0)

    async def use_link(self, token_hash: str, now: datetime) -> int | None:
        """Mark a live link used and return whose it was; None when unknown, used or expired."""
        # One statement, so that two browsers opening the same link cannot both get in.
        learner_id: int | None = await self.session.scalar(
            update(SignInLinkRow)
            .where(
                SignInLinkRow.token_hash == token_hash,
                SignInLinkRow.used_at.is_(None),
                SignInLinkRow.expires_at > now,
            )
            .values(used_at=now)
            .returning(SignInLinkRow.learner_id)
        )
        return learner_id

    async def open_session(
        self, learner_id: int, token_hash: str, csrf_token: str, now: datetime
    ) -> None:
        """Keep a new browser session."""
        self.session.add(
            WebSessionRow(
                token_hash=token_hash,
                learner_id=learner_id,
                csrf_token=csrf_token,
                created_at=now,
                last_seen_at=now,
            )
        )
        await self.session.flush()

    async def find_session(
        self, token_hash: str, idle_since: datetime, now: datetime
    ) -> WebSession | None:
        """Return a session used since `idle_since`, noting it used now; drop it when idle."""
        row = await self.session.get(WebSessionRow, token_hash)
        if row is None:
            return None
        if row.last_seen_at < idle_since:
            await self.session.delete(row)
            return None
        row.last_seen_at = now
        return WebSession(row.learner_id, row.csrf_token, row.language, now)

    async def set_language(self, token_hash: str, language: str) -> None:
        """Remember the language a signed-in trainer chose for the dashboard."""
        await self.session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.token_hash == token_hash)
            .values(language=language)
        )

    async def close_session(self, token_hash: str) -> None:
        """Sign a browser out."""
        await self.session.execute(
            delete(WebSessionRow).where(WebSessionRow.token_hash == token_hash)
        )

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return when this person's browser sessions began and were last used, for /mydata."""
        rows = await self.session.scalars(
            select(WebSessionRow)
            .where(WebSessionRow.learner_id == learner_id)
            .order_by(WebSessionRow.created_at)
        )
        return {
            "sessions": [
                jsonable({"signed_in_at": row.created_at, "last_used_at": row.last_seen_at})
                for row in rows
            ]
        }


class SqlAudit:
    """The dashboard's audit log in `dashboard_audit`."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, entry: AuditEntry) -> None:
        """Add an entry."""
        self.session.add(
            AuditRow(
                at=entry.at,
                actor_id=entry.actor_id,
                cohort_id=entry.cohort_id,
                action=entry.action,
                detail=entry.detail,
            )
        )
        await self.session.flush()

    async def of_cohort(self, cohort_id: int, limit: int) -> list[AuditEntry]:
        """Return a cohort's latest entries, newest first."""
        rows = await self.session.scalars(
            select(AuditRow)
            .where(AuditRow.cohort_id == cohort_id)
            .order_by(AuditRow.at.desc(), AuditRow.id.desc())
            .limit(limit)
        )
        return [
            AuditEntry(row.at, row.actor_id, row.cohort_id, row.action, row.detail) for row in rows
        ]
