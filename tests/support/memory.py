"""The learning flows' ports in memory, with the semantics of their SQL adapters.

`MemoryUnits` opens one unit of work at a time on a working copy of the stored rows and keeps
the copy only when the block ends without an error, so a failing turn leaves everything as it
was, as the database's rollback does. The rules the tables enforce are kept: one learner per
channel identity, rows only for learners that exist (the foreign keys), one answer per
(learner, lesson, item, mode, attempt), deleting a learner deletes their rows (the cascades),
timestamps stored in UTC and conversation data stored as JSON.

Where the SQL adapters leave an order to the database (ties, rows without ORDER BY), these
stores keep the order in which rows were written.
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any

from bot.config import Language
from bot.core.ports import LEARNERS, Learner, Port, Repositories, jsonable
from bot.core.replies import Button
from bot.core.state import StoredState
from bot.features.answers.ports import QUESTIONS, UnansweredQuestion
from bot.features.certificate.ports import CERTIFICATES, Certificate, Verification
from bot.features.progress.ports import CELEBRATIONS, PROGRESS, STREAKS, LessonProgress
from bot.features.progress.streaks import Streak, streak_export
from bot.features.quiz.ports import ANSWERS, Answer
from bot.features.review.memory import MEMORY, Memory
from bot.features.review.ports import REMINDERS, REVIEWS, ReminderTime, ReviewCard
from bot.features.voice.ports import KEEP_ANSWERS, VOICE, KeptAnswer

QUESTION_MAX_CHARS = 1000  # the length of the `unanswered_questions.text` column


class ConstraintError(Exception):
    """A write the database's constraints would refuse (its IntegrityError)."""


def utc(value: datetime) -> datetime:
    """Return a timestamp as the UTC columns store it; refuse a naive one, as they do."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    return value.astimezone(UTC)


def json_copy(data: dict[str, Any]) -> dict[str, Any]:
    """Return data as a JSON column gives it back."""
    return dict(json.loads(json.dumps(data)))


@dataclass(frozen=True)
class SavedConversation:
    """A row of `conversations`: where a learner is, and the state it interrupts."""

    current: StoredState
    resume: StoredState | None
    lesson_id: str | None
    updated_at: datetime
    buttons: tuple[Button, ...] = ()


@dataclass
class Tables:
    """The stored rows, by primary key; answers and questions in the order they were written."""

    learners: dict[int, Learner] = field(default_factory=dict)
    conversations: dict[int, SavedConversation] = field(default_factory=dict)
    progress: dict[tuple[int, str], LessonProgress] = field(default_factory=dict)
    answers: list[Answer] = field(default_factory=list)
    reviews: dict[tuple[int, str, str], ReviewCard] = field(default_factory=dict)
    reminders: dict[int, ReminderTime] = field(default_factory=dict)
    questions: list[UnansweredQuestion] = field(default_factory=list)
    streaks: dict[int, Streak] = field(default_factory=dict)
    celebrations: dict[tuple[int, str], datetime] = field(default_factory=dict)
    # (learner id, code digest, certificate), in the order they were issued.
    certificates: list[tuple[int, str, Certificate]] = field(default_factory=list)
    forgotten_certificates: dict[str, datetime] = field(default_factory=dict)
    read_aloud: dict[int, bool] = field(default_factory=dict)
    kept_answers: dict[int, tuple[int, KeptAnswer]] = field(default_factory=dict)
    last_learner_id: int = 0

    def require_learner(self, learner_id: int) -> None:
        """Refuse a row for a learner that does not exist, as the foreign keys do."""
        if learner_id not in self.learners:
            raise ConstraintError(f"no learner {learner_id}")

    def delete_learner(self, learner_id: int) -> None:
        """Delete a learner and, as the cascades do, every row about them."""
        self.learners.pop(learner_id, None)
        self.conversations.pop(learner_id, None)
        self.progress = {k: v for k, v in self.progress.items() if k[0] != learner_id}
        self.answers = [a for a in self.answers if a.learner_id != learner_id]
        self.reviews = {k: v for k, v in self.reviews.items() if k[0] != learner_id}
        self.reminders.pop(learner_id, None)
        self.questions = [q for q in self.questions if q.learner_id != learner_id]
        self.read_aloud.pop(learner_id, None)
        self.kept_answers = {k: v for k, v in self.kept_answers.items() if v[0] != learner_id}
        self.streaks.pop(learner_id, None)
        self.celebrations = {k: v for k, v in self.celebrations.items() if k[0] != learner_id}
        self.certificates = [c for c in self.certificates if c[0] != learner_id]


class MemoryLearners:
    """The learners and their conversation state, like `SqlLearners`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def find(self, channel: str, external_id: str) -> Learner | None:
        """Return the learner with this identity."""
        return next(
            (
                learner
                for learner in self.tables.learners.values()
                if (learner.channel, learner.external_id) == (channel, external_id)
            ),
            None,
        )

    async def arrive(self, channel: str, external_id: str, now: datetime) -> Learner | None:
        """Return the learner with this identity, noted as seen; units of work run one by one."""
        learner = await self.find(channel, external_id)
        if learner is None:
            return None
        self._update(learner.id, last_seen_at=utc(now), is_reachable=True)
        return await self.get(learner.id)

    async def get(self, learner_id: int) -> Learner | None:
        """Return a learner by id."""
        return self.tables.learners.get(learner_id)

    async def create(
        self,
        channel: str,
        external_id: str,
        now: datetime,
        language: Language | None,
        display_name: str | None,
    ) -> Learner:
        """Create a learner at first contact; refuse a second one with the same identity."""
        if await self.find(channel, external_id) is not None:
            raise ConstraintError(f"a learner {channel}:{external_id} exists already")
        self.tables.last_learner_id += 1
        learner = Learner(
            id=self.tables.last_learner_id,
            channel=channel,
            external_id=external_id,
            language=language,
            display_name=display_name,
            created_at=utc(now),
            last_seen_at=utc(now),
            is_reachable=True,
            reminders_on=True,
        )
        self.tables.learners[learner.id] = learner
        return learner

    async def set_language(self, learner_id: int, language: Language) -> None:
        """Change the language the tutor speaks with the learner."""
        self._update(learner_id, language=language)

    async def set_reminders(self, learner_id: int, on: bool) -> None:
        """Turn the learner's reminders on or off."""
        self._update(learner_id, reminders_on=on)

    async def set_reachable(self, learner_id: int, reachable: bool) -> None:
        """Note whether messages reach the learner."""
        self._update(learner_id, is_reachable=reachable)

    def _update(self, learner_id: int, **values: Any) -> None:
        # Like an UPDATE … WHERE id = …: nothing happens to a learner that does not exist.
        learner = self.tables.learners.get(learner_id)
        if learner is not None:
            self.tables.learners[learner_id] = replace(learner, **values)

    async def delete(self, learner_id: int) -> None:
        """Delete the learner and everything stored about them."""
        self.tables.delete_learner(learner_id)

    async def conversation(self, learner_id: int) -> tuple[StoredState | None, StoredState | None]:
        """Return the learner's stored state and the state it interrupts."""
        saved = self.tables.conversations.get(learner_id)
        if saved is None:
            return None, None
        return _stored_copy(saved.current), _stored_copy(saved.resume) if saved.resume else None

    async def buttons(self, learner_id: int) -> tuple[Button, ...]:
        """Return the buttons of the last reply the learner got that had some."""
        saved = self.tables.conversations.get(learner_id)
        return saved.buttons if saved else ()

    async def save_conversation(
        self,
        learner_id: int,
        current: StoredState,
        resume: StoredState | None,
        lesson_id: str | None,
        now: datetime,
        buttons: Sequence[Button] = (),
    ) -> None:
        """Store where the learner is and the buttons shown; an unchanged place keeps its time."""
        self.tables.require_learner(learner_id)
        saved = SavedConversation(
            _stored_copy(current),
            _stored_copy(resume) if resume else None,
            lesson_id,
            utc(now),
            tuple(buttons),
        )
        before = self.tables.conversations.get(learner_id)
        if before is None or replace(before, updated_at=saved.updated_at) != saved:
            self.tables.conversations[learner_id] = saved

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return what is stored about the learner themselves, as JSON-ready data."""
        learner = await self.get(learner_id)
        if learner is None:
            return {}
        current, resume = await self.conversation(learner_id)
        return {
            "learner": jsonable(asdict(learner)),
            "conversation": {
                "where": asdict(current) if current else None,
                "interrupted": asdict(resume) if resume else None,
                "buttons": [button.label for button in await self.buttons(learner_id)],
            },
        }


def _stored_copy(state: StoredState) -> StoredState:
    return StoredState(state.flow, state.step, json_copy(state.data))


class MemoryProgress:
    """Lesson progress, like `SqlProgress`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def of_lesson(self, learner_id: int, lesson_id: str) -> LessonProgress | None:
        """Return the learner's progress in one lesson."""
        return self.tables.progress.get((learner_id, lesson_id))

    async def all(self, learner_id: int) -> list[LessonProgress]:
        """Return the learner's progress in every lesson they started, oldest first."""
        mine = [p for (learner, _), p in self.tables.progress.items() if learner == learner_id]
        return sorted(mine, key=lambda progress: progress.started_at)

    async def start_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> None:
        """Note that a learner opened a lesson (once; later openings keep the first date)."""
        if (learner_id, lesson_id) not in self.tables.progress:
            self.tables.require_learner(learner_id)
            self.tables.progress[(learner_id, lesson_id)] = LessonProgress(
                lesson_id=lesson_id,
                started_at=utc(now),
                completed_at=None,
                quiz_attempts=0,
                last_score=None,
                best_score=None,
                quiz_total=0,
            )

    async def start_quiz_attempt(
        self, learner_id: int, lesson_id: str, total: int, now: datetime
    ) -> int:
        """Begin a new quiz attempt on a lesson and return its number."""
        await self.start_lesson(learner_id, lesson_id, now)
        progress = self.tables.progress[(learner_id, lesson_id)]
        progress = replace(progress, quiz_attempts=progress.quiz_attempts + 1, quiz_total=total)
        self.tables.progress[(learner_id, lesson_id)] = progress
        return progress.quiz_attempts

    async def finish_quiz(
        self, learner_id: int, lesson_id: str, score: int, now: datetime
    ) -> LessonProgress:
        """Record a finished quiz: last and best score, and the lesson as completed."""
        progress = self.tables.progress.get((learner_id, lesson_id))
        assert progress is not None
        progress = replace(
            progress,
            last_score=score,
            best_score=max(score, progress.best_score or 0),
            completed_at=progress.completed_at or utc(now),
        )
        self.tables.progress[(learner_id, lesson_id)] = progress
        return progress

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's progress for /mydata."""
        return [jsonable(asdict(progress)) for progress in await self.all(learner_id)]


class MemoryAnswers:
    """Quiz answers, like `SqlAnswers`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def record(self, answer: Answer) -> bool:
        """Store one answer; return False when this exact answer was already stored."""
        self.tables.require_learner(answer.learner_id)
        key = _answer_key(answer)
        if any(_answer_key(stored) == key for stored in self.tables.answers):
            return False
        self.tables.answers.append(replace(answer, answered_at=utc(answer.answered_at)))
        return True

    async def attempt_score(self, learner_id: int, lesson_id: str, attempt: int) -> int:
        """Count the right answers of one quiz attempt."""
        return sum(
            1
            for a in self.tables.answers
            if (a.learner_id, a.lesson_id, a.mode, a.attempt)
            == (learner_id, lesson_id, "quiz", attempt)
            and a.is_correct
        )

    async def last_quiz_answer(
        self, learner_id: int, item_id: str, lesson_id: str | None = None
    ) -> Answer | None:
        """Return the learner's latest quiz answer (not review) to an item, in a lesson if given."""
        given = [
            a
            for a in self.tables.answers
            if (a.learner_id, a.item_id, a.mode) == (learner_id, item_id, "quiz")
            and lesson_id in (None, a.lesson_id)
        ]
        return max(given, key=lambda a: a.attempt, default=None)

    async def review_count(self, learner_id: int, lesson_id: str, item_id: str) -> int:
        """Count the review answers already given to one item."""
        return sum(
            1
            for a in self.tables.answers
            if (a.learner_id, a.lesson_id, a.item_id, a.mode)
            == (learner_id, lesson_id, item_id, "review")
        )

    async def latest_results(self, learner_id: int) -> dict[tuple[str, str], bool]:
        """Return whether the learner's latest answer (quiz or review) to each item was right."""
        given = [a for a in self.tables.answers if a.learner_id == learner_id]
        # Sorted stably, so answers at the same moment keep the order they were written in.
        return {
            (a.lesson_id, a.item_id): a.is_correct
            for a in sorted(given, key=lambda a: a.answered_at)
        }

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's answers for /mydata, in the order they were given."""
        return [
            jsonable(
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
            for a in self.tables.answers
            if a.learner_id == learner_id
        ]


def _answer_key(answer: Answer) -> tuple[int, str, str, str, int]:
    """Return what the unique constraint of `quiz_answers` covers."""
    return (answer.learner_id, answer.lesson_id, answer.item_id, answer.mode, answer.attempt)


class MemoryReviews:
    """The learners' cards, like `SqlReviews`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def card(self, learner_id: int, lesson_id: str, item_id: str) -> ReviewCard | None:
        """Return the learner's card of one item, if they have answered it."""
        return self.tables.reviews.get((learner_id, lesson_id, item_id))

    async def save(self, learner_id: int, card: ReviewCard) -> None:
        """Store a card, new or reviewed."""
        self.tables.require_learner(learner_id)
        stored = replace(card, due=utc(card.due), last_review=utc(card.last_review))
        self.tables.reviews[(learner_id, card.lesson_id, card.item_id)] = stored

    async def retire(self, learner_id: int, lesson_id: str, item_id: str) -> None:
        """Drop the card of an item the course no longer has."""
        self.tables.reviews.pop((learner_id, lesson_id, item_id), None)

    async def due(self, learner_id: int, before: datetime, limit: int) -> list[ReviewCard]:
        """Return up to `limit` cards due before a time, the longest due first."""
        due = [card for card in self._of(learner_id) if card.due < before]
        return sorted(due, key=lambda card: (card.due, card.lesson_id, card.item_id))[:limit]

    async def count_due(self, learner_id: int, before: datetime) -> int:
        """Count the cards due before a time."""
        return sum(card.due < before for card in self._of(learner_id))

    async def next_due(self, learner_id: int) -> datetime | None:
        """Return when the next card falls due, if the learner has any."""
        return min((card.due for card in self._of(learner_id)), default=None)

    async def recent_reviews(self, learner_id: int, limit: int) -> list[datetime]:
        """Return when the learner last answered their most recently answered items."""
        return sorted((card.last_review for card in self._of(learner_id)), reverse=True)[:limit]

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's cards for /mydata."""
        cards = sorted(self._of(learner_id), key=lambda c: (c.due, c.lesson_id, c.item_id))
        return [
            jsonable(
                {
                    "lesson_id": c.lesson_id,
                    "item": c.item_id,
                    "due": c.due,
                    "stability_days": round(c.stability, 2),
                    "difficulty": round(c.difficulty, 2),
                    "last_answer": c.last_review,
                }
            )
            for c in cards
        ]

    def _of(self, learner_id: int) -> list[ReviewCard]:
        return [card for key, card in self.tables.reviews.items() if key[0] == learner_id]


class MemoryReminders:
    """The learners' reminder hours, like `SqlReminders` (which alone sends reminders)."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def time(self, learner_id: int) -> ReminderTime:
        """Return the hours the learner's reminder is based on."""
        return self.tables.reminders.get(learner_id, ReminderTime())

    async def set_usual_hour(self, learner_id: int, hour: int) -> None:
        """Remember the hour at which the learner usually learns."""
        self.tables.require_learner(learner_id)
        self.tables.reminders[learner_id] = replace(await self.time(learner_id), usual_hour=hour)

    async def choose_hour(self, learner_id: int, hour: int | None) -> None:
        """Set the hour the learner chose, or None to follow when they usually learn."""
        self.tables.require_learner(learner_id)
        self.tables.reminders[learner_id] = replace(await self.time(learner_id), chosen_hour=hour)

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's reminder hours and the reminders sent, for /mydata."""
        time = await self.time(learner_id)
        return {"usual_hour": time.usual_hour, "chosen_hour": time.chosen_hour, "reminders": []}


class MemoryQuestions:
    """Questions the course did not cover, like `SqlQuestions`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def record(self, learner_id: int, language: Language, text: str, now: datetime) -> None:
        """Keep a question the tutor could not answer, cut to the column's length."""
        self.tables.require_learner(learner_id)
        self.tables.questions.append(
            UnansweredQuestion(
                len(self.tables.questions) + 1,
                learner_id,
                language,
                text[:QUESTION_MAX_CHARS],
                utc(now),
            )
        )

    async def of_learners(
        self, learner_ids: Sequence[int], since: datetime | None = None
    ) -> list[UnansweredQuestion]:
        """Return the unanswered questions of some learners, newest first."""
        found = [
            q
            for q in self.tables.questions
            if q.learner_id in learner_ids and (since is None or q.asked_at >= since)
        ]
        return sorted(found, key=lambda question: question.asked_at, reverse=True)

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's unanswered questions for /mydata."""
        return [
            jsonable({"language": q.language, "text": q.text, "asked_at": q.asked_at})
            for q in await self.of_learners([learner_id])
        ]


class MemoryStreaks:
    """Learning streaks, like `SqlStreaks`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def of(self, learner_id: int) -> Streak | None:
        """Return the learner's streak, if they ever learnt."""
        return self.tables.streaks.get(learner_id)

    async def save(self, learner_id: int, streak: Streak) -> None:
        """Store the learner's streak."""
        self.tables.require_learner(learner_id)
        self.tables.streaks[learner_id] = streak

    async def export(self, learner_id: int) -> dict[str, Any] | None:
        """Return the learner's streak for /mydata."""
        streak = self.tables.streaks.get(learner_id)
        return streak_export(streak) if streak else None


class MemoryCelebrations:
    """Milestones congratulated on, like `SqlCelebrations`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def claim(self, learner_id: int, milestone: str, now: datetime) -> bool:
        """Note a milestone; return False when it was noted before."""
        if (learner_id, milestone) in self.tables.celebrations:
            return False
        self.tables.require_learner(learner_id)
        self.tables.celebrations[(learner_id, milestone)] = utc(now)
        return True

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's milestones for /mydata."""
        mine = sorted(
            (reached, milestone)
            for (learner, milestone), reached in self.tables.celebrations.items()
            if learner == learner_id
        )
        return [jsonable({"milestone": m, "reached_at": reached}) for reached, m in mine]


class MemoryCertificates:
    """Certificates, like `SqlCertificates`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def issue(
        self, learner_id: int, digest: str, certificate: Certificate, now: datetime
    ) -> None:
        """Store a new certificate, revoking the learner's earlier ones."""
        self.tables.require_learner(learner_id)
        if any(stored == digest for _, stored, _ in self.tables.certificates):
            raise ConstraintError("a certificate with this code exists already")
        self.tables.certificates = [
            (owner, stored, replace(c, revoked_at=c.revoked_at or utc(now)))
            if owner == learner_id
            else (owner, stored, c)
            for owner, stored, c in self.tables.certificates
        ]
        issued = replace(certificate, issued_at=utc(certificate.issued_at), revoked_at=None)
        self.tables.certificates.append((learner_id, digest, issued))

    async def valid_of(self, learner_id: int) -> Certificate | None:
        """Return the learner's certificate that is not revoked, if any."""
        mine = await self.of_learner(learner_id)
        return next((c for c in mine if c.revoked_at is None), None)

    async def of_learner(self, learner_id: int) -> list[Certificate]:
        """Return every certificate of the learner, oldest first."""
        return [c for owner, _, c in self.tables.certificates if owner == learner_id]

    async def verify(self, digest: str) -> Verification:
        """Say what the certificate with this code digest is."""
        for _, stored, certificate in self.tables.certificates:
            if stored == digest:
                if certificate.revoked_at is None:
                    return Verification("valid", certificate)
                return Verification("revoked", revoked_at=certificate.revoked_at)
        if digest in self.tables.forgotten_certificates:
            return Verification("revoked", revoked_at=self.tables.forgotten_certificates[digest])
        return Verification("unknown")

    async def revoke(self, digest: str, now: datetime) -> bool:
        """Revoke a certificate; return False when no valid one has this digest."""
        for index, (owner, stored, c) in enumerate(self.tables.certificates):
            if stored == digest and c.revoked_at is None:
                self.tables.certificates[index] = (owner, stored, replace(c, revoked_at=utc(now)))
                return True
        return False

    async def forget(self, learner_id: int, now: datetime) -> None:
        """Keep only the digests of a departing learner's certificates, as revoked."""
        for owner, stored, c in self.tables.certificates:
            if owner == learner_id:
                self.tables.forgotten_certificates[stored] = c.revoked_at or utc(now)

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's certificates for /mydata (the code's first characters only)."""
        return [
            jsonable(
                {
                    "code_starts_with": c.code_prefix,
                    "name": c.name,
                    "language": c.language,
                    "modules": list(c.modules),
                    "issued_at": c.issued_at,
                    "revoked_at": c.revoked_at,
                }
            )
            for c in await self.of_learner(learner_id)
        ]


class MemoryVoice:
    """The read-aloud setting and answers kept to read aloud, like `SqlVoice`."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    async def reads_aloud(self, learner_id: int) -> bool:
        """Tell whether the learner has every card read aloud."""
        return self.tables.read_aloud.get(learner_id, False)

    async def set_read_aloud(self, learner_id: int, on: bool, now: datetime) -> None:
        """Turn reading every card aloud on or off."""
        self.tables.require_learner(learner_id)
        self.tables.read_aloud[learner_id] = on

    async def keep_answer(
        self, learner_id: int, language: Language, text: str, now: datetime
    ) -> int:
        """Keep an answer and return its id."""
        self.tables.require_learner(learner_id)
        kept = self.tables.kept_answers
        answer_id = max(kept, default=0) + 1
        kept[answer_id] = (learner_id, KeptAnswer(answer_id, language, text, utc(now)))
        return answer_id

    async def answer(self, learner_id: int, answer_id: int, now: datetime) -> KeptAnswer | None:
        """Return one of the learner's answers kept less than a day ago."""
        owner, answer = self.tables.kept_answers.get(answer_id, (None, None))
        if owner != learner_id or answer is None or answer.created_at < now - KEEP_ANSWERS:
            return None
        return answer

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's setting and kept answers for /mydata."""
        answers = [a for owner, a in self.tables.kept_answers.values() if owner == learner_id]
        return {
            "read_cards_aloud": await self.reads_aloud(learner_id),
            "answers_to_read_aloud": [
                jsonable({"language": a.language, "text": a.text, "created_at": a.created_at})
                for a in answers
            ],
        }


# The store of each port, built on the tables of one unit of work.
STORES: dict[Port[Any], Callable[[Tables], object]] = {
    LEARNERS: MemoryLearners,
    PROGRESS: MemoryProgress,
    ANSWERS: MemoryAnswers,
    REVIEWS: MemoryReviews,
    REMINDERS: MemoryReminders,
    # The memory model at the default desired retention; it keeps nothing itself.
    MEMORY: lambda _: Memory(0.9),
    QUESTIONS: MemoryQuestions,
    VOICE: MemoryVoice,
    STREAKS: MemoryStreaks,
    CELEBRATIONS: MemoryCelebrations,
    CERTIFICATES: MemoryCertificates,
}


class MemoryUnitOfWork(Repositories):
    """One unit of work: every store works on the same copy of the tables."""

    def __init__(self, tables: Tables) -> None:
        super().__init__({port: partial(store, tables) for port, store in STORES.items()})
        self.tables = tables


class MemoryUnits:
    """Open units of work on tables in memory, one at a time, kept only when they succeed."""

    def __init__(self) -> None:
        self.tables = Tables()
        # One at a time, like the database's lock on a learner, for every learner at once.
        self._one_at_a_time = asyncio.Lock()

    @property
    def ports(self) -> frozenset[Port[Any]]:
        """Return the ports these units of work have a store for."""
        return frozenset(STORES)

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[MemoryUnitOfWork]:
        """Open one unit of work on a copy of the tables; keep the copy if it ends well."""
        async with self._one_at_a_time:
            working = copy.deepcopy(self.tables)
            yield MemoryUnitOfWork(working)
            # Not reached when the block raised: the tables stay as they were.
            self.tables = working
