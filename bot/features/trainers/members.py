"""A trainer's learners in a group: see who is in it, and take someone out of it.

A join link shared too widely lets in people the trainer does not know; they would see the
group's pushes and appear in its reports. The trainer takes them out here, then makes a new
link so that the old one stops.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final

from bot.core.ports import LEARNERS, UnitOfWork
from bot.core.router import Turn, button, rows
from bot.features.trainers.access import Access
from bot.features.trainers.buttons import CohortMembers, NewJoinCode, RemoveMember, ShowCohort
from bot.features.trainers.ports import COHORTS
from bot.features.trainers.render import message_language
from bot.features.trainers.report_formats import learner_name

# Buttons per page: a phone shows about this many without scrolling far.
PAGE: Final = 10


class MemberFlows:
    """List a cohort's learners and take one out, for the cohort's own trainer only."""

    def __init__(self, access: Access) -> None:
        self.access = access

    async def members(self, turn: Turn, chosen: CohortMembers) -> None:
        """Show a page of the cohort's learners, each a button that offers to take them out."""
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
                "👥 {name}: tap a learner to take them out of the group. They joined on the date "
                "shown."
            ).format(name=cohort.name),
            rows(
                *(
                    button(
                        f"{learner_name(t, member)} · {t.date(member.joined_at)}",
                        RemoveMember(cohort.id, member.learner_id, 0),
                    )
                    for member in shown
                ),
                button(t.gettext("More learners ▶"), CohortMembers(cohort.id, page + 1))
                if more
                else None,
                back,
            ),
        )

    async def remove(self, turn: Turn, chosen: RemoveMember) -> None:
        """Ask first; once confirmed, take the learner out of the cohort."""
        if not (cohort := await self.access.led_cohort(turn, chosen.cohort)):
            return
        t = turn.t
        members = await turn.repo(COHORTS).members(cohort.id)
        member = next((m for m in members if m.learner_id == chosen.learner), None)
        back = button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))
        if member is None:
            turn.say(t.gettext("This learner is no longer in the group."), rows(back))
            return
        name = learner_name(t, member)
        if not chosen.confirmed:
            turn.say(
                t.gettext(
                    "Take {learner} out of “{name}”? They keep their own progress, and get "
                    "nothing more from this group."
                ).format(learner=name, name=cohort.name),
                rows(
                    button(
                        t.gettext("Yes, take them out"),
                        RemoveMember(cohort.id, member.learner_id, 1),
                    ),
                    button(t.gettext("No"), CohortMembers(cohort.id, 0)),
                ),
            )
            return
        await turn.repo(COHORTS).leave_cohort(member.learner_id)
        turn.say(
            t.gettext(
                "Done: {learner} is no longer in “{name}”. If they joined with a link you did not "
                "give them, make a new join link: the old one stops."
            ).format(learner=name, name=cohort.name),
            rows(button(t.gettext("🔗 New join link"), NewJoinCode(cohort.id)), back),
            replace=True,
        )


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
