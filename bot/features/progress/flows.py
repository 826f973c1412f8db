"""Show a learner what they have done: lessons, quiz scores, reviews to come."""

from __future__ import annotations

from bot.core.router import Turn, rows
from bot.features.gain.offer import progress_part
from bot.features.menu import flows as screens
from bot.features.progress.ports import PROGRESS
from bot.features.review.ports import REVIEWS


async def show_progress(turn: Turn, _: object = None) -> None:
    """Summarise progress per module, with scores and dates in the learner's formats."""
    t = turn.t
    language = turn.language
    progress = {p.lesson_id: p for p in await turn.repo(PROGRESS).all(turn.learner.id)}
    total = len(turn.course.lesson_order(language))
    done = [p for p in progress.values() if p.completed_at is not None]
    lines = [
        t.gettext("📊 Your progress"),
        t.ngettext(
            "Lessons done: {done} of {total} lesson",
            "Lessons done: {done} of {total} lessons",
            total,
        ).format(done=len(done), total=total),
    ]
    scored = [p for p in done if p.best_score is not None and p.quiz_total]
    if scored:
        ratio = sum(p.best_score or 0 for p in scored) / sum(p.quiz_total for p in scored)
        lines.append(t.gettext("Quiz score: {percent} right").format(percent=t.percent(ratio)))
    due = len(await turn.repo(REVIEWS).due(turn.learner.id, turn.now))
    if due:
        lines.append(
            t.ngettext("{count} question to review", "{count} questions to review", due).format(
                count=due
            )
        )
    for module in turn.course.modules.get(language, ()):
        started = [lid for lid in module.lesson_ids if lid in progress]
        if not started:
            continue
        lines += ["", f"{module.title}"]
        for lesson_id in started:
            lesson = turn.course.lesson(language, lesson_id)
            entry = progress[lesson_id]
            if lesson is None:
                continue
            if entry.completed_at is None:
                lines.append(t.gettext("▫ {title}: started").format(title=lesson.title))
            else:
                lines.append(
                    t.gettext("✅ {title}: {score}/{total} on {date}").format(
                        title=lesson.title,
                        score=entry.best_score or 0,
                        total=entry.quiz_total,
                        date=t.date(entry.completed_at),
                    )
                )
    if not progress:
        lines += ["", t.gettext("You have not started a lesson yet. Tap Start in the menu.")]
    check_lines, final_check = await progress_part(turn)
    lines += ["", *check_lines] if check_lines else []
    turn.say("\n".join(lines), rows(final_check, screens.menu_button(t)))
