"""Tables of the Telegram front end: updates handled, quiz polls awaiting answers, voice notes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, UTCDateTime


class ProcessedUpdateRow(Base):
    """An update id already handled, so a second delivery of it is skipped by every process."""

    __tablename__ = "telegram_updates"

    # Update ids count per bot: a new token starts again, so the bot is part of the key.
    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class QuizPollRow(Base):
    """A native quiz poll sent to a learner: option i answers like a tap on `answer_data[i]`."""

    __tablename__ = "telegram_polls"

    poll_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    answer_data: Mapped[list[Any]] = mapped_column(JSON)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class VoiceFileRow(Base):
    """A voice note already uploaded: Telegram's `file_id` for some course text read aloud.

    Keyed like the audio cache, so that a card is uploaded once per voice; it holds course text
    audio only, never a learner's voice.
    """

    __tablename__ = "telegram_voice_files"

    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    engine: Mapped[str] = mapped_column(String(64), primary_key=True)
    voice: Mapped[str] = mapped_column(String(64), primary_key=True)
    file_id: Mapped[str] = mapped_column(String(255))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime())


TABLES: tuple[type[Base], ...] = (
    ProcessedUpdateRow,
    QuizPollRow,
    VoiceFileRow,
)
