"""Time the tutor's updates side by side with two bare python-telegram-bot anchors.

In one process, through the same in-process fake Bot API and with Telegram's rate limiter off:

- `echo`: a bare Application that answers every update (a message, or a tap's answer and edit);
- `one_row`: the same, committing one row per update to the same kind of database;
- the tutor, as `tutor run` builds it.

Each learner does /start, opens the first lesson, turns a card, asks for the quiz, answers its
first question, taps Next and answers the second (the first answer of a day stores more: the
streak and the usual hour), and asks a free question; the anchors get the same kinds of
updates. Every update is timed from the moment the update processor takes it to the moment its
handler returned, as PTB's own fetcher would run it. Learners run 1 at a time and then 20 and
200 at once, on SQLite and on PostgreSQL (a throw-away database next to `--postgres-admin-url`,
skipped when it cannot be reached).
Retrieval's own p50 on the same questions is measured apart, so the free-text overhead is seen,
and one more learner's updates count the SQL statements each kind runs.

    python -m benchmarks.turns            # 60 sequential learners, 1/20/200 at once
    python -m benchmarks.turns --short    # 15 sequential learners, 1/20 at once

Results go to stdout and benchmarks/results/turns.json; ratios are tutor p50 / anchor p50 of the
same run, which the noise of a shared machine moves less than the times. The peak memory and the
cold start of a real `tutor run` process, and search on a course ten times larger, are measured
by benchmarks/footprint.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

import asyncpg
import sqlalchemy as sa
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.adapters.search.search import index_course
from bot.app import App, open_app
from bot.channels.telegram.application import build_application
from bot.config import Settings
from bot.course.loader import load_course
from tests.support.buttons import data
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    RecordingRequest,
    TelegramUser,
    Updates,
    running,
)

RESULTS = Path(__file__).parent / "results" / "turns.json"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
KINDS = (
    "start",
    "open",
    "next_card",
    "quiz",
    "answer",
    "next_question",
    "next_answer",
    "free_text",
)
QUESTIONS = (
    "c'est quoi un deepfake ?",
    "est-ce que je peux mettre mon CV dans ChatGPT ?",
    "pourquoi l'IA invente des choses ?",
    "comment écrire une bonne question pour un chatbot ?",
)

Steps = Callable[["Learner"], Awaitable[None]]


@dataclass
class Learner:
    """One simulated learner, and the milliseconds each of their updates took, by kind."""

    user: TelegramUser
    updates: Updates
    application: Application[Any, Any, Any, Any, Any, Any]
    api: BotApi
    times: dict[str, list[float]] = field(default_factory=dict)
    # When given: how many SQL statements the database ran so far, and then per kind of update.
    executed: Callable[[], int] | None = None
    statements: dict[str, int] = field(default_factory=dict)

    async def send(self, kind: str, update: dict[str, Any]) -> None:
        """Process one update as PTB's fetcher does, and time it."""
        parsed = Update.de_json(update, self.application.bot)
        before = self.executed() if self.executed else 0
        started = time.perf_counter()
        await self.application.update_processor.process_update(
            parsed, self.application.process_update(parsed)
        )
        self.times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        if self.executed:
            self.statements[kind] = self.executed() - before

    def tap(self, callback_data: str) -> dict[str, Any]:
        """Build a tap on the latest message that carries this button."""
        messages = self.api.messages.get(self.user.id, {}).values()
        for message in reversed(list(messages)):
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            if any(button["callback_data"] == callback_data for row in rows for button in row):
                return self.updates.tap(self.user, message, callback_data)
        raise LookupError(callback_data, [m.get("text", "")[:80] for m in messages][-3:])

    def first_button(self) -> str:
        """Return the callback data of the first button of the latest message with buttons."""
        for message in reversed(list(self.api.messages.get(self.user.id, {}).values())):
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            if rows:
                return str(rows[0][0]["callback_data"])
        raise LookupError("no buttons")


def tutor_steps(lesson_id: str) -> Steps:
    """Return the learner's path through the tutor: start, lesson, card, quiz, answer, question."""

    async def steps(learner: Learner) -> None:
        user, updates = learner.user, learner.updates
        await learner.send("start", updates.command(user, "start"))
        await learner.send("open", learner.tap(data("lessons.open", lesson_id)))
        await learner.send("next_card", learner.tap(data("lessons.card", lesson_id, 1)))
        await learner.send("quiz", updates.command(user, "quiz"))
        await learner.send("answer", learner.tap(learner.first_button()))
        await learner.send("next_question", learner.tap(learner.first_button()))
        await learner.send("next_answer", learner.tap(learner.first_button()))
        await learner.send("free_text", updates.text(user, QUESTIONS[user.id % len(QUESTIONS)]))

    return steps


def anchor_steps() -> Steps:
    """Return the same kinds of updates for an anchor bot, whose every reply has one button."""

    async def steps(learner: Learner) -> None:
        user, updates = learner.user, learner.updates
        await learner.send("start", updates.command(user, "start"))
        await learner.send("open", learner.tap(learner.first_button()))
        await learner.send("next_card", learner.tap(learner.first_button()))
        await learner.send("quiz", updates.command(user, "quiz"))
        await learner.send("answer", learner.tap(learner.first_button()))
        await learner.send("next_question", learner.tap(learner.first_button()))
        await learner.send("next_answer", learner.tap(learner.first_button()))
        await learner.send("free_text", updates.text(user, QUESTIONS[user.id % len(QUESTIONS)]))

    return steps


def anchor_application(
    api: BotApi, engine: AsyncEngine | None
) -> Application[Any, Any, Any, Any, Any, Any]:
    """Build a bare bot that answers everything, committing one row first if given a database."""
    rows = sa.table("turns", sa.column("chat_id", sa.BigInteger), sa.column("at", sa.Float))
    markup = {"inline_keyboard": [[{"text": "Next", "callback_data": "next"}]]}

    async def reply(update: object, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert isinstance(update, Update)
        chat = update.effective_chat
        assert chat is not None
        if engine is not None:
            async with engine.begin() as connection:
                await connection.execute(sa.insert(rows).values(chat_id=chat.id, at=time.time()))
        query = update.callback_query
        if query is not None:
            await query.answer()
            await query.edit_message_text("ok", reply_markup=markup)  # type: ignore[arg-type]
        else:
            await chat.send_message("ok", reply_markup=markup)  # type: ignore[arg-type]

    application = (
        Application.builder()
        .token(BOT_TOKEN)
        .request(RecordingRequest(api))
        .get_updates_request(RecordingRequest(api))
        .concurrent_updates(256)
        .build()
    )
    application.add_handler(TypeHandler(Update, reply))
    return application


def new_updates(ids: count[int]) -> Updates:
    """Return a maker of updates whose ids no earlier maker of this run handed out."""
    # Ids are taken 1 per learner of a run and 1 per run; a learner's path uses 13 update ids
    # (a tap takes two), so 100 per id taken leaves room to grow.
    return Updates(first_id=next(ids) * 100)


def summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """Return the median and 95th percentile, in milliseconds."""
    ordered = sorted(milliseconds)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
    }


async def run_learners(
    application: Application[Any, Any, Any, Any, Any, Any],
    api: BotApi,
    steps: Steps,
    ids: count[int],
    learners: int,
    at_once: int,
) -> dict[str, Any]:
    """Let `learners` learners follow `steps`, `at_once` of them at a time; time every update."""
    updates = new_updates(ids)
    done: list[Learner] = []
    started = time.perf_counter()
    for first in range(0, learners, at_once):
        batch = [
            Learner(TelegramUser(next(ids)), updates, application, api)
            for _ in range(min(at_once, learners - first))
        ]
        await asyncio.gather(*(steps(learner) for learner in batch))
        done.extend(batch)
    seconds = time.perf_counter() - started
    by_kind = {kind: [ms for one in done for ms in one.times.get(kind, [])] for kind in KINDS}
    every = [ms for times in by_kind.values() for ms in times]
    return {
        "learners": learners,
        "at_once": at_once,
        "updates_per_second": round(len(every) / seconds, 1),
        "all": summary(every),
        **{kind: summary(times) for kind, times in by_kind.items() if times},
    }


@contextlib.asynccontextmanager
async def database(kind: str, folder: Path, admin_url: str) -> AsyncIterator[str]:
    """Yield a fresh database URL of this kind, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / f'{uuid.uuid4().hex}.db'}"
        return
    name = f"tutor_turns_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield f"{admin_url.rsplit('/', 1)[0].replace('postgresql://', 'postgresql+asyncpg://')}/{name}"
    finally:
        admin = await asyncpg.connect(admin_url)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def measure_anchor(
    url: str | None, levels: Sequence[int], sequential: int, ids: count[int]
) -> dict[str, Any]:
    """Measure the echo bot (no URL) or the one-row bot on this database."""
    engine = create_async_engine(url) if url else None
    if engine is not None:
        async with engine.begin() as connection:
            await connection.execute(sa.text("CREATE TABLE turns (chat_id BIGINT, at FLOAT)"))
    api = BotApi()
    application = anchor_application(api, engine)
    try:
        async with running(application):
            return await _levels(application, api, anchor_steps(), levels, sequential, ids)
    finally:
        if engine is not None:
            await engine.dispose()


async def measure_tutor(
    settings: Settings, levels: Sequence[int], sequential: int, ids: count[int]
) -> tuple[dict[str, Any], dict[str, float]]:
    """Measure the tutor on the settings' database, and retrieval alone on the same questions."""
    async with open_app(settings) as app:
        api = BotApi()
        application = build_application(
            app,
            request=RecordingRequest(api),
            updates_request=RecordingRequest(api),
            rate_limited=False,
        )
        lesson_id = app.services.course.lesson_order("fr")[0]
        async with running(application):
            await app.retriever.wait()
            await app.detector.wait()
            results = await _levels(
                application, api, tutor_steps(lesson_id), levels, sequential, ids
            )
            results["statements"] = await _statements(app, application, api, lesson_id, ids)
        retrieval = await _retrieval_alone(app, sequential)
    return results, retrieval


async def _statements(
    app: App,
    application: Application[Any, Any, Any, Any, Any, Any],
    api: BotApi,
    lesson_id: str,
    ids: count[int],
) -> dict[str, int]:
    """Count the SQL statements of each kind of update (transaction control aside)."""
    executed = [0]

    def on_execute(*_: object) -> None:
        executed[0] += 1

    engine = app.database.engine.sync_engine
    sa.event.listen(engine, "before_cursor_execute", on_execute)
    try:
        updates = new_updates(ids)
        learner = Learner(
            TelegramUser(next(ids)), updates, application, api, executed=lambda: executed[0]
        )
        await tutor_steps(lesson_id)(learner)
    finally:
        sa.event.remove(engine, "before_cursor_execute", on_execute)
    return learner.statements


async def _levels(
    application: Application[Any, Any, Any, Any, Any, Any],
    api: BotApi,
    steps: Steps,
    levels: Sequence[int],
    sequential: int,
    ids: count[int],
) -> dict[str, Any]:
    # A few learners first, untimed, so that caches and pools are warm for every bot alike.
    await run_learners(application, api, steps, ids, 3, 1)
    results = {"sequential": await run_learners(application, api, steps, ids, sequential, 1)}
    for at_once in levels:
        results[f"at_once_{at_once}"] = await run_learners(
            application, api, steps, ids, max(at_once, sequential), at_once
        )
    return results


async def _retrieval_alone(app: App, repetitions: int) -> dict[str, float]:
    retriever = await app.retriever.wait()
    times = []
    for n in range(repetitions):
        started = time.perf_counter()
        await retriever.search(QUESTIONS[n % len(QUESTIONS)], "fr", k=5)
        times.append((time.perf_counter() - started) * 1000)
    return summary(times)


def ratios(
    tutor: dict[str, Any], anchor: dict[str, Any], retrieval: dict[str, float]
) -> dict[str, Any]:
    """Return the issue's ratios: tap and answer p50 over the one-row anchor, free text overhead."""
    sequential, rows = tutor["sequential"], anchor["sequential"]
    return {
        "next_card_over_one_row": round(
            sequential["next_card"]["p50_ms"] / rows["next_card"]["p50_ms"], 1
        ),
        "answer_over_one_row": round(sequential["answer"]["p50_ms"] / rows["answer"]["p50_ms"], 1),
        "next_answer_over_one_row": round(
            sequential["next_answer"]["p50_ms"] / rows["next_answer"]["p50_ms"], 1
        ),
        "start_over_one_row": round(sequential["start"]["p50_ms"] / rows["start"]["p50_ms"], 1),
        "free_text_minus_retrieval_ms": round(
            sequential["free_text"]["p50_ms"] - retrieval["p50_ms"], 1
        ),
    }


async def reachable(admin_url: str) -> bool:
    """Tell whether PostgreSQL answers at the admin URL."""
    try:
        connection = await asyncpg.connect(admin_url, timeout=3)
    except (OSError, asyncpg.PostgresError):
        return False
    await connection.close()
    return True


async def main(short: bool, admin_url: str, index_dir: Path | None) -> dict[str, Any]:
    """Run every bot on every database and return the report."""
    sequential, levels = (15, (20,)) if short else (60, (20, 200))
    ids = count(2_000_000)
    kinds = ["sqlite", *(["postgresql"] if await reachable(admin_url) else [])]
    report: dict[str, Any] = {
        "short": short,
        "echo": await measure_anchor(None, levels, sequential, ids),
    }
    with tempfile.TemporaryDirectory(prefix="tutor-turns-") as folder:
        index = index_dir or Path(folder) / "index"
        if index_dir is None:
            base = Settings(_env_file=None, data_dir=Path(folder), index_dir=index)
            index_course(base, load_course(base.content_dir, base.languages.codes))
        for kind in kinds:
            async with database(kind, Path(folder), admin_url) as url:
                one_row = await measure_anchor(url, levels, sequential, ids)
            async with database(kind, Path(folder), admin_url) as url:
                settings = Settings(
                    _env_file=None,
                    data_dir=Path(folder),
                    database_url=url,
                    index_dir=index,
                    telegram_bot_token=SecretStr(BOT_TOKEN),
                )
                tutor, retrieval = await measure_tutor(settings, levels, sequential, ids)
            report[kind] = {
                "one_row": one_row,
                "tutor": tutor,
                "retrieval_alone": retrieval,
                "ratios": ratios(tutor, one_row, retrieval),
            }
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--short", action="store_true", help="CI mode: fewer learners, 1 and 20 at once"
    )
    parser.add_argument("--postgres-admin-url", default=POSTGRES_ADMIN_URL)
    parser.add_argument("--index-dir", type=Path, default=None, help="reuse a built index")
    args = parser.parse_args()
    outcome = asyncio.run(main(args.short, args.postgres_admin_url, args.index_dir))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(outcome, indent=2) + "\n")
    print(json.dumps(outcome, indent=2))
