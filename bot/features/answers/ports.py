"""What the answers feature asks of the store of questions it could not answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final, Protocol

from bot.config import Language
from bot.core.ports import Port

# A question the lessons did not answer is kept this long, for its trainer's reports (which read
# no further back), then deleted: nothing older has a reader.
UNANSWERED_KEPT: Final = timedelta(days=30)


@dataclass(frozen=True)
class UnansweredQuestion:
    """A question the course did not cover, as stored (personal data already removed)."""

    id: int
    learner_id: int
    language: str
    text: str
    asked_at: datetime
    # When a trainer marked it handled on the dashboard (answered in class, say).
    handled_at: datetime | None = None


class QuestionStore(Protocol):
    """Questions the course did not cover, kept (redacted) for trainers."""

    async def record(self, learner_id: int, language: Language, text: str, now: datetime) -> None:
        """Keep a question the tutor could not answer; the caller redacts it first."""
        ...

    async def of_learners(
        self, learner_ids: Sequence[int], since: datetime | None = None
    ) -> list[UnansweredQuestion]:
        """Return the unanswered questions of some learners, newest first."""
        ...

    async def mark_handled(
        self, question_id: int, learner_ids: Sequence[int], now: datetime
    ) -> bool:
        """Mark a question of one of these learners handled; False when it is none of theirs."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's unanswered questions for /mydata."""
        ...


QUESTIONS: Port[QuestionStore] = Port("questions")


@dataclass(frozen=True)
class RecentQuestion:
    """One of a learner's last questions, as stored (personal data already removed)."""

    id: int
    language: str
    text: str
    asked_at: datetime


class RecentQuestionStore(Protocol):
    """A learner's last few questions, redacted, kept for a short time only."""

    async def add(
        self, learner_id: int, language: Language, text: str, now: datetime, *, keep: int
    ) -> int:
        """Keep a (redacted) question and return its id; keep only the learner's `keep` last."""
        ...

    async def since(self, learner_id: int, since: datetime) -> list[RecentQuestion]:
        """Return the learner's questions asked since a time, oldest first."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's recent questions for /mydata."""
        ...


RECENT_QUESTIONS: Port[RecentQuestionStore] = Port("recent_questions")
