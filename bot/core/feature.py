"""The manifest every feature exposes: what it handles, stores, exports, says and runs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from bot.core.callbacks import CallbackData
from bot.core.events import Event, Spoken, Unheard
from bot.core.lazy import Lazy
from bot.core.ports import Learner, Port, UnitOfWork
from bot.core.state import FlowState

if TYPE_CHECKING:
    from bot.adapters.db.database import Database
    from bot.adapters.search import Retriever
    from bot.config import Settings
    from bot.core.delivery import Channel, Worker
    from bot.core.model import TutorModel
    from bot.core.router import Exporter, Services, Turn
    from bot.course.model import Course
    from bot.features.usage.budget import DailyBudget
    from bot.language import LanguageDetector
    from bot.outbox.mailbox import Mailbox

Handler = Callable[["Turn", tuple[str, ...]], Awaitable[None]]
# Deletes, given a database session and the time now, every learner's rows whose time is up.
Sweep = Callable[[Any, datetime], Awaitable[None]]
TextHandler = Callable[["Turn", str], Awaitable[None]]
# Reads free text before the flow's own handler and the question answerer; returns True when
# it answered, and the text goes no further (small talk: "merci", "ok", "👍").
TextFilter = Callable[["Turn", str], Awaitable[bool]]
# Reads free text the topic gate finds outside the course, before the tutor refuses it; returns
# True when it answered ("c'est quoi mon score": progress, worded as no listed phrase is).
StrayReader = Callable[["Turn", str], Awaitable[bool]]
# Waits, before an event's transaction opens, for what its handling will need that is still
# loading in the background (the lesson index): no turn holds the database while it waits.
Ahead = Callable[["Event"], Awaitable[None]]
# Answers a voice note; returns the words to handle as if typed, or None when it answered itself.
HearingHandler = Callable[["Turn", Spoken | Unheard], Awaitable[str | None]]
# Tells whether someone reads a learner's questions the lessons did not answer (their trainer):
# with no reader, such a question is not kept.
QuestionReaders = Callable[[UnitOfWork, Learner], Awaitable[bool]]
Audience = Literal["learner", "trainer", "admin"]
# The lesson someone suggested to a learner most recently (their trainer's push), if any.
LessonSuggester = Callable[[UnitOfWork, Learner], Awaitable[str | None]]
# Which audiences beyond learners a person belongs to, asked in a unit of work.
RoleCheck = Callable[[UnitOfWork, Learner], Awaitable[Iterable[Audience]]]
C = TypeVar("C", bound=CallbackData)
T = TypeVar("T")


@dataclass(frozen=True)
class CommandRoute:
    """A slash command, with the line that /help and the channel's command menu show for it."""

    name: str
    handler: Handler
    help: str | None = None  # marked with N_(), translated where the language is known
    audience: Audience = "learner"
    # As for buttons: handled again, it shows what it first showed and changes nothing more.
    replayable: bool = False


@dataclass(frozen=True)
class ButtonRoute(Generic[C]):
    """The handler of one kind of button, given the button's typed data."""

    data: type[C]
    handler: Callable[[Turn, C], Awaitable[None]]
    # Handling the same tap again shows what the first showed and changes nothing more, so a
    # tap delivered again after its turn committed is handled again, read-only (see the engine).
    replayable: bool = False
    # Typed words that name the button on screen do what tapping it does; not for an act that
    # cannot be undone and asks for a tap on purpose (deleting one's data).
    by_words: bool = True


@dataclass(frozen=True)
class TextRoute:
    """The handler of free text typed in one flow, or in any flow without its own (None)."""

    handler: TextHandler
    flow: str | None = None
    # Answering the same words again in the same flow shows what the first answer showed, so a
    # text delivered again after its turn committed is answered again, read-only (see the engine).
    replayable: bool = False


@dataclass(frozen=True)
class DeepLinkRoute:
    """The handler of `/start <prefix>-<value>` links, such as `join-<code>`."""

    prefix: str
    handler: Handler


@dataclass(frozen=True)
class Departure:
    """What a feature does when someone deletes their data, besides deleting its rows.

    `warning` returns what they should know before they confirm (None: nothing to tell);
    `prepare` runs in the same transaction, just before their learner row is deleted.
    """

    warning: Callable[[Turn], Awaitable[str | None]]
    prepare: Callable[[Turn], Awaitable[None]]


@dataclass(frozen=True)
class Manifest:
    """Everything one feature brings to the assembled tutor; the assembler iterates these."""

    name: str  # the namespace of its button actions and flows
    commands: tuple[CommandRoute, ...] = ()
    buttons: tuple[ButtonRoute[Any], ...] = ()
    texts: tuple[TextRoute, ...] = ()
    # Read before any text route, in the order of the features, except in `literal_text` states.
    text_filters: tuple[TextFilter, ...] = ()
    # Read by the question answerer, for text the topic gate finds outside the course.
    stray_readers: tuple[StrayReader, ...] = ()
    question_readers: tuple[QuestionReaders, ...] = ()
    # What a voice note is made of (at most one feature hears them).
    hearing: HearingHandler | None = None
    deep_links: tuple[DeepLinkRoute, ...] = ()
    states: tuple[type[FlowState], ...] = ()
    # Its repositories: a port and the adapter built on each unit of work's database session.
    repositories: tuple[tuple[Port[Any], Callable[[Any], Any]], ...] = ()
    exporters: tuple[tuple[str, Exporter], ...] = ()
    departures: tuple[Departure, ...] = ()
    # What it keeps for a short time only: one background job deletes it once its time is up.
    sweeps: tuple[Sweep, ...] = ()
    # Background jobs, built once the assembled services exist.
    workers: tuple[Callable[[Services], Worker], ...] = ()
    # Kinds of messages sent through the outbox, by the one worker that serves them all.
    mailboxes: Iterable[Mailbox[Any]] = ()
    # Who, besides learners, sees more commands in /help and the command menu.
    roles: tuple[RoleCheck, ...] = ()
    # Lessons suggested to a learner, which the main menu offers until they are done.
    suggesters: tuple[LessonSuggester, ...] = ()
    ahead: tuple[Ahead, ...] = ()
    # Built in the background before the index, one after the other, so that the first text
    # does not wait for them (one that comes sooner builds them in its `ahead`): the phrase
    # lists that read free text. Never one that needs the index: the index waits for them.
    warm: tuple[Lazy[Any], ...] = ()
    # Built in the background after the index and the language detector, one after the other:
    # what the first question would otherwise wait for seconds (the phrases of small talk
    # embedded with the index's encoder, the lesson that teaches each glossary term).
    warm_after_index: tuple[Lazy[Any], ...] = ()


@dataclass(frozen=True)
class FeatureContext:
    """What the assembler hands each feature to build its manifest."""

    settings: Settings
    course: Course
    database: Database
    # Slow to open: they load in the background while the tutor starts, or on first use.
    retriever: Lazy[Retriever]
    detector: Lazy[LanguageDetector]
    chains: TutorModel | None
    budget: DailyBudget
    # The channels the process serves, filled while it serves them (join links come from them).
    channels: Mapping[str, Channel]

    def start_loading(self) -> None:
        """Begin loading the lesson index, then the language detector, unless begun already."""
        start_loading(self.retriever, self.detector)


def start_loading(
    retriever: Lazy[Retriever],
    detector: Lazy[LanguageDetector],
    warm: Iterable[Lazy[Any]] = (),
    warm_after_index: Iterable[Lazy[Any]] = (),
) -> None:
    """Begin loading, one at a time: phrase lists, the index, the detector, then the rest.

    The phrase lists first: every text reads them, and they take a few tenths of a second, where
    the index takes seconds; a text that comes meanwhile waits for them only.
    """
    before: Lazy[Any] | None = None
    for value in warm:
        value.start(after=before)
        before = value
    retriever.start(after=before)
    detector.start(after=retriever)
    before = detector
    for value in warm_after_index:
        value.start(after=before)
        before = value


class Deferred(Generic[T]):
    """Items a function returns when they are iterated over, not when the module loads.

    A feature declares its tables this way, so that its manifest, and the flow tests that build
    it, load without SQLAlchemy.
    """

    def __init__(self, items: Callable[[], Iterable[T]]) -> None:
        self._items = items

    def __iter__(self) -> Iterator[T]:
        """Iterate over what the function returns."""
        return iter(self._items())


def on(
    data: type[C],
    handler: Callable[[Turn, C], Awaitable[None]],
    *,
    replayable: bool = False,
    by_words: bool = True,
) -> ButtonRoute[C]:
    """Route one kind of button to its handler (typed, so the two cannot disagree)."""
    return ButtonRoute(data, handler, replayable, by_words)
