"""The usage feature's table: calls and tokens per learner and day. Numbers, no texts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.tables import Base, learner_key


class LLMUsageRow(Base):
    """How many model calls and tokens one learner used on one (Brussels) day."""

    __tablename__ = "llm_usage"

    learner_id: Mapped[int] = learner_key()
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
