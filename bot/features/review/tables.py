"""The review's tables: each learner's cards, their reminder hour, and the reminders sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, Index, Integer, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime, learner_key
from bot.outbox.columns import OutboxColumns


class ReviewCardRow(Base):
    """One quiz item a learner answered, as an FSRS card: its memory state and when it is due."""

    __tablename__ = "review_cards"
    # Due cards are looked up per learner (a review) and across learners (the reminders).
    __table_args__ = (Index("ix_review_cards_learner_due", "learner_id", "due"),)

    learner_id: Mapped[int] = learner_key()
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    due: Mapped[datetime] = mapped_column(UTCDateTime())
    stability: Mapped[float] = mapped_column(Float)
    difficulty: Mapped[float] = mapped_column(Float)
    state: Mapped[int] = mapped_column(SmallInteger)
    step: Mapped[int | None] = mapped_column(Integer)
    last_review: Mapped[datetime] = mapped_column(UTCDateTime())


class ReviewReminderRow(Base):
    """The hour of a learner's review reminder: the one they chose, or the one they learn at."""

    __tablename__ = "review_reminders"

    learner_id: Mapped[int] = learner_key()
    usual_hour: Mapped[int | None] = mapped_column(SmallInteger)
    chosen_hour: Mapped[int | None] = mapped_column(SmallInteger)


class ReviewNudgeRow(OutboxColumns, Base):
    """One review reminder to one learner, at most one per local day, sent through the outbox."""

    __tablename__ = "review_nudges"
    __table_args__ = (
        UniqueConstraint("learner_id", "day"),
        Index("ix_review_nudges_status_not_before", "status", "not_before"),
    )

    day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
