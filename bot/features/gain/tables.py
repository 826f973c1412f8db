"""The check-in's and check-out's tables: each learner's forms and every answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime, learner_key


class CheckResultRow(Base):
    """One learner's standing with one form: offered, skipped, finished and its score."""

    __tablename__ = "check_results"

    learner_id: Mapped[int] = learner_key()
    form: Mapped[str] = mapped_column(String(1), primary_key=True)
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    skipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    score: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[int | None] = mapped_column(Integer)


class CheckAnswerRow(Base):
    """One answer to one item of a check; one per learner, form and item."""

    __tablename__ = "check_answers"
    __table_args__ = (UniqueConstraint("learner_id", "form", "item_id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    form: Mapped[str] = mapped_column(String(1))
    item_id: Mapped[str] = mapped_column(String(32))
    chosen: Mapped[int] = mapped_column(Integer)
    is_correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())
