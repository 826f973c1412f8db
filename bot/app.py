"""The one place that builds the tutor from settings, and closes what it opened."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.course.loader import load_course
from bot.delivery import Channel, Worker
from bot.i18n import load_translators
from bot.language import LanguageDetector
from bot.llm import attempts as llm_attempts
from bot.llm import usage as llm_usage
from bot.retrieval import Retriever, open_retriever
from bot.retrieval.search import terminal_progress
from bot.storage.db import Database
from bot.trainers import register as register_trainers
from bot.trainers import repo as trainers_repo
from bot.trainers.options import DeliveryOptions, TrainerOptions
from bot.trainers.scheduler import Scheduler
from bot.trainers.worker import OutboxWorker
from bot.tutor import core_router
from bot.tutor.answers import Answers
from bot.tutor.engine import Tutor
from bot.tutor.practice import Practice
from bot.tutor.router import Exporter, Router, Services
from bot.tutor.simpler import Simpler

if TYPE_CHECKING:
    from bot.llm.chains import TutorChains
    from bot.llm.client import ChatClient

logger = logging.getLogger(__name__)


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
    retriever: Retriever
    # Run while the app is `serving` channels, cancelled when it stops.
    workers: list[Worker] = field(default_factory=list)
    # The channels this process serves, by name: trainers get the join links of theirs.
    channels: dict[str, Channel] = field(default_factory=dict)

    @asynccontextmanager
    async def serving(
        self, channels: Sequence[Channel], *, workers: Sequence[Worker] = ()
    ) -> AsyncIterator[None]:
        """Serve these channels, running every worker (the app's and the front end's) meanwhile."""
        deliverers = {channel.name: channel.deliverer for channel in channels}
        tasks = [asyncio.create_task(job.run(deliverers)) for job in [*self.workers, *workers]]
        for task in tasks:
            task.add_done_callback(_report_crash)
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
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def _report_crash(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (error := task.exception()) is not None:
        logger.error("A background task stopped", exc_info=error)


def open_chat_model(settings: Settings) -> tuple[ChatClient, TutorChains] | None:
    """Build the chat model and its chains when one is configured.

    LangChain and the OpenAI SDK take seconds to import; a tutor without a model never pays that.
    """
    if not settings.llm_enabled:
        return None
    from bot.llm.chains import TutorChains
    from bot.llm.client import open_chat_client

    client = open_chat_client(settings)
    assert client is not None
    return client, TutorChains(client, settings.prompts_dir)


@asynccontextmanager
async def open_app(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    exporters: Sequence[tuple[str, Exporter]] = (),
) -> AsyncIterator[App]:
    """Open the database (migrated), load the course and catalogs, and wire the tutor.

    `exporters` are the front end's own parts of /mydata, shown before the core's.
    """
    database = Database(settings.resolved_database_url)
    retriever: Retriever | None = None
    chat_client: ChatClient | None = None
    try:
        detector = LanguageDetector()
        # Its models load outside the GIL while the index opens, not on the first question.
        threading.Thread(target=detector.load, name="load-language-models", daemon=True).start()
        await database.upgrade()
        course = load_course(settings.content_dir)
        # Embeds the lessons that are new or changed since the last start (all on the first).
        retriever = await asyncio.to_thread(
            open_retriever, settings, course, progress=terminal_progress()
        )
        translators = load_translators(settings.locales_dir, settings.timezone)
        services = Services(
            course=course,
            translators=translators,
            clock=clock,
            default_language=settings.default_language,
            exporters=(
                *exporters,
                ("trainers", trainers_repo.export_person),
                ("llm_usage", llm_usage.export_usage),
                ("prompt_practice", llm_attempts.export_practice),
            ),
        )
        router = core_router()
        chat_model = open_chat_model(settings)
        chat_client, chains = chat_model if chat_model else (None, None)
        budget = llm_usage.DailyBudget(settings.llm_daily_limit, ZoneInfo(settings.timezone))
        privacy_lesson = settings.privacy_lesson_id
        Answers(retriever, detector, chains, budget, course, privacy_lesson).register(router)
        Simpler(chains, budget, course).register(router)
        Practice(chains, budget, privacy_lesson).register(router)
        trainer_options = TrainerOptions.from_settings(settings)
        channels: dict[str, Channel] = {}
        register_trainers(router, trainer_options, channels)
        workers: list[Worker] = [
            Scheduler(database, services, trainer_options.zone),
            OutboxWorker(
                database, services, DeliveryOptions.from_settings(settings), trainer_options.zone
            ),
        ]
        tutor = Tutor(database, services, router)
        yield App(settings, database, services, router, tutor, retriever, workers, channels)
    finally:
        if chat_client is not None:
            await chat_client.aclose()
        if retriever is not None:
            await retriever.close()
        await database.close()
