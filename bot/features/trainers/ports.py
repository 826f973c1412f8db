"""What the trainers' flows ask of storage: roles, codes and cohorts, /push drafts, pushes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final, Literal, Protocol
from zoneinfo import ZoneInfo

from bot.core.localtime import after_quiet_hours
from bot.core.ports import Port

CodeKind = Literal["trainer", "cohort"]
PushKind = Literal[
    "lesson",
    "quiz",
    "review",
    "next",
    "message",
    "reminder",
    "handover",
    "weekly",
    "removed",
    "ended",
]
# Pushes addressed to a cohort's trainer rather than to its learners.
TRAINER_KINDS: Final[tuple[str, ...]] = ("weekly",)
# Pushes to someone who is no longer in the cohort: the one a trainer took out of it.
FORMER_MEMBER_KINDS: Final[tuple[str, ...]] = ("removed",)
# What the tutor tells learners of itself, not something the trainer sends or can cancel.
NOTICE_KINDS: Final[tuple[str, ...]] = ("handover", "removed", "ended")
PlanKind = Literal["next", "review"]
PLAN_KINDS: Final[tuple[str, ...]] = ("next", "review")


@dataclass(frozen=True)
class Cohort:
    """A trainer's group and its delivery settings."""

    id: int
    name: str
    # None once the trainer deleted their data: the operator looks after the group.
    trainer_id: int | None
    created_at: datetime
    quiet_start: int
    quiet_end: int
    reminder_days: int


@dataclass(frozen=True)
class Invitation:
    """A trainer invitation that still works (its code is kept only as a hash)."""

    id: int
    created_by_id: int | None  # None: made on the command line
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Membership:
    """The cohort a learner belongs to."""

    cohort: Cohort
    joined_at: datetime
    reminded_at: datetime | None


@dataclass(frozen=True)
class Member:
    """A learner of a cohort as their trainer sees them; the name is first name and initial."""

    learner_id: int
    name: str | None
    joined_at: datetime
    last_seen_at: datetime


@dataclass(frozen=True)
class CohortCode:
    """A cohort's join code as stored: its hash, not the code."""

    cohort_id: int
    code_hash: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    def works(self, now: datetime) -> bool:
        """Tell whether the code still lets learners in."""
        return self.revoked_at is None and self.expires_at > now


@dataclass(frozen=True)
class Redemption:
    """What a typed or linked code did: `trainer`, `cohort`, `move`, `own` or `invalid`.

    `move`: a code of another cohort than the learner's, asked about first; `own`: the code of a
    cohort the learner leads, which they do not join.
    """

    outcome: Literal["trainer", "cohort", "move", "own", "invalid"]
    cohort: Cohort | None = None
    previous: Cohort | None = None


@dataclass(frozen=True)
class Draft:
    """A /push being put together."""

    cohort_id: int
    kind: str | None
    lesson_id: str | None
    texts: dict[str, str]
    when: str | None
    due_at: datetime | None
    weekdays: str | None
    at_minute: int | None


@dataclass(frozen=True)
class Push:
    """One thing sent to a cohort."""

    id: int
    cohort_id: int
    kind: str
    lesson_id: str | None
    texts: dict[str, str]
    created_at: datetime
    due_at: datetime
    expanded_at: datetime | None
    plan_id: int | None


@dataclass(frozen=True)
class Plan:
    """A recurring push."""

    id: int
    cohort_id: int
    kind: str
    weekdays: str
    at_minute: int
    next_run_at: datetime


class CohortStore(Protocol):
    """Who leads cohorts, the codes that let people in, the cohorts and their learners."""

    async def is_trainer(self, learner_id: int) -> bool:
        """Tell whether someone redeemed a trainer invite."""
        ...

    async def make_trainer(self, learner_id: int, now: datetime) -> None:
        """Give someone the trainer role (once)."""
        ...

    async def remove_trainer(self, learner_id: int) -> bool:
        """Take someone's trainer role back; False when they had none."""
        ...

    async def trainer_ids(self) -> list[int]:
        """Return everyone with the trainer role or a cohort to lead."""
        ...

    async def weekly_report_on(self, learner_id: int) -> bool:
        """Tell whether a trainer wants the weekly report (yes, until they say no)."""
        ...

    async def set_weekly_report(self, learner_id: int, on: bool) -> None:
        """Switch a trainer's weekly report on or off."""
        ...

    async def create_code(
        self,
        kind: CodeKind,
        *,
        now: datetime,
        ttl: timedelta,
        created_by_id: int | None,
        cohort_id: int | None = None,
        code: str | None = None,
    ) -> tuple[int, str]:
        """Create a code (`code`, else a random one); return its id and the code, not stored."""
        ...

    async def latest_cohort_code(self, cohort_id: int) -> CohortCode | None:
        """Return the newest join code of a cohort, working or not."""
        ...

    async def revoke_invitation(
        self, code_id: int, now: datetime, *, created_by_id: int | None
    ) -> bool:
        """Revoke a trainer invitation still usable, made by this person (anyone's when None)."""
        ...

    async def open_invitations(self, now: datetime) -> list[Invitation]:
        """Return the trainer invitations still usable, oldest first."""
        ...

    async def revoke_cohort_codes(self, cohort_id: int, now: datetime) -> int:
        """Revoke every live code of a cohort; return how many."""
        ...

    async def redeem(
        self, learner_id: int, text: str, now: datetime, *, ask_to_move: bool = False
    ) -> Redemption:
        """Use a code for this learner; `invalid` when it is unknown, used up, old or revoked.

        With `ask_to_move`, a cohort code of another cohort than the learner's own joins
        nothing: `move`, with both cohorts, for the learner to confirm.
        """
        ...

    async def create_cohort(
        self,
        name: str,
        trainer_id: int,
        now: datetime,
        *,
        quiet_hours: tuple[int, int],
        reminder_days: int,
    ) -> Cohort | None:
        """Create a cohort; None when the name is taken."""
        ...

    async def owned_cohort(self, trainer_id: int, cohort_id: int) -> Cohort | None:
        """Return a cohort only if this trainer leads it."""
        ...

    async def hold(self, cohort_id: int) -> None:
        """Wait for, then hold, a cohort's row until the unit of work ends (on PostgreSQL)."""
        ...

    async def get_cohort(self, cohort_id: int) -> Cohort | None:
        """Return a cohort by id."""
        ...

    async def cohort_named(self, name: str) -> Cohort | None:
        """Return the cohort with this name."""
        ...

    async def cohorts_of(self, trainer_id: int | None) -> list[Cohort]:
        """Return a trainer's cohorts (every cohort when None: the operator), by name."""
        ...

    async def update_cohort(self, cohort_id: int, **values: Any) -> None:
        """Change a cohort's quiet hours or reminder delay."""
        ...

    async def delete_cohort(self, cohort_id: int) -> None:
        """Delete a cohort with its join codes, memberships and sends; learners stay."""
        ...

    async def hand_over(self, trainer_id: int, successor_id: int | None) -> None:
        """Give a trainer's cohorts to someone else (None: to no trainer, the operator's)."""
        ...

    async def member_count(self, cohort_id: int) -> int:
        """Count a cohort's learners."""
        ...

    async def members(self, cohort_id: int) -> list[Member]:
        """Return a cohort's learners, by name."""
        ...

    async def join_cohort(self, learner_id: int, cohort_id: int, now: datetime) -> Cohort | None:
        """Put a learner in a cohort, out of any other; return the cohort they left, if any."""
        ...

    async def leave_cohort(self, learner_id: int) -> bool:
        """Take a learner out of their cohort; False when they were in none."""
        ...

    async def membership(self, learner_id: int) -> Membership | None:
        """Return the learner's cohort, if any."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return what the trainers feature keeps about one person, for /mydata."""
        ...


class DraftStore(Protocol):
    """Each trainer's /push in progress."""

    async def draft(self, trainer_id: int) -> Draft | None:
        """Return the trainer's /push in progress."""
        ...

    async def start_draft(self, trainer_id: int, cohort_id: int, now: datetime) -> None:
        """Begin a new /push for one cohort, dropping any unfinished one."""
        ...

    async def update_draft(self, trainer_id: int, now: datetime, **values: Any) -> None:
        """Record a choice made in the /push flow."""
        ...

    async def delete_draft(self, trainer_id: int) -> None:
        """Forget the trainer's /push in progress."""
        ...


class PushStore(Protocol):
    """Pushes and weekly plans; a push that is due goes to the outbox, one row per learner."""

    async def create_push(
        self,
        cohort: Cohort,
        kind: PushKind,
        *,
        now: datetime,
        zone: ZoneInfo,
        due_at: datetime | None = None,
        lesson_id: str | None = None,
        texts: dict[str, str] | None = None,
        created_by_id: int | None = None,
        plan_id: int | None = None,
    ) -> Push:
        """Create a push; one due now is fanned out to the outbox in the same transaction."""
        ...

    async def notify(
        self, cohort: Cohort, kind: PushKind, learner_id: int, *, now: datetime, zone: ZoneInfo
    ) -> None:
        """Queue a notice about the cohort for one learner, after the cohort's quiet hours."""
        ...

    async def ended_on(self, cohort_ids: list[int]) -> dict[int, datetime]:
        """Return when each of these cohorts' course ended, for those that ended."""
        ...

    async def reopen(self, cohort_id: int) -> None:
        """Open an ended course again: its end, and the notices of it not sent yet, go."""
        ...

    async def create_plan(
        self,
        cohort: Cohort,
        kind: PlanKind,
        *,
        weekdays: str,
        at_minute: int,
        now: datetime,
        zone: ZoneInfo,
        created_by_id: int | None = None,
    ) -> Plan:
        """Create a recurring push; its first run is the next matching day and time."""
        ...

    async def same_plan(
        self, cohort_id: int, kind: PlanKind, weekdays: str, at_minute: int
    ) -> Plan | None:
        """Return a cohort's plan that already sends this at this time on one of these days."""
        ...

    async def same_push(
        self,
        cohort_id: int,
        kind: PushKind,
        lesson_id: str | None,
        texts: dict[str, str] | None,
        due_at: datetime,
    ) -> Push | None:
        """Return a push of a cohort that sends the same close to that time, if any."""
        ...

    async def upcoming(self, cohort_ids: list[int], now: datetime) -> tuple[list[Push], list[Plan]]:
        """Return the pushes of some cohorts still to come (planned, or held), and their plans."""
        ...

    async def waiting(self, push_id: int) -> dict[datetime, int]:
        """Count a push's outbox rows not sent yet, by the moment they may go out."""
        ...

    async def move_held(self, cohort_id: int, held_until: datetime, release_at: datetime) -> int:
        """Move a cohort's rows held until `held_until` (its quiet hours' end) to `release_at`."""
        ...

    async def lesson_sent(self, learner_id: int) -> str | None:
        """Return the lesson of the latest push of a lesson that reached a learner, if any."""
        ...

    async def cancel_push(self, push_id: int, cohort_ids: list[int]) -> bool:
        """Cancel a scheduled push of one of these cohorts before it goes out."""
        ...

    async def stop_plan(self, plan_id: int, cohort_ids: list[int]) -> bool:
        """Stop a plan of one of these cohorts."""
        ...


COHORTS: Port[CohortStore] = Port("cohorts")
DRAFTS: Port[DraftStore] = Port("drafts")
PUSHES: Port[PushStore] = Port("pushes")


@dataclass(frozen=True)
class Released:
    """Messages that a cohort's old quiet hours held, and when they go now."""

    messages: int
    at: datetime


async def release_held(
    pushes: PushStore, cohort: Cohort, quiet: tuple[int, int], now: datetime, zone: ZoneInfo
) -> Released | None:
    """Let sends held by a cohort's quiet hours go when the new quiet hours allow; say which."""
    held_until = after_quiet_hours(now, zone, cohort.quiet_start, cohort.quiet_end)
    release_at = after_quiet_hours(now, zone, *quiet)
    if release_at >= held_until:
        return None
    moved = await pushes.move_held(cohort.id, held_until, release_at)
    return Released(moved, release_at) if moved else None
