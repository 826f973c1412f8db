"""A cohort's report, read through the learning features' repositories on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.app import App, open_app
from bot.core.ports import LEARNERS, UnitOfWork
from bot.features.answers.ports import QUESTIONS
from bot.features.gain.ports import CHECK_IN, CHECK_OUT, CHECKS
from bot.features.progress.ports import PROGRESS
from bot.features.quiz.ports import ANSWERS, Answer, AnswerMode, MissedItem
from bot.features.trainers.report import LearningGain, LessonScore, Report, build_report
from bot.features.trainers.report_formats import report_csv, report_text
from tests.conftest import Clock
from tests.support.trainers import cohort_with_learners, trainer_settings

FIRST = 5000


@pytest.fixture
async def app(
    tmp_path: Path, database_url: str, clock: Clock, course_index_dir: Path
) -> AsyncIterator[App]:
    settings = trainer_settings(tmp_path, database_url, index_dir=course_index_dir)
    async with open_app(settings, clock=clock) as opened:
        yield opened


async def learner_id(uow: UnitOfWork, external_id: int) -> int:
    found = await uow.get(LEARNERS).find("telegram", str(external_id))
    assert found is not None
    return found.id


async def quiz_done(app: App, uow: UnitOfWork, learner: int, lesson_id: str, score: int) -> None:
    total = len(app.services.course.lesson("en", lesson_id).quiz)  # type: ignore[union-attr]
    now = app.services.clock()
    await uow.get(PROGRESS).start_quiz_attempt(learner, lesson_id, total, now)
    await uow.get(PROGRESS).finish_quiz(learner, lesson_id, score, now)


async def answered(
    app: App, uow: UnitOfWork, learner: int, item: tuple[str, str], right: bool, mode: AnswerMode
) -> None:
    lesson_id, item_id = item
    answer = Answer(learner, lesson_id, item_id, 0, right, mode, 1, app.services.clock())
    assert await uow.get(ANSWERS).record(answer)


async def test_scores_and_misses_count_the_cohorts_quiz_answers_only(app: App) -> None:
    course = app.services.course
    first, second = course.lesson_order("en")[:2]
    first_total = len(course.lesson("en", first).quiz)  # type: ignore[union-attr]
    items = [(first, item.id) for item in course.lesson("en", first).quiz]  # type: ignore[union-attr]
    cohort = await cohort_with_learners(app, 3, first_id=FIRST)
    async with app.tutor.units() as uow:
        amina, bram, _carla = [await learner_id(uow, FIRST + offset) for offset in range(3)]
        outsider = await uow.get(LEARNERS).create(
            "telegram", "9000", app.services.clock(), "en", "Out S."
        )
        # The second lesson first, so the per-lesson scores must be put in course order.
        await quiz_done(app, uow, amina, second, 0)
        await quiz_done(app, uow, amina, first, first_total)
        await quiz_done(app, uow, bram, first, 0)
        await answered(app, uow, amina, items[0], False, "quiz")
        await answered(app, uow, bram, items[0], False, "quiz")
        await answered(app, uow, amina, items[1], True, "quiz")
        await answered(app, uow, bram, items[1], False, "quiz")
        await answered(app, uow, amina, items[2], True, "quiz")
        # Neither a missed review nor a learner outside the cohort counts.
        await answered(app, uow, amina, items[2], False, "review")
        await answered(app, uow, outsider.id, items[2], False, "quiz")

    async with app.tutor.units() as uow:
        report = await build_report(
            uow, course, app.services.default_language, cohort, app.services.clock(), 3
        )
        top = await uow.get(ANSWERS).most_missed([amina, bram], 1)

    assert [(line.name, line.completed) for line in report.learners] == [
        ("L0 B.", 2),
        ("L1 B.", 1),
        ("L2 B.", 0),
    ]
    assert [line.average_score for line in report.learners] == [0.5, 0.0, None]
    assert report.scores == (LessonScore(first, 0.5, 2), LessonScore(second, 0.0, 1))
    assert report.missed == (
        MissedItem(first, items[0][1], misses=2, answers=2),
        MissedItem(first, items[1][1], misses=1, answers=2),
    )
    assert top == [report.missed[0]]


async def asked(uow: UnitOfWork, learner: int, text: str, when: datetime) -> None:
    await uow.get(QUESTIONS).record(learner, "en", text, when)


async def test_questions_count_from_joining_and_only_when_three_learners_asked(
    app: App, clock: Clock
) -> None:
    before = clock.now - timedelta(days=2)
    cohort = await cohort_with_learners(app, 3, first_id=FIRST)
    async with app.tutor.units() as uow:
        amina, bram, carla = [await learner_id(uow, FIRST + offset) for offset in range(3)]
        await asked(uow, amina, "asked before joining the group", before)
        await asked(uow, amina, "first question in the group", clock.now)
        await asked(uow, bram, "second question in the group", clock.now)

    async def report() -> Report:
        async with app.tutor.units() as uow:
            return await build_report(
                uow, app.services.course, "en", cohort, app.services.clock(), 3
            )

    # Two learners asked since joining: the trainer could tell who, so nothing is shown.
    two = await report()
    assert (two.unanswered, two.unanswered_withheld) == ((), True)

    async with app.tutor.units() as uow:
        await asked(uow, carla, "third question in the group", clock.now)
    three = await report()
    assert sorted(q.text for q in three.unanswered) == [
        "first question in the group",
        "second question in the group",
        "third question in the group",
    ]
    assert not three.unanswered_withheld


async def test_a_cohort_without_questions_withholds_nothing(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, first_id=FIRST)
    async with app.tutor.units() as uow:
        report = await build_report(uow, app.services.course, "en", cohort, app.services.clock(), 3)
    assert (report.unanswered, report.unanswered_withheld) == ((), False)


async def test_the_gain_counts_check_ins_from_any_time_and_check_outs_since_joining(
    app: App, clock: Clock
) -> None:
    before_joining = clock.now - timedelta(days=2)
    cohort = await cohort_with_learners(app, 4, first_id=FIRST)
    async with app.tutor.units() as uow:
        amina, bram, carla, dirk = [await learner_id(uow, FIRST + offset) for offset in range(4)]
        outsider = await uow.get(LEARNERS).create("telegram", "9000", clock.now, "en", "Out S.")
        checks = uow.get(CHECKS)
        # The check-in is the baseline: it counts even when taken before joining the group.
        await checks.finish(amina, CHECK_IN, 4, 10, before_joining)
        await checks.finish(amina, CHECK_OUT, 8, 10, clock.now)
        await checks.finish(bram, CHECK_IN, 6, 10, clock.now)
        await checks.finish(bram, CHECK_OUT, 7, 10, clock.now + timedelta(days=1))
        await checks.finish(carla, CHECK_IN, 2, 10, clock.now)
        # A check-out from before joining was not learnt in this group; an unfinished one is
        # no score; an outsider is not in the group.
        await checks.finish(dirk, CHECK_OUT, 9, 10, before_joining)
        await checks.offer(carla, CHECK_OUT, clock.now)
        await checks.finish(outsider.id, CHECK_IN, 0, 10, clock.now)

    async with app.tutor.units() as uow:
        report = await build_report(
            uow, app.services.course, "en", cohort, clock.now + timedelta(days=2), 3
        )

    assert [
        (
            line.check_in.score if line.check_in else None,
            line.check_out.score if line.check_out else None,
        )
        for line in report.learners
    ] == [(4, 8), (6, 7), (2, None), (None, None)]
    assert report.gain == LearningGain(4.0, 3, 7.5, 2, 2.5, 2)
    t = app.services.translators["en"]
    text = report_text(report, app.services.course, t)
    assert "• L0 B.: 0 · start 4/10 → end 8/10" in text
    assert "• L2 B.: 0 · start 2/10 → end –" in text
    # Belgian formats, English included: a decimal comma.
    assert "• At the start: 4/10 on average (3 learners)" in text
    assert "• At the end: 7,5/10 on average (2 learners)" in text
    assert "• Gain: +2,5 points for the 2 learners who did both" in text
    rows = report_csv(report, app.services.course, t).decode("utf-8-sig").splitlines()
    header = rows[0].split(";")
    start, end = header.index("Check at the start (/10)"), header.index("Check at the end (/10)")
    assert [(row.split(";")[start], row.split(";")[end]) for row in rows[1:]] == [
        ("4", "8"),
        ("6", "7"),
        ("2", ""),
        ("", ""),
    ]
    french = report_text(report, app.services.course, app.services.translators["fr"])
    assert "• Progrès : +2,5 points pour 2 apprenants qui ont fait les deux" in french


async def test_a_cohort_without_checks_shows_no_gain(app: App) -> None:
    cohort = await cohort_with_learners(app, 2, first_id=FIRST)
    async with app.tutor.units() as uow:
        report = await build_report(uow, app.services.course, "en", cohort, app.services.clock(), 3)
    assert report.gain == LearningGain()
    text = report_text(report, app.services.course, app.services.translators["en"])
    assert "📈" not in text


async def test_each_learner_shows_the_lesson_in_progress_and_a_quiz_gone_badly(
    app: App, clock: Clock
) -> None:
    course = app.services.course
    first, second, third = course.lesson_order("en")[:3]
    t = app.services.translators["en"]
    cohort = await cohort_with_learners(app, 2, first_id=FIRST)
    async with app.tutor.units() as uow:
        amina, bram = [await learner_id(uow, FIRST + offset) for offset in range(2)]
        await quiz_done(app, uow, amina, first, 1)  # 1 right: under half
        await quiz_done(app, uow, amina, second, 3)
        await uow.get(PROGRESS).start_lesson(amina, second, clock())
        clock.advance(minutes=5)
        await uow.get(PROGRESS).start_lesson(amina, third, clock())  # started last, not done
        await quiz_done(app, uow, bram, first, len(course.lesson("en", first).quiz))  # type: ignore[union-attr]

    async with app.tutor.units() as uow:
        report = await build_report(uow, course, "en", cohort, clock(), 3)

    share = 1 / len(course.lesson("en", first).quiz)  # type: ignore[union-attr]
    assert [(line.working_on, line.struggling_with) for line in report.learners] == [
        (third, (first, share)),
        (None, None),
    ]
    text = report_text(report, course, t)
    title = course.lesson("en", third).title  # type: ignore[union-attr]
    assert f"now on “{title}”" in text
    assert f"quiz to go over: “{course.lesson('en', first).title}”" in text  # type: ignore[union-attr]
    header, amina_row, bram_row = report_csv(report, course, t).decode("utf-8-sig").splitlines()
    assert header.endswith("Lesson in progress;Quiz to go over;Its score (%)")
    assert amina_row.endswith(f";{title};{course.lesson('en', first).title};{round(share * 100)}")  # type: ignore[union-attr]
    assert bram_row.endswith(";;;")
