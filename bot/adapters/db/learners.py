"""The learners store on the database: identities, settings and conversation state."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import ConversationRow, LearnerRow
from bot.config import Language
from bot.core.ports import Learner, jsonable
from bot.core.state import StoredState


def _learner(row: LearnerRow) -> Learner:
    return Learner(
        id=row.id,
        channel=row.channel,
        external_id=row.external_id,
        language=row.language,
        display_name=row.display_name,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        is_reachable=row.is_reachable,
        reminders_on=row.reminders_on,
    )


async def count_seen_since(session: AsyncSession, since: datetime) -> int:
    """Count the learners who did something since a moment, on any channel."""
    query = select(func.count()).select_from(LearnerRow).where(LearnerRow.last_seen_at >= since)
    return int(await session.scalar(query) or 0)


class SqlLearners:
    """Learners in the `learners` and `conversations` tables."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # The session keeps loaded rows only while something refers to them: holding the
        # conversation row spares the turn a second SELECT when it saves where the learner is.
        self._conversations: dict[int, ConversationRow] = {}

    async def find(self, channel: str, external_id: str) -> Learner | None:
        """Return the learner with this identity."""
        row = await self.session.scalar(
            select(LearnerRow).where(
                LearnerRow.channel == channel, LearnerRow.external_id == external_id
            )
        )
        return _learner(row) if row else None

    async def arrive(self, channel: str, external_id: str, now: datetime) -> Learner | None:
        """Return the learner with this identity, noted as seen and held until the turn ends."""
        # One UPDATE finds, stamps and locks the row: on PostgreSQL a second process handling
        # the same learner waits here until this turn commits, so two replicas never answer one
        # quiz item twice. SQLite has one writer.
        arrival = (
            update(LearnerRow)
            .where(LearnerRow.channel == channel, LearnerRow.external_id == external_id)
            .values(last_seen_at=now, is_reachable=True)
            .returning(LearnerRow)
        )
        row = (await self.session.execute(arrival)).scalar_one_or_none()
        return _learner(row) if row else None

    async def get(self, learner_id: int) -> Learner | None:
        """Return a learner by id."""
        row = await self.session.get(LearnerRow, learner_id)
        return _learner(row) if row else None

    async def create(
        self,
        channel: str,
        external_id: str,
        now: datetime,
        language: Language | None,
        display_name: str | None,
    ) -> Learner:
        """Create a learner at first contact."""
        row = LearnerRow(
            channel=channel,
            external_id=external_id,
            language=language,
            display_name=display_name,
            created_at=now,
            last_seen_at=now,
            is_reachable=True,
            reminders_on=True,
        )
        self.session.add(row)
        await self.session.flush()
        return _learner(row)

    async def set_language(self, learner_id: int, language: Language) -> None:
        """Change the language the tutor speaks with the learner."""
        await self._update(learner_id, language=language)

    async def set_reminders(self, learner_id: int, on: bool) -> None:
        """Turn the learner's reminders on or off."""
        await self._update(learner_id, reminders_on=on)

    async def set_reachable(self, learner_id: int, reachable: bool) -> None:
        """Note whether messages reach the learner (false once they blocked the tutor)."""
        await self._update(learner_id, is_reachable=reachable)

    async def _update(self, learner_id: int, **values: object) -> None:
        await self.session.execute(
            update(LearnerRow).where(LearnerRow.id == learner_id).values(**values)
        )

    async def delete(self, learner_id: int) -> None:
        """Delete the learner and, by cascade, everything stored about them."""
        await self.session.execute(delete(LearnerRow).where(LearnerRow.id == learner_id))

    async def conversation(self, learner_id: int) -> tuple[StoredState | None, StoredState | None]:
        """Return the learner's stored state and the state it interrupts."""
        row = await self.session.get(ConversationRow, learner_id)
        if row is None:
            return None, None
        self._conversations[learner_id] = row
        resume = (
            StoredState(row.resume_flow, row.resume_step or "", row.resume_data or {})
            if row.resume_flow
            else None
        )
        return StoredState(row.flow, row.step, row.data), resume

    async def save_conversation(
        self,
        learner_id: int,
        current: StoredState,
        resume: StoredState | None,
        lesson_id: str | None,
        now: datetime,
    ) -> None:
        """Store where the learner is, so that any process can go on from there."""
        row = self._conversations.get(learner_id) or await self.session.get(
            ConversationRow, learner_id
        )
        values = {
            "flow": current.flow,
            "step": current.step,
            "data": current.data,
            "resume_flow": resume.flow if resume else None,
            "resume_step": resume.step if resume else None,
            "resume_data": resume.data if resume else None,
            "lesson_id": lesson_id,
        }
        if row is None:
            row = ConversationRow(learner_id=learner_id)
            self.session.add(row)
            self._conversations[learner_id] = row
        elif all(getattr(row, name) == value for name, value in values.items()):
            # The learner is where they were (a question answered, a screen shown): `updated_at`
            # says when they last moved, and a turn that did not move them writes nothing.
            return
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = now
        await self.session.flush()

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return what is stored about the learner themselves, as JSON-ready data."""
        learner = await self.get(learner_id)
        if learner is None:
            return {}
        current, resume = await self.conversation(learner_id)
        return {
            "learner": jsonable(asdict(learner)),
            "conversation": {
                "where": asdict(current) if current else None,
                "interrupted": asdict(resume) if resume else None,
            },
        }
