"""A trainer's learners in a group: see who is in it, how one is doing, and take someone out.

A join link shared too widely lets in people the trainer does not know; they would see the
group's pushes and appear in its reports. The trainer takes them out here, then makes a new
link so that the old one stops.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final
from zoneinfo import ZoneInfo

from bot.core.ports import LEARNERS, UnitOfWork
from bot.core.router import Turn, button, rows
from bot.features.progress.ports import PROGRESS
from bot.features.trainers.access import Access
from bot.features.trainers.buttons import (
    CohortMembers,
    NewJoinCode,
    RemoveMember,
    ShowCohort,
    ShowMember,
)
from bot.features.trainers.ports import COHORTS, PUSHES, Cohort, Member
from bot.features.trainers.render import message_language
from bot.features.trainers.report import lesson_in_progress, quizzes_to_go_over
from bot.features.trainers.report_formats import learner_name, lesson_title

# Buttons per page: a phone shows about this many without scrolling far.
PAGE: Final = 10
# Quizzes to go over shown for one learner: the worst ones, which a session can take up.
QUIZZES_SHOWN: Final = 5


class MemberFlows:
    """List a cohort's learners, show how one is doing, take one out: for its trainer only."""

    def __init__(self, access: Access, zone: ZoneInfo) -> None:
        self.access = access
        # The trainers' time zone, in which a group's quiet hours are read.
        self.zone = zone

    async def members(self, turn: Turn, chosen: CohortMembers) -> None:
        """Show a page of the cohort's learners, each a button to how they are doing."""
        if not (cohort := await self.access.led_cohort(turn, chosen.cohort)):
            return
        t = turn.t
        members = await turn.repo(COHORTS).members(cohort.id)
        back = button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))
        if not members:
            turn.say(
                t.gettext("No learner is in “{name}” yet.").format(name=cohort.name), rows(back)
            )
            return
        page = max(0, min(chosen.page, (len(members) - 1) // PAGE))
        shown = members[page * PAGE : (page + 1) * PAGE]
        more = (page + 1) * PAGE < len(members)
        turn.say(
            t.gettext(
                "👥 {name}: tap a learner to see how they are doing, or to take them out of the "
                "group. They joined on the date shown."
            ).format(name=cohort.name),
            rows(
                *(
                    button(
                        f"{learner_name(t, member)} · {t.date(member.joined_at)}",
                        ShowMember(cohort.id, member.learner_id),
                    )
                    for member in shown
                ),
                button(t.gettext("More learners ▶"), CohortMembers(cohort.id, page + 1))
                if more
                else None,
                back,
            ),
        )

    async def member(self, turn: Turn, chosen: ShowMember) -> None:
        """Show where one learner is and which quizzes to go over with them."""
        found = await self._member(turn, chosen.cohort, chosen.learner)
        if found is None:
            return
        cohort, member = found
        t = turn.t
        entries = await turn.repo(PROGRESS).all(member.learner_id)
        lessons = set(turn.course.lesson_order(t.language))
        done = sum(1 for entry in entries if entry.completed_at and entry.lesson_id in lessons)
        lines = [
            t.gettext("👤 {learner} · joined {joined} · last here {seen}").format(
                learner=learner_name(t, member),
                joined=t.date(member.joined_at),
                seen=t.date(member.last_seen_at),
            ),
            t.gettext("📚 Lessons done: {done} of {total}").format(done=done, total=len(lessons)),
        ]
        if (now_on := lesson_in_progress(entries, lessons)) is not None:
            lines.append(
                t.gettext("▶ Now on “{lesson}”").format(lesson=lesson_title(turn.course, t, now_on))
            )
        taken = any(e.last_score is not None and e.lesson_id in lessons for e in entries)
        lines += _quiz_lines(turn, quizzes_to_go_over(entries, lessons), taken=taken)
        turn.say(
            "\n".join(lines),
            rows(
                button(
                    t.gettext("🚪 Take out of the group"),
                    RemoveMember(cohort.id, member.learner_id, 0),
                ),
                button(t.gettext("⬅ Back to the learners"), CohortMembers(cohort.id, 0)),
            ),
        )

    async def _member(
        self, turn: Turn, cohort_id: int, learner_id: int
    ) -> tuple[Cohort, Member] | None:
        """Return a trainer's own cohort and one of its learners; else say why and return None."""
        if not (cohort := await self.access.led_cohort(turn, cohort_id)):
            return None
        members = await turn.repo(COHORTS).members(cohort.id)
        member = next((m for m in members if m.learner_id == learner_id), None)
        if member is None:
            back = button(turn.t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))
            turn.say(turn.t.gettext("This learner is no longer in the group."), rows(back))
            return None
        return cohort, member

    async def remove(self, turn: Turn, chosen: RemoveMember) -> None:
        """Ask first; once confirmed, take the learner out of the cohort."""
        found = await self._member(turn, chosen.cohort, chosen.learner)
        if found is None:
            return
        cohort, member = found
        t = turn.t
        back = button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))
        name = learner_name(t, member)
        if not chosen.confirmed:
            turn.say(
                t.gettext(
                    "Take {learner} out of “{name}”? They keep their own progress, get nothing "
                    "more from this group, and I tell them."
                ).format(learner=name, name=cohort.name),
                rows(
                    button(
                        t.gettext("Yes, take them out"),
                        RemoveMember(cohort.id, member.learner_id, 1),
                    ),
                    button(t.gettext("No"), ShowMember(cohort.id, member.learner_id)),
                ),
            )
            return
        await turn.repo(COHORTS).leave_cohort(member.learner_id)
        await turn.repo(PUSHES).notify(
            cohort, "removed", member.learner_id, now=turn.now, zone=self.zone
        )
        # Not "I let them know": the notice waits in the outbox for the group's quiet hours.
        turn.say(
            t.gettext(
                "Done: {learner} is no longer in “{name}”, and they will get a message about "
                "it. Taken out by mistake? Give them the group's code again: their progress "
                "stays. If they joined with a link you did not give them, make a new join link: "
                "the old one stops."
            ).format(learner=name, name=cohort.name),
            rows(button(t.gettext("🔗 New join link"), NewJoinCode(cohort.id)), back),
            replace=True,
        )


def _quiz_lines(turn: Turn, to_go_over: list[tuple[str, int, int]], *, taken: bool) -> list[str]:
    """Return a learner's quizzes to go over, worst first, or why there are none."""
    t = turn.t
    if to_go_over:
        return [
            t.gettext("📝 Quizzes to go over (right answers in the latest try):"),
            *(
                t.gettext("• “{lesson}”: {right}/{asked}").format(
                    lesson=lesson_title(turn.course, t, lesson_id), right=right, asked=asked
                )
                for lesson_id, right, asked in to_go_over[:QUIZZES_SHOWN]
            ),
        ]
    if taken:
        return [t.gettext("📝 Every quiz taken so far was all right.")]
    return [t.gettext("📝 No quiz taken yet.")]


async def member_languages(stores: UnitOfWork, cohort_id: int, default: str) -> Counter[str]:
    """Count a cohort's learners by the language they read the tutor in."""
    learners = stores.get(LEARNERS)
    languages: Counter[str] = Counter()
    for member in await stores.get(COHORTS).members(cohort_id):
        learner = await learners.get(member.learner_id)
        languages[(learner.language if learner else None) or default] += 1
    return languages


async def other_language_readers(
    stores: UnitOfWork,
    cohort_id: int,
    texts: dict[str, str],
    languages: Iterable[str],
    default: str,
) -> dict[str, tuple[int, str]]:
    """Count, per language a message is not written in, its readers and the text they get."""
    offered = tuple(languages)
    readers = {}
    for language, count in sorted((await member_languages(stores, cohort_id, default)).items()):
        written = message_language(texts, language, offered)
        if written is not None and written != language:
            readers[language] = (count, written)
    return readers
