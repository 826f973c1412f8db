"""Repository functions of the tutor core; they return plain dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import (
    ConversationRow,
    LearnerRow,
    LessonProgressRow,
    QuizAnswerRow,
    ReviewItemRow,
    UnansweredQuestionRow,
)
from bot.config import Language
from bot.core.state import StoredState


@dataclass(frozen=True)
class Learner:
    """A learner and where they are in the course."""

    id: int
    channel: str
    external_id: str
    language: Language | None
    display_name: str | None
    created_at: datetime
    last_seen_at: datetime
    is_reachable: bool
    reminders_on: bool


@dataclass(frozen=True)
class LessonProgress:
    """A learner's progress in one lesson."""

    lesson_id: str
    started_at: datetime
    completed_at: datetime | None
    quiz_attempts: int
    last_score: int | None
    best_score: int | None
    quiz_total: int


@dataclass(frozen=True)
class ReviewItem:
    """A quiz item due for review."""

    lesson_id: str
    item_id: str
    box: int
    due_at: datetime


def _learner(row: LearnerRow) -> Learner:
    return Learner(
        id=row.id,
        channel=row.channel,
        external_id=row.external_id,
        language=row.language,  # type: ignore[arg-type]
        display_name=row.display_name,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        is_reachable=row.is_reachable,
        reminders_on=row.reminders_on,
    )


def _progress(row: LessonProgressRow) -> LessonProgress:
    return LessonProgress(
        lesson_id=row.lesson_id,
        started_at=row.started_at,
        completed_at=row.completed_at,
        quiz_attempts=row.quiz_attempts,
        last_score=row.last_score,
        best_score=row.best_score,
        quiz_total=row.quiz_total,
    )


async def find_learner(session: AsyncSession, channel: str, external_id: str) -> Learner | None:
    """Return the learner with this channel identity, if known."""
    row = await session.scalar(
        select(LearnerRow).where(
            LearnerRow.channel == channel, LearnerRow.external_id == external_id
        )
    )
    return _learner(row) if row else None


async def get_learner(session: AsyncSession, learner_id: int) -> Learner | None:
    """Return a learner by id."""
    row = await session.get(LearnerRow, learner_id)
    return _learner(row) if row else None


async def create_learner(
    session: AsyncSession,
    channel: str,
    external_id: str,
    now: datetime,
    language: Language | None,
    display_name: str | None,
) -> Learner:
    """Create a learner at first contact."""
    row = LearnerRow(
        channel=channel,
        external_id=external_id,
        language=language,
        display_name=display_name,
        created_at=now,
        last_seen_at=now,
        is_reachable=True,
        reminders_on=True,
    )
    session.add(row)
    await session.flush()
    return _learner(row)


async def update_learner(session: AsyncSession, learner_id: int, **values: Any) -> None:
    """Change some of a learner's columns (language, position, last seen, flags)."""
    await session.execute(update(LearnerRow).where(LearnerRow.id == learner_id).values(**values))


async def conversation(
    session: AsyncSession, learner_id: int
) -> tuple[StoredState | None, StoredState | None]:
    """Return a learner's stored conversation state and the state it interrupts, if any."""
    row = await session.get(ConversationRow, learner_id)
    if row is None:
        return None, None
    resume = (
        StoredState(row.resume_flow, row.resume_step or "", row.resume_data or {})
        if row.resume_flow
        else None
    )
    return StoredState(row.flow, row.step, row.data), resume


async def save_conversation(
    session: AsyncSession,
    learner_id: int,
    current: StoredState,
    resume: StoredState | None,
    lesson_id: str | None,
    now: datetime,
) -> None:
    """Store where a learner is in the conversation, so any process can go on from there."""
    row = await session.get(ConversationRow, learner_id)
    if row is None:
        row = ConversationRow(learner_id=learner_id)
        session.add(row)
    row.flow, row.step, row.data = current.flow, current.step, current.data
    row.resume_flow = resume.flow if resume else None
    row.resume_step = resume.step if resume else None
    row.resume_data = resume.data if resume else None
    row.lesson_id = lesson_id
    row.updated_at = now
    await session.flush()


async def lesson_progress(
    session: AsyncSession, learner_id: int, lesson_id: str
) -> LessonProgress | None:
    """Return the learner's progress in one lesson."""
    row = await session.get(LessonProgressRow, (learner_id, lesson_id))
    return _progress(row) if row else None


async def all_progress(session: AsyncSession, learner_id: int) -> list[LessonProgress]:
    """Return the learner's progress in every lesson they started."""
    rows = await session.scalars(
        select(LessonProgressRow)
        .where(LessonProgressRow.learner_id == learner_id)
        .order_by(LessonProgressRow.started_at)
    )
    return [_progress(row) for row in rows]


async def start_lesson(
    session: AsyncSession, learner_id: int, lesson_id: str, now: datetime
) -> None:
    """Note that a learner opened a lesson (once; later openings keep the first date)."""
    if await session.get(LessonProgressRow, (learner_id, lesson_id)) is None:
        session.add(
            LessonProgressRow(
                learner_id=learner_id,
                lesson_id=lesson_id,
                started_at=now,
                quiz_attempts=0,
                quiz_total=0,
            )
        )
        await session.flush()


async def start_quiz_attempt(
    session: AsyncSession, learner_id: int, lesson_id: str, total: int, now: datetime
) -> int:
    """Begin a new quiz attempt on a lesson and return its number."""
    await start_lesson(session, learner_id, lesson_id, now)
    row = await session.get(LessonProgressRow, (learner_id, lesson_id))
    assert row is not None
    row.quiz_attempts += 1
    row.quiz_total = total
    await session.flush()
    return row.quiz_attempts


async def record_answer(
    session: AsyncSession,
    *,
    learner_id: int,
    lesson_id: str,
    item_id: str,
    chosen: int,
    is_correct: bool,
    mode: str,
    attempt: int,
    now: datetime,
) -> bool:
    """Store one answer; return False when this exact answer was already stored."""
    try:
        async with session.begin_nested():
            session.add(
                QuizAnswerRow(
                    learner_id=learner_id,
                    lesson_id=lesson_id,
                    item_id=item_id,
                    chosen=chosen,
                    is_correct=is_correct,
                    mode=mode,
                    attempt=attempt,
                    answered_at=now,
                )
            )
    except IntegrityError:
        return False
    return True


async def attempt_score(
    session: AsyncSession, learner_id: int, lesson_id: str, attempt: int
) -> int:
    """Count the right answers of one quiz attempt."""
    return await _count_answers(
        session,
        QuizAnswerRow.learner_id == learner_id,
        QuizAnswerRow.lesson_id == lesson_id,
        QuizAnswerRow.mode == "quiz",
        QuizAnswerRow.attempt == attempt,
        QuizAnswerRow.is_correct.is_(True),
    )


async def review_answer_count(
    session: AsyncSession, learner_id: int, lesson_id: str, item_id: str
) -> int:
    """Count the review answers already given to one item."""
    return await _count_answers(
        session,
        QuizAnswerRow.learner_id == learner_id,
        QuizAnswerRow.lesson_id == lesson_id,
        QuizAnswerRow.item_id == item_id,
        QuizAnswerRow.mode == "review",
    )


async def _count_answers(session: AsyncSession, *conditions: ColumnElement[bool]) -> int:
    count = await session.scalar(select(func.count()).select_from(QuizAnswerRow).where(*conditions))
    return int(count or 0)


async def finish_quiz(
    session: AsyncSession, learner_id: int, lesson_id: str, score: int, now: datetime
) -> LessonProgress:
    """Record a finished quiz: last and best score, and the lesson as completed."""
    row = await session.get(LessonProgressRow, (learner_id, lesson_id))
    assert row is not None
    row.last_score = score
    row.best_score = max(score, row.best_score or 0)
    if row.completed_at is None:
        row.completed_at = now
    await session.flush()
    return _progress(row)


async def review_item(
    session: AsyncSession, learner_id: int, lesson_id: str, item_id: str
) -> ReviewItem | None:
    """Return one item of the learner's review schedule."""
    row = await session.get(ReviewItemRow, (learner_id, lesson_id, item_id))
    return ReviewItem(row.lesson_id, row.item_id, row.box, row.due_at) if row else None


async def schedule_review(
    session: AsyncSession,
    learner_id: int,
    lesson_id: str,
    item_id: str,
    box: int,
    due_at: datetime,
) -> None:
    """Put a quiz item in a Leitner box, due at a given time."""
    row = await session.get(ReviewItemRow, (learner_id, lesson_id, item_id))
    if row is None:
        session.add(
            ReviewItemRow(
                learner_id=learner_id,
                lesson_id=lesson_id,
                item_id=item_id,
                box=box,
                due_at=due_at,
            )
        )
    else:
        row.box = box
        row.due_at = due_at
    await session.flush()


async def retire_review(
    session: AsyncSession, learner_id: int, lesson_id: str, item_id: str
) -> None:
    """Take a well-learnt item out of the review schedule."""
    await session.execute(
        delete(ReviewItemRow).where(
            ReviewItemRow.learner_id == learner_id,
            ReviewItemRow.lesson_id == lesson_id,
            ReviewItemRow.item_id == item_id,
        )
    )


async def due_reviews(session: AsyncSession, learner_id: int, now: datetime) -> list[ReviewItem]:
    """Return the items due for review, the longest overdue first."""
    rows = await session.scalars(
        select(ReviewItemRow)
        .where(ReviewItemRow.learner_id == learner_id, ReviewItemRow.due_at <= now)
        .order_by(ReviewItemRow.due_at, ReviewItemRow.lesson_id, ReviewItemRow.item_id)
    )
    return [ReviewItem(r.lesson_id, r.item_id, r.box, r.due_at) for r in rows]


async def next_review_due(session: AsyncSession, learner_id: int) -> datetime | None:
    """Return when the next review item falls due, if any is scheduled."""
    return await session.scalar(
        select(func.min(ReviewItemRow.due_at)).where(ReviewItemRow.learner_id == learner_id)
    )


@dataclass(frozen=True)
class UnansweredQuestion:
    """A question the course did not cover, as stored (personal data already removed)."""

    learner_id: int
    language: str
    text: str
    asked_at: datetime


async def record_unanswered(
    session: AsyncSession, learner_id: int, language: Language, text: str, now: datetime
) -> None:
    """Keep a question the tutor could not answer, for trainers; the caller redacts it first."""
    session.add(
        UnansweredQuestionRow(
            learner_id=learner_id, language=language, text=text[:1000], asked_at=now
        )
    )
    await session.flush()


async def unanswered_questions(
    session: AsyncSession, learner_ids: list[int], since: datetime | None = None
) -> list[UnansweredQuestion]:
    """Return the unanswered questions of some learners, newest first."""
    query = select(UnansweredQuestionRow).where(UnansweredQuestionRow.learner_id.in_(learner_ids))
    if since is not None:
        query = query.where(UnansweredQuestionRow.asked_at >= since)
    rows = await session.scalars(query.order_by(UnansweredQuestionRow.asked_at.desc()))
    return [UnansweredQuestion(r.learner_id, r.language, r.text, r.asked_at) for r in rows]


async def export_learner(session: AsyncSession, learner_id: int) -> dict[str, Any]:
    """Return everything stored about a learner, as JSON-ready data."""
    learner = await get_learner(session, learner_id)
    if learner is None:
        return {}
    answers = await session.scalars(
        select(QuizAnswerRow)
        .where(QuizAnswerRow.learner_id == learner_id)
        .order_by(QuizAnswerRow.id)
    )
    reviews = await session.scalars(
        select(ReviewItemRow).where(ReviewItemRow.learner_id == learner_id)
    )
    current, resume = await conversation(session, learner_id)
    return {
        "learner": _jsonable(asdict(learner)),
        "conversation": {
            "where": asdict(current) if current else None,
            "interrupted": asdict(resume) if resume else None,
        },
        "lessons": [_jsonable(asdict(p)) for p in await all_progress(session, learner_id)],
        "quiz_answers": [
            _jsonable(
                {
                    "lesson_id": a.lesson_id,
                    "item": a.item_id,
                    "chosen": a.chosen,
                    "correct": a.is_correct,
                    "mode": a.mode,
                    "attempt": a.attempt,
                    "answered_at": a.answered_at,
                }
            )
            for a in answers
        ],
        "unanswered_questions": [
            _jsonable({"language": q.language, "text": q.text, "asked_at": q.asked_at})
            for q in await unanswered_questions(session, [learner_id])
        ],
        "reviews": [
            _jsonable(
                {"lesson_id": r.lesson_id, "item": r.item_id, "box": r.box, "due_at": r.due_at}
            )
            for r in reviews
        ],
    }


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


async def delete_learner(session: AsyncSession, learner_id: int) -> None:
    """Delete a learner and, by cascade, everything stored about them."""
    await session.execute(delete(LearnerRow).where(LearnerRow.id == learner_id))
