"""Show a learner what they have done: a picture of the course, their streak, lessons, reviews."""

from __future__ import annotations

from typing import Final

from bot.core.replies import Picture
from bot.core.router import Turn, rows
from bot.features.certificate.ports import CERTIFICATES
from bot.features.gain.offer import progress_part
from bot.features.menu import flows as screens
from bot.features.progress import picture
from bot.features.progress.milestones import certificate_button, load_standing
from bot.features.progress.ports import PROGRESS, STREAKS, LessonProgress
from bot.features.progress.standing import MASTERY_SHARE, CourseStanding
from bot.features.progress.streaks import Streak, current_days, local_day
from bot.features.review.ports import REVIEWS
from bot.features.review.recall import due_before
from bot.i18n import Translator

# A best score under this share of a quiz shows the lesson as worth going over again.
RETAKE_BELOW: Final = 0.5


def streak_line(t: Translator, days: int, best: int) -> str:
    """Return the streak in words, with the longest one when it was longer."""
    line = t.ngettext("Learning streak: {count} day", "Learning streak: {count} days", days).format(
        count=days
    )
    if best > days:
        line += " · " + t.ngettext("best: {count} day", "best: {count} days", best).format(
            count=best
        )
    return line


def picture_text(
    t: Translator, standing: CourseStanding, days: int, best: int
) -> picture.PictureText:
    """Return the progress picture's words in the learner's language."""
    statuses = tuple(
        t.ngettext(
            "{done} of {total} lesson done · {mastered} mastered",
            "{done} of {total} lessons done · {mastered} mastered",
            len(module.lessons),
        ).format(done=module.done, total=len(module.lessons), mastered=module.mastered)
        for module in standing.modules
    )
    return picture.PictureText(
        title=t.gettext("Your progress"),
        streak=streak_line(t, days, best),
        statuses=statuses,
        legend=t.gettext("✓ every lesson done   ★ every lesson mastered"),
    )


async def show_progress(turn: Turn, _: object = None) -> None:
    """Send the progress picture, then the summary per module with the learner's formats."""
    t = turn.t
    standing = await load_standing(turn)
    streak = await turn.repo(STREAKS).of(turn.learner.id)
    days = current_days(streak, local_day(turn.now, t.timezone))
    best = streak.best if streak else 0
    turn.add(
        Picture(
            picture.draw(standing, picture_text(t, standing, days, best)),
            t.gettext("Your progress"),
        )
    )
    progress = {p.lesson_id: p for p in await turn.repo(PROGRESS).all(turn.learner.id)}
    lines = [
        t.gettext("📊 Your progress"),
        t.ngettext(
            "Lessons done: {done} of {total} lesson",
            "Lessons done: {done} of {total} lessons",
            standing.total,
        ).format(done=standing.done, total=standing.total),
        t.ngettext(
            "Lessons mastered ({percent} right): {count}",
            "Lessons mastered ({percent} right): {count}",
            standing.mastered,
        ).format(count=standing.mastered, percent=t.percent(MASTERY_SHARE)),
        "🔥 " + streak_line(t, days, best) + _freeze_hint(t, streak),
    ]
    scored = [p for p in progress.values() if p.completed_at and p.best_score is not None]
    if scored := [p for p in scored if p.quiz_total]:
        ratio = sum(p.best_score or 0 for p in scored) / sum(p.quiz_total for p in scored)
        lines.append(t.gettext("Quiz score: {percent} right").format(percent=t.percent(ratio)))
    due = await turn.repo(REVIEWS).count_due(turn.learner.id, due_before(turn))
    if due:
        lines.append(
            t.ngettext("{count} question to review", "{count} questions to review", due).format(
                count=due
            )
        )
    lines += _lessons(t, standing, progress)
    if not progress:
        lines += ["", t.gettext("You have not started a lesson yet. Tap Start in the menu.")]
    offer = (
        certificate_button(turn)
        if standing.certificate_ready
        and not await turn.repo(CERTIFICATES).valid_of(turn.learner.id)
        else None
    )
    check_lines, final_check = await progress_part(turn)
    lines += ["", *check_lines] if check_lines else []
    turn.say("\n".join(lines), rows(offer, final_check, screens.menu_button(t)))


def _freeze_hint(t: Translator, streak: Streak | None) -> str:
    if streak is None:
        return ""
    return " " + t.gettext("(one missed day a week does not break it)")


def _lessons(
    t: Translator, standing: CourseStanding, progress: dict[str, LessonProgress]
) -> list[str]:
    """Return the started lessons of each module: started, done with its score, or mastered."""
    lines: list[str] = []
    for module in standing.modules:
        started = [lesson for lesson in module.lessons if lesson.lesson_id in progress]
        if started:
            lines += ["", module.title]
        for lesson in started:
            entry = progress[lesson.lesson_id]
            if entry.completed_at is None:
                lines.append(t.gettext("▫ {title}: started").format(title=lesson.title))
                continue
            best = entry.best_score or 0
            line = (
                t.gettext("⭐ {title}: {score}/{total} on {date}")
                if lesson.mastered
                # "✅ 1/4" read as passed: under half right, the lesson is worth going over again.
                else t.gettext("🔁 {title}: {score}/{total} on {date}, worth going over again")
                if best < RETAKE_BELOW * entry.quiz_total
                else t.gettext("✅ {title}: {score}/{total} on {date}")
            )
            lines.append(
                line.format(
                    title=lesson.title,
                    score=best,
                    total=entry.quiz_total,
                    date=t.date(entry.completed_at),
                )
            )
    return lines
