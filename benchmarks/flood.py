"""Time one learner's replies while another floods the bot, through the real Telegram Application.

Other learners (B) send `/progress`, one at a time, and each reply is timed from the moment the
update is queued to the moment its last Bot API call is answered: first on a quiet bot, then while
learner A floods it with `/progress` too, a share of the flood queued just before each B message.
Each B is a different learner, who sends one message per phase: one person sending 40 in a row
would meet their own limit. The bot is built as `tutor run` builds it, with the default limits
per learner (TUTOR_FLOOD_*). The run reports B's p50 and p95 in both phases, the ratio of the
p95s (the target is at most 2), and how many of A's messages were answered, dropped and told to
slow down.

    python -m benchmarks.flood               # A floods 1,500 messages; 40 messages of B
    python -m benchmarks.flood --short       # CI: 300 messages, 20 of B
    python -m benchmarks.flood --index-dir data/index

Results go to stdout and benchmarks/results/flood.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram import Update

from benchmarks.telegram import summary
from bot.app import open_app
from bot.channels.telegram.application import TelegramApplication
from bot.config import Settings
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
)

RESULTS = Path(__file__).parent / "results" / "flood.json"


def calls_in(api: BotApi, chat: TelegramChat) -> int:
    """Return how many Bot API calls went to a chat so far."""
    return sum(1 for call in api.calls if call.chat_id == chat.user.id)


def count_flood(api: BotApi, chat: TelegramChat, since: int, reply: list[str]) -> dict[str, int]:
    """Count the flood's replies in a chat after call `since`: answers, and the rest."""
    calls = [call for call in api.calls[since:] if call.chat_id == chat.user.id]
    answers = sum(1 for call in calls if call.params.get("text") in reply)
    return {"answered": answers // len(reply), "slow_down_messages": len(calls) - answers}


async def reply_time(
    application: TelegramApplication, api: BotApi, chat: TelegramChat, calls_per_reply: int
) -> float:
    """Send `/progress` from a chat and return the milliseconds until its reply is complete."""
    expected = calls_in(api, chat) + calls_per_reply
    update = Update.de_json(chat.updates.command(chat.user, "progress"), application.bot)
    start = time.perf_counter()
    await application.update_queue.put(update)
    await api.wait_for(lambda: calls_in(api, chat) >= expected, give_up_after=600)
    return (time.perf_counter() - start) * 1000


async def main(flood: int, requests: int, index_dir: Path | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=Path(folder),
            index_dir=index_dir,
            telegram_bot_token=SecretStr(BOT_TOKEN),
        )
        async with open_app(settings) as app:
            api = BotApi()
            application = application_for(app, api)
            updates = Updates()
            flooder = TelegramChat(application, api, TelegramUser(1_000_000, "Anna"), updates)
            others = [
                TelegramChat(application, api, TelegramUser(1_000_001 + index, "Bert"), updates)
                for index in range(requests)
            ]
            async with running(application):
                for chat in (flooder, *others):
                    await chat.command("start")
                calls_per_reply = len(await others[0].command("progress"))
                reply = [str(call.params.get("text")) for call in await flooder.command("progress")]
                quiet = [
                    await reply_time(application, api, learner, calls_per_reply)
                    for learner in others
                ]
                since = len(api.calls)
                loaded = []
                for round_, learner in enumerate(others):
                    share = flood * (round_ + 1) // requests - flood * round_ // requests
                    for _ in range(share):
                        update = updates.command(flooder.user, "progress")
                        await application.update_queue.put(Update.de_json(update, application.bot))
                    loaded.append(await reply_time(application, api, learner, calls_per_reply))
                await application.update_queue.join()
            replies = count_flood(api, flooder, since, reply)
    quiet_summary, loaded_summary = summary(quiet), summary(loaded)
    return {
        "python": platform.python_version(),
        "database": "sqlite",
        "flood_burst": settings.flood_burst,
        "flood_per_second": settings.flood_per_second,
        "flood_queue": settings.flood_queue,
        "requests": requests,
        "quiet": quiet_summary,
        "flooded": loaded_summary,
        "p95_ratio": round(loaded_summary["p95_ms"] / quiet_summary["p95_ms"], 2),
        "flood": {
            "messages": flood,
            "dropped": flood - replies["answered"],
            **replies,
        },
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flood", type=int, default=1500, help="messages learner A sends")
    parser.add_argument("--requests", type=int, default=40, help="messages of B, in each phase")
    parser.add_argument("--index-dir", type=Path, default=None, help="reuse an embedded index")
    parser.add_argument("--short", action="store_true", help="CI mode: 300 messages, 20 of B")
    args = parser.parse_args()
    flood, requests = (300, 20) if args.short else (args.flood, args.requests)
    outcome = asyncio.run(main(flood, requests, args.index_dir))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(outcome, indent=2) + "\n")
    print(json.dumps(outcome, indent=2))
