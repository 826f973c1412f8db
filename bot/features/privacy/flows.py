"""Let a learner see everything stored about them, and delete it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from bot.core.localtime import format_clock
from bot.core.ports import LEARNERS
from bot.core.replies import Document, Forgotten, Keyboard
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.features.menu import flows as screens
from bot.features.privacy.buttons import ConfirmForget
from bot.features.review.ports import ReminderTime
from bot.features.trainers.membership import HOW_TO_LEAVE, TRAINER_SEES
from bot.i18n import N_, Translator


async def my_data(turn: Turn, _: object = None, *, quiet_hours: tuple[int, int]) -> None:
    """Send a readable summary of the learner's data and the full export as a JSON file.

    `quiet_hours` hold a reminder until they end: the hour said is the one it comes at.
    """
    t = turn.t
    data = await turn.repo(LEARNERS).export(turn.learner.id)
    for name, exporter in turn.services.exporters:
        data[name] = await exporter(turn.uow, turn.learner.id)
    learner = turn.learner
    # Each part is there only when the feature that keeps it is assembled.
    lessons = data.get("lessons", [])
    answers = data.get("quiz_answers", [])
    questions = data.get("unanswered_questions", [])
    recent = data.get("recent_questions", [])
    streak = data.get("streak")
    cards = data.get("review_cards", [])
    reminder = data.get("review_reminders", {})
    reminder_at = ReminderTime(reminder.get("usual_hour"), reminder.get("chosen_hour")).minute(
        quiet_hours
    )
    check_answers = sum(len(check["answers"]) for check in data.get("checks", []))
    voice = data.get("voice", {})
    prompts = len(data.get("prompt_practice", {}).get("attempts", []))
    readings = len(voice.get("answers_to_read_aloud", []))
    cohort = (data.get("trainers") or {}).get("cohort")
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
        *(
            [
                t.ngettext(
                    "• Learning streak: {count} day, last on {date}",
                    "• Learning streak: {count} days, last on {date}",
                    streak["days"],
                ).format(
                    count=streak["days"], date=t.date(datetime.fromisoformat(streak["last_day"]))
                )
            ]
            if streak
            else []
        ),
        *(_certificate_line(t, certificate) for certificate in data.get("certificates", [])),
        # "Can the VDAB see what I do here?" asks this too.
        _group_line(t, cohort) if cohort else t.gettext("• No group: no trainer sees what you do"),
        t.ngettext(
            "• {count} question in your reviews", "• {count} questions in your reviews", len(cards)
        ).format(count=len(cards)),
        *(
            [
                t.gettext("• Next review: {date}").format(
                    date=t.date(datetime.fromisoformat(cards[0]["due"]))
                )
            ]
            if cards
            else []
        ),
        t.ngettext(
            "• {count} answer in the start and final checks",
            "• {count} answers in the start and final checks",
            check_answers,
        ).format(count=check_answers),
        t.gettext("• Reminders: {state}").format(
            state=t.gettext("on, at about {time}").format(time=format_clock(reminder_at))
            if learner.reminders_on
            else t.gettext("off")
        ),
        t.ngettext(
            "• {count} question I could not answer",
            "• {count} questions I could not answer",
            len(questions),
        ).format(count=len(questions)),
        t.ngettext(
            "• {count} recent question, kept for 30 minutes",
            "• {count} recent questions, kept for 30 minutes",
            len(recent),
        ).format(count=len(recent)),
        t.ngettext(
            "• {count} score of a practice prompt (not the prompt)",
            "• {count} scores of practice prompts (not the prompts)",
            prompts,
        ).format(count=prompts),
        t.ngettext(
            "• {count} answer kept for 🔊 Listen, for a day",
            "• {count} answers kept for 🔊 Listen, for a day",
            readings,
        ).format(count=readings),
        t.gettext("• Every card read aloud: yes")
        if voice.get("read_cards_aloud")
        else t.gettext("• Every card read aloud: no"),
        # Asked after joining ("what does my trainer see?"), not only said on the day they joined.
        *(["", t.gettext(TRAINER_SEES), t.gettext(HOW_TO_LEAVE)] if cohort else []),
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


def _group_line(t: Translator, cohort: dict[str, Any]) -> str:
    """Name the learner's group and the day they joined it."""
    return t.gettext("• Group: “{name}”, since {date}").format(
        name=cohort["name"], date=t.date(datetime.fromisoformat(cohort["joined_at"]))
    )


def _certificate_line(t: Translator, certificate: dict[str, Any]) -> str:
    """Describe one certificate: the start of its code, its date, the name on it."""
    line = (
        t.gettext("• Certificate {code}… of {date}, in the name of {name} (withdrawn)")
        if certificate["revoked_at"]
        else t.gettext("• Certificate {code}… of {date}, in the name of {name}")
    )
    return line.format(
        code=certificate["code_starts_with"],
        date=t.date(datetime.fromisoformat(certificate["issued_at"])),
        name=certificate["name"],
    )


YES: Final = N_("Yes, delete everything")
NO: Final = N_("No, keep my data")


async def show_notice(turn: Turn, _: object = None) -> None:
    """Show the whole privacy notice, which first contact sums up in two lines."""
    turn.say(screens.privacy_notice(turn.t), rows(screens.menu_button(turn.t)))


@dataclass(frozen=True)
class ConfirmingForget(FlowState):
    """Asked whether to delete everything: only a tap on an answer deletes or keeps the data."""

    flow = "privacy.forget"
    # What is typed here, but a command in words ("mes progrès"), asks for a tap on an answer.
    captures_text = True


async def forget(turn: Turn, _: object = None) -> None:
    """Ask the learner to confirm before deleting everything."""
    t = turn.t
    # "efface tout ce que j'ai dit" after typing her numbers: what she feared was kept mostly
    # never was, and deleting everything is not needed for that.
    # Not "none of your messages": /mydata lists the recent questions kept for a follow-up.
    never_kept = t.gettext(
        "I keep none of your messages but a few questions, for a while, and I take out the names "
        "and numbers I recognise before I keep one."
    )
    question = t.gettext(
        "Do you want me to delete all your data? Your progress will be lost. This cannot be undone."
    )
    warnings = [await departure.warning(turn) for departure in turn.services.departures]
    turn.enter(ConfirmingForget())
    said = [never_kept + "\n" + question, *(warning for warning in warnings if warning)]
    turn.say("\n\n".join(said), _answers(t))


async def forget_typed(turn: Turn, _text: str, *, yes: bool = False) -> None:
    """Ask for a tap, a typed yes included: deleting everything on words is one misreading away."""
    t = turn.t
    said = (
        # "ja" got the same "Please tap your answer" as any other word, as if not understood.
        t.gettext("To be sure, please tap “{yes}”: this cannot be undone.")
        if yes
        # "wat verlies ik dan juist? ook die herhalingen?" asks what "all" means before a tap.
        else t.gettext(
            "Deleting removes everything I keep about you: your progress, your quiz answers, "
            "your reviews and your settings. Please tap your answer: “{yes}” deletes all your "
            "data, “{no}” keeps it."
        )
    )
    turn.say(said.format(yes=t.gettext(YES), no=t.gettext(NO)), _answers(t))


def _answers(t: Translator) -> Keyboard:
    return rows(
        button(t.gettext(YES), ConfirmForget("yes")),
        button(t.gettext(NO), ConfirmForget("no")),
    )


async def confirm_forget(turn: Turn, answer: ConfirmForget) -> None:
    """Delete the learner's data after a yes; keep it after a no."""
    t = turn.t
    if isinstance(turn.state, ConfirmingForget):
        turn.leave()
    if answer.choice == "yes":
        for departure in turn.services.departures:
            await departure.prepare(turn)
        await turn.repo(LEARNERS).delete(turn.learner.id)
        turn.forgotten = True
        turn.say(
            t.gettext(
                "Done. I deleted all your data. If you write to me again, we start from the "
                "beginning."
            ),
            replace=True,
        )
        turn.add(Forgotten())
    elif answer.choice == "no":
        turn.say(t.gettext("OK, I keep your data. Nothing was deleted."), replace=True)
        await screens.main_menu(turn)
    else:
        await screens.stale_button(turn)
