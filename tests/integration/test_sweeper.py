"""What the tutor keeps for a short time only is deleted once its time is up, by one sweeper."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.adapters.db.counters import SqlCounters
from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.tables import CounterRow
from bot.app import App, open_app
from bot.features.answers.repo import SqlQuestions, SqlRecentQuestions
from bot.features.voice.repo import SqlVoice
from tests.conftest import Clock, make_settings
from tests.support.workers import sweeper


async def keep_some_of_each(app: App, clock: Clock) -> int:
    """Keep an expired and a current question, answer and counter; return the learner's id."""
    now = clock()
    async with app.database.session() as session:
        anna = await SqlLearners(session).create("test", "anna", now, "en", None)
        questions = SqlRecentQuestions(session)
        for minutes, question in ((31, "What is a deepfake?"), (29, "And at work?")):
            await questions.add(anna.id, "en", question, now - timedelta(minutes=minutes), keep=3)
        # Those the lessons did not answer, for the trainers' reports of the last 30 days.
        unanswered = SqlQuestions(session)
        for days, question in ((31, "Can AI fix my bike?"), (29, "Can AI fix my car?")):
            await unanswered.record(anna.id, "en", question, now - timedelta(days=days))
        voice = SqlVoice(session)
        await voice.keep_answer(anna.id, "en", "An old answer.", now - timedelta(hours=25))
        await voice.keep_answer(anna.id, "en", "A new answer.", now - timedelta(hours=23))
        counters = SqlCounters(session)
        await counters.add("ended", "codes", now - timedelta(days=1), keep_until=now)
        await counters.add("running", "codes", now, keep_until=now + timedelta(minutes=1))
    return anna.id


Kept = tuple[list[str], list[str], list[str], set[str]]


async def kept(app: App, learner_id: int) -> Kept:
    """Return the learner's questions, unanswered ones, answers and every counter's identity."""
    async with app.database.session() as session:
        questions = await SqlRecentQuestions(session).export(learner_id)
        unanswered = await SqlQuestions(session).export(learner_id)
        answers = (await SqlVoice(session).export(learner_id))["answers_to_read_aloud"]
        counters = set(await session.scalars(select(CounterRow.identity)))
    return (
        [q["text"] for q in questions],
        [q["text"] for q in unanswered],
        [a["text"] for a in answers],
        counters,
    )


async def test_a_sweep_deletes_only_what_has_expired(
    tmp_path: Path, database_url: str, clock: Clock
) -> None:
    async with open_app(make_settings(tmp_path, database_url), clock=clock) as app:
        anna = await keep_some_of_each(app, clock)
        assert await kept(app, anna) == (
            ["What is a deepfake?", "And at work?"],
            ["Can AI fix my car?", "Can AI fix my bike?"],
            ["An old answer.", "A new answer."],
            {"ended", "running"},
        )

        await sweeper(app).sweep()

        assert await kept(app, anna) == (
            ["And at work?"],
            ["Can AI fix my car?"],
            ["A new answer."],
            {"running"},
        )


async def test_a_serving_app_sweeps_at_once(tmp_path: Path, sqlite_url: str, clock: Clock) -> None:
    async with open_app(make_settings(tmp_path, sqlite_url), clock=clock) as app:
        anna = await keep_some_of_each(app, clock)
        async with app.serving([]):
            for _ in range(100):
                if (await kept(app, anna))[0] == ["And at work?"]:
                    break
                await asyncio.sleep(0.05)
        assert (await kept(app, anna))[1:] == (
            ["Can AI fix my car?"],
            ["A new answer."],
            {"running"},
        )
