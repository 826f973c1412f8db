"""`tutor run` as a process, over HTTP: long polling through a local Bot API, and a webhook."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from bot.channels.telegram.application import ALLOWED_UPDATES
from bot.channels.telegram.cli import HELP_WHEN_MISSING, HELP_WHEN_REFUSED
from bot.cli import main
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    FakeBotApiServer,
    TelegramUser,
    Updates,
    serving,
    serving_in_thread,
    shared_index_dir,
)

pytestmark = pytest.mark.slow

AMINA = TelegramUser(31_337, "Amina", "Benali", "fr")
SECRET_QUESTION = "Mon numéro est le 0470 12 34 56, est-ce grave ?"
# Starting the tutor (migrations, course, index) takes seconds; this only guards against hangs.
GIVE_UP_AFTER = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, server: FakeBotApiServer, **extra: str
) -> dict[str, str]:
    """Return the environment of a bot process: the fake API, and its own data folder."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("TUTOR_") and name != "TELEGRAM_BOT_TOKEN"
    }
    return {
        **inherited,
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TUTOR_TELEGRAM_BASE_URL": server.base_url,
        "TUTOR_DATA_DIR": str(tmp_path / "data"),
        "TUTOR_INDEX_DIR": str(shared_index_dir(tmp_path_factory)),
        "TUTOR_LOG_LEVEL": "INFO",
        **extra,
    }


@asynccontextmanager
async def tutor_run(
    environment: dict[str, str], log: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """Start `tutor run` in its own folder (no .env), logging to a file; kill it if left."""
    with log.open("ab") as log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=environment,
            cwd=log.parent,
            stdout=log_file,
            stderr=log_file,
        )
        try:
            yield process
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()


async def served(
    api: BotApi, process: asyncio.subprocess.Process, condition: Callable[[], bool]
) -> None:
    """Wait until the fake API sees `condition`, failing at once if the bot process ends."""
    waiting = asyncio.ensure_future(api.wait_for(condition, GIVE_UP_AFTER))
    ended = asyncio.ensure_future(process.wait())
    await asyncio.wait({waiting, ended}, return_when=asyncio.FIRST_COMPLETED)
    if not waiting.done():
        waiting.cancel()
        raise AssertionError(f"tutor run ended with code {process.returncode}; see its log")
    ended.cancel()
    waiting.result()


async def listening(port: int) -> None:
    """Wait until the webhook server accepts connections.

    python-telegram-bot sets the webhook before its server listens; Telegram retries a refused
    delivery, the test waits instead.
    """
    async with asyncio.timeout(GIVE_UP_AFTER):
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            await writer.wait_closed()
            return


async def stop(process: asyncio.subprocess.Process) -> int:
    """Send SIGTERM, as systemd or Docker do, and return the exit code."""
    process.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(process.wait(), GIVE_UP_AFTER)


def greetings(api: BotApi) -> int:
    return sum(text.startswith("Bonjour") for text in api.sent_texts(AMINA.id))


async def test_long_polling_answers_learners_and_a_restart_handles_nothing_twice(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    api = BotApi()
    updates = Updates()
    log = tmp_path / "tutor.log"
    start = updates.command(AMINA, "start")
    async with serving(api) as server:
        env = environment(tmp_path, tmp_path_factory, server)
        api.push_update(start)
        async with tutor_run(env, log) as process:
            await served(api, process, lambda: len(api.sent_texts(AMINA.id)) >= 2)
            menu = list(api.messages[AMINA.id].values())[-1]
            greeted = len(api.sent_texts(AMINA.id))
            api.push_update(updates.tap(AMINA, menu, "v2:progress.show"))
            api.push_update(updates.text(AMINA, SECRET_QUESTION))
            # The progress, then the answer to the question.
            await served(api, process, lambda: len(api.sent_texts(AMINA.id)) == greeted + 2)
            assert await stop(process) == 0

        first_run = list(api.calls)
        # Telegram sends an update again when its offset was not confirmed before a restart.
        api.push_update(start)
        api.push_update(updates.command(AMINA, "progress"))
        async with tutor_run(env, log) as process:
            await served(api, process, lambda: not api.pending_updates)
            await served(
                api, process, lambda: sum("📊" in text for text in api.sent_texts(AMINA.id)) == 2
            )
            assert await stop(process) == 0

    assert greetings(api) == 1
    started = [call.method for call in first_run[:6]]
    assert started[0] == "getMe"
    assert started.count("setMyCommands") == 4
    assert "deleteWebhook" in started
    polls = [call for call in first_run if call.method == "getUpdates"]
    assert polls[0].params["allowed_updates"] == ALLOWED_UPDATES
    assert len(api.calls_to("answerCallbackQuery")) == 1
    logs = log.read_text()
    # What it is doing while Telegram does not answer yet, and what it cannot do without its name.
    assert "Connecting to Telegram…" in logs
    assert "TUTOR_TELEGRAM_BOT_USERNAME is not set: join links" in logs
    assert BOT_TOKEN.split(":")[1] not in logs
    assert SECRET_QUESTION not in logs
    assert "Amina" not in logs
    assert "Traceback" not in logs


async def post_large(port: int, body_size: int, *, chunked: bool) -> bytes:
    """Send a large JSON body without the secret token; return the answer, empty if cut off."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    chunk = b" " * 65_536
    length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {body_size}"
    try:
        writer.write(
            b"POST /telegram/hook HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + f"Content-Type: application/json\r\n{length}\r\n\r\n".encode()
        )
        for _ in range(body_size // len(chunk)):
            writer.write(f"{len(chunk):x}\r\n{chunk.decode()}\r\n".encode() if chunked else chunk)
            await writer.drain()
        if chunked:
            writer.write(b"0\r\n\r\n")
        await writer.drain()
        answer = await reader.read()
    except ConnectionError:
        # The server hung up while the body was still coming: refused before its end.
        answer = b""
    writer.close()
    return answer


async def test_a_webhook_takes_updates_only_with_the_secret_token(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    api = BotApi()
    update = Updates().command(AMINA, "start")
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    secret = "s3cret-Webhook_token"
    async with serving(api) as server:
        env = environment(
            tmp_path,
            tmp_path_factory,
            server,
            TUTOR_WEBHOOK_URL=url,
            TUTOR_WEBHOOK_LISTEN="127.0.0.1",
            TUTOR_WEBHOOK_PORT=str(port),
            TUTOR_WEBHOOK_SECRET=secret,
        )
        async with tutor_run(env, tmp_path / "tutor.log") as process:
            await served(api, process, lambda: bool(api.webhook))
            await listening(port)
            async with httpx.AsyncClient() as client:
                without = await client.post(url, json=update)
                wrong = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
                )
                assert api.sent_texts(AMINA.id) == []
                announced, streamed = [
                    await asyncio.wait_for(post_large(port, 4_000_000, chunked=c), GIVE_UP_AFTER)
                    for c in (False, True)
                ]
                right = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
                )
                twice = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
                )
            await served(api, process, lambda: len(api.sent_texts(AMINA.id)) >= 2)
            assert await stop(process) == 0

    assert (without.status_code, wrong.status_code) == (403, 403)
    # Refused part-way (a 400, or the connection closed); read to the end, each would be a 403.
    assert not announced.startswith(b"HTTP/1.1 403 ")
    assert not streamed.startswith(b"HTTP/1.1 403 ")
    assert (right.status_code, twice.status_code) == (200, 200)
    assert api.webhook["url"] == url
    assert api.webhook["secret_token"] == secret
    assert api.webhook["allowed_updates"] == ALLOWED_UPDATES
    assert greetings(api) == 1
    assert api.calls_to("getUpdates") == []


def test_a_refused_token_stops_the_bot_with_a_clear_message(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = BotApi(token="7000000001:a-token-that-botfather-revoked")
    monkeypatch.chdir(tmp_path)
    with serving_in_thread(api) as server:
        for name, value in environment(tmp_path, tmp_path_factory, server).items():
            monkeypatch.setenv(name, value)

        code = main(["run"])

    assert code == 2
    assert capsys.readouterr().err.endswith(HELP_WHEN_REFUSED)
    assert "Invalid token" in caplog.text
    assert BOT_TOKEN.split(":")[1] not in caplog.text


def test_a_missing_token_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("TUTOR_TELEGRAM_BOT_TOKEN", raising=False)

    assert main(["run"]) == 2
    assert capsys.readouterr().err == HELP_WHEN_MISSING


async def test_a_webhook_serves_the_operations_routes_and_logs_json_lines(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    api = BotApi()
    updates = Updates()
    start = updates.command(AMINA, "start")
    question = updates.text(AMINA, SECRET_QUESTION)
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    secret = "0ps-Webhook_token"
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
    log = tmp_path / "tutor.log"
    async with serving(api) as server:
        env = environment(
            tmp_path,
            tmp_path_factory,
            server,
            TUTOR_WEBHOOK_URL=url,
            TUTOR_WEBHOOK_PORT=str(port),
            TUTOR_WEBHOOK_SECRET=secret,
            TUTOR_LOG_FORMAT="json",
        )
        async with tutor_run(env, log) as process:
            await served(api, process, lambda: bool(api.webhook))
            await listening(port)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                alive = await client.get("/healthz")
                async with asyncio.timeout(GIVE_UP_AFTER):
                    # Polled as a load balancer does, until the index has loaded.
                    while (await client.get("/readyz")).status_code != 200:  # noqa: ASYNC110
                        await asyncio.sleep(0.1)
                for update in (start, start, question):
                    answer = await client.post("/telegram/hook", json=update, headers=headers)
                    assert answer.status_code == 200
                await served(api, process, lambda: len(api.sent_texts(AMINA.id)) >= 3)
                metrics = (await client.get("/metrics")).text
            assert await stop(process) == 0

    assert alive.status_code == 200
    assert 'tutor_updates_total{kind="command",outcome="handled"} 1.0' in metrics
    # /start delivered again shows the menu again, read-only.
    assert 'tutor_updates_total{kind="command",outcome="replayed"} 1.0' in metrics
    assert 'tutor_updates_total{kind="text",outcome="handled"} 1.0' in metrics
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    [again] = [line for line in lines if "delivered again" in line["message"]]
    assert again["update_id"] == str(start["update_id"])
    assert again["level"] == "INFO"
    text = log.read_text()
    assert SECRET_QUESTION not in text
    assert BOT_TOKEN.split(":")[1] not in text
    assert secret not in text
