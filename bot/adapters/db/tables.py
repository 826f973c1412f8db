"""The core's tables (learners, their conversation state) and what every table builds on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
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


def table_of(row: type[Base]) -> Table:
    """Return the table a row class maps, for statements that need no mapped objects."""
    # A statement on the table skips the ORM's work on each execution (about 0.3 ms a
    # statement, measured), which the statements of every turn do not need.
    table = row.__table__
    assert isinstance(table, Table)
    return table


def learner_key() -> Mapped[int]:
    """Return a learner column that is (part of) the primary key, deleted with the learner."""
    return mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True)


class LearnerRow(Base):
    """A person who talks to the tutor, on one channel."""

    __tablename__ = "learners"
    # SQLite gives a deleted last row's number to the next one unless told not to (0018).
    __table_args__ = (UniqueConstraint("channel", "external_id"), {"sqlite_autoincrement": True})

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

    learner_id: Mapped[int] = learner_key()
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    resume_flow: Mapped[str | None] = mapped_column(String(32))
    resume_step: Mapped[str | None] = mapped_column(String(32))
    resume_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Derived from the states, kept as a column so reports and pushes can query it.
    lesson_id: Mapped[str | None] = mapped_column(String(64))
    # The buttons of the last reply that had some, as [label, data] pairs: typed words that
    # name one of them do what tapping it does.
    buttons: Mapped[list[list[str]] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CounterRow(Base):
    """A limit's counter for one hashed identity, deleted once its window has ended.

    Not tied to a learner on purpose: `/forget` must not reset the limits (bot/core/limits.py).
    """

    __tablename__ = "identity_counters"

    identity: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(16), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


CORE_TABLES: tuple[type[Base], ...] = (LearnerRow, ConversationRow, CounterRow)
