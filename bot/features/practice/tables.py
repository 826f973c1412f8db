"""Prompt practice's table: each attempt's verdicts and score, never the prompt itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime


class PracticeAttemptRow(Base):
    """One prompt a learner wrote for a practice task: the rubric's verdicts, never the prompt."""

    __tablename__ = "practice_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(2))
    clear_task: Mapped[bool] = mapped_column(Boolean)
    context: Mapped[bool] = mapped_column(Boolean)
    format: Mapped[bool] = mapped_column(Boolean)
    no_personal_data: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[int] = mapped_column(Integer)
    by_model: Mapped[bool] = mapped_column(Boolean)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime())
