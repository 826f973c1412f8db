"""The learner's side: join with a code or link, leave a cohort, turn reminders off or on."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from bot.core.limits import COUNTERS, WRONG_CODES, Tally
from bot.core.ports import LEARNERS, Learner, UnitOfWork
from bot.core.router import Turn, button, personal_menu, rows
from bot.core.state import FlowState
from bot.features.menu import flows as screens
from bot.features.trainers import codes
from bot.features.trainers.access import new_cohort_button, trainer_menu_button
from bot.features.trainers.buttons import ConfirmLeave, ConfirmMove, SwitchReminders
from bot.features.trainers.ports import COHORTS, PUSHES, Cohort
from bot.i18n import N_


@dataclass(frozen=True)
class Moving(FlowState):
    """Asked whether to leave one's group for the one a code named."""

    flow = "trainers.moving"
    cohort: int = 0  # the group the code named, kept here rather than in a button's data


# Three free tries, then a wait that doubles from one minute up to an hour.
FREE_TRIES: Final = 3
# The code shown as an example, which is refused as one: a learner may copy it.
EXAMPLE_CODE: Final = "ABCDEFGHJKMNPQRS"
MAX_WAIT: Final = timedelta(hours=1)
# Wrong codes are forgotten a day after the last one.
WRONG_CODES_KEPT: Final = timedelta(days=1)
# Words that may come with a code typed without /join: "join", "my code is", "voici le code :".
WORDS_WITH_A_CODE: Final = 4
_EDGES: Final = ".,;:!?\"'()«»“”"
_PRINTED_CODE: Final = re.compile(r"[0-9A-Za-z]{4}(?:-[0-9A-Za-z]{4}){3}")

# What a learner's trainer sees: said when they join a group, and in /mydata while they are in it.
TRAINER_SEES: Final = N_(
    "Your trainer can send you lessons. Your trainer sees your first name, the lessons you did, "
    "your quiz scores and when you last learnt."
)
HOW_TO_LEAVE: Final = N_("To leave the group, send /leave.")


def _with_the_example(turn: Turn, message: str) -> None:
    """Say a message about group codes that shows the example code, with the menu."""
    t = turn.t
    turn.say(
        t.gettext(message).format(example=codes.pretty(EXAMPLE_CODE)), rows(screens.menu_button(t))
    )


async def has_trainers(uow: UnitOfWork, learner: Learner) -> bool:
    """Tell whether the learner is in a group, whose trainer reads their unanswered questions."""
    return await uow.get(COHORTS).membership(learner.id) is not None


async def lesson_sent(uow: UnitOfWork, learner: Learner) -> str | None:
    """Return the lesson a learner's trainer sent them last, if any."""
    # "what lesson did my trainer send me?": the notice had scrolled away, and nothing else
    # named the lesson (the main menu offers it now).
    return await uow.get(PUSHES).lesson_sent(learner.id)


async def join_command(turn: Turn, args: tuple[str, ...]) -> None:
    """Redeem the code typed after /join, or explain how to give one."""
    if not args:
        _with_the_example(
            turn,
            N_(
                "Please tap the link your trainer gave you. "
                "Or send the code after /join, like this: /join {example}"
            ),
        )
        return
    await redeem(turn, ("".join(args),))


def code_in(text: str) -> str | None:
    """Return the code a short message holds, whole or in its groups of four; None otherwise.

    A code as it is printed, four groups of four joined by dashes, counts in a message of any
    length: "hi! my trainer gave me this code VG2B-CFF6-XS5B-8YR5, how i join?" was refused.
    """
    tokens = [token.strip(_EDGES) for token in text.split()]
    printed = (codes.normalize(token) for token in tokens if _PRINTED_CODE.fullmatch(token))
    if (code := next((code for code in printed if code), None)) is not None:
        return code
    for size in range(1, codes.LENGTH // codes.GROUP + 1):
        for start in range(len(tokens) - size + 1):
            parts = tokens[start : start + size]
            # Typed apart, a code is its groups of four: words that happen to make sixteen
            # letters of the code's alphabet ("ce que chatgpt peut") are no code.
            if size > 1 and any(len(part) != codes.GROUP for part in parts):
                continue
            code = codes.normalize("".join(parts))
            if code is not None and len(tokens) - size <= WORDS_WITH_A_CODE:
                return code
    return None


async def typed_code(turn: Turn, text: str) -> bool:
    """Redeem a code typed without /join ("BWU6-MW46-MAHK-QTKS", "join BWU6…"); False otherwise."""
    # A flow that reads typed text (a practice prompt, a certificate's name) keeps it.
    code = None if turn.state.captures_text else code_in(text)
    if code is None:
        return False
    await redeem(turn, (code,))
    return True


def locked_until(wrong: Tally) -> datetime | None:
    """Return until when someone who typed wrong codes must wait; None when they may try."""
    extra = wrong.count - FREE_TRIES
    if extra < 0 or wrong.last_at is None:
        return None
    return wrong.last_at + min(timedelta(minutes=2**extra), MAX_WAIT)


def ask_to_wait(turn: Turn, until: datetime) -> None:
    """Tell someone who typed too many wrong codes how long to wait."""
    t = turn.t
    minutes = math.ceil((until - turn.now).total_seconds() / 60)
    turn.say(
        t.ngettext(
            "Too many wrong codes. Please wait {minutes} minute and try again.",
            "Too many wrong codes. Please wait {minutes} minutes and try again.",
            minutes,
        ).format(minutes=minutes),
        rows(screens.menu_button(t)),
    )


async def redeem(turn: Turn, args: tuple[str, ...]) -> None:
    """Use a cohort code or a trainer invite, from /join or from a `join-<code>` link."""
    t = turn.t
    counters = turn.repo(COUNTERS)
    # Counted under the hashed identity, so that /forget does not give the free tries back.
    until = locked_until(await counters.tally(turn.identity, WRONG_CODES, turn.now))
    if until is not None and until > turn.now:
        ask_to_wait(turn, until)
        return
    typed = codes.normalize(args[0])
    if typed == EXAMPLE_CODE:
        # Copied from the help, the example got "a group code has 16 letters", which it has.
        _with_the_example(
            turn,
            N_(
                "{example} is only an example. Please send the code your trainer gave you, or "
                "tap their link."
            ),
        )
        return
    if typed is None:
        # No code could ever be this: a slip, not a guess, so no try is counted against the
        # learner (nor for the example above).
        _with_the_example(
            turn,
            N_(
                "A group code has 16 letters and digits, like this: {example}. Please send "
                "the one your trainer gave you, or tap their link."
            ),
        )
        return
    # A learner in a group is asked before a link moves them out of it: one shared too widely,
    # or tapped by mistake, took them from their own trainer without a word.
    outcome = await turn.repo(COHORTS).redeem(turn.learner.id, args[0], turn.now, ask_to_move=True)
    if outcome.outcome == "invalid":
        await counters.add(turn.identity, WRONG_CODES, turn.now, turn.now + WRONG_CODES_KEPT)
        turn.say(
            t.gettext(
                "This code does not work. It may be mistyped, too old or stopped. "
                "Please check it, or ask your trainer for a new one."
            ),
            rows(screens.menu_button(t)),
        )
        return
    await counters.clear(turn.identity, WRONG_CODES)
    if outcome.outcome == "trainer":
        # Said once, step by step: coaches who are no computer people asked "and now what?".
        steps = t.gettext(
            "✅ You are now a trainer. To start:\n"
            "1. ➕ New group: give your group a name.\n"
            "2. Share the group's link or code with your learners: they join with it.\n"
            "3. 📤 Send them a lesson or a message.\n"
            "All your tools are in the trainer menu, also with /trainer."
        )
        turn.say(steps, rows(new_cohort_button(turn), trainer_menu_button(turn)))
        if menu := await personal_menu(turn):
            turn.add(menu)
    elif outcome.outcome == "own" and outcome.cohort:
        turn.say(
            t.gettext(
                "You lead the group “{name}”: this is the code your learners join it with. "
                "You see them under /cohort."
            ).format(name=outcome.cohort.name),
            rows(trainer_menu_button(turn)),
        )
    elif outcome.outcome == "move" and outcome.cohort and outcome.previous:
        turn.enter(Moving(outcome.cohort.id))
        turn.say(
            t.gettext(
                "You are in the group “{current}”. Do you want to leave it for the group "
                "“{new}”? Your trainer in “{current}” will no longer see your progress."
            ).format(current=outcome.previous.name, new=outcome.cohort.name),
            rows(
                button(t.gettext("Yes, change group"), ConfirmMove("yes")),
                button(t.gettext("No, stay"), ConfirmMove("no")),
            ),
        )
    elif outcome.cohort is not None:
        _welcome(turn, outcome.cohort, outcome.previous)


async def confirm_move(turn: Turn, chosen: ConfirmMove) -> None:
    """Move to the group a code named after a yes; stay after a no."""
    state = turn.state
    if not isinstance(state, Moving) or chosen.choice not in ("yes", "no"):
        await screens.stale_button(turn)
        return
    turn.leave()
    cohorts = turn.repo(COHORTS)
    if chosen.choice == "yes" and (cohort := await cohorts.get_cohort(state.cohort)) is not None:
        _welcome(turn, cohort, await cohorts.join_cohort(turn.learner.id, cohort.id, turn.now))
        return
    turn.say(turn.t.gettext("OK, you stay in the group."), replace=True)
    await screens.main_menu(turn)


def _welcome(turn: Turn, cohort: Cohort, previous: Cohort | None) -> None:
    """Welcome a learner to a group: what the trainer sees, and how to leave."""
    t = turn.t
    lines = [t.gettext("✅ Welcome to the group “{name}”!").format(name=cohort.name)]
    if previous is not None:
        lines.append(t.gettext("You left the group “{name}”.").format(name=previous.name))
    lines += [
        t.gettext(TRAINER_SEES),
        # The report shows them, names and numbers taken out, from three learners on; what
        # the learner writes about themselves (a town, an employer) may still say who it is.
        t.gettext(
            "Your trainer can also read the questions I could not answer, without your name. "
            "Do not write private things in them."
        ),
        t.gettext(HOW_TO_LEAVE),
    ]
    turn.say("\n\n".join(lines), rows(screens.menu_button(t)))


async def leave(turn: Turn, _: object = None) -> None:
    """Ask the learner to confirm before leaving their cohort."""
    t = turn.t
    member = await turn.repo(COHORTS).membership(turn.learner.id)
    if member is None:
        turn.say(t.gettext("You are not in a group."), rows(screens.menu_button(t)))
        return
    turn.say(
        t.gettext(
            "Do you want to leave the group “{name}”? "
            "Your trainer will no longer see your progress."
        ).format(name=member.cohort.name),
        rows(
            button(t.gettext("Yes, leave the group"), ConfirmLeave("yes")),
            button(t.gettext("No, stay"), ConfirmLeave("no")),
        ),
    )


async def confirm_leave(turn: Turn, chosen: ConfirmLeave) -> None:
    """Leave the cohort after a yes; stay after a no."""
    t = turn.t
    if chosen.choice == "yes":
        if await turn.repo(COHORTS).leave_cohort(turn.learner.id):
            turn.say(
                t.gettext("Done. You left the group. Your progress stays with you."),
                rows(screens.menu_button(t)),
                replace=True,
            )
        else:
            turn.say(t.gettext("You are not in a group."), rows(screens.menu_button(t)))
    elif chosen.choice == "no":
        turn.say(t.gettext("OK, you stay in the group."), replace=True)
        await screens.main_menu(turn)
    else:
        await screens.stale_button(turn)


async def reminders(turn: Turn, _: object = None) -> None:
    """Show whether reminders are on, with the button that switches them."""
    t = turn.t
    if turn.learner.reminders_on:
        text = t.gettext(
            "🔔 Reminders are on. When you have not learnt for a few days, "
            "I send you one short message."
        )
        action_button = button(t.gettext("🔕 Turn reminders off"), SwitchReminders("off"))
    else:
        text = t.gettext("🔕 Reminders are off. I do not send you reminders.")
        action_button = button(t.gettext("🔔 Turn reminders on"), SwitchReminders("on"))
    turn.say(text, rows(action_button, screens.menu_button(t)))


async def switch_reminders(turn: Turn, chosen: SwitchReminders) -> None:
    """Turn reminders off or on from a button."""
    t = turn.t
    if chosen.choice not in {"on", "off"}:
        await screens.stale_button(turn)
        return
    on = chosen.choice == "on"
    await turn.repo(LEARNERS).set_reminders(turn.learner.id, on)
    text = (
        t.gettext("Done. Reminders are on.")
        if on
        else t.gettext("Done. No more reminders. Send /reminders to turn them on again.")
    )
    turn.say(text, rows(screens.menu_button(t)))
