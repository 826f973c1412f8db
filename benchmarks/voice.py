"""Benchmark voice: espeak-ng synthesis, the audio cache over a lesson, pre-rendering, voice notes.

Measures, in one run:
- synthesis time per card and per 100 words with espeak-ng and ffmpeg (no cache), per language;
- the cache hit rate over a lesson that a group of learners listen to card by card (each card
  read aloud once, then served from the cache);
- pre-rendering time per language (`tutor voice prerender`): the whole course, or (`--short`)
  its first lesson;
- the extra time a question asked by voice takes over the same question typed, through the real
  Telegram Application, with a fake OpenAI-compatible transcription that answers at once.

    .venv/bin/python -m benchmarks.voice [--short] [--index-dir DIR] [--output FILE]
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

from bot.adapters.speech.espeak import EspeakSynthesizer
from bot.adapters.speech.speech import AudioCache, Speech
from bot.app import open_app
from bot.config import Language, Settings
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.course.model import Course
from bot.features.voice.cli import card_readings, prerender
from bot.paths import PROJECT_ROOT
from tests.support.fake_openai import FakeOpenAI, tone
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
)

RESULTS = PROJECT_ROOT / "benchmarks" / "results" / "voice.json"
QUESTIONS = {
    "fr": "Qu'est-ce qu'un deepfake ?",
    "nl": "Wat is een deepfake?",
    "en": "What is a deepfake?",
}


class Counting:
    """espeak-ng, counting how often it actually reads."""

    def __init__(self, engine: EspeakSynthesizer) -> None:
        self.wrapped = engine
        self.engine = engine.engine
        self.calls = 0

    def voice(self, language: Language) -> str:
        return self.wrapped.voice(language)

    async def synthesize(self, text: str, language: Language) -> bytes:
        self.calls += 1
        return await self.wrapped.synthesize(text, language)


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 1),
        "p90": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
        "max": round(ordered[-1], 1),
    }


async def bench_synthesis(course: Course, cards: int, folder: Path) -> dict[str, Any]:
    """Time espeak-ng on the first cards of each language, one at a time, nothing cached."""
    engine = EspeakSynthesizer(BUILT_IN, 145, 60)
    results: dict[str, Any] = {}
    for language in BUILT_IN.codes:
        speech = Speech([engine], AudioCache(folder / f"synthesis-{language}"), None, course.speech)
        per_card, per_100_words = [], []
        for _, text in card_readings(course, [language])[:cards]:
            start = time.perf_counter()
            await speech.speak(text, language)
            ms = (time.perf_counter() - start) * 1000
            per_card.append(ms)
            per_100_words.append(ms * 100 / len(text.split()))
        results[language] = {
            "cards": len(per_card),
            "ms_per_card": summary(per_card),
            "ms_per_100_words": summary(per_100_words),
        }
    return results


async def bench_cache(course: Course, learners: int, folder: Path) -> dict[str, Any]:
    """Let a group listen to every card of a lesson; count readings served from the cache."""
    engine = Counting(EspeakSynthesizer(BUILT_IN, 145, 60))
    speech = Speech([engine], AudioCache(folder / "lesson-cache"), None, course.speech)
    lesson = course.all_lessons("fr")[0]
    readings = [text for language, text in card_readings(course, ["fr"]) if language == "fr"]
    readings = readings[: len(lesson.cards)]
    listened = 0
    for _ in range(learners):
        for text in readings:
            await speech.speak(text, "fr")
            listened += 1
    return {
        "lesson": lesson.id,
        "cards": len(readings),
        "learners": learners,
        "listens": listened,
        "synthesised": engine.calls,
        "hit_rate": round(1 - engine.calls / listened, 3),
    }


async def bench_prerender(course: Course, short: bool, folder: Path) -> dict[str, Any]:
    """Time pre-rendering per language into an empty cache: the course, or its first lesson."""
    results: dict[str, Any] = {}
    for language in BUILT_IN.codes:
        readings = card_readings(course, [language])
        if short:
            readings = readings[: len(course.all_lessons(language)[0].cards)]
        speech = Speech(
            [EspeakSynthesizer(BUILT_IN, 145, 60)],
            AudioCache(folder / f"prerender-{language}"),
            None,
            course.speech,
        )
        start = time.perf_counter()
        rendered = await prerender(speech, readings)
        seconds = time.perf_counter() - start
        results[language] = {
            "cards": rendered.total,
            "failed": rendered.failed,
            "seconds": round(seconds, 1),
            "cards_per_second": round(rendered.total / seconds, 2),
        }
    return results


async def bench_voice_question(rounds: int, index_dir: Path | None, folder: Path) -> dict[str, Any]:
    """Time a typed question and the same question by voice, through the Telegram Application."""
    audio = tone(3.0)
    results: dict[str, Any] = {}
    with FakeOpenAI().running() as fake:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=folder / "telegram",
            index_dir=index_dir,
            telegram_bot_token=SecretStr(BOT_TOKEN),
            stt_base_url=fake.base_url,
            flood_burst=10_000,
            flood_queue=10_000,
        )
        async with open_app(settings) as app:
            # Loaded before timing: the first question of a process waits for them.
            await app.retriever.wait()
            await app.detector.wait()
            api = BotApi()
            application = application_for(app, api)
            updates, ids = Updates(), count(3_000_000)
            async with running(application):
                for language, question in QUESTIONS.items():
                    fake.transcript = question
                    typed, spoken = [], []
                    for _ in range(rounds):
                        user = TelegramUser(next(ids), language_code=language)
                        chat = TelegramChat(application, api, user, updates)
                        await chat.command("start")
                        start = time.perf_counter()
                        await chat.say(question)
                        typed.append((time.perf_counter() - start) * 1000)
                        start = time.perf_counter()
                        await chat.speak(audio)
                        spoken.append((time.perf_counter() - start) * 1000)
                    results[language] = {
                        "rounds": rounds,
                        "typed_ms": summary(typed),
                        "voice_ms": summary(spoken),
                        "extra_ms_median": round(
                            statistics.median(spoken) - statistics.median(typed), 1
                        ),
                    }
    return results


async def run(short: bool, index_dir: Path | None) -> dict[str, Any]:
    course = load_course(PROJECT_ROOT / "content", BUILT_IN.codes)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        return {
            "python": platform.python_version(),
            "mode": "short" if short else "full",
            "espeak_rate_wpm": 145,
            "synthesis": await bench_synthesis(course, 3 if short else 20, folder),
            "lesson_cache": await bench_cache(course, 3 if short else 10, folder),
            "prerender": await bench_prerender(course, short, folder),
            "voice_question": await bench_voice_question(3 if short else 10, index_dir, folder),
        }


def main() -> None:
    """Run the benchmark and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="CI mode: fewer cards and rounds")
    parser.add_argument("--index-dir", type=Path, default=None, help="reuse an embedded index")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = asyncio.run(run(args.short, args.index_dir))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
