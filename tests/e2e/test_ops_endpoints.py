"""/healthz, /readyz and /metrics over HTTP, on TUTOR_OPS_PORT beside a running Telegram bot."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.app import App, open_app
from bot.channels.telegram.application import EXPORTERS
from bot.core.lazy import Lazy
from bot.ops.gauges import GaugeWorker
from bot.ops.metrics import Metrics
from tests.conftest import Clock, make_settings
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    shared_index_dir,
)

# The index loads in the background from the shared, already built one; this only guards hangs.
GIVE_UP_AFTER = 120
PREVIOUS_REVISION = "0007_cohorts_outlive_trainers"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """A running bot with its operations port, and an HTTP client for it."""

    def __init__(self, app: App, chat: TelegramChat, client: httpx.AsyncClient) -> None:
        self.app = app
        self.chat = chat
        self.client = client

    async def ready(self) -> dict[str, Any]:
        """Wait until /readyz says 200 (the index loads in the background); return its body."""
        async with asyncio.timeout(GIVE_UP_AFTER):
            # Polled as a load balancer does: the process signals nothing.
            while (answer := await self.client.get("/readyz")).status_code != 200:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
        body: dict[str, Any] = answer.json()
        return body

    async def not_ready(self) -> dict[str, Any]:
        """Ask /readyz, which must answer 503; return its body."""
        answer = await self.client.get("/readyz")
        assert answer.status_code == 503
        assert answer.headers["content-type"].startswith("application/json")
        body: dict[str, Any] = answer.json()
        return body

    async def samples(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        """Return every sample /metrics shows, by name and labels."""
        answer = await self.client.get("/metrics")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/plain; version=")
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(answer.text)
            for sample in family.samples
        }


@pytest_asyncio.fixture
async def served(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    port = free_port()
    settings = make_settings(
        tmp_path,
        f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}",
        telegram_bot_token=SecretStr(BOT_TOKEN),
        index_dir=shared_index_dir(tmp_path_factory),
        ops_port=port,
    )
    api = BotApi()
    opening = open_app(settings, clock=Clock(), exporters=EXPORTERS, metrics=Metrics())
    async with opening as app:
        application = application_for(app, api)
        chat = TelegramChat(application, api, TelegramUser(52_001, "Lea"), Updates())
        async with (
            running(application),
            httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client,
        ):
            yield Served(app, chat, client)


async def test_a_serving_bot_is_alive_and_ready(served: Served) -> None:
    alive = await served.client.get("/healthz")
    body = await served.ready()

    assert (alive.status_code, alive.json()) == (200, {"status": "alive"})
    assert body == {
        "ready": True,
        "failed": [],
        "checks": {
            "database": "ok",
            "migrations": "ok",
            "index": "ok",
            "warm_up": "ok",
            "outbox": "ok",
        },
    }


async def test_a_database_that_does_not_answer_is_not_ready(served: Served) -> None:
    await served.ready()
    database = served.app.database
    working = database.engine
    database.engine = create_async_engine(f"postgresql+asyncpg://tutor@127.0.0.1:{free_port()}/x")
    try:
        body = await served.not_ready()
    finally:
        await database.engine.dispose()
        database.engine = working

    assert body["failed"] == ["database", "migrations"]
    assert body["checks"]["database"].startswith("unreachable: ConnectionRefusedError")
    assert body["checks"]["migrations"] == "unknown"
    await served.ready()


async def test_a_database_behind_the_latest_migration_is_not_ready(served: Served) -> None:
    await served.ready()
    async with served.app.database.session() as session:
        [head] = (await session.execute(text("SELECT version_num FROM alembic_version"))).all()
        await session.execute(
            text("UPDATE alembic_version SET version_num = :old"), {"old": PREVIOUS_REVISION}
        )
    body = await served.not_ready()
    async with served.app.database.session() as session:
        await session.execute(
            text("UPDATE alembic_version SET version_num = :head"), {"head": head[0]}
        )

    assert body["failed"] == ["migrations"]
    assert body["checks"]["migrations"] == "not at the latest revision"
    await served.ready()


async def test_an_index_still_loading_or_failed_is_not_ready(served: Served) -> None:
    await served.ready()
    loaded = served.app.retriever

    def broken() -> Any:
        raise OSError("the index folder is gone")

    # Never started: as before the background load ends.
    served.app.retriever = Lazy(broken, name="lesson index")
    loading = await served.not_ready()
    with pytest.raises(OSError, match="the index folder is gone"):
        served.app.retriever.get()
    failed = await served.not_ready()
    served.app.retriever = loaded

    assert (loading["failed"], loading["checks"]["index"]) == (["index"], "loading")
    assert (failed["failed"], failed["checks"]["index"]) == (["index"], "failed to load")
    await served.ready()


async def test_a_stopped_outbox_worker_is_not_ready(served: Served) -> None:
    await served.ready()
    [outbox] = [worker for worker in served.app.workers if getattr(worker, "name", "") == "outbox"]
    # As if it had crashed: its task ends while the bot goes on.
    task = served.app._tasks[id(outbox)]
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)

    body = await served.not_ready()

    assert body["failed"] == ["outbox"]
    assert body["checks"]["outbox"] == "stopped"


async def test_a_stalled_outbox_worker_is_not_ready(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    await served.ready()
    [outbox] = [worker for worker in served.app.workers if getattr(worker, "name", "") == "outbox"]
    monkeypatch.setattr(outbox, "alive", lambda: False)

    body = await served.not_ready()

    assert (body["failed"], body["checks"]["outbox"]) == (["outbox"], "stalled")


async def test_the_counters_move_after_an_update(served: Served) -> None:
    before = await served.samples()
    await served.chat.command("start")
    await served.chat.command("start")
    await served.chat.send_media("sticker")
    [gauges] = [worker for worker in served.app.workers if isinstance(worker, GaugeWorker)]
    await gauges.refresh()
    after = await served.samples()

    def moved(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert moved("tutor_updates_total", kind="command", outcome="handled") == 2
    assert moved("tutor_updates_total", kind="unsupported", outcome="handled") == 1
    assert moved("tutor_turn_seconds_count", kind="command") == 2
    assert moved("tutor_turn_seconds_bucket", kind="command", le="+Inf") == 2
    assert after[("tutor_learners_active", (("window", "today"),))] == 1
    assert after[("tutor_learners_active", (("window", "7d"),))] == 1
    assert after[("tutor_outbox_pending", ())] == 0
    assert after[("tutor_outbox_oldest_age_seconds", ())] == 0
