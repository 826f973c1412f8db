"""The ports of the core: the learners store and the unit of work that hands out repositories.

Flows never see a database session. They ask the turn's unit of work for a repository by a
typed key (`turn.repo(PROGRESS)`), and get whatever adapter the assembler bound to it: SQL in
the running tutor, in-memory dictionaries in the flow unit tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar, cast

from bot.config import Language
from bot.core.replies import Button
from bot.core.state import StoredState

T = TypeVar("T")


@dataclass(frozen=True)
class Port(Generic[T]):
    """A typed key for one kind of repository."""

    name: str


@dataclass(frozen=True)
class Learner:
    """A person who talks to the tutor on one channel."""

    id: int
    channel: str
    external_id: str
    language: Language | None
    display_name: str | None
    created_at: datetime
    last_seen_at: datetime
    is_reachable: bool
    reminders_on: bool


class Learners(Protocol):
    """The learners and where each one is in the conversation."""

    async def find(self, channel: str, external_id: str) -> Learner | None:
        """Return the learner with this identity."""
        ...

    async def arrive(self, channel: str, external_id: str, now: datetime) -> Learner | None:
        """Return the learner with this identity, noted as seen and held until the turn ends."""
        ...

    async def get(self, learner_id: int) -> Learner | None:
        """Return a learner by id."""
        ...

    async def create(
        self,
        channel: str,
        external_id: str,
        now: datetime,
        language: Language | None,
        display_name: str | None,
    ) -> Learner:
        """Create a learner at first contact."""
        ...

    async def set_language(self, learner_id: int, language: Language) -> None:
        """Change the language the tutor speaks with the learner."""
        ...

    async def set_reminders(self, learner_id: int, on: bool) -> None:
        """Turn the learner's reminders on or off."""
        ...

    async def set_reachable(self, learner_id: int, reachable: bool) -> None:
        """Note whether messages reach the learner (false once they blocked the tutor)."""
        ...

    async def delete(self, learner_id: int) -> None:
        """Delete the learner and everything stored about them."""
        ...

    async def conversation(self, learner_id: int) -> tuple[StoredState | None, StoredState | None]:
        """Return the learner's stored state and the state it interrupts."""
        ...

    async def buttons(self, learner_id: int) -> tuple[Button, ...]:
        """Return the buttons of the last reply the learner got that had some."""
        ...

    async def save_conversation(
        self,
        learner_id: int,
        current: StoredState,
        resume: StoredState | None,
        lesson_id: str | None,
        now: datetime,
        buttons: Sequence[Button] = (),
    ) -> None:
        """Store where the learner is and the buttons on their screen, for any process to go on.

        A state that did not change is not written again: `now` is when the learner last moved.
        """
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return what is stored about the learner themselves, as JSON-ready data."""
        ...


LEARNERS: Port[Learners] = Port("learners")


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Return stored values ready for JSON (/mydata): timestamps as ISO 8601 strings."""
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}


class UnitOfWork(Protocol):
    """One transaction: committed when the turn ends well, rolled back when it fails."""

    def get(self, port: Port[T]) -> T:
        """Return the repository bound to a port, inside this transaction."""
        ...


# Opens one unit of work per turn: the database's in the tutor, dictionaries in the unit tests.
UnitsOfWork = Callable[[], AbstractAsyncContextManager[UnitOfWork]]


class Repositories:
    """Repositories built on first use from bound factories; the base of units of work."""

    def __init__(self, factories: Mapping[Port[Any], Callable[[], Any]]) -> None:
        self._factories = factories
        self._built: dict[Port[Any], Any] = {}

    def get(self, port: Port[T]) -> T:
        """Return the repository bound to a port, built once per unit of work."""
        if port not in self._built:
            try:
                self._built[port] = self._factories[port]()
            except KeyError:
                raise LookupError(f"no repository is bound to {port.name!r}") from None
        return cast(T, self._built[port])
