"""The review's table: when each missed quiz item comes back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime, learner_key


class ReviewItemRow(Base):
    """A missed quiz item and when to ask it again (Leitner boxes)."""

    __tablename__ = "review_items"

    learner_id: Mapped[int] = learner_key()
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    box: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
