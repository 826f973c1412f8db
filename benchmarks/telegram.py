"""Time updates through the real Telegram Application, with the fake Bot API in process.

Two runs on one database, with the bot as `tutor run` builds it (rate limiter included):

1. `sequential`: one learner after another does /start, opens the first lesson, turns a card
   (an edit in place) and answers a quiz question; each update is timed from the moment it is
   queued to the moment its last Bot API call is answered.
2. `burst`: many learners tap at the same moment (each five taps); the run reports the wall time
   and how many updates and Bot API calls per second went through. Telegram's own limit of
   30 messages per second (applied by the rate limiter) is the expected ceiling.

    python -m benchmarks.telegram                      # 200 learners, 100 in the burst
    python -m benchmarks.telegram --learners 50 --index-dir data/index
    python -m benchmarks.telegram --database-url postgresql+asyncpg://...

Results go to stdout and benchmarks/results/telegram.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import tempfile
import time
from itertools import count
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.app import open_app
from bot.config import Settings
from bot.features.lessons.buttons import ShowModules
from bot.features.menu.buttons import AskLanguage, ShowHelp
from bot.features.progress.buttons import ShowProgress
from tests.support.buttons import data
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
)

RESULTS = Path(__file__).parent / "results" / "telegram.json"


def summary(milliseconds: list[float]) -> dict[str, float]:
    """Return the median, 95th percentile and maximum, in milliseconds."""
    ordered = sorted(milliseconds)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max_ms": round(ordered[-1], 1),
    }


async def timed(chat: TelegramChat, update: dict[str, Any], times: list[float]) -> None:
    start = time.perf_counter()
    await chat.send(update)
    times.append((time.perf_counter() - start) * 1000)


async def main(
    learners: int, burst: int, database_url: str | None, index_dir: Path | None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=Path(folder),
            database_url=database_url or "",
            index_dir=index_dir,
            telegram_bot_token=SecretStr(BOT_TOKEN),
        )
        async with open_app(settings) as app:
            api = BotApi()
            application = application_for(app, api)
            updates = Updates()
            ids = count(1_000_000)
            lesson_id = app.services.course.lesson_order("fr")[0]
            steps: dict[str, list[float]] = {"start": [], "open": [], "next_card": [], "answer": []}
            async with running(application):
                for _ in range(learners):
                    chat = TelegramChat(application, api, TelegramUser(next(ids)), updates)
                    await timed(chat, updates.command(chat.user, "start"), steps["start"])
                    await timed(
                        chat, chat.tap_update(data("lessons.open", lesson_id)), steps["open"]
                    )
                    await timed(
                        chat,
                        chat.tap_update(data("lessons.card", lesson_id, 1)),
                        steps["next_card"],
                    )
                    await chat.command("quiz")
                    answer = chat.buttons[0]["callback_data"]
                    await timed(chat, chat.tap_update(answer), steps["answer"])

                chats = [
                    TelegramChat(application, api, TelegramUser(next(ids)), updates)
                    for _ in range(burst)
                ]
                for chat in chats:
                    await chat.command("start")
                taps = [
                    chat.tap_update(button.pack())
                    for chat in chats
                    for button in (
                        ShowProgress(),
                        ShowHelp(),
                        ShowModules(),
                        AskLanguage(),
                        ShowProgress(),
                    )
                ]
                calls_before = len(api.calls)
                start = time.perf_counter()
                await chats[0].send(*taps)
                seconds = time.perf_counter() - start
                calls = len(api.calls) - calls_before
    return {
        "python": platform.python_version(),
        "database": "postgresql" if database_url else "sqlite",
        "sequential": {"learners": learners, **{step: summary(ms) for step, ms in steps.items()}},
        "burst": {
            "learners": burst,
            "updates": len(taps),
            "bot_api_calls": calls,
            "seconds": round(seconds, 2),
            "updates_per_second": round(len(taps) / seconds, 1),
            "bot_api_calls_per_second": round(calls / seconds, 1),
        },
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--index-dir", type=Path, default=None, help="reuse an embedded index")
    parser.add_argument("--short", action="store_true", help="CI mode: 50 learners, a burst of 25")
    args = parser.parse_args()
    learners, burst = (50, 25) if args.short else (args.learners, args.burst)
    outcome = asyncio.run(main(learners, burst, args.database_url, args.index_dir))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(outcome, indent=2) + "\n")
    print(json.dumps(outcome, indent=2))
