"""Prompt practice: the learner writes a prompt for a task and gets feedback against a rubric."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Final

from bot.core.model import Coaching, TutorModel, Unavailable
from bot.core.replies import Keyboard
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.course.model import PracticeTask
from bot.features.answers.flows import personal_data_warning
from bot.features.lessons.buttons import ShowModule
from bot.features.menu import flows as screens
from bot.features.practice.buttons import (
    ModuleTasks,
    ShowHint,
    StartTask,
    StopPractice,
    hint_button,
)
from bot.features.practice.ports import ATTEMPTS
from bot.features.practice.rubric import (
    Criterion,
    Earlier,
    Verdict,
    check_in_any,
    for_task,
    is_attempt,
    missing_topics,
)
from bot.features.privacy.pii import redact
from bot.features.progress.activity import learned
from bot.features.quiz.flows import on_screen
from bot.features.usage.budget import DailyBudget
from bot.i18n import N_, Translator


@dataclass(frozen=True)
class Practising(FlowState):
    """Writing prompts for one practice task; what the learner types is their next attempt."""

    flow = "practice.writing"
    captures_text = True
    # Tasks ask to paste a job offer or a letter into the prompt; Telegram stops at 4,096.
    max_text_chars = 4096
    task: str
    # What the learner's earlier prompts for the task gave (`Earlier`): a follow-up such as
    # "now make it shorter" goes on from them, as the two-step tasks ask.
    topics_before: int = 0
    context_before: bool = False


CRITERION_NAMES: Final[dict[Criterion, str]] = {
    Criterion.CLEAR_TASK: N_("Clear task"),
    Criterion.CONTEXT: N_("Context"),
    Criterion.FORMAT: N_("Format and length"),
    Criterion.NO_PERSONAL_DATA: N_("No personal data"),
}
IMPROVEMENTS: Final[dict[Criterion, str]] = {
    Criterion.NO_PERSONAL_DATA: N_(
        "Leave out personal details. Write [NAME] or [ADDRESS] instead. "
        "The chatbot does not need them."
    ),
    Criterion.CLEAR_TASK: N_(
        "Start with what the chatbot must do, with a clear verb. "
        "For example: “Write…”, “Explain…” or “Summarise…”."
    ),
    Criterion.CONTEXT: N_(
        "Add some context: who you are and why you need it. "
        "For example: “I am looking for work as a cook.”"
    ),
    Criterion.FORMAT: N_(
        "Say what the answer should look like. "
        "For example: “in three points” or “in five short lines”."
    ),
}
OFF_TASK_TIP: Final = N_(
    "Your prompt does not talk about this task yet, so it gets at most 1 point. "
    "Read the task again and ask the chatbot about it. Words that fit the task: {words}."
)
# One topic named of several ("write an email to the commune", for an appointment to renew an
# identity card): "does not talk about this task" read as wrong to a learner who named it.
PART_OF_TASK_TIP: Final = N_(
    "Your prompt names only part of this task, so it gets at most 1 point. "
    "Say what else the task is about: {words}."
)


def find_task(turn: Turn, task_id: str) -> PracticeTask | None:
    """Return a practice task of the course in the learner's language."""
    tasks = (task for m in turn.course.modules.get(turn.language, ()) for task in m.practice)
    return next((task for task in tasks if task.id == task_id), None)


def _practice_keyboard(t: Translator) -> Keyboard:
    return rows(hint_button(t), button(t.gettext("⬅ Stop practising"), StopPractice()))


def _merge(rules: Verdict, coaching: Coaching) -> Verdict:
    # The model judges the writing; personal data is always judged by the guard's rules.
    merged = Verdict(
        clear_task=rules.clear_task if coaching.clear_task is None else coaching.clear_task,
        context=rules.context if coaching.context is None else coaching.context,
        format=rules.format if coaching.format is None else coaching.format,
        no_personal_data=rules.no_personal_data,
        on_task=rules.on_task if coaching.on_task is None else coaching.on_task,
    )
    return merged if merged.on_task else merged.off_task()


def rule_feedback(t: Translator, verdict: Verdict, task: PracticeTask, prompt: str) -> str:
    """Give the rubric checker's feedback: praise, or the one improvement that matters most."""
    gap = verdict.first_gap
    if gap is None:
        return t.gettext(
            "Very good prompt! It has a clear task, context and a format. "
            "Try it in a chatbot you use."
        )
    if not verdict.on_task and gap is not Criterion.NO_PERSONAL_DATA:
        # The groups the prompt misses ("applis" is an app already), each by its first word: a
        # whole word, fit to show. All of them when the model found it off the task anyway.
        missing = missing_topics(prompt, task.topics)
        part = bool(missing) and len(missing) < len(task.topics)
        tip = t.gettext(PART_OF_TASK_TIP if part else OFF_TASK_TIP).format(
            words=", ".join(group[0] for group in missing or task.topics)
        )
    else:
        tip = t.gettext(IMPROVEMENTS[gap])
    return "\n".join([t.gettext("One tip to make it better:"), tip])


def _asks_the_tutor(text: str, task: PracticeTask) -> bool:
    """Tell whether a text is a question for the tutor: it asks, and names nothing of the task."""
    # "Si un chatbot me dit une fausse information sur mes allocations, je fais quoi ?" was
    # scored 1 of 4 as a prompt: the learner took it for a verdict on their question.
    return "?" in text and len(missing_topics(text, task.topics)) == len(task.topics)


def _not_a_prompt_yet(turn: Turn, task: PracticeTask) -> None:
    """Say that a text is no prompt yet, and show the task it should ask a chatbot for."""
    t = turn.t
    lead = t.gettext(
        "This is not a prompt for this task yet. Write what you would ask a chatbot for the task "
        "below, in one or two full sentences."
    )
    # Questions typed while practising ("qu'est-ce que l'AI Act change pour les services
    # publics ?") got this three times, with no word on how to ask them instead.
    leave = t.gettext("To ask me a question instead, first tap “⬅ Stop practising”.")
    _say_task(turn, task, lead=[lead], after=[leave])


def show_task(turn: Turn, task: PracticeTask) -> None:
    """Show a practice task and how to answer it."""
    how = turn.t.gettext(
        "Write your prompt here, as you would type it in a chatbot. "
        "I will give you tips. Do not use real personal details."
    )
    _say_task(turn, task, after=[how])


def _say_task(
    turn: Turn, task: PracticeTask, *, lead: Sequence[str] = (), after: Sequence[str] = ()
) -> None:
    """Show the task between what goes before and after it, with the practice buttons."""
    t = turn.t
    turn.say(
        "\n\n".join([*lead, t.gettext("✍ Your task:"), task.task, *after]), _practice_keyboard(t)
    )


class Practice:
    """Let learners practise writing prompts, coached by the model or by the rubric's rules."""

    def __init__(
        self, chains: TutorModel | None, budget: DailyBudget, privacy_lesson_id: str
    ) -> None:
        self.chains = chains
        self.budget = budget
        self.privacy_lesson_id = privacy_lesson_id

    async def choose(self, turn: Turn, _: object = None) -> None:
        """Show the tasks of the module the learner is in, or the modules that have tasks."""
        t = turn.t
        modules = [m for m in turn.course.modules.get(turn.language, ()) if m.practice]
        lesson_id = turn.lesson_id
        current = next((m for m in modules if lesson_id and lesson_id in m.lesson_ids), None)
        if current is not None:
            await self.module_tasks(turn, ModuleTasks(current.id))
            return
        turn.say(
            t.gettext("✍ Practise writing a prompt. Choose a topic:"),
            rows(
                *(button(m.title, ModuleTasks(m.id)) for m in modules),
                screens.menu_button(t),
            ),
        )

    async def module_tasks(self, turn: Turn, chosen: ModuleTasks) -> None:
        """List a module's practice tasks, one button each."""
        t = turn.t
        module = turn.course.module(turn.language, chosen.module)
        if module is None or not module.practice:
            await screens.stale_button(turn)
            return
        lines = [t.gettext("✍ Practise writing a prompt for a chatbot. Choose a task:")]
        buttons = []
        for number, task in enumerate(module.practice, start=1):
            lines.append(f"{number}. {task.task}")
            label = t.gettext("Task {number}").format(number=number)
            buttons.append(button(label, StartTask(task.id)))
        back = button(t.gettext("⬅ Back to the topic"), ShowModule(module.id))
        turn.say("\n\n".join(lines), (tuple(buttons), (back,), (screens.menu_button(t),)))

    async def start(self, turn: Turn, chosen: StartTask) -> None:
        """Start (or restart) a task: the learner's next messages are prompts for it."""
        task = find_task(turn, chosen.task)
        if task is None:
            await screens.stale_button(turn)
            return
        # Entered on top of the lesson, so "Continue" still leads back to it afterwards.
        turn.enter(Practising(task.id))
        show_task(turn, task)

    async def hint(self, turn: Turn, _: ShowHint) -> None:
        """Show the hint of the current task."""
        state = turn.state
        task = find_task(turn, state.task) if isinstance(state, Practising) else None
        if task is None:
            await screens.stale_button(turn)
            return
        t = turn.t
        turn.say("\n".join([t.gettext("💡 Hint:"), task.hint]), _practice_keyboard(t))

    async def stop(self, turn: Turn, _: object = None) -> None:
        """Leave practice mode and show the menu."""
        if isinstance(turn.state, Practising):
            turn.leave()
        turn.say(turn.t.gettext("Well done for practising!"))
        await screens.main_menu(turn)

    async def attempt(self, turn: Turn, text: str) -> None:
        """Give feedback on one prompt against the rubric, record the score, offer another try."""
        state = turn.state
        if not isinstance(state, Practising) or (task := find_task(turn, state.task)) is None:
            await self.stop(turn, ())
            return
        if not on_screen(turn, StopPractice.action):
            # Gone elsewhere (/progress, /help) and typing: a question, not a prompt to score.
            turn.leave()
            await screens.answer_typed(turn, text)
            return
        t = turn.t
        redaction = redact(text)
        if redaction.found:
            personal_data_warning(turn, turn.language, redaction.kinds, self.privacy_lesson_id)
        writing = check_in_any(text, turn.services.languages, turn.language)
        if not is_attempt(redaction.bare, writing) or _asks_the_tutor(redaction.bare, task):
            # "ok now what", "how do I use this prompt?": no prompt to score nor to record, and the
            # task again, which the learner may have lost sight of.
            _not_a_prompt_yet(turn, task)
            return
        earlier = Earlier(state.topics_before, state.context_before)
        in_full = turn.profile.search.in_full(redaction.bare)
        verdict = for_task(writing, in_full, task.topics, earlier)
        topics = [" / ".join(group) for group in task.topics]
        covered = [group[0] for n, group in enumerate(task.topics) if earlier.topics >> n & 1]
        # Judged on its writing alone: a prompt about something else is still a prompt, and the
        # model tells the learner it misses the task.
        call = (
            partial(self.chains.coach, task.task, topics, redaction.text, turn.language, covered)
            if self.chains
            else None
        )
        outcome = await self.budget.spend(turn, call)
        by_model = isinstance(outcome, Coaching) and bool(outcome.feedback)
        if isinstance(outcome, Coaching) and by_model:
            verdict = _merge(verdict, outcome)
            feedback = outcome.feedback
        else:
            feedback = rule_feedback(t, verdict, task, redaction.bare)
        await turn.repo(ATTEMPTS).record(
            turn.learner.id, task.id, turn.language, verdict, by_model=by_model, now=turn.now
        )
        gave = earlier.after(in_full, task.topics, verdict)
        # Entered again rather than gone to: going would end the interruption and forget the
        # lesson card under it, which Stop and the menu's ▶ Continue lead back to.
        turn.enter(replace(state, topics_before=gave.topics, context_before=gave.context))
        await learned(turn)
        lines = [
            t.gettext("📝 Score: {score} out of {total}").format(
                score=verdict.score, total=len(Criterion)
            )
        ]
        lines += [
            f"{'✅' if verdict.met(c) else '❌'} {t.gettext(CRITERION_NAMES[c])}" for c in Criterion
        ]
        if outcome is Unavailable.DAILY_LIMIT:
            lines += ["", t.gettext("You practised a lot today, so these tips come from my rules.")]
        after = (
            t.gettext("Write another prompt to practise more, or stop here.")
            if verdict.first_gap is None
            else t.gettext("Write a better version, or stop here.")
        )
        lines += ["", feedback, "", after]
        turn.say("\n".join(lines), _practice_keyboard(t))
