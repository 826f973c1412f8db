"""Fixtures shared by every test: databases (SQLite and PostgreSQL), clock, settings, app."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.app import App, open_app
from bot.config import Settings
from bot.paths import PROJECT_ROOT
from tests.support.chat import Chat
from tests.support.fake_openai import FakeOpenAI
from tests.support.retrieval import build_course_index, shared_index_dir

POSTGRES_ADMIN_URL = os.environ.get(
    "TUTOR_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
FIXTURE_CONTENT = PROJECT_ROOT / "tests" / "fixtures" / "content"


class Clock:
    """A clock the tests move by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _postgres_reachable() -> str | None:
    async def probe() -> None:
        connection = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=3)
        await connection.close()

    try:
        asyncio.run(probe())
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {error}"
    return None


_POSTGRES_SKIP_REASON = _postgres_reachable()


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """Create a throw-away PostgreSQL database for one test and drop it afterwards."""
    if _POSTGRES_SKIP_REASON:
        pytest.skip(_POSTGRES_SKIP_REASON)
    name = f"tutor_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_URL)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    yield f"{base}/{name}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_URL)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return a fresh, empty database URL: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}"


def make_settings(tmp_path: Path, database_url: str, **overrides: object) -> Settings:
    """Build settings isolated in a temporary folder, ignoring the developer's `.env`."""
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "database_url": database_url,
        "_env_file": None,
        # Tests talk far faster than a person types; the flood tests set the real limits.
        "flood_burst": 1_000,
        "flood_queue": 1_000,
    }
    values.update(overrides)
    if "index_dir" not in values and "content_dir" not in values:
        # The real course is embedded once per run, by the first app that needs it.
        values["index_dir"] = shared_index_dir()
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def course_index_dir() -> Path:
    """Index the real course once per run, so every app starts without embedding anything."""
    return build_course_index(shared_index_dir())


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str, course_index_dir: Path) -> Settings:
    return make_settings(tmp_path, sqlite_url, index_dir=course_index_dir)


@pytest.fixture
async def app(settings: Settings, clock: Clock) -> AsyncIterator[App]:
    async with open_app(settings, clock=clock) as opened:
        yield opened


@pytest.fixture
def chat(app: App) -> Chat:
    return Chat(app.tutor, language_code="en")


@pytest.fixture(scope="session")
def fake_openai_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI().running() as server:
        yield server


@pytest.fixture
def fake_openai(fake_openai_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """Return the fake chat-model server on 127.0.0.1, healthy and with no requests yet."""
    fake_openai_server.reset()
    yield fake_openai_server
    fake_openai_server.reset()
