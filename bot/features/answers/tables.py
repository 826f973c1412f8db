"""The answers feature's tables: questions the course did not cover, and the last few asked."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime


class UnansweredQuestionRow(Base):
    """A question the tutor could not answer from the course, with personal data removed."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(String(1000))
    # Indexed: the sweep deletes every learner's questions older than 30 days each minute.
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class RecentQuestionRow(Base):
    """One of a learner's last questions, redacted, kept for minutes only."""

    __tablename__ = "recent_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(String(1000))
    # Indexed: the sweep deletes every learner's expired rows each minute.
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
