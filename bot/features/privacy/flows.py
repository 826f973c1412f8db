"""Let a learner see everything stored about them, and delete it."""

from __future__ import annotations

import json

from bot.core.ports import LEARNERS
from bot.core.replies import Document, Forgotten
from bot.core.router import Turn, button, rows
from bot.features.menu import flows as screens
from bot.features.privacy.buttons import ConfirmForget


async def my_data(turn: Turn, _: object = None) -> None:
    """Send a readable summary of the learner's data and the full export as a JSON file."""
    t = turn.t
    data = await turn.repo(LEARNERS).export(turn.learner.id)
    for name, exporter in turn.services.exporters:
        data[name] = await exporter(turn.uow, turn.learner.id)
    learner = turn.learner
    # Each part is there only when the feature that keeps it is assembled.
    lessons = data.get("lessons", [])
    answers = data.get("quiz_answers", [])
    questions = data.get("unanswered_questions", [])
    voice = data.get("voice", {})
    lines = [
        t.gettext("🔒 What I keep about you:"),
        t.gettext("• Name: {name}").format(name=learner.display_name or "–"),
        t.gettext("• Language: {language}").format(language=turn.profile.label),
        t.gettext("• First visit: {date}").format(date=t.date(learner.created_at)),
        t.ngettext("• {count} lesson started", "• {count} lessons started", len(lessons)).format(
            count=len(lessons)
        ),
        t.ngettext("• {count} quiz answer", "• {count} quiz answers", len(answers)).format(
            count=len(answers)
        ),
        t.gettext("• Reminders: {state}").format(
            state=t.gettext("on") if learner.reminders_on else t.gettext("off")
        ),
        t.ngettext(
            "• {count} question I could not answer",
            "• {count} questions I could not answer",
            len(questions),
        ).format(count=len(questions)),
        t.gettext("• Every card read aloud: yes")
        if voice.get("read_cards_aloud")
        else t.gettext("• Every card read aloud: no"),
        "",
        t.gettext("I do not keep your other messages."),
        t.gettext(
            "I do not keep your voice messages: I turn them into text, then forget the sound."
        ),
        t.gettext("The file below holds all of it. Send /forget to delete everything."),
    ]
    turn.say("\n".join(lines))
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    turn.add(Document("my-data.json", content, t.gettext("Your data")))


async def forget(turn: Turn, _: object = None) -> None:
    """Ask the learner to confirm before deleting everything."""
    t = turn.t
    question = t.gettext(
        "Do you want me to delete all your data? Your progress will be lost. This cannot be undone."
    )
    warnings = [await departure.warning(turn) for departure in turn.services.departures]
    turn.say(
        "\n\n".join([question, *(warning for warning in warnings if warning)]),
        rows(
            button(t.gettext("Yes, delete everything"), ConfirmForget("yes")),
            button(t.gettext("No, keep my data"), ConfirmForget("no")),
        ),
    )


async def confirm_forget(turn: Turn, answer: ConfirmForget) -> None:
    """Delete the learner's data after a yes; keep it after a no."""
    t = turn.t
    if answer.choice == "yes":
        for departure in turn.services.departures:
            await departure.prepare(turn)
        await turn.repo(LEARNERS).delete(turn.learner.id)
        turn.forgotten = True
        turn.say(
            t.gettext("Done. I deleted all your data. Send /start if you want to begin again."),
            replace=True,
        )
        turn.add(Forgotten())
    elif answer.choice == "no":
        turn.say(t.gettext("OK, I keep your data. Nothing was deleted."), replace=True)
        await screens.main_menu(turn)
    else:
        await screens.stale_button(turn)
