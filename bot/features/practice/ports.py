"""What prompt practice asks of the store of attempts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.config import Language
from bot.core.ports import Port
from bot.features.practice.rubric import Verdict


@dataclass(frozen=True)
class PracticeAttempt:
    """One practice attempt, as stored: verdicts and score, never the prompt itself."""

    task_id: str
    language: str
    verdict: Verdict
    score: int
    by_model: bool
    attempted_at: datetime


class AttemptStore(Protocol):
    """Each learner's practice attempts: the rubric's verdicts and the score."""

    async def record(
        self,
        learner_id: int,
        task_id: str,
        language: Language,
        verdict: Verdict,
        *,
        by_model: bool,
        now: datetime,
    ) -> PracticeAttempt:
        """Store one attempt's verdicts and score."""
        ...

    async def of_learner(
        self, learner_id: int, task_id: str | None = None
    ) -> list[PracticeAttempt]:
        """Return a learner's attempts, oldest first, optionally for one task."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's practice for /mydata: every attempt's scores."""
        ...


ATTEMPTS: Port[AttemptStore] = Port("practice_attempts")
