"""The review's cards and reminder hours on the database."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import save_row
from bot.adapters.db.tables import table_of
from bot.core.ports import jsonable
from bot.features.review.ports import ReminderTime, ReviewCard
from bot.features.review.tables import ReviewCardRow, ReviewNudgeRow, ReviewReminderRow

CARDS = table_of(ReviewCardRow)
REMINDERS = table_of(ReviewReminderRow)


def _card(row: Any) -> ReviewCard:
    return ReviewCard(
        lesson_id=row.lesson_id,
        item_id=row.item_id,
        due=row.due,
        stability=row.stability,
        difficulty=row.difficulty,
        state=row.state,
        step=row.step,
        last_review=row.last_review,
    )


def _card_of(learner_id: int, lesson_id: str, item_id: str) -> ColumnElement[bool]:
    """Select a learner's card of one item."""
    return (
        (CARDS.c.learner_id == learner_id)
        & (CARDS.c.lesson_id == lesson_id)
        & (CARDS.c.item_id == item_id)
    )


class SqlReviews:
    """The learners' cards in the `review_cards` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def card(self, learner_id: int, lesson_id: str, item_id: str) -> ReviewCard | None:
        """Return the learner's card of one item, if they have answered it."""
        found = await self.session.execute(
            select(CARDS).where(_card_of(learner_id, lesson_id, item_id))
        )
        row = found.one_or_none()
        return _card(row) if row else None

    async def save(self, learner_id: int, card: ReviewCard) -> None:
        """Store a card, new or reviewed."""
        await save_row(
            self.session,
            ReviewCardRow,
            {"learner_id": learner_id, **asdict(card)},
            keys=("learner_id", "lesson_id", "item_id"),
        )

    async def retire(self, learner_id: int, lesson_id: str, item_id: str) -> None:
        """Drop the card of an item the course no longer has."""
        await self.session.execute(delete(CARDS).where(_card_of(learner_id, lesson_id, item_id)))

    async def due(self, learner_id: int, before: datetime, limit: int) -> list[ReviewCard]:
        """Return up to `limit` cards due before a time, the longest due first."""
        rows = await self.session.execute(
            select(CARDS)
            .where(CARDS.c.learner_id == learner_id, CARDS.c.due < before)
            .order_by(CARDS.c.due, CARDS.c.lesson_id, CARDS.c.item_id)
            .limit(limit)
        )
        return [_card(row) for row in rows]

    async def count_due(self, learner_id: int, before: datetime) -> int:
        """Count the cards due before a time."""
        count = await self.session.scalar(
            select(func.count())
            .select_from(CARDS)
            .where(CARDS.c.learner_id == learner_id, CARDS.c.due < before)
        )
        return int(count or 0)

    async def next_due(self, learner_id: int) -> datetime | None:
        """Return when the next card falls due, if the learner has any."""
        due: datetime | None = await self.session.scalar(
            select(func.min(CARDS.c.due)).where(CARDS.c.learner_id == learner_id)
        )
        return due

    async def recent_reviews(self, learner_id: int, limit: int) -> list[datetime]:
        """Return when the learner last answered their most recently answered items."""
        found = await self.session.scalars(
            select(CARDS.c.last_review)
            .where(CARDS.c.learner_id == learner_id)
            .order_by(CARDS.c.last_review.desc())
            .limit(limit)
        )
        return list(found)

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's cards for /mydata."""
        rows = await self.session.execute(
            select(CARDS)
            .where(CARDS.c.learner_id == learner_id)
            .order_by(CARDS.c.due, CARDS.c.lesson_id, CARDS.c.item_id)
        )
        return [
            jsonable(
                {
                    "lesson_id": r.lesson_id,
                    "item": r.item_id,
                    "due": r.due,
                    "stability_days": round(r.stability, 2),
                    "difficulty": round(r.difficulty, 2),
                    "last_answer": r.last_review,
                }
            )
            for r in rows
        ]


class SqlReminders:
    """The learners' reminder hours in `review_reminders`, and the reminders sent."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def time(self, learner_id: int) -> ReminderTime:
        """Return the hours the learner's reminder is based on."""
        row = (
            await self.session.execute(
                select(REMINDERS.c.usual_hour, REMINDERS.c.chosen_hour).where(
                    REMINDERS.c.learner_id == learner_id
                )
            )
        ).one_or_none()
        return ReminderTime(row.usual_hour, row.chosen_hour) if row else ReminderTime()

    async def set_usual_hour(self, learner_id: int, hour: int) -> None:
        """Remember the hour at which the learner usually learns."""
        values = {"learner_id": learner_id, "usual_hour": hour}
        await save_row(self.session, ReviewReminderRow, values, keys=("learner_id",))

    async def choose_hour(self, learner_id: int, hour: int | None) -> None:
        """Set the hour the learner chose, or None to follow when they usually learn."""
        (await self._row(learner_id)).chosen_hour = hour
        await self.session.flush()

    async def _row(self, learner_id: int) -> ReviewReminderRow:
        row = await self.session.get(ReviewReminderRow, learner_id)
        if row is None:
            row = ReviewReminderRow(learner_id=learner_id)
            self.session.add(row)
        return row

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's reminder hours and the reminders sent, for /mydata."""
        time = await self.time(learner_id)
        nudges = await self.session.scalars(
            select(ReviewNudgeRow)
            .where(ReviewNudgeRow.learner_id == learner_id)
            .order_by(ReviewNudgeRow.id)
        )
        return {
            "usual_hour": time.usual_hour,
            "chosen_hour": time.chosen_hour,
            "reminders": [
                jsonable({"day": n.day.isoformat(), "status": n.status, "sent_at": n.sent_at})
                for n in nudges
            ],
        }
