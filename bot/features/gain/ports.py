"""What the check-in and check-out ask of their store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Protocol

from bot.core.ports import Port

CHECK_IN: Final = "A"  # the form taken before the first lesson
CHECK_OUT: Final = "B"  # the parallel form taken after the last one


@dataclass(frozen=True)
class CheckAnswer:
    """One answer to one item of a check; the first answer to an item is the one that counts."""

    learner_id: int
    form: str
    item_id: str
    chosen: int
    is_correct: bool
    answered_at: datetime


@dataclass(frozen=True)
class CheckResult:
    """Where a learner stands with one form: offered, skipped, finished with a score."""

    form: str
    offered_at: datetime | None
    skipped_at: datetime | None
    finished_at: datetime | None
    score: int | None
    total: int | None

    @property
    def finished(self) -> bool:
        """Tell whether every item was answered and the score kept."""
        return self.finished_at is not None and self.score is not None and bool(self.total)

    @property
    def out_of_ten(self) -> float:
        """Return the score on a scale of 10, whatever the size of the form."""
        return 10 * (self.score or 0) / (self.total or 1)


class CheckStore(Protocol):
    """Each learner's checks: what was offered, every answer, and the score of each form."""

    async def result(self, learner_id: int, form: str) -> CheckResult | None:
        """Return where the learner stands with a form; None when it was never offered or taken."""
        ...

    async def offer(self, learner_id: int, form: str, now: datetime) -> None:
        """Note that a form was offered to the learner (once: a second offer changes nothing)."""
        ...

    async def skip(self, learner_id: int, form: str, now: datetime) -> None:
        """Note that the learner said no to a form."""
        ...

    async def answers(self, learner_id: int, form: str) -> list[CheckAnswer]:
        """Return the learner's answers to a form, oldest first."""
        ...

    async def record(self, answer: CheckAnswer) -> bool:
        """Store an answer; return False when the item already had one (that one counts)."""
        ...

    async def finish(
        self, learner_id: int, form: str, score: int, total: int, now: datetime
    ) -> CheckResult:
        """Keep a form's score once; return the kept result (the first, if finished before)."""
        ...

    async def finished_of_learners(
        self, learner_ids: Sequence[int]
    ) -> dict[int, dict[str, CheckResult]]:
        """Return the finished forms of several learners, by learner and form."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's checks and answers for /mydata."""
        ...


CHECKS: Port[CheckStore] = Port("checks")
