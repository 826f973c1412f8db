"""The progress feature's table: how far each learner got in each lesson."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime, learner_key


class LessonProgressRow(Base):
    """How far a learner got in one lesson, and their quiz scores."""

    __tablename__ = "lesson_progress"

    learner_id: Mapped[int] = learner_key()
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quiz_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_score: Mapped[int | None] = mapped_column(Integer)
    best_score: Mapped[int | None] = mapped_column(Integer)
    quiz_total: Mapped[int] = mapped_column(Integer, default=0)
