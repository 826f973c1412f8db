"""The one place that builds the tutor from settings, and closes what it opened."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import Settings
from bot.course.loader import load_course
from bot.delivery import Worker
from bot.i18n import load_translators
from bot.storage.db import Database
from bot.tutor import core_router
from bot.tutor.engine import Tutor
from bot.tutor.router import Router, Services


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
    # Started by the Telegram front end with its deliverer, cancelled at shutdown.
    workers: list[Worker] = field(default_factory=list)


@asynccontextmanager
async def open_app(
    settings: Settings, *, clock: Callable[[], datetime] = utc_now
) -> AsyncIterator[App]:
    """Open the database (migrated), load the course and catalogs, and wire the tutor."""
    database = Database(settings.resolved_database_url)
    try:
        await database.upgrade()
        course = load_course(settings.content_dir)
        translators = load_translators(settings.locales_dir, settings.timezone)
        services = Services(
            course=course,
            translators=translators,
            clock=clock,
            default_language=settings.default_language,
        )
        router = core_router()
        yield App(settings, database, services, router, Tutor(database, services, router))
    finally:
        await database.close()
