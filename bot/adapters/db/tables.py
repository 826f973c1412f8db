"""Tables of the tutor core: learners, lesson progress, quiz answers, review schedule."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes and store UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read every timestamp back as timezone-aware UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base class of every table; one metadata for the whole application."""

    metadata = MetaData(naming_convention=NAMING)


def _learner_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True)


class LearnerRow(Base):
    """A person who talks to the tutor, on one channel."""

    __tablename__ = "learners"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(2))
    display_name: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    is_reachable: Mapped[bool] = mapped_column(Boolean, default=True)
    reminders_on: Mapped[bool] = mapped_column(Boolean, default=True)


class ConversationRow(Base):
    """Where a learner is in the conversation, and the flow to go back to (see core/state.py)."""

    __tablename__ = "conversations"

    learner_id: Mapped[int] = _learner_fk()
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    resume_flow: Mapped[str | None] = mapped_column(String(32))
    resume_step: Mapped[str | None] = mapped_column(String(32))
    resume_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Derived from the states, kept as a column so reports and pushes can query it.
    lesson_id: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LessonProgressRow(Base):
    """How far a learner got in one lesson, and their quiz scores."""

    __tablename__ = "lesson_progress"

    learner_id: Mapped[int] = _learner_fk()
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quiz_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_score: Mapped[int | None] = mapped_column(Integer)
    best_score: Mapped[int | None] = mapped_column(Integer)
    quiz_total: Mapped[int] = mapped_column(Integer, default=0)


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


class UnansweredQuestionRow(Base):
    """A question the tutor could not answer from the course, with personal data removed."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(String(1000))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReviewItemRow(Base):
    """A missed quiz item and when to ask it again (Leitner boxes)."""

    __tablename__ = "review_items"

    learner_id: Mapped[int] = _learner_fk()
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    box: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


CORE_TABLES: tuple[type[Base], ...] = (
    LearnerRow,
    ConversationRow,
    LessonProgressRow,
    QuizAnswerRow,
    UnansweredQuestionRow,
    ReviewItemRow,
)
