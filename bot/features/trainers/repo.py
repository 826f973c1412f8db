"""Roles, codes, cohorts, memberships and drafts on the database; returns frozen dataclasses."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import affected
from bot.adapters.db.tables import LearnerRow
from bot.features.trainers import codes
from bot.features.trainers.ports import (
    CodeKind,
    Cohort,
    CohortCode,
    Draft,
    Invitation,
    Member,
    Membership,
    Redemption,
)
from bot.features.trainers.tables import (
    AccessCodeRow,
    CohortMemberRow,
    CohortRow,
    OutboxRow,
    PushDraftRow,
    PushRow,
    TrainerRow,
    TrainerSettingsRow,
)


def name_key(name: str) -> str:
    """Return what a cohort's name says, whatever its case, accents, punctuation or hidden marks."""
    # "Forem Liège" and "forem liege." look alike in a list; so do a name and the same with a
    # zero-width space inside (a format character, like the accents, is dropped).
    letters = unicodedata.normalize("NFKD", name)
    kept = "".join(char for char in letters if unicodedata.category(char) not in {"Mn", "Cf"})
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", kept).casefold()))


def _usable_invitation(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """Return the conditions of a trainer invitation that still works."""
    return (
        AccessCodeRow.kind == "trainer",
        AccessCodeRow.revoked_at.is_(None),
        AccessCodeRow.expires_at > now,
        or_(AccessCodeRow.max_uses.is_(None), AccessCodeRow.uses < AccessCodeRow.max_uses),
    )


def _cohort(row: CohortRow) -> Cohort:
    return Cohort(
        id=row.id,
        name=row.name,
        trainer_id=row.trainer_id,
        created_at=row.created_at,
        quiet_start=row.quiet_start,
        quiet_end=row.quiet_end,
        reminder_days=row.reminder_days,
    )


class SqlCohorts:
    """Trainers, access codes, cohorts and their members in the trainers feature's tables."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def is_trainer(self, learner_id: int) -> bool:
        """Tell whether someone redeemed a trainer invite."""
        return await self.session.get(TrainerRow, learner_id) is not None

    async def trainer_ids(self) -> list[int]:
        """Return everyone with the trainer role or a cohort to lead."""
        roles = select(TrainerRow.learner_id)
        leaders = select(CohortRow.trainer_id).where(CohortRow.trainer_id.is_not(None))
        found = await self.session.scalars(union(roles, leaders))
        return sorted(found)

    async def weekly_report_on(self, learner_id: int) -> bool:
        """Tell whether a trainer wants the weekly report (yes, until they say no)."""
        settings = await self.session.get(TrainerSettingsRow, learner_id)
        return settings is None or settings.weekly_report

    async def set_weekly_report(self, learner_id: int, on: bool) -> None:
        """Switch a trainer's weekly report on or off."""
        settings = await self.session.get(TrainerSettingsRow, learner_id)
        if settings is None:
            self.session.add(TrainerSettingsRow(learner_id=learner_id, weekly_report=on))
        else:
            settings.weekly_report = on
        await self.session.flush()

    async def make_trainer(self, learner_id: int, now: datetime) -> None:
        """Give someone the trainer role (once)."""
        if not await self.is_trainer(learner_id):
            self.session.add(TrainerRow(learner_id=learner_id, since=now))
            await self.session.flush()

    async def remove_trainer(self, learner_id: int) -> bool:
        """Take someone's trainer role back; False when they had none."""
        result = await self.session.execute(
            delete(TrainerRow).where(TrainerRow.learner_id == learner_id)
        )
        return affected(result) > 0

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
        code = code or codes.new_code()
        row = AccessCodeRow(
            code_hash=codes.code_hash(code),
            kind=kind,
            cohort_id=cohort_id,
            created_by_id=created_by_id,
            created_at=now,
            expires_at=now + ttl,
            # A trainer invite makes one trainer; a cohort code lets the whole group in.
            max_uses=1 if kind == "trainer" else None,
            uses=0,
        )
        self.session.add(row)
        await self.session.flush()
        return row.id, code

    async def latest_cohort_code(self, cohort_id: int) -> CohortCode | None:
        """Return the newest join code of a cohort, working or not."""
        row = await self.session.scalar(
            select(AccessCodeRow)
            .where(AccessCodeRow.cohort_id == cohort_id, AccessCodeRow.kind == "cohort")
            .order_by(AccessCodeRow.created_at.desc(), AccessCodeRow.id.desc())
            .limit(1)
        )
        if row is None:
            return None
        return CohortCode(cohort_id, row.code_hash, row.created_at, row.expires_at, row.revoked_at)

    async def revoke_invitation(
        self, code_id: int, now: datetime, *, created_by_id: int | None
    ) -> bool:
        """Revoke a trainer invitation still usable, made by this person (anyone's when None)."""
        # A cohort's join codes share the numbering: only an invitation is ever cancelled here.
        query = update(AccessCodeRow).where(AccessCodeRow.id == code_id, *_usable_invitation(now))
        if created_by_id is not None:
            query = query.where(AccessCodeRow.created_by_id == created_by_id)
        return affected(await self.session.execute(query.values(revoked_at=now))) > 0

    async def open_invitations(self, now: datetime) -> list[Invitation]:
        """Return the trainer invitations still usable, oldest first."""
        rows = await self.session.scalars(
            select(AccessCodeRow).where(*_usable_invitation(now)).order_by(AccessCodeRow.id)
        )
        return [
            Invitation(row.id, row.created_by_id, row.created_at, row.expires_at) for row in rows
        ]

    async def revoke_cohort_codes(self, cohort_id: int, now: datetime) -> int:
        """Revoke every live code of a cohort; return how many."""
        result = await self.session.execute(
            update(AccessCodeRow)
            .where(AccessCodeRow.cohort_id == cohort_id, AccessCodeRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return affected(result)

    async def redeem(
        self, learner_id: int, text: str, now: datetime, *, ask_to_move: bool = False
    ) -> Redemption:
        """Use a code for this learner; `invalid` when it is unknown, used up, old or revoked."""
        code = codes.normalize(text)
        row = (
            await self.session.scalar(
                select(AccessCodeRow).where(AccessCodeRow.code_hash == codes.code_hash(code))
            )
            if code
            else None
        )
        # One statement checks and counts the use, so a one-time invite works only once.
        used = row is not None and affected(
            await self.session.execute(
                update(AccessCodeRow)
                .where(
                    AccessCodeRow.id == row.id,
                    AccessCodeRow.revoked_at.is_(None),
                    AccessCodeRow.expires_at > now,
                    (AccessCodeRow.max_uses.is_(None))
                    | (AccessCodeRow.uses < AccessCodeRow.max_uses),
                )
                .values(uses=AccessCodeRow.uses + 1)
            )
        )
        if row is None or not used:
            return Redemption("invalid")
        if row.kind == "trainer":
            await self.make_trainer(learner_id, now)
            return Redemption("trainer")
        assert row.cohort_id is not None
        cohort = await self.get_cohort(row.cohort_id)
        if cohort is not None and cohort.trainer_id == learner_id:
            # A trainer in their own group would count among its learners, and their questions
            # would unlock the others' in the report.
            return Redemption("own", cohort=cohort)
        member = await self.membership(learner_id) if ask_to_move else None
        if member is not None and member.cohort.id != row.cohort_id:
            return Redemption("move", cohort=cohort, previous=member.cohort)
        previous = await self.join_cohort(learner_id, row.cohort_id, now)
        return Redemption("cohort", cohort=cohort, previous=previous)

    async def create_cohort(
        self,
        name: str,
        trainer_id: int,
        now: datetime,
        *,
        quiet_hours: tuple[int, int],
        reminder_days: int,
    ) -> Cohort | None:
        """Create a cohort; None when the name, or one that reads the same, is taken."""
        # "forem liège" or "Forem Liège." beside "Forem Liège" could not be told apart in a list.
        if await self._named_alike(name):
            return None
        row = CohortRow(
            name=name,
            trainer_id=trainer_id,
            created_at=now,
            quiet_start=quiet_hours[0],
            quiet_end=quiet_hours[1],
            reminder_days=reminder_days,
        )
        try:
            async with self.session.begin_nested():
                self.session.add(row)
        except IntegrityError:
            return None
        return _cohort(row)

    async def get_cohort(self, cohort_id: int) -> Cohort | None:
        """Return a cohort by id."""
        row = await self.session.get(CohortRow, cohort_id)
        return _cohort(row) if row else None

    async def owned_cohort(self, trainer_id: int, cohort_id: int) -> Cohort | None:
        """Return a cohort only if this trainer leads it."""
        cohort = await self.get_cohort(cohort_id)
        return cohort if cohort is not None and cohort.trainer_id == trainer_id else None

    async def hold(self, cohort_id: int) -> None:
        """Wait for, then hold, a cohort's row until the unit of work ends (on PostgreSQL)."""
        # SQLite has one writer already: FOR UPDATE is left out there.
        await self.session.execute(
            select(CohortRow.id).where(CohortRow.id == cohort_id).with_for_update()
        )

    async def cohort_named(self, name: str) -> Cohort | None:
        """Return the cohort with this name, else the only one whose name reads the same."""
        row = await self.session.scalar(select(CohortRow).where(CohortRow.name == name))
        alike = [row] if row else await self._named_alike(name)
        return _cohort(alike[0]) if len(alike) == 1 else None

    async def _named_alike(self, name: str) -> list[CohortRow]:
        # Cohorts are few (one per group of learners): reading their names costs nothing.
        key = name_key(name)
        return [
            row
            for row in await self.session.scalars(select(CohortRow))
            if name_key(row.name) == key
        ]

    async def cohorts_of(self, trainer_id: int | None) -> list[Cohort]:
        """Return a trainer's cohorts (every cohort when None: the operator), by name."""
        query = select(CohortRow).order_by(CohortRow.name)
        if trainer_id is not None:
            query = query.where(CohortRow.trainer_id == trainer_id)
        return [_cohort(row) for row in await self.session.scalars(query)]

    async def update_cohort(self, cohort_id: int, **values: Any) -> None:
        """Change a cohort's quiet hours or reminder delay."""
        await self.session.execute(
            update(CohortRow).where(CohortRow.id == cohort_id).values(**values)
        )

    async def delete_cohort(self, cohort_id: int) -> None:
        """Delete a cohort with its join codes, memberships and sends; learners stay."""
        # Its codes, memberships, pushes, plans, outbox rows and drafts go by cascade.
        await self.session.execute(delete(CohortRow).where(CohortRow.id == cohort_id))

    async def hand_over(self, trainer_id: int, successor_id: int | None) -> None:
        """Give a trainer's cohorts to someone else (None: to no trainer, the operator's)."""
        await self.session.execute(
            update(CohortRow)
            .where(CohortRow.trainer_id == trainer_id)
            .values(trainer_id=successor_id)
        )

    async def member_count(self, cohort_id: int) -> int:
        """Count a cohort's learners."""
        count = await self.session.scalar(
            select(func.count())
            .select_from(CohortMemberRow)
            .where(CohortMemberRow.cohort_id == cohort_id)
        )
        return int(count or 0)

    async def members(self, cohort_id: int) -> list[Member]:
        """Return a cohort's learners, by name."""
        rows = await self.session.execute(
            select(
                LearnerRow.id,
                LearnerRow.display_name,
                CohortMemberRow.joined_at,
                LearnerRow.last_seen_at,
            )
            .join(CohortMemberRow, CohortMemberRow.learner_id == LearnerRow.id)
            .where(CohortMemberRow.cohort_id == cohort_id)
            .order_by(LearnerRow.display_name, LearnerRow.id)
        )
        return [Member(r.id, r.display_name, r.joined_at, r.last_seen_at) for r in rows]

    async def join_cohort(self, learner_id: int, cohort_id: int, now: datetime) -> Cohort | None:
        """Put a learner in a cohort, out of any other; return the cohort they left, if any."""
        current = await self.membership(learner_id)
        if current is not None and current.cohort.id == cohort_id:
            return None
        await self.session.execute(
            delete(CohortMemberRow).where(CohortMemberRow.learner_id == learner_id)
        )
        self.session.add(CohortMemberRow(learner_id=learner_id, cohort_id=cohort_id, joined_at=now))
        await self.session.flush()
        return current.cohort if current else None

    async def leave_cohort(self, learner_id: int) -> bool:
        """Take a learner out of their cohort; False when they were in none."""
        result = await self.session.execute(
            delete(CohortMemberRow).where(CohortMemberRow.learner_id == learner_id)
        )
        return affected(result) > 0

    async def membership(self, learner_id: int) -> Membership | None:
        """Return the learner's cohort, if any."""
        found = (
            await self.session.execute(
                select(CohortMemberRow, CohortRow)
                .join(CohortRow, CohortRow.id == CohortMemberRow.cohort_id)
                .where(CohortMemberRow.learner_id == learner_id)
            )
        ).first()
        if found is None:
            return None
        member, cohort = found
        return Membership(_cohort(cohort), member.joined_at, member.reminded_at)

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return what the trainers feature keeps about one person, for /mydata."""
        member = await self.membership(learner_id)
        trainer = await self.session.get(TrainerRow, learner_id)
        settings = await self.session.get(TrainerSettingsRow, learner_id)
        deliveries = await self.session.execute(
            select(PushRow.kind, OutboxRow.status, OutboxRow.sent_at)
            .join(PushRow, PushRow.id == OutboxRow.push_id)
            .where(OutboxRow.learner_id == learner_id)
            .order_by(OutboxRow.id)
        )
        return {
            "cohort": {
                "name": member.cohort.name,
                "joined_at": member.joined_at.isoformat(),
                "reminded_at": member.reminded_at.isoformat() if member.reminded_at else None,
            }
            if member
            else None,
            "trainer_since": trainer.since.isoformat() if trainer else None,
            "cohorts_led": [cohort.name for cohort in await self.cohorts_of(learner_id)]
            if trainer
            else [],
            "weekly_report": settings.weekly_report if settings else None,
            "messages_from_trainers": [
                {"kind": kind, "status": status, "sent_at": sent.isoformat() if sent else None}
                for kind, status, sent in deliveries
            ],
        }


class SqlDrafts:
    """Each trainer's /push in progress, in the `push_drafts` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def draft(self, trainer_id: int) -> Draft | None:
        """Return the trainer's /push in progress."""
        row = await self.session.get(PushDraftRow, trainer_id)
        if row is None:
            return None
        return Draft(
            cohort_id=row.cohort_id,
            kind=row.kind,
            lesson_id=row.lesson_id,
            texts=dict(row.texts or {}),
            when=row.when,
            due_at=row.due_at,
            weekdays=row.weekdays,
            at_minute=row.at_minute,
        )

    async def start_draft(self, trainer_id: int, cohort_id: int, now: datetime) -> None:
        """Begin a new /push for one cohort, dropping any unfinished one."""
        await self.delete_draft(trainer_id)
        self.session.add(PushDraftRow(trainer_id=trainer_id, cohort_id=cohort_id, updated_at=now))
        await self.session.flush()

    async def update_draft(self, trainer_id: int, now: datetime, **values: Any) -> None:
        """Record a choice made in the /push flow."""
        await self.session.execute(
            update(PushDraftRow)
            .where(PushDraftRow.trainer_id == trainer_id)
            .values(updated_at=now, **values)
        )

    async def delete_draft(self, trainer_id: int) -> None:
        """Forget the trainer's /push in progress."""
        await self.session.execute(
            delete(PushDraftRow).where(PushDraftRow.trainer_id == trainer_id)
        )
