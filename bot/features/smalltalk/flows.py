"""Answer small talk kindly, and bring the learner back to exactly where they were.

Greetings, thanks, "ok", emoji and the like get a short reply in the learner's language with a
Continue button (the lessons' `Resume`: the card, the pending quiz question, the review or the
practice task, else the menu). Nothing about where the learner is changes, except for the words
of the buttons: "next" on a card shows the next card (what the Next button under it does), "back"
the card before, and "menu" shows the menu; "next" and "back" elsewhere, and "again" anywhere, go
straight back to where the learner was. A message that only names a language ("Nederlands") shows
the language buttons.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from typing import Final

from babel.lists import format_list

from bot.core.lazy import Lazy
from bot.core.replies import Button
from bot.core.router import (
    Turn,
    action_of,
    button,
    button_for,
    press,
    press_shown,
    rows,
    run_command,
)
from bot.core.state import Idle
from bot.course.model import Lesson, QuizItem
from bot.features.answers.follow_up import may_follow, recent_questions
from bot.features.gain.buttons import SkipCheck, StartCheck
from bot.features.lessons.buttons import OpenLesson, ShowCard
from bot.features.lessons.flows import Reading, show_card
from bot.features.lessons.resume import resume
from bot.features.menu import flows as screens
from bot.features.menu.buttons import ShowHelp
from bot.features.menu.typed_language import LanguageReader
from bot.features.practice.buttons import ShowHint
from bot.features.practice.flows import Practising
from bot.features.privacy.buttons import ConfirmForget
from bot.features.privacy.flows import ConfirmingForget, confirm_forget, forget_typed
from bot.features.quiz.buttons import QUIZ_NOW, StartQuiz
from bot.features.quiz.flows import Answering, start_quiz_of, tap_to_answer, unlabelled
from bot.features.quiz.waiting import check_on_screen, question_on_screen, quiz_question_on_screen
from bot.features.simpler.buttons import ExplainQuestion, Simplify, simpler_button
from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.recognise import Phrasebook
from bot.features.smalltalk.requests import Request
from bot.features.smalltalk.stray import StrayMessages
from bot.features.smalltalk.text import normalise
from bot.features.voice.buttons import ListenAnswer, ReadAloud, listen_label
from bot.features.voice.flows import read_aloud_button, switch_read_aloud
from bot.features.voice.readings import reads_aloud
from bot.i18n import N_

BREAK_TAKEN: Final = N_("OK, let us take a break. I keep your place: come back when you like.")
REPLIES: Final[dict[Kind, str]] = {
    Kind.GREETING: N_("Hello! 👋 Nice to see you."),
    Kind.HOW_ARE_YOU: N_("I am fine, thank you! 😊 I hope you are too. Shall we go on?"),
    Kind.THANKS: N_("You are welcome! 😊"),
    Kind.GOODBYE: N_("See you soon! 👋 I keep your place for next time."),
    Kind.OK: N_("👍 Good!"),
    Kind.NO: N_("No problem."),
    Kind.STOP: BREAK_TAKEN,
    Kind.INTERRUPTED: BREAK_TAKEN,
    Kind.COMEBACK: N_(
        "I keep your place. When you come back, just write to me or tap /continue: we go on "
        "where you stopped."
    ),
    Kind.LESSON_TIME: N_(
        "A lesson takes about 5 to 10 minutes: a few short cards, then a short quiz. You can "
        "stop at any time: I keep your place."
    ),
    Kind.SHORTCUT: N_(
        "Yes. On the first card of a lesson you already know, tap “{quiz_now}”: when its quiz "
        "is done, so is the lesson. For the certificate, you also need most answers right: "
        "/certificate shows what is left."
    ),
    Kind.QUESTION: N_(
        "Do you have a question? Type it in a few words, for example: “What is a deepfake?”"
    ),
    Kind.EMOJI: N_("😊 Shall we go on?"),
    # A widow with no trainer nor job coach was sent only to people she does not have.
    Kind.PERSON: N_(
        "I am a computer program, not a person. To talk to a person, ask your trainer or job "
        "coach, or someone you trust. Many public libraries and digital help desks also help "
        "with computers and phones, for free. I am here whenever you want to learn."
    ),
    Kind.CONFUSED: N_(
        "No problem. Type your question in a few words, or tap ❓ Help to see how I work."
    ),
    Kind.JOB_LOSS: N_(
        "I am sorry, that is hard. 💛 You are not alone: your job counsellor (Le Forem, Actiris, "
        "the VDAB or the ADG) can help you look for work and find free training. Here, the "
        "lessons on work and on looking for a job show how AI changes jobs, and how it can help "
        "you with a CV or a letter."
    ),
    Kind.TEXT_SIZE: N_(
        "I cannot make the letters bigger myself: your phone or tablet does, in its settings "
        "(look for “Display” or “Text size”). I can also read every card to you."
    ),
    Kind.FRUSTRATED: N_(
        "I am sorry this is not going well. 🙏 Tap ▶ Continue to go back, or ❓ Help to see how I "
        "work. You can also type what you are looking for in a few words."
    ),
}
# Frustration with nothing under way: no ▶ Continue to tap ("t nul toi mdr" was told to tap it).
FRUSTRATED_NOWHERE: Final = N_(
    "I am sorry this is not going well. 🙏 Tap ❓ Help to see how I work, or type what you are "
    "looking for in a few words."
)
# A break keeps the learner's place; what they type next is no answer to the screen they left.
BREAKS: Final = frozenset({Kind.STOP, Kind.INTERRUPTED, Kind.GOODBYE})
OK_UNDER_A_QUESTION: Final = N_("👍 OK. Tap the answer you choose.")
SKIP_UNDER_A_QUESTION: Final = N_(
    "A question cannot be skipped, but a guess is fine: tap the answer that seems most likely to "
    "you. Right after, I tell you which one is right, and why."
)
# Without a model, "why?" alone finds nothing in the lessons: the whole question does.
# Said in one clause of a longer message the course does not answer, these still ask for help.
# Words of making a text shorter: asked of the tutor, the card's key idea; written in prompt
# practice, part of the prompt.
SHORTENING: Final = frozenset(
    {"shorter", "short", "summarise", "summarize", "court", "resume", "resumer", "korter", "kort"}
    | {"sum", "vat", "samenvatten", "samengevat"}
)
CLAUSE_KINDS: Final = frozenset(
    {Kind.HELP, Kind.CONFUSED, Kind.FRUSTRATED, Kind.COMEBACK, Kind.PERSON}
)
# Said in one clause of any longer message, these ask about the learner's own data before
# anything the lessons say: "please delete all my data, i dont want to be watched" got the
# lesson's card on the right to erasure. Deleting still asks for a tap to confirm.
CLAUSE_COMMANDS: Final = frozenset({"forget", "mydata"})
MIN_CLAUSES: Final = 2
_CLAUSE_END: Final = re.compile(r"[,.;:!?\n]+")
MORE_ON_WHAT: Final = N_(
    "Tell me in a few words what you would like to know more about, for example: “more about "
    "deepfakes”. Each lesson also has a few short cards on its topic."
)
WHY_ALONE: Final = N_(
    "Good question! Please write the whole question, for example: “Why can a chatbot make "
    "mistakes?” Then I look for the answer in the lessons."
)
# Said when the card in simpler words did not help either: the same words would not.
SIMPLEST: Final = N_(
    "That is the simplest I can say it. Tap {listen} to hear it, or ask your trainer or "
    "someone you trust. You can also type what is unclear in a few words."
)
# A check only notes where the learner stands: it tells nothing after each answer.
CONFUSED_IN_A_CHECK: Final = N_(
    "No problem. Choose the answer that seems most likely to you: these questions only show "
    "what you know now, and a guess is fine."
)


# Words that move through a lesson's cards, or show the card again: nothing else is answered.
MOVES: Final = frozenset({Kind.NEXT, Kind.SKIP, Kind.BACK, Kind.AGAIN, Kind.NEXT_LESSON})
# Small talk after which the learner still has the card read: a reply of one short line, with
# the card in view just above it, or the card itself in simpler words ("je comprends pas"). A
# typed "next" then goes on to the next card (learners had to type it twice).
CARD_STILL_READ: Final = frozenset({Kind.OK, Kind.THANKS, Kind.EMOJI, Kind.GREETING, Kind.CONFUSED})


def _clauses(text: str) -> list[str]:
    """Return the clauses of a message of several, else none."""
    clauses = [clause for clause in _CLAUSE_END.split(text) if clause.strip()]
    return clauses if len(clauses) >= MIN_CLAUSES else []


class SmallTalk:
    """Read free text first: answer small talk, let everything else through."""

    def __init__(
        self,
        phrasebook: Lazy[Phrasebook],
        languages: Lazy[LanguageReader],
        *,
        model: bool = False,
        stray: Lazy[StrayMessages | None] | None = None,
    ) -> None:
        self._phrasebook = phrasebook
        self._languages = languages
        # A chat model reads "why?" after a question as a follow-up to it; without one, "why?"
        # alone finds nothing, and the help for where the learner is serves them better.
        self.model = model
        self.stray = stray

    @property
    def phrasebook(self) -> Phrasebook:
        """Return the phrases of small talk, built in the background or for the first text."""
        return self._phrasebook.get()

    @property
    def languages(self) -> LanguageReader:
        """Return the reader of language names, built in the background or for the first text."""
        return self._languages.get()

    async def read(self, turn: Turn, text: str) -> bool:
        """Answer small talk and return True; return False for anything else."""
        found = (
            self.phrasebook.read(text)
            or self._said_in_a_clause(turn, text)
            or self._keeping_in_a_clause(turn, text)
        )
        kind = found.kind if found is not None else None
        reading = _reading(turn)
        if reading is not None and kind not in MOVES | CARD_STILL_READ:
            turn.go(replace(reading[0], aside=True))
        elif reading is not None and kind is Kind.NEXT and reading[0].aside:
            # As the ▶ Continue under the answer does: moving on would skip the card unread.
            await resume(turn)
            return True
        if found is None:
            return await self._language_asked(turn, text)
        return await self._answer(turn, found, text)

    async def read_stray(self, turn: Turn, text: str) -> bool:
        """Answer a message outside the course that is close in meaning to small talk."""
        # Built ahead of the turn once the index is open; None without it, or with an encoder
        # whose closeness was never measured.
        if _flows_text(turn, text):
            return False
        in_a_clause = self._in_a_clause(text)
        if in_a_clause is not None:
            return await self._answer(turn, in_a_clause, text)
        stray = self.stray.built() if self.stray is not None else None
        if stray is None:
            return False
        found = await asyncio.to_thread(stray.read, text)
        return found is not None and await self._answer(turn, found, text)

    def _in_a_clause(self, text: str) -> Request | None:
        """Return the help, confusion or frustration a clause of a longer message says."""
        # "je ne comprend pas très bien, on peut aller plus lentement svp": said whole, the
        # message is no phrase, and it was refused as outside the course.
        said = (self.phrasebook.read(clause) for clause in _clauses(text))
        return next((found for found in said if found and found.kind in CLAUSE_KINDS), None)

    def _said_in_a_clause(self, turn: Turn, text: str) -> Request | None:
        """Return what a clause of a longer message asks before anything the lessons say."""
        if _flows_text(turn, text):
            # A practice prompt or a trainer's message may ask a shop to delete someone's data.
            return None
        for clause in _clauses(text):
            # Listed words only: read as loosely as a whole message, "Delete it." and "je peux
            # les effacer ?", about a chatbot's history, asked to delete the learner's data.
            listed = self.phrasebook.listed(clause)
            if listed and listed.kind is Kind.COMMAND and listed.command in CLAUSE_COMMANDS:
                return listed
            # Reading a clause starts with its listed phrases: found already, they are its reading.
            read = listed or self.phrasebook.read(clause)
            # "da voorlezen mag af, da stoort op kantoor" got the lesson's card on listening;
            # "gij zijt echt de domste bot ooit, wat een zever" the card on bots' labels.
            if read and (read.kind is Kind.LISTEN_OFF or _angry_only(read, text)):
                return read
        return None

    def _keeping_in_a_clause(self, turn: Turn, text: str) -> Request | None:
        """Return the no that opens a longer answer to whether to delete everything."""
        # "nee, laat maar staan" got "please tap your answer" twice. A no keeps the data, which
        # is what happens anyway: no risk in reading it from the first clause.
        if not isinstance(turn.state, ConfirmingForget):
            return None
        first = next(iter(_clauses(text)), None)
        found = self.phrasebook.read(first) if first else None
        return found if found and found.kind is Kind.NO else None

    async def _answer(self, turn: Turn, found: Request, text: str) -> bool:
        """Do what a message of small talk asks; False to let the question answerer have it."""
        kind = found.kind
        if kind is Kind.NO and isinstance(turn.state, ConfirmingForget):
            # Keeping the data is what happens anyway if nothing is tapped: no risk in a word.
            await confirm_forget(turn, ConfirmForget("no"))
            return True
        if kind in (Kind.OK, Kind.NEXT) and isinstance(turn.state, ConfirmingForget):
            # "👍 Good!" to a typed "ja" read as if everything was deleted, and nothing was;
            # "vas-y" went on with the lesson, leaving the question unanswered.
            await forget_typed(turn, text, yes=kind is Kind.OK)
            return True
        if (offer := _offer_answered(turn, kind)) is not None and await press_shown(turn, offer):
            return True
        if kind is Kind.WHY and self.model and await recent_questions(turn):
            # After a question, with a chat model, the answers read "why?" as a follow-up to it.
            return False
        if kind is Kind.HELP and await self._goes_on_from_a_question(turn, text):
            # "wat moet ik dan doen?" after a question on voice scams asks what to do about it;
            # the help screen, with its list of commands, answered a worried father.
            return False
        if kind in (Kind.EMOJI, Kind.QUESTION) and _flows_text(turn, text):
            # "..." or "?" where a flow waits for words (a certificate's name): the flow asks
            # for them again; "Shall we go on?" led back to the lesson, the name step lost.
            return False
        if (
            kind is Kind.CONFUSED
            and isinstance(turn.state, Practising)
            and not SHORTENING.isdisjoint(normalise(text))
        ):
            # "Make it shorter, in simple words." is what a practice task asks the learner to
            # write to the chatbot, not a request for the task's hint.
            return False
        if kind is Kind.COMMAND and found.command == "language" and _flows_text(turn, text):
            # "in het Nederlands aub": under the language buttons, the choice the flow reads; in
            # a practice prompt, part of the prompt.
            return False
        if kind is Kind.COMMAND:
            await _command(turn, found.command)
        elif kind is Kind.LISTEN_OFF:
            await switch_read_aloud(turn, ReadAloud("off"))
        elif kind is Kind.NEXT_LESSON:
            await _next_lesson(turn)
        elif kind is Kind.MENU:
            await screens.main_menu(turn)
        elif kind is Kind.SKIP or (
            # "volgende" under a question showed it again without a word: it is a skip there.
            kind is Kind.NEXT and question_on_screen(turn)
        ):
            await _skip(turn)
        elif kind is Kind.NEXT:
            await _step(turn, 1)
        elif kind is Kind.MORE:
            await _more(turn)
        elif kind is Kind.BACK:
            await _step(turn, -1)
        elif kind in (Kind.AGAIN, Kind.RETAKE):
            await _again(turn, retake=kind is Kind.RETAKE)
        elif kind is Kind.ABOUT:
            _about(turn, model=self.model)
        else:
            await _reply(turn, kind)
        return True

    async def _goes_on_from_a_question(self, turn: Turn, text: str) -> bool:
        """Tell whether a message leans on a question the learner asked a moment ago."""
        follow_ups = turn.services.languages.profile(turn.language).follow_ups
        return may_follow(text, follow_ups) and bool(await recent_questions(turn))

    async def _language_asked(self, turn: Turn, text: str) -> bool:
        """Show the language buttons for a message that only names a language ("Nederlands")."""
        # Typed text a flow reads (a practice prompt: "translate it into Dutch") is its own.
        if _flows_text(turn, text):
            return False
        if (other := self.languages.other_asked(text)) is not None:
            _languages_spoken(turn, other)
            return True
        if self.languages.named(text) is None:
            return False
        # One tap away rather than switched: "ChatGPT in English" may be a question after all.
        await screens.ask_language(turn)
        return True


def _languages_spoken(turn: Turn, other: str) -> None:
    """Say that the tutor does not speak a language it was asked about, and which it speaks."""
    t = turn.t
    spoken = [t.language_name(code) for code in turn.services.languages.codes]
    said = t.gettext("Sorry, I do not speak {language}. I speak {languages}.").format(
        language=t.language_name(other), languages=format_list(spoken, locale=t.locale)
    )
    turn.say(
        said, rows(screens.way_back(turn, t), screens.language_button(t), screens.menu_button(t))
    )


def _angry_only(read: Request, text: str) -> bool:
    """Tell whether a clause says frustration in a message that asks nothing."""
    # "c'est nul, comment je change la langue ?" asks something, which the answers take.
    return read.kind is Kind.FRUSTRATED and "?" not in text


def _flows_text(turn: Turn, text: str) -> bool:
    """Tell whether typed text is the flow's: not a command ("/langue" under the check)."""
    return turn.state.captures_text and not text.startswith("/")


async def _command(turn: Turn, name: str | None) -> None:
    """Do what the named learner command does; the menu when there is no such command."""
    if not await run_command(turn, name):
        await screens.main_menu(turn)


async def _reply(turn: Turn, kind: Kind) -> None:
    if kind in (Kind.CONFUSED, Kind.ANSWER_ASKED):
        await _confused(turn)
        return
    if kind is Kind.WHY:
        _why(turn)
        return
    t = turn.t
    if kind is Kind.HELP:
        # Typed, "help" asks for what ❓ Help shows; ▶ Continue keeps the place it was asked from.
        turn.say(
            await screens.help_text(turn), rows(screens.way_back(turn, t), screens.menu_button(t))
        )
        return
    if kind is Kind.FRUSTRATED:
        help_button = button(t.gettext("❓ Help"), ShowHelp())
        said = REPLIES[kind] if screens.way_back(turn, t) else FRUSTRATED_NOWHERE
        turn.say(t.gettext(said), rows(_onwards(turn), help_button))
        return
    if kind is Kind.JOB_LOSS:
        turn.say(t.gettext(REPLIES[kind]), rows(screens.lessons_button(t), _onwards(turn)))
        return
    if kind is Kind.TEXT_SIZE:
        # "on peut écrire plus gros svp" was refused as outside the course, twice.
        on = await reads_aloud(turn)
        turn.say(t.gettext(REPLIES[kind]), rows(read_aloud_button(t, on=on), _onwards(turn)))
        return
    said = t.gettext(REPLIES[kind])
    if kind is Kind.SHORTCUT:
        # The button's own words, as the learner will see them.
        said = said.format(quiz_now=t.gettext(QUIZ_NOW))
    under_a_question = question_on_screen(turn)
    if kind is Kind.OK and under_a_question:
        # Under a question, "👍 Good!" would read as "your answer is right".
        said = t.gettext(OK_UNDER_A_QUESTION)
    elif kind is Kind.NO and under_a_question:
        # "nee" where two options say "Nee, …": which one? "No problem." read as declining.
        said = tap_to_answer(t, turn.shown)
    if kind in BREAKS and (way_back := screens.way_back(turn, t)) is not None:
        # ☰ Menu beside ▶ Continue: "stop" in prompt practice, then "tu parles arabe ?", was
        # scored as a prompt, the task being still the screen's only way on.
        turn.say(said, rows(way_back, screens.menu_button(t)))
        return
    turn.say(said, rows(_onwards(turn)))


def _onwards(turn: Turn) -> Button:
    """Return ▶ Continue back to where the learner was, or ☰ Menu when they were nowhere."""
    # "thanks" with nothing under way got ▶ Continue, which only showed the menu.
    return screens.way_back(turn, turn.t) or screens.menu_button(turn.t)


async def _confused(turn: Turn) -> None:
    """Do what helps where the learner is: the card in simpler words, the task's hint, or say so."""
    t = turn.t
    here = _card_here(turn)
    # Typed rather than tapped, "plus simple" asks for what the button does: no tap more. The
    # card on screen first: an answer's card, shown over the lesson in progress.
    simpler = next((shown for shown in turn.shown if action_of(shown) == Simplify.action), None)
    if simpler is not None and await press_shown(turn, simpler):
        return
    # A definition is already the simplest words the course has: its lesson explains the rest.
    # The card being read under it is not on screen, and simplifying it would answer blind.
    explaining = _lesson_button_on_screen(turn)
    if explaining is not None:
        _point_to_lesson(turn, *explaining)
        return
    if here is not None and _simpler_on_screen(turn, *here):
        # "ik snap het niet" under the card in simpler words got the same words again.
        # Its 🔊 again, the one button that says the same words another way.
        listen = next((b for b in turn.shown if action_of(b) == ListenAnswer.action), None)
        help_button = button(t.gettext("❓ Help"), ShowHelp())
        said = t.gettext(SIMPLEST).format(listen=listen_label(t))
        turn.say(said, rows(listen, _onwards(turn), help_button))
        return
    if here is not None and await press(turn, Simplify(here[0].id, here[1])):
        return
    if isinstance(turn.state, Practising) and await press(turn, ShowHint()):
        return
    if quiz_question_on_screen(turn) and await press(turn, ExplainQuestion()):
        return
    if _just_answered(turn) is not None:
        # "Waarom is mijn antwoord fout? Ik begrijp het niet goed." under the feedback got "Type
        # your question": it is the answer just given that is not understood.
        _why(turn)
        return
    if check_on_screen(turn):
        turn.say(t.gettext(CONFUSED_IN_A_CHECK), rows(screens.continue_button(t)))
    else:
        help_button = button(t.gettext("❓ Help"), ShowHelp())
        turn.say(t.gettext(REPLIES[Kind.CONFUSED]), rows(_onwards(turn), help_button))


def _offer_answered(turn: Turn, kind: Kind) -> Button | None:
    """Return the button of a check's offer on screen that a typed yes or no taps."""
    # "oui" under "10 quick questions… [📝 Answer the 10 questions] [Skip]" got "👍 Good!", and
    # the offer was left unanswered. The offer only, with its Skip: "ok" at the menu, whose 🧭
    # button starts the check too, is no wish to take it.
    if kind not in (Kind.OK, Kind.NO) or not any(
        action_of(shown) == SkipCheck.action for shown in turn.shown
    ):
        return None
    action = StartCheck.action if kind is Kind.OK else SkipCheck.action
    return next((shown for shown in turn.shown if action_of(shown) == action), None)


async def _more(turn: Turn) -> None:
    """Show what follows the card on screen, the lesson a definition points to, or ask what."""
    t = turn.t
    simpler = next((shown for shown in turn.shown if action_of(shown) == Simplify.action), None)
    route = button_for(turn.services.buttons, simpler.data) if simpler is not None else None
    if route is not None and isinstance(shown := route[1], Simplify):
        # The card after it, in the lesson of the card shown (an answer's, maybe): more on it.
        lesson = turn.course.lesson(turn.language, shown.lesson)
        if lesson is not None and shown.card + 1 < len(lesson.cards):
            await press(turn, ShowCard(lesson.id, shown.card + 1))
            return
        if lesson is not None:
            await press(turn, StartQuiz(lesson.id))
            return
    if (explaining := _lesson_button_on_screen(turn)) is not None:
        await press_shown(turn, explaining[0])
        return
    turn.say(t.gettext(MORE_ON_WHAT), rows(screens.lessons_button(t), _onwards(turn)))


def _lesson_button_on_screen(turn: Turn) -> tuple[Button, Lesson] | None:
    """Return the one 📖 lesson button on screen and its lesson, if there is one.

    A 📖 button offers a lesson as the explanation of what is on screen (a definition's); a ▶
    one, the next step (the lesson after a quiz), which does not explain what confused.
    """
    found = [
        (shown, route[1])
        for shown in turn.shown
        if shown.label.startswith("📖")
        and (route := button_for(turn.services.buttons, shown.data))
        and isinstance(route[1], OpenLesson)
    ]
    if len(found) != 1:
        return None
    shown, opening = found[0]
    lesson = turn.course.lesson(turn.language, opening.lesson)
    return (shown, lesson) if lesson is not None else None


def _point_to_lesson(turn: Turn, lesson_button: Button, lesson: Lesson) -> None:
    """Say that a lesson explains it step by step, with its button again."""
    t = turn.t
    turn.say(
        t.gettext("The lesson “{title}” explains it step by step, with examples.").format(
            title=lesson.title
        ),
        rows(lesson_button, screens.way_back(turn, t)),
    )


def _why(turn: Turn) -> None:
    """Explain the quiz answer just given, else ask for the whole question (with simpler words)."""
    t = turn.t
    answered = _just_answered(turn)
    if answered is not None:
        # "pourquoi ?" under the feedback: why the right answer is right, which the feedback
        # (the chosen option's explanation, then the right option) did not say.
        right = answered.correct
        turn.say(
            t.gettext("💡 The right answer: {option}\n{why}").format(
                option=answered.options[right], why=unlabelled(answered.explanations[right])
            ),
            rows(screens.way_back(turn, t)),
        )
        return
    turn.say(t.gettext(WHY_ALONE), rows(_simpler_here(turn), screens.way_back(turn, t)))


def _just_answered(turn: Turn) -> QuizItem | None:
    """Return the quiz question whose feedback is on screen, if the learner is under one."""
    state = turn.state
    if not isinstance(state, Answering) or state.asked:
        return None
    lesson = turn.course.lesson(turn.language, state.lesson)
    position = lesson.item_position(state.item) if lesson is not None else None
    if lesson is None or not position:
        return None
    return lesson.quiz[position - 1]


def _simpler_here(turn: Turn) -> Button | None:
    """Return the 🙂 Simpler, please of the card the learner is reading, if they are on one."""
    here = _card_here(turn)
    return simpler_button(turn.t, here[0].id, here[1]) if here is not None else None


def _simpler_on_screen(turn: Turn, lesson: Lesson, index: int) -> bool:
    """Tell whether the card is shown in simpler words: only they lead back to the same card."""
    # A card's own buttons lead to the cards before and after it, never to itself.
    back = ShowCard(lesson.id, index).pack()
    return any(shown.data == back for shown in turn.shown)


def _card_here(turn: Turn) -> tuple[Lesson, int] | None:
    """Return the lesson and the card the learner is reading, if they are on one."""
    reading = _reading(turn)
    if reading is None or reading[0].card >= len(reading[1].cards):
        return None
    return reading[1], reading[0].card


def _about(turn: Turn, *, model: bool) -> None:
    """Say plainly what the tutor is: a chatbot should never leave in doubt that it is one."""
    t = turn.t
    count = len(turn.course.lesson_order(turn.language))
    about = t.ngettext(
        "I am an AI tutor: a computer program, not a person. I teach the basics of AI in "
        "{count} short lesson with quizzes. Tap the buttons to move on, or type a question "
        "about AI.",
        "I am an AI tutor: a computer program, not a person. I teach the basics of AI in "
        "{count} short lessons with quizzes. Tap the buttons to move on, or type a question "
        "about AI.",
        count,
    ).format(count=count)
    # "are you ChatGPT?" was left unanswered; where the answers come from depends on the setup.
    source = (
        t.gettext(
            "I am not ChatGPT: I answer from the lessons written for this course, and an AI "
            "model helps me word some answers."
        )
        if model
        else t.gettext(
            "I am not ChatGPT: every answer I give comes from the lessons written for this course."
        )
    )
    turn.say(f"{about}\n{source}", rows(_onwards(turn), button(t.gettext("❓ Help"), ShowHelp())))


async def _next_lesson(turn: Turn) -> None:
    """Open the lesson after the current one, as ▶ Next lesson does; else the first not done."""
    course = turn.course
    current = turn.lesson_id
    place = turn.state if turn.state.lesson_id else turn.conversation.resume
    # Between two lessons (after a quiz), the lesson kept is the one ▶ Next lesson offered: the
    # lesson after it was one too far.
    if current is None or isinstance(place, Idle):
        following = current
    else:
        following = course.next_lesson_id(turn.language, current)
    lesson = (
        course.lesson(turn.language, following)
        if following
        else await screens.upcoming_lesson(turn)
    )
    if lesson is None or not await press(turn, OpenLesson(lesson.id)):
        await screens.main_menu(turn)


async def _skip(turn: Turn) -> None:
    """Say under a question that a guess is fine; elsewhere, move on as "next" does."""
    t = turn.t
    if quiz_question_on_screen(turn):
        # The question again, its answers to tap: under "no skipping", a "▶ Continue" button
        # read as the skip just refused.
        turn.say(t.gettext(SKIP_UNDER_A_QUESTION))
        await resume(turn)
    elif check_on_screen(turn):
        turn.say(t.gettext(CONFUSED_IN_A_CHECK), rows(screens.continue_button(t)))
    else:
        await _step(turn, 1)


async def _step(turn: Turn, step: int) -> None:
    """Move one card on or back, as the buttons under a card do; elsewhere, continue."""
    reading = _reading(turn)
    if reading is None and step > 0 and isinstance(turn.state, Idle) and not turn.lesson_id:
        # "start", "commencer" with nothing in progress: what the menu's ▶ Start does.
        upcoming = await screens.upcoming_lesson(turn)
        if upcoming is not None:
            await show_card(turn, upcoming, 0)
            return
    if reading is None and step < 0 and (done := _quiz_result_lesson(turn)):
        # "back" under a quiz's result: the cards of its lesson. ▶ Continue there is the next
        # lesson, which "back" opened.
        await press(turn, ShowCard(done, 0))
        return
    if reading is None:
        await resume(turn)
        return
    state, lesson = reading
    if state.card + step >= len(lesson.cards):
        # Past the last card, Next is the quiz.
        await start_quiz_of(turn, lesson.id)
    else:
        await show_card(turn, lesson, state.card + step)


async def _again(turn: Turn, *, retake: bool) -> None:
    """Take a quiz again under its result, as its 🔁 button does; elsewhere, continue.

    Asked for by name (`retake`), the quiz is the current lesson's where no result is shown.
    """
    # "nog eens" under "Quiz done: 3 out of 4" opened the next lesson, where ▶ Continue goes.
    retaken = None if _reading(turn) else _quiz_result_lesson(turn)
    if retaken is not None and await press(turn, StartQuiz(retaken)):
        return
    if not (retake and await run_command(turn, "quiz")):
        await resume(turn)


def _quiz_result_lesson(turn: Turn) -> str | None:
    """Return the lesson of the quiz result on screen: its 🔁 button, the last quiz offered."""
    # A milestone may offer other lessons' quizzes before it.
    for shown in reversed(turn.shown):
        found = button_for(turn.services.buttons, shown.data)
        if found is not None and isinstance(found[1], StartQuiz):
            return found[1].lesson
    return None


def _reading(turn: Turn) -> tuple[Reading, Lesson] | None:
    """Return the learner's reading state and its lesson, when they are reading one."""
    state = turn.state
    lesson = turn.course.lesson(turn.language, state.lesson) if isinstance(state, Reading) else None
    return (state, lesson) if isinstance(state, Reading) and lesson is not None else None
