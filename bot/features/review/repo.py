"""The review schedule on the database."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.ports import jsonable
from bot.features.review.ports import ReviewItem
from bot.features.review.tables import ReviewItemRow


def _item(row: ReviewItemRow) -> ReviewItem:
    return ReviewItem(row.lesson_id, row.item_id, row.box, row.due_at)


class SqlReviews:
    """The review schedule in the `review_items` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def item(self, learner_id: int, lesson_id: str, item_id: str) -> ReviewItem | None:
        """Return one item of the learner's review schedule."""
        row = await self.session.get(ReviewItemRow, (learner_id, lesson_id, item_id))
        return _item(row) if row else None

    async def schedule(
        self, learner_id: int, lesson_id: str, item_id: str, box: int, due_at: datetime
    ) -> None:
        """Put a quiz item in a Leitner box, due at a given time."""
        row = await self.session.get(ReviewItemRow, (learner_id, lesson_id, item_id))
        if row is None:
            row = ReviewItemRow(learner_id=learner_id, lesson_id=lesson_id, item_id=item_id)
            self.session.add(row)
        row.box = box
        row.due_at = due_at
        await self.session.flush()

    async def retire(self, learner_id: int, lesson_id: str, item_id: str) -> None:
        """Take a well-learnt item out of the review schedule."""
        await self.session.execute(
            delete(ReviewItemRow).where(
                ReviewItemRow.learner_id == learner_id,
                ReviewItemRow.lesson_id == lesson_id,
                ReviewItemRow.item_id == item_id,
            )
        )

    async def due(self, learner_id: int, now: datetime) -> list[ReviewItem]:
        """Return the items due for review, the longest overdue first."""
        rows = await self.session.scalars(
            select(ReviewItemRow)
            .where(ReviewItemRow.learner_id == learner_id, ReviewItemRow.due_at <= now)
            .order_by(ReviewItemRow.due_at, ReviewItemRow.lesson_id, ReviewItemRow.item_id)
        )
        return [_item(row) for row in rows]

    async def next_due(self, learner_id: int) -> datetime | None:
        """Return when the next review item falls due, if any is scheduled."""
        return await self.session.scalar(
            select(func.min(ReviewItemRow.due_at)).where(ReviewItemRow.learner_id == learner_id)
        )

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's review schedule for /mydata."""
        rows = await self.session.scalars(
            select(ReviewItemRow).where(ReviewItemRow.learner_id == learner_id)
        )
        return [
            jsonable(
                {"lesson_id": r.lesson_id, "item": r.item_id, "box": r.box, "due_at": r.due_at}
            )
            for r in rows
        ]
