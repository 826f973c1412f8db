"""What a feature brings to the outbox: its table, how to claim its rows, and what each one says."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.core.replies import Reply

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.core.router import Services
    from bot.outbox.columns import OutboxColumns
    from bot.outbox.marks import Audience


class Claim(Protocol):
    """A claimed row, with what the worker needs to send it."""

    @property
    def id(self) -> int:
        """Return the row's id in its mailbox's table."""
        ...

    @property
    def attempts(self) -> int:
        """Return how many sends were tried before this claim."""
        ...

    @property
    def learner_id(self) -> int:
        """Return who the message is for."""
        ...

    @property
    def channel(self) -> str:
        """Return the channel that reaches them."""
        ...

    @property
    def external_id(self) -> str:
        """Return who they are on that channel."""
        ...

    @property
    def reachable(self) -> bool:
        """Tell whether they can still receive messages (they have not blocked the bot)."""
        ...

    @property
    def interrupted(self) -> bool:
        """Tell whether a dead worker was sending it: the channel may have the message."""
        ...


C = TypeVar("C", bound=Claim)

# What a mailbox makes of a claimed row: the replies to send, a later time to try again (quiet
# hours), or None when there is nothing worth sending any more.
Prepared = list[Reply] | datetime | None


class Mailbox(Protocol[C]):
    """One kind of message the outbox sends, kept in a table of its own."""

    @property
    def table(self) -> type[OutboxColumns]:
        """Return the mailbox's table, whose rows have the outbox's columns."""
        ...

    async def claim(
        self,
        session: AsyncSession,
        *,
        token: str,
        now: datetime,
        lease: timedelta,
        limit: int,
        audience: Audience,
    ) -> list[C]:
        """Claim up to `limit` due rows of the people in `audience` (see `marks.claim`)."""
        ...

    async def prepare(
        self, session: AsyncSession, services: Services, item: C, now: datetime
    ) -> Prepared:
        """Return what a claimed row says now, when to try again, or None to skip it."""
        ...
