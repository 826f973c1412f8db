"""Tables of the trainers feature: roles, codes, cohorts, pushes, plans and their outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime
from bot.outbox.columns import OutboxColumns


def _learner_key() -> Mapped[int]:
    return mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True)


def _author() -> Mapped[int | None]:
    # Who created something; kept when they leave, so their group's plans go on.
    return mapped_column(ForeignKey("learners.id", ondelete="SET NULL"))


class TrainerRow(Base):
    """A person who redeemed a trainer invite."""

    __tablename__ = "trainers"

    learner_id: Mapped[int] = _learner_key()
    since: Mapped[datetime] = mapped_column(UTCDateTime())


class CohortRow(Base):
    """A group of learners led by one trainer, with its delivery settings."""

    __tablename__ = "cohorts"
    # Numbers in trainers' buttons and commands: never another group's (migration 0018).
    __table_args__ = (UniqueConstraint("name"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64))
    # Emptied when the trainer deletes their data: the group and its learners stay.
    trainer_id: Mapped[int | None] = mapped_column(
        ForeignKey("learners.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Minutes after local midnight; equal start and end mean no quiet hours.
    quiet_start: Mapped[int] = mapped_column(Integer)
    quiet_end: Mapped[int] = mapped_column(Integer)
    reminder_days: Mapped[int] = mapped_column(Integer)
    # The Monday morning whose weekly report was last queued for the trainer (one per week).
    weekly_report_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TrainerSettingsRow(Base):
    """A trainer's choices about what the tutor sends them; no row means the defaults."""

    __tablename__ = "trainer_settings"

    learner_id: Mapped[int] = _learner_key()
    weekly_report: Mapped[bool] = mapped_column(Boolean)


class CohortMemberRow(Base):
    """A learner's place in a cohort (one cohort at a time)."""

    __tablename__ = "cohort_members"

    learner_id: Mapped[int] = _learner_key()
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The last inactivity nudge; one per stretch of inactivity.
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AccessCodeRow(Base):
    """A trainer invite or a cohort join code, stored only as a hash."""

    __tablename__ = "access_codes"
    __table_args__ = (UniqueConstraint("code_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    cohort_id: Mapped[int | None] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = _author()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    max_uses: Mapped[int | None] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PushPlanRow(Base):
    """A recurring push, such as each learner's next lesson every weekday at 9:00."""

    __tablename__ = "push_plans"
    __table_args__ = ({"sqlite_autoincrement": True},)  # numbers never reused (migration 0018)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = _author()
    kind: Mapped[str] = mapped_column(String(8))
    # ISO weekday digits, Monday = 1, e.g. "12345" for every weekday.
    weekdays: Mapped[str] = mapped_column(String(7))
    at_minute: Mapped[int] = mapped_column(Integer)
    next_run_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PushRow(Base):
    """One thing sent to a cohort, now or later; fanned out to the outbox when due."""

    __tablename__ = "pushes"
    __table_args__ = ({"sqlite_autoincrement": True},)  # numbers never reused (migration 0018)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = _author()
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("push_plans.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(8))
    lesson_id: Mapped[str | None] = mapped_column(String(64))
    texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    expanded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OutboxRow(OutboxColumns, Base):
    """One push to one learner: pending, then sent, failed, blocked or skipped."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("push_id", "learner_id"),
        Index("ix_outbox_status_not_before", "status", "not_before"),
    )

    push_id: Mapped[int] = mapped_column(ForeignKey("pushes.id", ondelete="CASCADE"))


class PushDraftRow(Base):
    """A trainer's /push in progress, and the typed answer it waits for."""

    __tablename__ = "push_drafts"

    trainer_id: Mapped[int] = _learner_key()
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    kind: Mapped[str | None] = mapped_column(String(8))
    lesson_id: Mapped[str | None] = mapped_column(String(64))
    texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # "now", "once" at due_at, or "plan" on weekdays at at_minute; None until chosen.
    when: Mapped[str | None] = mapped_column(String(8))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    weekdays: Mapped[str | None] = mapped_column(String(7))
    at_minute: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
