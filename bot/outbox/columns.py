"""The columns every outbox table shares: whose message it is, how it went, and who holds it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import UTCDateTime


class OutboxColumns:
    """Mixed into a mailbox's table: one message to one learner, pending until sent."""

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    # pending, sending, sent, failed, blocked or skipped (see bot/outbox/marks.py).
    status: Mapped[str] = mapped_column(String(8))
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # A worker's claim: its batch token and the lease after which others may retake the row.
    claimed_by: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
