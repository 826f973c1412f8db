"""Benchmark the conversational tutor: the personal-data guard, free-text decisions, turn time.

Measures, in one run (the personal-data guard has its own, benchmarks/privacy.py):
- what the tutor does with free text, without a model: on the development questions of the
  course (answered, answered with an expected lesson, "I don't know", redirected) and on
  everyday questions off the topic (redirected, "I don't know", answered);
- the time of one free-text turn through the tutor core (SQLite), without a model and with a
  fake OpenAI-compatible model on 127.0.0.1 that answers at once (the tutor's own overhead).

    .venv/bin/python -m benchmarks.llm [--output FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.retrieval import OFF_TOPIC
from bot.adapters.search.evaluation import load_cases
from bot.app import App, open_app
from bot.config import Language, Settings
from bot.core.events import Command, Sender, Text
from bot.core.languages import BUILT_IN
from bot.core.replies import Message
from bot.paths import PROJECT_ROOT
from tests.support.fake_openai import FakeOpenAI

RESULTS = PROJECT_ROOT / "benchmarks" / "results" / "llm.json"


def _outcome(app: App, language: Language, replies: list[Any]) -> tuple[str, str | None]:
    t = app.services.translators[language]
    text = "\n".join(r.text for r in replies if isinstance(r, Message))
    if t.gettext("That is not in my lessons, so I cannot answer it.") in text:
        return "redirected", None
    if t.gettext("I am sorry, my lessons do not answer that question.") in text:
        return "unknown", None
    opened = [
        b.data.split(":", 2)[2]
        for r in replies
        if isinstance(r, Message)
        for row in r.keyboard
        for b in row
        if b.data.startswith("v2:lessons.open:")
    ]
    return "answered", opened[0] if opened else None


async def bench_decisions(app: App) -> dict[str, Any]:
    """Return what the tutor does with course questions and with off-topic questions."""
    results: dict[str, Any] = {}
    users = iter(range(10**6))
    cases = load_cases(BUILT_IN.codes)
    for language in BUILT_IN.codes:
        course: Counter[str] = Counter()
        for case in (c for c in cases if c.language == language):
            sender = Sender("bench", f"u{next(users)}", language)
            await app.tutor.handle(sender, Command("start"))
            replies = await app.tutor.handle(sender, Text(case.question))
            outcome, lesson = _outcome(app, language, replies)
            course[outcome] += 1
            if outcome == "answered" and lesson in case.expect:
                course["answered_with_an_expected_lesson"] += 1
        off: Counter[str] = Counter()
        answered_off_topic = []
        for question in OFF_TOPIC[language]:
            sender = Sender("bench", f"u{next(users)}", language)
            await app.tutor.handle(sender, Command("start"))
            replies = await app.tutor.handle(sender, Text(question))
            outcome, lesson = _outcome(app, language, replies)
            off[outcome] += 1
            if outcome == "answered":
                answered_off_topic.append({"question": question, "lesson": lesson})
        results[language] = {
            "course_questions": sum(1 for c in cases if c.language == language),
            **{f"course_{k}": v for k, v in sorted(course.items())},
            "off_topic_questions": len(OFF_TOPIC[language]),
            **{f"off_topic_{k}": v for k, v in sorted(off.items())},
            "off_topic_answered_as": answered_off_topic,
        }
    return results


async def _turn_times(app: App, questions: list[tuple[Language, str]]) -> dict[str, float]:
    times = []
    for number, (language, question) in enumerate(questions):
        sender = Sender("bench-time", f"t{number}", language)
        await app.tutor.handle(sender, Command("start"))
        start = time.perf_counter()
        await app.tutor.handle(sender, Text(question))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "turns": len(times),
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
    }


async def run(folder: Path) -> dict[str, Any]:
    """Run every measure and return the results."""
    base: dict[str, Any] = {"_env_file": None, "data_dir": folder, "llm_daily_limit": 10**6}
    questions = [(c.language, c.question) for c in load_cases(BUILT_IN.codes)][:60]
    results: dict[str, Any] = {}
    plain = Settings(**base, database_url=f"sqlite+aiosqlite:///{folder / 'a.db'}")
    async with open_app(plain) as app:
        results["decisions_without_a_model"] = await bench_decisions(app)
        results["turn_without_a_model"] = await _turn_times(app, questions)
    fake = FakeOpenAI(reply="A short answer from the course.\nSOURCES: 1")
    with fake.running():
        with_model = Settings(
            **base,
            database_url=f"sqlite+aiosqlite:///{folder / 'b.db'}",
            llm_base_url=fake.base_url,
        )
        async with open_app(with_model) as app:
            results["turn_with_an_instant_fake_model"] = await _turn_times(app, questions)
            results["turn_with_an_instant_fake_model"]["model_calls"] = len(fake.completions)
    return results


def main() -> None:
    """Run the benchmark and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS)
    # The whole run is short already; CI's --short runs the same measures.
    parser.add_argument("--short", action="store_true", help="the CI mode (same measures)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = asyncio.run(run(Path(folder)))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
