"""Measure `tutor run` as a process (start, memory) and hybrid search on the course and on ×10.

- **cold start**: seconds from starting `tutor run` (a built index, a migrated SQLite database,
  a /start already waiting in the fake Bot API) to its first reply; then to the answer of a free
  question waiting as well, from another learner (it needs the index and the language detector);
- **peak memory**: VmHWM of that process after a warm-up (learners in every language start and
  ask free questions, so the index, the embedding model and the language detector are loaded),
  and its VmRSS then;
- **search**: warm hybrid search (`Retriever.search_sync`) p50/p95 over the development
  questions, on the course and on the course copied ten times (every module and lesson again
  under a new id, same texts: the copies' vectors are the course's, read from its index).

    python -m benchmarks.footprint            # 5 starts, 5 passes over the questions
    python -m benchmarks.footprint --short    # 2 starts, 2 passes
    python -m benchmarks.footprint --index-dir DIR   # reuse an index of the course

Results go to stdout and benchmarks/results/footprint.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import count
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import SecretStr

from bot.adapters.search.chunks import course_chunks
from bot.adapters.search.evaluation import DEV_CASES, EvalCase, load_cases
from bot.adapters.search.search import Retriever, index_course, open_retriever
from bot.adapters.search.store import (
    LanguageVectors,
    course_fingerprint,
    load_vectors,
    vectors_file,
)
from bot.config import Settings
from bot.course.loader import load_course
from bot.course.model import Course
from tests.support.telegram import BOT_TOKEN, BotApi, TelegramUser, Updates, serving

RESULTS = Path(__file__).parent / "results" / "footprint.json"
TARGETS = {"first_reply_seconds": 1.5, "peak_rss_mb": 220, "search_p95_ms": 25, "x10_p95_ms": 40}
COPIES = 10
GIVE_UP_AFTER = 120
# The warm-up: one learner per language, each asking a few free questions.
QUESTIONS_PER_LEARNER = 3
# Waiting when the bot starts, after that learner's /start; its answer names the word.
QUESTION = "c'est quoi un deepfake ?"
WORD_OF_THE_ANSWER = "deepfake"


def copied_course(course: Course, copies: int) -> Course:
    """Return the course with every module and lesson repeated under new ids."""
    lessons = dict(course.lessons)
    modules = {language: list(found) for language, found in course.modules.items()}
    for copy in range(2, copies + 1):
        for (language, lesson_id), lesson in course.lessons.items():
            lessons[(language, f"{lesson_id}-{copy}")] = replace(lesson, id=f"{lesson_id}-{copy}")
        for language, found in course.modules.items():
            modules[language] += [
                replace(
                    module,
                    id=f"{module.id}-{copy}",
                    lesson_ids=tuple(f"{lesson_id}-{copy}" for lesson_id in module.lesson_ids),
                )
                for module in found
            ]
    return replace(
        course,
        lessons=lessons,
        modules={language: tuple(found) for language, found in modules.items()},
    )


def summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """Return the median and 95th percentile, in milliseconds."""
    ordered = sorted(milliseconds)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
    }


def time_search(retriever: Retriever, cases: Sequence[EvalCase], passes: int) -> dict[str, Any]:
    """Time hybrid search over the questions, after one untimed pass."""
    times = []
    for number in range(passes + 1):
        for case in cases:
            started = time.perf_counter()
            retriever.search_sync(case.question, case.language)
            if number:
                times.append((time.perf_counter() - started) * 1000)
    return summary(times)


def copied_vectors(vectors: LanguageVectors, copies: int) -> LanguageVectors:
    """Return the vectors of `copied_course`'s chunks: each copy's are the course's."""
    ids = list(vectors.ids)
    for copy in range(2, copies + 1):
        for chunk_id in vectors.ids:
            language, rest = chunk_id.split(":", 1)
            lesson_id, number = rest.rsplit(":", 1)
            ids.append(f"{language}:{lesson_id}-{copy}:{number}")
    stacked = np.concatenate([vectors.vectors] * copies)
    return LanguageVectors(tuple(ids), stacked, stacked.mean(axis=0))


def measure_search(
    settings: Settings, course: Course, cases: Sequence[EvalCase], passes: int
) -> dict[str, Any]:
    """Time search on the course's index, then on the course copied with the same vectors."""
    retriever = open_retriever(settings, course)
    saved = load_vectors(
        vectors_file(settings, retriever.embedder),
        course_fingerprint(course_chunks(course)),
        settings.languages.codes,
    )
    assert saved is not None, "opening the retriever saves the vectors"
    copied = copied_course(course, COPIES)
    retrievers = {
        "course": retriever,
        f"x{COPIES}": Retriever(
            copied,
            retriever.embedder,
            course_chunks(copied),
            settings.languages,
            {language: copied_vectors(found, COPIES) for language, found in saved.items()},
        ),
    }
    return {
        name: {
            "chunks": sum(map(len, course_chunks(searched.course).values())),
            **time_search(searched, cases, passes),
        }
        for name, searched in retrievers.items()
    }


def _status(pid: int) -> dict[str, int]:
    """Return the process's memory lines of /proc/PID/status, in kB."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return {
        name: int(value.split()[0])
        for name, _, value in (line.partition(":") for line in lines)
        if name in ("VmHWM", "VmRSS")
    }


async def _until(
    api: BotApi, process: asyncio.subprocess.Process, done: Callable[[], bool]
) -> None:
    """Wait until the fake API sees `done`, failing at once if the bot process ends."""
    waiting = asyncio.ensure_future(api.wait_for(done, GIVE_UP_AFTER))
    ended = asyncio.ensure_future(process.wait())
    await asyncio.wait({waiting, ended}, return_when=asyncio.FIRST_COMPLETED)
    ended.cancel()
    if not waiting.done():
        waiting.cancel()
        raise RuntimeError(f"tutor run ended with code {process.returncode}; see its log")
    waiting.result()


async def _quiet(api: BotApi, seconds: float = 0.3) -> None:
    """Wait until the bot has called the API for nothing for a while: its replies are all out."""
    while True:
        calls = len(api.calls)
        await asyncio.sleep(seconds)
        if len(api.calls) == calls:
            return


async def _ask(
    api: BotApi, process: asyncio.subprocess.Process, update: dict[str, Any], user: int
) -> None:
    """Send one update and wait for every reply to it."""
    before = len(api.sent_texts(user))
    api.push_update(update)
    await _until(api, process, lambda: len(api.sent_texts(user)) > before)
    await _quiet(api)


def _answered(api: BotApi, user: int) -> bool:
    return any(WORD_OF_THE_ANSWER in text.lower() for text in api.sent_texts(user))


async def one_start(
    env: dict[str, str], cwd: Path, cases: Sequence[EvalCase], ids: count[int]
) -> dict[str, float]:
    """Start `tutor run`, time its first replies, warm it up and read its memory."""
    api = BotApi()
    updates = Updates(first_id=next(ids) * 100)
    starting, asking = (TelegramUser(next(ids), language_code="fr") for _ in range(2))
    async with serving(api) as server:
        # Waiting when the bot starts: a /start, and a question that needs the index.
        api.push_update(updates.command(starting, "start"))
        api.push_update(updates.command(asking, "start"))
        api.push_update(updates.text(asking, QUESTION))
        with (cwd / "tutor.log").open("ab") as log:
            started = time.perf_counter()
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                *("-m", "bot", "run"),
                env=env | {"TUTOR_TELEGRAM_BASE_URL": server.base_url},
                cwd=cwd,
                stdout=log,
                stderr=log,
            )
        try:
            await _until(api, process, lambda: bool(api.sent_texts(starting.id)))
            first_reply = time.perf_counter() - started
            await _until(api, process, lambda: _answered(api, asking.id))
            first_answer = time.perf_counter() - started
            await _quiet(api)
            for language in ("fr", "nl", "en"):
                learner = TelegramUser(next(ids), language_code=language)
                await _ask(api, process, updates.command(learner, "start"), learner.id)
                asked = [case for case in cases if case.language == language]
                for case in asked[:QUESTIONS_PER_LEARNER]:
                    await _ask(api, process, updates.text(learner, case.question), learner.id)
            memory = _status(process.pid)
        finally:
            if process.returncode is None:
                process.terminate()
                await asyncio.wait_for(process.wait(), GIVE_UP_AFTER)
    return {
        "first_reply_seconds": round(first_reply, 3),
        "first_answer_seconds": round(first_answer, 3),
        "peak_rss_mb": round(memory["VmHWM"] / 1024, 1),
        "rss_after_warm_up_mb": round(memory["VmRSS"] / 1024, 1),
    }


def _environment(data_dir: Path, index_dir: Path) -> dict[str, str]:
    """Return this process's environment without tutor settings, plus the bot's own."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("TUTOR_", "TELEGRAM_"))
    }
    return inherited | {
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TUTOR_DATA_DIR": str(data_dir),
        "TUTOR_INDEX_DIR": str(index_dir),
    }


async def measure_process(
    data_dir: Path, index_dir: Path, cases: Sequence[EvalCase], starts: int
) -> dict[str, Any]:
    """Start the bot `starts` times on a migrated database; return the medians and every run."""
    env = _environment(data_dir, index_dir)
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, *("-m", "bot", "db", "upgrade"), env=env, cwd=data_dir
    )
    if await migrate.wait():
        raise RuntimeError("tutor db upgrade failed")
    ids = count(7_000_000)
    runs = [await one_start(env, data_dir, cases, ids) for _ in range(starts)]
    return {
        "starts": starts,
        **{name: round(statistics.median(run[name] for run in runs), 3) for name in runs[0]},
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="2 starts and 2 passes, for CI")
    parser.add_argument("--index-dir", type=Path, help="a built index of the course")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    repetitions = 2 if args.short else 5
    with tempfile.TemporaryDirectory(prefix="tutor-footprint-") as folder:
        data_dir = Path(folder)
        settings = Settings(
            _env_file=None,
            data_dir=data_dir,
            index_dir=args.index_dir or data_dir / "index",
            telegram_bot_token=SecretStr(BOT_TOKEN),
        )
        course = load_course(settings.content_dir, settings.languages.codes)
        if args.index_dir is None:
            index_course(settings, course)
        cases = load_cases(settings.languages.codes, DEV_CASES)
        process = asyncio.run(
            measure_process(data_dir, settings.resolved_index_dir, cases, repetitions)
        )
        search = measure_search(settings, course, cases, repetitions)
    results = {
        "short": args.short,
        "cpus": os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 2),
        "tutor_run": process,
        "search": search,
        "targets": TARGETS,
        "met": {
            "first_reply_seconds": process["first_reply_seconds"] <= TARGETS["first_reply_seconds"],
            "peak_rss_mb": process["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
            "search_p95_ms": search["course"]["p95_ms"] <= TARGETS["search_p95_ms"],
            "x10_p95_ms": search[f"x{COPIES}"]["p95_ms"] <= TARGETS["x10_p95_ms"],
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
