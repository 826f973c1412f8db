"""Benchmark the conversational tutor: the personal-data guard, free-text decisions, turn time.

Measures, in one run:
- the guard: recall on generated Belgian identifiers, false alarms on ordinary sentences with
  numbers, and the time to redact one message;
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
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.retrieval import OFF_TOPIC
from bot.adapters.search.evaluation import load_cases
from bot.app import App, open_app
from bot.config import Language, Settings
from bot.core.events import Command, Sender, Text
from bot.core.languages import BUILT_IN
from bot.core.replies import Message
from bot.features.privacy.pii import Kind, find_personal_data, passes_luhn, redact
from bot.paths import PROJECT_ROOT
from tests.support.fake_openai import FakeOpenAI

RESULTS = PROJECT_ROOT / "benchmarks" / "results" / "llm.json"
SAMPLES = 2000
ORDINARY = (
    "Ik heb 3 vragen over les 12 van 2024.",
    "Le cours coûte 25 euros pour 10 séances de 2 heures.",
    "Chapter 3 of the AI Act has 12 articles and 4 risk levels.",
    "Rendez-vous le 02/03/2026 à 14h30 à la maison communale.",
    "GPT-4o and version 4.5 came out in 2024 and 2025.",
    "Mijn zoon is 16 en mijn dochter 19 jaar.",
    "The model has 175000000000 parameters.",
    "Code postal 1000, bus 71, tram 81.",
    "Het kost 1.299,99 euro of 49,95 per maand.",
    "Page 123 of 456, line 7.",
)


def _national_number(rng: random.Random) -> str:
    year, month, day = rng.randint(1930, 2024), rng.randint(1, 12), rng.randint(1, 28)
    body = f"{year % 100:02d}{month:02d}{day:02d}{rng.randint(1, 998):03d}"
    check = 97 - (int(body) + (2_000_000_000 if year >= 2000 else 0)) % 97
    return f"{body[:2]}.{body[2:4]}.{body[4:6]}-{body[6:9]}.{check:02d}"


def _iban(rng: random.Random) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(12))
    numeric = "".join(str(int(char, 36)) for char in f"{bban}BE00")
    iban = f"BE{98 - int(numeric) % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, 16, 4))


def _card(rng: random.Random) -> str:
    digits = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    last = next(d for d in "0123456789" if passes_luhn(digits + d))
    number = digits + last
    return " ".join(number[i : i + 4] for i in range(0, 16, 4))


def _phone(rng: random.Random) -> str:
    rest = "".join(rng.choice("0123456789") for _ in range(6))
    return f"04{rng.choice('5789')}{rng.randint(0, 9)} {rest[:2]} {rest[2:4]} {rest[4:]}"


def _email(rng: random.Random) -> str:
    name = "".join(rng.choice("abcdefghij") for _ in range(8))
    return f"{name}.{rng.choice(['peeters', 'dubois'])}@{rng.choice(['gmail.com', 'skynet.be'])}"


GENERATORS: dict[Kind, Callable[[random.Random], str]] = {
    Kind.NATIONAL_NUMBER: _national_number,
    Kind.IBAN: _iban,
    Kind.CARD: _card,
    Kind.PHONE: _phone,
    Kind.EMAIL: _email,
}


def bench_guard() -> dict[str, Any]:
    """Return the guard's recall per kind, its false alarms, and its speed."""
    rng = random.Random(2026)
    recall = {}
    for kind, generate in GENERATORS.items():
        found = sum(
            1
            for _ in range(SAMPLES)
            if [f.kind for f in find_personal_data(f"Voici: {generate(rng)}, merci.")] == [kind]
        )
        recall[kind.name.lower()] = found / SAMPLES
    false_alarms = [text for text in ORDINARY if find_personal_data(text)]
    message = "Bonjour, pouvez-vous m'aider ? Mon GSM est le 0475 12 34 56. " * 3
    start = time.perf_counter()
    for _ in range(SAMPLES):
        redact(message)
    return {
        "recall": recall,
        "ordinary_sentences": len(ORDINARY),
        "false_alarms": false_alarms,
        "redact_us_per_message": round((time.perf_counter() - start) / SAMPLES * 1e6, 1),
        "message_chars": len(message),
    }


def _outcome(app: App, language: Language, replies: list[Any]) -> tuple[str, str | None]:
    t = app.services.translators[language]
    text = "\n".join(r.text for r in replies if isinstance(r, Message))
    if t.gettext("I can only help you learn about AI, so I cannot answer that.") in text:
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
    results: dict[str, Any] = {"guard": bench_guard()}
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
