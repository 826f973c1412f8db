"""Screens every flow shares: first contact, language, main menu, help, and kind refusals."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Final

from bot.config import Language
from bot.core.events import Sender
from bot.core.languages import LanguageRegistry
from bot.core.ports import LEARNERS
from bot.core.replies import Button, Keyboard, Message
from bot.core.router import Services, Turn, button, personal_menu, rows, run_command
from bot.core.state import FlowState, Idle
from bot.course.model import Lesson
from bot.features.gain import offer as checks
from bot.features.lessons.buttons import OpenLesson, Resume, ShowModules
from bot.features.menu.buttons import AskLanguage, ChooseLanguage, RunCommand, ShowHelp, ShowMenu
from bot.features.menu.typed_language import TypedLanguage, language_reader
from bot.features.progress.buttons import ShowProgress
from bot.features.progress.ports import PROGRESS
from bot.features.review.buttons import NextReview
from bot.features.review.ports import REVIEWS
from bot.features.review.recall import due_before
from bot.features.settings.buttons import ShowSettings
from bot.i18n import Translator

# How alike a typed command and a known one must be (difflib's ratio) to suggest it: "progres"
# and "progress" are 0.93, "certificat" and "certificate" 0.95, "quiz" and "quit" 0.75.
COMMAND_LIKENESS: Final = 0.8


def menu_button(t: Translator) -> Button:
    """Return the button back to the main menu."""
    return button(t.gettext("☰ Menu"), ShowMenu())


def lessons_button(t: Translator) -> Button:
    """Return the button to every lesson, by module."""
    return button(t.gettext("📚 All lessons"), ShowModules())


def language_button(t: Translator) -> Button:
    """Return the button to the language buttons."""
    return button(t.gettext("🌐 Language"), AskLanguage())


def language_keyboard(languages: LanguageRegistry, current: Language | None) -> Keyboard:
    """Return one button per language, the current one marked."""
    return rows(
        *(
            button(
                f"{profile.label}{' ✓' if profile.code == current else ''}",
                ChooseLanguage(profile.code),
            )
            for profile in languages
        )
    )


def privacy_summary(t: Translator) -> str:
    """Return the two lines on privacy a new learner reads first, with the way to the rest."""
    # Six dense points at first contact were too much for learners who read with effort: the
    # facts that matter most come first, and /privacy shows the whole notice.
    return "\n".join(
        [
            t.gettext(
                "🔒 I keep your first name, your language and your progress. I keep some of your "
                "questions for a while, without personal details, and none of your other messages. "
                "In a group, your trainer may read the questions I could not answer, without "
                "your name."
            ),
            t.gettext(
                "Send /privacy to read all of it, /mydata to see your data, and /forget to "
                "delete it."
            ),
        ]
    )


def privacy_notice(t: Translator) -> str:
    """Return the whole privacy notice, one point per line."""
    # Short lines, one fact each: many learners read with effort, and these facts matter to them.
    return "\n".join(
        [
            t.gettext("🔒 Your privacy:"),
            t.gettext(
                "• I keep only the first name of your profile, your language and your progress."
            ),
            t.gettext(
                # Only a learner in a group has a trainer to read them (Manifest.question_readers).
                "• I do not keep your messages. In a group, I keep the questions I cannot answer, "
                "without personal details, for your trainer to improve the course."
            ),
            t.gettext(
                "• I keep your last questions for 30 minutes, without personal details, "
                "to understand your next question."
            ),
            # "vendez-vous mes données ?" found no answer here.
            t.gettext("• I never sell your data."),
            t.gettext(
                "• To stop misuse, I count for one day how many of your questions go to the AI "
                "model, and how many wrong group codes you type. I keep only these numbers, not "
                "your words or your name. /forget does not delete them."
            ),
            t.gettext("Send /mydata to see your data, and /forget to delete it."),
        ]
    )


async def first_contact(turn: Turn) -> None:
    """Greet a new learner in their client's language, or ask which language they want."""
    if turn.learner.language is None:
        await ask_language(turn)
        return
    t = turn.t
    turn.say(
        t.gettext(
            "Hello! I am your AI tutor. I teach you the basics of artificial intelligence, "
            "in short lessons with quizzes."
        )
        + "\n\n"
        + privacy_summary(t)
    )
    await main_menu(turn)
    await checks.offer_check_in(turn)


@dataclass(frozen=True)
class ChoosingLanguage(FlowState):
    """Looking at the language buttons: a language typed ("Nederlands") is one tapped."""

    flow = "menu.language"
    captures_text = True


async def ask_language(turn: Turn, _: object = None) -> None:
    """Ask for the language in every language, since we do not know which one they read."""
    if turn.learner.language is not None and not isinstance(turn.state, ChoosingLanguage):
        turn.enter(ChoosingLanguage())
    _ask_language(turn, again=False)


async def language_typed(turn: Turn, text: str) -> None:
    """Take a language named under the language buttons; anything else is a question."""
    typed = language_reader(turn.services.languages).read(text)
    if typed is None or typed.question:
        await as_question(turn, text)
        return
    await _choose(turn, typed.language, typed=False)


async def as_question(turn: Turn, text: str) -> None:
    """Leave a screen that waits for typed words, and answer them as a question instead."""
    turn.leave()
    if turn.services.answer_text is not None:
        await turn.services.answer_text(turn, text)


def _ask_language(turn: Turn, *, again: bool) -> None:
    services = turn.services
    lines = []
    for lang in services.languages.codes:
        t = services.translators[lang]
        line = t.gettext("Which language do you want?")
        lines.append(line + " " + t.gettext("Tap one of the buttons below.") if again else line)
    turn.say("\n".join(lines), language_keyboard(services.languages, turn.learner.language))


async def choose_language(turn: Turn, choice: ChooseLanguage) -> None:
    """Set the learner's language from a language button."""
    language = turn.services.languages.from_code(choice.language)
    if language is None:
        await stale_button(turn)
        return
    await _choose(turn, language, typed=False)


async def take_typed_language(turn: Turn, text: str) -> TypedLanguage | None:
    """Set a newcomer's language from the words they typed, or ask again with the buttons."""
    typed = language_reader(turn.services.languages).read(text)
    if typed is None:
        _ask_language(turn, again=True)
    else:
        await _choose(turn, typed.language, typed=True)
    return typed


async def _choose(turn: Turn, language: Language, *, typed: bool) -> None:
    first_choice = turn.learner.language is None
    unchanged = turn.learner.language == language
    await _switch(turn, language)
    t = turn.t
    if first_choice:
        welcome = t.gettext("Welcome! I am your AI tutor.")
        if typed:
            # Read from their words, the choice may be wrong: say how to change it.
            welcome += " " + t.gettext(
                "I will speak English with you. To change that, tap 🌐 Language in the menu."
            )
        turn.say(welcome + "\n\n" + privacy_summary(t))
    elif unchanged:
        turn.say(t.gettext("I already speak English with you."), replace=True)
    else:
        turn.say(t.gettext("Done. I will speak English with you."), replace=True)
    # A trainer's own command menu is in their language: it changes with it.
    if menu := await personal_menu(turn):
        turn.add(menu)
    await main_menu(turn)
    if first_choice:
        await checks.offer_check_in(turn)


async def language_link(turn: Turn, args: tuple[str, ...]) -> None:
    """Switch language silently from a `/start lang-xx` link."""
    language = turn.services.languages.from_code(args[0])
    if language is not None and language != turn.learner.language:
        await _switch(turn, language)


async def _switch(turn: Turn, language: Language) -> None:
    await turn.repo(LEARNERS).set_language(turn.learner.id, language)
    turn.learner = replace(turn.learner, language=language)


async def upcoming_lesson(turn: Turn, after: str | None = None) -> Lesson | None:
    """Return the first lesson the learner has not completed (after `after` first), if any."""
    progress = await turn.repo(PROGRESS).all(turn.learner.id)
    done = {p.lesson_id for p in progress if p.completed_at}
    order = turn.course.lesson_order(turn.language)
    # After a lesson, those that follow it come first, then the ones skipped before it.
    start = order.index(after) + 1 if after in order else 0
    upcoming = next(
        (lesson_id for lesson_id in (*order[start:], *order[:start]) if lesson_id not in done),
        None,
    )
    return turn.course.lesson(turn.language, upcoming) if upcoming else None


async def main_menu(turn: Turn, _: object = None) -> None:
    """Show the main menu: continue, lessons, review, progress, language, help."""
    t = turn.t
    course = turn.course
    learner = turn.learner
    if turn.state.captures_text:
        turn.leave()
    continue_button = None
    lesson = None
    if turn.lesson_id and (lesson := course.lesson(turn.language, turn.lesson_id)):
        label = t.gettext("▶ Continue: {title}").format(title=lesson.title)
        continue_button = button(label, Resume())
    elif lesson := await upcoming_lesson(turn):
        label = t.gettext("▶ Start: {title}").format(title=lesson.title)
        continue_button = button(label, OpenLesson(lesson.id))
    suggested = await _suggested_button(turn, lesson.id if lesson else None)
    due = await turn.repo(REVIEWS).count_due(learner.id, due_before(turn))
    review_button = (
        button(
            t.ngettext("🔁 Review {count} question", "🔁 Review {count} questions", due).format(
                count=due
            ),
            NextReview(),
        )
        if due
        else None
    )
    keyboard = (
        *rows(
            continue_button,
            suggested,
            await checks.menu_button(turn),
            lessons_button(t),
            review_button,
            await _role_menu_button(turn),
        ),
        (
            button(t.gettext("📊 My progress"), ShowProgress()),
            language_button(t),
        ),
        (button(t.gettext("❓ Help"), ShowHelp()), button(t.gettext("⚙️ Settings"), ShowSettings())),
    )
    turn.say(t.gettext("What would you like to do?"), keyboard)


async def _suggested_button(turn: Turn, shown: str | None) -> Button | None:
    """Return a button to the lesson the learner's trainer sent last, until it is done."""
    # Once its notice had scrolled away, "what lesson did my trainer send me?" found nothing.
    lesson_id = await turn.services.suggested_lesson(turn.uow, turn.learner)
    lesson = turn.course.lesson(turn.language, lesson_id) if lesson_id else None
    if lesson is None or lesson.id == shown:
        return None
    progress = await turn.repo(PROGRESS).of_lesson(turn.learner.id, lesson.id)
    if progress is not None and progress.completed_at is not None:
        return None
    label = turn.t.gettext("📚 From your trainer: {title}").format(title=lesson.title)
    return button(label, OpenLesson(lesson.id))


async def _role_menu_button(turn: Turn) -> Button | None:
    """Return a button to the first command of a trainer's own, for those who have a role."""
    # Trainers found their tools only by typing /trainer, one line among many in /help.
    for audience in (await turn.services.audiences(turn.uow, turn.learner))[1:]:
        if entries := turn.services.help_entries(audience):
            first = entries[0]
            label = f"🧑‍🏫 {turn.t.gettext(first.help or first.name)}"
            return button(label, RunCommand(first.name))
    return None


async def show_help(turn: Turn, _: object = None) -> None:
    """Explain in a few lines how to use the tutor."""
    turn.say(await help_text(turn), rows(menu_button(turn.t)))


async def help_text(turn: Turn) -> str:
    """Return how to use the tutor, with the commands the learner may use."""
    t = turn.t
    return "\n".join(
        [
            t.gettext("How it works:"),
            t.gettext("• Tap the buttons to move on. You do not need to type."),
            t.gettext("• Each lesson has a few short cards, then a quiz."),
            t.gettext("• Questions you miss come back later, so you remember them."),
            t.gettext("• You can also type a question about AI."),
            *await _command_lines(turn),
        ]
    )


async def _command_lines(turn: Turn) -> list[str]:
    t = turn.t
    headings = {
        "learner": t.gettext("Commands:"),
        "trainer": t.gettext("For trainers:"),
        "admin": t.gettext("For administrators:"),
    }
    lines: list[str] = []
    for audience in await turn.services.audiences(turn.uow, turn.learner):
        lines += ["", headings[audience]]
        lines += [
            f"/{command.name} – {t.gettext(command.help or '')}"
            for command in turn.services.help_entries(audience)
        ]
    return lines


async def unknown_command(turn: Turn, name: str) -> None:
    """Answer a command the tutor does not know: the one meant, when a letter or two is off."""
    t = turn.t
    audiences = await turn.services.audiences(turn.uow, turn.learner)
    known = [command.name for a in audiences for command in turn.services.help_entries(a)]
    # "/progres", "/certificat": the command in another language's spelling, or mistyped.
    meant = difflib.get_close_matches(name, known, n=1, cutoff=COMMAND_LIKENESS)
    if meant:
        # A tap away: "/raport" got the question and the menu alone, and a trainer had to type
        # the command again.
        turn.say(
            t.gettext("I do not know /{typed}. Did you mean /{command}?").format(
                typed=name, command=meant[0]
            ),
            rows(button(f"/{meant[0]}", RunCommand(meant[0])), menu_button(t)),
        )
        return
    turn.say(t.gettext("I do not know that command. Here is what I can do."))
    await show_help(turn)


async def run_meant_command(turn: Turn, data: RunCommand) -> None:
    """Do what the command meant does, if this person may use it; else show the menu."""
    for audience in await turn.services.audiences(turn.uow, turn.learner):
        if await run_command(turn, data.command, audience):
            return
    await stale_button(turn)


async def stale_button(turn: Turn, _: object = None) -> None:
    """Answer a button that is old, foreign or forged."""
    t = turn.t
    turn.say(t.gettext("This button is no longer active. Here is the menu."))
    await main_menu(turn)


def unknown_sender_button(services: Services, sender: Sender) -> Message:
    """Answer a button pressed by someone we hold no data about."""
    t = services.translator(sender.language_code)
    return Message(t.gettext("This button is no longer active. Send /start to begin."))


def nothing_kept(services: Services, sender: Sender) -> Message:
    """Answer /mydata or /forget from someone we hold no data about."""
    t = services.translator(sender.language_code)
    return Message(t.gettext("I keep no data about you. Send /start to begin."))


async def unsupported(turn: Turn, args: tuple[str, ...]) -> None:
    """Answer a sticker, photo, voice note, file or location kindly, and show the way on."""
    t = turn.t
    messages = {
        "voice": t.gettext(
            "I cannot listen to voice messages yet. Please type your question, or ask your trainer."
        ),
        "photo": t.gettext("I cannot look at pictures. Please type your question in words."),
        "document": t.gettext("I cannot open files. Please type your question in words."),
        "sticker": t.gettext("Nice sticker! I only understand text and buttons."),
        "location": t.gettext(
            "I do not need your location. Please keep it private. Use the buttons to learn."
        ),
        "contact": t.gettext("Please do not share contact details with me. I do not need them."),
    }
    turn.say(
        messages.get(args[0], t.gettext("I can only read text and buttons.")),
        rows(way_back(turn, t), menu_button(t)),
    )


def continue_button(t: Translator) -> Button:
    """Return the button back to where the learner was."""
    return button(t.gettext("▶ Continue"), Resume())


def way_back(turn: Turn, t: Translator) -> Button | None:
    """Return ▶ Continue when the learner was somewhere to go back to: a card, a question."""
    return None if isinstance(turn.state, Idle) else continue_button(t)


async def too_long(turn: Turn, _: object = None) -> None:
    """Answer a very long message: ask for one short question."""
    t = turn.t
    turn.say(
        t.gettext(
            "That is a long message. Please ask one short question, in one or two sentences."
        ),
        rows(way_back(turn, t), menu_button(t)),
    )


async def no_free_text(turn: Turn, _: object = None) -> None:
    """Answer free text when no question answering is set up."""
    t = turn.t
    turn.say(t.gettext("Please use the buttons. You can find every lesson in the menu."))
    await main_menu(turn)


async def answer_typed(turn: Turn, text: str) -> None:
    """Answer typed text as if no flow read it: a question, or the buttons without answers."""
    await (turn.services.answer_text or no_free_text)(turn, text)


def something_went_wrong(t: Translator) -> Message:
    """Tell the learner that something failed, and that nothing they did is lost."""
    return Message(
        t.gettext(
            "Sorry, something went wrong on my side. Your progress is safe. Please try again."
        ),
        rows(menu_button(t)),
    )
