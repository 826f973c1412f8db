"""The progress feature's table: how far each learner got in each lesson."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Integer, String
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


class LearningStreakRow(Base):
    """A learner's run of learning days: its length, the longest, the last and frozen days."""

    __tablename__ = "learning_streaks"

    learner_id: Mapped[int] = learner_key()
    days: Mapped[int] = mapped_column(Integer)
    best: Mapped[int] = mapped_column(Integer)
    last_day: Mapped[date] = mapped_column(Date)
    frozen_day: Mapped[date | None] = mapped_column(Date)


class CelebrationRow(Base):
    """A milestone a learner was congratulated on: `module:<id>` or `course`."""

    __tablename__ = "celebrations"

    learner_id: Mapped[int] = learner_key()
    milestone: Mapped[str] = mapped_column(String(80), primary_key=True)
    reached_at: Mapped[datetime] = mapped_column(UTCDateTime())
