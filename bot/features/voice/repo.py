"""The voice store on the database."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import upsert
from bot.adapters.db.tables import table_of
from bot.config import Language
from bot.core.ports import jsonable
from bot.features.voice.ports import KEEP_ANSWERS, KeptAnswer
from bot.features.voice.tables import ANSWER_MAX_CHARS, KeptAnswerRow, VoiceSettingRow

SETTINGS = table_of(VoiceSettingRow)
KEPT_ANSWERS = table_of(KeptAnswerRow)


class SqlVoice:
    """The read-aloud setting in `voice_settings`, kept answers in `voice_answers`."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def reads_aloud(self, learner_id: int) -> bool:
        """Tell whether the learner has every card read aloud (off unless they turned it on)."""
        return bool(
            await self.session.scalar(
                select(SETTINGS.c.read_aloud).where(SETTINGS.c.learner_id == learner_id)
            )
        )

    async def set_read_aloud(self, learner_id: int, on: bool, now: datetime) -> None:
        """Turn reading every card aloud on or off."""
        row = await self.session.get(VoiceSettingRow, learner_id)
        if row is None:
            self.session.add(VoiceSettingRow(learner_id=learner_id, read_aloud=on, updated_at=now))
        else:
            row.read_aloud, row.updated_at = on, now
        await self.session.flush()

    async def keep_answer(
        self, learner_id: int, language: Language, text: str, now: datetime
    ) -> int:
        """Keep an answer to read aloud and return its id (the sweep deletes it a day later)."""
        text = text[:ANSWER_MAX_CHARS]
        # The same answer again (the same question, or its reply shown again after a crash) is
        # kept once, so that the Listen button of a reply shown again reads what the first kept.
        digest = hashlib.sha256(f"{language}\n{text}".encode()).hexdigest()
        keep = (
            upsert(self.session, KEPT_ANSWERS)
            .values(
                learner_id=learner_id, language=language, text=text, digest=digest, created_at=now
            )
            .on_conflict_do_update(
                index_elements=["learner_id", "digest"], set_={"created_at": now}
            )
            .returning(KEPT_ANSWERS.c.id)
        )
        return int((await self.session.execute(keep)).scalar_one())

    async def answer(self, learner_id: int, answer_id: int, now: datetime) -> KeptAnswer | None:
        """Return one of the learner's answers kept less than a day ago."""
        row = await self.session.get(KeptAnswerRow, answer_id)
        if row is None or row.learner_id != learner_id or row.created_at < now - KEEP_ANSWERS:
            return None
        return KeptAnswer(row.id, row.language, row.text, row.created_at)

    async def forget_before(self, before: datetime) -> None:
        """Delete every learner's answers kept since before a time."""
        await self.session.execute(delete(KeptAnswerRow).where(KeptAnswerRow.created_at < before))

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's setting and kept answers for /mydata."""
        rows = await self.session.scalars(
            select(KeptAnswerRow)
            .where(KeptAnswerRow.learner_id == learner_id)
            .order_by(KeptAnswerRow.created_at)
        )
        return {
            "read_cards_aloud": await self.reads_aloud(learner_id),
            "answers_to_read_aloud": [
                jsonable({"language": r.language, "text": r.text, "created_at": r.created_at})
                for r in rows
            ],
        }
