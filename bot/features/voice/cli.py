"""`tutor voice prerender [--lang]`: read every card aloud ahead of time, into the audio cache."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.config import Language, Settings

if TYPE_CHECKING:
    from bot.adapters.speech.speech import Speech
    from bot.course.model import Course


@dataclass(frozen=True)
class Rendered:
    """How pre-rendering went: texts read aloud, of which already cached, and failures."""

    total: int
    cached: int
    failed: int


def add_commands(commands: Any) -> None:
    """Add `tutor voice` to the command parser."""
    voice = commands.add_parser("voice", help="read the course aloud")
    actions = voice.add_subparsers(dest="action", required=True, metavar="ACTION")
    prerender = actions.add_parser(
        "prerender", help="read every card aloud ahead of time, into the audio cache"
    )
    prerender.add_argument("--lang", help="one language (default: every offered language)")
    prerender.set_defaults(handler=_prerender)


def card_readings(course: Course, languages: Sequence[Language]) -> list[tuple[Language, str]]:
    """Return what is read for every card of the course, in each language."""
    from bot.features.voice.readings import card_reading

    return [
        (language, card_reading(lesson, index))
        for language in languages
        for lesson in course.all_lessons(language)
        for index in range(len(lesson.cards))
    ]


async def prerender(
    speech: Speech,
    readings: Sequence[tuple[Language, str]],
    advance: Callable[[], object] = lambda: None,
    concurrency: int | None = None,
) -> Rendered:
    """Read texts aloud into the cache, a few at a time (one per core); `advance` after each."""
    from bot.adapters.speech.audio import SpeechError

    slots = asyncio.Semaphore(concurrency or os.cpu_count() or 1)
    cached = failed = 0

    async def render(language: Language, text: str) -> None:
        nonlocal cached, failed
        async with slots:
            if await speech.cache.get(speech.key(text, language)) is not None:
                cached += 1
            else:
                try:
                    await speech.speak(text, language)
                except SpeechError:
                    failed += 1
            advance()

    await asyncio.gather(*(render(language, text) for language, text in readings))
    return Rendered(len(readings), cached, failed)


def _prerender(settings: Settings, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from bot.adapters.speech.speech import open_speech
    from bot.course.loader import load_course

    languages = (
        [settings.languages.profile(args.lang).code]
        if args.lang
        else list(settings.languages.codes)
    )
    course = load_course(settings.content_dir, languages)
    readings = card_readings(course, languages)

    async def run() -> Rendered:
        speech = open_speech(settings, course.speech)
        try:
            with tqdm(total=len(readings), desc="Reading cards aloud", unit="card") as bar:
                return await prerender(speech, readings, lambda: bar.update(1))
        finally:
            await speech.aclose()

    rendered = asyncio.run(run())
    print(
        f"{rendered.total} cards: {rendered.total - rendered.cached - rendered.failed} read aloud, "
        f"{rendered.cached} already cached, {rendered.failed} failed "
        f"(cache: {settings.resolved_voice_dir})"
    )
    if rendered.failed:
        sys.stderr.write("Some cards could not be read aloud: is espeak-ng installed?\n")
    return 1 if rendered.failed else 0
