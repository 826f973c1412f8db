"""Turn a claimed outbox row into the message its learner sees, in their own language."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Final

from bot.config import Language
from bot.core.ports import UnitOfWork
from bot.core.replies import Button, Message, Reply
from bot.core.router import Services, button, rows
from bot.features.lessons.buttons import OpenLesson, Resume
from bot.features.menu import flows as screens
from bot.features.progress.ports import PROGRESS, ProgressStore
from bot.features.quiz.buttons import StartQuiz
from bot.features.review.buttons import NextReview
from bot.features.review.memory import end_of_day
from bot.features.review.ports import REVIEWS
from bot.features.trainers.buttons import SwitchReminders
from bot.features.trainers.weekly_report import weekly_message
from bot.i18n import N_, Translator

if TYPE_CHECKING:
    # For annotations only: the outbox module is the worker's SQL adapter.
    from bot.features.trainers.outbox import Claimed


def stop_reminders_button(t: Translator) -> Button:
    """Return the button that turns reminders off."""
    return button(t.gettext("🔕 No more reminders"), SwitchReminders("off"))


def message_text(
    texts: dict[str, str], language: Language, languages: Iterable[Language]
) -> str | None:
    """Pick a custom message in the learner's language, else in another one that was written."""
    written = message_language(texts, language, languages)
    return texts[written] if written else None


# What the tutor tells a learner of their group, by the kind of push that carries it.
NOTICES: Final[dict[str, str]] = {
    "handover": N_(
        "👋 Your trainer has left the tutor. You are still in the group “{name}”: the people who "
        "run the tutor look after it now, and see your progress as your trainer did. To leave the "
        "group, send /leave."
    ),
    "ended": N_(
        "🏁 Your trainer ended the course “{name}”. Well done for taking part! You keep your "
        "progress and can go on learning on your own: the lessons are still here. Your trainer "
        "still sees your results of the group until they delete it; to leave it now, send /leave."
    ),
    "removed": N_(
        "🚪 Your trainer took you out of the group “{name}”. You keep your progress and can go on "
        "learning on your own. If this is a mistake, ask your trainer how to join the group again."
    ),
}


def message_language(
    texts: dict[str, str], language: Language, languages: Iterable[Language]
) -> Language | None:
    """Return the language of the text a learner of `language` gets: theirs, else another."""
    return next((candidate for candidate in (language, *languages) if texts.get(candidate)), None)


def suggestion_text(t: Translator, kind: str, title: str) -> str:
    """Say what a trainer suggests: a lesson or its quiz."""
    if kind == "lesson":
        return t.gettext("📚 Your trainer suggests a lesson: {title}").format(title=title)
    return t.gettext("📝 Your trainer suggests a quiz: {title}").format(title=title)


def review_text(t: Translator, due: int) -> str:
    """Invite a learner to review the questions due."""
    return t.ngettext(
        "🔁 Time for a short review: {count} question to practise again.",
        "🔁 Time for a short review: {count} questions to practise again.",
        due,
    ).format(count=due)


def trainer_message(t: Translator, written: str) -> str:
    """Present a message the trainer wrote."""
    header = t.gettext("💬 A message from your trainer:")
    return f"{header}\n\n{written}"


async def render(
    stores: UnitOfWork, services: Services, item: Claimed, now: datetime
) -> list[Reply] | None:
    """Return the replies to send, or None when there is nothing worth sending any more."""
    language = services.language(item.language)
    t = services.translators[language]
    course = services.course
    push = item.push
    progress = stores.get(PROGRESS)
    if push.kind == "weekly":
        return await weekly_message(stores, services, t, item.learner_id, push.cohort_id, now)
    if push.kind in {"lesson", "quiz"}:
        lesson = course.lesson(language, push.lesson_id or "")
        if lesson is None:
            return None
        if push.kind == "lesson":
            action_button = button(t.gettext("▶ Start the lesson"), OpenLesson(lesson.id))
        else:
            action_button = button(t.gettext("📝 Take the quiz"), StartQuiz(lesson.id))
        text = suggestion_text(t, push.kind, lesson.title)
        return [Message(text, rows(action_button, screens.menu_button(t)))]
    if push.kind == "review":
        due = await stores.get(REVIEWS).count_due(item.learner_id, end_of_day(now, t.timezone))
        if not due:
            return None
        action_button = button(t.gettext("🔁 Start the review"), NextReview())
        return [Message(review_text(t, due), rows(action_button, screens.menu_button(t)))]
    if push.kind == "next":
        upcoming = await _next_lesson(progress, services, item.learner_id, language)
        if upcoming is None:
            return None
        text = t.gettext("📚 Your next lesson is ready: {title}").format(title=upcoming[1])
        action_button = button(t.gettext("▶ Start the lesson"), OpenLesson(upcoming[0]))
        return [Message(text, rows(action_button, screens.menu_button(t)))]
    if push.kind == "message":
        written = message_text(push.texts, language, services.languages.codes)
        if written is None:
            return None
        return [Message(trainer_message(t, written), rows(screens.menu_button(t)))]
    if push.kind in NOTICES:
        text = t.gettext(NOTICES[push.kind]).format(name=item.cohort_name)
        return [Message(text, rows(screens.menu_button(t)))]
    return await _reminder(progress, services, item, t, language)


async def _reminder(
    progress: ProgressStore, services: Services, item: Claimed, t: Translator, language: Language
) -> list[Reply] | None:
    # Back since the reminder was queued, or switched them off: no nudge needed.
    if not item.reminders_on or item.last_seen_at > item.push.created_at:
        return None
    days = item.reminder_days
    text = "\n".join(
        [
            t.gettext("👋 Hello!"),
            t.ngettext(
                "You have not learnt with me for {days} day.",
                "You have not learnt with me for {days} days.",
                days,
            ).format(days=days),
            t.gettext("A short lesson takes about 5 minutes. Shall we go on?"),
        ]
    )
    go_on: Button | None = None
    if item.current_lesson_id and services.course.lesson(language, item.current_lesson_id):
        go_on = button(t.gettext("▶ Continue"), Resume())
    elif upcoming := await _next_lesson(progress, services, item.learner_id, language):
        go_on = button(t.gettext("▶ Start the lesson"), OpenLesson(upcoming[0]))
    return [Message(text, rows(go_on, screens.menu_button(t), stop_reminders_button(t)))]


async def _next_lesson(
    progress: ProgressStore, services: Services, learner_id: int, language: Language
) -> tuple[str, str] | None:
    done = {p.lesson_id for p in await progress.all(learner_id) if p.completed_at}
    for lesson_id in services.course.lesson_order(language):
        if lesson_id not in done and (lesson := services.course.lesson(language, lesson_id)):
            return lesson.id, lesson.title
    return None
