"""Voice: listen to every card, question, explanation and answer; ask a question by voice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, Deferred, FeatureContext, Manifest, on
from bot.features.voice import flows
from bot.features.voice.buttons import (
    ListenAnswer,
    ListenCard,
    ListenFeedback,
    ListenQuestion,
    Misheard,
    ReadAloud,
)
from bot.features.voice.hearing import Hearing, misheard
from bot.features.voice.ports import KEEP_ANSWERS, VOICE, VoiceStore
from bot.i18n import N_

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "voice"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.voice.tables import KeptAnswerRow, VoiceSettingRow

    return (VoiceSettingRow, KeptAnswerRow)


TABLES = Deferred(_tables)


def _sql_voice(session: AsyncSession) -> VoiceStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.voice.repo import SqlVoice

    return SqlVoice(session)


async def _forget_expired(session: AsyncSession, now: datetime) -> None:
    from bot.features.voice.repo import SqlVoice

    await SqlVoice(session).forget_before(now - KEEP_ANSWERS)


def manifest(context: FeatureContext) -> Manifest:
    """Return what the voice feature handles."""
    hearing = Hearing(context.settings.privacy_lesson_id)
    return Manifest(
        name="voice",
        commands=(CommandRoute("listen", flows.listen, N_("Hear this card, or every card")),),
        buttons=(
            # Listening changes nothing: a tap delivered again simply reads it again.
            on(ListenCard, flows.listen_card, replayable=True),
            on(ListenQuestion, flows.listen_question, replayable=True),
            on(ListenFeedback, flows.listen_feedback, replayable=True),
            on(ListenAnswer, flows.listen_answer, replayable=True),
            on(ReadAloud, flows.switch_read_aloud),
            on(Misheard, misheard),
        ),
        hearing=hearing.hear,
        repositories=((VOICE, _sql_voice),),
        sweeps=(_forget_expired,),
        exporters=(("voice", lambda uow, learner: uow.get(VOICE).export(learner)),),
    )
