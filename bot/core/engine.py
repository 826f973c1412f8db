"""The tutor: one event in, replies out, in one database transaction per event."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from bot.core.events import (
    ButtonPress,
    Command,
    Event,
    Sender,
    Spoken,
    Text,
    Unheard,
    Unsupported,
)
from bot.core.meter import Meter, NoMeter
from bot.core.ports import LEARNERS, UnitOfWork, UnitsOfWork
from bot.core.replies import Reply
from bot.core.router import Router, Services, Turn
from bot.core.text import unshouted, valid_unicode
from bot.features.menu import flows as screens
from bot.features.menu.buttons import ChooseLanguage
from bot.logs import update_context

logger = logging.getLogger(__name__)

# Commands that work before a learner has chosen a language.
LANGUAGE_FREE_COMMANDS = frozenset({"start", "language", "mydata", "forget"})
# Asked by someone the tutor holds nothing about (after /forget, say), these are answered so
# without storing anything: showing or deleting their data should not begin a record.
DATA_COMMANDS = frozenset({"mydata", "forget"})
NAME_MAX_CHARS = 32
# Records, in the turn's transaction, that an event was handled; False when a committed turn
# already recorded it (the channel delivered the same event again).
Claim = Callable[[UnitOfWork], Awaitable[bool]]
# The kind of each event, as metrics name it.
EVENT_KINDS: dict[type[Event], str] = {
    Command: "command",
    ButtonPress: "button",
    Text: "text",
    Unsupported: "unsupported",
}


def display_name(sender: Sender) -> str | None:
    """Keep the least a trainer needs to recognise someone: first name and an initial."""
    first = valid_unicode(sender.first_name or "").strip()[:NAME_MAX_CHARS]
    initial = valid_unicode(sender.last_name or "").strip()[:1]
    name = f"{first} {initial}." if first and initial else first
    return name or None


class _ReadOnly(Exception):  # noqa: N818 - a way out of the unit of work, not an error
    """Carry a replay's replies out of its unit of work, which rolls it back."""

    def __init__(self, replies: list[Reply]) -> None:
        super().__init__("replayed")
        self.replies = replies


class Tutor:
    """Handle events for any learner on any transport; all state is in the database."""

    def __init__(
        self, units: UnitsOfWork, services: Services, router: Router, meter: Meter | None = None
    ) -> None:
        self.units = units
        self.services = services
        self.router = router
        self.meter = meter or NoMeter()

    async def handle(
        self, sender: Sender, event: Event, *, claim: Claim | None = None
    ) -> list[Reply]:
        """Handle one event and return the replies to show; with `claim`, handle it once.

        The claim commits with the turn. If a turn is interrupted before it commits, the event
        delivered again is simply handled. If it committed but its replies were lost (a crash
        before they were sent), the event delivered again is a tap or a command whose route is
        replayable (a quiz answer, a lesson card, /quiz), or a question typed where questions
        are answered, handled again in a transaction that is rolled back, so that the learner
        sees the stored outcome or the answer again; any other event gets no reply.
        """
        started = time.perf_counter()
        outcome = "failed"
        # Log lines of this turn carry the channel's update id, or one of their own.
        with update_context():
            try:
                replies, outcome = await self._handle_once(sender, event, claim)
                return replies
            except Exception:
                # Logged without the event's content: learners' messages never reach the logs.
                logger.exception(
                    "Event %s from a %s learner failed", type(event).__name__, sender.channel
                )
                translator = self.services.translator(sender.language_code)
                return [screens.something_went_wrong(translator)]
            finally:
                kind = EVENT_KINDS.get(type(event), "other")
                self.meter.turn(kind, outcome, time.perf_counter() - started)

    async def _handle_once(
        self, sender: Sender, event: Event, claim: Claim | None
    ) -> tuple[list[Reply], str]:
        """Handle the event in one unit of work; say whether it was handled, replayed or skipped."""
        for wait in self.router.ahead:
            await wait(event)
        try:
            async with self.units() as uow:
                if claim is None or await claim(uow):
                    return await self._handle(uow, sender, event), "handled"
                replayable = self._replayable(event)
                logger.info(
                    "A %s event delivered again was %s",
                    type(event).__name__,
                    "replayed" if replayable else "skipped",
                )
                if not replayable:
                    return [], "duplicate"
                raise _ReadOnly(await self._handle(uow, sender, event, replaying=True))
        except _ReadOnly as replay:
            return replay.replies, "replayed"

    async def _handle(
        self, uow: UnitOfWork, sender: Sender, event: Event, *, replaying: bool = False
    ) -> list[Reply]:
        learners = uow.get(LEARNERS)
        now = self.services.clock()
        # Held until the turn commits: one turn at a time per learner, in any process.
        learner = await learners.arrive(sender.channel, sender.external_id, now)
        if learner is None:
            if isinstance(event, ButtonPress):
                # A button from before /forget (or forged): answer without storing anything.
                return [screens.unknown_sender_button(self.services, sender)]
            if isinstance(event, Command) and event.name in DATA_COMMANDS:
                return [screens.nothing_kept(self.services, sender)]
            learner = await learners.create(
                sender.channel,
                sender.external_id,
                now,
                self.services.languages.from_code(sender.language_code),
                display_name(sender),
            )
            turn = Turn(sender, learner, self.services, uow, now)
            await screens.first_contact(turn)
            if isinstance(event, Command) and event.name == "start" and event.args:
                await self._deep_link(turn, event.args[0])
        else:
            stored = await learners.conversation(learner.id)
            conversation = self.router.states.load_conversation(*stored)
            shown = await learners.buttons(learner.id)
            turn = Turn(sender, learner, self.services, uow, now, conversation, shown=shown)
            await self._dispatch(turn, event, replaying=replaying)
        if not turn.forgotten:
            codec = self.router.states
            resume = turn.conversation.resume
            await learners.save_conversation(
                learner.id,
                codec.dump(turn.conversation.current),
                codec.dump(resume) if resume else None,
                turn.lesson_id,
                now,
                turn.on_screen(),
            )
        return turn.replies

    async def _dispatch(self, turn: Turn, event: Event, *, replaying: bool = False) -> None:
        if turn.learner.language is None and not self._is_language_choice(event):
            if not isinstance(event, Text):
                await screens.ask_language(turn)
                return
            # Many newcomers type rather than tap: a language's name, a greeting, a question.
            typed = await screens.take_typed_language(turn, event.text)
            if typed is None or not typed.question:
                return
        match event:
            case Command(name="start", args=(payload, *_)):
                await self._deep_link(turn, payload)
                await screens.main_menu(turn, ())
            case Command(name=name, args=args):
                route = self.router.commands.get(name)
                if route is not None:
                    await route.handler(turn, args)
                elif turn.state.literal_text or not await self._read_first(
                    turn, f"/{name.replace('_', ' ')}"
                ):
                    # Unless read as words: "/langue", "/aide", "/progres" in another language.
                    # With its slash: a command, never the words a flow waits for.
                    await screens.unknown_command(turn, name)
            case ButtonPress(data=data):
                await self._press(turn, data)
            case Text(text=text):
                await self._text(turn, text, replaying=replaying)
            case Spoken() | Unheard():
                await self._voice_note(turn, event)
            case Unsupported(kind=kind):
                await screens.unsupported(turn, (kind,))

    async def _deep_link(self, turn: Turn, payload: str) -> None:
        prefix, _, value = payload.partition("-")
        handler = self.router.deep_links.get(prefix)
        if handler is not None and value:
            await handler(turn, (value,))

    async def _press(self, turn: Turn, data: str) -> None:
        found = self.router.button_for(data)
        if found is None:
            await screens.stale_button(turn, ())
            return
        route, value = found
        await route.handler(turn, value)

    async def _text(self, turn: Turn, text: str, *, replaying: bool = False) -> None:
        route = self.router.text_route(turn.state)
        if replaying and (route is None or not route.replayable):
            # Typed in a flow that the first delivery may have left (a name for the certificate,
            # a push): the state now is not the one the words were meant for.
            return
        # A lone surrogate (which a client can send) cannot be stored, searched or shown.
        text = valid_unicode(text).strip()
        if not text:
            await screens.main_menu(turn, ())
            return
        if len(text) > turn.state.max_text_chars:
            await screens.too_long(turn, ())
            return
        if not turn.state.literal_text:
            # What is copied as typed (a trainer's message, a name) keeps its capitals.
            text = unshouted(text)
            if await self._read_first(turn, text):
                return
        if route is None:
            await screens.no_free_text(turn, ())
            return
        await route.handler(turn, text)

    async def _read_first(self, turn: Turn, text: str) -> bool:
        """Let the filters that read free text first answer it; False when none did."""
        for read_first in self.router.text_filters:
            if await read_first(turn, text):
                return True
        return False

    async def _voice_note(self, turn: Turn, note: Spoken | Unheard) -> None:
        hear = self.router.hearing
        if hear is None:
            await screens.unsupported(turn, ("voice",))
            return
        typed = await hear(turn, note)
        if typed is not None:
            await self._text(turn, typed)

    def _replayable(self, event: Event) -> bool:
        if isinstance(event, Command):
            command = self.router.commands.get(event.name)
            # A link's `/start join-…` uses a code, which the first delivery may have used up.
            deep_link = event.name == "start" and bool(event.args)
            return command is not None and command.replayable and not deep_link
        if isinstance(event, Text):
            return True  # when its flow's text route is replayable, which the turn knows
        if not isinstance(event, ButtonPress):
            return False
        found = self.router.button_for(event.data)
        return found is not None and found[0].replayable

    def _is_language_choice(self, event: Event) -> bool:
        if isinstance(event, ButtonPress):
            found = self.router.button_for(event.data)
            return found is not None and isinstance(found[1], ChooseLanguage)
        return isinstance(event, Command) and event.name in LANGUAGE_FREE_COMMANDS
