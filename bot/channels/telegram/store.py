"""What the Telegram front end keeps: handled updates, open quiz polls, uploaded voice notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Executable, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import insert_for, upsert
from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.tables import table_of
from bot.channels.telegram.tables import ProcessedUpdateRow, QuizPollRow, VoiceFileRow

CHANNEL = "telegram"


@dataclass(frozen=True)
class QuizPoll:
    """A quiz poll sent to a learner, with the button data each option stands for."""

    poll_id: str
    learner_id: int
    answer_data: tuple[str, ...]
    sent_at: datetime


async def claim_update(session: AsyncSession, bot_id: int, update_id: int, now: datetime) -> bool:
    """Record an update as handled; return False when some process already did."""
    claim = _claim(session.get_bind().dialect.name)
    values = {"bot_id": bot_id, "update_id": update_id, "received_at": now}
    return (await session.execute(claim, values)).first() is not None


@cache
def _claim(dialect: str) -> Executable:
    """Build the claim of an update once per dialect, its values bound at each update."""
    # One statement, no savepoint: a conflict inserts nothing and returns no row. A concurrent
    # claim of the same id waits for the first transaction and then conflicts.
    updates = table_of(ProcessedUpdateRow)
    return (
        insert_for(dialect, updates)
        .values({name: bindparam(name) for name in ("bot_id", "update_id", "received_at")})
        .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
        .returning(updates.c.update_id)
    )


async def forget_updates(session: AsyncSession, before: datetime) -> None:
    """Delete the handled update ids older than `before`; Telegram never resends those."""
    await session.execute(delete(ProcessedUpdateRow).where(ProcessedUpdateRow.received_at < before))


async def save_poll(
    session: AsyncSession,
    external_id: str,
    poll_id: str,
    answer_data: Sequence[str],
    now: datetime,
) -> bool:
    """Remember what a quiz poll's options stand for; False when the learner is unknown."""
    learner = await SqlLearners(session).find(CHANNEL, external_id)
    if learner is None:
        return False
    session.add(
        QuizPollRow(
            poll_id=poll_id, learner_id=learner.id, answer_data=list(answer_data), sent_at=now
        )
    )
    await session.flush()
    return True


async def take_poll(session: AsyncSession, poll_id: str, external_id: str) -> QuizPoll | None:
    """Return and delete the mapping of a poll the learner answered; one answer per quiz poll.

    A forwarded poll keeps its id, so a vote from anyone but the learner it was sent to is
    not theirs to spend.
    """
    learner = await SqlLearners(session).find(CHANNEL, external_id)
    row = await session.get(QuizPollRow, poll_id)
    if row is None or learner is None or row.learner_id != learner.id:
        return None
    poll = QuizPoll(row.poll_id, row.learner_id, tuple(row.answer_data), row.sent_at)
    await session.delete(row)
    return poll


async def forget_polls(session: AsyncSession, before: datetime) -> None:
    """Delete the polls sent before `before` and never answered."""
    await session.execute(delete(QuizPollRow).where(QuizPollRow.sent_at < before))


async def voice_file(
    session: AsyncSession, text_hash: str, language: str, engine: str, voice: str
) -> str | None:
    """Return the `file_id` of a text already uploaded as a voice note with this voice, if any."""
    row = await session.get(VoiceFileRow, (text_hash, language, engine, voice))
    return row.file_id if row else None


async def save_voice_file(
    session: AsyncSession,
    text_hash: str,
    language: str,
    engine: str,
    voice: str,
    file_id: str,
    now: datetime,
) -> None:
    """Remember the `file_id` of an uploaded voice note; the latest upload wins."""
    values = {"file_id": file_id, "uploaded_at": now}
    keep = (
        upsert(session, VoiceFileRow)
        .values(text_hash=text_hash, language=language, engine=engine, voice=voice, **values)
        .on_conflict_do_update(
            index_elements=["text_hash", "language", "engine", "voice"], set_=values
        )
    )
    await session.execute(keep)


async def forget_voice_file(session: AsyncSession, file_id: str) -> None:
    """Forget a `file_id` Telegram no longer accepts, so that the audio is uploaded again."""
    await session.execute(delete(VoiceFileRow).where(VoiceFileRow.file_id == file_id))


async def set_reachable(session: AsyncSession, external_id: str, *, reachable: bool) -> bool:
    """Mark a Telegram learner as reachable or not; False when they are unknown."""
    learner = await SqlLearners(session).find(CHANNEL, external_id)
    if learner is None:
        return False
    await SqlLearners(session).set_reachable(learner.id, reachable)
    return True


async def language_of(session: AsyncSession, external_id: str) -> str | None:
    """Return the language a Telegram learner chose; None when unknown or not chosen yet."""
    learner = await SqlLearners(session).find(CHANNEL, external_id)
    return learner.language if learner else None


async def export(session: AsyncSession, learner_id: int) -> dict[str, Any]:
    """Return the Telegram part of /mydata: the quiz polls still waiting for an answer."""
    rows = await session.scalars(
        select(QuizPollRow)
        .where(QuizPollRow.learner_id == learner_id)
        .order_by(QuizPollRow.sent_at)
    )
    return {
        "open_quiz_polls": [
            {"poll_id": row.poll_id, "sent_at": row.sent_at.isoformat()} for row in rows
        ]
    }
