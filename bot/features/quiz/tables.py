"""The quiz's table: every answer to every quiz item."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime


class QuizAnswerRow(Base):
    """One answer to one quiz item; first answers of an attempt make its score."""

    __tablename__ = "quiz_answers"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id", "item_id", "mode", "attempt"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    lesson_id: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(32))
    chosen: Mapped[int] = mapped_column(Integer)
    is_correct: Mapped[bool] = mapped_column(Boolean)
    mode: Mapped[str] = mapped_column(String(8))
    attempt: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())
