"""The voice feature's tables: the read-aloud setting, and answers kept a day to read aloud."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime, learner_key

ANSWER_MAX_CHARS = 4000  # a Telegram message


class VoiceSettingRow(Base):
    """Whether a learner has every card read aloud."""

    __tablename__ = "voice_settings"

    learner_id: Mapped[int] = learner_key()
    read_aloud: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class KeptAnswerRow(Base):
    """An answer the tutor wrote to a learner's free question, kept a day to be read aloud."""

    __tablename__ = "voice_answers"
    # The same answer again is kept once, under its first id (see SqlVoice.keep_answer).
    __table_args__ = (UniqueConstraint("learner_id", "digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(ANSWER_MAX_CHARS))
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the language and the text
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
