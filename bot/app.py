"""The one place that builds the tutor from settings, and closes what it opened."""

from __future__ import annotations

import asyncio
import inspect
import logging
import sys
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import MetaData

from bot.adapters.db.counters import SqlCounters
from bot.adapters.db.database import Database, open_database
from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.sweeper import Sweeper
from bot.adapters.db.tables import CORE_TABLES, Base
from bot.adapters.db.unit import SqlUnits
from bot.channels import telegram as telegram_channel
from bot.channels import terminal as terminal_channel
from bot.channels import web as web_channel
from bot.channels.telegram import tables as telegram_tables
from bot.config import Settings
from bot.core.delivery import Channel, Worker
from bot.core.engine import Tutor
from bot.core.feature import FeatureContext, Manifest, start_loading
from bot.core.guard import GuardedModel
from bot.core.languages import LanguageRegistry
from bot.core.lazy import Lazy
from bot.core.limits import COUNTERS, IdentityHasher
from bot.core.meter import Meter, NoMeter, Watched
from bot.core.ports import LEARNERS, Port
from bot.core.router import Exporter, Router, Services
from bot.course.loader import load_course
from bot.course.model import Course
from bot.features.answers import feature as answers
from bot.features.certificate import feature as certificate
from bot.features.dashboard import feature as dashboard
from bot.features.gain import feature as gain
from bot.features.lessons import feature as lessons
from bot.features.menu import feature as menu
from bot.features.practice import feature as practice
from bot.features.privacy import feature as privacy
from bot.features.progress import feature as progress
from bot.features.quiz import feature as quiz
from bot.features.review import feature as review
from bot.features.settings import feature as settings_feature
from bot.features.simpler import feature as simpler
from bot.features.smalltalk import feature as smalltalk
from bot.features.trainers import feature as trainers
from bot.features.usage import feature as usage
from bot.features.usage.budget import DailyBudget
from bot.features.voice import feature as voice
from bot.features.wellbeing import feature as wellbeing
from bot.i18n import load_translators
from bot.language import LanguageDetector
from bot.outbox.options import DeliveryOptions
from bot.outbox.worker import OutboxWorker
from bot.salt import identity_salt

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.llm.chains import TutorChains
    from bot.adapters.llm.client import ChatClient
    from bot.adapters.search import Retriever
    from bot.adapters.speech.speech import Speech
    from bot.ops.metrics import Metrics

logger = logging.getLogger(__name__)


class Feature(Protocol):
    """A feature package's `feature` module: its catalog, tables and how to build its manifest."""

    __name__: str
    DOMAIN: str  # the gettext domain of its messages

    @property
    def TABLES(self) -> Iterable[type[Base]]:  # noqa: N802 - the module constant it describes
        """Return its tables: a tuple, or `Deferred` to load SQLAlchemy only when asked."""
        ...

    def manifest(self, context: FeatureContext, /) -> Manifest:
        """Return what the feature brings to the tutor."""
        ...


# The one list of features; their order is the order of /help and of the command menus, and of
# the filters that read free text first: distress before a quiz reads an answer into it.
FEATURES: tuple[Feature, ...] = (
    wellbeing,
    menu,
    lessons,
    quiz,
    review,
    practice,
    simpler,
    voice,
    progress,
    certificate,
    settings_feature,
    gain,
    privacy,
    smalltalk,
    answers,
    usage,
    trainers,
    dashboard,
)


# Loading the index holds the interpreter for seconds: started with the serving, it put off the
# reply to a /start waiting at start by about 0.3 s (2.2 against 1.9 s from the process start).
LOAD_AFTER_SECONDS: Final = 1.0

# The front ends' own messages (menus, kind refusals), by gettext domain.
CHANNEL_CATALOGS: Final = {
    "telegram": telegram_channel,
    "tutor": terminal_channel,
    "web": web_channel,
}


def catalog_sources() -> dict[str, list[Path]]:
    """Return the folders whose messages go into each gettext domain."""
    sources: dict[str, list[Path]] = {}
    modules = [(f.DOMAIN, sys.modules[f.__name__]) for f in FEATURES]
    for domain, module in [*modules, *CHANNEL_CATALOGS.items()]:
        sources.setdefault(domain, []).append(Path(inspect.getfile(module)).parent)
    return sources


def schema() -> MetaData:
    """Return the metadata of every table: the core's, the channels' and each feature's."""
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    tables = (*CORE_TABLES, *telegram_tables.TABLES, *(t for f in FEATURES for t in f.TABLES))
    for table in tables:
        Base.metadata.tables[table.__tablename__].to_metadata(metadata)
    return metadata


def utc_now() -> datetime:
    """Return the current time, timezone-aware."""
    return datetime.now(UTC)


@dataclass
class App:
    """Everything a front end needs, opened together and closed together."""

    settings: Settings
    database: Database
    services: Services
    router: Router
    tutor: Tutor
    # Slow to open; they load in the background once the app serves, or on first use.
    retriever: Lazy[Retriever]
    detector: Lazy[LanguageDetector]
    # Run while the app is `serving` channels, cancelled when it stops.
    workers: list[Worker] = field(default_factory=list)
    # The channels this process serves, by name: trainers get the join links of theirs.
    channels: dict[str, Channel] = field(default_factory=dict)
    # The chat model behind its output guard, when there is one.
    model: GuardedModel | None = None
    # What the front end exports to Prometheus, when it does.
    metrics: Metrics | None = None
    # The running task of each worker, while serving.
    _tasks: dict[int, asyncio.Task[None]] = field(default_factory=dict)
    # Reads course text aloud and hears voice notes, for the front ends; None for operators.
    speech: Speech | None = None
    # Built in the background before the index (the features' phrase lists), and after it.
    warm: tuple[Lazy[Any], ...] = ()
    warm_after_index: tuple[Lazy[Any], ...] = ()

    @asynccontextmanager
    async def serving(
        self, channels: Sequence[Channel], *, workers: Sequence[Worker] = ()
    ) -> AsyncIterator[None]:
        """Serve these channels, running every worker (the app's and the front end's) meanwhile.

        The features' phrase lists, the lesson index and the language detector begin loading
        in the background a moment later (`LOAD_AFTER_SECONDS`), or as soon as a text needs
        them: the updates waiting when the process starts are answered first, which their
        loading would slow down.
        """
        loading = asyncio.get_running_loop().call_later(
            LOAD_AFTER_SECONDS,
            start_loading,
            self.retriever,
            self.detector,
            self.warm,
            self.warm_after_index,
        )
        deliverers = {channel.name: channel.deliverer for channel in channels}
        jobs = [*self.workers, *workers]
        tasks = [asyncio.create_task(job.run(deliverers)) for job in jobs]
        for job, task in zip(jobs, tasks, strict=True):
            task.add_done_callback(_report_crash)
            self._tasks[id(job)] = task
        # Served twice at once (two bots on one app), the inner one gives the outer one back.
        outer = {name: self.channels.get(name) for name in deliverers}
        self.channels.update((channel.name, channel) for channel in channels)
        try:
            yield
        finally:
            for name, channel in outer.items():
                if channel is None:
                    del self.channels[name]
                else:
                    self.channels[name] = channel
            loading.cancel()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for job in jobs:
                self._tasks.pop(id(job), None)

    def worker_health(self) -> dict[str, str]:
        """Return the state of each watched worker: "ok", or why it is not."""
        health = {}
        for worker in self.workers:
            if not isinstance(worker, Watched):
                continue
            task = self._tasks.get(id(worker))
            if task is None:
                health[worker.name] = "not started"
            elif task.done():
                health[worker.name] = "stopped"
            else:
                health[worker.name] = "ok" if worker.alive() else "stalled"
        return health


async def _forget_ended_counters(session: AsyncSession, now: datetime) -> None:
    await SqlCounters(session).forget_ended(now)


def _report_crash(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (error := task.exception()) is not None:
        logger.error("A background task stopped", exc_info=error)


def open_chat_model(
    settings: Settings, metrics: Metrics | None = None
) -> tuple[ChatClient, TutorChains] | None:
    """Build the chat model and its chains when one is configured, counted in `metrics`.

    LangChain and the OpenAI SDK take seconds to import; a tutor without a model never pays that.
    """
    if not settings.llm_enabled:
        return None
    from bot.adapters.llm.chains import TutorChains
    from bot.adapters.llm.client import open_chat_client
    from bot.adapters.llm.metering import ModelMeter

    client = open_chat_client(settings, [ModelMeter(metrics)] if metrics else [])
    assert client is not None
    return client, TutorChains(client, settings.prompts_dir, settings.languages)


def _open_retriever(settings: Settings, course: Course) -> Retriever:
    # Imported here: the search stack (chromadb, the embedder) takes seconds to load.
    from bot.adapters.search.search import open_retriever, terminal_progress

    # Embeds the lessons that are new or changed since the last start (all on the first).
    return open_retriever(settings, course, progress=terminal_progress())


def _open_speech(settings: Settings, course: Course) -> Speech:
    from bot.adapters.speech.speech import open_speech

    return open_speech(settings, course.speech)


def _loaded_detector(languages: LanguageRegistry) -> LanguageDetector:
    detector = LanguageDetector(languages)
    detector.load()
    return detector


@asynccontextmanager
async def open_app(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    exporters: Sequence[tuple[str, Exporter]] = (),
    chat_model: bool = True,
    metrics: Metrics | None = None,
) -> AsyncIterator[App]:
    """Open the database (migrated), load the course and catalogs, and wire the tutor.

    The lesson index and the language detector are not opened here: they load in the background
    once the app is `serving`, or when first used. `chat_model=False` (the operator's tools,
    which handle no learner's turn) opens no chat model and no speech engines either.
    `exporters` are the front end's own parts of /mydata, shown before the features'. `metrics`,
    given by a front end that exports them, count turns, deliveries and model calls, and get
    their gauges refreshed.
    """
    meter: Meter = metrics or NoMeter()
    languages = settings.languages
    detector = Lazy(partial(_loaded_detector, languages), name="language detector")
    chat_client: ChatClient | None = None
    speech: Speech | None = None
    warm: tuple[Lazy[Any], ...] = ()
    warm_after_index: tuple[Lazy[Any], ...] = ()
    async with open_database(settings) as database:
        course = load_course(settings.content_dir, languages.codes)
        retriever = Lazy(partial(_open_retriever, settings, course), name="lesson index")
        try:
            speech = _open_speech(settings, course) if chat_model else None
            opened_model = open_chat_model(settings, metrics) if chat_model else None
            chat_client, chains = opened_model if opened_model else (None, None)
            # Every reply of the model is checked before a learner reads it.
            model = GuardedModel(chains, detector) if chains else None
            budget = DailyBudget(settings.llm_daily_limit, ZoneInfo(settings.timezone))
            channels: dict[str, Channel] = {}
            context = FeatureContext(
                settings, course, database, retriever, detector, model, budget, channels
            )
            manifests = [feature.manifest(context) for feature in FEATURES]
            router = Router.of(manifests)
            services = Services(
                course=course,
                translators=load_translators(settings.locales_dir, languages, settings.timezone),
                clock=clock,
                languages=languages,
                default_language=settings.default_language,
                exporters=(
                    *exporters,
                    *(exporter for manifest in manifests for exporter in manifest.exporters),
                ),
                departures=tuple(step for manifest in manifests for step in manifest.departures),
                commands=tuple(router.commands.values()),
                answer_text=general.handler if (general := router.texts.get(None)) else None,
                buttons=router.buttons,
                stray_readers=tuple(
                    read for manifest in manifests for read in manifest.stray_readers
                ),
                question_readers=tuple(
                    readers for manifest in manifests for readers in manifest.question_readers
                ),
                roles=tuple(check for manifest in manifests for check in manifest.roles),
                suggesters=tuple(
                    suggest for manifest in manifests for suggest in manifest.suggesters
                ),
                identity_hasher=IdentityHasher(identity_salt(settings)),
            )
            workers = [build(services) for manifest in manifests for build in manifest.workers]
            sweeps = [sweep for manifest in manifests for sweep in manifest.sweeps]
            workers.append(Sweeper(database, clock, [*sweeps, _forget_ended_counters]))
            mailboxes = [box for manifest in manifests for box in manifest.mailboxes]
            if mailboxes:
                options = DeliveryOptions.from_settings(settings)
                workers.append(OutboxWorker(database, services, options, mailboxes, meter))
            if metrics is not None:
                from bot.ops.gauges import GaugeWorker

                zone = ZoneInfo(settings.timezone)
                tables = [box.table for box in mailboxes]
                workers.append(GaugeWorker(database, metrics, clock, zone, tables))
            core: dict[Port[Any], Callable[[Any], Any]] = {
                LEARNERS: SqlLearners,
                COUNTERS: SqlCounters,
            }
            bindings = core | {
                port: build for manifest in manifests for port, build in manifest.repositories
            }
            tutor = Tutor(SqlUnits(database, bindings), services, router, meter)
            warm = tuple(value for manifest in manifests for value in manifest.warm)
            warm_after_index = tuple(
                value for manifest in manifests for value in manifest.warm_after_index
            )
            yield App(
                settings,
                database,
                services,
                router,
                tutor,
                retriever,
                detector,
                workers,
                channels,
                model,
                metrics,
                speech=speech,
                warm=warm,
                warm_after_index=warm_after_index,
            )
        finally:
            if chat_client is not None:
                await chat_client.aclose()
            if speech is not None:
                await speech.aclose()
            # What has not begun loading is left unbuilt; what warms up after the index uses it,
            # so a build under way ends before the index closes.
            for value in (*warm, retriever, detector, *warm_after_index):
                value.cancel()
            for value in warm_after_index:
                await asyncio.to_thread(value.ended)
            # An index still loading is closed once loaded, never left half-written.
            if (opened := await asyncio.to_thread(retriever.ended)) is not None:
                await opened.close()
