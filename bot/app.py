"""The one place that builds the tutor from settings, and closes what it opened."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.adapters.db.database import Database
from bot.adapters.llm import usage as llm_usage
from bot.adapters.search import Retriever, open_retriever
from bot.adapters.search.search import terminal_progress
from bot.channels.telegram import store as telegram_store
from bot.config import Settings
from bot.core.delivery import Worker
from bot.core.engine import Tutor
from bot.core.router import Router, Services
from bot.course.loader import load_course
from bot.features.answers.flows import Answers
from bot.features.practice import repo as llm_attempts
from bot.features.practice.flows import Practice
from bot.features.simpler.flows import Simpler
from bot.features.trainers import register as register_trainers
from bot.features.trainers import repo as trainers_repo
from bot.features.trainers.options import DeliveryOptions, TrainerOptions
from bot.features.trainers.scheduler import Scheduler
from bot.features.trainers.worker import OutboxWorker
from bot.i18n import load_translators
from bot.language import LanguageDetector
from bot.features import core_router

if TYPE_CHECKING:
    from bot.adapters.llm.chains import TutorChains
    from bot.adapters.llm.client import ChatClient


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
    # Started by the Telegram front end with its deliverer, cancelled at shutdown.
    workers: list[Worker] = field(default_factory=list)


def open_chat_model(settings: Settings) -> tuple[ChatClient, TutorChains] | None:
    """Build the chat model and its chains when one is configured.

    LangChain and the OpenAI SDK take seconds to import; a tutor without a model never pays that.
    """
    if not settings.llm_enabled:
        return None
    from bot.adapters.llm.chains import TutorChains
    from bot.adapters.llm.client import open_chat_client

    client = open_chat_client(settings)
    assert client is not None
    return client, TutorChains(client, settings.prompts_dir)


@asynccontextmanager
async def open_app(
    settings: Settings, *, clock: Callable[[], datetime] = utc_now
) -> AsyncIterator[App]:
    """Open the database (migrated), load the course and catalogs, and wire the tutor."""
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
                ("telegram", telegram_store.export),
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
        register_trainers(router, trainer_options)
        workers: list[Worker] = [
            Scheduler(database, services, trainer_options.zone),
            OutboxWorker(
                database, services, DeliveryOptions.from_settings(settings), trainer_options.zone
            ),
        ]
        tutor = Tutor(database, services, router)
        yield App(settings, database, services, router, tutor, retriever, workers)
    finally:
        if chat_client is not None:
            await chat_client.aclose()
        if retriever is not None:
            await retriever.close()
        await database.close()
