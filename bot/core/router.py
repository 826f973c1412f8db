"""Route events to the features' handlers; a turn carries the learner, their state and replies."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from bot.config import Language
from bot.core import callbacks
from bot.core.callbacks import CallbackData
from bot.core.events import Sender
from bot.core.feature import (
    Ahead,
    Audience,
    ButtonRoute,
    CommandRoute,
    Departure,
    Handler,
    HearingHandler,
    LessonSuggester,
    Manifest,
    QuestionReaders,
    RoleCheck,
    StrayReader,
    TextFilter,
    TextHandler,
    TextRoute,
)
from bot.core.languages import LanguageProfile, LanguageRegistry
from bot.core.limits import IdentityHasher
from bot.core.ports import Learner, Port, UnitOfWork
from bot.core.replies import Button, CommandMenu, Keyboard, Message, Question, Reply
from bot.core.state import Conversation, FlowState, StateCodec
from bot.course.model import Course
from bot.i18n import Translator

# Returns the part of a learner's /mydata export one feature owns.
Exporter = Callable[[UnitOfWork, int], Awaitable[Any]]
T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    """What every handler may use: the course, the languages and their catalogs, the clock."""

    course: Course
    translators: dict[Language, Translator]
    clock: Callable[[], datetime]
    languages: LanguageRegistry
    # Each feature that stores data about a learner adds the part of /mydata it owns.
    exporters: Sequence[tuple[str, Exporter]] = ()
    # What features do when someone deletes their data (/forget), besides deleting its rows.
    departures: Sequence[Departure] = ()
    default_language: Language = "en"
    # The commands of every feature, for /help and the channels' command menus.
    commands: Sequence[CommandRoute] = ()
    # Free text outside any flow that reads it: a question for the course.
    answer_text: TextHandler | None = None
    # Read before the tutor refuses a free text outside the course.
    stray_readers: Sequence[StrayReader] = ()
    # Who reads a learner's questions the lessons did not answer.
    question_readers: Sequence[QuestionReaders] = ()
    # Every feature's buttons by action, for words typed that ask for what a button does.
    buttons: Mapping[str, ButtonRoute[Any]] = field(default_factory=dict)
    # Who sees more commands than learners do.
    roles: Sequence[RoleCheck] = ()
    # Who suggests lessons to a learner: their trainer, through a push.
    suggesters: Sequence[LessonSuggester] = ()
    # The code the limits are kept under; the app's salt lasts across restarts, this one not.
    identity_hasher: IdentityHasher = field(
        default_factory=lambda: IdentityHasher(secrets.token_bytes(32))
    )

    def help_entries(self, audience: Audience) -> list[CommandRoute]:
        """Return the commands that have a help line for an audience, in feature order."""
        return [c for c in self.commands if c.help and c.audience == audience]

    async def audiences(self, uow: UnitOfWork, learner: Learner) -> list[Audience]:
        """Return the audiences whose commands a person sees: learners', then their roles'."""
        found = {audience for check in self.roles for audience in await check(uow, learner)}
        return ["learner", *(a for a in ("trainer", "admin") if a in found)]

    async def suggested_lesson(self, uow: UnitOfWork, learner: Learner) -> str | None:
        """Return the lesson most recently suggested to a learner, if anyone did."""
        for suggest in self.suggesters:
            if (lesson_id := await suggest(uow, learner)) is not None:
                return lesson_id
        return None

    async def questions_read(self, uow: UnitOfWork, learner: Learner) -> bool:
        """Tell whether someone reads this learner's questions the lessons did not answer."""
        for readers in self.question_readers:
            if await readers(uow, learner):
                return True
        return False

    def command_menu(self, language: Language, audiences: Sequence[Audience]) -> CommandMenu:
        """Return the command menu of these audiences in a language."""
        t = self.translators[language]
        return CommandMenu(
            tuple(
                (command.name, t.gettext(command.help or ""))
                for audience in audiences
                for command in self.help_entries(audience)
            )
        )

    def language(self, code: str | None) -> Language:
        """Return the offered language a code names (`nl`, a client's `nl-BE`), else the default."""
        return self.languages.from_code(code) or self.default_language

    def translator(self, code: str | None) -> Translator:
        """Return the translator of the language a code names, else the default language's."""
        return self.translators[self.language(code)]


@dataclass
class Turn:
    """One event being handled: who, in which language and state, and the replies."""

    sender: Sender
    learner: Learner
    services: Services
    uow: UnitOfWork
    now: datetime
    conversation: Conversation = field(default_factory=Conversation)
    replies: list[Reply] = field(default_factory=list)
    # The buttons on the learner's screen as the turn began: those of the last reply with some.
    shown: tuple[Button, ...] = ()
    # Set when the learner's data was deleted during the turn: nothing more is stored.
    forgotten: bool = False

    @property
    def language(self) -> Language:
        """Return the learner's language (the default one until they choose, or if it is off)."""
        return self.services.language(self.learner.language)

    @property
    def profile(self) -> LanguageProfile:
        """Return the profile of the learner's language."""
        return self.services.languages.profile(self.language)

    @property
    def t(self) -> Translator:
        """Return the translator of the learner's language."""
        return self.services.translators[self.language]

    @property
    def course(self) -> Course:
        """Return the course."""
        return self.services.course

    @property
    def identity(self) -> str:
        """Return the hashed channel identity the learner's limits are kept under."""
        return self.services.identity_hasher(self.learner.channel, self.learner.external_id)

    def repo(self, port: Port[T]) -> T:
        """Return a repository, in this turn's unit of work."""
        return self.uow.get(port)

    @property
    def state(self) -> FlowState:
        """Return where the learner is in the conversation."""
        return self.conversation.current

    @property
    def lesson_id(self) -> str | None:
        """Return the learner's current lesson, also while a review or practice interrupts it."""
        return self.conversation.lesson_id

    def go(self, state: FlowState) -> None:
        """Move the learner to a state, ending any interruption."""
        self.conversation = self.conversation.go(state)

    def enter(self, state: FlowState) -> None:
        """Interrupt the learner's flow with another, remembering where to go back to."""
        self.conversation = self.conversation.enter(state)

    def leave(self) -> None:
        """End the current flow and go back to the interrupted one (or idle)."""
        self.conversation = self.conversation.leave()

    def on_screen(self) -> tuple[Button, ...]:
        """Return the buttons on screen after the turn: its replies' if they have any."""
        shown = tuple(
            button for reply in self.replies for row in _keyboard(reply) for button in row
        )
        # A reply without buttons (a voice note, a picture) leaves those above it in place.
        return shown or self.shown

    def say(self, text: str, keyboard: Keyboard = (), *, replace: bool = False) -> None:
        """Add a text reply."""
        self.replies.append(Message(text=text, keyboard=keyboard, replace=replace))

    def add(self, reply: Reply) -> None:
        """Add any other reply (a document, a picture, a question)."""
        self.replies.append(reply)


def _keyboard(reply: Reply) -> Keyboard:
    if isinstance(reply, Message):
        return reply.keyboard
    return reply.keyboard() if isinstance(reply, Question) else ()


async def personal_menu(turn: Turn) -> CommandMenu | None:
    """Return the command menu of someone who sees more commands than learners, else None."""
    audiences = await turn.services.audiences(turn.uow, turn.learner)
    if audiences == ["learner"]:
        return None
    return turn.services.command_menu(turn.language, audiences)


async def press(turn: Turn, data: CallbackData) -> bool:
    """Do what tapping a button with this data does; False when no feature handles it."""
    route = turn.services.buttons.get(data.action)
    if route is None:
        return False
    await route.handler(turn, data)
    return True


def button_for(
    buttons: Mapping[str, ButtonRoute[Any]], data: str
) -> tuple[ButtonRoute[Any], CallbackData] | None:
    """Return the route and typed data of a button's data; None when stale or forged."""
    parsed = callbacks.split(data)
    route = buttons.get(parsed[0]) if parsed else None
    if parsed is None or route is None:
        return None
    value = route.data.unpack(parsed[1])
    return (route, value) if value is not None else None


def action_of(shown: Button) -> str | None:
    """Return the action a button's data names; None when the data is not the tutor's."""
    parsed = callbacks.split(shown.data)
    return parsed[0] if parsed else None


async def press_shown(turn: Turn, shown: Button) -> bool:
    """Do what tapping a button on screen does, for words naming it; False if they may not."""
    found = button_for(turn.services.buttons, shown.data)
    if found is None or not found[0].by_words:
        return False
    await found[0].handler(turn, found[1])
    return True


async def run_command(turn: Turn, name: str | None, audience: Audience = "learner") -> bool:
    """Do what a command of `audience` does; False when there is no such command."""
    for route in turn.services.commands:
        if route.name == name and route.audience == audience:
            await route.handler(turn, ())
            return True
    return False


async def read_as_stray(turn: Turn, text: str) -> bool:
    """Let the features read a text outside the course before it is refused; True if one did."""
    for read in turn.services.stray_readers:
        if await read(turn, text):
            return True
    return False


def rows(*buttons: Button | None) -> Keyboard:
    """Lay buttons out one per row, skipping missing ones."""
    return tuple((button,) for button in buttons if button is not None)


def button(label: str, data: CallbackData) -> Button:
    """Return a button carrying typed data."""
    return Button(label, data.pack())


class RouteCollisionError(Exception):
    """Two features claim the same command, button action, deep link or flow."""


@dataclass
class Router:
    """Map commands, buttons, deep links, free text (per flow) and voice notes to handlers."""

    commands: dict[str, CommandRoute] = field(default_factory=dict)
    buttons: dict[str, ButtonRoute[Any]] = field(default_factory=dict)
    texts: dict[str | None, TextRoute] = field(default_factory=dict)
    text_filters: list[TextFilter] = field(default_factory=list)
    deep_links: dict[str, Handler] = field(default_factory=dict)
    hearing: HearingHandler | None = None
    ahead: list[Ahead] = field(default_factory=list)
    states: StateCodec = field(default_factory=lambda: StateCodec(()))
    _owners: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, manifests: Iterable[Manifest]) -> Router:
        """Build the router of the assembled features; refuse any clash at start."""
        router = cls()
        states: list[type[FlowState]] = []
        for manifest in manifests:
            router._add(manifest)
            states += manifest.states
        router.states = StateCodec(states)
        return router

    def _add(self, manifest: Manifest) -> None:
        for command in manifest.commands:
            self._claim(f"/{command.name}", manifest.name)
            self.commands[command.name] = command
        for route in manifest.buttons:
            action = route.data.action
            if action.split(".", 1)[0] != manifest.name:
                raise RouteCollisionError(
                    f"{manifest.name} declares {action!r} outside its namespace"
                )
            self._claim(f"button {action}", manifest.name)
            self.buttons[action] = route
        for text in manifest.texts:
            self._claim(f"text in {text.flow or 'any flow'}", manifest.name)
            self.texts[text.flow] = text
        self.text_filters += manifest.text_filters
        self.ahead += manifest.ahead
        if manifest.hearing is not None:
            self._claim("voice notes", manifest.name)
            self.hearing = manifest.hearing
        for link in manifest.deep_links:
            self._claim(f"link {link.prefix}", manifest.name)
            self.deep_links[link.prefix] = link.handler

    def _claim(self, what: str, feature: str) -> None:
        if what in self._owners:
            raise RouteCollisionError(
                f"{what} is claimed by both {self._owners[what]} and {feature}"
            )
        self._owners[what] = feature

    def button_for(self, data: str) -> tuple[ButtonRoute[Any], CallbackData] | None:
        """Return the route and typed data of a tapped button; None when stale or forged."""
        return button_for(self.buttons, data)

    def text_route(self, state: FlowState) -> TextRoute | None:
        """Return the route of free text in a state: the flow's own, else the general one."""
        return self.texts.get(state.flow) or self.texts.get(None)
